"""The page text pipeline of the site and the notebooks: numbers quoted from the results,
math typeset as MathML, the package's code as notebook cells, pages made fit for Jupyter."""

import pytest

from scratchnet.docsite.mathml import MathError, typeset_math
from scratchnet.docsite.run_numbers import QuoteError, fill_numbers

SOURCES = {
    "metrics": {"final_loss": 1.180332, "first": None, "accuracy": {"valid_1": 0.9444}},
    "config": {"lr": 0.01, "hidden": 6},
}


def test_numbers_are_filled_with_their_format_spec():
    text = (
        "loss {{ metrics.final_loss:.3f }}, {{metrics.accuracy.valid_1:.0%}}, h={{ config.hidden }}"
    )
    assert fill_numbers(text, SOURCES, "p.md") == "loss 1.180, 94%, h=6"


def test_a_missing_value_reads_n_a():
    assert fill_numbers("at {{ metrics.first }}", SOURCES, "p.md") == "at n/a"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("{{ metrics.final_los }}", ["p.md", "no value 'final_los'", "final_loss"]),
        ("{{ metrics.accuracy.valid_3 }}", ["no value 'valid_3'", "valid_1"]),
        ("{{ results.lr }}", ["source 'results'", "config, metrics"]),
        ("{{ config.lr:d }}", ["cannot format 0.01 with 'd'"]),
        ("{{ metrics.accuracy }}", ["not a single value"]),
        ("{{ metrics.final-loss }}", ["'{{ metrics.final-loss }}' is not a quote"]),
        ("{{ metrics }}", ["is not a quote"]),
    ],
)
def test_a_bad_quote_names_the_page_and_what_exists(text, expected):
    with pytest.raises(QuoteError) as error:
        fill_numbers(text, SOURCES, "p.md")
    for fragment in expected:
        assert fragment in str(error.value)


def test_inline_and_display_math_become_mathml():
    page = (
        '<p>If <span class="arithmatex">\\(a &lt; b\\)</span> then</p>\n'
        '<div class="arithmatex">\\[\n\\frac{\\partial L}{\\partial z_2} = A_2 - Y\n\\]</div>'
    )
    html = typeset_math(page, "p.md")
    assert "arithmatex" not in html and "\\(" not in html and "\\[" not in html
    inline, display = html.split("<math")[1:]
    assert 'display="inline"' in inline and "<mo>&#x0003C;</mo>" in inline  # a < b
    assert 'display="block"' in display and "<mfrac>" in display
    assert '<div class="math-display"><math' in html


def test_an_unknown_command_fails_naming_it():
    with pytest.raises(MathError, match=r"p\.md: unknown TeX command \\foo"):
        typeset_math('<span class="arithmatex">\\(\\foo{x}\\)</span>', "p.md")


def test_broken_tex_fails_naming_the_page():
    with pytest.raises(MathError, match=r"p\.md: cannot typeset '\\\\frac\{1\}\{'"):
        typeset_math('<span class="arithmatex">\\(\\frac{1}{\\)</span>', "p.md")


@pytest.mark.parametrize(
    "html",
    [
        "<figcaption>The labels $y$.</figcaption>",
        "<p>$$\nL = -\\sum Y\n$$</p>",
        "<p>so $a_c$ cancels</p>",
    ],
)
def test_dollar_math_left_in_the_html_is_an_error(html):
    with pytest.raises(MathError, match='markdown="span"'):
        typeset_math(html, "p.md")


def test_dollars_in_code_and_prices_are_not_math():
    html = "<pre><code>echo $HOME and $PATH</code></pre><p>costs $5 or $6</p>"
    assert typeset_math(html, "p.md") == html


# --- the same pieces as Python-Markdown extensions, as mkdocs.yml lists them ---


