"""A page's MkDocs syntax as pandoc reads it (scratchnet.docsite.pandoc_text): admonitions
and collapsed blocks as divs, figures with the site's caption, animations by their GIF,
code included by the site's own snippets extension with its file, browser pages as a
sentence."""

from __future__ import annotations

import markdown
import pytest

from scratchnet.docsite.pandoc_text import PageError, pandoc_page

PACKAGE = "src/scratchnet"


@pytest.fixture
def include(tmp_path):
    """The site's snippets extension over a one-module package in ``tmp_path``."""
    (tmp_path / "lines").mkdir()
    (tmp_path / "lines" / "network.py").write_text(
        "import numpy as np\n\n\n# --8<-- [start:relu]\ndef relu(z):\n"
        "    return np.maximum(z, 0)\n# --8<-- [end:relu]\n"
    )
    settings = {"base_path": [str(tmp_path)], "check_paths": True}
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": settings}
    )
    return md.preprocessors["snippet"].run


def test_admonitions_become_divs_with_kind_title_and_whether_collapsed(include):
    text = (
        '!!! tip "Softmax without overflow"\n    Subtract the largest logit.\n\n'
        "    A second paragraph.\n\nAfter.\n\n"
        '??? question "Your turn"\n    Write `relu`.\n\n'
        "    ??? hint\n        Use np.maximum.\n\n"
        "???+ note\n    Open on the site.\n"
    )
    out = pandoc_page(text, "forward.md", include, PACKAGE)
    assert '::: {.admonition .tip title="Softmax without overflow"}\n' in out
    assert "Subtract the largest logit.\n\nA second paragraph.\n:::" in out
    assert '::: {.admonition .question title="Your turn" collapsed="true"}\nWrite `relu`.' in out
    # A hint inside the exercise is a div inside the div, its text no longer indented.
    assert '::: {.admonition .hint collapsed="true"}\nUse np.maximum.\n:::' in out
    assert "::: {.admonition .note}\nOpen on the site.\n:::" in out
    assert "\nAfter.\n" in out and "!!!" not in out and "???" not in out


def test_a_figure_keeps_its_image_attributes_and_the_sites_caption(include):
    text = (
        '<figure markdown="span">\n'
        '  ![Alt text](../figs/x.png){ width="700" .pixelated }\n'
        '  <figcaption markdown="span">The caption, with $x_0$\n'
        "  on two lines.</figcaption>\n</figure>\n"
    )
    out = pandoc_page(text, "digits/a.md", include, PACKAGE)
    assert out.startswith('::: figure\n![Alt text](../figs/x.png){ width="700" .pixelated }\n')
    assert "::: caption\nThe caption, with $x_0$\non two lines.\n:::\n:::" in out
    assert "<figure" not in out and "<figcaption" not in out


def test_an_animation_becomes_a_div_naming_its_gif(include):
    text = (
        '<figure markdown="1">\n  <video controls width="1100" markdown="span">\n'
        '  <source src="../figs/train-anim.mp4" type="video/mp4">\n'
        "  [The animation as a GIF](figs/train-anim.gif)\n  </video>\n"
        '  <figcaption markdown="span">Frames.</figcaption>\n</figure>\n'
    )
    out = pandoc_page(text, "training.md", include, PACKAGE)
    assert out.startswith('::: {.animation gif="figs/train-anim.gif"}\n::: caption\nFrames.')
    assert "<video" not in out


def test_included_code_is_the_sections_text_marked_with_its_file(include):
    text = 'Before.\n\n```python\n--8<-- "lines/network.py:relu"\n```\n\nAfter.\n'
    out = pandoc_page(text, "forward.md", include, PACKAGE)
    expected = (
        '```{.python file="src/scratchnet/lines/network.py"}\n'
        "def relu(z):\n    return np.maximum(z, 0)\n```"
    )
    assert expected in out
    assert "--8<--" not in out
    # A fence of other code is left as it is, and "!!!" inside a fence is code, not a box.
    shell = "```bash\n!!! not a box\nsnakemake -j4\n```\n"
    assert pandoc_page(shell, "pipeline.md", include, PACKAGE) == shell


@pytest.mark.parametrize("snippet", ['"lines/network.py:missing"', '"lines/absent.py:relu"'])
def test_a_section_or_file_the_package_lacks_fails_naming_the_page(include, snippet):
    text = f"```python\n--8<-- {snippet}\n```\n"
    with pytest.raises(PageError, match=r"^forward\.md: --8<-- .*(missing|absent)"):
        pandoc_page(text, "forward.md", include, PACKAGE)


def test_a_browser_page_is_its_title_first_paragraph_and_a_div_for_its_address(include):
    text = (
        "# Replay the training\n\nEvery iteration of the run, in your browser.\n\n"
        "- Move the slider.\n\n"
        '<div id="replay" class="explore"><p>Loading…</p></div>\n'
    )
    out = pandoc_page(text, "explore/replay.md", include, PACKAGE)
    assert out == (
        "# Replay the training\n\nEvery iteration of the run, in your browser.\n\n"
        "::: browser\n:::\n"
    )
    with pytest.raises(PageError, match="explore/replay.md: no title"):
        pandoc_page("No title.\n", "explore/replay.md", include, PACKAGE)


def test_code_and_figures_inside_a_box_are_written_as_at_the_top(include):
    text = (
        '??? success "The solution"\n    Here:\n\n'
        '    ```python\n    --8<-- "lines/network.py:relu"\n    ```\n\n'
        '    <figure markdown="span">\n      ![A plot](figs/p.png)\n'
        '      <figcaption markdown="span">A plot.</figcaption>\n    </figure>\n'
    )
    out = pandoc_page(text, "forward.md", include, PACKAGE)
    assert out.startswith(
        '::: {.admonition .success title="The solution" collapsed="true"}\nHere:\n\n'
        '```{.python file="src/scratchnet/lines/network.py"}\ndef relu(z):\n'
    )
    assert "::: figure\n![A plot](figs/p.png)\n\n::: caption\nA plot.\n:::\n:::\n:::" in out
    assert "--8<--" not in out and "<figure" not in out
