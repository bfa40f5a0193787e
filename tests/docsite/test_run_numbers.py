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
