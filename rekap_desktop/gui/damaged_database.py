"""A database file that cannot be opened at all (emptied, truncated, overwritten): before any
window, the operator is told what is wrong and offered the latest good backup, confirmed with
a commissioner's PIN. Nothing is deleted: the damaged file is set aside under a new name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from rekap_desktop.domain.problems import DamagedDatabase, InputRejected
from rekap_desktop.services import backup_service

TITLE = "Basis data rusak"


def offer_backup(
    damage: DamagedDatabase, folder: Path, restore_over: Callable[[Path], object | None]
) -> bool:
    """True when a good backup from ``folder`` now stands in the damaged file's place;
    ``restore_over(backup)`` puts it there once a commissioner of the backup's meeting confirmed
    (None: not confirmed, nothing changed)."""
    backup = backup_service.latest_good_backup(folder)
    reason = f"Rapat tidak dibuka: {damage}.\n\nBerkas itu tidak diubah."

    def restore() -> object | None:
        return None if backup is None else restore_over(backup)

    return offer_restore(reason, backup, folder, restore)


def offer_restore(
    reason: str,
    backup: Path | None,
    folder: Path,
    restore: Callable[[], object | None],
    parent: QWidget | None = None,
) -> bool:
    """Say why the meeting is not opened and offer the latest good backup; True when ``restore``
    (which asks for a commissioner's PIN) put it back. A refusal is shown, naming why."""
    if backup is None:
        QMessageBox.critical(
            parent, TITLE, f"{reason}\n\nTidak ada cadangan yang baik di {folder}."
        )
        return False
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        TITLE,
        f"{reason}\n\nCadangan baik terakhir: {backup.name}",
        parent=parent,
    )
    chosen = box.addButton("Pulihkan cadangan ini…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Tutup program", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not chosen:
        return False
    try:
        return restore() is not None
    except InputRejected as error:
        reasons = "\n".join(f"• {p}" for p in error.problems)
        QMessageBox.critical(parent, TITLE, f"Cadangan tidak dipulihkan:\n{reasons}")
        return False
