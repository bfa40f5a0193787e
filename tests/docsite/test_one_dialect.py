"""One page dialect, three readers: each construct of the pages goes through the site's
Python-Markdown (mkdocs.yml's own extension list, read from it), the notebook writer
and the PDF writer (pandoc Markdown, its Lua filter, Typst), and what a reader gets from
each is compared: a box's title, its text and whether it is open or collapsed, the code,
the figures' captions, the prose. (On paper every box is open: the PDF keeps only
whether the site shows it collapsed.)"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import markdown
import pypandoc
import pytest
import yaml
from mkdocs.config.defaults import MkDocsConfig

from scratchnet.docsite.cells import CHECKER_TEXT
from scratchnet.docsite.notebook import part_notebook
from scratchnet.docsite.parts import read_part
from scratchnet.docsite.pdf import part_markdown, to_typst

MKDOCS_YML = Path(__file__).resolve().parents[2] / "mkdocs.yml"

# A package whose sections are whole functions, with a checker for the exercise.
NET = (
    '# --8<-- [start:double]\ndef double(x):\n    """Twice x. x: (n,)."""\n    return 2 * x\n'
    "# --8<-- [end:double]\n\n\n# --8<-- [start:half]\ndef half(x):\n    return x / 2\n"
    "# --8<-- [end:half]\n"
)
CHECKER = "from ..net import double\n\n\ndef check(function):\n    return function is double\n"
RECIPE = "<!-- code: net.py exercises/part.py -->\n"

EXERCISE = (
    '!!! exercise "Your turn: `double(x)`"\n'
    "    Write `double(x)` for an array `x` of any shape.\n\n"
    '    ??? tip "Hint 1: the equation"\n'
    "        Multiply by two, entry by entry.\n\n"
    '    Write it in <a class="exercise-notebook" href="../notebooks/part.ipynb" download>this\n'
    "    part's notebook</a>, where `check(double)` tries it.\n\n"
    '```python\n--8<-- "net.py:double"\n```\n'
)
VIDEO = (
    '<figure markdown="1">\n  <video controls width="1100" markdown="span">\n'
    '  <source src="figs/anim.mp4" type="video/mp4">\n'
    "  [The animation as a GIF](figs/anim.gif)\n  </video>\n"
    '  <figcaption markdown="span">One frame per epoch, on\n  one colour scale.</figcaption>\n'
    "</figure>\n"
)

# construct -> (page, the boxes the site shows: (title, state))
CONSTRUCTS = {
    "prose": ("Plain prose, with `code` and *emphasis*.\n\nA second paragraph.\n", []),
    "admonition": (
        '!!! tip "Softmax without overflow"\n    Subtract the largest logit first.\n\n'
        "    It changes nothing.\n\nAfter the box.\n",
        [("Softmax without overflow", "box")],
    ),
    "admonition without a title": ("!!! note\n    Checked twice.\n", [("Note", "box")]),
    "collapsed block": (
        '??? question "Why summed?"\n    Because the learning rate is small.\n',
        [("Why summed?", "collapsed")],
    ),
    "collapsed block without a title": ("??? tip\n    Try another seed.\n", [("Tip", "collapsed")]),
    "open collapsible block": (
        '???+ info "Shown at first"\n    Open until the reader closes it.\n',
        [("Shown at first", "open")],
    ),
    "boxes in a box": (
        '!!! warning "One seed"\n    Not a law.\n\n    ??? tip "Try another"\n'
        "        Change the seed.\n\n    ???+ note\n        Shown.\n\n    After the hint.\n",
        [("One seed", "box"), ("Try another", "collapsed"), ("Note", "open")],
    ),
    "exercise box": (
        EXERCISE,
        [("Your turn: `double(x)`", "box"), ("Hint 1: the equation", "collapsed")],
    ),
    "figure": (
        '<figure markdown="span">\n  ![A grid of digits](figs/grid.png){ width="400" .pixelated }\n'
        '  <figcaption markdown="span">Ten digits,\n  one per class.</figcaption>\n</figure>\n',
        [],
    ),
    "video figure": (VIDEO, []),
    "python code": (
        'Before.\n\n```python\n--8<-- "net.py:double"\n--8<-- "net.py:half"\n```\n',
        [],
    ),
    "other code": ("Run:\n\n```sh\nsnakemake -j4 all docs\n```\n", []),
    "text for one kind of run": (
        "{{ if metrics.data.tutorial }}\nThe tutorial's own data.\n{{ else }}\nYour data.\n"
        "{{ end }}\n\nLoss {{ metrics.final_loss:.2f }} on {{ if metrics.data.tutorial }}our"
        "{{ else }}your{{ end }} data.\n",
        [],
    ),
    "text for one kind of run in a box": (
        '!!! note "The data"\n    Read from:\n    {{ if metrics.data.tutorial }}\n'
        "    the tutorial's own files.\n    {{ else }}\n    your files.\n    {{ end }}\n",
        [("The data", "box")],
    ),
}


# The exercise's paragraph that links the notebook: in the notebook, what to do instead.
NOTEBOOK_LINK = "<the exercise's notebook link>"


def words(text: str | None) -> list[str]:
    """The words of a text in any of the three forms (Typst's #functions and <labels> left
    out), so markup that differs between them does not."""
    return re.findall(r"\w+", re.sub(r"#[\w.]+|<[\w-]+>", " ", text or ""))


@dataclass
class BoxView:
    title: list[str]
    state: str  # "box" (an admonition), "open" or "collapsed"; on paper "shown" or "collapsed"
    body: list[str] = field(default_factory=list)


@dataclass
class View:
    """What a reader gets from a page."""

    prose: list[str] = field(default_factory=list)
    boxes: list[BoxView] = field(default_factory=list)  # in page order, nested after outer
    code: list[str] = field(default_factory=list)  # lines, whichever blocks or cells
    captions: list[list[str]] = field(default_factory=list)

    def on_paper(self) -> View:
        boxes = [BoxView(b.title, "collapsed" if b.state == "collapsed" else "shown", b.body)
                 for b in self.boxes]  # fmt: skip
        return View(self.prose, boxes, self.code, self.captions)


class HtmlTree(HTMLParser):
    """HTML as an ElementTree, closing what HTML leaves open."""

    VOID = {"br", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = ElementTree.Element("root")
        self.open = [self.root]
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = ElementTree.SubElement(self.open[-1], tag, {k: v or "" for k, v in attrs})
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        parent = self.open[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data


def text_of(element) -> str:
    return "".join(element.itertext()) if element is not None else ""


def read_html(root, view: View, classify, body: list[str], skip=None) -> None:
    """Fill ``view`` from ``root``'s children; ``classify(element)`` says which are boxes
    ("box", title element, state), code ("code",), figures ("figure", caption element)
    or the exercise's link to the notebook ("link",); ``body`` takes the words of the
    rest."""
    body += words(root.text)
    for element in root:
        if element is not skip:
            what = classify(element)
            if what is None:
                read_html(element, view, classify, body)
            elif what[0] == "box":
                box = BoxView(words(text_of(what[1])), what[2])
                view.boxes.append(box)
                read_html(element, view, classify, box.body, skip=what[1])
            elif what[0] == "code":
                view.code += text_of(element).strip("\n").splitlines()
            elif what[0] == "figure":
                view.captions.append(words(text_of(what[1])))
            elif what[0] == "link":
                body.append(NOTEBOOK_LINK)
        body += words(element.tail)


def site_view(page: str, site_root: Path) -> View:
    """The page as MkDocs makes it: Python-Markdown with MkDocs' own extensions and the
    list mkdocs.yml gives, its files here (the toy site's results, package, figures)."""
    config = yaml.safe_load(MKDOCS_YML.read_text())
    names, settings = list(MkDocsConfig.markdown_extensions.builtins), {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        settings[name] = dict(options or {})
    settings["scratchnet.docsite.run_numbers"]["sources"] = {
        "metrics": str(site_root / "results.json")
    }
    settings["pymdownx.snippets"]["base_path"] = [str(site_root / "src" / "pkg")]
    settings["scratchnet.docsite.figure_links"]["figures_dir"] = str(site_root / "docs" / "figs")
    html = markdown.markdown(
        page, extensions=list(dict.fromkeys(names)), extension_configs=settings
    )

    def classify(element):
        classes = element.get("class", "").split()
        if element.tag == "div" and "admonition" in classes:
            return "box", element.find("p[@class='admonition-title']"), "box"
        if element.tag == "details":
            state = "collapsed" if element.get("open") is None else "open"
            return "box", element.find("summary"), state
        if element.tag == "pre":
            return ("code",)
        if element.tag == "figure":
            return "figure", element.find(".//figcaption")
        if element.find("a[@class='exercise-notebook']") is not None:
            return ("link",)
        return None

    view = View()
    read_html(HtmlTree(html).root, view, classify, view.prose)
    return view


def notebook_view(config: Path, recipe: Path) -> View:
    """The page's cells in the part's notebook, their Markdown rendered as Jupyter does
    (CommonMark); the exercise's own cells and the checker left out."""

    def classify(element):
        first = element[0] if len(element) else None
        if element.tag == "blockquote" and first is not None and first.tag == "p" and len(first):
            if first[0].tag == "strong" and not (first.text or "").strip():
                return "box", first, "box"
            if first[0].tag == "em" and text_of(first[0]) == "Figure on the website:":
                first[0].text = ""  # its tail, the caption, stays
                return "figure", first
        if element.tag == "details":
            state = "collapsed" if element.get("open") is None else "open"
            return "box", element.find("summary"), state
        if element.tag == "pre":
            return ("code",)
        if element.tag == "p" and text_of(element).startswith("Write it in the cell below"):
            return ("link",)  # what the notebook says instead of linking itself
        return None

    view = View()
    for cell in part_notebook(config, "part").cells:
        if cell.metadata.get("tags") or cell.source == CHECKER_TEXT:
            continue
        if cell.cell_type == "code":
            view.code += cell.source.splitlines()[1:]  # after "# src/scratchnet/..."
            continue
        root = HtmlTree(pypandoc.convert_text(cell.source, "html", format="commonmark")).root
        if cell.source.startswith("**Your turn:"):  # the box is the cell
            box = BoxView(words(text_of(root[0])), "box")
            view.boxes.append(box)
            read_html(root, view, classify, box.body, skip=root[0])
        else:
            read_html(root, view, classify, view.prose)
    return view


ADMONITION_CALL = re.compile(
    r'^#admonition\(kind: "(?P<kind>[^"]*)", title: (?:none|\[(?P<title>.*)\]), '
    r"collapsed: (?P<collapsed>true|false)\)\[$"
)
CAPTION = re.compile(r"caption: \[(?P<caption>.*)\]\)$")


def pdf_view(config: Path) -> View:
    """The page as the PDF's Typst has it: pandoc Markdown through the Lua filter."""
    part = read_part(config, "part")
    typst = to_typst(
        part_markdown(part, yaml.safe_load(config.read_text()), config), "", part.pages_dir
    )
    view = View()
    bodies = [view.prose]
    lines = iter(typst.splitlines())
    for line in lines:
        if box := ADMONITION_CALL.match(line):
            title = box["title"] if box["title"] is not None else box["kind"].capitalize()
            state = "collapsed" if box["collapsed"] == "true" else "shown"
            view.boxes.append(BoxView(words(title), state))
            bodies.append(view.boxes[-1].body)
        elif line.startswith("#codefile("):
            bodies.append(bodies[-1])  # its "]" closes it
        elif line == "]":
            bodies.pop()
        elif line.startswith("```"):
            view.code += list(iter(lambda: next(lines), "```"))
        elif line.startswith("#figure("):
            view.captions.append(words(CAPTION.search(line)["caption"]))
        elif line.startswith("Write it in"):  # the exercise's notebook link, to its end
            bodies[-1].append(NOTEBOOK_LINK)
            for rest in lines:
                if not rest:
                    break
        else:
            bodies[-1] += words(line)
    return view


@pytest.fixture
def readers(toy_site):
    """``read(page) -> (site, notebook, pdf)``: the views of the three readers."""

    def read(page: str) -> tuple[View, View, View]:
        config, recipe = toy_site(page, RECIPE)
        root = config.parent
        package = root / "src" / "pkg"
        (package / "net.py").write_text(NET)
        (package / "exercises").mkdir(exist_ok=True)
        (package / "exercises" / "__init__.py").write_text("")
        (package / "exercises" / "part.py").write_text(CHECKER)
        (root / "docs" / "figs").mkdir(exist_ok=True)
        for figure in ("grid.png", "anim-strip.png"):  # the filter requires the files
            (root / "docs" / "figs" / figure).write_bytes(b"")
        return site_view(page, root), notebook_view(config, recipe), pdf_view(config)

    return read


@pytest.mark.parametrize("construct", CONSTRUCTS)
def test_each_construct_reads_the_same_on_the_site_in_the_notebook_and_on_paper(readers, construct):
    page, boxes = CONSTRUCTS[construct]
    site, notebook, pdf = readers(page)
    assert [(" ".join(b.title), b.state) for b in site.boxes] == [
        (" ".join(words(title)), state) for title, state in boxes
    ]
    assert site.prose or site.boxes or site.code or site.captions
    if construct.startswith("text for one kind of run"):  # the run is on the tutorial's data
        shown = site.prose + [word for box in site.boxes for word in box.body]
        assert "tutorial" in shown and not {"Your", "your"} & set(shown)
    assert notebook == site
    paper = site.on_paper()
    if construct == "video figure":  # on paper, a strip of frames says what it is
        assert pdf.captions == [words("A few frames of the animation on the website (`p/`), "
                                      "drawn from the same snapshots.")]  # fmt: skip
        paper.captions = pdf.captions
    assert pdf == paper
