"""The Grids screen: the five-level tree, search by name or code, and each grid's posting card."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.data.feed import Changes
from desktop.domain.errors import DomainError
from desktop.models.grid_tree import GRID_ID_ROLE, GridTreeModel
from desktop.services import grids
from desktop.services.common import Permission
from desktop.views.grid_card import GridCard


class GridsScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = GridTreeModel(self)
        self._current: int | None = None
        self._pending_select: int | None = None

        self.search = QLineEdit()
        self.search.setObjectName("gridSearch")
        self.search.setPlaceholderText(self.tr("Search grids by name or code (e.g. 泉山, QS-03)…  Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.hits = QListWidget()
        self.hits.setObjectName("gridHits")
        self.hits.setVisible(False)
        self.hits.setMaximumHeight(220)
        self.tree = QTreeView()
        self.tree.setObjectName("gridTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 300)
        for col, width in ((1, 130), (2, 80), (3, 80)):
            header.resizeSection(col, width)
        self.status = QLabel(self.tr("Loading grids…"))
        self.card = GridCard(self)
        self.card.navigate.connect(self.select_grid)
        self.edit_button = QPushButton(self.tr("Edit posting information…"))
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(self._edit)
        if not ctx.actor.can(Permission.EDIT_REFERENCE):
            self.edit_button.setToolTip(self.tr("Your role may only view grids"))

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.search)
        lv.addWidget(self.hits)
        lv.addWidget(self.tree, 1)
        lv.addWidget(self.status)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.card, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.edit_button)
        rv.addLayout(row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._open_first_hit)
        self.hits.itemActivated.connect(self._on_hit)
        self.hits.itemClicked.connect(self._on_hit)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_search)
        ctx.sync.changes_committed.connect(self._on_changes)
        self.reload()

    # -- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.ops.run(grids.grid_tree, self._on_tree, self._on_error, write=False)

    def _on_tree(self, nodes: list[grids.GridNode]) -> None:
        keep = self._pending_select or self._current or (nodes[0].id if nodes else None)
        self.model.set_nodes(nodes)
        root = self.model.index(0, 0)
        self.tree.expand(root)
        for row in range(self.model.rowCount(root)):
            self.tree.expand(self.model.index(row, 0, root))
        self.status.setText(self.tr("{n} grids").format(n=len(nodes)))
        if keep is not None:
            self.select_grid(keep)

    def _on_error(self, err: DomainError) -> None:
        self.status.setText(err.message)

    # -- selection and card -----------------------------------------------------------------
    def select_grid(self, grid_id: int) -> None:
        index = self.model.index_of_grid(grid_id)
        if not index.isValid():
            self._pending_select = grid_id
            return
        self._pending_select = None
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        grid_id = current.siblingAtColumn(0).data(GRID_ID_ROLE)
        self._current = grid_id
        if grid_id is None:
            self.card.clear()
            self.edit_button.setEnabled(False)
            return
        self._load_card(grid_id)

    def _load_card(self, grid_id: int) -> None:
        def done(detail: grids.GridDetail) -> None:
            if detail.id == self._current:
                self.card.show_detail(detail)
                self.edit_button.setEnabled(self.ctx.actor.can(Permission.EDIT_REFERENCE))

        self.ctx.ops.run(lambda uow: grids.grid_detail(uow, grid_id), done, self._on_error, write=False)

    def current_detail(self) -> grids.GridDetail | None:
        return self.card.detail

    # -- search -----------------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _run_search(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.hits.clear()
            self.hits.setVisible(False)
            return

        def done(found: list[grids.GridBrief]) -> None:
            if text != self.search.text().strip():
                return  # the user typed on; a newer search is coming
            self.hits.clear()
            from desktop import labels

            for g in found:
                item = QListWidgetItem(f"{g.name}  ·  {g.code}  ·  {labels.grid_level(g.level)}")
                item.setData(Qt.ItemDataRole.UserRole, g.id)
                self.hits.addItem(item)
            if not found:
                self.hits.addItem(QListWidgetItem(self.tr("No grid matches “{text}”").format(text=text)))
            self.hits.setVisible(True)

        self.ctx.ops.run(lambda uow: grids.search_grids(uow, text), done, self._on_error, write=False)

    def _on_hit(self, item: QListWidgetItem) -> None:
        grid_id = item.data(Qt.ItemDataRole.UserRole)
        if grid_id is not None:
            self.select_grid(grid_id)

    def _open_first_hit(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self._run_search()
            return
        if self.hits.count():
            self._on_hit(self.hits.item(0))

    # -- editing ----------------------------------------------------------------------------
    def _edit(self) -> None:
        from desktop.views.grid_edit import GridEditDialog

        detail = self.card.detail
        if detail is None:
            return
        GridEditDialog(self.ctx, detail, self).exec()

    # -- live updates -----------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("grid", "enterprise", "boundary_rule"):
            self.reload()  # counts move; the tree keeps the selection (see _on_tree)
        if self._current is not None and str(self._current) in changes.ids("grid"):
            self._load_card(self._current)
