"""Indonesian labels of the form fields; Pemilu and Pilkada name voter categories differently."""

from __future__ import annotations

import pytest

from rekap_desktop.text.fields import field_label, field_row


@pytest.mark.parametrize(
    ("key", "row"),
    [
        ("pemilih_dpt_l", "I.A"),
        ("pengguna_dpt_p", "I.B.1"),
        ("pengguna_pindahan_j", "I.B.2"),
        ("pengguna_ktp_j", "I.B.3"),
        ("pengguna_total_j", "I.B.4"),
        ("surat_suara_diterima", "II.1"),
        ("surat_suara_digunakan", "II.2"),
        ("surat_suara_rusak", "II.3"),
        ("surat_suara_sisa", "II.4"),
        ("disabilitas_j", "III"),
        ("suara_01", "IV"),
        ("suara_partai_03", "IV"),
        ("suara_caleg_03_12", "IV"),
        ("suara_sah", "V.A"),
        ("suara_tidak_sah", "V.B"),
        ("suara_total", "V.C"),
        ("c_pemberitahuan_kembali", "–"),
        ("kolom_asing", "–"),
    ],
)
def test_field_row_names_the_form_row(key: str, row: str) -> None:
    # GIVEN a field key
    # WHEN its form row is asked
    # THEN it is the row of the C.Hasil / D.Hasil form (or a dash when the form has none)
    assert field_row(key) == row


def test_every_label_of_a_pilkada_form() -> None:
    # GIVEN the field keys of a Pilkada form with two choices
    keys = [
        "pemilih_dpt_l",
        "pemilih_dpt_p",
        "pemilih_dpt_j",
        "pengguna_dpt_j",
        "pengguna_pindahan_l",
        "pengguna_ktp_p",
        "pengguna_total_j",
        "surat_suara_diterima",
        "surat_suara_digunakan",
        "surat_suara_rusak",
        "surat_suara_sisa",
        "disabilitas_j",
        "suara_01",
        "suara_02",
        "suara_sah",
        "suara_tidak_sah",
        "suara_total",
        "c_pemberitahuan_kembali",
    ]

    # WHEN each is labelled for Pilkada
    labels = [field_label(k, "pilkada") for k in keys]

    # THEN each label is the Indonesian row text with its row number and gender column
    assert labels == [
        "I.A Pemilih dalam DPT – Laki-laki",
        "I.A Pemilih dalam DPT – Perempuan",
        "I.A Pemilih dalam DPT – Jumlah",
        "I.B.1 Pengguna hak pilih dalam DPT – Jumlah",
        "I.B.2 Pengguna hak pilih pindahan (DPPh) – Laki-laki",
        "I.B.3 Pengguna hak pilih dengan KTP-el (DPTb) – Perempuan",
        "I.B.4 Jumlah pengguna hak pilih – Jumlah",
        "II.1 Surat suara diterima (termasuk cadangan)",
        "II.2 Surat suara digunakan",
        "II.3 Surat suara dikembalikan (rusak/keliru coblos)",
        "II.4 Surat suara tidak digunakan (termasuk sisa cadangan)",
        "III Pemilih disabilitas yang menggunakan hak pilih – Jumlah",
        "IV Suara sah pilihan nomor urut 1",
        "IV Suara sah pilihan nomor urut 2",
        "V.A Jumlah suara sah",
        "V.B Jumlah suara tidak sah",
        "V.C Jumlah suara sah dan tidak sah",
        "C.Pemberitahuan tidak terdistribusi (dikembalikan)",
    ]


@pytest.mark.parametrize(
    ("key", "pemilu", "pilkada"),
    [
        (
            "pengguna_pindahan_j",
            "I.B.2 Pengguna hak pilih dalam DPTb (pindahan) – Jumlah",
            "I.B.2 Pengguna hak pilih pindahan (DPPh) – Jumlah",
        ),
        (
            "pengguna_ktp_l",
            "I.B.3 Pengguna hak pilih dalam DPK (KTP-el) – Laki-laki",
            "I.B.3 Pengguna hak pilih dengan KTP-el (DPTb) – Laki-laki",
        ),
    ],
)
def test_voter_categories_are_named_by_election_kind(key: str, pemilu: str, pilkada: str) -> None:
    # GIVEN a moved-in or KTP-el voter field (DPTb means a different group in each election)
    # WHEN it is labelled for Pemilu and for Pilkada
    # THEN Pemilu says DPTb (pindahan) / DPK and Pilkada says DPPh / DPTb
    assert field_label(key, "pemilu") == pemilu
    assert field_label(key, "pilkada") == pilkada


def test_other_labels_are_the_same_in_both_elections() -> None:
    # GIVEN fields whose meaning does not depend on the election
    keys = ["pemilih_dpt_j", "pengguna_dpt_l", "pengguna_total_p", "surat_suara_sisa", "suara_sah"]

    # WHEN they are labelled for Pemilu and for Pilkada
    # THEN the labels are identical
    assert [field_label(k, "pemilu") for k in keys] == [field_label(k, "pilkada") for k in keys]


def test_the_default_kind_is_pilkada() -> None:
    # GIVEN a field named differently per election
    # WHEN it is labelled without a kind
    # THEN the Pilkada label is used
    assert field_label("pengguna_ktp_j") == field_label("pengguna_ktp_j", "pilkada")


def test_legislative_vote_labels() -> None:
    # GIVEN party and candidate vote keys
    # WHEN they are labelled
    # THEN they name the party and candidate numbers without leading zeros
    assert field_label("suara_partai_05") == "IV Suara partai nomor urut 5"
    assert field_label("suara_caleg_05_11") == "IV Suara calon nomor urut 11 partai nomor urut 5"


@pytest.mark.parametrize(
    "key",
    ["kolom_asing", "suara_1", "suara_001", "suara_٠١", "pemilih_dpt_x", "foo_j", "suara_01\n"],
)
def test_unknown_keys_are_shown_as_they_are(key: str) -> None:
    # GIVEN a key that is not a field of the form (wrong width, non-ASCII digits, unknown group)
    # WHEN it is labelled
    # THEN the key itself is shown and no row is claimed
    assert field_label(key) == key
    assert field_row(key) == "–"
