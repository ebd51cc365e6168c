"""Changes to a user lexicon (viewer.text.user_lexicon.UserLexicon), as new values: an alias
added or removed, a provisional indicator mapped, another lexicon merged in; and its entries as
rows. The caller checks the result against the bundled data before writing it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from viewer.text.indicators import Lexicon
from viewer.text.places import PlaceTable
from viewer.text.user_lexicon import (
    IndicatorTable,
    PlaceAliases,
    ProvisionalMapping,
    UserLexicon,
    UserLexiconError,
)
from viewer.text.user_lexicon_merge import find_place

# The kinds of LexiconEntry.
INDICATOR, ALIAS, CONTEXT_ALIAS, PLACE_ALIAS, PROVISIONAL = (
    "indicator", "alias", "context_alias", "place_alias", "provisional")
KINDS = (INDICATOR, ALIAS, CONTEXT_ALIAS, PLACE_ALIAS, PROVISIONAL)


@dataclass(frozen=True)
class LexiconEntry:
    """One entry of the user's lexicon.

    kind       key                           value                        detail
    indicator  the new indicator's name      its unit kind                its definition
    alias      the indicator's name          the alias                    "new" for a new indicator's
    context_alias  (the same)
    place_alias    the place as the file names it   the alias             the place's label
    provisional    the provisional indicator  the indicator filed under   "indicator" (of the lexicon)
                                                                          or "renamed" (still provisional)
    """

    kind: str
    key: str
    value: str
    detail: str = ""


def entries_of(user: UserLexicon, lexicon: Lexicon, places: PlaceTable) -> list[LexiconEntry]:
    """The rows of a user lexicon, in file order; `lexicon` and `places` are the merged data."""
    rows: list[LexiconEntry] = []
    for table in user.indicators:
        new = bool(table.fields)
        if new:
            rows.append(LexiconEntry(INDICATOR, table.name, str(table.field("unit_kind") or ""),
                                     str(table.field("definition") or "")))
        rows += [LexiconEntry(ALIAS, table.name, a, "new" if new else "") for a in table.aliases]
        rows += [LexiconEntry(CONTEXT_ALIAS, table.name, a, "new" if new else "") for a in table.context_aliases]
    for place in user.places:
        label = find_place(places, place.name, place.name).label
        rows += [LexiconEntry(PLACE_ALIAS, place.name, alias, label) for alias in place.aliases]
    for mapping in user.provisional:
        target = lexicon.mapped.get(mapping.phrase, mapping.indicator)
        rows.append(LexiconEntry(PROVISIONAL, mapping.phrase, target,
                                 "indicator" if lexicon.get(target) is not None else "renamed"))
    return rows


def with_indicator_alias(user: UserLexicon, name: str, alias: str, context: bool = False) -> UserLexicon:
    """`alias` added to the indicator `name` (a canonical name), in its table or a new one."""
    tables = list(user.indicators)
    for n, table in enumerate(tables):
        if table.name == name:
            if context:
                tables[n] = replace(table, context_aliases=_plus(table.context_aliases, alias))
            else:
                tables[n] = replace(table, aliases=_plus(table.aliases, alias))
            return replace(user, indicators=tuple(tables))
    added = IndicatorTable(name, context_aliases=(alias,)) if context else IndicatorTable(name, aliases=(alias,))
    return replace(user, indicators=(*tables, added))


def with_place_alias(user: UserLexicon, places: PlaceTable, label: str, alias: str) -> UserLexicon:
    """`alias` added to the place labelled `label`, in the table that names it or a new one."""
    tables = list(user.places)
    for n, table in enumerate(tables):
        if find_place(places, table.name, table.name).label == label:
            tables[n] = replace(table, aliases=_plus(table.aliases, alias))
            return replace(user, places=tuple(tables))
    return replace(user, places=(*tables, PlaceAliases(label, (alias,))))


def with_mapping(user: UserLexicon, phrase: str, indicator: str) -> UserLexicon:
    """The provisional indicator `phrase` filed under `indicator` (replacing an earlier mapping in its place)."""
    mapping = ProvisionalMapping(phrase, indicator)
    if any(m.phrase == phrase for m in user.provisional):
        return replace(user, provisional=tuple(mapping if m.phrase == phrase else m for m in user.provisional))
    return replace(user, provisional=(*user.provisional, mapping))


def without(user: UserLexicon, kind: str, key: str, value: str = "") -> UserLexicon:
    """The lexicon without one entry (see LexiconEntry); for an alias kind with no value, all the
    aliases of `key`. Raises UserLexiconError when there is no such entry."""
    if kind in (INDICATOR, ALIAS, CONTEXT_ALIAS):
        tables = [_without_alias(t, kind, value) if t.name == key else t for t in user.indicators]
        changed = replace(user, indicators=tuple(t for t in tables if t is not None))
    elif kind == PLACE_ALIAS:
        places = [PlaceAliases(t.name, tuple(a for a in t.aliases if value and a != value)) if t.name == key else t
                  for t in user.places]
        changed = replace(user, places=tuple(t for t in places if t.aliases))
    elif kind == PROVISIONAL:
        changed = replace(user, provisional=tuple(m for m in user.provisional if m.phrase != key))
    else:
        raise UserLexiconError(f"unknown kind of entry {kind!r}; the kinds are {list(KINDS)}")
    if changed == user:
        shown = f"{key} {value}".strip()
        raise UserLexiconError(f"{user.source}: no {kind} entry {shown!r} to remove")
    return changed


def _without_alias(table: IndicatorTable, kind: str, value: str) -> IndicatorTable | None:
    if kind == INDICATOR:
        return None
    if kind == ALIAS:
        table = replace(table, aliases=tuple(a for a in table.aliases if value and a != value))
    else:
        table = replace(table, context_aliases=tuple(a for a in table.context_aliases if value and a != value))
    return table if table.fields or table.aliases or table.context_aliases else None


def combined(current: UserLexicon, incoming: UserLexicon, places: PlaceTable) -> UserLexicon:
    """`current` with `incoming` merged in: aliases joined; a new indicator's keys and a
    provisional mapping taken from `incoming` where both have them."""
    tables = {t.name: t for t in current.indicators}
    for table in incoming.indicators:
        mine = tables.get(table.name)
        tables[table.name] = table if mine is None else IndicatorTable(
            table.name, _union(mine.aliases, table.aliases), _union(mine.context_aliases, table.context_aliases),
            table.fields or mine.fields)
    merged = replace(current, indicators=tuple(tables.values()))
    for place in incoming.places:
        label = find_place(places, place.name, f"{incoming.source}: [[place]] {place.name!r}").label
        for alias in place.aliases:
            merged = with_place_alias(merged, places, label, alias)
    for mapping in incoming.provisional:
        merged = with_mapping(merged, mapping.phrase, mapping.indicator)
    return merged


def _plus(values: tuple[str, ...], value: str) -> tuple[str, ...]:
    return values if value in values else (*values, value)


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*first, *second)))
