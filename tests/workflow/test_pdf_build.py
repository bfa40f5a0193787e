"""Each part of the tutorial as a typeset PDF (`snakemake pdf`, part of `docs`), made from
the site's own pages by pandoc and Typst: read back with poppler's tools (pdftotext,
pdfimages, pdffonts, pdftoppm) as a reader's viewer would show it."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from urllib.parse import urljoin

import numpy as np
import pytest
from PIL import Image

from harness.workflow_copy import PARTS, REPO, part_pages, planned_jobs, snakemake

pytestmark = pytest.mark.e2e

POPPLER = ("pdftotext", "pdfimages", "pdffonts", "pdftoppm", "pdfinfo")
MM = 72 / 25.4  # points per millimetre
FIGURE_REFERENCE = re.compile(r"\(((?:\.\./)*figs/[\w.-]+\.(?:png|svg|gif))\)")


@pytest.fixture(scope="module", autouse=True)
def poppler():
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"{', '.join(missing)} not found: install poppler-utils (apt-get install)")


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pdf_path(workdir: Path, part: str) -> Path:
    return workdir / "build" / "pdf" / f"{part}.pdf"


def text_of(pdf: Path, *options: str) -> str:
    """The PDF's text as a reader copies it: maths letters (italic 𝑥) as plain ones."""
    return unicodedata.normalize("NFKC", run("pdftotext", *options, str(pdf), "-"))


Word = tuple[float, float, float, float, str]  # xMin, yMin, xMax, yMax in points; its text


