"""The live map page is rendered once and kept on disk; a changed asset renders a fresh one."""

from __future__ import annotations

import re
import shutil

import pytest

from desktop.maps import page as page_module
from desktop.maps.page import cached_live_page, page_key


@pytest.fixture()
def assets(tmp_path, monkeypatch):
    """A private copy of resources/map the page module reads (so the test may change it)."""
    copy = tmp_path / "map"
    shutil.copytree(page_module.MAP_DIR, copy)
    monkeypatch.setattr(page_module, "MAP_DIR", copy)
    return copy


def test_the_page_is_rendered_once_and_then_read_from_the_cache(assets, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = cached_live_page(cache)
    assert first.is_file() and first.parent.parent == cache
    assert (first.parent / "safegrid-cjk.ttf").is_file()           # the web font beside it
    monkeypatch.setattr(page_module, "render_page", lambda *a, **k: pytest.fail("rendered again"))
    assert cached_live_page(cache) == first


def test_the_cached_page_is_static_and_links_only_local_files(assets, tmp_path):
    html = cached_live_page(tmp_path / "cache").read_text(encoding="utf-8")
    assert re.search(r"SafeGridMap\.start\(\w+, null, \{\}\)", html)   # configured over the channel
    refs = re.findall(r'(?:src|href)\s*=\s*"([^"]+)"', html)
    assert refs and all(r.startswith(("file:///", "qrc:///")) for r in refs), refs
    assert str(assets.as_uri()) in html


def test_a_changed_asset_renders_a_fresh_page_and_drops_the_old_one(assets, tmp_path):
    cache = tmp_path / "cache"
    old = cached_live_page(cache)
    key = page_key()
    script = assets / "safegrid-map.js"
    script.write_text(script.read_text(encoding="utf-8") + "\n// changed\n", encoding="utf-8")
    assert page_key() != key
    new = cached_live_page(cache)
    assert new != old and new.is_file()
    assert not old.parent.exists()                                  # the stale folder is gone
    assert [p.name for p in cache.iterdir()] == [new.parent.name]


def test_a_changed_stylesheet_or_image_changes_the_key(assets):
    key = page_key()
    css = assets / "safegrid-map.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")
    assert page_key() != key
    key = page_key()
    image = next(assets.rglob("*.png"))
    image.write_bytes(image.read_bytes() + b"\0")
    assert page_key() != key
