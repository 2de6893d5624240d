"""The ONNX reader: models built here with onnx.helper (numbers written out), and spec -> PyTorch code
-> torch.onnx.export -> read back (the same MACs; the parameters each node's initializers hold
checked by the reader itself). Needs the optional onnx package (CI installs cnncalc[onnx])."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cnncalc import analyze
from cnncalc.cli import cli
from tests.conftest import where

pytestmark = pytest.mark.onnx
ROOT = Path(__file__).resolve().parent.parent


def _onnx() -> Any:
    if os.environ.get("CNNCALC_REQUIRE_ONNX"):
        return __import__("onnx")
    return pytest.importorskip("onnx")


def small_model(path: Path, wrong_bias: bool = False) -> None:
    onnx = _onnx()
    import numpy as np
    from onnx import TensorProto, helper

    def init(name: str, *shape: int) -> Any:
        return helper.make_tensor(name, TensorProto.FLOAT, shape, np.zeros(shape, dtype=np.float32).reshape(-1))

    nodes = [
        helper.make_node("Conv", ["x", "w1", "b1"], ["c1"], kernel_shape=[3, 3], strides=[3, 3], pads=[1, 1, 1, 1]),
        helper.make_node("Relu", ["c1"], ["r1"]),
        helper.make_node("LRN", ["r1"], ["n1"], size=5, alpha=1e-4, beta=0.75, bias=2.0),
        helper.make_node("MaxPool", ["n1"], ["p1"], kernel_shape=[2, 2], strides=[2, 2], ceil_mode=1),
        helper.make_node("Flatten", ["p1"], ["f"], axis=1),
        helper.make_node("MatMul", ["f", "w2"], ["m"]),
        helper.make_node("Add", ["m", "b2"], ["y"]),
    ]
    graph = helper.make_graph(
        nodes, "lecture", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 32, 32])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 10])],
        [init("w1", 16, 3, 3, 3), init("b1", 16), init("w2", 16 * 6 * 6, 10), init("b2", 11 if wrong_bias else 10)])
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), str(path))


def test_a_model_built_with_onnx_helper(tmp_path: Path) -> None:
    small_model(tmp_path / "m.onnx")
    report = analyze(tmp_path / "m.onnx")
    # the lecture's conv: (32 - 3 + 2)/3 + 1 = 11.33, floored by ONNX (W030); pool ceil_mode: ceil(9/2) + 1 = 6
    assert [r.output.dims for r in report.rows][:4] == [(11, 11, 16), (11, 11, 16), (11, 11, 16), (6, 6, 16)]
    assert report.totals.params == (27 + 1) * 16 + 576 * 10 + 10  # MatMul + Add read as one fc
    assert [d.code for d in report.diagnostics if d.severity != "note"] == ["W030"]


def _transposed_weight_model(path: Path, perm: list[int] | None) -> None:
    """Flatten 3x8x8, then a Linear as PyTorch exports it without constant folding: its weight (10, 192), stored as
    PyTorch keeps it, Transposed in the graph, then MatMul and Add."""
    onnx = _onnx()
    import numpy as np
    from onnx import TensorProto, helper
    transpose = helper.make_node("Transpose", ["w"], ["wt"], **({} if perm is None else {"perm": perm}))
    nodes = [helper.make_node("Flatten", ["x"], ["f"], axis=1), transpose,
             helper.make_node("MatMul", ["f", "wt"], ["m"]), helper.make_node("Add", ["m", "b"], ["y"])]
    graph = helper.make_graph(
        nodes, "linear", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 8, 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 10])],
        [helper.make_tensor("w", TensorProto.FLOAT, [10, 192], np.zeros(1920, dtype=np.float32)),
         helper.make_tensor("b", TensorProto.FLOAT, [10], np.zeros(10, dtype=np.float32))])
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), str(path))


@pytest.mark.parametrize("perm", [[1, 0], None])
def test_a_weight_transposed_in_the_graph_is_the_stored_weight(tmp_path: Path, perm: list[int] | None) -> None:
    # (E070 before, "weights computed in the graph"): the weight read along the Transpose's axes (all reversed without
    # `perm`): 192·10 weights + 10 biases, the output 10.
    _transposed_weight_model(tmp_path / "t.onnx", perm)
    report = analyze(tmp_path / "t.onnx")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == []
    assert report.totals.params == 192 * 10 + 10 and report.output is not None and report.output.dims == (10,)


@pytest.mark.parametrize("perm, expected", [
    # the axes kept: a (10, 192) matrix for 192 inputs, E017 at the MatMul (the listing's line 7)
    ([0, 1], ("E017", 7, 1, "MatMul: written for 10 input values but receives 192 (192)")),
    # no order of the axes: the Transpose is not read (line 6)
    ([1, 1], ("E070", 6, 1, "not supported: Transpose (1 operator)")),
])
def test_a_weight_transposed_otherwise_is_reported(tmp_path: Path, perm: list[int], expected: tuple) -> None:
    _transposed_weight_model(tmp_path / "t.onnx", perm)
    report = analyze(tmp_path / "t.onnx")
    assert [(d.code, *report.source.line_col(d.span.start), d.message) for d in report.diagnostics
            if d.severity == "error"] == [expected]


def _gate_and_generator_model(path: Path, to: int = 1, target: tuple[int, ...] = (-1, 3, 2, 2)) -> None:
    """A 1x3x8x8 input negated (`-x`) and cast (`x.float()`: Cast to `to`), pooled, viewed as (b, c) with `b, c, _, _
    = x.size()` (Shape, Gathers, Concat), a Gemm 3 -> 12, viewed as a map (`target`), a 1x1 Conv 3 -> 4."""
    onnx = _onnx()
    import numpy as np
    from onnx import TensorProto, helper

    def constant(name: str, values: list[int]) -> Any:
        return helper.make_node("Constant", [], [name], value=helper.make_tensor(name, TensorProto.INT64, [len(values)],
                                                                                 values))
    nodes = [helper.make_node("Neg", ["x"], ["n"]), helper.make_node("Cast", ["n"], ["f"], to=to),
             helper.make_node("GlobalAveragePool", ["f"], ["p"]), helper.make_node("Shape", ["f"], ["s"]),
             constant("i0", [0]), constant("i1", [1]), constant("axis", [0]),
             helper.make_node("Gather", ["s", "i0"], ["g0"], axis=0),
             helper.make_node("Gather", ["s", "i1"], ["g1"], axis=0),
             helper.make_node("Concat", ["g0", "g1"], ["bc"], axis=0),
             helper.make_node("Reshape", ["p", "bc"], ["v"]),
             helper.make_node("Gemm", ["v", "w", "b"], ["fc"], transB=1),
             constant("map", list(target)), helper.make_node("Reshape", ["fc", "map"], ["m"]),
             helper.make_node("Conv", ["m", "k", "kb"], ["y"])]
    graph = helper.make_graph(
        nodes, "gate", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 8, 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
        [helper.make_tensor("w", TensorProto.FLOAT, [12, 3], np.zeros(36, dtype=np.float32)),
         helper.make_tensor("b", TensorProto.FLOAT, [12], np.zeros(12, dtype=np.float32)),
         helper.make_tensor("k", TensorProto.FLOAT, [4, 3, 1, 1], np.zeros(12, dtype=np.float32)),
         helper.make_tensor("kb", TensorProto.FLOAT, [4], np.zeros(4, dtype=np.float32))])
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), str(path))


def test_a_negation_a_cast_a_view_by_the_maps_sizes_and_a_map_from_a_vector_are_read(tmp_path: Path) -> None:
    # (each E070 before) Neg and a Cast to float keep the map; the pooled 1x1x3 map viewed as (b, c) by x's own sizes is
    # its 3 values (`squeeze`); a Gemm (3 + 1)·12 = 48; its 12 values viewed as (-1, 3, 2, 2), the map 2x2x3 (`reshape
    # 2x2x3`); a 1x1 Conv (3 + 1)·4 = 16: 64 parameters, the output 2x2x4
    _gate_and_generator_model(tmp_path / "g.onnx")
    report = analyze(tmp_path / "g.onnx")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == []
    assert report.totals.params == 48 + 16 and report.output is not None and report.output.dims == (2, 2, 4)
    assert [r.op for r in report.rows if r.keyword in ("squeeze", "reshape")] == ["squeeze", "reshape 2x2 depth 3"]


@pytest.mark.parametrize("viewed, sizes, code", [
    # the pooled 1x1x3 map viewed (b, c, 1, 1) by x's own sizes: the same map, which gates x (`x * y`): 8x8x3
    ("p", 4, None),
    # x itself, 8x8, viewed (b, c): no 1x1 map, as PyTorch's view would fail too (E037 at the squeeze)
    ("x", 2, "E037"),
])
def test_a_view_by_a_maps_own_batch_and_channels_of_a_map(tmp_path: Path, viewed: str, sizes: int,
                                                          code: str | None) -> None:
    onnx = _onnx()
    from onnx import TensorProto, helper

    def constant(name: str, values: list[int]) -> Any:
        return helper.make_node("Constant", [], [name], value=helper.make_tensor(name, TensorProto.INT64, [len(values)],
                                                                                 values))
    nodes = [helper.make_node("GlobalAveragePool", ["x"], ["p"]), helper.make_node("Shape", ["x"], ["s"]),
             constant("i0", [0]), constant("i1", [1]), constant("ones", [1, 1]),
             helper.make_node("Gather", ["s", "i0"], ["g0"], axis=0),
             helper.make_node("Gather", ["s", "i1"], ["g1"], axis=0),
             helper.make_node("Concat", ["g0", "g1", "ones"] if sizes == 4 else ["g0", "g1"], ["bc"], axis=0),
             helper.make_node("Reshape", [viewed, "bc"], ["v"])]
    nodes += [helper.make_node("Mul", ["x", "v"], ["y"])] if sizes == 4 else [helper.make_node("Relu", ["v"], ["y"])]
    graph = helper.make_graph(nodes, "view", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 8, 8])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)])
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), str(tmp_path / "v.onnx"))
    report = analyze(tmp_path / "v.onnx")
    if code is None:
        assert report.ok and report.output is not None and report.output.dims == (8, 8, 3), report.messages()
    else:
        assert [d.code for d in report.diagnostics if d.severity == "error"] == [code], report.messages()
        assert "squeeze takes a 1x1 map or a vector but gets 8x8x3" in report.diagnostics[0].message


@pytest.mark.parametrize("to, target, code, words", [
    (7, (-1, 3, 2, 2), "E070", "Cast"),  # to int64: values of another kind, not followed
    (1, (-1, 5, 2, 2), "E017", "reshape 2x2x5 takes 20 values but receives 12"),  # 12 values are no 2x2x5 map
])
def test_a_cast_to_integers_and_a_view_of_another_size_are_reported(tmp_path: Path, to: int, target: tuple[int, ...],
                                                                     code: str, words: str) -> None:
    _gate_and_generator_model(tmp_path / "g.onnx", to, target)
    report = analyze(tmp_path / "g.onnx")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.code == code and words in error.message, report.messages()


@pytest.mark.parametrize("fmod, dims", [(0, (3,)), (1, None)])
def test_a_mod_of_constants_is_folded_as_onnx_defines_it(tmp_path: Path, fmod: int,
                                                         dims: tuple[int, ...] | None) -> None:
    # a Reshape of the pooled 1x1x3 map to (-1, Mod(-5, 4)): Python's -5 % 4 = 3 (the divisor's sign, ONNX's default)
    # is (N, 3), `flatten inputs 3`; C's fmod(-5, 4) = -1 gives (-1, -1), no shape (E070)
    onnx = _onnx()
    from onnx import TensorProto, helper

    def constant(name: str, value: int) -> Any:
        return helper.make_node("Constant", [], [name], value=helper.make_tensor(name, TensorProto.INT64, [1], [value]))
    nodes = [helper.make_node("GlobalAveragePool", ["x"], ["p"]), constant("a", -5), constant("d", 4),
             constant("batch", -1), helper.make_node("Mod", ["a", "d"], ["r"], fmod=fmod),
             helper.make_node("Concat", ["batch", "r"], ["shape"], axis=0),
             helper.make_node("Reshape", ["p", "shape"], ["y"])]
    graph = helper.make_graph(nodes, "mod", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 8, 8])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)])
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), str(tmp_path / "m.onnx"))
    report = analyze(tmp_path / "m.onnx")
    if dims is None:
        assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E070"]
        assert "a reshape to [-1, -1]" in report.diagnostics[0].message
    else:
        assert report.ok and report.output is not None and report.output.dims == dims, report.messages()


@pytest.mark.parametrize("kept, op, last", [
    # PyTorch's newer exporter: `x.clamp(min=0)` as Max(x, 0), nn.Threshold(0.1, 20) as Where(x <= 0.1, 20, x)
    ("x", "relu", "Max"), ("x", "threshold 0.1 value 20", "Where"),
    # a Max with another constant, a Where that keeps another tensor: not followed
    ("x", None, "Max1"), ("r", None, "Where"),
])
def test_a_clamp_and_a_threshold_as_the_newer_exporter_writes_them(tmp_path: Path, kept: str, op: str | None,
                                                                   last: str) -> None:
    onnx = _onnx()
    from onnx import TensorProto, helper

    def scalar(name: str, value: float) -> Any:
        return helper.make_node("Constant", [], [name], value=helper.make_tensor(name, TensorProto.FLOAT, [], [value]))
    if last.startswith("Max"):
        nodes = [scalar("zero", 1.0 if last == "Max1" else 0.0), helper.make_node("Max", ["x", "zero"], ["y"])]
    else:
        nodes = [scalar("t", 0.1), scalar("v", 20.0), helper.make_node("LessOrEqual", ["x", "t"], ["le"]),
                 *([helper.make_node("Relu", ["x"], ["r"])] if kept == "r" else []),
                 helper.make_node("Where", ["le", "v", kept], ["y"])]
    graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 8, 8])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 3, 8, 8])])
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(tmp_path / "c.onnx"))
    report = analyze(tmp_path / "c.onnx")
    if op is None:  # the first operator not followed (the comparison, when the Where is no threshold), at its line
        [error] = [d for d in report.diagnostics if d.severity == "error"]
        node = "Max" if last == "Max1" else "LessOrEqual"
        assert error.code == "E070" and f"not supported: {node}" in error.message, report.messages()
        assert report.source.text.splitlines()[error.line - 1].startswith(f'node {{"op": "{node}"')
    else:
        assert report.ok and [r.op for r in report.rows] == [op], report.messages()


def test_initializer_sizes_are_checked_against_cnncalcs_count(tmp_path: Path) -> None:
    small_model(tmp_path / "m.onnx", wrong_bias=True)
    report = analyze(tmp_path / "m.onnx")
    assert not report.ok
    assert any("5771" in d.message or "5,771" in d.message for d in report.diagnostics), report.messages()


def test_unsupported_operators_are_listed_and_a_missing_package_or_bad_file_is_a_usage_error(tmp_path: Path) -> None:
    onnx = _onnx()
    from onnx import TensorProto, helper
    graph = helper.make_graph([helper.make_node("Hardmax", ["x"], ["y"]),
                               helper.make_node("Relu", ["y"], ["z"])], "g",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 8, 8])],
                              [helper.make_tensor_value_info("z", TensorProto.FLOAT, [1, 3, 8, 8])])
    onnx.save(helper.make_model(graph), str(tmp_path / "u.onnx"))
    report = analyze(tmp_path / "u.onnx")
    [e] = [d for d in report.diagnostics if d.code == "E070"]
    assert "Hardmax" in e.message and "Relu" not in e.message
    assert report.input.dims == (8, 8, 3) and report.output is None and report.totals.params is None
    (tmp_path / "bad.onnx").write_bytes(b"\xff\x00 not a model")
    result = CliRunner().invoke(cli, [str(tmp_path / "bad.onnx")])
    assert result.exit_code == 2 and "not an ONNX model" in result.output


def test_an_older_opset_model_with_input_normalisation_and_a_computed_reshape(tmp_path: Path) -> None:
    # as model-zoo files are written: opset 7, the mean subtracted and a scale applied inside the graph,
    # BatchNormalization with `spatial`, Clip's bounds as attributes, Reshape's shape computed by
    # Shape/Gather/Unsqueeze/Concat, Gemm with transB
    onnx = _onnx()
    import numpy as np
    from onnx import TensorProto, helper, numpy_helper

    def init(name: str, *shape: int, dtype: Any = np.float32) -> Any:
        return numpy_helper.from_array(np.ones(shape, dtype=dtype), name)

    nodes = [
        helper.make_node("Sub", ["data", "mean"], ["x0"]),
        helper.make_node("Mul", ["x0", "scale"], ["x1"]),
        helper.make_node("Conv", ["x1", "w1"], ["c1"], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1]),
        helper.make_node("BatchNormalization", ["c1", "g", "b", "m", "v"], ["n1"], epsilon=1e-5, spatial=1),
        helper.make_node("Clip", ["n1"], ["r1"], min=0.0, max=6.0),
        helper.make_node("GlobalAveragePool", ["r1"], ["p"]),
        helper.make_node("Shape", ["p"], ["s"]),
        helper.make_node("Gather", ["s", "zero"], ["s0"], axis=0),
        helper.make_node("Unsqueeze", ["s0"], ["s1"], axes=[0]),
        helper.make_node("Concat", ["s1", "minus1"], ["shape"], axis=0),
        helper.make_node("Reshape", ["p", "shape"], ["flat"]),
        helper.make_node("Gemm", ["flat", "fcw", "fcb"], ["fc"], transB=1),
        helper.make_node("Softmax", ["fc"], ["prob"]),
    ]
    inits = [init("mean", 1, 3, 1, 1), init("scale"), init("w1", 16, 3, 3, 3), init("g", 16), init("b", 16),
             init("m", 16), init("v", 16), numpy_helper.from_array(np.array(0, np.int64), "zero"),
             numpy_helper.from_array(np.array([-1], np.int64), "minus1"), init("fcw", 10, 16), init("fcb", 10)]
    graph = helper.make_graph(nodes, "zoo", [helper.make_tensor_value_info("data", TensorProto.FLOAT, [1, 3, 32, 32])],
                              [helper.make_tensor_value_info("prob", TensorProto.FLOAT, [1, 10])], inits)
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 7)]), str(tmp_path / "z.onnx"))
    report = analyze(tmp_path / "z.onnx")
    assert report.ok, report.messages()
    # (32 - 3 + 2·1)/2 + 1 = 16.5, floored: 16x16x16; the constants of Sub and Mul are no layer's weights
    assert [r.output.dims for r in report.rows if r.keyword == "conv"] == [(16, 16, 16)]
    assert report.output is not None and report.output.dims == (10,)
    assert report.totals.params == 16 * 27 + 2 * 16 + (16 + 1) * 10  # conv without bias, bn's scale and shift, fc
    assert sorted(d.code for d in report.diagnostics if d.code in ("N071", "W030")) == ["N071", "N071", "W030"]
    notes = [d for d in report.diagnostics if d.code == "N071"]
    # the listing's lines: a title, the input, 11 initializers, then the nodes Sub and Mul
    assert [(d.line, d.column) for d in notes] == [(14, 1), (15, 1)]
    assert "Sub with a constant of 3 values" in notes[0].message and "not counted as parameters" in notes[0].message
    # a constant that is neither a scalar nor one value per channel is named, not guessed
    inits[0] = init("mean", 1, 3, 32, 1)
    graph = helper.make_graph(nodes, "zoo", [helper.make_tensor_value_info("data", TensorProto.FLOAT, [1, 3, 32, 32])],
                              [helper.make_tensor_value_info("prob", TensorProto.FLOAT, [1, 10])], inits)
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 7)]), str(tmp_path / "z.onnx"))
    [e] = [d for d in analyze(tmp_path / "z.onnx").diagnostics if d.code == "E070"]
    assert "Sub" in e.message and "[1, 3, 32, 1]" in e.message


def test_pools_padded_past_half_their_window_are_onnxs_not_an_error(tmp_path: Path) -> None:
    # ONNX allows a pool's padding up to K - 1 (onnxruntime: "Pad should be smaller than kernel"); PyTorch's
    # P <= floor(K/2) is not its rule. pads are (top, left, bottom, right).
    onnx = _onnx()
    from onnx import TensorProto, helper
    nodes = [helper.make_node("MaxPool", ["x"], ["p"], kernel_shape=[3, 3], strides=[2, 2], pads=[2, 2, 2, 2]),
             helper.make_node("AveragePool", ["p"], ["y"], kernel_shape=[3, 3], pads=[2, 1, 0, 2])]
    graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 9, 9])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    inferred = onnx.shape_inference.infer_shapes(model, strict_mode=True).graph.output[0].type.tensor_type.shape
    assert [d.dim_value for d in inferred.dim] == [1, 3, 6, 7]  # ONNX's own shape inference
    onnx.save(model, str(tmp_path / "m.onnx"))
    report = analyze(tmp_path / "m.onnx")
    assert report.ok, report.messages()
    # (9 - 3 + 2 + 2)/2 + 1 = 6; then height (6 - 3 + 2 + 0)/1 + 1 = 6, width (6 - 3 + 1 + 2)/1 + 1 = 7
    assert [r.output.dims for r in report.rows] == [(6, 6, 3), (6, 7, 3)]
    assert [r.op.endswith("widepad") for r in report.rows] == [True, True]


def test_a_spatial_mean_is_a_global_pool(tmp_path: Path) -> None:
    # ReduceMean over axes 2 and 3 (what torch.onnx writes for `x.mean([2, 3])`), keepdims 0: pool, flatten;
    # the axes as an attribute (opset 13) or as an input (opset 18)
    onnx = _onnx()
    import numpy as np
    from onnx import TensorProto, helper, numpy_helper
    for opset in (13, 18):
        axes = {"axes": [2, 3]} if opset < 18 else {}
        inputs = ["c"] if opset < 18 else ["c", "axes"]
        nodes = [helper.make_node("Conv", ["x", "w"], ["c"], kernel_shape=[3, 3]),
                 helper.make_node("ReduceMean", inputs, ["m"], keepdims=0, **axes),
                 helper.make_node("Gemm", ["m", "fw", "fb"], ["y"], transB=1)]
        inits = [numpy_helper.from_array(np.ones((8, 3, 3, 3), np.float32), "w"),
                 numpy_helper.from_array(np.ones((10, 8), np.float32), "fw"),
                 numpy_helper.from_array(np.ones(10, np.float32), "fb"),
                 numpy_helper.from_array(np.array([2, 3], np.int64), "axes")]
        graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 9, 9])],
                                  [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 10])], inits)
        onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)]), str(tmp_path / "m.onnx"))
        report = analyze(tmp_path / "m.onnx")
        assert report.ok, report.messages()
        assert [r.output.dims for r in report.rows] == [(7, 7, 8), (1, 1, 8), (8,), (10,)]
        assert report.totals.params == 8 * 27 + 8 * 10 + 10  # the conv has no bias here


@pytest.mark.torch
@pytest.mark.parametrize("spec", ["vgg11", "resnet18", "mobilenet_v2", "squeezenet1_1"])
def test_pytorch_exports_read_back_with_cnncalcs_macs(spec: str, tmp_path: Path) -> None:
    _onnx()
    from tests.test_pytorch_export import build, exported
    torch = pytest.importorskip("torch") if not os.environ.get("CNNCALC_REQUIRE_TORCH") else __import__("torch")
    report, code = exported((ROOT / f"specs/{spec}.spec").read_text(), f"{spec}.spec")
    model = build(code)().eval()
    torch.onnx.export(model, torch.zeros(1, *model.input_size), str(tmp_path / "m.onnx"), dynamo=False)
    back = analyze(tmp_path / "m.onnx")
    assert not [d for d in back.diagnostics if d.severity == "error"], back.messages()[:3]
    assert back.totals.macs == report.totals.macs and back.output == report.output
    # eval-mode export folds batch norms into the convolutions: their statistics go, a bias per channel comes
    assert back.totals.params == sum(p.numel() for n, p in model.named_parameters()) - \
        sum(m.weight.numel() + m.bias.numel() for m in model.modules() if isinstance(m, torch.nn.BatchNorm2d)) + \
        sum(m.out_channels for m in model.modules() if isinstance(m, torch.nn.Conv2d) and m.bias is None)


@pytest.mark.torch
def test_exported_padding_modules_read_back(tmp_path: Path) -> None:
    # PyTorch's exporter computes a Pad's pads in the graph (ConstantOfShape, Concat, Reshape, Slice,
    # Transpose, Cast on constants): every exported ZeroPad2d was E070 ("Reshape"). The arithmetic
    # is folded now; reflection and replication padding read as ONNX's reflect and edge modes.
    _onnx()
    torch = pytest.importorskip("torch") if not os.environ.get("CNNCALC_REQUIRE_TORCH") else __import__("torch")
    nn = torch.nn
    model = nn.Sequential(nn.ZeroPad2d((1, 2, 0, 1)), nn.Conv2d(3, 8, 3), nn.ReflectionPad2d((2, 0, 1, 3)),
                          nn.Conv2d(8, 4, 3), nn.ReplicationPad2d(1), nn.MaxPool2d(2), nn.Flatten(),
                          nn.Linear(4 * 17 * 17, 10)).eval()
    x = torch.zeros(1, 3, 32, 32)
    torch.onnx.export(model, x, str(tmp_path / "p.onnx"), dynamo=False)
    back = analyze(tmp_path / "p.onnx")
    assert back.ok, back.messages()[:3]
    pads = [(r.keyword, r.output.dims) for r in back.rows if r.keyword.endswith("pad")]
    shapes = []
    for module in model:
        x = module(x)
        if isinstance(module, (nn.ZeroPad2d, nn.ReflectionPad2d, nn.ReplicationPad2d)):
            shapes.append((x.shape[2], x.shape[3], x.shape[1]))
    assert pads == list(zip(["zeropad", "reflectpad", "replicatepad"], shapes))
    assert back.totals.params == sum(p.numel() for p in model.parameters()) and back.output.dims == (10,)


@pytest.mark.torch
def test_an_exported_cbam_whose_channel_pools_drop_the_axis_reads_back(tmp_path: Path) -> None:
    # the older CBAM port: `torch.max(x, 1)[0].unsqueeze(1)` and `torch.mean(x, 1).unsqueeze(1)` export as
    # reductions without keepdims, each then Unsqueezed; both were E070
    _onnx()
    torch = pytest.importorskip("torch") if not os.environ.get("CNNCALC_REQUIRE_TORCH") else __import__("torch")
    nn = torch.nn

    class SpatialGate(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.conv = nn.Conv2d(2, 1, 7, padding=3, bias=False)

        def forward(self, x: Any) -> Any:
            pooled = torch.cat((torch.max(x, 1)[0].unsqueeze(1), torch.mean(x, 1).unsqueeze(1)), dim=1)
            return x * torch.sigmoid(self.conv(pooled))

    model = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), SpatialGate(), nn.MaxPool2d(2), nn.Flatten(),
                          nn.Linear(16 * 10 * 9, 10)).eval()
    x = torch.zeros(1, 3, 20, 18)
    torch.onnx.export(model, x, str(tmp_path / "cbam.onnx"), dynamo=False)
    back = analyze(tmp_path / "cbam.onnx")
    assert back.ok, back.messages()[:3]
    assert sorted((r.keyword, r.output.dims) for r in back.rows if r.keyword.startswith("channel")) == [
        ("channelavgpool", (20, 18, 1)), ("channelmaxpool", (20, 18, 1))]
    assert back.totals.params == sum(p.numel() for p in model.parameters())
    assert back.output.dims == tuple(model(x).shape[1:])


@pytest.mark.torch
def test_an_exported_local_response_norm_is_one_lrn(tmp_path: Path) -> None:
    # PyTorch writes LocalResponseNorm out: Mul(x, x), Reshape to 5-D, Pad, AveragePool (size, 1, 1),
    # back to 4-D (an If of a Squeeze in the legacy exporter), Mul alpha, Add k, Pow beta, Div. It was
    # E070, so AlexNet, ZFNet and GoogLeNet exports did not read.
    _onnx()
    torch = pytest.importorskip("torch") if not os.environ.get("CNNCALC_REQUIRE_TORCH") else __import__("torch")
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU(), nn.LocalResponseNorm(3, alpha=2e-4, beta=0.5, k=1.5),
                          nn.MaxPool2d(2), nn.LocalResponseNorm(5)).eval()
    torch.onnx.export(model, torch.zeros(1, 3, 16, 16), str(tmp_path / "lrn.onnx"), dynamo=False)
    back = analyze(tmp_path / "lrn.onnx")
    assert back.ok, back.messages()[:3]
    lrns = [r.layer for r in back.rows if r.keyword == "lrn"]
    assert [(n.size, n.alpha, n.beta, n.k) for n in lrns] == [(3, 2e-4, 0.5, 1.5), (5, 1e-4, 0.75, 1.0)]
    assert [r.keyword for r in back.rows] == ["conv", "relu", "lrn", "maxpool", "lrn"] and back.output.dims == (7, 7, 8)


def test_a_model_that_decodes_but_contradicts_itself_is_a_usage_error_or_read(tmp_path: Path) -> None:
    onnx = _onnx()
    # Found by flipping bytes of an exported model: a node name that is not UTF-8 reached json.dumps as bytes,
    # and an initializer of an unknown element type raised KeyError inside onnx.
    small_model(tmp_path / "m.onnx")
    model = onnx.load(str(tmp_path / "m.onnx"))
    model.graph.node[1].name = "zzzzz"
    data = model.SerializeToString().replace(b"zzzzz", b"\xff\xfe\xfd\xfc\xfb")
    (tmp_path / "name.onnx").write_bytes(data)
    report = analyze(tmp_path / "name.onnx")
    assert report.totals.params == (27 + 1) * 16 + 576 * 10 + 10  # the name is shown, the numbers are the same
    model.graph.initializer[1].data_type = 123
    onnx.save(model, str(tmp_path / "type.onnx"))
    result = CliRunner().invoke(cli, [str(tmp_path / "type.onnx")])
    assert result.exit_code == 2 and "is not a consistent ONNX model" in result.output
    assert "internal error" not in result.output


def test_a_channel_shuffle_and_the_reshapes_around_a_flatten(tmp_path: Path) -> None:
    # PyTorch's newer exporter writes ShuffleNet's channel shuffle as Reshape to (N, g, C/g, H, W),
    # Transpose (0, 2, 1, 3, 4) and Reshape back: `shuffle g`. `x.view(x.size(0), -1)` computes its
    # shape from Shape and Gather (the batch size) beside a -1: a flatten. A reshape to a shape
    # computed from the data's sizes that is no flatten was taken for one; it is E070.
    onnx = _onnx()
    import numpy as np
    from onnx import TensorProto, helper, numpy_helper

    def model(nodes: list[Any], inits: list[Any], out: list[int]) -> Any:
        graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 8, 6, 6])],
                                  [helper.make_tensor_value_info("y", TensorProto.FLOAT, out)], inits)
        path = tmp_path / f"m{len(list(tmp_path.iterdir()))}.onnx"
        onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(path))
        return analyze(path)

    def ints(name: str, values: list[int]) -> Any:
        return numpy_helper.from_array(np.array(values, np.int64), name)

    shuffle = model([helper.make_node("Reshape", ["x", "s5"], ["v"]),
                     helper.make_node("Transpose", ["v"], ["t"], perm=[0, 2, 1, 3, 4]),
                     helper.make_node("Reshape", ["t", "s4"], ["y"])],
                    [ints("s5", [1, 2, 4, 6, 6]), ints("s4", [1, 8, 6, 6])], [1, 8, 6, 6])
    assert shuffle.ok and [(r.keyword, r.layer.groups) for r in shuffle.rows] == [("shuffle", 2)]
    # one group (kuangliu's ShuffleNet's first block, exported): a view to (1, 1, 8, 6, 6) and back moves nothing
    # (E070 before); it makes no row, and the input goes on as it was
    one = model([helper.make_node("Reshape", ["x", "s5"], ["v"]),
                 helper.make_node("Transpose", ["v"], ["t"], perm=[0, 2, 1, 3, 4]),
                 helper.make_node("Reshape", ["t", "s4"], ["u"]), helper.make_node("Relu", ["u"], ["y"])],
                [ints("s5", [1, 1, 8, 6, 6]), ints("s4", [1, 8, 6, 6])], [1, 8, 6, 6])
    assert one.ok and [r.keyword for r in one.rows] == ["relu"] and one.output.dims == (6, 6, 8), one.messages()
    batch = [helper.make_node("Shape", ["x"], ["shape"]), helper.make_node("Gather", ["shape", "zero"], ["n"], axis=0),
             helper.make_node("Unsqueeze", ["n", "axes"], ["n1"])]
    flat = model([*batch, helper.make_node("Concat", ["n1", "minus"], ["target"], axis=0),
                  helper.make_node("Reshape", ["x", "target"], ["y"])],
                 [ints("zero", [0]), ints("axes", [0]), ints("minus", [-1])], [1, 288])
    assert flat.ok and [r.keyword for r in flat.rows] == ["flatten"] and flat.output.dims == (8 * 6 * 6,)
    other = model([*batch, helper.make_node("Concat", ["n1", "rows", "minus"], ["target"], axis=0),
                   helper.make_node("Reshape", ["x", "target"], ["y"])],
                  [ints("zero", [0]), ints("axes", [0]), ints("rows", [48]), ints("minus", [-1])], [1, 48, 6])
    assert [d.code for d in other.diagnostics if d.severity == "error"] == ["E070"] and other.totals.params is None


@pytest.mark.parametrize("op, mode, spec, sizes", [
    ("DepthToSpace", "CRD", "pixelshuffle 2", ((1, 12, 8, 6), (16, 12, 3))),
    ("DepthToSpace", "DCR", "pixelshuffle 2 dcr", ((1, 12, 8, 6), (16, 12, 3))),
    ("DepthToSpace", None, "pixelshuffle 3 dcr", ((1, 18, 2, 4), (6, 12, 2))),
    ("SpaceToDepth", None, "pixelunshuffle 2 dcr", ((1, 3, 8, 6), (4, 3, 12))),
])
def test_depth_to_space_and_space_to_depth_in_either_order(tmp_path: Path, op: str, mode: str | None, spec: str,
                                                           sizes: tuple[tuple[int, ...], tuple[int, ...]]) -> None:
    # DepthToSpace CRD (PyTorch's PixelShuffle exports so): 8x6x12 with blocks of 2 -> 16x12x3; DCR (its default,
    # TensorFlow's order: block (i, j) first, then the channel) the same sizes, other places (`dcr`, was E070);
    # SpaceToDepth has TensorFlow's order alone (was E070). The executor's values are ONNX's reference
    # implementation's (onnx.reference), place by place.
    onnx = _onnx()
    import numpy as np
    from onnx import TensorProto, helper
    shape, out = sizes
    attributes: dict[str, Any] = {"blocksize": int(spec.split()[1])} | ({"mode": mode} if mode else {})
    graph = helper.make_graph([helper.make_node(op, ["x"], ["y"], **attributes)], "g",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, list(shape))],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    onnx.save(model, str(tmp_path / "d.onnx"))
    report = analyze(tmp_path / "d.onnx")
    assert report.ok and [r.op for r in report.rows] == [spec] and report.output.dims == out
    from onnx.reference import ReferenceEvaluator
    x = np.arange(np.prod(shape), dtype=np.float32).reshape(shape)
    [theirs] = ReferenceEvaluator(model).run(None, {"x": x})
    layer = report.rows[0].layer
    assert layer is not None
    ours, _ = layer.run(x.transpose(0, 2, 3, 1), {}, False, False)
    np.testing.assert_array_equal(ours, theirs.transpose(0, 2, 3, 1))


@pytest.mark.torch
@pytest.mark.parametrize("dynamo", [False, True])
def test_a_vector_unflattened_to_a_map(dynamo: bool, tmp_path: Path) -> None:
    # nn.Unflatten(1, (4, 3, 3)) of a Linear's 36 values: the older exporter reshapes to Concat(the batch read by
    # Shape and Slice, [4, 3, 3], the sizes after axis 1, none for a vector), which was E070; the newer to constants.
    # Linear 8 -> 36: (8 + 1)·36 = 324; conv 4 -> 2 3x3 on 3x3: (36 + 1)·2 = 74, out 1x1x2
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn
    model = nn.Sequential(nn.Linear(8, 36), nn.Unflatten(1, (4, 3, 3)), nn.Conv2d(4, 2, 3)).eval()
    report = _exported_and_read(model, torch.zeros(1, 8), tmp_path / "u.onnx", dynamo, 18 if dynamo else 17)
    assert report.ok, report.messages()
    assert [r.op for r in report.rows if r.keyword == "reshape"] == ["reshape 3x3 depth 4"]
    assert report.totals.params == sum(p.numel() for p in model.parameters()) == 324 + 74
    assert report.output is not None and report.output.dims == (1, 1, 2)


@pytest.mark.torch
@pytest.mark.parametrize("dynamo, opset", [(False, 17), (False, 11), (True, 18)])
def test_gelu_written_out_before_opset_20_is_one_gelu(dynamo: bool, opset: int, tmp_path: Path) -> None:
    # Before opset 20 (ONNX's Gelu) both exporters write the exact GELU out, x·0.5·(1 + erf(x/√2)): Div by √2,
    # Erf, Add 1, Mul by x and by 0.5 (in either order). Erf was E070. Parameters (3·3·3 + 1)·8 = 224, (8 + 1)·4
    # = 36, (4·6·6 + 1)·5 = 725: 985, PyTorch's own count.
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.GELU(), nn.Conv2d(8, 4, 1), nn.GELU(), nn.Flatten(),
                          nn.Linear(4 * 6 * 6, 5), nn.GELU()).eval()
    report = _exported_and_read(model, torch.zeros(1, 3, 8, 8), tmp_path / "g.onnx", dynamo, opset)
    assert [r.keyword for r in report.rows if r.keyword not in ("flatten",)] == ["conv", "gelu", "conv", "gelu", "fc",
                                                                                  "gelu"]
    assert report.totals.params == sum(p.numel() for p in model.parameters()) == 224 + 36 + 725
    assert report.output is not None and report.output.dims == (5,)


@pytest.mark.torch
@pytest.mark.parametrize("dynamo, opset", [(False, 17), (True, 18)])
def test_the_tanh_gelu_written_out_before_opset_20_is_one_gelu_tanh(dynamo: bool, opset: int, tmp_path: Path) -> None:
    # GELU(approximate='tanh') before opset 20: x·0.5·(1 + tanh(√(2/π)·(x + 0.044715·x³))), x³ a Pow by 3 (the
    # newer exporter, which was E070 "Pow") or Mul(x, Mul(x, x)) (the older, which was read as seven merges of
    # constants). Parameters (3·3·3 + 1)·8 = 224, (8 + 1)·4 = 36: 260, PyTorch's own count.
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.GELU(approximate="tanh"), nn.Conv2d(8, 4, 1),
                          nn.GELU(approximate="tanh")).eval()
    report = _exported_and_read(model, torch.zeros(1, 3, 8, 8), tmp_path / "g.onnx", dynamo, opset)
    assert [r.op for r in report.rows if r.keyword != "conv"] == ["gelu tanh", "gelu tanh"]
    assert len(report.rows) == 4
    assert report.totals.params == sum(p.numel() for p in model.parameters()) == 224 + 36
    assert report.output is not None and report.output.dims == (6, 6, 4)


@pytest.mark.parametrize("change", ["none", "cubic", "root", "half", "square"])
def test_steps_like_a_tanh_gelu_that_are_not_are_not_read_as_one(change: str, tmp_path: Path) -> None:
    # x·0.5·(1 + tanh(√(2/π)·(x + 0.044715·x³))) written with x³ as Pow(x, 3): a `gelu tanh`; with another constant
    # (0.04 for 0.044715, 0.8 for √(2/π), 0.25 for 0.5) or x² for x³, no GELU: its Tanh and Pow are then not one layer
    _onnx()
    from onnx import TensorProto, helper

    def scalar(name: str, value: float) -> Any:
        return helper.make_node("Constant", [], [name], value=helper.make_tensor(name, TensorProto.FLOAT, [], [value]))

    values = {"cubic": 0.044715, "root": (2 / 3.141592653589793) ** 0.5, "half": 0.5, "power": 3.0}
    values.update({"cubic": {"cubic": 0.04}, "root": {"root": 0.8}, "half": {"half": 0.25},
                   "square": {"power": 2.0}}.get(change, {}))
    nodes = [*(scalar(name, value) for name, value in values.items()), scalar("one", 1.0),
             helper.make_node("Pow", ["x", "power"], ["p"]), helper.make_node("Mul", ["cubic", "p"], ["c"]),
             helper.make_node("Add", ["x", "c"], ["s"]), helper.make_node("Mul", ["s", "root"], ["r"]),
             helper.make_node("Tanh", ["r"], ["t"]), helper.make_node("Add", ["one", "t"], ["a"]),
             helper.make_node("Mul", ["half", "a"], ["h"]), helper.make_node("Mul", ["x", "h"], ["y"])]
    report = _helper_model(tmp_path, nodes, [], [1, 3, 4, 4])
    if change == "none":
        assert report.ok and [r.op for r in report.rows] == ["gelu tanh"], report.messages()
    else:
        errors = [d for d in report.diagnostics if d.severity == "error"]
        assert [d.code for d in errors] == ["E070"] and "Pow" in errors[0].message
        assert where(report) == [("E070", _listed_line(report, '"op": "Pow"'), 1)]  # (the first operator not read)
        assert "gelu tanh" not in [r.op for r in report.rows]


@pytest.mark.torch
@pytest.mark.parametrize("dynamo", [False, True])
@pytest.mark.parametrize("gate", ["s[:, :, None, None]", "s.unsqueeze(-1).unsqueeze(-1)", "s.view(s.size(0), -1, 1, 1)",
                                  "s.view(s.size(0), 16, 1, 1)"])
def test_a_gate_made_a_map_again_by_unsqueeze_or_reshape_is_unflatten(gate: str, dynamo: bool, tmp_path: Path) -> None:
    # A squeeze-and-excitation gate computed by Linear layers is made a 1x1xC map again before it multiplies the
    # map: exported as two Unsqueezes (axes 2, then 3), or a Reshape to (N, -1, 1, 1) or (N, C, 1, 1); all were E070.
    # And nn.Softmax2d is a Softmax at axis -3 (E070 too). Parameters (3·3·3 + 1)·16 = 448, (16 + 1)·4 = 68,
    # (4 + 1)·16 = 80, (16 + 1)·5 = 85: 681, PyTorch's own count; MACs and output PyTorch's.
    from tests.test_pytorch_export import _torch
    torch = _torch()
    from torch.utils.flop_counter import FlopCounterMode
    nn = torch.nn

    class Gated(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.conv = nn.Conv2d(3, 16, 3, padding=1)
            self.fc1 = nn.Linear(16, 4)
            self.fc2 = nn.Linear(4, 16)
            self.head = nn.Sequential(nn.Conv2d(16, 5, 1), nn.Softmax2d())

        def forward(self, x: Any) -> Any:
            x = torch.relu(self.conv(x))
            s = torch.sigmoid(self.fc2(torch.relu(self.fc1(x.mean([2, 3])))))
            return self.head(x * eval(gate, {"s": s}))

    model = Gated().eval()
    x = torch.zeros(1, 3, 6, 7)
    with FlopCounterMode(display=False) as counter:
        y = model(x)
    report = _exported_and_read(model, x, tmp_path / "gate.onnx", dynamo)
    assert sum(p.numel() for p in model.parameters()) == report.totals.params == 448 + 68 + 80 + 85
    assert report.totals.macs == counter.get_total_flops() // 2
    assert report.output is not None and report.output.dims == (y.shape[2], y.shape[3], y.shape[1]) == (6, 7, 5)
    assert "unflatten" in [r.keyword for r in report.rows] and report.rows[-1].keyword == "softmax"


def test_a_vector_given_one_axis_or_another_is_not_followed(tmp_path: Path) -> None:
    # A vector (N, 16) Unsqueezed at axis 2 and then read by a Relu is a 3-D tensor cnncalc has no shape for; one
    # Unsqueezed at axis 1 is another view: each E070 where it is, never a layer guessed. At axes 2 then 3: 1x1x16.
    onnx = _onnx()
    from onnx import TensorProto, helper
    cases = ((([2], "Relu"), False), (([1], "Unsqueeze"), False), (([2], "Unsqueeze"), True))
    for (axes, then), ok in cases:
        nodes = [helper.make_node("Constant", [], ["a1"], value=helper.make_tensor("a1", TensorProto.INT64, [1], axes)),
                 helper.make_node("Constant", [], ["a2"], value=helper.make_tensor("a2", TensorProto.INT64, [1], [3])),
                 helper.make_node("Unsqueeze", ["x", "a1"], ["u"]),
                 helper.make_node(then, ["u", "a2"] if then == "Unsqueeze" else ["u"], ["y"])]
        graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 16])],
                                  [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)])
        onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(tmp_path / "u.onnx"))
        report = analyze(tmp_path / "u.onnx")
        if ok:
            assert report.ok and [r.op for r in report.rows] == ["unflatten"] and report.output.dims == (1, 1, 16)
        else:
            errors = [d for d in report.diagnostics if d.severity == "error"]
            assert [d.code for d in errors] == ["E070"] and report.totals.params is None, report.messages()


@pytest.mark.torch
@pytest.mark.parametrize("dynamo", [False, True])
def test_a_space_to_depth_exported_as_reshapes_and_a_transpose_is_pixelunshuffle(dynamo: bool, tmp_path: Path) -> None:
    # PixelUnshuffle(2) is exported as a Reshape to (N, C, H/2, 2, W/2, 2), a Transpose by (0, 1, 3, 5, 2, 4) and a
    # Reshape to (N, 4C, H/2, W/2): `pixelunshuffle 2` (it was E070). 12x8x4 -> 6x4x16; parameters (3·3·3 + 1)·4 =
    # 112 and (16 + 1)·8 = 136, PyTorch's own count; MACs and output PyTorch's.
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.PixelUnshuffle(2), nn.Conv2d(16, 8, 1)).eval()
    report = _checked_against_pytorch(model, torch.zeros(1, 3, 12, 8), tmp_path / "pu.onnx", dynamo)
    assert [r.op for r in report.rows][1] == "pixelunshuffle 2"
    assert report.totals.params == sum(p.numel() for p in model.parameters()) == 112 + 136
    assert report.output is not None and report.output.dims == (6, 4, 8)


@pytest.mark.torch
@pytest.mark.parametrize("opset", [9, 10])
def test_a_depth_to_space_exported_before_opset_11_is_pixelshuffle(opset: int, tmp_path: Path) -> None:
    # Before opset 11 ONNX has DepthToSpace in TensorFlow's order alone, and PyTorch exports PixelShuffle(2) as a
    # Reshape to (N, C/4, 2, 2, H, W), a Transpose by (0, 1, 4, 2, 5, 3) and a Reshape to (N, C/4, 2H, 2W): one
    # `pixelshuffle 2` (it was E070; ESPCN's super-resolution export is this). 6x5x3 -> 6x5x16 -> 12x10x4;
    # parameters (3·3·3 + 1)·16 = 448 and (4 + 1)·2 = 10, PyTorch's own count; MACs and output PyTorch's
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.PixelShuffle(2), nn.Conv2d(4, 2, 1)).eval()
    report = _checked_against_pytorch(model, torch.zeros(1, 3, 6, 5), tmp_path / "ps.onnx", False, opset)
    graph = _onnx().load(str(tmp_path / "ps.onnx")).graph
    assert "DepthToSpace" not in [n.op_type for n in graph.node]  # (the form this test is about)
    assert [r.op for r in report.rows][1] == "pixelshuffle 2"
    assert report.totals.params == sum(p.numel() for p in model.parameters()) == 448 + 10
    assert report.output is not None and report.output.dims == (12, 10, 2)


@pytest.mark.torch
def test_an_opset_10_resize_reads_its_scales_second(tmp_path: Path) -> None:
    # Opset 10's Resize takes (X, scales), later ones (X, roi, scales, sizes): PyTorch's nn.Upsample(scale_factor=2)
    # at opset 10 was E070 ("scales cnncalc cannot read"). 6x5x3 -> 6x5x4 -> 12x10x4 -> 12x10x2; parameters
    # (3·3·3 + 1)·4 = 112 and (4 + 1)·2 = 10, PyTorch's own count; MACs and output PyTorch's
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.Upsample(scale_factor=2), nn.Conv2d(4, 2, 1)).eval()
    report = _checked_against_pytorch(model, torch.zeros(1, 3, 6, 5), tmp_path / "up.onnx", False, 10)
    graph = _onnx().load(str(tmp_path / "up.onnx")).graph
    assert [len(n.input) for n in graph.node if n.op_type == "Resize"] == [2]  # (the form this test is about)
    assert [r.op for r in report.rows][1] == "upsample 2"
    assert report.totals.params == sum(p.numel() for p in model.parameters()) == 112 + 10
    assert report.output is not None and report.output.dims == (12, 10, 2)


@pytest.mark.torch
def test_opset_21s_group_normalization_is_one_groupnorm(tmp_path: Path) -> None:
    # Opset 21's GroupNormalization (its scale and shift one per channel), as PyTorch's newer exporter writes
    # GroupNorm there (it was E070): `groupnorm G`; without affine its ones and zeros are computed in the graph
    # (ConstantOfShape), learning nothing. Parameters (3·3·3 + 1)·8 = 224, 2·8 = 16 twice, 0: 256, PyTorch's count
    # (the exporter stores the second norm's equal ones and zeros once, read by both nodes: counted for each)
    _onnx()
    __import__("onnxscript") if os.environ.get("CNNCALC_REQUIRE_ONNX") else pytest.importorskip("onnxscript")
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.GroupNorm(2, 8, eps=1e-3), nn.ReLU(), nn.GroupNorm(8, 8),
                          nn.GroupNorm(4, 8, affine=False)).eval()
    report = _exported_and_read(model, torch.zeros(1, 3, 12, 10), tmp_path / "gn.onnx", True, 21)
    graph = _onnx().load(str(tmp_path / "gn.onnx")).graph
    assert [n.op_type for n in graph.node].count("GroupNormalization") == 3  # (the form this test is about)
    assert [r.op for r in report.rows][1:] == ["groupnorm 2 eps 0.001", "relu", "groupnorm 8", "groupnorm 4 noaffine"]
    assert report.totals.params == sum(p.numel() for p in model.parameters()) == 256
    assert report.output is not None and report.output.dims == (10, 8, 8)


def test_opset_18s_group_normalization_by_group_is_not_read(tmp_path: Path) -> None:
    # Before opset 21 GroupNormalization's scale and shift are one per group, which no groupnorm of cnncalc (nor
    # PyTorch's GroupNorm) learns: E070, never a count of the wrong size
    onnx = _onnx()
    from onnx import TensorProto, helper
    nodes = [helper.make_node("GroupNormalization", ["x", "s", "b"], ["y"], num_groups=2)]
    graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 8, 4, 4])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 8, 4, 4])],
                              [_floats("s", 2), _floats("b", 2)])
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)]), str(tmp_path / "g.onnx"))
    report = analyze(tmp_path / "g.onnx")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E070"]
    assert "before opset 21" in report.diagnostics[0].message


def test_a_six_axis_view_transposed_otherwise_is_not_followed(tmp_path: Path) -> None:
    # the same Reshapes with the Transpose (0, 1, 2, 4, 3, 5) move the values elsewhere: E070, never a pixelunshuffle;
    # so is the right Transpose with a last Reshape to sizes its blocks do not make, (1, 3, 8, 8)
    onnx = _onnx()
    from onnx import TensorProto, helper
    for perm, ok, last in (([0, 1, 3, 5, 2, 4], True, [1, 12, 4, 4]), ([0, 1, 2, 4, 3, 5], False, [1, 12, 4, 4]),
                           ([0, 1, 3, 5, 2, 4], False, [1, 3, 8, 8])):
        nodes = [helper.make_node("Constant", [], ["s6"], value=helper.make_tensor("s6", TensorProto.INT64, [6],
                                                                                  [1, 3, 4, 2, 4, 2])),
                 helper.make_node("Constant", [], ["s4"], value=helper.make_tensor("s4", TensorProto.INT64, [4],
                                                                                  last)),
                 helper.make_node("Reshape", ["x", "s6"], ["v"]),
                 helper.make_node("Transpose", ["v"], ["t"], perm=perm),
                 helper.make_node("Reshape", ["t", "s4"], ["y"])]
        graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 8, 8])],
                                  [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 12, 4, 4])])
        onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(tmp_path / "s.onnx"))
        report = analyze(tmp_path / "s.onnx")
        if ok:
            assert report.ok and [r.op for r in report.rows] == ["pixelunshuffle 2"]
            assert report.output is not None and report.output.dims == (4, 4, 12)
        else:
            assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E070"]


def test_opset_20s_gelu_and_its_tanh_approximation(tmp_path: Path) -> None:
    # ONNX's Gelu (opset 20): approximate "none", the erf form (`gelu`), or "tanh" (`gelu tanh`, which was read as the
    # erf form: the same shape and cost, other values); another word is E070
    _onnx()
    from onnx import helper
    for attributes, op in (({}, "gelu"), ({"approximate": "none"}, "gelu"), ({"approximate": "tanh"}, "gelu tanh")):
        report = _helper_model(tmp_path, [helper.make_node("Gelu", ["x"], ["y"], **attributes)], [], [1, 3, 4, 4],
                               opset=20)
        assert report.ok and [r.op for r in report.rows] == [op], attributes
    other = _helper_model(tmp_path, [helper.make_node("Gelu", ["x"], ["y"], approximate="erf")], [], [1, 3, 4, 4],
                          opset=20)
    assert [d.code for d in other.diagnostics if d.severity == "error"] == ["E070"]
    assert "approximate='erf'" in other.diagnostics[0].message


def test_steps_like_gelus_that_are_not_are_not_read_as_one(tmp_path: Path) -> None:
    # x·0.5·(1 + erf(x/2)) is no GELU (its Div is by 2, not √2), nor x·0.25·(1 + erf(x/√2)): their Erf stays
    # unread (E070), never a `gelu`
    onnx = _onnx()
    from onnx import TensorProto, helper

    def scalar(name: str, value: float) -> Any:
        return helper.make_node("Constant", [], [name], value=helper.make_tensor(name, TensorProto.FLOAT, [], [value]))

    for divisor, half in ((2.0, 0.5), (2 ** 0.5, 0.25), (2 ** 0.5, 0.5)):
        nodes = [scalar("root", divisor), scalar("one", 1.0), scalar("half", half),
                 helper.make_node("Div", ["x", "root"], ["d"]), helper.make_node("Erf", ["d"], ["e"]),
                 helper.make_node("Add", ["e", "one"], ["a"]), helper.make_node("Mul", ["x", "a"], ["m"]),
                 helper.make_node("Mul", ["m", "half"], ["y"])]
        graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 4, 4])],
                                  [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 3, 4, 4])])
        onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(tmp_path / "g.onnx"))
        report = analyze(tmp_path / "g.onnx")
        if half == 0.5 and divisor != 2.0:
            assert report.ok and [r.op for r in report.rows] == ["gelu"], report.messages()
        else:
            errors = [d for d in report.diagnostics if d.severity == "error"]
            assert [d.code for d in errors] == ["E070"] and "Erf" in errors[0].message
            assert "gelu" not in [r.op for r in report.rows]


def test_folded_constants_stay_small() -> None:
    # ConstantOfShape (4096, 1) plus ConstantOfShape (1, 4096) would broadcast to 16,777,216 values; the fold
    # refuses past 4,096 (a Pad reading it is then E070, as an unread constant is), where it made them all
    import numpy as np

    from cnncalc.diagnostics import DiagnosticSink
    from cnncalc.readers.onnx import SMALL_FOLD, _Reader
    reader = _Reader("", DiagnosticSink())
    reader.arrays = {"a": np.zeros((4096, 1)), "b": np.zeros((1, 4096)), "c": np.zeros((64, 1)), "d": np.zeros((1, 64))}
    assert SMALL_FOLD == 4096 and reader.fold("Add", {"inputs": ["a", "b"], "attrs": {}}) is None
    assert reader.fold("Concat", {"inputs": ["a", "a"], "attrs": {"axis": 0}}) is None
    assert reader.fold("Mul", {"inputs": ["c", "d"], "attrs": {}}).shape == (64, 64)  # 4,096 values: folded
    # a Gather of 128 rows of 64 values (8,192) neither; 64 rows of 64 are; a Shape and an Unsqueeze of constants
    reader.arrays.update({"m": np.zeros((64, 64)), "rows": np.zeros(128, dtype=np.int64), "half": np.arange(64)})
    assert reader.fold("Gather", {"inputs": ["m", "rows"], "attrs": {}}) is None
    assert reader.fold("Gather", {"inputs": ["m", "half"], "attrs": {}}).shape == (64, 64)
    assert reader.fold("Shape", {"inputs": ["b"], "attrs": {"start": 1}}).tolist() == [4096]
    assert reader.fold("Unsqueeze", {"inputs": ["c"], "attrs": {"axes": [0, -1]}}).shape == (1, 64, 1, 1)


def _helper_model(tmp_path: Path, nodes: list[Any], inits: list[Any], shape: list[int], opset: int = 17,
                  outputs: tuple[str, ...] = ("y",)) -> Any:
    """A model of `nodes` on an input x of `shape` (N, C, H, W), its `outputs` (y); analysed."""
    onnx = _onnx()
    from onnx import TensorProto, helper
    graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, shape)],
                              [helper.make_tensor_value_info(o, TensorProto.FLOAT, None) for o in outputs], inits)
    path = tmp_path / f"m{len(list(tmp_path.iterdir()))}.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)]), str(path))
    return analyze(path)


def _ints(name: str, values: list[int], shape: list[int] | None = None) -> Any:
    import numpy as np
    from onnx import numpy_helper
    return numpy_helper.from_array(np.array(values, np.int64).reshape(shape or [len(values)]), name)


def _floats(name: str, *shape: int) -> Any:
    import numpy as np
    from onnx import numpy_helper
    return numpy_helper.from_array(np.random.default_rng(0).standard_normal(shape).astype(np.float32), name)


def test_chunks_of_channels_that_do_not_divide_are_read_as_onnx_and_pytorch_cut_them(tmp_path: Path) -> None:
    # 7 channels in 2 chunks: ⌈7/2⌉ = 4, then the 3 left (PyTorch's x.chunk(2, 1); ONNX's Split of num_outputs 2,
    # "the last chunk smaller"), by the older exporter's bounds ((C + 1) / 2 · k) and the newer's Split; was E033.
    # Joined the other way round: 3 + 4 = 7 channels, the smaller part first. Before opset 18 a Split without sizes
    # is equal parts: 8 channels in 2 are 4 and 4; 7 are E033.
    _onnx()
    import numpy as np
    from onnx import helper
    from onnx.reference import ReferenceEvaluator
    size = [helper.make_node("Shape", ["x"], ["shape"]), helper.make_node("Gather", ["shape", "one"], ["c"], axis=0)]
    bounds = _helper_model(tmp_path, [
        *size, helper.make_node("Add", ["c", "one"], ["c1"]), helper.make_node("Div", ["c1", "two"], ["half"]),
        helper.make_node("Mul", ["half", "one"], ["end1"]), helper.make_node("Mul", ["half", "two"], ["end2"]),
        helper.make_node("Slice", ["x", "zero", "end1", "one"], ["first"]),
        helper.make_node("Slice", ["x", "end1", "end2", "one"], ["second"]),
        helper.make_node("Concat", ["second", "first"], ["y"], axis=1)],
        [_ints("one", [1]), _ints("two", [2]), _ints("zero", [0])], [1, 7, 6, 6])
    assert bounds.ok, bounds.messages()
    assert sorted((r.op, str(r.output)) for r in bounds.rows if r.keyword == "part") == [
        ("part 1 chunks 2", "6x6x4"), ("part 2 chunks 2", "6x6x3")]
    split_node = helper.make_node("Split", ["x"], ["a", "b"], axis=1, num_outputs=2)
    split = _helper_model(tmp_path, [split_node, helper.make_node("Concat", ["b", "a"], ["y"], axis=1)], [],
                          [1, 7, 6, 6], opset=18)
    assert split.ok and sorted((r.op, str(r.output)) for r in split.rows if r.keyword == "part") == [
        ("part 1 chunks 2", "6x6x4"), ("part 2 chunks 2", "6x6x3")]
    # ONNX's own reference evaluator cuts them so
    graph = helper.make_graph([split_node], "g", [helper.make_tensor_value_info("x", 1, [1, 7, 6, 6])],
                              [helper.make_tensor_value_info(o, 1, None) for o in ("a", "b")])
    a, b = ReferenceEvaluator(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)])).run(
        None, {"x": np.zeros((1, 7, 6, 6), np.float32)})
    assert (a.shape[1], b.shape[1]) == (4, 3)
    for channels in (8, 7):
        equal = _helper_model(tmp_path, [helper.make_node("Split", ["x"], ["a", "b"], axis=1),
                                         helper.make_node("Concat", ["b", "a"], ["y"], axis=1)], [],
                              [1, channels, 6, 6], opset=13)
        if channels == 8:
            assert equal.ok and sorted((r.op, str(r.output)) for r in equal.rows if r.keyword == "part") == [
                ("part 1 of 2", "6x6x4"), ("part 2 of 2", "6x6x4")], equal.messages()
        else:
            assert [d.code for d in equal.diagnostics if d.severity == "error"] == ["E033"] * 2, equal.messages()
            lines = {d.line for d in equal.diagnostics}  # (each part, at the Split's line of the listing)
            assert len(lines) == 1 and all("7 channels do not form 2 equal parts (7/2 = 3.5)" in d.message
                                           for d in equal.diagnostics)


def test_the_exporters_instance_norm_with_running_statistics(tmp_path: Path) -> None:
    # InstanceNorm2d(track_running_stats=True) in eval mode, as PyTorch 2.13's exporter writes it: the images' channels
    # side by side, Reshape to (1, -1, H, W), and a BatchNormalization of their running statistics. Of one image that
    # is its own map: `reshape 5x7` (the depth its values give, 3), then a batch norm of 3 channels: 2·3 learnt and
    # 2·3 running statistics. Of a batch of two the channels would mix the images: E070.
    _onnx()
    from onnx import helper
    nodes = [helper.make_node("Reshape", ["x", "shape"], ["r"]),
             helper.make_node("BatchNormalization", ["r", "g", "b", "m", "v"], ["y"], epsilon=1e-5)]
    inits = [_ints("shape", [1, -1, 5, 7]), _floats("g", 3), _floats("b", 3), _floats("m", 3), _floats("v", 3)]
    report = _helper_model(tmp_path, nodes, inits, [1, 3, 5, 7])
    assert report.ok, report.messages()
    assert report.rows[0].op == "reshape 5x7" and report.output is not None
    assert report.output.dims == (5, 7, 3)
    assert (report.totals.params, report.totals.non_trainable) == (2 * 3, 2 * 3)
    batched = _helper_model(tmp_path, nodes, inits, [2, 3, 5, 7])
    assert [d.code for d in batched.diagnostics if d.severity == "error"] == ["E070"]
    assert "a reshape to [1, -1, 5, 7]" in batched.diagnostics[0].message
    # the older exporter spreads each of the norm's vectors over the batch first: Expand to ConstantOfShape([1])
    # (ones), then Tile by [1]; for one image the same vectors (for two, a Tile by [2], E070)
    from onnx import TensorProto
    ones = helper.make_tensor("one", TensorProto.INT64, [1], [1])
    spread = [helper.make_node("ConstantOfShape", ["dims"], ["ones"], value=ones)]
    for vector in "gbmv":
        spread += [helper.make_node("Expand", [vector, "ones"], [f"{vector}e"]),
                   helper.make_node("Tile", [f"{vector}e", "repeats"], [f"{vector}t"])]
    tiled = [*spread, nodes[0], helper.make_node("BatchNormalization", ["r", "gt", "bt", "mt", "vt"], ["y"])]
    report = _helper_model(tmp_path, tiled, [*inits, _ints("dims", [1]), _ints("repeats", [1])], [1, 3, 5, 7])
    assert report.ok, report.messages()
    assert (report.totals.params, report.totals.non_trainable) == (2 * 3, 2 * 3)
    twice = _helper_model(tmp_path, tiled, [*inits, _ints("dims", [1]), _ints("repeats", [2])], [1, 3, 5, 7])
    assert [d.code for d in twice.diagnostics if d.severity == "error"] == ["E070"]


def test_a_chunk_of_the_channels_from_their_count_an_open_slice_and_an_equal_split(tmp_path: Path) -> None:
    # The older exporter writes x.chunk(2, 1) with bounds computed from x's size: Shape, Gather(1) = C,
    # (C + 1) / 2 · k; `int(x.size(1) * 0.5)` as Cast, Mul 0.5, Cast; x[:, 4:] ends at 2^63 - 1; the newer
    # exporter writes chunk as Split(num_outputs=2). ShuffleNet v2's exports stopped at each (E070).
    _onnx()
    from onnx import helper
    size = [helper.make_node("Shape", ["x"], ["shape"]), helper.make_node("Gather", ["shape", "one"], ["c"], axis=0)]
    chunk = _helper_model(tmp_path, [
        *size, helper.make_node("Add", ["c", "one"], ["c1"]), helper.make_node("Div", ["c1", "two"], ["half"]),
        helper.make_node("Mul", ["half", "one"], ["end1"]), helper.make_node("Mul", ["half", "two"], ["end2"]),
        helper.make_node("Slice", ["x", "zero", "end1", "one"], ["first"]),
        helper.make_node("Slice", ["x", "end1", "end2", "one"], ["second"]),
        helper.make_node("Conv", ["second", "w"], ["conv"], kernel_shape=[1, 1]),
        helper.make_node("Concat", ["first", "conv"], ["y"], axis=1)],
        [_ints("one", [1]), _ints("two", [2]), _ints("zero", [0]), _floats("w", 4, 4, 1, 1)], [1, 8, 6, 6])
    assert chunk.ok, chunk.messages()
    assert [r.op for r in chunk.rows if r.keyword == "part"] == ["part 1 chunks 2", "part 2 chunks 2"]
    assert chunk.output is not None and chunk.output.dims == (6, 6, 8) and chunk.totals.params == 4 * 4
    halved = _helper_model(tmp_path, [
        *size, helper.make_node("Cast", ["c"], ["cf"], to=1), helper.make_node("Mul", ["cf", "half"], ["h"]),
        helper.make_node("Cast", ["h"], ["end"], to=7), helper.make_node("Slice", ["x", "end", "big", "one"], ["y"])],
        [_ints("one", [1]), _ints("big", [2 ** 63 - 1]),
         __import__("onnx").numpy_helper.from_array(__import__("numpy").array([0.5], "float32"), "half")], [1, 8, 6, 6])
    assert halved.ok and [r.op for r in halved.rows] == ["part 2 of 2"] and halved.output.dims == (6, 6, 4)
    opened = _helper_model(tmp_path, [helper.make_node("Slice", ["x", "four", "big", "one"], ["y"])],
                           [_ints("one", [1]), _ints("four", [4]), _ints("big", [2 ** 63 - 1])], [1, 10, 6, 6])
    assert opened.ok and [r.op for r in opened.rows] == ["slice 4:"] and opened.output.dims == (6, 6, 6)
    split = _helper_model(tmp_path, [helper.make_node("Split", ["x"], ["a", "b"], axis=1, num_outputs=2),
                                     helper.make_node("Add", ["a", "b"], ["y"])], [], [1, 8, 6, 6], opset=18)
    assert split.ok and [r.op for r in split.rows if r.keyword == "part"] == ["part 1 chunks 2", "part 2 chunks 2"]
    assert split.output is not None and split.output.dims == (6, 6, 4)
    # a Split into listed sizes: slices, the first holding the sizes' sum (ONNX's sizes add up to the axis, 3 + 5 = 8):
    # the parts 6x6x3 and 6x6x5 joined back in the other order, 8 channels; on 8 channels sizes 3 + 3 are E017
    for sizes, channels in (([3, 5], 8), ([3, 3], 8)):
        listed = _helper_model(tmp_path, [helper.make_node("Split", ["x", "sizes"], ["a", "b"], axis=1),
                                          helper.make_node("Concat", ["b", "a"], ["y"], axis=1)],
                               [_ints("sizes", sizes)], [1, channels, 6, 6], opset=13)
        if sum(sizes) == channels:
            assert listed.ok, listed.messages()
            assert sorted(r.op for r in listed.rows if r.keyword == "slice") == ["slice 0:3 inputs 8", "slice 3:8"]
            assert listed.output is not None and listed.output.dims == (6, 6, 5 + 3)
        else:
            assert [d.code for d in listed.diagnostics if d.severity == "error"] == ["E017"]
            assert "written for 6 input channels but receives 8" in listed.diagnostics[0].message
    # bounds from another tensor's size, or a third of the channels to the end, are no part: E070
    other = _helper_model(tmp_path, [
        helper.make_node("Shape", ["x"], ["shape"]), helper.make_node("Gather", ["shape", "one"], ["c"], axis=0),
        helper.make_node("Div", ["c", "three"], ["third"]), helper.make_node("Slice", ["x", "third", "big", "one"],
                                                                             ["y"])],
        [_ints("one", [1]), _ints("three", [3]), _ints("big", [2 ** 63 - 1])], [1, 9, 6, 6])
    assert [d.code for d in other.diagnostics if d.severity == "error"] == ["E070"]


def test_a_channels_last_block_layer_norms_and_matmuls_on_the_channels(tmp_path: Path) -> None:
    # ConvNeXt exported: Transpose to N, H, W, C; LayerNormalization over the last axis (the channels);
    # MatMul + Add (the older exporter writes Add(bias, x)) on the channels at each position: a 1x1 conv;
    # Transpose back; the learnt layer scale a Mul by a (C, 1, 1) initializer (identity with N071: ONNX does
    # not say it is learnt); the newer exporter's pooled map as Reshape(-1) and a Gather of every value.
    _onnx()
    import numpy as np
    from onnx import helper, numpy_helper
    c = 8
    nodes = [helper.make_node("Conv", ["x", "dw", "dwb"], ["d"], kernel_shape=[3, 3], pads=[1, 1, 1, 1], group=c),
             helper.make_node("Transpose", ["d"], ["t"], perm=[0, 2, 3, 1]),
             helper.make_node("LayerNormalization", ["t", "g", "b"], ["n"], axis=-1, epsilon=1e-6),
             helper.make_node("MatMul", ["n", "w1"], ["m1"]), helper.make_node("Add", ["b1", "m1"], ["l1"]),
             helper.make_node("Gelu", ["l1"], ["a"]),
             helper.make_node("MatMul", ["a", "w2"], ["m2"]), helper.make_node("Add", ["m2", "b2"], ["l2"]),
             helper.make_node("Transpose", ["l2"], ["back"], perm=[0, 3, 1, 2]),
             helper.make_node("Mul", ["scale", "back"], ["s"]), helper.make_node("Add", ["s", "x"], ["r"]),
             helper.make_node("ReduceMean", ["r", "axes"], ["p"], keepdims=1),
             helper.make_node("Reshape", ["p", "minus"], ["flat"]),
             helper.make_node("Gather", ["flat", "every"], ["map"], axis=0),
             helper.make_node("Flatten", ["map"], ["f"]), helper.make_node("Gemm", ["f", "fc", "fcb"], ["y"], transB=1)]
    inits = [_floats("dw", c, 1, 3, 3), _floats("dwb", c), _floats("g", c), _floats("b", c),
             _floats("w1", c, 4 * c), _floats("b1", 4 * c), _floats("w2", 4 * c, c), _floats("b2", c),
             _floats("scale", c, 1, 1), _ints("axes", [2, 3]), _ints("minus", [-1]),
             numpy_helper.from_array(np.arange(c, dtype=np.int64).reshape(1, c, 1, 1), "every"),
             _floats("fc", 10, c), _floats("fcb", 10)]
    report = _helper_model(tmp_path, nodes, inits, [1, c, 5, 5], opset=18)
    assert not [d for d in report.diagnostics if d.severity == "error"], report.messages()
    ops = [r.op for r in report.rows if r.kind == "layer"]
    assert ops[1:5] == ["layernorm eps 1e-06 inputs 8", "conv 32 1x1 inputs 8", "gelu", "conv 8 1x1 inputs 32"], ops
    assert [d.code for d in report.diagnostics] == ["N071"]  # the layer scale: not counted, and said so
    # dw 9·8 + 8 = 80; norm 2·8 = 16; (8 + 1)·32 = 288; (32 + 1)·8 = 264; the head (8 + 1)·10 = 90
    assert report.totals.params == 80 + 16 + 288 + 264 + 90
    # on the 5x5 map: dw 25·8·9 = 1,800; 25·8·32 = 6,400 twice; the head 8·10 = 80
    assert report.totals.macs == 1800 + 2 * 6400 + 80
    assert report.output is not None and report.output.dims == (10,)
    # a convolution on the channels-last view, or a layer norm over a map's last axis (its width): refused
    wrong = _helper_model(tmp_path, [helper.make_node("Transpose", ["x"], ["t"], perm=[0, 2, 3, 1]),
                                     helper.make_node("Conv", ["t", "dw"], ["y"], kernel_shape=[3, 3], group=c)],
                          [_floats("dw", c, 1, 3, 3)], [1, c, 5, 5])
    [e] = [d for d in wrong.diagnostics if d.severity == "error"]
    assert e.code == "E070" and "Conv (on a channels-last view" in e.message
    assert (e.line, e.column) == (5, 1)  # the Conv's line: the header, the input, the initializer, the Transpose
    width = _helper_model(tmp_path, [helper.make_node("LayerNormalization", ["x", "g", "b"], ["y"], axis=-1)],
                          [_floats("g", 5), _floats("b", 5)], [1, c, 5, 5])
    assert [d.code for d in width.diagnostics if d.severity == "error"] == ["E037"]


@pytest.mark.torch
@pytest.mark.parametrize("name, size", [("channels_last_blocks.py", (3, 32, 32)), ("split_shuffle.py", (3, 4, 4)),
                                        ("shuffle_units.py", (3, 32, 32)), ("unet_pad.py", (3, 37, 37)),
                                        ("cifar_option_a.py", (3, 32, 32)), ("volume_norms.py", (3, 32, 32))])
@pytest.mark.parametrize("dynamo", [False, True])
def test_pytorch_exports_of_the_reader_fixtures_read_back(name: str, size: tuple[int, int, int], dynamo: bool,
                                                          tmp_path: Path) -> None:
    # Both of PyTorch's exporters, on the PyTorch reader's own fixtures (ConvNeXt blocks, ShuffleNet units
    # with chunks and shuffles, a U-Net padding odd sizes): cnncalc's MACs and output are PyTorch's.
    _onnx()
    if dynamo:  # the newer exporter needs onnxscript (CI installs it)
        __import__("onnxscript") if os.environ.get("CNNCALC_REQUIRE_ONNX") else pytest.importorskip("onnxscript")
    from tests.test_pytorch_export import _torch
    from tests.test_readers_pytorch import FIXTURES as CODE
    torch = _torch()
    from torch.utils.flop_counter import FlopCounterMode
    namespace: dict[str, Any] = {"__name__": "fixture"}
    exec(compile((CODE / name).read_text(), name, "exec"), namespace)
    built = namespace.get("model") or (namespace["small"]() if "small" in namespace else None)
    cls = [v for v in namespace.values() if isinstance(v, type) and issubclass(v, torch.nn.Module)][-1]
    model = (built if isinstance(built, torch.nn.Module) else cls()).eval()
    torch.manual_seed(0)
    with torch.no_grad():
        for p in model.parameters():
            p.normal_(0, 0.1)  # distinct values: an exporter shares equal initializers
    x = torch.zeros(1, *size)
    with FlopCounterMode(display=False) as counter:
        y = model(x)
    import contextlib
    import io
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        torch.onnx.export(model, (x,), str(tmp_path / "m.onnx"), dynamo=dynamo)
    report = analyze(tmp_path / "m.onnx")
    assert not [d for d in report.diagnostics if d.severity == "error"], report.messages()[:3]
    assert report.totals.macs == counter.get_total_flops() // 2
    assert report.output is not None
    dims = report.output.dims
    assert tuple(y.shape[1:]) == (dims if len(dims) == 1 else (dims[2], dims[0], dims[1]))  # N x C x H x W


def test_an_open_height_and_width_asks_for_the_input(tmp_path: Path) -> None:
    # An export with dynamic_axes leaves H and W as names: they were read as 1, and the network analysed
    # at 1x1 with exit 0 (a 3x3 conv, padded, "gave" 1x1x8). Now E072 asks for --input, which reads it.
    onnx = _onnx()
    from onnx import TensorProto, helper
    graph = helper.make_graph([helper.make_node("Conv", ["x", "w"], ["y"], kernel_shape=[3, 3], pads=[1, 1, 1, 1])],
                              "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["n", 3, "h", "w"])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)], [_floats("w", 8, 3, 3, 3)])
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(tmp_path / "m.onnx"))
    [error] = [d for d in analyze(tmp_path / "m.onnx").diagnostics if d.severity == "error"]
    assert error.code == "E072" and error.hint is not None
    assert error.hint.endswith("; or export it with a fixed height and width (no `dynamic_axes` on them)")
    report = analyze(tmp_path / "m.onnx", input="32x32x3")
    assert report.ok and report.output is not None and report.output.dims == (32, 32, 8)  # (32 - 3 + 2)/1 + 1
    assert report.totals.macs == 32 * 32 * 8 * 27


def test_tensors_kept_in_a_file_beside_the_model_are_read_from_there(tmp_path: Path) -> None:
    # torch.onnx.export's newer exporter writes tensors to `m.onnx.data` beside the model. Reading a small
    # one (a Reshape's shape) from another directory raised onnx's ValidationError: "internal error".
    onnx = _onnx()
    from onnx import TensorProto, helper
    nodes = [helper.make_node("Conv", ["x", "w"], ["c"], kernel_shape=[3, 3]),
             helper.make_node("Reshape", ["c", "shape"], ["y"])]
    graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 6, 6])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
                              [_floats("w", 4, 3, 3, 3), _ints("shape", [1, -1])])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    onnx.save(model, str(tmp_path / "m.onnx"), save_as_external_data=True, all_tensors_to_one_file=True,
              location="m.onnx.data", size_threshold=0)
    assert Path.cwd() != tmp_path
    report = analyze(tmp_path / "m.onnx")
    assert report.ok, report.messages()
    assert report.output is not None and report.output.dims == (4 * 4 * 4,) and report.totals.params == 4 * 27
    (tmp_path / "m.onnx.data").unlink()  # without it, the shape is unknown: a located E070, not a traceback
    assert [d.code for d in analyze(tmp_path / "m.onnx").diagnostics if d.severity == "error"] == ["E070"]


def test_a_missing_operand_of_constant_arithmetic_is_no_traceback(tmp_path: Path) -> None:
    # Found by mutating exported models' listings: a Reshape of constants with its shape operand left empty
    # ("", which ONNX allows for optional inputs) raised AttributeError out of the reader.
    _onnx()
    from onnx import helper
    report = _helper_model(tmp_path, [helper.make_node("Constant", [], ["s"], value_ints=[1, 2]),
                                      helper.make_node("Reshape", ["s", ""], ["r"]),
                                      helper.make_node("Conv", ["x", "w"], ["y"], kernel_shape=[1, 1])],
                           [_floats("w", 2, 3, 1, 1)], [1, 3, 4, 4])
    assert [d.code for d in report.diagnostics] == ["E070"] and "Reshape" in report.diagnostics[0].message


def test_a_resize_with_aligned_corners_is_aligned(tmp_path: Path) -> None:
    # PyTorch exports nn.Upsample(mode='bilinear', align_corners=True) as Resize with
    # coordinate_transformation_mode="align_corners": `upsample 2 aligned`, not plain bilinear.
    _onnx()
    import numpy as np
    from onnx import helper, numpy_helper
    scales = numpy_helper.from_array(np.array([1, 1, 2, 2], np.float32), "scales")
    for mode, read in (("align_corners", "upsample 2 aligned"), ("pytorch_half_pixel", "upsample 2 bilinear")):
        report = _helper_model(tmp_path, [helper.make_node("Resize", ["x", "", "scales"], ["y"], mode="linear",
                                                           coordinate_transformation_mode=mode)],
                               [scales], [1, 3, 4, 5])
        assert report.ok and [r.op for r in report.rows] == [read] and report.output.dims == (8, 10, 3)


def test_a_per_channel_constant_on_a_channels_last_view(tmp_path: Path) -> None:
    # timm's ConvNeXt scales by its gamma of shape (C,) while the map is channels last: one value per
    # channel on the last axis (N071, as the same on N x C x H x W); a constant along another axis is E070.
    _onnx()
    from onnx import helper
    def block(scale: Any) -> Any:
        return _helper_model(tmp_path, [helper.make_node("Transpose", ["x"], ["t"], perm=[0, 2, 3, 1]),
                                        helper.make_node("Mul", ["t", "gamma"], ["s"]),
                                        helper.make_node("Transpose", ["s"], ["y"], perm=[0, 3, 1, 2])],
                             [scale], [1, 6, 4, 5])
    per_channel = block(_floats("gamma", 6))
    assert per_channel.ok and [d.code for d in per_channel.diagnostics] == ["N071"]
    assert per_channel.output is not None and per_channel.output.dims == (4, 5, 6)
    assert [r.op for r in per_channel.rows] == ["identity inputs 6"]
    # one value for each of 4 channels does not broadcast against 6 (ONNX's broadcasting, as NumPy's): E017 at the Mul,
    # which was read as the identity
    other = block(_floats("gamma", 4))
    [note] = [d for d in other.diagnostics if d.code == "N071"]  # (at the Mul's line of the listing)
    assert [(d.code, d.line) for d in other.diagnostics if d.severity == "error"] == [("E017", note.line)]
    assert "written for 4 input channels but receives 6" in other.diagnostics[-1].message
    scalar = block(_floats("gamma", 1))
    assert scalar.ok and [r.op for r in scalar.rows] == ["identity"]
    along_width = block(_floats("gamma", 5, 1))
    assert [d.code for d in along_width.diagnostics if d.severity == "error"] == ["E070"]


def test_a_constant_nodes_axes_are_its_own(tmp_path: Path) -> None:
    # The older exporter writes a buffer `torch.tensor([...]).view(1, 3, 1, 1)` as a Constant node of dims 1x3x1x1:
    # one value per channel (`identity inputs 3`, N071), not a vector of 3 along the width (it was E070)
    _onnx()
    import numpy as np
    from onnx import helper, numpy_helper
    mean = numpy_helper.from_array(np.array([0.1, 0.2, 0.3], np.float32).reshape(1, 3, 1, 1))
    report = _helper_model(tmp_path, [helper.make_node("Constant", [], ["mean"], value=mean),
                                      helper.make_node("Sub", ["x", "mean"], ["y"])], [], [1, 3, 5, 6])
    assert report.ok, report.messages()
    assert [r.op for r in report.rows] == ["identity inputs 3"] and [d.code for d in report.diagnostics] == ["N071"]
    along = numpy_helper.from_array(np.zeros((1, 1, 1, 6), np.float32))
    other = _helper_model(tmp_path, [helper.make_node("Constant", [], ["w"], value=along),
                                     helper.make_node("Sub", ["x", "w"], ["y"])], [], [1, 3, 5, 6])
    assert [d.code for d in other.diagnostics if d.severity == "error"] == ["E070"]
    assert "[1, 1, 1, 6]" in other.diagnostics[0].message


def test_sub_mean_max_and_min_of_computed_maps_are_merges(tmp_path: Path) -> None:
    # Sub of two computed maps, Mean, Max and Min (any number of operands) were E070. A 1x1 convolution of
    # 3 -> 4 channels (3·4 + 4 = 16) on 5x5, joined with itself and a ReLU of it: no parameters of their own.
    _onnx()
    from onnx import helper
    nodes = [helper.make_node("Conv", ["x", "w", "b"], ["c"], kernel_shape=[1, 1]),
             helper.make_node("Relu", ["c"], ["r"]),
             helper.make_node("Sub", ["c", "r"], ["d"]),
             helper.make_node("Mean", ["d", "c", "r"], ["m"]),
             helper.make_node("Max", ["m", "r"], ["u"]),
             helper.make_node("Min", ["u", "c", "d"], ["y"])]
    report = _helper_model(tmp_path, nodes, [_floats("w", 4, 3, 1, 1), _floats("b", 4)], [1, 3, 5, 5])
    assert report.ok, report.messages()
    assert [r.op for r in report.rows if r.kind in ("sub", "avg", "max", "min")] == [
        "sub of 2", "avg of 3", "max of 2", "min of 3"]
    assert report.totals.params == 16 and report.output is not None and report.output.dims == (5, 5, 4)
    # with a constant operand, Max is a clamp of the values, no join: named
    clamp = _helper_model(tmp_path, [helper.make_node("Max", ["x", "zero"], ["y"])], [_floats("zero", 1)],
                          [1, 3, 5, 5])
    assert [d.code for d in clamp.diagnostics if d.severity == "error"] == ["E070"]


@pytest.mark.torch
def test_pytorch_exports_of_maps_joined_value_by_value_read_back(tmp_path: Path) -> None:
    # a - b, torch.maximum and torch.minimum exported by PyTorch's older exporter: Sub, Max, Min
    _onnx()
    from tests.test_pytorch_export import _torch
    torch = _torch()

    class Joins(torch.nn.Module):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.a, self.b = torch.nn.Conv2d(3, 4, 3, padding=1), torch.nn.Conv2d(3, 4, 1)

        def forward(self, x: Any) -> Any:
            a, b = self.a(x), self.b(x)
            return torch.minimum(torch.maximum(a - b, b), a)

    import contextlib
    import io
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        torch.onnx.export(Joins().eval(), (torch.zeros(1, 3, 8, 8),), str(tmp_path / "j.onnx"), dynamo=False)
    report = analyze(tmp_path / "j.onnx")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows if r.kind in ("sub", "max", "min")] == ["sub of 2", "max of 2", "min of 2"]
    assert report.totals.params == (27 + 1) * 4 + (3 + 1) * 4 and report.output.dims == (8, 8, 4)


def test_a_resize_to_another_maps_height_and_width_is_a_resample(tmp_path: Path) -> None:
    # PyTorch's older exporter writes F.interpolate(y, size=x.shape[-2:]) with x's height and width dynamic as a
    # Resize whose sizes are Concat(Slice(Shape(y), 0:2), Cast(Concat(Unsqueeze(Gather(Shape(x), 2)), Unsqueeze(
    # Gather(Shape(x), 3))))): y resampled to x's size, whatever it is. On 9x7: a 3x3 stride-2 conv, padded by 1,
    # gives (9 - 3 + 2)/2 + 1 = 5 by 4, resampled back to 9x7; 8 maps of (27 + 1) parameters.
    _onnx()
    from onnx import helper
    nodes = [helper.make_node("Conv", ["x", "w", "b"], ["c"], kernel_shape=[3, 3], pads=[1, 1, 1, 1], strides=[2, 2]),
             helper.make_node("Shape", ["x"], ["sx"]), helper.make_node("Shape", ["c"], ["sy"]),
             helper.make_node("Gather", ["sx", "two"], ["h"]), helper.make_node("Gather", ["sx", "three"], ["w_"]),
             helper.make_node("Unsqueeze", ["h", "zero"], ["h1"]),
             helper.make_node("Unsqueeze", ["w_", "zero"], ["w1"]),
             helper.make_node("Concat", ["h1", "w1"], ["hw"], axis=0), helper.make_node("Cast", ["hw"], ["hw64"], to=7),
             helper.make_node("Slice", ["sy", "zero", "two", "zero"], ["nc"]),
             helper.make_node("Concat", ["nc", "hw64"], ["sizes"], axis=0)]
    inits = [_floats("w", 8, 3, 3, 3), _floats("b", 8), _ints("two", [2], []), _ints("three", [3], []),
             _ints("zero", [0])]
    for mode, extra, written in (("linear", {}, "resample bilinear of 2"), ("nearest", {}, "resample of 2"),
                                 ("linear", {"coordinate_transformation_mode": "align_corners"},
                                  "resample aligned of 2")):
        resize = helper.make_node("Resize", ["c", "", "", "sizes"], ["out"], mode=mode, **extra)
        report = _helper_model(tmp_path, [*nodes, resize, helper.make_node("Relu", ["out"], ["y"])], inits,
                               [1, 3, 9, 7])
        assert report.ok, report.messages()
        assert [r.op for r in report.rows if r.kind == "resample"] == [written]
        assert report.output is not None and report.output.dims == (9, 7, 8)
        assert report.totals.params == (27 + 1) * 8 and report.totals.macs == 5 * 4 * 8 * 27
    # the height of one map and the width of another: not followed (E070)
    mixed = [*nodes[:3], helper.make_node("Gather", ["sx", "two"], ["h"]),
             helper.make_node("Gather", ["sy", "three"], ["w_"]), *nodes[5:]]
    report = _helper_model(tmp_path, [*mixed, helper.make_node("Resize", ["c", "", "", "sizes"], ["y"], mode="linear")],
                           inits, [1, 3, 9, 7])
    [e] = [d for d in report.diagnostics if d.severity == "error"]
    assert e.code == "E070" and "Resize (sizes computed from a map's other than its height and width)" in e.message


@pytest.mark.torch
@pytest.mark.parametrize("dynamic", [False, True])
def test_a_segmentation_head_exported_reads_back_at_any_size(dynamic: bool, tmp_path: Path) -> None:
    # A head that returns to the input's size, as torchvision's segmentation models do, exported with a fixed size
    # (a `resize` to it) and with dynamic height and width (a `resample` to the input, read at any --input):
    # cnncalc's MACs and output are PyTorch's at 11x13, a size it was not exported at.
    _onnx()
    from tests.test_pytorch_export import _torch
    torch = _torch()
    from torch.utils.flop_counter import FlopCounterMode

    class Head(torch.nn.Module):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.down = torch.nn.Conv2d(3, 6, 3, stride=2, padding=1)
            self.classify = torch.nn.Conv2d(6, 4, 1)

        def forward(self, x: Any) -> Any:
            y = self.classify(torch.relu(self.down(x)))
            return {"out": torch.nn.functional.interpolate(y, size=x.shape[-2:], mode="bilinear", align_corners=False)}

    import contextlib
    import io
    size = (11, 13) if dynamic else (9, 7)
    axes = {"dynamic_axes": {"x": {2: "h", 3: "w"}}} if dynamic else {}
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        torch.onnx.export(Head().eval(), (torch.zeros(1, 3, 9, 7),), str(tmp_path / "h.onnx"), input_names=["x"],
                          dynamo=False, **axes)
    with FlopCounterMode(display=False) as counter:
        y = Head().eval()(torch.zeros(1, 3, *size))["out"]
    report = analyze(tmp_path / "h.onnx", input=f"{size[0]}x{size[1]}x3" if dynamic else None)
    assert report.ok, report.messages()
    assert [r.kind for r in report.rows if r.kind in ("resample", "layer") and "resize" in r.op] == \
        ([] if dynamic else ["layer"])
    assert report.totals.macs == counter.get_total_flops() // 2
    assert report.output is not None and (report.output.dims[2], *report.output.dims[:2]) == tuple(y.shape[1:])


def test_a_slice_of_height_and_width_from_their_edges_is_a_crop(tmp_path: Path) -> None:
    # PyTorch exports `y[:, :, 3:-2, 2:]` as a Slice of axis 2 from 3 to -2 and one of axis 3 from 2 to 2^63 - 1
    # (past the end), or one Slice of both axes: on 9x7 padded by 10 (a 3x3 conv: 27x25), rows 3 to 27 - 2 and
    # columns 2 on: 22x23, then the last 5 columns cut: 22x18 (PyTorch's own result, checked when it was written).
    _onnx()
    from onnx import helper
    conv = helper.make_node("Conv", ["x", "w", "b"], ["c"], kernel_shape=[3, 3], pads=[10, 10, 10, 10])
    inits = [_floats("w", 4, 3, 3, 3), _floats("b", 4), _ints("s", [3, 2]), _ints("e", [-2, 2 ** 63 - 1]),
             _ints("a", [2, 3]), _ints("s2", [0]), _ints("e2", [-5]), _ints("a2", [-1])]
    both = [conv, helper.make_node("Slice", ["c", "s", "e", "a"], ["t"]),
            helper.make_node("Slice", ["t", "s2", "e2", "a2"], ["y"])]
    report = _helper_model(tmp_path, both, inits, [1, 3, 9, 7])
    assert report.ok, report.messages()
    assert [r.op for r in report.rows][1:] == ["crop 3,2,2,0", "crop 0,0,0,5"]
    assert report.output is not None and report.output.dims == (22, 18, 4)
    # both ends counted from the start (what a fixed-size export of `y[:, :, 3:3 + x.size(2), 2:2 + x.size(3)]`
    # writes): rows 3 to 11 and columns 2 to 8 of the 27x25, a 9x7 `region` at 3x2; one end counted from the start
    # and the other from the edge needs the map's size: E070, saying so
    fixed = [conv, helper.make_node("Slice", ["c", "s", "far2", "a"], ["y"])]
    report = _helper_model(tmp_path, fixed, [*inits, _ints("far2", [12, 9])], [1, 3, 9, 7])
    assert report.ok and [r.op for r in report.rows][1:] == ["region 9x7 at 3x2"], report.messages()
    assert report.output is not None and report.output.dims == (9, 7, 4)
    mixed = [conv, helper.make_node("Slice", ["c", "s", "far2", "a"], ["y"])]
    report = _helper_model(tmp_path, mixed, [*inits, _ints("far2", [12, -1])], [1, 3, 9, 7])
    [e] = [d for d in report.diagnostics if d.severity == "error"]
    assert e.code == "E070" and "from its edges and of the other to a row or column counted from the start" in \
        e.message
    assert where(report) == [("E070", _listed_line(report, '"op": "Slice"'), 1)]


@pytest.mark.torch
def test_a_crop_to_another_maps_size_exported_with_dynamic_sizes_is_a_fit_at(tmp_path: Path) -> None:
    # PyTorch's older exporter writes `y[:, :, 3:3 + x.size(2), 2:2 + x.size(3)]` with x's height and width dynamic
    # as a Slice of axis 2 ending at Add(Gather(Shape(x), 2), 3), then one of axis 3: y cropped from row 3 and
    # column 2 to x's size, read at any --input. On 11x13: 11 + 20 - 2 = 29 by 31, cropped to 11x13 (PyTorch's
    # output, below). Rows alone cropped, then a channel slice, is not a crop cnncalc can write: E070, not a guess.
    _onnx()
    from tests.test_pytorch_export import _torch
    torch = _torch()

    class Crop(torch.nn.Module):  # type: ignore[misc]
        def __init__(self, both: bool) -> None:
            super().__init__()
            self.conv = torch.nn.Conv2d(3, 4, 3, padding=10)
            self.both = both

        def forward(self, x: Any) -> Any:
            y = self.conv(x)
            if self.both:
                return torch.relu(y[:, :, 3:3 + x.size(2), 2:2 + x.shape[3]])
            return y[:, :, 3:3 + x.size(2)][:, 0:2]

    import contextlib
    import io
    for both in (True, False):
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            torch.onnx.export(Crop(both).eval(), (torch.zeros(1, 3, 9, 7),), str(tmp_path / "c.onnx"),
                              input_names=["x"], dynamo=False, dynamic_axes={"x": {2: "h", 3: "w"}})
        report = analyze(tmp_path / "c.onnx", input="11x13x3")
        if both:
            assert report.ok, report.messages()
            assert [r.op for r in report.rows if r.kind == "fit"] == ["fit at 3x2 of 2"]
            y = Crop(True).eval()(torch.zeros(1, 3, 11, 13))
            assert report.output is not None and (report.output.dims[2], *report.output.dims[:2]) == tuple(y.shape[1:])
        else:
            [e] = [d for d in report.diagnostics if d.severity == "error"]
            assert e.code == "E070" and "a crop of the height alone, or the width alone" in e.message


def test_a_strided_slice_and_a_pad_of_the_channels_are_option_as_shortcut(tmp_path: Path) -> None:
    # PyTorch exports `F.pad(x[:, :, ::2, ::2], (0, 0, 0, 0, 8, 8))` as Slices of axes 2 and 3 from 0 past the end by
    # step 2 and a Pad of [0, 8, 0, 0, 0, 8, 0, 0] (N, C, H, W begins, then ends). On 9x7x16: (9 - 1)/2 + 1 = 5 rows,
    # (7 - 1)/2 + 1 = 4 columns, 8 + 16 + 8 = 32 channels. From row 1 by step 3: 8 rows left, (8 - 1)/3 + 1 = 3.33,
    # 3 of them; a Pad of the map and the channels at once: 3 + 1 + 2 rows, 7 + 0 + 1 columns, 0 + 16 + 4 channels
    _onnx()
    from onnx import helper
    end = 2 ** 63 - 1
    inits = [_ints("s", [0, 0]), _ints("e", [end, end]), _ints("a", [2, 3]), _ints("k", [2, 2]),
             _ints("p", [0, 8, 0, 0, 0, 8, 0, 0]), _ints("s1", [1]), _ints("e1", [end]), _ints("a1", [-2]),
             _ints("k1", [3]), _ints("p1", [0, 0, 1, 0, 0, 4, 2, 1])]
    nodes = [helper.make_node("Slice", ["x", "s", "e", "a", "k"], ["t"]), helper.make_node("Pad", ["t", "p"], ["y"])]
    report = _helper_model(tmp_path, nodes, inits, [1, 16, 9, 7])
    assert not [d for d in report.diagnostics if d.severity == "error"], report.messages()
    assert [(r.op, str(r.output)) for r in report.rows] == [("maxpool 1x1 stride 2 floor", "5x4x16"),
                                                            ("padchannels 8", "5x4x32")]
    nodes = [helper.make_node("Slice", ["x", "s1", "e1", "a1", "k1"], ["t"]),
             helper.make_node("Pad", ["t", "p1"], ["y"])]
    report = _helper_model(tmp_path, nodes, inits, [1, 16, 9, 7])
    assert [(r.op, str(r.output)) for r in report.rows] == [
        ("crop 1,0,0,0", "8x7x16"), ("maxpool 1x1 stride 3x1 floor", "3x7x16"), ("zeropad 1,2,0,1", "6x8x16"),
        ("padchannels 0 after 4", "6x8x20")]
    # the channels padded by reflection, or a step of 0: E070, at the operator's line
    for node, more in ((helper.make_node("Pad", ["x", "p"], ["y"], mode="reflect"), []),
                       (helper.make_node("Slice", ["x", "s1", "e1", "a1", "z"], ["y"]), [_ints("z", [0])])):
        [e] = [d for d in _helper_model(tmp_path, [node], inits + more, [1, 16, 9, 7]).diagnostics
               if d.severity == "error"]
        assert e.code == "E070" and (e.line, e.column) == (len(inits + more) + 3, 1), (e.line, e.message)


def test_a_pad_that_wraps_around_is_circularpad(tmp_path: Path) -> None:
    # opset 19's Pad mode wrap (PyTorch's circular padding): on 9x7, pads [0, 0, 1, 2, 0, 0, 3, 0]: 1 + 9 + 3 = 13
    # rows, 2 + 7 + 0 = 9 columns
    _onnx()
    from onnx import helper
    report = _helper_model(tmp_path, [helper.make_node("Pad", ["x", "p"], ["y"], mode="wrap")],
                           [_ints("p", [0, 0, 1, 2, 0, 0, 3, 0])], [1, 4, 9, 7], opset=19)
    assert report.ok, report.messages()
    assert [(r.op, str(r.output)) for r in report.rows] == [("circularpad 1,3,2,0", "13x9x4")]


@pytest.mark.torch
@pytest.mark.parametrize("pad", [(1, 2, 3, 1), (0, 1, 2, 0)])
def test_a_circular_padding_written_out_by_the_older_exporter_is_circularpad(pad: tuple[int, ...],
                                                                             tmp_path: Path) -> None:
    # The older exporter writes CircularPad2d((left, right, top, bottom)) and a convolution's padding_mode='circular'
    # as Slices and Concats: the last `top` rows, the map, its first `bottom` rows along the height, then the same
    # along the width (a side of none left out; of none at all, a Concat of the map alone). It was E070. On 6x7 with
    # the pad, then Conv2d(2, 3, 3), one with circular padding (1, 2) and a 1x1 with none: the sizes torch gives,
    # parameters (2·9 + 1)·3 = 57, (3·9 + 1)·4 = 112 and (4 + 1)·4 = 20, MACs as FlopCounterMode counts them
    from tests.test_pytorch_export import _torch
    torch = _torch()
    from torch.utils.flop_counter import FlopCounterMode
    nn = torch.nn
    left, right, top, bottom = pad
    model = nn.Sequential(nn.CircularPad2d(pad), nn.Conv2d(2, 3, 3),
                          nn.Conv2d(3, 4, 3, padding=(1, 2), padding_mode="circular"),
                          nn.Conv2d(4, 4, 1, padding_mode="circular")).eval()  # of none: a Concat of the map alone
    x = torch.rand(1, 2, 6, 7)
    with FlopCounterMode(display=False) as counter:
        y = model(x)
    report = _exported_and_read(model, x, tmp_path / "m.onnx", False)
    assert [r.op for r in report.rows if r.keyword == "circularpad"] == [
        f"circularpad {top},{bottom},0,0", f"circularpad 0,0,{left},{right}", "circularpad 1x0", "circularpad 0x2"]
    assert report.totals.params == sum(p.numel() for p in model.parameters()) == 57 + 112 + 20
    assert report.totals.macs == counter.get_total_flops() // 2
    assert report.output is not None and report.output.dims == (y.shape[2], y.shape[3], y.shape[1])


def _exported_and_read(model: Any, x: Any, path: Path, dynamo: bool, opset: int | None = None,
                       folding: bool = True) -> Any:
    """`_exported`: the report, with no error in it."""
    report = _exported(model, x, path, dynamo, opset, folding)
    assert not [d for d in report.diagnostics if d.severity == "error"], report.messages()[:3]
    return report


def _exported(model: Any, x: Any, path: Path, dynamo: bool, opset: int | None = None, folding: bool = True) -> Any:
    """`model` run on `x` exported by PyTorch's older exporter or (with onnxscript, which CI installs) its newer one,
    quietly (at `opset`, else the exporter's own; the older one without constant folding unless `folding`), then
    read: the report."""
    _onnx()
    if dynamo:
        __import__("onnxscript") if os.environ.get("CNNCALC_REQUIRE_ONNX") else pytest.importorskip("onnxscript")
    from tests.test_pytorch_export import _torch
    torch = _torch()
    import contextlib
    import io
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        torch.onnx.export(model, (x,), str(path), dynamo=dynamo, opset_version=opset,
                          **({} if folding else {"do_constant_folding": False}))
    return analyze(path)


def _checked_against_pytorch(model: Any, x: Any, path: Path, dynamo: bool, opset: int | None = None,
                             folding: bool = True) -> Any:
    """`_exported_and_read`, with its MACs and output checked against PyTorch's own run of `model` on `x`."""
    from torch.utils.flop_counter import FlopCounterMode
    with FlopCounterMode(display=False) as counter:
        y = model(x)
    report = _exported_and_read(model, x, path, dynamo, opset, folding)
    assert report.totals.macs == counter.get_total_flops() // 2
    sides = tuple(y.shape[1:]) if y.dim() == 2 else (y.shape[2], y.shape[3], y.shape[1])
    assert report.output is not None and report.output.dims == sides
    return report


@pytest.mark.torch
@pytest.mark.parametrize("dynamo", [False, True])
def test_mish_written_out_instance_norms_and_a_batch_norm_without_affine_read_back(dynamo: bool,
                                                                                   tmp_path: Path) -> None:
    # The older exporter writes Mish as Softplus, Tanh and a Mul by x (opset 17 has no Mish): one `mish`. An
    # InstanceNormalization stores its scale and shift (`instancenorm affine`: 2·8 = 16); a BatchNorm2d(affine=False)
    # gets its scale and shift as constants computed in the graph: nothing learnt (`bn noaffine`), and so does the
    # default InstanceNorm2d (`instancenorm`). Parameters
    # (3·3·3 + 1)·8 = 224, 16, 0, (8 + 1)·4 = 36: 276, PyTorch's own count; MACs and output PyTorch's. (The newer
    # exporter writes Mish and stores the norms' ones and zeros as initializers, as learnt ones are stored: their
    # 2·8 + 2·8 are then counted, 308.)
    from tests.test_pytorch_export import _torch
    torch = _torch()
    from torch.utils.flop_counter import FlopCounterMode
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.InstanceNorm2d(8, affine=True), nn.Mish(),
                          nn.BatchNorm2d(8, affine=False), nn.InstanceNorm2d(8), nn.Conv2d(8, 4, 1)).eval()
    x = torch.zeros(1, 3, 12, 10)
    with FlopCounterMode(display=False) as counter:
        y = model(x)
    report = _exported_and_read(model, x, tmp_path / "m.onnx", dynamo)
    assert sum(p.numel() for p in model.parameters()) == 276
    assert report.totals.params == (308 if dynamo else 276)
    assert report.totals.macs == counter.get_total_flops() // 2
    assert report.output is not None and report.output.dims == (y.shape[2], y.shape[3], y.shape[1])
    assert [r.keyword for r in report.rows] == ["conv", "instancenorm", "mish", "bn", "instancenorm", "conv"]


