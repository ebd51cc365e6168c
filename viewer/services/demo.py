"""The demo: the bundled fictional sample reports in a store of their own (demo.db in the user
data folder, built on first use), never in the reviewer's store, whose charts, checks and review
export they would otherwise join with their fictional cities.

Stores made before the demo existed got the samples on first run: `sample_documents` finds them
(by the bundled files' content hash, or by a path in a resources/samples folder with a bundled
file's name, for a sample of an earlier version) and `remove_samples` removes them.
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from viewer.model.library_changes import RemovalReport
from viewer.resources import resource_path
from viewer.services.locations import user_data_dir
from viewer.store import library_changes as store_changes
from viewer.store.connection import Queryable

if TYPE_CHECKING:
    import sqlite_utils

DEMO_FILE = "demo.db"


def sample_paths() -> list[Path]:
    """The bundled fictional sample reports."""
    return sorted(resource_path("samples").glob("*.txt"))


def demo_store_path() -> Path:
    return user_data_dir() / DEMO_FILE


def is_demo_store(path: str | Path) -> bool:
    return Path(path).name == DEMO_FILE and Path(path).parent == demo_store_path().parent


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def sample_shas() -> set[str]:
    return {_sha256(path) for path in sample_paths()}


def sample_documents(db: Queryable) -> list[int]:
    """Ids of the stored documents that are bundled samples, of this version or an earlier one."""
    found = set(store_changes.documents_by_sha(db, sample_shas()))
    names = [path.name for path in sample_paths()]
    for doc_id, path in store_changes.documents_by_file_name(db, names):
        parents = PurePath(path.replace("\\", "/")).parts[-3:-1]
        if tuple(p.casefold() for p in parents) == ("resources", "samples"):
            found.add(doc_id)
    return sorted(found)


def remove_samples(db: sqlite_utils.Database) -> RemovalReport:
    """Remove the bundled samples from a (reviewer's) store."""
    from viewer.services.removal import remove_documents  # the checks: not needed to open a window

    return remove_documents(db, sample_documents(db))


def demo_is_current(db: Queryable) -> bool:
    """Whether the demo store holds every bundled sample of this version."""
    return len(store_changes.documents_by_sha(db, sample_shas())) >= len(sample_paths())
