"""Every guarded change checks its commissioner's confirmation itself, inside its own write
transaction: a caller that skips the PIN, a confirmation claiming a role its user does not have,
and one whose user's role changed after the PIN was typed are all refused, and nothing is
written. (The GUI and the command line ask for the PIN; the service does not trust that they did.)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from rekap_desktop.domain.confirmation import Confirmation, User
from rekap_desktop.domain.corrections import Reason
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import ACTION_LABELS, Action, Role
from rekap_desktop.domain.signature import Signature
from rekap_desktop.services import backup_service
from rekap_desktop.services.corrections_service import CorrectionsService, SettleRequest
from rekap_desktop.services.demo import DEMO_OPERATOR, DEMO_PINS, load_demo
from rekap_desktop.services.incident_service import IncidentService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import write_tallies

Attempt = Callable[[PlenoService, Confirmation | None], object]
LATER = "pemilihan,kode_wilayah,sumber,suara_01\nwalikota,647201,bawaslu,2959\n"
CLOSE_OBJECTION_NUMBER = 3
"""The demo's carried saksi objection, still open."""


@pytest.fixture
def demo(db_url: str) -> Iterator[PlenoService]:
    """The Pilkada demo (SIMULASI) with its ketua, anggota and operator."""
    service = PlenoService(open_engine(db_url))
    load_demo(service)
    yield service
    service.engine.dispose()


def _ketua(service: PlenoService) -> str:
    return service.pleno().members[0].name


def _determine(service: PlenoService, confirmation: Confirmation | None) -> object:
    signed = [Signature(m.name, m.position, True) for m in service.pleno().members]
    return ProcedureService(service).determine(signed, confirmation)


def _reopen(service: PlenoService, confirmation: Confirmation | None) -> object:
    return ProcedureService(service).reopen("salah tulis pada berita acara", confirmation)


def _settle(service: PlenoService, confirmation: Confirmation | None) -> object:
    request = SettleRequest(
        "suara_01",
        28999,
        Reason.SESUAI_PPK,
        "D.Hasil Kecamatan PPK",
        "PPK",
        _ketua(service),
        confirmation=confirmation,
    )
    return CorrectionsService(service).settle("gubernur", "647203", request)


def _close(service: PlenoService, confirmation: Confirmation | None) -> object:
    return IncidentService(service).mark_unresolvable(
        CLOSE_OBJECTION_NUMBER, "Saksi tetap keberatan; dicatat", confirmation
    )


def _add_user(service: PlenoService, confirmation: Confirmation | None) -> object:
    return UsersService(service.engine).add_user(
        "Anggota Baru", Role.ANGGOTA, DEMO_PINS[Role.ANGGOTA], confirmation
    )


GUARDED: list[tuple[Action, Attempt]] = [
    (Action.DETERMINE, _determine),
    (Action.REOPEN_DETERMINED, _reopen),
    (Action.APPROVE_CORRECTION, _settle),
    (Action.CLOSE_OBJECTION, _close),
    (Action.MANAGE_USERS, _add_user),
]
IDS = [action.value for action, _attempt in GUARDED]


def _dump(service: PlenoService) -> dict[str, list[tuple[object, ...]]]:
    with service.engine.connect() as connection:
        return {
            t: sorted((tuple(r) for r in connection.execute(text(f"SELECT * FROM {t}"))), key=str)
            for t in sorted(inspect(connection).get_table_names())
        }


def _refused(service: PlenoService, attempt: Attempt, confirmation: Confirmation | None) -> str:
    before = _dump(service)
    with pytest.raises(InputRejected) as refused:
        attempt(service, confirmation)
    assert _dump(service) == before
    return str(refused.value)


