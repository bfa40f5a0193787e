"""The tutorial's website as a reader sees it: built by `snakemake docs` from a clean
pipeline run, served on 127.0.0.1 and opened in a real headless Chromium (Debian's
/usr/bin/chromium, driven by Playwright). Every page must show every image, typeset
math and the run's own numbers, with no console error and nothing fetched from
elsewhere. A full-page screenshot of each page is saved in the test's temporary
directory."""

from __future__ import annotations

import functools
import json
import re
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from workflow_copy import REPO, snakemake

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
# Text a reader should never see: TeX that was not typeset.
RAW_TEX = re.compile(r"\$\$|\\\(|\\\[|\$[^$\s][^$]*\$")


def nav_pages() -> dict[str, str]:
    """Page source -> its URL path in the built site, for every page in mkdocs.yml's nav
    (both parts: sections nest lists of pages)."""

    def sources(entries):
        for entry in entries:
            value = next(iter(entry.values()))
            yield from sources(value) if isinstance(value, list) else [value]

    nav = yaml.safe_load((REPO / "mkdocs.yml").read_text())["nav"]
    # MkDocs serves a.md at a/, and a folder's index.md at the folder itself.
    return {
        source: source.removesuffix("index.md")
        if source.endswith("index.md")
        else source[:-3] + "/"
        for source in sources(nav)
    }


# A code block that includes a named section of the source: --8<-- "nn/modules.py:linear"
SNIPPET = re.compile(r'^--8<-- "(?P<file>[^":]+):(?P<section>\w+)"$', re.M)


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


@pytest.fixture(scope="module")
def visits(site, server, browser, tmp_path_factory) -> dict[str, dict]:
    """Open every page once; record what a reader would see, and screenshot it."""
    shots = tmp_path_factory.mktemp("screenshots")
    records = {}
    for source, path in nav_pages().items():
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        record = {"console_errors": [], "page_errors": [], "elsewhere": []}
        page.on(
            "console",
            lambda m, r=record: m.type == "error" and r["console_errors"].append(m.text),
        )
        page.on("pageerror", lambda e, r=record: r["page_errors"].append(str(e)))

        def local_only(route, r=record):
            if urlparse(route.request.url).hostname == "127.0.0.1":
                route.continue_()
            else:  # the site must work offline: record and refuse anything else
                r["elsewhere"].append(route.request.url)
                route.abort()

        page.route("**/*", local_only)
        page.goto(server + path, wait_until="networkidle")
        record["images"] = page.eval_on_selector_all(
            "img",
            "els => els.map(e => ({src: e.currentSrc, loaded: e.complete && e.naturalWidth > 0,"
            " width: e.naturalWidth, height: e.naturalHeight}))",
        )
        record["links"] = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        record["code"] = page.eval_on_selector_all("pre code", "els => els.map(e => e.innerText)")
        record["math_widths"] = page.eval_on_selector_all(
            "math", "els => els.map(e => e.getBoundingClientRect().width)"
        )
        # The text outside code blocks, where a shell's $VAR is no math.
        record["text"] = page.evaluate(
            "() => { const body = document.querySelector('article').cloneNode(true);"
            " body.querySelectorAll('pre, code').forEach(e => e.remove());"
            " return body.innerText; }"
        )
        record["screenshot"] = shots / f"{source[:-3]}.png"
        page.screenshot(path=str(record["screenshot"]), full_page=True)
        page.close()
        records[source] = record
    print(f"screenshots of every page: {shots}")
    return records


def test_every_page_loads_every_image_with_no_error_and_nothing_from_elsewhere(visits):
    for source, record in visits.items():
        unloaded = [image["src"] for image in record["images"] if not image["loaded"]]
        assert unloaded == [], source  # (pages of pure maths have no images)
        assert record["console_errors"] == [], source
        assert record["page_errors"] == [], source
        assert record["elsewhere"] == [], source
        assert record["screenshot"].stat().st_size > 10_000  # a real page, not a blank


def test_math_is_typeset_and_no_raw_tex_is_left(visits):
    total = 0
    for source, record in visits.items():
        assert not RAW_TEX.search(record["text"]), (source, RAW_TEX.search(record["text"])[0])
        assert all(width > 0 for width in record["math_widths"]), source
        total += len(record["math_widths"])
    assert len(visits["backprop.md"]["math_widths"]) >= 10  # the equations page has math
    assert total >= 50


