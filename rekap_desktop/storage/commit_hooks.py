"""Callbacks around every session's commit (SQLAlchemy's session events belong to the Session
class, not to an engine): the audit chain's head file is kept current through them."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import event
from sqlalchemy.orm import Session

BeforeCommit = Callable[[Session], None]
AfterCommit = Callable[[Session], None]
AfterRollback = Callable[[Session, object], None]


def hook_commits(before: BeforeCommit, after: AfterCommit, rolled_back: AfterRollback) -> None:
    """Call ``before`` just before each commit, ``after`` just after it and ``rolled_back`` when
    a transaction is rolled back; registered once however often this is asked."""
    if event.contains(Session, "before_commit", before):
        return
    event.listen(Session, "before_commit", before)
    event.listen(Session, "after_commit", after)
    event.listen(Session, "after_soft_rollback", rolled_back)
