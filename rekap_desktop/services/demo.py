"""The demo pleno (SIMULASI): a Kota-level Pilkada meeting shaped like Kota Samarinda."""

from __future__ import annotations

from rekap_desktop.interchange.incidents_json import parse_carried_incidents
from rekap_desktop.interchange.setup import parse_setup
from rekap_desktop.resources import resource
from rekap_desktop.services.pleno_service import PlenoService

DEMO_FILES = ("pleno.json", "tallies.csv", "kejadian_kecamatan.json")


def load_demo(service: PlenoService) -> None:
    """Create the demo meeting, its tallies and the carried kecamatan registers at once."""
    setup, tallies, carried = (resource("sample_data", name).read_bytes() for name in DEMO_FILES)
    pleno = parse_setup(setup, DEMO_FILES[0])
    incidents = parse_carried_incidents(carried, DEMO_FILES[2], pleno)
    service.create(
        pleno, is_demo=True, tally_files=((DEMO_FILES[1], tallies),), carried=tuple(incidents)
    )