@pytest.mark.parametrize(("action", "attempt"), GUARDED, ids=IDS)
def test_without_a_confirmation_nothing_is_written(
    demo: PlenoService, action: Action, attempt: Attempt
) -> None:
    # GIVEN the demo meeting WHEN the guarded change is asked for with no PIN confirmation
    message = _refused(demo, attempt, None)
    # THEN it is refused, saying in Indonesian what needs whose PIN; nothing was written
    assert message.startswith(f"{ACTION_LABELS[action]} perlu konfirmasi PIN ")
    assert "Ketua KPU" in message


@pytest.mark.parametrize(("action", "attempt"), GUARDED, ids=IDS)
def test_a_confirmation_claiming_a_role_its_user_lacks_is_refused(
    demo: PlenoService, action: Action, attempt: Attempt
) -> None:
    # GIVEN a confirmation made up in code: the operator presented as the ketua
    forged = Confirmation(User(DEMO_OPERATOR, Role.KETUA), action, "2024-12-05T10:00:00+00:00")
    # WHEN it is given to the guarded change THEN the stored role decides: refused
    message = _refused(demo, attempt, forged)
    assert message == (
        f"{ACTION_LABELS[action]}: peran {DEMO_OPERATOR} sekarang Operator, bukan Ketua KPU "
        "seperti saat PIN dimasukkan; konfirmasi lagi"
    )


@pytest.mark.parametrize(("action", "attempt"), GUARDED, ids=IDS)
def test_a_confirmation_for_another_action_is_refused(
    demo: PlenoService, action: Action, attempt: Attempt
) -> None:
    # GIVEN the ketua's real confirmation, given for another guarded action
    other = Action.DECIDE_TIE
    ketua = _ketua(demo)
    confirmation = UsersService(demo.engine).confirm(ketua, DEMO_PINS[Role.KETUA], other)
    # WHEN it is used for this one THEN refused, naming both
    assert _refused(demo, attempt, confirmation) == (
        f"konfirmasi PIN {ketua} diberikan untuk {ACTION_LABELS[other]}, bukan untuk "
        f"{ACTION_LABELS[action]}"
    )


@pytest.mark.parametrize(("action", "attempt"), GUARDED, ids=IDS)
def test_a_role_taken_away_after_the_pin_is_refused(
    demo: PlenoService, action: Action, attempt: Attempt
) -> None:
    # GIVEN the ketua's confirmation, after which the stored role became operator
    ketua = _ketua(demo)
    confirmation = UsersService(demo.engine).confirm(ketua, DEMO_PINS[Role.KETUA], action)
    with demo.engine.begin() as connection:
        connection.execute(
            text("UPDATE app_user SET role = 'operator' WHERE name = :name"), {"name": ketua}
        )
    # WHEN the change is made with it THEN the role as stored now refuses it
    message = _refused(demo, attempt, confirmation)
    assert message.startswith(f"{ACTION_LABELS[action]}: peran {ketua} sekarang Operator")


@pytest.mark.parametrize(
    "action", [Action.REOPEN_DETERMINED, Action.MANAGE_USERS], ids=lambda a: a.value
)
def test_an_anggota_cannot_stand_in_for_the_ketua(demo: PlenoService, action: Action) -> None:
    # GIVEN an anggota's confirmation for an action only the ketua may confirm (made up in code:
    # the PIN dialog would not have given it)
    anggota = demo.pleno().members[1].name
    confirmation = Confirmation(User(anggota, Role.ANGGOTA), action, "2024-12-05T10:00:00+00:00")
    attempt = dict(GUARDED)[action]
    # WHEN it is used THEN refused: the ketua is needed
    assert _refused(demo, attempt, confirmation) == (
        f"Anggota KPU tidak berwenang {ACTION_LABELS[action]}; perlu Ketua KPU."
    )


