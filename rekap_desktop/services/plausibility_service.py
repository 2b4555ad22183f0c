"""Kewajaran: the plausibility warnings (P01 …) as the meeting works with them — its thresholds
(ambang kewajaran, set with a commissioner's PIN) and its overrides of warnings it looked at
(temuan kewajaran diabaikan: the reason and the commissioner who confirmed with their PIN),
printed in the berita acara and carried by ``check --json`` as ``"diabaikan"``.

A warning never blocks the meeting; an override only records that the room looked at the
figures and accepts them, so the same warning is not raised again at every reading.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.plausibility import Implausible, Limits
from rekap_desktop.domain.plausibility_limits import limit_texts, parse_limits
from rekap_desktop.domain.plausibility_overrides import PlausibilityOverride, override_for
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.roles import ACTION_LABELS, Action
from rekap_desktop.services.confirmations import require_confirmation
from rekap_desktop.services.places import (
    contest_plausibility_in,
    meeting_limits,
    unit_plausibility_in,
)
from rekap_desktop.services.result_lock import ensure_result_open
from rekap_desktop.services.service_base import ServiceBase, Target
from rekap_desktop.storage import audit, plausibility_store
from rekap_desktop.storage.unit_of_work import Session, read

TITLE = "Temuan kewajaran diabaikan"
LIMITS_TITLE = "Ambang kewajaran"


@dataclass(frozen=True)
class Raised:
    """One plausibility warning and the meeting's override of it (None: still a warning)."""

    finding: Implausible
    override: PlausibilityOverride | None


class PlausibilityService(ServiceBase):
    # -- the thresholds ----------------------------------------------------------------------

    def limits(self) -> Limits:
        """The thresholds the meeting set, or the defaults while it set none."""
        with read(self.pleno_service.engine) as session:
            return meeting_limits(session)

    def set_limits(self, texts: Mapping[str, str], confirmation: Confirmation | None) -> Limits:
        """Set the thresholds typed (field name → text; see domain/plausibility_limits.py); a
        commissioner confirms with their PIN. Refused, naming the field, when a value is not a
        number, negative, or a share above 100 %; nothing is changed then."""
        with read(self.pleno_service.engine) as session:
            before = meeting_limits(session)
        parsed = parse_limits(texts, before)
        if isinstance(parsed, list):
            raise InputRejected([Problem(p) for p in parsed], LIMITS_TITLE)
        with self.pleno_service.write() as w:
            confirmed = require_confirmation(
                w.session, confirmation, Action.SET_PLAUSIBILITY_LIMITS
            )
            assert confirmation is not None
            was = meeting_limits(w.session)
            plausibility_store.set_limits(
                w.session, parsed, confirmation.user.name, audit.now_iso()
            )
            w.audit(
                AuditEvent.PLAUSIBILITY_LIMITS_SET,
                {"sebelum": limit_texts(was), "sesudah": limit_texts(parsed), **confirmed},
            )
        return parsed

    # -- the warnings and their overrides ----------------------------------------------------

    def overrides(self, contest: str | None = None) -> list[PlausibilityOverride]:
        with read(self.pleno_service.engine) as session:
            return plausibility_store.overrides(session, contest)

    def unit_warnings(self, contest: str, unit: str) -> list[Raised]:
        """The warnings P01–P05 of one kecamatan × contest and its TPS (what the comparison
        shows beside the numbers), each with the override of it, if any."""
        target = self.target(contest, unit)
        with read(self.pleno_service.engine) as session:
            found = unit_plausibility_in(session, target.pleno, contest, unit)
            made = plausibility_store.overrides(session, contest, unit)
        return [Raised(f, override_for(f, made)) for f in found]

    def override(
        self, finding: Implausible, reason: str, confirmation: Confirmation | None
    ) -> PlausibilityOverride:
        """Record that the meeting accepts the figures ``finding`` is about as they are, with
        ``reason``; a commissioner confirms with their PIN. Refused without a reason, with a PIN
        given for another action, when the warning is not raised now as stated (the numbers or
        the thresholds changed) or was overridden already, and while the result is determined."""
        place = finding.place
        target = self.target(place.contest, place.unit)
        where = _where(target, finding)
        problems = []
        if confirmation is None or confirmation.action is not Action.OVERRIDE_PLAUSIBILITY:
            problems.append(
                Problem(
                    f"{where}: konfirmasi PIN bukan untuk "
                    f"{ACTION_LABELS[Action.OVERRIDE_PLAUSIBILITY]}"
                )
            )
        if not reason.strip():
            problems.append(
                Problem(f"{where}: alasan mengabaikan temuan {finding.code} wajib diisi")
            )
        if problems:
            raise InputRejected(problems, TITLE)
        assert confirmation is not None
        with self.pleno_service.write() as w:
            session = w.session
            ensure_result_open(session, target.pleno, (place.contest, place.unit))
            confirmed = require_confirmation(session, confirmation, Action.OVERRIDE_PLAUSIBILITY)
            made = plausibility_store.overrides(session, place.contest, place.unit)
            earlier = override_for(finding, made)
            if earlier is not None:
                raise InputRejected(
                    [
                        Problem(
                            f"{where}: temuan {finding.code} sudah diabaikan oleh "
                            f"{earlier.overridden_by} ({earlier.reason})"
                        )
                    ],
                    TITLE,
                )
            if not _raised_now(session, target, finding):
                raise InputRejected(
                    [
                        Problem(
                            f"{where}: temuan kewajaran {finding.code} tidak lagi muncul seperti "
                            "yang ditampilkan (angka atau ambangnya berubah); periksa kembali"
                        )
                    ],
                    TITLE,
                )
            override = PlausibilityOverride.stating(
                finding, reason.strip(), confirmation.user.name, audit.now_iso()
            )
            plausibility_store.add_override(session, override, self.actor)
            w.audit(
                AuditEvent.PLAUSIBILITY_OVERRIDDEN,
                {
                    "pemilihan": place.contest,
                    "kode_wilayah": place.unit,
                    "tempat": place.code,
                    "sumber": place.source,
                    "kode_temuan": finding.code,
                    "rincian": list(finding.fields),
                    "temuan": finding.message,
                    "alasan": override.reason,
                    **confirmed,
                },
                {place.contest},
            )
        return override


def _raised_now(session: Session, target: Target, finding: Implausible) -> bool:
    """Whether ``finding`` is raised now exactly as stated: among the kecamatan's warnings (what
    the comparison shows) or, for P05 and P06 which compare across the meeting, among the
    contest's (what ``check --json`` lists)."""
    probe = _probe(finding)
    contest, unit = target.contest.code, target.unit.code
    if any(probe.covers(f) for f in unit_plausibility_in(session, target.pleno, contest, unit)):
        return True
    return any(probe.covers(f) for f in contest_plausibility_in(session, target.pleno, contest))


def _probe(finding: Implausible) -> PlausibilityOverride:
    """An override-shaped key of ``finding`` (compared as stated: code, place, fields, text)."""
    place = finding.place
    return PlausibilityOverride(
        finding.code,
        place.contest,
        place.unit,
        place.code,
        place.source,
        tuple(finding.fields),
        finding.message,
        "",
        "",
        "",
    )


def _where(target: Target, finding: Implausible) -> str:
    place = finding.place
    below = f", desa/TPS {place.code}" if place.code != place.unit else ""
    return f"{target.where()}{below}, sumber {place.source}"
