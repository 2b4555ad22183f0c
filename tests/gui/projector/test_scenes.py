"""Scenes built from committed state: whole expected scenes for the small KOTA UJI meeting."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from rekap_desktop.domain.corrections import Reason
from rekap_desktop.domain.incidents import Incident, IncidentKind, IncidentStatus
from rekap_desktop.domain.roles import Action
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
from rekap_desktop.gui.projector.paint_tables import difference_hint
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
from rekap_desktop.services.corrections_service import CorrectionsService, SettleRequest
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.sirekap_import import SirekapImportService
from rekap_desktop.text.numbers import format_date
from tests.confirming import confirmed
from tests.fixtures import HEADER, write_tallies
from tests.interchange.exchange_fixtures import PASLON, region_file, write_json

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
    assert official.label == "DITETAPKAN pukul 14.30, 5 Desember 2024"
    assert official.note == "ditetapkan dalam rapat pleno terbuka"
    # AND demo data keeps its SIMULASI colours but says it was determined too
    demo = banner_for(is_demo=True, determined=at)
    assert demo.kind is Banner.SIMULASI
    assert demo.label == "SIMULASI · DITETAPKAN pukul 14.30, 5 Desember 2024"
    assert demo.note == "data contoh, bukan hasil pemilihan"
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
            TallyLine("IV. Kolom Kosong", ("100", "100"), (False, False)),
            TallyLine("IV. No. 2: CALON A - WAKIL A", ("580", "≠ 530"), (False, True), "≠ berbeda"),
            TallyLine("V.A Jumlah suara sah", ("680", "≠ 630"), (False, True), "≠ berbeda"),
            TallyLine("V.B Jumlah suara tidak sah", ("20", "20"), (False, False)),
            TallyLine(
                "V.C Jumlah suara sah dan tidak sah", ("700", "≠ 650"), (False, True), "≠ berbeda"
            ),
        ),
        1,
        3,
        (1,),
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
    # THEN UTARA is marked, the running JUMLAH and the chart count only what was read (and say
    # so), and the kolom kosong is named without a ballot number
    assert scene == RecapScene(
        DRAFT,
        "Pemilihan Wali Kota Uji",
        "Sumber: formulir D.Hasil PPK",
        ("Kolom Kosong", "2. CALON A - WAKIL A"),
        (
            RecapLine("990101", "UTARA", ("100", "580"), "680", True),
            RecapLine("990102", "SELATAN", ("300", "690"), "990", False),
        ),
        RecapLine("", "JUMLAH ✓ 1 kec.", ("100", "580"), "680", False),
        (("Kolom Kosong", 100), ("2", 580)),
        1,
        2,
        1,
        1,
    )
    # WHEN every kecamatan is read THEN JUMLAH is the whole sum; before any, it shows none
    every = RecapCue("walikota", 0, frozenset({"990101", "990102"})).build(service, False)
    assert isinstance(every, RecapScene)
    assert every.total == RecapLine("", "JUMLAH", ("400", "1.270"), "1.670", False)
    assert every.bars == (("Kolom Kosong", 400), ("2", 1270))
    none = RecapCue("walikota").build(service, False)
    assert isinstance(none, RecapScene)
    assert none.total == RecapLine("", "JUMLAH (belum dibacakan)", ("–", "–"), "–", False)


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


def settle(service: PlenoService, field: str, value: int, reason: Reason) -> None:
    request = SettleRequest(
        field,
        value,
        reason,
        "D.Hasil Kecamatan PPK",
        "Saksi 2",
        "Ketua Uji",
        confirmation=confirmed(service, Action.APPROVE_CORRECTION, "Ketua Uji"),
    )
    CorrectionsService(service).settle("walikota", "990101", request)


def test_a_settled_difference_is_shown_settled_and_pleno_holds_every_determined_value(
    met: PlenoService,
) -> None:
    # GIVEN UTARA, where the meeting agreed the PPK's 580 for nomor urut 2 (Sirekap read 530)
    # and corrected suara sah to 630; suara sah dan tidak sah is still open
    settle(met, "suara_02", 580, Reason.SALAH_BACA_SIREKAP)
    settle(met, "suara_sah", 630, Reason.SALAH_TULIS)
    # WHEN the tally is built
    scene = TallyCue("walikota", "990101").build(met, False)
    assert isinstance(scene, TallyScene)
    # THEN a Pleno column holds the determined value of every row (the PPK's where nothing was
    # corrected, totals included), settled rows say how, and only the open row counts as differing
    assert [c.title for c in scene.columns] == ["PPK", "Sirekap", "Pleno"]
    assert [(line.cells, line.status) for line in scene.lines] == [
        (("100", "100", "100"), ""),
        (("580", "530", "580"), "✓ disepakati"),
        (("680", "630", "630"), "✓ dibetulkan"),
        (("20", "20", "20"), ""),
        (("700", "≠ 650", "700"), "≠ berbeda"),
    ]
    assert (scene.difference_count, scene.settled_count) == (1, 2)
    assert scene.difference_pages == (1,)


def test_a_partial_sirekap_upload_is_not_shown_as_a_difference(
    service: PlenoService, tmp_path: Path
) -> None:
    # GIVEN a Sirekap snapshot holding 3 of UTARA's 4 TPS (all of SELATAN's)
    master = write_json(tmp_path, "pkwkk.json", PASLON)
    region = write_json(tmp_path, "pkwkk_9901.json", region_file())
    SirekapImportService(service).import_paths([master, region])
    # WHEN UTARA's tally is built
    scene = TallyCue("walikota", "990101").build(service, False)
    assert isinstance(scene, TallyScene)
    # THEN Sirekap's lower numbers and its missing totals are "belum lengkap", never "≠ berbeda"
    assert scene.columns[1] == SourceColumn(
        "sirekap", "Sirekap", f"{SIREKAP_NOTE} – belum lengkap: 3/4 TPS"
    )
    assert [(line.cells, line.status) for line in scene.lines[:3]] == [
        (("100", "200"), "belum lengkap"),
        (("580", "1.000"), "belum lengkap"),
        (("680", "–"), "belum lengkap"),
    ]
    assert scene.difference_count == 0 and scene.difference_pages == ()
    assert "Sirekap belum lengkap (3 dari 4 TPS)" in scene.legend
    # AND a complete upload (SELATAN: 3 of 3 TPS) that differs is a real difference
    selatan = TallyCue("walikota", "990102").build(service, False)
    assert isinstance(selatan, TallyScene)
    assert selatan.lines[0] == TallyLine(
        "IV. Kolom Kosong", ("300", "≠ 100"), (False, True), "≠ berbeda"
    )


def test_the_pages_holding_a_difference_are_named_on_every_page(
    service: PlenoService, tmp_path: Path
) -> None:
    # GIVEN SELATAN, whose Sirekap agrees on the votes but not on the voters (section I, page 2)
    service.import_tally_file(
        write_tallies(
            tmp_path,
            HEADER + "\nwalikota,990102,SELATAN,sirekap,1001,300,690,990,10,1000\n",
            "s.csv",
        )
    )
    # WHEN its first page is built THEN it has no difference itself but names page 2
    first = TallyCue("walikota", "990102").build(service, False)
    assert isinstance(first, TallyScene)
    assert (first.difference_count, first.difference_pages) == (0, (2,))
    assert difference_hint(first.page, first.difference_pages) == "≠ selisih di hal. 2"
    # AND on page 2 itself there is no other page to name
    second = TallyCue("walikota", "990102", 1).build(service, False)
    assert isinstance(second, TallyScene) and second.difference_count == 1
    assert difference_hint(second.page, second.difference_pages) == ""
