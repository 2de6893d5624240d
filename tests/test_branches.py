"""Branches, residuals, blocks and repetition: semantics, diagnostics, guard rails."""
from __future__ import annotations

import pytest

import cnncalc
from cnncalc.shape import Shape
from tests.conftest import SPECS, codes, row, run, where

INCEPTION_3A = """input 28x28x192
inception3a: concat {
    conv 64 1x1
  | conv 96 1x1 ; conv 128 3x3 pad 1
  | conv 16 1x1 ; conv 32 5x5 pad 2
  | maxpool 3x3 stride 1 pad 1 ; conv 32 1x1
} -> 28x28x256
"""


def test_concat_sums_depths_and_contents() -> None:
    r = run(INCEPTION_3A)
    assert r.ok, codes(r)
    merge = row(r, "inception3a")
    assert merge.output.dims == (28, 28, 64 + 128 + 32 + 32)
    # Weights written out per branch (GoogLeNet Table 1's 3a row, plus biases).
    weights = 192 * 64 + (192 * 96 + 9 * 96 * 128) + (192 * 16 + 25 * 16 * 32) + 192 * 32
    biases = 64 + 96 + 128 + 16 + 32 + 32
    assert merge.params == weights + biases
    assert merge.macs == 28 * 28 * weights
    assert merge.branches == ("inception3a.1", "inception3a.2", "inception3a.3", "inception3a.4")
    join = row(r, "inception3a.concat")
    assert join.kind == "join" and join.output.dims == (28, 28, 256) and join.activations == 28 * 28 * 256
    assert join.inputs == ("inception3a.1.conv1", "inception3a.2.conv2", "inception3a.3.conv2",
                           "inception3a.4.conv1")
    assert row(r, "inception3a.2.conv2").output.dims == (28, 28, 128)


def test_concat_spatial_mismatch_names_both_branches() -> None:
    r = run("input 28x28x16\nc: concat {\n  conv 8 3x3 pad 1\n| conv 8 3x3\n}\n")
    assert where(r) == [("E050", 2, 1)]
    d = r.diagnostics[0]
    assert d.message == "c: branch 1 gives 28x28x8 but branch 2 gives 26x26x8; a concat needs equal height and width"
    assert "pad" in d.hint and "by 1 more" in d.hint


def test_add_and_residual() -> None:
    r = run("input 8x8x4\nres: residual { conv 4 3x3 pad 1 ; relu ; conv 4 3x3 pad 1 }\n")
    assert r.ok, codes(r)
    assert row(r, "res").output.dims == (8, 8, 4)
    assert row(r, "res").params == 2 * (3 * 3 * 4 + 1) * 4
    assert row(r, "res.add").inputs == ("res.body.conv2", "input")
    r = run("input 8x8x4\na: add { conv 4 1x1 | identity }\n")
    assert r.ok and row(r, "a").output.dims == (8, 8, 4)


def test_add_shape_mismatch_proposes_a_projection() -> None:
    r = run("input 56x56x64\nres: residual { conv 128 3x3 stride 2 pad 1 floor ; conv 128 3x3 pad 1 }\n")
    assert codes(r) == ["E051", "N030"]  # in line order: the merge starts the line
    d = r.diagnostics[0]
    assert where(r)[0] == ("E051", 2, 1)
    assert d.message == "res: body gives 28x28x128 but shortcut gives 56x56x64; an add needs equal shapes"
    assert d.hint == "add a projection: `shortcut { conv 128 1x1 stride 2 }`"
    fixed = run("input 56x56x64\nrounding floor\nres: residual { conv 128 3x3 stride 2 pad 1 ; conv 128 3x3 pad 1 }"
                " shortcut { conv 128 1x1 stride 2 }\n")
    assert fixed.ok, codes(fixed)


