"""The Keras reader (model.to_json(), Keras 2 and 3). Expected numbers: the Keras MNIST convnet
example's published summary (Total params: 34,826) and arithmetic written here."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

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


def test_channels_first_stated_only_inside_a_model_used_as_a_layer() -> None:
    # The outer model's own layers state no data format; its channels-first backbone does. It was "layers with
    # different data formats" (E070): the outer model was taken for channels last.
    backbone = {"class_name": "Sequential", "config": {"name": "base", "layers": [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 3, 15, 15], "name": "bin"}},
        {"class_name": "Conv2D", "config": {"name": "c", "filters": 4, "kernel_size": 3, "strides": 2,
                                            "padding": "same", "data_format": "channels_first"}}]}}
    text = json.dumps({"class_name": "Sequential", "config": {"name": "outer", "layers": [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 3, 15, 15], "name": "in"}}, backbone,
        {"class_name": "Flatten", "config": {"name": "f"}},
        {"class_name": "Dense", "config": {"name": "d", "units": 2}}]}})
    report = analyze_text(text, "m.json")
    assert report.ok, report.messages()
    # 3 channels of 15x15: conv (3·3·3 + 1)·4 = 112 to 8x8x4 (ceil(15/2)); the head (256 + 1)·2 = 514
    assert report.rows[0].output.dims == (8, 8, 4) and report.totals.params == 112 + 514


def test_batchnorm_epsilon_default_is_keras() -> None:
    report = analyze_text(sequential({"class_name": "BatchNormalization", "config": {"name": "bn"}}), "m.json")
    assert report.rows[0].op == "batchnorm eps 0.001"


def test_errors() -> None:
    report = analyze_text('{"class_name": "Sequential", "config": {"layers": [', "m.json")
    assert report.diagnostics[0].code == "E071"
    report = analyze_text(sequential({"class_name": "LSTM", "config": {"name": "rnn", "units": 4}}), "m.json")
    e = report.diagnostics[0]
    assert e.code == "E070" and "LSTM" in e.message and e.span.start > 0
    report = analyze_text(sequential({"class_name": "PReLU", "config": {"name": "p", "shared_axes": [1]}}), "m.json")
    assert report.diagnostics[0].code == "E070" and "shared_axes [1]" in report.diagnostics[0].message
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
    # a Reshape to a map takes the values in Keras' order (H, W, C, as cnncalc's `reshape`): 6·6·4 = 144 = 2·18·4
    def reshaped(target: list[int]) -> Any:
        return analyze_text(functional(("Conv2D", "stem", {"filters": 4, "kernel_size": [3, 3]}, ["in"]),
                                       ("Reshape", "r", {"target_shape": target}, ["stem"]), shape=[None, 8, 8, 3],
                                       output="r"), "m.json")
    assert str(reshaped([2, 18, 4]).output) == "2x18x4" and str(reshaped([2, 18, -1]).output) == "2x18x4"
    [e] = [d for d in reshaped([2, 18, 5]).diagnostics if d.severity == "error"]  # 180 values, not 144
    assert (e.code, e.message) == ("E017", "r: reshape 2x18x5 takes 180 values but receives 144 (6x6x4)")
    # to a vector: of the 144 values, or of any with -1; 145 is E017, as Keras refuses it (it was a flatten: a pass)
    assert str(reshaped([144]).output) == "144" and str(reshaped([-1]).output) == "144"
    [e] = [d for d in reshaped([145]).diagnostics if d.severity == "error"]
    assert e.code == "E017" and "written for 145 input values but receives 144" in e.message, e.message
    # a Reshape to any other rank is named
    [e] = [d for d in reshaped([2, 3, 4, 6]).diagnostics if d.code == "E070"]
    assert "Reshape" in e.message


def test_a_dense_layer_on_a_volume_acts_at_each_position() -> None:
    # Keras applies Dense to the last axis: on a 6x6x8 volume, at each position (6·6 outputs of 10), a 1x1
    # convolution. It was first read as a spec `fc`, which flattens (6·6·8·10 + 10 = 2,890 parameters where
    # Keras has 8·10 + 10), then as E037; a Keras 2 file does not say its layers' ranks: they are followed
    # from the input (a global pool or a Flatten makes vectors).
    def model(between: str) -> str:
        return ('{"class_name": "Sequential", "config": {"name": "s", "layers": ['
                '{"class_name": "InputLayer", "config": {"name": "in", "batch_input_shape": [null, 8, 8, 3]}}, '
                '{"class_name": "Conv2D", "config": {"name": "c", "filters": 8, "kernel_size": [3, 3]}}, '
                + between + '{"class_name": "Dense", "config": {"name": "d", "units": 10}}]}}')
    on_volume = analyze_text(model(""), "m.json")
    assert on_volume.ok, on_volume.messages()
    assert on_volume.rows[-1].op == "conv 10 1x1" and on_volume.output is not None
    assert on_volume.output.dims == (6, 6, 10) and on_volume.totals.params == (3 * 9 + 1) * 8 + (8 + 1) * 10
    assert on_volume.totals.macs == 6 * 6 * 8 * 27 + 6 * 6 * 8 * 10
    flat = analyze_text(model('{"class_name": "Flatten", "config": {"name": "f"}}, '), "m.json")
    assert flat.ok and flat.totals.params == (3 * 9 + 1) * 8 + (6 * 6 * 8 + 1) * 10
    pooled = analyze_text(model('{"class_name": "GlobalAveragePooling2D", "config": {"name": "p"}}, '), "m.json")
    assert pooled.ok and pooled.rows[-1].op.startswith("fc 10") and pooled.output.dims == (10,)


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


def keras3(*layers: tuple[str, str, dict[str, Any], list[str], list[Any] | None], shape: list[Any],
           output: str) -> str:
    """A Keras 3 Functional model: (class, name, config, inbound layer names, input shape or None),
    each layer with the `build_config` Keras 3 writes when the input shape is given; `name#k` reads output k of a
    layer that gives several (`ops.split`'s parts)."""
    entries: list[dict[str, Any]] = [{"class_name": "InputLayer", "name": "in", "inbound_nodes": [],
                                      "config": {"batch_shape": shape, "name": "in"}}]
    for kind, name, config, sources, built in layers:
        tensors = [{"class_name": "__keras_tensor__", "config": {"keras_history": [
            s.partition("#")[0], 0, int(s.partition("#")[2] or 0)]}} for s in sources]
        entry = {"class_name": kind, "name": name, "config": {"name": name, **config},
                 "inbound_nodes": [{"args": tensors if len(tensors) > 1 else tensors[:1], "kwargs": {}}]}
        if built is not None:
            entry["build_config"] = {"input_shape": built}
        entries.append(entry)
    return json.dumps({"class_name": "Functional", "config": {
        "name": "m", "layers": entries, "input_layers": [["in", 0, 0]], "output_layers": [[output, 0, 0]]}})


def test_keras3_convnext_block_layer_norms_dense_on_maps_and_layer_scale() -> None:
    # Keras' ConvNeXt: a Normalization with its mean and variance written in (constants, no weights), a
    # channels-last LayerNormalization, Dense on a map (Keras applies it at each position: a 1x1 conv; its
    # build_config says the input is a map), LayerScale (a learnt gamma per channel), StochasticDepth.
    # It was E070 at the LayerNormalization.
    text = keras3(
        ("Normalization", "prep", {"axis": [-1], "mean": [0.5, 0.5, 0.5], "variance": [0.25, 0.25, 0.25]}, ["in"],
         [None, 8, 8, 3]),
        ("Conv2D", "stem", {"filters": 16, "kernel_size": [4, 4], "strides": [4, 4]}, ["prep"], [None, 8, 8, 3]),
        ("LayerNormalization", "stem_ln", {"axis": [-1], "epsilon": 1e-6}, ["stem"], [None, 2, 2, 16]),
        ("DepthwiseConv2D", "dw", {"kernel_size": [7, 7], "padding": "same"}, ["stem_ln"], [None, 2, 2, 16]),
        ("LayerNormalization", "ln", {"axis": -1, "epsilon": 1e-6}, ["dw"], [None, 2, 2, 16]),
        ("Dense", "pw1", {"units": 64}, ["ln"], [None, 2, 2, 16]),
        ("Activation", "act", {"activation": "gelu"}, ["pw1"], None),
        ("Dense", "pw2", {"units": 16}, ["act"], [None, 2, 2, 64]),
        ("LayerScale", "ls", {"init_values": 1e-6, "projection_dim": 16}, ["pw2"], [None, 2, 2, 16]),
        ("StochasticDepth", "drop", {"drop_path_rate": 0.1}, ["ls"], [None, 2, 2, 16]),
        ("Add", "sum", {}, ["stem_ln", "drop"], [[None, 2, 2, 16], [None, 2, 2, 16]]),
        ("GlobalAveragePooling2D", "pool", {}, ["sum"], [None, 2, 2, 16]),
        ("LayerNormalization", "head_ln", {"axis": -1}, ["pool"], [None, 16]),
        ("Dense", "head", {"units": 10}, ["head_ln"], [None, 16]),
        shape=[None, 8, 8, 3], output="head")
    report = analyze_text(text, "m.json")
    assert report.ok, report.messages()
    ops = {r.name: r.op for r in report.rows}
    assert (ops["pw1"], ops["ln"], ops["ls"], ops["head_ln"]) == \
        ("conv 64 1x1", "layernorm eps 1e-06", "scale nobias inputs 16", "layernorm eps 0.001")  # Keras' default eps
    # stem (4·4·3 + 1)·16 = 784; each layer norm 2·16 = 32 (three); dw 7·7·16 + 16 = 800;
    # pw1 (16 + 1)·64 = 1,088; pw2 (64 + 1)·16 = 1,040; layer scale 16; head (16 + 1)·10 = 170
    assert report.totals.params == 784 + 3 * 32 + 800 + 1088 + 1040 + 16 + 170
    assert report.totals.non_trainable == 0  # the written mean and variance are no weights (Keras: 0)
    # MACs on the 2x2 map: stem 2·2·16·48 = 3,072; dw 2·2·16·49 = 3,136; pw1 2·2·16·64 = 4,096;
    # pw2 2·2·64·16 = 4,096; the head 16·10 = 160
    assert report.totals.macs == 3072 + 3136 + 4096 + 4096 + 160
    assert report.output is not None and report.output.dims == (10,)


def test_keras_ops_split_gives_each_part_to_what_reads_it() -> None:
    # `a, b = keras.ops.split(x, 2, axis=-1)` saves a Split operation whose parts are its outputs 0 and 1 (it was
    # E070): 8 channels in 2 equal parts of 4; the first through a 3x3 conv of 4 filters, (3·3·4 + 1)·4 = 148, joined
    # back to 4 + 4 = 8 channels. At the indices [3, 7] of 10 channels: 0-2, 3-6, 7-9. Keras refuses equal parts
    # that do not divide (NumPy's split): 8 channels in 3 are E033.
    def model(channels: int, sections: Any, reads: tuple[str, str]) -> str:
        return keras3(
            ("Split", "split", {"indices_or_sections": sections, "axis": -1}, ["in"], None),
            ("Conv2D", "conv", {"filters": 4, "kernel_size": [3, 3], "padding": "same"}, [reads[0]], None),
            ("Concatenate", "cat", {"axis": -1}, ["conv", reads[1]], None),
            shape=[None, 16, 16, channels], output="cat")
    report = analyze_text(model(8, 2, ("split", "split#1")), "m.json")
    assert report.ok, report.messages()
    assert sorted(r.op for r in report.rows if r.name.startswith("split")) == ["part 1 of 2", "part 2 of 2"]
    assert report.totals.params == (3 * 3 * 4 + 1) * 4
    assert report.output is not None and report.output.dims == (16, 16, 4 + 4)
    report = analyze_text(model(10, [3, 7], ("split#1", "split#2")), "m.json")
    assert report.ok, report.messages()
    assert sorted(r.op for r in report.rows if r.name.startswith("split")) == ["slice 0:3", "slice 3:7", "slice 7:"]
    assert report.output is not None and report.output.dims == (16, 16, 4 + 3)  # (3·3·4 + 1)·4 on channels 3-6
    def said(text: str) -> list[tuple[str, int, str]]:  # each diagnostic's code, offset and words
        return [(d.code, d.span.start, d.message) for d in analyze_text(text, "m.json").diagnostics]

    thirds = model(8, 3, ("split", "split#2"))
    assert {(code, at) for code, at, _ in said(thirds)} == {("E033", thirds.index('"name": "split"'))}
    assert all("8 channels do not form 3 equal parts (8/3 = 2.66667)" in words for _, _, words in said(thirds))
    # a part past the split's last (at the layer that reads it), or a split along another axis: said, not read
    past = model(8, 2, ("split", "split#2"))
    assert said(past) == [("E070", past.index('"name": "cat"'), "an input from output 2 of `split` "
                           "(cnncalc follows the first output of a layer or model, and each part of an ops.split)")]
    other_axis = json.loads(model(8, 2, ("split", "split#1")))
    other_axis["config"]["layers"][1]["config"]["axis"] = 1
    sideways = json.dumps(other_axis)
    assert said(sideways)[0][:2] == ("E070", sideways.index('"name": "split"'))
    assert "ops.split along axis 1 (cnncalc splits the channels)" in said(sideways)[0][2]
    if importlib.util.find_spec("keras") is None or importlib.util.find_spec("torch") is None:
        return
    import os
    os.environ.setdefault("KERAS_BACKEND", "torch")
    keras = __import__("keras")
    inputs = keras.Input((16, 16, 10))
    a, b, c = keras.ops.split(inputs, [3, 7], axis=-1)
    built = keras.Model(inputs, keras.layers.Concatenate()([keras.layers.Conv2D(4, 3, padding="same")(b), c, a]))
    report = analyze_text(built.to_json(), "m.json")
    assert report.ok, report.messages()
    assert report.totals.params == built.count_params()
    assert report.output is not None and report.output.dims == tuple(built.output_shape[1:])


def test_keras_batch_norm_with_only_its_shift_or_only_its_scale() -> None:
    # Keras' InceptionV3 writes BatchNormalization(scale=False): beta learnt, no gamma. It was E070.
    def bn(**config: Any) -> dict[str, Any]:
        return {"class_name": "BatchNormalization", "config": {"name": f"bn{len(config)}", **config}}
    report = analyze_text(sequential({"class_name": "Conv2D", "config": {"name": "c", "filters": 8,
                                                                        "kernel_size": 3, "use_bias": False}},
                                     bn(scale=False), bn(center=False, axis=3), bn(center=False, scale=False, axis=-1)),
                          "m.json")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows[1:]] == ["batchnorm eps 0.001 noscale", "batchnorm eps 0.001 noshift",
                                               "batchnorm eps 0.001 noaffine"]
    # conv 3·3·3·8 = 216; 8 betas; 8 gammas; nothing; each norm's moving mean and variance 2·8 (Keras'
    # non-trainable)
    assert (report.totals.params, report.totals.non_trainable) == (216 + 8 + 8, 3 * 2 * 8)
    assert [(r.weights, r.biases) for r in report.rows[1:]] == [(0, 8), (8, 0), (0, 0)]
    # over an axis that is not the channels', Keras would normalise something else: E070, not 2C
    wrong = analyze_text(sequential(bn(axis=1)), "m.json")
    assert [d.code for d in wrong.diagnostics if d.severity == "error"] == ["E070"]
    e = wrong.diagnostics[0]
    assert "BatchNormalization over axis 1" in e.message and "channels" in e.message
    assert wrong.source.text[e.span.start:e.span.end] == '"name": "bn1"'  # the caret at the layer's name


