"""Signed result packages: a kecamatan meeting's package round-trips into a kab/kota meeting;
any tampering, unknown key, wrong region, duplicate or older package is refused, nothing written."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from rekap_desktop.domain.confirmation import Confirmation, User
from rekap_desktop.domain.incidents import Incident, IncidentKind, IncidentStatus
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.services.keys import installation_fingerprint
from rekap_desktop.services.package_import import PackageImportService
from rekap_desktop.services.packages import PackageService, verify_file
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine
from tests.interchange.exchange_fixtures import KABKO, KECAMATAN, write_json

DESA_TALLIES = (
    "pemilihan,kode_wilayah,nama_wilayah,sumber,pengguna_total_j,suara_01,suara_02,suara_sah\n"
    "walikota,9901011001,DESA SATU,ppk,300,100,190,290\n"
    "walikota,9901011002,DESA DUA,ppk,400,50,340,390\n"
)
INCIDENT = Incident(
    IncidentKind.KEJADIAN_KHUSUS,
    "Ketua PPS Desa Satu",
    "Segel kotak TPS 001 robek",
    IncidentStatus.DISELESAIKAN,
    unit="9901011001",
    resolution="Disegel ulang di hadapan saksi",
)


def _meeting(folder: Path, setup: dict[str, object], name: str) -> PlenoService:
    service = PlenoService(open_engine(str(folder / f"{name}.sqlite")), actor="uji")
    service.create_from_setup_file(write_json(folder, f"{name}.json", setup))
    return service


@pytest.fixture
def kecamatan(tmp_path: Path) -> Iterator[PlenoService]:
    service = _meeting(tmp_path, KECAMATAN, "kecamatan")
    (tmp_path / "desa.csv").write_text(DESA_TALLIES, encoding="utf-8")
    service.import_tally_file(tmp_path / "desa.csv")
    service.add_carried_incidents((INCIDENT,))
    yield service
    service.engine.dispose()


@pytest.fixture
def kabko(tmp_path: Path) -> Iterator[PlenoService]:
    service = _meeting(tmp_path, KABKO, "kabko")
    yield service
    service.engine.dispose()


def _export(service: PlenoService, folder: Path, name: str = "utara.rekap", **kw: bool) -> Path:
    path = folder / name
    PackageService(service, key_folder=folder / "kunci-kecamatan").export(
        path, determined=kw.get("determined", True)
    )
    return path


def _dump(service: PlenoService) -> dict[str, list[tuple[object, ...]]]:
    with service.engine.connect() as connection:
        return {
            t: [tuple(r) for r in connection.execute(text(f"SELECT * FROM {t}"))]
            for t in sorted(inspect(connection).get_table_names())
        }


def test_kecamatan_package_round_trips_into_the_kabko_meeting(
    kecamatan: PlenoService, kabko: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the kecamatan's determined package and its key fingerprint, read aloud
    path = _export(kecamatan, tmp_path)
    fingerprint = installation_fingerprint(tmp_path / "kunci-kecamatan")
    # WHEN the kab/kota meeting imports it, confirming the fingerprint the first time
    report = PackageImportService(kabko).import_package(path, trust=fingerprint)
    # THEN the desa values are summed into the kecamatan as source ppk
    assert {k: dict(v) for k, v in kabko.tallies().items()} == {
        ("walikota", "990101", "ppk"): {
            "pengguna_total_j": 700,
            "suara_01": 150,
            "suara_02": 530,
            "suara_sah": 680,
        }
    }
    # AND its register entry is carried, under the kecamatan, with the desa named in the text
    [carried] = kabko.incidents()
    assert (carried.unit, carried.origin, carried.origin_number, carried.status) == (
        "990101",
        "kecamatan",
        "1",
        "diselesaikan",
    )
    assert carried.description == "[9901011001 DESA SATU] Segel kotak TPS 001 robek"
    assert report.lines() == [
        "Paket 990101 UTARA diimpor sebagai sumber ppk: walikota; 1 kejadian/keberatan dibawa",
        f"Sidik kunci pengirim: {fingerprint} (kunci baru dikonfirmasi)",
    ]
    assert kabko.verify_audit().ok


def test_package_holds_every_member_and_verifies_anywhere(
    kecamatan: PlenoService, tmp_path: Path
) -> None:
    # GIVEN an exported package
    path = _export(kecamatan, tmp_path)
    # WHEN it is verified without any database
    report = verify_file(path)
    # THEN it lists its members and says what it is
    assert sorted(report.package.members) == [
        "audit.json",
        "hasil.csv",
        "kejadian.json",
        "koreksi.json",
        "pleno.json",
    ]
    assert report.lines()[1:4] == [
        "Wilayah: 990101 UTARA (tingkat kecamatan)",
        "Pemilihan: walikota",
        "Status: DITETAPKAN",
    ]
    chain = json.loads(report.package.members["audit.json"])["entri"]
    assert [e["peristiwa"] for e in chain] == [
        "pleno_created",
        "tallies_imported",
        "incident_recorded",
    ]


def test_fingerprint_is_six_groups_of_five_digits_and_stable(tmp_path: Path) -> None:
    # GIVEN a key folder WHEN the fingerprint is asked twice THEN the same readable groups
    first = installation_fingerprint(tmp_path)
    assert first == installation_fingerprint(tmp_path)
    assert [len(g) for g in first.split(" ")] == [5] * 6
    assert first.replace(" ", "").isdigit()


def test_unknown_key_is_refused_then_remembered_once_confirmed(
    kecamatan: PlenoService, kabko: PlenoService, tmp_path: Path
) -> None:
    # GIVEN a package of a key the kab/kota has never seen
    path = _export(kecamatan, tmp_path)
    before = _dump(kabko)
    # WHEN imported without confirmation THEN refused naming the fingerprint; nothing written
    with pytest.raises(InputRejected, match="belum dikenal: sidik"):
        PackageImportService(kabko).import_package(path)
    assert _dump(kabko) == before
    # WHEN confirmed once, a newer package of the same key needs no confirmation
    fingerprint = installation_fingerprint(tmp_path / "kunci-kecamatan")
    PackageImportService(kabko).import_package(path, trust=fingerprint)
    newer = _export(kecamatan, tmp_path, "utara-2.rekap")
    report = PackageImportService(kabko).import_package(newer)
    assert not report.newly_trusted
    assert report.carried == 0  # the same register entry is not carried twice


def test_changed_key_for_a_unit_is_refused(
    kecamatan: PlenoService, kabko: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the kecamatan's key confirmed, then a package of the same unit signed by another key
    PackageImportService(kabko).import_package(
        _export(kecamatan, tmp_path), trust=installation_fingerprint(tmp_path / "kunci-kecamatan")
    )
    other = tmp_path / "lain.rekap"
    PackageService(kecamatan, key_folder=tmp_path / "kunci-lain").export(other, determined=True)
    # WHEN imported THEN refused: the key differs from the one confirmed before
    with pytest.raises(InputRejected, match="BERBEDA dari kunci yang dikonfirmasi"):
        PackageImportService(kabko).import_package(other)


def test_only_the_ketua_replaces_a_confirmed_sender_key_and_the_report_warns(
    kecamatan: PlenoService, kabko: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the kecamatan's key confirmed, then a newer package of the unit signed by another key
    first = installation_fingerprint(tmp_path / "kunci-kecamatan")
    PackageImportService(kabko).import_package(_export(kecamatan, tmp_path), trust=first)
    other = tmp_path / "lain.rekap"
    PackageService(kecamatan, key_folder=tmp_path / "kunci-lain").export(other, determined=True)
    new = installation_fingerprint(tmp_path / "kunci-lain")
    users = UsersService(kabko.engine)
    users.add_user("Ketua Uji", Role.KETUA, "111111")
    ketua = users.confirm("Ketua Uji", "111111", Action.MANAGE_USERS)
    users.add_user("Anggota Uji", Role.ANGGOTA, "222222", ketua)
    before = _dump(kabko)
    # WHEN the operator alone types the new fingerprint, an anggota confirms, or an anggota's
    # confirmation is presented as the ketua's
    anggota = users.confirm("Anggota Uji", "222222", Action.APPROVE_CORRECTION)
    forged = Confirmation(User("Anggota Uji", Role.KETUA), Action.CHANGE_SENDER_KEY, anggota.at)
    for confirmation in (None, anggota, forged):
        with pytest.raises(InputRejected, match="perlu PIN Ketua KPU"):
            PackageImportService(kabko).import_package(other, trust=new, confirmation=confirmation)
    # THEN nothing changed
    assert _dump(kabko) == before
    # WHEN the ketua confirms the replacement with the PIN
    replaced = users.confirm("Ketua Uji", "111111", Action.CHANGE_SENDER_KEY)
    report = PackageImportService(kabko).import_package(other, trust=new, confirmation=replaced)
    # THEN it is imported, and the report warns that the key was replaced and by whom
    assert report.replaced == (first,)
    assert (
        f"PERINGATAN: kunci pengirim unit 990101 DIGANTI; kunci sebelumnya: {first}; "
        "penggantian dikonfirmasi oleh Ketua Uji"
    ) in report.lines()


def test_duplicate_and_older_packages_are_refused(
    kecamatan: PlenoService, kabko: PlenoService, tmp_path: Path
) -> None:
    # GIVEN an older and a newer package of the unit; the newer one imported
    older = _export(kecamatan, tmp_path, "lama.rekap")
    newer = _export(kecamatan, tmp_path, "baru.rekap")
    fingerprint = installation_fingerprint(tmp_path / "kunci-kecamatan")
    importer = PackageImportService(kabko)
    importer.import_package(newer, trust=fingerprint)
    before = _dump(kabko)
    # WHEN the same one again, or the older one, is imported THEN refused; nothing written
    with pytest.raises(InputRejected, match="sudah diimpor"):
        importer.import_package(newer)
    with pytest.raises(InputRejected, match="lebih lama dari paket unit 990101"):
        importer.import_package(older)
    assert _dump(kabko) == before


def test_provisional_package_verifies_but_is_not_imported(
    kecamatan: PlenoService, kabko: PlenoService, tmp_path: Path
) -> None:
    # GIVEN a SEMENTARA (pause) package
    path = _export(kecamatan, tmp_path, determined=False)
    # WHEN verified THEN it says SEMENTARA; WHEN imported THEN refused
    assert "Status: SEMENTARA (bukan hasil yang ditetapkan)" in verify_file(path).lines()
    with pytest.raises(InputRejected, match="paket SEMENTARA"):
        PackageImportService(kabko).import_package(path, trust="x")


def test_package_of_a_region_that_is_not_a_unit_is_refused(
    kabko: PlenoService, tmp_path: Path
) -> None:
    # GIVEN a kecamatan of another city
    setup = {
        **KECAMATAN,
        "wilayah": {"kode": "990301", "nama": "LAIN"},
        "unit": [{"kode": "9903011001", "nama": "DESA LAIN"}],
    }
    other = _meeting(tmp_path, setup, "lain")
    path = _export(other, tmp_path, "lain.rekap")
    # WHEN imported THEN refused naming the region
    with pytest.raises(InputRejected, match="990301 LAIN, yang bukan unit pleno 9901 KOTA UJI"):
        PackageImportService(kabko).import_package(path, trust="x")


def test_package_of_the_wrong_level_is_refused(kabko: PlenoService, tmp_path: Path) -> None:
    # GIVEN a kab/kota package offered to another kab/kota meeting
    path = _export(kabko, tmp_path, "kota.rekap")
    # WHEN imported THEN refused naming the levels
    with pytest.raises(InputRejected, match="tingkat 'kabko' tidak dapat diimpor"):
        PackageImportService(kabko).import_package(path, trust="x")


def test_tampered_package_is_refused_and_nothing_written(
    kecamatan: PlenoService, kabko: PlenoService, tmp_path: Path
) -> None:
    # GIVEN a package whose tallies were edited after signing
    path = _export(kecamatan, tmp_path)
    tampered = tmp_path / "ubah.rekap"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(
                info, data.replace(b"340", b"840") if info.filename == "hasil.csv" else data
            )
    before = _dump(kabko)
    # WHEN imported THEN refused naming the member; nothing written
    with pytest.raises(InputRejected, match="isi 'hasil.csv' telah diubah"):
        PackageImportService(kabko).import_package(tampered, trust="x")
    assert _dump(kabko) == before


def test_export_is_audited(kecamatan: PlenoService, tmp_path: Path) -> None:
    # GIVEN a meeting WHEN it exports a package THEN the chain records it and still holds
    _export(kecamatan, tmp_path, determined=False)
    report = kecamatan.verify_audit()
    assert report.ok and report.entries == 4


def test_examine_says_whether_the_sender_key_must_be_confirmed_and_writes_nothing(
    kecamatan: PlenoService, kabko: PlenoService, tmp_path: Path
) -> None:
    # GIVEN a package of a key the kab/kota has never seen
    path = _export(kecamatan, tmp_path)
    fingerprint = installation_fingerprint(tmp_path / "kunci-kecamatan")
    before = _dump(kabko)
    importer = PackageImportService(kabko)
    # WHEN it is examined THEN the unit and the fingerprint to confirm are named; nothing written
    first = importer.examine(path)
    assert (first.unit, first.unit_name, first.fingerprint) == ("990101", "UTARA", fingerprint)
    assert (first.trusted, first.earlier, first.key_changed) == (False, (), False)
    assert _dump(kabko) == before
    # WHEN the key is confirmed by an import, a newer package of it needs no confirmation
    importer.import_package(path, trust=fingerprint)
    assert importer.examine(_export(kecamatan, tmp_path, "utara-2.rekap")).trusted
    # AND a package of the unit signed by another key shows the change
    other = tmp_path / "lain.rekap"
    PackageService(kecamatan, key_folder=tmp_path / "kunci-lain").export(other, determined=True)
    changed = importer.examine(other)
    assert (changed.trusted, changed.earlier, changed.key_changed) == (False, (fingerprint,), True)
    # AND the same package again is refused as import would refuse it
    with pytest.raises(InputRejected, match="sudah diimpor"):
        importer.examine(path)


def test_package_of_none_of_the_meetings_contests_is_refused(
    kecamatan: PlenoService, tmp_path: Path
) -> None:
    # GIVEN a kab/kota meeting that holds another contest than the kecamatan's package
    bupati = {**KABKO, "kontestasi": [{**KABKO["kontestasi"][0], "kode": "bupati"}]}
    other = _meeting(tmp_path, bupati, "kabupaten")
    path = _export(kecamatan, tmp_path)
    before = _dump(other)
    # WHEN it is imported THEN refused by name; nothing written
    with pytest.raises(
        InputRejected, match=r"tidak memuat pemilihan pleno ini \(memuat: walikota\)"
    ):
        PackageImportService(other).import_package(
            path, trust=installation_fingerprint(tmp_path / "kunci-kecamatan")
        )
    assert _dump(other) == before
    other.engine.dispose()


def test_a_key_folder_that_cannot_be_written_is_refused_in_words(tmp_path: Path) -> None:
    # GIVEN a key folder whose place is taken by a file
    blocked = tmp_path / "bukan-folder"
    blocked.write_text("x", encoding="utf-8")
    # WHEN the installation key is asked THEN it is refused with the reason, not a crash
    with pytest.raises(InputRejected, match="kunci instalasi tidak dapat dibuat"):
        installation_fingerprint(blocked / "kunci")
