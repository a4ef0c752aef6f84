"""hazards: tickets, events, attachments; keyset indexes; free-text search

Revision ID: 0002_hazards
Revises: 0001
Create Date: 2026-11-30

SQLite gets an FTS5 trigram table (external content + triggers); PostgreSQL a pg_trgm GIN index
(the extension is created in `public` when it is missing, so a dropped schema never takes it
along; without pg_trgm, search still works, unindexed).
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_hazards"
down_revision = "0001"
branch_labels = None
depends_on = None

BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
NO_DEADLINE = "'9999-12-31'"

FTS = (
    "CREATE VIRTUAL TABLE hazards_fts USING fts5(place, description, content='hazards', "
    "content_rowid='id', tokenize='trigram')"
)
TRIGGERS = (
    """CREATE TRIGGER hazards_fts_ai AFTER INSERT ON hazards BEGIN
  INSERT INTO hazards_fts(rowid, place, description) VALUES (new.id, new.place, new.description);
END""",
    """CREATE TRIGGER hazards_fts_ad AFTER DELETE ON hazards BEGIN
  INSERT INTO hazards_fts(hazards_fts, rowid, place, description)
  VALUES ('delete', old.id, old.place, old.description);
END""",
    """CREATE TRIGGER hazards_fts_au AFTER UPDATE OF place, description ON hazards BEGIN
  INSERT INTO hazards_fts(hazards_fts, rowid, place, description)
  VALUES ('delete', old.id, old.place, old.description);
  INSERT INTO hazards_fts(rowid, place, description) VALUES (new.id, new.place, new.description);
