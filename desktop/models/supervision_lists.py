"""The supervision-gap lists (监管空白) and the district-direct list (区级直管清单, 抄告属地)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from desktop import labels
from desktop.models.rule_table import GAP_COLOUR
from desktop.models.simple_table import RIGHT, Column, SimpleTableModel
from desktop.services.rules import DistrictDirectRow, GapEnterprise, RuleRow
from desktop.widgets.risk_badge import RISK_ROLE  # the badge delegate paints the risk column

_RISK_ORDER = {level: i for i, level in enumerate(labels.RISK_COLOURS)}  # red first


class GapIndustryModel(SimpleTableModel[RuleRow]):
    """Industries that no rule covers, keyed by industry id."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(QCoreApplication.translate("GapIndustryModel", "Code"), lambda r: r.industry_code),
            Column(QCoreApplication.translate("GapIndustryModel", "Industry"), lambda r: r.industry,
                   foreground=lambda r: GAP_COLOUR),
            Column(QCoreApplication.translate("GapIndustryModel", "Enterprises"),
                   lambda r: str(r.enterprise_count), align=RIGHT, sort_key=lambda r: r.enterprise_count),
        ], key=lambda r: r.industry_id, parent=parent)


class GapEnterpriseModel(SimpleTableModel[GapEnterprise]):
    """Enterprises with no lead department, keyed by enterprise id."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(QCoreApplication.translate("GapEnterpriseModel", "Enterprise"), lambda r: r.name),
            Column(QCoreApplication.translate("GapEnterpriseModel", "Industry"), lambda r: r.industry),
            Column(QCoreApplication.translate("GapEnterpriseModel", "Street / park"), lambda r: r.street),
        ], key=lambda r: r.id, parent=parent)


class DistrictDirectModel(SimpleTableModel[DistrictDirectRow]):
    """District-direct enterprises: supervised by the department, copied to their street.

    The risk column carries the RiskLevel under RISK_ROLE for `RiskBadgeDelegate`."""

    NAME, INDUSTRY, RISK, DEPARTMENT, STREET = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        none_text = QCoreApplication.translate("DistrictDirectModel", "none — supervision gap")
        super().__init__([
            Column(QCoreApplication.translate("DistrictDirectModel", "Enterprise"), lambda r: r.name),
            Column(QCoreApplication.translate("DistrictDirectModel", "Industry"), lambda r: r.industry),
            Column(QCoreApplication.translate("DistrictDirectModel", "Risk"), lambda r: labels.risk(r.risk),
                   roles={RISK_ROLE: lambda r: r.risk},
                   sort_key=lambda r: _RISK_ORDER[r.risk]),
            Column(QCoreApplication.translate("DistrictDirectModel", "Lead department"),
                   lambda r: r.lead_department or none_text,
                   foreground=lambda r: None if r.lead_department else GAP_COLOUR),
            Column(QCoreApplication.translate("DistrictDirectModel", "Copied to street / park"),
                   lambda r: r.copied_to_street),
        ], key=lambda r: r.id, parent=parent)
