"""Changes to the set of documents in a store: removing reports, replacing a report by a new
version of it. What the reviewer is shown before, and told after."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentRef:
    """A stored document as a reviewer recognises it."""

    doc_id: int
    title: str
    path: str


@dataclass(frozen=True)
class RemovalPreview:
    """What removing documents touches: their notes and corrections are kept, orphaned."""

    documents: tuple[DocumentRef, ...]
    notes: int
    corrections: int
    findings: int  # findings citing one of the documents: recomputed without them


@dataclass(frozen=True)
class RemovalReport:
    removed: tuple[DocumentRef, ...]
    notes_orphaned: int
    corrections_orphaned: int
    unknown: tuple[int, ...] = ()  # ids asked for that are not in the store


@dataclass(frozen=True)
class VersionMatch:
    """A newly stored document that looks like a new version of a stored one: the same title
    and most paragraphs shared."""

    old: DocumentRef
    new: DocumentRef
    shared: int  # paragraphs (by text fingerprint) the two share
    old_paragraphs: int  # fingerprinted paragraphs of each
    new_paragraphs: int
    notes: int  # the old version's notes and corrections, which a replacement carries over
    corrections: int


@dataclass(frozen=True)
class VersionReplacement:
    """The old version removed, its reviewer's work moved to the new one."""

    old: DocumentRef
    new: DocumentRef
    notes_moved: int  # found again in the new text
    notes_orphaned: int  # quote gone: kept on the new version, orphaned
    corrections_moved: int
    corrections_orphaned: int
    metadata_kept: bool  # the reviewer's corrected title, place, year... carried over
