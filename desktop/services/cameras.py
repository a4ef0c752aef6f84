"""Camera points (视频定位): where each camera is and the address of its video stream."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.data.map_tables import Camera
from desktop.data.uow import UnitOfWork
from desktop.domain.errors import ValidationError
from desktop.services.common import Actor, Permission, clean_name, clean_text, require

STREAM_SCHEMES = ("rtsp://", "rtmp://", "http://", "https://")


@dataclass(frozen=True)
class CameraRow:
    id: int
    code: str
    name: str
    lon: float
    lat: float
    stream_url: str
    note: str


@dataclass(frozen=True)
class CameraInput:
    code: str
    name: str
    lon: float
    lat: float
    stream_url: str = ""
    note: str = ""


def list_cameras(uow: UnitOfWork, ids: set[int] | None = None) -> list[CameraRow]:
    q = select(Camera.id, Camera.code, Camera.name, Camera.lon, Camera.lat, Camera.stream_url,
               Camera.note).order_by(Camera.code)
    if ids is not None:
        q = q.where(Camera.id.in_(ids))
    return [CameraRow(*r) for r in uow.session.execute(q)]


def add_camera(uow: UnitOfWork, actor: Actor, data: CameraInput) -> int:
    require(actor, Permission.EDIT_REFERENCE)
    code = clean_name("code", data.code, 40).upper()
    name = clean_name("name", data.name)
    if not (-180 <= data.lon <= 180 and -90 <= data.lat <= 90):
        raise ValidationError("location", f"({data.lon}, {data.lat}) is not a longitude/latitude")
    url = clean_text("stream_url", data.stream_url, 500)
    if url and not url.lower().startswith(STREAM_SCHEMES):
        raise ValidationError("stream_url", f"{url!r} must start with one of {', '.join(STREAM_SCHEMES)}")
    s = uow.session
    if s.scalar(select(func.count()).select_from(Camera).where(func.upper(Camera.code) == code)):
        raise ValidationError("code", f"camera code {code} is already used")
    cam = Camera(code=code, name=name, lon=data.lon, lat=data.lat, stream_url=url,
                 note=clean_text("note", data.note, 500))
    s.add(cam)
    uow.flush()
    uow.record(actor.username, "camera", cam.id, "created", f"camera {code} {name}")
    uow.commit()
    return cam.id
