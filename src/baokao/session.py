"""An interview as an immutable value: the subject, the level and the answers given.

Everything else — the next question, the bounds on its answer, the routes still
possible, the outcome — follows from walking the compiled tree(s) with the answers, so
going back, changing an earlier answer or undoing are plain list edits and a session
can be copied, compared and saved freely. Trees are compiled once per level and cached;
the evaluator gives the verdicts, from the profile the answers make.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from baokao.compiler import (
    Ask,
    Catalogue,
    Position,
    Progress,
    QuestionTree,
    advance,
    build_catalogue,
    possible_routes,
)
from baokao.evaluator import Verdict, evaluate
from baokao.evaluator.when import qualify_date
from baokao.model.answers import build_profile, describe, parse_answer, years_bounds
from baokao.model.facts import Answer, AnswerError, Choice, Question
from baokao.model.profile import Profile
from baokao.model.rules import Level, Route, Subject
from baokao.model.years import check_years, fmt_years
from baokao.treestore import stored_tree, use_folder

__all__ = [
    "AllLevelsOutcome",
    "Answer",
    "AnswerError",
    "Choice",
    "LevelOutcome",
    "Progress",
    "Question",
    "Session",
    "check_years",
    "fmt_years",
    "prepare",
    "use_folder",
]

_CACHE_SIZE = 128
_trees: OrderedDict[tuple[int, int], tuple[Level, QuestionTree]] = OrderedDict()
_catalogues: dict[int, tuple[Subject, Catalogue]] = {}


def compiled(subject: Subject, level: Level, progress: Progress | None = None) -> QuestionTree:
    """The compiled tree of ``level`` (questions shared with the subject's other levels).

    Cached by identity: rule books are loaded once and their models are frozen, so the
    same level object always compiles to the same tree. Trees compiled ahead (bundled,
    or by ``baokao import``) or on an earlier run are read from disk. ``progress`` is told how a
    compile goes and may stop it by raising (see :func:`prepare`).
    """
    key = (id(subject.occupation), id(level))
    hit = _trees.get(key)
    if hit is not None and hit[0] is level:
        _trees.move_to_end(key)
        return hit[1]
    tree = stored_tree(subject, level, progress)
    _trees[key] = (level, tree)
    if len(_trees) > _CACHE_SIZE:
        _trees.popitem(last=False)
    return tree


def prepare(
    subject: Subject, level: int | None, today: date | None = None, progress: Progress | None = None
) -> Session:
    """A new session with its trees compiled and its first question worked out.

    The slow part of starting an interview (compiling, once per level): a UI runs it in a
    thread, shows ``progress`` (told the states worked on so far) and cancels it by
    raising from ``progress``; the exception ends the compile and comes out of here.
    """
    session = Session.start(subject, level, today)
    for lv in session._levels:
        compiled(subject, lv, progress)
    _ = session.question, session.alive
    return session


def _union(subject: Subject) -> Catalogue:
    """Every level's facts in one catalogue: the questions' help cites all their uses."""
    key = id(subject.occupation)
    hit = _catalogues.get(key)
    if hit is None or hit[0] != subject:
        levels = subject.levels
        hit = (subject, build_catalogue(levels, subject.occupation.notes, levels))
        _catalogues[key] = hit
    return hit[1]


@dataclass(frozen=True)
class LevelOutcome:
    """The verdict on one level, and when only years are missing, the date it will be met."""

    verdict: Verdict
    qualify_date: date | None


@dataclass(frozen=True)
class AllLevelsOutcome:
    """Every level's verdict (五级 first), the highest open now and the next one up."""

    verdicts: tuple[Verdict, ...]
    highest: Verdict | None
    next_level: Verdict | None
    qualify_date: date | None


@dataclass(frozen=True)
class Session:
    """An interview for one level of a subject, or for all of them (``level=None``)."""

    subject: Subject
    level: int | None
    answers: tuple[tuple[str, Answer], ...]
    today: date

    @classmethod
    def start(cls, subject: Subject, level: int | None, today: date | None = None) -> Session:
        """A new interview (``KeyError`` for a level the subject does not have)."""
        if level is not None:
            subject.level(level)
        return cls(subject, level, (), today or date.today())

    # -- where the interview stands -------------------------------------------------

    @cached_property
    def _levels(self) -> tuple[Level, ...]:
        if self.level is not None:
            return (self.subject.level(self.level),)
        return tuple(sorted(self.subject.levels, key=lambda lv: -lv.number))

    @cached_property
    def _compiled(self) -> tuple[QuestionTree, ...]:
        return tuple(compiled(self.subject, lv) for lv in self._levels)

    @cached_property
    def _position(self) -> Position:
        return advance(self._compiled, self.answers)

    def _catalogue(self, index: int) -> Catalogue:
        if self.level is None:
            return _union(self.subject)
        return self._compiled[index].catalogue

    @property
    def question(self) -> Question | None:
        """The next question, or ``None`` when every outcome is settled."""
        pos = self._position
        if pos.current is None:
            return None
        node = pos.nodes[pos.current]
        assert isinstance(node, Ask)
        return self._catalogue(pos.current).question(node.fact, pos.answers)

    def answer(self, value: Answer | str) -> Session:
        """Answer the current question (typed text is parsed).

        Raises:
            AnswerError: for a value that is not an answer to it (a clear Chinese message).
        """
        q = self.question
        if q is None:
            raise AnswerError("问答已经结束，没有需要回答的问题。")
        parsed = self._parse(q, value, self._position.answers)
        pos = self._position
        pending = tuple(p for p in pos.pending if p[0] != q.id)
        return self._with((*pos.consumed, (q.id, parsed), *pending))

    def back(self) -> Session:
        """Drop the last answer."""
        pos = self._position
        return self._with((*pos.consumed[:-1], *pos.pending))

    def change(self, question_id: str, value: Answer | str) -> Session:
        """Replace an earlier answer; later answers are kept where still asked and valid.

        Raises:
            KeyError: if ``question_id`` was not answered on the current path.
            AnswerError: for a value that is not an answer to it.
        """
        pos = self._position
        ids = [f for f, _ in pos.consumed]
        index = ids.index(question_id) if question_id in ids else -1
        if index < 0:
            raise KeyError(question_id)
        before = dict(pos.consumed[:index])
        q = self._catalogue(0).question(question_id, before)
        parsed = self._parse(q, value, before)
        answers = list(pos.consumed)
        answers[index] = (question_id, parsed)
        return self._with((*answers, *pos.pending))

    def _parse(self, q: Question, value: Answer | str, before: dict[str, Answer]) -> Answer:
        why = ("", "")
        if q.kind == "years":
            _, _, low, high = years_bounds(q.id, before)
            why = (low, high)
        return parse_answer(q, value, why)

    def _with(self, answers: tuple[tuple[str, Answer], ...]) -> Session:
        moved = replace(self, answers=answers)
        pos = moved._position
        return replace(self, answers=(*pos.consumed, *pos.pending))

    # -- what the UI shows ----------------------------------------------------------

    @property
    def answered(self) -> tuple[tuple[Question, Answer], ...]:
        """The answers given on the current path, with their questions, in order."""
        pos = self._position
        out = []
        for k, (fact, value) in enumerate(pos.consumed):
            cat = self._catalogue(0)
            out.append((cat.question(fact, dict(pos.consumed[:k])), value))
        return tuple(out)

    @property
    def progress(self) -> tuple[int, int]:
        """(answered, at most how many questions remain)."""
        pos = self._position
        left = sum(n.depth for n in pos.nodes if isinstance(n, Ask))
        return len(pos.consumed), left

    @property
    def alive(self) -> tuple[tuple[Level, Route], ...]:
        """The routes that can still be met, given the answers so far."""
        answers = self._position.answers
        out = []
        for level, tree in zip(self._levels, self._compiled, strict=True):
            out += [(level, level.routes[ri]) for ri in possible_routes(tree, answers)]
        return tuple(out)

    @property
    def profile(self) -> Profile:
        """The answers as a contract profile."""
        answers = self._position.answers
        return build_profile(answers, _cautious_status(self._levels, answers))

    def describe(self, question_id: str, value: Answer) -> str:
        """An answer in Chinese (``3 年``, a choice's label, ``是``/``否``)."""
        return describe(_union(self.subject).spec(question_id), value)

    @property
    def outcome(self) -> LevelOutcome | AllLevelsOutcome | None:
        """The outcome once settled (``None`` while questions remain)."""
        if self._position.current is not None:
            return None
        profile = self.profile
        verdicts = tuple(evaluate(lv, profile) for lv in self._levels)
        if self.level is not None:
            return LevelOutcome(verdicts[0], qualify_date(verdicts[0], profile, self.today))
        return _all_levels(verdicts, profile, self.today)


def _all_levels(verdicts: tuple[Verdict, ...], profile: Profile, today: date) -> AllLevelsOutcome:
    qualified = [v for v in verdicts if v.status == "qualified"]
    highest = min(qualified, key=lambda v: v.level.number) if qualified else None
    if highest is None:
        following = verdicts[0] if verdicts else None
    else:
        above = [v for v in verdicts if v.level.number < highest.level.number]
        following = max(above, key=lambda v: v.level.number) if above else None
    when = qualify_date(following, profile, today) if following is not None else None
    return AllLevelsOutcome(verdicts, highest, following, when)


def _cautious_status(levels: tuple[Level, ...], answers: dict[str, Answer]) -> str:
    """The study status to assume when it was not asked: the one meeting fewest routes.

    The interview leaves it unasked only when it cannot change an outcome; choosing the
    value that meets the fewest routes keeps the verdict from listing a route that was
    met only by an assumption.
    """
    if "status" in answers or answers.get("school") in (None, "none"):
        return "graduated"
    best, fewest = "graduated", math.inf
    for status in ("graduated", "graduating", "enrolled"):
        profile = build_profile(answers, status)
        met = sum(len(evaluate(lv, profile).qualifying) for lv in levels)
        if met < fewest:
            best, fewest = status, met
    return best
