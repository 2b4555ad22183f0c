"""At start the database is checked (SQLite integrity, audit chain, every value against the chain);
a damaged database is never opened silently: the operator is told what is wrong and offered the
latest good backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from rekap_desktop.domain.roles import Action
from rekap_desktop.gui.dialogs.pin_dialog import ask_confirmation
from rekap_desktop.interchange.problems import InputRejected
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


def latest_good_backup(folder: Path, tag: str | None = None) -> Path | None:
    """The newest sound backup in ``folder`` of the meeting tagged ``tag`` (any meeting when the
    damaged database cannot say which it is), newest first by the time in its name."""
    candidates = []
    for path in folder.glob(f"{backup_service.PREFIX}*.sqlite"):
        try:
            preview = backup_service.preview_backup(path)
        except InputRejected:
            continue
        if preview.chain_ok and (tag is None or preview.tag == tag):
            candidates.append((path.stem[-15:], path))
    return max(candidates)[1] if candidates else None


def confirm_opening(service: PlenoService, backups: Path, parent: QWidget | None = None) -> bool:
    """True when the meeting may be opened: sound, or restored from a good backup now."""
    problems = damage_report(service)
    if not problems:
        return True
    backup = latest_good_backup(backups, backup_service.meeting_tag(service.engine))
    text = "Basis data tidak dibuka karena:\n\n" + "\n".join(f"• {p}" for p in problems)
    if backup is None:
        QMessageBox.critical(parent, "Basis data rusak", text + "\n\nTidak ada cadangan yang baik.")
        return False
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "Basis data rusak",
        text + f"\n\nCadangan baik terakhir: {backup.name}",
        parent=parent,
    )
    restore = box.addButton("Pulihkan cadangan ini…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Tutup program", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    confirmation = ask_confirmation(UsersService(service.engine), Action.RESTORE_BACKUP, parent)
    if confirmation is None:
        return False
    backup_service.restore_backup(service.engine, backup, confirmation)
    return not damage_report(service)
