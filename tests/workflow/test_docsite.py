"""The site's build-time pieces: numbers quoted from the results, math typeset as MathML."""

import pytest

from scratchnet.docsite.mathml import MathError, typeset_math
from scratchnet.docsite.quoting import QuoteError, fill_numbers

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
