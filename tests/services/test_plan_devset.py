"""The eight 2026 provincial work reports of ../shared/dev-reports (read at run time): every target
our gold annotates (2026, 2030 and 十五五 targets, tests/data/provinces_gold_*.jsonl) is a row of
its report's evaluation, with the gold's place and year."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from devset_support import PROVINCES

from viewer.services.ingest import ingest_paths
from viewer.services.plan_evaluation import evaluate_plan
from viewer.store import connect

GOLD = sorted((Path(__file__).resolve().parents[1] / "data").glob("provinces_gold_*.jsonl"))
UNITS = {"百分点": "个百分点"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = sorted(PROVINCES.glob("*.txt"))
    if len(files) != 8:
        pytest.fail(f"the provincial reports are missing: expected eight .txt files in {PROVINCES}")
    path = tmp_path_factory.mktemp("provinces") / "s.db"
    assert ingest_paths(path, files, processes=0).ok
    return path


def test_every_gold_target_is_a_row_with_its_place_and_year(store: Path) -> None:
    gold = [json.loads(line) for path in GOLD for line in path.read_text(encoding="utf-8").splitlines() if line]
    targets = [g for g in gold if g["role"] == "target"]
    assert len(targets) >= 80
    conn = connect(store)
    documents = {str(r[1]): int(r[0]) for r in conn.execute("SELECT id, file_name FROM documents")}
    rows = {name: evaluate_plan(conn, doc_id).rows for name, doc_id in documents.items()}
    missing = []
    for target in targets:
        unit = UNITS.get(target["unit"], target["unit"])
        year = int(str(target["year"])[-4:])  # 2026-2030: a target for 2030
        found = [r for r in rows[target["file"]] if r.unit == unit and r.region == target["region"]
                 and r.target_year == year and abs(r.target_value - target["value"]) <= 1e-6 * max(1, target["value"])]
        if not found:
            missing.append((target["file"], target["quote"], target["region"], target["year"]))
    assert not missing, f"{len(missing)} of {len(targets)} targets not listed right: {missing}"
