"""The Caffe reader: prototxt read with positions; Caffe's arithmetic kept exactly. Expected numbers
come from Caffe's pooling rule written out here (pooling_layer.cpp: ceil((H + 2P - K)/S) + 1, then
one window less if the last starts at or beyond H + P, only when P > 0), and the published count of
Caffe's reference AlexNet (bvlc_alexnet, two groups: 60,965,224 parameters)."""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from cnncalc import analyze, analyze_text
from tests.conftest import errors

FIXTURES = Path(__file__).resolve().parent / "fixtures/notations"


def read_proto(text: str, **settings: Any) -> Any:
    return analyze_text(text, "net.prototxt", **settings)


def caffe_pooled(h: int, k: int, s: int, p: int) -> int:
    pooled = math.ceil((h + 2 * p - k) / s) + 1
    if p and (pooled - 1) * s >= h + p:
        pooled -= 1
    return pooled


def pool_net(h: int, k: int, s: int, p: int) -> str:
    return (f'input: "data"\ninput_dim: 1 input_dim: 4 input_dim: {h} input_dim: {h}\n'
            f'layer {{ name: "pool" type: "Pooling" bottom: "data" top: "pool"\n'
            f'  pooling_param {{ pool: MAX kernel_size: {k} stride: {s} pad: {p} }} }}\n')


@pytest.mark.parametrize("h, k, s, p", [(112, 3, 2, 0), (56, 3, 2, 1), (5, 2, 2, 1), (13, 3, 2, 0), (14, 3, 2, 0),
                                        (9, 2, 3, 1), (10, 4, 3, 2), (8, 2, 2, 0), (3, 3, 1, 1)])
def test_pooling_rounds_as_caffe_does(h: int, k: int, s: int, p: int) -> None:
    report = read_proto(pool_net(h, k, s, p))
    assert not [d for d in report.diagnostics if d.severity == "error"], report.messages()
    expected = caffe_pooled(h, k, s, p)
    assert report.rows[0].output.dims == (expected, expected, 4)
    inexact = (h + 2 * p - k) % s != 0
    assert ("W030" in [d.code for d in report.diagnostics]) == inexact


