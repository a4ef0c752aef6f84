"""A squad member's card: status, contact, certifications with expiry, shifts, recent dispatches
and this quarter's assessment (roster.member_detail)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop import formats as fmt
from desktop import labels
from desktop.services.roster import MemberDetail

GREY = "#607d8b"


def _colour(c) -> str:
    return c.name() if c is not None else GREY


class MemberCard(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberCard")
        self.detail: MemberDetail | None = None
        self.body = QLabel()
        self.body.setObjectName("memberCardBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.body)
        layout.addStretch(1)
        self.show_message(self.tr("Select a member to see their card."))

    def show_message(self, text: str) -> None:
        self.detail = None
        self.body.setText(f"<p style='color:{GREY}'>{escape(text)}</p>")

    @staticmethod
    def _head(text: str) -> str:
        return f"<h4 style='margin-bottom:2px; color:#1f2d3d'>{escape(text)}</h4>"

    def _table(self, head: list[str], rows: list[list[str]]) -> str:
        if not rows:
            none = self.tr("None recorded.")
            return f"<p style='color:{GREY}'>{escape(none)}</p>"
        th = "".join(
            f"<th align='left' style='color:{GREY}; padding-right:10px'>{escape(h)}</th>" for h in head
        )
        body = "".join(
            "<tr>" + "".join(f"<td style='padding-right:10px'>{c}</td>" for c in r) + "</tr>" for r in rows
        )
        return f"<table cellspacing='0' cellpadding='2'><tr>{th}</tr>{body}</table>"

    def show_detail(self, d: MemberDetail) -> None:
        self.detail = d
        r = d.row
        colour = _colour(labels.MEMBER_STATUS_COLOURS.get(str(r.status)))
        status = (
            f"<span style='background:{colour}; color:white; padding:2px 8px; border-radius:8px'>"
            f"&nbsp;{escape(labels.member_status(r.status))}&nbsp;</span>"
        )
        overdue, since = self.tr("check-in overdue"), self.tr("since {t}").format(t=fmt.stamp(r.status_since))
        incident = self.tr("Incident {code}").format(code=r.incident_code)
        stale = f" <b style='color:#c62828'>◷ {escape(overdue)}</b>" if r.stale else ""
        html = [
            f"<div style='font-size:17px; font-weight:700'>{escape(r.name)} "
            f"<span style='color:{GREY}; font-size:13px'>{escape(r.call_sign)} · {escape(labels.squad_role(r.role))}"
            f" · {escape(r.sub_squad)}</span></div>",
            f"<p>{status} {escape(since)}{stale}"
            + (f"<br>{escape(incident)}" if r.incident_code else "")
            + (f"<br><i>{escape(r.status_note)}</i>" if r.status_note else "")
            + "</p>",
        ]
        place = " › ".join(x for x in (r.place.street, r.place.community, r.place.sub_community) if x)
        rows = [
            (self.tr("Phone"), r.phone),
            (self.tr("Radio call sign"), r.call_sign),
            (self.tr("Home grid"), r.home_grid),
            (self.tr("Now at"), place or self.tr("unknown")),
            (self.tr("Position fix"), fmt.stamp(r.place.at)),
            (self.tr("Tracker"), r.tracker or self.tr("none")),
            (self.tr("Travels"), labels.travel_mode(r.travel_mode)),
        ]
        html.append(
            "<table cellspacing='0' cellpadding='2'>"
            + "".join(
                f"<tr><td style='color:{GREY}; padding-right:12px'>{escape(k)}</td><td>{escape(v or '')}</td></tr>"
                for k, v in rows
            )
            + "</table>"
        )
        html.append(self._head(self.tr("Certifications")))
        html.append(
            self._table(
                [self.tr("Certificate"), self.tr("Number"), self.tr("Expires"), self.tr("State")],
                [
                    [
                        escape(c.name),
                        escape(c.number),
                        fmt.day(c.expires_on),
                        f"<b style='color:{_colour(labels.CERT_COLOURS.get(c.state))}'>{escape(labels.cert_state(c.state))}</b>",
                    ]
                    for c in d.certifications
                ],
            )
        )
        html.append(self._head(self.tr("Shifts (next 7 days)")))
        html.append(
            self._table(
                [self.tr("Shift"), self.tr("From"), self.tr("To")],
                [
                    [
                        escape(labels.shift_kind(s.kind)),
                        fmt.stamp(s.starts_at)[5:16],
                        fmt.stamp(s.ends_at)[5:16],
                    ]
                    for s in d.shifts[:8]
                ],
            )
        )
        html.append(self._head(self.tr("Recent dispatches")))
        html.append(
            self._table(
                [
                    self.tr("Incident"),
                    self.tr("Type"),
                    self.tr("Dispatched"),
                    self.tr("Arrived"),
                    self.tr("Back"),
                ],
                [
                    [
                        escape(x.incident_code),
                        escape(labels.incident_type(x.type)),
                        fmt.stamp(x.dispatched_at)[5:16],
                        fmt.clock(x.arrived_at),
                        fmt.clock(x.released_at),
                    ]
                    for x in d.dispatches[:10]
                ],
            )
        )
        a = d.assessment
        html.append(self._head(self.tr("Quarterly assessment")))
        if a is None:
            none = self.tr("No assessment yet.")
            html.append(f"<p style='color:{GREY}'>{escape(none)}</p>")
        else:
            s = a.assessment
            grade_colour = _colour(labels.GRADE_COLOURS.get(str(s.grade)))
            html.append(
                f"<p><span style='font-size:20px; font-weight:700; color:{grade_colour}'>{s.score:.1f}</span> "
                f"<b style='color:{grade_colour}'>{escape(labels.grade(s.grade))}</b> "
                f"<span style='color:{GREY}'>({a.year} Q{a.quarter})</span><br>"
                + escape(
                    self.tr(
                        "{hours:.1f} of {required:.0f} hours, {sessions} sessions ({drills} drills), "
                        "{absences} absences"
                    ).format(
                        hours=s.hours,
                        required=a.required_hours,
                        sessions=s.sessions,
                        drills=s.drills,
                        absences=s.absences,
                    )
                )
                + "</p>"
            )
        self.body.setText("".join(html))
