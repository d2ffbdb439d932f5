"""Where the rules that ship with baokao are found, in a checkout and once installed.

The rule files live in the top-level ``trees/`` folder, which people read and edit; the
package reaches them as ``baokao/trees`` (a link to that folder in the checkout, a real
folder inside a wheel or an installed sdist). They are located from the package's own
folder (``baokao.__path__``, which is where ``importlib.resources.files("baokao")`` looks
too), never by counting parent folders, so the same code finds them in an editable
install, a wheel or ``pipx install``. (``importlib.resources`` itself is not used: its
import, zipfile and all, was a few milliseconds of every start.) Everything placed in
``trees/`` (rule files, index, compiled trees, the importer's source texts) ships with
the package.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import baokao


@cache
def bundled_trees() -> Path:
    """The folder of the bundled rule files (``trees/`` in the checkout).

    Found once per process: resolving it asks the file system each time, and the
    compiled trees are looked for there at every level prepared.

    Returns:
        An absolute path; installed packages are unpacked on disk, so the folder is real.
    """
    return (Path(baokao.__path__[0]) / "trees").resolve()


def bundled_sources() -> Path:
    """The folder of the official source texts the bundled rules were imported from."""
    return bundled_trees() / "source"
