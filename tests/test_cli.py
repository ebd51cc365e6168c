"""The command line: exit codes, progress and summary, search, extract and exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from corpus_support import CORPUS, corpus_files
from viewer.cli import main


def test_ingest_prints_a_summary_and_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus_files()
    code = main(["ingest", str(CORPUS), "--store", str(tmp_path / "s.db"), "--processes", "2"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "5 imported" in out and "0 failed" in out
    assert "MB/s" in err and "5/5 documents" in err
    assert main(["ingest", str(CORPUS), "--store", str(tmp_path / "s.db")]) == 0
    assert "5 unchanged" in capsys.readouterr().out


def test_ingest_exits_1_when_a_file_fails_and_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("某市科技报告标题\n2021年研发投入10亿元。", encoding="utf-8")
    code = main(["ingest", str(tmp_path / "empty.txt"), str(tmp_path / "ok.txt"), "--store", str(tmp_path / "s.db")])
    out = capsys.readouterr().out
    assert code == 1
    assert "1 imported" in out and "1 failed" in out
    assert "empty.txt: empty file" in out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["ingest"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "nonsense"])
    assert exit_info.value.code == 2


def test_store_of_a_newer_version_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    conn = sqlite3.connect(tmp_path / "future.db")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    assert main(["search", "研发", "--store", str(tmp_path / "future.db")]) == 3  # as the window exits
    assert "newer version" in capsys.readouterr().err


def test_store_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("POLICY_VIEWER_STORE", str(tmp_path / "env.db"))
    (tmp_path / "r.txt").write_text("某市科技报告标题\n2021年研发投入10亿元。", encoding="utf-8")
    assert main(["ingest", str(tmp_path / "r.txt")]) == 0
    assert (tmp_path / "env.db").exists()
    capsys.readouterr()


def test_search_json(corpus_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "研发", "--limit", "3", "--json", "--store", str(corpus_store)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    hit = json.loads(lines[0])
    assert {"doc_id", "title", "snippet", "spans", "path"} <= set(hit)


def test_extract_from_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("2020年全市研发经费投入达到34.5亿元，增长12%。"))
    assert main(["extract", "-", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    money = next(r for r in rows if r["text"].startswith("34.5"))
    assert money["value"] == pytest.approx(3.45e9) and money["unit"] == "元" and money["year"] == 2020


def test_extract_json_says_how_each_figure_was_attributed(monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from viewer.model import Figure, weak_slots

    text = "青溪区科技工作总结\n全区区级财政科技专项经费3000万元，增长12%。"  # 青溪区 is no real place
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["extract", "-", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and any(row["weak"] for row in rows)
    for row in rows:
        assert {"provisional", "indicator_how", "region_how", "period_how", "modality", "weak"} <= set(row)
        figure = Figure(**{k: v for k, v in row.items() if k != "weak"})
        assert row["weak"] == list(weak_slots(figure))
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["extract", "-"]) == 0
    assert "check: " in capsys.readouterr().out


def test_export_figures_csv_keeps_chinese_for_excel(corpus_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "figures.csv"
    assert main(["export", "figures", "--format", "csv", "--out", str(out), "--store", str(corpus_store)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) > 300
    assert {"doc", "start", "end", "text", "value", "unit", "kind", "qualifier", "year", "period", "indicator",
            "region", "role", "sentence"} <= set(rows[0])
    assert any(r["text"] == "34.94亿元" and r["doc"].startswith("003") for r in rows)


def test_export_figures_xlsx_reads_back(corpus_store: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "figures.xlsx"
    assert main(["export", "figures", "--format", "xlsx", "--out", str(out), "--store", str(corpus_store)]) == 0
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["doc", "start", "end", "text"]
    assert sheet.max_row > 300


def test_export_series_and_entities(corpus_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "series", "--indicator", "研发投入强度", "--format", "jsonl",
                 "--store", str(corpus_store)]) == 0
    points = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {p["region"] for p in points} >= {"益阳市"}
    assert all(p["unit"] == "%" for p in points)
    assert main(["export", "entities", "--format", "jsonl", "--store", str(corpus_store)]) == 0
    entities = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert any(e["name"] == "株洲市" and e["type"] == "place" for e in entities)
    assert main(["export", "series", "--format", "csv", "--store", str(corpus_store)]) == 2


def test_merge_entities_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "r.txt").write_text("株洲市科技工作\n株洲市与醴陵市共同推进，醴陵市成效明显。\n", encoding="utf-8")
    store = str(tmp_path / "s.db")
    assert main(["ingest", str(tmp_path / "r.txt"), "--store", store]) == 0
    assert main(["merge", "醴陵市", "株洲市", "--type", "place", "--store", store]) == 0
    assert main(["merge", "没有这个", "株洲市", "--type", "place", "--store", store]) == 1
    capsys.readouterr()
    assert main(["export", "entities", "--format", "jsonl", "--store", store]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    zhuzhou = next(r for r in rows if r["name"] == "株洲市")
    assert "醴陵市" in zhuzhou["aliases"] and zhuzhou["mentions"] >= 4
    assert not any(r["name"] == "醴陵市" for r in rows)


def test_metadata_corrections_survive_a_reimport(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "r.txt"
    report.write_text("某市科技工作报告标题\n2021年全市高新技术企业达到120家。\n", encoding="utf-8")
    store = str(tmp_path / "s.db")
    assert main(["ingest", str(report), "--store", store]) == 0
    assert main(["meta", "r.txt", "--year", "2022", "--region", "株洲市", "--store", store]) == 0
    report.write_text("某市科技工作报告标题\n2021年全市高新技术企业达到125家。\n", encoding="utf-8")
    assert main(["ingest", str(report), "--store", store]) == 0
    capsys.readouterr()
    assert main(["meta", "r.txt", "--store", store]) == 0
    shown = capsys.readouterr().out
    assert "2022" in shown and "株洲市" in shown
    assert main(["meta", "nothing.txt", "--store", store]) == 1
