"""Side-by-side comparison of one kecamatan × contest (procedure items 7–10)."""
