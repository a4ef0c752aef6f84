"""foundation: grids, enterprises, rules, users, audit, feed

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "audit_log",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)
        batch_op.create_index("ix_audit_log_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "change_feed",
        sa.Column(
            "seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_feed")),
    )
    op.create_table(
        "departments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("name_en", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_departments")),
        sa.UniqueConstraint("code", name=op.f("uq_departments_code")),
        sa.UniqueConstraint("name", name=op.f("uq_departments_name")),
    )
    op.create_table(
        "grid_officers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("employment", sa.String(length=16), nullable=False),
        sa.Column("duties", sa.String(length=500), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grid_officers")),
    )
    op.create_table(
        "industries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("name_en", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_industries")),
        sa.UniqueConstraint("code", name=op.f("uq_industries_code")),
        sa.UniqueConstraint("name", name=op.f("uq_industries_name")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "sub_squads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sub_squads")),
        sa.UniqueConstraint("number", name=op.f("uq_sub_squads_number")),
    )
    op.create_table(
        "boundary_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("industry_id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name=op.f("fk_boundary_rules_department_id_departments")
        ),
        sa.ForeignKeyConstraint(
            ["industry_id"], ["industries.id"], name=op.f("fk_boundary_rules_industry_id_industries")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_boundary_rules")),
        sa.UniqueConstraint("industry_id", name=op.f("uq_boundary_rules_industry_id")),
    )
    with op.batch_alter_table("boundary_rules", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_boundary_rules_department_id"), ["department_id"], unique=False)

    op.create_table(
        "grids",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("street_kind", sa.String(length=8), nullable=True),
        sa.Column("geometry", sa.Text(), nullable=True),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("responsible_unit", sa.String(length=200), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name=op.f("fk_grids_department_id_departments")
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["grid_officers.id"], name=op.f("fk_grids_officer_id_grid_officers")
        ),
        sa.ForeignKeyConstraint(["parent_id"], ["grids.id"], name=op.f("fk_grids_parent_id_grids")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grids")),
        sa.UniqueConstraint("code", name=op.f("uq_grids_code")),
    )
    with op.batch_alter_table("grids", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_grids_department_id"), ["department_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_grids_level"), ["level"], unique=False)
        batch_op.create_index(batch_op.f("ix_grids_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_grids_officer_id"), ["officer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_grids_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name=op.f("fk_users_department_id_departments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "enterprises",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("industry_id", sa.Integer(), nullable=False),
        sa.Column("scale", sa.String(length=8), nullable=False),
        sa.Column("risk", sa.String(length=8), nullable=False),
        sa.Column("tier", sa.String(length=8), nullable=False),
        sa.Column("lead_department_id", sa.Integer(), nullable=True),
        sa.Column("grid_id", sa.Integer(), nullable=False),
        sa.Column("street_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"], ["grids.id"], name=op.f("fk_enterprises_community_id_grids")
        ),
        sa.ForeignKeyConstraint(["grid_id"], ["grids.id"], name=op.f("fk_enterprises_grid_id_grids")),
        sa.ForeignKeyConstraint(
            ["industry_id"], ["industries.id"], name=op.f("fk_enterprises_industry_id_industries")
        ),
        sa.ForeignKeyConstraint(
            ["lead_department_id"],
            ["departments.id"],
            name=op.f("fk_enterprises_lead_department_id_departments"),
        ),
        sa.ForeignKeyConstraint(["street_id"], ["grids.id"], name=op.f("fk_enterprises_street_id_grids")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enterprises")),
        sa.UniqueConstraint("credit_code", name=op.f("uq_enterprises_credit_code")),
    )
    with op.batch_alter_table("enterprises", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enterprises_community_id"), ["community_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_enterprises_grid_id"), ["grid_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_enterprises_industry_id"), ["industry_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_enterprises_lead_department_id"), ["lead_department_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_enterprises_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_enterprises_risk"), ["risk"], unique=False)
        batch_op.create_index(batch_op.f("ix_enterprises_street_id"), ["street_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_enterprises_tier"), ["tier"], unique=False)

    op.create_table(
        "squad_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("sub_squad_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("call_sign", sa.String(length=32), nullable=False),
        sa.Column("home_grid_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["home_grid_id"], ["grids.id"], name=op.f("fk_squad_members_home_grid_id_grids")
        ),
        sa.ForeignKeyConstraint(
            ["sub_squad_id"], ["sub_squads.id"], name=op.f("fk_squad_members_sub_squad_id_sub_squads")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_squad_members")),
        sa.UniqueConstraint("call_sign", name=op.f("uq_squad_members_call_sign")),
    )
    with op.batch_alter_table("squad_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_squad_members_sub_squad_id"), ["sub_squad_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("squad_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_squad_members_sub_squad_id"))

    op.drop_table("squad_members")
    with op.batch_alter_table("enterprises", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enterprises_tier"))
        batch_op.drop_index(batch_op.f("ix_enterprises_street_id"))
        batch_op.drop_index(batch_op.f("ix_enterprises_risk"))
        batch_op.drop_index(batch_op.f("ix_enterprises_name"))
        batch_op.drop_index(batch_op.f("ix_enterprises_lead_department_id"))
        batch_op.drop_index(batch_op.f("ix_enterprises_industry_id"))
        batch_op.drop_index(batch_op.f("ix_enterprises_grid_id"))
        batch_op.drop_index(batch_op.f("ix_enterprises_community_id"))

    op.drop_table("enterprises")
    op.drop_table("users")
    with op.batch_alter_table("grids", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_grids_parent_id"))
        batch_op.drop_index(batch_op.f("ix_grids_officer_id"))
        batch_op.drop_index(batch_op.f("ix_grids_name"))
        batch_op.drop_index(batch_op.f("ix_grids_level"))
        batch_op.drop_index(batch_op.f("ix_grids_department_id"))

    op.drop_table("grids")
    with op.batch_alter_table("boundary_rules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_boundary_rules_department_id"))

    op.drop_table("boundary_rules")
    op.drop_table("sub_squads")
    op.drop_table("settings")
    op.drop_table("industries")
    op.drop_table("grid_officers")
    op.drop_table("departments")
    op.drop_table("change_feed")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_entity")
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
