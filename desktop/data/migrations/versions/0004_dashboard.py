"""dashboard: indexes for the per-day figures and the open major hazards

Revision ID: 0004_dashboard
Revises: 0002_hazards
Create Date: 2026-11-29

The dashboard counts, per district day, the tickets closed (and those closed with a passed
re-inspection and evidence) and the tickets due (and those closed by the end of their deadline
day), each as one index range; and the open major hazards. Without these indexes a year of days
on a million tickets reads the table row by row (over a second); with them, index entries only.
"""

from alembic import op

revision = "0004_dashboard"
down_revision = "0002_hazards"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_hazards_closed_day", ["closed_at", "reinspection", "round_evidence"]),
    ("ix_hazards_due", ["deadline", "closed_at"]),
    ("ix_hazards_severity_status", ["severity", "status"]),
)


def upgrade() -> None:
    for name, columns in INDEXES:
        op.create_index(name, "hazards", columns, unique=False)
    if op.get_bind().dialect.name == "sqlite":  # statistics for these alone, so the planner weighs them
        for name, _ in INDEXES:
            op.execute(f"ANALYZE {name}")


def downgrade() -> None:
    for name, _ in reversed(INDEXES):
        op.drop_index(name, table_name="hazards")
