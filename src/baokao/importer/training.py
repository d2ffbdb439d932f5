"""The grammar's part for formal training (经本职业中级正规培训…), and the level a name says.

``route_grammar.lark`` matches a training phrase; this module turns it into conditions: the
level the training names (本等级, 中级, 三级X师, the standard's own titles, or the
occupation's own name read at the route's level) and the certificate it is completed with.
Kept apart from :mod:`baokao.importer.grammar` so that module stays about the route.
"""

from __future__ import annotations

import re
from typing import Any

from lark import Token, v_args

from baokao.i18n import _
from baokao.importer.own import own_training
from baokao.importer.phrases import NUMERAL_LEVELS, OLD_LEVELS, OLD_TITLES
from baokao.importer.repair import tidy_name
from baokao.model.conditions import AnyOf, Condition, Credential, Training, Unparsed

#: The old level words (初级 … 高级技师), longest first.
OLD_WORD = re.compile(r"(?:高级技师|技师|初级|中级|高级)")
_NUMERAL = re.compile(r"[五四三二一]级")


def named_level(name: str, titles: dict[str, int]) -> int | None:
    """The level a named certificate or training names: 五级秘书, 中级X师, a title."""
    name = name.removeprefix("本职业")
    if name in titles:
        return titles[name]
    if name in OLD_TITLES:
        return OLD_TITLES[name]
    if m := _NUMERAL.search(name):
        return NUMERAL_LEVELS[m.group(0)]
    if m := OLD_WORD.search(name):
        return OLD_LEVELS[m.group(0)]
    return None


def _training_title(what: str) -> str:
    title = what.removeprefix("本职业")
    return title[:-1] if title.endswith(("师级", "员级")) else title


class TrainingRules:
    """The parse-tree rules of training (mixed into the grammar's transformer)."""

    text: str
    route_level: int | None
    titles: dict[str, int]
    occupation: str | None
    notes: list[str]

    def _span(self, meta: Any) -> str:
        return self.text[meta.start_pos : meta.end_pos]

    @v_args(meta=True)
    def training(self, meta: Any, children: list[Token]) -> Condition:
        cred = str(next(c for c in children if c.type == "CREDENTIAL"))
        return self._training(meta, children, ("合格证书" if cred == "合格" else "结业证书",))

    @v_args(meta=True)
    def training_bare(self, meta: Any, children: list[Token]) -> Condition:
        """The training with no certificate named: met with either one (a training the
        contract knows is one completed with a 结业证书 or a 合格证书)."""
        found = self._training(meta, children, ("结业证书", "合格证书"))
        if not isinstance(found, Unparsed):
            note = _("“{text}”没有写取得的证书：结业证书或合格证书均可")
            self.notes.append(note.format(text=self._span(meta)))
        return found

    def _training(
        self, meta: Any, children: list[Token], credentials: tuple[Credential, ...]
    ) -> Condition:
        what, tidied = tidy_name(_training_title(str(children[0])), self.occupation)
        if tidied:
            self.notes.append(tidied)
        number = self.route_level if what == "本等级" else named_level(what, self.titles)
        text = self._span(meta)
        if number is None and (note := own_training(what, self.occupation)):
            number = self.route_level
            self.notes.append(note)
        if number is None:
            return Unparsed(text=text)
        options = [Training(level=number, credential=c, title=what, text=text) for c in credentials]
        return options[0] if len(options) == 1 else AnyOf(conditions=tuple(options))
