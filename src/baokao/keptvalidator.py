"""A model's validator, as pydantic built it, kept on disk between runs.

Why: the models are built when first used (``defer_build``, see
:class:`~baokao.model.base.Frozen`), and ``baokao check`` of one case uses one: the
case's. Building it made pydantic generate the schema of the whole profile and load its
plugin machinery (which imports ``importlib.metadata``, email parsing and zip files
with it): about a seventh of what the user waited for. The validator pydantic built is
kept (``pydantic_core`` validators pickle as their core schema) and read back in a
fraction of that, so a check runs the very validator ``Model.model_validate`` would:
the same rules, the same errors, field by field.

It is never used stale: it is stamped with what stands for the code its schema was
made from (the version of baokao, pydantic and pydantic-core, and the size and mtime of
the model's module and of every model module), and a kept file of other code, or one
that is missing or damaged, is built again and written again. Unless pydantic's
plugins are off (``PYDANTIC_DISABLE_PLUGINS``, as the command line sets it unless the
user chose otherwise), pydantic's own validator is used, and nothing is read or kept.
Where pydantic cannot pickle a validator (2.7's schemas hold local functions), nothing
is kept either: each run builds it, as pydantic alone would.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pydantic
import pydantic_core
from pydantic import BaseModel
from pydantic_core import SchemaValidator

import baokao
from baokao.codestamp import Stamp, code_stamp, read_kept
from baokao.listing import cache_dir, write_whole

#: Bumped when what is kept changes form.
FORMAT = 1

Model = TypeVar("Model", bound=BaseModel)

#: The values of ``PYDANTIC_DISABLE_PLUGINS`` that turn every plugin off (as pydantic
#: reads it): a plugin wraps the validator it builds, and a kept one would bypass it.
PLUGINS_OFF = ("__all__", "1", "true")


def _file(model: type[BaseModel]) -> Path:
    return cache_dir() / "validators" / f"{model.__module__}.{model.__qualname__}.pickle"


def _code(model: type[BaseModel]) -> Stamp:
    """What stands for the code the schema of ``model`` is made from."""
    here = Path(baokao.__path__[0])
    own = getattr(sys.modules[model.__module__], "__file__", None)
    sources = [*([own] if own else []), *sorted((here / "model").glob("*.py"))]
    return code_stamp(FORMAT, sources, pydantic.VERSION, pydantic_core.__version__)


def _kept(model: type[BaseModel], code: Stamp) -> SchemaValidator | None:
    return read_kept(_file(model), code, SchemaValidator)


def _built(model: type[BaseModel], code: Stamp) -> Any:
    """The validator of ``model`` as pydantic builds it, kept when it can be."""
    model.model_rebuild()  # (nothing to do when it is built already)
    validator = model.__pydantic_validator__
    if isinstance(validator, SchemaValidator):  # not a plugin's wrapper
        with contextlib.suppress(Exception):  # unpicklable, or the cache not writable
            write_whole(_file(model), pickle.dumps((code, validator), pickle.HIGHEST_PROTOCOL))
    return validator


def validator(model: type[Model]) -> Callable[[Any], Model]:
    """``model.model_validate``, by the validator kept for this code when there is one.

    The function returned raises :class:`pydantic.ValidationError` as
    ``model.model_validate`` does.
    """
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in PLUGINS_OFF:
        return model.model_validate
    code = _code(model)
    found = _kept(model, code)
    if found is None:
        found = _built(model, code)
    validate: Callable[[Any], Model] = found.validate_python
    return validate
