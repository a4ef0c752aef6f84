"""squad and dispatch: member states, vehicles, equipment, incidents, dispatches, positions, training

Revision ID: 0003_dispatch
Revises: 0001
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_dispatch"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "training_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("sub_squad_id", sa.Integer(), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sub_squad_id"], ["sub_squads.id"], name=op.f("fk_training_sessions_sub_squad_id_sub_squads")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_sessions")),
    )
    with op.batch_alter_table("training_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_training_sessions_held_on"), ["held_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_training_sessions_sub_squad_id"), ["sub_squad_id"], unique=False)

    op.create_table(
        "certifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["squad_members.id"], name=op.f("fk_certifications_member_id_squad_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certifications")),
    )
    with op.batch_alter_table("certifications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_certifications_expires_on"), ["expires_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_certifications_member_id"), ["member_id"], unique=False)

    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=24), nullable=False),
        sa.Column("severity", sa.String(length=12), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("street_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("sub_community_id", sa.Integer(), nullable=False),
        sa.Column("enterprise_grid_id", sa.Integer(), nullable=True),
        sa.Column("enterprise_id", sa.Integer(), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("caller", sa.String(length=80), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dispatched_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("arrived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("handed_over_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("handed_over_to", sa.String(length=200), nullable=False),
        sa.Column("close_reason", sa.String(length=500), nullable=False),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["community_id"], ["grids.id"], name=op.f("fk_incidents_community_id_grids")),
        sa.ForeignKeyConstraint(
            ["enterprise_grid_id"], ["grids.id"], name=op.f("fk_incidents_enterprise_grid_id_grids")
        ),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprises.id"], name=op.f("fk_incidents_enterprise_id_enterprises")
        ),
        sa.ForeignKeyConstraint(
            ["merged_into_id"], ["incidents.id"], name=op.f("fk_incidents_merged_into_id_incidents")
        ),
        sa.ForeignKeyConstraint(["street_id"], ["grids.id"], name=op.f("fk_incidents_street_id_grids")),
        sa.ForeignKeyConstraint(
            ["sub_community_id"], ["grids.id"], name=op.f("fk_incidents_sub_community_id_grids")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incidents_community_id"), ["community_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_enterprise_id"), ["enterprise_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_reported_at"), ["reported_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_street_id"), ["street_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_sub_community_id"), ["sub_community_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_type"), ["type"], unique=False)

    op.create_table(
        "shifts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sub_squad_id", sa.Integer(), nullable=True),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(sub_squad_id IS NULL) <> (member_id IS NULL)", name=op.f("ck_shifts_one_holder")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["squad_members.id"], name=op.f("fk_shifts_member_id_squad_members")
        ),
        sa.ForeignKeyConstraint(
            ["sub_squad_id"], ["sub_squads.id"], name=op.f("fk_shifts_sub_squad_id_sub_squads")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shifts")),
    )
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shifts_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_shifts_starts_at"), ["starts_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_shifts_sub_squad_id"), ["sub_squad_id"], unique=False)

    op.create_table(
        "training_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(length=12), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["squad_members.id"], name=op.f("fk_training_records_member_id_squad_members")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["training_sessions.id"],
            name=op.f("fk_training_records_session_id_training_sessions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_records")),
        sa.UniqueConstraint("session_id", "member_id", name="uq_training_records_session_member"),
    )
    with op.batch_alter_table("training_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_training_records_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_training_records_session_id"), ["session_id"], unique=False)

    op.create_table(
        "member_states",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("status_since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status_note", sa.String(length=200), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("travel_mode", sa.String(length=16), nullable=False),
        sa.Column("home_lon", sa.Float(), nullable=True),
        sa.Column("home_lat", sa.Float(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name=op.f("fk_member_states_incident_id_incidents")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["squad_members.id"], name=op.f("fk_member_states_member_id_squad_members")
        ),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_member_states")),
    )
    with op.batch_alter_table("member_states", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_states_incident_id"), ["incident_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_member_states_status"), ["status"], unique=False)

    op.create_table(
        "vehicles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("plate", sa.String(length=20), nullable=False),
        sa.Column("sub_squad_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("status_since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("home_lon", sa.Float(), nullable=True),
        sa.Column("home_lat", sa.Float(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name=op.f("fk_vehicles_incident_id_incidents")
        ),
        sa.ForeignKeyConstraint(
            ["sub_squad_id"], ["sub_squads.id"], name=op.f("fk_vehicles_sub_squad_id_sub_squads")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vehicles")),
        sa.UniqueConstraint("name", name=op.f("uq_vehicles_name")),
    )
    with op.batch_alter_table("vehicles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vehicles_incident_id"), ["incident_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_vehicles_sub_squad_id"), ["sub_squad_id"], unique=False)

    op.create_table(
        "current_positions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("vehicle_id", sa.Integer(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("speed_kmh", sa.Float(), nullable=True),
        sa.Column("bearing", sa.Float(), nullable=True),
        sa.Column("battery_pct", sa.Float(), nullable=True),
        sa.Column("source", sa.String(length=12), nullable=False),
        sa.Column("street_id", sa.Integer(), nullable=True),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("sub_community_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(member_id IS NULL) <> (vehicle_id IS NULL)", name=op.f("ck_current_positions_one_unit")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["squad_members.id"], name=op.f("fk_current_positions_member_id_squad_members")
        ),
        sa.ForeignKeyConstraint(
            ["vehicle_id"], ["vehicles.id"], name=op.f("fk_current_positions_vehicle_id_vehicles")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_current_positions")),
        sa.UniqueConstraint("member_id", name=op.f("uq_current_positions_member_id")),
        sa.UniqueConstraint("vehicle_id", name=op.f("uq_current_positions_vehicle_id")),
    )
    op.create_table(
        "dispatches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("vehicle_id", sa.Integer(), nullable=True),
        sa.Column("dispatched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dispatched_by", sa.String(length=64), nullable=False),
        sa.Column("override_off_duty", sa.Boolean(), nullable=False),
        sa.Column("override_min_free", sa.Boolean(), nullable=False),
        sa.Column("override_reason", sa.String(length=300), nullable=False),
        sa.Column("distance_m", sa.Float(), nullable=True),
        sa.Column("eta_s", sa.Float(), nullable=True),
        sa.Column("arrived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("released_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "(member_id IS NULL) <> (vehicle_id IS NULL)", name=op.f("ck_dispatches_one_unit")
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name=op.f("fk_dispatches_incident_id_incidents")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["squad_members.id"], name=op.f("fk_dispatches_member_id_squad_members")
        ),
        sa.ForeignKeyConstraint(
            ["vehicle_id"], ["vehicles.id"], name=op.f("fk_dispatches_vehicle_id_vehicles")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispatches")),
    )
    with op.batch_alter_table("dispatches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dispatches_incident_id"), ["incident_id"], unique=False)
        batch_op.create_index(
            "ux_dispatches_active_member",
            ["member_id"],
            unique=True,
            sqlite_where=sa.text("released_at IS NULL AND member_id IS NOT NULL"),
            postgresql_where=sa.text("released_at IS NULL AND member_id IS NOT NULL"),
        )
        batch_op.create_index(
            "ux_dispatches_active_vehicle",
            ["vehicle_id"],
            unique=True,
            sqlite_where=sa.text("released_at IS NULL AND vehicle_id IS NOT NULL"),
            postgresql_where=sa.text("released_at IS NULL AND vehicle_id IS NOT NULL"),
        )

    op.create_table(
        "equipment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("sub_squad_id", sa.Integer(), nullable=True),
        sa.Column("vehicle_id", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("next_check", sa.Date(), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(sub_squad_id IS NULL) <> (vehicle_id IS NULL)", name=op.f("ck_equipment_one_holder")
        ),
        sa.CheckConstraint("count >= 0", name=op.f("ck_equipment_count_positive")),
        sa.ForeignKeyConstraint(
            ["sub_squad_id"], ["sub_squads.id"], name=op.f("fk_equipment_sub_squad_id_sub_squads")
        ),
        sa.ForeignKeyConstraint(
            ["vehicle_id"], ["vehicles.id"], name=op.f("fk_equipment_vehicle_id_vehicles")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_equipment")),
    )
    with op.batch_alter_table("equipment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_equipment_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_equipment_sub_squad_id"), ["sub_squad_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_equipment_vehicle_id"), ["vehicle_id"], unique=False)

    op.create_table(
        "incident_events",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("vehicle_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name=op.f("fk_incident_events_incident_id_incidents")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["squad_members.id"], name=op.f("fk_incident_events_member_id_squad_members")
        ),
        sa.ForeignKeyConstraint(
            ["vehicle_id"], ["vehicles.id"], name=op.f("fk_incident_events_vehicle_id_vehicles")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_events")),
    )
    with op.batch_alter_table("incident_events", schema=None) as batch_op:
        batch_op.create_index("ix_incident_events_incident", ["incident_id", "at"], unique=False)

    op.create_table(
        "position_reports",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("vehicle_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("speed_kmh", sa.Float(), nullable=True),
        sa.Column("bearing", sa.Float(), nullable=True),
        sa.Column("accuracy_m", sa.Float(), nullable=True),
        sa.Column("altitude_m", sa.Float(), nullable=True),
        sa.Column("battery_pct", sa.Float(), nullable=True),
        sa.Column("source", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["squad_members.id"], name=op.f("fk_position_reports_member_id_squad_members")
        ),
        sa.ForeignKeyConstraint(
            ["vehicle_id"], ["vehicles.id"], name=op.f("fk_position_reports_vehicle_id_vehicles")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_position_reports")),
    )
    with op.batch_alter_table("position_reports", schema=None) as batch_op:
        batch_op.create_index("ix_position_reports_member", ["member_id", "at"], unique=False)
        batch_op.create_index(batch_op.f("ix_position_reports_received_at"), ["received_at"], unique=False)
        batch_op.create_index("ix_position_reports_vehicle", ["vehicle_id", "at"], unique=False)

    op.create_table(
        "trackers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("vehicle_id", sa.Integer(), nullable=True),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("(member_id IS NULL) <> (vehicle_id IS NULL)", name=op.f("ck_trackers_one_unit")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["squad_members.id"], name=op.f("fk_trackers_member_id_squad_members")
        ),
        sa.ForeignKeyConstraint(
            ["vehicle_id"], ["vehicles.id"], name=op.f("fk_trackers_vehicle_id_vehicles")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trackers")),
        sa.UniqueConstraint("device_id", name=op.f("uq_trackers_device_id")),
        sa.UniqueConstraint("member_id", name=op.f("uq_trackers_member_id")),
        sa.UniqueConstraint("vehicle_id", name=op.f("uq_trackers_vehicle_id")),
    )
    op.create_table(
        "vehicle_crew",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vehicle_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["squad_members.id"], name=op.f("fk_vehicle_crew_member_id_squad_members")
        ),
        sa.ForeignKeyConstraint(
            ["vehicle_id"], ["vehicles.id"], name=op.f("fk_vehicle_crew_vehicle_id_vehicles")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vehicle_crew")),
        sa.UniqueConstraint("member_id", name=op.f("uq_vehicle_crew_member_id")),
    )
    with op.batch_alter_table("vehicle_crew", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vehicle_crew_vehicle_id"), ["vehicle_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("vehicle_crew", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vehicle_crew_vehicle_id"))

    op.drop_table("vehicle_crew")
    op.drop_table("trackers")
    with op.batch_alter_table("position_reports", schema=None) as batch_op:
        batch_op.drop_index("ix_position_reports_vehicle")
        batch_op.drop_index(batch_op.f("ix_position_reports_received_at"))
        batch_op.drop_index("ix_position_reports_member")

    op.drop_table("position_reports")
    with op.batch_alter_table("incident_events", schema=None) as batch_op:
        batch_op.drop_index("ix_incident_events_incident")

    op.drop_table("incident_events")
    with op.batch_alter_table("equipment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_equipment_vehicle_id"))
        batch_op.drop_index(batch_op.f("ix_equipment_sub_squad_id"))
        batch_op.drop_index(batch_op.f("ix_equipment_kind"))

    op.drop_table("equipment")
    with op.batch_alter_table("dispatches", schema=None) as batch_op:
        batch_op.drop_index(
            "ux_dispatches_active_vehicle",
            sqlite_where=sa.text("released_at IS NULL AND vehicle_id IS NOT NULL"),
            postgresql_where=sa.text("released_at IS NULL AND vehicle_id IS NOT NULL"),
        )
        batch_op.drop_index(
            "ux_dispatches_active_member",
            sqlite_where=sa.text("released_at IS NULL AND member_id IS NOT NULL"),
            postgresql_where=sa.text("released_at IS NULL AND member_id IS NOT NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_dispatches_incident_id"))

    op.drop_table("dispatches")
    op.drop_table("current_positions")
    with op.batch_alter_table("vehicles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vehicles_sub_squad_id"))
        batch_op.drop_index(batch_op.f("ix_vehicles_incident_id"))

    op.drop_table("vehicles")
    with op.batch_alter_table("member_states", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_states_status"))
        batch_op.drop_index(batch_op.f("ix_member_states_incident_id"))

    op.drop_table("member_states")
    with op.batch_alter_table("training_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_records_session_id"))
        batch_op.drop_index(batch_op.f("ix_training_records_member_id"))

    op.drop_table("training_records")
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shifts_sub_squad_id"))
        batch_op.drop_index(batch_op.f("ix_shifts_starts_at"))
        batch_op.drop_index(batch_op.f("ix_shifts_member_id"))

    op.drop_table("shifts")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incidents_type"))
        batch_op.drop_index(batch_op.f("ix_incidents_sub_community_id"))
        batch_op.drop_index(batch_op.f("ix_incidents_street_id"))
        batch_op.drop_index(batch_op.f("ix_incidents_status"))
        batch_op.drop_index(batch_op.f("ix_incidents_reported_at"))
        batch_op.drop_index(batch_op.f("ix_incidents_enterprise_id"))
        batch_op.drop_index(batch_op.f("ix_incidents_community_id"))

    op.drop_table("incidents")
    with op.batch_alter_table("certifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certifications_member_id"))
        batch_op.drop_index(batch_op.f("ix_certifications_expires_on"))

    op.drop_table("certifications")
    with op.batch_alter_table("training_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_sessions_sub_squad_id"))
        batch_op.drop_index(batch_op.f("ix_training_sessions_held_on"))

    op.drop_table("training_sessions")
