"""Rekap Desktop: the offline tool for the KPU's open plenary recapitulation meeting."""

from __future__ import annotations

from functools import cache


@cache
def package_version() -> str:
    """The installed package's version, read when first asked for: importlib.metadata is not
    loaded at start-up."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("rekap-desktop")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return package_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