@pytest.mark.torch
@pytest.mark.parametrize("dynamo", [False, True])
def test_norms_without_affine_over_more_channels_than_the_listing_keeps_values_of(dynamo: bool,
                                                                                  tmp_path: Path) -> None:
    # The older exporter gives a BatchNorm2d(affine=False) (after a ReLU: not folded into the convolution) and an
    # InstanceNorm2d their ones and zeros as Constants;
    # the listing keeps at most 16 values of a constant, and 32 channels' were read as 1 (E017 on a right file:
    # found by random modules exported and read back). Parameters (3·3·3 + 1)·32 = 896, 0, 0, (32 + 1)·4 = 132:
    # 1,028, PyTorch's count (the newer exporter stores the ones and zeros, 2·32 + 2·32 more: 1,156).
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(3, 32, 3), nn.ReLU(), nn.BatchNorm2d(32, affine=False), nn.InstanceNorm2d(32),
                          nn.Conv2d(32, 4, 1)).eval()
    report = _exported_and_read(model, torch.zeros(1, 3, 9, 9), tmp_path / "m.onnx", dynamo)
    assert report.ok, report.messages()
    assert sum(p.numel() for p in model.parameters()) == 896 + 132 == 1028
    assert report.totals.params == (1028 + 128 if dynamo else 1028)
    assert report.output is not None and report.output.dims == (7, 7, 4)
    assert [r.keyword for r in report.rows] == ["conv", "relu", "bn", "instancenorm", "conv"]


