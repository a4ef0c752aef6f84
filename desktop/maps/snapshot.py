"""The map as it was last drawn, kept on disk so that the next launch can paint it at once.

A launch that signs in by itself (the demo district) opens the map before the rest of the app has
loaded (desktop/app.py) and paints this snapshot, but only while it is still true:

* the same database and the same interface language;
* the change feed's head is the seq the snapshot was taken at: nothing was committed since;
* the same page (its key names every script and style) and the same layer code (file stamps).

The map controller then rebuilds every layer in the background as on any launch, and corrects in
place whatever differs (overdue and stale flags move with the clock, not with the feed).

Two files: the snapshot itself, a script the page loads by file URL while Python is still busy
(`SafeGridMap.snapshot({config, data})`: Python never reads it at launch), and a small metadata
file that says what it is true for, with a digest of each layer's payload so that the controller
can tell which layers changed since. Written atomically (the script first, under a new name);
read without SQLAlchemy or Qt.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

META = "map-snapshot.json"
SCRIPT_GLOB = "map-snapshot-*.js"
FORMAT = 2


def stamp(files: Iterable[str]) -> str:
    """Size and modification time of each file: changes when the code that built a layer does."""
    out = []
    for name in sorted(set(files)):
        try:
            st = os.stat(name)
            out.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            out.append(f"{name}:missing")
    return "\n".join(out)


def digest(payload: str) -> str:
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Snapshot:
    """A snapshot still true: the page configuration, each layer's payload digest, the script."""

    seq: int
    config: dict[str, Any]
    digests: dict[str, str]
    script: Path


def save(folder: str | Path, *, database: str, lang: str, seq: int, page: str, files: Iterable[str],
         config: dict[str, Any], payloads: Mapping[str, str]) -> Path | None:
    """Keep the map (replacing the last one); returns the metadata file, None if it cannot be written.

    `database`: location.database_key(); `lang`: the QLocale name; `seq`: the change feed's head
    the payloads are true at; `page`: the live page's key; `files`: the layer code (stamped);
    `config`: the page configuration as sent; `payloads`: layer id -> payload JSON text."""
    folder = Path(folder)
    files = sorted(set(files))
    script = f"map-snapshot-{seq}-{secrets.token_hex(4)}.js"
    data = ",".join(f"{json.dumps(layer_id)}:{text}" for layer_id, text in payloads.items())
    shown = {**config, "base": None}  # base-map tiles need the Map screen's scheme handler: it adds them
    whole = f'{{"config":{json.dumps(shown, ensure_ascii=False)},"data":{{{data}}}}}'
    # One string literal for JSON.parse: V8 scans a string far faster than it parses a literal.
    body = f"SafeGridMap.snapshot(JSON.parse({json.dumps(whole, ensure_ascii=False)}));\n"
    meta = {"format": FORMAT, "database": database, "lang": lang, "seq": seq, "page": page, "files": files,
            "stamp": stamp(files), "config": config, "script": script,
            "digests": {layer_id: digest(text) for layer_id, text in payloads.items()}}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write(folder / script, body)
        _write(folder / META, json.dumps(meta, ensure_ascii=False))
    except OSError as exc:
        log.warning("map: cannot keep the map snapshot in %s: %s", folder, exc)
        return None
    for old in folder.glob(SCRIPT_GLOB):
        if old.name != script:
            old.unlink(missing_ok=True)
    return folder / META


def _write(dest: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=dest.name + ".", suffix=".tmp", dir=dest.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, dest)
    finally:
        Path(tmp).unlink(missing_ok=True)


def load(folder: str | Path, *, database: str, lang: str, seq: int, page: str) -> Snapshot | None:
    """The snapshot if it is still true for this database, language, feed head and page; else None."""
    folder = Path(folder)
    try:
        meta = json.loads((folder / META).read_text(encoding="utf-8"))
        if (meta.get("format"), meta["database"], meta["lang"], meta["seq"], meta["page"]) != (
                FORMAT, database, lang, seq, page):
            return None
        script = folder / meta["script"]
        if stamp(meta["files"]) != meta["stamp"] or not script.is_file():
            return None
        return Snapshot(seq=seq, config=meta["config"], digests=dict(meta["digests"]), script=script)
    except (OSError, ValueError, KeyError, TypeError):
        return None
