"""Reads of one pair per correction: the cockpit's comparison and the projector showing the same
kecamatan × contest live, one correction committed, every screen following it.

The screens follow as the cockpit wires them: the comparison re-reads after its own write and on
every published change, the projector re-previews the meeting's place on every change and
rebuilds its live and preview scenes on its timer. Ours: the screens share the pair's read model
(``PairViews``). Baseline, same run: every screen reading the pair for itself, as before.
Used by test_pair_reads.py and by the benchmark (tests/benchmarks/pair_reads_bench.py).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from rekap_desktop.domain.changes import Changes
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.corrections import Reason
from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.gui.comparison.widget import ComparisonWidget
from rekap_desktop.gui.projector.controller import ProjectorController
from rekap_desktop.gui.projector.cues import TallyCue
from rekap_desktop.gui.projector.scenes import TallyScene
from rekap_desktop.gui.projector.screens import ScreenManager
from rekap_desktop.gui.projector.settings import ProjectorSettings
from rekap_desktop.interchange.setup import parse_setup
from rekap_desktop.services import pair_view
from rekap_desktop.services.corrections_service import SettleRequest
from rekap_desktop.services.demo import DEMO_PINS
from rekap_desktop.services.pair_view import PairView, PairViews
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine
from tests.meetings import cockpit_meeting

CONTEST = "bupati"
CHAIR = "Ketua Uji"
HEADER = "pemilihan,kode_wilayah,sumber,pengguna_total_j,suara_01,suara_02,suara_sah"
HEADER += ",suara_tidak_sah,suara_total"


@dataclass(frozen=True)
class CorrectionRun:
    """Per correction: the pair reads it caused, and the seconds until every screen showed it."""

    reads: list[int]
    seconds: list[float]


def unit_code(number: int) -> str:
    return f"9901{number:02d}"


def setup_json(units: int) -> bytes:
    return json.dumps(
        {
            "format": "rekap-pleno/1",
            "pemilihan": "Pemilihan Uji Baca Pasangan 2024",
            "jenis": "pilkada",
            "tingkat": "kabko",
            "wilayah": {"kode": "9901", "nama": "KABUPATEN UJI"},
            "unit": [
                {"kode": unit_code(i), "nama": f"KECAMATAN {i:02d}", "jumlah_tps": 40}
                for i in range(1, units + 1)
            ],
            "kontestasi": [
                {
                    "kode": CONTEST,
                    "judul": "Pemilihan Bupati Uji",
                    "pilihan": [{"nomor_urut": n, "nama": f"PASANGAN {n}"} for n in (1, 2)],
                }
            ],
            "anggota": [{"nama": CHAIR, "jabatan": "Ketua"}],
        }
    ).encode()


def tallies_csv(units: int) -> bytes:
    """Every kecamatan's PPK form, and a Sirekap form reading nomor urut 1 five votes higher."""
    lines = [HEADER]
    for i in range(1, units + 1):
        first, second = 4000 + i, 3000 + i
        for source, read in (("ppk", first), ("sirekap", first + 5)):
            valid = read + second
            cells = (valid + 20, read, second, valid, 20, valid + 20)
            lines.append(",".join((CONTEST, unit_code(i), source, *map(str, cells))))
    return ("\n".join(lines) + "\n").encode()


def meeting(folder: Path, units: int) -> tuple[PlenoService, Confirmation]:
    folder.mkdir(parents=True, exist_ok=True)
    service = PlenoService(open_engine(str(folder / "baca-pasangan.sqlite")))
    service.create(parse_setup(setup_json(units)), tally_files=(("t.csv", tallies_csv(units)),))
    users = UsersService(service.engine)
    users.add_user(CHAIR, Role.KETUA, DEMO_PINS[Role.KETUA])
    return service, users.confirm(CHAIR, DEMO_PINS[Role.KETUA], Action.APPROVE_CORRECTION)


class EachReads(PairViews):
    """The baseline: every screen reads the pair for itself, on every rebuild."""

    def view(self, contest: str, unit: str) -> PairView:
        pleno = self._pleno()
        found_contest, found_unit = pair_view.find_pair(pleno, contest, unit)
        with pair_view.read(self._engine) as session:
            return pair_view.read_pair(session, pleno, found_contest, found_unit)


@contextmanager
def counted_reads() -> Iterator[list[int]]:
    """Counts every read of a pair from the database while the block runs (one element)."""
    count = [0]
    original = pair_view.read_pair

    def counting(*args: object, **kwargs: object) -> PairView:
        count[0] += 1
        return original(*args, **kwargs)  # type: ignore[arg-type]

    pair_view.read_pair = counting  # type: ignore[assignment]
    try:
        yield count
    finally:
        pair_view.read_pair = original


def correction_reads(folder: Path, units: int, shared: bool) -> CorrectionRun:
    """One correction in each of ``units`` kecamatan, each shown on both screens."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    service, confirmation = meeting(folder, units)
    if not shared:
        service.pairs = EachReads(service.engine, service.pleno)
    cockpit = cockpit_meeting(service)
    widget = ComparisonWidget(cockpit.comparison, CONTEST, unit_code(1))
    settings = ProjectorSettings(
        QSettings(str(folder / f"proyektor-{shared}.ini"), QSettings.Format.IniFormat)
    )
    screens = ScreenManager(settings)
    controller = ProjectorController(cockpit, screens, settings)
    controller.start()

    def follow(_changes: Changes) -> None:
        # what the cockpit does on every published change: its page re-reads, the projector
        # previews the meeting's place again
        widget.refresh()
        controller.preview(TallyCue(CONTEST, widget.unit_code))

    cockpit.hub.changed.connect(follow)
    run = CorrectionRun([], [])
    try:
        for number in range(1, units + 1):
            unit = unit_code(number)
            widget.set_pair(CONTEST, unit)
            controller.preview(TallyCue(CONTEST, unit))
            controller.go_live()
            _settle(app, lambda: True)
            request = SettleRequest(
                "suara_01", 4000 + number, Reason.SALAH_BACA_SIREKAP, "D.Hasil PPK", "PPK",
                CHAIR, seen=widget.versions, confirmation=confirmation,
            )  # fmt: skip
            with counted_reads() as reads:
                start = time.perf_counter()
                assert widget.settle(request) is not None, widget.message.text()
                _settle(app, lambda: _live_settled(controller))
                run.seconds.append(time.perf_counter() - start)
            run.reads.append(reads[0])
    finally:
        cockpit.hub.changed.disconnect(follow)
        controller.shutdown()
        screens.close()
        widget.deleteLater()
        service.engine.dispose()
    return run


def _live_settled(controller: ProjectorController) -> bool:
    scene = controller.live_scene()
    return isinstance(scene, TallyScene) and scene.settled_count > 0


def _settle(app: QApplication, done: Callable[[], bool], timeout: float = 10.0) -> None:
    """Runs the event loop until nothing is pending (the projector's timer has fired) and
    ``done`` holds."""
    end = time.perf_counter() + timeout
    app.processEvents()
    while not done() and time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()
