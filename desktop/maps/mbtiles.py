"""Read tiles from an MBTiles file (SQLite; TMS row order), for the map's local base map."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.domain.errors import ValidationError

FORMATS = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp"}


class MBTiles:
    """A read-only MBTiles file. Use from one thread (the one that opened it)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise ValidationError("mbtiles", f"{self.path} does not exist")
        try:
            self._conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            self.metadata = dict(self._conn.execute("SELECT name, value FROM metadata").fetchall())
            self._conn.execute("SELECT 1 FROM tiles LIMIT 1").fetchall()
        except sqlite3.DatabaseError as exc:
            raise ValidationError("mbtiles", f"{self.path.name} is not an MBTiles file: {exc}") from None
        fmt = self.metadata.get("format", "png").lower()
        if fmt not in FORMATS:
            raise ValidationError("mbtiles", f"tiles in {fmt!r} cannot be shown (png, jpg or webp)")
        self.mime = FORMATS[fmt]

    def zoom_range(self) -> tuple[int, int]:
        lo, hi = self._conn.execute("SELECT min(zoom_level), max(zoom_level) FROM tiles").fetchone()
        return int(lo if lo is not None else self.metadata.get("minzoom", 0)), int(
            hi if hi is not None else self.metadata.get("maxzoom", 18))

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The tile at XYZ (Leaflet's scheme) z/x/y, or None; MBTiles stores TMS rows."""
        if z < 0 or not (0 <= x < 2**z and 0 <= y < 2**z):
            return None
        row = self._conn.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
            (z, x, (1 << z) - 1 - y),
        ).fetchone()
        return bytes(row[0]) if row else None

    def close(self) -> None:
        self._conn.close()


def parse_tile_path(path: str) -> tuple[int, int, int] | None:
    """'/12/3400/1650.png' or '12/3400/1650' -> (12, 3400, 1650); None when it is not a tile path."""
    parts = path.strip("/").split("/")
    if len(parts) != 3:
        return None
    parts[2] = parts[2].split(".")[0]
    try:
        z, x, y = (int(p) for p in parts)
    except ValueError:
        return None
    return z, x, y
