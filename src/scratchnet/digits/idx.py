"""MNIST's IDX files, read and written with numpy: plain or gzip-compressed, checked so that a
bad download is reported as one line naming the file, not as a traceback or a wrong shape.

An IDX file is a 4-byte magic number (two zero bytes, a type code, the number of dimensions
``d``), then ``d`` big-endian 4-byte sizes, then the values in C order. Only type 0x08
(unsigned bytes, what MNIST uses) is supported.
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from ..user_errors import InputProblem

GZIP_MAGIC = b"\x1f\x8b"
UNSIGNED_BYTE = 0x08
# The IDX type codes: one of these other than 0x08 is a real IDX file we do not support, any
# other code means the file is not IDX at all.
TYPE_NAMES = {
    0x08: "unsigned bytes",
    0x09: "signed bytes",
    0x0B: "16-bit integers",
    0x0C: "32-bit integers",
    0x0D: "32-bit floats",
    0x0E: "64-bit floats",
}

MNIST_FILES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}


class IdxError(InputProblem, ValueError):
    """A file that is not a readable IDX file, or a folder without MNIST's four files.

    The message starts with the path and says what is wrong and what was expected."""


class MnistArrays(NamedTuple):
    """MNIST as loaded: ``n`` training and ``m`` test images of ``rows x cols`` pixels."""

    train_images: NDArray[np.uint8]  # (n, rows, cols), 0 = background, 255 = ink
    train_labels: NDArray[np.uint8]  # (n,), digits 0..9
    test_images: NDArray[np.uint8]  # (m, rows, cols)
    test_labels: NDArray[np.uint8]  # (m,)


def _shape_text(shape: tuple[int, ...]) -> str:
    return "x".join(str(size) for size in shape)


def _read_bytes(path: Path) -> bytes:
    """The file's content, decompressed if it starts with gzip's magic bytes (a suffix can lie:
    browsers sometimes decompress a download and keep ``.gz``)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise IdxError(f"{path}: cannot read: {error.strerror or error}") from None
    if not raw.startswith(GZIP_MAGIC):
        return raw
    try:
        return gzip.decompress(raw)
    except EOFError:
        raise IdxError(
            f"{path}: gzip stream ends early; expected a complete gzip file "
            "(the download was probably cut short)"
        ) from None
    except (OSError, zlib.error) as error:  # gzip.BadGzipFile is an OSError
        raise IdxError(
            f"{path}: corrupt gzip stream ({error}); expected a valid gzip file"
        ) from None


def read_idx(path: str | Path, *, ndim: int | None = None) -> NDArray[np.uint8]:
    """Read an IDX file of unsigned bytes, plain or gzip-compressed.

    Returns a writable uint8 array of the shape in the header. ``ndim``, if given, is the
    number of dimensions required (3 for MNIST images, 1 for labels). Raises IdxError for an
    unreadable, empty, truncated or corrupt file, a wrong magic number, another value type,
    or extra bytes after the data."""
    path = Path(path)
    data = _read_bytes(path)
    if not data:
        raise IdxError(f"{path}: empty file (0 bytes); expected an IDX file")
    if len(data) < 4:
        raise IdxError(
            f"{path}: header truncated: {len(data)} bytes; expected at least 4 (the magic number)"
        )
    magic = int.from_bytes(data[:4], "big")
    zeros, code, dims = data[:2], data[2], data[3]
    if zeros != b"\0\0" or code not in TYPE_NAMES:
        wanted = f"0x{0x800 + ndim:08x}" if ndim is not None else "0x000008NN"
        about = f"{ndim} dimensions" if ndim is not None else "NN dimensions"
        raise IdxError(
            f"{path}: magic number 0x{magic:08x}; expected {wanted} (unsigned bytes, {about}): "
            "this is not an IDX file"
        )
    if code != UNSIGNED_BYTE:
        raise IdxError(
            f"{path}: type code 0x{code:02x} ({TYPE_NAMES[code]}); "
            "only 0x08 (unsigned bytes) is supported"
        )
    if dims == 0:
        raise IdxError(f"{path}: header gives 0 dimensions; expected at least 1")
    header = 4 + 4 * dims
    if len(data) < header:
        raise IdxError(
            f"{path}: header truncated: {len(data)} bytes; expected at least {header} "
            f"(the magic number, then 4 bytes for each of {dims} dimensions)"
        )
    shape = tuple(int(size) for size in np.frombuffer(data, ">u4", count=dims, offset=4))
    if ndim is not None and dims != ndim:
        raise IdxError(f"{path}: {dims} dimensions, shape {shape}; expected {ndim} dimensions")
    # Python ints, so a corrupt header's huge sizes cannot overflow.
    expected = int(np.prod(shape, dtype=object))
    found = len(data) - header
    if found != expected:
        problem = "data truncated" if found < expected else f"{found - expected} trailing bytes"
        raise IdxError(
            f"{path}: {problem}: {found} bytes after the {header}-byte header; "
            f"expected {expected} for shape {_shape_text(shape)}"
        )
    # Copied so that the array is writable (an array over ``bytes`` is read-only).
    return np.frombuffer(data, np.uint8, offset=header).reshape(shape).copy()


