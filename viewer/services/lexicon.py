"""The user's lexicon: where it lives, putting it in use, and changing it.

The file is $POLICY_VIEWER_LEXICON, else lexicon.toml in the user data folder (beside the store).
configure() puts it in use at program start; the worker processes of an import get the same
text (worker_lexicon / use_worker_lexicon). Every change is checked against the bundled data
before anything is written, written whole to a temporary file that then replaces the lexicon
(the previous version kept as lexicon.toml.bak), and put in use in this process at once. An
invalid change or import raises UserLexiconError and leaves the file as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from viewer.services.lexicon_edits import (
    ALIAS,
    CONTEXT_ALIAS,
    PLACE_ALIAS,
    PROVISIONAL,
    LexiconEntry,
    combined,
    entries_of,
    with_indicator_alias,
    with_mapping,
    with_place_alias,
    without,
)
from viewer.services.locations import user_data_dir
from viewer.text.indicators import Lexicon
from viewer.text.lexicon_in_use import configure_user_lexicon, use_user_lexicon_text, user_lexicon_in_use
from viewer.text.places import PlaceTable
from viewer.text.user_lexicon import UserLexicon, UserLexiconError, read_user_lexicon
from viewer.text.user_lexicon_merge import find_place, indicator_named, merge_with_bundled
from viewer.text.user_lexicon_toml import format_user_lexicon

ENV_VARIABLE = "POLICY_VIEWER_LEXICON"
LEXICON_FILE = "lexicon.toml"

__all__ = [
    "ENV_VARIABLE", "LEXICON_FILE", "LexiconEdit", "LexiconEntry", "LexiconImport", "UserLexiconError",
    "add_indicator_alias", "add_place_alias", "configure", "export_lexicon", "import_lexicon", "list_entries",
    "map_provisional", "remove_entry", "use_worker_lexicon", "user_lexicon_path", "worker_lexicon",
]


@dataclass(frozen=True)
class LexiconEdit:
    entry: LexiconEntry
    changed: bool  # False: the lexicon had the entry already and nothing was written
    # The lexicon's text with the entry, checked (not written with dry_run).
    text: str | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class LexiconImport:
    added: int  # entries the import brought (LexiconEntry rows)
    removed: int  # entries it replaced or, without merging, dropped
    total: int  # entries of the user's lexicon afterwards


def user_lexicon_path() -> Path:
    from_env = os.environ.get(ENV_VARIABLE)
    return Path(from_env) if from_env else user_data_dir() / LEXICON_FILE


def configure(path: Path | None = None) -> UserLexicon | None:
    """Analyse with the user's lexicon (default user_lexicon_path()) from now on, if the file
    exists. Raises UserLexiconError naming the file and the entry; the bundled data stay in use."""
    return configure_user_lexicon(path or user_lexicon_path())


def worker_lexicon() -> tuple[str, str] | None:
    """What an import's worker processes need to analyse with the lexicon in use here."""
    return user_lexicon_in_use()


def use_worker_lexicon(setup: tuple[str, str] | None) -> None:
    """In a worker process: analyse with the lexicon `worker_lexicon()` gave in the importing one."""
    if setup is None:
        use_user_lexicon_text(None)
    else:
        use_user_lexicon_text(setup[1], setup[0])


def list_entries(path: Path | None = None) -> list[LexiconEntry]:
    user, lexicon, places = _current(path)
    return entries_of(user, lexicon, places)


def add_indicator_alias(phrase: str, indicator: str, path: Path | None = None, context: bool = False,
                        dry_run: bool = False) -> LexiconEdit:
    """Make `phrase` an alias (or, with context=True, a context alias) of the indicator `indicator`
    (its name or one of its aliases). dry_run: check it and return the text, write nothing."""
    phrase = _phrase(phrase)
    user, lexicon, _ = _current(path)
    where = f"{user.source}: [[indicator]] {indicator!r}"
    name = indicator_named(lexicon, indicator.strip(), where)
    entry = lexicon.get(name)
    if entry is None:
        raise UserLexiconError(f"{where}: not an indicator of the taxonomy or of this lexicon")
    kind = CONTEXT_ALIAS if context else ALIAS
    row = LexiconEntry(kind, name, phrase, "new" if entry.user else "")
    if phrase in (entry.context_aliases if context else (entry.name, *entry.aliases)):
        return LexiconEdit(row, False)
    return LexiconEdit(row, True, _save(user, with_indicator_alias(user, name, phrase, context), not dry_run))


