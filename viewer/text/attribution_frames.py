"""The clause frames of one sentence, and the attribution each figure takes from its frame."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from viewer.model import Figure, FigureKind, Modality, Role
from viewer.text.attribution_period import figure_period, respectively_years
from viewer.text.attribution_role import figure_measure, level_role
from viewer.text.attribution_spans import settle_span
from viewer.text.attribution_timeline import LogicalSentence
from viewer.text.indicators import Lexicon
from viewer.text.measure_lists import named_before_respectively, respectively_measures
from viewer.text.measures import (
    HOW_LIST,
    AliasIndex,
    Measure,
    choose_sense,
    counts_a_noun_after,
    fits,
    generic_tail,
    has_content,
    level_measure,
    measure_after,
    measure_before,
    measure_phrase_level,
    noun_after,
    opens_with_verb,
    phrase_start,
)
from viewer.text.periods import Period, part_of_year
from viewer.text.ratios import own_share, share_measure
from viewer.text.roles import SentenceModality, has_share_cue, measure_role, progress_cue
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
_INDICATOR_WEIGHT = {"alias": 1.0, "level": 0.95, "ratio": 0.95, "list": 0.9, "inherited": 0.85,
                     "provisional": 0.6, "": 0.4}
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


class SentenceFrames:
    """Attributes the figures of one sentence, left to right."""

    def __init__(
        self, text: str, sentence: LogicalSentence, figures: list[Figure], aliases: AliasIndex,
        places: SubjectPlaces, document: DocumentFrame, lexicon: Lexicon,
    ) -> None:
        self.text = text
        self.sentence = sentence
        self.figures = figures
        places.cover(sentence.start, sentence.end)
        self.aliases = aliases
        self.places = places
        self.lexicon = lexicon
        self.current_year = document.current_year
        self.unreported_from = document.unreported_from
        self.document_default = document.default_place
        self.cuts, self.list_cuts = _clause_cuts(text, sentence, figures)
        listed = len(figures) > 1 or text.find("分别", sentence.start, sentence.end) >= 0
        self.respectively = respectively_measures(text, sentence, figures, self._clause, aliases) if listed else {}
        self.measures: list[Measure | None] = []
        self.roles: list[str | None] = []
        self.named: Measure | None = None  # the last measure named in the sentence so far
        self.named_all: list[Measure] = []
        self._cues: SentenceModality | None = None
        self._counted_after = False
        self._unit_guess = False  # a percent read as the growth or share of a count's indicator

    def _clause(self, position: int) -> tuple[int, int]:
        cuts = self.cuts
        index = bisect_right(cuts, position - 1)
        start = cuts[index - 1] + 1 if index else self.sentence.start
        end = cuts[index] if index < len(cuts) else self.sentence.end
        return start, end

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
            role = self._cue_outside(figure, measure, lead_start, role)
            period, period_confidence, period_how = figure_period(
                text, figure, sentence, clause_start, role, previous, self.current_year, years.get(position))
            modality = self._modality(figure, period, period_how)
            if period is not None:
                flow = measure is not None and "新增" in measure.name
                period = settle_span(text, figure, sentence, clause_start, period, role, flow)
            region, region_how = self._region(figure, clause_start)
            self.measures.append(measure)
            self.roles.append(role)
            if measure is not None and not self._counted_after:
                self._name(measure)
            self._counted_after = False
            confidence = (_INDICATOR_WEIGHT.get(measure.how if measure else "", 0.5) * period_confidence
                          * _REGION_WEIGHT.get(region_how, 0.9) * (_UNIT_GUESS if self._unit_guess else 1.0))
            self._unit_guess = False
            if role in (Role.GROWTH, Role.CHANGE) and _DECLINE.search(text, lead_start, figure.start):
                figure = _negated(figure)  # 下降3.3%: a growth rate of -3.3
            results.append(_attributed(
                figure, sentence, period, measure, region, role or modality, round(confidence, 2),
                period_how, region_how, modality))
        return results

    def _cue_outside(self, figure: Figure, measure: Measure | None, lead_start: int, role: str | None) -> str | None:
        """城镇新增就业60万人, 对工业增长贡献率36%: a cue word inside the measure's own name does
        not make the figure an increase or a growth rate."""
        if role not in (Role.CHANGE, Role.GROWTH) or measure is None or not lead_start <= measure.start:
            return role
        if measure.end > figure.start or measure.end <= measure.start:
            return role
        text = self.text
        if measure_role(figure.kind, text[measure.start : measure.end]) != role:
            return role  # the cue is not in the name (or the role goes on from a list)
        outside = measure_role(figure.kind, text[lead_start : measure.start] + "，" + text[measure.end : figure.start])
        return role if outside == role else outside

    def _topics_before(self, previous: Figure | None, clause_start: int) -> None:
        """The measures of the clauses without figures between the previous figure and this clause."""
        position = previous.end if previous is not None else self.sentence.start
        while position < clause_start:
            start, end = self._clause(position)
            if start >= position and end <= clause_start:
                self._topic(start, end)
            position = end + 1

    def _measure_role(self, figure: Figure, clause_start: int, previous: Figure | None) -> str | None:
        text = self.text
        previous_role = self.roles[-1] if self.roles else None
        if figure.kind == FigureKind.PERCENT and progress_cue(text[clause_start : figure.start]):
            return Role.PROGRESS
        role = figure_measure(text, figure, clause_start, previous, previous_role)
        if role is None and figure.kind == FigureKind.POINTS and _COMPARISON.match(text, clause_start):
            return Role.CHANGE
        if role is None and previous_role == Role.CHANGE and previous is not None \
                and clause_start - 1 in self.list_cuts and clause_start - 1 >= previous.end \
                and not opens_with_verb(text, clause_start, figure.start):
            return Role.CHANGE  # 新增示范基地3家、星创天地5家: the list goes on counting increases
        return role

    def _indicator(
        self, position: int, figure: Figure, lead_start: int, clause_start: int, clause_end: int, role: str | None,
    ) -> tuple[Measure | None, str | None]:
        """The figure's measure (or None) and its role, settled against the figure's unit."""
        text, aliases = self.text, self.aliases
        listed = self.respectively.get(position)
        if listed is not None:
            return self._settle(listed, figure, role, clause_start)
        continued = self._list_continuation(position, clause_start, clause_end)
        if continued is not None:
            return self._settle(continued, figure, role, clause_start)
        if counts_a_noun_after(text, figure):
            self._topic(lead_start, figure.start)  # 地区生产总值迈上4个万亿元台阶: the topic goes on
            after = measure_after(text, figure, clause_end, aliases)
            if after is None:
                after = noun_after(text, figure, clause_end)
                self._counted_after = True  # a phrase counted in passing is not what the sentence is about
            return self._settle(after, figure, role, clause_start)
        lead_start = self._after_subject(lead_start, figure.start)
        if _COMPARISON.match(text, lead_start, figure.start) and figure.kind in (FigureKind.PERCENT, FigureKind.POINTS):
            inherited = self.named.inherited() if self.named is not None else None
            return self._settle(inherited, figure, role, clause_start) if inherited else (None, role)
        shared = share_measure(text, lead_start, figure, aliases, self.lexicon, self.named)
        if shared is not None:
            measure, share_role = shared
            return measure, share_role if role in (None, Role.SHARE) else role
        ratio = own_share(text, lead_start, figure, aliases, self.lexicon, self.named)
        if ratio is not None:
            return ratio, None if role == Role.SHARE else role
        referred = self._referred(lead_start, figure.start)
        if referred is not None:  # 资金增长70%: the 奖补资金 named before
            return self._settle(referred, figure, role, clause_start)
        own = measure_before(text, lead_start, figure.start, aliases, figure, role)
        if own is not None:
            return self._settle(own, figure, role, clause_start)
        level = measure_phrase_level(text, lead_start, figure.start)
        if level is not None and self.named is not None:
            derived = self._level_of_named(level, lead_start, figure.start)
            if derived is not None:
                return self._settle(derived, figure, _inherited_change(role, self.roles), clause_start)
        if self.named is not None and not has_content(text, lead_start, figure.start, figure.kind == FigureKind.RANK):
            return self._settle(self.named.inherited(), figure, role, clause_start)
        return None, role

    def _referred(self, start: int, end: int) -> Measure | None:
        """A lead ending in a generic noun (资金, 企业) that a measure named earlier in the
        sentence ends in: that measure (获奖补企业数增长43%，资金增长70%)."""
        tail = generic_tail(self.text, start, end)
        if tail is None:
            return None
        for named in reversed(self.named_all):
            if named.name.endswith(tail):
                return named.inherited()
        return None

    def _level_of_named(self, level: str, start: int, end: int) -> Measure | None:
        """其中国家级52家，省级297家: the level of the measure named before (of its parent when
        that was a level already)."""
        named = self.named
        assert named is not None
        entry = named.entry
        if named.how == "level" and named.parent:
            entry = self.lexicon.get(named.parent) or entry
        if entry is None:
            return None
        levelled = level_measure(self.lexicon, entry, level)
        if levelled is None:
            return None
        return Measure(levelled[0], "level", levelled[1], start, end, entry.name)

    def _topic(self, start: int, end: int) -> None:
        """A clause without figures that opens with a measure (全市高新技术产业增加值迈上千亿大关，
        达到1016亿元): the measure its sentence goes on about."""
        text, by_start = self.text, self.aliases.by_start
        if not any(position in by_start for position in range(start, min(end, start + _TOPIC_REACH))):
            return
        begin, _ = phrase_start(text, start, end)
        hit = self.aliases.starting_at(begin)
        if hit is not None and hit[0] <= end:
            entry = choose_sense(self.lexicon, hit[1], "")
            if entry is not None:
                self._name(Measure(entry.name, "inherited", entry, begin, hit[0], entry.parent, hit[1]))

    def _name(self, measure: Measure) -> None:
        self.named = measure
        self.named_all.append(measure)

    def _settle(
        self, measure: Measure | None, figure: Figure, role: str | None, clause_start: int
    ) -> tuple[Measure | None, str | None]:
        """Reconcile a measure with the figure's unit: a percent next to a count is its growth
        rate or share; a growth rate of a ratio (研发投入强度增长) is its numerator's growth."""
        if measure is None:
            return None, role
        entry = measure.entry
        if entry is None:
            return measure, role
        if not fits(entry, figure.kind) and measure.surface:
            other = choose_sense(self.lexicon, measure.surface, figure.kind)
            if other is not None and fits(other, figure.kind):  # 科技成果转化173项9.4亿元
                entry = other
                measure = Measure(other.name, measure.how, other, measure.start, measure.end, other.parent,
                                  measure.surface)
        if role == Role.SHARE and entry.unit_kind == "percent":
            role = None
        if role is None and not fits(entry, figure.kind):
            self._unit_guess = True
            if figure.kind in (FigureKind.PERCENT, FigureKind.POINTS):
                prefix = self.text[clause_start : figure.start]
                share = has_share_cue(prefix) and "增" not in prefix
                role = Role.SHARE if share else (Role.CHANGE if figure.kind == FigureKind.POINTS else Role.GROWTH)
            elif figure.kind == FigureKind.MULTIPLE:
                role = Role.GROWTH
            else:
                return None, role
        if role == Role.GROWTH and entry.base and figure.kind == FigureKind.PERCENT and measure.how != HOW_LIST:
            base = self.lexicon.get(entry.base)
            if base is not None:
                measure = Measure(base.name, measure.how, base, measure.start, measure.end, base.parent)
        return measure, role

    def _list_continuation(self, position: int, clause_start: int, clause_end: int) -> Measure | None:
        """A clause listing several figures and naming nothing repeats the list before it:
        '分别达3749件、1308件，是2015年的2.5倍、3倍'."""
        figures, text = self.figures, self.text
        members = [i for i, f in enumerate(figures) if clause_start <= f.start < clause_end]
        if len(members) < 2 or members[0] < len(members):
            return None
        first = figures[members[0]]
        respectively = text.find("分别", clause_start, first.start) >= 0
        if respectively and named_before_respectively(text, clause_start, first.start):
            return None
        if has_content(text, clause_start, first.start) and not respectively \
                and not _COMPARISON.match(text, clause_start):
            return None
        gaps = (text[figures[a].end : figures[b].start] for a, b in itertools.pairwise(members))
        if not all(_LIST_GAP.match(gap) for gap in gaps):
            return None
        earlier = self.measures[members[0] - len(members) : members[0]]
        if any(m is None for m in earlier) or (len({m.name for m in earlier if m}) < 2 and not respectively):
            return None
        chosen = earlier[members.index(position)]
        return chosen.inherited(HOW_LIST) if chosen is not None else None

    def _after_subject(self, lead_start: int, figure_start: int) -> int:
        """The lead after its subject place (昆区共实施…): the place is not part of the measure."""
        position = lead_start
        for mention in self.places.subjects(lead_start, figure_start):
            if phrase_start(self.text, position, mention.start)[0] < mention.start:
                break  # a place after the measure's words: 相当于全市生产总值的比例
            position = mention.end
        return position

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
        return any(position in self.aliases.by_start for position in range(mention.end, end))


def _unreported_from(published: str | None) -> int | None:
    """The first year whose whole-year figures a report published on this date cannot report
    as results: its own year, unless it appeared in December; None without a month."""
    if not published or len(published) < 7 or not published[5:7].isdigit():
        return None
    year, month = int(published[:4]), int(published[5:7])
    return year + 1 if month == 12 else year


def _inherited_change(role: str | None, roles: list[str | None]) -> str | None:
    """新增平台62家，其中国家级2家: a part of an increase named before is an increase too."""
    if role is None and roles and roles[-1] == Role.CHANGE:
        return Role.CHANGE
    return role


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

