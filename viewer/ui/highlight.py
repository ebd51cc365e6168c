"""Highlight spans through a QSyntaxHighlighter: formats never enter the document itself.

Spans come in layers (paragraph marks < notes < entities < figures < findings < selected
entity < search); where
spans overlap, their formats are merged in layer order, so a search hit keeps a figure's
underline. All block formats are computed once per change, in one sweep over the spans.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

from viewer.ui.utf16 import Utf16Map

LAYER_PARAGRAPH = 0
LAYER_NOTE = 1
LAYER_ENTITY = 2
LAYER_FIGURE = 3
LAYER_FINDING = 4
LAYER_ENTITY_SELECTED = 5
LAYER_SEARCH = 6

BlockFormats = dict[int, list[tuple[int, int, QTextCharFormat]]]


@dataclass(frozen=True)
class StyledSpan:
    start: int  # code points
    end: int
    layer: int
    fmt: QTextCharFormat


def block_formats(spans: list[StyledSpan], utf16: Utf16Map, block_starts: list[int]) -> BlockFormats:
    """Cut the spans into non-overlapping runs, merge each run's formats, split runs at blocks.

    `block_starts` are the UTF-16 positions of the document's blocks, ascending.
    """
    events: list[tuple[int, int, int]] = []
    for index, span in enumerate(spans):
        start, end = utf16.to_utf16(span.start), utf16.to_utf16(span.end)
        if start < end:
            events.append((start, 1, index))
            events.append((end, 0, index))
    events.sort()
    result: BlockFormats = {}
    merged_cache: dict[tuple[int, ...], QTextCharFormat] = {}
    active: set[int] = set()
    previous = 0
    for position, is_start, index in events:
        if active and position > previous:
            key = tuple(sorted(active, key=lambda i: (spans[i].layer, i)))
            fmt = merged_cache.get(key)
            if fmt is None:
                fmt = _merge([spans[i].fmt for i in key])
                merged_cache[key] = fmt
            _add_run(result, block_starts, previous, position, fmt)
        previous = position
        if is_start:
            active.add(index)
        else:
            active.discard(index)
    return result


def _merge(formats: list[QTextCharFormat]) -> QTextCharFormat:
    if len(formats) == 1:
        return formats[0]
    merged = QTextCharFormat(formats[0])
    for fmt in formats[1:]:
        merged.merge(fmt)
    return merged


def _add_run(result: BlockFormats, block_starts: list[int], start: int, end: int,
             fmt: QTextCharFormat) -> None:
    block = max(bisect_right(block_starts, start) - 1, 0)
    while start < end:
        block_end = block_starts[block + 1] if block + 1 < len(block_starts) else end
        stop = min(end, block_end)
        if stop > start:
            result.setdefault(block, []).append((start - block_starts[block], stop - start, fmt))
        start = stop
        block += 1


class DocumentHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._blocks: BlockFormats = {}

    def set_spans(self, spans: list[StyledSpan], utf16: Utf16Map) -> None:
        document = self.document()
        starts: list[int] = []
        block = document.firstBlock()
        while block.isValid():
            starts.append(block.position())
            block = block.next()
        self._blocks = block_formats(spans, utf16, starts)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        for start, length, fmt in self._blocks.get(self.currentBlock().blockNumber(), ()):
            self.setFormat(start, length, fmt)
