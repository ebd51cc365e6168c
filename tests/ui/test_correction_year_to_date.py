"""The correction editor's period box with a year to date (今年以来): shown, kept, chosen."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from viewer.services.correction_periods import PeriodKind, period_parts
from viewer.ui.correction_fields import PeriodField
from viewer.ui.correction_labels import period_kind_label, period_label
from viewer.ui.i18n import install_language


def field(qtbot: QtBot, period: str) -> PeriodField:
    box = PeriodField()
    qtbot.addWidget(box)
    box.set_parts(period_parts(period, 2023, 2023, 2023), 2023)
    return box


def test_a_year_to_date_is_shown_and_kept(qtbot: QtBot) -> None:
    box = field(qtbot, "2023-YTD-11")
    assert box.kind.currentText() == "今年以来" and box.month.value() == 11
    assert box.fields() == {"year": 2023, "period": "2023-YTD-11", "period_start": 2023, "period_end": 2023}
    box = field(qtbot, "2023-YTD")
    assert box.month.text() == "发布月不详"  # no publication month: the box says so
    assert box.fields()["period"] == "2023-YTD"


def test_a_year_to_date_can_be_chosen_and_left_again(qtbot: QtBot) -> None:
    box = field(qtbot, "2023")
    box.kind.setCurrentIndex(box.kind.findData(PeriodKind.YTD))
    box.month.setValue(10)
    assert box.fields()["period"] == "2023-YTD-10"
    box.kind.setCurrentIndex(box.kind.findData(PeriodKind.AS_OF))
    assert box.month.prefix() == "N = " and box.month.specialValueText() == ""
    assert box.fields()["period"] == "2023-10"


def test_a_year_to_date_in_words_in_both_languages(qtbot: QtBot) -> None:
    assert period_kind_label(PeriodKind.YTD) == "今年以来"
    assert period_label("2023-YTD") == "2023年今年以来"
    assert period_label("2023-YTD-11") == "2023年今年以来（11月发布）"
    install_language("en")
    try:
        assert period_label("2023-YTD") == "Year to date 2023"
        assert period_label("2023-YTD-11") == "Year to date 2023 (published in month 11)"
    finally:
        install_language("zh")
