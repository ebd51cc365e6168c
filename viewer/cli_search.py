"""`policy-viewer search`: hits in document order, and, when the list is cut, how many there are
in all and in which documents. A hit is a sentence holding every term; its occurrences are those
of the terms in it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from viewer.model import SearchHit
    from viewer.services.library import Library

EXIT_OK, EXIT_USAGE = 0, 2
DEFAULT_LIMIT = 20
DOCUMENTS_LISTED = 20  # per-document counts printed when the hits were cut


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("search", help="search the stored reports")
    parser.add_argument("query", nargs="+", metavar="QUERY")
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT,
                        help=f"hits to print (default {DEFAULT_LIMIT}; 0 prints all)")
    parser.add_argument("--all", action="store_true", help="print every hit")
    parser.add_argument("--json", action="store_true", help="one JSON object per hit")
    parser.add_argument("--store", dest="sub_store", help=argparse.SUPPRESS)


def run(library: Library, args: argparse.Namespace) -> int:
    query, limit = " ".join(args.query), args.limit
    if limit < 0:
        print(f"policy-viewer search: --limit must be 0 (all) or more, not {limit}", file=sys.stderr)
        return EXIT_USAGE
    everything = args.all or limit == 0
    hits = library.search(query, limit=sys.maxsize if everything else limit + 1)  # one more: was it cut?
    cut = not everything and len(hits) > limit
    hits = hits if everything else hits[:limit]
    for hit in hits:
        print(_json_line(hit) if args.json else
              f"{hit.title}  [{Path(hit.path).name} {hit.spans[0][0]}]\n    {hit.snippet}")
    if not cut:
        print(f"{len(hits)} hits in {len({h.doc_id for h in hits})} documents", file=sys.stderr)
        return EXIT_OK
    totals = library.search_totals(query)
    print(f"showing {len(hits)} of {totals.hits} hits in {len(totals.documents)} documents "
          f"({totals.occurrences} occurrences); use --limit N for more, or --all", file=sys.stderr)
    print("    hits  occurrences  document", file=sys.stderr)
    for document in totals.documents[:DOCUMENTS_LISTED]:
        print(f"{document.hits:>8}  {document.occurrences:>11}  {Path(document.path).name}  {document.title}",
              file=sys.stderr)
    if len(totals.documents) > DOCUMENTS_LISTED:
        print(f"… and {len(totals.documents) - DOCUMENTS_LISTED} more documents", file=sys.stderr)
    return EXIT_OK


def _json_line(hit: SearchHit) -> str:
    return json.dumps({"doc_id": hit.doc_id, "title": hit.title, "path": hit.path, "snippet": hit.snippet,
                       "sentence": [hit.sentence_start, hit.sentence_end], "spans": hit.spans},
                      ensure_ascii=False)
