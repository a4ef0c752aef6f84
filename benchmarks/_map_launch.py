"""Launched by bench_map as a fresh process: the app on the map screen, or the bare floor.

    python benchmarks/_map_launch.py app DB_PATH      # SafeGrid, map screen + synthetic hazards
    python benchmarks/_map_launch.py app DB_PATH 3    # ... and stay open 3 s after "ready"
    python benchmarks/_map_launch.py floor            # QtWebEngine + an empty Leaflet page

Both print "ready" once drawn: the app when every map layer is drawn (--exit-when-ready), the
floor when its page has loaded and Leaflet has made its map.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def floor() -> int:
    from desktop.app import prepare_environment

    prepare_environment()
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QApplication

    from desktop.maps.page import MAP_DIR

    app = QApplication(sys.argv[:1])
    from PySide6.QtWebEngineWidgets import QWebEngineView

    html = Path(tempfile.mkdtemp(prefix="safegrid-floor-")) / "floor.html"
    html.write_text(
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<link rel='stylesheet' href='{(MAP_DIR / 'leaflet-1.9.3/leaflet.css').as_uri()}'>"
        f"<script src='{(MAP_DIR / 'leaflet-1.9.3/leaflet.js').as_uri()}'></script>"
        "<style>html,body,#m{margin:0;height:100%}</style></head><body><div id='m'></div>"
        "<script>window.m = L.map('m').setView([34.23, 117.16], 13);</script></body></html>",
        encoding="utf-8")
    view = QWebEngineView()
    view.resize(1400, 900)

    def loaded(ok: bool) -> None:
        view.page().runJavaScript("typeof L === 'object' && !!window.m", 0, lambda r: (
            print("ready" if r else "failed", flush=True), app.quit()))

    view.loadFinished.connect(loaded)
    view.load(QUrl.fromLocalFile(str(html)))
    view.show()
    return app.exec()


def app(db_path: str, hold: float = 0.0) -> int:
    """`hold` seconds: stay open that long after "ready" (bench_map measures memory meanwhile)."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import _map_data

    import desktop.maps.catalogue as catalogue
    from desktop.__main__ import main

    if hold:
        import desktop.app as desktop_app

        quit_when_idle = desktop_app._quit_when_idle

        def hold_then_quit(qt_app, *args) -> None:
            from PySide6.QtCore import QTimer

            really_quit = qt_app.quit
            qt_app.quit = lambda: QTimer.singleShot(int(hold * 1000), really_quit)
            quit_when_idle(qt_app, *args)

        desktop_app._quit_when_idle = hold_then_quit

    builtin = catalogue._point_layers
    catalogue._point_layers = lambda: [*builtin(), _map_data.layer()]  # the stand-in hazard layer
    return main(["--db", db_path, "--exit-when-ready"])


if __name__ == "__main__":
    sys.exit(floor() if sys.argv[1] == "floor" else app(sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 0.0))
