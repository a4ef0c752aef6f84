"""How the squad and dispatch screens write times, durations and distances (district time, UTC+8)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from PySide6.QtCore import QCoreApplication

DISTRICT_TZ = timezone(timedelta(hours=8), "CST")


def local(at: datetime | None) -> datetime | None:
    return at.astimezone(DISTRICT_TZ) if at is not None else None


def clock(at: datetime | None, *, seconds: bool = False) -> str:
    """ "14:05" today, "11-28 14:05" on another day (district time)."""
    if at is None:
        return ""
    t = local(at)
    today = datetime.now(UTC).astimezone(DISTRICT_TZ).date()
    fmt = "%H:%M:%S" if seconds else "%H:%M"
    return t.strftime(fmt) if t.date() == today else t.strftime("%m-%d " + fmt)


def stamp(at: datetime | None) -> str:
    """A full date and time, for cards and tooltips."""
    return local(at).strftime("%Y-%m-%d %H:%M:%S") if at is not None else ""


def day(d: date | None) -> str:
    return d.isoformat() if d is not None else ""


def duration(seconds: float | None) -> str:
    """ "45 s", "3 min 20 s", "2 h 05 min"."""
    if seconds is None:
        return ""
    s = int(round(max(0.0, seconds)))
    if s < 60:
        return QCoreApplication.translate("DispatchFormat", "{s} s").format(s=s)
    if s < 3600:
        return QCoreApplication.translate("DispatchFormat", "{m} min {s} s").format(m=s // 60, s=s % 60)
    return QCoreApplication.translate("DispatchFormat", "{h} h {m:02d} min").format(
        h=s // 3600, m=s // 60 % 60
    )


def since(at: datetime | None, now: datetime | None = None) -> str:
    """How long ago, coarse: "5 min", "2 h 10 min", "3 d"."""
    if at is None:
        return ""
    minutes = int(((now or datetime.now(UTC)) - at).total_seconds() // 60)
    if minutes < 1:
        return QCoreApplication.translate("DispatchFormat", "just now")
    if minutes < 60:
        return QCoreApplication.translate("DispatchFormat", "{m} min").format(m=minutes)
    if minutes < 24 * 60:
        return QCoreApplication.translate("DispatchFormat", "{h} h {m} min").format(
            h=minutes // 60, m=minutes % 60
        )
    return QCoreApplication.translate("DispatchFormat", "{d} d").format(d=minutes // (24 * 60))


def km(metres: float | None) -> str:
    if metres is None:
        return ""
    return (
        QCoreApplication.translate("DispatchFormat", "{km:.2f} km").format(km=metres / 1000)
        if metres >= 1000
        else QCoreApplication.translate("DispatchFormat", "{m:.0f} m").format(m=metres)
    )


def minutes(seconds: float | None) -> str:
    return (
        ""
        if seconds is None
        else QCoreApplication.translate("DispatchFormat", "{m:.1f} min").format(m=seconds / 60)
    )
