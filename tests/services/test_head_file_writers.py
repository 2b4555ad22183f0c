"""Two writes of one head file at once (a background job and the window of one station, or two
stations in one key folder) both succeed: neither renames the other's half-written file away."""

from __future__ import annotations

import threading
from pathlib import Path

from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.services.chain_anchor import HeadRecord, read_head, write_head
from rekap_desktop.storage import audit

WRITES = 40


def test_head_files_written_at_once_are_all_written(tmp_path: Path) -> None:
    path = tmp_path / "pleno.sqlite.kepala"
    refused: list[str] = []
    start = threading.Barrier(2)

    def writer(offset: int) -> None:
        start.wait(60)
        for n in range(WRITES):
            head = (2 * n + offset, audit.GENESIS)
            try:
                write_head(path, HeadRecord(head, head), durable_rename=False)
            except InputRejected as error:
                refused.append(str(error))

    threads = [threading.Thread(target=writer, args=(offset,)) for offset in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert refused == []
    record = read_head(path)
    assert record is not None and record.head[0] in (2 * WRITES - 1, 2 * WRITES)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no partial file left behind
