"""The map's local tile scheme `safegrid-tiles:`, registered before the QApplication exists.

Kept apart from map_view so start-up registers it without importing QtWebEngineWidgets (the
map view loads only when the map screen is first shown).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWebEngineCore import QWebEngineUrlScheme

log = logging.getLogger(__name__)

TILE_SCHEME = b"safegrid-tiles"


def scheme_registered() -> bool:
    return QWebEngineUrlScheme.schemeByName(TILE_SCHEME).name() == TILE_SCHEME


def register_map_schemes() -> bool:
    """Register `safegrid-tiles:` (LocalScheme: a file:// page may load it). Before QApplication."""
    if scheme_registered():
        return True
    if QCoreApplication.instance() is not None:
        log.warning("map tile scheme registered too late (after QApplication): no local base map")
        return False
    scheme = QWebEngineUrlScheme(TILE_SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Path)
    scheme.setFlags(QWebEngineUrlScheme.Flag.LocalScheme | QWebEngineUrlScheme.Flag.LocalAccessAllowed)
    QWebEngineUrlScheme.registerScheme(scheme)
    return True


def tile_url_template(tag: str = "") -> str:
    return f"{TILE_SCHEME.decode()}:/{{z}}/{{x}}/{{y}}" + (f"?f={tag}" if tag else "")