@pytest.mark.parametrize("h, k, s, p", [(30, 3, 2, 2), (5, 3, 1, 2), (7, 3, 3, 2), (9, 5, 2, 4), (6, 2, 1, 1)])
def test_a_pool_padded_past_half_its_window_is_caffes_not_an_error(h: int, k: int, s: int, p: int) -> None:
    # Caffe checks pad < kernel only (pooling_layer.cpp's CHECK_LT); PyTorch's P <= floor(K/2) is not its rule
    report = read_proto(pool_net(h, k, s, p))
    assert not [d for d in report.diagnostics if d.severity == "error"], report.messages()
    assert report.rows[0].output.dims == (caffe_pooled(h, k, s, p),) * 2 + (4,)
    assert report.rows[0].op.endswith(" widepad") == (p > k // 2)
    assert caffe_pooled(30, 3, 2, 2) == 16  # ceil((30 + 4 - 3)/2) + 1 = 17; the 17th would start at 32 - 2 = 30: 16


def test_a_pool_padded_by_its_window_or_more_is_e032_as_caffe_refuses_it() -> None:
    text = pool_net(9, 3, 2, 3)
    report = read_proto(text)
    error = [d for d in report.diagnostics if d.severity == "error"]
    assert errors(report) == [("E032", 3, text.splitlines()[2].index("{") + 1)]  # at the layer's braces
    assert "padding 3 is not less than the 3-wide window" in error[0].message and "P < K" in (error[0].hint or "")


def test_the_one_pool_where_caffe_and_pytorchs_ceil_differ_is_reported_not_guessed() -> None:
    # kernel 1, stride 2, no padding on 4: Caffe ceil(3/2) + 1 = 3 windows; PyTorch's ceil_mode drops the third
    report = read_proto(pool_net(4, 1, 2, 0))
    assert [d.code for d in report.diagnostics] == ["E070"]


def test_alexnet_deploy_has_caffes_parameter_count() -> None:
    report = analyze(FIXTURES / "alexnet_deploy.prototxt")
    assert report.ok, report.messages()
    assert report.totals.params == 60965224
    assert report.batch == 10 and report.output is not None and report.output.dims == (1000,)
    assert [r.output.dims for r in report.rows if r.name.startswith("pool")] == [(27, 27, 96), (13, 13, 256),
                                                                                (6, 6, 256)]


def test_batchnorm_and_scale_count_as_caffe_stores_them() -> None:
    report = analyze(FIXTURES / "resnet_unit.prototxt")
    assert not [d for d in report.diagnostics if d.severity == "error"], report.messages()
    convs = 64 * 64 + 3 * 3 * 64 * 64
    scales = 2 * (64 + 64)  # Scale with bias_term: true learns a scale and a shift per channel
    assert report.totals.params == convs + scales  # learnable; the statistics are counted apart
    assert report.totals.non_trainable == 2 * (64 + 64 + 1)  # BatchNorm's mean, variance and factor blobs
    assert report.output is not None and report.output.dims == (caffe_pooled(56, 3, 2, 1),) * 2 + (64,)
    assert "N070" in [d.code for d in report.diagnostics]  # SoftmaxWithLoss left out


def test_an_inception_style_concat_and_v1_layers() -> None:
    text = '''input: "data" input_shape { dim: 1 dim: 192 dim: 28 dim: 28 }
layers { name: "a" type: CONVOLUTION bottom: "data" top: "a" convolution_param { num_output: 64 kernel_size: 1 } }
layers { name: "b_reduce" type: CONVOLUTION bottom: "data" top: "b_reduce"
         convolution_param { num_output: 96 kernel_size: 1 } }
layers { name: "b" type: CONVOLUTION bottom: "b_reduce" top: "b"
         convolution_param { num_output: 128 kernel_size: 3 pad: 1 } }
layers { name: "c" type: POOLING bottom: "data" top: "c" pooling_param { pool: MAX kernel_size: 3 stride: 1 pad: 1 } }
layers { name: "out" type: CONCAT bottom: "a" bottom: "b" bottom: "c" top: "out" }
'''
    report = read_proto(text)
    assert report.ok, report.messages()
    assert report.output is not None and report.output.dims == (28, 28, 64 + 128 + 192)
    assert report.totals.params == (192 + 1) * 64 + (192 + 1) * 96 + (9 * 96 + 1) * 128


def test_malformed_and_unsupported_are_located() -> None:
    report = read_proto('layer { name: "a" type: "ReLU" bottom: "data" ')
    assert report.diagnostics[0].code == "E071" and (report.diagnostics[0].line, report.diagnostics[0].column) == (1, 7)
    report = read_proto('input: "data"\ninput_dim: 1 input_dim: 3 input_dim: 8 input_dim: 8\n'
                        'layer { name: "r" type: "Reshape" bottom: "data" top: "r" }\n')
    e = report.diagnostics[0]
    assert e.code == "E070" and "Reshape" in e.message and e.line == 3
    report = read_proto('input: "data"\ninput_dim: 1 input_dim: 3 input_dim: 8 input_dim: 8\n'
                        'layer { name: "c" type: "Convolution" bottom: "nothing" top: "c" }\n')
    assert report.diagnostics[0].code == "E071" and "nothing" in report.diagnostics[0].message
    report = read_proto('layer { name: "c" type: "Convolution" bottom: "data" top: "c" '
                        'convolution_param { num_output: 8 kernel_size: 3 } }\n')
    assert "E071" in [d.code for d in report.diagnostics]  # `data` is nobody's top and no input is declared


@pytest.mark.parametrize("field", ["bottom", "top", "name", "type"])
def test_a_layers_name_fields_written_as_a_message_are_e071_at_it(field: str) -> None:
    # `bottom {}` (a mangled `bottom: "x"`) was read as the message's Python representation, which a message showed
    values = {"name": '"r"', "type": '"ReLU"', "bottom": '"data"', "top": '"r"'}
    values[field] = "{}"
    fields = " ".join(f"{k}: {v}" if v != "{}" else f"{k} {v}" for k, v in values.items())
    text = f'input: "data"\ninput_dim: 1 input_dim: 3 input_dim: 8 input_dim: 8\nlayer {{ {fields} }}\n'
    [error] = [d for d in read_proto(text).diagnostics if d.severity == "error"]
    assert (error.code, error.message) == ("E071", f"a layer's `{field}` must be a name in quotes, not a message "
                                                   f"`{{ … }}`")
    assert (error.line, error.column) == (3, text.split("\n")[2].index("{}") + 1)


def test_a_file_of_too_many_fields_is_e071_where_it_passes_the_limit() -> None:
    from cnncalc import limits
    # What is parsed is held whole, so the fields are counted (a 20 MB file of 300,000 layers took 15 s and
    # 1.3 GB). The header holds 7 fields (name, input, 4 dims and input_shape), each layer line 5 (4 inside it,
    # then the layer): field 100,001 is the 4th inside layer k where 7 + 5(k - 1) + 4 = 100,001, k = 19,999,
    # on line 3 + k = 20,002, at its `top`.
    layer = 'layer {{ name: "r{}" type: "ReLU" bottom: "data" top: "data" }}\n'
    text = ('name: "b"\ninput: "data"\ninput_shape { dim: 1 dim: 3 dim: 8 dim: 8 }\n'
            + "".join(layer.format(i) for i in range(30_000)))
    report = read_proto(text)
    [e] = report.diagnostics
    assert limits.MAX_FIELDS == 100_000 and e.code == "E071"
    assert e.message == "more than 100,000 fields in the file" and e.line == 20_002
    assert e.column == layer.format(19_998).index("top") + 1


def test_a_densely_connected_graph_reads_earlier_outputs_by_name() -> None:
    # Not series-parallel: the input and conv1 feed both concatenations, so the layout names them
    # (`@NAME`). conv1 3 -> 4 (3·9 + 1)·4 = 112; conv2 on the 7 channels of concat1 (7·9 + 1)·4 = 256;
    # concat2 = data, conv1, conv2: 3 + 4 + 4 = 11 channels.
    text = """input: "data"
input_shape { dim: 1 dim: 3 dim: 16 dim: 16 }
layer { name: "conv1" type: "Convolution" bottom: "data" top: "conv1"
        convolution_param { num_output: 4 kernel_size: 3 pad: 1 } }
layer { name: "cat1" type: "Concat" bottom: "data" bottom: "conv1" top: "cat1" }
layer { name: "conv2" type: "Convolution" bottom: "cat1" top: "conv2"
        convolution_param { num_output: 4 kernel_size: 3 pad: 1 } }
layer { name: "cat2" type: "Concat" bottom: "data" bottom: "conv1" bottom: "conv2" top: "cat2" }
"""
    report = read_proto(text)
    assert report.ok, report.messages()
    assert report.totals.params == 112 + 256
    assert report.output is not None and report.output.dims == (16, 16, 11)


def test_weights_shared_through_param_names_are_shares() -> None:
    # A second layer naming all the first one's blobs (`param { name: "w" } param { name: "b" }`, the weights then
    # the bias) uses the same weights: Caffe stores them once, (3·9 + 1)·4 = 112, and the layer `shares` them. Named
    # in part (the weights, not the bias, which each layer then learns) the spec language cannot say it: E070
    text = ('input: "a"\ninput_shape { dim: 1 dim: 3 dim: 8 dim: 8 }\n'
            'layer { name: "conv1" type: "Convolution" bottom: "a" top: "c1" param { name: "w" } param { name: "b" } '
            'convolution_param { num_output: 4 kernel_size: 3 } }\n'
            'layer { name: "conv1_p" type: "Convolution" bottom: "a" top: "c2" param { name: "w" } param { name: "b" } '
            'convolution_param { num_output: 4 kernel_size: 3 } }\n'
            'layer { name: "sum" type: "Eltwise" bottom: "c1" bottom: "c2" top: "s" }\n')
    report = analyze_text(text, "siamese.prototxt")
    assert report.ok, report.messages()
    assert report.totals.params == 112 and report.totals.macs == 2 * 6 * 6 * 4 * 27
    assert [r.shares for r in report.rows if r.shares] == ["sum.1.conv1"]
    other = analyze_text(text.replace('top: "c2" param { name: "w" } param { name: "b" } convolution_param { '
                                      'num_output: 4 kernel_size: 3 }', 'top: "c2" param { name: "w" } param { name: '
                                      '"b" } convolution_param { num_output: 4 kernel_size: 3 stride: 2 }'),
                         "siamese.prototxt")
    # (the same weights with another stride: no layer of the spec language says it; E064 where the layers differ)
    assert [d.code for d in other.diagnostics if d.severity == "error"][:1] == ["E064"]


def test_a_batch_norms_statistics_shared_through_param_names_are_e070() -> None:
    # (a BatchNorm's blobs are statistics, not learnt: their sharing is no `shares` of the spec language's)
    text = ('input: "a"\ninput_shape { dim: 1 dim: 3 dim: 8 dim: 8 }\n'
            'layer { name: "bn1" type: "BatchNorm" bottom: "a" top: "b1" param { name: "m" } param { name: "v" } }\n'
            'layer { name: "bn2" type: "BatchNorm" bottom: "a" top: "b2" param { name: "m" } param { name: "v" } }\n'
            'layer { name: "sum" type: "Eltwise" bottom: "b1" bottom: "b2" top: "s" }\n')
    report = analyze_text(text, "siamese.prototxt")
    [e] = [d for d in report.diagnostics if d.severity == "error"]
    assert e.code == "E070" and "weights shared with `bn1`" in e.message and e.line == 4


def test_weights_shared_in_part_through_a_param_name_are_e070() -> None:
    # A Siamese net's second branch names the first one's weights (`param { name: "w" }`) but not its bias: Caffe
    # stores the weights once, and each layer learns a bias.
    text = ('input: "a"\ninput_shape { dim: 1 dim: 3 dim: 8 dim: 8 }\n'
            'layer { name: "conv1" type: "Convolution" bottom: "a" top: "c1" param { name: "w" } '
            'convolution_param { num_output: 4 kernel_size: 3 } }\n'
            'layer { name: "conv1_p" type: "Convolution" bottom: "a" top: "c2" param { name: "w" } '
            'convolution_param { num_output: 4 kernel_size: 3 } }\n'
            'layer { name: "sum" type: "Eltwise" bottom: "c1" bottom: "c2" top: "s" }\n')
    report = analyze_text(text, "siamese.prototxt")
    [e] = [d for d in report.diagnostics if d.severity == "error"]
    assert e.code == "E070" and "conv1" in e.message and e.line == 4 and report.totals.params is None
    unshared = analyze_text(text.replace('param { name: "w" } convolution_param { num_output: 4 kernel_size: 3 } }\n'
                                         'layer { name: "sum"', 'convolution_param { num_output: 4 kernel_size: 3 } }\n'
                                                                  'layer { name: "sum"'), "siamese.prototxt")
    assert unshared.ok and unshared.totals.params == 2 * (3 * 9 + 1) * 4


def test_eltwise_max_a_difference_and_a_mean_are_merges() -> None:
    # Eltwise MAX, and SUM with coefficients 1 and -1 (the first bottom less the second) or 1/K each (the mean),
    # were E070. Two convolutions on 8x8x4: 3x3 pad 1, (36 + 1)·4 = 148; 1x1, (4 + 1)·4 = 20.
    head = ('input: "data"\ninput_shape { dim: 1 dim: 4 dim: 8 dim: 8 }\n'
            'layer { name: "a" type: "Convolution" bottom: "data" top: "a" '
            'convolution_param { num_output: 4 kernel_size: 3 pad: 1 } }\n'
            'layer { name: "b" type: "Convolution" bottom: "data" top: "b" convolution_param { num_output: 4 '
            'kernel_size: 1 } }\n')
    text = head + (
        'layer { name: "m" type: "Eltwise" bottom: "a" bottom: "b" top: "m" eltwise_param { operation: MAX } }\n'
        'layer { name: "d" type: "Eltwise" bottom: "m" bottom: "b" top: "d" '
        'eltwise_param { operation: SUM coeff: 1 coeff: -1 } }\n'
        'layer { name: "h" type: "Eltwise" bottom: "d" bottom: "a" top: "h" '
        'eltwise_param { operation: SUM coeff: 0.5 coeff: 0.5 } }\n')
    report = analyze_text(text, "e.prototxt")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows if r.kind in ("max", "sub", "avg")] == ["max of 2", "sub of 2", "avg of 2"]
    assert report.totals.params == 148 + 20 and report.output is not None and report.output.dims == (8, 8, 4)
    weighted = analyze_text(head + 'layer { name: "w" type: "Eltwise" bottom: "a" bottom: "b" top: "w" '
                                   'eltwise_param { operation: SUM coeff: 2 coeff: 1 } }\n', "e.prototxt")
    assert [(d.code, d.line, d.message) for d in weighted.diagnostics] == [
        ("E070", 5, "Eltwise SUM with coefficients [2, 1]")]


