"""Sidik data: the fingerprint printed on every page, a short code of the SHA-256 of the form's
canonical content, so a paper form can be checked against the electronic data."""

from __future__ import annotations

import hashlib
import json

CODE_LENGTH = 12
"""Hex digits of the hash shown on paper: 48 bits, short enough to type from paper."""


def canonical_json(content: object) -> str:
    """The one text a form's content hashes to: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(content: object) -> str:
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def short_code(sha256_hex: str) -> str:
    """ "9f3a0c21…" → "9F3A-0C21-04BD": the first 12 hex digits in groups of four."""
    head = sha256_hex[:CODE_LENGTH].upper()
    return "-".join(head[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalize_code(text: str) -> str | None:
    """A code as typed from paper ("9f3a 0c21-04bd") in printed form, or None when it is not one."""
    digits = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(digits) != CODE_LENGTH or any(ch not in "0123456789ABCDEF" for ch in digits):
        return None
    return short_code(digits)
