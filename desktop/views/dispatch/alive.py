"""Service calls whose answers are dropped once their widget is gone (closed window, shutdown)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject

from desktop.context import AppContext


def _guard(owner: QObject, fn: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
    if fn is None:
        return None
    return lambda value: fn(value) if shiboken6.isValid(owner) else None


def run(owner: QObject, fn: Callable[..., Any], on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Any], None] | None = None, *, write: bool = True, ctx: AppContext | None = None) -> int:
    """`ctx.ops.run` (ctx defaults to `owner.ctx`) with callbacks that skip a deleted owner."""
    context = ctx if ctx is not None else owner.ctx  # type: ignore[attr-defined]
    return context.ops.run(fn, _guard(owner, on_done), _guard(owner, on_error), write=write)
