"""Jobs for the worker pool's tests, importable by its spawned workers."""

from __future__ import annotations

import os
import signal
import time


def start() -> None:
    """The workers' initialiser: nothing to load."""


def run(kind: str, amount: float) -> str:
    if kind == "die":
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer does
    elif kind == "sleep":
        time.sleep(amount)
    elif kind == "hog":
        bytearray(int(amount))
    elif kind == "fail":
        raise ValueError(f"the job failed on purpose ({amount})")
    return f"{kind} done in {os.getpid()}"
