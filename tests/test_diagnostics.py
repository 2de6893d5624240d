"""Every diagnostic of the core language: its code, its line:column, and its words."""
from __future__ import annotations

import pytest

from cnncalc.codes import CODES
from cnncalc.limits import MAX_REPEAT
from cnncalc.render.diagnostics import render_diagnostic
from tests.conftest import codes, errors, run, where


def test_a_ceil_that_drops_its_extra_window_says_so_rather_than_rounded_up_to_less() -> None:
    # (7 - 2 + 2·1)/2 + 1 = 4.5: rounding up gives 5 windows, starting at rows -1, 1, 3, 5, 7; the fifth starts
    # at row 7, in the end padding (rows 0-6 are the input), so PyTorch's ceil_mode and Caffe drop it: 4
    r = run("input 7x7x3\nmaxpool 2x2 stride 2 pad 1 ceil -> 4x4x3\n")
    assert [a.verdict for a in r.answers] == ["right"]
    note = next(d for d in r.diagnostics if d.code == "N030")
    assert note.message.endswith("= 4.5, rounded up to 5, less that last window, which would start in the padding: 4 "
                                 "(the layer's `ceil`)")
    exact = run("input 7x7x3\nmaxpool 2x2 stride 2 pad 1\n").diagnostics[0]
    assert exact.code == "E030" and exact.notes[0].endswith(
        "rounds up to 5, less that last window, which would start in the padding: 4")
    # without padding the extra window starts inside: (8 - 3)/2 + 1 = 3.5, up to 4, starting at 0, 2, 4, 6
    r = run("input 8x8x3\nmaxpool 3x3 stride 2 ceil -> 4x4x3\n")
    assert next(d.message for d in r.diagnostics if d.code == "N030").endswith("= 3.5, rounded up to 4 (the layer's "
                                                                               "`ceil`)")


def test_invalid_stride_shows_arithmetic_frameworks_and_fixes() -> None:
    r = run("input 7x7x3\nconv 10 3x3 stride 3\n")
    assert where(r) == [("E030", 2, 13)]
    d = r.diagnostics[0]
    assert "(7 - 3 + 2·0)/3 + 1 = 2.33 is not a whole number" in d.message
    assert "floor this to 2" in d.notes[0] and "rounds up to 3" in d.notes[0]
    # Fixes, each checked by hand: pad 1 -> (7-3+2)/3+1 = 3; stride 2 -> (7-3)/2+1 = 3;
    # input 6 -> (6-3)/3+1 = 2, input 9 -> (9-3)/3+1 = 3.
    assert "pad 1 (gives 3)" in d.hint and "stride 2 (gives 3)" in d.hint
    assert "6 (gives 2)" in d.hint and "9 (gives 3)" in d.hint


def test_invalid_stride_continues_with_the_floor() -> None:
    # (224 - 11)/4 + 1 = 54.25 -> floored to 54 so the table still prints.
    r = run("input 224x224x3\nconv 96 11x11 stride 4\nmaxpool 2x2\n")
    assert codes(r) == ["E030"]
    assert r.output.dims == (27, 27, 96)


@pytest.mark.parametrize("how", ["rounding floor\n", "", "layer"])
def test_explicit_rounding_turns_the_error_into_a_note(how: str) -> None:
    layer = "conv 64 7x7 stride 2 pad 3" + (" floor" if how == "layer" else "")
    r = run(f"input 224x224x3\n{how if how != 'layer' else ''}{layer} -> 112x112x64\n",
            rounding="floor" if how == "" else None)
    assert codes(r) == ["N030"]
    assert r.ok
    assert "(224 - 7 + 2·3)/2 + 1 = 112.5, rounded down to 112" in r.diagnostics[0].message
    assert r.rows[0].rounded


def test_layer_rounding_wins_over_the_spec() -> None:
    # (55 - 3)/2 + 1 = 27 exactly, so use 56: (56-3)/2+1 = 27.5 -> ceil 28 despite `rounding floor`.
    r = run("input 56x56x8\nrounding floor\nmaxpool 3x3 stride 2 ceil -> 28x28x8\n")
    assert r.ok and codes(r) == ["N030"]


def test_output_below_one() -> None:
    r = run("input 4x4x3\nconv 8 5x5\n")
    assert where(r) == [("E031", 2, 8)]
    assert "the output would be empty" in r.diagnostics[0].message


def test_ceil_pool_larger_than_input_still_fits_one_window() -> None:
    r = run("input 2x2x3\nmaxpool 3x3 stride 2 ceil -> 1x1x3\n")
    assert r.ok, codes(r)


def test_pool_padding_above_half_the_window() -> None:
    r = run("input 8x8x3\nmaxpool 2x2 stride 2 pad 2\n")
    assert where(r)[0] == ("E032", 2, 22)
    assert "more than half" in r.diagnostics[0].message
    assert "`widepad` allows up to 1, as Caffe, ONNX and MATLAB do" in (r.diagnostics[0].hint or "")


