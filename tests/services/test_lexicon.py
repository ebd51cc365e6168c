"""The user's lexicon as a service: where it lives, changes checked before they are written,
atomic writes with a backup, export and import, and the import's worker processes using it."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from viewer.services import lexicon
from viewer.services.extract import extract_figures
from viewer.services.ingest import ingest_paths
from viewer.services.lexicon import LexiconEntry, UserLexiconError


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "lexicon.toml"


def indicator_of(text: str) -> tuple[str | None, bool]:
    (figure,) = extract_figures(text)
    return figure.indicator, figure.provisional


def test_the_file_is_named_by_the_environment_else_lives_in_the_user_data_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICY_VIEWER_LEXICON", str(tmp_path / "bureau.toml"))
    assert lexicon.user_lexicon_path() == tmp_path / "bureau.toml"
    monkeypatch.delenv("POLICY_VIEWER_LEXICON")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr("sys.platform", "linux")
    assert lexicon.user_lexicon_path() == tmp_path / "xdg" / "policy-viewer" / "lexicon.toml"


def test_an_alias_added_is_written_listed_and_used_at_once(path: Path) -> None:
    sentence = "2022年全市科创总盘子达到12亿元。"
    assert indicator_of(sentence)[1]
    edit = lexicon.add_indicator_alias("科创总盘子", "R&D经费", path=path)  # an alias names the indicator
    assert edit == lexicon.LexiconEdit(LexiconEntry("alias", "研发经费投入", "科创总盘子"), True)
    assert indicator_of(sentence) == ("研发经费投入", False)
    assert lexicon.list_entries(path) == [LexiconEntry("alias", "研发经费投入", "科创总盘子")]
    assert '[[indicator]]\nname = "研发经费投入"\naliases = ["科创总盘子"]\n' in path.read_text(encoding="utf-8")
    assert not path.with_name("lexicon.toml.bak").exists()
    lexicon.add_indicator_alias("科创大盘子", "研发经费投入", path=path)
    assert 'aliases = ["科创总盘子"]' in path.with_name("lexicon.toml.bak").read_text(encoding="utf-8")
    assert [e.value for e in lexicon.list_entries(path)] == ["科创总盘子", "科创大盘子"]
    assert sorted(p.name for p in path.parent.iterdir()) == ["lexicon.toml", "lexicon.toml.bak"]


def test_adding_what_is_there_writes_nothing(path: Path) -> None:
    assert not lexicon.add_indicator_alias("研发投入", "研发经费投入", path=path).changed  # a bundled alias
    assert not path.exists()
    lexicon.add_place_alias("株市", "株洲", path=path)
    before = path.read_bytes()
    edit = lexicon.add_place_alias("株市", "株洲市", path=path)
    assert not edit.changed and path.read_bytes() == before and not path.with_name("lexicon.toml.bak").exists()


def test_a_place_alias_is_filed_under_the_places_label(path: Path) -> None:
    edit = lexicon.add_place_alias("株市", "株洲", path=path)
    assert edit.entry == LexiconEntry("place_alias", "株洲市", "株市", "株洲市")
    assert extract_figures("2022年株市高新技术企业达到120家。")[0].region == "株洲市"
    with pytest.raises(UserLexiconError, match="give its label"):
        lexicon.add_place_alias("鼓楼片区", "鼓楼区", path=path)
    lexicon.add_place_alias("楼片区", "南京市鼓楼区", path=path)
    assert [(e.key, e.value) for e in lexicon.list_entries(path)] == [("株洲市", "株市"), ("南京市鼓楼区", "楼片区")]


def test_a_provisional_indicator_mapped_and_mapped_again(path: Path) -> None:
    sentence = "2023年全市项目总投资额达到56亿元。"
    phrase = indicator_of(sentence)[0]
    assert phrase == "项目总投资额"
    assert lexicon.map_provisional(phrase, "固定资产投资", path=path).entry.detail == "indicator"
    assert indicator_of(sentence) == ("固定资产投资", False)
    assert lexicon.map_provisional(phrase, "重大项目投资额", path=path).entry.detail == "renamed"
    assert indicator_of(sentence) == ("重大项目投资额", True)
    assert lexicon.list_entries(path) == [LexiconEntry("provisional", phrase, "重大项目投资额", "renamed")]


def test_a_change_that_does_not_check_writes_nothing(path: Path) -> None:
    lexicon.add_indicator_alias("科创总盘子", "研发经费投入", path=path)
    before = path.read_bytes()
    with pytest.raises(UserLexiconError, match="already '研发经费投入'"):
        lexicon.add_indicator_alias("科创总盘子", "财政科技支出", path=path)
    with pytest.raises(UserLexiconError, match="not an indicator"):
        lexicon.add_indicator_alias("某某盘子", "不存在的指标", path=path)
    with pytest.raises(UserLexiconError, match="already names"):
        lexicon.add_place_alias("长沙", "株洲市", path=path)
    with pytest.raises(UserLexiconError, match="at least 2"):
        lexicon.add_place_alias("株", "株洲市", path=path)
    assert path.read_bytes() == before
    assert indicator_of("2022年全市科创总盘子达到12亿元。")[0] == "研发经费投入"


def test_a_failed_write_keeps_the_users_file(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon.add_indicator_alias("科创总盘子", "研发经费投入", path=path)
    before = path.read_bytes()

    def refuse(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(UserLexiconError, match="cannot write: No space left"):
        lexicon.add_indicator_alias("科创大盘子", "研发经费投入", path=path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["lexicon.toml", "lexicon.toml.bak"]


def test_remove_entries(path: Path) -> None:
    lexicon.add_indicator_alias("科创总盘子", "研发经费投入", path=path)
    lexicon.add_place_alias("株市", "株洲市", path=path)
    lexicon.map_provisional("星火驿站数", "科普驿站数", path=path)
    lexicon.remove_entry("alias", "研发经费投入", "科创总盘子", path=path)
    lexicon.remove_entry("provisional", "星火驿站数", path=path)
    assert lexicon.list_entries(path) == [LexiconEntry("place_alias", "株洲市", "株市", "株洲市")]
    with pytest.raises(UserLexiconError, match="no place_alias entry '株洲市 株城'"):
        lexicon.remove_entry("place_alias", "株洲市", "株城", path=path)
    lexicon.remove_entry("place_alias", "株洲市", path=path)
    assert lexicon.list_entries(path) == []


def test_a_new_indicator_others_depend_on_is_not_removed(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text('[[indicator]]\nname = "飞地数"\nunit_kind = "count"\naliases = ["创新飞地"]\n\n'
                    '[[indicator]]\nname = "省级飞地数"\nunit_kind = "count"\nparent = "飞地数"\n', encoding="utf-8")
    assert lexicon.list_entries(path)[0] == LexiconEntry("indicator", "飞地数", "count", "")
    with pytest.raises(UserLexiconError, match="parent '飞地数' is not in the lexicon"):
        lexicon.remove_entry("indicator", "飞地数", path=path)
    lexicon.remove_entry("indicator", "省级飞地数", path=path)
    assert [e.kind for e in lexicon.list_entries(path)] == ["indicator", "alias"]


def test_export_then_import_elsewhere_gives_the_same_lexicon(path: Path, tmp_path: Path) -> None:
    lexicon.add_indicator_alias("科创总盘子", "研发经费投入", path=path)
    lexicon.add_indicator_alias("国家队", "全国重点实验室数", path=path, context=True)
    lexicon.add_place_alias("株市", "株洲市", path=path)
    lexicon.map_provisional("项目总投资额", "固定资产投资", path=path)
    shared = tmp_path / "shared" / "bureau.toml"
    assert lexicon.export_lexicon(shared, path=path) == 4
    other = tmp_path / "reviewer" / "lexicon.toml"
    done = lexicon.import_lexicon(shared, path=other)
    assert (done.added, done.removed, done.total) == (4, 0, 4)
    assert lexicon.list_entries(other) == lexicon.list_entries(path)
    assert other.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_import_merges_and_the_shared_file_wins_a_mapping(path: Path, tmp_path: Path) -> None:
    lexicon.add_indicator_alias("科创总盘子", "研发经费投入", path=path)
    lexicon.map_provisional("项目总投资额", "重大项目投资额", path=path)
    shared = tmp_path / "bureau.toml"
    shared.write_text('[[indicator]]\nname = "研发经费投入"\naliases = ["科创大盘子", "科创总盘子"]\n\n'
                      '[[provisional]]\nphrase = "项目总投资额"\nindicator = "固定资产投资"\n', encoding="utf-8")
    done = lexicon.import_lexicon(shared, path=path)
    assert (done.added, done.removed, done.total) == (2, 1, 3)
    assert [(e.kind, e.value) for e in lexicon.list_entries(path)] == [
        ("alias", "科创总盘子"), ("alias", "科创大盘子"), ("provisional", "固定资产投资")]
    replaced = lexicon.import_lexicon(shared, merge=False, path=path)
    assert (replaced.added, replaced.removed, replaced.total) == (0, 0, 3)


def test_an_invalid_import_changes_nothing(path: Path, tmp_path: Path) -> None:
    lexicon.add_indicator_alias("科创总盘子", "研发经费投入", path=path)
    before = path.read_bytes()
    cases = [
        ('[[indicator]]\nname = "研发经费投入"\naliases = ["科创大盘子"', "bad0.toml: not valid TOML"),
        ('[[indicator]]\nname = "财政科技支出"\naliases = ["研发投入"]\n', "bad1.toml: [[indicator]] '财政科技支出'"),
        # valid alone, but it gives the user's own alias to another indicator
        ('[[indicator]]\nname = "财政科技支出"\naliases = ["科创总盘子"]\n', "lexicon.toml: [[indicator]] '财政科技支出'"),
    ]
    for number, (text, named) in enumerate(cases):
        shared = tmp_path / f"bad{number}.toml"
        shared.write_text(text, encoding="utf-8")
        with pytest.raises(UserLexiconError) as raised:
            lexicon.import_lexicon(shared, path=path)
        assert named in str(raised.value)
        if number < 2:
            with pytest.raises(UserLexiconError):
                lexicon.import_lexicon(shared, merge=False, path=path)
    assert path.read_bytes() == before and not path.with_name("lexicon.toml.bak").exists()
    with pytest.raises(UserLexiconError, match="cannot read"):
        lexicon.import_lexicon(tmp_path / "missing.toml", path=path)


def test_configure_reads_the_users_file(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path.parent.mkdir(parents=True)
    path.write_text('[[place]]\nname = "株洲市"\naliases = ["株市"]\n', encoding="utf-8")
    monkeypatch.setenv("POLICY_VIEWER_LEXICON", str(path))
    user = lexicon.configure()
    assert user is not None and user.places[0].aliases == ("株市",)
    assert lexicon.worker_lexicon() == (str(path), path.read_text(encoding="utf-8"))
    path.write_text('[[place]]\nname = "株洲市"\naliases = ["长沙"]\n', encoding="utf-8")
    with pytest.raises(UserLexiconError, match=r"lexicon.toml: \[\[place\]\] '株洲市'"):
        lexicon.configure()
    assert extract_figures("2022年株市高新技术企业达到120家。")[0].region == "株洲市"  # the last good one


def test_the_workers_of_an_import_analyse_with_the_user_lexicon(path: Path, tmp_path: Path) -> None:
    lexicon.add_indicator_alias("科创总盘子", "研发经费投入", path=path)
    lexicon.add_place_alias("株市", "株洲市", path=path)
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text("某市科技工作总结\n2022年株市科创总盘子达到12亿元。", encoding="utf-8")
    (reports / "b.txt").write_text("另一份科技工作总结\n2021年株市科创总盘子达到10亿元。", encoding="utf-8")
    store = tmp_path / "s.db"
    report = ingest_paths(store, [reports], processes=2)
    assert report.count("imported") == 2, report.outcomes
    conn = sqlite3.connect(store)
    try:
        rows = conn.execute("SELECT indicator, region, provisional FROM figures ORDER BY year").fetchall()
    finally:
        conn.close()
    assert rows == [("研发经费投入", "株洲市", 0), ("研发经费投入", "株洲市", 0)]
