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
from desktop.domain.posting import PostingSelection
from desktop.reports.base import ReportKind, ReportOutcome

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

# -- duty daily (值班日报) ---------------------------------------------------------------------

SHIFTS = ("day", "night")  # desktop.domain.squad.ShiftKind values; None: the whole day


@dataclass(frozen=True)
class DailyParams:
    day: date
    shift: str | None = None    # "day" (08:00-20:00) | "night" (20:00-08:00) | None: the whole day


def _daily_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", type=parse_date, required=True, metavar="YYYY-MM-DD", help="the day reported")
    p.add_argument("--shift", choices=SHIFTS, default=None,
                   help="one duty shift: day 08:00-20:00, night 20:00-08:00 (default: the whole day)")


def _daily_params(args: argparse.Namespace) -> DailyParams:
    return DailyParams(args.date, args.shift)


DAILY = ReportKind(
    key="daily",
    title="安全生产值班日报",
    help="duty daily / situation report (值班日报) for a day or a shift, with map and charts",
    builder="desktop.reports.daily:build_daily",
    add_arguments=_daily_arguments,
    params_from_args=_daily_params,
)

# -- hazard ledger (隐患排查治理台账) --------------------------------------------------------------


@dataclass(frozen=True)
class LedgerParams:
    """The ledger's filter, in the words a user types (names resolved by the service, which
    refuses an unknown one naming the field); `xlsx`: also write the workbook."""

    street: str | None = None
    department: str | None = None
    date_from: date | None = None     # found on or after (district day)
    date_to: date | None = None       # found on or before
    status: str | None = None         # open | overdue | a status (found, rectifying, ...) or its Chinese name
    xlsx: Path | None = None


def _ledger_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--street", metavar="NAME", help="a street or park (name or grid code)")
    p.add_argument("--department", metavar="NAME", help="the lead department (name or code)")
    p.add_argument("--from", dest="date_from", type=parse_date, metavar="YYYY-MM-DD", help="found on or after")
    p.add_argument("--to", dest="date_to", type=parse_date, metavar="YYYY-MM-DD", help="found on or before")
    p.add_argument("--status", metavar="S", help="open, overdue, found, classified, rectifying, "
                   "awaiting_reinspection, closed or dismissed (or the Chinese name)")
    p.add_argument("--xlsx", type=Path, metavar="FILE.xlsx", help="also write the ledger workbook (same rows)")


def _ledger_params(args: argparse.Namespace) -> LedgerParams:
    return LedgerParams(args.street, args.department, args.date_from, args.date_to, args.status, args.xlsx)


LEDGER = ReportKind(
    key="ledger",
    title="隐患排查治理台账",
    help="hazard ledger (隐患排查治理台账), landscape, for any filter; optionally the .xlsx too",
    builder="desktop.reports.ledger_pdf:build_ledger",
    add_arguments=_ledger_arguments,
    params_from_args=_ledger_params,
)

# -- incident report (警情处置报告) -----------------------------------------------------------------


@dataclass(frozen=True)
class IncidentParams:
    incident: str                     # its id or code (123, JQ000123)


def _incident_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("incident", metavar="ID", help="the incident's number or code (e.g. 123 or JQ000123)")


def _incident_params(args: argparse.Namespace) -> IncidentParams:
    return IncidentParams(args.incident)


INCIDENT = ReportKind(
    key="incident",
    title="突发事件处置情况报告",
    help="one incident: timeline, dispatches, response times, hand-over, closure",
    builder="desktop.reports.incident:build_incident",
    add_arguments=_incident_arguments,
    params_from_args=_incident_params,
)

# -- the registry -----------------------------------------------------------------------------

REPORT_KINDS: tuple[ReportKind, ...] = (POSTING, DAILY, LEDGER, INCIDENT)


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
