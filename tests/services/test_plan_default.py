"""The plan the evaluation opens on when no report is open: the plan whose period ended most
recently (this year included), not the newest draft; the end of a plan's period as it states it."""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_support import plan_store

from viewer.model.plans import PlanDocument
from viewer.services.plan_evaluation import default_plan, plan_documents
from viewer.services.plan_targets import stated_end_year
from viewer.store import open_store


def plan(doc_id: int, title: str, end: int | None, targets: int = 5, year: int = 2021,
         is_plan: bool = True) -> PlanDocument:
    return PlanDocument(doc_id=doc_id, title=title, region="某市", year=year, kind="plan", targets=targets,
                        is_plan=is_plan, end_year=end)


@pytest.mark.parametrize(("title", "head", "end"), [
    ("某市“十四五”交通发展规划", "", 2025),
    ("某县“十五五”教育规划（征求意见稿）", "", 2030),
    ("某区推进数字经济三年行动计划（2024-2026年）", "", 2026),
    ("某市生态保护规划", "规划期限为2021—2035年，近期到2025年。", 2035),
    ("某市养老服务体系建设方案", "到2025年，养老床位达到5000张；到2027年，护理型床位占比达到60%。", 2027),
    ("某市年度工作要点", "今年要抓好三件事。", None),
])
def test_the_end_of_a_plans_period(title: str, head: str, end: int | None) -> None:
    assert stated_end_year(title, head) == end


def test_in_2026_the_ended_five_year_plan_comes_before_the_newer_draft() -> None:
    plans = [
        plan(1, "某市“十五五”规划（征求意见稿）", 2030, targets=12, year=2025),
        plan(2, "某市“十四五”规划", 2025, targets=8),
        plan(3, "某市“十三五”规划", 2020, targets=20, year=2016),
    ]
    assert default_plan(plans, 2026) == plans[1]
    assert default_plan(plans, 2025) == plans[1]  # its last year: the evaluation is due
    assert default_plan(plans, 2024) == plans[2]  # 十四五 still running: the last one ended


def test_among_plans_of_the_period_the_one_with_most_targets_then_the_latest() -> None:
    plans = [plan(1, "甲市“十四五”规划", 2025, targets=4), plan(2, "乙市“十四五”规划", 2025, targets=9),
             plan(3, "乙市“十四五”规划（修订）", 2025, targets=9, year=2023)]
    assert default_plan(plans, 2026) == plans[2]


def test_with_no_period_ended_the_soonest_ending_and_with_no_plan_the_first() -> None:
    running = [plan(1, "某市“十五五”规划", 2030), plan(2, "某区三年行动计划（2026-2028年）", 2028)]
    assert default_plan(running, 2026) == running[1]
    reports = [plan(5, "2024年工作总结", None, is_plan=False), plan(6, "2023年工作总结", None, is_plan=False)]
    assert default_plan(reports, 2026) == reports[0]
    assert default_plan([], 2026) is None


def test_the_invented_store_opens_on_the_fourteenth_plan_with_most_targets(tmp_path: Path) -> None:
    db = open_store(plan_store(tmp_path))
    try:
        plans = plan_documents(db)
    finally:
        db.conn.close()
    assert plans[0].title.startswith("岳阳市“十五五”")  # the newest is listed first
    chosen = default_plan(plans, 2026)
    assert chosen is not None and chosen.title == "岳阳市“十四五”科技创新发展规划" and chosen.end_year == 2025
