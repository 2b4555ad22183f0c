"""The read model of one pair (kecamatan × contest): every screen's view of it, kept until the
next committed change of any station."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rekap_desktop.domain.corrections import Reason
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.sources import PLENO, PPK, SIREKAP
from rekap_desktop.services.corrections_service import CorrectionsService, SettleRequest
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.results import recap_contests
from rekap_desktop.storage import meeting_store
from rekap_desktop.storage.engine import open_engine
from tests.confirming import confirmed
from tests.fixtures import HEADER, SETUP, write_tallies

UTARA = ("walikota", "990101")
UTARA_PPK_AGAIN = HEADER + "\nwalikota,990101,UTARA,ppk,700,100,530,630,20,650\n"


@pytest.fixture
def service(tmp_path: Path) -> PlenoService:
    """KOTA UJI with its ketua: UTARA's PPK form reads 580 for nomor urut 2, its Sirekap 530."""
    pleno = PlenoService(open_engine(str(tmp_path / "pleno.sqlite")))
    setup = tmp_path / "pleno.json"
    members = [{"nama": "Ketua Uji", "jabatan": "Ketua"}]
    setup.write_text(json.dumps({**SETUP, "anggota": members}), encoding="utf-8")
    pleno.create_from_setup_file(setup)
    pleno.import_tally_file(write_tallies(tmp_path))
    return pleno


def _settle(service: PlenoService, value: int) -> None:
    chair = confirmed(service, Action.APPROVE_CORRECTION)
    request = SettleRequest(
        "suara_02", value, Reason.SALAH_TULIS, "D.Hasil PPK", "PPK", chair.user.name,
        confirmation=chair,
    )  # fmt: skip
    CorrectionsService(service).settle(*UTARA, request)


def test_the_view_holds_the_forms_their_versions_and_what_the_meeting_did(
    service: PlenoService,
) -> None:
    # GIVEN UTARA with its PPK and Sirekap forms
    # WHEN suara_02 is corrected to 560 and the pair is read again
    _settle(service, 560)
    view = service.pairs.view(*UTARA)
    # THEN it holds every source's current form and version, the comparison, the correction
    assert set(view.forms) == {PPK, SIREKAP, PLENO}
    assert view.forms[SIREKAP].value("suara_02") == 530
    assert view.versions == {"ppk": 1, "sirekap": 1, "pleno": 1}
    assert view.settled.value("suara_02") == 560
    assert view.comparison.row("suara_02").state.value == "settled"  # type: ignore[union-attr]
    assert [c.field for c in view.corrections] == ["suara_02"]
    assert view.decisions == ()
    # AND the recapitulation counts the same determined values the view shows
    recap = recap_contests(service, "walikota")[0].recap
    assert dict(recap.units)[service.pleno().unit("990101")] == view.determined  # type: ignore[index]


def test_a_view_is_read_again_only_after_a_committed_change_of_any_station(
    service: PlenoService, tmp_path: Path
) -> None:
    # GIVEN UTARA read once
    first = service.pairs.view(*UTARA)
    # WHEN it is asked for again with nothing committed since THEN the same view is given
    assert service.pairs.view(*UTARA) is first
    # WHEN another station (its own service on the same database) saves UTARA's PPK form again
    other = PlenoService(open_engine(str(tmp_path / "pleno.sqlite")))
    other.import_tally_file(write_tallies(tmp_path, UTARA_PPK_AGAIN, "lagi.csv"))
    # THEN this station's next view reads the new form, at the new head of the audit chain
    again = service.pairs.view(*UTARA)
    assert again.head > first.head
    assert again.forms[PPK].value("suara_02") == 530
    assert again.versions["ppk"] == 2
    assert not again.comparison.row("suara_02").is_open  # type: ignore[union-attr]


def test_an_unknown_pair_is_refused_in_indonesian(service: PlenoService) -> None:
    # WHEN a kecamatan the meeting does not have is asked for THEN refused, naming it
    with pytest.raises(InputRejected) as refused:
        service.pairs.view("walikota", "990199")
    assert [str(p) for p in refused.value.problems] == [
        "kecamatan '990199' tidak ada dalam pleno ini"
    ]


def test_the_recapitulation_reads_the_forms_once_per_committed_change(
    service: PlenoService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the reads of current forms counted
    reads: list[str | None] = []
    original = meeting_store.current_tallies

    def counting(*args: Any, **kwargs: Any) -> Any:
        reads.append(args[1] if len(args) > 1 else kwargs.get("contest"))
        return original(*args, **kwargs)

    monkeypatch.setattr(meeting_store, "current_tallies", counting)
    # WHEN the recapitulation is built three times (the cockpit's page, the projector's live and
    # preview scenes) with nothing committed between
    built = [recap_contests(service, "walikota")[0] for _ in range(3)]
    # THEN the forms were read once, and all three are the same recapitulation
    assert reads == ["walikota"]
    assert built[0] == built[1] == built[2]
    # WHEN another station saves UTARA's PPK form again THEN the next one reads anew and shows it
    other = PlenoService(open_engine(str(tmp_path / "pleno.sqlite")))
    other.import_tally_file(write_tallies(tmp_path, UTARA_PPK_AGAIN, "lagi.csv"))
    reads.clear()
    after = recap_contests(service, "walikota")[0]
    assert reads == ["walikota"]
    assert after.recap.total.value("suara_02") == 530 + 690
