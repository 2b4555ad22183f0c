"""Closing the cockpit while work still runs off the GUI thread (a print being sent, a package
being written, a backup): the program says what it is finishing and waits for it, so nobody
shuts the laptop on a print half sent or a backup half written."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QProgressDialog

POLL_MS = 50

Running = Callable[[], list[str]]
"""The names of the work still running (empty when all is done)."""


def waiting_text(running: list[str]) -> str:
    return (
        f"Menyelesaikan {_listed(running)} sebelum Rekap Desktop ditutup…\nJangan matikan laptop."
    )


def _listed(names: list[str]) -> str:
    """ "a", "a dan b", "a, b, dan c"."""
    if len(names) <= 2:
        return " dan ".join(names)
    return f"{', '.join(names[:-1])}, dan {names[-1]}"


def finish_running_work(running: Running) -> bool:
    """Wait, showing what is being finished, until ``running`` names nothing; True when it
    had to wait. There is no cancel: what runs is one transaction or one print, and
    stopping it halfway is what the wait is for."""
    if not running():
        return False
    dialog = QProgressDialog(waiting_text(running()), "", 0, 0)
    dialog.setWindowTitle("Rekap Desktop")
    dialog.setCancelButton(None)  # no cancel: see above
    dialog.setMinimumDuration(0)
    dialog.show()
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(POLL_MS)

    def check() -> None:
        still = running()
        if still:
            dialog.setLabelText(waiting_text(still))
        else:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    dialog.close()
    return True
