import re

from hypothesis import given
from hypothesis import strategies as st

from viewer.text.places import place_table, trie_pattern

WORDS = st.lists(st.text(alphabet="株洲市醴陵区县a", min_size=1, max_size=4), min_size=1, max_size=12, unique=True)


@given(WORDS, st.text(alphabet="株洲市醴陵区县ab", max_size=30))
def test_trie_pattern_matches_like_a_longest_first_alternation(words: list[str], text: str) -> None:
    alternation = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    trie = re.compile(trie_pattern(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in alternation.finditer(text)]


def test_places_resolve_aliases_and_parents() -> None:
    table = place_table()
    found = {(m.surface, m.place.name) for m in table.find("株洲市醴陵市和益阳的赫山区，荆州")}
    assert {("株洲市", "株洲市"), ("醴陵市", "醴陵市"), ("益阳", "益阳市"), ("赫山区", "赫山区"), ("荆州", "荆州市")} <= found
    liling = table.lookup("醴陵市")
    assert liling is not None and liling.code == "430281"
    city = table.city_of(liling)
    assert city is not None and city.name == "株洲市"


def test_ordinary_words_are_not_places() -> None:
    assert [m.surface for m in place_table().find("加强合作，会同公安部门")] == []
