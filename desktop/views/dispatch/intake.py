"""Incident intake in under 30 seconds: type and severity by key, the place by typing (enterprise
address or name, grid name, or "lon, lat") with type-ahead, or a point from the map; the grid at
every level shown before saving; a warning (and a merge) when a similar incident is open nearby."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop import labels
from desktop.context import AppContext
from desktop.data.uow import UnitOfWork
from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.incident import IncidentType, Severity
from desktop.maps.queries import what_is_here
from desktop.services import incident_location, incidents
from desktop.services.incident_location import LocationCandidate, LocationInput
from desktop.services.locate import GridLocator
from desktop.views.dispatch.alive import run
from desktop.views.dispatch.dialog_buttons import dialog_buttons
from desktop.views.dispatch.messages import error_text

TYPE_KEYS = "1234567"
SEVERITY_KEYS = "QWER"
TYPEAHEAD_MS = 180


class LocatorCache:
    """The grid locator, built once off the GUI thread and shared by every intake."""

    def __init__(self) -> None:
        self.locator: GridLocator | None = None

    def get(self, uow: UnitOfWork) -> GridLocator:
        if self.locator is None:
            self.locator = GridLocator.from_session(uow.session)
        return self.locator


class IntakeDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        cache: LocatorCache,
        point: tuple[float, float] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intakeDialog")
        self.setWindowTitle(self.tr("New incident (call intake)"))
        self.ctx, self.cache = ctx, cache
        self.saved_id: int | None = None
        self.merged_into: int | None = None
        self.preview: incidents.LocationPreview | None = None
        self._loc: LocationInput | None = None
        self._gen = 0
        self._busy = False
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=TYPEAHEAD_MS)
        self._timer.timeout.connect(self._lookup)
        if point is not None:
            self.set_point(*point)
        self.location.setFocus()

    # -- layout ------------------------------------------------------------------------------
    def _choice_row(self, values, label, keys: str, name: str) -> tuple[QWidget, QButtonGroup]:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        group = QButtonGroup(self)
        for i, value in enumerate(values):
            b = QPushButton(label(value))
            b.setObjectName(f"{name}_{value}")
            b.setCheckable(True)
            b.setShortcut(QKeySequence(f"Alt+{keys[i]}"))
            b.setToolTip(f"Alt+{keys[i]}")
            b.setProperty("value", str(value))
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field; the keys pick
            group.addButton(b, i)
            row.addWidget(b)
        row.addStretch(1)
        group.setExclusive(True)
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return box, group

    def _build(self) -> None:
        types, self.type_group = self._choice_row(list(IncidentType), labels.incident_type, TYPE_KEYS, "type")
        sev, self.severity_group = self._choice_row(
            list(Severity), labels.incident_severity, SEVERITY_KEYS, "severity"
        )
        self.type_group.button(0).setChecked(True)
        self.severity_group.button(1).setChecked(True)  # level III until told otherwise
        self.location = QLineEdit()
        self.location.setObjectName("intakeLocation")
        self.location.setPlaceholderText(self.tr("Enterprise, address, grid name, or “117.18, 34.26”"))
        self.location.textEdited.connect(self._on_location_edited)
        self.location.installEventFilter(self)
        self.candidates = QListWidget()
        self.candidates.setObjectName("intakeCandidates")
        self.candidates.setMaximumHeight(150)
        self.candidates.setVisible(False)
        self.candidates.itemActivated.connect(self._choose)
        self.candidates.itemClicked.connect(self._choose)
        self.place = QLabel()
        self.place.setObjectName("intakePlace")
        self.place.setWordWrap(True)
        self.similar = QFrame()
        self.similar.setObjectName("intakeSimilar")
        self.similar.setStyleSheet(
            "QFrame#intakeSimilar { background: #fff8e1; border: 1px solid #ffb300; border-radius: 4px; }"
        )
        self.similar_text = QLabel()
        self.similar_text.setObjectName("intakeSimilarText")
        self.similar_text.setWordWrap(True)
        self.merge_button = QPushButton()
        self.merge_button.setObjectName("intakeMerge")
        self.merge_button.clicked.connect(self.save_as_duplicate)
        srow = QHBoxLayout(self.similar)
        srow.addWidget(self.similar_text, 1)
        srow.addWidget(self.merge_button)
        self.similar.setVisible(False)
        self.caller = QLineEdit()
        self.caller.setObjectName("intakeCaller")
        self.phone = QLineEdit()
        self.phone.setObjectName("intakePhone")
        self.description = QPlainTextEdit()
        self.description.setObjectName("intakeDescription")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(70)
        self.error = QLabel()
        self.error.setObjectName("intakeError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Type"), types)
        form.addRow(self.tr("Severity"), sev)
        form.addRow(self.tr("Location"), self.location)
        form.addRow("", self.candidates)
        form.addRow(self.tr("Grids"), self.place)
        form.addRow("", self.similar)
        form.addRow(self.tr("Caller"), self.caller)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Description"), self.description)
        buttons, self.save_button = dialog_buttons(self, self.tr("Log the call"), connect_ok=False)
        self.save_button.setObjectName("intakeSave")
        self.save_button.setToolTip(self.tr("Save the incident (Ctrl+Enter)"))
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        buttons.accepted.connect(self.save)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, activated=self.save)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setStyleSheet("QPushButton:checked { background: #c62828; color: white; font-weight: 700;"
                           " border: 1px solid #8e0000; border-radius: 3px; padding: 4px 10px; }"
                           "QPushButton[value] { padding: 4px 10px; }")
        self.resize(780, 480)

    # -- location ------------------------------------------------------------------------------
    def set_point(self, lon: float, lat: float) -> None:
        self._loc = LocationInput(lon=lon, lat=lat)
        self.location.setText(self.tr("Map point {lon:.6f}, {lat:.6f}").format(lon=lon, lat=lat))
        self.candidates.setVisible(False)
        self._preview(self._loc)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override: arrows walk the list
        if obj is self.location and event.type() == event.Type.KeyPress and self.candidates.isVisible():
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.candidates.count() - 1, self.candidates.currentRow() + step))
                self.candidates.setCurrentRow(row)
                return True
            if (
                key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
            ):
                item = self.candidates.currentItem() or self.candidates.item(0)
                if item is not None:
                    self._choose(item)
                return True
        return super().eventFilter(obj, event)

    def _on_location_edited(self, _text: str) -> None:
        self._loc = None
        self._timer.start()

    def _lookup(self) -> None:
        text = self.location.text().strip()
        self._gen += 1
        gen = self._gen
        if not text:
            self.candidates.setVisible(False)
            return
        coords = incident_location.parse_coordinates(text)
        if coords is not None:
            self._loc = LocationInput(lon=coords[0], lat=coords[1])
            self.candidates.setVisible(False)
            self._preview(self._loc)
            return
        run(self,
            lambda uow: incident_location.location_candidates(uow, text, limit=8),
            lambda found: self._show_candidates(gen, found),
            self._on_error,
            write=False,
        )

    def _show_candidates(self, gen: int, found: list[LocationCandidate]) -> None:
        if gen != self._gen:
            return
        self.candidates.clear()
        for c in found:
            what = c.address if c.kind == "enterprise" else labels.grid_level(c.address)
            item = QListWidgetItem(f"{c.label}  —  {what}")
            item.setData(Qt.ItemDataRole.UserRole, c)
            self.candidates.addItem(item)
        self.candidates.setVisible(bool(found))
        if found:
            self.candidates.setCurrentRow(0)
        else:
            hint = self.tr("No match yet: keep typing, or type coordinates.")
            self.place.setText(f"<span style='color:#c62828'>{escape(hint)}</span>")

    def _choose(self, item: QListWidgetItem) -> None:
        c: LocationCandidate = item.data(Qt.ItemDataRole.UserRole)
        self._loc = (
            LocationInput(enterprise_id=c.id) if c.kind == "enterprise" else LocationInput(grid_id=c.id)
        )
        self.location.setText(c.label)
        self.candidates.setVisible(False)
        self._gen += 1
        self._preview(self._loc)

    def _preview(self, loc: LocationInput) -> None:
        self._gen += 1
        gen, cache = self._gen, self.cache
        self.place.setText(self.tr("Finding the grids…"))

        def work(uow: UnitOfWork):
            locator = cache.get(uow)
            pre = incidents.preview_location(uow, loc, locator=locator)
            return pre, what_is_here(uow, locator, pre.lon, pre.lat)

        run(self,
            work,
            lambda result: self._show_preview(gen, *result),
            lambda err: self._preview_failed(gen, err),
            write=False,
        )

    def _show_preview(self, gen: int, pre: incidents.LocationPreview, here) -> None:
        if gen != self._gen:
            return
        self.preview = pre
        chain = " › ".join(f"<b>{escape(h.name)}</b>" for h in here.hits)
        officer = next((h for h in reversed(here.hits) if h.officer), None)
        extra = ""
        if officer is not None:
            who = self.tr("Grid officer {name} {phone}").format(name=officer.officer, phone=officer.phone)
            extra = f"<br><span style='color:#546e7a'>{escape(who)}</span>"

        coords = f"{pre.lon:.6f}, {pre.lat:.6f}"
        where = pre.address if pre.address == coords else f"{pre.address} ({coords})"
        self.place.setText(f"{chain}<br><span style='color:#546e7a'>{escape(where)}</span>{extra}")
        self.error.clear()
        self._show_similar(pre.similar)

    def _preview_failed(self, gen: int, err: DomainError) -> None:
        if gen == self._gen:
            self.preview = None
            self.place.setText(f"<span style='color:#c62828'>{escape(error_text(err))}</span>")
            self._show_similar(())

    def _show_similar(self, similar) -> None:
        self.similar.setVisible(bool(similar))
        if not similar:
            return
        lines = [
            self.tr("{code}: {type}, {status}, {m:.0f} m away, {min:.0f} min apart — {address}").format(
                code=s.code,
                type=labels.incident_type(s.type),
                status=labels.incident_status(s.status),
                m=s.distance_m,
                min=s.minutes_apart,
                address=s.address,
            )
            for s in similar[:3]
        ]
        head = self.tr("A similar incident is open nearby — is this the same one?")
        self.similar_text.setText(f"<b>⚠ {escape(head)}</b><br>" + "<br>".join(escape(x) for x in lines))
        self.merge_button.setText(self.tr("Add to {code} as a repeat call").format(code=similar[0].code))
        self.merge_button.setToolTip(
            self.tr(
                "Log this call and merge it into {code}: its caller and description go "
                "to that incident's timeline"
            ).format(code=similar[0].code)
        )

    # -- saving --------------------------------------------------------------------------------
    def _input(self) -> incidents.IncidentInput:
        loc = self._loc or LocationInput(text=self.location.text())
        return incidents.IncidentInput(
            type=self.type_group.checkedButton().property("value"),
            severity=self.severity_group.checkedButton().property("value"),
            location=loc,
            caller=self.caller.text(),
            phone=self.phone.text(),
            description=self.description.toPlainText(),
        )

    def save(self) -> None:
        self._submit(None)

    def save_as_duplicate(self) -> None:
        if self.preview is not None and self.preview.similar:
            self._submit(self.preview.similar[0].id)

    def _submit(self, merge_into: int | None) -> None:
        if self._busy:
            return
        self._busy = True
        self.save_button.setEnabled(False)
        data, actor, cache = self._input(), self.ctx.actor, self.cache

        def work(uow: UnitOfWork) -> tuple[int, int | None]:
            result = incidents.report_incident(uow, actor, data, locator=cache.get(uow))
            new = result.incident.row
            if merge_into is None:
                return new.id, None
            incidents.merge_incident(
                uow, actor, new.id, merge_into, duplicate_version=new.version, into_version=None
            )
            return new.id, merge_into

        run(self, work, self._on_saved, self._on_error)

    def _on_saved(self, ids: tuple[int, int | None]) -> None:
        self._busy = False
        self.saved_id, self.merged_into = ids
        self.accept()

    def _on_error(self, err: DomainError) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        self.error.setText(error_text(err))
        if isinstance(err, ValidationError):
            target = {
                "location": self.location,
                "caller": self.caller,
                "phone": self.phone,
                "description": self.description,
            }.get(err.field)
            if target is not None:
                target.setFocus()
