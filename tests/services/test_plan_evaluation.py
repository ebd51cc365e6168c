"""Plan evaluation on invented reports: each target's baseline, latest actual, progress and status
(met, on track, behind, growth over the period, a share as a share, not yet reported, reported
under another name), the reviewer's corrections and exclusions, places side by side, the next plan."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils
from plan_support import doc_id, plan_store

from viewer.model import Figure, Modality, Role
from viewer.model.plans import Continuity, PlanEvaluation, PlanRow, PlanStatus, TargetKind
from viewer.services import corrections, plan_progress
from viewer.services.plan_compare import compare_next, compare_places, compare_places_rows, straight_line
from viewer.services.plan_evaluation import evaluate_plan, exclude_row, include_row, plan_documents
from viewer.services.plan_targets import is_plan, plan_targets, stated_base_year
from viewer.store import figures as store_figures
from viewer.store import open_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return plan_store(tmp_path_factory.mktemp("plans"))


@pytest.fixture
def db(store: Path) -> Iterator[sqlite_utils.Database]:
    database = open_store(store)
    yield database
    database.conn.close()


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[sqlite_utils.Database]:
    database = open_store(plan_store(tmp_path))
    yield database
    database.conn.close()


def rows(evaluation: PlanEvaluation) -> dict[str, PlanRow]:
    return {r.indicator: r for r in evaluation.rows}


def test_each_target_has_its_baseline_latest_actual_progress_and_status(db: sqlite_utils.Database) -> None:
    evaluation = evaluate_plan(db, doc_id(db, "十四五”科技创新发展规划"))
    assert evaluation.base_year == 2020
    found = rows(evaluation)
    firms = found["高新技术企业数"]
    assert (firms.baseline_value, firms.baseline_year, firms.target_value, firms.target_year) == (400, 2020, 800, 2025)
    assert (firms.actual_value, firms.actual_year, firms.qualifier, firms.status) == (820, 2023, "以上", PlanStatus.MET)
    assert firms.progress == pytest.approx(105.0)
    intensity = found["研发经费投入强度"]
    assert intensity.binding == "预期性"
    assert intensity.status == PlanStatus.BEHIND  # 25 % of the way, 60 % of the period gone
    assert (intensity.progress, intensity.expected) == (pytest.approx(25.0), pytest.approx(60.0))
    contracts = found["技术合同成交额"]
    assert contracts.status == PlanStatus.ON_TRACK and contracts.progress == pytest.approx(80.0)
    assert found["每万人口发明专利拥有量"].status == PlanStatus.NOT_REPORTED
    assert found["科技型中小企业数"].status == PlanStatus.ON_TRACK
    statuses = {r.status for r in evaluation.rows}
    assert statuses == {PlanStatus.MET, PlanStatus.ON_TRACK, PlanStatus.BEHIND, PlanStatus.NOT_REPORTED,
                        PlanStatus.OTHER_NAME}


def test_a_growth_target_is_growth_over_the_period_and_a_share_stays_a_share(db: sqlite_utils.Database) -> None:
    found = rows(evaluate_plan(db, doc_id(db, "十四五”科技创新发展规划")))
    value_added = found["高新技术产业增加值"]
    assert value_added.kind == TargetKind.GROWTH and value_added.level_unit == "元"
    assert value_added.actual_value == pytest.approx(((420 / 300) ** (1 / 3) - 1) * 100)  # 11.9 % a year
    assert value_added.progress == pytest.approx((420 - 300) / (300 * 1.1 ** 5 - 300) * 100)
    assert value_added.status == PlanStatus.ON_TRACK
    share = found["高新技术产业增加值占GDP比重"]
    assert share.kind == TargetKind.LEVEL and share.unit == "%"
    assert share.progress == pytest.approx(50.0) and share.status == PlanStatus.BEHIND  # points, not growth
    rnd = found["研发经费投入"]  # 年均增长12%以上, only a reported rate of 9 %
    assert rnd.kind == TargetKind.GROWTH and rnd.actual_value == pytest.approx(9.0)
    assert rnd.status == PlanStatus.BEHIND
    centres = found["省级工程技术研究中心数"]  # 新增30家: 8 added so far
    assert centres.kind == TargetKind.CHANGE and centres.actual_value == 8 and centres.status == PlanStatus.BEHIND


def test_a_target_reported_under_a_similar_name_says_so(db: sqlite_utils.Database) -> None:
    spaces = rows(evaluate_plan(db, doc_id(db, "十四五”科技创新发展规划")))["省级众创空间数"]
    assert spaces.status == PlanStatus.OTHER_NAME
    assert (spaces.actual_indicator, spaces.actual_value, spaces.actual_year) == ("省级以上众创空间数", 36, 2023)


def test_every_figure_of_a_row_is_a_source_with_its_sentence(db: sqlite_utils.Database) -> None:
    firms = rows(evaluate_plan(db, doc_id(db, "十四五”科技创新发展规划")))["高新技术企业数"]
    labels = [s.label for s in firms.sources]
    assert labels == ["target", "baseline", "actual"]
    actual = firms.sources[-1]
    text = db.execute("SELECT text FROM documents WHERE id = ?", [actual.doc_id]).fetchone()[0]
    assert text[actual.start:actual.end] == "820家"
    assert actual.sentence == text[actual.sentence_start:actual.sentence_end]
    assert actual.doc_title == "2024年岳阳市科技工作总结"


def test_plans_are_listed_first_and_recognised_by_title_and_text(db: sqlite_utils.Database) -> None:
    found = plan_documents(db)
    titles = [p.title for p in found]
    assert all(p.is_plan for p in found) and len(found) == 3
    assert not any("工作总结" in t for t in titles), "a report without targets is no plan"
    assert is_plan("关于2024年目标的通报", "news", "到2027年，全市…", 3)
    assert not is_plan("某市科技局工作动态", "news", "今年以来…", 5)
    assert stated_base_year("某市“十五五”科技规划", "") == 2025
    assert stated_base_year("某市科技创新三年行动（2023-2025年）", "") == 2022
    assert stated_base_year("某规划", "以2019年为基期") == 2019


def test_a_corrected_actual_is_used_as_corrected_and_marked(writable: sqlite_utils.Database) -> None:
    report = doc_id(writable, "2024年岳阳市")
    [figure] = [f for f in store_figures.document_figures(writable, report) if f.text == "2.0%"]
    corrections.correct_figure(writable, figure.id or 0, {"value": 2.4})
    intensity = rows(evaluate_plan(writable, doc_id(writable, "十四五”科技创新发展规划")))["研发经费投入强度"]
    assert intensity.actual_value == pytest.approx(2.4) and intensity.corrected == ("actual",)
    assert intensity.status == PlanStatus.ON_TRACK  # 75 % of the way by 60 % of the period
    assert [s.reviewer for s in intensity.sources] == [False, False, True]


def test_an_excluded_figure_is_no_actual_and_the_year_before_stands(writable: sqlite_utils.Database) -> None:
    report = doc_id(writable, "2024年岳阳市")
    [figure] = [f for f in store_figures.document_figures(writable, report) if f.text == "820家"]
    corrections.correct_figure(writable, figure.id or 0, {"excluded": True})
    firms = rows(evaluate_plan(writable, doc_id(writable, "十四五”科技创新发展规划")))["高新技术企业数"]
    assert (firms.actual_value, firms.actual_year) == (520, 2021)
    assert firms.status == PlanStatus.ON_TRACK  # 30 % of the way by 20 % of the period


def test_an_excluded_row_keeps_its_reason_and_leaves_the_counts(writable: sqlite_utils.Database) -> None:
    plan_id = doc_id(writable, "十四五”科技创新发展规划")
    evaluation = evaluate_plan(writable, plan_id)
    patents = rows(evaluation)["每万人口发明专利拥有量"]
    with pytest.raises(ValueError):
        exclude_row(writable, evaluation.plan, patents.key, "  ")
    exclude_row(writable, evaluation.plan, patents.key, "统计口径调整，不再考核")
    again = evaluate_plan(writable, plan_id)
    assert rows(again)["每万人口发明专利拥有量"].excluded == "统计口径调整，不再考核"
    assert again.counts()["excluded"] == 1 and again.counts()[PlanStatus.NOT_REPORTED] == 0
    include_row(writable, again.plan, patents.key)
    assert rows(evaluate_plan(writable, plan_id))["每万人口发明专利拥有量"].excluded is None


def test_an_exclusion_outlives_a_reanalysis_of_the_plan(writable: sqlite_utils.Database, tmp_path: Path) -> None:
    from viewer.services.ingest import ingest_paths

    plan_id = doc_id(writable, "十四五”科技创新发展规划")
    evaluation = evaluate_plan(writable, plan_id)
    exclude_row(writable, evaluation.plan, rows(evaluation)["技术合同成交额"].key, "口径不同")
    path = Path(evaluation.plan.path)
    path.write_text(path.read_text(encoding="utf-8") + "\n附：本规划由市科技局负责解释。\n", encoding="utf-8")
    report = ingest_paths(tmp_path / "plans.db", [path], processes=0)
    assert report.count("replaced") == 1, report.outcomes
    again = evaluate_plan(writable, doc_id(writable, "十四五”科技创新发展规划"))
    assert rows(again)["技术合同成交额"].excluded == "口径不同"


def test_a_target_stated_twice_is_one_row_and_a_restated_actual_is_none() -> None:
    text = "甲" * 200

    def fig(start: int, value: float, year: int, role: str = Role.TARGET, modality: str = Modality.TARGET,
            label: str = "30家") -> Figure:
        return Figure(start, start + 3, label, value, "家", "count", year=year, period=str(year),
                      indicator="高新技术企业数", region="岳阳市", role=role, modality=modality,
                      sentence_start=max(0, start - 5), sentence_end=start + 10, id=start)

    figures = [fig(10, 30, 2022), fig(60, 30, 2022), fig(100, 30, 2021),  # pasted twice, once under 2021
               fig(130, 12, 2021, Role.ACTUAL, Modality.ACTUAL, "12家"), fig(160, 12, 2022, label="12家")]
    targets, dropped = plan_targets(figures, text, "岳阳市")
    assert len(targets) == 1 and targets[0].figure.year == 2022 and len(targets[0].figures) == 3
    assert len(dropped) == 1 and dropped[0].startswith("12家") and "2021年实际值" in dropped[0]
    other = text[:150] + "乙" * 50  # the 12家 of 2022 in a sentence of its own: a target (保持12家)
    targets, dropped = plan_targets(figures, other, "岳阳市")
    assert len(targets) == 2 and not dropped


def test_progress_of_ceilings_bounds_and_rates() -> None:
    ceiling = plan_progress.Reading(kind=TargetKind.CEILING, target=0.5, target_year=2025, base_year=2020,
                                    year=2023, actual=0.45, baseline=0.6)
    assert plan_progress.status(ceiling)[0] == PlanStatus.MET
    bound = plan_progress.Reading(kind=TargetKind.LEVEL, target=1100, target_year=2022, base_year=2021, year=2022,
                                  actual=900, baseline=800, bound=True)
    assert plan_progress.status(bound)[0] == PlanStatus.UNCLEAR  # 超过900家: 1100 may be reached
    rate = plan_progress.Reading(kind=TargetKind.GROWTH, target=10, target_year=2025, base_year=2020, year=2022,
                                 actual=12, rate_only=True)
    assert plan_progress.status(rate)[0] == PlanStatus.ON_TRACK
    assert plan_progress.status(rate.__class__(**{**rate.__dict__, "year": 2025}))[0] == PlanStatus.MET
    late = plan_progress.Reading(kind=TargetKind.LEVEL, target=100, target_year=2022, base_year=2021, year=2022,
                                 actual=90, baseline=80)
    assert plan_progress.status(late) == (PlanStatus.BEHIND, pytest.approx(50.0), 100.0)
    hold = plan_progress.Reading(kind=TargetKind.LEVEL, target=300, target_year=2025, base_year=2020, year=2023,
                                 actual=280, baseline=300)  # 保持300家 and 280 reported
    assert plan_progress.status(hold) == (PlanStatus.BEHIND, None, pytest.approx(60.0))
    unknown = plan_progress.Reading(kind=TargetKind.LEVEL, target=300, target_year=2025, base_year=2020, year=2023,
                                    actual=280)
    assert plan_progress.status(unknown)[0] == PlanStatus.UNCLEAR  # no baseline: the pace cannot be told


def test_plans_side_by_side(db: sqlite_utils.Database) -> None:
    yueyang, changde = doc_id(db, "十四五”科技创新发展规划"), doc_id(db, "常德市")
    comparison = compare_places(db, [yueyang, changde])
    assert comparison.indicators[0] == "高新技术企业数"
    assert comparison.cells[("研发经费投入强度", changde)].status == PlanStatus.BEHIND
    assert ("技术合同成交额", changde) not in comparison.cells
    header, lines = compare_places_rows(comparison.plans)
    assert header[1].startswith("岳阳市") and header[2].startswith("常德市")
    firms = next(line for line in lines if line[0] == "高新技术企业数")
    assert firms[1].startswith("已完成") and "2023年实际720家" in firms[2]


def test_the_next_plan_continues_adds_and_drops_indicators_against_the_trend(db: sqlite_utils.Database) -> None:
    comparison = compare_next(db, doc_id(db, "十四五”科技创新发展规划"), doc_id(db, "十五五"))
    by_name = {r.indicator: r for r in comparison.rows}
    assert by_name["高新技术企业数"].continuity == Continuity.CONTINUES
    assert by_name["科技型企业数"].continuity == Continuity.NEW
    assert by_name["每万人口发明专利拥有量"].continuity == Continuity.DROPPED
    firms = by_name["高新技术企业数"]
    assert firms.trend == ((2021, 520.0), (2023, 820.0))  # 2020 lies before the last five years
    assert firms.projection == pytest.approx(820 + 7 * 150)
    assert firms.versus_trend == pytest.approx((1500 - 1870) / 1870 * 100)
    assert straight_line(((2021, 1.0),)) is None
