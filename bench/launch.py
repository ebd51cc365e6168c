"""Launch -> window shown and launch -> ready, timed from outside the program, against a bare
PySide6 window spawned the same way in the same run.

    python bench/launch.py [--store STORE] [--repeat 5] [--json OUT]

The clock starts in this process (time.monotonic(), CLOCK_MONOTONIC: one clock for every process
on Linux) just before it spawns the real entry point, the `policy-viewer` console script, under
QT_QPA_PLATFORM=offscreen with POLICY_VIEWER_BENCH_STAMPS=1 (viewer/ui/bench_hooks.py): the
program prints the monotonic time once its window's text has been painted (shown) and once the
work it defers until after that paint is done (ready), then quits. Baselines, spawned the same
way: the interpreter alone, and a bare QApplication + QWidget shown until its first paint (what
any PySide6 window costs here). Without --store, a store of ../shared/corpus is built in a
temporary folder. Each program runs once unmeasured first (files in the page cache).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
CORPUS = REPO.parent / "shared" / "corpus"
READY_BUDGET_S = 1.0

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(1500, 920)
def shown():
    print(f"bench-stamp shown {time.monotonic():.6f}", flush=True)
    app.quit()
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, shown)
        return False
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
app.exec()
"""
INTERPRETER = "import time; print(f'bench-stamp shown {time.monotonic():.6f}', flush=True)"


def entry_point() -> list[str]:
    """The console script installed beside this interpreter, as a reviewer starts the program."""
    script = Path(sys.executable).parent / "policy-viewer"
    if not script.exists():
        raise SystemExit(f"no policy-viewer script beside {sys.executable}: pip install -e . first")
    return [str(script)]


def spawn(command: list[str], config: Path, timeout: float = 120.0) -> dict[str, float]:
    """Seconds from just before the spawn to each `bench-stamp NAME T` the child prints."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "POLICY_VIEWER_BENCH_STAMPS": "1",
           "XDG_CONFIG_HOME": str(config)}  # the window's settings: not the user's
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO, timeout=timeout)
    stamps = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "bench-stamp":
            stamps[parts[1]] = float(parts[2]) - started
    if done.returncode != 0 or "shown" not in stamps:
        raise SystemExit(f"{' '.join(command[:2])} exited {done.returncode} without its stamps:\n"
                         f"{done.stdout[-1000:]}{done.stderr[-2000:]}")
    return stamps


def build_store(folder: Path) -> Path:
    from viewer.services.ingest import ingest_paths

    store = folder / "launch.sqlite"
    report = ingest_paths(store, sorted(CORPUS.glob("*.txt")), processes=0)
    if not report.count("imported"):
        raise SystemExit(f"no reports imported from {CORPUS}")
    return store


def measure(store: Path, repeat: int, config: Path) -> dict[str, list[float]]:
    programs = {"interpreter": [sys.executable, "-c", INTERPRETER],
                "bare PySide6 window": [sys.executable, "-c", BARE_WINDOW],
                "viewer": [*entry_point(), "--store", str(store)]}
    for command in programs.values():
        spawn(command, config)  # unmeasured: .pyc files and libraries in the page cache
    runs: dict[str, list[float]] = {"interpreter": [], "bare_window_shown": [], "shown": [], "ready": []}
    for _ in range(repeat):  # interleaved, so a change in the machine's load touches all alike
        runs["interpreter"].append(spawn(programs["interpreter"], config)["shown"])
        runs["bare_window_shown"].append(spawn(programs["bare PySide6 window"], config)["shown"])
        stamps = spawn(programs["viewer"], config)
        if "ready" not in stamps:
            raise SystemExit("the viewer printed no ready stamp")
        runs["shown"].append(stamps["shown"])
        runs["ready"].append(stamps["ready"])
    return runs


def main() -> int:
    from machine import describe, machine_state

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    before = machine_state()
    print(describe(before))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        store = args.store if args.store else build_store(folder)
        if not store.exists():
            print(f"{store}: no such store", file=sys.stderr)
            return 1
        runs = measure(store, args.repeat, folder / "config")
    median = {k: statistics.median(v) for k, v in runs.items()}
    bare = median["bare_window_shown"]
    print(f"launch -> ready, each the median of {args.repeat} launches (min in brackets), from before the spawn:")
    rows = [("python -c (interpreter alone)", "interpreter"), ("bare PySide6 window painted", "bare_window_shown"),
            ("viewer: window shown (text painted)", "shown"), ("viewer: ready (start-up work done)", "ready")]
    for label, key in rows:
        print(f"  {label:<38} {median[key] * 1000:7.0f} ms  ({min(runs[key]) * 1000:.0f})  "
              f"{median[key] / bare:5.2f} x bare window")
    print(f"ready - shown: {(median['ready'] - median['shown']) * 1000:.0f} ms of start-up work after the window shows; "
          f"ready {median['ready']:.2f} s against a budget of {READY_BUDGET_S:.1f} s "
          f"(ratio {median['ready'] / READY_BUDGET_S:.2f})")
    after = machine_state()
    print(describe(after))
    if args.json:
        args.json.write_text(json.dumps({"store": str(args.store or "corpus"), "runs_s": runs, "median_s": median,
                                         "ratio_to_bare_window": {k: v / bare for k, v in median.items()},
                                         "machine_before": before, "machine_after": after}, indent=2),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
