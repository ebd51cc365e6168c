"""Write one analysed document (in one transaction) and read documents back."""

from __future__ import annotations

import datetime
import json
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from viewer.model import AnalyzedDocument, Document, Entity, Figure, Mention, Paragraph, Sentence
from viewer.store.connection import Queryable, in_chunks, own_transaction
from viewer.store.document_rows import (
    FIGURE_COLUMNS,
    DocumentRows,
    EntityKey,
    MentionGroup,
    document_rows,
    figure_rows,
    mention_groups,
    merged_groups,
)
from viewer.store.reviewer_rows import record_metadata
from viewer.store.search import write_document_chars

if TYPE_CHECKING:
    import sqlite_utils

_LIST_COLUMNS = "id, path, file_name, sha256, title, region, publisher, published, year, kind, imported_at"


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def find_by_path(db: Queryable, path: str) -> tuple[int, str] | None:
    row = db.execute("SELECT id, sha256 FROM documents WHERE path = ?", [path]).fetchone()
    return (int(row[0]), str(row[1])) if row else None


def stored_analysis(db: Queryable, path: str) -> tuple[int, str, int] | None:
    """(id, sha256, analysis version) of the document stored from `path`."""
    row = db.execute("SELECT id, sha256, analysis_version FROM documents WHERE path = ?", [path]).fetchone()
    return (int(row[0]), str(row[1]), int(row[2])) if row else None


def find_by_sha(db: Queryable, sha256: str) -> str | None:
    row = db.execute("SELECT path FROM documents WHERE sha256 = ? LIMIT 1", [sha256]).fetchone()
    return str(row[0]) if row else None


