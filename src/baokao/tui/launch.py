"""Starting the terminal UI as a program: the process is the app's alone.

``baokao`` with no command (and ``python -m baokao``) ends here. Answering is kept quick
(the next question is drawn within a frame or two of the key); besides drawing only what
changed, that takes two settings of the Python runtime, made here because only a process
the app has to itself may change them:

- The garbage collector. The rule book, the search index, Textual and the screens are
  a few hundred thousand objects that live as long as the app; every full collection
  (every few seconds while answering: Textual makes cyclic garbage whenever it
  restyles) walked them all, about 100 ms on a small machine. What the imports made
  (the collector is off while they run, see ``baokao.cli``) is frozen
  (``gc.freeze()``) before the app starts, so that reading a national catalogue's
  listing (tens of thousands of small objects) does not walk it again and again while
  the user waits for the first results (a sixth of the start at national scale); all
  that is loaded is frozen again once the rules are read, and collections wait while
  a question is being drawn (as Textual does while scrolling with
  ``PAUSE_GC_ON_SCROLL``).
- The GIL switch interval. Textual writes each frame to the terminal from an output
  thread, which needs the GIL for every step of a write; with the default interval
  (5 ms) it waited up to 5 ms per step while the event loop was busy, which right
  after an answer it is. See :data:`SWITCH_INTERVAL`.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from baokao.i18n import Lang
from baokao.tui.app import BaokaoApp

if TYPE_CHECKING:
    from baokao.records import RecordStore
    from baokao.tui.search_cache import Preload


#: How often (in seconds) a Python thread that holds the GIL is asked to let a waiting
#: one run (Python's default: 5 ms). Textual's output thread waits for the GIL at each
#: step of writing a frame while the event loop is busy, so with the default a frame
#: that was ready reached the terminal 5 to 20 ms late.
SWITCH_INTERVAL = 0.001


def run(
    trees: str | Path | None = None,
    lang: Lang = "zh",
    db: str | None = None,
    store: RecordStore | None = None,
    preload: Preload | None = None,
) -> int:
    """Start the terminal UI (what ``baokao`` with no command does).

    The app has the process to itself here, so this also makes the process-wide
    settings that keep answering quick (see the module's text): a shorter GIL switch
    interval and the app's management of the garbage collector.

    Returns:
        The exit status: 0 when the user quit, non-zero when the app crashed (Textual
        has then printed the error), so that a script or a kiosk sees the failure.
    """
    sys.setswitchinterval(SWITCH_INTERVAL)
    gc.freeze()  # what was imported lives as long as the process (see the module's text)
    app = BaokaoApp(trees=trees, lang=lang, manage_gc=True, db=db, store=store, preload=preload)
    try:
        app.run()
    finally:
        app.desk.close()  # every answer given is written before the process ends
    return app.return_code or 0