def test_layers_whose_blobs_all_have_lr_mult_0_are_frozen() -> None:
    # A fine-tuning net freezes a layer with `param { lr_mult: 0 }` for each of its blobs (weights, then bias):
    # conv1's (3·9·4 + 4 = 112) are non-trainable, as are BatchNorm's three statistics (4 + 4 + 1); conv2 keeps
    # its bias trained (lr_mult 2), so it is trained (4·36 + 4 = 148), as is the fc (64·2 + 2 = 130).
    text = ('input: "data"\ninput_shape { dim: 1 dim: 3 dim: 8 dim: 8 }\n'
            'layer { name: "conv1" type: "Convolution" bottom: "data" top: "conv1" param { lr_mult: 0 } '
            'param { lr_mult: 0 } convolution_param { num_output: 4 kernel_size: 3 } }\n'
            'layer { name: "bn1" type: "BatchNorm" bottom: "conv1" top: "conv1" param { lr_mult: 0 } '
            'param { lr_mult: 0 } param { lr_mult: 0 } }\n'
            'layer { name: "conv2" type: "Convolution" bottom: "conv1" top: "conv2" param { lr_mult: 0 } '
            'param { lr_mult: 2 } convolution_param { num_output: 4 kernel_size: 3 } }\n'
            'layer { name: "fc" type: "InnerProduct" bottom: "conv2" top: "fc" '
            'inner_product_param { num_output: 2 } }\n')
    report = analyze_text(text, "ft.prototxt")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows if r.name in ("conv1", "conv2")] == ["conv 4 3x3 frozen", "conv 4 3x3"]
    t = report.totals
    assert (t.trainable, t.frozen, t.non_trainable) == (148 + 130, 112, 9)