def test_keras_layer_and_group_norms_without_center_or_scale() -> None:
    # LayerNormalization and GroupNormalization take `center` (beta) and `scale` (gamma) as BatchNormalization does;
    # without one they learn the other's 8 values, without both nothing (they were E070)
    def norm(kind: str, **config: Any) -> dict[str, Any]:
        return {"class_name": kind, "config": {"name": f"n{kind[0]}{len(config)}{config.get('scale', 1)}", **config}}
    report = analyze_text(sequential({"class_name": "Conv2D", "config": {"name": "c", "filters": 8,
                                                                        "kernel_size": 3, "use_bias": False}},
                                     norm("LayerNormalization", scale=False), norm("LayerNormalization", center=False),
                                     norm("GroupNormalization", groups=2, center=False, scale=False),
                                     norm("GroupNormalization", groups=4, scale=False)), "m.json")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows[1:]] == ["layernorm eps 0.001 noscale", "layernorm eps 0.001 noshift",
                                               "groupnorm 2 eps 0.001 noaffine onevalue",
                                               "groupnorm 4 eps 0.001 noscale onevalue"]
    # conv 3·3·3·8 = 216; 8 betas; 8 gammas; nothing; 8 betas
    assert [(r.weights, r.biases) for r in report.rows[1:]] == [(0, 8), (8, 0), (0, 0), (0, 8)]
    assert report.totals.params == 216 + 3 * 8
    # over an axis that is not the channels', Keras would normalise something else: E070, not 2C


def test_keras_layer_norm_over_the_whole_image_learns_per_value() -> None:
    # LayerNormalization(axis=[1, 2, 3]) on a channels-last map: Keras' gamma and beta have the shape of those axes,
    # 6·6·8 = 288 values each; on 8x8x3 a 3x3 conv without padding (3·3·3 + 1)·8 = 224 gives 6x6x8; the norm
    # 2·288 = 576, without its center 288 (axes in any order, or counted from the end)
    conv = {"class_name": "Conv2D", "config": {"name": "c", "filters": 8, "kernel_size": 3}}
    for axis, center, params in (([1, 2, 3], True, 576), ([-1, -3, -2], False, 288), ([3, 1, 2], True, 576)):
        norm = {"class_name": "LayerNormalization", "config": {"name": "n", "axis": axis, "center": center}}
        report = analyze_text(sequential(conv, norm), "m.json")
        assert report.ok, report.messages()
        assert report.rows[-1].op == "layernorm eps 0.001" + ("" if center else " noshift") + " volume"
        assert report.totals.params == 224 + params, axis
    # over the height and width only: not cnncalc's norm, E070 as before
    norm = {"class_name": "LayerNormalization", "config": {"name": "n", "axis": [1, 2]}}
    assert [d.code for d in analyze_text(sequential(conv, norm), "m.json").diagnostics] == ["E070"]


