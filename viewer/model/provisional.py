"""Provisional indicators (a phrase of the text the taxonomy lacks) as the store holds them, and
what mapping one to an indicator of the taxonomy, or renaming it, will change."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProvisionalExample:
    """One figure filed under a provisional indicator, with its sentence."""

    figure_id: int
    doc_id: int
    figure: str  # the figure as written
    sentence: str
    title: str


@dataclass(frozen=True)
class ProvisionalIndicator:
    name: str
    figures: int
    documents: int
    units: tuple[str, ...]  # the base units of its figures, most frequent first
    examples: tuple[ProvisionalExample, ...] = ()


@dataclass(frozen=True)
class MappingPlan:
    """A provisional indicator to be filed under `target`: an indicator of the taxonomy
    (`to_taxonomy`), else its new provisional name; the figures and documents it holds now."""

    phrase: str
    target: str
    to_taxonomy: bool
    figures: int
    doc_ids: tuple[int, ...]

    @property
    def documents(self) -> int:
        return len(self.doc_ids)
