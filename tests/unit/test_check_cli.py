"""``baokao check`` and friends through the real entry point: output, exit codes, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from baokao.cli import main

TREES = Path(__file__).parents[2] / "trees"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, data: Any, name: str = "cases.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_json_output_is_the_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = {
        "id": "x1",
        "occupation": "美容师",
        "work_type": None,
        "level": "四级",
        "profile": {"years_this": 6},
    }
    code, out, err = run(capsys, "check", str(write(tmp_path, case)), "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == [
        {
            "id": "x1",
            "occupation": "美容师",
            "code": "4-10-03-01",
            "work_type": None,
            "level": "四级/中级",
            "status": "qualified",
            "qualifying_routes": [2],
            "closest_route": None,
            "unmet": [],
            "unknown": [],
            "review": [],
        }
    ]


def test_all_levels_when_level_is_absent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = [
        {"id": "a", "occupation": "企业人力资源管理师", "profile": {}},
        {
            "id": "b",
            "occupation": "保健按摩师",
            "work_type": "足部按摩师",
            "level": "4",
            "profile": {},
        },
    ]
    code, out, _ = run(capsys, "check", str(write(tmp_path, cases)), "--json")
    rows = json.loads(out)
    assert code == 0
    assert [(r["id"], r["level"]) for r in rows] == [
        ("a", "四级/中级"),
        ("a", "三级/高级"),
        ("a", "二级/技师"),
        ("a", "一级/高级技师"),
        ("b", "四级/中级"),
    ]


def test_text_report_cites_the_route(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = {
        "occupation": "公共营养师",
        "level": "二级",
        "profile": {
            "years_this": 12,
            "years_this_continuous": 12,
            "certificates": [],
            "education": [],
            "trainings": [],
        },
    }
    code, out, _ = run(capsys, "check", str(write(tmp_path, case)))
    assert code == 0
    assert "暂不符合报考条件" in out and "第 1 条：1、连续从事本职业工作13年以上。" in out
    assert "还差 1 年" in out


@pytest.mark.parametrize(
    ("case", "message"),
    [
        (
            {"occupation": "美容师", "level": "四级", "profile": {"years_this": "three"}},
            "field profile.years_this",
        ),
        (
            {"occupation": "美容师", "level": "四级", "profile": {"years_this": -1}},
            "field profile.years_this",
        ),
        (
            {"occupation": "美容师", "level": "四级", "profile": {"years_thsi": 3}},
            "profile.years_thsi: unknown field",
        ),
        (
            {
                "occupation": "美容师",
                "level": "四级",
                "profile": {"years_this": 2, "years_this_continuous": 3},
            },
            "years_this_continuous exceeds years_this",
        ),
        (
            {
                "occupation": "美容师",
                "level": "四级",
                "profile": {"certificates": [{"level": 7, "occupation": "this"}]},
            },
            "profile.certificates[0].level",
        ),
        ({"occupation": "厨师", "level": "四级", "profile": {}}, "unknown occupation '厨师'"),
        (
            {"occupation": "保健按摩师", "work_type": "头部按摩师", "profile": {}},
            "unknown work_type",
        ),
        ({"occupation": "美容师", "level": "六级", "profile": {}}, "unknown level '六级'"),
        ({"occupation": "电子商务师", "level": "五级", "profile": {}}, "has no level '五级'"),
        ({"occupation": "美容师", "levle": "四级", "profile": {}}, "field levle: unknown field"),
        ({"level": "四级", "profile": {}}, "field occupation: required field is missing"),
    ],
)
def test_bad_input_exits_2_naming_case_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: dict[str, Any], message: str
) -> None:
    good = {"id": "ok", "occupation": "美容师", "level": "四级", "profile": {}}
    code, out, err = run(
        capsys, "check", str(write(tmp_path, [good, {"id": "bad", **case}])), "--json"
    )
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("baokao: case 2 (id 'bad'): ") and message in err
    assert "Traceback" not in err


def test_invalid_json_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{nope", encoding="utf-8")
    code, _, err = run(capsys, "check", str(path))
    assert code == 2 and "broken.json: not valid JSON (line 1" in err


def test_csv_of_a_class(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "class.csv"
    path.write_text(
        "id,occupation,work_type,level,years_this,certificates\n"
        "s1,美容师,,四级,6,\n"
        's2,美容师,,四级,5,"[{""level"": 5, ""occupation"": ""this"", ""years_after"": 4}]"\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", str(path), "--json")
    rows = json.loads(out)
    assert code == 0 and [(r["id"], r["qualifying_routes"]) for r in rows] == [
        ("s1", [2]),
        ("s2", [1]),
    ]
    path.write_text("id,occupation,level,years_this\ns1,美容师,四级,six\n", encoding="utf-8")
    code, _, err = run(capsys, "check", str(path))
    assert code == 2 and "row 2" in err and "profile.years_this: 'six' is not a number" in err


def test_trees_option_and_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "trees"
    own.mkdir()
    shutil.copy(TREES / "美容师.yaml", own / "美容师.yaml")
    cases = write(tmp_path, [{"occupation": "美发师", "level": "四级", "profile": {}}])
    code, _, err = run(capsys, "check", str(cases), "--trees", str(own))
    assert code == 2 and "unknown occupation '美发师'" in err
    monkeypatch.setenv("BAOKAO_TREES", str(own))
    code, _, err = run(capsys, "check", str(cases))
    assert code == 2 and "unknown occupation '美发师'" in err


def test_broken_rule_file_names_file_and_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = tmp_path / "trees"
    own.mkdir()
    text = (TREES / "美容师.yaml").read_text(encoding="utf-8")
    (own / "美容师.yaml").write_text(
        text.replace("kind: apprenticeship", "kind: apprentice"), encoding="utf-8"
    )
    cases = write(tmp_path, {"occupation": "美容师", "profile": {}})
    code, _, err = run(capsys, "check", str(cases), "--trees", str(own))
    line = text.splitlines().index("    - kind: apprenticeship") + 1
    where = f"美容师.yaml: line {line}: 五级/初级, route 2, condition 1 (apprentice):"
    assert code == 2 and where in err
    assert "(levels[0].routes[1].conditions[0])" in err
    (own / "美容师.yaml").write_text("code: [unclosed\n", encoding="utf-8")
    code, _, err = run(capsys, "check", str(cases), "--trees", str(own))
    assert code == 2 and "美容师.yaml: line 2" in err
    (own / "美容师.yaml").write_text(text.replace("years: 1.0", "years: -1"), encoding="utf-8")
    code, _, err = run(capsys, "check", str(cases), "--trees", str(own))
    assert code == 2 and "years" in err and "greater than or equal to 0" in err


def test_import_and_lint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "import", "--out", str(tmp_path))
    assert code == 0 and "13 occupation/工种 entries, 42 levels, 145 routes, 0 unparsed" in out
    code, out, _ = run(capsys, "lint", "--trees", str(tmp_path))
    assert code == 0 and out.strip().endswith(f"0 finding(s) in {tmp_path}")


def test_review_lists_the_readings_a_verdict_rests_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 劳动关系协调员 三级 route 4 rests on a reviewed reading (需人工核实); route 1 does not.
    base = {"occupation": "劳动关系协调员", "level": "三级"}
    by_route_4 = {
        "years_this": 0,
        "years_related": 2,
        "education": [{"school": "大学本科", "specialty": "this", "status": "graduated"}],
        "certificates": [
            {"level": 4, "occupation": "related", "years_after": 0, "years_after_related": 2}
        ],
    }
    cases = [
        {**base, "id": "r4", "profile": by_route_4},
        {**base, "id": "plain", "profile": {"years_this": 10, "years_related": 0}},
    ]
    code, out, err = run(capsys, "check", str(write(tmp_path, cases)), "--json")
    assert (code, err) == (0, "")
    results = {r["id"]: r for r in json.loads(out)}
    assert 4 in results["r4"]["qualifying_routes"]
    (reading,) = results["r4"]["review"]
    assert reading["route"] == 4
    assert "以评价机构的解释为准" in reading["reading"]
    assert reading["reading"].isascii() is False and "Read literally" not in reading["reading"]
    assert results["plain"]["review"] == []
