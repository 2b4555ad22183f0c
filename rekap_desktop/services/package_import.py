"""Importing a unit's signed result package at the next level (kecamatan → kab/kota → provinsi).

Everything is checked before anything is written: signature and hashes, the sender's key (confirmed
by its fingerprint the first time, then remembered), level and region, contests and choices, and
that the package is newer than any package already imported for that unit. Then, in one
transaction: the unit's values as source ``ppk``, its register entries as carried items (procedure
item 6), the record of the package, and the audit entries.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.election import Level, Pleno
from rekap_desktop.domain.ids import ContestCode, FieldKey, RegionCode
from rekap_desktop.domain.incidents import Incident, Origin
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.sources import PPK, SourceKind
from rekap_desktop.domain.tally import is_known_key
from rekap_desktop.interchange import package as pkg
from rekap_desktop.interchange.incidents_json import parse_carried_incidents
from rekap_desktop.interchange.input_file import read_input
from rekap_desktop.interchange.rekap_csv import MAX_VALUE, read_rekap_table
from rekap_desktop.interchange.setup import parse_setup
from rekap_desktop.services.confirmations import confirmation_problem
from rekap_desktop.services.keys import normalise_fingerprint
from rekap_desktop.services.package_sessions import (
    changed_values,
    check_session_order,
    record_session,
    supersession_lines,
)
from rekap_desktop.services.packages import verify_bytes
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.result_lock import ensure_result_open
from rekap_desktop.storage import audit, incident_store, meeting_store, packages_store
from rekap_desktop.storage.packages_store import ImportedPackage
from rekap_desktop.storage.unit_of_work import Session, Write, read

LEVEL_BELOW = {
    Level.KABKO: Level.KECAMATAN,
    Level.PROVINSI: Level.KABKO,
    Level.NASIONAL: Level.PROVINSI,
}


@dataclass(frozen=True)
class PackageImportReport:
    unit: RegionCode
    unit_name: str
    contests: tuple[ContestCode, ...]
    carried: int
    fingerprint: str
    newly_trusted: bool
    skipped: tuple[ContestCode, ...] = ()
    """Contests of the package this meeting does not hold (final at the sender's level)."""
    replaced: tuple[str, ...] = ()
    """The unit's keys confirmed before, when this package's key replaced them."""
    replaced_by: str = ""
    """The ketua who confirmed the replacement with their PIN."""
    supersedes: tuple[str, ...] = ()
    """What the report says of the earlier session's package this one supersedes (empty: it
    supersedes none)."""
    changed: tuple[str, ...] = ()
    """Each value the superseding package changed: "unit · pemilihan · rincian: lama → baru"."""

    def lines(self) -> list[str]:
        trusted = " (kunci baru dikonfirmasi)" if self.newly_trusted else ""
        lines = [
            f"Paket {self.unit} {self.unit_name} diimpor sebagai sumber ppk: "
            f"{', '.join(self.contests)}; {self.carried} kejadian/keberatan dibawa",
            f"Sidik kunci pengirim: {self.fingerprint}{trusted}",
        ]
        if self.replaced:
            lines.append(
                f"PERINGATAN: kunci pengirim unit {self.unit} DIGANTI; kunci sebelumnya: "
                f"{', '.join(self.replaced)}; penggantian dikonfirmasi oleh {self.replaced_by}"
            )
        if self.skipped:
            lines.append(f"Tidak diimpor (bukan pemilihan pleno ini): {', '.join(self.skipped)}")
        lines.extend(self.supersedes)
        if self.supersedes:
            changed = f"{len(self.changed)} angka berubah" if self.changed else "tidak ada angka"
            lines.append(f"Perubahan terhadap paket yang digantikan: {changed}")
            lines.extend(f"  {line}" for line in self.changed)
        return lines


@dataclass(frozen=True)
class SenderCheck:
    """A package checked before anything is written: whose it is, and whether its sender's key
    is already confirmed here (``earlier``: the keys confirmed before for that unit)."""

    unit: RegionCode
    unit_name: str
    created_at: str
    fingerprint: str
    trusted: bool
    earlier: tuple[str, ...]

    @property
    def key_changed(self) -> bool:
        return not self.trusted and bool(self.earlier)


@dataclass(frozen=True)
class _Checked:
    unit: RegionCode
    unit_name: str
    values: dict[ContestCode, dict[FieldKey, int]]
    incidents: list[Incident]
    skipped: tuple[ContestCode, ...]


class PackageImportService:
    def __init__(self, pleno: PlenoService) -> None:
        self.pleno_service = pleno

    def examine(self, path: Path) -> SenderCheck:
        """Everything ``import_package`` checks, short of writing: refused the same way; says
        whether the operator must first confirm the sender's key fingerprint."""
        data = read_input(path, path.name)
        report = verify_bytes(data, path.name)
        verified, fp = report.package, report.fingerprint
        checked = _check(verified, self.pleno_service.pleno(), path.name)
        with read(self.pleno_service.engine) as session:
            ensure_result_open(session, self.pleno_service.pleno(), *_places(checked))
            trusted, earlier = _key_status(session, fp, checked.unit, path.name)
            check_session_order(session, verified, checked.unit, path.name)
            self._check_newer(session, verified, checked.unit, path.name)
        return SenderCheck(
            checked.unit,
            checked.unit_name,
            verified.manifest.created_at,
            fp,
            trusted,
            tuple(earlier),
        )

    def import_package(
        self, path: Path, *, trust: str | None = None, confirmation: Confirmation | None = None
    ) -> PackageImportReport:
        """Import one unit's package; ``trust`` confirms a sender key seen for the first time.
        A key that replaces one confirmed before for the unit also needs the ketua's
        ``confirmation`` (Action.CHANGE_SENDER_KEY): an operator alone cannot swap it."""
        data = read_input(path, path.name)
        report = verify_bytes(data, path.name)
        verified, fp = report.package, report.fingerprint
        checked = _check(verified, self.pleno_service.pleno(), path.name)
        pleno = self.pleno_service.pleno()
        with self.pleno_service.write() as w:
            ensure_result_open(w.session, pleno, *_places(checked))
            newly, replaced = self._check_key(
                w, verified, fp, checked.unit, (trust, confirmation), path.name
            )
            superseded = check_session_order(w.session, verified, checked.unit, path.name)
            self._check_newer(w.session, verified, checked.unit, path.name)
            changed = (
                changed_values(w.session, pleno, checked.unit, checked.values)
                if superseded is not None
                else []
            )
            carried = self._store(w, path.name, data, verified, checked, fp)
            record_session(w.session, verified, checked.unit)
        return PackageImportReport(
            checked.unit,
            checked.unit_name,
            tuple(checked.values),
            carried,
            fp,
            newly,
            checked.skipped,
            tuple(replaced),
            confirmation.user.name if replaced and confirmation else "",
            tuple(supersession_lines(verified, checked.unit, checked.unit_name, superseded)),
            tuple(changed),
        )

    def _check_key(
        self,
        w: Write,
        verified: pkg.VerifiedPackage,
        fp: str,
        unit: RegionCode,
        consent: tuple[str | None, Confirmation | None],
        name: str,
    ) -> tuple[bool, list[str]]:
        """(newly trusted, the unit's keys it replaces); refused without the consent needed."""
        trust, confirmation = consent
        session = w.session
        known, earlier = _key_status(session, fp, unit, name)
        if known:
            return False, []
        if trust is None or normalise_fingerprint(trust) != fp:
            what = "BERBEDA dari kunci yang dikonfirmasi sebelumnya" if earlier else "belum dikenal"
            given = (
                "" if trust is None else f" (sidik yang diberikan: {normalise_fingerprint(trust)})"
            )
            raise InputRejected(
                [
                    Problem(
                        f"kunci pengirim unit {unit} {what}: sidik {fp}{given}; cocokkan dengan "
                        "sidik yang dibacakan atau tertulis, lalu konfirmasi (--percaya-kunci)"
                    )
                ],
                name,
            )
        approval: dict[str, str] = {}
        if earlier:
            approval = _replacement_approved(session, confirmation, unit, fp, name)
        packages_store.trust_key(
            session, fp, verified.manifest.public_key.hex(), unit, self.pleno_service.actor
        )
        w.audit(
            AuditEvent.PACKAGE_KEY_TRUSTED,
            {"kode_wilayah": unit, "sidik": fp, "menggantikan": earlier, **approval},
        )
        return True, earlier

    def _check_newer(
        self, session: Session, verified: pkg.VerifiedPackage, unit: RegionCode, name: str
    ) -> None:
        same = packages_store.package_by_hash(session, verified.manifest_sha256)
        if same is not None:
            raise InputRejected([Problem(f"paket ini sudah diimpor pada {same.imported_at}")], name)
        created = _time(verified.manifest.created_at, name)
        for earlier in packages_store.packages_for(session, unit):
            if _time(earlier.created_at, name) >= created:
                raise InputRejected(
                    [
                        Problem(
                            f"paket ini (dibuat {verified.manifest.created_at}) lebih lama dari "
                            f"paket unit {unit} yang sudah diimpor (dibuat {earlier.created_at})"
                        )
                    ],
                    name,
                )

    def _store(
        self,
        w: Write,
        name: str,
        data: bytes,
        verified: pkg.VerifiedPackage,
        checked: _Checked,
        fp: str,
    ) -> int:
        session = w.session
        sha256 = hashlib.sha256(data).hexdigest()
        batch = meeting_store.add_batch(
            session,
            name,
            "rekap-paket",
            sha256,
            data,
            len(checked.values),
            self.pleno_service.actor,
        )
        forms = []
        for contest, values in checked.values.items():
            key = (contest, checked.unit, PPK.code)
            version = meeting_store.save_tally(session, key, values, batch.id)
            forms.append(
                audit.form_record(
                    contest, checked.unit, PPK.code, version, {str(k): v for k, v in values.items()}
                )
            )
        already = {
            i.origin_number
            for i in meeting_store.incidents(session)
            if i.unit == checked.unit and i.origin == Origin.KECAMATAN.value
        }
        fresh = [i for i in checked.incidents if i.origin_number not in already]
        stored = [incident_store.insert(session, i) for i in fresh]
        record = ImportedPackage(
            checked.unit,
            verified.manifest_sha256,
            verified.manifest.created_at,
            fp,
            audit.now_iso(),
        )
        packages_store.add_package(session, record, batch.id, name)
        w.audit(
            AuditEvent.PACKAGE_IMPORTED,
            {
                "berkas": name,
                "sha256": sha256,
                "manifest_sha256": verified.manifest_sha256,
                "sidik_kunci": fp,
                "kode_wilayah": checked.unit,
                audit.FORMS: forms,
                "kejadian": [incident_store.content(s) for s in stored],
            },
            checked.values,
        )
        return len(stored)


def _places(checked: _Checked) -> tuple[tuple[str | None, str], ...]:
    """Where the package writes: its unit, in each of its contests."""
    return tuple((contest, checked.unit) for contest in checked.values)


def _replacement_approved(
    session: Session, confirmation: Confirmation | None, unit: RegionCode, fp: str, name: str
) -> dict[str, str]:
    """The ketua's confirmation for replacing a unit's confirmed key, checked against the stored
    users in the import's transaction, as audit fields."""
    problem = confirmation_problem(session, confirmation, Action.CHANGE_SENDER_KEY)
    if problem is not None:
        raise InputRejected(
            [
                Problem(
                    f"kunci pengirim unit {unit} BERBEDA dari kunci yang dikonfirmasi sebelumnya: "
                    f"sidik {fp}; mengganti kunci yang sudah dikonfirmasi perlu PIN Ketua KPU "
                    f"(--user NAMA dengan PIN di REKAP_PIN) setelah sidik dicocokkan ({problem})"
                )
            ],
            name,
        )
    assert confirmation is not None
    return confirmation.audit_fields()


def _key_status(session: Session, fp: str, unit: RegionCode, name: str) -> tuple[bool, list[str]]:
    """(confirmed here already, keys confirmed before for ``unit``); refused when the key was
    confirmed for another unit."""
    known = packages_store.trusted_key(session, fp)
    if known is not None:
        if known.region != unit:
            raise InputRejected(
                [Problem(f"kunci {fp} dikonfirmasi untuk unit {known.region}, bukan {unit}")],
                name,
            )
        return True, []
    return False, packages_store.keys_for_region(session, unit)


def _check(verified: pkg.VerifiedPackage, pleno: Pleno, name: str) -> _Checked:
    manifest = verified.manifest
    if manifest.provisional:
        raise InputRejected(
            [Problem("paket SEMENTARA (skors) hanya untuk diperiksa, bukan hasil yang ditetapkan")],
            name,
        )
    below = LEVEL_BELOW.get(pleno.level)
    if below is None or manifest.level != below.value:
        raise InputRejected(
            [
                Problem(
                    f"paket tingkat '{manifest.level}' tidak dapat diimpor ke pleno tingkat "
                    f"'{pleno.level.value}'"
                )
            ],
            name,
        )
    unit = pleno.unit(manifest.region_code)
    if unit is None:
        raise InputRejected(
            [
                Problem(
                    f"paket untuk wilayah {manifest.region_code} {manifest.region_name}, "
                    f"yang bukan unit pleno {pleno.region.code} {pleno.region.name}"
                )
            ],
            name,
        )
    sender = parse_setup(verified.members[pkg.SETUP], f"{name}:{pkg.SETUP}", kept=True)
    if sender.region.code != unit.code or sender.level.value != manifest.level:
        raise InputRejected([Problem("pleno.json dalam paket tidak sesuai manifest")], name)
    values = _values(verified, sender, pleno, name)
    # A contest the sender holds and this meeting does not (the wali kota of a kota, at the
    # provinsi) was final at the sender's level: it is left out, not a reason to refuse.
    skipped = tuple(c.code for c in sender.contests if pleno.contest(c.code) is None)
    if skipped and len(skipped) == len(sender.contests):
        raise InputRejected(
            [Problem(f"paket tidak memuat pemilihan pleno ini (memuat: {', '.join(skipped)})")],
            name,
        )
    widened = replace(
        pleno, contests=pleno.contests + tuple(c for c in sender.contests if c.code in skipped)
    )
    incidents = [
        i
        for i in parse_carried_incidents(
            verified.members[pkg.INCIDENTS], f"{name}:{pkg.INCIDENTS}", widened
        )
        if i.contest is None or i.contest not in skipped
    ]
    if any(i.unit != unit.code for i in incidents):
        raise InputRejected([Problem("kejadian.json memuat unit lain dari wilayah paket")], name)
    return _Checked(unit.code, unit.name, values, incidents, skipped)


def _values(
    verified: pkg.VerifiedPackage, sender: Pleno, pleno: Pleno, name: str
) -> dict[ContestCode, dict[FieldKey, int]]:
    records = read_rekap_table(verified.members[pkg.TALLIES], f"{name}:{pkg.TALLIES}", sender)
    summed: dict[ContestCode, dict[FieldKey, int]] = {}
    for record in records:
        if record.source.kind is not SourceKind.PPK:
            raise InputRejected(
                [Problem("hasil.csv: hanya sumber 'ppk' yang boleh ada dalam paket")], name
            )
        contest = pleno.contest(record.contest)
        if contest is None:
            continue  # held by the sender only (read_rekap_table checked it is the sender's)
        form = summed.setdefault(record.contest, {})
        for key, value in record.values.items():
            if not is_known_key(contest, key):
                raise InputRejected(
                    [Problem(f"hasil.csv: '{key}' tidak ada pada pemilihan '{contest.code}'")],
                    name,
                )
            form[key] = form.get(key, 0) + value
            if form[key] > MAX_VALUE:
                raise InputRejected([Problem("hasil.csv: jumlah terlalu besar")], name)
    return summed


def _time(text: str, name: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputRejected([Problem(f"waktu paket '{text:.40}' tidak sah")], name) from None
    return moment if moment.tzinfo else moment.astimezone()
