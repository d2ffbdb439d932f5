"""Candidates the tests share, written once.

``NOTHING`` is a candidate who is known to have nothing at all: no years of any kind, no
certificate, diploma, training or apprenticeship. Golden cases marked ``complete`` start
from it (every fact known), and the rule-file fuzzer checks that no generated rule lets
this candidate qualify.
"""

from __future__ import annotations

from typing import Any

NOTHING: dict[str, Any] = {
    "years_this": 0,
    "years_related": 0,
    "years_this_continuous": 0,
    "years_continuous_incl_related": 0,
    "years_trainee_continuous": 0,
    "apprenticeship": "none",
    "certificates": [],
    "preparatory_technician": False,
    "education": [],
    "trainings": [],
}
