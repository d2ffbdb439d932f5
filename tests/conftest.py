"""Every test starts in Chinese, and never touches the user's own records, settings or cache.

The language is one setting for the process, and core messages (typed years, bounds)
follow it, so a test that switched to English must not leak into the next. What baokao
caches (rule listings) goes to a folder of this run, and an app made without a records
database or settings file uses data and config folders (platformdirs) pointed there too.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

import pytest

from baokao import i18n

os.environ.setdefault("BAOKAO_CACHE", tempfile.mkdtemp(prefix="baokao-test-cache-"))


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    """Set Chinese before the test and again after it."""
    i18n.set_lang("zh")
    yield
    i18n.set_lang("zh")


@pytest.fixture(autouse=True, scope="session")
def private_tree_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Trees compiled during the tests are kept in a temporary cache, not the user's."""
    import os

    from baokao.treestore import CACHE_ENV

    before = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("tree-cache"))
    yield
    if before is None:
        del os.environ[CACHE_ENV]
    else:
        os.environ[CACHE_ENV] = before


@pytest.fixture(scope="session", autouse=True)
def private_user_folders() -> Iterator[None]:
    """Point the user's data and config folders (XDG) at a temporary folder."""
    saved = {k: os.environ.get(k) for k in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "BAOKAO_DB")}
    with tempfile.TemporaryDirectory(prefix="baokao-user-") as folder:
        os.environ["XDG_DATA_HOME"] = os.path.join(folder, "data")
        os.environ["XDG_CONFIG_HOME"] = os.path.join(folder, "config")
        os.environ.pop("BAOKAO_DB", None)
        yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
