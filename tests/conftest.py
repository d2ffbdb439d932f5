"""Every test starts in Chinese: the language is one setting for the process, and core
messages (typed years, bounds) follow it, so a test that switched to English must not
leak into the next."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from baokao import i18n


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    """Set Chinese before the test and again after it."""
    i18n.set_lang("zh")
    yield
    i18n.set_lang("zh")
