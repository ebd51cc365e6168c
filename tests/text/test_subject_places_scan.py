"""A sentence's subject places found only up to its last figure are the first of all of them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.text.places import place_table
from viewer.text.subject_places import SubjectPlaces

_PIECES = ["株洲", "株洲市", "醴陵", "醴陵市", "湖南省", "全市", "我区", "高新区", "中原区", "实现", "新增", "增长",
           "12%", "，", "、", "和", "的", "区域", "占", "第一", "示范县域", "平台北侧", "研发投入"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_TEXTS, st.integers(0, 60))
def test_places_found_before_a_stop_are_the_first_of_all_the_places(text: str, stop: int) -> None:
    table = place_table()
    document = table.lookup_label("株洲市")
    assert table.find(text, document, stop) == [m for m in table.find(text, document) if m.start < stop]


@settings(max_examples=1500, deadline=None)
@given(_TEXTS, st.integers(0, 60))
def test_subject_places_covered_up_to_a_figure_are_those_before_it(text: str, until: int) -> None:
    document = place_table().lookup_label("株洲市")
    until = min(until, len(text))
    partial, whole = SubjectPlaces(text, document), SubjectPlaces(text, document)
    partial.cover(0, len(text), until)
    whole.cover(0, len(text), len(text))
    for start in range(until + 1):
        assert partial.subjects(start, until) == whole.subjects(start, until)
