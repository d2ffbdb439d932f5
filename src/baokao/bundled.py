"""Where the rules that ship with baokao are found, in a checkout and once installed.

The rule files live in the top-level ``trees/`` folder, which people read and edit; the
package reaches them as ``baokao/trees`` (a link to that folder in the checkout, a real
folder inside a wheel or an installed sdist). They are located through
``importlib.resources``, never by counting parent folders, so the same code finds them in
an editable install, a wheel, ``pipx install`` or a zip. Everything placed in ``trees/``
(rule files, index, compiled trees, the importer's source texts) ships with the package.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path


@cache
def bundled_trees() -> Path:
    """The folder of the bundled rule files (``trees/`` in the checkout).

    Found once per process: resolving it asks the file system each time, and the
    compiled trees are looked for there at every level prepared.

    Returns:
        An absolute path; installed packages are unpacked on disk, so the folder is real.
    """
    return Path(str(files("baokao") / "trees")).resolve()


def bundled_sources() -> Path:
    """The folder of the official source texts the bundled rules were imported from."""
    return bundled_trees() / "source"