def test_sub_avg_max_and_min_join_equal_shapes_value_by_value() -> None:
    # Keras' Subtract, Average, Maximum and Minimum (ONNX's Sub, Mean, Max, Min): no parameters of their own,
    # equal shapes in and out. avg: conv 4 1x1 (4·4 + 4 = 20) and conv 4 3x3 pad 1 (9·4·4 + 4 = 148)
    r = run("input 8x8x4\nd: sub { identity | avgpool 3x3 stride 1 pad 1 }\n"
            "a: avg { conv 4 1x1 | conv 4 3x3 pad 1 | identity }\nm: max { relu | identity }\n"
            "n: min { identity | conv 4 1x1 }\n")
    assert r.ok, codes(r)
    assert [(row(r, n).output.dims, row(r, n).params) for n in "damn"] == [
        ((8, 8, 4), 0), ((8, 8, 4), 20 + 148), ((8, 8, 4), 0), ((8, 8, 4), 20)]
    assert row(r, "a.avg").inputs == ("a.1.conv1", "a.2.conv1", "a.3.identity1")
    # each names itself when the shapes differ (E051), and `sub` takes exactly two branches (E066)
    r = run("input 8x8x4\nm: max { conv 8 1x1 | identity }\n")
    assert where(r) == [("E051", 2, 1)]
    assert r.diagnostics[0].message == "m: branch 1 gives 8x8x8 but branch 2 gives 8x8x4; a max needs equal shapes"
    assert r.diagnostics[0].hint == "project branch 2 to 8 channels: `conv 8 1x1`"
    r = run("input 8x8x4\na: avg { conv 4 1x1 stride 2 | identity }\n")
    assert r.diagnostics[0].message.endswith("; an avg needs equal shapes")
    r = run("input 8x8x4\ns: sub { identity | relu | tanh }\n")
    assert where(r) == [("E066", 2, 1)]
    assert r.diagnostics[0].message == "s: `sub` takes two branches, the first minus the second, not 3"
    # a 1x1xC branch is broadcast over the map (W051, as the frameworks do); not an error
    r = run("input 8x8x4\nm: max { identity | globalavgpool }\n")
    assert [d.code for d in r.diagnostics] == ["W051"] and row(r, "m").output.dims == (8, 8, 4)


def test_blocks_expressions_and_paths() -> None:
    text = """input 9x9x16
block unit(c, k=3, s=1) {
  conv c k stride s pad (k - 1) // 2 ; relu
  conv 2*c - c 1x1
}
stage: unit(8)
second: unit(4 * 2 + 8, s=2, k=1)
"""
    r = run(text)
    assert codes(r) == []
    assert row(r, "stage.conv1").output.dims == (9, 9, 8)     # pad (3 - 1)//2 = 1 keeps 9
    assert row(r, "stage").op == "unit(8, 3, 1)"
    assert row(r, "second.conv1").output.dims == (5, 5, 16)   # c = 4*2 + 8 = 16; (9 - 1)/2 + 1 = 5
    assert row(r, "second.conv2").output.dims == (5, 5, 16)   # 2*c - c = 16 filters


def test_repeat_paths_and_counts() -> None:
    r = run("input 8x8x4\nbody: repeat 3 { conv 4 3x3 pad 1 ; relu }\n")
    assert r.ok
    assert [x.path for x in r.rows] == ["body", "body.1", "body.1.conv1", "body.1.relu1", "body.2", "body.2.conv1",
                                        "body.2.relu1", "body.3", "body.3.conv1", "body.3.relu1"]
    assert row(r, "body").params == 3 * (9 * 4 + 1) * 4
    assert run("input 8x8x4\nrepeat 0 { conv 4 3x3 }\nexpect output 8x8x4\n").ok


def test_nesting_newlines_semicolons_and_expectations_after_braces() -> None:
    text = """input 16x16x8
outer: concat { add { conv 8 1x1 ; relu | identity } | concat { conv 4 1x1
  | conv 4 3x3 pad 1 ; relu } } -> 16x16x16 params 400
"""
    # The line's params: add's conv 8 1x1 on 8 channels (8 + 1)*8 = 72; the inner concat's
    # conv 4 1x1 (8 + 1)*4 = 36 and conv 4 3x3 (9*8 + 1)*4 = 292: 72 + 36 + 292 = 400.
    r = run(text)
    assert r.ok, [(d.code, d.message) for d in r.diagnostics]
    assert row(r, "outer").output.dims == (16, 16, 8 + 4 + 4)


def test_resnet_stage_outputs_match_table_1() -> None:
    # ResNet paper, Table 1: conv1 112x112, conv2_x 56x56, conv3_x 28x28, conv4_x 14x14, conv5_x 7x7.
    for name, expansion in (("resnet18", 1), ("resnet34", 1), ("resnet50", 4), ("resnet101", 4), ("resnet152", 4)):
        r = cnncalc.analyze(SPECS / f"{name}.spec")
        assert r.ok
        assert row(r, "conv1").output.dims[:2] == (112, 112)
        for stage, size, c in (("conv2_x", 56, 64), ("conv3_x", 28, 128), ("conv4_x", 14, 256), ("conv5_x", 7, 512)):
            assert row(r, stage).output.dims == (size, size, c * expansion), (name, stage)


