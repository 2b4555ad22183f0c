"""The Pemilu demo (PPWP and DPRD Kota): one dapil's parties and candidates read, the planted
differences corrected through Ctrl+K, the seats shown, the open seat tie decided, penetapan."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.journey.desktop import OPERATOR, PROJECTOR_TITLE, Program, XDisplay
from tests.journey.meeting import KETUA_PIN, Operator
from tests.journey.pdf_text import pdf_text
from tests.journey.screens import colours, differing_share

pytestmark = pytest.mark.xvfb

DPRD = "dprd_kabko"
KETUA = "Drs. Hasanuddin Rasyid, M.Si."


def test_pemilu_demo_parties_read_corrected_seats_shown_and_determined(
    two_screens: XDisplay, start_program: Callable[..., Program], tmp_path: Path
) -> None:
    # GIVEN the Pemilu demo opened with a projector beside the laptop
    program = start_program(two_screens, demo="--pemilu")
    operator = Operator(program)
    program.focus_cockpit()
    program.window(PROJECTOR_TITLE)
    found = json.loads(program.cli("check", "--json").stdout)["selisih"]
    planted = Counter((d["pemilihan"], d["kode_wilayah"]) for d in found)
    assert planted == Counter({(DPRD, "177101"): 1, (DPRD, "177102"): 1}), planted

    # WHEN the meeting is run to the first kecamatan and through every kecamatan × pemilihan
    for item in ("2", "3", "4"):
        operator.next_step(item)
    parties_read = False
    while operator.at().item == "4":
        operator.open_box()
        for item in ("5", "6", "7"):
            operator.next_step(item)
        while operator.at().item == "7":
            at = operator.at()
            operator.next_step("8")
            if at.contest == DPRD and not parties_read:
                read_parties(operator)
                parties_read = True
            operator.next_step("9")
            operator.next_step("10")
            rows = planted.get((at.contest or "", at.unit or ""), 0)
            if rows:
                operator.settle_differences(rows, f"PPK {at.unit}")
            operator.mark_read()
            operator.next_step()
    assert parties_read

    # AND at item 12 the room has no objection; then items 13 and the penetapan page
    assert operator.at().item == "12"
    recorded = program.audit_events("procedure_recorded")
    program.key("ctrl+s")
    operator.wait_event("procedure_recorded", recorded, "jawaban butir 12 tersimpan")
    operator.next_step("13")
    operator.next_step("penetapan")

    # AND the seats are shown (Ctrl+Shift+K), with the dapil 5 tie waiting for the meeting
    cockpit_before = operator.settled_shot("kokpit-sebelum-kursi")
    program.key("ctrl+shift+k")
    operator.projector_changes(cockpit_before, "kokpit-perolehan-kursi", OPERATOR)
    assert differing_share(cockpit_before, operator.settled_shot("kokpit-kursi-tenang")) > 0.05
    seats = program.cli("kursi", "--pemilihan", DPRD).stdout
    assert "MENUNGGU KEPUTUSAN RAPAT" in seats
    tie = seats.split("MENUNGGU KEPUTUSAN RAPAT [", 1)[1].split("]", 1)[0]

    # AND the meeting's decision on it is recorded at the command line with the Ketua's PIN
    program.cli(
        "kursi", "--pemilihan", DPRD, "--putuskan", tie, "--pilih", "1",
        "--alasan", "Diputuskan rapat pleno: calon nomor urut 1", "--user", KETUA,
        pin=KETUA_PIN,
    )  # fmt: skip

    # AND the result is determined with the Ketua's PIN and F5 puts it on the projector
    program.focus_cockpit()
    operator.determine()
    before = operator.projector_shot("proyektor-saat-penetapan")
    program.key("F5")
    assert colours(operator.projector_changes(before, "proyektor-setelah-penetapan")) > 5

    # THEN from outside: a whole chain, the PPK's values as the meeting's, every seat given,
    # a DITETAPKAN package, and the seat form printed with the decision
    assert "utuh" in program.cli("audit", "--verify").stdout
    settled = json.loads(program.cli("check", "--json").stdout)["selisih"]
    assert all(d["nilai"]["pleno"] == d["nilai"]["ppk"] for d in settled), settled
    assert "MENUNGGU" not in program.cli("kursi", "--pemilihan", DPRD).stdout
    package = tmp_path / "hasil.rekap"
    program.cli("export", "--out", str(package))
    assert "Status: DITETAPKAN" in program.cli("verify", str(package), db=False).stdout
    form = tmp_path / "kursi.pdf"
    program.cli("report", "perolehan-kursi", "--pemilihan", DPRD, "--out", str(form))
    assert "Diputuskan rapat pleno" in pdf_text(form).replace("\n", " ")


def read_parties(operator: Operator) -> None:
    """Item 8 of the first DPRD kecamatan: F5 and "]" page the parties with their candidates on
    the projector; in the cockpit Ctrl+↓ goes party block by party block and S agrees the party
    votes read out."""
    program = operator.program
    shot = operator.projector_shot("proyektor-partai-sebelum")
    program.key("F5")
    shot = operator.projector_changes(shot, "proyektor-partai-0")
    for page in (1, 2):
        # "]" pages the preview to the next page/party; F5 puts it on the projector.
        program.key("bracketright", "F5")
        shot = operator.projector_changes(shot, f"proyektor-partai-{page}")
    operator.focus_entry()
    fields: list[str] = []
    for _ in range(3):
        program.key("ctrl+Down")
        values = operator.agree()["nilai"]
        assert isinstance(values, dict)
        fields.extend(values)
    assert len(set(fields)) == 3 and all(f.startswith("suara_partai_") for f in fields), fields
