"""The main window: navigation between screens, the status bar, remembered layout.

It can open before the app has loaded (`MainWindow(early_map=...)`, then `attach(ctx)`): the launch
shows the map at once while the database and the screens load (see desktop/app.py). Only Qt and
light modules are imported here for that reason; screens import theirs when first shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from desktop import labels

if TYPE_CHECKING:
    from desktop.context import AppContext
    from desktop.views.map_early import EarlyMap

SCREENS = ("map", "hazards", "dispatch", "grids", "enterprises", "dashboard", "reports", "admin")


class MainWindow(QMainWindow):
    map_drawn = Signal()  # every map layer is on screen, for the first time this session

    def __init__(self, ctx: AppContext | None = None, settings: QSettings | None = None,
                 early_map: EarlyMap | None = None) -> None:
        """Without `ctx` the window waits for `attach(ctx)`, showing `early_map` meanwhile."""
        super().__init__()
        self.ctx = ctx
        self.settings = settings or QSettings()
        self._early_map = early_map
        self._map_drawn = False
        self.setWindowTitle(self.tr("SafeGrid Command Centre"))
        self._factories: dict[str, Callable[[], QWidget]] = self._screen_factories()
        self._screens: dict[str, QWidget] = {}

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet(
            "QListWidget#navigation { font-size: 15px; background: #1f2d3d; color: #dfe6ee; border: none; }"
            "QListWidget#navigation::item { padding: 10px 14px; }"
            "QListWidget#navigation::item:selected { background: #c62828; color: white; }"
        )
        self.stack = QStackedWidget()
        titles = self._titles()
        for i, key in enumerate(SCREENS):
            item = QListWidgetItem(titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"{titles[key]} (Ctrl+{i + 1})")
            self.nav.addItem(item)
            self.stack.addWidget(self._placeholder(key))  # filled on first visit: start-up stays fast
        self.nav.currentRowChanged.connect(self._on_nav)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.resize(1400, 900)
        if early_map is not None:
            early_map.drawn.connect(self._on_map_drawn)
        if ctx is not None:
            self._build_status_bar()
        else:
            self.statusBar().showMessage(self.tr("Starting…"))
        self._restore()

    def attach(self, ctx: AppContext) -> None:
        """The app has loaded: status bar, then the current screen (it takes the early map over)."""
        self.ctx = ctx
        self.statusBar().clearMessage()
        self._build_status_bar()
        self._on_nav(self.nav.currentRow())

    def _placeholder(self, key: str) -> QWidget:
        """An empty screen until first shown; the map's holds the early map (and its panel's room)."""
        widget = QWidget()
        if key == "map" and self._early_map is not None:
            row = QHBoxLayout(widget)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(self._early_map.view, 1)
            row.addSpacing(270)  # the layer panel's width: the map does not jump when it arrives
        return widget

    def _on_map_drawn(self) -> None:
        if not self._map_drawn:
            self._map_drawn = True
            self.map_drawn.emit()

    def shut_down(self) -> None:
        """The session ends: let the screens keep what the next launch starts from."""
        for screen in self._screens.values():
            if hasattr(screen, "shut_down"):
                screen.shut_down()

    # -- screens -------------------------------------------------------------------------------
    def _titles(self) -> dict[str, str]:
        return {
            "map": self.tr("Map"),
            "hazards": self.tr("Hazards"),
            "dispatch": self.tr("Dispatch"),
            "grids": self.tr("Grids"),
            "enterprises": self.tr("Enterprises"),
            "dashboard": self.tr("Dashboard"),
            "reports": self.tr("Reports"),
            "admin": self.tr("Administration"),
        }

    def _screen_factories(self) -> dict[str, Callable[[], QWidget]]:
        def map_screen() -> QWidget:
            from desktop.views.map import MapScreen

            early, self._early_map = self._early_map, None
            screen = MapScreen(self.ctx, self.settings, early=early)
            screen.controller.layers_drawn.connect(self._on_map_drawn)
            screen.hazard_activated.connect(self.open_hazard)  # a hazard clicked on the map
            screen.new_incident_requested.connect(self.open_incident_intake)  # right-click: new incident here
            return screen

        def hazards() -> QWidget:
            from desktop.views.hazards import HazardsScreen

            return HazardsScreen(self.ctx)

        def grids() -> QWidget:
            from desktop.views.grids import GridsScreen

            return GridsScreen(self.ctx)

        def enterprises() -> QWidget:
            from desktop.views.enterprises import EnterprisesScreen

            return EnterprisesScreen(self.ctx)

        def admin() -> QWidget:
            from desktop.views.admin import AdminScreen

            return AdminScreen(self.ctx)

        def reports() -> QWidget:
            from desktop.views.reports import ReportsScreen

            return ReportsScreen(self.ctx)

        def dispatch() -> QWidget:
            from desktop.views.dispatch.screen import DispatchScreen

            return DispatchScreen(self.ctx)

        def dashboard() -> QWidget:
            from desktop.views.dashboard import DashboardScreen  # pyqtgraph: loaded on first visit

            screen = DashboardScreen(self.ctx)
            screen.drill_requested.connect(self.open_drill)  # a figure clicked: its list
            return screen

        return {
            "map": map_screen,
            "hazards": hazards,
            "dispatch": dispatch,
            "grids": grids,
            "enterprises": enterprises,
            "dashboard": dashboard,
            "reports": reports,
            "admin": admin,
        }

    def screen(self, key: str) -> QWidget:
        """The screen widget, created on first use."""
        if key not in self._screens:
            index = SCREENS.index(key)
            widget = self._factories[key]()
            widget.setObjectName(f"screen_{key}")
            old = self.stack.widget(index)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.stack.insertWidget(index, widget)
            self._screens[key] = widget
        return self._screens[key]

    def show_screen(self, key: str) -> None:
        self.nav.setCurrentRow(SCREENS.index(key))

    def open_hazard(self, hazard_id: int) -> None:
        """Show the hazard screen with this ticket open (e.g. clicked on the map)."""
        self.show_screen("hazards")
        self.screen("hazards").open_hazard(hazard_id)

    def open_incident_intake(self, lon: float, lat: float) -> None:
        """The dispatch screen's call intake with this map point as the place."""
        self.show_screen("dispatch")
        self.screen("dispatch").open_intake(lon, lat)

    def open_drill(self, drill) -> None:
        """The list behind a clicked dashboard figure (a services.dashboard.Drill)."""
        self.show_screen(drill.screen)
        screen = self.screen(drill.screen)
        if drill.hazards is not None and hasattr(screen, "show_filtered"):
            screen.show_filtered(drill.hazards)
        elif drill.screen == "dispatch":
            from desktop.views.dispatch.screen import BOARD, INCIDENTS

            screen.tabs.setCurrentIndex(INCIDENTS if drill.key == "incidents" else BOARD)
            if drill.sub_squad_id is not None:
                screen.board.show_sub_squad(drill.sub_squad_id)

    def current_screen(self) -> str:
        return SCREENS[max(self.nav.currentRow(), 0)]

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        if self.ctx is None:  # still loading: show the placeholder, the screen comes with attach()
            self.stack.setCurrentIndex(row)
            return
        key = SCREENS[row]
        self.stack.setCurrentWidget(self.screen(key))

    # -- menus and status bar ----------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for i, key in enumerate(SCREENS):
            action = QAction(self._titles()[key], self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, k=key: self.show_screen(k))
            view_menu.addAction(action)
            self.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About SafeGrid"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About SafeGrid"), self.tr(
            "SafeGrid Command Centre\nGrid-based safety-production supervision for the district duty room."))

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.db_label = QLabel(self.ctx.db.describe())
        self.db_label.setObjectName("dbLabel")
        self.conn_label = QLabel()
        self.conn_label.setObjectName("connectionLabel")
        a = self.ctx.actor
        self.user_label = QLabel(self.tr("User: {name} ({role})").format(
            name=a.display_name, role=labels.role(a.role)))
        self.user_label.setObjectName("userLabel")
        bar.addPermanentWidget(self.db_label)
        bar.addPermanentWidget(self.conn_label)
        bar.addPermanentWidget(self.user_label)
        self._on_connection(self.ctx.sync.connected)
        self.ctx.sync.connection_state_changed.connect(self._on_connection)
        self.ctx.ops.failed.connect(self._on_failed)
        from desktop.views.tracking import install_tracking  # live positions: receiver, light, settings

        self.tracking = install_tracking(self, self.ctx, self.settings)

    def _on_connection(self, connected: bool) -> None:
        if connected:
            self.conn_label.setText("● " + self.tr("Connected"))
            self.conn_label.setStyleSheet("color: #1b873f;")
        else:
            self.conn_label.setText("● " + self.tr("Disconnected, retrying"))
            self.conn_label.setStyleSheet("color: #c62828;")

    def _on_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)

    # -- remembered layout -------------------------------------------------------------------
    def _restore(self) -> None:
        # The screen first: its minimum size must not undo the restored geometry.
        last = self.settings.value("main/screen", "map")  # the map is the duty room's main screen
        self.show_screen(last if last in SCREENS else "map")
        geometry = self.settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("main/state")
        if state is not None:
            self.restoreState(state)

    def save_layout(self) -> None:
        self.settings.setValue("main/geometry", self.saveGeometry())
        self.settings.setValue("main/state", self.saveState())
        self.settings.setValue("main/screen", self.current_screen())
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.save_layout()
        super().closeEvent(event)
