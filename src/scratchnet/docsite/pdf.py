"""A part of the tutorial (a section of mkdocs.yml's nav) as one typeset PDF.

The same pages as the site and the notebook, in the nav's order, through the same text
pipeline: numbers quoted from the run (``run_numbers.fill_numbers``), code included by
the site's own snippets extension. Then pandoc reads each page as pandoc Markdown
(``pandoc_text``), its Lua filter (``pdf_filter.lua``) writes what is the site's own
syntax as Typst, and Typst typesets the part with the book's template (``pdf_book.typ``):
a title page with the part and its run's settings, the contents, numbered sections.

Offline and without TeX: pandoc and Typst come as Python wheels (pypandoc-binary, typst),
and Typst uses only the fonts it bundles. The PDF carries no date, so the same pages give
the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pypandoc
import typst

from scratchnet.atomic import written_atomically
from scratchnet.docsite.pandoc_text import pandoc_page
from scratchnet.docsite.parts import SNIPPETS_EXTENSION, Part, extension_config, part_in
from scratchnet.docsite.run_numbers import fill_numbers
from scratchnet.tutorial_parts import read_site_config
from scratchnet.user_errors import InputProblem

HERE = Path(__file__).parent
FILTER = HERE / "pdf_filter.lua"
TEMPLATE = HERE / "pdf_book.typ"
# Typst's names of the paper sizes config `pdf_paper` may choose.
PAPERS = ("a4", "us-letter")
# The page's margins in mm: a wide outer one for the reader's notes, the inner one for
# binding. Everything the book prints lies between them (tests check every glyph).
MARGIN_MM = {"inside": 20, "outside": 42, "top": 22, "bottom": 24}
TEXT_PT = 10.5
CODE_PT = 7.6
# pandoc reads pages as its Markdown, without implicit figures: a figure is the div the
# page's <figure> becomes, with the site's caption.
PANDOC_FROM = "markdown-implicit_figures"
# ... and writes Typst with the quotes it read as curly ones: Typst's own smart quotes
# would make the apostrophe of "float64's" a prime.
PANDOC_TO = "typst-smart"


class PdfError(InputProblem, RuntimeError):
    """A part that cannot be typeset; the message names the page or setting and why."""


def write_part_pdf(
    config_file: str | Path,
    part: str,
    pdf_file: str | Path,
    pages_dir: str | Path,
    *,
    paper: str = "a4",
    site_url: str = "",
) -> None:
    """Write the PDF of the part named ``part`` (its key in ``config_file``'s, mkdocs.yml's,
    ``extra.parts``) to ``pdf_file``, atomically, from the staged pages in
    ``pages_dir`` (the site's docs_dir, with figs/). ``site_url`` gives the web pages'
    addresses on paper; without it, their paths."""
    pdf = part_pdf(config_file, part, pages_dir, paper=paper, site_url=site_url)
    with written_atomically(pdf_file) as partial:
        partial.write_bytes(pdf)


def part_pdf(
    config_file: str | Path,
    part: str,
    pages_dir: str | Path,
    *,
    paper: str = "a4",
    site_url: str = "",
) -> bytes:
    """The PDF of ``part``, as bytes."""
    if paper not in PAPERS:
        raise PdfError(f"config pdf_paper: {paper!r}; expected one of {', '.join(PAPERS)}")
    config_file = Path(config_file)
    config = read_site_config(config_file)
    pages = part_in(config, config_file, part, pages_dir)
    body = to_typst(part_markdown(pages, config, config_file), site_url, pages.pages_dir)
    facts = title_page(pages, config, config_file)
    facts |= {"paper": paper, "address": site_url, "margin": MARGIN_MM}
    facts |= {"text-size": TEXT_PT, "code-size": CODE_PT}
    return typeset(body, facts, pages.pages_dir)


def part_markdown(part: Part, config: dict, config_file: Path) -> str:
    """The part's pages as one pandoc Markdown document, each page a ``page`` div."""
    include_code, package = _snippets(config, config_file)
    pieces = []
    for page in part.pages:
        try:
            text = part.page_text(page)
        except FileNotFoundError:
            raise PdfError(f"{page}: not found in {part.pages_dir} (the nav names it)") from None
        page_text = pandoc_page(text, page, include_code, package)
        pieces.append(f'::::: {{.page path="{page}"}}\n{page_text}\n:::::\n')
    return "\n".join(pieces)


def title_page(part: Part, config: dict, config_file: Path) -> dict:
    """The title page's facts: the site's title, the part's, and the run's settings that
    the part's ``title_page`` quotes (label -> text with quotes)."""
    where = f"{config_file}: extra.parts.{part.name}.title_page"
    return {
        "title": config.get("site_name", ""),
        "part": part.declared.title,
        "settings": [
            [label, fill_numbers(str(value), part.number_sources, where=where)]
            for label, value in part.declared.title_page.items()
        ],
    }


def to_typst(text: str, site_url: str = "", root: str | Path = ".") -> str:
    """pandoc Markdown -> the Typst of the book's body, through the Lua filter; images
    are looked up in ``root``."""
    try:
        return pypandoc.convert_text(
            text,
            PANDOC_TO,
            format=PANDOC_FROM,
            extra_args=[
                "--lua-filter",
                str(FILTER),
                "--wrap=preserve",
                "--columns=1000",  # a table's columns as wide as their text, not 30/40/30
                "--syntax-highlighting=idiomatic",  # Typst highlights the code itself
                f"--metadata=site_url:{site_url}",
                f"--metadata=root:{Path(root).resolve()}",
            ],
        )
    except RuntimeError as problem:  # pandoc's message, e.g. the filter's "page: ..."
        message = str(problem).split("\nstack traceback")[0].strip()
        if "Error running filter" in message:  # the filter's own words: its last line
            raise PdfError(message.splitlines()[-1]) from None
        raise PdfError(f"pandoc: {message}") from None


def typeset(body: str, book: dict, root: Path) -> bytes:
    """The book's template with ``body``, typeset by Typst; images are found under
    ``root`` (their paths start with /). ``book`` is the template's dictionary."""
    return _typst(typst.compile, body, book, root)


def query(body: str, book: dict, root: Path, label: str):
    """The value of the ``metadata`` element labelled ``label`` in the typeset book (a
    test's way to ask Typst where things landed)."""
    return json.loads(_typst(typst.query, body, book, root, f"<{label}>", field="value", one=True))


def _typst(command, body: str, book: dict, root: Path, *args, **kwargs):
    source = TEMPLATE.read_text() + "\n#show: book.with(json(bytes(sys.inputs.book)))\n\n" + body
    try:
        return command(
            source.encode(),
            *args,
            root=str(root),
            ignore_system_fonts=True,  # the fonts Typst bundles: the same on every machine
            sys_inputs={"book": json.dumps(book, sort_keys=True)},
            **kwargs,
        )
    except typst.TypstError as problem:
        raise PdfError(f"typst: {problem.message}\n{problem.diagnostic}") from None


def _snippets(config: dict, config_file: Path):
    """The site's snippets extension as a function of lines, and its folder as shown."""
    settings = extension_config(config, SNIPPETS_EXTENSION, config_file)
    base = settings.get("base_path", ["."])
    base = [base] if isinstance(base, str) else list(base)
    settings = {**settings, "base_path": [str(config_file.parent / b) for b in base]}
    processor = markdown.Markdown(
        extensions=[SNIPPETS_EXTENSION], extension_configs={SNIPPETS_EXTENSION: settings}
    ).preprocessors["snippet"]
    return processor.run, base[0]
