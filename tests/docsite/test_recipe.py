"""The recipe format: each directive read for what it says, the opening and the text
after each page kept whole, and a bad directive named with the recipe's file and line."""

from pathlib import Path

import pytest

from scratchnet.docsite.recipe import (
    DIRECTIVES,
    DataFile,
    RecipeError,
    parse_recipe,
    recipe_data_files,
)

PAGES = ["data.md", "network.md", "training.md"]
FILE = Path("docs/notebooks/part.md")


def parse(text: str, code_root: Path | None = None):
    return parse_recipe(text, FILE, PAGES, code_root)


def test_the_format_has_exactly_the_directives_tested_here():
    assert set(DIRECTIVES) == {"code", "without", "after", "data"}


def test_text_before_any_after_opens_the_notebook():
    recipe = parse("<!-- notes for the\n     recipe's reader -->\n# Title\n\nIntro.\n")
    assert recipe.opening == "<!-- notes for the\n     recipe's reader -->\n# Title\n\nIntro.\n"
    assert recipe.after == {} and recipe.modules == [] and recipe.without == []


def test_code_lists_the_modules_names_are_found_in_in_order(toy_package):
    recipe = parse(
        "<!-- code: sub/b.py helpers.py -->\n# T\n<!-- code: sub/__init__.py -->\n", toy_package
    )
    assert recipe.modules == ["sub/b.py", "helpers.py", "sub/__init__.py"]
    assert recipe.opening == "\n# T\n"  # the directives taken out


def test_code_naming_a_module_the_package_lacks_names_the_file_and_line(toy_package):
    with pytest.raises(RecipeError) as error:
        parse("# T\n\n<!-- code: helpers.py nope.py -->\n", toy_package)
    assert str(error.value).startswith(f"{FILE}:3: <!-- code: helpers.py nope.py --> names nope.py")


def test_without_lists_the_names_never_included():
    recipe = parse("<!-- without: load_mnist read_idx -->\n<!-- without: other -->\n# T\n")
    assert recipe.without == ["load_mnist", "read_idx", "other"]


def test_after_puts_the_text_that_follows_after_that_page():
    recipe = parse(
        "# T\n<!-- after: data.md -->\nOn data.\n<!-- code: a.py -->\nStill data.\n"
        "<!-- after: training.md -->\n```python\ntrain()\n```\n"
    )
    assert recipe.opening == "# T\n"
    assert recipe.after == {
        "data.md": "\nOn data.\n\nStill data.\n",
        "training.md": "\n```python\ntrain()\n```\n",
    }
    assert recipe.modules == ["a.py"]  # a directive anywhere applies to the whole recipe


def test_data_stays_where_it_stands_and_lists_the_file_with_its_line():
    recipe = parse(
        "# T\n<!-- after: data.md -->\nThe rows:\n\n<!-- data: rows = results/train.csv -->\n\n"
        "```python\nprint(rows)\n```\n<!-- data: more = b.csv -->\n"
    )
    assert recipe.data == [DataFile("rows", "results/train.csv", 5), DataFile("more", "b.csv", 10)]
    assert recipe.after["data.md"] == (
        "\nThe rows:\n\n<!-- data: rows = results/train.csv -->\n```python\nprint(rows)\n```\n"
        "<!-- data: more = b.csv -->\n"
    )
    assert recipe.data_file("more", "b.csv").line == 10


@pytest.mark.parametrize(
    "value",
    ["rows=a.csv", "rows = ", "2rows = a.csv", "rows = /abs/a.csv", "rows = a b.csv", "a.csv"],
)
def test_a_malformed_data_directive_names_the_file_the_line_and_the_form(value, tmp_path):
    text = f"# T\n\n<!-- data: {value} -->\n"
    with pytest.raises(RecipeError) as error:
        parse(text)
    assert str(error.value) == (
        f"{FILE}:3: malformed directive <!-- data: {value} -->; expected "
        "<!-- data: name = path/of/file.csv --> (a relative path, no spaces)"
    )
    recipe_file = tmp_path / "part.md"  # the workflow's reading says the same
    recipe_file.write_text(text)
    with pytest.raises(RecipeError, match=rf"^{recipe_file}:3: malformed directive"):
        recipe_data_files(recipe_file)


def test_the_workflow_reads_the_data_files_of_every_branch_once_in_order(tmp_path):
    recipe_file = tmp_path / "part.md"
    recipe_file.write_text(
        "# T\n<!-- code: a.py -->\n{{ if metrics.data.training.tutorial }}\n```python\nx = 1\n```\n"
        "{{ else }}\n<!-- data: x = results/data/train.csv -->\n{{ end }}\n"
        "<!-- after: data.md -->\n<!-- data: v = results/data/valid.csv -->\n"
        "<!-- data: again = results/data/train.csv -->\n"
    )
    assert recipe_data_files(recipe_file) == ["results/data/train.csv", "results/data/valid.csv"]
    recipe_file.write_text("# T\n<!-- Data: x = a.csv -->\n")
    with pytest.raises(RecipeError, match=rf"^{recipe_file}:2: unknown directive"):
        recipe_data_files(recipe_file)


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("# T\n<!-- after: nope.md -->\n", 2, "<!-- after: nope.md --> names no page of this"),
        (
            "# T\n<!-- after: training.md -->\n\n<!-- after: data.md -->\n",
            4,
            "data.md comes before training.md in the nav",
        ),
        ("<!-- after: data.md -->\n<!-- after: data.md -->\n", 2, "data.md comes before data"),
    ],
)
def test_after_a_page_not_of_the_part_or_out_of_order_names_the_file_and_line(text, line, message):
    with pytest.raises(RecipeError) as error:
        parse(text)
    assert str(error.value).startswith(f"{FILE}:{line}: {message}")


@pytest.mark.parametrize(
    "directive, what",
    [
        ("<!-- codes: a.py -->", "unknown"),
        ("<!-- After: data.md -->", "unknown"),
        ("<!--after: data.md-->", "malformed"),
        ("<!-- after:  -->", "malformed"),
    ],
)
def test_a_bad_directive_names_the_file_the_line_and_the_directives_there_are(directive, what):
    with pytest.raises(RecipeError) as error:
        parse(f"# T\n\nSome text.\n{directive}\nMore.\n")
    message = str(error.value)
    assert message.startswith(f"{FILE}:4: {what} directive {directive}; ")
    for key in DIRECTIVES:
        assert f"<!-- {key}: ... -->" in message
