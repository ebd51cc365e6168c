"""A pytest plugin for the Qt-free run (`-p no:pytest-qt -p qt_blocker`, see scripts/test.sh):
PySide6, shiboken6, pyqtgraph and pytest-qt cannot be imported, so a test of viewer.text,
viewer.store or viewer.services that reaches Qt, directly or through a module it imports, fails."""

from __future__ import annotations

import importlib.abc
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

BLOCKED = ("PySide6", "shiboken6", "pyqtgraph", "pytestqt")
ENV_FLAG = "POLICY_VIEWER_QT_BLOCKED"


class QtBlocked(ImportError):
    pass


class _BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None) -> ModuleSpec | None:
        if fullname.split(".")[0] in BLOCKED:
            raise QtBlocked(f"{fullname} imported in the Qt-free run: text, store and services must not use Qt")
        return None


def pytest_configure() -> None:
    loaded = sorted(name for name in sys.modules if name.split(".")[0] in BLOCKED)
    if loaded:
        raise RuntimeError(f"Qt was imported before the Qt-free run began: {loaded} (run with -p no:pytest-qt)")
    sys.meta_path.insert(0, _BlockQt())
    os.environ[ENV_FLAG] = "1"
