"""NumPy kernels for the executor: for each operation a naive path (loops over windows, one
window, one sum: obviously right) and a fast path (sliding windows + BLAS), both counting the
multiply-accumulates they actually perform.

Arrays are channels-last: a volume batch is (N, H, W, C), a vector batch (N, F). Output sizes
come from enumerating window positions over the real arrays, never from the walker's formula.
Imported only by commands that execute a network.
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

CHUNK_BYTES = 64 * 2**20  # an im2col block never exceeds this; larger convolutions go in row chunks


def pads_for(pad: Any, hw: tuple[int, ...], kernel: tuple[int, int], stride: tuple[int, int],
             dilation: tuple[int, int]) -> tuple[int, int, int, int]:
    """Padding per side (top, bottom, left, right) from a layer's `pad` value; `same` resolved as
    TensorFlow's kernels do it (total = F_eff - (N mod S), or F_eff - S when S divides N), not with
    the walker's rule."""
    if not pad.same:
        return pad.top, pad.bottom, pad.left, pad.right
    sides = []
    for n, k, s, d in ((hw[0], kernel[0], stride[0], dilation[0]), (hw[1], kernel[1], stride[1], dilation[1])):
        reach = d * (k - 1) + 1
        total = max(reach - (n % s if n % s else s), 0)
        sides += [total // 2, total - total // 2]
    return sides[0], sides[1], sides[2], sides[3]


def window_starts(n: int, f_eff: int, stride: int, pad_begin: int, pad_end: int, ceil: bool) -> list[int]:
    """Start positions (input coordinates, negative inside the padding) of every window.

    Floor: every window that fits in the padded input. Ceil (PyTorch's ceil_mode): also a last,
    partial window, unless it would start inside the end padding.
    """
    starts: list[int] = []
    k = 0
    while True:
        start = k * stride - pad_begin
        fits = start + f_eff <= n + pad_end
        partial = ceil and start + f_eff - stride < n + pad_end and start < n
        if not (fits or partial):
            return starts
        starts.append(start)
        k += 1


def _reach(kernel: tuple[int, int], dilation: tuple[int, int]) -> tuple[int, int]:
    """How many input rows and columns one dilated window spans."""
    return dilation[0] * (kernel[0] - 1) + 1, dilation[1] * (kernel[1] - 1) + 1


def _padded(x: np.ndarray, pads: tuple[int, int, int, int], extra: tuple[int, int], fill: float) -> np.ndarray:
    top, bottom, left, right = pads
    return np.pad(x, ((0, 0), (top, bottom + extra[0]), (left, right + extra[1]), (0, 0)), constant_values=fill)


def _windows(xp: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int], dilation: tuple[int, int],
             counts: tuple[int, int]) -> np.ndarray:
    """(N, Ho, Wo, C, Kh, Kw) view of the windows starting every `stride` in the padded array."""
    feh, few = _reach(kernel, dilation)
    view = sliding_window_view(xp, (feh, few), axis=(1, 2))
    return view[:, ::stride[0], ::stride[1], :, ::dilation[0], ::dilation[1]][:, :counts[0], :counts[1]]


# ---- convolution -----------------------------------------------------------------------

