"""Migration 23 and the writer of findings after it: scopes and run times named by a row of
check_scopes and check_runs, paragraph fingerprints as 64-bit integers, evidence deleted by the
writer (no foreign key). A store of schema 22 with findings of every scope upgrades (a copy kept)
to what a fresh store holds; scoped and full runs leave no evidence, scope or run without its
finding."""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils
from checks_support import finding_key
from migration_support import store_at_schema, write_findings_before_23

from viewer.model.review import Evidence, Finding
from viewer.services.checks import compute_scoped, run_checks, update_checks
from viewer.store import checks as store_checks
from viewer.store import documents as store_documents
from viewer.store import finding_counts, open_store
from viewer.store.documents import get_paragraphs
from viewer.text.analysis import analyze_text
from viewer.text.repeats import normalised

# Invented reports; SHARED (with figures) is pasted into two of them, NOTICE twice into one.
SHARED = "全市累计培育青年科技人才1500余名，其中具有博士学位的320名，带动新增岗位4000个。"
NOTICE = "请各单位认真对照本通知要求抓好贯彻落实，确保各项工作按时完成到位。"
TEXTS = {
    "甲.txt": "株洲市2021年科技工作总结\n\n2021年，株洲市技术合同成交额82.6亿元，比2020年增长15%。\n\n"
             f"力争2023年株洲市高新技术企业达到600家。\n\n{SHARED}\n\n{NOTICE}\n\n{NOTICE}\n",
    "乙.txt": "株洲市2022年科技工作总结\n\n2022年，株洲市技术合同成交额90亿元。\n\n"
             f"2020年，株洲市高新技术企业410家。\n\n{SHARED}\n",
    "丙.txt": "湘潭市2023年科技工作总结\n\n2023年，湘潭市高新技术企业120家。\n\n2020年，湘潭市技术合同成交额15亿元。\n",
}


def add_all(db: sqlite_utils.Database) -> list[int]:
    return [store_documents.save_document(db, analyze_text(f"/r/{name}", text, name * 8))
            for name, text in TEXTS.items()]


def hex_hash(fragment: str) -> str:
    """A paragraph's fingerprint as the program stored it before migration 23."""
    return hashlib.sha1(normalised(fragment).encode("utf-8")).hexdigest()[:20]


def keys(db: sqlite_utils.Database) -> list[str]:
    return sorted(finding_key(f) for f in store_checks.list_findings(db))


def scope_of_each(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    return sorted((str(r[0]), str(r[1])) for r in db.execute(
        "SELECT s.scope, c.message FROM checks c JOIN check_scopes s ON s.id = c.scope_id"))


def assert_consistent(db: sqlite_utils.Database) -> None:
    """No evidence without its finding, no scope without findings, the kept counts right."""
    assert db.execute("SELECT count(*) FROM check_evidence WHERE check_id NOT IN (SELECT id FROM checks)"
                      ).fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM check_scopes WHERE id NOT IN (SELECT scope_id FROM checks)"
                      ).fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM checks WHERE scope_id NOT IN (SELECT id FROM check_scopes)"
                      ).fetchone()[0] == 0
    assert db.execute("SELECT id, findings FROM check_runs ORDER BY id").fetchall() == db.execute(
        "SELECT run_id, count(*) FROM checks GROUP BY run_id ORDER BY run_id").fetchall()
    assert db.execute("SELECT count(*) FROM checks WHERE run_id NOT IN (SELECT id FROM check_runs)").fetchone()[0] == 0
    stored = store_checks.list_findings(db)
    assert finding_counts.finding_totals(db)[0] == len(stored)
    cited: dict[int, set[int]] = {}
    for found in stored:
        for proof in found.evidence:
            cited.setdefault(proof.doc_id, set()).add(found.id or 0)
    assert {d: n for d, (n, _) in finding_counts.document_finding_counts(db).items()} == {
        d: len(ids) for d, ids in cited.items()}


@pytest.fixture
def fresh() -> Iterator[sqlite_utils.Database]:
    db = open_store(":memory:")
    add_all(db)
    run_checks(db)
    yield db
    db.conn.close()


