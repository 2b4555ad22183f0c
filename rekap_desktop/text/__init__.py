"""Indonesian strings and formatting (pure standard library)."""
