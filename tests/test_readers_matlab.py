"""The MATLAB reader: layer arrays and layer graphs. Expected numbers come from the lecture,
arithmetic written here, and the published count of the two-group AlexNet (60,965,224, the
figure Caffe's and MATLAB's `alexnet` report)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnncalc import analyze, analyze_text, limits
from cnncalc.readers.graph import Unsupported
from cnncalc.readers.matlab import _Parser
from tests.conftest import errors, where

FIXTURES = Path(__file__).resolve().parent / "fixtures/notations"


def read_m(text: str, **settings: Any) -> Any:
    return analyze_text(text, "net.m", **settings)


def test_the_lectures_matlab_line_gives_the_lectures_answer() -> None:
    report = read_m("convolution2dLayer(11,96,'Stride',[4 4],'Padding',[2 2 2 2])\n", input="227x227x3")
    assert report.ok, report.messages()
    # (227 - 11 + 2 + 2)/4 + 1 = 56; (11·11·3 + 1)·96 = 34,944
    assert report.rows[0].output.dims == (56, 56, 96)
    assert report.totals.params == 34944


def test_pools_padded_past_half_their_window_are_matlabs_limit_not_pytorchs() -> None:
    # MATLAB: "The padding dimensions PaddingSize must be less than the pooling region dimensions PoolSize";
    # PyTorch's P <= floor(K/2) is not its rule. MATLAB floors.
    text = ("layers = [\n    imageInputLayer([30 30 8])\n"
            "    maxPooling2dLayer(3, 'Stride', 2, 'Padding', 2)\n"  # (30 - 3 + 2·2)/2 + 1 = 16.5 -> 16
            "    averagePooling2dLayer([3 2], 'Stride', 1, 'Padding', [2 0 1 1])\n"  # (16 - 3 + 2)/1 + 1 = 16; 17
            "    maxPooling2dLayer(2, 'Stride', 2, 'Padding', 1)\n"  # within PyTorch's limit: (16 - 2 + 2)/2 + 1 = 9
            "    averagePooling2dLayer(2, 'Stride', 2, 'Padding', 2)\n];\n")  # 2 on a 2-wide window: MATLAB refuses
    report = read_m(text)
    assert [r.output.dims if r.output else None for r in report.rows] == [(16, 16, 8), (16, 17, 8), (9, 9, 8), None]
    assert [r.op.endswith(" widepad") for r in report.rows] == [True, True, False, True]
    error = text.splitlines()[5]
    assert [(c, line, col) for c, line, col in where(report) if c != "W030"] == [("E032", 6, error.index("a") + 1)]


TWO_NETWORKS = ("small = [\n    imageInputLayer([28 28 1])\n    convolution2dLayer(3, 8)\n"
                "    fullyConnectedLayer(10)\n];\n"
                "big = [\n    imageInputLayer([32 32 3])\n    convolution2dLayer(5, 16)\n"
                "    fullyConnectedLayer(100)\n];\n")


def test_a_file_of_two_networks_reads_the_last_says_so_and_model_chooses() -> None:
    report = read_m(TWO_NETWORKS)
    # big: (5·5·3 + 1)·16 = 1,216 on 32x32 -> 28x28x16; fc 100: (28·28·16 + 1)·100 = 1,254,500
    assert report.totals.params == 1216 + 1254500
    big_input = TWO_NETWORKS.splitlines()[6]  # line 7
    assert where(report) == [("W077", 7, big_input.index("imageInputLayer") + 1)]
    assert "reads `big`" in report.diagnostics[0].message and "not `small`" in report.diagnostics[0].message
    assert report.diagnostics[0].hint == "`--model small` reads another"
    small = read_m(TWO_NETWORKS, model="small")
    # small: (3·3·1 + 1)·8 = 80 on 28x28 -> 26x26x8; fc 10: (26·26·8 + 1)·10 = 54,090
    assert small.ok and small.totals.params == 80 + 54090 and where(small) == []
    missing = read_m(TWO_NETWORKS, model="medium")
    assert where(missing) == [("E075", 1, 1)] and missing.totals.params is None
    assert missing.diagnostics[0].message == ("`--model medium`: the file builds no layer array or layer graph "
                                              "named `medium`")
    assert missing.diagnostics[0].hint == "the file builds small, big"


def test_the_parts_of_a_network_and_the_array_of_a_graph_are_not_other_networks() -> None:
    text = ("stem = [imageInputLayer([8 8 1]) convolution2dLayer(3, 4)];\nhead = [fullyConnectedLayer(3)];\n"
            "layers = [stem; head];\nlgraph = layerGraph(layers);\n")
    report = read_m(text)
    assert report.ok and where(report) == []
    assert report.totals.params == (9 + 1) * 4 + (6 * 6 * 4 + 1) * 3  # conv 3x3 on 8x8 -> 6x6x4; fc 3
    assert read_m(text, model="stem").totals.params == (9 + 1) * 4


def test_statements_that_copy_growing_arrays_stop_at_the_placement_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    # `a2 = [a1; reluLayer]` copies a1: n such lines place 2 + 3 + ... layers, squarely many (20,000 lines took
    # minutes and 20 GB before the limit); the statement that passes the limit is E070
    monkeypatch.setattr(limits, "MAX_MATLAB_PLACED", 100)
    lines = ["a0 = [imageInputLayer([8 8 1]) reluLayer];"] + [f"a{i} = [a{i - 1}; reluLayer];" for i in range(1, 30)]
    placed, stop = 0, None
    for i in range(30):  # a_i holds i + 2 layers (the input layer, then i + 1 ReLUs)
        placed += i + 2
        if placed > 100 and stop is None:
            stop = i
    assert stop == 12  # 2 + 3 + ... + 14 = 104 (to a12: 90)
    report = read_m("\n".join(lines) + "\n")
    assert errors(report) == [("E070", stop + 1, 1)] and "more than 100 layers" in report.diagnostics[0].message


def test_w077_names_five_other_networks_and_counts_the_rest() -> None:
    text = "".join(f"b{i} = [reluLayer];\n" for i in range(8)) + "net = [imageInputLayer([8 8 1]) reluLayer];\n"
    [warning] = read_m(text).diagnostics
    assert warning.code == "W077" and warning.message.endswith("not `b0`, `b1`, `b2`, `b3`, `b4` and 3 more")
    assert "builds 9 separate networks" in warning.message


def test_alexnet_as_a_layer_array() -> None:
    report = analyze(FIXTURES / "alexnet_layers.m")
    assert not [d for d in report.diagnostics if d.severity == "error"], report.messages()
    assert report.totals.params == 60965224
    assert report.output is not None and report.output.dims == (1000,)
    codes = [d.code for d in report.diagnostics]
    # pool1 on 56: (56 - 3)/2 + 1 = 27.5, floored by MATLAB; classificationLayer is left out
    assert codes.count("W030") == 1 and codes.count("N070") == 1


def test_a_layer_graph_with_connect_layers() -> None:
    report = analyze(FIXTURES / "residual_graph.m")
    assert report.ok, report.messages()
    body = 2 * (3 * 3 * 16 * 16 + 16) + 2 * 2 * 16  # two convolutions, two batch norms' scale and offset
    skip = 16 * 16 + 16
    fc = 32 * 10 + 10  # the concatenation of the unit's output and the input: 32 channels
    assert report.totals.params == body + skip + fc
    assert report.totals.non_trainable == 2 * 2 * 16  # each batch norm's trained mean and variance
    assert report.output is not None and report.output.dims == (10,)


SEGNET_M = """layers = [
    imageInputLayer([20 24 3], 'Name', 'in')
    convolution2dLayer(3, 8, 'Padding', 'same', 'Name', 'enc')
    reluLayer('Name', 'enc_relu')
    maxPooling2dLayer(2, 'Stride', 2, 'HasUnpoolingOutputs', true, 'Name', 'pool')
    convolution2dLayer(3, 8, 'Padding', 'same', 'Name', 'mid')
    maxUnpooling2dLayer('Name', 'unpool')
    convolution2dLayer(3, 5, 'Padding', 'same', 'Name', 'dec')];
