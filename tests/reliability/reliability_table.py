"""The rows of the reliability table (imported by conftest and by cases that read them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Observation:
    case: str
    expected: str
    observed: str


OBSERVED: list[Observation] = []

Record = Callable[[str, str, str], None]
