"""Which user lexicon this process analyses with.

configure_user_lexicon(path) reads and checks the user's lexicon and merges it over the bundled
taxonomy and gazetteer, so that load_lexicon() and place_table() (and everything built on them:
attribution, entities, exports) answer the merged data. Without a user lexicon, or with an
empty one, they answer the bundled data exactly as before. Processes are spawned, so each worker
of an import is given the text the importing process uses (user_lexicon_in_use) and calls
use_user_lexicon_text with it: every document of one import is analysed with one lexicon.
"""

from __future__ import annotations

from pathlib import Path

from viewer.text.indicators import use_merged_lexicon
from viewer.text.places import bundled_place_table, use_merged_places
from viewer.text.user_lexicon import UserLexicon, parse_user_lexicon, read_text
from viewer.text.user_lexicon_merge import merge_with_bundled

_in_use: tuple[str, str] | None = None  # (the file's name, its text)


def configure_user_lexicon(path: Path | None) -> UserLexicon | None:
    """Analyse with the user lexicon at `path` from now on; None, or a file that does not exist:
    the bundled data alone. Returns the lexicon read. Raises UserLexiconError (naming the file
    and the entry) and then leaves what is in use unchanged."""
    if path is None or not path.exists():
        use_user_lexicon_text(None)
        return None
    return use_user_lexicon_text(read_text(path), str(path))


def use_user_lexicon_text(text: str | None, source: str = "") -> UserLexicon | None:
    """Analyse with the user lexicon `text` (read from `source`); None: the bundled data alone."""
    global _in_use
    if text is None:
        use_merged_lexicon(None)
        use_merged_places(None)
        _in_use = None
        return None
    user = parse_user_lexicon(text, source)
    lexicon, places = merge_with_bundled(user)
    use_merged_lexicon(lexicon if user.indicators or user.provisional else None)
    use_merged_places(places if places is not bundled_place_table() else None)
    _in_use = (source, text)
    return user


def user_lexicon_in_use() -> tuple[str, str] | None:
    """The file name and text of the user lexicon in use, for the worker processes of an import."""
    return _in_use
