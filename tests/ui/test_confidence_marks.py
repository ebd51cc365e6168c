"""Weak figures (an indicator, place or year guessed rather than read: viewer.model.weak_slots) are
marked: a wavy underline in the figure's colour and a tooltip saying how each slot was found in the
document pane; a hollow marker, a hover text and a legend note in the chart; columns in the chart's
data export."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import ui_fakes as fakes
from chart_support import store_of
from PySide6.QtGui import QTextCharFormat
from pytestqt.qtbot import QtBot

from viewer.model import Figure, ImportOutcome, Role, Series
from viewer.services.ingest import IngestReport
from viewer.ui import chart_style, text_formats
from viewer.ui.chart_pane import ChartPane
from viewer.ui.document_pane import DocumentPane
from viewer.ui.document_view import DocumentView
from viewer.ui.i18n import install_language
from viewer.ui.import_worker import import_summary
from viewer.ui.legend import FormatChip
from viewer.ui.series_export import COLUMNS, write_series
from viewer.ui.tooltips import figure_tooltip

WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline


def format_at(view: DocumentView, cp: int) -> QTextCharFormat:
    utf16 = cp + fakes.TEXT[:cp].count(fakes.ASTRAL)
    block = view.document().findBlock(utf16)
    offset = utf16 - block.position()
    for fmt_range in block.layout().formats():
        if fmt_range.start <= offset < fmt_range.start + fmt_range.length:
            return QTextCharFormat(fmt_range.format)
    raise AssertionError(f"nothing highlighted at {cp}")


def figures_with_a_guess() -> list[Figure]:
    """Figure 3 (312家) with a provisional indicator and its district's place guessed."""
    figures = fakes.make_figures()
    figures[2] = replace(figures[2], indicator="<b>区级</b>新增企业", provisional=True, indicator_how="provisional",
                         region_how="guessed")
    return figures


@pytest.fixture
def english(qtbot: QtBot) -> Iterator[None]:
    assert install_language("en")
    yield
    install_language("zh")


def test_a_weak_figure_has_a_wavy_underline_in_its_colour(qtbot: QtBot) -> None:
    pane = DocumentPane()
    qtbot.addWidget(pane)
    figures = figures_with_a_guess()
    pane.show_document(fakes.make_document(), fakes.make_paragraphs(), figures, fakes.make_mentions())
    sure, weak, target = figures[0], figures[2], figures[3]
    assert [f.id for f in pane.view.weak_figures()] == [2, 3]  # 12.5% has no indicator at all
    assert pane.details.text().endswith("2 个需核对")
    weak_fmt, sure_fmt = format_at(pane.view, weak.start), format_at(pane.view, sure.start)
    assert weak_fmt.underlineStyle() == WAVE and weak_fmt.underlineColor() == text_formats.weak_line_colour("count")
    assert weak_fmt.background().color() == text_formats.figure_format("count", Role.ACTUAL).background().color()
    assert sure_fmt.underlineStyle() != WAVE
    assert format_at(pane.view, target.start).underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    assert "需核对" in [chip.toolTip()[:3] for chip in pane.legend.findChildren(FormatChip)]


def test_the_tooltip_says_how_each_slot_was_found(qtbot: QtBot) -> None:
    weak = figures_with_a_guess()[2]
    tip = figure_tooltip(weak)
    assert "判定依据" in tip and "指标：" in tip and "临时（取自原文短语）" in tip
    assert "地区：" in tip and "文件默认（从全文推断）" in tip and "年份：" in tip and "所在分句" in tip
    assert tip.count("需核对") == 2, "the indicator and the place are weak, the year is not"
    assert "<b>区级</b>" not in tip and "&lt;b&gt;区级&lt;/b&gt;" in tip, "document text is escaped"
    sure = fakes.make_figures()[0]
    assert "需核对" not in figure_tooltip(sure) and "指标库（原文名称）" in figure_tooltip(sure)


def test_the_tooltip_in_english(english: None, qtbot: QtBot) -> None:
    from viewer.ui.i18n import tr

    assert tr("%n 个需核对", 2) == "2 to verify"
    tip = figure_tooltip(figures_with_a_guess()[2])
    assert "How it was found" in tip and "provisional (a phrase of the text)" in tip
    assert "document default (inferred from its text)" in tip and "to verify" in tip


def weak_series() -> Series:
    """甲市 2021 was read with a guessed place and year; the other points are sure."""
    series = fakes.make_series()
    series.points[1] = replace(series.points[1], region_how="guessed", period_how="fallback",
                               weak=("region", "year"))
    return series


SURE = "研发投入（核实）"


def spot_brushes(pane: ChartPane, key: tuple[str, str]) -> dict[int, str]:
    return {spot.data().year: spot.brush().color().name() for spot in pane.spots[key].points()}


