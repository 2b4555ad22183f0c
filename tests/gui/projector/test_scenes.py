"""Scenes built from committed state: whole expected scenes for the small KOTA UJI meeting."""

from __future__ import annotations

from datetime import date, datetime

from rekap_desktop.domain.incidents import Incident, IncidentKind, IncidentStatus
from rekap_desktop.gui.projector.cues import (
    AgendaCue,
    BlankCue,
    IncidentCue,
    LogoCue,
    PauseCue,
    RecapCue,
    TallyCue,
    TitleCue,
)
from rekap_desktop.gui.projector.scenes import (
    SIREKAP_NOTE,
    AgendaTextScene,
    Banner,
    BannerState,
    BlankScene,
    IncidentScene,
    LogoScene,
    PauseScene,
    RecapLine,
    RecapScene,
    SourceColumn,
    TallyLine,
    TallyScene,
    TitleScene,
    banner_for,
)
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.text.numbers import format_date

DRAFT = BannerState(Banner.BELUM_DITETAPKAN)


def test_banner_says_simulasi_for_demo_data_else_whether_determined() -> None:
    # GIVEN each combination WHEN the banner is chosen THEN demo data is always SIMULASI
    assert banner_for(is_demo=True, determined=False) == BannerState(Banner.SIMULASI)
    assert banner_for(is_demo=False, determined=False) == DRAFT
    assert banner_for(is_demo=False, determined=True).kind is Banner.DITETAPKAN
    assert banner_for(is_demo=False, determined=False).label == "BELUM DITETAPKAN"


def test_after_penetapan_the_banner_says_ditetapkan_and_when_also_on_demo_data() -> None:
    # GIVEN a result determined at 14.30 on 5 December 2024
    at = datetime(2024, 12, 5, 14, 30).astimezone()
    # WHEN the banner is chosen THEN it says DITETAPKAN with the time, never BELUM DITETAPKAN
    official = banner_for(is_demo=False, determined=at)
    assert official.kind is Banner.DITETAPKAN
    assert official.label == "DITETAPKAN pukul 14.30, Kamis, 5 Desember 2024"
    assert official.note == "ditetapkan dalam rapat pleno terbuka"
    # AND demo data keeps its SIMULASI colours but says it was determined too
    demo = banner_for(is_demo=True, determined=at)
    assert demo.kind is Banner.SIMULASI
    assert demo.label == "SIMULASI · DITETAPKAN pukul 14.30, Kamis, 5 Desember 2024"
    assert banner_for(is_demo=True, determined=True).label == "SIMULASI · DITETAPKAN"


def test_title_scene(service: PlenoService) -> None:
    # GIVEN the meeting WHEN its title is built THEN name, region, place and date are there
    assert TitleCue().build(service, False) == TitleScene(
        DRAFT, "Pemilihan Uji 2024", "KOTA UJI", "Aula Uji", format_date(date(2024, 12, 5))
    )
    assert format_date(date(2024, 12, 5)) == "Kamis, 5 Desember 2024"


def test_tally_scene_puts_sources_side_by_side_and_marks_differences(
    service: PlenoService,
) -> None:
    # GIVEN UTARA with a PPK form and a Sirekap row reading 530 instead of 580
    # WHEN the tally of UTARA is built (first page: the votes)
    scene = TallyCue("walikota", "990101").build(service, False)
    # THEN every vote row of the form is there, Sirekap labelled, differences marked with ≠
    assert scene == TallyScene(
        DRAFT,
        "Pemilihan Wali Kota Uji",
        "Kecamatan UTARA (990101)",
        "IV–V. Perolehan suara",
        (
            SourceColumn("ppk", "PPK", "D.Hasil (rujukan)"),
            SourceColumn("sirekap", "Sirekap", SIREKAP_NOTE),
        ),
        (
            TallyLine("IV. No. 1: KOLOM KOSONG", ("100", "100"), (False, False)),
            TallyLine("IV. No. 2: CALON A - WAKIL A", ("580", "≠ 530"), (False, True)),
            TallyLine("V.A Jumlah suara sah", ("680", "≠ 630"), (False, True)),
            TallyLine("V.B Jumlah suara tidak sah", ("20", "20"), (False, False)),
            TallyLine("V.C Jumlah suara sah dan tidak sah", ("700", "≠ 650"), (False, True)),
        ),
        1,
        3,
    )
    assert SIREKAP_NOTE == "alat bantu, bukan hasil resmi"


