"""NumPy kernels for the executor: for each operation a naive path (loops over windows, one
window, one sum: obviously right) and a fast path (sliding windows + BLAS, or Winograd's F(2x2, 3x3) and
F(3x3, 5x5) for the 3x3 and 5x5 stride-1 convolutions where they pay), both counting the operation's
multiply-accumulates from the arrays they work on (the naive path one by one).

Arrays are channels-last: a volume batch is (N, H, W, C), a vector batch (N, F). Output sizes come
from enumerating window positions over the real arrays, never from the walker's formula.

Memory is accounted for: each fast kernel states what it allocates (`*_plan`, in bytes), the layers'
`workspace` uses those statements, and the executor checks them against the run's `Budget` before
running a layer, so `--max-memory` is a bound, not a hope; convolutions work in blocks of at most
BLOCK_BYTES. Imported only by commands that execute a network.
"""
from __future__ import annotations

import functools
import math
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

# Convolutions go in im2col blocks of rows and columns: BLOCK_BYTES of patches (2 MiB stays in the cache:
# VGG-16's single-thread forward measured 4-8% faster than with 32 MiB blocks), but at least
# MIN_BLOCK_PIXELS output pixels, since each product re-packs the whole weight matrix (VGG-16's 512-channel
# layers: 112-pixel blocks took 1.3-1.6x one whole product); never more than MAX_BLOCK_BYTES.
BLOCK_BYTES = 2 * 2**20
MIN_BLOCK_PIXELS = 512
MAX_BLOCK_BYTES = 32 * 2**20

# A stride-1, dilation-1, ungrouped convolution of a 3x3 or 5x5 kernel goes through Winograd's minimal
# filtering F(m x m, r x r) (Lavin & Gray, "Fast Algorithms for Convolutional Neural Networks", 2016) where it
# was measured to pay (`_winograd_tile`): per m x m output tile, (m + r - 1)² products of transformed input tiles
# and transformed filters instead of m²·r² multiplications; F(2x2, 3x3) from WINOGRAD_MIN_CHANNELS input channels
# and WINOGRAD_MIN_PIXELS output pixels per image, or from WINOGRAD_WIDE_PIXELS with WINOGRAD_WIDE channels
# (AlexNet's 13x13 and VGG-16's 14x14 layers); F(3x3, 5x5) from WINOGRAD_5X5_CHANNELS channels and
# WINOGRAD_MIN_PIXELS pixels (AlexNet's conv2). Measured on whole forwards (VGG-16, AlexNet, one thread): F(4x4,
# 3x3) made VGG-16 slower, F(2x2, 5x5) AlexNet, so neither is used. Tiles go in blocks of whole tile rows:
# WINOGRAD_BLOCK_BYTES of transformed tiles and products, but at least WINOGRAD_MIN_TILES tiles (each product
# re-packs the transformed filters). The transforms evaluate at the first m + r - 2 of WINOGRAD_POINTS, then at
# infinity: 0, ±1, 1/2, -2 and 2 are the points of Barabasz et al. ("Error analysis and improving the accuracy
# of Winograd convolution", 2020) that keep F(3x3, 5x5)'s float32 error within 10⁻⁵ of the largest output here.
WINOGRAD_MIN_CHANNELS = 16
WINOGRAD_MIN_PIXELS = 400
WINOGRAD_WIDE = 128
WINOGRAD_WIDE_PIXELS = 13 * 13
WINOGRAD_5X5_CHANNELS = 64
WINOGRAD_BLOCK_BYTES = 2 * 2**20
WINOGRAD_MIN_TILES = 128
# Filters drawn with C_out last are transformed down the kernel's rows, then along them (sums of r terms, not r²),
# where those made down the rows take at most WINOGRAD_ROWS_BYTES (AlexNet's conv2: 3.4 MB, 0.63x the time of one
# product with G ⊗ G; VGG-16's 512 channels, 12.6 MB, 1.13x: through memory twice)
WINOGRAD_ROWS_BYTES = 4 * 2**20
WINOGRAD_POINTS = ((0, 1), (1, 1), (-1, 1), (1, 2), (-2, 1), (2, 1), (-1, 2))  # fractions (numerator, denominator)


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


class Windows:
    """Where a sliding window goes over an input: its start rows and columns, and the padded extent."""

    def __init__(self, shape: tuple[int, ...], kernel: tuple[int, int], stride: tuple[int, int],
                 pads: tuple[int, int, int, int], dilation: tuple[int, int], ceil: bool) -> None:
        feh, few = _reach(kernel, dilation)
        self.rows = window_starts(shape[1], feh, stride[0], pads[0], pads[1], ceil)
        self.cols = window_starts(shape[2], few, stride[1], pads[2], pads[3], ceil)
        # A ceil-mode last window may reach past the end padding: pad that far too.
        self.extra = (max((self.rows[-1] + feh) - (shape[1] + pads[1]), 0) if self.rows else 0,
                      max((self.cols[-1] + few) - (shape[2] + pads[3]), 0) if self.cols else 0)
        self.pads = pads
        self.stride, self.dilation = stride, dilation
        self.padded_shape = (shape[0], shape[1] + pads[0] + pads[1] + self.extra[0],
                             shape[2] + pads[2] + pads[3] + self.extra[1], shape[3])
        self.needs_padding = any(pads) or any(self.extra)

    def padded(self, x: np.ndarray, fill: float) -> np.ndarray:
        if not self.needs_padding:
            return x
        top, bottom, left, right = self.pads
        return np.pad(x, ((0, 0), (top, bottom + self.extra[0]), (left, right + self.extra[1]), (0, 0)),
                      constant_values=fill)

    def padded_bytes(self, itemsize: int) -> int:
        return _size(self.padded_shape) * itemsize if self.needs_padding else 0


def _size(shape: tuple[int, ...]) -> int:
    n = 1
    for d in shape:
        n *= d
    return n


def _windows(xp: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int], dilation: tuple[int, int],
             counts: tuple[int, int]) -> np.ndarray:
    """(N, Ho, Wo, C, Kh, Kw) view of the windows starting every `stride` in the padded array."""
    feh, few = _reach(kernel, dilation)
    view = sliding_window_view(xp, (feh, few), axis=(1, 2))
    return view[:, ::stride[0], ::stride[1], :, ::dilation[0], ::dilation[1]][:, :counts[0], :counts[1]]


