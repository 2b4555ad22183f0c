"""The forms printed during the meeting carry what the procedure recorded."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from rekap_desktop.domain import clock
from rekap_desktop.domain.paper import Paper
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.keys import installation_fingerprint
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.meeting import meeting_print_service, pause_note, proceedings
from rekap_desktop.services.printing.service import FormKind, PrintService
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.text.numbers import format_date
from tests.documents.pdf_check import flat, page_texts


def test_berita_acara_and_skors_show_the_meeting_so_far(tmp_path: Path) -> None:
    # GIVEN the demo meeting moved to item 3 and suspended
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    procedure = ProcedureService(service)
    procedure.next()
    procedure.next()
    procedure.pause("ishoma")
    # THEN the proceedings and the pause note say so
    steps = [what for _when, what in proceedings(ProcedureService(service))]
    assert steps[-3:] == [
        "Langkah 2 (Peraturan teknis)",
        "Langkah 3 (Tata tertib)",
        "Rapat diskors",
    ]
    assert pause_note(ProcedureService(service)).endswith(": ishoma")
    # WHEN the berita acara and the skors form are printed THEN they carry it
    printing = meeting_print_service(service)
    _r, minutes = printing.print_form(FormKind.BERITA_ACARA, None, Paper.F4)
    assert "Rapat diskors" in flat(" ".join(page_texts(minutes)))
    _r, pause = printing.print_form(FormKind.SKORS, None, Paper.F4)
    assert "Rapat diskors sejak pukul" in flat(" ".join(page_texts(pause)))


def test_every_form_prints_the_installation_key_outside_its_sidik_data(tmp_path: Path) -> None:
    # GIVEN the demo meeting and this installation's key
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    key = installation_fingerprint()
    printing = meeting_print_service(service)
    without_key = PrintService(service)
    for kind, contest in printing.document_set():
        # WHEN each form of the meeting is printed
        record, pdf = printing.print_form(kind, contest, Paper.F4)
        # THEN every page says which installation printed it
        pages = [flat(page) for page in page_texts(pdf)]
        assert all(f"Kunci instalasi: {key}" in page for page in pages), kind
        # AND the sidik data is that of the same data printed without a key
        assert record.stored.fingerprint == without_key.prepare(kind, contest).fingerprint
        assert f"Kunci instalasi: {key}" not in flat(
            " ".join(page_texts(without_key.preview(kind, contest, Paper.F4).pdf))
        )
    # AND the audit entry of a print names the key
    with service.engine.connect() as connection:
        payloads = [
            json.loads(row[0])
            for row in connection.execute(
                text("SELECT payload FROM audit_entry WHERE event = 'form_printed'")
            )
        ]
    assert {p["kunci_instalasi"] for p in payloads} == {key}


def test_the_catatan_skors_printed_after_the_skors_says_which_skors_it_documents(
    tmp_path: Path,
) -> None:
    # GIVEN the demo meeting suspended for ishoma, and the skors lifted again
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    procedure = ProcedureService(service)
    procedure.pause("ishoma")
    procedure.resume()
    [skors] = ProcedureService(service).pauses()
    assert skors.ended_at is not None
    started, ended = clock.parse(skors.started_at), clock.parse(skors.ended_at)
    # WHEN the catatan skors is printed after it
    _r, pdf = meeting_print_service(service).print_form(FormKind.SKORS, None, Paper.F4)
    # THEN it carries the skors' day, times and reason, and that it was lifted
    printed = flat(" ".join(page_texts(pdf)))
    expected = (
        f"Rapat diskors pukul {started:%H.%M} ({format_date(started.date())}) sampai pukul "
        f"{ended:%H.%M}; skors telah dicabut: ishoma"
    )
    assert pause_note(ProcedureService(service)) == expected
    assert flat(expected) in printed


def test_the_catatan_skors_during_a_skors_names_its_day_time_and_reason(tmp_path: Path) -> None:
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    ProcedureService(service).pause("rapat dilanjutkan besok pagi")
    [skors] = ProcedureService(service).pauses()
    started = clock.parse(skors.started_at)
    assert pause_note(ProcedureService(service)) == (
        f"Rapat diskors sejak pukul {started:%H.%M} ({format_date(started.date())}): "
        "rapat dilanjutkan besok pagi"
    )
