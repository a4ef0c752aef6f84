"""The selected incident: what, where (every grid level), who called, response times against the
targets, the lifecycle actions its `allowed` set permits, the recommendation and dispatch, the
units sent and the timeline."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import formats as fmt
from desktop import labels
from desktop.context import AppContext
from desktop.data.feed import Changes
from desktop.domain.errors import DomainError
from desktop.models.dispatch_models import MET, MISSED, dispatch_model, response_colour, timeline_model
from desktop.services import incident_queries, incidents
from desktop.services.common import Permission
from desktop.services.incident_queries import IncidentDetail
from desktop.views.admin_message import Kind, MessageBar
from desktop.views.dispatch import incident_dialogs
from desktop.views.dispatch.alive import run
from desktop.views.dispatch.board import table
from desktop.views.dispatch.messages import error_text
from desktop.views.dispatch.recommend import RecommendPanel
from desktop.views.dispatch.timeline_text import describe
from desktop.widgets.badges import BadgeDelegate

GREY = "#607d8b"
AMBER = "#ef6c00"
LIVE_DELAY_MS = 40  # a dispatch moves the board and the map first; the detail follows


def pill(text: str, colour) -> str:
    c = colour.name() if colour is not None else GREY
    return f"<span style='background:{c}; color:white; font-weight:600'>&nbsp;{escape(text)}&nbsp;</span>"


class IncidentPanel(QWidget):
    changed = Signal(int)  # an action on this incident succeeded

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: IncidentDetail | None = None
        self.incident_id: int | None = None
        self._gen = 0
        self.can = ctx.actor.can(Permission.DISPATCH)
        self._build()
        self._clock = QTimer(self, interval=1000)  # the call→dispatch clock runs while it waits
        self._clock.timeout.connect(self._show_response)
        self._clock.start()
        self._later = QTimer(self, singleShot=True, interval=LIVE_DELAY_MS)
        self._later.timeout.connect(self.reload)
        ctx.sync.changes_committed.connect(self._on_changes)
        self.show_incident(None)

    def _build(self) -> None:
        self.header = QLabel()
        self.header.setObjectName("incidentHeader")
        self.header.setWordWrap(True)
        self.response = QLabel()
        self.response.setObjectName("incidentResponse")
        self.response.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, tip, slot in (
            ("on_scene", self.tr("On scene"), self.tr("First arrival reported by phone"), self.mark_on_scene),
            ("hand_over", self.tr("Hand over…"), self.tr("The fire and rescue service takes command (移交)"),
             self._ask_hand_over),
            ("close", self.tr("Close…"), self.tr("Close the incident (a reason unless handed over)"), self._ask_close),
            ("note", self.tr("Note…"), self.tr("Add a note to the timeline"), self._ask_note),
            ("edit", self.tr("Edit…"), self.tr("Correct type, severity, caller, description"), self._ask_edit),
            ("merge", self.tr("Merge…"), self.tr("This is a repeat call: merge it into another open incident"),
             self._ask_merge),
        ):
            b = QPushButton(text)
            b.setObjectName(f"action_{key}")
            b.setToolTip(tip)
            b.clicked.connect(slot)
            row.addWidget(b)
            self.buttons[key] = b
        row.addStretch(1)
        self.messages = MessageBar()
        self.recommend = RecommendPanel(self.ctx)
        self.recommend.dispatched.connect(lambda r: self.changed.emit(r.incident_id))
        self.timeline = timeline_model(self, describe)
        self.timeline_view = table("timelineTable", self.timeline)
        self.timeline_view.setWordWrap(True)
        em = self.fontMetrics().horizontalAdvance("中")
        self.timeline_view.horizontalHeader().resizeSection(0, em * 6)
        self.timeline_view.horizontalHeader().resizeSection(1, em * 5)
        self.units = dispatch_model(self)
        self.units_view: QTableView = table("dispatchTable", self.units)
        self.units_view.setItemDelegateForColumn(3, BadgeDelegate(self.units_view))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("incidentTabs")
        self.tabs.addTab(self.recommend, self.tr("Recommendation and dispatch"))
        self.tabs.addTab(self.timeline_view, self.tr("Timeline"))
        self.tabs.addTab(self.units_view, self.tr("Units sent"))
        col = QVBoxLayout(self)
        col.setContentsMargins(6, 0, 0, 0)
        col.addWidget(self.header)
        col.addWidget(self.response)
        col.addLayout(row)
        col.addWidget(self.messages)
        col.addWidget(self.tabs, 1)

    # -- loading --------------------------------------------------------------------------------
    def show_incident(self, incident_id: int | None) -> None:
        if incident_id != self.incident_id:
            self.messages.dismiss()
        self.incident_id = incident_id
        if incident_id is None:
            self.detail = None
            self.header.setText(f"<p style='color:{GREY}'>" + escape(self.tr(
                "Select an incident, or log a new call (Ctrl+N).")) + "</p>")
            self.response.clear()
            self._enable(frozenset())
            self.timeline.set_rows([])
            self.units.set_rows([])
            self.recommend.show_incident(None, False)
            return
        self.reload()

    def reload(self) -> None:
        if self.incident_id is None:
            return
        self._gen += 1
        gen, iid = self._gen, self.incident_id
        run(self, lambda uow: incident_queries.incident_detail(uow, iid),
                         lambda d: self._on_detail(gen, d), lambda err: self._on_failed(gen, err), write=False)

    def _on_detail(self, gen: int, d: IncidentDetail) -> None:
        if gen != self._gen:
            return
        first = self.detail is None or self.detail.row.id != d.row.id
        self.detail = d
        self._show_header(d)
        self._show_response()
        self._enable(d.allowed)
        self.timeline.set_rows(list(d.timeline))
        self.units.set_rows(list(d.dispatches))
        if first:
            self.timeline_view.scrollToBottom()
        self.recommend.show_incident(d.row.id, self.can and "dispatch" in d.allowed)

    def _on_failed(self, gen: int, err: DomainError) -> None:
        if gen == self._gen:
            self.messages.show_message(error_text(err), Kind.ERROR)

    def _on_changes(self, changes: Changes) -> None:
        if self.incident_id is not None and str(self.incident_id) in changes.ids("incident"):
            self._later.start()  # a moment later: the board's and the map's reads go first

    def _enable(self, allowed: frozenset[str]) -> None:
        for key, b in self.buttons.items():
            b.setEnabled(self.can and key in allowed)

    # -- showing --------------------------------------------------------------------------------
    def _show_header(self, d: IncidentDetail) -> None:
        r = d.row
        grids = " › ".join(escape(g.name) for g in d.grids)
        lines = [
            f"<span style='font-size:19px; font-weight:700; color:#b71c1c'>{escape(r.code)}</span> "
            f"<span style='font-size:17px; font-weight:700'>{escape(labels.incident_type(r.type))}</span> "
            + pill(labels.incident_severity(r.severity), labels.INCIDENT_SEVERITY_COLOURS.get(str(r.severity)))
            + " " + pill(labels.incident_status(r.status), labels.INCIDENT_STATUS_COLOURS.get(str(r.status))),
            f"<b>{escape(r.address)}</b>" + (f" · {escape(d.enterprise)}" if d.enterprise else ""),
            f"<span style='color:{GREY}'>{grids}</span>",
        ]
        who = self.tr("Called {time} by {caller} {phone}").format(
            time=fmt.stamp(r.reported_at), caller=r.caller or self.tr("(no name)"), phone=d.phone)
        lines.append(escape(who))
        if d.description:
            lines.append(f"<i>{escape(d.description)}</i>")
        if d.handed_over_to:
            lines.append(escape(self.tr("Handed over to {whom} at {time}").format(
                whom=d.handed_over_to, time=fmt.stamp(d.handed_over_at))))
        if d.closed_at is not None:
            lines.append(escape(self.tr("Closed at {time}: {reason}").format(
                time=fmt.stamp(d.closed_at), reason=d.close_reason or self.tr("after hand-over"))))
        if d.merged_from:
            lines.append(escape(self.tr("Repeat calls merged in: {codes}").format(codes=", ".join(d.merged_from))))
        self.header.setText("<br>".join(lines))

    def _show_response(self) -> None:
        d = self.detail
        if d is None:
            return
        t = d.row.response
        now = datetime.now(UTC)

        def figure(label: str, value: float | None, target: float, running_from: datetime | None) -> str:
            if value is None and running_from is not None and d.closed_at is None:
                waited = (now - running_from).total_seconds()
                colour = MISSED.name() if waited > target else AMBER
                text = self.tr("{label}: waiting {time} (target {target})").format(
                    label=label, time=fmt.duration(waited), target=fmt.duration(target))
                return f"<b style='color:{colour}'>◷ {escape(text)}</b>"
            if value is None:
                return f"<span style='color:{GREY}'>{escape(label)}: —</span>"
            colour = response_colour(value, target).name()
            mark = "✓" if colour == MET.name() else "✗"
            text = self.tr("{label}: {time} (target {target})").format(
                label=label, time=fmt.duration(value), target=fmt.duration(target))
            return f"<b style='color:{colour}'>{mark} {escape(text)}</b>"

        self.response.setText("    ".join((
            figure(self.tr("Call → dispatch"), t.call_to_dispatch_s, t.dispatch_target_s, d.row.reported_at),
            figure(self.tr("Dispatch → first arrival"), t.dispatch_to_arrival_s, t.arrival_target_s,
                   d.dispatched_at),
        )))

    # -- actions --------------------------------------------------------------------------------
    def _act(self, fn, done_text: str) -> None:
        d = self.detail
        if d is None:
            return
        run(self, fn, lambda _r: self._acted(done_text), self._refused)

    def _acted(self, text: str) -> None:
        self.messages.show_message(text, Kind.INFO)
        if self.incident_id is not None:
            self.changed.emit(self.incident_id)
        self.reload()

    def _refused(self, err: DomainError) -> None:
        self.messages.show_message(error_text(err), Kind.ERROR)
        self.reload()

    def mark_on_scene(self) -> None:
        if self.detail is None:
            return
        actor, iid, v = self.ctx.actor, self.detail.row.id, self.detail.row.version
        self._act(lambda uow: incidents.mark_on_scene(uow, actor, iid, expected_version=v),
                  self.tr("Marked on scene."))

    def hand_over(self, to: str, note: str = "") -> None:
        if self.detail is None:
            return
        actor, iid, v = self.ctx.actor, self.detail.row.id, self.detail.row.version
        self._act(lambda uow: incidents.hand_over(uow, actor, iid, to=to, note=note, expected_version=v),
                  self.tr("Handed over to {whom}.").format(whom=to))

    def close_incident(self, reason: str) -> None:
        if self.detail is None:
            return
        actor, iid, v = self.ctx.actor, self.detail.row.id, self.detail.row.version
        self._act(lambda uow: incidents.close_incident(uow, actor, iid, reason=reason, expected_version=v),
                  self.tr("Incident closed."))

    def add_note(self, text: str) -> None:
        if self.detail is None:
            return
        actor, iid = self.ctx.actor, self.detail.row.id
        self._act(lambda uow: incidents.add_note(uow, actor, iid, text), self.tr("Note added."))

    def edit_details(self, **fields) -> None:
        if self.detail is None:
            return
        actor, iid, v = self.ctx.actor, self.detail.row.id, self.detail.row.version
        self._act(lambda uow: incidents.update_incident(uow, actor, iid, expected_version=v, **fields),
                  self.tr("Details saved."))

    def merge_into(self, into_id: int, into_version: int | None) -> None:
        if self.detail is None:
            return
        actor, iid, v = self.ctx.actor, self.detail.row.id, self.detail.row.version
        self._act(lambda uow: incidents.merge_incident(uow, actor, iid, into_id, duplicate_version=v,
                                                       into_version=into_version),
                  self.tr("Merged into the other incident."))

    def _ask_hand_over(self) -> None:
        if self.detail is not None and (answer := incident_dialogs.ask_hand_over(self)):
            self.hand_over(*answer)

    def _ask_close(self) -> None:
        if self.detail is not None:
            reason = incident_dialogs.ask_close(self, needs_reason=self.detail.row.status != "handed_over")
            if reason is not None:
                self.close_incident(reason)

    def _ask_note(self) -> None:
        if self.detail is not None and (text := incident_dialogs.ask_note(self)):
            self.add_note(text)

    def _ask_edit(self) -> None:
        if self.detail is not None and (fields := incident_dialogs.ask_edit(self, self.detail)):
            self.edit_details(**fields)

    def _ask_merge(self) -> None:
        if self.detail is not None:
            incident_dialogs.ask_merge(self.ctx, self, self.detail, self.merge_into)
