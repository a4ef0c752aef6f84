"""Run SafeGrid's benchmarks and print one line per figure.

    .venv/bin/python benchmarks/run.py                     # every benchmarks/bench_*.py
    .venv/bin/python benchmarks/run.py table_filter map    # bench_table_filter.py, bench_map.py
    .venv/bin/python benchmarks/run.py --repeat 9

Each benchmark module defines ``run(report, repeat: int) -> None`` and calls
``report(name, value, unit, dataset, note="")`` once per figure. Every figure is printed and also
appended as one JSON line to benchmarks/results.jsonl (not committed). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.jsonl"
COLUMNS = "{name:<52} {value:>10} {unit:<6} {dataset:<44} {note}"


def _format_value(value: float) -> str:
    if value != value or abs(value) >= 1e4:  # NaN, or large: no exponent, thousands separated
        return f"{value:,.0f}"
    return f"{value:.4g}"


def _git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


class Reporter:
    """The `report` callable handed to each benchmark (see _util.Report): prints and records a line."""

    def __init__(self, results: Path | None, repeat: int) -> None:
        self.results = results
        self.bench = ""
        self.context = {
            "commit": _git_commit(),
            "repeat": repeat,
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        }

    def __call__(self, name: str, value: float, unit: str, dataset: str, note: str = "") -> None:
        value = float(value)
        line = COLUMNS.format(name=name, value=_format_value(value), unit=unit, dataset=dataset, note=note)
        print(line.rstrip(), flush=True)
        if self.results is None:
            return
        record = {
            "time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "bench": self.bench,
            "name": name,
            "value": value,
            "unit": unit,
            "dataset": dataset,
            "note": note,
            **self.context,
        }
        with self.results.open("a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def available() -> list[str]:
    """Module names of every benchmarks/bench_*.py, sorted."""
    return sorted(p.stem for p in HERE.glob("bench_*.py"))


def _module_name(arg: str) -> str:
    stem = Path(arg).stem  # accepts "table_filter", "bench_table_filter", "benchmarks/bench_x.py"
    return stem if stem.startswith("bench_") else f"bench_{stem}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run SafeGrid's benchmarks (benchmarks/bench_*.py).")
    parser.add_argument("names", nargs="*", help="benchmarks to run, e.g. table_filter (default: all)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; medians are reported")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument("--no-record", action="store_true", help="do not append to benchmarks/results.jsonl")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    names = available()
    if args.list:
        print("\n".join(n.removeprefix("bench_") for n in names) or "(no benchmarks/bench_*.py yet)")
        return 0
    if args.names:
        wanted = [_module_name(a) for a in args.names]
        unknown = [w for w in wanted if w not in names]
        if unknown:
            parser.error(f"no such benchmark: {', '.join(unknown)} (have: {', '.join(names) or 'none'})")
        names = wanted
    if not names:
        print("run.py: no benchmarks/bench_*.py to run")
        return 0

    reporter = Reporter(None if args.no_record else RESULTS, args.repeat)
    print(
        f"# median of {args.repeat} runs; commit {reporter.context['commit'] or '?'}; "
        f"Python {reporter.context['python']}; {reporter.context['cpus']} CPUs"
    )
    print(COLUMNS.format(name="figure", value="value", unit="unit", dataset="dataset", note="note").rstrip())
    failed: list[str] = []
    for name in names:
        reporter.bench = name
        start = time.perf_counter()
        try:
            module = importlib.import_module(name)
            module.run(reporter, args.repeat)
        except Exception:
            traceback.print_exc()
            failed.append(name)
            print(f"# {name}: FAILED", file=sys.stderr)
            continue
        print(f"# {name}: {time.perf_counter() - start:.1f} s", flush=True)
    if failed:
        print(f"run.py: failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
