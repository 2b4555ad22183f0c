"""The Pilkada stages after the recapitulation (PKPU 18/2024: penetapan hasil, then penetapan
pasangan calon terpilih), as printed: the Keputusan KPU on the result of the contest this level
decides, with its Lampiran; the berita acara of penetapan pasangan calon terpilih; and the surat
pengantar that sends the result of a contest decided higher up (the Gubernur's) to the next level.

Each names the recapitulation form it rests on by its sidik data, so the paper can be checked
against the data it came from."""

from __future__ import annotations

from datetime import date

from rekap_desktop.documents.form_header import FormHeader
from rekap_desktop.documents.keputusan import Annex, AnnexTable, DecreeData
from rekap_desktop.documents.parts import Signatory
from rekap_desktop.documents.penetapan_terpilih import BLANK, ElectedPairData
from rekap_desktop.documents.surat_pengantar import CoverLetterData, Enclosure
from rekap_desktop.documents.terbilang import terbilang
from rekap_desktop.domain.bodies import LEVEL_NAMES
from rekap_desktop.domain.election import Choice, Contest, ElectionKind, Level, Pleno
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.recap import Recap
from rekap_desktop.domain.tally import INVALID, TOTAL, VALID, vote_key
from rekap_desktop.services.printing.recap_forms import members, region_fields
from rekap_desktop.text.numbers import format_date, format_number, format_percent

PILKADA_LAW = (
    "Undang-Undang Nomor 1 Tahun 2015 tentang Penetapan Peraturan Pemerintah Pengganti "
    "Undang-Undang Nomor 1 Tahun 2014 tentang Pemilihan Gubernur, Bupati, dan Walikota menjadi "
    "Undang-Undang, sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 "
    "Tahun 2020"
)
RECAP_RULE = (
    "Peraturan Komisi Pemilihan Umum Nomor 18 Tahun 2024 tentang Rekapitulasi Hasil Penghitungan "
    "Perolehan Suara dan Penetapan Hasil Pemilihan Gubernur dan Wakil Gubernur, Bupati dan Wakil "
    "Bupati, serta Wali Kota dan Wakil Wali Kota"
)
MOST_VOTES = (
    "Undang-Undang Nomor 10 Tahun 2016 Pasal 107 ayat (1): pasangan calon yang memperoleh suara "
    "terbanyak ditetapkan sebagai pasangan calon terpilih"
)
SINGLE_PAIR = (
    "Undang-Undang Nomor 10 Tahun 2016 Pasal 54D ayat (1): pasangan calon tunggal ditetapkan "
    "sebagai pasangan calon terpilih jika memperoleh suara lebih dari 50% (lima puluh persen) "
    "dari suara sah"
)
NEXT_OFFICE = {
    Level.KECAMATAN: "KPU Kabupaten/Kota",
    Level.KABKO: "KPU Provinsi",
    Level.PROVINSI: "Komisi Pemilihan Umum",
}
GUBERNUR_TITLE = "pemilihan gubernur dan wakil gubernur "
PEMILU_RECAP_RULE = (
    "Peraturan Komisi Pemilihan Umum Nomor 5 Tahun 2024 tentang Rekapitulasi Hasil Penghitungan "
    "Perolehan Suara dan Penetapan Hasil Pemilihan Umum"
)


def issuer(pleno: Pleno) -> str:
    """ "KOMISI PEMILIHAN UMUM KOTA SAMARINDA"."""
    return f"KOMISI PEMILIHAN UMUM {pleno.region.name.upper()}"


def issuer_header(pleno: Pleno, form_name: str, watermark: str | None) -> FormHeader:
    """The head of a letter or decree the KPU issues: its name and region only."""
    return FormHeader(form_name=form_name, region=pleno.region.name, watermark=watermark)


def chair(pleno: Pleno) -> Signatory:
    """The Ketua, who signs decrees and letters on behalf of the KPU."""
    ketua = next((m.name for m in pleno.members if m.position.casefold() == "ketua"), "")
    return Signatory(ketua, f"KETUA {issuer(pleno)}")


def town(pleno: Pleno) -> str:
    """Where a decree or letter of the KPU is dated: "KOTA SAMARINDA" → "Samarinda"."""
    name = pleno.region.name.title()
    for prefix in ("Kota ", "Kabupaten "):
        name = name.removeprefix(prefix)
    return name


def choice_label(choice: Choice) -> str:
    """A pair with its ballot number; the kolom kosong has none to print."""
    return "Kolom Kosong" if choice.blank_column else f"Nomor urut {choice.number}: {choice.name}"


def with_year(pleno: Pleno, title: str) -> str:
    year = str(pleno.held_on.year) if pleno.held_on else ""
    return title if not year or year in title else f"{title} Tahun {year}"


def _on(day: date | None) -> str:
    return format_date(day) if day else "...................."


def _share(votes: int | None, valid: int | None) -> str:
    return format_percent(100 * votes / valid, 2) if votes and valid else "–"


