"""Small tensors of constants that a PyTorch model computes while it is built, not while it runs:
RegNet's widths (`torch.arange(depth) * w_a + w_0`, `torch.round`, `torch.log`, `.int().tolist()`), drop-path
rates (`[x.item() for x in torch.linspace(0, rate, depth)]`).
They are computed here as PyTorch computes them: whole numbers as int64, the rest in float32 (each
result rounded to float32, as its kernels round it), so a width that falls on a rounding boundary
comes out as PyTorch's does. Bounded: at most `limits.MAX_NODES` values."""
from __future__ import annotations

import math
import struct
from collections.abc import Callable
from typing import Any

from cnncalc import limits

Number = int | float


def _f32(x: float) -> float:
    return float(struct.unpack("f", struct.pack("f", x))[0])


class Values:
    """A 1-D tensor of constants: its numbers, and whether they are floating point (float32)."""

    __slots__ = ("items", "floating")

    def __init__(self, items: list[Number], floating: bool) -> None:
        if len(items) > limits.MAX_NODES:
            raise ValueError(f"a tensor of more than {limits.MAX_NODES:,} constants")
        self.items = [_f32(float(v)) for v in items] if floating else [int(v) for v in items]
        if not floating and any(abs(v) > limits.MAX_INT for v in self.items):  # before it grows in a loop
            raise ValueError(f"a whole number beyond ±{limits.MAX_INT:,}")
        self.floating = floating


def make(items: Any) -> Values:
    """`torch.tensor([...])` of numbers: float32 when any is a float, else int64."""
    if not isinstance(items, (list, tuple)) or not all(isinstance(v, (int, float)) for v in items):
        raise ValueError("torch.tensor of something other than a list of numbers")
    return Values(list(items), any(isinstance(v, float) for v in items))


def arange(*args: Any) -> Values:
    if not 1 <= len(args) <= 3 or not all(isinstance(a, int) and not isinstance(a, bool) for a in args):
        raise ValueError("torch.arange of something other than whole numbers")
    span = range(*args)
    if len(span) > limits.MAX_NODES:
        raise ValueError(f"torch.arange of more than {limits.MAX_NODES:,} values")
    return Values(list(span), False)


def linspace(start: Any, end: Any, steps: Any) -> Values:
    """`torch.linspace(0, 0.1, 12)` (drop-path rates), in float32 by PyTorch's formula: from the start for the first
    steps // 2 values, from the end after them. Its vectorised kernel may differ in the last bit (it decides the
    side per block of 8 or 16 values): rates like these set no size."""
    if not all(isinstance(a, (int, float)) and not isinstance(a, bool) for a in (start, end)) or \
            not isinstance(steps, int) or isinstance(steps, bool) or not 0 <= steps <= limits.MAX_NODES:
        raise ValueError(f"torch.linspace of something other than two numbers and 0 to {limits.MAX_NODES:,} steps")
    first, last = _f32(float(start)), _f32(float(end))
    if steps == 1:
        return Values([first], True)
    step = _f32((last - first) / (steps - 1))
    return Values([_f32(first + step * i) if i < steps // 2 else _f32(last - step * (steps - 1 - i))
                   for i in range(steps)], True)  # (each a fused multiply-add: the product not rounded first)


def _item(v: Values) -> Number:
    if len(v.items) != 1:
        raise ValueError(f"`.item()` of {len(v.items)} values")
    return v.items[0]


def elementwise(op: Callable[[Any, Any], Any], left: Any, right: Any, true_division: bool = False) -> Values:
    """`a op b` with a tensor on either side, the other a tensor of the same length or a number;
    a Python float beside an int64 tensor makes float32 (PyTorch's type promotion)."""
    sizes = [len(v.items) for v in (left, right) if isinstance(v, Values)]
    if len(set(sizes)) > 1:
        raise ValueError(f"tensors of {sizes[0]} and {sizes[1]} values")
    n = sizes[0]
    floating = true_division or any(v.floating if isinstance(v, Values) else isinstance(v, float)
                                    for v in (left, right))
    a = left.items if isinstance(left, Values) else [left] * n
    b = right.items if isinstance(right, Values) else [right] * n
    if floating:  # each operand as float32 first (a Python number too), the result rounded to float32
        return Values([op(_f32(float(x)), _f32(float(y))) for x, y in zip(a, b)], True)
    return Values([op(x, y) for x, y in zip(a, b)], False)


def _float(v: Values, f: Callable[[float], float]) -> Values:
    return Values([f(float(x)) for x in v.items], True)


def _round(v: Values) -> Values:
    return Values([round(x) for x in v.items], v.floating)  # half to even, as torch.round


def _log(x: float) -> float:
    return math.log(x) if x > 0 else -math.inf if x == 0 else math.nan


def _pow(a: Any, b: Any) -> Values:
    return elementwise(lambda x, y: x ** y, a, b)


def _diff(v: Values) -> Values:
    return Values([y - x for x, y in zip(v.items, v.items[1:])], v.floating)


# torch.<name>(...) on constants
FUNCTIONS: dict[str, Callable[..., Values]] = {
    "arange": arange, "tensor": make, "linspace": linspace, "round": _round, "diff": _diff,
    "log": lambda v: _float(v, _log), "exp": lambda v: _float(v, math.exp), "sqrt": lambda v: _float(v, math.sqrt),
    "floor": lambda v: Values([math.floor(x) for x in v.items], v.floating),
    "ceil": lambda v: Values([math.ceil(x) for x in v.items], v.floating),
    "pow": _pow, "divide": lambda a, b: elementwise(lambda x, y: x / y, a, b, True),
    "div": lambda a, b: elementwise(lambda x, y: x / y, a, b, True),
    "mul": lambda a, b: elementwise(lambda x, y: x * y, a, b),
    "add": lambda a, b: elementwise(lambda x, y: x + y, a, b),
}

# tensor.<name>() on constants
METHODS: dict[str, Callable[[Values], Any]] = {
    "int": lambda v: Values([math.trunc(x) for x in v.items], False),
    "long": lambda v: Values([math.trunc(x) for x in v.items], False),
    "float": lambda v: Values(list(v.items), True),
    "round": _round, "tolist": lambda v: list(v.items), "numel": lambda v: len(v.items), "item": _item,
}