def write_idx(array: NDArray, path: str | Path) -> None:
    """Write ``array`` (any shape with at least 1 dimension) as an IDX file of unsigned bytes,
    gzip-compressed if ``path`` ends in ``.gz``; the same array always gives the same bytes.

    Values of another dtype are accepted if they are all integers in 0..255; otherwise,
    and for a 0-dimensional array, raises ValueError."""
    path = Path(path)
    values = np.asarray(array)
    if values.ndim < 1 or values.ndim > 255 or max(values.shape) >= 2**32:
        raise ValueError(
            f"{path}: cannot write shape {values.shape} as IDX; "
            "expected 1 to 255 dimensions, each smaller than 2**32"
        )
    if values.dtype != np.uint8:
        if values.dtype == np.bool_:
            values = values.astype(np.uint8)
        elif not (
            np.issubdtype(values.dtype, np.integer) or np.issubdtype(values.dtype, np.floating)
        ):
            raise ValueError(f"{path}: cannot write {values.dtype} values as unsigned bytes")
        # NaN fails every comparison, so it is refused too.
        fits = (values >= 0) & (values <= 255) & (values == np.round(values))
        if not fits.all():
            index = np.unravel_index(np.argmin(fits), values.shape)
            raise ValueError(
                f"{path}: value {values[index]} at index {tuple(int(i) for i in index)}; "
                "expected integers in 0..255 (unsigned bytes)"
            )
    header = bytes([0, 0, UNSIGNED_BYTE, values.ndim]) + np.array(values.shape, ">u4").tobytes()
    body = np.ascontiguousarray(values, dtype=np.uint8).tobytes()
    with open(path, "wb") as file:
        if path.suffix == ".gz":
            # mtime=0 and no file name in the gzip header: the bytes depend on the data only.
            with gzip.GzipFile(filename="", mode="wb", fileobj=file, mtime=0) as compressed:
                compressed.write(header)
                compressed.write(body)
        else:
            file.write(header)
            file.write(body)


def find_mnist(folder: str | Path) -> dict[str, Path]:
    """The paths of MNIST's four files in ``folder``, keyed as in ``MNIST_FILES``.

    Each file may be plain or end in ``.gz``; if both exist the plain one is used (it is
    usually the one decompressed from the other). Raises IdxError if the folder or any
    file is missing, listing what was looked for."""
    folder = Path(folder)
    wanted = ", ".join(f"{name}[.gz]" for name in MNIST_FILES.values())
    if not folder.is_dir():
        raise IdxError(f"{folder}: no such folder; expected a folder holding {wanted}")
    found: dict[str, Path] = {}
    missing: list[str] = []
    for key, name in MNIST_FILES.items():
        for candidate in (folder / name, folder / f"{name}.gz"):
            if candidate.is_file():
                found[key] = candidate
                break
        else:
            missing.append(f"{name}[.gz]")
    if missing:
        present = sorted(entry.name for entry in folder.iterdir())
        listing = ", ".join(present[:10]) + (", ..." if len(present) > 10 else "")
        raise IdxError(
            f"{folder}: missing {', '.join(missing)}; expected {wanted} "
            f"(the folder holds: {listing or 'nothing'})"
        )
    return found


def load_mnist(folder: str | Path) -> MnistArrays:
    """Read and check MNIST's four files in ``folder`` (see ``find_mnist``).

    Checks that images are 3-D and labels 1-D, that each set has one label per image and
    at least one image, that training and test images have the same size, and that labels
    are digits 0..9; raises IdxError naming the file otherwise."""
    paths = find_mnist(folder)
    arrays = {
        key: read_idx(path, ndim=3 if key.endswith("images") else 1) for key, path in paths.items()
    }
    for part in ("train", "test"):
        images, labels = paths[f"{part}_images"], paths[f"{part}_labels"]
        n_images, n_labels = len(arrays[f"{part}_images"]), len(arrays[f"{part}_labels"])
        if n_labels != n_images:
            raise IdxError(
                f"{labels}: {n_labels} labels for {n_images} images in {images}; "
                "expected one label per image"
            )
        if n_images == 0:
            raise IdxError(f"{images}: 0 images; expected at least 1")
        values = arrays[f"{part}_labels"]
        bad = np.flatnonzero(values > 9)
        if bad.size:
            raise IdxError(
                f"{labels}: label {values[bad[0]]} at index {bad[0]} "
                f"({bad.size} of {values.size} out of range); expected digits 0..9"
            )
    train_size = arrays["train_images"].shape[1:]
    test_size = arrays["test_images"].shape[1:]
    if test_size != train_size:
        raise IdxError(
            f"{paths['test_images']}: images of {_shape_text(test_size)} pixels; expected "
            f"{_shape_text(train_size)} like {paths['train_images']}"
        )
    return MnistArrays(**arrays)


def write_mnist(
    folder: str | Path,
    train_images: NDArray,
    train_labels: NDArray,
    test_images: NDArray,
    test_labels: NDArray,
    gz: bool = False,
) -> dict[str, Path]:
    """Write the four MNIST files into ``folder`` (created if needed), ``.gz`` if ``gz``.

    Returns their paths. Nothing is checked beyond ``write_idx``'s checks, so tests can
    write broken folders."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    arrays = {
        "train_images": train_images,
        "train_labels": train_labels,
        "test_images": test_images,
        "test_labels": test_labels,
    }
    paths = {}
    for key, name in MNIST_FILES.items():
        path, other = folder / name, folder / f"{name}.gz"
        if gz:
            path, other = other, path
        # A leftover of the other kind would be read instead (find_mnist prefers plain files).
        other.unlink(missing_ok=True)
        write_idx(arrays[key], path)
        paths[key] = path
    return paths
