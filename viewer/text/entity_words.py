"""Words of a short window and their classes, for deciding where a name begins.

jieba's dictionary tags (from the engine viewer.text.segment uses: rjieba, its Rust port, when
installed; else jieba's words tagged from jieba's own dictionary) split the few characters before a suffix into words. Closed
lists from general Chinese usage (resources/entities/name_words.tsv) then say which words open
the clause rather than the name (成立, 依托, 新增 …), which only say what kind of body it is
(省级, 重点, 企业 …), and jieba's tags and unknown characters mark a proper name (a place, a full
person's name, a coined word). Only short windows are tagged, so the cost grows with the
number of suffixes and short aliases, not with the length of the text.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from viewer.resources import resource_path
from viewer.text.entity_lexicon import read_rows
from viewer.text.segment import engine_name
from viewer.text.segment import tokenizer as tokenizer_of_segment

# Tags of words that never sit inside a name: prepositions, conjunctions, particles,
# pronouns, numerals, measure words, adverbs, time words, punctuation.
STOP_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "m", "mq", "q", "d", "ad", "t", "x", "y", "e", "o"})
# Tags of proper names: places, full and transliterated person names, foreign words. jieba's
# nr and nz also tag many common words (智慧, 青少年, 国际贸易, 足球运动), so they are not used.
PROPER_TAGS = frozenset({"ns", "nrt", "nrfg", "eng"})


@lru_cache(maxsize=1)
def word_classes() -> dict[str, frozenset[str]]:
    """resources/entities/name_words.tsv: class -> words (lead, generic, category, level)."""
    classes: dict[str, set[str]] = {}
    for row in read_rows(resource_path("entities", "name_words.tsv")):
        if len(row) > 1:
            classes.setdefault(row[1], set()).add(row[0])
    return {name: frozenset(words) for name, words in classes.items()}


def in_class(word: str, name: str) -> bool:
    return word in word_classes().get(name, frozenset())


Tagger = Callable[[str], list[tuple[str, str]]]


@lru_cache(maxsize=1)
def _tagger() -> Tagger:
    if engine_name() == "rjieba":
        import rjieba

        def tags(text: str) -> list[tuple[str, str]]:
            found: list[tuple[str, str]] = rjieba.tag(text, False)
            return found

        return tags
    return _jieba_tagger()


def _jieba_tagger() -> Tagger:
    """jieba's words, tagged from its dictionary (jieba.posseg is left out of the bundle)."""
    tokenizer = tokenizer_of_segment()
    dictionary: dict[str, str] = {}
    with tokenizer.get_dict_file() as handle:
        for raw in handle:
            parts = raw.decode("utf-8").split()
            if len(parts) >= 3:
                dictionary[parts[0]] = parts[2]

    def tag_of(word: str) -> str:
        if word in dictionary:
            return dictionary[word]
        if word.isascii():
            return "eng" if word.isalpha() else "m" if word.isdigit() else "x"
        return "n" if "\u4e00" <= word[0] <= "\u9fff" else "x"

    def dictionary_tags(text: str) -> list[tuple[str, str]]:
        return [(word, tag_of(word)) for word in tokenizer.lcut(text, HMM=False)]

    return dictionary_tags


def tagged(window: str) -> list[tuple[str, str]]:
    """(word, part-of-speech tag) for a short window of text, in order."""
    return _tagger()(window) if window else []


def stands_alone(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is not made of the halves of two longer words (华科 in 万华|科威特,
    浙大 in 苏浙|大宗); one cut edge alone is allowed, since jieba splits unknown names oddly."""
    position, cut_start, cut_end = max(0, start - 3), False, False
    for word, _ in tagged(text[position : end + 3]):
        word_start, position = position, position + len(word)
        cut_start = cut_start or (len(word) > 1 and word_start < start < position)
        cut_end = cut_end or (len(word) > 1 and word_start < end < position)
    return not (cut_start and cut_end)


def opens_clause(text: str, start: int) -> bool:
    """Whether `start` begins a word of its own: after punctuation, a function word or a clause
    verb (由|区科技局, 获得|自治区科技进步奖), not inside a longer name (高新|区科技局)."""
    if start == 0 or not "\u4e00" <= text[start - 1] <= "\u9fff":
        return True
    return any(in_class(text[max(0, start - size) : start], "lead") for size in (1, 2, 3))


def is_verb(tag: str) -> bool:
    return tag.startswith("v")


def is_stop(word: str, tag: str) -> bool:
    """A word that ends a name on its left: a clause verb, a function word, a number."""
    return in_class(word, "lead") or tag in STOP_TAGS


def is_proper(word: str, tag: str) -> bool:
    return tag in PROPER_TAGS and not in_class(word, "generic") and len(word) >= 2


def opening_unknown(words: list[tuple[str, str]]) -> str | None:
    """Two or three single characters opening a body: a coined name jieba does not know (盈诺).

    Characters jieba reads as verbs or function words (引|才) are a phrase, not a name."""
    run = ""
    for word, tag in words:
        if len(word) != 1 or not "\u4e00" <= word <= "\u9fff" or tag.startswith("v") or tag in STOP_TAGS:
            break
        run += word
    if 2 <= len(run) <= 3 and not in_class(run, "generic") and not any(char in "省市区县镇乡村" for char in run):
        return run
    return None


def is_category(words: list[tuple[str, str]]) -> bool:
    """Whether every word only says what kind of body it is (高新技术, 技术|转移)."""
    kinds = ("category", "generic", "level")
    return all(any(in_class(word, kind) for kind in kinds) for word, _ in words)
