"""Where the store lives: --store PATH, else $POLICY_VIEWER_STORE, else a per-user data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VARIABLE = "POLICY_VIEWER_STORE"
APP_FOLDER = "policy-viewer"
STORE_FILE = "store.db"


def user_data_dir() -> Path:
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_FOLDER
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_FOLDER
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / APP_FOLDER


def store_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit)
    from_env = os.environ.get(ENV_VARIABLE)
    if from_env:
        return Path(from_env)
    return user_data_dir() / STORE_FILE
