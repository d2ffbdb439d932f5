"""The grammar's part for the kinds of condition declared in the fact registry.

The rules are in ``route_grammar.lark``, in the section marked for them; this module
turns what they match into conditions (a driving licence: the classes that meet it, from
:mod:`baokao.model.licences`). Kept apart from :mod:`baokao.importer.grammar` so that the
phrases of the common kinds and these new kinds grow without stepping on each other.
"""

from __future__ import annotations

import re
from typing import Any, cast

from lark import Token, v_args

from baokao.model.conditions import AllOf, DrivingLicence
from baokao.model.licences import LicenceClass, accepting

#: A licence class as printed; an OCR'd copy reads C1 as CI or Cl (documented in
#: docs/interpretation.md).
_LICENCE_CLASS = re.compile(r"([ABC])([1-6Il])|([DEFMNP])")


def driving_licence(text: str) -> DrivingLicence:
    """持有…C1照以上 -> the classes that meet it: those named and every class covering one.

    "以上" or not, a class that covers the one named lets its holder drive that vehicle,
    so it meets the requirement (docs/interpretation.md).
    """
    head = text.split("驾驶证》", 1)[-1]
    named: list[LicenceClass] = []
    for m in _LICENCE_CLASS.finditer(head):
        code = m.group(3) or m.group(1) + m.group(2).replace("I", "1").replace("l", "1")
        named.append(cast(LicenceClass, code))
    return DrivingLicence(accepts=accepting(named), text=text)


class KindRules:
    """The parse-tree rules of the registry's kinds (mixed into the grammar's transformer)."""

    text: str

    def _span(self, meta: Any) -> str:
        return self.text[meta.start_pos : meta.end_pos]

    @v_args(meta=True)
    def driving(self, meta: Any, children: list[Token]) -> DrivingLicence:
        return driving_licence(self._span(meta))

    @v_args(meta=True)
    def driving_and(self, meta: Any, children: list[Any]) -> AllOf:
        own = driving_licence(str(children[0]))
        rest = [c for c in children[1:] if not isinstance(c, Token)]
        return AllOf(conditions=(own, *rest))