def test_keras_inception_resnet_scaled_residual_is_an_add() -> None:
    # CustomScaleLayer (Keras' Inception-ResNet) computes x + scale·r: no weights, the shape of its inputs
    text = keras3(("Conv2D", "a", {"filters": 8, "kernel_size": [1, 1]}, ["in"], [None, 6, 6, 8]),
                  ("CustomScaleLayer", "mix", {"scale": 0.17}, ["in", "a"], [[None, 6, 6, 8], [None, 6, 6, 8]]),
                  shape=[None, 6, 6, 8], output="mix")
    report = analyze_text(text, "m.json")
    assert report.ok, report.messages()
    assert report.totals.params == (8 + 1) * 8 and report.output is not None and report.output.dims == (6, 6, 8)


def test_a_keras_model_with_open_height_and_width_asks_for_the_input() -> None:
    # keras.applications.MobileNetV3Small() leaves the input's height and width open ([None, None, None, 3]):
    # E072 asks for `--input`, which then reads it. It was E070 ("an input of shape ...") even with --input.
    text = keras3(("Conv2D", "c", {"filters": 4, "kernel_size": [3, 3], "strides": [2, 2], "padding": "same"},
                   ["in"], [None, None, None, 3]), shape=[None, None, None, 3], output="c")
    [asked] = analyze_text(text, "m.json").diagnostics
    assert asked.code == "E072" and asked.message.startswith("the Keras file")  # the framework's name, not `keras`
    report = analyze_text(text, "m.json", input="32x32x3")
    assert report.ok and report.rows[0].output.dims == (16, 16, 4)  # 'same', stride 2: ceil(32/2)
    assert report.totals.params == (3 * 3 * 3 + 1) * 4


def test_a_field_of_the_wrong_type_is_malformed_at_its_layer() -> None:
    # Found by mutating keras.applications' JSON: `inbound_nodes: 5` raised TypeError out of the reader.
    text = keras3(("Conv2D", "c", {"filters": 4, "kernel_size": [3, 3]}, ["in"], None), shape=[None, 8, 8, 3],
                  output="c")
    model = json.loads(text)
    model["config"]["layers"][1]["inbound_nodes"] = 5
    report = analyze_text(json.dumps(model), "m.json")
    [e] = [d for d in report.diagnostics if d.severity == "error"]
    assert e.code == "E071" and e.message.startswith("c: ") and e.span.start > 0


@pytest.mark.parametrize("kind, config, said", [
    # a value written into the spec text must be the number Keras takes: a string was read as more spec (filters
    # "8 stride 2" made a stride-2 convolution), a bool as a number
    ("Conv2D", {"filters": "8 stride 2", "kernel_size": 3}, 'filters "8 stride 2"'),
    ("Conv2D", {"filters": "8", "kernel_size": 3}, 'filters "8"'),
    ("Conv2D", {"filters": 8, "kernel_size": 3, "groups": True}, "groups true"),
    ("Conv2DTranspose", {"filters": 2.5, "kernel_size": 3}, "filters 2.5"),
    ("DepthwiseConv2D", {"kernel_size": 3, "depth_multiplier": "2"}, 'depth_multiplier "2"'),
    ("Dense", {"units": "10 nobias"}, 'units "10 nobias"'),
    ("ZeroPadding2D", {"padding": [[True, 1], [1, 1]]}, "padding [true, 1]"),
    ("Cropping2D", {"cropping": [[0, "1"], [0, 0]]}, 'cropping [0, "1"]'),
    ("Resizing", {"height": "9 ; relu", "width": 4}, 'height "9 ; relu"'),
    ("BatchNormalization", {"epsilon": "1e-3"}, 'epsilon "1e-3"'),
    ("Dropout", {"rate": "0.5"}, 'rate "0.5"'),
    ("LeakyReLU", {"negative_slope": True}, "negative_slope true"),
    ("GroupNormalization", {"groups": "2", "axis": -1}, 'groups "2"'),
    ("Reshape", {"target_shape": [True, 64, 3]}, "a Reshape to [true, 64, 3]"),
])
def test_a_value_keras_would_refuse_is_refused_never_written_into_the_spec(kind: str, config: dict[str, Any],
                                                                          said: str) -> None:
    text = sequential({"class_name": kind, "config": {"name": "x", **config}})
    report = analyze_text(text, "m.json")
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert [d.code for d in errors] == ["E070"] and said in errors[0].message, report.messages()
    assert (errors[0].line, errors[0].column) == (1, text.index('"name": "x"') + 1)  # at the layer's name
    assert report.totals.params is None


def _saved(path: Path, config: bytes | None, name: str = "config.json") -> Path:
    """A `.keras` file as Keras 3's `model.save` writes it: a zip of metadata.json, config.json (the model as
    `model.to_json()` gives it) and the weights."""
    import zipfile
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("metadata.json", '{"keras_version": "3.15.1"}')
        if config is not None:
            z.writestr(name, config)
        z.writestr("model.weights.h5", b"\x89HDF\r\n\x1a\n")
    return path


def test_a_keras3_model_file_is_read_from_its_config(tmp_path: Path) -> None:
    # the same totals as the JSON the fixture is: (3·3·3)·16 + 2·16 + the separable conv + (32 + 1)·10
    saved = _saved(tmp_path / "m.keras", (FIXTURES / "residual_keras3.json").read_bytes())
    report, from_json = analyze(saved), analyze(FIXTURES / "residual_keras3.json")
    assert report.ok, report.messages()
    assert (report.totals.params, report.totals.non_trainable, report.totals.macs) == (
        from_json.totals.params, from_json.totals.non_trainable, from_json.totals.macs)
    assert report.totals.params == 3 * 3 * 3 * 16 + 2 * 16 + 3 * 3 * 16 + (16 + 1) * 16 + (32 + 1) * 10
    from cnncalc.checking import collect
    assert collect((str(tmp_path),)).files == [str(saved)]  # a folder's .keras files are checked


def test_a_keras_file_that_is_not_a_model_is_a_usage_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cnncalc.cli import cli
    from cnncalc.limits import MAX_FILE_BYTES
    cases = {
        "junk.keras": None, "weights_only.keras": _saved(tmp_path / "weights_only.keras", None),
        "huge.keras": _saved(tmp_path / "huge.keras", b" " * (MAX_FILE_BYTES + 1)),  # deflates to 32 KiB
    }
    (tmp_path / "junk.keras").write_bytes(b"not a zip at all")
    messages = {}
    for name in cases:
        result = CliRunner().invoke(cli, [str(tmp_path / name)])
        assert result.exit_code == 2, result.output
        messages[name] = result.output.strip().splitlines()[-1]
    assert "is not a Keras model file (BadZipFile" in messages["junk.keras"]
    assert "holds no config.json: not a model saved by Keras 3" in messages["weights_only.keras"]
    assert f"config.json is more than {MAX_FILE_BYTES:,} bytes" in messages["huge.keras"]


# `.h5` files as Keras writes them (made with keras 3.15.1 and h5py 3.16, torch backend):
# - tiny_residual_keras3.h5: `model.save("tiny_residual_keras3.h5")` of keras.Input((16, 16, 3)), Conv2D(8, 3,
#   padding="same", activation="relu"), a branch of Conv2D(8, 3, padding="same") and BatchNormalization added back
#   (Add), MaxPooling2D(2), GlobalAveragePooling2D, Dense(10). Keras' count_params(): 930, 914 of them trainable.
# - mnist_convnet_keras2.h5: Keras 2's writer (tf.keras' save_model_to_hdf5) followed with h5py: each attribute of
#   the root `json.dumps(value).encode("utf8")`, here mnist_convnet_keras2.json's model, and a `model_weights` group.
# - dense_weights_only.weights.h5: `model.save_weights(...)` of a Sequential of one Dense(2) on 3 values.


def test_a_keras3_h5_file_is_read_from_its_model_config() -> None:
    report = analyze(FIXTURES / "tiny_residual_keras3.h5")
    assert report.ok, report.messages()
    # stem (3·3·3 + 1)·8 = 224, branch conv (3·3·8 + 1)·8 = 584, batch norm 2·8 trained and 2·8 running statistics,
    # Dense (8 + 1)·10 = 90: 914 trained, 930 in all, as Keras' count_params() says
    assert (report.totals.params, report.totals.non_trainable) == (224 + 584 + 2 * 8 + 90, 2 * 8)
    assert report.totals.params + report.totals.non_trainable == 930
    assert report.output is not None and report.output.dims == (10,)
    # 16x16 kept by 'same' padding, halved by the pool: 8x8x8 before the global pool
    assert [r.output.dims for r in report.rows if r.name == "pool"] == [(8, 8, 8)]
    # the convolutions' 16·16·8 outputs, 3·3·3 and 3·3·8 taps each, and the Dense's 8·10 (a norm, a pool and an add
    # multiply-accumulate nothing in cnncalc's count)
    assert report.totals.macs == 16 * 16 * 8 * (3 * 3 * 3) + 16 * 16 * 8 * (3 * 3 * 8) + 8 * 10


