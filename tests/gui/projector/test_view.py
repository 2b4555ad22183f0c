"""SceneView: every scene paints, its key numbers appear, and the text stays legible."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPaintEvent
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.projector.cues import (
    AgendaCue,
    BlankCue,
    Cue,
    LogoCue,
    PauseCue,
    PhotoCue,
    RecapCue,
    TallyCue,
    TitleCue,
)
from rekap_desktop.gui.projector.scenes import (
    Banner,
    BannerState,
    RecapLine,
    RecapScene,
    SourceColumn,
    TallyLine,
    TallyScene,
)
from rekap_desktop.gui.projector.view import SceneView
from rekap_desktop.services.pleno_service import PlenoService

FULL_HD = (1920, 1080)
BOTH_READ = frozenset({"990101", "990102"})
OFFICIAL = BannerState(Banner.DITETAPKAN, None, True)


def rendered(qtbot: QtBot, view: SceneView, tmp_path: Path, name: str) -> QImage:
    """Show, paint and grab the view to a PNG file; returns the picture read back."""
    view.show()
    qtbot.waitExposed(view)
    path = tmp_path / f"{name}.png"
    assert view.grab().save(str(path))
    return QImage(str(path))


def colours(image: QImage) -> set[int]:
    return {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 5)
    }


@pytest.fixture
def view(qtbot: QtBot) -> SceneView:
    scene_view = SceneView()
    scene_view.resize(*FULL_HD)
    scene_view.clock = lambda: datetime(2024, 12, 5, 13, 20)
    qtbot.addWidget(scene_view)
    return scene_view


@pytest.mark.parametrize(
    ("name", "cue", "expected"),
    [
        ("judul", TitleCue(), ["Pemilihan Uji 2024", "KPU KOTA UJI", "Kamis, 5 Desember 2024"]),
        ("acara", AgendaCue(2, "Peraturan teknis", "Teks peraturan."), ["Teks peraturan."]),
        ("rincian", TallyCue("walikota", "990101"), ["580", "≠ 530", "≠ 630", "≠ berbeda"]),
        ("rekap", RecapCue("walikota", 0, BOTH_READ), ["UTARA", "1.270", "1.670", "400"]),
        (
            "skors",
            PauseCue(datetime(2024, 12, 5, 12, 5)),
            ["sejak pukul 12.05", "sudah 1 jam 15 menit"],
        ),
        ("logo", LogoCue(), ["KPU KOTA UJI"]),
    ],
)
def test_each_scene_renders_its_key_text(
    qtbot: QtBot,
    view: SceneView,
    service: PlenoService,
    tmp_path: Path,
    name: str,
    cue: Cue,
    expected: list[str],
) -> None:
    # GIVEN a scene built from the committed meeting WHEN painted full HD and grabbed
    view.set_scene(cue.build(service, False))
    image = rendered(qtbot, view, tmp_path, name)
    # THEN the picture is not blank, carries the banner and the key numbers/texts
    assert (image.width(), image.height()) == FULL_HD
    assert len(colours(image)) > 10
    texts = view.rendered_texts()
    assert "BELUM DITETAPKAN" in texts
    assert [t for t in expected if t not in texts] == []


def test_tally_says_sirekap_is_not_the_official_result(
    qtbot: QtBot, view: SceneView, service: PlenoService, tmp_path: Path
) -> None:
    # GIVEN a tally with a Sirekap column WHEN painted THEN its label is on screen, whole
    view.set_scene(TallyCue("walikota", "990101").build(service, False))
    rendered(qtbot, view, tmp_path, "sirekap")
    assert {"Sirekap", "alat bantu,", "bukan hasil resmi"} <= set(view.rendered_texts())


def test_blank_is_black(
    qtbot: QtBot, view: SceneView, service: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the blank scene WHEN painted THEN every pixel is black and no text is drawn
    view.set_scene(BlankCue().build(service, False))
    image = rendered(qtbot, view, tmp_path, "kosong")
    assert colours(image) == {QColor("#000000").rgb()}
    assert view.rendered_texts() == []


def test_photo_scene_shows_the_image_and_a_missing_one_says_so(
    qtbot: QtBot, view: SceneView, service: PlenoService, tmp_path: Path
) -> None:
    # GIVEN a red form photo WHEN shown zoomed THEN the screen is mostly that photo
    photo = tmp_path / "form.png"
    picture = QImage(400, 300, QImage.Format.Format_RGB32)
    picture.fill(QColor("#c00000"))
    picture.save(str(photo))
    view.set_scene(PhotoCue(str(photo), "Formulir UTARA", 2.0).build(service, False))
    image = rendered(qtbot, view, tmp_path, "foto")
    assert image.pixelColor(960, 540) == QColor("#c00000")
    assert "Formulir UTARA" in view.rendered_texts()
    # WHEN the file is missing THEN the scene says which file, instead of failing
    view.set_scene(PhotoCue(str(tmp_path / "hilang.png"), "Formulir").build(service, False))
    rendered(qtbot, view, tmp_path, "foto-hilang")
    assert "Foto tidak dapat dibuka: hilang.png" in view.rendered_texts()


def twelve_choice_tally() -> TallyScene:
    """The fullest tally page: 12 choices and section V, four sources, six-digit numbers."""
    columns = (
        SourceColumn("ppk", "PPK", "D.Hasil (rujukan)"),
        SourceColumn("sirekap", "Sirekap", "alat bantu, bukan hasil resmi"),
        SourceColumn("saksi_01", "Saksi 1", "salinan saksi"),
        SourceColumn("bawaslu", "Bawaslu"),
    )
    lines = tuple(
        TallyLine(
            f"IV. Nomor urut {n}: NAMA CALON PANJANG {n} – NAMA WAKIL PANJANG {n}",
            ("123.456", "≠ 128.456", "123.456", "123.456"),
            (False, True, False, False),
        )
        for n in range(1, 13)
    ) + tuple(
        TallyLine(label, ("1.234.567",) * 4, (False,) * 4)
        for label in ("V.A Jumlah suara sah", "V.B Jumlah suara tidak sah", "V.C Jumlah")
    )
    return TallyScene(OFFICIAL, "Pemilihan Bupati", "Kecamatan X", "IV–V", columns, lines, 1, 3)


def recap_page(units: int, choices: int) -> RecapScene:
    """A full recapitulation page (cues.UNITS_PER_PAGE…): kab/kota-sized six-digit numbers."""
    line = RecapLine(
        "000000", "KECAMATAN BERNAMA PANJANG", ("123.456",) * choices, "987.654", False
    )
    headers = tuple(f"{n}. CALON {n} – WAKIL {n}" for n in range(1, choices + 1))
    bars = tuple((str(n), 123_456) for n in range(1, choices + 1))
    total = RecapLine("", "JUMLAH", ("987.654",) * choices, "5.925.924", False)
    return RecapScene(
        OFFICIAL, "Pemilihan", "Sumber", headers, (line,) * units, total, bars, 0, 40, 1, 3
    )


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
@pytest.mark.parametrize(
    "scene",
    [twelve_choice_tally(), recap_page(14, 3), recap_page(8, 6)],
    ids=["tally-12-choices", "recap-14x3", "recap-8x6"],
)
def test_body_text_is_at_least_a_thirtieth_of_the_screen_height(
    qtbot: QtBot,
    view: SceneView,
    tmp_path: Path,
    size: tuple[int, int],
    scene: TallyScene | RecapScene,
) -> None:
    # GIVEN the fullest page of a tally or of a recapitulation page WHEN painted
    view.resize(*size)
    view.set_scene(scene)
    rendered(qtbot, view, tmp_path, "penuh")
    # THEN body text is ≥ 1/30 of the height, and every number is drawn whole (no elision)
    assert view.body_px >= size[1] / 30
    numbers = [t for t in view.rendered_texts() if any(ch.isdigit() for ch in t) and "…" in t]
    assert [t for t in numbers if t.replace("…", "").strip()[-1:].isdigit()] == []


class ExposureView(SceneView):
    """A scene view that notes the region of every paint it gets."""

    def __init__(self) -> None:
        super().__init__()
        self.exposed: list[QRect] = []

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        self.exposed.append(event.region().boundingRect())
        super().paintEvent(event)


def on_screen(view: SceneView) -> QImage:
    """What the window shows now (its backing store), not a fresh render like grab()."""
    picture = view.screen().grabWindow(view.winId()).toImage()
    return picture.convertToFormat(QImage.Format.Format_RGB32)


def whole_render(view: SceneView) -> QImage:
    return view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


@pytest.mark.parametrize(
    ("change", "partial"),
    [
        (lambda s: replace(s, lines=(replace(s.lines[0], cells=("9",) * 6), *s.lines[1:])), True),
        (
            lambda s: replace(
                s, lines=(*s.lines[:3], replace(s.lines[3], read=True), *s.lines[4:])
            ),
            True,
        ),
        (lambda s: replace(s, total=replace(s.total, total="98.765.432.101")), False),
    ],
    ids=["one-number", "one-more-read", "wider-total-new-layout"],
)
def test_a_changed_scene_repaints_only_what_changed_and_shows_the_whole_new_frame(
    qtbot: QtBot, change: Callable[[RecapScene], RecapScene], partial: bool
) -> None:
    # GIVEN a recapitulation page on screen, one kecamatan already read
    view = ExposureView()
    qtbot.addWidget(view)
    view.resize(*FULL_HD)
    page = recap_page(8, 6)
    scene = replace(page, lines=(replace(page.lines[0], read=True), *page.lines[1:]))
    view.set_scene(scene)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: bool(view.exposed))
    # WHEN a number, a read mark or the table's layout changes
    view.exposed.clear()
    view.set_scene(change(scene))
    qtbot.waitUntil(lambda: bool(view.exposed))
    # THEN only bands of the screen are repainted when the layout stayed (all when it did not),
    # and what the window shows is exactly the new scene painted whole
    covered = sum(r.height() for r in view.exposed)
    assert (covered < FULL_HD[1] / 2) == partial
    assert on_screen(view) == whole_render(view)


PAIR_ONE = "Drs. H. Muhammad Rudy Mas'udiansyah, S.E., M.E. – Hj. Nurul Aini Pratiwi, S.E."
PAIR_TWO = "Ir. H. Bagus Wiratama Kusumaningrat, M.T. – Dr. Hj. Sri Rahmawati Lubis, M.Pd."
RECAP_ONE = "Drs. H. Mahdi Lestaluhu, M.Si. – Hj. Nurul Aini Pratiwi, S.E."
RECAP_TWO = "Ir. H. Bagus Wiratama, M.T. – Dr. Hj. Sri Rahmawati Lubis, M.Pd."
"""As long as the demo's names, in a column beside the chart."""


