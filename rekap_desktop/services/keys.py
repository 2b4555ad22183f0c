"""The installation key: an Ed25519 key that signs this installation's result packages.

It is created on first use in the user data directory (or in ``REKAP_KEY_DIR`` when set, e.g. for
tests) and never leaves it. Its fingerprint is shown in the program and printed on the forms as six
groups of five digits, so it can be read aloud and written on paper.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from rekap_desktop.domain.problems import InputRejected, Problem

if TYPE_CHECKING:  # cryptography is loaded when a key is used, not for its remembered fingerprint
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

KEY_DIR_ENV = "REKAP_KEY_DIR"
KEY_FILE = "kunci_instalasi.pem"
FINGERPRINT_FILE = "kunci_instalasi.sidik"
"""The key's fingerprint remembered beside it, with the SHA-256 of the key file it belongs to."""
APP_NAME = "rekap-desktop"
GROUPS = 6


def key_dir() -> Path:
    configured = os.environ.get(KEY_DIR_ENV)
    if configured:
        return Path(configured)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "kunci"


def installation_key(folder: Path | None = None) -> Ed25519PrivateKey:
    """This installation's signing key, created (readable by the owner only) on first use."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = (folder or key_dir()) / KEY_FILE
    if path.exists():
        return _load(path)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    if not create_private_file(path, pem, "kunci instalasi"):
        return _load(path)  # another process created it first: theirs is the key
    return key


def create_private_file(path: Path, data: bytes, what: str) -> bool:
    """Write a secret file readable by its owner only, unless it exists (False then: another
    process created it first, and theirs is the one to use)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
    except FileExistsError:
        return False
    except OSError as error:
        raise InputRejected(
            [Problem(f"{what} tidak dapat dibuat: {error.strerror}")], str(path)
        ) from None
    return True


def _load(path: Path) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as error:
        raise InputRejected(
            [Problem(f"kunci instalasi tidak dapat dibaca ({type(error).__name__})")], str(path)
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise InputRejected([Problem("kunci instalasi bukan kunci Ed25519")], str(path))
    return key


def public_raw(key: Ed25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(public_key: bytes) -> str:
    """Six groups of five digits, e.g. "04182 55910 73306 01947 86620 39015"."""
    digest = hashlib.sha256(b"rekap-kunci/1\x00" + public_key).digest()
    groups = (int.from_bytes(digest[4 * i : 4 * i + 4], "big") % 100_000 for i in range(GROUPS))
    return " ".join(f"{g:05d}" for g in groups)


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed (any spaces or dashes) in the shown form; digits only are kept."""
    digits = "".join(ch for ch in text if ch in "0123456789")
    return " ".join(digits[i : i + 5] for i in range(0, len(digits), 5))


def installation_fingerprint(folder: Path | None = None) -> str:
    """This installation's key fingerprint: remembered beside the key for the very key file it
    was computed from, so the status bar and every print need not load the key each time."""
    path = (folder or key_dir()) / KEY_FILE
    remembered = _remembered_fingerprint(path)
    if remembered is not None:
        return remembered
    value = fingerprint(public_raw(installation_key(folder)))
    _remember_fingerprint(path, value)
    return value


def _remembered_fingerprint(path: Path) -> str | None:
    try:
        key_sha, value = (path.parent / FINGERPRINT_FILE).read_text("ascii").split("\n")[:2]
        matches = hashlib.sha256(path.read_bytes()).hexdigest() == key_sha
    except (OSError, ValueError):  # none yet, unreadable, or not in its shape
        return None
    return value if matches and value == normalise_fingerprint(value) else None


def _remember_fingerprint(path: Path, value: str) -> None:
    try:
        key_sha = hashlib.sha256(path.read_bytes()).hexdigest()
        (path.parent / FINGERPRINT_FILE).write_text(f"{key_sha}\n{value}\n", "ascii")
    except OSError:
        pass  # only a shortcut: without it the fingerprint is computed from the key each time
