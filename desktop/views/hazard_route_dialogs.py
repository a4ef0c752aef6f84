"""Classify (severity, category, the route with an optional override and its reason) and assign
rectification (responsible party, deadline defaulting per severity, a plan for a major hazard),
for one ticket or for many at once."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from desktop import labels
from desktop.domain.enums import Tier
from desktop.domain.hazard_terms import AttachmentKind, Category, Severity, district_today
from desktop.services.hazards import HazardDetail, RouteOverride
from desktop.services.reference import Choice
from desktop.views.hazard_dialogs import FileList, HazardForm, date_box, text_box


class ClassifyDialog(HazardForm):
    def __init__(self, detail: HazardDetail, departments: tuple[Choice, ...], parent: QWidget | None = None) -> None:
        r = detail.row
        super().__init__(self.tr("Classify {code}").format(code=r.code), self.tr("Classify"), parent)
        self.severity = QComboBox()
        for s in Severity:
            self.severity.addItem(labels.severity(s), s)
        self.severity.setCurrentIndex(self.severity.findData(r.severity))
        self.category = QComboBox()
        for c in Category:
            self.category.addItem(labels.hazard_category(c), c)
        self.category.setCurrentIndex(self.category.findData(r.category))
        self.add("severity", self.tr("Severity"), self.severity)
        self.add("category", self.tr("Category"), self.category)
        e = detail.enterprise
        if e is None:
            route = self.tr("the street (public area)")
        elif e.lead_department:
            route = f"{e.lead_department}（{labels.tier(e.tier)}）"
        else:
            route = self.tr("none: the industry has no boundary rule (supervision gap); override to route it")
        auto = QLabel(self.tr("Routed automatically by the boundary rules and the enterprise's tier: {route}").format(
            route=route))
        auto.setWordWrap(True)
        auto.setStyleSheet("color: #5f6b7a;")
        self.form.addRow("", auto)
        self.override = QCheckBox(self.tr("Override the route"))
        self.override.setObjectName("overrideRoute")
        self.form.addRow("", self.override)
        self.department = QComboBox()
        self.department.addItem(self.tr("No department: the street supervises"), None)
        for d in departments:
            self.department.addItem(d.name, d.id)
        preset = r.department_id
        if preset is None and e is not None and e.lead_department:  # start the override from the rules
            preset = next((d.id for d in departments if d.name == e.lead_department), None)
        self.department.setCurrentIndex(max(self.department.findData(preset), 0))
        self.tier = QComboBox()
        for t in Tier:
            self.tier.addItem(labels.tier(t), t)
        self.tier.setCurrentIndex(max(self.tier.findData(e.tier if e is not None and r.department_id is None
                                                          else r.tier), 0))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why the route differs from the rules (required)"))
        self.add("department", self.tr("Department"), self.department)
        self.add("tier", self.tr("Supervising level"), self.tier)
        self.add("reason", self.tr("Reason"), self.reason)
        self.note = self.add("note", self.tr("Note"), text_box(3))
        self.override.toggled.connect(self._on_override)
        self._on_override(False)

    def _on_override(self, on: bool) -> None:
        for w in (self.department, self.tier, self.reason):
            w.setEnabled(on)

    def route(self) -> RouteOverride | None:
        if not self.override.isChecked():
            return None
        return RouteOverride(self.department.currentData(), self.tier.currentData(), self.reason.text())


class AssignDialog(HazardForm):
    def __init__(self, detail: HazardDetail, parent: QWidget | None = None) -> None:
        r = detail.row
        again = r.status.value == "rectifying"
        super().__init__((self.tr("Re-assign {code}") if again else self.tr("Assign rectification of {code}")).format(
            code=r.code), self.tr("Assign"), parent)
        self.responsible = self.add("responsible", self.tr("Responsible party"), QLineEdit(r.responsible))
        self.responsible.setPlaceholderText(self.tr("Person or unit responsible for the rectification"))
        today = district_today()
        current = r.deadline if again and r.deadline and r.deadline >= today else None
        self.deadline = self.add("deadline", self.tr("Deadline"), date_box(current or detail.default_deadline, today))
        self.deadline.setToolTip(self.tr("Default for a {severity}: {day}").format(
            severity=labels.severity(r.severity), day=detail.default_deadline.isoformat()))
        self.plan: FileList | None = None
        if r.severity is Severity.MAJOR and not detail.has_plan:
            self.plan = self.add("plan", self.tr("Rectification plan"), FileList(AttachmentKind.PLAN))
            self.widgets["files"] = self.plan
            hint = QLabel(self.tr("A major hazard needs its rectification plan attached."))
            hint.setStyleSheet("color: #5f6b7a;")
            self.form.addRow("", hint)
        self.note = self.add("note", self.tr("Note"), text_box(3))

    def chosen_deadline(self) -> date:
        return self.deadline.date().toPython()


class BulkAssignDialog(HazardForm):
    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Assign %n ticket(s)", "", count), self.tr("Assign all"), parent)
        self.responsible = self.add("responsible", self.tr("Responsible party"), QLineEdit())
        self.by_severity = QCheckBox(self.tr("Deadline by severity (the bureau's defaults)"))
        self.by_severity.setChecked(True)
        self.form.addRow("", self.by_severity)
        self.deadline = self.add("deadline", self.tr("Deadline"), date_box(district_today(), district_today()))
        self.deadline.setEnabled(False)
        self.by_severity.toggled.connect(lambda on: self.deadline.setEnabled(not on))
        self.note = self.add("note", self.tr("Note"), text_box(3))
        hint = QLabel(self.tr("Tickets that cannot be assigned (wrong state, a major hazard without a plan, "
                              "changed meanwhile) are skipped and listed."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6b7a;")
        self.form.addRow("", hint)

    def chosen_deadline(self) -> date | None:
        return None if self.by_severity.isChecked() else self.deadline.date().toPython()
