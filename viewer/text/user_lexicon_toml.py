"""The user's lexicon written as TOML: a header that explains the file, then the [[indicator]],
[[place]] and [[provisional]] tables in the order the lexicon holds them, keys in a fixed order.
Only strings, lists of strings and true/false occur, so a small writer does (the standard library
reads TOML but does not write it)."""

from __future__ import annotations

from viewer.text.user_lexicon import IndicatorTable, UserLexicon

HEADER = """\
# 用户词表 · User lexicon of policy-viewer
#
# Merged over the bundled indicator taxonomy (resources/indicators.toml) and gazetteer
# (resources/places.tsv) when the program starts. Edit it with `policy-viewer lexicon add|remove`,
# from the window, or by hand; share it with `policy-viewer lexicon export FILE` and
# `policy-viewer lexicon import FILE`. The program rewrites this file in this layout (comments of
# your own are not kept) and keeps the previous version beside it as lexicon.toml.bak.
#
# [[indicator]]    name = a bundled indicator, and aliases (and context_aliases) added to it;
#                  or a new indicator with the keys of the bundled file: name, unit_kind
#                  (money | percent | count | multiple | physical | number), aliases, group,
#                  parent, base, denominator, context_aliases, definition, core.
# [[place]]        name = a place of the gazetteer (its label, e.g. 南京市鼓楼区, or its name),
#                  and aliases: short forms that name it anywhere.
# [[provisional]]  phrase = a provisional indicator of the analysis (e.g. 总投资额), and
#                  indicator = the indicator its figures are filed under (a taxonomy name, else a
#                  new name for the provisional indicator).
"""
_WIDTH = 96


def format_user_lexicon(user: UserLexicon) -> str:
    parts = [HEADER]
    for table in user.indicators:
        parts.append(_indicator(table))
    for place in user.places:
        parts.append(f'[[place]]\nname = {quoted(place.name)}\n{_list("aliases", place.aliases)}')
    for mapping in user.provisional:
        parts.append(f"[[provisional]]\nphrase = {quoted(mapping.phrase)}\nindicator = {quoted(mapping.indicator)}\n")
    return "\n".join(parts)


def _indicator(table: IndicatorTable) -> str:
    lines = ["[[indicator]]", f"name = {quoted(table.name)}"]
    for key, value in table.fields:
        lines.append(f"{key} = {'true' if value is True else 'false' if value is False else quoted(str(value))}")
    text = "\n".join(lines) + "\n"
    if table.aliases:
        text += _list("aliases", table.aliases)
    if table.context_aliases:
        text += _list("context_aliases", table.context_aliases)
    return text


def _list(key: str, values: tuple[str, ...]) -> str:
    one_line = f"{key} = [{', '.join(quoted(v) for v in values)}]\n"
    if len(one_line) <= _WIDTH:
        return one_line
    lines, line = [], "   "
    for value in values:
        item = f" {quoted(value)},"
        if len(line) + len(item) > _WIDTH and line.strip():
            lines.append(line)
            line = "   "
        line += item
    lines.append(line)
    return f"{key} = [\n" + "\n".join(lines) + "\n]\n"


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def quoted(value: str) -> str:
    """A TOML basic string."""
    out = []
    for char in value:
        escaped = _ESCAPES.get(char)
        if escaped is None and (ord(char) < 0x20 or ord(char) == 0x7F):
            escaped = f"\\u{ord(char):04X}"
        out.append(escaped or char)
    return '"' + "".join(out) + '"'