@pytest.mark.torch
@pytest.mark.parametrize("dynamo", [False, True])
def test_a_group_norm_written_out_by_the_exporters_is_one_groupnorm(dynamo: bool, tmp_path: Path) -> None:
    # Both exporters write GroupNorm(G, C) as a Reshape to (N, G, -1), an InstanceNormalization of G ones and zeros,
    # a Reshape back, a Mul by gamma and an Add of beta (C each; the older exporter names an equal initializer twice
    # through an Identity): one `groupnorm G`. Parameters (3·3·3 + 1)·8 = 224, then 2·8 = 16 for each norm: 256, as
    # PyTorch counts them; the eps of 0.001 is kept
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.GroupNorm(2, 8, eps=1e-3), nn.ReLU(), nn.GroupNorm(8, 8)).eval()
    report = _exported_and_read(model, torch.zeros(1, 3, 12, 10), tmp_path / "m.onnx", dynamo)
    assert [r.op for r in report.rows][1:] == ["groupnorm 2 eps 0.001", "relu", "groupnorm 8"]
    assert report.totals.params == sum(p.numel() for p in model.parameters()) == 256
    assert report.output is not None and report.output.dims == (10, 8, 8)


@pytest.mark.torch
@pytest.mark.parametrize("dynamo", [False, True])
def test_equal_weights_the_exporter_writes_once_are_counted_for_each_layer(dynamo: bool, tmp_path: Path) -> None:
    # Two convolutions holding equal values and two fc layers with equal biases: PyTorch counts each layer's own,
    # (4·3·3·4 + 4)·2 = 296, 256·8 + 8 = 2,056 and 8·8 + 8 = 72: 2,424. The older exporter writes the second copy as
    # an Identity of the first, the newer one the same initializer read by both nodes; read per layer either way
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(4, 4, 3, padding=1), nn.ReLU(), nn.Conv2d(4, 4, 3, padding=1), nn.Flatten(),
                          nn.Linear(256, 8), nn.Linear(8, 8)).eval()
    with torch.no_grad():
        model[2].weight.copy_(model[0].weight)
        model[2].bias.copy_(model[0].bias)
        model[4].bias.fill_(1.0)
        model[5].bias.fill_(1.0)
    report = _exported_and_read(model, torch.rand(1, 4, 8, 8), tmp_path / "m.onnx", dynamo)
    graph = _onnx().load(str(tmp_path / "m.onnx")).graph
    convs = [list(n.input)[1:] for n in graph.node if n.op_type == "Conv"]
    assert (convs[0] == convs[1]) == dynamo  # the newer exporter: one initializer read twice
    assert report.totals.params == sum(p.numel() for p in model.parameters()) == 2424