END""",
)

# (name, columns) of the hazard indexes: every sortable column + id for keyset paging.
INDEXES = (
    ("ix_hazards_created", ["created_at", "id"]),
    ("ix_hazards_status", ["status", "id"]),
    ("ix_hazards_severity", ["severity", "id"]),
    ("ix_hazards_category", ["category", "id"]),
    ("ix_hazards_place", ["place", "id"]),
    ("ix_hazards_street", ["street_id", "id"]),
    ("ix_hazards_community", ["community_id", "id"]),
    ("ix_hazards_grid", ["grid_id", "id"]),
    ("ix_hazards_department", ["department_id", "status"]),
    ("ix_hazards_department_key", [sa.text("coalesce(department_id, 0)"), "id"]),
    ("ix_hazards_tier", ["tier", "id"]),
    ("ix_hazards_deadline_key", [sa.text(f"coalesce(deadline, {NO_DEADLINE})"), "id"]),
    ("ix_hazards_overdue_key",
     [sa.text(f"(CASE WHEN overdue_able = 1 THEN deadline ELSE {NO_DEADLINE} END)"), "id"]),
    ("ix_hazards_escalation", ["escalation_level", "id"]),
    ("ix_hazards_open_deadline", ["overdue_able", "deadline", "escalation_level"]),
    ("ix_hazards_enterprise", ["enterprise_id"]),
)


def upgrade() -> None:
    op.create_table(
        "hazards",
        sa.Column("id", BIG, autoincrement=True, nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("severity", sa.String(length=8), nullable=False),
        sa.Column("category", sa.String(length=24), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("enterprise_id", sa.Integer(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("street_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("grid_id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("tier", sa.String(length=8), nullable=False),
        sa.Column("unrouted", sa.SmallInteger(), nullable=False),
        sa.Column("route_note", sa.String(length=500), nullable=False),
        sa.Column("found_by", sa.String(length=80), nullable=False),
        sa.Column("reported_by", sa.String(length=64), nullable=False),
        sa.Column("responsible", sa.String(length=80), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("overdue_able", sa.SmallInteger(), nullable=False),
        sa.Column("escalation_level", sa.SmallInteger(), nullable=False),
        sa.Column("return_count", sa.SmallInteger(), nullable=False),
        sa.Column("rectifier", sa.String(length=64), nullable=False),
        sa.Column("reinspection", sa.String(length=8), nullable=False),
        sa.Column("has_plan", sa.SmallInteger(), nullable=False),
        sa.Column("round_evidence", sa.SmallInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["enterprise_id"], ["enterprises.id"], name=op.f("fk_hazards_enterprise_id_enterprises")),
        sa.ForeignKeyConstraint(["street_id"], ["grids.id"], name=op.f("fk_hazards_street_id_grids")),
        sa.ForeignKeyConstraint(["community_id"], ["grids.id"], name=op.f("fk_hazards_community_id_grids")),
        sa.ForeignKeyConstraint(["grid_id"], ["grids.id"], name=op.f("fk_hazards_grid_id_grids")),
        sa.ForeignKeyConstraint(["department_id"], ["departments.id"],
                                name=op.f("fk_hazards_department_id_departments")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hazards")),
    )
    for name, columns in INDEXES:
        op.create_index(name, "hazards", columns, unique=False)
    op.create_index("ix_hazards_unrouted", "hazards", ["id"], unique=False,
                    sqlite_where=sa.text("unrouted = 1"), postgresql_where=sa.text("unrouted = 1"))

    op.create_table(
        "hazard_events",
        sa.Column("id", BIG, autoincrement=True, nullable=False),
        sa.Column("hazard_id", BIG, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("actor_name", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("from_status", sa.String(length=24), nullable=True),
        sa.Column("to_status", sa.String(length=24), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["hazard_id"], ["hazards.id"], name=op.f("fk_hazard_events_hazard_id_hazards")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hazard_events")),
    )
    op.create_index("ix_hazard_events_hazard", "hazard_events", ["hazard_id", "id"], unique=False)

    op.create_table(
        "hazard_attachments",
        sa.Column("id", BIG, autoincrement=True, nullable=False),
        sa.Column("hazard_id", BIG, nullable=False),
        sa.Column("event_id", BIG, nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("mime", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["hazard_id"], ["hazards.id"], name=op.f("fk_hazard_attachments_hazard_id_hazards")),
        sa.ForeignKeyConstraint(["event_id"], ["hazard_events.id"],
                                name=op.f("fk_hazard_attachments_event_id_hazard_events")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hazard_attachments")),
    )
    op.create_index("ix_hazard_attachments_hazard", "hazard_attachments", ["hazard_id", "id"], unique=False)
    op.create_table(
        "hazard_attachment_data",
        sa.Column("attachment_id", BIG, nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["attachment_id"], ["hazard_attachments.id"],
                                name=op.f("fk_hazard_attachment_data_attachment_id_hazard_attachments")),
        sa.PrimaryKeyConstraint("attachment_id", name=op.f("pk_hazard_attachment_data")),
    )

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(FTS)
        for ddl in TRIGGERS:
            op.execute(ddl)
    elif bind.dialect.name == "postgresql":
        schema = _pg_trgm(bind)
        if schema is not None:
            op.execute(
                "CREATE INDEX ix_hazards_search_trgm ON hazards USING gin "
                f"((place || ' ' || description) \"{schema}\".gin_trgm_ops)"
            )


def _pg_trgm(bind) -> str | None:
    """The schema of pg_trgm, installing it into `public` (or the current schema) if needed."""
    find = sa.text("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
                   "WHERE e.extname = 'pg_trgm'")
    schema = bind.execute(find).scalar()
    if schema is not None:
        return schema
    if not bind.execute(sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).scalar():
        return None
    target = bind.execute(sa.text(
        "SELECT coalesce((SELECT nspname FROM pg_namespace WHERE nspname = 'public'), current_schema())"
    )).scalar()
    try:
        with bind.begin_nested():
            bind.execute(sa.text(f'CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA "{target}"'))
    except sa.exc.DBAPIError:  # no privilege, or another session created it meanwhile
        pass
    return bind.execute(find).scalar()


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in ("hazards_fts_au", "hazards_fts_ad", "hazards_fts_ai"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS hazards_fts")
    op.drop_table("hazard_attachment_data")
    op.drop_table("hazard_attachments")
    op.drop_table("hazard_events")
    op.drop_table("hazards")
