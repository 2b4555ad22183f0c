"""Row labels that name the choice, party or candidate of a contest (the form's own wording)."""

from __future__ import annotations

from rekap_desktop.domain.election import Contest, ElectionKind
from rekap_desktop.domain.tally import choice_number, party_number
from rekap_desktop.text.fields import field_label, field_row


def row_label(contest: Contest, key: str, kind: ElectionKind, district: str | None = None) -> str:
    """The field's label with the name of what it counts, e.g. "IV Suara calon nomor urut 3
    partai nomor urut 1 (SITI AMINAH, P)"; ``district`` picks the dapil's candidate list. The
    kolom kosong is named without a number: "IV Suara sah Kolom Kosong"."""
    number = choice_number(key)
    choice = contest.choice(number) if number is not None else None
    if choice is not None and choice.blank_column:
        return f"{field_row(key, kind.value)} Suara sah {choice.ballot_name}"
    label = field_label(key, kind.value)
    name = _name(contest, key, district)
    return f"{label} ({name})" if name else label


def _name(contest: Contest, key: str, district: str | None) -> str:
    number = choice_number(key)
    if number is not None:
        choice = contest.choice(number)
        return choice.name if choice else ""
    party_no = party_number(key)
    party = contest.party(party_no) if party_no is not None else None
    if party is None:
        return ""
    if not key.startswith("suara_caleg_"):
        return party.name
    candidate_no = int(key.rsplit("_", 1)[1])
    candidate = next(
        (c for c in contest.candidates(party, district) if c.number == candidate_no), None
    )
    if candidate is None:
        return party.name
    return f"{candidate.name}, {candidate.sex}" if candidate.sex else candidate.name
