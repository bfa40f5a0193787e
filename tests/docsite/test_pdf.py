"""The PDF writer's pieces without Snakemake: the Lua filter's Typst (links, figures,
animations, boxes, code, maths), the template's page, and a small part typeset from a
config and pages of its own."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml

from scratchnet.docsite.pandoc_text import PageError
from scratchnet.docsite.pdf import MARGIN_MM, PdfError, part_pdf, query, to_typst, typeset


def page(path: str, body: str) -> str:
    return f'::::: {{.page path="{path}"}}\n{textwrap.dedent(body)}\n:::::\n'


BOOK = page(
    "data.md",
    """
    # The data

    ## The input matrix

    See [the training](training.md), [its loop](training.md#the-training-loop),
    [part two](digits/index.md) and [a video](figs/train-anim.mp4).
    """,
) + page(
    "training.md",
    """
    # Training

    ## The training loop

    Back to [the input matrix](data.md#the-input-matrix).
    """,
)


def test_links_to_pages_of_the_part_stay_inside_the_book():
    typst = to_typst(BOOK)
    assert "#link(<training>)[the training]" in typst
    assert "#link(<the-training-loop>)[its loop]" in typst
    assert "#link(<the-input-matrix>)[the input matrix]" in typst


def test_other_links_become_the_sites_address_or_the_pages_path():
    without = to_typst(BOOK)
    assert "part two (`digits/`)" in without  # a page elsewhere: its path on the site
    assert "a video" in without and "train-anim.mp4" not in without  # a file: its words
    with_site = to_typst(BOOK, "https://example.org/scratchnet")
    assert '#link("https://example.org/scratchnet/digits/")[part two]' in with_site
    assert "#footnote[`https://example.org/scratchnet/digits/`]" in with_site
    assert '#link("https://example.org/scratchnet/figs/train-anim.mp4")' in with_site


@pytest.fixture(autouse=True)
def root(tmp_path, monkeypatch) -> Path:
    """The folder of the pages, with the figures the tests show (the filter checks them)."""
    (tmp_path / "figs").mkdir()
    for name in ("c.png", "d.png", "digits-anim-strip.png"):
        (tmp_path / "figs" / name).write_bytes(b"")
    monkeypatch.chdir(tmp_path)  # to_typst's default root
    return tmp_path


def figure_typst(image: str, page_path: str = "digits/results.md") -> str:
    body = f"::: figure\n{image}\n\n::: caption\nThe caption, $x_0$.\n:::\n:::\n"
    return to_typst(page(page_path, "# Results\n\n" + body))


def test_a_figure_is_as_wide_as_the_site_asks_never_wider_than_the_text():
    assert 'image("/figs/c.png", width: 65%, alt: "A grid"' in figure_typst(
        '![A grid](../figs/c.png){ width="520" }'
    )
    assert "width: 100%" in figure_typst('![A grid](../figs/c.png){ width="1600" }')
    assert "width: 100%" in figure_typst("![A grid](../figs/c.png)")
    typst = figure_typst("![A grid](../figs/c.png)")
    assert "caption: [The caption, $x_0$.]" in typst
    assert "scaling" not in typst  # a plot is smoothed when scaled


def test_tiny_pixel_images_keep_hard_edges():
    typst = figure_typst('![Digits](../figs/d.png){ width="760" .pixelated }')
    assert 'image("/figs/d.png", width: 95%, alt: "Digits", scaling: "pixelated")' in typst


def test_an_animation_becomes_its_strip_of_frames_with_where_it_plays():
    body = (
        '# Training\n\n::: {.animation gif="../figs/digits-anim.gif"}\n'
        "::: caption\nOne frame per epoch.\n:::\n:::\n"
    )
    typst = to_typst(page("digits/training.md", body), "https://example.org/")
    assert 'image("/figs/digits-anim-strip.png", width: 100%' in typst
    assert 'scaling: "pixelated"' in typst
    assert "A few frames of the animation on the website" in typst
    assert '#link("https://example.org/digits/training/")' in typst
    assert "`digits/training/`" in to_typst(page("digits/training.md", body))


def test_a_browser_page_says_where_it_runs():
    body = "# Draw a digit\n\n::: browser\n:::\n"
    typst = to_typst(page("explore/draw-digit.md", body))
    assert "runs in your browser, on the website: `explore/draw-digit/`" in typst


def test_boxes_code_files_and_operators():
    body = """
    # Forward

    ::: {.admonition .question title="Your turn" collapsed="true"}
    Write $\\operatorname{softmax}(z)$ and $\\mathrm{ReLU}(z)$, not $\\mathrm{d}x$; $a \\odot b$.
    :::

    ```{.python file="src/scratchnet/lines/network.py"}
    def relu(z):
        return z
    ```
    """
    typst = to_typst(page("forward.md", body))
    assert '#admonition(kind: "question", title: [Your turn], collapsed: true)[' in typst
    assert '$op("softmax") \\( z \\)$' in typst
    assert 'op("ReLU")' in typst and "upright(d)" in typst  # one letter stays a letter
    assert "dot.o" in typst and "dot.circle" not in typst  # Typst's current name
    assert '#codefile("src/scratchnet/lines/network.py")[\n```python\ndef relu(z):' in typst


def test_the_filters_typst_typesets(tmp_path):
    """What the filter writes compiles with the template: its functions exist."""
    body = """
    # Forward

    ::: {.admonition .tip title="Softmax without overflow"}
    $$\\operatorname{softmax}(z)_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$$
    :::

    ```{.python file="src/scratchnet/lines/network.py"}
    x = 1
    ```
    """
    pdf = typeset(to_typst(page("forward.md", body)), book("a4"), tmp_path)
    assert pdf.startswith(b"%PDF-")


def book(paper: str) -> dict:
    return {
        "title": "A neural network from scratch",
        "part": "Part one",
        "settings": [["Seed", "7"]],
        "paper": paper,
        "address": "",
        "margin": MARGIN_MM,
        "text-size": 10.5,
        "code-size": 7.6,
    }


@pytest.mark.parametrize("paper, size", [("a4", (595.3, 841.9)), ("us-letter", (612, 792))])
def test_the_page_is_the_paper_asked_for_and_carries_no_date(tmp_path, paper, size):
    pdf = typeset("= One\n\nText.\n", book(paper), tmp_path)
    boxes = re.findall(rb"/MediaBox ?\[0 0 ([\d.]+) ([\d.]+)\]", pdf)  # in points
    boxes = {tuple(round(float(number), 1) for number in box) for box in boxes}
    assert boxes == {size}
    assert b"CreationDate" not in pdf and b"ModDate" not in pdf
    assert typeset("= One\n\nText.\n", book(paper), tmp_path) == pdf  # same bytes


@pytest.fixture
def checkout(tmp_path) -> Path:
    """A checkout of two pages in one part, a module, a metrics file and a figure."""
    (tmp_path / "src" / "scratchnet" / "lines").mkdir(parents=True)
    (tmp_path / "src" / "scratchnet" / "lines" / "network.py").write_text(
        "# --8<-- [start:relu]\ndef relu(z):\n    return z\n# --8<-- [end:relu]\n"
    )
    (tmp_path / "results").mkdir()
    (tmp_path / "results" / "metrics.json").write_text('{"final_loss": 1.17999}')
    pages = tmp_path / "docs"
    (pages / "figs").mkdir(parents=True)
    (tmp_path / "docs" / "figs" / "x.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40">'
        '<rect width="80" height="40"/></svg>'
    )
    (pages / "a.md").write_text(
        "# Alpha\n\nThe loss ends at {{ metrics.final_loss:.3f }}.\n\n"
        '<figure markdown="span">\n  ![A box](figs/x.svg)\n'
        '  <figcaption markdown="span">A box.</figcaption>\n</figure>\n'
    )
    (pages / "b.md").write_text('# Beta\n\n```python\n--8<-- "lines/network.py:relu"\n```\n')
    config = {
        "site_name": "A book",
        "nav": [{"Part one": ["a.md", "b.md"]}],
        "extra": {
            "parts": {
                "one": {
                    "title": "Part one",
                    "config": None,
                    "rules": [],
                    "notebook": "notebooks/one.md",
                    "exercises": "exercises/lines.py",
                    "title_page": {"Final loss": "{{ metrics.final_loss:.2f }}"},
                }
            }
        },
        "markdown_extensions": [
            {"scratchnet.docsite.run_numbers": {"sources": {"metrics": "results/metrics.json"}}},
            {"pymdownx.snippets": {"base_path": ["src/scratchnet"], "check_paths": True}},
        ],
    }
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config))
    return tmp_path


def test_a_part_is_typeset_from_its_pages_and_the_same_pages_give_the_same_bytes(
    checkout, monkeypatch
):
    monkeypatch.chdir(checkout)  # where the quoted results are
    pdf = part_pdf(checkout / "mkdocs.yml", "one", checkout / "docs")
    assert pdf.startswith(b"%PDF-") and b"Part one" in pdf
    assert part_pdf(checkout / "mkdocs.yml", "one", checkout / "docs") == pdf
    (checkout / "docs" / "b.md").write_text("# Beta\n\nAn edit.\n")
    assert part_pdf(checkout / "mkdocs.yml", "one", checkout / "docs") != pdf


def test_a_page_that_cannot_be_resolved_fails_naming_it(checkout, monkeypatch):
    monkeypatch.chdir(checkout)
    (checkout / "docs" / "b.md").write_text(
        '# Beta\n\n```python\n--8<-- "lines/network.py:gone"\n```\n'
    )
    with pytest.raises(PageError, match=r"^b\.md: --8<-- .*gone"):
        part_pdf(checkout / "mkdocs.yml", "one", checkout / "docs")
    (checkout / "docs" / "b.md").write_text("# Beta\n\n{{ metrics.no_such_number }}\n")
    with pytest.raises(ValueError, match=r"^b\.md: .*no_such_number"):
        part_pdf(checkout / "mkdocs.yml", "one", checkout / "docs")
    (checkout / "docs" / "b.md").unlink()
    with pytest.raises(PdfError, match=r"^b\.md: not found"):
        part_pdf(checkout / "mkdocs.yml", "one", checkout / "docs")


def test_an_unknown_paper_is_refused_naming_the_setting(checkout, monkeypatch):
    monkeypatch.chdir(checkout)
    with pytest.raises(PdfError, match="pdf_paper: 'a5'; expected one of a4, us-letter"):
        part_pdf(checkout / "mkdocs.yml", "one", checkout / "docs", paper="a5")


def test_quotes_are_curly_and_an_apostrophe_after_a_digit_is_no_prime():
    typst = to_typst(page("a.md", '# A\n\nUp to float64\'s largest, "Class: 0".\n'))
    assert "float64’s largest, “Class: 0”." in typst


def test_an_exercises_title_is_markdown_and_its_hints_are_boxes_inside_it():
    body = """
    # Backpropagation

    ::: {.admonition .exercise title="Your turn: `backward(params)`"}
    Write it.

    ::: {.admonition .tip title="Hint 1: the equations" collapsed="true"}
    $dz_2 = A_2 - Y$.
    :::
    :::
    """
    typst = to_typst(page("backprop.md", body))
    opens = [line for line in typst.splitlines() if line.startswith("#admonition(")]
    assert opens == [
        '#admonition(kind: "exercise", title: [Your turn: `backward(params)`], collapsed: false)[',
        '#admonition(kind: "tip", title: [Hint 1: the equations], collapsed: true)[',
    ]
    assert typst.index("Write it.") < typst.index("Hint 1") < typst.index("A_2 - Y")


def test_a_missing_figure_fails_naming_the_page(tmp_path):
    body = "# A\n\n::: figure\n![A grid](../figs/missing.png)\n:::\n"
    with pytest.raises(PdfError, match=r"^digits/a\.md: the figure figs/missing\.png not found"):
        to_typst(page("digits/a.md", body), "", tmp_path)
    body = '# A\n\n::: {.animation gif="../figs/anim.gif"}\n:::\n'
    with pytest.raises(PdfError, match=r"^digits/a\.md: the animation's strip of frames figs/"):
        to_typst(page("digits/a.md", body), "", tmp_path)


# Where Typst put the fillers and each code block's caption, lines and continuation marks:
# page and point (the template labels them).
WHERE = """
#let at(label) = query(label).map(e => {
  let p = e.location().position()
  (page: p.page, x: p.x / 1pt, y: p.y / 1pt)
})
#context [#metadata((
  fillers: at(<filler>),
  files: at(<code-file>),
  lines: at(<code-line>),
  marks: at(<code-continued>),
)) <where>]
"""


def layout(markdown: str, tmp_path: Path) -> dict[str, list[dict]]:
    """Where the filter's Typst for ``markdown`` (one page) lands, typeset with the book."""
    return query(to_typst(page("a.md", markdown)) + WHERE, book("a4"), tmp_path, "where")


