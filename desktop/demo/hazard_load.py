"""Bulk-load the demo hazard history into the demo transaction, fast enough for a million tickets.

The secondary indexes (and SQLite's FTS triggers) are set aside during the load and rebuilt once
at the end, from their own definitions read from the database; rows go in with executemany on
SQLite and COPY on PostgreSQL; the FTS index is rebuilt in one pass; statistics are refreshed.
"""

from __future__ import annotations

import io
import random
import time
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime

from PIL import Image, ImageDraw
from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from desktop.data.hazard_search import FTS_TABLE
from desktop.demo.hazard_refs import read_refs
from desktop.demo.hazards import Simulator, Ticket, event_json
from desktop.domain.hazard_flow import HazardAction
from desktop.domain.hazard_policy import HazardPolicy
from desktop.domain.hazard_terms import AttachmentKind, HazardStatus, district_today
from desktop.domain.progress import Progress
from desktop.services.hazard_files import NewAttachment, PreparedFile, prepare

DEFAULT_HAZARDS = 3000
PHOTO_TICKETS = 5000   # only the newest tickets carry demo photos (a million photos would be gigabytes)
CHUNK = 20_000
TABLES = ("hazards", "hazard_events", "hazard_attachments", "hazard_attachment_data")

HAZARD_COLS = ("id", "status", "severity", "category", "source", "description", "place", "enterprise_id", "lon",
               "lat", "street_id", "community_id", "grid_id", "department_id", "tier", "unrouted", "route_note",
               "found_by", "reported_by", "responsible", "deadline", "overdue_able", "escalation_level",
               "return_count", "rectifier", "reinspection", "has_plan", "round_evidence", "created_at",
               "updated_at", "closed_at", "version")
EVENT_COLS = ("id", "hazard_id", "at", "actor", "actor_name", "action", "from_status", "to_status", "note", "data",
              "version")
FILE_COLS = ("id", "hazard_id", "event_id", "kind", "filename", "mime", "size", "width", "height", "thumbnail",
             "created_at", "actor")
DATA_COLS = ("attachment_id", "data")

# A minimal valid one-page PDF: the demo's rectification plans (content is not the point).
PLAN_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
            b"endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font"
            b"<</F1 5 0 R>>>>>>endobj\n4 0 obj<</Length 58>>stream\nBT /F1 18 Tf 72 760 Td (Rectification plan - demo)"
            b" Tj ET\nendstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
            b"trailer<</Root 1 0 R>>\n%%EOF\n")


def demo_photos(seed: int, n: int = 12) -> list[PreparedFile]:
    """Small site photos (shapes on a ground), made once per load and shared by the tickets."""
    rng = random.Random(f"{seed}:photos")
    out = []
    for i in range(n):
        img = Image.new("RGB", (480, 360), tuple(rng.randrange(120, 220) for _ in range(3)))
        draw = ImageDraw.Draw(img)
        for _ in range(14):
            x, y = rng.randrange(480), rng.randrange(360)
            draw.rectangle((x, y, x + rng.randrange(20, 160), y + rng.randrange(20, 120)),
                           fill=tuple(rng.randrange(40, 255) for _ in range(3)))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=70)
        out.append(prepare(NewAttachment(f"photo{i}.jpg", buf.getvalue(), AttachmentKind.PHOTO)))
    return out


def _sqlite_value(v: object) -> object:
    """What SQLAlchemy would store on SQLite: UTC datetimes and dates as ISO text."""
    if isinstance(v, datetime):
        return v.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
    if isinstance(v, date):
        return v.isoformat()
    return v


def _time_columns(cols: Sequence[str]) -> tuple[int, ...]:
    return tuple(i for i, c in enumerate(cols) if c in ("at", "created_at", "updated_at", "closed_at", "deadline"))


