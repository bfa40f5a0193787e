"""A page's "Your turn" box as notebook cells: the box's text with its hints as
``<details>`` blocks (which Jupyter and Colab show collapsed), a code cell holding the
function's signature and docstring for the reader to complete, and a cell calling
``check`` on it.

On a page, a box is an admonition of kind ``exercise`` whose title names the function
(``dialect.Exercise``); its hints are collapsed blocks (``pymdownx.details``), and its
last paragraph links the notebook, which in the notebook becomes a sentence about the
cells below:

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

from scratchnet.docsite.dialect import Exercise
from scratchnet.docsite.jupyter_text import box_body

NOTEBOOK_LINK = re.compile(r'(?:^|\n\n)[^\n]*class="exercise-notebook".*?(?=\n\n|\Z)', re.S)
EXERCISE_TAG, CHECK_TAG = "exercise", "check"
STUB_BODY = "    # Your code here.\n    raise NotImplementedError"


def exercise_markdown(box: Exercise) -> str:
    """The box's text for Jupyter: its title in bold, its hints collapsed (as every
    collapsed block, ``jupyter_text``), and the link to the notebook turned into what to
    do with the cells below."""
    instead = (
        f"Write it in the cell below, then run the cell after it: `check({box.name})` "
        "tries it on small cases and names the mistake if there is one."
    )
    body = NOTEBOOK_LINK.sub(lambda m: "\n\n" + instead, box_body(box)).strip()
    return f"**Your turn: `{box.name}({box.arguments})`**\n\n{body}"


def stub(lines: list[str], node: ast.FunctionDef) -> str:
    """The function of ``node`` (in a module of ``lines``) as the exercise's cell: its
    signature and docstring as written, and a body that says it is not written yet."""
    docstring = node.body[0]
    if not (isinstance(docstring, ast.Expr) and isinstance(docstring.value, ast.Constant)):
        raise ValueError(f"{node.name} has no docstring to give the reader its shapes")
    return "\n".join(lines[node.lineno - 1 : docstring.end_lineno]) + "\n" + STUB_BODY
