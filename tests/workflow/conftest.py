"""Fixtures of the browser tests (test_site, test_explore_pages, test_replay_training,
test_notebooks, test_stack_training): the site built from the session's clean pipeline
run, served on 127.0.0.1 as `python -m http.server -d site` serves it (test_stack_training
serves its own page instead), Debian's headless Chromium, and a page opened in it that
fails the test on any console error or request outside the server."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from harness.chromium import CHROMIUM, CHROMIUM_ARGS, serve
from harness.workflow_copy import snakemake


@pytest.fixture(scope="module")
def site(built) -> Path:
    snakemake(built, "--cores", "2", "docs")
    return built / "site"


@pytest.fixture(scope="module")
def server(site):
    """The site's address (a test module may serve another folder by its own `server`)."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, server):
    """Open a page of the site at a phone's or a desktop's width; after the test, fail on
    any console error, page error or request to anything but the local server."""
    opened = []

    def open_(path: str, width: int = 1280):
        page = browser.new_page(viewport={"width": width, "height": 900})
        record = {"errors": [], "elsewhere": []}
        page.on("console", lambda m: m.type == "error" and record["errors"].append(m.text))
        page.on("pageerror", lambda e: record["errors"].append(str(e)))

        def local_only(route):
            if urlparse(route.request.url).hostname == "127.0.0.1":
                return route.continue_()
            record["elsewhere"].append(route.request.url)
            return route.abort()

        page.route("**/*", local_only)
        page.goto(server + path)
        opened.append((page, record))
        return page

    yield open_
    for page, record in opened:
        assert record == {"errors": [], "elsewhere": []}, page.url
        page.close()
