"""Sliding-window output sizes with their diagnostics, shared by convolutions and pools:
E030/N030 (inexact division), E031 (no window fits), E032 (pooling padding) and the fix search.
Every search here is bounded by a constant, whatever the numbers."""
from __future__ import annotations

from math import gcd, isqrt

from cnncalc import TYPE_CHECKING, axis, codes, field
from cnncalc.layers.arguments import Pad, Pair
from cnncalc.layers.base import ShapeContext
from cnncalc.shape import AxisSize, Shape, effective_kernel, out_len, same_padding

if TYPE_CHECKING:
    from cnncalc.axis import AxisRule
    from cnncalc.field import Step


def resolve_pad(x: Shape, kernel: Pair, stride: Pair, dilation: Pair, pad: Pad) -> Pad:
    """`pad same` as explicit per-side padding for this input."""
    if not pad.same:
        return pad
    top, bottom = same_padding(x.dims[0], effective_kernel(kernel[0], dilation[0]), stride[0])
    left, right = same_padding(x.dims[1], effective_kernel(kernel[1], dilation[1]), stride[1])
    return Pad(top, bottom, left, right)


def window_rules(kernel: Pair, stride: Pair, pad: Pad, dilation: Pair) -> tuple[AxisRule, AxisRule]:
    """Each axis's output-size rule, for the sizes `solve` lists: a window of the dilated kernel's reach."""
    return (axis.Window(effective_kernel(kernel[0], dilation[0]), stride[0], pad.top, pad.bottom, pad.same),
            axis.Window(effective_kernel(kernel[1], dilation[1]), stride[1], pad.left, pad.right, pad.same))


def window_steps(x: Shape, kernel: Pair, stride: Pair, pad: Pad, dilation: Pair) -> tuple[Step, Step]:
    """Each axis's receptive-field step (cnncalc/field.py), with `pad same` as this input resolves it."""
    p = resolve_pad(x, kernel, stride, dilation, pad)
    return (field.window(kernel[0], stride[0], p.top, dilation[0]),
            field.window(kernel[1], stride[1], p.left, dilation[1]))


def window_axes(x: Shape, kernel: Pair, stride: Pair, pad: Pad, dilation: Pair,
                ceil: bool) -> tuple[AxisSize, AxisSize]:
    p = resolve_pad(x, kernel, stride, dilation, pad)
    return (out_len(x.dims[0], effective_kernel(kernel[0], dilation[0]), stride[0], p.top, p.bottom, ceil),
            out_len(x.dims[1], effective_kernel(kernel[1], dilation[1]), stride[1], p.left, p.right, ceil))


def window_output(x: Shape, channels: int, kernel: Pair, stride: Pair, pad: Pad, dilation: Pair,
                  ctx: ShapeContext, *, pool: bool = False, of_the_map: bool = False,
                  wide_pad: bool = False, padded: bool = True) -> Shape | None:
    """`HoutxWoutxchannels`, reporting inexact divisions (E030/N030) and empty outputs (E031). A window
    `of_the_map` (its side the map's width or height, `globalavgpool width`) has no padding or stride to
    change: the fixes suggested are input sizes; a layer that cannot be `padded` (`lppool`) is not told to
    pad. A pool's padding is held to PyTorch's limit, or to Caffe's, ONNX's and MATLAB's with `wide_pad`
    (E032)."""
    if pool and not pad.same and not _pool_padding_fits(kernel, pad, ctx, wide_pad):
        return None  # the framework refuses it: no output to go on with
    h, w = window_axes(x, kernel, stride, pad, dilation, ctx.rounding == "ceil")
    empty = [a for a in (h, w) if a.value < 1]
    if empty:
        a = empty[0]
        ctx.report(codes.E031, f"{a.arithmetic()}: the output would be empty", arg="kernel",
                   hint=f"the kernel spans {a.f_eff} pixels but the padded input has only {a.n + a.pad_total}; "
                        f"use a smaller kernel or more padding" if padded else
                        f"the kernel spans {a.f_eff} pixels but the input has only {a.n}; use a smaller kernel")
        ctx.no_window()
        return None
    inexact = [(axis, a) for axis, a in (("height", h), ("width", w)) if not a.whole]
    if inexact:
        _report_inexact(inexact, pool, ctx, of_the_map, padded)
        ctx.divided((h.span + h.stride, h.stride), (w.span + w.stride, w.stride))
    return Shape.volume(h.value, w.value, channels)


def _pool_padding_fits(kernel: Pair, pad: Pad, ctx: ShapeContext, wide: bool) -> bool:
    for k, sides in ((kernel[0], (pad.top, pad.bottom)), (kernel[1], (pad.left, pad.right))):
        if wide and max(sides) >= k:
            ctx.report(codes.E032, f"pooling padding {max(sides)} is not less than the {k}-wide window: a window "
                                   f"could see padding alone", arg="pad",
                       hint=f"use pad {k - 1} or less (Caffe, ONNX and MATLAB require P < K)")
            return False
        if not wide and max(sides) > k // 2:
            ctx.report(codes.E032, f"pooling padding {max(sides)} is more than half the {k}-wide window",
                       arg="pad", hint=f"use pad {k // 2} or less (PyTorch requires P <= floor(K/2)); "
                                       f"`widepad` allows up to {k - 1}, as Caffe, ONNX and MATLAB do")
            return False
    return True


