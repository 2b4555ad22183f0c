"""A small meeting whose PPK form breaks its own arithmetic (KOTA UJI, UTARA: suara sah written
690 while the choices add up to 680), with a ketua, an anggota and an operator who have PINs: for
the tests of the meeting's decisions on findings (service, widgets, printed forms)."""

from __future__ import annotations

import json
from pathlib import Path

from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.services.demo import DEMO_PINS
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import HEADER, SETUP, write_tallies

KETUA = "Ketua Uji"
ANGGOTA = "Anggota Uji"
OPERATOR = "Operator Uji"
BROKEN = (
    "\n".join(
        [
            HEADER,
            # UTARA: suara sah written 690 while 100 + 580 = 680 (R03); V.C = 690 + 10 holds.
            "walikota,990101,UTARA,ppk,700,100,580,690,10,700",
            "walikota,990102,SELATAN,ppk,1000,300,690,990,10,1000",
        ]
    )
    + "\n"
)
R03_MESSAGE = (
    "V.A Jumlah suara sah tertulis 690, padahal jumlah suara sah semua pilihan (IV) = 680 "
    "(selisih 10)."
)


def broken_meeting(url: str, folder: Path) -> PlenoService:
    """The meeting in the database at ``url``, its setup and tallies written in ``folder``."""
    service = PlenoService(open_engine(url))
    setup = folder / "pleno.json"
    members = [{"nama": KETUA, "jabatan": "Ketua"}, {"nama": ANGGOTA, "jabatan": "Anggota"}]
    setup.write_text(json.dumps({**SETUP, "anggota": members}), encoding="utf-8")
    service.create_from_setup_file(setup)
    service.import_tally_file(write_tallies(folder, BROKEN))
    users = UsersService(service.engine)
    users.add_user(KETUA, Role.KETUA, DEMO_PINS[Role.KETUA])
    manage = users.confirm(KETUA, DEMO_PINS[Role.KETUA], Action.MANAGE_USERS)
    users.add_user(ANGGOTA, Role.ANGGOTA, DEMO_PINS[Role.ANGGOTA], manage)
    users.add_user(OPERATOR, Role.OPERATOR, DEMO_PINS[Role.OPERATOR], manage)
    return service
