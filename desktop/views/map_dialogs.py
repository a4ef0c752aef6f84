"""Small dialogs of the map screen: the base map (this workstation's setting) and overlay import."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.errors import DomainError, ValidationError
from desktop.maps.mbtiles import MBTiles
from desktop.services import overlays

BASE_KEY = "map/base"            # "none" | "mbtiles" | "xyz"
MBTILES_KEY = "map/mbtiles_path"
XYZ_KEY = "map/xyz_url"
XYZ_MAX_KEY = "map/xyz_max_zoom"


def xyz_host(url: str) -> str | None:
    parts = urlsplit(url.replace("{", "").replace("}", ""))
    return parts.hostname if parts.scheme in ("http", "https") and parts.hostname else None


class BaseMapDialog(QDialog):
    """None (grids on a plain background), a local MBTiles file, or an intranet XYZ tile server."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Base map"))
        self.none = QRadioButton(self.tr("None: grids on a plain background"))
        self.mbtiles = QRadioButton(self.tr("Local MBTiles file"))
        self.xyz = QRadioButton(self.tr("Intranet tile server (XYZ URL template)"))
        group = QButtonGroup(self)
        for b in (self.none, self.mbtiles, self.xyz):
            group.addButton(b)
        self.path = QLineEdit(str(settings.value(MBTILES_KEY, "")))
        self.path.setObjectName("mbtilesPath")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self.url = QLineEdit(str(settings.value(XYZ_KEY, "")))
        self.url.setObjectName("xyzUrl")
        self.url.setPlaceholderText("http://tiles.intranet.local/{z}/{x}/{y}.png")
        self.max_zoom = QSpinBox()
        self.max_zoom.setRange(1, 22)
        self.max_zoom.setValue(int(settings.value(XYZ_MAX_KEY, 18)))
        self.error = QLabel()
        self.error.setObjectName("baseMapError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        kind = settings.value(BASE_KEY, "none")
        {"mbtiles": self.mbtiles, "xyz": self.xyz}.get(kind, self.none).setChecked(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("MBTiles file"), row)
        form.addRow(self.tr("Tile URL"), self.url)
        form.addRow(self.tr("Highest zoom of the server"), self.max_zoom)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for b in (self.none, self.mbtiles, self.xyz):
            layout.addWidget(b)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 0)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("MBTiles file"), self.path.text(),
                                              self.tr("MBTiles (*.mbtiles);;All files (*)"))
        if path:
            self.path.setText(path)
            self.mbtiles.setChecked(True)

    def _accept(self) -> None:
        if self.mbtiles.isChecked():
            try:
                MBTiles(self.path.text().strip()).close()
            except DomainError as exc:
                self.error.setText(exc.message)
                return
            kind = "mbtiles"
        elif self.xyz.isChecked():
            url = self.url.text().strip()
            if xyz_host(url) is None or not all(k in url for k in ("{z}", "{x}", "{y}")):
                self.error.setText(self.tr("The tile URL must be http(s) with {z}, {x} and {y} in it."))
                return
            kind = "xyz"
        else:
            kind = "none"
        self.settings.setValue(BASE_KEY, kind)
        self.settings.setValue(MBTILES_KEY, self.path.text().strip())
        self.settings.setValue(XYZ_KEY, self.url.text().strip())
        self.settings.setValue(XYZ_MAX_KEY, self.max_zoom.value())
        self.settings.sync()
        self.accept()


class OverlayImportDialog(QDialog):
    """A GeoJSON file becomes a named, coloured overlay kept in the database (all or nothing)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Import a GeoJSON overlay"))
        self.colour = QColor("#2e7d32")
        self.file = QLineEdit()
        self.file.setObjectName("overlayFile")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self.name = QLineEdit()
        self.name.setObjectName("overlayName")
        self.name.setPlaceholderText(self.tr("e.g. 应急避难场所"))
        self.colour_button = QPushButton()
        self.colour_button.setObjectName("overlayColour")
        self.colour_button.clicked.connect(self._pick_colour)
        self._show_colour()
        self.error = QLabel()
        self.error.setObjectName("overlayError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("GeoJSON file"), row)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Colour"), self.colour_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, 0)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("GeoJSON file"), "",
                                              self.tr("GeoJSON (*.geojson *.json);;All files (*)"))
        if path:
            self.file.setText(path)
            if not self.name.text().strip():
                self.name.setText(Path(path).stem)

    def _pick_colour(self) -> None:
        colour = QColorDialog.getColor(self.colour, self, self.tr("Overlay colour"))
        if colour.isValid():
            self.colour = colour
            self._show_colour()

    def _show_colour(self) -> None:
        self.colour_button.setText(self.colour.name())
        self.colour_button.setStyleSheet(f"background: {self.colour.name()}; color: white; font-weight: bold;")

    def submit(self) -> None:
        path = self.file.text().strip()
        if not path:
            self.error.setText(self.tr("Choose a GeoJSON file."))
            return
        name, colour, actor = self.name.text(), self.colour.name(), self.ctx.actor

        def run(uow):
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                raise ValidationError("file", f"cannot be read: {exc.strerror}") from None
            return overlays.import_overlay(uow, actor, name, colour, data, Path(path).name)

        self.buttons.setEnabled(False)
        self.error.setText(self.tr("Importing…"))
        self.ctx.ops.run(run, self._done, self._failed)

    def _done(self, _overlay_id: int) -> None:
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, err: DomainError) -> None:
        self.buttons.setEnabled(True)
        if isinstance(err, ValidationError):
            fields = {"file": self.tr("File"), "name": self.tr("Name"), "colour": self.tr("Colour")}
            self.error.setText(self.tr("Not imported — {field}: {reason}").format(
                field=fields.get(err.field, err.field), reason=err.reason))
        else:
            self.error.setText(self.tr("Not imported: {reason}").format(reason=err.message))