# torchvision's published parameter counts.
RESNET_TOTALS = {"resnet18": 11_689_512, "resnet34": 21_797_672, "resnet50": 25_557_032,
                 "resnet101": 44_549_160, "resnet152": 60_192_808}


@pytest.mark.parametrize("name", sorted(RESNET_TOTALS))
def test_resnet_totals(name: str) -> None:
    assert cnncalc.analyze(SPECS / f"{name}.spec").totals.params == RESNET_TOTALS[name]


def test_resnet18_by_hand() -> None:
    # Written out: stem conv 7*7*3*64 + bn 2*64; per stage c with n=2 basic units:
    # unit = 2 convs 3x3 + 2 bns; first unit of stages 2..4 has 9*cin*c + 9*c*c and a 1x1 projection + bn.
    stem = 7 * 7 * 3 * 64 + 2 * 64
    stage1 = 2 * (2 * (9 * 64 * 64) + 2 * 2 * 64)
    total = stem + stage1
    for cin, c in ((64, 128), (128, 256), (256, 512)):
        first = 9 * cin * c + 9 * c * c + 2 * 2 * c + (cin * c + 2 * c)
        second = 2 * 9 * c * c + 2 * 2 * c
        total += first + second
    total += 512 * 1000 + 1000
    assert total == 11_689_512 == cnncalc.analyze(SPECS / "resnet18.spec").totals.params


# GoogLeNet Table 1's "params" column: weights only, in units of 1024 (3a: 163,328/1024 = 159.5).
GOOGLENET_TABLE_1_PARAMS_K = {"inception3a": 159, "inception3b": 380, "inception4a": 364, "inception4b": 437,
                              "inception4d": 580, "inception4e": 840, "inception5b": 1388}
# Misprinted in the table: 4c is printed 463K (the arithmetic gives 509,440/1024 = 497.5K) and
# 5a 1072K (1,042,432/1024 = 1018K); both are left out.


def test_googlenet_table_1() -> None:
    r = cnncalc.analyze(SPECS / "googlenet.spec")
    assert r.ok
    sizes = {"conv1": (112, 112, 64), "pool1": (56, 56, 64), "pool2": (28, 28, 192), "inception3a": (28, 28, 256),
             "inception3b": (28, 28, 480), "pool3": (14, 14, 480), "inception4a": (14, 14, 512),
             "inception4e": (14, 14, 832), "pool4": (7, 7, 832), "inception5b": (7, 7, 1024), "pool5": (1, 1, 1024)}
    for path, dims in sizes.items():
        assert row(r, path).output.dims == dims, path
    for path, k in GOOGLENET_TABLE_1_PARAMS_K.items():
        assert abs(row(r, path).weights / 1024 - k) / k < 0.02, path


def test_mobilenet_depthwise_separable() -> None:
    r = cnncalc.analyze(SPECS / "mobilenet_v1.spec")
    # sep1 on 112x112x32: depthwise 3*3*32 + bn 2*32, pointwise 32*64 + bn 2*64.
    assert row(r, "sep1").params == 9 * 32 + 2 * 32 + 32 * 64 + 2 * 64
    assert r.totals.params == 4_231_976 and r.totals.non_trainable == 21_888


# ---- diagnostics ---------------------------------------------------------------------

def test_unknown_block() -> None:
    r = run("input 8x8x3\nblock unit(c) { conv c 1x1 }\nunti(4)\n")
    assert where(r) == [("W001", 2, 1), ("E052", 3, 1)]  # in line order
    assert r.diagnostics[1].hint == "did you mean `unit`?"


@pytest.mark.parametrize("call, message", [
    ("unit(1, 2, 3)", "`unit` takes 2 arguments, 3 given"),
    ("unit()", "`unit` needs a value for `c`"),
    ("unit(4, t=2)", "`unit` has no parameter `t`"),
    ("unit(4, c=2)", "`c` is given twice"),
])
def test_bad_block_arguments(call: str, message: str) -> None:
    r = run(f"input 8x8x3\nblock unit(c, s=1) {{ conv c 1x1 stride s }}\n{call}\n")
    assert [c for c, _, _ in where(r)] == ["E053"]
    assert r.diagnostics[0].message == message
    assert where(r)[0][1] == 3


