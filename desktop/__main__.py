"""Command line: `safegrid` opens the GUI; sub-commands run headless."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys

from desktop.domain.errors import DomainError

log = logging.getLogger("safegrid")


def _parser(commands: bool = True) -> argparse.ArgumentParser:
    """The command line; `commands=False`: the GUI's options only (the sub-commands' parsers cost
    ~20 ms of a launch that opens a window)."""
    p = argparse.ArgumentParser(prog="safegrid", description="SafeGrid Command Centre (安全生产网格化监管指挥中心)")
    p.add_argument("--db", metavar="URL", help="database URL (sqlite:///path or postgresql+psycopg://...); "
                   "default: $SAFEGRID_DB, else a SQLite file in the user data folder")
    p.add_argument("--lang", choices=["zh", "en"], default=None, help="interface language (default zh)")
    p.add_argument("--user", metavar="NAME", help="user name to pre-fill at sign-in")
    p.add_argument("--screen", metavar="NAME", help="screen to open (map, hazards, dispatch, grids, enterprises, "
                   "dashboard, reports, admin); default: the last one used")
    p.add_argument("-v", "--verbose", action="store_true", help="log more")
    # For benchmarks and smoke runs: quit once the first screen has its data.
    p.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    if not commands:
        p.set_defaults(command=None)
        return p
    sub = p.add_subparsers(dest="command")

    db = sub.add_parser("db", help="database schema")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="create or upgrade the schema in place")
    db_sub.add_parser("status", help="show the database and its schema state")

    demo = sub.add_parser("demo", help="load the demo district (Quanshan, full published scale)")
    demo.add_argument("--seed", type=int, default=2026, help="generator seed (same seed, same rows)")
    demo.add_argument("--force", action="store_true", help="replace the data of a non-empty database")
    demo.add_argument("--if-empty", action="store_true", help="load only when the database holds no district")
    demo.add_argument("--hazards", type=int, default=None, metavar="N",
                      help="hazard tickets in the year of history (default 3000; e.g. 1000000 for benchmarks)")
    sub.add_parser("escalate", help="raise overdue hazard tickets up the escalation ladder (idempotent; "
                   "for a scheduler)")

    user = sub.add_parser("user", help="users and roles")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    add = user_sub.add_parser("add", help="add a user; the password is read from a prompt or stdin")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=["admin", "duty", "viewer"])
    add.add_argument("--name", default="", help="display name")
    user_sub.add_parser("list", help="list users")

    from desktop.reports.kinds import add_report_parsers  # light: reportlab loads only to build

    add_report_parsers(sub)  # `report KIND ... --out FILE`, one KIND per desktop.reports.kinds entry
    from desktop.tracking.cli import add_tracking_parsers

    add_tracking_parsers(sub)  # `receive` (position receiver) and `simulate`
    return p


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        if getpass.getpass("Repeat password: ") != first:
            raise DomainError("the passwords do not match")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _headless(args: argparse.Namespace) -> int:
    from desktop.data.engine import open_database
    from desktop.data.location import resolve_url
    from desktop.data.migrate import SchemaState, current_revision, head_revision, schema_state, upgrade

    db = open_database(resolve_url(args.db))
    try:
        if args.command == "db" and args.db_command == "status":
            state = schema_state(db)
            print(f"{db.describe()}: schema {current_revision(db) or '-'} "
                  f"(this SafeGrid: {head_revision()}), {state.value}")
            return 0 if state is SchemaState.CURRENT else 3
        before = upgrade(db)
        if args.command == "db":
            print(f"{db.describe()}: schema at {head_revision()} (was {before.value})")
            return 0
        if args.command == "demo":
            from desktop.demo.load import load_demo

            if args.hazards is not None and args.hazards < 0:
                raise DomainError("--hazards must be 0 or more")
            report = load_demo(db, seed=args.seed, force=args.force, if_empty=args.if_empty, hazards=args.hazards)
            print(report)
            return 0
        if args.command == "escalate":
            from desktop.data.uow import UnitOfWork
            from desktop.services.escalation import run_escalation

            with UnitOfWork(db) as uow:
                run = run_escalation(uow)
            for step in run.steps:
                print(step.describe())
            print(f"escalation on {run.today.isoformat()}: {run.checked} tickets near or past their deadline "
                  f"checked, {len(run.steps)} escalated")
            return 0
        if args.command == "user":
            from desktop.data.uow import UnitOfWork
            from desktop.services import users
            from desktop.services.common import SYSTEM

            with UnitOfWork(db, write=args.user_command == "add") as uow:
                if args.user_command == "list":
                    for u in users.list_users(uow):
                        print(f"{u.username}\t{u.role}\t{u.display_name}\t{'active' if u.active else 'disabled'}")
                    return 0
                password = _read_password()
                users.add_user(uow, SYSTEM, args.username, args.name or args.username, args.role, password)
            print(f"user {args.username} added ({args.role})")
            return 0
        if args.command == "report":
            from desktop.reports.kinds import run_report

            outcome = run_report(db, args)
            print(f"{outcome.title}: {outcome.summary}, {outcome.pages} pages written to {outcome.path}")
            return 0
        if args.command in ("receive", "simulate"):
            from desktop.tracking.cli import run_tracking

            return run_tracking(db, args)
    finally:
        db.dispose()
    return 2


def _parse(argv: list[str] | None) -> argparse.Namespace:
    """GUI options alone when that is all there is; the full parser for a command or for help."""
    argv = sys.argv[1:] if argv is None else argv
    if not {"-h", "--help"} & set(argv):
        args, rest = _parser(commands=False).parse_known_args(argv)
        if not rest:
            return args
    return _parser().parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        if args.command is None:
            from desktop.app import run_gui

            return run_gui(args)
        return _headless(args)
    except DomainError as exc:
        print(f"safegrid: error: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("safegrid: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
