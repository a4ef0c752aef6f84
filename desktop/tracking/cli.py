"""Headless commands: `safegrid receive` (the position receiver) and `safegrid simulate`.

The CLI parser imports this at every start, the GUI's included: the database modules load only
when a command runs."""

from __future__ import annotations

import argparse
import contextlib
import threading
from typing import TYPE_CHECKING

from desktop.domain.errors import DomainError, ValidationError

if TYPE_CHECKING:
    from desktop.data.engine import Database
    from desktop.domain.dispatch_settings import TrackingSettings


def add_tracking_parsers(sub) -> None:
    rec = sub.add_parser("receive", help="run the position receiver (Traccar Client / OsmAnd protocol)")
    rec.add_argument("--host", help="address to listen on (default: the tracking setting, 127.0.0.1)")
    rec.add_argument("--port", type=int, help="port (default: the tracking setting, 5055)")
    rec.add_argument("--for", dest="seconds", type=float, default=None, metavar="SECONDS",
                     help="stop after this many seconds (default: until Ctrl+C)")
    sim = sub.add_parser("simulate", help="move dispatched members toward their incident, reporting "
                                          "through the position receiver")
    sim.add_argument("--url", help="a running receiver to report to (default: start one on 127.0.0.1)")
    sim.add_argument("--duration", type=float, default=120.0, help="stop after this many seconds (default 120)")
    sim.add_argument("--max-reports", type=int, default=2000, help="stop after this many reports (default 2000)")
    sim.add_argument("--interval", type=float, default=1.0, help="seconds between rounds of reports (default 1)")
    sim.add_argument("--speedup", type=float, default=10.0, help="times faster than real travel (default 10)")
    sim.add_argument("--new-incident", action="store_true",
                     help="first log a simulated incident and dispatch the recommended team to it")
    sim.add_argument("--seed", type=int, default=None, help="seed for the simulated incident")


def _receiver_settings(db: Database, args: argparse.Namespace) -> TrackingSettings:
    from desktop.data.uow import UnitOfWork
    from desktop.domain.dispatch_settings import TrackingSettings
    from desktop.services.dispatch_settings import get_tracking_settings

    with UnitOfWork(db, write=False) as uow:
        base = get_tracking_settings(uow)
    changes = {}
    if args.host is not None:
        changes["host"] = args.host
    if args.port is not None:
        changes["port"] = args.port
    try:
        return TrackingSettings.from_json({**base.to_json(), **changes})
    except ValidationError as exc:
        raise DomainError(f"--{exc.field}: {exc.reason}") from None


def run_tracking(db: Database, args: argparse.Namespace) -> int:
    if args.command == "receive":
        from desktop.tracking.receiver import PositionReceiver

        settings = _receiver_settings(db, args)
        receiver = PositionReceiver(db, settings)
        receiver.start()
        where = "" if settings.host in ("127.0.0.1", "::1") else " (reachable from the network)"
        print(f"position receiver listening on {receiver.url}{where}; Ctrl+C to stop", flush=True)
        done = threading.Event()
        try:
            with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C: stop the receiver below
                done.wait(args.seconds)
        finally:
            receiver.stop()
        counts = ", ".join(f"{k}: {v}" for k, v in sorted(receiver.counts.items())) or "no reports"
        print(f"position receiver stopped ({counts})")
        return 0
    from desktop.tracking.simulate import simulate

    report = simulate(db, url=args.url, duration_s=args.duration, max_reports=args.max_reports,
                      interval_s=args.interval, speedup=args.speedup, new_incident=args.new_incident,
                      seed=args.seed, echo=lambda text: print(text, flush=True))
    print(f"simulation stopped ({report.stopped}) after {report.seconds:.0f} s: {report.sent} reports sent to "
          f"{report.url}, {report.accepted} accepted, {report.refused} refused; {len(report.arrived)} arrived, "
          f"{len(report.home)} back")
    return 0