def add_place_alias(phrase: str, place: str, path: Path | None = None, dry_run: bool = False) -> LexiconEdit:
    """Make `phrase` a global alias of `place` (its label, name or a global alias). dry_run: check
    it and return the text, write nothing."""
    phrase = _phrase(phrase)
    user, _, places = _current(path)
    found = find_place(places, place.strip(), f"{user.source}: [[place]] {place.strip()!r}")
    row = LexiconEntry(PLACE_ALIAS, found.label, phrase, found.label)
    if phrase in (found.name, found.label, *found.aliases):
        return LexiconEdit(row, False)
    return LexiconEdit(row, True, _save(user, with_place_alias(user, places, found.label, phrase), not dry_run))


def map_provisional(phrase: str, indicator: str, path: Path | None = None, dry_run: bool = False) -> LexiconEdit:
    """File every figure of the provisional indicator `phrase` under `indicator`: an indicator of
    the taxonomy or of the user's lexicon (by name or alias), else a new name for it. dry_run:
    check it and return the text, write nothing."""
    phrase, indicator = phrase.strip(), indicator.strip()
    user, lexicon, _ = _current(path)
    target = indicator_named(lexicon, indicator, f"{user.source}: [[provisional]] {phrase!r}") if indicator else ""
    row = LexiconEntry(PROVISIONAL, phrase, target, "indicator" if lexicon.get(target) else "renamed")
    if any(m.phrase == phrase and m.indicator == target for m in user.provisional):
        return LexiconEdit(row, False)
    return LexiconEdit(row, True, _save(user, with_mapping(user, phrase, target), not dry_run))


def remove_entry(kind: str, key: str, value: str = "", path: Path | None = None) -> None:
    """Remove one entry (the kind, key and value of a LexiconEntry); a new indicator is removed
    with kind "indicator" and its name."""
    user, _, _ = _current(path)
    _save(user, without(user, kind, key.strip(), value.strip()))


def export_lexicon(target: Path, path: Path | None = None) -> int:
    """Write the user's lexicon (checked) to `target`; returns the number of entries."""
    user, lexicon, places = _current(path)
    _write(target, format_user_lexicon(user), backup=False)
    return len(entries_of(user, lexicon, places))


def import_lexicon(source: Path, merge: bool = True, path: Path | None = None) -> LexiconImport:
    """Take the lexicon `source` into the user's: merged with it (aliases joined; a new indicator's
    keys and a provisional mapping taken from `source` where both have them), or, with
    merge=False, in its place. `source` is checked on its own and the result as a whole first."""
    incoming = read_user_lexicon(source)
    merge_with_bundled(incoming)
    user, lexicon, places = _current(path)
    before = {(e.kind, e.key, e.value) for e in entries_of(user, lexicon, places)}
    result = combined(user, incoming, places) if merge else UserLexicon(user.source, incoming.indicators,
                                                                         incoming.places, incoming.provisional)
    _save(user, result)
    lexicon, places = merge_with_bundled(result)
    after = {(e.kind, e.key, e.value) for e in entries_of(result, lexicon, places)}
    return LexiconImport(len(after - before), len(before - after), len(after))


def _phrase(phrase: str) -> str:
    phrase = phrase.strip()
    if len(phrase) < 2 or any(c in phrase for c in "\r\n\t"):
        raise UserLexiconError(f"alias {phrase!r} must be one line of at least 2 characters")
    return phrase


def _current(path: Path | None) -> tuple[UserLexicon, Lexicon, PlaceTable]:
    """The user's lexicon (empty when there is no file) and the data merged with it."""
    path = path or user_lexicon_path()
    user = read_user_lexicon(path) if path.exists() else UserLexicon(str(path))
    lexicon, places = merge_with_bundled(user)
    return user, lexicon, places


def _save(old: UserLexicon, new: UserLexicon, write: bool = True) -> str:
    """Check `new`; unless told not to, write it over `old`'s file and put it in use. Returns its text."""
    merge_with_bundled(new)
    text = format_user_lexicon(new)
    if write:
        path = Path(old.source)
        _write(path, text, backup=True)
        use_user_lexicon_text(text, str(path))
    return text


def _write(path: Path, text: str, backup: bool) -> None:
    """Write `text` to a temporary file beside `path`, then put it in place (the old file is
    copied to PATH.bak first, so an interrupted write leaves the old version or the new one)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            if backup and path.exists():
                shutil.copy2(path, path.with_name(path.name + ".bak"))
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except OSError as error:
        raise UserLexiconError(f"{path}: cannot write: {error.strerror or error}") from error