@pytest.mark.torch
@pytest.mark.parametrize("dynamo", [False, True])
def test_a_module_applied_twice_shares_its_weights_not_counted_twice(dynamo: bool, tmp_path: Path) -> None:
    # CBAM's channel attention: one MLP (conv 8 -> 2 -> 8 1x1, no bias: 16 + 16) applied to the average and the
    # maximum. PyTorch counts its 32 weights once: (3·9 + 1)·8 + 32 = 256. Both exporters write one initializer
    # read by two Conv nodes; counted per node it read 288, with no word said. The newer exporter also merges equal
    # copies (the test above), which the module each node records tells apart. The second node `shares` the first's
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn

    class Attention(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.conv = nn.Conv2d(3, 8, 3, padding=1)
            self.mlp = nn.Sequential(nn.Conv2d(8, 2, 1, bias=False), nn.ReLU(), nn.Conv2d(2, 8, 1, bias=False))

        def forward(self, x: Any) -> Any:
            x = self.conv(x)
            average = self.mlp(torch.mean(x, dim=(2, 3), keepdim=True))
            return x * torch.sigmoid(average + self.mlp(torch.amax(x, dim=(2, 3), keepdim=True)))

    model = Attention().eval()
    assert sum(p.numel() for p in model.parameters()) == 256
    report = _checked_against_pytorch(model, torch.rand(1, 3, 8, 8), tmp_path / "m.onnx", dynamo)
    assert report.totals.params == 256
    shared = [r for r in report.rows if r.shares is not None]
    assert [(r.op.split(" shares ")[0], r.params, r.macs) for r in shared] == [
        ("conv 2 1x1 nobias inputs 8", 0, 8 * 2), ("conv 8 1x1 nobias inputs 2", 0, 2 * 8)]
    # (3·3·3·8 on 8·8 positions, and each MLP twice: 2·(16 + 16))
    assert report.totals.macs == 8 * 8 * 8 * 27 + 2 * 32


@pytest.mark.torch
@pytest.mark.parametrize("dynamo", [False, True])
def test_a_head_applied_at_three_levels_holds_its_weights_where_the_layout_writes_it_first(
        dynamo: bool, tmp_path: Path) -> None:
    # RetinaNet's head, one module applied to each level (16 -> 16 3x3, then 36 3x3: (144 + 1)·16 + (144 + 1)·36 =
    # 7,540 once); the levels (27 + 1)·16 + 2·(144 + 1)·16 = 5,088: 12,628, PyTorch's count. The second level's
    # head is laid out first (a side head before the first level's, the main output): it holds the weights, and the
    # parameters the file stores for the first node that read them are checked there (they were expected of the
    # first level's head, which shares them, and failed: E041)
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn

    class Levels(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.c3 = nn.Conv2d(3, 16, 3, stride=2, padding=1)
            self.c4 = nn.Conv2d(16, 16, 3, stride=2, padding=1)
            self.c5 = nn.Conv2d(16, 16, 3, stride=2, padding=1)
            self.head = nn.Sequential(nn.Conv2d(16, 16, 3, padding=1), nn.ReLU(), nn.Conv2d(16, 36, 3, padding=1))

        def forward(self, x: Any) -> Any:
            p3 = self.c3(x)
            p4 = self.c4(p3)
            return [self.head(p) for p in (p3, p4, self.c5(p4))]

    model = Levels().eval()
    report = _exported_and_read(model, torch.rand(1, 3, 32, 32), tmp_path / "m.onnx", dynamo)
    assert report.ok, report.messages()
    assert report.totals.params == sum(p.numel() for p in model.parameters()) == 12628
    assert sum(1 for r in report.rows if r.shares) == 4  # the head's two convolutions at two more levels
    assert [o.shape.dims for o in report.outputs] == [(16, 16, 36), (8, 8, 36), (4, 4, 36)]


@pytest.mark.torch
@pytest.mark.parametrize("dynamo", [False, True])
def test_a_squeeze_and_excitation_by_expand_as(dynamo: bool, tmp_path: Path) -> None:
    # SENet's `x * y.view(b, c, 1, 1).expand_as(x)` exported: an Expand of the 1x1 scales to x's shape (Shape(x) in
    # the older exporter, the sizes stored in the newer) before the product: a 1x1 map broadcast, as resized by
    # nearest neighbour. Parameters (3·9 + 1)·16 = 448, 16·4 = 64, 4·16 = 64: 576, PyTorch's; it was E070
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn

    class Excited(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.conv = nn.Conv2d(3, 16, 3, padding=1)
            self.fc = nn.Sequential(nn.Linear(16, 4, bias=False), nn.ReLU(), nn.Linear(4, 16, bias=False),
                                    nn.Sigmoid())

        def forward(self, x: Any) -> Any:
            x = self.conv(x)
            b, c, _, _ = x.size()
            y = self.fc(x.mean(dim=(2, 3))).view(b, c, 1, 1)
            return x * y.expand_as(x)

    model = Excited().eval()
    report = _checked_against_pytorch(model, torch.rand(1, 3, 8, 6), tmp_path / "m.onnx", dynamo)
    assert report.totals.params == sum(p.numel() for p in model.parameters()) == 576


def test_an_expand_to_sizes_stored_is_a_resize_and_to_others_e070(tmp_path: Path) -> None:
    # A 1x1x4 map (a global pool of x) expanded to (1, 4, 5, 5) and multiplied by x: `resize 5` (5x5), then `mul`; an
    # Expand to a rank other than a map's is E070 at its node
    _onnx()
    from onnx import helper
    pool = helper.make_node("GlobalAveragePool", ["x"], ["p"])
    report = _helper_model(tmp_path, [pool, helper.make_node("Expand", ["p", "to"], ["e"]),
                                      helper.make_node("Mul", ["x", "e"], ["y"])], [_ints("to", [1, 4, 5, 5])],
                           [1, 4, 5, 5])
    assert report.ok, report.messages()
    assert [r.op for r in report.rows if r.kind == "layer"][:2] == ["globalavgpool", "resize 5"]
    assert report.output is not None and report.output.dims == (5, 5, 4)
    report = _helper_model(tmp_path, [pool, helper.make_node("Expand", ["p", "to"], ["e"]),
                                      helper.make_node("Mul", ["x", "e"], ["y"])], [_ints("to", [1, 4, 5])],
                           [1, 4, 5, 5])
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.code == "E070" and "Expand" in error.message and "N x C x H x W" in error.message
    assert error.column == 1 and '"op": "Expand"' in report.source.text.split("\n")[error.line - 1]


@pytest.mark.parametrize(("values", "modules", "refused"), [
    ("random", None, True), ("ones", None, False), ("random", ("a", "a"), True), ("random", ("a", "b"), False),
    ("ones", ("a", "a"), True)])
def test_an_initializer_two_layers_read_is_one_module_s_when_nothing_says_otherwise(
        values: str, modules: tuple[str, str] | None, refused: bool, tmp_path: Path) -> None:
    # Two 1x1 convolutions 4 -> 4 without bias reading one initializer w (16 values): one module applied twice
    # (the second `shares` the first: PyTorch counts 16) unless the file tells of two modules (the newer exporter's
    # name scopes, different), or the values are all equal (a fresh batch norm's ones an exporter merged) and no
    # scope says it is one module: then 16 each, 32
    import numpy as np
    _onnx()
    from onnx import helper, numpy_helper
    first = helper.make_node("Conv", ["x", "w"], ["a"], kernel_shape=[1, 1])
    second = helper.make_node("Conv", ["r", "w"], ["y"], kernel_shape=[1, 1])
    for node, module in zip((first, second), modules or ()):
        helper.set_metadata_props(node, {"pkg.torch.onnx.name_scopes": repr(["", module, "conv2d"])})
    w = numpy_helper.from_array(np.ones((4, 4, 1, 1), np.float32), "w") if values == "ones" else \
        _floats("w", 4, 4, 1, 1)
    report = _helper_model(tmp_path, [first, helper.make_node("Relu", ["a"], ["r"]), second], [w], [1, 4, 5, 5])
    assert report.ok, report.messages()
    assert [r.shares is not None for r in report.rows if r.kind == "layer"] == [False, False, refused]
    assert report.totals.params == (16 if refused else 16 + 16)
    assert report.totals.macs == 2 * 5 * 5 * 16
    # read by a second node with another stride: no layer of the spec language (E070 at that node, which writes y)
    strided = helper.make_node("Conv", ["r", "w"], ["y"], kernel_shape=[1, 1], strides=[2, 2])
    for node, module in zip((first, strided), modules or ()):
        helper.set_metadata_props(node, {"pkg.torch.onnx.name_scopes": repr(["", module, "conv2d"])})
    report = _helper_model(tmp_path, [first, helper.make_node("Relu", ["a"], ["r"]), strided], [w], [1, 4, 5, 5])
    assert [d.code for d in report.diagnostics if d.severity == "error"] == (["E070"] if refused else [])
    if refused:
        [error] = report.diagnostics
        assert error.column == 1 and '"outputs": ["y"]' in report.source.text.split("\n")[error.line - 1]
        assert "its weights `w` are read by `Conv` too: one module applied twice" in error.message


@pytest.mark.torch
@pytest.mark.parametrize("folding", [True, False])
def test_a_group_norm_without_affine_by_the_older_exporter_learns_nothing(folding: bool, tmp_path: Path) -> None:
    # GroupNorm(affine=False): the older exporter Muls and Adds a constant 1 and 0 (1 x 1 x 1, not stored) after the
    # Reshape back; exported without constant folding, C ones and C zeros given their axes of 1 by Unsqueezes (not
    # stored either; that form was E070 until now). Either is `groupnorm 2 noaffine`, nothing learnt; parameters
    # (3·3·3 + 1)·8 = 224, PyTorch's count. (The newer exporter stores C ones and C zeros, as it stores learnt ones:
    # they are counted, 240.)
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.GroupNorm(2, 8, affine=False), nn.ReLU()).eval()
    report = _exported_and_read(model, torch.zeros(1, 3, 12, 10), tmp_path / "m.onnx", False, folding=folding)
    if not folding:  # (the form this case is about)
        graph = _onnx().load(str(tmp_path / "m.onnx")).graph
        assert "Unsqueeze" in [n.op_type for n in graph.node]
    assert [r.op for r in report.rows][1:] == ["groupnorm 2 noaffine", "relu"]
    assert report.totals.params == sum(p.numel() for p in model.parameters()) == 224


@pytest.mark.torch
@pytest.mark.parametrize("dynamo", [False, True])
def test_a_stack_reduced_over_its_new_axis_is_a_merge(dynamo: bool, tmp_path: Path) -> None:
    # `torch.stack([a, b, c]).mean(0)` is exported as an Unsqueeze of each map at axis 0, a Concat on that axis and a
    # ReduceMean over it: the maps' mean, `avg`; `.sum(0)` an `add`, `.amax(0)` a `max`. Parameters (3 + 1)·4 = 16 and
    # (3·3·3 + 1)·4 = 112; MACs 6·5·4·3 = 360 and 6·5·4·27 = 3,240: 3,600
    from tests.test_pytorch_export import _torch
    torch = _torch()

    class Stacks(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.a, self.b = torch.nn.Conv2d(3, 4, 1), torch.nn.Conv2d(3, 4, 3, padding=1)

        def forward(self, x: Any) -> Any:
            a, b = self.a(x), self.b(x)
            return torch.stack([a, b, torch.relu(a)]).mean(0) + torch.stack([a, b]).sum(0) * torch.stack([a, b]).amax(0)

    report = _exported_and_read(Stacks().eval(), torch.zeros(1, 3, 6, 5), tmp_path / "s.onnx", dynamo)
    # (the layout's own joins of one branch, `concat of 1` where a map feeds two merges, left aside)
    assert sorted(r.op for r in report.rows if r.kind == "join" and r.op != "concat") == ["add", "add", "avg", "max",
                                                                                          "mul"]
    assert (report.totals.params, report.totals.macs) == (16 + 112, 360 + 3240)
    assert report.output is not None and report.output.dims == (6, 5, 4)


def test_selu_with_its_own_constants_is_selu_and_with_others_e070(tmp_path: Path) -> None:
    _onnx()
    from onnx import helper
    report = _helper_model(tmp_path, [helper.make_node("Selu", ["x"], ["y"])], [], [1, 3, 5, 4])
    assert report.ok and [r.op for r in report.rows] == ["selu"]
    other = _helper_model(tmp_path, [helper.make_node("Selu", ["x"], ["y"], alpha=2.0)], [], [1, 3, 5, 4])
    [e] = [d for d in other.diagnostics if d.severity == "error"]
    assert e.code == "E070" and "alpha or gamma other than SELU's own" in e.message and (e.line, e.column) == (3, 1)


@pytest.mark.parametrize("auto_pad, pads", [
    # a 4x5 kernel at stride 2 on 7x6: the output is the input times the stride, 14x12, so (K - 1)·D + 1 - S is
    # cropped: 2 rows and 3 columns; the odd column at the end for SAME_UPPER, at the start for SAME_LOWER
    ("SAME_UPPER", "pad 1,1,1,2"), ("SAME_LOWER", "pad 1,1,2,1"),
])
def test_a_transposed_convolution_padded_same_crops_to_the_input_times_the_stride(tmp_path: Path, auto_pad: str,
                                                                                  pads: str) -> None:
    onnx = _onnx()
    from onnx import helper
    node = helper.make_node("ConvTranspose", ["x", "w"], ["y"], kernel_shape=[4, 5], strides=[2, 2], auto_pad=auto_pad)
    report = _helper_model(tmp_path, [node], [_floats("w", 3, 8, 4, 5)], [1, 3, 7, 6])
    assert report.ok, report.messages()  # (it was E070)
    assert report.rows[0].output.dims == (14, 12, 8)
    assert pads in report.rows[0].op
    model = onnx.load(str(next(tmp_path.iterdir())))
    inferred = onnx.shape_inference.infer_shapes(model, strict_mode=True).graph.output[0].type.tensor_type.shape
    assert [d.dim_value for d in inferred.dim] == [1, 8, 14, 12]  # ONNX's own shape inference


def test_a_transposed_convolution_padded_same_with_a_filter_narrower_than_its_stride_is_e070(tmp_path: Path) -> None:
    # 1 + 0 - 3 < 0: SAME would need padding added, not cropped, which ONNX's formula does not give
    _onnx()
    from onnx import helper
    node = helper.make_node("ConvTranspose", ["x", "w"], ["y"], kernel_shape=[1, 1], strides=[3, 3],
                            auto_pad="SAME_UPPER")
    report = _helper_model(tmp_path, [node], [_floats("w", 3, 8, 1, 1)], [1, 3, 7, 6])
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E070"]
    assert "filter is narrower than its stride" in report.diagnostics[0].message


def test_a_reduction_over_the_channels_kept_as_a_map_is_a_channel_pool(tmp_path: Path) -> None:
    # CBAM's spatial attention as PyTorch exports it: ReduceMean and ReduceMax over axis 1, keepdims, concatenated
    _onnx()
    from onnx import helper
    nodes = [helper.make_node("ReduceMean", ["x"], ["m"], axes=[1], keepdims=1),
             helper.make_node("ReduceMax", ["x"], ["x_max"], axes=[1], keepdims=1),
             helper.make_node("Concat", ["m", "x_max"], ["y"], axis=1)]
    report = _helper_model(tmp_path, nodes, [], [1, 5, 7, 6], opset=17)
    assert report.ok, report.messages()
    assert [(r.op, r.output.dims) for r in report.rows if r.kind == "layer"] == [
        ("channelavgpool", (7, 6, 1)), ("channelmaxpool", (7, 6, 1))]
    assert report.output.dims == (7, 6, 2)
    dropped = _helper_model(tmp_path, [helper.make_node("ReduceMean", ["x"], ["y"], axes=[1], keepdims=0)], [],
                            [1, 5, 7, 6], opset=17)
    assert [d.code for d in dropped.diagnostics if d.severity == "error"] == ["E070"]  # the channel axis dropped
    assert "without keepdims as an output" in dropped.diagnostics[0].message
    assert (dropped.diagnostics[0].line, dropped.diagnostics[0].column) == (3, 1)  # the reduction: header, input, it


def test_a_channel_reduction_without_keepdims_given_its_axis_back_is_a_channel_pool(tmp_path: Path) -> None:
    # the older CBAM port, `torch.cat((torch.max(x, 1)[0].unsqueeze(1), torch.mean(x, 1).unsqueeze(1)), 1)`, as
    # exported: each reduction drops the channel axis (N, 7, 6), the Unsqueeze at axis 1 gives it back (N, 1, 7, 6)
    _onnx()
    from onnx import helper
    nodes = [helper.make_node("ReduceMax", ["x"], ["mx"], axes=[1], keepdims=0),
             helper.make_node("Unsqueeze", ["mx", "one"], ["mx1"]),
             helper.make_node("ReduceMean", ["x"], ["m"], axes=[1], keepdims=0),
             helper.make_node("Unsqueeze", ["m", "minus3"], ["m1"]),
             helper.make_node("Concat", ["mx1", "m1"], ["y"], axis=1)]
    report = _helper_model(tmp_path, nodes, [_ints("one", [1]), _ints("minus3", [-3])], [1, 5, 7, 6], opset=17)
    assert report.ok, report.messages()
    assert [(r.op, r.output.dims) for r in report.rows if r.kind == "layer"] == [
        ("channelmaxpool", (7, 6, 1)), ("channelavgpool", (7, 6, 1))]
    assert report.output.dims == (7, 6, 2)
    # the N, H, W read by anything else (a Relu) is not followed: one E070 at it
    other = _helper_model(tmp_path, [nodes[2], helper.make_node("Relu", ["m"], ["y"])], [], [1, 5, 7, 6], opset=17)
    assert [d.code for d in other.diagnostics if d.severity == "error"] == ["E070"]
    assert "Relu (of a reduction over the channels without keepdims" in other.diagnostics[0].message
    assert (other.diagnostics[0].line, other.diagnostics[0].column) == (4, 1)  # the Relu, after the reduction


@pytest.mark.torch
@pytest.mark.parametrize("dynamo", [False, True])
def test_softplus_softsign_celu_clip_log_sigmoid_and_tanhshrink_as_exported_are_one_layer_each(
        dynamo: bool, tmp_path: Path) -> None:
    # The exporters write some of them out: Softsign as Div(x, Add(Abs(x), 1)), LogSigmoid as Log(Sigmoid(x)),
    # Tanhshrink as Sub(x, Tanh(x)) (a `sub` of two branches before),
    # a Softplus with beta 2 as Mul, Softplus, Div (and the newer exporter its threshold as Where(Greater(2x, 10),
    # x, …)); CELU is Celu, Hardtanh a Clip. Each is one layer, of the module's own arguments (the older exporter
    # drops the threshold: the file's softplus has none, read as PyTorch's default); conv (3·3·3 + 1)·4 = 112.
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.Softplus(), nn.Softsign(), nn.CELU(0.5), nn.Hardtanh(-2, 3),
                          nn.Softplus(beta=2, threshold=10), nn.LogSigmoid(), nn.Tanhshrink()).eval()
    x = torch.zeros(1, 3, 8, 8)
    report = _exported_and_read(model, x, tmp_path / "m.onnx", dynamo)
    assert [r.op for r in report.rows] == ["conv 4 3x3 inputs 3", "softplus", "softsign", "celu 0.5",
                                           "hardtanh low -2 high 3",
                                           "softplus beta 2 threshold 10" if dynamo else "softplus beta 2",
                                           "logsigmoid", "tanhshrink"]
    assert report.totals.params == 112 and report.output is not None and report.output.dims == (6, 6, 4)


def test_lp_pool_shrink_and_thresholded_relu_are_read(tmp_path: Path) -> None:
    # LpPool of an even p is PyTorch's LPPool2d (|x|^p = x^p): 9x9 at 3x3 stride 2: (9 - 3)/2 + 1 = 4; Shrink with a
    # bias of 0 is hardshrink, with a bias of lambd softshrink; ThresholdedRelu(alpha) is `threshold alpha` (x above
    # alpha, else 0). They were E070.
    _onnx()
    from onnx import helper
    nodes = [helper.make_node("LpPool", ["x"], ["p"], kernel_shape=[3, 3], strides=[2, 2], p=4),
             helper.make_node("Shrink", ["p"], ["h"], lambd=0.2),
             helper.make_node("Shrink", ["h"], ["s"], lambd=0.3, bias=0.3),
             helper.make_node("ThresholdedRelu", ["s"], ["y"], alpha=0.25)]
    report = _helper_model(tmp_path, nodes, [], [1, 3, 9, 9], opset=17)
    assert report.ok, report.messages()
    # (ONNX's float attributes are float32: 0.2 is written as 0.2, not 0.20000000298023224)
    assert [(r.op, r.output.dims) for r in report.rows if r.kind == "layer"] == [
        ("lppool 3x3 p 4 stride 2", (4, 4, 3)), ("hardshrink 0.2", (4, 4, 3)), ("softshrink 0.3", (4, 4, 3)),
        ("threshold 0.25", (4, 4, 3))]
    # an odd p (ONNX's |x|^p is not x^p), padding, and a bias that is neither 0 nor lambd: E070 each
    for node, said in ((helper.make_node("LpPool", ["x"], ["y"], kernel_shape=[2, 2], p=3), "p=3"),
                       (helper.make_node("LpPool", ["x"], ["y"], kernel_shape=[2, 2], pads=[1, 1, 1, 1]), "padding"),
                       (helper.make_node("Shrink", ["x"], ["y"], lambd=0.5, bias=0.1), "bias 0.1 with lambd 0.5")):
        errors = [d for d in _helper_model(tmp_path, [node], [], [1, 3, 9, 9]).diagnostics if d.severity == "error"]
        assert [d.code for d in errors] == ["E070"] and said in errors[0].message


@pytest.mark.torch
@pytest.mark.parametrize("dynamo", [False, True])
def test_lp_pools_and_shrinks_as_exported_are_one_layer_each(dynamo: bool, tmp_path: Path) -> None:
    # Both exporters write LPPool2d out as Pow(x, p), AveragePool, Sign and Abs of it, Relu, Mul, Mul by the
    # window's size, Pow(1/p); the shrinks as Where of comparisons (the older: Greater, Less, Cast, Or; Sub, Add and
    # two Wheres added; the newer: Abs, LessOrEqual; Greater, Sign, Mul, Sub). Each is one layer of the module's own
    # arguments. Sizes: 11 - 3 + 1 = 9; (9 - 2)/2 + 1 = 4.5, floored to 4; (4 - 2)/1 + 1 = 3 (torch gives 3x3).
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.Hardshrink(0.2), nn.Softshrink(0.3), nn.LPPool2d(2, 2),
                          nn.LPPool2d(3, 2, stride=1, ceil_mode=True), nn.Softshrink(), nn.Hardshrink()).eval()
    x = torch.zeros(1, 3, 11, 11)
    report = _exported_and_read(model, x, tmp_path / "m.onnx", dynamo)
    assert report.ok, report.messages()
    assert [r.op for r in report.rows] == ["conv 4 3x3 inputs 3", "hardshrink 0.2", "softshrink 0.3",
                                           "lppool 2x2 stride 2", "lppool 2x2 p 3 stride 1 ceil", "softshrink",
                                           "hardshrink"]
    assert report.output is not None and report.output.dims == tuple(model(x).shape[2:]) + (4,) == (3, 3, 4)


def test_lp_normalization_is_l2norm_without_an_eps(tmp_path: Path) -> None:
    # LpNormalization(axis=1, p=2): x / ‖x‖ over the channels, no eps; p=1 is E070
    _onnx()
    from onnx import helper
    report = _helper_model(tmp_path, [helper.make_node("LpNormalization", ["x"], ["y"], axis=1, p=2)], [],
                           [1, 3, 5, 6])
    assert report.ok, report.messages()
    assert [(r.op, r.output.dims) for r in report.rows if r.kind == "layer"] == [("l2norm eps 0", (5, 6, 3))]
    other = _helper_model(tmp_path, [helper.make_node("LpNormalization", ["x"], ["y"], axis=1, p=1)], [],
                          [1, 3, 5, 6])
    assert [d.code for d in other.diagnostics if d.severity == "error"] == ["E070"]


@pytest.mark.torch
@pytest.mark.parametrize("dynamo", [False, True])
def test_f_normalize_as_exported_is_l2norm(dynamo: bool, tmp_path: Path) -> None:
    # Both exporters write F.normalize(x) out as Div(x, Expand(Clip(ReduceL2(x, axes [1]), eps), shape)): one
    # `l2norm` of the call's eps (1e-12 unless told); conv 9 - 3 + 1 = 7
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn

    class Normalized(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.c = nn.Conv2d(3, 4, 3)

        def forward(self, x: Any) -> Any:
            return nn.functional.normalize(nn.functional.normalize(self.c(x)), eps=1e-6)

    report = _exported_and_read(Normalized().eval(), torch.zeros(1, 3, 9, 9), tmp_path / "m.onnx", dynamo)
    assert report.ok, report.messages()
    assert [r.op for r in report.rows] == ["conv 4 3x3 inputs 3", "l2norm", "l2norm eps 1e-06"]
    assert report.output is not None and report.output.dims == (7, 7, 4)


def test_an_lp_pool_written_out_is_read_only_when_every_step_is_its_own(tmp_path: Path) -> None:
    # Pow(x, 2), a 2x2 AveragePool, Sign and Relu(Abs) of it, their Mul, Mul by 2·2 = 4, Pow(1/2): `lppool 2x2`,
    # (8 - 2)/1 + 1 = 7. A window size that is not the kernel's (8) or a 3-D kernel is read op by op (Pow, which
    # cnncalc does not follow, is E070); a step without its input, no valid ONNX, is E071 at it (it raised before,
    # an internal error)
    _onnx()
    from onnx import helper

    def written_out(kernel: list[int], size: float, relu_inputs: list[str]) -> Any:
        nodes = [helper.make_node("Pow", ["x", "p"], ["a"]),
                 helper.make_node("AveragePool", ["a"], ["b"], kernel_shape=kernel),
                 helper.make_node("Sign", ["b"], ["s"]), helper.make_node("Abs", ["b"], ["ab"]),
                 helper.make_node("Relu", relu_inputs, ["r"]), helper.make_node("Mul", ["s", "r"], ["m"]),
                 helper.make_node("Mul", ["m", "k"], ["m2"]), helper.make_node("Pow", ["m2", "q"], ["y"])]
        return _helper_model(tmp_path, nodes, [_scalars(p=2.0), _scalars(k=size), _scalars(q=0.5)], [1, 3, 8, 8])

    report = written_out([2, 2], 4.0, ["ab"])
    assert report.ok and [(r.op, r.output.dims) for r in report.rows if r.kind == "layer"] == [
        ("lppool 2x2 stride 1", (7, 7, 3))]
    for kernel, size in (([2, 2], 8.0), ([2, 2, 2], 8.0)):
        errors = [d for d in written_out(kernel, size, ["ab"]).diagnostics if d.severity == "error"]
        assert [d.code for d in errors] == ["E070"] and errors[0].message.startswith("not supported: Pow")
    errors = [d for d in written_out([2, 2], 4.0, []).diagnostics if d.severity == "error"]
    assert [d.code for d in errors] == ["E071"] and "a node reads a tensor at least" in errors[0].message


def _scalars(**values: float) -> Any:
    """One float32 scalar initializer, by its name."""
    import numpy as np
    from onnx import numpy_helper
    [(name, value)] = values.items()
    return numpy_helper.from_array(np.array(value, np.float32), name)


def test_a_prelu_slope_per_value_is_prelu_pervalue(tmp_path: Path) -> None:
    # a PRelu's slope of the data's C x H x W (Keras' PReLU, converted) learns one per value: 4·5·6 = 120, its
    # height and width checked against what it receives; C x 1 x 1 is one per channel
    _onnx()
    from onnx import helper
    report = _helper_model(tmp_path, [helper.make_node("PRelu", ["x", "a"], ["y"])], [_floats("a", 4, 5, 6)],
                           [1, 4, 5, 6])
    assert report.ok, report.messages()
    assert [(r.op, r.weights) for r in report.rows] == [("prelu pervalue inputs 4 size 5x6", 120)]
    wrong = _helper_model(tmp_path, [helper.make_node("PRelu", ["x", "a"], ["y"])], [_floats("a", 4, 5, 6)],
                          [1, 4, 6, 5])
    assert [d.code for d in wrong.diagnostics if d.severity == "error"] == ["E017"]
    channels = _helper_model(tmp_path, [helper.make_node("PRelu", ["x", "a"], ["y"])], [_floats("a", 4, 1, 1)],
                             [1, 4, 5, 6])
    assert [(r.op, r.weights) for r in channels.rows] == [("prelu perchannel inputs 4", 4)]


@pytest.mark.torch
@pytest.mark.parametrize("dynamo", [False, True])
def test_a_resize_by_decimal_scales_floors_the_product(dynamo: bool, tmp_path: Path) -> None:
    # Resize with scales 1.5, then 0.5: floor(N·s) as ONNX and PyTorch size it (E070 before); torch's output shape
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.Upsample(scale_factor=1.5, mode="bilinear"),
                          nn.Upsample(scale_factor=0.5)).eval()
    x = torch.zeros(1, 3, 19, 23)
    y = model(x)
    report = _exported_and_read(model, x, tmp_path / "m.onnx", dynamo)
    assert [r.op for r in report.rows] == ["conv 4 3x3 inputs 3", "upsample 1.5 bilinear", "upsample 0.5"]
    assert report.output is not None and report.output.dims == (y.shape[2], y.shape[3], y.shape[1]) == (12, 15, 4)


@pytest.mark.torch
@pytest.mark.parametrize("channels_last", [False, True])
@pytest.mark.parametrize("size, pooled", [((8, 8), (7, 7)), ((3, 1), (2, 2)), ((9, 9), (7, 7)), ((5, 4), (3, 2)),
                                          ((8, 8), (3, 3))])
def test_an_adaptive_average_pool_whose_sizes_do_not_divide_as_the_newer_exporter_gathers_it(
        size: tuple[int, int], pooled: tuple[int, int], channels_last: bool, tmp_path: Path) -> None:
    # VGG's AdaptiveAvgPool2d(7) on an 8x8 map (a 256x256 input): window i from floor(8i/7) to ceil(8(i + 1)/7), 2
    # cells; the newer exporter writes Transpose, GatherND of each window's cells, Transpose, ReduceMean (it was E070):
    # one `adaptiveavgpool 7`, torch's shape. 3x1 to 2x2: windows of 2 rows and 1 column, indices of 16 values,
    # which the listing gives as values. Windows of unequal sizes (VGG's 9x9, a 300x300 input, to 7: 2 or 3 cells; 5
    # to 3: 2, 3, 2; 8 to 3: 3, 4, 3), padded to the largest: a Where zeroing the padding, a sum of every cell and a
    # Div by each window's cells. After a layer norm of a channels-last view (x.permute(0, 2, 3, 1), then back),
    # the exporter joins the two transposes: (1, 2, 0, 3). Each was E070 ("a transpose by [2, 3, 0, 1]", "[1, 2, 0,
    # 3]"). Parameters (3 + 1)·4 = 16, the layer norm's 2·4 = 8, (4·h·w + 1)·5.
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn
    features = 4 * pooled[0] * pooled[1]

    class Pooled(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.conv, self.norm = nn.Conv2d(3, 4, 1), nn.LayerNorm(4)
            self.pool, self.fc = nn.AdaptiveAvgPool2d(pooled), nn.Linear(features, 5)

        def forward(self, x: Any) -> Any:
            x = self.conv(x)
            if channels_last:
                x = self.norm(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)
            return self.fc(torch.flatten(self.pool(x), 1))

    model = Pooled().eval()
    x = torch.zeros(1, 3, *size)
    report = _exported_and_read(model, x, tmp_path / "m.onnx", True)
    assert [r.op for r in report.rows if "pool" in r.op] == [f"adaptiveavgpool {pooled[0]}" if pooled[0] == pooled[1]
                                                             else f"adaptiveavgpool {pooled[0]}x{pooled[1]}"]
    used = [model.conv, model.fc, *([model.norm] if channels_last else [])]  # (an unused norm is not exported)
    assert report.totals.params == sum(p.numel() for m in used for p in m.parameters()) == \
        16 + 8 * channels_last + (features + 1) * 5
    assert report.output is not None and report.output.dims == (5,)


def test_a_gathered_pools_windows_are_adaptive_poolings_only() -> None:
    # The indices (out_h, k_h, out_w, k_w, 2) of the cells a gathered pool averages: adaptive windows of 8 to 7 (2
    # cells each, rows 0-1, 1-2, …, 6-7), of 5 to 3 (2, 3, 2 cells: rows 0-1, 1-3, 3-4, the first window padded by
    # row 2 and the last by row 4 again, masked); windows that are not (a row skipped, a padding cell elsewhere): None
    import numpy as np

    from cnncalc.readers.onnx import _adaptive_windows

    def gathered(rows: list[list[int]], cols: list[list[int]]) -> Any:
        r, c = np.array(rows), np.array(cols)
        grid = np.zeros((*r.shape, *c.shape, 2), np.int64)
        grid[..., 0] = r[:, :, None, None]
        grid[..., 1] = c[None, None]
        return grid

    seven = [[i, i + 1] for i in range(7)]
    assert _adaptive_windows(gathered(seven, seven)) == ([8, 8], False)
    assert _adaptive_windows(gathered([[0, 1, 2], [1, 2, 3], [3, 4, 4]], [[0], [1]])) == ([5, 2], True)
    assert _adaptive_windows(gathered([[0, 1, 2], [1, 2, 3], [3, 4, 3]], [[0], [1]])) is None
    assert _adaptive_windows(gathered([[0, 2], [1, 3]], [[0], [1]])) is None


@pytest.mark.torch
def test_a_gathered_pool_whose_sum_misses_a_cell_is_not_read(tmp_path: Path) -> None:
    # The 9x9 to 7 pool exported, then its sum's last Add cut off (the Div reads the sum of all cells but one): no
    # adaptive pool, E070
    onnx = _onnx()
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(3, 4, 1), nn.AdaptiveAvgPool2d(7)).eval()
    _exported_and_read(model, torch.zeros(1, 3, 9, 9), tmp_path / "m.onnx", True)
    graph = onnx.load(str(tmp_path / "m.onnx"))
    div = next(n for n in graph.graph.node if n.op_type == "Div")
    last = next(n for n in graph.graph.node if n.output[0] == div.input[0])
    div.input[0] = last.input[0]
    onnx.save(graph, str(tmp_path / "cut.onnx"))
    report = analyze(tmp_path / "cut.onnx")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E070"]
    assert "adaptiveavgpool" not in " ".join(r.op for r in report.rows)


@pytest.mark.torch
def test_an_export_without_constant_folding_reads_as_the_folded_one(tmp_path: Path) -> None:
    # `do_constant_folding=False` leaves the arithmetic the exporter folds by default: a PReLU's slope and a group
    # norm's gamma and beta given their axes of 1 by an Unsqueeze of the stored weight (C -> C x 1 x 1), the pads of
    # a `padding='same'` convolution with an even kernel computed from Shape, Gather, ConstantOfShape and Concat of
    # constants, and `x.reshape(x.shape[0], -1)` as Unsqueezes and a Concat of constants. Each was E070 (found by
    # random modules exported so and read back). Read as PyTorch counts and runs it: parameters
    # (3·3·3 + 1)·8 = 224, BN 2·8 = 16, PReLU 8, GroupNorm 2·8 = 16, (8·4·4 + 1)·4 = 516, fc (4·10·10 + 1)·10 = 4,010:
    # 4,790, with the BN's 2·8 running statistics beside them
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn

    class Unfolded(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.features = nn.Sequential(nn.Conv2d(3, 8, 3), nn.BatchNorm2d(8), nn.PReLU(8), nn.GroupNorm(2, 8),
                                          nn.Conv2d(8, 4, 4, padding="same"))
            self.fc = nn.Linear(400, 10)

        def forward(self, x: Any) -> Any:
            x = self.features(x)
            return self.fc(x.reshape(x.shape[0], -1))

    model = Unfolded().eval()
    report = _checked_against_pytorch(model, torch.zeros(1, 3, 12, 12), tmp_path / "m.onnx", False, folding=False)
    assert sum(p.numel() for p in model.parameters()) == 224 + 16 + 8 + 16 + 516 + 4010 == 4790
    assert report.totals.trainable == 4790 and report.totals.non_trainable == 16
    assert report.output is not None and report.output.dims == (10,)
    # the even kernel's asymmetric `same` padding (1 before, 2 after) is TensorFlow's SAME at stride 1
    assert [r.op for r in report.rows] == ["conv 8 3x3 inputs 3", "batchnorm inputs 8", "prelu perchannel inputs 8",
                                           "groupnorm 2", "conv 4 4x4 pad same inputs 8", "flatten",
                                           "fc 10 inputs 400 noflatten"]


def _scalar_constant(name: str, value: float) -> Any:
    """A Constant node of one float32 value."""
    import numpy as np
    from onnx import helper, numpy_helper
    return helper.make_node("Constant", [], [name], value=numpy_helper.from_array(np.array(value, np.float32)))


def test_side_outputs_after_nested_merges_are_each_kept(tmp_path: Path) -> None:
    # An FPN's outputs: each level's smoothing after an add that sits inside the next level's add. The deeper head
    # placed first replaced the adds around it, and the next head, placed after one of those, was dropped: a
    # parameter count short by a whole convolution (590,080 of an FPN's 16.7M). Ten 1x1 convolutions of 4 channels,
    # (4 + 1)·4 = 20 parameters each: 200.
    _onnx()
    import numpy as np
    from onnx import helper, numpy_helper

    names = ["c1", "c2", "c3", "t", "l1", "l2", "l3", "s1", "s2", "s3"]
    inits = [numpy_helper.from_array(np.ones((4, 4, 1, 1), np.float32), f"{n}.w") for n in names] + \
        [numpy_helper.from_array(np.zeros(4, np.float32), f"{n}.b") for n in names]

    def conv(n: str, x: str) -> Any:
        return helper.make_node("Conv", [x, f"{n}.w", f"{n}.b"], [n], name=n, kernel_shape=[1, 1])

    nodes = [conv("c1", "x"), conv("c2", "c1"), conv("c3", "c2"), conv("t", "c3"), conv("l1", "c2"),
             helper.make_node("Add", ["t", "l1"], ["a1"]), conv("l2", "c1"),
             helper.make_node("Add", ["a1", "l2"], ["a2"]),
             conv("l3", "x"), helper.make_node("Add", ["a2", "l3"], ["a3"]),
             conv("s1", "a1"), conv("s2", "a2"), conv("s3", "a3")]
    report = _helper_model(tmp_path, nodes, inits, [1, 4, 6, 6], outputs=("s3", "s1", "s2"))
    assert report.ok, report.messages()
    assert report.totals.params == 10 * (4 + 1) * 4
    assert len([r for r in report.rows if r.kind == "side"]) == 2  # s1 and s2, each a head
    assert {r.name for r in report.rows if r.kind == "layer"} >= {"s1", "s2", "s3"}


def test_a_gelu_written_out_between_channels_last_products(tmp_path: Path) -> None:
    # torchvision's ConvNeXt block exported before opset 20: Transpose to N, H, W, C, LayerNormalization, MatMul and
    # Add (a Linear), the exact GELU as Div by √2, Erf, Add 1, Mul by x and by 0.5, MatMul and Add, Transpose back.
    # The GELU's output was not known as channels-last, so the second product and the transpose back were E070. On
    # 4 channels: the norm 2·4 = 8, the products (4 + 1)·16 = 80 and (16 + 1)·4 = 68: 156.
    _onnx()
    import numpy as np
    from onnx import helper, numpy_helper

    const = _scalar_constant
    nodes = [helper.make_node("Transpose", ["x"], ["t"], perm=[0, 2, 3, 1]),
             helper.make_node("LayerNormalization", ["t", "g", "b"], ["n"], axis=-1, epsilon=1e-6),
             helper.make_node("MatMul", ["n", "w1"], ["m1"]), helper.make_node("Add", ["b1", "m1"], ["a1"]),
             const("root2", 2 ** 0.5), helper.make_node("Div", ["a1", "root2"], ["d"]),
             helper.make_node("Erf", ["d"], ["e"]), const("one", 1.0), helper.make_node("Add", ["e", "one"], ["p"]),
             helper.make_node("Mul", ["a1", "p"], ["q"]), const("half", 0.5),
             helper.make_node("Mul", ["q", "half"], ["r"]),
             helper.make_node("MatMul", ["r", "w2"], ["m2"]), helper.make_node("Add", ["b2", "m2"], ["a2"]),
             helper.make_node("Transpose", ["a2"], ["y"], perm=[0, 3, 1, 2])]
    inits = [numpy_helper.from_array(np.ones(shape, np.float32), name) for name, shape in
             (("g", (4,)), ("b", (4,)), ("w1", (4, 16)), ("b1", (16,)), ("w2", (16, 4)), ("b2", (4,)))]
    report = _helper_model(tmp_path, nodes, inits, [1, 4, 6, 6])
    assert report.ok, report.messages()
    assert report.totals.params == 8 + 80 + 68 and report.output is not None and report.output.dims == (6, 6, 4)
    assert "gelu" in [r.keyword for r in report.rows]


def test_a_layer_norm_over_the_channels_written_out(tmp_path: Path) -> None:
    # The official ConvNeXt's `channels_first` LayerNorm as exported: ReduceMean over axis 1, Sub, Pow 2, ReduceMean,
    # Add eps, Sqrt, Div, Mul by gamma and Add beta (4 x 1 x 1 each): `layernorm eps 1e-06 inputs 4`, 2·4 = 8
    # parameters, as the PyTorch reader reads the same code (Pow and ReduceMean were E070)
    _onnx()
    import numpy as np
    from onnx import helper, numpy_helper

    const = _scalar_constant
    nodes = [helper.make_node("ReduceMean", ["x"], ["u"], axes=[1], keepdims=1),
             helper.make_node("Sub", ["x", "u"], ["d"]), const("two", 2.0),
             helper.make_node("Pow", ["d", "two"], ["p"]),
             helper.make_node("ReduceMean", ["p"], ["v"], axes=[1], keepdims=1), const("eps", 1e-6),
             helper.make_node("Add", ["v", "eps"], ["a"]), helper.make_node("Sqrt", ["a"], ["s"]),
             helper.make_node("Div", ["d", "s"], ["n"]), helper.make_node("Mul", ["gamma", "n"], ["m"]),
             helper.make_node("Add", ["m", "beta"], ["y"])]
    inits = [numpy_helper.from_array(np.ones((4, 1, 1), np.float32), "gamma"),
             numpy_helper.from_array(np.zeros((4, 1, 1), np.float32), "beta")]
    report = _helper_model(tmp_path, nodes, inits, [1, 4, 6, 6])
    assert report.ok, report.messages()
    assert [r.op for r in report.rows] == ["layernorm eps 1e-06 inputs 4"] and report.totals.params == 2 * 4
    assert report.output is not None and report.output.dims == (6, 6, 4)


@pytest.mark.torch
@pytest.mark.parametrize("dynamo", [False, True])
def test_eca_gates_exported_are_one_filter_along_the_pooled_channels(dynamo: bool, tmp_path: Path) -> None:
    # tests/fixtures/notations/channel_attention.py's four ways of ECA-Net's gate, exported: a Squeeze of the pooled
    # map's width and a Transpose to N x 1 x C, or a Reshape to (1, 1, -1) or (1, 1, C), then a 1-D Conv of weights
    # 1 x 1 x K, and back: `channelconv K` (it was E070 at the Squeeze, or at the 1-D Conv)
    from tests.test_pytorch_export import _torch
    torch = _torch()
    namespace: dict[str, Any] = {}
    fixture = ROOT / "tests" / "fixtures" / "notations" / "channel_attention.py"
    exec(compile(fixture.read_text(), str(fixture), "exec"), namespace)
    model = namespace["model"].eval()
    report = _checked_against_pytorch(model, torch.rand(1, 3, 32, 32), tmp_path / "m.onnx", dynamo)
    assert [(r.op, r.params, r.macs) for r in report.rows if r.keyword == "channelconv"] == [
        ("channelconv 3 pad 1 nobias", 3, 32 * 3), ("channelconv 5 pad 2 nobias", 5, 256 * 5),
        ("channelconv 5 pad 2", 5 + 1, 256 * 5), ("channelconv 7 pad 3 nobias", 7, 4 * 7)]
    # the stem's batch norm is folded into its convolution by both exporters (the older gives it a bias)
    stem = 3 * 3 * 3 * 32 + (32 if not dynamo else 0)
    assert report.totals.params == stem + 9 * 32 * 256 + 256 + 256 * 4 + 4 + 4 * 10 + 10 + 3 + 5 + 6 + 7


def test_a_1d_conv_other_than_along_pooled_channels_is_e070(tmp_path: Path) -> None:
    onnx = _onnx()
    import numpy as np
    from onnx import TensorProto, helper

    def init(name: str, *shape: int) -> Any:
        return helper.make_tensor(name, TensorProto.FLOAT, shape, np.zeros(shape, dtype=np.float32).reshape(-1))

    def read(nodes: list[Any], *weights: Any) -> Any:
        graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 8, 6, 6])],
                                  [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
                                  [init("w", 1, 1, 3), *weights])
        onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), str(tmp_path / "m.onnx"))
        return analyze(tmp_path / "m.onnx")

    pooled = [helper.make_node("GlobalAveragePool", ["x"], ["p"]),
              helper.make_node("Squeeze", ["p", "axis"], ["s"]),
              helper.make_node("Transpose", ["s"], ["t"], perm=[0, 2, 1])]
    axis = helper.make_tensor("axis", TensorProto.INT64, [1], [-1])
    # along the pooled channels with a stride of 2: not ECA's
    strided = read([*pooled, helper.make_node("Conv", ["t", "w"], ["y"], strides=[2], pads=[1, 1])], axis)
    assert [d.code for d in strided.diagnostics if d.severity == "error"] == ["E070"]
    assert "with strides, dilations or groups along the pooled channels" in strided.diagnostics[0].message
    # on the map itself (a 2-D one's data through a 1-D Conv)
    on_map = read([helper.make_node("Conv", ["x", "w"], ["y"], pads=[1, 1])])
    assert "1-D, other than along a map's pooled channels" in on_map.diagnostics[0].message
    # the sequence read by something else than a 1-D Conv, an activation or a way back
    other = read([*pooled, helper.make_node("Softmax", ["t"], ["y"], axis=-1)], axis)
    assert "a map's pooled channels as a sequence" in other.diagnostics[0].message
    for report, op in ((strided, "Conv"), (on_map, "Conv"), (other, "Softmax")):  # each at its node's listed line
        d = report.diagnostics[0]
        assert d.code == "E070" and d.column == 1
        assert f'"op": "{op}"' in report.source.text.splitlines()[d.line - 1]


