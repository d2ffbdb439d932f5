"""The limits a rule file must keep, and where in it a problem lies.

Rule files are data anyone can edit, so what reads them must not be at their mercy:
a file that is not UTF-8, a YAML alias bomb (a few hundred bytes that expand into
gigabytes once validated), or lists nested hundreds deep (a ``RecursionError`` in
the parser, the compiler and the UI). Each is refused here, before the file is
parsed into objects, with one line that names the place; :mod:`baokao.rulebook` adds
the file's path.

When a file breaks the rule schema, :func:`schema_problem` says where in the file's
own terms (its line, the level's label, the route's number), not as a pydantic path.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from baokao.limits import MAX_RULE_FILE_BYTES

#: The largest rule file read.
MAX_BYTES = MAX_RULE_FILE_BYTES

#: How deep lists and mappings may nest in a rule file. A condition nested in
#: ``all``/``any`` three deep in a 工种 is about 13 levels; the limit keeps the
#: parser, the validator and the compiler far from Python's recursion limit.
MAX_DEPTH = 40

_EVENTS: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class RuleFileLimit(ValueError):
    """A rule file breaks one of the limits; the message says where (without the path)."""


def read_text(path: Path) -> str:
    """The text of a rule file: at most :data:`MAX_BYTES`, UTF-8 (a BOM is allowed).

    Raises:
        OSError: when the file cannot be read.
        RuleFileLimit: when it is too large or not UTF-8.
    """
    with path.open("rb") as stream:
        return text_of(stream.read(MAX_BYTES + 1))


def text_of(data: bytes) -> str:
    """The text of a rule file's bytes (as :func:`read_text` reads them).

    Raises:
        RuleFileLimit: when they are too many or not UTF-8.
    """
    if len(data) > MAX_BYTES:
        raise RuleFileLimit(f"larger than {MAX_BYTES // (1024 * 1024)} MiB; not a rule file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start : exc.start + 1].hex()
        raise RuleFileLimit(
            f"line {line}: not UTF-8 text (byte 0x{byte}); save the file as UTF-8"
        ) from None


def check_structure(text: str) -> None:
    """Refuse YAML aliases and nesting deeper than :data:`MAX_DEPTH`.

    Reads the parser's events only (no objects are built), so a bomb costs nothing.

    Raises:
        RuleFileLimit: naming the line of the first alias or of the too-deep nesting.
        yaml.YAMLError: when the text is not YAML.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_EVENTS):
        if isinstance(event, yaml.AliasEvent):
            raise RuleFileLimit(
                f"line {_event_line(event)}: a YAML alias (*{event.anchor}); "
                "rule files may not use aliases, write each condition out"
            )
        if isinstance(event, _OPEN):
            depth += 1
            if depth > MAX_DEPTH:
                raise RuleFileLimit(
                    f"line {_event_line(event)}: nested more than {MAX_DEPTH} "
                    "levels deep (all/any inside all/any?)"
                )
        elif isinstance(event, _CLOSE):
            depth -= 1


def _event_line(event: yaml.Event) -> int | str:
    mark = event.start_mark
    return mark.line + 1 if mark is not None else "?"


def schema_problem(exc: ValidationError, data: object, text: str) -> str:
    """The first schema error of a rule file, placed in the file's own terms.

    For example ``line 9: 四级/中级, route 1, condition 1 (any): an 'any' with no
    conditions can never be met (levels[0].routes[0].conditions[0])``.
    """
    first = exc.errors()[0]
    loc = tuple(first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        message = f"unknown key {loc[-1]!r} (not in the rule file format)"
    elif first["type"] == "missing":
        message = f"required key {loc[-1]!r} is missing"
    words, path = _place(data, loc)
    line = _line(text, path)
    where = ", ".join(words)
    parts = [f"line {line}" if line else "", where, message]
    text_out = ": ".join(p for p in parts if p)
    return f"{text_out} ({_dotted(path)})" if path else text_out


def _place(data: object, loc: tuple[int | str, ...]) -> tuple[list[str], list[int | str]]:
    """Words for a location (label, route number …) and the location in the data.

    The data location drops the discriminator tags pydantic puts in a union's path
    (``conditions[0].any.conditions`` is ``conditions[0].conditions`` in the file).
    """
    words: list[str] = []
    path: list[int | str] = []
    node = data
    for index, key in enumerate(loc):
        parent = loc[index - 1] if index else None
        if isinstance(key, int):
            node = node[key] if isinstance(node, list) and 0 <= key < len(node) else None
            path.append(key)
            words.append(_word(parent, key, node))
            continue
        if isinstance(node, dict) and key in node:
            node = node[key]
            path.append(key)
            if not (index + 1 < len(loc) and isinstance(loc[index + 1], int)):
                words.append(str(key))
        elif not (parent is not None and isinstance(parent, int)):
            words.append(str(key))  # a key that is missing or unknown
    return words, path


def _word(parent: int | str | None, index: int, node: object) -> str:
    item = node if isinstance(node, dict) else {}
    if parent == "levels":
        return str(item.get("label") or f"level {item.get('number', index + 1)}")
    if parent == "work_types":
        return f"工种 {item.get('name', index + 1)}"
    if parent == "routes":
        return f"route {item.get('number', f'#{index + 1}')}"
    if parent == "conditions":
        kind = item.get("kind")
        return f"condition {index + 1}" + (f" ({kind})" if kind else "")
    return f"{parent} item {index + 1}"


def _dotted(path: list[int | str]) -> str:
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


def _line(text: str, path: list[int | str]) -> int | None:
    """The line of the file where the node at ``path`` starts (only on the error path)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    for key in path:
        if isinstance(node, yaml.SequenceNode) and isinstance(key, int):
            node = node.value[key]
        elif isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == key), None)
        else:
            return None
        if node is None:
            return None
    return int(node.start_mark.line) + 1 if node is not None else None
