"""`policy-viewer lexicon …` and the user's lexicon at the start of every command."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from viewer.cli import main


@pytest.fixture
def lexicon_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "user" / "lexicon.toml"
    monkeypatch.setenv("POLICY_VIEWER_LEXICON", str(path))
    return path


def extracted(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], text: str) -> list[dict[str, object]]:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["extract", "-", "--json"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_add_list_and_remove(lexicon_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lexicon", "add", "--indicator", "研发经费投入", "科创总盘子"]) == 0
    assert "alias: 研发经费投入 -> 科创总盘子 (added;" in capsys.readouterr().out
    assert main(["lexicon", "add", "--place", "株洲", "株市"]) == 0
    assert main(["lexicon", "add", "--provisional", "项目总投资额", "固定资产投资"]) == 0
    assert main(["lexicon", "add", "--place", "株洲市", "株市"]) == 0
    assert "already in the lexicon" in capsys.readouterr().out
    assert main(["lexicon", "list", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["kind"], r["key"], r["value"]) for r in rows] == [
        ("alias", "研发经费投入", "科创总盘子"), ("place_alias", "株洲市", "株市"),
        ("provisional", "项目总投资额", "固定资产投资")]
    assert main(["lexicon", "remove", "place_alias", "株洲市", "株市"]) == 0
    capsys.readouterr()
    assert main(["lexicon", "list"]) == 0
    out, err = capsys.readouterr()
    assert "株市" not in out and "科创总盘子" in out and "2 entries" in err


def test_errors_are_one_line_and_exit_2(lexicon_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lexicon", "add", "--indicator", "研发经费投入", "科创总盘子"]) == 0
    capsys.readouterr()
    before = lexicon_file.read_bytes()
    for argv in (["lexicon", "add", "--indicator", "财政科技支出", "科创总盘子"],
                 ["lexicon", "add", "--place", "鼓楼区", "鼓楼片区"],
                 ["lexicon", "add", "--indicator", "没有这个指标", "某某盘子"],
                 ["lexicon", "remove", "alias", "研发经费投入", "没有的别名"],
                 ["lexicon", "import", str(lexicon_file.parent / "missing.toml")]):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert err.startswith("policy-viewer: ") and err.count("\n") == 1 and "Traceback" not in err, err
    assert lexicon_file.read_bytes() == before


def test_export_and_import_share_one_file(lexicon_file: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lexicon", "add", "--indicator", "研发经费投入", "科创总盘子"]) == 0
    assert main(["lexicon", "add", "--provisional", "星火驿站数", "科普驿站数"]) == 0
    shared = tmp_path / "bureau.toml"
    assert main(["lexicon", "export", str(shared)]) == 0
    assert f"2 entries -> {shared}" in capsys.readouterr().out
    monkeypatch.setenv("POLICY_VIEWER_LEXICON", str(tmp_path / "colleague" / "lexicon.toml"))
    assert main(["lexicon", "import", str(shared)]) == 0
    assert "2 added, 0 replaced, 2 entries" in capsys.readouterr().out
    bad = tmp_path / "bad.toml"
    bad.write_text('[[place]]\nname = "株洲市"\naliases = ["长沙"]\n', encoding="utf-8")
    assert main(["lexicon", "import", str(bad), "--replace"]) == 2
    assert "bad.toml: [[place]] '株洲市'" in capsys.readouterr().err
    assert (tmp_path / "colleague" / "lexicon.toml").read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")


def test_every_command_analyses_with_the_users_lexicon(lexicon_file: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    sentence = "2022年株市科创总盘子达到12亿元。"
    (row,) = extracted(monkeypatch, capsys, sentence)
    assert row["indicator"] != "研发经费投入" and row["region"] != "株洲市"
    lexicon_file.parent.mkdir(parents=True)
    lexicon_file.write_text('[[indicator]]\nname = "研发经费投入"\naliases = ["科创总盘子"]\n\n'
                            '[[place]]\nname = "株洲市"\naliases = ["株市"]\n', encoding="utf-8")
    (row,) = extracted(monkeypatch, capsys, sentence)
    assert (row["indicator"], row["region"], row["provisional"]) == ("研发经费投入", "株洲市", False)


def test_a_broken_user_lexicon_stops_the_analysis_and_is_named_elsewhere(
        lexicon_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    lexicon_file.parent.mkdir(parents=True)
    lexicon_file.write_text('[[indicator]]\nname = "研发经费投入"\naliases = ["科创总盘子"\n', encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO("2022年全市科创总盘子达到12亿元。"))
    assert main(["extract", "-"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and f"policy-viewer: {lexicon_file}: not valid TOML" in err
    assert main(["search", "研发", "--store", str(tmp_path / "s.db")]) == 0
    assert "the user lexicon is not used" in capsys.readouterr().err