def conv2d(x: np.ndarray, w: np.ndarray, b: np.ndarray | None, stride: tuple[int, int],
           pads: tuple[int, int, int, int], dilation: tuple[int, int], groups: int, ceil: bool,
           naive: bool = False) -> tuple[np.ndarray, int]:
    """Convolution; `w` is a stack of filters (C_out, Kh, Kw, C_in/groups). Returns (y, MACs)."""
    kernel = (w.shape[1], w.shape[2])
    rows, cols = _starts(x, kernel, stride, pads, dilation, ceil)
    if naive:
        return _conv2d_naive(x, w, b, rows, cols, dilation, groups)
    extra = _extra(x, kernel, dilation, pads, rows, cols)
    xp = _padded(x, pads, extra, 0.0)
    n, cout, cg = x.shape[0], w.shape[0], w.shape[3]
    og = cout // groups
    y = np.empty((n, len(rows), len(cols), cout), dtype=np.result_type(x, w))
    macs = 0
    row_bytes = n * len(cols) * cg * kernel[0] * kernel[1] * xp.itemsize
    step = max(1, CHUNK_BYTES // max(row_bytes, 1))
    for r0 in range(0, len(rows), step):
        r1 = min(r0 + step, len(rows))
        sub = xp[:, r0 * stride[0]:(r1 - 1) * stride[0] + _reach(kernel, dilation)[0]]
        # (N, Ho, Wo, Kh, Kw, C): channels innermost, so the im2col copy reads contiguous runs.
        win = _windows(sub, kernel, stride, dilation, (r1 - r0, len(cols))).transpose(0, 1, 2, 4, 5, 3)
        for g in range(groups):
            patches = win[..., g * cg:(g + 1) * cg]
            out = np.tensordot(patches, w[g * og:(g + 1) * og], axes=([3, 4, 5], [1, 2, 3]))
            y[:, r0:r1, :, g * og:(g + 1) * og] = out
            macs += patches.size * og
    if b is not None:
        y += b
    return y, macs


def depthwise2d(x: np.ndarray, w: np.ndarray, b: np.ndarray | None, stride: tuple[int, int],
                pads: tuple[int, int, int, int], dilation: tuple[int, int], ceil: bool,
                naive: bool = False) -> tuple[np.ndarray, int]:
    """Convolution with groups = C_in; `w` is (M·C_in, Kh, Kw, 1). One multiply per tap and channel."""
    if naive:
        return conv2d(x, w, b, stride, pads, dilation, x.shape[3], ceil, naive=True)
    kernel = (w.shape[1], w.shape[2])
    rows, cols = _starts(x, kernel, stride, pads, dilation, ceil)
    xp = _padded(x, pads, _extra(x, kernel, dilation, pads, rows, cols), 0.0)
    win = _windows(xp, kernel, stride, dilation, (len(rows), len(cols)))  # (N, Ho, Wo, C, Kh, Kw)
    c = x.shape[3]
    m = w.shape[0] // c
    taps = w[:, :, :, 0].reshape(c, m, kernel[0], kernel[1])
    y = np.einsum("nhwckl,cmkl->nhwcm", win, taps, optimize=True).reshape(x.shape[0], len(rows), len(cols), c * m)
    if b is not None:
        y = y + b
    return y, win.size * m


def _starts(x: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int], pads: tuple[int, int, int, int],
            dilation: tuple[int, int], ceil: bool) -> tuple[list[int], list[int]]:
    feh, few = _reach(kernel, dilation)
    return (window_starts(x.shape[1], feh, stride[0], pads[0], pads[1], ceil),
            window_starts(x.shape[2], few, stride[1], pads[2], pads[3], ceil))


def _extra(x: np.ndarray, kernel: tuple[int, int], dilation: tuple[int, int], pads: tuple[int, int, int, int],
           rows: list[int], cols: list[int]) -> tuple[int, int]:
    """Padding past the end that a ceil-mode last window reaches into."""
    feh, few = _reach(kernel, dilation)
    need_h = (rows[-1] + feh) - (x.shape[1] + pads[1]) if rows else 0
    need_w = (cols[-1] + few) - (x.shape[2] + pads[3]) if cols else 0
    return max(need_h, 0), max(need_w, 0)


