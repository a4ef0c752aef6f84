"""The document framework: landscape tables that break across pages with their header row
repeated, "第 N 页 共 M 页" on every page, the CJK font embedded, progress and cancel."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from desktop.domain.progress import Cancelled, Progress
from desktop.reports.document import DocumentInfo, Orientation, build_document, title_block
from desktop.reports.styles import data_table, wrap_text
from tests.reports.pdf import assert_fonts_embedded, page_texts

INFO = DocumentInfo("隐患排查治理台账", date(2026, 11, 28), subtitle="全区 · 2026年11月",
                    orientation=Orientation.LANDSCAPE)
HEADER = ["序号", "隐患编号", "隐患描述", "状态"]


def _story(rows: int):
    data = [(i, f"YH-{i:05d}", f"第{i}号隐患：仓库消防通道堵塞，灭火器过期未更换，需立即整改" * (1 + i % 3), "整改中")
            for i in range(1, rows + 1)]
    return [*title_block(INFO), data_table(HEADER, data, [20 * mm, 35 * mm, 170 * mm, 25 * mm], wrap=[2])]


def test_a_long_table_breaks_cleanly_with_its_header_on_every_page(tmp_path):
    out = tmp_path / "ledger.pdf"
    outcome = build_document(out, INFO, _story(300))
    texts = page_texts(out)
    assert outcome.pages == len(texts) > 3
    reader = PdfReader(str(out))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape A4
    assert "隐患排查治理台账" in texts[0] and "泉山区应急管理局" in texts[0] and "2026年11月28日" in texts[0]
    seen_rows = []
    for n, text in enumerate(texts, 1):
        assert f"第 {n} 页 共 {len(texts)} 页" in text
        assert all(h in text for h in HEADER), f"page {n} lost the header row"
        seen_rows += [int(code[3:]) for code in re.findall(r"^YH-\d{5}$", text, re.MULTILINE)]
    assert seen_rows == list(range(1, 301))  # every row once, in order: none split or lost
    assert_fonts_embedded(out)


def test_progress_per_page_and_a_cancel_leaves_no_file(tmp_path):
    seen: list[tuple[int, int]] = []
    done = build_document(tmp_path / "ok.pdf", INFO, _story(120), progress=Progress(lambda d, t, _: seen.append((d, t))),
                          expected_pages=3)
    assert [d for d, _ in seen] == list(range(1, done.pages + 1))
    assert all(t >= d for d, t in seen)

    out = tmp_path / "cancelled.pdf"
    progress = Progress(lambda d, t, _: d >= 2 and progress.cancel())
    with pytest.raises(Cancelled):
        build_document(out, INFO, _story(300), progress=progress)
    assert list(tmp_path.iterdir()) == [tmp_path / "ok.pdf"]


def test_cjk_wrapping_fits_the_width_and_keeps_punctuation_off_line_starts():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop.reports.fonts import register_fonts

    font = register_fonts()
    text = "泉山经济开发区管理委员会（属地监管），行业主管：区应急管理局。联系电话 13800001234，QS-01-01-03-Q2。" * 3
    lines = wrap_text(text, font, 11, 200)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(stringWidth(ln, font, 11) <= 200 + 11 for ln in lines)  # closing punctuation may hang
    assert not any(ln[:1] in "，。）" for ln in lines)
    assert any("13800001234" in ln for ln in lines)  # numbers are not split