@pytest.fixture
def weak_pane(qtbot: QtBot, tmp_path: Path) -> Iterator[ChartPane]:
    """研发投入 with 甲市 2021 weak; the same values, all sure, as another indicator."""
    series = weak_series()
    series.points[0] = replace(series.points[0], sentence="=1+1 甲市研发投入")
    sure = Series(SURE, "元", "money", [replace(p, weak=()) for p in fakes.make_series().points])
    library = store_of(tmp_path / "store.db", series, sure)
    pane = ChartPane(library)
    qtbot.addWidget(pane)
    yield pane
    library.close()


def test_a_weak_point_is_hollow_and_its_hover_says_what_to_check(weak_pane: ChartPane) -> None:
    pane = weak_pane
    pane.show_indicator("研发投入")
    colour = chart_style.region_colours(["乙市", "甲市"])["甲市"].name()
    assert spot_brushes(pane, ("甲市", "actual")) == {2020: colour, 2021: chart_style.HOLLOW, 2022: colour}
    assert set(spot_brushes(pane, ("乙市", "actual")).values()) != {chart_style.HOLLOW}
    assert [spot.pen().color().name() for spot in pane.spots[("甲市", "actual")].points()] == [colour] * 3
    xs, _ys = pane.spots[("甲市", "actual")].getData()
    assert xs.tolist() == [2020, 2021, 2022]  # the hollow point is still drawn where it belongs
    weak, sure = (next(p for p in pane.visible_points() if (p.region, p.year) == ("甲市", year)) for year in (2021, 2020))
    assert weak.weak == ("region", "year")
    tip = pane.point_tooltip(weak)
    assert "需核对" in tip and "地区：文件默认（从全文推断）" in tip and "年份：文件年份（推断）" in tip
    assert "指标：" not in tip, "the indicator is sure"
    assert "需核对" not in pane.point_tooltip(sure)
    assert "空心" in pane.legend.text()
    pane.show_indicator(SURE)  # drawn with the same items: none of its points is hollow
    assert chart_style.HOLLOW not in spot_brushes(pane, ("甲市", "actual")).values()
    assert "空心" not in pane.legend.text()


def test_the_chart_data_export_lists_what_to_check(weak_pane: ChartPane, tmp_path: Path) -> None:
    pane = weak_pane
    pane.show_indicator("研发投入")
    out = tmp_path / "series.csv"
    pane.export_data(out)
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert list(rows[0]) == COLUMNS
    by_year = {(r["region"], r["year"]): r for r in rows}
    assert by_year[("甲市", "2021")]["check"] == "region,year" and by_year[("甲市", "2021")]["region_how"] == "guessed"
    assert by_year[("甲市", "2020")]["check"] == ""
    assert by_year[("甲市", "2020")]["sentence"].startswith("'=1+1 甲市研发投入"), "a formula is written as text"
    write_series(weak_series(), tmp_path / "series.xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "series.xlsx").active
    assert [c.value for c in sheet[1]] == COLUMNS


def test_the_chart_reads_weak_points_from_the_store(qtbot: QtBot, tmp_path: Path) -> None:
    from viewer.model import AnalyzedDocument, Document, Paragraph, Sentence
    from viewer.services.library import Library
    from viewer.store import documents as store_documents
    from viewer.store import open_store

    text = "青溪区科技工作总结。区级财政科技专项经费3000万元。次年区级财政科技专项经费3500万元。"
    figures = []
    for year, needle, guessed in ((2022, "3000万元", True), (2023, "3500万元", False)):
        start = text.index(needle)
        figures.append(Figure(start, start + len(needle), needle, float(needle[:4]) * 1e4, "元", "money", year=year,
                              indicator="区级财政科技专项经费", region="青溪区", sentence_start=10, sentence_end=len(text),
                              provisional=False, indicator_how="alias", region_how="guessed" if guessed else "clause",
                              period_how="clause"))
    db = open_store(tmp_path / "s.db")
    store_documents.save_document(db, AnalyzedDocument(
        document=Document(path="/r/q.txt", sha256="cd" * 32, text=text, title="青溪区", year=2023),
        paragraphs=[Paragraph(0, 0, len(text))], paragraph_hashes=[None], sentences=[Sentence(0, 0, len(text), 0)],
        figures=figures, analysis_version=2))
    db.conn.close()
    library = Library(tmp_path / "s.db")
    pane = ChartPane(library)
    qtbot.addWidget(pane)
    pane.show_figure(library.figures(1)[1])
    brushes = [(spot.data().year, spot.data().weak, spot.brush().color().name())
               for spot in pane.spots[("青溪区", "actual")].points()]
    assert [(year, weak) for year, weak, _ in brushes] == [(2022, ("region",)), (2023, ())]
    assert brushes[0][2] == chart_style.HOLLOW != brushes[1][2]
    library.close()


def test_the_import_summary_counts_reanalysed_files(qtbot: QtBot) -> None:
    report = IngestReport([ImportOutcome("/a.txt", "reanalysed", doc_id=1), ImportOutcome("/b.txt", "unchanged")])
    assert import_summary(report).splitlines()[0] == "新导入 0，更新 0，重新分析 1，未变 1，失败 0。"
