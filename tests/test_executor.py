"""The NumPy executor: exact small examples from the lecture, naive against fast paths, and
independence from the walker's formula."""
from __future__ import annotations

import numpy as np
import pytest

from cnncalc import kernels
from cnncalc.executor import Executor
from cnncalc.verify import verify
from tests.conftest import SPECS, prepare

RNG = np.random.default_rng(1)


def run_spec(text: str, x: np.ndarray, weights: dict[str, np.ndarray] | None = None) -> np.ndarray:
    a = prepare(text, "t.spec")
    assert a.report.ok, [(d.code, d.message) for d in a.report.diagnostics]
    return Executor(np.random.default_rng(0), np.float64, weights).run(a.root, x)


def test_lecture_max_pool_example() -> None:
    # Lecture: single depth slice [[1,1,2,4],[5,6,7,8],[3,2,1,0],[1,2,3,4]], 2x2 filters, stride 2 -> [[6,8],[3,4]].
    x = np.array([[1, 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]], dtype=float)[None, :, :, None]
    y = run_spec("input 4x4x1\nmaxpool 2x2 stride 2\n", x)
    assert y[0, :, :, 0].tolist() == [[6, 8], [3, 4]]


# The lecture's convolution demo set-up: 5x5x3 input, two 3x3x3 filters, stride 2, pad 1, so
# (5 - 3 + 2)/2 + 1 = 3 and the output is 3x3x2. Values as depth slices x[:,:,c], w[o][:,:,c].
X_SLICES = [[[2, 1, 2, 1, 2], [2, 2, 2, 0, 1], [0, 2, 0, 0, 0], [1, 1, 0, 1, 2], [0, 2, 0, 0, 2]],
            [[0, 1, 1, 0, 1], [0, 0, 0, 2, 2], [1, 0, 0, 0, 0], [0, 0, 0, 0, 1], [1, 0, 2, 2, 2]],
            [[0, 0, 2, 0, 1], [1, 0, 1, 1, 0], [0, 1, 0, 1, 1], [2, 2, 0, 2, 2], [2, 1, 0, 1, 1]]]
W_SLICES = [[[[0, 0, 1], [0, -1, 0], [0, 1, -1]], [[-1, 0, -1], [1, 0, 0], [-1, 1, 0]],
             [[0, 0, 1], [-1, 0, -1], [1, -1, 1]]],
            [[[-1, -1, -1], [0, 0, 1], [0, 1, 0]], [[0, -1, 1], [1, 0, 0], [-1, 0, -1]],
             [[-1, 0, 1], [1, 0, -1], [0, 0, 1]]]]
BIAS = [1, 0]
# o[0,0,0], by hand: the window covers rows -1..1, cols -1..1; only rows/cols 0..1 are inside,
# meeting filter taps (1..2, 1..2):
#   slice 0: 2·(-1) + 1·0 + 2·1 + 2·(-1) = -2;  slice 1: 0·0 + 1·0 + 0·1 + 0·0 = 0;
#   slice 2: 0·0 + 0·(-1) + 1·(-1) + 0·1 = -1;  plus bias 1:  -2 + 0 - 1 + 1 = -2.
O_SLICES = [[[-2, 2, 1], [2, 1, 1], [3, 2, 0]], [[3, 3, -1], [0, 1, -1], [1, -2, -3]]]


def test_hand_checked_5x5x3_conv_stride_2_pad_1() -> None:
    x = np.moveaxis(np.array(X_SLICES, dtype=float), 0, -1)[None]           # (1, 5, 5, 3)
    w = np.moveaxis(np.array(W_SLICES, dtype=float), 1, -1)                 # (2, 3, 3, 3): C_out, Kh, Kw, C_in
    weights = {"conv1.weight": w, "conv1.bias": np.array(BIAS, float)}
    y = run_spec("input 5x5x3\nconv 2 3x3 stride 2 pad 1\n", x, weights)
    assert y.shape == (1, 3, 3, 2)
    assert np.moveaxis(y[0], -1, 0).tolist() == O_SLICES
    assert y[0, 0, 0, 0] == -2


# ---- naive path against fast path ------------------------------------------------------

CONV_CASES = [
    # (H, W, Cin, Cout, kernel, stride, pads(t,b,l,r), dilation, groups, ceil)
    (7, 7, 3, 4, (3, 3), (1, 1), (0, 0, 0, 0), (1, 1), 1, False),
    (9, 8, 4, 6, (3, 2), (2, 3), (1, 2, 0, 1), (1, 1), 2, False),
    (10, 10, 6, 6, (3, 3), (2, 2), (1, 1, 1, 1), (2, 2), 3, False),
    (8, 8, 2, 3, (3, 3), (3, 3), (0, 0, 0, 0), (1, 1), 1, True),   # ceil: a partial last window
    (11, 11, 3, 5, (11, 11), (4, 4), (2, 2, 2, 2), (1, 1), 1, False),
]


