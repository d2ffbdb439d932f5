"""The one pydantic base every rule and profile model uses: frozen and strict about keys.

Frozen values make sessions and trees safe to share and cache; ``extra="forbid"`` turns a
typo in a rule file or a profile into an error instead of a silently ignored fact.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    """A frozen model that rejects unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid")
