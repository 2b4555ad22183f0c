"""A commissioner's confirmation checked where the guarded change is written.

The GUI and the command line ask for the PIN; the service that writes the change checks the
confirmation again inside its own write transaction, against the users as stored at that moment:
given for this action, by a user who still exists, whose stored role (not the one remembered when
the PIN was typed) may confirm it. A caller that skips the PIN, or a role changed in between, is
refused and nothing is written.
"""

from __future__ import annotations

from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.roles import (
    ACTION_LABELS,
    ROLE_LABELS,
    Action,
    Role,
    confirmers,
    refusal_for_role,
)
from rekap_desktop.storage.unit_of_work import Session
from rekap_desktop.storage.users_store import stored_role


def require_confirmation(
    session: Session, confirmation: Confirmation | None, action: Action
) -> dict[str, str]:
    """The confirmation's audit fields once it holds for ``action``; InputRejected (Indonesian,
    naming the action and who may confirm it) when it does not."""
    problem = confirmation_problem(session, confirmation, action)
    if problem is not None:
        raise InputRejected([Problem(problem)])
    assert confirmation is not None
    return confirmation.audit_fields()


def confirmation_problem(
    session: Session, confirmation: Confirmation | None, action: Action
) -> str | None:
    """Why ``confirmation`` does not hold for ``action`` now (Indonesian), or None."""
    label = ACTION_LABELS[action]
    if confirmation is None:
        return f"{label} perlu konfirmasi PIN {confirmers(action)}"
    name = confirmation.user.name
    if confirmation.action is not action:
        return (
            f"konfirmasi PIN {name} diberikan untuk {ACTION_LABELS[confirmation.action]}, "
            f"bukan untuk {label}"
        )
    role = stored_role(session, name)
    if role is None:
        return f"{label}: pengguna '{name}' yang mengonfirmasi tidak terdaftar"
    if Role(role) is not confirmation.user.role:
        return (
            f"{label}: peran {name} sekarang {ROLE_LABELS[Role(role)]}, bukan "
            f"{ROLE_LABELS[confirmation.user.role]} seperti saat PIN dimasukkan; konfirmasi lagi"
        )
    return refusal_for_role(Role(role), action)