def test_a_data_layer_without_shapes_is_told_how_to_declare_the_input_and_the_declaration_reads() -> None:
    layers = ('layer {\n  name: "c1"\n  type: "Convolution"\n  bottom: "data"\n  top: "c1"\n'
              '  convolution_param { num_output: 4 kernel_size: 3 }\n}\n')
    training = 'name: "n"\nlayer {\n  name: "data"\n  type: "Data"\n  top: "data"\n  top: "label"\n}\n' + layers
    [error] = [d for d in read_proto(training).diagnostics if d.severity == "error"]
    assert (error.code, error.line, error.column) == ("E072", 1, 1) and error.hint is not None
    hint = '`input: "data"` and `input_shape { dim: 1 dim: 3 dim: 224 dim: 224 }`'
    assert error.hint.endswith(f"; or declare it: {hint}")
    # what the hint says, written in the file: 224x224x3 through a 3x3 convolution to 4 maps, 222x222x4 and
    # (3·3·3 + 1)·4 = 112 parameters
    declared = read_proto('name: "n"\ninput: "data"\ninput_shape { dim: 1 dim: 3 dim: 224 dim: 224 }\n' + layers)
    assert declared.ok, declared.messages()
    assert declared.output.dims == (222, 222, 4) and declared.totals.params == 112


