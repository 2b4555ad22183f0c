"""A writer process for the kill test: prints READY once the database is open, then records
actions forever, acknowledging each one on stdout only after its transaction has committed."""

from __future__ import annotations

import sys
from pathlib import Path

from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine


def main(db: str, folder: str) -> None:
    service = PlenoService(open_engine(db), actor="penulis-uji")
    files = sorted(Path(folder).glob("tally-*.csv"))
    print("READY", flush=True)
    number = 0
    while True:
        path = files[number % len(files)]
        service.import_tally_file(path)
        print(f"ACK {number} {path.name}", flush=True)
        number += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
