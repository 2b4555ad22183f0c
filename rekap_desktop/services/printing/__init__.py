"""Printing the meeting's forms: what each form needs and which renderer draws it (forms_table),
the form data built from the records, and the print service that keeps every print as a numbered
version with its sidik data."""
