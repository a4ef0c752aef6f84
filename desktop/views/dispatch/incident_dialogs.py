"""The small dialogs behind an incident's actions: hand over, close, note, edit, merge."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import labels
from desktop.context import AppContext
from desktop.domain.incident import IncidentType, Severity
from desktop.services import incident_queries, incidents
from desktop.services.incident_queries import IncidentDetail
from desktop.views.dispatch.alive import run
from desktop.views.dispatch.dialog_buttons import dialog_buttons, ok_text


def ask_hand_over(parent: QWidget) -> tuple[str, str] | None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("IncidentDialogs", "Hand over to the fire and rescue service"))
    to = QLineEdit(QCoreApplication.translate("IncidentDialogs", "Fire and rescue station"))
    to.selectAll()
    note = QLineEdit()
    note.setPlaceholderText(QCoreApplication.translate("IncidentDialogs", "Commander's name, what was handed over…"))
    form = QFormLayout()
    form.addRow(QCoreApplication.translate("IncidentDialogs", "Taken over by"), to)
    form.addRow(QCoreApplication.translate("IncidentDialogs", "Note"), note)
    if _run(dialog, form) and to.text().strip():
        return to.text().strip(), note.text().strip()
    return None


def ask_close(parent: QWidget, *, needs_reason: bool) -> str | None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("IncidentDialogs", "Close the incident"))
    reason = QLineEdit()
    prompt = (QCoreApplication.translate("IncidentDialogs", "Reason (false alarm, handled by the squad, …):")
              if needs_reason else QCoreApplication.translate("IncidentDialogs", "Closing remark (optional):"))
    form = QFormLayout()
    form.addRow(QLabel(prompt))
    form.addRow(reason)
    if not _run(dialog, form) or (needs_reason and not reason.text().strip()):
        return None
    return reason.text().strip()


def ask_note(parent: QWidget) -> str | None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("IncidentDialogs", "Add a note"))
    text = QPlainTextEdit()
    text.setTabChangesFocus(True)
    form = QFormLayout()
    form.addRow(QLabel(QCoreApplication.translate("IncidentDialogs", "Note for the timeline:")))
    form.addRow(text)
    if _run(dialog, form) and text.toPlainText().strip():
        return text.toPlainText().strip()
    return None


def ask_edit(parent: QWidget, d: IncidentDetail) -> dict | None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("IncidentDialogs", "Correct the incident"))
    kind, severity = QComboBox(), QComboBox()
    for t in IncidentType:
        kind.addItem(labels.incident_type(t), str(t))
    for s in Severity:
        severity.addItem(labels.incident_severity(s), str(s))
    kind.setCurrentIndex(kind.findData(str(d.row.type)))
    severity.setCurrentIndex(severity.findData(str(d.row.severity)))
    address, caller, phone = QLineEdit(d.row.address), QLineEdit(d.row.caller), QLineEdit(d.phone)
    description = QPlainTextEdit(d.description)
    description.setTabChangesFocus(True)
    form = QFormLayout()
    for label, widget in ((labels.dispatch_field("type"), kind), (labels.dispatch_field("severity"), severity),
                          (labels.dispatch_field("address"), address), (labels.dispatch_field("caller"), caller),
                          (labels.dispatch_field("phone"), phone),
                          (labels.dispatch_field("description"), description)):
        form.addRow(label, widget)
    if not _run(dialog, form):
        return None
    new = {"type": kind.currentData(), "severity": severity.currentData(), "address": address.text(),
           "caller": caller.text(), "phone": phone.text(), "description": description.toPlainText()}
    old = {"type": str(d.row.type), "severity": str(d.row.severity), "address": d.row.address,
           "caller": d.row.caller, "phone": d.phone, "description": d.description}
    return {k: v for k, v in new.items() if v != old[k]} or None


def ask_merge(ctx: AppContext, parent: QWidget, d: IncidentDetail,
              merge: Callable[[int, int | None], None]) -> None:
    """Offer the open incidents, those near this one first; merge this one into the choice."""
    row = d.row

    def options(uow) -> list:
        near = incidents.similar_incidents(uow, row.lon, row.lat, row.reported_at, exclude_id=row.id)
        rest = incident_queries.list_incidents(uow, incident_queries.IncidentFilter(open_only=True, limit=200))
        seen = {s.id for s in near}
        return [(s.id, None, f"{s.code}  {labels.incident_type(s.type)}  {s.address}  ({s.distance_m:.0f} m)")
                for s in near if s.status != "closed"] + [
            (r.id, r.version, f"{r.code}  {labels.incident_type(r.type)}  {r.address}")
            for r in rest if r.id != row.id and r.id not in seen]

    def chosen(items: list) -> None:
        if not items:
            return
        dialog = QDialog(parent)
        dialog.setWindowTitle(QCoreApplication.translate("IncidentDialogs", "Merge a repeat call"))
        box = QComboBox()
        for iid, version, text in items:
            box.addItem(text, (iid, version))
        form = QFormLayout()
        form.addRow(QLabel(QCoreApplication.translate("IncidentDialogs", "Merge {code} into:").format(code=row.code)))
        form.addRow(box)
        if _run(dialog, form):
            merge(*box.currentData())

    run(parent, options, chosen, write=False, ctx=ctx)


def _run(dialog: QDialog, form: QFormLayout) -> bool:
    buttons, _ok = dialog_buttons(dialog, ok_text())
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)
    dialog.resize(480, dialog.sizeHint().height())
    return dialog.exec() == QDialog.DialogCode.Accepted
