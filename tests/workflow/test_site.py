"""The tutorial's website as a reader sees it: built by `snakemake docs` from a clean
pipeline run, served on 127.0.0.1 and opened in a real headless Chromium (Debian's
/usr/bin/chromium, driven by Playwright). Every page must show every image, typeset
math and the run's own numbers where it quotes them, with no console error and nothing
fetched from elsewhere; every link and source of every page must answer 200, and each
animation must be a video player the reader can pause. A full-page screenshot of each
page is saved in the test's temporary directory."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from harness.workflow_copy import REPO

pytestmark = pytest.mark.e2e

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
        # Each figure's picture, and the link around it if any.
        record["figure_images"] = page.eval_on_selector_all(
            "article figure img",
            "els => els.map(e => ({src: e.src, link: e.closest('a') && e.closest('a').href}))",
        )
        record["scripts"] = page.eval_on_selector_all(
            "script[src]", "els => els.map(e => new URL(e.src).pathname)"
        )
        # Everything else the page's HTML points at (images, the videos' sources, scripts,
        # style sheets, icons), each URL resolved by the browser as it resolves it.
        record["sources"] = page.eval_on_selector_all(
            "[src], link[href]", "els => els.map(e => e.src || e.href)"
        )
        record["videos"] = page.eval_on_selector_all(
            "video",
            "els => els.map(e => ({src: e.currentSrc, controls: e.controls,"
            " autoplay: e.autoplay, width: e.videoWidth, height: e.videoHeight}))",
        )
        record["code"] = page.eval_on_selector_all("pre code", "els => els.map(e => e.innerText)")
        record["math_text"] = page.eval_on_selector_all(
            "math", "els => els.map(e => e.textContent)"
        )
        record["math_widths"] = page.eval_on_selector_all(
            "math", "els => els.map(e => e.getBoundingClientRect().width)"
        )
        # The text outside code blocks, where a shell's $VAR is no math, and without the
        # captions' line for phones, which a desktop does not show (a detached copy's
        # innerText keeps what the page hides).
        record["text"] = page.evaluate(
            "() => { const body = document.querySelector('article').cloneNode(true);"
            " body.querySelectorAll('pre, code, .figure-phone-hint').forEach(e => e.remove());"
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


def test_every_figures_picture_links_to_its_full_size_file(visits):
    pictures = [image for record in visits.values() for image in record["figure_images"]]
    assert len(pictures) >= 20
    assert [image["src"] for image in pictures if image["link"] != image["src"]] == []


def test_each_browser_pages_script_loads_on_its_page_only(visits):
    """The explore pages' modules are loaded by their own pages, by no other."""
    pages = {"explore/replay.md": "replay.js", "explore/draw-digit.md": "draw-digit.js"}
    for source, record in visits.items():
        loaded = {Path(script).name for script in record["scripts"]} & set(pages.values())
        assert loaded == ({pages[source]} if source in pages else set()), source


def test_math_is_typeset_and_no_raw_tex_is_left(visits):
    total = 0
    for source, record in visits.items():
        assert not RAW_TEX.search(record["text"]), (source, RAW_TEX.search(record["text"])[0])
        assert all(width > 0 for width in record["math_widths"]), source
        total += len(record["math_widths"])
    assert len(visits["backprop.md"]["math_widths"]) >= 10  # the equations page has math
    assert total >= 50


def test_every_link_and_source_of_every_page_is_served(visits, server):
    """Every URL of the site that a page links to or loads (href and src, as the browser
    resolved them) answers 200 from the served site/, without a redirect."""
    import urllib.error
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None  # a redirect is answered as the error it is here

    opener = urllib.request.build_opener(NoRedirect)
    own = {}
    for source, record in visits.items():
        for url in record["links"] + record["sources"]:
            if url.startswith(server):
                own.setdefault(url.split("#", 1)[0], source)
    assert len(own) >= 40  # pages, figures, videos, style sheets, scripts
    broken = {}
    for url, linked_from in sorted(own.items()):
        try:
            with opener.open(url) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        if status != 200:
            broken[url.removeprefix(server)] = (status, linked_from)
    assert broken == {}


def test_every_generated_figure_is_shown_and_the_animations_are_the_pipelines(
    visits, built, server
):
    shown = {
        Path(urlparse(url).path).name
        for record in visits.values()
        for url in [image["src"] for image in record["images"]]
        + [video["src"] for video in record["videos"]]
        + record["links"]
        if "/figs/" in url
    }
    # Every figure but the animations' strips of frames, which are their form on paper.
    on_paper = {"train-anim-strip.png", "digits-anim-strip.png", "plane-anim-strip.png"}
    assert shown == {path.name for path in (built / "figs").iterdir()} - on_paper

    from urllib.request import urlopen

    animations = [
        ("index.md", "train-anim"),
        ("digits/training.md", "digits-anim"),
        ("plane/boundary.md", "plane-anim"),
    ]
    for source, video in animations:
        [player] = visits[source]["videos"]
        assert Path(urlparse(player["src"]).path).name == f"{video}.mp4", source
        gif_links = [url for url in visits[source]["links"] if url.endswith(f"/{video}.gif")]
        assert gif_links, source  # the GIF is offered beside the player
        for url, name in [(player["src"], f"{video}.mp4"), (gif_links[0], f"{video}.gif")]:
            with urlopen(url) as response:
                assert response.read() == (built / "figs" / name).read_bytes(), url


