"""Qt runs offscreen; settings go to a temporary folder, never the user's."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from viewer.ui.main_thread_gc import collect_now, collect_on_main_thread


@pytest.fixture(autouse=True, scope="session")
def _collect_on_the_ui_thread(qapp: QCoreApplication) -> None:
    """As the application does (viewer.ui.main_thread_gc): no Qt object is collected in a thread."""
    collect_on_main_thread(qapp)


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    """The cycles a test leaves are collected here, on the UI thread, not in a later test's thread."""
    yield
    collect_now()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("settings")
    QCoreApplication.setOrganizationName("PolicyViewerTests")
    QCoreApplication.setApplicationName("policy-viewer-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


# The offscreen platform plugin warns about a feature it lacks; nothing else may warn.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise)\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Qt warnings fail the UI tests, also before pyproject sets qt_log_level_fail."""
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))



@pytest.fixture(scope="session")
def samples_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own sample reports ingested once (they have conflicts and inconsistent
    changes, which the real corpus lacks). Copy it before writing to it."""
    from viewer.services.demo import sample_paths
    from viewer.services.ingest import ingest_paths

    store = tmp_path_factory.mktemp("samples-store") / "samples.db"
    report = ingest_paths(store, sample_paths(), processes=0)
    assert report.count("imported") == len(sample_paths()), report.outcomes
    return store


@pytest.fixture
def samples_copy(samples_store: Path, tmp_path: Path) -> Path:
    """A copy of `samples_store` of this test's own, to write to."""
    copy = tmp_path / "samples.db"
    shutil.copy(samples_store, copy)
    return copy
