"""A page's constructs as the Markdown Jupyter renders: headings one level down, figures
as their captions, page links as their text, admonitions as quotes, collapsed blocks as
``<details>`` (open ones open), math and code left as written."""

from __future__ import annotations

from scratchnet.docsite.dialect import read_page
from scratchnet.docsite.jupyter_text import jupyter_markdown


def jupyter(text: str) -> str:
    return jupyter_markdown(read_page(text, "p.md")).strip()


def test_a_pages_markdown_is_made_fit_for_jupyter():
    page = (
        "# Title\n\nSee [the data](data.md#x) and [numpy](https://numpy.org).\n\n"
        '<figure markdown="span">\n  ![alt](figs/a.png){ width="700" }\n'
        '  <figcaption markdown="span">The $W_1$ <a href="v.mp4">video</a>, also\n'
        "  [as a GIF](figs/a.gif).</figcaption>\n"
        '</figure>\n\n!!! note "Checked"\n    Twice.\n\n```sh\n# not a heading\n```'
    )
    assert jupyter(page) == (
        "## Title\n\nSee the data and [numpy](https://numpy.org).\n\n"
        "> *Figure on the website:* The $W_1$ video, also as a GIF.\n\n"
        "> **Checked**\n>\n> Twice.\n\n```sh\n# not a heading\n```"
    )


def test_collapsed_blocks_are_details_closed_or_open_and_titled_as_on_the_site():
    assert jupyter('??? tip "Hint"\n    Exponentiate.\n') == (
        "<details>\n<summary>Hint</summary>\n\nExponentiate.\n\n</details>"
    )
    assert jupyter("???+ note\n    Shown.\n") == (
        "<details open>\n<summary>Note</summary>\n\nShown.\n\n</details>"
    )


def test_boxes_nest_and_their_bodies_are_prose_like_any_other():
    page = (
        '!!! warning "One seed"\n    See [training](training.md).\n\n'
        '    ??? tip "Why"\n        Because.\n\nAfter.\n'
    )
    assert jupyter(page) == (
        "> **One seed**\n>\n> See training.\n>\n> <details>\n> <summary>Why</summary>\n>\n"
        "> Because.\n>\n> </details>\n\nAfter."
    )


def test_math_and_code_spans_are_left_as_written():
    page = "$$\ndb = \\sum_k (dz)_{:, k}\n$$\n\nInline $(dz)_{:,k}$, `{: .x }` and `[a](b.md)`.\n"
    assert jupyter(page) == page.strip()