def test_a_code_blocks_file_stays_with_its_first_lines_and_its_last_lines_together(tmp_path):
    """A page per case: a filler leaves a little more room at the page's foot each time,
    then comes a captioned code block. The caption is never left at the foot, a block
    breaks only after its first three lines and before its last two."""
    code = "\n".join(f"line_{n} = {n}" for n in range(8))
    room = range(0, 120, 4)  # points left below the filler
    cases = "\n\n".join(
        f"```{{=typst}}\n#pagebreak(weak: true)\n"
        f"#block(height: 100% - {points}pt, breakable: false) <filler>\n```\n\n"
        f'```{{.python file="src/scratchnet/case.py"}}\n{code}\n```'
        for points in room
    )
    where = layout(f"# Cases\n\n{cases}", tmp_path)
    assert len(where["files"]) == len(room) and len(where["lines"]) == 8 * len(room)
    seen = set()
    for case, (filler, file) in enumerate(zip(where["fillers"], where["files"])):
        pages = [line["page"] for line in where["lines"][8 * case : 8 * case + 8]]
        assert file["page"] == pages[0] == pages[1] == pages[2], (room[case], pages)
        assert pages[-2] == pages[-1], (room[case], pages)
        if file["page"] > filler["page"]:
            seen.add("moved to the next page")
        elif pages[-1] > pages[0]:
            seen.add("broken across pages")
        else:
            seen.add("whole below the filler")
    assert len(seen) == 3, seen  # the room left covered every case


