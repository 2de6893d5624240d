"""The output-size rule and the parameter/MAC rules, against the lecture's worked examples
and arithmetic written out here."""
from __future__ import annotations

from cnncalc.shape import effective_kernel, out_len, same_padding, transposed_len
from tests.conftest import codes, row, run, where


def test_lecture_7x7_input_3x3_filter_strides_1_2_3() -> None:
    # Lecture: "(N - F)/stride + 1": stride 1 -> (7-3)/1+1 = 5; stride 2 -> (7-3)/2+1 = 3;
    # stride 3 -> (7-3)/3+1 = 2.33, "stride 3 is not proper for N=7 and F=3".
    assert out_len(7, 3, 1, 0, 0, False).value == 5
    assert out_len(7, 3, 2, 0, 0, False).value == 3
    third = out_len(7, 3, 3, 0, 0, False)
    assert (third.span, third.stride) == (7 - 3, 3) and not third.whole
    assert third.arithmetic() == "(7 - 3 + 2·0)/3 + 1 = 2.33"


def test_lecture_zero_padding_preserves_size() -> None:
    # Lecture: 7x7 input, 3x3 filter, stride 1, pad 1 -> 7x7 output; pad (F-1)/2 keeps size.
    assert out_len(7, 3, 1, 1, 1, False).value == 7
    for f, p in ((3, 1), (5, 2), (7, 3)):
        assert out_len(32, f, 1, p, p, False).value == 32


def test_lecture_32x32x3_ten_5x5_filters() -> None:
    # Lecture: 10 filters 5x5, stride 1, pad 2 on 32x32x3 -> 32x32x10;
    # each filter has 5*5*3 + 1 = 76 params, so 76*10 = 760.
    r = run("input 32x32x3\nconv 10 5x5 stride 1 pad 2 -> 32x32x10 params 760")
    assert r.ok, codes(r)
    assert row(r, "conv1").params == (5 * 5 * 3 + 1) * 10 == 760


def test_lecture_conv_demo_5x5x3_two_filters_stride_2_pad_1() -> None:
    # Lecture: w=h=5, d=3, two 3x3x3 filters, stride 2, pad 1: (5 - 3 + 2)/2 + 1 = 3 -> 3x3x2.
    r = run("input 5x5x3\nconv 2 3x3 stride 2 pad 1 -> 3x3x2 params 56")
    assert r.ok, codes(r)
    assert row(r, "conv1").params == (3 * 3 * 3 + 1) * 2


def test_alexnet_conv1_and_pool1_from_the_lecture() -> None:
    # Lecture: Output = 55 = (227-11)/4+1 and 27 = (55-3)/2+1.
    assert out_len(227, 11, 4, 0, 0, False).value == (227 - 11) // 4 + 1 == 55
    assert out_len(55, 3, 2, 0, 0, False).value == (55 - 3) // 2 + 1 == 27


def test_dilation_widens_the_kernel() -> None:
    # F_eff = D*(F-1) + 1: a 3x3 kernel at dilation 2 spans 5 pixels.
    assert effective_kernel(3, 2) == 5
    r = run("input 32x32x8\nconv 8 3x3 dilation 2 -> 28x28x8")
    assert r.ok, codes(r)


def test_same_padding_matches_tensorflow() -> None:
    # TensorFlow 'same': output ceil(N/S); total pad max((out-1)*S + F - N, 0), extra at the end.
    assert same_padding(224, 7, 2) == (2, 3)  # out 112: (111*2 + 7 - 224) = 5 -> 2 top, 3 bottom
    assert same_padding(5, 3, 1) == (1, 1)
    assert same_padding(4, 1, 2) == (0, 0)
    r = run("input 224x224x3\nconv 64 7x7 stride 2 pad same -> 112x112x64")
    assert r.ok, codes(r)


def test_ceil_mode_follows_pytorch_dropping_windows_that_start_in_padding() -> None:
    # PyTorch MaxPool2d ceil_mode: windows that would start in the right padding are ignored.
    # N=6, K=2, S=2, P=1: ceil((6 + 2 - 2)/2) + 1 = 4, and (4-1)*2 = 6 >= 6 + 1? no -> 4.
    assert out_len(6, 2, 2, 1, 1, True).value == 4
    # N=5, K=2, S=2, P=1: ceil((5 + 2 - 2)/2) + 1 = 4, and the 4th window starts at 6 >= 5 + 1 -> 3.
    assert out_len(5, 2, 2, 1, 1, True).value == 3
    # A window larger than the input still gives one output under ceil: N=2, K=3, S=2 -> 1.
    assert out_len(2, 3, 2, 0, 0, True).value == 1


def test_transposed_convolution_size() -> None:
    # (N - 1)*S - 2P + F + A: 16 -> (16-1)*2 - 2 + 4 + 0 = 32 (a 4x4 stride-2 pad-1 upsampling).
    assert transposed_len(16, 4, 2, 2, 0) == 32
    r = run("input 16x16x64\ndeconv 32 4x4 stride 2 pad 1 -> 32x32x32 params 32800")
    assert r.ok, codes(r)
    assert row(r, "deconv1").params == 4 * 4 * 64 * 32 + 32 == 32800


def test_a_transposed_convolution_sized_to_another_map() -> None:
    # `to @NAME`, PyTorch's output_size: on each axis the output padding A that makes (N - 1)·S - P + F + A NAME's
    # size, from 0 to S - 1. 23x31 -> enc, 3x3/2 pad 1: 12x16; 2x2/2: 6x8; back with 3x3/2 pad 1: (6 - 1)·2 - 2 + 3 =
    # 11 and (8 - 1)·2 - 2 + 3 = 15, so A = 1 and 1 to reach 12x16; then to the input's 23x31: (12 - 1)·2 - 2 + 3
    # = 23 and (16 - 1)·2 - 2 + 3 = 31, A = 0; a 1x1 at stride 3 from 12x16: (12 - 1)·3 + 1 = 34 and 46, A = 2 and
    # 2 to reach 36x48 (enc upsampled 3 times). Parameters and MACs do not depend on A: 3·3·8·4 + 4 = 292 and
    # 6·8·8·3·3·4 = 13,824
    r = run("input 23x31x3\nimage: identity\nenc: conv 8 3x3 stride 2 pad 1 -> 12x16x8\nconv 8 2x2 stride 2\n"
            "up: deconv 4 3x3 stride 2 pad 1 to @enc -> 12x16x4 params 292 macs 13824\n"
            "full: deconv 2 3x3 stride 2 pad 1 to @image -> 23x31x2\n"
            "big: concat { @enc ; upsample 3 } -> 36x48x8\n"
            "concat { @enc ; deconv 5 1x1 stride 3 to @big | @big } -> 36x48x13\n", explain=True)
    assert r.ok, codes(r)
    assert row(r, "up").layer.spec_text() == "deconv 4 3x3 stride 2 pad 1 outpad 1"  # (the row's layer, as it runs)
    assert row(r, "full").layer.spec_text() == "deconv 2 3x3 stride 2 pad 1"
    working = row(r, "up").working
    assert working is not None and working.out == "height (6 - 1)·2 - 2 + 3 + 1 = 12; width (8 - 1)·2 - 2 + 3 + 1 = 16"
    assert [x.output.dims for x in r.rows if x.keyword == "deconv"][-1] == (36, 48, 5)


def test_a_size_a_transposed_convolution_cannot_reach_is_e068_with_its_range() -> None:
    # 6x8 -> 2x2/2: 12x16 plus 0 or 1, not the input's 11x15 (too small); 8x11 -> 3x3/2: (8 - 1)·2 + 3 = 17 plus 0
    # or 1, not 15 (too large); to a vector; written twice; with `outpad` too; `to` without `@NAME`; a name not
    # written before
    base = "input 11x15x3\nimage: identity\nenc: conv 8 3x3 stride 2 pad 1\n"
    r = run(base + "deconv 4 2x2 stride 2 to @image\n")
    [e] = [d for d in r.diagnostics if d.severity == "error"]
    assert (e.code, e.line, e.column) == ("E068", 4, 26)
    assert "its output height can be 12 to 13 ((6 - 1)·2 - 0 + 2, plus an output padding of 0 to the stride less 1)" \
           ", not 11" in e.message
    assert r.totals.params is None and row(r, "deconv1").output is None
    r = run("input 15x21x3\nbig: identity\nconv 8 3x3 stride 2 pad 1 ; deconv 4 3x3 stride 2 to @big\n")
    assert codes(r) == ["E068"] and "its output height can be 17 to 18" in r.diagnostics[0].message
    r = run("input 4x4x2\nv: flatten\nunflatten ; deconv 2 2x2 stride 2 to @v\n")
    assert codes(r) == ["E068"] and "the vector 32 has no height and width" in r.diagnostics[0].message
    for line, said, words in [
            ("deconv 4 2x2 stride 2 to @enc to @enc", ("E012", 4, 31), "`to` is given twice"),  # (the second)
            ("deconv 4 3x3 stride 2 pad 1 outpad 1 to @image", ("E012", 4, 29),
             "`outpad` and `to` both set the output's size"),
            ("deconv 4 2x2 stride 2 to image", ("E002", 4, 26), "expected `@NAME` after `to`, found `image`"),
            ("deconv 4 2x2 stride 2 to @later\nlater: identity", ("E063", 4, 26),
             "no earlier line or layer is named `later` here"),
            ("conv 4 2x2 stride 2 to @enc", ("E011", 4, 21), "`conv` has no option `to`")]:  # (no `to` on a conv)
        r = run(base + line + "\n")
        assert where(r)[0] == said and words in r.diagnostics[0].message, r.messages()


