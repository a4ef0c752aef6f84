"""What every report shares, without reportlab: its outcome, the empty-report refusal, the report
kind (how the CLI and the Reports screen find a report), and writing the file atomically."""

from __future__ import annotations

import argparse
import importlib
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from desktop.domain.errors import DomainError
from desktop.domain.progress import Progress

BUREAU = "泉山区应急管理局"
COMMITTEE_OFFICE = "泉山区安全生产委员会办公室"
ISSUER = (BUREAU, "区安委会办公室")


class EmptyReport(DomainError):
    """The selection or period holds nothing to report: said plainly, and no file is written."""

    def __init__(self, what: str) -> None:
        super().__init__(f"nothing to report: {what}; no file was written")
        self.what = what


@dataclass(frozen=True)
class ReportOutcome:
    path: Path
    pages: int
    title: str      # the document's Chinese title
    summary: str    # one line for the CLI and the status bar, e.g. "9 posting sheets"


class Builder(Protocol):
    """`build(uow, actor, params, out, progress) -> ReportOutcome`: Qt-free, runs on a worker.

    Reports progress and checks for cancellation between chunks; raises `EmptyReport` when
    there is nothing to print; writes `out` only when it succeeds (see `atomic_output`)."""

    def __call__(self, uow: Any, actor: Any, params: Any, out: Path,
                 progress: Progress | None = None) -> ReportOutcome: ...


@dataclass(frozen=True)
class ReportKind:
    """One printable report, as the CLI (`safegrid report KEY`) and the Reports screen know it.

    `builder` is "module:function", imported only when a report is built, so listing the kinds
    (the CLI parser, the Reports screen) never imports reportlab. `add_arguments` declares the
    kind's CLI options (`--out` is added for every kind); `params_from_args` turns them into
    the params object the builder (and the screen's form) use.
    """

    key: str
    title: str
    help: str
    builder: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    params_from_args: Callable[[argparse.Namespace], Any]

    def build(self, uow: Any, actor: Any, params: Any, out: Path | str,
              progress: Progress | None = None) -> ReportOutcome:
        module, _, name = self.builder.partition(":")
        fn: Builder = getattr(importlib.import_module(module), name)
        return fn(uow, actor, params, Path(out), progress)


@contextmanager
def atomic_output(out: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside `out`; on success it replaces `out`, on any error
    (cancellation included) it is removed: a failed or cancelled report leaves no file."""
    target = Path(out)
    if target.parent and not target.parent.exists():
        raise DomainError(f"out: the folder {target.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_path, 0o666 & ~umask)  # mkstemp made it private; a report is an ordinary file
        os.replace(tmp_path, target)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


def steps(progress: Progress | None, total: int, text: str = "") -> Callable[[int], None]:
    """A per-item callback: checks for cancellation every item and reports every `every`."""
    every = max(1, total // 200)

    def step(done: int) -> None:
        if progress is None:
            return
        progress.check()
        if done % every == 0 or done == total:
            progress.report(done, total, text)

    return step
