"""Where the bundled files are (resources/ and README.md, the F1 guide): found the same way in the
source tree, an installed wheel and the PyInstaller bundle.

The wheel and the sdist carry the repository's top-level resources/ and README.md as the data
package ``rekap_desktop.bundled`` (pyproject.toml maps it onto the top of the repository), so an
installed program finds them with importlib.resources; an editable install maps the same name onto
the source tree. The PyInstaller bundle lays out the same two entries at its own top.
"""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

DATA_PACKAGE = "rekap_desktop.bundled"


def bundled_root() -> Path:
    """The folder that holds ``resources/`` and ``README.md``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle)
    try:
        # A folder package: joining a name gives a plain path on the file system.
        return Path(str(files(DATA_PACKAGE) / "README.md")).parent
    except ModuleNotFoundError:
        # A source tree on the path but not installed (PYTHONPATH=…): its top is our parent's.
        return Path(__file__).resolve().parent.parent


def resource_dir() -> Path:
    return bundled_root() / "resources"


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)
