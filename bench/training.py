"""Benchmark: training with scratchnet.nn against a hand-written loop and scikit-learn.

Run by hand from the repository root (never as a timed test: machines are shared):

    python -m bench.training            # the full benchmark, about 6 minutes on 2 cores
    python -m bench.training --quick    # tiny sizes, about a minute: checks every step works

Every number comes from this run on this machine; the targets compare ratios measured
side by side. Other work on the machine slows two-thread BLAS a lot: the load average
before and after is printed, to judge whether the run was quiet.

1. The bundled handwritten digits (1797 images of 8x8), split 60/20/20 into training,
   validation and test sets (stratified, seed 0), standardised with the training set's
   mean and std (its own split and preprocessing, not the chapter's: see bench/README.md).
   A 64-50-10 ReLU network, cross-entropy, SGD with batch 32 and lr 0.1, 50 epochs, at
   equal work: each epoch's training loss recorded as the running mean of its batch
   losses, as ``MLPClassifier`` records it, with no evaluation pass. Trained by
   ``scratchnet.nn.fit(..., running_loss=True)``, by ``bench/handwritten.py`` (the same
   maths in a plain loop, the same running loss) and by scikit-learn's ``MLPClassifier``
   (same sizes and rate, no momentum, no weight decay; its own initialisation); by the
   loop a user writes over the layers (``loss(model(x), labels)`` per batch of integer
   labels, ``model.backward(loss.backward())``, ``SGD.step()``: its boundary checks and
   one-hot rows per batch, and the data's gradient that ``backward`` returns); and, for
   what the tutorial's history costs, by ``fit`` evaluating the whole training set after
   every epoch. Training seeds 0..4, run in rounds with the order rotated, so the
   machine's drift hits all alike: seconds (median of the five) and test accuracy (mean,
   min, max).
2. MNIST-shaped random data: 60000 rows of 784 standard-normal pixels, random labels
   0..9, a 784-100-10 network, lr 0.01, batch 32 and 128, float64 and float32. Each
   configuration runs 2 epochs in a fresh subprocess (so its peak memory, VmHWM, is its
   own), in 7 rounds, the two implementations side by side, alternating which goes
   first; seconds per epoch (its batches plus the evaluation of the training set) is the
   median over the 14 epochs, so a slow spell of the machine (they last seconds, and on
   a shared virtual machine they show in no load average) does not decide it.
   The arithmetic of an epoch of n rows:
       forward 2n(784*100 + 100*10), weight gradients the same, the input gradient of
       layer 2 2n(100*10) (none for layer 1: the data needs none), and the evaluation
       forward over the training set 2n(784*100 + 100*10) again;
   divided by this machine's rate for a 1024x1024 matrix product (best of 10, before
   and after the rest, the better kept), it gives the time the arithmetic alone would
   take: the bound.
3. and 4. Clean builds of the workflow and local sweeps: see bench/pipeline.py.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

from bench.handwritten import train_handwritten
from bench.pipeline import measure_builds, measure_sweeps, pipeline_targets, print_pipeline
from bench.run import machine, print_row  # the animation benchmark's helpers
from harness.workflow_copy import REPO
from scratchnet.nn import SGD, CrossEntropy, Linear, ReLU, Sequential, fit
from scratchnet.nn.train import batches

DTYPES = {"float64": np.float64, "float32": np.float32}


def mlp(n_in: int, hidden: int, rng: np.random.Generator, dtype) -> Sequential:
    """The benchmark's n_in-hidden-10 ReLU network: W1 by He, W2 by LeCun, from ``rng``."""
    return Sequential(
        [
            Linear(n_in, hidden, rng=rng, init="he", dtype=dtype),
            ReLU(),
            Linear(hidden, 10, rng=rng, dtype=dtype),
        ]
    )


