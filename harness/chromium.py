"""Debian's headless Chromium as the browser tests and benchmarks start it (driven by
Playwright), and the local server they open pages from."""

from __future__ import annotations

import contextlib
import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# As root and without network: no sandbox, no GPU, no calls home at start-up.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

PAGE_MODULES = Path(__file__).resolve().parents[1] / "docs" / "javascripts" / "explore"


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """``folder`` served on 127.0.0.1 as `python -m http.server -d folder` serves it, quietly,
    until the block ends; yields its address, ending in /."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def harness(folder: Path) -> Path:
    """``folder`` made a page with nothing on it but the site's page modules beside it
    (docs/javascripts/explore/, as they are in this checkout), which a test or benchmark
    imports into the page to run them without the site's build."""
    shutil.copytree(PAGE_MODULES, folder, dirs_exist_ok=True)
    (folder / "index.html").write_text(
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>Page modules</title></head><body><main></main></body></html>\n"
    )
    return folder
