"""Cross-checks against PyTorch, when it is installed (`pip install torch==2.13.0`): the
executor's values equal PyTorch's to float64 tolerance and its shapes exactly, and the walker's
parameter counts equal the modules' `numel`. Skipped cleanly without torch."""
from __future__ import annotations

import os
import random
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnncalc import kernels
from cnncalc.layers.arguments import Pad
from tests.conftest import prepare, row, run
from tests.torch_networks import NETWORKS

# CI sets CNNCALC_REQUIRE_TORCH after installing torch: then a missing torch fails instead of skipping.
torch = __import__("torch") if os.environ.get("CNNCALC_REQUIRE_TORCH") else pytest.importorskip("torch")
pytestmark = pytest.mark.torch
F = torch.nn.functional
RNG = np.random.default_rng(7)


def nchw(x: np.ndarray) -> torch.Tensor:
    return torch.from_numpy(np.ascontiguousarray(x.transpose(0, 3, 1, 2)))


def nhwc(t: torch.Tensor) -> np.ndarray:
    return t.detach().numpy().transpose(0, 2, 3, 1)


CONV = [  # H, W, Cin, Cout, kernel, stride, padding, dilation, groups
    (9, 9, 3, 4, (3, 3), (1, 1), (1, 1), (1, 1), 1),
    (13, 11, 4, 8, (5, 3), (2, 3), (2, 0), (1, 2), 2),
    (227, 227, 3, 8, (11, 11), (4, 4), (0, 0), (1, 1), 1),
    (10, 10, 6, 6, (3, 3), (1, 1), (2, 2), (2, 2), 6),
    # Winograd's F(2x2, 3x3) path (3x3, stride 1, >= 16 channels, >= 400 pixels): an odd output width,
    # and no padding with both sides odd; with >= 128 channels from 13x13
    (24, 21, 16, 8, (3, 3), (1, 1), (1, 1), (1, 1), 1),
    (27, 25, 32, 5, (3, 3), (1, 1), (0, 0), (1, 1), 1),
    (13, 13, 128, 6, (3, 3), (1, 1), (1, 1), (1, 1), 1),
    # F(3x3, 5x5) (5x5, stride 1, >= 64 channels, >= 400 pixels): AlexNet's conv2, 27x27 (three tiles of 3 a side
    # per 9), and 22x20 from unpadded 26x24, whose last tiles are cut
    (27, 27, 64, 4, (5, 5), (1, 1), (2, 2), (1, 1), 1),
    (26, 24, 64, 3, (5, 5), (1, 1), (0, 0), (1, 1), 1),
]


