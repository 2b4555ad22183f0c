"""Projector latency: from a committed change (the service call returned) to the live projector
having repainted with it, for a 40-kecamatan × 6-choice recapitulation; offscreen, in-process.

Baseline, same run: a bare QLabel of the same size repainting with the same text.
Used by ``run.py`` (``bench_projector``); returns plain timings in seconds.

Also counted: how many projector scenes one correction builds in the assembled cockpit (the
projector following the meeting at the pair's reading, its tally live), against the same run's
count of change publications that correction made (one write: the projector must build once).
Run as a script to print both.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[2]))  # the tests package, run on its own

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QPaintEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402

from rekap_desktop.gui.projector.controller import ProjectorController  # noqa: E402
from rekap_desktop.gui.projector.cues import RecapCue  # noqa: E402
from rekap_desktop.gui.projector.screens import ScreenManager  # noqa: E402
from rekap_desktop.gui.projector.settings import ProjectorSettings  # noqa: E402
from rekap_desktop.interchange.setup import parse_setup  # noqa: E402
from rekap_desktop.services.pleno_service import PlenoService  # noqa: E402
from rekap_desktop.storage.engine import open_engine  # noqa: E402
from tests.meetings import cockpit_meeting  # noqa: E402

UNITS = 40
CHOICES = 6
SAMPLES = 60
SIZE = (1920, 1080)
SCREENS = {
    "synchronousWindowSystemEvents": False,
    "screens": [
        {"name": "OPERATOR", "x": 0, "y": 0, "width": 1366, "height": 768},
        {"name": "PROJECTOR", "x": 1366, "y": 0, "width": 1920, "height": 1080},
    ],
}
HEADER = ["pemilihan", "kode_wilayah", "sumber", "pengguna_total_j"]
HEADER += [f"suara_{n:02d}" for n in range(1, CHOICES + 1)]
HEADER += ["suara_sah", "suara_tidak_sah", "suara_total"]


def setup_json() -> bytes:
    return json.dumps(
        {
            "format": "rekap-pleno/1",
            "pemilihan": "Pemilihan Uji Kinerja 2024",
            "jenis": "pilkada",
            "tingkat": "kabko",
            "wilayah": {"kode": "9901", "nama": "KABUPATEN UJI"},
            "tanggal": "2024-12-05",
            "anggota": [{"nama": "Ketua Uji", "jabatan": "Ketua"}],
            "unit": [
                {"kode": f"9901{i:02d}", "nama": f"KECAMATAN UJI {i:02d}", "jumlah_tps": 80}
                for i in range(1, UNITS + 1)
            ],
            "kontestasi": [
                {
                    "kode": "bupati",
                    "judul": "Pemilihan Bupati dan Wakil Bupati Uji",
                    "pilihan": [
                        {"nomor_urut": n, "nama": f"CALON {n} - WAKIL {n}"}
                        for n in range(1, CHOICES + 1)
                    ],
                }
            ],
        }
    ).encode()


def tally_row(unit: str, votes: list[int], invalid: int) -> str:
    valid = sum(votes)
    cells = ["bupati", unit, "ppk", str(valid + invalid), *map(str, votes)]
    return ",".join([*cells, str(valid), str(invalid), str(valid + invalid)])


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join([",".join(HEADER), *rows]) + "\n", encoding="utf-8")
    return path


def measure_projector() -> tuple[list[float], list[float]]:
    """(ours, baseline): SAMPLES latencies each, in seconds."""
    folder = Path(tempfile.mkdtemp(prefix="bench-proyektor-"))
    config = folder / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    if QApplication.instance() is None:  # the platform is chosen when the application starts
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    service = _meeting(folder)
    changes = [
        write_csv(folder / f"ubah-{k}.csv", [tally_row("990101", [10_000 + k] * CHOICES, 300)])
        for k in range(SAMPLES)
    ]
    settings = ProjectorSettings(QSettings(str(folder / "p.ini"), QSettings.Format.IniFormat))
    screens = ScreenManager(settings)
    controller = ProjectorController(cockpit_meeting(service), screens, settings)
    controller.start()
    if screens.projector_screen() is None:
        controller.window.place_on(screens.operator_screen())
    controller.preview(RecapCue("bupati"))
    controller.go_live()
    view = controller.window.view
    _settle(app, view.isVisible)
    ours = []
    for k, path in enumerate(changes):
        service.import_tally_file(path)
        start = time.perf_counter()
        painted = view.paint_count
        expected = f"{10_000 + k:,}".replace(",", ".")
        _settle(app, lambda: view.paint_count > painted and expected in view.rendered_texts())  # noqa: B023
        ours.append(time.perf_counter() - start)
    baseline = _label_baseline(app, "\n".join(view.rendered_texts()))
    controller.shutdown()
    screens.close()
    return ours, baseline


def _meeting(folder: Path) -> PlenoService:
    rng = random.Random(4)
    service = PlenoService(open_engine(str(folder / "kinerja.sqlite")))
    service.create(parse_setup(setup_json(), "kinerja.json"))
    rows = [
        tally_row(f"9901{i:02d}", [rng.randint(1000, 40_000) for _ in range(CHOICES)], 300)
        for i in range(1, UNITS + 1)
    ]
    service.import_tally_file(write_csv(folder / "semua.csv", rows))
    return service


class PaintedLabel(QLabel):
    """The baseline: a bare QLabel that counts its paints."""

    paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        super().paintEvent(event)
        self.paints += 1


def _label_baseline(app: QApplication, text: str) -> list[float]:
    label = PaintedLabel()
    label.resize(*SIZE)
    label.show()
    _settle(app, lambda: label.paints > 0)
    times = []
    for k in range(SAMPLES):
        start = time.perf_counter()
        painted = label.paints
        label.setText(f"{text}\n{k}")
        _settle(app, lambda: label.paints > painted)  # noqa: B023
        times.append(time.perf_counter() - start)
    label.close()
    return times


def _settle(app: QApplication, condition: Callable[[], bool], seconds: float = 5.0) -> None:
    deadline = time.perf_counter() + seconds
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("tidak tergambar ulang dalam 5 detik")
        app.processEvents()


def count_correction_builds() -> tuple[int, int]:
    """(projector scenes built, change batches published) for one approved correction."""
    from rekap_desktop.domain.corrections import Reason
    from rekap_desktop.domain.procedure import Stop
    from rekap_desktop.domain.roles import Action
    from rekap_desktop.gui.projector_link import ProjectorLink
    from rekap_desktop.services.corrections_service import SettleRequest
    from rekap_desktop.services.procedure_records import expected_forms
    from tests.confirming import confirmed
    from tests.meetings import cockpit_window

    folder = Path(tempfile.mkdtemp(prefix="bench-koreksi-"))
    app = QApplication.instance() or QApplication([])
    service = _meeting(folder)
    settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    window = cockpit_window(service, settings=settings)
    link = ProjectorLink(window, settings)
    procedure, reading = window.procedure, Stop("8", "990101", "bupati")
    for _ in range(3):
        procedure.next()
    procedure.go_to(Stop("4", "990101"))
    window.records.record_box("990101", True, expected_forms(window.pleno))
    while procedure.state().current != reading:
        procedure.next()
    _settle(app, lambda: link.controller.preview_cue.__class__.__name__ == "TallyCue")
    link.controller.go_live()
    app.processEvents()
    confirmation = confirmed(service, Action.APPROVE_CORRECTION, "Ketua Uji")
    published: list[object] = []
    window.meeting.hub.changed.connect(published.append)
    before = link.controller.scene_builds
    request = SettleRequest(
        "suara_01", 999, Reason.PENCERMATAN, "D.Hasil Kecamatan PPK", "Saksi 1", "Ketua Uji",
        confirmation=confirmation,
    )  # fmt: skip
    window.meeting.corrections.settle("bupati", "990101", request)
    deadline = time.perf_counter() + 0.5  # every queued rebuild has run by then
    while time.perf_counter() < deadline:
        app.processEvents()
    builds = link.controller.scene_builds - before
    link.shutdown()
    window.close()
    return builds, len(published)


if __name__ == "__main__":
    import statistics

    ours, baseline = measure_projector()
    print(
        f"proyektor: perubahan tersimpan → tayang tergambar, median "
        f"{statistics.median(ours) * 1000:.1f} ms (QLabel polos: "
        f"{statistics.median(baseline) * 1000:.1f} ms)"
    )
    builds, published = count_correction_builds()
    print(
        f"proyektor: satu koreksi → {builds} adegan dibangun "
        f"(acuan, run yang sama: {published} publikasi perubahan)"
    )