def test_a_keras2_h5_file_reads_as_the_json_in_it() -> None:
    from_h5, from_json = analyze(FIXTURES / "mnist_convnet_keras2.h5"), analyze(FIXTURES / "mnist_convnet_keras2.json")
    assert from_h5.ok, from_h5.messages()
    assert (from_h5.totals.params, from_h5.totals.macs, from_h5.output) == (
        from_json.totals.params, from_json.totals.macs, from_json.output)
    assert [r.name for r in from_h5.rows] == [r.name for r in from_json.rows]


def test_an_h5_file_of_weights_alone_is_a_usage_error_and_skipped_in_a_folder(tmp_path: Path) -> None:
    import shutil

    from click.testing import CliRunner

    from cnncalc.checking import collect
    from cnncalc.cli import cli
    for name in ("dense_weights_only.weights.h5", "tiny_residual_keras3.h5"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "notes.h5").write_bytes(b"not HDF5")
    messages = {}
    for name in ("dense_weights_only.weights.h5", "notes.h5"):
        result = CliRunner().invoke(cli, [str(tmp_path / name)])
        assert result.exit_code == 2, result.output
        messages[name] = result.output.strip().splitlines()[-1]
    assert "holds no model, only weights (`model.save_weights`?)" in messages["dense_weights_only.weights.h5"]
    assert "is not an HDF5 file" in messages["notes.h5"]
    found = collect((str(tmp_path),))
    assert found.files == [str(tmp_path / "tiny_residual_keras3.h5")]
    assert sorted(found.skipped) == [str(tmp_path / "dense_weights_only.weights.h5"), str(tmp_path / "notes.h5")]


def test_an_h5_files_model_cut_short_is_a_usage_error_not_a_traceback(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cnncalc.cli import cli
    data = (FIXTURES / "tiny_residual_keras3.h5").read_bytes()
    start = data.index(b'{"class_name": "Functional"')
    for cut in (start + 100, start + 500, start + 2000):
        (tmp_path / "cut.h5").write_bytes(data[:cut])
        result = CliRunner().invoke(cli, [str(tmp_path / "cut.h5")])
        assert result.exit_code == 2, result.output
        assert "the model's configuration in it cannot be read as JSON" in result.output
    edited = bytearray(data)
    edited[start + 300:start + 310] = b"}]]}}\x00\xff{[:"  # JSON that ends early or breaks: diagnostics or the error
    (tmp_path / "edited.h5").write_bytes(bytes(edited))
    result = CliRunner().invoke(cli, [str(tmp_path / "edited.h5")])
    assert result.exit_code in (1, 2) and "Traceback" not in result.output and "internal error" not in result.output


def _keras_transposed_length(n: int, kernel: int, stride: int, dilation: int, padding: str,
                             output_padding: int | None) -> int:
    """Keras 3's compute_conv_transpose_output_length, written out: the dilated kernel K_eff; without
    output padding N·S + max(K_eff - S, 0) ('valid') or N·S ('same'); with it (N - 1)·S + K_eff - 2·pad +
    output_padding, pad K_eff // 2 ('same') or 0."""
    reach = kernel + (kernel - 1) * (dilation - 1)
    if output_padding is None:
        return n * stride + max(reach - stride, 0) if padding == "valid" else n * stride
    pad = reach // 2 if padding == "same" else 0
    return (n - 1) * stride + reach - 2 * pad + output_padding


def test_a_transposed_convolution_has_the_size_keras_computes() -> None:
    # Conv2DTranspose with output_padding or dilation was E070, and a 'valid' one with a kernel smaller than
    # its stride was one output row short per axis (a 1x1 stride-2 on 7 rows: (7 - 1)·2 + 1 = 13; Keras gives
    # 7·2 = 14). Every combination below also gave these sizes in Keras 3.15 itself (torch backend), run on 7x6x3.
    for kernel in (1, 2, 3, 4):
        for stride in (1, 2, 3):
            for dilation in (1, 2):
                for padding in ("same", "valid"):
                    for output_padding in (None, 0, 1, 2):
                        if (output_padding is not None and output_padding >= max(stride, dilation)) or \
                                (dilation > 1 and stride > 1):
                            continue  # Keras refuses these
                        config = {"name": "up", "filters": 4, "kernel_size": kernel, "strides": stride,
                                  "dilation_rate": dilation, "padding": padding, "output_padding": output_padding}
                        report = analyze_text(sequential({"class_name": "Conv2DTranspose", "config": config},
                                                         shape=[None, 7, 6, 3]), "m.json")
                        expected = tuple(_keras_transposed_length(n, kernel, stride, dilation, padding,
                                                                  output_padding) for n in (7, 6))
                        assert report.ok and report.rows[0].output.dims == (*expected, 4), (config, report.messages())
                        assert report.totals.params == kernel * kernel * 3 * 4 + 4


def test_augmentation_layers_are_the_input_at_inference_and_resizing_and_group_norm_are_read() -> None:
    # Keras' image-classification-from-scratch style: augmentation (identity at inference, as Keras documents
    # RandomFlip: "During inference time, the output will be identical to input"), then Resizing (bilinear by
    # default, half-pixel centres as `resize … bilinear`) and a GroupNormalization: 2·8 = 16 weights, gamma and
    # beta per channel. These were E070.
    report = analyze_text(sequential(
        {"class_name": "RandomFlip", "config": {"name": "flip", "mode": "horizontal"}},
        {"class_name": "RandomRotation", "config": {"name": "rotate", "factor": 0.1}},
        {"class_name": "GaussianNoise", "config": {"name": "noise", "stddev": 0.1}},
        {"class_name": "Resizing", "config": {"name": "size", "height": 20, "width": 24}},
        {"class_name": "Conv2D", "config": {"name": "c", "filters": 8, "kernel_size": 3}},
        {"class_name": "GroupNormalization", "config": {"name": "gn", "groups": 4, "epsilon": 0.001}},
        shape=[None, 32, 32, 3]), "m.json")
    assert report.ok, report.messages()
    assert [(r.name, r.op, str(r.output)) for r in report.rows[:4]] == [
        ("flip", "identity", "32x32x3"), ("rotate", "identity", "32x32x3"), ("noise", "identity", "32x32x3"),
        ("size", "resize 20x24 bilinear", "20x24x3")]
    assert report.rows[4].output.dims == (18, 22, 8) and report.rows[4].weights + report.rows[4].biases == 224
    assert (report.rows[5].op, report.rows[5].weights + report.rows[5].biases) == ("groupnorm 4 eps 0.001 onevalue", 16)
    nearest = analyze_text(sequential({"class_name": "Resizing", "config": {
        "name": "size", "height": 4, "width": 4, "interpolation": "nearest"}}), "m.json")
    assert nearest.rows[0].op == "resize 4"
    cropped = analyze_text(sequential({"class_name": "Resizing", "config": {
        "name": "size", "height": 4, "width": 6, "crop_to_aspect_ratio": True}}), "m.json")
    assert [(d.code, d.message) for d in cropped.diagnostics] == [
        ("E070", "Resizing with crop_to_aspect_ratio (cnncalc resizes the whole image)")]


def test_adaptive_pools_and_the_newer_augmentation_layers() -> None:
    # Keras' AdaptiveAveragePooling2D and AdaptiveMaxPooling2D give `output_size` whatever the input (3x5, then 2x2);
    # CutMix, MixUp, AugMix, Solarization and RandomColorDegeneration return their input at inference. On 10x7x3:
    # a 3x3 'same' convolution, (27 + 1)·4 = 112, and a Dense of 5 on the 2·2·4 = 16 values, 85: 197, as Keras 3.15
    # counts this model. These were E070
    augmenting = [{"class_name": kind, "config": {"name": kind.lower()}}
                  for kind in ("CutMix", "MixUp", "AugMix", "Solarization", "RandomColorDegeneration")]
    report = analyze_text(sequential(
        *augmenting,
        {"class_name": "Conv2D", "config": {"name": "c", "filters": 4, "kernel_size": 3, "padding": "same"}},
        {"class_name": "AdaptiveAveragePooling2D", "config": {"name": "avg", "output_size": [3, 5]}},
        {"class_name": "AdaptiveMaxPooling2D", "config": {"name": "max", "output_size": 2}},
        {"class_name": "Flatten", "config": {"name": "f"}},
        {"class_name": "Dense", "config": {"name": "d", "units": 5}},
        shape=[None, 10, 7, 3]), "m.json")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows[:5]] == ["identity"] * 5
    assert [(r.op, str(r.output)) for r in report.rows[6:8]] == [("adaptiveavgpool 3x5", "3x5x4"),
                                                                 ("adaptivemaxpool 2", "2x2x4")]
    assert report.totals.params == 197 and report.output is not None and report.output.dims == (5,)


