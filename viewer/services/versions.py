"""A new version of a stored report: a changed copy imported under another name or folder.

Found by title and paragraphs: the same title (ignoring spaces and a draft mark such as
（征求意见稿）) and most paragraphs shared, by their text fingerprints (viewer.text.repeats:
paragraphs of 20 characters or more). Shared means at least VERSION_SHARE of the shorter
version's fingerprinted paragraphs and MIN_LONGER_SHARE of the longer one's, so a revision that
adds or drops a few sections is a version, and a short article quoting a report is not.

Replacing moves the old version's notes and corrections (and metadata a reviewer corrected) to
the new version, found again by their quotes in the new text; those whose quote is gone stay on
the new version, orphaned, never dropped. Then the old version is removed and the findings both
took part in are recomputed (the shared paragraphs are no longer repeats of each other).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from viewer.model import CorrectionStatus, NoteStatus
from viewer.model.library_changes import DocumentRef, VersionMatch, VersionReplacement
from viewer.services.checks import update_checks
from viewer.services.checks.scopes import scopes_of
from viewer.services.corrections import reapply_to_document
from viewer.services.notes import reanchor_notes
from viewer.store import corrections as store_corrections
from viewer.store import documents as store_documents
from viewer.store import library_changes as store_changes
from viewer.store import notes as store_notes
from viewer.store import write_transaction
from viewer.store.connection import Queryable

if TYPE_CHECKING:
    import sqlite_utils

VERSION_SHARE = 0.6
MIN_LONGER_SHARE = 0.3
_DRAFT = re.compile(r"[（(【\[]\s*(?:草案|征求意见稿|修订稿|送审稿|讨论稿|修改稿|定稿|终稿|送审版)\s*[）)】\]]")
_SPACE = re.compile(r"\s+")


def title_key(title: str) -> str:
    """A title as versions share it: without spaces or a draft mark."""
    return _SPACE.sub("", _DRAFT.sub("", title))


def find_versions(db: Queryable, doc_ids: Iterable[int]) -> list[VersionMatch]:
    """For each of `doc_ids` (documents just stored) that looks like a new version of another
    stored document, the best such pair; no old version is offered twice."""
    new_ids = set(doc_ids)
    by_title: dict[str, list[int]] = {}
    titles = store_changes.titles(db)
    for doc_id, title in titles:
        key = title_key(title)
        if key:
            by_title.setdefault(key, []).append(doc_id)
    fingerprints: dict[int, Counter[int]] = {}

    def prints(doc_id: int) -> Counter[int]:
        if doc_id not in fingerprints:
            fingerprints[doc_id] = Counter(store_changes.paragraph_fingerprints(db, doc_id))
        return fingerprints[doc_id]

    best: dict[int, tuple[int, int, int]] = {}  # old id -> (shared, new id, old id) of its best claim
    for doc_id, title in titles:
        if doc_id not in new_ids:
            continue
        olds = [o for o in by_title.get(title_key(title), []) if o not in new_ids]
        for old_id in olds:
            shared = sum((prints(doc_id) & prints(old_id)).values())
            if _is_version(shared, sum(prints(old_id).values()), sum(prints(doc_id).values())):
                claim = (shared, doc_id, old_id)
                if old_id not in best or claim[0] > best[old_id][0]:
                    best[old_id] = claim
    taken: set[int] = set()
    matches: list[VersionMatch] = []
    for shared, new_id, old_id in sorted(best.values(), reverse=True):
        if new_id in taken:
            continue
        taken.add(new_id)
        refs = {d.doc_id: d for d in store_changes.document_refs(db, [old_id, new_id])}
        old, new = refs[old_id], refs[new_id]
        notes, corrections = store_changes.reviewer_work_counts(db, [old])
        matches.append(VersionMatch(old, new, shared, sum(prints(old_id).values()), sum(prints(new_id).values()),
                                    notes, corrections))
    return sorted(matches, key=lambda m: m.new.doc_id)


def _is_version(shared: int, old_count: int, new_count: int) -> bool:
    shorter, longer = min(old_count, new_count), max(old_count, new_count)
    return shorter > 0 and shared >= VERSION_SHARE * shorter and shared >= MIN_LONGER_SHARE * longer


def replace_version(db: sqlite_utils.Database, old_id: int, new_id: int) -> VersionReplacement:
    """Replace document `old_id` by its new version `new_id` (see the module's description)."""
    refs = {d.doc_id: d for d in store_changes.document_refs(db, [old_id, new_id])}
    if old_id == new_id or old_id not in refs or new_id not in refs:
        missing = [str(i) for i in (old_id, new_id) if i not in refs]
        raise KeyError(f"no document {', '.join(missing)}" if missing else "a document is not a version of itself")
    old, new = refs[old_id], refs[new_id]
    previous = scopes_of(db, [old_id, new_id])
    with write_transaction(db):
        note_ids = [n.id for n in store_notes.list_notes(db, doc_id=old_id, doc_path=old.path)]
        moved = store_corrections.corrections_of_path(db, old.path)
        metadata = store_changes.edited_metadata(db, old_id)
        store_changes.move_reviewer_work(db, old, new)
        if metadata is not None:
            store_documents.update_metadata(db, new_id, **metadata)
        store_documents.delete_document(db, old_id)
        reanchor_notes(db, new_id)
        for correction in moved:
            correction.doc_id, correction.doc_path = new_id, new.path
        reapply_to_document(db, new_id, moved)
        notes = [store_notes.get_note(db, i) for i in note_ids if i is not None]
        orphaned_notes = sum(1 for n in notes if n is not None and n.status == NoteStatus.ORPHANED)
        orphaned_corrections = sum(1 for c in moved if c.status == CorrectionStatus.ORPHANED)
    update_checks(db, doc_ids=[new_id], previous=previous)
    return VersionReplacement(old, _ref(db, new), len(notes) - orphaned_notes, orphaned_notes,
                              len(moved) - orphaned_corrections, orphaned_corrections, metadata is not None)


def replace_versions(db: sqlite_utils.Database, matches: Iterable[VersionMatch]) -> list[VersionReplacement]:
    return [replace_version(db, m.old.doc_id, m.new.doc_id) for m in matches]


def _ref(db: Queryable, doc: DocumentRef) -> DocumentRef:
    found = store_changes.document_refs(db, [doc.doc_id])
    return found[0] if found else doc
