"""A national-scale rule folder for the benchmarks: 1,600 occupations × 5 levels.

The 2022 classification has 1,639 occupations; the benchmarks run on a folder of that
size as well as on the bundled rules, so that what a user waits for is seen not to grow
with the catalogue. The folder holds the bundled rule files (so 美容师 is there to be
found) and generated occupations built from the real phrases: each takes levels 五级 to
三级 from one bundled occupation or 工种 that has them, and 二级 and 一级 from another,
verbatim, under a made-up name and code. It is written as ``baokao import`` writes a
folder: one YAML file per occupation, the index, and the question trees compiled ahead
(``compiled/``), so that picking a level reads its tree as with the bundled rules.

Run ``.venv/bin/python benchmarks/catalogue.py [--count N] [--out DIR]`` to write one;
the other benchmarks call :func:`catalogue` and reuse a folder already written.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from baokao.model.rules import Occupation

FIELDS = [
    "机械",
    "电气",
    "化工",
    "纺织",
    "食品",
    "建筑",
    "农业",
    "林业",
    "水产",
    "冶金",
    "矿山",
    "石油",
    "燃气",
    "电力",
    "通信",
    "印刷",
    "包装",
    "家具",
    "陶瓷",
    "玻璃",
    "橡胶",
    "塑料",
    "皮革",
    "服装",
    "制药",
    "仪表",
    "船舶",
    "航空",
    "铁路",
    "汽车",
    "物业",
    "会展",
    "旅游",
    "家政",
    "养老",
    "殡葬",
    "园林",
    "测绘",
    "档案",
    "环保",
]
TASKS = ["装配", "维修", "检验", "操作", "调试", "加工", "安装", "保养", "监测", "管理"]
ROLES = ("工", "员", "师", "技术员")


def names(count: int) -> list[str]:
    """``count`` distinct occupation names, such as 机械装配工."""
    made = [f"{a}{b}{c}" for a, b, c in itertools.product(FIELDS, TASKS, ROLES)]
    if count > len(made):
        raise SystemExit(f"at most {len(made)} generated occupations")
    return made[:count]


def generated(count: int) -> list[Occupation]:
    """``count`` generated occupations, each with levels of two bundled ones."""
    from baokao.model.rules import Occupation
    from baokao.rulebook import BUNDLED_TREES, load_rulebook

    book = load_rulebook(BUNDLED_TREES)
    low = [s for s in book.subjects() if {lv.number for lv in s.levels} >= {5, 4, 3}]
    high = [s for s in book.subjects() if {lv.number for lv in s.levels} >= {2, 1}]
    made = []
    for i, name in enumerate(names(count)):
        a, b = low[i % len(low)], high[(i // len(low)) % len(high)]
        levels = [lv for lv in a.levels if lv.number >= 3] + [
            lv for lv in b.levels if lv.number <= 2
        ]
        code = "-".join([str(5 + i // 1000), *(f"{(i // d) % 10 + 10}" for d in (100, 10, 1))])
        made.append(Occupation(code=code, name=name, levels=tuple(levels)))
    return made


def build(out: Path, count: int) -> Path:
    """Write a catalogue of the bundled rules plus ``count`` generated occupations, and
    compile its question trees ahead, as ``baokao import`` does (:func:`compile_ahead`).

    Returns:
        The folder written (``out``).
    """
    from baokao.rulebook import BUNDLED_TREES, write_trees

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for path in BUNDLED_TREES.glob("*.yaml"):
        shutil.copy(path, out)
    write_trees(generated(count), out)
    compile_ahead(out, count)
    return out


def compile_ahead(out: Path, count: int) -> int:
    """Compile the catalogue's question trees into ``compiled/`` beside its rule files, as
    ``baokao import`` does: a tree already there for the same rules and compiler is kept,
    a stale one removed. The generated occupations share their levels' rules, so a few
    hundred trees serve them all. Returns how many trees the folder holds."""
    from baokao.rulebook import BUNDLED_TREES, load_rulebook
    from baokao.treestore import precompile

    subjects = load_rulebook(BUNDLED_TREES).subjects()
    subjects += [s for occupation in generated(count) for s in occupation.subjects()]
    return precompile(subjects, out)


def catalogue(count: int = 1600) -> Path:
    """The catalogue folder of ``count`` generated occupations (written once, then reused).

    It lives in the temporary folder, under a name that changes with the bundled rules
    and this script, so a changed rule or generator writes a new one.
    """
    from baokao.rulebook import BUNDLED_TREES

    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted(BUNDLED_TREES.glob("*.yaml")):
        digest.update(path.read_bytes())
    folder = Path(tempfile.gettempdir()) / f"baokao-catalogue-{count}-{digest.hexdigest()[:12]}"
    if not (folder / "index.json").exists():
        build(folder, count)
    else:  # the compiler may have changed since: its trees are compiled again
        compile_ahead(folder, count)
    return folder


def main() -> None:
    """Write a catalogue and say where."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1600, help="generated occupations")
    parser.add_argument("--out", type=Path, default=None, help="folder to write")
    args = parser.parse_args()
    folder = build(args.out, args.count) if args.out else catalogue(args.count)
    files = len(list(folder.glob("*.yaml")))
    print(f"{folder}: {files} rule files")


if __name__ == "__main__":
    main()