@pytest.mark.parametrize("zeros, first, words", [
    # ENet's and PyramidNet's shortcut: `torch.cat((main, torch.zeros(n, c_ext - c_main, h, w)), 1)`, stored by the
    # exporter as a constant of zeros, 1 x C x H x W: the map with C zero channels added after (or before) its own
    (True, False, "padchannels 0 after 5"), (True, True, "padchannels 5 after 0"),
    # a constant of other values is not a padding: not followed
    (False, False, "with a constant operand"),
])
def test_a_map_joined_to_a_constant_of_zeros_has_zero_channels_added(zeros: bool, first: bool, words: str,
                                                                     tmp_path: Path) -> None:
    onnx = _onnx()
    import numpy as np
    from onnx import TensorProto, helper, numpy_helper
    pad = np.zeros((1, 5, 7, 7), np.float32) if zeros else np.ones((1, 5, 7, 7), np.float32)
    nodes = [helper.make_node("Conv", ["x", "w"], ["c"], kernel_shape=[3, 3]),
             helper.make_node("Concat", ["z", "c"] if first else ["c", "z"], ["y"], axis=1)]
    inits = [numpy_helper.from_array(np.ones((3, 2, 3, 3), np.float32), "w"), numpy_helper.from_array(pad, "z")]
    graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, 9, 9])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 8, 7, 7])], inits)
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), str(tmp_path / "m.onnx"))
    report = analyze(tmp_path / "m.onnx")
    if words.startswith("padchannels"):
        assert report.ok, report.messages()
        assert [(r.op, r.output.dims) for r in report.rows] == [("conv 3 3x3 nobias inputs 2", (7, 7, 3)),
                                                                (words, (7, 7, 3 + 5))]
        assert report.totals.params == 3 * 2 * 3 * 3  # the zeros are no parameters
    else:
        [e] = [d for d in report.diagnostics if d.severity == "error"]
        assert e.code == "E070" and words in e.message, e.message