def library_mlp(
    x, y, *, hidden, lr, epochs, batch_size, seed, dtype, running_loss=False, callback=None
):
    """Train ``x: (n, n_in)``, labels ``y: (n,)`` with scratchnet.nn; return the model.

    One generator draws W1, W2 and each epoch's order, as ``train_handwritten`` does.
    ``running_loss`` and ``callback(epoch, model)`` are fit's (the callback runs after
    each epoch's record).
    """
    rng = np.random.default_rng(seed)
    model = mlp(x.shape[1], hidden, rng, dtype)
    loss, opt = CrossEntropy(), SGD(model.parameters(), lr)
    fit(
        model, loss, opt, x, y, epochs=epochs, batch_size=batch_size, rng=rng,
        running_loss=running_loss, callback=callback,
    )  # fmt: skip
    return model


def user_loop_mlp(x, y, *, hidden, lr, epochs, batch_size, seed, dtype):
    """Train as a user writes the loop over the library's layers: per batch of integer
    labels, ``loss(model(x), labels)``, ``model.backward(loss.backward())``, an SGD step;
    each epoch's running loss recorded, as fit's ``running_loss`` does. Returns the model.

    The same generator draws the weights and each epoch's order as ``library_mlp``'s.
    """
    rng = np.random.default_rng(seed)
    model = mlp(x.shape[1], hidden, rng, dtype)
    loss, opt = CrossEntropy(), SGD(model.parameters(), lr)
    x = np.asarray(x, dtype=dtype)
    running = []
    for _ in range(epochs):
        total = 0.0
        for batch in batches(len(x), batch_size, rng):
            total += loss(model(x[batch]), y[batch]) * len(batch)
            model.backward(loss.backward())
            opt.step()
        running.append(total / len(x))
    return model


# --------------------------------------------------------------------------- (1) digits


def digits_sets(seed: int = 0):
    """(x_train, y_train, x_val, y_val, x_test, y_test): 60/20/20 stratified, standardised.

    x: (n, 64) float64 with the training set's mean and std (std 0 counts as 1); y: (n,).
    """
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    x, y = load_digits(return_X_y=True)
    x_train, x_rest, y_train, y_rest = train_test_split(
        x, y, test_size=0.4, stratify=y, random_state=seed
    )
    x_val, x_test, y_val, y_test = train_test_split(
        x_rest, y_rest, test_size=0.5, stratify=y_rest, random_state=seed
    )
    mean, std = x_train.mean(axis=0), x_train.std(axis=0)
    std[std == 0] = 1
    return tuple(
        a for xs, ys in ((x_train, y_train), (x_val, y_val), (x_test, y_test))
        for a in ((xs - mean) / std, ys)
    )  # fmt: skip


def digits_runs(epochs: int, seeds: list[int]) -> dict[str, list[tuple[float, float, float]]]:
    """Per implementation, per seed: (seconds to train, validation, test accuracy)."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    x, y, x_val, y_val, x_test, y_test = digits_sets()
    settings = dict(hidden=50, lr=0.1, epochs=epochs, batch_size=32)

    def ours(seed, running_loss=True):
        model = library_mlp(
            x, y, **settings, seed=seed, dtype=np.float64, running_loss=running_loss
        )
        return lambda xs: model(xs).argmax(axis=1)

    def user_loop(seed):
        model = user_loop_mlp(x, y, **settings, seed=seed, dtype=np.float64)
        return lambda xs: model(xs).argmax(axis=1)

    def handwritten(seed):
        W1, b1, W2, b2, _ = train_handwritten(
            x, y, **settings, seed=seed, dtype=np.float64, running_loss=True
        )
        return lambda xs: (np.maximum(xs @ W1 + b1, 0) @ W2 + b2).argmax(axis=1)

    def sklearn(seed):
        clf = MLPClassifier(  # as scratchnet.reference_mlp configures it
            hidden_layer_sizes=(50,), activation="relu", solver="sgd", batch_size=32,
            learning_rate="constant", learning_rate_init=0.1, momentum=0.0,
            nesterovs_momentum=False, alpha=0.0, max_iter=epochs, shuffle=True,
            n_iter_no_change=epochs + 1, random_state=seed,  # never stops early
        )  # fmt: skip
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            clf.fit(x, y)
        assert clf.n_iter_ == epochs, clf.n_iter_
        return clf.predict

    trainers = {
        "ours": ours,
        "handwritten": handwritten,
        "user_loop": user_loop,
        "sklearn": sklearn,
        "ours_evaluating": lambda seed: ours(seed, running_loss=False),
    }
    for train in trainers.values():  # warm-up, not timed: first-call costs of each
        train(seeds[0])
    results = {name: [] for name in trainers}
    names = list(trainers)
    for round_, seed in enumerate(seeds):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            start = time.perf_counter()
            predict = trainers[name](seed)
            seconds = time.perf_counter() - start
            val = float(np.mean(predict(x_val) == y_val))
            results[name].append((seconds, val, float(np.mean(predict(x_test) == y_test))))
    return results


# -------------------------------------------------------------------- (2) MNIST-shaped


def epoch_flops(n: int, n_in: int = 784, hidden: int = 100, classes: int = 10) -> int:
    """FLOPs of one epoch on n rows: the matrix products only (see the module doc)."""
    forward = 2 * n * (n_in * hidden + hidden * classes)
    return forward + forward + 2 * n * hidden * classes + forward


def matmul_rate(dtype, size: int, repeats: int = 10) -> float:
    """FLOP/s of this machine's best ``(size, size) @ (size, size)`` product in ``dtype``."""
    rng = np.random.default_rng(0)
    a, b = (rng.standard_normal((size, size)).astype(dtype) for _ in range(2))
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - start)
    return 2 * size**3 / best


