"""`policy-viewer reanalyze`: which documents, progress and a summary, errors as one line."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from viewer.cli import main

# Invented reports.
TEXTS = {
    "甲.txt": "岳阳市2023年科技工作总结\n\n2023年全市新增高新技术企业46家，技术合同成交额38亿元。\n",
    "乙.txt": "常德市2023年科技创新情况通报\n\n2023年全市科技型中小企业达到1300家。\n",
}


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    path = tmp_path / "s.db"
    assert main(["ingest", *(str(tmp_path / n) for n in TEXTS), "--store", str(path), "--processes", "0"]) == 0
    for name in TEXTS:
        (tmp_path / name).unlink()  # re-analysis reads the stored text
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE figures SET indicator = '旧指标'")
    conn.close()
    capsys.readouterr()
    return path


def _old_figures(store: Path) -> int:
    conn = sqlite3.connect(store)
    try:
        return int(conn.execute("SELECT count(*) FROM figures WHERE indicator = '旧指标'").fetchone()[0])
    finally:
        conn.close()


def test_reanalyze_all_prints_progress_and_a_summary(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reanalyze", "--all", "--store", str(store), "--processes", "0"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("2 documents re-analysed, 3 figures changed in 2 documents, 0 failed")
    assert "2/2 documents" in err
    assert "旧指标 |" in out and "-> 高新技术企业数 |" in out.replace(" ->  ", " -> ")
    assert _old_figures(store) == 0


def test_preview_stores_nothing_and_documents_are_chosen_by_name_or_text(
        store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reanalyze", "--preview", "--containing", "科技型中小企业", "--store", str(store),
                 "--processes", "0"]) == 0
    assert capsys.readouterr().out.startswith("would change 1 figures in 1 of 1 documents (nothing stored)")
    assert _old_figures(store) == 3
    assert main(["reanalyze", "甲.txt", "--store", str(store), "--processes", "0"]) == 0
    assert capsys.readouterr().out.startswith("1 documents re-analysed, 2 figures changed in 1 documents")
    assert _old_figures(store) == 1


def test_errors_are_one_line(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reanalyze", "--store", str(store)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert main(["reanalyze", "丙.txt", "--store", str(store)]) == 1
    err = capsys.readouterr().err
    assert err == f"policy-viewer: no stored document '丙.txt' in {store}\n"
    assert main(["reanalyze", "--all", "甲.txt", "--store", str(store)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    bad = store.parent / "bad.db"
    bad.write_bytes(b"not a database at all, just some bytes" * 100)
    assert main(["reanalyze", "--all", "--store", str(bad)]) == 4, "not a store: the code of every command"
    err = capsys.readouterr().err
    assert err.startswith("policy-viewer: ") and err.count("\n") == 1 and "bad.db" in err


def test_a_store_of_a_newer_version_exits_3(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conn = sqlite3.connect(store)
    with conn:
        conn.execute("PRAGMA user_version = 9999")
    conn.close()
    code = main(["reanalyze", "--all", "--store", str(store), "--processes", "0"])
    err = capsys.readouterr().err
    assert code == main(["check", "--store", str(store)]) == 3, err
