"""Supervision tier: "上级管大、下级管小" (the district watches the big, the street the small)."""

from __future__ import annotations

from desktop.domain.enums import RiskLevel, Scale, Tier


def supervision_tier(scale: Scale, risk: RiskLevel) -> Tier:
    """Who supervises a unit of this scale and risk.

    Rule: the district tier (direct supervision by the district industry department, listed and
    copied to the street) if the scale is LARGE, or the risk is RED, or the risk is ORANGE and the
    scale is MEDIUM; every other unit is supervised by its street or park.
    """
    if scale == Scale.LARGE or risk == RiskLevel.RED:
        return Tier.DISTRICT
    if risk == RiskLevel.ORANGE and scale == Scale.MEDIUM:
        return Tier.DISTRICT
    return Tier.STREET
