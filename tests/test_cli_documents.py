"""`policy-viewer remove` and `ingest --replace-versions`, with invented reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from library_changes_support import OTHER, VERSION_1, VERSION_2

from viewer.cli import main
from viewer.services import notes
from viewer.services.demo import demo_store_path, is_demo_store, sample_paths
from viewer.store import documents as store_documents
from viewer.store import open_store


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def ingest(store: Path, *paths: Path | str, extra: tuple[str, ...] = ()) -> int:
    return main(["ingest", *map(str, paths), "--store", str(store), "--processes", "0", *extra])


def stored_names(store: Path) -> set[str]:
    db = open_store(store)
    try:
        return {Path(d.path).name for d in store_documents.list_documents(db)}
    finally:
        db.conn.close()


def test_remove_by_file_name_says_what_happens_to_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "s.db"
    ingest(store, write(tmp_path / "柏川.txt", VERSION_1), write(tmp_path / "松漠.txt", OTHER))
    db = open_store(store)
    [doc] = [d for d in store_documents.list_documents(db) if d.path.endswith("柏川.txt")]
    assert doc.id is not None
    full = store_documents.get_document(db, doc.id)
    assert full is not None
    start = full.text.index("技术合同")
    notes.add_note(db, doc.id, start, start + 4, "待核")
    db.conn.close()
    capsys.readouterr()

    assert main(["remove", "柏川.txt", "--store", str(store), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would remove 1 document" in out and "1 note(s) and 0 correction(s)" in out and "orphaned" in out
    assert stored_names(store) == {"柏川.txt", "松漠.txt"}

    assert main(["remove", "柏川.txt", "--store", str(store)]) == 0
    assert "removed 1 document(s); 1 note(s) and 0 correction(s) kept, orphaned" in capsys.readouterr().out
    assert stored_names(store) == {"松漠.txt"}


def test_remove_refuses_unknown_names_and_needs_a_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "s.db"
    ingest(store, write(tmp_path / "柏川.txt", VERSION_1))
    capsys.readouterr()
    assert main(["remove", "柏川.txt", "没有这份.txt", "--store", str(store)]) == 1
    err = capsys.readouterr().err
    assert "no document '没有这份.txt'" in err and "nothing removed" in err
    assert stored_names(store) == {"柏川.txt"}
    assert main(["remove", "--store", str(store)]) == 2
    assert "--samples" in capsys.readouterr().err


def test_remove_samples_takes_only_the_bundled_samples(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "s.db"
    samples = tmp_path / "resources" / "samples"  # a copy as an older install kept them
    for path in sample_paths()[:2]:
        write(samples / path.name, path.read_text(encoding="utf-8") + "\n（旧版示例）\n")
    ingest(store, samples, *sample_paths()[2:], write(tmp_path / "柏川.txt", VERSION_1))
    capsys.readouterr()
    assert main(["remove", "--samples", "--store", str(store)]) == 0
    assert f"removed {len(sample_paths())} document(s)" in capsys.readouterr().out
    assert stored_names(store) == {"柏川.txt"}
    assert main(["remove", "--samples", "--store", str(store)]) == 0
    assert "no sample reports" in capsys.readouterr().out


def test_ingest_names_a_new_version_and_replaces_it_when_asked(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "s.db"
    ingest(store, write(tmp_path / "收文" / "柏川.txt", VERSION_1))
    capsys.readouterr()
    revised = write(tmp_path / "修订" / "柏川_修订稿.txt", VERSION_2)
    assert ingest(store, revised) == 0
    out = capsys.readouterr().out
    assert "1 new version(s) of stored reports found" in out and "--replace-versions" in out
    assert "柏川_修订稿.txt" in out and "5 of 6 paragraphs shared" in out
    assert stored_names(store) == {"柏川.txt", "柏川_修订稿.txt"}

    assert ingest(store, revised, extra=("--replace-versions",)) == 0
    out = capsys.readouterr().out
    assert "1 unchanged" in out and "replaced " in out and "柏川.txt by " in out
    assert stored_names(store) == {"柏川_修订稿.txt"}
    assert ingest(store, revised, extra=("--replace-versions",)) == 0
    assert "replaced" not in capsys.readouterr().out.replace("0 replaced", "")


def test_demo_opens_the_window_on_the_demo_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import viewer.cli

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    opened: list[str | None] = []
    monkeypatch.setattr(viewer.cli, "_gui", lambda store, _self_test, _lang: opened.append(store) or 0)
    assert main(["--demo"]) == 0 and main(["--store", str(tmp_path / "mine.db")]) == 0
    assert opened == [str(demo_store_path()), str(tmp_path / "mine.db")]
    assert is_demo_store(opened[0]) and not is_demo_store(opened[1])
