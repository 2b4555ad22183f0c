"""Use cases: one method per user intent, one transaction, one audit entry."""
