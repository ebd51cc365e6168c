"""How the chart's points look: markers by group and qualifier, line styles, region colours,
the checks' flags. Which points a chart draws, and which value stands on the line, is decided
in viewer.services.chart.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from viewer.model import Qualifier
from viewer.services.chart import ACTUAL, ESTIMATE, GROUPS, PART, TARGET
from viewer.ui.i18n import tr
from viewer.ui.palette import REGION_COLOURS
from viewer.ui.review_labels import (
    ALERT_COLOUR,
    FINE_COLOUR,
    FLAG_CONFLICT,
    FLAG_MET,
    FLAG_MISSED,
    FLAG_OUTLIER,
    QUESTION_COLOUR,
)

__all__ = ["ACTUAL", "ESTIMATE", "GROUPS", "PART", "TARGET"]


def group_label(group: str) -> str:
    return {ACTUAL: tr("实际"), TARGET: tr("目标"), ESTIMATE: tr("预计"), PART: tr("部分年度")}[group]


def region_colours(regions: list[str]) -> dict[str, QColor]:
    """Each region's colour by its place in `regions` (the drawn ones: at most 7, all distinct)."""
    return {region: QColor(REGION_COLOURS[i % len(REGION_COLOURS)]) for i, region in enumerate(regions)}


def line_style(group: str) -> Qt.PenStyle:
    return {ACTUAL: Qt.PenStyle.SolidLine, TARGET: Qt.PenStyle.DashLine,
            ESTIMATE: Qt.PenStyle.DotLine, PART: Qt.PenStyle.NoPen}[group]


PART_SYMBOL = "s"  # a part of a year: a square, off the line


def _symbol(qualifier: str, group: str) -> str:
    """Qualified values are not exact: an arrow-like triangle points where the value lies."""
    if qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        return "t1"  # triangle pointing up
    if qualifier == Qualifier.UNDER:
        return "t"  # triangle pointing down
    if qualifier == Qualifier.ABOUT:
        return "star"
    if group == ESTIMATE:
        return "d"
    if group == PART:
        return PART_SYMBOL
    return "o"


HOLLOW = "#ffffff"  # the fill of a hollow marker


def fill_colour(group: str, colour: QColor) -> str:
    """What fills the markers of a group: estimates paler, targets palest (hollow is for the
    points to check: `Spots.hollow`)."""
    if group == TARGET:
        return colour.lighter(175).name()
    return (colour.lighter(140) if group == ESTIMATE else colour).name()


@dataclass(frozen=True)
class SpotStyle:
    symbol: str
    size: float


@functools.cache
def spot_style(qualifier: str, group: str) -> SpotStyle:
    return SpotStyle(_symbol(qualifier, group), 11.0 if qualifier else 9.0)


@dataclass(frozen=True)
class FlagStyle:
    symbol: str
    size: float
    colour: str
    dashed: bool


FLAG_STYLES = {
    FLAG_CONFLICT: FlagStyle("o", 24.0, ALERT_COLOUR, True),  # a dashed red ring
    FLAG_OUTLIER: FlagStyle("o", 24.0, QUESTION_COLOUR, True),  # a dashed orange ring
    FLAG_MET: FlagStyle("o", 17.0, FINE_COLOUR, False),  # a green ring round the target
    FLAG_MISSED: FlagStyle("x", 13.0, ALERT_COLOUR, False),  # a red cross over the target
}


def flag_label(flag: str) -> str:
    return {FLAG_CONFLICT: tr("数据冲突"), FLAG_OUTLIER: tr("异常值"), FLAG_MET: tr("目标已完成"),
            FLAG_MISSED: tr("目标未完成")}[flag]


def flag_sample(flag: str) -> str:
    """The legend's picture of a flag, as escaped-safe rich text."""
    style = FLAG_STYLES[flag]
    glyph = {"o": "◯", "x": "✕"}[style.symbol]
    return f"<span style='color:{style.colour}'>{glyph}</span>"
