"""The one pydantic base every rule and profile model uses: frozen and strict about keys.

Frozen values make sessions and trees safe to share and cache; ``extra="forbid"`` turns a
typo in a rule file or a profile into an error instead of a silently ignored fact.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, ValidationError


class Frozen(BaseModel):
    """A frozen model that rejects unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid")


def error_path(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as a path: ``levels[0].routes[1].conditions[0]``."""
    out = ""
    for key in loc:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


def first_error(exc: ValidationError) -> tuple[str, str]:
    """The path and a readable message of the first error of a validation failure."""
    first = exc.errors()[0]
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        message = "unknown field (not in the profile contract)"
    elif first["type"] == "missing":
        message = "required field is missing"
    return error_path(tuple(first["loc"])), message
