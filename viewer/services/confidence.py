"""How a figure's indicator, place and period were found, as export columns: the raw values
(indicator_how, region_how, period_how, provisional, modality) and which slots a reviewer should
check (`weak_slots`), for the figures and series exports and the review report."""

from __future__ import annotations

from typing import Any

from viewer.model import Figure, Point, weak_slots

CONFIDENCE_COLUMNS: tuple[str, ...] = ("indicator_how", "region_how", "period_how", "provisional", "modality",
                                       "check", "source")

SLOT_ZH = {"indicator": "指标", "region": "地区", "year": "年份"}
SLOT_EN = {"indicator": "indicator", "region": "region", "year": "year"}

# The words of the review report (the window has its own, translated through Qt).
INDICATOR_HOW_ZH = {"alias": "指标库（原文名称）", "level": "指标库（按级别）", "ratio": "指标库（比率）",
                    "list": "“分别”列举", "inherited": "沿用前一分句", "provisional": "临时（取自原文短语）",
                    "mapped": "用户词表（临时指标映射）"}
INDICATOR_HOW_EN = {"alias": "taxonomy (named in the text)", "level": "taxonomy (by level)",
                    "ratio": "taxonomy (ratio)", "list": "分别 list", "inherited": "from an earlier clause",
                    "provisional": "provisional (a phrase of the text)",
                    "mapped": "user lexicon (provisional mapping)"}
REGION_HOW_ZH = {"clause": "所在分句", "sentence": "所在句子", "section": "所在章节", "document": "文件所属地区",
                 "guessed": "文件默认（从全文推断）"}
REGION_HOW_EN = {"clause": "its clause", "sentence": "its sentence", "section": "its section",
                 "document": "the document's place", "guessed": "document default (inferred from its text)"}
PERIOD_HOW_ZH = {"clause": "所在分句", "sentence": "所在句子", "heading": "所在章节标题", "running": "上文所述时期",
                 "target": "目标年份", "fallback": "文件年份（推断）"}
PERIOD_HOW_EN = {"clause": "its clause", "sentence": "its sentence", "heading": "its section heading",
                 "running": "the period the text is about", "target": "the target year",
                 "fallback": "the document's year (guessed)"}
MODALITY_ZH = {"actual": "实际", "estimate": "预计", "target": "目标"}
MODALITY_EN = {"actual": "actual", "estimate": "estimate", "target": "target"}
NOT_RECORDED = {"zh": "未记录", "en": "not recorded"}


def check_slots(slots: tuple[str, ...]) -> str:
    """The weak slots as one cell: "indicator,region" ("" when the figure is sure)."""
    return ",".join(slots)


def figure_columns(figure: Figure) -> dict[str, Any]:
    """The confidence columns of a figure (raw values, as stored)."""
    return {"indicator_how": figure.indicator_how, "region_how": figure.region_how,
            "period_how": figure.period_how, "provisional": figure.provisional, "modality": figure.modality,
            "check": check_slots(weak_slots(figure)), "source": figure.source}


def point_columns(point: Point) -> dict[str, Any]:
    """The confidence columns of a series point (its figure's)."""
    return {"indicator_how": point.indicator_how, "region_how": point.region_how,
            "period_how": point.period_how, "provisional": point.provisional, "modality": point.modality,
            "check": check_slots(point.weak), "source": point.source}


def _how(labels: dict[str, str], how: str, lang: str) -> str:
    return labels.get(how, how) if how else NOT_RECORDED[lang]


def figure_words(figure: Figure, lang: str) -> dict[str, str]:
    """The confidence columns in words, for the review report."""
    zh = lang == "zh"
    return {
        "indicator_how": _how(INDICATOR_HOW_ZH if zh else INDICATOR_HOW_EN, figure.indicator_how, lang)
        if figure.indicator else "",
        "region_how": _how(REGION_HOW_ZH if zh else REGION_HOW_EN, figure.region_how, lang) if figure.region else "",
        "period_how": _how(PERIOD_HOW_ZH if zh else PERIOD_HOW_EN, figure.period_how, lang) if figure.year else "",
        "provisional": ("是" if zh else "yes") if figure.provisional else "",
        "modality": (MODALITY_ZH if zh else MODALITY_EN).get(figure.modality, figure.modality),
        "check": ("、" if zh else ", ").join((SLOT_ZH if zh else SLOT_EN)[s] for s in weak_slots(figure)),
        "source": (("审核员更正" if zh else "reviewer's correction") if figure.source == "reviewer" else ""),
    }
