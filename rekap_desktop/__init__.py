"""Rekap Desktop: the offline tool for the KPU's open plenary recapitulation meeting."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("rekap-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
