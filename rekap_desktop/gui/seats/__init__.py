"""Perolehan kursi: seats, elected candidates and the meeting's decisions on open ties."""
