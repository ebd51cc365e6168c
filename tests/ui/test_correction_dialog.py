"""The correction editor on its own: what it shows, what it answers, its keyboard use, the
options others add, and English labels."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QLabel
from pytestqt.qtbot import QtBot

from viewer.model import Correction, Figure, Role
from viewer.services.correction_choices import EditorChoices
from viewer.services.library import Library
from viewer.ui.correction_dialog import CorrectionDialog, sentence_with_figure
from viewer.ui.i18n import install_language

# Invented sentence.
SENTENCE = "全市技术合同成交额31亿元，<b>服务</b>热线96322全天开放。"


@pytest.fixture(scope="module")
def choices() -> Iterator[EditorChoices]:
    library = Library(":memory:")
    yield library.corrections.choices()
    library.close()


def contracts() -> Figure:
    start = SENTENCE.index("31亿元")
    return Figure(100 + start, 100 + start + 5, "31亿元", 3.1e9, "元", "money", unit_text="亿元", year=2023,
                  period="2023", period_start=2023, period_end=2023, indicator="技术合同成交额", region="湘潭市",
                  role=Role.ACTUAL, sentence_start=100, sentence_end=100 + len(SENTENCE), id=7, doc_id=1)


def editor(qtbot: QtBot, choices: EditorChoices, figure: Figure | None = None,
           correction: Correction | None = None) -> CorrectionDialog:
    dialog = CorrectionDialog(figure or contracts(), SENTENCE, choices, correction, fallback_year=2023)
    qtbot.addWidget(dialog)
    return dialog


def test_it_shows_the_figure_in_its_sentence_as_plain_text_and_what_the_machine_read(
        qtbot: QtBot, choices: EditorChoices) -> None:
    dialog = editor(qtbot, choices)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "全市技术合同成交额【31亿元】，<b>服务</b>热线96322全天开放。" in texts
    quote = next(label for label in dialog.findChildren(QLabel) if "【31亿元】" in label.text())
    assert quote.textFormat() == Qt.TextFormat.PlainText
    machine = next(t for t in texts if t.startswith("机器识别"))
    assert all(part in machine for part in ("技术合同成交额", "湘潭市", "2023年", "实际值", "31 亿元"))
    assert dialog.indicator.name() == "技术合同成交额" and dialog.place.label() == "湘潭市"
    assert dialog.period.parts().kind == "year" and dialog.period.year.value() == 2023
    assert (dialog.value.edit.text(), dialog.value.unit.currentText()) == ("31", "亿元")
    assert dialog.answer().changes == {}  # nothing changed yet


def test_the_answer_holds_only_what_changed(qtbot: QtBot, choices: EditorChoices) -> None:
    dialog = editor(qtbot, choices)
    dialog.place.edit.setText("湖南省 › 株洲市 › 醴陵市")
    dialog.period.kind.setCurrentIndex(dialog.period.kind.findData("span"))
    dialog.period.first_year.setValue(2021)
    dialog.period.year.setValue(2025)
    dialog.role.setCurrentIndex(dialog.role.findData(Role.TARGET))
    dialog.value.edit.setText("40–45")
    answer = dialog.answer()
    assert answer.figure_id == 7
    assert answer.changes == {"region": "醴陵市", "year": 2025, "period": "2021-2025", "period_start": 2021,
                              "period_end": 2025, "role": Role.TARGET, "value": 4e9, "value_high": 4.5e9}
    assert answer.values["indicator"] == "技术合同成交额" and not answer.excluded


def test_a_new_indicator_name_is_allowed_and_described(qtbot: QtBot, choices: EditorChoices) -> None:
    dialog = editor(qtbot, choices)
    dialog.indicator.box.setEditText("技术交易服务收入")
    assert "暂定" in dialog.indicator.note.text()
    dialog.indicator.box.setEditText("研发经费投入")
    assert "指标库" in dialog.indicator.note.text() and "研发投入" in dialog.indicator.note.text()
    dialog.indicator.box.setEditText("技术交易服务收入")
    assert dialog.answer().changes == {"indicator": "技术交易服务收入"}


def test_typing_filters_indicators_by_alias_and_places_by_name(qtbot: QtBot, choices: EditorChoices) -> None:
    dialog = editor(qtbot, choices)
    dialog.show()
    completer = dialog.place.edit.completer()
    completer.setCompletionPrefix("醴陵")
    shown = [completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())]
    assert shown == ["湖南省 › 株洲市 › 醴陵市"]
    assert completer.pathFromIndex(completer.completionModel().index(0, 0)) == "醴陵市"
    entry = next(c for c in choices.indicators if c.aliases and c.origin == "taxonomy")
    alias = next(a for a in entry.aliases if a not in entry.name)
    completer = dialog.indicator.box.completer()
    completer.setCompletionPrefix(alias)
    found = [completer.pathFromIndex(completer.completionModel().index(i, 0))
             for i in range(completer.completionCount())]
    assert entry.name in found


def test_errors_keep_the_editor_open_and_say_what_is_wrong(qtbot: QtBot, choices: EditorChoices) -> None:
    dialog = editor(qtbot, choices)
    dialog.show()
    dialog.place.edit.setText("不存在的地方")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.isVisibleTo(dialog) and "不存在的地方" in dialog.error.text()
    dialog.place.edit.setText("湘潭市")
    dialog.value.edit.setText("三十一点")
    assert "数值有误" in dialog.value.note.text()
    dialog.accept()
    assert dialog.isVisible() and "数值有误" in dialog.error.text()
    dialog.value.edit.setText("31")
    dialog.period.kind.setCurrentIndex(dialog.period.kind.findData("span"))
    dialog.period.first_year.setValue(2024)
    dialog.accept()
    assert dialog.isVisible() and "时期有误" in dialog.error.text()
    dialog.period.first_year.setValue(2021)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted.value and dialog.accepted_answer is not None


def test_not_a_data_point_disables_the_fields(qtbot: QtBot, choices: EditorChoices) -> None:
    dialog = editor(qtbot, choices)
    dialog.value.edit.setText("not a number")
    dialog.excluded.setChecked(True)
    assert not dialog.fields.isEnabled()
    answer = dialog.answer()  # the fields do not matter any more
    assert answer.changes == {"excluded": True} and answer.excluded


def test_an_excluded_figure_shows_the_indicator_and_place_it_had(qtbot: QtBot, choices: EditorChoices) -> None:
    figure = contracts()
    figure.indicator, figure.region, figure.excluded, figure.source = None, None, True, "reviewer"
    correction = Correction("a.txt", figure.start, figure.end, "31亿元", {"excluded": True},
                            {"excluded": False, "indicator": "技术合同成交额", "region": "湘潭市"})
    dialog = editor(qtbot, choices, figure, correction)
    assert dialog.excluded.isChecked() and not dialog.fields.isEnabled()
    assert dialog.indicator.name() == "技术合同成交额" and dialog.place.label() == "湘潭市"
    assert dialog.corrected_note is not None and "不计入序列" in dialog.corrected_note.text()
    dialog.excluded.setChecked(False)
    assert dialog.answer().changes == {"excluded": False, "indicator": "技术合同成交额", "region": "湘潭市"}


def test_keyboard_tab_order_mnemonics_enter_and_escape(qtbot: QtBot, choices: EditorChoices) -> None:
    dialog = editor(qtbot, choices)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert QApplication.focusWidget() in (dialog.indicator.box, dialog.indicator.box.lineEdit())
    order = []
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    # the span's first year and the month are hidden for a whole year: Tab skips them
    assert order == [dialog.place.edit, dialog.period.kind, dialog.period.year, dialog.role, dialog.value.edit,
                     dialog.value.unit, dialog.excluded]
    buddies = {label.text(): label.buddy() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    assert buddies["指标(&I)："] is dialog.indicator.box and buddies["地区(&P)："] is dialog.place.edit
    assert buddies["时期(&Y)："] is dialog.period.kind and buddies["数值(&V)："] is dialog.value.edit
    assert buddies["角色(&R)："] is dialog.role
    assert "(&X)" in dialog.findChild(QCheckBox).text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.value.edit
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.place.edit
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.excluded.isChecked)  # a button's mnemonic clicks it after a short flash
    assert not dialog.fields.isEnabled()
    dialog.excluded.setChecked(False)
    qtbot.keyClick(dialog.place.edit, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected.value and not dialog.isVisible()

    dialog = editor(qtbot, choices)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.value.edit.setFocus()
    dialog.value.edit.setText("32")
    qtbot.keyClick(dialog.value.edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted.value
    assert dialog.accepted_answer is not None and dialog.accepted_answer.changes == {"value": 3.2e9}


def test_options_added_by_others_come_back_in_the_answer(qtbot: QtBot, choices: EditorChoices) -> None:
    dialog = editor(qtbot, choices)
    everywhere = QCheckBox("应用到所有文档")
    dialog.add_option("everywhere", everywhere, everywhere.isChecked)
    assert dialog.answer().options == {"everywhere": False}
    everywhere.setChecked(True)
    assert dialog.answer().options == {"everywhere": True}


def test_sentence_is_cut_around_a_figure_in_a_long_sentence() -> None:
    figure = contracts()
    long = "前文" * 200 + SENTENCE
    figure.sentence_start = figure.start - len("前文" * 200) - SENTENCE.index("31亿元")
    shown = sentence_with_figure(long, figure)
    assert "【31亿元】" in shown and len(shown) <= 170 and shown.startswith("…")


@pytest.fixture
def english(qtbot: QtBot) -> Iterator[None]:
    assert install_language("en")
    yield
    install_language("zh")


def test_english_labels(english: None, qtbot: QtBot, choices: EditorChoices) -> None:
    dialog = CorrectionDialog(contracts(), SENTENCE, choices, language="en")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Correct figure"
    assert dialog.role.currentText() == "actual"
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Indicator:", "&Place:", "&Year and period:", "&Role:", "&Value:"} <= labels
    assert dialog.period.kind.currentText() == "Whole year"


def test_a_period_or_unit_the_boxes_cannot_show_is_kept_while_untouched(qtbot: QtBot, choices: EditorChoices) -> None:
    figure = contracts()
    figure.period, figure.unit, figure.unit_text, figure.value = "2023-M02-M05", "成", "成", 3.0
    dialog = editor(qtbot, choices, figure)
    assert dialog.answer().changes == {}
    dialog.indicator.box.setEditText("研发经费投入")
    assert dialog.answer().changes == {"indicator": "研发经费投入"}
    dialog.period.kind.setCurrentIndex(dialog.period.kind.findData("H1"))
    assert dialog.answer().changes["period"] == "2023-H1"
