"""A meeting whose daftar hadir differs from its setup, for the tests of who signs."""

from __future__ import annotations

import json
from pathlib import Path

from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_records import ProcedureRecords
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import SETUP, write_tallies

REASON = "keberatan atas selisih suara di UTARA"
SAKSI_ROLE = "Saksi Wali Kota dan Wakil Wali Kota nomor urut 2"


def present_meeting(tmp_path: Path) -> ProcedureRecords:
    """A meeting whose setup names two members and a saksi; at item 1 the Ketua, the saksi
    (mandate checked), a Bawaslu member and a pemantau were recorded, not the other member."""
    setup = tmp_path / "pleno.json"
    setup.write_text(
        json.dumps(
            {
                **SETUP,
                "anggota": [
                    {"nama": "Ketua Uji", "jabatan": "Ketua"},
                    {"nama": "Anggota Absen", "jabatan": "Anggota"},
                ],
                "saksi": [{"nama": "Saksi Dua", "kontestasi": "walikota", "nomor_urut": 2}],
                "pemantau": [{"nama": "Citra Pemantau", "lembaga": "JPPR Kota Uji"}],
            }
        ),
        encoding="utf-8",
    )
    service = PlenoService(open_engine(str(tmp_path / "pleno.sqlite")))
    service.create_from_setup_file(setup)
    service.import_tally_file(write_tallies(tmp_path))
    records = ProcedureRecords(ProcedureService(service))
    records.add_attendee("kpu", "Ketua Uji")
    records.add_attendee("saksi", "Saksi Dua", "walikota", 2, True)
    records.add_attendee("bawaslu", "Rina Bawaslu")
    records.add_attendee("pemantau", "Citra Pemantau")
    return records
