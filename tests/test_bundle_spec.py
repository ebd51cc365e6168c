"""build.spec without building: what the bundle keeps, what it drops, and that nothing the
program imports is excluded. (scripts/bundle_smoke.sh builds and runs the real bundle.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_offline import imported_modules

from corpus_support import REPO

SPEC = REPO / "build.spec"


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    """The spec's settings and helpers: everything above its Analysis(...) call."""
    source = SPEC.read_text(encoding="utf-8")
    settings, marker, _build = source.partition("\na = Analysis(")
    assert marker, "build.spec has no `a = Analysis(` line"
    namespace: dict[str, Any] = {"SPECPATH": str(REPO), "__file__": str(SPEC)}
    exec(compile(settings, str(SPEC), "exec"), namespace)
    return namespace


KEPT_DATA = [
    "jieba/dict.txt",
    "resources/jieba_userdict.txt",
    "resources/i18n/viewer_en.qm",
    "db/migrations/0001_documents.sql",
    "pdfminer/cmap/UniGB-UCS2-H.pickle.gz",
    "docx/templates/default.docx",
    "pyqtgraph/colors/maps/CET-L1.csv",
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
    "PySide6/translations/qtbase_zh_CN.qm",
    "PySide6/Qt/translations/qtbase_en.qm",
]
DROPPED_DATA = [
    "jieba/lac_small/model_baseline/crfw",
    "jieba/analyse/idf.txt",
    "jieba/posseg/prob_emit.p",
    "jieba/finalseg/prob_emit.p",
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6\\translations\\qtbase_ja.qm",
]
KEPT_BINARIES = [
    "PySide6/Qt/lib/libQt6Core.so.6",
    "PySide6/Qt/lib/libQt6Gui.so.6",
    "PySide6/Qt/lib/libQt6Widgets.so.6",
    "PySide6/Qt/lib/libQt6OpenGL.so.6",
    "PySide6/Qt/lib/libQt6XcbQpa.so.6",
    "PySide6/Qt/lib/libQt6DBus.so.6",
    "PySide6/Qt6Core.dll",
    "PySide6/Qt6Gui.dll",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqminimal.so",
    "PySide6\\plugins\\platforms\\qwindows.dll",
    "PySide6\\plugins\\platforms\\qoffscreen.dll",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
    "PySide6\\plugins\\styles\\qmodernwindowsstyle.dll",
    "libfontconfig.so.1",
    "libfreetype.so.6",
    "libharfbuzz.so.0",
]
DROPPED_BINARIES = [
    "PySide6/Qt/lib/libQt6Network.so.6",
    "PySide6\\Qt6Network.dll",
    "PySide6/Qt/lib/libQt6WaylandClient.so.6",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/generic/libqtuiotouchplugin.so",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6\\plugins\\tls\\qschannelbackend.dll",
    "PySide6/Qt/plugins/networkinformation/libqglib.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "libpango-1.0.so.0",
    "libcairo.so.2",
]


@pytest.mark.parametrize("dest", KEPT_DATA)
def test_needed_data_is_kept(spec: dict[str, Any], dest: str) -> None:
    assert not spec["_unused_data"](dest)


@pytest.mark.parametrize("dest", DROPPED_DATA)
def test_unused_data_is_dropped(spec: dict[str, Any], dest: str) -> None:
    assert spec["_unused_data"](dest)


@pytest.mark.parametrize("dest", KEPT_BINARIES)
def test_needed_libraries_and_plugins_are_kept(spec: dict[str, Any], dest: str) -> None:
    assert not spec["_unused_binary"](dest)


@pytest.mark.parametrize("dest", DROPPED_BINARIES)
def test_network_and_unused_qt_parts_are_dropped(spec: dict[str, Any], dest: str) -> None:
    assert spec["_unused_binary"](dest)


def test_links_to_dropped_libraries_are_dropped_with_them(spec: dict[str, Any]) -> None:
    unused = spec["_unused_entry"]
    assert unused("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK")
    assert not unused("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK")
    assert unused("PySide6/Qt/plugins/platforms/libqvnc.so", "/venv/PySide6/Qt/plugins/platforms/libqvnc.so", "BINARY")
    assert not unused("jieba/dict.txt", "/venv/jieba/dict.txt", "DATA")
    assert unused("jieba/analyse/idf.txt", "/venv/jieba/analyse/idf.txt", "DATA")


def test_every_project_resource_goes_into_the_bundle(spec: dict[str, Any]) -> None:
    entries = spec["_project_data"]()
    assert (str(REPO / "resources"), "resources") in entries
    migrations = sorted((REPO / "db" / "migrations").glob("*.sql"))
    assert migrations
    assert {(str(m), "db/migrations") for m in migrations} <= set(entries)
    assert all(Path(source).suffix == ".sql" for source, dest in entries if dest.startswith("db"))
    resources = [p for p in (REPO / "resources").rglob("*") if p.is_file()]
    dropped = [p for p in resources if spec["_unused_data"](p.relative_to(REPO).as_posix())]
    assert dropped == []


def test_every_module_of_the_package_is_a_hidden_import(spec: dict[str, Any]) -> None:
    modules = {".".join(p.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
               for p in (REPO / "viewer").rglob("*.py")}
    assert modules <= set(spec["hidden_imports"])
    assert {"viewer.cli", "viewer.ui.self_test", "PySide6.QtOpenGL"} <= set(spec["hidden_imports"])


def test_nothing_the_program_imports_is_excluded(spec: dict[str, Any]) -> None:
    excluded = tuple(spec["EXCLUDES"])
    used: dict[str, str] = {}
    for path in sorted((REPO / "viewer").rglob("*.py")):
        module = ".".join(path.relative_to(REPO).with_suffix("").parts)
        for name in imported_modules(path.read_text(encoding="utf-8"), module):
            used.setdefault(name, str(path.relative_to(REPO)))
    clashes = {name: where for name, where in used.items()
               if any(name == x or name.startswith(x + ".") for x in excluded)}
    assert clashes == {}, "build.spec excludes modules the program imports"


def test_the_entry_point_supports_frozen_spawn_workers() -> None:
    entry = (REPO / "scripts" / "pyinstaller_entry.py").read_text(encoding="utf-8")
    assert "multiprocessing.freeze_support()" in entry
    assert entry.index("freeze_support()") < entry.index("main()")
