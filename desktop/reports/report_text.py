"""Wording shared by the duty daily and the incident report: times, durations, changes, targets."""

from __future__ import annotations

from datetime import date, datetime

from desktop.domain.hazard_terms import local_time


def clock(at: datetime | None, day: date | None = None) -> str:
    """"14:05" on `day`, else "11月28日 14:05"; "—" for no time."""
    if at is None:
        return "—"
    local = local_time(at)
    if day is not None and local.date() == day:
        return local.strftime("%H:%M")
    return f"{local.month}月{local.day}日 {local:%H:%M}"


def duration(seconds: float | None) -> str:
    """"1分30秒", "45秒", "2小时05分"; "—" when not measured."""
    if seconds is None:
        return "—"
    s = round(seconds)
    if s < 60:
        return f"{s}秒"
    if s < 3600:
        return f"{s // 60}分钟" if s % 60 == 0 else f"{s // 60}分{s % 60:02d}秒"
    return f"{s // 3600}小时{s % 3600 // 60:02d}分"


def target_verdict(seconds: float | None, target: float) -> str:
    if seconds is None:
        return "未计"
    return "达标" if seconds <= target else "超时"


def change(now: int, before: int, unit: str, against: str) -> str:
    """"较上日增加 2 条" / "较上日减少 1 条" / "与上日持平"."""
    diff = now - before
    if diff == 0:
        return f"与{against}持平"
    return f"较{against}{'增加' if diff > 0 else '减少'} {abs(diff)} {unit}"


def signed(now: int, before: int) -> str:
    """"+2", "−1", "持平" for a figure's change, compact."""
    diff = now - before
    return "持平" if diff == 0 else (f"+{diff}" if diff > 0 else f"−{-diff}")


def share(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"
