import pytest

from desktop.domain.enums import RiskLevel, Scale, Tier
from desktop.domain.tier import supervision_tier

D, S = Tier.DISTRICT, Tier.STREET
# Rows: scale; columns: red, orange, yellow, blue.
TABLE = {
    Scale.LARGE: (D, D, D, D),
    Scale.MEDIUM: (D, D, S, S),
    Scale.SMALL: (D, S, S, S),
    Scale.MICRO: (D, S, S, S),
}
RISKS = (RiskLevel.RED, RiskLevel.ORANGE, RiskLevel.YELLOW, RiskLevel.BLUE)


@pytest.mark.parametrize(
    ("scale", "risk", "expected"),
    [(scale, risk, row[i]) for scale, row in TABLE.items() for i, risk in enumerate(RISKS)],
)
def test_full_table(scale, risk, expected):
    assert supervision_tier(scale, risk) is expected


def test_table_covers_every_combination():
    assert set(TABLE) == set(Scale)
    assert set(RISKS) == set(RiskLevel)


def test_accepts_stored_string_values():
    # Values read back from the database are plain strings; StrEnum lookups give the members.
    assert supervision_tier(Scale("medium"), RiskLevel("orange")) is Tier.DISTRICT
