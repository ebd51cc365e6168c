"""Which measure each figure of a sentence is a value of, and the role it plays for it.

A sentence's measures are chosen left to right: a 分别 list or a list continued from the
clause before, the noun a count names after it, a comparison (高于…0.5个百分点: the subject's),
a share or ratio (占…), a generic noun standing for a measure named earlier (资金 for 奖补资金),
the clause's own measure phrase, a level of the measure named before (其中国家级2家), else the
measure the sentence goes on about. Each choice is then settled against the figure's unit.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right

from viewer.model import Figure, FigureKind, Role
from viewer.text.attribution_role import figure_measure
from viewer.text.attribution_timeline import LogicalSentence
from viewer.text.counted_nouns import counts_a_noun_after, measure_after, noun_after
from viewer.text.indicators import Lexicon
from viewer.text.measure_lists import named_before_respectively, respectively_measures
from viewer.text.measures import (
    HOW_LIST,
    AliasIndex,
    Measure,
    choose_sense,
    fits,
    generic_tail,
    has_content,
    level_measure,
    measure_before,
    measure_phrase_level,
    opens_with_verb,
    phrase_start,
)
from viewer.text.ratios import own_share, share_measure
from viewer.text.roles import has_share_cue, measure_role, progress_cue
from viewer.text.subject_places import SubjectPlaces

COMPARISON = re.compile(r"\s*[，,]?\s*(?:比|较|相比)?\s*(?:高于|低于|高出|快于|慢于|超出|领先|超过|好于|优于)")
_LIST_GAP = re.compile(r"^[\s、和及与以及,，]*$")
_TOPIC_REACH = 16  # a clause's topic measure opens it, after a few lead words at most


class MeasureChoice:
    """The measures and roles of one sentence's figures, chosen left to right."""

    def __init__(
        self, text: str, sentence: LogicalSentence, figures: list[Figure], aliases: AliasIndex,
        places: SubjectPlaces, lexicon: Lexicon, cuts: list[int], list_cuts: set[int],
    ) -> None:
        self.text = text
        self.sentence = sentence
        self.figures = figures
        self._starts = [f.start for f in figures]  # ascending: a sentence's figures come in order
        self.aliases = aliases
        self.places = places
        self.lexicon = lexicon
        self.cuts, self.list_cuts = cuts, list_cuts
        listed = len(figures) > 1 or text.find("分别", sentence.start, sentence.end) >= 0
        self.respectively = respectively_measures(text, sentence, figures, self._clause, aliases) if listed else {}
        self.measures: list[Measure | None] = []
        self.roles: list[str | None] = []
        self.named: Measure | None = None  # the last measure named in the sentence so far
        self.named_all: list[Measure] = []
        self._counted_after = False
        self._unit_guess = False  # a percent read as the growth or share of a count's indicator

    def _clause(self, position: int) -> tuple[int, int]:
        cuts = self.cuts
        index = bisect_right(cuts, position - 1)
        start = cuts[index - 1] + 1 if index else self.sentence.start
        end = cuts[index] if index < len(cuts) else self.sentence.end
        return start, end

    def record(self, measure: Measure | None, role: str | None) -> bool:
        """Keep a figure's final measure and role for the figures after it; returns whether its
        role was read through the unit of a count's indicator (a weaker reading)."""
        self.measures.append(measure)
        self.roles.append(role)
        if measure is not None and not self._counted_after:
            self._name(measure)
        guessed = self._unit_guess
        self._counted_after = self._unit_guess = False
        return guessed

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
        if role is None and figure.kind == FigureKind.POINTS and COMPARISON.match(text, clause_start):
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
        if COMPARISON.match(text, lead_start, figure.start) and figure.kind in (FigureKind.PERCENT, FigureKind.POINTS):
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
        if not self.named_all:
            return None
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
        text = self.text
        if not self.aliases.starts_within(start, min(end, start + _TOPIC_REACH)):
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
        starts = self._starts
        members = list(range(bisect_left(starts, clause_start), bisect_left(starts, clause_end)))
        if len(members) < 2 or members[0] < len(members):
            return None
        first = figures[members[0]]
        respectively = text.find("分别", clause_start, first.start) >= 0
        if respectively and named_before_respectively(text, clause_start, first.start):
            return None
        if has_content(text, clause_start, first.start) and not respectively \
                and not COMPARISON.match(text, clause_start):
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


def _inherited_change(role: str | None, roles: list[str | None]) -> str | None:
    """新增平台62家，其中国家级2家: a part of an increase named before is an increase too."""
    if role is None and roles and roles[-1] == Role.CHANGE:
        return Role.CHANGE
    return role
