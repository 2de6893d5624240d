"""Sliding-window output sizes with their diagnostics, shared by convolutions and pools."""
from __future__ import annotations

from cnncalc.layers.base import Pad, ShapeContext
from cnncalc.shape import AxisSize, Rounding, Shape, effective_kernel, out_len, same_padding

Pair = tuple[int, int]


def resolve_pad(x: Shape, kernel: Pair, stride: Pair, dilation: Pair, pad: Pad) -> Pad:
    """Turn `pad same` into explicit per-side padding for this input."""
    if not pad.same:
        return pad
    top, bottom = same_padding(x.dims[0], effective_kernel(kernel[0], dilation[0]), stride[0])
    left, right = same_padding(x.dims[1], effective_kernel(kernel[1], dilation[1]), stride[1])
    return Pad(top, bottom, left, right)


def window_axes(x: Shape, kernel: Pair, stride: Pair, pad: Pad, dilation: Pair, rounding: str) -> tuple[AxisSize, AxisSize]:
    p = resolve_pad(x, kernel, stride, dilation, pad)
    mode: Rounding = "ceil" if rounding == "ceil" else "floor"
    return (out_len(x.dims[0], effective_kernel(kernel[0], dilation[0]), stride[0], p.top, p.bottom, mode),
            out_len(x.dims[1], effective_kernel(kernel[1], dilation[1]), stride[1], p.left, p.right, mode))


def window_output(x: Shape, channels: int, kernel: Pair, stride: Pair, pad: Pad, dilation: Pair,
                  layer_rounding: str | None, ctx: ShapeContext, *, pool: bool = False) -> Shape | None:
    """`HoutxWoutxchannels`, reporting inexact divisions (E030/N030) and empty outputs (E031)."""
    rounding = layer_rounding or ctx.rounding
    if pool:
        _check_pool_padding(kernel, pad, ctx)
    h, w = window_axes(x, kernel, stride, pad, dilation, rounding)
    empty = [a for a in (h, w) if a.value < 1]
    if empty:
        a = empty[0]
        ctx.report("E031", f"{a.arithmetic()}: the output would be empty",
                   field="kernel",
                   hint=f"the kernel spans {a.f_eff} pixels but the padded input has only {a.n + a.pad_total}; "
                        f"use a smaller kernel or more padding")
        return None
    inexact = [(axis, a) for axis, a in (("height", h), ("width", w)) if not a.whole]
    if inexact:
        _report_inexact(inexact, rounding, layer_rounding is not None, pool, ctx)
    return Shape.volume(h.value, w.value, channels)


def _check_pool_padding(kernel: Pair, pad: Pad, ctx: ShapeContext) -> None:
    if pad.same:
        return
    for k, sides in ((kernel[0], (pad.top, pad.bottom)), (kernel[1], (pad.left, pad.right))):
        if max(sides) > k // 2:
            ctx.report("E032", f"pooling padding {max(sides)} is more than half the {k}-wide window",
                       field="pad", hint=f"use pad {k // 2} or less (PyTorch requires P <= floor(K/2))")
            return


def _report_inexact(inexact: list[tuple[str, AxisSize]], rounding: str, per_layer: bool, pool: bool,
                    ctx: ShapeContext) -> None:
    same_both = len(inexact) == 2 and inexact[0][1] == inexact[1][1]
    parts = inexact[:1] if same_both else inexact
    named_axes = not same_both

    def label(axis: str) -> str:
        return f"{axis}: " if named_axes else ""

    if rounding == "exact":
        message = "; ".join(f"{label(axis)}{a.arithmetic()} is not a whole number" for axis, a in parts)
        notes = tuple(_framework_note(a) for _, a in parts)
        ctx.report("E030", message, field="stride", hint=_fixes(parts, pool, "size" if same_both else parts[0][0]),
                   notes=notes)
    else:
        source = f"the layer's `{rounding}`" if per_layer else f"`rounding {rounding}`"
        message = "; ".join(
            f"{label(axis)}{a.arithmetic()}, rounded {'up' if rounding == 'ceil' else 'down'} to {a.value} "
            f"({source})" for axis, a in parts)
        ctx.report("N030", message, field="stride")


def _framework_note(a: AxisSize) -> str:
    floor = out_len(a.n, a.f_eff, a.stride, a.pad_total // 2, a.pad_total - a.pad_total // 2, "floor").value
    ceil = out_len(a.n, a.f_eff, a.stride, a.pad_total // 2, a.pad_total - a.pad_total // 2, "ceil").value
    unused = (a.n - a.f_eff + a.pad_total) % a.stride
    return (f"PyTorch and TensorFlow floor this to {floor} and never visit the last {unused} "
            f"row{'s' if unused != 1 else ''}/column{'s' if unused != 1 else ''}; "
            f"Caffe pooling (and PyTorch's ceil_mode) rounds up to {ceil}")


def _fixes(parts: list[tuple[str, AxisSize]], pool: bool, axis: str) -> str:
    """The nearest padding, stride and input size that make the division exact."""
    a = parts[0][1]
    span = a.n - a.f_eff + a.pad_total
    suggestions = []
    pad_fix = _nearest_pad(a, pool)
    if pad_fix is not None:
        suggestions.append(pad_fix)
    stride = _nearest_divisor(span, a.stride)
    if stride is not None:
        suggestions.append(f"stride {stride} (gives {span // stride + 1})")
    r = span % a.stride
    sizes = [n for n in (a.n - r, a.n + a.stride - r) if n - a.f_eff + a.pad_total >= 0]
    if sizes:
        shown = " or ".join(f"{n} (gives {(n - a.f_eff + a.pad_total) // a.stride + 1})"
                            for n in sorted(sizes, key=lambda n: abs(n - a.n)))
        suggestions.append(f"an input {axis} of {shown}")
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
    while base + first < 0:
        first += a.stride
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


def format_axes(h: AxisSize, w: AxisSize, y: Shape) -> str:
    """`(227 - 11 + 2·0)/4 + 1 = 55`, once when both axes agree."""
    def one(a: AxisSize, v: int) -> str:
        text = a.arithmetic()
        return text if a.whole else f"{text} -> {v}"
    if h == w:
        return one(h, y.dims[0])
    return f"height {one(h, y.dims[0])}; width {one(w, y.dims[1])}"

