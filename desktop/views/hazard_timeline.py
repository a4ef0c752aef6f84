"""A ticket's timeline (oldest first): who did what when, the step's details, and the photos of
each step as thumbnails (a click asks for the full file)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from desktop import labels
from desktop.domain.hazard_terms import local_time
from desktop.services.hazards import AttachmentInfo, TimelineEntry

THUMB = 88
ACTION_COLOURS = {
    "report": "#8e24aa", "classify": "#1e88e5", "dismiss": "#9e9e9e", "assign": "#f57c00",
    "report_done": "#00897b", "reinspect_pass": "#43a047", "reinspect_fail": "#d32f2f", "note": "#607d8b",
    "attach": "#607d8b", "escalate": "#c62828",
}


class _Rail(QWidget):
    """The dot and the line linking one step to the next."""

    def __init__(self, colour: str, last: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour, self.last = QColor(colour), last
        self.setFixedWidth(18)

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = self.width() // 2
        if not self.last:
            p.setPen(QPen(QColor("#cfd8dc"), 2))
            p.drawLine(x, 14, x, self.height())
        p.setPen(QPen(QColor("white"), 2))
        p.setBrush(self.colour)
        p.drawEllipse(QPoint(x, 9), 6, 6)


def thumbnail_icon(info: AttachmentInfo) -> QIcon | None:
    if not info.thumbnail:
        return None
    pixmap = QPixmap()
    if not pixmap.loadFromData(info.thumbnail):
        return None
    return QIcon(pixmap)


class TimelineView(QWidget):
    attachment_clicked = Signal(object)   # AttachmentInfo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hazardTimeline")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.departments: Mapping[int, str] = {}
        self.thumbnails: list[QToolButton] = []

    def set_entries(self, entries: tuple[TimelineEntry, ...]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.thumbnails = []
        for i, e in enumerate(entries):
            self._layout.addWidget(self._entry(e, last=i == len(entries) - 1))

    def _entry(self, e: TimelineEntry, last: bool) -> QWidget:
        box = QWidget()
        box.setObjectName("timelineEntry")
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(_Rail(ACTION_COLOURS.get(e.action.value, "#607d8b"), last))
        body = QVBoxLayout()
        body.setContentsMargins(0, 0, 0, 10)
        body.setSpacing(2)
        head = QLabel(f"<b>{labels.hazard_action(e.action)}</b>"
                      + (f"　<span style='color:#5f6b7a'>{labels.hazard_status(e.from_status)} → "
                         f"{labels.hazard_status(e.to_status)}</span>" if e.from_status and e.from_status != e.to_status
                         else ""))
        name = self.tr("System (escalation run)") if e.actor == "system" else (e.actor_name or e.actor)
        who = QLabel(f"<span style='color:#5f6b7a'>{local_time(e.at).strftime('%Y-%m-%d %H:%M')}　"
                     f"{_esc(name)}</span>")
        body.addWidget(head)
        body.addWidget(who)
        for text in self._details(e):
            line = QLabel(text)
            line.setWordWrap(True)
            line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            body.addWidget(line)
        if e.attachments:
            body.addLayout(self._files(e.attachments))
        row.addLayout(body, 1)
        return box

    def _details(self, e: TimelineEntry) -> list[str]:
        d: Mapping[str, Any] = e.data
        out: list[str] = []
        a = e.action.value
        if a in ("report", "classify") and "severity" in d:
            out.append(f"{labels.severity(d['severity'])} · {labels.hazard_category(d['category'])}")
        if a == "classify":
            if d.get("unrouted"):
                out.append("<span style='color:#c62828'>" + self.tr("Unrouted: no boundary rule for the industry")
                           + "</span>")
            else:
                dept = self.departments.get(d.get("department_id") or -1, "")
                route = f"{dept}（{labels.tier(d['tier'])}）" if dept else labels.tier(d["tier"])
                out.append(self.tr("Routed to {route}").format(route=_esc(route)))
            if d.get("overridden"):
                out.append(self.tr("Route overridden: {reason}").format(reason=_esc(d.get("reason", ""))))
        if a in ("assign", "reinspect_fail") and "deadline" in d:
            out.append(self.tr("Responsible: {who}; deadline {day}").format(
                who=_esc(d.get("responsible", "")), day=date.fromisoformat(d["deadline"]).isoformat()))
        if a == "escalate":
            out.append(self.tr("Level {a} → {b}: {name}").format(
                a=d.get("from_level", 0), b=d.get("to_level", 0), name=labels.escalation_level(int(d.get("to_level", 0)))))
        elif e.note:
            out.append(_esc(e.note).replace("\n", "<br>"))
        return out

    def _files(self, files: tuple[AttachmentInfo, ...]) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(4)
        for f in files:
            b = QToolButton()
            b.setObjectName("attachmentThumb")
            icon = thumbnail_icon(f)
            if icon is not None:
                b.setIcon(icon)
                b.setIconSize(QSize(THUMB, THUMB))
                b.setFixedSize(THUMB + 6, THUMB + 6)
            else:
                b.setText("📄 " + f.filename[:18])
                b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.setToolTip(self.tr("{kind}: {name} ({size} KB) — click to open").format(
                kind=labels.attachment_kind(f.kind), name=f.filename, size=max(1, f.size // 1024)))
            b.setAutoRaise(True)
            b.clicked.connect(lambda _=False, info=f: self.attachment_clicked.emit(info))
            self.thumbnails.append(b)
            row.addWidget(b)
        row.addStretch(1)
        return row


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
