"""How much of part one's result is the seed's luck (run by hand: `python -m bench.seeds`).

The config's `seed` draws both the initial weights and validation set 2's noise. With
every other setting at config/config.yaml's defaults, this trains the 9-6-2 network as
the pipeline does and prints two tables:

(1) the network trained with the config's seed, scored on validation set 2 made with
    noise seeds 0..N-1: how often every image is classified correctly;
(2) `seed` itself set to 0..N-1 (new weights and new noise each time): how often each
    validation set is classified perfectly, and how often training accuracy never
    reaches 100% within the configured iterations.

Same code as the pipeline's jobs (scratchnet.lines), in memory; a few seconds.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import yaml

from scratchnet.lines.datasets import noisy_copy, one_dim_pixel_set, training_set
from scratchnet.lines.evaluation import evaluate
from scratchnet.lines.network import Params
from scratchnet.lines.training import first_full_accuracy, train

CONFIG = Path(__file__).resolve().parents[1] / "config" / "config.yaml"


def trained(config: dict, seed: int) -> tuple[Params, int | None]:
    """The final parameters of part one's network trained with ``seed``, and the first
    iteration at 100% training accuracy (None if never)."""
    training = training_set()
    history = train(
        training.x0(), training.labels, hidden=config["hidden"], lr=config["lr"],
        iterations=config["iterations"], seed=seed,
    )  # fmt: skip
    final = Params(*(getattr(history, name)[-1] for name in Params._fields))
    return final, first_full_accuracy(history)


def summary(accuracies: list[float]) -> str:
    """Table cells: how many accuracies are 1.0, of how many; their mean; their minimum."""
    values = np.array(accuracies)
    perfect = int(np.sum(values == 1.0))
    return f"{perfect} of {len(values)} | {values.mean():.1%} | {values.min():.1%}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=200, help="seeds 0..N-1 (default 200)")
    seeds = range(parser.parse_args().seeds)
    config = yaml.safe_load(CONFIG.read_text())
    training, valid_1 = training_set(), one_dim_pixel_set(config["dim_pixel"])

    params, _ = trained(config, config["seed"])
    noisy = [
        evaluate(params, noisy_copy(training, config["noise_sd"], seed)).accuracy for seed in seeds
    ]
    print(f"| (1) seed {config['seed']}, noise seeds 0-{seeds[-1]} | perfect | mean | worst |")
    print("| --- | --- | ---: | ---: |")
    print(f"| validation set 2 | {summary(noisy)} |")

    set_1, set_2, never = [], [], 0
    for seed in seeds:
        params, first_full = trained(config, seed)
        never += first_full is None
        set_1.append(evaluate(params, valid_1).accuracy)
        set_2.append(evaluate(params, noisy_copy(training, config["noise_sd"], seed)).accuracy)
    print()
    print(f"| (2) `seed` set to 0-{seeds[-1]} | perfect | mean | worst |")
    print("| --- | --- | ---: | ---: |")
    print(f"| validation set 1 | {summary(set_1)} |")
    print(f"| validation set 2 | {summary(set_2)} |")
    print()
    print(
        f"Training accuracy never reached 100% within {config['iterations']} iterations "
        f"for {never} of {len(seeds)} seeds."
    )


if __name__ == "__main__":
    main()
