"""The audit chain anchored outside the database file: the signed head file beside it, the head
printed on every page, carried in every package and held by every backup. A chain whose newest
entries were deleted, or that was computed again from the start after an edit, is caught by each
anchor, which is named; a power cut between the database's commit and the head file's update never
makes a good database look tampered with."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from rekap_desktop.services import chain_anchor
from rekap_desktop.storage.audit import GENESIS, entry_hash
from tests.command_line import cli_meeting
from tests.command_line import run_cli as _run
from tests.documents.pdf_check import flat, page_texts


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    return cli_meeting(tmp_path, capsys)


def _head_file(db: str) -> Path:
    return Path(db + chain_anchor.SUFFIX)


def _entries(db: str) -> list[tuple[int, str]]:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT id, hash FROM audit_entry ORDER BY id").fetchall()


def _delete_newest(db: str) -> None:
    """What someone with the file does to hide the last entries (e.g. wrong PINs)."""
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM audit_entry WHERE id = (SELECT max(id) FROM audit_entry)")


def _rehash(db: str) -> None:
    """Edit the oldest entry's actor, then compute the whole chain again: it verifies by itself."""
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT id, at, actor, event, payload FROM audit_entry ORDER BY id"
        ).fetchall()
        previous = GENESIS
        for number, at, actor, event, payload in rows:
            actor = "penyusup" if number == 1 else actor
            digest = entry_hash(number, at, actor, event, payload, previous)
            connection.execute(
                "UPDATE audit_entry SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?",
                (actor, previous, digest, number),
            )
            previous = digest