def test_a_negative_or_unbounded_size_is_an_error_at_its_layer() -> None:
    # Keras takes no size below 0: a negative pool size was written into the spec text as `-1x2` and reported as
    # arithmetic on a pair (E057); an adaptive pool to 0 rows, or past cnncalc's limits, is refused as the spec
    # language refuses it, at the layer's name in the file
    cases = [({"class_name": "MaxPooling2D", "config": {"name": "p", "pool_size": [-1, 2]}},
              "E070", "pool_size [-1, 2] (expected a whole number or two, none below 0)"),
             ({"class_name": "AdaptiveAveragePooling2D", "config": {"name": "a", "output_size": -3}},
              "E070", "output_size -3 (expected a whole number or two, none below 0)"),
             ({"class_name": "AdaptiveAveragePooling2D", "config": {"name": "a", "output_size": [0, 5]}},
              "E013", "the height must be at least 1, got 0"),
             ({"class_name": "AdaptiveMaxPooling2D", "config": {"name": "a", "output_size": [10 ** 20, 1]}},
              "E071", "`adaptivemaxpool 100000000000000000000x1`")]
    for layer, code, words in cases:
        text = sequential(layer)
        report = analyze_text(text, "m.json")
        [error] = [d for d in report.diagnostics if d.severity == "error"]
        assert error.code == code and words in error.message, error.message
        at = text.index(f'"name": "{layer["config"]["name"]}"', text.index(layer["class_name"]))  # its name
        assert error.span.start == at


def test_subtract_average_maximum_and_minimum_are_merges() -> None:
    # These were E071 ("a Average layer takes one input, not 2"). On 8x8x3: two convolutions of 4 filters,
    # 1x1 ((3 + 1)·4 = 16) and 3x3 same ((27 + 1)·4 = 112); then Subtract, Average of three, Maximum and Minimum,
    # each 8x8x4 with no weights. Keras 3.15 counts 128 for this model too.
    text = functional(
        ("Conv2D", "a", {"filters": 4, "kernel_size": [1, 1]}, ["in"]),
        ("Conv2D", "b", {"filters": 4, "kernel_size": [3, 3], "padding": "same"}, ["in"]),
        ("Subtract", "d", {}, ["a", "b"]),
        ("Average", "v", {}, ["a", "b", "d"]),
        ("Maximum", "m", {}, ["v", "a"]),
        ("Minimum", "n", {}, ["m", "b"]),
        shape=[None, 8, 8, 3], output="n")
    report = analyze_text(text, "m.json")
    assert report.ok, report.messages()
    assert report.totals.params == 16 + 112 and report.output is not None and report.output.dims == (8, 8, 4)
    assert [(r.name, r.op) for r in report.rows if r.name in "dvmn"] == [
        ("d", "sub of 2"), ("v", "avg of 3"), ("m", "max of 2"), ("n", "min of 2")]


def test_a_frozen_base_model_is_non_trainable_as_keras_counts_it() -> None:
    # `base.trainable = False` (Keras' transfer learning): the base model's config says `"trainable": false`,
    # and its weights become non-trainable. In transfer_keras2.json the base has 448 + 32 + 2,320 learnt
    # weights (and 32 moving statistics); the head 16·5 + 5 = 85 is the only part trained. Keras 3.15 counts
    # a MobileNetV2 base frozen so (96x96, 5 classes): 6,405 trainable, 2,257,984 non-trainable.
    nested = json.loads((FIXTURES / "transfer_keras2.json").read_text())
    nested["config"]["layers"][1]["config"]["trainable"] = False
    report = analyze_text(json.dumps(nested), "m.json")
    assert report.ok, report.messages()
    t = report.totals
    assert (t.params, t.trainable, t.frozen, t.non_trainable) == (448 + 32 + 2320 + 85, 85, 448 + 32 + 2320, 32)
    # one layer frozen on its own; an activation fused into it is no weight of its own
    one = sequential({"class_name": "Conv2D", "config": {"name": "c", "filters": 4, "kernel_size": 3,
                                                         "activation": "relu", "trainable": False}},
                     {"class_name": "Flatten", "config": {"name": "f"}},
                     {"class_name": "Dense", "config": {"name": "d", "units": 2}})
    report = analyze_text(one, "m.json")
    assert [(r.name, r.op) for r in report.rows[:2]] == [("c", "conv 4 3x3 frozen"), ("c_relu", "relu")]
    assert report.totals.frozen == 4 * 27 + 4 and report.totals.trainable == 6 * 6 * 4 * 2 + 2


def test_the_shrink_activations_are_read() -> None:
    # Keras 3's hard_shrink (x where |x| > 0.5, else 0), soft_shrink (x ∓ 0.5 beyond ±0.5) and tanh_shrink (x - tanh x)
    # by name: their threshold by name is 0.5, PyTorch's lambd default and cnncalc's. They were E070.
    report = analyze_text(sequential(
        {"class_name": "Conv2D", "config": {"name": "c", "filters": 4, "kernel_size": 3, "activation": "hard_shrink"}},
        *({"class_name": "Activation", "config": {"name": name, "activation": name}}
          for name in ("soft_shrink", "tanh_shrink"))), "m.json")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows] == ["conv 4 3x3", "hardshrink", "softshrink", "tanhshrink"]
    assert report.totals.params == (3 * 3 * 3 + 1) * 4 and report.output.dims == (6, 6, 4)


def test_unit_normalization_is_l2norm() -> None:
    # Keras' UnitNormalization divides by sqrt(max(Σx², 1e-12)): the length, at least 1e-6 (cnncalc's `eps`)
    report = analyze_text(sequential(
        {"class_name": "Conv2D", "config": {"name": "c", "filters": 4, "kernel_size": 3}},
        {"class_name": "UnitNormalization", "config": {"name": "u", "axis": -1}}), "m.json")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows] == ["conv 4 3x3", "l2norm eps 1e-06"]
    assert report.output.dims == (6, 6, 4)


def test_a_model_saved_without_its_input_shape_is_told_how_to_give_one() -> None:
    text = ('{"class_name": "Sequential", "config": {"name": "s", "layers": [{"class_name": "Conv2D", "config": '
            '{"name": "c", "filters": 4, "kernel_size": [3, 3]}}]}}')
    [error] = [d for d in analyze_text(text, "m.json").diagnostics if d.severity == "error"]
    assert error.code == "E072" and error.hint is not None
    assert error.hint.endswith("; or build the model on `keras.Input(shape=(224, 224, 3))` before saving it (a "
                               "subclassed one: `model.build((None, 224, 224, 3))` in its script)")


def test_softplus_softsign_hard_tanh_log_sigmoid_and_celu_activations_are_read() -> None:
    # Keras' activations by name, each cnncalc's layer of the same formula (they were E070): softplus is
    # ln(1 + e^x) (beta 1), hard_tanh clips to [-1, 1], celu's alpha is 1. Conv (3·3·3 + 1)·4 = 112 parameters.
    report = analyze_text(sequential(
        {"class_name": "Conv2D", "config": {"name": "c", "filters": 4, "kernel_size": 3, "activation": "softplus"}},
        *({"class_name": "Activation", "config": {"name": name, "activation": name}}
          for name in ("softsign", "hard_tanh", "log_sigmoid", "celu"))), "m.json")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows] == ["conv 4 3x3", "softplus", "softsign", "hardtanh", "logsigmoid", "celu"]
    assert report.totals.params == 112 and report.output.dims == (6, 6, 4)


def test_prelu_learns_a_slope_per_value_unless_axes_are_shared() -> None:
    # Keras' PReLU learns alpha of its input's shape with each shared axis of size 1: by default one per value,
    # 8·8·3 = 192 on 8x8x3 (it was E070); shared_axes [1, 2] one per channel, 3; [1, 2, 3] one; after a Dense on a
    # vector of 5, one per feature, 5 (Dense (192 + 1)·5 = 965)
    for shared, op, count in ((None, "prelu pervalue", 192), ([1, 2], "prelu perchannel", 3), ([1, 2, 3], "prelu", 1)):
        config = {"name": "p"} if shared is None else {"name": "p", "shared_axes": shared}
        report = analyze_text(sequential({"class_name": "PReLU", "config": config}), "m.json")
        assert report.ok and [(r.op, r.weights) for r in report.rows] == [(op, count)], (shared, report.messages())
    report = analyze_text(sequential({"class_name": "Flatten", "config": {"name": "f"}},
                                     {"class_name": "Dense", "config": {"name": "d", "units": 5}},
                                     {"class_name": "PReLU", "config": {"name": "p"}}), "m.json")
    assert report.ok and report.rows[-1].op == "prelu perchannel" and report.totals.params == 965 + 5
    mixed = analyze_text(sequential({"class_name": "PReLU", "config": {"name": "p", "shared_axes": [1, "a"]}}),
                         "m.json")
    assert [(d.code, d.message) for d in mixed.diagnostics] == [
        ("E070", "PReLU with shared_axes [1, \"a\"] (cnncalc's prelu learns a slope per value, per channel, or one in "
                 "all)")]  # (a list of other than axes: it was E071 with Python's own words)


