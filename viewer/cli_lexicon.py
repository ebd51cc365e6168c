"""`policy-viewer lexicon list|add|remove|export|import`: the user's lexicon from the command line,
and putting it in use when the program starts."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_USAGE = 0, 2
# Commands whose results depend on the lexicon: a lexicon that cannot be used stops them.
ANALYSING = ("ingest", "extract", "reanalyze")


def add_lexicon_parser(sub: Any) -> None:
    lexicon = sub.add_parser("lexicon", help="the user's lexicon: indicator and place aliases, provisional mappings")
    actions = lexicon.add_subparsers(dest="lexicon_command", required=True)
    listing = actions.add_parser("list", help="print the user's entries")
    listing.add_argument("--json", action="store_true")
    add = actions.add_parser("add", help="add an alias or map a provisional indicator")
    what = add.add_mutually_exclusive_group(required=True)
    what.add_argument("--indicator", nargs=2, metavar=("NAME", "PHRASE"), help="PHRASE names the indicator NAME")
    what.add_argument("--place", nargs=2, metavar=("NAME", "PHRASE"), help="PHRASE names the place NAME anywhere")
    what.add_argument("--provisional", nargs=2, metavar=("PHRASE", "NAME"),
                      help="file the figures of the provisional indicator PHRASE under NAME")
    remove = actions.add_parser("remove", help="remove an entry, as `lexicon list` shows it")
    remove.add_argument("kind", choices=("indicator", "alias", "context_alias", "place_alias", "provisional"))
    remove.add_argument("key")
    remove.add_argument("value", nargs="?", default="")
    export = actions.add_parser("export", help="write the user's lexicon to a file to share")
    export.add_argument("file", type=Path)
    take = actions.add_parser("import", help="merge a shared lexicon file into the user's")
    take.add_argument("file", type=Path)
    take.add_argument("--replace", action="store_true", help="replace the user's lexicon instead of merging")


problem = ""  # why the user's lexicon is not used in this run ("" when it is, or there is none)


def configure_lexicon(command: str | None) -> int | None:
    """Put the user's lexicon in use; an exit code when the command cannot go on without it."""
    global problem
    from viewer.services.lexicon import UserLexiconError, configure

    try:
        configure()
    except UserLexiconError as error:
        if command in ANALYSING:
            _fail(error)
            return EXIT_USAGE
        problem = _line(error)
        print(f"policy-viewer: {problem}; the user lexicon is not used", file=sys.stderr)
    return None


def run_lexicon(args: argparse.Namespace) -> int:
    from viewer.services import lexicon

    try:
        if args.lexicon_command == "list":
            return _list(lexicon.list_entries(), args.json)
        if args.lexicon_command == "add":
            return _add(args)
        if args.lexicon_command == "remove":
            lexicon.remove_entry(args.kind, args.key, args.value)
            print(f"removed {args.kind} {args.key} {args.value}".rstrip() + f" ({lexicon.user_lexicon_path()})")
        elif args.lexicon_command == "export":
            count = lexicon.export_lexicon(args.file)
            print(f"{count} entries -> {args.file}")
        elif args.lexicon_command == "import":
            done = lexicon.import_lexicon(args.file, merge=not args.replace)
            print(f"{done.added} added, {done.removed} {'dropped' if args.replace else 'replaced'}, "
                  f"{done.total} entries in {lexicon.user_lexicon_path()}")
    except lexicon.UserLexiconError as error:
        _fail(error)
        return EXIT_USAGE
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    from viewer.services import lexicon

    if args.indicator:
        name, phrase = args.indicator
        edit = lexicon.add_indicator_alias(phrase, name)
    elif args.place:
        name, phrase = args.place
        edit = lexicon.add_place_alias(phrase, name)
    else:
        phrase, name = args.provisional
        edit = lexicon.map_provisional(phrase, name)
    entry = edit.entry
    state = "added" if edit.changed else "already in the lexicon"
    print(f"{entry.kind}: {entry.key} -> {entry.value} ({state}; {lexicon.user_lexicon_path()})")
    return EXIT_OK


def _list(entries: list[Any], as_json: bool) -> int:
    for entry in entries:
        if as_json:
            print(json.dumps(asdict(entry), ensure_ascii=False))
        else:
            detail = f"  ({entry.detail})" if entry.detail else ""
            print(f"{entry.kind:<14} {entry.key}  ->  {entry.value}{detail}")
    if not as_json:
        print(f"{len(entries)} entries", file=sys.stderr)
    return EXIT_OK


def _line(error: Exception) -> str:
    return " ".join(str(error).split("\n"))


def _fail(error: Exception) -> None:
    print(f"policy-viewer: {_line(error)}", file=sys.stderr)
