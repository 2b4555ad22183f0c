"""From the demo's planted Sirekap misread to the TPS that carries it, its recorded pencocokan
with a saksi present, the correction it leads to and its printed berita acara — in the running
program, by keys.

The demo gives SAMARINDA ILIR (647204) per TPS from the PPK and from Sirekap; Sirekap read a 3 of
one TPS's suara nomor urut 1 (Wali Kota) as an 8. The operator moves to that kecamatan (Ctrl+G),
reads Gubernur, and at item 8 of Wali Kota opens the rincian of the differing row (Ctrl+D,
Ctrl+Shift+D): the TPS comes first. Ctrl+U records the box opened and the C.Hasil read, a saksi
ticked present and Bawaslu typed, with the Ketua's PIN; the correction dialog that follows is
accepted with the PIN; the berita acara is saved from the print centre. The verdict comes from
outside: the audit chain, ``check --json``, ``recap --json`` and the PDF's text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.journey.desktop import PROJECTOR_TITLE, Program, XDisplay
from tests.journey.meeting import CORRECTION_DIALOG, Operator
from tests.journey.pdf_text import pdf_text

pytestmark = pytest.mark.xvfb

UNIT = "647204"
DOWNS = 4
"""SAMARINDA ILIR is the fourth kecamatan in the list Ctrl+G opens, below its first line
("Pindah ke kecamatan…")."""
PLACES = "Rincian TPS"
RECORD = "Pencocokan / penghitungan suara ulang"
COUNTED_BY = "PPK Samarinda Ilir dan KPU"
BAWASLU = "Bawaslu Kota Samarinda (SIMULASI)"


def test_a_misread_tps_is_found_checked_corrected_and_printed_by_keys(
    two_screens: XDisplay, tmp_path: Path
) -> None:
    # GIVEN the demo pleno
    program = Program(two_screens, tmp_path / "rapat")
    program.cli("demo")
    before = json.loads(program.cli("check", "--json").stdout)["selisih"]
    (planted,) = [d for d in before if (d["pemilihan"], d["kode_wilayah"]) == ("walikota", UNIT)]
    ppk_value = planted["nilai"]["ppk"]
    rows = json.loads(
        program.cli("recap", "--json", "--unit", UNIT, "--rinci", "--sumber", "sirekap").stdout
    )
    walikota = next(c for c in rows["kontestasi"] if c["kode"] == "walikota")
    kept = next(u for u in walikota["unit"] if u["kode_wilayah"] == UNIT)["rinci"]
    ppk_at = {r["kode_wilayah"]: r["suara_01"] for r in kept if r["sumber"] == "ppk"}
    sirekap_at = {r["kode_wilayah"]: r["suara_01"] for r in kept if r["sumber"] == "sirekap"}
    (misread_tps,) = [code for code in ppk_at if ppk_at[code] != sirekap_at.get(code)]
    program.start()
    try:
        operator = Operator(program)
        program.focus_cockpit()
        program.window(PROJECTOR_TITLE)
        # WHEN items 1–3 are run, and Ctrl+G opens SAMARINDA ILIR at item 4
        operator.run_opening()
        moved = operator.at()
        program.key("ctrl+g", *["Down"] * DOWNS, "Return")
        at = program.wait_moved(moved, "pindah ke SAMARINDA ILIR")
        assert (at.item, at.unit) == ("4", UNIT), at
        program.focus_cockpit()
        operator.reach_reading()
        for item in ("9", "10"):
            operator.next_step(item)
        operator.mark_read()  # Gubernur: both sources agree
        at = operator.next_step("7")
        assert (at.contest, at.unit) == ("walikota", UNIT), at
        operator.next_step("8")
        # AND at item 8 of Wali Kota the differing row's rincian shows the TPS first
        operator.focus_entry()
        program.key("ctrl+d", "ctrl+shift+d")
        program.dialog(PLACES)
        operator.settled_shot("rincian-tps")
        # AND Ctrl+U records its pencocokan: proposer, (reason, objection, kind, decision, box
        # and its note as offered), who counted, the saksi ticked, Bawaslu typed, the value
        # found on the C.Hasil; Enter and the Ketua's PIN
        recorded = program.audit_events("recount_recorded")
        program.key("ctrl+u")
        program.dialog(RECORD)
        program.type("Saksi nomor urut 2")
        program.key(*["Tab"] * 7)
        program.type(COUNTED_BY)
        program.key("Tab", "space", "Tab")
        program.type(BAWASLU)
        program.key("Tab")
        program.type(str(ppk_at[misread_tps]))
        operator.settled_shot("pencocokan-tps")
        program.key("Return")
        operator.confirm_with_pin()
        operator.wait_event("recount_recorded", recorded, "pencocokan tercatat")
        # AND the correction dialog that opens with the kecamatan's value is accepted
        made = program.audit_events("correction_made")
        program.dialog(CORRECTION_DIALOG)
        operator.settled_shot("pembetulan-dari-pencocokan")
        program.key("Return")
        operator.confirm_with_pin()
        operator.wait_event("correction_made", made, "pembetulan tercatat")
        program.gone(CORRECTION_DIALOG)
        # AND its berita acara is saved from the print centre (End: the last form offered)
        saved = tmp_path / "ba-hitung-ulang.pdf"
        program.focus_cockpit()
        operator.save_pdf_from_print_centre(saved, choose=("End",), tabs=3)
        program.focus_cockpit()
        program.key("ctrl+q")
        assert program.wait_exit() == 0, program.stderr()
        assert "Traceback" not in program.stderr(), program.stderr()
    finally:
        program.kill()

    # THEN from outside: the record names the TPS, the witnesses and the values
    record = program.last_audit("recount_recorded")
    assert record["tempat"] == [misread_tps]
    assert record["saksi"][0].startswith("Saksi nomor urut 2: ")  # type: ignore[index]
    assert record["saksi"][1] == BAWASLU  # type: ignore[index]
    assert record["ditemukan"] == [  # type: ignore[comparison-overlap]
        {
            "tempat": misread_tps,
            "rincian": "suara_01",
            "tercatat": ppk_at[misread_tps],
            "ditemukan": ppk_at[misread_tps],
        }
    ]
    # AND the correction rests on it, and the meeting's value is the PPK's
    correction = program.last_audit("correction_made")
    assert (correction["nomor_hitung_ulang"], correction["sesudah"]) == (1, ppk_value)
    after = json.loads(program.cli("check", "--json").stdout)["selisih"]
    (settled,) = [d for d in after if (d["pemilihan"], d["kode_wilayah"]) == ("walikota", UNIT)]
    assert settled["nilai"]["pleno"] == ppk_value
    # AND the berita acara states the TPS, who counted, the witnesses, the outcome and the
    # correction
    text = " ".join(pdf_text(saved).split())
    for expected in (
        "BERITA ACARA PENCOCOKAN DENGAN FORMULIR MODEL C.HASIL NOMOR 1",
        misread_tps,
        COUNTED_BY,
        BAWASLU,
        "Dikonfirmasi",
        "Pembetulan No.",
    ):
        assert expected in text, expected
    assert "utuh" in program.cli("audit", "--verify").stdout
