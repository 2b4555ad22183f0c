"""PIN hashes that a copied database file does not give up: a random PIN key, kept with the
installation key outside the database, enters every hash (a "pepper"). Without that key a stolen
file's hashes cannot be tried offline at all; with it, argon2 still makes each try slow.

A peppered hash is stored as ``rekap-pin/1$<key id>$<argon2 hash>``; a hash written before the
PIN key existed is a bare argon2 hash, still accepted and replaced by a peppered one at the user's
next correct PIN (see ``UsersService``).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.interchange.input_file import read_input
from rekap_desktop.services.keys import create_private_file, key_dir

PIN_KEY_FILE = "kunci_pin.bin"
PIN_KEY_BYTES = 32
PEPPERED = "rekap-pin/1"


def pin_key(folder: Path | None = None) -> bytes:
    """This installation's PIN key, created (readable by the owner only) on first use."""
    path = (folder or key_dir()) / PIN_KEY_FILE
    if not path.exists():
        create_private_file(path, secrets.token_bytes(PIN_KEY_BYTES), "kunci PIN")
    key = read_input(path, str(path), what="kunci PIN")
    if len(key) != PIN_KEY_BYTES:
        raise InputRejected([Problem("kunci PIN rusak (panjangnya salah)")], str(path))
    return key


def key_id(key: bytes) -> str:
    """A short name of a PIN key (not the key): says which installation a hash needs."""
    return hashlib.sha256(b"rekap-kunci-pin/1\x00" + key).hexdigest()[:16]


class PinHasher:
    """Hashes and checks PINs; with ``pepper`` None (a shared server database, whose stations
    each keep their own key folder) PINs are hashed with argon2 alone."""

    def __init__(self, pepper: bytes | None) -> None:
        self._pepper = pepper
        self._prefix = f"{PEPPERED}${key_id(pepper)}$" if pepper is not None else None
        # Cheaper than the library default, still argon2id: a PIN check must feel instant.
        self._argon2 = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)

    def hash(self, pin: str) -> str:
        if self._pepper is None or self._prefix is None:
            return self._argon2.hash(pin)
        return self._prefix + self._argon2.hash(self._peppered(pin))

    def matches(self, stored: str, pin: str) -> bool:
        """True when ``pin`` is the one ``stored`` was made from. A hash made with another
        installation's PIN key is refused with a message saying so: it is nobody's wrong PIN."""
        if not stored.startswith(PEPPERED + "$"):
            return self._verify(stored, pin)
        if self._prefix is None or not stored.startswith(self._prefix):
            raise InputRejected(
                [
                    Problem(
                        "PIN ini dibuat dengan kunci PIN instalasi lain dan tidak dapat diperiksa "
                        f"di sini: salin berkas {PIN_KEY_FILE} dari folder kunci laptop asal ke "
                        "folder kunci laptop ini"
                    )
                ]
            )
        return self._verify(stored[len(self._prefix) :], self._peppered(pin))

    def outdated(self, stored: str) -> bool:
        """True for a hash without this installation's PIN key that should be replaced now."""
        return self._prefix is not None and not stored.startswith(PEPPERED + "$")

    def _peppered(self, pin: str) -> str:
        assert self._pepper is not None
        return hmac.new(self._pepper, pin.encode("utf-8"), hashlib.sha256).hexdigest()

    def _verify(self, argon2_hash: str, secret: str) -> bool:
        try:
            return self._argon2.verify(argon2_hash, secret)
        except (VerificationError, InvalidHashError):
            return False