def save_document(db: sqlite_utils.Database, analysed: AnalyzedDocument, rows: DocumentRows | None = None) -> int:
    """Store a document and everything derived from it, replacing an older version of the
    same path. Metadata a reviewer corrected on the old version is kept. `rows`: the document's
    rows built beforehand (`document_rows`), so that a writer builds them before taking the lock."""
    doc = analysed.document
    rows = rows if rows is not None else document_rows(analysed)
    with own_transaction(db):
        old = db.execute(
            "SELECT id, title, region, publisher, published, year, kind, metadata_edited "
            "FROM documents WHERE path = ?",
            [doc.path],
        ).fetchone()
        doc_id: int | None = None
        edited = 0
        if old is not None:
            doc_id = int(old[0])
            if old[7]:
                edited = 1
                doc.title, doc.region, doc.publisher, doc.published, doc.year, doc.kind = old[1:7]
            _delete_rows(db, doc_id)
        row: dict[str, Any] = {
            "path": doc.path,
            "file_name": PurePath(doc.path).name,
            "sha256": doc.sha256,
            "title": doc.title,
            "region": doc.region,
            "publisher": doc.publisher,
            "published": doc.published,
            "year": doc.year,
            "kind": doc.kind,
            "metadata_edited": edited,
            "text": doc.text,
            "chars": len(doc.text),
            "imported_at": _now(),
            "analysis_version": analysed.analysis_version,
        }
        if doc_id is not None:
            row["id"] = doc_id
        cursor = db.conn.execute(
            f"INSERT INTO documents ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        new_id = int(cursor.lastrowid if doc_id is None else doc_id)  # type: ignore[arg-type]
        write_document_chars(db, new_id, rows.grams)
        db.conn.executemany(
            "INSERT INTO paragraphs (doc_id, idx, span_start, span_end, text_hash) VALUES (?, ?, ?, ?, ?)",
            [(new_id, *r) for r in rows.paragraphs])
        db.conn.executemany(
            "INSERT INTO sentences (doc_id, idx, paragraph_idx, span_start, span_end) VALUES (?, ?, ?, ?, ?)",
            [(new_id, *r) for r in rows.sentences])
        _write_figure_rows(db, new_id, rows.figures)
        _write_mentions(db, new_id, rows.mentions)
        _recount_copies(db, [r[3] for r in rows.paragraphs])
    doc.id = new_id
    return new_id


def delete_document(db: sqlite_utils.Database, doc_id: int) -> None:
    with db.atomic():
        _delete_rows(db, doc_id)


def _delete_rows(db: sqlite_utils.Database, doc_id: int) -> None:
    """Delete a document and its derived rows."""
    hashes = [r[0] for r in db.execute("SELECT text_hash FROM paragraphs WHERE doc_id = ?", [doc_id])]
    for table in ("entity_spans", "figures", "sentences", "paragraphs"):
        db.conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
    db.conn.execute("DELETE FROM documents WHERE id = ?", [doc_id])
    _recount_copies(db, hashes)


def _insert_figures(db: sqlite_utils.Database, doc_id: int, figures: list[Figure]) -> None:
    _write_figure_rows(db, doc_id, figure_rows(figures))


def _write_figure_rows(db: sqlite_utils.Database, doc_id: int, rows: list[tuple[Any, ...]]) -> None:
    db.conn.executemany(f"INSERT INTO figures ({FIGURE_COLUMNS}) VALUES ({', '.join('?' * 27)})",
                        [(doc_id, *r) for r in rows])


def _insert_mentions(
    db: sqlite_utils.Database, doc_id: int, mentions: list[Mention], entities: list[Entity]
) -> None:
    _write_mentions(db, doc_id, mention_groups(mentions, entities))


def _write_mentions(db: sqlite_utils.Database, doc_id: int, groups: dict[EntityKey, MentionGroup]) -> None:
    if not groups:
        return
    groups = merged_groups(groups, _merged_names(db))
    ids = _entity_ids(db, {key: group.entity for key, group in groups.items()})
    # In key order: rows of a WITHOUT ROWID table inserted out of order leave pages half empty.
    rows = sorted((doc_id, ids[key], len(group.spans), group.text) for key, group in groups.items())
    db.conn.executemany(
        "INSERT INTO entity_spans (doc_id, entity_id, mentions, spans) VALUES (?, ?, ?, ?)", rows
    )


def entity_merges(db: Queryable) -> dict[tuple[str, str], str]:
    """(alias, type) -> canonical of each merge a reviewer made, as stored."""
    return {(str(r[0]), str(r[1])): str(r[2]) for r in db.execute("SELECT alias, type, canonical FROM entity_merges")}


def document_paths(db: Queryable) -> set[str]:
    return {str(r[0]) for r in db.execute("SELECT path FROM documents")}


def _merged_names(db: Queryable) -> dict[tuple[str, str], str]:
    """(name, type) -> the name a reviewer merged it into, following chains (A->B, B->C)."""
    direct = entity_merges(db)
    resolved: dict[tuple[str, str], str] = {}
    for (alias, type_), target in direct.items():
        seen = {alias}
        while (target, type_) in direct and target not in seen:
            seen.add(target)
            target = direct[(target, type_)]
        resolved[(alias, type_)] = target
    return resolved


def _entity_ids(db: sqlite_utils.Database, wanted: dict[tuple[str, str], Entity | None]) -> dict[tuple[str, str], int]:
    """Ids of the (name, type) entities, created where new; aliases and codes learnt are added."""
    names = sorted({name for name, _type in wanted})
    stored: dict[tuple[str, str], tuple[int, str, str | None]] = {}
    for chunk, marks in in_chunks(names):
        for row in db.conn.execute(f"SELECT id, name, type, aliases, code FROM entities WHERE name IN ({marks})", chunk):
            stored[(row[1], row[2])] = (int(row[0]), row[3], row[4])
    ids: dict[tuple[str, str], int] = {}
    for (name, type_), entity in wanted.items():
        aliases = sorted(set(entity.aliases) if entity else set())
        code = entity.code if entity else None
        found = stored.get((name, type_))
        if found is None:
            cursor = db.conn.execute(
                "INSERT INTO entities (name, type, code, aliases) VALUES (?, ?, ?, ?)",
                (name, type_, code, json.dumps(aliases, ensure_ascii=False)),
            )
            ids[(name, type_)] = int(cursor.lastrowid)  # type: ignore[arg-type]
            continue
        entity_id, known_json, known_code = found
        known = set(json.loads(known_json)) if aliases or (code is not None and known_code is None) else set()
        if not known.issuperset(aliases) or (code is not None and known_code is None):
            db.conn.execute(
                "UPDATE entities SET aliases = ?, code = COALESCE(code, ?) WHERE id = ?",
                (json.dumps(sorted(known | set(aliases)), ensure_ascii=False), code, entity_id),
            )
        ids[(name, type_)] = entity_id
    return ids


def _recount_copies(db: sqlite_utils.Database, hashes: list[int | None]) -> None:
    """Count again the paragraphs sharing each of these texts, just written or deleted:
    paragraph_copies holds only the texts of more than one paragraph (migration 19)."""
    wanted = sorted({h for h in hashes if h is not None})
    for chunk, marks in in_chunks(wanted):
        counts = {int(r[0]): int(r[1]) for r in db.execute(
            f"SELECT text_hash, count(*) FROM paragraphs WHERE text_hash IN ({marks}) GROUP BY text_hash", chunk)}
        db.conn.executemany(
            "INSERT INTO paragraph_copies (text_hash, copies) VALUES (?, ?) "
            "ON CONFLICT (text_hash) DO UPDATE SET copies = excluded.copies",
            [(h, n) for h, n in counts.items() if n > 1],
        )
        db.conn.executemany("DELETE FROM paragraph_copies WHERE text_hash = ?",
                            [(h,) for h in chunk if counts.get(h, 0) < 2])


def _document(row: Any, with_text: bool) -> Document:
    return Document(
        id=row["id"], path=row["path"], sha256=row["sha256"], text=row["text"] if with_text else "",
        title=row["title"], region=row["region"], publisher=row["publisher"],
        published=row["published"], year=row["year"], kind=row["kind"], imported_at=row["imported_at"],
    )


def list_documents(
    db: Queryable, region: str | None = None, year: int | None = None, kind: str | None = None
) -> list[Document]:
    where, params = [], []
    for column, value in (("region", region), ("year", year), ("kind", kind)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    sql = f"SELECT {_LIST_COLUMNS} FROM documents"
    if where:
        sql += " WHERE " + " AND ".join(where)
    cursor = db.execute(sql + " ORDER BY year DESC, title", params)
    names = [c[0] for c in cursor.description]
    return [_document(dict(zip(names, r, strict=True)), with_text=False) for r in cursor]


def get_document(db: Queryable, doc_id: int) -> Document | None:
    cursor = db.execute(f"SELECT {_LIST_COLUMNS}, text FROM documents WHERE id = ?", [doc_id])
    row = cursor.fetchone()
    if row is None:
        return None
    return _document(dict(zip([c[0] for c in cursor.description], row, strict=True)), with_text=True)


def get_paragraphs(db: Queryable, doc_id: int) -> list[Paragraph]:
    return [
        Paragraph(index=r[0], start=r[1], end=r[2], repeats=r[3])
        for r in db.execute(
            "SELECT p.idx, p.span_start, p.span_end, COALESCE(c.copies, 1) FROM paragraphs p "
            "LEFT JOIN paragraph_copies c ON c.text_hash = p.text_hash WHERE p.doc_id = ? ORDER BY p.idx",
            [doc_id],
        )
    ]


def get_sentences(db: Queryable, doc_id: int) -> list[Sentence]:
    return [
        Sentence(index=r[0], start=r[1], end=r[2], paragraph=r[3])
        for r in db.execute(
            "SELECT idx, span_start, span_end, paragraph_idx FROM sentences WHERE doc_id = ? ORDER BY idx",
            [doc_id],
        )
    ]


def file_names(db: Queryable) -> dict[int, str]:
    """Document id -> source file name, for exports that cite their sources."""
    return {int(r[0]): str(r[1]) for r in db.execute("SELECT id, file_name FROM documents")}


def is_empty(db: Queryable) -> bool:
    return bool(db.execute("SELECT NOT EXISTS (SELECT 1 FROM documents)").fetchone()[0])


def filter_values(db: Queryable) -> dict[str, list[Any]]:
    """The regions, years and kinds the library can be filtered by."""
    def distinct(column: str) -> list[Any]:
        return [r[0] for r in db.execute(
            f"SELECT DISTINCT {column} FROM documents WHERE {column} IS NOT NULL ORDER BY 1")]

    return {"regions": distinct("region"), "years": distinct("year"), "kinds": distinct("kind")}


def update_metadata(db: sqlite_utils.Database, doc_id: int, **fields: Any) -> None:
    allowed = {"title", "region", "publisher", "published", "year", "kind"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"not document metadata: {sorted(unknown)}")
    with db.atomic():
        for column, value in fields.items():
            db.conn.execute(f"UPDATE documents SET {column} = ?, metadata_edited = 1 WHERE id = ?", (value, doc_id))
        if fields:
            record_metadata(db.conn, doc_id)  # the journal beside the store


def record_failure(db: sqlite_utils.Database, path: str, reason: str) -> None:
    with db.atomic():
        db.conn.execute(
            "INSERT INTO import_failures (path, reason, failed_at) VALUES (?, ?, ?)", (path, reason, _now())
        )
