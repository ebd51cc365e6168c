"""Where a name begins: the body before a suffix (甬江|实验室, 中石化宁波新材料|研究院).

The body runs left from the suffix over name characters, is cut at the last word that opens
the clause (a verb such as 成立 or 依托, a function word, a number; see entity_words), loses the
level words that open a category (省级, 全国), and is a name only if something in it is proper:
a place, a proper name by jieba's tags, characters jieba does not know as a word, Latin letters,
or the distinctive core of another organisation named in the same document (东方理工 of
宁波东方理工大学 makes 东方理工高等研究院 a name). A body of category words alone (省级企业,
重点, 国际科技创新) is a kind of body, not an organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.text.entity_words import (
    in_class,
    is_category,
    is_proper,
    is_stop,
    is_verb,
    opening_unknown,
    tagged,
)
from viewer.text.places import places_named

MAX_BODY = 12
LATIN = re.compile("[A-Za-z]{2,}")
NAME_RUN = re.compile("[\u4e00-\u9fffA-Za-z]+$")  # the name characters just before a suffix


def is_core(body: str) -> bool:
    """Whether the middle of a name is distinctive enough to recognise its kin (东方理工, not 高新技术)."""
    return len(body) >= 3 and not is_category(tagged(body))


@dataclass(frozen=True)
class Body:
    start: int
    text: str
    proper: bool  # something in it names this organisation and no other
    counted: bool = False  # a number and a measure word open it: 3家|省级重点实验室


def body_before(text: str, end: int, cores: tuple[str, ...] = ()) -> Body | None:
    """The name's body ending at `end` (where its suffix begins), or None if there is none."""
    run = NAME_RUN.search(text, max(0, end - MAX_BODY - 6), end)
    if run is None:
        return None
    words = tagged(run.group())
    kept: list[tuple[str, str]] = []
    counted = False
    for index in range(len(words) - 1, -1, -1):
        word, tag = words[index]
        if is_stop(word, tag):
            counted = tag in ("m", "mq") or (tag == "q" and index > 0 and words[index - 1][1] == "m")
            break
        kept.append((word, tag))
    kept.reverse()
    while kept and (in_class(kept[0][0], "level") or is_verb(kept[0][1]) or _opens_place(kept)):
        kept.pop(0)
    body = "".join(word for word, _ in kept)
    if not body or len(body) > MAX_BODY:
        return None
    return Body(end - len(body), body, _proper(kept, body, cores), counted)


def names_something(body: str) -> bool:
    """Whether a name's body holds a proper word (a place, a coined word, Latin letters)."""
    return _proper(tagged(body), body, ())


def _opens_place(words: list[tuple[str, str]]) -> bool:
    """A single character that ends the clause's verb opens no name: 建设好|益阳市, 建强|习近平."""
    if len(words) < 2 or len(words[0][0]) != 1:
        return False
    return bool(places_named(words[1][0])) or words[0][1] in ("a", "ad", "d", "v", "vn")


def _proper(words: list[tuple[str, str]], body: str, cores: tuple[str, ...]) -> bool:
    if any(is_proper(word, tag) or (len(word) >= 2 and places_named(word)) for word, tag in words):
        return True
    if opening_unknown(words) or LATIN.search(body):
        return True
    return body.startswith(cores)
