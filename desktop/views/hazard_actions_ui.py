"""The hazard actions as the user meets them: a form, the service call through Ops, and the answer
— the fresh row, a refusal that names the field (the form stays open), or a conflict: a colleague
moved the ticket on since it was opened, nothing of ours was written, the ticket is reloaded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop import labels
from desktop.context import AppContext
from desktop.domain.errors import ConflictError, DomainError, ValidationError
from desktop.domain.hazard_flow import HazardAction
from desktop.domain.hazard_terms import AttachmentKind, district_today, local_time
from desktop.services import hazards as hz
from desktop.services.enterprises import EnterpriseRow, list_enterprises
from desktop.services.hazard_picks import grid_choices, grid_point, read_attachments
from desktop.services.reference import ReferenceLists
from desktop.views.admin_message import Kind
from desktop.views.hazard_dialogs import (
    AttachDialog,
    AttachmentViewer,
    DismissDialog,
    HazardForm,
    NoteDialog,
    ReinspectDialog,
    ReportDoneDialog,
)
from desktop.views.hazard_new import NewHazardDialog
from desktop.views.hazard_route_dialogs import AssignDialog, BulkAssignDialog, ClassifyDialog

A = HazardAction


class HazardActions(QObject):
    changed = Signal(object)        # HazardRow this user just changed or created
    conflict = Signal(int, str)     # hazard id, what changed (the screen reloads the ticket)
    message = Signal(str, object)   # text, admin_message.Kind

    def __init__(self, ctx: AppContext, host: QWidget) -> None:
        super().__init__(host)
        self.ctx = ctx
        self.host = host
        self.refs: ReferenceLists | None = None
        self.dialog: HazardForm | None = None        # the open form (tests fill it in)
        self.viewer: AttachmentViewer | None = None
        self._enterprises: list[EnterpriseRow] | None = None

    # -- one ticket ---------------------------------------------------------------------------------
    def start(self, action: HazardAction, d: hz.HazardDetail) -> HazardForm | None:
        """Open the form for `action` on the ticket as the user sees it (`d`: its version is the one
        the action expects). Each `build` reads the form on the GUI thread and returns the work."""
        if action not in d.allowed:
            return None
        r, actor, hid, version = d.row, self.ctx.actor, d.row.id, d.row.version
        build: Callable[[Any], Callable[[Any], Any]]
        if action is A.CLASSIFY:
            dlg: HazardForm = ClassifyDialog(d, self.refs.departments if self.refs else (), self.host)

            def build(f: ClassifyDialog) -> Callable[[Any], Any]:
                severity, category, route, note = (f.severity.currentData(), f.category.currentData(), f.route(),
                                                   f.note.toPlainText())
                return lambda uow: hz.classify(uow, actor, hid, severity=severity, category=category, override=route,
                                               note=note, expected_version=version)
        elif action is A.ASSIGN:
            dlg = AssignDialog(d, self.host)

            def build(f: AssignDialog) -> Callable[[Any], Any]:
                who, deadline, note = f.responsible.text(), f.chosen_deadline(), f.note.toPlainText()
                plan_paths = f.plan.paths() if f.plan else []

                def work(uow: Any) -> hz.HazardRow:
                    plans = read_attachments(plan_paths, AttachmentKind.PLAN)
                    return hz.assign(uow, actor, hid, responsible=who, deadline=deadline, note=note,
                                     plan=plans[0] if plans else None, expected_version=version)
                return work
        elif action is A.REPORT_DONE:
            dlg = ReportDoneDialog(r.code, self.host)

            def build(f: ReportDoneDialog) -> Callable[[Any], Any]:
                note, paths = f.note.toPlainText(), f.files.paths()
                return lambda uow: hz.report_done(uow, actor, hid, note=note, expected_version=version,
                                                  evidence=read_attachments(paths, AttachmentKind.EVIDENCE))
        elif action in (A.REINSPECT_PASS, A.REINSPECT_FAIL):
            passed = action is A.REINSPECT_PASS
            dlg = ReinspectDialog(r.code, passed, r.responsible, d.default_deadline, self.host)

            def build(f: ReinspectDialog) -> Callable[[Any], Any]:
                note, paths = f.note.toPlainText(), f.files.paths()
                deadline = f.deadline.date().toPython() if f.deadline else None
                who = f.responsible.text() if f.responsible else None
                return lambda uow: hz.reinspect(uow, actor, hid, passed=passed, note=note, new_deadline=deadline,
                                                responsible=who, expected_version=version,
                                                photos=read_attachments(paths, AttachmentKind.PHOTO))
        elif action is A.DISMISS:
            dlg = DismissDialog(r.code, self.host)

            def build(f: DismissDialog) -> Callable[[Any], Any]:
                reason = f.reason.toPlainText()
                return lambda uow: hz.dismiss(uow, actor, hid, reason, expected_version=version)
        elif action is A.NOTE:  # additive: never a conflict
            dlg = NoteDialog(r.code, self.host)

            def build(f: NoteDialog) -> Callable[[Any], Any]:
                text = f.text.toPlainText()
                return lambda uow: hz.add_note(uow, actor, hid, text)
        elif action is A.ATTACH:
            dlg = AttachDialog(r.code, self.host)

            def build(f: AttachDialog) -> Callable[[Any], Any]:
                kind, paths, note = f.kind.currentData(), f.files.paths(), f.note.text()
                return lambda uow: hz.attach(uow, actor, hid, read_attachments(paths, kind), note=note)
        else:
            return None
        dlg.submitted.connect(lambda: self._submit(dlg, build(dlg), self.changed.emit, hid, r.code))
        return self._show(dlg)

    # -- many tickets ---------------------------------------------------------------------------------
    def bulk_assign(self, rows: list[hz.HazardRow]) -> HazardForm | None:
        if not rows:
            return None
        actor = self.ctx.actor
        targets = {r.id: r.version for r in rows}
        dlg = BulkAssignDialog(len(targets), self.host)

        def build(f: BulkAssignDialog) -> Callable[[Any], Any]:
            who, deadline, note = f.responsible.text(), f.chosen_deadline(), f.note.toPlainText()
            return lambda uow: hz.bulk_assign(uow, actor, targets, responsible=who, deadline=deadline, note=note)

        def done(result: hz.BulkResult) -> None:
            text = self.tr("%n ticket(s) assigned.", "", len(result.done))
            if result.skipped:
                codes = {r.id: r.code for r in rows}
                text += " " + self.tr("Skipped: {list}").format(
                    list="；".join(f"{codes.get(i, i)}: {why}" for i, why in result.skipped))
            self.message.emit(text, Kind.WARNING if result.skipped else Kind.INFO)

        dlg.submitted.connect(lambda: self._submit(dlg, build(dlg), done, None, ""))
        return self._show(dlg)

    # -- a new hazard ---------------------------------------------------------------------------------
    def new_hazard(self) -> None:
        if self._enterprises is None:  # the picker's list, once
            self._run(list_enterprises, self._on_enterprises)
            return
        self._open_new()

    def _on_enterprises(self, rows: list[EnterpriseRow]) -> None:
        self._enterprises = rows
        self._open_new()

    def _open_new(self) -> None:
        actor = self.ctx.actor
        dlg = NewHazardDialog(self.refs, self._enterprises or [], actor.display_name, self.host)
        dlg.community_chosen.connect(lambda cid: self._run(lambda uow: grid_choices(uow, cid),
                                                           lambda grids: dlg.set_grids(grids)))

        def submit() -> None:
            at_place, grid_id, enterprise_id = dlg.at_place.isChecked(), dlg.grid.currentData(), dlg.enterprise_id()
            if at_place and grid_id is None:
                dlg.show_error("location", f"{labels.hazard_field('location')}: " + self.tr(
                    "choose the community and the grid where the hazard is"))
                return
            if not at_place and enterprise_id is None:
                dlg.show_error("enterprise", f"{labels.hazard_field('enterprise')}: " + self.tr(
                    "choose an enterprise from the list"))
                return

            f = dlg
            fields = {"category": f.category.currentData(), "description": f.description.toPlainText(),
                      "source": f.source.currentData(), "severity": f.severity.currentData(),
                      "enterprise_id": None if at_place else enterprise_id, "place": f.place.text(),
                      "found_by": f.found_by.text()}
            paths = f.files.paths()

            def fn(uow: Any) -> hz.HazardRow:
                lon, lat = grid_point(uow, grid_id) if at_place else (None, None)
                photos = read_attachments(paths, AttachmentKind.PHOTO)
                return hz.report(uow, actor, hz.HazardReport(lon=lon, lat=lat, photos=photos, **fields))

            def done(row: hz.HazardRow) -> None:
                self.message.emit(self.tr("{code} reported.").format(code=row.code), Kind.INFO)
                self.changed.emit(row)

            self._submit(dlg, fn, done, None, "")

        dlg.submitted.connect(submit)
        self._show(dlg)

    # -- attachments ----------------------------------------------------------------------------------
    def open_attachment(self, info: hz.AttachmentInfo) -> None:
        def done(content: hz.AttachmentContent) -> None:
            if content.mime.startswith("image/"):
                self.viewer = AttachmentViewer(content.filename, content.mime, content.data, self.host)
                self.viewer.open()
                return
            path, _ = QFileDialog.getSaveFileName(self.host, self.tr("Save the file"), content.filename)
            if path:
                with open(path, "wb") as out:
                    out.write(content.data)

        self._run(lambda uow: hz.attachment_content(uow, info.id), done)

    # -- plumbing -------------------------------------------------------------------------------------
    def _show(self, dlg: HazardForm) -> HazardForm:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reject()
            self.dialog.deleteLater()  # the last form lives until the next opens (its result stays readable)
        self.dialog = dlg
        dlg.open()
        return dlg

    def _submit(self, dlg: HazardForm, fn: Callable[[Any], Any], on_done: Callable[[Any], None],
                hazard_id: int | None, code: str) -> None:
        dlg.set_busy(True)

        def done(result: Any) -> None:
            if shiboken6.isValid(dlg):
                dlg.set_busy(False)
                dlg.accept()
            on_done(result)

        def failed(err: DomainError) -> None:
            if not shiboken6.isValid(dlg):
                return
            dlg.set_busy(False)
            if isinstance(err, ConflictError):
                dlg.reject()
                self.conflict.emit(hazard_id if hazard_id is not None else -1, self.conflict_text(err, code))
            elif isinstance(err, ValidationError):
                dlg.show_error(err.field, f"{labels.hazard_field(err.field)}: {err.reason}")
            else:
                dlg.show_error(None, err.message)

        self.ctx.ops.run(fn, self._alive(done), self._alive(failed))

    def conflict_text(self, err: ConflictError, code: str) -> str:
        if isinstance(err, hz.HazardConflict) and err.changed_by and err.changed_at is not None:
            at = local_time(err.changed_at)
            when = at.strftime("%H:%M") if at.date() == district_today() else at.strftime("%Y-%m-%d %H:%M")
            return self.tr("{code} was changed by {who} at {when} after you opened it: it is now “{status}”. "
                           "Nothing of yours was saved; the ticket has been reloaded.").format(
                code=code, who=err.changed_by, when=when, status=labels.hazard_status(err.status))
        return self.tr("{code} was changed by someone else after you opened it ({detail}). Nothing of yours "
                       "was saved; the ticket has been reloaded.").format(code=code, detail=err.detail)

    def _alive(self, cb: Callable[[Any], None]) -> Callable[[Any], None]:
        return lambda value: cb(value) if shiboken6.isValid(self) else None

    def _run(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None]) -> None:
        self.ctx.ops.run(fn, self._alive(on_done), self._alive(lambda err: self.message.emit(err.message, Kind.ERROR)),
                         write=False)
