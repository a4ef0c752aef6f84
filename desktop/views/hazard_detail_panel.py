"""The open ticket: badges, what and where, the actions this user may take now, the route and the
rectification, the enterprise card, the grid and its officer (一格一员), and the timeline."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop import labels
from desktop.domain.hazard_flow import HazardAction
from desktop.domain.hazard_terms import local_time
from desktop.models.hazard_cells import DUE_SOON_COLOUR, escalation_colour, overdue_colour
from desktop.services.hazards import HazardDetail
from desktop.views.hazard_timeline import TimelineView
from desktop.widgets.badges import Badge
from desktop.widgets.risk_badge import RiskBadge

A = HazardAction
# The panel's action buttons, in the loop's order; shortcuts are the screen's (see ACTION_KEYS).
ACTION_ORDER = (A.CLASSIFY, A.ASSIGN, A.REPORT_DONE, A.REINSPECT_PASS, A.REINSPECT_FAIL, A.DISMISS, A.NOTE, A.ATTACH)
ACTION_KEYS = {A.CLASSIFY: "F3", A.ASSIGN: "F4", A.REPORT_DONE: "F6", A.REINSPECT_PASS: "F7",
               A.REINSPECT_FAIL: "Shift+F7", A.DISMISS: "Ctrl+Shift+D", A.NOTE: "F8", A.ATTACH: "F9"}
PRIMARY = {A.CLASSIFY, A.ASSIGN, A.REPORT_DONE, A.REINSPECT_PASS}


def action_text(action: HazardAction) -> str:
    return {
        A.CLASSIFY: QCoreApplication.translate("HazardActions", "Classify…"),
        A.ASSIGN: QCoreApplication.translate("HazardActions", "Assign rectification…"),
        A.REPORT_DONE: QCoreApplication.translate("HazardActions", "Report done…"),
        A.REINSPECT_PASS: QCoreApplication.translate("HazardActions", "Re-inspect: pass…"),
        A.REINSPECT_FAIL: QCoreApplication.translate("HazardActions", "Re-inspect: fail…"),
        A.DISMISS: QCoreApplication.translate("HazardActions", "Dismiss…"),
        A.NOTE: QCoreApplication.translate("HazardActions", "Add note…"),
        A.ATTACH: QCoreApplication.translate("HazardActions", "Attach files…"),
    }[action]


class HazardDetailPanel(QScrollArea):
    action_requested = Signal(object)      # HazardAction
    attachment_clicked = Signal(object)    # AttachmentInfo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hazardDetail")
        self.setWidgetResizable(True)
        self.setMinimumWidth(380)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long names wrap instead
        self.detail: HazardDetail | None = None
        body = QWidget()
        body.setObjectName("hazardDetailBody")
        body.setStyleSheet(
            "QWidget#hazardDetailBody { background: white; }"
            "QLabel[role='section'] { font-weight: bold; color: #1f2d3d; border-bottom: 2px solid #c62828;"
            " padding: 8px 0 3px 0; }"
            "QLabel[role='caption'] { color: #5f6b7a; }")
        self.setWidget(body)
        self.code = QLabel()
        self.code.setObjectName("hazardCode")
        font = self.code.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.code.setFont(font)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badges = {k: Badge() for k in ("status", "severity", "overdue", "escalation")}
        self.place = QLabel()
        self.place.setObjectName("hazardPlace")
        self.place.setWordWrap(True)
        self.description = QLabel()
        self.description.setObjectName("hazardDescription")
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel()
        self.note.setObjectName("hazardDetailNote")
        self.note.setWordWrap(True)
        self.buttons: dict[HazardAction, QPushButton] = {}
        actions = QGridLayout()
        actions.setSpacing(4)
        for i, action in enumerate(ACTION_ORDER):
            b = QPushButton(action_text(action))
            b.setObjectName(f"action_{action.value}")
            b.setToolTip(f"{action_text(action).rstrip('…')} ({ACTION_KEYS[action]})")
            if action in PRIMARY:
                b.setStyleSheet("QPushButton { font-weight: bold; }")
            b.clicked.connect(lambda _=False, a=action: self.action_requested.emit(a))
            self.buttons[action] = b
            actions.addWidget(b, i // 2, i % 2)
        self.fields: dict[str, QLabel] = {}
        self.risk = RiskBadge()
        self.timeline = TimelineView()
        self.timeline.attachment_clicked.connect(self.attachment_clicked)

        col = QVBoxLayout(body)
        col.setContentsMargins(12, 10, 12, 10)
        col.addWidget(self.code)
        head = QHBoxLayout()
        head.setSpacing(4)
        for b in self.badges.values():
            head.addWidget(b)
        head.addStretch(1)
        col.addLayout(head)
        col.addWidget(self.place)
        col.addWidget(self.description)
        col.addWidget(self.note)
        self.actions_box = QWidget()
        self.actions_box.setLayout(actions)
        col.addWidget(self.actions_box)
        self._sections: list[QWidget] = []
        for title, keys in self._layout_spec():
            col.addWidget(self._section(title))
            form = QFormLayout()
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            form.setHorizontalSpacing(10)
            form.setVerticalSpacing(3)
            for key, caption in keys:
                value = QLabel()
                value.setTextFormat(Qt.TextFormat.PlainText if key != "route" else Qt.TextFormat.RichText)
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.fields[key] = value
                cap = QLabel(caption)
                cap.setProperty("role", "caption")
                if key == "risk":
                    line = QHBoxLayout()
                    line.addWidget(self.risk)
                    line.addWidget(value, 1)
                    form.addRow(cap, line)
                else:
                    form.addRow(cap, value)
            holder = QWidget()
            holder.setLayout(form)
            self._sections.append(holder)
            col.addWidget(holder)
        col.addWidget(self._section(self.tr("Timeline")))
        col.addWidget(self.timeline)
        col.addStretch(1)
        self.clear()

    def _section(self, title: str) -> QLabel:
        label = QLabel(title)
        label.setProperty("role", "section")
        self._sections.append(label)
        return label

    def _layout_spec(self) -> list[tuple[str, list[tuple[str, str]]]]:
        return [
            (self.tr("Ticket"), [("category", self.tr("Category")), ("source", self.tr("Source")),
                                 ("found", self.tr("Found")), ("supervisor", self.tr("Supervised by")),
                                 ("route", self.tr("Route"))]),
            (self.tr("Rectification"), [("responsible", self.tr("Responsible")), ("deadline", self.tr("Deadline")),
                                        ("rectifier", self.tr("Reported done by")), ("plan", self.tr("Plan")),
                                        ("result", self.tr("Re-inspection"))]),
            (self.tr("Enterprise"), [("enterprise", self.tr("Name")), ("risk", self.tr("Risk")),
                                     ("industry", self.tr("Industry")), ("lead", self.tr("Lead department")),
                                     ("credit", self.tr("Credit code")), ("address", self.tr("Address"))]),
            (self.tr("Grid"), [("grid", self.tr("Grid")), ("officer", self.tr("Grid officer")),
                               ("phone", self.tr("Phone"))]),
        ]

    # -- showing ------------------------------------------------------------------------------------
    def clear(self, note: str = "") -> None:
        self.detail = None
        self.code.setText(self.tr("No ticket open"))
        for b in self.badges.values():
            b.set_badge("", None)
        self.place.clear()
        self.description.clear()
        self.show_note(note or self.tr("Select a ticket in the list (Enter opens it)."))
        self.actions_box.setVisible(False)
        for w in self._sections:
            w.setVisible(False)
        self.timeline.set_entries(())

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def show_detail(self, d: HazardDetail, departments: Mapping[int, str] | None = None) -> None:
        self.detail = d
        r = d.row
        self.code.setText(r.code)
        self.badges["status"].set_badge(labels.hazard_status(r.status), labels.HAZARD_STATUS_COLOURS[r.status.value])
        self.badges["severity"].set_badge(labels.severity(r.severity), labels.SEVERITY_COLOURS[r.severity.value])
        if r.overdue_days:
            self.badges["overdue"].set_badge(self.tr("%n day(s) overdue", "", r.overdue_days),
                                             overdue_colour(r.overdue_days))
        elif r.deadline and r.status.value == "rectifying":
            self.badges["overdue"].set_badge(self.tr("Due {day}").format(day=r.deadline.isoformat()), DUE_SOON_COLOUR)
        else:
            self.badges["overdue"].set_badge("", None)
        level = r.escalation_level
        self.badges["escalation"].set_badge(labels.escalation_level(level) if level else "",
                                            escalation_colour(level) if level else None)
        self.place.setText(f"<b>{_esc(r.place)}</b>　<span style='color:#5f6b7a'>{_esc(r.street)} · "
                           f"{_esc(r.community)}</span>")
        self.description.setText(r.description)
        self.show_note("")
        grid = self.actions_box.layout()
        shown = [a for a in ACTION_ORDER if a in d.allowed]
        for action, button in self.buttons.items():
            grid.removeWidget(button)
            button.setVisible(action in d.allowed)
        for i, action in enumerate(shown):  # packed, in the loop's order: no holes
            grid.addWidget(self.buttons[action], i // 2, i % 2)
        self.actions_box.setVisible(bool(d.allowed & set(self.buttons)))
        f = self.fields
        f["category"].setText(labels.hazard_category(r.category))
        f["source"].setText(labels.hazard_source(d.source))
        f["found"].setText(f"{local_time(r.created_at).strftime('%Y-%m-%d %H:%M')}　{d.found_by}")
        f["supervisor"].setText(f"{d.supervisor}（{labels.tier(r.tier)}）" if d.supervisor else labels.tier(r.tier))
        if r.unrouted:
            f["route"].setText("<span style='color:#c62828'>" + self.tr(
                "Unrouted: the industry has no boundary rule (supervision gap)") + "</span>")
        else:
            f["route"].setText(_esc(r.department or self.tr("The street (public area)"))
                               + (f"<br><span style='color:#5f6b7a'>{_esc(d.route_note)}</span>" if d.route_note else ""))
        f["responsible"].setText(r.responsible or "—")
        f["deadline"].setText(r.deadline.isoformat() if r.deadline else "—")
        f["rectifier"].setText(d.rectifier or "—")
        f["plan"].setText(self.tr("Attached") if d.has_plan else self.tr("None"))
        returns = self.tr("returned %n time(s)", "", r.return_count) if r.return_count else ""
        result = {"passed": self.tr("Passed"), "failed": self.tr("Failed")}.get(r.reinspection.value, "—")
        f["result"].setText(f"{result}　{returns}".strip())
        e = d.enterprise
        self.risk.set_level(e.risk if e else None)
        self.risk.setVisible(e is not None)
        if e is not None:
            f["enterprise"].setText(e.name)
            f["risk"].setText(f"{labels.scale(e.scale)} · {labels.tier(e.tier)}")
            f["industry"].setText(e.industry)
            f["lead"].setText(e.lead_department or self.tr("None: supervision gap"))
            f["credit"].setText(e.credit_code)
            f["address"].setText(e.address or "—")
        else:
            f["enterprise"].setText(self.tr("Public area (no enterprise)"))
            for key in ("risk", "industry", "lead", "credit", "address"):
                f[key].setText("—")
        g = d.grid
        f["grid"].setText(f"{g.name}（{g.code}）· {labels.grid_level(g.level)}")
        f["officer"].setText(g.officer_name or self.tr("(none posted)"))
        f["phone"].setText(g.officer_phone or "—")
        for w in self._sections:
            w.setVisible(True)
        self.timeline.departments = departments or {}
        self.timeline.set_entries(d.timeline)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
