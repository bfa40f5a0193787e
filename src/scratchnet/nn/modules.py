"""Layers: each computes its forward pass and, right below it, the backward pass.

Examples are *rows*, as in PyTorch: a batch is ``x: (batch, features)``. Every module
maps a batch forward, and maps the gradient of the loss with respect to its output,
``grad_out`` (same shape as the output), back to the gradient with respect to its input,
``grad_in`` (same shape as the input), by the chain rule. A module keeps from its forward
pass only what its backward pass needs.

Each module's ``forward`` and ``backward`` are its equations alone. The checks of their
arguments sit at the boundary, in two visible places: ``module(x)`` (``Module.__call__``)
checks the input, then runs ``forward``; the ``@checked_backward`` written above each
``backward`` checks that forward ran and that ``grad_out`` has the output's shape, then
runs the equations. Each costs a few comparisons a call.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

import numpy as np

from .init import init_weights


# --8<-- [start:parameter]
class Parameter:
    """An array the optimiser changes, beside its gradient of the same shape and dtype.

    ``grad`` is *set* (not accumulated) by the backward pass of the module that owns it.
    """

    def __init__(self, data: np.ndarray):
        self.data = data
        self.grad = np.zeros_like(data)

    def __repr__(self) -> str:
        return f"Parameter(shape={self.data.shape}, dtype={self.data.dtype})"
        # --8<-- [end:parameter]


class Module:
    """A step of a model: ``module(x)`` checks ``x``, then runs ``forward(x)``;
    ``backward(grad_out)`` runs, below its ``@checked_backward``, the chain rule.

    ``module(x)`` checks that ``x`` is ``(batch, features)`` with the ``n_in`` features the
    module declares (None: any) and converts it to the module's ``dtype`` (None: the
    input's), as PyTorch's ``module(x)`` wraps ``forward``. Every error names the module
    and both shapes.
    """

    n_in: int | None = None
    dtype: np.dtype | None = None
    _out_shape: tuple[int, ...] | None = None  # the last output's; None: no forward since

    def __call__(self, x: np.ndarray) -> np.ndarray:
        self._out_shape = None  # a failed call must not leave the previous batch for backward
        x = np.asarray(x, dtype=self.dtype)
        if x.ndim != 2:
            raise ValueError(
                f"{self!r}: input has shape {x.shape}; expected (batch, features), one "
                "example per row"
            )
        if self.n_in is not None and x.shape[1] != self.n_in:
            raise ValueError(f"{self!r}: input has shape {x.shape}; expected (batch, {self.n_in})")
        y = self.forward(x)
        self._out_shape = y.shape
        return y

    def forward(self, x: np.ndarray) -> np.ndarray:
        """The output for ``x: (batch, features)``, already checked by ``module(x)``."""
        raise NotImplementedError

    def backward(self, grad_out: np.ndarray, *, input_grad: bool = True) -> np.ndarray | None:
        """d loss/d input from ``grad_out`` = d loss/d output; sets parameters' gradients.

        ``input_grad=False`` says nobody needs d loss/d input (the module reads the data
        itself): a layer may then skip computing it and return None.
        """
        raise NotImplementedError

    def parameters(self) -> list[Parameter]:
        """The module's parameters, in a fixed order (none for an activation)."""
        return []

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


# --8<-- [start:checked_backward]
def checked_backward(backward: Callable) -> Callable:
    """The boundary of a layer's ``backward``, written above it: first check that forward
    ran and that ``grad_out`` has the output's shape (errors name the layer and both
    shapes), then run the equations."""

    @functools.wraps(backward)
    def checked(self: Module, grad_out: np.ndarray, *, input_grad: bool = True):
        if self._out_shape is None:
            raise RuntimeError(f"{self!r}.backward called before forward")
        if grad_out.shape != self._out_shape:
            raise ValueError(
                f"{self!r}.backward: grad_out has shape {grad_out.shape}; expected the "
                f"output's shape {self._out_shape}"
            )
        return backward(self, grad_out, input_grad=input_grad)

    return checked
    # --8<-- [end:checked_backward]


# --8<-- [start:linear]
class Linear(Module):
    """y = x W + b.    x: (batch, n_in)   W: (n_in, n_out)   b: (n_out,)   y: (batch, n_out)

    W is drawn by the initialisation ``init`` (see ``scratchnet.nn.init``) from ``rng``;
    b starts at zero. Both have ``dtype``.
    """

    def __init__(
        self,
        n_in: int,
        n_out: int,
        *,
        rng: np.random.Generator,
        init: str = "lecun",
        dtype: np.dtype | type = np.float64,
    ):
        self.n_in, self.n_out = n_in, n_out  # module(x) checks x against n_in
        self.dtype = np.dtype(dtype)  # and converts it: a float32 layer computes in float32
        self.W = Parameter(init_weights(init, n_in, n_out, rng, dtype))
        self.b = Parameter(np.zeros(n_out, dtype=dtype))

    def forward(self, x: np.ndarray) -> np.ndarray:
        self._x = x  # dW needs the input
        return x @ self.W.data + self.b.data

    @checked_backward
    def backward(self, grad_out: np.ndarray, *, input_grad: bool = True) -> np.ndarray | None:
        """dW = x^T grad_out   db = column sums of grad_out   grad_in = grad_out W^T"""
        self.W.grad = self._x.T @ grad_out
        self.b.grad = grad_out.sum(axis=0)
        return grad_out @ self.W.data.T if input_grad else None

    def parameters(self) -> list[Parameter]:
        return [self.W, self.b]

    def __repr__(self) -> str:
        return f"Linear({self.n_in}, {self.n_out})"
        # --8<-- [end:linear]


