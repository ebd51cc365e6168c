"""What the correction editor offers and reads: indicators (taxonomy by group, the user's
entries, the store's provisional names with counts), places with their hierarchy, periods as
year and kind, values as written with their base unit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from viewer.model import Role
from viewer.services.correction_choices import ROLES, Origin, editor_choices, place_choices
from viewer.services.correction_periods import PeriodKind, PeriodParts, period_fields, period_parts
from viewer.services.correction_values import read_value, split_unit, unit_choices, written_value
from viewer.services.ingest import ingest_paths
from viewer.services.library import Library
from viewer.text.indicators import load_lexicon

# Invented text: one taxonomy indicator, one phrase the taxonomy lacks (twice).
REPORT = ("湘潭市2023年科技工作总结\n\n"
          "2023年，全市研发经费投入达到52亿元。\n\n"
          "全年新建共享实验室12个，改造共享实验室3个。\n")


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    path = tmp_path / "湘潭.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert ingest_paths(tmp_path / "s.db", [path], processes=0).ok
    found = Library(tmp_path / "s.db")
    yield found
    found.close()


def test_indicators_list_the_taxonomy_by_group_then_the_stores_provisional_names(library: Library) -> None:
    choices = library.corrections.choices()
    names = [c.name for c in choices.indicators]
    assert len(names) == len(set(names))
    taxonomy = [c for c in choices.indicators if c.origin == Origin.TAXONOMY]
    assert len(taxonomy) == len(load_lexicon().entries)
    spending = choices.indicator("研发经费投入")
    assert spending is not None and spending.group == "研发投入" and spending.figures == 1
    provisional = [c for c in choices.indicators if c.origin == Origin.PROVISIONAL]
    assert provisional and all(c.figures > 0 and not c.group for c in provisional)
    assert names.index(provisional[0].name) > names.index(taxonomy[-1].name)
    figures = library.figures(library.documents()[0].id or 0)
    stored = {f.indicator for f in figures if f.indicator}
    assert {c.name for c in provisional} == stored - {c.name for c in taxonomy}
    assert library.corrections.choices() is choices  # read once while the store is unchanged
    library.corrections.correct(figures[0].id or 0, {"indicator": "一个新指标名"})
    again = library.corrections.choices()
    assert again is not choices and again.indicator("一个新指标名") is not None


def test_places_carry_their_hierarchy_and_resolve_from_what_a_reviewer_types() -> None:
    places = place_choices()
    assert places[0].label == "全国"
    city = next(p for p in places if p.label == "株洲市")
    county = next(p for p in places if p.label == "醴陵市")
    assert county.path == ("湖南省", "株洲市", "醴陵市") and county.display == "湖南省 › 株洲市 › 醴陵市"
    assert places.index(city) < places.index(county)
    assert len({p.label for p in places}) == len(places)
    choices = editor_choices(Library(":memory:").conn)
    for typed in ("醴陵市", "湖南省 › 株洲市 › 醴陵市", "醴陵"):
        found = choices.place(typed)
        assert found is not None and found.label == "醴陵市", typed
    assert choices.place("鼓楼区") is None  # several places have the name: the reviewer must pick one
    assert choices.place("不存在的地方") is None


def test_roles_have_chinese_and_english_labels() -> None:
    codes = [r.code for r in ROLES]
    assert codes[0] == Role.ACTUAL and {Role.TARGET, Role.GROWTH, Role.PROGRESS} <= set(codes)
    target = next(r for r in ROLES if r.code == Role.TARGET)
    assert (target.label("zh"), target.label("en")) == ("目标值", "target")


@pytest.mark.parametrize(("period", "year", "start", "end", "parts"), [
    ("2023", 2023, 2023, 2023, PeriodParts(PeriodKind.YEAR, 2023)),
    ("2023-H1", 2023, 2023, 2023, PeriodParts(PeriodKind.H1, 2023)),
    ("2023-Q1-Q3", 2023, 2023, 2023, PeriodParts(PeriodKind.Q1_Q3, 2023)),
    ("2023-M01-M11", 2023, 2023, 2023, PeriodParts(PeriodKind.MONTHS, 2023, month=11)),
    ("2023-03", 2023, 2023, 2023, PeriodParts(PeriodKind.AS_OF, 2023, month=3)),
    ("2021-2025", 2025, 2021, 2025, PeriodParts(PeriodKind.SPAN, 2025, 2021)),
    ("", None, None, None, PeriodParts(PeriodKind.NONE)),
])
def test_periods_read_and_written_back(period: str, year: int | None, start: int | None, end: int | None,
                                       parts: PeriodParts) -> None:
    assert period_parts(period, year, start, end) == parts
    assert period_fields(parts) == {"year": year, "period": period, "period_start": start, "period_end": end}


def test_months_that_make_a_half_year_are_the_half_year_and_impossible_periods_are_refused() -> None:
    assert period_fields(PeriodParts(PeriodKind.MONTHS, 2023, month=6))["period"] == "2023-H1"
    assert period_fields(PeriodParts(PeriodKind.MONTHS, 2023, month=12))["period"] == "2023"
    with pytest.raises(ValueError, match="span"):
        period_fields(PeriodParts(PeriodKind.SPAN, 2021, 2025))
    with pytest.raises(ValueError, match="year"):
        period_fields(PeriodParts(PeriodKind.YEAR, None))


def test_values_are_read_as_written_and_kept_in_the_base_unit() -> None:
    assert read_value("86", "亿元") == (8.6e9, None, "元")
    assert read_value("1.2万", "家") == (12000, None, "家")
    assert read_value("1,250", "万元") == (12_500_000, None, "元")
    assert read_value("10–20", "%") == (10, 20, "%")
    assert read_value("-3.5", "个百分点") == (-3.5, None, "个百分点")
    assert read_value("58", "万元/人") == (580_000, None, "元/人")
    assert read_value("", "亿元") == (None, None, "元")
    assert split_unit("千瓦") == (1, "千瓦") and split_unit("万千瓦") == (1e4, "千瓦")
    assert split_unit("亿美元") == (1e8, "美元") and split_unit("人民币") == (1, "元")
    for bad in ("八十六点", "abc", "20-10"):
        with pytest.raises(ValueError):
            read_value(bad, "亿元")
    assert written_value(8.6e9, None, "元", "亿元") == ("86", "亿元")
    assert written_value(1.25e9, 1.5e9, "元", "亿元") == ("12.5–15", "亿元")
    assert written_value(12.5, None, "%", "％") == ("12.5", "%")  # a written unit that is not the stored one
    assert written_value(None, None, "家", "家") == ("", "家")
    assert unit_choices("元")[:4] == ["元", "万元", "亿元", "万亿元"]
    assert unit_choices("家")[:2] == ["家", "万家"]