lgraph = layerGraph(layers);
lgraph = connectLayers(lgraph, 'pool/indices', 'unpool/indices');
lgraph = connectLayers(lgraph, 'pool/size', 'unpool/size');
"""


def test_max_unpooling_puts_values_back_where_its_pools_maxima_were() -> None:
    # maxUnpooling2dLayer, its `indices` and `size` from a max pool with HasUnpoolingOutputs: back to the map the
    # pool read (20x24x8, from 10x12x8); convolutions (27 + 1)·8, (72 + 1)·8, (72 + 1)·5, the unpooling none
    report = read_m(SEGNET_M)
    assert report.ok, report.messages()
    assert [(r.op, str(r.output)) for r in report.rows if r.keyword == "maxunpool" and r.kind != "join"] == \
        [("maxunpool 2x2 stride 2 of 2", "20x24x8")]
    assert report.totals.params == 224 + 584 + 365 and report.output is not None
    assert report.output.dims == (20, 24, 5)


@pytest.mark.parametrize("edit, code, words, at", [
    (("connectLayers(lgraph, 'pool/size', 'unpool/size');", ""), "E071",
     "'unpool' takes `in`, and `indices` and `size` from one max pool", "maxUnpooling2dLayer("),
    (("'pool/size', 'unpool/size'", "'pool/size', 'dec/in'"), "E070", "a max pool's `indices` and `size` go to",
     "connectLayers(lgraph, 'pool/size'"),
    (("maxPooling2dLayer(2, 'Stride', 2, 'HasUnpoolingOutputs', true,", "averagePooling2dLayer(2, 'Stride', 2,"),
     "E070", "'unpool' unpools 'pool', not a max pooling layer", "maxUnpooling2dLayer("),
])
def test_max_unpooling_other_than_by_a_max_pools_indices_and_size_is_refused(edit: tuple[str, str], code: str,
                                                                             words: str, at: str) -> None:
    assert edit[0] in SEGNET_M
    text = SEGNET_M.replace(*edit)
    report = read_m(text)
    assert [d.code for d in report.diagnostics] == [code] and words in report.diagnostics[0].message
    line = text.splitlines()[report.diagnostics[0].line - 1]
    assert line[report.diagnostics[0].column - 1:].startswith(at)


def test_defaults_are_matlabs() -> None:
    # maxPooling2dLayer's stride defaults to 1 (the spec language's to the window)
    report = read_m("layers = [imageInputLayer([8 8 1]); maxPooling2dLayer(2)];\n")
    assert report.rows[0].output.dims == (7, 7, 1)
    # LRN: K defaults to 2, alpha 1e-4, beta 0.75
    report = read_m("layers = [imageInputLayer([8 8 4]); crossChannelNormalizationLayer(3)];\n")
    assert report.rows[0].op == "lrn size 3"
    report = read_m("layers = [imageInputLayer([8 8 4]); groupedConvolution2dLayer(3, 2, 'channel-wise')];\n")
    assert report.totals.params == (3 * 3 + 1) * 2 * 4


def test_errors_point_into_the_file() -> None:
    report = read_m("layers = [imageInputLayer([8 8 1]); lstmLayer(10)];\n")
    [e] = report.diagnostics
    assert e.code == "E070" and "lstmLayer" in e.message and (e.line, e.column) == (1, 37)
    report = read_m("layers = [imageInputLayer([8 8 1]); reluLayer(;\n")
    assert report.diagnostics[0].code == "E071"
    report = read_m("layers = [imageInputLayer([8 8 1]) reluLayer('Name','a') reluLayer('Name','a')];\n")
    assert report.diagnostics[0].code == "E071" and "two layers named 'a'" in report.diagnostics[0].message
    report = read_m("layers = [convolution2dLayer(3, 8)];\n")
    assert [d.code for d in report.diagnostics] == ["E072"]


def test_a_training_script_reads_only_what_builds_the_network() -> None:
    # training_script.m: data loading, options, training, an `if` block and a comparison around the
    # array are passed over; `numClasses` is the last constant the script sets (6), `filters` 12.
    # conv 5x5 on 3 channels: 5·5·3·12 + 12 = 912; bn 2·12; conv 3x3 12 -> 2·12 = 24: 3·3·12·24 + 24 = 2,616;
    # after the 2x2 pool the map is 16x16x24, so fc 6: 16·16·24·6 + 6 = 36,870.
    report = analyze(FIXTURES / "training_script.m")
    assert report.ok, report.messages()
    assert report.totals.params == 912 + 24 + 2_616 + 36_870
    assert [r.name for r in report.rows][-2:] == ["fc", "softmax"]
    assert report.output is not None and report.output.dims == (6,)


def test_a_block_that_builds_layers_is_named_not_skipped() -> None:
    report = analyze_text("for i = 1:3\n  layers(i) = reluLayer;\nend\n", "loop.m")
    [e] = [d for d in report.diagnostics if d.code == "E070"]
    assert "`for`" in e.message


@pytest.mark.parametrize("call", ["imageInputLayer()", "convolution2dLayer(3)", "maxPooling2dLayer('Stride', 2)",
                                  "fullyConnectedLayer()"])
def test_a_layer_function_missing_its_arguments_is_e071(call: str) -> None:
    # Found by editing the fixtures at random: `imageInputLayer()` raised ValueError while unpacking.
    report = analyze_text(f"layers = [\n    imageInputLayer([28 28 1])\n    {call}\n];\n", "net.m")
    assert [(d.code, d.line) for d in report.diagnostics] == [("E071", 3)]
    if call == "imageInputLayer()":
        assert report.diagnostics[0].message == "imageInputLayer takes 1 argument before its options, 0 given"


def test_group_layer_and_instance_normalization_layers() -> None:
    # each learns a scale and an offset per channel: 2·8 = 16 on 8 channels. A layer norm of an image
    # normalises C, H and W together (one group); 'channel-wise' group norm is instance norm. All were E070.
    from cnncalc import analyze_text
    for call, spec in (("groupNormalizationLayer(4)", "groupnorm 4"), ("layerNormalizationLayer", "groupnorm 1"),
                       ("groupNormalizationLayer('all-channels','Epsilon',1e-4)", "groupnorm 1 eps 0.0001"),
                       ("groupNormalizationLayer('channel-wise')", "instancenorm affine"),
                       ("instanceNormalizationLayer", "instancenorm affine"),
                       # R2023a's OperationDimension: 'channel-only' normalises each position's channels alone
                       ("layerNormalizationLayer('OperationDimension','channel-only')", "layernorm"),
                       ("layerNormalizationLayer('OperationDimension','spatial-channel')", "groupnorm 1")):
        report = analyze_text(f"layers = [\n    imageInputLayer([16 16 8])\n    {call}\n];\n", "net.m")
        assert report.ok and [r.op for r in report.rows] == [spec] and report.totals.params == 16, call


def test_a_transposed_convolution_cropped_same_multiplies_the_size_by_its_stride() -> None:
    # 'Cropping', 'same' was E070. The output is the input times the stride: (28 - 1)·2 + 4 - crop = 56 crops
    # 4 - 2 = 2 (1 each side); a 3x3 filter at stride 2 crops 1, the odd row and column at the bottom and right,
    # (56 - 1)·2 + 3 - 1 = 112. Parameters 4·4·1·8 + 8 = 136 and 3·3·8·8 + 8 = 584.
    report = read_m("layers = [\n    imageInputLayer([28 28 1])\n"
                    "    transposedConv2dLayer(4, 8, 'Stride', 2, 'Cropping', 'same')\n"
                    "    transposedConv2dLayer(3, 8, 'Stride', 2, 'Cropping', 'same')\n];\n")
    assert report.ok, report.messages()
    assert [(r.op, r.output.dims, r.weights + r.biases) for r in report.rows] == [
        ("deconv 8 4x4 stride 2 pad 1", (56, 56, 8), 136), ("deconv 8 3x3 stride 2 pad 0,1,0,1", (112, 112, 8), 584)]
    # a filter smaller than its stride cannot be cropped to the same size
    small = read_m("layers = [\n    imageInputLayer([28 28 1])\n"
                   "    transposedConv2dLayer(1, 8, 'Stride', 2, 'Cropping', 'same')\n];\n")
    assert [(d.code, d.message) for d in small.diagnostics if d.severity == "error"] == [
        ("E070", "transposedConv2dLayer: Cropping 'same' with a filter smaller than its stride")]


def test_a_layer_whose_learn_rate_factors_are_both_0_is_frozen() -> None:
    # MATLAB freezes a layer by its learnables' rate factors: both 0 (conv 3·9·4 + 4 = 112; the batch norm's
    # offset and scale, 2·4) is `frozen`; a fully connected layer with only 'WeightLearnRateFactor' 0 still trains
    # its bias, so it is counted as trained (36·2·4 + 2 = 290 with its weights, as cnncalc has one flag a layer)
    text = ("layers = [\n    imageInputLayer([8 8 3])\n"
            "    convolution2dLayer(3, 4, 'WeightLearnRateFactor', 0, 'BiasLearnRateFactor', 0)\n"
            "    batchNormalizationLayer('OffsetLearnRateFactor', 0, 'ScaleLearnRateFactor', 0)\n"
            "    reluLayer\n    fullyConnectedLayer(2, 'WeightLearnRateFactor', 0)\n];\n")
    report = analyze_text(text, "ft.m")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows][:2] == ["conv 4 3x3 frozen", "batchnorm frozen"]
    assert (report.totals.trainable, report.totals.frozen) == (290, 112 + 8)


def test_a_file_of_more_tokens_than_the_limit_stops_where_it_passes_it() -> None:
    # 19 MB of layers took 1.2 GB and 19 s before the array's limit stopped them; the tokens are now counted as
    # they are read. `x = [` and its newline are tokens 0 to 3, then each `1,` two more: token 1,000,000 (the first
    # past the limit) is the `1` of item (1,000,000 - 4) / 2 = 499,998 (0-based), at column 1 + 2·499,998
    from cnncalc.limits import MAX_MATLAB_TOKENS
    text = "x = [\n" + "1," * (MAX_MATLAB_TOKENS // 2 + 1) + "];\n"
    report = read_m(text)
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.code == "E070" and error.message == "a MATLAB file of more than 1,000,000 words, numbers and signs"
    assert (error.line, error.column) == (2, 1 + 2 * ((MAX_MATLAB_TOKENS - 4) // 2))
    assert report.totals.params is None


def test_a_layer_array_without_an_input_layer_is_told_how_to_give_one() -> None:
    report = read_m("layers = [\n    convolution2dLayer(3, 8)\n    reluLayer\n];\n")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.code == "E072" and error.hint is not None
    assert error.hint.endswith("; or start the layers with `imageInputLayer([224 224 3])`")


def test_resize_layers_by_scale_to_a_size_and_to_a_reference_input() -> None:
    # resize2dLayer (MATLAB's documentation): 'Scale' whole factors are `upsample`, 'OutputSize' `resize`, and
    # 'EnableReferenceInput', true resizes its input `in` to the height and width of its input `ref`, whatever
    # they are. On 9x7: the stride-2 conv gives (9 - 3 + 2)/2 + 1 = 5 by (7 - 3 + 2)/2 + 1 = 4, resized back to
    # the input's 9x7; then doubled to 18x14; then 5x4. (27 + 1)·8 = 224 parameters, 5·4·8·27 = 4,320 MACs.
    text = ("layers = [\n    imageInputLayer([9 7 3], 'Name', 'in')\n"
            "    convolution2dLayer(3, 8, 'Stride', 2, 'Padding', 1, 'Name', 'down')\n"
            "    resize2dLayer('EnableReferenceInput', true, 'Method', 'bilinear', 'Name', 'up')\n"
            "    resize2dLayer('Scale', 2, 'Name', 'twice')\n"
            "    resize2dLayer('OutputSize', [5 4], 'Name', 'fixed')\n];\n"
            "lgraph = layerGraph(layers);\nlgraph = connectLayers(lgraph, 'in', 'up/ref');\n")
    r = read_m(text)
    assert r.ok, r.messages()
    assert [(x.op, x.output.dims) for x in r.rows if x.depth == 1] == [
        ("resample bilinear of 2", (9, 7, 8)), ("upsample 2", (18, 14, 8)), ("resize 5x4", (5, 4, 8))]
    assert r.totals.params == 224 and r.totals.macs == 4_320
    # a fractional scale, another method, or no way to size it: E070 or E071, at the layer
    one = read_m(text.replace("'EnableReferenceInput', true", "'EnableReferenceInput', 1"))  # MATLAB's 1 is true
    assert one.ok and one.totals.params == 224
    for bad, code, said in (("'Scale', 0.5", "E070", "Scale `0.5` (cnncalc upsamples by whole factors)"),
                            ("'Scale', 2, 'Method', 'bicubic'", "E070", "Method `'bicubic'`"),
                            ("'Name', 'r'", "E071", "takes one of Scale, OutputSize and EnableReferenceInput"),
                            ("'EnableReferenceInput', false", "E071", "EnableReferenceInput `false`"),
                            ("'Scale', 2, 'OutputSize', [3 3]", "E071", "takes one of Scale, OutputSize")):
        report = read_m(f"layers = [imageInputLayer([8 8 3])\n resize2dLayer({bad})];\n")
        [e] = [d for d in report.diagnostics if d.severity == "error"]
        assert (e.code, e.line, e.column) == (code, 2, 2) and said in e.message, (bad, e.message)


def test_crop_layers_from_the_centre_and_from_a_location() -> None:
    # crop2dLayer (MATLAB's documentation): its input `in` cropped to the height and width of its input `ref`;
    # 'centercrop' from the middle, a location [x y] with the window's upper-left corner at column x, row y of
    # `in` (from 1). On 32x32: the 4x4/2 transposed convolution gives (32 - 1)·2 + 4 = 66, cropped to the
    # encoder's 32x32; again 66, cropped from row 5 and column 3 (rows 4 to 35 and columns 2 to 33 from 0: 66 >=
    # 32 + 4). (27 + 1)·8 + 2·(16·8·8 + 8) = 2,288 parameters.
    text = ("layers = [\n    imageInputLayer([32 32 3], 'Name', 'input')\n"
            "    convolution2dLayer(3, 8, 'Padding', 'same', 'Name', 'enc')\n"
            "    transposedConv2dLayer(4, 8, 'Stride', 2, 'Name', 'up')\n"
            "    crop2dLayer('centercrop', 'Name', 'crop')\n"
            "    transposedConv2dLayer(4, 8, 'Stride', 2, 'Name', 'up2')\n"
            "    crop2dLayer([3 5], 'Name', 'crop2')\n];\n"
            "lgraph = layerGraph(layers);\nlgraph = connectLayers(lgraph, 'enc', 'crop/ref');\n"
            "lgraph = connectLayers(lgraph, 'enc', 'crop2/ref');\n")
    r = read_m(text)
    assert r.ok, r.messages()
    assert [(x.op, x.output.dims) for x in r.rows if x.kind == "fit"] == [("fit at 4x2 of 2", (32, 32, 8)),
                                                                         ("fit of 2", (32, 32, 8))]
    assert r.totals.params == 28 * 8 + 2 * (16 * 8 * 8 + 8) == 2_288
    # crop2dLayer's default is the centre; another mode, or a location from 0, is E070 at the layer
    assert read_m(text.replace("crop2dLayer('centercrop', 'Name', 'crop')", "crop2dLayer('Name', 'crop')")).ok
    for bad in ("'custom'", "[0 1]", "[2 3 4]"):
        report = read_m(text.replace("crop2dLayer([3 5], 'Name', 'crop2')", f"crop2dLayer({bad}, 'Name', 'crop2')"))
        [e] = [d for d in report.diagnostics if d.severity == "error"]
        assert (e.code, e.line, e.column) == ("E070", 7, 5) and e.message.startswith(f"crop2dLayer({bad})") and \
            "cnncalc reads 'centercrop' and a location [x y] from 1" in e.message, (bad, e.message)


def test_arithmetic_follows_matlabs_order_of_operations() -> None:
    # `*` before `+` (base + 2*8 = 32, 1 + 2*k = 5), `^` before unary minus (-2^2 + 12 = 8), 2^3 = 8;
    # these were read left to right: (16 + 2)*8 = 144 filters, (1 + 2)*2 = 6
    text = ("base = 16; k = 2;\nlayers = [\n    imageInputLayer([28 28 1])\n"
            "    convolution2dLayer(3, base + 2*8, 'Padding', 'same')\n"
            "    convolution2dLayer(1 + 2*k, 2^3)\n"
            "    convolution2dLayer(1, -2^2 + 12)\n];\n")
    report = read_m(text)
    assert report.ok, report.messages()
    # (3·3·1 + 1)·32 = 320 on 28x28 (same); (5·5·32 + 1)·8 = 6,408 -> 24x24x8; (1·1·8 + 1)·8 = 72
    assert [r.params for r in report.rows] == [320, 6408, 72]
    assert report.rows[-1].output.dims == (24, 24, 8)


@pytest.mark.parametrize("padding, dims", [
    # inside brackets a sign with a space before it and none after starts an element, as in MATLAB:
    # [1 -1 + 2 0 0] is [1 1 0 0] (top 1, bottom 1): (28 - 5 + 2)/1 + 1 = 26 by 28 - 5 + 1 = 24
    ("[1 -1 + 2 0 0]", (26, 24, 4)),
    ("[2 - 1, 0]", (26, 24, 4)),  # [1 0]: the same sides
    ("[(1 -1) 0]", (24, 24, 4)),  # in parentheses a sign is an operator: [0 0]
    ("[3]", (30, 30, 4)),  # a one-element matrix is its number: (28 - 5 + 6)/1 + 1 = 30
])
def test_a_sign_after_a_space_inside_brackets_starts_an_element(padding: str, dims: tuple[int, ...]) -> None:
    report = read_m(f"layers = [\n    imageInputLayer([28 28 1])\n"
                    f"    convolution2dLayer(5, 4, 'Padding', {padding})\n];\n")
    assert report.ok, report.messages()
    assert report.rows[0].output.dims == dims


@pytest.mark.parametrize("call, at, words", [
    # [3 -1] is two numbers to MATLAB, a negative width it refuses; it was read as 3 - 1 = 2, a 2x2 filter
    ("convolution2dLayer([3 -1], 4)", "conv", "size `[3 -1]` (expected a positive whole number or [h w])"),
    ("convolution2dLayer(3, 4, 'Stride', [2 0])", "conv", "Stride `[2 0]` (expected a positive whole number"),
    ("convolution2dLayer(3, 4, 'Padding', [1 -1])", "conv",
     "Padding `[1 -1]` (expected a whole number, not negative,"),
    ("convolution2dLayer(3, 8/0)", "/", "a division by zero"),
    ("convolution2dLayer(3, 2^99)", "^", "the power 2^99"),
    ("convolution2dLayer(3, 10^15*10)", "*", "a number past ±1,000,000,000,000,000"),
])
def test_negative_sizes_and_runaway_arithmetic_are_refused_where_written(call: str, at: str, words: str) -> None:
    text = f"layers = [\n    imageInputLayer([28 28 1])\n    {call}\n];\n"
    report = read_m(text)
    assert errors(report) == [("E070", 3, 5 + call.index(at))]
    [message] = [d.message for d in report.diagnostics if d.severity == "error"]
    assert words in message, message


def _arithmetic_text(draw: st.DrawFn, depth: int = 0) -> str:
    choice = draw(st.integers(0, 9 if depth < 4 else 0))
    if choice < 3:
        return str(draw(st.integers(0, 99)))
    if choice == 3:
        return "-" + _arithmetic_text(draw, depth + 1)
    if choice == 4:
        return "(" + _arithmetic_text(draw, depth + 1) + ")"
    op = draw(st.sampled_from([" + ", "-", " - ", "*", " * ", "/"]))
    return _arithmetic_text(draw, depth + 1) + op + _arithmetic_text(draw, depth + 1)


@settings(max_examples=300, deadline=None)
@given(st.composite(_arithmetic_text)())
def test_arithmetic_agrees_with_pythons_which_ranks_these_operators_as_matlab_does(text: str) -> None:
    # Python gives +, -, * and / MATLAB's precedence and left-to-right order (their `^`s differ: not drawn)
    try:
        expected: Any = eval(text)  # the text holds digits, signs and parentheses only
    except ZeroDivisionError:
        expected = "a division by zero"
    try:
        value: Any = _Parser(text).expression()
    except Unsupported as refused:
        value = refused.args[0]
    assert value == pytest.approx(expected) if not isinstance(expected, str) else value == expected


def test_name_value_arguments_as_r2021a_writes_them() -> None:
    # `Padding="same"` is `'Padding', 'same'` (MATLAB R2021a's name=value syntax); it was E071 at the `=`.
    # conv (3·3·1 + 1)·16 = 160 on 28x28 kept (same); batch norm 2·16 trained; a 2x2 pool at stride 2: 14x14x16;
    # fc (14·14·16 + 1)·10 = 31,370
    text = ("layers = [\n    imageInputLayer([28 28 1], Normalization=\"none\")\n"
            "    convolution2dLayer(3, 16, Padding=\"same\", Name=\"conv1\")\n    batchNormalizationLayer\n"
            "    reluLayer\n    maxPooling2dLayer(2, Stride=2)\n    fullyConnectedLayer(10, Name='fc')\n];\n"
            "net = dlnetwork(layers);\n")
    report = read_m(text)
    assert report.ok, report.messages()
    assert (report.rows[0].name, report.rows[-1].name) == ("conv1", "fc")
    assert [r.params for r in report.rows] == [160, 32, 0, 0, 31_370]
    assert report.rows[3].output.dims == (14, 14, 16)


def test_a_feature_input_is_a_vector() -> None:
    # featureInputLayer(10): ten values, as tabular data: fc (10 + 1)·50 = 550, then (50 + 1)·3 = 153
    report = read_m("layers = [\n    featureInputLayer(10)\n    fullyConnectedLayer(50)\n    reluLayer\n"
                    "    fullyConnectedLayer(3)\n    softmaxLayer];\n")
    assert report.ok and report.input.dims == (10,) and report.totals.params == 550 + 153


@pytest.mark.parametrize("layer, words", [
    ("featureInputLayer(0)", "featureInputLayer(0) (expected a number of features; shape `0` has a size below 1"),
    ("featureInputLayer('x')", "featureInputLayer('x') (expected a number of features)"),
    ("imageInputLayer([28 0 1])", "imageInputLayer([28 0 1]) (expected [h w c]; shape `28x0x1` has a size below 1"),
    ("imageInputLayer([28 28 99999999])", "is beyond cnncalc's limits"),
])
def test_an_input_layer_outside_the_limits_every_notation_has_is_refused(layer: str, words: str) -> None:
    report = read_m(f"layers = [\n    {layer}\n    fullyConnectedLayer(3)];\n")
    assert errors(report) == [("E070", 2, 5)]
    [message] = [d.message for d in report.diagnostics if d.severity == "error"]
    assert words in message, message


def test_a_graph_whose_connections_form_a_cycle_is_refused_at_its_first_layer_in_the_file() -> None:
    # 'a' adds 'in' and 'r', and 'r' follows 'a': no order puts each layer after its inputs
    text = ("layers = [\n    imageInputLayer([8 8 3], 'Name', 'in')\n    additionLayer(2, 'Name', 'a')\n"
            "    reluLayer('Name', 'r')\n];\nlgraph = layerGraph(layers);\n"
            "lgraph = connectLayers(lgraph, 'r', 'a/in2');\n")
    report = read_m(text)
    assert errors(report) == [("E071", 3, 5)]
    assert "the layers around 'a' form a cycle or miss an input" in report.diagnostics[0].message


def test_a_long_array_and_a_graph_of_many_joins_read_in_the_files_order() -> None:
    # 3,000 layers in a row (each wave of ready layers was found by a pass over all: quadratic), then a graph whose
    # joins each wait for a layer further down the file: a layer comes after its inputs, else in the file's order
    chain = read_m("layers = [\n    imageInputLayer([8 8 8])\n" + "    reluLayer\n" * 3000 + "];\n")
    assert chain.ok and len(chain.rows) == 3000 and chain.rows[-1].name == "relu_3000"
    text = ("layers = [\n    imageInputLayer([8 8 4], 'Name', 'in')\n    additionLayer(2, 'Name', 'a')\n"
            "    reluLayer('Name', 'r')\n];\nlgraph = layerGraph(layers);\n"
            "lgraph = addLayers(lgraph, convolution2dLayer(1, 4, 'Name', 'c'));\n"
            "lgraph = connectLayers(lgraph, 'in', 'c');\nlgraph = connectLayers(lgraph, 'c', 'a/in2');\n")
    report = read_m(text)
    # 'a' adds 'in' and 'c' (a 1x1 conv of 4 channels to 4: (4 + 1)·4 = 20 parameters), then 'r'
    assert report.ok and report.totals.params == 20
    assert [r.name for r in report.rows if r.kind == "layer"] == ["c", "r"]


@pytest.mark.parametrize("layer, option, column", [
    ("convolution2dLayer(3, 16, 'Strides', 2)", "Strides", 31),
    ("maxPooling2dLayer(2, 'Strides', 2)", "Strides", 26),
    ("convolution2dLayer(3, 16, Strides=2)", "Strides", 31),
    ("convolution2dLayer(3, 16, 'Stridee', 2)", "Stridee", 31),
])
def test_an_option_matlab_does_not_have_is_an_error_not_passed_over(layer: str, option: str, column: int) -> None:
    # `'Strides', 2` was passed over: the layer read at stride 1 (14x14x16, not 7x7x16), in silence
    report = read_m(f"layers = [\n    imageInputLayer([16 16 4])\n    {layer}\n    fullyConnectedLayer(2)];\n")
    assert where(report) == [("E071", 3, column)]
    assert report.diagnostics[0].message.startswith(f"{layer.split('(')[0]} has no option '{option}' (MATLAB refuses "
                                                    f"it); its options are `Name`, `Stride`")
    assert report.totals.params is None


def test_every_documented_option_is_read() -> None:
    # a layer with each of its options MATLAB documents reads without an error: (3·3·4 + 1)·16 = 592, then the
    # 16x16x16 volume into 2: (4,096 + 1)·2 = 8,194
    text = ("layers = [\n    imageInputLayer([16 16 4], 'Name', 'in', 'Normalization', 'none')\n"
            "    convolution2dLayer(3, 16, 'Stride', 1, 'DilationFactor', 1, 'Padding', 'same', 'PaddingValue', 0, "
            "'NumChannels', 4, 'WeightLearnRateFactor', 1, 'BiasLearnRateFactor', 1, 'WeightL2Factor', 1, "
            "'BiasL2Factor', 0, 'Name', 'c')\n"
            "    batchNormalizationLayer('Epsilon', 1e-5, 'MeanDecay', 0.1, 'VarianceDecay', 0.1, 'Name', 'bn')\n"
            "    fullyConnectedLayer(2, 'WeightLearnRateFactor', 1, 'Name', 'fc')];\n")
    report = read_m(text)
    assert errors(report) == [] and report.totals.params == 592 + 2 * 16 + 8_194


@pytest.mark.parametrize("layer, output", [
    # MATLAB matches a name-value name ignoring case, and shortened while it starts one option's name only
    ("convolution2dLayer(3, 16, 'Str', 2)", (7, 7, 16)),  # (16 - 3)/2 + 1 = 7.5, rounded down: 7
    ("convolution2dLayer(3, 16, 'stride', 2, 'Dil', 2)", (6, 6, 16)),  # (16 - 5)/2 + 1 = 6.5: 6
    ("convolution2dLayer(3, 16, Str=2)", (7, 7, 16)),
    ("maxPooling2dLayer(2, 'Pad', 1, 'St', 2)", (9, 9, 4)),  # (16 - 2 + 2·1)/2 + 1 = 9: Padding alone starts `Pad`
    ("averagePooling2dLayer(2, 'S', 2, 'PADDING', 1)", (9, 9, 4)),  # `Padding` itself beside PaddingValue
])
def test_an_option_name_shortened_as_matlab_allows_is_read_as_its_option(layer: str, output: tuple[int, ...]) -> None:
    report = read_m(f"layers = [\n    imageInputLayer([16 16 4])\n    {layer}\n    fullyConnectedLayer(2)];\n")
    assert report.ok, report.diagnostics
    assert report.rows[0].output.dims == output


@pytest.mark.parametrize("layer, option, column, could", [
    ("convolution2dLayer(3, 16, 'Pad', 1)", "Pad", 31, "`Padding`, `PaddingValue`"),
    ("convolution2dLayer(3, 16, 'N', 'c')", "N", 31, "`Name`, `NumChannels`"),
    ("averagePooling2dLayer(2, 'padd', 1)", "padd", 30, "`Padding`, `PaddingValue`"),
])
def test_an_option_name_that_starts_two_options_names_is_an_error(layer: str, option: str, column: int,
                                                                    could: str) -> None:
    # MATLAB refuses an ambiguous shortened name; read as either option the numbers could be wrong
    report = read_m(f"layers = [\n    imageInputLayer([16 16 4])\n    {layer}\n    fullyConnectedLayer(2)];\n")
    assert where(report) == [("E071", 3, column)]
    assert report.diagnostics[0].message == (f"{layer.split('(')[0]}: option '{option}' is ambiguous (MATLAB refuses "
                                             f"it): it could be any of {could}")


def test_a_clipped_relu_of_another_ceiling_is_hardtanh_from_zero() -> None:
    # clippedReluLayer(ceiling) clips to [0, ceiling]: relu6 at 6, `hardtanh low 0 high 20` at 20 (DeepSpeech's; it
    # was E070); a ceiling of 0 clips to nothing, E013 at the layer
    report = read_m("layers = [\n    imageInputLayer([8 8 3])\n    clippedReluLayer(20)\n    clippedReluLayer(6)\n];\n")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows] == ["hardtanh low 0 high 20", "relu6"]
    bad = read_m("layers = [\n    imageInputLayer([8 8 3])\n    clippedReluLayer(0)\n];\n")
    assert [(d.code, d.line) for d in bad.diagnostics] == [("E013", 3)]


def test_a_gelu_layers_approximation_is_its_form() -> None:
    # geluLayer's Approximation: 'none' (the erf form, its default) or 'tanh' (`gelu tanh`: the same shape and cost,
    # other values); another is refused by MATLAB, and E071 here at the call
    text = ("layers = [\n    imageInputLayer([8 8 3])\n    convolution2dLayer(1, 4)\n    geluLayer\n"
            "    geluLayer('Approximation', 'tanh')\n    geluLayer(Approximation=\"none\")\n];\n")
    report = read_m(text)
    assert report.ok, report.messages()
    assert [r.op for r in report.rows if r.keyword == "gelu"] == ["gelu", "gelu tanh", "gelu"]
    wrong = text.replace("'tanh'", "'erf'")
    report = read_m(wrong)
    assert errors(report) == [("E071", 5, 5)]  # (the call on line 5, after four spaces)
    assert "Approximation must be 'none' or 'tanh' (MATLAB refuses 'erf')" in report.diagnostics[0].message


def test_space_to_depth_and_depth_to_space_layers() -> None:
    # YOLO v2's reorganisation, spaceToDepthLayer(2): 26x26x64 in blocks of 2 -> 13x13x(64·4 = 256), as TensorFlow
    # orders a block's values (`dcr`); depthToSpace2dLayer(2): 13x13x16 -> 26x26x(16/4 = 4), TensorFlow's order unless
    # Mode is "crd" (PyTorch's); parameters: conv 3x3 same (9·64 + 1)·64 = 36,928, conv 1x1 (256 + 1)·16 = 4,112
    text = ("layers = [\n    imageInputLayer([26 26 64])\n    convolution2dLayer(3, 64, 'Padding', 'same')\n"
            "    spaceToDepthLayer(2, 'Name', 'reorg')\n    convolution2dLayer(1, 16)\n    depthToSpace2dLayer(2)\n"
            "    depthToSpace2dLayer([2 2], Mode=\"crd\")\n];\n")
    report = read_m(text)
    assert report.ok, report.messages()
    assert [(r.op, str(r.output)) for r in report.rows if "shuffle" in r.op] == [
        ("pixelunshuffle 2 dcr floor", "13x13x256"), ("pixelshuffle 2 dcr", "26x26x4"), ("pixelshuffle 2", "52x52x1")]
    assert report.totals.params == 36_928 + 4_112
    # MATLAB floors H/h: 25 rows in blocks of 2 are 12 (the last row dropped), said at the layer as MATLAB's rounding
    odd = read_m(text.replace("[26 26 64]", "[25 26 64]"))
    assert [(d.code, d.line, d.column) for d in odd.diagnostics] == [("W030", 4, 5)]
    assert "(25 - 2 + 2·0)/2 + 1 = 12.5, rounded down to 12 (as MATLAB does)" in odd.diagnostics[0].message
    assert str(odd.rows[1].output) == "12x13x256"
    # blocks of other than h = w, and a Mode MATLAB refuses
    uneven = read_m(text.replace("spaceToDepthLayer(2,", "spaceToDepthLayer([2 1],"))
    assert errors(uneven) == [("E070", 4, 5)]
    assert "spaceToDepthLayer: blocks of 2x1 (cnncalc's pixelshuffle and pixelunshuffle move square blocks)" in \
        uneven.diagnostics[0].message
    wrong = read_m(text.replace('Mode="crd"', 'Mode="rcd"'))
    assert errors(wrong) == [("E071", 7, 5)]
    assert "Mode must be \"dcr\" or \"crd\" (MATLAB refuses 'rcd')" in wrong.diagnostics[0].message


def test_prelu_layer_learns_one_slope_unless_alpha_is_not_a_number() -> None:
    # preluLayer (R2024a): MATLAB's own example prints `Learnable Parameters Alpha: 0.2500`, one slope, and Alpha given
    # as a number is one too: 3 parameters over the three layers beside the convolution's (9·3 + 1)·16 = 448 and the
    # FC layer's (32·32·16 + 1)·10 = 163,850 (was E070, the layer not read)
    text = ("layers = [\n    imageInputLayer([32 32 3])\n    convolution2dLayer(3, 16, 'Padding', 'same')\n"
            "    preluLayer\n    preluLayer(Alpha=0.1, Name=\"p2\")\n    preluLayer('Alpha', 0.3)\n"
            "    fullyConnectedLayer(10)\n];\n")
    report = read_m(text)
    assert report.ok, report.messages()
    assert [(r.name, r.params) for r in report.rows if r.op == "prelu"] == [("prelu_1", 1), ("p2", 1), ("prelu_2", 1)]
    assert report.totals.params == 448 + 3 + 163_850
    # a vector of slopes broadcasts over the input in ways cnncalc does not follow: E070, said
    vector = read_m(text.replace("Alpha=0.1", "Alpha=[0.1 0.2]"))
    assert errors(vector) == [("E070", 5, 5)]
    assert "preluLayer: Alpha `[0.1 0.2]` (expected a number)" in vector.diagnostics[0].message


def test_adaptive_average_pooling_layer() -> None:
    # adaptiveAveragePooling2dLayer (R2024a) pools to its OutputSize, a number or [h w], whatever the input: a 3x3
    # convolution with 'same' padding keeps 224x224 with 16 maps ((9·3 + 1)·16 = 448 parameters), pooled to 7x5x16,
    # then to 1x1x16; the FC layer (16 + 1)·10 = 170
    text = ("layers = [\n    imageInputLayer([224 224 3])\n    convolution2dLayer(3, 16, 'Padding', 'same')\n"
            "    adaptiveAveragePooling2dLayer([7 5])\n    adaptiveAveragePooling2dLayer(1, Name=\"adap\")\n"
            "    fullyConnectedLayer(10)\n];\n")
    report = read_m(text)
    assert report.ok, report.messages()
    assert [(r.name, str(r.output)) for r in report.rows if "adaptive" in r.op] == [
        ("adaptiveavgpool_1", "7x5x16"), ("adap", "1x1x16")]
    assert report.totals.params == 448 + 170
    # without its output size (MATLAB documents the call, not its default): E070, said
    for call in ("adaptiveAveragePooling2dLayer()", "adaptiveAveragePooling2dLayer(Name=\"a\")"):
        missing = read_m(text.replace("adaptiveAveragePooling2dLayer([7 5])", call))
        assert errors(missing) == [("E070", 4, 5)], call
        assert "adaptiveAveragePooling2dLayer without its output size" in missing.diagnostics[0].message