# --8<-- [start:relu]
class ReLU(Module):
    """y = max(x, 0), elementwise."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        self._active = x > 0  # a boolean mask: an eighth of the input's bytes in float64
        return np.maximum(x, 0)

    @checked_backward
    def backward(self, grad_out: np.ndarray, *, input_grad: bool = True) -> np.ndarray:
        """grad_in = grad_out * [x > 0]: the gradient passes only where the unit was on."""
        return grad_out * self._active
        # --8<-- [end:relu]


# --8<-- [start:sigmoid_function]
def sigmoid(x: np.ndarray) -> np.ndarray:
    """1 / (1 + e^-x), elementwise, without overflow.

    e^-x overflows for x below about -709; e^-|x| never does, and the two branches give
    the same value: 1 / (1 + e^-x) for x >= 0, and e^x / (1 + e^x) for x < 0.
    """
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))
    # --8<-- [end:sigmoid_function]


# --8<-- [start:sigmoid]
class Sigmoid(Module):
    """y = sigmoid(x) = 1 / (1 + e^-x), elementwise."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        self._y = sigmoid(x)  # its derivative is written in y alone
        return self._y

    @checked_backward
    def backward(self, grad_out: np.ndarray, *, input_grad: bool = True) -> np.ndarray:
        """grad_in = grad_out * y (1 - y), since sigmoid'(x) = sigmoid(x) (1 - sigmoid(x))."""
        return grad_out * self._y * (1 - self._y)
        # --8<-- [end:sigmoid]


# --8<-- [start:tanh]
class Tanh(Module):
    """y = tanh(x) = (e^x - e^-x) / (e^x + e^-x), elementwise, from -1 to 1.

    numpy's ``tanh`` never overflows: it is exactly -1 or 1 far from 0.
    """

    def forward(self, x: np.ndarray) -> np.ndarray:
        self._y = np.tanh(x)  # its derivative is written in y alone
        return self._y

    @checked_backward
    def backward(self, grad_out: np.ndarray, *, input_grad: bool = True) -> np.ndarray:
        """grad_in = grad_out * (1 - y^2), since tanh'(x) = 1 - tanh(x)^2."""
        return grad_out * (1 - self._y**2)
        # --8<-- [end:tanh]


# --8<-- [start:softmax_function]
def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax of ``z: (batch, classes)``: each row becomes probabilities.

    Subtracting each row's maximum first changes nothing (it cancels in the ratio) but
    keeps ``exp`` from overflowing: the largest term is e^0 = 1.
    """
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
    # --8<-- [end:softmax_function]


# --8<-- [start:log_softmax]
def log_softmax(z: np.ndarray) -> np.ndarray:
    """log(softmax(z)) row-wise, via log-sum-exp: z - max - log(sum(e^(z - max))).

    Taking the log of ``softmax(z)`` instead would give log(0) = -inf wherever a
    probability underflows; this never does.
    """
    shifted = z - z.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    # --8<-- [end:log_softmax]


# --8<-- [start:softmax]
class Softmax(Module):
    """y = softmax(x), row-wise: y_ik = e^x_ik / sum_j e^x_ij.    x, y: (batch, classes)"""

    def forward(self, x: np.ndarray) -> np.ndarray:
        self._y = softmax(x)  # its Jacobian is written in y alone
        return self._y

    @checked_backward
    def backward(self, grad_out: np.ndarray, *, input_grad: bool = True) -> np.ndarray:
        """grad_in = y * (grad_out - sum_k grad_out_k y_k), row by row.

        The Jacobian dy_k/dx_j = y_k ([k = j] - y_j), applied to grad_out without ever
        forming the (classes, classes) matrix.
        """
        return self._y * (grad_out - (grad_out * self._y).sum(axis=1, keepdims=True))
        # --8<-- [end:softmax]


# --8<-- [start:sequential]
class Sequential(Module):
    """Modules applied in order; backward runs them in reverse, chaining the gradients.

    It checks nothing itself: each layer checks its own calls, naming itself.
    """

    def __init__(self, layers: Iterable[Module]):
        self.layers = list(layers)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return self.forward(x)

    def forward(self, x: np.ndarray) -> np.ndarray:
        for layer in self.layers:
            x = layer(x)
        return x

    def backward(self, grad_out: np.ndarray, *, input_grad: bool = True) -> np.ndarray | None:
        """Each layer's grad_in is the grad_out of the layer before it. With
        ``input_grad=False`` the first layer skips d loss/d input (for a Linear first
        layer on 784 pixels, a third of its backward work)."""
        for layer in reversed(self.layers[1:]):
            grad_out = layer.backward(grad_out)
        return self.layers[0].backward(grad_out, input_grad=input_grad)

    def parameters(self) -> list[Parameter]:
        return [p for layer in self.layers for p in layer.parameters()]

    def __repr__(self) -> str:
        return f"Sequential([{', '.join(map(repr, self.layers))}])"
        # --8<-- [end:sequential]
