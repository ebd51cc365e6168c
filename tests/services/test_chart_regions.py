"""Which regions a click reads first comes from the store's busiest regions alone
(`Library.busiest_regions`), and chooses what ranking every region's count chooses: the
clicked figure's region and the six others with the most figures, ties by name."""

from __future__ import annotations

import random
from pathlib import Path

from chart_support import chart_figure, store_of

from viewer.model import Point, Role, Series
from viewer.services.chart import MAX_OTHER_REGIONS, busiest
from viewer.services.chart_model import ChartModel

INDICATOR = "技术合同成交额"
# Names whose order differs between code points and pinyin or stroke order; counts with ties.
REGIONS = ["白沙县", "云岭市", "石门镇", "青溪区", "东湖区", "北山县", "南坪镇", "西岭乡", "丰乐镇", "和平区",
           "Zeta区", "alpha县"]


def invented(seed: int) -> Series:
    rng = random.Random(seed)
    points = []
    doc_id = 0
    for region in REGIONS:
        for year in range(2015, 2015 + rng.choice([1, 2, 2, 3, 5])):  # few counts: many ties
            doc_id += 1
            points.append(Point(year, 1e8 + doc_id, region, Role.ACTUAL, "", 0, doc_id, f"报告{doc_id}", 0, 0, "",
                                ""))
    return Series(INDICATOR, "元", "money", points)


def test_the_regions_read_first_are_those_ranking_every_count_gives(tmp_path: Path) -> None:
    for seed in range(4):
        library = store_of(tmp_path / f"s{seed}.db", invented(seed))
        counts = library.indicator_region_counts(INDICATOR)
        assert library.busiest_regions(INDICATOR, 50) == busiest(counts), "ties by name, as Python orders"
        for region in REGIONS:
            figure = chart_figure(library, INDICATOR, region, 2015)
            model = ChartModel(library)
            shown = model.figure_series(figure)
            assert shown is not None
            expected = [region, *busiest(counts, [region])[:MAX_OTHER_REGIONS]]
            assert sorted({p.region for p in shown.points}) == sorted(expected), (seed, region)
            model.show(shown, figure.id)
            assert dict(model.region_choices()).keys() == set(REGIONS), "the menu still lists every region"
        library.close()


def test_an_indicator_of_few_regions_is_read_whole(tmp_path: Path) -> None:
    few = Series(INDICATOR, "元", "money", [Point(2020, 1e8 + i, r, Role.ACTUAL, "", 0, i + 1, "报告", 0, 0, "", "")
                                          for i, r in enumerate(REGIONS[:1 + MAX_OTHER_REGIONS])])
    library = store_of(tmp_path / "s.db", few)
    model = ChartModel(library)
    shown = model.figure_series(chart_figure(library, INDICATOR, REGIONS[0], 2020))
    assert shown is not None and {p.region for p in shown.points} == set(REGIONS[:1 + MAX_OTHER_REGIONS])
    library.close()
