"""Live positions inside the app: the position receiver on this workstation, its status-bar light,
and the tracking settings dialog (administrators).

When the shared "tracking" setting is enabled (and this workstation has not opted out), the
receiver (a threaded HTTP server, desktop/tracking/receiver.py) starts off the GUI thread at
start-up and stops when the window closes. Each stored report wakes the change feed at once, so
the board and the map move without waiting for the next poll.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.data.feed import Changes
from desktop.data.uow import UnitOfWork
from desktop.domain.dispatch_settings import TrackingSettings
from desktop.domain.errors import DomainError
from desktop.services import dispatch_settings
from desktop.services.common import Permission
from desktop.views.dispatch.alive import run
from desktop.views.dispatch.dialog_buttons import dialog_buttons
from desktop.views.dispatch.messages import error_text

log = logging.getLogger(__name__)
HERE_KEY = "tracking/this_workstation"  # QSettings: this workstation runs the receiver (default yes)
GREEN, GREY, RED = "#1b873f", "#78909c", "#c62828"


class TrackingController(QObject):
    """Owns the receiver of this workstation; `state_changed` after every start, stop or failure."""

    state_changed = Signal()
    _stored = Signal()  # emitted on the receiver's threads, delivered on the GUI thread

    def __init__(self, ctx: AppContext, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.qsettings = ctx, settings
        self.receiver = None
        self.config: TrackingSettings | None = None
        self.error = ""
        self.stored_count = 0
        self._stored.connect(self._on_stored, Qt.ConnectionType.QueuedConnection)
        ctx.sync.changes_committed.connect(self._on_changes)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    @property
    def running(self) -> bool:
        return self.receiver is not None

    @property
    def here(self) -> bool:
        return str(self.qsettings.value(HERE_KEY, "true")).lower() in ("true", "1")

    def start(self) -> None:
        """Read the setting; start (or restart) the receiver if it is on for this workstation."""
        run(self, dispatch_settings.get_tracking_settings, self._apply, self._failed, write=False)

    def _apply(self, config: TrackingSettings) -> None:
        same = (self.config is not None and self.running and (config.host, config.port) ==
                (self.config.host, self.config.port) and config.enabled)
        self.config = config
        if same:
            return
        self.stop()
        if not config.enabled or not self.here:
            self.state_changed.emit()
            return
        from desktop.tracking.receiver import PositionReceiver

        db, notify = self.ctx.db, self._stored.emit

        def launch(_uow: UnitOfWork) -> PositionReceiver:
            # Binds the socket and builds the grid locator (a second or so) off the GUI thread.
            receiver = PositionReceiver(db, config, on_stored=lambda _report: notify())
            receiver.start()
            return receiver

        # Not guarded: should this controller be gone when the server is up, it must still be stopped.
        self.ctx.ops.run(launch, self._started_or_stop, self._failed, write=False)

    def _started_or_stop(self, receiver) -> None:
        if not shiboken6.isValid(self):
            receiver.stop()
            return
        self._started(receiver)

    def _started(self, receiver) -> None:
        self.receiver, self.error = receiver, ""
        log.info("position receiver on %s", receiver.url)
        self.state_changed.emit()

    def _failed(self, err: DomainError) -> None:
        self.error = error_text(err)
        self.state_changed.emit()

    def stop(self) -> None:
        receiver, self.receiver = self.receiver, None
        if receiver is not None:
            receiver.stop()
            self.state_changed.emit()

    def _on_stored(self) -> None:
        self.stored_count += 1
        self.ctx.sync.refresh()  # read the feed now: the marker moves without waiting for the poll
        if self.stored_count % 10 == 1:
            self.state_changed.emit()

    def _on_changes(self, changes: Changes) -> None:
        if "tracking" in changes.ids("setting"):
            self.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Close:
            self.stop()
        return False


class TrackingIndicator(QLabel):
    """The status-bar light: receiving (address, reports), off, or failed."""

    def __init__(self, controller: TrackingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trackingLabel")
        self.controller = controller
        controller.state_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        c = self.controller
        if c.running:
            host, port = c.receiver.address
            text = self.tr("● Positions: receiving on {host}:{port} ({n} reports)").format(
                host=host, port=port, n=c.stored_count)
            colour = GREEN
        elif c.error:
            text, colour = self.tr("● Positions: receiver failed"), RED
        elif c.config is not None and c.config.enabled and not c.here:
            text, colour = self.tr("○ Positions: received on another workstation"), GREY
        else:
            text, colour = self.tr("○ Positions: receiver off"), GREY
        self.setText(text)
        self.setStyleSheet(f"color: {colour};")
        self.setToolTip(c.error or self.tr("Live positions from Traccar Client / OsmAnd trackers"))


class TrackingDialog(QDialog):
    """The shared tracking setting (enabled, address, port) and this workstation's part in it."""

    def __init__(self, ctx: AppContext, controller: TrackingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Live positions (trackers)"))
        self.ctx, self.controller = ctx, controller
        self.version: int | None = None
        self.loaded = False
        self.enabled = QCheckBox(self.tr("Receive positions from trackers"))
        self.enabled.setObjectName("trackingEnabled")
        self.host = QLineEdit()
        self.host.setObjectName("trackingHost")
        self.host.setToolTip(self.tr("127.0.0.1: this computer only; the workstation's LAN address: phones on "
                                     "the duty-room network"))
        self.port = QSpinBox()
        self.port.setObjectName("trackingPort")
        self.port.setRange(1, 65535)
        self.here = QCheckBox(self.tr("Run the receiver on this workstation"))
        self.here.setObjectName("trackingHere")
        self.here.setChecked(controller.here)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("trackingError")
        self.error.setStyleSheet(f"color: {RED};")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.enabled)
        form.addRow(self.tr("Listen address"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.here)
        self.buttons, _save = dialog_buttons(self, self.tr("Save"), connect_ok=False)
        self.buttons.accepted.connect(self.save)
        col = QVBoxLayout(self)
        col.addLayout(form)
        col.addWidget(self.hint)
        col.addWidget(self.error)
        col.addWidget(self.buttons)
        self.host.textChanged.connect(self._hint)
        self.port.valueChanged.connect(self._hint)
        run(self, lambda uow: dispatch_settings.settings_record(uow, dispatch_settings.TRACKING_KEY),
                    self._load, lambda err: self.error.setText(error_text(err)), write=False)

    def _load(self, record: dispatch_settings.SettingsRecord) -> None:
        self.version, self.loaded = record.version, True
        v = record.values
        self.enabled.setChecked(bool(v["enabled"]))
        self.host.setText(str(v["host"]))
        self.port.setValue(int(v["port"]))

    def _hint(self) -> None:
        self.hint.setText(self.tr("In Traccar Client (or OsmAnd) on each phone, set the server URL to "
                                  "http://{host}:{port}/ and the device id to the one on the member's card.").format(
            host=self.host.text(), port=self.port.value()))

    def save(self) -> None:
        self.controller.qsettings.setValue(HERE_KEY, self.here.isChecked())
        actor, version = self.ctx.actor, self.version
        changes = {"enabled": self.enabled.isChecked(), "host": self.host.text().strip(), "port": self.port.value()}
        run(self, lambda uow: dispatch_settings.update_settings(
            uow, actor, dispatch_settings.TRACKING_KEY, changes, expected_version=version),
            lambda _r: (self.controller.start(), self.accept()), lambda err: self.error.setText(error_text(err)))


def install_tracking(window: QMainWindow, ctx: AppContext, settings: QSettings) -> TrackingController:
    """The controller, its status-bar light and the File menu entry, on `window`; starts it."""
    controller = TrackingController(ctx, settings, window)
    window.installEventFilter(controller)
    window.statusBar().addPermanentWidget(TrackingIndicator(controller))
    action = QAction(QCoreApplication.translate("Tracking", "Live positions (trackers)…"), window)
    action.setObjectName("trackingSettings")
    action.setEnabled(ctx.actor.can(Permission.CONFIGURE))
    action.triggered.connect(lambda: TrackingDialog(ctx, controller, window).exec())
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    if menus:
        menus[0].insertAction(menus[0].actions()[0] if menus[0].actions() else None, action)
    controller.start()
    return controller
