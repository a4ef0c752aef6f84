"""The read-only tabs of the Administration screen: supervision gaps and the district-direct list."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.simple_table import SimpleTableModel
from desktop.models.supervision_lists import DistrictDirectModel, GapEnterpriseModel, GapIndustryModel
from desktop.services.rules import DistrictDirectRow, Gaps
from desktop.widgets.risk_badge import RiskBadgeDelegate

GAP_STYLE = "color: #c62828; font-weight: bold;"


def list_view(model: SimpleTableModel, name: str, stretch: int) -> QTableView:
    """A sortable, read-only, row-selecting table; `stretch` is the column that takes spare width."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)  # as on Enterprises
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the service's order until asked
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class GapsTab(QWidget):
    """监管空白: industries no rule covers, and enterprises left without a lead department."""

    industry_activated = Signal(int)  # double-click on a gap industry: go and set its rule

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.industries = GapIndustryModel(self)
        self.enterprises = GapEnterpriseModel(self)
        self.industry_title = QLabel()
        self.industry_title.setObjectName("gapIndustriesTitle")
        self.enterprise_title = QLabel()
        self.enterprise_title.setObjectName("gapEnterprisesTitle")
        self.industry_view = list_view(self.industries, "gapIndustries", 1)
        self.industry_view.horizontalHeader().resizeSection(0, 70)
        self.industry_view.setToolTip(self.tr("Double-click an industry to set its rule"))
        self.industry_view.doubleClicked.connect(self._on_industry_activated)
        self.enterprise_view = list_view(self.enterprises, "gapEnterprises", 0)
        self.enterprise_view.horizontalHeader().resizeSection(1, 200)
        self.enterprise_view.horizontalHeader().resizeSection(2, 160)

        def pane(title: QLabel, view: QTableView) -> QWidget:
            w = QWidget()
            v = QVBoxLayout(w)
            v.setContentsMargins(0, 0, 0, 0)
            v.addWidget(title)
            v.addWidget(view, 1)
            return w

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(pane(self.industry_title, self.industry_view))
        splitter.addWidget(pane(self.enterprise_title, self.enterprise_view))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        intro = QLabel(self.tr(
            "Every enterprise must have a lead supervising department. These are the industries with "
            "no rule, and the enterprises that therefore nobody supervises yet."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        self.set_data(Gaps((), ()))

    def set_data(self, gaps: Gaps) -> None:
        self.industries.set_rows(gaps.industries)
        self.enterprises.set_rows(gaps.enterprises)
        n_ind, n_ent = len(gaps.industries), len(gaps.enterprises)
        self.industry_title.setText(self.tr("Industries with no rule: {n}").format(n=n_ind))
        self.enterprise_title.setText(self.tr("Enterprises with no lead department: {n}").format(n=n_ent))
        self.industry_title.setStyleSheet(GAP_STYLE if n_ind else "")
        self.enterprise_title.setStyleSheet(GAP_STYLE if n_ent else "")

    def _on_industry_activated(self, index: QModelIndex) -> None:
        key = self.industries.key_of(index.row())
        if key is not None:
            self.industry_activated.emit(key)


class DistrictDirectTab(QWidget):
    """区级直管清单: district-direct enterprises, each copied to its street or park (抄告属地)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DistrictDirectModel(self)
        self.title = QLabel()
        self.title.setObjectName("districtDirectTitle")
        self.title.setWordWrap(True)
        self.view = list_view(self.model, "districtDirect", DistrictDirectModel.NAME)
        self.view.setItemDelegateForColumn(DistrictDirectModel.RISK, RiskBadgeDelegate(self.view))
        header = self.view.horizontalHeader()
        for col, width in ((DistrictDirectModel.INDUSTRY, 180), (DistrictDirectModel.RISK, 130),
                           (DistrictDirectModel.DEPARTMENT, 170), (DistrictDirectModel.STREET, 170)):
            header.resizeSection(col, width)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        self.set_data([])

    def set_data(self, rows: list[DistrictDirectRow]) -> None:
        self.model.set_rows(rows)
        self.title.setText(self.tr(
            "{n} enterprises are supervised directly by their district department (large, high-standard "
            "or high-risk units); each is copied to its street or park.").format(n=len(rows)))
