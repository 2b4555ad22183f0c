"""The demo plenos (SIMULASI): a Kota-level Pilkada meeting shaped like Kota Samarinda, and a
Kota-level Pemilu meeting (PPWP and DPRD Kota with its seats) shaped like Kota Bengkulu."""

from __future__ import annotations

from enum import StrEnum

from rekap_desktop.domain.incidents import Incident
from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.interchange.incidents_json import parse_carried_incidents
from rekap_desktop.interchange.setup import parse_setup
from rekap_desktop.resources import resource
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.users_service import UsersService

DEMO_FILES = ("pleno.json", "tallies.csv", "kejadian_kecamatan.json")


class DemoKind(StrEnum):
    PILKADA = "pilkada"
    PEMILU = "pemilu"


DEMO_PINS = {Role.KETUA: "111111", Role.ANGGOTA: "222222", Role.OPERATOR: "333333"}
"""Documented in README: the demo is SIMULASI, so its PINs are public on purpose."""
DEMO_OPERATOR = "Operator Demo"


def load_demo(service: PlenoService, kind: DemoKind = DemoKind.PILKADA) -> None:
    """Create the demo meeting, its tallies and (Pilkada) the carried kecamatan registers at once,
    then its users with the documented demo PINs."""
    folder = ("sample_data",) if kind is DemoKind.PILKADA else ("sample_data", "pemilu")
    setup, tallies = (resource(*folder, name).read_bytes() for name in DEMO_FILES[:2])
    pleno = parse_setup(setup, DEMO_FILES[0])
    incidents: tuple[Incident, ...] = ()
    if kind is DemoKind.PILKADA:
        carried = resource(*folder, DEMO_FILES[2]).read_bytes()
        incidents = tuple(parse_carried_incidents(carried, DEMO_FILES[2], pleno))
    service.create(pleno, is_demo=True, tally_files=((DEMO_FILES[1], tallies),), carried=incidents)
    users = UsersService(service.engine, service.bus)
    ketua, *anggota = pleno.members
    users.add_user(ketua.name, Role.KETUA, DEMO_PINS[Role.KETUA])
    confirmation = users.confirm(ketua.name, DEMO_PINS[Role.KETUA], Action.MANAGE_USERS)
    for member in anggota:
        users.add_user(member.name, Role.ANGGOTA, DEMO_PINS[Role.ANGGOTA], confirmation)
    users.add_user(DEMO_OPERATOR, Role.OPERATOR, DEMO_PINS[Role.OPERATOR], confirmation)
