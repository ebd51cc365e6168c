"""The start-up stamps bench/launch.py reads: the real entry point, spawned with
POLICY_VIEWER_BENCH_STAMPS=1 on a tiny store, prints `shown`, `ready`, then `checked` (the store
check, which runs after ready), its longest UI stall meanwhile and its peak memory, and quits
by itself."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

MODULE_IMPORTED = time.perf_counter()
BENCH = Path(__file__).resolve().parents[2] / "bench"
REPORT = """关于某市二〇二四年科技创新工作的报告（虚构）

二〇二四年，某市研究与试验发展经费投入强度达到百分之三点一，比上年提高零点二个百分点。
全市高新技术企业达到一千二百家，比上年增长百分之十五。
二〇二三年，某市研究与试验发展经费投入强度为百分之二点九。
"""


@pytest.fixture()
def tiny_store(tmp_path: Path) -> Path:
    from viewer.services.ingest import ingest_paths

    source = tmp_path / "某市科技创新报告.txt"
    source.write_text(REPORT, encoding="utf-8")
    store = tmp_path / "tiny.sqlite"
    assert ingest_paths(store, [source], processes=0).count("imported") == 1
    return store


def test_launch_child_prints_shown_ready_then_checked(tiny_store: Path, tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from launch import entry_point, spawn
    finally:
        sys.path.remove(str(BENCH))
    stamps = spawn([*entry_point(), "--store", str(tiny_store)], tmp_path / "config", timeout=90)
    assert set(stamps) == {"shown", "ready", "checked", "stall", "peak_rss_mb"}
    assert 0 < stamps["shown"] <= stamps["ready"] <= stamps["checked"] < 90
    assert 0 < stamps["stall"] < 90 and 50 < stamps["peak_rss_mb"] < 4096


def test_no_stamps_without_the_variable(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    from PySide6.QtWidgets import QWidget

    from viewer.ui.bench_hooks import STAMPS_VARIABLE, stamp_startup_if_asked

    class Window(QWidget):
        def starting_up(self) -> bool:
            return False

        def store_checked(self) -> bool:
            return True

    monkeypatch.delenv(STAMPS_VARIABLE, raising=False)
    window = Window()
    qtbot.addWidget(window)
    stamp_startup_if_asked(window, window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)
    assert window.isVisible()
    assert "bench-stamp" not in capsys.readouterr().out


def test_until_painted_waits_for_the_result_and_times_out_without_it(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel

    from viewer.ui.bench_hooks import PaintTimeout, until_painted

    label = QLabel("甲")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    seconds, cpu = until_painted(label, lambda: label.setText("乙"), lambda: label.text() == "乙")
    assert 0 < seconds < 5 and cpu >= 0
    with pytest.raises(PaintTimeout):
        until_painted(label, label.update, lambda: False, timeout_ms=200)


def test_process_start_is_before_this_module_was_imported() -> None:
    from viewer.ui.bench_hooks import seconds_since_process_start

    since_start = seconds_since_process_start()
    if not Path("/proc/self/stat").exists():
        assert since_start is None
        return
    assert since_start is not None
    tick = 0.011  # /proc/self/stat counts clock ticks of 10 ms
    assert time.perf_counter() - MODULE_IMPORTED - tick < since_start < 24 * 3600
