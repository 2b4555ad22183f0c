"""Run a service call from the window: a refusal becomes a dialog in Indonesian, never a crash."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from rekap_desktop.interchange.problems import InputRejected

T = TypeVar("T")
MAX_LISTED = 15


def refusal_text(error: InputRejected) -> str:
    lines = [str(p) for p in error.problems[:MAX_LISTED]]
    if len(error.problems) > MAX_LISTED:
        lines.append(f"… dan {len(error.problems) - MAX_LISTED} masalah lain.")
    head = f"{error.source} ditolak; tidak ada yang diubah." if error.source else "Ditolak."
    return head + "\n\n" + "\n".join(f"• {line}" for line in lines)


def run_operation(
    parent: QWidget,
    title: str,
    action: Callable[[], T],
    on_refused: Callable[[InputRejected], None] | None = None,
) -> T | None:
    """Run ``action``; show a refusal (expected) or a bug (unexpected) in a dialog.

    ``on_refused`` runs before a refusal is shown, e.g. to re-read a view another station
    changed, so the dialog is read over what is now stored."""
    try:
        return action()
    except InputRejected as error:
        if on_refused is not None:
            on_refused(error)
        QMessageBox.warning(parent, title, refusal_text(error))
    except Exception as error:  # a bug: keep the window alive and say what happened
        QMessageBox.critical(parent, title, f"Kesalahan internal: {type(error).__name__}: {error}")
    return None
