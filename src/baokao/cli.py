"""The command line: ``check``, ``import``, ``lint``, ``tree``; no command starts the UI.

A thin layer: it parses arguments, calls the core, prints, and turns every expected
error into one line on stderr and exit status 2 (never a traceback).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from baokao import __version__
from baokao.i18n import LANGS, Lang, _, set_lang

EXIT_BAD_INPUT = 2
EXIT_OUTPUT = 1  # the output could not be written (full disk), as coreutils do
EXIT_INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, what a shell shows for an interrupted program
EXIT_PIPE = 141  # 128 + SIGPIPE: the reader of the output went away

# The core (pydantic models, evaluator, rule loading) is imported inside each command, so
# that `baokao` with no command draws the UI first instead of loading it all up front.

# pydantic searches the entry points of every installed package for its plugins when the
# first model is built (about a tenth of the time `check` of one case takes); baokao uses
# none, so the search is skipped. A user who does want a plugin sets the variable.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="baokao",
        description="May a candidate apply for a vocational skill level certificate, "
        "by which route, and what is still missing?",
        epilog="With no command, baokao starts the terminal UI.",
    )
    parser.add_argument("--version", action="version", version=f"baokao {__version__}")
    parser.add_argument(
        "--trees", help="rule folder (default: $BAOKAO_TREES or the bundled trees/)"
    )
    parser.add_argument("--lang", choices=LANGS, default="zh", help="language: zh or en")
    parser.add_argument(
        "--db", help="candidate records: a PostgreSQL URL or a SQLite file (default: $BAOKAO_DB)"
    )
    sub = parser.add_subparsers(dest="command")

    check = sub.add_parser(
        "check", help="check cases (JSON, or a CSV/XLSX roster; - reads stdin) against the rules"
    )
    check.add_argument("file", type=Path)
    check.add_argument("--json", action="store_true", help="print the contract's JSON")
    check.add_argument(
        "--out", type=Path, default=None, help="write a roster's results to FILE.xlsx or FILE.csv"
    )
    check.add_argument("--trees", dest="sub_trees", help=argparse.SUPPRESS)

    template = sub.add_parser("template", help="write an empty roster (FILE.xlsx or FILE.csv)")
    template.add_argument("file", type=Path)
    template.add_argument("--trees", dest="sub_trees", help=argparse.SUPPRESS)

    imp = sub.add_parser("import", help="import source texts into rule files")
    imp.add_argument("sources", nargs="*", type=Path)
    imp.add_argument(
        "--out", type=Path, default=None, help="output folder (default: the rule folder)"
    )
    imp.add_argument("--overrides", type=Path, default=None)
    imp.add_argument("--trees", dest="sub_trees", help=argparse.SUPPRESS)

    lint = sub.add_parser(
        "lint", help="list unparsed text, text cut off in the copy, flags and implied routes"
    )
    lint.add_argument("--trees", dest="sub_trees", help=argparse.SUPPRESS)

    tree = sub.add_parser("tree", help="print the compiled question tree of a level")
    tree.add_argument("occupation")
    tree.add_argument("level")
    tree.add_argument("--work-type", default=None)
    tree.add_argument("--format", choices=("text", "json", "mermaid"), default="text")
    tree.add_argument("--trees", dest="sub_trees", help=argparse.SUPPRESS)
    serve = sub.add_parser("serve", help="serve the UI to a browser (a kiosk)")
    serve.add_argument("--host", default="127.0.0.1", help="address (default: this machine)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--public-url", default=None, help="the address browsers use")
    serve.add_argument("--trees", dest="sub_trees", help=argparse.SUPPRESS)
    records = sub.add_parser("records", help="export the candidate records (CSV or xlsx)")
    records.add_argument("--since", type=_day, help="only records from this date (YYYY-MM-DD)")
    records.add_argument("--format", choices=("csv", "xlsx"), default=None)
    records.add_argument("--out", type=Path, help="output file (default: CSV on stdout)")
    records.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    for command in sub.choices.values():  # --lang, like --trees, also after the command
        command.add_argument("--lang", dest="sub_lang", choices=LANGS, help=argparse.SUPPRESS)
    return parser


def _lang(args: argparse.Namespace) -> Lang:
    chosen: Lang = getattr(args, "sub_lang", None) or args.lang
    return chosen


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def _trees(args: argparse.Namespace) -> str | None:
    chosen: str | None = getattr(args, "sub_trees", None) or args.trees
    return chosen


@contextmanager
def _importing() -> Iterator[None]:
    """Keep the garbage collector out while the core is imported.

    Importing makes tens of thousands of objects that live as long as the process and
    next to no garbage, so the collections it would set off find nothing; for a check of
    one case they were a tenth of the time the user waits. The collector is back on
    (if it was on) as soon as the imports are done, and what is there by then is frozen
    (``gc.freeze``): it lives as long as the process, so no later collection walks it
    again, nor the one at exit (on which a check of one case spent more than on all the
    collections before it).
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_on:
            gc.enable()


