"""Attribute each figure of a document: indicator, place, period, role, and how each was found.

A figure's attribution is the frame of the clause it stands in (DESIGN.md, "clause frames").
Each sentence is cut into clauses at ，；： and after a figure followed by 、 (新增A 3家、B 5家).
A clause's frame has a measure (viewer.text.measures: a taxonomy alias ending the measure
phrase, a level of a platform, a ratio 占…比重, or a provisional phrase), a subject place
(viewer.text.subject_places), a period (attribution_period, from the clause, the sentence, the
section or the document) and a modality. A clause that names no measure or place of its own
inherits the last one named earlier in the sentence, never across a clause that names its own.
分别 lists pair their measures with their values in order. Each slot records how it was found
(Figure.indicator_how, region_how, period_how): that is the confidence the reviewer sees.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.model import Figure, Sentence
from viewer.text.attribution_frames import DocumentFrame, SentenceFrames
from viewer.text.attribution_timeline import build_timeline
from viewer.text.indicators import Lexicon, load_lexicon
from viewer.text.measures import AliasIndex
from viewer.text.places import Place, place_table
from viewer.text.subject_places import SubjectPlaces


@dataclass(frozen=True)
class DocumentContext:
    region: str | None  # the label of the document's place
    year: int | None
    published: str | None = None  # ISO partial date: "2021-11", "2023-04-04", "2022"
    region_how: str = "title"  # how the document's place was found: title, issuer, body

    @property
    def current_year(self) -> int | None:
        """The year 今年 means: the publication year, else the document's year."""
        if self.published and self.published[:4].isdigit():
            return int(self.published[:4])
        return self.year

    @property
    def published_month(self) -> int | None:
        """The month of the current year the document appeared in, when its date says (2023-11)."""
        published = self.published or ""
        if len(published) >= 7 and published[5:7].isdigit() and 1 <= int(published[5:7]) <= 12:
            return int(published[5:7])
        return None

    @property
    def place(self) -> Place | None:
        return place_table().lookup_label(self.region) if self.region else None


def attribute_figures(
    text: str,
    figures: list[Figure],
    sentences: list[Sentence],
    context: DocumentContext,
    lexicon: Lexicon | None = None,
) -> list[Figure]:
    """Return copies of `figures` (in the given order) with their attribution filled in."""
    lexicon = lexicon if lexicon is not None else load_lexicon()
    timeline = build_timeline(text, sentences, context.current_year, context.published_month)
    document = context.place
    aliases = AliasIndex(text, lexicon)
    places = SubjectPlaces(text, document, aliases=aliases)
    frame = DocumentFrame.of(context.region, context.region_how, context.current_year, context.published)
    order = sorted(range(len(figures)), key=lambda i: (figures[i].start, figures[i].end))
    done: dict[int, Figure] = {}
    position = 0
    while position < len(order):
        sentence = timeline.sentence_at(figures[order[position]].start)
        members = [order[position]]
        position += 1
        while position < len(order) and timeline.sentence_at(figures[order[position]].start) is sentence:
            members.append(order[position])
            position += 1
        frames = SentenceFrames(text, sentence, [figures[i] for i in members], aliases, places, frame, lexicon)
        for index, figure in zip(members, frames.attribute(), strict=True):
            done[index] = figure
    return [done.get(i, figures[i]) for i in range(len(figures))]
