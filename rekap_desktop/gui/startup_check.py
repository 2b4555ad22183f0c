"""At start the database is checked (SQLite integrity, audit chain, every value against the chain);
a damaged database is never opened silently: the operator is told what is wrong and offered the
latest good backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from rekap_desktop.domain.roles import Action
from rekap_desktop.gui.damaged_database import offer_restore
from rekap_desktop.gui.dialogs.pin_dialog import ask_confirmation
from rekap_desktop.services import backup_service
from rekap_desktop.services.integrity import verify_integrity
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.users_service import UsersService


def damage_report(service: PlenoService) -> list[str]:
    """Indonesian lines naming what is wrong; empty when the database is sound."""
    lines: list[str] = []
    if service.engine.dialect.name == "sqlite":
        with service.engine.connect() as connection:
            result = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
        if result != "ok":
            lines.append(f"Berkas basis data rusak (integrity_check: {result}).")
    report = verify_integrity(service)
    if not report.chain.ok:
        lines.append(f"Rantai audit rusak: {report.chain.reason}.")
    lines += [f"Nilai diubah di luar program: {m}" for m in report.mismatches[:10]]
    lines += [f"Rantai audit tidak sesuai jangkarnya: {a}." for a in report.anchors]
    return lines


def confirm_opening(service: PlenoService, backups: Path, parent: QWidget | None = None) -> bool:
    """True when the meeting may be opened: sound, or restored from a good backup now."""
    problems = damage_report(service)
    if not problems:
        return True
    backup = backup_service.latest_good_backup(backups, backup_service.meeting_tag(service.engine))
    reason = "Basis data tidak dibuka karena:\n\n" + "\n".join(f"• {p}" for p in problems)

    def restore() -> object | None:
        confirmation = ask_confirmation(UsersService(service.engine), Action.RESTORE_BACKUP, parent)
        if confirmation is None or backup is None:
            return None
        return backup_service.restore_backup(service.engine, backup, confirmation)

    return offer_restore(reason, backup, backups, restore, parent) and not damage_report(service)
