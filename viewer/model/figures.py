from __future__ import annotations

from dataclasses import dataclass, field


class FigureKind:
    MONEY = "money"
    PERCENT = "percent"
    POINTS = "points"  # 个百分点
    COUNT = "count"
    MULTIPLE = "multiple"
    RANK = "rank"
    PHYSICAL = "physical"
    NUMBER = "number"  # a bare number with no unit that still reads as a figure


class Qualifier:
    EXACT = ""
    MORE_THAN = "more_than"  # 多, 余, 超过
    AT_LEAST = "at_least"  # 以上, 突破
    ABOUT = "about"  # 近, 约, 左右
    UNDER = "under"  # 不到, 以内
    RANGE = "range"  # 1-2家, 10亿至20亿元: value .. value_high


class Role:
    ACTUAL = "actual"
    ESTIMATE = "estimate"
    TARGET = "target"
    CHANGE = "change"
    GROWTH = "growth_rate"
    SHARE = "share"
    RANK = "rank"
    PROGRESS = "progress"  # 完成年度任务的120%: how far a task or target was met


class Modality:
    ACTUAL = "actual"
    ESTIMATE = "estimate"
    TARGET = "target"


@dataclass
class Figure:
    start: int
    end: int
    text: str
    value: float | None  # in the base unit: 元 for money, percent number for %, count for 家
    unit: str  # base unit: 元, %, 个百分点, 家, 倍, 位, 公里 ...
    kind: str
    qualifier: str = Qualifier.EXACT
    value_high: float | None = None  # upper end of a range
    unit_text: str = ""  # the unit as written: 亿元, 万元, ％
    # Attribution, filled at ingest from context:
    year: int | None = None
    period: str = ""  # "2020", "2016-2020", "2022-Q1-Q3", "2022-H1" ...
    period_start: int | None = None
    period_end: int | None = None
    indicator: str | None = None
    region: str | None = None
    role: str = Role.ACTUAL
    sentence_start: int = 0
    sentence_end: int = 0
    confidence: float = 1.0
    id: int | None = None
    doc_id: int | None = None
    # How the attribution was found, the confidence the reviewer sees (see viewer.text.attribution):
    provisional: bool = False  # the indicator is a phrase of the text, not a taxonomy entry
    indicator_how: str = ""  # alias | level | ratio | list | inherited | provisional | ""
    region_how: str = ""  # clause | sentence | section | document | ""
    period_how: str = ""  # clause | sentence | heading | running | target | document | ""
    modality: str = Modality.ACTUAL  # actual | estimate | target, whatever the role measures
    source: str = "machine"  # machine | reviewer: a reviewer's correction set the attribution
    excluded: bool = False  # the reviewer said it is not a data point


WEAK_PERIODS = frozenset({"", "fallback"})
WEAK_REGIONS = frozenset({"", "guessed"})


def weak_slots(figure: Figure) -> tuple[str, ...]:
    """Which of a figure's indicator, region and year were not read from its text but guessed
    (a provisional indicator, the document's place inferred from its words, the document's
    year): the slots a reviewer should check. A figure the reviewer corrected has none."""
    return slots_to_check(figure.indicator is not None, figure.region is not None, figure.year is not None,
                          figure.provisional, figure.region_how, figure.period_how, figure.source)


def slots_to_check(has_indicator: bool, has_region: bool, has_year: bool, provisional: bool, region_how: str,
                   period_how: str, source: str) -> tuple[str, ...]:
    """`weak_slots` from what it reads of a figure (a chart's marker has no Figure to hand)."""
    if source == "reviewer":
        return ()
    weak = []
    if not has_indicator or provisional:
        weak.append("indicator")
    if not has_region or region_how in WEAK_REGIONS:
        weak.append("region")
    if not has_year or period_how in WEAK_PERIODS:
        weak.append("year")
    return tuple(weak)


@dataclass(slots=True)
class Point:
    """One value of a series, traceable to its source."""

    year: int
    value: float
    region: str
    role: str
    qualifier: str
    figure_id: int
    doc_id: int
    doc_title: str
    start: int
    end: int
    sentence: str
    text: str
    period: str = ""
    value_high: float | None = None
    reports: int = 1  # documents stating this value for this place (a chart marker stands for them all)
    # How its figure was attributed (see Figure) and which of indicator / region / year are weak
    # (`weak_slots` of the figure): the chart draws a weak point hollow.
    provisional: bool = False
    indicator_how: str = ""
    region_how: str = ""
    period_how: str = ""
    modality: str = Modality.ACTUAL
    weak: tuple[str, ...] = ()
    source: str = "machine"  # reviewer: a correction set this point


@dataclass
class Series:
    indicator: str
    unit: str
    kind: str
    points: list[Point] = field(default_factory=list)

    def regions(self) -> list[str]:
        return sorted({p.region for p in self.points})
