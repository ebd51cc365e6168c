"""Colours and labels for figure kinds, roles and entity types, shared by all panes."""

from __future__ import annotations

from PySide6.QtGui import QColor

from viewer.model import EntityType, FigureKind, Qualifier, Role
from viewer.ui.i18n import tr

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


def kind_label(kind: str) -> str:
    labels = {
        FigureKind.MONEY: tr("金额"),
        FigureKind.PERCENT: tr("百分比"),
        FigureKind.POINTS: tr("百分点"),
        FigureKind.COUNT: tr("数量"),
        FigureKind.MULTIPLE: tr("倍数"),
        FigureKind.RANK: tr("排名"),
        FigureKind.PHYSICAL: tr("实物量"),
        FigureKind.NUMBER: tr("数值"),
    }
    return labels.get(kind, kind)


def role_label(role: str) -> str:
    labels = {
        Role.ACTUAL: tr("实际值"),
        Role.ESTIMATE: tr("预计值"),
        Role.TARGET: tr("目标值"),
        Role.CHANGE: tr("增减量"),
        Role.GROWTH: tr("增长率"),
        Role.SHARE: tr("占比"),
        Role.RANK: tr("排名"),
    }
    return labels.get(role, role)


def qualifier_label(qualifier: str) -> str:
    labels = {
        Qualifier.EXACT: tr("精确"),
        Qualifier.MORE_THAN: tr("超过"),
        Qualifier.AT_LEAST: tr("不少于"),
        Qualifier.ABOUT: tr("约"),
        Qualifier.UNDER: tr("不到"),
        Qualifier.RANGE: tr("区间"),
    }
    return labels.get(qualifier, qualifier)


def entity_type_label(entity_type: str) -> str:
    labels = {
        EntityType.PLACE: tr("地点"),
        EntityType.ORG: tr("机构"),
        EntityType.PERSON: tr("人物"),
        EntityType.POLICY: tr("政策文件"),
        EntityType.PROGRAMME: tr("项目平台"),
        EntityType.INDICATOR: tr("指标"),
    }
    return labels.get(entity_type, entity_type)


def kind_order() -> list[str]:
    return list(FIGURE_COLOURS)


def entity_type_order() -> list[str]:
    return list(ENTITY_COLOURS)
