"""What the panes read: one facade over the store for the UI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from viewer.model import (
    Document,
    Entity,
    Figure,
    Finding,
    Mention,
    Note,
    Paragraph,
    Point,
    SearchHit,
    SearchTotals,
    Sentence,
    Series,
)
from viewer.model.library_changes import RemovalPreview, RemovalReport, VersionMatch, VersionReplacement
from viewer.services import search as search_service
from viewer.services import series as series_service
from viewer.store import connect, database, finding_counts, interrupt, review_queries
from viewer.store import documents as store_documents
from viewer.store import entities as store_entities
from viewer.store import figures as store_figures
from viewer.store import notes as store_notes
from viewer.store.connection import MEMORY
from viewer.store.read_only import writable

if TYPE_CHECKING:
    import sqlite_utils

    from viewer.services.correction_book import CorrectionBook


class Library:
    def __init__(self, store_path: Path | str) -> None:
        self.store_path = str(store_path)
        # A store that cannot be written (a read-only folder or file) is opened for reading only.
        self.read_only = self.store_path != MEMORY and not writable(Path(store_path))
        self.conn = connect(store_path, read_only=self.read_only)  # reads need no sqlite-utils
        self._db: sqlite_utils.Database | None = None
        self._corrections: CorrectionBook | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        """The same connection through sqlite-utils, for writes."""
        if self._db is None:
            self._db = database(self.conn)
        return self._db

    @property
    def corrections(self) -> CorrectionBook:
        """The reviewer's corrections of figures (viewer.services.correction_book)."""
        if self._corrections is None:
            from viewer.services.correction_book import CorrectionBook

            self._corrections = CorrectionBook(self.conn, lambda: self.db)
        return self._corrections

    @property
    def in_memory(self) -> bool:
        """The store lives in this connection only: no other connection (thread) can read it."""
        return self.store_path == MEMORY

    def close(self) -> None:
        self.conn.close()

    def reload(self) -> None:
        """See writes made by another connection (an import in a worker)."""
        self.conn.commit()

    # documents
    def documents(self, region: str | None = None, year: int | None = None, kind: str | None = None) -> list[Document]:
        return store_documents.list_documents(self.conn, region, year, kind)

    def document(self, doc_id: int) -> Document:
        doc = store_documents.get_document(self.conn, doc_id)
        if doc is None:
            raise KeyError(f"no document {doc_id} in {self.store_path}")
        return doc

    def is_empty(self) -> bool:
        return store_documents.is_empty(self.conn)

    def paragraphs(self, doc_id: int) -> list[Paragraph]:
        return store_documents.get_paragraphs(self.conn, doc_id)

    def sentences(self, doc_id: int) -> list[Sentence]:
        return store_documents.get_sentences(self.conn, doc_id)

    def update_metadata(self, doc_id: int, **fields: Any) -> None:
        store_documents.update_metadata(self.db, doc_id, **fields)

    def filter_values(self) -> dict[str, list[Any]]:
        return store_documents.filter_values(self.conn)

    # figures and series
    def figures(self, doc_id: int) -> list[Figure]:
        return store_figures.document_figures(self.conn, doc_id)

    def figure(self, figure_id: int) -> Figure:
        found = store_figures.get_figure(self.conn, figure_id)
        if found is None:
            raise KeyError(f"no figure {figure_id}")
        return found

    def indicators(self) -> list[str]:
        return [name for name, _ in store_figures.indicator_names(self.conn)]

    def series(self, indicator: str, regions: list[str] | None = None, unit: str | None = None) -> Series:
        return series_service.series(self.conn, indicator, regions, unit)

    def series_for_figure(self, figure_id: int, regions: list[str] | None = None) -> Series:
        return series_service.series_for_figure(self.conn, self.figure(figure_id), regions)

    def with_sentences(self, points: list[Point]) -> list[Point]:
        """Series points come without their source sentences (see store.figures.series_rows)."""
        return series_service.with_sentences(self.conn, points)

    # entities
    def entities(self, doc_id: int | None = None, type_: str | None = None) -> list[Entity]:
        return store_entities.entities(self.conn, doc_id, type_)

    def mentions(self, doc_id: int) -> list[Mention]:
        return store_entities.document_mentions(self.conn, doc_id)

    def entity_mentions(self, entity_id: int, doc_id: int) -> list[Mention]:
        return store_entities.document_mentions(self.conn, doc_id, entity_id)

    def entity_documents(self, entity_id: int) -> list[Document]:
        return store_entities.entity_documents(self.conn, entity_id)

    def merge_entities(self, alias_id: int, canonical_id: int) -> None:
        """Fold one entity into another of the same type; kept across re-imports."""
        store_entities.merge_entities(self.db, alias_id, canonical_id)

    def merge_entity_names(self, alias: str, canonical: str, type_: str) -> None:
        alias_id = store_entities.entity_id(self.conn, alias, type_)
        canonical_id = store_entities.entity_id(self.conn, canonical, type_)
        if alias_id is None or canonical_id is None:
            missing = alias if alias_id is None else canonical
            raise KeyError(f"no {type_} entity named {missing}")
        self.merge_entities(alias_id, canonical_id)

    # search
    def search(self, query: str, limit: int = 50, after: SearchHit | None = None,
               doc_id: int | None = None) -> list[SearchHit]:
        """A page of hits in document order: see services.search.search."""
        return search_service.search(self.conn, query, limit, after, doc_id)

    def search_totals(self, query: str) -> SearchTotals:
        """How many hits in all and per document; reads every document holding them."""
        return search_service.totals(self.conn, query)

    # checks, notes and the review report: their services are imported on first use, since
    # showing the window needs none of them
    def findings(self, doc_id: int | None = None, kind: str | None = None,
                 figure_id: int | None = None) -> list[Finding]:
        from viewer.services import checks as checks_service

        return checks_service.findings(self.conn, doc_id=doc_id, kind=kind, figure_id=figure_id)

    def run_checks(self) -> list[tuple[str, str, int]]:
        """Recompute every finding; (kind, verdict, how many) of them (the findings are read when shown)."""
        from viewer.services import checks as checks_service

        return checks_service.check_counts(self.db)

    # notes
    def notes(self, doc_id: int | None = None) -> list[Note]:
        """A document's notes (by its id, or its path: orphaned ones too), or all notes. Read here
        rather than through services.notes, which opening a document need not import."""
        if doc_id is None:
            return store_notes.list_notes(self.conn)
        path = review_queries.document_path(self.conn, doc_id)
        return store_notes.list_notes(self.conn, doc_id=doc_id, doc_path=path)

    def add_note(self, doc_id: int, start: int, end: int, body: str = "", tags: tuple[str, ...] = ()) -> Note:
        from viewer.services import notes as notes_service

        return notes_service.add_note(self.db, doc_id, start, end, body, tags)

    def edit_note(self, note_id: int, body: str | None = None, tags: tuple[str, ...] | None = None) -> Note:
        from viewer.services import notes as notes_service

        return notes_service.edit_note(self.db, note_id, body, tags)

    def delete_note(self, note_id: int) -> Note:
        from viewer.services import notes as notes_service

        return notes_service.delete_note(self.db, note_id)

    def restore_note(self, note: Note) -> Note:
        from viewer.services import notes as notes_service

        return notes_service.restore_note(self.db, note)

    # review report
    def write_review(self, fmt: str, out: Path, lang: str = "zh") -> None:
        from viewer.services import review as review_service

        review_service.write_review(self.conn, fmt, out, lang)

    # cheap reads for a large store (counts, one document's share, lookups by id)
    def document_rows(self) -> list[Document]:
        """Every document for the library list: no text, hash or import time."""
        return review_queries.document_rows(self.conn)

    def largest_document_id(self) -> int | None:
        """The document with the longest text (reads every text: for tests and benchmarks)."""
        return review_queries.largest_document_id(self.conn)

    def documents_mentioning(self, entity_id: int) -> list[Document]:
        """Like `entity_documents`, without listing the whole library."""
        return review_queries.documents_by_id(self.conn, review_queries.entity_document_ids(self.conn, entity_id))

    def finding_totals(self) -> tuple[int, int]:
        """(all findings, findings that need attention)."""
        return finding_counts.finding_totals(self.conn)

    def document_finding_counts(self) -> dict[int, tuple[int, int]]:
        """doc id -> (findings with evidence in it, of which need attention), as the writes of
        findings keep them: a row per document."""
        return finding_counts.document_finding_counts(self.conn)

    def document_findings(self, doc_id: int) -> list[Finding]:
        """The document's findings, each with only its evidence in this document."""
        return review_queries.document_findings(self.conn, doc_id)

    def finding(self, finding_id: int) -> Finding | None:
        """One finding with all its evidence and their sources."""
        return review_queries.finding(self.conn, finding_id)

    def figure_flag_rows(self, figure_ids: list[int]) -> list[tuple[int, str, str, str]]:
        """(figure id, kind, verdict, evidence label) of conflicts, outliers and targets citing the figures."""
        return review_queries.figure_flag_rows(self.conn, figure_ids)

    def indicator_region_counts(self, indicator: str) -> dict[str, int]:
        """region -> how often the indicator is reported there (all units and roles)."""
        return store_figures.indicator_region_counts(self.conn, indicator)

    def busiest_regions(self, indicator: str, limit: int) -> list[str]:
        """The `limit` regions where the indicator is reported most (ties: by name)."""
        return store_figures.busiest_regions(self.conn, indicator, limit)

    def interrupt(self) -> None:
        """Stop the query running on this library's connection (from any thread); a no-op once closed."""
        interrupt(self.conn)

    # the chart: one point per marker (see services.series.chart_marks)
    def chart_series(self, indicator: str, regions: list[str] | None = None) -> Series:
        return series_service.chart_series(self.conn, indicator, regions)

    def chart_series_for_figure(self, figure: Figure, regions: list[str] | None = None) -> Series:
        return series_service.chart_series_for_figure(self.conn, figure, regions)

    def sources_at(self, indicator: str, unit: str, points: list[Point],
                   ranges: list[series_service.ValueRange] | None = None) -> list[Point]:
        """Every report behind chart points and ranges, with sentences (for export)."""
        return series_service.sources_at(self.conn, indicator, unit, points, ranges)

    def place_reports(self, indicator: str, unit: str, value_range: series_service.ValueRange) -> int:
        """The reports behind a chart's range (see `series.place_reports`)."""
        return series_service.place_reports(self.conn, indicator, unit, value_range)

    def point_details(self, points: list[Point]) -> list[Point]:
        """Chart markers with their details, read by figure id (see `series.point_details`)."""
        return series_service.point_details(self.conn, points)

    def figures_at(self, indicator: str, unit: str, points: list[Point]) -> dict[tuple[Any, ...], list[int]]:
        """(region, role, year, value, qualifier, value_high) -> the figures behind chart points
        that the checks cite (those that can flag a point)."""
        return series_service.flagged_positions(self.conn, indicator, unit, points)

    def flag_rows_at(self, indicator: str, unit: str, points: list[Point]) -> list[series_service.FlagRow]:
        """(position, figure id, its document, check kind, verdict, evidence label) of the checks
        that can flag chart points, citing the figures behind them: `figures_at` and
        `figure_flag_rows` in one read."""
        return series_service.flag_rows_at(self.conn, indicator, unit, points)

    # removing documents, new versions, the samples (see services.removal, .versions, .demo)
    def removal_preview(self, doc_ids: list[int]) -> RemovalPreview:
        from viewer.services.removal import removal_preview

        return removal_preview(self.conn, doc_ids)

    def remove_documents(self, doc_ids: list[int]) -> RemovalReport:
        """Remove documents; their notes and corrections are kept, orphaned (see services.removal)."""
        from viewer.services.removal import remove_documents

        self.conn.commit()
        return remove_documents(self.db, doc_ids)

    def sample_documents(self) -> list[int]:
        """Ids of the bundled fictional samples in this store."""
        from viewer.services.demo import sample_documents

        return sample_documents(self.conn)

    def find_versions(self, doc_ids: list[int]) -> list[VersionMatch]:
        """Documents of `doc_ids` that look like new versions of other stored ones."""
        from viewer.services.versions import find_versions

        return find_versions(self.conn, doc_ids)

    def replace_versions(self, matches: list[VersionMatch]) -> list[VersionReplacement]:
        from viewer.services.versions import replace_versions

        self.conn.commit()
        return replace_versions(self.db, matches)
