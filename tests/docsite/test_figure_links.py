"""Each figure's picture links to its full-size file; a wide figure's caption says so."""

from __future__ import annotations

import markdown
import numpy as np
from PIL import Image

from scratchnet.docsite.figure_links import PHONE_HINT, png_size

EXTENSIONS = ["attr_list", "md_in_html", "scratchnet.docsite.figure_links"]


def render(text: str, figures_dir) -> str:
    config = {"scratchnet.docsite.figure_links": {"figures_dir": str(figures_dir)}}
    return markdown.markdown(text, extensions=EXTENSIONS, extension_configs=config)


def figure(name: str, caption: str = "A caption.") -> str:
    return (
        '<figure markdown="span">\n'
        f'  ![The picture]({name}){{ width="700" }}\n'
        f'  <figcaption markdown="span">{caption}</figcaption>\n'
        "</figure>\n"
    )


def save_png(path, width: int, height: int) -> None:
    Image.fromarray(np.zeros((height, width), dtype=np.uint8)).save(path)


def test_a_figures_picture_links_to_its_file_and_only_a_wide_one_gets_the_hint(tmp_path):
    save_png(tmp_path / "wide.png", 300, 100)
    save_png(tmp_path / "square.png", 100, 100)
    html = render(figure("../figs/wide.png") + figure("../figs/square.png"), tmp_path)
    wide, square = html.split("</figure>")[:2]
    link = '<a class="figure-link" href="../figs/wide.png"><img alt="The picture"'
    assert link in wide and 'width="700"' in wide
    assert '<a class="figure-link" href="../figs/square.png"><img' in square
    assert wide.count(PHONE_HINT) == 1 and PHONE_HINT not in square
    assert wide.index(PHONE_HINT) > wide.index("A caption.")  # at the caption's end


def test_a_picture_already_in_a_link_and_one_outside_a_figure_are_left_alone(tmp_path):
    save_png(tmp_path / "wide.png", 300, 100)
    linked = '<figure markdown="span">\n  [![x](figs/wide.png)](https://example.org)\n</figure>\n'
    html = render(linked + "\n![y](figs/wide.png)\n", tmp_path)
    assert html.count("<a ") == 1 and 'href="https://example.org"' in html
    assert "figure-link" not in html


def test_png_size_reads_the_header_and_says_none_for_anything_else(tmp_path):
    save_png(tmp_path / "a.png", 2010, 585)
    (tmp_path / "b.svg").write_text("<svg/>")
    assert png_size(tmp_path / "a.png") == (2010, 585)
    assert png_size(tmp_path / "b.svg") is None
    assert png_size(tmp_path / "missing.png") is None
