"""The installation key's fingerprint is remembered beside the key, and only for that key file."""

from __future__ import annotations

from pathlib import Path

from rekap_desktop.services import keys


def test_the_fingerprint_is_remembered_for_the_key_it_was_computed_from(tmp_path: Path) -> None:
    # GIVEN a new installation key and its fingerprint
    first = keys.installation_fingerprint(tmp_path)
    assert first == keys.fingerprint(keys.public_raw(keys.installation_key(tmp_path)))
    remembered = tmp_path / keys.FINGERPRINT_FILE
    assert remembered.read_text("ascii").split("\n")[1] == first
    # WHEN the key file is replaced by another key
    (tmp_path / keys.KEY_FILE).unlink()
    keys.installation_key(tmp_path)
    # THEN the remembered fingerprint no longer counts: the new key's own is shown and remembered
    second = keys.installation_fingerprint(tmp_path)
    assert second != first
    assert second == keys.fingerprint(keys.public_raw(keys.installation_key(tmp_path)))
    assert remembered.read_text("ascii").split("\n")[1] == second


def test_a_damaged_remembered_fingerprint_is_computed_again(tmp_path: Path) -> None:
    real = keys.installation_fingerprint(tmp_path)
    remembered = tmp_path / keys.FINGERPRINT_FILE
    key_sha = remembered.read_text("ascii").split("\n")[0]
    for damaged in ("", "tidak ada baris kedua", f"{key_sha}\n12345 bukan sidik\n"):
        remembered.write_text(damaged, "ascii")
        assert keys.installation_fingerprint(tmp_path) == real


def test_a_key_folder_that_cannot_be_written_still_gives_the_fingerprint(tmp_path: Path) -> None:
    real = keys.installation_fingerprint(tmp_path)
    remembered = tmp_path / keys.FINGERPRINT_FILE
    remembered.unlink()
    remembered.mkdir()  # a folder where the file should be: reading and writing it both fail
    assert keys.installation_fingerprint(tmp_path) == real
