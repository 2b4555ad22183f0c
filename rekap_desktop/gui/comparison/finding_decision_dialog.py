"""Keputusan rapat atas temuan (Ctrl+T at items 7–10): the meeting lets an error of the
determined values stand, with its reason; a commissioner then confirms with their PIN
(gui/comparison/reasoned_choice_dialog.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QWidget

from rekap_desktop.domain.rules import Finding
from rekap_desktop.gui.comparison.reasoned_choice_dialog import ReasonedChoiceDialog, Wording

Submit = Callable[[Finding, str], bool]
"""Asks for the commissioner's PIN and records the decision; True when it was recorded."""

WORDING = Wording(
    title="Keputusan rapat atas temuan",
    note=(
        "Angka yang ditetapkan melanggar aturan formulir. Betulkan angkanya (Ctrl+K), atau "
        "catat di sini keputusan rapat untuk menerimanya apa adanya; keputusan ini dicetak "
        "pada D.Hasil dan berita acara."
    ),
    reason_label="Alasan keputusan",
    placeholder="wajib: mengapa rapat menerima angka ini apa adanya",
    none_open="Tidak ada temuan galat yang terbuka.",
    reason_missing="Alasan keputusan wajib diisi.",
    not_recorded="Keputusan belum dicatat; isian tetap di sini.",
    error_name="decisionError",
)


class FindingDecisionDialog(ReasonedChoiceDialog[Finding]):
    def __init__(
        self,
        where: str,
        errors: Sequence[Finding],
        parent: QWidget | None = None,
        *,
        submit: Submit | None = None,
    ) -> None:
        super().__init__(
            WORDING,
            where,
            errors,
            lambda error: f"{error.code}: {error.message}",
            lambda error: error.message,
            parent,
            submit=submit,
        )
