"""Print a compiled tree for people: indented text, JSON, or a Mermaid flowchart.

Counsellors and maintainers review the whole interview this way (``baokao tree``): every
question with the branches its answer can take, and at every leaf the outcome the rule
book gives — the route met, or the closest route and what it still lacks.
"""

from __future__ import annotations

import json
from typing import Any

from baokao.compiler import Ask, Leaf, QuestionTree, Settled, compile_level
from baokao.rulebook import Rulebook, find_level

Node = Ask | Leaf

FORMATS = ("text", "json", "mermaid")


def export_tree(
    book: Rulebook, occupation: str, work_type: str | None, level: object, fmt: str
) -> str:
    """Compile one level of the rule book and print its tree in ``fmt``.

    Raises:
        RulebookError: for an unknown occupation, 工种 or level.
        ValueError: for an unknown format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (use text, json or mermaid)")
    subject = book.find(occupation, work_type)
    lv = find_level(subject, level)
    tree = compile_level(lv, subject.occupation.notes)
    title = f"{subject.title} {lv.label}"
    if fmt == "json":
        return json.dumps(tree_json(tree, title), ensure_ascii=False, indent=2)
    if fmt == "mermaid":
        return tree_mermaid(tree, title)
    return tree_text(tree, title)


def outcome_text(o: Settled) -> str:
    """A leaf's outcome in one line of Chinese."""
    if o.status == "qualified":
        return f"符合报考条件：第 {o.route} 条"
    if o.status == "undetermined":
        return "需人工核实（有条文未能解读，或这份副本缺少原文）"
    routes = "、".join(f"第 {n} 条" for n in o.closest)
    which = "（按年限差距比较）" if len(o.closest) > 1 else ""
    missing = "；".join("、".join(u) for u in o.unmet)
    return f"暂不符合：最接近 {routes}{which}；缺：{missing}"


def summary(tree: QuestionTree) -> str:
    """The numbers that describe a tree."""
    distinct = {id(n): n for n in tree.nodes()}.values()  # a shared subtree counts once
    asks = sum(1 for n in distinct if isinstance(n, Ask))
    leaves = len(distinct) - asks
    how = "精确最优" if tree.method == "exact" else "贪心回退"
    return (
        f"{asks} 个提问节点，{leaves} 个结论；平均 {tree.expected:.2f} 问，"
        f"最多 {tree.worst} 问（{how}）"
    )


def tree_text(tree: QuestionTree, title: str) -> str:
    """The tree as indented text."""
    lines = [f"{title} — {len(tree.level.routes)} 条途径", summary(tree), ""]
    seen: dict[int, str] = {}  # a fallback tree shares subtrees: each is printed once
    texts: dict[str, str] = {}

    def walk(node: Node, indent: str) -> None:
        if id(node) in seen:
            lines.append(f"{indent}→ 同 [{seen[id(node)]}]")
            return
        seen[id(node)] = node.id
        if isinstance(node, Leaf):
            lines.append(f"{indent}→ {outcome_text(node.outcomes[0])}  [{node.id}]")
            return
        if node.fact not in texts:
            texts[node.fact] = tree.catalogue.question(node.fact, {}).text
        lines.append(f"{indent}[{node.id}] {texts[node.fact]} ({node.fact})")
        for i, branch in enumerate(node.branches):
            last = i == len(node.branches) - 1
            lines.append(f"{indent}{'└─' if last else '├─'} {branch.label}")
            walk(branch.child, indent + ("   " if last else "│  "))

    walk(tree.root, "")
    return "\n".join(lines)


def _node_json(tree: QuestionTree, node: Node, seen: dict[int, str]) -> dict[str, Any]:
    if id(node) in seen:  # a subtree a fallback tree shares: printed once, then named
        return {"id": node.id, "same_as": seen[id(node)]}
    seen[id(node)] = node.id
    if isinstance(node, Leaf):
        o = node.outcomes[0]
        return {
            "id": node.id,
            "leaf": True,
            "status": o.status,
            "route": o.route,
            "closest": list(o.closest),
            "unmet": [list(u) for u in o.unmet],
            "text": outcome_text(o),
        }
    q = tree.catalogue.question(node.fact, {})
    return {
        "id": node.id,
        "question": node.fact,
        "kind": q.kind,
        "text": q.text,
        "splits": node.var,
        "expected": round(node.expected, 4),
        "depth": node.depth,
        "branches": [
            {
                "label": b.label,
                **(
                    {"min": b.lo, "max": None if b.hi == float("inf") else b.hi}
                    if b.lo is not None
                    else {"values": list(b.values)}
                ),
                "next": _node_json(tree, b.child, seen),
            }
            for b in node.branches
        ],
    }


def tree_json(tree: QuestionTree, title: str) -> dict[str, Any]:
    """The tree as JSON-ready data."""
    return {
        "title": title,
        "level": tree.level.label,
        "method": tree.method,
        "expected_questions": round(tree.expected, 4),
        "optimal_expected": None if tree.optimal is None else round(tree.optimal, 4),
        "worst_questions": tree.worst,
        "root": _node_json(tree, tree.root, {}),
    }


def _mermaid_label(text: str) -> str:
    return text.replace('"', "'").replace("\n", " ")


def tree_mermaid(tree: QuestionTree, title: str) -> str:
    """The tree as a Mermaid flowchart (``flowchart TD``)."""
    lines = ["---", f"title: {title}", "---", "flowchart TD"]
    names: dict[str, str] = {}

    def name(node: Node) -> str:
        return names.setdefault(node.id, f"N{len(names)}")

    drawn: set[int] = set()
    for node in tree.nodes():
        if id(node) in drawn:  # a subtree a fallback tree shares is drawn once
            continue
        drawn.add(id(node))
        if isinstance(node, Leaf):
            label = _mermaid_label(outcome_text(node.outcomes[0]))
            lines.append(f'    {name(node)}(["{label}"])')
            continue
        label = _mermaid_label(tree.catalogue.question(node.fact, {}).text)
        lines.append(f'    {name(node)}{{"{label}"}}')
        for branch in node.branches:
            edge = _mermaid_label(branch.label)
            lines.append(f'    {name(node)} -->|"{edge}"| {name(branch.child)}')
    return "\n".join(lines)
