"""The README is a front door: short, and its first screen says how to get, build, test
and look at everything; the layer library's example on its reference page prints what
the page says; and no page narrates how the work was organised."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
MAX_LINES = 200
FIRST_SCREEN = 60  # lines a reader sees before scrolling, give or take a picture


def sh_blocks(markdown: str) -> list[list[str]]:
    """The lines of each ```sh block, without their trailing comments."""
    blocks = re.findall(r"^```sh\n(.*?)^```", markdown, flags=re.S | re.M)
    return [
        [line.split("  #", 1)[0].strip() for line in block.splitlines() if line.strip()]
        for block in blocks
    ]


def two_commands(markdown: str) -> list[str]:
    """The block under "## Two commands" (the one .ci/run runs)."""
    return sh_blocks(markdown.split("## Two commands", 1)[1])[0]


def test_the_readme_is_at_most_200_lines():
    assert len(README.read_text().splitlines()) <= MAX_LINES


def test_the_first_screen_has_the_clone_both_commands_and_how_to_look():
    text = README.read_text()
    first_screen = "\n".join(text.splitlines()[:FIRST_SCREEN])
    build, tests = two_commands(text)
    assert build.startswith('python -m pip install -e ".[docs]" && snakemake')
    assert "all docs" in build
    assert tests.startswith('python -m pip install -e ".[test]" && ') and tests.endswith("pytest")
    for needed in ("git clone ", build, tests, "python -m http.server -d site",
                   "http://127.0.0.1:8000"):  # fmt: skip
        assert needed in first_screen, needed
    assert PICTURE.search(first_screen)  # what it is, in one picture


def test_the_fast_tier_has_a_block_of_its_own():
    blocks = sh_blocks(README.read_text())
    assert ['python -m pip install -e ".[test]" && pytest -m "not e2e"'] in blocks


PICTURE = re.compile(r'!\[[^\]]*\]\(([^)]+)\)|<img src="([^"]+)"')


def test_the_readme_pictures_exist():
    pictures = [a or b for a, b in PICTURE.findall(README.read_text())]
    assert pictures and all((REPO / picture).is_file() for picture in pictures)


def test_a_readme_that_grew_or_lost_its_commands_would_fail():
    """The checks bite: a long README, or one whose commands sit below the fold."""
    text = README.read_text()
    padded = text.replace("## Two commands", "\n" * FIRST_SCREEN + "## Two commands", 1)
    build, _ = two_commands(padded)
    assert build not in "\n".join(padded.splitlines()[:FIRST_SCREEN])
    assert len((text + "\n" * MAX_LINES).splitlines()) > MAX_LINES


def test_the_layer_library_example_prints_what_its_page_says():
    page = (REPO / "docs" / "maintain" / "layer-library.md").read_text()
    [session] = re.findall(r"```pycon\n(.*?)```", page, flags=re.S)
    test = doctest.DocTestParser().get_doctest(session, {}, "layer-library.md", None, 0)
    assert len(test.examples) >= 5
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


HISTORY = re.compile(
    r"\bissues? #?\d|#\d{1,3}\b|\b(?:this|that|earlier|previous|third|second) session\b"
    r"|\bearlier attempts?\b",
    re.I,
)


@pytest.mark.parametrize(
    "text_file",
    [README, REPO / "bench" / "README.md", *sorted((REPO / "docs").rglob("*.md"))],
    ids=lambda path: str(path.relative_to(REPO)),
)
def test_no_page_narrates_how_the_work_was_organised(text_file):
    assert HISTORY.findall(text_file.read_text()) == []


def test_every_file_the_maintainers_pages_and_the_bench_readme_name_exists():
    """As for the README (tests/workflow/test_ci.py): `src/...`, `workflow/...` and the
    like in the maintainers' reference name files of this repository."""
    named = re.compile(
        r"(?<![\w/.])((?:tests|src|workflow|bench|harness|docs|config|profiles|\.ci)/[\w/.-]*\w)"
    )
    pages = [REPO / "bench" / "README.md", REPO / "docs" / "pipeline.md"]
    pages += sorted((REPO / "docs" / "maintain").glob("*.md"))
    for page in pages:
        missing = sorted(path for path in named.findall(page.read_text())
                         if not (REPO / path).exists())  # fmt: skip
        assert missing == [], page.name


def test_the_readme_lists_every_maintainers_page():
    """The README's table of the maintainers' reference names each page of docs/maintain/
    (mkdocs --strict already fails a page the nav leaves out)."""
    listed = set(re.findall(r"`docs/maintain/([\w-]+\.md)`", README.read_text()))
    assert listed == {page.name for page in (REPO / "docs" / "maintain").glob("*.md")}
