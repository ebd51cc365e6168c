"""Words for how a figure's indicator, place and year were found, and which of them to check
(`viewer.model.weak_slots`): the document pane's tooltip and the chart's hover text. Plain text;
callers escape it."""

from __future__ import annotations

from viewer.model import Figure, Point
from viewer.ui.i18n import tr

SLOTS = ("indicator", "region", "year")
WEAK_COLOUR = "#e8590c"


def indicator_how_label(how: str) -> str:
    labels = {
        "alias": tr("指标库（原文名称）"),
        "level": tr("指标库（按级别）"),
        "ratio": tr("指标库（比率）"),
        "list": tr("“分别”列举"),
        "inherited": tr("沿用前一分句"),
        "provisional": tr("临时（取自原文短语）"),
        "mapped": tr("用户词表（临时指标映射）"),
    }
    return labels.get(how, how) if how else tr("未记录")


def region_how_label(how: str) -> str:
    labels = {
        "clause": tr("所在分句"),
        "sentence": tr("所在句子"),
        "section": tr("所在章节"),
        "document": tr("文件所属地区"),
        "guessed": tr("文件默认（从全文推断）"),
    }
    return labels.get(how, how) if how else tr("未记录")


def period_how_label(how: str) -> str:
    labels = {
        "clause": tr("所在分句"),
        "sentence": tr("所在句子"),
        "heading": tr("所在章节标题"),
        "running": tr("上文所述时期"),
        "target": tr("目标年份"),
        "fallback": tr("文件年份（推断）"),
    }
    return labels.get(how, how) if how else tr("未记录")


def slot_name(slot: str) -> str:
    """"指标：", "地区：", "年份：" (with the colon)."""
    return {"indicator": tr("指标："), "region": tr("地区："), "year": tr("年份：")}[slot]


def slot_words(indicator: str | None, provisional: bool, indicator_how: str, region: str | None,
               region_how: str, year: int | None, period_how: str) -> dict[str, str]:
    """slot -> how it was found, in words."""
    indicator_words = indicator_how_label(indicator_how) if indicator else tr("（未关联）")
    if indicator and provisional and indicator_how != "provisional":
        indicator_words += tr("（临时指标）")
    return {
        "indicator": indicator_words,
        "region": region_how_label(region_how) if region else "—",
        "year": period_how_label(period_how) if year is not None else "—",
    }


def figure_slot_words(figure: Figure) -> dict[str, str]:
    return slot_words(figure.indicator, figure.provisional, figure.indicator_how, figure.region, figure.region_how,
                      figure.year, figure.period_how)


def point_slot_words(point: Point, indicator: str) -> dict[str, str]:
    return slot_words(indicator, point.provisional, point.indicator_how, point.region, point.region_how,
                      point.year, point.period_how)


def weak_summary(words: dict[str, str], weak: tuple[str, ...]) -> str:
    """"需核对 · 地区：文件默认（从全文推断）；年份：…": the weak slots and how each was found."""
    if not weak:
        return ""
    return tr("需核对") + " · " + tr("；").join(slot_name(s) + words[s] for s in SLOTS if s in weak)
