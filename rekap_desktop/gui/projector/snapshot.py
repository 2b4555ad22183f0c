"""``rekap-desktop snapshot``: one PNG per projector scene of the meeting, at 1920×1080."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from rekap_desktop.domain.sources import PPK
from rekap_desktop.domain.tally import form_keys, party_number
from rekap_desktop.gui.projector.cues import (
    AgendaCue,
    BlankCue,
    Cue,
    IncidentCue,
    LogoCue,
    PauseCue,
    PhotoCue,
    RecapCue,
    TallyCue,
    TitleCue,
)
from rekap_desktop.gui.projector.party_cues import PartyCue
from rekap_desktop.gui.projector.seat_cues import SeatCue
from rekap_desktop.gui.projector.view import SceneView
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.text.fields import field_label
from rekap_desktop.text.numbers import format_number

SIZE = (1920, 1080)
AGENDA_TEXT = (
    "Rapat pleno terbuka ini merekapitulasi hasil penghitungan perolehan suara dari setiap "
    "kecamatan. Formulir D.Hasil dari PPK menjadi rujukan; Sirekap hanya alat bantu. Saksi dan "
    "Bawaslu dapat mengajukan keberatan pada setiap kecamatan yang dibacakan, dan setiap "
    "keberatan dicatat dalam formulir kejadian khusus."
)
PAUSE_SINCE = datetime(2024, 12, 5, 12, 5)
PAUSE_SEEN_AT = datetime(2024, 12, 5, 12, 38)


def demo_cues(service: PlenoService, photo: Path) -> dict[str, Cue]:
    """One cue per scene kind, on the meeting's own data (the first unit with a difference)."""
    pleno = service.pleno()
    contest = pleno.contests[-1]
    units = [u.code for u in pleno.units]
    unit = _unit_with_difference(service, contest.code) or units[0]
    unit_name = next(u.name for u in pleno.units if u.code == unit)
    incidents = service.incidents()
    return {
        **legislative_cues(service),
        "judul": TitleCue(),
        "acara": AgendaCue(2, "Peraturan teknis rapat pleno", AGENDA_TEXT),
        "rincian": TallyCue(contest.code, unit),
        "rekapitulasi": RecapCue(pleno.contests[0].code, 0, frozenset(units[: len(units) // 3])),
        "foto": PhotoCue(
            str(photo), f"Foto formulir D.Hasil PPK — Kecamatan {unit_name} — {contest.title}", 1.0
        ),
        "kejadian": IncidentCue(incidents[-1].number if incidents else 0),
        "skors": PauseCue(PAUSE_SINCE, "Istirahat, salat dan makan"),
        "kosong": BlankCue(),
        "logo": LogoCue(),
    }


def legislative_cues(service: PlenoService) -> dict[str, Cue]:
    """For the first legislative contest of the meeting (if any): the party summary and one
    party's candidates of a kecamatan with a difference, the recapitulation per dapil and the
    seat steps of its first dapil."""
    pleno = service.pleno()
    contest = next((c for c in pleno.contests if c.is_party_list and c.parties), None)
    if contest is None:
        return {}
    unit = _unit_with_difference(service, contest.code) or pleno.units[0].code
    party = _party_with_difference(service, contest.code, unit) or contest.parties[0].number
    summary = PartyCue(contest.code, unit)
    return {
        "partai-ringkasan": summary,
        "partai-calon": summary.for_party(service, party),
        "rekapitulasi-dapil": RecapCue(contest.code),
        "perolehan-kursi": SeatCue(contest.code),
    }


def _party_with_difference(service: PlenoService, contest: str, unit: str) -> int | None:
    """The first party with a row on which a copy differs from the PPK's form."""
    tallies = service.tallies(contest)
    reference = tallies.get((contest, unit, PPK.code))
    if reference is None:
        return None
    numbers = sorted(
        number
        for (_, u, source), tally in tallies.items()
        if u == unit and source != PPK.code
        for key, value in tally.items()
        if reference.value(key) not in (None, value) and (number := party_number(key)) is not None
    )
    return numbers[0] if numbers else None


def write_projector_snapshots(service: PlenoService, out: Path) -> list[Path]:
    """proyektor-<scene>.png for every scene kind; returns the files written."""
    view = SceneView()
    view.resize(*SIZE)
    view.clock = lambda: PAUSE_SEEN_AT
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        photo = Path(folder) / "formulir.png"
        pleno = service.pleno()
        _write_form_picture(service, pleno.contests[-1].code, photo)
        for name, cue in demo_cues(service, photo).items():
            view.set_scene(cue.build(service, False))
            path = out / f"proyektor-{name}.png"
            if not view.grab().save(str(path)):
                raise OSError(f"gagal menulis {path}")
            written.append(path)
    view.deleteLater()
    return written


def _unit_with_difference(service: PlenoService, contest: str) -> str | None:
    tallies = service.tallies(contest)
    for (_, unit, source), tally in sorted(tallies.items()):
        reference = tallies.get((contest, unit, PPK.code))
        if source != PPK.code and reference is not None:
            if any(reference.value(k) not in (None, v) for k, v in tally.items()):
                return unit
    return None


def _write_form_picture(service: PlenoService, contest_code: str, path: Path) -> None:
    """A picture of a filled D.Hasil sheet drawn from the PPK's numbers (the demo has no photos)."""
    pleno = service.pleno()
    contest = pleno.contests[-1]
    unit = _unit_with_difference(service, contest_code) or pleno.units[0].code
    tally = service.tallies(contest_code).get((contest_code, unit, PPK.code))
    keys = form_keys(contest)
    image = QImage(1240, 240 + 44 * len(keys), QImage.Format.Format_RGB32)
    image.fill(QColor("#f4f1e8"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#1a1a1a"))
    font = QFont("DejaVu Sans")
    font.setPixelSize(34)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(60, 50, 1120, 60), int(Qt.AlignmentFlag.AlignCenter), "MODEL D.HASIL")
    font.setBold(False)
    font.setPixelSize(22)
    painter.setFont(font)
    title = f"{contest.title} — Kecamatan {unit}"
    painter.drawText(QRectF(60, 110, 1120, 40), int(Qt.AlignmentFlag.AlignCenter), title)
    y = 180.0
    for key in keys:
        value = tally.value(key) if tally is not None else None
        painter.drawRect(QRectF(60, y, 1120, 44))
        painter.drawText(
            QRectF(75, y, 880, 44), int(Qt.AlignmentFlag.AlignVCenter), field_label(key)
        )
        right = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight)
        painter.drawText(QRectF(960, y, 200, 44), right, format_number(value))
        y += 44
    painter.end()
    image.save(str(path))