def _report_inexact(inexact: list[tuple[str, AxisSize]], pool: bool, ctx: ShapeContext, of_the_map: bool,
                    padded: bool) -> None:
    same_both = len(inexact) == 2 and inexact[0][1] == inexact[1][1]
    parts = inexact[:1] if same_both else inexact

    def label(axis: str) -> str:
        return "" if same_both else f"{axis}: "

    if ctx.rounding == "exact":
        message = "; ".join(f"{label(axis)}{a.arithmetic()} is not a whole number" for axis, a in parts)
        notes = tuple(_framework_note(a) for _, a in parts)
        ctx.report(codes.E030, message, arg="stride",
                   hint=_fixes(parts, pool, "size" if same_both else parts[0][0], of_the_map, padded),
                   notes=notes)
    else:
        up = ctx.rounding == "ceil"
        message = "; ".join(f"{label(axis)}{a.arithmetic()}, {_rounded_up(a) if up else f'rounded down to {a.value}'} "
                            f"({ctx.rounding_source})" for axis, a in parts)
        if ctx.rounding_stated:
            ctx.report(codes.N030, message, arg="stride")
        else:  # the framework's silent rule: worth seeing, with the fix, but not an error in its file
            ctx.report(codes.W030, message, arg="stride",
                       hint=_fixes(parts, pool, "size" if same_both else parts[0][0], of_the_map, padded))


def _rounded_up(a: AxisSize, verb: str = "rounded") -> str:
    """`rounded up to 5`; or, when PyTorch's ceil_mode (and Caffe's pooling) drop the extra window because it
    would start in the end padding, `rounded up to 5, less that last window, which would start in the padding: 4`."""
    up = a.span // a.stride + 2
    if a.value == up:
        return f"{verb} up to {up}"
    return f"{verb} up to {up}, less that last window, which would start in the padding: {a.value}"


def _framework_note(a: AxisSize) -> str:
    floor = out_len(a.n, a.f_eff, a.stride, a.pad_begin, a.pad_end, False).value
    ceil = out_len(a.n, a.f_eff, a.stride, a.pad_begin, a.pad_end, True)
    unused = a.span % a.stride
    rows = "row" if unused == 1 else "rows"
    columns = "column" if unused == 1 else "columns"
    return (f"PyTorch and TensorFlow floor this to {floor} and never visit the last {unused} {rows}/{columns}; "
            f"Caffe pooling (and PyTorch's ceil_mode) {_rounded_up(ceil, 'rounds')}")


def _fixes(parts: list[tuple[str, AxisSize]], pool: bool, axis: str, of_the_map: bool, padded: bool) -> str:
    """The nearest padding (for a layer that can be padded), stride and input size that make the division
    exact (input sizes only for a window of the map's own size)."""
    a = parts[0][1]
    span = a.span
    suggestions = []
    pad_fix = None if of_the_map or not padded else _nearest_pad(a, pool)
    if pad_fix is not None:
        suggestions.append(pad_fix)
    stride = None if of_the_map else _nearest_divisor(span, a.stride)
    if stride is not None:
        suggestions.append(f"stride {stride} (gives {span // stride + 1})")
    r = span % a.stride
    sizes = [n for n in (a.n - r, a.n + a.stride - r) if n - a.f_eff + a.pad_total >= 0 and n >= 1]
    if sizes:
        shown = " or ".join(f"{n} (gives {(n - a.f_eff + a.pad_total) // a.stride + 1})"
                            for n in sorted(sizes, key=lambda n: abs(n - a.n)))
        suggestions.append(f"an input {axis} of {shown}")
    if of_the_map:
        return "use " + ", or ".join(suggestions) + "; or keep it and write the network's `rounding floor` line"
    if not suggestions:
        return "state the rounding with `rounding floor` or `ceil` on the layer"
    return "use " + ", or ".join(suggestions) + "; or keep it and write `floor`/`ceil` on the layer"


def _nearest_divisor(span: int, stride: int, reach: int = 64) -> int | None:
    """The stride closest to `stride` (within `reach`) that divides `span` exactly."""
    if span <= 0:
        return None
    for d in range(1, reach + 1):
        for s in (stride - d, stride + d):
            if 1 <= s <= span and span % s == 0:
                return s
    return None


def _nearest_pad(a: AxisSize, pool: bool) -> str | None:
    """The total padding closest to the current one that divides; asymmetric when it is odd."""
    base = a.n - a.f_eff
    first = (-base) % a.stride  # smallest total padding that divides
    if base + first < 0:
        first += -(-(-base - first) // a.stride) * a.stride
    below = first + max(0, (a.pad_total - first) // a.stride) * a.stride
    candidates = [t for t in (below, below + a.stride) if t >= first]
    if pool:
        candidates = [t for t in candidates if (t + 1) // 2 <= a.f_eff // 2]
    if not candidates:
        return None
    t = min(candidates, key=lambda t: (abs(t - a.pad_total), t % 2, t))
    out = (base + t) // a.stride + 1
    if t % 2 == 0:
        return f"pad {t // 2} (gives {out})"
    return f"pad {t // 2},{t - t // 2},{t // 2},{t - t // 2} (total {t}, gives {out})"


def largest_divisor_at_most(n: int, limit: int) -> int:
    """The largest divisor of `n` not above `limit` (trial division up to √n: bounded by the limits)."""
    best = 1
    for d in range(1, isqrt(n) + 1):
        if n % d == 0:
            for candidate in (d, n // d):
                if best < candidate <= limit:
                    best = candidate
    return best


def common_groups(cin: int, cout: int, groups: int) -> int:
    """The largest groups value up to `groups` that divides both channel counts."""
    return largest_divisor_at_most(gcd(cin, cout), groups)


def format_axes(h: AxisSize, w: AxisSize) -> str:
    """`(227 - 11 + 2·0)/4 + 1 = 55`, once when both axes agree; `-> 112` after a rounded one."""
    def one(a: AxisSize) -> str:
        text = a.arithmetic()
        return text if a.whole else f"{text} -> {a.value}"
    if h == w:
        return one(h)
    return f"height {one(h)}; width {one(w)}"
