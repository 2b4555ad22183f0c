"""``demo --pemilu``, ``recap --json`` of a legislative contest and ``kursi``: the tie decision from
the command line needs a commissioner's PIN in REKAP_PIN and refuses what is malformed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rekap_desktop.app import main

ANGGOTA = "Meilani Oktaviani Putri, S.H."


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_pemilu_meeting_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "pemilu.sqlite")
    # GIVEN the Pemilu demo
    assert _run(capsys, "demo", "--pemilu", "--db", db)[0] == 0

    # WHEN the DPRD recapitulation is printed, THEN its hasil lists the open tie by key
    code, out, _ = _run(capsys, "recap", "--db", db, "--pemilihan", "dprd_kabko", "--json")
    hasil = json.loads(out)["kontestasi"][0]["hasil"]
    assert code == 0 and len(hasil["dapil"]) == 5
    (tie,) = hasil["seri"]

    # WHEN the tie is decided without a PIN, THEN it is refused with exit code 2
    code, _, err = _run(
        capsys, "kursi", "--db", db, "--pemilihan", "dprd_kabko", "--putuskan", tie["kunci"],
        "--pilih", "1", "--alasan", "undian di hadapan saksi", "--user", ANGGOTA,
    )  # fmt: skip
    assert code == 2 and "REKAP_PIN" in err

    # WHEN an anggota decides it with their PIN, THEN candidate 1 is elected and nothing is open
    monkeypatch.setenv("REKAP_PIN", "222222")
    code, out, _ = _run(
        capsys, "kursi", "--db", db, "--pemilihan", "dprd_kabko", "--putuskan", tie["kunci"],
        "--pilih", "1", "--alasan", "undian di hadapan saksi", "--user", ANGGOTA,
    )  # fmt: skip
    assert code == 0 and "MENUNGGU" not in out
    assert "2. PARTAI BINTANG NUSANTARA: 3.927 suara, 1 kursi, calon terpilih 1" in out
    code, out, _ = _run(capsys, "recap", "--db", db, "--pemilihan", "dprd_kabko", "--json")
    assert "seri" not in json.loads(out)["kontestasi"][0]["hasil"]

    # AND kursi for a contest that is not legislative is refused
    code, _, err = _run(capsys, "kursi", "--db", db, "--pemilihan", "ppwp")
    assert code == 2 and "bukan pemilihan legislatif" in err
