"""Jobs for the worker pool's tests, importable by its spawned workers."""

from __future__ import annotations

import os
import signal
import time


def start() -> None:
    """The workers' initialiser: nothing to load."""


def run(kind: str, amount: float | str) -> str:
    if kind == "die":
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer does
    elif kind == "sleep":
        time.sleep(amount)
    elif kind == "hog":
        bytearray(int(amount))
    elif kind == "grow":  # touches every page, 32 MB at a time: resident, as a parser's tree is
        held = []
        while len(held) * 32 * 2**20 < amount:
            held.append(b"x" * (32 * 2**20))
            time.sleep(0.02)
    elif kind == "environ":  # the value of the environment variable named by the task's path
        return os.environ.get(str(amount), "")
    elif kind == "fail":
        raise ValueError(f"the job failed on purpose ({amount})")
    return f"{kind} done in {os.getpid()}"


MISBEHAVE = "POLICY_VIEWER_TEST_MISBEHAVE"  # "die:ID" or "hang:ID", inherited by spawned workers


def reanalyse_or_misbehave(doc_id: int, whole: bool, dry_run: bool) -> object:
    """Re-analysis's worker job, except for the document MISBEHAVE names: its worker dies or hangs."""
    how, _, target = os.environ.get(MISBEHAVE, "").partition(":")
    if target == str(doc_id):
        run("die" if how == "die" else "sleep", 600)
    from viewer.services.reanalysis_pool import reanalyse_in_worker

    return reanalyse_in_worker(doc_id, whole, dry_run)