def schema_22_store(path: Path, fresh: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The documents and findings of `fresh` as the program of schema 22 stored them: fingerprints
    as 20 hexadecimal digits, scopes as text (`paragraph:<hex>`), plus findings from before scopes."""
    old = store_at_schema(path, 22, monkeypatch)
    add_all(old)  # fingerprints written into the text column below, as the old program did
    texts = {int(r[0]): str(r[1]) for r in old.execute("SELECT id, text FROM documents")}
    rows = old.execute("SELECT doc_id, idx, span_start, span_end FROM paragraphs").fetchall()
    as_hex: dict[int, str] = {}
    with old.atomic():
        for doc_id, idx, start, end in rows:
            new = fresh.execute("SELECT text_hash FROM paragraphs WHERE doc_id = ? AND idx = ?", [doc_id, idx]
                                ).fetchone()[0]
            old_hash = None if new is None else hex_hash(texts[doc_id][start:end])
            if new is not None:
                as_hex[int(new)] = str(old_hash)
            old.conn.execute("UPDATE paragraphs SET text_hash = ? WHERE doc_id = ? AND idx = ?", [old_hash, doc_id, idx])
        old.conn.execute("DELETE FROM paragraph_copies")
        old.conn.execute("INSERT INTO paragraph_copies (text_hash, copies) SELECT text_hash, count(*) FROM paragraphs "
                         "WHERE text_hash IS NOT NULL GROUP BY text_hash HAVING count(*) > 1")
    scoped = [(s if not s.startswith("paragraph:") else f"paragraph:{as_hex[int(s.removeprefix('paragraph:'))]}", f)
              for s, f in compute_scoped(fresh)]
    assert any(s.startswith("paragraph:") for s, _ in scoped) and any(s.startswith("series:") for s, _ in scoped)
    write_findings_before_23(old, scoped)
    with old.atomic():
        finding_counts.recount_all(old.conn)
        finding_counts.add_verdicts(old.conn, Counter(f.verdict for _, f in scoped), replace_all=True)
    old.conn.commit()
    old.conn.close()


def test_a_schema_22_store_upgrades_to_what_a_fresh_store_holds(
        tmp_path: Path, fresh: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.db"
    schema_22_store(path, fresh, monkeypatch)
    old_rows = sqlite3.connect(path).execute("SELECT text_hash FROM paragraphs ORDER BY doc_id, idx").fetchall()
    upgraded = open_store(path)
    assert upgraded.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert upgraded.execute("PRAGMA foreign_key_list(check_evidence)").fetchall() == []
    assert upgraded.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in ("paragraphs", "paragraph_copies"):
        query = f"SELECT * FROM {table} ORDER BY 1, 2"
        assert upgraded.execute(query).fetchall() == fresh.execute(query).fetchall()
    assert upgraded.execute("SELECT copies FROM paragraph_copies ORDER BY copies").fetchall() == [(2,), (2,)]
    assert keys(upgraded) == keys(fresh)
    assert scope_of_each(upgraded) == scope_of_each(fresh)
    assert finding_counts.document_finding_counts(upgraded) == finding_counts.document_finding_counts(fresh)
    assert_consistent(upgraded)
    temporary = {str(r[0]) for r in upgraded.execute("SELECT name FROM sqlite_temp_schema")}
    assert not temporary and "checks_old" not in upgraded.table_names()
    [backup] = tmp_path.glob("s.db.before-schema-22-*.bak")  # the store as it was, beside it
    kept = sqlite3.connect(backup)
    assert kept.execute("PRAGMA user_version").fetchone()[0] == 22
    assert kept.execute("SELECT text_hash FROM paragraphs ORDER BY doc_id, idx").fetchall() == old_rows
    kept.close()
    # A scoped run finds the upgraded findings by their scopes: it replaces them, adds no copy.
    update_checks(upgraded, doc_ids=[1])
    assert keys(upgraded) == keys(fresh)
    assert_consistent(upgraded)
    upgraded.conn.close()


def test_findings_from_before_scopes_keep_their_scope_through_the_upgrade(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = store_at_schema(tmp_path / "s.db", 22, monkeypatch)
    proof = Evidence(label="value", doc_id=1, start=0, end=2, text="青溪", sentence_start=0, sentence_end=9)
    write_findings_before_23(old, [("", Finding(kind="conflict", verdict="question", message="旧", message_en="",
                                                        evidence=(proof,)))], "2025-03-01T08:00:00+00:00")
    write_findings_before_23(old, [("paragraph:zz", Finding(kind="repeat", verdict="repeated", message="坏",
                                                            message_en="", evidence=(proof,)))])
    old.conn.commit()
    old.conn.close()
    upgraded = open_store(tmp_path / "s.db")
    assert store_checks.unscoped_findings(upgraded)
    assert scope_of_each(upgraded) == [("", "旧"), ("paragraph:zz", "坏")], "a scope not in hexadecimal is kept"
    assert sorted(upgraded.execute("SELECT r.checked_at, r.findings, c.message FROM checks c "
                                   "JOIN check_runs r ON r.id = c.run_id").fetchall()) == [
        ("2025-03-01T08:00:00+00:00", 1, "旧"), ("2026-01-01T00:00:00+00:00", 1, "坏")]
    upgraded.conn.close()


@pytest.fixture
def db() -> Iterator[sqlite_utils.Database]:
    database = open_store(":memory:")
    yield database
    database.conn.close()


def finding(message: str, *doc_ids: int) -> Finding:
    proofs = tuple(Evidence(label="value", doc_id=d, start=i, end=i + 2, text="青溪", sentence_start=0, sentence_end=9)
                   for i, d in enumerate(doc_ids))
    return Finding(kind="conflict", verdict="question", message=message, message_en=message, evidence=proofs)


def test_a_scoped_run_deletes_only_its_scopes_findings_evidence_and_scopes(db: sqlite_utils.Database) -> None:
    store_checks.replace_findings(db, [("doc:1", finding("一", 1, 2)), ("doc:2", finding("二", 2, 2, 3)),
                                       ("series:a\tb", finding("三", 3)), ("paragraph:-5", finding("四", 1, 4))])
    evidence_of = {r[0]: r[1] for r in db.execute("SELECT c.message, count(*) FROM check_evidence e "
                                                  "JOIN checks c ON c.id = e.check_id GROUP BY c.message")}
    store_checks.replace_findings(db, [("series:c\td", finding("七", 6))], scopes={"series:c\td"})
    assert db.execute("SELECT count(*) FROM check_runs").fetchone()[0] == 2
    store_checks.replace_findings(db, [("doc:1", finding("五", 5))], scopes={"doc:1", "doc:2", "paragraph:-5"})
    assert db.execute("SELECT count(*) FROM check_runs").fetchone()[0] == 3, "the first run keeps 三"
    store_checks.replace_findings(db, [], scopes={"series:c\td"})
    assert db.execute("SELECT count(*) FROM check_runs").fetchone()[0] == 2, "the second run and this one are gone"
    assert scope_of_each(db) == [("doc:1", "五"), ("series:a\tb", "三")]
    assert {r[0]: r[1] for r in db.execute("SELECT c.message, count(*) FROM check_evidence e "
                                           "JOIN checks c ON c.id = e.check_id GROUP BY c.message")} == {
        "三": evidence_of["三"], "五": 1}
    assert db.execute("SELECT count(*) FROM check_evidence").fetchone()[0] == 2
    assert sorted(r[0] for r in db.execute("SELECT scope FROM check_scopes")) == ["doc:1", "series:a\tb"]
    assert_consistent(db)
    store_checks.replace_findings(db, [("doc:7", finding("六", 7, 8))])
    assert scope_of_each(db) == [("doc:7", "六")]
    assert db.execute("SELECT count(*) FROM check_runs").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM check_evidence").fetchone()[0] == 2
    assert_consistent(db)


def test_a_full_write_names_each_scope_once_and_a_failed_one_keeps_the_findings(
        db: sqlite_utils.Database) -> None:
    store_checks.replace_findings(db, [("doc:1", finding("一", 1, 2)), ("doc:1", finding("二", 2)),
                                       ("series:a\tb", finding("三", 3))])
    assert scope_of_each(db) == [("doc:1", "一"), ("doc:1", "二"), ("series:a\tb", "三")]
    assert db.execute("SELECT count(*) FROM check_scopes").fetchone()[0] == 2

    def failing() -> Iterator[tuple[str, Finding]]:
        yield "doc:4", finding("四", 4)
        raise RuntimeError("a check failed")

    with pytest.raises(RuntimeError):
        store_checks.write_findings(db, failing())
    assert scope_of_each(db) == [("doc:1", "一"), ("doc:1", "二"), ("series:a\tb", "三")]
    store_checks.replace_findings(db, [("doc:5", finding("五", 5)), ("doc:1", finding("六", 1))],
                                  scopes={"doc:1", "doc:5"})
    assert scope_of_each(db) == [("doc:1", "六"), ("doc:5", "五"), ("series:a\tb", "三")]
    assert db.execute("SELECT count(*) FROM check_scopes").fetchone()[0] == 3
    assert_consistent(db)


def test_the_full_and_scoped_runs_of_the_checks_leave_no_evidence_behind(tmp_path: Path) -> None:
    db = open_store(tmp_path / "s.db")
    ids = add_all(db)
    run_checks(db)
    full = keys(db)
    assert any(f.kind == "repeat" for f in store_checks.list_findings(db))
    assert_consistent(db)
    store_documents.delete_document(db, ids[1])
    update_checks(db, doc_ids=[ids[1]])
    assert_consistent(db)
    assert keys(db) != full
    run_checks(db)
    assert_consistent(db)
    db.conn.close()


def test_repeated_paragraphs_are_found_by_fingerprints_of_64_bits(db: sqlite_utils.Database) -> None:
    add_all(db)
    db.conn.execute("INSERT INTO documents (id, path, file_name, sha256, title, text, chars, imported_at) "
                    "VALUES (9, '/r/9', '9', 'x', '', ?, 40, 'now')", ["字" * 40])
    extremes = (-(2**63), 2**63 - 1)
    db.conn.executemany("INSERT INTO paragraphs (doc_id, idx, span_start, span_end, text_hash) VALUES (9, ?, ?, ?, ?)",
                        [(i, i * 10, i * 10 + 5, extremes[i % 2]) for i in range(4)])
    db.conn.executemany("INSERT INTO paragraph_copies (text_hash, copies) VALUES (?, 2)", [(h,) for h in extremes])
    found = list(store_checks.repeated_paragraphs(db, {extremes[0]}, 5))
    assert [(r[0], r[2]) for r in found] == [(extremes[0], 0), (extremes[0], 20)]
    every = {r[0] for r in store_checks.repeated_paragraphs(db, None, 5)}
    shared = store_checks.document_hashes(db, [1, 2]) & store_checks.document_hashes(db, [2])
    assert len(every) == 4 and len(shared) == 1 and shared < every
    assert [p.repeats for p in get_paragraphs(db.conn, 1)][-2:] == [2, 2]
