"""``baokao serve`` in a real headless Chromium: the page shows the start screen, and
typing ``mrs`` finds 美容师.

Debian's Chromium (``/usr/bin/chromium``, installed by ``.ci/run``) is driven by
Playwright; Playwright's own browser download is not used. Without Chromium the test is
skipped and says why.

The terminal in the page draws on a canvas, so the test reads the text from the page's
xterm.js terminal buffer (its public API): a script run before the page's own code
notes the object that gets a ``fitAddon`` (textual-serve's terminal holder).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOOK = """
Object.defineProperty(Object.prototype, "fitAddon", {
  configurable: true,
  set(value) {
    window.__baokaoHolder = this;
    Object.defineProperty(this, "fitAddon", {value, writable: true, enumerable: true});
  },
});
window.__baokaoScreen = () => {
  const holder = window.__baokaoHolder;
  if (!holder || !holder.terminal) return "";
  const buffer = holder.terminal.buffer.active;
  const lines = [];
  for (let y = 0; y < buffer.length; y++) {
    const line = buffer.getLine(y);
    if (line) lines.push(line.translateToString(true));
  }
  return lines.join("\\n");
};
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """``baokao serve`` on a free local port; its URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "baokao", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, process.communicate()[0]
                assert time.monotonic() < deadline, "baokao serve did not start listening"
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_serve_shows_the_start_screen_and_finds_an_occupation(server: str, tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists():
        reason = f"Chromium is not installed ({CHROMIUM}); .ci/run installs it"
        print(f"SKIPPED: {reason}")
        pytest.skip(reason)
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            page.add_init_script(HOOK)
            page.goto(server)
            page.wait_for_function(
                "window.__baokaoScreen().includes('mrs')", timeout=60_000
            )  # the start screen's heading names pinyin as a way to search
            start = page.evaluate("window.__baokaoScreen()")
            assert "输入职业名称" in start
            page.click("#terminal")
            page.keyboard.type("mrs")
            page.wait_for_function("window.__baokaoScreen().includes('1 个结果')", timeout=60_000)
            found = page.evaluate("window.__baokaoScreen()")
            page.screenshot(path=str(tmp_path / "serve.png"))
        finally:
            browser.close()
    rows = [line for line in found.splitlines() if "4-10-03-01" in line]
    assert any(line.strip(" │").startswith("美容师") for line in rows), found
