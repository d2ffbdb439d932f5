"""Compile a level's routes into the shortest interview, and prove it says what the book says.

``compile_level(level)`` returns a :class:`QuestionTree` whose questions each ask one
fact of the public profile contract, in the order that asks the fewest questions on
average, stopping as soon as the outcome is settled. The evaluator stays the judge:
every leaf is checked against it in the tests, and sessions read their verdicts from it.

What is imported from here is the compiler's public API, the only part the session and
the tree store (``baokao.treestore``) use (an import-linter contract holds them to that):
compiling, walking trees with answers, and the catalogue whose questions a candidate
sees. The questions and answers themselves are the fact registry's (``baokao.model.facts``).
"""

from baokao.compiler.analysis import Settled
from baokao.compiler.build import compile_level
from baokao.compiler.catalogue import Catalogue, build_catalogue
from baokao.compiler.search import Progress
from baokao.compiler.tree import Ask, Branch, Leaf, QuestionTree
from baokao.compiler.walk import Position, advance, possible_routes

__all__ = [
    "Ask",
    "Branch",
    "Catalogue",
    "Leaf",
    "Position",
    "Progress",
    "QuestionTree",
    "Settled",
    "advance",
    "build_catalogue",
    "compile_level",
    "possible_routes",
]