def test_recursion() -> None:
    r = run("input 8x8x3\nblock a(c) { b(c) }\nblock b(c) { a(c) }\na(3)\n")
    assert where(r) == [("E054", 3, 14)]
    assert r.diagnostics[0].message == "block `a` calls itself (a -> b -> a)"


def test_block_defined_twice() -> None:
    r = run("input 8x8x3\nblock a(c) { relu }\nblock a(c) { tanh }\na(1)\n")
    assert where(r) == [("E055", 3, 1)]
    assert r.diagnostics[0].message == "block `a` is defined twice"


def test_negative_repeat() -> None:
    r = run("input 8x8x3\nblock a(n) { repeat n - 2 { relu } }\na(1)\n")
    assert where(r) == [("E056", 2, 21)]
    assert "got -1" in r.diagnostics[0].message


def test_division_by_zero() -> None:
    r = run("input 8x8x3\nblock a(c) { conv 8 // (c - c) 1x1 }\na(3)\n")
    assert where(r) == [("E057", 2, 19)]
    assert r.diagnostics[0].message == "division by zero"


def test_a_block_layer_fails_only_in_the_calls_whose_arguments_break_it() -> None:
    # `4//c` divides by zero in b(0) alone: b(2)'s convolution is `stride 2` (it was left unknown, the first
    # call's failure kept as if the layer read no parameter). (32 - 3)/2 + 1 = 15.5, floored: 15;
    # parameters (3·3·3 + 1)·8 = 224.
    block = "block b(c) { conv 8 3x3 stride 4//c floor }"
    r = run(f"input 32x32x3\n{block}\nconcat {{ b(0) | b(2) }}\n")
    # b(2)'s inexact division, settled by its `floor` (N030), and b(0)'s division by zero
    assert where(r) == [("N030", 2, block.index("stride") + 1), ("E057", 2, block.index("4//c") + 1)]
    assert r.diagnostics[0].message.startswith("concat1.2.b1.conv1: (32 - 3 + 2·0)/2 + 1 = 15.5, rounded down to 15")
    broken, built = (x for x in r.rows if x.keyword == "conv")
    assert broken.output is None and not broken.known
    assert built.op == "conv 8 3x3 stride 2 floor" and built.output == Shape((15, 15, 8)) and built.params == 224


def test_undefined_name_in_expression() -> None:
    r = run("input 8x8x3\nblock a(chan) { conv chn 1x1 }\na(3)\n")
    assert where(r) == [("E059", 2, 22)]
    assert r.diagnostics[0].hint == "did you mean `chan`?"


def test_unbalanced_braces_point_at_the_opening_brace() -> None:
    r = run("input 8x8x3\nc: concat {\n  conv 8 1x1\n| conv 8 1x1\n")
    assert where(r) == [("E003", 2, 11)]
    assert "never closed" in r.diagnostics[0].message
    r = run("input 8x8x3\nrelu }\n")
    assert where(r) == [("E003", 2, 6)]


def test_duplicate_names_in_a_scope() -> None:
    r = run("input 8x8x3\nx: relu\nx: relu\n")
    assert where(r) == [("E015", 3, 1)]
    assert r.diagnostics[0].message == "the name `x` is already used in this scope"
    assert run("input 8x8x3\nblock u() { x: relu }\na: u()\nb: u()\n").ok  # different scopes


def test_generated_names_skip_explicit_ones() -> None:
    r = run("input 8x8x3\nrelu\nrelu2: relu\nrelu\n")
    assert [x.path for x in r.rows] == ["relu1", "relu2", "relu3"]


# ---- guard rails ---------------------------------------------------------------------

def test_repeat_bomb_is_refused_before_anything_is_built() -> None:
    r = run("input 8x8x3\nrepeat 1000 { repeat 1000 { relu } }\n")
    assert where(r) == [("E058", 2, 1)]
    # 1 + 10^3·(1 + (1 + 10^3·(1 + 1))) nodes: the outer repeat, its iterations, the inner repeats and relus.
    size = 1 + 10**3 * (1 + 1 + 10**3 * 2)
    assert r.diagnostics[0].message == f"this line alone expands to {size:,} nodes; cnncalc's limit is 250,000"
    assert r.rows == []  # refused from the IR: nothing was built