# What of a page's Markdown a reader does not see as text, or sees otherwise: code, math,
# images (their alt text), admonition markers, comments. Context words are never taken
# across these.
UNSEEN = re.compile(
    r"```.*?```|`[^`]*`|\$\$.*?\$\$|\$[^$]*\$|!\[[^\]]*\]\([^)]*\)|^[!?]{3}[^\n]*$|<!--.*?-->",
    re.S | re.M,
)
# Markdown and HTML that a reader sees as (at most) a gap between words.
MARKUP = re.compile(r"\]\([^)]*\)|\{[^{}]*\}|<[^>]+>|&\w+;")
BARRIER = "\x00"
CONTEXT_WORDS = 3


def words_beside(markdown: str, side: str) -> list[str]:
    """Up to CONTEXT_WORDS words of (filled) Markdown a reader reads right before
    (``side="before"``) or after a quote, stopping at anything shown otherwise."""
    text = MARKUP.sub(" ", UNSEEN.sub(BARRIER, markdown))
    if side == "before":
        return re.findall(r"\w+", text.split(BARRIER)[-1])[-CONTEXT_WORDS:]
    return re.findall(r"\w+", text.split(BARRIER)[0])[:CONTEXT_WORDS]


def inside_math(markdown_before: str) -> bool:
    """Whether a quote right after ``markdown_before`` sits inside $...$ or $$...$$."""
    text = re.sub(r"```.*?```|`[^`]*`", "", markdown_before, flags=re.S)
    if text.count("$$") % 2:
        return True
    return text.replace("$$", "").split("\n\n")[-1].count("$") % 2 == 1


def quoted_in_place(markdown: str, sources: dict, source: str):
    """For each ``{{ ... }}`` of a page (in the branches of its conditions the run
    takes): the quote, its value, whether it is in math, and a pattern matching the value
    between the words the page writes around it (in math, the value alone, as a whole
    number: the words around it are TeX)."""
    from scratchnet.docsite.run_numbers import PLACEHOLDER, choose_branches, fill_numbers

    markdown = choose_branches(markdown, sources, source)
    for quote in PLACEHOLDER.finditer(markdown):
        value = fill_numbers(quote[0], sources, source)
        whole = r"(?<![\w.])" + re.escape(value) + r"(?!\w|\.\d)"
        if inside_math(markdown[: quote.start()]):
            yield quote[0], value, True, re.compile(whole)
            continue
        before = words_beside(fill_numbers(markdown[: quote.start()], sources, source), "before")
        after = words_beside(fill_numbers(markdown[quote.end() :], sources, source), "after")
        assert before or after, (source, quote[0])  # words to find it between
        gap = r"\W+"
        pattern = "".join(re.escape(word) + gap for word in before)
        pattern = pattern.removesuffix(gap) + r"\W*" if before else ""
        pattern += whole
        pattern += r"\W*" + gap.join(re.escape(word) for word in after) if after else ""
        yield quote[0], value, False, re.compile(pattern)


def test_every_quoted_number_is_the_runs_own_where_the_page_quotes_it(visits, built):
    """Each {{ ... }} of each page appears in the page as the run's value, formatted, in
    its place: between the words the page's Markdown writes around it."""
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
        markdown = (REPO / "docs" / source).read_text()
        math = " ".join(record["math_text"])
        for quote, value, in_math, in_place in quoted_in_place(markdown, sources, source):
            where = math if in_math else text
            assert in_place.search(where), (source, quote, value, in_place.pattern)
            quoted += 1
        assert "{{" not in text, source
    assert quoted >= 120
    index = visits["index.md"]["text"]
    iteration = sources["metrics"]["first_full_accuracy_iteration"]
    assert f"first reached 100% at iteration {iteration}" in index


