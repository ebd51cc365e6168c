"""Locate bundled files, both from a checkout and from a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def project_root() -> Path:
    """The folder holding `resources/` and `db/`: the checkout, or the bundle's data folder."""
    bundle_dir = getattr(sys, "_MEIPASS", None)
    if bundle_dir:
        return Path(bundle_dir)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return project_root().joinpath("resources", *parts)


def migrations_dir() -> Path:
    return project_root() / "db" / "migrations"
