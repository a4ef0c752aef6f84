"""The Enterprises screen: the district's register filtered by place, industry, risk, tier and
lead department, with the selected enterprise's card, refreshed live as colleagues edit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import labels
from desktop.context import AppContext
from desktop.data.feed import Changes
from desktop.domain.enums import RiskLevel, Scale, Tier
from desktop.domain.errors import DomainError
from desktop.models.enterprise_table import GAP_COLOUR, ID_ROLE, Column, EnterpriseTableModel
from desktop.services.common import Permission
from desktop.services.enterprises import (
    NO_LEAD,
    EnterpriseCard,
    EnterpriseFilter,
    EnterpriseRow,
    enterprise_card,
    enterprise_rows,
    list_enterprises,
)
from desktop.services.reference import ReferenceLists, reference_lists
from desktop.views.enterprise_card import EnterpriseCardPanel
from desktop.widgets.risk_badge import RiskBadgeDelegate

# Column widths in CJK characters (free text; longer names elide and show a tooltip) or as a
# sample of the widest value; enum columns fit their longest translated label.
COLUMN_CHARS = {Column.NAME: 13, Column.INDUSTRY: 7, Column.LEAD: 7, Column.STREET: 5, Column.COMMUNITY: 5}
COLUMN_SAMPLES = {Column.CREDIT_CODE: "91320311MA1U393A8Q", Column.GRID: "QS-00-00-00-00-Q1"}
LIVE_BATCH_MS = 100       # coalesce a burst of feed entries into one refresh
RELOAD_OVER = 200         # more touched rows than this: reload the list instead
REFERENCE_ENTITIES = ("grid", "industry", "department")


class EnterprisesScreen(QWidget):
    enterprise_selected = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = EnterpriseTableModel(self)
        self.refs: ReferenceLists | None = None
        self._filter = EnterpriseFilter()
        self._load_gen = 0      # only the newest list load may fill the table
        self._done_gen = 0      # the newest load that has answered (rows or error)
        self._card_gen = 0
        self._keep_scroll = False
        self._touched: set[int] = set()
        self._select_after_load: int | None = None

        self._build_filter_bar()
        self.table = QTableView()
        self.table.setObjectName("enterpriseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.setItemDelegateForColumn(Column.RISK, RiskBadgeDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        self._size_columns()
        header.setSortIndicator(Column.RISK, Qt.SortOrder.AscendingOrder)  # the service's order
        self.table.setSortingEnabled(True)
        self.card = EnterpriseCardPanel()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.card)
        scroll.setMinimumWidth(300)

        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 360])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_row)
        layout.addWidget(splitter, 1)

        self._text_timer = QTimer(self, singleShot=True, interval=250)
        self._text_timer.timeout.connect(self._on_filter_changed)
        self._card_timer = QTimer(self, singleShot=True, interval=60)  # arrow-key scrolling
        self._card_timer.timeout.connect(self._load_card)
        self._live_timer = QTimer(self, singleShot=True, interval=LIVE_BATCH_MS)
        self._live_timer.timeout.connect(self._refresh_touched)
        self.text.textChanged.connect(lambda _t: self._text_timer.start())
        self.text.returnPressed.connect(self._on_filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.activated.connect(self._open_card)  # Enter (and double-click)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        ctx.sync.changes_committed.connect(self._on_changes)
        self._load_references()
        self.reload()

    def _size_columns(self) -> None:
        """Sensible fixed widths from the font (no ResizeToContents: it measures every row)."""
        fm, header = self.table.fontMetrics(), self.table.horizontalHeader()
        pad = 18
        enum_labels = {
            Column.RISK: [labels.risk(v) for v in RiskLevel],
            Column.SCALE: [labels.scale(v) for v in Scale],
            Column.TIER: [labels.tier(v) for v in Tier],
        }
        for col in Column:
            if col in COLUMN_CHARS:
                width = fm.horizontalAdvance("中") * COLUMN_CHARS[col]
            elif col in COLUMN_SAMPLES:
                width = fm.horizontalAdvance(COLUMN_SAMPLES[col])
            else:
                extra = 24 if col == Column.RISK else 0  # the badge's own padding
                width = max(fm.horizontalAdvance(t) for t in enum_labels[col]) + extra
            title = self.model.headerData(col, Qt.Orientation.Horizontal)
            width = max(width, header.fontMetrics().horizontalAdvance(title) + 28)  # + sort arrow
            header.resizeSection(col, width + pad)

    # -- the filter bar -------------------------------------------------------------------------
    def _build_filter_bar(self) -> None:
        def combo(name: str, tip: str) -> QComboBox:
            box = QComboBox()
            box.setObjectName(name)
            box.setToolTip(tip)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(9)
            box.view().setMinimumWidth(240)
            return box

        self.street = combo("streetFilter", self.tr("Street or park"))
        self.community = combo("communityFilter", self.tr("Community"))
        self.industry = combo("industryFilter", self.tr("Industry"))
        self.risk = combo("riskFilter", self.tr("Risk colour"))
        self.tier = combo("tierFilter", self.tr("Supervision tier"))
        self.lead = combo("leadFilter", self.tr("Lead department"))
        self.lead.setMinimumContentsLength(11)
        self.risk.addItem(self.tr("All risk levels"), None)
        for level in RiskLevel:
            self.risk.addItem(_swatch(labels.RISK_COLOURS[level]), labels.risk(level), level)
        self.tier.addItem(self.tr("All tiers"), None)
        for t in Tier:
            self.tier.addItem(labels.tier(t), t)
        self._fill_reference_combos()
        self.text = QLineEdit()
        self.text.setObjectName("enterpriseSearch")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("Name, credit code or address  (Ctrl+F)"))
        self.text.setMinimumWidth(200)
        self.count = QLabel()
        self.count.setObjectName("enterpriseCount")
        self.status = QLabel()
        self.status.setObjectName("enterpriseStatus")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        for box in (self.street, self.community, self.industry, self.risk, self.tier, self.lead):
            row.addWidget(box)
            box.currentIndexChanged.connect(self._on_combo_changed)
        row.addWidget(self.text, 1)
        row.addWidget(self.status)
        row.addWidget(self.count)
        self.new_button = QPushButton(self.tr("New…"))
        self.new_button.setObjectName("newEnterprise")
        self.new_button.setToolTip(self.tr("Register a new enterprise (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editEnterprise")
        self.edit_button.setToolTip(self.tr("Edit the selected enterprise (F2)"))
        can_edit = self.ctx.actor.can(Permission.EDIT_REFERENCE)
        for button, slot in ((self.new_button, self.new_enterprise), (self.edit_button, self.edit_enterprise)):
            button.setEnabled(can_edit)
            button.clicked.connect(slot)
            row.addWidget(button)
        if can_edit:
            QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_enterprise)
            QShortcut(QKeySequence(Qt.Key.Key_F2), self, activated=self.edit_enterprise)
        self._filter_row = row

    # -- registering and editing ------------------------------------------------------------------
    def new_enterprise(self) -> None:
        self._open_editor(None)

    def edit_enterprise(self) -> None:
        card = self.card.card
        if card is not None and card.row.id == self.selected_id():
            self._open_editor(card)

    def _open_editor(self, card: EnterpriseCard | None) -> None:
        from desktop.views.enterprise_edit import EnterpriseEditDialog

        if self.refs is None:
            return
        dialog = EnterpriseEditDialog(self.ctx, self.refs, card, self)
        if dialog.exec() == EnterpriseEditDialog.DialogCode.Accepted and dialog.saved_id is not None:
            if not self.select_enterprise(dialog.saved_id):
                self._select_after_load = dialog.saved_id  # a new one: the live reload brings it

    def _fill_reference_combos(self) -> None:
        refs = self.refs
        keep = {box: box.currentData() for box in (self.street, self.community, self.industry, self.lead)}
        for box in keep:
            box.blockSignals(True)
            box.clear()
        self.street.addItem(self.tr("All streets"), None)
        self.industry.addItem(self.tr("All industries"), None)
        self.lead.addItem(self.tr("All lead departments"), None)
        self.lead.addItem(_swatch(GAP_COLOUR), self.tr("No lead department (gap)"), NO_LEAD)
        if refs is not None:
            for c in refs.streets:
                self.street.addItem(c.name, c.id)
            for c in refs.industries:
                self.industry.addItem(c.name, c.id)
            for c in refs.departments:
                self.lead.addItem(c.name, c.id)
        for box, value in keep.items():
            if box is not self.community:
                box.setCurrentIndex(max(box.findData(value), 0))
        self._fill_communities(keep[self.community])
        for box in keep:
            box.blockSignals(False)

    def _fill_communities(self, keep: Any = None) -> None:
        """Only the chosen street's communities; with no street, all of them, named with it."""
        street_id = self.street.currentData()
        self.community.blockSignals(True)
        self.community.clear()
        self.community.addItem(self.tr("All communities"), None)
        if self.refs is not None:
            streets = {c.id: c.name for c in self.refs.streets}
            for c in self.refs.communities:
                if street_id is None:
                    self.community.addItem(f"{c.name} · {streets.get(c.parent_id, '')}", c.id)
                elif c.parent_id == street_id:
                    self.community.addItem(c.name, c.id)
        self.community.setCurrentIndex(max(self.community.findData(keep), 0))
        self.community.blockSignals(False)

    def _on_combo_changed(self) -> None:
        if self.sender() is self.street:
            self._fill_communities(self.community.currentData())
        self._on_filter_changed()

    def current_filter(self) -> EnterpriseFilter:
        return EnterpriseFilter(
            street_id=self.street.currentData(), community_id=self.community.currentData(),
            industry_id=self.industry.currentData(), risk=self.risk.currentData(),
            tier=self.tier.currentData(), lead_department_id=self.lead.currentData(),
            text=self.text.text().strip(),
        )

    def _on_filter_changed(self) -> None:
        self._text_timer.stop()
        f = self.current_filter()
        if f != self._filter:
            self._filter = f
            self.reload()

    def focus_search(self) -> None:
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()

    # -- loading --------------------------------------------------------------------------------
    def _load_references(self) -> None:
        def done(refs: ReferenceLists) -> None:
            self.refs = refs
            self._fill_reference_combos()

        self._run(reference_lists, done)

    def reload(self, *, keep_scroll: bool = False) -> None:
        """Fetch the list for the current filter off the GUI thread."""
        self._load_gen += 1
        gen, f = self._load_gen, self._filter
        self._keep_scroll = keep_scroll
        self._set_status(self.tr("Loading…"))
        self._run(lambda uow: list_enterprises(uow, f), lambda rows: self._on_loaded(gen, rows),
                  lambda err: self._on_load_failed(gen, err))

    @property
    def loading(self) -> bool:
        return self._done_gen != self._load_gen

    def _on_load_failed(self, gen: int, err: DomainError) -> None:
        if gen == self._load_gen:
            self._done_gen = gen
            self._on_error(err)

    def _on_loaded(self, gen: int, rows: list[EnterpriseRow]) -> None:
        if gen != self._load_gen:
            return  # a newer filter is on its way
        self._done_gen = gen
        selected = self._select_after_load or self.selected_id()
        self._select_after_load = None
        scroll = self.table.verticalScrollBar().value()
        self.model.set_rows(rows)
        self._set_status("")
        self._update_count()
        if selected is not None:
            self.select_enterprise(selected, scroll=not self._keep_scroll)
        if self._keep_scroll:
            self.table.verticalScrollBar().setValue(scroll)

    def _update_count(self) -> None:
        self.count.setText(self.tr("%n enterprises", "", self.model.rowCount()))

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {GAP_COLOUR.name()};" if error else "color: palette(mid);")

    def _on_error(self, err: DomainError) -> None:
        self._set_status(err.message, error=True)

    def _run(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None],
             on_error: Callable[[DomainError], None] | None = None) -> None:
        """A read through ops whose answer is dropped if this screen is gone meanwhile."""
        def alive(cb: Callable[[Any], None]) -> Callable[[Any], None]:
            return lambda value: cb(value) if shiboken6.isValid(self) else None

        self.ctx.ops.run(fn, alive(on_done), alive(on_error or self._on_error), write=False)

    # -- selection and the card -----------------------------------------------------------------
    def selected_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_enterprise(self, enterprise_id: int, *, scroll: bool = True) -> bool:
        row = self.model.row_of(enterprise_id)
        if row is None:
            return False
        index = self.model.index(row, Column.NAME)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        if scroll:
            self.table.scrollTo(index)
        return True

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        shown = self.card.card.row.id if self.card.card else None
        if current.isValid() and current.data(ID_ROLE) != shown:
            self._card_timer.start()

    def _open_card(self, index: QModelIndex) -> None:
        if index.data(ID_ROLE) != (self.card.card.row.id if self.card.card else None):
            self._card_timer.stop()
            self._load_card()
        self.card.setFocus(Qt.FocusReason.OtherFocusReason)

    def _load_card(self, enterprise_id: int | None = None) -> None:
        eid = enterprise_id if enterprise_id is not None else self.selected_id()
        if eid is None:
            return
        self._card_gen += 1
        gen = self._card_gen
        if self.card.card is None or self.card.card.row.id != eid:
            self.card.show_message(self.tr("Loading…"))

        def done(card: EnterpriseCard) -> None:
            if gen == self._card_gen:
                self.card.show_card(card)
                self.enterprise_selected.emit(card.row.id)

        def failed(err: DomainError) -> None:
            if gen == self._card_gen:
                self.card.clear(err.message)

        self._run(lambda uow: enterprise_card(uow, eid), done, failed)

    # -- live changes ---------------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*REFERENCE_ENTITIES):
            self._load_references()
            card = self.card.card
            if card is not None and str(card.grid_id) in changes.ids("grid"):
                self._load_card(card.row.id)  # its officer or grid name changed
            if changes.touches("industry", "department"):
                self.reload(keep_scroll=True)  # a rename shows in many rows (rare)
        if changes.touches("enterprise"):
            self._touched |= {int(i) for i in changes.ids("enterprise") if i.isdigit()}
            self._live_timer.start()

    def _refresh_touched(self) -> None:
        ids, self._touched = self._touched, set()
        if len(ids) > RELOAD_OVER or self.loading:
            # A list query in flight may have read before this commit: ask again instead.
            self.reload(keep_scroll=True)
            return
        gen, flt = self._load_gen, self._filter
        self._run(lambda uow: enterprise_rows(uow, ids, flt), lambda rows: self._on_touched(gen, ids, rows))

    def _on_touched(self, gen: int, ids: set[int], rows: list[EnterpriseRow]) -> None:
        """`rows`: the touched ids that exist and pass the current filter."""
        if gen != self._load_gen:
            return  # a full reload started meanwhile and will bring these too
        matching = {r.id for r in rows}
        self.model.update_rows(r for r in rows if self.model.row_of(r.id) is not None)
        self.model.remove_ids(ids - matching)  # deleted, or no longer inside the filter
        self._update_count()
        card = self.card.card
        if card is not None and card.row.id in ids:
            self._load_card(card.row.id)  # the card shows "deleted" if it has gone
        if any(self.model.row_of(r.id) is None for r in rows):
            self.reload(keep_scroll=True)  # new, or newly inside the filter


def _swatch(colour: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(colour)
    return QIcon(pixmap)
