"""``python -m baokao``: the ``baokao`` command, for when no script is on PATH."""

import sys

from baokao.cli import main

sys.exit(main())
