"""The squad board tab: every member with status, status time, place and warnings, the micro fire
engines with crew, a member's card, and status changes (with stale edits refused as conflicts)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import labels
from desktop.context import AppContext
from desktop.domain.errors import ConflictError, DomainError
from desktop.domain.squad import (
    ENGAGED,
    MEMBER_TRANSITIONS,
    VEHICLE_TRANSITIONS,
    MemberStatus,
    StatusRefused,
    VehicleStatus,
)
from desktop.models.squad_models import MemberTableModel, VehicleTableModel
from desktop.services import roster, squad
from desktop.services.common import Permission
from desktop.services.squad import BoardFilter, MemberRow, VehicleRow
from desktop.views.admin_message import Kind, MessageBar
from desktop.views.dispatch.alive import run
from desktop.views.dispatch.board_live import BoardLive
from desktop.views.dispatch.member_card import MemberCard
from desktop.widgets.badges import BadgeDelegate

# The statuses a dispatcher sets by hand (dispatched comes only from a dispatch), with shortcuts.
MEMBER_ACTIONS = (
    MemberStatus.AVAILABLE,
    MemberStatus.EN_ROUTE,
    MemberStatus.ON_SCENE,
    MemberStatus.RETURNING,
    MemberStatus.OFF_DUTY,
    MemberStatus.TRAINING,
    MemberStatus.LEAVE,
)
VEHICLE_ACTIONS = (
    VehicleStatus.AVAILABLE,
    VehicleStatus.EN_ROUTE,
    VehicleStatus.ON_SCENE,
    VehicleStatus.RETURNING,
    VehicleStatus.MAINTENANCE,
)


def table(name: str, model) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class BoardTab(QWidget):
    member_selected = Signal(int)

    def __init__(self, ctx: AppContext, live: BoardLive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.live = ctx, live
        self.can_dispatch = ctx.actor.can(Permission.DISPATCH)
        self.model = MemberTableModel(self)
        self.vehicle_model = VehicleTableModel(self)
        self._card_gen = 0
        self._build()
        live.loaded.connect(self._on_loaded)
        live.rows_changed.connect(self._on_rows_changed)
        self._tick = QTimer(self, interval=60_000)  # "since" times age even when nothing is written
        self._tick.timeout.connect(self._repaint_times)
        self._tick.start()
        if live.ready:
            self._on_loaded()

    # -- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.sub_squad = QComboBox()
        self.sub_squad.setObjectName("boardSubSquad")
        self.sub_squad.addItem(self.tr("All sub-squads"), None)
        self.status = QComboBox()
        self.status.setObjectName("boardStatus")
        self.status.addItem(self.tr("All statuses"), None)
        self.status.addItem(self.tr("Free to dispatch"), frozenset({MemberStatus.AVAILABLE}))
        self.status.addItem(self.tr("Engaged"), frozenset(ENGAGED))
        for s in MemberStatus:
            self.status.addItem(labels.member_status(s), frozenset({s}))
        self.text = QLineEdit()
        self.text.setObjectName("boardSearch")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("Name, call sign or phone"))
        self.only_stale = QCheckBox(self.tr("Only overdue check-ins"))
        self.only_stale.setObjectName("boardOnlyStale")
        self.count = QLabel()
        self.count.setObjectName("boardCount")
        for w in (self.sub_squad, self.status):
            w.currentIndexChanged.connect(self.refilter)
        self.text.textChanged.connect(self.refilter)
        self.only_stale.toggled.connect(self.refilter)
        filters = QHBoxLayout()
        for w in (self.sub_squad, self.status):
            filters.addWidget(w)
        filters.addWidget(self.text, 1)
        filters.addWidget(self.only_stale)
        filters.addWidget(self.count)

        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("Set status:")))
        self.status_buttons: dict[str, QToolButton] = {}
        for i, s in enumerate(MEMBER_ACTIONS, start=1):
            b = QToolButton()
            b.setObjectName(f"setStatus_{s}")
            b.setText(labels.member_status(s))
            b.setShortcut(QKeySequence(f"Alt+{i}"))
            b.setToolTip(
                self.tr("Set the selected member to “{status}” (Alt+{n})").format(
                    status=labels.member_status(s), n=i
                )
            )
            b.clicked.connect(lambda _=False, st=s: self.set_member_status(st))
            actions.addWidget(b)
            self.status_buttons[s] = b
        self.check_in_button = QToolButton()
        self.check_in_button.setObjectName("checkIn")
        self.check_in_button.setText(self.tr("Check in"))
        self.check_in_button.setShortcut(QKeySequence("Alt+0"))
        self.check_in_button.setToolTip(
            self.tr("Reached the member by radio: restart the check-in timer (Alt+0)")
        )
        self.check_in_button.clicked.connect(self.check_in)
        actions.addWidget(self.check_in_button)
        actions.addStretch(1)

        self.table = table("memberTable", self.model)
        self.table.setItemDelegateForColumn(4, BadgeDelegate(self.table))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._member_menu)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.vehicles = table("vehicleTable", self.vehicle_model)
        self.vehicles.setItemDelegateForColumn(3, BadgeDelegate(self.vehicles))
        self.vehicles.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.vehicles.customContextMenuRequested.connect(self._vehicle_menu)
        self._size_columns()
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.table)
        box = QWidget()
        vcol = QVBoxLayout(box)
        vcol.setContentsMargins(0, 4, 0, 0)
        vcol.addWidget(QLabel("<b>" + self.tr("Micro fire engines (right-click to set status)") + "</b>"))
        vcol.addWidget(self.vehicles)
        left.addWidget(box)
        left.setSizes([560, 170])
        self.card = MemberCard()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.card)
        scroll.setMinimumWidth(320)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 360])
        self.messages = MessageBar()
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 4, 0, 0)
        col.addLayout(filters)
        col.addLayout(actions)
        col.addWidget(self.messages)
        col.addWidget(split, 1)
        self._update_actions()

    def _size_columns(self) -> None:
        em = self.fontMetrics().horizontalAdvance("中")
        for i, chars in enumerate((4.5, 3.5, 4.5, 4, 4.5, 10, 9, 5.5, 3, 6, 8)):
            self.table.horizontalHeader().resizeSection(i, int(em * chars) + 12)
        for i, chars in enumerate((8, 7, 5, 5, 9, 11, 14, 6, 20)):
            self.vehicles.horizontalHeader().resizeSection(i, em * chars + 16)

    # -- filtering and live rows -------------------------------------------------------------
    def current_filter(self) -> BoardFilter:
        return BoardFilter(
            sub_squad_id=self.sub_squad.currentData(),
            statuses=self.status.currentData(),
            text=self.text.text(),
            only_stale=self.only_stale.isChecked(),
        )

    def show_sub_squad(self, sub_squad_id: int | None) -> None:
        self.sub_squad.setCurrentIndex(max(self.sub_squad.findData(sub_squad_id), 0))

    def refilter(self) -> None:
        self.model.sync_rows(self.live.state.shown(self.current_filter()))
        self.count.setText(self.tr("%n members shown", "", self.model.rowCount()))
        self._update_actions()

    def _on_loaded(self) -> None:
        st = self.live.state
        if self.sub_squad.count() == 1:
            for sq in st.sub_squads:
                self.sub_squad.addItem(sq.name, sq.id)
        self.model.stale_minutes = self.vehicle_model.stale_minutes = st.stale_minutes
        self.refilter()
        self.vehicle_model.sync_rows(sorted(st.vehicles.values(), key=lambda v: v.name))
        self._reload_card()

    def _on_rows_changed(self, mids: set[int], vids: set[int]) -> None:
        st = self.live.state
        if mids:
            self.refilter()
        if vids:
            self.vehicle_model.upsert([st.vehicles[v] for v in vids if v in st.vehicles])
        if self.selected_member() is not None and self.selected_member().id in mids:
            self._reload_card()
        self._update_actions()

    def _repaint_times(self) -> None:
        for model, column in ((self.model, 5), (self.vehicle_model, 4)):
            if model.rowCount():
                model.dataChanged.emit(model.index(0, column), model.index(model.rowCount() - 1, column))

    # -- selection and the card ------------------------------------------------------------------
    def selected_member(self) -> MemberRow | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def selected_vehicle(self) -> VehicleRow | None:
        index = self.vehicles.selectionModel().currentIndex()
        return self.vehicle_model.row_at(index.row()) if index.isValid() else None

    def select_member(self, member_id: int) -> bool:
        row = self.model.row_of(member_id)
        if row < 0:
            return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        if current.isValid():
            self._reload_card()
            self.member_selected.emit(self.model.row_at(current.row()).id)

    def _reload_card(self) -> None:
        m = self.selected_member()
        if m is None:
            return
        self._card_gen += 1
        gen, mid = self._card_gen, m.id

        def done(detail: roster.MemberDetail) -> None:
            if gen == self._card_gen:
                self.card.show_detail(detail)

        run(self,
            lambda uow: roster.member_detail(uow, mid),
            done,
            lambda err: self.card.show_message(err.message),
            write=False,
        )

    def _update_actions(self) -> None:
        m = self.selected_member()
        allowed = MEMBER_TRANSITIONS.get(m.status, frozenset()) if m is not None else frozenset()
        for s, b in self.status_buttons.items():
            b.setEnabled(self.can_dispatch and s in allowed)
        self.check_in_button.setEnabled(self.can_dispatch and m is not None and m.engaged)

    # -- status changes ---------------------------------------------------------------------------
    def set_member_status(self, status: str, member: MemberRow | None = None) -> None:
        m = member or self.selected_member()
        if m is None:
            return
        actor, mid, version = self.ctx.actor, m.id, m.version
        run(self,
            lambda uow: squad.set_member_status(uow, actor, mid, status, expected_version=version),
            lambda row: self._done(
                self.tr("{name} is now “{status}”.").format(
                    name=row.name, status=labels.member_status(row.status)
                )
            ),
            lambda err: self._failed(err, m.name),
        )

    def check_in(self) -> None:
        m = self.selected_member()
        if m is None:
            return
        actor, mid = self.ctx.actor, m.id
        run(self,
            lambda uow: squad.check_in(uow, actor, mid),
            lambda row: self._done(self.tr("{name} checked in; the timer restarts.").format(name=row.name)),
            lambda err: self._failed(err, m.name),
        )

    def set_vehicle_status(self, vehicle: VehicleRow, status: str) -> None:
        actor, vid, version = self.ctx.actor, vehicle.id, vehicle.version
        run(self,
            lambda uow: squad.set_vehicle_status(uow, actor, vid, status, expected_version=version),
            lambda row: self._done(
                self.tr("{name} is now “{status}”.").format(
                    name=row.name, status=labels.vehicle_status(row.status)
                )
            ),
            lambda err: self._failed(err, vehicle.name),
        )

    def _done(self, text: str) -> None:
        self.messages.show_message(text, Kind.INFO)

    def _failed(self, err: DomainError, name: str) -> None:
        if isinstance(err, ConflictError):
            text = self.tr(
                "{name}'s status was changed by a colleague meanwhile; nothing was changed. "
                "The board shows the new status: check it and try again."
            ).format(name=name)
            key = int(err.key) if str(err.key).isdigit() else None
            if key is not None and err.entity == "vehicle":  # show the colleague's change now
                self.live.refresh(vehicles={key})
            elif key is not None:
                self.live.refresh(members={key})
        elif isinstance(err, StatusRefused):
            text = self.tr("{name} cannot go from “{old}” to “{new}”.").format(
                name=name, old=labels.member_status(err.current), new=labels.member_status(err.new)
            )
        else:
            text = err.message
        self.messages.show_message(text, Kind.ERROR)

    # -- context menus ----------------------------------------------------------------------------
    def _member_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        m = self.model.row_at(index.row()) if index.isValid() else None
        if m is None or not self.can_dispatch:
            return
        menu = QMenu(self)
        for s in MEMBER_ACTIONS:
            a = menu.addAction(labels.member_status(s))
            a.setEnabled(s in MEMBER_TRANSITIONS.get(m.status, frozenset()))
            a.triggered.connect(lambda _=False, st=s: self.set_member_status(st, m))
        menu.addSeparator()
        ci = menu.addAction(self.tr("Check in"))
        ci.setEnabled(m.engaged)
        ci.triggered.connect(self.check_in)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _vehicle_menu(self, pos: QPoint) -> None:
        index = self.vehicles.indexAt(pos)
        v = self.vehicle_model.row_at(index.row()) if index.isValid() else None
        if v is None or not self.can_dispatch:
            return
        menu = QMenu(self)
        for s in VEHICLE_ACTIONS:
            a = menu.addAction(labels.vehicle_status(s))
            a.setEnabled(s in VEHICLE_TRANSITIONS.get(v.status, frozenset()))
            a.triggered.connect(lambda _=False, st=s: self.set_vehicle_status(v, st))
        menu.exec(self.vehicles.viewport().mapToGlobal(pos))
