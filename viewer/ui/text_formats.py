"""Character formats for highlighted spans in the document pane."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QFont, QTextCharFormat

from viewer.model import Role
from viewer.ui.palette import (
    ENTITY_SELECTED_COLOUR,
    EXCLUDED_COLOUR,
    FINDING_COLOUR,
    NOTE_COLOUR,
    NOTE_LINE_COLOUR,
    REPEATED_COLOUR,
    REVIEWER_COLOUR,
    SEARCH_COLOUR,
    entity_colour,
    figure_colour,
)


@cache
def figure_format(kind: str, role: str, weak: bool = False) -> QTextCharFormat:
    """Actuals: solid fill. Targets: dashed underline, italic. Estimates: dotted underline.
    Weak (an indicator, place or year guessed, not read: `viewer.model.weak_slots`): a wavy
    underline in the figure's colour instead (a finding's wavy underline is red, and wins)."""
    fmt = _figure_format(kind, role)
    if weak:
        fmt = QTextCharFormat(fmt)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(weak_line_colour(kind))
    return fmt


@cache
def corrected_format(kind: str, role: str) -> QTextCharFormat:
    """A figure the reviewer corrected: its kind's fill (a target stays italic), bold text
    underlined in the reviewer's colour (a finding's red wavy underline still wins)."""
    fmt = QTextCharFormat(_figure_format(kind, role))
    fmt.setForeground(QColor(REVIEWER_COLOUR))
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(QColor(REVIEWER_COLOUR))
    return fmt


@cache
def excluded_format() -> QTextCharFormat:
    """A figure the reviewer said is not a data point: grey and struck through, no fill."""
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(EXCLUDED_COLOUR))
    fmt.setFontStrikeOut(True)
    return fmt


@cache
def weak_line_colour(kind: str) -> QColor:
    """The figure's colour, saturated and darkened enough for a line on its own pale fill."""
    colour = figure_colour(kind)
    if colour.hsvSaturation() < 20:  # a grey
        return QColor.fromHsv(0, 0, 110)
    return QColor.fromHsv(colour.hsvHue(), 230, 150)


def _figure_format(kind: str, role: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    colour = figure_colour(kind)
    fmt.setBackground(colour)
    fmt.setUnderlineColor(colour.darker(170))
    if role == Role.TARGET:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setFontItalic(True)
        fmt.setBackground(colour.lighter(112))
    elif role == Role.ESTIMATE:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setFontItalic(True)
        fmt.setBackground(colour.lighter(112))
    else:
        fmt.setFontWeight(QFont.Weight.DemiBold)
    return fmt


@cache
def entity_format(entity_type: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(entity_colour(entity_type))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(entity_colour(entity_type).lighter(150))
    return fmt


@cache
def selected_entity_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(ENTITY_SELECTED_COLOUR))
    fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


@cache
def search_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(SEARCH_COLOUR))
    fmt.setForeground(QColor("#000000"))
    return fmt


@cache
def repeated_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(REPEATED_COLOUR))
    return fmt


@cache
def finding_format() -> QTextCharFormat:
    """A figure with a finding that needs attention: red wavy underline (merged over its fill)."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(QColor(FINDING_COLOUR))
    return fmt


@cache
def note_format() -> QTextCharFormat:
    """An annotated span: a light background and a dotted line under it."""
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(NOTE_COLOUR))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(QColor(NOTE_LINE_COLOUR))
    return fmt
