"""The user's lexicon merged over the bundled taxonomy and gazetteer, checked against them.

Aliases a bundled entry has already are taken as they are (a later version of the program may
ship an alias a user added), so they do not count as the user's. Everything else a user adds is
marked: IndicatorEntry.user for a new indicator, IndicatorEntry.user_aliases and
Place.user_aliases for the added aliases, Lexicon.mapped for the provisional mappings.
"""

from __future__ import annotations

from dataclasses import replace

from viewer.text.indicators import (
    IndicatorEntry,
    Lexicon,
    LexiconError,
    build_lexicon,
    bundled_lexicon,
    indicator_entry,
)
from viewer.text.places import Place, PlaceTable, bundled_place_table
from viewer.text.user_lexicon import ALIAS_KEYS, UserLexicon, UserLexiconError, where


def merged_lexicon(user: UserLexicon, base: Lexicon) -> Lexicon:
    """`base` with the user's [[indicator]] and [[provisional]] tables."""
    entries = list(base.entries)
    position = {entry.name: n for n, entry in enumerate(entries)}
    for table in user.indicators:
        at = where(user.source, "indicator", table.name)
        if table.name in position:
            if table.fields:
                keys = [key for key, _ in table.fields]
                raise UserLexiconError(
                    f"{at}: an indicator of the bundled taxonomy takes only {' and '.join(ALIAS_KEYS)} "
                    f"here, not {keys}; give a new indicator a name of its own"
                )
            if not (table.aliases or table.context_aliases):
                raise UserLexiconError(f"{at}: adds no alias")
            entry = entries[position[table.name]]
            aliases = tuple(a for a in table.aliases if a not in (entry.name, *entry.aliases))
            context = tuple(a for a in table.context_aliases if a not in entry.context_aliases)
            entries[position[table.name]] = replace(
                entry, aliases=entry.aliases + aliases, context_aliases=entry.context_aliases + context,
                user_aliases=aliases + context)
        else:
            entries.append(_new_indicator(table.table(), at))
    _check_user_aliases(entries, user)
    try:
        lexicon = build_lexicon(entries)
    except LexiconError as error:
        raise UserLexiconError(f"{user.source}: [[indicator]] {error}") from error
    lexicon.mapped = _mappings(user, lexicon)
    return lexicon


def _new_indicator(table: dict[str, object], at: str) -> IndicatorEntry:
    try:
        entry = indicator_entry(table)
    except LexiconError as error:
        problem = str(error).removeprefix(f"indicator {table['name']!r}: ")
        raise UserLexiconError(f"{at}: {problem}") from error
    return replace(entry, user=True, user_aliases=entry.aliases + entry.context_aliases)


def _check_user_aliases(entries: list[IndicatorEntry], user: UserLexicon) -> None:
    """A user's alias names one measure: no other entry of the same unit kind has it, neither a
    bundled one nor one the file gives it to earlier."""
    owners: dict[tuple[str, str], str] = {}
    for entry in entries:
        for surface in (entry.name, *entry.aliases):
            if surface not in entry.user_aliases:
                owners.setdefault((surface, entry.unit_kind), entry.name)
    by_name = {entry.name: entry for entry in entries}
    for table in user.indicators:
        entry = by_name[table.name]
        for alias in entry.user_aliases:
            if alias not in entry.aliases:
                continue  # a context alias, which entries may share (国家级)
            other = owners.setdefault((alias, entry.unit_kind), entry.name)
            if other != entry.name:
                raise UserLexiconError(
                    f"{where(user.source, 'indicator', entry.name)}: alias {alias!r} is already {other!r}'s, "
                    f"an indicator of the same unit kind ({entry.unit_kind})"
                )


def _mappings(user: UserLexicon, lexicon: Lexicon) -> dict[str, str]:
    """Provisional name -> the name its figures are filed under, chains followed to their end."""
    mapped: dict[str, str] = {}
    for mapping in user.provisional:
        at = where(user.source, "provisional", mapping.phrase)
        if lexicon.get(mapping.phrase) is not None:
            raise UserLexiconError(
                f"{at}: {mapping.phrase!r} is an indicator of the lexicon, not a provisional one; "
                "give the phrase as an alias of an indicator instead"
            )
        mapped[mapping.phrase] = indicator_named(lexicon, mapping.indicator, at)
    resolved = {}
    for phrase in mapped:
        chain = [phrase]
        while chain[-1] in mapped:
            following = mapped[chain[-1]]
            if following in chain:
                loop = " -> ".join([*chain, following])
                raise UserLexiconError(f"{where(user.source, 'provisional', phrase)}: the mappings loop ({loop})")
            chain.append(following)
        resolved[phrase] = chain[-1]
    return resolved


def indicator_named(lexicon: Lexicon, name: str, at: str) -> str:
    """The indicator a name or alias names; a name the lexicon does not know is returned as it is
    (a provisional indicator's new name)."""
    if lexicon.get(name) is not None:
        return name
    owners = list(dict.fromkeys(e.name for e in lexicon.candidates(name)))
    if len(owners) > 1:
        raise UserLexiconError(f"{at}: {name!r} is an alias of several indicators ({', '.join(owners)}); give one name")
    return owners[0] if owners else name


def merged_places(user: UserLexicon, base: PlaceTable) -> PlaceTable:
    """`base` with the global aliases of the user's [[place]] tables."""
    added: dict[str, list[str]] = {}
    given: dict[str, str] = {}  # alias -> the table that gave it
    for table in user.places:
        at = where(user.source, "place", table.name)
        place = find_place(base, table.name, at)
        for alias in table.aliases:
            if alias in given and given[alias] != table.name:
                raise UserLexiconError(f"{at}: alias {alias!r} is also given to {given[alias]!r} in this file")
            given[alias] = table.name
            named = base.lookup(alias)
            if named is not None and named != place:
                raise UserLexiconError(f"{at}: alias {alias!r} already names {named.label}")
            if named is None and alias not in added.get(place.code, ()):
                added.setdefault(place.code, []).append(alias)
    if not added:
        return base
    places: list[Place] = []
    for place in base.places:
        extra = tuple(added.get(place.code, ()))
        places.append(replace(place, aliases=place.aliases + extra, user_aliases=extra) if extra else place)
    return PlaceTable(places)


def find_place(table: PlaceTable, name: str, at: str) -> Place:
    """The place a label, an official name or a global alias names; a name several places share
    must be given by its label (南京市鼓楼区)."""
    place = table.lookup_label(name)
    if place is not None:
        return place
    named = [p for p in table.places if p.name == name]
    if len(named) > 1:
        labels = ", ".join(p.label for p in named[:4])
        raise UserLexiconError(f"{at}: {len(named)} places are named {name!r} ({labels} …); give its label")
    found = named[0] if named else table.lookup(name)
    if found is None:
        raise UserLexiconError(f"{at}: no place of the gazetteer has this name")
    return found


def merge_with_bundled(user: UserLexicon) -> tuple[Lexicon, PlaceTable]:
    """The bundled taxonomy and gazetteer with the user's lexicon; raises UserLexiconError."""
    return merged_lexicon(user, bundled_lexicon()), merged_places(user, bundled_place_table())
