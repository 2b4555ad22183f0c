"""Paket bukti: the signed, indexed evidence pack for Bawaslu and the Court (formats §4,
``rekap-desktop evidence``), and its verification anywhere (``rekap-desktop verify``)."""
