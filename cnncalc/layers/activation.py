"""Element-wise activations (and softmax over the channels). No MACs; PReLU's slopes are its only
parameters. Each is its formula applied to the array: the executor has one path for them."""
from __future__ import annotations

from cnncalc import TYPE_CHECKING, codes
from cnncalc.layers.arguments import MAP_SIZE, Pair, RealKind, declared_inputs, flag, option, positional
from cnncalc.layers.base import (
    BYTES_PER_VALUE,
    KEEPS_INPUT,
    KEEPS_OUTPUT,
    Kept,
    Layer,
    Params,
    ShapeContext,
    Working,
    last_axis_flag,
    said_last_axis_of_a_map,
    said_written_size,
    thousands,
)
from cnncalc.limits import MAX_REAL
from cnncalc.shape import Shape

if TYPE_CHECKING:
    import numpy as np


class ReLU(Layer):
    """max(0, x)."""

    keyword = "relu"
    example = "relu"

    def kept(self, x: Shape, y: Shape) -> Kept:
        return KEEPS_OUTPUT  # its gradient is a function of its output

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        return np.maximum(x, 0), 0  # one pass, no mask (NaN propagates, as it does through max)

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * itemsize  # the result


class LeakyReLU(Layer):
    """x for x > 0, slope·x otherwise."""

    keyword = "leakyrelu"
    example = "leakyrelu 0.1"
    slope: float = positional(RealKind(0, MAX_REAL), default=0.01)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        return np.where(x > 0, x, x * self.slope), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * (2 * itemsize + 1)  # the scaled copy, the mask, the result


class Sigmoid(Layer):
    """1 / (1 + e^-x)."""

    keyword = "sigmoid"
    example = "sigmoid"

    def kept(self, x: Shape, y: Shape) -> Kept:
        return KEEPS_OUTPUT  # its gradient is a function of its output

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        y = np.tanh(0.5 * x)
        y += 1
        y *= 0.5
        return y, 0  # = 1/(1 + e^-x), without overflow

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return 2 * _size(x) * itemsize


class Tanh(Layer):
    """tanh(x)."""

    keyword = "tanh"
    example = "tanh"

    def kept(self, x: Shape, y: Shape) -> Kept:
        return KEEPS_OUTPUT  # its gradient is a function of its output

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        return np.tanh(x), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * itemsize


class GELU(Layer):
    """x·Φ(x), Φ the standard normal CDF: the exact erf form, or with `tanh` the tanh approximation
    (PyTorch's `approximate='tanh'`): the same shape and cost, slightly other values."""

    keyword = "gelu"
    example = "gelu"
    approximation: str = flag({"tanh": "tanh"}, default="erf",
                              doc="the tanh approximation, x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))/2")

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        return (kernels.gelu_tanh(x) if self.approximation == "tanh" else kernels.gelu(x)), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        if self.approximation == "tanh":
            return 2 * _size(x) * itemsize  # the inner sum, the result
        return _size(x) * (itemsize + 8 + itemsize)  # x/√2, erf in float64, the result


class _Softmax(Layer):
    """Over the channels (the last axis of cnncalc's HxWxC); with `lastaxis`, over PyTorch's last axis (its
    `dim=-1`): the same on a vector, while on a map PyTorch's last axis is the width (E037)."""

    on_maps: bool = last_axis_flag("over the last axis as PyTorch's dim=-1: a vector only (E037 on a map)")

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        if not self.on_maps:
            said_last_axis_of_a_map(ctx, x, f"{self.keyword} over the last axis (PyTorch's dim=-1)",
                                    f"over the channels: `dim=1` (cnncalc's plain `{self.keyword}`)")
        return x

    def kept(self, x: Shape, y: Shape) -> Kept:
        return KEEPS_OUTPUT  # its gradient is a function of its output (the log-softmax's: e^output)

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return 2 * _size(x) * itemsize + 2 * x[0] * itemsize


class Softmax(_Softmax):
    """e^x / Σ e^x over the channels (the last axis)."""

    keyword = "softmax"
    example = "softmax"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        return kernels.softmax(x), 0


class LogSoftmax(_Softmax):
    """log(e^x / Σ e^x) over the channels (PyTorch's classifiers trained with NLLLoss end with it)."""

    keyword = "logsoftmax"
    example = "logsoftmax"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        return kernels.log_softmax(x), 0


class ReLU6(Layer):
    """min(max(0, x), 6) (MobileNet)."""

    keyword = "relu6"
    example = "relu6"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        return np.clip(x, 0, 6), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * itemsize


class HardSigmoid(Layer):
    """relu6(x + 3)/6 (MobileNetV3's gate)."""

    keyword = "hardsigmoid"
    example = "hardsigmoid"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        return _hard_sigmoid(x), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * itemsize


