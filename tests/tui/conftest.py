"""Fixtures for driving the real app with Pilot."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from baokao import i18n
from baokao.tui.app import BaokaoApp
from baokao.tui.screenshots import make_app


@pytest.fixture
def app(tmp_path: Path) -> Iterator[BaokaoApp]:
    """A fresh app on the bundled rules, a fixed date and a temporary slip folder."""
    made = make_app(slip_dir=tmp_path / "slips")
    yield made
    i18n.set_lang("zh")
