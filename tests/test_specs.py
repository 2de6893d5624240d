"""The spec library: every spec analyses cleanly, and the numbers match the lecture and papers."""
from __future__ import annotations

import pytest

import cnncalc
from tests.conftest import SPECS, codes, row

ALL_SPECS = sorted(SPECS.glob("*.spec"))


@pytest.mark.parametrize("path", ALL_SPECS, ids=lambda p: p.name)
def test_every_spec_holds_its_expectations(path) -> None:
    r = cnncalc.analyze(path)
    assert r.ok, [(d.code, d.message) for d in r.diagnostics]
    assert r.rows


def test_alexnet_matches_the_lecture_listing() -> None:
    r = cnncalc.analyze(SPECS / "alexnet.spec")
    # The lecture's "Full AlexNet architecture" volumes.
    lecture = {"conv1": (55, 55, 96), "pool1": (27, 27, 96), "norm1": (27, 27, 96), "conv2": (27, 27, 256),
               "pool2": (13, 13, 256), "norm2": (13, 13, 256), "conv3": (13, 13, 384), "conv4": (13, 13, 384),
               "conv5": (13, 13, 256), "pool3": (6, 6, 256), "fc6": (4096,), "fc7": (4096,), "fc8": (1000,)}
    for path, dims in lecture.items():
        assert row(r, path).output.dims == dims, path
    # Parameters written out: (K*K*Cin + 1)*Cout for convs, (in + 1)*out for fc.
    expected = {
        "conv1": (11 * 11 * 3 + 1) * 96, "conv2": (5 * 5 * 96 + 1) * 256, "conv3": (3 * 3 * 256 + 1) * 384,
        "conv4": (3 * 3 * 384 + 1) * 384, "conv5": (3 * 3 * 384 + 1) * 256, "fc6": (6 * 6 * 256 + 1) * 4096,
        "fc7": (4096 + 1) * 4096, "fc8": (4096 + 1) * 1000,
    }
    for path, n in expected.items():
        assert row(r, path).params == n, path
    assert r.totals.params == sum(expected.values()) == 62_378_344


# torchvision's published totals for VGG A, B, D, E; C derived from D by arithmetic.
VGG_TOTALS = {
    "vgg11": 132_863_336, "vgg11_lrn": 132_863_336, "vgg13": 133_047_848, "vgg16": 138_357_544,
    "vgg19": 143_667_240, "vgg16_c": 138_357_544 - 8 * 256 * 256 - 2 * 8 * 512 * 512,
}
# The VGG paper's Table 2, "Number of parameters (in millions)".
VGG_TABLE_2 = {"vgg11": 133, "vgg11_lrn": 133, "vgg13": 133, "vgg16_c": 134, "vgg16": 138, "vgg19": 144}


@pytest.mark.parametrize("name", sorted(VGG_TOTALS))
def test_vgg_totals(name: str) -> None:
    r = cnncalc.analyze(SPECS / f"{name}.spec")
    assert r.totals.params == VGG_TOTALS[name]
    assert round(r.totals.params / 1e6) == VGG_TABLE_2[name]
    assert r.output.dims == (1000,)


def test_vgg16_fc_share_from_the_lecture() -> None:
    # Lecture: "138 million parameters (120 million from FC layers)".
    r = cnncalc.analyze(SPECS / "vgg16.spec")
    fc = sum(x.params for x in r.rows if x.op.startswith("fc "))
    assert fc == (7 * 7 * 512 + 1) * 4096 + (4096 + 1) * 4096 + (4096 + 1) * 1000
    assert round(fc / 1e6) == 124 and fc > 120e6


def test_lenet5_layer_counts_from_the_paper() -> None:
    r = cnncalc.analyze(SPECS / "lenet5.spec")
    assert row(r, "c1").params == 156       # LeCun et al. 1998: C1 has 156 trainable parameters
    assert row(r, "c5").params == 48_120    # C5: 48,120
    assert row(r, "f6").params == 10_164    # F6: 10,164
    assert codes(r) == []


def test_zfnet_sizes_need_caffe_rounding() -> None:
    r = cnncalc.analyze(SPECS / "zfnet.spec")
    assert codes(r) == ["N030", "N030", "N030"]
    assert row(r, "pool1").output.dims == (55, 55, 96)


@pytest.mark.parametrize("path", ALL_SPECS, ids=lambda p: p.name)
def test_the_tree_walk_visits_every_node_once(path) -> None:
    """`tree.nodes`, the walk `reference_counts`, the weights' keys and the exporter share, meets each
    layer and merge once: the same paths as the walker's layer and join rows."""
    from collections import Counter

    from cnncalc.analysis import run
    from cnncalc.tree import LayerNode, MergeNode, nodes

    analysis = run(path.read_text(), path.name)[0]
    assert analysis.root is not None
    visited = Counter(n.path for n in nodes(analysis.root) if isinstance(n, LayerNode))
    joins = Counter(n.join_path for n in nodes(analysis.root) if isinstance(n, MergeNode))
    assert visited == Counter(r.path for r in analysis.report.rows if r.kind == "layer")
    assert joins == Counter(r.path for r in analysis.report.rows if r.kind == "join")
