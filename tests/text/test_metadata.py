import pytest

from corpus_support import corpus_name
from viewer.text.metadata import extract_metadata

EXPECTED = {
    # prefix: (title start, region, publisher, published, year, kind)
    "000": ("创新驱动高质量发展的株洲答卷", "株洲市", "株洲日报", None, 2021, "news"),
    "001": ("科技赋能制造名城培育", "株洲市", None, None, 2022, "news"),
    "002": ("这场“攻坚战”", "株洲市", "株洲日报", None, 2023, "news"),
    "003": ("益阳市“十四五”科技发展规划", "益阳市", "益阳市科学技术局", "2021-11", 2021, "plan"),
    "004": ("激发科技创新活力", "荆州市", None, None, 2023, "news"),
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_metadata_of_the_five_reports(prefix: str, corpus: dict[str, str]) -> None:
    title, region, publisher, published, year, kind = EXPECTED[prefix]
    meta = extract_metadata(corpus[corpus_name(prefix)])
    assert meta.title.startswith(title)
    assert "|" not in meta.title
    assert (meta.region, meta.publisher, meta.published, meta.year, meta.kind) == (
        region, publisher, published, year, kind,
    )


def test_iso_posting_date_is_used_when_no_signature_date() -> None:
    meta = extract_metadata("某市科技工作简报\n时间:2023-04-04 |\n株洲市科技局发布。")
    assert (meta.published, meta.year, meta.region) == ("2023-04-04", 2023, "株洲市")


def test_target_years_do_not_make_the_report_year() -> None:
    meta = extract_metadata("标题在这里很长\n2021年完成研发投入10亿元，力争到2025年达到20亿元。")
    assert meta.year == 2021


def test_source_line_names_the_bureau_of_the_region() -> None:
    meta = extract_metadata("益阳市某项工作的通知文件\n来源:市科技局 作者: |\n益阳市开展工作。")
    assert meta.publisher == "益阳市科学技术局"


def test_a_finished_statistical_year_with_jinnian_means_the_next_year() -> None:
    head = "标题在这里很长\n副标题\n记者 某某\n通讯员 某某\n"
    assert extract_metadata(head + "今年以来成效显著。截至3月底，2022年度研发申报额增长。").year == 2023
    assert extract_metadata(head + "今年以来成效显著。2022年研发投入增长。").year == 2022
    assert extract_metadata(head + "2022年度研发申报额增长。").year == 2022


@pytest.mark.parametrize(("text", "published"), [
    ("某市科技工作综述标题\n某日报记者/张三\n某日报 2021年1月18日 第03版\n正文2020年完成。", "2021-01-18"),
    ("某市科技创新发展规划\n某市人民政府办公室 2021年8月\n正文到2025年达到。", "2021-08"),
    ("某市科学技术局工作总结\n发布单位：某市科学技术局\n正文。\n某市科学技术局\n2023年1月30日", "2023-01-30"),
    ("某市科学技术局工作总结\n发布日期：2023年1月30日\n正文2022年完成。", "2023-01-30"),
    ("某市科技工作综述标题\n正文：2021年1月18日召开大会，2020年完成。", None),
])
def test_date_lines_give_the_publication_date(text: str, published: str | None) -> None:
    assert extract_metadata(text).published == published


def test_samples_have_their_dates_kinds_and_publishers() -> None:
    from viewer.resources import resource_path

    found = {p.name[:10]: extract_metadata(p.read_text(encoding="utf-8")) for p in resource_path("samples").glob("*.txt")}
    assert all(m.published for m in found.values()), found
    assert found["bailu_2023"].kind == "report" and found["bailu_2023"].publisher == "白鹭市科学技术局"
    assert found["qinglan_20"].kind in ("news", "report")
    assert found["qinglan_14"].kind == "plan"


def test_empty_text_gives_empty_metadata() -> None:
    meta = extract_metadata("")
    assert (meta.title, meta.region, meta.year) == ("", None, None)