def _conv2d_naive(x: np.ndarray, w: np.ndarray, b: np.ndarray | None, rows: list[int], cols: list[int],
                  dilation: tuple[int, int], groups: int) -> tuple[np.ndarray, int]:
    n, h, wd, _ = x.shape
    cout, kh, kw, cg = w.shape
    og = cout // groups
    y = np.zeros((n, len(rows), len(cols), cout), dtype=np.result_type(x, w))
    macs = 0
    for img in range(n):
        for o in range(cout):
            g = o // og
            for i, r in enumerate(rows):
                for j, c in enumerate(cols):
                    total = 0.0
                    for a in range(kh):
                        for bb in range(kw):
                            rr, cc = r + a * dilation[0], c + bb * dilation[1]
                            if 0 <= rr < h and 0 <= cc < wd:  # outside is zero padding
                                total += float(np.dot(x[img, rr, cc, g * cg:(g + 1) * cg], w[o, a, bb]))
                            macs += cg
                    y[img, i, j, o] = total + (b[o] if b is not None else 0.0)
    return y, macs


def conv_transpose2d(x: np.ndarray, w: np.ndarray, b: np.ndarray | None, stride: tuple[int, int],
                     pads: tuple[int, int, int, int], outpad: tuple[int, int], dilation: tuple[int, int],
                     groups: int, naive: bool = False) -> tuple[np.ndarray, int]:
    """Transposed convolution: each input pixel scatters `w[c_in]` (Kh, Kw, C_out/groups) into the
    output. The canvas spans every position touched, plus `outpad` rows/columns at the end; then
    the padding is cropped from both sides."""
    n, h, wd, cin = x.shape
    _, kh, kw, og = w.shape
    cg = cin // groups
    canvas_h = _reached(h, kh, stride[0], dilation[0]) + outpad[0]
    canvas_w = _reached(wd, kw, stride[1], dilation[1]) + outpad[1]
    canvas = np.zeros((n, canvas_h, canvas_w, og * groups), dtype=np.result_type(x, w))
    macs = 0
    for g in range(groups):
        xs, ws = x[..., g * cg:(g + 1) * cg], w[g * cg:(g + 1) * cg]
        out = canvas[..., g * og:(g + 1) * og]
        if naive:
            for img in range(n):
                for i in range(h):
                    for j in range(wd):
                        for c in range(cg):
                            for a in range(kh):
                                for bb in range(kw):
                                    out[img, i * stride[0] + a * dilation[0], j * stride[1] + bb * dilation[1]] += \
                                        xs[img, i, j, c] * ws[c, a, bb]
                                    macs += og
            continue
        cols = np.tensordot(xs, ws, axes=([3], [0]))  # (N, H, W, Kh, Kw, Og)
        macs += xs.size * kh * kw * og
        for a in range(kh):
            for bb in range(kw):
                r0, c0 = a * dilation[0], bb * dilation[1]
                out[:, r0:r0 + (h - 1) * stride[0] + 1:stride[0], c0:c0 + (wd - 1) * stride[1] + 1:stride[1]] += \
                    cols[:, :, :, a, bb]
    top, bottom, left, right = pads
    y = canvas[:, top:canvas_h - bottom, left:canvas_w - right]
    if b is not None:
        y = y + b
    return np.ascontiguousarray(y), macs


def _reached(n: int, k: int, stride: int, dilation: int) -> int:
    """One past the last position a scattered filter writes to: where the last input pixel's taps land
    (placing the windows, not the size formula)."""
    return max((n - 1) * stride + a * dilation for a in range(k)) + 1


# ---- pooling ---------------------------------------------------------------------------

def max_pool2d(x: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int], pads: tuple[int, int, int, int],
               dilation: tuple[int, int], ceil: bool, naive: bool = False) -> np.ndarray:
    rows, cols = _starts(x, kernel, stride, pads, dilation, ceil)
    if naive:
        y = np.empty((x.shape[0], len(rows), len(cols), x.shape[3]), dtype=x.dtype)
        for i, r in enumerate(rows):
            for j, c in enumerate(cols):
                taps = [x[:, r + a * dilation[0], c + bb * dilation[1]]
                        for a in range(kernel[0]) for bb in range(kernel[1])
                        if 0 <= r + a * dilation[0] < x.shape[1] and 0 <= c + bb * dilation[1] < x.shape[2]]
                y[:, i, j] = np.max(taps, axis=0)
        return y
    xp = _padded(x, pads, _extra(x, kernel, dilation, pads, rows, cols), -np.inf)
    pooled: np.ndarray = _windows(xp, kernel, stride, dilation, (len(rows), len(cols))).max(axis=(4, 5))
    return pooled


