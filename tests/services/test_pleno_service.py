from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text

from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.sources import PPK, SIREKAP
from rekap_desktop.services.events import Change
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.results import check, recap_contests
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import HEADER, TALLIES, write_setup, write_tallies


@pytest.fixture
def service(tmp_path: Path, db_url: str) -> Iterator[PlenoService]:
    service = PlenoService(open_engine(db_url))
    service.create_from_setup_file(write_setup(tmp_path))
    yield service
    service.engine.dispose()


def _dump(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in a stable order: the whole database's content."""
    with engine.connect() as connection:
        return {
            table: [tuple(r) for r in connection.execute(text(f"SELECT * FROM {table}"))]
            for table in sorted(inspect(connection).get_table_names())
        }


def test_import_records_every_form_and_announces_it(service: PlenoService, tmp_path: Path) -> None:
    # GIVEN a meeting and a listener
    seen: list[Change] = []
    service.bus.subscribe(seen.append)
    # WHEN a tally file is imported
    report = service.import_tally_file(write_tallies(tmp_path))
    # THEN each (contest, unit, source) is stored, audited and announced once
    assert report.rows == 3
    assert {f.key for f in report.forms} == {
        ("walikota", "990101", "ppk"),
        ("walikota", "990102", "ppk"),
        ("walikota", "990101", "sirekap"),
    }
    assert service.tallies()[("walikota", "990102", "ppk")].value("suara_02") == 690
    assert [c.what for c in seen] == ["tallies_imported"]
    assert service.verify_audit().ok and service.verify_audit().entries == 2


def test_tallies_of_the_sources_named_only(service: PlenoService, tmp_path: Path) -> None:
    # GIVEN PPK and Sirekap forms
    service.import_tally_file(write_tallies(tmp_path))
    everything = service.tallies("walikota")
    # WHEN only the PPK's forms (and the absent pleno source) are asked for
    chosen = service.tallies("walikota", ("ppk", "pleno"))
    # THEN exactly the PPK's current forms come back, with the same numbers
    assert chosen == {k: t for k, t in everything.items() if k[2] == "ppk"}
    assert set(chosen) == {("walikota", "990101", "ppk"), ("walikota", "990102", "ppk")}
    assert service.tallies("walikota", ()) == {}


def test_reimport_makes_new_values_current_and_reports_changes(
    service: PlenoService, tmp_path: Path
) -> None:
    # GIVEN imported tallies
    service.import_tally_file(write_tallies(tmp_path))
    # WHEN one unit is imported again with another value
    again = HEADER + "\nwalikota,990101,UTARA,ppk,700,100,580,680,20,700\n".replace(
        "580,680", "581,681"
    )
    report = service.import_tally_file(write_tallies(tmp_path, again, "again.csv"))
    # THEN the new value is current, the change is reported as version 2
    (form,) = report.forms
    assert form.version == 2
    assert {(c.field, c.before, c.after) for c in form.changes} == {
        ("suara_02", 580, 581),
        ("suara_sah", 680, 681),
    }
    assert service.tallies()[("walikota", "990101", "ppk")].value("suara_02") == 581


def test_a_rejected_file_changes_nothing(service: PlenoService, tmp_path: Path) -> None:
    # GIVEN a meeting with data
    service.import_tally_file(write_tallies(tmp_path))
    before = _dump(service.engine)
    # WHEN a file with one bad cell in its last row is imported
    bad = TALLIES + "walikota,990102,SELATAN,sirekap,1000,300,-5,990,10,1000\n"
    with pytest.raises(InputRejected) as raised:
        service.import_tally_file(write_tallies(tmp_path, bad, "bad.csv"))
    # THEN the row and column are named and the database is exactly as it was
    assert any(p.row == 5 and p.column == "suara_02" for p in raised.value.problems)
    assert _dump(service.engine) == before


def test_a_second_meeting_in_one_database_is_refused(service: PlenoService, tmp_path: Path) -> None:
    with pytest.raises(InputRejected, match="sudah berisi pleno"):
        service.create_from_setup_file(write_setup(tmp_path))


def test_recap_and_outcome_of_a_single_candidate(service: PlenoService, tmp_path: Path) -> None:
    # GIVEN PPK forms of both units
    service.import_tally_file(write_tallies(tmp_path))
    # WHEN recapitulated
    (item,) = recap_contests(service)
    # THEN the totals are sums of PPK and the pair wins with more than half of valid votes
    assert item.source == "ppk"
    assert item.recap.total.value("suara_02") == 580 + 690
    assert item.recap.total.value("suara_sah") == 680 + 990
    assert (item.recap.outcome.number, item.recap.outcome.elected) == (2, True)
    (sirekap,) = recap_contests(service, source=SIREKAP)
    assert sirekap.recap.total.value("suara_02") == 530


def test_check_reports_rule_findings_and_source_differences(
    service: PlenoService, tmp_path: Path
) -> None:
    service.import_tally_file(write_tallies(tmp_path))
    result = check(service)
    # THEN the Sirekap row's arithmetic error is found ...
    assert [(f.unit, f.source, f.finding.code) for f in result.findings] == [
        ("990101", "sirekap", "R05")
    ]
    # ... and every field on which PPK and Sirekap disagree is listed with both values
    assert {(d.unit, d.difference.field) for d in result.differences} == {
        ("990101", "suara_02"),
        ("990101", "suara_sah"),
        ("990101", "suara_total"),
    }
    first = result.differences[0].difference
    assert first.values == {PPK: 580, SIREKAP: 530}
