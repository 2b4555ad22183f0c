"""The audit log in readable Indonesian: every kind of entry has its label, entries read as
sentences with the kecamatan and pemilihan they touched, and the viewer's filter."""

from __future__ import annotations

from datetime import datetime

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.audit_labels import AUDIT_LABELS, event_label
from rekap_desktop.domain.audit_log import AuditFilter, filtered
from rekap_desktop.domain.audit_summary import SUMMARIES, AuditNames, read_entry
from rekap_desktop.domain.election import Contest, ElectionKind, Level, Pleno, Region, Unit
from rekap_desktop.domain.ids import ContestCode, RegionCode

PLENO = Pleno(
    "Pemilihan Uji 2024",
    ElectionKind.PILKADA,
    Level.KABKO,
    Region(RegionCode("9901"), "KOTA UJI"),
    (Unit(RegionCode("990101"), "UTARA"), Unit(RegionCode("990102"), "SELATAN")),
    (Contest(ContestCode("walikota"), "Pemilihan Wali Kota Uji", ()),),
)
NAMES = AuditNames(PLENO, {"d-hasil": "Model D.Hasil (per pemilihan)"})


def test_every_audit_event_has_an_indonesian_label() -> None:
    # GIVEN the catalogue of audit events THEN each has a label, none twice
    assert set(AUDIT_LABELS) == set(AuditEvent)
    assert len(set(AUDIT_LABELS.values())) == len(AUDIT_LABELS)
    # AND a code of a newer program is shown as stored, never dropped
    assert event_label("peristiwa_baru") == "Peristiwa lain (peristiwa_baru)"


def test_every_summary_writer_belongs_to_a_known_event() -> None:
    assert set(SUMMARIES) <= set(AuditEvent)


def test_a_correction_reads_as_a_sentence_with_its_places() -> None:
    # GIVEN a correction entry as the corrections service writes it
    payload = (
        '{"pemilihan":"walikota","kode_wilayah":"990102","rincian":"suara_02","sebelum":1200,'
        '"sesudah":1250,"alasan":"salah_tulis","keterangan":"","dasar":"C.Hasil TPS 003",'
        '"disetujui_oleh":"Ketua Uji","dikonfirmasi_oleh":"Ketua Uji","baris":{}}'
    )
    # WHEN it is read
    entry = read_entry(
        7, "2024-12-05T21:30:15+08:00", "operator", "correction_made", payload, "ab" * 32, NAMES
    )
    # THEN it names the kecamatan and contest, the change and who confirmed it, in words
    assert entry.label == "Pembetulan data"
    assert (entry.units, entry.contests) == (("990102",), ("walikota",))
    assert entry.summary.startswith("Pembetulan SELATAN, Wali Kota dan Wakil Wali Kota, ")
    assert "1.200 → 1.250; alasan: Salah tulis; dasar: C.Hasil TPS 003" in entry.summary
    assert entry.summary.endswith("Dikonfirmasi Ketua Uji dengan PIN.")
    assert entry.people == ("operator", "Ketua Uji")
    assert entry.moment == datetime(2024, 12, 5, 21, 30, 15)


def test_an_entry_of_an_unknown_shape_still_reads() -> None:
    # GIVEN an entry of a kind this program has no sentence for, or a payload of another shape
    odd = read_entry(
        1,
        "x",
        "cli",
        "peristiwa_baru",
        '{"dasar_hukum":"Putusan MK 1/2025","jumlah":1234}',
        "00" * 32,
        NAMES,
    )
    broken = read_entry(2, "x", "cli", "correction_made", '{"pemilihan":"walikota"}', "", NAMES)
    # THEN its plain values are named by their keys
    assert odd.summary == "dasar hukum: Putusan MK 1/2025; jumlah: 1.234."
    assert broken.summary == "pemilihan: walikota."


def test_a_tps_code_counts_for_its_kecamatan_and_a_move_for_its_stop() -> None:
    tps = read_entry(
        3,
        "x",
        "op",
        "plausibility_overridden",
        '{"kode_wilayah":"9901011001","pemilihan":"walikota","kode_temuan":"P01",'
        '"tempat":"9901011001","alasan":"wajar"}',
        "",
        NAMES,
    )
    move = read_entry(
        4,
        "x",
        "op",
        "procedure_moved",
        '{"langkah":"lanjut","posisi":["8","990101","walikota"],"alasan":""}',
        "",
        NAMES,
    )
    assert tps.units == ("990101",)
    assert move.units == ("990101",) and move.contests == ("walikota",)
    assert "UTARA" in move.summary and "Wali Kota dan Wakil Wali Kota" in move.summary


def test_the_filter_keeps_what_every_criterion_allows() -> None:
    # GIVEN three entries at three moments, by two people, on two kecamatan
    entries = [
        read_entry(
            1,
            "2024-12-05T09:00:00+08:00",
            "operator",
            "pair_read",
            '{"pemilihan":"walikota","kode_wilayah":"990101","status":"selesai dibaca"}',
            "",
            NAMES,
        ),
        read_entry(
            2,
            "2024-12-05T10:00:00+08:00",
            "operator",
            "pair_read",
            '{"pemilihan":"walikota","kode_wilayah":"990102","status":"selesai dibaca"}',
            "",
            NAMES,
        ),
        read_entry(
            3,
            "2024-12-05T11:00:00+08:00",
            "Ketua Uji",
            "user_added",
            '{"nama":"Anggota Uji","peran":"anggota"}',
            "",
            NAMES,
        ),
    ]
    # THEN each criterion narrows them
    assert filtered(entries, AuditFilter()) == [0, 1, 2]
    assert filtered(entries, AuditFilter(unit="990102")) == [1]
    assert filtered(entries, AuditFilter(contest="walikota")) == [0, 1]
    assert filtered(entries, AuditFilter(person="Ketua Uji")) == [2]
    assert filtered(entries, AuditFilter(event="pair_read")) == [0, 1]
    assert filtered(entries, AuditFilter(since=datetime(2024, 12, 5, 9, 30))) == [1, 2]
    assert filtered(entries, AuditFilter(until=datetime(2024, 12, 5, 10, 0))) == [0, 1]
    assert filtered(entries, AuditFilter(text="selatan DIBACA")) == [1]
    assert filtered(entries, AuditFilter(text="anggota")) == [2]