def short_tally() -> TallyScene:
    """A short page (five rows) whose pasangan calon takes more than the label column's line."""
    columns = (
        SourceColumn("ppk", "PPK", "D.Hasil (rujukan)"),
        SourceColumn("sirekap", "Sirekap", "alat bantu, bukan hasil resmi"),
    )
    lines = (
        TallyLine(f"IV. No. 1: {PAIR_ONE}", ("123.456", "≠ 128.456"), (False, True), "≠ berbeda"),
        TallyLine(f"IV. No. 2: {PAIR_TWO}", ("23.456", "23.456"), (False, False)),
        TallyLine("V.A Jumlah suara sah", ("146.912", "151.912"), (False, True), "≠ berbeda"),
        TallyLine("V.B Jumlah suara tidak sah", ("529", "529"), (False, False)),
        TallyLine("V.C Jumlah suara sah dan tidak sah", ("147.441", "152.441"), (False, True)),
    )
    return TallyScene(OFFICIAL, "Pemilihan Wali Kota", "Kecamatan X", "IV–V", columns, lines, 1, 3)


def short_recap() -> RecapScene:
    """Ten kecamatan, two pasangan calon with long names, the chart beside the table."""
    names = ("SAMARINDA SEBERANG", "SUNGAI KUNJANG", "LOA JANAN ILIR", "SAMARINDA UTARA")
    lines = tuple(
        RecapLine(f"6472{n:02d}", names[n % 4], ("123.456", "98.765"), "222.221", n < 3)
        for n in range(10)
    )
    total = RecapLine("", "JUMLAH ✓ 3 kec.", ("370.368", "296.295"), "666.663", False)
    return RecapScene(
        OFFICIAL,
        "Pemilihan Gubernur",
        "Sumber",
        (f"1. {RECAP_ONE}", f"2. {RECAP_TWO}"),
        lines,
        total,
        (("1", 370_368), ("2", 296_295)),
        3,
        10,
        1,
        1,
    )