def test_widepad_holds_pool_padding_below_the_window() -> None:
    # P < K (Caffe's, ONNX's and MATLAB's rule): 3 on a 3-wide window leaves the first window padding alone, rows -3..-1
    line = "maxpool 3x3 stride 2 pad 1,3,1,1 widepad"
    r = run(f"input 8x8x3\n{line}\n")
    assert where(r) == [("E032", 2, line.index("pad") + 1)]
    assert r.diagnostics[0].message.endswith("padding 3 is not less than the 3-wide window: a window could see "
                                             "padding alone")
    # 2 is allowed: (8 - 3 + 2·2)/1 + 1 = 10
    r = run("input 8x8x3\nmaxpool 3x3 stride 1 pad 2 widepad -> 10x10x3\n")
    assert r.ok and [a.verdict for a in r.answers] == ["right"], codes(r)
    # and a wrong answer to it is wrong: 8x8x3 is what PyTorch's limit, pad 1, would give
    r = run("input 8x8x3\nmaxpool 3x3 stride 1 pad 2 widepad -> 8x8x3\n")
    assert [a.verdict for a in r.answers] == ["wrong"] and codes(r) == ["E040"]


def test_a_group_norm_whose_groups_hold_one_value_is_e034_as_instancenorm_of_a_1x1_map() -> None:
    # 4 groups of 4/4 = 1 channel on a 1x1 map: one value a group, its own mean (PyTorch: "Expected more than
    # 1 value per channel" at batch 1); 4 groups of 8/4 = 2 channels there hold 2 values: fine
    line = "groupnorm 4"
    r = run(f"input 1x1x4\n{line}\n")
    assert where(r) == [("E034", 2, line.index("4") + 1)] and "a group holds one value" in r.diagnostics[0].message
    assert run("input 1x1x8\ngroupnorm 4\n").ok and run("input 2x1x4\ngroupnorm 4\n").ok
    torch = pytest.importorskip("torch")
    with pytest.raises(ValueError, match="more than 1 value"):
        torch.nn.GroupNorm(4, 4).eval()(torch.zeros(1, 4, 1, 1))


def test_groups_must_divide_channels() -> None:
    r = run("input 8x8x6\nconv 8 3x3 groups 4\n")
    assert where(r) == [("E033", 2, 12)]
    assert "input channels 6" in r.diagnostics[0].message


def test_option_given_twice() -> None:
    r = run("input 8x8x3\nconv 8 3x3 pad 1 pad 2\n")
    assert where(r) == [("E012", 2, 18)]


def test_fc_after_nothing() -> None:
    r = run("fc 10\n")
    assert where(r) == [("E024", 1, 1)]
    assert r.diagnostics[0].message == "this layer comes before any `input`: it has nothing to work on"


def test_missing_input() -> None:
    r = run("# nothing but a comment\n")
    assert where(r) == [("E020", 1, 1)]
    assert r.diagnostics[0].message == "the network has no `input` line"


@pytest.mark.parametrize("given, message", [
    ("0x3x3", "shape `0x3x3` has a size below 1"),
    ("99999999999x3x3", "input `99999999999x3x3` is beyond cnncalc's limits"),
    ("2000000x4x3", "input `2000000x4x3` is beyond cnncalc's limits"),  # above the 1,048,576 of a side
    ("227x227", "input `227x227` has 2 sizes"),
])
@pytest.mark.parametrize("body", ["", "conv 8 3x3 -> 1x1x8\n"])
def test_an_input_that_cannot_be_used_is_one_error_not_a_missing_input(given: str, message: str, body: str) -> None:
    # The input line is there: its E023 says what is wrong with it. "the network has no `input` line" (E020)
    # or "this layer comes before any `input`" (E024) beside it would send the reader looking for a missing line.
    r = run(f"input {given}\n{body}")
    assert where(r) == [("E023", 1, 7)] + ([("N046", 2, 15)] if body else [])  # N046: the answer is not checked
    assert r.diagnostics[0].message == message
    assert [(a.verdict, a.reason) for a in r.answers] == \
        ([("unchecked", "it rests on the input that could not be used")] if body else [])


def test_an_input_written_with_spaces() -> None:
    # `input 227 x 227 x 3` was E002 at the first `x`, and the network ran on a vector of 227: (227 - 11)/4 + 1 = 55.
    r = run("input 227 x 227 x 3 batch 2\nconv 96 11x11 stride 4 -> 55x55x96\n")
    assert (r.ok, r.input.dims, r.batch, [a.verdict for a in r.answers]) == (True, (227, 227, 3), 2, ["right"])
    assert where(run("input 227 x 227\nconv 96 11x11\n"))[0] == ("E023", 1, 7)


