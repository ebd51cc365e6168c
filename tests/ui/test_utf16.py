from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from viewer.ui.utf16 import Utf16Map

chars = st.one_of(st.characters(max_codepoint=0xFFFF, blacklist_categories=("Cs",)),
                  st.characters(min_codepoint=0x10000, max_codepoint=0x2FFFF))


@given(st.lists(chars, max_size=40))
def test_round_trip_matches_utf16_encoding(characters: list[str]) -> None:
    text = "".join(characters)
    mapping = Utf16Map(text)
    assert mapping.length == len(text.encode("utf-16-le")) // 2
    for cp in range(len(text) + 1):
        utf16 = mapping.to_utf16(cp)
        assert utf16 == len(text[:cp].encode("utf-16-le")) // 2
        assert mapping.to_code_point(utf16) == cp


def test_position_inside_surrogate_pair_maps_to_its_character() -> None:
    mapping = Utf16Map("a\U00020000b")
    assert mapping.to_utf16(2) == 3
    assert mapping.to_code_point(2) == 1
    assert mapping.to_code_point(4) == 3