def result_decree(
    pleno: Pleno,
    recap: Recap,
    d_hasil: tuple[str, str],
    determined_on: date | None,
    watermark: str | None,
) -> DecreeData:
    """Keputusan KPU tentang Penetapan Hasil Pemilihan; ``d_hasil`` is the determined form's
    (name, sidik data), ``determined_on`` the day of its penetapan (the decree's own day)."""
    contest = recap.contest
    title = with_year(pleno, contest.title)
    subject = f"PENETAPAN HASIL {title.upper()}"
    kpu = f"Komisi Pemilihan Umum {pleno.region.name.title()}"
    form, sidik = d_hasil
    considering = (
        f"bahwa berdasarkan {RECAP_RULE}, {kpu} menetapkan hasil {title} setelah rekapitulasi "
        "hasil penghitungan perolehan suara di tingkatnya;",
        f"bahwa rekapitulasi hasil penghitungan perolehan suara {title} telah ditetapkan dalam "
        f"rapat pleno terbuka {kpu} pada hari {_on(determined_on)};",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu "
        f"menetapkan Keputusan {kpu} tentang Penetapan Hasil {title};",
    )
    return DecreeData(
        header=issuer_header(pleno, "KEPUTUSAN PENETAPAN HASIL PEMILIHAN", watermark),
        issuer=issuer(pleno),
        number=None,
        subject=subject,
        considering=considering,
        legal_basis=(PILKADA_LAW + ";", RECAP_RULE + "."),
        noting=(
            f"{form} {title} hasil rapat pleno terbuka pada hari {_on(determined_on)} "
            f"(sidik data {sidik}).",
        ),
        articles=_result_articles(contest, recap, title),
        place=town(pleno),
        on=determined_on,
        signer=chair(pleno),
        annexes=(Annex(f"HASIL {title.upper()}", _result_tables(pleno, recap)),),
    )


def _result_articles(contest: Contest, recap: Recap, title: str) -> tuple[str, ...]:
    valid, invalid = recap.total.value(VALID), recap.total.value(INVALID)
    first = (
        f"Menetapkan hasil {title} sebagaimana tercantum dalam Lampiran yang merupakan bagian "
        f"tidak terpisahkan dari Keputusan ini, dengan jumlah suara sah {format_number(valid)} "
        f"dan suara tidak sah {format_number(invalid)}."
    )
    outcome = recap.outcome
    chosen = contest.choice(outcome.number) if outcome.number is not None else None
    if outcome.elected and chosen is not None:
        votes = recap.total.value(vote_key(chosen.number))
        rule = SINGLE_PAIR if contest.is_single_candidate else MOST_VOTES
        second = (
            f"Pasangan calon {choice_label(chosen)} memperoleh {format_number(votes)} suara "
            f"({_share(votes, valid)} dari suara sah) dan memenuhi ketentuan {rule}."
        )
        third = (
            "Pasangan calon terpilih ditetapkan dalam rapat pleno terbuka penetapan pasangan "
            "calon terpilih setelah Mahkamah Konstitusi memberitahukan ada atau tidaknya "
            "permohonan perselisihan hasil Pemilihan."
        )
        return (first, second, third, "Keputusan ini mulai berlaku pada tanggal ditetapkan.")
    second = f"{outcome.reason} Tidak ada pasangan calon yang memenuhi syarat sebagai terpilih."
    return (first, second, "Keputusan ini mulai berlaku pada tanggal ditetapkan.")


def _result_tables(pleno: Pleno, recap: Recap) -> tuple[AnnexTable, ...]:
    contest, total = recap.contest, recap.total
    valid = total.value(VALID)
    totals = tuple(
        (
            "" if c.blank_column else str(c.number),
            "Kolom Kosong" if c.blank_column else c.name,
            format_number(total.value(vote_key(c.number))),
            _share(total.value(vote_key(c.number)), valid),
        )
        for c in contest.choices
    )
    totals += (
        ("", "Jumlah suara sah", format_number(valid), ""),
        ("", "Jumlah suara tidak sah", format_number(total.value(INVALID)), ""),
        ("", "Jumlah suara sah dan tidak sah", format_number(total.value(TOTAL)), ""),
    )
    first = AnnexTable(
        "A. PEROLEHAN SUARA SETIAP PASANGAN CALON",
        ("NO URUT", "PASANGAN CALON", "PEROLEHAN SUARA", "PERSENTASE"),
        totals,
        (0.1, 0.56, 0.18, 0.16),
        right=(2, 3),
        bold_last=True,
    )
    _, column = LEVEL_NAMES[pleno.level]
    heads = tuple(
        "KOLOM KOSONG" if c.blank_column else f"NO URUT {c.number}" for c in contest.choices
    )
    rows = tuple(
        (unit.name,)
        + tuple(format_number(t.value(vote_key(c.number))) for c in contest.choices)
        + (format_number(t.value(VALID)), format_number(t.value(INVALID)))
        for unit, t in recap.units
    )
    rows += (
        ("JUMLAH",)
        + tuple(format_number(total.value(vote_key(c.number))) for c in contest.choices)
        + (format_number(valid), format_number(total.value(INVALID))),
    )
    count = len(contest.choices) + 2
    figures = tuple(range(1, count + 1))
    second = AnnexTable(
        f"B. PEROLEHAN SUARA PER {column}",
        (column, *heads, "SUARA SAH", "SUARA TIDAK SAH"),
        rows,
        (0.28,) + (0.72 / count,) * count,
        right=figures,
        bold_last=True,
    )
    return first, second


