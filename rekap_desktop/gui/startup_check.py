"""At start the database is checked (SQLite integrity, audit chain, every value against the chain);
a damaged database is never opened silently: the operator is told what is wrong and offered the
latest good backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from rekap_desktop.domain.roles import Action
from rekap_desktop.gui.approvals import Approvals
from rekap_desktop.gui.change_hub import CockpitMeeting
from rekap_desktop.gui.damaged_database import offer_restore
from rekap_desktop.services import backup_service
from rekap_desktop.services.integrity import verify_integrity


def damage_report(meeting: CockpitMeeting) -> list[str]:
    """Indonesian lines naming what is wrong; empty when the database is sound."""
    lines: list[str] = []
    damage = meeting.file_damage()
    if damage is not None:
        lines.append(f"Berkas basis data rusak (integrity_check: {damage}).")
    report = verify_integrity(meeting.pleno)
    if not report.chain.ok:
        lines.append(f"Rantai audit rusak: {report.chain.reason}.")
    lines += [f"Nilai diubah di luar program: {m}" for m in report.mismatches[:10]]
    lines += [f"Rantai audit tidak sesuai jangkarnya: {a}." for a in report.anchors]
    return lines


def confirm_opening(
    meeting: CockpitMeeting, approvals: Approvals, backups: Path, parent: QWidget | None = None
) -> bool:
    """True when the meeting may be opened: sound, or restored from a good backup now (with a
    commissioner's PIN from ``approvals``)."""
    problems = damage_report(meeting)
    if not problems:
        return True
    backup = backup_service.latest_good_backup(backups, meeting.meeting_tag())
    reason = "Basis data tidak dibuka karena:\n\n" + "\n".join(f"• {p}" for p in problems)

    def restore() -> object | None:
        confirmation = approvals.confirm(Action.RESTORE_BACKUP)
        if confirmation is None or backup is None:
            return None
        return meeting.restore_backup(backup, confirmation)

    return offer_restore(reason, backup, backups, restore, parent) and not damage_report(meeting)
