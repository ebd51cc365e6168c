"""A real store of invented reports holding given series, for the chart's tests: each point of a
series becomes a figure in a sentence of its document (one document per `doc_id`, titled by its
points' `doc_title`, of the year of its latest point unless `years` says otherwise), read back
through the path the app takes (Library)."""

from __future__ import annotations

from pathlib import Path

from viewer.model import AnalyzedDocument, Document, Figure, Paragraph, Point, Role, Sentence, Series
from viewer.services.library import Library
from viewer.store import documents as store_documents
from viewer.store import open_store


def _sentence(series: Series, point: Point) -> tuple[str, str]:
    """(the words before the figure, the figure's text): the point's own sentence when it has one."""
    number = f"{point.value:g}{series.unit}"
    return point.sentence or f"{point.region}{point.year}年{series.indicator}为", number


def store_of(path: Path, *many: Series, years: dict[int, int] | None = None) -> Library:
    by_doc: dict[int, list[tuple[Series, Point]]] = {}
    for series in many:
        for point in series.points:
            by_doc.setdefault(point.doc_id, []).append((series, point))
    db = open_store(path)
    for doc_id, members in sorted(by_doc.items()):
        title = members[0][1].doc_title or f"文档{doc_id}"
        text, figures = title + "\n", []
        for series, point in members:
            lead, number = _sentence(series, point)
            start = len(text) + len(lead)
            figures.append(Figure(
                start, start + len(number), number, point.value, series.unit, series.kind, qualifier=point.qualifier,
                value_high=point.value_high, year=point.year, period=point.period or str(point.year),
                indicator=series.indicator, region=point.region, role=point.role, sentence_start=len(text),
                sentence_end=start + len(number) + 1, provisional=point.provisional,
                indicator_how=point.indicator_how or "alias", region_how=point.region_how or "clause",
                period_how=point.period_how or "clause",
                modality=point.role if point.role in (Role.TARGET, Role.ESTIMATE) else Role.ACTUAL))
            text += f"{lead}{number}。\n"
        year = (years or {}).get(doc_id, max(p.year for _s, p in members))
        store_documents.save_document(db, AnalyzedDocument(
            document=Document(path=f"/invented/{doc_id}.txt", sha256=f"{doc_id:064x}", text=text, title=title,
                              year=year),
            paragraphs=[Paragraph(0, 0, len(text))], paragraph_hashes=[None],
            sentences=[Sentence(0, 0, len(text), 0)], figures=figures, analysis_version=2))
    db.conn.close()
    return Library(path)


def chart_figure(library: Library, indicator: str, region: str, year: int, role: str = Role.ACTUAL) -> Figure:
    """The stored figure of a series at a region and full year (what a click in the text gives),
    of the first document stating it."""
    for document in sorted(library.document_rows(), key=lambda d: d.id or 0):
        for figure in library.figures(document.id or 0):
            if (figure.indicator, figure.region, figure.year, figure.role, figure.period) == \
                    (indicator, region, year, role, str(year)):
                return figure
    raise AssertionError(f"no figure of {indicator} at {region} {year}")
