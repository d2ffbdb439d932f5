"""Years in a field of work the text names in its own words (从事推销工作2年以上).

Some standards count years not in "本职业" or "相关职业" but in work they name:
从事推销工作 (营销师), 从事职业培训工作 (企业培训师), 担任项目管理领导工作 (项目管理师). Such
a condition is asked in the text's own words, one question per kind of work and way of
counting (累计 or 连续), and compared like any count of years. Each (work, mode) is its
own count: its quantity code is ``W:<mode>:<work>`` and its fact ``work:<mode>:<work>``
(``work`` as the text says it, verb and 工作 made one spelling: 从事推销工作,
担任项目管理领导工作), made on demand as the training facts are.

Years in named work since a certificate (取得初级推销员职业资格证书后，从事推销工作2年以上)
are the certificate's own count, as its years in this occupation after it are (contract
rule 3): for the certificate question ``cert_<block>``, fact ``after:<block>:<work>``,
quantity ``WA:<block>:<work>``, the profile's ``certificates[].named_work_after``.

Where the named work is the occupation's own work (心理咨询工作 for 心理咨询师) the
importer reads it as 本职业 by one rule, :func:`is_own_work`; ``docs/interpretation.md``
writes it down.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal, Protocol, TypeVar

from baokao.i18n import N_, T_
from baokao.model.factspec import Answer, FactSpec

NamedMode = Literal["cumulative", "continuous"]
CODE_PREFIX = "W:"
FACT_PREFIX = "work:"
#: The profile contract field of the named work's years.
FIELD = "named_work"
AFTER_CODE_PREFIX = "WA:"
AFTER_FACT_PREFIX = "after:"
#: The certificate's field of the years in named work since obtaining it.
AFTER_FIELD = "certificates[].named_work_after"

_ASK = T_(
    N_("您{how}{work}多少年？"),
    how=("累计", "连续（不间断）"),
)
_HOW = {"cumulative": N_("累计"), "continuous": N_("连续（不间断）")}
_WHY = N_(
    "条文按它自己的说法计算“从事…工作”的年限，与本职业工作年限分开问；连续年限只算没有中断的最长一段。"
)


def named_code(work: str, mode: NamedMode) -> str:
    """The quantity code of years in ``work`` (``W:cumulative:从事推销工作``)."""
    return f"{CODE_PREFIX}{mode}:{work}"


def named_fact_id(work: str, mode: NamedMode) -> str:
    """The fact id asking years in ``work`` (``work:cumulative:推销工作``)."""
    return f"{FACT_PREFIX}{mode}:{work}"


def _split(key: str, prefixes: tuple[str, str], heads: tuple[str, ...]) -> tuple[str, str] | None:
    """``(head, work)`` of a key ``<prefix><head>:<work>`` whose prefix is one of
    ``prefixes`` and head one of ``heads``; ``None`` for any other key."""
    for prefix in prefixes:
        if key.startswith(prefix):
            head, _, work = key.removeprefix(prefix).partition(":")
            if head in heads and work:
                return head, work
    return None


def parse_named(key: str) -> tuple[NamedMode, str] | None:
    """``(mode, work)`` of a named code or fact id, ``None`` for any other key."""
    found = _split(key, (CODE_PREFIX, FACT_PREFIX), ("cumulative", "continuous"))
    if found is None:
        return None
    mode, work = found
    return ("cumulative" if mode == "cumulative" else "continuous"), work


def named_fact(work: str, mode: NamedMode) -> FactSpec:
    """The years question of ``work`` in the text's words."""
    return FactSpec(
        named_fact_id(work, mode),
        "years",
        _ASK.format(how=_HOW[mode], work=work),
        _WHY,
        var=named_code(work, mode),
        field=FIELD,
    )


_ASK_AFTER = T_("取得这本证书后，您累计{work}多少年？")
_ASK_AFTER_RELATED = T_("取得这本相关职业证书后，您累计{work}多少年？")
_WHY_AFTER = N_(
    "“取得…证书后，从事…工作N年”按取得该证书之后从事这项工作的年限计算，与本职业工作年限分开问。"
)


