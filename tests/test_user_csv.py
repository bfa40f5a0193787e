"""The sentences both parts' CSV checks share (scratchnet.user_csv): the same mistake in
part one's images and part three's points reads the same, and a number is what a CSV
file writes, in both."""

from __future__ import annotations

import pytest

from scratchnet import user_csv
from scratchnet.lines.datasets import HEADER as LINES_HEADER
from scratchnet.lines.datasets import DatasetError, read_csv
from scratchnet.plane.csv_points import HEADER as PLANE_HEADER
from scratchnet.plane.csv_points import PointsError, read_points

PARTS = {
    "lines": (read_csv, DatasetError, LINES_HEADER, "1,1,1,0,0,0,0,0,0,0"),
    "plane": (read_points, PointsError, PLANE_HEADER, "0.5,1,0"),
}


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize(
    "text, sentence",
    [
        (None, "{file}: no such file"),
        ("", "{file}: the file is empty; expected a header row {header}"),
        ("a,b\n", "{file}, row 1: header is 'a,b'; expected '{header}'"),
        ("{header}\n", "{file}: header only, no "),
        ("{header}\n{good}\n1,2\n", "{file}, row 3: 2 values; expected {columns}"),
        ("{header}\n{good}\n1_0{rest}\n", "{file}, row 3, column {first}: '1_0' is not a number"),
    ],
    ids=["missing", "empty", "header", "header-only", "short-row", "not-a-number"],
)
def test_both_parts_say_a_shared_mistake_in_the_same_words(tmp_path, part, text, sentence):
    read, error, header, good = PARTS[part]
    path = tmp_path / "mine.csv"
    fields = dict(
        file=path,
        header=",".join(header),
        good=good,
        columns=len(header),
        first=header[0],
        rest=good[good.index(",") :],
    )
    if text is not None:
        path.write_text(text.format(**fields))
    with pytest.raises(error) as caught:
        read(path)
    assert str(caught.value).startswith(sentence.format(**fields))


@pytest.mark.parametrize(
    "cell", ["3", "-0.5", ".5", "7.", "+2", "2.5e3", "1E-2", " 4 ", "nan", "-inf"]
)
def test_numbers_as_csv_files_write_them(cell):
    assert user_csv.NUMBER.fullmatch(cell.strip())


@pytest.mark.parametrize("cell", ["", "1_000", "0x10", "1,5", "e3", "1e", "--1", "one", "1 2"])
def test_what_is_not_a_number(cell):
    assert not user_csv.NUMBER.fullmatch(cell.strip())