def test_duplicate_input() -> None:
    r = run("input 8x8x3\ninput 9x9x3\nrelu\n")
    assert where(r) == [("E021", 2, 1)]
    assert r.diagnostics[0].message == "`input` is given twice"


def test_input_after_a_layer() -> None:
    r = run("relu\ninput 8x8x3\n")
    assert ("E022", 2, 1) in where(r)
    assert "`input` must come before the first layer" in [d.message for d in r.diagnostics]


def test_unknown_layer_suggests() -> None:
    r = run("input 8x8x3\nmaxpol 2x2\n")
    assert where(r) == [("E010", 2, 1)]
    assert r.diagnostics[0].hint == "did you mean `maxpool`?"


@pytest.mark.parametrize(("line", "meant"), [("inpt 8x8x3", "input"), ("imput 8x8x3", "input"),
                                             ("expct total params 10", "expect"), ("roundng ceil", "rounding")])
def test_a_misspelt_statement_is_e010_suggesting_the_statement(line: str, meant: str) -> None:
    # the suggestions were the layers' alone ("`cnncalc explain layers` lists every layer" for `inpt`)
    r = run(f"{line}\nconv 8 3x3\n" if meant == "input" else f"input 8x8x3\nconv 8 3x3\n{line}\n")
    e010 = next(d for d in r.diagnostics if d.code == "E010")
    assert e010.hint == f"did you mean `{meant}`?"


def test_a_size_written_with_spaces_is_e011_saying_how_to_write_it() -> None:
    # `3 x 3`: the kernel 3, then a word `x` that is no option (its hint listed the options)
    r = run("input 8x8x3\nconv 16 3 x 3\n")
    e011 = next(d for d in r.diagnostics if d.code == "E011")
    assert (e011.line, e011.column, e011.hint) == (2, 11, "write the size without spaces: `3x3`")


def test_a_block_written_without_its_parentheses_is_e010_saying_how_to_call_it() -> None:
    # the hint was `did you mean `b`?`, the very word written
    r = run("input 8x8x3\nblock b { conv 8 3x3 }\nrepeat 2 { b }\n")
    e010 = next(d for d in r.diagnostics if d.code == "E010")
    assert (e010.line, e010.column) == (3, 12)
    assert e010.hint == "`b` is a block: call it with parentheses, `b()`, its arguments in them if it takes any"


def test_a_line_name_written_as_a_layer_is_e010_saying_how_to_branch_from_it() -> None:
    # `skip` is the first line's name, not a layer: the branch from its output is `@skip`
    r = run("input 8x8x3\nskip: conv 8 3x3 pad 1\nup: concat { skip | identity }\n")
    assert where(r) == [("E010", 3, 14)]
    assert r.diagnostics[0].message == "unknown layer `skip`"
    assert r.diagnostics[0].hint == ("`skip` names a line above; a branch that starts from its output is written "
                                     "`@skip`, as in `concat { @skip | identity }`")
    # a word that names no line keeps the usual suggestion
    assert run("input 8x8x3\nskip: conv 8 3x3 pad 1\nup: concat { skp2 | identity }\n").diagnostics[0].hint != \
        r.diagnostics[0].hint


_ANSWER_AFTER_ARROW = ("answers go at the end of the line, after `->`, the output first: "
                       "`conv 96 11x11 stride 4 -> 55x55x96 params 34944` (or only a count: `-> params 34944`)")


