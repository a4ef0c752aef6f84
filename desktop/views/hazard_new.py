"""A newly found hazard (发现): at an enterprise, or at a place in a grid (a public area); its
category, first severity, source, description, who found it, and site photos."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from desktop import labels
from desktop.domain.hazard_terms import AttachmentKind, Category, Severity, Source
from desktop.services.enterprises import EnterpriseRow
from desktop.services.reference import Choice, ReferenceLists
from desktop.views.hazard_dialogs import FileList, HazardForm, text_box


class NewHazardDialog(HazardForm):
    community_chosen = Signal(int)   # the actions controller answers with set_grids

    def __init__(self, refs: ReferenceLists | None, enterprises: list[EnterpriseRow], found_by: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New hazard"), self.tr("Report"), parent)
        self.setObjectName("newHazardDialog")
        self.at_enterprise = QRadioButton(self.tr("At an enterprise"))
        self.at_place = QRadioButton(self.tr("At a place in a grid (public area)"))
        self.at_enterprise.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.at_enterprise)
        group.addButton(self.at_place)
        where = QWidget()
        row = QHBoxLayout(where)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.at_enterprise)
        row.addWidget(self.at_place)
        row.addStretch(1)
        self.form.addRow(self.tr("Where"), where)
        self.enterprise = QComboBox()
        self.enterprise.setObjectName("enterprisePicker")
        self.enterprise.setEditable(True)
        self.enterprise.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.enterprise.addItem("", None)
        for e in enterprises:
            self.enterprise.addItem(f"{e.name}（{e.street}）", e.id)
        completer = self.enterprise.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.enterprise.lineEdit().setPlaceholderText(self.tr("Type part of the name"))
        self.add("enterprise", self.tr("Enterprise"), self.enterprise)
        self.community = QComboBox()
        self.community.addItem(self.tr("Choose a community"), None)
        if refs is not None:
            streets = {c.id: c.name for c in refs.streets}
            for c in refs.communities:
                self.community.addItem(f"{c.name} · {streets.get(c.parent_id, '')}", c.id)
        self.community.currentIndexChanged.connect(self._on_community)
        self.grid = QComboBox()
        self.grid.setObjectName("gridPicker")
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("e.g. the pavement outside No. 12 Heping Road"))
        self.add("community", self.tr("Community"), self.community)
        self.add("location", self.tr("Grid"), self.grid)
        self.add("place", self.tr("Place"), self.place)
        self.category = QComboBox()
        for c in Category:
            self.category.addItem(labels.hazard_category(c), c)
        self.severity = QComboBox()
        for s in Severity:
            self.severity.addItem(labels.severity(s), s)
        self.source = QComboBox()
        for s in Source:
            self.source.addItem(labels.hazard_source(s), s)
        self.add("category", self.tr("Category"), self.category)
        self.add("severity", self.tr("First assessment"), self.severity)
        self.add("source", self.tr("Source"), self.source)
        self.description = self.add("description", self.tr("Description"), text_box(4))
        self.description.setPlaceholderText(self.tr("What was found, and where exactly"))
        self.found_by = self.add("found_by", self.tr("Found by"), QLineEdit(found_by))
        self.files = self.add("files", self.tr("Site photos"), FileList(AttachmentKind.PHOTO))
        self.at_enterprise.toggled.connect(self._on_mode)
        self._on_mode(True)
        self.set_grids(())

    def _on_mode(self, _on: bool) -> None:
        enterprise = self.at_enterprise.isChecked()
        self.enterprise.setEnabled(enterprise)
        for w in (self.community, self.grid):
            w.setEnabled(not enterprise)
        self.place.setPlaceholderText(self.tr("Optional: defaults to the enterprise's name") if enterprise
                                      else self.tr("e.g. the pavement outside No. 12 Heping Road"))

    def _on_community(self) -> None:
        self.set_grids(())
        if self.community.currentData() is not None:
            self.community_chosen.emit(self.community.currentData())

    def set_grids(self, grids: tuple[Choice, ...] | list[Choice]) -> None:
        self.grid.clear()
        self.grid.addItem(self.tr("Choose a grid") if grids else "—", None)
        for g in grids:
            self.grid.addItem(g.name, g.id)
        if len(grids) == 1:
            self.grid.setCurrentIndex(1)

    def enterprise_id(self) -> int | None:
        """The chosen enterprise (the typed text must name one exactly)."""
        index = self.enterprise.findText(self.enterprise.currentText())
        return self.enterprise.itemData(index) if index > 0 else None
