"""The words the panes show for figure kinds, roles, qualifiers and entity types (zh/en)."""

from __future__ import annotations

from viewer.model import EntityType, FigureKind, Qualifier, Role
from viewer.ui.i18n import tr
from viewer.ui.palette import ENTITY_COLOURS, FIGURE_COLOURS


def figure_kind_label(kind: str) -> str:
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


def figure_kind_order() -> list[str]:
    return list(FIGURE_COLOURS)  # the legend's order


def entity_type_order() -> list[str]:
    return list(ENTITY_COLOURS)
