"""The map page: folium's scaffold over the vendored Leaflet, our JS, and no request off the machine.

`render_page(config)` returns the HTML the map view loads from a file (setHtml stops near 2 MB).
Live pages link the vendored files by file:// URL and QWebChannel by qrc:; exported pages
(`inline=True`) carry every script, style and image inside, plus the layer data, and open offline
in any browser. folium is imported lazily (it costs ~0.3 s): call these off the GUI thread.

The live map loads `cached_live_page(cache_dir)`: a static page (no configuration, no data: both
come over QWebChannel) rendered once and kept on disk under a key made of every input (our
scripts and styles, the vendored assets, the font, folium's version, this module), so a launch
reads a file instead of importing folium, and a changed asset renders a fresh page.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.maps.webfont import write_web_font

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
MAP_DIR = RESOURCES / "map"
FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"
QWEBCHANNEL_JS = "qrc:///qtwebchannel/qwebchannel.js"

# (folium name, file under resources/map) — leaflet first, our script last.
JS_FILES = (
    ("leaflet", "leaflet-1.9.3/leaflet.js"),
    ("markercluster", "leaflet.markercluster-1.5.3/leaflet.markercluster.js"),
    ("safegrid_map", "safegrid-map.js"),
)
CSS_FILES = (
    ("leaflet_css", "leaflet-1.9.3/leaflet.css"),
    ("markercluster_css", "leaflet.markercluster-1.5.3/MarkerCluster.css"),
    ("markercluster_default_css", "leaflet.markercluster-1.5.3/MarkerCluster.Default.css"),
    ("safegrid_map_css", "safegrid-map.css"),
)
FONT_STACK = '"WenQuanYi Micro Hei", "SafeGrid CJK", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif'


@dataclass(frozen=True)
class PageConfig:
    """What the page starts with. `layers` are Layer.definition() dicts; `strings` the UI texts."""

    bounds: tuple[float, float, float, float]  # district: min lon, min lat, max lon, max lat
    layers: list[dict[str, Any]]
    strings: Mapping[str, str]
    base: Mapping[str, Any] | None = None      # {"url", "minZoom", "maxNativeZoom", "attribution"}
    min_zoom: int = 10
    max_zoom: int = 19
    live: bool = True                          # False: standalone (no QWebChannel)
    view: Mapping[str, Any] | None = None      # {"center": [lat, lon], "zoom": z} to open at
    state: Mapping[str, Any] = field(default_factory=dict)  # hidden layers, focus (export)

    def center(self) -> list[float]:
        x0, y0, x1, y1 = self.bounds
        return [(y0 + y1) / 2, (x0 + x1) / 2]

    def as_json(self) -> dict[str, Any]:
        return {"bounds": list(self.bounds), "layers": self.layers, "strings": dict(self.strings),
                "base": dict(self.base) if self.base else None, "live": self.live,
                "view": dict(self.view) if self.view else None, "state": dict(self.state),
                "maxZoom": self.max_zoom, "minZoom": self.min_zoom}


def _script_json(value: Any) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def _inline_css(path: Path) -> str:
    css = path.read_text(encoding="utf-8")

    def data_uri(match: re.Match[str]) -> str:
        ref = match.group(1).strip("'\"")
        target = path.parent / ref
        if ref.startswith(("data:", "#")) or not target.is_file():
            return match.group(0)
        mime = "image/svg+xml" if target.suffix == ".svg" else f"image/{target.suffix.lstrip('.')}"
        return f"url(data:{mime};base64,{base64.b64encode(target.read_bytes()).decode()})"

    return re.sub(r"url\(([^)]+)\)", data_uri, css)


def render_page(config: PageConfig, *, inline: bool = False, data: Mapping[str, str] | None = None,
                font_dir: Path | None = None, static: bool = False) -> str:
    """The page's HTML. `data`: layer id -> payload JSON text, embedded (export). `font_dir`: where
    the live page's CJK web font is written (beside the page). `static`: the page starts without
    its configuration and waits for Python's "configure" over the channel (the cached live page)."""
    import folium  # lazy: ~0.3 s
    from branca.element import MacroElement
    from jinja2 import Template

    m = folium.Map(location=config.center(), zoom_start=13, tiles=None, prefer_canvas=True,
                   control_scale=False, min_zoom=config.min_zoom, max_zoom=config.max_zoom,
                   zoom_control=True)
    m.options["maxZoom"] = config.max_zoom   # tiles=None: MarkerCluster needs it on the map
    m.options["zoomSnap"] = 0.25
    m.options["attributionControl"] = False
    root = m.get_root()
    if inline:
        m.default_js = []
        m.default_css = []
        styles = "\n".join(_inline_css(MAP_DIR / rel) for _, rel in CSS_FILES)
        root.header.add_child(folium.Element(f"<style>\n{styles}\n</style>"))
        for _, rel in JS_FILES:
            code = (MAP_DIR / rel).read_text(encoding="utf-8").replace("</script", "<\\/script")
            code = re.sub(r"//# sourceMappingURL=\S+", "", code)
            root.header.add_child(folium.Element(f"<script>\n{code}\n</script>"))
        font_face = ""
    else:
        js = [(name, (MAP_DIR / rel).as_uri()) for name, rel in JS_FILES]
        if config.live:
            js.insert(0, ("qwebchannel", QWEBCHANNEL_JS))
        m.default_js = js
        m.default_css = [(name, (MAP_DIR / rel).as_uri()) for name, rel in CSS_FILES]
        font = write_web_font(FONT_FILE, font_dir / "safegrid-cjk.ttf") if font_dir else None
        font_face = f'@font-face {{ font-family: "SafeGrid CJK"; src: url("{font.as_uri()}"); }}' if font else ""
    root.header.add_child(folium.Element(
        f"<style>{font_face} .leaflet-container, .sg-panel {{ font-family: {FONT_STACK}; }}</style>"))
    root.header.add_child(folium.Element('<meta charset="utf-8"><title>SafeGrid</title>'))
    payloads = "{" + ",".join(json.dumps(k) + ":" + v.replace("</", "<\\/") for k, v in (data or {}).items()) + "}"
    start = MacroElement()
    # A child of the map renders after the map's own script, so the map variable exists.
    start._template = Template("{% macro script(this, kwargs) %}{{ this.code }}{% endmacro %}")
    page_config = "null" if static else _script_json(config.as_json())
    start.code = f"SafeGridMap.start({m.get_name()}, {page_config}, {payloads});"
    m.add_child(start)
    return root.render()