def test_the_number_check_fails_a_value_shown_elsewhere_on_the_page():
    """A quoted value that appears on the page, but not where it is quoted, fails."""
    sources = {"metrics": {"accuracy": 1.0, "iteration": 68}}
    markdown = "Accuracy reached {{ metrics.accuracy:.0% }} at iteration {{ metrics.iteration }}."
    checks = list(quoted_in_place(markdown, sources, "page.md"))
    assert all(p.search("Accuracy reached 100% at iteration 68.") for *_, p in checks)
    # A bare `value in text` check would pass here: "100%" and "68" are both on the page.
    elsewhere = "Accuracy reached 98% at iteration 68. 100% of the images are shown."
    assert not checks[0][-1].search(elsewhere)
    assert not checks[1][-1].search("Accuracy reached 100% at iteration 680; 68 images.")
    [(_, _, in_math, alone)] = quoted_in_place("$$ m = {{ metrics.iteration }} $$", sources, "p")
    assert in_math and alone.search("m=68") and not alone.search("m=680")


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
    # Whichever reader of the pages meets it first (the notebook, the PDF or the site)
    # stops with one line naming the page and the key; the failed job's log is shown.
    assert "error: validation.md: {{ metrics.validation_acuracy }}: no value " in result.stderr
    assert "Traceback" not in result.stderr
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
    [
        ("", "train-anim.mp4", 41, 100),
        ("training/", "train-anim.mp4", 41, 100),
        ("digits/training/", "digits-anim.mp4", 31, 200),
        ("plane/boundary/", "plane-anim.mp4", 100, 80),
    ],
)
def test_each_animation_is_a_video_player_the_reader_can_pause(
    server, browser, page, video, frames, frame_ms
):
    """WCAG 2.2.2: an animation longer than 5 s can be paused. Each page's animation is
    its own <video> with controls, not started by itself; it plays the pipeline's MP4 for
    as long as the GIF, and pauses."""
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    tab.goto(server + page, wait_until="networkidle")
    player = tab.locator("article video")
    assert player.count() == 1
    assert player.evaluate("v => v.controls && !v.autoplay && v.paused")
    assert player.evaluate("v => v.currentSrc").endswith("/figs/" + video)
    assert player.evaluate("v => v.getBoundingClientRect().width") > 300  # shown large
    played = player.evaluate(
        """async (v) => {
            if (v.readyState < 2) await new Promise((ok, bad) => {
                v.onloadeddata = ok;
                v.onerror = () => bad(new Error('cannot play ' + v.currentSrc));
            });
            await v.play();
            await new Promise((ok) => setTimeout(ok, 400));
            v.pause();
            const paused = v.currentTime;
            await new Promise((ok) => setTimeout(ok, 300));
            return {duration: v.duration, time: paused, still: v.currentTime === paused,
                    paused: v.paused};
        }"""
    )
    tab.close()
    assert played["duration"] == pytest.approx(frames * frame_ms / 1000, abs=0.05)
    assert played["time"] > 0  # it advanced: the video plays
    assert played["paused"] and played["still"]  # and stops when paused


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("page", ["", "training/", "digits/training/", "plane/boundary/"])
def test_each_players_controls_sit_below_its_picture(server, browser, page, width):
    """The player's box is its picture (the whole frame, at the video's own proportions,
    at the top) and a band below it as high as Chromium's control bar, 56 px: the
    controls never cover the curves' axes, at any width."""
    tab = browser.new_page(viewport={"width": width, "height": 900})
    tab.goto(server + page, wait_until="networkidle")
    box = tab.locator("article video").evaluate(
        """async (v) => {
            if (v.readyState < 1) await new Promise((ok) => (v.onloadedmetadata = ok));
            const style = getComputedStyle(v);
            return {width: v.clientWidth, height: v.clientHeight, frameWidth: v.videoWidth,
                    frameHeight: v.videoHeight, fit: style.objectFit,
                    position: style.objectPosition};
        }"""
    )
    tab.close()
    picture = box["width"] * box["frameHeight"] / box["frameWidth"]
    assert box["fit"] == "contain" and box["position"].endswith(" 0%")  # drawn at the top
    assert box["height"] - picture == pytest.approx(56, abs=1.5)


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "digits/sweep/index.html",
        "explore/replay/index.html",
        "explore/draw-digit/index.html",
        "explore/playground/index.html",
    ],
)
def test_a_page_opened_from_disk_says_at_once_how_to_serve_the_site(site, browser, path):
    """Opened from disk (file://, where the site's folder links list folders and Chromium
    runs no module script), a page says how to serve the folder and its address then, and
    a browser page says its program cannot run, within two seconds."""
    page = browser.new_page()
    page.goto((site / path).as_uri())
    page.wait_for_selector(".served-only[role=alert]", timeout=2_000)
    note = page.inner_text(".served-only")
    address = "http://localhost:8000/" + path.removesuffix("index.html")
    assert f"python -m http.server -d {site}" in note and address in note
    if path.startswith("explore/"):
        page.wait_for_selector(".explore-problem[role=alert]", timeout=2_000)
        assert "could not load its program" in page.inner_text(".explore-problem")
    page.close()


def test_a_served_page_has_no_note_about_serving(server, browser):
    page = browser.new_page()
    page.goto(server, wait_until="networkidle")
    assert page.locator(".served-only").count() == 0
    page.close()