def elected_pair(
    pleno: Pleno, recap: Recap, decree_sidik: str, watermark: str | None
) -> ElectedPairData:
    """Berita acara penetapan pasangan calon terpilih; refused when the result elects nobody
    (the kolom kosong leads, or the calon tunggal stays at or under half of suara sah)."""
    contest = recap.contest
    outcome = recap.outcome
    chosen = contest.choice(outcome.number) if outcome.number is not None else None
    if not outcome.elected or chosen is None:
        raise InputRejected(
            [Problem(f"{contest.title}: tidak ada pasangan calon terpilih — {outcome.reason}")]
        )
    title = with_year(pleno, contest.title)
    kpu = f"KPU {pleno.region.name.title()}"
    valid = recap.total.value(VALID)
    votes = recap.total.value(vote_key(chosen.number))
    rule = SINGLE_PAIR if contest.is_single_candidate else MOST_VOTES
    return ElectedPairData(
        header=FormHeader(
            form_name="BERITA ACARA PENETAPAN PASANGAN CALON TERPILIH",
            region=pleno.region.name,
            region_fields=region_fields(pleno),
            watermark=watermark,
        ),
        title_lines=(title.upper(),),
        opening=(
            f"Pada hari ini {BLANK} tanggal {BLANK}, bertempat di {BLANK}, {kpu} melaksanakan "
            f"rapat pleno terbuka penetapan pasangan calon terpilih {title}, dengan dasar:"
        ),
        grounds=(
            f"Keputusan {kpu} Nomor {BLANK} tentang Penetapan Hasil {title} "
            f"(sidik data {decree_sidik}).",
            "Pemberitahuan Mahkamah Konstitusi mengenai ada atau tidaknya permohonan "
            f"perselisihan hasil Pemilihan, Nomor {BLANK} tanggal {BLANK}.",
            f"{rule}.",
        ),
        pair=choice_label(chosen),
        votes=format_number(votes),
        share=_share(votes, valid),
        votes_in_words=terbilang(votes or 0).upper(),
        decision=(
            f"Rapat menetapkan pasangan calon {choice_label(chosen)} sebagai pasangan calon "
            f"terpilih {title}."
        ),
        members=members(pleno),
        witnesses=tuple(
            Signatory(w.name, choice_label(c))
            for c in contest.choices
            if not c.blank_column
            for w in pleno.witnesses
            if w.contest == contest.code and w.choice == c.number
        ),
    )


def cover_letter(
    pleno: Pleno,
    contest: Contest,
    enclosures: tuple[Enclosure, ...],
    determined_on: date | None,
    watermark: str | None,
) -> CoverLetterData:
    """Surat pengantar of a contest decided higher up, with the enclosed forms' sidik data."""
    title = with_year(pleno, contest.title)
    office = NEXT_OFFICE.get(pleno.level, "Komisi Pemilihan Umum")
    province = _province(contest)
    kpu = f"KPU {pleno.region.name.title()}"
    rule = RECAP_RULE if pleno.kind is ElectionKind.PILKADA else PEMILU_RECAP_RULE
    return CoverLetterData(
        header=issuer_header(pleno, "SURAT PENGANTAR HASIL REKAPITULASI", watermark),
        issuer=issuer(pleno),
        number=None,
        place=town(pleno),
        on=pleno.held_on,
        subject=(
            f"Penyampaian Hasil Rekapitulasi Penghitungan Perolehan Suara {title} Tingkat "
            f"{pleno.region.name.title()}"
        ),
        addressee=(f"Yth. Ketua {office}{' ' + province if province else ''}", "di", "Tempat"),
        opening=(
            f"Dalam rangka pelaksanaan tahapan rekapitulasi hasil penghitungan perolehan suara "
            f"{title} sesuai dengan {rule}, bersama ini kami sampaikan hasil rekapitulasi "
            f"tingkat {pleno.region.name.title()} yang telah ditetapkan dalam rapat pleno "
            f"terbuka {kpu} pada hari {_on(determined_on)}, berupa:"
        ),
        enclosures=enclosures,
        closing="Demikian kami sampaikan. Atas perhatian Saudara, kami ucapkan terima kasih.",
        signer=chair(pleno),
    )


def _province(contest: Contest) -> str:
    """The province a Gubernur contest names ("… Wakil Gubernur Kalimantan Timur"), else ""."""
    title = contest.title.strip()
    if title.casefold().startswith(GUBERNUR_TITLE):
        return title[len(GUBERNUR_TITLE) :].strip()
    return ""
