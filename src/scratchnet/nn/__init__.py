"""A small layer library in numpy that reads like PyTorch and like the equations.

    modules   Linear, ReLU, Sigmoid, Tanh, Softmax, Sequential: forward beside backward
    losses    MSE, SoftmaxMSE, CrossEntropy: value and gradient
    init      the four initialisations
    optim     SGD: gradients become updates
    train     the epoch loop: full-batch gradient descent or mini-batch SGD

Imports numpy and nothing else of the project.
"""

from .init import SCALES, init_weights
from .losses import MSE, CrossEntropy, SoftmaxMSE
from .modules import Linear, Module, Parameter, ReLU, Sequential, Sigmoid, Softmax, Tanh
from .optim import SGD
from .train import (
    EpochHistory,
    FitDiverged,
    History,
    TrainingDiverged,
    accuracy,
    batches,
    evaluate,
    fit,
)

__all__ = [
    "SCALES",
    "init_weights",
    "MSE",
    "CrossEntropy",
    "SoftmaxMSE",
    "Linear",
    "Module",
    "Parameter",
    "ReLU",
    "Sequential",
    "Sigmoid",
    "Softmax",
    "Tanh",
    "SGD",
    "EpochHistory",
    "FitDiverged",
    "History",  # the first names of EpochHistory and FitDiverged, kept as aliases
    "TrainingDiverged",
    "accuracy",
    "batches",
    "evaluate",
    "fit",
]