def test_fcn32s_crops_its_upsampled_scores_back_to_the_input_at_offset_19() -> None:
    # FCN-32s (Long, Shelhamer & Darrell 2015; our own prototxt in its manner): conv1_1 padded by 100 makes
    # 500 + 200 - 3 + 1 = 698; Caffe's pools round up: 349, ceil(347/2) + 1 = 175, 88, 44, 22; fc6 as a 7x7
    # convolution: 16; the 64x64 stride-32 deconvolution: (16 - 1)·32 + 64 = 544; the Crop (bottoms: upscore, then
    # data, whose size it takes) from row and column 19: 500x500x21, rows 19 to 518 of 544.
    report = analyze(FIXTURES / "fcn32s_deploy.prototxt")
    assert not [d for d in report.diagnostics if d.severity == "error"], report.messages()
    assert [d.code for d in report.diagnostics] == ["W030", "W030"]  # 349 and 175 pooled: Caffe rounds up
    dims = {r.name: r.output.dims for r in report.rows if r.kind == "layer"}
    assert [dims[f"pool{i}"][0] for i in range(1, 6)] == [349, 175, 88, 44, 22]
    assert dims["fc6"] == (16, 16, 4096) and dims["upscore"] == (544, 544, 21)
    assert report.output.dims == (500, 500, 21)
    assert [r.op for r in report.rows if r.kind == "fit"] == ["fit at 19x19 of 2"]
    vgg = 14_714_688  # VGG-16's 13 convolutions (Simonyan & Zisserman's 138,357,544 less the three fc layers)
    fc6, fc7, score = 7 * 7 * 512 * 4096 + 4096, 4096 * 4096 + 4096, 4096 * 21 + 21
    upscore = 64 * 64 * 21 * 21  # no bias; lr_mult 0: fixed bilinear weights
    assert report.totals.params == vgg + fc6 + fc7 + score + upscore
    assert report.totals.params - report.totals.frozen == vgg + fc6 + fc7 + score  # the paper's 134M
    assert round((vgg + fc6 + fc7 + score) / 1e6) == 134


