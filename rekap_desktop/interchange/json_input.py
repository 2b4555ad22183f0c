"""Reading JSON from outside the program. Two hostile shapes make Python's reader fail with
something other than a syntax error: nesting deeper than the interpreter's recursion limit, and an
integer longer than Python converts (4,300 digits). Both become an Indonesian refusal naming the
file; malformed JSON still raises ``json.JSONDecodeError`` so that each reader says where."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from rekap_desktop.domain.problems import InputRejected, Problem

MAX_INT_DIGITS = 4300
"""Python's own limit for converting digits to an integer; no count or code comes near it."""


class _LongInteger(ValueError):
    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits


def load_json(
    text: str, name: str, object_pairs_hook: Callable[[list[tuple[str, Any]]], Any] | None = None
) -> Any:
    try:
        return json.loads(text, object_pairs_hook=object_pairs_hook, parse_int=_integer)
    except RecursionError:
        raise InputRejected([Problem("JSON terlalu dalam bersarang")], name) from None
    except _LongInteger as error:
        raise InputRejected(
            [Problem(f"bilangan dengan {error.digits:,} angka terlalu panjang".replace(",", "."))],
            name,
        ) from None


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise _LongInteger(len(digits.lstrip("-")))
    return int(digits)
