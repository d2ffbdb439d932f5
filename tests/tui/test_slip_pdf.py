"""The slip as PDF: the same Chinese text as the text slip, and a page that shows it."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pypdf
import pypdfium2
import pytest

from baokao.evaluator import evaluate
from baokao.model.profile import Profile
from baokao.rulebook import BUNDLED_TREES, load_rulebook
from baokao.slip import REVIEW_NOTE, Slip, to_text
from baokao.slip_files import write_slip
from baokao.slip_pdf import to_pdf


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def slip() -> Slip:
    subject = load_rulebook(BUNDLED_TREES).find("劳动关系协调员")
    profile = Profile.model_validate(
        {
            "years_this": 0,
            "years_related": 2,
            "education": [{"school": "大学本科", "specialty": "this", "status": "graduated"}],
            "certificates": [
                {"level": 4, "occupation": "related", "years_after": 0, "years_after_related": 2}
            ],
        }
    )
    verdict = evaluate(subject.level(3), profile)
    return Slip(
        subject,
        date(2025, 3, 1),
        (verdict,),
        False,
        profile,
        name="王小明",
        id_number="11010519491231002X",
    )


def test_pdf_text_is_the_text_slip(slip: Slip) -> None:
    reader = pypdf.PdfReader(io.BytesIO(to_pdf(slip)))
    extracted = "".join(page.extract_text() for page in reader.pages)
    text = to_text(slip)
    assert squeeze(extracted) == squeeze(text.replace("=" * 18, ""))
    for must in (
        "王小明",
        "11010519491231002X",
        "需人工核实",
        "《职业技能等级证书报考条件》",
        REVIEW_NOTE,
    ):
        assert squeeze(must) in squeeze(extracted)
    fonts = {
        str(f["/BaseFont"])
        for page in reader.pages
        for f in page["/Resources"]["/Font"].get_object().values()
    }
    assert any("WenQuanYi" in f or "wqy" in f.lower() for f in fonts), fonts


def test_pdf_page_renders_ink(slip: Slip, tmp_path: Path) -> None:
    saved = write_slip(slip, tmp_path)
    page = pypdfium2.PdfDocument(str(saved.pdf))[0]
    image = page.render(scale=1).to_pil().convert("L")
    png = tmp_path / "page.png"
    image.save(png)
    dark = sum(image.histogram()[:128])  # pixels darker than mid-grey
    assert png.stat().st_size > 0
    assert dark > 2000  # real text, not a blank page
