"""Routing a hazard by the boundary rules and the supervision tier."""

from __future__ import annotations

import pytest

from desktop.domain.enums import Tier
from desktop.domain.errors import ValidationError
from desktop.domain.hazard_routing import EnterpriseFacts, override_route, route_hazard

RULES = {10: 100, 11: 101}  # industry → lead department
STREET = 5


def test_district_tier_enterprise_goes_to_its_lead_department():
    route = route_hazard(EnterpriseFacts(1, 10, Tier.DISTRICT), STREET, RULES)
    assert (route.department_id, route.tier, route.unrouted) == (100, Tier.DISTRICT, False)
    assert route.supervised_by_department and route.street_id == STREET


def test_street_tier_enterprise_is_supervised_by_its_street_with_the_lead_department():
    route = route_hazard(EnterpriseFacts(1, 11, Tier.STREET), STREET, RULES)
    assert (route.department_id, route.tier, route.street_id) == (101, Tier.STREET, STREET)
    assert not route.supervised_by_department


def test_public_area_goes_to_the_grids_street():
    route = route_hazard(None, STREET, RULES)
    assert (route.department_id, route.tier, route.street_id, route.unrouted) == (None, Tier.STREET, STREET, False)


@pytest.mark.parametrize("tier", list(Tier))
def test_an_industry_without_a_rule_is_unrouted_and_flagged(tier):
    route = route_hazard(EnterpriseFacts(1, 99, tier), STREET, RULES)
    assert route.unrouted and route.department_id is None and "监管空白" in route.reason


def test_override_needs_a_reason_and_clears_the_gap():
    gap = route_hazard(EnterpriseFacts(1, 99, Tier.STREET), STREET, RULES)
    with pytest.raises(ValidationError) as err:
        override_route(gap, 100, Tier.STREET, " ")
    assert err.value.field == "reason"
    routed = override_route(gap, 100, Tier.DISTRICT, "新业态暂由文体旅局牵头")
    assert (routed.department_id, routed.tier, routed.unrouted, routed.overridden) == (100, Tier.DISTRICT, False, True)
    assert routed.reason == "新业态暂由文体旅局牵头" and routed.street_id == STREET


def test_a_district_route_needs_a_department():
    with pytest.raises(ValidationError) as err:
        override_route(route_hazard(None, STREET, RULES), None, Tier.DISTRICT, "why")
    assert err.value.field == "department"
