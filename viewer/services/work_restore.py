"""Put the reviewer's work from a journal into a store: after a repair, or into a fresh store the
reports were imported into again. Idempotent: work the store already holds (the same uid, as new
or newer) is left as it is, so running it twice restores nothing the second time."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.services.reviewer_journal import journal_work, reconcile
from viewer.store import documents as store_documents
from viewer.store import entities as store_entities
from viewer.store import reviewer_rows as rows
from viewer.store.work_journal import CORRECTION, DOCUMENT, MERGE, METADATA, NOTE, PLAN_EXCLUSION

if TYPE_CHECKING:
    import sqlite_utils


@dataclass
class RestoredWork:
    journal: Path
    restored: dict[str, int] = field(default_factory=dict)  # kind -> pieces put into the store
    kept: dict[str, int] = field(default_factory=dict)  # kind -> pieces the store already held
    waiting: list[str] = field(default_factory=list)  # paths of edited metadata whose document is not stored
    missing_documents: list[str] = field(default_factory=list)  # journalled documents not in the store
    touched_documents: list[int] = field(default_factory=list)  # documents whose work was restored

    def count(self, kind: str) -> int:
        return self.restored.get(kind, 0)

    def summary(self) -> str:
        names = {NOTE: "notes", CORRECTION: "corrections", MERGE: "merges", METADATA: "metadata edits",
                 PLAN_EXCLUSION: "plan rows excluded"}
        parts = [f"{self.count(k)} {name}" for k, name in names.items()]
        text = f"restored from {self.journal.name}: {', '.join(parts)}"
        kept = sum(self.kept.values())
        if kept:
            text += f" ({kept} already in the store)"
        return text


def restore_work(db: sqlite_utils.Database, journal: Path, reattach: bool = True) -> RestoredWork:
    """Restore the work `journal` holds into the store of `db`, in one transaction. With `reattach`,
    notes and corrections are then anchored on the stored documents and the findings of those
    documents recomputed; the journal beside the store is then brought level with it."""
    if not journal.is_file():
        raise FileNotFoundError(f"{journal}: no such journal")
    report = RestoredWork(journal)
    work = journal_work(journal)
    conn = db.conn
    with db.atomic():
        ids = rows.document_ids(conn)
        touched: set[int] = set()
        for kind, table in ((NOTE, "notes"), (CORRECTION, "corrections")):
            present = rows.updated_by_uid(conn, table)
            for (entry_kind, key), entry in work.items():
                if entry_kind != kind:
                    continue
                row = dict(entry.row)
                row["doc_id"] = ids.get(str(row.get("doc_path")))
                if key in present and present[key] >= str(row.get("updated_at") or ""):
                    report.kept[kind] = report.kept.get(kind, 0) + 1
                    continue
                if key in present:
                    rows.update_by_uid(conn, table, row)
                else:
                    rows.insert_row(conn, table, row)
                report.restored[kind] = report.restored.get(kind, 0) + 1
                if row["doc_id"] is not None:
                    touched.add(int(row["doc_id"]))
        exclusions = {rows.plan_exclusion_key(r): r for (kind, _), r in rows.read_work(conn, (PLAN_EXCLUSION,)).items()}
        merges = store_documents.entity_merges(conn)
        for (kind, _), entry in work.items():
            if kind == MERGE:
                alias, type_ = str(entry.row["alias"]), str(entry.row["type"])
                if merges.get((alias, type_)) == entry.row.get("canonical"):
                    report.kept[MERGE] = report.kept.get(MERGE, 0) + 1
                    continue
                rows.put_merge(conn, entry.row)
                report.restored[MERGE] = report.restored.get(MERGE, 0) + 1
                _apply_merge(db, alias, str(entry.row["canonical"]), type_)
            elif kind == METADATA:
                path = str(entry.row["path"])
                if rows.put_metadata(conn, path, entry.row):
                    report.restored[METADATA] = report.restored.get(METADATA, 0) + 1
                    touched.add(ids[path])
                else:
                    report.waiting.append(path)
            elif kind == PLAN_EXCLUSION:
                held = exclusions.get(rows.plan_exclusion_key(entry.row))
                if held is not None and str(held["created_at"]) >= str(entry.row.get("created_at") or ""):
                    report.kept[PLAN_EXCLUSION] = report.kept.get(PLAN_EXCLUSION, 0) + 1
                    continue
                rows.put_plan_exclusion(conn, entry.row)
                report.restored[PLAN_EXCLUSION] = report.restored.get(PLAN_EXCLUSION, 0) + 1
            elif kind == DOCUMENT and str(entry.row["path"]) not in ids:
                report.missing_documents.append(str(entry.row["path"]))
    report.touched_documents = sorted(touched)
    if reattach and touched:
        _reattach(db, report.touched_documents)
    reconcile(conn)
    return report


def _apply_merge(db: sqlite_utils.Database, alias: str, canonical: str, type_: str) -> None:
    """Fold the alias's mentions into the canonical entity when both are stored (else the merge is
    applied when their documents are next written)."""
    alias_id = store_entities.entity_id(db.conn, alias, type_)
    canonical_id = store_entities.entity_id(db.conn, canonical, type_)
    if alias_id is not None and canonical_id is not None and alias_id != canonical_id:
        store_entities.merge_entities(db, alias_id, canonical_id)


def _reattach(db: sqlite_utils.Database, doc_ids: list[int]) -> None:
    from viewer.services.checks import update_checks
    from viewer.services.checks.scopes import scopes_of
    from viewer.services.reviewer_work import reattach_reviewer_work

    previous = scopes_of(db, doc_ids)
    with db.atomic():
        for doc_id in doc_ids:
            reattach_reviewer_work(db, doc_id)
    update_checks(db, doc_ids=doc_ids, previous=previous)
