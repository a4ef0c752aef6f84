"""Open hazards on the map (layer "hazards"): coloured by status, a red ring when overdue.

Only open tickets are drawn (found, classified, rectifying, awaiting re-inspection); a ticket that
is closed off or dismissed leaves the layer through the incremental update. Popup values are the
Chinese names the reports use (the layer is Qt-free; titles and legend go through Qt's tr).
"""

from __future__ import annotations

from sqlalchemy import select

from desktop.data.tables_hazards import Hazard
from desktop.data.uow import UnitOfWork
from desktop.domain.escalation import level_name, overdue_days
from desktop.domain.hazard_terms import (
    CATEGORY_ZH,
    OPEN_STATUSES,
    SEVERITY_ZH,
    STATUS_ZH,
    HazardStatus,
    district_today,
)
from desktop.maps.layers import POINTS, QT_TRANSLATE_NOOP, Layer, Points, Update
from desktop.services.hazard_query import hazard_code

# Same hues as the hazard table's status badges (desktop/labels.py HAZARD_STATUS_COLOURS).
STATUS_COLOURS = {
    HazardStatus.FOUND.value: "#8e24aa",
    HazardStatus.CLASSIFIED.value: "#1e88e5",
    HazardStatus.RECTIFYING.value: "#f57c00",
    HazardStatus.AWAITING_REINSPECTION.value: "#00897b",
}
STATUS_TITLES = {
    HazardStatus.FOUND.value: QT_TRANSLATE_NOOP("MapLayers", "Hazard: to classify"),
    HazardStatus.CLASSIFIED.value: QT_TRANSLATE_NOOP("MapLayers", "Hazard: to rectify"),
    HazardStatus.RECTIFYING.value: QT_TRANSLATE_NOOP("MapLayers", "Hazard: rectifying"),
    HazardStatus.AWAITING_REINSPECTION.value: QT_TRANSLATE_NOOP("MapLayers", "Hazard: awaiting re-inspection"),
}
OVERDUE_RING = "#b71c1c"

COLUMNS = ("id", "lon", "lat", "name", "status", "overdue", "code", "status_text", "severity", "category",
           "place", "responsible", "deadline", "late", "level")


def _rows(uow: UnitOfWork, ids: set[int] | None = None) -> list[list]:
    h = Hazard
    q = (select(h.id, h.lon, h.lat, h.created_at, h.status, h.severity, h.category, h.place, h.responsible,
                h.deadline, h.overdue_able, h.escalation_level)
         .where(h.status.in_([s.value for s in OPEN_STATUSES])).order_by(h.id))
    if ids is not None:
        q = q.where(h.id.in_(sorted(ids)))
    today = district_today()
    out = []
    for r in uow.session.execute(q):
        status = HazardStatus(r.status)
        late = overdue_days(r.deadline, today) if r.overdue_able else 0
        code = hazard_code(r.id, r.created_at)
        out.append([
            str(r.id), r.lon, r.lat, f"{code} {r.place}", status.value, late, code, STATUS_ZH[status],
            SEVERITY_ZH.get(r.severity, r.severity), CATEGORY_ZH.get(r.category, r.category), r.place,
            r.responsible or "—", r.deadline.isoformat() if r.deadline else "—", f"{late} 天" if late else "—",
            level_name(r.escalation_level) or "—",
        ])
    return out


def hazard_points(uow: UnitOfWork) -> Points:
    return Points(COLUMNS, _rows(uow))


def hazard_update(uow: UnitOfWork, ids: set[str]) -> Update:
    wanted = {int(i) for i in ids if i.isdigit()}
    rows = _rows(uow, wanted) if wanted else []
    gone = wanted - {int(r[0]) for r in rows}  # closed off, dismissed or deleted: off the map
    return Update(Points(COLUMNS, rows), tuple(str(i) for i in sorted(gone)))


HAZARDS = Layer(
    id="hazards",
    title=QT_TRANSLATE_NOOP("MapLayers", "Open hazards"),
    kind=POINTS,
    build=hazard_points,
    update=hazard_update,
    entities=frozenset({"hazard"}),
    searchable=True,
    style={
        "shape": "circle", "radius": 6, "colorBy": "status", "colors": STATUS_COLOURS, "flag": "overdue",
        # Drawn last = on top: what needs action now above what waits for someone else.
        "order": ["classified", "awaiting_reinspection", "found", "rectifying"],
        "cluster": {"disableAtZoom": 15, "maxRadius": 40},
        "tooltip": "name",
        "popup": [
            ["status_text", QT_TRANSLATE_NOOP("MapLayers", "Status")],
            ["severity", QT_TRANSLATE_NOOP("MapLayers", "Severity")],
            ["category", QT_TRANSLATE_NOOP("MapLayers", "Category")],
            ["place", QT_TRANSLATE_NOOP("MapLayers", "Enterprise / place")],
            ["responsible", QT_TRANSLATE_NOOP("MapLayers", "Responsible")],
            ["deadline", QT_TRANSLATE_NOOP("MapLayers", "Deadline")],
            ["late", QT_TRANSLATE_NOOP("MapLayers", "Overdue")],
            ["level", QT_TRANSLATE_NOOP("MapLayers", "Escalation")],
        ],
        "legend": [*([STATUS_COLOURS[s], STATUS_TITLES[s]] for s in STATUS_COLOURS),
                   [OVERDUE_RING, QT_TRANSLATE_NOOP("MapLayers", "Overdue (red ring)")]],
    },
)
