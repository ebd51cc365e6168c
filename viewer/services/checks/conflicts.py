"""Check kind 2: one indicator, region and period reported with values that cannot both be
true, allowing for rounding and qualifiers (超过150亿元 and 150.3亿元 agree)."""

from __future__ import annotations

from collections import defaultdict

from viewer.model import Figure
from viewer.model.review import CheckKind, Finding, Verdict
from viewer.services.checks.context import Corpus, evidence, is_level
from viewer.services.checks.numeric import Interval, stated
from viewer.services.checks.verdicts import where


def check(corpus: Corpus) -> list[Finding]:
    groups: dict[tuple[str, str, str, str], list[Figure]] = defaultdict(list)
    for figure in corpus.figures():
        period = figure.period or (str(figure.year) if figure.year is not None else "")
        if is_level(figure) and figure.indicator and figure.region and period:
            groups[(figure.indicator, figure.region, period, figure.unit)].append(figure)
    findings = []
    for figures in groups.values():
        distinct = _distinct(figures)
        pair = _conflicting_pair(distinct)
        if pair is not None:
            findings.append(_finding(corpus, distinct, *pair))
    return findings


def _distinct(figures: list[Figure]) -> list[Figure]:
    """One figure per document and wording (a heading repeated four times counts once)."""
    seen: dict[tuple[int, str], Figure] = {}
    for figure in figures:
        seen.setdefault((figure.doc_id or 0, figure.text), figure)
    return list(seen.values())


def _conflicting_pair(figures: list[Figure]) -> tuple[Figure, Figure] | None:
    """Two values that cannot both be true. Two values in one sentence (国家级4家，省级14家)
    break a total down rather than contradict each other."""
    intervals: list[tuple[Figure, Interval]] = [(f, i) for f in figures if (i := stated(f)) is not None]
    for index, (first, a) in enumerate(intervals):
        for second, b in intervals[index + 1 :]:
            same_sentence = (first.doc_id, first.sentence_start) == (second.doc_id, second.sentence_start)
            if not same_sentence and not a.overlaps(b):
                return first, second
    return None


def _finding(corpus: Corpus, figures: list[Figure], first: Figure, second: Figure) -> Finding:
    def source(figure: Figure) -> str:
        return corpus.doc_titles.get(figure.doc_id or 0, "")

    about = where(first)
    zh = (f"{about}：《{source(first)}》为{first.text}，《{source(second)}》为{second.text}，两者不能同时成立"
          if first.doc_id != second.doc_id else f"{about}：同一文档中先后为{first.text}和{second.text}，两者不能同时成立")
    en = (f"{about}: {first.text} in “{source(first)}” and {second.text} in “{source(second)}” cannot both be true"
          if first.doc_id != second.doc_id else f"{about}: {first.text} and {second.text} in one document cannot both be true")
    others = [f for f in figures if f is not first and f is not second]
    return Finding(
        kind=CheckKind.CONFLICT, verdict=Verdict.CONFLICT, pattern="same_period", message=zh, message_en=en,
        stated=first.value, unit=first.unit,
        evidence=(evidence(first, "value"), evidence(second, "other value"), *(evidence(f, "also") for f in others)),
    )
