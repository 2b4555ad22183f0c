"""The demo's candidate tie (dapil 5) is equal per kecamatan too: its message and dialog ask for
the desa/kelurahan counts PKPU 6/2024 Pasal 29 goes on to, not for a free choice of the meeting."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from rekap_desktop.gui.seats.tie_dialog import TieDialog
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.seat_service import SeatService

TIE = "calon:5:02:1:01,04"


def test_the_tie_dialog_asks_for_the_desa_counts(qtbot: QtBot, pemilu: PlenoService) -> None:
    # GIVEN the demo's open candidate tie
    tie = next(t for t in SeatService(pemilu).results("dprd_kabko").open_ties if t.key == TIE)
    assert [t.name for t in tie.data_needed] == ["desa/kelurahan", "TPS"]
    assert "Rapat memutuskan" not in tie.message
    assert "rapat perlu memperoleh jumlah wilayah" in tie.message

    # WHEN its dialog opens
    dialog = TieDialog(tie, {1: "1. A", 4: "4. B"})
    qtbot.addWidget(dialog)

    # THEN it asks for each candidate's desa/kelurahan count and where to find it
    labels = [w.text() for w in dialog.findChildren(type(dialog.problem))]
    assert (
        "Jumlah desa/kelurahan bersuara per calon (rincian per desa/kelurahan Model D.Hasil "
        "Kecamatan dari PPK):"
    ) in labels
    assert dialog.reason.placeholderText() == (
        "mis. nomor urut 1: …, nomor urut 4: … desa/kelurahan"
    )
    # AND the counts typed are the recorded reason
    dialog.boxes[4].setChecked(True)
    dialog.reason.setText("nomor urut 1: 6, nomor urut 4: 8 desa/kelurahan")
    dialog.try_accept()
    assert dialog.result() and dialog.chosen() == (4,)