def test_the_run_numbers_extension_fills_a_page_from_its_json_files(tmp_path):
    import json

    import markdown

    results = tmp_path / "metrics.json"
    results.write_text(json.dumps(SOURCES["metrics"]))
    settings = {"scratchnet.docsite.run_numbers": {"sources": {"metrics": str(results)}}}
    html = markdown.markdown(
        "Loss {{ metrics.final_loss:.2f }}.\n\n```\n{{ metrics.first }}\n```",
        extensions=list(settings) + ["fenced_code"],
        extension_configs=settings,
    )
    assert "Loss 1.18." in html and "n/a" in html
    with pytest.raises(QuoteError, match="no value 'final_los'"):
        markdown.markdown(
            "{{ metrics.final_los }}", extensions=list(settings), extension_configs=settings
        )
    missing = {"scratchnet.docsite.run_numbers": {"sources": {"metrics": str(tmp_path / "x.json")}}}
    with pytest.raises(QuoteError, match=r"x\.json: not found; build the pipeline"):
        markdown.markdown("", extensions=list(missing), extension_configs=missing)


def test_the_mathml_extension_typesets_arithmatex_output():
    import markdown

    extensions = ["pymdownx.arithmatex", "scratchnet.docsite.mathml"]
    configs = {"pymdownx.arithmatex": {"generic": True}}
    html = markdown.markdown(
        "If $a < b$:\n\n$$\n\\frac{1}{2}\n$$", extensions=extensions, extension_configs=configs
    )
    assert "arithmatex" not in html and 'display="inline"' in html and "<mfrac>" in html
    with pytest.raises(MathError, match=r"unknown TeX command \\foo"):
        markdown.markdown("$\\foo{x}$", extensions=extensions, extension_configs=configs)


# --- the package's code as notebook cells ---


def fake_package(root):
    """A package of two modules: b's section is a loop inside a function."""
    (root / "sub").mkdir(parents=True)
    (root / "helpers.py").write_text(
        "import math\n\n\n# The scale.\nSCALE = 2\n\n\ndef double(x):\n    return SCALE * x\n\n\n"
        "def unused():\n    return math.pi\n"
    )
    (root / "sub" / "__init__.py").write_text("")
    (root / "sub" / "b.py").write_text(
        "import numpy as np\n\nfrom ..helpers import double\n\n\ndef total(values):\n"
        "    result = 0\n    # --8<-- [start:loop]\n    for v in values:\n"
        "        result += double(v)\n        # --8<-- [end:loop]\n    return np.int64(result)\n"
    )
    return root


def test_a_section_becomes_its_whole_definition_after_what_it_needs(tmp_path):
    from scratchnet.docsite.code import PackageSource

    source = PackageSource(fake_package(tmp_path))
    cells = source.section_cells("sub/b.py", "loop")
    assert [module for module, _ in cells] == ["helpers.py", "sub/b.py"]
    assert cells[0][1] == "# The scale.\nSCALE = 2\n\n\ndef double(x):\n    return SCALE * x"
    assert cells[1][1].startswith("def total(values):") and "--8<--" not in cells[1][1]
    assert source.external_imports == {"import numpy as np"}  # math only for `unused`
    namespace = {}
    exec(
        "\n".join(sorted(source.external_imports)) + "\n" + "\n".join(c for _, c in cells),
        namespace,
    )
    assert namespace["total"]([1, 2]) == 6
    # Defined once: a second use needs nothing new.
    assert source.cells_for_names(["double", "print"], ["helpers.py"]) == []


def test_a_missing_section_or_a_name_clash_is_an_error_naming_it(tmp_path):
    from scratchnet.docsite.code import CodeError, PackageSource

    root = fake_package(tmp_path)
    with pytest.raises(CodeError, match=r"sub/b\.py has no section 'lop'"):
        PackageSource(root).section_cells("sub/b.py", "lop")
    (root / "wrong.py").write_text("from .helpers import triple\n\n\ndef f():\n    triple()\n")
    with pytest.raises(CodeError, match=r"wrong\.py imports triple from helpers\.py, which does"):
        PackageSource(root).cells_for_names(["f"], ["wrong.py"])
    (root / "other.py").write_text("def double(x):\n    return x\n")
    source = PackageSource(root)
    source.cells_for_names(["double"], ["helpers.py"])
    with pytest.raises(CodeError, match=r"'double' \(helpers\.py:8 and other\.py:1\)"):
        source.cells_for_names(["double"], ["other.py"])


