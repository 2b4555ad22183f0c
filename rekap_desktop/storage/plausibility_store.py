"""Reading and writing the meeting's plausibility thresholds and its overrides of warnings."""

from __future__ import annotations

from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.domain.plausibility import Limits
from rekap_desktop.domain.plausibility_overrides import PlausibilityOverride
from rekap_desktop.storage.orm_plausibility import PlausibilityLimitsRow, PlausibilityOverrideRow

LIMITS_ROW = 1


def add_override(session: Session, override: PlausibilityOverride, actor: str) -> None:
    session.add(
        PlausibilityOverrideRow(
            code=override.code,
            contest=override.contest,
            unit=override.unit,
            place=override.place,
            source=override.source,
            fields=",".join(override.fields),
            message=override.message,
            reason=override.reason,
            overridden_by=override.overridden_by,
            at=override.at,
            actor=actor,
        )
    )
    session.flush()


def overrides(
    session: Session, contest: str | None = None, unit: str | None = None
) -> list[PlausibilityOverride]:
    """Every override recorded (of one contest, of one kecamatan), oldest first."""
    query = select(PlausibilityOverrideRow).order_by(PlausibilityOverrideRow.id)
    if contest is not None:
        query = query.where(PlausibilityOverrideRow.contest == contest)
    if unit is not None:
        query = query.where(PlausibilityOverrideRow.unit == unit)
    return [
        PlausibilityOverride(
            r.code,
            r.contest,
            r.unit,
            r.place,
            r.source,
            tuple(f for f in r.fields.split(",") if f),
            r.message,
            r.reason,
            r.overridden_by,
            r.at,
        )
        for r in session.scalars(query)
    ]


def limits(session: Session) -> Limits | None:
    """The thresholds the meeting set; None while it never set them (the defaults apply)."""
    row = session.get(PlausibilityLimitsRow, LIMITS_ROW)
    if row is None:
        return None
    return Limits(
        invalid_share=Fraction(row.invalid_share),
        ballot_share=Fraction(row.ballot_share),
        ballot_sheets=row.ballot_sheets,
        zero_share=Fraction(row.zero_share),
        outlier_z=float(Fraction(row.outlier_z)),
        min_places=row.min_places,
    )


def set_limits(session: Session, limits: Limits, by: str, at: str) -> None:
    row = session.get(PlausibilityLimitsRow, LIMITS_ROW)
    if row is None:
        row = PlausibilityLimitsRow(id=LIMITS_ROW)
        session.add(row)
    row.invalid_share = str(limits.invalid_share)
    row.ballot_share = str(limits.ballot_share)
    row.ballot_sheets = limits.ballot_sheets
    row.zero_share = str(limits.zero_share)
    row.outlier_z = str(Fraction(limits.outlier_z))
    row.min_places = limits.min_places
    row.set_by, row.set_at = by, at
    session.flush()
