"""Numbers of a plan's tasks that are no targets, on an invented plan: how often an activity is
held (…3次以上, 10次) and counts of what the work relies on or uses (用好两个市场、两类规则, 依托5个
综合保税区). The plan's real targets stay, counts among them (达到8个, 支持2个…升级)."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.model.plans import PlanEvaluation
from viewer.services import plan_targets
from viewer.services.ingest import ingest_paths
from viewer.services.plan_evaluation import evaluate_plan
from viewer.store import connect

PLAN = """衡阳市“十四五”开放型经济发展规划

衡阳市商务局 2021年5月

规划基年为2020年，规划期限为2021-2025年。

二、发展目标

到2025年，全市进出口总额达到800亿元，实际利用外资达到12亿美元，新增外贸实绩企业200家，培训外贸人才3万人次，省级以上开发区达到8个。

三、主要任务

统筹用好国内国际两个市场、两类规则，依托5个综合保税区和口岸平台，深化与沿海城市的产业协作。每季度举办招商推介会3次以上，组织企业参加境外展会10次。支持2个县级工业集中区升级为省级开发区。
"""
TARGETS = ["800亿元", "12亿美元", "200家", "3万人次", "8个", "2个"]
TASKS = {"两个": "用好", "两类": "用好", "5个": "依托", "3次以上": "次数", "10次": "次数"}


def evaluation(tmp_path: Path) -> PlanEvaluation:
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    store = tmp_path / "s.db"
    assert ingest_paths(store, [tmp_path / "plan.txt"], processes=0).ok
    conn = connect(store)
    try:
        return evaluate_plan(conn, 1)
    finally:
        conn.close()


def test_task_numbers_are_left_out_with_why_and_the_targets_stay(tmp_path: Path) -> None:
    found = evaluation(tmp_path)
    assert sorted(r.target_text for r in found.rows) == sorted(TARGETS)
    for text, why in TASKS.items():
        assert any(d.startswith(f"{text}：") and why in d for d in found.dropped), (text, found.dropped)


def test_without_the_rule_the_task_numbers_would_be_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_targets, "_task_number", lambda _figure, _text: "")
    texts = [r.target_text for r in evaluation(tmp_path).rows]
    assert set(TASKS) <= set(texts) and set(TARGETS) <= set(texts)
