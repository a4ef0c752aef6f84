"""The launch snapshot on disk: kept, found again only while it is true, and a script the page runs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop.maps import snapshot

CONFIG = {"bounds": [117.0, 34.1, 117.3, 34.3], "layers": [{"id": "pts", "kind": "points"}],
          "strings": {"legend": "图例"}, "base": {"url": "safegrid-tiles:/{z}/{x}/{y}", "kind": "mbtiles"}}
PAYLOADS = {"pts": '{"kind":"points","columns":["id","lon","lat","name"],"rows":[["1",117.1,34.2,"泉山\\u2028区"]]}',
            "grids": '{"kind":"polygons",\n"features":[]}'}
TRUE_FOR = {"database": "sqlite:/tmp/d.db", "lang": "zh_CN", "seq": 41, "page": "pagekey"}


@pytest.fixture
def code(tmp_path) -> Path:
    path = tmp_path / "layer_code.py"
    path.write_text("def build(uow): ...\n", encoding="utf-8")
    return path


def save(folder: Path, code: Path, **changes) -> Path | None:
    return snapshot.save(folder, **{**TRUE_FOR, **changes}, files=[str(code)], config=CONFIG, payloads=PAYLOADS)


def script_value(path: Path) -> dict:
    """What SafeGridMap.snapshot() receives: the script is `SafeGridMap.snapshot(JSON.parse("…"));`."""
    text = path.read_text(encoding="utf-8")
    head, tail = "SafeGridMap.snapshot(JSON.parse(", "));\n"
    assert text.startswith(head) and text.endswith(tail)
    return json.loads(json.loads(text[len(head):-len(tail)]))


def test_a_kept_snapshot_is_found_while_it_is_true(tmp_path, code):
    save(tmp_path, code)
    snap = snapshot.load(tmp_path, **TRUE_FOR)
    assert snap is not None and snap.seq == 41 and snap.config == CONFIG
    assert snap.digests == {k: snapshot.digest(v) for k, v in PAYLOADS.items()}
    shown = script_value(snap.script)
    assert shown["config"] == {**CONFIG, "base": None}  # base tiles come later, from the Map screen
    assert shown["data"] == {k: json.loads(v) for k, v in PAYLOADS.items()}


@pytest.mark.parametrize("what, value", [("seq", 42), ("database", "sqlite:/tmp/other.db"), ("lang", "en_GB"),
                                          ("page", "newpage")])
def test_a_snapshot_is_not_found_for_another_feed_head_database_language_or_page(tmp_path, code, what, value):
    save(tmp_path, code)
    assert snapshot.load(tmp_path, **{**TRUE_FOR, what: value}) is None


def test_changed_layer_code_or_a_lost_script_make_it_stale(tmp_path, code):
    save(tmp_path, code)
    st = code.stat()
    os.utime(code, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert snapshot.load(tmp_path, **TRUE_FOR) is None
    save(tmp_path, code)
    found = snapshot.load(tmp_path, **TRUE_FOR)
    found.script.unlink()
    assert snapshot.load(tmp_path, **TRUE_FOR) is None


def test_a_new_snapshot_replaces_the_old_one_and_its_script(tmp_path, code):
    folder = tmp_path / "snapshot"
    save(folder, code)
    first = snapshot.load(folder, **TRUE_FOR).script
    save(folder, code, seq=50)
    assert snapshot.load(folder, **TRUE_FOR) is None
    second = snapshot.load(folder, **{**TRUE_FOR, "seq": 50}).script
    assert not first.exists() and second.exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted([snapshot.META, second.name])


def test_unreadable_metadata_is_no_snapshot(tmp_path, code):
    save(tmp_path, code)
    (tmp_path / snapshot.META).write_text("{not json", encoding="utf-8")
    assert snapshot.load(tmp_path, **TRUE_FOR) is None
    assert snapshot.load(tmp_path / "missing", **TRUE_FOR) is None


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path, code):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert save(blocker / "snapshot", code) is None
