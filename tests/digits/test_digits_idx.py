"""MNIST's IDX files: what is written reads back, and each kind of broken file or folder is
reported as an IdxError whose message names the file and the problem."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from scratchnet.digits.idx import (
    MNIST_FILES,
    IdxError,
    find_mnist,
    load_mnist,
    read_idx,
    write_idx,
    write_mnist,
)
from scratchnet.user_errors import InputProblem

RNG = np.random.default_rng(0)


def header(code: int, *shape: int) -> bytes:
    """An IDX header: two zero bytes, the type code, the number of dimensions, the sizes."""
    return bytes([0, 0, code, len(shape)]) + np.array(shape, ">u4").tobytes()


def fake_mnist(n: int = 300, m: int = 100, size: int = 28) -> tuple[np.ndarray, ...]:
    """Random images and labels: train images, train labels, test images, test labels."""
    return (
        RNG.integers(0, 256, (n, size, size), dtype=np.uint8),
        RNG.integers(0, 10, n, dtype=np.uint8),
        RNG.integers(0, 256, (m, size, size), dtype=np.uint8),
        RNG.integers(0, 10, m, dtype=np.uint8),
    )


def raises_for(path: Path, problem: str):
    """Expect an IdxError whose message starts with ``path`` and then matches ``problem``."""
    return pytest.raises(IdxError, match=f"^{re.escape(str(path))}: {problem}")


# Round trips


@pytest.mark.parametrize("suffix", ["", ".gz"])
@pytest.mark.parametrize("shape", [(7,), (5, 4, 3)])
def test_an_array_written_reads_back_the_same(tmp_path, suffix, shape):
    array = RNG.integers(0, 256, shape, dtype=np.uint8)
    path = tmp_path / f"array{suffix}"
    write_idx(array, path)
    back = read_idx(path)
    assert back.dtype == np.uint8
    assert back.shape == shape
    np.testing.assert_array_equal(back, array)
    back[0] = 1  # the array is writable, not a view of the file's bytes


def test_a_plain_file_is_a_header_then_the_bytes(tmp_path):
    path = tmp_path / "labels"
    write_idx(np.array([3, 1, 4], dtype=np.uint8), path)
    assert path.read_bytes() == header(0x08, 3) + bytes([3, 1, 4])


def test_a_gz_file_is_compressed_and_its_bytes_are_the_same_on_every_write(tmp_path):
    array = RNG.integers(0, 256, (20, 28, 28), dtype=np.uint8)
    first, second = tmp_path / "a.gz", tmp_path / "b.gz"
    write_idx(array, first)
    write_idx(array, second)
    assert first.read_bytes()[:2] == b"\x1f\x8b"
    assert first.read_bytes() == second.read_bytes()


def test_compression_is_recognised_by_content_not_by_suffix(tmp_path):
    array = RNG.integers(0, 256, (4, 5), dtype=np.uint8)
    write_idx(array, tmp_path / "compressed.gz")
    (tmp_path / "compressed.gz").rename(tmp_path / "compressed")
    write_idx(array, tmp_path / "plain")
    (tmp_path / "plain").rename(tmp_path / "plain.gz")
    np.testing.assert_array_equal(read_idx(tmp_path / "compressed"), array)
    np.testing.assert_array_equal(read_idx(tmp_path / "plain.gz"), array)


def test_other_integer_dtypes_are_written_if_their_values_fit(tmp_path):
    write_idx(np.array([0, 9, 255], dtype=np.int64), tmp_path / "ok")
    np.testing.assert_array_equal(read_idx(tmp_path / "ok"), [0, 9, 255])


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        (np.array([1, 256]), "value 256 at index \\(1,\\)"),
        (np.array([[0, -1]]), "value -1 at index \\(0, 1\\)"),
        (np.array([0.5]), "value 0.5 at index \\(0,\\)"),
        (np.array(7, dtype=np.uint8), "cannot write shape \\(\\)"),
    ],
)
def test_values_that_are_not_unsigned_bytes_are_refused(tmp_path, values, problem):
    path = tmp_path / "refused"
    with pytest.raises(ValueError, match=problem):
        write_idx(values, path)
    assert not path.exists()


# MNIST folders


@pytest.mark.parametrize("gz", [False, True])
def test_a_folder_of_random_digits_loads(tmp_path, gz):
    arrays = fake_mnist()
    paths = write_mnist(tmp_path, *arrays, gz=gz)
    assert all(path.name.endswith(".gz") == gz for path in paths.values())
    mnist = load_mnist(tmp_path)
    assert mnist.train_images.shape == (300, 28, 28)
    assert mnist.test_labels.shape == (100,)
    for loaded, written in zip(mnist, arrays):
        assert loaded.dtype == np.uint8
        np.testing.assert_array_equal(loaded, written)


def test_a_plain_file_is_preferred_to_its_gz(tmp_path):
    plain = fake_mnist(n=3, m=2)
    write_mnist(tmp_path, *plain)
    other = tmp_path / "other"
    write_mnist(other, *fake_mnist(n=5, m=2), gz=True)
    name = MNIST_FILES["train_labels"] + ".gz"
    (other / name).rename(tmp_path / name)
    assert find_mnist(tmp_path)["train_labels"] == tmp_path / MNIST_FILES["train_labels"]
    np.testing.assert_array_equal(load_mnist(tmp_path).train_labels, plain[1])


def test_writing_gz_files_removes_plain_ones_that_would_be_read_instead(tmp_path):
    write_mnist(tmp_path, *fake_mnist(n=3, m=2))
    arrays = fake_mnist(n=4, m=2)
    write_mnist(tmp_path, *arrays, gz=True)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        f"{name}.gz" for name in MNIST_FILES.values()
    )
    np.testing.assert_array_equal(load_mnist(tmp_path).train_images, arrays[0])


# Broken files


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty file \\(0 bytes\\)"),
        (b"\0\0\x08", "header truncated: 3 bytes; expected at least 4"),
        (header(0x08, 2, 3)[:10], "header truncated: 10 bytes; expected at least 12"),
        (b"<!DOCTYPE html>", "magic number 0x3c21444f; expected 0x000008NN .*not an IDX file"),
        (header(0x0D, 2) + bytes(8), "type code 0x0d \\(32-bit floats\\); only 0x08 \\(unsigned"),
        (header(0x08, 2, 3) + bytes(5), "data truncated: 5 bytes .*; expected 6 for shape 2x3"),
        (header(0x08, 2, 3) + bytes(8), "2 trailing bytes: 8 bytes .*; expected 6 for shape 2x3"),
        (bytes([0, 0, 8, 0]), "header gives 0 dimensions; expected at least 1"),
    ],
)
def test_a_broken_file_is_reported(tmp_path, content, problem):
    path = tmp_path / "broken-idx1-ubyte"
    path.write_bytes(content)
    with raises_for(path, problem) as raised:
        read_idx(path)
    assert isinstance(raised.value, InputProblem)


def test_a_wrong_magic_number_says_which_one_was_expected(tmp_path):
    path = tmp_path / "images"
    path.write_bytes(bytes(16))
    with raises_for(path, "magic number 0x00000000; expected 0x00000803 \\(unsigned bytes, 3 dim"):
        read_idx(path, ndim=3)


def test_a_missing_file_is_reported(tmp_path):
    path = tmp_path / "absent"
    with raises_for(path, "cannot read: No such file"):
        read_idx(path)


def test_a_corrupt_gzip_stream_is_reported(tmp_path):
    path = tmp_path / "labels.gz"
    write_idx(RNG.integers(0, 10, 1000, dtype=np.uint8), path)
    content = path.read_bytes()
    path.write_bytes(content[:-8] + bytes(8))  # a wrong checksum and length at the end
    with raises_for(path, "corrupt gzip stream \\(CRC check failed\\)"):
        read_idx(path)


def test_a_truncated_gzip_stream_is_reported(tmp_path):
    path = tmp_path / "images.gz"
    write_idx(RNG.integers(0, 256, (10, 28, 28), dtype=np.uint8), path)
    content = path.read_bytes()
    path.write_bytes(content[: len(content) // 2])
    with raises_for(path, "gzip stream ends early"):
        read_idx(path)


# Broken folders


def test_a_missing_folder_is_reported(tmp_path):
    folder = tmp_path / "mnist"
    with raises_for(folder, "no such folder; expected a folder holding train-images-idx3-ubyte"):
        load_mnist(folder)


def test_a_missing_file_in_the_folder_is_reported(tmp_path):
    write_mnist(tmp_path, *fake_mnist(n=3, m=2))
    (tmp_path / MNIST_FILES["test_labels"]).unlink()
    with raises_for(tmp_path, "missing t10k-labels-idx1-ubyte\\[.gz\\]; expected "):
        find_mnist(tmp_path)


def test_more_labels_than_images_is_reported(tmp_path):
    images, labels, test_images, test_labels = fake_mnist(n=5, m=2)
    paths = write_mnist(tmp_path, images, np.append(labels, 1), test_images, test_labels)
    problem = f"6 labels for 5 images in {re.escape(str(paths['train_images']))}"
    with raises_for(paths["train_labels"], problem):
        load_mnist(tmp_path)


def test_a_label_that_is_not_a_digit_is_reported(tmp_path):
    images, labels, test_images, test_labels = fake_mnist(n=5, m=4)
    test_labels[2] = 10
    paths = write_mnist(tmp_path, images, labels, test_images, test_labels)
    with raises_for(paths["test_labels"], "label 10 at index 2 .*; expected digits 0..9"):
        load_mnist(tmp_path)


def test_a_2d_images_file_is_reported(tmp_path):
    images, labels, test_images, test_labels = fake_mnist(n=5, m=2)
    paths = write_mnist(tmp_path, images.reshape(5, 28 * 28), labels, test_images, test_labels)
    with raises_for(paths["train_images"], "2 dimensions, shape \\(5, 784\\); expected 3"):
        load_mnist(tmp_path)


def test_train_and_test_images_of_different_sizes_are_reported(tmp_path):
    images, labels, _, test_labels = fake_mnist(n=5, m=2)
    test_images = RNG.integers(0, 256, (2, 20, 20), dtype=np.uint8)
    paths = write_mnist(tmp_path, images, labels, test_images, test_labels)
    with raises_for(paths["test_images"], "images of 20x20 pixels; expected 28x28 like "):
        load_mnist(tmp_path)
