"""`policy-viewer search` says when it cut the list: how many hits in all, in which documents,
and how to see them all (--limit 0 or --all). Invented reports (tests/search_support.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from search_support import (
    CROWDED_HITS,
    CROWDED_OCCURRENCES,
    MIDDLE_HITS,
    TOTAL_HITS,
    TOTAL_OCCURRENCES,
    WORD,
    ingest_reports,
)

from viewer.cli import main


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-search")
    return ingest_reports(folder / "reports", folder / "store.db")


def run(capsys: pytest.CaptureFixture[str], store: Path, *args: str) -> tuple[int, str, str]:
    code = main(["search", *args, "--store", str(store)])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_cut_list_says_how_many_hits_there_are_and_where(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, store, WORD)
    assert code == 0
    assert out.count("\n    ") == 20  # a title line and an indented snippet per hit
    assert f"showing 20 of {TOTAL_HITS} hits in 3 documents ({TOTAL_OCCURRENCES} occurrences)" in err
    assert "--all" in err and "--limit" in err
    rows = [line.split() for line in err.splitlines() if line.strip().endswith(("通报", "总结", "报告"))]
    assert [row[:3] for row in rows] == [[str(CROWDED_HITS), str(CROWDED_OCCURRENCES), "a_crowded.txt"],
                                          ["1", "1", "b_quiet.txt"], [str(MIDDLE_HITS), str(MIDDLE_HITS), "c_middle.txt"]]


@pytest.mark.parametrize("everything", [["--all"], ["--limit", "0"]])
def test_all_prints_every_hit(store: Path, capsys: pytest.CaptureFixture[str], everything: list[str]) -> None:
    code, out, err = run(capsys, store, WORD, *everything, "--json")
    hits = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(hits) == TOTAL_HITS
    assert len({h["doc_id"] for h in hits}) == 3
    assert f"{TOTAL_HITS} hits in 3 documents" in err and "showing" not in err


def test_a_list_that_was_not_cut_says_so(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, store, WORD, "--limit", str(TOTAL_HITS))
    assert code == 0 and "showing" not in err and f"{TOTAL_HITS} hits in 3 documents" in err
    code, out, err = run(capsys, store, "量子测量")
    assert code == 0 and out == "" and "0 hits in 0 documents" in err


def test_a_negative_limit_is_a_usage_error(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, store, WORD, "--limit", "-1")
    assert code == 2 and "--limit" in err
