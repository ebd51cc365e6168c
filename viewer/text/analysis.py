"""Turn one file into an AnalyzedDocument: read, split, segment, find figures and entities.

Runs in worker processes during ingest, so it takes and returns picklable values only.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from viewer.model import AnalyzedDocument, Document, Entity, Figure, Sentence
from viewer.text.attribution import DocumentContext, attribute_figures
from viewer.text.entities import EntityContext, entity_aliases, entity_code, find_mentions
from viewer.text.figures import find_figures
from viewer.text.metadata import Metadata, extract_metadata
from viewer.text.readers import ReadError, read_document
from viewer.text.repeats import paragraph_hash
from viewer.text.sentences import split_paragraphs, split_sentences

MAX_CHARS = 5_000_000  # about 3,000 pages; the largest real report has 42,000 characters

# The version of the analysis (figures and their attribution, entities, sentences). A store
# records per document the version that analysed it; importing an unchanged file analysed by an
# older version analyses and stores it again, so a store never keeps an old attribution forever.
# Bump it whenever a change to viewer/text changes what is stored for the same text.
#   1  everything before the version was recorded
#   2  clause frames: figures record how their indicator, place and period were found
#   3  今年以来 / 年初以来 / 截至目前 of the current year: a year to date (2023-YTD), not the year
#   4  目前 / 当前 of the year the document appeared in: the year to date, as 截至目前
ANALYSIS_VERSION = 4


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def analyze_file(path: Path, sha256: str) -> AnalyzedDocument:
    """Read and analyse a file; raises viewer.text.readers.ReadError for unreadable input."""
    text = read_document(path)
    if len(text) > MAX_CHARS:
        raise ReadError(path, f"too large for a report ({len(text):,} characters; the limit is {MAX_CHARS:,})")
    return analyze_text(str(path), text, sha256)


def document_figures(text: str, meta: Metadata, sentences: list[Sentence]) -> list[Figure]:
    """The figures of a text, attributed in the context its metadata gives."""
    context = DocumentContext(meta.region, meta.year, meta.published, meta.region_how)
    return attribute_figures(text, find_figures(text), sentences, context)


def text_figures(text: str) -> list[Figure]:
    """The figures of a text as the import attributes them, without the rest of the analysis."""
    return document_figures(text, extract_metadata(text), split_sentences(text))


def analyze_text(path: str, text: str, sha256: str, with_index: bool = True) -> AnalyzedDocument:
    """The whole analysis of a text. `with_index=False` leaves out what only the repeat check needs
    (`paragraph_hashes` stay empty): a re-analysis of a stored text keeps the stored ones."""
    meta = extract_metadata(text)
    document = Document(
        path=path, sha256=sha256, text=text, title=meta.title or Path(path).stem, region=meta.region,
        publisher=meta.publisher, published=meta.published, year=meta.year, kind=meta.kind,
    )
    paragraphs = split_paragraphs(text)
    sentences = split_sentences(text, paragraphs)
    figures = document_figures(text, meta, sentences)
    mentions = find_mentions(text, EntityContext(region=meta.region))
    entities = [
        Entity(name=name, type=type_, code=entity_code(name, type_), aliases=entity_aliases(name, type_))
        for name, type_ in dict.fromkeys((m.canonical, m.type) for m in mentions)
    ]
    return AnalyzedDocument(
        document=document,
        paragraphs=paragraphs,
        paragraph_hashes=[paragraph_hash(text[p.start : p.end]) for p in paragraphs] if with_index else [],
        sentences=sentences,
        figures=figures,
        mentions=mentions,
        entities=entities,
        analysis_version=ANALYSIS_VERSION,
    )
