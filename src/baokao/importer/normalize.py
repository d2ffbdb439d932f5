"""Text normalisation shared by the layout readers and the condition grammar.

PDFs and copy-paste give full-width digits and punctuation, stray spaces and ``<p>``
tags. Parsing works on a normalised copy; the verbatim text is kept separately so that
every answer can cite the source exactly.
"""

from __future__ import annotations

import re

from baokao.importer.clean import fold_text

_FULL_WIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "（": "(",
        "）": ")",
        "，": ",",
        "；": ";",
        "：": ":",
        "　": "",
        " ": "",
        "\t": "",
    }
)

_TAGS = re.compile(r"</?p\s*>", re.IGNORECASE)


def strip_tags(text: str) -> str:
    """Remove ``<p>``/``</p>`` tags, leaving one space where a tag stood between words."""
    return re.sub(r"\s+", " ", _TAGS.sub(" ", text)).strip()


def normalize(text: str) -> str:
    """Return a parse-ready copy: half-width digits and punctuation, no spaces or tags."""
    return fold_text(strip_tags(text)).translate(_FULL_WIDTH).rstrip("。.")


def to_ascii_digits(text: str) -> str:
    """Turn full-width digits into ASCII digits, leaving everything else alone."""
    return text.translate({0xFF10 + i: str(i) for i in range(10)})
