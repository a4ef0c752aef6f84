"""Every table module, imported so that `Base.metadata` knows all tables (Alembic, tests).

A feature that adds tables adds its module to this list, and an Alembic revision of its own."""

import desktop.data.map_tables  # noqa: F401 - cameras, overlays (0002_map)
import desktop.data.tables_dispatch  # noqa: F401 - squad, incidents, dispatch (0003_dispatch)
import desktop.data.tables_hazards  # noqa: F401 - hazards, events, attachments (0002_hazards)
from desktop.data import tables

Base = tables.Base
