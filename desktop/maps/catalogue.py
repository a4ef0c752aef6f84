"""The layers the map shows, in drawing order (first drawn lowest). Features add theirs HERE.

To add a layer (hazards, incidents, vehicles...): write a module `desktop/maps/<feature>_layer.py`
that defines a `Layer` (see layers.py: id, title, kind, build(uow), style, entities,
update(uow, ids)), import it below and put it in `_point_layers()` at the place it should draw.
The map screen does the rest: builds it off the GUI thread, lists it in the layer panel and the
legend, puts it in the search box (searchable=True), and keeps it live from the change feed.

Slots waiting for their features (no placeholder code; add the Layer when the tables exist):
- "hazards" (hazard_layer.HAZARDS, issue 3): open hazards by status, a red ring when overdue; a
  click emits MapScreen.hazard_activated(int), which the main window opens in the hazard screen.
- "incidents": open incidents (issue 5); members' live positions: see members.member_positions.
"""

from __future__ import annotations

from desktop.domain.enums import GridLevel
from desktop.maps.core_layers import CAMERAS, ENTERPRISES, grid_layer
from desktop.maps.hazard_layer import HAZARDS
from desktop.maps.layers import Layer, LayerRegistry
from desktop.maps.members import MEMBERS
from desktop.maps.squad_layers import INCIDENTS, VEHICLES


def _grid_layers() -> list[Layer]:
    # Drawing order: communities, their sub-grids and enterprise grids, street outlines on top.
    order = (GridLevel.COMMUNITY, GridLevel.SUB_COMMUNITY, GridLevel.ENTERPRISE, GridLevel.STREET)
    return [grid_layer(level) for level in order]


def _point_layers() -> list[Layer]:
    return [ENTERPRISES, CAMERAS, HAZARDS, VEHICLES, MEMBERS, INCIDENTS]


def default_registry() -> LayerRegistry:
    """A fresh registry with every built-in layer (the screen adds the user's overlays to it)."""
    registry = LayerRegistry()
    registry.extend(_grid_layers())
    registry.extend(_point_layers())
    return registry