def test_center_crop_keeps_the_central_window_from_the_offset_rounded_down() -> None:
    # Keras' CenterCrop (it acts at inference too): 32x33 to 29x30 from row (32 - 29)//2 = 1 and column
    # (33 - 30)//2 = 1 (torchvision would start at round(1.5) = 2); then a 3x3 conv, (27 + 1)·4 = 112 (it was E070)
    report = analyze_text(sequential({"class_name": "CenterCrop", "config": {"name": "cc", "height": 29, "width": 30}},
                                     {"class_name": "Conv2D", "config": {"name": "c", "filters": 4, "kernel_size": 3}},
                                     shape=[None, 32, 33, 3]), "m.json")
    assert report.ok, report.messages()
    assert [(r.op, str(r.output)) for r in report.rows] == [("centercrop 29x30 floor resize", "29x30x3"),
                                                            ("conv 4 3x3", "27x28x4")]
    assert report.totals.params == 112
    from cnncalc import analyze_text as again
    working = again("input 32x33x3\ncentercrop 29x30 floor\n", "t.spec", explain=True).rows[0].working
    assert working is not None and working.out == "rows 1 to 29, columns 1 to 30"


def _keras() -> Any:
    """Keras itself where it is installed (not a dependency of cnncalc or its tests), else None."""
    if importlib.util.find_spec("keras") is None:
        return None
    import keras
    return keras


@pytest.mark.parametrize("size, crop, window", [
    ((10, 30), (20, 20), "rows 0 to 9, columns 10 to 19 (10x10"),  # int(30·20/20) = 30 > 10 rows: 10 by int(10·20/20)
    ((40, 12), (16, 24), "rows 16 to 23, columns 0 to 11 (8x12"),  # int(12·16/24) = 8 rows by int(40·24/16) = 60 > 12
    ((7, 5), (9, 9), "rows 1 to 5, columns 0 to 4 (5x5"),  # both sides smaller: 5 by 5, from row (7 - 5)//2 = 1
])
def test_center_crop_of_a_smaller_input_resizes_as_keras_does(size: tuple[int, int], crop: tuple[int, int],
                                                              window: str) -> None:
    # Keras' CenterCrop resizes an input smaller than the crop on either side (its smart resize: the largest central
    # window of the crop's aspect ratio, int(w·H/W) by int(h·W/H) at most h by w, from its floored offsets, resized
    # bilinearly): the output is the crop's size; cnncalc said E036. A conv 3x3 after it: (27 + 1)·4 = 112
    (h, w), (ch, cw) = size, crop
    report = analyze_text(sequential({"class_name": "CenterCrop", "config": {"name": "cc", "height": ch, "width": cw}},
                                     {"class_name": "Conv2D", "config": {"name": "c", "filters": 4, "kernel_size": 3}},
                                     shape=[None, h, w, 3]), "m.json", explain=True)
    assert report.ok, report.messages()
    assert [str(r.output) for r in report.rows] == [f"{ch}x{cw}x3", f"{ch - 2}x{cw - 2}x4"]
    assert report.totals.params == 112
    working = report.rows[0].working
    assert working is not None and window in working.out and working.out.endswith(f"resized to {ch}x{cw}")
    keras = _keras()
    if keras is not None:  # Keras' own output shape and values, against the executor's resampling of that window
        import numpy as np
        x = np.random.default_rng(0).standard_normal((1, h, w, 3)).astype("float32")
        theirs = np.asarray(keras.layers.CenterCrop(ch, cw)(x))
        from cnncalc.layers import REGISTRY
        layer = next(r for r in report.rows if r.keyword == "centercrop").layer
        assert layer is not None and isinstance(layer, REGISTRY["centercrop"])
        ours, _ = layer.run(x, {}, False, False)
        np.testing.assert_allclose(ours, theirs, rtol=1e-5, atol=1e-5)


def test_keras_operations_that_move_blocks_between_the_map_and_its_channels() -> None:
    # keras.ops.depth_to_space and space_to_depth, saved as operations DepthToSpace and SpaceToDepth (block_size,
    # data_format): TensorFlow's order, `pixelshuffle 2 dcr` (6x5x8 -> 12x10x2) and `pixelunshuffle 2 dcr` back (was
    # E070); Keras' own values (where Keras is installed) are the executor's, place by place
    text = functional(("DepthToSpace", "d", {"block_size": 2, "data_format": "channels_last"}, ["in"]),
                      ("SpaceToDepth", "s", {"block_size": 2, "data_format": "channels_last"}, ["d"]),
                      shape=[None, 6, 5, 8], output="s")
    report = analyze_text(text, "m.json")
    assert report.ok, report.messages()
    assert [(r.op, str(r.output)) for r in report.rows] == [("pixelshuffle 2 dcr", "12x10x2"),
                                                            ("pixelunshuffle 2 dcr", "6x5x8")]
    first = json.loads(text)
    first["config"]["layers"][1]["config"]["data_format"] = "channels_first"
    [first_data] = [d for d in analyze_text(json.dumps(first), "m.json").diagnostics if d.severity == "error"]
    assert (first_data.code, first_data.message) == ("E070", "DepthToSpace of channels-first data")
    keras = _keras()
    if keras is not None:
        import numpy as np
        x = np.random.default_rng(0).standard_normal((1, 6, 5, 8)).astype("float32")
        layer = report.rows[0].layer
        assert layer is not None
        shuffled, _ = layer.run(x, {}, False, False)
        np.testing.assert_array_equal(shuffled, np.asarray(keras.ops.depth_to_space(x, 2)))


def test_a_keras_group_norm_of_groups_of_one_value() -> None:
    # Keras builds GroupNormalization(groups=C) on a 1x1xC map (each value its own mean, the output the shift);
    # PyTorch refuses it. The Keras reader writes `onevalue` (it was E034): 2·4 learnt on the pooled 1x1x4; in the
    # spec language the plain `groupnorm 4` there is still E034, and `convert --to pytorch` refuses it
    text = sequential({"class_name": "Conv2D", "config": {"name": "c", "filters": 4, "kernel_size": 3}},
                      {"class_name": "GlobalAveragePooling2D", "config": {"name": "p", "keepdims": True}},
                      {"class_name": "GroupNormalization", "config": {"name": "g", "groups": 4}})
    report = analyze_text(text, "m.json")
    assert report.ok, report.messages()
    assert report.rows[-1].op == "groupnorm 4 eps 0.001 onevalue" and report.totals.params == (27 + 1) * 4 + 2 * 4
    plain = analyze_text("input 1x1x4\ngroupnorm 4\n", "t.spec")
    assert [d.code for d in plain.diagnostics] == ["E034"] and "`onevalue`" in (plain.diagnostics[0].hint or "")
    from cnncalc.analysis import run
    from cnncalc.pytorch_writer import Unsupported as NotWritten
    from cnncalc.pytorch_writer import write_pytorch
    [analysis] = run("input 1x1x4\ngroupnorm 4 onevalue\n", "t.spec")
    assert analysis.report.ok and analysis.root is not None
    with pytest.raises(NotWritten, match="groups of one value"):
        write_pytorch(analysis.report, analysis.root)


def test_keras_operations_that_are_layers_with_another_config() -> None:
    # keras.ops.image.resize (a Resize operation, its data_format None: Keras' default), ops.pad with zeros, ops.clip
    # from 0 to 6, ops.max_pool and ops.average_pool, ops.reshape keeping the batch: Resizing, ZeroPadding2D, ReLU(6),
    # the pooling layers and Reshape as Keras 3.15 saves them (each was E070). On 6x5x8: resized to 12x10, padded
    # 1 and 2 a side to 14x14, pooled 2x2 to 7x7 and again to 3x3 (floor), flattened to 3·3·8 = 72
    ops = "keras.src.ops."
    layers = [("Resize", "resize", {"size": [12, 10], "interpolation": "bilinear", "antialias": False,
                                    "crop_to_aspect_ratio": False, "pad_to_aspect_ratio": False, "data_format": None},
               ["in"], "image"),
              ("Pad", "pad", {"pad_width": [[0, 0], [1, 1], [2, 2], [0, 0]], "mode": "constant"}, ["resize"],
               "numpy"),
              ("Clip", "clip", {"x_min": 0.0, "x_max": 6.0}, ["pad"], "numpy"),
              ("MaxPool", "max_pool", {"pool_size": 2, "strides": 2, "padding": "valid",
                                       "data_format": "channels_last"}, ["clip"], "nn"),
              ("AveragePool", "average_pool", {"pool_size": 2, "strides": 2, "padding": "valid",
                                               "data_format": "channels_last"}, ["max_pool"], "nn"),
              ("Reshape", "reshape", {"newshape": [-1, 72]}, ["average_pool"], "numpy")]
    model = json.loads(functional(*[entry[:4] for entry in layers], shape=[None, 6, 5, 8], output="reshape"))
    for entry, (*_, module) in zip(model["config"]["layers"][1:], layers):
        entry["module"] = ops + module
    report = analyze_text(json.dumps(model), "m.json")
    assert not [d for d in report.diagnostics if d.severity == "error"], report.messages()
    assert [(r.op, str(r.output)) for r in report.rows] == [
        ("resize 12x10 bilinear", "12x10x8"), ("zeropad 1x2", "14x14x8"), ("relu6", "14x14x8"),
        ("maxpool 2x2 stride 2", "7x7x8"), ("avgpool 2x2 stride 2", "3x3x8"), ("flatten inputs 72", "72")]
    # what cnncalc does not follow is named: an antialiased resize, a clip from -1, a reflecting pad, a reshape with a
    # second -1 (no shape, as NumPy's)
    for index, key, value, words in ((0, "antialias", True, "an antialiased resize"),
                                      (2, "x_min", -1.0, "a clip to [-1.0, 6.0] (cnncalc follows one from 0)"),
                                      (1, "mode", "reflect", 'in mode "reflect"'),
                                      (5, "newshape", [-1, -1], "a reshape to [-1, -1]")):
        changed = json.loads(json.dumps(model))
        changed["config"]["layers"][index + 1]["config"][key] = value
        found = [d for d in analyze_text(json.dumps(changed), "m.json").diagnostics if d.severity == "error"]
        assert [d.code for d in found] == ["E070"] and words in found[0].message, (key, found[0].message)


