"""The tutorial's datasets: contents, order, CSV layout and the checks on reading."""

import numpy as np
import pytest

from scratchnet.lines.datasets import (
    HEADER,
    DatasetError,
    from_rows,
    noisy_copy,
    one_dim_pixel_set,
    read_csv,
    training_set,
    write_csv,
)


def test_training_set_order_and_contents():
    train = training_set()
    assert train.images.shape == (24, 3, 3)
    np.testing.assert_array_equal(train.labels, [0] * 12 + [1] * 12)
    for column in range(3):  # the pure vertical lines come first
        expected = np.zeros((3, 3))
        expected[:, column] = 1
        np.testing.assert_array_equal(train.images[column], expected)
    # Column 1's second dimmed variant (image 7, 1-based 8): [0.8, 0.9, 0.7] top to bottom.
    np.testing.assert_array_equal(train.images[7][:, 1], [0.8, 0.9, 0.7])
    assert train.images[7].sum() == pytest.approx(2.4)
    # Horizontal variants: row 2 [0.8, 0.95, 0.9] is the sixth variant (index 12 + 3 + 5).
    np.testing.assert_array_equal(train.images[20][2], [0.8, 0.95, 0.9])
    np.testing.assert_array_equal(train.images[23][2], [0.85, 0.9, 0.8])


def test_x0_is_column_major_per_image():
    train = training_set()
    x0 = train.x0()
    assert x0.shape == (9, 24)
    # Image 3 is column 0 with [1, 0.9, 1]: pixels 1_1, 1_2, 1_3 come first.
    np.testing.assert_array_equal(x0[:, 3], [1, 0.9, 1, 0, 0, 0, 0, 0, 0])
    # A horizontal line in row 0 lights pixels 1_1, 2_1, 3_1.
    np.testing.assert_array_equal(np.flatnonzero(x0[:, 12]), [0, 3, 6])


def test_validation_set_1_has_one_dim_pixel_per_line():
    valid = one_dim_pixel_set(0.4)
    assert valid.images.shape == (18, 3, 3)
    np.testing.assert_array_equal(valid.labels, [0] * 9 + [1] * 9)
    for image in valid.images:
        assert np.count_nonzero(image == 0.4) == 1
        assert np.count_nonzero(image == 1.0) == 2
    assert len({img.tobytes() for img in valid.images}) == 18


def test_validation_set_2_is_seeded_clipped_noise():
    train = training_set()
    a, b, c = noisy_copy(train, 0.2, 7), noisy_copy(train, 0.2, 7), noisy_copy(train, 0.2, 8)
    np.testing.assert_array_equal(a.images, b.images)
    assert not np.array_equal(a.images, c.images)
    assert a.images.min() >= 0 and a.images.max() <= 1
    np.testing.assert_array_equal(a.labels, train.labels)
    assert 0.1 < np.std(a.images - train.images) < 0.2  # clipping shrinks the spread


def test_csv_round_trip_is_exact(tmp_path):
    noisy = noisy_copy(training_set(), 0.2, 7)
    path = tmp_path / "valid-2.csv"
    write_csv(noisy, path)
    assert path.read_text().splitlines()[0] == ",".join(HEADER)
    back = read_csv(path)
    np.testing.assert_array_equal(back.images, noisy.images)
    np.testing.assert_array_equal(back.labels, noisy.labels)


def test_from_rows_reads_a_csvs_rows_as_numbers(tmp_path):
    """A notebook holds a reader's CSV as its rows: they give the very dataset read_csv
    reads from the file."""
    noisy = noisy_copy(training_set(), 0.2, 7)
    path = tmp_path / "valid-2.csv"
    write_csv(noisy, path)
    rows = np.loadtxt(path, delimiter=",", skiprows=1)
    dataset = from_rows(rows)
    np.testing.assert_array_equal(dataset.images, noisy.images)
    np.testing.assert_array_equal(dataset.labels, noisy.labels)
    assert dataset.labels.dtype == read_csv(path).labels.dtype
    np.testing.assert_array_equal(dataset.x0(), noisy.x0())


def _write(tmp_path, text):
    path = tmp_path / "user.csv"
    path.write_text(text)
    return path


GOOD_ROW = "1,1,1,0,0,0,0,0,0,0"


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "empty"),
        ("a,b\n" + GOOD_ROW, "row 1: header"),
        (",".join(HEADER) + "\n", "no images"),
        (",".join(HEADER) + "\n" + GOOD_ROW + "\n1,1,1,0,0,0,0,0,0", "row 3: 9 values"),
        (",".join(HEADER) + "\n1,1,1.5,0,0,0,0,0,0,0", "row 2, column 1_3: 1.5 is outside"),
        (",".join(HEADER) + "\n1,nan,1,0,0,0,0,0,0,0", "row 2, column 1_2: nan is outside"),
        (",".join(HEADER) + "\n1,x,1,0,0,0,0,0,0,0", "column 1_2: 'x' is not a number"),
        (",".join(HEADER) + "\n1,1,1,0,0,0,0,0,0,2", "row 2, column class: '2' is not 0 or 1"),
    ],
)
def test_read_csv_rejects_bad_files_naming_file_and_row(tmp_path, text, message):
    path = _write(tmp_path, text)
    with pytest.raises(DatasetError, match=message) as caught:
        read_csv(path)
    assert str(path) in str(caught.value)


def test_read_csv_missing_file(tmp_path):
    with pytest.raises(DatasetError, match="no such file"):
        read_csv(tmp_path / "absent.csv")