def test_a_crop_reads_its_offsets_as_caffe_does() -> None:
    # crop_param: `offset` once for both axes, or once per axis from `axis` (2: height, then width); none is 0.
    # 12x12 input; a 1x1 convolution padded by 1 row and 2 columns: 12 + 2·1 - 1 + 1 = 14 by 12 + 2·2 - 1 + 1 =
    # 16, cropped back to the input's 12x12
    def net(crop: str, bottoms: str = 'bottom: "c" bottom: "data"') -> str:
        return ('input: "data"\ninput_shape { dim: 1 dim: 3 dim: 12 dim: 12 }\n'
                'layer { name: "c" type: "Convolution" bottom: "data" top: "c"\n'
                '  convolution_param { num_output: 4 kernel_size: 1 pad_h: 1 pad_w: 2 } }\n'
                f'layer {{ name: "crop" type: "Crop" {bottoms} top: "crop" {crop} }}\n')
    for crop, op in (("", "fit at 0x0 of 2"), ("crop_param { offset: 2 }", "fit at 2x2 of 2"),
                     ("crop_param { axis: 2 offset: 1 offset: 3 }", "fit at 1x3 of 2"),
                     ("crop_param { axis: -2 offset: 2 offset: 4 }", "fit at 2x4 of 2")):
        report = read_proto(net(crop))
        assert report.ok and [d.code for d in report.diagnostics] == [], (crop, report.messages())
        assert [r.op for r in report.rows if r.kind == "fit"] == [op] and report.output.dims == (12, 12, 4)
    # beyond the map (14 < 12 + 3 rows): Caffe's check fails, cnncalc's E036 at the Crop's line
    report = read_proto(net("crop_param { offset: 3 }"))
    assert [(d.code, d.line, d.column) for d in report.diagnostics] == [("E036", 5, 7)]
    assert "(rows: 14 < 12 + 3)" in report.diagnostics[0].message
    # another axis, three offsets for two axes, a negative offset (at crop_param's `{`), one bottom (at the layer's):
    # E070 or E071
    for crop, bottoms, code, said in (
            ("crop_param { axis: 1 offset: 0 }", 'bottom: "c" bottom: "data"', "E070", "Crop from axis 1"),
            ("crop_param { offset: 1 offset: 2 offset: 3 }", 'bottom: "c" bottom: "data"', "E071", "offset [1, 2, 3]"),
            ("crop_param { offset: -1 }", 'bottom: "c" bottom: "data"', "E071", "offset [-1]"),
            ("", 'bottom: "c"', "E071", "a Crop layer takes two bottoms")):
        text = net(crop, bottoms)
        report = read_proto(text)
        [e] = [d for d in report.diagnostics if d.severity == "error"]
        line = text.splitlines()[4]
        column = line.index("crop_param {") + len("crop_param {") if crop else line.index("{") + 1  # at its `{`
        assert (e.code, e.line, e.column) == (code, 5, column) and said in e.message, (crop, e.message)


