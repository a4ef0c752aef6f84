"""The registry of printable reports, shared by `safegrid report ...` and the Reports screen.

Adding a report (say the duty daily) takes three small steps:

1. a params dataclass and its CLI options here (`DailyParams`, `_daily_arguments`,
   `_daily_params`), then one `ReportKind(...)` entry in `REPORT_KINDS`;
2. the Qt-free builder named by the entry, `build_daily(uow, actor, params, out, progress)`, in
   its own module (`desktop/reports/daily.py`), drawing with `desktop.reports.document`;
3. on the Qt side, a form and one entry in `desktop/views/report_forms.py`.

This module must stay light (no reportlab): the CLI parser imports it at every start.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain.errors import ValidationError
from desktop.reports.base import ReportKind, ReportOutcome
from desktop.services.postings import PostingSelection

# -- posting sheets (挂牌公示) ---------------------------------------------------------------


@dataclass(frozen=True)
class PostingParams:
    selection: PostingSelection
    on: date | None = None  # the date printed on the sheets; None: today


def _posting_arguments(p: argparse.ArgumentParser) -> None:
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--community", metavar="NAME|CODE", help="a community and every grid below it")
    which.add_argument("--grid", metavar="CODE", help="one grid (code, or its exact name)")
    which.add_argument("--all", action="store_true", help="every grid of the district (one sheet each)")
    p.add_argument("--date", type=parse_date, default=None, metavar="YYYY-MM-DD",
                   help="the date printed on the sheets (default: today)")


def _posting_params(args: argparse.Namespace) -> PostingParams:
    return PostingParams(PostingSelection(community=args.community, grid=args.grid, all=args.all), args.date)


POSTING = ReportKind(
    key="posting",
    title="安全生产网格员公示牌",
    help="grid-officer posting sheets (挂牌公示): one A4 page per grid",
    builder="desktop.reports.posting:build_posting",
    add_arguments=_posting_arguments,
    params_from_args=_posting_params,
)

# -- the registry -----------------------------------------------------------------------------

REPORT_KINDS: tuple[ReportKind, ...] = (POSTING,)


def report_kind(key: str) -> ReportKind:
    for kind in REPORT_KINDS:
        if kind.key == key:
            return kind
    raise ValidationError("report", f"unknown report {key!r} (have: {', '.join(k.key for k in REPORT_KINDS)})")


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


# -- the command line ---------------------------------------------------------------------------


def add_report_parsers(sub: Any) -> None:
    """`safegrid report KIND [options] --out FILE`: one sub-command per registered kind."""
    report = sub.add_parser("report", help="print a report to a PDF file (headless)")
    kinds = report.add_subparsers(dest="report_kind", required=True, metavar="KIND")
    for kind in REPORT_KINDS:
        p = kinds.add_parser(kind.key, help=kind.help, description=f"{kind.title}: {kind.help}")
        kind.add_arguments(p)
        p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="the PDF to write")


def run_report(db: Any, args: argparse.Namespace) -> ReportOutcome:
    """Build the report the parsed arguments ask for, as the system user, read-only."""
    from desktop.data.uow import UnitOfWork
    from desktop.services.common import SYSTEM

    kind = report_kind(args.report_kind)
    params = kind.params_from_args(args)
    with UnitOfWork(db, write=False) as uow:
        return kind.build(uow, SYSTEM, params, args.out)
