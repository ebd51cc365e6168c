"""Where a document names indicators: found once per document, looked up by position.

A context-only alias (其中企业 after 研发投入) names an indicator only when the mention
before it in the same sentence is of the indicator it belongs to; unresolved ones are dropped.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from viewer.text.attribution_timeline import Timeline
from viewer.text.indicators import IndicatorEntry, Lexicon


class IndicatorMention(NamedTuple):
    start: int
    end: int
    name: str  # the canonical name of the indicator the mention was resolved to
    surface: str
    via_context: bool = False


class IndicatorMentions:
    def __init__(self, text: str, timeline: Timeline, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.mentions = self._find(text, timeline)
        self._starts = [m.start for m in self.mentions]

    def within(self, start: int, end: int) -> list[IndicatorMention]:
        """Mentions that begin inside text[start:end], in order."""
        starts = self._starts
        return self.mentions[bisect_left(starts, start) : bisect_left(starts, end)]

    def _find(self, text: str, timeline: Timeline) -> list[IndicatorMention]:
        found = self.lexicon.find(text)
        mentions = [IndicatorMention(s, e, name, text[s:e]) for s, e, name in found]
        hits = self.lexicon.find_context(text, found)
        if not hits:
            return mentions
        starts = [m.start for m in mentions]
        resolved: list[IndicatorMention] = []
        for hit in hits:
            # The latest mention before the hit: an ordinary one, or a context hit resolved before.
            index = bisect_left(starts, hit.start) - 1
            recent = mentions[index] if index >= 0 else None
            if resolved and (recent is None or resolved[-1].start > recent.start):
                recent = resolved[-1]
            if recent is not None and timeline.sentence_at(recent.start) is not timeline.sentence_at(hit.start):
                recent = None
            entry = self._resolve_context(hit.candidates, recent)
            if entry is not None:
                resolved.append(IndicatorMention(hit.start, hit.end, entry.name, hit.surface, True))
        return sorted([*mentions, *resolved], key=lambda m: m.start)

    def _resolve_context(
        self, candidates: tuple[IndicatorEntry, ...], previous: IndicatorMention | None
    ) -> IndicatorEntry | None:
        if previous is None:
            return None
        for entry in candidates:
            anchor = entry.context
            if anchor is not None and self.lexicon.is_within(previous.name, anchor):
                return entry
        return None
