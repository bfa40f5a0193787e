"""A page's "Your turn" box as notebook cells: the box's text with its hints as
``<details>`` blocks (which Jupyter and Colab show collapsed), a code cell holding the
function's signature and docstring for the reader to complete, and a cell calling
``check`` on it.

On a page, a box is an admonition of kind ``exercise`` whose title names the function;
its hints are collapsed blocks (``pymdownx.details``), and its last paragraph links the
notebook, which in the notebook becomes a sentence about the cells below:

    !!! exercise "Your turn: `softmax(z)`"
        What to write, with the shapes.

        ??? tip "Hint 1: the equation"
            ...

        Write it in <a class="exercise-notebook" href="...">this part's notebook</a>, ...

The function's cell carries the tag ``exercise`` and ``{"exercise": name}`` in its
metadata, as the check's cell carries ``check``: tools and tests find and fill them.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

EXERCISE = re.compile(
    r'^!!! exercise "Your turn: `(?P<name>\w+)\((?P<arguments>[^`]*)\)`"\n'
    r"(?P<body>(?:    .*\n|[ \t]*\n)*)",
    re.M,
)
HINT = re.compile(r'^\?\?\? \w+ "(?P<title>[^"]*)"\n(?P<body>(?:    .*\n|[ \t]*\n)*)', re.M)
NOTEBOOK_LINK = re.compile(r'(?:^|\n\n)[^\n]*class="exercise-notebook".*?(?=\n\n|\Z)', re.S)
EXERCISE_TAG, CHECK_TAG = "exercise", "check"
STUB_BODY = "    # Your code here.\n    raise NotImplementedError"


def split_exercises(markdown: str) -> Iterator[tuple[str, str | re.Match]]:
    """``("markdown", text)`` and ``("exercise", box)`` pieces of a page's prose, in
    order; ``box["name"]`` is the function's name."""
    position = 0
    for box in EXERCISE.finditer(markdown + "\n"):
        before = markdown[position : box.start()].strip()
        if before:
            yield "markdown", before
        yield "exercise", box
        position = box.end()
    rest = markdown[position:].strip()
    if rest:
        yield "markdown", rest


def exercise_markdown(box: re.Match) -> str:
    """The box's text for Jupyter: its title in bold, its hints collapsed, and the link
    to the notebook turned into what to do with the cells below."""
    body = "\n".join(line[4:] for line in box["body"].rstrip().splitlines())

    def hint(match: re.Match) -> str:
        text = "\n".join(line[4:] for line in match["body"].rstrip().splitlines())
        return f"<details>\n<summary>{match['title']}</summary>\n\n{text}\n\n</details>\n\n"

    body = HINT.sub(hint, body + "\n").strip()
    instead = (
        f"Write it in the cell below, then run the cell after it: `check({box['name']})` "
        "tries it on small cases and names the mistake if there is one."
    )
    body = NOTEBOOK_LINK.sub(lambda m: "\n\n" + instead, body).strip()
    return f"**Your turn: `{box['name']}({box['arguments']})`**\n\n{body}"


def stub(lines: list[str], node: ast.FunctionDef) -> str:
    """The function of ``node`` (in a module of ``lines``) as the exercise's cell: its
    signature and docstring as written, and a body that says it is not written yet."""
    docstring = node.body[0]
    if not (isinstance(docstring, ast.Expr) and isinstance(docstring.value, ast.Constant)):
        raise ValueError(f"{node.name} has no docstring to give the reader its shapes")
    return "\n".join(lines[node.lineno - 1 : docstring.end_lineno]) + "\n" + STUB_BODY
