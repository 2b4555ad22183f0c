"""The tanda terima and the daftar penyerahan salinan as printed: the copies handed (storage) in
words ready to print, one receipt per receiver of the last handing, and the whole log."""

from __future__ import annotations

from dataclasses import replace

from rekap_desktop.documents import daftar_salinan, tanda_terima
from rekap_desktop.documents.daftar_salinan import CopiesListData, CopyLine
from rekap_desktop.documents.tanda_terima import Receipt, ReceiptLine, ReceiptsData
from rekap_desktop.domain.bodies import kpu_name
from rekap_desktop.domain.copies import MEDIUM_LABELS, HandedCopy, moment_text, receiver_role
from rekap_desktop.domain.election import Pleno
from rekap_desktop.services.printing.form_builders import Drawn, FormSource, Order, drawn
from rekap_desktop.services.printing.recap_forms import meeting_header, members
from rekap_desktop.storage import copies_store
from rekap_desktop.storage.unit_of_work import read
from rekap_desktop.text.numbers import format_stored_moment

RECEIPT_NAME = "TANDA TERIMA SALINAN"
LIST_NAME = "DAFTAR PENYERAHAN SALINAN"
SIMULASI = "SIMULASI"


def receipts_data(pleno: Pleno, copies: list[HandedCopy], watermark: str | None) -> ReceiptsData:
    """One receipt per receiver of ``copies`` (one handing), in the order they were chosen."""
    by_receiver: dict[object, list[HandedCopy]] = {}
    for copy in copies:
        by_receiver.setdefault((copy.handing, copy.receiver.key()), []).append(copy)
    return ReceiptsData(
        header=meeting_header(pleno, RECEIPT_NAME, watermark),
        receipts=tuple(_receipt(pleno, group) for group in by_receiver.values()),
        place=pleno.place,
        issuer=kpu_name(pleno),
    )


def _receipt(pleno: Pleno, copies: list[HandedCopy]) -> Receipt:
    first = copies[0]
    return Receipt(
        handing=first.handing,
        receiver=first.receiver.name,
        role=receiver_role(pleno, first.receiver),
        medium=MEDIUM_LABELS[first.medium],
        handed_at=format_stored_moment(first.handed_at),
        handed_by=first.handed_by,
        lines=tuple(
            ReceiptLine(
                c.document,
                c.printed.version,
                c.printed.fingerprint,
                c.copy_label,
                moment_text(pleno, c),
            )
            for c in copies
        ),
        signed_pdf=first.medium.has_usb,
    )


def copies_list_data(
    pleno: Pleno, copies: list[HandedCopy], watermark: str | None
) -> CopiesListData:
    return CopiesListData(
        header=meeting_header(pleno, LIST_NAME, watermark),
        lines=tuple(_line(pleno, copy) for copy in copies),
        place=pleno.place,
        made_on=pleno.held_on,
        members=members(pleno),
    )


def _line(pleno: Pleno, copy: HandedCopy) -> CopyLine:
    return CopyLine(
        document=copy.document,
        version=copy.printed.version,
        fingerprint=copy.printed.fingerprint,
        copy=copy.copy_label,
        receiver=copy.receiver.name,
        role=receiver_role(pleno, copy.receiver),
        medium=MEDIUM_LABELS[copy.medium],
        moment=moment_text(pleno, copy),
        handed_at=format_stored_moment(copy.handed_at),
        handed_by=copy.handed_by,
        handing=copy.handing,
    )


def receipts_form(src: FormSource, order: Order) -> Drawn:
    """Tanda terima of the last handing, one page per receiver (a blank one before any). A
    receipt records what was handed: never a DRAF (a demo's stays SIMULASI)."""
    service = src.pleno_service
    with read(service.engine) as session:
        last = copies_store.last_handing(session)
        copies = copies_store.copies(session, last) if last is not None else []
    mark = SIMULASI if order.watermark == SIMULASI else None
    return drawn(receipts_data(service.pleno(), copies, mark), tanda_terima.render_receipts)


def copies_list_form(src: FormSource, order: Order) -> Drawn:
    """Daftar penyerahan salinan: every copy handed in the meeting."""
    service = src.pleno_service
    with read(service.engine) as session:
        copies = copies_store.copies(session)
    data = copies_list_data(service.pleno(), copies, order.watermark)
    data = replace(data, made_on=src.determined_on(None) or data.made_on)
    return drawn(data, daftar_salinan.render_copies_list)
