"""``baokao`` alone starts the UI without building the argument parser (a desk's start
waits for it); what it starts with must be exactly what the parser would have given."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from baokao import cli


def test_baokao_alone_starts_the_ui_as_the_parser_would(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[dict[str, Any]] = []
    monkeypatch.setattr(cli, "cmd_ui", lambda args: started.append(vars(args)) or 0)
    monkeypatch.setattr(sys, "argv", ["baokao"])
    assert cli.main() == 0
    assert cli.main([]) == 0
    assert started == [vars(cli._parser().parse_args([]))] * 2


def test_any_argument_is_read_by_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[dict[str, Any]] = []
    monkeypatch.setattr(cli, "cmd_ui", lambda args: started.append(vars(args)) or 0)
    try:
        assert cli.main(["--lang", "en"]) == 0
    finally:
        cli.set_lang("zh")  # (the language is the process's: later tests read Chinese)
    assert started == [vars(cli._parser().parse_args(["--lang", "en"]))]
    assert started[0]["lang"] == "en"