class HardSwish(Layer):
    """x·relu6(x + 3)/6 (MobileNetV3)."""

    keyword = "hardswish"
    example = "hardswish"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        y = _hard_sigmoid(x)
        y *= x
        return y, 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * itemsize


class SiLU(Layer):
    """x·sigmoid(x) (EfficientNet's swish)."""

    keyword = "silu"
    aliases = ("swish",)
    example = "silu"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        y, _ = Sigmoid().run(x, w, ceil, naive)
        y *= x
        return y, 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return 2 * _size(x) * itemsize


class ELU(Layer):
    """x for x > 0, alpha·(e^x - 1) otherwise."""

    keyword = "elu"
    example = "elu 1.0"
    alpha: float = positional(RealKind(0, MAX_REAL), default=1.0)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        return _elu(x, self.alpha), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * (3 * itemsize + 1)


def _elu(x: np.ndarray, alpha: float) -> np.ndarray:
    import numpy as np
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0)))


# SELU's fixed constants (Klambauer et al. 2017), as PyTorch and Keras define them
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


class SELU(Layer):
    """The scaled ELU of self-normalising networks: scale·x for x > 0, scale·alpha·(e^x - 1) otherwise, with the
    fixed alpha ≈ 1.6733 and scale ≈ 1.0507 (Klambauer et al. 2017; PyTorch's SELU, Keras' `selu`, ONNX's Selu)."""

    keyword = "selu"
    example = "selu"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        return SELU_SCALE * _elu(x, SELU_ALPHA), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * (3 * itemsize + 1)  # as ELU's


class Mish(Layer):
    """x·tanh(softplus(x)), softplus(x) = ln(1 + e^x)."""

    keyword = "mish"
    example = "mish"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        y = np.logaddexp(0, x)  # softplus without overflow
        np.tanh(y, out=y)
        y *= x
        return y, 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * itemsize


class Softplus(Layer):
    """ln(1 + e^(beta·x))/beta, and x itself where beta·x is above `threshold` (PyTorch's Softplus; Keras'
    and ONNX's are beta 1 without the threshold, which changes nothing a float32 can hold: e^-20 ≈ 2e-9)."""

    keyword = "softplus"
    example = "softplus"
    beta: float = option(RealKind(0, MAX_REAL, above=True), default=1.0, doc="the curve's sharpness")
    threshold: float = option(RealKind(-MAX_REAL, MAX_REAL), default=20.0, doc="above it (beta·x), x itself")

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        scaled = x * self.beta
        y = np.logaddexp(0, scaled)  # ln(1 + e^t) without overflow
        y /= self.beta
        return np.where(scaled > self.threshold, x, y), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * (3 * itemsize + 1)  # the scaled input, the softplus, the mask, the result


class Softsign(Layer):
    """x / (1 + |x|)."""

    keyword = "softsign"
    example = "softsign"

    def kept(self, x: Shape, y: Shape) -> Kept:
        return Kept("input", x.size * BYTES_PER_VALUE)  # PyTorch divides by |x| + 1, which its division keeps too

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        y = np.abs(x)
        y += 1
        np.divide(x, y, out=y)
        return y, 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * itemsize


class HardTanh(Layer):
    """x clipped to [low, high] (PyTorch's Hardtanh, -1 to 1 unless told; `x.clamp(a, b)`; ONNX's Clip; Keras'
    `hard_tanh`). Clipped to [0, 6] it is `relu6`."""

    keyword = "hardtanh"
    example = "hardtanh low 0 high 20"
    low: float = option(RealKind(-MAX_REAL, MAX_REAL), default=-1.0, names=("min",), doc="the least value it gives")
    high: float = option(RealKind(-MAX_REAL, MAX_REAL), default=1.0, names=("max",), doc="the largest")

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        if not self.high > self.low:
            ctx.report(codes.E013, f"the values are clipped to [{self.low:g}, {self.high:g}]: `high` must be above "
                                   f"`low`", arg="high", hint="e.g. `hardtanh low -1 high 1`")
            return None
        return x

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        return np.clip(x, self.low, self.high), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * itemsize


class Threshold(Layer):
    """x where x > threshold, `value` otherwise (PyTorch's Threshold; ONNX's ThresholdedRelu is value 0)."""

    keyword = "threshold"
    example = "threshold 0.1 value 0"
    threshold: float = positional(RealKind(-MAX_REAL, MAX_REAL), doc="a value at or below it is replaced")
    value: float = option(RealKind(-MAX_REAL, MAX_REAL), default=0.0, doc="what replaces a value not above it")

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        return np.where(x <= self.threshold, np.asarray(self.value, x.dtype), x), 0  # NaN kept, as PyTorch's

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * (itemsize + 1)  # the mask, the result


