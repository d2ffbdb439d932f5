"""Interface texts exist in both languages and fill in their fields."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from baokao.tui import i18n


@pytest.fixture(autouse=True)
def chinese_after() -> Iterator[None]:
    yield
    i18n.set_lang("zh")


def test_every_text_has_the_same_fields_in_both_languages() -> None:
    field = re.compile(r"\{(\w+)\}")
    for key in i18n.all_keys():
        i18n.set_lang("zh")
        zh = i18n.t(key)
        i18n.set_lang("en")
        en = i18n.t(key)
        assert zh and en, key
        assert set(field.findall(zh)) == set(field.findall(en)), key


def test_switching_language() -> None:
    i18n.set_lang("en")
    assert i18n.t("r.qualified") == "May apply"
    assert i18n.t("q.progress", done=2, left=3) == "2 answered · at most 3 to go"
    i18n.set_lang("zh")
    assert i18n.t("r.qualified") == "符合报考条件"
    assert i18n.t("q.progress", done=2, left=3) == "已回答 2 题 · 最多还有 3 题"


def test_unknown_key_is_shown_not_raised() -> None:
    assert i18n.t("no.such.key") == "no.such.key"
    assert not i18n.has("no.such.key")
