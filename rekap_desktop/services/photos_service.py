"""Form photos: images (JPG/PNG) of a kecamatan × contest × source, shown beside the numbers.

A file is accepted only when its header is a readable JPEG or PNG with a width and height, and
when it is at most 50 MB; the bytes are kept in the database as evidence.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass, replace
from pathlib import Path

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.sources import Source, SourceKind
from rekap_desktop.interchange.input_file import read_input
from rekap_desktop.services.service_base import ServiceBase
from rekap_desktop.storage import audit, corrections_store
from rekap_desktop.storage.corrections_store import StoredPhoto
from rekap_desktop.storage.unit_of_work import read

MAX_PHOTO_BYTES = 50 * 1024 * 1024
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Start-of-frame markers carry the dimensions; C4 (DHT), C8 (JPG) and CC (DAC) do not.
_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


@dataclass(frozen=True)
class ImageInfo:
    mime: str
    width: int
    height: int


def image_info(data: bytes) -> ImageInfo | None:
    """Type and size read from a JPEG or PNG header; None when it is not a readable one."""
    if data.startswith(PNG_SIGNATURE):
        return _png_info(data)
    if data.startswith(b"\xff\xd8\xff"):
        return _jpeg_info(data)
    return None


def _png_info(data: bytes) -> ImageInfo | None:
    if len(data) < 33 or data[12:16] != b"IHDR" or b"IEND" not in data[-16:]:
        return None
    width, height = struct.unpack(">II", data[16:24])
    return ImageInfo("image/png", width, height) if width and height else None


def _jpeg_info(data: bytes) -> ImageInfo | None:
    place = 2
    while place + 4 <= len(data):
        if data[place] != 0xFF:
            return None
        marker = data[place + 1]
        if marker == 0xFF:  # fill byte
            place += 1
            continue
        (length,) = struct.unpack(">H", data[place + 2 : place + 4])
        if marker in _JPEG_SOF:
            if place + 9 > len(data) or b"\xff\xd9" not in data[-64:]:
                return None
            height, width = struct.unpack(">HH", data[place + 5 : place + 9])
            return ImageInfo("image/jpeg", width, height) if width and height else None
        place += 2 + length
    return None


def _refuse_too_large(file_name: str, size: int) -> None:
    if size > MAX_PHOTO_BYTES:
        raise InputRejected([Problem(f"'{file_name}' lebih besar dari 50 MB; foto ditolak")])


class PhotosService(ServiceBase):
    def attach(
        self, contest: str, unit: str, source: str, file_name: str, data: bytes
    ) -> StoredPhoto:
        """Attach a photo of a form; refused when not a readable JPG/PNG or larger than 50 MB."""
        target = self.target(contest, unit)
        who = Source.parse(source)
        if who is None or who.kind is SourceKind.PLENO:
            raise InputRejected([Problem(f"sumber '{source}' tidak dikenal untuk foto formulir")])
        _refuse_too_large(file_name, len(data))
        info = image_info(data)
        if info is None:
            raise InputRejected(
                [Problem(f"'{file_name}' bukan gambar JPG/PNG yang dapat dibaca; foto ditolak")]
            )
        photo = StoredPhoto(
            0,
            target.contest.code,
            target.unit.code,
            who.code,
            file_name,
            info.mime,
            info.width,
            info.height,
            len(data),
            hashlib.sha256(data).hexdigest(),
            audit.now_iso(),
        )
        with self.pleno_service.write() as w:
            photo_id = corrections_store.add_photo(w.session, photo, data, self.actor)
            w.audit(
                AuditEvent.FORM_PHOTO_ATTACHED,
                {
                    "pemilihan": photo.contest,
                    "kode_wilayah": photo.unit,
                    "sumber": photo.source,
                    "berkas": file_name,
                    "sha256": photo.sha256,
                    "ukuran": [info.width, info.height],
                },
                {photo.contest},
            )
        return replace(photo, id=photo_id)

    def attach_file(self, contest: str, unit: str, source: str, path: Path) -> StoredPhoto:
        data = read_input(
            path,
            what=f"berkas '{path.name}'",
            check_size=lambda size: _refuse_too_large(path.name, size),
        )
        return self.attach(contest, unit, source, path.name, data)

    def photos(self, contest: str, unit: str) -> list[StoredPhoto]:
        with read(self.pleno_service.engine) as session:
            return corrections_store.photos(session, contest, unit)

    def photo_data(self, photo_id: int) -> bytes:
        with read(self.pleno_service.engine) as session:
            data = corrections_store.photo_data(session, photo_id)
        if data is None:
            raise InputRejected([Problem(f"foto nomor {photo_id} tidak ada")])
        return data
