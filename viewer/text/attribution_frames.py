"""The clause frames of one sentence, and the attribution each figure takes from its frame."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from viewer.model import Figure, Modality, Role
from viewer.text.attribution_measure_choice import MeasureChoice
from viewer.text.attribution_period import figure_period, respectively_years
from viewer.text.attribution_role import level_role
from viewer.text.attribution_spans import settle_span
from viewer.text.attribution_timeline import LogicalSentence
from viewer.text.indicators import Lexicon
from viewer.text.measures import (
    AliasIndex,
    Measure,
    user_mapped,
)
from viewer.text.periods import Period, part_of_year
from viewer.text.roles import SentenceModality
from viewer.text.subject_places import (
    HOW_CLAUSE,
    HOW_DOCUMENT,
    HOW_GUESSED,
    HOW_SENTENCE,
    SubjectMention,
    SubjectPlaces,
)

_LIST_CUT = re.compile(r"[”’\"）)\s]*、")
_PREDICATE_CUT = re.compile(r"、(?=\s*(?:达到?|增长|年均|同比|比上年|较上年|占|居|位居|排名|实现|完成|新增|增加(?!值)|提高|提升|超过|突破))")
_COMPARISON = re.compile(r"\s*[，,]?\s*(?:比|较|相比)?\s*(?:高于|低于|高出|快于|慢于|超出|领先|超过|好于|优于)")
_DECLINE = re.compile(r"(?:下降|减少|回落|降低|负增长|下滑|收窄|缩减)了?\s*(?:约|近|超过?|逾)?\s*$")
_LIST_GAP = re.compile(r"^[\s、和及与以及,，]*$")
_LEVEL_ROLES = (Role.ACTUAL, Role.ESTIMATE, Role.TARGET)
_INDICATOR_WEIGHT = {"alias": 1.0, "mapped": 1.0, "level": 0.95, "ratio": 0.95, "list": 0.9,
                     "inherited": 0.85, "provisional": 0.6, "": 0.4}
_RANGE_SIGN = re.compile(r"\s*[—–～~-]{1,2}\s*")
_UNIT_GUESS = 0.6
_TOPIC_REACH = 16  # a clause's topic measure opens it, after a few lead words at most
_REGION_WEIGHT = {"clause": 1.0, "sentence": 0.95, "section": 0.9, "document": 0.9, "": 0.5}


@dataclass(frozen=True, slots=True)
class DocumentFrame:
    """What every sentence of a document inherits: the year 今年 means, the first year whose
    whole-year figures the document cannot yet report, and its place with how it was found."""

    current_year: int | None
    unreported_from: int | None
    default_place: tuple[str | None, str]

    @staticmethod
    def of(region: str | None, region_how: str, current_year: int | None, published: str | None) -> DocumentFrame:
        how = HOW_DOCUMENT if region_how in ("title", "issuer") else HOW_GUESSED
        return DocumentFrame(current_year, _unreported_from(published), (region, how) if region else (None, ""))


class SentenceFrames(MeasureChoice):
    """Attributes the figures of one sentence, left to right: its measures and roles (chosen as
    MeasureChoice does), periods, modalities and places."""

    def __init__(
        self, text: str, sentence: LogicalSentence, figures: list[Figure], aliases: AliasIndex,
        places: SubjectPlaces, document: DocumentFrame, lexicon: Lexicon,
    ) -> None:
        places.cover(sentence.start, sentence.end, figures[-1].start)
        super().__init__(text, sentence, figures, aliases, places, lexicon, *_clause_cuts(text, sentence, figures))
        self.current_year = document.current_year
        self.unreported_from = document.unreported_from
        self.document_default = document.default_place
        self._cues: SentenceModality | None = None

    def attribute(self) -> list[Figure]:
        text, sentence = self.text, self.sentence
        years = respectively_years(text, sentence, self.figures) if sentence.periods else {}
        results: list[Figure] = []
        for position, figure in enumerate(self.figures):
            previous = self.figures[position - 1] if position else None
            if previous is not None and _range_end(text, previous, figure):
                self.measures.append(self.measures[-1])
                self.roles.append(self.roles[-1])
                results.append(_same_as(figure, results[-1]))
                continue
            clause_start, clause_end = self._clause(figure.start)
            self._topics_before(previous, clause_start)
            same_clause = previous is not None and previous.end > clause_start
            lead_start = previous.end if same_clause and previous is not None else clause_start
            role = self._measure_role(figure, clause_start, previous)
            measure, role = self._indicator(position, figure, lead_start, clause_start, clause_end, role)
            measure = user_mapped(measure, self.lexicon)
            role = self._cue_outside(figure, measure, lead_start, role)
            period, period_confidence, period_how = figure_period(
                text, figure, sentence, clause_start, role, previous, self.current_year, years.get(position))
            modality = self._modality(figure, period, period_how)
            if period is not None:
                flow = measure is not None and "新增" in measure.name
                period = settle_span(text, figure, sentence, clause_start, period, role, flow)
            region, region_how = self._region(figure, clause_start)
            guessed = self.record(measure, role)
            confidence = (_INDICATOR_WEIGHT.get(measure.how if measure else "", 0.5) * period_confidence
                          * _REGION_WEIGHT.get(region_how, 0.9) * (_UNIT_GUESS if guessed else 1.0))
            if role in (Role.GROWTH, Role.CHANGE) and _DECLINE.search(text, lead_start, figure.start):
                figure = _negated(figure)  # 下降3.3%: a growth rate of -3.3
            results.append(_attributed(
                figure, sentence, period, measure, region, role or modality, round(confidence, 2),
                period_how, region_how, modality))
        return results

    def _modality(self, figure: Figure, period: Period | None, period_how: str) -> str:
        self._cues = self._cues or SentenceModality(self.text, self.sentence.start, self.sentence.end)
        found = level_role(self._cues, figure, period, period_how, self.current_year, self.sentence.section_role)
        if found == Role.ACTUAL and period is not None and not part_of_year(period) \
                and self.unreported_from is not None and period.end >= self.unreported_from \
                and self.sentence.section_role != Role.ACTUAL:
            return Role.TARGET  # a whole year not over when the report was published: a plan
        return found

    def _region(self, figure: Figure, clause_start: int) -> tuple[str | None, str]:
        places = self.places
        own = places.subjects(clause_start, figure.start)
        if own:
            if any(m.listed for m in own):
                return self.document_default
            return own[-1].label, HOW_CLAUSE
        for mention in reversed(places.subjects(self.sentence.start, clause_start)):
            if self._carries(mention):
                return self.document_default if mention.listed else (mention.label, HOW_SENTENCE)
        return self.document_default

    def _carries(self, mention: SubjectMention) -> bool:
        """Whether a place named in an earlier clause is the subject the sentence goes on with:
        its clause gave it a figure or a measure (自创区实现…增速19.9%，技术交易额…), not just an
        action (漳州核电一期投入商业运行，…，工业投资增长6.1%)."""
        start, end = self._clause(mention.start)
        if any(start <= f.start < end for f in self.figures):
            return True
        return self.aliases.starts_within(mention.end, end)


def _unreported_from(published: str | None) -> int | None:
    """The first year whose whole-year figures a report published on this date cannot report
    as results: its own year, unless it appeared in December; None without a month."""
    if not published or len(published) < 7 or not published[5:7].isdigit():
        return None
    year, month = int(published[:4]), int(published[5:7])
    return year + 1 if month == 12 else year


def _clause_cuts(text: str, sentence: LogicalSentence, figures: list[Figure]) -> tuple[list[int], set[int]]:
    """Clause separators of the sentence, with a 、 right after a figure (新增A 3家、B 5家)."""
    cuts = list(sentence.cuts)
    starts = [f.start for f in figures]
    extra = []
    for figure in figures:
        found = _LIST_CUT.match(text, figure.end, sentence.end)
        if found is not None:
            index = bisect_left(starts, found.end())
            if index == len(starts) or starts[index] >= found.end() + 3:
                extra.append(found.end() - 1)  # not a list of values: 3家、5家 stay one clause
    for found in _PREDICATE_CUT.finditer(text, sentence.start, sentence.end):
        extra.append(found.start())  # 迈上4个万亿元台阶、达14.2万亿元: 、 between predicates
    return sorted({*cuts, *extra}), set(extra)


def _range_end(text: str, previous: Figure, figure: Figure) -> bool:
    return (
        figure.start - previous.end <= 4 and previous.kind == figure.kind
        and _RANGE_SIGN.fullmatch(text, previous.end, figure.start) is not None
    )


def _negated(figure: Figure) -> Figure:
    value = -figure.value if figure.value is not None and figure.value > 0 else figure.value
    high = -figure.value_high if figure.value_high is not None and figure.value_high > 0 else figure.value_high
    if high is not None and value is not None:
        value, high = high, value  # 下降2%—3%: from -3 to -2
    return replace(figure, value=value, value_high=high)


def _same_as(found: Figure, other: Figure) -> Figure:
    return replace(
        other, start=found.start, end=found.end, text=found.text, value=found.value, unit=found.unit,
        kind=found.kind, qualifier=found.qualifier, value_high=found.value_high, unit_text=found.unit_text,
        id=found.id, doc_id=found.doc_id,
    )


def _attributed(
    found: Figure, sentence: LogicalSentence, period: Period | None, measure: Measure | None,
    region: str | None, role: str, confidence: float, period_how: str, region_how: str, modality: str,
) -> Figure:
    """A copy of `found` with its attribution. Arguments in field order: for a class of 26
    fields, keywords (or dataclasses.replace) cost three times as much (tests check the order)."""
    return Figure(
        found.start, found.end, found.text, found.value, found.unit, found.kind, found.qualifier,
        found.value_high, found.unit_text,
        period.year if period else None, period.label if period else "",
        period.start if period else None, period.end if period else None,
        measure.name if measure else None, region, role, sentence.start, sentence.end, confidence,
        found.id, found.doc_id, measure is not None and measure.provisional, measure.how if measure else "",
        region_how, period_how, modality or Modality.ACTUAL,
    )

