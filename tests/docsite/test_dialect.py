"""The pages' dialect read into its constructs: fences (and the sections they include),
boxes of each kind and their nesting, exercise boxes, figures, and the prose between;
nothing lost in the reading, and what the site would read differently named with the
page and line."""

from __future__ import annotations

import pytest

from scratchnet.docsite.dialect import (
    Box,
    DialectError,
    Exercise,
    Fence,
    Figure,
    Prose,
    Snippet,
    read_page,
    walk,
)

PAGE = """# Title

Intro, with `!!! code` in a span.

```python
--8<-- "lines/network.py:softmax"
--8<-- "lines/network.py:forward"
```

!!! tip "Softmax without overflow"
    Subtract the largest logit.

    ???+ note
        Open on the site.

??? question "Why?"
    Because.

!!! exercise "Your turn: `softmax(z)`"
    Write it.

    ??? tip "Hint 1: the equation"
        Exponentiate.

<figure markdown="span">
  ![A grid](figs/grid.png){ width="700" .pixelated }
  <figcaption markdown="span">The grid,
  on two lines.</figcaption>
</figure>

```sh
!!! not a box
```
"""


def kinds(blocks) -> list[str]:
    return [type(block).__name__ for block in blocks]


def test_reading_a_page_loses_nothing_and_finds_each_construct_in_order():
    blocks = read_page(PAGE, "p.md")
    assert "".join(block.text for block in blocks) == PAGE
    assert kinds(blocks) == [
        "Prose", "Fence", "Prose", "Box", "Box", "Exercise", "Figure", "Prose", "Fence"
    ]  # fmt: skip
    assert [block.line for block in blocks] == [1, 5, 9, 10, 16, 19, 25, 30, 31]


def test_a_fence_knows_its_language_and_the_sections_it_includes():
    blocks = read_page(PAGE, "p.md")
    code, shell = blocks[1], blocks[-1]
    assert isinstance(code, Fence) and code.language == "python" and code.fence == "```"
    assert code.snippets == (
        Snippet("lines/network.py", "softmax", '--8<-- "lines/network.py:softmax"'),
        Snippet("lines/network.py", "forward", '--8<-- "lines/network.py:forward"'),
    )
    assert shell.language == "sh" and shell.snippets is None  # "!!!" in a fence is code
    whole = read_page('````text\n--8<-- "a.txt"\n````\n', "p.md")[0]
    assert whole.fence == "````" and whole.snippets == (Snippet("a.txt", None, '--8<-- "a.txt"'),)
    mixed = read_page('```python\n--8<-- "a.py:x"\nprint(1)\n```\n', "p.md")[0]
    assert mixed.snippets is None


def test_boxes_know_their_kind_title_state_and_body_and_nest():
    tip, question = read_page(PAGE, "p.md")[3:5]
    assert (tip.kind, tip.title, tip.collapsible, tip.collapsed) == (
        "tip", "Softmax without overflow", False, False
    )  # fmt: skip
    prose, inner = tip.body
    assert prose == Prose("Subtract the largest logit.\n\n", 11)
    assert isinstance(inner, Box) and inner.marker == "???+" and inner.title is None
    assert inner.heading == "Note" and inner.collapsible and not inner.collapsed
    assert inner.body == (Prose("Open on the site.\n", 14),)
    assert question.collapsed and question.heading == "Why?"
    # The blank lines after a body are the box's; its body ends at its last line.
    assert tip.text.endswith("Open on the site.\n\n") and question.body[0].text == "Because.\n"
    assert [block.line for block in walk([tip])] == [10, 11, 13, 14]


def test_an_exercise_box_names_its_function_and_holds_its_hints():
    exercise = read_page(PAGE, "p.md")[5]
    assert isinstance(exercise, Exercise) and isinstance(exercise, Box)
    assert (exercise.name, exercise.arguments) == ("softmax", "z")
    assert exercise.heading == "Your turn: `softmax(z)`"
    assert kinds(exercise.body) == ["Prose", "Box"]
    assert exercise.body[1].title == "Hint 1: the equation" and exercise.body[1].collapsed


def test_a_figure_holds_its_image_or_video_and_caption():
    figure = read_page(PAGE, "p.md")[6]
    assert isinstance(figure, Figure) and not figure.video
    assert figure.image == '![A grid](figs/grid.png){ width="700" .pixelated }'
    assert figure.alt == "A grid" and figure.caption == "The grid,\n  on two lines."
    assert figure.text.endswith("</figure>\n")
    video = read_page(
        '<figure markdown="1">\n  <video controls>\n  <source src="a.mp4">\n'
        "  [The animation as a GIF](figs/a.gif)\n  </video>\n</figure>\n",
        "p.md",
    )[0]
    assert video.video and video.gif == "figs/a.gif" and video.image is None
    assert video.caption is None


def test_a_box_ends_at_the_first_line_not_indented():
    blocks = read_page("!!! note\n    Inside.\nOutside.\n", "p.md")
    assert kinds(blocks) == ["Box", "Prose"] and blocks[1].text == "Outside.\n"
    assert read_page("!!! note\n", "p.md")[0].body == ()  # a box may be empty


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Text.\n\n```python\nx = 1\n", "p.md:3: a code block opened with ``` is never closed"),
        ("<figure>\n  ![a](b.png)\n", "p.md:1: a <figure> that is never closed with </figure>"),
        ('!!! exercise "Write softmax"\n    Text.\n', "p.md:1: an exercise box is !!! exercise"),
        ('??? exercise "Your turn: `f(x)`"\n    Text.\n', "p.md:1: an exercise box is"),
        (
            '!!! note\n    Text.\n\n    !!! exercise "Your turn: `f(x)`"\n        Text.\n',
            "p.md:4: an exercise box inside another box",
        ),
    ],
)
def test_what_the_site_would_read_differently_names_the_page_and_line(text, expected):
    with pytest.raises(DialectError) as error:
        read_page(text, "p.md")
    assert str(error.value).startswith(expected)
