"""Where a hazard goes (分类分派): its lead department and its supervising level.

- At an enterprise: the lead department is the boundary rule of the enterprise's industry
  (责任边界); the supervising level follows the enterprise's tier ("上级管大、下级管小"): the
  district department for district-tier units (copied to the street), the street/park otherwise.
- In a public area (no enterprise): the street of the grid the point lies in.
- An industry with no rule is a supervision gap (监管空白): the hazard is flagged *unrouted* and
  waits in a visible queue until someone routes it by hand; it is never dropped.
- The classifier may override the route, always with a stated reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop.domain.enums import Tier
from desktop.domain.errors import ValidationError

MAX_REASON = 500


@dataclass(frozen=True)
class EnterpriseFacts:
    id: int
    industry_id: int
    tier: Tier


@dataclass(frozen=True)
class Route:
    department_id: int | None  # lead department (None: public area, or a gap when unrouted)
    tier: Tier                 # supervising level: DISTRICT = the department, STREET = the street
    street_id: int             # the territorial street/park (supervises street-tier hazards)
    unrouted: bool = False     # a supervision gap: no rule for the industry
    overridden: bool = False
    reason: str = ""           # why it was overridden, or what the gap is

    @property
    def supervised_by_department(self) -> bool:
        return self.tier is Tier.DISTRICT


def route_hazard(enterprise: EnterpriseFacts | None, street_id: int, rules: Mapping[int, int]) -> Route:
    """The automatic route. `rules` maps industry id → lead department id (the boundary rules)."""
    if enterprise is None:
        return Route(None, Tier.STREET, street_id)
    department = rules.get(enterprise.industry_id)
    if department is None:
        return Route(None, Tier(enterprise.tier), street_id, unrouted=True,
                     reason="no boundary rule for the enterprise's industry (监管空白)")
    return Route(department, Tier(enterprise.tier), street_id)


def override_route(auto: Route, department_id: int | None, tier: Tier, reason: str) -> Route:
    """The classifier's own route. A district-level route needs a department to supervise it."""
    text = (reason or "").strip()
    if not text:
        raise ValidationError("reason", "say why the route is overridden")
    if len(text) > MAX_REASON:
        raise ValidationError("reason", f"is {len(text)} characters long; at most {MAX_REASON} allowed")
    tier = Tier(tier)
    if tier is Tier.DISTRICT and department_id is None:
        raise ValidationError("department", "a district-level route needs a supervising department")
    return Route(department_id, tier, auto.street_id, unrouted=False, overridden=True, reason=text)
