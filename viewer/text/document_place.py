"""Which place a document is about: its issuer, its title, its head, or the weight of its text.

A title or an issuer that names nested places (宁波市镇海区科学技术局, 安徽省政协调研组赴合肥调研)
gives the most specific of them. Otherwise the places the text names are weighed with their
ancestors (a mention of 醴陵 counts for 株洲市 and 湖南省 too), and the document is about a
province unless one of its cities carries most of the weight or the text speaks of itself as a
city (全市, 我市); about a district or county only when the text speaks as one (全区, 我县).
"""

from __future__ import annotations

import re
from collections import Counter

from viewer.text.places import Place, PlaceTable, place_table

HOW_TITLE, HOW_ISSUER, HOW_BODY = "title", "issuer", "body"
_ISSUER = re.compile(
    r"(?:发布机构|发布单位|发文机关|发文单位|来源|信息来源|发布者)\s*[:：|｜]\s*[|｜]?\s*([\u3400-\u9fff（）()]{2,30})"
)
_SIGNATURE = re.compile(r"^[\u3400-\u9fff]{2,24}(?:局|委员会|政府|办公室|办公厅|委|厅)$")
_SELF = {
    "province": re.compile(r"全省|我省|本省|全自治区"),
    "city": re.compile(r"全市|我市|本市|市委市政府|市政府"),
    "county": re.compile(r"全区|我区|本区|全县|我县|本县|区委区政府|县委县政府|全旗|我旗"),
}
_BODY_CHARS = 20000
_CARRIES = 0.7  # a child carrying this share of its parent's weight is what the text is about
_LEANS = 0.4  # …or this share, when the text speaks of itself at the child's level


def document_place(title: str, head: str, text: str) -> tuple[Place | None, str]:
    """The document's place and how it was found (title, issuer or body)."""
    table = place_table()
    named = _nested(table, [m.place for m in table.find(title)])
    if named is not None:
        return named, HOW_TITLE
    issuer = _issuer(head, text)
    if issuer:
        named = _nested(table, [m.place for m in table.find(issuer)])
        if named is not None:
            return named, HOW_ISSUER
    found = _weighed(table, text[:_BODY_CHARS])
    return (found, HOW_BODY) if found is not None else (None, "")


def _issuer(head: str, text: str) -> str:
    found = _ISSUER.search(head) or _ISSUER.search(text[:3000])
    if found:
        return found.group(1)
    lines = [line.strip() for line in text.strip().splitlines()[-4:]]
    return next((line for line in reversed(lines) if _SIGNATURE.match(line)), "")


def _ancestors(table: PlaceTable, place: Place) -> list[Place]:
    return [place, *table.ancestors(place)]


def _nested(table: PlaceTable, places: list[Place]) -> Place | None:
    """The most specific of places that lie one inside another; None if they do not."""
    kept = [p for p in dict.fromkeys(places) if p.level in ("province", "city", "county", "zone")]
    if not kept:
        return None
    deepest = max(kept, key=lambda p: len(_ancestors(table, p)))
    chain = set(_ancestors(table, deepest))
    return deepest if all(p in chain for p in kept) else None


def _weighed(table: PlaceTable, text: str) -> Place | None:
    weight: Counter[Place] = Counter()
    for match in table.find(text):
        if match.place.level in ("province", "city", "county", "zone"):
            for place in _ancestors(table, match.place):
                weight[place] += 1
    if not weight:
        return None
    speaks = {level: len(pattern.findall(text)) for level, pattern in _SELF.items()}
    provinces = [p for p in weight if p.level == "province"]
    if not provinces:
        return max(weight, key=lambda p: (weight[p], -len(_ancestors(table, p))))
    current = max(provinces, key=lambda p: weight[p])
    for level, above in (("city", "province"), ("county", "city")):
        children = [p for p in weight if p.parent == current.code and p.level in (level, "county", "zone")]
        if not children:
            continue
        child = max(children, key=lambda p: weight[p])
        share = weight[child] / weight[current]
        as_child = speaks[level] > speaks[above] if level == "city" else speaks["county"] > speaks["city"]
        if (share >= _CARRIES and (level == "city" or as_child)) or (share >= _LEANS and as_child):
            current = child
        else:
            break
    return current
