"""The register's use cases on a real database: stored at once, versions kept, audit chain whole,
refusals change nothing (rule 17 records only its refusal)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text

from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.incidents import (
    Incident,
    IncidentKind,
    IncidentStatus,
    Origin,
    Paraf,
    ParafRole,
    Raiser,
    RaiserRole,
)
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.services.events import Change
from rekap_desktop.services.incident_service import (
    IncidentService,
    RegisterFilter,
    RepeatRefused,
    register_snapshot,
)
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine
from tests.confirming import confirmed
from tests.fixtures import SETUP

SAKSI = [
    {"nama": "Ayu Lestari", "kontestasi": "walikota", "nomor_urut": 2},
    {"nama": "Ridwan Nasution", "kontestasi": "gubernur", "nomor_urut": 1},
]
GUBERNUR = {
    "kode": "gubernur",
    "judul": "Pemilihan Gubernur Uji",
    "pilihan": [{"nomor_urut": 1, "nama": "GUB A"}, {"nomor_urut": 2, "nama": "GUB B"}],
}
"""A second contest, so the witnessing saksi is a saksi (the kolom kosong has none)."""
CARRIED = {
    "format": "rekap-kejadian/1",
    "kejadian": [
        {
            "kode_wilayah": "990101",
            "nomor": "1",
            "jenis": "keberatan_saksi",
            "pemilihan": "walikota",
            "diajukan_oleh": "Budi (saksi nomor urut 2)",
            "uraian": "Keberatan atas suara nomor urut 2.",
            "status": "diselesaikan",
            "penyelesaian": "Dicocokkan dengan C.Hasil; sama.",
        },
        {
            "kode_wilayah": "990102",
            "nomor": "3",
            "jenis": "keberatan_saksi",
            "pemilihan": "walikota",
            "diajukan_oleh": "Citra (saksi nomor urut 1)",
            "uraian": "Keberatan atas suara tidak sah.",
            "status": "tidak_dapat_diselesaikan",
        },
    ],
}
AYU = Raiser(RaiserRole.SAKSI, "Ayu Lestari", "walikota", 2)
DRAFT = Incident(
    kind=IncidentKind.KEBERATAN_SAKSI,
    raised_by="",
    description="Suara nomor urut 2 di SELATAN kurang 10.",
    status=IncidentStatus.TERBUKA,
    unit="990102",
    contest="walikota",
    field="suara_02",
    raiser=AYU,
    procedure_item=9,
)
PARAF = (Paraf("Ayu Lestari", ParafRole.PENGAJU), Paraf("Ridwan Nasution", ParafRole.PENYAKSI))


@pytest.fixture
def service(tmp_path: Path, db_url: str) -> Iterator[IncidentService]:
    setup = tmp_path / "pleno.json"
    contests = [GUBERNUR, *SETUP["kontestasi"]]  # type: ignore[misc]
    setup.write_text(
        json.dumps({**SETUP, "kontestasi": contests, "saksi": SAKSI}), encoding="utf-8"
    )
    pleno = PlenoService(open_engine(db_url))
    pleno.create_from_setup_file(setup)
    yield IncidentService(pleno)
    pleno.engine.dispose()


def _carried(folder: Path, content: dict[str, object] = CARRIED) -> Path:
    path = folder / "kejadian_utara.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


def _dump(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    with engine.connect() as connection:
        return {
            table: [tuple(r) for r in connection.execute(text(f"SELECT * FROM {table}"))]
            for table in sorted(inspect(connection).get_table_names())
        }


def test_create_stores_at_once_audits_and_announces(service: IncidentService) -> None:
    # GIVEN a meeting and a listener
    seen: list[Change] = []
    service.pleno_service.bus.subscribe(seen.append)
    # WHEN an objection is raised
    stored = service.create(DRAFT)
    # THEN it is number 1, open, labelled with its raiser, audited and announced
    assert stored == replace(
        DRAFT,
        number=1,
        raised_by="Ayu Lestari (saksi nomor urut 2, walikota)",
        recorded_at=stored.recorded_at,
    )
    assert service.register() == [stored]
    assert service.open_count() == 1
    assert [c.what for c in seen] == ["incident_recorded"]
    assert service.pleno_service.verify_audit().ok
    assert service.pleno_service.verify_audit().entries == 2


def test_edit_keeps_each_previous_version(service: IncidentService) -> None:
    # GIVEN an entry saved in a hurry
    first = service.create(replace(DRAFT, description="Kurang 10."))
    # WHEN it is completed twice
    service.edit(1, replace(DRAFT, description="Kurang 10 di TPS 003."))
    last = service.edit(1, replace(DRAFT, description="Kurang 10.", bawaslu_opinion="Sesuai."))
    # THEN the current entry is version 3 and versions 1 and 2 are kept, each audited
    assert (last.version, last.description, last.bawaslu_opinion) == (3, "Kurang 10.", "Sesuai.")
    kept = service.versions(1)
    assert [(v.version, v.content["uraian"]) for v in kept] == [
        (1, first.description),
        (2, "Kurang 10 di TPS 003."),
    ]
    report = service.pleno_service.verify_audit()
    assert (report.ok, report.entries) == (True, 4)


def test_resolve_with_paraf_then_the_entry_is_final(service: IncidentService) -> None:
    # GIVEN an open objection
    service.create(DRAFT)
    # WHEN it is resolved with the objector's and a witnessing saksi's paraf
    settled = service.resolve(
        1, "Dicocokkan dengan C.Hasil TPS 003; sama.", PARAF, _closing(service)
    )
    # THEN it is closed with its paraf, the open count drops, and it cannot be edited again
    assert (settled.status, settled.paraf, settled.version) == (
        IncidentStatus.DISELESAIKAN,
        PARAF,
        2,
    )
    assert service.open_count() == 0
    before = _dump(service.engine)
    with pytest.raises(InputRejected) as raised:
        service.edit(1, DRAFT)
    assert str(raised.value) == "entri No. 1 sudah diselesaikan; tidak dapat diubah lagi"
    assert _dump(service.engine) == before
    assert service.pleno_service.verify_audit().ok


def test_unresolvable_needs_a_reason(service: IncidentService) -> None:
    # GIVEN an open entry blocking the determination
    service.create(DRAFT)
    assert service.determination_blockers() != ()
    closing = _closing(service)
    before = _dump(service.engine)
    # WHEN marked unresolvable without a reason THEN refused and nothing changed
    with pytest.raises(InputRejected):
        service.mark_unresolvable(1, "", closing)
    assert _dump(service.engine) == before
    # WHEN marked with a reason THEN it no longer blocks the determination
    marked = service.mark_unresolvable(
        1, "Saksi tetap menolak; diteruskan ke Bawaslu.", _closing(service)
    )
    assert marked.resolution == "Saksi tetap menolak; diteruskan ke Bawaslu."
    assert service.determination_blockers() == ()


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        (replace(DRAFT, description=" "), "uraian kejadian/keberatan tidak boleh kosong"),
        (
            replace(DRAFT, raiser=replace(AYU, name="Orang Asing")),
            "saksi 'Orang Asing' tidak terdaftar dalam daftar hadir sebagai saksi nomor urut 2 "
            "Pemilihan Wali Kota Uji (terdaftar: Ayu Lestari)",
        ),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    service: IncidentService, draft: Incident, message: str
) -> None:
    # GIVEN a meeting WHEN a bad entry is created THEN refused with the reason, nothing written
    before = _dump(service.engine)
    with pytest.raises(InputRejected) as raised:
        service.create(draft)
    assert [p.message for p in raised.value.problems] == [message]
    assert _dump(service.engine) == before


def test_a_link_to_a_correction_of_another_kecamatan_is_refused(
    service: IncidentService,
) -> None:
    # GIVEN corrections #7 in UTARA and #8 in SELATAN
    units = {7: "990101", 8: "990102"}
    linked = IncidentService(service.pleno_service, correction_unit=units.get)
    before = _dump(service.engine)
    # WHEN an entry about SELATAN links #7 and #9 THEN refused naming both
    with pytest.raises(InputRejected) as raised:
        linked.create(replace(DRAFT, corrections=(7, 9)))
    assert [p.message for p in raised.value.problems] == [
        "pembetulan #7 milik kecamatan 990101, bukan kecamatan 990102 yang disebut entri ini",
        "pembetulan #9 tidak ditemukan",
    ]
    assert _dump(service.engine) == before
    # WHEN it links #8 THEN it is stored with the link
    assert linked.create(replace(DRAFT, corrections=(8,))).corrections == (8,)


def test_very_long_text_is_kept_whole(service: IncidentService) -> None:
    # GIVEN a 10.000-character account WHEN recorded THEN read back unchanged
    long_text = ("Saksi menyatakan keberatan panjang. " * 300)[:10_000]
    service.create(replace(DRAFT, description=long_text))
    assert register_snapshot(service.engine)[0].description == long_text


def test_import_carries_kecamatan_items_and_rule_17_refuses_a_repeat(
    service: IncidentService, tmp_path: Path
) -> None:
    # GIVEN the UTARA register carried in: one resolved there, one not resolved
    carried = service.import_register(_carried(tmp_path))
    assert [(e.number, e.status, e.origin_status) for e in carried] == [
        (1, IncidentStatus.DISELESAIKAN, IncidentStatus.DISELESAIKAN),
        (2, IncidentStatus.TERBUKA, IncidentStatus.TIDAK_DAPAT_DISELESAIKAN),
    ]
    register_before = service.register()
    # WHEN the resolved objection is raised again here
    with pytest.raises(RepeatRefused) as raised:
        service.create(replace(DRAFT, unit="990101"))
    # THEN it is refused showing the earlier record, the register is unchanged, the refusal kept
    assert raised.value.earlier == carried[0]
    assert str(raised.value) == (
        "Keberatan ini sudah diselesaikan di tingkat kecamatan dan tidak dapat diajukan lagi "
        "(tata cara butir 17). Catatan sebelumnya: Kecamatan UTARA No. 1 (register ini No. 1), "
        "diajukan oleh Budi (saksi nomor urut 2); penyelesaian: Dicocokkan dengan C.Hasil; sama. "
        "Penolakan ini dicatat."
    )
    assert service.register() == register_before
    (refusal,) = service.repeat_refusals()
    assert (refusal.earlier_number, refusal.attempted["kode_wilayah"]) == (1, "990101")
    assert service.pleno_service.verify_audit().ok


def test_importing_the_same_register_twice_is_refused(
    service: IncidentService, tmp_path: Path
) -> None:
    # GIVEN a carried register WHEN the same file is imported again THEN refused, nothing changed
    path = _carried(tmp_path)
    service.import_register(path)
    before = _dump(service.engine)
    with pytest.raises(InputRejected) as raised:
        service.import_register(path)
    assert [p.message for p in raised.value.problems] == [
        "entri kecamatan 990101 No. 1 sudah ada dalam register (No. 1)",
        "entri kecamatan 990102 No. 3 sudah ada dalam register (No. 2)",
    ]
    assert _dump(service.engine) == before


def test_filters_by_open_kecamatan_and_kind(service: IncidentService, tmp_path: Path) -> None:
    # GIVEN two carried items and a new kejadian khusus in UTARA
    service.import_register(_carried(tmp_path))
    service.create(
        replace(
            DRAFT,
            kind=IncidentKind.KEJADIAN_KHUSUS,
            raiser=Raiser(RaiserRole.PPK, "Ketua PPK Utara"),
            unit="990101",
            field=None,
            description="Segel kotak robek.",
        )
    )
    # WHEN filtered THEN each filter keeps exactly its entries
    numbers = {
        "open": [e.number for e in service.register(RegisterFilter(open_only=True))],
        "utara": [e.number for e in service.register(RegisterFilter(unit="990101"))],
        "kk": [
            e.number for e in service.register(RegisterFilter(kind=IncidentKind.KEJADIAN_KHUSUS))
        ],
    }
    assert numbers == {"open": [2, 3], "utara": [1, 3], "kk": [3]}
    assert service.open_count() == 2


def test_evidence_is_checked_by_content_and_kept(service: IncidentService, tmp_path: Path) -> None:
    # GIVEN an entry, a PNG photo and a text file renamed to .jpg
    service.create(DRAFT)
    photo = tmp_path / "foto.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    fake = tmp_path / "bukan.jpg"
    fake.write_bytes(b"hanya teks")
    # WHEN both are attached
    evidence = service.attach_evidence(1, photo)
    before = _dump(service.engine)
    with pytest.raises(InputRejected) as raised:
        service.attach_evidence(1, fake)
    # THEN the photo is kept byte for byte; the fake is refused and changes nothing
    assert (evidence.media_type, evidence.size) == ("image/png", 108)
    assert service.evidence_content(evidence.id) == photo.read_bytes()
    assert service.entry(1).evidence == (evidence,)
    assert str(raised.value) == "bukan.jpg: bukan berkas JPG, PNG atau PDF (dilihat dari isinya)"
    assert _dump(service.engine) == before
    assert service.pleno_service.verify_audit().ok


def test_pleno_service_view_of_the_register_stays_the_same(
    service: IncidentService, tmp_path: Path
) -> None:
    # GIVEN carried and new entries WHEN read through the meeting service (cockpit, print)
    service.import_register(_carried(tmp_path))
    service.create(DRAFT)
    stored = service.pleno_service.incidents()
    # THEN each entry shows its number, status and origin as before
    assert [(s.number, s.status, s.origin) for s in stored] == [
        (1, "diselesaikan", Origin.KECAMATAN.value),
        (2, "terbuka", Origin.KECAMATAN.value),
        (3, "terbuka", Origin.BARU.value),
    ]


def _commissioner(service: IncidentService, action: Action) -> Confirmation:
    users = UsersService(service.engine)
    users.add_user("Ketua Uji", Role.KETUA, "111111")
    return users.confirm("Ketua Uji", "111111", action)


def _closing(service: IncidentService) -> Confirmation:
    return confirmed(service.pleno_service, Action.CLOSE_OBJECTION)


def _last_audit_payload(engine: Engine) -> dict[str, object]:
    with engine.connect() as connection:
        payload = connection.execute(
            text("SELECT payload FROM audit_entry ORDER BY id DESC LIMIT 1")
        ).scalar_one()
    loaded: dict[str, object] = json.loads(payload)
    return loaded


@pytest.mark.parametrize("unresolvable", [False, True])
def test_closing_names_the_commissioner_who_confirmed(
    service: IncidentService, unresolvable: bool
) -> None:
    # GIVEN an open objection and the ketua's confirmation of closing it
    service.create(DRAFT)
    confirmation = _commissioner(service, Action.CLOSE_OBJECTION)
    # WHEN it is closed (resolved, or marked not resolvable) with that confirmation
    if unresolvable:
        service.mark_unresolvable(1, "Saksi tetap menolak.", confirmation)
    else:
        service.resolve(1, "Dicocokkan dengan C.Hasil TPS 003; sama.", PARAF, confirmation)
    # THEN the audit entry of the closing names the ketua and the chain verifies
    payload = _last_audit_payload(service.engine)
    assert (payload["dikonfirmasi_oleh"], payload["peran_pengonfirmasi"]) == ("Ketua Uji", "ketua")
    assert service.pleno_service.verify_audit().ok


def test_a_confirmation_for_another_action_does_not_close(service: IncidentService) -> None:
    # GIVEN an open objection and a PIN confirmation given for approving a correction
    service.create(DRAFT)
    confirmation = _commissioner(service, Action.APPROVE_CORRECTION)
    before = _dump(service.engine)
    # WHEN that confirmation is used to close the objection
    with pytest.raises(InputRejected) as raised:
        service.resolve(1, "Sama.", PARAF, confirmation)
    # THEN it is refused, saying why, and nothing changed
    assert str(raised.value) == (
        "konfirmasi PIN Ketua Uji diberikan untuk menyetujui pembetulan, "
        "bukan untuk menutup keberatan"
    )
    assert _dump(service.engine) == before
