"""Helpers shared by the benchmark modules: `from _util import Report, median_of`.

benchmarks/run.py runs as a script, so this directory is first on sys.path and `_util` imports as a
top-level module.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Protocol


class Report(Protocol):
    """What run.py hands to each `run(report, repeat)`: prints one aligned line and records it."""

    def __call__(self, name: str, value: float, unit: str, dataset: str, note: str = "") -> None: ...


def median_of(fn: Callable[[], object], repeat: int, *, warmup: int = 0) -> tuple[float, list[float]]:
    """Call `fn` `repeat` times; return the median wall-clock time in seconds and every run's time.

    `warmup` extra calls run first and are not timed (caches, lazy imports, JIT-like first paints).
    """
    if repeat < 1:
        raise ValueError(f"repeat must be at least 1, not {repeat}")
    for _ in range(warmup):
        fn()
    runs: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), runs
