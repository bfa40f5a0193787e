"""Numbers quoted from the pipeline's results: filled with their format spec, and a bad
quote named with the page and what exists; as a function and as the Markdown extension."""

import pytest

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


# Booleans a run writes about itself, as the pipeline's metrics would hold them.
RUN = {"metrics": {"data": {"tutorial": True, "own": False, "n": 3, "none": None}, "loss": 1.5}}


def block(text: str) -> str:
    """Conditions written short: "<T>" is true, "<F>" false, "<else>" and "<end>"."""
    for short, marker in [
        ("<T>", "{{ if metrics.data.tutorial }}"),
        ("<F>", "{{ if metrics.data.own }}"),
        ("<else>", "{{ else }}"),
        ("<end>", "{{ end }}"),
    ]:
        text = text.replace(short, marker)
    return text


@pytest.mark.parametrize(
    "text, expected",
    [
        # Blocks between paragraphs: the paragraphs stay apart by one blank line.
        ("A.\n\n<T>\nB.\n<end>\n\nC.\n", "A.\n\nB.\n\nC.\n"),
        ("A.\n\n<F>\nB.\n<end>\n\nC.\n", "A.\n\nC.\n"),
        ("A.\n\n<F>\nB.\n<else>\nD.\n<end>\n\nC.\n", "A.\n\nD.\n\nC.\n"),
        ("A.\n\n<T>\n\nB.\n\n<else>\n\nD.\n\n<end>\n\nC.\n", "A.\n\nB.\n\nC.\n"),
        ("<F>\nB.\n<end>\n\nC.\n", "C.\n"),
        # Within a paragraph, a list, a box: no blank line where there was none.
        ("A\n<F>\nB\n<end>\nC\n", "A\nC\n"),
        ("- a\n<F>\n- b\n<else>\n- d\n<end>\n- c\n", "- a\n- d\n- c\n"),
        (
            "!!! note\n    A.\n\n    <F>\n    B.\n\n    <end>\n    C.\n",
            "!!! note\n    A.\n\n    C.\n",
        ),
        # Inline, in place.
        ("Uses <T>our data<else>yours<end>.\n", "Uses our data.\n"),
        ("Uses <F>our data<else>yours<end>.\n", "Uses yours.\n"),
        # A branch not taken is never looked up: it may quote what only other runs have.
        ("<T>\nLoss {{ metrics.loss }}.\n<else>\n{{ metrics.x }}\n<end>\n", "Loss 1.5.\n"),
    ],
)
def test_a_conditional_block_keeps_the_branch_its_value_picks_and_vanishes_cleanly(text, expected):
    assert fill_numbers(block(text), RUN, "p.md") == expected


@pytest.mark.parametrize(
    "with_block, without",
    [
        ("- a\n<F>\n- b\n<end>\n- c\n", "- a\n- c\n"),
        ("A\n<F>\nB\n<end>\nC\n", "A\nC\n"),
        ("A\n\n<F>\n\n    code\n\n<end>\n\n    more\n", "A\n\n    more\n"),
        ("    one\n\n<F>\n    two\n<end>\n\n    three\n", "    one\n\n    three\n"),
    ],
)
def test_a_vanished_block_leaves_the_markdown_meaning_what_it_would_without_it(with_block, without):
    import markdown

    filled = fill_numbers(block(with_block), RUN, "p.md")
    assert markdown.markdown(filled) == markdown.markdown(without)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<T>\n<F>\n<end>\n<end>", "p.md: {{ if metrics.data.own }} on line 2 is inside the "
         "{{ if metrics.data.tutorial }} of line 1; conditions do not nest"),
        ("A\n\n<F>\nB\n", "p.md: {{ if metrics.data.own }} on line 3 has no {{ end }}"),
        ("A\n<end>", "p.md: {{ end }} on line 2 has no {{ if ... }} before it"),
        ("<else>\n", "p.md: {{ else }} on line 1 has no {{ if ... }} before it"),
        ("<F>\n<else>\n<else>\n<end>", "p.md: a second {{ else }} on line 3, for the "
         "{{ if metrics.data.own }} of line 1"),
        ("<F>{{ end metrics }}", "p.md: {{ end metrics }} on line 1: expected {{ end }}"),
        ("{{ if metrics.data.n }}\nx\n<end>", "p.md: {{ if metrics.data.n }} on line 1: a "
         "condition is true or false; this one is 3"),
        ("{{ if metrics.data.none }}<end>", "a condition is true or false; this one is None"),
        ("{{ if metrics.data.x }}<end>", "line 1: no value 'x'; the keys there are: n, none, own"),
        ("{{ if results.x }}<end>", "names the source 'results'; expected one of metrics"),
        ("{{ if tutorial }}<end>", "p.md: {{ if tutorial }} on line 1: expected {{ if source.key"),
    ],
)  # fmt: skip
def test_a_malformed_condition_names_the_page_the_line_and_what_was_expected(text, expected):
    with pytest.raises(QuoteError) as error:
        fill_numbers(block(text), RUN, "p.md")
    assert expected in str(error.value)


def test_the_site_and_a_parts_pages_choose_the_same_branch(tmp_path, toy_site):
    """The extension (the site) and Part.page_text (the notebook and the PDF) both fill
    a page with fill_numbers, so they keep the same branch."""
    import json

    import markdown

    from scratchnet.docsite.parts import read_part

    results = tmp_path / "run.json"
    results.write_text(json.dumps(RUN["metrics"]))
    settings = {"scratchnet.docsite.run_numbers": {"sources": {"metrics": str(results)}}}
    page = block("A.\n\n<F>\nYours.\n<else>\nOurs.\n<end>\n")
    html = markdown.markdown(page, extensions=list(settings), extension_configs=settings)
    assert html == "<p>A.</p>\n<p>Ours.</p>"
    config, _ = toy_site(page)
    config.write_text(config.read_text().replace(str(config.parent / "results.json"), str(results)))
    assert read_part(config, "part").page_text("p.md") == "A.\n\nOurs.\n"