def test_every_generated_figure_is_shown_and_the_gif_is_the_pipelines(visits, built, server):
    shown = {
        Path(urlparse(url).path).name
        for record in visits.values()
        for url in [image["src"] for image in record["images"]] + record["links"]
        if "/figs/" in url
    }
    assert shown == {path.name for path in (built / "figs").iterdir()}

    from PIL import Image

    with Image.open(built / "figs" / "train-anim.gif") as gif:
        generated_size = gif.size
    gifs = [image for image in visits["index.md"]["images"] if image["src"].endswith(".gif")]
    assert [(gif["width"], gif["height"]) for gif in gifs] == [generated_size]
    from urllib.request import urlopen

    with urlopen(gifs[0]["src"]) as response:
        assert response.read() == (built / "figs" / "train-anim.gif").read_bytes()


def test_every_quoted_number_is_the_runs_own(visits, built):
    """Each {{ ... }} of each page appears in the page as the run's value, formatted."""
    from scratchnet.docsite.quoting import PLACEHOLDER, fill_numbers

    pipeline = yaml.safe_load((REPO / "mkdocs.yml").read_text())["extra"]["pipeline"]
    sources = {
        name: json.loads((built / path).read_text())
        for name, path in pipeline.items()
        if name != "figures"
    }
    assert {"metrics", "config", "digits", "sweep"} <= set(sources)
    quoted = 0
    for source, record in visits.items():
        text = " ".join(record["text"].split())
        for quote in PLACEHOLDER.finditer((REPO / "docs" / source).read_text()):
            value = fill_numbers(quote[0], sources, source)
            assert value in text, (source, quote[0], value)
            quoted += 1
        assert "{{" not in text, source
    assert quoted >= 120
    index = visits["index.md"]["text"]
    iteration = sources["metrics"]["first_full_accuracy_iteration"]
    assert f"first reached 100% at iteration {iteration}" in index


def test_a_quote_the_metrics_lack_fails_the_build_and_leaves_no_site(built, tmp_path):
    workdir = shutil.copytree(built, tmp_path / "copy", symlinks=True)
    shutil.rmtree(workdir / "site", ignore_errors=True)
    page = workdir / "docs" / "validation.md"
    page.write_text(page.read_text() + "\nAccuracy: {{ metrics.validation_acuracy }}\n")
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "snakemake", "--cores", "1", "docs"],
        cwd=workdir,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    log = (workdir / "results" / "logs" / "build_docs.log").read_text()
    assert "error: mkdocs build --strict failed" in log
    assert "validation.md" in log and "no value 'validation_acuracy'" in log
    assert not (workdir / "site").exists() and not (workdir / ".site.partial").exists()


def test_every_code_block_is_the_real_source(visits):
    """No code block is typed by hand: each Python block of both parts is one included
    section of src/scratchnet, and the page shows exactly that section's lines."""
    included = 0
    for source, record in visits.items():
        markdown = (REPO / "docs" / source).read_text()
        blocks = re.findall(r"```python\n(.*?)```", markdown, flags=re.S)
        for block in blocks:
            match = SNIPPET.fullmatch(block.strip())
            assert match, (source, block)  # a snippet line and nothing else
            text = (REPO / "src" / "scratchnet" / match["file"]).read_text()
            start = f"# --8<-- [start:{match['section']}]"
            end = f"# --8<-- [end:{match['section']}]"
            section = text.split(start, 1)[1].split(end, 1)[0]
            lines = [line.strip() for line in section.splitlines() if line.strip()]
            shown = "\n".join(record["code"])
            for line in lines:
                if not line.startswith("# --8<--"):
                    assert line in shown, (source, match[0], line)
            included += 1
    assert included >= 20


@pytest.mark.parametrize(
    "page, video, frames, frame_ms",
    [("", "train-anim.mp4", 41, 100), ("digits/training/", "digits-anim.mp4", 31, 200)],
)
def test_the_animations_videos_play_in_the_browser(server, browser, page, video, frames, frame_ms):
    """Each MP4 the pages link to decodes and plays in Chromium, for as long as its GIF."""
    tab = browser.new_page()
    tab.goto(server + page, wait_until="networkidle")
    assert tab.locator(f"a[href$='{video}']").count() == 1  # the page links it
    played = tab.evaluate(
        """async (src) => {
            const v = document.createElement('video');
            v.muted = true;
            v.src = src;
            document.body.appendChild(v);
            await new Promise((ok, bad) => {
                v.onloadeddata = ok;
                v.onerror = () => bad(new Error('cannot play ' + src));
            });
            await v.play();
            await new Promise((ok) => setTimeout(ok, 400));
            return {duration: v.duration, time: v.currentTime};
        }""",
        server + "figs/" + video,
    )
    tab.close()
    assert played["duration"] == pytest.approx(frames * frame_ms / 1000, abs=0.05)
    assert played["time"] > 0  # it advanced: the video plays