def test_an_add_of_a_pooled_context_is_broadcast_over_the_map() -> None:
    # Keras' Add spreads a (1, 1, C) branch over (H, W, C), as NumPy broadcasts (it was E051): GCNet's context added
    # to every position (Keras 3.15's output shape: (None, 8, 8, 4)); conv 3x3 same (27 + 1)·4 = 112, the context's
    # 1x1 conv (4 + 1)·4 = 20: 132
    text = functional(
        ("Conv2D", "c", {"filters": 4, "kernel_size": 3, "padding": "same"}, ["in"]),
        ("GlobalAveragePooling2D", "g", {"keepdims": True}, ["c"]),
        ("Conv2D", "t", {"filters": 4, "kernel_size": 1}, ["g"]),
        ("Add", "a", {}, ["c", "t"]),
        shape=[None, 8, 8, 3], output="a")
    report = analyze_text(text, "m.json")
    assert not [d for d in report.diagnostics if d.severity == "error"], report.messages()
    assert [d.code for d in report.diagnostics] == ["W051"]
    assert report.output is not None and report.output.dims == (8, 8, 4) and report.totals.params == 132


def test_a_relu_with_another_ceiling_clips_to_it() -> None:
    # ReLU(max_value=6) is relu6; another ceiling clips to [0, max_value]: `hardtanh low 0 high 20` (it was E070); with
    # a negative slope too it stays E070 (cnncalc has no leaky clipped ReLU)
    report = analyze_text(sequential({"class_name": "ReLU", "config": {"name": "r", "max_value": 20.0}},
                                     {"class_name": "ReLU", "config": {"name": "s", "max_value": 6.0}}), "m.json")
    assert report.ok and [r.op for r in report.rows] == ["hardtanh low 0 high 20", "relu6"], report.messages()
    leaky = analyze_text(sequential({"class_name": "ReLU", "config": {
        "name": "r", "max_value": 6.0, "negative_slope": 0.1}}), "m.json")
    assert [(d.code, d.message) for d in leaky.diagnostics] == [
        ("E070", "ReLU(max_value=6.0, negative_slope=0.1) (a leaky ReLU clipped above: cnncalc clips without a slope, "
                 "`hardtanh`, or slopes without a clip, `leakyrelu`)")]


def test_a_relu_with_a_threshold_is_a_threshold() -> None:
    # Keras' ReLU(threshold=0.5): x from 0.5 on, 0 below: `threshold 0.5` (it was E070); with a slope or a ceiling as
    # well, E070
    report = analyze_text(sequential({"class_name": "ReLU", "config": {"name": "r", "threshold": 0.5}}), "m.json")
    assert report.ok and [r.op for r in report.rows] == ["threshold 0.5"], report.messages()
    both = analyze_text(sequential({"class_name": "ReLU", "config": {
        "name": "r", "threshold": 0.5, "negative_slope": 0.1}}), "m.json")
    assert [(d.code, d.message) for d in both.diagnostics] == [
        ("E070", "ReLU with a threshold and a negative slope or a maximum")]
    # a negative threshold is no Keras layer (Keras refuses it when the model is built): E071 at the layer
    negative = analyze_text(sequential({"class_name": "ReLU", "config": {"name": "r", "threshold": -5}}), "m.json")
    assert [(d.code, d.message) for d in negative.diagnostics] == [
        ("E071", "ReLU threshold -5.0: Keras refuses a negative threshold")]
    for report in (both, negative):  # at the layer's name
        text = report.source.text
        assert (report.diagnostics[0].line, report.diagnostics[0].column) == (1, text.index('"name": "r"') + 1)


def test_a_random_crop_says_why_its_size_is_not_read() -> None:
    # Keras 3.15's RandomCrop returns its input at inference (measured: `predict` keeps the size) while its
    # output_shape gives the crop's; Keras 2's resizes and crops: which the file means is not in it
    report = analyze_text(sequential({"class_name": "RandomCrop", "config": {"name": "rc", "height": 6, "width": 6}}),
                          "m.json")
    [error] = report.diagnostics
    assert error.code == "E070" and error.message.startswith("RandomCrop: at inference Keras 3 returns its input")


def _cbam_gate(keras_3: bool) -> str:
    """CBAM's channel gate as Keras' ports build it: two Dense layers, each applied to the average and to the
    maximum (two inbound nodes each), listed before the max pool they read at their second application."""
    def ref(name: str, index: int = 0) -> Any:
        if keras_3:
            return {"class_name": "__keras_tensor__", "config": {"keras_history": [name, index, 0]}}
        return [name, index, 0, {}]

    def node(*refs: Any) -> Any:
        return {"args": list(refs) if len(refs) > 1 else list(refs[:1]), "kwargs": {}} if keras_3 else list(refs)

    shape = {"batch_shape" if keras_3 else "batch_input_shape": [None, 8, 8, 3], "name": "in"}
    layers = [
        {"class_name": "InputLayer", "name": "in", "config": shape, "inbound_nodes": []},
        {"class_name": "Conv2D", "name": "c", "config": {"name": "c", "filters": 8, "kernel_size": [3, 3],
                                                         "padding": "same"}, "inbound_nodes": [node(ref("in"))]},
        {"class_name": "GlobalAveragePooling2D", "name": "gap", "config": {"name": "gap"},
         "inbound_nodes": [node(ref("c"))]},
        {"class_name": "Dense", "name": "d1", "config": {"name": "d1", "units": 2, "activation": "relu"},
         "inbound_nodes": [node(ref("gap")), node(ref("gmp"))]},
        {"class_name": "Dense", "name": "d2", "config": {"name": "d2", "units": 8},
         "inbound_nodes": [node(ref("d1")), node(ref("d1", 1))]},
        {"class_name": "GlobalMaxPooling2D", "name": "gmp", "config": {"name": "gmp"},
         "inbound_nodes": [node(ref("c"))]},
        {"class_name": "Add", "name": "a", "config": {"name": "a"}, "inbound_nodes": [node(ref("d2"), ref("d2", 1))]},
        {"class_name": "Activation", "name": "s", "config": {"name": "s", "activation": "sigmoid"},
         "inbound_nodes": [node(ref("a"))]},
        {"class_name": "Reshape", "name": "r", "config": {"name": "r", "target_shape": [1, 1, 8]},
         "inbound_nodes": [node(ref("s"))]},
        {"class_name": "Multiply", "name": "m", "config": {"name": "m"}, "inbound_nodes": [node(ref("c"), ref("r"))]},
    ]
    return json.dumps({"class_name": "Functional", "config": {
        "name": "cbam", "layers": layers, "input_layers": [["in", 0, 0]], "output_layers": [["m", 0, 0]]}})


@pytest.mark.parametrize("keras_3", [False, True])
def test_a_layer_applied_twice_shares_its_weights(keras_3: bool) -> None:
    # A layer with two inbound nodes is applied twice with one set of weights, which Keras counts once: the conv
    # (27 + 1)·8 = 224, d1 (8 + 1)·2 = 18, d2 (2 + 1)·8 = 24: 266 (it was E070). Each application's MACs count:
    # 8·8·8·27 for the conv, 2·(8·2 + 2·8) for the MLP
    report = analyze_text(_cbam_gate(keras_3), "m.json")
    assert report.ok, report.messages()
    assert report.totals.params == 224 + 18 + 24 and report.output is not None and report.output.dims == (8, 8, 8)
    assert report.totals.macs == 8 * 8 * 8 * 27 + 2 * (8 * 2 + 2 * 8)
    shared = [(r.name, r.shares.rsplit(".", 1)[-1] if r.shares else None, r.params) for r in report.rows if r.shares]
    assert shared == [("d1_2", "d1", 0), ("d2_2", "d2", 0)]


def test_inbound_nodes_that_read_each_other_are_malformed_not_a_hang() -> None:
    text = json.loads(_cbam_gate(False))
    text["config"]["layers"][2]["inbound_nodes"] = [[["d2", 0, 0, {}]]]  # gap reads d2, which reads gap through d1
    written = json.dumps(text)
    report = analyze_text(written, "m.json")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E071"]
    [error] = report.diagnostics
    assert error.message == "gap: inbound_nodes that read each other in a loop"
    before = written[:written.index('"name": "gap"')]  # at the layer the search met again
    assert (error.line, error.column) == (before.count("\n") + 1, len(before) - before.rfind("\n"))


