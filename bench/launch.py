"""Launch -> window shown, launch -> ready and launch -> store checked, timed from outside the
program, against a bare PySide6 window spawned the same way in the same run; the viewer's peak
memory beside them.

    python bench/launch.py [--store STORE] [--repeat 5] [--json OUT]

The clock starts in this process (time.monotonic(), CLOCK_MONOTONIC: one clock for every process
on Linux) just before it spawns the real entry point, the `policy-viewer` console script, under
QT_QPA_PLATFORM=offscreen with POLICY_VIEWER_BENCH_STAMPS=1 (viewer/ui/bench_hooks.py): the
program prints the monotonic time once its window's text has been painted (shown), once the
work it defers until after that paint is done (ready), and once the store check has ended
(checked), then its peak resident memory (VmHWM) and quits.

"Ready" means: the window answers clicks at once (no start-up work left on or queued for the UI
thread), the first report's text is painted, the chart of the first indicator is drawn and the
finding counts are read and shown in the 核查 panel. The store's safety check (SQLite
quick_check, reading every page: 1.8-2.1 s at 10,000 reports; then the journal catch-up and any
findings an interrupted import left pending) is not part of it: it starts once that work is
done, reads on its own connection (a WAL reader, so the window's reads never wait for it) and
runs in a thread while the window is in use; imports and re-analyses check the store themselves
before they write, and a damaged store is made read-only the moment the check finds it. So it is
timed apart, as "store checked", with the longest time the UI thread went unanswered while it
ran (a stall there would be an interaction waiting behind the check). Baselines, spawned the same
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
RSS_BUDGET_MB = 250

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
    # An installed copy (pip, the bundle) has its modules compiled; a machine that sets
    # PYTHONDONTWRITEBYTECODE would otherwise compile every module of the viewer on every launch
    # (0.15-0.45 s), a wait no reviewer has. The unmeasured first launch writes the .pyc files.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO, timeout=timeout)
    stamps = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "bench-stamp":
            stamps[parts[1]] = float(parts[2]) - started
        elif len(parts) == 2 and parts[0] == "bench-stall":
            stamps["stall"] = float(parts[1])
        elif len(parts) == 2 and parts[0] == "bench-peak-rss":
            stamps["peak_rss_mb"] = int(parts[1]) / 1024
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
    runs: dict[str, list[float]] = {"interpreter": [], "bare_window_shown": [], "shown": [], "ready": [],
                                    "checked": [], "stall": [], "peak_rss_mb": []}
    for _ in range(repeat):  # interleaved, so a change in the machine's load touches all alike
        runs["interpreter"].append(spawn(programs["interpreter"], config)["shown"])
        runs["bare_window_shown"].append(spawn(programs["bare PySide6 window"], config)["shown"])
        stamps = spawn(programs["viewer"], config)
        missing = {"ready", "checked", "stall", "peak_rss_mb"} - set(stamps)
        if missing:
            raise SystemExit(f"the viewer printed no {', '.join(sorted(missing))}")
        for key in ("shown", "ready", "checked", "stall", "peak_rss_mb"):
            runs[key].append(stamps[key])
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
            ("viewer: window shown (text painted)", "shown"), ("viewer: ready (chart, counts drawn)", "ready"),
            ("viewer: store checked (after ready)", "checked")]
    for label, key in rows:
        print(f"  {label:<38} {median[key] * 1000:7.0f} ms  ({min(runs[key]) * 1000:.0f})  "
              f"{median[key] / bare:5.2f} x bare window")
    print(f"ready - shown: {(median['ready'] - median['shown']) * 1000:.0f} ms of start-up work after the window shows; "
          f"ready {median['ready']:.2f} s against a budget of {READY_BUDGET_S:.1f} s "
          f"(ratio {median['ready'] / READY_BUDGET_S:.2f})")
    print(f"while the store check ran after ready: the UI thread's longest stall {median['stall'] * 1000:.0f} ms "
          f"(max {max(runs['stall']) * 1000:.0f}); viewer peak RSS (VmHWM) {median['peak_rss_mb']:.0f} MB "
          f"(max {max(runs['peak_rss_mb']):.0f}) against a budget of {RSS_BUDGET_MB} MB")
    after = machine_state()
    print(describe(after))
    if args.json:
        args.json.write_text(json.dumps({"store": str(args.store or "corpus"), "runs_s": runs, "median_s": median,
                                         "ratio_to_bare_window": {k: v / bare for k, v in median.items()
                                                                  if k not in ("stall", "peak_rss_mb")},
                                         "machine_before": before, "machine_after": after}, indent=2),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
