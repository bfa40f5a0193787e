"""Link each figure's picture to its full-size file, and say so under the wide ones.

A figure is as wide as the text column at most: on a phone a wide figure (the sweep's
2010x585 pixels) shrinks to a column 358 px wide, its text to about 2 px. So every
``<img>`` in a ``<figure>`` becomes a link to its own file, which the browser opens at
full size and zooms; a figure at least twice as wide as tall also gets a line in its
caption saying so, shown on small screens only (stylesheets/extra.css).

A Python-Markdown extension (``scratchnet.docsite.figure_links`` under
``markdown_extensions`` in mkdocs.yml). It reads each PNG's size from its header, in
``figures_dir`` (the folder of the site's figures; a page names them by relative paths,
always ``.../figs/<name>``).
"""

from __future__ import annotations

import struct
import xml.etree.ElementTree as etree
from pathlib import Path, PurePosixPath

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

# Width / height from which a figure is too wide to read in a phone's column.
WIDE = 2.0
PHONE_HINT = "On a small screen, tap the figure to open it at full size."
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(path: Path) -> tuple[int, int] | None:
    """(width, height) of the PNG at ``path`` from its header; None if it is no PNG."""
    try:
        with path.open("rb") as file:
            header = file.read(24)
    except OSError:
        return None
    if len(header) < 24 or not header.startswith(PNG_SIGNATURE):
        return None
    return struct.unpack(">II", header[16:24])


def link_figures(root: etree.Element, figures_dir: Path | None) -> None:
    """Wrap each ``<img>`` of each ``<figure>`` under ``root`` in a link to its file
    (unless it is in a link already), and add the phone hint to wide figures' captions."""
    for figure in root.iter("figure"):
        for parent in list(figure.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag != "img" or parent.tag == "a" or not child.get("src"):
                    continue
                link = etree.Element("a", {"href": child.get("src"), "class": "figure-link"})
                link.tail, child.tail = child.tail, None
                parent.remove(child)
                parent.insert(index, link)
                link.append(child)
                if figures_dir is not None and _is_wide(figures_dir, child.get("src")):
                    _add_phone_hint(figure)


def _is_wide(figures_dir: Path, src: str) -> bool:
    size = png_size(figures_dir / PurePosixPath(src).name)
    return size is not None and size[0] >= WIDE * size[1]


def _add_phone_hint(figure: etree.Element) -> None:
    caption = figure.find("figcaption")
    if caption is None:
        caption = etree.SubElement(figure, "figcaption")
    if caption.find("span[@class='figure-phone-hint']") is not None:
        return
    hint = etree.SubElement(caption, "span", {"class": "figure-phone-hint"})
    hint.text = " " + PHONE_HINT


class FigureLinks(Extension):
    def __init__(self, **kwargs):
        self.config = {"figures_dir": ["", "the folder of the site's figures (PNG sizes)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        figures_dir = self.getConfig("figures_dir")
        # After the inline patterns (priority 20), which make the <img> elements.
        md.treeprocessors.register(
            _LinkFigures(md, Path(figures_dir) if figures_dir else None),
            "scratchnet_figure_links",
            7,
        )


class _LinkFigures(Treeprocessor):
    def __init__(self, md, figures_dir: Path | None):
        super().__init__(md)
        self.figures_dir = figures_dir

    def run(self, root: etree.Element) -> None:
        link_figures(root, self.figures_dir)


def makeExtension(**kwargs) -> FigureLinks:  # noqa: N802 (the name Python-Markdown looks up)
    return FigureLinks(**kwargs)