def words_of(pdf: Path) -> list[tuple[float, float, list[Word]]]:
    """Each page's width, height and words, as ``pdftotext -bbox`` places them."""
    layout = run("pdftotext", "-bbox", str(pdf), "-")
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', layout, re.S)
    box = re.compile(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<')
    return [
        (
            float(width),
            float(height),
            [
                (*map(float, found.groups()[:4]), html.unescape(found[5]))
                for found in box.finditer(words)
            ],
        )
        for width, height, words in pages
    ]


def squeezed(text: str) -> str:
    """Text without spaces, line breaks or hyphens (a line may break anywhere on paper),
    its quotes straight (paper has curly ones)."""
    text = unicodedata.normalize("NFKC", text).translate(str.maketrans("“”‘’", "\"\"''"))
    return re.sub(r"[\s\-\u00ad]+", "", text)


@pytest.fixture(scope="module")
def pdfs(site) -> dict[str, Path]:
    return {part: pdf_path(site.parent, part) for part in PARTS}


def address_of(page: str) -> str:
    """Where the site serves a page: digits/index.md at digits/, data.md at data/."""
    stem = page.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("index") else stem + "/"


def figures_of(built: Path, pages: list[str]) -> list[Path]:
    """The figure files a part's pages show, in order; an animation (GIF) as its strip."""
    found = []
    for page in pages:
        text = (built / "docs" / page).read_text()
        for reference in FIGURE_REFERENCE.findall(text):
            name = Path(reference).name
            if name.endswith(".gif"):
                name = name.replace(".gif", "-strip.png")
            if built / "figs" / name not in found:
                found.append(built / "figs" / name)
    return found


def test_each_part_is_published_beside_its_notebook_and_linked_from_its_pages(site, pdfs):
    for part, pages in part_pages().items():
        assert (site / "pdf" / f"{part}.pdf").read_bytes() == pdfs[part].read_bytes()
        for page in pages:
            address = address_of(page)
            page_html = (site / address / "index.html").read_text()
            links = re.findall(
                r'<a href="([^"]+)" download>Download this part as a PDF</a>', page_html
            )
            assert len(links) == 1, page
            assert urljoin(address, links[0]) == f"pdf/{part}.pdf", page


def test_a_title_page_with_the_runs_settings_and_a_table_of_contents(site, pdfs):
    settings = json.loads((site.parent / "results" / "config.json").read_text())
    for part, pdf in pdfs.items():
        title_page = text_of(pdf, "-layout", "-f", "1", "-l", "1")
        assert PARTS[part].title in title_page and "The run this book describes" in title_page
        block = PARTS[part].config  # the part's settings: its block, or the top level's
        seed = (settings[block] if block else settings)["seed"]
        assert re.search(rf"Seed\s+{seed}\b", title_page), part
        contents = text_of(pdf, "-f", "2", "-l", "3")
        assert "Contents" in contents
        for page in part_pages()[part]:
            heading = re.search(r"^# (.+)$", (REPO / "docs" / page).read_text(), re.M)[1]
            # Each page is a numbered chapter, listed with its page number.
            assert re.search(rf"\d+ {re.escape(heading)}[^\w\n]*\d+$", contents, re.M), (
                part,
                heading,
            )
    # Numbered sections inside: "1.1 Images of lines".
    assert re.search(r"^1\.1 Images of lines$", text_of(pdfs["lines"]), re.M)


def test_every_figure_of_the_part_is_in_it_raster_or_vector_with_its_caption(site, pdfs):
    built = site.parent
    for part, pages in part_pages().items():
        figures = figures_of(built, pages)
        rasters = [f for f in figures if f.suffix == ".png"]
        listed = run("pdfimages", "-list", str(pdfs[part])).splitlines()[2:]
        rows = [line.split() for line in listed]
        images = sorted((int(r[3]), int(r[4])) for r in rows if r[2] == "image")
        masks = sorted((int(r[3]), int(r[4])) for r in rows if r[2] == "smask")
        assert images == sorted(Image.open(f).size for f in rasters), part
        # A transparent PNG keeps its transparency: its mask is a second row.
        with_alpha = [f for f in rasters if Image.open(f).mode in ("RGBA", "LA")]
        assert masks == sorted(Image.open(f).size for f in with_alpha), part
        captions = re.findall(r"Figure (\d+): ", text_of(pdfs[part]))
        assert captions == [str(n) for n in range(1, len(figures) + 1)], part
    # The network diagram stays a vector drawing: drawn on its page, with no image there.
    text = text_of(pdfs["lines"])
    pages = text.split("\f")
    diagram_page = next(n for n, p in enumerate(pages, 1) if "drawn from its layer sizes" in p)
    listed = run(
        "pdfimages", "-f", str(diagram_page), "-l", str(diagram_page), "-list", str(pdfs["lines"])
    )
    assert len(listed.splitlines()) == 2  # the header only
    assert "nn.svg" in "".join(p.name for p in figures_of(built, part_pages()["lines"]))


def test_captions_read_as_on_the_site(site, pdfs):
    """Each static figure's caption on the site (its text up to any maths) is in the PDF."""
    checked = 0
    for part, pages in part_pages().items():
        text = squeezed(text_of(pdfs[part]))
        for page in pages:
            page_html = (site / address_of(page) / "index.html").read_text()
            for figure in re.findall(r"<figure.*?</figure>", page_html, re.S):
                if "<video" in figure:
                    continue
                caption = re.search(r"<figcaption>(.*?)</figcaption>", figure, re.S)[1]
                # The site's phone-only line ("tap the figure...") has no place on paper.
                caption = re.sub(r'<span class="figure-phone-hint">.*?</span>', "", caption)
                before_maths = re.split(r"<math|<a ", caption)[0]
                words = html.unescape(re.sub(r"<[^>]+>", "", before_maths))
                assert squeezed(words)[:60] in text, (page, words)
                checked += 1
    assert checked >= 15


def test_the_maths_is_typeset_as_text_not_tex(pdfs):
    lines = text_of(pdfs["lines"])
    # softmax, with its sum in the denominator, and the summed cross-entropy.
    assert re.search(r"softmax\(z2 ?\)ck =", lines)
    assert re.search(r"L = − ∑ ∑ Yck log\(A2 ?\)ck", lines)
    assert "ReLU(z1 ) = max(z1 , 0)" in lines
    for part, pdf in pdfs.items():
        text = text_of(pdf)
        for tex in ("\\frac", "$$", "\\begin", "\\operatorname", "\\mathrm", "\\sum"):
            assert tex not in text, (part, tex)
        assert "∑" in text and "log" in text, part


def test_the_runs_numbers_as_the_pages_quote_them(site, pdfs):
    results = site.parent / "results"
    metrics = json.loads((results / "metrics.json").read_text())
    digits = json.loads((results / "digits" / "metrics.json").read_text())
    lines = squeezed(text_of(pdfs["lines"]))
    assert (
        squeezed(f"first reaches 100% at iteration {metrics['first_full_accuracy_iteration']}")
        in lines
    )
    assert squeezed(f"at {metrics['final_loss']:.3f}") in lines
    test_accuracy = f"{digits['reference']['test_accuracy']:.1%}"
    assert test_accuracy in text_of(pdfs["digits"])


def test_every_font_is_embedded(pdfs):
    for part, pdf in pdfs.items():
        rows = run("pdffonts", str(pdf)).splitlines()[2:]
        assert rows, part
        for row in rows:
            # name, type (one or two words), encoding, emb, sub, uni, object, ID
            embedded = row.split()[-5]
            assert embedded == "yes", (part, row)


def text_area(page: int, width: float, height: float) -> tuple[float, float, float, float]:
    """The text area of ``page`` (1-based), in points: binding on the left, so the inside
    margin is on the left of odd pages and on the right of even ones."""
    from scratchnet.docsite.pdf import MARGIN_MM

    inside, outside = MARGIN_MM["inside"] * MM, MARGIN_MM["outside"] * MM
    left, right = (inside, outside) if page % 2 else (outside, inside)
    return left, MARGIN_MM["top"] * MM, width - right, height - MARGIN_MM["bottom"] * MM


def test_nothing_runs_past_the_margins(pdfs):
    """Every glyph lies inside the text area, except the running head above it and the
    page number below it; and nothing at all is drawn in the side margins (no figure,
    code block or equation wider than the text)."""
    tolerance = 0.5
    descent = 4  # Typst's lines end at the baseline; a glyph box includes its descender
    for part, pdf in pdfs.items():
        for number, (width, height, words) in enumerate(words_of(pdf), start=1):
            left, top, right, bottom = text_area(number, width, height)
            for x0, y0, x1, y1, word in words:
                where = (part, number, word)
                assert left - tolerance <= x0 and x1 <= right + tolerance, where
                if y1 > bottom + descent:
                    assert word.isdigit() and y0 > bottom, where  # the page number
                assert y1 <= height and y0 >= 0, where
        # The side margins, drawn at 40 pixels per inch, are white on every page.
        scale = 40 / 72
        with_images = Path(pdf).parent / f".{part}-margins"
        with_images.mkdir(exist_ok=True)
        try:
            run("pdftoppm", "-r", "40", "-gray", "-png", str(pdf), str(with_images / "p"))
            for image in sorted(with_images.glob("p-*.png")):
                number = int(image.stem.split("-")[1])
                pixels = np.asarray(Image.open(image).convert("L"))
                h, w = pixels.shape
                left, _, right, _ = text_area(number, w / scale, h / scale)
                margin = np.concatenate(
                    [pixels[:, : int(left * scale) - 1], pixels[:, int(right * scale) + 2 :]],
                    axis=1,
                )
                assert margin.min() >= 250, (part, number)
        finally:
            shutil.rmtree(with_images)


# A code block's caption: the path of the file its lines are cut from, alone on its line.
CODE_FILE = re.compile(r"src/scratchnet/[\w/]+\.py")
CONTINUED = "\u21aa"  # ↪, which starts the continuation of a wrapped line of code


def test_a_code_blocks_file_is_never_left_at_a_pages_foot(pdfs):
    captions = 0
    for part, pdf in pdfs.items():
        for number, page in enumerate(text_of(pdf, "-layout").split("\f"), start=1):
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            for at, line in enumerate(lines):
                if CODE_FILE.fullmatch(line):
                    captions += 1
                    below = [text for text in lines[at + 1 :] if not text.isdigit()]
                    assert below, (part, number, line)  # not just the page number
    assert captions >= 20


def test_a_wrapped_code_line_continues_indented_behind_a_mark(pdfs):
    """Where a line of code is wider than the text, each of its continuations starts with
    the mark two characters right of the line's own first character, and its text four."""
    marks = 0
    for part, pdf in pdfs.items():
        for number, (_, _, words) in enumerate(words_of(pdf), start=1):
            rows: dict[float, list[Word]] = {}
            for word in words:
                rows.setdefault(round(word[1], 1), []).append(word)
            lines = [sorted(rows[y]) for y in sorted(rows)]  # each left to right
            for at, line in enumerate(lines):
                if not line[0][4].startswith(CONTINUED):
                    continue
                marks += 1
                start = next(s for s in reversed(lines[:at]) if not s[0][4].startswith(CONTINUED))
                x0, _, x1, _, first_word = start[0]
                ch = (x1 - x0) / len(first_word)  # monospace: every character as wide
                where = (part, number, line[1][4])
                assert line[0][0] == pytest.approx(x0 + 2 * ch, abs=0.5), where
                assert line[1][0] == pytest.approx(x0 + 4 * ch, abs=0.5), where
    assert marks >= 5, f"{marks} continuation marks: do long lines wrap unmarked?"


def test_the_same_pages_give_the_same_bytes_and_a_rerun_does_nothing(
    site, pdfs, tmp_path, monkeypatch
):
    from scratchnet.docsite.pdf import write_part_pdf

    built = site.parent
    monkeypatch.chdir(built)  # where the quoted results are
    for part, pdf in pdfs.items():
        again = tmp_path / f"{part}.pdf"
        write_part_pdf(built / "mkdocs.yml", part, again, built / "build" / "docs")
        assert again.read_bytes() == pdf.read_bytes(), part
    assert planned_jobs(built, "pdf") == set()
    assert planned_jobs(built, "docs") == set()


def test_editing_a_page_changes_its_part_and_a_letter_paper_setting_is_obeyed(site, tmp_path):
    """The rule's inputs cover the pages: after an edit, `snakemake pdf` rewrites the PDF
    with it. (Reruns are judged by modification times alone, so the copy's new path does
    not make everything stale.) The paper size comes from the config."""
    workdir = shutil.copytree(site.parent, tmp_path / "copy", symlinks=True)
    before = {part: pdf_path(workdir, part).read_bytes() for part in PARTS}
    page = workdir / "docs" / "validation.md"
    page.write_text(page.read_text() + "\nA sentence a test wrote on this page.\n")
    snakemake(workdir, "pdf", "--cores", "2", "--rerun-triggers", "mtime")
    assert pdf_path(workdir, "lines").read_bytes() != before["lines"]
    assert "A sentence a test wrote on this page." in text_of(pdf_path(workdir, "lines"))
    assert pdf_path(workdir, "digits").read_bytes() == before["digits"]

    snakemake(workdir, "pdf", "--cores", "2", "--config", "pdf_paper=us-letter")
    for part in PARTS:
        info = run("pdfinfo", str(pdf_path(workdir, part)))
        assert re.search(r"Page size:\s+612 x 792 pts \(letter\)", info), part