def test_a_wrong_answer_on_a_sized_transposed_convolution_is_wrong() -> None:
    # 6x8 -> 3x4 (2x2/2) -> back to enc's 6x8 by a 3x3/2 pad 1 with output padding 1: (3 - 1)·2 - 2 + 3 + 1 = 6 and
    # (4 - 1)·2 - 2 + 3 + 1 = 8. The size without the output padding (5x7), or the input's, is wrong, at the answer;
    # parameters 3·3·8·4 + 4 = 292, not 288
    base = "input 11x15x3\nenc: conv 8 3x3 stride 2 pad 1\nconv 8 2x2 stride 2\ndeconv 4 3x3 stride 2 pad 1 to @enc "
    assert run(base + "-> 6x8x4 params 292\n").ok
    for answer, wrong, code in [("-> 5x7x4", "5x7x4", "E040"), ("-> 11x15x4", "11x15x4", "E040"),
                                ("-> 6x8x4 params 288", "288", "E041")]:
        r = run(base + answer + "\n")
        [e] = [d for d in r.diagnostics if d.severity == "error"]
        line = (base + answer).splitlines()[3]
        assert (e.code, e.line, e.column) == (code, 4, line.index(wrong) + 1), r.messages()


def test_a_transposed_convolution_sized_inside_repeats_and_blocks() -> None:
    # each iteration and each call reads its own `@NAME`: 8x8 -> 4x4 (3x3/2 pad 1, floor) -> back to 8x8 with A = 1:
    # (4 - 1)·2 - 2 + 3 = 7; then 7x7 (a 2x2 conv of 8x8) -> 4x4 -> back to 7x7 with A = 0
    r = run("input 16x16x4\nrounding floor\nblock down_up(c) {\n  x: identity\n  conv c 3x3 stride 2 pad 1\n"
            "  deconv c 3x3 stride 2 pad 1 to @x\n}\nmaxpool 2 ; down_up(4) -> 8x8x4\nrepeat 2 { down_up(4) }\n"
            "conv 4 2x2 -> 7x7x4\ndown_up(4) -> 7x7x4\n")
    assert r.ok, codes(r)
    sized = [x.layer.spec_text() for x in r.rows if x.keyword == "deconv"]
    assert sized == ["deconv 4 3x3 stride 2 pad 1 outpad 1"] * 3 + ["deconv 4 3x3 stride 2 pad 1"]


def test_grouped_and_depthwise_parameter_rules() -> None:
    # Grouped: (K*K*Cin/G + 1)*C = (3*3*64/4 + 1)*128 = 18,560.
    r = run("input 8x8x64\nconv 128 3x3 pad 1 groups 4 -> params 18560")
    assert r.ok, codes(r)
    # Depthwise with multiplier 2: (K*K + 1)*M*Cin = (9 + 1)*2*32 = 640; MACs 8*8*64*9 = 36,864.
    r = run("input 8x8x32\ndwconv 3x3 pad 1 multiplier 2 -> 8x8x64 params 640 macs 36864")
    assert r.ok, codes(r)


def test_mac_rules_conv_and_fc() -> None:
    # conv MACs = Hout*Wout*Cout*K*K*Cin/G; fc MACs = in*out; bias excluded.
    r = run("input 227x227x3\nconv 96 11x11 stride 4 -> macs 105415200\nfc 10 -> macs 2904000")
    assert r.ok, codes(r)
    assert row(r, "conv1").macs == 55 * 55 * 96 * 11 * 11 * 3
    assert row(r, "fc1").macs == 55 * 55 * 96 * 10


def test_batchnorm_counts_running_statistics_apart() -> None:
    # BatchNorm on C channels: 2C learnable (gamma, beta) + 2C non-trainable (mean, var).
    r = run("input 4x4x16\nbn -> params 32")
    assert r.ok
    assert row(r, "bn1").non_trainable == 2 * 16
    assert r.totals.params == 32 and r.totals.non_trainable == 32


def test_nobias_and_rectangular_kernels() -> None:
    # (3*5*3)*8 weights, no bias; output height (20-3)/1+1 = 18, width (20-5)/1+1 = 16.
    r = run("input 20x20x3\nconv 8 3x5 nobias -> 18x16x8 params 360")
    assert r.ok, codes(r)


def test_four_sided_padding_uses_the_sum() -> None:
    # pad T,B,L,R: height (224 - 11 + 1 + 2)/4 + 1 = 55, width likewise.
    r = run("input 224x224x3\nconv 96 11x11 stride 4 pad 1,2,1,2 -> 55x55x96")
    assert r.ok, codes(r)


def test_memory_figures_use_float32_and_the_batch() -> None:
    # conv 8 3x3 on 10x10x1: 8x8x8 = 512 activations; (9 + 1)*8 = 80 params.
    r = run("input 10x10x1 batch 32\nconv 8 3x3")
    assert r.totals.activations == 8 * 8 * 8
    assert r.totals.activation_bytes == 8 * 8 * 8 * 32 * 4
    assert r.totals.param_bytes == 80 * 4


def test_ceil_keeps_an_exact_division() -> None:
    # Found by the walker-vs-executor property: a 1x1 kernel with pad 1 on 3 gives exactly
    # (3 - 1 + 2)/1 + 1 = 5 windows; rounding up adds none, so none is dropped.
    assert out_len(3, 1, 1, 1, 1, True).value == 5


def test_declared_input_sizes_are_checked() -> None:
    # PyTorch states what a layer expects: nn.Linear(256, 120) after a 5x5x16 map fails there,
    # since 5·5·16 = 400; cnncalc says so at the `inputs` word (E017) and goes on with 400.
    r = run("input 5x5x16\nfc 120 inputs 256\n")
    assert where(r) == [("E017", 2, 8)]
    assert r.diagnostics[0].message == "fc1: written for 256 input values but receives 400 (5x5x16 flattened)"
    assert r.totals.params == (400 + 1) * 120
    assert where(run("input 8x8x3\nconv 8 3x3 in 4\n")) == [("E017", 2, 12)]
    assert where(run("input 8x8x3\nconv 8 3x3 inputs 3 ; bn inputs 8 ; fc 10 in 288\n")) == []


def test_caffe_batch_norm_and_scale() -> None:
    # Caffe: BatchNorm holds mean, variance and a moving-average factor (2C + 1, not learnt); the
    # Scale layer after it holds gamma and beta (2C learnt).
    r = run("input 4x4x64\nbn noaffine counted\nscale\nscale nobias\n")
    bn, scale, scale_nobias = (row(r, p) for p in ("bn1", "scale1", "scale2"))
    assert (bn.params, bn.non_trainable) == (0, 2 * 64 + 1)
    assert (scale.params, scale_nobias.params) == (2 * 64, 64)


def test_a_batch_norm_with_one_of_gamma_and_beta() -> None:
    # Keras' scale=False keeps beta (C learnt), center=False gamma (C); both keep 2C running statistics.
    # A wrong count as an answer is E041 (wrong params) at it; the right one passes.
    r = run("input 4x4x64\nbn noscale -> params 64\nbn noshift -> params 64\n")
    shift, scale = (row(r, p) for p in ("bn1", "bn2"))
    assert (shift.weights, shift.biases, shift.non_trainable) == (0, 64, 2 * 64)
    assert (scale.weights, scale.biases, scale.non_trainable) == (64, 0, 2 * 64)
    assert r.ok, r.messages()
    assert [d.code for d in run("input 4x4x64\nbn noscale -> params 128\n").diagnostics] == ["E041"]