@pytest.mark.parametrize(("line", "column", "hint"), [
    # a layer after another without `;`, in any case and under other frameworks' names
    ("conv 96 11x11 stride 4 relu", 24, "`relu` is a layer: layers on one line are separated by `;`, as in "
                                        "`conv … ; relu`"),
    ("fc 10 Softmax", 7, "`Softmax` is a layer: layers on one line are separated by `;`, as in `fc … ; softmax`"),
    ("conv 8 3x3 BatchNorm2d", 12, "`BatchNorm2d` is a layer: layers on one line are separated by `;`, as in "
                                   "`conv … ; batchnorm`"),
    ("dense 10 activation", 10, "an activation is a layer of its own, after `;`: `dense … ; relu`"),
    # an abbreviation of one option (`pad` and `padding` are one)
    ("conv 96 11x11 s 4", 15, "did you mean `stride`?"),
    ("maxpool 3x3 st 2", 13, "did you mean `stride`?"),
    ("conv 96 11x11 p 2", 15, "did you mean `pad`?"),
    # `d` starts `dilation` and `depth`: no guess
    ("conv 96 11x11 d 2", 15, "`conv` takes `stride`, `pad`, `padding`, `dilation`, `groups`, `depth`, `inputs`, "
                              "`in`, `nobias`, `floor`, `ceil`, `exact`, `weightnorm`, `frozen`"),
    # a value of an option without its word (TensorFlow's padding)
    ("conv 96 11x11 same", 15, "`same` is a value of `pad`: write `pad same`"),
    ("maxpool 3x3 stride 2 valid", 22, "`valid` is a value of `pad`: write `pad valid`"),
    # an option and its value glued (the lecture's `s4`, `p0`)
    ("conv 96 11x11 s4", 15, "write `stride 4`, with a space"),
    ("conv 96 11x11 pad1", 15, "write `pad 1`, with a space"),
    # a positional argument named as Keras or PyTorch name it
    ("conv 96 11x11 kernel 3", 15, "`conv` takes its out channels and kernel by position, without a word: "
                                   "`conv 96 11x11 stride 4 pad 0`"),
    # an answer without its arrow (`output` was told it is a layer: Keras's name for the softmax)
    ("conv 8 3x3 pad 1 params 224", 18, _ANSWER_AFTER_ARROW),
    ("fc 10 Parameters 30730", 7, _ANSWER_AFTER_ARROW),
    ("fc 10 output 10", 7, _ANSWER_AFTER_ARROW),
])
def test_a_word_that_is_no_option_says_what_it_probably_meant(line: str, column: int, hint: str) -> None:
    r = run(f"input 32x32x3\n{line}\n")
    d = r.diagnostics[0]
    assert (d.code, *r.source.line_col(d.span.start)) == ("E011", 2, column)
    assert d.message == f"`{line.split()[0]}` has no option `{line[column - 1:].split()[0]}`"
    assert d.hint == hint


@pytest.mark.parametrize(("line", "column", "message", "hint"), [
    ("conv 96 11x11 stride=4", 21, "`stride` takes its value after a space, not `=`", "write `stride 4`"),
    ("conv 96 11x11 pad: 2", 18, "`pad` takes its value after a space, not `:`", "write `pad 2`"),
    ("conv 96 11x11 pad: same", 18, "`pad` takes its value after a space, not `:`", "write `pad same`"),
    # the sign and no value: one error (its hint was "write `stride \n`", and "expected a value" followed)
    ("conv 96 11x11 stride=", 21, "`stride` takes its value after a space, not `=`", "write `stride N`"),
    ("conv 96, 11x11", 8, "expected an argument of `conv`, found `,`",
     "a layer's arguments are separated by spaces: `conv 96 11x11 stride 4 pad 0`"),
    ("conv 96 11 11", 12, "expected an argument of `conv`, found `11`", "a size of 11 by 11 is written `11x11`; "
     "a stride, `stride 11`"),
    # the GoogLeNet paper's `3x3/2`
    ("maxpool 3x3/2", 13, "expected an argument of `maxpool`, found `2`", "a stride is written `stride 2`"),
    # a value past those taken by position (PyTorch's LocalResponseNorm(5), a stride without its word): the
    # layer's named values (there was no hint); two numbers after a count are no size (`fc 10 20` was `10x20`)
    ("lrn 5", 5, "expected an argument of `lrn`, found `5`",
     "`lrn`'s values are named (`size`, `alpha`, `beta`, `k`): e.g. `lrn size 5`"),
    ("conv 96 11x11 4", 15, "expected an argument of `conv`, found `4`",
     "`conv`'s values after its out channels and kernel are named (`stride`, `pad`, `dilation`, `groups`, "
     "`inputs`): e.g. `conv 96 11x11 stride 4 pad 0`"),
    ("maxpool 3 2", 11, "expected an argument of `maxpool`, found `2`", "a size of 3 by 2 is written `3x2`; "
     "a stride, `stride 2`"),
    ("maxpool 3/2", 11, "expected an argument of `maxpool`, found `2`", "a stride is written `stride 2`"),
    ("upsample 2 3", 12, "expected an argument of `upsample`, found `3`", "a size of 2 by 3 is written `2x3`"),
    ("fc 10 20", 7, "expected an argument of `fc`, found `20`",
     "`fc`'s values after its units are named (`inputs`): e.g. `fc 4096 inputs 20`"),
    ("bn 1e-5", 4, "expected an argument of `bn`, found `1e-5`", "`bn`'s values are named (`eps`, `inputs`): e.g. "
     "`bn eps 1e-5`"),
    ("dropout 0.5 0.2", 13, "expected an argument of `dropout`, found `0.2`", "`dropout` takes its p alone: e.g. "
     "`dropout 0.5`"),
    ("relu 2", 6, "expected an argument of `relu`, found `2`", "`relu` takes no values: e.g. `relu`"),
])
def test_arguments_written_as_other_languages_write_them_are_e002_with_the_spec_form(
        line: str, column: int, message: str, hint: str) -> None:
    r = run(f"input 32x32x3\n{line}\n")
    d = next(d for d in r.diagnostics if d.code == "E002")  # (after E001 at `/` in `3x3/2`)
    assert (d.code, *r.source.line_col(d.span.start), d.message, d.hint) == ("E002", 2, column, message, hint)
    assert [x.code for x in r.diagnostics].count("E002") == 1  # said once
    assert r.rows[0].known is False  # the layer is not built from a line in error


