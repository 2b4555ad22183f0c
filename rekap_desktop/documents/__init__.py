"""ReportLab forms: snapshot in, PDF out. The only floor with ReportLab."""