class HardShrink(Layer):
    """x where |x| > lambda, 0 otherwise (PyTorch's Hardshrink, Keras' `hard_shrink`, ONNX's Shrink without its
    bias)."""

    keyword = "hardshrink"
    example = "hardshrink 0.5"
    lambd: float = positional(RealKind(0, MAX_REAL), default=0.5, doc="a value within ±lambda becomes 0")

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        return np.where((x >= -self.lambd) & (x <= self.lambd), np.asarray(0, x.dtype), x), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * (itemsize + 3)  # two masks, their conjunction, the result


class SoftShrink(Layer):
    """x - lambda above lambda, x + lambda below -lambda, 0 between (PyTorch's Softshrink, Keras' `soft_shrink`,
    ONNX's Shrink with its bias equal to lambd)."""

    keyword = "softshrink"
    example = "softshrink 0.5"
    lambd: float = positional(RealKind(0, MAX_REAL), default=0.5, doc="a value within ±lambda becomes 0, the others "
                                                                       "move lambda towards 0")

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        lambd = np.asarray(self.lambd, x.dtype)
        return np.where(x > lambd, x - lambd, np.where(x < -lambd, x + lambd, np.asarray(0, x.dtype))), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * (4 * itemsize + 2)  # x - lambda, x + lambda, the inner choice, two masks, the result


class TanhShrink(Layer):
    """x - tanh(x) (PyTorch's Tanhshrink, Keras' `tanh_shrink`)."""

    keyword = "tanhshrink"
    example = "tanhshrink"

    def kept(self, x: Shape, y: Shape) -> Kept:
        return Kept("nothing", x.size * BYTES_PER_VALUE)  # PyTorch's x - x.tanh(): the tanh keeps its output

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        return x - np.tanh(x), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return 2 * _size(x) * itemsize  # the tanh, the result


class LogSigmoid(Layer):
    """ln(1 / (1 + e^-x)) = -softplus(-x)."""

    keyword = "logsigmoid"
    example = "logsigmoid"

    def kept(self, x: Shape, y: Shape) -> Kept:
        return Kept("input", x.size * BYTES_PER_VALUE)  # and PyTorch's buffer of the same size (its CPU kernel's)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        y = np.logaddexp(0, -x)  # without overflow
        np.negative(y, out=y)
        return y, 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return 2 * _size(x) * itemsize


class CELU(Layer):
    """x for x > 0, alpha·(e^(x/alpha) - 1) otherwise: ELU, continuously differentiable for any alpha."""

    keyword = "celu"
    example = "celu 1.0"
    alpha: float = positional(RealKind(0, MAX_REAL, above=True), default=1.0)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        return np.where(x > 0, x, self.alpha * np.expm1(np.minimum(x, 0) / self.alpha)), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * (4 * itemsize + 1)


class PReLU(Layer):
    """x for x > 0, a·x otherwise, with a learnt slope `a`: one for the whole layer (PyTorch's
    default), one per channel with `perchannel`, or one per value of the input with `pervalue` (Keras' PReLU
    without shared axes, its default)."""

    keyword = "prelu"
    example = "prelu perchannel"
    slopes: str = flag({"perchannel": "channel", "pervalue": "value"}, default="one",
                       doc="a slope per channel, or per value of its input")
    inputs: int | None = declared_inputs()
    size: Pair | None = option(MAP_SIZE, default=None, doc="with `pervalue`, the input's height and width, when "
                                                       "written (a framework's layer built for that map): checked")

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        said_written_size(ctx, x, self.size)
        return x

    def kept(self, x: Shape, y: Shape) -> Kept:
        if self.slopes == "value" and not x.is_flat:  # PyTorch has no module for it: `torch.where(x > 0, x, x·a)`,
            return Kept("input", x.size)  # as `convert --to pytorch` writes it, keeps its mask too, a byte a value
        return KEEPS_INPUT

    def params(self, x: Shape) -> Params:
        return Params(weights=_size(self._slope_shape(x.dims)))

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        if self.slopes == "value" and not x.is_flat:
            h, w, c = x.dims
            return Working(params=f"one slope per value = {h}·{w}·{c} = {thousands(x.size)}")
        if self.slopes == "value":
            return Working(params=f"one slope per value = {thousands(x.size)}")
        if self.slopes == "channel":
            return Working(params=f"one slope per channel = {thousands(x.channels)}")
        return Working(params="one slope = 1")

    def weight_shapes(self, x: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
        return {"slope": self._slope_shape(x)}

    def _slope_shape(self, x: tuple[int, ...]) -> tuple[int, ...]:
        """The slopes' array for a per-image input `x` (a vector's values are its channels)."""
        return x if self.slopes == "value" else (x[-1],) if self.slopes == "channel" else (1,)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        return np.where(x > 0, x, x * w["slope"]), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * (2 * itemsize + 1)


def _hard_sigmoid(x: np.ndarray) -> np.ndarray:
    import numpy as np
    y = x + 3
    np.clip(y, 0, 6, out=y)
    y /= 6
    return y


def _size(shape: tuple[int, ...]) -> int:
    n = 1
    for d in shape:
        n *= d
    return n