def test_the_session_layers_compute_their_sizes_and_judge_answers() -> None:
    # pixelshuffle 2 on 8x8x12: 8·2 = 16, 12/2² = 3; part 2 of 3: 12/3 = 4 channels; reflectpad 3:
    # 8 + 3 + 3 = 14; replicatepad 1,0,2,1: 8 + 1 + 0 = 9 rows, 8 + 2 + 1 = 11 columns; a global pool
    # then squeeze: 12 values; unflatten: 1x1x12. A wrong answer on any of them is E040 / right is right.
    # pixelunshuffle 2 on 8x8x12: 8/2 = 4, 12·2² = 48 (and on 8x6x12 the width 6/2 = 3)
    right = ("input 8x8x12\npixelshuffle 2 -> 16x16x3\n", "input 8x8x12\npart 2 of 3 -> 8x8x4\n",
             "input 8x8x12\npixelunshuffle 2 -> 4x4x48\n", "input 8x6x12\npixelunshuffle 2 -> 4x3x48\n",
             "input 8x8x12\nreflectpad 3 -> 14x14x12\n", "input 8x8x12\nreplicatepad 1,0,2,1 -> 9x11x12\n",
             "input 8x8x12\nglobalavgpool ; squeeze -> 12\n", "input 12\nunflatten -> 1x1x12\n")
    for text in right:
        r = run(text)
        assert r.ok and [a.verdict for a in r.answers] == ["right"], text
    wrong = ("input 8x8x12\npixelshuffle 2 -> 16x16x12\n", "input 8x8x12\npart 2 of 3 -> 8x8x6\n",
             "input 8x8x12\npixelunshuffle 2 -> 4x4x24\n", "input 8x8x12\npixelunshuffle 2 -> 16x16x3\n",
             "input 8x8x12\nreflectpad 3 -> 11x11x12\n", "input 8x8x12\nglobalavgpool ; squeeze -> 24\n",
             "input 12\nunflatten -> 1x1x6\n")
    for text in wrong:
        r = run(text)
        assert [a.verdict for a in r.answers] == ["wrong"] and "E040" in codes(r), text


