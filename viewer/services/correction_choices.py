"""What the correction editor offers: the indicators (the taxonomy in use, the user lexicon's
entries marked as the user's, and the provisional names of the store with their figure counts),
the places of the gazetteer with their hierarchy, and the roles."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from viewer.model import Role
from viewer.store import figures as store_figures
from viewer.store.connection import Queryable
from viewer.text.indicators import GROUPS, load_lexicon
from viewer.text.places import Place, PlaceTable, place_table


class Origin:
    TAXONOMY = "taxonomy"  # the bundled taxonomy
    USER = "user"  # an entry of the user's lexicon
    PROVISIONAL = "provisional"  # a name of the store's figures that no taxonomy entry has


@dataclass(frozen=True)
class IndicatorOption:
    name: str
    origin: str = Origin.TAXONOMY
    group: str = ""  # the taxonomy's UI group; "" for a provisional name
    unit_kind: str = ""
    figures: int = 0  # figures of the store with this indicator
    definition: str = ""
    aliases: tuple[str, ...] = ()


PATH_SEPARATOR = " › "


@dataclass(frozen=True)
class PlaceOption:
    label: str  # what a figure's region holds
    path: tuple[str, ...]  # labels from the top (a province, or 全国) down to the place
    level: str = ""
    kind: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def display(self) -> str:
        """湖南省 › 株洲市 › 醴陵市"""
        return PATH_SEPARATOR.join(self.path)


@dataclass(frozen=True)
class RoleOption:
    code: str
    label_zh: str
    label_en: str

    def label(self, language: str = "zh") -> str:
        return self.label_en if language == "en" else self.label_zh


ROLES = (
    RoleOption(Role.ACTUAL, "实际值", "actual"),
    RoleOption(Role.TARGET, "目标值", "target"),
    RoleOption(Role.ESTIMATE, "预计值", "estimate"),
    RoleOption(Role.CHANGE, "增减量", "change"),
    RoleOption(Role.GROWTH, "增长率", "growth rate"),
    RoleOption(Role.SHARE, "占比", "share"),
    RoleOption(Role.RANK, "排名", "rank"),
    RoleOption(Role.PROGRESS, "完成进度", "progress"),
)


@dataclass
class EditorChoices:
    indicators: list[IndicatorOption]
    places: list[PlaceOption]
    roles: tuple[RoleOption, ...] = ROLES
    _indicators: dict[str, IndicatorOption] = field(default_factory=dict, repr=False)
    _places: dict[str, PlaceOption] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._indicators = {c.name: c for c in self.indicators}
        for choice in self.places:
            for key in (choice.display, choice.label):
                self._places.setdefault(key, choice)
        named: dict[str, list[PlaceOption]] = {}
        for choice in self.places:
            for name in dict.fromkeys((choice.path[-1], *choice.aliases)):
                named.setdefault(name, []).append(choice)
        for name, found in named.items():
            if len(found) == 1:  # a name or short form names the place only when no other has it
                self._places.setdefault(name, found[0])

    def indicator(self, name: str) -> IndicatorOption | None:
        return self._indicators.get(name.strip())

    def place(self, text: str) -> PlaceOption | None:
        """The place a reviewer typed: its label, its path, or a name or short form only it has."""
        return self._places.get(text.strip())

    def role(self, code: str) -> RoleOption | None:
        return next((r for r in self.roles if r.code == code), None)


def editor_choices(db: Queryable) -> EditorChoices:
    return EditorChoices(indicator_choices(db), place_choices())


def indicator_choices(db: Queryable) -> list[IndicatorOption]:
    """The taxonomy's entries by group (the user's after the bundled ones of a group), then the
    store's other names, most figures first."""
    counts = dict(store_figures.indicator_names(db))
    order = {group: i for i, group in enumerate(GROUPS)}
    entries = sorted(load_lexicon().entries, key=lambda e: (order.get(e.group or "", len(order)), e.user))
    found = [IndicatorOption(e.name, Origin.USER if e.user else Origin.TAXONOMY, e.group or "", e.unit_kind,
                             counts.get(e.name, 0), e.definition, e.aliases) for e in entries]
    known = {c.name for c in found}
    found += [IndicatorOption(name, Origin.PROVISIONAL, figures=count)
              for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])) if name not in known]
    return found


def place_choices() -> list[PlaceOption]:
    return _place_choices(place_table())


@lru_cache(maxsize=2)
def _place_choices(table: PlaceTable) -> list[PlaceOption]:
    """Every place in the order of the hierarchy: 全国, then each province followed by its
    cities, each city by its counties and zones; areas (城市群) last."""
    found: list[PlaceOption] = []
    seen: set[str] = set()

    def add(place: Place, path: tuple[str, ...]) -> None:
        if place.code in seen:
            return
        seen.add(place.code)
        found.append(PlaceOption(place.label, path, place.level, place.kind, place.aliases))
        for child in table.children(place):
            add(child, (*path, child.label))

    country = table.country()
    if country is not None:
        seen.add(country.code)
        found.append(PlaceOption(country.label, (country.label,), country.level, country.kind, country.aliases))
        for child in table.children(country):
            if child.level != "area":
                add(child, (child.label,))
    for place in table.places:  # areas, and whatever hangs under no province
        if place.code not in seen:
            path = (*(a.label for a in reversed(table.ancestors(place)) if a is not country), place.label)
            add(place, path)
    return found
