"""Series: the points of one indicator, never mixing units or roles, each source once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from viewer.services.ingest import ingest_paths
from viewer.services.library import Library


def test_a_paragraph_pasted_twice_gives_one_point(tmp_path: Path) -> None:
    paragraph = "2021年，株洲市高新技术企业总数达到900家，比上年增长25%。\n"
    (tmp_path / "r.txt").write_text("株洲市科技工作情况通报\n" + paragraph + "其他内容在这里。\n" + paragraph,
                                    encoding="utf-8")
    (tmp_path / "s.txt").write_text("株洲市科技工作年度回顾\n2021年，株洲市高新技术企业总数达到900家。\n",
                                    encoding="utf-8")
    ingest_paths(tmp_path / "s.db", [tmp_path / "r.txt", tmp_path / "s.txt"], processes=0)
    library = Library(tmp_path / "s.db")
    series = library.series("高新技术企业数")
    assert [(p.year, p.value) for p in series.points] == [(2021, 900.0), (2021, 900.0)]
    assert len({p.doc_id for p in series.points}) == 2, "two documents stating it remain two sources"


def test_corpus_series_have_one_unit_and_no_repeated_sources(corpus_store: Path) -> None:
    library = Library(corpus_store)
    for indicator in library.indicators():
        series = library.series(indicator)
        keys = Counter((p.doc_id, p.region, p.year, p.role, p.qualifier, p.value) for p in series.points)
        assert max(keys.values(), default=1) == 1, indicator
        units = {library.figure(p.figure_id).unit for p in series.points}
        assert len(units) <= 1, (indicator, units)


def test_clicking_a_growth_rate_shows_growth_rates(corpus_store: Path) -> None:
    library = Library(corpus_store)
    growth = next(f for d in library.documents() if d.id for f in library.figures(d.id)
                  if f.role == "growth_rate" and f.indicator and f.year is not None and f.region)
    series = library.series_for_figure(growth.id or 0)
    assert series.unit == growth.unit
    assert {library.figure(p.figure_id).role for p in series.points} == {"growth_rate"}
    assert growth.id in {p.figure_id for p in series.points}, "the figure clicked is a point of the series shown"


def test_sentences_are_read_only_when_asked_for(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(
        "株洲市科技工作情况通报\n2021年，株洲市高新技术企业总数达到900家。2022年，株洲市高新技术企业总数达到1000家。\n",
        encoding="utf-8")
    ingest_paths(tmp_path / "s.db", [tmp_path / "r.txt"], processes=0)
    library = Library(tmp_path / "s.db")
    lean = library.series("高新技术企业数").points
    assert [p.value for p in lean] == [900.0, 1000.0]
    assert all(p.sentence == "" for p in lean), "a chart's series must not read document text"
    full = library.with_sentences(lean)
    assert [p.sentence for p in full] == ["2021年，株洲市高新技术企业总数达到900家。", "2022年，株洲市高新技术企业总数达到1000家。"]
    assert [p.figure_id for p in full] == [p.figure_id for p in lean]
    from viewer.services.exports import series_rows
    rows = series_rows(library.conn, "高新技术企业数")
    assert [r["sentence"] for r in rows] == [p.sentence for p in full]


def test_a_figure_s_series_is_its_indicator_s_series_in_its_unit_and_role(corpus_store: Path) -> None:
    """The click path reads the points only (the unit and kind come from the figure): the same
    points, in the same order, as the general query for that unit and those roles."""
    from viewer.services import series as series_service

    library = Library(corpus_store)
    linked = [f for d in library.documents() if d.id for f in library.figures(d.id) if f.indicator and f.unit]
    assert len(linked) > 20, "the corpus should have linked figures"
    for figure in linked:
        assert figure.id is not None and figure.indicator is not None
        clicked = library.series_for_figure(figure.id)
        roles = series_service.VALUE_ROLES if figure.role in series_service.VALUE_ROLES else (figure.role,)
        general = series_service.series(library.conn, figure.indicator, unit=figure.unit, roles=roles)
        assert (clicked.indicator, clicked.unit) == (general.indicator, general.unit)
        assert clicked.points == general.points, figure
        if general.points:
            assert clicked.kind == general.kind == figure.kind


def _reports_of_one_value(tmp_path: Path) -> Library:
    for year, name in ((2022, "a"), (2023, "b"), (2024, "c")):
        (tmp_path / f"{name}.txt").write_text(
            f"株洲市科技工作情况通报\n{year}年3月\n2021年，株洲市高新技术企业总数达到900家。"
            f"{'2020年，株洲市高新技术企业总数达到700家。' if name == 'a' else ''}\n", encoding="utf-8")
    ingest_paths(tmp_path / "s.db", sorted(tmp_path.glob("*.txt")), processes=0)
    return Library(tmp_path / "s.db")


def test_chart_draws_one_point_per_place_and_the_latest_report_stands_for_it(tmp_path: Path) -> None:
    library = _reports_of_one_value(tmp_path)
    full = library.series("高新技术企业数")
    assert sorted((p.year, p.value) for p in full.points) == [(2020, 700.0), (2021, 900.0), (2021, 900.0),
                                                              (2021, 900.0)]
    chart = library.chart_series("高新技术企业数")
    assert [(p.year, p.value) for p in chart.points] == [(2020, 700.0), (2021, 900.0)]
    titles = {d.id: Path(d.path).name for d in library.documents()}
    latest = next(p for p in chart.points if p.year == 2021)
    assert titles[latest.doc_id] == "c.txt", "the latest report stands for a place"
    assert {p.year: p.reports for p in chart.points} == {2020: 1, 2021: 3}
    clicked = next(library.figure(p.figure_id) for p in full.points if p.year == 2021 and titles[p.doc_id] == "a.txt")
    mine = library.chart_series_for_figure(clicked)
    assert {p.figure_id for p in mine.points if p.year == 2021} == {clicked.id}, "the clicked figure stands at its place"
    sources = library.sources_at("高新技术企业数", chart.unit, [latest])
    assert sorted(titles[p.doc_id] for p in sources) == ["a.txt", "b.txt", "c.txt"]
    assert all("900家" in p.sentence for p in sources)
