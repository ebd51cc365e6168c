"""The 目标 dock through the window, on invented reports: every target listed with its outcome
(met, not met, no data yet) — a met one too, which the checks panel's default 需关注 filter
hides — filtered by outcome, and a row opening the target's sentence and charting its series."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from viewer.model.review import CheckKind
from viewer.services.ingest import ingest_paths
from viewer.services.targets_view import TargetStatus
from viewer.ui import chart_style
from viewer.ui.main_window import MainWindow
from viewer.ui.targets_pane import ACTUAL, INDICATOR, REGION, STATUS, TARGET, YEAR

REPORTS = {
    "要点.txt": ("常德市2021年科技工作要点\n\n2020年，常德市技术合同成交额62.5亿元，高新技术企业320家。\n\n"
                 "到2023年，常德市技术合同成交额达到100亿元，高新技术企业达到500家。\n\n"
                 "到2025年，常德市研发经费投入达到80亿元。\n"),
    "总结.txt": "常德市2023年科技工作总结\n\n2023年，常德市技术合同成交额102.4亿元。\n\n2023年，常德市高新技术企业420家。\n",
}


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = tmp_path / "store.db"
    assert ingest_paths(store, [tmp_path / name for name in REPORTS], processes=0).ok
    window = MainWindow(store, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.restore_session()
    window.show()
    qtbot.waitUntil(lambda: not window.starting_up(), timeout=30_000)
    assert window.targets.pane.model.rowCount() == 0, "a hidden dock reads nothing"
    with qtbot.waitSignal(window.targets.loaded, timeout=30_000):
        window.docks["targets"].raise_()
    return window


def cells(window: MainWindow) -> dict[str, dict[int, str]]:
    """target text -> column -> the text the table shows."""
    proxy = window.targets.pane.proxy
    return {proxy.index(r, TARGET).data(): {c: proxy.index(r, c).data() for c in range(proxy.columnCount())}
            for r in range(proxy.rowCount())}


def test_every_target_is_listed_with_its_outcome(window: MainWindow) -> None:
    shown = cells(window)
    assert set(shown) == {"100亿元", "500家", "80亿元"}
    met, missed, waiting = shown["100亿元"], shown["500家"], shown["80亿元"]
    assert (met[INDICATOR], met[REGION], met[YEAR]) == ("技术合同成交额", "常德市", "2023年")
    assert met[ACTUAL] == "102.4亿元（2023年）" and met[STATUS] == "已完成"
    assert missed[ACTUAL] == "420家（2023年）" and missed[STATUS] == "未完成"
    assert waiting[ACTUAL] == "—" and waiting[STATUS] == "尚无实际数据" and waiting[YEAR] == "2025年"
    counts = window.targets.pane.counts.text()
    assert "共 3 个目标" in counts and "已完成 1" in counts and "未完成 1" in counts


def test_a_met_target_hidden_by_the_checks_filter_is_listed_here(window: MainWindow) -> None:
    checks = window.review.checks_pane
    [met] = [f for f in window.library.findings(kind=CheckKind.TARGET) if f.verdict == "met"]
    assert checks.model.attention_only and not checks.select_finding(met.id or 0), "需关注 hides met targets"
    window.targets.pane.set_status(TargetStatus.MET)
    assert [row.text for row in window.targets.pane.visible_rows()] == ["100亿元"]
    window.targets.pane.set_status(TargetStatus.NOT_REPORTED)
    assert [row.text for row in window.targets.pane.visible_rows()] == ["80亿元"]


def test_a_row_opens_its_sentence_and_charts_the_target_from_the_last_actual(window: MainWindow) -> None:
    pane = window.targets.pane
    pane.set_status(TargetStatus.MET)
    [row] = pane.visible_rows()
    pane.activate_row(0)
    assert window.current is not None and window.current.id == row.doc_id
    view = window.document_pane.view
    assert view.selected_span() == (row.start, row.end) and view.textCursor().selectedText() == "100亿元"
    chart = window.chart
    assert chart.series is not None and chart.series.indicator == "技术合同成交额"
    xs, ys = chart.curves[("常德市", chart_style.TARGET)].getData()
    assert xs.tolist() == [2020.0, 2023.0] and ys.tolist() == pytest.approx([62.5, 100]), \
        "the single target joined to the last actual before it"
    assert chart.emphasised_points() == [(2023.0, pytest.approx(100))]


def test_the_list_follows_a_recheck(qtbot: QtBot, window: MainWindow) -> None:
    window.library.db.conn.execute("DELETE FROM figures WHERE text = '80亿元'")
    window.library.db.conn.commit()
    with qtbot.waitSignal(window.targets.loaded, timeout=30_000):
        window.review.recheck()
    assert set(cells(window)) == {"100亿元", "500家"}
