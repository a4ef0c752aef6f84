"""The Map screen, the duty room's main screen: the live district map and its layer panel.

The page (resources/map/safegrid-map.js) draws; MapController feeds it; this widget holds the
layer panel, the department filter, the base-map and overlay dialogs, the right-click menu, the
cards a click opens, and the exports (standalone HTML, PNG).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.errors import DomainError
from desktop.maps.core_layers import GRID_STYLES
from desktop.maps.mbtiles import MBTiles
from desktop.services import enterprises, grids, overlays, reference
from desktop.services.common import Permission
from desktop.views import map_cards
from desktop.views.map_controller import MapController
from desktop.views.map_dialogs import (
    BASE_KEY,
    MBTILES_KEY,
    XYZ_KEY,
    XYZ_MAX_KEY,
    BaseMapDialog,
    OverlayImportDialog,
    xyz_host,
)
from desktop.views.map_early import EarlyMap
from desktop.widgets.map_view import MapView, tile_url_template

LAYER_ROLE = Qt.ItemDataRole.UserRole
LEVEL_RANK = {lv.value: i for i, lv in enumerate(GRID_STYLES)}


class MapScreen(QWidget):
    new_incident_requested = Signal(float, float)  # lon, lat: "new incident here" (dispatch)
    hazard_activated = Signal(int)                 # a hazard clicked on the map (hazard screen)
    grid_activated = Signal(int)
    enterprise_activated = Signal(int)

    def __init__(self, ctx: AppContext, settings: QSettings | None = None, parent: QWidget | None = None,
                 early: EarlyMap | None = None) -> None:
        """`early`: the map the launch opened before the app had loaded (its view is taken over)."""
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings or QSettings()
        self._visible: dict[str, bool] = {}  # the user's layer choices (the page's start from the layers)
        self.view = early.view if early is not None else MapView(self)
        self.view.setObjectName("mapView")
        self.controller = MapController(ctx, self.view, map_cards.page_strings(), self._base_config, self,
                                        early=early)
        self._build_panel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.panel)
        v, c = self.view, self.controller
        v.feature_clicked.connect(self._on_click)
        v.feature_hovered.connect(self._on_hover)
        v.context_requested.connect(self._on_context)
        v.card_action.connect(self._on_card_action)
        c.layers_drawn.connect(self._on_drawn)
        c.layer_defined.connect(lambda _id: self._fill_layer_list())
        c.layer_removed.connect(lambda _id: self._fill_layer_list())
        c.failed.connect(self.status.setText)
        self._fill_layer_list()
        self.ctx.ops.run(reference.reference_lists, self._on_reference, write=False)
        c.start()

    def shut_down(self) -> None:
        """The session ends: keep the map as drawn for the next launch."""
        self.controller.save_snapshot(wait=True)

    @property
    def busy(self) -> bool:
        """True until the page shows every layer (the app's --exit-when-ready waits for it)."""
        return self.controller.busy

    # -- the panel ---------------------------------------------------------------------------------
    def _build_panel(self) -> None:
        self.panel = QWidget()
        self.panel.setObjectName("mapPanel")
        self.panel.setFixedWidth(270)
        self.layer_list = QTreeWidget()
        self.layer_list.setObjectName("mapLayers")
        self.layer_list.setHeaderHidden(True)
        self.layer_list.setRootIsDecorated(False)
        self.layer_list.itemChanged.connect(self._on_layer_toggled)
        self.layer_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.layer_list.customContextMenuRequested.connect(self._on_layer_menu)
        self.department = QComboBox()
        self.department.setObjectName("mapDepartment")
        self.department.addItem(self.tr("All departments"), None)
        self.department.currentIndexChanged.connect(
            lambda _i: self.controller.set_department(self.department.currentData()))
        buttons = []
        for name, text, slot in (
            ("zoomDistrict", self.tr("Zoom to district"), lambda: self.view.send_command("zoomToDistrict")),
            ("baseMap", self.tr("Base map…"), self._edit_base_map),
            ("importOverlay", self.tr("Import overlay…"), self._import_overlay),
            ("exportHtml", self.tr("Export HTML…"), self._export_html),
            ("exportPng", self.tr("Export PNG…"), self._export_png),
        ):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(slot)
            buttons.append(b)
        buttons[2].setEnabled(self.ctx.actor.can(Permission.EDIT_REFERENCE))
        self.status = QLabel(self.tr("Loading the map…"))
        self.status.setObjectName("mapStatus")
        self.status.setWordWrap(True)
        col = QVBoxLayout(self.panel)
        col.addWidget(QLabel("<b>" + self.tr("Layers") + "</b>"))
        col.addWidget(self.layer_list, 1)
        col.addWidget(QLabel("<b>" + self.tr("Department filter") + "</b>"))
        col.addWidget(self.department)
        for b in buttons:
            col.addWidget(b)
        col.addWidget(self.status)

    def _fill_layer_list(self) -> None:
        self.layer_list.blockSignals(True)
        self.layer_list.clear()
        heads = {"grids": self.tr("Grids"), "points": self.tr("Points"), "overlays": self.tr("Overlays")}
        parents: dict[str, QTreeWidgetItem] = {}
        layers = sorted(self.controller.registry, key=lambda ly: (
            list(heads).index(ly.group) if ly.group in heads else 9, LEVEL_RANK.get(ly.style.get("level"), 0)))
        for layer in layers:
            if layer.group not in parents:
                head = QTreeWidgetItem([heads.get(layer.group, layer.group)])
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = head.font(0)
                font.setBold(True)
                head.setFont(0, font)
                self.layer_list.addTopLevelItem(head)
                parents[layer.group] = head
            item = QTreeWidgetItem([QCoreApplication.translate("MapLayers", layer.title)])
            item.setData(0, LAYER_ROLE, layer.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            shown = self._visible.get(layer.id, layer.visible)
            item.setCheckState(0, Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked)
            parents[layer.group].addChild(item)
        self.layer_list.expandAll()
        self.layer_list.blockSignals(False)

    def _on_layer_toggled(self, item: QTreeWidgetItem, _col: int) -> None:
        layer_id = item.data(0, LAYER_ROLE)
        if layer_id:
            shown = item.checkState(0) == Qt.CheckState.Checked
            self._visible[layer_id] = shown
            self.view.send_command("setVisible", layer_id, shown)

    def set_layer_visible(self, layer_id: str, shown: bool) -> None:
        for i in range(self.layer_list.topLevelItemCount()):
            head = self.layer_list.topLevelItem(i)
            for k in range(head.childCount()):
                if head.child(k).data(0, LAYER_ROLE) == layer_id:
                    head.child(k).setCheckState(0, Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked)

    def _on_layer_menu(self, pos: QPoint) -> None:
        item = self.layer_list.itemAt(pos)
        layer_id = item.data(0, LAYER_ROLE) if item else None
        if not layer_id or not layer_id.startswith("overlay_") or not self.ctx.actor.can(Permission.EDIT_REFERENCE):
            return
        menu = QMenu(self)
        remove = menu.addAction(self.tr("Delete this overlay"))
        if menu.exec(self.layer_list.viewport().mapToGlobal(pos)) is remove:
            oid, actor = int(layer_id.split("_", 1)[1]), self.ctx.actor
            self.ctx.ops.run(lambda uow: overlays.delete_overlay(uow, actor, oid))

    def _on_reference(self, lists: reference.ReferenceLists) -> None:
        for d in lists.departments:
            self.department.addItem(d.name, d.id)

    def _on_drawn(self) -> None:
        counts = self.tr("{n} layers on the map").format(n=len(self.controller.registry))
        self.status.setText(counts)
        for layer_id, shown in self._visible.items():
            self.view.send_command("setVisible", layer_id, shown)

    # -- clicks, hover, right-click ------------------------------------------------------------------
    def _on_click(self, layer: str, fid: str, _lon: float, _lat: float) -> None:
        if layer == "hazards" and fid.isdigit():
            self.hazard_activated.emit(int(fid))
        elif layer.startswith("grids_") and fid.isdigit():
            gid = int(fid)
            self.grid_activated.emit(gid)
            self.ctx.ops.run(lambda uow: grids.grid_detail(uow, gid),
                             lambda d: self.view.send_command("openCard", layer, fid, map_cards.grid_card(d)),
                             self._on_error, write=False)
        elif layer == "enterprises" and fid.isdigit():
            eid = int(fid)
            self.enterprise_activated.emit(eid)
            self.ctx.ops.run(lambda uow: enterprises.enterprise_card(uow, eid),
                             lambda c: self.view.send_command("openCard", layer, fid, map_cards.enterprise_card(c)),
                             self._on_error, write=False)

    def _on_hover(self, _layer: str, _fid: str, name: str) -> None:
        self.view.setToolTip("")
        if name:
            self.status.setText(name)

    def _on_context(self, lon: float, lat: float, where: QPoint) -> None:
        menu = QMenu(self)
        incident = menu.addAction(self.tr("New incident here"))
        here = menu.addAction(self.tr("What is here?"))
        chosen = menu.exec(where)
        if chosen is incident:
            self.new_incident_requested.emit(lon, lat)
        elif chosen is here:
            self.what_is_here(lon, lat)

    def what_is_here(self, lon: float, lat: float) -> None:
        self.controller.what_is_here(lon, lat, lambda answer: self.view.send_command(
            "openInfo", lat, lon, map_cards.place_card(answer)))

    def _on_card_action(self, action: str, layer: str, _fid: str) -> None:
        if action == "layerShown" and layer:
            self.set_layer_visible(layer, True)

    def _on_error(self, err: DomainError) -> None:
        self.status.setText(err.message)

    # -- base map --------------------------------------------------------------------------------------
    def _base_config(self) -> dict | None:
        kind = self.settings.value(BASE_KEY, "none")
        self.view.tiles.set_file(None)
        self.view.allow_tile_host(None)
        if kind == "mbtiles":
            path = str(self.settings.value(MBTILES_KEY, ""))
            try:
                tiles = MBTiles(path)
            except DomainError as exc:
                self.status.setText(exc.message)
                return None
            self.view.tiles.set_file(tiles)
            lo, hi = tiles.zoom_range()
            tag = str(abs(hash((path, tiles.path.stat().st_mtime_ns))))
            return {"url": tile_url_template(tag), "minZoom": lo, "maxNativeZoom": hi, "kind": "mbtiles"}
        if kind == "xyz":
            url = str(self.settings.value(XYZ_KEY, ""))
            host = xyz_host(url)
            if host:
                self.view.allow_tile_host(host)
                return {"url": url, "maxNativeZoom": int(self.settings.value(XYZ_MAX_KEY, 18)), "kind": "xyz"}
        return None

    def _edit_base_map(self) -> None:
        if BaseMapDialog(self.settings, self).exec():
            self.apply_base_map()

    def apply_base_map(self) -> None:
        self.view.send_command("setBase", self._base_config())

    # -- overlays and exports --------------------------------------------------------------------------
    def _import_overlay(self) -> None:
        OverlayImportDialog(self.ctx, self).exec()

    def _export_html(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the map as HTML"), "safegrid-map.html",
                                              self.tr("Web page (*.html)"))
        if path:
            self.export_html(path)

    def export_html(self, path: str) -> None:
        def saved(_p) -> None:
            self.status.setText(self.tr("Map saved as {path}").format(path=path))

        self.view.evaluate("SafeGridMap.state()", lambda state: self.controller.export_html(
            path, {**(state or {}), "focus": self.controller.focus}, saved))

    def _export_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the map as an image"), "safegrid-map.png",
                                              self.tr("PNG image (*.png)"))
        if path and not self.view.snapshot().save(path):
            QMessageBox.warning(self, self.tr("Export"), self.tr("Could not write {path}").format(path=path))
