"""`policy-viewer evaluate`: the documents with targets listed, a plan printed, written as docx
(with the charts of the targets behind schedule) or xlsx; clear messages and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from plan_support import plan_store

from viewer.cli import main


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(plan_store(tmp_path_factory.mktemp("cli-plans")))


def test_without_a_plan_the_documents_with_targets_are_listed(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--store", store]) == 0
    out = capsys.readouterr().out
    assert "岳阳市“十四五”科技创新发展规划" in out and "常德市“十四五”科技创新规划" in out
    assert "工作总结" not in out


def test_a_plan_is_printed_with_its_summary(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "十四五”科技创新发展规划", "--store", store]) == 0
    out = capsys.readouterr().out
    assert "已完成目标1项，未完成7项" in out
    assert "研发经费投入强度  岳阳市  1.8%  2020  2.6%  2025  预期性  2.0%  2023  25%  60%  进度滞后" in out


def test_docx_with_charts_places_and_the_next_plan(store: str, tmp_path: Path) -> None:
    out = tmp_path / "评估.docx"
    # In a process of its own: the charts start Qt (offscreen without a display), which this one keeps out of.
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "viewer.cli", "evaluate", "十四五”科技创新发展规划", "常德市",
                           "--next", "十五五", "--format", "docx", "--out", str(out), "--store", store],
                          capture_output=True, text=True, env=environment, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "charts left out" not in done.stderr
    doc = Document(str(out))
    # Yueyang's four rows behind schedule, Changde's one, the next plan's three targets against the trend
    assert len(doc.inline_shapes) == 4 + 1 + 3
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "各地对比" in headings and any(h.startswith("下一期规划") for h in headings)
    assert headings[-1] == "新目标与近年趋势"


def test_xlsx_by_the_file_name(store: str, tmp_path: Path) -> None:
    out = tmp_path / "e.xlsx"
    assert main(["evaluate", "常德市", "--out", str(out), "--store", store]) == 0
    assert load_workbook(out).sheetnames == ["评估", "来源", "汇总"]


def test_bad_plans_and_files_are_told_with_exit_codes(store: str, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "不存在的规划", "--store", store]) == 2
    assert "no document with targets is named '不存在的规划'" in capsys.readouterr().err
    assert main(["evaluate", "十四五", "--store", store]) == 2
    assert "names 2 documents" in capsys.readouterr().err
    assert main(["evaluate", "常德市", "--out", str(tmp_path / "e.txt"), "--store", store]) == 2
    assert "say --format docx or xlsx" in capsys.readouterr().err
    missing = tmp_path / "no" / "such" / "e.xlsx"
    assert main(["evaluate", "常德市", "--out", str(missing), "--store", store]) == 1
    assert f"cannot write {missing}" in capsys.readouterr().err
