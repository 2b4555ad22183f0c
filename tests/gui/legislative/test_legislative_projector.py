"""Projector scenes of a legislative contest on the Pemilu demo: a kecamatan's party summary, one
party's candidates at a time, and the recapitulation per dapil — built and painted legibly."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.procedure import Stop
from rekap_desktop.gui.projector.cues import RecapCue, TallyCue
from rekap_desktop.gui.projector.party_cues import PartyCue, view_count
from rekap_desktop.gui.projector.scenes import RecapScene, SeatScene, TallyScene
from rekap_desktop.gui.projector.seat_cues import SeatCue
from rekap_desktop.gui.projector.snapshot import legislative_cues
from rekap_desktop.gui.projector.view import SceneView
from rekap_desktop.gui.projector_link import ProjectorLink, cue_for, kept_place
from rekap_desktop.gui.snapshot import write_snapshots
from rekap_desktop.services.pleno_service import PlenoService
from tests.meetings import cockpit_meeting, cockpit_window

FULL_HD = (1920, 1080)
GADING_CEMPAKA = "177102"
"""Dapil 3; a saksi of party 2 copied 76 where the PPK has 61 for candidate 2 of party 2."""


@pytest.fixture
def view(qtbot: QtBot) -> SceneView:
    scene_view = SceneView()
    scene_view.resize(*FULL_HD)
    qtbot.addWidget(scene_view)
    return scene_view


def painted(qtbot: QtBot, view: SceneView, scene: object, path: Path) -> list[str]:
    view.set_scene(scene)  # type: ignore[arg-type]
    view.show()
    qtbot.waitExposed(view)
    assert view.grab().save(str(path))
    return view.rendered_texts()


def test_the_party_summary_compares_each_partys_total_across_sources(
    qtbot: QtBot, view: SceneView, pemilu: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the first view of GADING CEMPAKA in the DPRD Kota
    scene = PartyCue("dprd_kabko", GADING_CEMPAKA).build(pemilu, False)
    contest = pemilu.pleno().contest("dprd_kabko")
    assert contest is not None and isinstance(scene, TallyScene)
    # THEN it lists the first nine parties with each source's written party total
    assert [line.label for line in scene.lines] == [
        f"{p.number}. {p.name}" for p in contest.parties[:9]
    ]
    assert [c.code for c in scene.columns] == ["ppk", "sirekap", "saksi_02"]
    assert scene.unit == "Kec. GADING CEMPAKA (177102) · Dapil 3"
    assert scene.section == "jumlah suara per partai (1/2)"
    assert (scene.page, scene.pages) == (1, 2 + 18)
    ppk = pemilu.tallies("dprd_kabko")[("dprd_kabko", GADING_CEMPAKA, "ppk")]
    assert scene.lines[1].cells[0] == f"{ppk.value('jumlah_suara_partai_02'):,}".replace(",", ".")
    # AND painted full HD, its text is at least 1/30 of the height and names the parties
    texts = painted(qtbot, view, scene, tmp_path / "partai-ringkasan.png")
    assert view.body_px >= FULL_HD[1] / 30
    assert f"9. {contest.parties[8].name}" in texts


def test_one_partys_candidates_are_shown_with_the_differing_copy_marked(
    qtbot: QtBot, view: SceneView, pemilu: PlenoService, tmp_path: Path
) -> None:
    # GIVEN party 2's view of GADING CEMPAKA
    cue = PartyCue("dprd_kabko", GADING_CEMPAKA).for_party(pemilu, 2)
    scene = cue.build(pemilu, False)
    contest = pemilu.pleno().contest("dprd_kabko")
    assert contest is not None and isinstance(scene, TallyScene)
    party = contest.party(2)
    assert party is not None
    candidates = party.candidates["3"]
    # THEN the party takes the title and the rows are party-only, dapil 3's candidates, total
    assert scene.contest_title == f"Partai 2. {party.name}"
    assert [line.label for line in scene.lines] == [
        "Suara partai saja",
        *(f"{c.number}. {c.name} ({c.sex})" for c in candidates),
        "JUMLAH",
    ]
    # AND the saksi's 76 against the PPK's 61 for candidate 2 is marked ≠, nothing else
    differing = [line for line in scene.lines if line.has_difference]
    assert [(d.label, d.cells) for d in differing] == [
        (f"2. {candidates[1].name} ({candidates[1].sex})", ("61", "61", "≠ 76"))
    ]
    texts = painted(qtbot, view, scene, tmp_path / "partai-calon.png")
    assert view.body_px >= FULL_HD[1] / 30
    assert "≠ 76" in texts and "JUMLAH" in texts


def test_the_operator_steps_through_parties_and_a_change_keeps_the_place(
    pemilu: PlenoService,
) -> None:
    # GIVEN the summary view of a DPRD kecamatan
    contest = pemilu.pleno().contest("dprd_kabko")
    assert contest is not None
    cue = PartyCue("dprd_kabko", GADING_CEMPAKA)
    # WHEN the operator steps back from the first view, and forward three times
    last = cue.stepped(-1, pemilu)
    third = cue.stepped(1, pemilu).stepped(1, pemilu).stepped(1, pemilu)
    # THEN stepping wraps to the last party, and forward reaches the second party's view
    assert last.index == view_count(contest) - 1
    assert last.build(pemilu, False).contest_title.startswith("Partai 18.")  # type: ignore[union-attr]
    assert third.build(pemilu, False).contest_title.startswith("Partai 2.")  # type: ignore[union-attr]
    # AND when a committed change rebuilds the preview of the same kecamatan, the party stays
    assert kept_place(third, PartyCue("dprd_kabko", GADING_CEMPAKA)) == third
    assert kept_place(third, PartyCue("dprd_kabko", "177101")) == PartyCue("dprd_kabko", "177101")
    # AND a kecamatan's tally pages step the same way
    assert TallyCue("dprd_kabko", GADING_CEMPAKA).stepped(1, pemilu) == TallyCue(
        "dprd_kabko", GADING_CEMPAKA, 1
    )


def test_the_legislative_recapitulation_is_per_dapil_with_a_chart(
    qtbot: QtBot, view: SceneView, pemilu: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the running recapitulation of the DPRD Kota, dapil 1 read out entirely
    read = frozenset({"177103", "177104", "177108"})
    scene = RecapCue("dprd_kabko", 0, read).build(pemilu, False)
    assert isinstance(scene, RecapScene)
    # THEN its rows are the five dapil with their seats, six parties a page, every party charted
    assert [line.name for line in scene.lines] == [
        "KOTA BENGKULU 1 (7 kursi)",
        "KOTA BENGKULU 2 (8 kursi)",
        "KOTA BENGKULU 3 (7 kursi)",
        "KOTA BENGKULU 4 (7 kursi)",
        "KOTA BENGKULU 5 (6 kursi)",
    ]
    assert [line.read for line in scene.lines] == [True, False, False, False, False]
    assert (scene.page, scene.pages, scene.row_heading) == (1, 3, "Dapil")
    assert len(scene.choice_headers) == 6 and len(scene.bars) == 18
    assert scene.total.cells[0] == scene.bars[0][1].__format__(",").replace(",", ".")
    texts = painted(qtbot, view, scene, tmp_path / "rekapitulasi-dapil.png")
    assert view.body_px >= FULL_HD[1] / 30
    assert "JUMLAH ✓ 3 kec." in texts and "Dapil" in texts


def test_the_snapshot_includes_the_legislative_scenes(pemilu: PlenoService) -> None:
    # GIVEN the Pemilu demo WHEN the snapshot picks its cues
    cues = legislative_cues(pemilu)
    # THEN the party summary, a party with a difference and the per-dapil recap are among them
    assert list(cues) == [
        "partai-ringkasan",
        "partai-calon",
        "rekapitulasi-dapil",
        "perolehan-kursi",
    ]
    calon = cues["partai-calon"].build(pemilu, False)
    assert isinstance(calon, TallyScene) and calon.difference_count >= 1


def test_the_snapshot_command_writes_the_legislative_pictures(
    pemilu: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the Pemilu demo WHEN every snapshot is written
    names = {p.name: p for p in write_snapshots(cockpit_meeting(pemilu), tmp_path / "shots")}
    # THEN the party scenes, the per-dapil recapitulation and the seat tab are among them
    for name in (
        "proyektor-partai-ringkasan.png",
        "proyektor-partai-calon.png",
        "proyektor-rekapitulasi-dapil.png",
        "proyektor-perolehan-kursi.png",
        "kursi-01-dprd_kabko.png",
    ):
        assert names[name].stat().st_size > 10_000


def test_a_dapils_seat_steps_and_elected_candidates_are_projected_legibly(
    qtbot: QtBot, view: SceneView, pemilu: PlenoService, tmp_path: Path
) -> None:
    # GIVEN dapil 5 (6 seats), whose party 2 seat waits for the meeting's decision
    cue = SeatCue("dprd_kabko").for_district(pemilu, "5")
    steps = cue.build(pemilu, False)
    elected = cue.stepped(1, pemilu).build(pemilu, False)
    assert isinstance(steps, SeatScene) and isinstance(elected, SeatScene)
    # THEN the first page lists each seat with its party and hasil bagi, the second the elected
    assert (steps.page, steps.pages) == (9, 10)
    assert [line.first for line in steps.lines] == [f"ke-{n}" for n in range(1, 7)]
    assert steps.lines[0].number.endswith(" : 1 = " + steps.lines[0].number.split(" : ")[0])
    assert steps.subtitle == "Perolehan kursi · Dapil KOTA BENGKULU 5 (6 kursi)"
    pending = [line for line in elected.lines if line.basis == "⚠ menunggu keputusan rapat"]
    assert [line.label for line in pending] == ["? · 2. PARTAI BINTANG NUSANTARA"]
    # AND both paint at 1920×1080 with text at least 1/30 of the height
    for name, scene in (("kursi-langkah", steps), ("kursi-terpilih", elected)):
        texts = painted(qtbot, view, scene, tmp_path / f"{name}.png")
        assert view.body_px >= FULL_HD[1] / 30
    assert "⚠ menunggu keputusan rapat" in texts
    # AND stepping on from the last page wraps to dapil 1
    assert cue.stepped(2, pemilu).index == 0


def test_reading_a_dprd_kecamatan_cues_its_parties_and_the_keys_step_the_preview(
    qtbot: QtBot, pemilu: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the cockpit of the Pemilu demo with its projector
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = cockpit_window(pemilu, settings=settings)
    qtbot.addWidget(window)
    window.show()
    link = ProjectorLink(window, settings)
    state = window.procedure.state()
    # THEN reading a DPRD kecamatan cues its party views, a PPWP kecamatan its form
    reading = type(state)(current=Stop("8", GADING_CEMPAKA, "dprd_kabko"))
    assert cue_for(window, reading) == PartyCue("dprd_kabko", GADING_CEMPAKA)
    ppwp = type(state)(current=Stop("8", GADING_CEMPAKA, "ppwp"))
    assert cue_for(window, ppwp) == TallyCue("ppwp", GADING_CEMPAKA)
    # WHEN the DPRD recapitulation is previewed and the operator presses ] twice, then [
    link.controller.preview(RecapCue("dprd_kabko"))
    next_key, previous_key = link.panel.next_action, link.panel.previous_action
    next_key.trigger()
    next_key.trigger()
    assert link.controller.preview_cue == RecapCue("dprd_kabko", 2)
    previous_key.trigger()
    # THEN the preview shows the second page of parties
    assert link.controller.preview_cue == RecapCue("dprd_kabko", 1)
    scene = link.controller.preview_scene()
    assert isinstance(scene, RecapScene) and scene.choice_headers[0].startswith("7. ")
    assert (next_key.shortcut().toString(), previous_key.shortcut().toString()) == ("]", "[")
    link.shutdown()
    window.close()
