"""SimpleTableModel plus row-level live updates: replace, insert, append and remove rows by key.

For lists refreshed from the change feed: a colleague's status change re-reads one row and this
model repaints that row alone (dataChanged on it), so selections, the current index and scroll
positions stay put. Rows arrive in the service's order; a column sort is kept in memory.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

from PySide6.QtCore import QModelIndex

from desktop.models.simple_table import SimpleTableModel

T = TypeVar("T")


class KeyedTableModel(SimpleTableModel[T]):
    def upsert(self, rows: Iterable[T], *, insert_at: int | None = None) -> tuple[int, int]:
        """Replace rows with the same key in place; others are inserted at `insert_at` (None: at
        the end). Returns (replaced, inserted). Only the touched rows are repainted."""
        replaced = inserted = 0
        for item in rows:
            key = self._key(item)
            i = self.row_of(key)
            if i >= 0:
                replaced += 1
                old = self._rows[i]
                self._source = [item if s is old else s for s in self._source]
                self._rows[i] = item
                if old != item:
                    self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))
                continue
            inserted += 1
            at = (
                len(self._rows)
                if insert_at is None
                else max(0, min(insert_at + inserted - 1, len(self._rows)))
            )
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows.insert(at, item)
            self._source.insert(min(at, len(self._source)), item)
            self.endInsertRows()
        if inserted and self._sort is not None:
            self.sort(*self._sort)
        return replaced, inserted

    def append_rows(self, rows: Iterable[T]) -> int:
        """Add rows at the end (the next page of a keyset-paged list); known keys are skipped."""
        fresh = [r for r in rows if self.row_of(self._key(r)) < 0]
        if not fresh:
            return 0
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
        self._rows.extend(fresh)
        self._source.extend(fresh)
        self.endInsertRows()
        if self._sort is not None:
            self.sort(*self._sort)
        return len(fresh)

    def remove_keys(self, keys: Iterable[Hashable]) -> int:
        removed = 0
        for key in set(keys):
            i = self.row_of(key)
            if i < 0:
                continue
            self.beginRemoveRows(QModelIndex(), i, i)
            item = self._rows.pop(i)
            self._source = [s for s in self._source if s is not item]
            self.endRemoveRows()
            removed += 1
        return removed

    def sync_rows(self, rows: list[T]) -> None:
        """Make the model hold exactly `rows` (in that order where new) with the fewest signals:
        changed rows repaint, vanished rows are removed, new ones inserted at their place."""
        wanted = {self._key(r) for r in rows}
        self.remove_keys([self._key(r) for r in self._rows if self._key(r) not in wanted])
        for pos, item in enumerate(rows):
            if self.row_of(self._key(item)) >= 0:
                self.upsert([item])
            else:
                self.upsert([item], insert_at=pos)
