"""The one pydantic base every rule and profile model uses: frozen and strict about keys.

Frozen values make sessions and trees safe to share and cache; ``extra="forbid"`` turns a
typo in a rule file or a profile into an error instead of a silently ignored fact.

Each model's validator is built when the model is first validated (``defer_build``), not
when its module is imported: a run uses few of them (``baokao check`` of one case, with
its occupation read back validated from :mod:`baokao.rulecache`, validates only the
case, by a validator kept between runs), and building them all at import cost it as
much again as importing baokao's own modules.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, ValidationError


class Frozen(BaseModel):
    """A frozen model that rejects unknown keys, built when first used."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


def build_all() -> None:
    """Build every model's validator and serializer now, rather than when first used.

    For a program with time to spare before anyone waits: the UI does it in its loading
    thread while the start screen is read, so that no pick, hash of a level or first
    answer builds one. Models defined by then (every one of :mod:`baokao.model`, and
    any other module's already imported) are built; building one twice does nothing.
    """
    models: list[type[BaseModel]] = [Frozen]
    for model in models:  # in the order they were defined: a model's parts come first,
        models.extend(model.__subclasses__())  # and are built once, not again in each user
        model.model_rebuild()


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
