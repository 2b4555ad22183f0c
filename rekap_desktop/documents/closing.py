"""The close of a berita acara: the closing sentence, the KPU members' signature lines and the
paraf boxes of those who witnessed (saksi, pengawas)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from rekap_desktop.documents.parts import Signatory, paraf_boxes, signature_block
from rekap_desktop.documents.styles import styles

CLOSING = (
    "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya."
)


def closing_block(
    members: Sequence[Signatory],
    witnesses: Sequence[str],
    paraf_heading: str,
    width: float,
    before: str = "",
) -> list[Flowable]:
    """``before``: a sentence said ahead of the closing one."""
    s = styles()
    sentence = f"{before} {CLOSING}" if before else CLOSING
    story: list[Flowable] = [Spacer(1, 3 * mm), Paragraph(sentence, s.body), Spacer(1, 3 * mm)]
    if members:
        story.append(KeepTogether(signature_block("ANGGOTA KPU", members, "JABATAN", width)))
    if witnesses:
        story += [
            Spacer(1, 3 * mm),
            KeepTogether(
                [
                    Paragraph(paraf_heading, s.heading),
                    Spacer(1, 1.5 * mm),
                    paraf_boxes(witnesses, width),
                ]
            ),
        ]
    return story
