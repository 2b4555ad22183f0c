"""Jejak audit in the cockpit: the chain's entries as people read them, with filters, and the
evidence pack for Bawaslu and the Court written from the same menu."""