def after_code(work: str, block: str) -> str:
    """The quantity code of years in ``work`` after the certificate of ``block`` (``this``,
    ``related`` or ``any``): ``WA:this:从事推销工作``."""
    return f"{AFTER_CODE_PREFIX}{block}:{work}"


def after_fact_id(work: str, block: str) -> str:
    """The fact id asking those years (``after:this:从事推销工作``)."""
    return f"{AFTER_FACT_PREFIX}{block}:{work}"


def parse_after(key: str) -> tuple[str, str] | None:
    """``(block, work)`` of an after code or fact id, ``None`` for any other key."""
    return _split(key, (AFTER_CODE_PREFIX, AFTER_FACT_PREFIX), ("this", "related", "any"))


def after_fact(work: str, block: str) -> FactSpec:
    """The years question of ``work`` since the certificate of ``block``, in the text's
    words; asked once that certificate is held."""
    ask = _ASK_AFTER_RELATED if block == "related" else _ASK_AFTER
    return FactSpec(
        after_fact_id(work, block),
        "years",
        ask.format(work=work),
        _WHY_AFTER,
        var=after_code(work, block),
        held=f"cert_{block}",
        field=AFTER_FIELD,
    )


def after_label(work: str) -> str:
    """How a branch of a tree names the count (``取得证书后从事推销工作``)."""
    return f"取得证书后{work}"


def after_entries(answers: Mapping[str, Answer], block: str) -> list[dict[str, object]] | None:
    """A certificate's ``named_work_after`` from an interview's answers (``None``: none
    asked)."""
    entries = []
    for key, value in answers.items():
        after = parse_after(key)
        if after is not None and after[0] == block and isinstance(value, int | float):
            entries.append({"work": after[1], "years": float(value)})
    return entries or None


def label(work: str, mode: NamedMode) -> str:
    """How a branch of a tree names the count (``从事推销工作累计``)."""
    return f"{work}{'连续' if mode == 'continuous' else '累计'}"


def spelling(verb: str, what: str) -> str:
    """One spelling of the work: 任项目管理领导 -> 担任项目管理领导工作."""
    return ("担任" if verb in ("任", "担任") else "从事") + what.removesuffix("工作") + "工作"


def named_work_entries(answers: Mapping[str, Answer]) -> list[dict[str, object]] | None:
    """The profile's named work from an interview's answers (``None``: none asked)."""
    entries: dict[str, dict[str, object]] = {}
    for key, value in answers.items():
        named = parse_named(key)
        if named is not None and isinstance(value, int | float):
            mode, work = named
            entry = entries.setdefault(work, {"work": work})
            entry["continuous_years" if mode == "continuous" else "years"] = float(value)
    return list(entries.values()) if entries else None


class _Worked(Protocol):
    @property
    def work(self) -> str: ...


Entry = TypeVar("Entry", bound=_Worked)


def entry_for(entries: Iterable[Entry] | None, work: str) -> Entry | None:
    """The entry of ``entries`` (a profile's ``named_work``, or a certificate's
    ``named_work_after``) for the work a text names, by :func:`work_key`."""
    key = work_key(work)
    return next((e for e in entries or () if work_key(e.work) == key), None)


def work_key(work: str) -> str:
    """The work without its verb and 工作, to match a profile's words to a text's
    (推销, 推销工作 and 从事推销工作 are one work)."""
    for verb in ("从事", "担任", "任"):
        if work.startswith(verb):
            work = work.removeprefix(verb)
            break
    return work.removesuffix("工作")


def is_own_work(work: str, occupation: str) -> bool:
    """Whether the work a text names is the occupation's own: 从事 and the occupation's
    name without its last character (从事心理咨询工作 for 心理咨询师, 从事项目管理工作 for
    项目管理师). Anything else (从事职业培训工作 for 企业培训师, 从事推销工作 for 营销师,
    担任项目管理领导工作) is asked in the text's own words."""
    stem = occupation[:-1] if occupation.endswith(("师", "员", "工")) else occupation
    return len(stem) >= 2 and work == f"从事{stem}工作"
