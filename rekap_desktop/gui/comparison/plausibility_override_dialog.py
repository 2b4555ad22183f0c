"""Abaikan temuan kewajaran (Ctrl+Shift+T at items 7–10): the meeting looked at a plausibility
warning (P01 …) and accepts the figures as they are, with its reason; a commissioner then
confirms with their PIN (gui/comparison/reasoned_choice_dialog.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QWidget

from rekap_desktop.domain.plausibility import Implausible
from rekap_desktop.gui.comparison.reasoned_choice_dialog import ReasonedChoiceDialog, Wording

Submit = Callable[[Implausible, str], bool]
"""Asks for the commissioner's PIN and records the override; True when it was recorded."""
Describe = Callable[[Implausible], str]
"""A warning as the findings list names it (source, TPS, message)."""

WORDING = Wording(
    title="Abaikan temuan kewajaran",
    note=(
        "Peringatan kewajaran tidak menghalangi rapat. Bila rapat sudah memeriksa formulirnya "
        "dan menerima angkanya apa adanya, catat di sini alasannya; peringatan itu lalu "
        "tampil sebagai diabaikan dan dicetak pada berita acara."
    ),
    reason_label="Alasan",
    placeholder="wajib: apa yang diperiksa rapat dan mengapa angka ini wajar",
    none_open="Tidak ada temuan kewajaran yang terbuka.",
    reason_missing="Alasan wajib diisi.",
    not_recorded="Belum dicatat; isian tetap di sini.",
    error_name="overrideError",
)


class PlausibilityOverrideDialog(ReasonedChoiceDialog[Implausible]):
    def __init__(
        self,
        where: str,
        warnings: Sequence[Implausible],
        describe: Describe,
        parent: QWidget | None = None,
        *,
        submit: Submit | None = None,
    ) -> None:
        super().__init__(
            WORDING,
            where,
            warnings,
            lambda w: f"{w.code} · {w.place.code}: {w.message}",
            describe,
            parent,
            submit=submit,
        )