def worker(impl: str, rows: int, batch: int, dtype_name: str, epochs: int) -> None:
    """One configuration of (2), in its own process: prints JSON of per-epoch seconds,
    peak RSS (MB) and the training array's MB."""
    dtype = DTYPES[dtype_name]
    rng = np.random.default_rng(1)
    x = rng.standard_normal((rows, 784), dtype=dtype)  # drawn in dtype: no float64 copy
    y = rng.integers(0, 10, rows)
    stamps = []

    def stamp(*_):
        """After each evaluation: epoch 0's, then each epoch's (its batches, evaluation)."""
        stamps.append(time.perf_counter())

    settings = dict(hidden=100, lr=0.01, epochs=epochs, batch_size=batch, seed=0, dtype=dtype)
    if impl == "ours":
        library_mlp(x, y, **settings, callback=stamp)
    else:
        train_handwritten(x, y, **settings, callback=stamp)
    peak_mb = peak_rss_mb()
    epoch_s = np.diff(stamps).tolist()
    print(json.dumps({"epoch_s": epoch_s, "peak_mb": peak_mb, "x_mb": x.nbytes / 2**20}))


def peak_rss_mb() -> float:
    """This process's peak RSS in MB: VmHWM, of this program's own memory map.

    Not ``getrusage(RUSAGE_SELF).ru_maxrss``: Linux carries it across exec, so a child
    of a large parent reports at least the parent's peak.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # kB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def run_worker(impl: str, rows: int, batch: int, dtype_name: str, epochs: int) -> dict:
    worker = ["--worker", impl, str(rows), str(batch), dtype_name]
    command = [sys.executable, "-m", "bench.training", *worker]
    result = subprocess.run(command + [str(epochs)], capture_output=True, text=True, cwd=REPO)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr[-5000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def mnist_runs(rows: int, epochs: int, rounds: int) -> dict[tuple[int, str], dict[str, dict]]:
    """Per (batch, dtype), per implementation: seconds per epoch (median over ``rounds``
    fresh processes of ``epochs`` epochs each), the largest peak RSS MB, the array's MB."""
    configs = [(batch, name) for batch in (32, 128) for name in DTYPES]
    raw = {config: {"ours": [], "handwritten": []} for config in configs}
    for round_ in range(rounds):
        for config in configs:
            impls = ["ours", "handwritten"][:: 1 if round_ % 2 == 0 else -1]
            for impl in impls:
                raw[config][impl].append(run_worker(impl, rows, *config, epochs))
    return {
        config: {
            impl: {
                "epoch_s": statistics.median(s for run in runs for s in run["epoch_s"]),
                "peak_mb": max(run["peak_mb"] for run in runs),
                "x_mb": runs[0]["x_mb"],
            }
            for impl, runs in by_impl.items()
        }
        for config, by_impl in raw.items()
    }


# ----------------------------------------------------------------------------- report