def test_a_long_code_line_continues_indented_behind_a_mark(tmp_path):
    """A line wider than the text wraps; each continuation hangs right of its line's
    indentation behind a mark, one mark a continuation, and shorter lines have none."""
    call = "f(" + ", ".join(f"argument_{n}" for n in range(24)) + ")"
    code = f"a = 1\nb = 2\n{call}\nc = 3\n        {call}\nd = 4"
    where = layout(f'```{{.python file="src/scratchnet/long.py"}}\n{code}\n```', tmp_path)
    lines, marks = where["lines"], where["marks"]
    assert len(lines) == 6
    pitch = lines[1]["y"] - lines[0]["y"]  # two one-row lines
    rows = [round((below["y"] - line["y"]) / pitch) for line, below in zip(lines, lines[1:])]
    assert rows[0] == rows[1] == rows[3] == 1 and rows[2] >= 3 and rows[4] >= rows[2]
    assert len(marks) == rows[2] - 1 + rows[4] - 1  # the last line is short too
    # The marks of each long line: one a row below it, at one x right of its indentation.
    for long, first_mark, count in ((2, 0, rows[2] - 1), (4, rows[2] - 1, rows[4] - 1)):
        own = marks[first_mark : first_mark + count]
        start = lines[long]
        assert [m["y"] for m in own] == pytest.approx(
            [start["y"] + row * pitch for row in range(1, count + 1)], abs=0.05
        )
        assert len({m["x"] for m in own}) == 1 and own[0]["x"] > start["x"]
    # Two characters right of the indentation: 0 + 2 and 8 + 2 characters, so the second
    # line's marks are five times as far from the block's left edge as the first's.
    first, second = marks[0]["x"] - lines[2]["x"], marks[rows[2] - 1]["x"] - lines[4]["x"]
    assert second == pytest.approx(5 * first, rel=1e-3)
