"""Progress and cancellation for long work, without Qt: the caller decides how to show it."""

from __future__ import annotations

import threading
from collections.abc import Callable

from desktop.domain.errors import DomainError

ProgressListener = Callable[[int, int, str], None]


class Cancelled(DomainError):
    """The user stopped the work; whatever the unit of work held is rolled back."""

    def __init__(self, message: str = "cancelled") -> None:
        super().__init__(message)


class Progress:
    """Handed to long-running functions: `report()` as work advances, `check()` between steps.

    The worker thread reports and checks; another thread (the GUI) may `cancel()`. The
    listener is called on the reporting thread, so it must be thread-safe (Ops posts it on).
    """

    def __init__(self, listener: ProgressListener | None = None) -> None:
        self._listener = listener
        self._cancel = threading.Event()
        self.done = 0
        self.total = 0
        self.text = ""

    def report(self, done: int, total: int, text: str = "") -> None:
        self.done, self.total, self.text = done, total, text
        if self._listener is not None:
            self._listener(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Raise `Cancelled` if someone asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()