def test_tally_pages_cover_every_field_row_of_the_form(service: PlenoService) -> None:
    # GIVEN the three pages of a tally WHEN built THEN sections I, II–III follow, rows not
    # recorded by a source show a dash (never a zero)
    voters = TallyCue("walikota", "990101", 1).build(service, False)
    ballots = TallyCue("walikota", "990101", 2).build(service, False)
    assert isinstance(voters, TallyScene) and isinstance(ballots, TallyScene)
    assert voters.section == "I. Data pemilih dan pengguna hak pilih"
    assert len(voters.lines) == 15
    assert voters.lines[-1] == TallyLine(
        "I.B.4 Jumlah pengguna hak pilih – Jumlah", ("700", "700"), (False, False)
    )
    assert ballots.section == "II–III. Surat suara dan pemilih disabilitas"
    assert [line.cells for line in ballots.lines] == [("–", "–")] * 8


def test_recap_scene_lists_kecamatan_totals_and_read_marks(service: PlenoService) -> None:
    # GIVEN UTARA already read out WHEN the recapitulation is built
    scene = RecapCue("walikota", 0, frozenset({"990101"})).build(service, False)
    # THEN the PPK's forms are summed, UTARA is marked, the chart gets plain (label, value) tuples
    assert scene == RecapScene(
        DRAFT,
        "Pemilihan Wali Kota Uji",
        "Sumber: formulir D.Hasil PPK",
        ("1. KOLOM KOSONG", "2. CALON A - WAKIL A"),
        (
            RecapLine("990101", "UTARA", ("100", "580"), "680", True),
            RecapLine("990102", "SELATAN", ("300", "690"), "990", False),
        ),
        RecapLine("", "JUMLAH", ("400", "1.270"), "1.670", False),
        (("1", 400), ("2", 1270)),
        1,
        2,
        1,
        1,
    )


def test_incident_pause_agenda_blank_and_logo_scenes(service: PlenoService) -> None:
    # GIVEN a carried objection about UTARA
    service.add_carried_incidents(
        (
            Incident(
                IncidentKind.KEBERATAN_SAKSI,
                "Saksi nomor urut 2",
                "Keberatan atas suara nomor urut 2 di TPS 001.",
                IncidentStatus.TERBUKA,
                unit="990101",
                contest="walikota",
            ),
        )
    )
    since = datetime(2024, 12, 5, 12, 5)
    # WHEN each scene is built THEN it carries exactly the committed facts
    assert IncidentCue(1).build(service, True) == IncidentScene(
        BannerState(Banner.DITETAPKAN, None, True),
        1,
        "Keberatan Saksi",
        "Terbuka — belum diselesaikan",
        "Kecamatan UTARA, Pemilihan Wali Kota Uji",
        "Saksi nomor urut 2",
        "Keberatan atas suara nomor urut 2 di TPS 001.",
    )
    assert PauseCue(since, "Istirahat").build(service, False) == PauseScene(
        DRAFT, since, "Istirahat"
    )
    assert AgendaCue(3, "Tata tertib", "Peserta rapat …").build(service, False) == (
        AgendaTextScene(DRAFT, 3, "Tata tertib", "Peserta rapat …")
    )
    assert BlankCue().build(service, False) == BlankScene()
    assert LogoCue().build(service, False) == LogoScene(DRAFT, "KOTA UJI")
    # AND an unknown subject falls back to the logo rather than failing
    assert TallyCue("walikota", "999999").build(service, False) == LogoScene(DRAFT, "KOTA UJI")
    assert IncidentCue(99).build(service, False) == LogoScene(DRAFT, "KOTA UJI")
