"""File formats: parse → (domain objects, problems); write domain objects out."""
