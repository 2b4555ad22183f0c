"""ReportLab forms: data in, PDF out. The only floor with ReportLab."""
