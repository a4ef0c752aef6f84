"""Reading generated PDFs back (pypdf): page texts and the fonts they use."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def page_texts(path: Path | str) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def fonts(path: Path | str) -> dict[str, dict]:
    """Every font the pages use, by BaseFont name, with its descriptor (None for base-14)."""
    found: dict[str, dict] = {}
    for page in PdfReader(str(path)).pages:
        resources = page.get("/Resources")
        if resources is None or "/Font" not in resources:
            continue
        for ref in resources["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            found[str(font["/BaseFont"])] = descriptor.get_object() if descriptor is not None else None
    return found


def assert_fonts_embedded(path: Path | str) -> None:
    used = fonts(path)
    assert used, "the PDF uses no font"
    for name, descriptor in used.items():
        assert descriptor is not None and "/FontFile2" in descriptor, f"{name} is not embedded"
        assert "WenQuanYi" in name, name