class _Writer:
    """Rows out: executemany on SQLite, COPY on PostgreSQL (same transaction as the session)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.sqlite = conn.dialect.name == "sqlite"

    def write(self, table: str, cols: Sequence[str], rows: list[tuple]) -> None:
        if not rows:
            return
        if self.sqlite:
            sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
            times = _time_columns(cols)
            if times:
                rows = [list(r) for r in rows]
                for r in rows:
                    for i in times:
                        r[i] = _sqlite_value(r[i])
            self.conn.connection.driver_connection.executemany(sql, rows)  # inside our transaction
            return
        raw = self.conn.connection.driver_connection
        with raw.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row(r)


def _set_aside(conn: Connection) -> list[str]:
    """Drop the secondary indexes and triggers of the hazard tables; return their DDL."""
    if conn.dialect.name == "sqlite":
        found = conn.execute(text(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL "
            f"AND tbl_name IN ({', '.join(repr(t) for t in TABLES)})")).all()
        for kind, name, _ in found:
            conn.execute(text(f"DROP {kind.upper()} {name}"))
        return [sql for _, _, sql in found]
    found = conn.execute(text(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname "
        "JOIN pg_index x ON x.indexrelid = c.oid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE i.schemaname = current_schema() AND n.nspname = current_schema() AND NOT x.indisprimary "
        f"AND i.tablename IN ({', '.join(repr(t) for t in TABLES)})")).all()
    for name, _ in found:
        conn.execute(text(f'DROP INDEX "{name}"'))
    return [ddl for _, ddl in found]


def _restore(conn: Connection, ddl: list[str], progress: Callable[[str], None]) -> None:
    triggers = [sql for sql in ddl if sql.upper().startswith("CREATE TRIGGER")]
    for sql in ddl:
        if sql not in triggers:
            progress("index " + sql.split(" ON ")[0].split()[-1])
            conn.execute(text(sql))
    if conn.dialect.name == "sqlite":
        progress("full-text index")
        conn.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"))
        for sql in triggers:
            conn.execute(text(sql))
        progress("statistics")
        conn.execute(text("ANALYZE"))
    else:
        for table in ("hazards", "hazard_events", "hazard_attachments"):
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                              f"coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"))
        progress("statistics")
        for table in TABLES:
            conn.execute(text(f"ANALYZE {table}"))


def wipe_hazards(session: Session) -> None:
    """Delete every hazard (before the district they point at is replaced)."""
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"TRUNCATE {', '.join(TABLES)}"))
        return
    ddl = _set_aside(conn)  # row-by-row FTS triggers would make a big delete crawl
    for table in reversed(TABLES):
        conn.execute(text(f"DELETE FROM {table}"))
    conn.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')"))
    for sql in ddl:
        conn.execute(text(sql))


def _rows(t: Ticket, hazard_id: int, event_id: int, file_id: int, photos: list[PreparedFile]
          ) -> tuple[tuple, list[tuple], list[tuple], list[tuple]]:
    st = t.state
    closed = next((at for e, at in zip(t.events, t.times, strict=True) if e.action is HazardAction.REINSPECT_PASS),
                  None)
    r = t.row
    hazard = (hazard_id, st.status.value, st.severity.value, st.category.value, r["source"], r["description"],
              r["place"], r["enterprise_id"], r["lon"], r["lat"], r["street_id"], r["community_id"], r["grid_id"],
              st.department_id, st.tier.value, int(st.unrouted), r["route_note"], r["found_by"], r["reported_by"],
              st.responsible, st.deadline, int(st.overdue_able), st.escalation_level, st.return_count,
              st.rectifier, st.reinspection.value, int(st.has_plan), st.round_evidence, r["created_at"],
              t.times[-1], closed if st.status is HazardStatus.CLOSED else None, len(t.events))
    events = [(event_id + i, hazard_id, at, e.actor, name, e.action.value,
               e.from_status.value if e.from_status else None, e.to_status.value, e.note, event_json(e), i + 1)
              for i, (e, at, name) in enumerate(zip(t.events, t.times, t.names, strict=True))]
    files, data = [], []
    for n, (ev, kind) in enumerate(t.files):
        if kind is AttachmentKind.PLAN:
            name, mime, blob, w, h, thumb = "整改方案.pdf", "application/pdf", PLAN_PDF, None, None, None
        else:
            p = photos[(hazard_id + n) % len(photos)]
            name = f"{'整改后' if kind is AttachmentKind.EVIDENCE else '现场'}照片{hazard_id}.jpg"
            mime, blob, w, h, thumb = p.mime, p.data, p.width, p.height, p.thumbnail
        files.append((file_id + n, hazard_id, event_id + ev, kind.value, name, mime, len(blob), w, h, thumb,
                      t.times[ev], t.events[ev].actor))
        data.append((file_id + n, blob))
    return hazard, events, files, data


def add_demo_hazards(session: Session, count: int, seed: int, *, anchor: date | None = None,
                     progress: Progress | None = None) -> str:
    """Generate and insert `count` tickets (the tables must be empty). Returns a summary."""
    if count <= 0:
        return "no demo hazards"
    started = time.perf_counter()
    progress = progress or Progress()
    session.flush()
    conn = session.connection()
    anchor = anchor or district_today()
    sim = Simulator(read_refs(session, seed), seed, anchor, max(0, count - PHOTO_TICKETS), HazardPolicy())
    photos = demo_photos(seed)
    ddl = _set_aside(conn)
    writer = _Writer(conn)
    times = sim.created_times(count)
    event_id = file_id = 1
    statuses: dict[str, int] = {}
    n_events = 0
    for start in range(0, count, CHUNK):
        progress.check()
        progress.report(start, count, f"demo hazards {start:,}/{count:,}")
        hz, ev, fl, dt = [], [], [], []
        for k in range(start, min(count, start + CHUNK)):
            t = sim.ticket(k, times[k])
            h, e, f, d = _rows(t, k + 1, event_id, file_id, photos)
            event_id += len(e)
            file_id += len(f)
            statuses[h[1]] = statuses.get(h[1], 0) + 1
            hz.append(h)
            ev += e
            fl += f
            dt += d
        writer.write("hazards", HAZARD_COLS, hz)
        writer.write("hazard_events", EVENT_COLS, ev)
        writer.write("hazard_attachments", FILE_COLS, fl)
        writer.write("hazard_attachment_data", DATA_COLS, dt)
        n_events += len(ev)
    _restore(conn, ddl, lambda what: progress.report(count, count, f"demo hazards: {what}"))
    mix = ", ".join(f"{s} {statuses.get(s, 0):,}" for s in HazardStatus)
    return (f"{count:,} hazards ({mix}) with {n_events:,} events, {file_id - 1:,} attachments, "
            f"anchored at {anchor.isoformat()}, in {time.perf_counter() - started:.1f} s")
