"""Compile a level's routes into the shortest interview, and prove it says what the book says.

``compile(level)`` returns a :class:`QuestionTree` whose questions each ask one fact of
the public profile contract, in the order that asks the fewest questions on average,
stopping as soon as the outcome is settled. The evaluator stays the judge: every leaf
is checked against it in the tests, and sessions read their verdicts from it.
"""

from baokao.compiler.analysis import Settled
from baokao.compiler.build import compile_level, compile_levels
from baokao.compiler.questions import Answer, AnswerError, Choice, Question, QuestionKind
from baokao.compiler.tree import Ask, Branch, Leaf, QuestionTree

compile = compile_level

__all__ = [
    "Answer",
    "AnswerError",
    "Ask",
    "Branch",
    "Choice",
    "Leaf",
    "Question",
    "QuestionKind",
    "QuestionTree",
    "Settled",
    "compile",
    "compile_level",
    "compile_levels",
]
