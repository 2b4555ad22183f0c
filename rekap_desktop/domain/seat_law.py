"""Which rule allocates the seats of a legislative contest, as the forms cite it.

UU 7/2017 Pasal 415 sets Sainte-Laguë for each body in its own ayat: ayat (2) for the DPR, ayat (3)
for the DPRD Provinsi and DPRD Kabupaten/Kota; PKPU 6/2024 is the KPU rule on determining seats and
elected candidates for all of them.
"""

from __future__ import annotations

PASAL_415_AYAT = {"dpr": 2, "dprd_prov": 3, "dprd_kabko": 3}
SEAT_RULE_PKPU = "PKPU 6/2024"


def seat_allocation_rule(contest_code: str) -> str:
    """ "UU 7/2017 Pasal 415 ayat (3) dan PKPU 6/2024" for a DPRD contest; ayat (2) for the DPR."""
    ayat = PASAL_415_AYAT.get(contest_code)
    law = f"UU 7/2017 Pasal 415 ayat ({ayat})" if ayat else "UU 7/2017 Pasal 415"
    return f"{law} dan {SEAT_RULE_PKPU}"
