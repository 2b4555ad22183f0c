"""Register Kejadian Khusus dan/atau Keberatan Saksi: view, model, settle dialog."""
