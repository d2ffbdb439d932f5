"""The English catalogue: complete, compiled, and plurals that fit their numbers.

Texts are written in Chinese in the code and marked with ``_``/``ngettext``/``N_``; the
committed ``baokao.mo`` is what an installed package reads. These tests fail when a new
text has no English yet, when the ``.mo`` is older than the ``.po`` (run
``make catalogues``), or when a translation loses a ``{field}``.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from baokao import i18n

SRC = Path(i18n.__file__).parent
PO = i18n.locale_dir() / "en" / "LC_MESSAGES" / "baokao.po"
FIELD = re.compile(r"\{(\w*)\}")


@pytest.fixture(autouse=True)
def chinese_after() -> Iterator[None]:
    yield
    i18n.set_lang("zh")


def catalogue() -> Catalog:
    with PO.open("rb") as handle:
        return read_po(handle, locale="en")


def extracted() -> set[str]:
    found = set()
    keywords = {**DEFAULT_KEYWORDS, "T_": None}
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(SRC), method_map=[("**.py", "python")], keywords=keywords
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_text_in_the_code_has_an_english_translation() -> None:
    po = catalogue()
    missing = []
    for msgid in sorted(extracted()):
        entry = po.get(msgid)
        strings = [] if entry is None else entry.string
        forms = [strings] if isinstance(strings, str) else list(strings)
        if entry is None or entry.fuzzy or not all(forms):
            missing.append(msgid)
    assert not missing, "no English yet (fill in the .po, then `make catalogues`):\n" + (
        "\n".join(missing)
    )


def test_translations_keep_the_fields_of_the_text() -> None:
    for entry in catalogue():
        if not entry.id:
            continue
        ids = [entry.id] if isinstance(entry.id, str) else list(entry.id)
        strings = [entry.string] if isinstance(entry.string, str) else list(entry.string)
        wanted = set(FIELD.findall(ids[0]))
        for text in strings:
            assert set(FIELD.findall(text)) <= wanted, (entry.id, text)
        assert set(FIELD.findall(strings[-1])) == set(FIELD.findall(ids[-1])), entry.id


def test_the_compiled_catalogue_is_current() -> None:
    compiled = gettext.translation(i18n.DOMAIN, i18n.locale_dir(), languages=["en"])
    for entry in catalogue():
        if not entry.id:
            continue
        if isinstance(entry.id, str):
            assert compiled.gettext(entry.id) == entry.string, "run `make catalogues`"
        else:
            for n, form in ((1, entry.string[0]), (2, entry.string[1])):
                got = compiled.ngettext(entry.id[0], entry.id[1], n)
                assert got == form, "run `make catalogues`"


def test_plurals_fit_their_numbers() -> None:
    one, many = "{count} 个结果 · ↑↓ 选择 · 回车确认", "{count} 个结果 · ↑↓ 选择 · 回车确认"
    i18n.set_lang("en")
    assert i18n.ngettext(one, many, 1).format(count=1).startswith("1 result ")
    assert i18n.ngettext(one, many, 2).format(count=2).startswith("2 results ")
    assert i18n.ngettext("{n} 年", "{n} 年", 1).format(n=1) == "1 year"
    assert i18n.ngettext("{n} 个月", "{n} 个月", 6).format(n=6) == "6 months"
    gap = i18n._("第 {number} 条 · 还差 {span}").format(number=2, span="1 year 6 months")
    assert gap == "route 2 · 1 year 6 months to go"
    assert i18n.listing([3, 4]) == "3, 4"
    i18n.set_lang("zh")
    assert i18n.ngettext(one, many, 1).format(count=1).startswith("1 个结果")
    assert i18n.listing([3, 4]) == "3、4"


def test_switching_language() -> None:
    i18n.set_lang("en")
    assert (i18n.get_lang(), i18n._("符合报考条件")) == ("en", "May apply")
    i18n.set_lang("zh")
    assert (i18n.get_lang(), i18n._("符合报考条件")) == ("zh", "符合报考条件")


def test_a_filled_in_template_is_translated_with_its_fields() -> None:
    from baokao.model.numbers import fmt_shortfall

    template = i18n.T_("{line}：还差 {gap}")
    text = template.format(line="累计从事本职业工作6年（含）以上", gap=fmt_shortfall(1.5))
    i18n.set_lang("en")
    english = i18n.translate(text)
    assert english == "“累计从事本职业工作6年（含）以上”: short by 1 yr 6 mo"  # quoted official
    assert i18n.translate("符合报考条件") == "May apply"
    assert i18n.translate("no entry") == "no entry"
    i18n.set_lang("zh")
    assert i18n.translate(text) == text


def test_no_text_is_marked_inside_an_f_string() -> None:
    """babel (on Python 3.11) does not look inside f-strings: such a text never reaches
    the catalogue and shows untranslated."""
    inside = re.compile(r"""f(["']).*\{(_|N_|T_|ngettext)\(["']""")
    found = [
        f"{path.relative_to(SRC)}:{number}"
        for path in SRC.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if inside.search(line)
    ]
    assert not found
