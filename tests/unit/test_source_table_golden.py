"""The source table imports byte for byte as it did before the standards reader grew.

``tests/fixtures/source-table-import/`` holds the rule files that ``baokao import``
wrote from ``trees/source/source-table.txt`` before the importer was reworked for
national standards (normaliser, anchor-based layout, lark grammar). Any change the
rework makes to what the table yields shows up here as a byte difference.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from baokao.cli import main

ROOT = Path(__file__).parents[2]
GOLDEN = ROOT / "tests" / "fixtures" / "source-table-import"


def test_source_table_imports_byte_for_byte_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    written = sorted(p.name for p in tmp_path.glob("*.yaml"))
    assert written == sorted(p.name for p in GOLDEN.glob("*.yaml"))
    for name in written:
        assert (tmp_path / name).read_bytes() == (GOLDEN / name).read_bytes(), name