def cmd_check(args: argparse.Namespace) -> int:
    """Run ``baokao check``."""
    with _importing():
        from baokao.checking import check_all, load_cases, result_json
        from baokao.inputs import Source
        from baokao.report import verdict_lines
        from baokao.rulebook import open_rulebook

    book = open_rulebook(_trees(args))  # reads only the rule files the cases name
    source = Source.open(args.file)
    if source.is_roster:
        from baokao.roster.run import run_roster

        return run_roster(source, book, args.json, args.out)
    if args.out is not None:
        source.close()
        raise ValueError(f"{source.name}: --out is for a CSV or XLSX roster")
    results = check_all(load_cases(source), book)
    if args.json:
        import json

        out = [result_json(c, v) for c, v in results]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for checked, verdict in results:
        print("\n".join(verdict_lines(checked.subject, verdict, checked.case.id)))
        print()
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    """Run ``baokao template``."""
    from baokao.roster.template import write_template
    from baokao.rulebook import load_rulebook

    headers = write_template(args.file, load_rulebook(_trees(args)))
    print(_("{file}：空白名单，共 {count} 列").format(file=args.file, count=len(headers)))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Run ``baokao import``."""
    from baokao.importer import DEFAULT_SOURCE, import_texts, load_overrides, read_source
    from baokao.rulebook import trees_dir, write_trees

    sources = args.sources or [DEFAULT_SOURCE / "source-table.txt"]
    overrides_path = args.overrides or (sources[0].parent / "overrides.yaml")
    texts = [(str(path), read_source(path)) for path in sources]
    occupations, report = import_texts(texts, load_overrides(overrides_path))
    out = args.out or trees_dir(_trees(args))
    written = write_trees(occupations, out)
    for line in report.lines():
        print(line)
    levels = sum(len(s.levels) for o in occupations for s in o.subjects())
    routes = sum(len(lv.routes) for o in occupations for s in o.subjects() for lv in s.levels)
    entries = sum(len(o.subjects()) for o in occupations)
    print(
        f"imported {len(occupations)} occupations, {entries} occupation/工种 entries, "
        f"{levels} levels, {routes} routes, {len(report.unparsed)} unparsed, "
        f"{len(report.missing)} routes missing text (cut off) -> {len(written)} files in {out}"
    )
    _precompile(out)
    return 0


def _precompile(out: Path) -> None:
    """Compile the trees of the rule folder ``out`` ahead, beside its rule files."""
    from baokao.rulebook import RulebookError, load_rulebook
    from baokao.treestore import precompile

    try:
        subjects = load_rulebook(out).subjects()
    except RulebookError as exc:
        print(f"question trees not compiled ahead: {exc}")
        return
    print(f"{precompile(subjects, out)} question trees compiled ahead -> {out / 'compiled'}")


def cmd_lint(args: argparse.Namespace) -> int:
    """Run ``baokao lint``; exit 1 when it finds something."""
    from baokao.lint import lint
    from baokao.rulebook import load_rulebook

    book = load_rulebook(_trees(args))
    findings = lint(book)
    for line in findings:
        print(line)
    print(f"{len(findings)} finding(s) in {book.folder}")
    return 1 if findings else 0


def cmd_tree(args: argparse.Namespace) -> int:
    """Run ``baokao tree``."""
    from baokao.rulebook import open_rulebook
    from baokao.tree_export import export_tree

    book = open_rulebook(_trees(args))
    print(export_tree(book, args.occupation, args.work_type, args.level, args.format))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Run ``baokao serve``."""
    from baokao.tui.serve import serve

    return serve(args.host, args.port, _lang(args), _trees(args), args.public_url)


