"""A list the meeting keeps and its members sign (the Daftar Pembetulan, the Daftar Penyerahan
Salinan): the form's title, one ruled table, then where and on what day it was made and the
signatures of the KPU members present."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from reportlab.platypus import Flowable

from rekap_desktop.documents.form_header import Headed, form_fingerprint
from rekap_desktop.documents.parts import (
    RenderedForm,
    Signatory,
    made_and_signed,
    page_meta,
    render,
    title_block,
)
from rekap_desktop.documents.styles import frame_width
from rekap_desktop.domain.paper import Paper


class SignedListData(Headed):
    """What every signed list states besides its lines (declared again, with their sidik keys,
    by each list's dataclass)."""

    place: str | None
    made_on: date | None
    members: tuple[Signatory, ...]


def render_signed_list(
    data: SignedListData,
    title: str,
    table: Callable[[float], list[Flowable]],
    paper: Paper,
    installation_key: str | None,
    chain_head: str | None,
) -> RenderedForm:
    """``table`` lays the list's lines out across the given frame width."""
    meta = page_meta(data, form_fingerprint(data), installation_key, chain_head)
    width = frame_width(paper)
    story = title_block(data.form_name, [title, data.election_name.upper()], data.region_fields)
    story += table(width)
    story += made_and_signed(data.place, data.made_on, data.members, width)
    return render(story, meta, paper)