@pytest.mark.parametrize("case", CONV)
def test_conv(case: tuple) -> None:
    h, w, cin, cout, k, s, p, d, g = case
    x = RNG.standard_normal((2, h, w, cin))
    wt = RNG.standard_normal((cout, *k, cin // g))
    b = RNG.standard_normal(cout)
    ours, _ = kernels.conv2d(x, wt, b, s, (p[0], p[0], p[1], p[1]), d, g, False)
    theirs = F.conv2d(nchw(x), torch.from_numpy(wt.transpose(0, 3, 1, 2).copy()), torch.from_numpy(b), s, p, d, g)
    assert ours.shape == nhwc(theirs).shape
    np.testing.assert_allclose(ours, nhwc(theirs), rtol=1e-9, atol=1e-9)


def test_conv_same_and_asymmetric_padding() -> None:
    # TensorFlow 'same' on 224 with 7x7 stride 2 pads 2 top/left, 3 bottom/right.
    x = RNG.standard_normal((1, 224, 224, 3))
    wt = RNG.standard_normal((4, 7, 7, 3))
    pads = kernels.pads_for(Pad(same=True), (224, 224), (7, 7), (2, 2), (1, 1))
    assert pads == (2, 3, 2, 3)
    ours, _ = kernels.conv2d(x, wt, None, (2, 2), pads, (1, 1), 1, False)
    padded = F.pad(nchw(x), (2, 3, 2, 3))
    theirs = F.conv2d(padded, torch.from_numpy(wt.transpose(0, 3, 1, 2).copy()), stride=2)
    np.testing.assert_allclose(ours, nhwc(theirs), rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("h, k, s, p, d, ceil", [
    (55, 3, 2, 0, 1, False), (112, 3, 2, 1, 1, True), (14, 3, 2, 0, 1, True), (9, 2, 2, 1, 1, True),
    (10, 3, 2, 1, 2, True), (5, 2, 2, 1, 1, True), (7, 3, 3, 1, 1, True)])
def test_max_pool(h: int, k: int, s: int, p: int, d: int, ceil: bool) -> None:
    x = RNG.standard_normal((2, h, h, 3))
    ours = kernels.max_pool2d(x, (k, k), (s, s), (p, p, p, p), (d, d), ceil)
    theirs = F.max_pool2d(nchw(x), k, s, p, d, ceil_mode=ceil)
    np.testing.assert_allclose(ours, nhwc(theirs))
    # ...and the walker gives the same size.
    mode = "ceil" if ceil else ""
    r = run(f"input {h}x{h}x3\nrounding floor\nmaxpool {k}x{k} stride {s} pad {p} dilation {d} {mode}")
    assert r.output.dims == nhwc(theirs).shape[1:]


@pytest.mark.parametrize("h, k, s, p, ceil, exclude", [
    (8, 2, 2, 0, False, False), (9, 3, 2, 1, True, False), (9, 3, 2, 1, True, True), (7, 3, 3, 1, True, False),
    (6, 3, 2, 1, False, True)])
def test_avg_pool(h: int, k: int, s: int, p: int, ceil: bool, exclude: bool) -> None:
    x = RNG.standard_normal((2, h, h, 3))
    ours = kernels.avg_pool2d(x, (k, k), (s, s), (p, p, p, p), ceil, exclude)
    theirs = F.avg_pool2d(nchw(x), k, s, p, ceil_mode=ceil, count_include_pad=not exclude)
    np.testing.assert_allclose(ours, nhwc(theirs), rtol=1e-12)


def test_linear_flattens_h_w_c() -> None:
    x = RNG.standard_normal((3, 2, 3, 4))
    wt = RNG.standard_normal((5, 24))
    b = RNG.standard_normal(5)
    ours, _ = kernels.linear(x, wt, b)
    theirs = F.linear(torch.from_numpy(x.reshape(3, -1)), torch.from_numpy(wt), torch.from_numpy(b))
    np.testing.assert_allclose(ours, theirs.numpy(), rtol=1e-12)


@pytest.mark.parametrize("size, channels", [(5, 16), (4, 16), (3, 16), (5, 3), (7, 2), (2, 1)])
def test_lrn(size: int, channels: int) -> None:  # windows wider than the channels too
    x = RNG.standard_normal((2, 6, 6, channels))
    ours = kernels.lrn(x, size, 1e-4, 0.75, 2.0)
    theirs = F.local_response_norm(nchw(x), size, alpha=1e-4, beta=0.75, k=2.0)
    np.testing.assert_allclose(ours, nhwc(theirs), rtol=1e-12)


def test_batchnorm_inference() -> None:
    x = RNG.standard_normal((2, 5, 5, 8))
    gamma, beta, mean = RNG.standard_normal(8), RNG.standard_normal(8), RNG.standard_normal(8)
    var = 1 + np.abs(RNG.standard_normal(8))
    ours = kernels.batch_norm(x, gamma, beta, mean, var, 1e-5)
    theirs = F.batch_norm(nchw(x), *(torch.from_numpy(a) for a in (mean, var, gamma, beta)), training=False, eps=1e-5)
    np.testing.assert_allclose(ours, nhwc(theirs), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("h, k, s, p, a, d, g", [
    (16, 4, 2, 1, 0, 1, 1), (7, 3, 2, 1, 1, 1, 1), (5, 3, 3, 0, 2, 1, 2), (6, 3, 1, 1, 0, 2, 1), (4, 2, 2, 0, 1, 2, 2)])
def test_deconv(h: int, k: int, s: int, p: int, a: int, d: int, g: int) -> None:
    x = RNG.standard_normal((2, h, h, 4))
    wt = RNG.standard_normal((4, k, k, 6 // g))      # ours: (C_in, K_h, K_w, C_out/groups)
    b = RNG.standard_normal(6)
    ours, _ = kernels.conv_transpose2d(x, wt, b, (s, s), (p, p, p, p), (a, a), (d, d), g)
    theirs = F.conv_transpose2d(nchw(x), torch.from_numpy(wt.transpose(0, 3, 1, 2).copy()), torch.from_numpy(b),
                                s, p, a, g, d)
    assert ours.shape == nhwc(theirs).shape
    np.testing.assert_allclose(ours, nhwc(theirs), rtol=1e-9, atol=1e-9)
    r = run(f"input {h}x{h}x4\ndeconv 6 {k}x{k} stride {s} pad {p} outpad {a} dilation {d} groups {g}")
    assert r.ok and r.output.dims == nhwc(theirs).shape[1:]


def test_activations() -> None:
    x = RNG.standard_normal((2, 3, 3, 5)) * 3
    a = prepare("input 3x3x5\ngelu\n", "t")
    from cnncalc.executor import Executor
    ours = Executor(RNG, np.float64).run(a.root, x)
    np.testing.assert_allclose(ours, nhwc(F.gelu(nchw(x))), rtol=1e-12)
    approximated = Executor(RNG, np.float64).run(prepare("input 3x3x5\ngelu tanh\n", "t").root, x)
    # (far below zero both lose the digits of 1 + tanh(…) ≈ 0: an absolute tolerance there)
    np.testing.assert_allclose(approximated, nhwc(F.gelu(nchw(x), approximate="tanh")), rtol=1e-12, atol=1e-14)
    assert np.abs(approximated - ours).max() > 1e-6  # (the two forms differ: the test tells them apart)
    np.testing.assert_allclose(kernels.softmax(x), nhwc(torch.softmax(nchw(x), dim=1)), rtol=1e-12)
    np.testing.assert_allclose(kernels.log_softmax(x), nhwc(torch.log_softmax(nchw(x), dim=1)), rtol=1e-12)


def test_parameter_counts_match_torch_modules() -> None:
    nn = torch.nn
    cases = [
        ("conv 96 11x11 stride 4", (227, 227, 3), nn.Conv2d(3, 96, 11, 4)),
        ("conv 64 3x3 groups 4 nobias", (8, 8, 32), nn.Conv2d(32, 64, 3, groups=4, bias=False)),
        ("dwconv 3x3 multiplier 2", (8, 8, 16), nn.Conv2d(16, 32, 3, groups=16)),
        ("deconv 32 4x4 stride 2 groups 2", (8, 8, 16), nn.ConvTranspose2d(16, 32, 4, 2, groups=2)),
        ("fc 1000", (6, 6, 256), nn.Linear(6 * 6 * 256, 1000)),
        ("bn", (8, 8, 64), nn.BatchNorm2d(64)),
    ]
    for spec, dims, module in cases:
        r = run(f"input {'x'.join(map(str, dims))}\n{spec}\n")
        learnable = sum(p.numel() for p in module.parameters())
        buffers = sum(b.numel() for name, b in module.named_buffers() if name != "num_batches_tracked")
        assert (r.totals.params, r.totals.non_trainable) == (learnable, buffers), spec


def test_spec_output_shapes_match_torch_layers() -> None:
    # The ResNet stem as PyTorch computes it: conv 7x7/2 pad 3 then maxpool 3x3/2 pad 1 on 224.
    x = torch.zeros(1, 3, 224, 224)
    y = F.max_pool2d(F.conv2d(x, torch.zeros(64, 3, 7, 7), stride=2, padding=3), 3, 2, 1)
    r = run("input 224x224x3\nrounding floor\nconv 64 7x7 stride 2 pad 3\nmaxpool 3x3 stride 2 pad 1")
    assert r.output.dims == (y.shape[2], y.shape[3], y.shape[1])
    assert row(r, "conv1").output.dims == (112, 112, 64)


# ---- every problem in one run, against PyTorch's own forward pass --------------------------

def torch_error_lines(size: int, depth: int, items: list) -> set[int]:
    """Run the network in PyTorch: a line is an error when its division was inexact on the sizes
    PyTorch actually produced (it floors silently), or when PyTorch refuses it; it stops there."""
    from tests.strict_lines import Concat, Window
    lines: set[int] = set()
    x = torch.zeros(1, depth, size, size)

    def apply(w: Window, t: torch.Tensor) -> tuple[torch.Tensor, bool]:
        n = t.shape[2]
        inexact = (n + 2 * w.p - (w.d * (w.k - 1) + 1)) % w.s != 0
        if w.kind == "conv":
            return F.conv2d(t, torch.zeros(w.c, t.shape[1], w.k, w.k), None, w.s, w.p, w.d), inexact
        if w.kind == "maxpool":
            return F.max_pool2d(t, w.k, w.s, w.p, w.d), inexact
        return F.avg_pool2d(t, w.k, w.s, w.p), inexact

    for i, item in enumerate(items):
        line = i + 2
        try:
            if isinstance(item, Window):
                x, inexact = apply(item, x)
            else:
                assert isinstance(item, Concat)
                a, inexact_a = apply(item.left, x)
                b, inexact_b = apply(item.right, x)
                inexact = inexact_a or inexact_b
                if inexact:
                    lines.add(line)
                x = torch.cat([a, b], dim=1)
        except RuntimeError:
            return lines | {line}
        if inexact:
            lines.add(line)
    return lines


def test_error_lines_are_pytorchs_inexact_divisions_and_refusals() -> None:
    from hypothesis import given, settings

    from tests.strict_lines import network, spec

    @settings(max_examples=300)
    @given(network())
    def check(case: tuple) -> None:
        size, depth, items = case
        r = run(spec(size, depth, items))
        reported = {r.source.line_col(d.span.start)[0] for d in r.diagnostics if d.severity == "error"}
        assert reported == torch_error_lines(size, depth, items), [(d.code, d.message) for d in r.diagnostics]

    check()


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 40), st.integers(1, 40), st.integers(1, 5), st.integers(1, 3), st.integers(0, 2),
       st.integers(1, 5), st.integers(1, 4), st.integers(0, 2), st.integers(1, 3))
def test_a_deconvolution_sized_to_a_map_is_refused_where_pytorch_refuses(h: int, w: int, k1: int, s1: int, p1: int,
                                                                        k2: int, s2: int, p2: int, d2: int) -> None:
    # `to @image`: PyTorch's ConvTranspose2d called with output_size=(h, w) after a convolution that shrank the map.
    # E068 exactly where PyTorch refuses the size, else its output's shape
    from hypothesis import assume
    try:
        y = torch.nn.Conv2d(2, 2, k1, s1, p1)(torch.zeros(1, 2, h, w))
    except RuntimeError:  # a kernel larger than the padded input: E031, not this test's matter
        assume(False)
    try:
        z = torch.nn.ConvTranspose2d(2, 3, k2, s2, p2, dilation=d2)(y, output_size=[h, w])
    except (ValueError, RuntimeError):
        z = None
    text = (f"input {h}x{w}x2\nrounding floor\nimage: identity\nconv 2 {k1}x{k1} stride {s1} pad {p1}\n"
            f"deconv 3 {k2}x{k2} stride {s2} pad {p2} dilation {d2} to @image\n")
    r = run(text)
    errors = [d.code for d in r.diagnostics if d.severity == "error"]
    if z is None:
        assert errors == ["E068"], r.messages()
    else:
        assert not errors and r.output is not None, r.messages()
        assert r.output.dims == (z.shape[2], z.shape[3], z.shape[1]) == (h, w, 3)
        from cnncalc.verify import verify
        assert verify(prepare(text)).ok  # the executor's output, its widest cropped, has that shape too


# ---- every layer and merge against PyTorch's operators, network by network ----------------



@pytest.mark.parametrize("dtype, tolerance", [(np.float64, 1e-9), (np.float32, 1e-4)])
@pytest.mark.parametrize("dims, lines", NETWORKS)
def test_every_layer_and_merge_computes_what_pytorch_computes(dims: str, lines: str, dtype: type,
                                                              tolerance: float) -> None:
    from tests.torch_reference import Recording, Reference, nhwc
    analysis = prepare(f"input {dims}\n{lines}\n", "t.spec")
    assert analysis.report.ok, [(d.code, d.message) for d in analysis.report.diagnostics]
    x = RNG.standard_normal((2, *analysis.report.input.dims)).astype(dtype)
    executor = Recording(np.random.default_rng(1), dtype)
    ours = executor.run(analysis.root, x)
    reference = Reference(executor.drawn)
    theirs = reference.run(analysis.root, x)
    np.testing.assert_allclose(ours, nhwc(theirs), rtol=tolerance * 100, atol=tolerance)
    for r in analysis.report.rows:  # every node's output: the walker's shape, PyTorch's shape
        if r.path in reference.outputs:
            assert tuple(nhwc(reference.outputs[r.path]).shape[1:]) == r.output.dims, r.path
    for path, head in reference.sides.items():
        np.testing.assert_allclose(executor.outputs[path], nhwc(head), rtol=tolerance * 100, atol=tolerance)


def test_new_parameter_counts_match_torch_modules() -> None:
    nn = torch.nn
    cases = [
        ("prelu", (4, 4, 16), nn.PReLU()),
        ("prelu perchannel", (4, 4, 16), nn.PReLU(16)),
        ("prelu pervalue", (4, 3, 16), nn.ParameterList([nn.Parameter(torch.zeros(16, 4, 3))])),  # a slope per value
        ("layernorm", (4, 4, 96), nn.LayerNorm(96)),
        ("layernorm volume", (4, 3, 96), nn.LayerNorm([96, 4, 3])),
        ("layernorm volume noshift", (4, 3, 96), nn.LayerNorm([96, 4, 3], bias=False)),
        ("groupnorm 32", (4, 4, 64), nn.GroupNorm(32, 64)),
        ("instancenorm", (4, 4, 8), nn.InstanceNorm2d(8)),
        ("instancenorm affine", (4, 4, 8), nn.InstanceNorm2d(8, affine=True)),
        ("upsample 2 bilinear", (4, 4, 8), nn.Upsample(scale_factor=2, mode="bilinear")),
        ("adaptiveavgpool 7x7", (9, 9, 8), nn.AdaptiveAvgPool2d(7)),
        ("shuffle 4", (4, 4, 8), nn.ChannelShuffle(4)),
    ]
    for spec, dims, module in cases:
        r = run(f"input {'x'.join(map(str, dims))}\n{spec}\n")
        assert r.totals.params == sum(p.numel() for p in module.parameters()), spec


def test_the_reference_covers_every_keyword_and_merge() -> None:
    from cnncalc.layers import LAYER_CLASSES
    from cnncalc.layers.merge import MERGES
    from tests.torch_reference import JOINS, TORCH_OPS
    assert {cls.keyword for cls in LAYER_CLASSES} <= set(TORCH_OPS)
    assert set(MERGES) <= set(JOINS)
    used = " ".join(lines for _, lines in NETWORKS)
    words = used.replace(";", " ").split()
    missing = [cls.keyword for cls in LAYER_CLASSES if not any(word in words for word in (cls.keyword, *cls.aliases))]
    assert missing == [] and [kind for kind in MERGES if kind not in words] == []


# ---- receptive fields, found by back-propagating from one unit ---------------------------

def _seen(dims: tuple[int, int, int], lines: str, unit: tuple[int, int]) -> tuple[range, range]:
    """The input rows and columns whose values reach one output unit: nonzero gradients of that unit
    through the network built by the PyTorch reference with all weights positive."""
    from cnncalc.executor import Executor
    from tests.torch_reference import Reference
    analysis = prepare(f"input {'x'.join(map(str, dims))}\nrounding floor\n{lines}\n", "t.spec")
    assert analysis.report.ok
    drawn: dict[str, np.ndarray] = {}

    class Ones(Executor):
        def weights(self, node, x):  # type: ignore[no-untyped-def]
            out = {k: np.ones_like(v) for k, v in super().weights(node, x).items()}
            drawn.update({f"{node.path}.{k}": v for k, v in out.items()})
            return out

    x = np.ones((1, *dims))
    Ones(np.random.default_rng(0), np.float64).run(analysis.root, x)
    t = torch.ones(1, dims[2], dims[0], dims[1], dtype=torch.float64, requires_grad=True)
    y = Reference(drawn).seq(analysis.root, t)
    y[0, 0, unit[0], unit[1]].backward()
    g = t.grad[0].abs().sum(0)
    rows = torch.nonzero(g.sum(1)).flatten().tolist()
    cols = torch.nonzero(g.sum(0)).flatten().tolist()
    return range(rows[0], rows[-1] + 1), range(cols[0], cols[-1] + 1)


@pytest.mark.parametrize("lines, unit", [
    ("conv 2 11x11 stride 4 ; avgpool 3x3 stride 2 ; conv 2 5x5 pad 2 ; avgpool 3x3 stride 2 ; "
     "conv 2 3x3 pad 1 ; conv 2 3x3 pad 1 ; avgpool 3x3 stride 2", (2, 2)),          # AlexNet's geometry
    ("conv 2 3x3 pad 1 dilation 2 ; conv 2 3x5 stride 2x1 pad 1x2 ; avgpool 2x2 stride 2", (3, 4)),
    ("conv 2 7x7 stride 2 pad 3 ; avgpool 3x3 stride 2 pad 1 ; conv 2 1x1 stride 2 ; conv 2 3x3 pad 1", (2, 3)),
    ("dwconv 3x3 stride 2 pad same ; conv 2 5x5 pad same ; zeropad 1,0,2,0 ; crop 0,1,0,2 ; conv 2 3x3", (9, 7)),
])
def test_receptive_fields_are_what_gradients_reach(lines: str, unit: tuple[int, int]) -> None:
    dims = (227, 227, 2)
    analysis = prepare(f"input {'x'.join(map(str, dims))}\nrounding floor\n{lines}\n", "t.spec")
    (r_h, s_h, p_h), (r_w, s_w, p_w) = analysis.report.rows[-1].field
    rows, cols = _seen(dims, lines, unit)
    # unit i's window: -P + i·S … -P + i·S + r - 1 (the units chosen see no padding)
    assert rows == range(-p_h + unit[0] * s_h, -p_h + unit[0] * s_h + r_h)
    assert cols == range(-p_w + unit[1] * s_w, -p_w + unit[1] * s_w + r_w)


@pytest.mark.parametrize("lines", [
    "avgpool 2x2 stride 2 ; upsample 2", "avgpool 2x2 stride 2 ; upsample 2 bilinear",
    "avgpool 4x4 stride 4 ; upsample 4", "conv 1 3x3 stride 2 pad 1 ; upsample 2 bilinear",
    "avgpool 2x2 stride 2 ; resize 48x48", "avgpool 2x2 stride 2 ; resize 48x48 bilinear",
    "avgpool 2x2 stride 2 ; upsample 2 bilinear ; upsample 2 bilinear", "resize 24x24", "upsample 3 bilinear",
])
def test_resampled_units_are_centred_where_their_gradients_are(lines: str) -> None:
    # Where an output unit looks: the centroid of its gradient on the input (positive weights), taken
    # over the middle half of the units so that the edges' clamping stays out, less o·S. Nearest
    # resampling reads floor(o·s), so the centroid wanders and its mean is compared; bilinear's is
    # steady. cnncalc's centre is (r - 1)/2 - P. A U-Net's upsampled path met its skip half a unit
    # off (W002 on every nearest or bilinear U-Net) before this was measured.
    n = 64
    rows = prepare(f"input {n}x{n}x1\nrounding floor\n{lines}\n", "t.spec").report.rows
    (r, stride, pad), _ = rows[-1].field
    ops = []
    for item in lines.split(" ; "):
        words = item.split()
        if words[0] == "avgpool":
            k = int(words[1].split("x")[0])
            ops.append(lambda t, k=k: F.avg_pool2d(t, k, k))
        elif words[0] == "conv":
            ops.append(lambda t: F.conv2d(t, torch.ones(1, 1, 3, 3, dtype=torch.float64), stride=2, padding=1))
        else:
            mode = "bilinear" if "bilinear" in words else "nearest"
            extra = {"align_corners": False} if mode == "bilinear" else {}
            size = int(words[1].split("x")[0])
            ops.append(lambda t, size=size, mode=mode, extra=extra, up=words[0] == "upsample": F.interpolate(
                t, **({"scale_factor": size} if up else {"size": (size, size)}), mode=mode, **extra))
    x = torch.zeros(1, 1, n, n, dtype=torch.float64, requires_grad=True)

    def forward(t: torch.Tensor) -> torch.Tensor:
        for op in ops:
            t = op(t)
        return t

    height = forward(x).shape[2]
    offsets = []
    for o in range(height // 4, 3 * height // 4):
        x.grad = None
        forward(x)[0, 0, o, height // 2].backward()
        g = x.grad[0, 0].sum(1)
        centroid = Fraction((g * torch.arange(n, dtype=torch.float64)).sum().item() / g.sum().item())
        offsets.append(centroid.limit_denominator(1000) - o * Fraction(stride))
    assert Fraction(n, height) == stride
    assert sum(offsets) / len(offsets) == Fraction(r - 1, 2) - pad


# ---- verdicts against PyTorch's numbers ----------------------------------------------------------

def _rounded_answer(value: int, rng: random.Random) -> tuple[str, bool]:
    """`value` written as people write it, right or one step off: exact, with commas, rounded with a
    suffix at 0-3 decimals, or in scientific notation; with whether it should be judged right (a
    rounded answer holds when the value lies within half a step of it, ties included)."""
    form = rng.choice(["exact", "commas", "suffix", "scientific"])
    step_off = rng.choice([0, 0, 1, -1 if value else 1])
    if form in ("exact", "commas"):
        written = value + step_off
        return (f"{written:,}" if form == "commas" else str(written)), step_off == 0
    decimals = rng.randint(0, 3)
    if form == "suffix":
        suffix, unit = rng.choice([("K", 10**3), ("M", 10**6), ("G", 10**9)])
        exponent = {"K": 3, "M": 6, "G": 9}[suffix]
    else:
        exponent = max(len(str(value)) - 1, 0)
        suffix, unit = "", 10**exponent
    step = Fraction(unit, 10**decimals)
    shown = max(round(Fraction(value) / step) + step_off, 0)  # in steps
    digits = f"{shown // 10**decimals}.{shown % 10**decimals:0{decimals}d}" if decimals else str(shown)
    text = f"{digits}{suffix}" if form == "suffix" else f"{digits}e{exponent}"
    return text, abs(value - shown * step) <= step / 2


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32))
def test_verdicts_follow_pytorchs_numbers(seed: int) -> None:
    """Random chains: shapes from PyTorch's forward, parameters from `numel`, MACs by the rule from
    PyTorch's output sizes; each answer right or off by one, in every form people write."""
    rng = random.Random(seed)
    h, w, c = rng.randint(4, 40), rng.randint(4, 40), rng.randint(1, 8)
    x = torch.zeros(1, c, h, w)
    lines, expected = ["rounding floor", f"input {h}x{w}x{c}"], []
    for i in range(rng.randint(1, 4)):
        kind = rng.choice(["conv", "conv", "pool", "deconv", "fc"]) if x.dim() == 4 else "fc"
        cin = x.shape[1]
        if kind == "conv":
            g = rng.choice([g for g in (1, 2, 3) if cin % g == 0])
            n, k, s, p = g * rng.randint(1, 5), rng.randint(1, 5), rng.randint(1, 3), rng.randint(0, 2)
            d, bias = rng.choice([1, 2]), rng.random() < 0.7
            module: torch.nn.Module = torch.nn.Conv2d(cin, n, k, s, p, d, g, bias=bias)
            text = f"conv {n} {k}x{k} stride {s} pad {p} dilation {d} groups {g}" + ("" if bias else " nobias")
        elif kind == "deconv":
            n, k, s = rng.randint(1, 5), rng.randint(1, 4), rng.randint(1, 3)
            p = rng.randint(0, k - 1)
            module = torch.nn.ConvTranspose2d(cin, n, k, s, p)
            text = f"deconv {n} {k}x{k} stride {s} pad {p}"
        elif kind == "pool":
            k, s, ceil = rng.randint(1, 3), rng.randint(1, 3), rng.random() < 0.3
            p = rng.randint(0, k // 2)
            module = torch.nn.MaxPool2d(k, s, p, ceil_mode=ceil)
            text = f"maxpool {k}x{k} stride {s} pad {p}" + (" ceil" if ceil else "")
        else:
            n = rng.randint(1, 50)
            module = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(x[0].numel(), n))
            text = f"fc {n}"
        try:
            with torch.no_grad():
                y = module(x)
        except RuntimeError:  # a window larger than the input: PyTorch refuses it, and so would cnncalc
            break
        if min(y.shape) < 1:
            break
        dims = (y.shape[1],) if y.dim() == 2 else (y.shape[2], y.shape[3], y.shape[1])
        params = sum(q.numel() for q in module.parameters())
        if kind == "conv":
            macs = y.shape[2] * y.shape[3] * module.out_channels * (cin // module.groups) * k * k
        elif kind == "deconv":
            macs = x.shape[2] * x.shape[3] * cin * k * k * module.out_channels
        else:
            macs = x[0].numel() * n if kind == "fc" else 0
        answers = []
        off = rng.random() < 0.4
        shape = [*dims]
        shape[-1] += off
        answers.append(("x".join(map(str, shape)), "output", not off))
        for quantity, value in (("params", params), ("macs", macs)):
            if rng.random() < 0.6:
                text_value, right = _rounded_answer(value, rng)
                answers.append((f"{quantity} {text_value}", quantity, right))
        lines.append(f"l{i}: {text} -> " + " ".join(a[0] for a in answers))
        expected += [(f"l{i}", quantity, "right" if right else "wrong") for _, quantity, right in answers]
        x = y
    report = run("\n".join(lines) + "\n")
    assert sorted((a.label, a.quantity, a.verdict) for a in report.answers) == sorted(expected), report.source.text


def _sheet_layer(x: torch.Tensor, rng: random.Random, i: int) -> tuple[str, str, torch.nn.Module, int | None] | None:
    """A layer of a random sheet in the lecture's notation, as students describe it: (its name, its description,
    the PyTorch module that computes it, its MACs by the rule from PyTorch's sizes when answered); None when the
    lecture's arithmetic would not be exact (its answer is then `invalid`, another test's)."""
    cin = x.shape[1]
    kind = rng.choice(["conv", "conv", "pool", "fc", "deconv", "bn", "avg"]) if x.dim() == 4 else "fc"
    if kind in ("conv", "deconv"):
        n, k, s = rng.randint(1, 32), rng.choice([1, 2, 3, 5, 7]), rng.randint(1, 3)
        p = rng.randint(0, 3 if kind == "conv" else k - 1)
        if kind == "deconv":
            return (f"UPCONV{i}", rng.choice([f"{n} {k}x{k} filters, stride {s}, pad {p}",
                                              f"nn.ConvTranspose2d({cin}, {n}, {k}, stride={s}, padding={p})"]),
                    torch.nn.ConvTranspose2d(cin, n, k, s, p), None)
        if any((side - k + 2 * p) % s or side - k + 2 * p < 0 for side in x.shape[2:]):
            return None
        macs = ((x.shape[2] - k + 2 * p) // s + 1) * ((x.shape[3] - k + 2 * p) // s + 1) * n * cin * k * k
        return (f"CONV{i}", rng.choice([
            f"{n} {k}x{k} filters at stride {s}, pad {p}", f"{n} filters of size {k}x{k}, stride {s}, padding {p}",
            f"nn.Conv2d({cin}, {n}, {k}, stride={s}, padding={p})", f"K={n}, F={k}, S={s}, P={p}",
            f"{n} {k}x{k}x{cin} filters, stride {s}, pad {p}", f"{n}@{k}x{k}, stride {s}, pad {p}",
            f"{k}x{k} conv, {n} filters, stride {s}, pad {p}", f"kernel {k}x{k}, {n} output channels, stride {s}, "
            f"padding {p}", f"in_channels={cin}, out_channels={n}, kernel_size={k}, stride={s}, padding={p}",
            f"{n} filters ({k}x{k}, stride {s}, pad {p})"]), torch.nn.Conv2d(cin, n, k, s, p), macs)
    if kind in ("pool", "avg"):
        k, s = rng.randint(2, 3), rng.randint(1, 3)
        if any((side - k) % s or side < k for side in x.shape[2:]):
            return None
        if kind == "avg":
            return f"AVG POOL{i}", f"{k}x{k} filters at stride {s}", torch.nn.AvgPool2d(k, s), None
        return rng.choice([(f"MAX POOL{i}", f"{k}x{k} filters at stride {s}"), (f"POOL{i}", f"nn.MaxPool2d({k}, {s})"),
                           (f"POOL{i}", f"max pooling, kernel {k}x{k}, stride {s}"),
                           (f"MAX POOL{i}", f"F={k}, S={s}")]) + (torch.nn.MaxPool2d(k, s), None)
    if kind == "bn":
        return f"BN{i}", rng.choice(["Batch normalization", f"nn.BatchNorm2d({cin})"]), torch.nn.BatchNorm2d(cin), None
    n, values = rng.randint(1, 100), x[0].numel()
    return (f"FC{i}", rng.choice([f"{n} neurons", f"fully connected, {n} units", f"nn.Linear({values}, {n})",
                                  f"Dense({n})"]),
            torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(values, n)), values * n)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32))
def test_verdicts_on_sheets_in_the_lectures_notation_follow_pytorchs_numbers(seed: int) -> None:
    """Random sheets as students write them (a listing's bracketed volumes, arrows, answers on lines of their own,
    a markdown table): shapes from PyTorch's forward, parameters from `numel`, MACs by the rule from PyTorch's
    sizes; each answer right or off by one, its verdict so."""
    import cnncalc
    rng = random.Random(seed)
    h = rng.randint(5, 64)
    w, c = (h, rng.randint(1, 8)) if rng.random() < 0.8 else (rng.randint(5, 64), rng.randint(1, 4))
    x = torch.zeros(1, c, h, w)
    table = rng.random() < 0.3
    header = ["| Layer | Description | Output volume | Params |", "|---|---|---|---|", f"| INPUT | | {h}x{w}x{c} | 0 |"]
    lines = header if table else [rng.choice([f"[{h}x{w}x{c}] INPUT", f"INPUT: [{h}x{w}x{c}]", f"Input: {h}x{w}x{c}"])]
    expected = ["right"] if table else []  # the INPUT row's parameters
    for i in range(1, rng.randint(2, 6)):
        made = _sheet_layer(x, rng, i)
        if made is None:
            break
        name, description, module, macs = made
        try:
            with torch.no_grad():
                y = module.eval()(x)
        except RuntimeError:  # a transposed convolution whose padding leaves nothing: PyTorch refuses it
            break
        if min(y.shape) < 1:
            break
        dims = [y.shape[1]] if y.dim() == 2 else [y.shape[2], y.shape[3], y.shape[1]]
        verdicts = [rng.random() < 0.6 for _ in range(3)]
        dims[rng.randrange(len(dims))] += 0 if verdicts[0] else 1
        volume = "x".join(map(str, dims))
        params = sum(q.numel() for q in module.parameters())
        params += 0 if verdicts[1] else rng.choice([1, -1]) if params else 1
        counts = [rng.choice([f"{params} params", f"{params:,} params", f"{params:_} parameters"])]
        answered = verdicts[:2]
        if macs is not None and not table and rng.random() < 0.4:
            counts.append(f"{macs + (0 if verdicts[2] else 1):,} MACs")
            answered.append(verdicts[2])
        if table:
            lines.append(f"| {name} | {description} | {volume} | {params:,} |")
            answered = verdicts[:2]
        else:
            lines.append(rng.choice([f"[{volume}] {name}: {description} ({', '.join(counts)})",
                                     f"{name}: {description} -> [{volume}], {', '.join(counts)}",
                                     f"{name}: {description}\nOutput volume: {volume.replace('x', ' x ')}\n- "
                                     f"{', '.join(counts)}"]))
        expected += ["right" if right else "wrong" for right in answered]
        x = y
    report = cnncalc.analyze_text("\n".join(lines) + "\n", "hw.txt", lang="lecture")
    assert [a.verdict for a in report.answers] == expected, "\n".join(lines)


@pytest.mark.parametrize("h, k, s, p, a", [(4, 3, 2, 1, 1), (4, 2, 2, 0, 0), (7, 4, 2, 1, 0), (5, 3, 3, 0, 2)])
def test_a_transposed_convolution_in_the_lectures_notation(h: int, k: int, s: int, p: int, a: int) -> None:
    # the homework sheet's `UPCONV1: …` against PyTorch's ConvTranspose2d: its output and its parameters' numel
    import cnncalc
    module = torch.nn.ConvTranspose2d(16, 8, k, stride=s, padding=p, output_padding=a)
    out = module(torch.zeros(1, 16, h, h)).shape
    params = sum(t.numel() for t in module.parameters())
    sheet = (f"Input: {h}x{h}x16\nUPCONV1: 8 {k}x{k} filters, stride {s}, pad {p}, output padding {a} -> "
             f"{out[2]}x{out[3]}x{out[1]}, params {params}\n")
    report = cnncalc.analyze_text(sheet, "hw.txt", lang="lecture")
    assert report.ok and [answer.verdict for answer in report.answers] == ["right", "right"], report.diagnostics


@pytest.mark.parametrize("c, h, n, k, s, p", [(3, 32, 10, 5, 1, 2), (1, 28, 6, 5, 1, 0), (64, 56, 32, 1, 1, 0),
                                              (3, 64, 16, 4, 2, 1), (4, 15, 2, 3, 2, 1)])
def test_a_sheet_written_channels_first_as_pytorch_prints_sizes(c: int, h: int, n: int, k: int, s: int, p: int
                                                                ) -> None:
    # a sheet whose input and answers are written as PyTorch prints them (channels first), each answer taken from
    # PyTorch's own output and parameters; a max pool 2x2 at stride 2 after the convolution
    import cnncalc
    conv, pool = torch.nn.Conv2d(c, n, k, stride=s, padding=p), torch.nn.MaxPool2d(2, 2)
    y = conv(torch.zeros(1, c, h, h))
    z = pool(y)
    params = sum(t.numel() for t in conv.parameters())
    sheet = (f"Input: {c}x{h}x{h}\nCONV1: {n} {k}x{k} filters, stride {s}, pad {p}\n"
             f"Output: {'x'.join(map(str, y.shape[1:]))}\nParams: {params}\nPOOL1: 2x2 max pool, stride 2\n"
             f"Output: {tuple(z.shape[1:])}\n")
    report = cnncalc.analyze_text(sheet, "hw.txt", lang="lecture")
    assert report.ok and [answer.verdict for answer in report.answers] == ["right"] * 3, report.diagnostics


@pytest.mark.parametrize("call", [
    "nn.Conv2d(3, 16, 3, stride=2, padding=1)", "nn.Conv2d(16, 32, 5, padding=2, bias=False)",
    "nn.Conv2d(8, 8, 3, padding=2, dilation=2, groups=4)", "nn.Conv2d(4, 6, (3, 5), 1, (1, 2))",
    "nn.ConvTranspose2d(8, 4, 2, stride=2)", "nn.MaxPool2d(3, 2, 1)",
    "nn.MaxPool2d(kernel_size=2, stride=2, ceil_mode=True)", "nn.AvgPool2d(3, 2)"])
def test_a_layer_described_by_its_pytorch_call_in_the_lectures_notation(call: str) -> None:
    # the sheet's description is the call itself; the answers are PyTorch's own output and numel of that call
    import cnncalc
    module = eval(call, {"nn": torch.nn})  # the test's own constant strings
    channels = getattr(module, "in_channels", 8)
    y = module(torch.zeros(1, channels, 17, 17))
    params = sum(t.numel() for t in module.parameters())
    sheet = (f"Input: 17x17x{channels}\nLAYER1: {call}\nOutput: {y.shape[2]}x{y.shape[3]}x{y.shape[1]}\n"
             f"Params: {params}\n")
    report = cnncalc.analyze_text(sheet.replace("LAYER1", "CONV1" if "Conv" in call else "POOL1"), "hw.txt",
                                  lang="lecture")
    assert [answer.verdict for answer in report.answers] == ["right", "right"], report.diagnostics


@pytest.mark.parametrize("call", ["nn.Conv2d(3, 96, 11, stride=4)", "nn.Conv2d(6, 64, 3, padding=1, groups=2)",
                                  "nn.Conv2d(32, 32, 3, padding=1, groups=32)", "nn.Conv2d(4, 6, (3, 5), 1, (1, 2))"])
def test_a_weight_shape_answered_in_the_lectures_notation_is_pytorchs(call: str) -> None:
    # `Weight shape:` answered with the module's own `weight.shape`: right; the same with its two channel counts
    # swapped: wrong (unless they are equal)
    import cnncalc
    module = eval(call, {"nn": torch.nn})  # the test's own constant strings
    shape = tuple(module.weight.shape)
    layer = call.replace("nn.Conv2d", "CONV1: Conv2d")
    sheet = f"Input: 17x17x{module.in_channels}\n{layer}\nWeight shape: {{}}\n"
    report = cnncalc.analyze_text(sheet.format("x".join(map(str, shape))), "hw.txt", lang="lecture")
    assert [answer.verdict for answer in report.answers] == ["right"], report.diagnostics
    swapped = (shape[1], shape[0], *shape[2:])
    report = cnncalc.analyze_text(sheet.format("x".join(map(str, swapped))), "hw.txt", lang="lecture")
    assert [answer.verdict for answer in report.answers] == ["right" if swapped == shape else "wrong"]


# ---- the input sizes `solve` gives, against PyTorch run at every size --------------------------------------------

class _Branches(torch.nn.Module):
    """Branches joined by `join` (torch.cat refuses maps of different sizes; a product broadcasts a 1x1 gate)."""

    def __init__(self, join: str, *branches: torch.nn.Module) -> None:
        super().__init__()
        self.join, self.branches = join, torch.nn.ModuleList(branches)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        ys = [branch(x) for branch in self.branches]
        return torch.cat(ys, 1) if self.join == "cat" else ys[0] * ys[1]


def _solve_cases() -> list[tuple[str, torch.nn.Module]]:
    nn = torch.nn
    return [
        # a concat whose branches agree at two sizes only (n = ⌊(n + 1)/2⌋ + 1: 2 and 3), inside a concat whose
        # other branch takes every size (an add would broadcast its 1x1 identity at n = 1: not followed, W051)
        ("concat { identity | concat { identity | conv 2 1x1 stride 2 pad 1 } }",
         _Branches("cat", nn.Identity(), _Branches("cat", nn.Identity(), nn.Conv2d(2, 2, 1, 2, 1)))),
        # a gate written first: the map goes on, at its own size, into a second strided conv
        ("mul { globalavgpool | conv 2 3x3 stride 2 }\nconv 2 3x3 stride 2",
         nn.Sequential(_Branches("mul", nn.AdaptiveAvgPool2d(1), nn.Conv2d(2, 2, 3, 2)), nn.Conv2d(2, 2, 3, 2))),
        # a map that is 1x1 at the one size its branches meet, times a gate
        ("mul { globalavgpool | concat { maxpool 3x3 stride 1 ; conv 1 1x1 | maxpool 5x5 stride 2 pad 1 ; "
         "conv 1 1x1 } }",
         _Branches("mul", nn.AdaptiveAvgPool2d(1), _Branches(
             "cat", nn.Sequential(nn.MaxPool2d(3, 1), nn.Conv2d(2, 1, 1)),
             nn.Sequential(nn.MaxPool2d(5, 2, 1), nn.Conv2d(2, 1, 1))))),
    ]


@pytest.mark.parametrize("case", range(len(_solve_cases())))
def test_solve_gives_the_sizes_pytorch_runs(case: int) -> None:
    # under `rounding floor` a size works when PyTorch runs the network at it: no division need be exact
    from tests.test_solve import members, solved
    lines, model = _solve_cases()[case]
    _, h, w = solved(f"input 64x64x2\nrounding floor\n{lines}\n")
    runs = set()
    for n in range(1, 61):
        try:
            with torch.no_grad():
                y = model.eval()(torch.zeros(1, 2, n, n))
        except RuntimeError:
            continue
        if min(y.shape) >= 1:
            runs.add(n)
    assert runs, "PyTorch runs it at some size"
    assert members(h, 60) == members(w, 60) == runs