def test_a_pages_markdown_is_made_fit_for_jupyter():
    from scratchnet.docsite.notebook import for_jupyter

    page = (
        "# Title\n\nSee [the data](data.md#x) and [numpy](https://numpy.org).\n\n"
        '<figure markdown="span">\n  ![alt](figs/a.png){ width="700" }\n'
        '  <figcaption markdown="span">The $W_1$ <a href="v.mp4">video</a>.</figcaption>\n'
        '</figure>\n\n!!! note "Checked"\n    Twice.\n\n```sh\n# not a heading\n```'
    )
    assert for_jupyter(page) == (
        "## Title\n\nSee the data and [numpy](https://numpy.org).\n\n"
        "> *Figure on the website:* The $W_1$ video.\n\n> **Checked**\n>\n> Twice.\n\n"
        "```sh\n# not a heading\n```"
    )


def small_site(root, page_text):
    """mkdocs.yml with one part of one page, its quoted results, and the fake package."""
    import json

    fake_package(root / "src" / "pkg")
    (root / "docs" / "notebooks").mkdir(parents=True)
    (root / "docs" / "p.md").write_text(page_text)
    (root / "results.json").write_text(json.dumps(SOURCES["metrics"]))
    (root / "mkdocs.yml").write_text(
        "nav:\n  - Part: [{P: p.md}]\nextra:\n  notebooks: {parts: {Part: part}}\n"
        "markdown_extensions:\n"
        f"  - scratchnet.docsite.run_numbers: {{sources: {{metrics: {root / 'results.json'}}}}}\n"
        "  - pymdownx.snippets: {base_path: [src/pkg]}\n"
    )
    recipe = root / "docs" / "notebooks" / "part.md"
    recipe.write_text(
        "# Part\n\n<!-- code: sub/b.py -->\n<!-- after: p.md -->\n"
        "```python\nprint(total([1]))\n```\n"
    )
    return root / "mkdocs.yml", recipe


def test_a_part_notebook_follows_its_page_then_its_recipe(tmp_path):
    from scratchnet.docsite.notebook import part_notebook

    config, recipe = small_site(
        tmp_path,
        "Loss {{ metrics.final_loss:.2f }}.\n\n```python\n"
        '--8<-- "helpers.py:nothing"\n```\n'.replace("nothing", "x"),
    )
    helpers = tmp_path / "src" / "pkg" / "helpers.py"
    helpers.write_text(
        "# --8<-- [start:x]\ndef one():\n    return 1\n# --8<-- [end:x]\n\n\n" + helpers.read_text()
    )
    cells = part_notebook(config, recipe).cells
    sources = [cell.source for cell in cells]
    assert [cell.cell_type for cell in cells] == ["markdown"] * 2 + ["code"] * 5
    assert sources[:3] == ["# Part", "Loss 1.18.", "import numpy as np"]  # imports first
    assert cells[2].id == "imports"
    assert sources[3] == "# src/scratchnet/helpers.py\ndef one():\n    return 1"
    # What the recipe's cell calls, after what that needs, then the cell itself.
    assert sources[4].startswith("# src/scratchnet/helpers.py\n# The scale.\nSCALE = 2")
    assert sources[5].startswith("# src/scratchnet/sub/b.py\ndef total(values):")
    assert sources[6] == "print(total([1]))"


@pytest.mark.parametrize(
    "page, expected",
    [
        ('```python\n--8<-- "sub/b.py:lop"\n```\n', 'p.md: --8<-- "sub/b.py:lop": sub/b.py has no'),
        ("{{ metrics.final_los }}", "p.md: {{ metrics.final_los }}: no value 'final_los'"),
        ("```python\nprint(1)\n```\n", "p.md: a python block that is not only --8<-- lines"),
    ],
)
def test_a_page_the_notebook_cannot_resolve_names_the_page_and_the_piece(tmp_path, page, expected):
    from scratchnet.docsite.notebook import part_notebook

    config, recipe = small_site(tmp_path, page)
    with pytest.raises(ValueError) as error:
        part_notebook(config, recipe)
    assert expected in str(error.value)