@pytest.mark.parametrize(("text", "found", "hint"), [
    # the input's sizes without `x`: E023, the input unusable (not a vector of 227 feeding a convolution: E034)
    ("input 227 227 3\nconv 8 3x3\n", [("E023", 1, 7, "the input's sizes are written with `x` between them")],
     "write `input 227x227x3`"),
    # `input:` was a line named `input`: "expected a layer, found `227x227x3`", then E024 under it
    ("input: 227x227x3\nconv 8 3x3\n", [("E002", 1, 6, "`input` takes its shape after a space, not `:`")],
     "write `input 227x227x3`"),
    # an answer's sizes without `x`: two E012 "the answer has two shapes"
    ("input 227x227x3\nconv 96 11x11 stride 4 -> 55 55 96\n",
     [("E002", 2, 27, "a volume's sizes are written with `x` between them")], "write `55x55x96`"),
    # a remark in parentheses after the answers
    ("input 227x227x3\nmaxpool 3x3 stride 2 -> 113x113x3 (first pool)\n",
     [("E002", 2, 35, "expected a shape, `params N`, `weights N` or `macs N` after `->`, found `(`")],
     "a remark after the answers is a comment: `# first pool`"),
    # a keyword and its first argument glued (one digit is more likely a name: `conv1`)
    ("input 227x227x3\nfc4096\n", [("E010", 2, 1, "unknown layer `fc4096`")], "write `fc 4096`, with a space"),
    # a line named as code names things
    ("input 227x227x3\nconv1 = conv 96 11x11 stride 4\n", [("E010", 2, 1, "unknown layer `conv1`")],
     "a line's name is followed by `:`: `conv1: conv …`"),
])
def test_sizes_and_names_written_as_other_languages_write_them(text: str, found: list[tuple[str, int, int, str]],
                                                                hint: str) -> None:
    r = run(text, name="net.spec")
    assert [(d.code, *r.source.line_col(d.span.start), d.message) for d in r.diagnostics] == found
    assert r.diagnostics[0].hint == hint
    assert r.answers == ()


def test_a_layer_called_as_a_block_is_e052_saying_how_a_layer_is_written() -> None:
    r = run("input 32x32x3\nconv(96, 11x11)\n", name="net.spec")
    assert where(r) == [("E052", 2, 1)]
    assert r.diagnostics[0].hint == ("`conv` is a layer, not a block: its arguments follow it without parentheses or "
                                     "commas, as in `conv 96 11x11 stride 4 pad 0`")
    assert run("input 32x32x3\nfoo(1)\n", name="net.spec").diagnostics[0].hint == "define it: `block foo(...) { ... }`"


def test_unknown_option_suggests() -> None:
    r = run("input 8x8x3\nconv 8 3x3 strde 2\n")
    assert where(r) == [("E011", 2, 12)]
    assert r.diagnostics[0].hint == "did you mean `stride`?"


@pytest.mark.parametrize("text, col", [
    ("conv 8 3.5x3", 8),      # malformed number
    ("conv 8.5 3x3", 6),      # a fraction where a whole number is needed
    ("conv 8 3x3 stride 0", 19),  # out of range
    ("dropout 1.5", 9),       # p must be below 1
    ("conv 8 3x3x3x3", 8),    # four sizes for a kernel
    ("conv 8 99999999999999999999 3x3", 8),  # more digits than any number in a spec needs
    ("conv 8 3x3 stride 2000000", 19),  # beyond the limit for sizes
])
def test_bad_numbers(text: str, col: int) -> None:
    r = run(f"input 8x8x3\n{text}\n")
    assert where(r)[0] == ("E013", 2, col), where(r)


def test_kernel_depth_must_match_the_input() -> None:
    # The lecture writes AlexNet's first filters as 11x11x3: the depth is the input's.
    assert run("input 227x227x3\nconv 96 11x11x3 stride 4\n").ok
    r = run("input 227x227x3\nconv 96 11x11x4 stride 4\n")
    assert where(r) == [("E016", 2, 9)]
    assert r.diagnostics[0].message == "conv1: the filters are 4 deep but the input is 3 deep"
    assert r.diagnostics[0].hint == "write the kernel as `KxKx3`, or leave the depth out"
    # The AlexNet paper's CONV2: 256 filters 5x5x48 on 96 channels, the two GPUs' halves: 96/48 = 2 groups.
    paper = run("input 27x27x96\nconv 256 5x5x48 pad 2\n").diagnostics[0]
    assert paper.hint == ("write the kernel as `KxKx96`, or leave the depth out; filters 48 deep on 96 channels are 2 "
                          "groups (AlexNet's two GPUs): add `groups 2`")
    assert run("input 27x27x96\nconv 256 5x5x48 pad 2 groups 2 -> params 307456\n").ok  # (5·5·48 + 1)·256


