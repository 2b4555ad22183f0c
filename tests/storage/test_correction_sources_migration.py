"""Migration 0011: what each source said is kept with every correction; a database made before
it is upgraded in place and its earlier corrections read back with no source values."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from rekap_desktop.storage import corrections_store
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.storage.migrate import alembic_config, upgrade

ROW = (
    "INSERT INTO correction (contest, unit, field, before, after, reason, reason_text, basis, "
    "proposed_by, approved_by, incident_number, pleno_version, at, actor) VALUES ('walikota', "
    "'990101', 'suara_01', 100, 100, 'sesuai_ppk', '', 'D.Hasil PPK', 'PPK', 'Ketua', 3, 1, "
    "'2026-12-05T07:00:00+08:00', 'uji')"
)


def test_a_database_before_0011_is_upgraded_and_keeps_its_corrections(tmp_path: Path) -> None:
    # GIVEN a database whose corrections branch stands at 0004 (before 0011), with a correction
    engine = open_engine(str(tmp_path / "lama.sqlite"))
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0011_correction_sources-1")
    assert "source_values" not in {c["name"] for c in inspect(engine).get_columns("correction")}
    with engine.begin() as connection:
        connection.execute(text(ROW))
    # WHEN it is opened by this version
    upgrade(engine)
    # THEN the column exists and the earlier correction reads back, without source values
    assert "source_values" in {c["name"] for c in inspect(engine).get_columns("correction")}
    with Session(engine) as session:
        [old] = corrections_store.corrections(session, "walikota", "990101")
        linked = corrections_store.linked_corrections(session, 3)
    assert (old.after, old.incident_number, old.sources) == (100, 3, ())
    assert [number for number, _c in linked] == [1]
    engine.dispose()
