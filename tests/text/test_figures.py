"""The figure recognizer (viewer.text.figures): invented sentences, the corpus, properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import Figure, FigureKind, Qualifier
from viewer.text.figures import find_figures
from viewer.text.numbers import BLANKS

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def only(text: str) -> Figure:
    figures = find_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


def described(text: str) -> list[tuple[str, float | None, str, str]]:
    return [(f.text, f.value, f.unit, f.kind) for f in find_figures(text)]


# Numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit", "unit_text"),
    [
        ("营收1,234.5万元", 12_345_000, "元", "万元"),
        ("投入１２．５亿元", 1_250_000_000, "元", "亿元"),
        ("共一百二十三家", 123, "家", "家"),
        ("筹集两千万元", 20_000_000, "元", "万元"),
        ("吸纳3万人", 30_000, "人", "万人"),
        ("总额1.11亿元", 111_000_000, "元", "亿元"),
        ("达4.5万亿元", 4.5e12, "元", "万亿元"),
    ],
)
def test_numbers_and_scales(text: str, value: float, unit: str, unit_text: str) -> None:
    figure = only(text)
    assert (figure.value, figure.unit, figure.unit_text) == (pytest.approx(value), unit, unit_text)


def test_approximate_numeral_inside_scale() -> None:
    figure = only("产值50多亿元")
    assert (figure.value, figure.qualifier, figure.text) == (5e9, Qualifier.MORE_THAN, "50多亿元")


# Kinds and units ------------------------------------------------------------------------


def test_bare_scale_is_money_when_the_sentence_is_about_money() -> None:
    figures = find_figures("专项经费从前年的900万增加到今年的2700万。")
    assert [(f.text, f.value, f.unit, f.kind) for f in figures] == [
        ("900万", 9e6, "元", FigureKind.MONEY),
        ("2700万", 2.7e7, "元", FigureKind.MONEY),
    ]


def test_bare_scale_without_money_cue_is_a_number() -> None:
    figure = only("常住人口约500万。")
    assert (figure.kind, figure.unit, figure.value, figure.qualifier) == (
        FigureKind.NUMBER,
        "",
        5e6,
        Qualifier.ABOUT,
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("同比增长20.3%", 20.3),
        ("占比１２％", 12.0),
        ("提高百分之五", 5.0),
        ("达到百分之百", 100.0),
        ("千分之三", 0.3),
        ("约占三成", 30.0),
        ("占全省五分之一", 20.0),
    ],
)
def test_percent(text: str, value: float) -> None:
    figure = find_figures(text)[-1]
    assert (figure.kind, figure.unit, figure.value) == (FigureKind.PERCENT, "%", pytest.approx(value))


def test_percentage_points_are_their_own_kind() -> None:
    figure = only("上升1.5个百分点")
    assert (figure.kind, figure.unit, figure.value) == (FigureKind.POINTS, "个百分点", 1.5)


@pytest.mark.parametrize("word", list("家件项个人名台套次场所座户批条"))
def test_counts_with_measure_words(word: str) -> None:
    figure = only(f"新增12{word}")
    assert (figure.kind, figure.unit, figure.value) == (FigureKind.COUNT, word, 12)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("是去年的2.5倍", 2.5),
        ("增长了两倍", 2.0),
        ("总量翻一番", 2.0),
        ("收入翻两番", 4.0),
        ("产值翻番", 2.0),
    ],
)
def test_multiples(text: str, value: float) -> None:
    figure = only(text)
    assert (figure.kind, figure.unit, figure.value) == (FigureKind.MULTIPLE, "倍", value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("稳居第二位", "第二位", 2),
        ("榜单第46位", "第46位", 46),
        ("增速全省第一", "第一", 1),
        ("全国排名第三", "第三", 3),
        ("排名上升2位", "2位", 2),
    ],
)
def test_ranks(text: str, span: str, value: int) -> None:
    figure = only(text)
    assert (figure.kind, figure.text, figure.value) == (FigureKind.RANK, span, value)


@pytest.mark.parametrize("text", ["迈进的第一个五年", "召开第十二次党代会", "举办第3届大赛", "第一动力"])
def test_event_ordinals_are_not_ranks(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("时速600公里", 600, "公里"),
        ("面积137平方公里", 137, "平方公里"),
        ("运量3万吨", 30_000, "吨"),
        ("种植5000亩", 5000, "亩"),
        ("装机10万千瓦", 100_000, "千瓦"),
        ("功率6MW级", 6, "MW"),
        ("全长12千米", 12, "千米"),
        ("近一吨半", 1.5, "吨"),
    ],
)
def test_physical_units(text: str, value: float, unit: str) -> None:
    figure = only(text)
    assert (figure.kind, figure.unit, figure.value) == (FigureKind.PHYSICAL, unit, value)


# Qualifiers and ranges ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        ("引进340多个项目", "340多个", Qualifier.MORE_THAN),
        ("培训300余人", "300余人", Qualifier.MORE_THAN),
        ("登记超过250项", "超过250项", Qualifier.MORE_THAN),
        ("净增170家以上", "170家以上", Qualifier.AT_LEAST),
        ("总数突破720家", "突破720家", Qualifier.AT_LEAST),
        ("培育近3000家", "近3000家", Qualifier.ABOUT),
        ("投资约5亿元", "约5亿元", Qualifier.ABOUT),
        ("新增500件左右", "500件左右", Qualifier.ABOUT),
        ("占比不到10%", "不到10%", Qualifier.UNDER),
        ("控制在3%以内", "3%以内", Qualifier.UNDER),
        ("增长12%", "12%", Qualifier.EXACT),
    ],
)
def test_qualifiers_are_kept_inside_the_span(text: str, span: str, qualifier: str) -> None:
    figure = only(text)
    assert (figure.text, figure.qualifier) == (span, qualifier)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("培育1-2家", 1, 2, "家"),
        ("投资10亿至20亿元", 1e9, 2e9, "元"),
        ("投资10至20亿元", 1e9, 2e9, "元"),
        ("增长5~8%", 5, 8, "%"),
    ],
)
def test_ranges_keep_both_ends(text: str, low: float, high: float, unit: str) -> None:
    figure = only(text)
    assert (figure.qualifier, figure.value, figure.value_high, figure.unit) == (
        Qualifier.RANGE,
        low,
        high,
        unit,
    )


def test_respectively_list_gives_one_figure_per_item() -> None:
    assert described("专利分别达37件、13件和2.9件") == [
        ("37件", 37, "件", FigureKind.COUNT),
        ("13件", 13, "件", FigureKind.COUNT),
        ("2.9件", 2.9, "件", FigureKind.COUNT),
    ]


def test_bare_list_items_take_the_unit_of_the_last() -> None:
    assert described("分别为3、5和8家") == [
        ("3", 3, "家", FigureKind.COUNT),
        ("5", 5, "家", FigureKind.COUNT),
        ("8家", 8, "家", FigureKind.COUNT),
    ]


# Spaced-out text (PDF text layers), idioms, amounts in two denominations ------------------


@pytest.mark.parametrize(
    ("text", "span", "value", "unit_text"),
    [
        ("完成投资 34.94 亿 元，", "34.94 亿 元", 3.494e9, "亿元"),
        ("增长百 分 之 2.4", "百 分 之 2.4", 2.4, "百分之"),
        ("提高\u3000四点 五\u3000个百分点", "四点 五\u3000个百分点", 4.5, "个百分点"),
        ("新增 312\t家", "312\t家", 312, "家"),
        ("一 百 五 十 个 百 分 点", "一 百 五 十 个 百 分 点", 150, "个百分点"),
        ("打 九 九 折", "九 九 折", 99, "折"),
        ("约 300 亿元", "约 300 亿元", 3e10, "亿元"),
    ],
)
def test_blanks_inside_a_figure(text: str, span: str, value: float, unit_text: str) -> None:
    figure = only(text)
    assert (figure.text, figure.value, figure.unit_text) == (span, pytest.approx(value), unit_text)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("3 5家", ["5家"]),  # two digit groups are two numbers
        ("12 34 万元", ["34 万元"]),  # a table row
        ("7 2 折", ["2 折"]),
        ("第3页\n5家", ["5家"]),  # never across a line break
        ("增长12\n%", []),
    ],
)
def test_blanks_never_join_digit_groups(text: str, spans: list[str]) -> None:
    assert [f.text for f in find_figures(text)] == spans


def test_spaced_figures_keep_their_context_rules() -> None:
    assert only("全省第 3 名").value == 3
    assert find_figures("全省第 3 批") == []
    assert find_figures("用了 10 个 月") == []
    assert only("排名上升 2 位").kind == FigureKind.RANK
    assert find_figures("一 成 不变") == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [("打对折", "对折", 50), ("打 对 折", "对 折", 50), ("半折", "半折", 50), ("提高半成", "半成", 5)],
)
def test_percent_idioms(text: str, span: str, value: float) -> None:
    figure = only(text)
    assert (figure.text, figure.kind, figure.value) == (span, FigureKind.PERCENT, value)


@pytest.mark.parametrize("text", ["对折", "半成品", "一半成为", "半折旧"])
def test_percent_idioms_inside_words_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("票价五元三毛", "五元三毛", 5.3, "元"),
        ("5元3角2分", "5元3角2分", 5.32, "元"),
        ("两美元又三美分", "两美元又三美分", 2.03, "美元"),
        ("10元5分钟", "10元", 10, "元"),
        ("3万元5角", "3万元", 30_000, "元"),  # a scaled amount takes no subunit
        ("七成六的企业", "七成六", 76, "%"),
        ("三成半", "三成半", 35, "%"),
    ],
)
def test_tails_after_the_unit(text: str, span: str, value: float, unit: str) -> None:
    figure = find_figures(text)[0]
    assert (figure.text, figure.value, figure.unit) == (span, pytest.approx(value), unit)


def test_tenth_after_cheng_does_not_swallow_a_count() -> None:
    assert described("七成六家") == [
        ("七成", 70, "%", FigureKind.PERCENT),
        ("六家", 6, "家", FigureKind.COUNT),
    ]


# Not figures ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "【重点3】完成任务",
        "（一）发展基础",
        "1、加强领导",
        "见荆政发〔2021〕1号文件",
        "建设5G网络",
        "研制AG600飞机",
        "推出2.0版",
        "实现“1+1>2”的效果",
        "2021年启动",
        "4月19日召开",
        "“十三五”以来",
        "新建一批平台",
        "建设“五个强市”",
        "汽车零部件",
        "一成不变",
    ],
)
def test_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_negative_percent() -> None:
    assert only("同比下降-2.1%").value == -2.1
    assert only("增速负3.9%").value == -3.9


# The corpus -------------------------------------------------------------------------------


def corpus_text(prefix: str) -> str:
    if not CORPUS.is_dir():
        pytest.fail(f"corpus folder missing: {CORPUS} (tests read ../shared/corpus next to the checkout)")
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


EXPECTED = {
    "000": [
        ("20.3%", 20.3, "%", FigureKind.PERCENT, Qualifier.EXACT),
        ("1.11亿元", 1.11e8, "元", FigureKind.MONEY, Qualifier.EXACT),
        ("第二位", 2, "位", FigureKind.RANK, Qualifier.EXACT),
        ("4000多名", 4000, "名", FigureKind.COUNT, Qualifier.MORE_THAN),
        ("600公里", 600, "公里", FigureKind.PHYSICAL, Qualifier.EXACT),
    ],
    "001": [
        ("340多个", 340, "个", FigureKind.COUNT, Qualifier.MORE_THAN),
        ("第46位", 46, "位", FigureKind.RANK, Qualifier.EXACT),
        ("137.81平方公里", 137.81, "平方公里", FigureKind.PHYSICAL, Qualifier.EXACT),
        ("21.89件", 21.89, "件", FigureKind.COUNT, Qualifier.EXACT),
    ],
    "002": [
        ("500件左右", 500, "件", FigureKind.COUNT, Qualifier.ABOUT),
        ("超30亿元", 3e9, "元", FigureKind.MONEY, Qualifier.MORE_THAN),
        ("第17位", 17, "位", FigureKind.RANK, Qualifier.EXACT),
    ],
    "003": [
        ("34.94亿元", 3.494e9, "元", FigureKind.MONEY, Qualifier.EXACT),
        ("1.89%", 1.89, "%", FigureKind.PERCENT, Qualifier.EXACT),
        ("312家", 312, "家", FigureKind.COUNT, Qualifier.EXACT),
        ("2700万", 2.7e7, "元", FigureKind.MONEY, Qualifier.EXACT),
        ("2.96件", 2.96, "件", FigureKind.COUNT, Qualifier.EXACT),
        ("2.5倍", 2.5, "倍", FigureKind.MULTIPLE, Qualifier.EXACT),
        ("173%", 173, "%", FigureKind.PERCENT, Qualifier.EXACT),
        ("第四", 4, "位", FigureKind.RANK, Qualifier.EXACT),
    ],
    "004": [
        ("14倍", 14, "倍", FigureKind.MULTIPLE, Qualifier.EXACT),
        ("140.59亿元", 1.4059e10, "元", FigureKind.MONEY, Qualifier.EXACT),
        ("2700余个", 2700, "个", FigureKind.COUNT, Qualifier.MORE_THAN),
        ("600亿元以上", 6e10, "元", FigureKind.MONEY, Qualifier.AT_LEAST),
        ("第六", 6, "位", FigureKind.RANK, Qualifier.EXACT),
    ],
}
NOT_FIGURES = [
    "2020年",
    "2021年",
    "十三五",
    "十四五",
    "5G",
    "【重点3】",
    "〔2021〕1号",
    "第一个五年",
    "零部件",
]


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_corpus_known_figures(prefix: str) -> None:
    figures = find_figures(corpus_text(prefix))
    for span, value, unit, kind, qualifier in EXPECTED[prefix]:
        matching = [f for f in figures if f.text == span]
        assert matching, f"{span} not found in report {prefix}"
        for figure in matching:
            assert (figure.value, figure.unit, figure.kind, figure.qualifier) == (
                pytest.approx(value),
                unit,
                kind,
                qualifier,
            ), span


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_corpus_non_figures(prefix: str) -> None:
    text = corpus_text(prefix)
    figures = find_figures(text)
    for word in NOT_FIGURES:
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            overlapping = [f.text for f in figures if f.start < end and start < f.end]
            assert not overlapping, f"{word} at {start} in report {prefix} overlaps {overlapping}"
            start = text.find(word, end)


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_corpus_spans_are_sound(prefix: str) -> None:
    text = corpus_text(prefix)
    assert_sound(text, find_figures(text))


# Properties -------------------------------------------------------------------------------


def assert_sound(text: str, figures: list[Figure]) -> None:
    previous_end = 0
    for figure in figures:
        assert previous_end <= figure.start < figure.end <= len(text)
        assert text[figure.start : figure.end] == figure.text
        assert figure.text[0] not in BLANKS and figure.text[-1] not in BLANKS, figure.text
        assert figure.value is not None
        previous_end = figure.end


_FRAGMENTS = st.sampled_from(
    [
        "12",
        "3.5",
        "1,234",
        "１２",
        "一百二十三",
        "两千",
        "十三五",
        "五十多",
        "亿",
        "万",
        "元",
        "%",
        "％",
        "个百分点",
        "家",
        "倍",
        "第",
        "位",
        "名",
        "以上",
        "左右",
        "超过",
        "近",
        "-",
        "至",
        "、",
        "和",
        "分别",
        "年",
        "月",
        "百分之",
        "分之",
        "翻",
        "番",
        "成",
        "折",
        "半",
        "公里",
        "吨",
        "，",
        "。",
        " ",
        "\u3000",
        "\t",
        "“",
        "G",
        "AG",
        "零",
    ]
)
_COMPOSED = st.lists(_FRAGMENTS, max_size=25).map("".join)
_CJK_DIGITS = st.text(
    alphabet="0123456789.,-%一二三四五六七八九十百千万亿两零第位名家元倍多余以上左右约近超成折半对角分 \u3000",
    max_size=50,
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=80), _CJK_DIGITS, _COMPOSED))
def test_find_figures_spans_are_sound(text: str) -> None:
    assert_sound(text, find_figures(text))


_SPACED_UNITS = ["亿元", "万元", "个百分点", "百分点", "%", "家", "成", "平方公里", "倍"]


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=99_999),
    st.sampled_from(_SPACED_UNITS),
    st.lists(st.sampled_from(["", " ", "  ", "\u3000", "\t"]), min_size=8, max_size=8),
)
def test_spacing_out_a_figure_keeps_its_reading(number: int, unit: str, blanks: list[str]) -> None:
    """Blanks between a numeral and its unit or inside the unit change the span, not the reading."""
    plain = only(f"达到{number}{unit}")
    spaced_unit = "".join(char + blank for char, blank in zip(unit, blanks[1:], strict=False)).rstrip(
        " \t\u3000"
    )
    text = f"达到{number}{blanks[0]}{spaced_unit}"
    spaced = only(text)
    assert (spaced.value, spaced.unit, spaced.kind, spaced.unit_text) == (
        plain.value,
        plain.unit,
        plain.kind,
        plain.unit_text,
    )
    assert spaced.text == text[2:]


@pytest.mark.parametrize(
    ("text", "figure_text", "value", "unit", "unit_text", "qualifier"),
    [
        ("全员劳动生产率达到36万元/人。", "36万元/人", 360000.0, "元/人", "万元/人", Qualifier.EXACT),
        ("人均投入2.5万元／人左右", "2.5万元／人左右", 25000.0, "元/人", "万元/人", Qualifier.ABOUT),
        ("工业电价降至0.58元/千瓦时", "0.58元/千瓦时", 0.58, "元/千瓦时", "元/千瓦时", Qualifier.EXACT),
        ("亩均产量1.2吨/亩", "1.2吨/亩", 1.2, "吨/亩", "吨/亩", Qualifier.EXACT),
        ("5—8万元/人", "5—8万元/人", 50000.0, "元/人", "万元/人", Qualifier.RANGE),
    ],
)
def test_a_quantity_per_something_has_the_compound_unit(
        text: str, figure_text: str, value: float, unit: str, unit_text: str, qualifier: str) -> None:
    [figure] = find_figures(text)
    assert (figure.text, figure.value, figure.unit, figure.unit_text, figure.qualifier) == (
        figure_text, value, unit, unit_text, qualifier)


def test_a_slash_not_followed_by_a_denominator_leaves_the_unit_alone() -> None:
    [figure] = find_figures("经费12亿元/年度计划")  # 年度 is no denominator
    assert (figure.unit, figure.text) == ("元", "12亿元")
    assert [f.unit for f in find_figures("投资3亿元/项目")] == ["元"]