def test_missing_numbers() -> None:
    r = run("input 8x8x3\nconv 8\n")
    assert where(r) == [("E014", 2, 1)]
    assert "kernel" in r.diagnostics[0].message


def test_bad_input_shape() -> None:
    r = run("input 32x32\nrelu\n")
    assert where(r)[0] == ("E023", 1, 7)
    assert r.diagnostics[0].message == "input `32x32` has 2 sizes"
    assert r.diagnostics[0].hint == "write `32x32x1` for one channel"
    r = run("input 0x32x3\nrelu\n")
    assert where(r)[0] == ("E023", 1, 7) and r.diagnostics[0].message == "shape `0x32x3` has a size below 1"
    # a size of more digits than a number may have (18) is said so, with the input's limits, whether it is a side,
    # the depth or a flat input (was E002 "expected a shape" or "not an input shape"); its place as written
    for shape in ("3x3x" + "9" * 20, "9" * 19 + "x3x3", "9" * 25):
        r = run(f"input {shape}\nrelu\n")
        assert where(r) == [("E023", 1, 7)], shape
        digits = len(max(shape.split("x"), key=len))
        assert r.diagnostics[0].message.endswith(f"has a size of {digits} digits, more than the 18 of a number "
                                                 f"cnncalc reads"), shape
        assert r.diagnostics[0].hint == "heights and widths go up to 1,048,576, depths and flat inputs up to 16,777,216"
    r = run("input " + "9" * 20 + "x3\nrelu\n")  # two sizes: that is said first
    assert where(r) == [("E023", 1, 7)] and r.diagnostics[0].message.endswith("has 2 sizes")


def test_needs_a_volume() -> None:
    r = run("input 8x8x3\nfc 10\nconv 3 3x3\n")
    assert where(r) == [("E034", 3, 1)]


def test_outpad_must_be_below_stride() -> None:
    r = run("input 8x8x3\ndeconv 4 3x3 stride 2 outpad 2\n")
    assert where(r) == [("E035", 2, 23)]
    assert r.diagnostics[0].message == "deconv1: outpad 2 is not smaller than the height stride 2 or dilation 1"


def test_all_problems_of_a_file_in_one_run() -> None:
    r = run("input 8x8x3\nconv 8 3x3 strde 2\nmaxpol 2x2\nconv 4 3x3 pad 1 pad 1\n")
    assert [c for c, _, _ in where(r)] == ["E011", "E010", "E012"]


def test_one_mistake_one_diagnostic() -> None:
    # After an error the shape is unknown; later layers say nothing and the answer is not judged.
    r = run("input 4x4x3\nconv 8 5x5\nconv 8 3x3 -> 9x9x9\nfc 10\n")
    assert [c for c in codes(r) if not c.startswith("N")] == ["E031"]
    assert [(a.verdict, a.reason) for a in r.answers] == [("unchecked", "it rests on the error at line 2")]


def test_rendering_has_location_source_caret_and_hint() -> None:
    r = run("input 7x7x3\nconv 10 3x3 stride 3\n")
    text = render_diagnostic(r.diagnostics[0], r.source)
    lines = text.splitlines()
    assert lines[0].startswith("<string>:2:13: error[E030]: conv1: (7 - 3 + 2·0)/3 + 1 = 2.33")
    assert lines[1] == " 2 | conv 10 3x3 stride 3"
    assert lines[2] == "   |             ^^^^^^^^"
    assert lines[-1].startswith("   = hint: use pad 1")


def codes_markdown() -> str:
    from cnncalc.codes import GROUPS
    assert {c.group for c in CODES.values()} == set(GROUPS)  # no code left out of the page
    out = []
    for group in GROUPS:
        out.append(f"### {group}\n\n| code | severity | title | meaning |\n|---|---|---|---|")
        out += [f"| `{c}` | {c.severity} | {c.headline} | {c.explanation.replace('|', chr(92) + '|')} |"
                for c in CODES.values() if c.group == group]
        out.append("")
    return "\n".join(out)


def limits_markdown() -> str:
    from cnncalc.limits import DOCUMENTED
    rows = [f"| {a} | {b} | {c} |" for a, b, c in DOCUMENTED]
    return "\n".join(["| limit | value | beyond it |", "|---|---|---|", *rows])