def test_block_bomb_fails_fast() -> None:
    # Each level doubles: 2^40 layers, far past the limit.
    blocks = "block b0() { relu }\n" + "".join(f"block b{i}() {{ b{i - 1}() ; b{i - 1}() }}\n" for i in range(1, 41))
    r = run("input 8x8x3\n" + blocks + "b40()\n")
    e058 = next(d for d in r.diagnostics if d.code == "E058")
    assert where(r)[-1] == ("E058", 43, 1)  # the call in the network, not a layer inside a block
    # b0() is 2 nodes (the call and its relu); each level is the call plus two calls of the level below.
    size = 2
    for _ in range(40):
        size = 1 + 2 * size
    assert e058.message == f"this line alone expands to {size:,} nodes; cnncalc's limit is 250,000"
    assert r.rows == []


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    r = run("input 8x8x3\n" + "concat { " * 500 + "relu" + " }" * 500 + "\n")
    assert where(r)[0] == ("E004", 2, 64 * len("concat { ") + len("concat ") + 1)  # the 65th `{`
    assert r.diagnostics[0].message == "nesting deeper than 64 levels"
    r = run("input 8x8x3\nconv " + "(" * 5000 + "1" + ")" * 5000 + " 1x1\n")
    assert "E004" in codes(r)
    chain = "block b0() { relu }\n" + "".join(f"block b{i}() {{ b{i - 1}() }}\n" for i in range(1, 200))
    assert "E004" in codes(run("input 8x8x3\n" + chain + "b199()\n"))


@pytest.mark.parametrize("value", ["+".join(["1"] * 3000), "-" * 3000 + "8", "*".join(["1"] * 3000)])
def test_a_long_expression_is_an_error_not_a_crash(value: str) -> None:
    # each operator (or sign) is a level of the expression's tree, which expansion walks recursively: 3,000 of them
    # were a RecursionError (an internal error); the 257th is E004, where it is written
    text = f"block b(c) {{ conv c 1x1 }}\ninput 8x8x3\nb({value})\n"
    r = run(text)
    col = len("b(") + (256 if value.startswith("-") else 2 * 256 + 1) + 1  # the 257th sign, or operator
    assert [(c, line, column) for c, line, column in where(r) if c == "E004"] == [("E004", 3, col)]
    assert [d.message for d in r.diagnostics if d.code == "E004"] == ["an expression of more than 256 operations"]
    # at the limit it is read: 255 additions make 256, 8 and 256 signs the number itself
    assert run("input 8x8x3\nconv " + "+".join(["1"] * 256) + " 1x1\n").totals.params == (3 + 1) * 256
    assert run("input 8x8x3\nconv " + "-" * 256 + "8 1x1\n").totals.params == (3 + 1) * 8


def test_a_branch_from_a_reference_ends_where_its_reference_is() -> None:
    # `concat { @x }` after a wider volume: the branch starts at x (8x8x4), whatever flowed before
    # (8x8x8); with an empty body its end is x itself, so the join reads x.
    r = run("input 8x8x4\nx: conv 4 1x1\nconcat { @x | identity }\nconcat { @x }\n")
    assert str(row(r, "concat2").output) == "8x8x4"
    assert row(r, "concat2.concat").inputs == ("x",)


def test_a_moved_row_copies_every_field() -> None:
    """`Row.moved` sets each slot itself (no `__init__`): a slot added to Row and left out of it fails here."""
    from cnncalc.diagnostics import Span
    from cnncalc.report import Row
    from cnncalc.shape import Shape
    given = ("path", "inputs", "branches", "field", "written", "shift")
    row = Row("a.b", "b", "layer", "conv", "conv 8 3x3", 2, Span(3, 9), Shape((8, 8, 3)), ("a.a",), 4)
    assert row.span == Span(3 + 4, 9 + 4)
    for slot in Row.__slots__:
        if slot not in given:
            setattr(row, slot, object())  # a value of its own, to be found on the copy
    copy = row.moved("c.b", ("c.a",), ("c.b.x",), ((3, 1, 0), (3, 1, 0)), Span(13, 19), 10)
    assert (copy.path, copy.inputs, copy.branches, copy.field, copy.span) == \
        ("c.b", ("c.a",), ("c.b.x",), ((3, 1, 0), (3, 1, 0)), Span(13 + 10, 19 + 10))
    assert all(getattr(copy, slot) is getattr(row, slot) for slot in Row.__slots__ if slot not in given)


