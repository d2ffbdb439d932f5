"""The slip as a PDF a candidate can take home, with its Chinese text embedded.

The text is exactly the plain-text slip's (:func:`baokao.slip.to_text`), laid out on
A4, so what is printed, filed and read back are the same words. The font is
WenQuanYi Micro Hei, installed with baokao as the ``paperang-p2-fonts-cjk`` package
(a dependency), so the PDF needs no font from the system; fpdf2 embeds the subset of
glyphs used, with a ToUnicode map so the text can be searched and copied.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from baokao.slip import Slip, to_text

FONT_FAMILY = "wqy-microhei"


@cache
def font_file() -> Path:
    """The CJK font file shipped by the ``paperang-p2-fonts-cjk`` package."""
    import paperang_p2_fonts_cjk  # type: ignore[import-untyped]

    return Path(paperang_p2_fonts_cjk.__file__).parent / "fonts" / "wqy-microhei.ttc"


def to_pdf(slip: Slip) -> bytes:
    """The slip as a PDF document (A4, the plain-text slip's lines)."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode, XPos, YPos

    pdf = FPDF(format="A4")
    pdf.set_creator("baokao")
    pdf.set_title("报考条件查询结果单")
    pdf.add_font(FONT_FAMILY, fname=str(font_file()))
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_page()
    lines = to_text(slip).splitlines()
    title, body = lines[0], lines[2:]  # the text slip underlines its title with "="
    pdf.set_font(FONT_FAMILY, size=16)
    pdf.cell(0, 10, title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    pdf.set_font(FONT_FAMILY, size=10.5)
    for line in body:
        indent = len(line) - len(line.lstrip(" "))
        pdf.set_x(pdf.l_margin + indent * 1.6)
        text = line.strip() or " "
        pdf.multi_cell(0, 6, text, wrapmode=WrapMode.CHAR, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())
