"""Hazard attachments: checked before anything is written, stored in the database with a thumbnail.

Photos and rectification evidence must be images (JPEG, PNG, GIF, WebP, BMP, TIFF); plans and
other documents may also be PDF or Office files. Every file is capped at 10 MB. Images get a
JPEG thumbnail (at most 240 px) so a timeline never loads the full photos.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy.orm import Session

from desktop.data.tables_hazards import HazardAttachment, HazardAttachmentData
from desktop.domain.errors import ValidationError
from desktop.domain.hazard_terms import AttachmentKind

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 80_000_000       # a larger "image" is a decompression bomb, not a site photo
THUMB_PX = 240
IMAGE_MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp",
              "BMP": "image/bmp", "TIFF": "image/tiff", "MPO": "image/jpeg"}
OFFICE_MIME = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
}


@dataclass(frozen=True)
class NewAttachment:
    """A file the user picked: its name, its bytes, and what it is for."""

    filename: str
    data: bytes
    kind: AttachmentKind = AttachmentKind.PHOTO


@dataclass(frozen=True)
class PreparedFile:
    kind: AttachmentKind
    filename: str
    mime: str
    data: bytes
    width: int | None
    height: int | None
    thumbnail: bytes | None


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def _image(name: str, data: bytes) -> tuple[str, int, int, bytes] | None:
    """(mime, width, height, thumbnail) if the bytes are an image Pillow can read, else None."""
    too_big = ValidationError("files", f"{name} has too many pixels; at most {MAX_PIXELS:,} allowed")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                fmt, (w, h) = probe.format, probe.size
                probe.verify()
            if fmt not in IMAGE_MIME:
                return None
            if w * h > MAX_PIXELS:
                raise too_big
            with Image.open(io.BytesIO(data)) as img:
                img.draft("RGB", (THUMB_PX * 2, THUMB_PX * 2))  # JPEG: decode at a reduced scale
                img = ImageOps.exif_transpose(img)
                if img.mode not in ("RGB", "L"):
                    background = Image.new("RGB", img.size, "white")
                    rgba = img.convert("RGBA")
                    background.paste(rgba, mask=rgba.getchannel("A"))
                    img = background
                img.thumbnail((THUMB_PX, THUMB_PX))
                out = io.BytesIO()
                img.convert("RGB").save(out, "JPEG", quality=80, optimize=True)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_big from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    return IMAGE_MIME[fmt], w, h, out.getvalue()


def _document_mime(filename: str, data: bytes) -> str | None:
    suffix = PurePath(filename).suffix.lower()
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"PK\x03\x04") and suffix in (".docx", ".xlsx"):
        return OFFICE_MIME[suffix]
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") and suffix in (".doc", ".xls"):
        return OFFICE_MIME[suffix]
    return None


def prepare(file: NewAttachment) -> PreparedFile:
    """Check one file and make its thumbnail; raises ValidationError("files", ...) naming the file."""
    name = PurePath((file.filename or "").replace("\\", "/")).name.strip()
    if not name:
        raise ValidationError("files", "a file has no name")
    if len(name) > 200:
        name = name[:100] + "…" + name[-99:]
    kind = AttachmentKind(file.kind)
    size = len(file.data or b"")
    if size == 0:
        raise ValidationError("files", f"{name} is empty")
    if size > MAX_BYTES:
        raise ValidationError("files", f"{name} is {_megabytes(size)}; at most {_megabytes(MAX_BYTES)} allowed")
    image = _image(name, file.data)
    if image is not None:
        mime, w, h, thumb = image
        return PreparedFile(kind, name, mime, file.data, w, h, thumb)
    if kind.image_only:
        raise ValidationError("files", f"{name} is not an image (JPEG, PNG, GIF, WebP, BMP or TIFF); "
                                       f"a {kind.value} must be a photo")
    mime = _document_mime(name, file.data)
    if mime is None:
        raise ValidationError("files", f"{name} is not a supported document (an image, PDF, Word or Excel file)")
    return PreparedFile(kind, name, mime, file.data, None, None, None)


def prepare_all(files: list[NewAttachment] | tuple[NewAttachment, ...], kind: AttachmentKind | None = None
                ) -> list[PreparedFile]:
    """Every file checked before any is stored; `kind` overrides each file's own (e.g. evidence)."""
    out = []
    for f in files:
        if kind is not None and f.kind != kind:
            f = NewAttachment(f.filename, f.data, kind)
        out.append(prepare(f))
    return out


def store(session: Session, hazard_id: int, event_id: int | None, files: list[PreparedFile], actor: str,
          at: datetime) -> list[int]:
    rows = [HazardAttachment(hazard_id=hazard_id, event_id=event_id, kind=f.kind.value, filename=f.filename,
                             mime=f.mime, size=len(f.data), width=f.width, height=f.height,
                             thumbnail=f.thumbnail, created_at=at, actor=actor) for f in files]
    session.add_all(rows)
    session.flush()
    session.add_all(HazardAttachmentData(attachment_id=r.id, data=f.data) for r, f in zip(rows, files, strict=True))
    return [r.id for r in rows]