@pytest.mark.parametrize(("lines", "column", "message", "hint"), [
    # a misspelt name: the nearest one visible
    ("enc1: conv 8 3x3 pad 1\nup: concat { @enc2 | identity }", 14,
     "no earlier line or layer is named `enc2` here", "did you mean `enc1`?"),
    # a line below the merge is not written yet
    ("up: concat { @later | identity }\nlater: conv 8 3x3 pad 1", 14,
     "no earlier line or layer is named `later` here", "refer to a line above the merge, in this scope or an "
                                                      "enclosing one"),
    # a layer of another branch of the same merge
    ("m: concat { a: conv 4 1x1 | @a }", 29,
     "`a` is inside a sibling branch of this merge; a branch cannot read another's layers", None),
    # the merge's own line
    ("m: concat { @m | identity }", 13, "`m` names its own line, which is not finished here", None),
    # the input is no line: say how to name it
    ("conv1: conv 8 3x3 pad 1\nout: concat { @input | identity }", 15,
     "no earlier line or layer is named `input` here",
     "the network's input has no name here: begin the network with a line `image: identity` and refer to `@image`"),
])
def test_a_reference_to_no_earlier_output_is_e063_saying_why(lines: str, column: int, message: str,
                                                               hint: str | None) -> None:
    r = run("input 8x8x3\n" + lines + "\n")
    d = next(d for d in r.diagnostics if d.code == "E063")
    line = 2 + next(i for i, text in enumerate(lines.split("\n")) if "@" in text)  # (the input is line 1)
    assert r.source.line_col(d.span.start) == (line, column)
    assert d.message == message
    if hint is not None:
        assert d.hint == hint


def test_the_input_named_by_an_identity_line_is_a_reference() -> None:
    # what the E063 hint for `@input` proposes: 8 channels of conv1 and the input's 3 side by side
    r = run("input 8x8x3\nimage: identity\nconv1: conv 8 3x3 pad 1\nout: concat { @image | identity }\n")
    assert not r.diagnostics
    assert r.output == Shape((8, 8, 3 + 8))


def test_a_gate_added_is_broadcast_over_the_map_with_a_warning() -> None:
    # PyTorch's `x + g`, Keras' Add and ONNX's Add spread a 1x1xC (or HxWx1) branch over HxWxC: GCNet's context.
    # The output is the map's shape; W051 says a gate is usually multiplied. Shapes that differ otherwise stay E051.
    # conv 16 1x1 on 16: 16·16 + 16 = 272
    r = run("input 8x8x16\nadd { identity | globalavgpool ; conv 16 1x1 } -> 8x8x16 params 272\n"
            "max { channelmaxpool | identity } -> 8x8x16\n")
    assert [a.verdict for a in r.answers] == ["right"] * 3, r.messages()
    assert where(r) == [("W051", 2, 1), ("W051", 3, 1)]
    assert [(d.code, d.message) for d in r.diagnostics] == [
        ("W051", "add1: branch 2's 1x1x16 is broadcast over branch 1's 8x8x16, as PyTorch's and Keras' element-wise "
                 "operations do"),
        ("W051", "max1: branch 1's 8x8x1 is broadcast over branch 2's 8x8x16, as PyTorch's and Keras' element-wise "
                 "operations do")]
    assert r.diagnostics[0].hint == "a gate (squeeze-and-excitation's, spatial attention's) is multiplied: `mul { … }`"
    # the gate's own shape is not the join's
    r = run("input 8x8x16\nadd { identity | globalavgpool ; conv 16 1x1 } -> 1x1x16\n")
    assert [a.verdict for a in r.answers] == ["wrong"]
    for text in ("input 8x8x16\nadd { identity | globalavgpool ; conv 8 1x1 }\n",  # 1x1x8: no gate of 16
                 "input 8x8x16\nadd { identity | maxpool 2 }\n",
                 "input 8x8x16\navg { identity | conv 16 1x1 stride 2 floor }\n"):
        assert [d.code for d in run(text).diagnostics if d.severity == "error"] == ["E051"], text
