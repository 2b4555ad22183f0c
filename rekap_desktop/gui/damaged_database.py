"""A database file that cannot be opened at all (emptied, truncated, overwritten): before any
window, the operator is told what is wrong and offered the latest good backup, confirmed with
a commissioner's PIN. Nothing is deleted: the damaged file is set aside under a new name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from rekap_desktop.domain.problems import DamagedDatabase, InputRejected
from rekap_desktop.domain.roles import Action
from rekap_desktop.gui.dialogs.pin_dialog import ask_confirmation
from rekap_desktop.services import backup_service
from rekap_desktop.services.users_service import UsersService

TITLE = "Basis data rusak"


def offer_backup(damage: DamagedDatabase, folder: Path) -> bool:
    """True when a good backup from ``folder`` now stands in the damaged file's place."""
    backup = backup_service.latest_good_backup(folder)
    reason = f"Rapat tidak dibuka: {damage}.\n\nBerkas itu tidak diubah."

    def restore() -> object | None:
        if backup is None:
            return None
        return backup_service.restore_over_damaged(
            damage.path,
            backup,
            lambda engine: ask_confirmation(UsersService(engine), Action.RESTORE_BACKUP),
        )

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
