"""Judge a profile against a level: met, unmet or unknown per condition, the verdict,
and the closest route with its shortfalls, exactly as the public contract fixes them."""

from baokao.evaluator.outcome import Outcome, Truth
from baokao.evaluator.verdict import RouteResult, Verdict, evaluate, evaluate_route

__all__ = ["Outcome", "RouteResult", "Truth", "Verdict", "evaluate", "evaluate_route"]
