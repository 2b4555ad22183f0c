"""Start-up: from launching the process to the cockpit painted on the demo pleno, against a bare
PySide6 window program launched the same way; each a fresh process, warm (second start onward).
Each program prints one line once its window is painted; that line's arrival ends the wall-clock
figure, so shutting down is not counted, and the line carries the process's CPU seconds so far."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHOWN_LINE = "kokpit-tampil"  # as rekap_desktop.gui.application prints it

BARE_WINDOW = f"""
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1280, 760)
window.show()
def painted():
    window.repaint()
    print("{SHOWN_LINE}", time.process_time(), flush=True)
    app.quit()
QTimer.singleShot(0, painted)
app.exec()
"""


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed program starts from its bytecode
    env["REKAP_EXIT_WHEN_SHOWN"] = "1"  # the program quits once the cockpit is shown
    # Settings and the automatic backup folder of a throw-away user, not the developer's.
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["XDG_DATA_HOME"] = str(home / "data")
    return env


def _timed_run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock seconds from launching ``command`` to its painted line, and the CPU seconds
    (user + system) the process had spent by then."""
    start = time.perf_counter()
    with subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith(SHOWN_LINE):
                wall = time.perf_counter() - start
                cpu = float(line.split()[1])
                break
        else:
            raise RuntimeError(f"{command[2:]} ended without showing its window")
        process.stdout.read()
    if process.returncode != 0:
        raise RuntimeError(f"{command[2:]} ended with code {process.returncode}")
    return wall, cpu


def measure_startup(repeat: int = 7) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """(wall, CPU) seconds of each start of the program and of the bare window, interleaved. The
    CPU time is what a start costs on a machine shared with other work, where wall time is not."""
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        env = _environment(home)
        db = str(home / "demo.sqlite")
        program = [sys.executable, "-m", "rekap_desktop", "--db", db]
        bare = [sys.executable, "-c", BARE_WINDOW]
        subprocess.run(
            [sys.executable, "-m", "rekap_desktop", "demo", "--db", db],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        _timed_run(program, env)  # warm: files in the page cache, bytecode written
        _timed_run(bare, env)
        ours: list[tuple[float, float]] = []
        baseline: list[tuple[float, float]] = []
        for _ in range(repeat):
            ours.append(_timed_run(program, env))
            baseline.append(_timed_run(bare, env))
        return ours, baseline


if __name__ == "__main__":
    import statistics

    ours, baseline = measure_startup()
    for name, runs in (("kokpit", ours), ("jendela polos", baseline)):
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        print(f"{name}: {wall:.3f} s (CPU {cpu:.3f} s)", [round(w, 3) for w, _ in runs])
