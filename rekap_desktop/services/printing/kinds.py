"""The forms the meeting prints, by the name the command line and the print log use."""

from __future__ import annotations

from enum import StrEnum


class FormKind(StrEnum):
    D_HASIL = "d-hasil"
    KEJADIAN_KHUSUS = "kejadian-khusus"
    PENGEMBALIAN = "pengembalian"
    DAFTAR_HADIR = "daftar-hadir"
    SKORS = "skors"
    PENGUMUMAN = "pengumuman"
    BERITA_ACARA = "berita-acara"
    PEROLEHAN_KURSI = "perolehan-kursi"
    DAFTAR_PEMBETULAN = "daftar-pembetulan"
    HITUNG_ULANG = "hitung-ulang"
    # The stages after the recapitulation (printed once the result is determined):
    KEPUTUSAN_HASIL = "keputusan-hasil"
    PENETAPAN_TERPILIH = "penetapan-terpilih"
    SURAT_PENGANTAR = "surat-pengantar"
    KEPUTUSAN_KURSI = "keputusan-kursi"
    # A follow-up session (sesi lanjutan) of a determined result:
    BERITA_ACARA_LANJUTAN = "berita-acara-lanjutan"
    # Copies handed to saksi and Bawaslu (salinan): the receipts and the list of who got which:
    TANDA_TERIMA = "tanda-terima"
    DAFTAR_SALINAN = "daftar-salinan"