def _taps(xp: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int], dilation: tuple[int, int],
          counts: tuple[int, int]) -> list[np.ndarray]:
    """One (N, Ho, Wo, C) view per kernel position: the input value each window sees at that tap.
    Reducing across these views (Kh·Kw passes over output-sized arrays, channels contiguous) is several
    times faster than reducing the sliding-window view over its window axes."""
    ho, wo = counts
    return [xp[:, a * dilation[0]:a * dilation[0] + ho * stride[0]:stride[0],
               b * dilation[1]:b * dilation[1] + wo * stride[1]:stride[1]]
            for a in range(kernel[0]) for b in range(kernel[1])]


def _across_taps(ufunc: Any, taps: list[np.ndarray]) -> np.ndarray:
    """`ufunc` (np.maximum, np.add) folded over the tap views into one new output-sized array."""
    out = taps[0].copy()
    for tap in taps[1:]:
        ufunc(out, tap, out=out)
    return out


# ---- convolution -----------------------------------------------------------------------

def _conv_blocks(n: int, rows: int, cols: int, taps: int, itemsize: int) -> tuple[int, int]:
    """Rows and columns of output per im2col block: as many whole rows as the pixel count allows
    (module constants), or part of one row when even one row does not fit."""
    per_pixel = max(n * taps * itemsize, 1)
    pixels = max(BLOCK_BYTES // per_pixel, min(MIN_BLOCK_PIXELS // n, MAX_BLOCK_BYTES // per_pixel), 1)
    if pixels >= cols:
        return max(min(pixels // max(cols, 1), rows), 1), cols
    return 1, pixels


def conv2d_plan(x_shape: tuple[int, ...], cout: int, kernel: tuple[int, int], groups: int, w: Windows,
                itemsize: int) -> int:
    """Bytes the fast convolution allocates: the padded input, the output, one im2col block and its
    product (the weights are read in place); or what the Winograd path allocates."""
    n, cin = x_shape[0], x_shape[3]
    tile = _winograd_tile(kernel, w.stride, w.dilation, groups, cin, (len(w.rows), len(w.cols)))
    if tile:
        return _winograd_plan(x_shape, cout, w, itemsize, tile, kernel[0])
    taps = kernel[0] * kernel[1] * (cin // groups)
    block_rows, block_cols = _conv_blocks(n, len(w.rows), len(w.cols), taps, itemsize)
    block = n * block_rows * block_cols
    out = n * len(w.rows) * len(w.cols) * cout
    return (w.padded_bytes(itemsize) + out * itemsize + block * taps * itemsize
            + block * (cout // groups) * itemsize)


def conv2d(x: np.ndarray, w: np.ndarray, b: np.ndarray | None, stride: tuple[int, int],
           pads: tuple[int, int, int, int], dilation: tuple[int, int], groups: int, ceil: bool,
           naive: bool = False) -> tuple[np.ndarray, int]:
    """Convolution; `w` is a stack of filters (C_out, Kh, Kw, C_in/groups). Returns (y, MACs)."""
    kernel = (w.shape[1], w.shape[2])
    win = Windows(x.shape, kernel, stride, pads, dilation, ceil)
    if naive:
        return _conv2d_naive(x, w, b, win.rows, win.cols, dilation, groups)
    itemsize = np.result_type(x, w).itemsize
    tile = _winograd_tile(kernel, stride, dilation, groups, x.shape[3], (len(win.rows), len(win.cols)))
    if tile:
        y = _conv2d_winograd(x, w, win, tile)
        if b is not None:
            y += b
        # The count is the convolution's own, read off the arrays: every output value is a sum over its
        # window's Kh·Kw·C_in taps. The transformed arithmetic multiplies (m + r - 1)² times per m x m tile.
        return y, y.size * w[0].size
    xp = win.padded(x, 0.0)
    n, cout, cg = x.shape[0], w.shape[0], w.shape[3]
    og = cout // groups
    ho, wo = len(win.rows), len(win.cols)
    taps = kernel[0] * kernel[1] * cg
    y = np.empty((n, ho, wo, cout), dtype=np.result_type(x, w))
    block_rows, block_cols = _conv_blocks(n, ho, wo, taps, itemsize)
    feh, few = _reach(kernel, dilation)
    # One im2col buffer for every block: a fresh allocation per block costs its page faults again.
    buffer = np.empty(n * block_rows * block_cols * taps, dtype=np.result_type(x, w))
    macs = 0
    for g in range(groups):
        matrix = w[g * og:(g + 1) * og].reshape(og, taps).T  # (Kh·Kw·Cg, og); BLAS reads it transposed, no copy
        for r0 in range(0, ho, block_rows):
            r1 = min(r0 + block_rows, ho)
            for c0 in range(0, wo, block_cols):
                c1 = min(c0 + block_cols, wo)
                sub = xp[:, r0 * stride[0]:(r1 - 1) * stride[0] + feh, c0 * stride[1]:(c1 - 1) * stride[1] + few,
                         g * cg:(g + 1) * cg]
                # (N, rows, cols, Kh, Kw, Cg): channels innermost, so the copy reads contiguous runs.
                patches = _windows(sub, kernel, stride, dilation, (r1 - r0, c1 - c0)).transpose(0, 1, 2, 4, 5, 3)
                block = buffer[:patches.size].reshape(patches.shape)
                np.copyto(block, patches)
                columns = block.reshape(-1, taps)
                target = y[:, r0:r1, c0:c1, g * og:(g + 1) * og]
                if target.flags.c_contiguous:  # whole rows of one image, all channels: the product lands in place
                    np.matmul(columns, matrix, out=target.reshape(-1, og))
                else:
                    target[...] = (columns @ matrix).reshape(target.shape)
                macs += columns.size * og
    if b is not None:
        y += b
    return y, macs


def _winograd_tile(kernel: tuple[int, int], stride: tuple[int, int], dilation: tuple[int, int], groups: int,
                   cin: int, out: tuple[int, int]) -> int:
    """The output tile m of the Winograd path F(m x m, r x r) where it was measured to pay (docs/executor.md), else
    0 (im2col): the products it saves must outweigh its transforms, so many channels over enough pixels."""
    if stride != (1, 1) or dilation != (1, 1) or groups != 1 or cin < WINOGRAD_MIN_CHANNELS:
        return 0
    pixels = out[0] * out[1]
    wide = cin >= WINOGRAD_WIDE and pixels >= WINOGRAD_WIDE_PIXELS
    if kernel == (3, 3) and (pixels >= WINOGRAD_MIN_PIXELS or wide):
        return 2
    if kernel == (5, 5) and cin >= WINOGRAD_5X5_CHANNELS and pixels >= WINOGRAD_MIN_PIXELS:
        return 3
    return 0


_Terms = tuple[tuple[tuple[int, float], ...], ...]  # each row of a transform: its (column, coefficient ≠ 0) pairs


@functools.cache
def _winograd_matrices(m: int, r: int) -> tuple[_Terms, np.ndarray, _Terms]:
    """Aᵀ (m x n), G (n x r) and Bᵀ (n x n) of F(m, r), n = m + r - 1, by Cook and Toom: a correlation y = Aᵀ·((G·g) ⊙
    (Bᵀ·d)) is the transposed product of two polynomials evaluated at n points (the first n - 1 of WINOGRAD_POINTS,
    then infinity, the leading coefficient): Aᵀ and G evaluate, Bᵀ is the transposed inverse of the n x n
    evaluation. Each row of Bᵀ is scaled to whole numbers (the input's transform then adds small multiples), its
    row of G by the inverse. Exact in fractions; Aᵀ and Bᵀ as the terms the transforms add (`_combine`), G as
    float64."""
    from fractions import Fraction
    n = m + r - 1
    points: list[Fraction | None] = [Fraction(*p) for p in WINOGRAD_POINTS[:n - 1]]
    points.append(None)

    def powers(p: Fraction | None, count: int) -> list[Fraction]:
        return [p ** i if p is not None else Fraction(i == count - 1) for i in range(count)]

    a_t = [[powers(p, m)[i] for p in points] for i in range(m)]
    g = [powers(p, r) for p in points]
    # Gauss-Jordan on [V | I]: V's rows the points' powers, nonsingular since the points differ
    rows = [powers(p, n) + [Fraction(i == j) for j in range(n)] for i, p in enumerate(points)]
    for c in range(n):
        pivot = next(i for i in range(c, n) if rows[i][c] != 0)
        rows[c], rows[pivot] = rows[pivot], rows[c]
        rows[c] = [v / rows[c][c] for v in rows[c]]
        for i in range(n):
            if i != c and rows[i][c] != 0:
                rows[i] = [v - rows[i][c] * u for v, u in zip(rows[i], rows[c])]
    b_t = [[rows[k][n + j] for k in range(n)] for j in range(n)]
    for j in range(n):
        scale = Fraction(math.lcm(*(v.denominator for v in b_t[j])), math.gcd(*(v.numerator for v in b_t[j])))
        b_t[j] = [v * scale for v in b_t[j]]
        g[j] = [v / scale for v in g[j]]
    def terms(matrix: list[list[Fraction]]) -> _Terms:
        return tuple(tuple((k, float(v)) for k, v in enumerate(row) if v != 0) for row in matrix)

    return terms(a_t), np.array(g, dtype=np.float64), terms(b_t)


class _Tiling:
    """How F(m x m, r x r) covers an output: m x m tiles over (m + r - 1)-square input tiles that overlap by r - 1,
    the padded input's extent (the windows' padding, and more rows or columns under an output that is not a
    multiple of m), and how many tile rows go in one block."""

    def __init__(self, x_shape: tuple[int, ...], cout: int, win: Windows, itemsize: int, m: int, r: int) -> None:
        n, cin = x_shape[0], x_shape[3]
        self.m, self.r, self.n = m, r, m + r - 1
        self.out = (len(win.rows), len(win.cols))
        self.tiles = (-(-self.out[0] // m), -(-self.out[1] // m))
        # Stride 1: output row i reads padded rows i..i+r-1; the last tile reads up to m·tiles + r - 2.
        self.grow = (m * self.tiles[0] + r - 1 - win.padded_shape[1], m * self.tiles[1] + r - 1 - win.padded_shape[2])
        self.padded_shape = (n, win.padded_shape[1] + self.grow[0], win.padded_shape[2] + self.grow[1], cin)
        per_tile_row = self.n ** 2 * n * self.tiles[1] * (cin + cout) * itemsize
        wanted = max(WINOGRAD_BLOCK_BYTES // per_tile_row, -(-WINOGRAD_MIN_TILES // (n * self.tiles[1])))
        self.block = max(min(wanted, self.tiles[0]), 1)
        # One block (a small map: AlexNet's 13x13, VGG-16's 14x14): each transformed filter is read by one product, so
        # each is made just before it, in the cache, instead of all n² first, through memory, where G's rows are
        # additions once scaled (F(2x2, 3x3)) and the filters are drawn with C_out last (`_outputs_inner`): 11-22%
        # faster on those layers; F(3x3, 5x5)'s fractions made AlexNet's conv2 3% slower.
        self.one_by_one = self.block == self.tiles[0] and \
            all(abs(c) == 1 for _, row in _filter_rows(m, r) for _, c in row)
        # Transforms whose coefficients are ±1 (F(2x2, 3x3)'s Aᵀ and Bᵀ) add and subtract tiles in place; others
        # (F(3x3, 5x5)'s fractions) are one product per block with the transform's Kronecker square, its tiles
        # gathered first (`_winograd_input_dense`): AlexNet's conv2's input transform measured 0.69-0.77 ms so
        # against 1.14 ms by sums, its output transform 0.71-0.78 ms against 0.99 ms.
        a_t, _, b_t = _winograd_matrices(m, r)
        self.dense = not all(abs(c) == 1 for row in (*a_t, *b_t) for _, c in row)

    def padded(self, x: np.ndarray, win: Windows) -> np.ndarray:
        if self.padded_shape == x.shape:
            return x
        top, bottom, left, right = win.pads
        return np.pad(x, ((0, 0), (top, bottom + win.extra[0] + self.grow[0]),
                          (left, right + win.extra[1] + self.grow[1]), (0, 0)))

    def buffers(self, cout: int) -> tuple[int, int, int]:
        """Elements of one block's transformed tiles, of its products (by dense transforms also its gathered
        tiles, before them) and of the transforms' temporaries: by sums, the input's tile rows transformed down
        their columns or the products along one axis; dense, the products' outputs."""
        n, cin = self.padded_shape[0], self.padded_shape[3]
        block_tiles = n * self.block * self.tiles[1]
        if self.dense:
            return (self.n ** 2 * block_tiles * cin, self.n ** 2 * block_tiles * max(cin, cout),
                    self.m ** 2 * block_tiles * cout)
        return (self.n ** 2 * block_tiles * cin, self.n ** 2 * block_tiles * cout,
                max(self.n * n * self.block * self.padded_shape[2] * cin, self.m * self.n * block_tiles * cout))


def _winograd_plan(x_shape: tuple[int, ...], cout: int, win: Windows, itemsize: int, m: int, r: int) -> int:
    """The padded input, the output, the transformed filters and those transformed down the kernel's rows on the way
    (made one by one, r + 1 filters' worth: less; the plan precedes the weights, whose layout decides), one block's
    buffers (`_Tiling.buffers`) and the dense transforms' Kronecker squares."""
    n, cin = x_shape[0], x_shape[3]
    t = _Tiling(x_shape, cout, win, itemsize, m, r)
    padded = _size(t.padded_shape) if t.padded_shape != x_shape else 0
    squares = t.n ** 4 + m ** 2 * t.n ** 2 if t.dense else 0
    return itemsize * (padded + n * t.out[0] * t.out[1] * cout + t.n ** 2 * cin * cout
                       + _by_rows(t.n, r, cin, cout, itemsize) + sum(t.buffers(cout)) + squares)


def _combine(terms: tuple[tuple[int, float], ...], parts: list[np.ndarray], out: np.ndarray) -> None:
    """out = Σ ±parts[k] over a transform row's terms (coefficients ±1: `_Tiling.dense` sends others to products),
    as additions in place, so that nothing is allocated."""
    (k, first), rest = terms[0], terms[1:]
    if rest and first == 1:
        (np.add if rest[0][1] == 1 else np.subtract)(parts[k], parts[rest[0][0]], out=out)
        rest = rest[1:]
    elif rest and rest[0][1] == 1:
        np.subtract(parts[rest[0][0]], parts[k], out=out)
        rest = rest[1:]
    else:
        np.multiply(parts[k], first, out=out)
    for k, c in rest:
        if c == 1:
            out += parts[k]
        else:
            out -= parts[k]


def _combined(terms: tuple[tuple[int, float], ...], parts: list[np.ndarray], out: np.ndarray) -> np.ndarray:
    """A transform row's sum (`_combine`) in `out`, or the part itself where the row only picks it."""
    if len(terms) == 1 and terms[0][1] == 1:
        return parts[terms[0][0]]
    _combine(terms, parts, out)
    return out


@functools.cache
def _filter_rows(m: int, r: int) -> tuple[tuple[float, tuple[tuple[int, float], ...]], ...]:
    """G's rows as a scale and the terms the filter's transform adds: each row divided by its first coefficient,
    so that F(2x2, 3x3)'s are additions (G's halves); `_products_one_by_one` multiplies each product by its two
    rows' scales once instead of every part a filter's sum adds."""
    _, g, _ = _winograd_matrices(m, r)
    rows = []
    for row in g.tolist():
        scale = next(c for c in row if c != 0)
        rows.append((scale, tuple((k, c / scale) for k, c in enumerate(row) if c != 0)))
    return tuple(rows)


def _products_one_by_one(v: np.ndarray, w: np.ndarray, m: int, out: np.ndarray, rows_done: np.ndarray,
                         made: np.ndarray) -> None:
    """The n² products of one block's transformed tiles `v` (n², tiles, C_in) with the transformed filters G·g·Gᵀ
    into `out` (n², tiles, C_out), each filter made just before its product: G's row i down the kernel's rows into
    `rows_done` (r, C_in, C_out), then G's row j along them into `made` (C_in, C_out). The filters are stored with
    C_out last in memory (`_outputs_inner`), so each tap's (C_in, C_out) is read in order."""
    r = w.shape[1]
    taps = np.moveaxis(w, 0, -1)  # (r, r, C_in, C_out)
    rows = _filter_rows(m, r)
    n = len(rows)
    for i, (row_scale, row_terms) in enumerate(rows):
        down = [_combined(row_terms, [taps[a, b] for a in range(r)], rows_done[b]) for b in range(r)]
        for j, (column_scale, column_terms) in enumerate(rows):
            product = out[i * n + j]
            np.matmul(v[i * n + j], _combined(column_terms, down, made), out=product)
            if row_scale * column_scale != 1:
                product *= row_scale * column_scale


def _outputs_inner(w: np.ndarray) -> bool:
    """Whether the filters (C_out, r, r, C_in) are stored with C_out last in memory, as the executor draws them
    (Layer.read_transposed), not as a weights file gives them: made one by one, the file's were 6-10% slower than
    all transformed first (a batched product per output channel)."""
    return abs(w.strides[0]) < abs(w.strides[3])


def _winograd_input(xp: np.ndarray, t: _Tiling, row: int, rows: int, half: np.ndarray, out: np.ndarray) -> None:
    """Bᵀ·d·B for `rows` tile rows from tile row `row`: each input tile d (overlapping by r - 1) into
    out[i, j] (n, n, N, rows, tiles_w, C); `half` (n, N, rows, W, C) holds the tiles transformed down their
    columns."""
    _, _, b_t = _winograd_matrices(t.m, t.r)
    m, n, tiles_w = t.m, t.n, t.tiles[1]
    d = [xp[:, m * row + k:m * row + k + m * rows:m] for k in range(n)]
    for i in range(n):
        _combine(b_t[i], d, half[i])
    e = [half[:, :, :, k:k + m * tiles_w:m] for k in range(n)]  # every row of the transform at once
    for j in range(n):
        _combine(b_t[j], e, out[:, j])


def _kronecker_square(terms: _Terms, columns: int, dtype: np.dtype[Any]) -> np.ndarray:
    """T ⊗ T of a transform T given by its rows' terms: (T·d·Tᵀ) flattened is (T ⊗ T)·(d flattened)."""
    matrix = np.zeros((len(terms), columns))
    for i, row in enumerate(terms):
        for k, c in row:
            matrix[i, k] = c
    return np.kron(matrix, matrix).astype(dtype)


def _winograd_input_dense(xp: np.ndarray, t: _Tiling, row: int, rows: int, gathered: np.ndarray,
                          out: np.ndarray, square: np.ndarray) -> None:
    """Bᵀ·d·B for `rows` tile rows from tile row `row` as one product: the tiles d gathered into `gathered`
    (n, n, N, rows, tiles_w, C), then (Bᵀ ⊗ Bᵀ) times them into `out` (n², N·rows·tiles_w·C)."""
    m, n, tiles_w = t.m, t.n, t.tiles[1]
    windows = sliding_window_view(xp[:, m * row:m * (row + rows) + n - m], (n, n), axis=(1, 2))
    np.copyto(gathered, windows[:, ::m, :m * tiles_w:m].transpose(4, 5, 0, 1, 2, 3))  # (N, rows, tiles_w, C, n, n)
    np.matmul(square, gathered.reshape(n * n, -1), out=out)


def _winograd_output(products: np.ndarray, t: _Tiling, y: np.ndarray, row: int, half: np.ndarray) -> None:
    """Aᵀ·M·A for each tile's products M (n, n, N, rows, tiles_w, C_out) into its m x m outputs from output
    row m·row, through `half` (m, n, N, rows, tiles_w, C_out); a last tile past the output keeps what is inside."""
    a_t, _, _ = _winograd_matrices(t.m, t.r)
    m, rows = t.m, products.shape[3]
    for i in range(m):
        _combine(a_t[i], list(products), half[i])
        band = y[:, m * row + i:m * (row + rows):m]
        inside = band.shape[1]
        for j in range(m):
            target = band[:, :, j::m]
            _combine(a_t[j], [p[:, :inside, :target.shape[2]] for p in half[i]], target)


def _winograd_output_dense(products: np.ndarray, t: _Tiling, y: np.ndarray, row: int, outputs: np.ndarray,
                           square: np.ndarray) -> None:
    """Aᵀ·M·A for each tile's products M (n², N·rows·tiles_w·C_out) as one product with Aᵀ ⊗ Aᵀ into `outputs`
    (m, m, N, rows, tiles_w, C_out), then each of the m x m places of the tiles into y from output row m·row; a
    last tile past the output keeps what is inside."""
    m = t.m
    np.matmul(square, products, out=outputs.reshape(m * m, -1))
    rows = outputs.shape[3]
    for i in range(m):
        band = y[:, m * row + i:m * (row + rows):m]
        for j in range(m):
            target = band[:, :, j::m]
            np.copyto(target, outputs[i, j, :, :target.shape[1], :target.shape[2]])


def _transformed_filters(w: np.ndarray, m: int, dtype: np.dtype[Any]) -> np.ndarray:
    """Every filter transformed, G·g·Gᵀ: (n², C_in, C_out)."""
    cout, r, _, cin = w.shape
    _, g, _ = _winograd_matrices(m, r)
    if w.flags.c_contiguous:  # stored (C_out, r, r, C_in), as a weights file gives it: C_out products of (n², r²)
        # @ (r², C_in) -> (C_out, n², C_in); each of the n² then read as a transposed (C_in, C_out), no copy
        filters: np.ndarray = np.matmul(np.kron(g, g).astype(dtype), w.reshape(cout, r * r, cin)).transpose(1, 2, 0)
        return filters
    # drawn with C_out last in memory (Layer.read_transposed): G down the kernel's rows, then along them, each one
    # product over every filter at once (`_by_rows`); else one product with (r², C_in·C_out) in place
    taps = np.moveaxis(w, 0, -1).reshape(r, r * cin * cout)
    if not _by_rows(len(g), r, cin, cout, dtype.itemsize):
        return (np.kron(g, g).astype(dtype) @ taps.reshape(r * r, cin * cout)).reshape(-1, cin, cout)
    down = (g.astype(dtype) @ taps).reshape(len(g), r, cin * cout)
    return np.matmul(g.astype(dtype), down).reshape(-1, cin, cout)


def _by_rows(n: int, r: int, cin: int, cout: int, itemsize: int) -> int:
    """The elements of the filters transformed down the kernel's rows where `_transformed_filters` makes them on
    the way (WINOGRAD_ROWS_BYTES), else 0."""
    elements = n * r * cin * cout
    return elements if elements * itemsize <= WINOGRAD_ROWS_BYTES else 0


def _conv2d_winograd(x: np.ndarray, w: np.ndarray, win: Windows, m: int) -> np.ndarray:
    """F(m x m, r x r) for an r x r stride-1 convolution: filters transformed once (n², C_in, C_out) or, for one
    block of F(2x2, 3x3), one by one before their products; per block of tile rows the input transform, n² products
    through BLAS and the output transform."""
    dtype = np.result_type(x, w)
    n, cin, cout, r = x.shape[0], x.shape[3], w.shape[0], w.shape[1]
    t = _Tiling(x.shape, cout, win, dtype.itemsize, m, r)
    xp = t.padded(x, win)
    if t.one_by_one and _outputs_inner(w):  # (`_products_one_by_one`)
        filters = None
        rows_done, made = np.empty((r, cin, cout), dtype=dtype), np.empty((cin, cout), dtype=dtype)
    else:
        filters = _transformed_filters(w, m, dtype)
    y = np.empty((n, *t.out, cout), dtype=dtype)
    tiles_w = t.tiles[1]
    tiles, products, half = (np.empty(size, dtype=dtype) for size in t.buffers(cout))
    if t.dense:
        a_t, _, b_t = _winograd_matrices(m, r)
        input_square, output_square = _kronecker_square(b_t, t.n, dtype), _kronecker_square(a_t, t.n, dtype)
    for row in range(0, t.tiles[0], t.block):
        rows = min(t.block, t.tiles[0] - row)
        v = tiles[:t.n ** 2 * n * rows * tiles_w * cin].reshape(t.n, t.n, n, rows, tiles_w, cin)
        if t.dense:  # the gathered tiles in the products' buffer, which they precede
            _winograd_input_dense(xp, t, row, rows, products[:v.size].reshape(v.shape), v.reshape(t.n ** 2, -1),
                                  input_square)
        else:
            _winograd_input(xp, t, row, rows, half[:t.n * n * rows * t.padded_shape[2] * cin].reshape(
                t.n, n, rows, t.padded_shape[2], cin), v)
        out = products[:t.n ** 2 * n * rows * tiles_w * cout].reshape(t.n ** 2, n * rows * tiles_w, cout)
        if filters is None:
            _products_one_by_one(v.reshape(t.n ** 2, -1, cin), w, m, out, rows_done, made)
        else:
            np.matmul(v.reshape(t.n ** 2, -1, cin), filters, out=out)
        if t.dense:
            _winograd_output_dense(out.reshape(t.n ** 2, -1), t, y, row,
                                   half[:m * m * n * rows * tiles_w * cout].reshape(m, m, n, rows, tiles_w, cout),
                                   output_square)
        else:
            _winograd_output(out.reshape(t.n, t.n, n, rows, tiles_w, cout), t, y, row,
                             half[:m * t.n * n * rows * tiles_w * cout].reshape(m, t.n, n, rows, tiles_w, cout))
    return y


def depthwise_plan(x_shape: tuple[int, ...], multiplier: int, w: Windows, itemsize: int) -> int:
    """The padded input, the output and one product term of its size."""
    out = x_shape[0] * len(w.rows) * len(w.cols) * x_shape[3] * multiplier
    return w.padded_bytes(itemsize) + 2 * out * itemsize


def depthwise2d(x: np.ndarray, w: np.ndarray, b: np.ndarray | None, stride: tuple[int, int],
                pads: tuple[int, int, int, int], dilation: tuple[int, int], ceil: bool,
                naive: bool = False) -> tuple[np.ndarray, int]:
    """Convolution with groups = C_in; `w` is (M·C_in, Kh, Kw, 1). One multiply per tap and channel,
    accumulated tap by tap (no window copy)."""
    if naive:
        return conv2d(x, w, b, stride, pads, dilation, x.shape[3], ceil, naive=True)
    kernel = (w.shape[1], w.shape[2])
    c = x.shape[3]
    m = w.shape[0] // c
    win = Windows(x.shape, kernel, stride, pads, dilation, ceil)
    xp = win.padded(x, 0.0)
    ho, wo = len(win.rows), len(win.cols)
    taps = w[:, :, :, 0].reshape(c, m, kernel[0], kernel[1])
    y = np.zeros((x.shape[0], ho, wo, c, m), dtype=np.result_type(x, w))
    for a in range(kernel[0]):
        for bb in range(kernel[1]):
            r, s = a * dilation[0], bb * dilation[1]
            view = xp[:, r:r + (ho - 1) * stride[0] + 1:stride[0], s:s + (wo - 1) * stride[1] + 1:stride[1]]
            y += view[..., None] * taps[:, :, a, bb]
    y = y.reshape(x.shape[0], ho, wo, c * m)
    if b is not None:
        y += b
    return y, x.shape[0] * ho * wo * c * m * kernel[0] * kernel[1]


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


def _reached(n: int, k: int, stride: int, dilation: int) -> int:
    """One past the last position a scattered filter writes to: where the last input pixel's taps land
    (placing the windows, not the size formula)."""
    return max((n - 1) * stride + a * dilation for a in range(k)) + 1


def conv_transpose_plan(x_shape: tuple[int, ...], w_shape: tuple[int, ...], stride: tuple[int, int],
                        outpad: tuple[int, int], dilation: tuple[int, int], groups: int, itemsize: int) -> int:
    """The canvas, one tap's product, and the cropped output."""
    n, h, wd, _ = x_shape
    canvas = n * (_reached(h, w_shape[1], stride[0], dilation[0]) + outpad[0]) * (
        _reached(wd, w_shape[2], stride[1], dilation[1]) + outpad[1]) * w_shape[3] * groups
    return (2 * canvas + n * h * wd * w_shape[3]) * itemsize


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
        for a in range(kh):
            for bb in range(kw):
                r0, c0 = a * dilation[0], bb * dilation[1]
                tap = xs @ ws[:, a, bb, :]  # (N, H, W, og): every pixel's contribution at this tap
                out[:, r0:r0 + (h - 1) * stride[0] + 1:stride[0], c0:c0 + (wd - 1) * stride[1] + 1:stride[1]] += tap
                macs += xs.size * og
    top, bottom, left, right = pads
    y = canvas[:, top:canvas_h - bottom, left:canvas_w - right]
    y = np.ascontiguousarray(y)
    if b is not None:
        y += b
    return y, macs


# ---- pooling ---------------------------------------------------------------------------

def pool_plan(x_shape: tuple[int, ...], w: Windows, itemsize: int, average: bool) -> int:
    out = x_shape[0] * len(w.rows) * len(w.cols) * x_shape[3]
    return w.padded_bytes(itemsize) + (2 if average else 1) * out * itemsize


def max_pool2d(x: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int], pads: tuple[int, int, int, int],
               dilation: tuple[int, int], ceil: bool, naive: bool = False) -> np.ndarray:
    win = Windows(x.shape, kernel, stride, pads, dilation, ceil)
    rows, cols = win.rows, win.cols
    if naive:
        y = np.empty((x.shape[0], len(rows), len(cols), x.shape[3]), dtype=x.dtype)
        for i, r in enumerate(rows):
            for j, c in enumerate(cols):
                taps = [x[:, r + a * dilation[0], c + bb * dilation[1]]
                        for a in range(kernel[0]) for bb in range(kernel[1])
                        if 0 <= r + a * dilation[0] < x.shape[1] and 0 <= c + bb * dilation[1] < x.shape[2]]
                y[:, i, j] = np.max(taps, axis=0)
        return y
    return _across_taps(np.maximum, _taps(win.padded(x, -np.inf), kernel, stride, dilation, (len(rows), len(cols))))


def max_unpool2d(ref: np.ndarray, x: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int],
                 pads: tuple[int, int, int, int], dilation: tuple[int, int], ceil: bool) -> np.ndarray:
    """X's values placed in zeros of REF's shape, each at the first largest value (row by row) of REF in its window
    of the max pool: PyTorch's max_unpool2d of the indices max_pool2d returns. Padding is -inf, never the largest
    of a window of finite values. Where windows overlap, windows are written in order, a later value replacing an
    earlier one at a shared place (PyTorch leaves which one undefined: W067)."""
    win = Windows(ref.shape, kernel, stride, pads, dilation, ceil)
    counts = (len(win.rows), len(win.cols))
    if x.shape != (ref.shape[0], *counts, ref.shape[3]):
        raise ValueError(f"max_unpool2d of {x.shape} on the windows of {ref.shape}, which give {counts}")
    taps = _taps(win.padded(ref, -np.inf), kernel, stride, dilation, counts)
    tap = np.argmax(np.stack(taps), axis=0)  # (N, Ho, Wo, C): the first largest, as PyTorch's `>` keeps it
    # (a window of padding alone, which a dilated pool on a map narrower than its reach may have, gives -inf, which
    # `verify` reports: its place is clipped into the map rather than wrapped round by a negative index)
    rows = np.clip(np.asarray(win.rows).reshape(1, -1, 1, 1) + tap // kernel[1] * dilation[0], 0, ref.shape[1] - 1)
    cols = np.clip(np.asarray(win.cols).reshape(1, 1, -1, 1) + tap % kernel[1] * dilation[1], 0, ref.shape[2] - 1)
    images = np.arange(x.shape[0]).reshape(-1, 1, 1, 1)
    channels = np.arange(x.shape[3]).reshape(1, 1, 1, -1)
    y = np.zeros(ref.shape, dtype=x.dtype)
    overlapping = any(_reach(kernel, dilation)[a] > stride[a] for a in (0, 1))
    if not overlapping:  # each place is in one window: one write
        y[images, rows, cols, channels] = x
        return y
    for i in range(counts[0]):  # in order, so that the later window's value stays (one rule, not PyTorch's none)
        for j in range(counts[1]):
            y[images[:, 0, 0], rows[:, i, j], cols[:, i, j], channels[0, 0]] = x[:, i, j]
    return y


def avg_pool2d(x: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int], pads: tuple[int, int, int, int],
               ceil: bool, exclude_pad: bool, naive: bool = False, divisor: int | None = None) -> np.ndarray:
    """Mean over each window. The divisor counts the window's cells inside the padded input
    (PyTorch's count_include_pad), or only those inside the input with `exclude_pad`; a `divisor` given
    divides every window's sum (PyTorch's divisor_override)."""
    win = Windows(x.shape, kernel, stride, pads, (1, 1), ceil)
    rows, cols = win.rows, win.cols
    h, w = x.shape[1], x.shape[2]

    def cells(start: int, k: int, n: int, pad_end: int) -> int:
        if exclude_pad:
            return min(start + k, n) - max(start, 0)
        return min(start + k, n + pad_end) - start

    div_h = np.array([cells(r, kernel[0], h, pads[1]) if divisor is None else divisor for r in rows], dtype=x.dtype)
    div_w = np.array([cells(c, kernel[1], w, pads[3]) if divisor is None else 1 for c in cols], dtype=x.dtype)
    if naive:
        y = np.empty((x.shape[0], len(rows), len(cols), x.shape[3]), dtype=x.dtype)
        for i, r in enumerate(rows):
            for j, c in enumerate(cols):
                window = x[:, max(r, 0):min(r + kernel[0], h), max(c, 0):min(c + kernel[1], w)]
                y[:, i, j] = window.sum(axis=(1, 2)) / (div_h[i] * div_w[j])
        return y
    sums = _across_taps(np.add, _taps(win.padded(x, 0.0), kernel, stride, (1, 1), (len(rows), len(cols))))
    sums /= (div_h[:, None] * div_w[None, :])[None, :, :, None]
    return sums


def lp_pool2d(x: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int], power: float, ceil: bool,
              naive: bool = False) -> np.ndarray:
    """PyTorch's LPPool2d as it computes it: the average of x^p over each unpadded window (a ceil-mode window past
    the input divided by its cells inside), times the window's size, to the power 1/p. NaN where a fractional
    power meets a negative value, as in PyTorch."""
    with np.errstate(invalid="ignore"):
        powered = np.power(x, np.asarray(power, x.dtype))
        sums = avg_pool2d(powered, kernel, stride, (0, 0, 0, 0), ceil, False, naive)
        sums *= kernel[0] * kernel[1]
        return np.power(sums, np.asarray(1 / power, x.dtype), out=sums)


def adaptive_pool2d(x: np.ndarray, size: tuple[int, int], reduce: str, naive: bool = False) -> np.ndarray:
    """PyTorch's adaptive pooling: output row i covers input rows floor(i·H/out) to ceil((i+1)·H/out)
    (exclusive), columns likewise; `reduce` is mean or max. The fast path pools evenly divided maps
    by one reshape; the naive one visits every cell of every window."""
    n, h, w, c = x.shape
    oh, ow = size
    rows = [((i * h) // oh, -((-(i + 1) * h) // oh)) for i in range(oh)]
    cols = [((j * w) // ow, -((-(j + 1) * w) // ow)) for j in range(ow)]
    y = np.empty((n, oh, ow, c), dtype=x.dtype)
    if naive:
        for i, (r0, r1) in enumerate(rows):
            for j, (c0, c1) in enumerate(cols):
                cells = [x[:, r, q] for r in range(r0, r1) for q in range(c0, c1)]
                y[:, i, j] = np.max(cells, axis=0) if reduce == "max" else np.sum(cells, axis=0) / len(cells)
        return y
    if h % oh == 0 and w % ow == 0:
        blocks = x.reshape(n, oh, h // oh, ow, w // ow, c)
        pooled: np.ndarray = blocks.max(axis=(2, 4)) if reduce == "max" else blocks.mean(axis=(2, 4))
        return pooled
    for i, (r0, r1) in enumerate(rows):
        for j, (c0, c1) in enumerate(cols):
            window = x[:, r0:r1, c0:c1]
            y[:, i, j] = window.max(axis=(1, 2)) if reduce == "max" else window.mean(axis=(1, 2))
    return y


def _source(out: int, n: int, scale: float, mode: str, dtype: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each output index along one axis: the two input indices it reads and the second one's weight,
    computed as PyTorch does: nearest reads floor(dst·scale) with the scale in float32; bilinear
    (align_corners=False) reads at src = (dst + 0.5)·scale - 0.5, clamped at 0, in the data's precision;
    `aligned` (align_corners=True) at src = dst·(n - 1)/(out - 1), the first and last pixels' centres kept."""
    kind = np.float32 if mode == "nearest" else dtype
    dst = np.arange(out, dtype=kind)
    step = kind(scale)
    if mode == "nearest":
        first = np.minimum(np.floor(dst * step).astype(np.int64), n - 1)
        return first, first, np.zeros(out, dtype=kind)
    if mode == "aligned":
        src = dst * (kind(n - 1) / kind(out - 1) if out > 1 else kind(0))
    else:
        src = np.maximum((dst + kind(0.5)) * step - kind(0.5), kind(0))
    first = np.minimum(np.floor(src).astype(np.int64), n - 1)
    second = np.minimum(first + 1, n - 1)
    return first, second, (src - first).astype(kind)


def resample(x: np.ndarray, size: tuple[int, int], scale: tuple[float, float], mode: str,
             naive: bool = False) -> np.ndarray:
    """Nearest or bilinear (`aligned` too) resampling to `size`; `scale` is input/output along each axis
    (1/F when upsampling by F, as PyTorch takes a scale factor). Bilinear is separable: rows, then columns."""
    (r0, r1, rw), (c0, c1, cw) = (_source(size[0], x.shape[1], scale[0], mode, x.dtype.type),
                                  _source(size[1], x.shape[2], scale[1], mode, x.dtype.type))
    if naive:
        y = np.empty((x.shape[0], size[0], size[1], x.shape[3]), dtype=x.dtype)
        for i in range(size[0]):
            for j in range(size[1]):
                a, b = float(rw[i]), float(cw[j])
                y[:, i, j] = ((1 - a) * ((1 - b) * x[:, r0[i], c0[j]] + b * x[:, r0[i], c1[j]])
                              + a * ((1 - b) * x[:, r1[i], c0[j]] + b * x[:, r1[i], c1[j]]))
        return y
    if mode == "nearest":
        return x[:, r0][:, :, c0]
    weight_r = rw.astype(x.dtype)[None, :, None, None]
    rows = x[:, r0] * (1 - weight_r) + x[:, r1] * weight_r
    weight_c = cw.astype(x.dtype)[None, None, :, None]
    resampled: np.ndarray = rows[:, :, c0] * (1 - weight_c) + rows[:, :, c1] * weight_c
    return resampled


def pixel_shuffle(x: np.ndarray, r: int, naive: bool = False, dcr: bool = False) -> np.ndarray:
    """C·r² channels into an r-times larger map of C (PyTorch's pixel_shuffle): output (h·r + i, w·r + j, c)
    is input (h, w, c·r² + i·r + j); with `dcr` (TensorFlow's order), input (h, w, (i·r + j)·C + c)."""
    n, h, w, cr = x.shape
    c = cr // (r * r)
    if naive:
        y = np.empty((n, h * r, w * r, c), dtype=x.dtype)
        for oh in range(h * r):
            for ow in range(w * r):
                for oc in range(c):
                    block = (oh % r) * r + ow % r
                    y[:, oh, ow, oc] = x[:, oh // r, ow // r, block * c + oc if dcr else oc * r * r + block]
        return y
    if dcr:
        blocks = x.reshape(n, h, w, r, r, c).transpose(0, 1, 3, 2, 4, 5)
    else:
        blocks = x.reshape(n, h, w, c, r, r).transpose(0, 1, 4, 2, 5, 3)
    shuffled: np.ndarray = blocks.reshape(n, h * r, w * r, c)
    return shuffled


def pixel_unshuffle(x: np.ndarray, r: int, naive: bool = False, dcr: bool = False) -> np.ndarray:
    """Each r x r block of the map into r² times the channels (PyTorch's pixel_unshuffle): output (h, w,
    c·r² + i·r + j) is input (h·r + i, w·r + j, c); with `dcr` (TensorFlow's order), output (h, w, (i·r + j)·C + c)."""
    n, hr, wr, c = x.shape
    h, w = hr // r, wr // r
    if naive:
        y = np.empty((n, h, w, c * r * r), dtype=x.dtype)
        for oh in range(h):
            for ow in range(w):
                for oc in range(c * r * r):
                    block, channel = (oc // c, oc % c) if dcr else (oc % (r * r), oc // (r * r))
                    y[:, oh, ow, oc] = x[:, oh * r + block // r, ow * r + block % r, channel]
        return y
    order = (0, 1, 3, 2, 4, 5) if dcr else (0, 1, 3, 5, 2, 4)
    gathered: np.ndarray = x.reshape(n, h, r, w, r, c).transpose(order).reshape(n, h, w, c * r * r)
    return gathered


def channel_shuffle(x: np.ndarray, groups: int, naive: bool = False) -> np.ndarray:
    """Output channel j·G + g is input channel g·(C/G) + j (ShuffleNet; PyTorch's channel_shuffle)."""
    c = x.shape[-1]
    per = c // groups
    if naive:
        y = np.empty_like(x)
        for out in range(c):
            y[..., out] = x[..., (out % groups) * per + out // groups]
        return y
    shuffled: np.ndarray = x.reshape(*x.shape[:-1], groups, per).swapaxes(-1, -2).reshape(x.shape)
    return shuffled


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
    if b is not None:
        y += b
    return y, macs


def lrn(x: np.ndarray, size: int, alpha: float, beta: float, k: float) -> np.ndarray:
    """AlexNet's LRN across channels: x / (k + alpha/size · Σ x²)^beta over [c - size//2, c + (size-1)//2]."""
    squares = x * x
    window = squares.copy()
    c = x.shape[-1]
    for d in range(1, min(size // 2, c - 1) + 1):  # the channels below: one shifted add each, 5x a windowed sum
        window[..., d:] += squares[..., :c - d]
    for d in range(1, min((size - 1) // 2, c - 1) + 1):  # and above
        window[..., :c - d] += squares[..., d:]
    del squares
    window *= alpha / size
    window += k
    if beta == 0.75:  # AlexNet's (and Caffe's default): t^0.75 = √t·√√t, a sixth of a float32 power's time
        root = np.sqrt(window, out=window)
        root *= np.sqrt(root)
    elif beta == 0.5:
        np.sqrt(window, out=window)
    else:
        window **= beta
    return x / window


def batch_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, mean: np.ndarray, var: np.ndarray,
               eps: float) -> np.ndarray:
    y = x - mean
    y *= gamma / np.sqrt(var + eps)
    y += beta
    return y


def normalize(x: np.ndarray, axes: tuple[int, ...], eps: float, naive: bool = False) -> np.ndarray:
    """(x - mean)/sqrt(var + eps), the mean and (biased) variance taken over `axes` (layer, group and
    instance norms). The naive path sums each slice one value at a time, in float64."""
    if naive:
        kept = [a for a in range(x.ndim) if a not in {ax % x.ndim for ax in axes}]
        moved = np.moveaxis(x, [a % x.ndim for a in axes], list(range(x.ndim - len(axes), x.ndim)))
        y = np.empty(moved.shape, dtype=x.dtype)
        for index in np.ndindex(*[x.shape[a] for a in kept]):
            values = [float(v) for v in moved[index].reshape(-1)]
            mean = math.fsum(values) / len(values)
            var = math.fsum((v - mean) ** 2 for v in values) / len(values)
            y[index] = (moved[index] - mean) / math.sqrt(var + eps)
        return np.moveaxis(y, list(range(x.ndim - len(axes), x.ndim)), [a % x.ndim for a in axes])
    mean = x.mean(axis=axes, keepdims=True)
    y = x - mean
    var = np.square(y).mean(axis=axes, keepdims=True)
    var += eps
    y /= np.sqrt(var)
    return y


def softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    e /= e.sum(axis=-1, keepdims=True)
    return e


def log_softmax(x: np.ndarray) -> np.ndarray:
    shifted = x - x.max(axis=-1, keepdims=True)
    shifted -= np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    return shifted


def gelu_tanh(x: np.ndarray) -> np.ndarray:
    """GELU's tanh approximation, x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))/2, in x's type."""
    inner = x * x
    inner *= 0.044715
    inner += 1.0
    inner *= x
    inner *= math.sqrt(2.0 / math.pi)
    np.tanh(inner, out=inner)
    inner += 1.0
    inner *= 0.5
    inner *= x
    return inner


def gelu(x: np.ndarray) -> np.ndarray:
    """Exact GELU, x·Φ(x) with Φ(x) = (1 + erf(x/√2))/2; erf from `math`, one value at a time into a
    float64 array (no array of Python objects), then back to x's type."""
    flat = x.reshape(-1) / math.sqrt(2.0)
    erf = np.fromiter(map(math.erf, flat), dtype=np.float64, count=flat.size).reshape(x.shape)
    erf += 1.0
    erf *= 0.5
    erf *= x
    return erf.astype(x.dtype, copy=False)