def test_fcn8s_crops_each_skip_to_the_upsampled_scores() -> None:
    # FCN-8s (all at once): score_fr 16x16 upsampled by a 4x4/2 deconvolution, (16 - 1)·2 + 4 = 34; pool4's 44x44
    # scores cropped to it from 5 (44 >= 34 + 5), added; upsampled again, (34 - 1)·2 + 4 = 70; pool3's 88x88
    # cropped to it from 9 (88 >= 70 + 9), added; upsampled by a 16x16/8 deconvolution, (70 - 1)·8 + 16 = 568,
    # cropped back to the 500x500 input from 31 (568 >= 500 + 31).
    report = analyze(FIXTURES / "fcn8s_deploy.prototxt")
    assert not [d for d in report.diagnostics if d.severity == "error"], report.messages()
    dims = {r.name: r.output.dims for r in report.rows if r.kind == "layer"}
    assert (dims["upscore2"], dims["upscore_pool4"], dims["upscore8"]) == ((34, 34, 21), (70, 70, 21), (568, 568, 21))
    crops = [(r.name, r.op, r.output.dims) for r in report.rows if r.kind == "fit"]
    assert crops == [("score_pool4c", "fit at 5x5 of 2", (34, 34, 21)),
                     ("score_pool3c", "fit at 9x9 of 2", (70, 70, 21)), ("score", "fit at 31x31 of 2", (500, 500, 21))]
    # the fixed parts: three deconvolutions without bias and the two scales (lr_mult 0)
    frozen = 4 * 4 * 21 * 21 * 2 + 16 * 16 * 21 * 21 + 512 + 256
    assert report.totals.frozen == frozen
    fcn32s = 14_714_688 + (7 * 7 * 512 * 4096 + 4096) + (4096 * 4096 + 4096) + (4096 * 21 + 21)
    assert report.totals.params == fcn32s + (512 * 21 + 21) + (256 * 21 + 21) + frozen
    # FCN's offsets are the ones that align the skips' receptive fields with the upsampled scores': no W002 (the
    # two W030 are Caffe's pools rounding up); pool4's scores cropped from 4 instead look one stride-16 step away
    assert [d.code for d in report.diagnostics] == ["W030", "W030"]
    moved = analyze_text((FIXTURES / "fcn8s_deploy.prototxt").read_text().replace("offset: 5 }", "offset: 4 }"),
                         "fcn8s.prototxt")
    [w] = [d for d in moved.diagnostics if d.code == "W002"]
    assert w.message.startswith("fuse_pool4:") and "centred at -11.5 against every 16 pixels, centred at -27.5" in \
        w.message


@pytest.mark.parametrize("param, field", [("convolution_param { num_output: 8 kernel_size: 3 strides: 2 }", "strides"),
                                          ("convolution_param { num_output: 8 kernel_size: 3 stride: 2 padd: 1 }",
                                           "padd")])
def test_a_field_caffe_does_not_have_is_an_error_not_passed_over(param: str, field: str) -> None:
    # `strides: 2` was passed over: the convolution read at stride 1 (14x14x8, not 7x7x8), in silence
    text = ('name: "t"\ninput: "data"\ninput_shape { dim: 1 dim: 3 dim: 16 dim: 16 }\n'
            f'layer {{ name: "c1" type: "Convolution" bottom: "data" top: "c1" {param} }}\n')
    report = analyze_text(text, "net.prototxt")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.code, error.line, error.column) == ("E071", 4, text.splitlines()[3].index(field) + 1)
    assert error.message.startswith(f"convolution_param has no field `{field}` (Caffe refuses it); its fields are "
                                    f"`num_output`, `kernel_size`, `stride`")
    assert report.totals.params is None


