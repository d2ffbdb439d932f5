"""A small smart-answers style driver: "answer 3 years here → the next question is …".

Each flow starts an interview, and at every step checks which question comes next
before answering it, then checks the verdict: the route met, or the closest route and
what it lacks. Expected verdicts are read off the route texts in ``trees/*.yaml``.
"""

from __future__ import annotations

from datetime import date

from baokao.rulebook import load_rulebook
from baokao.session import LevelOutcome, Session

BOOK = load_rulebook()
TODAY = date(2024, 3, 1)


class Flow:
    """One interview, driven step by step."""

    def __init__(self, occupation: str, level: int, work_type: str | None = None) -> None:
        self.session = Session.start(BOOK.find(occupation, work_type), level, TODAY)

    def asks(self, question_id: str) -> Flow:
        """The next question is ``question_id``."""
        q = self.session.question
        assert q is not None, f"expected {question_id}, but the interview is over"
        assert q.id == question_id, f"expected {question_id}, asked {q.id}: {q.text}"
        return self

    def answer(self, value: str) -> Flow:
        """Answer it as typed."""
        self.session = self.session.answer(value)
        return self

    def then(self, question_id: str, value: str) -> Flow:
        """The next question is ``question_id``; answer ``value``."""
        return self.asks(question_id).answer(value)

    @property
    def outcome(self) -> LevelOutcome:
        assert self.session.question is None, f"still asking {self.session.question}"
        outcome = self.session.outcome
        assert isinstance(outcome, LevelOutcome)
        return outcome

    def qualifies(self, route: int) -> LevelOutcome:
        """The interview is over: the candidate may apply, by ``route`` (among others)."""
        outcome = self.outcome
        assert outcome.verdict.status == "qualified"
        assert route in outcome.verdict.qualifying, outcome.verdict.qualifying
        return outcome

    def falls_short(self, closest: int, *lines: str) -> LevelOutcome:
        """The interview is over: not yet; closest ``closest``, lacking exactly ``lines``."""
        outcome = self.outcome
        verdict = outcome.verdict
        assert verdict.status == "not_qualified"
        assert verdict.closest is not None and verdict.closest.number == closest
        assert verdict.unmet == lines, verdict.unmet
        return outcome

    @property
    def asked(self) -> list[str]:
        """The questions answered so far, in order."""
        return [q.id for q, _ in self.session.answered]
