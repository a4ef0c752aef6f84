"""The shipped CJK font for the map page: the first face of the .ttc as a plain .ttf.

Chromium's font sanitiser (OTS) refuses WenQuanYi's collection ("FFTM: misaligned table"), and
the machine may have no CJK font at all. Copying face 0's tables into a single-font file, each on
a 4-byte boundary and without FontForge's FFTM timestamp, gives a file OTS accepts.
"""

from __future__ import annotations

import struct
from pathlib import Path

DROP = {b"FFTM"}


def ttc_face_to_ttf(ttc: bytes, face: int = 0) -> bytes:
    if ttc[:4] != b"ttcf":
        return ttc  # already a single font
    (count,) = struct.unpack_from(">I", ttc, 8)
    if not 0 <= face < count:
        raise ValueError(f"the collection has {count} faces, not {face + 1}")
    (offset,) = struct.unpack_from(">I", ttc, 12 + 4 * face)
    version, num_tables = struct.unpack_from(">IH", ttc, offset)
    entries = []
    for i in range(num_tables):
        tag, checksum, table_offset, length = struct.unpack_from(">4sIII", ttc, offset + 12 + 16 * i)
        if tag not in DROP:
            entries.append((tag, checksum, ttc[table_offset:table_offset + length]))
    entries.sort(key=lambda e: e[0])
    n = len(entries)
    power = 1 << (n.bit_length() - 1)
    header = struct.pack(">IHHHH", version, n, power * 16, power.bit_length() - 1, n * 16 - power * 16)
    data_offset = 12 + 16 * n
    directory, blobs = [], []
    for tag, checksum, blob in entries:
        directory.append(struct.pack(">4sIII", tag, checksum, data_offset, len(blob)))
        padded = blob + b"\0" * (-len(blob) % 4)
        blobs.append(padded)
        data_offset += len(padded)
    return header + b"".join(directory) + b"".join(blobs)


def write_web_font(ttc_path: Path, dest: Path) -> Path | None:
    """Write the page's font into `dest` (a .ttf); None when the shipped font is missing."""
    if not ttc_path.is_file():
        return None
    if not dest.exists():
        dest.write_bytes(ttc_face_to_ttf(ttc_path.read_bytes()))
    return dest
