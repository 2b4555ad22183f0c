"""The paper a form is printed on: a choice of the operator, named here so that the print centre
and the services pass it without knowing how documents turn it into page sizes."""

from __future__ import annotations

from enum import StrEnum


class Paper(StrEnum):
    F4 = "F4"
    A4 = "A4"
