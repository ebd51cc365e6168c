"""The user's lexicon: a TOML file in the user data folder, read and checked on its own.

Three kinds of tables, in the style of resources/indicators.toml:

[[indicator]]    a new indicator, with the keys of the bundled file (name and unit_kind
                 required); or, when `name` is an indicator of the bundled taxonomy, `aliases`
                 and `context_aliases` added to it, and no other key (a bundled indicator's unit
                 kind, links and definition stay as shipped).
[[place]]        `name`, a place of the gazetteer by its label, name or global alias (株洲市,
                 南京市鼓楼区), and `aliases` added to it as global aliases (found anywhere).
[[provisional]]  `phrase`, the name of a provisional indicator the analysis gives (总投资额), and
                 `indicator`: every figure of that provisional indicator is filed under it (an
                 indicator of the taxonomy or of this file, else a provisional one of that name).

Reading checks what the file says by itself (TOML, tables, keys, types, duplicates);
viewer.text.user_lexicon_merge checks it against the bundled data. Every problem raises
UserLexiconError naming the file, the table and the entry.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.text.indicators import KEYS, LexiconError

TABLES = ("indicator", "place", "provisional")
# The keys a table may have; a new indicator may have every key of the bundled file (KEYS).
PLACE_KEYS = ("name", "aliases")
PROVISIONAL_KEYS = ("phrase", "indicator")
ALIAS_KEYS = ("aliases", "context_aliases")
# The other keys of a new indicator, in the order they are written.
INDICATOR_FIELDS = ("unit_kind", "group", "core", "parent", "base", "denominator", "definition")
MIN_ALIAS = 2  # one character would match inside every other word


class UserLexiconError(LexiconError):
    """The user's lexicon cannot be used; the message names the file, the table and the entry."""


@dataclass(frozen=True)
class IndicatorTable:
    """An [[indicator]] table: aliases for a bundled indicator, or a new indicator."""

    name: str
    aliases: tuple[str, ...] = ()
    context_aliases: tuple[str, ...] = ()
    fields: tuple[tuple[str, str | bool], ...] = ()  # a new indicator's other keys (unit_kind …)

    def field(self, key: str) -> str | bool | None:
        return next((value for name, value in self.fields if name == key), None)

    def table(self) -> dict[str, Any]:
        """The table as the bundled file's parser reads it."""
        found: dict[str, Any] = {"name": self.name, **dict(self.fields)}
        if self.aliases:
            found["aliases"] = list(self.aliases)
        if self.context_aliases:
            found["context_aliases"] = list(self.context_aliases)
        return found


@dataclass(frozen=True)
class PlaceAliases:
    """A [[place]] table: global aliases for a place of the gazetteer."""

    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class ProvisionalMapping:
    """A [[provisional]] table: the indicator a provisional indicator's figures are filed under."""

    phrase: str
    indicator: str


@dataclass(frozen=True)
class UserLexicon:
    source: str = ""  # the file it was read from, named in messages
    indicators: tuple[IndicatorTable, ...] = ()
    places: tuple[PlaceAliases, ...] = ()
    provisional: tuple[ProvisionalMapping, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.indicators or self.places or self.provisional)


def where(source: str, table: str, key: str) -> str:
    """The start of a message about one entry: lexicon.toml: [[place]] '株洲市'."""
    return f"{source}: [[{table}]] {key!r}"


def read_user_lexicon(path: Path) -> UserLexicon:
    return parse_user_lexicon(read_text(path), str(path))


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise UserLexiconError(f"{path}: not UTF-8 text (byte {error.start})") from error
    except OSError as error:
        raise UserLexiconError(f"{path}: cannot read: {error.strerror or error}") from error


def parse_user_lexicon(text: str, source: str) -> UserLexicon:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UserLexiconError(f"{source}: not valid TOML: {error}") from error
    unknown = sorted(set(data) - set(TABLES))
    if unknown:
        raise UserLexiconError(
            f"{source}: unknown table(s) {unknown}; a user lexicon has [[indicator]], [[place]] "
            "and [[provisional]] tables"
        )
    tables = {kind: _tables(data, kind, source) for kind in TABLES}
    found = UserLexicon(
        source,
        tuple(_indicator(raw, n, source) for n, raw in enumerate(tables["indicator"], 1)),
        tuple(_place(raw, n, source) for n, raw in enumerate(tables["place"], 1)),
        tuple(_provisional(raw, n, source) for n, raw in enumerate(tables["provisional"], 1)),
    )
    for kind, keys in (("indicator", [t.name for t in found.indicators]), ("place", [t.name for t in found.places]),
                       ("provisional", [t.phrase for t in found.provisional])):
        twice = next((key for n, key in enumerate(keys) if key in keys[:n]), None)
        if twice is not None:
            raise UserLexiconError(f"{where(source, kind, twice)}: given twice; write one table for it")
    return found


def _tables(data: dict[str, Any], kind: str, source: str) -> list[dict[str, Any]]:
    value = data.get(kind, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise UserLexiconError(f"{source}: {kind} must be written as [[{kind}]] tables")
    return value


def _key(raw: dict[str, Any], key: str, at: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise UserLexiconError(f"{at}: {key} must be a non-empty string")
    return value.strip()


def _numbered(source: str, kind: str, number: int) -> str:
    return f"{source}: [[{kind}]] number {number}"


def _check_keys(raw: dict[str, Any], allowed: tuple[str, ...] | frozenset[str], at: str) -> None:
    unknown = sorted(set(raw) - set(allowed))
    if unknown:
        raise UserLexiconError(f"{at}: unknown key(s) {unknown}; the keys are {sorted(allowed)}")


def _aliases(raw: dict[str, Any], key: str, at: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UserLexiconError(f"{at}: {key} must be a list of strings")
    found = []
    for alias in value:
        alias = alias.strip()
        if len(alias) < MIN_ALIAS or any(c in alias for c in "\r\n\t"):
            raise UserLexiconError(f"{at}: alias {alias!r} must be one line of at least {MIN_ALIAS} characters")
        found.append(alias)
    return tuple(dict.fromkeys(found))


def _indicator(raw: dict[str, Any], number: int, source: str) -> IndicatorTable:
    name = _key(raw, "name", _numbered(source, "indicator", number))
    at = where(source, "indicator", name)
    _check_keys(raw, KEYS, at)
    fields: list[tuple[str, str | bool]] = []
    for key in INDICATOR_FIELDS:
        if key in raw:
            value = raw[key]
            if not isinstance(value, str | bool):
                raise UserLexiconError(f"{at}: {key} must be a string" + (" or true/false" if key == "core" else ""))
            fields.append((key, value.strip() if isinstance(value, str) else value))
    return IndicatorTable(name, _aliases(raw, "aliases", at), _aliases(raw, "context_aliases", at), tuple(fields))


def _place(raw: dict[str, Any], number: int, source: str) -> PlaceAliases:
    name = _key(raw, "name", _numbered(source, "place", number))
    at = where(source, "place", name)
    _check_keys(raw, PLACE_KEYS, at)
    aliases = _aliases(raw, "aliases", at)
    if not aliases:
        raise UserLexiconError(f"{at}: aliases is missing or empty")
    return PlaceAliases(name, aliases)


def _provisional(raw: dict[str, Any], number: int, source: str) -> ProvisionalMapping:
    phrase = _key(raw, "phrase", _numbered(source, "provisional", number))
    at = where(source, "provisional", phrase)
    _check_keys(raw, PROVISIONAL_KEYS, at)
    return ProvisionalMapping(phrase, _key(raw, "indicator", at))