def test_with_the_right_confirmation_the_change_is_made_and_names_the_confirmer(
    demo: PlenoService,
) -> None:
    # GIVEN the ketua's confirmation of closing an objection
    ketua = _ketua(demo)
    users = UsersService(demo.engine)
    confirmation = users.confirm(ketua, DEMO_PINS[Role.KETUA], Action.CLOSE_OBJECTION)
    # WHEN the objection is closed with it THEN it is closed and the audit names the ketua
    closed = IncidentService(demo).mark_unresolvable(
        CLOSE_OBJECTION_NUMBER, "Saksi tetap keberatan; dicatat", confirmation
    )
    assert closed.status.value == "tidak_dapat_diselesaikan"
    with demo.engine.connect() as connection:
        payload = connection.execute(
            text("SELECT payload FROM audit_entry ORDER BY id DESC LIMIT 1")
        ).scalar_one()
    assert f'"dikonfirmasi_oleh":"{ketua}"' in payload
    assert '"peran_pengonfirmasi":"ketua"' in payload


def test_restore_refuses_a_confirmation_its_user_does_not_hold(tmp_path: Path) -> None:
    # GIVEN the demo in a file, a verified backup of it, and then a later change
    service = PlenoService(open_engine(str(tmp_path / "live.sqlite")))
    load_demo(service)
    made = backup_service.make_backup(service.engine, tmp_path / "usb")
    service.import_tally_file(write_tallies(tmp_path, LATER, "later.csv"))
    live = (tmp_path / "live.sqlite").read_bytes()
    forged = Confirmation(
        User(DEMO_OPERATOR, Role.KETUA), Action.RESTORE_BACKUP, "2024-12-05T10:00:00+00:00"
    )
    # WHEN the backup is restored with the operator presented as the ketua
    with pytest.raises(InputRejected) as refused:
        backup_service.restore_backup(service.engine, made.path, forged)
    # THEN it is refused, and the live file is untouched (nothing set aside, nothing copied)
    assert str(refused.value).startswith(f"memulihkan cadangan: peran {DEMO_OPERATOR} sekarang")
    assert (tmp_path / "live.sqlite").read_bytes() == live
    assert not list(tmp_path.glob("live-sebelum-pemulihan-*"))
    service.engine.dispose()


def test_cli_adds_a_user_only_with_the_ketua_and_records_both_roles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from rekap_desktop.app import main

    # GIVEN the demo in a file, and a new operator's PIN
    db = str(tmp_path / "demo.sqlite")
    assert main(["demo", "--db", db]) == 0
    service = PlenoService(open_engine(db))
    ketua, anggota = (m.name for m in service.pleno().members[:2])
    monkeypatch.setenv("REKAP_PIN_BARU", DEMO_PINS[Role.OPERATOR])
    add = ["user", "--db", db, "--nama", "Operator Dua", "--peran", "operator"]
    capsys.readouterr()
    # WHEN added without --user, or confirmed by an anggota THEN exit 2 in Indonesian
    assert main(add) == 2
    assert capsys.readouterr().err == "Ditolak: tindakan ini perlu --user (anggota/ketua KPU)\n"
    monkeypatch.setenv("REKAP_PIN", DEMO_PINS[Role.ANGGOTA])
    assert main([*add, "--user", anggota]) == 2
    assert capsys.readouterr().err == (
        "Ditolak: Anggota KPU tidak berwenang mengatur pengguna dan PIN; perlu Ketua KPU.\n"
    )
    # WHEN the ketua confirms THEN added, and the audit names the operator's role and the ketua's
    monkeypatch.setenv("REKAP_PIN", DEMO_PINS[Role.KETUA])
    assert main([*add, "--user", ketua]) == 0
    with service.engine.connect() as connection:
        payload = connection.execute(
            text("SELECT payload FROM audit_entry ORDER BY id DESC LIMIT 1")
        ).scalar_one()
    recorded = {k: v for k, v in json.loads(payload).items() if k != "baris"}
    assert recorded == {
        "nama": "Operator Dua",
        "peran": "operator",
        "dikonfirmasi_oleh": ketua,
        "peran_pengonfirmasi": "ketua",
    }
    service.engine.dispose()