def test_bnll_is_softplus_and_clip_is_hardtanh() -> None:
    # Caffe's BNLL is ln(1 + e^x); its Clip layer clips to clip_param's min and max, which caffe.proto requires
    text = ('input: "data"\ninput_shape { dim: 1 dim: 3 dim: 8 dim: 8 }\n'
            'layer { name: "c" type: "Convolution" bottom: "data" top: "c" convolution_param { num_output: 4 '
            'kernel_size: 3 } }\n'
            'layer { name: "b" type: "BNLL" bottom: "c" top: "c" }\n'
            'layer { name: "k" type: "Clip" bottom: "c" top: "k" clip_param { min: -1.5 max: 2 } }\n')
    report = read_proto(text)
    assert report.ok, report.messages()
    assert [(r.name, r.op) for r in report.rows] == [("c", "conv 4 3x3"), ("b", "softplus"),
                                                     ("k", "hardtanh low -1.5 high 2")]
    missing = read_proto(text.replace("min: -1.5 ", ""))
    assert errors(missing) == [("E071", 5, 64)]  # at clip_param's braces
    assert missing.diagnostics[0].message == \
        "a Clip layer needs clip_param's `min` and `max` (caffe.proto requires both)"


SLICED = ('name: "sliced"\ninput: "data"\ninput_shape { dim: 1 dim: 3 dim: 8 dim: 8 }\n'
          'layer { name: "conv1" type: "Convolution" bottom: "data" top: "conv1"\n'
          '  convolution_param { num_output: 12 kernel_size: 3 pad: 1 } }\n'
          'layer { name: "slice1" type: "Slice" bottom: "conv1" top: "a" top: "b" top: "c"\n'
          '  slice_param { axis: 1 slice_point: 4 slice_point: 6 } }\n'
          'layer { name: "conv2" type: "Convolution" bottom: "c" top: "conv2"\n'
          '  convolution_param { num_output: 2 kernel_size: 1 } }\n'
          'layer { name: "cat" type: "Concat" bottom: "a" bottom: "b" bottom: "conv2" top: "cat" }\n'
          'layer { name: "half" type: "Slice" bottom: "cat" top: "h1" top: "h2" }\n'
          'layer { name: "sum" type: "Eltwise" bottom: "h1" bottom: "h2" top: "sum" }\n')


def test_a_slice_layer_cuts_the_channels_at_its_points_or_into_equal_parts() -> None:
    # Caffe's Slice (slice_layer.cpp): 12 channels at points 4 and 6: 0-3, 4-5, and 6 to the end (6 channels); conv2
    # 6 -> 2 1x1 ((6 + 1)·2 = 14); joined 4 + 2 + 2 = 8; sliced without points into two equal halves of 4, added: 8x8x4.
    # conv1 (27 + 1)·12 = 336. It was E070.
    report = read_proto(SLICED)
    assert report.ok, report.messages()
    assert [(r.name, r.op, str(r.output)) for r in report.rows if r.keyword in ("slice", "part")] == [
        ("a", "slice 0:4", "8x8x4"), ("b", "slice 4:6", "8x8x2"), ("c", "slice 6:", "8x8x6"),
        ("h1", "part 1 of 2", "8x8x4"), ("h2", "part 2 of 2", "8x8x4")]
    assert report.totals.params == 336 + 14 and report.output is not None and report.output.dims == (8, 8, 4)
    # as many points as tops, points out of order, another axis, halves of odd channels: each an error at its layer
    line = SLICED[:SLICED.index('layer { name: "slice1"')].count("\n") + 1  # (at its message's `{`, column 7)
    for edit, code in (("slice_point: 4 slice_point: 6", "slice_point: 4"), ("slice_point: 4 slice_point: 6",
                                                                             "slice_point: 6 slice_point: 4")):
        report = read_proto(SLICED.replace(edit, code))
        assert errors(report) == [("E071", line, 7)], code
        assert "slice1: " in report.diagnostics[0].message and "slice points for 3 tops (Caffe takes one fewer than " \
            "the tops, each above the one before)" in report.diagnostics[0].message
    along = read_proto(SLICED.replace("axis: 1 slice_point", "axis: 2 slice_point"))
    assert errors(along) == [("E070", line, 7)] and "a slice along another axis than the channels" in \
        along.diagnostics[0].message
    odd = read_proto(SLICED.replace("num_output: 2 kernel_size: 1", "num_output: 3 kernel_size: 1"))
    half = SLICED[:SLICED.index('layer { name: "half"')].count("\n") + 1
    assert errors(odd) == [("E033", half, 7), ("E033", half, 7)]  # (one for each half: 4 + 2 + 3 = 9 channels)
