"""Launched by bench_map as a fresh process: the app on the map screen, or the bare floor.

    python benchmarks/_map_launch.py app DB_PATH      # SafeGrid, as `safegrid --db DB_PATH`
    python benchmarks/_map_launch.py app DB_PATH 3    # ... and stay open 3 s after "ready"
    python benchmarks/_map_launch.py floor            # QtWebEngine + an empty Leaflet page

The app prints "drawn" when every map layer is on screen and "ready" when the whole window has
loaded and gone idle (--exit-when-ready); the floor prints "ready" when its page has loaded and
Leaflet has made its map. Nothing is imported here before the app's own entry point.
"""

from __future__ import annotations

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

    folder = tempfile.TemporaryDirectory(prefix="safegrid-floor-")
    html = Path(folder.name) / "floor.html"
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
    code = app.exec()
    folder.cleanup()
    return code


def app(db_path: str, hold: float = 0.0) -> int:
    """`hold` seconds: stay open that long after "ready" (bench_map measures memory meanwhile)."""
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

    return main(["--db", db_path, "--exit-when-ready"])


if __name__ == "__main__":
    sys.exit(floor() if sys.argv[1] == "floor" else app(sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 0.0))
