"""Attribute each figure of a document: period, indicator, region, role and confidence.

Everything is read from the figure's surroundings, nearest first: its clause (split at
，；：), its sentence, then the period the text is in (set by headings such as '## 2021'
or '2023年重点工作' and by sentences that open with a time: '2020年，…'). Work per
document is linear: mentions of periods, indicators and places are found once over the
whole text and looked up per figure by position. Each question has its module:
attribution_indicator, attribution_period, attribution_region and attribution_role;
attribution_sections reads numbered headings of plans (三、2023年工作计划) and of results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.model import Figure, Sentence
from viewer.text.attribution_indicator import SentenceIndicators
from viewer.text.attribution_period import figure_period, respectively_years
from viewer.text.attribution_region import CountyMentions
from viewer.text.attribution_role import figure_measure, inherited_measure, level_role, settle_indicator
from viewer.text.attribution_timeline import LogicalSentence, Timeline, build_timeline
from viewer.text.indicator_mentions import IndicatorMentions
from viewer.text.indicators import IndicatorEntry, Lexicon, load_lexicon
from viewer.text.periods import Period
from viewer.text.roles import SentenceModality

_RANGE_GAP = re.compile(r"\s*[—–～~-]{1,2}\s*")
_RANGE_GAP_MAX = 4


@dataclass(frozen=True)
class DocumentContext:
    region: str | None
    year: int | None
    published: str | None = None  # ISO partial date: "2021-11", "2023-04-04", "2022"

    @property
    def current_year(self) -> int | None:
        """The year 今年 means: the publication year, else the document's year."""
        if self.published and self.published[:4].isdigit():
            return int(self.published[:4])
        return self.year


def attribute_figures(
    text: str,
    figures: list[Figure],
    sentences: list[Sentence],
    context: DocumentContext,
    lexicon: Lexicon | None = None,
) -> list[Figure]:
    """Return copies of `figures` (in the given order) with their attribution filled in."""
    lexicon = lexicon if lexicon is not None else load_lexicon()
    timeline = build_timeline(text, sentences, context.current_year)
    attributor = _Attributor(text, timeline, context, lexicon)
    done: dict[int, Figure] = {}
    order = sorted(range(len(figures)), key=lambda i: (figures[i].start, figures[i].end))
    for sentence, members in _by_sentence(timeline, figures, order):
        for index, figure in zip(members, attributor.sentence(sentence, [figures[i] for i in members]), strict=True):
            done[index] = figure
    return [done.get(i, figures[i]) for i in range(len(figures))]


def _by_sentence(timeline: Timeline, figures: list[Figure], order: list[int]) -> list[tuple[LogicalSentence, list[int]]]:
    """The indices of the figures in each sentence, in text order."""
    groups: list[tuple[LogicalSentence, list[int]]] = []
    for index in order:
        sentence = timeline.sentence_at(figures[index].start)
        if groups and groups[-1][0] is sentence:
            groups[-1][1].append(index)
        else:
            groups.append((sentence, [index]))
    return groups


class _Attributor:
    def __init__(self, text: str, timeline: Timeline, context: DocumentContext, lexicon: Lexicon) -> None:
        self.text = text
        self.context = context
        self.current_year = context.current_year
        self.lexicon = lexicon
        self.indicators = IndicatorMentions(text, timeline, lexicon)
        self.counties = CountyMentions(text, context.region)

    def sentence(self, sentence: LogicalSentence, figures: list[Figure]) -> list[Figure]:
        """The figures of one sentence, in text order, attributed."""
        text = self.text
        clauses = [sentence.clause(figure.start) for figure in figures]
        mentions = self.indicators.within(sentence.start, sentence.end)
        indicators = SentenceIndicators(text, self.lexicon, sentence, figures, clauses, mentions)
        measures: list[str | None] = []
        cues: SentenceModality | None = None
        years = respectively_years(text, sentence, figures) if sentence.periods else {}
        results: list[Figure] = []
        for position, figure in enumerate(figures):
            clause_start = clauses[position][0]
            previous = figures[position - 1] if position else None
            if previous is not None and figure.start - previous.end <= _RANGE_GAP_MAX \
                    and previous.kind == figure.kind and _RANGE_GAP.fullmatch(text, previous.end, figure.start):
                # 11%—13%: the upper end of a range the finder gave as two figures.
                indicators.record(indicators.chosen[-1])
                measures.append(measures[-1])
                results.append(_same_as(figure, results[-1]))
                continue
            measure = figure_measure(text, figure, clause_start, previous, measures[-1] if measures else None)
            choice = indicators.choose(position, measure)
            entry, confidence, measure = settle_indicator(text, self.lexicon, figure, clause_start, choice, measure)
            if measure is None and entry is not None and entry.parent:
                measure = inherited_measure(self.lexicon, entry, indicators.chosen, measures)
            period, period_confidence, source = figure_period(
                text, figure, sentence, clause_start, measure, previous, self.current_year, years.get(position))
            if measure is not None:
                role = measure
            else:
                cues = cues or SentenceModality(text, sentence.start, sentence.end)
                role = level_role(cues, figure, period, source, self.current_year, sentence.section_role)
            indicators.record(entry)
            measures.append(measure)
            region = self.counties.only_county(sentence.start, figure.start) or self.context.region
            results.append(_attributed(figure, sentence, period, entry, region, role,
                                       round(confidence * period_confidence, 2)))
        return results


def _same_as(found: Figure, other: Figure) -> Figure:
    """A copy of `found` attributed as `other` is."""
    return Figure(
        found.start, found.end, found.text, found.value, found.unit, found.kind, found.qualifier,
        found.value_high, found.unit_text, other.year, other.period, other.period_start, other.period_end,
        other.indicator, other.region, other.role, other.sentence_start, other.sentence_end, other.confidence,
        found.id, found.doc_id,
    )


def _attributed(
    found: Figure, sentence: LogicalSentence, period: Period | None, entry: IndicatorEntry | None,
    region: str | None, role: str, confidence: float,
) -> Figure:
    """A copy of `found` with its attribution. Arguments in field order: for a class of 21
    fields, keywords cost three times as much (tests check the order)."""
    return Figure(
        found.start, found.end, found.text, found.value, found.unit, found.kind, found.qualifier,
        found.value_high, found.unit_text,
        period.year if period else None, period.label if period else "",
        period.start if period else None, period.end if period else None,
        entry.name if entry else None, region, role, sentence.start, sentence.end, confidence,
        found.id, found.doc_id,
    )