def write_page(config: PageConfig, path: str | Path) -> Path:
    """Render the live page into `path` (the view loads it by file URL)."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_page(config, font_dir=out.parent), encoding="utf-8")
    return out


def export_html(config: PageConfig, data: Mapping[str, str], path: str | Path) -> Path:
    """A standalone copy of the map as it is now: every asset and the layer data inlined."""
    out = Path(path)
    out.write_text(render_page(config, inline=True, data=data), encoding="utf-8")
    return out


# -- the cached live page --------------------------------------------------------------------------

# The static page's own settings (the district and the layers arrive with "configure").
STATIC_CONFIG = PageConfig(bounds=(117.08, 34.17, 117.24, 34.29), layers=[], strings={})
PAGE_FILE = "map.html"


def _folium_file() -> Path:
    """folium's package file, found without importing folium (its version moves with it)."""
    import importlib.util

    spec = importlib.util.find_spec("folium")
    return Path(spec.origin) if spec and spec.origin else Path("folium-missing")


def page_key() -> str:
    """A digest of everything the live page is made of: change any of it, get a new key.

    Files count by path, size and modification time (a launch computes this before the map can
    load, so nothing is read); any edit, checkout or upgrade gives a fresh page."""
    # The page links the assets by absolute file URL: where they are is part of the key too.
    h = hashlib.sha256(f"{MAP_DIR.as_uri()}\n{FONT_FILE.as_uri()}\n".encode())
    files = [MAP_DIR / rel for _, rel in (*JS_FILES, *CSS_FILES)]
    files += [Path(__file__), Path(__file__).with_name("webfont.py"), FONT_FILE, _folium_file()]
    files += sorted((*MAP_DIR.rglob("*.png"), *MAP_DIR.rglob("*.svg")))  # the images the CSS names
    for path in files:
        try:
            st = path.stat()
            h.update(f"{path}:{st.st_size}:{st.st_mtime_ns}\n".encode())
        except OSError:
            h.update(f"{path}:missing\n".encode())
    return h.hexdigest()[:20]


def existing_live_page(cache_dir: str | Path) -> Path | None:
    """The cached live page if an earlier launch rendered it for these assets (never renders)."""
    page = Path(cache_dir) / page_key() / PAGE_FILE
    return page if page.is_file() else None


def cached_live_page(cache_dir: str | Path) -> Path:
    """The live map page in `cache_dir/<key>/`, rendered (folium, ~0.5 s) only when missing.

    The page file is written last and atomically, so its presence means the folder is complete;
    folders of older keys are removed. Safe when two instances start at once (same content)."""
    root = Path(cache_dir)
    folder = root / page_key()
    page = folder / PAGE_FILE
    if page.is_file():
        return page
    folder.mkdir(parents=True, exist_ok=True)
    font = folder / "safegrid-cjk.ttf"
    if not font.exists() and FONT_FILE.is_file():
        _atomic_write(font, lambda tmp: write_web_font(FONT_FILE, tmp))
    html = render_page(STATIC_CONFIG, font_dir=folder, static=True)
    _atomic_write(page, lambda tmp: tmp.write_text(html, encoding="utf-8"))
    for old in root.iterdir():
        if old.is_dir() and old != folder and len(old.name) == len(folder.name) and (old / PAGE_FILE).exists():
            shutil.rmtree(old, ignore_errors=True)
    return page


def _atomic_write(dest: Path, write) -> None:
    fd, name = tempfile.mkstemp(prefix=dest.name + ".", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        tmp.unlink()  # write_web_font writes only where no file is
        write(tmp)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
