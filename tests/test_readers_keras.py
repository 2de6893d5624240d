"""The Keras reader (model.to_json(), Keras 2 and 3). Expected numbers: the Keras MNIST convnet
example's published summary (Total params: 34,826) and arithmetic written here."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cnncalc import analyze, analyze_text

FIXTURES = Path(__file__).resolve().parent / "fixtures/notations"


def sequential(*layers: dict[str, Any], shape: list[Any] | None = None) -> str:
    first = {"class_name": "InputLayer", "config": {"batch_input_shape": shape or [None, 8, 8, 3], "name": "in"}}
    return json.dumps({"class_name": "Sequential", "config": {"name": "m", "layers": [first, *layers]}})


def test_keras2_sequential_mnist_convnet() -> None:
    report = analyze(FIXTURES / "mnist_convnet_keras2.json")
    assert not [d for d in report.diagnostics if d.severity == "error"], report.messages()
    # (3·3·1 + 1)·32 + (3·3·32 + 1)·64 + (5·5·64 + 1)·10 = 320 + 18,496 + 16,010
    assert report.totals.params == 34826
    assert [r.name for r in report.rows][:2] == ["conv2d", "conv2d_relu"]  # the fused activation, its own row


def test_keras3_functional_with_merges_separable_and_batchnorm() -> None:
    report = analyze(FIXTURES / "residual_keras3.json")
    assert report.ok, report.messages()
    stem = 3 * 3 * 3 * 16
    sep = 3 * 3 * 16 + (16 + 1) * 16  # depthwise without bias, pointwise with
    assert report.totals.params == stem + 2 * 16 + sep + (32 + 1) * 10
    assert report.totals.non_trainable == 2 * 16  # Keras' moving mean and variance
    assert report.rows[0].output.dims == (16, 16, 16)  # 'same' with stride 2: ceil(32/2)
    assert report.output is not None and report.output.dims == (10,)


def test_channels_first_and_padding_same() -> None:
    text = json.dumps({"class_name": "Sequential", "config": {"layers": [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 3, 15, 15], "name": "in"}},
        {"class_name": "Conv2D", "config": {"name": "c", "filters": 4, "kernel_size": 3, "strides": 2,
                                            "padding": "same", "data_format": "channels_first"}}]}})
    report = analyze_text(text, "m.json")
    assert report.rows[0].output.dims == (8, 8, 4)  # ceil(15/2)


def test_batchnorm_epsilon_default_is_keras() -> None:
    report = analyze_text(sequential({"class_name": "BatchNormalization", "config": {"name": "bn"}}), "m.json")
    assert report.rows[0].op == "batchnorm eps 0.001"


def test_errors() -> None:
    report = analyze_text('{"class_name": "Sequential", "config": {"layers": [', "m.json")
    assert report.diagnostics[0].code == "E071"
    report = analyze_text(sequential({"class_name": "LSTM", "config": {"name": "rnn", "units": 4}}), "m.json")
    e = report.diagnostics[0]
    assert e.code == "E070" and "LSTM" in e.message and e.span.start > 0
    report = analyze_text(sequential({"class_name": "PReLU", "config": {"name": "p"}}), "m.json")
    assert report.diagnostics[0].code == "E070" and "shared_axes" in report.diagnostics[0].message
    report = analyze_text('{"a": 1}', "m.json")
    assert report.diagnostics[0].code == "E071"


def functional(*layers: tuple[str, str, dict[str, Any], list[str]], shape: list[Any], output: str) -> str:
    """A Keras 2 Functional model: (class, name, config, inbound layer names)."""
    entries = [{"class_name": "InputLayer", "name": "in", "config": {"batch_input_shape": shape, "name": "in"},
                "inbound_nodes": []}]
    entries += [{"class_name": kind, "name": name, "config": {"name": name, **config},
                 "inbound_nodes": [[[source, 0, 0, {}] for source in sources]]}
                for kind, name, config, sources in layers]
    return json.dumps({"class_name": "Functional", "config": {
        "name": "m", "layers": entries, "input_layers": [["in", 0, 0]], "output_layers": [[output, 0, 0]]}})


def test_squeeze_and_excitation_through_a_reshape_and_a_pooled_output() -> None:
    # Keras 2's EfficientNet writes SE as GlobalAveragePooling2D -> Reshape((1, 1, C)): the pooled vector
    # goes back to 1x1xC and is never flattened; a model ending in the pool gives the vector.
    text = functional(
        ("Conv2D", "stem", {"filters": 16, "kernel_size": [3, 3], "padding": "same"}, ["in"]),
        ("GlobalAveragePooling2D", "squeeze", {}, ["stem"]),
        ("Reshape", "reshape", {"target_shape": [1, 1, 16]}, ["squeeze"]),
        ("Conv2D", "reduce", {"filters": 4, "kernel_size": [1, 1], "activation": "relu"}, ["reshape"]),
        ("Conv2D", "expand", {"filters": 16, "kernel_size": [1, 1], "activation": "sigmoid"}, ["reduce"]),
        ("Multiply", "excite", {}, ["stem", "expand"]),
        ("GlobalAveragePooling2D", "pool", {}, ["excite"]),
        shape=[None, 8, 8, 3], output="pool")
    report = analyze_text(text, "m.json")
    assert report.ok, report.messages()
    # (3·3·3 + 1)·16 + (16 + 1)·4 + (4 + 1)·16 = 448 + 68 + 80
    assert report.totals.params == 448 + 68 + 80
    assert [r.output.dims for r in report.rows if r.name in ("squeeze", "reshape", "reduce")] == \
        [(1, 1, 16), (1, 1, 16), (1, 1, 4)]
    assert report.output is not None and report.output.dims == (16,)
    assert not any(r.name == "squeeze_flatten" for r in report.rows)
    # a Reshape that is not to a vector nor a pooled vector back to 1x1xC is named
    bad = functional(("Conv2D", "stem", {"filters": 4, "kernel_size": [3, 3]}, ["in"]),
                     ("Reshape", "r", {"target_shape": [2, 18, 4]}, ["stem"]), shape=[None, 8, 8, 3], output="r")
    [e] = [d for d in analyze_text(bad, "m.json").diagnostics if d.code == "E070"]
    assert "Reshape" in e.message


def test_a_dense_layer_on_a_volume_is_e037() -> None:
    # Keras applies Dense to the last axis: on a 6x6x8 volume, at each position (6·6 outputs of 10). It
    # was read as a spec `fc`, which flattens: 6·6·8·10 + 10 = 2,890 parameters where Keras has 8·10 + 10.
    def model(between: str) -> str:
        return ('{"class_name": "Sequential", "config": {"name": "s", "layers": ['
                '{"class_name": "InputLayer", "config": {"name": "in", "batch_shape": [null, 8, 8, 3]}}, '
                '{"class_name": "Conv2D", "config": {"name": "c", "filters": 8, "kernel_size": [3, 3]}}, '
                + between + '{"class_name": "Dense", "config": {"name": "d", "units": 10}}]}}')
    on_volume = analyze_text(model(""), "m.json")
    assert [d.code for d in on_volume.diagnostics if d.severity == "error"] == ["E037"]
    flat = analyze_text(model('{"class_name": "Flatten", "config": {"name": "f"}}, '), "m.json")
    assert flat.ok and flat.totals.params == (3 * 9 + 1) * 8 + (6 * 6 * 8 + 1) * 10


def test_a_model_used_as_a_layer_has_its_layers_read_in_its_place() -> None:
    # Transfer learning: a base model (here a Functional with a residual add) inside the outer model,
    # then a global pool and a Dense head. It was E070 ("the layer `Functional`").
    report = analyze(FIXTURES / "transfer_keras2.json")
    assert report.ok and report.input.dims == (64, 64, 3)
    # conv 3·9·16 + 16 = 448 (same, stride 2: 64/2 = 32); bn 2·16 learnable; conv2 16·9·16 + 16 = 2,320;
    # the head 16·5 + 5 = 85
    assert report.totals.params == 448 + 32 + 2320 + 85 and report.output.dims == (5,)
    assert report.totals.macs == 32 * 32 * 16 * 27 + 32 * 32 * 16 * 144 + 16 * 5
    nested = json.loads((FIXTURES / "transfer_keras2.json").read_text())
    base = nested["config"]["layers"][1]
    sequential = {"class_name": "Sequential", "config": {"name": "outer", "layers": [
        nested["config"]["layers"][0], {"class_name": "Sequential", "config": {"name": "base", "layers": [
            base["config"]["layers"][0], base["config"]["layers"][1]]}},
        {"class_name": "Flatten", "config": {"name": "f"}}]}}
    flat = analyze_text(json.dumps(sequential), "m.json")
    assert flat.ok and flat.output.dims == (32 * 32 * 16,) and flat.totals.params == 448