def test_every_code_and_limit_is_documented_as_defined(update_golden: bool) -> None:
    # docs/diagnostics.md holds the code and limit tables generated from cnncalc/codes.py and limits.py
    # (`pytest --update-golden` rewrites them).
    from tests.conftest import ROOT
    path = ROOT / "docs" / "diagnostics.md"
    doc = path.read_text()
    if update_golden:
        head, rest = doc.split("<!-- generated from cnncalc/codes.py; tests/test_docs.py checks it -->\n")
        tail = rest.split("<!-- end of codes -->", 1)[1]
        doc = head + "<!-- generated from cnncalc/codes.py; tests/test_docs.py checks it -->\n" + codes_markdown() \
            + "<!-- end of codes -->" + tail
        head, rest = doc.split("<!-- generated from cnncalc/limits.py -->\n")
        tail = rest.split("\n<!-- end of limits -->", 1)[1]
        marker = "<!-- generated from cnncalc/limits.py -->\n"
        doc = head + marker + limits_markdown() + "\n<!-- end of limits -->" + tail
        path.write_text(doc)
    codes_part = doc.split("<!-- generated from cnncalc/codes.py; tests/test_docs.py checks it -->\n")[1]
    assert codes_part.split("<!-- end of codes -->")[0] == codes_markdown()
    limits_part = doc.split("<!-- generated from cnncalc/limits.py -->\n")[1]
    assert limits_part.split("\n<!-- end of limits -->")[0] == limits_markdown()


def test_every_inexact_division_after_an_invalid_stride_is_reported() -> None:
    # AlexNet on 224: (224 - 11)/4 + 1 = 54.25, floored to 54 as PyTorch would. Then pool1
    # (54 - 3)/2 + 1 = 26.5, pool2 (26 - 3)/2 + 1 = 12.5 and pool3 (12 - 3)/2 + 1 = 5.5 are inexact
    # too: four problems, all in one run, the later ones saying they rest on the first.
    from tests.conftest import SPECS
    text = (SPECS / "alexnet.spec").read_text().replace("input 227x227x3", "input 224x224x3")
    r = run(text)
    errors = [d for d in r.diagnostics if d.severity == "error"]
    assert [(d.code, d.path) for d in errors] == [("E030", "conv1"), ("E030", "pool1"), ("E030", "pool2"),
                                                  ("E030", "pool3")]
    assert errors[0].notes[-1].startswith("PyTorch")
    assert all(d.notes[-1] == "computed on the floored size from line 5" for d in errors[1:])
    verdicts = {(a.label, a.quantity): (a.verdict, a.reason) for a in r.answers}
    # conv1's parameters do not depend on the size: (11·11·3 + 1)·96 = 34,944 is judged right.
    assert verdicts[("conv1", "params")] == ("right", None)
    assert verdicts[("conv1", "output")] == ("unchecked", "it rests on the invalid stride at line 5")
    # fc6's parameters rest on pool3's guessed 5x5, so the total is not judged.
    assert verdicts[("", "total params")] == ("unchecked", "it rests on the invalid stride at line 5")


def test_unexpected_character() -> None:
    r = run("input 8x8x3\nconv 4 3x3 $\n")
    assert where(r) == [("E001", 2, 12)]
    assert r.diagnostics[0].message == "unexpected character '$'"


@pytest.mark.parametrize("text, position, words", [
    ("input 8x8x3\nrelu | tanh\n", (2, 6), "`|` separates branches only inside"),
    ("input 8x8x3 junk\nrelu\n", (1, 13), "expected end of line, found `junk`"),
    ("input 8x8x3\nconv 4 3x3 ->\n", (2, 14), "expected a shape, `params N` or `macs N` after `->`"),
    ("input 8x8x3\nrounding sideways\n", (2, 10), "expected `floor`, `ceil` or `exact` after `rounding`"),
])
def test_syntax_errors(text: str, position: tuple[int, int], words: str) -> None:
    r = run(text)
    assert where(r)[0] == ("E002", *position)
    assert words in r.diagnostics[0].message


def test_a_word_where_a_number_goes_is_a_bad_value_with_the_forms() -> None:
    from tests.conftest import run, where
    r = run("input 8x8x3\nconv 8 3x3 pad causal\nconv 8 3x3 pad smae\n")
    assert where(r) == [("E013", 2, 16), ("E013", 3, 16)]
    assert r.diagnostics[0].message == "expected a value after `pad`, found the word `causal`"
    assert r.diagnostics[0].hint == "write a number, `AxB`, `T,B,L,R`, `same` or `valid`"
    assert r.diagnostics[1].hint == "did you mean `same`?"


