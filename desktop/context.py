"""What every screen is handed: the database, the operation runner, the change feed, the user."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.data.engine import Database
from desktop.ops import Ops
from desktop.services.common import Actor
from desktop.sync import ChangeSync


@dataclass
class AppContext:
    db: Database
    ops: Ops
    sync: ChangeSync
    actor: Actor