def test_a_space_to_depth_never_rounds_whatever_the_network_rounds() -> None:
    # PyTorch's pixel_unshuffle refuses a height or width not divisible by its factor: 9/2 = 4.5 is E038 under
    # `rounding floor` too (a window 2 at stride 2 would floor it to 4), and `solve` asks for H ≡ 0 (mod 2)
    from click.testing import CliRunner

    from cnncalc.cli import cli
    text = "input 9x8x3\nrounding floor\npixelunshuffle 2\n"
    report = run(text)
    assert [(d.code, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E038", "pixelunshuffle1: the height 9 does not divide by 2")]
    assert run("input 10x8x3\nrounding floor\npixelunshuffle 2 -> 5x4x12\n").ok
    solved = CliRunner().invoke(cli, ["solve", "-"], input="input 10x8x3\nrounding floor\npixelunshuffle 2\n")
    assert "H ≡ 0 (mod 2), H ≥ 2" in solved.output, solved.output


def test_the_session_layers_report_what_they_cannot_take() -> None:
    # each problem at its line and the argument it is about, in words that name the numbers
    cases = [
        ("part 1", ("E014", 2, 6), "needs the number of parts"),
        ("part 5 of 4", ("E036", 2, 6), "asks for a part past the last"),
        ("part 1 of 5", ("E033", 2, 8), "12 channels do not form 5 equal parts (12/5 = 2.4)"),
        # torch.split(x, 5, 1) of 12 channels: parts 0-4, 5-9, 10-11, ⌈12/5⌉ = 3 of them: a 4th is past the last, and
        # unpacked into 2 names they are one too many
        ("part 4 size 5", ("E036", 2, 6), "`part 4 size 5` starts at channel 15, but the input 8x8x12 has channels 0 "
                                          "to 11: 12 channels in parts of 5 make 3 parts"),
        ("part 1 of 2 size 5", ("E033", 2, 8),
         "12 channels in parts of 5 make 3 parts (12/5 = 2.4, rounded up), not 2"),
        # x.chunk(5, 1) of 12 channels: parts of ⌈12/5⌉ = 3, 12/3 = 4 of them (PyTorch makes fewer than asked): a 5th
        # is past the last, and 5 names cannot unpack them; `size` and `chunks` each set the parts' size
        ("part 5 chunks 5", ("E036", 2, 6), "`part 5 chunks 5` starts at channel 12, but the input 8x8x12 has channels "
                                            "0 to 11: 12 channels in 5 chunks of 3 (⌈12/5⌉) make 4 parts"),
        ("part 1 of 5 chunks 5", ("E033", 2, 8),
         "12 channels in 5 chunks of 3 (⌈12/5⌉) make 4 parts (12/3 = 4, rounded up), not 5"),
        ("part 1 size 3 chunks 4", ("E012", 2, 15), "given both the parts' size (3) and a number of chunks (4)"),
        ("pixelshuffle 3", ("E033", 2, 14), "12 channels do not divide by 3² = 9"),
        ("pixelunshuffle 3", ("E038", 2, 16), "the height 8 and the width 8 do not divide by 3"),
        ("squeeze", ("E037", 2, 1), "squeeze takes a 1x1 map or a vector but gets 8x8x12"),
        ("unflatten", ("E037", 2, 1), "unflatten takes a vector but gets the volume 8x8x12"),
        ("reflectpad 8", ("E036", 2, 12), "reflecting 8 rows at the top needs more than 8 of them"),
        ("layernorm lastaxis", ("E037", 2, 11), "gets the map 8x8x12, whose last axis in PyTorch is the width"),
        ("bn vector", ("E037", 2, 4), "a batch norm of vectors (PyTorch's BatchNorm1d) gets the map 8x8x12"),
        ("fc 10 noflatten", ("E037", 2, 7), "takes a flat vector"),
        ("flatten inputs 100", ("E017", 2, 9), "written for 100 input values but receives 768"),  # 8·8·12
    ]
    for line, place, words in cases:
        r = run(f"input 8x8x12\n{line}\n")
        assert where(r) == [place] and words in r.diagnostics[0].message, (line, where(r), r.diagnostics[0].message)
    # a count or size below 1 is refused at its value, in words that name it (`of` was "the of")
    for line, place, words in (("part 1 of 0 size 3", ("E013", 2, 11), "the number of parts: it must be at least 1"),
                               ("part 2 size 0", ("E013", 2, 13), "the size: it must be at least 1"),
                               ("part 2 chunks 0", ("E013", 2, 15), "the number of chunks: it must be at least 1"),
                               ("part 1 chunks 99999999", ("E013", 2, 15),
                                "the number of chunks: it must be at most 16,777,216")):
        r = run(f"input 8x8x12\n{line}\n")
        assert where(r) == [place] and words in r.diagnostics[0].message, (line, where(r), r.messages())
    # the parts that are there: 12 - 2·5 = 2 channels left for the third, 5 for the others, unpacked into 3 or not
    # x.chunk(5, 1) of 12 channels: 3, 3, 3, 3; x.chunk(7, 1): ⌈12/7⌉ = 2, six parts of 2; x.chunk(5, 1) of 13 and
    # x.chunk(2, 1) of 11 below: 3, 3, 3, 3, 1 and 6, 5 (the last what is left)
    for line, channels in (("part 3 of 3 size 5", 2), ("part 2 size 5", 5), ("part 3 size 5", 2),
                           ("part 1 size 20", 12), ("part 4 chunks 5", 3), ("part 6 chunks 7", 2),
                           ("part 1 of 4 chunks 4", 3), ("part 1 chunks 20", 1)):
        r = run(f"input 8x8x12\n{line}\n")
        assert r.ok and r.output is not None and r.output.dims == (8, 8, channels), (line, r.messages())
    for size, line, channels in (("8x8x13", "part 5 of 5 chunks 5", 1), ("8x8x11", "part 1 of 2 chunks 2", 6),
                                 ("8x8x11", "part 2 chunks 2", 5)):
        r = run(f"input {size}\n{line}\n")
        assert r.ok and r.output is not None and r.output.dims == (8, 8, channels), (line, r.messages())
    # the working says the size: ⌈11/2⌉ = 6, the second part channels 6 to 10
    working = run("input 8x8x11\nhalf: part 2 chunks 2\n", explain=True).rows[0].working
    assert working is not None and working.out == "11 channels in 2 chunks of 6 (⌈11/2⌉): part 2 is 6 to 10, 5 channels"
    r = run("input 12\nbn map\n")
    assert where(r) == [("E034", 2, 4)] and "gets the vector 12" in r.diagnostics[0].message


def test_a_slice_open_at_the_end_keeps_the_channels_left() -> None:
    from cnncalc import analyze_text
    # `slice 4:` on 16 channels keeps 16 - 4 = 12; on 4 channels nothing is left (E036 at the range)
    report = analyze_text("input 8x8x16\nslice 4:\n")
    assert report.ok and report.output is not None and report.output.dims == (8, 8, 12)
    report = analyze_text("input 8x8x4\nslice 4:\n")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.code == "E036" and "nothing is left" in error.message and (error.line, error.column) == (2, 7)


def test_an_answer_to_a_slice_open_at_the_end_is_judged() -> None:
    from cnncalc import analyze_text
    # 16 - 4 = 12 channels: 8x8x12 is right, 8x8x16 (the whole input) is wrong
    right = analyze_text("input 8x8x16\nslice 4: -> 8x8x12\n")
    assert right.ok and [a.ok for a in right.answers] == [True]
    wrong = analyze_text("input 8x8x16\nslice 4: -> 8x8x16\n")
    [error] = [d for d in wrong.diagnostics if d.severity == "error"]
    assert error.code == "E040" and "8x8x12" in error.message and (error.line, error.column) == (2, 13)


def test_fit_pads_or_crops_a_map_to_the_references_size() -> None:
    # fit { REF | X }: X's channels on REF's height and width, the odd row and column at the bottom and
    # right. 9x7 input; maxpool 2 floor: 4x3; upsample 2: 8x6; fitted to 9x7: one more row (0 top, 1 bottom),
    # one more column. The other way, 9x7 fitted to 4x3: 5 rows fewer (-3 at the top: (-5) // 2), 4 columns.
    r = run("input 9x7x3\nenc: conv 4 3x3 pad 1\nfit { @enc | maxpool 2 floor ; upsample 2 ; conv 6 1x1 } -> 9x7x6\n"
            "fit { maxpool 2 floor | identity } -> 4x3x6\n")
    assert r.ok, r.messages()
    assert [x.output.dims for x in r.rows if x.kind == "join"] == [(9, 7, 6), (4, 3, 6)]
    assert r.totals.params == (27 + 1) * 4 + (4 + 1) * 6
    # an answer with the reference's channels, or X's size, is wrong at the answer
    right = run("input 9x7x3\nenc: conv 4 3x3 pad 1\nfit { @enc | upsample 2 } -> 9x7x4\n")
    assert right.ok and [d.code for d in right.diagnostics] == []
    assert [d.code for d in run("input 9x7x3\nfit { conv 4 1x1 | upsample 2 } -> 18x14x3\n").diagnostics] == ["E040"]
    # one branch, three, or a vector: E065 at the merge's line (3:1, the label), naming each branch
    for bad, given in (("fit { identity }", "branch 1 gives 8x8x2"),
                       ("fit { identity | identity | identity }", "branch 3 gives 8x8x2"),
                       ("fit { identity | flatten }", "branch 2 gives 128")):
        r = run(f"input 8x8x2\nconv 2 1x1\nf: {bad}\n")
        assert where(r) == [("E065", 3, 1)], bad
        assert "`fit` takes two branches of maps" in r.diagnostics[0].message and given in r.diagnostics[0].message


def test_fit_channels_adds_zero_channels_up_to_the_references() -> None:
    # fit channels { REF | X }: X on REF's height and width, and with REF's channels, zero channels after its own
    # (ENet's and PyramidNet's shortcut). 8x8x4 input; a 2x2 stride-2 conv of 16 gives 4x4x16, (2·2·4 + 1)·16 = 272
    # parameters, 4·4·16·16 = 4,096 MACs; the input's 2x2 pool 4x4x4: 16 - 4 = 12 zero channels after its 4, so
    # 4x4x16, added to the conv's. The input's 4x4 pool gives 2x2x4, fitted to another such conv's 4x4x16: one row
    # and column more each side (as `fit` pads), and the 12 channels. No parameters or MACs of its own.
    r = run("input 8x8x4\nx: identity\nconv 16 2x2 stride 2\n"
            "add { identity | fit channels { identity | @x ; maxpool 2 } } -> 4x4x16\n"
            "fit channels { @x ; conv 16 2x2 stride 2 | @x ; maxpool 4 } -> 4x4x16\n", explain=True)
    assert r.ok and where(r) == [], r.messages()
    fits = [x for x in r.rows if x.kind == "join" and x.keyword == "fit"]
    assert [x.output.dims for x in fits] == [(4, 4, 16), (4, 4, 16)]
    assert [x.op for x in r.rows if x.kind == "fit"] == ["fit channels of 2", "fit channels of 2"]
    assert r.totals.params == 2 * 272 and r.totals.macs == 2 * 4_096
    assert fits[1].working is not None and fits[1].working.out == (
        "4 - 2 = 2 rows: 1 at the top, 1 at the bottom; 4 - 2 = 2 columns: 1 left, 1 right (negative: cropped); "
        "16 - 4 = 12 zero channels after X's 4")
    # an answer of X's own channels (what `fit` alone gives) is wrong at the answer
    r = run("input 8x8x4\nx: identity\nconv 16 2x2 stride 2\nfit channels { identity | @x ; maxpool 2 } -> 4x4x4\n")
    assert where(r) == [("E040", 4, 47)] and "4x4x16" in r.diagnostics[0].message
    # X with more channels than REF: E065 at the merge, both counts said
    r = run("input 8x8x4\nf: fit channels { identity | conv 8 1x1 }\n")
    assert where(r) == [("E065", 2, 1)] and "adds zero channels to branch 2's 8 up to the reference's 4" in \
        r.diagnostics[0].message
    # `channels` with an offset, or another word, is E011 at the word
    for bad, said, column in (("fit at 1 channels", "`fit at` crops from an offset, and takes no `channels`", 10),
                              ("fit depth", "`fit` takes no `depth`", 5)):
        r = run(f"input 8x8x2\n{bad} {{ identity | identity }}\n")
        [e] = r.diagnostics
        assert where(r) == [("E011", 2, column)] and said in e.message, bad
        assert e.hint == "`fit` takes `channels` before its braces, or `at TxL`"


def test_fit_at_an_offset_crops_from_there_as_caffes_crop() -> None:
    # fit at TxL { REF | X }: X from row T and column L, REF's height and width, X's channels (Caffe's Crop with
    # axis 2). 9x7 input; upsample 2: 18x14; conv 3x3: 16x12x5; from row 2 and column 1 to 9x7: rows 2..10 (16 >=
    # 9 + 2), columns 1..7 (12 >= 7 + 1); (9·4 + 1)·5 = 185 parameters. `at 3` is 3 rows and 3 columns.
    r = run("input 9x7x4\nfit at 2x1 { identity | upsample 2 ; conv 5 3x3 } -> 9x7x5\n"
            "fit at 3 { identity | deconv 2 8x8 stride 4 nobias } -> 9x7x2\n", explain=True)
    assert r.ok and where(r) == [], r.messages()
    joins = [x for x in r.rows if x.kind == "join"]
    assert [x.output.dims for x in joins] == [(9, 7, 5), (9, 7, 2)]
    assert r.totals.params == (9 * 4 + 1) * 5 + 8 * 8 * 5 * 2
    assert [x.op for x in r.rows if x.kind == "fit"] == ["fit at 2x1 of 2", "fit at 3x3 of 2"]
    # the deconvolution's (9 - 1)·4 + 8 = 40 rows: rows 3 to 11 of 40, columns 3 to 9 of (7 - 1)·4 + 8 = 32
    assert joins[1].working.out == "rows 3 to 11 of 40, columns 3 to 9 of 32"
    # its receptive field: the cropped branch's, moved up and left by the offset (a crop of the input at row 2,
    # column 1 sees pixel (2, 1) for output (0, 0): the window starts 2 rows and 1 column in, padding -2 and -1)
    r = run("input 8x8x1\nfit at 2x1 { crop 3 | identity }\n")
    assert next(x for x in r.rows if x.kind == "join").field == ((1, 1, -2), (1, 1, -1))
    # a map that does not reach REF's size beyond the offset is E036 at the merge (Caffe refuses it): 16 < 9 + 8
    r = run("input 9x7x4\nf: fit at 8x1 { identity | upsample 2 ; conv 5 3x3 }\n")
    assert where(r) == [("E036", 2, 1)] and "(rows: 16 < 9 + 8)" in r.diagnostics[0].message
    # an offset that is not whole numbers from 0, or not one number or a pair, is E013 at the offset
    for bad, said in (("-1", "`fit at` needs an offset of whole numbers from 0 to 4,294,967,296"),
                      ("1x2x3", "expected a number or a pair `AxB`, found `1x2x3`")):
        r = run(f"input 8x8x2\nfit at {bad} {{ identity | upsample 2 }}\n")
        assert where(r) == [("E013", 2, 8)] and said in r.diagnostics[0].message, bad
    # only `fit` takes an offset: `resample at` is E011 at the word
    r = run("input 8x8x2\nresample at 1 { identity | upsample 2 }\n")
    assert where(r) == [("E011", 2, 10)] and "`resample` takes no `at`" in r.diagnostics[0].message
    # an answer with X's own size (16x12x5, before the crop) or the reference's channels is wrong at the answer
    for answer in ("16x12x5", "9x7x4"):
        wrong = run(f"input 9x7x4\nfit at 2x1 {{ identity | upsample 2 ; conv 5 3x3 }} -> {answer}\n")
        assert [(d.code, d.line) for d in wrong.diagnostics] == [("E040", 2)], answer
        assert f"expected {answer}, computed 9x7x5" in wrong.diagnostics[0].message


def test_resample_takes_the_references_height_and_width_and_xs_channels() -> None:
    # 9x7 input; conv 3x3 stride 2 pad 1: (9 - 3 + 2)/2 + 1 = 5 by (7 - 3 + 2)/2 + 1 = 4, 6 maps, resampled
    # back to the reference's 9x7 (the input through `identity`): 9x7x6, (27 + 1)·6 = 168 parameters and no MACs
    # of its own; the other way, 9x7x3 resampled to a 2x2 pool's 4x3
    r = run("input 9x7x3\nresample bilinear { identity | conv 6 3x3 stride 2 pad 1 } -> 9x7x6\n"
            "resample { maxpool 2 floor | identity } -> 4x3x6\n")
    assert r.ok, r.messages()
    assert [x.output.dims for x in r.rows if x.kind == "join"] == [(9, 7, 6), (4, 3, 6)]
    assert r.totals.params == (27 + 1) * 6 and r.totals.macs == 5 * 4 * 6 * 27
    assert [x.op for x in r.rows if x.kind == "resample"] == ["resample bilinear of 2", "resample of 2"]
    # an answer with X's own size (5x4, before resampling) or the reference's channels is wrong at the answer
    for answer in ("5x4x6", "9x7x3"):
        wrong = run(f"input 9x7x3\nresample bilinear {{ identity | conv 6 3x3 stride 2 pad 1 }} -> {answer}\n")
        assert [(d.code, d.line) for d in wrong.diagnostics] == [("E040", 2)], answer
        assert f"expected {answer}, computed 9x7x6" in wrong.diagnostics[0].message
    # a mode the merge does not take is E011 at the word; one branch, three, or a vector is E065
    r = run("input 8x8x2\nresample bicubic { identity | maxpool 2 }\n")
    assert where(r) == [("E011", 2, 10)] and "`bilinear` or `aligned`" in r.diagnostics[0].hint
    for bad, given in (("resample { identity }", "branch 1 gives 8x8x2"),
                       ("resample aligned { identity | flatten }", "branch 2 gives 128")):
        r = run(f"input 8x8x2\nconv 2 1x1\nf: {bad}\n")
        assert where(r) == [("E065", 3, 1)], bad
        assert "`resample` takes two branches of maps" in r.diagnostics[0].message and given in r.diagnostics[0].message


def test_a_value_by_value_merge_of_one_branch_is_w004() -> None:
    # `add { conv … }` without `| identity` joins nothing: the output is the branch's (a residual forgotten);
    # the counts stay the branch's, (36 + 1)·4 = 148 and 8·8·4·36 = 9,216 MACs. A concat of one branch that
    # starts from an earlier line is how a reader's graph goes back to it: no warning; sub, fit and resample
    # need two branches (errors of their own).
    for kind in ("add", "avg", "max", "min", "mul"):
        r = run(f"input 8x8x4\na: relu\n{kind} {{ conv 4 3x3 pad 1 }}\n")
        assert where(r) == [("W004", 3, 1)], kind
        assert r.ok and r.totals.params == 148 and r.totals.macs == 9_216 and r.output.dims == (8, 8, 4)
        assert f"`{kind}` of one branch joins nothing" in r.diagnostics[0].message
    assert where(run("input 8x8x4\na: relu\nconv 4 1x1\nconcat { @a }\n")) == []
    assert where(run("input 8x8x4\nadd { conv 4 3x3 pad 1 | identity }\n")) == []


def test_resamples_receptive_field_is_the_resize_layers() -> None:
    # the resampled branch's field moves as `resize` to the same size moves it (tests/test_torch.py holds
    # `resize` to PyTorch's gradients): the same steps, whichever way the size is given
    for mode in ("", " bilinear"):
        merged = run(f"input 64x64x1\nresample{mode} {{ identity | avgpool 2x2 stride 2 }}\n")
        layered = run(f"input 64x64x1\navgpool 2x2 stride 2 ; resize 64x64{mode}\n")
        assert next(x for x in merged.rows if x.kind == "join").field == layered.rows[-1].field


def test_fits_receptive_field_is_the_fitted_branchs_moved() -> None:
    # crop 1 then fit back to the input: every pixel is where it was, seeing itself (r 1, stride 1, the
    # window starting at the pixel: padding 0). The reference branch (a 5x5 conv) is not part of it.
    r = run("input 8x8x1\nfit { conv 1 5x5 pad 2 | crop 1 }\n")
    join = next(x for x in r.rows if x.kind == "join")
    assert join.field == ((1, 1, 0), (1, 1, 0))


def test_reshape_makes_a_map_of_its_inputs_values() -> None:
    # fc 8192 on a latent of 100: (100 + 1)·8192 = 827,392 parameters, 8192 = 4·4·512 values; reshape has none. A
    # volume reshapes too: 8x8x12 = 768 = 16·16·3; `reshape 4x4` takes the depth 8192/(4·4) = 512
    right = ("input 100\nfc 8192 ; reshape 4x4x512 -> 4x4x512 params 827392\n",
             "input 100\nfc 8192 ; reshape 4x4 -> 4x4x512\n", "input 8x8x12\nreshape 16x16x3 -> 16x16x3\n",
             "input 100\nfc 8192 ; reshape 2x8 depth 512 -> 2x8x512\n")
    for text in right:
        r = run(text)
        assert r.ok and [a.verdict for a in r.answers] == ["right"] * len(r.answers), text
    r = run("input 100\nfc 8192 ; reshape 4x4x512 -> 4x4x256\n")
    assert [a.verdict for a in r.answers] == ["wrong"]
    cases = [  # on 8x8x12, 768 values
        ("reshape 4x4x50", ("E017", 2, 9), "reshape 4x4x50 takes 800 values but receives 768 (8x8x12)"),
        ("reshape 5x5", ("E017", 2, 9), "reshape 5x5 takes a multiple of 25 values but receives 768 (8x8x12)"),
        ("reshape 0x4x48", ("E013", 2, 9), "reshape: the size: the height must be at least 1, got 0"),
    ]
    for line, place, words in cases:
        r = run(f"input 8x8x12\n{line}\n")
        assert where(r) == [place] and words in r.diagnostics[0].message, (line, where(r), r.diagnostics[0].message)


def test_padchannels_adds_zero_channels_without_parameters() -> None:
    # the ResNet paper's option A on CIFAR: 32x32x16 to 16x16x32, the shortcut every other pixel (maxpool 1x1 stride
    # 2: (32 - 1)/2 + 1 = 16.5, rounded down, the 16 pixels 0, 2, … 30) widened by 8 zero channels each side,
    # 16 + 8 + 8 = 32; only the other branch has weights: 3·3·16·32 + 3·3·32·32 = 4,608 + 9,216 = 13,824
    right = ("input 16x16x4\npadchannels 2 -> 16x16x8 params 0\n", "input 16x16x4\npadchannels 0 after 3 -> 16x16x7\n",
             "input 16x16x4\npadchannels 5 after 0 -> 16x16x9\n",
             "input 32x32x16\nadd { maxpool 1x1 stride 2 floor ; padchannels 8 -> 16x16x32 | "
             "conv 32 3x3 stride 2 pad 1 nobias floor ; conv 32 3x3 pad 1 nobias } -> 16x16x32 params 13824\n")
    for text in right:
        r = run(text)
        assert not [c for c in codes(r) if c.startswith("E")], text
        assert [a.verdict for a in r.answers] == ["right"] * len(r.answers), text
    r = run("input 16x16x4\npadchannels 2 -> 16x16x6\n")
    assert [a.verdict for a in r.answers] == ["wrong"]
    cases = [
        ("input 10\npadchannels 2", ("E034", 2, 1), "`padchannels` needs an HxWxC volume but gets the flat vector 10"),
        ("input 8x8x4\npadchannels -1", ("E013", 2, 13), "it must be at least 0, got -1"),
        ("input 8x8x4\npadchannels 1 after 1x2", ("E013", 2, 21), "is one whole number, not a pair"),
    ]
    for text, place, words in cases:
        r = run(text + "\n")
        assert where(r) == [place] and words in r.diagnostics[0].message, (text, where(r), r.diagnostics[0].message)


def test_circularpad_wraps_at_most_the_maps_own_size() -> None:
    # 5x4 padded 1 each side: 7x6; 0,1,4,0 on 5x4: 5 + 0 + 1 = 6 rows, 4 + 4 + 0 = 8 columns (the whole width wrapped)
    for text in ("input 5x4x3\ncircularpad 1 -> 7x6x3 params 0\n", "input 5x4x3\ncircularpad 0,1,4,0 -> 6x8x3\n"):
        r = run(text)
        assert r.ok and [a.verdict for a in r.answers] == ["right"] * len(r.answers), text
    assert [a.verdict for a in run("input 5x4x3\ncircularpad 1 -> 7x7x3\n").answers] == ["wrong"]  # 4 + 2 = 6 wide
    cases = [  # PyTorch wraps once: a side padded by more than the map is long is refused
        ("circularpad 0,0,5,0", ("E036", 2, 13), "wrapping 5 columns around at the left needs 5 of them, but the "
                                                 "input 5x4x3 has 4"),
        ("circularpad 6x0", ("E036", 2, 13), "wrapping 6 rows around at the top needs 6 of them, but the input 5x4x3 "
                                             "has 5"),
    ]
    for line, place, words in cases:
        r = run(f"input 5x4x3\n{line}\n")
        assert where(r) == [place] and words in r.diagnostics[0].message, (line, where(r), r.diagnostics[0].message)


def test_an_instance_norm_of_a_single_position_is_refused_as_pytorch_refuses_it() -> None:
    # after a global pool each channel has one value: its mean is itself, the output all zeros; PyTorch raises
    r = run("input 8x8x4\nglobalavgpool\nin: instancenorm affine -> 1x1x4\n")
    assert where(r) == [("E034", 3, 1), ("N046", 3, 28)]  # the answer rests on the error: not checked
    assert "the map 1x1x4 has one" in r.diagnostics[0].message and r.answers[0].verdict != "right"
    assert run("input 8x8x4\nadaptiveavgpool 2x1\ninstancenorm -> 2x1x4\n").ok  # two positions: normalised


def test_layer_and_group_norms_with_one_or_none_of_gamma_and_beta() -> None:
    # on 6x6x8: both learnt 2·8 = 16; one of them 8; neither 0 (PyTorch's affine=False, Keras' scale=False, …)
    for line, params in (("layernorm", 16), ("layernorm noshift", 8), ("layernorm noscale", 8),
                         ("layernorm noaffine", 0), ("groupnorm 2", 16), ("groupnorm 2 noscale", 8),
                         ("groupnorm 4 noaffine", 0)):
        r = run(f"input 6x6x8\n{line} -> 6x6x8 params {params}\n")
        assert r.ok and [a.verdict for a in r.answers] == ["right", "right"], line
        r = run(f"input 6x6x8\n{line} -> 6x6x8 params {params + 8}\n")
        assert [a.verdict for a in r.answers] == ["right", "wrong"] and "E041" in codes(r), line
    r = run("input 6x6x8\nlayernorm noshift\n", explain=True)
    assert (r.rows[-1].weights, r.rows[-1].biases) == (8, 0) and r.rows[-1].working.params == "8 (gamma only)"


def test_a_layer_norm_over_the_whole_volume_learns_a_gamma_and_a_beta_per_value() -> None:
    # `layernorm volume` (PyTorch's nn.LayerNorm([C, H, W])) on 6x5x8: 6·5·8 = 240 values, a gamma and a beta
    # each: 2·240 = 480; one of them 240; on the flattened vector of 240 the same
    for line, params in (("layernorm volume", 480), ("layernorm volume noshift", 240),
                         ("layernorm volume noaffine", 0), ("flatten ; layernorm volume", 480)):
        r = run(f"input 6x5x8\n{line} -> params {params}\n")
        assert r.ok and [a.verdict for a in r.answers] == ["right"], line
        assert run(f"input 6x5x8\n{line} -> params 16\n").answers[0].verdict == "wrong", line  # the per-channel count
    r = run("input 6x5x8\nlayernorm volume size 6x5 inputs 8\n", explain=True)
    assert r.ok and r.rows[-1].working.params == "2·6·5·8 = 480 (gamma, beta: one per value)"
    # written for another map: E017 at `size`, the hint the size it gets; its count is then not judged
    r = run("input 6x5x8\nlayernorm volume size 5x6 -> params 480\n")
    assert where(r) == [("E017", 2, 18), ("N046", 2, 37)]
    assert "written for a 5x6 map but receives 6x5x8" in r.diagnostics[0].message
    assert r.diagnostics[0].hint is not None and "`size 6x5`" in r.diagnostics[0].hint
    r = run("input 6x5x8\nflatten\nlayernorm volume size 6x5\n")  # a vector of 240: no height and width
    assert where(r) == [("E017", 3, 18)] and "written for a 6x5 map but receives 240" in r.diagnostics[0].message


def test_a_global_pool_by_the_maps_width_or_height() -> None:
    # `globalavgpool width`: a WxW window at a stride of W (PyTorch's F.avg_pool2d(x, x.size(3))). On 24x12: (24 -
    # 12)/12 + 1 = 2 rows, (12 - 12)/12 + 1 = 1 column; `height` on 12x24 the same turned; square 7x7: 1x1
    for text, out in (("input 24x12x5\nglobalavgpool width", "2x1x5"), ("input 12x24x5\nglobalmaxpool height", "1x2x5"),
                      ("input 7x7x5\nglobalavgpool width", "1x1x5")):
        r = run(f"{text} -> {out}\n")
        assert r.ok and [a.verdict for a in r.answers] == ["right"], text
        assert r.rows[-1].params == 0 and r.rows[-1].macs == 0
    r = run("input 24x12x5\nglobalavgpool width -> 1x1x5\n")
    assert [a.verdict for a in r.answers] == ["wrong"] and "E040" in codes(r)
    # 26x12: (26 - 12)/12 + 1 = 2.17, an inexact division: E030 (its fixes are input heights, 24 or 36), or
    # rounded down as PyTorch does under `rounding floor`
    r = run("input 26x12x5\nglobalavgpool width\n")
    assert where(r) == [("E030", 2, 1)] and "(26 - 12 + 2·0)/12 + 1 = 2.17" in r.diagnostics[0].message
    hint = r.diagnostics[0].hint or ""
    assert "an input height of 24 (gives 2) or 36 (gives 3)" in hint and "stride" not in hint and "pad" not in hint
    r = run("input 26x12x5\nrounding floor\nglobalavgpool width -> 2x1x5\n")
    assert [a.verdict for a in r.answers] == ["right"] and "E030" not in codes(r)
    # a window of the map's width on a map wider than tall fits nowhere (PyTorch refuses it too)
    r = run("input 4x8x5\nglobalavgpool width\n")
    assert where(r) == [("E031", 2, 1)]
    assert r.diagnostics[0].message == "globalavgpool1: the window is the map's width, 8, and its height only 4: " \
                                       "no window fits"
    assert "F.adaptive_avg_pool2d(x, 1)" in (r.diagnostics[0].hint or "")


def test_channel_pools_take_the_mean_or_max_of_the_channels_at_each_position() -> None:
    # HxWxC -> HxWx1, no parameters; CBAM's gate: (7·7·2)·1 = 98 weights, MACs 6·5·98 = 2,940
    r = run("input 6x5x8\nconcat { channelavgpool -> 6x5x1 params 0 | channelmaxpool -> 6x5x1 } -> 6x5x2\n"
            "conv 1 7x7 pad 3 nobias -> 6x5x1 params 98 macs 2940\n")
    assert r.ok and [a.verdict for a in r.answers] == ["right"] * 7
    r = run("input 6x5x8\nchannelavgpool -> 6x5x8\n")
    assert [a.verdict for a in r.answers] == ["wrong"]  # the channels pooled: one left
    r = run("input 10\nchannelmaxpool\n")
    assert where(r) == [("E034", 2, 1)]
    assert "needs an HxWxC volume but gets the flat vector 10" in r.diagnostics[0].message


def test_the_bounded_activations_take_signed_reals_and_keep_the_shape() -> None:
    # softplus, softsign, hardtanh, logsigmoid and celu: element-wise, no parameters, the input's shape; a real
    # argument may be negative where its layer allows it (hardtanh's bounds, softplus' threshold)
    r = run("input 6x5x3\nsoftplus beta 2 threshold -1 ; softsign ; hardtanh low -2.5 high -0.5 ; "
            "hardtanh min 0 max 20 ; logsigmoid ; celu 0.5 -> 6x5x3 params 0\n")
    assert r.ok and [a.verdict for a in r.answers] == ["right"] * 2, r.messages()
    assert [row.op for row in r.rows] == ["softplus beta 2 threshold -1", "softsign", "hardtanh low -2.5 high -0.5",
                                          "hardtanh low 0 high 20", "logsigmoid", "celu 0.5"]
    cases = [
        ("hardtanh low 1 high 1", ("E013", 2, 16), "hardtanh1: the values are clipped to [1, 1]: `high` must be above "
                                                   "`low`"),
        ("hardtanh high -2", ("E013", 2, 10), "the values are clipped to [-1, -2]"),
        ("celu 0", ("E013", 2, 6), "the alpha: it must be above 0, got 0"),
        ("softplus beta -1", ("E013", 2, 15), "the beta: it must be above 0, got -1"),
        ("leakyrelu -0.1", ("E013", 2, 11), "the slope: it must be at least 0, got -0.1"),
        ("hardtanh low - 1", ("E002", 2, 14), "expected a value after `low`, found `-`"),  # a sign apart from its
        # number is not a number
    ]
    for line, place, words in cases:
        r = run(f"input 6x5x3\n{line}\n")
        assert where(r)[:1] == [place] and words in r.diagnostics[0].message, (line, where(r), r.messages())


def test_upsample_by_a_decimal_floors_the_product() -> None:
    # floor(9·0.5) = 4, floor(7·0.5) = 3; floor(4·1.5) = 6, floor(3·1.5) = 4; `2.0` is the whole factor 2
    r = run("input 9x7x3\nupsample 0.5 -> 4x3x3\nupsample 1.5 bilinear -> 6x4x3\nupsample 2.0 -> 12x8x3\n")
    assert r.ok and [a.verdict for a in r.answers] == ["right"] * 3, r.messages()
    assert [row.op for row in r.rows] == ["upsample 0.5", "upsample 1.5 bilinear", "upsample 2"]
    assert r.rows[0].working is not None and r.rows[0].working.out == "⌊9·0.5⌋ = 4, ⌊7·0.5⌋ = 3"
    # 9·0.5 = 4.5 rounded up, or the sizes not floored at all, are wrong
    r = run("input 9x7x3\nupsample 0.5 -> 5x4x3\nupsample 1.5 -> 6x5x3\n")
    assert [a.verdict for a in r.answers] == ["wrong", "wrong"], r.messages()
    cases = [
        ("upsample 0.3", ("E013", 2, 10), "the factor 0.3 is not exact in binary"),
        ("upsample 0.0", ("E013", 2, 10), "the factor must be above 0"),
        ("upsample 0.00048828125", ("E013", 2, 10), "the factor 0.00048828125 is finer than 1/1,024"),  # 1/2048
        ("upsample 1048576.5", ("E013", 2, 10), "at most 1,048,576, got 1048576.5"),
        ("upsample 1e3", ("E013", 2, 10), "`1e3` is not a factor"),
        ("upsample 0.0625", ("E031", 2, 10), "9x7 scaled by 0.0625 is 0x0: no pixel left"),
    ]
    for line, place, words in cases:
        r = run(f"input 9x7x3\n{line}\n")
        assert where(r)[:1] == [place] and words in r.diagnostics[0].message, (line, where(r), r.messages())


def test_a_slope_per_value_is_counted_from_the_input_and_its_written_size_checked() -> None:
    # one slope per value: 6·5·4 = 120 on a map, 120 on the vector it flattens to; `size` is the map it was built for
    r = run("input 6x5x4\nprelu pervalue size 6x5 -> params 120\nflatten ; prelu pervalue -> params 120\n")
    assert r.ok and [a.verdict for a in r.answers] == ["right"] * 2, r.messages()
    r = run("input 6x5x4\nprelu pervalue size 5x5 -> params 119\n")
    assert where(r)[0] == ("E017", 2, 16)
    assert r.diagnostics[0].message == "prelu1: written for a 5x5 map but receives 6x5x4"
    assert r.diagnostics[0].hint == "write `size 6x5`, or change the layers before so they give 5x5"
    r = run("input 6x5x4\nprelu pervalue -> params 119\n")  # one short: wrong
    assert [a.verdict for a in r.answers] == ["wrong"]


def test_lp_pool_is_an_unpadded_window_whose_fixes_never_pad() -> None:
    # 9x9 at 3x3 stride 2: (9 - 3)/2 + 1 = 4; then 2x2 at stride 2 on 4: (4 - 2)/2 + 1 = 2; no parameters, no MACs
    r = run("input 9x9x3\nlppool 3 stride 2 -> 4x4x3 params 0\nlppool 2 p 1 -> 2x2x3\n")
    assert r.ok and [row.output.dims for row in r.rows] == [(4, 4, 3), (2, 2, 3)] and r.totals.macs == 0
    # (9 - 2)/2 + 1 = 4.5: fixed by the stride or the input's size, never by a padding `lppool` does not take
    [bad] = run("input 9x9x3\nlppool 2\n").diagnostics
    assert (bad.code, bad.message) == ("E030", "lppool1: (9 - 2 + 2·0)/2 + 1 = 4.5 is not a whole number")
    assert bad.hint is not None and "pad" not in bad.hint and "stride 1 (gives 8)" in bad.hint
    [empty] = run("input 8x8x3\nlppool 9\n").diagnostics
    assert (empty.code, empty.hint) == ("E031",
                                        "the kernel spans 9 pixels but the input has only 8; use a smaller kernel")


def test_a_channel_convolution_slides_one_filter_along_the_channels() -> None:
    # ECA-Net's gate: 64 pooled channels through a filter of 3 padded by (3 - 1)/2 = 1 each end: 64 - 3 + 2 + 1 = 64
    # channels, 3 weights (no bias), 64·3 = 192 products
    r = run("input 7x7x64\nglobalavgpool\nchannelconv 3 nobias -> 1x1x64 params 3 macs 192\n")
    assert r.ok, codes(r)
    assert row(r, "channelconv1").working is not None and \
        row(r, "channelconv1").working.out == "64 - 3 + 2·1 + 1 = 64 channels"
    # at every position of a 5x5x8 map: a filter of 12 padded by (12 - 1)//2 = 5: 8 - 12 + 10 + 1 = 7 channels; 12
    # weights and a bias; 5·5·7·12 = 2,100 products
    assert run("input 5x5x8\nchannelconv 12 -> 5x5x7 params 13 macs 2100\n").ok
    # a vector of 100, unpadded: 100 - 4 + 1 = 97 values, 97·4 = 388 products
    assert run("input 100\nchannelconv 4 pad 0 -> 97 params 5 macs 388\n").ok
    assert codes(run("input 100\nchannelconv 4 pad 0 -> 97 params 4 macs 388\n")) == ["E041"]  # it has a bias


def test_a_channel_filter_longer_than_the_padded_channels_is_e031() -> None:
    # 8 channels unpadded: 8 - 9 + 0 + 1 = 0 channels left
    r = run("input 4x4x8\nchannelconv 9 pad 0\n")
    assert codes(r) == ["E031"] and "8 - 9 + 2·0 + 1 = 0" in r.diagnostics[0].message
    assert where(r) == [("E031", 2, len("channelconv ") + 1)]  # at the filter's length


def test_weight_norm_adds_a_learnt_length_per_slice_of_the_weights_first_axis() -> None:
    # PyTorch's weight_norm (dim 0): the weight is g·v/‖v‖. conv 16 3x3 on 8x8x3: (3·3·3 + 1)·16 + 16 lengths = 464;
    # dwconv 3x3 on 16 channels, no bias: 3·3·16 + 16 = 160; deconv 4 2x2 stride 2: 2·2·16·4 + 4 biases + 16 lengths
    # (one per input channel, PyTorch's dim 0 of a transposed convolution's weight) = 276; fc 10 on 16·16·4 = 1,024
    # values: (1,024 + 1)·10 + 10 = 10,260. The MACs are the layers' own
    r = run("input 8x8x3\nconv 16 3x3 pad 1 weightnorm -> 8x8x16 params 464 macs 27648\n"
            "dwconv 3x3 pad 1 nobias weightnorm -> 8x8x16 params 160\n"
            "deconv 4 2x2 stride 2 weightnorm -> 16x16x4 params 276\nfc 10 weightnorm -> 10 params 10260\n")
    assert r.ok, codes(r)
    assert row(r, "conv1").working is not None and row(r, "conv1").working.params == "(3·3·3 + 1)·16 + 16 = 464"
    # the count without the lengths, (3·3·3 + 1)·16 = 448, is wrong for the weight-normed layer
    assert codes(run("input 8x8x3\nconv 16 3x3 pad 1 weightnorm -> 8x8x16 params 448\n")) == ["E041"]


def test_maxunpool_gives_the_references_shape_from_its_pooled_map() -> None:
    # SegNet's decoder: 10x6x3 input; conv 4 3x3 pad 1 keeps 10x6 (4 maps, (27 + 1)·4 = 112 parameters); its 2x2
    # pool is (10 - 2)/2 + 1 = 5 by (6 - 2)/2 + 1 = 3; a 1x1 conv keeps 5x3x4 ((4 + 1)·4 = 20); unpooled back to
    # the conv's 10x6x4. No parameters or MACs of its own: 10·6·4·27 + 5·3·4·4 MACs in all.
    r = run("input 10x6x3\nenc: conv 4 3x3 pad 1 ; relu\npool: maxpool 2x2\nconv 4 1x1\n"
            "up: maxunpool 2x2 { @enc | identity } -> 10x6x4\n")
    assert r.ok, r.messages()
    assert r.output is not None and r.output.dims == (10, 6, 4)
    assert r.totals.params == 112 + 20 and r.totals.macs == 10 * 6 * 4 * 27 + 5 * 3 * 4 * 4
    assert [x.op for x in r.rows if x.kind == "maxunpool"] == ["maxunpool 2x2 of 2"]
    # ceil-mode windows on 9x7: ceil((9 - 3 + 2)/2) + 1 = 5 by ceil((7 - 3 + 2)/2) + 1 = 4: back to 9x7; 3 wide at
    # stride 2, they overlap: two windows' maxima may be one place, whose value PyTorch leaves undefined (W067)
    r = run("input 9x7x2\nmaxunpool 3x3 stride 2 pad 1 ceil { identity | maxpool 3x3 stride 2 pad 1 ceil ; relu } "
            "-> 9x7x2\n")
    assert where(r) == [("W067", 2, 1)] and "its windows overlap (3x3 at stride 2x2)" in r.diagnostics[0].message
    # taps 2 apart at stride 2 overlap too (reach 3); at stride 3 they do not, nor 2x2 at stride 2
    assert where(run("input 9x9x2\nmaxunpool 2 dilation 2 floor { identity | maxpool 2 dilation 2 floor }\n")) == \
        [("W067", 2, 1)]
    for window in ("2 stride 3 dilation 2 floor", "2x2 floor", "3x3 stride 3 pad 1"):
        r = run(f"input 9x9x2\nrounding floor\nmaxunpool {window} {{ identity | maxpool {window} }}\n")
        assert r.ok and "W067" not in [d.code for d in r.diagnostics], window
    # an answer of the pooled size, or of another depth, is wrong at the answer
    for answer in ("5x3x4", "10x6x3"):
        wrong = run(f"input 10x6x3\nenc: conv 4 3x3 pad 1\nmaxpool 2x2\n"
                    f"maxunpool 2x2 {{ @enc | identity }} -> {answer}\n")
        assert [(d.code, d.line) for d in wrong.diagnostics] == [("E040", 4)], answer


def test_maxunpool_needs_the_shape_its_pool_gives_the_reference() -> None:
    # the 2x2 pool of 8x8x3 is 4x4x3: a 1x1 conv to 4 channels, or an unpadded 3x3 (4 - 3 + 1 = 2), is not it
    for branch, given in (("maxpool 2 ; conv 4 1x1", "4x4x4"), ("maxpool 2 ; conv 3 3x3", "2x2x3"),
                          ("identity", "8x8x3")):
        r = run(f"input 8x8x3\nmaxunpool 2x2 {{ identity | {branch} }}\n")
        assert where(r) == [("E067", 2, 1)], branch
        assert (f"`maxunpool 2x2` puts back values where 8x8x3's maxima were: it takes the 4x4x3 that pool gives, "
                f"but branch 2 gives {given}") in r.diagnostics[0].message
    # one branch, three, or a vector: E065; the pool's own limits at the merge: padding 2 on a 2-wide window (E032),
    # a 9x9 window on 8x8 ((8 - 9)/9 + 1 < 1: E031)
    for bad, code in (("maxunpool 2x2 { identity }", "E065"), ("maxunpool 2x2 { identity | flatten }", "E065"),
                      ("maxunpool 2x2 { identity | maxpool 2 | identity }", "E065"),
                      ("maxunpool 2x2 pad 2 { identity | maxpool 2 }", "E032"),
                      ("maxunpool 9x9 { identity | maxpool 2 }", "E031")):
        r = run(f"input 8x8x3\n{bad}\n")
        assert where(r) == [(code, 2, 1)], bad
    assert "its max pool on the reference: pooling padding 2" in \
        run("input 8x8x3\nmaxunpool 2x2 pad 2 { identity | maxpool 2 }\n").diagnostics[0].message
    # its arguments are a max pool's, named as the merge: no kernel is E014, another layer's option E011 at the word
    r = run("input 8x8x3\nmaxunpool { identity | maxpool 2 }\n")
    assert where(r) == [("E014", 2, 1)] and r.diagnostics[0].message == "`maxunpool` needs the kernel"
    r = run("input 8x8x3\nmaxunpool 2x2 nobias { identity | maxpool 2 }\n")
    assert where(r) == [("E011", 2, 15)] and r.diagnostics[0].message == "`maxunpool` has no option `nobias`"


def test_maxunpool_exact_needs_windows_that_tile_the_reference() -> None:
    # PyTorch's max_unpool2d without output_size: (h - 1)·S - 2P + K. On 10x6 a 2x2 stride-2 pool gives 5x3, unpooled
    # to (5 - 1)·2 + 2 = 10 by (3 - 1)·2 + 2 = 6, the reference's own size: fine, and `exact` in the row's op
    r = run("input 10x6x3\nrounding floor\n"
            "maxunpool 2x2 stride 2 exact { identity | maxpool 2x2 stride 2 } -> 10x6x3\n")
    assert r.ok, r.messages()
    assert [x.op for x in r.rows if x.kind == "maxunpool"] == ["maxunpool 2x2 stride 2 exact of 2"]
    # on 11x7 the pool floors to 5x3 too: unpooled to 10x6, not 11x7 (E067 with the arithmetic, at the merge)
    r = run("input 11x7x3\nrounding floor\nmaxunpool 2x2 stride 2 exact { identity | maxpool 2x2 stride 2 }\n")
    assert [(d.code, d.line, d.column) for d in r.diagnostics if d.severity == "error"] == [("E067", 3, 1)]
    error = next(d for d in r.diagnostics if d.code == "E067")
    assert "(5 - 1)·2 - 2·0 + 2 = 10 rows and (3 - 1)·2 - 2·0 + 2 = 6 columns, 10x6, where the reference is 11x7" \
        in error.message
    # padding counts: 3x3 stride 2 pad 1 on 9x9 is (9 - 3 + 2)/2 + 1 = 5, unpooled to (5 - 1)·2 - 2·1 + 3 = 9; on
    # 10x10 it floors to 5 as well, which unpools to 9, not 10
    assert run("input 9x9x2\nmaxunpool 3x3 stride 2 pad 1 exact { identity | maxpool 3x3 stride 2 pad 1 }\n").ok
    r = run("input 10x10x2\nrounding floor\n"
            "maxunpool 3x3 stride 2 pad 1 exact { identity | maxpool 3x3 stride 2 pad 1 }\n")
    assert "E067" in codes(r) and "(5 - 1)·2 - 2·1 + 3 = 9 rows" in next(
        d.message for d in r.diagnostics if d.code == "E067")
    # without `exact` the unpooling gives the reference's size whatever the pool's division
    assert run("input 11x7x3\nrounding floor\nmaxunpool 2x2 stride 2 { identity | maxpool 2x2 stride 2 }\n").ok


def test_a_layers_own_exact_keeps_the_invalid_stride_an_error_in_a_spec_that_rounds() -> None:
    # (7 - 3)/3 + 1 = 2.33: floored by the spec's line (N030), but E030 on the layer that says `exact`
    assert codes(run("input 7x7x1\nrounding floor\nconv 1 3x3 stride 3\n")) == ["N030"]
    r = run("input 7x7x1\nrounding floor\nconv 1 3x3 stride 3 exact\n")
    assert [d.code for d in r.diagnostics if d.severity == "error"] == ["E030"]
    assert run("input 8x8x1\nrounding ceil\nmaxpool 2x2 exact\n").ok  # (8 - 2)/2 + 1 = 4: exact


def test_maxunpools_receptive_field_is_its_values_spread_as_a_transposed_window() -> None:
    # the unpooled values come from the pooled branch: its field moved back as a 2x2 transposed window at stride 2
    # moves it (deconv's steps): the same field as `deconv 1 2x2 stride 2` after the same branch
    merged = run("input 16x16x1\nmaxunpool 2x2 { identity | maxpool 2 ; conv 1 3x3 pad 1 }\n")
    layered = run("input 16x16x1\nmaxpool 2 ; conv 1 3x3 pad 1 ; deconv 1 2x2 stride 2\n")
    assert next(x for x in merged.rows if x.kind == "join").field == layered.rows[-1].field
