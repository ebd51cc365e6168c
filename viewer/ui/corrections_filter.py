"""Which corrections the 更正记录 dock lists: by words, status, the field changed and document.
No widget, so that it is tested without a window."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from viewer.model import Correction
from viewer.services.correction_rows import change_text
from viewer.ui.correction_labels import correction_summary


@dataclass(frozen=True)
class CorrectionFilter:
    text: str = ""  # words to find in the figure, change, document, author or sentence
    status: str = ""  # a CorrectionStatus, or "" for every status
    field: str = ""  # a correctable field the correction changes, or "" for any
    doc_path: str | None = None  # only the corrections of this document's file

    def accepts(self, correction: Correction) -> bool:
        if self.status and correction.status != self.status:
            return False
        if self.field and self.field not in correction.changes:
            return False
        if self.doc_path is not None and correction.doc_path != self.doc_path:
            return False
        words = self.text.split()
        if not words:
            return True
        haystack = searchable_text(correction).casefold()
        return all(word.casefold() in haystack for word in words)


def searchable_text(correction: Correction) -> str:
    """What the words are looked for in: what the dock shows, and the change in both languages."""
    return "\n".join((correction.quote, correction_summary(correction), change_text(correction, "zh"),
                      change_text(correction, "en"), correction.title, correction.doc_path, correction.author,
                      correction.sentence))


def filtered(corrections: Iterable[Correction], chosen: CorrectionFilter) -> list[Correction]:
    return [c for c in corrections if chosen.accepts(c)]


def file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]
