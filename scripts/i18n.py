"""Build the Simplified Chinese translation from the sources and the catalogue.

    .venv/bin/python scripts/i18n.py          # update resources/i18n/*.ts and build the .qm
    .venv/bin/python scripts/i18n.py --check  # exit 1 if a user-visible string has no translation

pyside6-lupdate collects every tr()/translate() string from desktop/; the translations live in
resources/i18n/zh_CN.tsv (context <TAB> English source <TAB> Chinese; "\\n" for a line break),
which is easy to review and to extend. Missing ones are listed so they can be added.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
CATALOGUE = I18N / "zh_CN.tsv"
TS = I18N / "safegrid_zh_CN.ts"
QM = I18N / "safegrid_zh_CN.qm"


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(exe) if exe.exists() else shutil.which(f"pyside6-{name}") or f"pyside6-{name}"


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _unesc(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def load_catalogue() -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    if CATALOGUE.exists():
        for n, line in enumerate(CATALOGUE.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                raise SystemExit(f"{CATALOGUE}:{n}: expected context<TAB>source<TAB>translation")
            table[(parts[0], _unesc(parts[1]))] = _unesc(parts[2])
    return table


def collect() -> ET.ElementTree:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "collected.ts"
        subprocess.run([_tool("lupdate"), "-locations", "none", *sources, "-ts", str(out)],
                       cwd=ROOT, check=True, capture_output=True)
        return ET.parse(out)


def build(check_only: bool) -> int:
    tree = collect()
    catalogue = load_catalogue()
    missing: list[tuple[str, str]] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            text = catalogue.get((name, source))
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            if text is None:
                missing.append((name, source))
                translation.set("type", "unfinished")
                continue
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
    root = tree.getroot()
    root.set("language", "zh_CN")
    root.set("sourcelanguage", "en")
    for line in (f"{c}\t{_esc(s)}\t" for c, s in missing):
        print("missing:", line)
    ET.indent(tree)
    if check_only:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / TS.name
            tree.write(fresh, encoding="utf-8", xml_declaration=True)
            stale = not TS.exists() or fresh.read_bytes() != TS.read_bytes()
        if stale:
            print(f"{TS.relative_to(ROOT)} is out of date: run .venv/bin/python scripts/i18n.py")
        return 1 if missing or stale else 0
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([_tool("lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True)
    print(f"{TS.name}: {sum(1 for _ in root.iter('message'))} strings, {len(missing)} without translation")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    return build(parser.parse_args().check)


if __name__ == "__main__":
    sys.exit(main())
