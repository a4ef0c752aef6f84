"""Every table module, imported so that `Base.metadata` knows all tables (Alembic, tests).

A feature that adds tables adds its module to this list, and an Alembic revision of its own."""

from desktop.data import tables

Base = tables.Base
