"""Fixtures of the browser tests (test_site, test_explore_pages, test_notebooks): the
site built from the session's clean pipeline run, served on 127.0.0.1 as
`python -m http.server -d site` serves it, and Debian's headless Chromium."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from chromium import CHROMIUM, CHROMIUM_ARGS
from workflow_copy import snakemake


@pytest.fixture(scope="module")
def site(built) -> Path:
    snakemake(built, "--cores", "2", "docs")
    return built / "site"


@pytest.fixture(scope="module")
def server(site):
    class QuietHandler(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
