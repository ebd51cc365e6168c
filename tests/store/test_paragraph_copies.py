"""paragraph_copies holds the texts more than one paragraph shares, with their count (migration
19): kept right as documents are saved, replaced and deleted, and read as each paragraph's repeats."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils
from migration_support import store_at_schema

from viewer.model import AnalyzedDocument, Document, Paragraph, Sentence
from viewer.store.connection import open_store
from viewer.store.documents import delete_document, get_paragraphs, save_document

# Invented paragraphs; A is pasted into several reports.
A = "本市科技工作坚持创新驱动，持续优化营商环境（虚构段落甲）。"
B = "全年新增科技型中小企业一百家（虚构段落乙）。"
C = "召开科技创新大会部署下一阶段工作（虚构段落丙）。"


def _analysed(path: str, paragraphs: list[str]) -> AnalyzedDocument:
    text = "\n".join(paragraphs)
    spans, start = [], 0
    for paragraph in paragraphs:
        spans.append((start, start + len(paragraph)))
        start += len(paragraph) + 1
    return AnalyzedDocument(
        document=Document(path=path, sha256=path, text=text, title=path),
        paragraphs=[Paragraph(i, s, e) for i, (s, e) in enumerate(spans)],
        paragraph_hashes=[hash(p) & 0xFFFFFFFF for p in paragraphs],
        sentences=[Sentence(i, s, e, i) for i, (s, e) in enumerate(spans)],
    )


def _stored(db: sqlite_utils.Database) -> dict[int, int]:
    return {int(h): int(n) for h, n in db.execute("SELECT text_hash, copies FROM paragraph_copies")}


def _counted(db: sqlite_utils.Database) -> dict[int, int]:
    return {int(h): int(n) for h, n in db.execute(
        "SELECT text_hash, count(*) FROM paragraphs WHERE text_hash IS NOT NULL GROUP BY text_hash HAVING count(*) > 1")}


def test_copies_follow_saves_replacements_and_deletions() -> None:
    db = open_store(":memory:")
    first = save_document(db, _analysed("/r/1.txt", [A, B]))
    assert _stored(db) == {}
    save_document(db, _analysed("/r/2.txt", [A, C, A]))
    assert _stored(db) == _counted(db) and sorted(_stored(db).values()) == [3]
    assert [p.repeats for p in get_paragraphs(db.conn, first)] == [3, 1]
    save_document(db, _analysed("/r/2.txt", [C, B]))  # replaced: A once, B twice
    assert _stored(db) == _counted(db) and sorted(_stored(db).values()) == [2]
    assert [p.repeats for p in get_paragraphs(db.conn, first)] == [1, 2]
    delete_document(db, first)
    assert _stored(db) == _counted(db) == {}


def test_an_upgrade_keeps_only_repeated_texts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = store_at_schema(tmp_path / "s.db", 18, monkeypatch)
    db.conn.executemany("INSERT INTO paragraph_copies (text_hash, copies) VALUES (?, ?)",  # 20 hexadecimal digits
                        [("0123456789abcdef0123", 1), ("fedcba98765432100123", 2), ("00000000000000ff4567", 40)])
    db.conn.commit()
    db.conn.close()
    db = open_store(tmp_path / "s.db")
    assert _stored(db) == {-0x123456789abcdf0: 2, 255: 40}  # their first 8 bytes, signed (migration 23)