def test_every_write_leaves_the_signed_head_beside_the_database(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a meeting created and a file imported through the program
    # THEN the head file beside it names the chain's newest entry, signed
    record = chain_anchor.read_head(_head_file(db))
    assert record is not None and record.head == record.base == _entries(db)[-1]
    assert _run(capsys, "audit", "--db", db, "--verify")[0] == 0


def test_deleting_the_newest_entries_is_found_by_the_head_file(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a sound meeting WHEN its newest audit entry is deleted in the file
    newest = _entries(db)[-1][0]
    _delete_newest(db)
    # THEN the chain alone still verifies, but the head file names what is missing
    code, _, err = _run(capsys, "audit", "--db", db, "--verify")
    assert code == 2
    assert (
        f"berkas kepala rantai pleno.sqlite.kepala mencatat entri audit #{newest}, tetapi "
        f"rantai di basis data hanya sampai entri #{newest - 1}: entri terbaru telah dihapus"
    ) in flat(err)


def test_a_rehashed_chain_is_found_by_the_head_file_and_nothing_is_printed(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a sound meeting WHEN an entry is edited and the whole chain computed again
    _rehash(db)
    # THEN the head file disagrees, by name; and no form is printed from that database
    code, _, err = _run(capsys, "audit", "--db", db, "--verify")
    assert code == 2 and "berkas kepala rantai pleno.sqlite.kepala" in err
    assert "rantai audit telah diubah dan dihitung ulang" in err
    out = tmp_path / "d.pdf"
    code, _, err = _run(capsys, "report", "d-hasil", "--db", db, "--out", str(out))
    assert code == 2 and "formulir tidak dicetak" in err and not out.exists()


def test_an_edited_or_foreign_head_file_is_named(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the head file WHEN its number is lowered by hand (to hide a truncation)
    path = _head_file(db)
    document = json.loads(path.read_text())
    document["kepala"]["urutan"] -= 1
    path.write_text(json.dumps(document))
    # THEN its signature no longer holds, and it says so
    code, _, err = _run(capsys, "audit", "--db", db, "--verify")
    assert code == 2 and "pleno.sqlite.kepala tanda tangannya tidak sah" in err
    # WHEN a second station (another installation's key) wrote the file last, naming an entry
    # before the newest one
    monkeypatch.setenv("REKAP_KEY_DIR", str(tmp_path / "meja-2"))
    entries = _entries(db)
    chain_anchor.write_head(path, chain_anchor.HeadRecord(entries[-2], entries[-2]))
    monkeypatch.undo()
    # THEN the chain holds that entry: sound (this station wrote after it)
    assert _run(capsys, "audit", "--db", db, "--verify")[0] == 0
    # WHEN the entries from the one it names on are deleted
    _delete_newest(db)
    _delete_newest(db)
    # THEN it is named, with the key that signed it
    code, _, err = _run(capsys, "audit", "--db", db, "--verify")
    assert code == 2 and "pleno.sqlite.kepala (kunci instalasi lain " in err
    assert "entri terbaru telah dihapus" in err


def test_a_power_cut_around_the_commit_never_looks_like_tampering(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    entries = _entries(db)
    path = _head_file(db)
    # GIVEN the head file written for a change whose commit never happened (cut before it)
    unborn = (entries[-1][0] + 1, "a" * 64)
    chain_anchor.write_head(path, chain_anchor.HeadRecord(entries[-1], unborn))
    # THEN the database, at the head before that change, is sound
    assert _run(capsys, "audit", "--db", db, "--verify")[0] == 0
    # GIVEN the change committed but the cut came before the head file's second write
    chain_anchor.write_head(path, chain_anchor.HeadRecord(entries[-2], entries[-1]))
    # THEN sound as well
    assert _run(capsys, "audit", "--db", db, "--verify")[0] == 0
    # AND the next change through the program leaves the new head alone in the file
    assert _run(capsys, "demo", "--db", str(Path(db).with_name("lain.sqlite")))[0] == 0
    record = chain_anchor.read_head(Path(db).with_name("lain.sqlite.kepala"))
    assert record is not None and record.base == record.head


def test_the_head_on_paper_catches_what_the_head_file_cannot(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a D.Hasil printed from the sound meeting: its footer carries the chain head
    out = tmp_path / "d.pdf"
    assert _run(capsys, "report", "d-hasil", "--db", db, "--out", str(out))[0] == 0
    newest = _entries(db)[-2]  # the print itself was recorded after the page was made
    texts = [flat(t) for t in page_texts(out.read_bytes())]
    printed = f"#{newest[0]} {newest[1][:4].upper()}-{newest[1][4:8].upper()}-"
    printed += newest[1][8:12].upper()
    assert all(f"Rantai audit {printed}" in t for t in texts), texts
    # AND it verifies against the database as it is
    assert _run(capsys, "audit", "--db", db, "--verify", "--kepala", printed)[0] == 0
    # WHEN the chain is computed again after an edit and the head file removed with it
    _rehash(db)
    _head_file(db).unlink()
    # THEN the chain verifies by itself, but the head read from paper names the disagreement
    assert _run(capsys, "audit", "--db", db, "--verify")[0] == 0
    code, _, err = _run(capsys, "audit", "--db", db, "--verify", "--kepala", printed)
    assert code == 2 and f"kertas cetakan mencatat entri audit #{newest[0]} dengan hash" in err
    # AND a head that cannot be read from paper is refused, saying how to write it
    code, _, err = _run(capsys, "audit", "--db", db, "--verify", "--kepala", "halaman 3")
    assert code == 2 and "tidak dikenali" in err


def test_packages_and_backups_anchor_the_chain(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a package exported and a backup made from the sound meeting
    package = tmp_path / "hasil.rekap"
    assert _run(capsys, "export", "--db", db, "--out", str(package), "--sementara")[0] == 0
    with zipfile.ZipFile(package) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["kepala_audit"]["urutan"] == _entries(db)[-2][0]  # before its own entry
    assert _run(capsys, "backup", "--db", db, "--out", str(tmp_path / "usb"))[0] == 0
    (backup,) = (tmp_path / "usb").glob("*.sqlite")
    anchors = ("--paket", str(package), "--cadangan", str(backup))
    assert _run(capsys, "audit", "--db", db, "--verify", *anchors)[0] == 0
    # WHEN the newest entries are deleted, with the head file
    _delete_newest(db)
    _delete_newest(db)
    _head_file(db).unlink()
    # THEN the package and the backup each name the disagreement
    code, _, err = _run(capsys, "audit", "--db", db, "--verify", *anchors)
    assert code == 2
    assert "paket hasil.rekap mencatat entri audit" in err
    assert f"cadangan {backup.name} mencatat entri audit" in err
    assert "entri terbaru telah dihapus" in err
