"""Run a service call from the window: a refusal becomes a dialog in Indonesian, never a crash."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.error_log import log

T = TypeVar("T")
MAX_LISTED = 15
AFTER_A_BUG = (
    "Rapat dapat dilanjutkan; yang sudah tersimpan tetap aman. Ulangi langkah itu; bila "
    "kesalahan muncul lagi, serahkan berkas log program kepada petugas teknis."
)


def refusal_text(error: InputRejected) -> str:
    lines = [str(p) for p in error.problems[:MAX_LISTED]]
    if len(error.problems) > MAX_LISTED:
        lines.append(f"… dan {len(error.problems) - MAX_LISTED} masalah lain.")
    head = f"{error.source} ditolak; tidak ada yang diubah." if error.source else "Ditolak."
    return head + "\n\n" + "\n".join(f"• {line}" for line in lines)


@dataclass(frozen=True)
class Failure:
    """Why a service call did not succeed, in Indonesian, ready for a dialog."""

    text: str
    refused: bool
    """True: an expected refusal (a warning); False: a bug (shown as an internal error)."""
    cancelled: bool = False
    """The operator cancelled it; nothing was changed and no dialog is needed."""


def failure_of(error: Exception) -> Failure:
    """``error`` for a dialog; a bug is written to the program's log with its traceback."""
    if isinstance(error, InputRejected):
        return Failure(refusal_text(error), refused=True)
    log().error("Kesalahan internal", exc_info=(type(error), error, error.__traceback__))
    return Failure(f"Kesalahan internal: {type(error).__name__}: {error}", refused=False)


def show_failure(parent: QWidget | None, title: str, failure: Failure) -> None:
    """The dialog run_operation shows: a warning for a refusal, a critical box for a bug."""
    if failure.cancelled:
        return
    if failure.refused:
        QMessageBox.warning(parent, title, failure.text)
    else:
        QMessageBox.critical(parent, title, f"{failure.text}\n\n{AFTER_A_BUG}")


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
        show_failure(parent, title, failure_of(error))
    except Exception as error:  # a bug: keep the window alive and say what happened
        show_failure(parent, title, failure_of(error))
    return None