@pytest.mark.parametrize("case", CONV_CASES)
def test_conv_fast_equals_naive(case: tuple) -> None:
    h, w, cin, cout, k, s, pads, d, g, ceil = case
    x = RNG.standard_normal((2, h, w, cin))
    wt = RNG.standard_normal((cout, *k, cin // g))
    b = RNG.standard_normal(cout)
    fast, macs_fast = kernels.conv2d(x, wt, b, s, pads, d, g, ceil)
    slow, macs_slow = kernels.conv2d(x, wt, b, s, pads, d, g, ceil, naive=True)
    assert fast.shape == slow.shape
    np.testing.assert_allclose(fast, slow, rtol=1e-10, atol=1e-10)
    assert macs_fast == macs_slow


def test_conv_chunks_agree_with_one_block(monkeypatch: pytest.MonkeyPatch) -> None:
    x = RNG.standard_normal((1, 20, 20, 8))
    wt = RNG.standard_normal((4, 3, 3, 8))
    whole, _ = kernels.conv2d(x, wt, None, (1, 1), (1, 1, 1, 1), (1, 1), 1, False)
    monkeypatch.setattr(kernels, "BLOCK_BYTES", 1)  # one output pixel per block
    monkeypatch.setattr(kernels, "MIN_BLOCK_PIXELS", 1)
    rows, _ = kernels.conv2d(x, wt, None, (1, 1), (1, 1, 1, 1), (1, 1), 1, False)
    np.testing.assert_allclose(whole, rows)


def test_conv_blocks_hold_enough_pixels_within_the_cap() -> None:
    # VGG-16's conv4_2: 3·3·512 = 4,608 taps of 4 bytes, 18,432 bytes per pixel. 2 MiB would hold
    # 2,097,152 // 18,432 = 113 pixels; the floor of 512 pixels is 18 whole rows of 28 (504 pixels).
    assert kernels._conv_blocks(1, 28, 28, 4608, 4) == (512 // 28, 28)
    # A batch of 4 shares the 512: 128 pixels per image, 4 rows of 28.
    assert kernels._conv_blocks(4, 28, 28, 4608, 4) == (128 // 28, 28)
    # 1,000,000 taps: 4 MB per pixel; 32 MiB caps the block at 33,554,432 // 4,000,000 = 8 pixels of a row.
    assert kernels._conv_blocks(1, 28, 28, 1_000_000, 4) == (1, 8)
    # Small patches: 2 MiB holds 2,097,152 // (3·3·3·4) = 19,418 pixels, 19,418 // 224 = 86 whole rows.
    assert kernels._conv_blocks(1, 224, 224, 27, 4) == (86, 224)


WINOGRAD_CASES = [  # H, W, C_in, C_out, kernel, pads, ceil, batch: each takes a Winograd path
    (20, 20, 16, 5, 3, (1, 1, 1, 1), False, 1),  # F(2x2, 3x3): even output, 10x10 tiles
    (21, 23, 16, 3, 3, (1, 1, 1, 1), False, 2),  # odd output both ways: the last tiles' halves are dropped
    (23, 24, 17, 4, 3, (0, 0, 0, 0), False, 1),  # no padding: 21x22
    (25, 20, 16, 2, 3, (2, 0, 1, 3), True, 2),   # asymmetric padding, ceil mode (stride 1: the same windows)
    (13, 13, 128, 3, 3, (1, 1, 1, 1), False, 1),  # 13x13 with 128 channels: 7x7 tiles, the last cut to 1x1
    (27, 27, 64, 4, 5, (2, 2, 2, 2), False, 1),  # F(3x3, 5x5): 27x27, 9x9 whole tiles
    (26, 25, 64, 3, 5, (0, 1, 2, 0), False, 2),  # 23x23: 8x8 tiles, the last keeping 2 of 3 rows and columns
]


def _winograd_tile(x: np.ndarray, kernel: int, pads: tuple, ceil: bool) -> int:
    win = kernels.Windows(x.shape, (kernel, kernel), (1, 1), pads, (1, 1), ceil)
    return kernels._winograd_tile((kernel, kernel), (1, 1), (1, 1), 1, x.shape[3], (len(win.rows), len(win.cols)))


@pytest.mark.parametrize("case", WINOGRAD_CASES)
def test_winograd_equals_naive(case: tuple) -> None:
    h, w, cin, cout, k, pads, ceil, n = case
    x = RNG.standard_normal((n, h, w, cin))
    wt = RNG.standard_normal((cout, k, k, cin))
    b = RNG.standard_normal(cout)
    assert _winograd_tile(x, k, pads, ceil) == {3: 2, 5: 3}[k]
    fast, macs_fast = kernels.conv2d(x, wt, b, (1, 1), pads, (1, 1), 1, ceil)
    slow, macs_slow = kernels.conv2d(x, wt, b, (1, 1), pads, (1, 1), 1, ceil, naive=True)
    assert fast.shape == slow.shape
    np.testing.assert_allclose(fast, slow, rtol=1e-10, atol=1e-10)
    assert macs_fast == macs_slow == slow.size * k * k * cin


@pytest.mark.parametrize("m, r", [(2, 3), (3, 5), (4, 3), (2, 5)])
def test_winograd_matrices_compute_the_correlation(m: int, r: int) -> None:
    # F(m, r) in one dimension: y_i = sum over k < r of d[i + k]·g[k] for the m outputs of an (m + r - 1)-long
    # input, written out here, against Aᵀ·((G·g) ⊙ (Bᵀ·d)) from the matrices cnncalc derives.
    a_t, g, b_t = kernels._winograd_matrices(m, r)
    n = m + r - 1

    def dense(terms: tuple) -> np.ndarray:
        matrix = np.zeros((len(terms), n))
        for i, row in enumerate(terms):
            for k, c in row:
                matrix[i, k] = c
        return matrix
    assert g.shape == (n, r) and dense(a_t).shape == (m, n)
    assert all(float(c).is_integer() for row in b_t for _, c in row)  # the input's transform: whole multiples
    for _ in range(5):
        d, f = RNG.standard_normal(n), RNG.standard_normal(r)
        expected = [sum(d[i + k] * f[k] for k in range(r)) for i in range(m)]
        np.testing.assert_allclose(dense(a_t) @ ((g @ f) * (dense(b_t) @ d)), expected, rtol=1e-12, atol=1e-12)


def test_winograd_f2x2_3x3_is_lavin_and_grays() -> None:
    # The paper's matrices (Lavin & Gray 2016, section 4.1), up to the sign of the point at infinity's row:
    # Bᵀ = [[1, 0, -1, 0], [0, 1, 1, 0], [0, -1, 1, 0], [0, 1, 0, -1]], G = [[1, 0, 0], [½, ½, ½], [½, -½, ½],
    # [0, 0, 1]], Aᵀ = [[1, 1, 1, 0], [0, 1, -1, -1]].
    a_t, g, b_t = kernels._winograd_matrices(2, 3)
    assert b_t == (((0, 1.0), (2, -1.0)), ((1, 1.0), (2, 1.0)), ((1, -1.0), (2, 1.0)), ((1, -1.0), (3, 1.0)))
    assert g.tolist() == [[1, 0, 0], [0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0, 0, 1]]
    assert a_t == (((0, 1.0), (1, 1.0), (2, 1.0)), ((1, 1.0), (2, -1.0), (3, 1.0)))


@pytest.mark.parametrize("k", [3, 5])
def test_winograd_on_ones_counts_each_windows_taps(k: int) -> None:
    # Ones in, ones as weights, padded by k // 2 on 20x20x64: an output is the number of taps its window finds
    # inside the input. 3x3: 3·3·64 = 576 inside, 2·3·64 = 384 on an edge, 2·2·64 = 256 in a corner; 5x5: 25·64 =
    # 1,600 inside, 3·5·64 = 960 on an edge, 3·3·64 = 576 in a corner, 4·5·64 = 1,280 one row in.
    x = np.ones((1, 20, 20, 64), dtype=np.float32)
    p = k // 2
    assert _winograd_tile(x, k, (p,) * 4, False)
    y, _ = kernels.conv2d(x, np.ones((2, k, k, 64), dtype=np.float32), None, (1, 1), (p,) * 4, (1, 1), 1, False)
    # F(2x2, 3x3) adds, subtracts and halves: exact in float32; F(3x3, 5x5)'s filter transform holds sixths and
    # its sums larger multiples: within 10⁻⁵ of the largest output, 1,600
    inside, edge, corner = ((576, 384, 256) if k == 3 else
                            [pytest.approx(v, abs=1e-5 * 1600) for v in (1600, 960, 576)])
    at = y[0].tolist()
    assert at[5][7][0] == inside and at[0][7][1] == edge and at[19][7][0] == edge and at[7][19][1] == edge
    assert at[0][0][0] == corner and at[19][19][1] == corner and y.dtype == np.float32
    if k == 5:
        assert at[1][7][0] == pytest.approx(1280, abs=1e-5 * 1600)


@pytest.mark.parametrize("k, cin", [(3, 16), (5, 64)])
@pytest.mark.parametrize("outputs_last", [False, True])
def test_winograd_blocks_agree_with_one_block(monkeypatch: pytest.MonkeyPatch, k: int, cin: int,
                                              outputs_last: bool) -> None:
    # One block of F(2x2, 3x3) on filters drawn with C_out last makes each transformed filter just before its product;
    # blocks of tile rows, F(3x3, 5x5) and filters as a weights file stores them make them all first: each way agrees
    # with the others and with the sums one by one.
    x = RNG.standard_normal((2, 21, 22, cin))
    wt = RNG.standard_normal((4, k, k, cin))
    if outputs_last:
        wt = np.moveaxis(np.ascontiguousarray(np.moveaxis(wt, 0, -1)), -1, 0)
    assert kernels._outputs_inner(wt) == outputs_last
    pads = (k // 2,) * 4
    m = {3: 2, 5: 3}[k]

    def tiling() -> kernels._Tiling:
        return kernels._Tiling(x.shape, 4, kernels.Windows(x.shape, (k, k), (1, 1), pads, (1, 1), False), 8, m, k)
    assert tiling().block == tiling().tiles[0] and tiling().one_by_one == (k == 3)
    whole, _ = kernels.conv2d(x, wt, None, (1, 1), pads, (1, 1), 1, False)
    monkeypatch.setattr(kernels, "WINOGRAD_BLOCK_BYTES", 1)  # one tile row per block, the last one short
    monkeypatch.setattr(kernels, "WINOGRAD_MIN_TILES", 1)
    assert tiling().block == 1 and not tiling().one_by_one
    rows, _ = kernels.conv2d(x, wt, None, (1, 1), pads, (1, 1), 1, False)
    np.testing.assert_allclose(whole, rows, rtol=1e-12, atol=1e-12)
    slow, _ = kernels.conv2d(x, wt, None, (1, 1), pads, (1, 1), 1, False, naive=True)
    np.testing.assert_allclose(whole, slow, rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("hw, cin, k", [(28, 64, 3), (27, 96, 5)])
def test_winograd_in_float32_stays_close_to_the_float64_sum(hw: int, cin: int, k: int) -> None:
    # VGG-like 28x28x64 -> 64 and AlexNet's conv2 27x27x96 -> 64. The transforms add, halve and take small
    # multiples; float32's error stays within 10⁻⁵ of the largest output.
    x = RNG.standard_normal((1, hw, hw, cin))
    wt = RNG.standard_normal((64, k, k, cin))
    pads = (k // 2,) * 4
    assert _winograd_tile(x, k, pads, False)
    exact, _ = kernels.conv2d(x, wt, None, (1, 1), pads, (1, 1), 1, False, naive=True)
    single, _ = kernels.conv2d(x.astype(np.float32), wt.astype(np.float32), None, (1, 1), pads, (1, 1), 1, False)
    assert single.dtype == np.float32
    assert np.abs(single - exact).max() <= 1e-5 * np.abs(exact).max()


def test_winograd_only_where_it_was_measured_to_pay() -> None:
    tile = kernels._winograd_tile
    assert tile((3, 3), (1, 1), (1, 1), 1, 64, (224, 224)) == 2    # VGG-16's conv1_2
    assert tile((3, 3), (1, 1), (1, 1), 1, 3, (224, 224)) == 0     # conv1_1: three channels, im2col
    assert tile((3, 3), (1, 1), (1, 1), 1, 512, (14, 14)) == 2     # conv5_x: 196 pixels, but 512 channels
    assert tile((3, 3), (1, 1), (1, 1), 1, 384, (13, 13)) == 2     # AlexNet's conv4
    assert tile((3, 3), (1, 1), (1, 1), 1, 64, (13, 13)) == 0      # too few pixels for 64 channels
    assert tile((3, 3), (1, 1), (1, 1), 1, 512, (7, 7)) == 0       # ResNet's last stage: too few pixels
    assert tile((5, 5), (1, 1), (1, 1), 1, 96, (27, 27)) == 3      # AlexNet's conv2
    assert tile((5, 5), (1, 1), (1, 1), 1, 32, (28, 28)) == 0      # GoogLeNet's 5x5 branch: too few channels
    assert tile((3, 3), (2, 2), (1, 1), 1, 64, (56, 56)) == 0      # strided
    assert tile((3, 3), (1, 1), (2, 2), 1, 64, (56, 56)) == 0      # dilated
    assert tile((3, 3), (1, 1), (1, 1), 2, 64, (56, 56)) == 0      # grouped
    assert tile((7, 7), (1, 1), (1, 1), 1, 64, (56, 56)) == 0


@pytest.mark.parametrize("mult, stride, pads", [(1, (1, 1), (1, 1, 1, 1)), (2, (2, 2), (0, 1, 0, 1))])
def test_depthwise_fast_equals_naive(mult: int, stride: tuple, pads: tuple) -> None:
    x = RNG.standard_normal((2, 7, 7, 4))
    wt = RNG.standard_normal((4 * mult, 3, 3, 1))
    fast, m1 = kernels.depthwise2d(x, wt, None, stride, pads, (1, 1), False)
    slow, m2 = kernels.depthwise2d(x, wt, None, stride, pads, (1, 1), False, naive=True)
    np.testing.assert_allclose(fast, slow, rtol=1e-10, atol=1e-10)
    assert m1 == m2


@pytest.mark.parametrize("stride, pads, outpad, dilation, groups", [
    ((2, 2), (1, 1, 1, 1), (1, 1), (1, 1), 1), ((1, 2), (0, 0, 1, 1), (0, 1), (2, 1), 2),
    ((3, 3), (0, 0, 0, 0), (0, 0), (1, 1), 1)])
def test_deconv_fast_equals_naive(stride: tuple, pads: tuple, outpad: tuple, dilation: tuple, groups: int) -> None:
    x = RNG.standard_normal((2, 4, 5, 4))
    wt = RNG.standard_normal((4, 3, 3, 6 // groups))
    fast, m1 = kernels.conv_transpose2d(x, wt, None, stride, pads, outpad, dilation, groups)
    slow, m2 = kernels.conv_transpose2d(x, wt, None, stride, pads, outpad, dilation, groups, naive=True)
    np.testing.assert_allclose(fast, slow, rtol=1e-10, atol=1e-10)
    assert m1 == m2


@pytest.mark.parametrize("k, s, pads, ceil, exclude", [
    ((3, 3), (2, 2), (0, 0, 0, 0), False, False), ((3, 3), (2, 2), (1, 1, 1, 1), True, False),
    ((2, 3), (2, 1), (1, 1, 0, 1), True, True), ((3, 3), (3, 3), (1, 1, 1, 1), True, True)])
def test_pools_fast_equal_naive(k: tuple, s: tuple, pads: tuple, ceil: bool, exclude: bool) -> None:
    x = RNG.standard_normal((2, 8, 7, 3))
    np.testing.assert_allclose(kernels.max_pool2d(x, k, s, pads, (1, 1), ceil),
                               kernels.max_pool2d(x, k, s, pads, (1, 1), ceil, naive=True))
    np.testing.assert_allclose(kernels.avg_pool2d(x, k, s, pads, ceil, exclude),
                               kernels.avg_pool2d(x, k, s, pads, ceil, exclude, naive=True))
    # PyTorch's divisor_override: each window's sum over 5, wherever the window is
    summed = kernels.avg_pool2d(x, k, s, pads, ceil, exclude, divisor=5)
    np.testing.assert_allclose(summed, kernels.avg_pool2d(x, k, s, pads, ceil, exclude, naive=True, divisor=5))
    first = x[:, 0:k[0] - pads[0], 0:k[1] - pads[2]].sum(axis=(1, 2)) / 5  # its cells in the input (pads: t, b, l, r)
    np.testing.assert_allclose(summed[:, 0, 0], first)


def test_linear_fast_equals_naive() -> None:
    x = RNG.standard_normal((3, 2, 2, 3))
    wt = RNG.standard_normal((5, 12))
    fast, m1 = kernels.linear(x, wt, None)
    slow, m2 = kernels.linear(x, wt, None, naive=True)
    np.testing.assert_allclose(fast, slow)
    assert m1 == m2 == 3 * 12 * 5


@pytest.mark.parametrize("dcr", [False, True])
def test_pixel_shuffles_fast_equal_naive_and_undo_each_other(dcr: bool) -> None:
    # channel c·r² + i·r + j (PyTorch's order) or (i·r + j)·C + c (TensorFlow's) to row offset i, column offset j (r 3):
    # the view-and-transpose paths against the loops that place each value; unshuffling gives the input back
    x = RNG.standard_normal((2, 3, 4, 18))
    shuffled = kernels.pixel_shuffle(x, 3, dcr=dcr)
    np.testing.assert_array_equal(shuffled, kernels.pixel_shuffle(x, 3, naive=True, dcr=dcr))
    assert shuffled.shape == (2, 9, 12, 2)
    channel = (1 * 3 + 2) * 2 + 1 if dcr else 1 * 9 + 1 * 3 + 2  # output (row 1, column 2, channel 1) of block (0, 0)
    assert shuffled[0, 1, 2, 1] == x[0, 0, 0, channel]
    back = kernels.pixel_unshuffle(shuffled, 3, dcr=dcr)
    np.testing.assert_array_equal(back, kernels.pixel_unshuffle(shuffled, 3, naive=True, dcr=dcr))
    np.testing.assert_array_equal(back, x)


def test_weights_stored_output_axis_last_give_the_same_products() -> None:
    # The executor draws conv and fc weights with the output axis last in memory (Layer.read_transposed):
    # the fast kernels must read either order alike, grouped convolutions' slices of it included.
    x = RNG.standard_normal((2, 9, 8, 6))
    for case in ((4, (3, 3), 1), (6, (2, 3), 3)):
        cout, k, g = case
        wt = RNG.standard_normal((cout, *k, 6 // g))
        outputs_last = np.moveaxis(np.ascontiguousarray(np.moveaxis(wt, 0, -1)), -1, 0)
        assert not outputs_last.flags.c_contiguous
        slow, _ = kernels.conv2d(x, wt, None, (1, 2), (1, 0, 1, 1), (1, 1), g, False, naive=True)
        fast, _ = kernels.conv2d(x, outputs_last, None, (1, 2), (1, 0, 1, 1), (1, 1), g, False)
        np.testing.assert_allclose(fast, slow, rtol=1e-10, atol=1e-10)
    # and Winograd's filter transforms (3x3 on 16 channels, 5x5 on 64, 22x22 = 484 outputs: kernels' thresholds)
    for k, cin in ((3, 16), (5, 64)):
        xk = RNG.standard_normal((1, 22, 22, cin))
        wt = RNG.standard_normal((8, k, k, cin))
        pads = (k // 2,) * 4
        assert kernels._winograd_tile((k, k), (1, 1), (1, 1), 1, cin, (22, 22))
        slow, _ = kernels.conv2d(xk, wt, None, (1, 1), pads, (1, 1), 1, False, naive=True)
        for stored in (wt, np.moveaxis(np.ascontiguousarray(np.moveaxis(wt, 0, -1)), -1, 0)):
            fast, _ = kernels.conv2d(xk, stored, None, (1, 1), pads, (1, 1), 1, False)
            np.testing.assert_allclose(fast, slow, rtol=1e-10, atol=1e-10)
    wt = RNG.standard_normal((5, 9 * 8 * 6))
    slow, _ = kernels.linear(x, wt, None, naive=True)
    fast, _ = kernels.linear(x, np.ascontiguousarray(wt.T).T, None)
    np.testing.assert_allclose(fast, slow)


def test_drawn_weights_are_he_uniform_and_stored_as_the_product_reads_them() -> None:
    a = prepare("input 8x8x16\nconv 64 3x3\nfc 100\n", "t.spec")
    drawn: dict[str, np.ndarray] = {}

    class Recording(Executor):
        def weights(self, node, x):  # type: ignore[no-untyped-def]
            out = super().weights(node, x)
            drawn.update({f"{node.path}.{k}": v for k, v in out.items()})
            return out
    Recording(np.random.default_rng(0)).run(a.root, np.zeros((1, 8, 8, 16), np.float32))
    conv, fc = drawn["conv1.weight"], drawn["fc1.weight"]
    assert conv.shape == (64, 3, 3, 16) and fc.shape == (100, 6 * 6 * 64)  # the documented layouts
    assert np.moveaxis(conv, 0, -1).flags.c_contiguous and fc.T.flags.c_contiguous  # the output axis last in memory
    for w, fan_in in ((conv, 3 * 3 * 16), (fc, 6 * 6 * 64)):
        bound = (6 / fan_in) ** 0.5  # He-uniform: U(-b, b), b = sqrt(6 / fan-in), variance b^2/3 = 2 / fan-in
        assert -bound <= w.min() < -0.9 * bound and 0.9 * bound < w.max() <= bound
        assert abs(w.var() / (2 / fan_in) - 1) < 0.05


def test_pools_padded_past_half_their_window_compute_caffes_windows() -> None:
    # Caffe's pooling (P < K): 3x3 windows at stride 2 padded by 2 on [[1, 2, 3], [4, 5, 6], [7, 8, 9]]: ceil((3 + 4 -
    # 3)/2) + 1 = 3 windows a side, starting at -2, 0, 2, so they cover rows {0}, {0, 1, 2}, {2} (columns alike)
    x = np.arange(1.0, 10.0).reshape(1, 3, 3, 1)
    y = run_spec("input 3x3x1\nmaxpool 3x3 stride 2 pad 2 widepad ceil\n", x)
    assert y[0, :, :, 0].tolist() == [[1, 3, 3], [7, 9, 9], [7, 9, 9]]
    # the average divides by the window's cells inside the padded input, 3·3 = 9 each here (Caffe's pool_size)
    y = run_spec("input 3x3x1\navgpool 3x3 stride 2 pad 2 widepad ceil\n", x)
    np.testing.assert_allclose(y[0, :, :, 0], np.array([[1, 6, 3], [12, 45, 18], [7, 24, 9]]) / 9)
    for line in ("maxpool 3x3 stride 2 pad 2,1,0,2 widepad", "avgpool 3x3 stride 1 pad 2 widepad ceil"):
        a = prepare(f"input 5x4x3\n{line}\n", "t.spec")
        x = RNG.standard_normal((2, 5, 4, 3))
        layer = a.root.children[0].layer
        fast, _ = layer.run(x, {}, False, False)
        slow, _ = layer.run(x, {}, False, True)
        np.testing.assert_allclose(fast, slow)


def test_window_starts_follow_ceil_mode() -> None:
    # N=5, K=2, S=2, P=1 with ceil: windows start at -1, 1, 3; one at 5 would start in the padding.
    assert kernels.window_starts(5, 2, 2, 1, 1, True) == [-1, 1, 3]
    assert kernels.window_starts(5, 2, 2, 1, 1, False) == [-1, 1, 3]
    assert kernels.window_starts(6, 2, 2, 1, 1, True) == [-1, 1, 3, 5]


# ---- the executor as an independent witness ----------------------------------------------

def test_executor_never_calls_the_shape_formula(monkeypatch: pytest.MonkeyPatch) -> None:
    a = prepare((SPECS / "googlenet.spec").read_text(), "googlenet.spec")
    import cnncalc.layers.window as window
    import cnncalc.shape as shape

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("the executor used the walker's formula")
    for module, name in ((shape, "out_len"), (shape, "same_padding"), (shape, "transposed_len"),
                         (window, "out_len"), (window, "same_padding"), (window, "window_output")):
        monkeypatch.setattr(module, name, forbidden)
    result = verify(a)
    assert result.ok


def test_verify_catches_a_wrong_formula(monkeypatch: pytest.MonkeyPatch) -> None:
    # Break the walker's conv parameter rule (forget the bias): verify must report E902.
    from cnncalc.layers import conv
    from cnncalc.layers.base import Params
    monkeypatch.setattr(conv.Conv, "params", lambda self, x: Params(self.kernel[0] * self.kernel[1]
                                                                    * x.channels * self.out_channels, 0))
    a = prepare("input 8x8x3\nconv 4 3x3\n", "t.spec")
    result = verify(a)
    assert [d.code for d in result.diagnostics] == ["E902"]


def test_verify_reports_non_finite_outputs(monkeypatch: pytest.MonkeyPatch) -> None:
    from cnncalc.layers.activation import ReLU
    monkeypatch.setattr(ReLU, "run", lambda self, x, w, ceil, naive: (x * np.inf, 0))
    result = verify(prepare("input 4x4x1\nconv 1 1x1\nrelu\n", "t.spec"))
    assert [d.code for d in result.diagnostics] == ["E904"]


def test_a_containers_output_is_as_finite_as_its_last_childs(monkeypatch: pytest.MonkeyPatch) -> None:
    # a container's output is its last layer's array, checked once (not again per container); a side head's output is
    # not the trunk's: a head made infinite leaves the container around it finite
    from cnncalc.executor import Executor
    from cnncalc.layers.activation import ReLU
    monkeypatch.setattr(ReLU, "run", lambda self, x, w, ceil, naive: (x * np.inf, 0))
    for text, finite in [("input 4x4x1\nblock b { conv 1 1x1 ; relu }\nrepeat 2 { b() }\n",
                          {"repeat1": False, "repeat1.1": False, "repeat1.1.b1": False}),
                         ("input 4x4x1\nrepeat 1 { conv 1 1x1 ; side { relu } }\n",
                          {"repeat1": True, "repeat1.1": True, "repeat1.1.side1": False})]:
        analysis = prepare(text, "t.spec")
        executor = Executor(np.random.default_rng(0))
        executor.run(analysis.root, np.ones((1, 4, 4, 1), dtype=np.float32))
        assert {path: executor.results[path].finite for path in finite} == finite, text


def test_a_power_average_pool_of_an_odd_power_on_negative_values_is_nan_and_said_so() -> None:
    # (Σ x^3)^(1/3) of a window whose sum is negative: a cube root of a negative float is NaN in NumPy's power, as in
    # PyTorch's; after a ReLU every sum is at least 0, and an even power never sees a negative value
    result = verify(prepare("input 8x8x3\nconv 4 3x3\nlppool 2 p 3\n", "t.spec"))
    assert [(d.code, "power-average pool of an odd or fractional power" in (d.hint or "")) for d in
            result.diagnostics] == [("E904", True)]
    assert [c.counts_agree for c in result.comparisons] == [True, True]  # conv1, lppool1: the counts agree
    assert verify(prepare("input 8x8x3\nconv 4 3x3\nrelu\nlppool 2 p 3\n", "t.spec")).ok
    assert verify(prepare("input 8x8x3\nconv 4 3x3\nlppool 2 p 2\nlppool 1 p 4\n", "t.spec")).ok


def test_lp_pool_by_hand() -> None:
    # a 3x3 map of one channel, values 1…9; 2x2 windows at stride 2 with ceil: sums of squares 1+4+16+25 = 46 and,
    # past the input, 9+36 = 45 (scaled 4/2, as PyTorch does: 90), 49+64 = 113 (226), 81 (324); square roots
    x = np.arange(1, 10, dtype=np.float64).reshape(1, 3, 3, 1)
    from cnncalc.kernels import lp_pool2d
    y = lp_pool2d(x, (2, 2), (2, 2), 2.0, True)
    assert np.allclose(y[0, :, :, 0], np.sqrt([[46, 90], [226, 324]]))
    assert np.allclose(lp_pool2d(x, (3, 3), (1, 1), 1.0, False)[0, 0, 0, 0], 45)  # p 1: the sum


def test_max_unpool_by_hand() -> None:
    # a 4x4 map of one channel; 2x2 windows at stride 2: their largest values 6 (row 1, column 1), 8 (row 0,
    # column 3), 14 (row 3, column 2) and 9, twice in its window (rows 2 and 3 of column 0: the first, row by row,
    # as PyTorch's indices take it); the pooled branch's values 10, 20, 30, 40 go there, zeros elsewhere
    ref = np.array([[1, 2, 3, 8], [5, 6, 7, 4], [9, 0, 13, 14], [9, 1, 11, 12]], dtype=np.float64).reshape(1, 4, 4, 1)
    x = np.array([[10, 20], [30, 40]], dtype=np.float64).reshape(1, 2, 2, 1)
    y = kernels.max_unpool2d(ref, x, (2, 2), (2, 2), (0, 0, 0, 0), (1, 1), False)
    assert y[0, :, :, 0].tolist() == [[0, 0, 0, 20], [0, 10, 0, 0], [30, 0, 0, 40], [0, 0, 0, 0]]
    # 3x3 windows at stride 1 padded by 1 overlap: each of the 16 windows writes its value (its row·4 + column)
    # at its largest, row by row, the later replacing the earlier: on a ramp ref (value row·4 + column) each
    # window's largest is its bottom-right cell, so place (r, c) keeps the last window whose largest it is: window
    # (i, j) with (min(i + 1, 3), min(j + 1, 3)) = (r, c); nothing reaches row 0 or column 0
    ramp = np.arange(16, dtype=np.float64).reshape(1, 4, 4, 1)
    y = kernels.max_unpool2d(ramp, ramp, (3, 3), (1, 1), (1, 1, 1, 1), (1, 1), False)
    last: dict[tuple[int, int], int] = {}
    for i in range(4):  # the windows in order, each writing at its bottom-right cell inside the map
        for j in range(4):
            last[(min(i + 1, 3), min(j + 1, 3))] = i * 4 + j
    assert last == {(1, 1): 0, (1, 2): 1, (1, 3): 3, (2, 1): 4, (2, 2): 5, (2, 3): 7, (3, 1): 12, (3, 2): 13,
                    (3, 3): 15}
    assert {(r, c): y[0, r, c, 0] for r in range(4) for c in range(4)} == \
        {(r, c): float(last.get((r, c), 0)) for r in range(4) for c in range(4)}


def test_fit_channels_by_hand() -> None:
    # a 2x2 map of 2 channels (c0 = 1..4, c1 = 5..8) fitted to the 2x2x3 reference (`identity ; padchannels 0 after 1`
    # of the same map): its two channels, then one of zeros; and to a 4x4x3 reference (the map upsampled by 2): one
    # row and column of zeros around it (as `fit` pads), and the third channel zeros
    x = np.arange(1, 9, dtype=np.float64).reshape(2, 2, 2).transpose(1, 2, 0)[None]  # (1, 2, 2, 2): N, H, W, C
    y = run_spec("input 2x2x2\nx: identity\nfit channels { padchannels 0 after 1 | identity }\n", x)
    assert y.shape == (1, 2, 2, 3)
    assert y[0, :, :, 0].tolist() == [[1, 2], [3, 4]] and y[0, :, :, 1].tolist() == [[5, 6], [7, 8]]
    assert y[0, :, :, 2].tolist() == [[0, 0], [0, 0]]
    y = run_spec("input 2x2x2\nfit channels { upsample 2 ; padchannels 0 after 1 | identity }\n", x)
    assert y.shape == (1, 4, 4, 3)
    assert y[0, :, :, 0].tolist() == [[0, 0, 0, 0], [0, 1, 2, 0], [0, 3, 4, 0], [0, 0, 0, 0]]
    assert y[0, :, :, 1].tolist() == [[0, 0, 0, 0], [0, 5, 6, 0], [0, 7, 8, 0], [0, 0, 0, 0]]
    assert not y[0, :, :, 2].any()


@pytest.mark.parametrize("path", sorted(SPECS.glob("*.spec")), ids=lambda p: p.name)
def test_verify_every_spec(path) -> None:
    result = verify(prepare(path.read_text(), path.name))
    assert result.ok, [(d.code, d.message) for d in result.diagnostics]


def test_verify_at_batch_2() -> None:
    result = verify(prepare((SPECS / "resnet18.spec").read_text(), "resnet18.spec"), batch=2)
    assert result.ok


def test_verify_catches_a_wrong_shape_rule_and_mac_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    # Break the walker's pool size (one row too many) and conv MACs (bias counted): E901, E903.
    from cnncalc.layers import conv, pool
    from cnncalc.shape import Shape
    monkeypatch.setattr(pool.MaxPool, "out_shape", lambda self, x, ctx: Shape.volume(x.dims[0] // 2 + 1,
                                                                                      x.dims[1] // 2, x.channels))
    monkeypatch.setattr(conv.Conv, "macs", lambda self, x, y: y.size * (9 * x.channels + 1))
    a = prepare("input 8x8x3\nconv 4 3x3 pad 1\nmaxpool 2x2\n", "t.spec")
    result = verify(a)
    found = [(d.code, d.path) for d in result.diagnostics]
    assert ("E903", "conv1") in found and ("E901", "maxpool1") in found
    e901 = next(d for d in result.diagnostics if d.code == "E901")
    assert e901.message == "maxpool1: the walker says 5x4x4, the executor's array is 4x4x4"
    assert a.report.source.line_col(e901.span.start) == (3, 1)


# ---- --max-memory is a bound -----------------------------------------------------------------

MEMORY_CASES = [
    "input 224x224x3\nrounding floor\nconv 64 7x7 stride 2 pad 3\nmaxpool 3x3 stride 2 pad 1\n"
    "conv 128 3x3 pad 2 dilation 2\n",
    "input 112x112x256\ndwconv 3x3 pad 1 multiplier 2\n",
    "input 64x64x64\ndeconv 32 4x4 stride 2 pad 1\n",
    "input 32x32x16\na: conv 16 3x3 pad 1\nb: relu\nconcat { @a | identity }\nside { globalavgpool ; fc 10 }\n"
    "split 2 { identity | conv 8 1x1 }\nmul { identity | globalavgpool ; conv 24 1x1 ; sigmoid }\nlrn\ngelu\nsoftmax\n",
    (SPECS / "resnet50.spec").read_text(),
    (SPECS / "mobilenet_v1.spec").read_text(),
    "input 32x32x8\nupsample 2 bilinear ; resize 40x24 ; adaptiveavgpool 7x5 ; zeropad 1 ; crop 1,0,2,0\n"
    "centercrop 5x4 ; groupnorm 2 ; layernorm ; instancenorm affine ; prelu perchannel ; shuffle 4 ; slice 2:6\n",
    "input 64x64x8\nenc1: conv 16 3x3 pad 1\nenc2: maxpool 2 ; conv 32 3x3 pad 1\n"
    "up: deconv 16 2x2 stride 2 ; concat { @enc1 | identity } ; add { @enc1 ; conv 32 1x1 | identity }\n",
    # the Winograd paths: F(3x3, 5x5) on 26x26 (a scratch for its coefficients other than ±1), F(2x2, 3x3) on
    # 13x13 with 128 channels
    "input 26x26x64\nconv 128 5x5 pad 2\nmaxpool 2\nconv 16 3x3 pad 1\n",
    # weights shared (`shares`): the first layer's arrays held to the end, none allocated by the others
    "input 16x16x8\nc: conv 8 3x3 pad 1\nrepeat 2 { conv 8 3x3 pad 1 shares c ; relu }\n"
    "mul { identity | add { globalavgpool ; a: conv 2 1x1 | globalmaxpool ; conv 2 1x1 shares a } ; conv 8 1x1 }\n",
    # transposed convolutions sized to kept outputs (`to @NAME`): run with the widest output padding and cropped;
    # the input, kept for its size alone, let go after its reader
    "input 39x55x8\nimage: identity\nenc: conv 16 3x3 stride 2 pad 1\nconv 32 2x2 stride 2\n"
    "deconv 16 3x3 stride 2 pad 1 to @enc\ndeconv 4 3x3 stride 2 pad 1 to @image\n",
]


@pytest.mark.parametrize("text", MEMORY_CASES,
                         ids=["dilated", "depthwise", "deconv", "merges", "resnet50", "mobilenet", "resampling",
                              "references", "winograd", "shared", "sized"])
@pytest.mark.parametrize("batch", [1, 3])
def test_the_memory_estimate_covers_what_the_executor_allocates(text: str, batch: int) -> None:
    # tracemalloc sees every NumPy allocation: the measured peak must stay within the estimate that
    # --max-memory is compared with, and the executor's own accounting must be that estimate.
    import tracemalloc

    from cnncalc.executor import Budget
    from cnncalc.verify import memory_estimate
    a = prepare(text)
    assert a.report.ok and a.report.input is not None
    estimate = memory_estimate(a, batch, 4)
    x = np.random.default_rng(0).random((batch, *a.report.input.dims), dtype=np.float32)
    budget = Budget(estimate)
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        Executor(np.random.default_rng(0), np.float32, budget=budget).run(a.root, x)
        _, measured = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert budget.peak == estimate
    assert measured <= estimate + 2**20  # a MiB for the Python objects around the arrays


def test_a_referenced_output_is_let_go_after_its_last_reader() -> None:
    # enc (64x64x16 float32 = 262,144 bytes) is read by two branches; after the second has started
    # from it nothing keeps it: at the end the executor holds only the caller's input (64·64·8·4;
    # the flowing copy was replaced by the first layer's output) and the output (64·64·48·4).
    from cnncalc.executor import Budget
    a = prepare("input 64x64x8\nenc: conv 16 3x3 pad 1\nconcat { @enc | identity }\nconcat { @enc | identity }\n")
    x = np.zeros((1, 64, 64, 8), dtype=np.float32)
    budget = Budget(2**30)
    executor = Executor(np.random.default_rng(0), np.float32, budget=budget)
    y = executor.run(a.root, x)
    assert y.shape == (1, 64, 64, 48) and executor.kept == {}
    assert budget.held == 64 * 64 * 8 * 4 + 64 * 64 * 48 * 4


def test_an_allocation_over_the_limit_is_refused_before_it_happens() -> None:
    from cnncalc.executor import Budget, MemoryRefused
    a = prepare("input 64x64x64\ndeconv 32 4x4 stride 2 pad 1\n")
    x = np.zeros((1, 64, 64, 64), dtype=np.float32)
    with pytest.raises(MemoryRefused, match="deconv1 \\(deconv\\) needs"):
        Executor(np.random.default_rng(0), np.float32, budget=Budget(3 * x.nbytes)).run(a.root, x)


def test_a_second_forward_reuses_the_memory_the_first_freed() -> None:
    # glibc's malloc keeps what a layer frees for the next layers' arrays (executor._reuse_freed_memory): AlexNet's
    # second forward, its weights given, faults no fresh page in (4,869 minor page faults without the setting here).
    # With another C library nothing is set.
    import os

    from cnncalc.tree import LayerNode
    try:
        glibc = bool(os.confstr("CS_GNU_LIBC_VERSION"))
    except (ValueError, OSError, AttributeError):
        glibc = False
    if not glibc:
        pytest.skip("not glibc: cnncalc leaves the C library's malloc as it is")
    import resource  # (Unix's)
    a = prepare((SPECS / "alexnet.spec").read_text())
    x = np.random.default_rng(0).random((1, 227, 227, 3), dtype=np.float32)
    drawn: dict[str, np.ndarray] = {}

    class Recording(Executor):
        def weights(self, node: LayerNode, shape: tuple[int, ...]) -> dict[str, np.ndarray]:
            out = super().weights(node, shape)
            drawn.update({f"{node.path}.{k}": v for k, v in out.items()})
            return out
    Recording(np.random.default_rng(0)).run(a.root, x)
    Executor(np.random.default_rng(0), weights=drawn).run(a.root, x)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    Executor(np.random.default_rng(0), weights=drawn).run(a.root, x)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before < 300


def test_weights_are_drawn_in_small_pages_and_the_setting_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    # NumPy's huge-page advice is off while weights are drawn (a fresh array of huge pages may wait for the kernel to
    # compact memory) and back as it was after, whatever the draw does; the values are the generator's own
    import cnncalc.executor as executor
    assert executor._HUGE_PAGES is not None  # (every NumPy cnncalc supports has the switch)
    calls: list[bool] = []

    def switch(enabled: bool) -> bool:
        calls.append(enabled)
        return True  # the setting it replaced: on

    monkeypatch.setattr(executor, "_HUGE_PAGES", switch)
    drawn = Executor(np.random.default_rng(7), np.float32).random("bias", (5,), False)
    assert calls == [False, True]
    assert np.array_equal(drawn, (np.random.default_rng(7).random((5,), dtype=np.float32) - 0.5) * 0.2)
    calls.clear()
    with pytest.raises(ValueError):
        Executor(np.random.default_rng(7), np.float32).random("bias", (-1,), False)
    assert calls == [False, True]
