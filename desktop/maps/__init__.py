"""The live map, Qt-free: the layer registry, the layer builders and the page (folium + Leaflet).

Read `layers.py` first: a map layer is an id, a title, a kind, a style, a builder
`fn(uow) -> payload`, the change-feed entities that touch it and an incremental `fn(uow, ids)`.
`catalogue.py` lists the layers the map shows; features add theirs there.
"""
