"""``kursi --tetapkan``: the seat meeting and its Keputusan recorded from the command line, after
penetapan, with the ketua's PIN in REKAP_PIN; malformed input is refused with exit code 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rekap_desktop.app import main
from rekap_desktop.domain.roles import Role
from rekap_desktop.services.demo import DEMO_PINS
from tests.services.seat_meeting_samples import COURT, DECREE
from tests.services.test_seat_meeting import (  # noqa: F401 (fixture)
    KETUA,
    determined_file,
)

MEETING = (
    "--tetapkan", "--nomor", DECREE, "--waktu", "2024-05-01T10:00+07:00",
    "--tempat", "Kantor KPU Kota Bengkulu", "--pemberitahuan-mk", COURT,
    "--hadir", KETUA, "--bawaslu", "Rahmat Hidayat", "--wakil", "1=Sutan Mahmud",
)  # fmt: skip


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_seat_meeting_recorded_at_the_command_line(
    determined_file: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # GIVEN the determined Pemilu demo, its tie decided by the ketua
    db = str(tmp_path / "pemilu.sqlite")
    shutil.copy(determined_file, db)
    monkeypatch.setenv("REKAP_PIN", DEMO_PINS[Role.KETUA])
    listing = _run(capsys, "kursi", "--db", db, "--pemilihan", "dprd_kabko")[1]
    tie = listing.split("MENUNGGU KEPUTUSAN RAPAT [", 1)[1].split("]", 1)[0]
    base = ("kursi", "--db", db, "--pemilihan", "dprd_kabko", "--user", KETUA)
    assert _run(capsys, *base, "--putuskan", tie, "--pilih", "1", "--alasan", "Rapat")[0] == 0
    # WHEN the time has no zone, or a representative is malformed THEN exit 2, naming it
    no_zone = [a if a != "2024-05-01T10:00+07:00" else "2024-05-01T10:00" for a in MEETING]
    code, _, err = _run(capsys, *base, *no_zone)
    assert code == 2 and "perlu zona waktu" in err
    code, _, err = _run(capsys, *base, *MEETING[:-1], "Sutan Mahmud")
    assert code == 2 and "harus berbentuk NOMOR=NAMA" in err
    # WHEN it is recorded as it should be THEN it says so, and the listing names the Keputusan
    code, out, _ = _run(capsys, *base, *MEETING)
    assert code == 0 and f"Keputusan Nomor {DECREE}" in out
    assert f"Ditetapkan dengan Keputusan Nomor {DECREE} (rapat 2024-05-01T10:00+07:00)" in out
    # AND the Keputusan can be reported
    out_pdf = tmp_path / "keputusan.pdf"
    code, out, _ = _run(capsys, "report", "keputusan-kursi", "--db", db, "--out", str(out_pdf))
    assert code == 0 and out_pdf.stat().st_size > 0