def cmd_records(args: argparse.Namespace) -> int:
    """Run ``baokao records``: export the records (``--since`` a date)."""
    from baokao.records import open_store
    from baokao.records.export import to_csv, write_export

    fmt = args.format or ("xlsx" if args.out and args.out.suffix == ".xlsx" else "csv")
    if fmt == "xlsx" and args.out is None:
        raise ValueError("xlsx needs --out FILE (a workbook cannot go to the terminal)")
    store = open_store(getattr(args, "sub_db", None) or args.db)
    try:
        found = store.find(since=args.since, limit=1_000_000)
    finally:
        store.close()
    if args.out is None:
        sys.stdout.write(to_csv(found))
        return 0
    try:
        write_export(found, args.out, fmt)
    except OSError as exc:
        raise ValueError(f"{args.out}: cannot be written: {exc.strerror or exc}") from None
    print(f"{len(found)} record(s) -> {args.out}", file=sys.stderr)
    return 0


def cmd_ui(args: argparse.Namespace) -> int:
    """Start the terminal UI."""
    from baokao.listing import trees_dir
    from baokao.tui.search_cache import Preload

    # The search index is read (and the rule files checked) while the UI's code is imported.
    preload = Preload(trees_dir(_trees(args)))
    with _importing():  # (what they make is then frozen: see baokao.tui.launch)
        from baokao.records import is_shared, open_store
        from baokao.tui.launch import run

    # A shared server that cannot be reached is refused before the UI starts (one line,
    # exit 2); a local file that cannot be used is reported on screen, records off.
    store = open_store(args.db) if is_shared(args.db) else None
    return run(trees=_trees(args), lang=_lang(args), db=args.db, store=store, preload=preload)


def _no_arguments() -> argparse.Namespace:
    """What the parser makes of no arguments at all: the UI, with every default.

    ``baokao`` alone (a desk starting its day) does not build the parser: its first
    build is about 5 ms of the start, spent before the search box can be drawn. A
    test holds this equal to ``_parser().parse_args([])``.
    """
    return argparse.Namespace(command=None, trees=None, lang="zh", db=None)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``baokao`` command."""
    given = sys.argv[1:] if argv is None else list(argv)
    args = _parser().parse_args(given) if given else _no_arguments()
    set_lang(_lang(args))
    commands = {
        "check": cmd_check,
        "template": cmd_template,
        "import": cmd_import,
        "lint": cmd_lint,
        "tree": cmd_tree,
        "serve": cmd_serve,
        "records": cmd_records,
    }
    try:
        code = commands.get(args.command, cmd_ui)(args)
        sys.stdout.flush()
        return code
    except ValueError as exc:  # CaseError, RulebookError, LayoutError … are ValueErrors
        for line in str(exc).splitlines():
            print(f"baokao: {line}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # the reader went away (| head): end quietly, as `yes | head` does
        _drop_stdout()
        return EXIT_PIPE
    except KeyboardInterrupt:
        _drop_stdout()
        print("baokao: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:  # writing failed: a full disk, /dev/full, a lost terminal
        _drop_stdout()
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"baokao: cannot write the output: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_OUTPUT


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so the unwritten rest cannot fail again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file descriptor (a test's captured stdout)
        pass


if __name__ == "__main__":
    sys.exit(main())
