"""The five-level grid tree with counts at every node (QAbstractItemModel over GridNode DTOs)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from desktop import labels
from desktop.domain.enums import GridLevel
from desktop.services.grids import GridNode

GRID_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2

# The district's children are grouped: sectoral ("条") and territorial ("块") grids.
_GROUPS = {GridLevel.DEPARTMENT: -1, GridLevel.STREET: -2}


@dataclass
class _Item:
    key: int                       # grid id, or a negative key for a group
    parent: int | None
    children: list[int] = field(default_factory=list)
    node: GridNode | None = None
    group_level: GridLevel | None = None
    count: int = 0                 # groups: how many grids in them (all levels below too)
    enterprises: int = 0


class GridTreeModel(QAbstractItemModel):
    COLUMNS = ("name", "code", "grids", "enterprises", "officer")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: dict[int, _Item] = {}
        self._roots: list[int] = []

    # -- loading --------------------------------------------------------------------------------
    def set_nodes(self, nodes: list[GridNode]) -> None:
        """Load the tree; when only names or counts changed, update those rows in place so the
        view keeps its expansion, selection and scroll position."""
        if self._same_shape(nodes):
            for n in nodes:
                item = self._items[n.id]
                if item.node != n:
                    item.node = n
                    index = self.index_of_grid(n.id)
                    self.dataChanged.emit(index, index.siblingAtColumn(len(self.COLUMNS) - 1))
            self._recount_groups()
            return
        self.beginResetModel()
        items: dict[int, _Item] = {n.id: _Item(n.id, n.parent_id, node=n) for n in nodes}
        roots: list[int] = []
        for level, key in _GROUPS.items():
            items[key] = _Item(key, None, group_level=level)
        for n in nodes:  # nodes arrive sorted by level then code
            item = items[n.id]
            parent = items.get(n.parent_id) if n.parent_id is not None else None
            if parent is None:
                roots.append(n.id)
                continue
            if parent.node and parent.node.level == GridLevel.DISTRICT and n.level in _GROUPS:
                group = items[_GROUPS[n.level]]
                if group.parent is None:
                    group.parent = parent.key
                    parent.children.append(group.key)
                group.children.append(n.id)
                group.count += 1 + n.descendant_count
                group.enterprises += n.enterprise_count if n.level == GridLevel.STREET else 0
                item.parent = group.key
            else:
                parent.children.append(n.id)
        self._items = {k: v for k, v in items.items() if k >= 0 or v.parent is not None}
        self._roots = roots
        self.endResetModel()

    def _same_shape(self, nodes: list[GridNode]) -> bool:
        grids = [v for k, v in self._items.items() if k >= 0]
        if len(grids) != len(nodes):
            return False
        for n in nodes:
            item = self._items.get(n.id)
            if item is None or item.node is None or item.node.parent_id != n.parent_id:
                return False
        return True

    def _recount_groups(self) -> None:
        for key in _GROUPS.values():
            group = self._items.get(key)
            if group is None or group.parent is None:
                continue
            kids = [self._items[c].node for c in group.children]
            count = sum(1 + k.descendant_count for k in kids if k)
            ents = sum(k.enterprise_count for k in kids if k) if group.group_level == GridLevel.STREET else 0
            if (count, ents) != (group.count, group.enterprises):
                group.count, group.enterprises = count, ents
                parent_children = self._children_of(group.parent)
                index = self.createIndex(parent_children.index(key), 0, self._id(key))
                self.dataChanged.emit(index, index.siblingAtColumn(len(self.COLUMNS) - 1))

    def index_of_grid(self, grid_id: int) -> QModelIndex:
        item = self._items.get(grid_id)
        if item is None:
            return QModelIndex()
        siblings = self._children_of(item.parent)
        return self.createIndex(siblings.index(grid_id), 0, self._id(grid_id))

    def node(self, index: QModelIndex) -> GridNode | None:
        if not index.isValid():
            return None
        return self._items[self._key(index.internalId())].node

    # -- keys: Qt's internalId is unsigned, groups have negative keys --------------------------
    @staticmethod
    def _id(key: int) -> int:
        return key if key >= 0 else (1 << 40) - key

    @staticmethod
    def _key(internal: int) -> int:
        return internal if internal < (1 << 40) else (1 << 40) - internal

    def _children_of(self, key: int | None) -> list[int]:
        return self._roots if key is None else self._items[key].children

    # -- QAbstractItemModel ---------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= len(self.COLUMNS):
            return QModelIndex()
        key = self._key(parent.internalId()) if parent.isValid() else None
        children = self._children_of(key)
        if row < 0 or row >= len(children):
            return QModelIndex()
        return self.createIndex(row, column, self._id(children[row]))

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        item = self._items[self._key(index.internalId())]
        if item.parent is None:
            return QModelIndex()
        parent = self._items[item.parent]
        row = self._children_of(parent.parent).index(parent.key)
        return self.createIndex(row, 0, self._id(parent.key))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid():
            if parent.column() != 0:
                return 0
            return len(self._items[self._key(parent.internalId())].children)
        return len(self._roots)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("GridTree", "Grid"),
            QCoreApplication.translate("GridTree", "Code"),
            QCoreApplication.translate("GridTree", "Grids below"),
            QCoreApplication.translate("GridTree", "Enterprises"),
            QCoreApplication.translate("GridTree", "Officer"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._items[self._key(index.internalId())]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if item.node is None:
                return self._group_data(item, col)
            n = item.node
            return {
                "name": n.name,
                "code": n.code,
                "grids": n.descendant_count if n.child_count else "",
                "enterprises": n.enterprise_count,
                "officer": n.officer_name,
            }[col]
        if role == Qt.ItemDataRole.ToolTipRole and item.node is not None:
            return f"{labels.grid_level(item.node.level)} · {item.node.code}"
        if role == GRID_ID_ROLE:
            return item.node.id if item.node else None
        if role == LEVEL_ROLE:
            return (item.node.level if item.node else item.group_level).value
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("grids", "enterprises"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _group_data(self, item: _Item, col: str):
        if col == "name":
            return f"{labels.grid_level(item.group_level)} ({len(item.children)})"
        if col == "grids":
            return item.count
        if col == "enterprises":
            return item.enterprises if item.group_level == GridLevel.STREET else ""
        return ""
