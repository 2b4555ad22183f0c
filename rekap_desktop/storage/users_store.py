"""Reading the stored users inside a caller's transaction (the confirmation check)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.storage.orm_users import UserRow


def stored_role(session: Session, name: str) -> str | None:
    """The role stored for the user ``name`` now, or None when there is no such user."""
    return session.scalars(select(UserRow.role).where(UserRow.name == name)).first()
