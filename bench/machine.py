"""What the machine has free while a benchmark runs: the cores this process may use and the load
on them, measured (the machine may be shared), printed beside every benchmark's figures."""

from __future__ import annotations

import os


def machine_state() -> dict[str, float]:
    """Cores in this process's affinity mask, the 1/5/15-minute load averages, and the cores
    left free by the 1-minute load (never below 0)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    load1, load5, load15 = os.getloadavg()
    return {"cores": cores, "load_1min": load1, "load_5min": load5, "load_15min": load15,
            "free_cores": max(0.0, cores - load1)}


def describe(state: dict[str, float]) -> str:
    return (f"machine: {state['cores']:.0f} cores usable (sched_getaffinity), load average "
            f"{state['load_1min']:.2f} {state['load_5min']:.2f} {state['load_15min']:.2f} "
            f"-> about {state['free_cores']:.1f} cores free")
