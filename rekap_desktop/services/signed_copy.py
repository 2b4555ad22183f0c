"""A copy on a USB stick: the PDF exactly as printed (the print history's bytes), a detached
signature (``.sig``: the Ed25519 signature of this installation's key over the PDF's bytes, in
hex) and a note (``.txt``) saying who signed it and how anyone can check it, with Rekap Desktop or
with OpenSSL alone."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.services.keys import fingerprint, installation_key, public_raw

SIGNATURE_SUFFIX = ".sig"
NOTE_SUFFIX = ".txt"
KEY_LINE = "Kunci publik Ed25519 (hex): "
NAME_LENGTH = 40


@dataclass(frozen=True)
class SignedFiles:
    pdf: Path
    signature: Path
    note: Path


@dataclass(frozen=True)
class CopyCheck:
    intact: bool
    signer: str
    """The sidik of the key that signed it (as printed in every form's footer)."""
    message: str


def file_stem(*parts: str) -> str:
    """A file name made of ``parts`` that every file system takes: lower case, digits, dashes."""
    words = [re.sub(r"[^a-z0-9]+", "-", part.lower()).strip("-") for part in parts]
    return "-".join(w[:NAME_LENGTH] for w in words if w)


def write_signed(folder: Path, stem: str, pdf: bytes, note: str) -> SignedFiles:
    """Write the PDF, its signature and ``note`` (followed by the key and the way to check it)
    into ``folder``; refused when a file of that name is there already or cannot be written."""
    key = installation_key()
    public = public_raw(key)
    files = SignedFiles(
        folder / f"{stem}.pdf",
        folder / f"{stem}{SIGNATURE_SUFFIX}",
        folder / f"{stem}{NOTE_SUFFIX}",
    )
    contents = (
        (files.pdf, pdf),
        (files.signature, key.sign(pdf).hex().encode("ascii") + b"\n"),
        (files.note, _note(files, note, pdf, public).encode("utf-8")),
    )
    written: list[Path] = []
    try:
        for path, data in contents:
            with open(path, "xb") as out:  # never overwrite another copy's file
                written.append(path)
                out.write(data)
    except OSError as error:
        for path in written:
            path.unlink(missing_ok=True)
        reason = "sudah ada" if isinstance(error, FileExistsError) else error.strerror
        raise InputRejected(
            [Problem(f"salinan PDF tidak dapat ditulis: {path.name} ({reason})")], str(folder)
        ) from None
    return files


def check_signed(pdf_path: Path, public_key: bytes | None = None) -> CopyCheck:
    """Whether the PDF is exactly what was signed: its ``.sig`` beside it checked with
    ``public_key`` (by default the key its ``.txt`` names; compare the signer's sidik with the
    one printed on the forms)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    stem = pdf_path.with_suffix("")
    try:
        data = pdf_path.read_bytes()
        signature = bytes.fromhex(stem.with_suffix(SIGNATURE_SUFFIX).read_text("ascii").strip())
        key = public_key if public_key is not None else _noted_key(stem.with_suffix(NOTE_SUFFIX))
        Ed25519PublicKey.from_public_bytes(key).verify(signature, data)
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise InputRejected(
            [Problem(f"salinan tidak dapat diperiksa ({type(error).__name__})")], str(pdf_path)
        ) from None
    except InvalidSignature:
        return CopyCheck(
            False, fingerprint(key), "TIDAK SAH: isi PDF berbeda dari yang ditandatangani"
        )
    return CopyCheck(True, fingerprint(key), "SAH: PDF utuh, sama dengan yang ditandatangani")


def _noted_key(note: Path) -> bytes:
    for line in note.read_text("utf-8").splitlines():
        if line.startswith(KEY_LINE):
            return bytes.fromhex(line.removeprefix(KEY_LINE).strip())
    raise ValueError("kunci publik tidak tertulis")


def _note(files: SignedFiles, about: str, pdf: bytes, public: bytes) -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    pem = (
        Ed25519PublicKey.from_public_bytes(public)
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )
    pdf_name, sig_name = files.pdf.name, files.signature.name
    return (
        f"{about}\n\n"
        f"Berkas PDF: {pdf_name}\n"
        f"SHA-256 PDF: {hashlib.sha256(pdf).hexdigest()}\n"
        f"Tanda tangan: {sig_name} (Ed25519 atas seluruh isi PDF, ditulis dalam hex)\n"
        f"Sidik kunci instalasi: {fingerprint(public)}\n"
        f"{KEY_LINE}{public.hex()}\n\n"
        "Cara memeriksa:\n"
        f"1. Dengan Rekap Desktop: rekap-desktop salinan --periksa {pdf_name}\n"
        "2. Dengan OpenSSL 3: simpan kunci publik di bawah sebagai kunci.pem, lalu\n"
        f"   xxd -r -p {sig_name} > {sig_name}.bin\n"
        f"   openssl pkeyutl -verify -pubin -inkey kunci.pem -rawin -in {pdf_name} "
        f"-sigfile {sig_name}.bin\n"
        '   "Signature Verified Successfully" berarti PDF utuh.\n'
        "3. Bandingkan sidik kunci instalasi di atas dengan 'Kunci instalasi' yang tercetak di\n"
        "   kaki setiap halaman formulir rapat: sama berarti PDF ini ditandatangani\n"
        "   instalasi itu.\n\n"
        f"{pem}"
    )
