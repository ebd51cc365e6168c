"""After an import that is a large share of the store, the character index is merged into one
segment and the pages it freed go back to the file system (new stores vacuum incrementally);
searches find the same."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from viewer.store.connection import open_store, release_free_pages
from viewer.store.documents import save_document
from viewer.store.search import QueryTerm, compact_document_chars, search
from viewer.text.analysis import analyze_text

# Invented sentences, varied so that each document adds its own pairs of characters to the index.
PLACES = ["株洲市", "湘潭市", "衡阳市", "岳阳市", "常德市", "益阳市", "郴州市", "永州市"]
WORK = ["研发投入", "技术合同", "高新企业", "专利授权", "孵化平台", "人才引进"]


def _text(n: int) -> str:
    place = PLACES[n % len(PLACES)]
    lines = [f"{place}第{n}号科技工作简报（虚构）"]
    lines += [f"{place}{WORK[(n + k) % len(WORK)]}第{k}项达到{n * 7 + k * 13}个，比上年增长{k + n % 5}.{k}%。"
              for k in range(40)]
    return "\n\n".join(lines)


def _leaves(db: sqlite_utils.Database) -> int:
    """Rows of the character index's data: its segments' pages and the structure records."""
    return int(db.execute("SELECT count(*) FROM document_chars_data").fetchone()[0])


def test_a_new_store_file_vacuums_incrementally(tmp_path: Path) -> None:
    db = open_store(tmp_path / "s.db")
    assert db.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # incremental
    db.conn.close()


def test_a_large_import_merges_the_character_index_and_shrinks_the_file(tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    db = open_store(store)
    for n in range(12):
        save_document(db, analyze_text(f"/r/{n}.txt", _text(n), str(n)))
    before = search(db.conn, [QueryTerm("市研")]) + search(db.conn, [QueryTerm("增长3.")])
    leaves = _leaves(db)
    assert before
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size_before = store.stat().st_size
    assert not compact_document_chars(db, 2)  # 2 of 12: not worth rewriting the index
    assert compact_document_chars(db, 12)
    assert search(db.conn, [QueryTerm("市研")]) + search(db.conn, [QueryTerm("增长3.")]) == before
    assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0 and _leaves(db) < leaves
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert store.stat().st_size < size_before
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.conn.close()


def test_free_pages_of_an_older_store_stay_in_the_file(tmp_path: Path) -> None:
    store = tmp_path / "old.db"
    conn = sqlite3.connect(store)  # a file made before schema 17: no auto_vacuum
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (randomblob(2000))", [()] * 50)
    conn.commit()
    conn.execute("DELETE FROM t")
    conn.commit()
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    release_free_pages(conn)  # nothing to do, and no error
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] == free > 0
    conn.close()