@pytest.mark.parametrize(("text", "found", "hint"), [
    # each was said with no hint; a misspelt word gets its likely meaning
    ("input 8x8x1\n@c1\n", ("E002", 2, 1, "expected a layer, found `@`"),
     "`@NAME` starts a branch inside a merge's braces: `concat { @conv3 | identity }`"),
    ("input 8x8x1\nrounding cel\nconv 1 3x3\n", ("E002", 2, 10, "expected `floor`, `ceil` or `exact` after "
                                                  "`rounding`, found `cel`"), "did you mean `ceil`?"),
    ("input 8x8x1\nconv 1 3x3\nexpect total paramz 10\n",
     ("E002", 3, 14, "expected `params`, `weights`, `biases`, `macs`, `memory` or `activations` after `expect total`, "
                     "found `paramz`"), "did you mean `params`?"),
    ("input 8x8x1\nconv 1 3x3 | relu\n", ("E002", 2, 12, "`|` separates branches only inside braces "
                                                          "(`concat { a | b }`)"),
     "branches are written inside a merge's braces: `concat { conv 8 1x1 | maxpool 3x3 stride 1 pad 1 }`"),
    ("block b(c { conv c 3x3 }\ninput 8x8x1\nconv 1 3x3\n",
     ("E002", 1, 11, "expected `,` or `)` in the parameter list, found `{`"),
     "a block is defined as `block fire(s, e1, e3) { … }`: its name, then its parameters' names"),
    ("input 8x8x1\nconv 1 3x3\ninput 8x8x1\n", ("E021", 3, 1, "`input` is given twice"),
     "keep one `input` line per network"),
    ("conv 1 3x3\ninput 8x8x1\n", ("E022", 2, 1, "`input` must come before the first layer"),
     "move the `input` line above the network's first layer"),
    ("input 8x8x1\nrepeat -1 { relu }\n", ("E056", 2, 8, f"`repeat` needs a count from 0 to {MAX_REPEAT:,}, got -1"),
     "e.g. `repeat 3 { conv 64 3x3 pad 1 ; relu }`"),
    ("input 8x8x1\nrepeat 2 relu\n", ("E002", 2, 10, "expected `{` to open the repeat body, found `relu`"),
     "the repeat body is written in braces, as in `repeat 3 { conv 64 3x3 pad 1 ; relu }`"),
    ("input 8x8x1\nconv 1 3x3 -> params 10 )\n", ("E002", 2, 25, "expected a shape, `invalid`, `params N`, "
                                                                 "`weights N` or `macs N` after `->`, found `)`"),
     "e.g. `-> 55x55x96 params 34944 macs 105.4M`; docs/spec-language.md lists the answers"),
    # one slip, one error: the second arrow was two ("expected a shape … found `->`", "expected end of line"), a block
    # name followed by `)` was one more per line of its body, read as the network's layers
    ("input 8x8x1\nconv 1 3x3 -> -> 6x6x1\n", ("E002", 2, 15, "a line has one `->`"),
     "write every answer after the first `->`: `-> 55x55x96 params 34944`"),
    ("block e) {\n  conv 1 3x3\n  relu\n}\ninput 8x8x1\nconv 1 3x3\n",
     ("E002", 1, 8, "expected `{` to open the block body, found `)`"),
     "the block body is written in braces, as in `block fire(s, e) { conv s 1x1 ; relu }`"),
])
def test_errors_that_had_no_hint_say_how_to_put_them_right(text: str, found: tuple[object, ...], hint: str) -> None:
    r = run(text)
    errors = [d for d in r.diagnostics if d.severity == "error"]
    assert [(d.code, *r.source.line_col(d.span.start), d.message) for d in errors] == [found]  # said once
    assert errors[0].hint == hint


def test_answers_after_a_second_arrow_are_still_judged() -> None:
    # conv 1 3x3 on 8x8x1: (8 - 3)/1 + 1 = 6, so 6x6x1; params 3·3·1 + 1 = 10
    r = run("input 8x8x1\nconv 1 3x3 -> 6x6x1 -> params 11\n")
    assert where(r) == [("E002", 2, 21), ("E041", 2, 31)]  # at the count, as after one arrow
    assert [(a.quantity, a.verdict) for a in r.answers] == [("output", "right"), ("params", "wrong")]


@pytest.mark.parametrize("line, code, at, said", [
    ("region 0x5", "E013", "0x5", "region: the size: the height must be at least 1, got 0"),
    ("region 5 at -1", "E013", "-1", "region: the offset: it must be at least 0, got -1"),
    ("region", "E014", "region", "`region` needs the size"),
    ("region 3 at 2 at 1", "E012", "at 1", "`at` is given twice"),
    ("region 8x6 at 3x5", "E036", "8x6", "a 8x6 region at 3x5 (rows 3 to 10, columns 5 to 10) does not fit in 10x10x3"),
])
def test_a_region_written_wrong_says_what_and_where(line: str, code: str, at: str, said: str) -> None:
    # 3 + 8 = 11 rows asked of a map of 10 (rows 0 to 9); 5 + 6 = 11 columns likewise. The caret at the value (the
    # second `at` for the one given twice, the keyword for the size missing)
    report = run(f"input 10x10x3\n{line}\n")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert errors(report) == [(code, 2, line.rindex(at) + 1)] and said in error.message, error.message
