"""The cards the map opens on a click, and the page's own texts, translated on the Qt side."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop import labels
from desktop.maps.queries import WhatIsHere
from desktop.services.enterprises import EnterpriseCard
from desktop.services.grids import GridDetail


def page_strings() -> dict[str, str]:
    """Texts the page shows itself (search box, legend, buttons)."""
    return {
        "legend": QCoreApplication.translate("MapCards", "Legend"),
        "search": QCoreApplication.translate("MapCards", "Search grid, enterprise, member…"),
        "noMatch": QCoreApplication.translate("MapCards", "No match"),
        "zoomDistrict": QCoreApplication.translate("MapCards", "Zoom to the whole district"),
        "zoomIn": QCoreApplication.translate("MapCards", "Zoom in to see this layer"),
        "code": QCoreApplication.translate("MapCards", "Code"),
        "officer": QCoreApplication.translate("MapCards", "Grid officer"),
    }


def grid_card(d: GridDetail) -> dict:
    """一格一员: the posting information, then what the grid holds."""
    o = d.officer
    rows = [
        [QCoreApplication.translate("MapCards", "Code"), d.code],
        [QCoreApplication.translate("MapCards", "Grid officer"), o.name if o else QCoreApplication.translate("MapCards", "(none posted)")],
        [QCoreApplication.translate("MapCards", "Phone"), o.phone if o else ""],
        [QCoreApplication.translate("MapCards", "Duties"), o.duties if o else ""],
        [QCoreApplication.translate("MapCards", "Responsible unit"), d.responsible_unit or "—"],
        [QCoreApplication.translate("MapCards", "Enterprises"), str(len(d.enterprises))],
        # Open hazards and overdue ones join here when the hazard tables exist (issue 3).
    ]
    if d.parents:
        rows.insert(1, [QCoreApplication.translate("MapCards", "Part of"), " › ".join(p.name for p in d.parents[1:]) or d.parents[0].name])
    return {"title": d.name, "subtitle": labels.grid_level(d.level), "rows": rows}


def enterprise_card(c: EnterpriseCard) -> dict:
    r = c.row
    rows = [
        [QCoreApplication.translate("MapCards", "Risk"), labels.risk(r.risk)],
        [QCoreApplication.translate("MapCards", "Industry"), r.industry],
        [QCoreApplication.translate("MapCards", "Supervision"), labels.tier(r.tier)],
        [QCoreApplication.translate("MapCards", "Lead department"), r.lead_department or QCoreApplication.translate("MapCards", "None: supervision gap")],
        [QCoreApplication.translate("MapCards", "Street / community"), f"{r.street} / {r.community}"],
        [QCoreApplication.translate("MapCards", "Grid"), c.grid_name],
        [QCoreApplication.translate("MapCards", "Grid officer"), f"{c.grid_officer} {c.grid_officer_phone}".strip() or "—"],
        [QCoreApplication.translate("MapCards", "Address"), c.address or "—"],
        [QCoreApplication.translate("MapCards", "Credit code"), r.credit_code],
    ]
    return {"title": r.name, "subtitle": QCoreApplication.translate("MapCards", "Enterprise"), "rows": rows}


def place_card(answer: WhatIsHere) -> dict:
    rows = [[labels.grid_level(h.level), f"{h.name}（{h.code}）"] for h in answer.hits]
    posted = [h for h in answer.hits if h.officer]
    if not answer.hits:
        note = QCoreApplication.translate("MapCards", "This point lies outside every grid of the district.")
    elif posted:  # the smallest grid's officer is the one to call first
        note = QCoreApplication.translate("MapCards", "Grid officer here: {name} {phone}").format(name=posted[-1].officer, phone=posted[-1].phone)
    else:
        note = ""
    return {"title": QCoreApplication.translate("MapCards", "What is here"), "subtitle": f"{answer.lon:.6f}, {answer.lat:.6f}",
            "rows": rows, "note": note}
