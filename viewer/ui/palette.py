"""Colours for figure kinds, entity types, regions and marks, shared by all panes (their words: labels.py)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from viewer.model import EntityType, FigureKind

FIGURE_COLOURS: dict[str, str] = {
    FigureKind.MONEY: "#ffd8a8",
    FigureKind.PERCENT: "#c3f0c8",
    FigureKind.POINTS: "#d8f5a2",
    FigureKind.COUNT: "#bfdcff",
    FigureKind.MULTIPLE: "#e5c8f5",
    FigureKind.RANK: "#ffc9c9",
    FigureKind.PHYSICAL: "#e0d4c8",
    FigureKind.NUMBER: "#e6e6e6",
}

ENTITY_COLOURS: dict[str, str] = {
    EntityType.PLACE: "#0b7a6b",
    EntityType.ORG: "#1a56b0",
    EntityType.PERSON: "#b0275e",
    EntityType.POLICY: "#7a2fa8",
    EntityType.PROGRAMME: "#b85600",
    EntityType.INDICATOR: "#4a5a66",
}

# Distinct, colour-blind friendly line colours for regions in the chart.
REGION_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"]

SEARCH_COLOUR = "#ffe066"
ENTITY_SELECTED_COLOUR = "#ffb3a7"
REPEATED_COLOUR = "#f1ecf7"
NOTE_COLOUR = "#d5f5ec"
NOTE_LINE_COLOUR = "#0ca678"
FINDING_COLOUR = "#e03131"
REVIEWER_COLOUR = "#5f3dc4"  # what the reviewer corrected: figures in the text, points in the chart
EXCLUDED_COLOUR = "#868e96"  # figures the reviewer said are not data points


def figure_colour(kind: str) -> QColor:
    return QColor(FIGURE_COLOURS.get(kind, FIGURE_COLOURS[FigureKind.NUMBER]))


def entity_colour(entity_type: str) -> QColor:
    return QColor(ENTITY_COLOURS.get(entity_type, "#444444"))
