"""The shapes of the fact registry: a fact, its answers, and a question as shown.

Apart from :mod:`baokao.model.facts` (the facts themselves) so that a kind of condition
declared in a module of its own (:mod:`baokao.model.held`) can declare its fact too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from baokao.i18n import N_

QuestionKind = Literal["years", "choice", "yesno"]
Answer = float | str


class AnswerError(ValueError):
    """A typed answer that cannot be accepted; ``str(exc)`` is a clear message."""


@dataclass(frozen=True)
class Choice:
    """One answer a choice question offers; a certificate question's say the ``level``
    they name (``None``: none) and if ``related``, for a front end to key them by level."""

    value: str
    label: str
    level: int | None = None
    related: bool = False


@dataclass(frozen=True)
class Question:
    """A question as the UI shows it, with the bounds earlier answers imply."""

    id: str
    kind: QuestionKind
    text: str
    help: str
    choices: tuple[Choice, ...] = ()
    min_years: float = 0.0
    max_years: float | None = None


@dataclass(frozen=True)
class FactSpec:
    """A fact that can be asked: its wording, its answers and what must be known first.

    ``var`` names the quantity a years answer reveals (``TT`` is this plus related
    years, known once both are answered). ``after`` is the fact that must already be
    answered; ``held`` names a choice fact whose answer must exclude ``none``.
    ``field`` is the profile contract field the answer fills.
    """

    id: str
    kind: QuestionKind
    text: str
    why: str
    choices: tuple[Choice, ...] = ()
    var: str | None = None
    after: str | None = None
    held: str | None = None
    field: str = ""


YES_NO = (Choice("yes", N_("是")), Choice("no", N_("否")))