@pytest.mark.parametrize(
    ("scene", "size"),
    [
        (short_tally(), (1920, 1080)),
        (short_tally(), (1366, 768)),
        (short_tally(), (1024, 768)),
        (short_recap(), (1920, 1080)),
        (short_recap(), (1366, 768)),
    ],
    ids=["tally-1920", "tally-1366", "tally-1024", "recap-1920", "recap-1366"],
)
def test_a_short_page_shows_every_name_whole(
    qtbot: QtBot,
    view: SceneView,
    tmp_path: Path,
    size: tuple[int, int],
    scene: TallyScene | RecapScene,
) -> None:
    # GIVEN a short page whose names are longer than a line of their column WHEN painted
    view.resize(*size)
    view.set_scene(scene)
    rendered(qtbot, view, tmp_path, "pendek")
    texts = view.rendered_texts()
    # THEN nothing is cut with "…", every word of every name is on screen, and the text stays
    # at least 1/30 of the height
    assert [t for t in texts if "…" in t] == []
    words = " ".join(texts).split()
    names = [*PAIR_ONE.split(), *PAIR_TWO.split()]
    if isinstance(scene, RecapScene):
        names = [*RECAP_ONE.split(), *RECAP_TWO.split(), "SAMARINDA", "SEBERANG", "dibacakan"]
    assert [w for w in names if w != "–" and w not in words] == []
    assert view.body_px >= size[1] / 30


def test_the_kolom_kosong_is_projected_by_name_never_as_number_one(
    qtbot: QtBot, view: SceneView, service: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the calon tunggal contest's recapitulation, every kecamatan read WHEN painted
    view.set_scene(RecapCue("walikota", 0, BOTH_READ).build(service, False))
    rendered(qtbot, view, tmp_path, "kolom-kosong")
    qtbot.waitUntil(lambda: view.chart.isVisible())
    # THEN the table's column and the chart's bar say "Kolom Kosong", and no "No. 1" anywhere
    texts = view.rendered_texts()
    assert "Kolom Kosong" in texts
    assert view.chart.tick_texts() == ["Kolom Kosong", "No. 2"]
    assert not [t for t in [*texts, *view.chart.tick_texts()] if "No. 1" in t]
