"""Math typeset as MathML: inline and display, an unknown command or broken TeX named
with the page, dollars left in the HTML caught; as a function and as the extension."""

import pytest

from scratchnet.docsite.mathml import MathError, typeset_math


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