@pytest.mark.torch
@pytest.mark.parametrize("size, window, given", [(9, (2, 2, 0), True), (8, (2, 2, 0), False), (9, (3, 2, 1), False),
                                                 (11, (3, 3, 1), True)])
def test_a_max_unpooling_as_the_newer_exporter_writes_it_is_maxunpool(size: int, window: tuple[int, int, int],
                                                                      given: bool, tmp_path: Path) -> None:
    # SegNet's unpooling: the newer exporter (the older refuses max_unpool2d) writes it out as a ScatterND of the
    # values into zeros at the pool's indices made each channel's own, which was E070 ("Slice"). Read as
    # `maxunpool` of the pool's window over the pool's input, its output's fixed shape an answer. 9x9 pooled 2x2 at
    # stride 2 to 4x4 and unpooled to output_size 9x9; 8x8 to 4x4 and back to (4 - 1)·2 + 2 = 8 without it; 9x9
    # pooled 3x3 stride 2 pad 1 to 5x5, back to (5 - 1)·2 - 2 + 3 = 9. Parameters (3·1 + 1)·4 = 16, (4·3·3 + 1)·4 =
    # 148: 164, PyTorch's count; the output PyTorch's.
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn
    kernel, stride, padding = window

    class SegNetStep(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.enc = nn.Conv2d(3, 4, 1)
            self.pool = nn.MaxPool2d(kernel, stride, padding, return_indices=True)
            self.dec = nn.Conv2d(4, 4, 3, padding=1)
            self.unpool = nn.MaxUnpool2d(kernel, stride, padding)

        def forward(self, x: Any) -> Any:
            x = self.enc(x)
            y, where = self.pool(x)
            y = self.dec(y)
            return self.unpool(y, where, output_size=x.size()) if given else self.unpool(y, where)

    model = SegNetStep().eval()
    x = torch.zeros(1, 3, size, size)
    report = _exported_and_read(model, x, tmp_path / "u.onnx", True, 18)
    unpooling = [r for r in report.rows if r.op.startswith("maxunpool ")]  # (the merge's own row, not its result's)
    assert len(unpooling) == 1 and unpooling[0].op.startswith(f"maxunpool {kernel}x{kernel} stride {stride}")
    assert [r.keyword for r in report.rows].count("maxpool") == 1  # (the 1x1 pool of the steps is none)
    assert report.ok and report.totals.params == sum(p.numel() for p in model.parameters()) == 16 + 148
    out = model(x).shape
    assert report.output is not None and report.output.dims == (out[2], out[3], out[1]) == (size, size, 4)


def _unpooling_model(tmp_path: Path, size: int, unpool: dict[str, Any], shape: list[int] | None,
                     indices: str = "i") -> Any:
    """x (1, 2, size, size), a MaxPool 2x2 stride 2 giving its Indices i, then ONNX's MaxUnpool of its output by
    `indices` with the attributes `unpool` (and `shape` as its output_shape): analysed."""
    from onnx import helper
    pool = helper.make_node("MaxPool", ["x"], ["p", "i"], kernel_shape=[2, 2], strides=[2, 2])
    inputs = ["p", indices] + (["shape"] if shape is not None else [])
    nodes = [pool, helper.make_node("MaxUnpool", inputs, ["y"], **unpool)]
    return _helper_model(tmp_path, nodes, [_ints("shape", shape)] if shape is not None else [], [1, 2, size, size],
                         opset=11)


def test_onnxs_max_unpool_of_a_max_pools_indices_is_maxunpool(tmp_path: Path) -> None:
    # ONNX's own MaxUnpool (the indices a MaxPool's second output): `maxunpool 2x2 stride 2` over the pool's input.
    # With output_shape, that shape an answer: 9x9 pooled to 4x4 and put back in 9x9 (right), or in 8x8 (wrong: the
    # values land at other places of the smaller map). Without it, (4 - 1)·2 + 2 = 8: `exact`, right on 8x8 and
    # E067 on 9x9, whose windows do not tile it.
    _onnx()
    window = {"kernel_shape": [2, 2], "strides": [2, 2]}
    given = _unpooling_model(tmp_path, 9, window, [1, 2, 9, 9])
    assert given.ok and [r.op for r in given.rows][:1] == ["maxunpool 2x2 stride 2 of 2"], given.messages()
    assert given.output is not None and given.output.dims == (9, 9, 2)
    smaller = _unpooling_model(tmp_path, 9, window, [1, 2, 8, 8])
    assert not smaller.ok and [d.code for d in smaller.diagnostics if d.severity == "error"] == ["E040"]
    assert "expected 8x8x2, computed 9x9x2" in next(d.message for d in smaller.diagnostics if d.code == "E040")
    tiled = _unpooling_model(tmp_path, 8, window, None)
    assert tiled.ok and tiled.rows[0].op == "maxunpool 2x2 stride 2 exact of 2", tiled.messages()
    untiled = _unpooling_model(tmp_path, 9, window, None)
    assert [d.code for d in untiled.diagnostics if d.severity == "error"] == ["E067"]


@pytest.mark.parametrize("unpool, indices, said", [
    ({"kernel_shape": [3, 3], "strides": [2, 2]}, "i", "other than its max pool's"),
    ({"kernel_shape": [2, 2], "strides": [1, 1]}, "i", "other than its max pool's"),
    ({"kernel_shape": [2, 2], "strides": [2, 2], "pads": [1, 1, 1, 1]}, "i", "other than its max pool's"),
    ({"kernel_shape": [2, 2], "strides": [2, 2]}, "x", "indices other than those of a max pool"),
])
def test_a_max_unpool_that_is_not_its_pools_is_not_read(unpool: dict[str, Any], indices: str, said: str,
                                                         tmp_path: Path) -> None:
    # Another window than the pool's (PyTorch checks the size against it), or indices that are no pool's: E070, said,
    # at the MaxUnpool's line of the listing, column 1
    _onnx()
    report = _unpooling_model(tmp_path, 8, unpool, [1, 2, 8, 8], indices)
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert [d.code for d in errors] == ["E070"] and said in errors[0].message and "MaxUnpool" in errors[0].message
    assert where(report) == [("E070", _listed_line(report, '"op": "MaxUnpool"'), 1)]


def _listed_line(report: Any, written: str) -> int:
    """The line of the listing (counted from 1) where `written` first appears."""
    text = report.source.text
    return text[:text.index(written)].count("\n") + 1


@pytest.mark.parametrize("attributes", [{"ceil_mode": 1, "pads": [2, 2, 2, 2]}, {"dilations": [2, 2]}])
def test_a_max_unpool_without_output_shape_after_a_ceil_or_dilated_pool_is_not_read(
        attributes: dict[str, Any], tmp_path: Path) -> None:
    # Without output_shape the unpooling's size is its window's own, (h - 1)·S - 2P + K, which a pool rounding up or
    # dilating its window does not give back (PyTorch's reader asks for output_size there too): E070, said, at the
    # MaxUnpool's line. A ceil-mode pool padded past half its window (`widepad`) was once read wrong here: its words
    # were looked for in the spec text rather than the attributes.
    _onnx()
    from onnx import helper
    kernel = 3 if "pads" in attributes else 2
    reach = (kernel - 1) * attributes.get("dilations", [1])[0] + 1
    pool = helper.make_node("MaxPool", ["x"], ["p", "i"], kernel_shape=[kernel, kernel], strides=[2, 2], **attributes)
    unpool = helper.make_node("MaxUnpool", ["p", "i"], ["y"], kernel_shape=[reach, reach], strides=[2, 2],
                              pads=attributes.get("pads", [0, 0, 0, 0]))
    report = _helper_model(tmp_path, [pool, unpool], [], [1, 2, 9, 9], opset=11)
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert [d.code for d in errors] == ["E070"]
    assert "without output_shape after a max pool with dilations or ceil_mode" in errors[0].message
    assert where(report)[-1] == ("E070", _listed_line(report, '"op": "MaxUnpool"'), 1)


@pytest.mark.parametrize("change", ["none", "corner pool 2x2", "corner of another map", "scatter adds", "no offsets",
                                    "after an unread operator"])
def test_a_scatter_that_is_not_an_unpooling_is_not_read_as_one(change: str, tmp_path: Path) -> None:
    # The newer exporter's unpooling written by hand (x 1x2x8x8 pooled 2x2 stride 2 to 4x4, unpooled to 8x8): a
    # `maxunpool`; with a step that is not the exporter's (the corner taken from a 2x2 pool's indices or another
    # map's 1x1 pool, a ScatterND that adds, the channel offsets a computed tensor), no unpooling: E070. After an
    # operator not read (an Erf alone), the unpooling is unknown with it, not named in the E070.
    _onnx()
    import numpy as np
    from onnx import helper, numpy_helper
    corner_pool = {"kernel_shape": [2, 2] if change == "corner pool 2x2" else [1, 1], "strides": [1, 1]}
    pooled = "e" if change == "after an unread operator" else "x"
    nodes = [helper.make_node("Erf", ["x"], ["e"]),
             helper.make_node("MaxPool", [pooled], ["p", "i"], kernel_shape=[2, 2], strides=[2, 2]),
             helper.make_node("Relu", ["x"], ["other"]),
             helper.make_node("MaxPool", ["other" if change == "corner of another map" else pooled], ["q", "qi"],
                              **corner_pool),
             helper.make_node("Slice", ["qi", "zero2", "one2", "axes"], ["corner"]),
             helper.make_node("Sub", ["i", "corner"], ["relative"]),
             helper.make_node("Add", ["relative", "offsets" if change != "no offsets" else "relative"], ["placed"]),
             helper.make_node("Reshape", ["placed", "flat"], ["flat_i"]),
             helper.make_node("Unsqueeze", ["flat_i", "flat"], ["where"]),
             helper.make_node("ConstantOfShape", ["shape"], ["zeros"]),
             helper.make_node("Reshape", ["zeros", "flat"], ["blank"]),
             helper.make_node("Reshape", ["p", "flat"], ["values"]),
             helper.make_node("ScatterND", ["blank", "where", "values"], ["scattered"],
                              **({"reduction": "add"} if change == "scatter adds" else {})),
             helper.make_node("Reshape", ["scattered", "shape"], ["y"])]
    inits = [_ints("zero2", [0, 0]), _ints("one2", [1, 1]), _ints("axes", [2, 3]), _ints("flat", [-1]),
             _ints("shape", [1, 2, 8, 8]), numpy_helper.from_array(np.array([0, 64], np.int64).reshape(1, 2, 1, 1),
                                                                   "offsets")]
    report = _helper_model(tmp_path, nodes if change == "after an unread operator" else nodes[1:], inits, [1, 2, 8, 8],
                           opset=18)
    if change == "after an unread operator":
        errors = [d for d in report.diagnostics if d.severity == "error"]
        assert [d.code for d in errors] == ["E070"] and errors[0].message.startswith("not supported: Erf (1 operator)")
    elif change == "none":
        assert report.ok and [r.op for r in report.rows if r.op.startswith("maxunpool ")] == [
            "maxunpool 2x2 stride 2 of 2"], report.messages()
        assert report.output is not None and report.output.dims == (8, 8, 2)
    else:
        assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E070"]
        assert "maxunpool" not in [r.keyword for r in report.rows]


@pytest.mark.torch
def test_two_unpoolings_to_one_size_share_the_newer_exporters_zeros(tmp_path: Path) -> None:
    # Pooled and unpooled twice to the same 8x8x4: the exporter writes the zeros the values are scattered into
    # once, read by both ScatterNDs (the second was E070, "Slice"). Two `maxunpool 2x2 stride 2`; parameters
    # (3 + 1)·4 = 16, PyTorch's count; the output PyTorch's.
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn

    class Twice(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.conv, self.pool, self.unpool = nn.Conv2d(3, 4, 1), nn.MaxPool2d(2, return_indices=True), \
                nn.MaxUnpool2d(2)

        def forward(self, x: Any) -> Any:
            x = self.conv(x)
            for _ in range(2):
                y, where = self.pool(x)
                x = self.unpool(y, where, output_size=x.size())
            return x

    model = Twice().eval()
    x = torch.zeros(1, 3, 8, 8)
    report = _exported_and_read(model, x, tmp_path / "t.onnx", True, 18)
    assert [r.op for r in report.rows if r.op.startswith("maxunpool ")] == ["maxunpool 2x2 stride 2 of 2"] * 2
    assert report.ok and report.totals.params == sum(p.numel() for p in model.parameters()) == 16
    out = model(x).shape
    assert report.output is not None and report.output.dims == (out[2], out[3], out[1]) == (8, 8, 4)


@pytest.mark.torch
def test_an_unpooling_before_a_channel_shuffle_as_the_newer_exporter_joins_their_reshapes(tmp_path: Path) -> None:
    # A channel shuffle (view to (N, 2, C/2, H, W), transpose, reshape) right after an unpooling: the exporter's one
    # Reshape of the scattered values goes straight to the 5-D view, (1, 2, 2, 6, 6), which was E070. Read as the
    # `maxunpool` to 6x6x4, then `shuffle 2`. Parameters (3 + 1)·4 = 16 and (4·3·3 + 1)·2 = 74: 90, PyTorch's count;
    # the output PyTorch's, 6x6x2.
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn

    class Shuffled(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.enc, self.pool = nn.Conv2d(3, 4, 1), nn.MaxPool2d(2, 2, return_indices=True)
            self.unpool, self.out = nn.MaxUnpool2d(2, 2), nn.Conv2d(4, 2, 3, padding=1)

        def forward(self, x: Any) -> Any:
            x = self.enc(x)
            y, where = self.pool(x)
            x = self.unpool(y, where, output_size=x.size())
            n, c, h, w = x.size()
            x = x.view(n, 2, c // 2, h, w).transpose(1, 2).reshape(n, c, h, w)
            return self.out(x)

    model = Shuffled().eval()
    x = torch.zeros(1, 3, 6, 6)
    report = _exported_and_read(model, x, tmp_path / "s.onnx", True, 18)
    ops = [r.op for r in report.rows]
    assert "maxunpool 2x2 stride 2 of 2" in ops and "shuffle 2" in ops, ops
    assert report.ok and report.totals.params == sum(p.numel() for p in model.parameters()) == 16 + 74
    out = model(x).shape
    assert report.output is not None and report.output.dims == (out[2], out[3], out[1]) == (6, 6, 2)


@pytest.mark.torch
@pytest.mark.parametrize("dynamo", [False, True])
def test_an_fcn_crop_of_numbers_exported_is_a_region(dynamo: bool, tmp_path: Path) -> None:
    # FCN's crop of its upsampled scores, `y[:, :, 19:19 + x.size(2), 19:19 + x.size(3)]`: the newer exporter writes
    # the ends as numbers (19 + 40 = 59), one Slice per axis, the first read by the second alone (it was E070, "a Slice
    # of the height from 19 to 59"): a `region 40x40 at 19x19`; so does the older one for an input of fixed size (of
    # open sizes it keeps x's, a `fit at 19`: test_a_crop_to_another_maps_size_exported_with_dynamic_sizes). A 3x3
    # conv padded by 1 keeps 40x40, 2x2 stride 2 pools to 20x20, a 4x4 stride 4 deconv grows to (20 - 1)·4 + 4 = 80
    # by 80, cropped to 40x40 from row and column 19; parameters (3·9 + 1)·4 = 112 and 4·2·16 = 128, PyTorch's count.
    # Rows alone sliced so, by numbers, needs the map's width: E070.
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn

    class Cropped(nn.Module):
        def __init__(self, rows_alone: bool = False) -> None:
            super().__init__()
            self.conv, self.pool = nn.Conv2d(3, 4, 3, padding=1), nn.MaxPool2d(2)
            self.up = nn.ConvTranspose2d(4, 2, 4, stride=4, bias=False)
            self.rows_alone = rows_alone

        def forward(self, x: Any) -> Any:
            y = self.up(self.pool(self.conv(x)))
            if self.rows_alone:
                return y[:, :, 19:19 + x.size(2)]
            return y[:, :, 19:19 + x.size(2), 19:19 + x.size(3)]

    model = Cropped().eval()
    x = torch.zeros(1, 3, 40, 40)
    report = _exported_and_read(model, x, tmp_path / "f.onnx", dynamo, 18 if dynamo else 17)
    ops = [r.op for r in report.rows]
    assert "region 40 at 19" in ops, ops
    assert report.ok and report.totals.params == sum(p.numel() for p in model.parameters()) == 112 + 128
    out = model(x).shape
    assert report.output is not None and report.output.dims == (out[2], out[3], out[1]) == (40, 40, 2)
    if dynamo:
        rows = _exported(Cropped(True).eval(), x, tmp_path / "r.onnx", True, 18)
        [e] = [d for d in rows.diagnostics if d.severity == "error"]
        assert e.code == "E070" and "which needs the map's other size" in e.message


@pytest.mark.torch
def test_a_pyramid_of_gathered_pools_of_one_map_shares_its_transpose(tmp_path: Path) -> None:
    # PSPNet's pyramid pooling: one map pooled to 1, 2, 3 and 6 and each resized back (25x25: 3 and 6 do not divide
    # it, windows of 9 and of 5; 2 neither, 13 and 13 cells overlapping by one). The newer exporter transposes the
    # map once for all the pools it gathers (the second was E070). Parameters (27 + 1)·16 = 448, 4 · 16·4 = 256
    # (the batch norms folded away by the exporter, their zero biases dropped), (32 + 1)·5 = 165: 869.
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn, F = torch.nn, torch.nn.functional

    class Pyramid(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.body = nn.Conv2d(3, 16, 3, stride=2, padding=1)
            self.stages = nn.ModuleList([nn.Sequential(nn.AdaptiveAvgPool2d(s), nn.Conv2d(16, 4, 1, bias=False),
                                                       nn.BatchNorm2d(4)) for s in (1, 2, 3, 6)])
            self.out = nn.Conv2d(32, 5, 1)

        def forward(self, x: Any) -> Any:
            x = self.body(x)
            h, w = x.shape[2:]
            return self.out(torch.cat([x, *(F.interpolate(s(x), size=(h, w), mode="bilinear", align_corners=False)
                                            for s in self.stages)], 1))

    model = Pyramid().eval()
    x = torch.zeros(1, 3, 50, 50)
    report = _exported_and_read(model, x, tmp_path / "p.onnx", True, 18)
    pools = sorted(r.op for r in report.rows if "pool" in r.op)
    assert pools == ["adaptiveavgpool 2", "adaptiveavgpool 3", "adaptiveavgpool 6", "globalavgpool"], pools
    assert report.ok and report.totals.params == 448 + 256 + 165
    out = model(x).shape
    assert report.output is not None and report.output.dims == (out[2], out[3], out[1]) == (25, 25, 5)


@pytest.mark.torch
@pytest.mark.parametrize("opset", [11, 13, 17])
def test_layer_norms_and_a_channel_softmax_as_the_older_exporter_writes_them_before_opset_17(opset: int,
                                                                                              tmp_path: Path) -> None:
    # Before opset 17 (ONNX's LayerNormalization) PyTorch's older exporter writes nn.LayerNorm out: ReduceMean over
    # its axes, Sub, Pow 2, ReduceMean, Add eps, Sqrt, Div, then Mul by its weight and Add its bias where it has
    # them; and before opset 13 a softmax over the channels between two Transposes by [0, 3, 2, 1]. Each was E070
    # (ReduceMean, Transpose). On a channels-last view (ConvNeXt's) over the last axis: `layernorm inputs 8`, 2·8 = 16;
    # without bias 8; without affine 0; over C, H and W (nn.LayerNorm([8, 6, 6])): 2·8·6·6 = 576. Convolutions
    # (3·3·3 + 1)·8 = 224 and (8 + 1)·4 = 36. 224 + 16 + 8 + 576 + 36 = 860, PyTorch's own count.
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn

    class ChannelsLast(nn.Module):
        def __init__(self, norm: Any) -> None:
            super().__init__()
            self.norm = norm

        def forward(self, x: Any) -> Any:
            return self.norm(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)

    model = nn.Sequential(nn.Conv2d(3, 8, 3), ChannelsLast(nn.LayerNorm(8, eps=1e-6)),
                          ChannelsLast(nn.LayerNorm(8, bias=False)),
                          ChannelsLast(nn.LayerNorm(8, elementwise_affine=False)),
                          nn.LayerNorm([8, 6, 6]), nn.Softmax(dim=1), nn.Conv2d(8, 4, 1), nn.LogSoftmax(dim=1)).eval()
    report = _exported_and_read(model, torch.zeros(1, 3, 8, 8), tmp_path / "n.onnx", False, opset)
    assert [r.op for r in report.rows if r.keyword != "conv"] == [
        "layernorm eps 1e-06 inputs 8", "layernorm noshift inputs 8", "layernorm noaffine",
        "layernorm inputs 8 volume size 6x6", "softmax", "logsoftmax"]
    assert report.totals.params == sum(p.numel() for p in model.parameters()) == 224 + 16 + 8 + 576 + 36
    assert report.output is not None and report.output.dims == (6, 6, 4)


@pytest.mark.parametrize("change", ["none", "cube", "axes", "shapes", "kept", "softmax"])
def test_steps_like_a_layer_norm_or_a_transposed_softmax_that_are_not_are_not_read_as_one(change: str,
                                                                                          tmp_path: Path) -> None:
    # A layer norm over a channels-last view's last axis written out (opset 13): `layernorm inputs 4`, 2·4 = 8. With
    # d³ for d², the variance over another axis than the mean's, a bias of another size than the weight, the mean
    # not kept as an axis of 1, or a softmax swapped back by another Transpose: no layer norm (no softmax); their
    # ReduceMean (Transpose) is E070.
    _onnx()
    from onnx import TensorProto, helper

    def scalar(name: str, value: float) -> Any:
        return helper.make_node("Constant", [], [name], value=helper.make_tensor(name, TensorProto.FLOAT, [], [value]))

    second_axes = [2] if change == "axes" else [-1]
    nodes = [helper.make_node("Transpose", ["x"], ["v"], perm=[0, 2, 3, 1]),
             helper.make_node("ReduceMean", ["v"], ["u"], axes=[-1], keepdims=0 if change == "kept" else 1),
             helper.make_node("Sub", ["v", "u"], ["d"]), scalar("two", 3.0 if change == "cube" else 2.0),
             helper.make_node("Pow", ["d", "two"], ["q"]),
             helper.make_node("ReduceMean", ["q"], ["s"], axes=second_axes),
             scalar("eps", 1e-5), helper.make_node("Add", ["s", "eps"], ["e"]), helper.make_node("Sqrt", ["e"], ["r"]),
             helper.make_node("Div", ["d", "r"], ["n"]), helper.make_node("Mul", ["n", "gamma"], ["g"]),
             helper.make_node("Add", ["g", "beta"], ["b"]),
             helper.make_node("Transpose", ["b"], ["t"], perm=[0, 3, 2, 1]),
             helper.make_node("Softmax", ["t"], ["m"], axis=3),
             helper.make_node("Transpose", ["m"], ["y"], perm=[0, 3, 1, 2] if change == "softmax" else [0, 3, 2, 1])]
    report = _helper_model(tmp_path, nodes, [_floats("gamma", 4), _floats("beta", 3 if change == "shapes" else 4)],
                           [1, 4, 5, 5], opset=11)
    ops = [r.op for r in report.rows]
    errors = [d for d in report.diagnostics if d.severity == "error"]
    if change == "none":
        assert report.ok and ops == ["layernorm inputs 4", "softmax"], report.messages()
        assert report.totals.params == 2 * 4
    elif change == "softmax":
        assert "softmax" not in ops
        assert [d.code for d in errors] == ["E070"] and "Transpose" in errors[0].message
        # (at the first Transpose not read: the softmax's own, by [0, 3, 2, 1])
        assert where(report) == [("E070", _listed_line(report, '"perm": [0, 3, 2, 1]'), 1)]
    else:
        assert not any(op.startswith("layernorm") for op in ops) and "softmax" not in ops
        assert [d.code for d in errors] == ["E070"] and "ReduceMean" in errors[0].message, report.messages()
        assert where(report) == [("E070", _listed_line(report, '"op": "ReduceMean"'), 1)]


@pytest.mark.torch
@pytest.mark.parametrize("opset", [9, 10, 11])
def test_before_opset_11_slices_local_response_norms_and_resizes_to_a_size_read_as_later(opset: int,
                                                                                         tmp_path: Path) -> None:
    # Opset 9's Slice takes its starts, ends and axes as attributes (later ones as inputs): a crop `x[:, :, 1:5, 2:6]`
    # was E070 ("list index out of range"). Its LocalResponseNorm has two Pads (was E070, the Reshape to 5-D). A
    # pooled map resized to the crop's size (DeepLab's image pooling) has, before opset 11, scales computed from the
    # sizes, the crop's 4 over the pooled map's own 1: was E070 (Upsample, Resize). conv 3 -> 8 3x3: (27 + 1)·8 = 224
    # on 8x8 -> 6x6; region rows 1-4, columns 2-5: 4x4; pooled to 1x1; conv 8 -> 2 1x1: (8 + 1)·2 = 18; resized to
    # 4x4. PyTorch's own count and shape.
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.conv, self.lrn, self.head = nn.Conv2d(3, 8, 3), nn.LocalResponseNorm(3), nn.Conv2d(8, 2, 1)

        def forward(self, x: Any) -> Any:
            y = self.lrn(self.conv(x))[:, :, 1:5, 2:6]
            pooled = self.head(nn.functional.adaptive_avg_pool2d(y, 1))
            return nn.functional.interpolate(pooled, size=y.shape[-2:], mode="bilinear", align_corners=False)

    model = Net().eval()
    report = _exported_and_read(model, torch.zeros(1, 3, 8, 8), tmp_path / "o.onnx", False, opset)
    assert [r.op for r in report.rows if r.keyword not in ("conv", "globalavgpool")] == [
        "lrn size 3 k 1", "region 4 at 1x2", "resize 4 bilinear"], report.messages()
    assert report.totals.params == sum(p.numel() for p in model.parameters()) == 224 + 18
    assert report.output is not None and report.output.dims == (4, 4, 2) and \
        tuple(model(torch.zeros(1, 3, 8, 8)).shape) == (1, 2, 4, 4)


@pytest.mark.parametrize("op, inputs, opset", [("Resize", ["x", "roi"], 13), ("Upsample", ["x"], 9),
                                               ("Resize", ["x", "scales"], 10)])
def test_a_resize_without_the_scales_it_needs_is_said_so(op: str, inputs: list[str], opset: int,
                                                         tmp_path: Path) -> None:
    # a Resize of opset 13 given no scales or sizes (its third input), an Upsample without scales, an opset 10
    # Resize whose scales are computed from a map's other than the sizes over its own: E070 saying which, not a
    # Python error's words ("list index out of range" before the computed scales were looked for with a length check)
    _onnx()
    from onnx import helper
    nodes = [helper.make_node("Shape", ["x"], ["s"]), helper.make_node("Cast", ["s"], ["f"], to=1),
             helper.make_node("Div", ["f", "f"], ["scales"]), helper.make_node(op, inputs, ["y"], mode="nearest")]
    report = _helper_model(tmp_path, nodes, [_floats("roi", 0)], [1, 3, 4, 4], opset=opset)
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert [d.code for d in errors] == ["E070"] and f"{op} (scales or sizes cnncalc cannot read)" in errors[0].message
    assert where(report) == [("E070", _listed_line(report, f'"op": "{op}"'), 1)]


@pytest.mark.torch
@pytest.mark.parametrize("folding", [True, False])
def test_convnexts_channels_first_layer_norm_exported_folded_or_not(folding: bool, tmp_path: Path) -> None:
    # The official ConvNeXt's LayerNorm(data_format="channels_first"): u = x.mean(1, keepdim=True), s = (x -
    # u).pow(2).mean(1, keepdim=True), (x - u) / sqrt(s + eps), then weight[:, None, None]·x + bias[:, None, None].
    # Exported without constant folding its weight and bias reach their C x 1 x 1 by two Unsqueezes: it was E070
    # (Pow). `layernorm eps 1e-06 inputs 8`, 2·8 = 16; conv (3·3·3 + 1)·8 = 224: 240, PyTorch's own count.
    from tests.test_pytorch_export import _torch
    torch = _torch()
    nn = torch.nn

    class ChannelsFirst(nn.Module):
        def __init__(self, c: int) -> None:
            super().__init__()
            self.weight, self.bias = nn.Parameter(torch.ones(c)), nn.Parameter(torch.zeros(c))

        def forward(self, x: Any) -> Any:
            u = x.mean(1, keepdim=True)
            s = (x - u).pow(2).mean(1, keepdim=True)
            x = (x - u) / torch.sqrt(s + 1e-6)
            return self.weight[:, None, None] * x + self.bias[:, None, None]

    model = nn.Sequential(nn.Conv2d(3, 8, 3), ChannelsFirst(8)).eval()
    report = _exported_and_read(model, torch.zeros(1, 3, 8, 8), tmp_path / "c.onnx", False, 17, folding)
    assert [r.op for r in report.rows if r.keyword != "conv"] == ["layernorm eps 1e-06 inputs 8"]
    assert report.totals.params == sum(p.numel() for p in model.parameters()) == 224 + 16