def avg_pool2d(x: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int], pads: tuple[int, int, int, int],
               ceil: bool, exclude_pad: bool, naive: bool = False) -> np.ndarray:
    """Mean over each window. The divisor counts the window's cells inside the padded input
    (PyTorch's count_include_pad), or only those inside the input with `exclude_pad`."""
    rows, cols = _starts(x, kernel, stride, pads, (1, 1), ceil)
    h, w = x.shape[1], x.shape[2]

    def cells(start: int, k: int, n: int, pad_end: int) -> int:
        if exclude_pad:
            return min(start + k, n) - max(start, 0)
        return min(start + k, n + pad_end) - start

    div_h = np.array([cells(r, kernel[0], h, pads[1]) for r in rows], dtype=x.dtype)
    div_w = np.array([cells(c, kernel[1], w, pads[3]) for c in cols], dtype=x.dtype)
    if naive:
        y = np.empty((x.shape[0], len(rows), len(cols), x.shape[3]), dtype=x.dtype)
        for i, r in enumerate(rows):
            for j, c in enumerate(cols):
                window = x[:, max(r, 0):min(r + kernel[0], h), max(c, 0):min(c + kernel[1], w)]
                y[:, i, j] = window.sum(axis=(1, 2)) / (div_h[i] * div_w[j])
        return y
    xp = _padded(x, pads, _extra(x, kernel, (1, 1), pads, rows, cols), 0.0)
    sums = _windows(xp, kernel, stride, (1, 1), (len(rows), len(cols))).sum(axis=(4, 5))
    means: np.ndarray = sums / (div_h[:, None] * div_w[None, :])[None, :, :, None]
    return means


# ---- the rest --------------------------------------------------------------------------

def linear(x: np.ndarray, w: np.ndarray, b: np.ndarray | None, naive: bool = False) -> tuple[np.ndarray, int]:
    """`w` is (out, in), applied to the input flattened in H, W, C order."""
    flat = x.reshape(x.shape[0], -1)
    if naive:
        y = np.array([[sum(float(flat[i, k]) * float(w[o, k]) for k in range(flat.shape[1]))
                       for o in range(w.shape[0])] for i in range(flat.shape[0])], dtype=np.result_type(x, w))
        macs = flat.shape[0] * w.shape[0] * flat.shape[1]
    else:
        y = flat @ w.T
        macs = flat.size * w.shape[0]
    return (y + b if b is not None else y), macs


def lrn(x: np.ndarray, size: int, alpha: float, beta: float, k: float) -> np.ndarray:
    """AlexNet's LRN across channels: x / (k + alpha/size · Σ x²)^beta over [c - size//2, c + (size-1)//2]."""
    squares = np.pad(x * x, [(0, 0)] * (x.ndim - 1) + [(size // 2, (size - 1) // 2)])
    window = sliding_window_view(squares, size, axis=-1).sum(axis=-1)
    return x / (k + alpha / size * window) ** beta


def batch_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, mean: np.ndarray, var: np.ndarray,
               eps: float) -> np.ndarray:
    return gamma * (x - mean) / np.sqrt(var + eps) + beta


def softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


_erf = np.vectorize(math.erf, otypes=[float])


def gelu(x: np.ndarray) -> np.ndarray:
    """Exact GELU, x·Φ(x) with Φ(x) = (1 + erf(x/√2))/2."""
    return (x * 0.5 * (1.0 + _erf(x / math.sqrt(2.0)))).astype(x.dtype)
