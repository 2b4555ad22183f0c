"""Pure domain core: the election, tallies, rules, comparison and recapitulation.

Imports only the standard library (and the pure ``rekap_desktop.text``); never Qt, SQLAlchemy or
ReportLab.
"""
