"""Helpers of the dispatch screen tests: opening the screen, waiting for it, a second
workstation's writes, model testers."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QAbstractItemModel
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QWidget

from desktop.app import build_context
from desktop.context import AppContext
from desktop.data.engine import Database
from desktop.data.uow import UnitOfWork
from desktop.demo.load import DEMO_PASSWORD
from desktop.services import users
from desktop.views.dispatch.screen import DispatchScreen

WAIT_MS = 15_000


def actor_for(db: Database, username: str = "duty"):
    with UnitOfWork(db, write=False) as uow:
        return users.authenticate(uow, username, DEMO_PASSWORD)


def attach_testers(*models: QAbstractItemModel) -> list[QAbstractItemModelTester]:
    mode = QAbstractItemModelTester.FailureReportingMode.Fatal
    return [QAbstractItemModelTester(m, mode) for m in models]


class Opened:
    """A dispatch screen on its own context. Not handed to qtbot: `close` deletes it first, so its
    timers cannot start work on a context that is being dropped (a thread pool destroyed by the
    garbage collector while a job still runs would wait for it forever, holding the GIL)."""

    def __init__(self, qtbot, db: Database, username: str = "duty") -> None:
        self.ctx: AppContext = build_context(db, actor_for(db, username))
        self.screen = DispatchScreen(self.ctx)
        self.screen.resize(1250, 860)
        self.screen.show()
        self.qtbot = qtbot
        self.wait_idle()

    def wait_idle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.screen.busy and not self.ctx.ops.busy, timeout=WAIT_MS)

    def close(self) -> None:
        shut_down(self.ctx, self.screen)


# Contexts of finished tests, kept until the session ends. Dropping one lets the garbage collector
# destroy its thread pools on the GUI thread, which joins their idle threads while holding the GIL;
# a thread that ran Python needs the GIL to exit, so that join can wait forever. Idle pool threads
# expire after 30 s on their own, so by the end of the session nothing is left to join.
KEPT: list[AppContext] = []


def shut_down(ctx: AppContext, widget: QWidget) -> None:
    """Stop following the feed, let running work end (its answers delivered), then delete the
    widget with its timers, so nothing new starts on the context (kept: see KEPT)."""
    KEPT.append(ctx)
    ctx.sync.stop()
    ctx.ops.cancel_all()
    ctx.ops.wait_idle(10_000)
    if shiboken6.isValid(widget):
        widget.close()
        shiboken6.delete(widget)
    ctx.ops.wait_idle(10_000)


def write(db: Database, fn: Callable[[UnitOfWork], object]):
    """Another workstation's write: its own unit of work, committed before this returns."""
    with UnitOfWork(db) as uow:
        return fn(uow)
