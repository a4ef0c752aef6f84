"""The change feed: what changed, by sequence number, so every workstation can follow."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from desktop.data.tables import ChangeFeedEntry


@dataclass(frozen=True)
class Change:
    entity: str     # table-ish name: "grid", "enterprise", "boundary_rule", ...
    entity_id: str
    action: str     # "created" | "updated" | "deleted"
    seq: int = 0
    actor: str = ""


@dataclass(frozen=True)
class Changes:
    items: tuple[Change, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.items)

    @property
    def last_seq(self) -> int:
        return max((c.seq for c in self.items), default=0)

    def touches(self, *entities: str) -> bool:
        return any(c.entity in entities for c in self.items)

    def ids(self, entity: str) -> set[str]:
        return {c.entity_id for c in self.items if c.entity == entity}


def read_since(conn: Connection, seq: int, limit: int = 5000) -> list[Change]:
    rows = conn.execute(
        select(
            ChangeFeedEntry.seq,
            ChangeFeedEntry.entity,
            ChangeFeedEntry.entity_id,
            ChangeFeedEntry.action,
            ChangeFeedEntry.actor,
        )
        .where(ChangeFeedEntry.seq > seq)
        .order_by(ChangeFeedEntry.seq)
        .limit(limit)
    )
    return [Change(r.entity, r.entity_id, r.action, r.seq, r.actor) for r in rows]


def head(conn: Connection) -> int:
    return conn.execute(select(func.coalesce(func.max(ChangeFeedEntry.seq), 0))).scalar_one()
