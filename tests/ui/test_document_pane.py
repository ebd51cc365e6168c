from __future__ import annotations

import ui_fakes as fakes
from PySide6.QtGui import QColor, QTextCharFormat
from pytestqt.qtbot import QtBot

from viewer.ui.document_pane import DocumentPane
from viewer.ui.document_view import DocumentView
from viewer.ui.find_bar import find_all
from viewer.ui.palette import FIGURE_COLOURS, SEARCH_COLOUR


def formats_at(view: DocumentView, cp: int) -> QTextCharFormat | None:
    """The highlighter's format covering code point `cp`, read back from the block layout."""
    utf16 = cp + fakes.TEXT[:cp].count(fakes.ASTRAL)
    block = view.document().findBlock(utf16)
    offset = utf16 - block.position()
    for fmt_range in block.layout().formats():
        if fmt_range.start <= offset < fmt_range.start + fmt_range.length:
            return QTextCharFormat(fmt_range.format)
    return None


def make_pane(qtbot: QtBot) -> DocumentPane:
    pane = DocumentPane()
    qtbot.addWidget(pane)
    pane.resize(900, 600)
    pane.show()
    pane.show_document(fakes.make_document(), fakes.make_paragraphs(), fakes.make_figures(),
                       fakes.make_mentions())
    return pane


def test_text_is_shown_as_plain_text(qtbot: QtBot) -> None:
    pane = DocumentPane()
    qtbot.addWidget(pane)
    document = fakes.make_document()
    document.text = "<b>不是标记</b>\n&amp; 第二段"
    pane.show_document(document)
    assert pane.view.toPlainText() == document.text
    assert pane.view.document().blockCount() == 2


def test_figure_after_astral_character_is_highlighted_exactly(qtbot: QtBot) -> None:
    pane = make_pane(qtbot)
    money = fakes.make_figures()[0]
    fmt = formats_at(pane.view, money.start)
    assert fmt is not None and fmt.background().color() == QColor(FIGURE_COLOURS["money"])
    assert formats_at(pane.view, money.end - 1) is not None
    before = formats_at(pane.view, money.start - 1)
    painted_as_money = before is not None and bool(before.background().style()) and \
        before.background().color() == QColor(FIGURE_COLOURS["money"])
    assert not painted_as_money, "the character before the figure keeps its own format"
    pane.view.select_figure(money.id or 0)
    assert pane.view.textCursor().selectedText() == "34.94亿元"
    assert pane.view.selected_span() == (money.start, money.end)


def test_target_differs_from_actual(qtbot: QtBot) -> None:
    pane = make_pane(qtbot)
    actual, target = fakes.make_figures()[2], fakes.make_figures()[3]
    actual_fmt, target_fmt = formats_at(pane.view, actual.start), formats_at(pane.view, target.start)
    assert actual_fmt is not None and target_fmt is not None
    assert target_fmt.fontItalic() and not actual_fmt.fontItalic()
    assert target_fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline


def test_tooltip_describes_figure(qtbot: QtBot) -> None:
    pane = make_pane(qtbot)
    money = fakes.make_figures()[0]
    tip = pane.view.tooltip_at(money.start + 2)
    assert "研发投入" in tip and "34.94 亿元" in tip and "甲市" in tip
    assert pane.view.tooltip_at(0) == "" or "地点" in pane.view.tooltip_at(0)


def test_click_on_figure_emits_it(qtbot: QtBot) -> None:
    pane = make_pane(qtbot)
    money = fakes.make_figures()[0]
    view = pane.view
    view.select_span(money.start + 1, money.start + 1)
    point = view.cursorRect().center()
    point.setX(point.x() + 3)
    with qtbot.waitSignal(view.figureActivated) as blocker:
        qtbot.mouseClick(view.viewport(), __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton,
                         pos=point)
    assert blocker.args[0].id == money.id
    assert view.selected_span() == (money.start, money.end)


def test_next_and_previous_figure(qtbot: QtBot) -> None:
    pane = make_pane(qtbot)
    figures = fakes.make_figures()
    pane.view.select_span(0, 0)
    seen = [pane.view.step_figure().id for _ in range(5)]  # type: ignore[union-attr]
    assert seen == [1, 2, 3, 4, 1]
    assert pane.view.step_figure(forward=False).id == 4  # type: ignore[union-attr]
    assert pane.view.selected_span() == (figures[3].start, figures[3].end)


def test_entity_types_switch_and_repeated_paragraphs(qtbot: QtBot) -> None:
    pane = make_pane(qtbot)
    place = next(m for m in fakes.make_mentions() if m.type == "place" and m.start > 2)
    assert formats_at(pane.view, place.start) is not None
    pane.legend.type_boxes["place"].setChecked(False)
    fmt = formats_at(pane.view, place.start)
    assert fmt is None or fmt.foreground().style() == 0
    repeated = fakes.make_paragraphs()[2]
    assert formats_at(pane.view, repeated.start) is not None


def test_search_hits_and_find_bar(qtbot: QtBot) -> None:
    pane = make_pane(qtbot)
    pane.set_hit_spans([(0, 2)])
    fmt = formats_at(pane.view, 0)
    assert fmt is not None and fmt.background().color() == QColor(SEARCH_COLOUR)
    pane.open_find()
    pane.find_bar.edit.setText("312家")
    assert len(pane.find_bar.matches) == 2
    pane.find_bar.next_match()
    start = fakes.TEXT.index("312家")
    assert pane.view.selected_span() == (start, start + 4)


def test_font_zoom(qtbot: QtBot) -> None:
    pane = make_pane(qtbot)
    size = pane.view.point_size()
    pane.view.zoom(2)
    assert pane.view.point_size() == size + 2
    assert pane.view.document().defaultFont().pointSizeF() == size + 2
    pane.view.reset_zoom()
    assert pane.view.point_size() == size


def test_find_all_is_case_insensitive() -> None:
    assert find_all("GDP与gdp", "gdp") == [(0, 3), (4, 7)]
    assert find_all("abc", "") == []


def test_hover_shows_the_figure_tooltip(qtbot: QtBot) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    pane = make_pane(qtbot)
    money = fakes.make_figures()[0]
    view = pane.view
    view.select_span(money.start + 1, money.start + 1)
    qtbot.wait(10)
    pos = view.cursorRect().center() + QPoint(3, 0)
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    assert "研发投入" in QToolTip.text()
    QToolTip.hideText()
