"""Pusat cetak: choose a form, preview the real PDF, print or save it, see the print log."""

from rekap_desktop.gui.print_centre.dialog import PrintCentreDialog

__all__ = ["PrintCentreDialog"]
