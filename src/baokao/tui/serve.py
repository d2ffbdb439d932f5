"""``baokao serve``: the same UI in a browser, for a candidate at a kiosk.

textual-serve runs a web page that starts one ``baokao`` process per visitor (with the
language and rule folder given to ``serve``) and shows it in the page; closing the tab
ends that visitor's process, so no candidate sees another's answers.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from baokao.i18n import Lang, _


def app_command(lang: Lang, trees: str | Path | None) -> str:
    """The command each visitor's page runs: this Python, this package, same settings."""
    argv = [sys.executable, "-m", "baokao", "--lang", lang]
    if trees:
        argv += ["--trees", str(Path(trees).resolve())]
    return shlex.join(argv)


def serve(
    host: str, port: int, lang: Lang, trees: str | Path | None, public_url: str | None
) -> int:
    """Serve the UI on ``http://host:port`` until interrupted (Ctrl+C); the exit status.

    Args:
        host: The address to listen on (``127.0.0.1``: this machine only).
        port: The port to listen on.
        lang: The interface language of every visitor's session.
        trees: The rule folder (default: ``$BAOKAO_TREES`` or the bundled rules).
        public_url: The address browsers use, when it differs (behind a proxy).
    """
    from textual_serve.server import Server

    title = _("报考条件查询")
    server = Server(app_command(lang, trees), host=host, port=port, title=title,
                    public_url=public_url)  # fmt: skip
    print(_("在浏览器中打开 {url}（Ctrl+C 停止）").format(url=server.public_url), flush=True)
    server.serve()
    return 0
