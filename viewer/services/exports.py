"""Exports of figures, series and entities, one row per item, citing the source file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from viewer.services import series as series_service
from viewer.services.confidence import CONFIDENCE_COLUMNS, figure_columns, point_columns
from viewer.services.correction_rows import change_text
from viewer.services.corrections import list_corrections
from viewer.services.tables import write_rows
from viewer.store import documents as store_documents
from viewer.store import entities as store_entities
from viewer.store import figures as store_figures
from viewer.store.connection import Queryable
from viewer.text.indicators import load_lexicon

if TYPE_CHECKING:
    pass

# How each figure was attributed and which of its slots to check (services.confidence) come
# before the sentence, which stays last.
FIGURE_COLUMNS: tuple[str, ...] = ("doc", "start", "end", "text", "value", "value_high", "unit", "kind", "qualifier", "year",
                  "period", "indicator", "region", "role", "confidence", *CONFIDENCE_COLUMNS, "sentence")
SERIES_COLUMNS: tuple[str, ...] = ("indicator", "region", "year", "period", "value", "value_high", "unit", "role", "qualifier",
                  "text", "doc", "start", "end", *CONFIDENCE_COLUMNS, "sentence")
ENTITY_COLUMNS: tuple[str, ...] = ("type", "name", "aliases", "code", "mentions", "documents")
CORRECTION_COLUMNS: tuple[str, ...] = ("id", "doc", "figure", "change", "changes", "machine", "author", "status",
                                       "created", "updated", "sentence")


def figure_rows(db: Queryable) -> list[dict[str, Any]]:
    return [
        {"doc": file_name, "start": f.start, "end": f.end, "text": f.text, "value": f.value,
         "value_high": f.value_high, "unit": f.unit, "kind": f.kind, "qualifier": f.qualifier, "year": f.year,
         "period": f.period, "indicator": f.indicator, "region": f.region, "role": f.role,
         "confidence": round(f.confidence, 3), **figure_columns(f), "sentence": sentence}
        for file_name, sentence, f in store_figures.all_figures(db)
    ]


def canonical_indicator(name: str) -> str:
    """The taxonomy's canonical name for an alias a reviewer types (研发投入强度 -> 研发经费投入强度);
    any other name (a provisional indicator) as given."""
    senses = load_lexicon().candidates(name.strip())
    return senses[0].name if senses else name.strip()


def series_rows(db: Queryable, indicator: str, region: str | None = None) -> list[dict[str, Any]]:
    found = series_service.series(db, indicator, [region] if region else None, with_sentences=True)
    files = store_documents.file_names(db)
    return [
        {"indicator": indicator, "region": p.region, "year": p.year, "period": p.period, "value": p.value,
         "value_high": p.value_high, "unit": found.unit, "role": p.role, "qualifier": p.qualifier, "text": p.text,
         "doc": files.get(p.doc_id), "start": p.start, "end": p.end, **point_columns(p), "sentence": p.sentence}
        for p in found.points
    ]


def entity_rows(db: Queryable) -> list[dict[str, Any]]:
    return [
        {"type": e.type, "name": e.name, "aliases": e.aliases, "code": e.code, "mentions": e.mentions,
         "documents": files}
        for e, files in store_entities.entity_rows_for_export(db)
    ]


def correction_export_rows(db: Queryable) -> list[dict[str, Any]]:
    """Every correction: the figure, what changed from what (in words and as JSON), who, when."""
    return [
        {"id": c.id, "doc": c.doc_path.replace("\\", "/").rsplit("/", 1)[-1], "figure": c.quote,
         "change": change_text(c), "changes": json.dumps(c.changes, ensure_ascii=False, sort_keys=True),
         "machine": json.dumps(c.machine, ensure_ascii=False, sort_keys=True), "author": c.author,
         "status": c.status, "created": c.created_at, "updated": c.updated_at, "sentence": c.sentence}
        for c in list_corrections(db)
    ]


def export(db: Queryable, what: str, fmt: str, out: Path | None, stdout: IO[str] | None = None,
           indicator: str | None = None, region: str | None = None) -> int:
    """Write an export; returns the number of rows."""
    if what == "figures":
        rows, columns = figure_rows(db), FIGURE_COLUMNS
    elif what == "series":
        if not indicator:
            raise ValueError("export series needs --indicator NAME")
        rows, columns = series_rows(db, canonical_indicator(indicator), region), SERIES_COLUMNS
    elif what == "entities":
        rows, columns = entity_rows(db), ENTITY_COLUMNS
    elif what == "corrections":
        rows, columns = correction_export_rows(db), CORRECTION_COLUMNS
    else:
        raise ValueError(f"nothing to export called {what!r}")
    write_rows(rows, columns, fmt, out, stdout, sheet=what)
    return len(rows)
