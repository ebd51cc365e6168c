"""Scoring the whole analysis against hand-made gold from places outside the corpus.

The reports are read at run time from ../shared/dev-reports (excerpts with gold.jsonl, full
provincial reports) ; the provincial gold is ours, in tests/data/provinces_gold.jsonl, quoting
only the few characters around each figure. Each gold row is located by its quote, matched to
the figure inside the quote that has its value (else the last figure there), and compared
field by field. The annotators' indicator names are mapped to the program's canonical names in
INDICATOR_NAMES; a provisional indicator counts as right when it names the same measure.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from viewer.model import Figure
from viewer.text.analysis import text_figures

REPO = Path(__file__).resolve().parent.parent
DEV = REPO.parent / "shared" / "dev-reports"
EXCERPTS = DEV / "excerpts"
PROVINCES = DEV / "provinces"


ROLES = {"growth": "growth_rate", "other": "progress"}
UNITS = {"百分点": "个百分点"}

# The annotators' short names -> the program's canonical names for the same measure. Never two
# different measures (发明专利授权量 is not 专利授权量).
INDICATOR_NAMES: dict[str, tuple[str, ...]] = {
    "研发投入": ("研发经费投入",),
    "研发投入强度": ("研发经费投入强度",),
    "企业研发经费": ("企业研发经费投入",),
    "规上工业研发费用": ("规上工业企业研发费用",),
    "规上工业研发费用占营业收入比重": ("规上工业企业研发费用占营业收入比重",),
    "万人有效发明专利拥有量": ("每万人口发明专利拥有量",),  # the official measure counts 有效 patents
    "每万人高价值发明专利拥有量": ("每万人口高价值发明专利拥有量",),
    "发明专利占授权专利比例": ("发明专利授权量占专利授权量比重",),
    "高新技术产业增加值占比": ("高新技术产业增加值占规上工业增加值比重",),  # 04: 占规上工业增加值的
    "高新技术产业产值占规上工业比重": ("高新技术产业产值占规上工业总产值比重",),
    "规上高技术制造业增加值": ("高技术制造业增加值",),  # measured over 规上 industry by definition
    "制造业增加值占地区生产总值比重": ("制造业增加值占GDP比重",),
    "服务业增加值占地区生产总值比重": ("服务业增加值占GDP比重",),
    "数字经济核心产业增加值占地区生产总值比重": ("数字经济核心产业增加值占GDP比重",),
    "数字经济增加值": ("数字经济规模",),  # 数字经济规模 is the digital economy's value added
    "国家科学技术奖数": ("国家科学技术奖获奖数",),
    "国家级企业技术中心数": ("国家企业技术中心数",),
    "省重点实验室数": ("省级重点实验室数",),
    "省级高企研发中心数": ("省级高新技术企业研究开发中心数",),
    "城镇新增就业": ("城镇新增就业人数",),
    "居民消费价格": ("居民消费价格指数",),
    "全社会固定资产投资": ("固定资产投资",),
    "外贸进出口总额": ("进出口总额",),
    "进出口总值": ("进出口总额",),
}
# 地区生产总值占全国比重: the annotators name a share of a place's total as its own indicator; the
# program files it under the measure with role share.
_PLACE_SHARE = re.compile(r"^(?P<measure>.+)占(?:全国|全省|全市|全区|全县)比重$")

_PROVISIONAL_TAIL = re.compile(r"(?:数量|总数|总量|数|量|总额|额|个数)$")
_PROVISIONAL_HEAD = re.compile(r"^(?:全市|全区|全县|全省|新增|累计|共|有效)")


@dataclass
class Row:
    gold: dict[str, Any]
    figure: Figure | None
    wrong: list[str] = field(default_factory=list)

    @property
    def core(self) -> bool:
        return bool(self.gold.get("core"))


@dataclass
class Score:
    rows: list[Row]

    def rate(self, name: str, core_only: bool = False) -> tuple[int, int]:
        rows = [r for r in self.rows if r.core or not core_only]
        right = sum(1 for r in rows if r.figure is not None and name not in r.wrong)
        return right, len(rows)

    def full(self, core_only: bool = False) -> tuple[int, int]:
        rows = [r for r in self.rows if r.core or not core_only]
        keys = ("value", "indicator", "year", "region")
        right = sum(1 for r in rows if r.figure is not None and not any(k in r.wrong for k in keys))
        return right, len(rows)

    def wrong_among_found(self, name: str) -> tuple[int, int]:
        """Found figures that carry a wrong (not merely missing) value of `name`."""
        found = [r for r in self.rows if r.figure is not None]
        wrong = sum(1 for r in found if name in r.wrong and getattr(r.figure, name) is not None)
        return wrong, len(found)

    def report(self, title: str) -> str:
        lines = [f"{title}: {len(self.rows)} gold figures"]
        for name in ("value", "unit", "indicator", "region", "year", "role"):
            right, total = self.rate(name)
            lines.append(f"  {name:<10} {right:>4}/{total}  {right / max(total, 1):.1%}")
        for label, core in (("full points", False), ("core full", True)):
            right, total = self.full(core)
            lines.append(f"  {label:<10} {right:>4}/{total}  {right / max(total, 1):.1%}")
        for name in ("indicator", "region"):
            wrong, found = self.wrong_among_found(name)
            lines.append(f"  wrong {name:<9} {wrong:>3}/{found}  {wrong / max(found, 1):.1%} of found figures")
        wrong, found = self.wrong_taxonomy()
        lines.append(f"  of them taxonomy {wrong:>3}/{found}  {wrong / max(found, 1):.1%} (the rest: provisional names)")
        return "\n".join(lines)

    def wrong_taxonomy(self) -> tuple[int, int]:
        """Found figures filed under a wrong taxonomy indicator (not a provisional phrase)."""
        found = [r for r in self.rows if r.figure is not None]
        wrong = sum(
            1 for r in found
            if "indicator" in r.wrong and r.figure is not None and r.figure.indicator and not r.figure.provisional
        )
        return wrong, len(found)

    def misses(self) -> list[str]:
        out = []
        for row in self.rows:
            gold = row.gold
            where = f"{gold['file'][:8]} {gold['quote']}"
            if row.figure is None:
                out.append(f"{where}: not found")
            elif row.wrong:
                got = row.figure
                detail = "; ".join(f"{k}={_shown(got, k)} want {gold[k if k != 'region' else 'region']}" for k in row.wrong)
                out.append(f"{where}: {detail}")
        return out


def _shown(figure: Figure, name: str) -> str:
    if name == "year":
        return f"{figure.period or figure.year}"
    if name == "indicator":
        return f"{figure.indicator}{'?' if figure.provisional else ''}"
    return str(getattr(figure, name))


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        pytest.fail(f"{path} is missing: these tests read ../shared/dev-reports at run time")
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def analysed(folder: Path, names: set[str]) -> dict[str, tuple[str, list[Figure]]]:
    out = {}
    for name in sorted(names):
        path = folder / name
        if not path.is_file():
            pytest.fail(f"{path} is missing: these tests read ../shared/dev-reports at run time")
        text = path.read_text(encoding="utf-8")
        out[name] = (text, text_figures(text))
    return out


def score(gold_rows: list[dict[str, Any]], folder: Path) -> Score:
    docs = analysed(folder, {row["file"] for row in gold_rows})
    rows = []
    for gold in gold_rows:
        text, figures = docs[gold["file"]]
        figure = locate(text, figures, gold)
        rows.append(Row(gold, figure, compare(figure, gold) if figure is not None else []))
    return Score(rows)


def locate(text: str, figures: list[Figure], gold: dict[str, Any]) -> Figure | None:
    start = text.find(gold["quote"])
    assert start >= 0, f"{gold['file']}: quote {gold['quote']!r} not in the text"
    end = start + len(gold["quote"])
    inside = [f for f in figures if f.start < end and start < f.end]
    if not inside:
        return None
    for figure in inside:
        if _same_value(figure.value, gold["value"]) or _same_value(figure.value_high, gold["value"]):
            return figure
    return inside[-1]


def _same_value(got: float | None, want: float) -> bool:
    return got is not None and math.isclose(got, float(want), rel_tol=1e-6, abs_tol=1e-9)


def compare(figure: Figure, gold: dict[str, Any]) -> list[str]:
    wrong = []
    if not (_same_value(figure.value, gold["value"]) or _same_value(figure.value_high, gold["value"])):
        wrong.append("value")
    if UNITS.get(gold["unit"], gold["unit"]) != figure.unit:
        wrong.append("unit")
    if not indicator_matches(gold["indicator"], figure):
        wrong.append("indicator")
    if not region_matches(gold["region"], figure.region):
        wrong.append("region")
    if not period_matches(gold["year"], figure):
        wrong.append("year")
    if not role_matches(gold["role"], figure):
        wrong.append("role")
    return wrong


def role_matches(gold: str, figure: Figure) -> bool:
    """The gold's role in the program's terms. The program says what a figure measures in `role`
    and how certain it is in `modality`; a ratio indicator's level (研发投入强度 3%) is what the
    annotators call a share, and a goal of any measure is what they call a target."""
    if ROLES.get(gold, gold) == figure.role:
        return True
    if gold == "target":
        return figure.modality == "target"
    if gold == "share":
        return figure.role in ("actual", "estimate", "target") and _is_ratio(figure.indicator)
    return False


def _is_ratio(indicator: str | None) -> bool:
    if indicator is None:
        return False
    from viewer.text.indicators import load_lexicon

    entry = load_lexicon().get(indicator)
    if entry is not None:
        return entry.unit_kind == "percent"
    return indicator.endswith(("比重", "比例", "占比", "强度", "率"))


def _bare(name: str) -> str:
    name = name.replace("（", "(").replace("）", ")")
    name = re.sub(r"\(.*?\)", "", name)
    name = _PROVISIONAL_HEAD.sub("", name)
    return _PROVISIONAL_TAIL.sub("", name)


def indicator_matches(gold: str, figure: Figure) -> bool:
    got = figure.indicator
    if got is None:
        return False
    if got == gold or got in INDICATOR_NAMES.get(gold, ()):
        return True
    place_share = _PLACE_SHARE.match(gold)
    if place_share is not None and figure.role == "share":
        return indicator_matches(place_share.group("measure"), figure)
    if figure.provisional:
        # A provisional name is the text's own phrase: right when it names the gold's measure,
        # one containing the other's core words (科技人才团队 in 高水平科技人才团队引培数).
        mine, theirs = _bare(got), _bare(gold)
        shorter, longer = sorted((mine, theirs), key=len)
        return mine == theirs or (len(shorter) >= 4 and shorter in longer)
    return False


def region_matches(gold: str, got: str | None) -> bool:
    if got is None:
        return False
    if got == gold:
        return True
    from viewer.text.places import places_named

    names = {p.name for p in places_named(gold)}
    return got in names or any(got.endswith(n) for n in names) or got.endswith(gold)


_SPAN = re.compile(r"^((?:19|20)\d{2})\s*[-—~～至]\s*((?:19|20)\d{2})$")
_MONTHS = re.compile(r"^((?:19|20)\d{2})年(\d{1,2})\s*[-—~～至]\s*(\d{1,2})月$")
_PLAN = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}
_SUB_MONTHS = {"H1": (1, 6), "H2": (7, 12), "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12),
               "Q1-Q3": (1, 9)}


def gold_period(year: str) -> tuple[int, int, tuple[int, int] | None]:
    """(first year, last year, months within the year or None) of a gold year string."""
    year = year.strip()
    if re.fullmatch(r"(?:19|20)\d{2}", year):
        return int(year), int(year), None
    span = _SPAN.match(year)
    if span:
        return int(span.group(1)), int(span.group(2)), None
    months = _MONTHS.match(year)
    if months:
        return int(months.group(1)), int(months.group(1)), (int(months.group(2)), int(months.group(3)))
    for name, first in _PLAN.items():
        if year.startswith(name):
            return first, first + 4, None
    raise ValueError(f"gold year {year!r} is not understood")


def figure_months(label: str) -> tuple[int, int] | None:
    """Months of a sub-year period label ('2022-H1', '2022-M01-M06', '2022-03'), else None."""
    parts = label.split("-", 1)
    if len(parts) < 2 or not parts[0].isdigit() or (parts[1].isdigit() and len(parts[1]) == 4):
        return None
    rest = parts[1]
    if rest in _SUB_MONTHS:
        return _SUB_MONTHS[rest]
    found = re.fullmatch(r"M?(\d{2})(?:-M?(\d{2}))?", rest)
    if found:
        return (int(found.group(1)), int(found.group(2))) if found.group(2) else (1, int(found.group(1)))
    return None


def period_matches(gold: str, figure: Figure) -> bool:
    first, last, months = gold_period(gold)
    if figure.period_start is None or figure.period_end is None:
        return False
    if "截至目前" in gold and (figure.period_start, figure.period_end) == (last, last):
        return True  # a stock as of now, late in the period: its end year is the same point
    if (figure.period_start, figure.period_end) != (first, last):
        return False
    return figure_months(figure.period or "") == months


def summary_counts(score_: Score) -> Counter[str]:
    return Counter(k for r in score_.rows for k in r.wrong)