def blas() -> str:
    """The BLAS libraries loaded (numpy's, and scipy's once sklearn is imported): library,
    version, folder, CPU kernel and threads, by threadpoolctl if present."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        config = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return f"{config['name']} {config['version']}"
    pools = [p for p in threadpool_info() if p["user_api"] == "blas"]
    return ", ".join(
        f"{p['internal_api']} {p['version']} in {Path(p['filepath']).parent.name} "
        f"({p.get('architecture')}, {p['num_threads']} threads)"
        for p in pools
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark training (see module doc).")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, just check it works")
    parser.add_argument(
        "--no-pipeline", action="store_true", help="skip (3) and (4), the builds and sweeps"
    )
    parser.add_argument(
        "--rounds", type=int, help="rounds of (2) (default 7; fewer when the machine is busy)"
    )
    parser.add_argument("--worker", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        impl, rows, batch, dtype_name, epochs = args.worker
        return worker(impl, int(rows), int(batch), dtype_name, int(epochs))
    if args.quick:
        digit_epochs, seeds, rows, epochs, rounds, size = 3, [0, 1], 2000, 2, 1, 256
    else:
        digit_epochs, seeds, rows, epochs, rounds, size = 50, [0, 1, 2, 3, 4], 60000, 2, 7, 1024
    rounds = args.rounds or rounds

    load_before = os.getloadavg()[0]
    # The matrix-product rate before and after, the better kept: a busy moment lowers it.
    rate = {name: matmul_rate(dtype, size) for name, dtype in DTYPES.items()}
    print(f"(1) digits: {len(seeds)} seeds x 5 trainers, {digit_epochs} epochs ...")
    digits = digits_runs(digit_epochs, seeds)
    print(f"(2) MNIST-shaped, {rows} rows: 4 configurations x 2, {rounds} round(s) ...")
    mnist = mnist_runs(rows, epochs, rounds)
    rate = {name: max(rate[name], matmul_rate(dtype, size)) for name, dtype in DTYPES.items()}
    flops = epoch_flops(rows)

    print()
    print(f"Benchmark {datetime.date.today()}, {machine()}" + (" (quick)" if args.quick else ""))
    print(f"numpy {np.__version__}; BLAS loaded: {blas()}")
    print(f"Load average (1 min) before {load_before:.2f}, after {os.getloadavg()[0]:.2f}")
    openblas_env = {k: v for k, v in os.environ.items() if k.startswith("OPENBLAS")}
    print(f"OpenBLAS environment: {openblas_env or 'none set'}")
    print(
        f"Matrix product {size}x{size}, best of 2 x 10: float64 "
        f"{rate['float64'] / 1e9:.1f} GFLOP/s, float32 {rate['float32'] / 1e9:.1f} GFLOP/s"
    )
    print()
    print(
        f"(1) digits, 64-50-10, batch 32, lr 0.1, {digit_epochs} epochs, seeds {seeds}; "
        "running loss (equal work) unless said"
    )
    print()
    labels = {
        "ours": "scratchnet.nn fit",
        "handwritten": "hand-written numpy loop",
        "user_loop": "a user's loop over scratchnet.nn's layers",
        "sklearn": "sklearn MLPClassifier",
        "ours_evaluating": "scratchnet.nn fit, evaluating the training set each epoch",
    }
    print_row("", "train s (median)", "test acc mean", "min", "max", "val acc mean")
    print_row("---", "---:", "---:", "---:", "---:", "---:")
    seconds, test = {}, {}
    for name, runs in digits.items():
        seconds[name] = statistics.median(run[0] for run in runs)
        test[name] = [run[2] for run in runs]
        print_row(
            labels[name], f"{seconds[name]:.3f}", f"{np.mean(test[name]):.4f}",
            f"{min(test[name]):.4f}", f"{max(test[name]):.4f}",
            f"{np.mean([run[1] for run in runs]):.4f}",
        )  # fmt: skip
    print()
    print(
        f"(2) MNIST-shaped, {rows} x 784 -> 100 -> 10, lr 0.01; an epoch is "
        f"{flops / 1e9:.2f} GFLOP; s per epoch, median of {rounds} x {epochs} epochs; "
        "bound: those GFLOP at the dtype's matrix-product rate"
    )
    print()
    print_row(
        "batch, dtype", "ours s/epoch", "hand-written s/epoch", "ours / hand", "bound s",
        "ours / bound", "ours peak MB", "hand peak MB", "array MB",
    )  # fmt: skip
    print_row("---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:")
    for (batch, dtype_name), r in mnist.items():
        bound = flops / rate[dtype_name]
        print_row(
            f"{batch}, {dtype_name}", f"{r['ours']['epoch_s']:.3f}",
            f"{r['handwritten']['epoch_s']:.3f}",
            f"{r['ours']['epoch_s'] / r['handwritten']['epoch_s']:.2f}", f"{bound:.3f}",
            f"{r['ours']['epoch_s'] / bound:.2f}", f"{r['ours']['peak_mb']:.0f}",
            f"{r['handwritten']['peak_mb']:.0f}", f"{r['ours']['x_mb']:.0f}",
        )  # fmt: skip

    speedup = seconds["sklearn"] / seconds["ours"]
    gap = abs(np.mean(test["ours"]) - np.mean(test["sklearn"]))
    spread = max(max(test[n]) - min(test[n]) for n in ("ours", "sklearn"))
    b128 = mnist[(128, "float64")]["ours"]["epoch_s"]
    to_bound = b128 / (flops / rate["float64"])
    f32 = mnist[(128, "float32")]["ours"]["epoch_s"] / b128
    memory = {c: r["ours"]["peak_mb"] / (2 * r["ours"]["x_mb"] + 200) for c, r in mnist.items()}
    worst = max(memory, key=memory.get)
    targets = [
        ("(1) speed-up of ours over MLPClassifier", f"{speedup:.2f}", ">= 3", speedup >= 3),
        (
            "(1) test accuracy, mean ours - mean MLPClassifier, absolute",
            f"{gap:.4f}",
            f"<= larger {len(seeds)}-seed spread (max - min: {spread:.4f})",
            gap <= spread,
        ),
        (
            "(1) time, ours / hand-written",
            f"{seconds['ours'] / seconds['handwritten']:.2f}",
            "<= 1.25",
            seconds["ours"] / seconds["handwritten"] <= 1.25,
        ),
        (
            "(1) time, a user's loop over the layers / hand-written",
            f"{seconds['user_loop'] / seconds['handwritten']:.2f}",
            "<= 1.25",
            seconds["user_loop"] / seconds["handwritten"] <= 1.25,
        ),
    ]
    for (batch, dtype_name), r in mnist.items():
        ratio = r["ours"]["epoch_s"] / r["handwritten"]["epoch_s"]
        targets.append(
            (f"(2) time, ours / hand-written, batch {batch} {dtype_name}", f"{ratio:.2f}",
             "<= 1.2", ratio <= 1.2)
        )  # fmt: skip
    targets += [
        (
            "(2) batch 128 float64, ours / arithmetic bound",
            f"{to_bound:.2f}",
            "<= 3",
            to_bound <= 3,
        ),
        ("(2) batch 128, ours float32 / float64 time", f"{f32:.2f}", "<= 0.65", f32 <= 0.65),
        (
            f"(2) ours peak RSS / (2 x array + 200 MB), worst: batch {worst[0]} {worst[1]} "
            f"({mnist[worst]['ours']['peak_mb']:.0f} MB)",
            f"{memory[worst]:.2f}",
            "<= 1",
            memory[worst] <= 1,
        ),
    ]
    if not args.no_pipeline:
        print("(3) and (4): clean builds and sweeps in fresh copies of the workflow ...")
        with tempfile.TemporaryDirectory(prefix="scratchnet-bench-") as tmp:
            builds, facts = measure_builds(Path(tmp), args.quick)
            sweeps = measure_sweeps(Path(tmp), args.quick, cores=2)
        print_pipeline(builds, sweeps)
        targets += pipeline_targets(facts, sweeps)
    print()
    print_row("target", "measured", "goal", "met")
    print_row("---", "---:", "---", "---")
    for name, value, goal, met in targets:
        print_row(name, value, goal, "yes" if met else "NO")


if __name__ == "__main__":
    main()
