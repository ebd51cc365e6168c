"""`policy-viewer remove`, and what `ingest` says (or does, with --replace-versions) about new
versions of stored reports."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from viewer.model.library_changes import DocumentRef, VersionMatch
    from viewer.services.ingest import IngestReport

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
KEPT_WORK = ("notes and corrections are kept, orphaned: listed in the window (批注 · 全部文档, 更正记录) "
             "and `export corrections`, and re-attached if the same file is imported again")


def add_parser(sub: Any) -> None:
    remove = sub.add_parser(
        "remove", help="remove documents from the store (their notes and corrections are kept, orphaned)")
    remove.add_argument("documents", nargs="*", metavar="DOC", help="document id, stored path or file name")
    remove.add_argument("--samples", action="store_true",
                        help="remove the bundled fictional sample reports (they belong in the demo store)")
    remove.add_argument("--dry-run", action="store_true", help="say what would be removed; remove nothing")
    remove.add_argument("--store", dest="sub_store", help=argparse.SUPPRESS)


def _ref(doc: DocumentRef) -> str:
    return f"{doc.doc_id}  {doc.title or '(no title)'}  {doc.path}"


def run_remove(store: Path, args: argparse.Namespace) -> int:
    from viewer.services.library import Library

    if not args.documents and not args.samples:
        print("policy-viewer remove: name documents (id, stored path or file name) or give --samples",
              file=sys.stderr)
        return EXIT_USAGE
    library = Library(store)
    try:
        ids, unknown = chosen_documents(library, args.documents)
        if args.samples:
            ids = sorted(set(ids) | set(library.sample_documents()))
        for name in unknown:
            print(f"policy-viewer: no document {name!r} in {store}", file=sys.stderr)
        if unknown:
            print("policy-viewer: nothing removed", file=sys.stderr)
            return EXIT_FAILED
        preview = library.removal_preview(ids)
        if not preview.documents:
            print("nothing to remove" + (" (no sample reports in this store)" if args.samples else ""))
            return EXIT_OK
        verb = "would remove" if args.dry_run else "removing"
        print(f"{verb} {len(preview.documents)} document(s):")
        for doc in preview.documents:
            print(f"  {_ref(doc)}")
        print(f"their {preview.notes} note(s) and {preview.corrections} correction(s): {KEPT_WORK}; "
              f"{preview.findings} finding(s) citing them are checked again without them")
        if not args.dry_run:
            from viewer import cli_safety

            cli_safety.guard(store)  # a damaged store is not written
            report = library.remove_documents([d.doc_id for d in preview.documents])
            print(f"removed {len(report.removed)} document(s); {report.notes_orphaned} note(s) and "
                  f"{report.corrections_orphaned} correction(s) kept, orphaned -> {store}")
    finally:
        library.close()
    return EXIT_OK


def chosen_documents(library: Any, names: list[str]) -> tuple[list[int], list[str]]:
    """Ids of the documents named by id, stored path or file name; and the names that match none."""
    rows = library.document_rows()
    ids: list[int] = []
    unknown: list[str] = []
    for name in names:
        resolved = str(Path(name).absolute())
        found = [d.id for d in rows
                 if d.id is not None and (name in (str(d.id), d.path, Path(d.path).name) or d.path == resolved)]
        ids.extend(i for i in found if i is not None)
        if not found:
            unknown.append(name)
    return sorted(set(ids)), unknown


def report_versions(store: Path, report: IngestReport, replace: bool) -> None:
    """After an import: the stored reports that a file of this import looks like a new version of;
    replaced by it with `replace`, else a message saying how."""
    from viewer.services.library import Library

    statuses = ("imported", "unchanged", "replaced", "reanalysed") if replace else ("imported",)
    named = [o.doc_id for o in report.outcomes if o.status in statuses and o.doc_id is not None]
    if not named:
        return
    library = Library(store)
    try:
        matches = library.find_versions(named)
        if not matches:
            return
        if not replace:
            print(f"{len(matches)} new version(s) of stored reports found (same title, most paragraphs shared):")
            for match in matches:
                print(_match_line(match))
            print("  both versions are kept: each shared paragraph counts as repeated and notes stay on the old "
                  "one. Run the same command with --replace-versions to replace the old versions (their notes "
                  "and corrections move to the new text), or `policy-viewer remove` the one you do not want.")
            return
        from viewer import cli_safety

        cli_safety.guard(store)
        for done in library.replace_versions(matches):
            metadata = "; corrected metadata kept" if done.metadata_kept else ""
            print(f"replaced {done.old.path} by {done.new.path}: notes {done.notes_moved} moved, "
                  f"{done.notes_orphaned} orphaned (quote gone); corrections {done.corrections_moved} moved, "
                  f"{done.corrections_orphaned} orphaned{metadata}")
    finally:
        library.close()


def _match_line(match: VersionMatch) -> str:
    return (f"  {match.new.path}\n    is a new version of {match.old.path} (id {match.old.doc_id}, "
            f"{match.old.title}): {match.shared} of {match.old_paragraphs} paragraphs shared; "
            f"the old one has {match.notes} note(s), {match.corrections} correction(s)")