def _operations_model(module: bool) -> str:
    """A Keras 3 model whose arithmetic and activations are operations on tensors, as `model.to_json()` writes them
    (`module` keras.src.ops.*; Keras 3's legacy `.h5` writes none): `inputs / 255.0`, a 3x3 conv of 4 'same',
    hard sigmoid written out (`ReLU(6)(x + 3.0) * (1/6)`), the conv times it, the mean over the height and width kept
    as a map, `keras.ops.relu`, the mean as a vector, Dense(2)."""
    def tensor(name: str) -> dict[str, Any]:
        return {"class_name": "__keras_tensor__", "config": {"keras_history": [name, 0, 0]}}

    def op(kind: str, name: str, args: list[Any], **config: Any) -> dict[str, Any]:
        entry = {"class_name": kind, "name": name, "config": {"name": name, **config},
                 "inbound_nodes": [{"args": args, "kwargs": {}}]}
        return {**entry, "module": "keras.src.ops.numpy"} if module else entry

    layers = [{"class_name": "InputLayer", "name": "in", "inbound_nodes": [],
               "config": {"batch_shape": [None, 8, 8, 3], "name": "in"}},
              op("TrueDivide", "true_divide", [tensor("in"), 255.0]),
              {"class_name": "Conv2D", "name": "c", "config": {"name": "c", "filters": 4, "kernel_size": [3, 3],
                                                               "padding": "same"},
               "inbound_nodes": [{"args": [tensor("true_divide")], "kwargs": {}}]},
              op("Add", "add", [tensor("c"), 3.0]),
              {"class_name": "ReLU", "name": "r", "config": {"name": "r", "max_value": 6.0},
               "inbound_nodes": [{"args": [tensor("add")], "kwargs": {}}]},
              op("Multiply", "multiply", [tensor("r"), 1 / 6]),
              op("Multiply", "multiply_1", [tensor("c"), tensor("multiply")]),
              op("Mean", "mean", [tensor("multiply_1")], axis=[1, 2], keepdims=True),
              op("Relu", "relu", [tensor("mean")]),
              op("Mean", "mean_1", [tensor("relu")], axis=[-3, -2], keepdims=False),
              {"class_name": "Dense", "name": "d", "config": {"name": "d", "units": 2},
               "inbound_nodes": [{"args": [tensor("mean_1")], "kwargs": {}}]}]
    return json.dumps({"class_name": "Functional", "config": {
        "name": "m", "layers": layers, "input_layers": [["in", 0, 0]], "output_layers": [["d", 0, 0]]}})


@pytest.mark.parametrize("module", [True, False])
def test_keras3_operations_on_tensors_are_the_layers_they_equal(module: bool) -> None:
    # A number on every value (`/ 255.0`, `+ 3.0`, `* (1/6)`) keeps the shape and learns nothing: `identity`, as a
    # Rescaling layer is read (each was a merge of one branch, W004, and the division E070); two tensors multiplied
    # are a `mul`; the means over the height and width global pools; `keras.ops.relu` a relu.
    report = analyze_text(_operations_model(module), "m.json")
    assert report.ok and not report.diagnostics, report.messages()
    rows = {r.name: r for r in report.rows if r.kind in ("layer", "join")}
    assert [rows[n].op for n in ("true_divide", "add", "multiply", "relu")] == ["identity", "identity", "identity",
                                                                               "relu"]
    assert rows["r"].op == "relu6" and rows["mean"].op == "globalavgpool" and rows["mean"].output.dims == (1, 1, 4)
    assert rows["mean_1"].output.dims == (1, 1, 4) and rows["mean_1_flatten"].output.dims == (4,)
    # the conv (3·3·3 + 1)·4 = 112, Dense(2) on 4 values 4·2 + 2 = 10
    assert report.totals.params == 112 + 10 and report.output is not None and report.output.dims == (2,)
    assert report.totals.macs == 8 * 8 * 4 * 27 + 4 * 2


@pytest.mark.parametrize("change, words, layer", [
    # a division of two tensors, and means over other axes than the height and width, are not followed, each E070 at
    # its layer's name in the file
    (('"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["in", 0, 0]}}, 255.0]',
      '"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["in", 0, 0]}}, '
      '{"class_name": "__keras_tensor__", "config": {"keras_history": ["in", 0, 0]}}]'),
     "a division of one tensor by another", "true_divide"),
    (('"axis": [1, 2]', '"axis": [3]'), "a mean over axis [3]", "mean"),
    (('"axis": [-3, -2]', '"axis": null'), "a mean over axis null", "mean_1"),
])
def test_keras3_operations_cnncalc_does_not_follow_are_e070_at_their_layer(change: tuple[str, str],
                                                                           words: str, layer: str) -> None:
    text = _operations_model(True)
    assert text.count(change[0]) == 1
    text = text.replace(*change)
    [e] = [d for d in analyze_text(text, "m.json").diagnostics if d.severity == "error"]
    assert e.code == "E070" and words in e.message, e.message
    assert text[e.span.start:e.span.end] == f'"name": "{layer}"'


def _tf_op(function: str, name: str, first: str, **arguments: Any) -> dict[str, Any]:
    """Keras 2's TFOpLambda (a TensorFlow function on a Keras tensor): its first tensor and keyword arguments in one
    inbound node `[layer, node, tensor, kwargs]`, a second tensor `y` as `[layer, node, tensor]`."""
    return {"class_name": "TFOpLambda", "name": name,
            "config": {"name": name, "trainable": True, "dtype": "float32", "function": function},
            "inbound_nodes": [[first, 0, 0, {**arguments, "name": None}]]}


def _tf_ops_model(*extra: dict[str, Any], output: str = "d") -> str:
    """tests/fixtures/notations/keras2_tf_operators.json, a Keras 2 (tf.keras) model written with TensorFlow's
    operators, with `extra` layers after its own: a 3x3 conv of 4 'same' on 8x8x3, hard swish as tf.keras'
    MobileNetV3 writes it (`x * (ReLU(6)(x + 3.) * (1. / 6.))`), a constant tensor scaling each channel,
    `tf.reduce_mean(axis=[1, 2], keepdims=True)` and `tf.nn.relu` gating it, the conv's output plus that
    (`tf.__operators__.add` of two tensors), a global pool and Dense(2)."""
    model = json.loads((FIXTURES / "keras2_tf_operators.json").read_text())
    model["config"]["layers"] += list(extra)
    model["config"]["output_layers"] = [[output, 0, 0]]
    return json.dumps(model)


def test_keras2_tensorflow_operators_are_the_layers_they_equal() -> None:
    # tf.keras writes `x + 3.`, `x * y` and `tf.reduce_mean(x, ...)` as TFOpLambda layers, whose inbound node is
    # one flat entry (each was E071, "inbound_nodes names no input"): with a number or a tensor of constants as `y`,
    # `identity`; with a tensor, the merge of the two; the mean over the height and width kept as a map, a pool.
    report = analyze_text(_tf_ops_model(), "m.json")
    assert report.ok and not report.diagnostics, report.messages()
    rows = {r.name: r for r in report.rows if r.kind == "layer"}  # (named as spec names: `_` for `.`)
    for name in ("tf___operators___add", "tf_math_multiply", "tf_math_multiply_2"):
        assert rows[name].op == "identity", name
    assert rows["tf_math_reduce_mean"].op == "globalavgpool" and rows["tf_nn_relu"].op == "relu"
    assert rows["tf_math_reduce_mean"].output.dims == (1, 1, 4)
    joins = [r for r in report.rows if r.kind == "join"]  # (in walk order: the residual's join is last)
    assert [(j.keyword, j.output.dims) for j in joins] == [("mul", (8, 8, 4)), ("mul", (8, 8, 4)), ("add", (8, 8, 4))]
    # the conv (3·3·3 + 1)·4 = 112 and Dense(2) 4·2 + 2 = 10: the operators learn nothing
    assert report.totals.params == 112 + 10 and report.output is not None and report.output.dims == (2,)


def test_keras2_tensorflow_functions_cnncalc_does_not_follow_are_e070_naming_them() -> None:
    resize = _tf_op("image.resize", "tf.image.resize", "d", size=[4, 4])
    text = _tf_ops_model(resize, output="tf.image.resize")
    [e] = [d for d in analyze_text(text, "m.json").diagnostics if d.severity == "error"]
    assert e.code == "E070" and "`tf.image.resize` (TFOpLambda)" in e.message
    assert text[e.span.start:e.span.end] == '"name": "tf.image.resize"'  # at its layer in the text


def test_a_subclassed_models_keras_file_is_e070_naming_the_class(tmp_path: Path) -> None:
    # Keras 3 saves a subclassed model as its class and the arguments it was made with (as it wrote this one's
    # config.json), never its layers: nothing to count, and the error says where the layers are (the script)
    config = {"module": "__main__", "class_name": "SmallResNet", "config": {"widths": [8, 16], "trainable": True},
              "registered_name": "SmallResNet", "build_config": {"input_shape": [None, 32, 32, 3]}}
    saved = _saved(tmp_path / "subclassed.keras", json.dumps(config).encode())
    report = analyze(saved)
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.code == "E070" and "a subclassed model (`SmallResNet`)" in error.message
    assert "the script that defines and builds it" in error.message and report.totals.params is None
