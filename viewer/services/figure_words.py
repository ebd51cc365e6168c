"""A figure's kind, qualifier, role and period as words of the report's language (zh or en),
for the review report and the corrections sheet: a reviewer never reads a stored code."""

from __future__ import annotations

import re

from viewer.model import Figure, FigureKind, Qualifier, Role

KIND_WORDS = {
    "zh": {FigureKind.MONEY: "金额", FigureKind.PERCENT: "百分比", FigureKind.POINTS: "百分点",
           FigureKind.COUNT: "数量", FigureKind.MULTIPLE: "倍数", FigureKind.RANK: "排名",
           FigureKind.PHYSICAL: "实物量", FigureKind.NUMBER: "数值"},
    "en": {FigureKind.MONEY: "amount of money", FigureKind.PERCENT: "percentage",
           FigureKind.POINTS: "percentage points", FigureKind.COUNT: "count", FigureKind.MULTIPLE: "multiple",
           FigureKind.RANK: "rank", FigureKind.PHYSICAL: "physical quantity", FigureKind.NUMBER: "number"},
}
QUALIFIER_WORDS = {
    "zh": {Qualifier.EXACT: "", Qualifier.MORE_THAN: "超过", Qualifier.AT_LEAST: "不少于", Qualifier.ABOUT: "约",
           Qualifier.UNDER: "不到", Qualifier.RANGE: "区间"},
    "en": {Qualifier.EXACT: "", Qualifier.MORE_THAN: "more than", Qualifier.AT_LEAST: "at least",
           Qualifier.ABOUT: "about", Qualifier.UNDER: "under", Qualifier.RANGE: "range"},
}
ROLE_WORDS = {
    "zh": {Role.ACTUAL: "实际值", Role.ESTIMATE: "预计值", Role.TARGET: "目标值", Role.CHANGE: "增减量",
           Role.GROWTH: "增长率", Role.SHARE: "占比", Role.RANK: "排名", Role.PROGRESS: "完成进度"},
    "en": {Role.ACTUAL: "actual value", Role.ESTIMATE: "estimated value", Role.TARGET: "target value",
           Role.CHANGE: "change in value", Role.GROWTH: "growth rate", Role.SHARE: "share", Role.RANK: "rank",
           Role.PROGRESS: "progress towards a task"},
}
_SUB_ZH = {"Q1-Q3": "前三季度", "H1": "上半年", "H2": "下半年", "Q1": "第一季度", "Q2": "第二季度",
           "Q3": "第三季度", "Q4": "第四季度"}
_SUB_EN = {"Q1-Q3": "Q1–Q3", "H1": "H1", "H2": "H2", "Q1": "Q1", "Q2": "Q2", "Q3": "Q3", "Q4": "Q4"}
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
_SPAN = re.compile(r"^(\d{4})-(\d{4})$")
_PART = re.compile(r"^(\d{4})-(.+)$")
_MONTHS = re.compile(r"^M(\d{2})-M(\d{2})$")
_MONTH = re.compile(r"^(\d{2})$")
_TO_DATE = re.compile(r"^YTD(?:-(\d{2}))?$")  # 今年以来, and the month its document appeared in

FieldValue = str | int | float | bool | None


def _word(table: dict[str, dict[str, str]], code: str, lang: str) -> str:
    return table[_lang(lang)].get(code, code)


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "zh"


def kind_word(kind: str, lang: str) -> str:
    return _word(KIND_WORDS, kind, lang)


def qualifier_word(qualifier: str, lang: str) -> str:
    return _word(QUALIFIER_WORDS, qualifier, lang)


def role_word(role: str, lang: str) -> str:
    return _word(ROLE_WORDS, role, lang)


def period_words(period: str, year: int | None, lang: str) -> str:
    """2020 → 2020年 / 2020; 2016-2020 → 2016—2020年 / 2016–2020; 2022-Q1-Q3 → 2022年前三季度 /
    Q1–Q3 2022; 2022-M01-M11 → 2022年1—11月 / Jan–Nov 2022; 2023-03 → 2023年3月底 / end of March 2023;
    2023-YTD → 2023年今年以来 / year to date 2023; 2023-YTD-11 → 2023年今年以来（11月发布） /
    year to date 2023 (published in November)."""
    zh = _lang(lang) == "zh"
    if not period:
        return "" if year is None else (f"{year}年" if zh else str(year))
    if period.isdigit():
        return f"{period}年" if zh else period
    span = _SPAN.match(period)
    if span:
        return f"{span[1]}—{span[2]}年" if zh else f"{span[1]}–{span[2]}"
    part = _PART.match(period)
    if part is None:
        return period
    first, sub = part[1], part[2]
    if sub in _SUB_ZH:
        return f"{first}年{_SUB_ZH[sub]}" if zh else f"{_SUB_EN[sub]} {first}"
    to_date = _TO_DATE.match(sub)
    if to_date:
        if to_date[1] is None:
            return f"{first}年今年以来" if zh else f"year to date {first}"
        number = int(to_date[1])
        if 1 <= number <= 12:
            return f"{first}年今年以来（{number}月发布）" if zh else \
                f"year to date {first} (published in {_MONTHS_EN[number - 1]})"
    months = _MONTHS.match(sub)
    if months and 1 <= int(months[1]) <= int(months[2]) <= 12:  # a damaged label stays as it is
        a, b = int(months[1]), int(months[2])
        return f"{first}年{a}—{b}月" if zh else f"{_MONTHS_EN[a - 1][:3]}–{_MONTHS_EN[b - 1][:3]} {first}"
    month = _MONTH.match(sub)
    if month and 1 <= int(month[1]) <= 12:
        number = int(month[1])
        return f"{first}年{number}月底" if zh else f"end of {_MONTHS_EN[number - 1]} {first}"
    return period


def field_value_words(name: str, value: FieldValue, lang: str) -> FieldValue:
    """A figure field's value as a reviewer reads it: roles, kinds, qualifiers and periods in words,
    anything else unchanged."""
    if not isinstance(value, str):
        return value
    if name == "role":
        return role_word(value, lang)
    if name == "kind":
        return kind_word(value, lang)
    if name == "qualifier":
        return qualifier_word(value, lang)
    if name == "period":
        return period_words(value, None, lang)
    return value


def figure_field_words(figure: Figure, lang: str) -> dict[str, str]:
    """The figure's kind, qualifier, role and period in words."""
    return {
        "figure_kind": kind_word(figure.kind, lang),
        "qualifier": qualifier_word(figure.qualifier, lang),
        "role": role_word(figure.role, lang),
        "period": period_words(figure.period, figure.year, lang),
    }
