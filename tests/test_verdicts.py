"""Verdicts a grader can trust: every answer right, wrong or not checked with the reason; answers as
people write them; the lecture's notation read completely; titles and several networks per file;
what `check` counts, shows and writes."""
from __future__ import annotations

import json
from pathlib import Path
from unittest.mock import ANY
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

import cnncalc
from cnncalc.analysis import Settings
from cnncalc.analysis import run as analyses
from cnncalc.cli import cli
from cnncalc.notations import detect
from cnncalc.report import Report
from tests.conftest import ROOT, errors, run

ANSWERS = ROOT / "docs" / "examples" / "answers"
EXAMPLES = ROOT / "docs" / "examples"


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, env={"COLUMNS": "120"})


def homework(text: str) -> Report:
    """The report of a homework sheet in the lecture's notation."""
    return cnncalc.analyze_text(text, "hw.txt", lang="lecture")


def right_then_wrong(sheet: str, right: str, wrong: str) -> None:
    """`sheet` with its `{}` the right answer, then a wrong one: the one answer judged right, then wrong."""
    for said, verdict in [(right, "right"), (wrong, "wrong")]:
        report = homework(sheet.format(said))
        assert [a.verdict for a in report.answers] == [verdict], report.messages()


# a convolution answered in the tests of homework phrasings: (32 - 5)/1 + 1 = 28, a 28x28x8 output, with
# (5·5·3 + 1)·8 = 608 parameters and 28·28·8·5·5·3 = 470,400 MACs
CONV1_28 = "Input: 32x32x3\nCONV1: 8 5x5 filters, stride 1, pad 0\n"
# a conv, a pool, a conv, named and not: on 32x32x3, conv1 (16 3x3 filters, pad 1) gives 32x32x16 with (3·3·3 + 1)·16
# = 448 parameters, the 2x2 pool 16x16x16, conv2 (32 3x3 filters, pad 1) 16x16x32 with (3·3·16 + 1)·32 = 4,640
NAMED_SHEET = ("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
               "CONV2: 32 3x3 filters, stride 1, pad 1\n")
UNNAMED_THREE = "Input: 32x32x3\nConv: 16 3x3 filters, pad 1\nPool: 2x2 max pool, stride 2\n"


def verdicts(text: str) -> list[tuple[str, str, str, str | None]]:
    return [(a.label, a.quantity, a.verdict, a.reason) for a in run(text).answers]


# ---- answers as people write them ------------------------------------------------------------

def test_thousands_commas_and_equals_signs() -> None:
    # (3·3·256 + 1)·384 = 885,120 and 13·13·384·3·3·256 = 149,520,384.
    assert verdicts("input 13x13x256\nc: conv 384 3x3 pad 1 -> params 885,120 macs 149,520,384\n") == [
        ("c", "params", "right", None), ("c", "macs", "right", None)]
    assert verdicts("input 13x13x256\nc: conv 384 3x3 pad 1 -> params = 885120\n")[0][2] == "right"
    # A comma with a space after it is not a thousands separator.
    assert errors(run("input 8x8x3\nconv 4 3x3 -> params 1, 120\n"))[0][0] == "E002"


def test_a_comma_separates_every_kind_of_answer() -> None:
    # fc 10 without biases on 4x4x2: 4·4·2 = 32 inputs, 32·10 = 320 weights, a vector of 10. A comma before
    # `input`, a side, `rf`, a volume or `output` separated nothing (E002), as it did before `params`.
    line = "input 4x4x2\nf: fc 10 nobias -> "
    assert verdicts(line + "10, input 4x4x2, depth 10, rf 4\n") == [
        ("f", "output", "right", None), ("f", "depth", "right", None), ("f", "receptive field", "right", None),
        ("f", "input", "right", None)]
    assert verdicts(line + "params 320, 1x1x10\n") == [("f", "output", "right", None), ("f", "params", "right", None)]
    assert verdicts(line + "params 320, [1x1x11]\n") == [("f", "output", "wrong", None),
                                                         ("f", "params", "right", None)]
    assert [v[:3] for v in verdicts(line + "weights 320, output 10, input 4x4x3\n")] == [
        ("f", "output", "right"), ("f", "weights", "right"), ("f", "input", "wrong")]
    # A bare number after a comma stays E002: `params 320, 10` may be a count's thousands.
    assert errors(run(line + "params 320, 10\n"))[0][0] == "E002"


@pytest.mark.parametrize("line", [
    "repeat 2 { conv 4 1x1 }", "residual { conv 4 1x1 } shortcut { conv 4 1x1 }", "concat { conv 2 1x1 | conv 2 1x1 }",
    "conv 4 1x1 ; relu", "twice(4)"])
def test_a_lines_memory_is_its_outputs_values_whatever_it_holds(line: str) -> None:
    # every line gives 17x17x4 on 17x17x2: 17·17·4 = 1,156 values. A repeat, a merge or a block call summed its
    # layers' outputs (2,312 and 3,468), so the right answer was marked wrong
    text = "block twice(c) {\n  conv c 1x1 ; conv c 1x1\n}\ninput 17x17x2\nl: " + line + " -> memory ANSWER\n"
    assert verdicts(text.replace("ANSWER", "1156")) == [("l", "memory", "right", None)]
    assert verdicts(text.replace("ANSWER", "4,624B")) == [("l", "memory", "right", None)]  # 1,156 values as float32
    wrong = verdicts(text.replace("ANSWER", "1157"))
    assert wrong[0][2] == "wrong"
    if line.startswith("repeat"):  # 17·17·4 for each of the two convolutions: 2,312
        assert verdicts(text.replace("ANSWER", "2312"))[0][2:] == (
            "wrong", "that adds up the outputs of every layer in l; `memory` is the values of the line's output")


@pytest.mark.parametrize("answer, verdict", [
    # (7 - 3)/3 + 1 = 2.33: rounded down 2, up 3. An answer that is neither is wrong whichever rounding is meant (it
    # was not checked); one that is either stays not checked (the line's E030 stands); `height 2`, the rounding
    # down, was judged right
    ("4x4x1", "wrong"), ("3x4x1", "wrong"), ("3x3x1", "unchecked"), ("2x2x1", "unchecked"), ("2x3x1", "unchecked"),
    ("height 4", "wrong"), ("height 2", "unchecked"), ("width 3", "unchecked"), ("depth 1", "right"),
    ("depth 2", "wrong"), ("invalid", "right"), ("2.33", "right"),
])
def test_an_answer_to_an_inexact_division_is_wrong_when_no_rounding_gives_it(answer: str, verdict: str) -> None:
    found = verdicts(f"input 7x7x1\nc: conv 1 3x3 stride 3 ; relu -> {answer}\n")
    assert [v[2] for v in found] == [verdict]
    if verdict == "wrong" and "x" in answer:
        assert found[0][3] == "the division is not whole: rounded down or up it gives 2 or 3, and that is neither"


def test_an_answer_no_rounding_gives_is_located_and_says_how_to_answer() -> None:
    text = "input 7x7x1\nc: conv 1 3x3 stride 3 ; relu -> 4x4x1\n"
    report = run(text)
    [wrong] = [d for d in report.diagnostics if d.code == "E040"]
    assert (report.source.line_col(wrong.span.start), wrong.message, wrong.hint) == (
        (2, text.splitlines()[1].index("4x4x1") + 1),
        "c: expected 4x4x1, computed 2x2x1; the division is not whole: rounded down or up it gives 2 or 3, and that "
        "is neither", "the division does not fit: answer so (`invalid`, the lecture's \"doesn't fit\")")
    assert [d.code for d in report.diagnostics] == ["E030", "E040"]  # the stride's own error stands


def test_after_an_inexact_division_a_side_no_rounding_gives_is_wrong_one_some_rounding_gives_unjudged() -> None:
    # after conv c's (7 - 3)/3 + 1 = 2.33 (2 rounded down, 3 up), a 1x1 convolution keeps 2 or 3: 4x4x1 is wrong
    # whichever way c is rounded, 3x3x1 and 2x2x1 rest on that rounding (not checked), the depth is judged
    found = verdicts("input 7x7x1\nc: conv 1 3x3 stride 3\nd: conv 1 1x1 -> 4x4x1\n")
    assert [v[2] for v in found] == ["wrong"]
    assert found[0][3] == ("it rests on the invalid stride at line 2; rounded down or up there, and at any later "
                           "division that is not whole, it gives 2 or 3, and this answer is none of those")
    for either in ("3x3x1", "2x2x1"):
        assert [v[2] for v in verdicts(f"input 7x7x1\nc: conv 1 3x3 stride 3\nd: conv 1 1x1 -> {either}\n")] == [
            "unchecked"]
    assert [v[2] for v in verdicts("input 7x7x1\nc: conv 1 3x3 stride 3\nd: conv 1 1x1 -> height 1, width 3, "
                                   "depth 1\n")] == ["wrong", "unchecked", "right"]
    # two inexact windows on a line: 2 or 3 after c, then a 1x1 window at stride 3, (2 - 1)/3 + 1 = 1.33 rounded
    # down 1, (3 - 1)/3 + 1 = 1.67 rounded up 2: 1 to 2, so 4 is wrong and 2 is not judged
    assert verdicts("input 7x7x1\nc: conv 1 3x3 stride 3 ; conv 1 1x1 stride 3 -> 4x4x1\n")[0][2] == "wrong"
    assert verdicts("input 7x7x1\nc: conv 1 3x3 stride 3 ; conv 1 1x1 stride 3 -> 2x2x1\n")[0][2] == "unchecked"
    # the volume a line receives is bounded so too: c's output, 2 or 3
    assert verdicts("input 7x7x1\nc: conv 1 3x3 stride 3\nd: conv 1 1x1 -> input 9x9x1\n")[0][2] == "wrong"
    assert verdicts("input 7x7x1\nc: conv 1 3x3 stride 3\nd: conv 1 1x1 -> input 3x3x1\n")[0][2] == "unchecked"
    # a guessed size is no inexact division: nothing is bounded after it
    assert verdicts("input HxWx1\nc: conv 1 3x3 stride 3\nd: conv 1 1x1 -> 400x400x1\n")[0][2] == "unchecked"
    # the lecture's exercise: N = 7, F = 3, stride 3 gives 2.33; 4 is neither 2 nor 3
    sheet = homework("N = 7, F = 3, stride 3 => 4\n")
    assert [(a.verdict, a.reason) for a in sheet.answers] == [
        ("wrong", "the division is not whole: rounded down or up it gives 2 or 3, and that is neither")]


def test_counts_and_totals_no_rounding_gives_are_located_and_say_their_reach() -> None:
    # conv c1 on 224: (224 - 11)/4 + 1 = 54.25, 54 or 55; c2: (54 - 11)/4 + 1 = 11.75 rounded down 11, (55 - 11)/4 + 1
    # = 12; its MACs 11·11·96·11·11·96 = 134,931,456 to 12·12·96·11·11·96 = 160,579,584. The pool: (11 - 3)/2 + 1 = 5,
    # (12 - 3)/2 + 1 = 5.5 rounded up 6; fc1's parameters (5·5·96 + 1)·10 = 24,010 to (6·6·96 + 1)·10 = 34,570. The
    # total adds c1's (11·11·3 + 1)·96 = 34,944 and c2's (11·11·96 + 1)·96 = 1,115,232: 1,174,186 to 1,184,746.
    text = ("input 224x224x3\nc1: conv 96 11x11 stride 4\nc2: conv 96 11x11 stride 4 -> macs 200M\n"
            "pool: maxpool 3x3 stride 2\nfc1: fc 10 -> params 4M\nexpect total params 62M\n"
            "expect total params < 600K\nexpect total params <= 2M\nexpect total params <= 1,180,000\n")
    report = run(text)
    lines = text.splitlines()
    reach = "it rests on the invalid stride at line 2; rounded down or up there, and at any later division that is " \
            "not whole, it is "
    assert [(d.code, *report.source.line_col(d.span.start), d.message, d.hint) for d in report.diagnostics
            if d.code in ("E041", "E042", "E043")] == [
        ("E042", 3, lines[2].index("200M") + 1, "c2: expected macs 200M, computed 134,931,456; " + reach +
         "134,931,456 to 160,579,584, and this answer is outside that",
         "rounded down at each division that is not whole, as PyTorch does, the MAC count is 134,931,456"),
        ("E041", 5, lines[4].index("4M") + 1, "fc1: expected params 4M, computed 24,010; " + reach +
         "24,010 to 34,570, and this answer is outside that",
         "rounded down at each division that is not whole, as PyTorch does, the parameter count is 24,010"),
        ("E043", 6, lines[5].index("62M") + 1, "expected total params 62M, computed 1,174,186; " + reach +
         "1,174,186 to 1,184,746, and this answer is outside that",
         "rounded down at each division that is not whole, as PyTorch does, the network's parameter count is "
         "1,174,186"),
        ("E043", 7, lines[6].index("600K") + 1, "expected total params < 600K, computed 1,174,186; " + reach +
         "1,174,186 to 1,184,746, and `< 600K` holds for none of them",
         "rounded down at each division that is not whole, as PyTorch does, the network's parameter count is "
         "1,174,186")]
    # a budget kept at both ends is right, one kept at one end only is not checked
    assert [a.verdict for a in report.answers][-2:] == ["right", "unchecked"]
    # a side answered alone: 2 or 3 after (7 - 3)/3 + 1 = 2.33, so a height of 1 is wrong, at its place
    side = run("input 7x7x1\nc: conv 1 3x3 stride 3\nd: conv 1 1x1 -> height 1\n")
    [wrong] = [d for d in side.diagnostics if d.code == "E040"]
    assert (side.source.line_col(wrong.span.start), wrong.message) == (
        (3, len("d: conv 1 1x1 -> height ") + 1), "d: expected height 1, computed 2; it rests on the invalid stride "
        "at line 2; rounded down or up there, and at any later division that is not whole, it gives 2 or 3, and this "
        "answer is none of those")


@pytest.mark.parametrize("layer", ["globalavgpool", "adaptiveavgpool 2x2", "fc 10", "relu", "conv 4 14x14"])
def test_the_volume_a_line_receives_rests_on_the_rounding_before_it_whatever_its_output(layer: str) -> None:
    # (32 - 5)/2 + 1 = 14.5: the line after receives 14x14x10 rounded down, 15x15x10 rounded up, flattened 1,960 or
    # 2,250 values; a layer whose own output is the same either way (a global pool, an adaptive pool, a fully
    # connected layer) receives the volume in doubt all the same
    def verdict(answer: str, size: str = "32x32x3") -> str:
        [judged] = run(f"input {size}\nc1: conv 10 5x5 stride 2\nl: {layer} -> input {answer}\n").answers
        return judged.verdict
    assert [verdict(v) for v in ("14x14x10", "15x15x10")] == ["unchecked", "unchecked"]
    assert [verdict(v) for v in ("13x13x10", "16x16x10", "14x14x12")] == ["wrong", "wrong", "wrong"]
    if layer == "fc 10":
        assert [verdict(v) for v in ("1960", "2250")] == ["unchecked", "unchecked"]
    # a size in letters: the walk's example size is no answer's measure
    assert verdict("15x15x10", "HxWx3") == "unchecked"


def test_an_input_a_memory_and_a_containers_count_no_rounding_gives_are_located_and_say_their_reach() -> None:
    # c1: (32 - 5)/2 + 1 = 14.5, 14 or 15: d receives 14x14x10 or 15x15x10, its memory 14·14·10 = 1,960 to
    # 15·15·10 = 2,250 values; r's 3x3 convolution of 10 maps to 10 at pad 1 keeps the side: 14·14·10·3·3·10 =
    # 176,400 to 15·15·10·3·3·10 = 202,500 MACs
    text = ("input 32x32x3\nc1: conv 10 5x5 stride 2\nd: relu -> input 16x16x10 memory 3000\n"
            "r: residual { conv 10 3x3 pad 1 } -> macs 1M\n")
    lines = text.splitlines()
    reach = "it rests on the invalid stride at line 2; rounded down or up there, and at any later division that is " \
            "not whole, it "
    rounded = "rounded down at each division that is not whole, as PyTorch does, the "
    report = run(text)
    assert [(d.code, *report.source.line_col(d.span.start), d.message, d.hint) for d in report.diagnostics
            if d.code != "E030"] == [
        ("E040", 3, lines[2].index("16x16") + 1, "d: expected input 16x16x10, computed 14x14x10; " + reach +
         "gives 14 or 15, and this answer is none of those", rounded + "input volume is 14x14x10"),
        ("E040", 3, lines[2].index("3000") + 1, "d: expected memory 3000, computed 1,960; " + reach +
         "is 1,960 to 2,250, and this answer is outside that", rounded + "memory count is 1,960"),
        ("E042", 4, lines[3].index("1M") + 1, "r: expected macs 1M, computed 176,400; " + reach +
         "is 176,400 to 202,500, and this answer is outside that", rounded + "MAC count is 176,400")]


def _attainable(layers: list[tuple[str, int, int, int]], n: int) -> list[set[int]]:
    """Every side each layer's output can have from an input side `n`, each inexact division (N - F + 2P)/S + 1
    rounded down or up in every combination (a transposed convolution: (N - 1)·S - 2P + F; an upsampling: 2N; a
    residual or a concat whose branches keep the size: N),
    paths that empty the map dropped: the truth the sides' reach is checked against."""
    sides = {n}
    out = []
    for kind, k, s, p in layers:
        after: set[int] = set()
        for side in sides:
            if kind == "deconv":
                after.add((side - 1) * s - 2 * p + k)
            elif kind == "upsample":
                after.add(2 * side)
            elif kind in ("residual", "concat"):  # a body that keeps the size (an odd kernel, its half as padding)
                after.add(side)
            else:
                travel = side - k + 2 * p
                if travel >= 0:
                    after |= {travel // s + 1, -(-travel // s) + 1}
        sides = after
        out.append(sides)
    return out


@pytest.mark.parametrize("seed", range(40))
def test_after_inexact_divisions_no_side_some_rounding_gives_is_wrong_and_every_other_is(seed: int) -> None:
    import random
    rng = random.Random(seed)
    for _ in range(10):
        layers = []
        for _ in range(rng.randint(2, 5)):
            kind = rng.choice(["conv", "conv", "maxpool", "avgpool", "deconv", "upsample", "residual", "concat"])
            k = rng.choice([1, 2, 3, 5])
            p = rng.randint(0, k // 2) if kind != "deconv" else rng.randint(0, (k - 1) // 2)
            layers.append((kind, k, rng.choice([1, 2, 3]), p))
        n = rng.randint(8, 40)
        reach = _attainable(layers, n)
        if not all(reach):
            continue  # a map emptied on every path: E031, not this test's
        lines = [f"input {n}x{n}x2"]
        for i, (kind, k, s, p) in enumerate(layers):
            lines.append(f"l{i}: " + ("upsample 2" if kind == "upsample" else
                                      f"residual {{ conv 2 {k | 1}x{k | 1} pad {(k | 1) // 2} ; relu }}"
                                      if kind == "residual" else "concat { conv 1 1x1 | conv 1 1x1 }"
                                      if kind == "concat" else
                                      f"{kind}{' 2' * (kind in ('conv', 'deconv'))} {k}x{k} stride {s} pad {p}"))
        plain = run("\n".join(lines) + "\n")
        if any(d.code != "E030" for d in plain.diagnostics if d.severity == "error"):
            continue  # another error (a pool padded past half its window): nothing is bounded
        for pick in ("some rounding gives it", "no rounding gives it"):
            answers = []
            for sides in reach:
                below, above = min(sides) - 1 - rng.randint(0, 3), max(sides) + 1 + rng.randint(0, 3)
                side = rng.choice(sorted(sides)) if pick == "some rounding gives it" else \
                    rng.choice([above] + [below] * (below >= 1))
                answers.append(side)
            # each line's output, its memory (its values, side·side·2), and (the same sides, a line later) the
            # volume each line after the first receives
            for answer_lines in ([f"{line} -> {a}x{a}x2" for line, a in zip(lines[1:], answers)],
                                 [f"{line} -> memory {a * a * 2}" for line, a in zip(lines[1:], answers)],
                                 lines[1:2] + [f"{line} -> input {a}x{a}x2" for line, a in zip(lines[2:], answers)]):
                text = "\n".join([lines[0]] + answer_lines) + "\n"
                got = [(a.verdict, a.reason) for a in run(text).answers]
                assert len(got) == len(answer_lines) - ("input" in answer_lines[-1]), text
                for (verdict, reason), sides, answer in zip(got, reach, answers):
                    if pick == "some rounding gives it":
                        assert verdict != "wrong", (text, answer, sides, reason)  # never wrong where one gives it
                    else:
                        assert verdict == "wrong", (text, answer, sides, reason)  # wrong wherever none does


def test_a_containers_count_shows_its_parts_as_its_working() -> None:
    # a 3x3 convolution of 16 maps to 16 on 32x32: (3·3·16 + 1)·16 = 2,320 parameters, 32·32·16·3·3·16 = 2,359,296
    # MACs; with a batch norm's 2·16 = 32, a unit has 2,352. A line holding a residual, a repeat or a concat showed
    # no working for its count, wrong or right
    text = ("input 32x32x16\nblock unit(c) { conv c 3x3 pad 1 ; bn }\n"
            "r: residual { conv 16 3x3 pad 1 ; relu ; conv 16 3x3 pad 1 } -> params 4000 macs 4,718,592\n"
            "s: repeat 2 { unit(16) } -> params 4704\n"
            "c: concat { conv 8 1x1 | maxpool 3x3 stride 1 pad 1 } -> params 1\n")
    workings = {(a.path, a.quantity): (a.verdict, a.working) for a in run(text).answers}
    assert workings == {
        ("r", "params"): ("wrong", ("r: params 4,640 (body) + 0 (shortcut) + 0 (add) = 4,640",)),
        ("r", "macs"): ("right", ("r: macs 4,718,592 (body) + 0 (shortcut) + 0 (add) = 4,718,592",)),
        ("s", "params"): ("right", ("s: params 2,352 (iteration 1) + 2,352 (iteration 2) = 4,704",)),
        # the 1x1 convolution of 16 maps to 8: (16 + 1)·8 = 136
        ("c", "params"): ("wrong", ("c: params 136 (branch 1) + 0 (branch 2) + 0 (concat) = 136",))}


def _paths(layers: list[tuple[str, int, int]], n: int) -> list[list[int]]:
    """Every way the sides can go from an input side `n`: each layer's output side on one path, each inexact
    division (N - F)/S + 1 (a convolution's or a max pool's, unpadded) rounded down or up, a residual or a block's
    body keeping the side; paths that empty the map dropped."""
    paths: list[list[int]] = [[]]
    for kind, k, s in layers:
        longer = []
        for path in paths:
            side = path[-1] if path else n
            if kind in ("residual", "block"):
                longer.append(path + [side])
                continue
            travel = side - k
            if travel >= 0:
                longer += [path + [out] for out in sorted({travel // s + 1, -(-travel // s) + 1})]
        paths = longer
    return paths


@pytest.mark.parametrize("seed", range(30))
def test_after_inexact_divisions_no_count_of_a_container_or_total_of_macs_some_rounding_gives_is_wrong(
        seed: int) -> None:
    # On each path of sides (`_paths`), 2 channels throughout: a convolution's MACs are out·out·2·K·K·2; a residual
    # line's, its body's convolution (K odd, padded by K//2: the side kept), the same on its input's side; a block
    # call's, its 3x3 convolution's; a fully connected layer's (3 units) side·side·2·3, its parameters
    # (side·side·2 + 1)·3; a max pool counts none. The network's total MACs on a path is the sum of its layers'.
    import random
    rng = random.Random(seed)
    for _ in range(8):
        layers = [(kind, 3 if kind == "block" else rng.choice([1, 3, 5]) if kind == "residual" else
                   rng.choice([1, 2, 3, 5]), rng.choice([1, 2, 3]))
                  for kind in (rng.choice(["conv", "maxpool", "residual", "residual", "block"])
                               for _ in range(rng.randint(2, 5)))]
        n = rng.randint(8, 40)
        paths = _paths(layers, n)
        if not paths or len(set(map(tuple, paths))) == 1:
            continue  # emptied on every path (E031), or every division exact: nothing in doubt
        lines = ["block b(c) { conv c 3x3 pad 1 ; relu }", f"input {n}x{n}x2"] + [
            f"l{i}: " + ("b(2)" if kind == "block" else f"residual {{ conv 2 {k}x{k} pad {k // 2} ; relu }}"
                         if kind == "residual" else f"{'conv 2' if kind == 'conv' else kind} {k}x{k} stride {s}")
            for i, (kind, k, s) in enumerate(layers)]
        plain = run("\n".join(lines) + "\nf: fc 3\n")
        if any(d.code != "E030" for d in plain.diagnostics if d.severity == "error") or \
                not any(d.code == "E030" for d in plain.diagnostics):
            continue  # emptied where every division is rounded down (E031): nothing is bounded after it

        def counts(path: list[int], layers: list[tuple[str, int, int]] = layers, n: int = n) -> list[int]:
            """A path's answered counts: each convolution's, residual's and block call's MACs, then the fully
            connected layer's parameters, then the network's total MACs."""
            macs, before = [], n
            for (kind, k, _), side in zip(layers, path):
                if kind != "maxpool":
                    macs.append(side * side * 2 * k * k * 2)
                before = side
            return macs + [(before * before * 2 + 1) * 3, sum(macs) + before * before * 2 * 3]

        reach = [set(values) for values in zip(*map(counts, paths))]
        for pick in ("some rounding gives it", "no rounding gives it"):
            path = counts(rng.choice(paths))  # one path's counts: together they are one reading of the network
            picked = path if pick == "some rounding gives it" else \
                [rng.choice([max(values) + 1 + rng.randint(0, 9)] + [min(values) - 1] * (min(values) > 1))
                 for values in reach]
            answered = iter(picked)
            text = lines[0] + "\n" + lines[1] + "\n" + "".join(
                line + (f" -> macs {next(answered)}\n" if kind != "maxpool" else "\n")
                for line, (kind, _, _) in zip(lines[2:], layers))
            text += f"f: fc 3 -> params {next(answered)}\nexpect total macs {next(answered)}\n"
            got = [(a.verdict, a.reason) for a in run(text).answers]
            assert len(got) == len(reach), text
            for (verdict, reason), answer, values in zip(got, picked, reach):
                if pick == "some rounding gives it":
                    assert verdict != "wrong", (text, answer, sorted(values), reason)
                else:
                    assert verdict == "wrong", (text, answer, sorted(values), reason)


@pytest.mark.parametrize("seed", range(30))
def test_after_inexact_divisions_no_count_some_rounding_gives_is_wrong_and_every_other_is(seed: int) -> None:
    # a convolution's MACs are out_h·out_w·C_out·K·K·C_in (2 channels in and out here), a fully connected layer's
    # parameters (H·W·C + 1)·units on the volume it flattens, the total those and the convolutions' (K·K·2 + 1)·2:
    # each taken over every side some rounding gives
    import random
    rng = random.Random(seed)
    for _ in range(10):
        layers = [(rng.choice(["conv", "conv", "maxpool"]), rng.choice([1, 2, 3, 5]), rng.choice([1, 2, 3]), 0)
                  for _ in range(rng.randint(1, 4))]
        n = rng.randint(8, 40)
        reach = _attainable(layers, n)
        if not all(reach):
            continue
        lines = [f"input {n}x{n}x2"] + [f"l{i}: {'conv 2' if kind == 'conv' else kind} {k}x{k} stride {s}"
                                         for i, (kind, k, s, _) in enumerate(layers)]
        if any(d.code != "E030" for d in run("\n".join(lines) + "\n").diagnostics if d.severity == "error"):
            continue  # a map emptied where every division is rounded down (E031): nothing is bounded after it
        fixed = sum((k * k * 2 + 1) * 2 for kind, k, _, _ in layers if kind == "conv")  # the convolutions' own
        fc = {(s * s * 2 + 1) * 3 for s in reach[-1]}
        counts = [({s * s * 2 * k * k * 2 for s in sides}, "macs") for (kind, k, _, _), sides in zip(layers, reach)
                  if kind == "conv"] + [(fc, "params"), ({fixed + p for p in fc}, "total params")]
        for pick in ("some rounding gives it", "no rounding gives it"):
            picked = [rng.choice(sorted(values)) if pick == "some rounding gives it" else
                      rng.choice([max(values) + 1 + rng.randint(0, 9)] + [min(values) - 1] * (min(values) > 1))
                      for values, _ in counts]
            answered = iter(zip(picked, counts))
            text = lines[0] + "\n"
            for line, (kind, _, _, _) in zip(lines[1:], layers):
                text += line + (f" -> macs {next(answered)[0]}\n" if kind == "conv" else "\n")
            text += f"f: fc 3 -> params {next(answered)[0]}\nexpect total params {next(answered)[0]}\n"
            got = [(a.verdict, a.reason) for a in run(text).answers]
            assert len(got) == len(counts), text
            for (verdict, reason), answer, (values, what) in zip(got, picked, counts):
                if pick == "some rounding gives it":
                    assert verdict != "wrong", (text, what, answer, sorted(values), reason)
                else:
                    assert verdict == "wrong", (text, what, answer, sorted(values), reason)
        # a budget on the total: right when every rounding keeps to it, wrong when none does, else not checked
        totals = counts[-1][0]
        for limit in (min(totals) - 1, min(totals), max(totals), max(totals) + 1, (min(totals) + max(totals)) // 2):
            kept = {total <= limit for total in totals}
            budget = run(lines[0] + "\n" + "\n".join(lines[1:]) + f"\nf: fc 3\nexpect total params <= {limit}\n")
            assert [a.verdict for a in budget.answers] == [
                "right" if kept == {True} else "wrong" if kept == {False} else "unchecked"], (lines, limit, totals)


def test_doesnt_fit_in_the_spec_language_says_how_to_write_it() -> None:
    # (7 - 3)/3 + 1 = 2.33: the answer is `-> invalid`; `-> doesn't fit` said only "expected a shape …".
    report = run("input 7x7x1\nconv 1 3x3 stride 3 -> not valid\n")
    assert [(d.code, d.message, d.hint) for d in report.diagnostics if d.code == "E002"] == [
        ("E002", "expected a shape or `invalid` after `->`, found `not`",
         "the lecture's \"doesn't fit\" is `-> invalid` in the spec language")]


def test_an_arrow_written_as_in_the_lecture_notation() -> None:
    # `=>` was E002 "expected an argument of `conv`, found `=`"; it is `->`, as `→` is. (32 - 5 + 4)/1 + 1 = 32.
    assert verdicts("input 32x32x3\nconv 10 5x5 pad 2 => 32x32x11\n") == [("conv1", "output", "wrong", None)]
    # The count before its word after a comma says so, as it does first (it said "found `,`").
    report = run("input 32x32x3\nconv 10 5x5 pad 2 -> 32x32x10, 760 params\n")
    assert [(d.code, d.message) for d in report.diagnostics] == [
        ("E002", "`760 params`: the count goes after the word")]


def test_an_answer_in_a_comment_is_a_warning_not_silence() -> None:
    # (32 - 5 + 2·2)/1 + 1 = 32: `# 32x32x11` is a wrong answer that `check` passed without a word.
    r = run("input 32x32x3\nconv 10 5x5 stride 1 pad 2   # 32x32x11, 760 params\nmaxpool 2x2 stride 2  # -> 16x16x10\n"
            "conv 4 3x3 pad 1  # 3x3 keeps the size\nconv 4 3x3 pad 1  # (16 - 3 + 2)/1 + 1 = 16\n"
            "conv 4 3x3 pad 1 -> 16x16x4  # paper: 16x16x4\n")
    assert [(d.code, *r.source.line_col(d.span.start), d.message) for d in r.diagnostics] == [
        ("W046", 2, 30, "the comment `32x32x11, 760 params` reads as an answer, and comments are not checked"),
        ("W046", 3, 23, "the comment `-> 16x16x10` reads as an answer, and comments are not checked")]
    assert [a.verdict for a in r.answers] == ["right"]  # (16 - 3 + 2·1)/1 + 1 = 16
    # The summary counts them: `no problems` alone under two warnings read as if nothing was said.
    text = "input 32x32x3\nconv 10 5x5 stride 1 pad 2   # 32x32x11\n"
    result = invoke("check", "-", input=text)
    assert (result.exit_code, result.output.splitlines()[-1]) == (0, "1 spec, no problems, 1 warning")
    result = invoke("check", "-", "--strict", input=text)
    assert (result.exit_code, result.output.splitlines()[-1]) == (1, "1 spec, 1 problem in 1 file")


def test_an_answer_in_a_comment_after_the_answers_is_a_warning_too() -> None:
    # (11·11·3 + 1)·96 = 34,944: the comment's 34,943 was never checked, and nothing was said
    r = run("input 227x227x3\nconv1: conv 96 11x11 stride 4 -> 55x55x96  # params 34943\n"
            "conv2: conv 8 3x3 -> 53x53x8  # paper: 8 maps\n")  # (55 - 3)/1 + 1 = 53; a remark
    assert [(d.code, *r.source.line_col(d.span.start), d.message) for d in r.diagnostics] == [
        ("W046", 2, 44, "the comment `params 34943` reads as an answer, and comments are not checked")]
    assert [a.verdict for a in r.answers] == ["right", "right"]  # (227 - 11)/4 + 1 = 55


def test_a_count_with_a_fraction_and_no_unit_is_an_error_not_a_verdict() -> None:
    # (11·11·3 + 1)·96 = 34,944: `34.944` is that count with its thousands grouped by a point (as much of
    # Europe writes it), or a slip; judged as thirty-four point nine it was marked wrong.
    r = run("input 227x227x3\nconv1: conv 96 11x11 stride 4 -> params 34.944\n")
    assert [(d.code, d.column, d.message) for d in r.diagnostics] == [
        ("E013", 41, "`34.944` is not a whole number: counts have no fraction without a unit (`34.9K`); if the "
                     "point groups thousands, write `34944` or `34,944`")]
    assert r.answers == ()
    report = cnncalc.analyze_text("Input volume: 227x227x3\nCONV1: 96 11x11 filters at stride 4\n"
                                  "Number of parameters: 34.944\n", "hw.txt", lang="lecture")
    assert [(d.code, d.line, d.column) for d in report.diagnostics] == [("E060", 3, 23)]
    assert report.answers == ()
    assert [d.message for d in run("input 227x227x3\nconv 96 11x11 stride 4 -> macs 1.5B\n").diagnostics] == [
        "`1.5B` is not a whole number of bytes (`B`); a billion is `G`, as in `1.5G`"]
    # Still counts: a fraction of a unit (35K = 34.944K rounded), zeros after the point, a mantissa.
    assert [a.verdict for a in run("input 227x227x3\nconv 96 11x11 stride 4 -> params 34.9K macs 105415200.0\n"
                                   ).answers] == ["right", "right"]
    assert [a.verdict for a in run("input 227x227x3\nconv 96 11x11 stride 4 -> params 3.49e4\n").answers] == [
        "right"]


@pytest.mark.parametrize("answer, verdict", [
    ("5x5x1", "right"), ("5x5", "right"),  # the lecture's "output is 5x5": the height and width
    ("5x5x2", "wrong"), ("4x5", "wrong"), ("25", "wrong")])
def test_shape_answers(answer: str, verdict: str) -> None:
    # (7 - 3)/1 + 1 = 5
    assert verdicts(f"input 7x7x1\nconv 1 3x3 -> {answer}\n")[0][2] == verdict


def test_doesnt_fit_answers_a_kernel_wider_than_its_input() -> None:
    # (5 - 7 + 2·0)/1 + 1 = -1: no 7x7 window fits a 5x5 input (was not checked, and its E031 failed the check)
    report = run("input 5x5x3\nc: conv 10 7x7 -> invalid\nd: conv 10 3x3 -> invalid\n")
    assert [(a.label, a.verdict) for a in report.answers] == [("c", "right"), ("d", "unchecked")]
    assert [d.code for d in report.diagnostics] == ["N048", "N046"]
    assert report.diagnostics[0].message == "c: (5 - 7 + 2·0)/1 + 1 = -1: the output would be empty, as the answer says"
    # padded to 7 it fits: (5 - 7 + 2·1)/1 + 1 = 1, an exact division; then a 7x7 pool on that 1x1 does not
    report = run("input 5x5x3\nc: conv 10 7x7 pad 1 -> invalid\np: maxpool 7x7 -> invalid\n")
    assert [(a.label, a.verdict) for a in report.answers] == [("c", "wrong"), ("p", "right")]
    assert [d.code for d in report.diagnostics] == ["E040", "N048"]
    exercise = cnncalc.analyze_text("Assume, input image is 5x5 filter is 7x7 stride is 1\noutput: doesnt fit\n",
                                    "hw.txt")
    assert [a.verdict for a in exercise.answers] == ["right"] and exercise.ok
    assert run("input 5x5x3\nc: conv 10 7x7 -> 2.33\n").answers[0].verdict == "unchecked"  # no division's value


def test_size_n_is_a_square_outputs_side_or_a_vectors_length() -> None:
    # the lecture's `Output size: (N - F)/stride + 1`: (32 - 5 + 2·2)/1 + 1 = 32 on both sides of 32x32x10
    assert verdicts("input 32x32x3\nc: conv 10 5x5 pad 2 -> size 32\nd: conv 10 5x5 pad 2 -> size 33\n") == [
        ("c", "output", "right", None), ("d", "output", "wrong", None)]
    assert verdicts("input 32x16x3\nc: conv 10 5x5 pad 2 -> size 16\n") == [  # 32 high, 16 wide: no one side
        ("c", "output", "wrong", "the output is not square: 32 high and 16 wide")]
    assert verdicts("input 8x8x3\nf: fc 10 -> size: 10\n") == [("f", "output", "right", None)]  # a vector
    assert verdicts("input 7x7x64\ng: globalavgpool -> size 64\n") == [("g", "output", "right", None)]  # 1x1x64
    assert verdicts("input 32x32x3\nc: conv 10 5x5 pad 2 -> 32\n")[0][2] == "wrong"  # without `size`: a vector


def test_a_tables_output_size_column_holds_sides() -> None:
    # (227 - 11)/4 + 1 = 55 and (55 - 3)/2 + 1 = 27: each was marked wrong, "one side of the volume"
    table = ("Input: 227x227x3\n\n| Layer | Description | Output size | Params |\n|---|---|---|---|\n"
             "| CONV1 | 96 11x11 filters at stride 4, pad 0 | 55 | 34,944 |\n"
             "| POOL1 | 3x3 max pool at stride 2 | {} | 0 |\n")
    report = cnncalc.analyze_text(table.format(27), "hw.txt")
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "output", "right"), ("conv1", "params", "right"), ("pool1", "output", "right"),
        ("pool1", "params", "right")]
    assert [a.verdict for a in cnncalc.analyze_text(table.format(26), "hw.txt").answers][2] == "wrong"
    vector = "Input: 4x4x16\n\n| Layer | Description | Output size |\n|---|---|---|\n| FC1 | 10 neurons | 10 |\n"
    assert [a.verdict for a in cnncalc.analyze_text(vector, "hw.txt").answers] == ["right"]  # a vector's length


def test_a_vector_answer_for_a_1x1_volume() -> None:
    # globalavgpool gives 1x1x64: `64` names the same 64 values.
    assert verdicts("input 7x7x64\nglobalavgpool -> 64\n")[0][2] == "right"


def test_answer_words_in_any_case_and_commas_between_answers() -> None:
    # (227 - 11)/4 + 1 = 55; (11·11·3 + 1)·96 = 34,944 ≈ 35K; 55·55·96·11·11·3 = 105,415,200 ≈ 105.4M
    assert verdicts("input 227x227x3\nc: conv 96 11x11 stride 4 -> 55x55x96, MACs 105.4M, Parameters 35K\n") == [
        ("c", "output", "right", None), ("c", "params", "right", None), ("c", "macs", "right", None)]
    assert verdicts("input 227x227x3\nc: conv 96 11x11 stride 4 -> WEIGHTS 34,849\n") == [
        ("c", "weights", "wrong", None)]
    r = run("input 227x227x3\nc: conv 96 11x11 stride 4 -> params 34944 Parameters 34944\n")
    assert [(d.code, d.message) for d in r.diagnostics] == [("E012", "`params` is given twice")]


def test_one_filters_parameters_and_weights() -> None:
    # a 5x5 filter on 3 channels: 5·5·3 = 75 weights and a bias, 76 parameters; the layer (5·5·3 + 1)·10 = 760
    conv = "input 32x32x3\nc: conv 10 5x5 pad 2 -> "
    assert verdicts(conv + "filter params 76 filter weights 75\n") == [
        ("c", "params per filter", "right", None), ("c", "weights per filter", "right", None)]
    assert verdicts(conv + "filter params 75, filter weights 76\n") == [
        ("c", "params per filter", "wrong", "that leaves out the filter's bias"),
        ("c", "weights per filter", "wrong", "that counts the bias too; weights leave it out")]
    assert verdicts(conv + "filter params 760\n") == [
        ("c", "params per filter", "wrong", "that is the whole layer's count, not one filter's (c has 10 filters)")]
    report = run(conv + "filter params 77\n")
    assert [(d.code, d.message, d.hint) for d in report.diagnostics] == [
        ("E041", "c: expected params per filter 77, computed 76", "each filter of c has 76 parameters")]
    assert report.answers[0].working == ("c: params per filter 5·5·3 + 1 = 76",)
    # 16 filters in 4 groups see 8/4 = 2 channels each: 3·3·2 + 1 = 19; depthwise: 3·3·1 + 1 = 10; no bias: 3·3·8 = 72
    for layer, answer in (("conv 16 3x3 groups 4", "filter params 19"), ("dwconv 3x3 multiplier 2", "filter params 10"),
                          ("conv 4 3x3 nobias", "filter params 72 filter weights 72")):
        assert {v[2] for v in verdicts(f"input 8x8x8\n{layer} -> {answer}\n")} == {"right"}, layer
    # a neuron of fc on a 4x4x16 volume: 4·4·16 = 256 weights and its bias
    assert verdicts("input 4x4x16\nf: fc 10 -> filter params 257\n") == [("f", "params per filter", "right", None)]


def test_one_filters_count_where_the_line_has_no_one_layer_with_filters() -> None:
    assert verdicts("input 8x8x3\np: maxpool 2x2 stride 2 -> filter params 0\n") == [
        ("p", "params per filter", "unchecked", "one filter's count is judged for conv, dwconv and fc layers, and the "
                                                "line has none")]
    assert verdicts("input 8x8x3\nd: deconv 4 2x2 stride 2 -> filter params 13\n")[0][2] == "unchecked"
    assert verdicts("input 8x8x3\nb: conv 4 3x3 ; conv 4 3x3 -> filter params 28\n") == [
        ("b", "params per filter", "unchecked", "the line has 2 layers with filters; answer each on a line of its own")]
    assert verdicts("input 8x8\nc: conv 4 3x3 -> filter params 28\n")[0][2] == "unchecked"  # no input to go on
    r = run("input 8x8x3\nc: conv 4 3x3 -> filter params 28 filter params 28\n")
    assert [(d.code, d.message) for d in r.diagnostics] == [("E012", "`filter params` is given twice")]


def test_one_filters_count_on_a_listings_line() -> None:
    # CONV1: 5·5·3 + 1 = 76 per filter; CONV2 on 10 channels: 5·5·10 = 250 weights per filter, (250 + 1)·10 = 2,510
    report = cnncalc.analyze_text("Input: 32x32x3\n[32x32x10] CONV1: 10 5x5 filters at stride 1, pad 2, 760 params "
                                  "(77 per filter)\n[32x32x10] CONV2: 10 5x5 filters at stride 1, pad 2 (2510 params, "
                                  "250 weights per filter)\n", "hw.txt")
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "output", "right"), ("conv1", "params", "right"), ("conv1", "params per filter", "wrong"),
        ("conv2", "output", "right"), ("conv2", "params", "right"), ("conv2", "weights per filter", "right")]
    assert [d.code for d in report.diagnostics] == ["E041"]


def test_a_listings_count_after_its_working_and_one_filters_count() -> None:
    # (11·11·3 + 1)·96 = 34,944; one filter 11·11·3 + 1 = 364
    listing = "Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0 -> 55x55x96"
    for tail, expected in (("; params = (11*11*3+1)*96 = 34,944", [("params", "right")]),  # was E060
                           ("; params = (11*11*3+1)*96 = 34,945", [("params", "wrong")]),
                           (", 364 params per filter", [("params per filter", "right")]),  # was E060
                           (", 363 weights per filter, 34,944 params", [("params", "right"),
                                                                        ("weights per filter", "right")])):
        report = cnncalc.analyze_text(listing + tail + "\n", "hw.txt")
        assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right"), *expected], tail
    each = cnncalc.analyze_text(listing + ", 34,944 params each\n", "hw.txt")  # per filter, or per layer of two?
    assert "E060" in [d.code for d in each.diagnostics] and all("filter" not in a.quantity for a in each.answers)


def test_one_filters_count_that_cannot_be_read_is_said_where() -> None:
    # columns counted by hand: `MACs` opens line 3; `76` is the 26th character of `Params: 760, MACs: 768K (76 …`
    stated = "Input volume: 32x32x3\n10 5x5 filters with stride 1, pad 2\n"
    macs = cnncalc.analyze_text(stated + "MACs per filter: 76800\n", "hw.txt")
    assert [(d.code, *macs.source.line_col(d.span.start), d.message) for d in macs.diagnostics] == [
        ("E060", 3, 1, "cnncalc judges one filter's parameters or weights, not its MACs")]
    aside = cnncalc.analyze_text(stated + "Params: 760, MACs: 768K (76 per filter)\n", "hw.txt")
    assert [(d.code, *aside.source.line_col(d.span.start), d.message) for d in aside.diagnostics] == [
        ("E060", 3, 26, "cnncalc does not understand `76 per filter` as one filter's count")]
    twice = run("input 8x8x3\nc: conv 4 3x3 -> filter params 28 filter params 28\n")  # the second at column 35
    assert [(d.code, *twice.source.line_col(d.span.start)) for d in twice.diagnostics] == [("E012", 2, 35)]


def test_one_filters_count_converts_and_reads_back(tmp_path: Path) -> None:
    lecture = tmp_path / "hw.txt"
    lecture.write_text("Input volume: 32x32x3\n10 5x5 filters with stride 1, pad 2\n"
                       "Number of parameters: 76 per filter, 760 total\nWeights per filter: 74\n")
    result = CliRunner().invoke(cli, ["convert", str(lecture)])
    assert result.exit_code == 0 and "-> params 760 filter params 76 filter weights 74" in result.stdout
    lecture.write_text("Input volume: 32x32x3\n10 5x5 filters with stride 1, pad 2\nOutput size: 32\n")
    converted = CliRunner().invoke(cli, ["convert", str(lecture)]).stdout
    assert "-> size 32" in converted and cnncalc.analyze_text(converted).answers[0].verdict == "right"
    again = cnncalc.analyze_text(result.stdout)
    assert [(a.quantity, a.verdict) for a in again.answers] == [
        ("params", "right"), ("params per filter", "right"), ("weights per filter", "wrong")]  # 5·5·3 = 75


def test_digits_grouped_with_a_space_are_an_error_not_two_wrong_answers() -> None:
    # (11·11·3 + 1)·96 = 34,944: read as `params 34` and a vector answer `944`, both would be wrong
    r = run("input 227x227x3\nconv1: conv 96 11x11 stride 4 -> params 34 944\n")
    assert [(d.code, d.message) for d in r.diagnostics] == [("E013", "`34 944`: a space does not group digits")]
    assert r.answers == ()
    # a count of 0 and a vector answer stay two answers: 0 parameters, 7·7·512 pooled to 1x1x512
    assert verdicts("input 7x7x512\ngap: globalavgpool -> params 0 512\n") == [
        ("gap", "output", "right", None), ("gap", "params", "right", None)]


@pytest.mark.parametrize("answer, verdict", [
    ("55x55x96", "right"), ("55X55X96", "right"), ("55×55×96", "right"),  # typed, or pasted from slides
    ("55×55×95", "wrong"), ("55X55", "right"), ("54X55", "wrong"),
    ("55 x 55 x 96", "right"), ("55 X 55 X 96", "right"), ("55 x 55", "right"),  # with spaces, as the lecture's
    ("55 x 55 x 95", "wrong"), ("54 x 55", "wrong")])  # notation reads them too
def test_sizes_written_with_a_capital_x_or_a_times_sign(answer: str, verdict: str) -> None:
    # (227 - 11)/4 + 1 = 55; the kernel and the input take the same forms
    assert verdicts(f"input 227×227×3\nconv1: conv 96 11X11 stride 4 -> {answer}\n") == [
        ("conv1", "output", verdict, None)]


def test_a_shape_written_with_spaces_keeps_its_place_and_the_answers_after_it() -> None:
    # (227 - 11)/4 + 1 = 55 and (11·11·3 + 1)·96 = 34,944; the output of fc 10 is 10 values
    r = run("input 227x227x3\nconv1: conv 96 11x11 stride 4 -> 55 x 55 x 95 params 34944\nfc 10\n"
            "expect output 10 x 1\n")
    assert [(a.quantity, a.expected, a.verdict) for a in r.answers] == [
        ("output", "55x55x95", "wrong"), ("params", "34944", "right"), ("network output", "10x1", "right")]
    wrong = next(d for d in r.diagnostics if d.code == "E040")
    assert (wrong.line, wrong.column) == (2, 34)  # at the first size
    # the shape may be named (`output`, `shape`, `size`, with `=` or `:`); a word before no shape is E002
    assert verdicts("input 227x227x3\nc: conv 96 11x11 stride 4 -> Output = 55 x 55 x 95, params: 34944\n") == [
        ("c", "output", "wrong", None), ("c", "params", "right", None)]
    assert verdicts("input 227x227x3\nc: conv 96 11x11 stride 4 -> shape: 55x55x96\n") == [
        ("c", "output", "right", None)]
    assert errors(run("input 227x227x3\nc: conv 96 11x11 stride 4 -> output params 5\n"))[0][0] == "E002"
    # FLOPs are counted two ways: not judged, and the error says to answer MACs
    [flops] = [d for d in run("input 227x227x3\nc: conv 96 11x11 stride 4 -> 55x55x96 flops 210.8M\n").diagnostics
               if d.severity == "error"]
    assert (flops.code, flops.column) == ("E002", 39) and "`macs N`" in str(flops.hint)
    # the number of values of the volume for its shape: wrong, and said so (55·55·96 = 290,400)
    assert verdicts("input 227x227x3\nc: conv 96 11x11 stride 4 -> 290400\n") == [
        ("c", "output", "wrong", "that is the number of values in the volume (55·55·96), not its shape")]
    # `55 x` with no size after the `x` is not a shape
    assert errors(run("input 227x227x3\nconv1: conv 96 11x11 stride 4 -> 55 x\n"))[0][0] == "E002"


@pytest.mark.parametrize("answer, verdict", [
    ("10", "right"), ("1x1x10", "right"),  # the CS231n notes: the class scores are "[1x1x10]"
    ("10x1", "right"), ("1x10", "right"),  # the lecture: "stretch to 3072 x 1"
    ("1x1x11", "wrong"), ("11x1", "wrong"), ("2x5", "wrong"), ("10x1x1", "wrong"), ("1x10x1", "wrong")])
def test_a_vector_written_as_a_volume_or_a_column(answer: str, verdict: str) -> None:
    # fc 10 gives a vector of 10 values, whatever its input
    assert verdicts(f"input 6x6x4\nfc 10 -> {answer}\n")[0][2] == verdict
    # flatten: 32·32·3 = 3072
    flat = answer.replace("10", "3072").replace("11", "3073")
    assert verdicts(f"input 32x32x3\nflatten -> {flat}\n")[0][2] == verdict


def test_rounded_answers_say_what_the_value_rounds_to() -> None:
    r = run("input 13x13x256\nconv3: conv 384 3x3 pad 1 -> macs 149M\n")
    assert r.diagnostics[0].message == ("conv3: expected macs 149M, computed 149,520,384; 149,520,384 rounds to "
                                        "150M at the precision written, not 149M")
    assert verdicts("input 13x13x256\nconv3: conv 384 3x3 pad 1 -> macs 150M params 0.9M\n") == [
        ("conv3", "params", "right", None), ("conv3", "macs", "right", None)]


@pytest.mark.parametrize("answer, verdict, reason", [
    # (11·11·3 + 1)·96 = 34,944. Scientific notation is rounded at the mantissa's last digit, as `35K` is.
    ("3.5e4", "right", None), ("3e4", "right", None), ("3.49e4", "right", None), ("0.035e6", "right", None),
    ("3.4944e4", "right", None), ("34944e0", "right", None),
    ("3.4e4", "wrong", "34,944 rounds to 3.5e4 at the precision written, not 3.4e4"),
    ("2e4", "wrong", "34,944 rounds to 3e4 at the precision written, not 2e4"),
    ("3.4943e4", "wrong", None),  # as many digits as the value has: exact
    ("3.49e1K", "right", None)])
def test_answers_in_scientific_notation(answer: str, verdict: str, reason: str | None) -> None:
    [(_, _, got, why)] = verdicts(f"input 227x227x3\nconv1: conv 96 11x11 stride 4 -> params {answer}\n")
    assert (got, why) == (verdict, reason)


def test_budgets_in_scientific_notation_are_whole_amounts() -> None:
    # 1e6 as a budget is 1,000,000 exactly: 34,944 parameters pass, 1,000,001 would not.
    report = run("input 227x227x3\nconv1: conv 96 11x11 stride 4\nexpect total params <= 1e6\n"
                 "expect total params <= 3.4e4\n")
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E043", 4)]  # over budget


@pytest.mark.parametrize("text, slip", [
    # (5·5·3)·10 = 750 without the ten biases; with them 760.
    ("input 32x32x3\nconv 10 5x5 pad 2 -> params 750", "that is the count without the 10 biases"),
    # bn on 16 channels: 32 learnable, 32 running statistics; 64 counts both.
    ("input 4x4x16\nbn -> params 64", "that counts the 32 running statistics too; they are not learnable"),
    # 6·6·2·9 = 648 MACs; 2·648 = 1,296 is FLOPs.
    ("input 8x8x1\nconv 2 3x3 -> macs 1296", "that is FLOPs (2·MACs); MACs count each multiply-accumulate once"),
    # 648 + 6·6·2 = 720 counts the bias additions.
    ("input 8x8x1\nconv 2 3x3 -> macs 720", "that counts the 72 bias additions too; MACs leave biases out"),
    # The same slips rounded, at the precision written: 55·55·96·11·11·3 = 105,415,200 MACs, 2x = 210,830,400;
    # (11·11·3)·96 = 34,848 without the 96 biases is 34.8K (34,944 is 34.9K).
    ("input 227x227x3\nconv 96 11x11 stride 4 -> macs 211M",
     "that is FLOPs (2·MACs); MACs count each multiply-accumulate once"),
    ("input 227x227x3\nconv 96 11x11 stride 4 -> params 34.8K", "that is the count without the 96 biases"),
    # 105,415,200 + 55·55·96 = 105,705,600 with the bias additions: 105.7M (105.4M without)
    ("input 227x227x3\nconv 96 11x11 stride 4 -> macs 105.7M",
     "that counts the 290,400 bias additions too; MACs leave biases out"),
    # a rounded answer that is no slip: what the value rounds to
    ("input 227x227x3\nconv 96 11x11 stride 4 -> macs 106M", "105,415,200 rounds to 105M at the precision written, "
                                                            "not 106M"),
    # (5·5·3 + 1)·10 = 760; without the input's depth 3, (5·5 + 1)·10 = 260 (and 250 weights for 750)
    ("input 32x32x3\nconv 10 5x5 pad 2 -> params 260",
     "that leaves out the input's depth, 3: each filter has 25·3 = 75 weights"),
    ("input 32x32x3\nconv 10 5x5 pad 2 -> weights 250",
     "that leaves out the input's depth, 3: each filter has 25·3 = 75 weights"),
    # fc 10 on 16x16x3: (16·16·3 + 1)·10 = 7,690; (16·16 + 1)·10 = 2,570 leaves out the depth
    ("input 16x16x3\nfc 10 -> params 2570",
     "that leaves out the input's depth, 3: each neuron has 256·3 = 768 weights"),
    # (227 - 11)/4 + 1 = 55: 55x55x96, written as PyTorch's torch.Size([96, 55, 55]) orders it.
    ("input 227x227x3\nconv 96 11x11 stride 4 -> 96x55x55",
     "that is the volume channels first, as PyTorch prints sizes; cnncalc writes height x width x channels"),
])
def test_common_slips_are_named(text: str, slip: str) -> None:
    answer = run(text).answers[0]
    assert (answer.verdict, answer.reason) == ("wrong", slip)


@pytest.mark.parametrize("text, slip", [
    # (32 - 5 + 2·2)/1 + 1 = 32; without the padding (32 - 5)/1 + 1 = 28
    ("input 32x32x3\nconv 10 5x5 pad 2 -> 28x28x10", "that leaves out the padding: (32 - 5)/1 + 1 = 28"),
    # (32 - 5 + 2·2)/1 + 1 = 32; with the padding on one side only (32 - 5 + 2)/1 + 1 = 30
    ("input 32x32x3\nconv 10 5x5 pad 2 -> 30x30x10", "that pads one side only: (32 - 5 + 2)/1 + 1 = 30"),
    # (64 - 2)/2 + 1 = 32; without the + 1, 31
    ("input 64x64x32\nmaxpool 2x2 stride 2 -> 31x31x32", "that leaves out the + 1: (64 - 2 + 2·0)/2 = 31"),
    # (227 - 11)/4 + 1 = 55; without the stride 227 - 11 + 1 = 217
    ("input 227x227x3\nconv 96 11x11 stride 4 -> 217x217x96", "that leaves out the stride: 227 - 11 + 2·0 + 1 = 217"),
    # the height and width each worked out: (32 - 3)/1 + 1 = 30, (16 - 3)/1 + 1 = 14 without the padding
    ("input 32x16x3\nconv 4 3x3 pad 1 -> 30x14x4",
     "that leaves out the padding: (32 - 3)/1 + 1 = 30 and (16 - 3)/1 + 1 = 14"),
    # an answer of height and width alone, and a layer with an activation on its line: (28 - 5)/1 + 1 = 24
    ("input 28x28x1\nconv 6 5x5 pad 2 ; relu -> 24x24", "that leaves out the padding: (28 - 5)/1 + 1 = 24"),
    # conv 8 on 16 channels: 8 maps out, not 16
    ("input 4x4x16\nconv 8 3x3 pad 1 -> 4x4x16",
     "that is the input's depth; a convolution's output has one map per filter (8)"),
])
def test_the_formula_term_left_out_of_an_output_is_named(text: str, slip: str) -> None:
    answer = run(text).answers[0]
    assert (answer.verdict, answer.reason) == ("wrong", slip)


@pytest.mark.parametrize("text", [
    # 29 is no term left out of (32 - 5 + 2·2)/1 + 1 = 32: without the padding 28, without the + 1 31
    "input 32x32x3\nconv 10 5x5 pad 2 -> 29x29x10",
    # the right sides with a depth that is neither the filters' nor the input's
    "input 32x32x3\nconv 10 5x5 pad 2 -> 32x32x7",
    # a pool keeps the depth: 16x16x3 for 16x16x10 names no slip of the formula
    "input 32x32x10\nmaxpool 2x2 stride 2 -> 16x16x3",
    # (8 - 3)/1 + 1 = 6; 7 would be 8 - 3 + 1 + 1: at stride 1 there is no stride to leave out, no padding either
    "input 8x8x1\nconv 1 3x3 -> 7x7x1",
    # `pad same` has no written padding to leave out
    "input 32x32x3\nconv 4 5x5 pad same -> 28x28x4",
])
def test_a_wrong_output_that_is_no_such_slip_names_none(text: str) -> None:
    answer = run(text).answers[0]
    assert (answer.verdict, answer.reason) == ("wrong", None)


def test_a_depthwise_count_is_not_taken_for_the_input_depth_left_out() -> None:
    # dwconv 3x3 with multiplier 3 on 3 channels: 9 filters of 3·3 weights (81) and 9 biases, 90; 36 = 81/3 + 9
    # matches the depth slip's arithmetic, but a depthwise filter sees one channel: no depth was left out
    answer = run("input 8x8x3\ndwconv 3x3 multiplier 3 -> params 36").answers[0]
    assert (answer.verdict, answer.reason) == ("wrong", None)


def test_a_total_with_the_running_statistics_is_named() -> None:
    # conv 8 3x3 on 3 channels: (3·3·3 + 1)·8 = 224 learnable; its batch norm 2·8 = 16 more, and 16 running
    # statistics: 240 learnable, 256 as Keras' Total params counts
    r = run("input 8x8x3\nconv 8 3x3 ; bn\nexpect total params 256\nexpect total params 240\n")
    assert [(a.verdict, a.reason) for a in r.answers] == [
        ("wrong", "that counts the 16 running statistics too (the table's Total params, as Keras counts); `expect "
                  "total params` is the learnable count, the table's Trainable params"), ("right", None)]


def test_a_total_of_flops_for_macs_is_named() -> None:
    # 55·55·96·11·11·3 = 105,415,200 MACs; FLOPs are twice that, 210,830,400 (211M)
    r = run("input 227x227x3\nconv 96 11x11 stride 4\nexpect total macs 211M\n")
    assert [(a.verdict, a.reason) for a in r.answers] == [
        ("wrong", "that is FLOPs (2·MACs); MACs count each multiply-accumulate once")]


@pytest.mark.parametrize(("line", "diagnostic", "verdict"), [
    # 32x32x3 through ten 5x5 filters, pad 2: 32·32·10·5·5·3 = 768,000 MACs
    ("MAC count: 768000", None, "right"),
    ("MAC count 768,001", "E042", "wrong"),
    # `operations` are FLOPs in some sources and MACs in others (GoogLeNet's table): never judged, never prose
    ("Operations: 768K", "E060", None),
    ("Ops = 1.5M", "E060", None),
    ("Operations: the work the layer does", "N060", None),  # a definition
])
def test_a_mac_count_and_operations_in_the_lectures_notation(line: str, diagnostic: str | None,
                                                              verdict: str | None) -> None:
    report = homework(f"Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n{line}\n")
    assert [d.code for d in report.diagnostics] == ([diagnostic] if diagnostic else [])
    assert [a.verdict for a in report.answers] == ([verdict] if verdict else [])


def test_the_line_label_is_blamed() -> None:
    r = run("input 32x32x1\nc1: conv 6 5x5 ; tanh -> params 150\n")
    assert r.diagnostics[0].message.startswith("c1: expected params 150, computed 156")
    assert r.answers[0].label == "c1"


def test_filter_depth_written_with_the_kernel() -> None:
    assert run("input 5x5x3\nconv 2 3x3x3 stride 2 pad 1 -> 3x3x2\n").ok
    r = run("input 5x5x3\nconv 2 3x3x4 -> params 56\n")
    assert [e[0] for e in errors(r)] == ["E016"]
    assert r.diagnostics[0].message == "conv1: the filters are 4 deep but the input is 3 deep"


# ---- not checked, with the reason ------------------------------------------------------------

@pytest.mark.parametrize("text, code", [
    # 10 filters in 3 groups: PyTorch refuses the layer; (5·5·1 + 1)·10 = 260 is no layer's count
    ("input 32x32x3\nconv 10 5x5 pad 2 groups 3 -> params 260\n", "E033"),
    # 3x3x4 filters on a 3-deep input: (3·3·3 + 1)·2 = 56 or (3·3·4 + 1)·2 = 74, which is not said
    ("input 5x5x3\nconv 2 3x3x4 -> params 56\n", "E016"),
    # written for 4 input channels (PyTorch's Conv2d(4, 8, 3): (3·3·4 + 1)·8 = 296) but given 3 ((3·3·3 + 1)·8 = 224)
    ("input 8x8x3\nconv 8 3x3 inputs 4 -> params 224\n", "E017"),
    ("input 8x8x3\nconv 8 3x3 inputs 4 -> params 296\n", "E017"),
    # 6 channels in 4 groups: PyTorch's GroupNorm refuses them
    ("input 8x8x6\ngroupnorm 4 -> params 12\n", "E033"),
])
def test_the_counts_of_a_layer_that_cannot_be_built_are_not_checked(text: str, code: str) -> None:
    # they were judged, right or wrong, on channels the layer as written does not have
    report = run(text + "expect total params 1\n")
    assert [e[0] for e in errors(report)] == [code]
    assert [(a.verdict, a.reason) for a in report.answers] == [
        ("unchecked", "it rests on the error at line 2"), ("unchecked", "it rests on the error at line 2")]

def test_totals_are_judged_after_a_wrong_line_answer() -> None:
    # conv 4 3x3 on 8x8x3: 6x6x4, (27 + 1)·4 = 112 params.
    assert verdicts("input 8x8x3\nconv 4 3x3 -> 6x6x5\nexpect total params 112\n") == [
        ("conv1", "output", "wrong", None), ("", "total params", "right", None)]


def test_unknown_totals_are_question_marks_and_null() -> None:
    text = "input 4x4x1\nconv 8 5x5\nfc 10\nexpect total params 100\n"
    r = run(text)
    assert r.totals.params is None and r.totals.macs is None
    assert verdicts(text) == [("", "total params", "unchecked", "it rests on the error at line 2")]
    table = invoke("-", input=text).stdout
    assert "Total params                 ?" in table
    doc = json.loads(invoke("-", "--format", "json", input=text).stdout)["networks"][0]
    assert doc["totals"]["params"] is None and doc["layers"][1]["params"] is None


def test_answers_after_an_unreadable_lecture_line_are_not_checked() -> None:
    text = "[227x227x3] INPUT\n[55x55x96] CONV1: ninety-six filters\n[27x27x96] POOL1: 3x3 filters at stride 2\n"
    r = run(text)
    assert [(a.label, a.verdict) for a in r.answers] == [("conv1", "unchecked"), ("pool1", "unchecked")]
    assert r.answers[1].reason == "it rests on line 2, which could not be read"


# ---- the lecture's notation, read completely ---------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0", "conv 96 11x11 stride 4"),
    ("[55x55x96] CONV1: 96 11x11x3 filters applied at stride 4", "conv 96 11x11 stride 4 depth 3"),
    ("[55 x 55 x 96] Conv1: 96 filters of size 11x11 with stride 4 and zero padding 0", "conv 96 11x11 stride 4"),
    ("[56x56x96] CONV1: 96 11x11 filters at stride 4, padding 2", "conv 96 11x11 stride 4 pad 2"),  # 220/4 + 1
    ("[104x104x96] CONV1: 96 11x11 filters at stride 2, pad 0, dilation 2",  # (227 - 21)/2 + 1
     "conv 96 11x11 stride 2 dilation 2"),
    ("[113x113x3] MAX POOL1: 3x3 filters at stride 2", "maxpool 3x3 stride 2"),
    ("[113x113x3] AVG POOL1: 3x3 filters at stride 2", "avgpool 3x3 stride 2"),
    ("[227x227x3] NORM1: Normalization layer", "lrn"),
    ("[4096] FC6: 4096 neurons", "fc 4096"),
    ("[1000] FC8: 1000 neurons (class scores)", "fc 1000"),
    ("[227x227x3] RELU1: ReLU", "relu"),
])
def test_lecture_forms(line: str, expected: str) -> None:
    r = run(f"[227x227x3] INPUT\n{line}\n")
    assert r.ok, [(d.code, d.message) for d in r.diagnostics]
    assert r.rows[0].op == expected
    assert all(a.verdict == "right" for a in r.answers)


def test_lecture_answers_after_the_layer() -> None:
    # 10 5x5x3 filters: (75 + 1)·10 = 760 params; 32·32·10·75 = 768,000 MACs.
    r = run("[32x32x3] INPUT\n[32x32x10] CONV1: 10 5x5 filters at stride 1, pad 2 (760 params) -> macs 768K\n")
    assert [(a.quantity, a.verdict) for a in r.answers] == [("output", "right"), ("params", "right"),
                                                            ("macs", "right")]


@pytest.mark.parametrize("answers, verdicts", [
    # (5·5·3 + 1)·10 = 760 params; 32·32·10·75 = 768,000 MACs
    (", 761 params", [("output", "right"), ("params", "wrong")]),
    (" params: 761", [("output", "right"), ("params", "wrong")]),  # was read as `params 0`, from `pad 0`
    (" [760 params], 768K MACs", [("output", "right"), ("params", "right"), ("macs", "right")]),
    (", params 760, macs = 769K", [("output", "right"), ("params", "right"), ("macs", "wrong")]),
])
def test_lecture_counts_written_on_the_line_as_people_write_them(answers: str, verdicts: list[tuple[str, str]]
                                                                 ) -> None:
    r = run(f"[32x32x3] INPUT\n[32x32x10] CONV1: 10 5x5 filters at stride 1 pad 2{answers}\n")
    assert [(a.quantity, a.verdict) for a in r.answers] == verdicts
    assert [d.code for d in r.diagnostics if d.severity == "error"] == [
        "E041" if v == "wrong" and q == "params" else "E042" for q, v in verdicts if v == "wrong"]


def test_a_count_on_a_line_that_cannot_be_read_is_kept_as_written() -> None:
    r = run("[32x32x3] INPUT\n[32x32x10] CONV1: 10 5x5 filters at stride 1 pad 0 params: 761 bogus\n")
    assert [(a.quantity, a.expected, a.verdict) for a in r.answers] == [
        ("output", "32x32x10", "unchecked"), ("params", "761", "unchecked")]  # not `params 0` (the pad's 0)


@pytest.mark.parametrize("line, part", [
    ("[32x32x10] CONV1: 10 5x5 filters at stride 1, pad 2 with bias", "with bias"),
    ("[32x32x10] CONV1: 10 5x5 filters at stride 1, pad 2, then relu", "then relu"),
    ("[32x32x10] CONV1: 10 5x5 filters (760 params or so)", "(760 params or so)"),
])
def test_every_unread_part_is_named(line: str, part: str) -> None:
    text = f"[32x32x3] INPUT\n{line}\n"
    r = run(text)
    [e060] = [d for d in r.diagnostics if d.code == "E060"]
    assert text[e060.span.start:e060.span.end] == part


def test_prose_lines_are_skipped_with_a_note_and_detection_reads_the_whole_file() -> None:
    text = "Full AlexNet architecture:\nInput: 227x227x3 images\n[227x227x3] INPUT\n[55x55x96] CONV1: 96 11x11 " \
           "filters at stride 4, pad 0\n"
    r = run(text)
    assert r.ok and [d.code for d in r.diagnostics] == ["N060"]
    assert r.answers[0].verdict == "right"


def test_detection_reads_a_files_start_in_whole_lines() -> None:
    # The notation shows in the first 64K characters; what follows them is not read to decide it.
    listing = "[227x227x3] INPUT\n[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0\n"
    assert detect(listing * 800 + "input 8x8x3\nrelu\n" * 20_000, "a.txt") == "lecture"
    assert detect("input 8x8x3\n" + "relu -> 8x8x3\n" * 20_000 + listing * 100, "a.txt") == "spec"
    # ... in whole lines: a table's header row of 100,000 columns (800 KB) is still a table's row.
    assert detect("| Layer | Output | " + "FLOPs | " * 100_000 + "\n|---|---|\n", "a.txt") == "lecture"


def test_each_input_line_starts_a_network() -> None:
    reports = cnncalc.analyze_all(ANSWERS / "heading.txt")
    assert len(reports) == 1
    text = "[7x7x1] INPUT\n[5x5x1] CONV1: 1 3x3 filters\n[7x7x1] INPUT\n[3x3x1] CONV1: 1 3x3 filters at stride 2\n"
    from cnncalc.analysis import run as run_all
    assert [a.report.answers[0].verdict for a in run_all(text, "sheet.txt")] == ["right", "right"]


# ---- titles and several networks ------------------------------------------------------------

def test_free_text_titles() -> None:
    r = run("network ResNeXt-50 32x4d (torchvision) # a comment\ninput 8x8x3\nrelu\n")
    assert r.ok and r.network == "ResNeXt-50 32x4d (torchvision)"
    r = run("network: relu\ninput 8x8x3\n")  # a layer named `network`, not a title
    assert r.network is None


def test_several_networks_share_blocks(tmp_path: Path) -> None:
    path = tmp_path / "sheet.spec"
    path.write_text("block unit(c) { conv c 3x3 pad 1 ; relu }\nnetwork A\ninput 8x8x3\nunit(4) -> 8x8x4\n"
                    "network B\ninput 4x4x2\nunit(6) -> params 114\n")
    a, b = cnncalc.analyze_all(path)
    assert (a.network, b.network) == ("A", "B")
    # (9·3 + 1)·4 = 112 and (9·2 + 1)·6 = 114.
    assert a.totals.params == 112 and b.totals.params == 114 and a.ok and b.ok
    with pytest.raises(ValueError, match="holds 2 networks"):
        cnncalc.analyze(path)
    result = invoke("check", str(path), "--format", "junit")
    suites = ET.fromstring(result.stdout.split("\n", 1)[1]).findall("testsuite")
    assert [s.get("name") for s in suites] == [f"{path}: A", f"{path}: B"]


# ---- what check counts, shows and writes ----------------------------------------------------

def test_json_expectations_carry_every_answer() -> None:
    doc = json.loads(invoke("check", str(ANSWERS / "stride.spec"), "--format", "json").stdout)
    answers = doc["networks"][0]["expectations"]
    assert [(a["line"], a["label"], a["quantity"], a["verdict"]) for a in answers] == [
        (2, "conv1", "output", "unchecked"), (2, "conv1", "params", "right"), (3, "conv2", "params", "wrong")]
    assert set(answers[0]) >= {"line", "column", "label", "quantity", "expected", "actual", "verdict", "reason"}
    assert answers[0]["reason"] == "it rests on the invalid stride at line 2"
    assert doc["summary"] == {"files": 1, "networks": 1, "problems": 3, "answers": 3, "right": 1, "wrong": 1,
                              "unchecked": 1}


def test_junit_has_a_case_per_answer_skipped_when_not_checked() -> None:
    xml = invoke("check", str(ANSWERS / "stride.spec"), "--format", "junit").stdout
    suite = ET.fromstring(xml.split("\n", 1)[1]).find("testsuite")
    assert suite is not None
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    skipped = cases["line 2: conv1 output = 54x54x96"].find("skipped")
    assert skipped is not None and skipped.get("message") == "not checked: it rests on the invalid stride at line 2"
    assert cases["line 3: conv2 params = 614400"].find("failure") is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("4", "2", "1")


def test_select_and_ignore_take_codes_and_prefixes() -> None:
    path = str(ANSWERS / "stride.spec")
    assert invoke("check", path, "--select", "E04").stdout.count("error[") == 1
    assert invoke("check", path, "--ignore", "E03").stdout.count("error[E030]") == 0
    only_slips = invoke("check", path, "--ignore", "E03", "--ignore", "E04")
    assert only_slips.exit_code == 0  # nothing left that fails
    assert invoke("check", path, "--select", "X9").exit_code == 2


def test_declared_rounding_is_not_a_problem_even_in_strict_mode() -> None:
    text = "input 224x224x3\nrounding floor\nconv 64 7x7 stride 2 pad 3\n"
    assert invoke("check", "-", "--strict", input=text).exit_code == 0
    github = invoke("check", "-", "--format", "github", input=text).stdout
    assert "::notice" not in github
    assert "::notice" in invoke("check", "-", "--format", "github", "--show-notes", input=text).stdout


def test_output_file_never_overwrites_and_keeps_the_summary_on_the_terminal(tmp_path: Path) -> None:
    out = tmp_path / "grades.xml"
    result = invoke("check", str(ANSWERS / "label.spec"), "--format", "junit", "--output-file", str(out))
    assert result.exit_code == 1 and result.stdout.startswith("1 spec, 1 problem in 1 file")
    assert ET.fromstring(out.read_text().split("\n", 1)[1]).tag == "testsuites"
    again = invoke("check", str(ANSWERS / "label.spec"), "--output-file", str(out))
    assert again.exit_code == 2 and "exists" in again.stderr
    assert invoke("check", str(ANSWERS / "label.spec"), "--output-file", str(out), "--force").exit_code == 1


def test_check_finds_lecture_homework_and_names_what_it_skips(tmp_path: Path) -> None:
    (tmp_path / "alice.txt").write_text((ANSWERS / "params750.txt").read_text())
    (tmp_path / "bob.spec").write_text("input 8x8x3\nconv 4 3x3 -> 6x6x4\n")
    (tmp_path / "notes.txt").write_text("remember to submit\n")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    result = invoke("check", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "2 specs, 1 problem in 1 file; 3 answers: 2 right, 1 wrong"
    assert "skipped 2 files that are not a network" in result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    missing = invoke("check", str(empty))
    assert missing.exit_code == 2 and "no networks found" in missing.stderr


def test_diagnostics_come_in_line_order() -> None:
    r = run("input 8x8x3\nblock b() { relu }\nmaxpol 2\nconv 4 3x3 strde 2\nconv 4 3x3 -> 9x9x9\n")
    lines = [r.source.line_col(d.span.start)[0] for d in r.diagnostics]
    assert lines == sorted(lines)


# ---- the lecture's worked examples ---------------------------------------------------------------

WORKED = """Input volume: 32x32x3
10 different 5x5 filters with stride 1, pad 2
Output volume size:
(32+2*2-5)/1+1 = 32 spatially,
so 32x32x10
Number of parameters in this layer: each filter has 5*5*3 + 1 = 76 params (+1 for bias) so 76*10 = {params}

Input: 227x227x3 images
First layer (CONV1): 96 11x11x3 filters applied at stride 4
Output = 55 = (227-11)/4+1 = (N-F)/stride+1
Output volume = [{conv1}]
Number of parameters in this layer = (11*11*3+1)*96 = 35K
Input: 227x227x3 images
After CONV1: 55x55x96
Second layer (POOL1): 3x3 filters applied at stride 2
Output volume = [27x27x96]
The number of parameters in this layer = 0
"""


def test_the_lectures_worked_examples_are_read_and_judged(tmp_path: Path) -> None:
    # The lecture's own arithmetic: (32 + 2·2 - 5)/1 + 1 = 32 and (5·5·3 + 1)·10 = 760;
    # (227 - 11)/4 + 1 = 55, (11·11·3 + 1)·96 = 34,944 ≈ 35K; (55 - 3)/2 + 1 = 27, a pool has no parameters.
    path = tmp_path / "worked.txt"
    path.write_text(WORKED.format(params=760, conv1="55x55x96"))
    reports = cnncalc.analyze_all(path)  # detected as the lecture's notation from its content
    assert [r.input.dims for r in reports] == [(32, 32, 3), (227, 227, 3)]  # a restated input continues
    assert [[(a.label, a.quantity, a.verdict) for a in r.answers] for r in reports] == [
        [("conv1", "output", "right"), ("conv1", "params", "right")],
        [("conv1", "output", "right"), ("conv1", "params", "right"), ("pool1", "output", "right"),
         ("pool1", "params", "right")]]
    text = WORKED.format(params=750, conv1="54x54x96")
    path.write_text(text)
    result = invoke("check", str(path))
    assert result.exit_code == 1
    column = text.splitlines()[5].rindex("750") + 1  # the caret under the answer, the last number on its line
    # its working, 76·10, gives 760: the slip is that step's arithmetic, not the biases left out (which 750 would be)
    assert f"{path}:6:{column}: error[E041]: conv1: expected params 750, computed 760; its working gives 760: the " \
           f"arithmetic of its last step slipped" in result.output
    row = next(i for i, line in enumerate(text.splitlines()) if "54x54x96" in line)
    column = text.splitlines()[row].index("54x54x96") + 1
    assert f"{path}:{row + 1}:{column}: error[E040]: conv1: expected 54x54x96, computed 55x55x96" in result.output
    # the lecture's `After CONV1: 55x55x96` now says otherwise than the answer above it: E060 too
    assert "error[E060]: `55x55x96` answers again what was answered `54x54x96` above" in result.output
    # the summary says what was skipped as prose (the working `(32+2*2-5)/1+1 = 32 spatially,`, `Output = 55 = …`)
    assert result.output.splitlines()[-1] == ("1 spec (2 networks), 3 problems in 1 file; 6 answers: 4 right, 2 wrong; "
                                              "2 passages skipped as prose (`--show-notes` lists them)")
    shown = invoke("check", str(path), "--show-notes")
    assert shown.output.splitlines()[-1] == "1 spec (2 networks), 3 problems in 1 file; 6 answers: 4 right, 2 wrong"


@pytest.mark.parametrize("answers, verdicts", [
    # (227 - 11)/4 + 1 = 55 with 96 filters: 55x55x96; one output unit sees an 11x11 patch of the input
    ("-> rf 11", [("receptive field", "right")]),
    (", RF: 11x11 pixels", [("receptive field", "right")]),
    ("-> params 34944 receptive field = 12", [("params", "right"), ("receptive field", "wrong")]),
    ("-> depth 96 height 55", [("height", "right"), ("depth", "right")]),
    ("=> width: 54", [("width", "wrong")]),
])
def test_a_bracketed_line_answers_its_receptive_field_and_sides(answers: str, verdicts: list[tuple[str, str]]) -> None:
    # `-> rf 11`, `-> depth 96` were E060: the answers not checked
    report = homework(f"[227x227x3] INPUT\nCONV1: 96 11x11 filters at stride 4, pad 0 {answers}\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == verdicts
    assert not [d for d in report.diagnostics if d.code == "E060"]


@pytest.mark.parametrize("answers, bad, message", [
    ("-> rf 11 rf 11", "11", "the receptive field is given twice"),
    ("-> rf 11x11x3", "11x11x3", "`11x11x3` is not a receptive field"),
    ("-> rf 0", "0", "`0` is not a receptive field"),
    ("-> rf 99999999999999999999", "99999999999999999999", "`99999999999999999999` is not a receptive field"),
    ("-> depth 0", "0", "`0` is not a size"),
    ("-> depth 1e999", "1e999", "`1e999` is not a size"),
    ("-> height 3x3", "3x3", "`3x3` is not a size"),
])
def test_a_bracketed_lines_receptive_field_or_side_that_cannot_be_one_is_e060(answers: str, bad: str,
                                                                            message: str) -> None:
    line = f"CONV1: 96 11x11 filters at stride 4, pad 0 {answers}"
    report = homework(f"[227x227x3] INPUT\n{line}\n")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.code, report.source.line_col(error.span.start), error.message) == (
        "E060", (2, line.rindex(bad) + 1), message)
    assert all(a.verdict == "unchecked" for a in report.answers)


def test_a_depth_before_the_arrow_is_not_taken_for_the_outputs() -> None:
    # `, depth 3` may say the filters' depth (11x11x3): not judged as the output's 96, but E060 as before
    report = homework("[227x227x3] INPUT\n[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0, depth 3\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "unchecked")]
    assert [d.code for d in report.diagnostics] == ["N046", "E060"]  # the volume not checked: the line unread


RESTATED = """Input: 227x227x3 images
First layer (CONV1): 96 11x11x3 filters applied at stride 4
Output volume = [55x55x96]

Input: 227x227x3 images
{between}{layer}
Output volume = [{answer}]
"""


@pytest.mark.parametrize("between, layer, goes_on", [
    ("After CONV1: 55x55x96\n", "Second layer (POOL1): 3x3 filters applied at stride 2", True),  # the lecture's
    ("After CONV1: 55x55x96\n", "POOL1: 3x3 filters at stride 2", True),
    ("", "POOL1: 3x3 filters at stride 2", False),  # went on from CONV1 before: 27x27x96 judged right for it
    ("After CONV1: 55x55x96\n", "First layer (POOL1): 3x3 filters applied at stride 2", False),
    ("", "Max pooling with 3x3 filters and stride 2", False),
    # the layer says its place, the input stated again above it says where it starts: either may be meant
    ("", "Second layer (POOL1): 3x3 filters applied at stride 2", None),
    ("", "Layer 2 - max pool 3x3, stride 2", None),
    # where the network stands said, then a description alone (which elsewhere starts an example)
    ("After CONV1: 55x55x96\n", "Max pooling with 3x3 filters and stride 2", None),
])
def test_a_restated_input_goes_on_only_where_the_sheet_says_so(between: str, layer: str, goes_on: bool | None) -> None:
    # After CONV1, (55 - 3)/2 + 1 = 27: 27x27x96; on the input restated, (227 - 3)/2 + 1 = 113: 113x113x3.
    right, other = ("113x113x3", "27x27x96") if goes_on is False else ("27x27x96", "113x113x3")
    for answer in (right, other):
        reports = [a.report for a in analyses(RESTATED.format(between=between, layer=layer, answer=answer), "hw.txt",
                                              Settings(lang="lecture"))]
        assert len(reports) == (2 if goes_on is False else 1)
        verdicts = [(a.verdict, a.actual) for r in reports for a in r.answers]
        assert verdicts[0] == ("right", "55x55x96")
        if goes_on is None:  # neither reading judged: the answer after it is not checked, whichever it is
            [answer_note] = [d for r in reports for d in r.diagnostics if d.code == "N046"]
            assert verdicts[1][0] == "unchecked"
            assert "the input stated at line 5 (227x227x3) while the network stands at 55x55x96" in answer_note.message
            assert "write `After conv1: 55x55x96` in its place" in answer_note.message
        else:
            assert verdicts[1] == ("right" if answer == right else "wrong", right)


def test_answers_after_an_ambiguous_restatement_are_judged_where_both_readings_agree() -> None:
    # Going on, POOL1 takes CONV1's 55x55x96: (55 - 3)/2 + 1 = 27; as an example of its own, the 227x227x3 stated
    # again: (227 - 3)/2 + 1 = 113, depth 3. Its parameters are 0 either way (judged: 100 is wrong, 0 right), its
    # volume and the total, 34,944 with CONV1 and 0 without, rest on the reading (not checked)
    text = RESTATED.format(between="", layer="Second layer (POOL1): 3x3 filters applied at stride 2",
                           answer="27x27x96") + "Number of parameters in this layer = {}\nTotal params: 34944\n"
    for count, verdict in (("0", "right"), ("100", "wrong")):
        [report] = [a.report for a in analyses(text.format(count), "hw.txt", Settings(lang="lecture"))]
        assert [(a.quantity, a.verdict) for a in report.answers] == [
            ("output", "right"), ("output", "unchecked"), ("params", verdict), ("total params", "unchecked")]
    # the same sheet saying where the network stands goes on: every answer judged
    placed = text.replace("Input: 227x227x3 images\nSecond", "Input: 227x227x3 images\nAfter CONV1: 55x55x96\n"
                                                              "Second")
    [report] = [a.report for a in analyses(placed.format("0"), "hw.txt", Settings(lang="lecture"))]
    assert [a.verdict for a in report.answers] == ["right"] * 4


def test_a_layer_named_as_one_above_after_the_input_stated_again_starts_an_example_whatever_its_place() -> None:
    # POOL1 on 227x227x3 at stride 2: (227 - 3)/2 + 1 = 113; `Second layer (POOL1)` at stride 1 under the same
    # input again names a layer the network has: an example of its own, (227 - 3)/1 + 1 = 225 (it went on, and the
    # second POOL1 was E015, a name used twice)
    text = ("Input: 227x227x3 images\nPOOL1: 3x3 max pool, stride 2\nOutput volume: 113x113x3\n\n"
            "Input volume: 227x227x3\nSecond layer (POOL1): 3x3 filters applied at stride 1\n"
            "Output volume: 225x225x3\n")
    reports = [a.report for a in analyses(text, "hw.txt", Settings(lang="lecture"))]
    assert [(a.label, a.verdict) for r in reports for a in r.answers] == [("pool1", "right"), ("pool1", "right")]
    assert not [d for r in reports for d in r.diagnostics if d.severity == "error"]


ANOTHER_VOLUME = """Input: 227x227x3 images
First layer (CONV1): 96 11x11 filters applied at stride 4
Output volume = [55x55x96]

{number}Input: {volume}
{layer}
Output volume = [27x27x96]

Total params: {total}
"""


@pytest.mark.parametrize("number, volume, layer, verdicts", [
    # where the network stands (CONV1's (227 - 11)/4 + 1 = 55), then a layer saying its place: it goes on, and the
    # total is CONV1's (11·11·3 + 1)·96 = 34,944 (it was judged as a network of POOL1 alone, 0: a right total wrong)
    ("", "55x55x96", "Second layer (POOL1): 3x3 filters applied at stride 2", ["right", "right", "right"]),
    # another volume: pooled going on (55 → 27) or as stated (56: (56 - 3)/2 + 1 = 27.5)? Neither judged
    ("", "56x56x96", "Second layer (POOL1): 3x3 filters applied at stride 2", ["right", "unchecked", "unchecked"]),
    # a layer that does not say its place: an example of its own on 55x55x96, its answers the same either way, but
    # is the total its own (0) or the whole network's (34,944)? Not checked (it was judged wrong against 0)
    ("", "55x55x96", "POOL1: 3x3 filters at stride 2", ["right", "right", "unchecked"]),
    ("", "56x56x96", "POOL1: 3x3 filters at stride 2", ["right", "unchecked", "wrong"]),  # 27.5 on 56; total 0
    # a numbered question: a question of its own, total 0
    ("2. ", "55x55x96", "Second layer (POOL1): 3x3 filters applied at stride 2", ["right", "right", "wrong"]),
])
def test_another_volume_stated_before_a_layer_that_says_its_place(number: str, volume: str, layer: str,
                                                                 verdicts: list[str]) -> None:
    text = ANOTHER_VOLUME.format(number=number, volume=volume, layer=layer, total="34,944")
    reports = [a.report for a in analyses(text, "hw.txt", Settings(lang="lecture"))]
    assert [a.verdict for r in reports for a in r.answers] == verdicts
    if verdicts[-1] == "right":  # a wrong total is still wrong
        wrong = ANOTHER_VOLUME.format(number=number, volume=volume, layer=layer, total="35,000")
        assert [a.verdict for r in (a.report for a in analyses(wrong, "hw.txt", Settings(lang="lecture")))
                for a in r.answers][-1] == "wrong"


def test_the_answers_not_checked_for_a_sheet_that_reads_two_ways_are_noted_where_they_are_written() -> None:
    # N046 at each answer not judged, with its reason: the pool's volume (line 7) rests on the input stated at line 5,
    # 56x56x96, where CONV1 left the network at (227 - 11)/4 + 1 = 55; the total (line 9) too
    text = ANOTHER_VOLUME.format(number="", volume="56x56x96", layer="Second layer (POOL1): 3x3 filters applied at "
                                 "stride 2", total="34,944")
    [report] = [a.report for a in analyses(text, "hw.txt", Settings(lang="lecture"))]
    notes = [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.code == "N046"]
    reason = ("it rests on the input stated at line 5 (56x56x96) while the network stands at 55x55x96: an example of "
              "its own on that input, or the network going on? (to go on, write `After conv1: 55x55x96` in its place "
              "and name the layer)")
    assert notes == [("N046", 7, 18, f"pool1: the answer 27x27x96 is not checked: {reason}"),
                     ("N046", 9, 15, f"the answer total params 34,944 is not checked: {reason}")]
    # the volume the sheet answered CONV1 to give, then a layer without its place: the total's own reason
    text = ANOTHER_VOLUME.format(number="", volume="55x55x96", layer="POOL1: 3x3 filters at stride 2", total="34,944")
    reports = [a.report for a in analyses(text, "hw.txt", Settings(lang="lecture"))]
    [note] = [(d.line, d.column, d.message) for r in reports for d in r.diagnostics if d.code == "N046"]
    assert note == (9, 15, "the answer total params 34,944 is not checked: the input stated at line 5 (55x55x96) is "
                            "where the network above it stands: the total of this example, or of the whole network? "
                            "(`Second layer (…)` goes on with it)")


def test_an_input_restated_in_the_other_order_starts_a_network_in_its_own_order() -> None:
    # 1x224x224 (channels first) and 224x224x1 are one volume written two ways; a 2x2 pool at stride 2 gives
    # (224 - 2)/2 + 1 = 112, and 64 1x1 filters keep 224x224. The second example's 224x224x64 was read channels
    # first, as the first example's input was written, and marked wrong
    text = ("Input: 1x224x224 images\nPOOL1: 2x2 max pool, stride 2\nOutput volume = [1x112x112]\n\n"
            "Input volume: 224x224x1\nFirst layer (CONV1): 64 1x1x1 filters applied at stride 1, pad 0\n"
            "Output volume = [{}]\n")
    for answer, verdict in (("224x224x64", "right"), ("64x224x224", "wrong")):
        reports = [a.report for a in analyses(text.format(answer), "hw.txt", Settings(lang="lecture"))]
        assert [(a.label, a.verdict) for r in reports for a in r.answers] == [("pool1", "right"), ("conv1", verdict)]


@pytest.mark.parametrize("lines, verdicts, errors", [
    # (32 + 2·2 - 5)/1 + 1 = 32; (5·5·3 + 1)·10 = 760 parameters, 5·5·3·10 = 750 weights
    ("Output: 32x32x10\nNumber of parameters in this layer: 760\n", [("output", "right"), ("params", "right")], []),
    ("=> Output volume [32x32x10]\n- Parameters: (5*5*3+1)*10 = 760!\n", [("output", "right"), ("params", "right")],
     []),
    ("* Output volume is 32x32x12\nParams: 750\n", [("output", "wrong"), ("params", "wrong")], ["E040", "E041"]),
    ("The output is 32x32x10\n", [("output", "right")], []),
    ("so the output is 32x32x11\n", [("output", "wrong")], ["E040"]),
    ("No. of weights: 750\nNumber of parameters = 760 params\n", [("params", "right"), ("weights", "right")], []),
    # the volume written as the product of its sizes (32·32·11 was passed over as prose)
    ("Output volume size: 32*32*11\n", [("output", "wrong")], ["E040"]),
    ("Output volume size: 32 * 32 * 10 = 10240\n", [("output", "right"), ("memory", "right")], []),
    ("Output volume size: 32 * 32 * 10 = 10241\n", [("output", "right"), ("memory", "wrong")], ["E040"]),  # 32·32·10
    ("Output volume size: 33*32\n", [("output", "wrong")], ["E040"]),  # its height and width
    # more ways to write the volume and to name it; each was prose: a wrong answer passed
    ("Output volume: [32, 32, 11]\n", [("output", "wrong")], ["E040"]),
    ("Output volume: (32, 32, 10)\n", [("output", "right")], []),
    ("Output volume: [0, 32, 10]\nOutput: 32*32*0\n", [], ["E060", "E060"]),  # a list that is no volume: never prose
    ("Output: 32 by 32 by 11\n", [("output", "wrong")], ["E040"]),
    ("Answer: 32x32x11\n", [("output", "wrong")], ["E040"]),
    ("Resulting volume: 32x32x10\nActivation volume: 32x32x10\n", [("output", "right")], []),
    # the count: `#` for "number" (was a comment), learnable
    ("# of parameters: 750\n", [("params", "wrong")], ["E041"]),
    ("#params: 760\n", [("params", "right")], []),
    ("Number of learnable parameters: 770\n", [("params", "wrong")], ["E041"]),
    ("# Homework 2\n# Parameters\n", [], []),  # a heading stays a comment or prose
    ("Output volume size: 32*\nOutput volume size: 32*32*10*1\n", [], []),  # no product of 2 or 3 sizes: prose
    ("Number of weights: 760\n", [("weights", "wrong")], ["E041"]),
    # prose: a heading, the size alone, the arithmetic with no volume
    ("No. of parameters\nOutput volume size:\nOutput = 32 = (32-5+4)/1+1\n", [], []),
    # a problem sheet's questions, the answer after the `?` (a wrong one was passed over as prose)
    ("Output volume size? 32x32x11\n", [("output", "wrong")], ["E040"]),
    ("What is the output volume? 32x32x10\nHow many parameters does this layer have? 750\n",
     [("output", "right"), ("params", "wrong")], ["E041"]),
    ("Q1: What's the output volume? A: 32x32x10\nQ2: Number of parameters? A: 760\n",
     [("output", "right"), ("params", "right")], []),
    ("What is the number of parameters in this layer? 750 params\n", [("params", "wrong")], ["E041"]),
    # numbered as on a sheet
    ("2. Output volume size: 32x32x12\n(b) Number of parameters: 750\n", [("output", "wrong"), ("params", "wrong")],
     ["E040", "E041"]),
    ("Question 3) Parameters: 760\nb) The output is 32x32x10\n", [("output", "right"), ("params", "right")], []),
    # questions with no answer, or with no number after the `?`, are prose; the volume in a question is not its answer
    ("Number of parameters?\nQ3: How many parameters? Think about the bias.\nWhat is the output volume of the 5x5 "
     "filter?\n", [], []),
    # an answer cnncalc cannot read is said so
    ("How many parameters? about 760 I think\n", [], ["E060"]),
    # the count said to be the whole (`760 in total`): was E060, a right answer failing the homework
    ("Number of parameters: 760 in total\nNumber of weights: 750 total\n", [("params", "right"), ("weights", "right")],
     []),
    ("Number of parameters: 750 in all\n", [("params", "wrong")], ["E041"]),  # the 10 biases left out
    ("Parameters: 760 params overall\nMemory: 10,240 values in total\n", [("params", "right"), ("memory", "right")],
     []),
    ("Number of parameters: 7,600 total params\n", [("params", "wrong")], ["E041"]),
    ("Output: 32x32x10, 760 params in total\n", [("output", "right"), ("params", "right")], []),
    ("Output: 32x32x10, 770 params in total\n", [("output", "right"), ("params", "wrong")], ["E041"]),
    ("Number of parameters: in total\n", [], ["E060"]),  # no count
    # one filter's count: 5·5·3 + 1 = 76 parameters, 75 weights (was judged as the layer's: a right answer wrong)
    ("Parameters per filter: 76\nWeights per filter: 75\n", [("params per filter", "right"),
                                                             ("weights per filter", "right")], []),
    ("Number of parameters in each filter: 75\n", [("params per filter", "wrong")], ["E041"]),  # the bias left out
    ("Number of parameters: 76 per filter, 760 total\n", [("params", "right"), ("params per filter", "right")], []),
    ("Number of parameters: 760 (77 per filter)\n", [("params", "right"), ("params per filter", "wrong")], ["E041"]),
    ("Number of parameters: 760, i.e. 76 per filter\n", [("params", "right"), ("params per filter", "right")], []),
    ("Number of parameters: 76 params per filter, so 750\n", [("params", "wrong"), ("params per filter", "right")],
     ["E041"]),
    ("Parameters: 76 for each filter, 760 in total\n", [("params", "right"), ("params per filter", "right")], []),
    ("Number of parameters: 75 weights per filter; 760\n", [("params", "right"), ("weights per filter", "right")],
     []),
    # the working before the last `=` stays working, as in the lecture's own line
    ("Number of parameters in this layer: each filter has 5*5*3 + 1 = 76 params (+1 for bias) so 76*10 = 760\n",
     [("params", "right")], []),
    ("Number of parameters: 76 per filter x 10 filters = 760\n", [("params", "right")], []),
    ("MACs per filter: 76800\n", [], ["E060"]),
    # said as a sentence (was prose): the count after the working's last `=`, before its word
    ("Each filter has 5*5*3 + 1 = 76 params (+1 for bias)\nEvery kernel has 75 weights.\n",
     [("params per filter", "right"), ("weights per filter", "right")], []),
    ("Each filter has 75 parameters\n", [("params per filter", "wrong")], ["E041"]),  # the bias left out
    ("Each filter has 5*5*3 + 1 = 76 params, so 750 params in total.\n",  # (5·5·3 + 1)·10 = 760
     [("params", "wrong"), ("params per filter", "right")], ["E041"]),
    ("Each filter has 76 parameters, like the lecture's\n", [], []),  # prose
    ("Each filter has 3 channels\nEach filter has a bias\n", [], []),  # prose
    # the lecture's `Output size: (N-F) / stride + 1` is a side: (32 + 2·2 - 5)/1 + 1 = 32 (was marked wrong)
    ("Output size: 32\n", [("output", "right")], []),
    ("Output size: 31\n", [("output", "wrong")], ["E040"]),
    ("Output size: 10240\n", [("output", "wrong")], ["E040"]),  # the values, 32·32·10
    ("Output volume size: 32\n", [("output", "wrong")], ["E040"]),  # a volume is three sizes
    # said again: `Output size: 32` agrees with 32x32x10 (was E060, "answers again what was answered")
    ("Output: 32x32x10\nOutput size: 32\n", [("output", "right")], []),
    ("Output size: 32\nOutput: 32x32x10\n", [("output", "right")], []),
    ("Output: 32x32x10\nOutput size: 31\n", [("output", "right")], ["E060"]),
    # after the height and width alone, `= N` is their product, one map's positions: 32·32 = 1,024 (it was
    # judged as the volume's values, 32·32·10 = 10,240, and marked wrong); a slip in it is not passed over
    ("Output: 32*32 = 1024\n", [("output", "right")], []),
    ("Output volume: 32x32 = 1,024 positions, 760 params\n", [("output", "right"), ("params", "right")], []),
    ("Output: 32*32 = 1000\n", [("output", "right")], ["E060"]),
    ("Output: 30*30 = 900\n", [("output", "wrong")], ["E040"]),
    ("Output: 32*32*10 = 10240\n", [("output", "right"), ("memory", "right")], []),  # all three: the values
    ("Output: 32*32*10 = 1024\n", [("output", "right"), ("memory", "wrong")], ["E040"]),
    # its maps' height and width said beside the volume say the same output (it was E060, "2 different volumes")
    ("Output volume: 32 x 32 x 10, i.e. 10 activation maps of 32x32\n", [("output", "right")], []),
    ("Output volume: 32x32x10 (32x32 per map)\n", [("output", "right")], []),
    ("Output: 30x30x10 (30x30 per map)\n", [("output", "wrong")], ["E040"]),  # (32 + 2·2 - 5)/1 + 1 = 32
    ("Output: 32x32x10 (10 maps of 30x30)\n", [], ["E060"]),  # two outputs: which is the answer?
    ("Output: 32x32x10, i.e. 8 activation maps of 32x32\n", [], ["E060"]),  # a depth of 8 beside a volume of 10
    ("Output: 32x32 (10 depth slices)\n", [("output", "right")], []),
    # the output's values counted (32·32·10 = 10,240), as `Output neurons: 10240` is: they were prose, unjudged
    ("Output: 10240 neurons\n", [("memory", "right")], []),
    ("The output is 10,240 values.\n", [("memory", "right")], []),
    ("Output: 1024 neurons\n", [("memory", "wrong")], ["E040"]),
    # a count said to be none after the volume: 5·5·3·10 + 10 = 760 parameters, 10 biases (it was a remark)
    ("Output: 32x32x10, no parameters\n", [("output", "right"), ("params", "wrong")], ["E041"]),
    ("Output: 32x32x10 with no biases\n", [("output", "right"), ("biases", "wrong")], ["E041"]),
    ("Output: 32x32x10, no padding\n", [("output", "right")], []),  # a remark
])
def test_worked_example_answers_as_students_write_them(lines: str, verdicts: list[tuple[str, str]],
                                                       errors: list[str]) -> None:
    text = "Input volume: 32x32x3\n10 5x5 filters with stride 1, pad 2\n" + lines
    report = cnncalc.analyze_text(text, "hw.txt")  # detected as the lecture's notation from its content
    assert [(a.quantity, a.verdict) for a in report.answers] == verdicts
    assert [d.code for d in report.diagnostics if d.severity == "error"] == errors


@pytest.mark.parametrize("lines, verdicts, errors", [
    # an FC layer's output counted in neurons is its length: 10 (it was prose, and `9 neurons` passed)
    ("Output: 10 neurons\n", [("memory", "right")], []),
    ("Output: 9 neurons\n", [("memory", "wrong")], ["E040"]),
    ("Output has 10 units\n", [("memory", "right")], []),
    # (16·16·10 + 1)·10 = 25,610
    ("Output: 10 neurons, 25,610 params\n", [("params", "right"), ("memory", "right")], []),
    ("Output: 10 neurons, 25,611 params\n", [("params", "wrong"), ("memory", "right")], ["E041"]),
    # a vector as Python and Keras print one (it was E060)
    ("Output: (10,)\n", [("output", "right")], []),
    ("Output shape: (None, 9)\n", [("output", "wrong")], ["E040"]),
])
def test_a_fully_connected_layers_answers_in_neurons(lines: str, verdicts: list[tuple[str, str]],
                                                    errors: list[str]) -> None:
    report = cnncalc.analyze_text("Input volume: 16x16x10\nFC layer with 10 neurons\n" + lines, "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == verdicts
    assert [d.code for d in report.diagnostics if d.severity == "error"] == errors


def test_a_listings_output_layer_in_neurons_is_not_an_answer_about_the_layer_above() -> None:
    # LeNet: F6 holds 84 values; `OUTPUT: 10 neurons` (the paper's name, in capitals) states the next layer, and
    # judging 10 against 84 marked a right listing wrong. Working after `params` without `=` is read to its last
    # `=`: (5·5·1 + 1)·6 = 156
    text = ("INPUT: 32x32x1\nC1: 6 5x5 filters, stride 1 -> 6@28x28, params (5*5*1+1)*6 = 156\n"
            "S2: 2x2 average pool, stride 2 -> 6@14x14\nC3: 16 5x5 filters -> 16@10x10, params (5*5*6+1)*16 = 2416\n"
            "S4: 2x2 average pool, stride 2 -> 16@5x5\nC5: 120 5x5 filters -> 120@1x1, params 48120\n"
            "F6: 84 neurons, params 10164\nOUTPUT: 10 neurons, params 850\n")
    report = cnncalc.analyze_text(text, "lenet.txt")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == []
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [
        ("c1", "output", "right"), ("c1", "params", "right"), ("s2", "output", "right"), ("c3", "output", "right"),
        ("c3", "params", "right"), ("s4", "output", "right"), ("c5", "output", "right"), ("c5", "params", "right"),
        ("f6", "params", "right"), ("output", "params", "right")]  # (5·5·16 + 1)·120 = 48,120; (120 + 1)·84 =
    # 10,164; (84 + 1)·10 = 850
    valued = cnncalc.analyze_text(text.replace("OUTPUT: 10 neurons, params 850", "Output: 84 values"), "lenet.txt")
    assert [(a.path, a.quantity, a.verdict) for a in valued.answers][-1] == ("f6", "memory", "right")
    # in sentence case, `Output: 10 neurons` under F6 (84) may be a layer or a wrong answer: which is not said
    unsaid = cnncalc.analyze_text(text.replace("OUTPUT: 10 neurons, params 850", "Output: 10 neurons"), "lenet.txt")
    assert [(d.code, d.message) for d in unsaid.diagnostics if d.severity == "error"] == [
        ("E060", "this line may state another layer of 10 neurons or answer for F6 above")]
    said = cnncalc.analyze_text(text.replace("OUTPUT: 10 neurons, params 850", "Output: 84 neurons"), "lenet.txt")
    assert [(a.path, a.quantity, a.verdict) for a in said.answers][-1] == ("f6", "memory", "right")


LENET_BULLETS = ("# Problem 2: LeNet-5\n\nInput: 32x32x1\n\n"
                 "- C1: 6 filters 5x5, stride 1 -> 28x28x6, params = (5*5*1+1)*6 = 156\n"
                 "- S2: 2x2 avg pool, stride 2 -> 14x14x6\n- C3: 16 filters 5x5 -> 10x10x16, params = 2416\n"
                 "- S4: 2x2 avg pool, stride 2 -> 5x5x16\n- C5: 120 filters 5x5 -> 1x1x120, params = 48,120\n"
                 "- F6: 84 neurons, params = 10,164\n- {last}\n\n**Total parameters:** 61,706\n")


@pytest.mark.parametrize("last", [
    "Output: 10 neurons, params = 850", "Output: 10 neurons, 850 params", "Output layer: 10 neurons, params = 850",
    "FC7 (output): 10 neurons, params = 850", "Output (FC): 10 neurons, params = 850",
    "OUTPUT: 10 neurons, params = 850",
])
def test_a_bulleted_listings_output_layer_is_a_layer(last: str) -> None:
    # (5·5·1 + 1)·6 = 156, (5·5·6 + 1)·16 = 2,416, (5·5·16 + 1)·120 = 48,120, (120 + 1)·84 = 10,164 and the output
    # layer's (84 + 1)·10 = 850: 61,706 in all. `Output: 10 neurons, params = 850` was read as F6's output, 850 (the
    # number after the last `=`), and F6's and the total's right answers were marked wrong; the others were prose,
    # and the file (a `.md`, its layers after bullets) was read as the spec language.
    report = cnncalc.analyze_text(LENET_BULLETS.format(last=last), "lenet.md")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == []
    assert [(a.path, a.quantity, a.verdict) for a in report.answers][-2:] == [
        ("fc7" if "FC7" in last else "output", "params", "right"), ("", "total params", "right")]
    assert report.totals.params == 61_706


@pytest.mark.parametrize("last", ["Output: 10 neurons", "Output: 10 neurons, params = 10,164"])
def test_an_output_in_neurons_that_may_be_a_layer_leaves_what_follows_unjudged(last: str) -> None:
    # under F6 (84), `Output: 10 neurons` is a wrong answer or the output layer; that F6's line answered its
    # params (10,164) does not say which when this line does not say otherwise. The total rests on which.
    report = cnncalc.analyze_text(LENET_BULLETS.format(last=last), "lenet.md")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E060"]
    assert [(a.quantity, a.verdict) for a in report.answers][-1] == ("total params", "unchecked")


@pytest.mark.parametrize("line, verdicts", [
    # (32 - 5)/1 + 1 = 28 and (5·5·3 + 1)·8 = 608, worked out after the layer's arrow (it was E060)
    ("CONV1 -> (32-5)/1+1 = 28", ["right"]), ("CONV1 -> (32-5)/1+1 = 27", ["wrong"]),
    ("CONV1 -> (32-5)/1+1 = 28, params = 608", ["right", "right"]),
])
def test_a_side_worked_out_after_a_layers_arrow_is_judged(line: str, verdicts: list[str]) -> None:
    text = f"{CONV1_28}{line}\n"
    assert [a.verdict for a in cnncalc.analyze_text(text, "hw.txt").answers] == verdicts


@pytest.mark.parametrize("line, answer", [
    # CONV (32 - 5 + 2·2)/1 + 1 = 32 with (5·5·3 + 1)·10 = 760; POOL (32 - 2)/2 + 1 = 16; FC (16·16·10 + 1)·10 = 25,610
    ("Layer 1 params: 760", ("conv1", "params", "right")),
    ("Layer 2 output: 16x16x10", ("maxpool1", "output", "right")),
    ("Layer 2: 16x16x10", ("maxpool1", "output", "right")),
    ("Layer 2 output: 32x32x10", ("maxpool1", "output", "wrong")),
    ("Layer 3 params: 25,610", ("fc1", "params", "right")),
])
def test_a_layer_numbered_by_its_place_in_a_listing_without_numbers(line: str, answer: tuple[str, str, str]) -> None:
    # none of CONV, POOL, FC carries a number: `Layer 2` was E060 (no layer numbered 2)
    text = ("Input: 32x32x3\nCONV: 10 5x5 filters, stride 1, pad 2\nPOOL: 2x2 max pool, stride 2\nFC: 10 neurons\n"
            f"{line}\n")
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [answer]


@pytest.mark.parametrize("listing", [
    "CONV: 10 5x5 filters, stride 1, pad 2\nReLU\nPOOL: 2x2 max pool, stride 2\n",  # is ReLU a layer? not said
    "CONV: 10 5x5 filters, stride 1, pad 2\nPOOL: 2x2 max pool, stride 2\n",  # there is no fourth
])
def test_a_layer_numbered_by_place_where_the_place_is_not_clear_is_e060(listing: str) -> None:
    report = cnncalc.analyze_text(f"Input: 32x32x3\n{listing}Layer {3 if 'ReLU' in listing else 4} output: 16x16x10\n",
                                  "hw.txt")
    assert report.answers == () and [d.code for d in report.diagnostics if d.severity == "error"] == ["E060"]


@pytest.mark.parametrize("line, verdicts, errors", [
    # (5·5·3 + 1)·8 = 608 learnable parameters; 600 leaves out the 8 biases. `CONV1 has 608 learnable parameters`
    # was read as CONV1 stated again (E015, and E060 `expected filters`); the unnamed form was prose.
    ("CONV1 has 608 learnable parameters", ["right"], []), ("CONV1 has 600 trainable params", ["wrong"], ["E041"]),
    ("CONV1 has 608 learnable parameters and 470,400 MACs", ["right", "right"], []),
    # the network's one conv layer, named by its kind
    ("The conv layer has 608 learnable parameters", ["right"], []),
])
def test_learnable_parameters_said_of_a_layer(line: str, verdicts: list[str], errors: list[str]) -> None:
    text = f"{CONV1_28}{line}\n"  # 28·28·8·5·5·3 = 470,400 MACs
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [a.verdict for a in report.answers] == verdicts
    assert [d.code for d in report.diagnostics if d.severity == "error"] == errors


@pytest.mark.parametrize("line, verdicts", [
    # (32 - 5)/1 + 1 = 28 and (5·5·3 + 1)·8 = 608, the count in a clause after the output (it was E060)
    ("Answer: The output volume is 28x28x8 and the number of parameters is 608.", ["right", "right"]),
    ("So the output is 28x28x8 and there are 608 params.", ["right", "right"]),
    ("So the output is 28x28x8 and there are 600 params.", ["right", "wrong"]),
])
def test_a_count_said_in_a_clause_after_the_output(line: str, verdicts: list[str]) -> None:
    text = f"{CONV1_28}{line}\n"
    assert [a.verdict for a in cnncalc.analyze_text(text, "hw.txt").answers] == verdicts


@pytest.mark.parametrize("line, verdicts, errors", [
    # (5·5·3 + 1)·8 = 608; these were prose (a wrong count passed unjudged)
    ("There are 608 parameters in CONV1.", [("params", "right")], []),
    ("There are 600 learnable parameters in the CONV1 layer.", [("params", "wrong")], [("E041", 11)]),
    ("There are 608 parameters.", [], [("E060", 1)]),  # of what, not said
])
def test_there_are_so_many_parameters(line: str, verdicts: list[tuple[str, str]],
                                      errors: list[tuple[str, int]]) -> None:
    text = f"{CONV1_28}{line}\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == verdicts
    assert [(d.code, report.source.line_col(d.span.start)[1]) for d in report.diagnostics if d.severity == "error"] \
        == errors


@pytest.mark.parametrize("line, verdicts", [
    # 55·55·96·11·11·3 = 105,415,200 MACs (105.4 million, 105 million; not 106); (11·11·3 + 1)·96 = 34,944
    # parameters (34.9 or 35 thousand); 55·55·96 = 290,400 values. The spelled units were E060 or prose.
    ("MACs: 105.4 million", [("macs", "right")]), ("MACs: 106 million", [("macs", "wrong")]),
    ("Params: 35 thousand", [("params", "right")]), ("MACs: 0.1 billion", [("macs", "right")]),
    ("Total params: 34.9 thousand", [("total params", "right")]),
    ("The network has 34.9 thousand parameters", [("total params", "right")]),
    ("CONV1 has 34.9 Thousand parameters", [("params", "right")]),
    ("Output: 290.4 thousand values", [("memory", "right")]),
])
def test_counts_with_their_unit_spelled(line: str, verdicts: list[tuple[str, str]]) -> None:
    text = f"Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n{line}\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == verdicts
    converted = CliRunner().invoke(cli, ["convert", "-", "--lang", "lecture"], input=text).stdout
    assert [(a.quantity, a.verdict) for a in cnncalc.analyze_text(converted).answers] == verdicts


def test_an_unreadable_count_of_values_is_no_layer() -> None:
    # `1e999 values` is E060, an answer cnncalc cannot read, and no layer: the total after it, (16·16·10 + 1)·10 =
    # 25,610, is still judged (only a line that may state another layer leaves what follows unjudged)
    report = cnncalc.analyze_text("Input volume: 16x16x10\nFC layer with 10 neurons\nOutput: 1e999 values\n"
                                  "Total params: 25,610\n", "hw.txt")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E060"]
    assert [(a.quantity, a.verdict) for a in report.answers] == [("total params", "right")]
    assert [r.path for r in report.rows] == ["fc1"]


@pytest.mark.parametrize("layer, answers", [
    # ResNet's convolutions have no bias: 3·3·64·64 = 36,864 parameters, 56·56·64·3·3·64 = 115,605,504 MACs. `no bias`
    # was read as an answer, biases 0, judged wrong (64), and the layer given biases: 36,864 was marked wrong too.
    ("CONV1: 64 3x3 filters, stride 1, pad 1, no bias\nParams: 36,864\nMACs: 115,605,504",
     [("params", "right"), ("macs", "right")]),
    ("CONV1: 64 3x3 filters, stride 1, pad 1 (no bias)\nParams: 36,864", [("params", "right")]),
    ("CONV1: 64 3x3 filters, stride 1, pad 1, bias=False\nParams: 36,928", [("params", "wrong")]),
    ("CONV1: 64 3x3 filters, stride 1, pad 1, without biases\nBiases: 0", [("biases", "right")]),
    # with its bias, (3·3·64 + 1)·64 = 36,928
    ("CONV1: 64 3x3 filters, stride 1, pad 1\nParams: 36,928", [("params", "right")]),
    # an FC layer without bias on 56·56·64 = 200,704 values: 200,704·10 = 2,007,040
    ("FC: 10 neurons, no bias\nParams: 2,007,040", [("params", "right")]),
    ("FC: 10 neurons (no bias), params: 2,007,050", [("params", "wrong")]),
])
def test_a_layer_said_to_have_no_bias(layer: str, answers: list[tuple[str, str]]) -> None:
    report = cnncalc.analyze_text(f"Input: 56x56x64\n{layer}\n", "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == answers
    converted = CliRunner().invoke(cli, ["convert", "-", "--lang", "lecture"], input=f"Input: 56x56x64\n{layer}\n")
    assert [(a.quantity, a.verdict) for a in cnncalc.analyze_text(converted.stdout).answers] == answers


@pytest.mark.parametrize("options, layers", [
    # layers without parameters after the options: the line's params stay (3·3·64 + 1)·64 = 36,928 (they were E060)
    (", leaky ReLU, dropout 0.5", ["conv1", "leakyrelu1", "dropout1"]), (" + Leaky-ReLU", ["conv1", "leakyrelu1"]),
    (", GELU", ["conv1", "gelu1"]), (", ReLU6, dropout (p = 0.2)", ["conv1", "relu6_1", "dropout1"]),
])
def test_activations_and_dropout_after_a_layers_options(options: str, layers: list[str]) -> None:
    text = f"Input: 56x56x64\nCONV1: 64 3x3 filters, stride 1, pad 1{options}, params: 36,928\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [r.path for r in report.rows] == layers
    assert [(a.quantity, a.verdict) for a in report.answers] == [("params", "right")]


def test_a_batch_norm_on_a_layers_line_says_to_state_it_apart() -> None:
    # a batch norm adds 2·64 parameters: whether the line's answer counts them is not said
    report = cnncalc.analyze_text("Input: 56x56x64\nCONV1: 64 3x3 filters, stride 1, pad 1, BN, ReLU\n", "hw.txt")
    assert [(d.code, report.source.line_col(d.span.start), d.message) for d in report.diagnostics] == [
        ("E060", (2, 41), "`BN, ReLU`: a batch norm on the layer's line would put its parameters in the line's "
                          "answers; state it on a line of its own (`BN1: batch norm`)")]


@pytest.mark.parametrize("line, answers", [
    # (11·11·3 + 1)·96 = 34,944 parameters and 55·55·96·11·11·3 = 105,415,200 MACs, written as their arithmetic
    # (they were E060, `expected the parameter count`)
    ("Params: (11*11*3 + 1) * 96", [("params", "right")]), ("Params: 11x11x3x96 + 96", [("params", "right")]),
    ("Params: 96·(11·11·3+1)", [("params", "right")]), ("MACs: 55*55*96*11*11*3", [("macs", "right")]),
    ("Params: 11*11*3*96 + 96 (with biases)", [("params", "right")]), ("Total params: 34,848 + 96",
                                                                     [("total params", "right")]),
    # 11·11·3·96 = 34,848 leaves out the biases
    ("Params: 11*11*3*96", [("params", "wrong")]),
])
def test_a_count_written_as_its_arithmetic(line: str, answers: list[tuple[str, str]]) -> None:
    text = f"Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n{line}\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == answers
    converted = CliRunner().invoke(cli, ["convert", "-", "--lang", "lecture"], input=text).stdout
    assert [(a.quantity, a.verdict) for a in cnncalc.analyze_text(converted).answers] == answers


@pytest.mark.parametrize("cell, verdict", [("(11*11*3+1)*96", "right"), ("11*11*3*96", "wrong")])
def test_a_table_count_written_as_its_arithmetic(cell: str, verdict: str) -> None:
    # (11·11·3 + 1)·96 = 34,944; 11·11·3·96 = 34,848 leaves out the biases (the cell was E060)
    text = (f"Input: 227x227x3\n\n| Layer | Description | Output size | # Params |\n|---|---|---|---|\n"
            f"| Conv1 | 96 11x11 filters, stride 4 | 55 x 55 x 96 | {cell} |\n")
    report = cnncalc.analyze_text(text, "hw.md")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right"), ("params", verdict)]


@pytest.mark.parametrize("count", ["5x5x3", "34944/0", "7/2", "10*" * 15 + "10", "~11*11*3*96", "(11*11*3 + 1",
                                   "11*11*3*96 - 99999999"])
def test_arithmetic_that_is_no_whole_count_is_e060(count: str) -> None:
    # a size alone, a division by zero or not exact, a value beyond 10^15, a negative value, an open parenthesis
    text = f"Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nParams: {count}\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert report.answers == () and [d.code for d in report.diagnostics if d.severity == "error"] == ["E060"]


@pytest.mark.parametrize("line, answers", [
    # conv 8 3x3 on CONV1's 28x28x8: (3·3·8 + 1)·8 = 584 params, 26·26·8·3·3·8 = 389,376 MACs; fc 10 on 28·28·8 =
    # 6,272 values: (6,272 + 1)·10 = 62,730. `with … params` after the description was E060.
    ("CONV2: 8 3x3 filters with 584 params", [("params", "right")]),
    ("CONV2: 8 3x3 filters, stride 1, with 576 params and 389,376 MACs", [("params", "wrong"), ("macs", "right")]),
    ("FC1: 10 neurons with 62,730 params", [("params", "right")]),
    ("FC: 10 neurons with 62,730 params", [("params", "right")]),
])
def test_counts_after_with_on_a_layers_line(line: str, answers: list[tuple[str, str]]) -> None:
    text = f"{CONV1_28}{line}\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == answers


@pytest.mark.parametrize("line, error", [
    # `no bias` twice: the second, at column 42
    ("CONV2: 8 3x3 filters, stride 1, no bias, no bias", ("E060", 3, 42, "the bias is given twice")),
    # a division that is not exact is no count: the whole arithmetic, from column 9
    ("Params: (5*5*3 + 1)*8/3", ("E060", 3, 9, "expected the parameter count after the `:`, as in `= 35K`")),
])
def test_new_unreadable_forms_are_reported_where_they_are(line: str, error: tuple[str, int, int, str]) -> None:
    report = cnncalc.analyze_text(f"{CONV1_28}{line}\n", "hw.txt")
    assert [(d.code, *report.source.line_col(d.span.start), d.message) for d in report.diagnostics
            if d.severity == "error"] == [error]


def test_a_count_after_the_output_is_no_working_of_the_output() -> None:
    # (32 - 5)/1 + 1 = 28 and (5·5·3 + 1)·8 = 608: `params = 608`'s `=` is not the output's working
    text = CONV1_28 + "Output size: 28, params = 608\n"
    assert [(a.quantity, a.verdict) for a in cnncalc.analyze_text(text, "hw.txt").answers] == [
        ("output", "right"), ("params", "right")]


@pytest.mark.parametrize("statement", [
    "Q3. Next, a conv layer with 50 5x5 filters, stride 1, pad 0.", "Finally, another conv layer with 50 5x5 filters",
    "Next, 50 5x5 filters, stride 1, pad 0.", "Followed by 50 5x5 filters, stride 1",
])
def test_a_convolution_stated_after_next_or_finally_is_a_layer(statement: str) -> None:
    # it was prose, and its answers E060 (`answers again what was answered above`, the pool's): (12 - 5)/1 + 1 = 8
    # and (5·5·20 + 1)·50 = 25,050
    text = ("Q1. Consider a convolutional layer with input 28x28x1, 20 filters of size 5x5, stride 1, no padding.\n"
            "(a) What is the output volume? 24x24x20\n\nQ2. We then apply 2x2 max pooling with stride 2.\n"
            f"(a) Output volume: 12x12x20\n\n{statement}\n(a) Output volume: 8x8x50\n"
            "(b) Number of parameters: 25,050\n")
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == []
    assert [(a.path, a.quantity, a.verdict) for a in report.answers][-2:] == [
        ("conv2", "output", "right"), ("conv2", "params", "right")]


def test_a_pools_parameters_said_to_be_none_after_its_output() -> None:
    # (32 - 2)/2 + 1 = 16; a pool has no weights
    report = cnncalc.analyze_text("Input volume: 32x32x10\nMax pool 2x2 with stride 2\n"
                                  "Output: 16x16x10, no parameters\n", "hw.txt")
    assert [(a.quantity, a.expected, a.verdict) for a in report.answers] == [
        ("output", "16x16x10", "right"), ("params", "0", "right")]


@pytest.mark.parametrize("answer", ["A1. 55x55x96", "A1: 55x55x96", "A. 55x55x96", "Answer 1: 55x55x96",
                                    "- A1: 55x55x96", "(227-11)/4+1 = 55, so 55x55x96",
                                    "A1. (227-11)/4+1 = 55, so 55x55x96"])
def test_an_answer_labelled_or_worked_under_its_question(answer: str) -> None:
    # (227 - 11)/4 + 1 = 55: these lines were prose, so a wrong one passed unjudged
    text = f"Input: 227x227x3 images\nCONV1: 96 11x11 filters at stride 4, pad 0\n\nQ1. What is the output volume " \
           f"of CONV1?\n{answer}\n"
    assert [(a.quantity, a.verdict) for a in cnncalc.analyze_text(text, "hw.txt").answers] == [("output", "right")]
    wrong = cnncalc.analyze_text(text.replace("55x55x96", "54x54x96"), "hw.txt")
    assert [(a.quantity, a.verdict) for a in wrong.answers] == [("output", "wrong")]


def test_a_count_worked_under_its_question() -> None:
    # (11·11·3 + 1)·96 = 34,944
    text = "Input: 227x227x3 images\nCONV1: 96 11x11 filters at stride 4, pad 0\nQ2. How many parameters does " \
           "CONV1 have?\nA2. (11*11*3 + 1) * 96 = 34,944\n"
    assert [(a.quantity, a.verdict) for a in cnncalc.analyze_text(text, "hw.txt").answers] == [("params", "right")]


@pytest.mark.parametrize("line, answers", [
    # a layer's total is its own whole count: (5·5·96 + 1)·256 = 614,656, not the network's 34,944 + 614,656
    # = 649,600 (these were judged as the network's total and marked wrong)
    ("Total number of parameters in this layer: 614,656", [("params", "conv2", "right")]),
    ("Total parameters of CONV2: 614,656", [("params", "conv2", "right")]),
    ("Total params in CONV1: 34,944", [("params", "conv1", "right")]),
    ("Total params in CONV2: 649,600", [("params", "conv2", "wrong")]),
    ("Total number of parameters for this layer = 614656", [("params", "conv2", "right")]),
    ("Total params: 649,600", [("total params", "", "right")]),
    ("Total params of the network: 649,600", [("total params", "", "right")]),
    # `is` before the number (these were prose)
    ("The number of parameters is 614,656", [("params", "conv2", "right")]),
    ("The number of parameters of the layer is 614,657", [("params", "conv2", "wrong")]),
    ("The total number of parameters is 649,600", [("total params", "", "right")]),
    ("The number of parameters is much larger", []),  # prose
])
def test_a_layers_total_and_counts_said_with_is(line: str, answers: list[tuple[str, str, str]]) -> None:
    text = "Input: 227x227x3 images\nCONV1: 96 11x11 filters at stride 4, pad 0\n" \
           f"CONV2: 256 5x5 filters at stride 1, pad 2\n{line}\n"
    assert [(a.quantity, a.path, a.verdict) for a in cnncalc.analyze_text(text, "hw.txt").answers] == answers


@pytest.mark.parametrize("total, verdict", [
    ("34,944", "right"),  # CONV1's own: (11·11·3 + 1)·96 (it was judged as the network's, 649,600, and marked wrong)
    ("649,600", "right"),  # the network's: 34,944 + (5·5·96 + 1)·256 = 34,944 + 614,656
    ("34,945", "wrong"),
])
def test_a_total_between_layers_may_be_the_layers_or_the_networks(total: str, verdict: str) -> None:
    text = "Input: 227x227x3 images\nCONV1: 96 11x11 filters at stride 4, pad 0\nWeights: 11*11*3*96 = 34,848\n" \
           f"Biases: 96\nTotal parameters: {total}\nCONV2: 256 5x5 filters at stride 1, pad 2\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [
        ("weights", "right"), ("biases", "right"), ("total params", verdict)]
    if verdict == "wrong":
        assert [d.message for d in report.diagnostics if d.code == "E043"] == [
            "expected total params 34,945, computed 649,600; nor is it conv1's own count and the total through "
            "conv1, 34,944"]


@pytest.mark.parametrize("line", ["Total: 34,944", "Total = 34,848 + 96 = 34,944", "In total: 34,944", "TOTAL 34,944"])
def test_a_total_that_does_not_say_what_it_counts_is_an_error_not_prose(line: str) -> None:
    # params or MACs? (it was prose: a wrong one passed unjudged)
    text = f"Input: 227x227x3 images\nCONV1: 96 11x11 filters at stride 4, pad 0\nBiases: 96\n{line}\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(d.code, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", "this total does not say what it counts")]


def test_totals_between_layers_through_each() -> None:
    # 34,944 (CONV1), then CONV2's own 614,656 or the total through it, 649,600; POOL2 adds nothing
    text = "Input: 227x227x3 images\nCONV1: 96 11x11 filters at stride 4, pad 0\nTotal params: 34,944\n" \
           "CONV2: 256 5x5 filters at stride 1, pad 2\nTotal params: {}\nPOOL2: 3x3 filters at stride 2\n" \
           "Total params: 649,600\n"
    for second in ("614,656", "649,600"):
        report = cnncalc.analyze_text(text.format(second), "hw.txt")
        assert [a.verdict for a in report.answers] == ["right"] * 3
    wrong = cnncalc.analyze_text(text.format("614,657"), "hw.txt")
    assert [a.verdict for a in wrong.answers] == ["right", "wrong", "right"]
    # the spec language reads it so too (`convert` writes the worked example's totals where they were)
    spec = "input 227x227x3\nconv 96 11x11 stride 4\nexpect total params {}\nconv 256 5x5 pad 2\nrelu\n" \
           "expect total params 649600\n"
    for first, verdict in (("34944", "right"), ("649600", "right"), ("614656", "wrong")):
        assert [a.verdict for a in cnncalc.analyze_text(spec.format(first)).answers] == [verdict, "right"]
    budget = cnncalc.analyze_text(spec.format("<= 34944"))  # a budget is the network's wherever it is written
    assert [a.verdict for a in budget.answers] == ["wrong", "right"]
    converted = CliRunner().invoke(cli, ["convert", "-"], input=text.format("614,656"))
    assert [a.verdict for a in cnncalc.analyze_text(converted.stdout).answers] == ["right"] * 3


@pytest.mark.parametrize("line, verdict", [
    # (32 - 5 + 2·0)/1 + 1 = 28; (7 - 3)/2 + 1 = 3: these lines were prose (or, alone, read as the spec language)
    ("Input 32x32, F=5, S=1, P=0 -> 28", "right"),
    ("Input 32x32, F=5, S=1, P=0 -> 27", "wrong"),
    ("Input: 7x7x3, F = 3, S = 2, K = 10 => 3x3x10", "right"),
    ("7x7 input, F=3, stride 2 => 3x3", "right"),
    # after a colon that follows the last option's value (it was E060)
    ("7x7 input, 3x3 filter, stride 2: 3x3 output", "right"),
    ("7x7 input, 3x3 filter, stride 2: 4", "wrong"),
    ("input 7x7, filter 3x3, stride 2, pad 1: output 4x4", "right"),  # (7 - 3 + 2)/2 + 1 = 4
    # after an article (prose in a sheet, the spec language's E010 alone: a wrong answer passed or went unjudged)
    ("A 7x7 input, 3x3 filter, stride 2 -> output 4x4", "wrong"),
    ("Q1. A 7x7 input, 3x3 filter, stride 2 -> 3x3", "right"),
    ("An input of 7x7, 3x3 filter, stride 2 -> 4x4", "wrong"),
    ("a 7x7 input with a 3x3 filter at stride 2 -> 3x3", "right"),
    ("Given a 7x7 input, 3x3 filter, stride 2: output 4x4", "wrong"),
])
def test_exercises_with_the_input_as_a_volume(line: str, verdict: str) -> None:
    report = cnncalc.analyze_text(line + "\n", "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict)]
    assert all(d.code in ("E040",) for d in report.diagnostics if d.severity == "error")


@pytest.mark.parametrize("line, verdicts", [
    # (32 - 5 + 2·2)/1 + 1 = 32; (5·5·3 + 1)·10 = 760: the filters' count after their size (was E060), and the
    # counts after the output (was E060: "expected the output after the arrow")
    ("32x32x3 input, 5x5x3 filter, 10 filters, pad 2, stride 1 -> 32x32x10, 760 params", ["right", "right"]),
    ("32x32x3 input, 5x5x3 filter, 10 filters, pad 2, stride 1 -> 32x32x10, 750 params", ["right", "wrong"]),
    ("32x32x3 input, 5x5 filter, 10 filters, pad 2 -> 32x32x11 (760 params)", ["wrong", "right"]),
])
def test_an_exercises_filters_after_their_size_and_counts_after_its_output(line: str, verdicts: list[str]) -> None:
    report = homework(line + "\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == list(zip(["output", "params"], verdicts))


def test_an_exercises_output_followed_by_no_count_is_e060() -> None:
    report = homework("32x32x3 input, 5x5 filter, pad 2 -> 32x32, I think\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 1, 37, "expected the output after the arrow, found `32x32, I think`")]
    assert report.answers == ()


def test_exercises_with_different_inputs_are_different_networks() -> None:
    # (7 - 3)/2 + 1 = 3, (9 - 3)/2 + 1 = 4: not one exercise said twice
    reports = [a.report for a in analyses("Input 7x7, F=3, stride 2 => 3x3\nInput 9x9, F=3, stride 2 => 3x3\n",
                                          "hw.txt")]
    assert [[a.verdict for a in r.answers] for r in reports] == [["right"], ["wrong"]]


def test_a_problem_told_with_its_filters_size_after_them() -> None:
    # (64 - 3 + 2·1)/1 + 1 = 64; (3·3·3 + 1)·32 = 896 (the sentence was prose, and so were its answers)
    text = "Problem 2\nInput: 64x64x3. Conv with 32 filters 3x3, stride 1, pad 1.\nOutput: 64x64x32\nParams: 895\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right"), ("params", "wrong")]


def test_an_answer_with_no_network_above_it_is_an_error_not_prose() -> None:
    # the problem above could not be read: its answers were skipped as prose, a wrong one unsaid
    report = cnncalc.analyze_text("Problem 2\nInput: 64x64x3 and then something else.\nOutput: 32x32x32\n"
                                  "Params: 896\n", "hw.txt")
    assert [(d.code, d.message) for d in report.diagnostics if d.code == "E060"] == [
        ("E060", "an answer with no network above it: its input and layers were not read")] * 2


def test_problems_on_the_same_input_and_one_line_networks_after_a_number() -> None:
    # the input stated again, then a CONV1 where the network has one: another problem (it was E015, one network)
    reports = [a.report for a in analyses("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nOutput: 32x32x10\n"
                                          "\nInput: 32x32x3\nCONV1: 6 3x3 filters, stride 1, pad 1\nOutput: 32x32x6\n",
                                          "hw.txt")]
    assert [[(a.path, a.verdict) for a in r.answers] for r in reports] == [[("conv1", "right")], [("conv1", "right")]]
    # a question's number before a one-line network (it was prose, its answers E060): (36 - 11 + 2·4)/3 + 1 = 12,
    # (11·11·16 + 1)·6 = 11,622
    report = cnncalc.analyze_text("Q1. INPUT(36x36x16) -> CONV(6 filters, 11x11, stride 3, pad 4)\n"
                                  "How many parameters? 11622\nOutput: 12x12x6\n", "hw.txt")
    assert sorted((a.quantity, a.verdict) for a in report.answers) == [("output", "right"), ("params", "right")]


def test_a_table_of_hyperparameters_describes_its_layers() -> None:
    # (227 - 11)/4 + 1 = 55, (55 - 3)/2 + 1 = 27, `same` keeps 27, (27 - 3)/2 + 1 = 13; params (11·11·3 + 1)·96 =
    # 34,944, (5·5·96 + 1)·256 = 614,656, (13·13·256 + 1)·4096 = 177,213,440, (4096 + 1)·4096 = 16,781,312.
    # Every hyperparameter column was E060 and no row was judged.
    text = ("Input: 227x227x3\n\n| Layer | # Filters | Kernel size | Stride | Padding | Output shape | Parameters |\n"
            "|---|---|---|---|---|---|---|\n| CONV1 | 96 | 11 | 4 | 0 | 55x55x96 | 34,944 |\n"
            "| RELU1 | - | - | - | - | 55x55x96 | 0 |\n| POOL1 | - | 3 | 2 | - | 27x27x96 | 0 |\n"
            "| CONV2 | 256 | 5x5 | 1 | same | 27x27x256 | 614,656 |\n| POOL2 | | 3x3 | 2 | | 13x13x256 | 0 |\n"
            "| FC6 | 4096 | - | - | - | 4096 | 177,213,440 |\n| FC7 | 4096 | | | | (None, 4096) | 16,781,311 |\n")
    report = cnncalc.analyze_text(text, "table.md")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E041"]
    assert [a.verdict for a in report.answers] == ["right"] * 13 + ["wrong"]
    # `Size` beside an `Output` column is the filters' size
    sized = cnncalc.analyze_text("Input: 32x32x3\n\n| Layer | Filters | Size | Stride | Pad | Output | Params |\n"
                                 "|---|---|---|---|---|---|---|\n| CONV1 | 10 | 5x5 | 1 | 2 | 32x32x10 | 760 |\n"
                                 "| CONV2 | 10 | 5x5 | big | 2 | 32x32x10 | 760 |\n", "table.md")
    assert [(d.code, *sized.source.line_col(d.span.start)) for d in sized.diagnostics if d.severity == "error"] == [
        ("E060", 6, 22)]  # the cell `big`
    assert [a.verdict for a in sized.answers] == ["right", "right", "unchecked", "unchecked"]


@pytest.mark.parametrize("line, answers", [
    # CONV2 on 27x27x96: 5·5·96·256 = 614,400 weights and 256 biases, 614,656 parameters. The count written as
    # its two parts, summed, was E060 ("expected the parameter count after the `:`"): now each part is judged.
    ("Params: 614,400 weights + 256 biases", [("weights", "right"), ("biases", "right")]),
    ("Params: 5*5*96*256 = 614,400 weights + 256 biases", [("weights", "right"), ("biases", "right")]),
    ("Number of parameters: 256 biases + 614,400 weights", [("biases", "right"), ("weights", "right")]),
    ("Params: 614,400 weights + 255 biases", [("weights", "right"), ("biases", "wrong")]),
    ("Params: 614,656 weights + 256 biases", [("weights", "wrong"), ("biases", "right")]),
    # the sum written after them is a third answer: the parts were dropped, so a wrong weight count beside the right
    # sum passed
    ("Params: 614,400 weights + 256 biases = 614,656", [("params", "right"), ("weights", "right"),
                                                         ("biases", "right")]),
    ("Params: 614,400 weights + 256 biases = 614,400", [("params", "wrong"), ("weights", "right"),
                                                         ("biases", "right")]),
    ("Params: 614,401 weights + 256 biases = 614,656", [("params", "right"), ("weights", "wrong"),
                                                         ("biases", "right")]),
    ("Params = 5*5*96*256 = 614,400 weights + 255 biases = 614,656 parameters",
     [("params", "right"), ("weights", "right"), ("biases", "wrong")]),
])
def test_a_parameter_count_answered_as_weights_plus_biases(line: str, answers: list[tuple[str, str]]) -> None:
    report = cnncalc.analyze_text(f"Input: 27x27x96\nCONV2: 256 5x5 filters at stride 1, pad 2\n{line}\n", "hw.txt")
    assert sorted((a.quantity, a.verdict) for a in report.answers) == sorted(answers), report.diagnostics


def test_a_type_column_names_the_kind_and_the_hyperparameter_columns_the_rest() -> None:
    # (32 - 5 + 2·2)/1 + 1 = 32, params (5·5·3 + 1)·10 = 760; a ReLU keeps 32x32x10; (32 - 2)/2 + 1 = 16;
    # the FC layer (16·16·10 + 1)·10 = 25,610. Every row was E060 ("expected the number of filters"): the Type
    # cell was read as the whole description and the columns after it were left out.
    text = ("| # | Layer | Type | K | F | S | P | Output volume | Params |\n|---|---|---|---|---|---|---|---|---|\n"
            "| 0 | data | input | | | | | 32x32x3 | |\n| 1 | L1 | Convolution | 10 | 5 | 1 | 2 | 32x32x10 | 760 |\n"
            "| 2 | L2 | ReLU | - | - | - | - | 32x32x10 | 0 |\n| 3 | L3 | Max Pooling | | 2 | 2 | | 16x16x10 | 0 |\n"
            "| 4 | L4 | Fully Connected | 10 | | | | 10 | 25,610 |\n| 5 | L5 | Softmax | | | | | 10 | 0 |\n")
    report = cnncalc.analyze_text(text, "table.md")
    assert not [d for d in report.diagnostics if d.severity == "error"]
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == [
        (f"l{i}", q, "right") for i in range(1, 6) for q in ("output", "params")]
    # and wrong answers are wrong: 750 leaves out the 10 biases, 15x15x10 the + 1 of (32 - 2)/2 + 1
    wrong = cnncalc.analyze_text(text.replace("| 760 |", "| 750 |").replace("16x16x10 | 0", "15x15x10 | 0"),
                                 "table.md")
    assert [(a.label, a.quantity) for a in wrong.answers if a.verdict == "wrong"] == [("l1", "params"),
                                                                                        ("l3", "output")]
    # a kind in the Type cell whose name says none (`act1`, `p1`), alone or leading a description: (32 - 2)/2 + 1 = 16
    kinds = cnncalc.analyze_text("Input: 32x32x3\n\n| Layer | Type | Output | Params |\n|---|---|---|---|\n"
                                 "| act1 | ReLU | 32x32x3 | 0 |\n| p1 | avg pool 2x2 stride 2 | 16x16x3 | 0 |\n"
                                 "| p2 | max pool 2x2 stride 2 | 7x7x3 | 0 |\n", "table.md")
    assert [(a.label, a.quantity, a.verdict) for a in kinds.answers] == [
        ("act1", "output", "right"), ("act1", "params", "right"), ("p1", "output", "right"), ("p1", "params", "right"),
        ("p2", "output", "wrong"), ("p2", "params", "right")]  # (16 - 2)/2 + 1 = 8, not 7


def test_after_a_named_layer_is_its_output_unless_answered_already() -> None:
    # (227 - 11)/4 + 1 = 55, then (55 - 3)/2 + 1 = 27
    text = ("Input: 227x227x3 images\nFirst layer (CONV1): 96 11x11x3 filters applied at stride 4\n"
            "Second layer (POOL1): 3x3 filters applied at stride 2\nAfter CONV1: 55x55x96\nAfter POOL1: 26x26x96\n"
            "After POOL1: 27x27x96\nAfter CONV9: 5x5x5\n")
    report = cnncalc.analyze_text(text, "hw.txt")
    # the second `After POOL1` answers an answered layer again: the first is judged, and the second, saying
    # otherwise, is E060 (the lecture's restatements say the same, and are prose)
    assert [(a.label, a.expected, a.verdict) for a in report.answers] == [
        ("conv1", "55x55x96", "right"), ("pool1", "26x26x96", "wrong")]
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        # (55 - 3)/2 + 1 = 27; 26 leaves out the + 1
        ("E040", 5, 14, "pool1: expected 26x26x96, computed 27x27x96; that leaves out the + 1: (55 - 3 + 2·0)/2 = 26"),
        ("E060", 6, 14, "`27x27x96` answers again what was answered `26x26x96` above"),
        ("E060", 7, 7, "no layer CONV9 above to give this output to")]


EXERCISES = """Assume, input image is 7x7 filter is 3x3
output is 5x5
Assume, input image is 7x7 filter is 3x3 stride is 2
Assume, input image is 7x7 filter is 3x3 stride is 2
output is 3x3
e.g. input 7x7, filter 3x3, applied with **stride 1, pad** with **1 pixel** => what is the output?
7x7 output!
input 32x32x3, filter 5x5x3, stride 1, pad 2 => output 32x32x2
Input: 7x7, filter: 3x3, stride 3
"""


def test_the_lectures_output_size_exercises(tmp_path: Path) -> None:
    # (N - F + 2P)/S + 1: (7 - 3)/1 + 1 = 5; (7 - 3)/2 + 1 = 3; (7 - 3 + 2)/1 + 1 = 7; (32 - 5 + 4)/1 + 1 = 32
    # with one filter, so a depth of 1 (not 2); (7 - 3)/3 + 1 = 2.33, the lecture's "doesn't fit"
    path = tmp_path / "hw.txt"
    path.write_text(EXERCISES)
    reports = cnncalc.analyze_all(path)  # detected from the exercises' lines
    assert [r.input.dims for r in reports] == [(7, 7, 1), (7, 7, 1), (7, 7, 1), (32, 32, 3), (7, 7, 1)]
    assert [[(a.expected, a.verdict) for a in r.answers] for r in reports] == [
        [("5x5", "right")], [("3x3", "right")], [("7x7", "right")], [("32x32x2", "wrong")], []]
    assert [d.code for r in reports for d in r.diagnostics if d.severity == "error"] == ["E040", "E030"]


@pytest.mark.parametrize("answer, verdict, codes", [
    # (7 - 3)/3 + 1 = 2.33 on both sides: the value after the working's last `=` (each was prose, leaving E030 alone)
    ("Output volume size: (7-3)/3+1 = 2.33", "right", ["N047"]),
    ("Output = (7 - 3)/3 + 1 = 2.33", "right", ["N047"]),
    ("Output size: (7-3)/3 + 1 = 2.33 -> doesn't fit", "right", ["N047"]),
    ("Output: 2.33, doesn't fit", "right", ["N047"]),
    ("Output: (7-3)/3+1 = 2.34", "wrong", ["E030", "E040"]),
    ("Output: 2.5", "wrong", ["E030", "E040"]),
])
def test_a_layers_output_answered_with_the_value_of_its_division(answer: str, verdict: str, codes: list[str]) -> None:
    report = cnncalc.analyze_text(f"Input volume: 7x7x3\n10 3x3 filters with stride 3, pad 0\n{answer}\n", "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict)]
    assert [d.code for d in report.diagnostics if d.code != "N060"] == codes


@pytest.mark.parametrize("answer, verdict", [
    # (7 - 3)/2 + 1 = 3, worked out: the side of the 3x3x10 output (was prose)
    ("Output: (7-3)/2+1 = 3", "right"), ("Output size: (7 - 3)/2 + 1 = 3", "right"), ("Output: (7-3)/2+1 = 4", "wrong"),
    ("Output: 3*3*10 = 90", "right"),  # the volume as a product, then its values (judged as memory: right too)
])
def test_a_layers_output_worked_out_to_its_side(answer: str, verdict: str) -> None:
    report = cnncalc.analyze_text(f"Input volume: 7x7x3\n10 3x3 filters with stride 2, pad 0\n{answer}\n", "hw.txt")
    assert report.answers[0].quantity == "output" and report.answers[0].verdict == verdict
    assert all(a.verdict == "right" for a in report.answers[1:])


@pytest.mark.parametrize("text, column, written", [
    ("[99999999x5x3] INPUT\n", 2, "99999999x5x3"),  # above the 1,048,576 of a side
    ("Input: 7x7x99999999999 images\n", 8, "7x7x99999999999"),  # above the 16,777,216 of a depth
    ("input 99999999999x9, filter 3x3\n", 7, "99999999999x9"),
])
def test_the_lectures_inputs_have_the_spec_languages_limits(text: str, column: int, written: str) -> None:
    report = homework(text)
    assert ("E023", 1, column, f"input `{written}` is beyond cnncalc's limits") in [
        (d.code, d.line, d.column, d.message) for d in report.diagnostics]
    assert report.input is None and report.rows == []  # nothing computed on it


@pytest.mark.parametrize("text, column, written", [
    ("[0x227x3] INPUT\n[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0\n", 2, "0x227x3"),
    ("Input volume: 32x32x0\n10 5x5 filters with stride 1, pad 2\nOutput volume size: 32x32x10\n", 15, "32x32x0"),
    ("Input: 0\nFC: 10 neurons, 110 params\n", 8, "0"),
])
def test_an_input_of_size_0_in_the_lectures_notation_is_its_error_not_prose(text: str, column: int,
                                                                            written: str) -> None:
    # The line was skipped as prose, and the layer under it said to come "before any `input`" (E024): the
    # reader was sent looking for a missing line. A size of 0 is the input's error, as in the spec language.
    report = homework(text)
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E023", 1, column, f"shape `{written}` has a size below 1")]
    assert report.input is None and all(a.verdict == "unchecked" for a in report.answers)


def test_an_exercise_stated_again_with_an_answer_is_not_dropped() -> None:
    # (7 - 3)/3 + 1 = 2.33: the stride does not fit. The second statement's `2` was dropped unread.
    report = cnncalc.analyze_text("N = 7, F = 3, stride 3 => doesn't fit\nN = 7, F = 3, stride 3 => 2\n", "hw.txt",
                                  lang="lecture")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 2, 27, "`2` answers again what was answered `doesn't fit` above")]
    assert [(a.expected, a.verdict) for a in report.answers] == [("doesn't fit", "right")]
    # Stated first without an answer, then with one: the answer is judged ((7 - 3)/2 + 1 = 3).
    report = homework("N = 7, F = 3, stride 2\nN = 7, F = 3, stride 2 => 4\n")
    assert [(a.expected, a.verdict) for a in report.answers] == [("4", "wrong")]


def test_a_numbered_exercise_asked_as_a_question_is_judged() -> None:
    # (7 - 3)/1 + 1 = 5; (7 - 3)/2 + 1 = 3
    report = cnncalc.analyze_text("Q2: input 7x7, filter 3x3, stride 1 => what is the output? 5x5\n", "hw.txt",
                                  lang="lecture")
    assert [(a.expected, a.verdict) for a in report.answers] == [("5x5", "right")]
    report = cnncalc.analyze_text("3) input 7x7, filter 3x3, stride 2\nWhat is the output? 4x4\n", "hw.txt",
                                  lang="lecture")
    assert [(a.expected, a.verdict) for a in report.answers] == [("4x4", "wrong")]


def test_an_exercises_answer_that_is_no_volume_is_e060() -> None:
    report = homework("input 7x7, filter 3x3 => output 0x5\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 1, 33, "`0x5` is not a volume")]


def test_a_volume_with_a_decimal_size_is_e060_not_the_digits_after_its_point() -> None:
    # `1.16x16x10` was read as `16x16x10` and passed for a pool that gives (32 - 2)/2 + 1 = 16.
    text = ("Input volume: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nOutput volume size: 32.5x32x10\n"
            "POOL1: 2x2 max pool, stride 2\nOutput volume: 1.16x16x10\n[1.16x16x10] POOL2: 1x1 filters at stride 1\n")
    report = homework(text)
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, 21, "`32.5x32x10` is not a volume"), ("E060", 5, 16, "`1.16x16x10` is not a volume"),
        ("E060", 6, 2, "`1.16x16x10` is not a volume")]
    assert "doesn't fit" in (report.diagnostics[0].hint or "")
    assert report.answers == ()


def test_a_spec_whose_input_line_mentions_a_filter_is_still_a_spec() -> None:
    from cnncalc.notations import detect
    assert detect("input 227x227x3  # then a filter bank\nconv 96 11x11\n", "<stdin>") == "spec"
    assert detect("input 7x7, filter 3x3, stride 2\n", "<stdin>") == "lecture"


def test_an_exercise_cnncalc_cannot_read_is_e060() -> None:
    report = cnncalc.analyze_text("input 7x7, filter 3x3\noutput is 5x5\ninput 7x7, filter 3x3, stride twice\n",
                                  "hw.txt", lang="lecture")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, 31, "expected a number after `stride`")]  # reported, so not prose as well
    assert [(a.expected, a.verdict) for a in report.answers] == [("5x5", "right")]  # (7 - 3)/1 + 1 = 5


def test_totals_written_under_a_listing_are_judged() -> None:
    # (32 + 2·2 - 5)/1 + 1 = 32; (5·5·3 + 1)·10 = 760; 32·32·10·5·5·3 = 768,000 MACs
    listing = "[32x32x3] INPUT\n[32x32x10] CONV1: 10 5x5 filters at stride 1, pad 2\n"
    report = cnncalc.analyze_text(listing + "Total params: 760\n- TOTAL number of MACs = 0.77M\n"
                                  "Total parameters = 750 parameters\n", "hw.txt")
    assert [(a.quantity, a.expected, a.verdict) for a in report.answers] == [
        ("output", "32x32x10", "right"), ("total params", "760", "right"), ("total macs", "0.77M", "right"),
        ("total params", "750", "wrong")]
    report = cnncalc.analyze_text(listing + "What is the total number of parameters? 750\nQ: Total MACs? A: 768K\n",
                                  "hw.txt")
    assert [(a.quantity, a.expected, a.verdict) for a in report.answers] == [
        ("output", "32x32x10", "right"), ("total params", "750", "wrong"), ("total macs", "768K", "right")]
    report = cnncalc.analyze_text(listing + "Total params: many\n", "hw.txt")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, 15, "expected the total parameter count after the `:`, as in `= 35K`")]


def test_a_worked_example_count_that_is_not_one_is_e060() -> None:
    report = cnncalc.analyze_text("Input volume: 32x32x3\n10 5x5 filters with stride 1, pad 2\nParameters: many\n"
                                  "Weights: 750 or so\n", "hw.txt")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, 13, "expected the parameter count after the `:`, as in `= 35K`"),
        ("E060", 4, 14, "cnncalc does not understand `or so` after the weight count, so it is not judged")]
    assert report.answers == ()


def test_an_answer_whose_question_names_a_layer_is_that_layers() -> None:
    # (227 - 11)/4 + 1 = 55 and (11·11·3 + 1)·96 = 34,944 for CONV1; (55 - 3)/2 + 1 = 27 for POOL1. Asked
    # after POOL1, CONV1's right answers were judged as POOL1's: both marked wrong.
    head = "Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nPOOL1: 3x3 filters at stride 2\n"
    report = cnncalc.analyze_text(head + "What is the output volume of CONV1? 55x55x96\n"
                                  "How many parameters does CONV1 have? 34,944\nOutput volume of POOL1: 27x27x96\n"
                                  "Number of parameters in POOL1: 0\n", "hw.txt", lang="lecture")
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "output", "right"), ("conv1", "params", "right"), ("pool1", "output", "right"),
        ("pool1", "params", "right")]
    assert report.diagnostics == ()
    report = homework(head + "What is the output volume of CONV1? 27x27x96\n")
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "wrong")]  # POOL1's, given for CONV1
    report = cnncalc.analyze_text(head + "What is the output volume of FC7? 4096\nParams of CONV1 and POOL1: 34,944\n",
                                  "hw.txt", lang="lecture")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 4, 30, "no layer FC7 above to give this answer to"),
        ("E060", 5, 11, "this answer names CONV1 and POOL1; an answer is about one layer")]
    assert report.answers == ()
    # A kind of layer other than the last one's, without a name: the network's one layer of that kind (CONV1's
    # right 55x55x96 was judged as POOL1's and marked wrong); the pool's kind matches.
    report = cnncalc.analyze_text(head + "Output volume of the conv layer: 55x55x96\n"
                                  "Output after the average pooling layer: 27x27x96\n", "hw.txt", lang="lecture")
    assert report.diagnostics == ()
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "right"), ("pool1", "right")]
    # with two conv layers above, which one is not said: no verdict
    two = head + "CONV2: 8 3x3 filters, pad 1\nPOOL2: 3x3 filters at stride 2\n"
    report = cnncalc.analyze_text(two + "Output volume of the conv layer: 55x55x96\n", "hw.txt", lang="lecture")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 6, 22, "this answer is about a `conv` layer, and the layer above is POOL2")]
    assert report.answers == ()


@pytest.mark.parametrize("statement", [
    "CONV1 (96 11x11 filters, stride 4, pad 0)", "CONV1 96 11x11 filters at stride 4, pad 0",
    "CONV1 - 96 11x11 filters at stride 4, pad 0", "CONV1 = 96 11x11 filters at stride 4, pad 0",
    "CONV1 layer: 96 11x11 filters at stride 4, pad 0", "CONV1 with 96 11x11 filters at stride 4, pad 0",
    "CONV1 has 96 11x11 filters, stride 4, pad 0", "CONV1 -- 96 11x11 filters, S=4, P=0"])
def test_a_layer_named_then_described_without_a_colon_is_read(statement: str) -> None:
    # These lines were prose: CONV2 was then computed on the 227x227x3 input, and its right answer,
    # (55 - 5 + 2·2)/1 + 1 = 55 on CONV1's (227 - 11)/4 + 1 = 55, was marked wrong.
    report = cnncalc.analyze_text(f"Input: 227x227x3\n{statement}\nOutput: 55x55x96\n"
                                  "CONV2: 256 5x5 filters at stride 1, pad 2\nOutput: 55x55x256\n", "hw.txt",
                                  lang="lecture")
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "right"), ("conv2", "right")]
    assert report.diagnostics == ()


@pytest.mark.parametrize("description", [
    "96 filters (11x11), stride 4", "96 filters, size 11, stride 4", "96 filters of size 11 at stride 4"])
def test_a_filter_size_after_filters(description: str) -> None:
    # (227 - 11)/4 + 1 = 55 and (11·11·3 + 1)·96 = 34,944; these descriptions were E060.
    report = cnncalc.analyze_text(f"[227x227x3] INPUT\n[55x55x96] CONV1: {description} (34,944 params)\n", "hw.txt",
                                  lang="lecture")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right"), ("params", "right")]
    assert report.diagnostics == ()


@pytest.mark.parametrize("statement", ["FC6: 4096", "FC6: fully connected, 4096 units", "FC6 (4096)",
                                       "FC6: 4096 -> 4096", "FC6: 4096 fully connected units",
                                       "FC6: 4096 fully-connected neurons", "FC6: 4096 units, fully connected",
                                       "FC6: 4096-unit fully connected layer",
                                       "FC6: a fully connected layer with 4096 units",
                                       "FC6: fully-connected layer of 4096 neurons", "C6: 4096 fully connected units"])
def test_an_fc_layer_stated_by_its_width(statement: str) -> None:
    # (6·6·256 + 1)·4096 = 37,752,832; these statements were E060 (`expected neurons`, `expected filters`).
    report = homework(f"Input: 6x6x256\n{statement}\nParams: 37,752,832\n")
    assert [a.verdict for a in report.answers] == ["right"] * len(report.answers) and len(report.answers) >= 1
    assert [a.quantity for a in report.answers][-1] == "params" and report.diagnostics == ()
    wrong = homework(f"Input: 6x6x256\n{statement}\nParams: 37,748,736\n")  # 6·6·256·4096, the biases left out
    assert [a.verdict for a in wrong.answers][-1] == "wrong"


@pytest.mark.parametrize("pool, conv", [
    ("maxpool (2x2, stride 2): {}", "conv (3x3, 128, stride 1, pad 1): {}, params {}"),
    ("max pool (2x2, stride 2) -> {}", "conv (3x3, 128 filters, stride 1, pad 1) -> {}, params {}"),
    ("pool (2x2, stride 2): {}", "conv 3x3, 128, stride 1, pad 1 -> {}, params {}")])
def test_a_layer_named_by_its_kind_with_its_description_in_parentheses(pool: str, conv: str) -> None:
    # 2x2 pooling at stride 2 on 56x56x64: 28x28x64; 128 3x3 filters padded by 1: 28x28x128, (3·3·64 + 1)·128 =
    # 73,856. The pool's line was prose (or E060), and the size-first count without `filters` E060.
    sheet = f"Input: 56x56x64\n{pool}\n{conv}\n"
    report = homework(sheet.format("28x28x64", "28x28x128", "73,856"))
    assert report.ok and [a.verdict for a in report.answers] == ["right"] * 3, report.diagnostics
    assert [r.keyword for r in report.rows] == ["maxpool", "conv"]
    wrong = homework(sheet.format("27x27x64", "28x28x128", "73,728"))  # (56 - 2)/2 without the + 1; no biases
    assert [a.verdict for a in wrong.answers] == ["wrong", "right", "wrong"]


def test_a_frameworks_call_then_its_answers_after_a_colon() -> None:
    # 32 3x3 filters on 28x28x1: 26x26x32, (3·3·1 + 1)·32 = 320; 2x2 pooling: 13x13x32. The lines were prose, their
    # answers passed over.
    sheet = "Input: 28x28x1\nConv2d(1, 32, kernel_size=3): {}, params {}\nnn.MaxPool2d(2): {}\n"
    report = homework(sheet.format("26x26x32", 320, "13x13x32"))
    assert report.ok and [a.verdict for a in report.answers] == ["right"] * 3, report.diagnostics
    wrong = homework(sheet.format("28x28x32", 288, "13x13x32"))  # padded as if `same`; the biases left out
    assert [a.verdict for a in wrong.answers] == ["wrong", "wrong", "right"]


@pytest.mark.parametrize("said", ["CONV1: 64 3x3 filters, pad 1 (x2)", "Conv 3x3, 64 filters, pad 1 (×2)",
                                  "conv3-64 (2 times)", "CONV1: 64 3x3 filters, pad 1 (twice)", "2 x CONV3-64",
                                  "2× conv 3x3, 64 filters, pad 1", "conv3-64 (repeated 2 times)"])
def test_a_layer_said_to_repeat_on_its_line(said: str) -> None:
    # VGG's first stage, two 3x3 convolutions padded by 1: (3·3·3 + 1)·64 = 1,792 and (3·3·64 + 1)·64 = 36,928,
    # 38,720 in all; the output stays 224x224x64, pooled to 112. The repetition was passed over (or the line E060):
    # the right 38,720 was marked wrong against the first convolution's 1,792.
    sheet = f"Input: 224x224x3\n{said} -> 224x224x64, params {{}}\nmaxpool 2x2, stride 2 -> 112x112x64\n"
    report = homework(sheet.format("38,720"))
    assert report.ok and [a.verdict for a in report.answers] == ["right"] * 3, report.diagnostics
    assert [r.keyword for r in report.rows] == ["conv", "conv", "maxpool"]
    wrong = homework(sheet.format("1,792"))  # the first convolution's alone: the line's count is both's
    assert [a.verdict for a in wrong.answers] == ["right", "wrong", "right"]


def test_a_layer_said_to_repeat_in_a_tables_row() -> None:
    # VGG's first stages in a table: 1,792 + 36,928 = 38,720; (3·3·64 + 1)·128 + (3·3·128 + 1)·128 = 73,856 + 147,584
    # = 221,440; its `maxpool` the paper's 2x2 at stride 2 (224/2 = 112). The repetition was passed over: a right
    # 38,720 marked wrong against 1,792, and the table's `maxpool` was E060
    table = ("| Layer | Output | Params |\n|---|---|---|\n| Input | 224x224x3 | 0 |\n"
             "| conv3-64 (x2) | 224x224x64 | {} |\n| maxpool | 112x112x64 | 0 |\n"
             "| 2 x conv3-128 | 112x112x128 | 221,440 |\n")
    report = cnncalc.analyze_text(table.format("38,720"), "vgg.md")
    assert report.ok and [a.verdict for a in report.answers] == ["right"] * 7, report.diagnostics
    wrong = cnncalc.analyze_text(table.format("1,792"), "vgg.md")
    assert [(a.expected, a.verdict) for a in wrong.answers if a.verdict != "right"] == [("1,792", "wrong")]


def test_a_repetition_said_on_an_answer_or_too_often() -> None:
    # after a count it is the count's remark, as before: (3·3·3 + 1)·64 = 1,792 for the one convolution stated
    report = homework("Input: 224x224x3\nCONV1: 64 3x3 filters\nParams: 1,792 (x2)\n")
    assert [a.verdict for a in report.answers] == ["right"] and report.ok
    # past the limit: E060 where it is said, the layer unknown, the answer after it not judged
    from cnncalc.limits import MAX_TIMES_SAID
    many = homework(f"Input: 224x224x3\nCONV1: 64 3x3 filters, pad 1 (x{MAX_TIMES_SAID + 1})\n"
                    "POOL1: 2x2 max pool, stride 2 -> 112x112x64\n")
    assert [(d.code, d.line, d.column) for d in many.diagnostics if d.severity == "error"] == [("E060", 2, 30)]
    assert [a.verdict for a in many.answers] == ["unchecked"]
    most = homework(f"Input: 224x224x3\nCONV1: 64 3x3 filters, pad 1 (x{MAX_TIMES_SAID}) -> 224x224x64\n")
    assert most.ok and len(most.rows) == MAX_TIMES_SAID and [a.verdict for a in most.answers] == ["right"]


# The CS231n notes' conv layer in their letters: W2 = (W1 - F + 2P)/S + 1 = (32 - 5 + 4)/1 + 1 = 32, D2 = K = 10, and
# (F·F·D1 + 1)·K = (5·5·3 + 1)·10 = 760 parameters
LETTERS_SHEET = """{given}
Hyperparameters: K = 10, F = 5, S = 1, P = 2
W2 = (W1 - F + 2P)/S + 1 = (32 - 5 + 4)/1 + 1 = 32
D2 = K = 10
Output volume: {output}
Number of parameters: (F*F*D1 + 1)*K = (5*5*3+1)*10 = {params}
"""


@pytest.mark.parametrize("given", ["Input volume: W1 = 32, H1 = 32, D1 = 3", "W1 = H1 = 32, D1 = 3",
                                   "The input is W1 = 32, H1 = 32 and D1 = 3."])
def test_an_input_and_a_layer_given_in_the_notes_letters(given: str) -> None:
    # the input's line was prose (no input: every answer not checked, or E020 read as the spec language), and
    # `Hyperparameters:` did not lead a convolution
    report = cnncalc.analyze_text(LETTERS_SHEET.format(given=given, output="32x32x10", params=760), "hw.txt")
    assert report.ok and [(a.quantity, a.verdict) for a in report.answers] == [
        ("output", "right"), ("width", "right"), ("depth", "right"), ("params", "right")], report.diagnostics
    wrong = cnncalc.analyze_text(LETTERS_SHEET.format(given=given, output="28x28x10", params=750), "hw.txt")
    assert [a.verdict for a in wrong.answers] == ["wrong", "right", "right", "wrong"]  # unpadded; no biases
    # a side missing, or another letter on the line: not the input
    for partial in ("W1 = 32, D1 = 3", "W1 = 32, H1 = 32, D1 = 3, K = 10"):
        unread = cnncalc.analyze_text(LETTERS_SHEET.format(given=partial, output="32x32x10", params=760), "hw.txt")
        assert "right" not in [a.verdict for a in unread.answers]


def test_a_sheet_in_the_notes_letters_alone_is_detected_and_its_pool_read() -> None:
    # Only letters: the sheet was read as the spec language (six errors, no verdict). The notes' pooling layer has
    # two hyperparameters, F and S (a convolution needs K too): (32 - 2)/2 + 1 = 16, no parameters; its line was
    # prose, and the pool's answer was taken for the convolution's (E060).
    sheet = ("W1 = 32, H1 = 32, D1 = 3\nHyperparameters: K = 10, F = 5, S = 1, P = 2\n"
             "W2 = (32 - 5 + 4)/1 + 1 = {conv}\nD2 = K = 10\nHyperparameters: F = 2, S = 2\n"
             "W2 = (32 - 2)/2 + 1 = {pool}\n")
    report = cnncalc.analyze_text(sheet.format(conv=32, pool=16), "notes.txt")
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "width", "right"), ("conv1", "depth", "right"), ("maxpool1", "width", "right")]
    wrong = cnncalc.analyze_text(sheet.format(conv=28, pool=15), "notes.txt")
    assert [a.verdict for a in wrong.answers] == ["wrong", "right", "wrong"]
    # a letter said twice is no pool; with K it is a convolution, K 2x2 filters (the notes' pool is F and S alone)
    for letters, labels in (("F = 2, S = 2, F = 3", ["conv1", "conv1"]), ("F = 2, K = 2", ["conv1", "conv1", "conv2"])):
        other = cnncalc.analyze_text(sheet.format(conv=32, pool=16).replace("F = 2, S = 2", letters), "notes.txt")
        assert [a.label for a in other.answers] == labels


# AlexNet (without its grouping, as the lecture counts it) in a table whose layer cells are compact: conv2 (5·5·96 +
# 1)·256 = 614,656, conv3 (3·3·256 + 1)·384 = 885,120, conv4 (3·3·384 + 1)·384 = 1,327,488, conv5 (3·3·384 + 1)·256
# = 884,992, FC6 (6·6·256 + 1)·4096 = 37,752,832, FC7 (4096 + 1)·4096 = 16,781,312, FC8 (4096 + 1)·1000 = 4,097,000;
# with conv1's 34,944, 62,378,344 in all; the pools (55 - 3)/2 + 1 = 27, (27 - 3)/2 + 1 = 13, (13 - 3)/2 + 1 = 6
COMPACT_TABLE = """| Layer | Output | Params |
|-------|--------|--------|
| Input | 227x227x3 | 0 |
| Conv1 (96, 11x11, s4) | 55x55x96 | 34,944 |
| MaxPool (3x3, s2) | 27x27x96 | 0 |
| Conv2 (256, 5x5, p2) | 27x27x256 | {conv2} |
| MaxPool (3x3, s2) | 13x13x256 | 0 |
| Conv3 (384, 3x3, p1) | 13x13x384 | 885,120 |
| Conv4 (384, 3x3, p1) | 13x13x384 | 1,327,488 |
| Conv5 (256, 3x3, p1) | 13x13x256 | 884,992 |
| MaxPool (3x3, s2) | {pool} | 0 |
| FC6 | 4096 | 37,752,832 |
| FC7 | 4096 | 16,781,312 |
| FC8 | 1000 | 4,097,000 |
| Total | | 62,378,344 |
"""


def test_a_convolutions_count_then_its_size_after_a_comma() -> None:
    # `Conv1 (96, 11x11, s4)`: E060 (`expected filters`), and every answer after it not checked
    report = cnncalc.analyze_text(COMPACT_TABLE.format(conv2="614,656", pool="6x6x256"), "alexnet.md")
    assert report.ok and len(report.answers) == 24 and {a.verdict for a in report.answers} == {"right"}
    wrong = cnncalc.analyze_text(COMPACT_TABLE.format(conv2="614,400", pool="5x5x256"), "alexnet.md")
    assert [(a.expected, a.verdict) for a in wrong.answers if a.verdict != "right"] == [
        ("614,400", "wrong"), ("5x5x256", "wrong")]  # the biases left out; (13 - 3)/2 without the + 1


def test_a_listing_of_kinds_with_the_size_then_a_comma_is_the_lecture_notation() -> None:
    # ResNet-18's first block as a listing: (3·3·64 + 1)·64 = 36,928 a convolution, a batch norm's scale and shift
    # 2·64 = 128. Read as the spec language it gave 13 errors and no verdict (`conv 3x3, 64` is no spec statement).
    from cnncalc.notations import detect
    sheet = ("Input: 56x56x64\nconv 3x3, 64, stride 1, pad 1 -> 56x56x64 (36,928 params)\n"
             "batch norm -> 56x56x64 (128 params)\nrelu\nconv 3x3, 64, stride 1, pad 1 -> 56x56x64 ({} params)\n")
    assert detect(sheet, "block.txt") == "lecture"
    assert detect("input 56x56x64\nconv 64 3x3 pad 1 -> 56x56x64\n", "block.txt") == "spec"
    report = cnncalc.analyze_text(sheet.format("36,928"), "block.txt")
    assert report.ok and [a.verdict for a in report.answers] == ["right"] * 6, report.diagnostics
    wrong = cnncalc.analyze_text(sheet.format("36,864"), "block.txt")  # the biases left out
    assert [a.verdict for a in wrong.answers] == ["right"] * 5 + ["wrong"]


@pytest.mark.parametrize("case, verdict", [
    ("stride 3 => 2.33 => doesn't fit", "right"), ("stride 3 => (7 - 3)/3 + 1 = 2.33 => doesn't fit", "right"),
    ("stride 2 => (7 - 3)/2 + 1 => 3", "right"), ("stride 2 => 3 => 3", "right"),
    ("stride 2 => (7 - 3)/2 + 1 => 4", "wrong"), ("stride 3 => 2.5 => doesn't fit", "wrong")])
def test_an_exercises_answer_after_a_second_arrow(case: str, verdict: str) -> None:
    # N = 7, F = 3: (7 - 3)/2 + 1 = 3 at stride 2; at stride 3, (7 - 3)/3 + 1 = 2.33, no whole number. The answer
    # after the second arrow was not read: E060, or the invalid stride the answer said reported as an error (exit 1)
    report = homework(f"Example N = 7, F = 3:\n{case}\n")
    assert [a.verdict for a in report.answers] == [verdict], report.diagnostics
    assert report.ok == (verdict == "right")


@pytest.mark.parametrize("given", ["Network: input 64x64x3", "Network input: 64x64x3", "Model: input 64x64x3",
                                   "Input tensor: 64x64x3", "Input layer: 64x64x3"])
def test_the_input_given_after_the_networks_name_or_as_a_tensor(given: str) -> None:
    # 32 3x3 filters padded by 1 on 64x64x3: 64x64x32, (3·3·3 + 1)·32 = 896. The line was prose: no input, E024
    sheet = f"{given}\nLayer 1: Conv, 32 filters of 3x3, stride 1, padding 1\n - Output: 64x64x32\n" \
        " - Parameters: {}\n"
    assert [a.verdict for a in homework(sheet.format(896)).answers] == ["right", "right"]
    assert [a.verdict for a in homework(sheet.format(864)).answers] == ["right", "wrong"]  # the biases left out


@pytest.mark.parametrize("remark", ["After applying max pooling with a 2x2 window:", "The pooling halves it:",
                                    "After pooling:", "Subsampled:", "Pooling (2x2, stride 2) halves the size:"])
def test_an_answer_under_a_remark_that_names_a_pooling_step_is_not_judged_against_the_layer_above(remark: str) -> None:
    # CONV1 keeps 32x32 ((32 - 5 + 2·2)/1 + 1 = 32); the remark names a pool, and 16x16x10 under it is that pool's
    # output (32/2 = 16): it was marked wrong as CONV1's
    above = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n"
    report = homework(above + f"{remark}\nOutput: 16x16x10\n")
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 3)]
    assert "state the step as a layer above its answers" in (report.diagnostics[0].hint or "")
    assert [a.verdict for a in report.answers] == ["unchecked"]
    # a remark about the layer above is no step: its answer is that layer's
    assert [a.verdict for a in homework(above + "The conv keeps the size:\nOutput: 16x16x10\n").answers] == ["wrong"]
    # followed by a layer, a total or an answer named for the layer above, it is prose, as it was
    prose = [above + f"Output: 32x32x10\n{remark}\nPOOL1: 2x2 max pool, stride 2\nOutput: 16x16x10\n",
             "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2 -> 32x32x10, 760 params\n"
             f"{remark}\nTotal params: 760\n", above + f"{remark}\nCONV1 output: 32x32x10\n",
             "Input: 32x32x3\nPOOL1: 2x2 max pool, stride 2\nThe pooling halves it:\nOutput: 16x16x3\n"]
    for sheet in prose:
        read = homework(sheet)
        assert read.ok and {a.verdict for a in read.answers} == {"right"}, (sheet, read.diagnostics)
    # two such remarks, then answers (a first version dropped the first remark after the answer had its place among
    # the lines: an internal error), or an answer named for the layer above: (5·5·3 + 1)·10 = 760
    both = homework(above + f"{remark}\nSubsampled:\nOutput: 16x16x10\nParams: 0\n")
    assert [d.line for d in both.diagnostics if d.code == "E060"] == [3, 4]
    assert [a.verdict for a in both.answers] == ["unchecked", "unchecked"]
    named = homework(above + f"{remark}\nSubsampled:\nCONV1 output: 32x32x10\nParams: 760\n")
    assert named.ok and [a.verdict for a in named.answers] == ["right", "right"]


# VGG-16's first stages in the paper's names, each convolution padded by 1: (3·3·3 + 1)·64 = 1,792, (3·3·64 + 1)·64 =
# 36,928, (3·3·64 + 1)·128 = 73,856, (3·3·128 + 1)·128 = 147,584; the pools halve 224 to 112 and 112 to 56
VGG_COLONS = """VGG-16 (first block), input 224x224x3

conv3-64: output 224x224x64, params = 3*3*3*64 + 64 = 1,792
conv3-64: output 224x224x64, params = 3*3*64*64 + 64 = {conv2}
maxpool: output 112x112x64
conv3-128: output 112x112x128, params = 73,856
conv3-128: output 112x112x128, params = 147,584
maxpool: output {pool}
"""


def test_the_vgg_papers_names_with_their_answers_after_a_colon() -> None:
    # the lines were each E060 (read as the spec language: ten errors), the title's input prose: nothing judged
    from cnncalc.notations import detect
    assert detect(VGG_COLONS, "vgg.txt") == "lecture"
    report = cnncalc.analyze_text(VGG_COLONS.format(conv2="36,928", pool="56x56x128"), "vgg.txt")
    assert report.ok and [a.verdict for a in report.answers] == ["right"] * 10, report.diagnostics
    wrong = cnncalc.analyze_text(VGG_COLONS.format(conv2="36,864", pool="55x55x128"), "vgg.txt")
    assert [(a.expected, a.verdict) for a in wrong.answers if a.verdict != "right"] == [
        ("36,864", "wrong"), ("55x55x128", "wrong")]  # the biases left out; (112 - 2)/2 without the + 1


@pytest.mark.parametrize("title", ["ResNet-18 stem (input 224x224x3)", "ResNet-18 stem (input: 224x224x3)"])
def test_a_titles_input_in_parentheses(title: str) -> None:
    # The title was prose and every layer came before any input (E024, nothing judged). ResNet's stem rounded down,
    # as the sheet says: (224 - 7 + 2·3)/2 + 1 = 112.5, 112; (7·7·3 + 1)·64 = 9,472; the pool (112 - 3 + 2)/2 + 1
    # = 56.5, 56.
    sheet = (f"{title}\nconv1: 64 7x7 filters, stride 2, pad 3, rounded down -> 112x112x64, params {{params}}\n"
             "pool1: 3x3 max pool, stride 2, pad 1, rounded down -> 56x56x64\n")
    assert [a.verdict for a in homework(sheet.format(params="9,472")).answers] == ["right"] * 3
    assert [a.verdict for a in homework(sheet.format(params="9,408")).answers] == ["right", "wrong", "right"]


NUMBERED_TABLE = """| Layer | Type | Filters | Size | Stride | Pad | Output | Params |
|---|---|---|---|---|---|---|---|
| 0 | Input | | | | | 32x32x3 | |
| 1 | Conv | 16 | 3x3 | 1 | 1 | 32x32x16 | {conv1} |
| 2 | MaxPool | | 2x2 | 2 | 0 | {pool} | 0 |
| 3 | Conv | 32 | 3x3 | 1 | 1 | 16x16x32 | 4,640 |
| 4 | FC | 10 | | | | 10 | 81,930 |
"""


def test_a_table_whose_layers_are_numbered_beside_their_type() -> None:
    # (3·3·3 + 1)·16 = 448 (pad 1 keeps 32); the pool halves it, 16x16x16; (3·3·16 + 1)·32 = 4,640; the FC takes
    # 16·16·32 = 8,192 values: (8,192 + 1)·10 = 81,930. The Layer column's numbers were read as names cnncalc does not
    # know (E060), every answer unchecked.
    report = cnncalc.analyze_text(NUMBERED_TABLE.format(conv1="448", pool="16x16x16"), "hw.md")
    assert [a.verdict for a in report.answers] == ["right"] * 8 and report.rows[0].name == "layer1"
    wrong = cnncalc.analyze_text(NUMBERED_TABLE.format(conv1="432", pool="15x15x16"), "hw.md")
    assert [(a.expected, a.verdict) for a in wrong.answers if a.verdict != "right"] == [
        ("432", "wrong"), ("15x15x16", "wrong")]  # the biases left out; (32 - 2)/2 without the + 1


@pytest.mark.parametrize("arrow", ["==>", "===>", "—>", "–>"])
def test_an_arrow_drawn_with_equals_signs_or_a_dash(arrow: str) -> None:
    # (227 - 11)/4 + 1 = 55 and (11·11·3 + 1)·96 = 34,944: the line was E060, its answers not checked
    for answers, verdicts in (("55x55x96, params 34,944", ["right", "right"]), ("54x54x96", ["wrong"])):
        report = homework(f"Input: 227x227x3\nCONV1: 96 11x11 filters, stride 4 {arrow} {answers}\n")
        assert [a.verdict for a in report.answers] == verdicts


# An MLP for MNIST: 28·28·1 = 784 values; (784 + 1)·256 = 200,960, (256 + 1)·128 = 32,896, (128 + 1)·10 = 1,290;
# 235,146 in all.
MLP_IN_OUT = ("Input: 28x28x1\nFlatten -> 784\nFC1: {fc1} -> 256, params 200,960\nFC2: 256 -> 128, params {fc2}\n"
              "FC3: 128 -> 10, params 1,290\n")


def test_an_fc_layer_written_as_its_inputs_then_its_outputs() -> None:
    # `FC1: 784 -> 256` was read as 784 neurons answered 256 wide: every count after it was marked WRONG
    report = homework(MLP_IN_OUT.format(fc1=784, fc2="32,896"))
    assert [(a.label, a.verdict) for a in report.answers] == [
        ("flatten1", "right"), ("fc1", "right"), ("fc2", "right"), ("fc3", "right")]
    wrong = homework(MLP_IN_OUT.format(fc1=784, fc2="32,768"))  # the biases left out
    assert [(a.label, a.verdict) for a in wrong.answers if a.verdict != "right"] == [("fc2", "wrong")]
    # the inputs said are checked, as PyTorch's in_features: 700 is not the 784 values FC1 receives
    unmatched = homework(MLP_IN_OUT.format(fc1=700, fc2="32,896"))
    assert [(d.code, d.line) for d in unmatched.diagnostics if d.severity == "error"] == [("E017", 3)]
    assert [a.verdict for a in unmatched.answers if a.label == "fc1"] == ["unchecked"]


@pytest.mark.parametrize("description", ["{c} -> 32, 3x3, stride 1, pad 1", "3x3, {c} -> 32 channels, pad 1",
                                         "{c} -> 32 channels, 3x3, pad 1", "{c} → 32, 3x3, pad 1"])
def test_a_convolution_written_as_its_channels_in_then_out(description: str) -> None:
    # as nn.Conv2d(3, 32, 3, padding=1) writes it: (3·3·3 + 1)·32 = 896, pad 1 keeps 32x32. It was E060.
    for params, verdict in (("896", "right"), ("864", "wrong")):
        report = homework(f"Input: 32x32x3\nConv1: {description.format(c=3)} -> 32x32x32, params {params}\n")
        assert [a.verdict for a in report.answers] == ["right", verdict], description
    # the input channels said are checked: the input has 3, not 4 (E017, the count not judged)
    other = homework(f"Input: 32x32x3\nConv1: {description.format(c=4)} -> 32x32x32, params 896\n")
    assert [d.code for d in other.diagnostics if d.severity == "error"] == ["E017"]
    assert [a.verdict for a in other.answers] == ["right", "unchecked"]
    # a count then an arrow and a bare number, nothing saying channels, stays an answer (`64 -> 30`: E060 here)
    assert homework("Input: 32x32x3\nCONV1: 3x3, 64 -> 30\n").rows[0].op != "conv 64 3x3 inputs 3"


@pytest.mark.parametrize("name", ["L1 - conv 3x3, 8 filters, pad 1", "Step 1: conv 3x3, 8 filters, pad 1",
                                  "Conv layer #1: 8 filters 3x3, pad 1", "C1 (conv): 8 3x3 filters, pad 1"])
def test_a_layers_name_marked_as_sheets_mark_it(name: str) -> None:
    # each was E060: pad 1 keeps 32x32, (3·3·3 + 1)·8 = 224
    for answers, verdicts in (("32x32x8, params 224", ["right", "right"]), ("30x30x8, params 216", ["wrong", "wrong"])):
        report = homework(f"Input: 32x32x3\n{name} -> {answers}\n")
        assert [a.verdict for a in report.answers] == verdicts, name


LETTERED_CNN = """HW3 Q2: Compute the output size and number of parameters for each layer of this CNN.
The input is a 64x64 RGB image.

(a) Conv layer with 32 filters of size 5x5, stride 1, no padding.
    Output: 60x60x32
    Params: (5*5*3+1)*32 = 2432
(b) Max pooling 2x2, stride 2.
    Output: 30x30x32
(c) Conv layer with 64 filters of size 3x3, stride 1, padding 1.
    Output: 30x30x64
    Params: (3*3*32+1)*64 = 18496
(d) Max pooling 2x2, stride 2.
    Output: 15x15x64
(e) Fully connected layer with 128 neurons.
    Params: 15*15*64*128 + 128 = 1843328
(f) {last}
    Params: 128*10 + 10 = 1290
Total parameters: 2432 + 18496 + 1843328 + 1290 = {total}
"""


def test_a_total_after_a_layer_that_was_not_read_is_not_judged() -> None:
    # 64 - 5 + 1 = 60; 30; 30 (padded); 15; (5·5·3 + 1)·32 = 2,432, (3·3·32 + 1)·64 = 18,496, 15·15·64·128 + 128 =
    # 1,843,328, 128·10 + 10 = 1,290: 1,865,546 in all. `Output layer with 10 neurons.` was prose: its count was taken
    # for the FC layer's (E060) and the right total marked WRONG against the 1,864,256 of the layers read.
    report = homework(LETTERED_CNN.format(last="Output layer with 10 neurons.", total=1865546))
    assert [a.verdict for a in report.answers] == ["right"] * 9
    assert [a.verdict for a in homework(LETTERED_CNN.format(last="Output layer with 10 neurons.",
                                                            total=1864256)).answers][-1] == "wrong"
    # a last layer cnncalc cannot read: its count differs from the one above (E060), so a layer may be missing, and
    # the total is not judged rather than judged without it
    unread = homework(LETTERED_CNN.format(last="The last layer: ten classes.", total=1865546))
    assert [a.verdict for a in unread.answers][-1] == "unchecked"
    assert "a layer stated between them may not have been read" in (unread.answers[-1].reason or "")


@pytest.mark.parametrize("prose", ["The last layer: ten classes.", "(f) A softmax classifier over 10 classes.",
                                   "(f) Classifier: 10 classes"])
def test_a_total_after_prose_that_may_state_a_layer_is_not_judged(prose: str) -> None:
    # the conv's (5·5·3 + 1)·32 = 2,432 parameters, then a classifier cnncalc cannot read: the sheet's total was
    # judged against 2,432 alone (WRONG, whatever the classifier's count); now not judged, and said why
    report = homework(f"Input: 64x64x3\n(a) Conv layer with 32 filters of size 5x5, stride 1, no padding.\n"
                      f"    Params: 2432\n{prose}\nTotal parameters: 1,154,442\n")
    assert [a.verdict for a in report.answers] == ["right", "unchecked"]
    assert report.answers[-1].reason == "line 4, read as prose, may state a layer the total counts"
    # prose that speaks of no layer leaves the total judged: 2,432 is the network's whole count
    for total, verdict in (("2432", "right"), ("2433", "wrong")):
        plain = homework("Input: 64x64x3\n(a) Conv layer with 32 filters of size 5x5, stride 1, no padding.\n"
                         f"    Params: 2432\nThat is all.\nTotal parameters: {total}\n")
        assert [a.verdict for a in plain.answers] == ["right", verdict]


@pytest.mark.parametrize("said", ["All convolutions use stride 1 and 'same' padding.", "Padding is 'same' everywhere.",
                                  "Assume zero padding of 1 for all 3x3 convolutions.", "(All convs: stride 1, pad 1)",
                                  "Note: all conv layers are padded to keep the spatial size."])
def test_a_padding_said_once_for_every_convolution(said: str) -> None:
    # 3x3 convolutions padded 1 (`same` at stride 1) keep 32x32: read unpadded, 32 - 3 + 1 = 30, the right 32x32x16
    # was marked WRONG; (3·3·16 + 1)·32 = 4,640 either way
    sheet = (f"{said}\nInput: 32x32x3\nCONV1: 16 3x3 filters -> {{out}}x{{out}}x16\n"
             "CONV2: 32 3x3 filters -> params 4,640\n")
    assert [a.verdict for a in homework(sheet.format(out=32)).answers] == ["right", "right"]
    assert [a.verdict for a in homework(sheet.format(out=30)).answers] == ["wrong", "right"]


@pytest.mark.parametrize("line", ["CONV1: K=16, F=3, S=1 -> 32x32x16, params {}",
                                  "Depthwise conv 3x3 -> 32x32x3, params {}",
                                  "CONV1: 16 3x3 filters -> 32x32x16, params {}"])
def test_what_is_said_once_reaches_every_way_a_convolution_is_written(line: str) -> None:
    # 'same' keeps 32x32; without biases the lecture's letters give 3·3·3·16 = 432, the depthwise filters 3·3·3 = 27
    # (each form read its own padding and biases before: the letters' and the depthwise line's answers were wrong)
    right, wrong = ("27", "30") if "Depthwise" in line else ("432", "448")
    for count, verdict in ((right, "right"), (wrong, "wrong")):
        report = homework("All convolutions use 'same' padding.\nIgnore the bias terms.\nInput: 32x32x3\n"
                          + line.format(count) + "\n")
        assert [a.verdict for a in report.answers] == ["right", verdict], line


@pytest.mark.parametrize("said", ["All convolutions are unpadded with stride 1.",
                                  "Assume no padding for all convolutions.", "All convolutions use 'valid' padding."])
def test_no_padding_said_once_lets_the_size_first_convolutions_be_read(said: str) -> None:
    # `3x3 conv, 16` says no padding of its own: E060 unless the sheet says it (here none: 32 - 3 + 1 = 30)
    for answer, verdict in (("30x30x16", "right"), ("32x32x16", "wrong")):
        report = homework(f"{said}\nInput: 32x32x3\nCONV1: 3x3 conv, 16 -> {answer}\n")
        assert [a.verdict for a in report.answers] == [verdict], said
    unsaid = homework("Input: 32x32x3\nCONV1: 3x3 conv, 16 -> 30x30x16\n")
    assert [d.code for d in unsaid.diagnostics if d.severity == "error"] == ["E060"]


@pytest.mark.parametrize("said", ["Assume zero padding of 2 for all 5x5 convolutions.",
                                  "All layers use padding 1 except the first.", "All pooling layers use padding 1."])
def test_a_padding_said_for_other_layers_leaves_these_unpadded(said: str) -> None:
    # not these 3x3 convolutions: unpadded, 32 - 3 + 1 = 30
    report = homework(f"{said}\nInput: 32x32x3\nCONV1: 16 3x3 filters -> 30x30x16\n")
    assert [a.verdict for a in report.answers] == ["right"]


@pytest.mark.parametrize("said", ["Ignore the bias terms.", "(ignore biases)", "Assume no biases.",
                                  "Note: biases are not counted."])
def test_biases_left_out_once_for_the_whole_sheet(said: str) -> None:
    # 3·3·3·16 = 432 weights (448 with the 16 biases); the FC on 32·32·16 = 16,384 values: 163,840 (163,850 with
    # its 10 biases). Counted with biases, both right answers were marked WRONG.
    sheet = (f"{said}\nInput: 32x32x3\nCONV1: 16 3x3 filters, pad 1 -> 32x32x16, params {{conv}}\n"
             "FC: 10 neurons -> params {fc}\n")
    assert [a.verdict for a in homework(sheet.format(conv=432, fc="163,840")).answers] == ["right"] * 3
    assert [a.verdict for a in homework(sheet.format(conv=448, fc="163,850")).answers] == ["right", "wrong", "wrong"]
    # a line that says biases are counted leaves them: (3·3·3 + 1)·16 = 448
    kept = homework(sheet.replace(said, "Biases are included.").format(conv=448, fc="163,850"))
    assert [a.verdict for a in kept.answers] == ["right"] * 3


def test_an_mlp_listed_by_hidden_and_output_layers() -> None:
    # `Hidden layer 1: 256 neurons` and `Output layer: 10 neurons, softmax` were E060, their counts unchecked
    sheet = ("MLP for MNIST\nInput: 784\nHidden layer 1: 256 neurons, ReLU -> params 200,960\n"
             "Hidden layer 2: 128 neurons -> params {}\nOutput layer: 10 neurons, softmax -> params 1,290\n")
    assert [a.verdict for a in homework(sheet.format("32,896")).answers] == ["right"] * 3
    assert [a.verdict for a in homework(sheet.format("32,768")).answers] == ["right", "wrong", "right"]


@pytest.mark.parametrize("line", ["Input image 28x28 (grayscale), flattened to {}", "Input: 28x28x1 flattened = {}",
                                  "Input: 28x28x1 (flattened: {} values)"])
def test_an_input_said_flattened_gives_its_values(line: str) -> None:
    # the line was prose (no input: every answer unjudged, and the total judged against 0); 28·28·1 = 784 values
    sheet = line + "\nDense(256) -> 256, params 200,960\nTotal params: 200,960\n"
    assert [a.verdict for a in homework(sheet.format(784)).answers] == ["right"] * 4
    assert [a.verdict for a in homework(sheet.format(785)).answers] == ["wrong"] + ["right"] * 3


@pytest.mark.parametrize(("text", "name"), [("Some prose here.\nTotal params: 235,146\n", "hw.txt"),
                                           ("expect total params 5\n", "n.spec")])
def test_a_total_on_a_network_with_no_input_and_no_layer_is_not_judged(text: str, name: str) -> None:
    # it was judged against 0 (WRONG): a sheet's layers under a missing input were passed over as prose
    report = cnncalc.analyze_text(text, name)
    assert [(a.verdict, a.reason) for a in report.answers] == [("unchecked", "it rests on the missing input")]
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E020"]


@pytest.mark.parametrize("header", ["| Layer | Activation Size | Parameters |", "| Name | Out | Params |"])
def test_a_tables_output_column_by_other_names(header: str) -> None:
    # pad 1 keeps 32x32: (3·3·3 + 1)·16 = 448; the pool halves it; the FC on 16·16·16 = 4,096 values: (4,096 + 1)·10
    # = 40,970. `Activation Size` holding volumes was E060 at each cell (a count of values is read there, as Ng's
    # table writes it); `Out` was a column cnncalc did not know.
    table = (f"{header}\n|---|---|---|\n| Input | 32x32x3 | 0 |\n| CONV1 (16 3x3 filters, pad 1) | 32x32x16 | 448 |\n"
             "| POOL1 (2x2 max pool, stride 2) | {pool} | 0 |\n| FC (10 neurons) | 10 | 40,970 |\n")
    assert [a.verdict for a in cnncalc.analyze_text(table.format(pool="16x16x16"), "t.md").answers] == ["right"] * 7
    wrong = cnncalc.analyze_text(table.format(pool="15x15x16"), "t.md")
    assert [(a.expected, a.verdict) for a in wrong.answers if a.verdict != "right"] == [("15x15x16", "wrong")]
    # a count of values in `Activation Size` is still the memory answer: 32·32·16 = 16,384
    counted = cnncalc.analyze_text("| Layer | Activation Size |\n|---|---|\n| Input | 32x32x3 |\n"
                                   "| CONV1 (16 3x3 filters, pad 1) | 16,384 |\n", "t.md")
    assert [(a.quantity, a.verdict) for a in counted.answers] == [("memory", "right")]


@pytest.mark.parametrize(("head", "verdicts"), [
    ("Memory in bytes: {}", {"1,161,600": "right", "290,400": "wrong"}),
    ("Memory (bytes): {}", {"1,161,600": "right", "290,400": "wrong"}),
    ("Memory (in bytes) = 290400*4 = {}", {"1161600": "right", "1161601": "wrong"}),
    # in a unit after `in`, without parentheses: 1,161,600 bytes are 1.16 MB, 1,134 KiB (a KB read either way)
    ("Memory in MB: {}", {"1.16": "right", "0.29": "wrong"}), ("Memory in KB = {}", {"1134": "right", "290": "wrong"}),
])
def test_a_count_said_in_bytes_by_its_heading(head: str, verdicts: dict[str, str]) -> None:
    # 55·55·96 = 290,400 values, 1,161,600 bytes as float32: the heading's `in bytes` was passed over and the right
    # byte count marked WRONG as a count of values
    for answer, verdict in verdicts.items():
        report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n" + head.format(answer) + "\n")
        assert [a.verdict for a in report.answers] == [verdict], answer
    # a table's column that says its unit: `Memory (bytes)`, `Memory (MB)`
    for header, cell, verdict in (("bytes", "1,161,600", "right"), ("bytes", "290,400", "wrong"),
                                  ("MB", "1.16", "right")):
        table = cnncalc.analyze_text(f"| Layer | Output | Memory ({header}) |\n|---|---|---|\n| Input | 227x227x3 | |\n"
                                     f"| CONV1 (96 11x11 filters, stride 4) | 55x55x96 | {cell} |\n", "t.md")
        assert [a.verdict for a in table.answers] == ["right", verdict], (header, cell)


def test_a_count_worked_on_a_line_that_cannot_be_read_is_shown_as_its_result() -> None:
    # the number after `params =` was taken as the answer: `params 3` (not checked) for 3*3*64*64 + 64 = 36,928
    report = homework("Input: 224x224x3\nCONV2: 64 filters 3x3 wibble 2, params = 3*3*3*64 + 64 = 1,792\n")
    assert [(a.expected, a.verdict) for a in report.answers] == [("1,792", "unchecked")]


@pytest.mark.parametrize("answer, verdict", [("params = 400*120 + 120 = 48120", "right"),
                                             ("params = (400 + 1)*120 = 48120", "right"),
                                             ("params = 400*120 = 48000", "wrong")])
def test_a_count_worked_right_after_the_arrow(answer: str, verdict: str) -> None:
    # an FC layer of 120 on 5·5·16 = 400 values: (400 + 1)·120 = 48,120 (48,000 leaves the biases out). After a
    # comma the working was read; right after the arrow it was E060, the answer not checked
    report = homework(f"Input: 5x5x16\nFC1: 120 neurons -> {answer}\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("params", verdict)], report.diagnostics


# The TensorFlow tutorial's MNIST network as a problem sheet: (5·5·1 + 1)·32 = 832; (5·5·32 + 1)·64 = 51,264; FC
# 1024 on 7·7·64 = 3,136 values, (3,136 + 1)·1024 = 3,212,288; FC 10, (1,024 + 1)·10 = 10,250; 3,274,634 in all
PROBLEM_SHEET = """Problem 3. Consider a CNN with the following architecture for 28x28 grayscale images.

1. Conv layer: 32 filters, 5x5, stride 1, padding 2, followed by ReLU
   Output: 28x28x32; params: 832
2. Max pooling 2x2, stride 2
   Output: 14x14x32
3. Conv layer: 64 filters, 5x5, stride 1, padding 2, followed by ReLU
   Output: 14x14x64; params: {conv2}
4. Max pooling 2x2, stride 2
   Output: 7x7x64
5. Fully connected: 1024 units
   params: 3,212,288
6. Fully connected: 10 units
   params: 10,250
Total parameters: {total}
"""


def test_a_problem_that_names_the_network_before_its_input() -> None:
    # the first sentence was prose: no input, and all nine answers not checked
    report = homework(PROBLEM_SHEET.format(conv2="51,264", total="3,274,634"))
    assert report.ok and [a.verdict for a in report.answers] == ["right"] * 9, report.diagnostics
    wrong = homework(PROBLEM_SHEET.format(conv2="51,200", total="3,274,570"))  # conv2's 64 biases left out
    assert [(a.expected, a.verdict) for a in wrong.answers if a.verdict != "right"] == [
        ("51,200", "wrong"), ("3,274,570", "wrong")]


@pytest.mark.parametrize("sheet, where, message", [
    ("Input: 224x224x3\nCONV1: 64 3x3 filters, pad 1 (x65)\n", (2, 30),
     "a layer said to repeat 65 times: cnncalc reads at most 64 on a line"),
    ("| Layer | Output | Params |\n|---|---|---|\n| Input (x2) | 8x8x3 | 0 |\n", (3, 9),
     "a repetition said on a row that states no layer"),
    ("Input: 32x32x3\nCONV1: 3x3 conv, 64\n- Output: 32x32x64\n", (2, 8),
     "the padding of `CONV1: 3x3 conv, 64` is not said: the ResNet figure pads such a convolution, other sheets do "
     "not"),
    ("Input: 32x32x3\nCONV1: 10 5x5 filters, pad 2\nAfter pooling:\nOutput: 16x16x10\n", (3, 1),
     "`After pooling:` names a step cnncalc cannot read as a layer: the answers under it may be that step's, and are "
     "not judged"),
    # this session's: a module's second branch, a count said again otherwise, a remark saying the pooled size
    ("Input: 28x28x192\nBranch 1: 1x1 conv, 64 filters -> 28x28x64\nBranch 2: 1x1 conv, 96 filters -> 28x28x96\n",
     (3, 1), "`Branch 2` starts another branch: its input is not the output of the line above, and cnncalc does not "
             "read a module's branches in this notation"),
    ("Input: 32x32x3\nCONV1: 6 filters 5x5, stride 1, pad 0 -> 28x28x6, params 456, ~4.5K\n", (2, 58),
     "`456` and `4.5K` are two different counts"),
    ("Input: 32x32x3\nCONV1: 10 5x5 filters, pad 2\nPooling reduces 32 to 16\nOutput: 16x16x10\n", (3, 1),
     "`Pooling reduces 32 to 16` names a step cnncalc cannot read as a layer: the answers under it may be that "
     "step's, and are not judged"),
    # the fortieth session's: a layer cnncalc cannot read before `=>` (it was prose), FLOPs with their unit's letter
    # and as a network's total (prose), a part of a line of answers contradicting one above (lost, the line prose)
    ("Input: 28x28x1\nCONV1: 32 3x3 filters, pad 1\nUpsample 2x => 56x56x32\n", (3, 1),
     "cnncalc cannot read `Upsample 2 x` as a layer"),
    ("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nGFLOPs: 0.21\n", (3, 1),
     "cnncalc judges MACs, not FLOPs"),
    ("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nTotal FLOPs: 210,830,400\n", (3, 7),
     "cnncalc judges MACs, not FLOPs"),
    # (`Outputs: CONV1: 32x32x16, POOL1: ` is 33 characters: the volume starts at column 34)
    ("Input: 32x32x3\nCONV1: 16 3x3 filters, pad 1 -> 32x32x16\nPOOL1: 2x2 max pool, stride 2 -> 16x16x16\n"
     "Outputs: CONV1: 32x32x16, POOL1: 16x16x15\n", (4, 34), "`16x16x15` answers again what was answered `16x16x16` "
                                                            "above"),
    # a layer named beside another, or by a word cnncalc does not read: at those words (`Params of ` is 10
    # characters, `Params of the ` 14)
    (UNNAMED_THREE + "Params of the layer before the pool: 448\n", (4, 11),
     "this answer is about `the layer before the pool`: cnncalc cannot tell which one layer that is"),
    (UNNAMED_THREE + "Params of the downsampling layer: 0\n", (4, 15),
     "this answer is about `downsampling layer`: cnncalc cannot tell which one layer that is"),
    # conv, pool, conv, conv: `conv layer 3` is layer 3 or the third conv, layer 4
    (UNNAMED_THREE + "Conv: 32 3x3 filters, pad 1\nConv: 32 3x3 filters, pad 1\nParams of conv layer 3: 9,248\n",
     (6, 11),
     "`conv layer 3` may be layer 3 (a conv) or layer 4 (a conv): cnncalc cannot tell which"),
    # under CONV1, POOL1, CONV2 (`Params of layer ` is 16 characters: the number at column 17)
    (NAMED_SHEET + "Params of layer 2: 0\n", (5, 17),
     "layer 2 may be CONV2 by its name or POOL1 by its place: cnncalc cannot tell which"),
    # a part's answer cnncalc cannot read, at the part's words (`Output ` is 7 characters)
    ("Input: 32x32x3\n(a) Conv: 16 3x3 filters, pad 1\nOutput of (a): what?\n", (3, 8),
     "cnncalc cannot read this answer to part (a)"),
    # a table of answers' row naming a layer above, its answer unreadable: the row
    (UNNAMED_THREE + "\n| Layer | Output | Params |\n|---|---|---|\n| Pool | what | |\n", (7, 1),
     "cnncalc cannot read this row as the answers of the layer it names")])
def test_new_unread_forms_are_reported_where_written(sheet: str, where: tuple[int, int], message: str,
                                                    tmp_path: Path) -> None:
    # each new E060 at its line:col in its words, and through the command line a report (exit 1), never a traceback
    report = cnncalc.analyze_text(sheet, "hw.md", lang="lecture")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", *where, message)]
    assert [a.verdict for a in report.answers if a.verdict != "right"] in ([], ["unchecked"])
    (tmp_path / "hw.md").write_text(sheet)
    result = CliRunner().invoke(cli, ["check", "--lang", "lecture", str(tmp_path / "hw.md")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"hw.md:{where[0]}:{where[1]}: error[E060]: {message}" in result.output


@pytest.mark.parametrize("sheet, where", [
    ("Input: 28x28x1\nFC1: 700 -> 256, params 179,456\n", (2, 6)),  # 28·28 = 784 values, not 700
    ("Input: 32x32x3\nConv1: 4 -> 32, 3x3, pad 1 -> 32x32x32\n", (2, 8)),  # 3 channels, not 4
])
def test_the_inputs_said_before_an_arrow_are_checked_where_written(sheet: str, where: tuple[int, int],
                                                                   tmp_path: Path) -> None:
    report = cnncalc.analyze_text(sheet, "hw.txt")
    assert [(d.code, d.line, d.column) for d in report.diagnostics if d.severity == "error"] == [("E017", *where)]
    (tmp_path / "hw.txt").write_text(sheet)
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "hw.txt")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"hw.txt:{where[0]}:{where[1]}: error[E017]:" in result.output


def test_lenets_c5_described_as_fully_connected_is_read_so() -> None:
    # C5 on S4's 5x5x16: (5·5·16 + 1)·120 = 48,120 whether read as a 5x5 convolution or fully connected; its output
    # 1x1x120, or the 120 values flat. `C5` names a convolution, so `120 fully connected units` was E060.
    sheet = "Input: 5x5x16\nC5: 120 fully connected units\n   params: {}\n   output: {}\n"
    assert [a.verdict for a in homework(sheet.format(48120, "1x1x120")).answers] == ["right", "right"]
    assert sorted((a.quantity, a.verdict) for a in homework(sheet.format(48000, "120")).answers) == [
        ("output", "right"), ("params", "wrong")]
    assert [r.keyword for r in homework(sheet.format(48120, "120")).rows] == ["fc"]
    assert [r.keyword for r in homework("Input: 5x5x16\nC5: 120 5x5 filters (fully connected to S4)\n").rows] == [
        "conv"]


@pytest.mark.parametrize("options, side", [
    ("stride 1, same padding", 32), ("stride 1, padding same", 32), ("stride 1, padding 'same'", 32),
    ("stride 2, padding same", 16), ("stride 1, valid padding", 28)])
def test_tensorflows_same_and_valid_padding(options: str, side: int) -> None:
    # SAME keeps ceil(32 / stride): 32, and 16 at stride 2; VALID pads nothing: 32 - 5 + 1 = 28. Were E060.
    report = cnncalc.analyze_text(f"Input volume: 32x32x3\nCONV1: 10 5x5 filters, {options}\nOutput: 32x32x10\n",
                                  "hw.txt", lang="lecture")
    assert [(a.actual, a.verdict) for a in report.answers] == [
        (f"{side}x{side}x10", "right" if side == 32 else "wrong")]


@pytest.mark.parametrize("after", [", ReLU", " + ReLU", ", followed by ReLU", " + tanh"])
def test_an_activation_after_a_layers_options_is_a_layer_of_its_line(after: str) -> None:
    # (227 - 11)/4 + 1 = 55, (11·11·3 + 1)·96 = 34,944, an activation adding no parameters; were E060.
    report = cnncalc.analyze_text(f"[227x227x3] INPUT\n[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0{after} "
                                  "(34,944 params)\n", "hw.txt", lang="lecture")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right"), ("params", "right")]
    assert [r.keyword for r in report.rows] == ["conv", "tanh" if "tanh" in after else "relu"]


def test_the_newly_read_statements_report_wrong_answers_and_their_own_slips() -> None:
    # Each new form judged wrong where it is wrong: (227 - 11)/4 + 1 = 55, not 54; (6·6·256 + 1)·4096 =
    # 37,752,832, not 37,752,831; a ReLU keeps 55x55x96; (32 - 5)/1 + 1 = 28 without padding.
    cases = [("Input: 227x227x3\nCONV1 - 96 11x11 filters at stride 4\nOutput: 54x54x96\n", "conv1", "output"),
             ("Input: 227x227x3\nCONV1 (96 filters (11x11), stride 4)\nOutput: 54x54x96\n", "conv1", "output"),
             ("Input: 6x6x256\nFC6: 4096\nParams: 37,752,831\n", "fc6", "params"),
             ("Input image: 227x227x3\nCONV1: 96 11x11 filters at stride 4, ReLU\nOutput: 54x54x96\n", "conv1",
              "output"),
             ("The input is 32x32x3\nCONV1: 10 5x5 filters, valid padding\nOutput: 32x32x10\n", "conv1", "output")]
    for text, label, quantity in cases:
        report = homework(text)
        assert [(a.label, a.quantity, a.verdict) for a in report.answers] == [(label, quantity, "wrong")], text
    # Their own ways to fail: each at its place, in its words.
    report = cnncalc.analyze_text("Input: 227x227x3\nCONV1: 96 filters (11x11, stride 4\n"
                                  "CONV2: 8 1x1 filters, same padding, pad 2\n"
                                  "CONV3: 8 1x1 filters, same padding, valid padding\n", "hw.txt", lang="lecture")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 2, 25, "expected `)` after the filter size"), ("E060", 3, 37, "`pad` is given twice"),
        ("E060", 4, 37, "the padding is given twice")]
    assert [(d.code, d.line, d.column, d.message) for d in run("input 8x8x3\nconv 4 3x3 -> depth 0\n").diagnostics
            ] == [("E013", 2, 21, "`depth 0`: a size is at least 1")]


def test_a_layer_line_that_cannot_be_read_leaves_the_answers_after_it_unchecked() -> None:
    # Judged on the layers before it, CONV2's right answer was wrong; the line is reported instead.
    tail = "Output: 55x55x96\nCONV2: 256 5x5 filters at stride 1, pad 2\nOutput: 55x55x256\n"
    for statement, where in (("CONV1 uses 96 big filters of 11", (2, 15)), ("CONV1 is the first layer", (3, 1))):
        report = homework(f"Input: 227x227x3\n{statement}\n{tail}")
        assert [(d.code, d.line, d.column) for d in report.diagnostics if d.severity == "error"] == [
            ("E060", *where)]  # the line itself, or the answer with no layer above it
        assert [a.verdict for a in report.answers if a.label == "conv2"] == ["unchecked"]
    # A call (no space before its parenthesis) and the VGG paper's `conv3-64` are not layer lines.
    report = cnncalc.analyze_text("Input: 227x227x3\nconvolution2dLayer(11,96,'Stride',[4 4])\n"
                                  "conv3-64 conv3-64\tconv3-64 LRN\n", "hw.txt", lang="lecture")
    assert [d.code for d in report.diagnostics] == ["N060"]


def test_markdown_marks_around_an_answer_are_not_part_of_it() -> None:
    # (11·11·3 + 1)·96 = 34,944 ≈ 35K, and (5·5·3 + 1)·10 = 760: bold or code answers, and `≈`, were E060.
    table = ("Input: 227x227x3\n\n| Layer | Description | Output volume | Params |\n|---|---|---|---|\n"
             "| **CONV1** | 96 11x11 filters at stride 4, pad 0 | **55x55x96** | {} |\n")
    for cell, verdict in (("**34,944**", "right"), ("`34,943`", "wrong"), ("≈35K", "right"), ("~35K", "right"),
                          ("*34,944*", "right")):
        report = cnncalc.analyze_text(table.format(cell), "hw.md", lang="lecture")
        assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right"), ("params", verdict)], cell
    # `≈` before a count marks it as `=` does: (11·11·3 + 1)·96 = 34,944 ≈ 35K, the total too. `≈ 62M` was prose.
    report = cnncalc.analyze_text("[227x227x3] INPUT\n[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0\n"
                                  "Params ≈ 35K\nTotal parameters ≈ 62M\n", "hw.txt", lang="lecture")
    assert [(a.quantity, a.verdict) for a in report.answers] == [
        ("output", "right"), ("params", "right"), ("total params", "wrong")]
    report = cnncalc.analyze_text("Input volume: 32x32x3\n10 5x5 filters with stride 1, pad 2\n"
                                  "**Output volume:** 32x32x10\nParameters: **750**\nMACs: `768K` MACs\n", "hw.md",
                                  lang="lecture")
    assert [(a.quantity, a.verdict) for a in report.answers] == [
        ("output", "right"), ("params", "wrong"), ("macs", "right")]  # 32·32·10·5·5·3 = 768,000


def test_an_answer_on_the_line_under_its_question_is_judged() -> None:
    # (32 - 5 + 2·2)/1 + 1 = 32 and (5·5·3 + 1)·10 = 760: these answers, each alone under its question,
    # were prose, and the wrong ones passed.
    head = "Input volume: 32x32x3\n10 5x5 filters with stride 1, pad 2\n"
    report = cnncalc.analyze_text(head + "What is the output volume?\n32x32x11\nHow many parameters?\n\nA: 760\n"
                                  "What is the total number of parameters?\n750\n", "hw.txt", lang="lecture")
    assert [(a.quantity, a.expected, a.verdict) for a in report.answers] == [
        ("output", "32x32x11", "wrong"), ("params", "760", "right"), ("total params", "750", "wrong")]
    assert [(d.code, d.line, d.column) for d in report.diagnostics] == [("E040", 4, 1), ("E043", 9, 1)]
    # An exercise asked as a question, answered on the next line: (7 - 3)/2 + 1 = 3, so 4x4 is wrong (it was prose).
    report = homework("input 7x7, filter 3x3, stride 2 => output?\n4x4\n")
    assert [(a.expected, a.verdict) for a in report.answers] == [("4x4", "wrong")]
    # Under a question that asks for no answer cnncalc reads, both lines stay prose.
    report = homework(head + "Why is the stride 1?\n32x32x10\n")
    assert report.answers == () and [(d.code, d.message) for d in report.diagnostics] == [
        ("N060", "skipped as prose: lines 3–4 (2 lines)")]


@pytest.mark.parametrize("given", ["Input image: 32x32x3", "Input size: 32x32x3", "Input = 32x32x3",
                                   "The input is 32x32x3", "Input volume of size 32x32x3", "Input: 32 x 32 x 3 (RGB)"])
def test_an_input_as_people_state_it(given: str) -> None:
    # These read as the spec language (`expected a layer`, four errors) or left the layer with no input.
    # (32 - 5 + 2·2)/1 + 1 = 32.
    text = f"{given}\nCONV1: 10 5x5 filters, stride 1, pad 2\nOutput: 32x32x10\n"
    report = cnncalc.analyze_text(text, "hw.txt")  # the notation told from the text, as `check` does
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "right")]
    assert report.diagnostics == ()


def test_memory_in_values_or_in_bytes() -> None:
    # 55·55·96 = 290,400 values, 1,161,600 bytes as float32. `memory 1.16MB` was judged as values and
    # marked wrong ("rounds to 0.29MB").
    answers = run("input 227x227x3\nc1: conv 96 11x11 stride 4 -> memory 1.16MB\nc2: conv 96 1x1 -> memory 1.2MB\n"
                  "c3: conv 96 1x1 -> memory 290,400\nc4: conv 96 1x1 -> memory 1.16M\n").answers
    assert [(a.label, a.verdict) for a in answers] == [("c1", "right"), ("c2", "right"), ("c3", "right"),
                                                       ("c4", "wrong")]  # 1.16M values is not 290,400
    assert answers[0].working == ("c1: memory 55·55·96 = 290,400 values · 4 bytes = 1,161,600 bytes",)
    assert (answers[0].actual, answers[2].actual) == ("1,161,600 bytes", "290,400")
    # A worked example's `Memory:` and `Activations:` lines were prose (a wrong count passed), and
    # `Activations: 290,400` is the values, not a vector answer.
    head = "Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n"
    for line, verdict in (("Memory: 290,401", "wrong"), ("Activations: 290,400", "right"),
                          ("Memory: 290,400 * 4 bytes = 1.16 MB", "right"), ("Memory: 1,161,600 bytes", "right")):
        report = homework(head + line + "\n")
        assert [(a.quantity, a.verdict) for a in report.answers] == [("memory", verdict)], line
    report = homework(head + "Activation volume: 55x55x96\nParams: 35 K\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right"), ("params", "right")]


def test_a_memory_in_values_that_is_the_bytes_says_so() -> None:
    # 55·55·96 = 290,400 values; as float32 290,400·4 = 1,161,600 bytes. `memory 1.16M` (no B) counts values:
    # wrong, and the reason was "rounds to 0.29M", not that it is the bytes without their B.
    answers = run("input 227x227x3\nc1: conv 96 11x11 stride 4 -> memory 1.16M\nc2: conv 96 1x1 -> memory 2.3M\n"
                  "c3: conv 96 1x1 -> memory 1161600\n").answers
    first = run("input 227x227x3\nc1: conv 96 11x11 stride 4 -> memory 1.16M\n")  # the count at column 38
    assert [(d.code, first.source.line_col(d.span.start), d.hint) for d in first.diagnostics] == [
        ("E040", (2, 38), "the output holds 290,400 values")]
    assert [(a.verdict, a.reason) for a in answers] == [
        ("wrong", "that is its bytes as float32 (290,400 values · 4 = 1,161,600); `memory N` counts values, and "
                  "bytes end in B (`1.16MB`)"),
        ("wrong", "290,400 rounds to 0.3M at the precision written, not 2.3M"),  # 0.2904M at one place; 2.3M is neither
        ("wrong", "that is its bytes as float32 (290,400 values · 4 = 1,161,600); `memory N` counts values, and "
                  "bytes end in B (`1161600B`)")]


def test_the_output_answered_one_side_at_a_time() -> None:
    # The CS231n notes' W2 = (W1 - F + 2P)/S + 1 = (32 - 5 + 2·2)/1 + 1 = 32, H2 = 32, D2 = K = 10. A wrong
    # `D2 = 11` was prose and passed.
    head = "Input volume: 32x32x3\n10 5x5 filters with stride 1, pad 2\n"
    report = cnncalc.analyze_text(head + "W2 = (W1 - F + 2P)/S + 1 = (32 - 5 + 4)/1 + 1 = 32\nH2 = 32\nD2 = 11\n"
                                  "Output depth: 12\nD2 = K\n", "hw.txt", lang="lecture")
    assert [(a.quantity, a.expected, a.actual, a.verdict) for a in report.answers] == [
        ("width", "32", "32", "right"), ("height", "32", "32", "right"), ("depth", "11", "10", "wrong")]
    assert [(d.code, d.line, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E040", 5, "conv1: expected depth 11, computed 10"),
        ("E060", 6, "`12` answers again what was answered `11` above")]
    # In the spec language: `-> depth 10 width 32 height 31`; a vector of 10 values is 1x1x10.
    answers = run("input 32x32x3\nconv1: conv 10 5x5 pad 2 -> depth 10 width 32 height 31\nfc 10 -> depth 10 height 1\n"
                  ).answers
    assert [(a.label, a.quantity, a.verdict) for a in answers] == [
        ("conv1", "depth", "right"), ("conv1", "width", "right"), ("conv1", "height", "wrong"),
        ("fc1", "depth", "right"), ("fc1", "height", "right")]
    assert [d.code for d in run("input 8x8x3\nconv 4 3x3 -> depth 4 depth 4\n").diagnostics] == ["E012"]
    assert [d.code for d in run("input 8x8x3\nconv 4 3x3 -> depth 0\n").diagnostics] == ["E013"]


@pytest.mark.parametrize(("line", "expected", "verdict"), [
    ("W2 = 32, H2 = 32, D2 = 10", "32x32x10", "right"),
    ("W2 = 32, H2 = 32, D2 = 12", "32x32x12", "wrong"),  # was read as `width 12`, then a right one as `width 10`
    ("W2 = (32 - 5 + 4)/1 + 1 = 32, H2 = 32, D2 = 10", "32x32x10", "right"),  # each size after its working
    ("W2 = H2 = 32, D2 = 10", "32x32x10", "right"),
    ("H2 = 30; W2 = 32", "30x32", "wrong"),
    ("W = 32, H = 32, D = 10", "32x32x10", "right"),
])
def test_the_output_answered_by_its_sides_letters_on_one_line(line: str, expected: str, verdict: str) -> None:
    # (32 - 5 + 2·2)/1 + 1 = 32, depth 10: the volume 32x32x10. The last number of the line was taken for the
    # first letter's side: `W2 = 32, H2 = 32, D2 = 10` was "expected width 10, computed 32", a right answer wrong.
    report = homework(f"Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n{line}\n")
    assert [(a.quantity, a.expected, a.verdict) for a in report.answers] == [("output", expected, verdict)]
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ([] if verdict == "right" else ["E040"])


@pytest.mark.parametrize(("text", "line", "written"), [
    ("Input: 32x32x3\nCONV1: 10 5x5 filters\n", "W2 = 0, H2 = 28", "28x0"),  # was prose: a wrong answer passed
    ("Input: 32x32x3\n", "W2 = 99999999999999999999, H2 = 3, D2 = 1", "3x99999999999999999999x1"),  # said twice
])
def test_sides_letters_beyond_a_volumes_sizes_are_one_error(text: str, line: str, written: str) -> None:
    report = homework(text + line + "\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", text.count("\n") + 1, 1, f"`{written}` is not a volume")]
    assert report.answers == ()


@pytest.mark.parametrize("line", ["W2 = 32, H2 = 32, D2 = 10 and so on", "W2 = 32 and D2 = ten"])
def test_sides_letters_that_give_no_volume_are_an_error_not_prose(line: str) -> None:
    report = homework(f"Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n{line}\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, 1, "cnncalc cannot read these sizes as the output's")]
    assert report.answers == ()


@pytest.mark.parametrize(("answers", "verdicts", "wrong"), [
    # CONV1 on 32x32x3, 10 5x5 filters at stride 1, pad 2: (32 - 5 + 4)/1 + 1 = 32 each side, depth 10
    ("W2 = 32 and D2 = 10", ["right", "right"], []), ("W2 = 32, D2 = 9", ["right", "wrong"], [(3, 15)]),
    ("H2 = 31, D2 = K = 10", ["wrong", "right"], [(3, 6)]),
    # the CS231n notes' working for the width, then the height and depth beside the filters' count (was E060)
    ("W2 = (32 - 5 + 2*2)/1 + 1 = 32\nH2 = 32, D2 = K = 10", ["right", "right", "right"], []),
    # the width said again the same beside the depth: only the depth is new (was prose: a wrong depth passed)
    ("W2 = 32\nW2 = 32, D2 = 11", ["right", "wrong"], [(4, 15)]),
])
def test_sides_by_their_letters_apart_from_a_volume_are_each_judged(answers: str, verdicts: list[str],
                                                                     wrong: list[tuple[int, int]]) -> None:
    report = homework(f"Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n{answers}\n")
    assert [a.verdict for a in report.answers] == verdicts
    assert [(d.code, d.line, d.column) for d in report.diagnostics] == [("E040", *w) for w in wrong]


@pytest.mark.parametrize("header", ["Definition", "Module", "PyTorch", "Code"])
def test_a_tables_column_of_framework_calls_under_any_name_describes_its_layers(header: str) -> None:
    # (3·3·3 + 1)·16 = 448 on (3, 32, 32) padded by 1: (16, 32, 32); a 2x2 pool at stride 2: (16, 16, 16); then
    # (16·16·16)·10 + 10 = 40,970 (`Definition` was E060: no layer read, every answer unchecked)
    sheet = (f"Input shape: (3, 32, 32)\n\n| Layer | {header} | Output shape | Params |\n|---|---|---|---|\n"
             "| conv1 | Conv2d(3, 16, 3, padding=1) | (16, 32, 32) | 448 |\n"
             "| pool1 | MaxPool2d(2, 2) | (16, 16, 16) | 0 |\n| fc | Linear(4096, 10) | (10,) | 40,970 |\n")
    report = homework(sheet)
    assert [a.verdict for a in report.answers] == ["right"] * 6 and report.ok
    wrong = homework(sheet.replace("| 40,970 |", "| 40,960 |").replace("(16, 16, 16)", "(16, 15, 15)"))
    assert sorted(a.verdict for a in wrong.answers) == ["right"] * 4 + ["wrong"] * 2


@pytest.mark.parametrize(("layer", "verdict"), [
    # on 4x4x2 flattened to 32: 32·10 + 10 = 330 parameters, 320 without the biases (each was E060 with its keyword)
    ("Dense(10, activation='softmax')", "right"), ("Dense(10, activation=\"relu\")", "right"),
    ("Linear(32, 10, bias=True)", "right"), ("Linear(32, 10, bias=False)", "wrong"),
    ("Dense(10, activation='relu', use_bias=False)", "wrong"),
])
def test_a_framework_call_with_keywords_after_its_sizes_is_that_layer(layer: str, verdict: str) -> None:
    report = homework(f"Input: 4x4x2\nFlatten()\n{layer}\nParams: 330\n")
    assert [a.verdict for a in report.answers] == [verdict]
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ([] if verdict == "right" else ["E041"])


@pytest.mark.parametrize("times", ["x 2", "*2", "× 2"])
def test_a_group_of_a_one_line_networks_steps_said_to_repeat_is_each_time_its_layers(times: str) -> None:
    # the lecture's `[CONV -> RELU]*N`: conv1 (3·3·3 + 1)·16 = 448, conv2 (3·3·16 + 1)·16 = 2,320, the pool halves 32
    # to 16, fc 16·16·16·10 + 10 = 40,970; in all 448 + 2,320 + 40,970 = 43,738 (the line was not read before)
    chain = (f"INPUT(32x32x3) -> [CONV(16 filters, 3x3, stride 1, pad 1) -> RELU] {times} -> POOL(2x2, stride 2) "
             f"-> FC(10)\nOutput of the pool: 16x16x16\nParams of FC: 40,970\n")
    report = homework(chain + "Total params: 43,738\n")
    assert [a.verdict for a in report.answers] == ["right"] * 3 and report.ok
    assert [r.op for r in report.rows if r.kind == "layer"][:4] == ["conv 16 3x3 pad 1", "relu"] * 2
    once = homework(chain + "Total params: 41,418\n")  # the group read once: 448 + 40,970
    assert [a.verdict for a in once.answers] == ["right", "right", "wrong"]


@pytest.mark.parametrize("group", ["[CONV(16 filters, 3x3, pad 1) -> RELU] x 0",
                                   "[CONV(16 filters, 3x3, pad 1) -> RELU] x 999",
                                   "[[CONV(16 filters, 3x3, pad 1) -> RELU] x 2 -> POOL(2x2, stride 2)] x 2",
                                   "[CONV(16 filters, 3x3, pad 1) -> [32x32x16]] x 2"])
def test_a_group_said_to_repeat_that_cnncalc_does_not_follow_is_never_judged(group: str) -> None:
    # no repetition, past `limits.MAX_TIMES_SAID`, nested, or with an answer inside (each copy's, or the last's?)
    report = homework(f"INPUT(32x32x3) -> {group} -> FC(10)\nParams of FC: 40,970\n")
    assert all(a.verdict != "wrong" for a in report.answers)
    assert not report.ok


def test_a_line_written_again_keeps_every_answer() -> None:
    # The parser reads a repeated line once and moves it; its one-side answers were dropped on the way, so
    # the second line's wrong `depth 4` (a 3-filter conv has depth 3) passed. Each line's answers, at its place.
    report = run("input 32x32x3\nconv 3 3x3 pad 1 -> depth 4 params 84 height 32\n"
                 "conv 3 3x3 pad 1 -> depth 4 params 84 height 32\n")
    # (3·3·3 + 1)·3 = 84 parameters; (32 - 3 + 2)/1 + 1 = 32.
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "depth", "wrong"), ("conv1", "height", "right"), ("conv1", "params", "right"),
        ("conv2", "depth", "wrong"), ("conv2", "height", "right"), ("conv2", "params", "right")]
    assert [(d.line, d.column) for d in report.diagnostics] == [(2, 27), (3, 27)]


def test_biases_are_an_answer_of_their_own() -> None:
    # CONV1 of the lecture: 96 filters, one bias each, so 96 biases; (11·11·3 + 1)·96 = 34,944 parameters,
    # 11·11·3·96 = 34,848 weights. A wrong `Biases: 95` was prose and passed.
    spec = run("input 227x227x3\nconv1: conv 96 11x11 stride 4 -> biases 96\nmaxpool 3x3 stride 2 -> biases 0\n"
               "fc 10 -> biases 11\nexpect total biases 106\nexpect total weights 34848\n")
    # fc1 has 10 biases (one per unit); the network 96 + 0 + 10 = 106; its weights 34,848 + 27·27·96·10.
    assert [(a.label, a.quantity, a.expected, a.actual, a.verdict) for a in spec.answers] == [
        ("conv1", "biases", "96", "96", "right"), ("maxpool1", "biases", "0", "0", "right"),
        ("fc1", "biases", "11", "10", "wrong"), ("", "total biases", "106", "106", "right"),
        ("", "total weights", "34848", f"{34_848 + 27 * 27 * 96 * 10:,}", "wrong")]
    assert spec.answers[0].working == ("conv1: biases (11·11·3 + 1)·96 = 34,944 less 34,848 weights = 96",)
    slip = run("input 8x8x3\nconv 4 3x3 -> biases 108\n").answers[0]  # 3·3·3·4 = 108 is the weights
    assert (slip.verdict, slip.reason) == ("wrong", "that is the weights' count; each filter or unit has one bias")
    head = "Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n"
    for written, verdict in (("Biases: 95", "wrong"), ("Number of biases: 96", "right"), ("Bias terms: 95", "wrong"),
                             ("# of biases = 96", "right"), ("Bias: 95", "wrong"), ("Total biases: 95", "wrong")):
        answers = homework(head + written + "\n").answers
        assert [(a.expected, a.verdict) for a in answers] == [(written.split()[-1], verdict)], written
    # The same answer in a listing line's options and in a table's column.
    listing = cnncalc.analyze_text("Input: 227x227x3\n[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0, "
                                   "95 biases\n", "hw.txt", lang="lecture")
    assert [(a.quantity, a.verdict) for a in listing.answers] == [("output", "right"), ("biases", "wrong")]
    table = cnncalc.analyze_text("| Layer | Description | Output | Biases |\n|---|---|---|---|\n"
                                 "| Input | | 227x227x3 | |\n| CONV1 | 96 11x11 filters at stride 4, pad 0 | | 95 |\n",
                                 "hw.txt", lang="lecture")
    assert [(a.quantity, a.verdict) for a in table.answers] == [("biases", "wrong")]
    # A definition is prose: `Bias: the constant added to each output`.
    prose = homework(head + "Bias: the constant added to each output\n")
    assert (prose.answers, [d.code for d in prose.diagnostics if d.severity == "error"]) == ((), [])


def test_weights_with_their_biases_are_the_parameters() -> None:
    # 10 5x5 filters on 3 channels: 5·5·3·10 = 750 weights, 10 biases, 760 parameters. `Number of weights and
    # biases: 760` was judged as weights (a right answer marked wrong), `Weights (including biases): 761` and
    # `Total weights: 751` were prose (wrong answers passed).
    head = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n"
    for written, quantity, actual, verdict in (
            ("Number of weights and biases: 760", "params", "760", "right"),
            ("Weights + biases = 750 + 10 = 760", "params", "760", "right"),
            ("Weights (including biases): 761", "params", "760", "wrong"),
            ("Total number of weights (including biases): 761", "total params", "760", "wrong"),
            ("Total weights: 751", "total weights", "750", "wrong"),
            ("Weights (no biases): 750", "weights", "750", "right")):
        answers = homework(head + written + "\n").answers
        assert [(a.quantity, a.actual, a.verdict) for a in answers] == [(quantity, actual, verdict)], written


def test_neurons_count_the_output_values() -> None:
    # The CS231n notes count a volume's values as neurons: 32·32·10 = 10,240. `Number of neurons: 10241` was
    # prose and passed.
    head = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n"
    for written, verdict in (("Number of neurons: 10241", "wrong"), ("Neurons: 10,240", "right"),
                             ("Output neurons: 10241", "wrong"),
                             ("Number of output neurons = 32*32*10 = 10240", "right")):
        answers = homework(head + written + "\n").answers
        assert [(a.actual, a.verdict) for a in answers] == [("10,240", verdict)], written


def test_more_ways_to_name_the_output_and_its_sides() -> None:
    # (32 - 5 + 2·2)/1 + 1 = 32 with 10 filters: 32x32x10, and 32·32·10·5·5·3 = 768,000 multiplications.
    # Each wrong answer below was prose and passed.
    head = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n"
    for written, quantity, verdict in (
            ("Output shape: (32, 32, 11)", "output", "wrong"), ("Output dimensions: (32, 32, 10)", "output", "right"),
            ("Size of the output volume: 32x32x11", "output", "wrong"), ("Out: 32x32x11", "output", "wrong"),
            ("Output spatial size: 33", "output", "wrong"), ("Spatial size: 32", "output", "right"),
            ("Output channels: 11", "depth", "wrong"), ("Number of output channels: 10", "depth", "right"),
            ("Depth: 11", "depth", "wrong"), ("Number of multiplications: 768,001", "macs", "wrong"),
            ("Multiplications = 32*32*10*5*5*3 = 768,000", "macs", "right")):
        answers = homework(head + written + "\n").answers
        assert [(a.quantity, a.verdict) for a in answers] == [(quantity, verdict)], written
    # Prose stays prose: the input's depth, a definition, a remark with a size in it.
    for prose in ("Depth of the input: 3", "Depth: the number of filters", "Spatial arrangement of 5x5 filters"):
        report = homework(head + prose + "\n")
        assert (report.answers, [d.code for d in report.diagnostics if d.severity == "error"]) == ((), []), prose


def test_a_count_with_its_working_in_parentheses() -> None:
    # CONV1: (11·11·3 + 1)·96 = 34,944. Each of these was E060, no verdict: the working in parentheses after the
    # count, the count again at another precision, or the count alone in parentheses.
    head = "Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n"
    for written, expected, verdict in (
            ("Number of parameters: 34,944 (= (11*11*3 + 1)*96)", "34,944", "right"),
            ("Number of parameters: 34,945 (= (11*11*3 + 1)*96)", "34,945", "wrong"),
            ("Params: 34,944 (weights 34,848 + biases 96)", "34,944", "right"),
            ("Params: 35K (34,945)", "34,945", "wrong"),  # the finer of two that agree is judged
            ("Params: 34,944 (35K)", "34,944", "right"), ("Params: (34,945)", "34,945", "wrong")):
        answers = homework(head + written + "\n").answers
        assert [(a.expected, a.verdict) for a in answers] == [(expected, verdict)], written
    # Two counts that disagree are no answer: E060 names both.
    report = homework(head + "Params: 35K (36,944)\n")
    assert (report.answers, [(d.code, d.message) for d in report.diagnostics]) == (
        (), [("E060", "`35K` and `36,944` are two different counts")])
    table = cnncalc.analyze_text("| Layer | Description | Output | Params |\n|---|---|---|---|\n"
                                 "| Input | | 227x227x3 | |\n| CONV1 | 96 11x11 filters at stride 4, pad 0 | | "
                                 "34,945 (= (11*11*3+1)*96) |\n", "hw.txt", lang="lecture")
    assert [(a.expected, a.verdict) for a in table.answers] == [("34,945", "wrong")]


def test_working_then_a_count_in_parentheses_that_disagree_is_e060_not_an_internal_error() -> None:
    # (5·5·3 + 1)·10 = 760 against 761, after `Params:` and in a table's cell: both were an internal error.
    report = homework(_CONV32 + "Params: (5*5*3+1)*10 (761)\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, 9, "`(5 * 5 * 3 + 1) * 10 = 760` and `761` are two different counts")]
    assert report.answers == ()
    assert [a.verdict for a in homework(_CONV32 + "Params: (5*5*3+1)*10 (760)\n").answers] == ["right"]
    table = cnncalc.analyze_text("| Layer | Description | Output | Params |\n|---|---|---|---|\n"
                                 "| Input | | 32x32x3 | |\n| CONV1 | 10 5x5 filters, pad 2 | | (5*5*3+1)*10 (761) |\n",
                                 "hw.txt", lang="lecture")
    assert [(d.code, d.line, d.column) for d in table.diagnostics] == [("E060", 4, 37)]
    assert table.answers == ()


def test_a_convolution_described_size_first_or_with_its_options_in_parentheses() -> None:
    # (227 - 11)/4 + 1 = 55 with 96 filters: 55x55x96. Each statement was E060, so CONV1's answer was not judged.
    for statement in ("CONV1: 11x11 conv, 96 filters, stride 4", "CONV1: conv 11x11, 96 filters, stride 4",
                      "CONV1: 96 filters (11x11, stride 4)", "CONV1: 96 filters (11x11 stride 4, pad 0), ReLU"):
        report = cnncalc.analyze_text(f"Input: 227x227x3\n{statement}\nOutput volume: 55x55x97\n", "hw.txt",
                                      lang="lecture")
        assert [(a.expected, a.actual, a.verdict) for a in report.answers] == [("55x55x97", "55x55x96", "wrong")], \
            statement
    # The size given twice is no statement: `11x11 conv, 96 5x5 filters`.
    report = homework("Input: 227x227x3\nCONV1: 11x11 conv, 96 5x5 filters\n")
    assert [(d.code, d.message) for d in report.diagnostics] == [
        ("E060", "the filter size is given twice; `5x5` is the second")]


def test_a_flatten_line_is_a_layer() -> None:
    # 64x64x3, a 3x3 conv of 32 at pad 1 keeps 64x64; a 2x2 pool at stride 2 gives 32x32x32 = 32,768 values.
    # `Flatten: 32768` was prose, so the answer after it (`Output: 32768`) was judged as the pool's volume:
    # a right answer marked wrong.
    head = "Input: 64x64x3\nCONV1: 32 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
    for flatten, answers in (("Flatten\nOutput: 32768", [("32768", "right")]),
                             ("Flatten: 32767", [("32767", "wrong")]), ("Flatten layer -> 32767", [("32767", "wrong")]),
                             ("Flatten (32768 values)", [("32768", "right")]),
                             ("FLATTEN1: 32767", [("32767", "wrong")]),
                             ("Flatten the volume into a vector", [])):
        report = homework(f"{head}{flatten}\nFC1: 10\n")
        assert [(a.expected, a.verdict) for a in report.answers] == answers, flatten
        assert [d.code for d in report.diagnostics if d.severity == "error"] == \
            ["E040" for _, verdict in answers if verdict == "wrong"], flatten
        assert [r.op for r in report.rows][-1] == "fc 10", flatten
    # (32·32·32 + 1)·10 = 327,690 parameters for FC1 after it, as without it.
    report = homework(f"{head}Flatten\nFC1: 10\nParams: 327,690\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("params", "right")]


@pytest.mark.parametrize("said", ["Then we flatten the output.", "Flatten the volume into a vector", "Flattening",
                                  "Next, a flatten layer.", "We flatten it."])
def test_a_flatten_said_in_a_sentence_is_the_step(said: str) -> None:
    # the pool's 32x32x32 flattened: 32·32·32 = 32,768 values. Said in a sentence, the step was prose, so the answer
    # under it went to the pool (32768 against its 32x32x32: a right answer marked wrong)
    head = "Input: 64x64x3\nCONV1: 32 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
    for answer, verdict in (("32768", "right"), ("32000", "wrong")):
        report = homework(f"{head}{said}\nOutput: {answer}\nFC1: 10\nParams: 327,690\n")
        assert [(a.path, a.expected, a.verdict) for a in report.answers] == [
            ("flatten1", answer, verdict), ("fc1", "327,690", "right")], said  # (32,768 + 1)·10 = 327,690


@pytest.mark.parametrize("said, layer", [("The pool outputs {}", "pool1"), ("The pooling layer produces {}", "pool1"),
                                         ("The conv layer gives a {} volume", "conv1")])
def test_a_layer_named_by_its_kind_and_what_it_outputs(said: str, layer: str) -> None:
    # CONV1 keeps 32x32 (5x5 at pad 2): 32x32x10; the pool halves it, (32 - 2)/2 + 1 = 16. The sentence was prose:
    # its answer passed over
    head = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nPOOL1: 2x2 max pool, stride 2\n"
    right = "16x16x10" if layer == "pool1" else "32x32x10"
    for answer, verdict in ((right, "right"), ("15x15x10", "wrong")):
        report = homework(head + said.format(answer) + "\n")
        assert [(a.path, a.expected, a.verdict) for a in report.answers] == [(layer, answer, verdict)]


@pytest.mark.parametrize("said", ["Then we apply ReLU.", "Then a ReLU activation function.", "Apply dropout."])
def test_a_shape_keeping_step_said_in_a_sentence_is_the_step(said: str) -> None:
    # `params: 0` under it was judged as CONV1's count, (1·1·64 + 1)·8 = 520, and marked wrong; as the step, the
    # count is the step's alone or CONV1's with it (E060, as under a `ReLU` line), and its output is CONV1's 12x12x8
    report = homework(f"Input: 12x12x64\nCONV1: 8 1x1 filters\n{said}\nparams: 0\n")
    assert [a.verdict for a in report.answers] == [] and [d.code for d in report.diagnostics] == ["E060"]
    report = homework(f"Input: 12x12x64\nCONV1: 8 1x1 filters\n{said}\nOutput: 12x12x8\n")
    assert report.ok and [a.verdict for a in report.answers] == ["right"]


@pytest.mark.parametrize("said", ["Then max pooling is applied.", "Next we upsample by 2.",
                                  "Then we apply global average pooling.", "Now a max pool is applied.",
                                  "We use max pooling to halve the size."])
def test_a_resizing_step_said_in_a_sentence_leaves_the_answers_after_it_unjudged(said: str) -> None:
    # CONV1 gives 12x12x8; the pooled 6x6x8 under a sentence that pools was judged as CONV1's output and marked wrong.
    # The step cannot be read (which pool? what window?): E060, and the answer after it not judged
    report = homework(f"Input: 12x12x64\nCONV1: 8 1x1 filters\n{said}\nOutput: 6x6x8\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 3, 1, f"cnncalc cannot read `{said}` as a layer")]
    assert [a.verdict for a in report.answers] == ["unchecked"]
    # with nothing read after it, such a sentence stays prose
    assert homework(f"Input: 12x12x64\nCONV1: 8 1x1 filters -> 12x12x8\n{said}\n").ok
    # a sentence about the counts, or about layers in general, takes no step: the layer after it is judged
    for remark in ("Now we compute the parameters of the conv layers:", "Now the conv layers."):
        report = homework(f"Input: 12x12x64\nCONV1: 8 1x1 filters\n{remark}\nCONV2: 4 1x1 filters -> 12x12x4\n")
        assert report.ok and [a.verdict for a in report.answers] == ["right"], remark


def test_an_output_written_with_its_order_or_a_batch_of_one() -> None:
    # 32x32x10: height, width, channels. `10x32x32 (CxHxW)` says its order and is right (it was marked wrong
    # as channels first); PyTorch's `torch.Size([1, 10, 32, 32])` and Keras' `(None, 32, 32, 10)` were prose,
    # so their wrong forms passed.
    head = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n"
    for written, verdict in (
            ("Output volume: 10x32x32 (CxHxW)", "right"), ("Output: [10, 32, 32] (C, H, W)", "right"),
            ("Output: 10 x 32 x 32 (channels first)", "right"), ("Output: 32x32x10 (HxWxC)", "right"),
            ("Output volume: 11x32x32 (CxHxW)", "wrong"), ("Output: torch.Size([1, 10, 32, 32])", "right"),
            ("Output: torch.Size([1, 11, 32, 32])", "wrong"), ("Output: (None, 32, 32, 10)", "right"),
            ("Output: (None, 32, 32, 11)", "wrong"), ("Output: 1x32x32x10", "right"), ("Output: 1x32x32x11", "wrong")):
        answers = homework(head + written + "\n").answers
        assert [a.verdict for a in answers] == [verdict], written
    # A remark that contradicts the sizes is judged as the remark says: 32x32x10 as CxHxW is 32x10x32.
    wrong = homework(head + "Output: 32x32x10 (CxHxW)\n").answers[0]
    assert (wrong.expected, wrong.verdict) == ("32x32x10 channels first, 32x10x32", "wrong")
    # Without a word on its order, a list is height first, as before: `(10, 32, 32)` is channels first, wrong; after a
    # batch of one, `(1, 10, 32, 32)` is PyTorch's order (its two equal sizes the height and width): right.
    slip = homework(head + "Output: (10, 32, 32)\n").answers[0]
    assert (slip.verdict, slip.reason) == ("wrong", "that is the volume channels first, as PyTorch prints sizes; "
                                                    "cnncalc writes height x width x channels")
    assert [a.verdict for a in homework(head + "Output: (1, 10, 32, 32)\n").answers] == ["right"]
    # A batch of two is no volume: E060, not prose.
    report = homework(head + "Output: (2, 32, 32, 10)\n")
    assert [(d.code, d.message) for d in report.diagnostics] == [("E060", "`(2, 32, 32, 10)` is not a volume")]


def test_layers_stated_without_a_number_in_their_name() -> None:
    # Each statement was prose, so the answer under it was judged as CONV1's (32x32x10, 760 parameters): a right
    # answer marked wrong. FC 10 on 32·32·10 = 10,240 values: (10,240 + 1)·10 = 102,410 parameters; a batch
    # norm of 10 channels learns 2·10 = 20; dropout and ReLU none.
    head = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n"
    for statement, answer, verdict in (
            ("FC: 10 neurons", "Output: 10", "right"), ("Fully connected: 10 neurons", "Params: 102,410", "right"),
            ("FC layer: 10", "Output: 11", "wrong"), ("Fully connected layer with 10 neurons", "Output: 10", "right"),
            ("BN: Batch normalization", "Params: 20", "right"), ("Batch norm", "Params: 40", "wrong"),
            ("Dropout: 0.5", "Output: 32x32x10", "right"), ("Dropout (p = 0.5)", "Output: 32x32x11", "wrong"),
            ("ReLU", "Output: 32x32x10", "right"),
            # a hidden layer is fully connected; the statement's own answers after a comma, or the count in
            # parentheses (each was E060: the layer unknown, the answers after it not checked)
            ("Hidden layer: 10 neurons", "Params: 102,410", "right"), ("Hidden: 10 units", "Output: 11", "wrong"),
            ("Hidden layer with 10 neurons", "Params: 102,411", "wrong"),
            ("FC layer (10 neurons)", "Output: 10", "right"), ("Hidden layer (10 neurons)", "Output: 100", "wrong")):
        answers = homework(f"{head}{statement}\n{answer}\n").answers
        assert [(a.label, a.verdict) for a in answers] == [(answers[0].label, verdict)], statement
        assert answers[0].path != "conv1", statement
    for said, verdict in (("Fully connected layer with 10 neurons, params: 102,410", "right"),
                          ("Hidden layer with 10 neurons, params: 102,411", "wrong")):
        assert [(a.quantity, a.verdict) for a in homework(head + said + "\n").answers] == [("params", verdict)]
    unclosed = homework(head + "FC layer (10 neurons\nParams: 102,410\n")
    assert [(d.code, d.line, d.column, d.message) for d in unclosed.diagnostics if d.severity == "error"] == [
        ("E060", 3, 1, "cnncalc cannot read `FC layer (10 neurons` as a layer")]
    assert [a.verdict for a in unclosed.answers] == ["unchecked"]
    # After prose, such a line is a step only when something is read after it: the AlexNet notes' `- dropout
    # 0.5` under "Details/Retrospectives:" is a remark, not a layer of the listing.
    notes = homework(head + "Details:\n- dropout 0.5\n- mini-batch size 128\n")
    assert [r.op for r in notes.rows] == ["conv 10 5x5 pad 2"]
    # Prose that starts with such words stays prose.
    prose = cnncalc.analyze_text(head + "Fully connected layers see the whole volume\nParams: 760\n", "hw.txt",
                                 lang="lecture")
    assert [(a.label, a.verdict) for a in prose.answers] == [("conv1", "right")]


def test_a_pools_description_says_its_kind_and_bn_names_a_batch_norm() -> None:
    # `POOL1: 2x2 avg pool` was E060 after its size; `POOL1: average pooling 2x2` was read as a max pool (the
    # name's default). `BN1:` was not a layer, so its answer was CONV1's.
    head = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n"
    for statement, op in (("POOL1: 2x2 avg pool, stride 2", "avgpool 2x2 stride 2"),
                          ("POOL1: average pooling 2x2, stride 2", "avgpool 2x2 stride 2"),
                          ("AVG POOL1: 2x2 max pool, stride 2", "maxpool 2x2 stride 2"),
                          ("BN1: batch normalization", "batchnorm")):
        report = homework(f"{head}{statement}\n")
        assert ([r.op for r in report.rows][-1], report.diagnostics) == (op, ()), statement


def test_a_count_said_to_be_approximate_is_rounded() -> None:
    # (11·11·3 + 1)·96 = 34,944. `~35000` was judged exactly, so a right answer was marked wrong; `about 35K`,
    # `35K approx` and `34,944 learnable parameters` were E060. Approximate, 35000 is 35K: 34,944 rounds to it.
    head = "Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n"
    for written, verdict in (("Params: ~35000", "right"), ("Params ≈ 35,000", "right"), ("Params: about 35K", "right"),
                             ("Params: 35,000 approx.", "right"), ("Params: approximately 34,900", "right"),
                             ("Params: ~36000", "wrong"), ("Params: ~34,945", "wrong"),
                             ("Params: 34,944 learnable parameters", "right"), ("Params: 35000", "wrong")):
        answers = homework(head + written + "\n").answers
        assert [a.verdict for a in answers] == [verdict], written
    wrong = homework(head + "Params: ~36000\n").answers[0]
    assert wrong.reason == "34,944 rounds to 35000 at the precision written, not ~36000"
    # On a listing line too (these were E060): after the word, before it, in a parenthesis.
    listing = "Input: 227x227x3\n[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0"
    for answer, verdict in ((" -> params ~35000", "right"), (", ~36000 params", "wrong"), (" (~35K params)", "right"),
                            (" (about 35,000 params, 105M MACs)", "right")):
        assert [a.verdict for a in homework(listing + answer + "\n").answers if a.quantity == "params"] == [verdict], \
            answer


def test_output_size_exercises_written_other_ways() -> None:
    # Each was prose (wrong answers passed beside a worked example) or, alone in a file, read as the spec
    # language. (32 - 5 + 2·2)/1 + 1 = 32; (7 - 3 + 2)/2 + 1 = 4; (5 - 3 + 2)/2 + 1 = 3 with 2 filters;
    # (7 - 3)/2 + 1 = 3.
    for exercise, verdict in (("Input 32x32, 5x5 filter, stride 1, pad 2 => 31x31", "wrong"),
                              ("input 7x7, 3x3 filter, stride 2, pad 1 => 4x4", "right"),
                              ("Input 5x5x3, 2 filters 3x3x3, stride 2, pad 1 => 3x3x2", "right"),
                              ("Input 5x5x3, 2 3x3x3 filters, stride 2, pad 1 => 3x3x3", "wrong"),
                              ("Input: 7x7. Filter: 3x3. Stride: 2. Output: 3x3", "right"),
                              ("7x7 input, 3x3 filter, stride 2 => 2x2", "wrong")):
        alone = cnncalc.analyze_text(exercise + "\n", "hw.txt")  # the notation told by the text
        assert [a.verdict for a in alone.answers] == [verdict], exercise
        beside = analyses("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nOutput: 32x32x10\n\n" + exercise
                          + "\n", "hw.txt")  # an exercise is a network of its own
        assert [a.verdict for analysis in beside for a in analysis.report.answers] == ["right", verdict], exercise


def test_a_volume_under_a_layer_named_other_ways_or_alone() -> None:
    # (32 - 5 + 2·2)/1 + 1 = 32: 32x32x10. Each wrong answer below was prose and passed.
    head = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n"
    for written in ("Feature map: 32x32x11", "Dimensions: (32, 32, 11)", "Shape: 32x32x11 feature maps",
                    "Volume: 32x32x11", "Size = 32x32x11", "A: 32x32x11", "32x32x11", "-> 32x32x11", "- 32x32x11."):
        answers = homework(head + written + "\n").answers
        assert [(a.expected, a.verdict) for a in answers] == [("32x32x11", "wrong")], written
    for written in ("Feature maps = 32x32x10", "32x32x10!", "=> 32x32x10"):
        answers = homework(head + written + "\n").answers
        assert [a.verdict for a in answers] == ["right"], written
    for prose in ("Size matters", "Volume: see the figure", "Shape: square, 32x32x10 in all"):
        report = homework(head + prose + "\n")
        assert (report.answers, [d.code for d in report.diagnostics if d.severity == "error"]) == ((), []), prose


def test_a_networks_total_stated_other_ways() -> None:
    # AlexNet's 62,378,344 parameters (the lecture's table). Each wrong total below was prose and passed;
    # `Params (total): 62,378,344` was judged as FC8's 4,097,000: a right answer marked wrong.
    listing = (EXAMPLES / "alexnet-homework.txt").read_text()
    for written, verdict in (("Total: 62.5M params", "wrong"), ("The network has 62.4M parameters", "right"),
                             ("Overall params = 62.5M", "wrong"), ("Sum of all parameters: 62,378,345", "wrong"),
                             ("Total parameter count: 62,378,345", "wrong"),
                             ("Total learnable parameters: 62,378,344", "right"),
                             ("Params (total): 62,378,344", "right"), ("In total: 62,378,345 parameters", "wrong"),
                             ("Total: about 62M params", "right"),
                             # the count right after its words, as the spec language writes it (was prose)
                             ("Total params 62,378,345", "wrong"), ("Total parameters 62378344", "right"),
                             ("In total 62,378,345 parameters", "wrong"), ("In total, 62.4M params", "right")):
        answers = homework(listing + written + "\n").answers
        assert [(a.quantity, a.verdict) for a in answers if a.quantity.startswith("total")] == [
            ("total params", verdict)], written
    for prose in ("Total: 8 layers", "The network has 8 layers"):
        report = homework(listing + prose + "\n")
        assert [a for a in report.answers if a.quantity.startswith("total")] == [], prose


def test_a_depthwise_convolution_in_the_lecture_notation() -> None:
    # One 3x3 filter per channel of 96: (3·3 + 1)·96 = 960 parameters; at stride 2, pad 1 on 27: (27 - 3 + 2)/2
    # + 1 = 14, and 14·14·96·3·3 = 169,344 MACs. The description was E060.
    for statement in ("CONV2: depthwise 3x3, stride 2, pad 1", "CONV2: 3x3 depthwise conv, stride 2, pad 1"):
        report = homework(f"Input: 27x27x96\n{statement}\nParams: 961\nOutput: 14x14x96\nMACs: 169,344\n")
        assert [(a.quantity, a.verdict) for a in report.answers] == [
            ("output", "right"), ("params", "wrong"), ("macs", "right")], statement


def test_a_tables_header_may_give_its_unit_or_order() -> None:
    # CONV1: (11·11·3 + 1)·96 = 34,944 parameters, 55·55·96·11·11·3 = 105,415,200 MACs, 55·55·96 = 290,400 values,
    # a 55x55x96 output. These columns were E060, their cells not judged.
    def table(header: str, cell: str, given: str = "") -> list[tuple[str, str, str]]:
        """A count column beside an Output column that gives the input; or, with `given`, the output column."""
        if given:
            text = (f"| Layer | Description | {header} |\n|---|---|---|\n| Input | | {given} |\n"
                    f"| CONV1 | 96 11x11 filters at stride 4, pad 0 | {cell} |\n")
        else:
            text = (f"| Layer | Description | Output | {header} |\n|---|---|---|---|\n| Input | | 227x227x3 | |\n"
                    f"| CONV1 | 96 11x11 filters at stride 4, pad 0 | | {cell} |\n")
        return [(a.quantity, a.expected, a.verdict) for a in homework(text).answers]

    assert table("Params (K)", "34.945") == [("params", "34.945K", "wrong")]
    assert table("MACs (M)", "105.4") == [("macs", "105.4M", "right")]
    assert table("# Parameters", "34,944") == [("params", "34,944", "right")]
    assert table("Parameters (weights + biases)", "34,945") == [("params", "34,945", "wrong")]
    assert table("Activations", "290,400") == [("memory", "290,400", "right")]
    assert table("Output (C x H x W)", "96x55x55", "3x227x227") == [
        ("output", "96x55x55 channels first, 55x55x96", "right")]
    assert table("Output size (HxWxC)", "96x55x55", "227x227x3")[0][2] == "wrong"


HOMEWORK = """# Homework 2: CNN arithmetic

## Problem 1
Consider an input of size 64x64x3. We apply a convolutional layer with 32 filters of size 5x5, stride 1 and no padding.
(a) What is the output size? 60x60x32
(b) How many parameters does the layer have? 2,433
(c) How many multiply-accumulate operations? 60*60*32*5*5*3 = 8,640,000

## Problem 2
Input: 28x28x1
- CONV1: 6 5x5 filters, stride 1, pad 2 -> 28x28x6, 156 params
- POOL1: 2x2 max pool, stride 2 -> 14x14x6
- FC1: 120 neurons -> 141,240 params
Total params: 141,396

## Problem 3
An input of 32x32x3 goes through a 3x3 conv with 64 filters, stride 1, padding 1.
Output: 32x32x64
Parameters: 1,792
"""


def test_a_homework_of_problems_told_in_sentences() -> None:
    # Problem 1: (64 - 5)/1 + 1 = 60, (5·5·3 + 1)·32 = 2,432 parameters (2,433 is wrong), 60·60·32·5·5·3 = 8,640,000
    # MACs. Problem 2: (5·5·1 + 1)·6 = 156; (14·14·6 + 1)·120 = 141,240; 156 + 141,240 = 141,396. Problem 3:
    # (32 - 3 + 2)/1 + 1 = 32, (3·3·3 + 1)·64 = 1,792. The file was read as the spec language (26 errors); in
    # the lecture's notation the sentences were prose and Problem 3's `Output: 32x32x64` was judged against
    # Problem 2's FC1: a right answer marked wrong.
    networks = analyses(HOMEWORK, "hw.txt")
    assert [[(a.quantity, a.verdict) for a in n.report.answers] for n in networks] == [
        [("output", "right"), ("params", "wrong"), ("macs", "right")],
        [("output", "right"), ("params", "right"), ("output", "right"), ("params", "right"), ("total params", "right")],
        [("output", "right"), ("params", "right")]]
    # A sentence missing a part, or saying one twice, is prose.
    for prose in ("An input of 32x32x3 goes through a conv with 64 filters.",
                  "An input of 32x32x3 goes through 64 3x3 filters, then 32 3x3 filters."):
        report = homework(prose + "\nOutput: 32x32x64\n")
        assert report.answers == (), prose
    # a layer told after it, `followed by` a kind of layer, is that layer: 64 3x3 filters unpadded give (32 - 3)/1 +
    # 1 = 30, the 2x2 pool (30 - 2)/2 + 1 = 15 (it was prose)
    chained = homework("An input of 32x32x3 goes through 64 3x3 filters, followed by a 2x2 max pool.\n"
                       "Output: 15x15x64\n")
    assert [(a.label, a.verdict) for a in chained.answers] == [("maxpool1", "right")], chained.messages()


def test_the_receptive_field_as_an_answer() -> None:
    # r = 1 + Σ(k - 1)·(product of the strides before): three 3x3 convs at stride 1 see 1 + 2 + 2 + 2 = 7
    # pixels (VGG's "three 3x3 layers see as one 7x7"); a 2x2 pool at stride 2 adds 1·1: 8; a 3x3 conv after it
    # adds 2·2: 12.
    report = run("input 32x32x3\nconv 8 3x3 pad 1 -> rf 3\nconv 8 3x3 pad 1 -> rf 5x5\nconv 8 3x3 pad 1 -> rf 6\n"
                 "maxpool 2x2 -> rf 8\nconv 8 3x3 -> depth 8 rf = 12\n")
    assert [(a.label, a.quantity, a.expected, a.actual, a.verdict) for a in report.answers] == [
        ("conv1", "receptive field", "3", "3x3", "right"), ("conv2", "receptive field", "5x5", "5x5", "right"),
        ("conv3", "receptive field", "6", "7x7", "wrong"), ("maxpool1", "receptive field", "8", "8x8", "right"),
        ("conv4", "depth", "8", "8", "right"), ("conv4", "receptive field", "12", "12x12", "right")]
    # After an invalid stride the field rests on a guess: not checked. `rf` twice, or of three sizes, is an error.
    guessed = run("input 8x8x3\nconv 4 3x3 stride 2\nconv 4 3x3 -> rf 7\n").answers
    assert [(a.verdict, a.reason) for a in guessed] == [("unchecked", "it rests on the invalid stride at line 2")]
    assert [d.code for d in run("input 8x8x3\nconv 4 3x3 -> rf 3 rf 3\n").diagnostics] == ["E012"]
    assert [d.code for d in run("input 8x8x3\nconv 4 3x3 -> rf 3x3x3\n").diagnostics] == ["E013"]
    # In the lecture's notation, after the layer or naming it.
    head = "Input: 32x32x3\nCONV1: 8 3x3 filters, pad 1\nCONV2: 8 3x3 filters, pad 1\nCONV3: 8 3x3 filters, pad 1\n"
    for written, verdict in (("Receptive field: 7x7", "right"), ("Effective receptive field = 6", "wrong"),
                             ("RF: 7x7 pixels", "right"), ("Receptive field of CONV2: 7x7", "wrong")):
        assert [a.verdict for a in homework(head + written + "\n").answers] == [verdict], written
    assert homework(head + "Receptive field: the region a neuron sees\n").answers == ()
    # `convert` writes it back.
    assert "-> rf 7x7" in CliRunner().invoke(cli, ["convert", "-"], input=head + "Receptive field: 7x7\n").output


def test_several_answers_in_one_parenthesis() -> None:
    # (11·11·3 + 1)·96 = 34,944 parameters and 55·55·96·11·11·3 = 105,415,200 MACs; the parenthesis was E060, so
    # neither was judged.
    for line, verdicts_ in (("CONV1: 96 11x11 filters at stride 4 -> 55x55x96 (34,944 params, 105.4M MACs)",
                             [("output", "right"), ("params", "right"), ("macs", "right")]),
                            ("[55x55x96] CONV1: 96 11x11 filters at stride 4 (34,945 params and 105.4M MACs)",
                             [("output", "right"), ("params", "wrong"), ("macs", "right")])):
        report = homework("Input: 227x227x3\n" + line + "\n")
        assert [(a.quantity, a.verdict) for a in report.answers] == verdicts_, line
    twice = homework("Input: 227x227x3\n[55x55x96] CONV1: 96 11x11 filters at stride 4 (34,944 params, 35K params)\n")
    assert [(d.code, d.message) for d in twice.diagnostics if d.severity == "error"] == [
        ("E060", "the parameter count is given twice")]


def test_counts_after_an_output_on_its_line() -> None:
    # 55·55·96 = 290,400 values; (11·11·3 + 1)·96 = 34,944 parameters. The counts after the volume were passed
    # over, so wrong ones passed.
    head = "Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4\n"
    for written, verdicts_ in (
            ("Output volume: 55x55x96 = 290,401 neurons", [("output", "right"), ("memory", "wrong")]),
            ("Output volume: [55x55x96], params: 34,945", [("output", "right"), ("params", "wrong")]),
            ("Output: 55x55x96 (290,400 values)", [("output", "right"), ("memory", "right")]),
            ("Output: 55x55x96, about 3 times smaller", [("output", "right")])):
        assert [(a.quantity, a.verdict) for a in homework(head + written + "\n").answers] == verdicts_, written


def test_a_count_after_the_output_reads_as_on_a_line_of_its_own() -> None:
    # (3·3·3 + 1)·8 = 224 parameters. `params: 34 K` (a unit a space away) is 34K on a line of its own; after the
    # output it was E060 for the `K` (`params: lots`, with no number, passed over as a remark).
    head = "Input: 32x32x3\nCONV1: 8 3x3 filters, pad 1\n"
    for written in ("Params: 34 K", "Output: 32x32x8, params: 34 K", "Output: 32x32x8; number of parameters: 34 K"):
        report = homework(head + written + "\n")
        assert [(a.quantity, a.verdict) for a in report.answers if a.quantity == "params"] == [("params", "wrong")]
        assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E041"], written


def test_the_new_answer_forms_fail_at_their_place_in_their_words() -> None:
    # Each way the forms read this session can fail: its code, line:col and words, never a verdict.
    def errors_of(report: cnncalc.Report) -> list[tuple[str, int, int, str]]:
        return [(d.code, *report.source.line_col(d.span.start), d.message) for d in report.diagnostics
                if d.severity == "error"]

    head = "Input: 32x32x3\nCONV1: 8 3x3 filters, pad 1\n"
    for written, expected in (
            ("Receptive field: 7x7x3", ("E060", 3, 18, "`7x7x3` is not a receptive field")),
            ("Flatten (32768", ("E060", 3, 15, "expected `)` after `32768`")),
            ("Output: 32x32x8, params 34 K", ("E060", 3, 28, "cnncalc does not understand `K` here")),
            ("Output: 32x32x8, params: lots",
             ("E060", 3, 26, "expected the parameter count after the `:`, as in `= 35K`")),
            ("Params: 35K (36,944)", ("E060", 3, 9, "`35K` and `36,944` are two different counts")),
            ("Output: (2, 32, 32, 8)", ("E060", 3, 9, "`(2, 32, 32, 8)` is not a volume"))):
        assert errors_of(homework(head + written + "\n")) == [expected], written
    listing = homework("Input: 227x227x3\n[55x55x96] CONV1: 96 11x11 filters at stride 4 (1 params, 2 params)\n")
    assert errors_of(listing) == [("E060", 2, 61, "the parameter count is given twice")]
    for spec, expected in (
            ("input 8x8x3\nconv 4 3x3 -> rf 3 rf 3\n", ("E012", 2, 20, "`rf` is given twice")),
            ("input 8x8x3\nconv 4 3x3 -> rf 3x3x3\n", ("E013", 2, 18, "`rf 3x3x3`: a receptive field is `HxW` or `N`")),
            ("input 8x8x3\nconv 4 3x3 -> rf big\n",
             ("E002", 2, 18, "expected the receptive field after `rf`, as in `rf 7x7` or `rf 7`, found `big`")),
            ("input 227 x 227\nconv 96 11x11\n", ("E023", 1, 7, "input `227x227` has 2 sizes"))):
        assert errors_of(run(spec))[0] == expected, spec


def test_a_listing_lines_memory_answer_is_judged() -> None:
    # 55·55·96 = 290,400 values: `memory 290,401` in a listing line's options was dropped, and passed.
    report = cnncalc.analyze_text("Input: 227x227x3\n[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0, "
                                  "memory 290,401\n", "hw.txt", lang="lecture")
    assert [(a.quantity, a.actual, a.verdict) for a in report.answers] == [
        ("output", "55x55x96", "right"), ("memory", "290,400", "wrong")]


def test_a_count_of_none_is_zero() -> None:
    # A pool has no parameters: `Params: None` was E060 (exit 1 for a right answer). A 1x1 convolution of
    # 96 channels to 8 has (1·1·96 + 1)·8 = 776.
    report = cnncalc.analyze_text("Input: 55x55x96\nPOOL1: 3x3 filters at stride 2\nParams: None\n"
                                  "CONV2: 8 1x1 filters\nParameters: none\n", "hw.txt", lang="lecture")
    assert [(a.label, a.verdict) for a in report.answers] == [("pool1", "right"), ("conv2", "wrong")]
    report = cnncalc.analyze_text("Input: 55x55x96\n\n| Layer | Description | Params |\n|---|---|---|\n"
                                  "| POOL1 | 3x3 filters at stride 2 | zero |\n", "hw.md", lang="lecture")
    assert [(a.label, a.verdict) for a in report.answers] == [("pool1", "right")]


def test_a_worked_examples_vector_answer_is_judged() -> None:
    # FC6 on 6x6x256 gives 4096 values; `Output volume: 4095` was prose, and passed.
    head = "Input: 6x6x256\nFC6: 4096 neurons\n"
    for line, verdict in (("Output volume: 4095", "wrong"), ("Output: 4,096", "right"),
                          ("What is the output volume of FC6? 4096.", "right")):
        report = homework(head + line + "\n")
        assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict)], line
    # One side of a 32x32x10 volume ((32 - 5 + 2·2)/1 + 1 = 32) is wrong, and said to be a side.
    report = cnncalc.analyze_text("Input volume: 32x32x3\n10 5x5 filters with stride 1, pad 2\nOutput volume: 32\n",
                                  "hw.txt", lang="lecture")
    assert [(a.verdict, a.reason) for a in report.answers] == [
        ("wrong", "that is one side of the volume; a single number answers a vector, the volume is height x width "
                  "x channels")]
    # The lecture's `Output = 55 = (227-11)/4+1` is still prose: the size of a side, worked.
    report = cnncalc.analyze_text("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4\n"
                                  "Output = 55 = (227-11)/4+1\n", "hw.txt", lang="lecture")
    assert report.answers == () and [d.code for d in report.diagnostics] == ["N060"]


def test_a_worked_examples_macs_are_judged_and_its_flops_are_e060() -> None:
    # 32·32·10 outputs, each 5·5·3 multiply-adds: 768,000 MACs. `MACs: 786,000` was prose: it passed.
    head = "Input volume: 32x32x3\n10 5x5 filters with stride 1, pad 2\n"
    for line, verdict in (("MACs: 786,000", "wrong"), ("Multiply-adds: 768K", "right"),
                          ("Number of MACs = 32*32*10*5*5*3 = 768,000", "right"), ("mult-adds: 0.77M", "right")):
        report = homework(head + line + "\n")
        assert [(a.quantity, a.verdict) for a in report.answers] == [("macs", verdict)], line
    report = homework(head + "Output: 32x32x10\nFLOPs: 1.5M\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 4, 1, "cnncalc judges MACs, not FLOPs")]  # 2·768,000 or 768,000: counted two ways
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right")]


def test_a_weights_answer_shows_the_working_without_biases() -> None:
    # conv: (5·5·3 + 1)·10 = 760 parameters, of which 10 biases: 750 weights
    answer = run("input 32x32x3\nconv1: conv 10 5x5 pad 2 -> weights 751\n").answers[0]
    assert (answer.verdict, answer.working) == ("wrong", ("conv1: weights (5·5·3 + 1)·10 = 760 less 10 biases = 750",))
    # batch norm: 2·4 learnable (gamma, beta), of which 4 biases; its running statistics are no weights
    answer = run("input 8x8x4\nbn1: bn -> weights 4\n").answers[0]
    assert (answer.verdict, answer.working) == ("right", ("bn1: weights 8 learnable less 4 biases = 4",))


def test_a_prose_input_above_a_listing_is_the_same_network() -> None:
    report = cnncalc.analyze_text("Input: 227x227x3 images\n[227x227x3] INPUT\n(note): a remark, not a layer\n"
                                  "[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0\n", "hw.txt", lang="lecture")
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "right")]
    assert [d.code for d in report.diagnostics] == ["N060"]  # the remark is prose


def test_a_worked_example_answer_cnncalc_cannot_read_is_e060_not_skipped(tmp_path: Path) -> None:
    # An answer passed over in silence would let a wrong one through: each is reported where it is written.
    path = tmp_path / "hw.txt"
    path.write_text("Input: 32x32x3 images\nFirst Layer (CONV1): 10 5x5 filters at stride 1, pad 2\n"
                    "Output volume = [0x32x10]\nNumber of parameters in this layer = (5*5*3+1)*lots\n")
    report = cnncalc.analyze(path)  # `Layer` capitalised is still the lecture's notation
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, 18, "`0x32x10` is not a volume"),
        ("E060", 4, 38, "expected the parameter count after the last `=`, as in `= 35K`")]
    assert report.answers == ()
    # the arithmetic alone is the count's value, judged: (5·5·3 + 1)·10 = 760
    path.write_text(path.read_text().replace("*lots", "*10"))
    assert [(a.quantity, a.verdict) for a in cnncalc.analyze(path).answers] == [("params", "right")]


def test_a_count_written_before_its_word_is_an_error_not_a_vector_answer() -> None:
    # `-> 34944 params` read `34944` as the output vector's answer and then failed on `params` alone.
    r = run("input 227x227x3\nconv1: conv 96 11x11 stride 4 -> 55x55x96 34944 params\n")
    assert [(d.code, d.line, d.column, d.message, d.hint) for d in r.diagnostics] == [
        ("E002", 2, 43, "`34944 params`: the count goes after the word", "write `params 34944`")]
    # `4096 params 16781312` is the vector answer and then the count: both judged ((227 - 11)/4 + 1 = 55).
    assert [(a.quantity, a.verdict) for a in run("input 227x227x3\nconv 96 11x11 stride 4 -> 4096 params 34944\n"
                                                 ).answers] == [("output", "wrong"), ("params", "right")]


# ---- the CS231n notes' VGGNet breakdown ------------------------------------------------------------

def test_the_notes_vgg_breakdown_is_read_and_every_answer_judged() -> None:
    # docs/examples/vgg-breakdown.txt: the notes' figures. VGG-16 has 138,357,544 parameters (the paper's 138M,
    # torchvision's count) and 15,470,264,320 MACs (Keras' VGG16 under PyTorch's FLOP counter, halved); the
    # layers' weights leave the biases out: 138,357,544 - (2·64 + 2·128 + 3·256 + 6·512 + 2·4096 + 1000) =
    # 138,344,128.
    report = cnncalc.analyze(EXAMPLES / "vgg-breakdown.txt")
    assert (report.totals.params, report.totals.macs) == (138_357_544, 15_470_264_320)
    assert sum(r.weights for r in report.rows) == 138_344_128
    assert [r.op for r in report.rows[:4]] == ["conv 64 3x3 pad 1", "conv 64 3x3 pad 1", "maxpool 2x2 stride 2",
                                               "conv 128 3x3 pad 1"]
    # the layers' 64 answers and the input's two, 224·224·3 = 150,528 values (`150K`) and no weights
    assert len(report.answers) == 66 and {a.verdict for a in report.answers} == {"right"}
    assert [(a.path, a.quantity, a.expected) for a in report.answers[:2]] == [("input", "weights", "0"),
                                                                              ("input", "memory", "150K")]
    # `800K` for 112·112·64 = 802,816 values is read at its significant digits, as the notes quote sizes
    memory = [a for a in report.answers if a.quantity == "memory" and a.path != "input"]
    assert (memory[2].expected, memory[2].actual, memory[2].verdict) == ("800K", "802,816", "right")


@pytest.mark.parametrize("line, verdicts, message", [
    # 112·112·64 = 802,816 values, not 400K
    ("POOL2: [112x112x64]  memory:  112*112*64=400K   weights: 0",
     [("output", "right"), ("weights", "right"), ("memory", "wrong")],
     "maxpool1: expected memory 400K, computed 802,816; 802,816 rounds to 800K at the precision written, not 400K"),
    # (3·3·64 + 1)·128 = 73,856 with the biases; the notes' weights leave them out: 73,728; 224·224·128 = 6,422,528
    ("CONV3-128: [224x224x128]  memory:  224*224*128=6.4M   weights: (3*3*64+1)*128 = 73,856",
     [("output", "right"), ("weights", "wrong"), ("memory", "right")],
     "conv2: expected weights 73,856, computed 73,728; that counts the biases too; `weights` leaves them out "
     "(`params` counts them)"),
    # a 2x2 pool at stride 2 halves 224: 112
    ("POOL2: [224x224x64]  memory:  224*224*64=3.2M   weights: 0",
     [("output", "wrong"), ("weights", "right"), ("memory", "wrong")],
     "maxpool1: expected 224x224x64, computed 112x112x64"),
])
def test_the_breakdowns_slips_are_named(line: str, verdicts: list[tuple[str, str]], message: str) -> None:
    head = "INPUT: [224x224x3]  memory:  224*224*3=150K   weights: 0\nCONV3-64: [224x224x64]  weights: 1,728\n"
    report = cnncalc.analyze_text(head + line + "\n", "sheet.txt")
    assert [(a.quantity, a.verdict) for a in report.answers[4:]] == verdicts  # after the input's two and conv1's two
    assert message in [d.message for d in report.diagnostics]


@pytest.mark.parametrize("line, part, message", [
    ("CONV4-64: [224x224x64]  weights: 1", "CONV4-64", "`CONV4-64`: VGG's convolutions have an odd size, padded to "
                                                       "keep the map's (conv3-64)"),
    ("FC: [7x7x4096]  weights: 1", "FC", "`FC` is as wide as its volume: write it, as in `FC: [1x1x4096]`"),
    ("POOL: [112x112x64]", "POOL", "`POOL` does not say its window (the notes' POOL2 is a 2x2 pool at stride 2): "
                                   "give it, as in `POOL (f=2, s=2)` or `POOL: 3x3 filters at stride 2`"),
    ("LRN: [112x112x64]", "LRN", "`LRN` is not a layer of the notes' breakdown (INPUT, CONV3-64, POOL2, FC, "
                                 "SOFTMAX, FLATTEN, RELU, DROPOUT)"),
    ("POOL2: [112x112x64]  memory: lots", "lots", "expected the memory count after `memory:`, as in "
                                                  "`memory: 3*3*64 = 1,728`"),
    ("POOL2: [112x112x64]  with memory: 800K", "with", "cnncalc does not understand `with` here"),
])
def test_a_breakdown_line_cnncalc_cannot_read_is_e060_at_the_part(line: str, part: str, message: str) -> None:
    text = "INPUT: [224x224x3]  memory: 150K\n" + line + "\n"
    report = cnncalc.analyze_text(text, "sheet.txt", lang="lecture")
    [e060] = [d for d in report.diagnostics if d.code == "E060"]
    assert (text[e060.span.start:e060.span.end], e060.message) == (part, message)


def test_a_memory_answer_in_the_spec_language_is_the_lines_output_values() -> None:
    # 224·224·64 = 3,211,264 ≈ 3.2M; after the 2x2 pool 112·112·64 = 802,816: `800K` at two significant digits
    # (8.0·10⁵) accepts it, `900K` does not; then 56·56·64 = 200,704, which `100K` (1.0·10⁵) does not accept; a
    # figure without a unit is exact.
    r = run("input 224x224x3\nconv 64 3x3 pad 1 ; relu -> memory 3.2M\nmaxpool 2x2 stride 2 -> memory 800K\n"
            "maxpool 2x2 stride 2 -> memory 900K\nflatten -> memory 200703\nidentity -> memory 100K\n")
    assert [(a.expected, a.verdict) for a in r.answers] == [("3.2M", "right"), ("800K", "right"), ("900K", "wrong"),
                                                            ("200703", "wrong"), ("100K", "wrong")]
    assert next((d.message, d.hint) for d in r.diagnostics if d.code == "E040") == (
        "maxpool2: expected memory 900K, computed 200,704; 200,704 rounds to 200K at the precision written, not 900K",
        "the output holds 200,704 values")


def test_a_breakdown_pool_other_than_the_notes_pool2_is_not_guessed() -> None:
    # AlexNet's POOL1 is numbered, a 3x3 window at stride 2: read as a 1x1 window it would mark 27x27x96 wrong
    report = cnncalc.analyze_text("INPUT: [55x55x96]  memory: 290K\nPOOL1: [27x27x96]  memory: 70K\n", "sheet.txt",
                                  lang="lecture")
    assert [(d.code, d.line, d.column) for d in report.diagnostics if d.severity == "error"] == [("E060", 2, 1)]
    # the input's own memory is judged: 55·55·96 = 290,400 values, `290K`
    assert [(a.path, a.verdict) for a in report.answers] == [("input", "right"), ("layer1", "unchecked"),
                                                             ("layer1", "unchecked")]


# ---- "doesn't fit": the answer that a stride is invalid -------------------------------------------------

def test_an_invalid_answer_is_right_on_an_inexact_division_and_the_division_is_then_a_note() -> None:
    # (7 - 3)/3 + 1 = 2.33: the lecture's "doesn't fit"; (7 - 3)/2 + 1 = 3 fits.
    r = run("input 7x7x1\nconv 1 3x3 stride 3 -> invalid\n")
    assert [(a.expected, a.verdict) for a in r.answers] == [("invalid", "right")]
    assert [(d.code, d.message) for d in r.diagnostics] == [
        ("N047", "conv1: (7 - 3 + 2·0)/3 + 1 = 2.33 is not a whole number, as the answer says")]
    assert r.ok
    r = run("input 7x7x1\nconv 1 3x3 stride 2 -> invalid\n")
    assert [(a.verdict, a.actual, a.reason) for a in r.answers] == [
        ("wrong", "3x3x1", "every division on the line is exact")]
    assert [d.code for d in r.diagnostics] == ["E040"]
    # after an earlier invalid stride the line's input is a guess: its own division cannot be judged
    r = run("input 7x7x1\nconv 1 3x3 stride 3\nconv 1 1x1 -> invalid\n")
    assert [a.verdict for a in r.answers] == ["unchecked"]
    assert [d.code for d in r.diagnostics if d.severity == "error"] == ["E030"]


@pytest.mark.parametrize("answer", ["output: doesn't fit", "doesn't fit!", "Output: invalid", "so it does not fit",
                                    "What is the output? It doesn't fit.", "cannot apply"])
def test_the_lectures_doesnt_fit_is_an_answer(answer: str) -> None:
    right = cnncalc.analyze_text(f"Assume, input image is 7x7 filter is 3x3 stride is 3\n{answer}\n", "hw.txt",
                                 lang="lecture")
    assert [a.verdict for a in right.answers] == ["right"] and right.ok
    wrong = cnncalc.analyze_text(f"Assume, input image is 7x7 filter is 3x3 stride is 2\n{answer}\n", "hw.txt",
                                 lang="lecture")
    assert [(a.verdict, a.actual) for a in wrong.answers] == [("wrong", "3x3x1")]


def test_an_exercise_answered_doesnt_fit_on_its_line_converts_to_invalid() -> None:
    text = "input 7x7, filter 3x3, stride 3 => doesn't fit\n"
    assert [a.verdict for a in cnncalc.analyze_text(text, "hw.txt").answers] == ["right"]
    result = CliRunner().invoke(cli, ["convert", "-", "--lang", "lecture"], input=text)
    assert result.output.splitlines()[-1] == "conv 1 3x3 stride 3 -> invalid"


@pytest.mark.parametrize("exercise, answer, verdict", [
    # (7 - 3)/3 + 1 = 4/3 + 1 = 7/3 = 2.333…: the lecture's own `(7 - 3)/3 + 1 = 2.33`
    ("N = 7, F = 3, stride 3", "2.33", "right"),
    ("N = 7, F = 3, stride 3", "(7 - 3)/3 + 1 = 2.33", "right"),
    ("N = 7, F = 3, stride 3", "2.33 (doesn't fit)", "right"),
    ("N = 7, F = 3, stride 3", "2.3", "right"),  # 2.333… at one place
    ("7x7 input, 3x3 filter, stride 3", "2.33", "right"),
    ("N = 7, F = 3, stride 3", "output 2.33", "right"),
    ("Assume, input image is 7x7 filter is 3x3 stride is 3\noutput is", "2.33", "right"),  # on the next line
    ("N = 7, F = 3, stride 3", "2.34", "wrong"),
    ("N = 7, F = 3, stride 3", "2.5", "wrong"),
    # (11 - 3)/3 + 1 = 11/3 = 3.666…: 3.67 rounded, 3.66 cut off; 3.68 is neither
    ("N = 11, F = 3, stride 3", "3.67", "right"),
    ("N = 11, F = 3, stride 3", "3.66", "right"),
    ("N = 11, F = 3, stride 3", "3.68", "wrong"),
    # (7 - 3)/2 + 1 = 3 exactly: 3.0 is the side 3, 3.5 says a division that is not whole
    ("N = 7, F = 3, stride 2", "3.0", "right"),
    ("N = 7, F = 3, stride 2", "3.5", "wrong"),
])
def test_an_exercise_answered_with_its_divisions_value_is_judged_by_that_value(exercise: str, answer: str,
                                                                               verdict: str) -> None:
    # `=> 2.33` was E060 ("expected the output after the arrow"): the lecture's own answer, never judged.
    report = homework(f"{exercise} {answer}\n" if exercise.endswith("is") else f"{exercise} => {answer}\n")
    assert [a.verdict for a in report.answers] == [verdict]
    inexact = "stride 3" in exercise or "stride is 3" in exercise  # 7 or 11 with F = 3: not whole
    assert [d.code for d in report.diagnostics] == (["N047"] if verdict == "right" and inexact else
                                                    ["E030", "E040"] if inexact else
                                                    ["E040"] if verdict == "wrong" else [])


def test_a_wrong_divisions_value_is_e040_at_the_answer_with_the_value_it_gives() -> None:
    # `N = 7, F = 3, stride 3 => ` is 26 characters: the answer starts at column 27; (7 - 3)/3 + 1 = 2.33.
    report = homework("N = 7, F = 3, stride 3 => 2.5\n")
    assert [(d.code, d.line, d.column, d.message, d.hint) for d in report.diagnostics] == [
        ("E030", 1, 22, "conv1: (7 - 3 + 2·0)/3 + 1 = 2.33 is not a whole number", report.diagnostics[0].hint),
        ("E040", 1, 27, "conv1: expected 2.5, computed 2.33; the division gives 2.33",
         "the division gives 2.33: the stride does not fit")]


def test_a_divisions_value_in_the_spec_language_and_through_convert() -> None:
    # (7 - 3)/3 + 1 = 2.33 on both axes; on a 7x9 input the width's (9 - 3)/3 + 1 = 3 is whole.
    r = run("input 7x7x1\nconv 1 3x3 stride 3 -> 2.33\n")
    assert [(a.expected, a.actual, a.verdict) for a in r.answers] == [("2.33", "2.33", "right")] and r.ok
    r = run("input 7x9x1\nconv 1 3x3 stride 3 -> 2.33\n")
    assert [(a.actual, a.verdict, a.reason) for a in r.answers] == [
        ("2.33x3", "wrong", "the division gives 2.33 for the height and 3 for the width")]
    assert [(d.code, d.line, d.column) for d in run("input 7x7x1\nconv 1 3x3 stride 3 -> rf 2.33\n").diagnostics
            ][1] == ("E013", 2, 27)  # a receptive field is whole
    result = CliRunner().invoke(cli, ["convert", "-", "--lang", "lecture"], input="N = 7, F = 3, stride 3 => 2.33\n")
    assert result.output.splitlines()[-1] == "conv 1 3x3 stride 3 -> 2.33"


# ---- a listing line whose volume is not first ----------------------------------------------------------

@pytest.mark.parametrize("line, column", [
    ("CONV1: 96 11x11 filters at stride 4, pad 0 -> [55x55x97]", 48),
    ("CONV1: 96 11x11 filters at stride 4, pad 0 => 55x55x97", 47),
    ("CONV1 [55x55x97]: 96 11x11 filters at stride 4, pad 0", 8),
    ("CONV1: [55x55x97] 96 11x11 filters at stride 4, pad 0", 9),
])
def test_a_listing_line_with_its_volume_elsewhere_is_a_layer_not_prose(line: str, column: int) -> None:
    # (227 - 11)/4 + 1 = 55, then (55 - 3)/2 + 1 = 27: the pool's right answer stays right. Read as prose, the
    # conv vanished and the pool's 27x27x96 was marked wrong (computed 113x113x3).
    report = cnncalc.analyze_text(f"[227x227x3] INPUT\n{line}\n[27x27x96] MAX POOL1: 3x3 filters at stride 2\n",
                                  "hw.txt")
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "wrong"), ("pool1", "right")]
    assert [(d.code, d.line, d.column) for d in report.diagnostics if d.severity == "error"] == [("E040", 2, column)]


def test_a_named_layer_line_cnncalc_cannot_read_is_e060_and_prose_names_stay_prose() -> None:
    report = cnncalc.analyze_text("[227x227x3] INPUT\nCONV1: ninety-six filters\n[27x27x96] MAX POOL1: 3x3 filters "
                                  "at stride 2\n", "hw.txt")
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 2)]
    assert [a.verdict for a in report.answers] == ["unchecked"]  # rests on line 2, not judged on a network without it
    # a colon after words that name no numbered layer, or an `After CONV1:` restatement, is not a layer
    report = cnncalc.analyze_text("[227x227x3] INPUT\nConvNet: preview\nConvolution in practice: zero pad\n"
                                  "[55x55x96] CONV1: 96 11x11 filters at stride 4\nAfter CONV1: 55x55x96\n", "hw.txt")
    assert [d.code for d in report.diagnostics] == ["N060", "N060"] and len(report.rows) == 1


@pytest.mark.parametrize("body", ["K=96, F=11, S=4, P=0", "F = 11, K = 96, S = 4", "96 11x11x3 filters, S = 4, P = 0",
                                  "96 11x11 filters with zero-padding 0 and stride 4"])
def test_the_lectures_hyperparameter_letters_describe_a_conv(body: str) -> None:
    # the lecture's K filters of F x F, stride S, zero padding P: (227 - 11 + 0)/4 + 1 = 55; (11·11·3 + 1)·96 = 34,944
    r = run(f"[227x227x3] INPUT\n[55x55x96] CONV1: {body} (34,944 params)\n")
    assert [(a.quantity, a.verdict) for a in r.answers] == [("output", "right"), ("params", "right")], r.diagnostics
    assert r.rows[0].op.startswith("conv 96 11x11 stride 4")  # `11x11x3` adds its depth, checked: 3


def test_a_pools_letters_are_its_window_and_stride() -> None:
    # (55 - 3)/2 + 1 = 27 with F=3, S=2; a pool has no K
    r = run("[227x227x3] INPUT\n[55x55x96] CONV1: K=96, F=11, S=4\n[27x27x96] POOL1: F=3, S=2\n"
            "[13x13x96] POOL2: S=2\n")
    assert [(a.label, a.verdict) for a in r.answers] == [("conv1", "right"), ("pool1", "right"), ("pool2", "unchecked")]
    assert [(d.code, d.line, d.message) for d in r.diagnostics if d.severity == "error"] == [
        ("E060", 4, "the pool needs F (an F x F window), as in `F=3, S=2`")]


def test_hyperparameter_letters_need_k_and_f_once_each() -> None:
    r = run("[227x227x3] INPUT\n[55x55x96] CONV1: K=96, S=4\n[55x55x96] CONV2: K=96, F=11, K=3\n")
    assert [(d.code, d.line, d.message) for d in r.diagnostics if d.severity == "error"] == [
        ("E060", 2, "the filters need F (K filters of F x F), as in `K=96, F=11, S=4, P=0`"),
        ("E060", 3, "`K` is given twice")]


# ---- an exercise's answer after its arrow --------------------------------------------------------------

@pytest.mark.parametrize("line, verdict", [
    # (7 - 3)/2 + 1 = 3: `=> 4x4` was dropped without a word (no `output` after the arrow) and the file passed
    ("input 7x7, filter 3x3, stride 2 => 4x4", "wrong"),
    ("input 7x7, filter 3x3, stride 2 => 3x3", "right"),
    ("input 7x7, filter 3x3, stride 2 => 3", "right"),  # the side of the square output
    ("input 7x7, filter 3x3, stride 2 => 4", "wrong"),
    ("input 7x7, filter 3x3, stride 2 => (7-3)/2+1 = 3", "right"),  # after the last `=`
    # the slides' letters: N = 7, F = 3; (7 - 3)/1 + 1 = 5, (7 - 3 + 2)/2 + 1 = 4
    ("Example N = 7, F = 3, stride 1 => 5", "right"),
    ("N = 7, F = 3, S = 2, P = 1 => 4x4", "right"),
    ("N=7, F=3, stride 2 => 5x5", "wrong"),
    ("N=7, F=3, stride 3 => doesn't fit", "right"),
])
def test_an_exercises_answer_after_its_arrow_is_judged(line: str, verdict: str) -> None:
    report = homework(line + "\n")
    assert [a.verdict for a in report.answers] == [verdict], report.diagnostics


def test_an_exercise_question_or_heading_is_not_an_answer_and_an_unread_number_is_e060() -> None:
    for text in ("input 7x7, filter 3x3, stride 2 => what is the output?\n", "Example N = 7, F = 3:\n"):
        report = homework(text)
        assert report.answers == () and not [d for d in report.diagnostics if d.code == "E060"]
    report = homework("input 7x7, filter 3x3, stride 2 => about 3 maybe\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.code == "E060"] == [
        ("E060", 1, 36, "expected the output after the arrow, found `about 3 maybe`")]


@pytest.mark.parametrize("answer, verdict", [("output is 4", "wrong"), ("output is 3", "right"), ("3 output!", "right"),
                                             ("so 3", "right"), ("Output: 3", "right")])
def test_an_exercises_next_line_may_give_the_outputs_side(answer: str, verdict: str) -> None:
    # (7 - 3)/2 + 1 = 3: the output is 3x3; `output is 4` was prose and the file passed
    report = homework(f"input 7x7, filter 3x3, stride 2\n{answer}\n")
    assert [a.verdict for a in report.answers] == [verdict]


SHEET = """Homework 3: convolution arithmetic

1. Input 32x32x3, filter 5x5x3, stride 1, pad 2 => output 32x32x1
2. Input 7x7, filter 3x3, stride 3 => doesn't fit
3. N = 227, F = 11, stride 4 => 55
4. Input volume: 32x32x3
   10 5x5 filters with stride 1, pad 2
   Output volume size: 32x32x10
   Number of parameters: 760
5. Input volume: 32x32x3
   6 3x3 filters with stride 1, pad 1
   Number of parameters: 168
"""


def test_a_numbered_sheet_keeps_each_question_its_own_network() -> None:
    # 1: (32 - 5 + 4)/1 + 1 = 32, one filter; 2: (7 - 3)/3 + 1 = 2.33; 3: (227 - 11)/4 + 1 = 55;
    # 4: (5·5·3 + 1)·10 = 760; 5: (3·3·3 + 1)·6 = 168, on the 32x32x3 input, not after question 4's filters.
    # `4. Input volume: …` was prose behind its number: question 4's filters followed question 3's 55x55x1
    # output and its right answers were marked wrong (55x55x10, 260 parameters).
    from cnncalc.analysis import run as run_all
    analyses = run_all(SHEET, "sheet.txt")
    assert [[(a.quantity, a.verdict) for a in x.report.answers] for x in analyses] == [
        [("output", "right")], [("output", "right")], [("output", "right")],
        [("output", "right"), ("params", "right")], [("params", "right")]]
    assert [x.report.input.dims for x in analyses] == [(32, 32, 3), (7, 7, 1), (227, 227, 1), (32, 32, 3),
                                                       (32, 32, 3)]


def test_the_same_input_stated_again_before_a_first_layer_is_another_example() -> None:
    # (3·3·3 + 1)·6 = 168 on the 32x32x3 input; appended after problem 1's ten filters it was (3·3·10 + 1)·6 = 546,
    # and the right answer was marked wrong. The lecture's own restatements (then `After CONV1:` and a `Second
    # layer`) still continue one network: test_the_lectures_worked_examples_are_read_and_judged.
    text = ("Problem 1\nInput volume: 32x32x3\n10 5x5 filters with stride 1, pad 2\nOutput volume size: 32x32x10\n"
            "Problem 2\nInput volume: 32x32x3\n6 3x3 filters with stride 1, pad 1\nNumber of parameters: 168\n")
    from cnncalc.analysis import run as run_all
    analyses = run_all(text, "sheet.txt")
    assert [[(a.quantity, a.verdict) for a in x.report.answers] for x in analyses] == [
        [("output", "right")], [("params", "right")]]


@pytest.mark.parametrize("statement", ["10 filters of size 5x5 with stride 1, pad 2", "10 filters 5x5, stride 1, pad 2",
                                       "Conv layer: 10 5x5 filters, stride 1, pad 2",
                                       "We apply 10 5x5 filters with stride 1 and pad 2"])
def test_an_unnamed_convolution_as_people_state_it(statement: str) -> None:
    # (32 - 5 + 2·2)/1 + 1 = 32: the output is 32x32x10, not 32x32x11. Read as prose, the answer after it had
    # no layer to answer for and was skipped: the file passed.
    report = cnncalc.analyze_text(f"Input volume: 32x32x3\n{statement}\nOutput volume size: 32x32x11\n", "hw.txt")
    assert [(a.expected, a.verdict) for a in report.answers] == [("32x32x11", "wrong")]


def test_an_answer_with_no_layer_to_answer_for_is_e060_not_prose() -> None:
    report = cnncalc.analyze_text("Input volume: 32x32x3\nFilters: ten of them, stride 1, pad 2\n"
                                  "Output volume size: 32x32x11\n", "hw.txt")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 3, 1, "an answer with no layer above it: the line that states the layer was not read as one")]


def test_the_lectures_convolution_demo_is_an_exercise() -> None:
    # the lecture's demo: a 5x5x3 input, two 3x3x3 filters, stride 2, pad 1: (5 - 3 + 2)/2 + 1 = 3, so 3x3x2.
    # It was prose, and so was its answer.
    line = "Input volume w=5, h=5, d=3. two filters of size 3x3x3, stride of 2, zero padding of 1. " \
           "Output = (5-3+2)/2 + 1 = 3.\n\nConvolution Demo\n\nOutput Volume ({})\n"
    right = cnncalc.analyze_text(line.format("3x3x2"), "demo.txt")
    assert [(a.expected, a.verdict) for a in right.answers] == [("3x3x2", "right")]
    assert right.rows[0].op == "conv 2 3x3 stride 2 pad 1 depth 3"
    wrong = cnncalc.analyze_text(line.format("3x3x3"), "demo.txt")
    assert [(a.expected, a.verdict) for a in wrong.answers] == [("3x3x3", "wrong")]
    unread = cnncalc.analyze_text("Input volume w=5, h=5, d=3. two filters of size 3x3x3, at random.\n", "demo.txt",
                                  lang="lecture")
    assert [d.code for d in unread.diagnostics if d.severity == "error"] == ["E060"]


@pytest.mark.parametrize("text", ["Q1: input 7x7, filter 3x3, stride 2 => 4x4\n", "1. N = 7, F = 3, stride 2 => 4\n",
                                  "(a) Input volume: 7x7x1\n(b) What is the number of parameters? 10\n",
                                  # the layer told before its input (was read as spec: `unknown layer Q3`)
                                  "Q3. A 1x1 convolution with 32 filters on a 56x56x64 input. How many parameters? "
                                  "2,080\nQ4. Max pooling 2x2 with stride 2 on a 32x32x8 input. Output? 16x16x8\n"])
def test_a_sheet_of_numbered_questions_is_detected_as_the_lecture_notation(text: str) -> None:
    # read as the spec language, these were errors (`unknown layer input`), not verdicts
    from cnncalc.notations import detect
    assert detect(text, "sheet.txt") == "lecture"
    assert detect("input 8x8x3\nconv 4 3x3 -> 6x6x4\n", "sheet.txt") == "spec"


def test_units_in_lower_case_are_read_and_a_parenthesis_with_digits_is_never_a_remark() -> None:
    # (11·11·3 + 1)·96 = 34,944: 35k right, 36k wrong; 227·… MACs 105,415,200: 105.4m right
    r = run("input 227x227x3\nconv1: conv 96 11x11 stride 4 -> params 35k macs 105.4m\n")
    assert [(a.expected, a.verdict) for a in r.answers] == [("35k", "right"), ("105.4m", "right")]
    r = run("[227x227x3] INPUT\n[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0 (36k params)\n")
    assert [(a.quantity, a.verdict) for a in r.answers] == [("output", "right"), ("params", "wrong")]  # was a remark
    r = run("[227x227x3] INPUT\n[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0 (35q params)\n")
    assert [d.code for d in r.diagnostics if d.severity == "error"] == ["E060"]


@pytest.mark.parametrize("statement", [
    "Max pooling with 2x2 filters and stride 2", "POOL layer: 2x2 filters at stride 2", "2x2 max pool, stride 2",
    "Then a 2x2 max pooling with stride 2", "Pooling layer: F = 2, S = 2"])
def test_an_unnamed_pool_is_a_step_of_the_example(statement: str) -> None:
    # (32 - 2)/2 + 1 = 16 and a pool keeps the depth; it has no parameters. Its answers went to E060.
    r = run(f"Input volume: 32x32x10\n{statement}\nOutput volume size: 16x16x10\nNumber of parameters: 0\n"
            f"Output volume size: 16x16x11\n", lang="lecture")
    assert [(row.keyword, row.output.dims if row.output else None) for row in r.rows] == [("maxpool", (16, 16, 10))]
    assert [(a.quantity, a.verdict) for a in r.answers] == [("output", "right"), ("params", "right")]
    on_its_line = run(f"Input volume: 32x32x10\n{statement} -> 16x16x11\n", lang="lecture")
    assert [(a.quantity, a.verdict) for a in on_its_line.answers] == [("output", "wrong")]


def test_an_average_pool_and_a_pool_that_follows_a_convolution() -> None:
    # conv: (32 + 2·2 - 5)/1 + 1 = 32; the pool: (32 - 2)/2 + 1 = 16
    r = run("Input volume: 32x32x3\n10 5x5 filters with stride 1, pad 2\nOutput volume size: 32x32x10\n"
            "2x2 average pooling, stride 2\nOutput volume size: 16x16x11\n", lang="lecture")
    assert [row.keyword for row in r.rows] == ["conv", "avgpool"]
    assert [(a.path, a.verdict) for a in r.answers] == [("conv1", "right"), ("avgpool1", "wrong")]


def test_a_pool_stated_after_prose_illustrates_unless_something_follows_it() -> None:
    start = "Input volume: 32x32x3\n10 5x5 filters with stride 1, pad 2\nOutput volume size: 32x32x10\n"
    # the lecture's figure: `max pool with 2x2 filters and stride 2` under a heading, nothing judged after it
    figure = run(start + "Max Pooling\nmax pool with 2x2 filters and stride 2\n6 8\n3 4\n", lang="lecture")
    assert [row.keyword for row in figure.rows] == ["conv"] and figure.output.dims == (32, 32, 10)
    assert any(d.code == "N060" and "a layer without a name and nothing after it" in d.message
               for d in figure.diagnostics)
    # a homework step: an answer, a layer or a total after it, even with prose between
    answered = run(start + "Some words.\nThen a 2x2 max pool with stride 2\nIt halves the size.\n"
                   "Output volume size: 16x16x11\n", lang="lecture")
    assert [(a.path, a.verdict) for a in answered.answers] == [("conv1", "right"), ("maxpool1", "wrong")]
    # conv 5 3x3 pad 1 after the pool keeps its 16x16: 16x16x5 (without the pool it would be 32x32x5)
    layered = run(start + "Words.\nMax pooling with 2x2 filters and stride 2\nMore words.\n"
                  "5 3x3 filters with stride 1, pad 1\nOutput volume size: 16x16x5\n", lang="lecture")
    assert [(a.path, a.verdict) for a in layered.answers] == [("conv1", "right"), ("conv2", "right")]
    totalled = run(start + "Words.\nmax pool with 2x2 filters and stride 2\nTotal params: 760\n", lang="lecture")
    assert [row.keyword for row in totalled.rows] == ["conv", "maxpool"]


@pytest.mark.parametrize("padding", ["no padding", "without zero-padding", "no zero padding"])
def test_no_padding_is_pad_0(padding: str) -> None:
    # (32 - 5)/1 + 1 = 28 and (5·5·3 + 1)·6 = 456; the answers after an unread statement were E060
    r = run(f"Input volume: 32x32x3\nConv layer with 6 filters of 5x5, {padding}\nOutput volume size: 28x28x6\n"
            f"Number of parameters: 456\n", lang="lecture")
    assert [(a.quantity, a.verdict) for a in r.answers] == [("output", "right"), ("params", "right")]
    # given twice, the statement is not read, and its answers are E060, not judged against another layer
    twice = run(f"Input volume: 32x32x3\n6 5x5 filters, {padding}, pad 1\nOutput volume size: 28x28x6\n",
                lang="lecture")
    assert [d.code for d in twice.diagnostics if d.severity == "error"] == ["E060"]


# ---- a markdown table of answers -------------------------------------------------------------

ALEXNET_TABLE = """\
| Layer | Description | Output volume | Params |
|-------|-------------|---------------|--------|
| INPUT | | 227x227x3 | 0 |
| CONV1 | 96 11x11 filters at stride 4, pad 0 | 55x55x96 | 34,944 |
| POOL1 | 3x3 filters at stride 2 | 27x27x96 | 0 |
| NORM1 | Normalization layer | 27x27x96 | 0 |
| CONV2 | 256 5x5 filters at stride 1, pad 2 | {conv2} | 614,656 |
"""


def test_a_markdown_table_of_answers_is_read_and_judged(tmp_path: Path) -> None:
    # (227 - 11)/4 + 1 = 55, (11·11·3 + 1)·96 = 34,944; (55 - 3)/2 + 1 = 27; (27 + 4 - 5)/1 + 1 = 27 and
    # (5·5·96 + 1)·256 = 614,656. It was read as the spec language: 71 errors, nothing judged.
    path = tmp_path / "hw.md"
    path.write_text(ALEXNET_TABLE.format(conv2="27x27x256"))
    report = cnncalc.analyze(path)
    assert [(r.path, r.keyword) for r in report.rows] == [("conv1", "conv"), ("pool1", "maxpool"), ("norm1", "lrn"),
                                                          ("conv2", "conv")]
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [
        ("input", "params", "right"),  # the input row's own count: it has no parameters
        ("conv1", "output", "right"), ("conv1", "params", "right"), ("pool1", "output", "right"),
        ("pool1", "params", "right"), ("norm1", "output", "right"), ("norm1", "params", "right"),
        ("conv2", "output", "right"), ("conv2", "params", "right")]
    text = ALEXNET_TABLE.format(conv2="27x27x255")
    path.write_text(text)
    result = invoke("check", str(path))
    assert result.exit_code == 1
    assert f"{path}:7:{text.splitlines()[6].index('27x27x255') + 1}: error[E040]: conv2: expected 27x27x255, " \
           f"computed 27x27x256" in result.output
    assert (tmp_path / "hw.txt").write_text(text) and invoke("check", str(tmp_path / "hw.txt")).exit_code == 1


def test_a_table_without_a_description_column_and_cells_as_people_fill_them() -> None:
    text = ("| # | Layer | Output | Params | Notes |\n|:-:|:--|--:|--:|---|\n| 0 | INPUT | [227x227x3] | - | |\n"
            "| 1 | CONV1: 96 11x11 filters at stride 4 | [55x55x96] | (11*11*3+1)*96 = 34,944 | the biases count |\n"
            "| 2 | MAX POOL1: 3x3 filters at stride 2 | 27 x 27 x 96 | ? | |\n"
            "| 3 | NORM1: Normalization layer | | 1 | |\n")
    report = run(text, lang="lecture")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "output", "right"), ("conv1", "params", "right"), ("pool1", "output", "right"),
        ("norm1", "params", "wrong")]  # a normalization layer has no parameters


def test_a_table_names_layers_as_the_notes_breakdown_does() -> None:
    # conv3-64 on 224x224x3: (3·3·3)·64 = 1,728 weights, 224·224·64 = 3,211,264 values (3.2M)
    text = ("| Layer | Output | Weights | Memory |\n|---|---|---|---|\n| INPUT | 224x224x3 | 0 | 150K |\n"
            "| CONV3-64 | 224x224x64 | 1,728 | 3.2M |\n| POOL2 | 112x112x64 | 0 | 800K |\n")
    report = run(text, lang="lecture")
    # the input's own answers first: no weights, 224·224·3 = 150,528 values (150K at two significant digits)
    assert [(a.path, a.quantity, a.verdict) for a in report.answers[:2]] == [
        ("input", "weights", "right"), ("input", "memory", "right")]
    assert [(a.quantity, a.verdict) for a in report.answers[2:]] == [
        ("output", "right"), ("weights", "right"), ("memory", "right"), ("output", "right"), ("weights", "right"),
        ("memory", "right")]


def test_what_a_table_cannot_say_is_e060_and_its_layer_stays_unknown() -> None:
    text = ("| Layer | Output | Params | FLOPs |\n|---|---|---|---|\n| INPUT | 227x227x3 | | |\n"
            "| CONV1: 96 11x11 filters at stride 4 | 55x55x96 | lots | 211M |\n"
            "| CONV2: 256 5x5 filters, pad 2 | 27x27x256 |\n| CONV3: 384 3x3 filters, pad 1 | 27x27x384 | | |\n")
    report = run(text, lang="lecture")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 1, 29, "cnncalc does not know the column `FLOPs`: its cells are not read"),
        ("E060", 4, 52, "`lots` is not a parameter count"),
        ("E060", 5, 1, "the row has 2 cells and the header 4")]
    # the row that could not be read keeps its place: the answer after it rests on it, not checked
    assert [(a.path, a.verdict) for a in report.answers] == [("conv1", "right"), ("conv3", "unchecked")]


def test_a_table_with_no_layer_column_is_prose_and_branches_in_a_spec_are_not_tables() -> None:
    assert run("| Output | Params |\n|---|---|\n| 55x55x96 | 34944 |\n", lang="lecture").answers == ()
    from cnncalc.notations import detect
    assert detect(ALEXNET_TABLE, "hw.md") == "lecture"
    spec = "input 32x32x3\nconcat {\n    conv 8 1x1\n  | conv 8 3x3 pad 1\n  | maxpool 3x3 stride 1 pad 1\n}\n"
    assert detect(spec, "net.txt") == "spec"


def test_an_answer_about_a_layer_written_with_expect_says_where_it_goes() -> None:
    report = run("input 227x227x3\nconv1: conv 96 11x11 stride 4\nexpect conv1 output 55x55x96\n")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.code, error.line, error.column) == ("E002", 3, 8)
    assert "at the end of its own line, after `->` (`conv1: … -> 55x55x96" in str(error.hint)


@pytest.mark.parametrize("line, column", [
    ("CONV1: 96 11x11 filters at stride 4, pad 0 → 55x55x95", 46),  # a pasted arrow
    ("CONV1: 96 11x11 filters at stride 4, pad 0 -> output 55x55x95, params 34944", 54),
    ("Layer 1 (CONV1): 96 11x11 filters at stride 4 → output 55x55x95", 56),  # was prose: a wrong answer passed
])
def test_arrows_and_named_outputs_in_the_lecture_notation(line: str, column: int) -> None:
    # (227 - 11)/4 + 1 = 55: 55x55x96, not 55x55x95
    r = run(f"[227x227x3] INPUT\n{line}\n", lang="lecture")
    first = r.answers[0]
    assert (first.path, first.quantity, first.verdict) == ("conv1", "output", "wrong")
    assert [(d.code, d.line, d.column) for d in r.diagnostics if d.severity == "error"] == [("E040", 2, column)]


def test_a_pasted_arrow_in_the_spec_language() -> None:
    assert verdicts("input 227x227x3\nconv1: conv 96 11x11 stride 4 → 55x55x95\n") == [
        ("conv1", "output", "wrong", None)]


@pytest.mark.parametrize("line", ["CONV1 output: 55x55x95", "Output of CONV1: 55x55x95"])
def test_an_output_named_after_its_layer_is_the_after_form(line: str) -> None:
    # was prose: the wrong 55x55x95 passed; as `After CONV1:` it answers the layer named above
    r = run(f"Input: 227x227x3 images\nFirst layer (CONV1): 96 11x11x3 filters applied at stride 4\n{line}\n",
            lang="lecture")
    assert [(a.path, a.verdict) for a in r.answers] == [("conv1", "wrong")]
    assert [d.code for d in run(f"Input: 227x227x3 images\n{line}\n", lang="lecture").diagnostics
            if d.severity == "error"] == ["E060"]  # no CONV1 above


def test_an_answer_given_again_differently_is_e060() -> None:
    # The lecture restates outputs before each step (prose); a restatement that disagrees was passed over.
    text = ("Input: 227x227x3 images\nFirst layer (CONV1): 96 11x11x3 filters applied at stride 4\n"
            "Output volume = [55x55x96]\nNumber of parameters in this layer = (11*11*3+1)*96 = 35K\n"
            "Parameters: 34,944\nParameters: 36,944\nOutput: 55x55x96\nAfter CONV1: 55x55x98\n")
    r = run(text, lang="lecture")
    # 34,944 agrees with 35K and says more: it is the answer judged; 36,944 then disagrees
    assert [(a.quantity, a.expected, a.verdict) for a in r.answers] == [("output", "55x55x96", "right"),
                                                                        ("params", "34,944", "right")]
    assert [(d.code, d.line, d.message) for d in r.diagnostics if d.severity == "error"] == [
        ("E060", 6, "`36,944` answers again what was answered `34,944` above"),
        ("E060", 8, "`55x55x98` answers again what was answered `55x55x96` above")]


@pytest.mark.parametrize("first, again, verdict", [
    ("Output: 32x32", "so 32x32x11", "wrong"),  # the fuller answer is judged: its depth was passed over
    ("Output: 32x32", "so 32x32x10", "right"),
    ("Number of parameters: 1K", "Parameters: 750", "wrong"),  # 750 agrees with 1K, and is exact
    ("Number of parameters: 760", "Parameters: 1K", "right")])  # the exact one stays
def test_an_answer_given_again_with_more_is_the_one_judged(first: str, again: str, verdict: str) -> None:
    # (32 + 2·2 - 5)/1 + 1 = 32: 32x32x10; (5·5·3 + 1)·10 = 760
    r = run(f"Input volume: 32x32x3\n10 5x5 filters with stride 1, pad 2\n{first}\n{again}\n", lang="lecture")
    assert [a.verdict for a in r.answers] == [verdict]
    assert not [d for d in r.diagnostics if d.severity == "error" and d.code == "E060"]


def test_a_bracketed_shape_answer_in_the_spec_language() -> None:
    # `-> [55x55x95]` as the lecture brackets volumes: judged, with no error for the brackets (there were two E001s)
    r = run("input 227x227x3\nconv1: conv 96 11x11 stride 4 -> [55x55x95] params 34944\n")
    assert [(a.quantity, a.verdict) for a in r.answers] == [("output", "wrong"), ("params", "right")]
    assert [(d.code, d.column) for d in r.diagnostics if d.severity == "error"] == [("E040", 35)]
    assert verdicts("input 227x227x3\nconv1: conv 96 11x11 stride 4 -> [55 x 55 x 96]\n")[0][2] == "right"
    unclosed = run("input 227x227x3\nconv1: conv 96 11x11 stride 4 -> [55x55x96\n", lang="spec")
    assert [(d.code, d.column) for d in unclosed.diagnostics if d.severity == "error"] == [("E003", 34)]
    stray = run("input 227x227x3\nconv1: conv 96 11x11 stride 4 -> 55x55x96]\n", lang="spec")
    assert [d.code for d in stray.diagnostics if d.severity == "error"] == ["E002"]
    # the lecture's volume before the layer is another notation: one E002 that says so
    [error] = [d for d in run("input 227x227x3\n[55x55x96] conv1: conv 96 11x11 stride 4\n", lang="spec").diagnostics
               if d.severity == "error"]
    assert (error.code, error.line, error.column) == ("E002", 2, 1) and "the lecture's notation" in str(error.hint)


def test_a_size_as_pytorch_prints_it_is_e002_that_says_how_to_write_it() -> None:
    for answer in ("(1, 96, 55, 55)", "torch.Size([1, 96, 55, 55])"):
        r = run(f"input 227x227x3\nconv1: conv 96 11x11 stride 4 -> {answer}\n", lang="spec")
        first = next(d for d in r.diagnostics if d.severity == "error")
        assert (first.code, first.column) == ("E002", 34) and "`55x55x96`" in str(first.hint)


def test_a_listing_line_without_its_brackets() -> None:
    # `55x55x95 CONV1: …` was prose: the wrong volume passed. (227 - 11)/4 + 1 = 55; (11·11·3 + 1)·96 = 34,944
    r = run("[227x227x3] INPUT\n55x55x95 CONV1: 96 11x11 filters at stride 4, pad 0 (34944 params)\n"
            "27x27x96 MAX POOL1: 3x3 filters at stride 2\n", lang="lecture")
    assert [(a.path, a.quantity, a.verdict) for a in r.answers] == [
        ("conv1", "output", "wrong"), ("conv1", "params", "right"), ("pool1", "output", "right")]
    assert [(d.code, d.line, d.column) for d in r.diagnostics if d.severity == "error"] == [("E040", 2, 1)]
    # a line that only starts with a volume is prose; a name without its colon is named by its leading words
    assert run("[227x227x3] INPUT\n55x55x96 images are fed: to the network\n", lang="lecture").answers == ()
    unread = run("[227x227x3] INPUT\n[55x55x96] CONV1 (96 11x11 filters at stride 4)\n", lang="lecture")
    assert [(a.path, a.verdict) for a in unread.answers] == [("conv1", "unchecked")]


@pytest.mark.parametrize("statement", [
    "Conv layer: 10 filters, 5x5, stride 1, pad 2", "CONV: K=10, F=5, S=1, P=2",
    "Apply 10 5x5 filters (stride 1, pad 2)", "10 5x5 filters, pad 2 (stride 1)"])
def test_more_ways_to_state_an_unnamed_convolution(statement: str) -> None:
    # each was unread, its answers E060; (32 + 2·2 - 5)/1 + 1 = 32: 32x32x10, not 32x32x11
    r = run(f"Input volume: 32x32x3\n{statement}\nOutput volume: 32x32x11\n", lang="lecture")
    assert [(a.path, a.verdict) for a in r.answers] == [("conv1", "wrong")]


def test_answers_on_an_unnamed_statements_line_and_options_in_parentheses() -> None:
    # (5·5·3 + 1)·10 = 760: 750 is the count without the biases; 1x1 convolution: (96 + 1)·96 = 9,312
    r = run("Input volume: 32x32x3\n10 5x5 filters with stride 1, pad 2 -> 32x32x10 (750 params)\n", lang="lecture")
    assert [(a.quantity, a.verdict) for a in r.answers] == [("output", "right"), ("params", "wrong")]
    listing = run("[227x227x3] INPUT\n[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0\n"
                  "[55x55x96] CONV2: 96 1x1 filters (stride 1) (9,312 params)\n", lang="lecture")
    assert [a.verdict for a in listing.answers] == ["right"] * 3
    # A dash between the options and a count, as a comma: 34,943 is one short of (11·11·3 + 1)·96 = 34,944.
    dashed = run("[227x227x3] INPUT\n[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0 - 34,943 params\n",
                 lang="lecture")
    assert [(a.quantity, a.verdict) for a in dashed.answers] == [("output", "right"), ("params", "wrong")]


# 32x32x1 through six 5x5 filters at stride 1: (32 - 5)/1 + 1 = 28, so 28x28x6.
_LENET_C1 = "Input: 32x32x1\nCONV1: 6 5x5 filters, stride 1\n"


@pytest.mark.parametrize(("answer", "verdict"), [
    ("Output: 28x28 with 8 channels", "wrong"), ("Output: 28x28 with 6 channels", "right"),
    ("Output: 28x28, depth 8", "wrong"), ("Output: 28x28 (8 channels)", "wrong"),
    ("Output: 8 feature maps of 28x28", "wrong"), ("Output: 6 feature maps of 28x28", "right"),
    ("Output: 8 maps of size 28x28", "wrong"), ("Output: 28x28 feature maps, 8 of them", "wrong"),
    ("Output: 28x28 @ 8", "wrong"), ("Output: 8@28x28", "wrong"), ("Output: 6@28x28", "right"),
    ("Output: 6 @ 28x28", "right"), ("Shape: 28x28 (8 channels)", "wrong"),
    ("Feature maps: 28x28, 8 of them", "wrong"), ("After CONV1: 28x28 with 8 channels", "wrong"),
    ("After CONV1: 28x28 with 6 channels", "right"), ("What is the output volume? 28x28 with 8 channels", "wrong"),
    ("Output: 28x28x6 (6 channels)", "right"),
])
def test_a_depth_said_beside_the_height_and_width_is_judged(answer: str, verdict: str) -> None:
    # The depth beside a height and width was dropped unread: `28x28 with 8 channels` passed as 28x28.
    report = homework(_LENET_C1 + answer + "\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict)]
    if verdict == "wrong":
        assert "computed 28x28x6" in next(d.message for d in report.diagnostics if d.code == "E040")


def test_a_volume_and_a_depth_that_disagree_are_e060() -> None:
    report = homework(_LENET_C1 + "Output: 28x28x6 (8 channels)\n")
    assert report.answers == ()
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, 9, "`28x28x6` and a depth of 8 beside it say different outputs")]
    # LeNet's maps@size takes a height and width after the `@` (a volume there was a crash)
    report = homework(_LENET_C1 + "Output: 6 @ 28x28x3\n")
    assert report.answers == ()
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, 9, "`6 @ 28x28x3` is not a volume")]


def test_lenet_written_with_its_own_names_and_maps_at_sizes() -> None:
    # LeNet-5: C1 (32 - 5)/1 + 1 = 28, params (5·5·1 + 1)·6 = 156; S2 subsamples 2x2 to 14; C3 (14 - 5) + 1 = 10,
    # params (5·5·6 + 1)·16 = 2,416; S4 to 5; C5 (5 - 5) + 1 = 1; F6 (120 + 1)·84 = 10,164.
    report = homework("Input: 32x32x1\nC1: 6 5x5 filters, stride 1\nOutput: 6@28x28\nParameters: 156\n"
                      "S2: 2x2 max pool, stride 2\nOutput: 6@14x14\nC3: 16 5x5 filters\nOutput: 16@10x10\n"
                      "Parameters: 2416\nS4: 2x2 average pooling, stride 2\nOutput: 16@5x5\nC5: 120 5x5 filters\n"
                      "Output: 120@1x1\nF6: 84 neurons\nOutput: 84\nParameters: 10164\n")
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == [
        ("c1", "output", "right"), ("c1", "params", "right"), ("s2", "output", "right"), ("c3", "output", "right"),
        ("c3", "params", "right"), ("s4", "output", "right"), ("c5", "output", "right"), ("f6", "output", "right"),
        ("f6", "params", "right")]
    assert [(r.name, r.keyword) for r in report.rows if r.name in ("s2", "s4")] == [("s2", "maxpool"),
                                                                                   ("s4", "avgpool")]
    # In a listing, S2 alone is LeNet's subsampling: an average pool.
    report = homework("[32x32x1] INPUT\n[28x28x6] C1: 6 5x5 filters at stride 1\n"
                      "[14x14x6] S2: 2x2 filters at stride 2\n")
    assert [(a.label, a.verdict) for a in report.answers] == [("c1", "right"), ("s2", "right")]
    assert report.rows[-1].keyword == "avgpool"


@pytest.mark.parametrize(("written", "verdict"), [
    ("34 944", "right"), ("34 945", "wrong"), ("3.4944e4", "right"), ("3.4945e4", "wrong"), ("3.5e4", "right"),
    ("3.5 x 10^4", "right"), ("3.5×10^4", "right"), ("3.5*10**4", "right"), ("3.6 x 10^4", "wrong"),
    ("34 944 parameters", "right"),
])
def test_a_count_grouped_by_spaces_or_written_as_a_power_of_ten(written: str, verdict: str) -> None:
    # CONV1: (11·11·3 + 1)·96 = 34,944; 3.5·10⁴ is judged at its mantissa's last digit, as 35K is. Each was E060.
    head = "Input: 227x227x3\nFirst layer (CONV1): 96 11x11 filters at stride 4, pad 0\n"
    report = homework(head + f"Parameters: {written}\n")
    assert [(a.quantity, a.expected, a.verdict) for a in report.answers] == [
        ("params", written.removesuffix(" parameters"), verdict)]
    listing = homework(f"[227x227x3] INPUT\n[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0 ({written})\n"
                       .replace(f"({written})", f"({written.removesuffix(' parameters')} params)"))
    assert [a.verdict for a in listing.answers if a.quantity == "params"] == [verdict]


def test_a_power_of_ten_that_is_wrong_says_the_rounding_in_its_own_form() -> None:
    report = homework("Input: 227x227x3\nFirst layer (CONV1): 96 11x11 filters at stride 4, pad 0\n"
                      "Parameters: 3.6 x 10^4\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E041", 3, 13, "conv1: expected params 3.6 x 10^4, computed 34,944; 34,944 rounds to 3.5 x 10^4 at the "
                        "precision written, not 3.6 x 10^4")]


@pytest.mark.parametrize(("answer", "verdict"), [
    ("Output: 55, 55, 96", "right"), ("Output: 55, 55, 97", "wrong"), ("Output: H=55, W=55, D=96", "right"),
    ("Output: H = 55, W = 55, C = 97", "wrong"), ("Output: height 55, width 55, depth 97", "wrong"),
    ("Output: H: 55, W: 55", "right"), ("Output: 56, 56", "wrong"),
])
def test_an_output_by_its_sizes_between_commas_or_by_its_letters(answer: str, verdict: str) -> None:
    # CONV1: (227 - 11)/4 + 1 = 55, 96 filters: 55x55x96. Each was prose, unread.
    report = homework("Input: 227x227x3\nFirst layer (CONV1): 96 11x11 filters at stride 4, pad 0\n" + answer + "\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict)]


def test_numbers_after_output_that_are_no_volume_are_e060_not_prose() -> None:
    report = homework("Input: 227x227x3\nFirst layer (CONV1): 96 11x11 filters at stride 4, pad 0\nOutput: 55 55 96\n")
    assert report.answers == ()
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, 9, "`55 55 96` is not a volume")]
    # the lecture's own working stays prose
    report = homework("Input: 227x227x3\nFirst layer (CONV1): 96 11x11 filters at stride 4, pad 0\n"
                      "Output = 55 = (227-11)/4+1\n")
    assert (report.answers, [d.code for d in report.diagnostics]) == ((), ["N060"])


@pytest.mark.parametrize("answer", ["Output: 28x28x8 or 28x28x6", "Output: 28x28x6 or 28x28x8",
                                    "Output volume: 28x28x6 (or 28x28x8)"])
def test_an_output_line_with_two_different_volumes_is_e060(answer: str) -> None:
    # The last volume was judged: `28x28x8 or 28x28x6` passed as 28x28x6, a hedge judged right.
    report = homework(_LENET_C1 + answer + "\n")
    assert report.answers == ()
    column = answer.index("28x28") + 1
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, column, "this answer has 2 different volumes")]


def test_an_output_line_that_says_its_volume_twice_alike_is_judged() -> None:
    report = homework(_LENET_C1 + "Output: 28x28x6, i.e. 28 x 28 x 6\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right")]


@pytest.mark.parametrize("answers", [", 34,945 params, 34,944 params", " -> params 34945 params 34944",
                                     " (34,945 params) params: 34944"])
def test_a_count_given_twice_on_a_listing_line_is_e060(answers: str) -> None:
    # CONV1 has (11·11·3 + 1)·96 = 34,944 parameters; the second count overwrote the first, so a wrong first
    # answer passed.
    report = homework("[227x227x3] INPUT\n[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0" + answers + "\n")
    assert [a.verdict for a in report.answers if a.quantity == "params"] == ["unchecked"]
    assert [(d.code, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", "the parameter count is given twice")]


@pytest.mark.parametrize(("answers", "verdict"), [
    (", params 456, ~0.5K", "right"), (" (params 456) (~0.46K)", "right"), (", params 456 (≈ 0.5K)", "right"),
    (", params 465, ~0.5K", "wrong"), (", params ~0.5K (456)", "right"), (", params ~0.5K (465)", "wrong"),
])
def test_a_count_said_again_rounded_on_a_listing_line_is_judged_at_the_finer(answers: str, verdict: str) -> None:
    # (5·5·3 + 1)·6 = 456 parameters, 0.456K, about 0.5K: the rounded restatement was E060 and every answer of the
    # sheet unchecked (the line could not be read). The finer of the two is judged: 465 is wrong, though about 0.5K.
    report = homework("Input: 32x32x3\nCONV1: 6 filters 5x5, stride 1, pad 0 -> 28x28x6" + answers + "\n"
                      "CONV2: 16 filters 5x5 -> 24x24x16\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [
        ("output", "right"), ("params", verdict), ("output", "right")]  # (28 - 5)/1 + 1 = 24


@pytest.mark.parametrize("answers", [", params 456, ~4.5K", " (params 456) (~0.6K)", ", params 456 (~500)"])
def test_a_count_said_again_otherwise_is_e060(answers: str) -> None:
    # 456 is neither 4.5K nor 0.6K, and `~500` is read at two significant digits (495 to 505), as `~35000` is.
    report = homework("Input: 32x32x3\nCONV1: 6 filters 5x5, stride 1, pad 0 -> 28x28x6" + answers + "\n")
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 2)]
    assert "are two different counts" in report.diagnostics[0].message
    assert all(a.verdict == "unchecked" for a in report.answers)  # no verdict on a line that says two counts


@pytest.mark.parametrize("statement", ["CONV1: 96 @ 11x11, stride 4", "CONV1: 96@11x11 filters, stride 4",
                                       "CONV1: 96 filters, F = 11, S = 4", "CONV1: 96 filters F: 11, stride 4, pad 0",
                                       "CONV1: 96@11x11x3, stride 4"])
def test_a_convolution_as_filters_at_size_or_with_the_lectures_f(statement: str) -> None:
    # (227 - 11)/4 + 1 = 55 and (11·11·3 + 1)·96 = 34,944; each statement was E060, its answers unchecked.
    report = homework(f"Input: 227x227x3\n{statement}\nOutput: 55x55x96\nParameters: 34,945\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right"), ("params", "wrong")]


def test_filters_at_size_deeper_than_the_input_is_e016() -> None:
    report = homework("Input: 227x227x3\nCONV1: 96@11x11x4, stride 4\nOutput: 55x55x96\n")
    assert [(d.code, d.line, d.column) for d in report.diagnostics if d.severity == "error"] == [("E016", 2, 11)]


def test_a_count_under_an_activation_alone_under_an_unanswered_layer_is_e060() -> None:
    # CONV1 then `ReLU` on a line of its own, then the answers: the parameters were judged as the ReLU's (0), so
    # CONV1's right (11·11·3 + 1)·96 = 34,944 was marked wrong; read as CONV1's, a ReLU's right 0 would be. Which
    # the student means is not said: E060. The output, both's, is judged.
    head = "Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n"
    for answer in ("Parameters: 34,944", "Parameters: 0", "MACs: 105,415,200"):
        report = homework(head + "ReLU\nOutput: 55x55x96\n" + answer + "\n")
        assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [("relu1", "output", "right")]
        noun = "parameter" if answer.startswith("P") else "MAC"
        assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
            ("E060", 5, answer.index(":") + 3, f"this {noun} count could be the ReLU's alone or CONV1's with its ReLU")]
    # FC8 on 4096 values has (4096 + 1)·1000 = 4,097,000 parameters; its softmax none.
    report = homework("Input: 1x1x4096\nFC8: 1000 neurons\nSoftmax\nParameters: 4,097,000\n")
    assert (report.answers, [d.code for d in report.diagnostics]) == ((), ["E060"])
    # Answered first, the layer stands alone and the ReLU's answers are its own (no parameters).
    report = homework(head + "Output: 55x55x96\nParameters: 34,944\nReLU\nOutput: 55x55x96\nParameters: 0\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "output", "right"), ("conv1", "params", "right"), ("relu1", "output", "right"),
        ("relu1", "params", "right")]
    # Named, or on CONV1's line, it says whose the count is.
    report = homework(head + "RELU1: ReLU\nParameters: 0\n")
    assert [(a.path, a.verdict) for a in report.answers] == [("relu1", "right")]
    report = homework(head.replace("pad 0", "pad 0, ReLU") + "Parameters: 34,944\n")
    assert [(a.path, a.verdict) for a in report.answers] == [("relu1", "right")]


@pytest.mark.parametrize(("cell", "verdict"), [
    ("[55, 55, 96]", "right"), ("[55, 55, 97]", "wrong"), ("(55, 55, 96)", "right"), ("55x55, 96 channels", "right"),
    ("55x55 (97 maps)", "wrong"), ("H=55, W=55, D=96", "right"), ("96@55x55", "right"), ("N/A", None), ("—", None),
])
def test_a_tables_output_cell_in_the_forms_an_output_line_takes(cell: str, verdict: str | None) -> None:
    # CONV1: (227 - 11)/4 + 1 = 55 with 96 filters, 55x55x96; (11·11·3 + 1)·96 = 34,944. Each cell but `96@55x55`
    # was E060; a blank one (`N/A`, `—`) is no answer, like `?`.
    report = homework("Input: 227x227x3\n\n| Layer | Description | Output | Params |\n|---|---|---|---|\n"
                      f"| CONV1 | 96 11x11 filters, stride 4 | {cell} | 34,944 |\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == \
        [("output", verdict)] * (verdict is not None) + [("params", "right")]
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E040"] * (verdict == "wrong")


def test_a_vector_input_in_a_worked_example() -> None:
    # `Input: 4096` was prose, so FC8 had no input (E024) and its answer was not checked. FC8 on 4096 values:
    # (4096 + 1)·1000 = 4,097,000 parameters; on 784, (784 + 1)·1000 = 785,000.
    report = homework("Input: 4096\nFC8: 1000 neurons\nParameters: 4,097,000\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("params", "right")]
    report = homework("Input: 784 values\nFC8: 1000 neurons\nParameters: 4,097,000\n")
    assert [(a.quantity, a.actual, a.verdict) for a in report.answers] == [("params", "785,000", "wrong")]


@pytest.mark.parametrize(("answer", "verdict"), [
    ("Output: 28x28 by 8", "wrong"), ("Output: 28x28 by 6", "right"), ("Output: 28 by 28 by 8", "wrong"),
    ("Output: 28 by 28", "right"),
])
def test_sizes_joined_by_by_are_one_volume(answer: str, verdict: str) -> None:
    # `28x28 by 8` passed as 28x28, its depth dropped unread; (32 - 5)/1 + 1 = 28 with 6 filters.
    report = homework(_LENET_C1 + answer + "\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict)]


def test_a_filter_size_written_with_by() -> None:
    # `96 11 by 11 filters` was E060; (227 - 11)/4 + 1 = 55.
    report = homework("Input: 227x227x3\nCONV1: 96 11 by 11 filters, stride 4\nOutput: 55x55x96\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right")]


@pytest.mark.parametrize(("line", "verdicts"), [
    ("Total params: 156, total MACs: 117,601", ["right", "wrong"]), ("Total: 156 params and 117,601 MACs",
                                                                    ["right", "wrong"]),
    ("Total: 156 params, and 117,600 MACs", ["right", "right"]),
    ("The network has 157 parameters and 117,600 MACs", ["wrong", "right"]),
    ("Total params: 156; total weights: 150; total biases: 7", ["right", "right", "wrong"]),
])
def test_several_totals_on_one_line(line: str, verdicts: list[str]) -> None:
    # C1 (5·5·1 + 1)·6 = 156 parameters (150 weights, 6 biases), 28·28·6·25 = 117,600 MACs; the pool none.
    # `Total: 156 params and 117,601 MACs` was prose, unread; `Total params: 156, total MACs: …` E060.
    report = homework(_LENET_C1.replace("CONV1", "C1") + "POOL1: 2x2 max pool, stride 2\n" + line + "\n")
    assert [a.verdict for a in report.answers] == verdicts


def test_what_follows_a_total_that_is_no_total_is_e060() -> None:
    report = homework(_LENET_C1 + "Total: 156 params, and lots of MACs\n")
    assert [a.verdict for a in report.answers] == ["right"]
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, 24, "cnncalc does not understand `lots of MACs` after the total")]


# 32x32x3 through ten 5x5 filters, pad 2: (5·5·3 + 1)·10 = 760 parameters (750 weights, 10 biases), 32·32·10·75 =
# 768,000 MACs.
_CONV32 = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n"


@pytest.mark.parametrize(("line", "answers"), [
    ("Params: 760, MACs: 768,001", [("params", "right"), ("macs", "wrong")]),
    ("Params: 761 and MACs: 768,000", [("params", "wrong"), ("macs", "right")]),
    ("Params: 760 / MACs: 768,001", [("params", "right"), ("macs", "wrong")]),
    ("Params: 760, and the number of MACs: 768,001", [("params", "right"), ("macs", "wrong")]),
    ("Params: 760; weights: 750; biases: 11", [("params", "right"), ("weights", "right"), ("biases", "wrong")]),
    ("Parameters: 760 (weights: 750, biases: 11)", [("params", "right"), ("weights", "right"), ("biases", "wrong")]),
    ("Parameters: 760 (750 weights, 11 biases)", [("params", "right"), ("weights", "right"), ("biases", "wrong")]),
    ("Parameters: 760 (weights: 751, biases: 10), MACs: 768,000",
     [("params", "right"), ("weights", "wrong"), ("biases", "right"), ("macs", "right")]),
    ("Number of weights and biases: 760, MACs: 768,001", [("params", "right"), ("macs", "wrong")]),
    ("Params: 760 (750 weights + 10 biases), MACs: 768K",  # (the parts in parentheses were working, not judged)
     [("params", "right"), ("weights", "right"), ("biases", "right"), ("macs", "right")]),
    # the count right after its word, as the spec language writes it (each line was prose: a wrong one passed)
    ("Params 761", [("params", "wrong")]),
    ("Params 760; MACs 768,001", [("params", "right"), ("macs", "wrong")]),
    ("params 760, macs 768000", [("params", "right"), ("macs", "right")]),
    # ... and with a remark of words, `.`, or `total` after it (each was prose: a wrong count passed)
    ("Params 761 (with biases)", [("params", "wrong")]),
    ("Params 760 (with biases)", [("params", "right")]),
    ("Params 761.", [("params", "wrong")]),
    ("Params 761 total", [("params", "wrong")]),
    ("Params 761 in total!", [("params", "wrong")]),
    # the count's parts in its parentheses each judged too, as after `Params:` (they were dropped: 11 biases passed)
    ("Params 761 (750 weights + 11 biases)", [("params", "wrong"), ("weights", "right"), ("biases", "wrong")]),
    # a parenthesis then `.` (each was E060, "expected the parameter count": no verdict)
    ("Params: 761 (with biases).", [("params", "wrong")]),
    ("Params 760 (with biases).", [("params", "right")]),
    # a count in parentheses, or with a remark after it, alone on its line (each was prose: a wrong count passed)
    ("(761 params)", [("params", "wrong")]),
    ("(760 params)", [("params", "right")]),
    ("(761 parameters in total)", [("params", "wrong")]),
    ("761 params (with biases)", [("params", "wrong")]),
    ("It has 761 params (with biases).", [("params", "wrong")]),
    # without the biases: the weights, 5·5·3·10 = 750
    ("(751 params without biases)", [("weights", "wrong")]),
    ("(750 params without biases)", [("weights", "right")]),
    ("Params: 750 (weights only)", [("weights", "right")]),  # was "expected params 750, computed 760"
    ("Params: 751 (weights only)", [("weights", "wrong")]),
    ("750 params (only weights)", [("weights", "right")]),
    # the parts in parentheses, each count after its word (`(weights 751)` was dropped: a wrong count passed)
    ("Params: 760 (weights 751)", [("params", "right"), ("weights", "wrong")]),
    ("Params: 760 (weights 750, biases 11)", [("params", "right"), ("weights", "right"), ("biases", "wrong")]),
])
def test_several_counts_on_one_answer_line(line: str, answers: list[tuple[str, str]]) -> None:
    # Each was E060 (no verdict), or its parenthesis taken for working and not judged (`biases: 11` passed).
    report = homework(_CONV32 + line + "\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == answers


@pytest.mark.parametrize("line", ["(see above)", "(760 params for the layer)", "Params 760 is what I got"])
def test_a_remark_that_is_no_answer_stays_prose(line: str) -> None:
    report = homework(_CONV32 + line + "\n")
    assert report.answers == ()
    assert [d.code for d in report.diagnostics] == ["N060"]


def test_a_count_given_twice_on_an_answer_line_is_e060() -> None:
    for line in ("Params: 760 (params: 761)", "Params: 761, params: 760"):
        report = homework(_CONV32 + line + "\n")
        assert report.answers == ()
        assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
            ("E060", 3, 22, "the parameter count is given twice")]


@pytest.mark.parametrize(("line", "answers"), [
    ("32x32x10, 761 params", [("output", "right"), ("params", "wrong")]),
    ("32x32x11, 760 params", [("output", "wrong"), ("params", "right")]),
    ("32x32x10 (760 params, 768,001 MACs)", [("output", "right"), ("params", "right"), ("macs", "wrong")]),
])
def test_a_volume_alone_with_its_counts_after_it(line: str, answers: list[tuple[str, str]]) -> None:
    # A volume alone on its line is the layer's output; with counts after it the line was prose, all unread.
    report = homework(_CONV32 + line + "\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == answers


@pytest.mark.parametrize("lead", ["- ", "* ", "1. ", "2) "])
def test_a_listing_with_bullets_or_numbers(lead: str) -> None:
    # Each bracketed line after a bullet was prose: the whole listing unread, no verdict and no problem.
    # CONV1 (227 - 11)/4 + 1 = 55; POOL1 (55 - 3)/2 + 1 = 27.
    report = homework(f"{lead}[227x227x3] INPUT\n{lead}[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0\n"
                      f"{lead}[28x28x96] MAX POOL1: 3x3 filters at stride 2\n")
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "right"), ("pool1", "wrong")]
    assert cnncalc.analyze_text(f"{lead}[227x227x3] INPUT\n{lead}[55x55x96] CONV1: 96 11x11 filters at stride 4\n",
                                "hw.txt").answers != ()  # detected as the lecture's notation


def test_a_parenthesis_of_answers_before_a_listing_lines_name() -> None:
    # `(290,401 values)` between the volume and the name was dropped unread; 55·55·96 = 290,400.
    report = homework("[227x227x3] INPUT\n[55x55x96] (290,401 values) CONV1: 96 11x11 filters at stride 4, pad 0\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right"), ("memory", "wrong")]


def test_layers_numbered_in_words_with_their_kind_first() -> None:
    # Each line was prose (the sheet read as the spec language: 7 errors, no verdict). CONV (227 - 11)/4 + 1 = 55;
    # the pool (55 - 3)/2 + 1 = 27; 256 5x5 filters with pad 2 keep 27; the FC layer's 4096 values.
    text = ("Input: 227x227x3\nLayer 1: CONV 96 11x11, stride 4 -> 55x55x96\nLayer 2: MAX POOL 3x3, stride 2 -> "
            "27x27x96\nLayer 3 - conv, 256 filters 5x5, pad 2, output 27x27x257\nLayer 4: FC 4096 -> 4096\n")
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.label, a.expected, a.verdict) for a in report.answers] == [
        ("conv1", "55x55x96", "right"), ("pool2", "27x27x96", "right"), ("conv3", "27x27x257", "wrong"),
        ("fc4", "4096", "right")]
    assert [r.keyword for r in report.rows] == ["conv", "maxpool", "conv", "fc"]


@pytest.mark.parametrize("statement", ["CONV1 (96 11x11 filters, stride 4): 55x55x97",
                                       "CONV1: conv 96 11x11, stride 4 -> 55x55x97",
                                       "CONV1: 96 11x11, stride 4, output 55x55x97"])
def test_more_ways_to_state_a_convolution_with_its_answer(statement: str) -> None:
    # (227 - 11)/4 + 1 = 55: each answer was prose or E060 with its layer.
    report = homework("Input: 227x227x3\n" + statement + "\n")
    assert [(a.expected, a.actual, a.verdict) for a in report.answers] == [("55x55x97", "55x55x96", "wrong")]


@pytest.mark.parametrize(("statement", "verdict"), [
    ("POOL1: 3x3/2 -> 27x27x96", "right"), ("POOL1: 3x3 / 2 -> 28x28x96", "wrong"),
    ("POOL1: 3x3, s2 -> 27x27x96", "right"),
    ("CONV2: 256 5x5 filters, s1, p2 -> 55x55x256", "right"),
])
def test_a_stride_after_a_slash_or_glued_to_its_letter(statement: str, verdict: str) -> None:
    # (55 - 3)/2 + 1 = 27; (55 - 5 + 2·2)/1 + 1 = 55. `3x3/2` (the GoogLeNet paper's tables) and `s2` were E060.
    report = homework("Input: 55x55x96\n" + statement + "\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict)]


@pytest.mark.parametrize(("exercise", "verdict"), [
    ("N=32, F=5, P=2, S=1: output 32", "right"), ("N=32, F=5, P=2, S=1: output 33", "wrong"),
    ("N = 7, F = 3, stride 2, 5 filters => 3x3x5", "right"), ("N = 7, F = 3, stride 2, 5 filters => 3x3x4", "wrong"),
    ("N = 7, F = 3, K = 5, stride 2 => 3x3x5", "right"),
])
def test_the_letters_exercise_with_its_filters_or_its_answer_after_a_colon(exercise: str, verdict: str) -> None:
    # (32 - 5 + 2·2)/1 + 1 = 32; (7 - 3)/2 + 1 = 3 with 5 filters: 3x3x5. Each was E060.
    report = homework(exercise + "\n")
    assert [a.verdict for a in report.answers] == [verdict]


@pytest.mark.parametrize(("line", "verdict"), [("CONV1: 32x32x10", "right"), ("CONV1: 32x32x11", "wrong"),
                                               ("CONV1: 32x32 (11 channels)", "wrong")])
def test_a_stated_layers_name_then_its_output(line: str, verdict: str) -> None:
    # Under a CONV1 stated above, `CONV1: 32x32x10` was read as another CONV1 (E015, and E060 for its `filters`).
    report = homework(_CONV32 + line + "\n")
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", verdict)]
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E040"] * (verdict == "wrong")


@pytest.mark.parametrize(("answer", "verdict"), [
    ("Output volume: 32 x 32 x 10 (10 filters, each 5x5x3)", "right"), ("Output: 32x32x10 (from a 32x32x3 input)",
                                                                         "right"),
    ("Output: 32x32x11 (from a 32x32x3 input)", "wrong"),
])
def test_a_volume_in_a_remark_about_the_filters_or_the_input(answer: str, verdict: str) -> None:
    # The remark's volume made the line E060 (two volumes); `(or 32x32x11)` still is.
    report = homework(_CONV32 + answer + "\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict)]


def test_a_table_with_a_column_for_each_side_of_the_output() -> None:
    # `H`, `W`, `C` (and `Depth`) columns were E060, their cells unread. CONV1 (227 - 11)/4 + 1 = 55 with 96
    # filters; POOL1 (55 - 3)/2 + 1 = 27.
    report = homework("| Layer | Description | H | W | C | Params |\n|---|---|---|---|---|---|\n"
                      "| INPUT | | 227 | 227 | 3 | |\n| CONV1 | 96 11x11 filters, stride 4 | 55 | 55 | 97 | 34,944 |\n"
                      "| POOL1 | 3x3 max pool, stride 2 | 27 | 28 | 96 | 0 |\n")
    assert report.input is not None and report.input.dims == (227, 227, 3)
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "height", "right"), ("conv1", "width", "right"), ("conv1", "depth", "wrong"),
        ("conv1", "params", "right"), ("pool1", "height", "right"), ("pool1", "width", "wrong"),
        ("pool1", "depth", "right"), ("pool1", "params", "right")]
    report = homework("Input: 227x227x3\n\n| Layer | Description | Output size | Depth |\n|---|---|---|---|\n"
                      "| CONV1 | 96 11x11 filters, stride 4 | 55x55 | 96 |\n| CONV2 | 8 1x1 filters | 55x55 | x |\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right"), ("depth", "right"),
                                                                 ("output", "right")]
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 6, 35, "`x` is not the output's depth")]


@pytest.mark.parametrize(("answer", "verdict"), [("-> params ~35000", "right"), ("-> params ≈35K", "right"),
                                                 ("-> params ~36000", "wrong"), ("-> params 35000", "wrong")])
def test_an_approximate_count_in_the_spec_language(answer: str, verdict: str) -> None:
    # (11·11·3 + 1)·96 = 34,944. `~35000` was E001 for the `~`, and 35000 then judged exact: wrong. Approximate,
    # its last zeros are rounding, as in the lecture's notation: 35·10³.
    report = run(f"input 227x227x3\nconv 96 11x11 stride 4 {answer}\n")
    assert [a.verdict for a in report.answers] == [verdict]
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E041"] * (verdict == "wrong")


def test_an_approximate_count_keeps_its_tilde_through_convert() -> None:
    # `Params: ~35000` was converted to `params 35000`, which the spec judges exactly: wrong for 34,944, where the
    # sheet's answer is right. The converted line says `~` and is judged as the sheet was.
    result = CliRunner().invoke(cli, ["convert", "-", "--lang", "lecture"],
                                input="Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nParams: ~35000\n")
    assert result.exit_code == 0, result.output
    assert "-> params ~35000" in result.output
    assert [a.verdict for a in run(result.output).answers] == ["right"]


def test_a_sheet_of_named_layers_without_the_word_filters_is_the_lectures_notation() -> None:
    # Read as the spec language (6 errors, no verdict): its `->` lines outnumbered the lines known as the lecture's.
    # CONV1 (227 - 11)/4 + 1 = 55; POOL1 (55 - 3)/2 + 1 = 27; CONV2 (27 - 5 + 4) + 1 = 27.
    report = cnncalc.analyze_text("Input: 227x227x3\nCONV1: 96 11x11, stride 4 -> 55x55x96\nPOOL1: 3x3/2 -> 27x27x96\n"
                                  "CONV2: 256 5x5, pad 2 -> 27x27x256\n", "hw.txt")
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "right"), ("pool1", "right"),
                                                              ("conv2", "right")]


@pytest.mark.parametrize(("text", "line", "column", "message"), [
    (_CONV32 + "Params: 760, and weights\n", 3, 18, "cnncalc does not understand `weights` after the answer"),
    ("Input: 227x227x3\nCONV1: 11x11 conv, 96 5x5 filters\n", 2, 23,
     "the filter size is given twice; `5x5` is the second"),
    ("Input: 227x227x3\nCONV1: 96 filters, F = x\n", 2, 24, "expected the filter size after `F`"),
    ("[227x227x3] INPUT\n[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0, 34,945 params, 34,944 params\n", 2, 78,
     "the parameter count is given twice"),
])
def test_unreadable_parts_of_counts_and_filters_at_their_place(text: str, line: int, column: int, message: str) -> None:
    report = homework(text)
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", line, column, message)]


# A listing, then the answers below it, each after the name of the layer it is about. CONV1: (32 - 5 + 2·2)/1 + 1 =
# 32, so 32x32x10 with (5·5·3 + 1)·10 = 760 parameters; POOL1: (32 - 2)/2 + 1 = 16, 16x16x10; FC1: (16·16·10 + 1)·10
# = 25,610 parameters.
_LISTING = "INPUT: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nPOOL1: 2x2, stride 2\nFC1: 10\n\n"


@pytest.mark.parametrize(("answers", "expected"), [
    ("CONV1 output: 32x32x10, params 760\nPOOL1 output: 16x16x10\nFC1 params: 25610\n",
     [("conv1", "output", "right"), ("conv1", "params", "right"), ("pool1", "output", "right"),
      ("fc1", "params", "right")]),
    ("CONV1: 32x32x10, 760 params\nPOOL1: 16x16x10\nFC1: 25,610 params\n",
     [("conv1", "output", "right"), ("conv1", "params", "right"), ("pool1", "output", "right"),
      ("fc1", "params", "right")]),
    ("CONV1 output: 32x32x10, params 750\nPOOL1 output: 16x16x12\nFC1 params: 2561\n",
     [("conv1", "output", "right"), ("conv1", "params", "wrong"), ("pool1", "output", "wrong"),
      ("fc1", "params", "wrong")]),
    ("FC1 params: 25610\nCONV1's output: 28x28x10\n", [("conv1", "output", "wrong"), ("fc1", "params", "right")]),
    ("CONV1 -> 32x32x10\nFC1 has 25,610 parameters.\nPOOL1 has 0 params and 0 MACs\n",
     [("conv1", "output", "right"), ("fc1", "params", "right"), ("pool1", "params", "right"),
      ("pool1", "macs", "right")]),
    ("Output of CONV1: 32x32x10, 750 params\nAfter POOL1: 16x16x10, params = 0\n",
     [("conv1", "output", "right"), ("conv1", "params", "wrong"), ("pool1", "output", "right"),
      ("pool1", "params", "right")]),
    ("CONV1 output dimensions: 32 x 32 x 10; number of parameters: 760\n",
     [("conv1", "output", "right"), ("conv1", "params", "right")]),
])
def test_answers_after_the_listing_go_to_the_layer_they_name(answers: str,
                                                             expected: list[tuple[str, str, str]]) -> None:
    # These lines were prose (`CONV1 output: 32x32x10, params 760`, `FC1 params: 25610`: no verdict, "no problems")
    # or a second CONV1 stated (`CONV1: 32x32x10, 760 params`: E015 and E060s, no verdict).
    report = homework(_LISTING + answers)
    assert sorted((a.label, a.quantity, a.verdict) for a in report.answers) == sorted(expected)
    assert [d.code for d in report.diagnostics if d.severity == "error" and d.code != "E040" and d.code != "E041"] == []
    assert not any(d.code == "N060" for d in report.diagnostics)


def test_a_kind_without_a_number_names_the_one_layer_of_that_kind() -> None:
    # Layers stated without numbers (`CONV:`), answered as `CONV output: …`: the one conv layer, the one pool, the
    # one fc; `FC: 10` itself states a layer, not an answer (the notes' VGGNet lists `FC: [1x1x4096]` so).
    report = homework("INPUT: 32x32x3\nCONV: 10 5x5 filters, stride 1, pad 2\nPOOL: 2x2, stride 2\nFC: 10\n\n"
                      "CONV output: 32x32x10, params 760\nPOOL: output 16x16x12\nFC: 25610 params\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [
        ("output", "right"), ("params", "right"), ("output", "wrong"), ("params", "right")]
    assert [r.keyword for r in report.rows] == ["conv", "maxpool", "fc"]


def test_a_kind_that_names_several_layers_is_no_verdict() -> None:
    report = homework("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nCONV2: 20 3x3 filters, stride 1, pad 1\n"
                      "\nCONV output: 32x32x10\n")
    assert report.answers == ()
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 5, 1, "this answer is about a `CONV` layer, and 2 are stated above")]


# The same network written as calls: CONV: (32 - 5 + 2·2)/1 + 1 = 32, 32x32x10, (5·5·3 + 1)·10 = 760 parameters;
# POOL: (32 - 2)/2 + 1 = 16; FC: (16·16·10 + 1)·10 = 25,610 parameters.
_CALL_ANSWERS = "\nCONV output: 32x32x10, params 760\nPOOL output: 16x16x12\nFC params: 25610\n"


@pytest.mark.parametrize("network", [
    "Network: INPUT(32x32x3) -> CONV(10 filters, 5x5, stride 1, pad 2) -> POOL(2x2, stride 2) -> FC(10)\n",
    "INPUT(32x32x3) → CONV(10 filters, 5x5, stride 1, pad 2) → RELU → POOL(2x2, stride 2) → FC(10) → SOFTMAX\n",
    "INPUT [32x32x3]\nCONV(10 filters, 5x5, stride 1, pad 2)\nPOOL(2x2, stride 2)\nFC(10)\n",
    "INPUT: 32x32x3\nCONV (10 filters, 5x5, stride 1, pad 2)\nPOOL (2x2, stride 2)\nFC (10)\n",
])
def test_a_network_written_as_calls_on_one_line_or_several(network: str) -> None:
    # Read as the spec language (E013, E002, E010: no verdict), or its layers skipped as prose ("no problems").
    report = cnncalc.analyze_text(network + _CALL_ANSWERS, "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [
        ("output", "right"), ("params", "right"), ("output", "wrong"), ("params", "right")]
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E040"]
    assert [r.keyword for r in report.rows if r.keyword in ("conv", "maxpool", "fc")] == ["conv", "maxpool", "fc"]


def test_a_step_of_a_one_line_network_that_reads_as_no_layer_is_an_error_not_prose() -> None:
    report = cnncalc.analyze_text("INPUT(32x32x3) -> CONV(lots of filters) -> POOL(2x2, stride 2) -> FC(10)\n"
                                  "CONV output: 32x32x10\n", "hw.txt")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 1, 19, "cnncalc cannot read this step of the one-line network as a layer")]
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "unchecked")]
    assert report.totals.params is None  # the layer is unknown, so is everything after it


@pytest.mark.parametrize(("fc_params", "verdict"), [("25,610", "right"), ("2,570", "wrong")])
def test_a_network_written_as_calls_with_each_calls_answers_after_its_arrow(fc_params: str, verdict: str) -> None:
    # Each call's answers after `->` on its line: the calls were skipped as prose ("no answers written"), and
    # `FC(10) -> 10` after `Input: …` was E060. CONV: (32 - 5 + 2·2)/1 + 1 = 32, (5·5·3 + 1)·10 = 760; POOL:
    # (32 - 2)/2 + 1 = 16; FC: (16·16·10 + 1)·10 = 25,610 (2,570 leaves out the depth: (16·16 + 1)·10).
    report = cnncalc.analyze_text(f"INPUT(32x32x3)\nCONV(10 filters, 5x5, stride 1, pad 2) -> [32x32x10] (760 params)\n"
                                  f"RELU\nPOOL(2x2, stride 2) -> [16x16x10]\nFC(10) -> [10] ({fc_params} params)\n",
                                  "hw.txt")
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "output", "right"), ("conv1", "params", "right"), ("maxpool1", "output", "right"),
        ("fc1", "output", "right"), ("fc1", "params", verdict)]
    assert [r.keyword for r in report.rows if r.kind == "layer"] == ["conv", "relu", "maxpool", "fc"]
    after_input = cnncalc.analyze_text("Input: 32x32x3\nCONV(10 filters, 5x5, stride 1, pad 2) -> 32x32x10\n", "hw.txt")
    assert [(a.quantity, a.verdict) for a in after_input.answers] == [("output", "right")]
    assert not after_input.diagnostics


@pytest.mark.parametrize("line", ["CONV(96, 11x11)", "CONV: 96, 11x11", "conv 96, 11x11"])
def test_a_count_bare_before_a_convolutions_size_counts_its_filters(line: str) -> None:
    # as after a name (`CONV1: 96, 11x11`) and as Keras' Conv2D(96, (11, 11)): 96 11x11 filters, (32 - 11)/1 + 1 = 22,
    # 22x22x96 into the FC: (22·22·96 + 1)·10 = 464,650 parameters, not the input's (32·32·3 + 1)·10 = 30,730 (these
    # lines were E060, the layer unknown)
    for count, verdict in [("464,650", "right"), ("30,730", "wrong")]:
        report = homework(f"Input: 32x32x3\n{line}\nFC(10) -> 10 ({count} params)\n")
        assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right"), ("params", verdict)]


@pytest.mark.parametrize(("line", "shown"), [
    ("CONV(lots of filters) -> 32x32x10", "CONV(lots of filters)"),
])
def test_a_call_or_a_kind_with_numbers_that_reads_as_no_layer_is_an_error_and_the_layer_stays(
        line: str, shown: str) -> None:
    # Skipped as prose, the layer vanished and the FC's count was judged on the input: (32·32·3 + 1)·10 = 30,730
    # was "right" for a network with a convolution before the FC.
    report = homework(f"Input: 32x32x3\n{line}\nFC(10) -> 10 (30,730 params)\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 2, 1, f"cnncalc cannot read `{shown}` as a layer")]
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "unchecked"), ("params", "unchecked")]


@pytest.mark.parametrize("line", [
    "Max-pool two by two, stride 2", "CONV 10x5x5 stride 1 pad 2", "CONV layer (10 filters, 5x5, pad 2, wibble 3)",
    "Conv - 10 filters 5x5 stride 1 pad 2", "10 conv filters 5x5 stride 1 pad 2",
    "A fully connected layer of 100 kernels",
])
def test_a_line_naming_a_kind_of_layer_with_numbers_is_a_layer_when_anything_follows(line: str) -> None:
    # Skipped as prose, the layer vanished: the FC's count was judged on the input, (32·32·3 + 1)·10 = 30,730
    # "right" whatever the line meant. Read as an unknown layer: E060, and the answers after it not checked.
    report = homework(f"Input: 32x32x3\n{line}\nFC(10) -> 10 (30,730 params)\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 2, 1, f"cnncalc cannot read `{line}` as a layer")]
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "unchecked"), ("params", "unchecked")]
    assert not [d for d in report.diagnostics if d.code == "N060"]  # a layer, not prose as well


def test_a_convolutions_call_on_a_line_of_its_own_is_read() -> None:
    # `Conv2d(3, 10, 5, padding=2)` was an unknown layer (E060); read, the FC after it is judged on its 32x32x10:
    # (32·32·10 + 1)·10 = 102,410, and the 30,730 of an FC on the input is wrong
    for line in ("Conv2d(3, 10, 5, padding=2)", "CONV layer (10 filters, 5x5, pad 2)"):
        for count, verdict in (("102,410", "right"), ("30,730", "wrong")):
            report = homework(f"Input: 32x32x3\n{line}\nFC(10) -> 10 ({count} params)\n")
            assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right"), ("params", verdict)]
    # PyTorch's `Linear(3072, 100)` (its inputs, then its outputs; was E060), then FC(10): (100 + 1)·10 = 1,010
    for line in ("Linear(3072, 100)", "nn.Linear(3072, 100)", "Then nn.Linear(3072, 100)", "Dense(100)",
                 "A fully connected layer of 100 units"):
        for count, verdict in (("1,010", "right"), ("30,730", "wrong")):
            report = homework(f"Input: 32x32x3\n{line}\nFC(10) -> 10 ({count} params)\n")
            assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right"), ("params", verdict)]


@pytest.mark.parametrize(("line", "keyword"), [
    ("Max-pool 2x2, stride 2", "maxpool"), ("2x2 max-pool, stride 2", "maxpool"), ("2x2 avg-pool, stride 2", "avgpool"),
    ("Max-pooling with 2x2 filters and stride 2", "maxpool")])
def test_a_pool_written_with_a_hyphen(line: str, keyword: str) -> None:
    # (32 - 2)/2 + 1 = 16; the FC then has (16·16·10 + 1)·10 = 25,610 parameters. Each was prose: the FC was judged
    # on 32x32x10, "expected 25,610, computed 102,410".
    report = homework(f"Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n{line}\nOutput: 16x16x10\n"
                      "FC(10) -> 10 (25,610 params)\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right")] * 2 + [("params", "right")]
    assert [r.keyword for r in report.rows if r.kind == "layer"] == ["conv", keyword, "fc"]


def test_a_line_naming_a_kind_of_layer_with_nothing_after_it_stays_prose() -> None:
    # the lecture's Inception notes, `- Pooling operation (3x3)`, after its last example: nothing rests on it
    report = homework("Input: 32x32x3\nCONV1: 10 5x5 filters, pad 2 -> 32x32x10\nNotes:\n- Pooling operation (3x3)\n"
                      "words after it\n")
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "right")]
    assert [(d.code, d.line, d.message) for d in report.diagnostics] == [
        ("N060", 3, "skipped as prose: lines 3–5 (3 lines)")]  # one passage, the line in it
    # nor is a sentence about layers in general, or one that describes no layer (no size, filters, stride, …)
    for sentence in ("Conv layers keep the size when pad = (F-1)/2", "Conv keeps the 32x32 size because pad = 2",
                     "Conv with stride 1 and pad 2 preserves size"):
        general = homework(f"Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n{sentence}\nOutput: 32x32x10\n")
        assert [(a.label, a.verdict) for a in general.answers] == [("conv1", "right")], sentence
        assert [d.code for d in general.diagnostics] == ["N060"], sentence
    # but one that says the size a pooling step gives leads to that step's output: the answer under it may be the
    # pool's (16x16x10 was marked wrong as the convolution's; 32x32x10 passed though a pool makes it 16x16x10)
    for sentence in ("Pooling reduces 32 to 16", "Pool: no params, halves the size to 16x16"):
        for answer in ("32x32x10", "16x16x10"):
            pooled = homework(f"Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n{sentence}\nOutput: {answer}\n")
            assert [a.verdict for a in pooled.answers] == ["unchecked"], sentence
            assert [(d.code, d.line) for d in pooled.diagnostics if d.severity == "error"] == [("E060", 3)], sentence
    # nor is a line about a layer already stated by its name (an answer said again) a layer
    again = homework("Input: 35x35x8\nPOOL1: 3x3 max pool, stride 2 -> 17x17x8\nAfter POOL1: 17x17x8\n"
                     "POOL1 output: 17x17x8\nFC1: 10 neurons -> 10\n")
    assert [d.code for d in again.diagnostics if d.severity == "error"] == []
    assert [(a.label, a.verdict) for a in again.answers] == [("pool1", "right"), ("fc1", "right")]


def test_an_answer_after_a_name_with_no_layer_above_is_an_error_not_prose() -> None:
    report = homework("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nFC1: 10\n\nFC2 params: 100\n"
                      "POOL output: 3x3x3\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 5, 1, "no layer FC2 above to give this answer to"),
        ("E060", 6, 1, "no layer POOL above to give this answer to")]


@pytest.mark.parametrize("table", [
    # markdown allows a table without its outer bars; the rule under the header says it is one
    "Layer | Description | Output | Params\n--- | --- | --- | ---\nINPUT | | 32x32x3 | 0\n"
    "CONV1 | 10 5x5 filters, stride 1, pad 2 | 32x32x10 | 760\nPOOL1 | 2x2, stride 2 | 16x16x12 | 0\n"
    "FC1 | 10 neurons | 10 | 25,610\n",
    # the description in parentheses after the name, in a table without a Description column
    "| Layer | Output | Params |\n|---|---|---|\n| INPUT | 32x32x3 | 0 |\n"
    "| CONV (10 5x5 filters, stride 1, pad 2) | 32x32x10 | 760 |\n| POOL (2x2, stride 2) | 16x16x12 | 0 |\n"
    "| FC (10) | 10 | 25610 |\n",
])
def test_tables_without_outer_bars_or_with_the_description_in_the_name(table: str) -> None:
    # Read as the spec language (43 errors) or each layer E060 (not a layer of the notes' breakdown): no verdict.
    # CONV1 (32 - 5 + 4)/1 + 1 = 32, (5·5·3 + 1)·10 = 760; POOL1 (32 - 2)/2 + 1 = 16, so 16x16x10;
    # FC1 (16·16·10 + 1)·10 = 25,610.
    report = cnncalc.analyze_text(table, "hw.md")
    assert [(a.quantity, a.verdict) for a in report.answers] == [
        ("params", "right"),  # the input row's own: no parameters
        ("output", "right"), ("params", "right"), ("output", "wrong"), ("params", "right"), ("output", "right"),
        ("params", "right")]
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E040"]


def test_a_table_aligned_by_spaces() -> None:
    # Read as the spec language (E010 for `Layer`, `INPUT`, …): no verdict. Cells are words one space apart, two
    # spaces between cells; the table ends at the blank line. CONV1 (32 - 5 + 4)/1 + 1 = 32, (5·5·3 + 1)·10 = 760;
    # POOL1 (32 - 2)/2 + 1 = 16; FC1 (16·16·10 + 1)·10 = 25,610; in all 760 + 25,610 = 26,370.
    report = cnncalc.analyze_text(
        "Layer    Description                       Output size   Params\n"
        "-----    -----------                       -----------   ------\n"
        "INPUT    -                                 32x32x3       0\n"
        "CONV1    10 5x5 filters, stride 1, pad 2   32x32x10      760\n"
        "POOL1    2x2, stride 2                     16x16x12      0\n"
        "FC1      10 neurons                        10            25610\n\nTotal params: 26,371\n", "hw.txt")
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == [
        ("input", "params", "right"),  # the input row's own: no parameters
        ("conv1", "output", "right"), ("conv1", "params", "right"), ("pool1", "output", "wrong"),
        ("pool1", "params", "right"), ("fc1", "output", "right"), ("fc1", "params", "right"),
        ("", "total params", "wrong")]
    # a pasted Keras summary's header (`Layer (type)  Output Shape  Param #`) stays the summary it is: E070
    summary = cnncalc.analyze_text("Layer (type)                Output Shape              Param #\n"
                                   "conv2d (Conv2D)             (None, 30, 30, 8)         224\n", "hw.txt")
    assert [d.code for d in summary.diagnostics if d.severity == "error"] == ["E070"]


def test_answers_for_layers_numbered_in_words() -> None:
    # `Layer 1 output: …` was prose (no verdict, "no problems"); `Layer 3: Fully connected` was named CONNECTED3.
    # Layer 1 (32 - 5 + 4)/1 + 1 = 32 with (5·5·3 + 1)·10 = 760 parameters; layer 2 (32 - 2)/2 + 1 = 16; layer 3
    # (16·16·10 + 1)·10 = 25,610 parameters.
    report = homework("Input: 32x32x3\nLayer 1: Conv, 10 filters of size 5x5, stride 1, padding 2\n"
                      "Layer 2: Max pool 2x2, stride 2\nLayer 3: Fully connected, 10 outputs\n\n"
                      "Layer 1 output: 32x32x12\nLayer 1 has 760 parameters\nLayer 2: 16x16x10\n"
                      "Layer 3 parameters: 25610\nLayer 4 output: 10\n")
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "output", "wrong"), ("conv1", "params", "right"), ("pool2", "output", "right"),
        ("fc3", "params", "right")]
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.code == "E060"] == [
        ("E060", 10, 1, "no layer numbered 4 above to give this answer to")]
    several = homework("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nCONV2: 10 3x3 filters, pad 1\n"
                       "POOL2: 2x2, stride 2\n\nLayer 2 output: 16x16x10\n")
    assert several.answers == ()
    assert [(d.code, d.line, d.column, d.message) for d in several.diagnostics if d.severity == "error"] == [
        ("E060", 6, 1, "2 layers above end in the number 2")]


def test_a_kind_without_a_number_right_under_its_layer_is_that_layer() -> None:
    # Answers after each layer: `CONV output:` under the second CONV is the second's (3x3 pad 1 keeps 32x32, 20
    # filters: 32x32x20); further down, with a pool between, which CONV is not said.
    report = homework("Input: 32x32x3\nCONV: 10 5x5 filters, stride 1, pad 2\nCONV output: 32x32x10\n"
                      "CONV: 20 3x3 filters, stride 1, pad 1\nCONV output: 32x32x21\nPOOL: 2x2, stride 2\n"
                      "CONV output: 32x32x20\n")
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "right"), ("conv2", "wrong")]
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E040", 5), ("E060", 7)]


@pytest.mark.parametrize(("text", "warned"), [
    ("input 3x32x32\nconv 10 5x5 pad 2\n", "the input 3x32x32 reads as 3 rows of 32 pixels with 32 channels"),
    ("input 1x28x28\nconv 6 5x5 pad 2\n", "the input 1x28x28 reads as 1 row of 28 pixels with 28 channels"),
    ("input 32x32x3\nconv 10 5x5 pad 2\n", None), ("input 4x4x4\nconv 1 1x1\n", None),
    ("input 5x32x32\nconv 1 1x1\n", None), ("input 3x32x31\nconv 1 1x1\n", None),
])
def test_an_input_that_looks_channels_first_is_a_warning(text: str, warned: str | None) -> None:
    # A CxHxW input (PyTorch's order) read as HxWxC makes every size after it another network's; the verdicts
    # stand (the spec says what it says), the warning says which reading was taken.
    report = run(text)
    assert [(d.line, d.column, d.message) for d in report.diagnostics if d.code == "W023"] == (
        [(1, 1, warned)] if warned else [])


def test_an_empty_output_leaves_the_macs_total_unknown_not_zero() -> None:
    # conv 6 5x5 on a 1-row input: (1 - 5)/1 + 1 = -3, no output (E031). Its parameters exist, (5·5·28 + 1)·6 =
    # 4,206; its MACs do not: the total was 0 (and `expect total macs 0` passed).
    report = run("input 1x28x28\nconv 6 5x5\nexpect total macs 0\nexpect total params 4206\n")
    assert (report.totals.params, report.totals.macs, report.totals.activations) == (4206, None, None)
    assert [(a.quantity, a.verdict) for a in report.answers] == [("total macs", "unchecked"),
                                                                  ("total params", "right")]


@pytest.mark.parametrize(("answer", "verdict"), [
    ("Memory: 40 KB", "right"), ("Memory: 41 KB", "right"), ("Memory: 40KiB", "right"), ("Memory: 0.039 MB", "right"),
    ("Memory: 39 KB", "wrong"), ("Memory: 42 KB", "wrong"), ("Memory: 40 KiB", "right"), ("Memory: 41 KiB", "wrong"),
])
def test_a_byte_count_in_kb_may_be_powers_of_1000_or_1024(answer: str, verdict: str) -> None:
    # 32·32·10 = 10,240 values, 40,960 bytes as float32: 40.96 KB of 1000 bytes (rounds to 41), 40 KiB exactly
    # (40 KB as many write it: it was wrong, "rounds to 41KB"), 0.0390625 MiB (0.039 MB).
    report = homework("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n" + answer + "\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("memory", verdict)]


def test_a_memory_budget_reads_mb_as_a_million_bytes() -> None:
    # 32·32·10·4 = 40,960 bytes of activations and (5·5·3 + 1)·10·4 = 3,040 of parameters: 44,000 bytes. Within
    # 43 KiB (44,032) but over 43KB (43,000): a budget is not loosened by the binary reading.
    assert [a.verdict for a in run("input 32x32x3\nconv 10 5x5 pad 2\nexpect total memory <= 43KB\n").answers] \
        == ["wrong"]
    assert [a.verdict for a in run("input 32x32x3\nconv 10 5x5 pad 2\nexpect total memory 43KB\n").answers] \
        == ["right"]


@pytest.mark.parametrize(("answer", "verdict"), [("Memory: 10,240 values", "right"),
                                                 ("Activations: 10,240 neurons", "right"),
                                                 ("Memory: 10,241 values", "wrong")])
def test_a_memory_count_may_say_its_values(answer: str, verdict: str) -> None:
    # 32·32·10 = 10,240 values; `Memory: 10,240 values` was E060 ("expected the memory count after the `:`").
    report = homework("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n" + answer + "\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("memory", verdict)]


def test_a_layer_described_again_with_its_answer_after_the_arrow() -> None:
    # CONV1 (32 - 5 + 4)/1 + 1 = 32: 32x32x10; POOL1 (32 - 2)/2 + 1 = 16: 16x16x10. Described again below the
    # listing, each was a second layer (E015) judged on a longer network (`expected 16x16x10, computed 8x8x10`),
    # or its filter size taken for the answer (`expected 5x5x10`): right answers marked wrong.
    report = homework("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nPOOL1: 2x2, stride 2\n\n"
                      "POOL1: 2x2, stride 2 -> 16x16x10\nCONV1: 5x5, 10 filters -> 32x32x10\n")
    assert sorted((a.label, a.verdict) for a in report.answers) == [("conv1", "right"), ("pool1", "right")]
    assert [d.code for d in report.diagnostics if d.severity == "error"] == []


# CONV1 (32 - 5 + 2·2)/1 + 1 = 32: 32x32x10; POOL1 (32 - 2)/2 + 1 = 16: 16x16x10; FC of 10 on 16·16·10 = 2,560
# values: (2,560 + 1)·10 = 25,610 parameters, its output the vector 10.
_UNNUMBERED_FC = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nPOOL1: 2x2 filters at stride 2\n" \
                 "FC: 10 neurons\n\n"


@pytest.mark.parametrize("answer", ["FC output: 10, params: 25,610", "FC output: 10; 25,610 params",
                                    "Output: 10, params: 25,610", "FC -> 10, 25,610 params",
                                    "FC: output 10, 25,610 params"])
def test_a_vector_output_followed_by_its_count(answer: str) -> None:
    # A vector followed by a count was skipped as prose (the volume form, `32x32x10, params: 760`, was read).
    report = homework(_UNNUMBERED_FC + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [("fc1", "output", "right"),
                                                                         ("fc1", "params", "right")]


def test_a_wrong_count_after_a_vector_output_is_wrong() -> None:
    report = homework(_UNNUMBERED_FC + "FC output: 10, params: 110\n")  # 110 = (10 + 1)·10: the layer on its own output
    assert [(a.quantity, a.verdict, a.actual) for a in report.answers] == [("output", "right", "10"),
                                                                         ("params", "wrong", "25,610")]


def test_a_kind_restated_with_its_size_and_a_count_after_a_blank_line_is_not_guessed() -> None:
    # `FC: 10, 25,610 params` under `FC: 10 neurons` was a second FC layer of 10 on the vector 10, its
    # (10 + 1)·10 = 110 parameters against the student's 25,610: a right answer marked wrong.
    report = homework(_UNNUMBERED_FC + "FC: 10, 25,610 params\n")
    assert report.answers == ()
    assert [(d.code, d.line, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 6, "this line may state another FC layer of 10 or answer for the one above")]
    # Without the blank line, or with another size, it states a layer: (10 + 1)·5 = 55 parameters.
    stated = homework(_UNNUMBERED_FC.rstrip("\n") + "\nFC: 5, 55 params\n")
    assert [(a.path, a.verdict) for a in stated.answers] == [("fc2", "right")]


def test_a_number_for_an_unnumbered_layer_is_an_error_that_says_so() -> None:
    report = homework(_UNNUMBERED_FC + "FC1 -> 10, 25,610 params\n")
    assert report.answers == ()
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.code, error.line, error.message, error.hint) == (
        "E060", 6, "no layer FC1 above to give this answer to",
        "the FC layer above has no number: write `FC output: …`")


@pytest.mark.parametrize(("answer", "expected"), [
    # CONV1: (32 - 5 + 2·2)/1 + 1 = 32, so 32x32x10, with (5·5·3 + 1)·10 = 760 parameters; POOL1 has none.
    ("CONV1 produces a 32x32x10 volume", [("conv1", "output", "right")]),
    ("CONV1 outputs 33x32x10", [("conv1", "output", "wrong")]),
    ("CONV1 produces a 32x32x10 volume with 760 parameters", [("conv1", "output", "right"),
                                                               ("conv1", "params", "right")]),
    ("CONV1: output volume 32x32x10 with 761 parameters", [("conv1", "output", "right"), ("conv1", "params", "wrong")]),
    ("CONV1: 32x32x10 feature maps and 760 params", [("conv1", "output", "right"), ("conv1", "params", "right")]),
    ("POOL1: 16x16x10 volume", [("pool1", "output", "right")]),
    ("POOL1 has no parameters", [("pool1", "params", "right")]),
    ("CONV1 has no parameters", [("conv1", "params", "wrong")]),
    ("POOL1 has no parameters and no MACs", [("pool1", "params", "right"), ("pool1", "macs", "right")]),
    ("POOL1 params: none, MACs: 0", [("pool1", "params", "right"), ("pool1", "macs", "right")]),
])
def test_answers_said_in_words_after_a_layer_name(answer: str, expected: list[tuple[str, str, str]]) -> None:
    # Each was skipped as prose, E060, or read as the layer stated again (E015) with its answers unchecked.
    report = homework("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nPOOL1: 2x2 filters at stride 2\n\n"
                      + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == expected
    assert sorted(d.code for d in report.diagnostics if d.severity == "error") == \
        sorted("E040" if quantity == "output" else "E041" for _, quantity, verdict in expected if verdict == "wrong")


@pytest.mark.parametrize(("answer", "expected"), [
    # CONV1 32x32x10 with 760 parameters, POOL1 16x16x10 with none (as above); the lecture brackets volumes.
    ("CONV1 -> [32x32x10]", [("conv1", "output", "right")]),  # was skipped as prose
    ("CONV1: [32 x 32 x 10], 760 params", [("conv1", "output", "right"), ("conv1", "params", "right")]),
    ("CONV1: [33x32x10]", [("conv1", "output", "wrong")]),
    ("POOL1 -> [16x16x10] (0 params)", [("pool1", "output", "right"), ("pool1", "params", "right")]),
])
def test_a_bracketed_volume_after_a_layer_name(answer: str, expected: list[tuple[str, str, str]]) -> None:
    report = homework("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nPOOL1: 2x2 filters at stride 2\n\n"
                      + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == expected


def test_a_number_after_a_layer_name_and_an_arrow_is_never_prose() -> None:
    # `CONV1 -> {32x32x10}` was skipped as prose; a flow of layers (`CONV1 -> RELU -> POOL1`) still is.
    head = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nPOOL1: 2x2 filters at stride 2\n\n"
    report = homework(head + "CONV1 -> {32x32x10}\n")
    assert report.answers == ()
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 5, 7, "cnncalc cannot read the answer after `->`")]
    flow = homework(head + "CONV1 -> RELU -> POOL1\n")
    assert [d.code for d in flow.diagnostics if d.severity == "error"] == [] and flow.answers == ()


def test_a_count_in_parentheses_after_the_arrow_says_how_to_write_it() -> None:
    # The hint spoke of PyTorch's `(1, 96, 55, 55)` sizes; (5·5·3 + 1)·10 = 760.
    r = run("input 32x32x3\nconv1: conv 10 5x5 pad 2 -> 32x32x10 (760 params)\n"
            "conv2: conv 10 5x5 pad 2 -> 32x32x10 (2,510 params)\n")
    assert [(d.code, d.line, d.column, d.message, d.hint) for d in r.diagnostics] == [
        ("E002", 2, 38, "`(760 params)`: the count goes after the word, without parentheses", "write `params 760`"),
        ("E002", 3, 38, "`(2,510 params)`: the count goes after the word, without parentheses",
         "write `params 2,510`")]


@pytest.mark.parametrize(("answer", "expected"), [
    # Every layer's output: 32·32·10 + 16·16·10 + 10 = 10,240 + 2,560 + 10 = 12,810 values, 51,240 bytes as
    # float32; the parameters (5·5·3 + 1)·10 + (2,560 + 1)·10 = 760 + 25,610 = 26,370, 105,480 bytes.
    ("Total memory: 12,810 values", ("total activations", "right", None)),  # was prose
    ("Total memory = 10,240 + 2,560 + 10 = 12,810", ("total activations", "right", None)),
    ("Total activations: 12,811", ("total activations", "wrong", None)),
    ("Total memory: 51,240 bytes", ("total activations", "right", None)),
    ("Total memory: 50 KB", ("total activations", "right", None)),  # 51,240 / 1024 = 50.04
    ("Total memory: 156,720 bytes", ("total activations", "wrong",
                                     "that counts the parameters' 105,480 bytes too; the activations alone take "
                                     "51,240 bytes")),
    ("Memory total: 12,810 values", ("total activations", "right", None)),  # was FC's memory, and wrong
    ("Params total: 26,370", ("total params", "right", None)),  # was FC's params, and wrong
    ("Parameters overall: 26,370", ("total params", "right", None)),
    # the notes' VGG listing sums its memory column, its INPUT row's 32·32·3 = 3,072 values with it: 15,882 values,
    # 63,528 bytes (it was wrong)
    ("Total memory: 15,882 values", ("total activations", "right",
                                     "with the input's 3,072 values, as the CS231n notes' memory column counts them; "
                                     "the layers' outputs alone are 12,810 values")),
    ("Total memory: 63,528 bytes", ("total activations", "right",
                                    "with the input's 12,288 bytes, as the CS231n notes' memory column counts them; "
                                    "the layers' outputs alone are 51,240 bytes")),
    ("Total memory: 15,883 values", ("total activations", "wrong", None)),
])
def test_a_total_memory_is_every_layers_output(answer: str, expected: tuple[str, str, str | None]) -> None:
    report = homework(_UNNUMBERED_FC + answer + "\n")
    assert [(a.quantity, a.verdict, a.reason) for a in report.answers] == [expected]


def test_a_total_of_activations_in_the_spec_language() -> None:
    # conv 10 5x5 pad 2 on 32x32x3: 32·32·10 = 10,240 values, 40,960 bytes (40 KB as powers of 1024)
    r = run("input 32x32x3\nconv 10 5x5 pad 2\nexpect total activations 10240\nexpect total activations 40KB\n"
            "expect total activations 10241\n")
    assert [(a.quantity, a.verdict) for a in r.answers] == [("total activations", "right"),
                                                           ("total activations", "right"),
                                                           ("total activations", "wrong")]


@pytest.mark.parametrize("line, answer", [
    # (5·5·3 + 1)·10 = 760 parameters, 750 weights, 10 biases; each line was prose: a wrong answer passed unnoticed
    ("Parameter count: 760", ("params", "right")), ("Param count: 761", ("params", "wrong")),
    ("Num params: 760", ("params", "right")), ("n_params = 760", ("params", "right")),
    ("num_params: 750", ("params", "wrong")), ("Weight count: 750", ("weights", "right")),
    ("Bias count: 10", ("biases", "right")),
    # 32·32·10 = 10,240 output values; the volume 32x32x10 (channels first, a slip said so)
    ("Output activations: 10,240", ("memory", "right")), ("Output activations: 10,241", ("memory", "wrong")),
    ("Output tensor: (32, 32, 10)", ("output", "right")), ("Output tensor shape: (10, 32, 32)", ("output", "wrong")),
    # a unit in parentheses, as a table's header says it: 760 is 0.76 thousand; 32·32·10·5·5·3 = 768,000 MACs
    ("Params (K): 0.76", ("params", "right")), ("Params (in thousands): 0.77", ("params", "wrong")),
    ("MACs (M): 0.768", ("macs", "right")), ("Params (K): 760", ("params", "wrong")),  # (760 thousand; was E060)
    ("Total params (K): 0.76", ("total params", "right")), ("Total MACs (in millions): 0.78", ("total macs", "wrong")),
])
def test_a_count_named_as_code_and_tables_name_it(line: str, answer: tuple[str, str]) -> None:
    report = homework("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n" + line + "\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [answer]


@pytest.mark.parametrize("line", ["Params: -760", "CONV1 params: -760", "Parameter count: -760",
                                  "Total params: -760"])
def test_a_negative_count_is_not_read_as_its_number(line: str) -> None:
    # the minus was taken for a bullet and (5·5·3 + 1)·10 = 760 judged right
    report = homework("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n" + line + "\n")
    assert all(a.verdict != "right" for a in report.answers)
    noun = "total parameter" if line.startswith("Total") else "parameter"
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 3, line.index("-") + 1, f"a {noun} count is not negative")]


def test_a_negative_count_after_an_arrow_is_not_read_as_its_number() -> None:
    report = homework("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2 -> 32x32x10, -760 params\n")
    assert all(a.verdict != "right" for a in report.answers if a.quantity == "params")
    assert "a count is not negative" in [d.message for d in report.diagnostics]


@pytest.mark.parametrize("line, verdict", [
    # (11·11·3 + 1)·96 = 34,944: 35,000 at two significant digits, as `~35,000` is read
    ("Parameters: 35,000 (approx.)", "right"), ("Parameters: 35,000 (approximately)", "right"),
    ("Parameters: 40,000 (approx.)", "wrong"),
    ("CONV1 -> 55x55x96, 35,000 params (approx.)", "right"),
])
def test_a_count_said_approximate_after_it(line: str, verdict: str) -> None:
    # `(approx.)` after the count was a remark: 35,000 judged exact and wrong
    report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n" + line + "\n")
    assert [a.verdict for a in report.answers if a.quantity == "params"] == [verdict]


@pytest.mark.parametrize("line", ["Memory for a batch of 2: 580,800", "MACs for a batch of 8: 843,321,600",
                                  "Total MACs for a batch of 2: 210,830,400", "Memory per batch: 580,800"])
def test_a_count_said_of_a_batch_is_not_judged_per_image(line: str) -> None:
    # 55·55·96 = 290,400 values and 105,415,200 MACs per image: a batch's right count was judged per image, wrong
    report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n" + line + "\n")
    assert report.answers == ()
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, 1, "cnncalc judges counts per image, not for a batch")]


@pytest.mark.parametrize("answer, verdict", [("290,400", "right"), ("290,401", "wrong")])
def test_floats_count_an_outputs_values(answer: str, verdict: str) -> None:
    # 55·55·96 = 290,400 values (`floats` was E060)
    report = homework(f"Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nMemory: {answer} floats\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("memory", verdict)]


def test_no_as_a_count_only_before_a_count_word() -> None:
    # `has no parameters` reads as none; reading `no` as a count everywhere made `No. of weights and biases: 760`
    # ((5·5·3 + 1)·10 = 760) pass silently and turned `Params: no` into a wrong answer instead of an unread one.
    head = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n"
    assert [(a.quantity, a.verdict) for a in homework(head + "No. of weights and biases: 760\n").answers] == [
        ("params", "right")]
    unread = homework(head + "Params: no\n")
    assert unread.answers == ()
    assert [(d.code, d.line, d.message) for d in unread.diagnostics if d.severity == "error"] == [
        ("E060", 3, "expected the parameter count after the `:`, as in `= 35K`")]


@pytest.mark.parametrize("text, errors", [
    # 32·32 = 1,024: a slip in the sides' working; `1000` starts at column 17
    ("Input volume: 32x32x3\n10 5x5 filters with stride 1, pad 2\nOutput: 32*32 = 1000\n",
     [("E060", 3, 17, "`1000` after 32x32 is not its height times its width (32·32 = 1,024)")]),
    ("INPUT: 32x32x1\nF6: 84 neurons\nOutput: 10 neurons\n",
     [("E060", 3, 1, "this line may state another layer of 10 neurons or answer for F6 above")]),
    ("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nTotal: 760\n",
     [("E060", 3, 1, "this total does not say what it counts")]),
    ("Problem 2\nInput: 64x64x3 and so on.\nOutput: 32x32x32\n",
     [("E020", 1, 1, "the network has no `input` line"),
      ("E060", 3, 1, "an answer with no network above it: its input and layers were not read")]),
    # `N=32` after the input's volume: N's value at column 21
    ("Input 32x32, F=5, N=32 -> 28\n",
     [("E020", 1, 1, "the network has no `input` line"),
      ("E060", 1, 21, "the exercise gives its input twice, as a volume and as N")]),
    ("Input volume: 16x16x10\nFC layer with 10 neurons\nOutput: 1e999 values\n",
     [("E060", 3, 9, "`1e999` is beyond cnncalc's range for counts (30 digits, exponents up to 30)")]),
    ("Input 0x7, F=3 -> 3\n",
     [("E020", 1, 1, "the network has no `input` line"), ("E060", 1, 7, "`0x7` is not an input size")]),
    # a told problem's answer with two volumes, from `output` at column 75 (it crashed: the tokens of its layer
    # were left in place of the line's)
    ("Given an input of 32x32x3 and 10 5x5 filters with stride 1 and pad 2, the output is 32x32x10 or 31x32x10\n",
     [("E020", 1, 1, "the network has no `input` line"),
      ("E060", 1, 75, "cnncalc does not understand `output is 32x32x10 or 31x32x10` as the output")]),
    # `After the conv layer` under two convolutions, from column 7; `parameters does the network's …` from 10
    ("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nCONV2: 10 5x5 filters, stride 1, pad 2\n"
     "After the conv layer: 32x32x10\n",
     [("E060", 4, 7, "`conv layer`: 2 layers above are of that kind, and which is not said")]),
    ("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nFC1: 10 neurons\n"
     "How many parameters does the network's first layer have? 760\n",
     [("E060", 4, 10, "a total of which layers? cnncalc sums the whole network's, or one kind's")]),
    # a total of layers cnncalc does not sum alone: `params in the hidden layers` from column 7, `5 params …` at 8
    ("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nTotal params in the hidden layers: 760\n",
     [("E060", 3, 7, "a total of which layers? cnncalc sums the whole network's, or one kind's")]),
    ("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nTotal: 760 params in hidden layers\n",
     [("E060", 3, 8, "a total of which layers? cnncalc sums the whole network's, or one kind's")]),
])
def test_answers_read_in_part_are_errors_at_their_line_and_column(text: str,
                                                                 errors: list[tuple[str, int, int, str]]) -> None:
    reports = [analysis.report for analysis in analyses(text, "hw.txt")]
    assert [(d.code, *r.source.line_col(d.span.start), d.message) for r in reports for d in r.diagnostics
            if d.severity == "error"] == errors
    result = invoke("check", "-", input=text)
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_convert_writes_each_answer_as_the_spec_reads_it() -> None:
    # 32x32x10 (CxHxW given), (5·5·3 + 1)·10 = 760 params, 32·32·10·75 = 768,000 MACs, 32·32·10 = 10,240
    # values, 4 bytes each: 40,960 bytes, which `41 KB` is at its precision (40.96 rounds to 41)
    text = ("Input volume: 32x32x3\n10 5x5 filters with stride 1, pad 2\nOutput: 10x32x32 (CxHxW)\n"
            "Parameters: 7.6 x 10^2\nMACs: 0.768 M\nMemory: 41 KB\n")
    converted = CliRunner().invoke(cli, ["convert", "-", "--lang", "lecture"], input=text).stdout
    # 7.6 x 10^2 is 76 tens, at the precision of a ten: `76e1`; `41 KB` and `0.768 M` lose their spaces
    assert "-> 32x32x10 params 76e1 memory 41KB macs 0.768M" in converted, converted
    original, again = cnncalc.analyze_text(text, "hw.txt"), cnncalc.analyze_text(converted)
    assert [(a.quantity, a.verdict) for a in again.answers] == [(a.quantity, a.verdict) for a in original.answers]
    assert {a.verdict for a in again.answers} == {"right"}


@pytest.mark.parametrize("line, verdict", [
    # CONV1 (5·5·3 + 1)·10 = 760, FC 16·16·10·10 + 10 = 25,610 after the 2x2 pool (32/2 = 16); the pool has none
    ("Total params in conv layers: 760", "right"), ("Total params in the CONV layers: 761", "wrong"),
    ("Total parameters (FC layers): 25,610", "right"), ("Total params of all pooling layers: 0", "right"),
    ("Total: 25,610 params in the fully-connected layers", "right"), ("Total FC params: 26,370", "wrong"),
    ("Total params in conv layers = 750 + 10 = 760", "right"), ("Total params: 26,370", "right"),
    ("Total params in all layers: 26,370", "right"),
])
def test_a_total_of_one_kind_of_layer_is_that_kinds_sum(line: str, verdict: str) -> None:
    # it was judged as the network's total (26,370): a right `Total params in conv layers: 760` was marked wrong
    text = ("INPUT: [32x32x3]\nCONV1: 10 filters 5x5, stride 1, pad 2 -> [32x32x10], params 760\n"
            f"POOL1: 2x2 stride 2 -> [16x16x10]\nFC: 10 neurons, params 25,610\n{line}\n")
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [a.verdict for a in report.answers] == ["right"] * 4 + [verdict], report.diagnostics
    converted = CliRunner().invoke(cli, ["convert", "-", "--lang", "lecture"], input=text).stdout
    assert [a.verdict for a in cnncalc.analyze_text(converted).answers] == [a.verdict for a in report.answers]


def test_a_listing_that_describes_its_layers_in_words_is_the_lecture_notation() -> None:
    # `CONV1: 10 filters 5x5, …` names the layer, then describes it: the spec language would say `conv1: conv 10 5x5`
    # (the file was read as the spec language: an error at every line, no answer judged)
    text = ("INPUT: [32x32x3]\nCONV1: 10 filters 5x5, stride 1, pad 2 -> [32x32x10], params 760\n"
            "POOL1: 2x2 stride 2 -> [16x16x10]\nFC: 10 neurons, params 25,610\n")
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [
        ("output", "right"), ("params", "right"), ("output", "right"), ("params", "right")]


@pytest.mark.parametrize("line, verdict", [
    # three 3x3 convolutions at stride 1: 1 + 2 = 3, 3 + 2 = 5, 5 + 2 = 7 input pixels
    ("Receptive field of CONV3: 7x7", "right"), ("Receptive field of CONV2: 5x5", "right"),
    ("Receptive field of CONV3: 5x5", "wrong"), ("What is the receptive field of CONV3? 7x7", "right"),
    ("What is the receptive field of CONV3? 9x9", "wrong"), ("The receptive field of CONV2 is 5x5", "right"),
    ("The effective receptive field of a CONV3 neuron is 7x7", "right"),
    ("Effective receptive field of CONV1 = 3", "right"),
])
def test_a_named_layers_receptive_field_is_judged_as_one(line: str, verdict: str) -> None:
    # `Receptive field of CONV3: 7x7` was read as `CONV3: 7x7`, CONV3's output (32x32x10): a right answer marked
    # wrong; the question and the sentence were prose
    text = ("Input: 32x32x3\nCONV1: 10 3x3 filters, stride 1, pad 1\nCONV2: 10 3x3 filters, stride 1, pad 1\n"
            f"CONV3: 10 3x3 filters, stride 1, pad 1\n{line}\n")
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("receptive field", verdict)], report.diagnostics


def test_a_receptive_field_given_again_as_its_side_is_a_restatement() -> None:
    # `7` is the square field 7x7: saying both is not two answers that disagree (it was E060)
    text = ("Input: 64x64x3\nCONV1: 8 7x7 filters, stride 1, pad 3\nEffective receptive field of CONV1 = 7\n"
            "The effective receptive field of a CONV1 neuron is 7x7\n")
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == []
    assert [a.verdict for a in report.answers] == ["right"]


@pytest.mark.parametrize("line, verdict", [
    # CONV1's 10 filters make 10 activation maps (its output's depth); POOL1 keeps them
    ("Number of activation maps: 10", "right"), ("Number of activation maps: 11", "wrong"),
    ("How many activation maps does CONV1 produce? 10", "right"),
    ("How many feature maps does POOL1 have? 10", "right"), ("Feature maps: 10", "right"),
    ("Activation maps = 12", "wrong"), ("Activation maps = 10", "right"),
])
def test_the_number_of_activation_maps_is_the_depth(line: str, verdict: str) -> None:
    # it was prose: a wrong count passed unjudged
    text = f"Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nPOOL1: 2x2 max pool, stride 2\n{line}\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("depth", verdict)], report.diagnostics


@pytest.mark.parametrize("line, quantity, verdict", [
    # CONV1 (5·5·3 + 1)·10 = 760, FC1 (16·16·10 + 1)·10 = 25,610: 26,370 in all; MACs 32·32·10·75 = 768,000 and
    # 16·16·10·10 = 25,600: 793,600
    ("How many parameters does the whole network have? 26,370", "total params", "right"),
    ("How many parameters are there in the network? 26,371", "total params", "wrong"),
    ("How many MACs does the network need? 793,600", "total macs", "right"),
    ("How many parameters in total? 26,370", "total params", "right"),
    ("How many parameters in total? 25,610", "total params", "right"),  # FC1's whole count, under FC1
    ("How many parameters in total? 25,611", "total params", "wrong"),
    ("How many parameters are in the conv layers? 760", "total params in conv layers", "right"),
    ("How many parameters are in the conv layers of the network? 760", "total params in conv layers", "right"),
    ("How many parameters does CONV1 have? 760", "params", "right"),
    ("How many parameters in total does CONV1 have? 761", "params", "wrong"),
    ("How many parameters? 25,610", "params", "right"),  # the layer above's
])
def test_a_question_about_the_network_is_its_total(line: str, quantity: str, verdict: str) -> None:
    # `How many parameters does the whole network have? 26,370` was judged as FC1's count: a right answer marked wrong
    text = ("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nPOOL1: 2x2 max pool, stride 2\nFC1: 10 neurons\n"
            f"{line}\n")
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [(quantity, verdict)], report.diagnostics


@pytest.mark.parametrize("total, verdict", [("614,656", "right"), ("649,600", "right"), ("614,657", "wrong")])
def test_a_total_after_the_last_layers_weights_and_biases_may_be_that_layers(total: str, verdict: str) -> None:
    # the lecture's worked example sums each layer's weights and biases: under CONV2's, 5·5·96·256 + 256 = 614,656
    # is CONV2's total, as it is between layers (it was judged as the network's 649,600 only: marked wrong)
    text = ("Input: 227x227x3 images\nCONV1: 96 11x11 filters at stride 4, pad 0\nWeights: 11*11*3*96 = 34,848\n"
            "Biases: 96\nTotal params: 34,944\nCONV2: 256 5x5 filters at stride 1, pad 2\n"
            f"Weights: 5*5*96*256 = 614,400\nBiases: 256\nTotal params: {total}\n")
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [a.verdict for a in report.answers] == ["right"] * 5 + [verdict]
    converted = CliRunner().invoke(cli, ["convert", "-", "--lang", "lecture"], input=text).stdout
    assert [a.verdict for a in cnncalc.analyze_text(converted).answers] == [a.verdict for a in report.answers]


def test_a_total_after_a_listing_is_the_networks() -> None:
    # FC1 on CONV1's 32x32x10: (32·32·10 + 1)·10 = 102,410; with CONV1's 760, 103,170 in all. FC1's line gave its
    # count whole (not weights and biases to sum), so the total under it is the network's: FC1's own is wrong there
    head = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nFC1: 10 neurons, params 102,410\n"
    for total, verdict in (("103,170", "right"), ("102,410", "wrong")):
        report = cnncalc.analyze_text(f"{head}Total params: {total}\n", "hw.txt")
        assert [a.verdict for a in report.answers] == ["right", verdict]


@pytest.mark.parametrize("line, verdict", [
    # CONV1 keeps 32x32 (pad 2 for 5x5) with 10 filters; POOL1 halves it: 16x16x10
    ("What are the dimensions of the output of POOL1? 16x16x10", "right"),
    ("What are the dimensions of the output of POOL1? 16x16x11", "wrong"),
    ("How big is the output of CONV1? 32x32x10", "right"), ("How big is the output of CONV1? 31x32x10", "wrong"),
    ("What is the shape of the output of CONV1? 32x32x10", "right"),
    ("After the first conv layer: 32x32x10", "right"), ("After the pool: 16x16x10", "right"),
    ("After the pool: 16x16x11", "wrong"), ("After POOL1, the output is 16x16x10", "right"),
    ("After POOL1, the output is 15x16x10", "wrong"),
])
def test_questions_about_a_layers_output_and_after_a_layer_named_by_its_kind(line: str, verdict: str) -> None:
    # they were prose: a wrong answer passed unjudged
    text = f"Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nPOOL1: 2x2 max pool, stride 2\n{line}\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict)], report.diagnostics


@pytest.mark.parametrize("line", ["How many images are in the dataset? 50,000", "What is the size of my laptop? 13"])
def test_an_answer_about_what_cnncalc_cannot_tell_is_an_error_not_prose(line: str) -> None:
    # a question answered after its `?`, or what something has, that cnncalc cannot attach to a layer: E060 at the
    # line's start (it was prose, a wrong answer passed unjudged)
    text = f"Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nFC1: 10 neurons\n{line}\n"
    reports = [analysis.report for analysis in analyses(text, "hw.txt")]
    assert [(d.code, *r.source.line_col(d.span.start), d.message) for r in reports for d in r.diagnostics
            if d.severity == "error"] == [("E060", 4, 1, "cnncalc cannot tell what this answer is about, so it is not "
                                                         "judged")]
    result = invoke("check", "-", input=text)
    assert result.exit_code == 1 and "Traceback" not in result.output


TABLE = ("| Layer | Description | Output | Params |\n|---|---|---|---|\n| INPUT | | 32x32x3 | |\n"
         "| CONV1 | 10 5x5 filters, stride 1, pad 2 | 32x32x10 | 760 |\n"
         "| POOL1 | 2x2 max pool, stride 2 | 16x16x10 | 0 |\n| FC1 | 10 neurons | 10 | 25,610 |\n")


@pytest.mark.parametrize("row, quantity, verdict", [
    # CONV1 (5·5·3 + 1)·10 = 760, FC1 (16·16·10 + 1)·10 = 25,610: 26,370 in all
    ("| Total | | | 26,370 |", "total params", "right"), ("| **TOTAL** | | | **26.4K** |", "total params", "right"),
    ("| Total | | | 26,371 |", "total params", "wrong"), ("| Total params | | | 26,370 |", "total params", "right"),
    ("| Total (conv layers) | | | 760 |", "total params in conv layers", "right"),
    ("| FC total | | | 25,611 |", "total params in fc layers", "wrong"),
])
def test_a_tables_total_row_is_the_networks_total(row: str, quantity: str, verdict: str) -> None:
    # it was E060 (`TOTAL` is not a layer), its count not judged
    text = f"{TABLE}{row}\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers][-1] == (quantity, verdict)
    assert [d.code for d in report.diagnostics if d.severity == "error"] == (["E043"] if verdict == "wrong" else [])
    converted = CliRunner().invoke(cli, ["convert", "-", "--lang", "lecture"], input=text).stdout
    assert [a.verdict for a in cnncalc.analyze_text(converted).answers] == [a.verdict for a in report.answers]


@pytest.mark.parametrize("row, error", [
    ("| Total (hidden layers) | | | 760 |",
     (7, 3, "a total of which layers? cnncalc sums the whole network's, or one kind's")),
    ("| Total | | 10 | 26,370 |", (7, 13, "a total row gives counts, not an output")),
])
def test_a_total_row_cnncalc_cannot_judge_says_why(row: str, error: tuple[int, int, str]) -> None:
    text = f"{TABLE}{row}\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(*report.source.line_col(d.span.start), d.message) for d in report.diagnostics if d.severity == "error"] \
        == [error]


@pytest.mark.parametrize("line, verdict", [
    # (32 - 5)/2 + 1 = 14.5: the answer that floors it (PyTorch's rule) says 14; one that rounds it up, 15
    ("Output: floor((32-5)/2)+1 = 14, so 14x14x8", "right"), ("Output: floor((32-5)/2)+1 = 15, so 15x15x8", "wrong"),
    ("Output: 14x14x8 (rounded down)", "right"), ("Output: ceil((32-5)/2)+1 = 15, so 15x15x8", "right"),
    ("Output: 15x15x8 (rounded up)", "right"), ("Output: 14x14x8 (rounded up)", "wrong"),
    # the side, with its rounding said after it (these were prose: a wrong one passed unjudged)
    ("Output size: 14, rounded down", "right"), ("Output size: 15, rounded down", "wrong"),
    ("Output size: (32-5)/2+1 = 14.5, rounded down to 14", "right"),
    ("Output size: 14.5, rounded down to 15", "wrong"), ("Output size: 14.5, rounded up to 15", "right"),
    ("Output size: 15 (rounded up)", "right"), ("Output size: 14 (floor)", "right"),
    ("Output size: 14 (ceil)", "wrong"), ("The output is 14x14x8 after flooring", "right"),
    # after the layer's name and an arrow (it was E060, `cannot read the answer after ->`)
    ("CONV1 -> floor((32-5)/2)+1 = 14", "right"), ("CONV1 -> floor((32-5)/2)+1 = 15", "wrong"),
    ("CONV1 -> ceil((32-5)/2)+1 = 15", "right"),
])
def test_an_answer_that_says_how_it_rounds_is_judged_by_that_rule(line: str, verdict: str) -> None:
    # it was not checked, with E030 (the lecture's rule: it does not fit); the inexact division is now a note
    text = f"Input: 32x32x3\nCONV1: 8 5x5 filters, stride 2, pad 0\n{line}\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [a.verdict for a in report.answers] == [verdict]
    assert [d.code for d in report.diagnostics] == (["N030"] if verdict == "right" else ["N030", "E040"])
    converted = CliRunner().invoke(cli, ["convert", "-", "--lang", "lecture"], input=text).stdout
    assert [a.verdict for a in cnncalc.analyze_text(converted).answers] == [verdict], converted


@pytest.mark.parametrize("line, verdict", [
    # (32 - 5)/1 + 1 = 28: a 28x28x8 output, one map per filter; a remark of words after the answer is no answer
    ("Output size: 28 (no padding)", "right"), ("Output size: 27 (no padding)", "wrong"),
    ("Output spatial size: 28 (no padding)", "right"), ("Output depth: 8 (one per filter)", "right"),
    ("Output depth: 3 (one per filter)", "wrong"), ("Output volume: 28 (square)", "wrong"),
])
def test_a_remark_after_a_single_number_answer_leaves_it_judged(line: str, verdict: str) -> None:
    # these were prose: the answer was dropped, a wrong one passed unjudged
    text = f"{CONV1_28}{line}\n"
    assert [a.verdict for a in cnncalc.analyze_text(text, "hw.txt").answers] == [verdict]


def test_a_remark_after_an_exercises_side_leaves_it_judged() -> None:
    # N = 7, F = 3, stride 2: (7 - 3)/2 + 1 = 3
    text = "N = 7, F = 3, stride 2 => output: {} (no padding)\n"
    assert [a.verdict for a in cnncalc.analyze_text(text.format(3), "hw.txt").answers] == ["right"]
    assert [a.verdict for a in cnncalc.analyze_text(text.format(4), "hw.txt").answers] == ["wrong"]


def test_an_answer_without_a_rounding_rule_for_an_inexact_division_is_not_checked() -> None:
    # PyTorch floors 14.5 to 14, Caffe's pooling rounds up, the lecture says it does not fit: which, not said
    text = "Input: 32x32x3\nCONV1: 8 5x5 filters, stride 2, pad 0\nOutput: 14x14x8\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [a.verdict for a in report.answers] == ["unchecked"]
    assert [d.code for d in report.diagnostics] == ["E030", "N046"]


def test_a_rounding_said_under_a_layer_cnncalc_could_not_read_is_no_crash() -> None:
    # fuzz seed 33,044,750: `Fifth layer (WHAT1): is this`, an unknown layer, then an answer that rounds up
    text = "Input: 9x9x3\nFifth layer (WHAT1): is this\nOutput: 1x14x8 (rounded up)\n"
    result = invoke("check", "-", input=text)
    assert result.exit_code == 1 and "Traceback" not in result.output and "E0" in result.output


@pytest.mark.parametrize("text, answers", [
    # (32 - 5)/1 + 1 = 28: six filters, 28x28x6
    ("If we convolve a 32x32x3 image with six 5x5 filters (stride 1, no padding), we get a 28x28x6 activation map.",
     [("output", "right")]),
    # (227 - 11)/4 + 1 = 55
    ("A 227x227x3 input and 96 filters of size 11x11 with stride 4 give an output of 55x55x96.", [("output", "right")]),
    ("A 227x227x3 input and 96 filters of size 11x11 with stride 4 give an output of 54x54x96.", [("output", "wrong")]),
    # (64 - 3 + 2·1)/1 + 1 = 64 and (3·3·3 + 1)·16 = 448
    ("Suppose the input is 64x64x3 and we use 16 filters of 3x3 with stride 1 and padding 1. The output is 64x64x16 "
     "with 448 parameters.", [("output", "right"), ("params", "right")]),
    # the input's volume after `Input volume` (the file was read as the spec language: unknown layer `Input`)
    ("Input volume 32x32x3, 10 5x5 filters, stride 1, pad 2. Output: 32x32x10. Parameters: 760.",
     [("output", "right"), ("params", "right")]),
])
def test_more_problems_told_in_a_sentence(text: str, answers: list[tuple[str, str]]) -> None:
    # each was read as the spec language (E010, unknown layer `If`, `A`, `Suppose`) or as prose
    report = cnncalc.analyze_text(text + "\n", "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == answers


@pytest.mark.parametrize("text, answers", [
    # (32 - 5 + 2·2)/1 + 1 = 32: 32x32x10; (64 - 5)/1 + 1 = 60 and (5·5·3 + 1)·32 = 2,432
    ("Given an input of 32x32x3 and 10 5x5 filters with stride 1 and pad 2, the output is 32x32x10",
     [("output", "right")]),
    ("Given an input of 32x32x3 and 10 5x5 filters with stride 1 and pad 2, the output is 31x32x10",
     [("output", "wrong")]),
    ("Consider an input of size 64x64x3. We apply a convolutional layer with 32 filters of size 5x5, stride 1 and no "
     "padding, which gives a 60x60x32 output volume with 2,432 parameters", [("output", "right"), ("params", "right")]),
    ("Consider an input of size 64x64x3. We apply a convolutional layer with 32 filters of size 5x5, stride 1 and no "
     "padding. The output is 60x60x33.", [("output", "wrong")]),
])
def test_a_told_problems_answer_in_its_sentence_is_judged(text: str, answers: list[tuple[str, str]]) -> None:
    # the sentence's answer was dropped without a word: a wrong output passed, and nothing said it was not read
    report = cnncalc.analyze_text(text + "\n", "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == answers
    converted = CliRunner().invoke(cli, ["convert", "-", "--lang", "lecture"], input=text + "\n").stdout
    assert [(a.quantity, a.verdict) for a in cnncalc.analyze_text(converted).answers] == answers


@pytest.mark.parametrize("line, answers", [
    # (7 - 3 + 2·1)/1 + 1 = 7; one 3x3 filter on one channel: 3·3 + 1 = 10 parameters
    ("input 7x7, filter 3x3, stride 1, pad 1 => output 7x7, params 10", [("output", "right"), ("params", "right")]),
    ("input 7x7, filter 3x3, stride 1, pad 1 => output 7x7, params 11", [("output", "right"), ("params", "wrong")]),
    # (7 - 3)/2 + 1 = 3: the side of the square output, with its count after it
    ("input 7x7, filter 3x3, stride 2 => output 3, 10 params", [("output", "right"), ("params", "right")]),
])
def test_an_exercises_counts_after_its_output_are_judged(line: str, answers: list[tuple[str, str]]) -> None:
    # `, params 11` was dropped without a word, and `output 3, 10 params` read the side 3 as a vector (wrong)
    report = cnncalc.analyze_text(line + "\n", "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == answers


@pytest.mark.parametrize("line, verdict", [
    # (7 - 3 + 2·0)/1 + 1 = 5
    ("N=7, F=3, S=1, P=0: (N-F+2P)/S+1 = 5", "right"), ("N=7, F=3, S=1, P=0: (N-F+2P)/S+1 = 6", "wrong"),
    ("N = 7, F = 3, S = 1, P = 0: 5", "right"),
])
def test_an_exercise_in_letters_answered_after_a_colon(line: str, verdict: str) -> None:
    # the letters' formula after the colon was E060 (`cnncalc does not understand …`), the answer not judged
    report = cnncalc.analyze_text(line + "\n", "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict)]


@pytest.mark.parametrize("line, error", [
    ("After the second conv layer: 32x32x10", (4, 7, "no second conv layer above to give this output to")),
    ("After the second pooling layer the volume is 16x16x10",
     (4, 7, "no second pooling layer above to give this output to")),
])
def test_after_a_layer_cnncalc_cannot_find_is_an_error(line: str, error: tuple[int, int, str]) -> None:
    text = f"Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nPOOL1: 2x2 max pool, stride 2\n{line}\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(*report.source.line_col(d.span.start), d.message) for d in report.diagnostics
            if d.severity == "error"] == [error]


def test_after_a_kind_with_two_of_it_above_is_an_error() -> None:
    text = ("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nCONV2: 10 5x5 filters, stride 1, pad 2\n"
            "After the conv layer: 32x32x10\n")
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [d.message for d in report.diagnostics if d.severity == "error"] == [
        "`conv layer`: 2 layers above are of that kind, and which is not said"]


@pytest.mark.parametrize("line, quantity, verdict", [
    # (5·5·3 + 1)·10 = 760 parameters, 750 of them weights: 3,040 and 3,000 bytes as float32
    ("Memory for the parameters: 3 KB", "params", "right"), ("Parameter memory: 3,040 bytes", "params", "right"),
    ("Memory for the weights: 3,000 bytes", "weights", "right"), ("Memory for the parameters: 4 KB", "params", "wrong"),
    ("Memory: 40 KB", "memory", "right"),  # the output's 32·32·10 = 10,240 values, 40,960 bytes
])
def test_the_parameters_memory_is_their_count_in_bytes(line: str, quantity: str, verdict: str) -> None:
    # `Memory for the parameters: 3 KB` was judged as the output's memory (40,960 bytes): a right answer marked wrong
    text = f"Input volume: 32x32x3\n10 5x5 filters with stride 1, pad 2\n{line}\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [(quantity, verdict)]
    converted = CliRunner().invoke(cli, ["convert", "-", "--lang", "lecture"], input=text).stdout
    assert [(a.quantity, a.verdict) for a in cnncalc.analyze_text(converted).answers] == [(quantity, verdict)]


# `fc 1000` on 4,096 values: (4096 + 1)·1000 = 4,097,000 parameters (4,096,000 weights, 1,000 biases), 16,388,000
# bytes as float32: 16.4 MB, or 15.6 MiB (16,388,000 / 2^20 = 15.63); 4,096,000 MACs
_FC_4096 = "input 4096\nfc 1000\n"


@pytest.mark.parametrize("answer, verdict, reason", [
    ("expect total params 16.4MB", "right", None), ("expect total params 15.6MB", "right", None),
    ("expect total params 15.6MiB", "right", None), ("expect total params 16388000B", "right", None),
    ("expect total weights 16,384,000B", "right", None), ("expect total biases 4KB", "right", None),
    ("expect total params <= 17MB", "right", None),
    ("expect total params <= 16MB", "wrong", "388,000 bytes over the limit"),
    ("expect total params 4.1MB", "wrong",  # the count with a B: 4.1 MB is 1.0M parameters, not 4.1M
     "that is the parameters' count written in bytes (`B`); as float32 they take 16,388,000 bytes"),
    ("expect total params 3.9MiB", "wrong",  # 4,097,000 / 2^20 = 3.907: the count in binary megas
     "that is the parameters' count written in bytes (`B`); as float32 they take 16,388,000 bytes"),
    ("expect total params 16.5MB", "wrong", "16,388,000 rounds to 16.4MB at the precision written, not 16.5MB"),
    ("expect total macs 4.1M", "right", None),
    ("expect total macs 4.1MB", "wrong", "MACs count multiply-accumulates, not bytes: no `B` (`4.1M`)"),
    ("fc 10 -> macs 10KB", "wrong", "MACs count multiply-accumulates, not bytes: no `B` (`10K`)"),  # 1000·10 MACs
    # between layers, where the layer above's 4,096,000 MACs would have been what it meant
    ("expect total macs 4.1MB\nfc 10", "wrong", "MACs count multiply-accumulates, not bytes: no `B` (`4.1M`)"),
])
def test_a_total_in_bytes_is_its_values_as_float32(answer: str, verdict: str, reason: str | None) -> None:
    # `expect total params 16.4MB` was compared with the count (4,097,000: "rounds to 4.1MB, not 16.4MB"), and
    # `4.1MB` passed; a budget in bytes capped the count; MACs in bytes passed as a count.
    assert [(a.verdict, a.reason) for a in run(_FC_4096 + answer + "\n").answers][-1:] == [(verdict, reason)]


@pytest.mark.parametrize("text, verdict", [
    ("input 227x227x3 -> memory 618KB\n", "right"),  # 227·227·3 = 154,587 values, 618,348 bytes
    ("input 227x227x3 -> memory 155KB\n", "wrong"),
    ("input 227x227x3\nconv 96 11x11 stride 4 -> filter params 1456B\n", "right"),  # 11·11·3 + 1 = 364, ·4 = 1,456
    ("input 227x227x3\nconv 96 11x11 stride 4 -> filter params 364B\n", "wrong"),
    ("input 227x227x3\nconv 96 11x11 stride 4 -> filter weights 1452B\n", "right"),  # 11·11·3·4 = 1,452
])
def test_the_inputs_and_one_filters_counts_in_bytes(text: str, verdict: str) -> None:
    # Both were compared with the count of values: the right `618KB` and `1456B` were wrong.
    assert [a.verdict for a in run(text).answers] == [verdict]


@pytest.mark.parametrize("line, verdict", [
    # (5·5·3 + 1)·10 = 760 parameters, 3,040 bytes; 32·32·10·5·5·3 = 768,000 MACs
    ("Total params: 3 KB", "right"), ("Total parameter memory: 3 KB", "right"), ("Total params: 3,040 bytes", "right"),
    ("Total params: 4 KB", "wrong"), ("Total MACs: 768 KB", "wrong"), ("Total MACs: 768K", "right"),
])
def test_a_sheets_totals_in_bytes(line: str, verdict: str) -> None:
    text = f"Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nPOOL1: 2x2 max pool, stride 2\n{line}\n"
    assert [a.verdict for a in homework(text).answers] == [verdict]


# AlexNet's CONV1 on 227x227x3: (227 - 11)/4 + 1 = 55, 55·55·96 = 290,400 neurons; each sees 11·11·3 = 363 weights
# and 1 bias: 34,944 parameters shared, 290,400·364 = 105,705,600 without sharing (the CS231n notes' figures)
_CONV1_227 = "Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n"


@pytest.mark.parametrize("line", [
    "Parameters without parameter sharing: 105,705,600", "Parameters (without sharing): 105,705,600",
    "Params without sharing = 290,400 * 364 = 105,705,600", "Params if not shared: 105,705,600",
    "Number of parameters with no parameter sharing: 105,705,600", "Params (locally connected): 105,705,600",
])
def test_a_count_without_parameter_sharing_is_not_judged_as_the_layers(line: str) -> None:
    # each was judged as CONV1's 34,944 parameters: a right answer marked wrong
    report = homework(_CONV1_227 + line + "\n")
    assert report.answers == ()
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, 1, "cnncalc judges the count with parameter sharing (one filter's weights at every position), "
                       "not without it")]


@pytest.mark.parametrize("line, answers", [
    ("Parameters with sharing: 34,944", [("params", "right")]),
    ("Params: 34,944 (not 105,705,600 without sharing)", [("params", "right")]),
    ("Each filter has 363 weights and 364 params", [("params per filter", "right"), ("weights per filter", "right")]),
    ("Each filter has 363 weights and 365 params", [("params per filter", "wrong"), ("weights per filter", "right")]),
])
def test_counts_with_sharing_and_of_one_filter(line: str, answers: list[tuple[str, str]]) -> None:
    assert [(a.quantity, a.verdict) for a in homework(_CONV1_227 + line + "\n").answers] == answers


@pytest.mark.parametrize("line", ["Each filter has 363 weights and 1 bias",
                                  "Each neuron has 11*11*3 = 363 weights and 1 bias"])
def test_a_filters_bias_after_its_weights_is_not_the_layers(line: str) -> None:
    # `and 1 bias` was judged as the layer's 96 biases: wrong
    report = homework(_CONV1_227 + line + "\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("weights per filter", "right")]
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, line.index("1 bias") + 1, "cnncalc judges one filter's parameters or weights, not its biases")]


def test_a_listing_whose_names_do_not_say_the_kind() -> None:
    # `L1: 10 5x5 filters, …`: the description says a convolution (`filters`), a pool, an FC layer (`neurons`);
    # the listing and its answers were prose, a wrong answer passed. CONV1 (5·5·3 + 1)·10 = 760, 32x32x10; the
    # pool halves it; FC (16·16·10 + 1)·10 = 25,610
    text = ("Input: 32x32x3\nL1: 10 5x5 filters, stride 1, pad 2\nL2: 2x2 max pool, stride 2\nL3: 10 neurons\n"
            "L1 output: 32x32x10\nL2 output: 16x16x11\nL3 params: 25,610\nL1 params: 761\n")
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == [
        ("l1", "output", "right"), ("l1", "params", "wrong"), ("l2", "output", "wrong"), ("l3", "params", "right")]


@pytest.mark.parametrize("text, answers", [
    # MobileNet's depthwise and pointwise layers: 3·3·32 + 32 = 320, (32 + 1)·64 = 2,112
    ("Input: 112x112x32\nDW1: 3x3 depthwise, stride 1, pad 1\nPW1: 64 1x1 filters\nPW1 params: 2,112\n"
     "DW1 params: 321\n", [("dw1", "wrong"), ("pw1", "right")]),  # in walk order
])
def test_depthwise_and_pointwise_layers_named_so(text: str, answers: list[tuple[str, str]]) -> None:
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.label, a.verdict) for a in report.answers] == answers


@pytest.mark.parametrize("line", ["L5 params: 100", "X1 output: 3x3x3"])
def test_an_answer_for_a_name_with_no_layer_above_is_an_error(line: str) -> None:
    text = f"Input: 32x32x3\nL1: 10 5x5 filters, stride 1, pad 2\n{line}\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(d.code, report.source.line_col(d.span.start)[0]) for d in report.diagnostics
            if d.severity == "error"] == [("E060", 3)]


@pytest.mark.parametrize("heading", ["Example 1", "Step 2", "Problem 3"])
def test_a_heading_with_a_number_is_no_layer(heading: str) -> None:
    text = f"Input: 32x32x3\n{heading}: 10 5x5 filters, stride 1, pad 2\nOutput: 32x32x10\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert all(a.label not in ("example1", "step2", "problem3") for a in report.answers)


@pytest.mark.parametrize("line, answers", [
    # a 2x2 pool at stride 2 halves 32x32x10 and has no parameters; a 3x3 convolution with pad 1 keeps the size
    ("Max pool 2x2 stride 2: 16x16x10", [("output", "right")]),
    ("Max pool 2x2 stride 2: 16x16x11", [("output", "wrong")]),  # it was prose: a wrong volume passed
    ("POOL1: 2x2 filters at stride 2 -> output 16x16x10, no parameters", [("output", "right"), ("params", "right")]),
    ("CONV1: 8 3x3 filters, pad 1 -> 32x32x8, no parameters", [("output", "right"), ("params", "wrong")]),
])
def test_a_layer_stated_without_a_name_then_its_output_after_a_colon(line: str, answers: list[tuple[str, str]]) -> None:
    # `, no parameters` after an arrow's volume was E060
    report = cnncalc.analyze_text(f"Input: 32x32x10\n{line}\n", "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == answers


def test_a_question_about_one_layer_of_the_network_is_not_its_total() -> None:
    # `the network's first layer`: neither the network's total nor a kind's; E060, not judged as the total
    text = ("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nFC1: 10 neurons\n"
            "How many parameters does the network's first layer have? 760\n")
    report = cnncalc.analyze_text(text, "hw.txt")
    assert report.answers == () and [d.code for d in report.diagnostics] == ["E060"]


# Andrew Ng's LeNet-5 table (deeplearning.ai, "CNN example"): a 32x32x3 input, CONV1 f=5 s=1 to 28x28x8, a 2x2 max
# pool at stride 2, CONV2 f=5 s=1 to 10x10x16, the pool again, FC3 120, FC4 84, then the softmax layer of 10.
NG_TABLE = """| Layer | Activation shape | Activation size | # parameters |
|---|---|---|---|
| Input | (32,32,3) | 3,072 | 0 |
| CONV1 (f=5, s=1) | (28,28,8) | 6,272 | {conv1} |
| POOL1 (f=2, s=2) | (14,14,8) | 1,568 | 0 |
| CONV2 (f=5, s=1) | (10,10,16) | 1,600 | {conv2} |
| POOL2 | (5,5,16) | 400 | 0 |
| FC3 | (120,1) | 120 | {fc3} |
| FC4 | (84,1) | 84 | {fc4} |
| Softmax | (10,1) | 10 | {softmax} |
"""


def test_andrew_ngs_lenet_table_is_read_and_judged() -> None:
    # Its columns (`Activation shape`, `Activation size`), volumes as tuples (`(28,28,8)`, `(120,1)` a column of
    # 120), convolutions without their count of filters (`f=5, s=1`: as many as the output's depth), the softmax
    # row with parameters (the output layer: FC 10, then the softmax). Every cell was E060 or dropped.
    # conv1 (5·5·3 + 1)·8 = 608, 28·28·8 = 6,272; pool1 14·14·8 = 1,568; conv2 (5·5·8 + 1)·16 = 3,216,
    # 10·10·16 = 1,600; pool2 5·5·16 = 400; fc3 (400 + 1)·120 = 48,120; fc4 (120 + 1)·84 = 10,164;
    # softmax (84 + 1)·10 = 850. The input: 32·32·3 = 3,072 values, no parameters.
    right = NG_TABLE.format(conv1="608", conv2="3,216", fc3="48,120", fc4="10,164", softmax="850")
    report = run(right, lang="lecture")
    assert report.diagnostics == () and len(report.answers) == 2 + 7 * 3
    assert {a.verdict for a in report.answers} == {"right"}
    # 608 + 3,216 + 48,120 + 10,164 + 850 = 62,958
    assert [r.op for r in report.rows][-2:] == ["fc 10", "softmax"] and report.totals.params == 62_958
    # The course's own figures, each a common slip: 208 = (5·5 + 1)·8 and 416 = (5·5 + 1)·16 leave out the
    # input's depth; 48,001 = 400·120 + 1, 10,081 = 120·84 + 1 and 841 = 84·10 + 1 count one bias per layer.
    wrong = NG_TABLE.format(conv1="208", conv2="416", fc3="48,001", fc4="10,081", softmax="841")
    report = run(wrong, lang="lecture")
    assert [(d.line, d.message) for d in report.diagnostics] == [
        (4, "conv1: expected params 208, computed 608; that leaves out the input's depth, 3: each filter has 25·3 = "
            "75 weights"),
        (6, "conv2: expected params 416, computed 3,216; that leaves out the input's depth, 8: each filter has 25·8 "
            "= 200 weights"),
        (8, "fc3: expected params 48,001, computed 48,120; that counts one bias for the whole layer; each filter or "
            "neuron has its own (120 in all)"),
        (9, "fc4: expected params 10,081, computed 10,164; that counts one bias for the whole layer; each filter or "
            "neuron has its own (84 in all)"),
        (10, "softmax: expected params 841, computed 850; that counts one bias for the whole layer; each filter or "
             "neuron has its own (10 in all)")]


@pytest.mark.parametrize("row, ops, verdicts", [
    # after FC4 (84): a softmax with parameters is the output layer; without, or with 0, the softmax alone (84)
    ("| Softmax | (10,1) | 10 | 850 |", ["fc 10", "softmax"], ["right", "right", "right"]),
    ("| Softmax | (84,1) | 84 | 0 |", ["softmax"], ["right", "right", "right"]),
    ("| Softmax | (84,1) | 84 | |", ["softmax"], ["right", "right"]),
])
def test_a_softmax_row_with_parameters_is_the_output_layer(row: str, ops: list[str], verdicts: list[str]) -> None:
    text = NG_TABLE.format(conv1="608", conv2="3,216", fc3="48,120", fc4="10,164", softmax="850").splitlines()
    report = run("\n".join(text[:-1] + [row]) + "\n", lang="lecture")
    assert [r.op for r in report.rows][-len(ops):] == ops and report.rows[-len(ops) - 1].op == "fc 84"
    assert [a.verdict for a in report.answers if a.span.start >= report.source.text.index(row)] == verdicts


def test_a_convolution_without_its_count_of_filters_takes_the_answered_depth_else_is_e060() -> None:
    # (32 - 5)/1 + 1 = 28 and 8 filters from the volume answered before the description: (5·5·3 + 1)·8 = 608
    report = run("INPUT: [32x32x3]\n[28x28x8] CONV1: F=5, S=1, params 608\n", lang="lecture")
    assert [a.verdict for a in report.answers] == ["right", "right"] and report.rows[0].op == "conv 8 5x5"
    # the count taken from the answer is bounded as any count of filters (2^24): E013 at the volume
    report = run("INPUT: [32x32x3]\n[28x28x99999999999] CONV1: F=5, S=1\n", lang="lecture")
    assert [(d.code, d.line, d.column) for d in report.diagnostics if d.severity == "error"] == [("E013", 2, 2)]
    assert report.diagnostics[0].message.startswith("conv: the out channels: it must be at most 16,777,216")
    report = run("INPUT: [32x32x3]\nCONV1: F=5, S=1 -> [28x28x8], params 608\n", lang="lecture")
    assert [(d.code, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", "the filters need K (K filters of F x F), as in `K=96, F=11, S=4, P=0`")]


@pytest.mark.parametrize("text, verdicts", [
    # 32·32·3 = 3,072 values; the input has no parameters, weights, biases or MACs
    ("input 32x32x3 -> memory 3072 params 0\nconv 8 5x5\n", [("params", "right"), ("memory", "right")]),
    ("input 32x32x3 -> memory 3000 weights 0 biases 0 macs 5\nconv 8 5x5\n",
     [("weights", "right"), ("biases", "right"), ("macs", "wrong"), ("memory", "wrong")]),
    ("input 32x32x3 -> memory 3.1K\nconv 8 5x5\n", [("memory", "right")]),  # 3,072 at two digits
    ("input HxWx3 -> memory 3072\nconv 8 5x5\n", [("memory", "unchecked")]),
])
def test_the_inputs_own_counts_are_answers(text: str, verdicts: list[tuple[str, str]]) -> None:
    report = run(text)
    assert [(a.quantity, a.verdict) for a in report.answers] == verdicts
    assert all(a.path == "input" for a in report.answers)
    converted = CliRunner().invoke(cli, ["convert", "-"], input=text).stdout  # the spec writes them back
    assert [(a.quantity, a.verdict) for a in run(converted).answers] == verdicts


SHAPED = "an input's answers are counts (`memory 3072`, `params 0`): its shape is the one given"
FILTERED = "the input has no filters: its answers are `memory`, `params`, `weights`, `biases` and `macs`"


@pytest.mark.parametrize("answer, column, message", [("32x32x3", 18, SHAPED), ("depth 3", 24, SHAPED),
                                                     ("filter params 5", 32, FILTERED)])
def test_an_inputs_answers_are_counts(answer: str, column: int, message: str) -> None:
    report = run(f"input 32x32x3 -> {answer}\nconv 8 5x5\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [("E002", 1, column, message)]
    assert report.answers == ()


def test_the_lectures_letters_in_any_order_convert_to_the_spec_language() -> None:
    # `F=5, K=8` was written `conv 5x5 8`, which reads 5x5 as the count of filters (E013)
    text = "INPUT: [32x32x3]\nCONV1: F=5, K=8, S=1 -> [28x28x8]\n"
    converted = CliRunner().invoke(cli, ["convert", "-", "--lang", "lecture"], input=text).stdout
    assert "conv1: conv 8 5x5 stride 1 -> 28x28x8" in converted
    assert [a.verdict for a in run(converted).answers] == ["right"]


# Andrew Ng's quizzes tell a problem in a sentence, then ask about it (read as the spec language: E024, E001, E002)
NG_PARAMS = ("Suppose your input is a 300x300x3 image, and you use a convolutional layer with 100 filters that are "
             "each 5x5. How many parameters does this hidden layer have (including the bias parameters)?")
NG_OUTPUT = ("You have an input volume that is 63x63x16, and convolve it with 32 filters that are each 7x7, using a "
             "stride of 2 and no padding. What is the output volume?")
NG_POOL = ("You have an input volume that is 32x32x16, and apply max pooling with a stride of 2 and a filter size of "
           "2. What is the output volume?")


@pytest.mark.parametrize("text, verdicts", [
    # (5·5·3 + 1)·100 = 7,600; 7,500 leaves out the 100 biases
    (NG_PARAMS + "\nAnswer: 7,600\n", [("params", "right")]),
    (NG_PARAMS + " 7,600\n", [("params", "right")]),
    (NG_PARAMS + "\nAnswer: 7,500\n", [("params", "wrong")]),
    # (63 - 7)/2 + 1 = 29: 29x29x32; the pool (32 - 2)/2 + 1 = 16 keeps the 16 channels
    (NG_OUTPUT + "\nAnswer: 29x29x32\n", [("output", "right")]),
    (NG_OUTPUT + "\nAnswer: 29x29x16\n", [("output", "wrong")]),
    (NG_POOL + "\nAnswer: 16x16x16\n", [("output", "right")]),
    (NG_POOL + "\nAnswer: 16x16x8\n", [("output", "wrong")]),
])
def test_ngs_quiz_questions_told_in_a_sentence(text: str, verdicts: list[tuple[str, str]]) -> None:
    report = cnncalc.analyze_text(text, "quiz.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == verdicts, report.diagnostics
    slips = [d.message for d in report.diagnostics if d.code == "E041"]
    assert slips in ([], ["conv1: expected params 7,500, computed 7,600; that is the count without the 100 biases"])


_TOLD = "Consider an input of {input}. We apply a conv layer with {layer}. {question}\nAnswer: {answer}\n"


@pytest.mark.parametrize("text, verdicts", [
    # 3x3 dilated by 2 spans 5: 32 - 5 + 1 = 28 (dilation was dropped: 30x30x10, the right answer wrong)
    (_TOLD.format(input="32x32x3", layer="10 filters of size 3x3, dilation 2", question="What is the output volume?",
                  answer="28x28x10"), [("output", "right")]),
    (_TOLD.format(input="32x32x3", layer="10 filters of size 3x3 and dilation rate 2",
                  question="What is the output volume?", answer="30x30x10"), [("output", "wrong")]),
    # 6 filters in 3 groups see 2 channels each: (3·3·2 + 1)·6 = 114 (not (3·3·6 + 1)·6 = 330)
    (_TOLD.format(input="32x32x6", layer="6 filters of size 3x3, groups 3",
                  question="How many parameters does this layer have?", answer="114"), [("params", "right")]),
    (_TOLD.format(input="32x32x6", layer="6 filters of size 3x3 in 3 groups",
                  question="How many parameters does this layer have?", answer="114"), [("params", "right")]),
    # 3·3·3·10 = 270 without the 10 biases
    (_TOLD.format(input="32x32x3", layer="10 filters of size 3x3 without bias",
                  question="How many parameters does this layer have?", answer="270"), [("params", "right")]),
    (_TOLD.format(input="32x32x3", layer="10 filters of size 3x3, bias=False",
                  question="How many parameters does this layer have?", answer="270"), [("params", "right")]),
    (_TOLD.format(input="32x32x3", layer="10 filters of size 3x3 without bias",
                  question="How many parameters does this layer have?", answer="280"), [("params", "wrong")]),
    (_TOLD.format(input="32x32x6", layer="6 filters of size 3x3, groups 3",
                  question="How many parameters does this layer have?", answer="330"), [("params", "wrong")]),
    # Ng's 1x1 lesson: 28x28x192 through CONV 5x5, same, 32: 28·28·32·5·5·192 = 120,422,400 multiplications
    ("Input 28x28x192, conv 5x5, same, 32 filters. How many multiplications?\nAnswer: 120M\n", [("macs", "right")]),
])
def test_a_told_layers_dilation_groups_bias_and_same(text: str, verdicts: list[tuple[str, str]]) -> None:
    assert [(a.quantity, a.verdict) for a in cnncalc.analyze_text(text, "hw.txt").answers] == verdicts


@pytest.mark.parametrize("text, word", [
    ("Consider an input of 32x32x3. We apply a transposed conv layer with 10 filters of size 2x2, stride 2.",
     "transposed"),
    ("Consider an input of 32x32x3. We apply a conv layer with 10 filters of size 3x3, dilation.", "dilation"),
    ("Consider an input of 32x32x8. We apply a depthwise separable conv layer with 10 filters of size 3x3.",
     "depthwise"),
    ("Consider an input of 32x32x8. We apply a conv layer with 10 filters of size 3x3, channel-wise.", "channel-wise")])
def test_a_told_layer_changed_by_a_word_not_read_is_not_judged(text: str, word: str) -> None:
    # the word was dropped and the plain convolution judged: a transposed one's 64x64x10 was wrong
    report = cnncalc.analyze_text(text + " What is the output volume?\nAnswer: 64x64x10\n", "hw.txt")
    assert report.answers == ()
    assert (1, text.index(word) + 1, f"cnncalc does not read `{word}` in a problem told in a sentence, so the layer is "
                                     f"not judged") in [(d.line, d.column, d.message) for d in report.diagnostics
                                                        if d.code == "E060"]


@pytest.mark.parametrize("text, verdicts", [
    # (7 - 3)/2 + 1 = 3: a 3x3 pool at stride 2 on 7x7x6 gives 3x3x6; a conv of 4 3x3 filters (7 - 3)/1 + 1 = 5
    ("A 3x3 max pool with a stride of 2 is applied to a 7x7x6 volume. What is the output volume? 3x3x6\n",
     [("output", "right")]),
    ("A 3x3 max pool with a stride of 2 is applied to a 7x7x6 volume. What is the output volume? 4x4x6\n",
     [("output", "wrong")]),
    ("A 3x3 max pool with a stride of 2 is applied to a 7x7x6 volume. What is the output volume?\nAnswer: 4x4x6\n",
     [("output", "wrong")]),
    ("A 3x3 conv with 4 filters is applied to a 7x7x6 volume. What is the output volume?\nAnswer: 5x5x4\n",
     [("output", "right")]),
    # (17 - 3)/2 + 1 = 8: `a 3x3 window` is the pool's (the sentence was E060, the answer not judged)
    ("You have an input volume that is 17x17x64, and apply average pooling with a 3x3 window and stride=2. What is "
     "the output volume?\nAnswer: 8x8x64\n", [("output", "right")]),
    ("You have an input volume that is 17x17x64, and apply average pooling with a 3x3 window and stride=2. What is "
     "the output volume?\nAnswer: 9x9x64\n", [("output", "wrong")]),
])
def test_a_problem_told_with_its_input_after_the_layer_keeps_its_question(text: str,
                                                                          verdicts: list[tuple[str, str]]) -> None:
    # the question was split off as a layer's (`POOL1 is a 3x3 max pool …. What is its output?`) and dropped with
    # its answer: nothing judged, nothing said (a wrong answer passed)
    assert [(a.quantity, a.verdict) for a in cnncalc.analyze_text(text, "hw.txt").answers] == verdicts


@pytest.mark.parametrize("text, verdict", [
    ("N = 7, F = 3, S = 2. What is the output? 3\n", "right"),  # (7 - 3)/2 + 1 = 3: the side, as `=> 3` is
    ("N = 7, F = 3, S = 2. What is the output?\nAnswer: 3\n", "right"),
    ("Input 7x7, filter 3x3, stride 2. What is the output? 3\n", "right"),
    ("N = 7, F = 3, S = 2. What is the output? 4\n", "wrong"),
    # a fully connected layer's output is its vector: 10 values, not 10x10
    ("An input of 32x32x3 goes into a fully connected layer with 10 units. What is the output volume? 10\n", "right"),
])
def test_an_exercises_output_asked_is_answered_by_its_side(text: str, verdict: str) -> None:
    # `=> 3` was right and `What is the output? 3` wrong ("a single number answers a vector")
    assert [a.verdict for a in cnncalc.analyze_text(text, "hw.txt").answers] == [verdict]


@pytest.mark.parametrize("count, verdicts", [
    ("thirty-two", [("output", "right")]), ("thirty two", [("output", "right")]),  # (63 - 7)/2 + 1 = 29: 29x29x32
    ("two", [("output", "wrong")]),
])
def test_a_number_of_filters_spelled_past_ten(count: str, verdicts: list[tuple[str, str]]) -> None:
    # `thirty-two filters` was read as its `two`: 29x29x2, the right 29x29x32 wrong
    text = NG_OUTPUT.replace("32 filters", f"{count} filters") + " 29x29x32\n"
    assert [(a.quantity, a.verdict) for a in cnncalc.analyze_text(text, "quiz.txt").answers] == verdicts


@pytest.mark.parametrize("said, value", [("sixteen", "16"), ("twenty four", "24"), ("sixty-four", "64"),
                                         ("one hundred", "100"), ("one hundred and twenty-eight", "128")])
def test_numbers_spelled_past_ten_are_one_number(said: str, value: str) -> None:
    # (3·3·3 + 1)·N parameters for N 3x3 filters on 32x32x3
    text = f"Input: 32x32x3\nCONV1: {said} 3x3 filters, stride 1, pad 1\nCONV1 params: {28 * int(value)}\n"
    assert [(r.op, a.verdict) for r, a in zip(cnncalc.analyze_text(text, "hw.txt").rows,
                                               cnncalc.analyze_text(text, "hw.txt").answers)] == [
        (f"conv {value} 3x3 pad 1", "right")]


_TOLD_64 = ("Consider an input of size 64x64x3. {before}We apply a convolutional layer with 32 filters of size 5x5, "
            "{options}. What is the output volume?\nAnswer: 60x60x32\n")


@pytest.mark.parametrize("options, said, meant", [("a stirde of 2 and no padding", "stirde", "stride"),
                                                  ("stride 1 and paddding 2", "paddding", "padding")])
def test_a_told_option_misspelt_is_not_read_past(options: str, said: str, meant: str) -> None:
    # `a stirde of 2` was read past: stride 1, and (64 - 5)/1 + 1 = 60 judged right for a stride of 2
    text = _TOLD_64.format(before="", options=options)
    report = cnncalc.analyze_text(text, "hw.txt")
    assert report.answers == ()
    assert (1, text.index(said) + 1, f"cnncalc does not read `{said}` in this problem told in a sentence (`{meant}`?), "
                                     f"so the layer is not judged") in [(d.line, d.column, d.message)
                                                                        for d in report.diagnostics if d.code == "E060"]


@pytest.mark.parametrize("before, options", [("In layer 1, ", "stride 1 and no padding"),
                                             ("", "stride 1 and no padding (as in Figure 2)"),
                                             ("It is a batch of 1 image. ", "stride 1 and no padding")])
def test_other_numbers_in_a_told_problem_are_the_sentences(before: str, options: str) -> None:
    # (64 - 5)/1 + 1 = 60
    report = cnncalc.analyze_text(_TOLD_64.format(before=before, options=options), "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right")]


NG_FC = ("Suppose your input is a 300 by 300 color (RGB) image, and you are not using a convolutional network. If "
         "the first hidden layer has 100 neurons, each one fully connected to the input, how many parameters does "
         "this hidden layer have (including the bias parameters)?\nAnswer: {answer}\n")


@pytest.mark.parametrize("text, verdicts", [
    # (300·300·3 + 1)·100 = 27,000,100; 27,000,000 leaves out the 100 biases. It was read as the spec language
    # (errors, no verdict).
    (NG_FC.format(answer="27,000,100"), [("params", "right")]),
    (NG_FC.format(answer="27,000,000"), [("params", "wrong")]),
    (NG_FC.format(answer="9,000,100").replace(" color (RGB)", ""), [("params", "right")]),  # 300·300·1·100 + 100
    # (32·32·3 + 1)·10 = 30,730, and its output is its 10 neurons
    ("An input of 32x32x3 goes into a fully connected layer with 10 units. How many parameters does this layer "
     "have? 30730\nWhat is the output volume?\nAnswer: 10\n", [("params", "right"), ("output", "right")]),
    ("An input of 32x32x3 goes into a fully connected layer with 10 units. How many parameters does this layer "
     "have? 30720\n", [("params", "wrong")]),
])
def test_a_fully_connected_layer_told_in_a_sentence(text: str, verdicts: list[tuple[str, str]]) -> None:
    report = cnncalc.analyze_text(text, "quiz.txt")
    assert sorted((a.quantity, a.verdict) for a in report.answers) == sorted(verdicts), report.diagnostics


NG_PADDED = ("You have an input volume that is 15x15x8, and pad it using \"pad=2\". What is the dimension of the "
             "resulting volume (after padding)?\nAnswer: {answer}\n")


@pytest.mark.parametrize("answer, verdict", [
    # 15 + 2·2 = 19 on each side, the 8 channels kept: 19x19x8. It was E060 ("cannot tell what this answer is
    # about"): a volume told to be padded was no layer, and "the dimension of the resulting volume" no question.
    ("19x19x8", "right"), ("17x17x8", "wrong"), ("19x19x10", "wrong"), ("15x15x8", "wrong"),
])
def test_a_volume_told_to_be_padded(answer: str, verdict: str) -> None:
    report = cnncalc.analyze_text(NG_PADDED.format(answer=answer), "quiz.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict)], report.diagnostics
    # zero-padded `with 3 pixels`: 15 + 2·3 = 21
    worded = cnncalc.analyze_text("An input image of 15x15x8 is zero-padded with 3 pixels. What is the resulting "
                                  "volume?\nAnswer: 21x21x8\n", "quiz.txt")
    assert [(a.quantity, a.verdict) for a in worded.answers] == [("output", "right")], worded.diagnostics
    # a stride told beside the padding is no padding alone: not judged as one (no answer passes unread)
    strided = cnncalc.analyze_text(NG_PADDED.format(answer=answer).replace('"pad=2"', '"pad=2" with a stride of 2'),
                                   "quiz.txt")
    assert strided.answers == () and not strided.ok


NG_WORDED = ("Suppose your input is a 300 by 300 {colour} image, and you use a convolutional layer with 100 filters "
             "that are each 5x5. How many parameters does this hidden layer have (including the bias parameters)?\n"
             "Answer: {answer}\n")


@pytest.mark.parametrize("colour, answer, verdict", [
    # the quiz's own words: a colour image has 3 channels, (5·5·3 + 1)·100 = 7,600 (it was judged on one channel,
    # (5·5·1 + 1)·100 = 2,600, and the right answer marked wrong; alone in a file it was read as the spec language)
    ("color (RGB)", "7,600", "right"), ("color (RGB)", "2,600", "wrong"), ("RGB", "7,600", "right"),
    ("colour", "7,600", "right"),
    # a grayscale image has one: (5·5·1 + 1)·100 = 2,600; so has an image whose channels are not said (the lecture's
    # exercises take a 7x7 input so)
    ("grayscale", "2,600", "right"), ("grayscale", "7,600", "wrong"), ("", "2,600", "right"),
])
def test_a_told_image_of_height_and_width_has_the_channels_its_words_say(colour: str, answer: str,
                                                                         verdict: str) -> None:
    text = NG_WORDED.format(colour=colour, answer=answer).replace("  ", " ")
    report = cnncalc.analyze_text(text, "quiz.txt")  # detected as the lecture's notation, as in a sheet of several
    assert [(a.quantity, a.verdict) for a in report.answers] == [("params", verdict)], report.diagnostics


def test_a_question_after_a_told_problem_that_cnncalc_cannot_place_is_e060() -> None:
    # the answer after the `?` is never passed over: here the question asks for something cnncalc does not judge
    text = NG_PARAMS.replace("How many parameters does this hidden layer have (including the bias parameters)?",
                             "What is the learning rate? 0.01") + "\n"
    report = cnncalc.analyze_text(text, "quiz.txt", lang="lecture")
    e060 = [d for d in report.diagnostics if d.code == "E060"]
    assert [(d.line, d.column, d.message) for d in e060] == [  # at the question
        (1, text.index("What") + 1, "cnncalc cannot tell what this answer is about, so it is not judged")]
    assert report.answers == () and not report.ok


@pytest.mark.parametrize("line, answers", [
    # CONV1: (5·5·3 + 1)·10 = 760 parameters; the pool after it has none. They were prose (N060: a wrong count
    # passed unjudged) or E060.
    ("760 params", [("conv1", "params", "right")]),
    ("We get 760 parameters", [("conv1", "params", "right")]),
    ("It has 760 parameters.", [("conv1", "params", "right")]),
    ("This layer has 761 learnable parameters in total", [("conv1", "params", "wrong")]),
    ("That gives us 760 params in total for CONV1", [("conv1", "params", "right")]),
    ("768,000 MACs", [("conv1", "macs", "right")]),  # 32·32·10·75
    ("10,240 values", [("conv1", "memory", "right")]), ("We get 10,241 activations", [("conv1", "memory", "wrong")]),
    # a sentence about something else stays prose
    ("We use 75 weights here (compare with 30k weights in fully connected case).", []),
])
def test_a_count_said_before_its_word_is_the_layers_answer(line: str, answers: list[tuple[str, str, str]]) -> None:
    text = f"Input volume: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n{line}\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == answers
    assert [d.code for d in report.diagnostics if d.severity == "error"] == (
        ["E041"] if "761" in line else ["E040"] if "10,241" in line else [])


def test_a_count_said_for_a_layer_not_above_is_e060() -> None:
    report = cnncalc.analyze_text("Input volume: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nWe get 760 "
                                  "parameters for CONV9\n", "hw.txt")
    assert [(d.code, d.message) for d in report.diagnostics] == [
        ("E060", "no layer CONV9 above to give this answer to")]


@pytest.mark.parametrize("line, answers", [
    # CONV1 on 32x32x3: (32 - 5 + 2·2)/1 + 1 = 32, 10 filters: 32x32x10, 32·32·10 = 10,240 values. Each was prose:
    # a wrong output passed unjudged.
    ("We get an output of 32x32x10.", [("output", "right")]),
    ("which results in a 32x32x12 output", [("output", "wrong")]),
    ("(32 - 5 + 2*2)/1 + 1 = 32, so the output is 32x32x10", [("output", "right")]),
    ("32 * 32 * 10 = 10240 values in the output", [("memory", "right")]),
    ("It outputs 10 activation maps of size 30x30", [("output", "wrong")]),
    # prose that mentions a volume without saying it is this layer's output stays prose
    ("We get better results with a 64x64x3 input.", []),
])
def test_an_output_said_in_a_sentence_is_the_layers_answer(line: str, answers: list[tuple[str, str]]) -> None:
    text = f"Input volume: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n{line}\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == answers, report.diagnostics


@pytest.mark.parametrize("line, answers", [
    # CONV1: 32x32x10 and (5·5·3 + 1)·10 = 760; POOL1: 16x16x10, no parameters. Several answers as sentences or
    # between `;` were E060 (the first part's count did not end the line).
    ("CONV1 params: 760; output: 32x32x10", [("conv1", "output", "right"), ("conv1", "params", "right")]),
    ("Parameters: 0. Output: 16x16x10.", [("pool1", "output", "right"), ("pool1", "params", "right")]),
    ("Output: 16x16x10; params: 1; MACs: 0",
     [("pool1", "output", "right"), ("pool1", "params", "wrong"), ("pool1", "macs", "right")]),
    ("CONV1 params: 760; CONV1 output: 32x32x11", [("conv1", "output", "wrong"), ("conv1", "params", "right")]),
    # answers about two layers on one line, each part naming its layer, are each that layer's (they were E060)
    ("CONV1 params: 760; POOL1 output: 16x16x10", [("conv1", "params", "right"), ("pool1", "output", "right")]),
    ("CONV1 params: 750; POOL1 output: 15x15x10", [("conv1", "params", "wrong"), ("pool1", "output", "wrong")]),
    # with a part not naming its layer, which layer `params: 760` is about is not said: the line stays E060
    ("POOL1 params: 0; CONV1 output: 32x32x10; params: 760", []),
    # between commas, each part naming its layer (E015 and E060 as a restated CONV1, E060 "2 different volumes", or
    # prose with its arrows: no verdict)
    ("CONV1: 32x32x10, POOL1: 16x16x11", [("conv1", "output", "right"), ("pool1", "output", "wrong")]),
    ("CONV1 -> 32x32x10, POOL1 -> 16x16x10", [("conv1", "output", "right"), ("pool1", "output", "right")]),
    ("CONV1 output: 32x32x11, POOL1 output: 16x16x10", [("conv1", "output", "wrong"), ("pool1", "output", "right")]),
    ("CONV1 params: 760, POOL1 params: 1", [("conv1", "params", "right"), ("pool1", "params", "wrong")]),
])
def test_a_lines_answers_as_sentences_or_between_semicolons(line: str, answers: list[tuple[str, str, str]]) -> None:
    text = f"Input volume: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nPOOL1: 2x2 max pool, stride 2\n{line}\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == answers
    assert bool(answers) or [d.code for d in report.diagnostics] == ["E060"]


@pytest.mark.parametrize("line, op", [
    # 10 filters 5x5 on 32x32x3: pad 2 (or TensorFlow's `same`, 5 // 2 = 2 each side) keeps 32; they were prose
    # (the answer after `->` passed over unjudged)
    ("Conv: 5x5, 10 filters, pad 2", "conv 10 5x5 pad 2"),
    ("Conv: 5x5 conv, 10 filters, pad 2", "conv 10 5x5 pad 2"),
    ("CONV: 10 5x5 filters, same", "conv 10 5x5 pad same"),
    ("CONV1: 10 5x5 filters, stride 1, same", "conv 10 5x5 pad same"),
    # the size first, then `with` or `using` the filters (E060: the layer unknown, its answers not checked)
    ("5x5 conv with 10 filters and padding 2", "conv 10 5x5 pad 2"),
    ("conv 5x5 with 10 filters, pad 2", "conv 10 5x5 pad 2"),
    ("5x5 conv layer with 10 filters, stride 1 and pad 2", "conv 10 5x5 pad 2"),
    ("5x5 convolution using 10 filters, pad 2", "conv 10 5x5 pad 2"),
])
def test_the_size_first_and_a_bare_same_describe_a_convolution(line: str, op: str) -> None:
    report = cnncalc.analyze_text(f"Input volume: 32x32x3\n{line} -> 32x32x10\n", "hw.txt")
    assert [r.op for r in report.rows] == [op] and [a.verdict for a in report.answers] == ["right"]
    # 28x28 is the output without the padding, (32 - 5)/1 + 1: wrong here
    report = cnncalc.analyze_text(f"Input volume: 32x32x3\n{line} -> 28x28x10\n", "hw.txt")
    assert [a.verdict for a in report.answers] == ["wrong"]


def test_a_tables_layer_cell_may_say_the_kind_then_describe_it() -> None:
    # `Conv 5x5, 10 filters, pad 2` in the Layer column was read as a name of the notes' breakdown (E060):
    # (32 - 5 + 2·2)/1 + 1 = 32, (5·5·3 + 1)·10 = 760; the 2x2 pool at stride 2 halves it
    text = ("| Layer | Output size | Number of parameters |\n|---|---|---|\n| Input | 32x32x3 | - |\n"
            "| Conv 5x5, 10 filters, pad 2 | 32x32x10 | 760 |\n| Max pool 2x2 stride 2 | 16x16x10 | 0 |\n"
            "| FC 4096 | 4096 | 1 |\n")
    report = cnncalc.analyze_text(text, "hw.md")
    assert [r.op for r in report.rows] == ["conv 10 5x5 pad 2", "maxpool 2x2 stride 2", "fc 4096"]
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "output", "right"), ("conv1", "params", "right"), ("maxpool1", "output", "right"),
        ("maxpool1", "params", "right"), ("fc1", "output", "right"), ("fc1", "params", "wrong")]


@pytest.mark.parametrize("line, code", [
    # an answer after an arrow that ends the line is never prose, whatever cnncalc makes of the line before it
    # (they were N060: skipped as prose, the answer passed over)
    ("Some conv thing here -> 32x32x10", "E060"), ("Conv with lots of filters -> 760 params", "E060"),
    # the lecture's `5x5 filter -> 5x5 receptive field for each neuron` goes on after its volume: prose
    ("5x5 filter -> 5x5 receptive field for each neuron", "N060"),
])
def test_an_answer_after_an_arrow_is_never_prose(line: str, code: str) -> None:
    report = cnncalc.analyze_text(f"Input volume: 32x32x3\nCONV1: 10 5x5 filters, pad 2\n{line}\n", "hw.txt")
    assert [(d.code, d.line, d.column) for d in report.diagnostics] == [(code, 3, 1)] and report.answers == ()
    if code == "E060":  # a layer's line cnncalc cannot read: the layer stays, unknown
        said = line.split(" -> ")[0]
        assert report.diagnostics[0].message == f"cnncalc cannot read `{said}` as a layer"
        # the answers after it rest on it: not checked (passed over, the next layer's input was CONV1's output, and
        # FC's (32·32·10 + 1)·10 = 102,410 judged a right 650 wrong)
        after = cnncalc.analyze_text(f"Input volume: 32x32x3\nCONV1: 10 5x5 filters, pad 2\n{line}\n"
                                     "FC: 10 neurons -> 10, params 650\n", "hw.txt")
        assert [a.verdict for a in after.answers] == ["unchecked", "unchecked"]


@pytest.mark.parametrize("told, answer, verdict", [
    # a pool's window called its filters, as the lecture says it ("pool with 2x2 filters and stride 2"), and other
    # ways a sheet tells a pool: (224 - 2)/2 + 1 = 112, the 64 channels kept. They were prose, and their answers E060
    # (or judged against the problem above them).
    ("Input 224x224x64, max pool with 2x2 filters and stride 2.", "112x112x64", "right"),
    ("Input 224x224x64, max pool with 2x2 filters and stride 2.", "111x111x64", "wrong"),
    ("Input 224x224x64, 2x2 max pooling with stride 2.", "112x112x64", "right"),
    ("An input of 224x224x64 goes through a 2x2 max pool with stride 2.", "112x112x64", "right"),
    ("Input 224x224x64, max pooling, window 2x2, stride 2.", "112x112x32", "wrong"),
    # the lecture's letters for a pool: F=2, S=2; (224 - 2)/2 + 1 = 112
    ("Input volume 224x224x64, pooling layer with F=2, S=2.", "112x112x64", "right"),
    ("Input volume 224x224x64, avg pooling layer with F=2, S=2.", "113x113x64", "wrong"),
    # the input told first, then the pool in the letters (it was prose, its answers with no network above them)
    ("An input of 224x224x64 goes through a max pool with F = 2, S = 2.", "112x112x64", "right"),
    ("Problem 2: an input of 224x224x64 goes through a max pool with F = 2, S = 2.", "112x112x32", "wrong"),
    ("An input of 224x224x64 goes through an average pool with F = 2 and S = 2.", "111x111x64", "wrong"),
    # a 1x1 convolution told as `32 1x1 CONV filters`: 56x56x32
    ("Input 56x56x64, 32 1x1 CONV filters.", "56x56x32", "right"),
    ("Input 56x56x64, 32 1x1 convolution filters with stride 1.", "56x56x64", "wrong"),
    # the lecture's letters for a convolution: K=10, F=5, S=1, P=2 gives (32 - 5 + 2·2)/1 + 1 = 32
    ("Input 32x32x3, conv layer with K=10, F=5, S=1, P=2.", "32x32x10", "right"),
    ("Input 32x32x3, conv layer with K=10, F=5, S=1, P=2.", "28x28x10", "wrong"),
    ("Input 32x32x3, 10 filters with F=5, S=1, P=2.", "32x32x10", "right"),
])
def test_more_layers_told_in_a_sentence(told: str, answer: str, verdict: str) -> None:
    report = cnncalc.analyze_text(f"{told}\nOutput: {answer}\n", "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict)], report.diagnostics


def test_a_pool_told_beside_a_convolution_is_not_one_layer() -> None:
    # a convolution's 5x5 filters and a pool's stride in one sentence: two layers, neither judged as the other (it
    # must not read as a 5x5 pool at stride 2)
    report = cnncalc.analyze_text("Input 32x32x3, conv with 5x5 filters and max pooling with stride 2.\n"
                                  "Output: 14x14x3\n", "hw.txt")
    assert report.answers == () and not report.ok
    # and a count of filters (K) told for a pool is E060, at the K
    letters = cnncalc.analyze_text("Input 32x32x3, max pooling with K=10, F=5, S=1.\nOutput: 28x28x3\n", "hw.txt")
    assert letters.answers == () and ("E060", "a pool has no filters: K is a convolution's") in [
        (d.code, d.message) for d in letters.diagnostics]


def test_problems_told_one_after_another_are_each_judged(tmp_path: Path) -> None:
    # a pool and a 1x1 convolution told after a convolution: each its own problem. Their answers were E060 ("answers
    # again what was answered above"): the sentences were prose, so the answers fell to the first problem.
    text = ("Q1. Input volume: 32x32x3. 10 5x5 filters with stride 1, pad 2.\n"
            "Output volume size: (32+2*2-5)/1+1 = 32 spatially, so 32x32x10\n\n"
            "Q2. Input 224x224x64, max pool with 2x2 filters and stride 2.\nOutput: 112x112x64\n\n"
            "Q3. 56x56x64 input, 32 1x1 CONV filters.\nOutput: 56x56x32\nParams: 64*32 + 32 = 2080\n")
    path = tmp_path / "hw.txt"
    path.write_text(text)
    reports = cnncalc.analyze_all(path)
    # (32 - 5 + 2·2)/1 + 1 = 32; (224 - 2)/2 + 1 = 112; 1x1 keeps 56x56, (1·1·64 + 1)·32 = 2,080
    assert [(a.expected, a.quantity, a.verdict) for report in reports for a in report.answers] == [
        ("32x32x10", "output", "right"), ("112x112x64", "output", "right"), ("56x56x32", "output", "right"),
        ("2080", "params", "right")]
    assert all(report.ok for report in reports), [report.diagnostics for report in reports]


@pytest.mark.parametrize("line, verdict", [
    # AlexNet's CONV1, 96 11x11x3 filters: 11·11·3·96 = 34,848 weights, + 96 biases = 34,944 parameters. A count of
    # parameters said to leave out the biases is the weights: 34,848 was marked wrong ("computed 34,944").
    ("Parameters (without biases): 34,848", "right"),
    ("Parameters excluding biases: 34,848", "right"),
    ("Params w/o bias: 34,848", "right"),
    ("Params: 34,848 (no bias)", "right"),
    ("Params: 34,848, biases excluded", "right"),
    ("Number of parameters: (11*11*3)*96 = 34,848 (ignoring biases)", "right"),
    ("Parameters (without biases): 34,944", "wrong"),
    ("Params: 34,944 (no bias)", "wrong"),
    # without the words, the parameters count the biases
    ("Params: 34,848", "wrong"), ("Params: 34,944", "right"),
    # a count of weights that says so: the words a remark, not an answer that the layer has no biases (`biases
    # none`, which was marked wrong beside the right weights)
    ("Weights: 11*11*3*96 = 34,848 (no biases)", "right"), ("Weights: 34,848, biases excluded", "right"),
    ("Weights (without biases): 34,944", "wrong"),
])
def test_a_parameter_count_said_without_biases_is_the_weights(line: str, verdict: str) -> None:
    report = cnncalc.analyze_text(f"Input 227x227x3, 96 11x11 filters at stride 4.\n{line}\n", "hw.txt")
    assert [a.verdict for a in report.answers] == [verdict], report.diagnostics
    said = "bias" in line or "Weights" in line
    assert [a.quantity for a in report.answers] == ["weights" if said else "params"]


@pytest.mark.parametrize("question, verdict", [
    # the question after the told problem on its line; 34,848 weights (11·11·3·96), 34,944 parameters with the 96
    # biases. The first form was E060 ("does not understand `How many parameters …` after the filter").
    ("How many parameters does this layer have? 34,944", "right"),
    ("How many parameters does this layer have (ignoring biases)? 34,848", "right"),
    ("How many parameters does this layer have (ignoring biases)? 34,944", "wrong"),
])
def test_an_exercise_with_its_question_on_its_line(question: str, verdict: str) -> None:
    report = cnncalc.analyze_text(f"Input 227x227x3, 96 11x11 filters at stride 4. {question}\n", "hw.txt")
    assert [a.verdict for a in report.answers] == [verdict], report.diagnostics
    # the slides' exercise, asked: (7 - 3)/2 + 1 = 3
    for answer, expected in (("3x3", "right"), ("2x2", "wrong")):
        asked = cnncalc.analyze_text(f"Input 7x7, filter 3x3, stride 2. What is the output? {answer}\n", "hw.txt")
        assert [a.verdict for a in asked.answers] == [expected], asked.diagnostics


def test_a_layer_described_after_with_and_counts_after_it_has() -> None:
    # `Layer 1: CONV with 32 filters 3x3` was E060 ("expected the number of filters"), and every answer after it
    # unchecked. (32 - 3 + 2·1)/1 + 1 = 32; (3·3·3 + 1)·32 = 896; the pool (32 - 2)/2 + 1 = 16, no parameters
    text = ("Input: 32x32x3\nLayer 1: CONV with 32 filters 3x3, stride 1, pad 1 -> output 32x32x32, "
            "params = 3*3*3*32 + 32 = 896\nLayer 2: max pool 2x2, stride 2\n"
            "The output volume is 16x16x32 and it has {pool} parameters.\n")
    report = cnncalc.analyze_text(text.format(pool="no"), "hw.txt")
    assert [(a.label, a.quantity, a.expected, a.verdict) for a in report.answers] == [
        ("conv1", "output", "32x32x32", "right"), ("conv1", "params", "896", "right"),
        ("pool2", "output", "16x16x32", "right"), ("pool2", "params", "0", "right")], report.diagnostics
    # a count said so is judged (`and it has no parameters` was passed over as a remark)
    wrong = cnncalc.analyze_text(text.format(pool="10"), "hw.txt")
    assert [(a.quantity, a.verdict) for a in wrong.answers][-1] == ("params", "wrong")


@pytest.mark.parametrize("answer, verdict, codes", [
    # a 5x5x3 input, 2 filters 11x11 at stride 2, pad 3: (5 - 11 + 2·3)/2 + 1 = 1, a 1x1x2 output. `2` is its 2
    # values (right) or a side of 2 (wrong), and 2 fits in the padded input (5 + 2·3 = 11): not judged, E049 (it was
    # judged right, so a side one too many passed)
    ("2", "unchecked", ["E049"]), ("1", "right", []), ("1x1x2", "right", []), ("2x2x2", "wrong", ["E040"]),
])
def test_a_number_that_is_a_1x1_outputs_values_or_its_side_is_not_judged(answer: str, verdict: str,
                                                                           codes: list[str]) -> None:
    report = cnncalc.analyze_text("Input volume: 5x5x3\n2 filters of size 11x11 with stride 2 and padding 3\n"
                                  f"Output size: {answer}\n", "hw.txt")
    assert [a.verdict for a in report.answers] == [verdict]
    assert [d.code for d in report.diagnostics if d.severity == "error"] == codes


@pytest.mark.parametrize("layer, answer, verdict", [
    # a transposed convolution of 2 filters 2x2 on 2x2x16, padding 1: (2 - 1)·1 - 2·1 + 2 = 1, a 1x1x2 output.
    # Unpadded it gives (2 - 1)·1 + 2 = 3: a side of 2 is within reach, so `size 2` reads two ways (it was judged
    # right, as the values); 5 filters: `size 5` is beyond 3, the values alone
    ("deconv 2 2x2 pad 1", "size 2", "unchecked"), ("deconv 2 2x2 pad 1", "1x1x2", "right"),
    ("deconv 5 2x2 pad 1", "size 5", "right"), ("deconv 5 2x2 pad 1", "size 4", "wrong"),
])
def test_a_number_a_transposed_convolution_could_give_as_a_side_is_not_judged(layer: str, answer: str,
                                                                             verdict: str) -> None:
    assert verdicts(f"input 2x2x16\nup: {layer} -> {answer}\n") == [("up", "output", verdict, ANY)]


def test_a_number_too_large_to_be_a_side_is_a_1x1_outputs_values() -> None:
    # LeNet's C5: 120 5x5 filters on 5x5x16, (5 - 5)/1 + 1 = 1, a 1x1x120 output; 120 is larger than the 5x5 input,
    # so no side: its values, right; 119 wrong
    for answer, verdict in (("120", "right"), ("119", "wrong")):
        report = cnncalc.analyze_text(f"Input: 5x5x16\nC5: 120 5x5 filters\nOutput: {answer}\n", "hw.txt")
        assert [a.verdict for a in report.answers] == [verdict], report.diagnostics


@pytest.mark.parametrize("description, answer, verdict", [
    # a padding said `same` in Ng's words or in quotes or parentheses: (63 - 7 + 2·3)/1 + 1 = 63. `(same padding)` was
    # dropped as a remark and 63x63x32 marked wrong ("computed 57x57x32"); the others were E060
    ("32 7x7 filters (same padding)", "63x63x32", "right"),
    ("32 7x7 filters, same convolution", "63x63x32", "right"),
    ('32 7x7 filters, stride 1, "same" padding', "63x63x32", "right"),
    ('32 7x7 "same" convolutions', "63x63x32", "right"),
    ("32 7x7 filters (same padding)", "57x57x32", "wrong"),
    # valid: (63 - 7)/1 + 1 = 57
    ("32 7x7 filters (valid padding)", "57x57x32", "right"), ("32 7x7 filters (valid padding)", "63x63x32", "wrong"),
])
def test_a_same_padding_said_in_words_quotes_or_parentheses(description: str, answer: str, verdict: str) -> None:
    report = cnncalc.analyze_text(f"Input: 63x63x16\nCONV1: {description}\nOutput: {answer}\n", "hw.txt")
    assert [a.verdict for a in report.answers] == [verdict], report.diagnostics


@pytest.mark.parametrize("answer, verdict", [("63x63x32", "right"), ("57x57x32", "wrong")])
def test_ngs_same_convolution_told_in_a_sentence(answer: str, verdict: str) -> None:
    # Ng's quiz: a "same" convolution of 7x7 filters at stride 1 keeps 63x63 (pad (7 - 1)/2 = 3). The right answer
    # was marked wrong ("computed 57x57x32"): the quoted "same" before `convolution` was not read.
    text = ('You have an input volume that is 63x63x16, and convolve it with 32 filters that are each 7x7, and stride '
            'of 1. You want to use a "same" convolution. What is the output volume?\nAnswer: {answer}\n')
    report = cnncalc.analyze_text(text.format(answer=answer), "quiz.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict)], report.diagnostics


@pytest.mark.parametrize("rounding, answer, verdict", [
    # a 3x3 pool at stride 2 on 56x56: (56 - 3)/2 + 1 = 27.5, 28 rounded up (Caffe's and PyTorch's ceil_mode), 27
    # down. The rounding said on the layer's line was dropped (a remark) or E060, and the division E030, unjudged.
    ("(ceil mode)", "28x28x16", "right"), (", ceil mode", "28x28x16", "right"), ("(rounded up)", "28x28x16", "right"),
    (", ceil_mode=True", "28x28x16", "right"), ("(ceil mode)", "27x27x16", "wrong"),
    ("(floor)", "27x27x16", "right"), (", rounding down", "28x28x16", "wrong"),
])
def test_a_window_layers_rounding_said_among_its_options(rounding: str, answer: str, verdict: str) -> None:
    report = cnncalc.analyze_text(f"Input: 56x56x16\nPOOL1: 3x3 filters at stride 2{rounding}\nOutput: {answer}\n",
                                  "hw.txt")
    assert [a.verdict for a in report.answers] == [verdict], report.diagnostics
    assert "E030" not in [d.code for d in report.diagnostics]  # the division is rounded as said


@pytest.mark.parametrize("description", [
    # ten 5x5x3 filters at stride 1, pad 2 on 32x32x3: (32 - 5 + 2·2)/1 + 1 = 32, (5·5·3 + 1)·10 = 760. Each was E060
    # and its answers unchecked.
    "10 filters, each of size 5x5, applied with stride 1 and pad 2", "10 filters (F=5, S=1, P=2)",
    "10 filters of spatial extent 5, stride 1, zero-padding 2",
    "ten 5x5 filters with a stride of one and padding of two",
    "10 filters with kernel size 5, stride 1 and padding 2", "10 filters, each 5x5, stride 1, pad 2",
])
def test_more_ways_to_describe_a_convolution(description: str) -> None:
    for answers, verdicts in (("Output: 32x32x10\nParams: 760", ["right", "right"]),
                              ("Output: 28x28x10\nParams: 750", ["wrong", "wrong"])):
        report = cnncalc.analyze_text(f"Input volume: 32x32x3\nCONV1: {description}\n{answers}\n", "hw.txt")
        assert [a.verdict for a in report.answers] == verdicts, report.diagnostics


@pytest.mark.parametrize("answer, verdict", [
    # Ng's quiz: a "same" convolution of 7x7 filters at stride 1 pads (7 - 1)/2 = 3 on each side
    # ((ceil(63/1) - 1)·1 + 7 - 63 = 6 in all). It was E060: the padding was no answer cnncalc judged.
    ("3", "right"), ("6", "wrong"), ("2", "wrong"),
])
def test_ngs_padding_of_a_same_convolution_is_judged(answer: str, verdict: str) -> None:
    text = ('You have an input volume that is 63x63x16, and convolve it with 32 filters that are each 7x7, and stride '
            'of 1. You want to use a "same" convolution. What is the padding?\nAnswer: {answer}\n')
    report = cnncalc.analyze_text(text.format(answer=answer), "quiz.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("padding", verdict)], report.diagnostics


def test_a_padding_answer_in_the_spec_and_the_lecture() -> None:
    # `-> padding N`: the zeros on each side of the window. `pad same` at stride 1 with a 7x7 window pads 3;
    # with a 2x2 window 1 in all, 0 before and 1 after (the odd pixel at the end), so no single number is right;
    # `pad 1,1,2,2` pads 1 on the top and bottom, 2 on the left and right: `1x2`; a pool pads as written; a ReLU has
    # no window, and its padding is not checked.
    report = run("input 63x63x16\nconv 32 7x7 pad same -> 63x63x32 padding 3\nconv 8 2x2 pad same -> padding 0\n"
                 "conv 8 3x3 pad 1,1,2,2 -> padding 1x2\nconv 8 3x3 -> padding 1\n"
                 "maxpool 3x3 stride 2 pad 1 -> padding 1\nrelu -> padding 0\n")
    assert [(a.quantity, a.expected, a.actual, a.verdict) for a in report.answers] == [
        ("output", "63x63x32", "63x63x32", "right"), ("padding", "3", "3", "right"),
        ("padding", "0", "0,1,0,1", "wrong"), ("padding", "1x2", "1x2", "right"), ("padding", "1", "0", "wrong"),
        ("padding", "1", "1", "right"), ("padding", "0", None, "unchecked")]
    uneven = next(a for a in report.answers if a.expected == "0")
    assert uneven.reason == "the padding differs between the sides: 0 and 1 (top and bottom)"
    # the lecture's words, and their slips
    for line, verdict in (("Padding: 3", "right"), ("Zero padding = (7 - 1)/2 = 3", "right"),
                          ("The padding is 3", "right"), ("What is the padding? 3 pixels", "right"),
                          ("Padding: 2", "wrong"), ("Pad: 3x2", "wrong")):
        said = cnncalc.analyze_text(f"Input: 63x63x16\nCONV1: 32 7x7 filters, same padding\n{line}\n", "hw.txt")
        assert [(a.quantity, a.verdict) for a in said.answers] == [("padding", verdict)], line
    # written twice, or not a number of pixels
    assert errors(run("input 8x8x3\nconv 4 3x3 -> padding 1 padding 1\n"))[0][0] == "E012"
    assert errors(run("input 8x8x3\nconv 4 3x3 -> padding 1x1x1\n"))[0][0] == "E013"
    assert errors(run("input 8x8x3\nconv 4 3x3 -> padding lots\n"))[0][0] == "E002"


@pytest.mark.parametrize("stated", ["Global average pooling -> 1x1x64", "Global average pooling: 1x1x64", "GAP: 1x1x64",
                                    "GAP -> 1x1x64", "Global avg pool layer: 1x1x64", "Global max pooling -> 64",
                                    "Global average pooling"])
def test_a_global_pool_stated_without_numbers(stated: str) -> None:
    # a 1x1 convolution to 32x32x64, a global pool to 1x1x64, then FC with (64 + 1)·10 = 650 parameters. The global
    # pool was not read (prose, or E060 "no layer GAP above"), the FC layer's input stayed 32x32x64, and the right
    # 650 was judged wrong ("computed 655,370" = (32·32·64 + 1)·10).
    text = f"Input: 32x32x16\nCONV3: 64 filters 1x1\n{stated}\nFC: 10 neurons -> 10, params 650\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert report.ok, report.diagnostics
    assert [r.keyword for r in report.rows][1] in ("globalavgpool", "globalmaxpool")
    assert [(a.label, a.quantity, a.verdict) for a in report.answers][-2:] == [
        ("fc1", "output", "right"), ("fc1", "params", "right")]
    # and the count without the global pool, (32·32·64 + 1)·10 = 655,370, is now wrong
    wrong = cnncalc.analyze_text(text.replace("params 650", "params 655,370"), "hw.txt")
    assert [(a.label, a.quantity, a.verdict) for a in wrong.answers][-1] == ("fc1", "params", "wrong")


def test_an_unnamed_layer_after_prose_with_its_answers_on_its_line_is_judged() -> None:
    # `FC: 10 neurons -> 10, params 650` after a line of prose was taken for an illustration ("a layer without a
    # name and nothing after it", N060) and its answers passed over. Here FC sees 32x32x64: (32·32·64 + 1)·10 =
    # 655,370, so 650 is wrong, and said so.
    text = "Input: 32x32x16\nCONV3: 64 filters 1x1\nNow we classify.\nFC: 10 neurons -> 10, params 650\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right"), ("params", "wrong")]


def test_a_table_with_an_input_column() -> None:
    # `| Layer | Input | … |`: the column was E060 and the table had no input (E024, every answer unchecked). The first
    # row's input is the network's: 32x32x3. Conv1 (32 - 5 + 2·2)/1 + 1 = 32, (5·5·3 + 1)·16 = 1,216; Pool1 receives
    # 32x32x16 and gives 16x16x16; Conv2 receives 16x16x16, (3·3·16 + 1)·32 = 4,640; FC receives 16x16x32, the
    # 16·16·32 = 8,192 values it flattens, (8,192 + 1)·10 = 81,930
    table = ("| Layer | Input | Kernel | Stride | Padding | # Filters | Output | Params |\n"
             "|---|---|---|---|---|---|---|---|\n"
             "| Conv1 | 32x32x3 | 5x5 | 1 | 2 | 16 | 32x32x16 | 1,216 |\n"
             "| Pool1 | 32x32x16 | 2x2 | 2 | 0 | - | 16x16x16 | 0 |\n"
             "| Conv2 | 16x16x16 | 3x3 | 1 | 1 | 32 | 16x16x32 | 4,640 |\n"
             "| FC | {fc} | - | - | - | 10 | 10 | 81,930 |\n")
    report = cnncalc.analyze_text(table.format(fc="8192"), "hw.md")
    assert report.ok, report.diagnostics
    assert report.input is not None and report.input.dims == (32, 32, 3)
    assert [(a.label, a.quantity, a.verdict) for a in report.answers if a.quantity == "input"] == [
        ("pool1", "input", "right"), ("conv2", "input", "right"), ("fc1", "input", "right")]
    for wrong in ("8190", "16x16x16"):
        slipped = cnncalc.analyze_text(table.format(fc=wrong), "hw.md")
        assert [(a.quantity, a.verdict) for a in slipped.answers if a.label == "fc1"] == [
            ("output", "right"), ("params", "right"), ("input", "wrong")]
    # the spec's `-> input HxWxC`
    spec = run("input 8x8x3\nconv 4 3x3 -> input 8x8x3\nmaxpool 2x2 -> input 6x6x4\nconv 2 1x1 -> input 6x6x4\n")
    assert [(a.quantity, a.verdict) for a in spec.answers] == [("input", "right"), ("input", "right"),
                                                                ("input", "wrong")]  # (6 - 2)/2 + 1 = 3: 3x3x4


def test_a_listing_of_named_layers_with_arrows_is_the_lecture_notation() -> None:
    # `DW1: 3x3 depthwise conv, … -> 112x112x32, params 288` was read as the spec language (its arrows counted for
    # it; E002 on every line). A layer's name then a number is never the spec's (its keyword stands there). 3·3·32 =
    # 288 depthwise weights without bias; 1·1·32·64 = 2,048; (3·3 + 1)·64 = 640 with biases.
    text = ("Input: 112x112x32\nDW1: 3x3 depthwise conv, stride 1, pad 1, no bias -> 112x112x32, params 288\n"
            "PW1: 64 1x1 filters, no bias -> 112x112x64, params 2,048\n"
            "DW2: 3x3 depthwise, stride 1, pad 1 -> 112x112x64, params 640\n"
            "Depthwise separable conv: 3x3 depthwise + 128 1x1 filters -> 112x112x128\n"
            "PW3: 10 1x1 filters -> 112x112x10, params 1,290\n")
    report = cnncalc.analyze_text(text, "hw.txt")  # the notation told from the text
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == [
        ("dw1", "output", "right"), ("dw1", "params", "right"), ("pw1", "output", "right"),
        ("pw1", "params", "right"), ("dw2", "output", "right"), ("dw2", "params", "right"),
        # the line cnncalc cannot read is a layer, unknown: the answers after it are not checked (PW3 would see
        # 112x112x64 without it, and (64 + 1)·10 = 650 would judge a right 1,290 wrong)
        ("pw3", "output", "unchecked"), ("pw3", "params", "unchecked")]
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 5)]


def test_a_named_layers_output_among_other_words_is_never_prose() -> None:
    # `Outputs: CONV1: 32x32x10, POOL1: 16x16x10` was skipped as prose (N060), its answers passed over unjudged; then
    # E060 (not read); now each named layer's answer is judged: (32 - 5 + 4)/1 + 1 = 32, a 2x2 pool halves it to 16,
    # so POOL1's 15x15x10 is wrong (E040) and CONV1's right
    text = ("Input volume: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nPOOL1: 2x2 max pool, stride 2\n"
            "Outputs: CONV1: 32x32x10, POOL1: 15x15x10\n")
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E040", 4)]
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "right"), ("pool1", "wrong")]


@pytest.mark.parametrize("question, verdict", [
    # AlexNet's CONV1: (227 - 11)/4 + 1 = 55, 96 filters: 55x55x96. `What is the output depth? 96` was judged as the
    # whole volume and marked wrong ("expected 96, computed 55x55x96"); the `… of the output volume` forms were E060.
    ("What is the output depth? 96", "right"), ("What is the output depth? 95", "wrong"),
    ("What's the output width? 55", "right"), ("What is the depth of the output volume? 96", "right"),
    ("What is the width of the output? 55", "right"), ("What is the height of the output volume? 54", "wrong"),
])
def test_one_side_of_the_output_asked(question: str, verdict: str) -> None:
    report = cnncalc.analyze_text(f"Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n{question}\n",
                                  "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [
        ("depth" if "depth" in question else "width" if "width" in question else "height", verdict)], \
        report.diagnostics


@pytest.mark.parametrize("said, verdict", [
    # AlexNet's CONV1 gives 55x55x96 ((227 - 11)/4 + 1 = 55). Each was prose (N060), a wrong one passed over.
    ("Solution: 55x55x96", "right"), ("Solution: 56x56x96", "wrong"), ("Solution: the output is 55x55x96", "right"),
    ("The layer produces a 55x55x96 output", "right"), ("This layer produces a 56x56x96 output volume", "wrong"),
    ("It gives a 55x55x96 output", "right"),
])
def test_more_ways_to_say_an_output(said: str, verdict: str) -> None:
    report = cnncalc.analyze_text(f"Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n{said}\n",
                                  "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict)], report.diagnostics


@pytest.mark.parametrize("line, verdict", [
    # the network's one layer of a kind, named by the kind: FC1 sees 32x32x10, (32·32·10 + 1)·10 = 102,410; CONV1
    # (5·5·3 + 1)·10 = 760. They were E060 ("cannot tell what this answer is about", "about a `pooling` layer, and
    # the layer above is FC1").
    ("The FC layer has 102,410 parameters", "right"), ("The FC layer has 25,610 parameters", "wrong"),
    ("The conv layer has 760 parameters.", "right"), ("How many parameters does the conv layer have? 750", "wrong"),
])
def test_the_one_layer_of_a_kind_named_by_its_kind(line: str, verdict: str) -> None:
    head = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nFC1: 10 neurons\n"
    report = cnncalc.analyze_text(f"{head}{line}\n", "hw.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("params", verdict)], report.diagnostics
    # a kind the network does not have, or has twice, is not said: E060, no verdict
    for network, other in ((head, "The pooling layer has 0 parameters"),
                           (head.replace("FC1", "CONV2: 4 1x1 filters\nFC1"), "The conv layer has 760 params.")):
        report = cnncalc.analyze_text(f"{network}{other}\n", "hw.txt")
        assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E060"] and \
            report.answers == (), other


def test_a_named_line_whose_description_is_cut_short_then_an_output_is_an_error_not_a_crash() -> None:
    # `CONV0 = ) -> 32x32x10`: the reader's tokens were cut while it tried the forms, and the unknown layer's line
    # looked for its arrow there (StopIteration, found by the fuzzer at seed 33,859,200)
    report = cnncalc.analyze_text("Input: 32x32x3\nCONV1: 10 5x5 filters\nCONV0 = ) -> 32x32x10\n", "hw.txt",
                                  lang="lecture")
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 3)]


@pytest.mark.parametrize("line, verdict", [
    # the lecture's letters, then a question and its answer on the line: (32 - 5 + 2·2)/1 + 1 = 32 with K = 10 filters,
    # (5·5·3 + 1)·10 = 760 parameters; (7 - 3)/2 + 1 = 3. They were E060.
    ("Input 32x32x3, conv layer with K=10, F=5, S=1, P=2. How many parameters? 760", "right"),
    ("Input 32x32x3, conv layer with K=10, F=5, S=1, P=2. How many parameters? 750", "wrong"),
    ("Input 32x32x3, conv layer with K=10, F=5, S=1, P=2. What is the output volume? 32x32x10", "right"),
    ("N = 7, F = 3, S = 2. What is the output size? 3", "right"),
    ("N = 7, F = 3, S = 2. What is the output size? 2", "wrong"),
])
def test_the_letters_then_a_question_on_the_line(line: str, verdict: str) -> None:
    report = cnncalc.analyze_text(line + "\n", "hw.txt")
    assert [a.verdict for a in report.answers] == [verdict], report.diagnostics


@pytest.mark.parametrize("description, verdict", [
    # a pair written as PyTorch writes it: on 32x65x3, 5x3 filters at stride 1 and 2, pad 2 and 1: (32 - 5 + 2·2)/1
    # + 1 = 32 and (65 - 3 + 2·1)/2 + 1 = 33; (5·3·3 + 1)·10 = 460. `stride (1, 2)` was E060.
    ("10 filters of size 5x3, stride (1, 2), padding (2, 1)", "right"),
    ("10 5x3 filters, stride (1,2), pad (2,1)", "right"),
    ("10 5x3 filters, stride (1, 2), pad (2, 2)", "wrong"),  # (65 - 3 + 2·2)/2 + 1 = 34
])
def test_an_option_written_as_a_pair(description: str, verdict: str) -> None:
    report = cnncalc.analyze_text(f"Input: 32x65x3\nCONV1: {description}\nOutput: 32x33x10\n", "hw.txt")
    assert [a.verdict for a in report.answers] == [verdict], report.diagnostics


@pytest.mark.parametrize("text, name, expected", [
    # each way this session's forms can fail: its code, line:col and words, never a verdict
    ("Input volume: 5x5x3\n2 filters of size 11x11 with stride 2 and padding 3\nOutput size: 2\n", "hw.txt",
     ("E049", 3, 14, "conv1: `2` may be the output's 2 values (right) or its side (wrong: the output is 1x1), so it "
                     "is not judged")),
    ("Input: 63x63x16\nCONV1: 32 7x7 filters, same padding\nPadding: 3x2x1\n", "hw.txt",
     ("E060", 3, 10, "`3x2x1` is not a padding")),
    ("Input: 63x63x16\nCONV1: 32 7x7 filters, same padding\nReceptive field: 0x7\n", "hw.txt",
     ("E060", 3, 18, "`0x7` is not a receptive field")),
    ("input 8x8x3\nconv 4 3x3 -> padding 1x1x1\n", "a.spec",
     ("E013", 2, 23, "`padding 1x1x1`: a padding is `HxW` or `N`")),
    ("input 8x8x3\nconv 4 3x3 -> padding lots\n", "a.spec",
     ("E002", 2, 23, "expected the padding after `padding`, as in `padding 3` or `padding 1x2`, found `lots`")),
    ("input 8x8x3\nconv 4 3x3 -> input 8x8x3 input 8x8x3\n", "a.spec", ("E012", 2, 27, "`input` is given twice")),
    ("input 8x8x3\nconv 4 3x3 -> input big\n", "a.spec",
     ("E002", 2, 21, "expected the volume the line receives after `input`, as in `input 16x16x16`, found `big`")),
    ("input 8x8x3 -> input 8x8x3\nconv 4 3x3\n", "a.spec",
     ("E002", 1, 22, "an input's answers are counts (`memory 3072`, `params 0`): its shape is the one given")),
    ("Input 32x32x3, max pooling with K=10, F=5, S=1.\nOutput: 28x28x3\n", "hw.txt",
     ("E060", 1, 35, "a pool has no filters: K is a convolution's")),
])
def test_the_new_forms_fail_at_their_place_in_their_words(text: str, name: str,
                                                          expected: tuple[str, int, int, str]) -> None:
    report = cnncalc.analyze_text(text, name)
    assert expected in [(d.code, d.line, d.column, d.message) for d in report.diagnostics], report.diagnostics
    assert not report.ok  # an error: `check` exits 1


def test_a_told_layers_name_is_the_one_its_questions_ask_about() -> None:
    # (227 - 11)/4 + 1 = 55; (11·11·3 + 1)·96 = 34,944. The told layer had no name: "no layer CONV1 above" (E060).
    told = "The input is 227x227x3. CONV1 has 96 filters of size 11x11 at stride 4 with no padding.\n"
    for answer, verdict in (("34,944", "right"), ("34,848", "wrong")):
        report = homework(told + f"How many parameters does CONV1 have?\n{answer}\n")
        assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [("conv1", "params", verdict)]


@pytest.mark.parametrize("statement", ["POOL1 is a 3x3 max pool with stride 2", "POOL1: a 3x3 max pool with stride 2",
                                       "POOL1 is a max pool of size 3x3 with stride 2."])
def test_a_pool_stated_after_is_a(statement: str) -> None:
    # (55 - 3)/2 + 1 = 27 (each was E060, "expected the window size", and the answer under it not checked)
    for answer, verdict in (("27x27x96", "right"), ("26x26x96", "wrong")):
        report = homework(f"Input: 55x55x96\n{statement}\nOutput: {answer}\n")
        assert [(a.path, a.verdict) for a in report.answers] == [("pool1", verdict)], statement


@pytest.mark.parametrize(("question", "answer", "judged"), [
    # a question after the layer's statement, answered on the line below (the statement was E060: the layer
    # unknown, the answer not checked); a 3x3 max pool at stride 2 on 55x55x96: 27x27x96, no parameters
    ("What is its output?", "27x27x96", ("output", "right")),
    ("What is its output?", "26x26x96", ("output", "wrong")),
    ("What is the output volume?", "Output = 26 x 26 x 96", ("output", "wrong")),
    ("How many parameters does it have?", "0", ("params", "right")),
    ("How many parameters does it have?", "1", ("params", "wrong")),
])
def test_a_question_after_a_layers_statement_is_answered_below(question: str, answer: str,
                                                               judged: tuple[str, str]) -> None:
    report = homework(f"Input: 55x55x96\nPOOL1 is a 3x3 max pool with stride 2. {question}\n{answer}\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [("pool1", *judged)]
    assert not [d for d in report.diagnostics if d.severity == "error" and d.code != "E040" and d.code != "E041"]


@pytest.mark.parametrize(("question", "judged"), [
    # the answer after the question's `?` on the statement's line (E060, "does not understand `What is …`", the
    # layer unknown): judged, and the layer stays for the lines below (FC 10 on 27·27·96 values: output 10)
    ("What is its output? 26x26x96", [("pool1", "wrong"), ("fc1", "right")]),
    ("How many parameters does it have? 0", [("pool1", "right"), ("fc1", "right")]),
    ("What is its output? lots", [("fc1", "right")]),  # E060 for the answer; the pool stays
])
def test_a_question_after_a_layers_statement_answered_on_its_line(question: str,
                                                                  judged: list[tuple[str, str]]) -> None:
    report = homework(f"Input: 55x55x96\nPOOL1 is a 3x3 max pool with stride 2. {question}\nFC: 10 neurons -> 10\n")
    assert [(a.path, a.verdict) for a in report.answers] == judged
    assert [d.code for d in report.diagnostics if d.severity == "error"] == [
        "E040" if "26x26" in question else "E060"] * (judged[0][1] != "right" or len(judged) == 1)


def test_an_answer_after_a_statements_question_that_cannot_be_read_is_e060_at_the_question() -> None:
    report = homework("Input: 55x55x96\nPOOL1 is a 3x3 max pool with stride 2. What is its output? lots\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 2, 40, "cnncalc cannot tell what this answer is about, so it is not judged")]


def test_its_output_asked_with_the_answer_after_the_question_mark() -> None:
    for answer, verdict in (("27x27x96", "right"), ("26x26x96", "wrong")):
        report = homework(f"Input: 55x55x96\nPOOL1: 3x3 max pool with stride 2\nWhat is its output? {answer}\n")
        assert [(a.path, a.verdict) for a in report.answers] == [("pool1", verdict)]


@pytest.mark.parametrize(("row", "judged"), [
    # a table's FC named with its width (the VGG paper's `FC-4096`): 4095 was judged against an FC as wide as the
    # answer itself, and passed
    ("| FC 4096 | 4095 | |", [("output", "wrong")]),
    ("| FC-4096 | 4096 | |", [("output", "right")]),  # (was E060: not a layer of the notes' breakdown)
    ("| FC1000 | 999 | |", [("output", "wrong")]),
    # Keras' names: Dense 10 on 8·8·4 = 256 values, (256 + 1)·10 = 2,570 parameters; Flatten keeps its 256
    ("| Dense 10 | (10,) | 2,570 |", [("output", "right"), ("params", "right")]),
    ("| Dense 10 | (10,) | 2,560 |", [("output", "right"), ("params", "wrong")]),
    ("| Flatten | 255 | 0 |", [("output", "wrong"), ("params", "right")]),
    ("| Dropout | 8x8x4 | 0 |", [("output", "right"), ("params", "right")]),
    # Ng's `FC3` numbers the layer: as wide as its output
    ("| FC3 | (120, 1) | |", [("output", "right")]),
])
def test_a_tables_fc_named_with_its_width_and_keras_names(row: str, judged: list[tuple[str, str]]) -> None:
    report = cnncalc.analyze_text(f"| Layer | Output | Params |\n|---|---|---|\n| Input | 8x8x4 | |\n{row}\n", "hw.md")
    assert [(a.quantity, a.verdict) for a in report.answers] == judged


def test_a_tables_fc_with_a_small_number_apart_is_e060_unless_its_output_agrees() -> None:
    # `FC 6` may be AlexNet's sixth layer or an FC 6 wide: with an output of 4096, either guess marks someone wrong
    report = cnncalc.analyze_text("| Layer | Output |\n|---|---|\n| Input | 8x8x4 |\n| FC 6 | 4096 |\n", "hw.md")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 4, 6, "`FC 6`: cnncalc cannot tell whether 6 is the layer's width or its number")]
    assert [a.verdict for a in report.answers] == ["unchecked"]
    agreed = cnncalc.analyze_text("| Layer | Output |\n|---|---|\n| Input | 8x8x4 |\n| FC 10 | 10 |\n", "hw.md")
    assert [a.verdict for a in agreed.answers] == ["right"]


@pytest.mark.parametrize(("line", "verdicts"), [
    # an FC stated with its width, then its answers after an arrow (each was E060, "no layer FC 4096 above"):
    # on 8·8·4 = 256 values, (256 + 1)·10 = 2,570 parameters
    ("FC 4096 -> 4095", ["wrong"]), ("FC 4096 -> 4096", ["right"]), ("Dense 10 -> 10, params 2570", ["right", "right"]),
    ("Dense 10 -> 10, params 2560", ["right", "wrong"]),
    # one or two digits the output does not agree with: the layer's number or its width? Still E060, unjudged
    ("FC 6 -> 4096", []), ("Dense 10 -> 11", []),
])
def test_an_fc_stated_with_its_width_then_its_answers(line: str, verdicts: list[str]) -> None:
    report = homework(f"Input: 8x8x4\n{line}\n")
    assert [a.verdict for a in report.answers] == verdicts
    if not verdicts:
        name = line.split(" ->")[0].upper()
        assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
            ("E060", 2, 1, f"no layer {name} above to give this answer to")]


def test_an_fc_width_beyond_the_limits_is_e060_said_short() -> None:
    # a width of 5,000 digits in a table's name: refused before any arithmetic, and not repeated whole
    report = cnncalc.analyze_text("| Layer | Output |\n|---|---|\n| Input | 8x8x4 |\n| FC " + "9" * 5000 + " | 10 |\n",
                                  "hw.md")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 4, 6, "`" + "9" * 37 + "...` is too large")]
    assert [a.verdict for a in report.answers] == ["unchecked"]


@pytest.mark.parametrize(("question", "verdict"), [
    # a 3x3 max pool at stride 2 on 55x55x96 gives 27x27x96; asked by a noun for the output alone, the answer after
    # the `?` was E060 ("cannot tell what this answer is about"), or prose (`dims`: a wrong answer passed)
    ("What are its dimensions? 27x27x96", "right"), ("What are the dimensions? 26x26x96", "wrong"),
    ("What is the shape? 27x27x96", "right"), ("What are the dims? 26x26x96", "wrong"),
    ("What is the size? 26x26x96", "wrong"),
])
def test_the_output_asked_by_a_noun_of_its_own(question: str, verdict: str) -> None:
    report = homework(f"Input: 55x55x96\nPOOL1: 3x3 max pool with stride 2\n{question}\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [("pool1", "output", verdict)]
    below = homework(f"Input: 55x55x96\nPOOL1: 3x3 max pool with stride 2\n{question.replace('? ', '?' + chr(10))}\n")
    assert [(a.path, a.verdict) for a in below.answers] == [("pool1", verdict)]
    # the input's size asked is not the output's
    other = homework("Input: 55x55x96\nPOOL1: 3x3 max pool with stride 2\nWhat is the size of the input? 55x55x96\n")
    assert other.answers == () and [d.code for d in other.diagnostics] == ["E060"]


@pytest.mark.parametrize(("line", "judged"), [
    # an unnamed layer's statement then a question: the line was prose (or E060 with an answer), the layer vanished,
    # and the FC below was judged on 54·54·96 values. With the 2x2 pool, (27·27·96 + 1)·10 = 699,850 parameters.
    ("Max pool 2x2, stride 2. What is its output?", [("fc1", "params", "right")]),
    ("Max pool 2x2, stride 2. What is its output? 26x26x96", [("maxpool1", "output", "wrong"),
                                                              ("fc1", "params", "right")]),
    # ten 5x5 filters on 96 channels: (5·5·96 + 1)·10 = 24,010; FC on 54·54·10 values, pad 2 keeping 54: 291,610
    ("10 5x5 filters, pad 2. How many parameters? 24,010", [("conv1", "params", "right"), ("fc1", "params", "right")]),
])
def test_an_unnamed_layers_statement_then_a_question(line: str, judged: list[tuple[str, str, str]]) -> None:
    params = 699_850 if "pool" in line else 291_610
    report = homework(f"Input: 54x54x96\n{line}\nFC: 10 neurons, params {params}\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged


# a convolution of 6 5x5 filters on a 32x32 input: (5·5·3 + 1)·6 = 456 parameters on three channels,
# (5·5·1 + 1)·6 = 156 on one
@pytest.mark.parametrize(("line", "depth"), [
    ("Input: 32x32x3 image.", 3),  # a sentence's full stop: the line was prose, the layers below had no input
    ("Input: 32x32x3.", 3),
    ("Input: a 32x32x3 image", 3),
    ("The input is a 32x32x3 image.", 3),
    ("Input: 32x32 RGB image", 3),  # the depth said in words
    ("Input: 32x32 colour image.", 3),
    ("Input: 32x32 grayscale image", 1),
    ("Input: 32x32x1 grayscale.", 1),
])
def test_an_input_said_as_a_sentence_or_with_its_depth_in_words(line: str, depth: int) -> None:
    for params, verdict in ((456, "right" if depth == 3 else "wrong"), (156, "right" if depth == 1 else "wrong")):
        report = homework(f"{line}\nCONV1: 6 filters of size 5x5, stride 1, no padding.\nParams: {params}\n")
        assert report.input is not None and report.input.dims == (32, 32, depth)
        assert [(a.quantity, a.verdict) for a in report.answers] == [("params", verdict)]


@pytest.mark.parametrize(("line", "message"), [
    ("Input: 32x32 image", "the input 32x32 does not say its depth"),
    ("Input: 32x32.", "the input 32x32 does not say its depth"),
    ("Input: 32x32x3 grayscale", "the input 32x32x3 has 3 channels, but the line calls it a one-channel image"),
    ("Input: 32x32x1 RGB image.", "the input 32x32x1 has 1 channel, but the line calls it a colour image"),
])
def test_an_input_whose_depth_is_unsaid_or_said_twice_differently_is_an_error(line: str, message: str) -> None:
    # Neither guessed (a depth of 1 would mark (5·5·3 + 1)·6 = 456 wrong on a colour image) nor prose.
    report = homework(f"{line}\nCONV1: 6 filters of size 5x5, stride 1, no padding.\nParams: 456\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.code == "E060"] == [
        ("E060", 1, 8, message)]
    assert [a.verdict for a in report.answers] == ["unchecked"]


# a 2x2 max pool at stride 2 on 28x28x6: (28 - 2)/2 + 1 = 14, a 14x14x6 output and no parameters
@pytest.mark.parametrize(("line", "counts"), [
    ("Output: 14x14x6 (1 parameter)", [("params", "1", "wrong")]),  # the singular: dropped, a wrong count passed
    ("Output: 14x14x6, 1 parameter", [("params", "1", "wrong")]),
    ("Output: 14x14x6 (1 weight)", [("weights", "1", "wrong")]),
    ("Output: 14x14x6 (1 bias)", [("biases", "1", "wrong")]),
    ("Output: 14x14x6 (no parameters)", [("params", "0", "right")]),  # was dropped as a remark of words
    ("Output: 14x14x6 (no params, no MACs)", [("params", "0", "right"), ("macs", "0", "right")]),
    ("Output: 14x14x6, no weights and no biases", [("weights", "0", "right"), ("biases", "0", "right")]),
])
def test_counts_in_the_singular_or_said_none_after_an_output(line: str, counts: list[tuple[str, str, str]]) -> None:
    report = homework(f"Input: 28x28x6\nPOOL1: max pooling 2x2, stride 2.\n{line}\n")
    assert sorted((a.quantity, a.expected, a.verdict) for a in report.answers) == sorted(
        [("output", "14x14x6", "right"), *counts])


def test_none_said_of_a_layer_with_parameters_is_wrong() -> None:
    # five 1x1 filters on six channels: (1·1·6 + 1)·5 = 35 parameters, not none
    for line, said in (("Output: 28x28x5 (no parameters)", "0"), ("Params: 1 parameter", "1")):
        report = homework(f"Input: 28x28x6\nCONV1: 5 1x1 filters\n{line}\n")
        assert [(a.quantity, a.expected, a.verdict) for a in report.answers if a.quantity == "params"] == [
            ("params", said, "wrong")]


# LeNet-5 on a 32x32x1 input, each answer's arithmetic: C1 (32 - 5)/1 + 1 = 28, (5·5·1 + 1)·6 = 156; S2 28/2 = 14;
# C3 (14 - 5) + 1 = 10, (5·5·6 + 1)·16 = 2,416; S4 10/2 = 5; 5·5·16 = 400 values; F5 (400 + 1)·120 = 48,120;
# F6 (120 + 1)·84 = 10,164; (84 + 1)·10 = 850; in all 156 + 2,416 + 48,120 + 10,164 + 850 = 61,706
LENET_SHEET = """LeNet-5 homework

Input: 32x32x1 image.
C1: conv, 6 filters 5x5, stride 1 -> 28x28x6, params = 156
S2: avg pool 2x2, stride 2 -> 14x14x6
C3: conv, 16 filters 5x5 -> 10x10x16, params = 2416
S4: avg pool 2x2, stride 2 -> 5x5x16
Flatten -> 400
F5: fully connected, 120 neurons -> 120, params = 48120
F6: fully connected, 84 neurons -> 84, params = 10164
Output layer: 10 neurons (softmax) -> 10, params = 850
Total: 61706 parameters
"""


def test_a_sheet_of_layers_described_in_words_with_arrows_is_the_lecture_notation() -> None:
    # Its arrows outnumbered its lecture lines, so it was read as the spec language: 13 errors, no verdict.
    from cnncalc.notations import detect
    assert detect(LENET_SHEET, "sheet.txt") == "lecture"
    assert detect("input 8x8x3\nc: conv 4 3x3 -> filter params 28\n", "sheet.txt") == "spec"  # the spec's own words
    report = cnncalc.analyze_text(LENET_SHEET, "sheet.txt")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == []
    assert [(a.label, a.quantity, a.expected) for a in report.answers if a.verdict == "right"] == [
        ("c1", "output", "28x28x6"), ("c1", "params", "156"), ("s2", "output", "14x14x6"), ("c3", "output", "10x10x16"),
        ("c3", "params", "2416"), ("s4", "output", "5x5x16"), ("flatten1", "output", "400"), ("f5", "output", "120"),
        ("f5", "params", "48120"), ("f6", "output", "84"), ("f6", "params", "10164"), ("output", "output", "10"),
        ("output", "params", "850"), ("", "total params", "61706")]
    wrong = cnncalc.analyze_text(LENET_SHEET.replace("2416", "2417").replace("5x5x16\n", "5x5x15\n"), "sheet.txt")
    assert [(a.label, a.expected) for a in wrong.answers if a.verdict == "wrong"] == [("c3", "2417"), ("s4", "5x5x15")]


@pytest.mark.parametrize("statement", ["C1: conv, 6 filters 5x5", "C1: conv layer, 6 5x5 filters",
                                       "C1: conv - 6 filters 5x5", "C1: convolution, 6 filters of 5x5",
                                       "C1: conv with 6 filters 5x5",
                                       "C1: convolutional layer with 6 filters of size 5x5"])
def test_a_convolutions_kind_word_before_its_filters(statement: str) -> None:
    # was E060 "expected the number of filters": (5·5·1 + 1)·6 = 156 parameters
    report = homework(f"Input: 32x32x1\n{statement} -> 28x28x6, params = 157\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right"), ("params", "wrong")]


@pytest.mark.parametrize(("sentence", "answers"), [
    # a 2x2 max pool at stride 2 on 56x56x64: (56 - 2)/2 + 1 = 28, no parameters; the layer told before its input
    # was prose, and the answers below went to the problem above ("answers again")
    ("Q2. A 2x2 max pool with stride 2 is applied to a 56x56x64 volume.\na) Output size? 28x28x64\nb) Parameters? 0",
     [("output", "28x28x64"), ("params", "0")]),
    ("32 5x5 filters, stride 1, pad 2, are applied to a 32x32x3 volume.\nParameters: 2432",  # (5·5·3 + 1)·32
     [("params", "2432")]),
    # ten outputs on 7·7·512 = 25,088 values: 25,088·10 + 10 = 250,890 parameters (was E060: `FC` and `outputs`)
    ("Q3. An FC layer with 10 outputs on a 7x7x512 input.\nParameters: 7*7*512*10 + 10 = 250890",
     [("params", "250890")]),
])
def test_a_problem_told_with_its_layer_before_its_input(sentence: str, answers: list[tuple[str, str]]) -> None:
    report = homework(sentence + "\n")
    assert [(a.quantity, a.expected, a.verdict) for a in report.answers] == [(q, e, "right") for q, e in answers]
    quantity, expected = answers[-1]
    wrong = homework(sentence.replace(expected, str(int(expected) + 1) if expected.isdigit() else "28x28x65") + "\n")
    assert [a.verdict for a in wrong.answers if a.quantity == quantity] == ["wrong"]


def test_the_output_volume_of_a_told_problem_is_not_its_input() -> None:
    # `volume` after a volume names the input only before the sentence speaks of the output
    report = homework("A 2x2 max pool with stride 2 on 56x56x64, the output is a 28x28x64 volume.\n")
    assert report.answers == () and report.input is None
    # a layer, then what it gives: its output, which no input lets cnncalc check (E024 says so)
    report = homework("A 2x2 max pool with stride 2 gives a 28x28x64 volume.\n")
    assert report.input is None and [(a.quantity, a.expected, a.verdict) for a in report.answers] == [
        ("output", "28x28x64", "unchecked")]
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E024"]


# VGG-16's first block, as the paper's Table 1 names its layers: (3·3·3 + 1)·64 = 1,792, (3·3·64 + 1)·64 = 36,928,
# a 2x2 max pool at stride 2 halving 224 to 112, (3·3·64 + 1)·128 = 73,856, (3·3·128 + 1)·128 = 147,584, then 56
VGG_BLOCKS = """| Layer | Output | Params |
|---|---|---|
| input | 224x224x3 | 0 |
| conv3-64 | 224x224x64 | 1,792 |
| conv3-64 | 224x224x64 | 36,928 |
| {pool} | 112x112x64 | 0 |
| conv3-128 | 112x112x128 | 73,856 |
| conv3-128 | 112x112x128 | 147,584 |
| {pool} | {last} | 0 |
"""


@pytest.mark.parametrize("pool", ["maxpool (f=2, s=2)", "POOL2", "maxpool"])
def test_a_breakdown_tables_pool_with_its_window(pool: str) -> None:
    # (`maxpool` alone is the VGG paper's 2x2 pool at stride 2 in a table that writes the paper's `conv3-64`, as on
    # such a sheet's lines)
    right = homework(VGG_BLOCKS.format(pool=pool, last="56x56x128"))
    assert [a.verdict for a in right.answers] == ["right"] * 13
    wrong = homework(VGG_BLOCKS.format(pool=pool, last="55x55x128"))
    assert [(a.expected, a.verdict) for a in wrong.answers if a.verdict != "right"] == [("55x55x128", "wrong")]


@pytest.mark.parametrize(("pool", "shown"), [("maxpool", "MAXPOOL"), ("pool", "POOL"), ("POOL1", "POOL1")])
def test_a_breakdown_tables_pool_without_its_window_says_how_to_give_it(pool: str, shown: str) -> None:
    # The VGG paper's `maxpool` is 2x2 at stride 2, AlexNet's 3x3: the name alone does not say which, so it is
    # not guessed (was "not a layer of the notes' breakdown", with no way out for a table); in a table that does not
    # write the paper's names (`conv3-64`), `maxpool` too
    report = homework(VGG_BLOCKS.replace("conv3-64", "CONV1: 64 3x3 filters, pad 1").replace(
        "conv3-128", "CONV2: 128 3x3 filters, pad 1").format(pool=pool, last="56x56x128"))
    assert next((d.code, d.line, d.column, d.message) for d in report.diagnostics if d.code == "E060") == (
        "E060", 6, 3, f"`{shown}` does not say its window (the notes' POOL2 is a 2x2 pool at stride 2): give it, as "
                      f"in `{shown} (f=2, s=2)` or `{shown}: 3x3 filters at stride 2`")


# The deeplearning.ai course's table as its lecture shows it: the layers' column without a header, `Input:` with a
# colon. Eight 5x5 filters on 3 channels: (5·5·3 + 1)·8 = 608; sixteen on 8: (5·5·8 + 1)·16 = 3,216; FC3 on
# 5·5·16 = 400 values: 401·120 = 48,120; FC4 121·84 = 10,164; the softmax's layer 85·10 = 850; each activation
# size the product of its shape (28·28·8 = 6,272)
NG_SLIDE_TABLE = """|                  | Activation shape | Activation Size | # parameters |
|------------------|------------------|-----------------|--------------|
| Input:           | (32,32,3)        | 3,072           | 0            |
| CONV1 (f=5, s=1) | (28,28,8)        | 6,272           | 608          |
| POOL1 (f=2, s=2) | (14,14,8)        | 1,568           | 0            |
| CONV2 (f=5, s=1) | (10,10,16)       | 1,600           | 3,216        |
| POOL2            | (5,5,16)         | 400             | 0            |
| FC3              | (120,1)          | 120             | 48,120       |
| FC4              | (84,1)           | 84              | 10,164       |
| Softmax          | (10,1)           | 10              | 850          |
"""
NG_SLIDE_ALIGNED = "\n".join("  ".join(cell.strip().ljust(18) for cell in line.strip("|").split("|")).rstrip()
                       for line in NG_SLIDE_TABLE.splitlines() if "---" not in line) + "\n"


@pytest.mark.parametrize("table", [NG_SLIDE_TABLE, NG_SLIDE_ALIGNED])
def test_a_table_whose_layers_column_has_no_header(table: str) -> None:
    # was prose from top to bottom ("the network has no input line"): 23 answers never judged
    report = cnncalc.analyze_text(table, "sheet.txt")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == []
    assert len(report.answers) == 23 and {a.verdict for a in report.answers} == {"right"}
    wrong = cnncalc.analyze_text(table.replace("3,216", "3,217").replace("(5,5,16)", "(5,5,15)"), "sheet.txt")
    assert [(a.label, a.quantity, a.expected) for a in wrong.answers if a.verdict == "wrong"] == [
        ("conv2", "params", "3,217"), ("maxpool1", "output", "5x5x15")]


def test_an_indented_line_of_unknown_columns_is_no_table() -> None:
    report = homework("Input: 32x32x3\n      Output shape    whatever\nCONV1: 8 5x5 filters\nParams: 608\n")
    assert [(d.code, a) for d in report.diagnostics for a in [d.severity] if a == "error"] == []
    assert [(a.quantity, a.verdict) for a in report.answers] == [("params", "right")]


@pytest.mark.parametrize(("line", "verdict"), [
    ("[32x32x16] RELU1", "right"), ("[32x32x16] ReLU layer", "right"), ("[32x32x16] Batch norm", "right"),
    ("[32x32x17] RELU1", "wrong"),  # a ReLU keeps its input's 32x32x16
    ("[1x1x16] GAP", "right"),
])
def test_a_listing_line_whose_name_says_a_layer_without_numbers_needs_no_colon(line: str, verdict: str) -> None:
    # The CS231n notes' `[32x32x12] RELU`: "expected `NAME: description`", the layer unknown and the answers after
    # it unchecked. 16 3x3 filters on 3 channels, pad 1: (32 - 3 + 2)/1 + 1 = 32, a 32x32x16 output.
    report = homework(f"[32x32x3] INPUT\n[32x32x16] CONV1: 16 3x3 filters, stride 1, pad 1\n{line}\n")
    assert [a.verdict for a in report.answers] == ["right", verdict]


def test_a_listing_line_of_other_words_without_a_colon_stays_e060() -> None:
    report = homework("[32x32x3] INPUT\n[32x32x16] CONV1: 16 3x3 filters, stride 1, pad 1\n"
                      "[32x32x16] relu the output\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.code == "E060"] == [
        ("E060", 3, 12, "expected `NAME: description` after the volume")]


# eight 5x5 filters on 3 channels, (5·5·3 + 1)·8 = 608, then sixteen on 8, (5·5·8 + 1)·16 = 3,216: 3,824 in all
@pytest.mark.parametrize("sentence", [
    "So the network has {} parameters in total.", "In total there are {} parameters.", "In total, there are {} params",
    "There are {} parameters in total.", "There are {} parameters in the network.", "Grand total: {} params",
    "The whole network has {} parameters.", "Thus the entire model has {} params overall.",
    "Overall, the network has {} parameters.", "The network has {} parameters in total.",
    # `Overall:` and the count's noun in parentheses after `Total` were prose
    "Overall: {} params", "Overall = {} parameters", "Total (params): {}", "Overall (parameters): {}",
])
def test_a_networks_total_said_in_a_sentence(sentence: str) -> None:
    # each was prose (a wrong total passed) or E060 ("cannot tell what this answer is about")
    listing = "Input: 32x32x3\nCONV1: 8 5x5 filters, stride 1, pad 0\nCONV2: 16 5x5 filters, stride 1, pad 0\n"
    for total, verdict in (("3,824", "right"), ("3,825", "wrong")):
        report = homework(listing + sentence.format(total) + "\n")
        assert [(a.quantity, a.expected, a.verdict) for a in report.answers] == [("total params", total, verdict)]


def test_a_count_said_without_saying_whose_is_not_the_networks_total() -> None:
    listing = "Input: 32x32x3\nCONV1: 8 5x5 filters, stride 1, pad 0\nCONV2: 16 5x5 filters, stride 1, pad 0\n"
    report = homework(listing + "There are 3,825 parameters.\n")
    assert [(d.code, d.line) for d in report.diagnostics] == [("E060", 4)] and report.answers == ()


# CONV1: (5·5·3 + 1)·8 = 608 parameters, (32 - 5)/1 + 1 = 28, 28x28x8; CONV2: (5·5·8 + 1)·16 = 3,216, 24x24x16
TWO_CONVS = "Input: 32x32x3\nCONV1: 8 5x5 filters, stride 1, pad 0\nCONV2: 16 5x5 filters, stride 1, pad 0\n"


@pytest.mark.parametrize(("line", "label", "right", "wrong"), [
    ("The first conv layer has {} parameters.", "conv1", "608", "609"),  # was judged as CONV2's: 608 wrong
    ("The first layer has {} parameters.", "conv1", "608", "609"),  # was E060
    ("Number of parameters in the first layer: {}", "conv1", "608", "609"),
    ("The output of the first layer is {}", "conv1", "28x28x8", "28x28x9"),
    ("What is the output of the first conv layer? {}", "conv1", "28x28x8", "28x28x9"),
    ("The second conv layer has {} params", "conv2", "3216", "3217"),
    ("The last conv layer has {} params", "conv2", "3216", "3217"),
    ("The final layer has {} params.", "conv2", "3216", "3217"),
])
def test_a_layer_named_by_its_place(line: str, label: str, right: str, wrong: str) -> None:
    for answer, verdict in ((right, "right"), (wrong, "wrong")):
        report = homework(TWO_CONVS + line.format(answer) + "\n")
        assert [(a.label, a.expected, a.verdict) for a in report.answers] == [(label, answer, verdict)]


@pytest.mark.parametrize(("text", "column", "message"), [
    (TWO_CONVS + "The third conv layer has 1 parameter.\n", 5, "there is no third conv layer above"),
    (TWO_CONVS + "The first pooling layer has 0 parameters\n", 5, "there is no first pool layer above"),
    ("Input: 32x32x3\nCONV1: 8 5x5 filters, stride 1, pad 0\nReLU\nCONV2: 16 5x5 filters, stride 1, pad 0\n"
     "The second layer has 0 params\n", 5, "which layer is the second cannot be told: a ReLU, norm or dropout line "
                                          "may count as a layer or not"),
])
def test_a_layer_named_by_a_place_it_cannot_have_is_e060(text: str, column: int, message: str) -> None:
    report = homework(text)
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", text.count("\n"), column, message)]
    assert report.answers == ()


def test_a_first_layer_named_by_its_place_before_a_relu_is_still_told() -> None:
    report = homework("Input: 32x32x3\nCONV1: 8 5x5 filters, stride 1, pad 0\nReLU\nCONV2: 16 5x5 filters, stride 1, "
                      "pad 0\nThe first layer has 608 parameters.\n")
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "right")]


@pytest.mark.parametrize("statement", ["First conv layer: 4 3x3 filters, pad 1",
                                       "Last conv layer: 4 3x3 filters, pad 1", "The conv layer: 4 3x3 filters, pad 1"])
def test_a_convolution_stated_after_its_place(statement: str) -> None:
    # `First conv layer: …` was prose (`Second …` was read), so the output under it was judged as CONV2's:
    # 4 3x3 filters, pad 1 on 24x24x16 keep 24x24, a 24x24x4 output
    report = homework(TWO_CONVS + statement + "\nOutput: 24x24x4\n")
    assert [(a.expected, a.verdict) for a in report.answers] == [("24x24x4", "right")]
    wrong = homework(TWO_CONVS + statement + "\nOutput: 24x24x16\n")  # CONV2's output, not this layer's
    assert [(a.expected, a.verdict) for a in wrong.answers] == [("24x24x16", "wrong")]


@pytest.mark.parametrize("line", ["Memory of CONV1 output: 55*55*96 = {} values",  # was prose: a wrong count passed
                                  "Number of values in CONV1's output: {}", "Values in the output of CONV1: {}"])
def test_the_values_of_a_named_layers_output(line: str) -> None:
    # AlexNet's CONV1 output, 55·55·96 = 290,400 values, answered under a later layer (POOL1)
    listing = ("[227x227x3] INPUT\n[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0\n"
               "[27x27x96] MAX POOL1: 3x3 filters at stride 2\n")
    for count, verdict in (("290,400", "right"), ("290,401", "wrong")):
        report = homework(listing + line.format(count) + "\n")
        assert [(a.label, a.quantity, a.expected, a.verdict) for a in report.answers if a.quantity == "memory"] == [
            ("conv1", "memory", count, verdict)]


@pytest.mark.parametrize(("question", "right", "wrong"), [
    # 64 3x3 filters on 3 channels: (3·3·3 + 1)·64 = 1,792; stride 1, pad 1 keep 224: 224x224x64
    ("How many parameters does a 3x3 conv layer with 64 filters have on a 224x224x3 input? {}", "1792", "1793"),
    ("What is the output size of a 3x3 conv with 64 filters, stride 1 and padding 1 on a 224x224x3 input? {}",
     "224x224x64", "224x224x65"),
    # ten 5x5 filters, pad 2 on 32x32x3: (32 - 5 + 4)/1 + 1 = 32, 32x32x10
    ("Q: What is the output volume when 10 5x5 filters with stride 1 and pad 2 are applied to a 32x32x3 input? A: {}",
     "32x32x10", "32x32x11"),
])
def test_a_problem_told_inside_its_question(question: str, right: str, wrong: str) -> None:
    # the layer was read and the answer after the `?` dropped: a wrong one passed with "no problems"
    for answer, verdict in ((right, "right"), (wrong, "wrong")):
        report = homework(question.format(answer) + "\n")
        assert [(a.expected, a.verdict) for a in report.answers] == [(answer, verdict)]
    below = homework(question.split("?")[0] + "?\nAnswer: " + wrong + "\n")
    assert [(a.expected, a.verdict) for a in below.answers] == [(wrong, "wrong")]
    unread = homework(question.format("lots") + "\n")  # an answer after the `?` cnncalc cannot read: never dropped
    assert [(d.code, d.line, d.column, d.message) for d in unread.diagnostics if d.code == "E060"] == [
        ("E060", 1, 4 if question.startswith("Q: ") else 1,  # (the question's start, after its `Q:`)
         "cnncalc cannot tell what this answer is about, so it is not judged")]
    assert unread.answers == ()


@pytest.mark.parametrize(("quiz", "right", "wrong"), [
    # the deeplearning.ai course's quiz as it writes it: `"pad=2."`, the full stop inside the quotes (the question
    # was not found, the answer after it dropped: a wrong one passed); 15 + 2·2 = 19
    ('You have an input volume that is 15x15x8, and pad it using "pad=2." What is the dimension of the resulting '
     'volume (after padding)? {}', "19x19x8", "17x17x8"),
    # the layer told in the question itself: one 1x1 filter on 16 channels, 1·1·16 + 1 = 17 parameters (was E060)
    ("Suppose you have an input volume of dimension 64x64x16. How many parameters would a single 1x1 convolutional "
     "filter have (including the bias)? {}", "17", "16"),
])
def test_the_courses_quiz_questions_as_written(quiz: str, right: str, wrong: str) -> None:
    for answer, verdict in ((right, "right"), (wrong, "wrong")):
        report = homework(quiz.format(answer) + "\n")
        assert [(a.expected, a.verdict) for a in report.answers] == [(answer, verdict)]


# LeNet-5 with a column each for the hyperparameters: (5·5·3 + 1)·6 = 456, (5·5·6 + 1)·16 = 2,416,
# (400 + 1)·120 = 48,120, (120 + 1)·84 = 10,164, (84 + 1)·10 = 850
HYPERPARAMETER_TABLE = """{header}
|---|---|---|---|---|---|---|
| Input | - | - | - | - | 32x32x3 | 0 |
| Conv1 | 5x5 | 6 | 1 | 0 | 28x28x6 | 456 |
| Pool1 | 2x2 | - | 2 | 0 | 14x14x6 | 0 |
| Conv2 | 5x5 | 16 | 1 | 0 | 10x10x16 | {conv2} |
| Pool2 | 2x2 | - | 2 | 0 | 5x5x16 | 0 |
| FC1 | - | 120 | - | - | 120 | 48120 |
| FC2 | - | 84 | - | - | 84 | 10164 |
| FC3 | - | 10 | - | - | 10 | 850 |
"""


@pytest.mark.parametrize("header", [
    "| Layer | Kernel size | Out channels | Stride | Padding | Output shape | Params |",  # was E060 on every layer
    "| Name | Kernel | Channels | Stride | Padding | Output dims | #Params |",
    "| Layer | Filter size | # filters | Stride | Padding | Output size | # params |",
])
def test_the_filters_column_called_channels_beside_the_kernels(header: str) -> None:
    right = homework(HYPERPARAMETER_TABLE.format(header=header, conv2="2416"))
    assert [a.verdict for a in right.answers] == ["right"] * 15
    wrong = homework(HYPERPARAMETER_TABLE.format(header=header, conv2="2417"))
    assert [(a.label, a.expected) for a in wrong.answers if a.verdict == "wrong"] == [("conv2", "2417")]


@pytest.mark.parametrize("question", ["How many values does the output have? {}",
                                      "How many values are in the output? {}"])
def test_the_outputs_values_asked_by_how_many(question: str) -> None:
    # ten 5x5 filters, pad 2, on 32x32x3: a 32x32x10 output of 32·32·10 = 10,240 values (was E060)
    for count, verdict in (("10,240", "right"), ("10,241", "wrong")):
        report = homework("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n" + question.format(count) + "\n")
        assert [(a.quantity, a.expected, a.verdict) for a in report.answers] == [("memory", count, verdict)]


@pytest.mark.parametrize("line", ["Params: 760 (weights only 751)", "Params: 760 (751 weights only)"])
def test_another_count_in_a_parenthesis_cnncalc_cannot_read_is_e060_not_dropped(line: str) -> None:
    # ten 5x5x3 filters: 750 weights, 760 parameters; the parenthesis said 751 weights and was dropped (passed)
    report = homework("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n" + line + "\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, 14, f"cnncalc does not understand `{line[12:]}` after `760`")]
    working = homework("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nParams: 760 (5*5*3*10 + 10)\n")
    assert [(a.expected, a.verdict) for a in working.answers] == [("760", "right")]  # working: not a second count
    parts = homework("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n"
                     "Params: 760 (750 weights + 10 biases)\n")  # the count's parts: answers
    assert [(a.expected, a.verdict) for a in parts.answers] == [("760", "right"), ("750", "right"), ("10", "right")]


# AlexNet's CONV1: (227 - 11)/4 + 1 = 55, 96 filters: 55x55x96
@pytest.mark.parametrize(("written", "expected", "verdict"), [
    ("55-by-55-by-96", "55x55x96", "right"), ("55-by-55-by-97", "55x55x97", "wrong"),  # was prose: passed
    ("55 x 55 (x96)", "55x55x96", "right"), ("55 x 55 (x97)", "55x55x97", "wrong"),  # the depth was dropped: passed
])
def test_volumes_written_with_words_or_a_depth_apart(written: str, expected: str, verdict: str) -> None:
    report = homework(f"[227x227x3] INPUT\nCONV1: 96 11x11 filters at stride 4, pad 0\nOutput: {written}\n")
    assert [(a.expected, a.verdict) for a in report.answers] == [(expected, verdict)]


@pytest.mark.parametrize("written", ["55 - 55 - 97", "55/55/97", "55;55;97", "55 times 55 times 97"])
def test_sizes_after_output_that_are_no_volume_are_e060_not_prose(written: str) -> None:
    report = homework(f"[227x227x3] INPUT\nCONV1: 96 11x11 filters at stride 4, pad 0\nOutput: {written}\n")
    shown = written.replace(";", " ; ").replace("/", " / ").replace("  ", " ")  # (as the tokens are joined)
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, 9, f"`{shown}` is not a volume")]
    assert report.answers == ()


# 32 3x3 filters, pad 1, on 64x64x3: (3·3·3 + 1)·32 = 896 parameters, 64x64x32; a 2x2 max pool at stride 2 then
# halves it, 32x32x32, with no parameters; an FC layer of 10 on it, 32·32·32·10 + 10 = 327,690
CONV_64 = "Input: 64x64x3\nCONV1: 32 3x3 filters, stride 1, pad 1\n"


@pytest.mark.parametrize(("statement", "right", "wrong"), [
    # the pool was prose, so `Parameters: 0` under it was judged as CONV1's: a right answer marked wrong
    ("A max pooling layer with 2x2 window and stride 2 follows.", "0", "1"),
    ("A 2x2 max pool with stride 2 is applied next.", "0", "1"),
    ("Then a FC layer with 10 outputs.", "1310730", "1310731"),  # on 64x64x32: 131,072·10 + 10
    ("A fully connected layer with 10 neurons follows.", "1310730", "1310731"),  # was E060
])
def test_a_layer_stated_after_a_connective_or_before_follows(statement: str, right: str, wrong: str) -> None:
    for answer, verdict in ((right, "right"), (wrong, "wrong")):
        report = homework(CONV_64 + statement + f"\nParameters: {answer}\n")
        assert [(a.expected, a.verdict) for a in report.answers] == [(answer, verdict)]


def test_a_pool_stated_so_it_cannot_be_read_is_a_layer_not_prose() -> None:
    # a statement of a pool cnncalc cannot read is E060 and the answers under it are not checked (they were judged
    # as CONV1's)
    report = homework(CONV_64 + "A max pooling layer with 2x2 window and stride 2 ish 3\nParameters: 0\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 3, 1, "cnncalc cannot read `A max pooling layer with 2x2 window and stride 2 ish 3` as a layer")]
    assert [a.verdict for a in report.answers] == ["unchecked"]


# an MNIST convnet: (3·3·1 + 1)·32 = 320; (3·3·32 + 1)·64 = 18,496; 12·12·64 = 9,216 values flattened;
# 9,216·128 + 128 = 1,179,776; 128·10 + 10 = 1,290; in all 1,199,882
MNIST_SHEET = """Input image: 28x28x1 (MNIST)
Conv layer 1: 32 filters, 3x3, stride 1, no padding
  output: 26x26x32
  # params: (3*3*1 + 1) * 32 = 320
Conv layer 2: 64 filters, 3x3, stride 1, no padding
  output: 24x24x64
  # params: (3*3*32 + 1) * 64 = 18,496
Max pool 2x2 (stride 2)
  output: 12x12x64
Dropout 0.25
Flatten: 9216
Dense 128
  # params: 9216 * 128 + 128 = 1,179,776
Dropout 0.5
Dense 10 (softmax)
  # params: {last}
Total trainable parameters: 1,199,882
"""


def test_an_input_with_a_remark_and_a_dense_layer_with_its_activation() -> None:
    # `(MNIST)` made the input prose (every answer unchecked), and `Dense 10 (softmax)` was E060
    report = homework(MNIST_SHEET.format(last="1,290"))
    assert [d.code for d in report.diagnostics if d.severity == "error"] == []
    assert [a.verdict for a in report.answers] == ["right"] * 9
    assert [row.keyword for row in report.rows][-2:] == ["fc", "softmax"]
    wrong = homework(MNIST_SHEET.format(last="1,280"))
    assert [(a.label, a.expected) for a in wrong.answers if a.verdict == "wrong"] == [("fc2", "1,280")]


def test_flatten_right_after_the_input() -> None:
    # an MLP on MNIST: 28·28·1 = 784 values; (784 + 1)·100 = 78,500 (the Flatten line was prose)
    report = homework("Input: 28x28x1\nFlatten: 784\nFC1: 100 neurons\nParams: 78,500\n")
    assert [(a.quantity, a.expected, a.verdict) for a in report.answers] == [
        ("output", "784", "right"), ("params", "78,500", "right")]
    wrong = homework("Input: 28x28x1\nFlatten: 728\nFC1: 100 neurons\nParams: 78,400\n")  # 784 and a bias each
    assert [(a.expected, a.verdict) for a in wrong.answers] == [("728", "wrong"), ("78,400", "wrong")]


@pytest.mark.parametrize(("line", "expected", "column"), [
    # a notebook's markup around the answer: each was prose (a wrong answer passed) or E060
    ("Output: $55 \\times 55 \\times 97$", "55x55x97", 10),  # LaTeX
    ("`Output: 55x55x97`", "55x55x97", 10),  # the line in code quotes
    ("__Params__: 34,945", "34,945", 13),  # bold with underscores
    ("Params: $34,945$", "34,945", 10),
])
def test_a_notebooks_markup_around_an_answer(line: str, expected: str, column: int) -> None:
    # AlexNet's CONV1: 55x55x96 and (11·11·3 + 1)·96 = 34,944 parameters
    report = homework(f"[227x227x3] INPUT\nCONV1: 96 11x11 filters at stride 4, pad 0\n{line}\n")
    assert [(a.expected, a.verdict) for a in report.answers] == [(expected, "wrong")]
    assert [(d.line, d.column) for d in report.diagnostics] == [(3, column)]


def test_a_line_of_markup_alone_is_not_a_blank_line() -> None:
    # a code fence between a layer and its answer stays a line of prose (a blank line would end a table, or say
    # where an example ends)
    report = homework("[227x227x3] INPUT\nCONV1: 96 11x11 filters at stride 4, pad 0\n```\nOutput: 55x55x96\n```\n")
    assert [(a.expected, a.verdict) for a in report.answers] == [("55x55x96", "right")]
    assert [d.code for d in report.diagnostics] == ["N060", "N060"]


@pytest.mark.parametrize(("exercise", "right", "wrong"), [
    # (32 - 5 + 2·2)/1 + 1 = 32; (7 - 3)/2 + 1 = 3: the output after a full stop or a comma was E060
    ("Input 32x32, F = 5, P = 2, S = 1. Output: {}", "32x32", "33x33"),
    ("N = 7, F = 3, S = 2. Output: {}", "3", "4"),
    ("N = 7, F = 3, S = 2, output: {}", "3", "4"),
])
def test_a_letters_exercises_output_after_its_sentence(exercise: str, right: str, wrong: str) -> None:
    for answer, verdict in ((right, "right"), (wrong, "wrong")):
        report = homework(exercise.format(answer) + "\n")
        assert [(a.expected, a.verdict) for a in report.answers] == [(answer, verdict)]


def test_an_exercises_output_that_cannot_be_read_is_e060() -> None:
    report = homework("N = 7, F = 3, S = 2. Output: lots\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 1, 22, "cnncalc does not understand `Output: lots` as the output")]


@pytest.mark.parametrize(("line", "right", "wrong"), [
    ("After the second layer: {}", "24x24x16", "24x24x17"),  # was E060 ("cannot tell what this answer is about")
    ("After the first layer, the output is {}", "28x28x8", "28x28x9"),
])
def test_the_output_after_a_layer_named_by_its_place(line: str, right: str, wrong: str) -> None:
    listing = TWO_CONVS + "FC: 10 neurons\n"
    for answer, verdict in ((right, "right"), (wrong, "wrong")):
        report = homework(listing + line.format(answer) + "\n")
        assert [(a.expected, a.verdict) for a in report.answers] == [(answer, verdict)]
    missing = homework(listing + "After the fourth layer: 24x24x16\n")
    assert [(d.code, d.line, d.column, d.message) for d in missing.diagnostics] == [
        ("E060", 5, 11, "there is no fourth layer above")]


@pytest.mark.parametrize("line", ["Output: {} (correct?)", "Output: {} (?)"])
def test_a_doubt_in_a_remark_after_an_output_is_no_question(line: str) -> None:
    # ten 5x5 filters, pad 2: 32x32x10; the `?` made the line a question with no answer after it (prose: passed)
    for volume, verdict in (("32x32x10", "right"), ("32x32x11", "wrong")):
        report = homework("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n" + line.format(volume) + "\n")
        assert [(a.expected, a.verdict) for a in report.answers] == [(volume, verdict)]


@pytest.mark.parametrize(("problem", "right", "wrong"), [
    # (7 - 3)/2 + 1 = 3; padded by one, (7 - 3 + 2)/2 + 1 = 4: the spelled stride and padding were dropped, the layer
    # built at stride 1 without padding (5x5), so the right answers were marked wrong
    ("An input of 7x7x1 goes through one 3x3 filter with a stride of two. Output: {}", "3x3x1", "5x5x1"),
    ("An input of 7x7x1 goes through one 3x3 filter with a stride of two and padding of one. Output: {}", "4x4x1",
     "3x3x1"),
    # a 2x2 max pool at stride 2 halves 32: the pool's spelled size made the sentence unread (E060)
    ("You have an input volume that is 32x32x16, and apply max pooling with a stride of two and a filter size of "
     "two. What is the output volume? {}", "16x16x16", "15x15x16"),
])
def test_a_told_problems_stride_and_padding_in_words(problem: str, right: str, wrong: str) -> None:
    for answer, verdict in ((right, "right"), (wrong, "wrong")):
        report = homework(problem.format(answer) + "\n")
        assert [(a.expected, a.verdict) for a in report.answers] == [(answer, verdict)]


def test_the_same_problem_asked_again_as_a_numbered_question_is_judged_again() -> None:
    # ten 5x5 filters, pad 2, on 32x32x3: (32 - 5 + 2·2)/1 + 1 = 32, a 32x32x10 output with (5·5·3 + 1)·10 = 760
    # parameters. Q2 told the same problem as Q1: it was taken for the lecture's restatement of Q1, and its answers
    # for a second answer to Q1 (E060, never judged)
    problem = "Input volume 32x32x3, 10 filters 5x5, stride 1, pad 2.\n"
    sheet = f"Q1. {problem}Output volume size: 32x32x10\nNumber of parameters: 760\n\nQ2. {problem}" + \
        "Output volume size: {}\nNumber of parameters: {}\n"
    right = [a.report for a in analyses(sheet.format("32x32x10", "760"), "hw.txt")]
    assert [[(a.expected, a.verdict) for a in report.answers] for report in right] == [
        [("32x32x10", "right"), ("760", "right")], [("32x32x10", "right"), ("760", "right")]]
    assert all(report.ok for report in right)
    wrong = [a.report for a in analyses(sheet.format("32x32x11", "761"), "hw.txt")]
    assert [[(a.expected, a.verdict) for a in report.answers] for report in wrong] == [
        [("32x32x10", "right"), ("760", "right")], [("32x32x11", "wrong"), ("761", "wrong")]]
    assert [(d.code, d.line, d.column) for d in wrong[1].diagnostics] == [("E040", 6, 21), ("E041", 7, 23)]
    # unnumbered, the same problem again is the lecture's restatement of it (its slides repeat each exercise)
    lecture = [a.report for a in analyses(problem + "Output: 32x32x10\n" + problem + "Output: 32x32x10\n", "hw.txt")]
    assert [[(a.expected, a.verdict) for a in report.answers] for report in lecture] == [[("32x32x10", "right")]]


@pytest.mark.parametrize("problem", [
    "Conv layer with K=10, F=3, S=1, P=1 on a 32x32x3 input.",
    "A conv layer with K=10, F=3, S=1, P=1 is applied to a 32x32x3 input.",
    "Conv layer with K=10, F=3, S=1, P=1 on an input of 32x32x3.",
])
def test_the_lecture_letters_told_before_their_input(problem: str) -> None:
    # ten 3x3 filters, stride 1, pad 1, on 32x32x3: (32 - 3 + 2·1)/1 + 1 = 32, so 32x32x10, with (3·3·3 + 1)·10 = 280
    # parameters. The sheet was taken for the spec language (6 errors, nothing judged), and read in the lecture's
    # notation the letters were not read without their input first
    sheet = problem + "\nOutput size = (32-3+2)/1+1 = 32, so the output is {}.\nParams = (3*3*3+1)*10 = {}\n"
    right = cnncalc.analyze_text(sheet.format("32x32x10", "280"), "hw.txt")
    assert [(a.quantity, a.verdict) for a in right.answers] == [("output", "right"), ("params", "right")]
    assert right.ok, right.diagnostics
    wrong = cnncalc.analyze_text(sheet.format("32x32x11", "281"), "hw.txt")
    assert [(a.quantity, a.verdict) for a in wrong.answers] == [("output", "wrong"), ("params", "wrong")]
    # a pool's letters so too: (28 - 2)/2 + 1 = 14
    pool = cnncalc.analyze_text("Max pooling with F=2, S=2 on a 28x28x6 volume -> {}\n".format("14x14x6"), "hw.txt")
    assert [(a.quantity, a.verdict) for a in pool.answers] == [("output", "right")]


@pytest.mark.parametrize(("line", "right", "wrong"), [
    # CONV1's 55x55x96 holds 55·55·96 = 290,400 values; a number beside the volume in parentheses or after a comma was
    # dropped as a remark, so a wrong count passed ("no problems")
    ("Output: 55x55x96 (= {})", "290,400", "290,401"),
    ("Output: 55x55x96 (55*55*96 = {})", "290,400", "290,401"),
    ("Output: 55x55x96 (55*55*96 = {} values)", "290,400", "290,401"),
])
def test_the_values_worked_out_beside_an_output(line: str, right: str, wrong: str) -> None:
    for count, verdict in ((right, "right"), (wrong, "wrong")):
        report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n" + line.format(count) + "\n")
        assert [(a.quantity, a.expected, a.verdict) for a in report.answers] == [
            ("output", "55x55x96", "right"), ("memory", count, verdict)]


@pytest.mark.parametrize("line", ["Output: 55x55x96 ({})", "Output: 55x55x96, {}", "55x55x96, {}"])
def test_a_bare_number_beside_an_output_is_its_values_or_unread(line: str) -> None:
    conv = "Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n"
    # 55·55·96 = 290,400: the output's values; 96, its depth again
    values = homework(conv + line.format("290,400") + "\n")
    assert [(a.quantity, a.verdict) for a in values.answers] == [("output", "right"), ("memory", "right")]
    depth = homework(conv + line.format("96") + "\n")
    assert [(a.quantity, a.verdict) for a in depth.answers] == [("output", "right")] and depth.ok
    # any other number: what it counts is not said (34,945 may be a wrong parameter count): E060 at the number, never
    # passed over (it was dropped, or the line was prose)
    column = line.index("{") + 1
    other = homework(conv + line.format("34,945") + "\n")
    assert [(d.code, d.line, d.column, d.message) for d in other.diagnostics] == [
        ("E060", 3, column, "cnncalc cannot tell what `34,945` after 55x55x96 counts")]
    assert not other.ok


def test_a_bare_number_beside_a_vector() -> None:
    # FC1's 10 outputs: `(10)` is the length again; 25,611 is not said to be anything (E060); the line was prose
    fc = "Input: 16x16x10\nFC1: 10 neurons\n"
    assert [(a.quantity, a.verdict) for a in homework(fc + "Output: 10 (10)\n").answers] == [("output", "right")]
    other = homework(fc + "Output: 10 (25,611)\n")
    assert [(a.quantity, a.verdict) for a in other.answers] == [("output", "right")]
    assert [(d.code, d.line, d.column) for d in other.diagnostics] == [("E060", 3, 13)]
    wrong = homework(fc + "Output: 11 (10)\n")
    assert [(a.quantity, a.verdict) for a in wrong.answers] == [("output", "wrong")]


@pytest.mark.parametrize("line", [
    # CONV1's MACs: 55·55·96 outputs, each 11·11·3 multiply-adds: 55·55·96·363 = 105,415,200
    "# of MACs: {}",  # a count after `#` was taken for a markdown heading: dropped without a word
    "# MACs: {}",
    "Operations: {} MACs",  # was E060 ("FLOPs or MACs?"): the unit says which
    "Compute: {} MACs",  # prose: `Compute` was read as an instruction
    "Computation: {} multiplications",
])
def test_a_mac_count_under_other_heads(line: str) -> None:
    for count, verdict in (("105,415,200", "right"), ("105,415,201", "wrong")):
        report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n" + line.format(count) + "\n")
        assert [(a.quantity, a.verdict) for a in report.answers] == [("macs", verdict)], report.diagnostics


def test_a_mac_column_written_with_its_number_sign() -> None:
    # `# MACs` was not a column cnncalc knew (E060): its cells were not read
    table = ("Input: 227x227x3\n\n| Layer | Description | Output | # Params | # MACs |\n|---|---|---|---|---|\n"
             "| CONV1 | 96 11x11 filters at stride 4, pad 0 | 55x55x96 | 34,944 | {} |\n")
    for count, verdict in (("105,415,200", "right"), ("105,415,201", "wrong")):
        report = cnncalc.analyze_text(table.format(count), "table.md")
        assert [(a.quantity, a.verdict) for a in report.answers] == [
            ("output", "right"), ("params", "right"), ("macs", verdict)]


@pytest.mark.parametrize(("sheet", "right", "wrong"), [
    # a 3x3 filter at stride 1 on 7x7: (7 - 3 + 2P)/1 + 1 = 7 needs P = (3 - 1)/2 = 1. The layer was told without
    # padding, so the right answer was marked wrong against its pad 0
    ("Input: 7x7x1\nCONV1: 1 3x3 filter, stride 1\nWhat padding keeps the output at 7x7? {}\n", "1", "2"),
    # a 5x5 filter: P = (5 - 1)/2 = 2, whatever the output answered above for the layer without padding (3x3)
    ("Input: 7x7x1\nCONV1: 1 5x5 filter, stride 1\nOutput: 3x3\nHow much padding preserves the size? {}\n", "2", "1"),
    ("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1\nPadding needed to preserve the spatial size: {}\n", "2", "3"),
    # told in a sentence with its question: `output at 7x7` inside the question was judged as an output answer
    ("An input of 7x7x1 goes through one 3x3 filter with stride 1. What padding keeps the output at 7x7? {}\n", "1",
     "2"),
    ("Input 32x32x3, 10 5x5 filters, stride 1. What zero padding preserves the spatial size? {}\n", "2", "3"),
])
def test_the_padding_that_keeps_the_size(sheet: str, right: str, wrong: str) -> None:
    for answer, verdict in ((right, "right"), (wrong, "wrong")):
        report = homework(sheet.format(answer))
        assert [(a.quantity, a.expected, a.verdict) for a in report.answers if a.quantity == "padding"] == [
            ("padding", answer, verdict)], report.diagnostics
        assert [a.quantity for a in report.answers if a.verdict == "wrong"] == ["padding"] * (verdict == "wrong")


def test_the_padding_that_keeps_the_size_at_another_stride_or_of_an_even_filter() -> None:
    # at stride 2 the output is about half the input, whatever the padding: not checked, with the reason
    strided = homework("Input: 7x7x1\nCONV1: 1 3x3 filter, stride 2\nWhat padding keeps the output at 7x7? 1\n")
    assert [(a.verdict, a.reason) for a in strided.answers] == [("unchecked", "at stride 2 no padding keeps the size")]
    # a 4x4 filter needs 3 in all on each axis: 1 and 2, never an even `2` (or `1`)
    even = homework("Input: 7x7x1\nCONV1: 1 4x4 filter, stride 1\nPadding needed to preserve the spatial size: 2\n")
    assert [(a.verdict, a.actual) for a in even.answers] == [("wrong", "1,2,1,2")]
    # asked without saying it keeps the size, the padding is the layer's own (none here)
    own = homework("Input: 7x7x1\nCONV1: 1 3x3 filter, stride 1\nWhat is the padding? 1\n")
    assert [(a.verdict, a.actual) for a in own.answers] == [("wrong", "0")]


@pytest.mark.parametrize("sheet", [
    # the lecture's `Example N = 7, F = 3:`, its cases below it: (7 - 3)/1 + 1 = 5, (7 - 3)/2 + 1 = 3, and
    # (7 - 3)/3 + 1 = 2.33, which does not fit. The cases were prose: wrong answers passed
    "Example N = 7, F = 3:\nstride 1 => (7 - 3)/1 + 1 = {}\nstride 2 => (7 - 3)/2 + 1 = {}\n"
    "stride 3 => (7 - 3)/3 + 1 = {}\n",
    "N = 7, F = 3:\n- S = 1: {}\n- S = 2 -> {}\n- S = 3 => {}\n",
    # as the lecture's text has them: `• stride`, then the value and the answer on the next line, its `=>` as `= >`
    "Example N = 7, F = 3:\n\n• stride\n$$1 = (7 - 3)/1 + 1 = {}$$\n\n• stride\n$$2 = > (7 - 3)/2 + 1 = {}$$\n\n"
    "• stride\n$$3 = > (7 - 3)/3 + 1 = {}$$\n",
])
def test_the_cases_under_a_heading_of_letters(sheet: str) -> None:
    right = [a.report for a in analyses(sheet.format("5", "3", "2.33"), "hw.txt")]
    assert [[(a.expected, a.verdict) for a in report.answers] for report in right] == [
        [("5", "right")], [("3", "right")], [("2.33", "right")]]
    wrong = [a.report for a in analyses(sheet.format("5", "4", "2"), "hw.txt")]
    assert [[a.verdict for a in report.answers] for report in wrong] == [["right"], ["wrong"], ["unchecked"]]
    # a whole answer for stride 3 rests on a stride that does not fit: E030, the answer not checked
    assert [d.code for d in wrong[2].diagnostics if d.severity == "error"] == ["E030"]


def test_the_cases_of_a_heading_end_at_another_line() -> None:
    # after a line that is no case, `stride 2 => 3` has no N or F above it: not a case of the heading's (prose, as
    # before)
    report = [a.report for a in analyses("N = 7, F = 3:\nstride 1 => 5\nThat is all.\nstride 2 => 4\n", "hw.txt")]
    assert [[(a.expected, a.verdict) for a in r.answers] for r in report] == [[("5", "right")]]


@pytest.mark.parametrize("header", ["Num params", "Params count", "Number of params", "# of params",
                                    "Trainable params", "Learnable params"])
def test_a_parameter_column_under_more_names(header: str) -> None:
    # CONV1: (11·11·3 + 1)·96 = 34,944. The table was prose (no column of answers cnncalc knew): a wrong count passed
    table = ("Input: 227x227x3\n\n| Layer | Description | " + header + " |\n|---|---|---|\n"
             "| CONV1 | 96 11x11 filters at stride 4, pad 0 | {} |\n")
    for count, verdict in (("34,944", "right"), ("34,945", "wrong")):
        report = cnncalc.analyze_text(table.format(count), "table.md")
        assert [(a.quantity, a.verdict) for a in report.answers] == [("params", verdict)]


def test_a_table_whose_only_answers_are_in_an_unknown_column_is_not_prose() -> None:
    table = ("Input: 227x227x3\n\n| Layer | Description | Param total |\n|---|---|---|\n"
             "| CONV1 | 96 11x11 filters at stride 4, pad 0 | 34,945 |\n")
    report = cnncalc.analyze_text(table, "table.md")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 3, 25, "cnncalc does not know the column `Param total`: its cells are not read")]
    # a table of layers with a remark column only is prose, as before
    remarks = cnncalc.analyze_text(table.replace("Param total", "Comment"), "table.md")
    assert remarks.ok and remarks.answers == ()


@pytest.mark.parametrize(("line", "right", "wrong"), [
    # CONV1: (227 - 11)/4 + 1 = 55, 96 filters: each map 55x55, the output 55x55x96. Each was prose: a wrong
    # answer passed
    ("Each activation map is {}", "55x55", "54x54"),
    ("Each feature map has size {}", "55x55", "27x27"),
    ("Activation map size: {}", "55x55", "56x56"),
    ("Output height and width: {}", "55", "54"),
    ("The output has {} channels", "96", "97"),
    ("Number of channels in the output: {}", "96", "97"),
])
def test_the_maps_size_and_the_channels_said_in_words(line: str, right: str, wrong: str) -> None:
    for answer, verdict in ((right, "right"), (wrong, "wrong")):
        report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n" + line.format(answer) + "\n")
        assert [(a.expected, a.verdict) for a in report.answers] == [(answer, verdict)], report.diagnostics


ALEX_TO_CONV2 = ("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nPOOL1: 3x3 filters at stride 2\n"
                 "CONV2: 256 5x5 filters at stride 1, pad 2\n")


@pytest.mark.parametrize("line", ["Input to CONV2: {}", "CONV2 input: {}", "Input of CONV2: {}", "CONV2's input: {}",
                                  "The input to CONV2 is {}", "CONV2 receives {}"])
def test_the_volume_a_named_layer_receives(line: str) -> None:
    # CONV2 receives POOL1's (55 - 3)/2 + 1 = 27: 27x27x96. `Input to CONV2: 27x27x96` was judged as CONV2's
    # output (27x27x256): the right answer marked wrong; the other forms were prose or E060
    for volume, verdict in (("27x27x96", "right"), ("27x27x97", "wrong"), ("27x27x256", "wrong")):
        report = homework(ALEX_TO_CONV2 + line.format(volume) + "\n")
        assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [("conv2", "input", verdict)]


def test_the_volume_an_fc_layer_receives_and_a_layer_not_above() -> None:
    # FC6 on 6x6x256 flattens 6·6·256 = 9,216 values
    fc = "Input: 6x6x256\nFC6: 4096 neurons\n"
    assert [(a.quantity, a.verdict) for a in homework(fc + "Input to FC6: 9216 values\n").answers] == [
        ("input", "right")]
    assert [(a.quantity, a.verdict) for a in homework(fc + "Input to FC6: 9217\n").answers] == [("input", "wrong")]
    missing = homework(fc + "Input to CONV9: 6x6x256\n")
    assert [(d.code, d.line, d.column, d.message) for d in missing.diagnostics] == [
        ("E060", 3, 10, "no layer CONV9 above, nor on the next layer line, to give this input to")]


@pytest.mark.parametrize("line", ["Input to {}: {}", "{} input: {}", "Before {}: {}", "{} receives {}"])
def test_the_volume_a_layer_receives_answered_before_its_line(line: str) -> None:
    # CONV1 on 32x32x3, 5x5 at pad 2: (32 - 5 + 4)/1 + 1 = 32, 32x32x10, which POOL1 receives; (32 - 2)/2 + 1 = 16.
    # Answered on the line before the layer's, it was E060 (no layer above), and `Input to CONV1` before CONV1 a
    # layer cnncalc could not read, which left every answer after it unchecked
    sheet = ("Input: 32x32x3\n" + line.format("CONV1", "{}") + "\nCONV1: 10 5x5 filters, stride 1, pad 2 -> "
             "32x32x10\n" + line.format("POOL1", "{}") + "\nPOOL1: 2x2 max pool, stride 2 -> 16x16x10\n")
    for received, verdict in (("32x32x3", "right"), ("32x32x4", "wrong")):
        for pooled, pool_verdict in (("32x32x10", "right"), ("16x16x10", "wrong")):
            report = homework(sheet.format(received, pooled))
            assert not [d for d in report.diagnostics if d.severity == "error" and d.code != "E040"], sheet
            assert sorted((a.path, a.quantity, a.verdict) for a in report.answers) == [
                ("conv1", "input", verdict), ("conv1", "output", "right"), ("pool1", "input", pool_verdict),
                ("pool1", "output", "right")]
    # another layer's line next, or none: E060 where the answer names its layer, and the rest judged
    for after in ("CONV2: 4 3x3 filters -> 14x14x4\n", ""):
        report = homework("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2 -> 32x32x10\n" +
                          line.format("POOL1", "32x32x10") + "\n" + after)
        [e060] = [d for d in report.diagnostics if d.code == "E060"]
        assert (e060.line, e060.column, e060.message) == (
            3, line.index("{}") + 1, "no layer POOL1 above, nor on the next layer line, to give this input to")
        assert ("conv1", "output", "right") in [(a.path, a.quantity, a.verdict) for a in report.answers]


def test_an_input_stated_under_a_layers_line_before_its_answers_is_what_it_receives() -> None:
    # Layer 3 receives the pool's (64 - 2)/2 + 1 = 32: 32x32x16; (32 - 5 + 4)/1 + 1 = 32: 32x32x32, with
    # (5·5·16 + 1)·32 = 12,832 parameters. The input line started a network of its own, so Layer 3's answers had no
    # layer above (E060) and every answer after them was not checked
    sheet = ("Input volume: 64x64x3\n\nLayer 1: CONV with 16 filters of size 3x3, stride 1, padding 1\n"
             "  Output volume: 64x64x16\n\nLayer 2: MAX POOL 2x2, stride 2\n  Output volume: 32x32x16\n\n"
             "Layer 3: CONV with 32 filters of size 5x5, stride 1, padding 2\n  Input volume: {}\n"
             "  Output volume: 32x32x32\n  Parameters: (5*5*16 + 1) * 32 = 12832\n")
    for received, verdict in (("32x32x16", "right"), ("30x30x16", "wrong")):
        report = homework(sheet.format(received))
        assert not [d for d in report.diagnostics if d.severity == "error" and d.code != "E040"]
        assert sorted((a.path, a.quantity, a.verdict) for a in report.answers) == [
            ("conv1", "output", "right"), ("conv3", "input", verdict), ("conv3", "output", "right"),
            ("conv3", "params", "right"), ("pool2", "output", "right")]
    # flush left, or after a blank line or prose, an input stated starts another example, as before: the layer above
    # stays unanswered, and the next example's layer is judged on its own input
    for between in ("", "\n", "\nExample 2:\n"):
        networks = [a.report for a in analyses("Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n" + between +
                                                "Input: 64x64x3\nCONV1: 20 3x3 filters, stride 1, pad 1 -> 64x64x20\n",
                                                "hw.txt", Settings(lang="lecture"))]
        assert [[(a.path, a.quantity, a.verdict) for a in r.answers] for r in networks] == [
            [], [("conv1", "output", "right")]]


@pytest.mark.parametrize("second, verdict", [("4,640", "right"), ("4,608", "wrong")])
def test_a_tables_layers_written_as_framework_calls(second: str, verdict: str) -> None:
    # `| Conv2d(3, 16, 3, padding=1) | 16x32x32 | 448 |` was read as a name and a description (E060, every answer
    # not checked). Channels first, as PyTorch prints: (32 - 3 + 2)/1 + 1 = 32 with (3·3·3 + 1)·16 = 448; the pool
    # halves it; (3·3·16 + 1)·32 = 4,640 (4,608 is without the biases); the pool again, 8x8x32 = 2,048 values into
    # the Linear layer, 2,048·10 + 10 = 20,490
    report = homework("Input: 3x32x32\n\n| Layer | Output Shape | # Params |\n|---|---|---|\n"
                      "| Conv2d(3, 16, 3, padding=1) | 16x32x32 | 448 |\n| nn.MaxPool2d(2) | 16x16x16 | 0 |\n"
                      f"| Conv2d(16, 32, 3, padding=1) | 32x16x16 | {second} |\n| MaxPool2d(2) | 32x8x8 | 0 |\n"
                      "| Linear(2048, 10) | 10 | 20,490 |\n")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E041"] * (verdict == "wrong")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "output", "right"), ("conv1", "params", "right"), ("maxpool1", "output", "right"),
        ("maxpool1", "params", "right"), ("conv2", "output", "right"), ("conv2", "params", verdict),
        ("maxpool2", "output", "right"), ("maxpool2", "params", "right"), ("fc1", "output", "right"),
        ("fc1", "params", "right")]


DASHED_SHEET = """Input: 28x28x1 (MNIST)

Layer 1 - Conv: 32 filters, 3x3, stride 1, same padding
  output: 28x28x32
  params: 320
Layer 2 - Max pool: 2x2, stride 2
  output: 14x14x32
Layer 3 - Conv: 64 filters, 3x3, stride 1, valid padding
  output: 12x12x64
  params: 18,496
Layer 4 {flatten}
  output: {values}
Layer 5 - Dense: 128 units
  params: 1,179,776
Layer 6 - Dense: 10 units, softmax
  params: 1,290
Total params: 1,199,882
"""


@pytest.mark.parametrize("flatten", ["- Flatten", ": Flatten", ": Flatten layer"])
def test_layers_numbered_with_a_dash_their_kind_and_a_colon(flatten: str) -> None:
    # 3x3 `same` keeps 28: (3·3·1 + 1)·32 = 320; pooled, 14; `valid` (14 - 3)/1 + 1 = 12, (3·3·32 + 1)·64 = 18,496;
    # flattened 12·12·64 = 9,216 values; (9,216 + 1)·128 = 1,179,776; (128 + 1)·10 = 1,290; 1,199,882 in all. The
    # dash and colon around the kind were E060 (every answer not checked); `Layer 4: Flatten` was prose, so its
    # answer went to the convolution above and a right 9216 was marked wrong; `, softmax` after the units was E060
    report = homework(DASHED_SHEET.format(flatten=flatten, values="9216"))
    assert report.ok, report.diagnostics
    assert [a.verdict for a in report.answers] == ["right"] * 9
    flattened = {a.expected: (a.path, a.verdict) for a in homework(DASHED_SHEET.format(flatten=flatten,
                                                                                     values="9000")).answers}
    assert flattened["9000"] == ("flatten4", "wrong")
    # a layer stated by its place whose kind cnncalc cannot tell: E060, and the answers under it not judged (they
    # went to the layer above)
    unknown = homework(DASHED_SHEET.format(flatten=": Normalization", values="9216"))
    assert [d.code for d in unknown.diagnostics if d.severity == "error"] == ["E060"]
    assert {a.verdict for a in unknown.answers if a.span.start > DASHED_SHEET.index("Layer 4")} == {"unchecked"}


def test_a_sheet_that_numbers_each_kinds_layers_on_its_own() -> None:
    # `Conv layer 1` and `Pooling layer 1` were both named layer1: E015 (the name used twice). LeNet's start on 32x32x3:
    # (32 - 5)/1 + 1 = 28, 28x28x6 with (5·5·3 + 1)·6 = 456 parameters; (28 - 2)/2 + 1 = 14; (14 - 5)/1 + 1 = 10,
    # 10x10x16 with (5·5·6 + 1)·16 = 2,416
    report = homework("Input image: 32 x 32 x 3\n\nConv layer 1: 6 filters of 5 x 5, stride 1, no padding\n"
                      "Output dimensions: 28 x 28 x 6\nNumber of learnable parameters: 456\n\n"
                      "Pooling layer 1: max pooling 2 x 2, stride 2\nOutput dimensions: 14 x 14 x 6\n\n"
                      "Conv layer 2: 16 filters of 5 x 5, stride 1, no padding\nOutput dimensions: 10 x 10 x 16\n"
                      "Number of learnable parameters: 2,416\nAfter pooling layer 1: 14x14x6\n")
    assert report.ok, report.diagnostics
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "output", "right"), ("conv1", "params", "right"), ("pool1", "output", "right"),
        ("conv2", "output", "right"), ("conv2", "params", "right")]
    wrong = homework("Input image: 32 x 32 x 3\nConv layer 1: 6 filters of 5 x 5, stride 1, no padding\n"
                     "Output dimensions: 28 x 28 x 6\nPooling layer 1: max pooling 2 x 2, stride 2\n"
                     "Output dimensions: 13 x 13 x 6\n")  # (28 - 2)/2 + 1 = 14, not 13
    assert [(a.path, a.verdict) for a in wrong.answers] == [("conv1", "right"), ("pool1", "wrong")]


def test_the_volume_a_layer_receives_answered_twice_before_and_on_its_line() -> None:
    # POOL1 receives CONV1's (32 - 5 + 4)/1 + 1 = 32: 32x32x10. Answered again, as any answer given again: the same is
    # said again (no problem); another is E060 where it is written, the first judged
    above = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nInput to POOL1: {}\n"
    for first, again, line, problems, verdict in (
            ("32x32x10", "Input to POOL1: 32x32x10\n", "POOL1: 2x2 max pool, stride 2\n", [], "right"),
            ("32x32x10", "Input to POOL1: 30x30x10\n", "POOL1: 2x2 max pool, stride 2\n",
             [(4, 17, "`30x30x10` answers again what was answered `32x32x10` above")], "right"),
            ("32x32x10", "", "POOL1: 2x2 max pool, stride 2, input 32x32x10\n", [], "right"),
            ("30x30x10", "", "POOL1: 2x2 max pool, stride 2, input 32x32x10\n",
             [(4, len("POOL1: 2x2 max pool, stride 2, input ") + 1,
               "`32x32x10` answers again what was answered `30x30x10` above")], "wrong")):
        report = homework(above.format(first) + again + line)
        assert [(d.line, d.column, d.message) for d in report.diagnostics if d.code == "E060"] == problems
        assert [(a.path, a.quantity, a.expected, a.verdict) for a in report.answers if a.quantity == "input"] == [
            ("pool1", "input", first, verdict)]


def test_the_volume_a_layer_named_by_its_kind_receives_answered_before_its_line() -> None:
    # CONV1 keeps 32x32 (5x5, pad 2): 32x32x10 into the second conv (3x3, pad 1): 32x32x4; the pool (32 - 2)/2 + 1 =
    # 16: 16x16x4, which the FC layer flattens, 16·16·4 = 1,024 values
    sheet = ("Input: 32x32x3\nInput to the first conv layer: {}\nConv: 10 5x5 filters, stride 1, pad 2\n"
             "Input to the second conv layer: {}\nConv: 4 3x3 filters, pad 1\nPool: 2x2 max pool, stride 2\n"
             "Input to FC: {}\nFC: 10 neurons\n")
    right = homework(sheet.format("32x32x3", "32x32x10", "1024 values"))
    assert [(a.path, a.quantity, a.verdict) for a in right.answers] == [
        ("conv1", "input", "right"), ("conv2", "input", "right"), ("fc1", "input", "right")]
    wrong = homework(sheet.format("32x32x10", "16x16x10", "1000"))
    assert [a.verdict for a in wrong.answers] == ["wrong"] * 3
    # the pool is not the next layer line: its kind above none, so E060 where it is named
    report = homework("Input: 32x32x3\nInput to the pool: 32x32x10\nConv: 10 5x5 filters, stride 1, pad 2\n"
                      "Pool: 2x2 max pool, stride 2\n")
    assert [(d.code, d.line, d.message) for d in report.diagnostics if d.code == "E060"] == [
        ("E060", 2, "no pool above, nor on the next layer line, to give this input to")]


@pytest.mark.parametrize("line", ["What is the output if we use stride 2? {}", "Output with stride 2: {}",
                                  "Output (stride 2): {}", "What is the output at stride 2? {}"])
def test_a_question_that_changes_the_stride_is_not_judged_against_the_layer(line: str) -> None:
    # at stride 2, CONV1 would give (227 - 11)/2 + 1 = 109: 109x109x96, right for the question asked; judged against
    # the layer as written (stride 4, 55x55x96) it was marked wrong
    report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n" + line.format("109x109x96") +
                      "\n")
    assert report.answers == ()
    column = line.index("stride") + 1
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, column, "the question sets `stride 2`, which the layer above does not have: cnncalc judges the "
                            "layer as it is written")]
    # the layer's own stride said again is no change: judged as before, (227 - 11)/4 + 1 = 55
    same = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n" +
                    line.replace("stride 2", "stride 4").format("55x55x97") + "\n")
    assert [a.verdict for a in same.answers] == ["wrong"]


def test_a_told_problems_question_that_changes_the_stride() -> None:
    # the told layer stays (no "network has no input" beside the E060); the answer for stride 2 is not judged
    report = homework("An input of 7x7x1 goes through one 3x3 filter with stride 1. What is the output if we use "
                      "stride 2? 3x3x1\n")
    assert [d.code for d in report.diagnostics] == ["E060"] and report.answers == ()


@pytest.mark.parametrize(("line", "said"), [
    # each answer is right for the changed layer and was judged against CONV1 as written (marked wrong):
    # (11·11·3 + 1)·64 = 23,296 for 64 filters; 55x55x64; (64 - 11)/4 + 1 = 14.25 on 64x64x3; (11·11·1 + 1)·96 = 11,712
    ("How many parameters with 64 filters? 23296", "64 filters"),
    ("What is the output with 64 filters? 55x55x64", "64 filters"),
    ("What is the output for a 64x64x3 input? 14x14x96", "64x64x3 input"),
    ("Params if the input had 1 channel: 11712", "if the input had 1 channel"),
])
def test_a_question_about_a_changed_layer_is_not_judged_against_it(line: str, said: str) -> None:
    report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n" + line + "\n")
    assert report.answers == ()
    assert [(d.code, d.message) for d in report.diagnostics] == [
        ("E060", f"the question sets `{said}`, which the layer above does not have: cnncalc judges the layer as it is "
                 f"written")]


def test_each_of_the_filters_is_one_filter() -> None:
    # one of CONV1's filters: 11·11·3 + 1 = 364 parameters; `each of the 96 filters` was read as the layer's count
    # (34,944): the right answer marked wrong
    conv = "Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n"
    for answer, verdict in (("364", "right"), ("363", "wrong")):
        report = homework(conv + f"How many parameters does each of the 96 filters have? {answer}\n")
        assert [(a.quantity, a.verdict) for a in report.answers] == [("params per filter", verdict)]
    # the layer's own count of filters said in the question is no change to it
    assert homework(conv + "Params (96 filters): 34,944\n").ok


def test_the_volume_a_layer_receives_stays_judged_when_its_output_is_answered_below() -> None:
    # POOL1 receives CONV1's 55x55x96; the output answered on the next line dropped the input answer above it, so a
    # wrong 55x55x97 passed
    sheet = ("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nPOOL1: 3x3 filters at stride 2\n"
             "Input to POOL1: {}\nOutput: 27x27x96\n")
    for volume, verdict in (("55x55x96", "right"), ("55x55x97", "wrong")):
        report = homework(sheet.format(volume))
        assert sorted((a.quantity, a.verdict) for a in report.answers) == [("input", verdict), ("output", "right")]


@pytest.mark.parametrize("line", ["No parameters", "It has no parameters.", "This layer has no params",
                                  "(no parameters)"])
def test_no_parameters_said_on_a_line_of_its_own(line: str) -> None:
    # a pool has none: right; CONV1 has (11·11·3 + 1)·96 = 34,944: wrong. The line was prose: the wrong answer passed
    pool = homework("Input: 55x55x96\nPOOL1: 3x3 filters at stride 2\n" + line + "\n")
    assert [(a.quantity, a.verdict) for a in pool.answers] == [("params", "right")]
    conv = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n" + line + "\n")
    assert [(a.quantity, a.verdict) for a in conv.answers] == [("params", "wrong")]


def test_a_count_and_the_same_count_said_again_in_words() -> None:
    # `Params: 0 (no learnable params)` was E060 ("given twice") for the pool's right 0
    report = homework("Input: 55x55x96\nPOOL1: 3x3 filters at stride 2\nParams: 0 (no learnable params)\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("params", "right")] and report.ok
    # two counts that differ are still E060 (neither judged alone)
    twice = homework("Input: 55x55x96\nPOOL1: 3x3 filters at stride 2\nParams: 760 (params: 761)\n")
    assert [d.code for d in twice.diagnostics] == ["E060"]


@pytest.mark.parametrize("line", ["CONV1 receptive field: {}", "CONV1's receptive field: {}",
                                  "POOL1 effective receptive field: {}"])
def test_a_receptive_field_after_the_layers_name(line: str) -> None:
    # CONV1 sees 11x11; POOL1 3x3 at stride 2 on CONV1's stride 4: 11 + (3 - 1)·4 = 19. The line was prose
    right = "11x11" if line.startswith("CONV1") else "19x19"
    wrong = "12x12" if line.startswith("CONV1") else "20x20"
    for answer, verdict in ((right, "right"), (wrong, "wrong")):
        report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nPOOL1: 3x3 filters at stride "
                          "2\n" + line.format(answer) + "\n")
        assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [
            (line[:5].lower(), "receptive field", verdict)]


SMALL_NET = ("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nPOOL1: 3x3 filters at stride 2\n"
             "FC: 10 neurons\n")


@pytest.mark.parametrize("line", ["Final output: {}", "Network output: {}", "Output of the network: {}",
                                  "The network outputs {} class scores.", "Output of the last layer: {}",
                                  "After FC: {}"])
def test_the_networks_output_answered_below_it(line: str) -> None:
    # the FC layer's 10 neurons: the network's output is 10. Each was prose: a wrong answer passed
    for answer, verdict in (("10", "right"), ("11", "wrong")):
        report = homework(SMALL_NET + line.format(answer) + "\n")
        assert [(a.expected, a.verdict) for a in report.answers] == [(answer, verdict)], report.diagnostics


def test_the_networks_output_answered_between_its_layers_is_not_judged() -> None:
    # under CONV1 with layers below, `Final output: 55x55x96` may be CONV1's (right) or the network's (wrong): E060
    report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nFinal output: 55x55x96\n"
                      "POOL1: 3x3 filters at stride 2\nFC: 10 neurons\n")
    assert report.answers == ()
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, 15, "the network's output is answered between its layers: the network's or the layer above's?")]
    # an output that is no volume is E060 at it, never passed over (zero and unbounded sizes included)
    for said in ("0x10", "99999999999999999999", "1e999"):
        bad = homework(SMALL_NET + f"Final output: {said}\n")
        assert [(d.code, d.line, d.column, d.message) for d in bad.diagnostics] == [
            ("E060", 5, 15, f"`{said}` is not a volume")] and bad.answers == ()


def test_an_output_after_a_layers_name_ended_by_a_full_stop() -> None:
    # `After CONV1: 55x55x97.` and `Input to FC: 6x6x96.` were prose for their full stop
    conv = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nPOOL1: 3x3 filters at stride 2\n"
                    "After CONV1: 55x55x97.\n")
    assert [(a.path, a.verdict) for a in conv.answers] == [("conv1", "wrong")]


def test_the_output_before_a_pool_and_after_an_activation_not_above() -> None:
    # under POOL1 (27x27x96 out of CONV1's 55x55x96): `Output before pooling: 55x55x96` was judged as POOL1's output
    # and `Output after ReLU: 55x55x96` too (no ReLU above): right answers marked wrong
    pool = "Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nPOOL1: 3x3 filters at stride 2\n"
    for volume, verdict in (("55x55x96", "right"), ("55x55x97", "wrong")):
        before = homework(pool + f"Output before pooling: {volume}\n")
        assert [(a.path, a.quantity, a.verdict) for a in before.answers] == [("pool1", "input", verdict)]
    relu = homework(pool + "Output after ReLU: 55x55x96\n")
    assert relu.answers == ()
    assert [(d.code, d.line, d.column, d.message) for d in relu.diagnostics] == [
        ("E060", 4, 14, "this answer is about a `ReLU`, and the layer above is POOL1")]
    # under a ReLU line, its output: CONV1's 55x55x96 kept
    kept = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nReLU\nOutput after ReLU: 55x55x97\n")
    assert [a.verdict for a in kept.answers] == ["wrong"]


def test_the_same_exercise_again_with_a_letter_changed() -> None:
    # N = 7, F = 3: stride 2 gives (7 - 3)/2 + 1 = 3, stride 1 gives 5, and with pad 1 at stride 2, (7 - 3 + 2)/2 + 1
    # = 4. `Same but stride 1 => …` was prose: a wrong answer passed
    sheet = "Q1. N = 7, F = 3, stride 2 => 3\nQ2. Same but stride 1 => {}\nQ3. Same with pad 1 => {}\n"
    right = [a.report for a in analyses(sheet.format("5", "7"), "hw.txt")]
    assert [[(a.expected, a.verdict) for a in r.answers] for r in right] == [
        [("3", "right")], [("5", "right")], [("7", "right")]]  # Q3 varies Q2: stride 1, pad 1 keeps 7
    wrong = [a.report for a in analyses(sheet.format("4", "4"), "hw.txt")]
    assert [[a.verdict for a in r.answers] for r in wrong] == [["right"], ["wrong"], ["wrong"]]
    # the changed layer is stated by `Same`: its stride 3 that does not fit is reported on that line
    # after a leading arrow too (`=> N = 7, …`): its exercise was taken as empty, so the `Same` was not read
    led = [a.report for a in analyses("=> N = 7, F = 3, stride 2 => 3\n=> Same but stride 1 => 6\n", "hw.txt",
                                      Settings(lang="lecture"))]
    assert [[a.verdict for a in r.answers] for r in led] == [["right"], ["wrong"]]  # (7 - 3)/1 + 1 = 5, not 6
    strided = [a.report for a in analyses("N = 7, F = 3, stride 2 => 3\nSame but stride 3 => 2x2\n", "hw.txt")]
    assert [(d.code, d.line) for r in strided for d in r.diagnostics if d.severity == "error"] == [("E030", 2)]


def test_lenets_output_layer_stated_with_an_arrow_in_lower_case() -> None:
    # LeNet-5 on 32x32x1: F6's 84 neurons, then the 10 outputs, (84 + 1)·10 = 850 parameters; in all 156 + 2,416 +
    # 48,120 + 10,164 + 850 = 61,706. `Output: 10 neurons -> 10, params 850` was E060 ("cannot read … as a layer"),
    # so the total under it was not checked
    sheet = ("Input: 32x32x1\nC1: 6 5x5 filters -> 6@28x28, params 156\nS2: 2x2 avg pool, stride 2 -> 6@14x14\n"
             "C3: 16 5x5 filters -> 16@10x10, params 2,416\nS4: 2x2 avg pool, stride 2 -> 16@5x5\n"
             "C5: 120 5x5 filters -> 120@1x1, params 48,120\nF6: 84 neurons -> 84, params 10,164\n"
             "Output: 10 neurons -> 10, params {}\nTotal params: {}\n")
    right = homework(sheet.format("850", "61,706"))
    assert right.ok and len(right.answers) == 13 and all(a.verdict == "right" for a in right.answers)
    wrong = homework(sheet.format("840", "61,696"))
    assert [(a.path, a.quantity) for a in wrong.answers if a.verdict == "wrong"] == [
        ("output", "params"), ("", "total params")]


@pytest.mark.parametrize(("line", "verdict"), [
    # CONV1's output is 55x55x96. A tick leading the line made it prose (a wrong answer passed); a struck-out answer
    # beside the new one made the line E060 ("2 different volumes"): the struck one is withdrawn
    ("✓ Output: 55x55x97", "wrong"),
    ("✔ Output: 55x55x96", "right"),
    ("Output: ~~55x55x96~~ 55x55x97", "wrong"),
    ("Output: ~~55x55x97~~ 55x55x96", "right"),
    ("Params: ~~34,848~~ 34,945", "wrong"),
])
def test_a_tick_and_a_struck_out_answer(line: str, verdict: str) -> None:
    report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n" + line + "\n")
    assert [a.verdict for a in report.answers] == [verdict], report.diagnostics
    # a line struck out whole is withdrawn: prose, no verdict
    struck = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n~~Output: 55x55x97~~\n")
    assert struck.answers == () and struck.ok


def test_a_spatial_size_with_its_unit() -> None:
    # (227 - 11)/4 + 1 = 55: `54 px` was prose (a wrong side passed)
    for said, verdict in (("55 pixels", "right"), ("54 px", "wrong")):
        report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n"
                          f"Output spatial size: {said}\n")
        assert [a.verdict for a in report.answers] == [verdict]


@pytest.mark.parametrize(("question", "right", "wrong", "quantity"), [
    # 32x32x3 through ten 5x5 filters at stride 1, pad 2: (32 - 5 + 2·2)/1 + 1 = 32, so 32x32x10; (5·5·3 + 1)·10 = 760
    # parameters. A question that names its answer alone after the problem (`Output volume size?`) was not split
    # from it: E060, no verdict, for the right answer and the wrong one alike
    ("Output volume size?", "32x32x10", "33x33x10", "output"),
    ("Output?", "32x32x10", "28x28x10", "output"),
    ("Number of parameters?", "760", "750", "params"),
    ("Params?", "760", "750", "params"),
])
def test_a_question_naming_its_answer_alone_after_a_told_problem(question: str, right: str, wrong: str,
                                                                 quantity: str) -> None:
    told = "Q: Input volume 32x32x3, 10 5x5 filters with stride 1, pad 2. " + question
    for answer, verdict in ((right, "right"), (wrong, "wrong")):
        for sheet in (f"{told} {answer}\n", f"{told}\nA: {answer}\n"):
            report = homework(sheet)
            assert [(a.quantity, a.verdict) for a in report.answers] == [(quantity, verdict)], report.diagnostics


def test_a_question_naming_its_answer_after_letters_and_a_pool() -> None:
    # N = 7, F = 3, S = 2: (7 - 3)/2 + 1 = 3; a 2x2 max pool at stride 2 on 32x32x10: (32 - 2)/2 + 1 = 16
    for sheet, verdicts in (("N = 7, F = 3, S = 2. Output size? 3\n", ["right"]),
                            ("N = 7, F = 3, S = 2. Output size? 4\n", ["wrong"]),
                            ("Input 32x32x10, 2x2 max pool with stride 2. Output size? 16x16x10\n", ["right"]),
                            ("Input 32x32x10, 2x2 max pool with stride 2. Output size? 15x15x10\n", ["wrong"])):
        assert [a.verdict for a in homework(sheet).answers] == verdicts, sheet


@pytest.mark.parametrize(("line", "verdicts"), [
    # CONV1 on 227x227x3: (227 - 11)/4 + 1 = 55, so 55x55x96; (11·11·3 + 1)·96 = 34,944 parameters. An output said
    # in a sentence after the layer's (`. Output: …`) was E060 ("does not understand `: 55x55x96`"), no verdict
    ("CONV1: 96 11x11 filters at stride 4, pad 0. Output: 55x55x96", ["right"]),
    ("CONV1: 96 11x11 filters at stride 4, pad 0. Output: 55x55x97", ["wrong"]),
    ("Conv1: 96 filters, 11x11, stride 4. Output volume: 55x55x96. Params: 34,944", ["right", "right"]),
    ("Conv1: 96 filters, 11x11, stride 4, valid padding. Output: 54x54x96. Params: (11*11*3+1)*96 = 34,945",
     ["wrong", "wrong"]),
    ("CONV1: 96 11x11 filters at stride 4, pad 0 -> output: 55x55x96", ["right"]),
])
def test_an_output_said_in_a_sentence_after_the_layers(line: str, verdicts: list[str]) -> None:
    report = homework("Input: 227x227x3\n" + line + "\n")
    assert [a.verdict for a in report.answers] == verdicts, report.diagnostics


def test_a_keras_style_sheet_with_its_answers_in_sentences() -> None:
    # 28x28x1: 3x3 valid convolutions give 26 and 24; (3·3·1 + 1)·32 = 320, (3·3·32 + 1)·64 = 18,496; a 2x2 pool
    # gives 12x12x64 = 9,216 values; 9,216·128 + 128 = 1,179,776; 128·10 + 10 = 1,290; in all 1,199,882
    sheet = ("Input image: 28x28 grayscale\n"
             "Conv1: 32 filters, 3x3, stride 1, valid padding. Output: 26x26x32. Params: (3*3*1+1)*32 = 320\n"
             "Conv2: 64 filters, 3x3, stride 1, valid padding. Output: {}. Params: (3*3*32+1)*64 = 18,496\n"
             "MaxPool: 2x2. Output: 12x12x64\nFlatten: 9216\nDense: 128 units. Params: 9216*128 + 128 = 1,179,776\n"
             "Dense: 10 units. Params: 1,290\nTotal params: 1,199,882\n")
    right = homework(sheet.format("24x24x64"))
    assert right.ok and [a.verdict for a in right.answers] == ["right"] * 9, right.diagnostics
    wrong = homework(sheet.format("25x25x64"))
    assert [(a.label, a.verdict) for a in wrong.answers if a.verdict != "right"] == [("conv2", "wrong")]


_NUMBERED_LAYERS = ("Input: 64x64x3\nLayer 1: Conv 3x3, 16 filters, stride 1, pad 1\nLayer 2: Max pool 2x2, stride 2\n"
                    "Layer 3: Conv 3x3, 32 filters, stride 1, pad 1\nLayer 4: FC 10\n")


@pytest.mark.parametrize(("line", "right", "wrong"), [
    # Layer 1: (3·3·3 + 1)·16 = 448 parameters, 64x64x16 (pad 1 keeps 64); Layer 2: (64 - 2)/2 + 1 = 32, 32x32x16;
    # Layer 3: (3·3·16 + 1)·32 = 4,640; Layer 4: 32·32·32 = 32,768 inputs, (32,768 + 1)·10 = 327,690. A question
    # naming `Layer 3` was judged against the last layer: the right 4,640 against FC4's 327,690, WRONG; `Output of
    # layer 1` was E060 ("no layer LAYER1 above")
    ("Number of parameters in Layer 3: {}", "4,640", "4,641"),
    ("How many parameters does layer 1 have? {}", "448", "432"),
    ("What is the output of layer 2? {}", "32x32x16", "31x31x16"),
    ("Output of layer 1: {}", "64x64x16", "62x62x16"),
    ("Number of parameters in Layer 4: {}", "327,690", "327,680"),
])
def test_a_question_naming_a_layer_by_its_number(line: str, right: str, wrong: str) -> None:
    for answer, verdict in ((right, "right"), (wrong, "wrong")):
        report = homework(_NUMBERED_LAYERS + line.format(answer) + "\n")
        assert [a.verdict for a in report.answers] == [verdict], report.diagnostics


def test_a_question_naming_a_layer_number_not_above_is_not_judged() -> None:
    for line in ("Number of parameters in Layer 7: 448", "Output of layer 5: 10"):
        report = homework(_NUMBERED_LAYERS + line + "\n")
        assert report.answers == () and [d.code for d in report.diagnostics] == ["E060"], line
        assert "no layer numbered" in report.diagnostics[0].message


@pytest.mark.parametrize("line", ["POOL2: global average pool -> {}", "Layer 2: Global average pooling -> Output: {}",
                                  "POOL2: a global max pooling layer -> {}"])
def test_a_pool_named_so_and_described_as_global(line: str) -> None:
    # a global pool keeps the 16 channels of 32x32x16 (3x3 at pad 1 keeps 32): 1x1x16. It was E060 ("expected the
    # window size"), and every answer after it rested on the unread line
    sheet = "Input: 32x32x3\nLayer 1: Conv 3x3, 16 filters, stride 1, pad 1\n" + line + "\nFC: 10 -> params {}\n"
    right = homework(sheet.format("1x1x16", "170"))  # (16 + 1)·10 = 170
    assert right.ok and [a.verdict for a in right.answers] == ["right", "right"], right.diagnostics
    wrong = homework(sheet.format("1x1x32", "160"))
    assert [a.verdict for a in wrong.answers] == ["wrong", "wrong"]


@pytest.mark.parametrize(("line", "verdict"), [
    # CONV1 on 227x227x3: (227 - 11)/4 + 1 = 55, 96 filters: 55x55x96. `Output: H = W = 55, D = 96` was judged as a
    # vector of 96 (the number after the last `=`): the right volume marked WRONG; `Output: D = 96` likewise
    ("Output: H = W = 55, D = 96", "right"),
    ("Output: W = H = 55, C = 96", "right"),
    ("Output: H = W = 54, D = 96", "wrong"),
    ("Output: H = W = 55, D = 95", "wrong"),
    ("Output: D = 96", "right"),
    ("Output: D = 95", "wrong"),
    ("Output: W = (227-11)/4+1 = 55", "right"),
    ("Output: W = (227-11)/4+1 = 56", "wrong"),
])
def test_an_output_by_its_sides_letters_with_two_letters_of_one_number(line: str, verdict: str) -> None:
    report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n" + line + "\n")
    assert [a.verdict for a in report.answers] == [verdict], report.diagnostics


def test_sizes_by_their_letters_that_make_no_volume_are_not_judged() -> None:
    report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nOutput: H = H = 55, D = 96\n")
    assert report.answers == () and [d.code for d in report.diagnostics] == ["E060"]


@pytest.mark.parametrize(("line", "verdicts"), [
    # CONV1: 55x55x96 = 55·55·96 = 290,400 values, (11·11·3 + 1)·96 = 34,944 parameters. The values said first,
    # before the count (`= 290,400 neurons, with 34,944 parameters`, `which is …`, `, 290,400 neurons`), made the
    # line E060: the count after them went unjudged, a wrong one too
    ("Output: 55x55x96 = 290,400 neurons, with 34,944 parameters", {"output": "right", "memory": "right",
                                                                     "params": "right"}),
    ("Output: 55x55x96 = 290,400 neurons, with 34,945 parameters", {"output": "right", "memory": "right",
                                                                     "params": "wrong"}),
    ("Output: 55x55x96, which is 290,401 neurons, with 34,944 parameters", {"output": "right", "memory": "wrong",
                                                                             "params": "right"}),
    ("Output: 55x55x96, 290,400 neurons, 34,848 params", {"output": "right", "memory": "right", "params": "wrong"}),
    ("Output volume: 55x55x96, so 290,400 activations", {"output": "right", "memory": "right"}),
    ("Output: 55x55x96, 290,401 neurons", {"output": "right", "memory": "wrong"}),
    ("Output: 55x55x96 = 290,400 neurons = 290,400 values", {"output": "right", "memory": "right"}),
])
def test_the_values_said_before_other_answers_after_an_output(line: str, verdicts: dict[str, str]) -> None:
    report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n" + line + "\n")
    assert {a.quantity: a.verdict for a in report.answers} == verdicts, report.diagnostics


def test_the_values_said_twice_as_two_numbers_are_not_judged() -> None:
    report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n"
                      "Output: 55x55x96 = 290,400 neurons = 290,401 values\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right")]
    assert [d.code for d in report.diagnostics] == ["E060"]


def test_a_table_with_a_config_column_and_names_with_their_keras_types() -> None:
    # 227x227x3: (227 - 11)/4 + 1 = 55, (11·11·3 + 1)·96 = 34,944; the pool (55 - 3)/2 + 1 = 27; conv2 pad 2 keeps
    # 27, (5·5·96 + 1)·256 = 614,656. `Config` was an unknown column (E060) and `conv1 (Conv2D)` named the layer
    # `conv2d`, twice (E015): no verdicts
    table = ("Input: 227x227x3\n\n| Layer (type) | Config | Output Shape | Param # |\n|---|---|---|---|\n"
             "| conv1 (Conv2D) | 96 11x11 filters, stride 4 | (None, 55, 55, 96) | {} |\n"
             "| pool1 (MaxPooling2D) | 3x3, stride 2 | (None, {}, {}, 96) | 0 |\n"
             "| conv2 (Conv2D) | 256 5x5 filters, pad 2 | (None, 27, 27, 256) | 614,656 |\n")
    right = homework(table.format("34,944", 27, 27))
    assert right.ok and [(a.label, a.verdict) for a in right.answers] == [
        ("conv1", "right"), ("conv1", "right"), ("pool1", "right"), ("pool1", "right"), ("conv2", "right"),
        ("conv2", "right")], right.diagnostics
    wrong = homework(table.format("34,848", 28, 28))
    assert [(a.label, a.quantity) for a in wrong.answers if a.verdict == "wrong"] == [("conv1", "params"),
                                                                                      ("pool1", "output")]


@pytest.mark.parametrize(("line", "right", "wrong"), [
    # A transposed convolution on 4x4x16 gives (N - 1)·S - 2P + F + A: (4 - 1)·2 - 2·1 + 3 = 7 for 3x3 at stride 2,
    # pad 1; (4 - 1)·2 + 2 = 8 for 2x2 at stride 2, with 2·2·16·8 + 8 = 520 parameters; (4 - 1)·2 - 2 + 3 + 1 = 8
    # with an output padding of 1. `DECONV1`, `UPCONV1`, `CONVT1` were read as convolutions ((4 - 2)/2 + 1 = 2):
    # right answers marked WRONG; a description that says `transposed conv` was E060
    ("DECONV1: 8 3x3 filters at stride 2, pad 1 -> {}", "7x7x8", "2x2x8"),
    ("UPCONV1: 8 2x2 filters at stride 2 -> {}, params 520", "8x8x8", "2x2x8"),
    ("CONVT1: 8 2x2 filters at stride 2 -> 8x8x8, params {}", "520", "264"),
    ("TCONV1: 8 3x3 filters, stride 2, pad 1, output padding 1 -> {}", "8x8x8", "7x7x8"),
    ("[{}] DECONV1: 8 2x2 filters at stride 2", "8x8x8", "2x2x8"),
    ("UP1: transposed conv, 8 filters 3x3, stride 2, pad 1, output padding 1 -> {}", "8x8x8", "4x4x8"),
    ("UP1: deconv, 8 2x2 filters, stride 2 -> {}", "8x8x8", "2x2x8"),
])
def test_a_transposed_convolution_by_its_name_or_description(line: str, right: str, wrong: str) -> None:
    for answer, verdict in ((right, "right"), (wrong, "wrong")):
        report = homework("Input: 4x4x16\n" + line.format(answer) + "\n")
        assert verdict in [a.verdict for a in report.answers] and \
            all(a.verdict in (verdict, "right") for a in report.answers), report.diagnostics


def test_a_transposed_convolutions_output_padding_beyond_its_stride_is_an_error_not_a_verdict() -> None:
    report = homework("Input: 4x4x16\nDECONV1: 8 2x2 filters at stride 2, output padding 2 -> 9x9x8\n")
    assert [a.verdict for a in report.answers] == ["unchecked"]
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E035"]


@pytest.mark.parametrize("line", ["UNPOOL1: 2x2 filters at stride 2 -> 8x8x16",
                                  "[8x8x16] UNPOOL1: 2x2 filters at stride 2", "MAXUNPOOL1: 2x2, stride 2 -> 8x8x16"])
def test_an_unpooling_is_no_pool(line: str) -> None:
    # SegNet's 2x2 unpooling at stride 2 takes 4x4x16 to 8x8x16: read as a max pool (4x4 to 2x2), the right 8x8x16
    # was marked WRONG, and so was the FC after it ((8·8·16 + 1)·10 = 10,250 against the pool's 650)
    report = homework("Input: 4x4x16\n" + line + "\nFC: 10 -> params 10250\n")
    assert all(a.verdict == "unchecked" for a in report.answers) and report.answers
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E060"]


@pytest.mark.parametrize(("line", "right", "wrong"), [
    # A depthwise 3x3 convolution on 112x112x32: one filter per channel, 3·3·32 + 32 = 320 parameters, pad 1 keeps
    # 112x112x32. `DWCONV1: 32 3x3 filters` was read as a full convolution, (3·3·32 + 1)·32 = 9,248: the right 320
    # marked WRONG; `DWCONV1: 3x3, …` and `CONV_DW1: 3x3, …` were E060
    ("DWCONV1: 32 3x3 filters, stride 1, pad 1 -> 112x112x32, params {}", "320", "9248"),
    ("DWCONV1: 3x3, stride 1, pad 1 -> 112x112x32, params {}", "320", "288"),
    ("DW1: 3x3, stride 1, pad 1 -> {}", "112x112x32", "110x110x32"),
    ("CONV_DW1: 3x3, pad 1 -> 112x112x32, params {}", "320", "9248"),
    # the kind said before the size (`DW1: depthwise conv 3x3`) was E060; so were unnamed lines (the spec language
    # for MobileNet's `Conv dw 3x3`), and a pointwise one's word: (32 + 1)·64 = 2,112
    ("DW1: depthwise conv 3x3, stride 1, pad 1 -> 112x112x32, params {}", "320", "9248"),
    ("Depthwise conv 3x3, stride 1, pad 1 -> 112x112x32, params {}", "320", "288"),
    ("Depthwise convolution 3x3, pad 1 -> {}", "112x112x32", "110x110x32"),
    ("3x3 depthwise conv, pad 1 -> 112x112x32, params {}", "320", "9248"),
    ("Conv dw 3x3, pad 1 -> 112x112x32, params {}", "320", "9248"),
    ("Conv dw 3x3 -> {}", "110x110x32", "112x112x32"),  # 112 - 3 + 1 = 110, no padding said
    ("Depthwise conv 3x3, pad 1, no bias -> 112x112x32, params {}", "288", "320"),  # 3·3·32 = 288
    ("PW1: pointwise conv 1x1, 64 filters -> 112x112x64, params {}", "2,112", "2,048"),
    ("Pointwise conv 1x1, 64 filters -> 112x112x64, params {}", "2,112", "2,080"),
    ("1x1 pointwise conv, 64 filters -> 112x112x64, params {}", "2,112", "2,048"),
])
def test_a_layer_named_depthwise(line: str, right: str, wrong: str) -> None:
    for answer, verdict in ((right, "right"), (wrong, "wrong")):
        report = homework("Input: 112x112x32\n" + line.format(answer) + "\n")
        assert verdict in [a.verdict for a in report.answers] and \
            all(a.verdict in (verdict, "right") for a in report.answers), report.diagnostics


def test_a_depthwise_layers_filters_are_the_inputs_channels() -> None:
    # 16 depthwise filters cannot take 32 channels: E017, as PyTorch's in_channels would
    report = homework("Input: 112x112x32\nDWCONV1: 16 3x3 filters, stride 1, pad 1 -> params 160\n")
    assert "E017" in [d.code for d in report.diagnostics]
    assert [a.verdict for a in report.answers] == ["unchecked"]


@pytest.mark.parametrize("line", ["SEPCONV1: 64 3x3 filters, pad 1 -> 112x112x64, params {}",
                                  "SEP_CONV1: 64 3x3 filters, pad 1 -> params {}",
                                  "[112x112x64] SEPCONV1: 64 3x3 filters, pad 1 -> params {}"])
def test_a_separable_convolution_is_not_read_as_a_convolution(line: str) -> None:
    # a separable 3x3 convolution of 32 channels into 64: 3·3·32 depthwise weights and 32·64 pointwise ones, 2,336,
    # and 64 biases (Keras' SeparableConv2D: 2,400) or 96 (two biased layers: 2,432). Read as a full convolution,
    # (3·3·32 + 1)·64 = 18,496, each of them was marked WRONG
    for count in ("2400", "2432", "2336"):
        report = homework("Input: 112x112x32\n" + line.format(count) + "\n")
        assert all(a.verdict == "unchecked" for a in report.answers)
        assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E060"]


@pytest.mark.parametrize(("line", "right", "wrong"), [
    # PyTorch's adaptive pooling gives the size it is told whatever its input: 14x14x512 to 7x7x512. `ADAPTIVEPOOL1:
    # 7x7` was read as a 7x7 max pool at stride 7 ((14 - 7)/7 + 1 = 2): the right 7x7x512 marked WRONG
    ("ADAPTIVEPOOL1: 7x7 -> {}", "7x7x512", "2x2x512"),
    ("POOL5: adaptive avg pool to 7x7 -> {}", "7x7x512", "6x6x512"),
    ("POOL5: adaptive max pool to 1x1 -> {}", "1x1x512", "7x7x512"),
    ("Adaptive average pooling 7x7 -> {}", "7x7x512", "2x2x512"),
])
def test_an_adaptive_pool(line: str, right: str, wrong: str) -> None:
    for answer, verdict in ((right, "right"), (wrong, "wrong")):
        report = homework("Input: 14x14x512\n" + line.format(answer) + "\n")
        assert [a.verdict for a in report.answers] == [verdict], report.diagnostics


def test_a_region_of_interest_pool_is_not_read_as_a_pool() -> None:
    # Fast R-CNN's RoI pooling takes its windows from boxes: read as a 7x7 max pool, its right 7x7x512 was WRONG
    report = homework("Input: 14x14x512\nROIPOOL1: 7x7 -> 7x7x512\n")
    assert report.answers == () and [d.code for d in report.diagnostics] == ["E060"]


@pytest.mark.parametrize("line", ["LAYERNORM1: layer normalization -> params 128", "NORM1: Layer normalization -> "
                                  "params 128", "GN1: group norm -> params 128", "LN1 -> params 128"])
def test_a_layer_or_group_normalization_is_not_read_as_the_lectures_lrn(line: str) -> None:
    # a layer norm of 64 channels has 2·64 = 128 parameters over the channels (ConvNeXt's), 2·14·14·64 = 25,088 as
    # PyTorch's LayerNorm([64, 14, 14]): read as the lecture's NORM (LRN, none), the right 128 was marked WRONG
    report = homework("Input: 14x14x64\n" + line + "\n")
    assert all(a.verdict == "unchecked" for a in report.answers)
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E060"]
    lrn = homework("Input: 14x14x64\nNORM1: Normalization layer -> params 0\n")  # the lecture's own: judged
    assert [a.verdict for a in lrn.answers] == ["right"]


def test_a_layer_in_the_resnet_papers_words_with_an_answer_is_not_prose() -> None:
    # `3x3 conv, 64, /2 -> 112x112x64`: it was skipped as prose (the answer passed over in silence), then E060; the
    # figure's layers are read now: (224 - 7 + 2·3)/2 + 1 = 112
    report = homework("Input: 224x224x3\n7x7 conv, 64, /2 -> 112x112x64\n")
    assert [a.verdict for a in report.answers] == ["right"] and report.ok


@pytest.mark.parametrize("question", ["Total parameters?", "What is the total number of parameters?"])
def test_the_total_asked_of_a_told_problems_one_layer(question: str) -> None:
    # the told problem is a network of one layer, (5·5·3 + 1)·10 = 760 parameters in all: `Total parameters? 760` was
    # E060 (no verdict), and so was a wrong total
    told = "Input volume 32x32x3, 10 5x5 filters with stride 1, pad 2. " + question
    assert [a.verdict for a in homework(f"{told} 760\n").answers] == ["right"]
    assert [a.verdict for a in homework(f"{told} 750\n").answers] == ["wrong"]
    # under a layer of a longer network the total is the network's, not the layer's: not judged as the layer's
    listed = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nPOOL1 is a 3x3 max pool with "
                      "stride 2. What is the total number of parameters? 0\n")
    assert [a.verdict for a in listed.answers if a.label == "pool1"] == []


@pytest.mark.parametrize("said", ["1e999", "3.5", "9" * 40])
def test_values_beyond_the_limits_said_before_other_answers_are_an_error_at_their_place(said: str) -> None:
    # `= 1e999 neurons, …` raised out of the reader (a traceback) when the values were first read before the counts
    line = f"Output: 55x55x96 = {said} neurons, with 34,944 parameters"
    report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n" + line + "\n")
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert [d.code for d in errors] == ["E060"]
    assert report.source.text[errors[0].span.start:errors[0].span.end] == said


@pytest.mark.parametrize(("sheet", "code", "where", "said", "words"), [
    ("Input: 64x64x3\nLayer 1: Conv 3x3, 16 filters, stride 1, pad 1\nNumber of parameters in Layer 7: 448\n",
     "E060", (3, 31), "7", "no layer numbered 7 above to give this answer to"),
    ("Input: 64x64x3\nLayer 1: Conv 3x3, 16 filters, stride 1, pad 1\nOutput of layer 5: 10\n",
     "E060", (3, 11), "layer 5", "no layer numbered 5 above to give this output to"),
    ("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nOutput: H = H = 55, D = 96\n",
     "E060", (3, 9), "H = H = 55, D = 96", "cannot read these sizes as the output's"),
    ("Input: 14x14x64\nNORM1: Layer normalization -> params 128\n",
     "E060", (2, 8), "Layer normalization", "`layer normalization` is not read in this notation"),
    ("Input: 112x112x32\n[112x112x64] SEPCONV1: 64 3x3 filters, pad 1\n",
     "E060", (2, 14), "SEPCONV1", "`SEPCONV1` is not a layer cnncalc knows in this notation"),
    ("Input: 14x14x512\nPOOL5: adaptive avg pool -> 7x7x512\n",
     "E060", (2, 26), "-> 7x7x512", "expected the output's size"),
    ("Input: 14x14x512\nADAPTIVEPOOL1: 7x7x512\n",
     "E060", (2, 16), "7x7x512", "`7x7x512` is not an output's height and width"),
    ("Input: 4x4x16\nDECONV1: 8 2x2 filters at stride 2, output padding 2 -> 9x9x8\n",
     "E035", (2, 37), "output padding 2", "outpad 2 is not smaller than the height stride 2"),
])
def test_errors_of_numbered_questions_letters_and_unread_layers_at_their_place(
        sheet: str, code: str, where: tuple[int, int], said: str, words: str) -> None:
    report = homework(sheet)
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert [d.code for d in errors] == [code]
    assert report.source.line_col(errors[0].span.start) == where
    assert sheet[errors[0].span.start:errors[0].span.end] == said and words in errors[0].message


# A sheet written channels first, as PyTorch writes sizes: the input 3x32x32 is 32x32 pixels with 3 channels.
# conv 10 5x5 pad 2: (32 - 5 + 2·2)/1 + 1 = 32, so 10 maps of 32x32, written 10x32x32, with (5·5·3 + 1)·10 = 760
# parameters; a 2x2 max pool at stride 2: (32 - 2)/2 + 1 = 16, 10x16x16. Read height first (3 rows of 32 pixels
# with 32 channels), the conv had (5·5·32 + 1)·10 = 8,010 parameters, the pool an inexact (3 - 2)/2 + 1: every
# right answer was marked wrong.
CHANNELS_FIRST = "Input: 3x32x32\nCONV1: 10 5x5 filters, stride 1, pad 2\n"


def test_a_sheet_whose_input_is_written_channels_first_is_read_channels_first() -> None:
    report = homework(CHANNELS_FIRST + "Output: 10x32x32\nParams: 760\nPOOL1: 2x2 max pool, stride 2\n"
                                       "Output: (10, 16, 16)\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right"), ("params", "right"),
                                                                  ("output", "right")]
    assert report.rows[0].output.dims == (32, 32, 10) and report.totals.params == 760
    notes = [d for d in report.diagnostics if d.code == "N023"]
    assert [(d.line, d.column, d.message) for d in notes] == [
        (1, 8, "the input 3x32x32 is read channels first: 32x32 pixels with 3 channels, and so are the volumes "
               "answered with their sizes alone")]
    assert "3x32x32 (HxWxC)" in str(notes[0].hint)
    assert not [d for d in report.diagnostics if d.code == "W023"]


@pytest.mark.parametrize(("written", "verdict"), [
    ("Output: 10x28x28", "wrong"),  # (32 - 5)/1 + 1 = 28 leaves out the padding
    ("Output: 11x32x32", "wrong"), ("Output: 10x32x32", "right"), ("Output: [10, 32, 32]", "right"),
    ("Output: 1x10x32x32", "right"), ("Output: torch.Size([1, 10, 32, 32])", "right"),
    # an answer that says its order is read as it says
    ("Output: 32x32x10 (HxWxC)", "right"), ("Output: H = 32, W = 32, D = 10", "right"),
    ("Output: 32x32 with 10 channels", "right"), ("Output: 10@32x32", "right"), ("Output: 10x32x32 (CxHxW)", "right"),
    ("Output: 32x32x11 (HxWxC)", "wrong"), ("Output: H = 32, W = 32, D = 11", "wrong"),
])
def test_the_volumes_of_a_channels_first_sheet(written: str, verdict: str) -> None:
    answers = homework(CHANNELS_FIRST + written + "\n").answers
    assert [a.verdict for a in answers] == [verdict]


def test_a_volume_written_height_first_on_a_channels_first_sheet_is_wrong_and_says_why() -> None:
    # 32x32x10 on a sheet whose volumes are channels first is 32 maps of 32x10: the sheet's order decides, once
    # (as 10x32x32 under an input of 32x32x3 is wrong); the verdict names the slip.
    answer = homework(CHANNELS_FIRST + "Output: 32x32x10\n").answers[0]
    assert (answer.expected, answer.actual, answer.verdict) == ("32x32x10 channels first, 32x10x32", "32x32x10",
                                                                "wrong")
    assert answer.reason is not None and "written height x width x channels" in answer.reason


@pytest.mark.parametrize(("line", "noted"), [
    ("Input: (3, 32, 32)", True), ("Input: [3, 32, 32]", True), ("Input: (1, 3, 32, 32)", True),
    ("Input: 1x3x32x32", True), ("Input: (3, 32, 32) image", True), ("[3x32x32] INPUT", True),
    ("Input: 3x32x32 (CxHxW)", False), ("Input: 3 x 32 x 32 (C x H x W)", False),
    ("Input: torch.Size([1, 3, 32, 32])", False), ("Input: (3, 32, 32) (channels first)", False),
])
def test_an_input_written_channels_first_in_its_forms(line: str, noted: bool) -> None:
    # each the same 32x32x3 input: 10x32x32 and 760 right; the note only where the reading is not said
    report = homework(line + "\nCONV1: 10 5x5 filters, stride 1, pad 2\nOutput: 10x32x32\nParams: 760\n")
    assert [a.verdict for a in report.answers] == ["right", "right"], line
    assert [d.code for d in report.diagnostics] == (["N023"] if noted else []), line


def test_an_input_written_height_first_as_a_list_or_said_so() -> None:
    # `(32, 32, 3)` and `[32, 32, 3]` were prose (every answer after them unchecked): height first, as written
    for line in ("Input: (32, 32, 3)", "Input: [32, 32, 3]", "Input: 32x32x3 (HxWxC)"):
        report = homework(line + "\nCONV1: 10 5x5 filters, stride 1, pad 2\nOutput: 32x32x10\nParams: 760\n")
        assert [a.verdict for a in report.answers] == ["right", "right"], line
        assert not report.diagnostics, line
    # sides below 8 stay height first: 12x3x3 is 12 rows of 3 pixels with 3 channels (an exercise's narrow input);
    # conv 4 3x3 pad 1 keeps 12x3, (3·3·3 + 1)·4 = 112 parameters
    report = homework("Input: 12x3x3\nCONV1: 4 3x3 filters, stride 1, pad 1\nOutput: 12x3x4\nParams: 112\n")
    assert [a.verdict for a in report.answers] == ["right", "right"] and not report.diagnostics
    # `3x32x32 (HxWxC)` says 3 rows of 32 pixels with 32 channels: read so, with W023's warning
    report = homework("Input: 3x32x32 (HxWxC)\nCONV1: 10 5x5 filters, stride 1, pad 2\nParams: 8,010\n")
    assert [a.verdict for a in report.answers] == ["right"]  # (5·5·32 + 1)·10
    assert [d.code for d in report.diagnostics] == ["W023"]


def test_a_channels_first_input_of_many_channels_and_a_problem_of_its_own() -> None:
    # `64x56x56` (first size not 4 or less, the spec language's W023 rule): a 1x1 convolution with 32 filters on
    # 64 channels has (1·1·64 + 1)·32 = 2,080 parameters; read height first it had (56 + 1)·32 = 1,824 (the right
    # answer marked wrong). The next problem's input is height first, and so are its volumes.
    reports = [a.report for a in analyses(
        "Q1. A 1x1 convolution with 32 filters on a 64x56x56 input. How many parameters? 2,080\n"
        "Q2. Input volume 32x32x3, 10 5x5 filters with stride 1, pad 2. Output volume size? 32x32x10\n", "hw.txt",
        Settings(lang="lecture"))]
    assert [[(a.quantity, a.verdict) for a in r.answers] for r in reports] == [[("params", "right")],
                                                                               [("output", "right")]]
    assert [[(d.code, d.line) for d in r.diagnostics] for r in reports] == [[("N023", 1)], []]


def test_a_table_on_a_channels_first_input() -> None:
    # the Input row's 3x32x32 is channels first, so are the table's volumes; a header that says its order wins
    table = ("| Layer | Description | Input | Output | Params |\n|---|---|---|---|---|\n| Input | | | 3x32x32 | |\n"
             "| CONV1 | 10 5x5 filters, stride 1, pad 2 | 3x32x32 | {conv} | 760 |\n"
             "| POOL1 | 2x2 max pool, stride 2 | 10x32x32 | {pool} | 0 |\n")
    report = homework(table.format(conv="10x32x32", pool="10x16x16"))
    assert [a.verdict for a in report.answers] == ["right"] * 6
    report = homework(table.format(conv="10x32x32", pool="16x16x10"))  # 16 maps of 16x10
    assert [(a.label, a.quantity) for a in report.answers if a.verdict != "right"] == [("pool1", "output")]
    # the first row's Input cell gives the input (channels first); the Output column says its order, height first
    said = table.replace("| Output |", "| Output (HxWxC) |").replace("| Input | | | 3x32x32 | |\n", "")
    report = homework(said.format(conv="32x32x10", pool="16x16x10"))
    assert [a.verdict for a in report.answers] == ["right"] * 5
    assert [d.code for d in report.diagnostics] == ["N023"]


def test_a_filter_size_said_with_two_words_of_size_is_read_not_a_hang() -> None:
    # `each of size of 5`: the words before the size were read only until one said `size`; the next (`of`) was
    # never read, and the reader looped for ever (a hang). 10 5x5 filters, pad 2: 32x32x10, (5·5·3 + 1)·10 = 760.
    report = homework("Input: 32x32x3\nCONV1: 10 filters, each of size of 5, pad 2\nOutput: 32x32x10\n"
                      "Params: 760\n")
    assert [a.verdict for a in report.answers] == ["right", "right"]


# conv 10 5x5 pad 2 on 32x32x3: (32 - 5 + 2·2)/1 + 1 = 32, 32x32x10, (5·5·3 + 1)·10 = 760 parameters; without
# biases 750
FRAMEWORK_CONV = ["in_channels=3, out_channels=10, kernel_size=5, stride=1, padding=2",
                  "out_channels=10, kernel_size=(5, 5), padding=2", "nn.Conv2d(3, 10, 5, padding=2)",
                  "nn.Conv2d(3, 10, kernel_size=5, stride=1, padding=2)", "torch.nn.Conv2d(3, 10, (5, 5), 1, 2)",
                  "Conv2d(3, 10, 5, padding=2, bias=True)", "Conv2D(10, (5, 5), padding='same', activation='relu')",
                  "layers.Conv2D(filters=10, kernel_size=5, activation=\"relu\", padding=\"same\")",
                  "filters=10, kernel_size=(5, 5), strides=(1, 1), padding='same', use_bias=True",
                  "kernel 5x5, 10 output channels, stride 1, padding 2", "kernel size 5, 10 output channels, pad 2",
                  "3 input channels, 10 output channels, kernel 5x5, pad 2", "10 output channels, 5x5 kernel, pad 2",
                  "10 filters, kernel_size=5, stride=1, padding=2", "10 channels, kernel 5x5, padding 2"]


@pytest.mark.parametrize("description", FRAMEWORK_CONV)
def test_a_convolution_described_by_its_frameworks_arguments(description: str) -> None:
    # PyTorch's and Keras' arguments (the call, or its keywords alone), and the words a PyTorch course uses
    # (`kernel 5x5, 10 output channels`): each was E060, every answer after it unchecked
    for answers, verdicts in (("Output: 32x32x10\nParams: 760\n", ["right", "right"]),
                              ("Output: 28x28x10\nParams: 750\n", ["wrong", "wrong"])):
        report = homework(f"Input: 32x32x3\nCONV1: {description}\n{answers}")
        assert [a.verdict for a in report.answers] == verdicts, description
        assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E040", "E041"][:verdicts.count(
            "wrong")], description


def test_framework_calls_for_pools_and_fully_connected_layers() -> None:
    # a 2x2 max pool at stride 2 (a pool's stride is its size unless said) on 32x32x10: 16x16x10; FC 10 on the
    # 16·16·10 = 2,560 values: 2,560·10 + 10 = 25,610 parameters
    for pool in ("nn.MaxPool2d(2, 2)", "nn.MaxPool2d(kernel_size=2, stride=2)", "MaxPooling2D(pool_size=(2, 2))",
                 "MaxPooling2D((2, 2), strides=2)", "kernel_size=2, stride=2", "max pooling, kernel 2x2, stride 2",
                 "nn.AvgPool2d(2)"):
        for fc in ("nn.Linear(2560, 10)", "Dense(10)", "in_features=2560, out_features=10",
                   "Dense(units=10, activation='softmax')", "layers.Dense(10)"):
            report = homework(f"Input: 32x32x10\nPOOL1: {pool}\nOutput: 16x16x10\nFC1: {fc}\nParams: 25,610\n")
            assert [a.verdict for a in report.answers] == ["right", "right"], (pool, fc)
    # the call says the kind over the name's, and `Layer 2:` takes its kind from the call
    report = homework("Input: 32x32x10\nCONV2: nn.AvgPool2d(2)\nOutput: 16x16x10\nLayer 3: nn.MaxPool2d(2)\n"
                      "Output: 8x8x10\n")
    assert [(a.label, a.verdict) for a in report.answers] == [("conv2", "right"), ("pool3", "right")]
    assert [r.op for r in report.rows] == ["avgpool 2x2 floor", "maxpool 2x2 floor"]  # (the frameworks' rounding)


@pytest.mark.parametrize("layer, verdicts, codes", [
    # On 16x16x16, a 3x3 window at stride 2: (16 - 3)/2 + 1 = 7.5. PyTorch and Keras round it down to 7 (PyTorch's
    # formula floor((16 + 2·0 - 1·(3 - 1) - 1)/2 + 1) = 7; `ceil_mode=True` 8), so a layer written as their call does:
    # its right 7 was passed over as not fitting (E030), a wrong 8 unjudged
    ("Conv2d(16, 32, 3, stride=2) -> 7x7x32", ["right"], []),
    ("Conv2d(16, 32, 3, stride=2) -> 8x8x32", ["wrong"], ["E040"]),
    ("nn.MaxPool2d(3, stride=2) -> 7x7x16", ["right"], []),
    ("POOL1: nn.MaxPool2d(3, 2) -> 8x8x16", ["wrong"], ["E040"]),
    ("nn.MaxPool2d(3, stride=2, ceil_mode=True) -> 8x8x16", ["right"], []),
    ("nn.MaxPool2d(3, stride=2, ceil_mode=True) -> 7x7x16", ["wrong"], ["E040"]),
    ("MaxPooling2D(pool_size=(3, 3), strides=2) -> 7x7x16", ["right"], []),
    ("Conv2D(8, (3, 3), strides=2) -> 7x7x8", ["right"], []),
    ("CONV1: in_channels=16, out_channels=8, kernel_size=3, stride=2 -> 7x7x8", ["right"], []),
    # the lecture's answer to it stands: the division is not whole
    ("Conv2d(16, 32, 3, stride=2) -> doesn't fit", ["right"], []),
    # written in the lecture's words, the lecture's rule: it does not fit, the answer not checked
    ("CONV1: 32 3x3 filters, stride 2 -> 7x7x32", ["unchecked"], ["E030"]),
])
def test_a_framework_call_rounds_as_its_framework(layer: str, verdicts: list[str], codes: list[str]) -> None:
    report = homework(f"Input: 16x16x16\n{layer}\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()
    assert [d.code for d in report.diagnostics if d.severity == "error"] == codes, report.messages()


def test_framework_arguments_that_do_not_fit_the_input_or_cannot_be_read() -> None:
    # in_channels says the depth the layer expects: 4 against the input's 3 is E017 at the number
    sheet = "Input: 32x32x3\nCONV1: nn.Conv2d(4, 10, 5, padding=2)\n"
    report = homework(sheet)
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert [(d.code, d.line, sheet[d.span.start:d.span.end]) for d in errors] == [("E017", 2, "4")]
    # bias=False: 750 parameters, the 760 that counts biases wrong
    report = homework("Input: 32x32x3\nCONV1: nn.Conv2d(3, 10, 5, padding=2, bias=False)\nParams: 750\n")
    assert [a.verdict for a in report.answers] == ["right"]
    for description, where, said, words in (
            ("nn.Conv2d(3, 10, 5, padding=2", (2, 18), "3, 10, 5, padding=2", "expected `)` closing `Conv2d(`"),
            ("nn.Conv2d(3, 10)", (2, 8), "nn.Conv2d(3, 10)", "expected kernel_size"),
            ("nn.Conv2d(3, 10, 5, padding_mode='zeros')", (2, 28), "padding_mode='zeros')", "does not understand"),
            ("nn.Conv2d(3, 10, (5, x))", (2, 25), "(5, x))", "expected a pair of whole numbers")):
        text = f"Input: 32x32x3\nCONV1: {description}\nOutput: 32x32x10\n"
        report = homework(text)
        errors = [d for d in report.diagnostics if d.severity == "error"]
        assert [d.code for d in errors] == ["E060"], description
        assert report.source.line_col(errors[0].span.start) == where, description
        assert words in errors[0].message and text[errors[0].span.start:errors[0].span.end] == said, description
        assert [a.verdict for a in report.answers] == ["unchecked"]


def test_a_sheet_in_markdown_with_bold_labels() -> None:
    # `**Input:** 32×32×3 RGB image` was prose (every layer after it had no input): the stars are markup; `2**10`
    # and `10 ** 4` stay powers. Conv 10 5x5 pad 2 -> 32x32x10, 760; pool 2x2/2 -> 16x16x10; conv 20 3x3 pad 1 ->
    # 16x16x20, 3·3·10·20 + 20 = 1,820; FC 10 on 16·16·20 = 5,120 values: 51,210.
    sheet = ("**Input:** 32×32×3 RGB image\n\n**Conv1:** kernel 5×5, 10 output channels, stride 1, padding 2\n"
             "- Output shape: 32 × 32 × 10\n- Parameters: 5·5·3·10 + 10 = 760\n\n"
             "**Pool1:** max pooling, kernel 2×2, stride 2\n- Output shape: 16 × 16 × 10\n\n"
             "**Conv2:** kernel 3×3, 20 output channels, stride 1, padding 1\n- Parameters: 1,820\n\n"
             "**FC:** 10 outputs\n- Parameters: 16·16·20·10 + 10 = 51,210\n")
    report = homework(sheet)
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "output", "right"), ("conv1", "params", "right"), ("pool1", "output", "right"),
        ("conv2", "params", "right"), ("fc1", "params", "right")]
    assert homework("Input: 32x32x3\nFC1: 10 neurons\nParams: 3.073 * 10**4\n").answers[0].verdict == "right"


def test_a_product_in_a_working_is_no_volume() -> None:
    # `2×2` in `(32 − 5 + 2×2)/1 + 1 = 32` is 2·2, the padding on both sides: the answer is the 32 after the last
    # `=` (conv 10 5x5 pad 2 on 32x32x3: (32 - 5 + 4)/1 + 1 = 32). It was judged as a 2x2 volume: WRONG.
    head = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\n"
    for line, verdict in (("Output size = (W − F + 2P)/S + 1 = (32 − 5 + 2×2)/1 + 1 = 32", "right"),
                          ("Output: (32 - 5 + 2x2)/1 + 1 = 32", "right"),
                          ("Output: (2x2 + 32 - 5)/1 + 1 = 32", "right"),
                          ("After CONV1: (32 - 5 + 2x2)/1 + 1 = 32", "right"),
                          ("Output volume: (32 + 2x2 - 5)/1 + 1 = 32, i.e. 32x32x10", "right"),
                          ("Output: (32 - 5 + 2x2)/1 + 1 = 33", "wrong"),
                          ("Output volume: (32 + 2x2 - 5)/1 + 1 = 32, i.e. 32x32x12", "wrong"),
                          # a volume beside an operator with no number before it is still the answer
                          ("Output - 32x32x10", "right"), ("Output: 32x32x10 - 10 filters", "right"),
                          ("Output: 32x32x10 / 10 filters", "right"), ("Output - 32x32x11", "wrong")):
        assert [a.verdict for a in homework(head + line + "\n").answers] == [verdict], line


def test_a_receptive_field_after_a_layer_is_no_output() -> None:
    # `Receptive field after POOL1: 6x6` was read as POOL1's output (its 16x16x10 against 6x6: WRONG). The field:
    # 5 after the 5x5 conv, then the 2x2 pool at stride 1 so far: 5 + (2 - 1)·1 = 6.
    head = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nPOOL1: 2x2 max pool, stride 2\n"
    for line, verdict in (("Receptive field after POOL1: 6x6", "right"), ("RF after POOL1: 6x6", "right"),
                          ("Receptive field after POOL1: 7x7", "wrong"), ("Output after POOL1: 16x16x10", "right")):
        answers = homework(head + line + "\n").answers
        assert [(a.quantity, a.verdict) for a in answers] == [
            ("output" if line.startswith("Output") else "receptive field", verdict)], line


def test_unnamed_layers_described_by_their_frameworks_arguments_and_a_told_conv_with_its_size_first() -> None:
    # the input before a layer stated without a name (`Conv layer: in_channels=3, …`), the call alone on its line;
    # conv 16 3x3 pad 1 on 64x64x3 (written channels first): 16x64x64, 3·3·3·16 = 432 weights, 16 biases, 448
    sheet = ("Input: 3x64x64\nConv layer: in_channels=3, out_channels=16, kernel_size=3, stride=1, padding=1\n"
             "Output: 16x64x64\nNumber of weights: 432\nNumber of biases: 16\nTotal params: 448\n")
    assert [a.verdict for a in homework(sheet).answers] == ["right"] * 4
    for line in ("nn.Conv2d(3, 10, 5, padding=2)", "Conv layer: nn.Conv2d(3, 10, 5, padding=2)",
                 "Conv: out_channels=10, kernel_size=5, padding=2"):
        report = homework(f"Input: 32x32x3\n{line}\nOutput: 32x32x10\nParams: 760\n")
        assert [a.verdict for a in report.answers] == ["right", "right"], line
    for line in ("nn.MaxPool2d(2, 2)", "Then nn.MaxPool2d(2)", "Pool layer: kernel_size=2, stride=2",
                 "Max pooling layer: pool_size=(2, 2)", "Average pool: kernel_size=2"):
        report = homework(f"Input: 32x32x3\n{line}\nOutput: 16x16x3\n")
        assert [a.verdict for a in report.answers] == ["right"], line
    # a problem told in sentences with the size right after the conv's word: 28 - 5 + 1 = 24, 24x24x6; it was E060
    for told, verdict in (("Input 28x28x1. Conv 5x5, 6 filters, stride 1, no padding. Output size?\nA: 24x24x6",
                           "right"),
                          ("Input 28x28x1, conv 5x5 with 6 filters, stride 1, no padding. Output size? 24x24x6",
                           "right"),
                          ("Input 28x28x1, kernel 5x5, 6 filters, no padding. How many parameters? 156", "right"),
                          ("Input 28x28x1. Conv 5x5, 6 filters, stride 1, no padding. Output size? 24x24x7", "wrong")):
        assert [a.verdict for a in homework(told + "\n").answers] == [verdict], told


def test_framework_code_in_a_code_block_is_code_not_layers() -> None:
    # a sheet (and the lecture) may show PyTorch code in a fenced block: its calls are the code's, not layers of the
    # network above (read so, `nn.Conv2d(6, 16, 5)` was a third layer, E017 on the 28x28x6 it would receive)
    sheet = ("Input: 32x32x3\nCONV1: 6 5x5 filters\nOutput: 28x28x6\n\nMy PyTorch code:\n```python\n"
             "class Net(nn.Module):\n    def __init__(self):\n        self.conv1 = nn.Conv2d(3, 6, 5)\n"
             "        conv2 = nn.Conv2d(6, 16, 5)\n        nn.Conv2d(6, 16, 5)\n        nn.MaxPool2d(2)\n```\n")
    report = homework(sheet)
    assert [a.verdict for a in report.answers] == ["right"] and len(report.rows) == 1
    assert [d.code for d in report.diagnostics if d.severity == "error"] == []
    # the answers a student writes in a code block are still read
    report = homework("```\nInput: 32x32x3\nCONV1: 6 5x5 filters\nOutput: 28x28x7\n```\n")
    assert [a.verdict for a in report.answers] == ["wrong"]


def test_a_batch_norm_described_by_its_name_or_its_call() -> None:
    # a batch norm on C channels has 2·C parameters (its scale and shift; the running statistics are buffers):
    # 64 channels, 128. `BN2: BatchNorm` was E060, every answer after it unchecked.
    for line in ("BN2: BatchNorm", "BN2: BatchNorm2d", "BN2: nn.BatchNorm2d(64)", "Layer 3: nn.BatchNorm2d(64)",
                 "BN2: nn.BatchNorm2d(64, eps=1e-3, momentum=0.01)", "BN2: BatchNormalization()",
                 "BN2: layers.BatchNormalization(epsilon=0.001)"):
        for count, verdict in (("128", "right"), ("256", "wrong")):
            report = homework(f"Input: 8x8x64\n{line}\nParams: {count}\n")
            assert [a.verdict for a in report.answers] == [verdict], line
    # its channels said against the input's: E017; an argument that changes its count (`affine=False`) is E060
    for line, code in (("BN2: nn.BatchNorm2d(32)", "E017"), ("BN2: nn.BatchNorm2d(64, affine=False)", "E060")):
        report = homework(f"Input: 8x8x64\n{line}\nParams: 128\n")
        assert [d.code for d in report.diagnostics if d.severity == "error"] == [code], line
        assert [a.verdict for a in report.answers] == ["unchecked"], line


def test_alexnet_written_as_pytorch_calls_is_read_and_detected() -> None:
    # torchvision's AlexNet layers (on a 227x227 input with no padding in conv1, so that (227 - 11)/4 + 1 = 55 is
    # exact), answered channels first as PyTorch prints sizes; its 61,100,840 parameters (torchvision's figure):
    # 3·11·11·64 + 64 = 23,296; 64·5·5·192 + 192 = 307,392; 192·9·384 + 384 = 663,936; 384·9·256 + 256 =
    # 884,992; 256·9·256 + 256 = 590,080; 9216·4096 + 4096 = 37,752,832; 4096·4096 + 4096 = 16,781,312;
    # 4096·1000 + 1000 = 4,097,000. `nn.Linear(256 * 6 * 6, 4096)` writes its inputs as a product.
    sheet = ("Input: 3x227x227\n"
             "conv1: nn.Conv2d(3, 64, kernel_size=11, stride=4, padding=0) -> 64x55x55\n"
             "pool1: nn.MaxPool2d(kernel_size=3, stride=2) -> 64x27x27\n"
             "conv2: nn.Conv2d(64, 192, kernel_size=5, padding=2) -> 192x27x27\n"
             "pool2: nn.MaxPool2d(kernel_size=3, stride=2) -> 192x13x13\n"
             "conv3: nn.Conv2d(192, 384, kernel_size=3, padding=1) -> 384x13x13\n"
             "conv4: nn.Conv2d(384, 256, kernel_size=3, padding=1) -> 256x13x13\n"
             "conv5: nn.Conv2d(256, 256, kernel_size=3, padding=1) -> 256x13x13\n"
             "pool5: nn.MaxPool2d(kernel_size=3, stride=2) -> 256x6x6\n"
             "fc6: nn.Linear(256 * 6 * 6, 4096)\nfc7: nn.Linear(4096, 4096)\nfc8: nn.Linear(4096, 1000)\n"
             "Total params: 61,100,840\n")
    report = cnncalc.analyze_text(sheet, "alexnet.txt")  # detected as the lecture's notation, not the spec's
    assert [a.verdict for a in report.answers] == ["right"] * 9 and report.totals.params == 61_100_840
    wrong = cnncalc.analyze_text(sheet.replace("192x13x13\n", "192x14x14\n"), "alexnet.txt")
    assert [(a.label, a.verdict) for a in wrong.answers if a.verdict != "right"] == [("pool2", "wrong")]


def test_a_listing_of_framework_calls_with_arrows_is_detected_as_the_lecture_notation() -> None:
    # Keras' layers as a student lists them: each line was read as the spec language (quotes, `Dense(10)` an unknown
    # block: fourteen errors and no verdict). 28x28 kept by 'same'; (3·3·1 + 1)·32 = 320; 28/2 = 14; 'valid': 14 - 3
    # + 1 = 12, (3·3·32 + 1)·64 = 18,496; 12·12·64 = 9,216 values flattened; 9,216·10 + 10 = 92,170.
    sheet = ("Input: 28x28x1\n"
             "Conv2D(32, (3,3), padding='same') -> 28x28x32, 320 params\n"
             "MaxPooling2D((2,2)) -> 14x14x32\n"
             "Conv2D(64, (3,3), padding='valid') -> 12x12x64, 18,496 params\n"
             "Flatten -> 9216\n"
             "Dense(10) -> 10, 92,170 params\n")
    report = cnncalc.analyze_text(sheet, "keras.txt")
    assert [a.verdict for a in report.answers] == ["right"] * 8
    wrong = cnncalc.analyze_text(sheet.replace("12x12x64", "14x14x64"), "keras.txt")
    assert [(a.label, a.verdict) for a in wrong.answers if a.verdict != "right"] == [("conv2", "wrong")]
    # PyTorch's calls likewise: (28 - 3)/1 + 1 = 26, (3·3·1 + 1)·32 = 320, 26/2 = 13, padded 13
    torch_sheet = ("Input: 28x28x1\nnn.Conv2d(1, 32, 3) -> 26x26x32, 320 params\nnn.MaxPool2d(2) -> 13x13x32\n"
                   "nn.Conv2d(32, 64, 3, padding=1) -> 13x13x64\n")
    assert [a.verdict for a in cnncalc.analyze_text(torch_sheet, "t.txt").answers] == ["right"] * 4
    # a spec whose lines call a block with an arrow stays the spec language: its calls are no framework's names
    spec = "block unit(c) { conv c 3x3 pad 1 ; relu }\ninput 8x8x3\nunit(16) -> 8x8x16\nunit(32) -> 8x8x32\n"
    assert cnncalc.analyze_text(spec, "s.txt").answers[0].verdict == "right"


@pytest.mark.parametrize("statement", ["Filter: 5x5x3, 10 filters, stride 1, pad 2",
                                       "Filters: 10 5x5x3 filters, stride 1, pad 2",
                                       "Filter size 5x5x3, 10 filters, stride 1, pad 2",
                                       "Filter size: 5x5, 10 filters, stride 1, pad 2",
                                       "Filters: 10 5x5, stride 1, pad 2", "Kernels: 10 5x5, stride 1, pad 2",
                                       "Kernel size 5x5, 10 filters, stride 1, pad 2"])
def test_a_convolution_stated_after_the_word_filter(statement: str) -> None:
    # The notes' summary worked in its letters: (32 - 5 + 2·2)/1 + 1 = 32, D2 = K = 10, 5·5·3·10 + 10 = 760. The
    # statement was prose, and every answer after it had no layer (E060).
    sheet = ("Input volume: 32x32x3\n" + statement + "\nW2 = (W1 - F + 2P)/S + 1 = (32 - 5 + 4)/1 + 1 = 32\n"
             "H2 = 32\nD2 = K = 10\nNumber of parameters: (F*F*D1)*K weights + K biases = 750 + 10 = {}\n")
    assert [a.verdict for a in homework(sheet.format(760)).answers] == ["right"] * 4
    assert [a.verdict for a in homework(sheet.format(750)).answers] == ["right"] * 3 + ["wrong"]


@pytest.mark.parametrize(("line", "name"), [
    ("Branch 2: 1x1 conv, 96 filters -> 28x28x96, params 18,528", "Branch 2"),
    ("CONV_3x3_reduce: 96 1x1 filters -> 28x28x96, params 18,528", "CONV_3x3_reduce"),
    ("3x3 reduce: 1x1 conv, 96 filters -> 28x28x96, params 18,528", "3x3 reduce"),
    ("pool proj: 96 1x1 filters -> 28x28x96, params 18,528", "pool proj"),
])
def test_a_modules_second_branch_in_a_listing_is_e060_not_judged_on_the_line_above(line: str, name: str) -> None:
    # Inception (3a) on 28x28x192: its 1x1 branch, (192 + 1)·64 = 12,352, and the 3x3 branch's 1x1 reduction of the
    # same input, (192 + 1)·96 = 18,528. Read in order, the reduction took the 1x1 branch's 64 channels, (64 + 1)·96
    # = 6,240, and the right 18,528 was marked WRONG.
    report = homework("Input: 28x28x192\nBranch 1: 1x1 conv, 64 filters -> 28x28x64, params 12,352\n" + line + "\n"
                      "Output after concatenation: 28x28x160\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 3, 1, f"`{name}` starts another branch: its input is not the output of the line above, and cnncalc "
                       f"does not read a module's branches in this notation")]
    assert [(a.expected, a.verdict) for a in report.answers if a.quantity == "params"] == [
        ("12,352", "right"), ("18,528", "unchecked")]
    # the concat's output rests on the unread branch: not judged either
    assert [a.verdict for a in report.answers if a.expected == "28x28x160"] == ["unchecked"]
    # a first branch, or a chain of convolutions with nothing that says a branch, is read in order: (64 + 1)·96
    chain = homework("Input: 28x28x192\n1x1 conv, 64 filters -> 28x28x64\n1x1 conv, 96 filters -> params 6,240\n")
    assert [a.verdict for a in chain.answers] == ["right", "right"]


@pytest.mark.parametrize(("answer", "verdict"), [
    ("55^2 x 96", "right"), ("55^2x96", "right"), ("55² x 96", "right"), ("55²×96", "right"), ("55**2 * 96", "right"),
    ("55^2", "right"), ("54^2 x 96", "wrong"), ("55^2 x 95", "wrong"), ("56² × 96", "wrong"),
])
def test_an_output_written_as_a_square_times_its_depth(answer: str, verdict: str) -> None:
    # (227 - 11)/4 + 1 = 55: 55² x 96 is 55x55x96. `55^2 x 96` was read as `2x96` and marked WRONG; `55²×96` was
    # passed over as prose. Within arithmetic (`11^2*3*96 + 96`) a square is no volume: still not evaluated, E060.
    report = homework(f"Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nOutput: {answer}\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict)]
    worked = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nParams: 11^2*3*96 + 96\n")
    assert [d.code for d in worked.diagnostics if d.severity == "error"] == ["E060"]


def test_an_input_after_a_problems_or_parts_number() -> None:
    # `Problem 1. Input image: 64 x 64 x 3.` was prose, and every answer after it rested on a missing input
    # (conv 32 3x3 pad 1 keeps 64x64: 64x64x32, (3·3·3 + 1)·32 = 896)
    for lead in ("Problem 1. ", "Problem 1: ", "Task 3) ", "Part b: ", "Part (a). "):
        report = homework(f"{lead}Input image: 64 x 64 x 3.\nLayer 1: Conv, 32 filters of 3 x 3, stride 1, padding 1."
                          f"\n  Output: 64 x 64 x 32\n  Parameters: (3 x 3 x 3 + 1) x 32 = 896\n")
        assert [a.verdict for a in report.answers] == ["right", "right"], lead


# LeNet-5 as tutorials tabulate it: `Feature Maps` (a convolution's filters, a pool's depth), `Size` (the output's
# height and width), the kernel and stride, an activation. (32 - 5)/1 + 1 = 28, 28/2 = 14, 14 - 5 + 1 = 10, 10/2 = 5,
# 5 - 5 + 1 = 1; params (5·5·1 + 1)·6 = 156, (5·5·6 + 1)·16 = 2,416, (5·5·16 + 1)·120 = 48,120, (120 + 1)·84 =
# 10,164, (84 + 1)·10 = 850 (the paper's C1, C5 and F6 counts). Every column was E060, no row judged.
LENET_TABLE = ("| Layer | Feature Maps | Size | Kernel Size | Stride | Activation | Params |\n"
               "|---|---|---|---|---|---|---|\n"
               "| Input | 1 | 32x32 | - | - | - | - |\n| C1 | 6 | 28x28 | 5x5 | 1 | tanh | 156 |\n"
               "| S2 | 6 | 14x14 | 2x2 | 2 | tanh | 0 |\n| C3 | 16 | {c3} | 5x5 | 1 | tanh | 2,416 |\n"
               "| S4 | {s4} | 5x5 | 2x2 | 2 | tanh | 0 |\n| C5 | 120 | 1x1 | 5x5 | 1 | tanh | 48,120 |\n"
               "| F6 | - | 84 | - | - | tanh | 10,164 |\n| Output | - | 10 | - | - | softmax | 850 |\n")


def test_lenets_table_of_feature_maps_and_sizes() -> None:
    report = homework(LENET_TABLE.format(c3="10x10", s4="16"))
    assert report.diagnostics == () and report.totals.params == 61_706
    assert all(a.verdict == "right" for a in report.answers) and len(report.answers) == 16  # 7 rows, 2 pools depths
    # a pool's maps are its output's depth, judged; a size, the output's height and width
    wrong = homework(LENET_TABLE.format(c3="12x12", s4="6"))
    assert [(a.label, a.quantity) for a in wrong.answers if a.verdict == "wrong"] == [("c3", "output"),
                                                                                      ("s4", "depth")]


def test_a_counts_parts_in_parentheses_are_answers_too() -> None:
    # CONV1 of AlexNet: 11·11·3·96 = 34,848 weights and 96 biases, 34,944 parameters. The parts in parentheses
    # after the count were passed over: a wrong part was never said wrong.
    head = "Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n"
    for line, verdicts in (("Params: 34,944 (34,848 weights + 96 biases)", ["right"] * 3),
                           ("Params = (11*11*3 + 1)*96 = 34,944 (34,848 weights + 96 biases)", ["right"] * 3),
                           ("Params: 34,944 (34,000 weights + 96 biases)", ["right", "wrong", "right"]),
                           ("Params: 34,944 (34,848 weights + 97 biases)", ["right", "right", "wrong"]),
                           ("Params: 34,944 (11*11*3*96 + 96)", ["right"])):  # (a working: no answer)
        assert [a.verdict for a in homework(head + line + "\n").answers] == verdicts, line


def test_a_feature_map_written_channels_first() -> None:
    # `512x7x7`, VGG's last feature map as PyTorch prints it: 7x7 pixels with 512 channels. A 3x3 conv with 10
    # filters and pad 1 on it has (3·3·512 + 1)·10 = 46,090 parameters and keeps 7x7 (10x7x7); read height first
    # (512 rows of 7 pixels with 7 channels) it had (3·3·7 + 1)·10 = 640. Sides below 4 stay height first.
    report = homework("Input: 512x7x7\nCONV1: 10 3x3 filters, pad 1\nOutput: 10x7x7\nParams: 46,090\n")
    assert [a.verdict for a in report.answers] == ["right", "right"]
    assert [d.code for d in report.diagnostics] == ["N023"]
    narrow = homework("Input: 27x3x3\nCONV1: 4 3x3 filters, pad 1\nParams: 112\n")  # (3·3·3 + 1)·4
    assert [a.verdict for a in narrow.answers] == ["right"] and not narrow.diagnostics


def test_keras_pools_have_a_2x2_window_unless_said() -> None:
    # Keras' MaxPooling2D() pools 2x2 at stride 2 by default: 32x32x10 -> 16x16x10; PyTorch's MaxPool2d needs its size
    for line, verdict in (("POOL1: MaxPooling2D()", "right"), ("POOL1: layers.MaxPool2D()", "right"),
                          ("POOL1: AveragePooling2D()", "right"), ("POOL1: AveragePooling2D(strides=1)", "wrong")):
        report = homework(f"Input: 32x32x10\n{line}\nOutput: 16x16x10\n")  # (stride 1: (32 - 2)/1 + 1 = 31)
        assert [a.verdict for a in report.answers] == [verdict], line
    report = homework("Input: 32x32x10\nPOOL1: nn.MaxPool2d()\nOutput: 16x16x10\n")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E060"]


def test_a_calls_size_written_as_a_product_cnncalc_cannot_read() -> None:
    # `nn.Linear(16 * 25, 10)`: 400 inputs, (400 + 1)·10 = 4,010; five factors, or one that is no number, is E060 at the
    # product (it said "expected out_features")
    assert [a.verdict for a in homework("Input: 5x5x16\nFC1: nn.Linear(16 * 25, 10)\nParams: 4,010\n").answers] == [
        "right"]
    for product in ("16 * 5 * 5 * 1 * 1", "16 * x"):
        text = f"Input: 5x5x16\nFC1: nn.Linear({product}, 10)\nParams: 4,010\n"
        errors = [d for d in homework(text).diagnostics if d.severity == "error"]
        assert [(d.code, d.line, d.column) for d in errors] == [("E060", 2, 16)], product
        assert "a product of at most 4 whole numbers" in errors[0].message
        assert text[errors[0].span.start:].startswith(product.split(" * ")[0])


def test_wrong_answers_on_this_sessions_forms_are_reported() -> None:
    # each form read this session with a wrong answer beside it: the wrong one is reported, never passed
    # bold labels: conv 10 5x5 pad 2 on 32x32x3 gives 32x32x10, not 28x28x10; (5·5·3 + 1)·10 = 760, not 750
    bold = homework("**Input:** 32×32×3 RGB image\n**Conv1:** kernel 5×5, 10 output channels, stride 1, padding 2\n"
                    "- Output shape: 28 × 28 × 10\n- Parameters: 750\n")
    assert [a.verdict for a in bold.answers] == ["wrong", "wrong"]
    # after a problem's number: conv 32 3x3 pad 1 on 64x64x3 keeps 64x64, (3·3·3 + 1)·32 = 896, not 864
    numbered = homework("Problem 1. Input image: 64 x 64 x 3.\nLayer 1: Conv, 32 filters of 3 x 3, stride 1, padding 1."
                        "\n  Output: 64 x 64 x 32\n  Parameters: 864\n")
    assert [a.verdict for a in numbered.answers] == ["right", "wrong"]
    # unnamed calls: 32x32x10 and 760 for the conv; a 2x2 pool halves 32x32x3 to 16x16x3, not 15x15x3
    for line, answers, verdicts in (("nn.Conv2d(3, 10, 5, padding=2)", "Output: 28x28x10\nParams: 750", ["wrong"] * 2),
                                    ("Conv layer: in_channels=3, out_channels=10, kernel_size=5", "Params: 761",
                                     ["wrong"]),
                                    ("nn.MaxPool2d(2, 2)", "Output: 15x15x3", ["wrong"]),
                                    ("Pool layer: kernel_size=2, stride=2", "Output: 16x16x4", ["wrong"])):
        report = homework(f"Input: 32x32x3\n{line}\n{answers}\n")
        assert [a.verdict for a in report.answers] == verdicts, line
    # a feature map channels first: 10x7x7 after a 3x3 pad-1 conv on 512x7x7, not 10x5x5; 46,090 parameters, not 640
    feature = homework("Input: 512x7x7\nCONV1: 10 3x3 filters, pad 1\nOutput: 10x5x5\nParams: 640\n")
    assert [a.verdict for a in feature.answers] == ["wrong", "wrong"]


@pytest.mark.parametrize(("line", "where", "said", "words"), [
    ("BN2: nn.BatchNorm2d(64, affine=False)", (2, 25), "affine=False)", "does not understand"),
    ("CONV2: Conv2D(10, 5, activation='relu)", (2, 22), "activation='relu)", "does not understand"),
    ("BN2: nn.BatchNorm2d(32)", (2, 21), "32", "written for 32 input channels but receives 64"),
])
def test_errors_of_framework_calls_at_their_place(line: str, where: tuple[int, int], said: str, words: str) -> None:
    text = f"Input: 8x8x64\n{line}\nParams: 128\n"
    errors = [d for d in homework(text).diagnostics if d.severity == "error"]
    assert len(errors) == 1 and (errors[0].line, errors[0].column) == where
    assert text[errors[0].span.start:errors[0].span.end] == said and words in errors[0].message


# a 3x3 convolution at stride 1, pad 1 on 27x27x96 keeps 27x27x96: (27 - 3 + 2·1)/1 + 1 = 27
NAMED_ALONE = "Input: 27x27x96\n\n1. CONV1: 96 3x3 filters at stride 1, pad 1\n   - Output volume: 27x27x96\n"


@pytest.mark.parametrize("name, kind", [("2. NORM1", "lrn"), ("NORM1", "lrn"), ("2. RELU1", "relu"),
                                        ("**NORM1**", "lrn")])
def test_a_layer_named_alone_on_its_line_is_read_with_its_answers_below(name: str, kind: str) -> None:
    # `2. NORM1` with its output in a bullet below was prose, and the bullet's answer went unjudged (or, differing
    # from CONV1's, E060): a normalisation or ReLU keeps the volume, 27x27x96
    report = homework(NAMED_ALONE + f"{name}\n   - Output volume: 27x27x96\n")
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "right"), (name.strip("*. 0123456789").lower()
                                                                                   + "1", "right")]
    assert report.rows[-1].op.startswith(kind)
    wrong = homework(NAMED_ALONE + f"{name}\n   - Output volume: 27x27x48\n")
    assert [a.verdict for a in wrong.answers] == ["right", "wrong"]


@pytest.mark.parametrize("name, expected", [
    ("POOL2", "expected the window size, as in `3x3 filters at stride 2`"),
    ("CONV2", "expected the number of filters, as in `96 11x11 filters`"),
    ("3. FC6", "expected the number of neurons, as in `4096 neurons`"),
])
def test_a_layer_named_alone_that_needs_its_description_is_e060_at_its_line(name: str, expected: str) -> None:
    # the answer below rests on the layer, which could not be read: not checked (N046), and never judged against
    # the layer above (CONV1's 27x27x96)
    report = homework(NAMED_ALONE + f"{name}\n   - Output volume: 13x13x96\n")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.code, error.message, error.line) == ("E060", expected, 5)
    assert [a.verdict for a in report.answers] == ["right", "unchecked"]


@pytest.mark.parametrize("said, verdict", [("69984", "right"), ("69,984", "right"), ("67,000", "wrong")])
def test_flatten_with_a_colon_and_its_length_below(said: str, verdict: str) -> None:
    # `Flatten:` alone was prose, its answer below judged against nothing (E060); 27·27·96 = 69,984 values
    report = homework(NAMED_ALONE + f"Flatten:\n   - Output: {said}\n")
    assert [a.verdict for a in report.answers] == ["right", verdict]


# AlexNet's first two layers: (227 - 11)/4 + 1 = 55, a 55x55x96 output with (11·11·3 + 1)·96 = 34,944 parameters;
# the pool (55 - 3)/2 + 1 = 27: 27x27x96
ALEXNET_TWO = "Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nPOOL1: 3x3 filters at stride 2\n"


@pytest.mark.parametrize("sentence, label, right", [
    ("For the first layer, the output volume is 55x55x96.", "conv1", True),
    ("For the first layer, the output volume is 55x55x48.", "conv1", False),
    ("For the second layer, the output volume is 27x27x96.", "pool1", True),
    ("In CONV1, the output volume is 55x55x96.", "conv1", True),
    ("For CONV1 the output is 54x54x96", "conv1", False),
    ("The first layer's output volume is 55x55x96.", "conv1", True),
    ("The second layer's output volume is 55x55x96.", "pool1", False),
    ("For CONV1, there are 34,944 parameters.", "conv1", True),
    ("In the first layer, there are 34,848 learnable parameters.", "conv1", False),  # the biases left out
    ("For CONV1, the number of parameters is 34,944.", "conv1", True),
    ("In this layer, the output is 27x27x96.", "pool1", True),  # the layer above's
    ("Its output volume is 27x27x95.", "pool1", False),
])
def test_a_sentence_that_names_its_layer_first(sentence: str, label: str, right: bool) -> None:
    # these were prose (N060, shown only when asked): the answer never judged
    report = homework(ALEXNET_TWO + sentence + "\n")
    assert [(a.label, a.verdict) for a in report.answers] == [(label, "right" if right else "wrong")]


@pytest.mark.parametrize("sentence", ["In the first layer, we apply 96 filters.", "For CONV1, the stride is 4.",
                                      "In this layer, the filters are 11x11x3."])
def test_a_sentence_that_names_its_layer_first_and_answers_nothing_stays_prose(sentence: str) -> None:
    report = homework(ALEXNET_TWO + sentence + "\n")
    assert not report.answers
    assert [d.code for d in report.diagnostics if d.severity == "error"] == []


@pytest.mark.parametrize("written, verdict", [
    ("$34{,}944$", "right"), ("$34\\,944$", "right"), ("34{,}848", "wrong"),  # (11·11·3 + 1)·96 = 34,944
    ("$(11 \\cdot 11 \\cdot 3 + 1) \\cdot 96 = 34{,}944$", "right"), ("$34{,}945$", "wrong"),
])
def test_latex_thousands_separators(written: str, verdict: str) -> None:
    # LaTeX's `{,}` was read as braces around a comma: E060 "expected the parameter count"
    report = homework(f"Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nParameters: {written}\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("params", verdict)]


@pytest.mark.parametrize("written, verdicts_said", [
    ("-> 55 x 55 x 96 neurons, ~35K params", [("output", "right"), ("params", "right")]),
    ("-> 55x55x96 neurons", [("output", "right")]),
    ("-> 55x55x95 neurons", [("output", "wrong")]),
    ("-> 55x55x96 values, 34,944 params", [("output", "right"), ("params", "right")]),
])
def test_a_volume_answered_as_its_neurons(written: str, verdicts_said: list[tuple[str, str]]) -> None:
    # the lecture's "neurons arranged in a 3D grid (28x28x5)": the word after the volume made the line unreadable,
    # and every answer below it unchecked
    report = homework(f"Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0 {written}\n"
                      "POOL1: 3x3 filters at stride 2 -> 27x27x96\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [*verdicts_said, ("output", "right")]


FILTER_TABLE = ("Input: 227x227x3\n\n| Layer | Filter | Stride | Pad | Output | # Params |\n"
                "|---|---|---|---|---|---|\n")


@pytest.mark.parametrize("row, verdicts_said", [
    # 96 filters of 11x11 at stride 4: (227 - 11)/4 + 1 = 55, (11·11·3 + 1)·96 = 34,944
    ("| CONV1 | 96 x 11x11 | 4 | 0 | 55x55x96 | 34,944 |", ["right", "right"]),
    ("| CONV1 | 96 @ 11x11 | 4 | 0 | 55x55x96 | 34,848 |", ["right", "wrong"]),
    ("| CONV1 | 11x11x3, 96 | 4 | 0 | 54x54x96 | 34,944 |", ["wrong", "right"]),
    ("| CONV1 | 11x11x3 x 96 | 4 | 0 | 55x55x96 | 34,944 |", ["right", "right"]),
    # a pool's window: (227 - 3)/2 + 1 = 113
    ("| POOL1 | 3x3 | 2 | 0 | 113x113x3 | 0 |", ["right", "right"]),
    ("| POOL1 | 3x3 | 2 | 0 | 112x112x3 | 0 |", ["wrong", "right"]),
])
def test_a_filter_column_gives_the_filters_count_and_size(row: str, verdicts_said: list[str]) -> None:
    # `| Filter |` was a column cnncalc did not know: every row E060, every answer unchecked
    report = homework(FILTER_TABLE + row + "\n")
    assert [a.verdict for a in report.answers] == verdicts_said


def test_a_filter_columns_depth_is_checked_and_a_cell_it_cannot_read_is_e060() -> None:
    report = homework(FILTER_TABLE + "| CONV1 | 96 x 11x11x4 | 4 | 0 | 55x55x96 | 34,944 |\n")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.code, error.line) == ("E016", 5) and "the filters are 4 deep but the input is 3 deep" in error.message
    report = homework(FILTER_TABLE + "| CONV1 | 96 big ones | 4 | 0 | 55x55x96 | 34,944 |\n")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.code, error.message, error.line) == (
        "E060", "cnncalc cannot read `96 big ones` as the filters' count and size", 5)
    assert [a.verdict for a in report.answers] == ["unchecked", "unchecked"]


HEADED = """## Input
227 × 227 × 3

### Layer 1: CONV1
- Filters: 96 filters of size 11x11x3, stride 4, padding 0
- Output size: (227 - 11)/4 + 1 = 55 → {conv}
- Weights: 11*11*3*96 = 34,848
- Biases: 96

### Layer 2: POOL1
- 3x3 max pooling, stride 2
- Output size: (55 - 3)/2 + 1 = 27 → {pool}
- Parameters: 0
"""


@pytest.mark.parametrize("conv, pool, said", [
    ("55×55×96", "27×27×96", ["right"] * 5),
    ("55×55×48", "27×27×96", ["wrong"] + ["right"] * 4),
    ("55×55×96", "26×26×96", ["right"] * 3 + ["wrong", "right"]),
])
def test_layers_named_in_headings_and_described_in_the_bullet_below(conv: str, pool: str, said: list[str]) -> None:
    # markdown headings were comments: the input (`## Input`, its volume below) and the layers (`### Layer 1: CONV1`,
    # described in the first bullet) unread, every answer E060. (227 - 11)/4 + 1 = 55; 11·11·3·96 = 34,848 weights
    # and 96 biases; (55 - 3)/2 + 1 = 27
    report = homework(HEADED.format(conv=conv, pool=pool))
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == [
        (label, quantity, verdict) for (label, quantity), verdict in zip(
            [("conv1", "output"), ("conv1", "weights"), ("conv1", "biases"), ("pool1", "output"),
             ("pool1", "params")], said)]
    assert not [d for d in report.diagnostics if d.severity == "error" and d.code != "E040"]


@pytest.mark.parametrize("name, description", [
    ("CONV2", "- 256 5x5 filters at stride 1, pad 2"), ("2. CONV2:", "   - Filters: 256 filters of size 5x5, pad 2"),
    ("CONV2", "256 5x5 filters, pad 2"),
])
def test_a_name_alone_then_its_description_on_the_line_below(name: str, description: str) -> None:
    # (27 - 5 + 2·2)/1 + 1 = 27: 27x27x256; (5·5·96 + 1)·256 = 614,656
    base = "Input: 27x27x96\n"
    report = homework(base + f"{name}\n{description}\n- Output: 27x27x256\n- Params: 614,656\n")
    assert [(a.label, a.verdict) for a in report.answers] == [("conv2", "right"), ("conv2", "right")]
    wrong = homework(base + f"{name}\n{description}\n- Output: 27x27x255\n- Params: 614,400\n")
    assert [a.verdict for a in wrong.answers] == ["wrong", "wrong"]


def test_a_heading_that_names_no_layer_described_below_stays_a_comment() -> None:
    # a title, and a heading over prose: comments as before; the layer stated after them is read
    report = homework("# Homework 2: AlexNet\n## Input\nThe input is an image.\nInput: 227x227x3\n### CONV1\n"
                      "Some prose.\nCONV1: 96 11x11 filters at stride 4, pad 0 -> 55x55x96\n")
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "right")]
    assert not [d for d in report.diagnostics if d.severity == "error"]


@pytest.mark.parametrize("line, said", [
    # (227 - 11)/4 + 1 = 55: 55x55x96, on the 227x227x3 input
    ("CONV1 — 96 11x11 filters, stride 4, pad 0 — 55x55x96", [("output", "right")]),
    ("CONV1 – 96 11x11 filters, stride 4, pad 0 – 55x55x95", [("output", "wrong")]),
    ("CONV1: 96 kernels 11×11, stride 4, no padding ⇒ 55×55×96", [("output", "right")]),
    ("CONV1: 96 11x11 filters, stride 4, pad 0 ⟶ 54×54×96", [("output", "wrong")]),
    ("CONV1: input 227x227x3, 96 filters 11x11, stride 4, pad 0 → output 55x55x96",
     [("output", "right"), ("input", "right")]),
    ("CONV1: input 224x224x3, 96 filters 11x11, stride 4, pad 0 → output 55x55x96",
     [("output", "right"), ("input", "wrong")]),
])
def test_dashes_arrows_and_the_input_said_in_a_description(line: str, said: list[tuple[str, str]]) -> None:
    # em dashes made the line prose (its answer unjudged), `⇒` was not an arrow, and `input 227x227x3,` leading a
    # description was E060 ("expected the number of filters")
    report = homework(f"Input: 227x227x3\n{line}\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == said


SENTENCES = """The network takes a 32x32x3 image.
The first layer is a convolution with 10 5x5 filters, stride 1 and padding 2.
Its output volume is {conv} and it has {params} parameters.
The second layer is a 2x2 max pooling with stride 2.
Its output volume is {pool}.
"""


@pytest.mark.parametrize("conv, params, pool, said", [
    # (32 - 5 + 2·2)/1 + 1 = 32: 32x32x10 with (5·5·3 + 1)·10 = 760 parameters; the pool halves it: 16x16x10
    ("32x32x10", "760", "16x16x10", ["right", "right", "right"]),
    ("28x28x10", "750", "16x16x10", ["wrong", "wrong", "right"]),
    ("32x32x10", "760", "16x16x3", ["right", "right", "wrong"]),
])
def test_a_network_told_in_sentences(conv: str, params: str, pool: str, said: list[str]) -> None:
    # detected as the spec language (8 errors); with --lang lecture every sentence was prose and every answer E060
    text = SENTENCES.format(conv=conv, params=params, pool=pool)
    from cnncalc.notations import detect
    assert detect(text, "hw.md") == "lecture"
    report = cnncalc.analyze_text(text, "hw.md")
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == [
        (label, quantity, verdict) for (label, quantity), verdict in
        zip([("conv1", "output"), ("conv1", "params"), ("maxpool1", "output")], said)]


@pytest.mark.parametrize("said", ["The input to the network is a 32x32x3 image.", "The input of the model: 32x32x3",
                                  "The network's input is a 32x32x3 volume",
                                  "The input to the CNN is a 32x32 RGB image.",
                                  "Given an input volume of 32x32x3, apply the following:",
                                  "Consider an input image of size 32x32x3.", "Suppose the input is 32x32x3.",
                                  "Let the input be 32x32x3.", "An input volume of 32x32x3 is given.",
                                  "Given a 32x32x3 RGB image as input.", "Image: 32x32x3",
                                  "Consider a CNN for 32x32x3 inputs.", "A network for 32x32 RGB images:"])
def test_the_input_told_as_the_networks(said: str) -> None:
    # the first sentence was prose, and the layer after it E024 (no input): its answer not checked. CONV1: (32 - 5 +
    # 2·2)/1 + 1 = 32, (5·5·3 + 1)·10 = 760 parameters; the pool 32/2 = 16
    report = homework(SENTENCES.replace("The network takes a 32x32x3 image.", said).format(
        conv="32x32x10", params="760", pool="16x16x10"))
    assert [a.verdict for a in report.answers] == ["right"] * 3, report.diagnostics
    wrong = homework(SENTENCES.replace("The network takes a 32x32x3 image.", said).format(
        conv="28x28x10", params="750", pool="16x16x10"))  # (32 - 5)/1 + 1 without the padding; the biases left out
    assert [a.verdict for a in wrong.answers] == ["wrong", "wrong", "right"]


# 8 3x3 filters, pad 1, on 32x32x3: 32x32x8, (3·3·3 + 1)·8 = 224; pooled 16x16x8; 16 3x3 filters unpadded: 16 - 3 + 1
# = 14, 14x14x16, (3·3·8 + 1)·16 = 1,168; pooled 7x7x16; 10 neurons on its 784 values: (784 + 1)·10 = 7,850
LETTERED = """## Problem 1

Given an input volume of 32x32x3, apply the following:

(a) CONV: 8 filters, 3x3, stride 1, pad 1. Output: 32x32x8. Params: 224
(b) ReLU. Output: 32x32x8
(c) MAX POOL: 2x2, stride 2. Output: 16x16x8
(d) CONV: 16 filters, 3x3, stride 1, pad 0. Output: 14x14x16. Params: 1168
(e) MAX POOL: 2x2, stride 2. Output: 7x7x16
(f) FC: 10 neurons. Params: 7850
"""


def test_a_problem_in_lettered_steps_is_the_lecture_notation() -> None:
    # read as the spec language (its steps' letters were not a list's), it gave ten syntax errors and no verdict
    from cnncalc.notations import detect
    assert detect(LETTERED, "hw.md") == "lecture"
    report = cnncalc.analyze_text(LETTERED, "hw.md")
    assert report.ok and [a.verdict for a in report.answers] == ["right"] * 8, report.diagnostics
    wrong = cnncalc.analyze_text(LETTERED.replace("1168", "1152").replace("7x7x16", "6x6x16"), "hw.md")
    assert [(a.expected, a.verdict) for a in wrong.answers if a.verdict != "right"] == [
        ("1152", "wrong"), ("6x6x16", "wrong")]  # the biases left out; (14 - 2)/2 without the + 1


@pytest.mark.parametrize("said", ["Suppose the input to CONV1 is 32x32x3.",
                                  "Given an input of 32x32x3 and a 5x5 filter.",
                                  "We apply 10 filters to the 32x32x3 input, then compute the output."])
def test_a_sentence_that_says_more_than_the_input_is_not_read_as_it(said: str) -> None:
    # each says more than the network's input: none gives a network an input of 32x32x3 that its layers are judged on
    report = homework(SENTENCES.replace("The network takes a 32x32x3 image.", said).format(
        conv="32x32x10", params="760", pool="16x16x10"))
    assert [a.verdict for a in report.answers if a.path == "conv1"] != ["right", "right"]


# An exercise (the input and a layer, unanswered), then the student's working of that layer on a line of its own:
# 8 3x3 filters at stride 1 with pad 1 on 32x32x3 give (32 - 3 + 2·1)/1 + 1 = 32, 32x32x8, and (3·3·3 + 1)·8 = 224
# parameters; taken as a second layer after the exercise's, its count was (3·3·8 + 1)·8 = 584, and a right 224 wrong
EXERCISE = "Given an input of 32x32x3 and 8 filters of 3x3{said}.\nCONV1: 8 filters, 3x3, stride 1, pad 1 -> {out}, " \
    "params {params}\n"


def test_an_exercises_layer_worked_on_a_line_of_its_own_is_the_exercise_answered() -> None:
    said = " with stride 1 and pad 1"
    report = homework(EXERCISE.format(said=said, out="32x32x8", params=224))
    assert report.ok and [a.verdict for a in report.answers] == ["right", "right"], report.diagnostics
    assert [r.keyword for r in report.rows] == ["conv"]
    # the stride left unsaid in the exercise is its default, 1: the line states the same layer
    assert [a.verdict for a in homework(EXERCISE.format(said=" with pad 1", out="32x32x8", params=224)).answers] == [
        "right", "right"]
    wrong = homework(EXERCISE.format(said=said, out="30x30x8", params=584))  # no padding; the input's depth as 8
    assert [a.verdict for a in wrong.answers] == ["wrong", "wrong"]
    # worked with other settings than the exercise states (no padding said there, so 30x30x8 after it): the line is
    # the exercise's layer with its padding, or another layer after it; 224 and 584 are each right in one reading
    for params in (224, 584):
        either = homework(EXERCISE.format(said="", out="32x32x8", params=params))
        assert [a.verdict for a in either.answers] == ["unchecked", "unchecked"]
    # a layer of another kind after the exercise goes on from it: 2x2 max pooling at stride 2, 32/2 = 16
    pooled = homework("Given an input of 32x32x3 and 8 filters of 3x3 with stride 1 and pad 1.\n"
                      "POOL1: 2x2 max pool, stride 2 -> {}\n")
    assert [a.verdict for a in homework(pooled.source.text.format("16x16x8")).answers] == ["right"]
    assert [a.verdict for a in homework(pooled.source.text.format("16x16x3")).answers] == ["wrong"]


@pytest.mark.parametrize("applied", ["applied to the output of CONV1", "applied to CONV1", "on the output of CONV 1"])
def test_a_layer_applied_to_the_one_above(applied: str) -> None:
    # AlexNet's CONV1 gives (227 - 11)/4 + 1 = 55: 55x55x96, and its 3x3 pool at stride 2 (55 - 3)/2 + 1 = 27. Said to
    # apply to the layer above, the pool's statement was E060 and its answer not checked
    above = "Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n"
    report = homework(above + f"POOL1 is a 3x3 max pool with stride 2 {applied}. What is its output?\n27x27x96\n")
    assert report.ok and [(a.path, a.verdict) for a in report.answers] == [("pool1", "right")], report.diagnostics
    wrong = homework(above + f"POOL1 is a 3x3 max pool with stride 2 {applied}. What is its output?\n26x26x96\n")
    assert [(a.path, a.verdict) for a in wrong.answers] == [("pool1", "wrong")]  # (55 - 3)/2 without the + 1
    # applied to a layer that is not the one above: a branch a listing does not make, E060, the answer not judged
    branched = homework(above + "CONV2: 8 1x1 filters -> 55x55x8\n"
                                f"POOL1 is a 3x3 max pool with stride 2 {applied}. What is its output?\n27x27x96\n")
    assert [d.code for d in branched.diagnostics if d.severity == "error"] == ["E060"]
    assert [(a.path, a.verdict) for a in branched.answers] == [("conv2", "right"), ("pool1", "unchecked")]


def test_a_layer_stated_out_of_its_place_is_e060() -> None:
    report = homework("The network takes a 32x32x3 image.\nThe second layer is a 2x2 max pooling with stride 2.\n"
                      "Its output volume is 16x16x3.\n")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.code, error.message, error.line, error.column) == ("E060", "the second layer, stated after 0 layers",
                                                                     2, 1)
    assert [a.verdict for a in report.answers] == ["unchecked"]


@pytest.mark.parametrize("line", ["3x3 conv, 64", "5x5 conv, 6", "conv 3x3, 64", "CONV1: 3x3 conv, 64",
                                  "CONV1 (3x3, 64, stride 1)", "CONV1: 3x3, 64"])
def test_a_convolution_written_size_first_without_a_stride_or_padding_is_not_guessed(line: str) -> None:
    # the ResNet figure's `3x3 conv, 64` is padded, a LeNet sheet's `5x5 conv, 6` is not: E060, the answer unchecked
    # (named, it was read unpadded: the figure's (32 - 3 + 2)/1 + 1 = 32 marked wrong against 30)
    report = homework(f"Input: 32x32x3\n{line}\n- Output: 32x32x64\n")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E060"]
    assert [a.verdict for a in report.answers] == ["unchecked"]
    # with its padding said, or a 1x1 (which has none to say), it is read: (32 - 3 + 2·1)/1 + 1 = (32 - 5 + 2·2)/1 + 1
    # = 32
    for said in (f"{line}, pad {1 if '3x3' in line else 2}", line.replace("3x3", "1x1").replace("5x5", "1x1")):
        read = homework(f"Input: 32x32x3\n{said}\n- Output: 32x32x{6 if line.endswith(', 6') else 64}\n")
        assert [a.verdict for a in read.answers] == ["right"], said


@pytest.mark.parametrize("line, answer, verdict", [
    # the ResNet paper's figure: its `/2` halves the size, its convolutions padded (7 - 1)/2 = 3: 224 / 2 = 112
    ("7x7 conv, 64, /2", "112x112x64", "right"),
    ("7x7 conv, 64, /2", "109x109x64", "wrong"),  # (224 - 7)/2 + 1 = 109.5 unpadded: not the figure's
    ("CONV1: 7x7 conv, 64, /2", "109x109x64", "wrong"),
    ("[112x112x64] CONV1: 7x7 conv, 64, /2", None, "right"),
    ("CONV1: 7x7 conv, 64, /2, pad 0", "109x109x64", "invalid"),  # (224 - 7)/2 + 1 = 109.5: a padding said is kept
    # a pool's padding is no convention: the GoogLeNet table's `3x3/2` gives AlexNet's (55 - 3)/2 + 1 = 27, unpadded
    ("POOL1: max pool 3x3/2", "111x111x3", "invalid"),  # (224 - 3)/2 + 1 = 111.5
])
def test_the_resnet_figures_convolutions_pad_to_keep_or_divide_the_size(line: str, answer: str | None,
                                                                             verdict: str) -> None:
    # `7x7 conv, 64, /2` was unreadable, and named (`CONV1: …`) read without padding: E030 for the figure's 7x7/2 on 224
    report = homework(f"Input: 224x224x3\n{line}\n" + (f"- Output: {answer}\n" if answer else ""))
    if verdict == "invalid":
        assert "E030" in [d.code for d in report.diagnostics]
        return
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict)]


@pytest.mark.parametrize("conv", ["CONV1: conv 7x7/2, 64 filters", "CONV1: convolution 7x7/2, 64 filters",
                                  "CONV1: 7x7/2 conv, 64 filters", "CONV1: conv 7x7/2, 64", "conv 7x7/2, 64 filters",
                                  "7x7/2 conv, 64 filters"])
@pytest.mark.parametrize("pool, kind", [
    ("POOL1: 3x3/2 max pool", "maxpool"), ("3x3/2 max pool", "maxpool"), ("POOL1: maxpool 3x3, stride 2", "maxpool"),
    ("POOL1: 3x3/2 maxpool", "maxpool"), ("POOL1: 3x3/2 avg pool", "avgpool"),
    ("POOL1: avgpool 3x3 stride 2", "avgpool")])
def test_a_size_and_stride_written_as_the_googlenet_table_writes_them(conv: str, pool: str, kind: str) -> None:
    # `7x7/2` before the count of filters, `3x3/2` before the pool's kind, and the spec's one-word `maxpool` after a
    # name were E060. Unpadded, as the table's `/2` is elsewhere: on 227, (227 - 7)/2 + 1 = 111 and
    # (7·7·3 + 1)·64 = 9,472 parameters; the pool (111 - 3)/2 + 1 = 55
    sheet = f"Input: 227x227x3\n{conv} -> 111x111x64, params 9,472\n{pool} -> 55x55x64\n"
    report = homework(sheet)
    assert [r.op.split()[0] for r in report.rows] == ["conv", kind] and report.ok, report.messages()
    assert [a.verdict for a in report.answers] == ["right"] * 3
    wrong = homework(sheet.replace("111x111x64", "112x112x64").replace("55x55x64", "56x56x64"))
    assert [a.verdict for a in wrong.answers] == ["wrong", "right", "wrong"]


def test_a_stride_given_after_the_size_and_again_is_not_guessed() -> None:
    report = homework("Input: 227x227x3\nCONV1: conv 7x7/2, 64 filters, stride 2 -> 111x111x64\n")
    assert errors(report) == [("E060", 2, len("CONV1: conv 7x7/2, 64 filters, ") + 1)]
    assert "`stride` is given twice" in report.diagnostics[0].message
    assert not any(a.verdict == "right" for a in report.answers)


@pytest.mark.parametrize("answer, quantity, verdict", [
    # on 32x32x3, 6 5x5 filters: (32 - 5)/1 + 1 = 28, a 28x28x6 output of 28·28·6 = 4,704 values; each of these
    # answers was prose, skipped in silence (a wrong one passed unnoticed)
    ("Output height 28, width 28, depth 6", "output", "right"),
    ("Output width 28, height 28, depth 5", "output", "wrong"),
    ("Output depth 6", "depth", "right"),
    ("Output W = 28", "width", "right"),
    ("Output W = (32 - 5 + 0)/1 + 1 = 27", "width", "wrong"),
    ("H_out = 28, W_out = 28, C_out = 6", "output", "right"),
    ("H_out = 28, W_out = 29, C_out = 6", "output", "wrong"),
    ("6 feature maps of 28x28", "output", "right"),
    ("7 activation maps of size 28x28", "output", "wrong"),
    ("Output memory: 4,704 values", "memory", "right"),
    ("torch.Size([1, 6, 28, 28])", "output", "right"),  # PyTorch's order: batch, channels, height, width
    ("torch.Size([1, 28, 28, 6])", "output", "wrong"),  # 28 channels of 28x6 in that order
    ("torch.Size([6, 28, 28])", "output", "right"),
])
def test_answers_written_as_students_and_pytorch_write_them(answer: str, quantity: str, verdict: str) -> None:
    report = homework(f"Input: 32x32x3\nCONV1: 6 5x5 filters, stride 1, pad 0\n{answer}\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [(quantity, verdict)]


@pytest.mark.parametrize("answer, quantity, verdict", [
    # the network's totals and output, named by the network: (5·5·3 + 1)·6 = 456 parameters, 28·28·6·75 = 352,800
    # MACs, a 28x28x6 output; these were prose
    ("Network params: 456", "total params", "right"),
    ("Network params: 457", "total params", "wrong"),
    ("Model MACs: 352,800", "total macs", "right"),
    ("Final volume: 28x28x6", "network output", "right"),
    ("Final volume: 28x28x7", "network output", "wrong"),
])
def test_totals_named_by_the_network(answer: str, quantity: str, verdict: str) -> None:
    report = homework(f"Input: 32x32x3\nCONV1: 6 5x5 filters, stride 1, pad 0 -> 28x28x6\n\n{answer}\n")
    assert [(a.quantity, a.verdict) for a in report.answers][1:] == [(quantity, verdict)]


def test_a_vectors_printed_size_answers_a_fully_connected_layer() -> None:
    # torch.Size([1, 10]): the batch and 10 values, FC1's 10 neurons
    assert [a.verdict for a in homework("Input: 32x32x3\nFC1: 10 neurons\ntorch.Size([1, 10])\n").answers] == ["right"]
    assert [a.verdict for a in homework("Input: 32x32x3\nFC1: 10 neurons\ntorch.Size([1, 11])\n").answers] == ["wrong"]


# The VGG paper's table, column D (VGG-16), as a student copies it: `conv3-64` is 64 3x3 filters padded by 1, the
# table's `maxpool` 2x2 at stride 2 (the paper's text), then FC-4096, FC-4096, FC-1000 and soft-max.
VGG16_TABLE = ("Input: 224x224x3\nconv3-64 -> 224x224x64\nconv3-64\nmaxpool -> 112x112x64\nconv3-128\nconv3-128\n"
               "maxpool\nconv3-256\nconv3-256\nconv3-256 -> {c256}\nmaxpool\n" + "conv3-512\n" * 3 + "maxpool\n" +
               "conv3-512\n" * 3 + "maxpool -> 7x7x512\nFC-4096 -> 4096, params {fc6}\nFC-4096\nFC-1000\nsoft-max\n")


def test_a_sheet_that_copies_the_vgg_table_reads_every_line() -> None:
    # `conv3-64` without an answer and `maxpool` alone were prose: the next answer was judged on the wrong input
    # (a right answer marked wrong), and the sheet, its lines with arrows, was taken for the spec language
    text = VGG16_TABLE.format(c256="56x56x256", fc6="102,764,544")  # (7·7·512 + 1)·4096
    assert detect(text, "vgg.txt") == "lecture"
    report = cnncalc.analyze_text(text, "vgg.txt")
    assert report.ok and [a.verdict for a in report.answers] == ["right"] * 6, report.messages()
    convs = [(3, 64), (64, 64), (64, 128), (128, 128), (128, 256), (256, 256), (256, 256), (256, 512), (512, 512),
             (512, 512), (512, 512), (512, 512), (512, 512)]
    fcs = [(7 * 7 * 512, 4096), (4096, 4096), (4096, 1000)]
    assert report.totals.params == sum((9 * a + 1) * b for a, b in convs) + sum((a + 1) * b for a, b in fcs) \
        == 138_357_544  # VGG-16's published count
    assert [r.op for r in report.rows].count("maxpool 2x2 stride 2") == 5 and report.rows[-1].op == "softmax"
    wrong = cnncalc.analyze_text(VGG16_TABLE.format(c256="28x28x256", fc6="102,760,448"), "vgg.txt")
    assert [a.verdict for a in wrong.answers] == ["right", "right", "wrong", "right", "right", "wrong"]


@pytest.mark.parametrize("sheet, verdict", [
    # (224 - 2)/2 + 1 = 112 after the pool, 128 filters padded: 112x112x128; it was judged on 224x224x3: wrong
    ("Input: 224x224x3\nconv3-64\nmaxpool\nconv3-128 -> 112x112x128\n", "right"),
    ("Input: 224x224x3\nconv3-64\nmaxpool\nconv3-128 -> 224x224x128\n", "wrong"),
    ("Input: 56x56x128\nconv1-256 -> 56x56x256, params 33,024\n", "right"),  # 1x1, unpadded: (128 + 1)·256
])
def test_the_vgg_tables_layers_without_answers_count(sheet: str, verdict: str) -> None:
    report = homework(sheet)
    assert {a.verdict for a in report.answers} == {verdict}


def test_a_vgg_name_of_too_many_digits_is_no_size_and_no_crash() -> None:
    # `conv<5,000 digits>-64` took its size with int(), past Python's 4,300 digits: a ValueError (an internal error).
    # A name of 18 digits is a size, refused where written (E013); of more, no size: the line is prose
    huge = homework("Input: 8x8x3\nconv" + "9" * 5000 + "-64\nFC: 10 neurons -> 10\n")
    assert errors(huge) == [] and [a.verdict for a in huge.answers] == ["right"]
    wide = homework("Input: 8x8x3\nconv" + "9" * 18 + "-64\nFC: 10 neurons -> 10\n")
    assert errors(wide) == [("E013", 2, 1)]
    assert "the kernel: the height must be at most 1,048,576" in wide.diagnostics[0].message


def test_a_pool_written_without_its_window_is_not_skipped_in_silence() -> None:
    # `max pool` alone on a sheet that is not the VGG table: its window is unknown (E060), and the answer after it
    # is not judged (it was prose, and CONV2's right 16x16x20 was judged on 32x32: wrong)
    report = homework("Input: 32x32x3\nCONV1: 10 5x5 filters, pad 2 -> 32x32x10\nmax pool\n"
                      "CONV2: 20 5x5 filters, pad 2 -> 16x16x20\n")
    assert errors(report) == [("E060", 3, 1)]
    assert [d.message for d in report.diagnostics if d.code == "E060"] == ["cnncalc cannot read `max pool` as a layer"]
    assert [a.verdict for a in report.answers] == ["right", "unchecked"]


@pytest.mark.parametrize("line", ["Upsample x2", "2x upsampling", "Unpool 2x2", "subsample 2x", "Downsample x2",
                                  "Max-pool", "Max Pool /2", "pool/2", "3x3 conv", "1x1 conv", "ZeroPad 1",
                                  "Crop 2", "Resize 64x64"])
def test_a_step_that_changes_the_size_and_cannot_be_read_is_e060_not_prose(line: str) -> None:
    # each was prose: CONV2's answer was judged on CONV1's output, as if the step were not there (an answer that
    # counted the step, 64x64x8 after `Upsample x2`, was marked wrong); now the step is unknown and the answer after
    # it not judged
    text = f"Input: 32x32x3\nCONV1: 8 3x3 filters, pad 1 -> 32x32x8\n{line}\nCONV2: 8 3x3 filters, pad 1 -> 64x64x8\n"
    report = homework(text)
    assert errors(report) == [("E060", 3, 1)]
    assert [d.message for d in report.diagnostics if d.code == "E060"] == [f"cnncalc cannot read `{line}` as a layer"]
    assert [a.verdict for a in report.answers] == ["right", "unchecked"]


@pytest.mark.parametrize("heading", ["Conv 1", "Pool 1", "Conv layer 1", "Step 2: pooling", "Pooling", "Max pooling",
                                     "Zero padding 2", "pad 1", "Max pool", "maxpool"])
def test_a_heading_between_layers_stays_prose(heading: str) -> None:
    # a section's title names a kind of layer and a number, which is no size, a remark on the padding of the layer
    # above is no step, and a pool's kind alone right above a pool's line is its heading: the layers after them are
    # judged (`max pool` above a convolution is a step: E060, tested above)
    text = (f"Input: 32x32x3\nCONV1: 8 3x3 filters, pad 1 -> 32x32x8\n{heading}\n"
            "POOL1: 2x2 filters at stride 2 -> 16x16x8\n")
    report = homework(text)
    assert report.ok and [a.verdict for a in report.answers] == ["right", "right"]  # (32 - 2)/2 + 1 = 16


# The ResNet paper's figure for ResNet-34, its first layers, as a student copies it. Its convolutions pad (F - 1)/2
# and its pool is 3x3, stride 2, pad 1 (the paper's text); PyTorch floors:
#   7x7/2 on 224: (224 - 7 + 2·3)/2 + 1 = 112.5 -> 112; pool on 112: (112 - 3 + 2·1)/2 + 1 = 56.5 -> 56;
#   3x3 conv, 64 on 56: (56 - 3 + 2)/1 + 1 = 56, (3·3·64 + 1)·64 = 36,928 parameters;
#   3x3 conv, 128, /2 on 56: (56 - 3 + 2)/2 + 1 = 28.5 -> 28; avg pool: global, 1x1x128; fc: (128 + 1)·1000 = 129,000
RESNET_FIGURE = ("Input: 224x224x3\n7x7 conv, 64, /2 -> 112x112x64\n{pool} -> {pooled}\n"
                 "{conv} -> {conved}, params {params}\n3x3 conv, 64\n3x3 conv, 128, /2 -> 28x28x128\n"
                 "avg pool -> {gap}\nfc 1000 -> 1000, params 129,000\n")
FIGURE_RIGHT = {"pool": "pool, /2", "pooled": "56x56x64", "conv": "3x3 conv, 64", "conved": "56x56x64",
                "params": "36,928", "gap": "1x1x128"}


@pytest.mark.parametrize("change, wrong", [
    ({}, []),
    ({"pool": "POOL1: pool, /2", "conv": "CONV2: 3x3 conv, 64"}, []),  # named
    ({"pool": "max pool, /2"}, []),
    ({"pooled": "55x55x64"}, ["56x56x64"]),  # (112 - 3)/2 + 1 = 55.5 -> 55 unpadded: not the figure's pool
    ({"conved": "54x54x64"}, ["56x56x64"]),  # 56 - 3 + 1 = 54 unpadded: the figure's convolutions pad
    ({"params": "36,864"}, ["36,928"]),  # 3·3·64·64 without the biases
    ({"gap": "7x7x128"}, ["1x1x128"]),  # the figure's `avg pool` is global
])
def test_a_sheet_that_copies_the_resnet_figure_reads_its_every_line(change: dict[str, str], wrong: list[str]) -> None:
    # on such a sheet `3x3 conv, 64`, `pool, /2` and `avg pool` were prose, or E060 with an answer, its answers
    # unchecked (and the sheet was taken for the spec language: its lines have arrows)
    text = RESNET_FIGURE.format(**{**FIGURE_RIGHT, **change})
    assert detect(text, "resnet.txt") == "lecture"
    report = cnncalc.analyze_text(text, "resnet.txt")
    # E040 and E041 say a wrong output and a wrong count, nothing else is said
    assert [d.code for d in report.diagnostics if d.severity != "note"] == \
        ["E041" if answer == "36,928" else "E040" for answer in wrong]
    assert len(report.rows) == 7
    assert [a.actual for a in report.answers if a.verdict == "wrong"] == wrong
    assert len(report.answers) == 8 and {a.verdict for a in report.answers} <= {"right", "wrong"}


def test_the_figures_padding_is_a_sheets_that_writes_the_figure_only() -> None:
    # a sheet without the figure's `/2` keeps `5x5 conv, 6` unread (E060), as a LeNet sheet's is unpadded; a pool
    # named without its window is E060 there too
    report = homework("Input: 32x32x1\n5x5 conv, 6 -> 28x28x6\navg pool -> 1x1x6\n")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E060", "E060"]


@pytest.mark.parametrize("answer, verdict", [
    # on 227x115x3: (227 - 11)/4 + 1 = 55 rows, (115 - 11)/4 + 1 = 27 columns, 96 filters: 55x27x96
    ("Output: 27 (width) x 55 (height) x 96 (depth)", "right"),
    ("Output: 55 (width) x 27 (height) x 96 (depth)", "wrong"),  # the axes swapped
    ("Output: 96 (channels) x 55 (height) x 27 (width)", "right"),
    ("Output: 55 (H) x 27 (W)", "right"),
    ("Output: 55 (height) x 27 (width) x 95 (depth)", "wrong"),
    ("Output: 55x27x96 | Params: 34,944", "right"),  # (11·11·3 + 1)·96, after a bar
    ("Params: approx. 35,000", "right"),
])
def test_sizes_named_by_their_axes_and_answers_between_bars(answer: str, verdict: str) -> None:
    # `55 (width) x …` was prose, its answer never judged; `| Params:` and `approx.` were E060
    report = homework(f"Input: 227x115x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n{answer}\n")
    assert {a.verdict for a in report.answers} == {verdict}


@pytest.mark.parametrize("answer, verdict", [
    # (227 - 11)/4 + 1 = 55, 96 filters
    ("Output width = 55, height = 55, depth = 96", "right"),
    ("Output width: 55, output height: 55, output depth: 96", "right"),
    ("Output width = 55, height = 54, depth = 96", "wrong"),
    ("Output width: 55, output height: 55, output depth: 48", "wrong"),
])
def test_an_outputs_sides_named_after_the_word_output(answer: str, verdict: str) -> None:
    # these were prose: `Width = 55, height = 55, …` was read, `Output width = 55, …` not
    report = homework(f"Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n{answer}\n")
    assert [a.verdict for a in report.answers] == [verdict]


@pytest.mark.parametrize("cell", ["3x5x5", "96x11x11", "9" * 5000 + " x 3x3"])
def test_a_filter_cell_that_reads_two_ways_is_e060(cell: str) -> None:
    # 3 filters of 5x5, or 5x5 filters 3 deep written depth first as PyTorch orders a weight's sizes? Not guessed;
    # nor a count of 5,000 digits (it was a ValueError from int(), a traceback), at the cell (line 5, column 11)
    report = homework(FILTER_TABLE + f"| CONV1 | {cell} | 1 | 0 | 28x28x10 | 760 |\n")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.code, error.line, error.column) == ("E060", 5, 11)
    assert error.message.startswith(f"cnncalc cannot read `{cell[:20]}") and \
        error.message.endswith("` as the filters' count and size")
    assert [a.verdict for a in report.answers] == ["unchecked", "unchecked"]


def test_a_filter_cell_with_the_count_after_the_size() -> None:
    # 96 filters of 11x11 at stride 4 on 227x227x3: 55x55x96 and (11·11·3 + 1)·96 = 34,944
    report = homework(FILTER_TABLE + "| CONV1 | 11x11 x 96 | 4 | 0 | 55x55x96 | 34,944 |\n")
    assert [a.verdict for a in report.answers] == ["right", "right"]


@pytest.mark.parametrize("line, verdict", [
    # the VGG paper's conv3-64: 64 3x3 filters padded to keep the size, 224x224x64 on 224x224x3
    ("conv3-64 -> 224x224x64", "right"), ("CONV3-64: 224x224x64", "right"), ("conv3-64 → 222x222x64", "wrong"),
    ("conv3-64: 224x224x32", "wrong"),
])
def test_the_vgg_papers_names_with_their_output(line: str, verdict: str) -> None:
    # read as the spec language (unknown layer `conv3`), or E060 with the lecture's notation forced
    text = f"Input: 224x224x3\n{line}\n"
    from cnncalc.notations import detect
    assert detect(text, "hw.md") == "lecture"
    assert [a.verdict for a in cnncalc.analyze_text(text, "hw.md").answers] == [verdict]


@pytest.mark.parametrize("line, verdict", [
    # the volume first, then the VGG paper's name (it was E060, "expected `NAME: description`", and unchecked):
    # conv3-64 on 224x224x3, (224 - 3 + 2·1)/1 + 1 = 224 and 64 filters; POOL2 after it, (224 - 2)/2 + 1 = 112
    ("[224x224x64] CONV3-64", ["right"]), ("[224x224x32] CONV3-64", ["wrong"]), ("[222x222x64] conv3-64", ["wrong"]),
    ("[224x224x64] CONV3-64\n[112x112x64] POOL2", ["right", "right"]),
    ("[224x224x64] CONV3-64\n[111x111x64] POOL2", ["right", "wrong"]),
    ("[224x224x16] CONV1-16", ["right"]), ("[224x224x16] CONV1-16\n[224x224x16] CONV1-16", ["right", "right"]),
])
def test_the_vgg_papers_names_after_the_volume(line: str, verdict: list[str]) -> None:
    report = homework(f"[224x224x3] INPUT\n{line}\n")
    assert [a.verdict for a in report.answers] == verdict
    assert [d.code for d in report.diagnostics if d.severity == "error"] == (["E040"] if "wrong" in verdict else [])


def test_a_name_after_the_volume_that_does_not_say_its_layer_is_still_asked_for() -> None:
    # POOL1 (AlexNet's numbering) and FC6 (its width would be the answer itself) are not the breakdown's names here
    report = homework("[224x224x3] INPUT\n[112x112x3] POOL1\n[4096] FC6\n")
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 2), ("E060", 3)]
    assert [a.verdict for a in report.answers] == ["unchecked", "unchecked"]


@pytest.mark.parametrize("line, verdicts", [
    # (9 - 2)/1 + 1 = 8; a pool has no parameters. The parenthesis after the call is answers, never the call's next
    # positional argument (it was read as the padding: E060 "expected a pair", every answer unchecked)
    ("[8x8x44] POOL1: nn.MaxPool2d(2, 1) (params: 0)", ["right", "right"]),
    ("[8x8x44] POOL1: nn.MaxPool2d(2, 1) (1 params)", ["right", "wrong"]),
    ("[8x8x44] POOL1: nn.MaxPool2d(2, 1) (0 params)", ["right", "right"]),
    # (3·3·44 + 1)·10 = 3,970; the call gives three of its five positional arguments
    ("[7x7x10] CONV2: nn.Conv2d(44, 10, 3) (3970 params)", ["right", "right"]),
    ("[7x7x10] CONV2: nn.Conv2d(44, 10, 3) (3,960 params)", ["right", "wrong"]),
])
def test_answers_in_a_parenthesis_after_a_frameworks_call(line: str, verdicts: list[str]) -> None:
    report = homework(f"Input: 9x9x44\n{line}\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()



@pytest.mark.parametrize("line, verdicts", [
    # 8 7x7 filters on 10x10x7 at pad 2: (10 - 7 + 4)/1 + 1 = 8; (7·7·7 + 1)·8 = 2,752 params; 8·8·8·7·7·7 = 175,616
    # MACs. Several answers on a line of their own, each count before its word: every one judged (the line was prose,
    # skipped with a note only --show-notes printed, and a wrong count passed unjudged)
    ("- 2,752 params, 175,616 MACs", ["right", "right", "right"]),
    ("2,752 params, 175,617 MACs", ["right", "right", "wrong"]),
    ("2,753 params and 175,616 MACs", ["right", "wrong", "right"]),
    ("params: 2752, 175,616 MACs", ["right", "right", "right"]),
    ("2,752 params; 175,616 MACs, 512 values", ["right", "right", "right", "right"]),
    # thousands grouped as Python writes them, `2_752`: read as with commas (it was prose, or E060 in parentheses)
    ("2_752 params", ["right", "right"]),
    ("2_753 params", ["right", "wrong"]),
    ("Params: 2_752, MACs: 175_616", ["right", "right", "right"]),
])
def test_several_counts_each_before_its_word_and_thousands_grouped_by_underscores(line: str,
                                                                                 verdicts: list[str]) -> None:
    report = homework(f"Input: 10x10x7\nCONV1: 8 7x7 filters at stride 1, pad 2\nOutput volume: 8 x 8 x 8\n{line}\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()


def test_underscores_group_thousands_only_in_threes() -> None:
    # `2_75` is no count as Python's grouping writes one: E060, never read as 2 or 275
    report = homework("Input: 10x10x7\n[8x8x8] CONV1: 8 7x7 filters at stride 1, pad 2 (2_75 params)\n")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E060"]
    assert "params" not in [a.quantity for a in report.answers if a.verdict in ("right", "wrong")]


@pytest.mark.parametrize("sheet, verdicts", [
    # an FC layer of 4,096 neurons answered with its thousands grouped by an underscore, as by a comma: the same
    # answer (it was E060 "may state another layer", and `[4_096]` "not a volume")
    ("FC1: 4096 neurons\nOutput: 4_096 neurons\n", ["right"]),
    ("[4_096] FC1: 4096 neurons\n", ["right"]),
    ("[4_097] FC1: 4096 neurons\n", ["wrong"]),
])
def test_a_vectors_length_grouped_by_underscores_reads_as_grouped_by_commas(sheet: str, verdicts: list[str]) -> None:
    report = homework("Input: 10x10x7\n" + sheet)
    assert [a.verdict for a in report.answers] == verdicts, report.messages()


@pytest.mark.parametrize("answer, verdicts", [
    # CONV1: (227 - 11 + 2·0)/4 + 1 = 55 with 96 filters, (11·11·3 + 1)·96 = 34,944 parameters. A volume after the
    # arrow as Python prints a shape was E060 (`(55, 55, 96)` read as a parenthesis of answers) and every answer
    # below it unchecked
    ("-> (55, 55, 96)", ["right"]),
    ("-> (55,55,96)", ["right"]),
    ("-> (54, 55, 96)", ["wrong"]),
    ("-> (55, 55, 96), params 34944", ["right", "right"]),
    ("-> (55, 55, 96) (34,944 params)", ["right", "right"]),
    ("-> (55, 55, 96) (34,945 params)", ["right", "wrong"]),
    ("-> (None, 55, 55, 96)", ["right"]),  # Keras' batch first
    ("-> (None, 55, 56, 96)", ["wrong"]),
    ("-> (96, 55, 55)", ["wrong"]),  # channels first, on a sheet whose input is HxWxC: E040 says so
    ("-> (55, 55)", ["right"]),
    ("-> (34,944 params)", ["right"]),  # a parenthesis of answers, as before
])
def test_a_volume_after_an_arrow_written_as_a_tuple(answer: str, verdicts: list[str]) -> None:
    report = homework(f"Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0 {answer}\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()
    assert all(d.code in ("E040", "E041") for d in report.diagnostics if d.severity == "error")


@pytest.mark.parametrize("answer, verdict", [("(4096,)", "right"), ("(None, 4096)", "right"), ("(4095,)", "wrong")])
def test_a_vector_after_an_arrow_written_as_a_tuple(answer: str, verdict: str) -> None:
    # FC6 of 4,096 neurons gives 4,096 values; `(4096,)` is how Python prints that shape
    report = homework(f"Input: 6x6x256\nFC6: 4096 neurons -> {answer}\n")
    assert [a.verdict for a in report.answers] == [verdict], report.messages()


def test_a_listing_answered_in_tuples_is_judged_to_its_end() -> None:
    # (227 - 11)/4 + 1 = 55; (55 - 3)/2 + 1 = 27; (27 - 5 + 2·2)/1 + 1 = 27 with 256 filters. POOL1's tuple was E060,
    # and the Output line after it unchecked ("it rests on line 3")
    report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0 -> (55, 55, 96)\n"
                      "POOL1: 3x3 filters at stride 2 -> (27,27,96)\nCONV2: 256 5x5 filters at stride 1, pad 2\n"
                      "Output: (27, 27, 256)\n")
    assert [(a.path, a.verdict) for a in report.answers] == [("conv1", "right"), ("pool1", "right"),
                                                              ("conv2", "right")]


@pytest.mark.parametrize("heading", [
    "Homework 3, problem 2. Input image: 32x32x3.", "HW3 Problem 2. Input image: 32x32x3.",
    "Problem 2 (10 points). Input image: 32x32x3.", "Homework 3 Problem 2: Input is 32x32x3",
])
def test_an_input_after_the_homeworks_and_the_problems_numbers(heading: str) -> None:
    # The input after a heading that numbers the homework and the problem (or says the points) was prose: the layers
    # had no input (E024) and no answer was checked. LeNet's C1 on 32x32x3: (32 - 5)/1 + 1 = 28, (5·5·3 + 1)·6 = 456
    # parameters; on a 32x32x4 input (5·5·4 + 1)·6 = 606.
    layer = "Layer 1: Conv 5x5, 6 filters, stride 1, no padding. Output: 28x28x6. Params: 456.\n"
    report = homework(f"{heading}\n{layer}")
    assert [a.verdict for a in report.answers] == ["right", "right"], report.messages()
    report = homework(f"{heading.replace('32x32x3', '32x32x4')}\n{layer}")
    assert [(a.quantity, a.actual, a.verdict) for a in report.answers] == [("output", "28x28x6", "right"),
                                                                           ("params", "606", "wrong")]


@pytest.mark.parametrize("line, verdicts", [
    # CONV1 with 32 3x3 filters at pad 1 on 28x28x1 gives 28x28x32 (28 - 3 + 2 + 1 = 28): its flattening 28·28·32 =
    # 25,088 values, and a layer that keeps its input's size 28x28x32. With `=>` for the arrow each line was prose, its
    # answer dropped unjudged (`Flatten => 2300` passed), or E060 (`Dropout 0.5 => …`, `MaxPool(2x2) => …`), where `->`
    # read them
    ("Flatten => 25,088", ["right"]),
    ("Flatten => 25,087", ["wrong"]),
    ("5) flatten                  => 25087", ["wrong"]),
    ("Flatten => 28*28*32 = 25,088", ["right"]),
    ("Dropout 0.5 => 28x28x32", ["right"]),
    ("Dropout 0.5 => 28x28x31", ["wrong"]),
    ("Dropout(0.5) => 28x28x31", ["wrong"]),
    ("MaxPool(2x2) => 14x14x32", ["right"]),  # (28 - 2)/2 + 1 = 14
    ("MaxPool(2x2) => 14x14x31", ["wrong"]),
    ("conv(3x3, 8, pad 1) => 28x28x8", ["right"]),
    # the product that gives the length, its value grouped by a comma (E060 after either arrow)
    ("Flatten -> 28*28*32 = 25,088", ["right"]),
    ("Flatten -> 28*28*32 = 25,087", ["wrong"]),
    ("Flatten: 28*28*32 = 25,088", ["right"]),
    # a layer cnncalc does not read in this notation, with its answer after `=>`: E060 (the layer unknown), not passed
    # over as prose
    ("Upsample 2x => 56x56x31", []),
    ("Zero padding 1 => 30x30x31", []),
])
def test_answers_after_an_arrow_written_with_an_equals_sign(line: str, verdicts: list[str]) -> None:
    report = homework(f"Input: 28x28x1\nCONV1: 32 3x3 filters, pad 1\n{line}\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()
    errors = [d.code for d in report.diagnostics if d.severity == "error"]
    assert errors == (["E060"] if not verdicts else ["E040"] if verdicts == ["wrong"] else []), errors


@pytest.mark.parametrize("line, verdicts, codes", [
    # `Dense(10)` is Keras' layer of 10 units: `Dense(10) -> 11` was read as `FC1: 10 -> 11`, a layer of 11 written
    # for 10 inputs (E017 against the 25,088 it receives), and the wrong answer 11 not judged
    ("Dense(10) -> 11", ["wrong"], ["E040"]),
    ("Dense(10) -> 10", ["right"], []),
    ("FC(784) -> 256", ["wrong"], ["E040"]),
    # after a name's colon two numbers are still the inputs, then the width (`nn.Linear(784, 256)`'s order)
    ("FC1: 784 -> 256", [], ["E017"]),
])
def test_a_width_in_a_calls_parentheses_is_never_the_layers_inputs(line: str, verdicts: list[str],
                                                                   codes: list[str]) -> None:
    report = homework(f"Input: 28x28x1\nCONV1: 32 3x3 filters, pad 1\n{line}\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()
    assert [d.code for d in report.diagnostics if d.severity == "error"] == codes


@pytest.mark.parametrize("line, verdicts, codes", [
    # CONV1 with 32 3x3 filters at pad 1 on 28x28x1 gives 28x28x32; a ReLU, dropout or batch norm keeps it, the batch
    # norm with 2·32 = 64 parameters. A name that says such a layer, then its answers after an arrow, was E060 ("cannot
    # read `RELU1` as a layer"; `[28x28x32] RELU1` read), and with a tuple after the arrow passed over as prose: its
    # wrong answer dropped unjudged
    ("RELU1 -> 28x28x32", ["right"], []),
    ("RELU1 -> 28x28x31", ["wrong"], ["E040"]),
    ("RELU1 -> (28, 28, 31)", ["wrong"], ["E040"]),
    ("RELU1 => (28, 28, 32)", ["right"], []),
    ("DROPOUT1 => 28x28x31", ["wrong"], ["E040"]),
    ("BN1 -> 28x28x32, params 64", ["right", "right"], []),
    ("BN1 -> 28x28x32, params 65", ["right", "wrong"], ["E041"]),
    # a layer whose name is not enough (its filters are not said) stays unknown: E060, not read from its name
    ("CONV2 -> 28x28x32", [], ["E060"]),
    # a line cnncalc cannot read as a layer, with a tuple after its arrow: E060, not prose
    ("Upsample 2x -> (56, 56, 32)", [], ["E060"]),
])
def test_a_name_that_says_its_layer_then_its_answers(line: str, verdicts: list[str], codes: list[str]) -> None:
    report = homework(f"Input: 28x28x1\nCONV1: 32 3x3 filters, pad 1\n{line}\n")
    assert [a.verdict for a in report.answers if a.verdict != "unchecked"] == verdicts, report.messages()
    assert [d.code for d in report.diagnostics if d.severity == "error"] == codes


def test_a_tables_layer_column_holding_framework_classes() -> None:
    # A Keras-style table whose Layer column holds each row's class: `Conv2D` twice was E015 ("the name `conv2d` is
    # already used"), as a name. On 28x28x1: (3·3·1 + 1)·32 = 320 parameters ('same': 28x28x32), a 2x2 pool to
    # 14x14x32, (3·3·32 + 1)·64 = 18,496 ('valid': 14 - 3 + 1 = 12), a pool to 6x6x64, 6·6·64 = 2,304 values,
    # (2304 + 1)·128 = 295,040 and (128 + 1)·10 = 1,290 parameters.
    rows = [("Conv2D", "32", "3x3", "1", "same", "(None, 28, 28, 32)", "320"),
            ("MaxPooling2D", "-", "2x2", "2", "valid", "(None, 14, 14, 32)", "0"),
            ("Conv2D", "64", "3x3", "1", "valid", "(None, 12, 12, 64)", "18,496"),
            ("MaxPooling2D", "-", "2x2", "2", "valid", "(None, 6, 6, 64)", "0"),
            ("Flatten", "-", "-", "-", "-", "(None, 2304)", "0"),
            ("Dense", "128", "-", "-", "-", "(None, 128)", "295,040"),
            ("Dense", "10", "-", "-", "-", "(None, 10)", "1,291")]
    table = "| Layer | Filters | Kernel | Stride | Padding | Output shape | Params |\n" + "|---" * 7 + "|\n" + \
        "".join(f"| {' | '.join(row)} |\n" for row in rows)
    report = homework("Input: 28x28x1\n\n" + table)
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E041"]
    assert [(a.path, a.quantity, a.verdict) for a in report.answers if a.verdict != "right"] == [
        ("fc2", "params", "wrong")]
    assert [a.path for a in report.answers if a.quantity == "params"] == [
        "conv1", "maxpool1", "conv2", "maxpool2", "flatten1", "fc1", "fc2"]


@pytest.mark.parametrize("line, verdicts, codes", [
    # AlexNet's CONV1: 55·55·96 outputs, each 11·11·3 = 363 multiply-accumulates: 105,415,200 MACs (0.105G, 105.4M);
    # (363 + 1)·96 = 34,944 parameters (0.035M). A count's noun with its unit's letter before it, as papers' tables
    # write them, was prose: the wrong `GMACs: 0.2` passed unjudged
    ("GMACs: 0.105", ["right"], []),
    ("GMACs: 0.2", ["wrong"], ["E042"]),
    ("MMACs: 105.4", ["right"], []),
    ("MMACs: 105.9", ["wrong"], ["E042"]),
    ("MParams: 0.035", ["right"], []),
    ("Total GMACs: 0.105", ["right"], []),
    # FLOPs are 2·MACs in some sources and the MACs in others: never judged, E060 (they were prose as a total, and
    # with the unit's letter)
    ("GFLOPs: 0.21", [], ["E060"]),
    ("Total GFLOPs: 0.21", [], ["E060"]),
    ("Total FLOPs: 210,830,400", [], ["E060"]),
    ("Total FLOPs are counted below.", [], []),  # no count: prose
])
def test_counts_named_with_their_units_letter_and_flops_totals(line: str, verdicts: list[str],
                                                               codes: list[str]) -> None:
    report = homework(f"Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n{line}\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()
    assert [d.code for d in report.diagnostics if d.severity == "error"] == codes


@pytest.mark.parametrize("header, cell, verdict", [("MMACs", "105.4", "right"), ("MMACs", "104.4", "wrong"),
                                                   ("GMACs", "0.105", "right"), ("MParams", "0.035", "right")])
def test_a_tables_column_named_with_its_units_letter(header: str, cell: str, verdict: str) -> None:
    # the column was E060 (unknown), its cells unread; 105,415,200 MACs and 34,944 parameters as above
    report = homework(f"Input: 227x227x3\n\n| Layer | Description | Output | {header} |\n|---|---|---|---|\n"
                      f"| CONV1 | 96 11x11 filters, stride 4 | 55x55x96 | {cell} |\n")
    assert [a.verdict for a in report.answers] == ["right", verdict], report.messages()


@pytest.mark.parametrize("line, verdict", [
    # AlexNet's CONV1: (227 - 11)/4 + 1 = 55, with 96 filters 55x55x96. Words naming CONV1's output, then `=` (for a
    # colon) were prose: the wrong answer passed unjudged; `After CONV1 the output is …` without a comma was E060
    ("Size after CONV1 = 54x55x96", "wrong"),
    ("Shape after conv1 = 55x55x96", "right"),
    ("CONV1 output = 54x55x96", "wrong"),
    ("Volume after CONV1 = 55x55x96", "right"),
    ("After CONV1 the output is 54x55x96", "wrong"),
    ("After conv1 the volume is 55x55x96", "right"),
    ("After CONV1 we get 54x55x96", "wrong"),
])
def test_an_output_named_in_words_then_equals_or_without_a_comma(line: str, verdict: str) -> None:
    report = homework(f"Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n{line}\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [("conv1", "output", verdict)], \
        report.messages()


def test_a_letter_equal_to_a_size_is_not_an_output() -> None:
    # `F = 5x5` names no output: not read as one (prose, as before)
    report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nF = 5x5\n")
    assert report.answers == ()


@pytest.mark.parametrize("line, verdicts", [
    # FC6 written as its inputs, then its width (`nn.Linear(9216, 4096)`'s order), then its answers after a second
    # arrow: the second arrow was read as a working's `=` (`9216 -> 4096 = 4096`), the layer as 9216 wide, and the right
    # 4096 and (9216 + 1)·4096 = 37,752,832 were marked wrong
    ("FC6: 9216 -> 4096 -> 4096", ["right"]),
    ("FC6: 9216 -> 4096 -> 4095", ["wrong"]),
    ("FC6: 9216 -> 4096 => 4096, params 37752832", ["right", "right"]),
    ("FC6: 9216 -> 4096 -> 4096 (37,752,833 params)", ["right", "wrong"]),
])
def test_an_fc_layers_inputs_and_width_then_its_answers_after_a_second_arrow(line: str, verdicts: list[str]) -> None:
    report = homework(f"Input: 6x6x256\n{line}\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()


@pytest.mark.parametrize("line, verdict", [
    # Two 3x3 convolutions of 64 filters on 56x56x64, (3·3·64 + 1)·64 = 36,928 each, and two batch norms of 2·64 = 128:
    # 2·36,928 + 2·128 = 74,112. `Params of the whole network: …` was read as the last layer's count said again (E060,
    # the network's total not judged)
    ("Params of the whole network: 74,112", "right"),
    ("Params of the whole network: 74,113", "wrong"),
    ("Parameters for the entire model = 74,112", "right"),
    # `Number of parameters in the network: …` (learnable, trainable; `Parameters (whole network): …`) was judged as
    # the last layer's count (E041 for a right total: the batch norm has 128)
    ("Number of parameters in the network: 74,112", "right"),
    ("Number of parameters in the network: 74,113", "wrong"),
    ("The number of params in the whole model = 74,112", "right"),
    ("No. of parameters in this network: 74,113", "wrong"),
    ("Number of learnable parameters in the network: 74,112", "right"),
    ("Trainable params in the model: 74,113", "wrong"),
    ("Parameters (whole network): 74,112", "right"),
    ("Params (network) = 74,113", "wrong"),
    # `Total 74,112 params` without its colon was prose: a wrong total passed unjudged
    ("Total 74,112 params", "right"),
    ("Total 74,113 parameters", "wrong"),
])
def test_a_count_of_the_whole_network_is_its_total(line: str, verdict: str) -> None:
    layer = "conv 3x3, 64 filters, stride 1, pad 1 -> 56x56x64, params 36,928\nBN -> params 128\n"
    report = homework(f"Input: 56x56x64\n{layer}ReLU\n{layer}{line}\n")
    assert [(a.quantity, a.verdict) for a in report.answers][-1] == ("total params", verdict), report.messages()
    assert [a.verdict for a in report.answers][:-1] == ["right"] * 6


@pytest.mark.parametrize("line, verdicts, codes", [
    # d2l's LeNet: Conv2d(1, 6, kernel_size=5, padding=2) on 1x28x28 gives 6 maps of (28 - 5 + 4)/1 + 1 = 28; an
    # activation keeps that size. Activations other than ReLU were not read: with an answer after them E060 and
    # everything below unchecked
    ("Sigmoid -> 6x28x28", ["right", "right"], []),
    ("Sigmoid -> 6x28x27", ["right", "wrong"], ["E040"]),
    ("Tanh -> 6x28x27", ["right", "wrong"], ["E040"]),
    ("Sigmoid activation -> 6x28x27", ["right", "wrong"], ["E040"]),
    ("GELU -> 6x28x28", ["right", "right"], []),
    ("Swish -> 6x28x27", ["right", "wrong"], ["E040"]),
    ("TANH1: tanh -> 6x28x27", ["right", "wrong"], ["E040"]),
    ("Sigmoid", ["right"], []),
    ("The sigmoid squashes values into (0, 1).", ["right"], []),  # prose
])
def test_activations_other_than_relu(line: str, verdicts: list[str], codes: list[str]) -> None:
    report = homework(f"Input: 1x28x28 (C x H x W)\nConv2d(1, 6, kernel_size=5, padding=2) -> 6x28x28\n{line}\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()
    assert [d.code for d in report.diagnostics if d.severity == "error"] == codes


def test_d2ls_lenet_with_sigmoids_is_judged_to_its_end() -> None:
    # (28 - 5 + 4) + 1 = 28; pools halve: 14; 14 - 5 + 1 = 10; 5; 16·5·5 = 400. Parameters: (25 + 1)·6 = 156,
    # (150 + 1)·16 = 2,416, (400 + 1)·120 = 48,120, (120 + 1)·84 = 10,164, (84 + 1)·10 = 850: 61,706 in all
    sheet = ("Input: 1x28x28 (C x H x W)\nConv2d(1, 6, kernel_size=5, padding=2) -> 6x28x28\nSigmoid -> 6x28x28\n"
             "AvgPool2d(kernel_size=2, stride=2) -> 6x14x14\nConv2d(6, 16, kernel_size=5) -> 16x10x10\nSigmoid\n"
             "AvgPool2d(kernel_size=2, stride=2) -> 16x5x5\nFlatten -> 400\nLinear(400, 120) -> 120\nSigmoid\n"
             "Linear(120, 84) -> 84\nTanh -> 84\nLinear(84, 10) -> 10\nTotal params: 61,706\n")
    report = homework(sheet)
    assert [a.verdict for a in report.answers] == ["right"] * 11, report.messages()
    report = homework(sheet.replace("Tanh -> 84", "Tanh -> 85"))
    assert [a.verdict for a in report.answers].count("wrong") == 1


@pytest.mark.parametrize("params, verdict", [("3216", "right"), ("3217", "wrong")])
def test_a_table_in_the_deeplearning_ai_courses_letters(params: str, verdict: str) -> None:
    # Columns f, s, p, n_c (the course's n_C: a convolution's filters beside its kernel column); `n_c` was an unknown
    # column (E060) and the convolutions without their filters (E060), every answer unchecked. On 32x32x3: CONV1 (32 -
    # 5)/1 + 1 = 28, (5·5·3 + 1)·8 = 608; POOL1 14; CONV2 14 - 5 + 1 = 10, (5·5·8 + 1)·16 = 3,216; POOL2 5.
    report = homework("Input: 32x32x3\n\n| Layer | f | s | p | n_c | Output | Params |\n|---|---|---|---|---|---|---|\n"
                      "| CONV1 | 5 | 1 | 0 | 8 | 28x28x8 | 608 |\n| POOL1 | 2 | 2 | 0 | - | 14x14x8 | 0 |\n"
                      f"| CONV2 | 5 | 1 | 0 | 16 | 10x10x16 | {params} |\n| POOL2 | 2 | 2 | 0 | - | 5x5x16 | 0 |\n")
    assert [a.verdict for a in report.answers] == ["right"] * 5 + [verdict] + ["right"] * 2, report.messages()


def test_a_table_of_the_courses_output_sides_n_h_n_w_n_c() -> None:
    # n_H, n_W as the output's sides: (32 - 5)/1 + 1 = 28, then a 2x2 pool to 14; n_C a convolution's filters (beside
    # the kernel column, as `Channels` is) and a pool's output depth
    report = homework("Input: 32x32x3\n\n| Layer | f | s | p | n_H | n_W | n_C |\n|---|---|---|---|---|---|---|\n"
                      "| CONV1 | 5 | 1 | 0 | 28 | 28 | 8 |\n| POOL1 | 2 | 2 | 0 | 14 | 13 | 8 |\n")
    assert [(a.path, a.verdict) for a in report.answers] == [("conv1", "right")] * 2 + [
        ("pool1", "right"), ("pool1", "wrong"), ("pool1", "right")], report.messages()


@pytest.mark.parametrize("line, depth", [
    # An input whose depth is said before its size, or by its dataset (MNIST's images are grayscale, CIFAR's colour),
    # was prose ("Input: grayscale 28x28") or E060 (no depth): the layers had no input. CONV1 with 8 3x3 filters: (3·3·1
    # + 1)·8 = 80 parameters on one channel, (3·3·3 + 1)·8 = 224 on three.
    ("Input: grayscale 28x28", 1), ("Input: RGB 32x32", 3), ("Input: 28x28 MNIST digit", 1),
    ("Input: 28x28 (MNIST)", 1), ("Input: 32x32 CIFAR image", 3), ("Input: 32x32 (CIFAR-10)", 3),
    # a depth written stands, whatever the dataset (MNIST's digits repeated on three channels for a pretrained net)
    ("Input: 28x28x3 (MNIST)", 3), ("Input: 32x32x3 (CIFAR-10)", 3),
    # a dataset's name with a hyphen or a number outside parentheses, or in a sentence giving the input (each was a
    # line of prose, every answer below unchecked)
    ("Input: 32x32 CIFAR-10 image", 3), ("Input: 32x32 CIFAR10 images", 3), ("Input: 32x32 CIFAR-100 image", 3),
    ("Input: 28x28 Fashion-MNIST image", 1), ("Consider a CNN for 32x32 CIFAR-10 images.", 3),
    ("Consider a CNN for 28x28 MNIST digits.", 1),
])
def test_an_inputs_depth_said_before_its_size_or_by_its_dataset(line: str, depth: int) -> None:
    params = (3 * 3 * depth + 1) * 8
    report = homework(f"{line}\nCONV1: 8 3x3 filters, pad 1\nParams: {params}\n")
    assert [a.verdict for a in report.answers] == ["right"], report.messages()
    report = homework(f"{line}\nCONV1: 8 3x3 filters, pad 1\nParams: {(3 * 3 * (4 - depth) + 1) * 8}\n")
    assert [a.verdict for a in report.answers] == ["wrong"], report.messages()


@pytest.mark.parametrize("line, verdict", [
    # AlexNet's CONV1: 55x55x96, 34,944 parameters, 55·55·96·11·11·3 = 105,415,200 MACs. These sentences were prose: a
    # wrong answer passed unjudged
    ("Therefore the output is 54 x 55 x 96.", "wrong"),
    ("Therefore the output is 55 x 55 x 96.", "right"),
    ("It needs 105,415,201 MACs.", "wrong"),
    ("CONV1 needs 105,415,200 MACs.", "right"),
    ("This layer requires 105,415,201 MACs.", "wrong"),
    ("It takes 34,945 parameters.", "wrong"),
    ("The layer uses 34,944 parameters.", "right"),
])
def test_answers_said_in_sentences_with_therefore_needs_requires(line: str, verdict: str) -> None:
    report = homework(f"Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n{line}\n")
    assert [a.verdict for a in report.answers] == [verdict], report.messages()


@pytest.mark.parametrize("line, verdict", [
    # CONV1 with 16 5x5 filters at stride 2, pad 1 on 7x7x3: (7 - 5 + 2)/2 + 1 = 3, so 3x3x16; (5·5·3 + 1)·16 = 1,216
    # parameters; 3·3·16·75 = 10,800 MACs. A tuple ending a sentence was E060 ("not a volume"); a count said rounded in
    # a sentence (`It has ~1.2K parameters.`) was prose
    ("The output is (3, 3, 16).", "right"),
    ("Output: (3, 3, 17).", "wrong"),
    ("It has ~1.2K parameters.", "right"),
    ("It has ~1.3K parameters.", "wrong"),
    ("It has about 1,200 parameters.", "right"),
    ("It needs ~11000 MACs.", "right"),
    ("It needs ~12000 MACs.", "wrong"),
])
def test_a_tuple_ending_a_sentence_and_counts_said_rounded_in_one(line: str, verdict: str) -> None:
    report = homework(f"Input: 7x7x3\nCONV1: 16 5x5 filters, stride 2, pad 1\n{line}\n")
    assert [a.verdict for a in report.answers] == [verdict], report.messages()


@pytest.mark.parametrize("line, verdict", [
    # CONV1 with 16 3x3 filters, pad 1 on 32x32x3: (3·3·3 + 1)·16 = 448 parameters, 3·3·3·16 = 432 weights, 32·32·16·
    # 3·3·3 = 442,368 MACs. A sentence whose count had a working before it, or whose noun was a phrase, was prose: a
    # wrong answer passed unjudged
    ("The layer has (3*3*3+1)*16 = 449 parameters.", "wrong"),
    ("The layer has (3*3*3+1)*16 = 448 parameters.", "right"),
    ("This layer has 3*3*3*16 + 16 = 449 parameters.", "wrong"),
    ("It has 3x3x3x16 + 16 = 448 parameters.", "right"),
    ("It has 3*3*3*16 = 433 weights.", "wrong"),
    ("It requires 442,369 multiply-accumulates.", "wrong"),
    ("It requires 442,368 multiply-accumulates.", "right"),
    ("It performs 442,369 multiply-accumulate operations.", "wrong"),
    ("It needs 442,369 mult-adds.", "wrong"),
    ("It requires 442,368 multiplications.", "right"),
    ("It has 449 weights and biases.", "wrong"),
    ("It has 3*3*3*16 + 16 = 448 weights and biases.", "right"),
])
def test_a_count_in_a_sentence_after_its_working_or_named_by_a_phrase(line: str, verdict: str) -> None:
    report = homework(f"Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\n{line}\n")
    assert [a.verdict for a in report.answers] == [verdict], report.messages()


@pytest.mark.parametrize("line, verdicts, codes", [
    # FC1 of 10 neurons gives 10 values. Words naming the output before `after` (`Shape after FC1: …`), or a vector's
    # length after `=`, were prose: the wrong 11 passed, and a name with no layer above went unreported
    ("Shape after FC1: 11", ["wrong"], ["E040"]),
    ("Shape after FC1 = 10", ["right"], []),
    ("Output size after FC1: 11", ["wrong"], ["E040"]),
    ("Output after FC1: 11", ["wrong"], ["E040"]),
    ("Output after FC1 = 10", ["right"], []),
    ("Shape after CONV1: 7x7x3", [], ["E060"]),  # no CONV1 above
])
def test_an_output_named_before_after_a_layers_name(line: str, verdicts: list[str], codes: list[str]) -> None:
    report = homework(f"Input: 7x7x3\nFC1: 10 neurons\n{line}\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()
    assert [d.code for d in report.diagnostics if d.severity == "error"] == codes


def test_a_doesnt_fit_answer_to_a_question_cnncalc_cannot_place_is_reported() -> None:
    # (32 - 5 + 2·2)/2 + 1 = 16.5: with stride 2 the layer does not fit, but the question varies the layer above, which
    # cnncalc does not read; the answer was passed over as prose, where an answer of sizes was E060 as here
    report = homework("Consider an input volume of 32x32x3.\n"
                      "(a) A conv layer with 10 5x5 filters, stride 1, pad 2. Output volume? 32x32x10\n"
                      "(b) Same layer with stride 2 instead: output size? doesn't fit\n"
                      "(c) Same layer with stride 3: output size? 11x11x10\n")
    assert [a.verdict for a in report.answers] == ["right"]
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 3), ("E060", 4)]


@pytest.mark.parametrize("answer, verdicts, codes", [
    # ResNet's conv1: (224 - 7 + 2·3)/2 + 1 = 112.5, 112 rounded down (PyTorch), 113 up. The rounding said after the
    # arrow was passed over (the answer unchecked, E030), where on an output line of its own it set the layer's
    ("-> 112x112x64 (rounded down)", ["right"], []),
    ("-> 112x112x64 (floor)", ["right"], []),
    ("-> 113x113x64 (rounded up)", ["right"], []),
    ("-> 113x113x64 (rounded down)", ["wrong"], ["E040"]),
    ("-> 112x112x64", ["unchecked"], ["E030"]),  # said nothing of it: the lecture's rule, it does not fit
    # said after a comma (was E060, the answer unchecked); (7·7·3 + 1)·64 = 9,472 parameters
    ("-> 112x112x64, rounded down", ["right"], []),
    ("-> 112x112x64, floor", ["right"], []),
    ("-> 113x113x64, rounded up to the nearest integer", ["right"], []),
    ("-> 112x112x64, rounded up", ["wrong"], ["E040"]),
    ("-> 112x112x64, rounded down, 9,472 params", ["right", "right"], []),
    ("-> 112x112x64, 9,473 params, rounded down", ["right", "wrong"], ["E041"]),
])
def test_a_rounding_said_after_a_layers_arrow(answer: str, verdicts: list[str], codes: list[str]) -> None:
    report = homework(f"Input: 224x224x3\nconv1: 7x7, 64, stride 2, pad 3 {answer}\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()
    assert [d.code for d in report.diagnostics if d.severity == "error"] == codes


@pytest.mark.parametrize("said, verdicts, codes", [
    # ResNet's stem on 224x224x3: conv1 (224 - 7 + 2·3)/2 + 1 = 112.5, 112 rounded down; its max pool (112 - 3 +
    # 2·1)/2 + 1 = 56.5, 56 rounded down; 113 and 57 rounded up. A rounding said once for the sheet was prose: each
    # division E030, the right answers unchecked
    ("Assume PyTorch conventions (floor).", ["right", "right"], []),
    ("Round down when the division is not exact.", ["right", "right"], []),
    ("Use floor for non-integer output sizes.", ["right", "right"], []),
    ("If the output size is not an integer, take the floor.", ["right", "right"], []),
    ("Assume ceil rounding.", ["wrong", "wrong"], ["E040", "E040"]),
    # about one division, not a rule: the lecture's rule stands, and the divisions do not fit
    ("PyTorch would floor this.", ["unchecked", "unchecked"], ["E030", "E030"]),
])
def test_a_rounding_said_once_for_the_sheet(said: str, verdicts: list[str], codes: list[str]) -> None:
    report = homework(f"Input: 224x224x3\n{said}\nconv1: 7x7, 64, stride 2, pad 3 -> 112x112x64\n"
                      "maxpool: 3x3, stride 2, pad 1 -> 56x56x64\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()
    assert [d.code for d in report.diagnostics if d.severity == "error"] == codes


def test_a_layers_own_rounding_stands_over_the_sheets() -> None:
    # said on the answer, rounded up: 113 (the sheet's floor would give 112)
    report = homework("Input: 224x224x3\nRound down when the division is not exact.\n"
                      "conv1: 7x7, 64, stride 2, pad 3 -> 113x113x64 (rounded up)\n")
    assert [a.verdict for a in report.answers] == ["right"], report.messages()


@pytest.mark.parametrize("line, verdict", [
    # AlexNet's CONV1 stated in a sentence, its output answered in the next on the same line: (227 - 11)/4 + 1 = 55.
    # The line was read as neither (the layer lost, the answers under it E060, "no layer above")
    ("The first layer is a convolution with 96 filters of size 11x11, stride 4 and no padding. Its output is "
     "55x55x96.", "right"),
    ("The first layer is a convolution with 96 filters of size 11x11, stride 4, pad 0. Its output is 54x55x96.",
     "wrong"),
    ("The first layer is a conv layer with 96 11x11 filters at stride 4, pad 0. The output is 55x55x96.", "right"),
])
def test_a_layer_stated_and_answered_in_two_sentences_of_one_line(line: str, verdict: str) -> None:
    report = homework(f"The input is a 227x227x3 image.\n{line}\nIt has 34,944 parameters.\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict), ("params", "right")], \
        report.messages()


def test_an_exercise_in_letters_with_its_output_after_a_period_stays_one_line() -> None:
    # `N = 7, F = 3, S = 2. Output: 3` is one exercise: (7 - 3)/2 + 1 = 3
    report = homework("N = 7, F = 3, S = 2. Output: 3\n")
    assert [a.verdict for a in report.answers] == ["right"], report.messages()


@pytest.mark.parametrize("line, verdict", [
    # (3·3·3 + 1)·16 = 448 and (16·16·16 + 1)·10 = 40,970: 41,418 parameters. `In total the network has …` was E060
    # ("cannot tell what this answer is about"), the total unjudged
    ("In total the network has 41,418 parameters.", "right"),
    ("In total, the network has 41,419 parameters.", "wrong"),
    ("In all, the model has 41,418 params.", "right"),
])
def test_a_total_said_after_in_total(line: str, verdict: str) -> None:
    report = homework("The input is a 32x32x3 image.\nThe first layer is a convolution with 16 filters of size 3x3, "
                      "stride 1 and padding 1. It has 448 parameters.\nThe second layer is 2x2 max pooling with stride "
                      f"2.\nThe third layer is a fully connected layer with 10 neurons.\n{line}\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("params", "right"), ("total params", verdict)], \
        report.messages()


@pytest.mark.parametrize("line, answers, codes", [
    # AlexNet's first three layers: CONV1 55x55x96, (11·11·3 + 1)·96 = 34,944; POOL1 27x27x96, none; CONV2 27x27x256,
    # (5·5·96 + 1)·256 = 614,656. An answer's heading, then each named layer's: the last number was taken for the last
    # layer's (CONV1's right 34,944 marked wrong against CONV2's count) and the others dropped unjudged
    ("Params: CONV1 = 34,944", [("conv1", "params", "right")], []),
    ("Output: CONV1: 55x55x96", [("conv1", "output", "right")], []),
    ("Params: CONV1 = 34,945; CONV2 = 614,656", [("conv1", "params", "wrong"), ("conv2", "params", "right")],
     ["E041"]),
    ("Parameters: CONV1: 34,944, POOL1: 0, CONV2: 614,656",
     [("conv1", "params", "right"), ("pool1", "params", "right"), ("conv2", "params", "right")], []),
    ("Outputs: CONV1: 55x55x96, POOL1: 27x27x96, CONV2: 27x27x255",
     [("conv1", "output", "right"), ("pool1", "output", "right"), ("conv2", "output", "wrong")], ["E040"]),
    ("Params: 614,656", [("conv2", "params", "right")], []),  # no name: the last layer's, as before
])
def test_answers_listed_by_layer_after_one_heading(line: str, answers: list[tuple[str, str, str]],
                                                   codes: list[str]) -> None:
    report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nPOOL1: 3x3 filters at stride 2\n"
                      f"CONV2: 256 5x5 filters at stride 1, pad 2\n{line}\n")
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == answers, report.messages()
    assert [d.code for d in report.diagnostics if d.severity == "error"] == codes


@pytest.mark.parametrize("line, answers", [
    # As above: CONV1 (11·11·3 + 1)·96 = 34,944, CONV2 614,656, the network 649,600. A layer named after the heading
    # with its working or a remark, or `total` there, was taken for the last layer's count: right answers marked wrong
    ("Params: CONV1 = (11*11*3+1)*96 = 34,944", [("conv1", "params", "right")]),
    ("Params: CONV1 = (11*11*3+1)*96 = 34,945", [("conv1", "params", "wrong")]),
    ("Params: CONV1 = 34,944 (with biases)", [("conv1", "params", "right")]),
    ("Params: total = 649,600", [("", "total params", "right")]),
    ("Params: total = 649,601", [("", "total params", "wrong")]),
    # an output's heading with its noun (`Output volume: CONV1 = …`): CONV1's 55x55x96, not CONV2's
    ("Output volume: CONV1 = 55x55x96", [("conv1", "output", "right")]),
    ("Output shapes: CONV1: 55x55x96, CONV2: 27x27x255", [("conv1", "output", "right"), ("conv2", "output", "wrong")]),
    # `Number of parameters:` and a receptive field's heading likewise (each was CONV2's, or prose): CONV1 sees 11x11,
    # POOL1 11 + 2·4 = 19, CONV2 19 + 4·8 = 51 pixels
    ("Number of parameters: CONV1 = 34,944", [("conv1", "params", "right")]),
    ("Receptive field: CONV1 = 11x11", [("conv1", "receptive field", "right")]),
    ("Receptive fields: CONV1: 11, CONV2: 52", [("conv1", "receptive field", "right"),
                                                ("conv2", "receptive field", "wrong")]),
    # an answer's heading, then the layer it is about: that layer's (each was judged against CONV2)
    ("Answer: CONV1: 55x55x96", [("conv1", "output", "right")]),
    ("Answer: CONV1 = 54x55x96", [("conv1", "output", "wrong")]),
    ("Solution: POOL1 -> 27x27x96", [("pool1", "output", "right")]),
    ("Ans: CONV1 params = 34,944", [("conv1", "params", "right")]),
])
def test_a_layer_or_the_total_named_after_a_counts_heading(line: str, answers: list[tuple[str, str, str]]) -> None:
    report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\nPOOL1: 3x3 filters at stride 2\n"
                      f"CONV2: 256 5x5 filters at stride 1, pad 2\n{line}\n")
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == answers, report.messages()


@pytest.mark.parametrize("line, answers", [
    # Layers numbered `Layer N:` on 32x32x3: a 3x3 convolution of 16 filters, (27 + 1)·16 = 448 parameters; a pool;
    # 32 filters on 16 channels, (144 + 1)·32 = 4,640; a pool; 10 units on 8·8·32 = 2,048 values, 20,490. Their counts
    # listed by number after one heading were E060 ("cannot read the count after the colon"), none judged
    ("Params: Layer 1: 448, Layer 3: 4,640", [("conv1", "right"), ("conv3", "right")]),
    ("Params: Layer 1: 448, Layer 3: 4,641, Layer 5: 20,490", [("conv1", "right"), ("conv3", "wrong"),
                                                               ("fc5", "right")]),
])
def test_counts_listed_by_layer_number_after_one_heading(line: str, answers: list[tuple[str, str]]) -> None:
    report = homework("Input: 32x32x3\nLayer 1: CONV, 16 filters, 3x3, stride 1, padding 1\nLayer 2: MAXPOOL, 2x2, "
                      "stride 2\nLayer 3: CONV, 32 filters, 3x3, stride 1, padding 1\nLayer 4: MAXPOOL, 2x2, stride 2\n"
                      f"Layer 5: FC, 10 outputs\n{line}\n")
    assert [(a.label, a.verdict) for a in report.answers] == answers, report.messages()


@pytest.mark.parametrize("line, codes, lines", [
    # Layers answered on their own lines (32x32x16, 16x16x16; 10 for the FC layer), then the answers again by layer on
    # one line: a part that says another answer than above was lost with its E060, the line read whole as prose (a
    # wrong answer passed unjudged); a part the same as above is nothing new
    ("Output of layer 1: 32x32x16; output of layer 2: 16x16x15", ["E060"], [7]),
    ("Outputs: Layer 1: 32x32x16, Layer 2: 16x16x15", ["E060"], [7]),
    ("Outputs: Layer 2: 16x16x16, Layer 5: 11", ["E060"], [7]),
    ("Output of layer 1: 32x32x16; output of layer 2: 16x16x16", [], []),
])
def test_a_part_of_a_line_of_answers_that_contradicts_one_above_is_reported(line: str, codes: list[str],
                                                                           lines: list[int]) -> None:
    report = homework("Input: 32x32x3\nLayer 1: CONV, 16 filters, 3x3, stride 1, padding 1 => 32x32x16\n"
                      "Layer 2: MAXPOOL, 2x2, stride 2 => 16x16x16\nLayer 3: CONV, 32 filters, 3x3, stride 1, padding "
                      "1 => 16x16x32\nLayer 4: MAXPOOL, 2x2, stride 2 => 8x8x32\nLayer 5: FC, 10 outputs => 10\n"
                      f"{line}\n")
    assert [a.verdict for a in report.answers] == ["right"] * 5, report.messages()
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == list(zip(codes, lines))


# A depthwise separable block on 112x112x32: (a) the depthwise 3x3 (pad 1, no bias) keeps 112x112x32, 3·3·32 = 288
# parameters, 112·112·32·9 = 3,612,672 MACs; (b) the pointwise 1x1 to 64 filters, 32·64 = 2,048 parameters,
# 112·112·64·32 = 25,690,112 MACs.
PARTS_SHEET = ("Problem 4. Input: 112x112x32.\n{a} Depthwise conv 3x3, stride 1, pad 1 (no bias)\n"
               "{b} Pointwise conv 1x1, 64 filters (no bias) -> 112x112x64\n{answer}\n")


@pytest.mark.parametrize("answer, verdict", [
    # An answer naming the part its layer was stated in was judged against the last layer's: (a)'s right MACs and
    # parameters marked wrong
    ("MACs of (a): 3,612,672", "right"),
    ("MACs of (a) = 3,612,673", "wrong"),
    ("(e) MACs for (a): 3,612,672", "right"),
    ("MACs in part (a): 3,612,672", "right"),
    ("Params of (a): 288", "right"),
    ("Params of (a): 2,048", "wrong"),
    ("Output of (a) = 112x112x33", "wrong"),
    ("The output of (a) is 112x112x32.", "right"),
    ("MACs of (b): 25,690,112", "right"),
    ("MACs for part b: 25,690,113", "wrong"),
])
def test_an_answer_naming_the_part_its_layer_was_stated_in(answer: str, verdict: str) -> None:
    sheet = PARTS_SHEET.format(a="(a)", b="(b)", answer=answer)
    report = homework(sheet)
    last_line = sheet.rindex(answer)
    assert [(a.path, a.verdict) for a in report.answers if a.span.start >= last_line] == [
        ("dwconv1" if "(a)" in answer else "conv1", verdict)], report.messages()
    assert len(report.answers) == 2, report.messages()  # (b)'s output, and this answer


@pytest.mark.parametrize("a, b", [("a)", "b)"), ("Part a:", "Part b:"), ("- (a)", "- (b)"), ("(i)", "(ii)"),
                                  ("i)", "ii)")])
def test_parts_lettered_or_numbered_in_roman(a: str, b: str) -> None:
    # a roman numeral's part, `(ii) Pointwise conv …`, was prose: the layer vanished and the answers below were judged
    # against the depthwise one
    part = "(i)" if a.startswith("i") or a == "(i)" else "(a)"
    report = homework(PARTS_SHEET.format(a=a, b=b, answer=f"MACs of {part}: 3,612,672"))
    assert [a.verdict for a in report.answers] == ["right", "right"], report.messages()
    assert [(r.op.split()[0], r.macs) for r in report.rows] == [("dwconv", 3_612_672), ("conv", 25_690_112)]


def test_an_answer_naming_a_part_that_states_no_layer() -> None:
    # (c) states no layer above: E060 at the part, not the last layer's answer
    report = homework(PARTS_SHEET.format(a="(a)", b="(b)", answer="MACs of (c): 3,612,672"))
    assert [a.verdict for a in report.answers] == ["right"]
    errors = [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"]
    assert errors == [("E060", 4, 6, "no layer stated in part (c) above to give this answer to")]


@pytest.mark.parametrize("answer, path, verdict", [
    # On 32x32x3: conv1 16 3x3 filters, pad 1: 32x32x16, (3·3·3 + 1)·16 = 448 parameters, 32·32·16·27 = 442,368 MACs;
    # a 2x2 pool at stride 2: 16x16x16; conv2 32 3x3 filters, pad 1: 16x16x32, (3·3·16 + 1)·32 = 4,640 parameters.
    # An ordinal in figures (`1st`) was no word: `Params of the 1st conv: 448` was judged as the last conv's, a right
    # answer marked wrong
    ("Params of the 1st conv: 448", "conv1", "right"),
    ("Params of the 1st conv: 4,640", "conv1", "wrong"),
    ("Output of the 2nd layer: 16x16x17", "maxpool1", "wrong"),
    ("The 2nd conv layer has 4,641 params.", "conv2", "wrong"),
    # a layer named by its place before the answer's heading was prose: a wrong answer passed unjudged
    ("The first layer's parameters: 448", "conv1", "right"),
    ("The first layer's parameters: 449", "conv1", "wrong"),
    ("First layer params = 449", "conv1", "wrong"),
    ("CONV layer 1 params: 4,640", "conv1", "wrong"),
    ("2nd conv layer output: 16x16x32", "conv2", "right"),
    ("The last layer's output: 16x16x33", "conv2", "wrong"),
    ("Second layer output: 16x16x16", "maxpool1", "right"),
    ("First conv layer MACs: 442,368", "conv1", "right"),
])
def test_a_layer_named_by_its_place_in_figures_or_before_the_heading(answer: str, path: str, verdict: str) -> None:
    report = homework("Input: 32x32x3\nConv: 16 3x3 filters, stride 1, pad 1\nPool: 2x2 max pool, stride 2\n"
                      f"Conv: 32 3x3 filters, stride 1, pad 1\n{answer}\n")
    assert [(a.path, a.verdict) for a in report.answers] == [(path, verdict)], report.messages()


@pytest.mark.parametrize("answer, verdicts, codes", [
    # conv1 448 parameters and 442,368 MACs, the pool none, conv2 (3·3·16 + 1)·32 = 4,640 parameters and 16·16·32·144
    # = 1,179,648 MACs (the sheet above). The conv layers in the plural are their kind's total: 448 + 4,640 = 5,088
    # parameters, 442,368 + 1,179,648 = 1,622,016 MACs (each was judged as conv2's count, a right answer marked wrong)
    ("Params of the conv layers: 5,088", ["right"], []),
    ("Params of the conv layers: 5,089", ["wrong"], ["E043"]),
    ("Params of all conv layers: 5,089", ["wrong"], ["E043"]),
    ("Params of the convs: 5,088", ["right"], []),
    ("MACs of the conv layers = 1,622,016", ["right"], []),
    ("Params of all layers: 5,088", ["right"], []),
    # a layer named beside another, or layers counted, is not one cnncalc can tell (each was judged as the last layer's
    # or the pool's, a right answer marked wrong): E060
    ("Params of the previous layer: 448", [], ["E060"]),
    ("Params of the layer before the pool: 448", [], ["E060"]),
    ("Params of the conv layer before it: 448", [], ["E060"]),
    ("Params of the two convs: 5,088", [], ["E060"]),
    ("Params of the first two layers: 448", [], ["E060"]),
    # the layer above, said so, is the last
    ("Params of the layer above: 4,640", ["right"], []),
])
def test_layers_in_the_plural_or_beside_another(answer: str, verdicts: list[str], codes: list[str]) -> None:
    report = homework("Input: 32x32x3\nConv: 16 3x3 filters, stride 1, pad 1\nPool: 2x2 max pool, stride 2\n"
                      f"Conv: 32 3x3 filters, stride 1, pad 1\n{answer}\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()
    assert [d.code for d in report.diagnostics if d.severity == "error"] == codes, report.messages()


@pytest.mark.parametrize("answer, path, verdict", [
    # the sheet above: conv1 448 parameters, 32x32x16; the pool 16x16x16; conv2 4,640 parameters, 16x16x32. Each of
    # these named an earlier layer and was judged as the last one's (or the pool's), a right answer marked wrong
    ("Number of parameters in Layer #1: 448", "conv1", "right"),
    ("What is the output volume of Layer #2? 16x16x17", "maxpool1", "wrong"),
    ("Params of the initial layer: 448", "conv1", "right"),
    ("Params of conv layer 2: 4,640", "conv2", "right"),  # the second conv (layer 2 is the pool)
    ("Conv layer 2 params: 4,641", "conv2", "wrong"),
    ("Params of pool layer 1: 0", "maxpool1", "right"),
])
def test_a_layer_named_by_its_number_among_all_or_its_kind(answer: str, path: str, verdict: str) -> None:
    report = homework("Input: 32x32x3\nConv: 16 3x3 filters, stride 1, pad 1\nPool: 2x2 max pool, stride 2\n"
                      f"Conv: 32 3x3 filters, stride 1, pad 1\n{answer}\n")
    assert [(a.path, a.verdict) for a in report.answers] == [(path, verdict)], report.messages()


@pytest.mark.parametrize("answer", [
    # a layer named by a word that is no kind cnncalc reads (`downsampling`, `hidden`) was the last layer's: E060
    "Params of the downsampling layer: 0", "Params of the bottleneck layer: 448", "Params of the hidden layer: 448",
])
def test_a_layer_named_by_a_word_cnncalc_does_not_read(answer: str) -> None:
    report = homework("Input: 32x32x3\nConv: 16 3x3 filters, stride 1, pad 1\nPool: 2x2 max pool, stride 2\n"
                      f"Conv: 32 3x3 filters, stride 1, pad 1\n{answer}\n")
    assert list(report.answers) == [], report.messages()
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E060"]


def test_conv_layer_n_that_may_be_two_layers() -> None:
    # conv, pool, conv, conv: `conv layer 3` is layer 3 (a conv) or the third conv (layer 4): E060, not a guess
    report = homework("Input: 32x32x3\nConv: 16 3x3 filters, pad 1\nPool: 2x2 max pool, stride 2\n"
                      "Conv: 32 3x3 filters, pad 1\nConv: 32 3x3 filters, pad 1\nParams of conv layer 3: 9,248\n")
    assert list(report.answers) == [], report.messages()
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 6)]


@pytest.mark.parametrize("answer, path, verdict", [
    # conv1: (3·3·3 + 1)·16 = 448 parameters; conv2: (3·3·16 + 1)·32 = 4,640. A kind and a number without `layer`
    # (`Conv 1`) was read as the kind alone, the layer above: a right answer about CONV1 marked wrong
    ("Params of Conv 1: 448", "conv1", "right"),
    ("Params of conv 2: 4,641", "conv2", "wrong"),
    ("Params of pool 1: 0", "pool1", "right"),
])
def test_a_kind_and_its_number(answer: str, path: str, verdict: str) -> None:
    report = homework(NAMED_SHEET + answer + "\n")
    assert [(a.path, a.verdict) for a in report.answers] == [(path, verdict)], report.messages()
    unnamed = NAMED_SHEET.replace("CONV1: ", "Conv: ").replace("POOL1: ", "Pool: ").replace("CONV2: ", "Conv: ")
    unnamed = homework(unnamed + answer + "\n")
    assert [a.verdict for a in unnamed.answers] == [verdict], unnamed.messages()


@pytest.mark.parametrize("answer", ["Layer 2 params: 0", "Params of layer 2: 0", "Output of layer 2: 16x16x16"])
def test_layer_n_that_is_one_layer_by_its_name_and_another_by_its_place(answer: str) -> None:
    # under CONV1, POOL1, CONV2, `layer 2` is POOL1 by its place and CONV2 by its name: it was CONV2's, and POOL1's
    # right answer marked wrong; E060 now
    report = homework(NAMED_SHEET + answer + "\n")
    assert list(report.answers) == [], report.messages()
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 5)]
    assert "CONV2 by its name or POOL1 by its place" in report.messages()[0]


def test_fc_n_neurons_in_a_numbered_listing() -> None:
    # `4. FC 10 neurons` was E060 ("no layer FC 10 above") and the layer left out: the last layer's answer below was
    # judged as CONV2's. FC 10 on 16x16x32: (16·16·32 + 1)·10 = 81,930 parameters
    report = homework("Input: 32x32x3\n1. Conv 16 3x3 filters, stride 1, pad 1\n2. Max pool 2x2, stride 2\n"
                      "3. Conv 32 3x3 filters, stride 1, pad 1\n4. FC 10 neurons\nParams of the last layer: 81,930\n")
    assert [(a.path, a.verdict) for a in report.answers] == [("fc1", "right")], report.messages()


@pytest.mark.parametrize("answer, path, verdict", [
    # conv1 keeps 32x32 with 16 filters (pad 1): RELU1 32x32x16; the pool halves it, conv2 32 filters: RELU2 16x16x32.
    # `the first ReLU` was the layer above's (RELU2, or the FC layer), its right answer marked wrong; `Output of the
    # first ReLU: …` was prose
    ("Params of the first relu: 0", "relu1", "right"),
    ("What is the output of the first ReLU? 32x32x16", "relu1", "right"),
    ("Output of the first ReLU: 32x32x17", "relu1", "wrong"),
    ("After the last ReLU: 16x16x32", "relu2", "right"),
    ("Output of the 2nd ReLU: 16x16x31", "relu2", "wrong"),
])
def test_an_activation_named_by_its_place_among_its_kind(answer: str, path: str, verdict: str) -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nRELU1\nPOOL1: 2x2 max pool, stride 2\n"
                      f"CONV2: 32 3x3 filters, stride 1, pad 1\nRELU2\n{answer}\n")
    assert [(a.path, a.verdict) for a in report.answers] == [(path, verdict)], report.messages()


def test_an_activation_by_a_place_none_has() -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, pad 1\nRELU1\nOutput of the third ReLU: 32x32x16\n")
    assert list(report.answers) == []
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 4, 15, "no third `ReLU` above to give this answer to")]


@pytest.mark.parametrize("answer, verdict", [
    # CONV2 receives the pool's 16x16x16 (32x32x16 halved). These were prose: a wrong answer passed unjudged
    ("Input size of CONV2 = 16x16x17", "wrong"),
    ("Input size of CONV2 = 16x16x16", "right"),
    ("Input shape for CONV2: 16x16x17", "wrong"),
    ("CONV2 receives a 16x16x17 volume.", "wrong"),
    ("CONV2 receives a 16x16x16 volume.", "right"),
])
def test_what_a_layer_receives_said_with_a_size_word_or_a_volume_after(answer: str, verdict: str) -> None:
    report = homework(NAMED_SHEET + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [("conv2", "input", verdict)], \
        report.messages()


@pytest.mark.parametrize("answer, verdict", [
    # CONV1 with 16 3x3 filters, pad 1 on 32x32x3: 32x32x16, (3·3·3 + 1)·16 = 448 parameters, 32·32·16·27 = 442,368
    # MACs. Each of these was prose: a wrong answer passed unjudged
    ("Output of this layer: 32x32x17", "wrong"),
    ("Output of the layer = 32x32x16", "right"),
    ("This layer's output: 32x32x17", "wrong"),
    ("This layer's params: 449", "wrong"),
    ("Its output: 32x32x16", "right"),
    ("H x W x D = 32x32x17", "wrong"),
    ("HxWxC: 32x32x16", "right"),
    ("C x H x W = 16x32x32", "right"),  # channels first
    ("C x H x W = 17x32x32", "wrong"),
    ("Computation: 442,369 multiply-adds", "wrong"),
    ("Operations: 442,368 multiply-accumulates", "right"),
])
def test_the_layer_above_named_as_this_layer_or_its_sides_as_letters(answer: str, verdict: str) -> None:
    report = homework(f"Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\n{answer}\n")
    assert [(a.path, a.verdict) for a in report.answers] == [("conv1", verdict)], report.messages()


@pytest.mark.parametrize("answer, path, verdict", [
    # the unnamed sheet: conv 16 3x3 pad 1 (448 params, 32x32x16), a 2x2 pool (16x16x16), conv 32 3x3 pad 1 (4,640
    # params, 16x16x32). A sentence naming its layer by number or place first was prose; `Conv 2 output: …` was E060
    # (no layer named CONV2) though it is the second conv
    ("In layer 3 there are 4,641 parameters.", "conv2", "wrong"),
    ("In layer 3 there are 4,640 parameters.", "conv2", "right"),
    ("For layer 2, the output is 16x16x17.", "maxpool1", "wrong"),
    ("For the 2nd conv, params = 4,641", "conv2", "wrong"),
    ("For Conv 2, output: 16x16x33", "conv2", "wrong"),
    ("Output of Conv 2: 16x16x32", "conv2", "right"),
    ("Conv 2 output: 16x16x33", "conv2", "wrong"),
    ("Pool 1 output: 16x16x16", "maxpool1", "right"),
])
def test_a_layer_by_number_or_kind_and_number_on_an_unnamed_sheet(answer: str, path: str, verdict: str) -> None:
    report = homework("Input: 32x32x3\nConv: 16 3x3 filters, stride 1, pad 1\nPool: 2x2 max pool, stride 2\n"
                      f"Conv: 32 3x3 filters, stride 1, pad 1\n{answer}\n")
    assert [(a.path, a.verdict) for a in report.answers] == [(path, verdict)], report.messages()


def test_a_kind_and_a_number_beyond_its_layers() -> None:
    # two convs above: `Conv 3` is none of them (layer 3 is a conv, but `Conv 3` names no layer by its place)
    report = homework("Input: 32x32x3\nConv: 16 3x3 filters, pad 1\nPool: 2x2 max pool, stride 2\n"
                      "Conv: 32 3x3 filters, pad 1\nConv 3 output: 16x16x32\n")
    assert list(report.answers) == []
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 5)]


def test_an_answer_said_again_naming_a_layer_is_no_unread_layer() -> None:
    # `Params of the first conv layer: 156` says again `Params of layer 1: 156`: it was taken for prose that may state
    # a layer, and the total below went unchecked (N046). LeNet's C1: (5·5·1 + 1)·6 = 156; the pool has none
    report = homework("Input: 28x28x1\nLayer 1: Conv 5x5, 6 filters, stride 1, pad 2 -> 28x28x6\n"
                      "Layer 2: Avg pool 2x2, stride 2 -> 14x14x6\nParams of layer 1: 156\n"
                      "Params of the first conv layer: 156\nTotal params: 157\n")
    assert [(a.quantity, a.verdict) for a in report.answers][-1] == ("total params", "wrong"), report.messages()


@pytest.mark.parametrize("answer, verdict", [
    # an FC layer named by its width: FC 10 on 16x16x32, 16·16·32·10 = 81,920 MACs and 81,920 + 10 = 81,930
    # parameters (`MACs of FC 10` was read as the tenth FC layer, E060; `FC 10 params:` was E060 before too)
    ("MACs of FC 10: 81,920", "right"),
    ("Params of the FC 10 layer: 81,931", "wrong"),
    ("FC 10 params: 81,931", "wrong"),
    ("Dense 10 params: 81,930", "right"),
])
def test_an_fc_layer_named_by_its_width(answer: str, verdict: str) -> None:
    report = homework("Input: 32x32x3\nConv: 16 3x3 filters, stride 1, pad 1\nPool: 2x2 max pool, stride 2\n"
                      f"Conv: 32 3x3 filters, stride 1, pad 1\nFC: 10 neurons\n{answer}\n")
    assert [(a.path, a.verdict) for a in report.answers] == [("fc1", verdict)], report.messages()


LATEX_SHEET = """## Problem 1
Input: $32 \\times 32 \\times 3$

**Layer 1:** Conv, 8 filters of $5 \\times 5$, stride 1, no padding.

Output size: $\\frac{{32 - 5 + 2 \\cdot 0}}{{1}} + 1 = 28$, so the output is $28 \\times 28 \\times 8$.

Parameters: $(5 \\cdot 5 \\cdot 3 + 1) \\cdot 8 = {params}$

**Layer 2:** Max pool $2 \\times 2$, stride 2.

Output: $\\frac{{28 - 2}}{{2}} + 1 = 14 \\Rightarrow 14 \\times 14 \\times {depth}$
"""


@pytest.mark.parametrize("params, depth, verdicts", [
    # (32 - 5)/1 + 1 = 28; (5·5·3 + 1)·8 = 608; the pool halves 28 to 14, 8 channels kept
    ("608", "8", ["right", "right", "right"]),
    ("609", "9", ["right", "wrong", "wrong"]),
])
def test_a_notebook_sheet_of_latex_is_detected_as_the_lecture_notation(params: str, depth: str,
                                                                        verdicts: list[str]) -> None:
    # its `$32 \times 32 \times 3$` and `**Layer 1:**` hid every line from detection: read as the spec language, the
    # sheet was 38 errors and no verdict
    from cnncalc.notations import detect
    text = LATEX_SHEET.format(params=params, depth=depth)
    assert detect(text, "hw.md") == "lecture"
    report = cnncalc.analyze_text(text, "hw.md")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()


@pytest.mark.parametrize("answer, verdict", [
    # CONV1 with 16 3x3 filters on 32x32x3: 3·3·3·16 = 432 weights, 432 + 16 = 448 with the biases. A count of
    # weights said to include the biases is every parameter: each of these judged 448 as the weights', marked wrong
    ("Weights (including bias): 448", "right"),
    ("Weights (with bias): 448", "right"),
    ("Weights incl. bias = 448", "right"),
    ("Weights + bias: 448", "right"),
    ("Weights (w/ bias): 448", "right"),
    ("Weights (bias included): 448", "right"),
    ("Weights with biases: 449", "wrong"),
    ("Weights: 448 (with bias)", "right"),
    ("Weights: 448 (bias included)", "right"),
    ("It has 448 weights (with bias).", "right"),
    # said without them, the weights alone
    ("Weights (no bias): 432", "right"),
    ("Weights (w/o bias): 432", "right"),
    ("Weights without bias: 448", "wrong"),
    ("Weights: 432 (biases excluded)", "right"),
    ("It has 432 weights (without bias).", "right"),
])
def test_a_count_of_weights_said_to_include_the_biases(answer: str, verdict: str) -> None:
    report = homework(f"Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\n{answer}\n")
    assert [a.verdict for a in report.answers] == [verdict], report.messages()


@pytest.mark.parametrize("header, verdict", [("Weights (incl. bias)", "right"), ("Weights with biases", "right"),
                                             ("Weights (no bias)", "wrong"), ("Weights", "wrong")])
def test_a_tables_weights_column_said_to_include_the_biases(header: str, verdict: str) -> None:
    # 448 is the parameters with the biases (above): right under a column of them, wrong under the weights alone
    report = homework(f"Input: 32x32x3\n\n| Layer | Description | Output | {header} |\n|---|---|---|---|\n"
                      "| CONV1 | 16 3x3 filters, pad 1 | 32x32x16 | 448 |\n")
    assert [a.verdict for a in report.answers] == ["right", verdict], report.messages()


def test_a_count_of_weights_after_an_arrow_said_to_include_the_biases() -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1 -> 32x32x16, 448 weights (incl. bias)\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right"), ("params", "right")]


@pytest.mark.parametrize("answer, verdict", [
    # the network's total: 448 + 0 + 4,640 = 5,088 parameters; 442,368 + 0 + 1,179,648 = 1,622,016 MACs (the pool's
    # comparisons are no MACs). `Network total …` was prose: a wrong total passed unjudged
    ("Network total params = 5,089", "wrong"),
    ("Model total MACs: 1,622,016", "right"),
    ("Net total: 5,088 params", "right"),
])
def test_a_networks_total_named_before_total(answer: str, verdict: str) -> None:
    report = homework(NAMED_SHEET + answer + "\n")
    assert [(a.quantity.split()[0], a.verdict) for a in report.answers] == [("total", verdict)], report.messages()


@pytest.mark.parametrize("answer, path, verdict", [
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3: 32x32x16, (3·3·3 + 1)·16 = 448 parameters; POOL1 halves it, 16x16x16.
    # A layer's name, then a heading written short, or a layer named by its kind before the heading: each was prose,
    # a wrong answer passing unjudged
    ("conv1 out: 32x32x17", "conv1", "wrong"),
    ("CONV1 shape: 32x32x16", "conv1", "right"),
    ("CONV1 has output 32x32x17", "conv1", "wrong"),
    ("CONV1 num params: 449", "conv1", "wrong"),
    ("CONV1 #params: 448", "conv1", "right"),
    ("The pool's output: 16x16x17", "pool1", "wrong"),
    ("Max pool output: 16x16x16", "pool1", "right"),
    ("Max pooling layer output: 16x16x17", "pool1", "wrong"),
    ("The conv layer's params: 448", "conv1", "right"),
])
def test_a_named_layers_short_heading_or_a_kind_before_the_heading(answer: str, path: str, verdict: str) -> None:
    report = homework(f"Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
                      f"{answer}\n")
    assert [(a.path, a.verdict) for a in report.answers] == [(path, verdict)], report.messages()


@pytest.mark.parametrize("listing", [NAMED_SHEET, NAMED_SHEET.replace("CONV1:", "Conv:").replace("POOL1:", "Pool:")
                                     .replace("CONV2:", "Conv:")])
def test_a_table_of_answers_below_the_layers_it_names(listing: str) -> None:
    # conv1 32x32x16 and (3·3·3 + 1)·16 = 448 parameters; the pool 16x16x16 and none; conv2 16x16x32 and (3·3·16 +
    # 1)·32 = 4,640. Each row was read as a new layer without a description (E015, E060), every answer unchecked
    names = ("CONV1", "POOL1", "CONV2") if "CONV1" in listing else ("Conv 1", "Pool", "Conv 2")
    table = ("\n| Layer | Output | Params |\n|---|---|---|\n"
             f"| {names[0]} | 32x32x16 | 448 |\n| {names[1]} | 16x16x16 | 0 |\n| {names[2]} | 16x16x32 | {{conv2}} |\n")
    right = homework(listing + table.format(conv2="4,640"))
    assert [a.verdict for a in right.answers] == ["right"] * 6, right.messages()
    wrong = homework(listing + table.format(conv2="4,641"))
    assert [(a.path, a.quantity, a.verdict) for a in wrong.answers][-1] == ("conv2", "params", "wrong")
    assert [d.code for d in wrong.diagnostics if d.severity == "error"] == ["E041"]


EXERCISE_SHEET = """Exercise 3
We feed a 64x64 RGB image to the following network:
1) conv layer with 32 filters of size 5x5, stride 1, padding 2
2) max-pooling with window 2x2 and stride 2
3) conv layer with 64 filters of size 3x3, stride 1, no padding
4) fully connected layer with 100 units

a) {heading}
1) 64x64x32
2) 32x32x32
3) {third}
4) 100
b) Number of parameters of layer 1: 2,432
c) Number of parameters of layer 3: 18,496
d) Number of parameters of layer 4: {fourth}
"""


@pytest.mark.parametrize("heading", ["Output size after each layer:", "Output sizes:", "Output:"])
def test_a_numbered_list_of_each_layers_answers(heading: str) -> None:
    # (64 - 5 + 2·2)/1 + 1 = 64: 64x64x32; pooled 32x32x32; (32 - 3)/1 + 1 = 30: 30x30x64; FC 100. Parameters:
    # (5·5·3 + 1)·32 = 2,432; (3·3·32 + 1)·64 = 18,496; (30·30·64 + 1)·100 = 5,760,100. The input in a sentence with
    # `feed` was prose (no input: nothing checked), `max-pooling with window 2x2` was E060, and the list's `1)
    # 64x64x32` was judged as the FC layer's output, a right answer marked wrong
    right = homework(EXERCISE_SHEET.format(heading=heading, third="30x30x64", fourth="5,760,100"))
    assert [a.verdict for a in right.answers] == ["right"] * 7, right.messages()
    wrong = homework(EXERCISE_SHEET.format(heading=heading, third="30x30x63", fourth="5,760,000"))
    assert [(a.path, a.verdict) for a in wrong.answers if a.verdict != "right"] == [("conv2", "wrong"),
                                                                                     ("fc1", "wrong")]


@pytest.mark.parametrize("line", ["2) max-pooling with window 2x2 and stride 2",
                                  "2) max-pooling with window size 2 and stride 2",
                                  "2) max pool, window 2x2, stride 2",
                                  "2) average pooling with windows of 2x2, stride 2"])
def test_a_pool_said_by_its_window(line: str) -> None:
    # a 2x2 window at stride 2 halves 64x64x32 to 32x32x32 (each was prose, and the answer below it the conv's)
    report = homework(f"Input: 64x64x3\n1) conv layer with 32 filters of size 5x5, stride 1, padding 2\n{line}\n"
                      "Output: 32x32x33\n")
    assert [(a.path.rstrip("0123456789"), a.verdict) for a in report.answers] == [
        ("maxpool" if "max" in line else "avgpool", "wrong")], report.messages()


@pytest.mark.parametrize("answer, verdict", [
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3: 32·32·16·3·3·3 = 442,368 MACs. A layer's cost in MACs after its name
    # was prose: a wrong count passed unjudged (without its unit, `CONV1 cost: …` says no count: prose still)
    ("CONV1 cost: 442,369 MACs", "wrong"),
    ("CONV1 computational cost: 442,368 MACs", "right"),
    ("CONV1 compute: 442,369 multiply-adds", "wrong"),
])
def test_a_layers_cost_said_in_macs_after_its_name(answer: str, verdict: str) -> None:
    report = homework(NAMED_SHEET + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [("conv1", "macs", verdict)], \
        report.messages()


@pytest.mark.parametrize("answer", ["Params of layer {n}: 1", "Layer {n} output: 9x9x9", "Output of layer {n}: 9x9x9",
                                    "Params of conv {n}: 1", "Conv {n} output: 9x9x9", "MACs of FC {n}: 1",
                                    "Params of conv layer {n}: 1", "Output of Conv {n}: 9x9x9"])
def test_a_layer_numbered_beyond_any_literal_is_no_layer(answer: str) -> None:
    # a layer's number of 4,400 digits is past what Python converts to an int (4,300): `Params of layer 99…9` raised
    # ValueError (a traceback); no layer is numbered so, E060
    report = homework("Input: 32x32x3\nConv: 16 3x3 filters, pad 1\nPool: 2x2 max pool, stride 2\nFC: 10 neurons\n"
                      + answer.format(n="9" * 4400) + "\n")
    assert list(report.answers) == []
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E060"]


@pytest.mark.parametrize("answer, verdicts", [
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3: 32·32·16 out, 32·32·16·3·3·3 = 442,368 MACs. A count after its
    # volume in a unit of more than one word (or `multiplications`) was passed over as a remark: a wrong count unjudged
    ("Output: 32x32x16, 442,369 multiply-adds", [("output", "right"), ("macs", "wrong")]),
    ("Output: 32x32x16, 442,368 multiply-accumulates", [("output", "right"), ("macs", "right")]),
    ("Output: 32x32x16 with 442,369 multiplications", [("output", "right"), ("macs", "wrong")]),
    ("32x32x16, 442,369 multiply-accumulate operations", [("output", "right"), ("macs", "wrong")]),
    ("CONV1: 32x32x16, 442,369 mult-adds", [("output", "right"), ("macs", "wrong")]),
    # after the layer's name alone it was read as CONV1 stated again (E015, no verdict)
    ("CONV1: 442,369 multiply-adds", [("macs", "wrong")]),
    ("CONV1: 442,368 multiply-adds", [("macs", "right")]),
    ("CONV1 has 442,369 multiply-accumulate operations", [("macs", "wrong")]),
    # rounded (`~`): 442,368 is 442K at that precision (E060 before: `~` read only a one-word unit)
    ("Output: 32x32x16, ~442K multiply-adds", [("output", "right"), ("macs", "right")]),
    ("Output: 32x32x16, ~443K multiply-accumulates", [("output", "right"), ("macs", "wrong")]),
])
def test_a_count_in_a_unit_of_several_words(answer: str, verdicts: list[tuple[str, str]]) -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\n" + answer + "\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == verdicts, report.messages()
    assert all(a.path == "conv1" for a in report.answers)


UNNAMED_TWO = "Input: 32x32x3\nconv 16 3x3 filters, stride 1, pad 1\n2x2 max pool, stride 2\n"


@pytest.mark.parametrize("answer, judged", [
    # conv 16 3x3 pad 1 on 32x32x3: 32x32x16, (3·3·3 + 1)·16 = 448 params; the 2x2 pool at stride 2: 16x16x16, 0
    # params. An output then a count after a layer named by its number, place or kind was prose (only a layer's
    # name was read so): both answers unjudged
    ("Output of layer 1: 32x32x17, params 449", [("conv1", "output", "wrong"), ("conv1", "params", "wrong")]),
    ("Output of the first layer: 32x32x16, 448 params", [("conv1", "output", "right"), ("conv1", "params", "right")]),
    ("Output of the pool: 16x16x16, 1 params", [("maxpool1", "output", "right"), ("maxpool1", "params", "wrong")]),
    ("After the first layer: 32x32x16, 449 params", [("conv1", "output", "right"), ("conv1", "params", "wrong")]),
    # a layer named by its place, then a colon and its answer alone, was prose
    ("First layer: 32x32x17", [("conv1", "output", "wrong")]),
    ("The first layer: 32x32x16, 448 params", [("conv1", "output", "right"), ("conv1", "params", "right")]),
    ("1st layer: 449 params", [("conv1", "params", "wrong")]),
    ("2nd layer: 15x15x16", [("maxpool1", "output", "wrong")]),
    ("Last layer: 16x16x16", [("maxpool1", "output", "right")]),
    ("First conv layer: 32x32x17", [("conv1", "output", "wrong")]),
    # an answer's heading, then the layer's number: it was judged as the last layer's (`Output 1: 32x32x16` marked
    # wrong as the pool's output)
    ("Output 1: 32x32x16", [("conv1", "output", "right")]),
    ("Output 2: 32x32x16", [("maxpool1", "output", "wrong")]),
    ("Params 2: 0", [("maxpool1", "params", "right")]),
])
def test_a_layer_named_by_number_place_or_kind_before_its_answers(answer: str,
                                                                  judged: list[tuple[str, str, str]]) -> None:
    report = homework(UNNAMED_TWO + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged, report.messages()


@pytest.mark.parametrize("sheet, answer, message, column", [
    (UNNAMED_TWO, "Output 3: 32x32x16", "no layer numbered 3 above to give this output to", 8),
    (UNNAMED_TWO, "Output of CONV9: 32x32x16, 448 params", "no layer CONV9 above to give this answer to", 11),
    # CONV1 and POOL1 both end in 1: `Output 1` may be either
    (NAMED_SHEET, "Output 1: 32x32x16", "2 layers above end in the number 1", 8),
])
def test_an_answer_naming_no_one_layer_before_its_answers(sheet: str, answer: str, message: str,
                                                          column: int) -> None:
    report = homework(sheet + answer + "\n")
    line = sheet.count("\n") + 1
    assert list(report.answers) == []
    assert [m.split(": ", 1)[0] for m in report.messages() if "error" in m] == [f"hw.txt:{line}:{column}"]
    assert any(message in m for m in report.messages()), report.messages()


def test_a_place_then_a_layers_description_is_no_answer() -> None:
    # `First layer: 5x5 conv, 16 filters` describes a layer (its 5x5 is no output to judge)
    report = homework(UNNAMED_TWO + "First layer: 5x5 conv, 16 filters\n")
    assert [a for a in report.answers if a.quantity == "output"] == []


@pytest.mark.parametrize("heading", ["CONV1", "CONV1:", "For CONV1:", "Answers for CONV1:", "CONV1 answers:",
                                     "**CONV1**", "Conv 1:"])
def test_a_heading_naming_a_layer_above_gives_it_the_answers_below(heading: str) -> None:
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3: 32x32x16 and (3·3·3 + 1)·16 = 448 params; POOL1 halves it, 16x16x16.
    # Under a heading naming CONV1 the answers were judged as POOL1's (the last layer), a right answer marked wrong;
    # CONV1 alone, or with a colon, was CONV1 stated again (E015)
    right = homework(f"{NAMED_SHEET}{heading}\nOutput: 32x32x16\nParams: 448\n")
    assert [(a.path, a.quantity, a.verdict) for a in right.answers] == [
        ("conv1", "output", "right"), ("conv1", "params", "right")], right.messages()
    wrong = homework(f"{NAMED_SHEET}{heading}\nOutput: 32x32x17\nIt has 449 parameters.\n")
    assert [(a.path, a.quantity, a.verdict) for a in wrong.answers] == [
        ("conv1", "output", "wrong"), ("conv1", "params", "wrong")], wrong.messages()


def test_a_headings_answers_end_at_the_next_layer_and_a_named_answer_keeps_its_layer() -> None:
    # POOL1 -> 16x16x16 named under CONV1's heading is POOL1's; FC1 (10 neurons) stated ends the heading: its
    # `Output: 10` is FC1's. A prose line between the heading and an answer does not end it.
    report = homework(f"{NAMED_SHEET}For CONV1:\nThe filters see 3x3 patches.\nParams: 448\nPOOL1 output: 16x16x16\n"
                      "FC1: 10 neurons\nOutput: 10\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "params", "right"), ("pool1", "output", "right"), ("fc1", "output", "right")], report.messages()


@pytest.mark.parametrize("heading, said", [
    ("For CONV9:", "`CONV9`, which names no one layer above (no layer CONV9 above to give this answer to)"),
    ("Layer 1:", "`Layer 1`, which names no one layer above (2 layers above end in the number 1)"),
    ("Layer 5:", "`Layer 5`, which names no one layer above (no layer numbered 5 above to give this answer to)"),
])
def test_answers_under_a_heading_naming_no_one_layer_are_not_judged(heading: str, said: str) -> None:
    # `CONV9` names no layer above, `Layer 1` may be CONV1 or POOL1 (both end in 1), there is no layer 5: the answers
    # below it are not about the last layer (CONV2: 16x16x32), whose verdict could mark a right answer wrong; E060
    report = homework(f"{NAMED_SHEET}{heading}\nOutput: 16x16x32\n")
    assert list(report.answers) == []
    assert [(d.code, *report.source.line_col(d.span.start), d.message) for d in report.diagnostics
            if d.severity == "error" and report.source.line_col(d.span.start)[0] == 6] == [
        ("E060", 6, 1, f"this answer is under the heading {said}")]


@pytest.mark.parametrize("heading", ["Layer 1:", "Layer 1", "For layer 1:", "For the first layer:", "First layer:",
                                     "For the conv layer:", "Conv layer:", "Answers for conv 1:"])
def test_a_heading_naming_an_unnamed_layer_gives_it_the_answers_below(heading: str) -> None:
    # conv 16 3x3 pad 1 on 32x32x3: 32x32x16, (3·3·3 + 1)·16 = 448 params (the pool below it: 16x16x16, none). The
    # answers under the heading were judged as the pool's, a right answer marked wrong
    right = homework(f"{UNNAMED_TWO}{heading}\nOutput: 32x32x16\nParams: 448\n")
    assert [(a.path, a.quantity, a.verdict) for a in right.answers] == [
        ("conv1", "output", "right"), ("conv1", "params", "right")], right.messages()
    wrong = homework(f"{UNNAMED_TWO}{heading}\nOutput: 32x32x17\n")
    assert [(a.path, a.verdict) for a in wrong.answers] == [("conv1", "wrong")], wrong.messages()


@pytest.mark.parametrize("heading", ["Max Pooling", "ConvNet", "For the two layers:"])
def test_a_title_or_a_reference_to_no_one_layer_is_no_heading(heading: str) -> None:
    # a title that names a kind without a colon, or words naming no one layer above: the answer below stays the last
    # layer's (the pool's 16x16x16)
    report = homework(f"{UNNAMED_TWO}{heading}\nOutput: 16x16x16\n")
    assert [(a.path, a.verdict) for a in report.answers] == [("maxpool1", "right")], report.messages()


def test_a_kinds_heading_over_a_layers_description_states_the_layer() -> None:
    # `Conv layer:` then a description below: the layer (8 1x1 filters on 16x16x16: 16x16x8), stated, ends the heading
    report = homework(f"{UNNAMED_TWO}Conv layer:\n8 1x1 filters\nOutput: 16x16x8\n")
    assert [(a.path, a.verdict) for a in report.answers] == [("conv2", "right")], report.messages()


@pytest.mark.parametrize("answer, judged", [
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3: 32x32x16; POOL1 (2x2, stride 2): 16x16x16. A side or the output
    # named before its layer with `after` or `'s output` was prose: a wrong answer passed unjudged
    ("Depth after CONV1: 17", [("conv1", "depth", "wrong")]),
    ("Number of channels after CONV1: 16", [("conv1", "depth", "right")]),
    ("Depth of CONV1's output: 17", [("conv1", "depth", "wrong")]),
    ("Spatial size after POOL1: 15", [("pool1", "output", "wrong")]),
    ("Spatial size of POOL1's output: 16", [("pool1", "output", "right")]),
    ("Spatial size of the output of POOL1: 15", [("pool1", "output", "wrong")]),
    ("Shape of CONV1's output: 32x32x17", [("conv1", "output", "wrong")]),
    ("Shape after CONV1: 32x32x17", [("conv1", "output", "wrong")]),
    ("Size after the pool: 16x16x16", [("pool1", "output", "right")]),
    # the output bracketed as the lecture writes it, after `Output of CONV1:` (E060, read as a line of the notes'
    # VGG breakdown named `OUTPUTOFCONV1`)
    ("Output of CONV1: [32x32x16]", [("conv1", "output", "right")]),
    ("Output of CONV1: [32x32x17]", [("conv1", "output", "wrong")]),
])
def test_a_side_or_the_output_named_before_its_layer(answer: str, judged: list[tuple[str, str, str]]) -> None:
    report = homework(NAMED_SHEET + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged, report.messages()


@pytest.mark.parametrize("answer, judged", [
    # FC1 (10 neurons): a vector of 10; CONV1's output 32x32x16 is 32 on a side. `Output volume of FC1: 11` (`Output
    # size of …`, `Output spatial size of …`) was prose: the heading's noun before `of` hid the answer
    ("Output volume of FC1: 11", [("fc1", "output", "wrong")]),
    ("Output size of FC1: 10", [("fc1", "output", "right")]),
    ("Output volume for FC1 = 11", [("fc1", "output", "wrong")]),
    ("Output spatial size of CONV1: 31", [("conv1", "output", "wrong")]),
    ("Output spatial size of CONV1: 32", [("conv1", "output", "right")]),
])
def test_an_outputs_noun_then_its_layer(answer: str, judged: list[tuple[str, str, str]]) -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nFC1: 10 neurons\nFC2: 5 neurons\n"
                      + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged, report.messages()


@pytest.mark.parametrize("line", ["Width after padding: 34", "Size after padding: 34x34x3"])
def test_a_size_after_no_layer_is_no_answer(line: str) -> None:
    # the padded input's size is no layer's output: prose, as before
    report = homework(NAMED_SHEET + line + "\n")
    assert list(report.answers) == [] and report.ok, report.messages()


@pytest.mark.parametrize("answer, judged", [
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3: 32x32x16; POOL1 halves it: 16x16x16. `After <layer> the output is …`
    # without a comma after the layer was E060 (what the answer is about not told), with one it was judged
    ("After max pooling the size is 16x16x16", [("pool1", "output", "right")]),
    ("After the pool the output is 16x16x17", [("pool1", "output", "wrong")]),
    ("After the first layer the output is 32x32x17", [("conv1", "output", "wrong")]),
    ("After the first convolution the volume is 32x32x16", [("conv1", "output", "right")]),
    # `has` then a count of channels or maps after a layer's name is its output's depth (was CONV1 stated again, E015)
    ("CONV1 has 16 output channels", [("conv1", "depth", "right")]),
    ("CONV1 has 17 channels.", [("conv1", "depth", "wrong")]),
    ("POOL1 has 15 feature maps", [("pool1", "depth", "wrong")]),
])
def test_after_a_layer_without_a_comma_and_a_count_of_channels(answer: str,
                                                                judged: list[tuple[str, str, str]]) -> None:
    report = homework(NAMED_SHEET + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged, report.messages()


@pytest.mark.parametrize("answer, judged", [
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3: 32x32x16, (3·3·3 + 1)·16 = 448 params, 32·32·16·27 = 442,368 MACs;
    # POOL1 (the last layer): 16x16x16, no parameters. What an `Answer` is said in parentheses (was prose), and a
    # layer's answers between `|` after its name, each with its word (was prose without a table's header)
    ("Answer (params): 1", [("pool1", "params", "wrong")]),
    ("Answer (number of parameters): 0", [("pool1", "params", "right")]),
    ("Ans (output) = 16x16x17", [("pool1", "output", "wrong")]),
    ("CONV1\nAnswer (MACs): 442,369", [("conv1", "macs", "wrong")]),
    ("CONV1 | output 32x32x17 | params 448", [("conv1", "output", "wrong"), ("conv1", "params", "right")]),
    ("CONV1 | output: 32x32x16 | params: 449 | MACs: 442,368",
     [("conv1", "output", "right"), ("conv1", "params", "wrong"), ("conv1", "macs", "right")]),
])
def test_an_answers_quantity_in_parentheses_and_answers_between_pipes(answer: str,
                                                                      judged: list[tuple[str, str, str]]) -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
                      + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged, report.messages()


def test_a_layers_values_between_pipes_without_their_words_are_not_read() -> None:
    # `CONV1 | 32x32x17 | 448`: 448 of what is not said; prose, as before
    report = homework(NAMED_SHEET + "CONV1 | 32x32x17 | 448\n")
    assert list(report.answers) == []


def test_numbered_answers_under_answers_over_several_layers_are_not_guessed() -> None:
    # `Answers:` then `1) 32x32x16`, `2) 16x16x16` (CONV1's and POOL1's outputs, right): line 1) was judged as the
    # last layer's (POOL1's 16x16x16), a right answer marked wrong, and line 2) said to answer it again. Which layer
    # (or which question) each line answers is not said: E060 each, at its line
    report = homework(NAMED_SHEET.replace("CONV2: 32 3x3 filters, stride 1, pad 1\n", "")
                      + "Answers:\n1) 32x32x16\n2) 16x16x16\n")
    assert list(report.answers) == []
    assert [(d.code, *report.source.line_col(d.span.start)) for d in report.diagnostics if d.severity == "error"] \
        == [("E060", 5, 1), ("E060", 6, 1)]
    # lines that name their layer are read; under one layer the list is that layer's, as before
    named = homework(NAMED_SHEET + "Answers:\n1) CONV1 output: 32x32x17\n2) POOL1: 16x16x16\n")
    assert [(a.path, a.verdict) for a in named.answers] == [("conv1", "wrong"), ("pool1", "right")]
    one = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nAnswers:\n1) 32x32x17\n")
    assert [(a.path, a.verdict) for a in one.answers] == [("conv1", "wrong")]


@pytest.mark.parametrize("answer, judged", [
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3: 32x32x16 and (3·3·3 + 1)·16 = 448 params. Words between a layer's name
    # and its answer: a dash (was prose when a count followed the output, E015 before a count alone), `trainable`
    # (E060), `total` and the count's word in parentheses (prose), a volume in parentheses (E015), `|` between the
    # output and a count (E015); a tick or `(correct)` after the answer (E060 after a count)
    ("1. CONV1 - output: 32x32x17, params: 449", [("output", "wrong"), ("params", "wrong")]),
    ("CONV1 - params: 449", [("params", "wrong")]),
    ("CONV1 trainable params: 449", [("params", "wrong")]),
    ("CONV1 total parameters: 448", [("params", "right")]),
    ("CONV1 (params): 449", [("params", "wrong")]),
    ("CONV1: (32x32x17)", [("output", "wrong")]),
    ("- CONV1: 32x32x16 | 449 params", [("output", "right"), ("params", "wrong")]),
    ("CONV1 params: 448 ✓", [("params", "right")]),
    ("CONV1 params: 449 ✓", [("params", "wrong")]),
    ("CONV1 output: 32x32x17 (correct)", [("output", "wrong")]),
    # a volume after a dash or in parentheses, then a count (CONV1 stated again, E015)
    ("CONV1 - 32x32x17 - 448 params", [("output", "wrong"), ("params", "right")]),
    ("CONV1 (32x32x16, 449 params)", [("output", "right"), ("params", "wrong")]),
    ("CONV1 - 32x32x16", [("output", "right")]),
])
def test_words_between_a_layers_name_and_its_answer(answer: str, judged: list[tuple[str, str]]) -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
                      + answer + "\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == judged, report.messages()
    assert all(a.path == "conv1" for a in report.answers)


@pytest.mark.parametrize("answer, judged", [
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3: 32x32x16; POOL1 (2x2 max, stride 2): 16x16x16. Each was prose
    ("The pooling layer output is 15x15x16", [("pool1", "output", "wrong")]),
    ("Max-pool output = 15x15x16", [("pool1", "output", "wrong")]),
    ("max-pooling output: 16x16x16", [("pool1", "output", "right")]),
    ("CONV1 feature maps: 17", [("conv1", "depth", "wrong")]),
    ("CONV1 feature maps: 32x32x17", [("conv1", "output", "wrong")]),
    ("CONV1 outputs 17 activation maps", [("conv1", "depth", "wrong")]),
    ("CONV1 produces 16 feature maps", [("conv1", "depth", "right")]),
])
def test_a_kinds_output_in_a_sentence_and_a_layers_maps(answer: str, judged: list[tuple[str, str, str]]) -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
                      + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged, report.messages()


TOTALS_SHEET = ("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
                "CONV2: 8 1x1 filters\n")


@pytest.mark.parametrize("answer, quantity, verdict", [
    # (3·3·3 + 1)·16 = 448, 0, (16 + 1)·8 = 136: 584 params; 32·32·16·27 = 442,368 and 16·16·8·16 = 32,768 MACs:
    # 475,136; the network ends at 16x16x8. `Parameters in total = 584` was judged as CONV2's count (136), a right
    # answer marked wrong; the others were prose, wrong totals passing unjudged
    ("Parameters in total = 584", "params", "right"),
    ("Parameters in total = 585", "params", "wrong"),
    ("Total weights and biases: 585", "params", "wrong"),
    ("Total learnable weights and biases: 584", "params", "right"),
    ("Model size: 585 params", "params", "wrong"),
    ("All layers together: 585 parameters", "params", "wrong"),
    ("Sum: 584 params", "params", "right"),
    ("Totals: 585 params", "params", "wrong"),
    ("Total compute: 475,137 MACs", "macs", "wrong"),
    ("Total cost: 475,136 MACs", "macs", "right"),
    ("The network needs 475,137 multiply-adds in total.", "macs", "wrong"),
    ("Final output size is 16x16x9", "output", "wrong"),
    ("The final feature map is 16x16x8", "output", "right"),
])
def test_the_networks_totals_in_more_words(answer: str, quantity: str, verdict: str) -> None:
    report = homework(TOTALS_SHEET + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [
        ("", "network output" if quantity == "output" else f"total {quantity}", verdict)], report.messages()


@pytest.mark.parametrize("answer, judged", [
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3: 32x32x16, 32·32·16·27 = 442,368 MACs; POOL1 last. A question, then its
    # answer in a short sentence below it, or a question labelled `Q:` without its `?`: the answer was judged as the
    # last layer's (POOL1's), a right answer marked wrong
    ("What is the output of CONV1?\nAnswer: The output is 32x32x16.", [("conv1", "output", "right")]),
    ("What is the output of CONV1?\nThe output is 32x32x17.", [("conv1", "output", "wrong")]),
    ("How many MACs does CONV1 need?\nIt needs 442,368 MACs.", [("conv1", "macs", "right")]),
    ("How many MACs does CONV1 need?\nIt needs 442,369 MACs.", [("conv1", "macs", "wrong")]),
    ("Q: CONV1 output\nA: 32x32x16", [("conv1", "output", "right")]),
    ("Q3: Params of CONV1\nA3: 449", [("conv1", "params", "wrong")]),
])
def test_an_answer_in_a_sentence_under_its_question(answer: str, judged: list[tuple[str, str, str]]) -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
                      + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged, report.messages()


@pytest.mark.parametrize("answer, judged", [
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3: 32x32x16; POOL1 halves it: 16x16x16. Questions that name their layer
    # after a side (`the depth after POOL1`), with a possessive (`CONV1's output`) or after `What size is`: E060, the
    # answer not judged
    ("What's the depth after POOL1? 17", [("pool1", "depth", "wrong")]),
    ("What size is the output of POOL1? 16x16x17", [("pool1", "output", "wrong")]),
    ("Size of POOL1's output? 16x16x16", [("pool1", "output", "right")]),
    ("How big is CONV1's output? 32x32x17", [("conv1", "output", "wrong")]),
    ("What's CONV1's output shape? 32x32x16", [("conv1", "output", "right")]),
])
def test_questions_naming_their_layer_after_a_side_or_with_a_possessive(answer: str,
                                                                        judged: list[tuple[str, str, str]]) -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
                      + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged, report.messages()


@pytest.mark.parametrize("answer, judged", [
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3: 32x32x16, 32·32·16 = 16,384 values, 32·32·16·27 = 442,368 MACs;
    # POOL1: 16x16x16. Arrows of more dashes or equals signs after a name (E015, E060); FLOPs said to be MACs, a
    # layer's cost after `Compute for` (prose), its activations as a volume (E060), `What does POOL1 output?` (E060)
    ("CONV1 ==> 32x32x17", [("conv1", "output", "wrong")]),
    ("CONV1 --> 32x32x16", [("conv1", "output", "right")]),
    ("CONV1 FLOPs (MACs): 442,369", [("conv1", "macs", "wrong")]),
    ("Compute for CONV1: 442,369 MACs", [("conv1", "macs", "wrong")]),
    ("Cost of CONV1 = 442,368 multiply-adds", [("conv1", "macs", "right")]),
    ("CONV1 activations: 32x32x17", [("conv1", "output", "wrong")]),
    ("CONV1 activations: 16,384", [("conv1", "memory", "right")]),
    ("What does POOL1 output? 16x16x17", [("pool1", "output", "wrong")]),
])
def test_arrows_costs_and_activations_after_a_layers_name(answer: str, judged: list[tuple[str, str, str]]) -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
                      + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged, report.messages()


def test_flops_alone_are_still_not_judged() -> None:
    # FLOPs are 2·MACs in some sources and the MACs in others: without `(MACs)` a count of FLOPs is E060, as before
    report = homework(NAMED_SHEET + "CONV1 FLOPs: 884,736\n")
    assert list(report.answers) == [] and [d.code for d in report.diagnostics if d.severity == "error"] == ["E060"]


@pytest.mark.parametrize("answer, judged", [
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3: 32x32x16, (3·3·3 + 1)·16 = 448 params; POOL1 halves it: 16x16x16.
    # Each was prose: a volume in brackets then a count after a name, a pool's output said with a verb, the size of
    # each map (32x32: the output's height and width)
    ("CONV1 [32x32x17] params: 448", [("conv1", "output", "wrong"), ("conv1", "params", "right")]),
    ("POOL1 reduces it to 15x15x16", [("pool1", "output", "wrong")]),
    ("POOL1 brings it down to 16x16x16", [("pool1", "output", "right")]),
    ("POOL1 halves the spatial size: 15x15x16", [("pool1", "output", "wrong")]),
    ("CONV1 feature map size: 31x31", [("conv1", "output", "wrong")]),
    ("CONV1 feature map size: 32x32", [("conv1", "output", "right")]),
    # a verb and a volume without `to` or `:` says no output (`POOL1 reduces 2x2 windows`, `… reduces 2x2`)
    ("POOL1 reduces 2x2", []),
])
def test_a_layers_output_said_with_a_verb_or_in_brackets_after_its_name(answer: str,
                                                                        judged: list[tuple[str, str, str]]) -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
                      + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged, report.messages()


MLP_SHEET = "Input: 784\nFC1: 256 neurons\nFC2: 10 neurons\n"


@pytest.mark.parametrize("sheet, answer, judged", [
    # FC1: 784·256 + 256 = 200,960 params; FC2: 256·10 + 10 = 2,570. An MLP's hidden layer (its FC layers before the
    # last) and output layer named so: E060 (`hidden`: no kind cnncalc reads) or prose, the answer unjudged
    (MLP_SHEET, "The hidden layer has 200,961 parameters.", [("fc1", "params", "wrong")]),
    (MLP_SHEET, "Params of the hidden layer: 200,960", [("fc1", "params", "right")]),
    (MLP_SHEET, "Hidden layer: 200,961 params", [("fc1", "params", "wrong")]),
    (MLP_SHEET, "The output layer has 2,571 parameters.", [("fc2", "params", "wrong")]),
    (MLP_SHEET, "Output layer: 2,570 params", [("fc2", "params", "right")]),
    (MLP_SHEET, "For FC1:\nParams of the output layer: 2,570", [("fc2", "params", "right")]),
    # two hidden layers (FC1: 200,960; FC2: 256·128 + 128 = 32,896): the second named by its place; the hidden layer
    # alone names none (E060)
    ("Input: 784\nFC1: 256 neurons\nFC2: 128 neurons\nFC3: 10 neurons\n", "Params of the second hidden layer: 32,896",
     [("fc2", "params", "right")]),
    ("Input: 784\nFC1: 256 neurons\nFC2: 128 neurons\nFC3: 10 neurons\n", "Params of the hidden layer: 200,960", []),
])
def test_an_mlps_hidden_and_output_layers(sheet: str, answer: str, judged: list[tuple[str, str, str]]) -> None:
    report = homework(sheet + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged, report.messages()
    if not judged:
        assert [d.message for d in report.diagnostics if d.severity == "error"] == [
            "`hidden layer`: 2 hidden layers above, and which is not said"]


@pytest.mark.parametrize("answers, judged, errors", [
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3: 32x32x16, (3·3·3 + 1)·16 = 448 params; POOL1 (last) 16x16x16.
    # A markdown heading naming a layer heads its answers too (they were POOL1's: right answers marked wrong)
    ("### CONV1\n\nOutput: 32x32x16\nParams: 448\n", [("conv1", "output", "right"), ("conv1", "params", "right")], []),
    ("## CONV1\n- Output: 32x32x17\n", [("conv1", "output", "wrong")], []),
    ("## Results\nOutput: 16x16x16\n", [("pool1", "output", "right")], []),
    # after a heading's answers a blank line ends it: an answer naming no layer below may be its layer's or the
    # last's, E060; one naming its layer is judged
    ("For CONV1:\nOutput: 32x32x16\n\nOutput: 16x16x16\n", [("conv1", "output", "right")],
     [(7, "this answer is under the heading `CONV1`, whose answers a blank line ended above")]),
    ("For CONV1:\nOutput: 32x32x16\n\nPOOL1 output: 16x16x16\n",
     [("conv1", "output", "right"), ("pool1", "output", "right")], []),
])
def test_a_markdown_heading_and_a_blank_line_after_a_headings_answers(answers: str,
                                                                      judged: list[tuple[str, str, str]],
                                                                      errors: list[tuple[int, str]]) -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
                      + answers)
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged, report.messages()
    assert [(report.source.line_col(d.span.start)[0], d.message) for d in report.diagnostics
            if d.severity == "error" and d.code == "E060"] == errors


def test_a_dash_or_parentheses_before_a_layers_description_still_state_it() -> None:
    # `CONV2 (8 1x1 filters)` and `POOL2 - 2x2 max pool, stride 2` state layers (16x16x16 -> 16x16x8 -> 8x8x8)
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
                      "CONV2 (8 1x1 filters)\nPOOL2 - 2x2 max pool, stride 2\nOutput: 8x8x8\n")
    assert [(a.path, a.verdict) for a in report.answers] == [("pool2", "right")], report.messages()


@pytest.mark.parametrize("sheet, answers, located", [
    # this session's E060s, each at its line:col in its words, analysed and through `cnncalc check`
    (NAMED_SHEET.replace("CONV2: 32 3x3 filters, stride 1, pad 1\n", ""), "Answers:\n1) 32x32x16\n2) 16x16x16\n",
     [(5, 1, "this numbered answer says neither its layer nor its question, so it is not judged"),
      (6, 1, "this numbered answer says neither its layer nor its question, so it is not judged")]),
    (NAMED_SHEET.replace("CONV2: 32 3x3 filters, stride 1, pad 1\n", ""),
     "For CONV1:\nOutput: 32x32x16\n\nOutput: 16x16x16\n",
     [(7, 1, "this answer is under the heading `CONV1`, whose answers a blank line ended above")]),
    (NAMED_SHEET, "CONV1 FLOPs: 884,736\n", [(5, 7, "cnncalc judges MACs, not FLOPs")]),
    ("Input: 784\nFC1: 256 neurons\nFC2: 128 neurons\nFC3: 10 neurons\n", "Params of the hidden layer: 1\n",
     [(5, 15, "`hidden layer`: 2 hidden layers above, and which is not said")]),
    ("Input: 784\nFC1: 256 neurons\nFC2: 128 neurons\nFC3: 10 neurons\n", "Params of the third hidden layer: 1\n",
     [(5, 15, "`third hidden layer`: no such hidden layer above (a hidden layer is a fully connected layer of a "
              "network of them, before its last)")]),
])
def test_this_sessions_unjudged_answers_are_located_errors(sheet: str, answers: str,
                                                           located: list[tuple[int, int, str]]) -> None:
    report = homework(sheet + answers)
    assert [(*report.source.line_col(d.span.start), d.message) for d in report.diagnostics
            if d.severity == "error"] == located
    assert all(d.code == "E060" for d in report.diagnostics if d.severity == "error")
    result = invoke("check", "--lang", "lecture", "-", input=sheet + answers)
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert [line.split(": ", 1)[0] for line in result.output.splitlines() if "error[E060]" in line] == [
        f"<stdin>:{line}:{col}" for line, col, _ in located]


@pytest.mark.parametrize("answer, judged", [
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3: (3·3·3 + 1)·16 = 448 params, 3·3·3·16 = 432 weights, 32·32·16·27 =
    # 442,368 MACs; POOL1: 16x16x16. The working between the name and the answer made the line CONV1 stated again
    # (E015), the answer unjudged; a working in parentheses after the answer, the same
    ("CONV1: 3*3*3*16 + 16 = 448 params", [("conv1", "params", "right")]),
    ("CONV1: (3*3*3 + 1)*16 = 448 params", [("conv1", "params", "right")]),
    ("CONV1: 3x3x3x16 + 16 = 448 parameters", [("conv1", "params", "right")]),
    ("CONV1 has 3*3*3*16 + 16 = 448 params", [("conv1", "params", "right")]),
    ("CONV1: 3*3*3*16 = 432 weights", [("conv1", "weights", "right")]),
    ("CONV1: 32*32*16*27 = 442,368 MACs", [("conv1", "macs", "right")]),
    ("CONV1: 448 params (3*3*3*16 + 16)", [("conv1", "params", "right")]),
    ("CONV1: 3*3*3*16 + 16 = 449 params", [("conv1", "params", "wrong")]),
    ("CONV1: 32*32*16*27 = 442,367 MACs", [("conv1", "macs", "wrong")]),
    ("CONV1: 449 params (3*3*3*16 + 16)", [("conv1", "params", "wrong")]),
    ("POOL1: 16*16*16 = 15x15x16", [("pool1", "output", "wrong")]),
])
def test_a_working_between_a_layers_name_and_its_answer(answer: str, judged: list[tuple[str, str, str]]) -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
                      + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged, report.messages()
    assert "E015" not in [d.code for d in report.diagnostics]


@pytest.mark.parametrize("answer, verdict", [("FC: 16*16*32*10 + 10 = 81,930 params", "right"),
                                             ("FC: 8192*10 + 10 = 81,931 params", "wrong")])
def test_a_working_after_a_layer_named_by_its_kind(answer: str, verdict: str) -> None:
    # the FC layer (no number: named by its kind) on CONV2's 16x16x32: 16·16·32·10 + 10 = 81,930 parameters. With a
    # working before the answer the line was prose, a wrong answer passing unjudged
    report = homework("Input: 32x32x3\nCONV1: 16 filters 3x3, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
                      "CONV2: 32 filters 3x3, stride 1, pad 1\nFC: 10 neurons\n" + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [("fc1", "params", verdict)]


def test_a_working_before_a_wrong_answer_says_where_it_slipped() -> None:
    # 3·3·3·16 + 16 = 448, written `= 449`: the answer is wrong (E041) and the message says the working gives 448
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nCONV1: 3*3*3*16 + 16 = 449 params\n")
    [wrong] = [d for d in report.diagnostics if d.severity == "error"]
    assert (wrong.code, wrong.line) == ("E041", 3) and "its working gives 448" in wrong.message
    # a right answer after a false step: the answer right, the step E046 (3·3·3·16 + 17 = 449, not 448)
    slipped = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nCONV1: 3*3*3*16 + 17 = 448 params\n")
    assert [a.verdict for a in slipped.answers] == ["right"]
    assert [(d.code, d.line) for d in slipped.diagnostics if d.severity == "error"] == [("E046", 3)]
    # a step that is no arithmetic of numbers (`16 + 16 = 32 filters`: filters are no answer) leaves the line as it was
    restated = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nCONV1: 16 + 16 = 32 filters\n")
    assert restated.answers == () and "E060" in [d.code for d in restated.diagnostics]


@pytest.mark.parametrize("answer, judged", [
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3: (3·3·3 + 1)·16 = 448 params, 32·32·16·27 = 442,368 MACs; POOL1 none.
    # A hyphen after the name before a count was CONV1 stated again (E015, an em dash was read); `learns`, `holds`,
    # `stores` before a count were prose (a wrong answer passing unjudged)
    ("CONV1 - 448 parameters", [("conv1", "params", "right")]),
    ("CONV1 - 449 parameters", [("conv1", "params", "wrong")]),
    ("CONV1 - 448 params, 442,367 MACs", [("conv1", "params", "right"), ("conv1", "macs", "wrong")]),
    ("POOL1 - 1 params", [("pool1", "params", "wrong")]),
    ("CONV1 learns 449 parameters", [("conv1", "params", "wrong")]),
    ("CONV1 holds 448 parameters", [("conv1", "params", "right")]),
    ("CONV1 stores 433 weights", [("conv1", "weights", "wrong")]),
    ("CONV1 - 32x32x15", [("conv1", "output", "wrong")]),
])
def test_a_hyphen_or_a_verb_of_holding_before_a_layers_count(answer: str, judged: list[tuple[str, str, str]]) -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
                      + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged, report.messages()
    # a hyphen before the layer's own description still states it (`CONV1 - 16 3x3 filters, pad 1`)
    stated = homework("Input: 32x32x3\nCONV1 - 16 3x3 filters, stride 1, pad 1 -> 32x32x16\n")
    assert stated.ok and [(a.path, a.verdict) for a in stated.answers] == [("conv1", "right")]


@pytest.mark.parametrize("answer, judged", [
    # CONV1 (16 3x3 filters, pad 1) has (3·3·3 + 1)·16 = 448 parameters, POOL1 none: a count asked and answered with
    # a word for none was prose, so CONV1's `none` passed unjudged
    ("How many parameters does CONV1 have? none", [("conv1", "params", "wrong")]),
    ("How many parameters does CONV1 have? Zero.", [("conv1", "params", "wrong")]),
    ("How many parameters does POOL1 have? none", [("pool1", "params", "right")]),
    ("How many MACs does POOL1 need? None", [("pool1", "macs", "right")]),
    # a volume asked is not answered by `none` (no count asked): prose, as before
    ("What is the output of POOL1? none", []),
])
def test_a_count_asked_and_answered_with_a_word_for_none(answer: str, judged: list[tuple[str, str, str]]) -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
                      + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged, report.messages()


@pytest.mark.parametrize("answer, judged", [
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3 gives 32x32x16, POOL1 16x16x16. A listing line naming a layer stated
    # above and nothing else was CONV1 stated again without its description (E015), the answer unjudged
    ("[32x32x16] CONV1", [("conv1", "output", "right")]),
    ("[31x31x16] CONV1", [("conv1", "output", "wrong")]),
    ("[16x16x16] POOL1:", [("pool1", "output", "right")]),
    ("[15x15x16] POOL1", [("pool1", "output", "wrong")]),
    # a layer not stated above is the listing's own line, as before: RELU1 on POOL1's 16x16x16
    ("[32x32x16] RELU1", [("relu1", "output", "wrong")]),
])
def test_a_listing_line_naming_a_layer_stated_above_answers_its_output(answer: str,
                                                                         judged: list[tuple[str, str, str]]) -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
                      + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged, report.messages()
    assert "E015" not in [d.code for d in report.diagnostics]


@pytest.mark.parametrize("answer, judged", [
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3 gives 16 maps of 32x32, POOL1 16 of 16x16: said after `CONV1:` it was
    # CONV1 stated again (E015: maps are no filters), the answer unjudged
    ("CONV1: 16 maps of 32x32", [("conv1", "output", "right")]),
    ("CONV1: 17 maps of 32x32", [("conv1", "output", "wrong")]),
    ("CONV1: 16 activation maps of size 31x31", [("conv1", "output", "wrong")]),
    ("POOL1: 16 channels of 16x16", [("pool1", "output", "right")]),
    ("POOL1: 16 feature maps of 15x15", [("pool1", "output", "wrong")]),
])
def test_a_layers_maps_and_their_size_after_its_name(answer: str, judged: list[tuple[str, str, str]]) -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
                      + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged, report.messages()
    assert "E015" not in [d.code for d in report.diagnostics]


@pytest.mark.parametrize("answer, judged", [
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3: 32x32x16, (3·3·3 + 1)·16 = 448 params, 3·3·3·16 = 432 weights;
    # POOL1 16x16x16. Each was prose (a wrong answer passing unjudged) or CONV1 stated again (E015)
    ("The CONV1 layer output is 31x31x16", [("conv1", "output", "wrong")]),
    ("CONV1 layer output: 32x32x16", [("conv1", "output", "right")]),
    ("CONV1 layer: 449 parameters", [("conv1", "params", "wrong")]),
    ("CONV1 layer params: 448", [("conv1", "params", "right")]),
    ("CONV1 total: 449 params", [("conv1", "params", "wrong")]),
    ("CONV1 number of weights = 433", [("conv1", "weights", "wrong")]),
    ("CONV1 no. of params: 448", [("conv1", "params", "right")]),
    ("CONV1 count of params: 449", [("conv1", "params", "wrong")]),
    ("The first conv layer outputs 31x31x16", [("conv1", "output", "wrong")]),
    ("The second layer produces a 16x16x16 volume", [("pool1", "output", "right")]),
    # words with no answer after them stay prose; a layer's description after `layer:` still states it (E015 here:
    # CONV1 again, and without its filter size)
    ("CONV1 layer", []), ("CONV1 number of", []), ("The first layer outputs", []),
])
def test_a_layers_name_with_the_word_layer_or_number_of_before_its_answer(answer: str,
                                                                          judged: list[tuple[str, str, str]]) -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
                      + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged, report.messages()


def test_a_layer_stated_with_the_word_layer_after_its_name_is_still_stated() -> None:
    # `CONV1 layer: 16 3x3 filters, …` states CONV1 (32x32x16 on 32x32x3), as `CONV1: …` does
    report = homework("Input: 32x32x3\nCONV1 layer: 16 3x3 filters, stride 1, pad 1 -> 32x32x16\n"
                      "POOL1 layer: 2x2 max pool, stride 2\nThe POOL1 layer output is 16x16x16\n")
    assert report.ok and [(a.path, a.verdict) for a in report.answers] == [("conv1", "right"), ("pool1", "right")]


@pytest.mark.parametrize("answer, judged", [
    # CONV1 (16 3x3 filters, pad 1) on 32x32x3: 32·32·16·27 = 442,368 MACs, which rounds to 442K (not 443K), and 448
    # params, which round to 450 at tens. A count said to be rounded after `CONV1:` was CONV1 stated again (E015)
    ("CONV1: ~442K MACs", [("conv1", "macs", "right")]),
    ("CONV1: ~443K MACs", [("conv1", "macs", "wrong")]),
    ("CONV1: about 443K MACs", [("conv1", "macs", "wrong")]),
    ("CONV1: approx. 442K MACs", [("conv1", "macs", "right")]),
    ("CONV1: ~450 params", [("conv1", "params", "right")]),
    ("CONV1: roughly 0.45M MACs", [("conv1", "macs", "wrong")]),
])
def test_a_rounded_count_after_a_layers_name(answer: str, judged: list[tuple[str, str, str]]) -> None:
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
                      + answer + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == judged, report.messages()


@pytest.mark.parametrize("line, verdict", [
    # Under POOL1 (no parameters), `Number of parameters: …` is still the pool's own count, and a layer's count
    # named with `Number of` stays that layer's: CONV1 has (3·3·3 + 1)·16 = 448
    ("Number of parameters: 0", ("pool1", "params", "right")),
    ("Number of parameters: 448", ("pool1", "params", "wrong")),
    ("Number of parameters in CONV1: 448", ("conv1", "params", "right")),
    ("Number of parameters in the conv layers: 449", ("", "total params in conv layers", "wrong")),
])
def test_a_number_of_parameters_names_what_it_counts(line: str, verdict: tuple) -> None:
    sheet = "Input: 32x32x3\nCONV1: 16 filters 3x3, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
    report = homework(f"{sheet}{line}\n")
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == [verdict], report.messages()


@pytest.mark.parametrize("lines, verdicts", [
    # On 32x32x3, 6 filters of 5x5 at stride 1, no padding: (32 - 5)/1 + 1 = 28, 28x28x6, (5·5·3 + 1)·6 = 456.
    # The lecture's letters in parentheses, then the answers after a colon, were prose (a wrong one passed unjudged)
    ("CONV1 (K = 6, F = 5, S = 1, P = 0): output 28x28x6, params 456", ["right", "right"]),
    ("CONV1 (K=6, F=5, S=1, P=0): output 28x28x7, params 457", ["wrong", "wrong"]),
    # the letters after the name without a colon were E060 (the layer not read)
    ("CONV1 K=6, F=5, S=1, P=0 -> 28x28x6", ["right"]),
    ("CONV1 K = 6, F = 5 -> 28x28x7", ["wrong"]),
    # a count said with `learnable` after an output and `and it has` was E060
    ("CONV1: 6 filters 5x5, stride 1\nThe output is 28x28x6 and it has 456 learnable parameters.", ["right", "right"]),
    ("CONV1: 6 filters 5x5, stride 1\nThe output is 28x28x6 and it has 457 trainable params.", ["right", "wrong"]),
    # a layer numbered in words, its kind and description in parentheses, was E060 (its answers unjudged)
    ("Layer 1 (CONV 5x5, 6 filters): 28x28x6, 456 params", ["right", "right"]),
    ("Layer 1 (conv 5x5, 6 filters) -> 28x28x7", ["wrong"]),
    ("Layer 1 (max pool 2x2, stride 2): 16x16x3", ["right"]),  # (32 - 2)/2 + 1 = 16, the depth kept
    ("Layer 1 (max pool 2x2, stride 2): 16x16x6", ["wrong"]),
])
def test_a_layer_described_in_letters_or_parentheses_has_its_answers_judged(lines: str, verdicts: list[str]) -> None:
    report = homework(f"Input: 32x32x3\n{lines}\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()
    assert not [d for d in report.diagnostics if d.code == "E060"], report.messages()


@pytest.mark.parametrize("lines, verdicts", [
    # On 32x32x3: 6 filters of 5x5 give (32 - 5)/1 + 1 = 28, 28x28x6; a 2x2 pool at stride 2, 14x14x6; a fully
    # connected layer of 120 on its 14·14·6 = 1,176 values, 1,176·120 + 120 = 141,240 parameters.
    # An unnamed layer's answers after a colon were prose (a wrong one passed unjudged)
    ("POOL1: 2x2 max pool, stride 2\nFully connected layer with 120 neurons: 141,240 params", ["right"]),
    ("POOL1: 2x2 max pool, stride 2\nFC layer, 120 neurons: 121", ["wrong"]),
    ("ReLU (no change): 28x28x6", ["right"]),  # a remark in words before the colon passed over
    ("ReLU activation (no change in size): 27x28x6", ["wrong"]),
    # a pool's letters after its kind were E060
    ("POOL1: max pool, F=2, S=2 -> 14x14x6", ["right"]),
    ("POOL1: avg pooling with F=2, S=2 -> 14x14x7", ["wrong"]),
    # a count's working inside parentheses (nested ones too) was E060 (`1176 -> 120`: its inputs, then its width)
    ("POOL1: 2x2 max pool, stride 2\nFC1: 1176 -> 120 (params = 1176*120 + 120 = 141,240)", ["right"]),
    ("POOL1: 2x2 max pool, stride 2\nFC1: 1176 -> 120 (params: (1176 + 1) x 120 = 141,241)", ["wrong"]),
    ("CONV1 output: 28x28x6 (params = 5*5*3*6 + 6 = 456)", ["right", "right"]),
])
def test_unnamed_layers_and_pool_letters_and_parenthesised_workings_are_judged(lines: str, verdicts: list[str]) -> None:
    report = homework(f"Input: 32x32x3\nCONV1: 6 filters 5x5, stride 1\n{lines}\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()
    assert not [d for d in report.diagnostics if d.code in ("E060", "N060")], report.messages()


@pytest.mark.parametrize("line, verdicts", [
    # CONV1, 6 filters of 5x5 on 32x32x3: 5·5·3·6 = 450 weights and 6 biases, 456 parameters; output 28x28x6.
    # Two counts said in a sentence about the layer were prose (a wrong one passed unjudged)
    ("It has 450 weights and 6 biases.", ["right", "right"]),
    ("It has 451 weights and 6 biases.", ["wrong", "right"]),
    ("This layer has 450 weights, 7 biases", ["right", "wrong"]),
    ("It has 450 weights and 6 biases, 456 in total.", ["right", "right", "right"]),
    ("It has 450 weights and 6 biases, 457 in total.", ["wrong", "right", "right"]),  # (params first, as answered)
    # an output said as feature maps or activations was prose
    ("It gives 28x28x6 feature maps", ["right"]),
    ("It produces 28x28x7 activations", ["wrong"]),
])
def test_counts_and_outputs_said_in_a_sentence_about_the_layer(line: str, verdicts: list[str]) -> None:
    report = homework(f"Input: 32x32x3\nCONV1: 6 filters 5x5, stride 1\n{line}\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()
    assert not [d for d in report.diagnostics if d.code in ("E060", "N060")], report.messages()


def test_a_sheet_in_sentences_with_workings_is_judged_line_by_line() -> None:
    # On 28x28x1: 8 filters of 3x3, (28 - 3)/1 + 1 = 26, 26x26x8, 3·3·1·8 + 8 = 80 parameters; a 2x2 pool at stride
    # 2, 13x13x8; 16 filters of 3x3, 11x11x16, (3·3·8 + 1)·16 = 1,168; a fully connected layer of 10 on
    # 11·11·16 = 1,936 values, 19,370 parameters; 80 + 1,168 + 19,370 = 20,618 in all. The count after a working in
    # the output's sentence, and the unnamed layer's count after a colon and its working, were E060 (unjudged)
    sheet = ("Consider the network below with a 28x28x1 input.\n"
             "Conv layer 1: 8 filters of 3x3, stride 1, no padding.\n"
             "The output is 26 x 26 x 8. It has 3*3*1*8 + 8 = 80 parameters.\n"
             "Pooling layer 1: 2x2 max pooling with stride 2.\nOutput: 13x13x8. No parameters.\n"
             "Conv layer 2: 16 filters of 3x3, stride 1, no padding.\nOutput volume: 11x11x16\n"
             "Fully connected layer with 10 neurons: 11*11*16*10 + 10 = 19,370 params\n"
             "Input is flattened: 11*11*16 = 1,936\n"
             "Total number of parameters in the network: 80 + 1,168 + 19,370 = 20,618\n")
    report = homework(sheet)
    assert [a.verdict for a in report.answers] == ["right"] * 8, report.messages()
    assert not [d for d in report.diagnostics if d.code in ("E060", "N060", "E024")], report.messages()
    for right, wrong, code in (("= 80 parameters", "= 81 parameters", "E041"), ("= 19,370 params", "= 19,371 params",
                                                                               "E041"),
                               ("= 1,936", "= 1,937", "E040"), ("28x28x1 input", "28x28x2 input", "E041")):
        report = homework(sheet.replace(right, wrong))
        assert code in [d.code for d in report.diagnostics], (wrong, report.messages())
    # a false step in a working is E046, the answer after it right
    report = homework(sheet.replace("3*3*1*8 + 8 = 80", "3*3*1*8 + 9 = 80"))
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E046"], report.messages()


@pytest.mark.parametrize("line, verdicts", [
    # FC1 on 11x11x16 receives 11·11·16 = 1,936 values. `Flattened input: …` under it was read as the input of a
    # network of its own (a wrong length passed), and a length grouped by commas was E060 (`1,936` is not a volume)
    ("Flattened input: 1936", ["right"]),
    ("Flattened input: 1937", ["wrong"]),
    ("  Input is flattened: 11*11*16 = 1,936", ["right"]),
    ("The input is flattened to 1,937 values", ["wrong"]),
    ("Input to FC1: 1,936", ["right"]),
    ("Input to this layer: 1,937", ["wrong"]),
    ("Output of this layer: 10", ["right"]),
])
def test_the_flattened_input_of_the_layer_above_is_judged(line: str, verdicts: list[str]) -> None:
    report = homework(f"Input: 11x11x16\nFC1: 10 neurons\n{line}\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()  # (none in a network of its own)
    assert not [d for d in report.diagnostics if d.code in ("E060", "N060")], report.messages()


@pytest.mark.parametrize("line, verdicts", [
    # CONV1, 6 filters of 5x5 on 32x32x3: 28x28x6, (5·5·3 + 1)·6 = 456 parameters, the network's whole count.
    # An answer led by `So` or `Therefore,` was prose or E060 (a wrong one unjudged)
    ("So after CONV1 the output is 28x28x6.", ["right"]),
    ("So after the first conv layer we get 28x28x7.", ["wrong"]),
    ("Therefore, the output is 28x28x7.", ["wrong"]),
    ("So we have 456 parameters.", ["right"]),
    # a dash for the colon after the answer's word, and `All parameters`, were prose
    ("Params - 457", ["wrong"]),
    ("Params — 456", ["right"]),
    ("All parameters: 457", ["wrong"]),
])
def test_answers_led_by_a_connective_a_dash_or_all(line: str, verdicts: list[str]) -> None:
    report = homework(f"Input: 32x32x3\nCONV1: 6 filters 5x5, stride 1\n{line}\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()
    assert not [d for d in report.diagnostics if d.code in ("E060", "N060")], report.messages()


def test_a_negative_count_after_the_answers_word_is_no_dash() -> None:
    report = homework("Input: 32x32x3\nCONV1: 6 filters 5x5, stride 1\nParams -456\n")
    assert [a.verdict for a in report.answers if a.verdict == "right"] == [], report.messages()


def test_layers_stated_in_an_exercises_sentences_are_read() -> None:
    # 64x64x3, 10 filters of 3x3 at pad 1: 64x64x10, (3·3·3 + 1)·10 = 280; a 2x2 pool at stride 2: 32x32x10; a fully
    # connected layer of 100 on 32·32·10 = 10,240 values: 10,240·100 + 100 = 1,024,100. The pool written `a 2x2
    # max-pooling layer with stride 2` was E060, and `Flatten and a fully-connected layer …` prose: the count under it
    # was judged against the layer above (a right one marked wrong)
    sheet = ("Input image 64x64x3. Conv layer: 10 filters of size 3x3, stride 1, padding 1.\n"
             "   Output volume: 64x64x10\n   Number of parameters: (3*3*3+1)*10 = 280\n"
             "Then a 2x2 max-pooling layer with stride 2.\n   Output volume: 32x32x10\n"
             "Flatten and a fully-connected layer with 100 units.\n   Parameters: 32*32*10*100 + 100 = 1,024,100\n")
    report = homework(sheet)
    assert [(a.quantity, a.verdict) for a in report.answers] == [
        ("output", "right"), ("params", "right"), ("output", "right"), ("params", "right")], report.messages()
    report = homework(sheet.replace("= 1,024,100", "= 1,024,101"))
    assert [a.verdict for a in report.answers] == ["right", "right", "right", "wrong"], report.messages()


@pytest.mark.parametrize("sentence", ["Next comes a dense layer of 100 units.", "Finally, a 100-unit FC layer.",
                                      "Add FC(100)", "We add a linear layer mapping to 100 outputs."])
def test_an_answer_under_a_sentence_that_may_state_a_layer_is_not_judged_against_the_layer_above(sentence: str) -> None:
    # CONV1 has (3·3·10 + 1)·10 = 910 parameters; the count under the sentence is the dense layer's, 10,240·100 + 100
    # = 1,024,100, and was judged as CONV1's (E041, a right answer marked wrong)
    conv = "Input: 32x32x10\nCONV1: 10 filters 3x3, pad 1 -> 32x32x10\n"
    report = homework(f"{conv}{sentence}\n   Parameters: 1,024,100\n")
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "right")], report.messages()
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 4, 4, f"line 3 (`{sentence}`) may state a layer cnncalc did not read: this answer may be that "
                       f"layer's, and is not judged")], report.messages()
    # a sentence about the layer above, or a layer named in the answer, leaves the answer to that layer
    for about, answer in (("The 10 filters each have 3*3*10 = 90 weights plus a bias.", "Parameters: 910"),
                          ("This conv layer has 10 filters of 3x3x10.", "Parameters: 910"),
                          (sentence, "CONV1 params: 910")):
        report = homework(f"{conv}{about}\n   {answer}\n")
        assert [a.verdict for a in report.answers] == ["right", "right"], (about, report.messages())


def test_an_mlps_output_layer_with_its_colon_is_read() -> None:
    # 784 inputs, a hidden layer of 100: 784·100 + 100 = 78,500; an output layer of 10: 100·10 + 10 = 1,010. With its
    # colon (`Output layer: 10 neurons`) it was prose, and the count under it was judged as the hidden layer's
    for said in ("Output layer: 10 neurons", "Output layer: 10 neurons, softmax", "Output layer: 10 units"):
        report = homework(f"Input: 784\nHidden layer: 100 neurons\n  Params: 78,500\n{said}\n  Params: 1,010\n")
        assert [(a.label, a.verdict) for a in report.answers] == [("fc1", "right"), ("fc2", "right")], said
        wrong = homework(f"Input: 784\nHidden layer: 100 neurons\n{said}\n  Params: 1,011\n")
        assert [(a.label, a.verdict) for a in wrong.answers] == [("fc2", "wrong")], said


@pytest.mark.parametrize("description, kind", [
    # 20 filters of 5x5 at stride 1 and pad 2 on 32x32x3 keep 32x32: each of these was E060, its answers unjudged
    ("CONV1: 20 filters 5x5, stride 1, padding of 2 pixels", "conv"),
    ("CONV1: 20 filters 5x5, stride 1, padding 2 on each side", "conv"),
    ("CONV1: 20 filters, kernel 5, stride 1, padding 2", "conv"),
    # a 2x2 pool at stride 2 on 32x32x3: 16x16x3
    ("POOL1: max pool (2x2, stride 2)", "pool"),
    ("POOL1: max pooling layer with 2x2 window and stride 2", "pool"),
    # 10 neurons on the 3,072 values: 3,072·10 + 10 = 30,730
    ("FC1: 10 output units", "fc"),
    ("FC1: 10 neurons with softmax activation", "fc"),
    ("FC1: affine layer with 10 outputs", "fc"),
    ("FC1: output layer with 10 neurons (one per class)", "fc"),
])
def test_descriptions_of_a_layers_options_in_words(description: str, kind: str) -> None:
    right, wrong = {"conv": ("Output: 32x32x20", "Output: 28x28x20"), "pool": ("Output: 16x16x3", "Output: 15x15x3"),
                    "fc": ("Params: 30,730", "Params: 30,720")}[kind]
    for answer, verdict in ((right, "right"), (wrong, "wrong")):
        report = homework(f"Input: 32x32x3\n{description}\n  {answer}\n")
        assert [a.verdict for a in report.answers] == [verdict], report.messages()
        assert not [d for d in report.diagnostics if d.code == "E060"], report.messages()


@pytest.mark.parametrize("line, verdict", [
    # CONV1 (16 filters of 3x3, pad 1, on 32x32x3): 32x32x16, (3·3·3 + 1)·16 = 448. Each was CONV1 stated again
    # (E015, E060), its answer unjudged
    ("CONV1 => 448 params", "right"),
    ("CONV1 => 32x32x17", "wrong"),
    ("CONV1.params = 449", "wrong"),
    ("CONV1.output = 32x32x16", "right"),
    ("CONV1 (params) 448", "right"),
    ("CONV1 (output) 32x32x17", "wrong"),
])
def test_a_layers_answer_after_an_arrow_a_dot_or_its_word_in_parentheses(line: str, verdict: str) -> None:
    sheet = "Input: 32x32x3\nCONV1: 16 filters 3x3, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"
    report = homework(f"{sheet}{line}\n")
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", verdict)], report.messages()
    assert not [d for d in report.diagnostics if d.code in ("E015", "E060")], report.messages()


def test_a_batch_norms_running_statistics_beside_its_count_and_an_unread_norm() -> None:
    # CONV1: 32 filters of 3x3 on 32x32x3, (3·3·3 + 1)·32 = 896; a batch norm over 32 channels: 2·32 = 64 learnt,
    # and 64 running statistics (no answer counts those). With them said after its count the line was prose: the
    # batch norm was left out of the network, and a right total of 896 + 64 = 960 was marked wrong
    for said in ("BatchNorm: 64 learnable parameters (gamma and beta), plus 64 running statistics",
                 "BN: 64 params + 64 non-trainable", "BN: 64 params and 64 running mean and variance values"):
        report = homework(f"Input: 32x32x3\nCONV1: 32 filters 3x3, stride 1, pad 1\n{said}\nTotal params: 960\n")
        assert [a.verdict for a in report.answers] == ["right", "right"], (said, report.messages())
    report = homework("Input: 32x32x3\nCONV1: 32 filters 3x3, stride 1, pad 1\nBN: 65 params + 64 non-trainable\n")
    assert [a.verdict for a in report.answers] == ["wrong"], report.messages()
    # a line of prose that names a norm leaves the total after it unjudged (it may be a layer the total counts)
    report = homework("Input: 32x32x3\nCONV1: 32 filters 3x3, stride 1, pad 1\nBatch norm, 64 things we learn about.\n"
                      "Total params: 960\n")
    assert [a.verdict for a in report.answers] == ["unchecked"], report.messages()


def test_a_line_of_prose_naming_a_depthwise_or_transposed_layer_leaves_the_total_unjudged() -> None:
    # CONV1 has (3·3·3 + 1)·32 = 896; a depthwise separable layer cnncalc does not read may add 3·3·32 + 32·64
    # parameters the total counts: the total after it is not judged (it was, against 896 alone)
    for said in ("Separable 3x3 to 64", "Depthwise separable step to 64 channels, then on"):
        report = homework(f"Input: 32x32x3\nCONV1: 32 filters 3x3, stride 1, pad 1\n{said}\nTotal params: 3,200\n")
        assert [a.verdict for a in report.answers] == ["unchecked"], (said, report.messages())


@pytest.mark.parametrize("answer, verdict", [
    # CONV1 has (3·3·3 + 1)·16 = 448. `449 ≈ 0.4K` was judged by its rounded half alone, and 449 passed
    ("CONV1 params: 449 ≈ 0.4K", "wrong"),
    ("CONV1 params: 448 ≈ 0.4K", "right"),
    ("Total params: 449 ≈ 0.4K", "wrong"),
    # so was `= 449 = 0.4K` (the last `=`), a working before it or not
    ("CONV1 params: 449 = 0.4K", "wrong"),
    ("CONV1 params: 3*3*3*16 + 17 = 449 = 0.4K", "wrong"),
    ("CONV1 params: (3*3*3+1)*16 = 448 = 0.45K", "right"),
    ("CONV1 params = 448 = about 0.4K", "right"),
    # the count said, then its working: `449 = 16 * 28` was judged by the working's value, and 449 passed
    ("CONV1 params: 449 = 16 * 28", "wrong"),
    ("CONV1 params: 448 = (3*3*3 + 1) * 16", "right"),
    ("Total params: 449 = 448 + 1", "wrong"),
])
def test_an_exact_count_then_itself_rounded_is_judged_exactly(answer: str, verdict: str) -> None:
    report = homework(f"Input: 32x32x3\nCONV1: 16 filters 3x3, stride 1, pad 1\n{answer}\n")
    assert [a.verdict for a in report.answers] == [verdict], report.messages()


def test_an_exact_count_then_itself_rounded_in_a_table_is_judged_exactly() -> None:
    table = ("| Layer | Description | Output | Params |\n|---|---|---|---|\n| INPUT | | 32x32x3 | 0 |\n"
             "| CONV1 | 16 3x3 filters, stride 1, pad 1 | 32x32x16 | {} |\n")
    assert [a.verdict for a in homework(table.format("449 ≈ 0.4K")).answers] == ["right", "right", "wrong"]
    assert [a.verdict for a in homework(table.format("448 ≈ 0.4K")).answers] == ["right", "right", "right"]
    assert "E060" in [d.code for d in homework(table.format("448 ≈ 0.9K")).diagnostics]  # (two counts that disagree)
    assert [a.verdict for a in homework(table.format("449 = 16*28")).answers] == ["right", "right", "wrong"]


KEYED_SHEET = """Input: 32x32x3

Layer 1
- Type: Conv
- Filters: 16
- Kernel size: 3
- Stride: 1
- Padding: 1
- Activation: ReLU
- Output: 32x32x16
- Params: 448

Layer 2 (Max pool)
- Pool size: 2x2
- Stride: 2
- Output: 16x16x16

### FC1
- Neurons: 10
- Params: 40,970
"""


def test_a_layers_hyperparameters_listed_a_line_each_under_its_name() -> None:
    # 16 filters of 3x3 at stride 1, pad 1 on 32x32x3: 32x32x16, (3·3·3 + 1)·16 = 448; a 2x2 max pool at stride 2:
    # 16x16x16; 10 neurons on its 16·16·16 = 4,096 values: 4,096·10 + 10 = 40,970. Each key was a line of prose, and
    # the answers under them were unjudged (E060)
    report = homework(KEYED_SHEET)
    assert [(a.label, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "output", "right"), ("conv1", "params", "right"), ("pool2", "output", "right"),
        ("fc1", "params", "right")], report.messages()
    assert report.ok, report.messages()
    wrong = homework(KEYED_SHEET.replace("- Padding: 1", "- Padding: 0"))  # 30x30x16 then, and 15x15x16 …
    assert [a.verdict for a in wrong.answers] == ["wrong", "right", "wrong", "wrong"], wrong.messages()
    assert [a.verdict for a in homework(KEYED_SHEET.replace("40,970", "40,960")).answers][-1] == "wrong"
    # a markdown heading names the layer too
    assert homework(KEYED_SHEET.replace("\nLayer 1\n", "\n### Layer 1\n")).ok


QA_SHEET = """Network: Input 32x32x3 -> CONV(8 filters, 5x5, stride 1, pad 0) -> POOL(2x2, stride 2) -> FC(10)

Q1: What is the output size of the CONV layer?
A1: 28x28x8

Q2: How many parameters does the CONV layer have?
A2: (5*5*3 + 1) * 8 = 608

Q3: What is the output size after pooling?
A3: 14x14x8

Q4: How many parameters in the FC layer?
A4: 14*14*8*10 + 10 = 15,690

Q5: Total parameters?
A5: 16,298
"""


def test_a_one_line_network_from_its_input_written_with_its_size_and_questions_on_its_layers() -> None:
    # (32 - 5)/1 + 1 = 28: 28x28x8, (5·5·3 + 1)·8 = 608; pooled 14x14x8; 14·14·8·10 + 10 = 15,690; 608 + 15,690 =
    # 16,298. The chain's input written `Input 32x32x3` (not `INPUT(32x32x3)`) was not read: every answer was E060;
    # and a question naming a layer left the total unjudged, as a line that may state one
    report = homework(QA_SHEET)
    assert [a.verdict for a in report.answers] == ["right"] * 5, report.messages()
    wrong = homework(QA_SHEET.replace("A5: 16,298", "A5: 16,300").replace("A1: 28x28x8", "A1: 24x24x8"))
    assert [a.verdict for a in wrong.answers] == ["wrong", "right", "right", "right", "wrong"], wrong.messages()
    for written in ("Input: 32x32x3 -> CONV", "Input 32x32x3 -> CONV"):
        assert homework(QA_SHEET.replace("Network: Input 32x32x3 -> CONV", written)).ok


@pytest.mark.parametrize("lines, verdicts", [
    # CONV1, 6 filters of 5x5 on 32x32x3: (32 - 5)/1 + 1 = 28, 28x28x6. `Output spatial dimension: 28` was read as a
    # vector of 28 (a right side marked wrong), `Output dimension: 28` so too
    ("Output spatial dimension: 28", ["right"]),
    ("Output spatial dimension: 27", ["wrong"]),
    ("Output dimension: 28", ["right"]),
    # one side by its letter alone, PyTorch's docs' or Ng's, was prose (`W2 = 28` was read)
    ("W_out = (32 - 5)/1 + 1 = 28\nH_out = 28\nD_out = 6", ["right", "right", "right"]),
    ("H_out = 27", ["wrong"]),
    ("n_C = 6", ["right"]),
    ("n_H = n_W = 27, n_C = 6", ["wrong"]),
])
def test_an_outputs_spatial_dimension_and_sides_by_their_letters(lines: str, verdicts: list[str]) -> None:
    report = homework(f"Input: 32x32x3\nCONV1: 6 filters 5x5, stride 1\n{lines}\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()
    assert not [d for d in report.diagnostics if d.code in ("E060", "N060")], report.messages()


@pytest.mark.parametrize("line, verdict", [
    # CONV1, 6 filters of 5x5 on 32x32x3: 28x28x6. A batch of one first, then PyTorch's order (C, H, W), was read in
    # the sheet's (H, W, C): [1, 6, 28, 28] as 6x28x28, a right answer marked wrong. The two equal sizes are the height
    # and width
    ("Output shape: [1, 6, 28, 28]", "right"),
    ("Output: [1, 6, 28, 28]", "right"),
    ("Shape: (1, 6, 28, 28)", "right"),
    ("Output shape: [1, 6, 27, 27]", "wrong"),
    ("Output shape: [1, 6, 28, 28].", "right"),
    ("Output shape: (1, 28, 28, 6)", "right"),  # TensorFlow's order
    ("Output shape: (1, 28, 28, 7)", "wrong"),
    ("Output shape: [1, 28, 6, 28]", "wrong"),  # no two equal in place: the sheet's order, 28x6x28
    # a remark naming the framework says the order
    ("Output: 6x28x28 (PyTorch order)", "right"),
    ("Output: 28x28x6 (TensorFlow order)", "right"),
])
def test_a_volume_with_a_batch_of_one_first_or_a_frameworks_order(line: str, verdict: str) -> None:
    report = homework(f"Input: 32x32x3\nCONV1: 6 filters 5x5, stride 1\n{line}\n")
    assert [a.verdict for a in report.answers] == [verdict], report.messages()


@pytest.mark.parametrize("line, verdict", [
    # The FC layer of 10 on the pooled 16x16x16 (4,096 values): 4,096·10 + 10 = 40,970; the network's output, 10.
    # Each was prose, a wrong answer unjudged
    ("Output layer params: 40,970", "right"),
    ("Final layer params: 40,971", "wrong"),
    ("The network gives 11 outputs", "wrong"),
    ("The model produces 10 class scores.", "right"),
])
def test_the_output_layers_count_and_the_network_giving_its_output(line: str, verdict: str) -> None:
    sheet = "Input: 32x32x3\nCONV1: 16 filters 3x3, pad 1\nPOOL1: 2x2 max pool, stride 2\nFC: 10 neurons\n"
    report = homework(f"{sheet}{line}\n")
    assert [a.verdict for a in report.answers] == [verdict], report.messages()


PROSE_SHEET = """The input is a 32x32x3 image.
Layer 1 is a convolutional layer with 32 filters of size 3x3 and stride 1 with padding 1.
The output of layer 1 is 32x32x32.
It has (3*3*3+1)*32 = 896 parameters.
Layer 2 is a max pooling layer with pool size 2 and stride 2.
Its output is 16x16x32.
Layer 3 is a fully connected layer with 10 neurons.
It has 16*16*32*10 + 10 = 81,930 parameters.
In total the network has 82,826 parameters.
"""


def test_a_network_told_layer_by_layer_in_sentences() -> None:
    # (32 - 3 + 2)/1 + 1 = 32: 32x32x32, (3·3·3 + 1)·32 = 896; pooled 16x16x32; 16·16·32·10 + 10 = 81,930; 896 +
    # 81,930 = 82,826. `Layer 1 is a convolutional layer with …` was prose: every answer unjudged or E060
    report = homework(PROSE_SHEET)
    assert [a.verdict for a in report.answers] == ["right"] * 5, report.messages()
    wrong = homework(PROSE_SHEET.replace("16x16x32.", "15x15x32.").replace("82,826", "82,830"))
    assert [a.verdict for a in wrong.answers] == ["right", "right", "wrong", "right", "wrong"], wrong.messages()
    # a remark on a layer by its number is prose, the answer under it the layer above's
    for remark in ("Layer 1 is the most expensive.", "Layer 1 is where most parameters are."):
        report = homework(f"Input: 32x32x3\nCONV1: 8 filters 3x3, pad 1\n{remark}\nOutput: 32x32x8\n")
        assert [a.verdict for a in report.answers] == ["right"] and report.ok, remark
    report = homework("Input: 32x32x3\nCONV1: 8 filters 3x3, pad 1\nLayer 10 is a conv layer with 8 filters 3x3\n")
    assert [d.message for d in report.diagnostics if d.severity == "error"] == ["layer 10, stated after 1 layer"]


@pytest.mark.parametrize("lines, verdict", [
    # CONV1, 16 filters of 3x3 at pad 1 on 32x32x3: 32·32·16 outputs of 3·3·3 taps, 442,368 MACs. A count named a
    # computational cost was prose, and one said to be MACs in parentheses after its name E060 or prose
    ("Computational cost: 442,369 MACs", "wrong"),
    ("Operations (MACs): 442,368", "right"),
    ("CONV1 operations (MACs): 442,369", "wrong"),
    ("Total computational cost: 442,369 MACs", "wrong"),
    ("Total operations (MACs): 442,368", "right"),
])
def test_a_count_of_macs_named_a_cost_or_operations(lines: str, verdict: str) -> None:
    report = homework(f"Input: 32x32x3\nCONV1: 16 filters 3x3, stride 1, pad 1\n{lines}\n")
    assert [a.verdict for a in report.answers] == [verdict], report.messages()


POOLED = "Input: 32x32x3\nCONV1: 16 filters 3x3, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n"  # 32x32x16, 16x16x16
CONVOLVED = "Input: 32x32x3\nCONV1: 16 filters 3x3, stride 1, pad 1\n"  # 32x32x16, (3·3·3 + 1)·16 = 448 parameters


def judged(sheet: str) -> tuple[list[str], list[str]]:
    """A sheet's verdicts, answer by answer, and its errors' codes."""
    report = homework(sheet + "\n")
    return [a.verdict for a in report.answers], [d.code for d in report.diagnostics if d.severity == "error"]


@pytest.mark.parametrize("line, verdict", [
    # POOL1 halves CONV1's 32x32x16 (pad 1 keeps 32: (32 - 3 + 2)/1 + 1 = 32): (32 - 2)/2 + 1 = 16, 16x16x16. The
    # output's height and width named together were prose, a wrong answer unjudged
    ("Height x width: 16x16", "right"),
    ("Height x width: 17x17", "wrong"),
    ("H x W = 16 x 16", "right"),
    ("HxW: 15x15", "wrong"),
    ("Height × width: 16 × 16", "right"),
    ("Output height and width: 17", "wrong"),
    ("Output H x W: 16x16", "right"),
    ("POOL1 output height x width: 17x17", "wrong"),
    ("CONV1 height x width: 32x32", "right"),  # CONV1's, named
    ("Conv 1 H x W: 31x31", "wrong"),
    ("- Height x width: 16x16", "right"),
    ("Width x height: 17x17", "wrong"),  # width first: a square's order does not matter
])
def test_an_outputs_height_and_width_named_together(line: str, verdict: str) -> None:
    assert judged(POOLED + line)[0] == [verdict]


def test_an_outputs_width_and_height_not_square_are_not_judged_in_an_order_not_said() -> None:
    # width first before sizes that differ: which is which is not certain, so neither verdict is given
    report = homework("Input: 32x16x3\nCONV1: 4 filters 3x3, pad 1\nWidth x height: 16x32\n")
    assert report.answers == ()


@pytest.mark.parametrize("line, verdicts", [
    # CONV1, 16 filters of 3x3 on 32x32x3: 3·3·3·16 = 432 weights, 16 biases, 432 + 16 = 448 parameters. A working
    # whose numbers say what they count, before the count, was prose: a wrong count unjudged
    ("432 weights + 16 biases = 448 params", ["right", "right", "right"]),
    ("432 weights + 16 biases = 449 parameters", ["right", "right", "wrong"]),
    ("It has 432 weights + 16 biases = 449 parameters.", ["right", "right", "wrong"]),
    ("16 filters x 28 = 449 params", ["wrong"]),  # (the filters' count is not an answer)
    ("So 16 filters * 28 params = 448 params", ["right"]),
])
def test_a_count_after_a_working_whose_numbers_say_what_they_count(line: str, verdicts: list[str]) -> None:
    report = homework(f"Input: 32x32x3\nCONV1: 16 filters 3x3, stride 1, pad 1\n{line}\n")
    assert sorted(a.verdict for a in report.answers) == sorted(verdicts), report.messages()
    assert [a.verdict for a in report.answers if a.quantity == "params"] == verdicts[-1:], report.messages()


@pytest.mark.parametrize("line", ["Output width and height: 16x8", "Output width and height: 8x16"])
def test_an_outputs_width_and_height_before_sizes_that_differ_are_not_judged_as_height_and_width(line: str) -> None:
    # CONV1 at pad 1 keeps 16x8 (height 16, width 8): width first, `16x8` may be wrong or right; it was judged as
    # height x width, a right `8x16` marked wrong
    report = homework(f"Input: 16x8x3\nCONV1: 4 filters 3x3, pad 1\n{line}\n")
    assert report.answers == (), report.messages()


LENET_OUTPUT_SHEET = """LeNet-5 (input 32x32x1)

C1: 6 filters 5x5, stride 1 -> 28x28x6, params = (5*5*1+1)*6 = 156
S2: avg pool 2x2, stride 2 -> 14x14x6, params = 0
C3: 16 filters 5x5, stride 1 -> 10x10x16, params = (5*5*6+1)*16 = 2416
S4: avg pool 2x2, stride 2 -> 5x5x16
C5: 120 filters 5x5 -> 1x1x120, params = (5*5*16+1)*120 = 48120
F6: FC 84 -> params = 120*84 + 84 = 10164
Output: FC 10 -> params = 84*10 + 10 = 850
Total params = 156 + 2416 + 48120 + 10164 + 850 = 61706
"""


def test_lenets_last_layer_named_output_with_its_description() -> None:
    # LeCun et al. (1998): 156 + 2,416 + 48,120 + 10,164 + 850 = 61,706 (the paper's C3 connects 60 of its maps, 1,516
    # parameters; a full C3, as here, (5·5·6 + 1)·16 = 2,416). `Output: FC 10 -> params = …` was read as an output of
    # 850 for F6 (wrong), the layer left out, and the right total marked wrong
    report = homework(LENET_OUTPUT_SHEET)
    assert [a.verdict for a in report.answers] == ["right"] * 12, report.messages()
    wrong = homework(LENET_OUTPUT_SHEET.replace("= 850", "= 851"))
    assert [a.verdict for a in wrong.answers].count("wrong") == 1, wrong.messages()


@pytest.mark.parametrize("line, verdicts", [
    # the FC layer of 10 after F6's 84: 84·10 + 10 = 850 parameters, 10 outputs; the total 10,164 + 850 = 11,014
    ("OUTPUT: FC 10 -> params = 850", ["right", "right", "right"]),
    ("Output layer: fully connected 10 -> params = 851", ["right", "wrong", "right"]),
    ("Output: FC(10), params = 850", ["right", "right", "right"]),
    ("Output: Dense(10) -> 850 params", ["right", "right", "right"]),
    ("Output: nn.Linear(84, 10) -> 11, params = 850", ["right", "wrong", "right", "right"]),
    # named by another role, without a number (E060 before)
    ("Classifier: FC 10 -> params 850", ["right", "right", "right"]),
    ("Final layer: FC 10 -> params 851", ["right", "wrong", "right"]),
    ("Head: fully connected 10, params 850", ["right", "right", "right"]),
])
def test_a_layer_named_output_described_as_an_fc_layer(line: str, verdicts: list[str]) -> None:
    report = homework(f"Input: 1x1x120\nF6: FC 84 -> params = 120*84 + 84 = 10164\n{line}\nTotal params: 11014\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()


KIND_PLACED_SHEET = """The input is a 128x128x3 image.
The first convolutional layer uses 16 filters of size 3x3 with stride 1 and padding 1.
Its output is 128x128x16 and it has 448 parameters.
The first pooling layer uses a 2x2 window with stride 2.
Its output is 64x64x16.
The second convolutional layer has 32 filters of size 3x3 with stride 1 and padding 1.
Its output is 64x64x32 and it has 4,640 parameters.
The first fully connected layer has 10 neurons.
It has 1,310,730 parameters.
"""


def test_layers_stated_by_their_place_among_their_kind_in_sentences() -> None:
    # (128 - 3 + 2)/1 + 1 = 128: 128x128x16, (3·3·3 + 1)·16 = 448; pooled 64x64x16; (64 - 3 + 2)/1 + 1 = 64: 64x64x32,
    # (3·3·16 + 1)·32 = 4,640; 64·64·32·10 + 10 = 1,310,730. `The first convolutional layer uses …` was prose, and the
    # answers under it were judged against the layer above (or had none); the file, a `.txt`, was read as a spec
    assert detect(KIND_PLACED_SHEET, "sheet.txt") == "lecture"
    report = homework(KIND_PLACED_SHEET)
    assert [a.verdict for a in report.answers] == ["right"] * 6, report.messages()
    wrong = homework(KIND_PLACED_SHEET.replace("4,640", "4,641").replace("64x64x16.", "64x64x8."))
    assert [a.verdict for a in wrong.answers] == ["right", "right", "wrong", "right", "wrong", "right"]
    # a place that is not the next of its kind is E060, and what follows it unjudged
    out_of_order = homework(KIND_PLACED_SHEET.replace("The second convolutional", "The third convolutional"))
    assert [(d.code, d.line, d.column, d.message) for d in out_of_order.diagnostics if d.severity == "error"] == [
        ("E060", 6, 1, "the third convolutional layer, stated after 1 of its kind")]
    # a sentence that answers (a count, no description) is the answer it was
    report = homework("Input: 32x32x3\nCONV1: 16 filters 3x3, pad 1\nThe first conv layer has 449 parameters.\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("params", "wrong")], report.messages()


def test_a_network_told_in_sentences_in_a_text_file_is_the_lecture_notation() -> None:
    assert detect(PROSE_SHEET, "sheet.txt") == "lecture"
    assert detect("input 8x8x3\nconv 4 3x3\n# The output is 6x6x4: 4 filters.\n", "a.txt") == "spec"


GIVES_SHEET = """The network takes a 128x128x3 input.
The first convolutional layer uses 16 filters of size 3x3 with stride 1 and padding 1.
Its output is 128x128x16 and it has 448 parameters.
Then a 2x2 max pooling with stride 2 gives 64x64x16.
The second convolutional layer uses 32 filters of size 3x3 with stride 1 and padding 1, giving 64x64x32 with 4,640 \\
parameters.
""".replace("\\\n", "")


def test_a_layer_told_in_a_sentence_with_what_it_gives() -> None:
    # (128 - 3 + 2)/1 + 1 = 128: 128x128x16, (3·3·3 + 1)·16 = 448; (128 - 2)/2 + 1 = 64: 64x64x16; (64 - 3 + 2)/1 + 1
    # = 64: 64x64x32, (3·3·16 + 1)·32 = 4,640. `The network takes a 128x128x3 input.` was prose (the input not read:
    # no answer judged); `Then a 2x2 max pooling … gives …` prose, the pool left out of the network
    report = homework(GIVES_SHEET)
    assert [a.verdict for a in report.answers] == ["right"] * 5, report.messages()
    wrong = homework(GIVES_SHEET.replace("gives 64x64x16", "gives 64x64x8").replace("4,640", "4,641"))
    assert [a.verdict for a in wrong.answers] == ["right", "right", "wrong", "right", "wrong"], wrong.messages()


@pytest.mark.parametrize("line, verdicts", [
    # CONV1 keeps 128x128x16 (pad 1); a 2x2 pool at stride 2 halves it: (128 - 2)/2 + 1 = 64, 64x64x16
    ("A 2x2 max pooling with stride 2 gives 64x64x16.", ["right"]),
    ("2x2 max pooling with stride 2, giving 64x64x15", ["wrong"]),
    ("Then a 2x2 max pooling with stride 2 gives an output of 64x64x16.", ["right"]),
    ("It gives 128x128x16.", ["right"]),  # CONV1's output, as before
    ("The pool gives 64x64x16.", []),  # no pool above: a sentence about one, prose
])
def test_a_layer_described_then_what_it_gives(line: str, verdicts: list[str]) -> None:
    report = homework(f"Input: 128x128x3\nCONV1: 16 filters 3x3, pad 1\n{line}\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()


@pytest.mark.parametrize("said", ["The network takes a 32x32x3 input.", "The CNN takes a 32x32x3 image as input.",
                                  "The network takes as input a 32x32x3 volume."])
def test_a_network_said_to_take_its_input(said: str) -> None:
    # (32 - 3 + 2)/1 + 1 = 32: 32x32x16; the input said in a sentence ending in `input` was prose
    report = homework(f"{said}\nCONV1: 16 filters 3x3, pad 1\nOutput: 32x32x16\n")
    assert [a.verdict for a in report.answers] == ["right"], report.messages()


@pytest.mark.parametrize("line, verdicts, errors", [
    # POOL1 halves CONV1's 32x32x16 to 16x16x16: 16·16·16 = 4,096 values, no parameters. A reason after the answer
    # was E060 (and the layer's name said again E015); `Activation size`, Andrew Ng's column, prose
    ("Params: 0 since pooling has no weights", ["right"], []),
    ("POOL1: 1 params, because pooling has no weights", ["wrong"], ["E041"]),
    ("Output: 16x16x17 because the pool halves it", ["wrong"], ["E040"]),
    ("Activation size: 4,097", ["wrong"], ["E040"]),
    ("POOL1 activation size: 4,096", ["right"], []),
    ("Activation size: 16x16x16", ["right"], []),
    ("Activations: 16x16x17", ["wrong"], ["E040"]),  # (a volume: the output's, judged once, without an E060 beside it)
])
def test_a_reason_after_an_answer_and_the_activation_size(line: str, verdicts: list[str], errors: list[str]) -> None:
    assert judged(POOLED + line) == (verdicts, errors)


@pytest.mark.parametrize("line, verdicts, errors", [
    # the FC layer of 10 on POOL1's 16x16x16 (4,096 values): 4,096·10 + 10 = 40,970; a convolution of 8 3x3 filters
    # at pad 1 keeps 16x16. The short keywords `in=`, `out=` were not read: the line prose, the layer left out
    ("FC: Linear(in=4096, out=10)\nParams: 40970", ["right"], []),
    ("FC: Linear(in=4096, out=10) -> params 40971", ["wrong"], ["E041"]),
    ("CONV2: Conv2d(in=16, out=8, kernel_size=3, padding=1) -> 16x16x8", ["right"], []),
    ("CONV2: Conv2d(in=3, out=8, kernel_size=3, padding=1) -> 16x16x8", ["right"], ["E017"]),  # its input's 16
])
def test_a_frameworks_call_with_the_short_keywords_in_and_out(line: str, verdicts: list[str],
                                                              errors: list[str]) -> None:
    assert judged(POOLED + line) == (verdicts, errors)


@pytest.mark.parametrize("line, verdicts, errors", [
    # POOL1's 16x16x16 flattened: 4,096 values; 4,096·10 + 10 = 40,970. The values an FC layer takes, said in
    # parentheses after its neurons, were E060 (its answers unjudged)
    ("FC1: 10 neurons (4,096 inputs) -> params 40970", ["right"], []),
    ("FC1: 10 neurons (4096 input features), params: 40971", ["wrong"], ["E041"]),
    ("FC1: 10 neurons (5120 inputs) -> params 40970", ["unchecked"], ["E017"]),  # not what it receives
])
def test_the_values_an_fc_layer_takes_said_after_its_neurons(line: str, verdicts: list[str],
                                                             errors: list[str]) -> None:
    assert judged(POOLED + line) == (verdicts, errors)


@pytest.mark.parametrize("line, verdicts, errors", [
    # CONV1, 16 filters of 3x3 on 32x32x3: (3·3·3 + 1)·16 = 16 × 28 = 448. A count said, then its working as a
    # product written with `×` (read as a size), was E060
    ("Params: 448 = 16 × 28", ["right"], []),
    ("Params: 449 = 16 × 28", ["wrong"], ["E041"]),
    # the padding named after its number, in parentheses (`same` for 3x3 at pad 1), was `the padding is given
    # twice`: the layer unread
    ("CONV2: 8 filters 3x3, stride 1, pad 1 (same) -> 32x32x8", ["right"], []),
    ("CONV2: 8 filters 3x3, pad 0 (valid) -> 30x30x9", ["wrong"], ["E040"]),
])
def test_a_product_written_with_times_and_the_paddings_name_after_its_number(line: str, verdicts: list[str],
                                                                               errors: list[str]) -> None:
    assert judged(CONVOLVED + line) == (verdicts, errors)


@pytest.mark.parametrize("line, verdict", [
    # POOL1 halves CONV1's 32x32x16: 16x16x16. `We have …` was prose (a wrong output unjudged), and `After this layer
    # …` E060
    ("We have 16x16x17.", "wrong"),
    ("We now have 16x16x16.", "right"),
    ("After this layer we have 16x16x16.", "right"),
    ("After this layer, the output is 16x16x17.", "wrong"),
])
def test_an_output_we_have_after_this_layer(line: str, verdict: str) -> None:
    assert judged(POOLED + line)[0] == [verdict]
    assert homework("We have a 32x32x3 input.\nCONV1: 16 filters 3x3, pad 1\nOutput: 32x32x16\n").ok  # (its input)


@pytest.mark.parametrize("line, verdicts, errors", [
    # a pool has no parameters; CONV1 (3·3·3 + 1)·16 = 448. A yes or no to whether a layer has parameters was prose:
    # `No` for CONV1 passed unjudged. `No` is a count of 0; `Yes` gives none, and is E060
    ("Does POOL1 have parameters? No", ["right"], []),
    ("Does the pooling layer have any learnable parameters? No, none.", ["right"], []),
    ("Does CONV1 have parameters? No", ["wrong"], ["E041"]),
    ("Does POOL1 have parameters? Yes", [], ["E060"]),
])
def test_a_yes_or_no_to_whether_a_layer_has_parameters(line: str, verdicts: list[str], errors: list[str]) -> None:
    assert judged(POOLED + line) == (verdicts, errors)


def test_a_yes_to_whether_a_layer_has_parameters_is_e060_at_the_yes() -> None:
    report = homework(POOLED + "Does POOL1 have parameters? Yes\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 4, 29, "expected the parameter count after the `:`, as in `= 35K`")]


@pytest.mark.parametrize("line, verdicts", [
    # CONV1, 16 filters of 3x3 on 32x32x3: each filter 3·3·3 + 1 = 28 parameters (27 weights), 16·28 = 448 (432
    # weights); its output 32x32x16. Each line was prose, a wrong count or output unjudged
    ("Each filter has 28 parameters; 16 filters give 449.", ["right", "wrong"]),
    ("Each filter has 27 parameters, so the layer has 448.", ["wrong", "right"]),
    ("Each filter has 28 parameters, giving 448 in total.", ["right", "right"]),
    ("Each filter has 27 weights; 16 filters give 432 weights.", ["right", "right"]),
    ("So 16 filters give 449 parameters in total.", ["wrong"]),
    ("16 filters make a total of 448 params", ["right"]),
    ("Each activation map is 32x32, and there are 16 of them.", ["right"]),
    ("Each feature map is 30x30; there are 16 such maps", ["wrong"]),
])
def test_counts_of_the_filters_together_and_maps_counted(line: str, verdicts: list[str]) -> None:
    report = homework(f"Input: 32x32x3\nCONV1: 16 filters 3x3, stride 1, pad 1\n{line}\n")
    assert sorted(a.verdict for a in report.answers) == sorted(verdicts), report.messages()
    assert [a.verdict for a in report.answers if a.quantity in ("params", "weights", "output")] == verdicts[-1:], \
        report.messages()


def test_a_volume_with_its_channels_said_then_again_bare_on_a_sheet_written_channels_first() -> None:
    # 3x32x32 channels first: CONV1's output 16x32x32 as the sheet writes it, 32x32 with 16 channels. The bare
    # restatement was compared in cnncalc's order, `answers again what was answered` (E060) on a right sheet
    sheet = "Input: 3x32x32\nCONV1: 16 filters 3x3, stride 1, pad 1\nOutput: 32x32 with 16 channels\n"
    assert homework(f"{sheet}Output: 16x32x32\n").ok
    assert [d.code for d in homework(f"{sheet}Output: 15x32x32\n").diagnostics if d.severity == "error"] == ["E060"]


@pytest.mark.parametrize("lines, verdicts, errors", [
    # POOL1's 16x16x16 (4,096 values) into 10 outputs: 4,096·10 + 10 = 40,970 parameters. `N-way softmax` after an FC
    # layer's name (AlexNet's paper's words) was prose, the answers under it judged against POOL1 (0): a right count
    # marked wrong
    ("FC: 10-way softmax\nParams: 40970", ["right"], []),
    ("FC8: 10-way softmax -> 10, params 40971", ["right", "wrong"], ["E041"]),
    # a softmax said with a count of classes may state the FC layer too: the answer under it is not judged
    ("Softmax: 10 classes\nParams: 40970", [], ["E060"]),
    # the filters' count after their size: (16 - 5)/1 + 1 = 12, 12x12x20
    ("CONV2: 5x5x16 filters (20 of them) -> 12x12x20", ["right"], []),
    ("CONV2: 5x5 filters, 20 of them, stride 1 -> 12x12x21", ["wrong"], ["E040"]),
])
def test_a_way_softmax_and_the_filters_counted_after_their_size(lines: str, verdicts: list[str],
                                                                errors: list[str]) -> None:
    assert judged(POOLED + lines) == (verdicts, errors)


@pytest.mark.parametrize("lines, verdict", [
    # CONV2, 8 filters of 3x3 at stride 1 and pad 1 on POOL1's 16x16x16: (16 - 3 + 2)/1 + 1 = 16, 16x16x8. The
    # description going on on the next line was prose: the layer built without its padding (14x14x8), a right
    # output marked wrong
    ("CONV2: 8 filters of size 3x3\n  with stride 1 and padding 1\nOutput: 16x16x8", "right"),
    ("CONV2: 8 filters of size 3x3\nwith stride 1 and padding 1\nOutput: 14x14x8", "wrong"),
    ("CONV2: 8 filters\n  filter size 3x3, stride 1, pad 1\nOutput: 16x16x8", "right"),
    ("CONV2: 8 3x3 filters,\n  stride 1, pad 1\nOutput: 16x16x8", "right"),
    ("CONV2: 8 filters of size 3x3, pad 1\nStride 2 would give 8x8x8.\nOutput: 16x16x8", "right"),  # (says more)
])
def test_a_layers_description_going_on_on_the_next_line(lines: str, verdict: str) -> None:
    assert judged(POOLED + lines)[0] == [verdict]


@pytest.mark.parametrize("lines, verdicts", [
    # FC of 10 on POOL1's 4,096 values: 40,970 parameters, 10 outputs. The output said in classes (`10 classes`, `10
    # class scores`, `10 logits`) was prose, a wrong length unjudged; a numbered layer's kind alone in parentheses
    # (`Layer 3 (FC): 10 neurons`) read its description as an answer (E060)
    ("FC: 10 neurons\nOutput: 11 class scores", ["wrong"]),
    ("FC: 10 neurons\nOutput: 10 classes", ["right"]),
    ("FC: 10 neurons\nOutput: 10 logits.", ["right"]),
    ("Layer 3 (FC): 10 neurons\nParams: 40970", ["right"]),
    ("Layer 3 (FC): 10 neurons -> 10, params 40971", ["right", "wrong"]),
])
def test_an_output_in_classes_and_a_numbered_layers_kind_alone_in_parentheses(lines: str, verdicts: list[str]) -> None:
    assert judged(POOLED + lines)[0] == verdicts


# a convolution told in a sentence: on 32x32x32, 32 3x3 filters with padding 1 give 32x32x32
SENTENCE_CONV = ("The input image is 32x32x32.\nThe first layer is a convolution with 32 filters of size 3x3 and "
                 "padding 1. Its output is 32x32x32.\n")


@pytest.mark.parametrize("said, verdict", [
    # a global average pool gives 1x1x32; FC to 10 then has 32·10 + 10 = 330 parameters. The sentence was prose:
    # its wrong volume passed unjudged, and the FC's right count was judged on 32x32x32 (327,690) once a line followed
    ("Then global average pooling gives 1x1x32.", "right"),
    ("Then global average pooling gives 1x1x31.", "wrong"),
    ("A global max pooling layer gives 1x1x32.", "right"),
    ("Then a global average pool gives 2x2x32.", "wrong"),
])
def test_a_global_pool_said_to_give_its_output(said: str, verdict: str) -> None:
    report = homework(SENTENCE_CONV + said + "\nFC: 10 neurons, 330 parameters\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "output", "right"), ("globalavgpool1" if "average" in said else "globalmaxpool1", "output", verdict),
        ("fc1", "params", "right")], report.messages()


def test_an_answer_for_a_kind_of_layer_none_of_which_is_above_leaves_the_answers_after_it_unjudged() -> None:
    # `Max pooling gives 16x16x32.` names no size: no pool is above to give it to (E060), and it may be a 2x2 pool
    # cnncalc did not read; the FC's 16·16·32·10 + 10 = 81,930, right after such a pool, was judged on 32x32x32
    # (327,690) and marked wrong. Now it rests on that line, as the total does.
    report = homework(SENTENCE_CONV + "Max pooling gives 16x16x32.\nFC: 10 neurons, 81930 parameters\n"
                      "Total parameters: 91178\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [
        ("output", "right"), ("params", "unchecked"), ("total params", "unchecked")], report.messages()
    e060 = [d for d in report.diagnostics if d.code == "E060"]
    assert len(e060) == 1 and e060[0].message == "no Max pooling above to give this output to"
    assert "for a new layer, give its sizes" in (e060[0].hint or "")
    # with its sizes, it is read: 9,248 + 81,930 = 91,178
    report = homework(SENTENCE_CONV + "Max pooling 2x2 with stride 2 gives 16x16x32.\n"
                      "FC: 10 neurons, 81930 parameters\nTotal parameters: 91178\n")
    assert [a.verdict for a in report.answers] == ["right"] * 4, report.messages()


# on 16x16x32 (a first convolution keeping it), a second of 64 3x3 filters with padding 1 gives 16x16x64, with
# (3·3·32 + 1)·64 = 18,496 parameters
PLACED_CONV = ("The input image is 16x16x32.\nThe first layer is a convolution with 32 filters of size 3x3 and "
               "padding 1. Its output is 16x16x32.\n")


@pytest.mark.parametrize("answers, judged", [
    # answers after the description and a `:`, `;` or `,`: the sentence was prose, its answers passed unjudged
    (": output 16x16x64, parameters 18,496.", [("output", "right"), ("params", "right")]),
    (": output 16x16x65, parameters 18,496.", [("output", "wrong"), ("params", "right")]),
    ("; output 16x16x64, parameters 18,497", [("output", "right"), ("params", "wrong")]),
    (", output 16x16x64, parameters 18,496.", [("output", "right"), ("params", "right")]),
])
def test_a_layer_stated_by_its_place_then_its_answers(answers: str, judged: list[tuple[str, str]]) -> None:
    report = homework(PLACED_CONV + "The second conv layer has 64 3x3 filters with padding 1" + answers + "\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "output", "right"), *(("conv2", q, v) for q, v in judged)], report.messages()


def test_a_layer_stated_by_its_place_that_cnncalc_cannot_read_leaves_the_answers_after_it_unjudged() -> None:
    # Its words after the answers are not read (E060, once something is read after it): the global pool's 1x1x64,
    # right after it, was judged on the first convolution's 16x16x32 and marked wrong (1x1x32)
    report = homework(PLACED_CONV + "The second conv layer has 64 3x3 filters with padding 1: output 16x16x64, and it "
                      "reaches every pixel twice.\nThen global average pooling gives 1x1x64.\n")
    assert [(a.path, a.verdict) for a in report.answers] == [("conv1", "right"), ("globalavgpool1", "unchecked")], \
        report.messages()
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.code, error.line, error.column) == ("E060", 3, 1)
    assert error.message.startswith("cnncalc cannot read `The second conv layer has 64 3x3 filters")


@pytest.mark.parametrize("line, e060", [
    # a layer cnncalc cannot read, last on the sheet: with answers it is E060 (it was prose, its answers passed over,
    # wrong ones too); without, prose as before
    ("The second conv layer has 64 3x3 filters with padding 1: output 16x16x65, parameters 18,496, and it reaches "
     "every pixel twice.", True),
    ("Max-pool 2x2, stride 2, and then something else -> 8x8x33", True),
    ("The second conv layer has 64 3x3 filters and reaches every pixel twice.", False),
])
def test_a_last_layer_cnncalc_cannot_read_is_never_prose_with_answers(line: str, e060: bool) -> None:
    report = homework(PLACED_CONV + line + "\n")
    assert [(a.path, a.verdict) for a in report.answers] == [("conv1", "right")], report.messages()
    assert [d.code for d in report.diagnostics if d.code in ("E060", "N060")] == (["E060"] if e060 else ["N060"])
    [said] = [d for d in report.diagnostics if d.code in ("E060", "N060")]
    assert (said.line, said.column) == (3, 1)  # the sheet's third line, from its start
    if e060:  # (the arrow's line was E060 before, by the path for a line stated with answers after an arrow)
        assert said.message.startswith("cnncalc cannot read `") and (
            line.startswith("Max") or said.message.endswith("as a layer: its answers are not judged"))


# on a flattened 7x7x32 (1,568 values), a dense layer of 128 units has 1,568·128 + 128 = 200,832 parameters
DENSE_SHEET = "Input: 7x7x32\nFlatten -> 1568\n"


@pytest.mark.parametrize("line, judged", [
    # a layer described with its numbers, then its answers after a `:` (the line was prose, its answers unjudged)
    ("Dense layer with 128 units: params = 1568*128 + 128 = 200832", [("params", "right")]),
    ("Dense layer with 128 units: params = 200833", [("params", "wrong")]),
    ("A dense layer with 128 units: output 129, params 200832", [("output", "wrong"), ("params", "right")]),
])
def test_a_described_layer_then_its_answers_after_a_colon(line: str, judged: list[tuple[str, str]]) -> None:
    report = homework(DENSE_SHEET + line + "\n")
    assert [(a.quantity, a.verdict) for a in report.answers][1:] == judged, report.messages()
    assert all(a.path == "fc1" for a in report.answers[1:])


@pytest.mark.parametrize("line", ["Output layer: softmax over 10 classes, 1,290 parameters",
                                  "Then a softmax classifier over 10 classes, 1,290 parameters."])
def test_a_layer_cnncalc_cannot_read_ending_with_its_count_is_an_unread_layer(line: str) -> None:
    # its count was prose; once it no longer was, a right total after it (200,832 + 128·10 + 10 = 202,122) was judged
    # without it (200,832) and marked wrong: the layer stays, unknown, and the total rests on it
    report = homework(DENSE_SHEET + "Dense layer with 128 units: params = 200832\n" + line +
                      "\nTotal: 202,122 parameters\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [
        ("output", "right"), ("params", "right"), ("total params", "unchecked")], report.messages()
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.code, error.line, error.column) == ("E060", 4, 1)
    assert error.message == f"cnncalc cannot read `{line}` as a layer: its answers are not judged, nor those after it"


# a numbered sheet whose layers are `Conv layer: …` lines with `→` arrows, its input a 28x28 grayscale image said
# again in full: conv (3·3·1 + 1)·16 = 160 on 28x28x1, pad 1, keeps 28x28; the 2x2 pool halves it to 14x14x16
NUMBERED_ARROWS = ("Input: 28x28 grayscale image, i.e. 28x28x1\n\n"
                   "1. Conv layer: 16 filters, 3x3, stride 1, padding 1 → output 28x28x16; "
                   "params = 3*3*1*16 + 16 = 160\n"
                   "2. Max pooling 2x2, stride 2 → 14x14x16\n")


def test_a_numbered_sheet_of_layer_lines_with_unicode_arrows_is_the_lecture_notation() -> None:
    # detected as the spec language (no `CONV1:` name, `→` for an arrow), every line an error and no verdict
    assert detect(NUMBERED_ARROWS, "sheet.txt") == "lecture"
    report = cnncalc.analyze_text(NUMBERED_ARROWS.replace("160", "161"), "sheet.txt")
    assert [(a.quantity, a.verdict) for a in report.answers] == [
        ("output", "right"), ("params", "wrong"), ("output", "right")], report.messages()


@pytest.mark.parametrize("line, depth", [
    ("Input: 28x28 grayscale image, i.e. 28x28x1", 1),  # (was prose: no input, every answer unchecked)
    ("Input: 28x28 image, that is 28x28x1.", 1),
    ("Input: 32x32 RGB image (32x32x3)", 3),
])
def test_an_input_said_again_in_full(line: str, depth: int) -> None:
    side = int(line.split(": ")[1][:2])
    report = homework(f"{line}\nConv: 16 filters, 3x3, pad 1 -> {side}x{side}x16, {(9 * depth + 1) * 16} params\n")
    assert report.input is not None and report.input.dims == (side, side, depth)
    assert [a.verdict for a in report.answers] == ["right", "right"], report.messages()


def test_a_titles_input_with_its_words_said_again_in_full() -> None:
    # (the title's parenthesis was read only with the volume alone in it: E024 below, every answer unchecked)
    report = homework("CNN exercise (input: 28x28 grayscale image, i.e. 28x28x1)\n"
                      "Conv: 16 filters, 3x3, pad 1 -> 28x28x16, 160 params\n")
    assert report.input is not None and report.input.dims == (28, 28, 1)
    assert [a.verdict for a in report.answers] == ["right", "right"], report.messages()


def test_an_input_said_again_otherwise_is_not_taken() -> None:
    # its depth against its words (E060), or other sides (not a restatement: the line reads as nothing)
    report = homework("Input: 28x28 RGB image, i.e. 28x28x1\nConv: 16 filters, 3x3, pad 1 -> 28x28x16\n")
    assert report.input is None and "E060" in [d.code for d in report.diagnostics]
    report = homework("Input: 28x28, i.e. 30x30x1\nConv: 16 filters, 3x3, pad 1 -> 28x28x16\n")
    assert report.input is None and [a.verdict for a in report.answers] == ["unchecked"]


@pytest.mark.parametrize("line, verdict", [
    # 7x7x32 flattened is 7·7·32 = 1,568 values; each line was prose, a wrong length passed over
    ("After flattening we have 1568 values.", "right"),
    ("After flattening we have 1567 values.", "wrong"),
    ("After flattening: 1567", "wrong"),
    ("Flattening gives 1568 values.", "right"),
    ("After the flatten layer: 1569 values", "wrong"),
    ("Flatten\nAfter flattening: 1567", "wrong"),  # a flatten stated: its output
])
def test_what_flattening_gives_said_in_a_sentence(line: str, verdict: str) -> None:
    # the FC then has 1,568·10 + 10 = 15,690 parameters, on the flatten's output either way
    report = homework(f"Input: 7x7x32\n{line}\nFC: 10 neurons, 15690 params\n")
    assert [(a.path, a.verdict) for a in report.answers] == [("flatten1", verdict), ("fc1", "right")], \
        report.messages()
    assert [r.keyword for r in report.rows if r.kind == "layer"] == ["flatten", "fc"]


def test_a_sentence_about_flattening_without_a_length_stays_prose() -> None:
    report = homework("Input: 7x7x32\nFlattening is simple: 1568 numbers in a row, 3 ways.\n"
                      "FC: 10 neurons, 15690 params\n")
    assert [d.code for d in report.diagnostics] == ["N060"]
    assert report.source.line_col(report.diagnostics[0].span.start)[0] == 2
    assert [(a.path, a.verdict) for a in report.answers] == [("fc1", "right")]


@pytest.mark.parametrize("applied", ["is applied to this output.", "is applied to the output.",
                                     "is applied to the previous layer's output."])
def test_a_layer_applied_to_the_output_above(applied: str) -> None:
    # 64x64x3, 10 5x5 filters pad 2: 64x64x10, (5·5·3 + 1)·10 = 760; the 2x2/2 pool: 32x32x10, no parameters. The
    # pool's line was prose, and its answers E060 (answered again for the convolution)
    report = homework("Consider an input of size 64x64x3 and a convolutional layer with 10 filters of size 5x5, stride "
                      "1 and padding 2.\nOutput: 64x64x10\nParameters: 760\n"
                      f"A max pooling layer with 2x2 filters and stride 2 {applied}\nOutput: 32x32x11\nParameters: 0\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "output", "right"), ("conv1", "params", "right"), ("maxpool1", "output", "wrong"),
        ("maxpool1", "params", "right")], report.messages()


@pytest.mark.parametrize("heading, dims", [
    # a markdown heading was a comment: the input lost, every answer below unchecked (E024)
    ("## Network summary (input 224x224x3)", (224, 224, 3)),
    ("# Input: 32x32x3", (32, 32, 3)),
    ("### Input 28x28 grayscale", (28, 28, 1)),
])
def test_a_heading_that_gives_the_input(heading: str, dims: tuple[int, int, int]) -> None:
    h, w, c = dims
    report = homework(f"{heading}\n\nConv: 16 filters, 3x3, pad 1 -> {h}x{w}x16, {(9 * c + 1) * 16} params\n")
    assert report.input is not None and report.input.dims == dims, report.messages()
    assert [a.verdict for a in report.answers] == ["right", "right"]
    # a heading that gives none stays a comment
    report = homework("## The input and its size\n\nInput: 8x8x3\nConv: 4 filters, 3x3 -> 6x6x4\n")
    assert [a.verdict for a in report.answers] == ["right"] and not report.diagnostics


@pytest.mark.parametrize("line, judged", [
    # a step stated by its place without numbers: the line was prose (its answer then E060, said again of the layer
    # above), or, after a name in capitals (`ReLU.`), the two sentences one line cnncalc could not read
    ("Layer 2 is global average pooling. Its output is 1x1x16.", [("globalavgpool1", "right")]),
    ("Layer 2 is global average pooling. Its output is 1x1x17.", [("globalavgpool1", "wrong")]),
    ("Layer 2 is a ReLU. Its output is 23x23x17.", [("relu1", "wrong")]),
])
def test_a_step_without_numbers_stated_by_its_place(line: str, judged: list[tuple[str, str]]) -> None:
    report = homework("The input is a 23x23x16 volume.\nLayer 1 is a convolution with 16 filters of size 1x1. Its "
                      f"output is 23x23x16.\n{line}\n")
    assert [(a.path, a.verdict) for a in report.answers][1:] == judged, report.messages()
    # a sentence about a layer stays prose
    report = homework("The input is a 23x23x16 volume.\nLayer 1 is a convolution with 16 filters of size 1x1.\n"
                      "Layer 1 is the most expensive.\n")
    assert [d.code for d in report.diagnostics] == ["N060"]


@pytest.mark.parametrize("layer", ["Q4. Finally a fully-connected layer to 10 classes.", "FC layer over 10 classes.",
                                   "A dense layer into 10 categories."])
def test_a_fully_connected_layer_to_its_classes(layer: str) -> None:
    # to 10 classes on 14x14x20: 14·14·20·10 + 10 = 39,210; with the 1x1 conv's (20 + 1)·20 = 420, 39,630 in all. The
    # line was prose, and the answers under it too, after a question's label (wrong ones passed over)
    report = homework(f"Input volume 14x14x20.\nConv: 20 filters of 1x1 -> 14x14x20\n{layer}\n"
                      "    Params: 14*14*20*10 + 10 = 39,210.\n\nTotal parameters: 420 + 39,210 = 39,631.\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [
        ("conv1", "output", "right"), ("fc1", "params", "right"), ("", "total params", "wrong")], report.messages()


def test_a_named_answer_under_a_question_cnncalc_cannot_read_is_never_prose() -> None:
    # `Q4.` labels a question; the answer under it names its quantity: E060 (it was prose with its question, a false
    # working, 14·14·20·10 + 10 = 39,210, passed over)
    report = homework("Input volume 14x14x20.\nConv: 20 filters of 1x1 -> 14x14x20\nQ4. Then we apply some magic.\n"
                      "    Params: 14*14*20*10 + 10 = 39,211.\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E060", 3, 1, "cnncalc cannot tell what this answer is about, so it is not judged")], report.messages()


@pytest.mark.parametrize("working, verdict", [
    # (128 - 5)/2 + 1 = 62.5: floored, 62 (the layer's `floor`, said in the working before `so …`); ceiled, 63
    ("Output size = floor((128 - 5)/2) + 1 = 62, so the output is 62x62x16.", "right"),
    ("Output = floor((128 - 5)/2) + 1 = 62, so the output is 63x63x16.", "wrong"),
    ("Output = ceil((128 - 5)/2) + 1 = 63, so the output is 63x63x16.", "right"),
    ("Output = ceil((128 - 5)/2) + 1 = 63, so the output is 62x62x16.", "wrong"),
])
def test_a_rounding_said_in_the_working_before_the_answer(working: str, verdict: str) -> None:
    # it was E030 at the layer, the answer unchecked
    report = homework(f"Input: 128x128x3\nConv layer with 16 kernels of size 5x5, stride 2, no padding.\n"
                      f"    {working}\n")
    assert [a.verdict for a in report.answers] == [verdict], report.messages()
    assert not [d for d in report.diagnostics if d.code == "E030"]


@pytest.mark.parametrize("line, judged", [
    # 5·5·3·16 = 1,200 weights and 16 biases: 1,216 parameters, said so after the weights' working (it was E060)
    ("Number of weights = 5*5*3*16 = 1200, plus 16 biases = 1216 parameters.", [("params", "right")]),
    ("Number of weights = 5*5*3*16 = 1200, plus 16 biases = 1215 parameters.", [("params", "wrong")]),
    # one filter's (75 weights and its bias, 76): not the layer's count, never judged as it
    ("Number of weights = 5*5*3 = 75 per filter, plus 1 bias = 76 parameters.", []),
    ("Number of weights = 5*5*3 = 75, plus 1 bias = 76 parameters.", []),
])
def test_the_weights_then_the_biases_added_then_called_parameters(line: str, judged: list[tuple[str, str]]) -> None:
    report = homework(f"Input: 32x32x3\nConv layer with 16 kernels of size 5x5, stride 1, no padding.\n    {line}\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == judged, report.messages()
    assert judged or [d.code for d in report.diagnostics] == ["E060"]


@pytest.mark.parametrize("layer", ["Conv layer: 1x1, 8 output channels.", "CONV: kernel 1x1, 8 output channels",
                                   "Conv layer: 8 output channels, 1x1", "A 1x1 convolution with 8 output channels.",
                                   "Conv: 1x1, 8 feature maps"])
def test_a_convolution_counted_in_output_channels(layer: str) -> None:
    # a 1x1 convolution of 8 on 31x31x32: 31x31x8, 32·8 + 8 = 264 parameters (the line was E060, unread, and the
    # answers under it unchecked)
    report = homework(f"Input: 31x31x32\n{layer}\n    Output 31x31x8, parameters 32*8 + 8 = 264.\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [
        ("output", "right"), ("params", "right")], report.messages()
    report = homework(f"Input: 31x31x32\n{layer}\n    Output 31x31x9, parameters 32*8 + 8 = 265.\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [
        ("output", "wrong"), ("params", "wrong")], report.messages()


@pytest.mark.parametrize("layer", ["Layer 2: 3x3 convolution with 64 output channels, padding 1.",
                                   "Layer 2: a 3x3 convolution with 64 filters, padding 1.",
                                   "Layer 2: a 3x3 conv, 64 feature maps, padding 1."])
def test_a_numbered_convolution_in_output_channels_or_with_an_article(layer: str) -> None:
    # on 56x56x64 a 3x3 convolution of 64, padded by 1, keeps 56x56x64: (3·3·64 + 1)·64 = 36,928 parameters; with the
    # 1x1's (64 + 1)·64 = 4,160, 41,088 in all (the line was prose, or E060, and its answers judged for the layer above
    # or not at all)
    report = homework(f"Input: 56x56x64\nLayer 1: 1x1 convolution with 64 filters.\nParameters: 4,160.\n{layer}\n"
                      "Output: 56x56x64. Parameters: 3*3*64*64 + 64 = 36,928.\n")
    assert [(a.path, a.quantity, a.verdict) for a in report.answers] == [
        ("layer1", "params", "right"), ("layer2", "output", "right"), ("layer2", "params", "right")], \
        report.messages()


@pytest.mark.parametrize("total, verdict", [
    # the network's total worked out before the count its word names: 4,160 + 36,928 = 41,088 (it was E060, "does
    # not say what it counts", and a wrong total unjudged)
    ("Total: 4,160 + 36,928 = 41,088 parameters.", "right"), ("Total = 4,160 + 36,928 = 41,089 parameters.", "wrong"),
    ("In total: 4,160 + 36,928 = 41,088 parameters.", "right"), ("Overall: 4,160 + 36,928 = 41,008 params", "wrong"),
])
def test_a_total_worked_out_then_named(total: str, verdict: str) -> None:
    report = homework("Input: 56x56x64\nLayer 1: 1x1 convolution with 64 filters.\nParameters: 4,160.\n"
                      "Layer 2: 3x3 convolution with 64 filters, padding 1.\nParameters: 36,928.\n" + total + "\n")
    assert [(a.quantity, a.verdict) for a in report.answers][-1] == ("total params", verdict), report.messages()
    assert len(report.answers) == 3


# LeNet-5 as a sheet writes it: its input said after its name; each layer's answers after an arrow, a count worked out
# in parentheses first; `fully connected to 120 units`. On 32x32x1: C1's 6 5x5 filters give 28x28x6 with (25 + 1)·6 =
# 156; S2 14x14x6; C3's 16 5x5 filters on 6 channels 10x10x16 with (150 + 1)·16 = 2,416; S4 5x5x16; C5 (400 + 1)·120
# = 48,120; F6 (120 + 1)·84 = 10,164; the output (84 + 1)·10 = 850: 61,706 in all. (The title was prose, so every
# answer rested on no input; the parenthesis was E060; `to 120 units` E060.)
LENET_TITLED_SHEET = """LeNet-5 on a 32x32 grayscale input.

C1: convolution, 6 filters 5x5, stride 1, no padding -> 28x28x6, (5*5*1+1)*6 = 156 parameters
S2: average pooling 2x2, stride 2 -> 14x14x6, 0 parameters
C3: convolution, 16 filters 5x5 -> 10x10x16, (5*5*6+1)*16 = 2,416 parameters
S4: average pooling 2x2, stride 2 -> 5x5x16
C5: fully connected to 120 units -> 120, 5*5*16*120 + 120 = 48,120 parameters
F6: fully connected, 84 units -> 84, 120*84 + 84 = 10,164 parameters
Output: fully connected, 10 units -> 10, 84*10 + 10 = 850 parameters

Total: 156 + 2,416 + 48,120 + 10,164 + 850 = 61,706 parameters
"""


def test_lenet_as_a_sheet_writes_it() -> None:
    report = homework(LENET_TITLED_SHEET)
    assert [(a.path, a.quantity, a.verdict) for a in report.answers if a.quantity == "params"] == [
        ("c1", "params", "right"), ("s2", "params", "right"), ("c3", "params", "right"), ("c5", "params", "right"),
        ("f6", "params", "right"), ("output", "params", "right")], report.messages()
    assert len(report.answers) == 14 and {a.verdict for a in report.answers} == {"right"}
    assert report.answers[-1].quantity == "total params" and report.totals.params == 156 + 2_416 + 48_120 + 10_164 + 850
    wrong = homework(LENET_TITLED_SHEET.replace("= 2,416 parameters", "= 2,417 parameters")
                     .replace("-> 120,", "-> 121,"))
    assert [(a.path, a.quantity) for a in wrong.answers if a.verdict == "wrong"] == [("c3", "params"),
                                                                                    ("c5", "output")]


@pytest.mark.parametrize("title", ["Conv on a 32x32 grayscale input.", "Output for 32x32 images."])
def test_a_layer_before_on_is_no_networks_name(title: str) -> None:
    # a layer's kind or an answer's word before `on`/`for` is not a title: the input is not read from it
    report = homework(f"{title}\n\nC1: convolution, 6 filters 5x5 -> 28x28x6, 156 parameters\n")
    assert report.input is None or report.input.dims != (32, 32, 1)


# A VGG block numbered as a list, its names with the options they imply said again in parentheses, a pool named
# alone: on 224x224x3, conv3-64 keeps the size with (27 + 1)·64 = 1,792 parameters, the next (576 + 1)·64 = 36,928;
# the pool halves it; conv3-128 (576 + 1)·128 = 73,856 and (1,152 + 1)·128 = 147,584: 260,160 in all (the first line
# was E060, the pool's too, and the sheet's answers unchecked)
VGG_LIST = """Input image: 224 x 224 x 3

1. conv3-64 (3x3, stride 1, same padding): output 224 x 224 x 64, params = 3*3*3*64 + 64 = 1,792
2. conv3-64: output 224 x 224 x 64, params = 3*3*64*64 + 64 = 36,928
3. maxpool 2x2 stride 2: output 112 x 112 x 64, no params
4. conv3-128: output 112 x 112 x 128, params = 3*3*64*128 + 128 = 73,856
5. conv3-128: output 112 x 112 x 128, params = 147,584
6. maxpool: output 56 x 56 x 128

Total params for the block: 1,792 + 36,928 + 73,856 + 147,584 = 260,160
"""


def test_a_vgg_block_numbered_as_a_list() -> None:
    report = homework(VGG_LIST)
    assert len(report.answers) == 12 and {a.verdict for a in report.answers} == {"right"}, report.messages()
    assert report.totals.params == 1_792 + 36_928 + 73_856 + 147_584 == 260_160
    wrong = homework(VGG_LIST.replace("6. maxpool: output 56 x 56 x 128", "6. maxpool: output 56 x 56 x 64"))
    assert [a.verdict for a in wrong.answers].count("wrong") == 1


@pytest.mark.parametrize("options, verdict", [
    ("(3x3, stride 1, pad 1)", "right"), ("(stride 1, same padding)", "right"),
    ("(5x5)", None), ("(valid padding)", None),  # not what the name says: E060, never judged as the name alone
])
def test_a_vgg_names_options_said_again(options: str, verdict: str | None) -> None:
    report = homework(f"Input image: 32 x 32 x 3\n\n1. conv3-8 {options}: output 32x32x8\n")
    assert [a.verdict for a in report.answers if a.verdict != "unchecked"] == ([verdict] if verdict else [])


@pytest.mark.parametrize("title", ["Residual block exercise. Input: 56x56x64.", "Exercise 3. Input 56x56x64"])
def test_a_title_sentence_then_the_input(title: str) -> None:
    # the input after a title's sentence on its line (it was prose: every answer rested on no input); on 56x56x64 a
    # padded 3x3 convolution of 64 keeps the size with (576 + 1)·64 = 36,928 parameters
    report = homework(f"{title}\n\nconv 3x3, 64 filters, stride 1, padding 1 -> 56x56x64, params 36,928\n")
    assert [a.verdict for a in report.answers] == ["right", "right"], report.messages()
    report = homework(f"{title}\n\nconv 3x3, 64 filters, stride 1, padding 1 -> 56x56x64, params 36,929\n")
    assert [a.verdict for a in report.answers] == ["right", "wrong"], report.messages()


@pytest.mark.parametrize("layer", ["We apply ten 5x5 filters with stride 1 and pad 2.",
                                   "We apply a convolutional layer with ten filters of size 5x5, stride one and "
                                   "padding two.", "Ten 5x5 filters, stride 1, pad 2."])
def test_a_convolutions_filters_counted_in_words(layer: str) -> None:
    # ten 5x5 filters on 32x32x3, padded by 2: 32x32x10, (75 + 1)·10 = 760 parameters (the line was prose, and E060
    # for the answers under it)
    report = homework(f"Input volume: 32x32x3\n{layer}\nOutput volume: 32x32x10. Params: 760.\n")
    assert [a.verdict for a in report.answers] == ["right", "right"], report.messages()
    report = homework(f"Input volume: 32x32x3\n{layer}\nOutput volume: 32x32x10. Params: 750.\n")
    assert [a.verdict for a in report.answers] == ["right", "wrong"], report.messages()
    # a remark about stacked filters stays prose, not a layer that would shift every answer below it
    report = homework("Input volume: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nOutput volume: 32x32x10.\n"
                      "Two 3x3 filters stacked have the receptive field of one 5x5 filter.\n"
                      "POOL1: 2x2 max pool, stride 2 -> 16x16x10\n")
    assert [a.verdict for a in report.answers] == ["right", "right"] and \
        [d.code for d in report.diagnostics] == ["N060"], report.messages()


@pytest.mark.parametrize("layer", ["Layer 2: depthwise convolution with 3x3 kernels, stride 1, padding 1.",
                                   "Layer 2: a depthwise 3x3 convolution with padding 1.",
                                   "Layer 2: depthwise conv 3x3, pad 1",
                                   "Then a depthwise convolution with 3x3 kernels and padding 1."])
def test_a_depthwise_convolution_described_in_words(layer: str) -> None:
    # one 3x3 filter per channel of 56x56x32, padded by 1: 56x56x32, 3·3·32 + 32 = 320 parameters (the line was
    # E060, or prose, and its answers unchecked)
    sheet = ("Input: 56x56x32\nLayer 1: 1x1 convolution with 32 filters.\nOutput: 56x56x32.\n{}\n"
             "Output: {}. Parameters: {}.\n")
    report = homework(sheet.format(layer, "56x56x32", "3*3*32 + 32 = 320"))
    assert [a.verdict for a in report.answers] == ["right", "right", "right"], report.messages()
    report = homework(sheet.format(layer, "56x56x64", "3*3*32*64 + 64 = 18,496"))  # as if a convolution of 64
    assert [a.verdict for a in report.answers] == ["right", "wrong", "wrong"], report.messages()
    # a depthwise separable one is two layers: not read as the depthwise part alone
    report = homework(sheet.format("Layer 2: depthwise separable convolution with 3x3 kernels and 64 filters.",
                                   "56x56x64", "2400"))
    assert "wrong" not in [a.verdict for a in report.answers]


@pytest.mark.parametrize("line", [
    "CONV1: 10 5x5 filters, stride 1, pad 2 -> 32x32x10, 760 params, and it performs {macs} MACs",
    "CONV1: 10 5x5 filters, stride 1, pad 2 -> 32x32x10 with 760 parameters and {macs} multiply-adds",
    "CONV1: 10 5x5 filters, stride 1, pad 2 -> 32x32x10, 760 params, which needs {macs} MACs",
    "CONV1: 10 5x5 filters, stride 1, pad 2.\nIt has 760 parameters and performs {macs} MACs.",
    "CONV1: 10 5x5 filters, stride 1, pad 2. This layer has 760 params and it performs {macs} multiply-adds."])
def test_counts_said_with_a_second_verb(line: str) -> None:
    # ten 5x5 filters on 32x32x3, padded by 2: (75 + 1)·10 = 760 parameters and 32·32·10·75 = 768,000 MACs (each
    # line was E060, its counts unjudged)
    report = homework("Input: 32x32x3\n" + line.format(macs="768,000") + "\n")
    assert {a.verdict for a in report.answers} == {"right"} and "macs" in {a.quantity for a in report.answers}, \
        report.messages()
    report = homework("Input: 32x32x3\n" + line.format(macs="768,001") + "\n")
    assert [a.quantity for a in report.answers if a.verdict == "wrong"] == ["macs"], report.messages()


@pytest.mark.parametrize("answer, verdict", [
    # a letter for the batch before the sizes, as a course writes a shape (it was prose: a wrong one passed unjudged);
    # six 5x5 filters on 32x32x1 give 28x28x6
    ("Output: [N, 6, 28, 28]", "right"), ("Output: [N, 6, 27, 27]", "wrong"), ("Output shape: (B, 28, 28, 6)", "right"),
    ("Output: (batch_size, 6, 28, 28)", "right"), ("Output: [N, 28, 28, 7]", "wrong"),
])
def test_a_shape_with_its_batch_as_a_letter(answer: str, verdict: str) -> None:
    report = homework(f"Input: 32x32x1\nCONV1: 6 5x5 filters, stride 1, pad 0\n{answer}\n")
    assert [a.verdict for a in report.answers] == [verdict], report.messages()


@pytest.mark.parametrize("line, code", [
    # an output's answer cnncalc cannot read, sizes in it: E060, never prose (a wrong one passed over, no problems)
    ("Output: 28 rows, 28 columns, 6 maps", "E060"), ("Output shape: [N, C, 28, 28]", "E060"),
    # a remark with one number, and the lecture's formula, stay prose
    ("Output: a vector of 10 numbers", "N060"), ("Output = (N - F)/stride + 1", "N060"),
])
def test_an_output_answer_cnncalc_cannot_read_is_never_prose(line: str, code: str) -> None:
    report = homework(f"Input: 32x32x1\nCONV1: 6 5x5 filters, stride 1, pad 0\n{line}\n")
    assert [(d.code, d.line, d.column) for d in report.diagnostics] == [(code, 3, 1)], report.messages()
    if code == "E060":
        assert report.diagnostics[0].message == f"cnncalc cannot read `{line}` as an output, so it is not judged"


@pytest.mark.parametrize("line, judged", [
    # a filter's phrase ending two counts joined by `and` is said of both: 5·5·1 = 25 weights and 1 bias per filter of
    # six (the 25 was judged as the layer's 150 weights, a right answer marked wrong)
    ("Parameters: 25 weights and 1 bias per filter, 156 total", [("weights per filter", "right")]),
    ("Parameters: 24 weights and 1 bias per filter", [("weights per filter", "wrong")]),
    ("Params: 5*5*1 = 25 weights and 1 bias for each of the 6 filters", []),
    # after the first count, before a bias: the bias is the filter's (it was judged as the layer's 6)
    ("Params: 25 weights per filter and 1 bias", [("weights per filter", "right")]),
    # the layer's own counts are judged as before
    ("Params: 150 weights and 6 biases", [("weights", "right"), ("biases", "right")]),
    ("Params: 150 weights and 5 biases", [("weights", "right"), ("biases", "wrong")]),
])
def test_a_filters_phrase_said_of_two_counts(line: str, judged: list[tuple[str, str]]) -> None:
    report = homework(f"Input: 32x32x1\nCONV1: 6 5x5 filters, stride 1, pad 0\n{line}\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == judged, report.messages()


@pytest.mark.parametrize("line, judged", [
    # a named layer's count with a remark of words after it (it was the layer stated again, E015 and E060): six 5x5
    # filters on one channel, 6·25 = 150 weights and 6 biases, 156 parameters
    ("CONV1 has 156 parameters (with biases).", [("params", "right")]),
    ("CONV1 has 157 parameters (with biases).", [("params", "wrong")]),
    ("CONV1 has 156 weights (incl. bias).", [("params", "right")]),  # with their biases: every parameter
    ("CONV1 has 150 weights (incl. bias).", [("params", "wrong")]),
    ("CONV1 has 150 weights (no bias).", [("weights", "right")]),
])
def test_a_named_layers_count_with_a_remark(line: str, judged: list[tuple[str, str]]) -> None:
    report = homework(f"Input: 32x32x1\nCONV1: 6 5x5 filters, stride 1, pad 0\n{line}\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == judged, report.messages()
    assert not [d for d in report.diagnostics if d.code in ("E015", "E060")]


@pytest.mark.parametrize("line, verdict", [
    # the input and the output on one line under a layer: the output is its answer (the line was prose, and a wrong
    # output passed unjudged); a 2x2 pool at stride 2 halves 28x28x6 to 14x14x6
    ("Input: 28x28x6 -> Output: 14x14x6", "right"), ("Input 28x28x6 -> output 14x14x7", "wrong"),
    ("In: 28x28x6, out: 14x14x6", "right"), ("Input: 28x28x6 to 13x13x6", "wrong"),
])
def test_the_input_and_output_said_under_a_layer(line: str, verdict: str) -> None:
    report = homework(f"Input: 28x28x6\nPOOL1: 2x2 max pool, stride 2\n{line}\n")
    assert [a.verdict for a in report.answers] == [verdict], report.messages()


@pytest.mark.parametrize("line, judged", [
    # answer headings that were prose (a wrong answer passed unjudged): six 5x5 filters on 32x32x1, 28x28x6, 156
    # parameters, 28·28·6·25 = 117,600 MACs
    ("New size: 28x28x6", [("output", "right")]), ("New size: 28x28x7", [("output", "wrong")]),
    ("Layer parameters: 156", [("params", "right")]), ("Layer parameters: 157", [("params", "wrong")]),
    ("MAC ops: 117,600", [("macs", "right")]), ("MAC ops: 117,601", [("macs", "wrong")]),
    ("FLOP count (MACs): 117,600", [("macs", "right")]), ("FLOPs (MACs): 117,601", [("macs", "wrong")]),
    ("FLOP count: 235,200", []),  # FLOPs: E060, as `FLOPs: …` (sources count them differently)
])
def test_answer_headings_that_were_prose(line: str, judged: list[tuple[str, str]]) -> None:
    report = homework(f"Input: 32x32x1\nCONV1: 6 5x5 filters, stride 1, pad 0\n{line}\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == judged, report.messages()
    assert judged or [d.code for d in report.diagnostics] == ["E060"]


@pytest.mark.parametrize("line, verdict", [
    # a network's total said so (it was prose: a wrong total passed unjudged); the one layer's 156 parameters and
    # 117,600 MACs are the network's
    ("Whole network: 156 parameters", "right"), ("Whole network: 157 parameters", "wrong"),
    ("Entire model: 117,600 MACs", "right"), ("The network has a total of 155 parameters.", "wrong"),
    ("The network has a total of 156 parameters.", "right"),
])
def test_a_whole_networks_total(line: str, verdict: str) -> None:
    report = homework(f"Input: 32x32x1\nCONV1: 6 5x5 filters, stride 1, pad 0 -> 28x28x6\n\n{line}\n")
    assert [a.verdict for a in report.answers][1:] == [verdict] and report.answers[-1].quantity.startswith("total")


@pytest.mark.parametrize("step, answer", [
    # a step cnncalc cannot read between a layer with no answer and an answer: the answer may be the step's, and is
    # not judged (each was judged as CONV1's, 16x16x16, and a right answer marked wrong)
    ("We add a 1x1 bottleneck to 8 channels.", "16x16x8"), ("Apply zero padding of 1 pixel.", "18x18x16"),
    ("Then we concatenate with the skip connection.", "16x16x32"), ("A 1x1 projection to 8 channels follows.",
                                                                    "16x16x8"),
    ("After that comes a 1x1 conv reducing depth to 8.", "16x16x8"),
    ("Then we halve the resolution with a stride-2 convolution of 16 filters.", "8x8x16"),
    ("A transposed convolution doubles the resolution.", "32x32x16"), ("We crop 2 pixels on each side.", "12x12x16"),
    ("The output is flattened.", "4096"), ("Add a fully-connected head with 10 outputs.", "10"),
])
def test_an_unread_step_before_an_answer_keeps_it_from_the_layer_above(step: str, answer: str) -> None:
    report = homework(f"Input: 16x16x8\nCONV1: 16 3x3 filters, stride 1, pad 1\n{step}\nOutput: {answer}\n")
    assert "wrong" not in [a.verdict for a in report.answers], report.messages()
    assert any(d.code == "E060" and (d.line, d.column) == (4, 1) and d.message.startswith(f"line 3 (`{step[:20]}") and
               "may state a layer cnncalc did not read: this answer may be that layer's, and is not judged" in d.message
               for d in report.diagnostics), report.messages()  # (a long line's text shortened in the message)


@pytest.mark.parametrize("remark", ["We use padding so the size stays 16.", "Padding 1 keeps the size the same.",
                                    "The pool halves the size.", "Remember that convolution is a linear operation."])
def test_a_remark_between_a_layer_and_its_answer_leaves_it_judged(remark: str) -> None:
    # an explanation states no step: the answer under it is the layer's, 16x16x16
    report = homework(f"Input: 16x16x8\nCONV1: 16 3x3 filters, stride 1, pad 1\n{remark}\nOutput: 16x16x17\n")
    assert [a.verdict for a in report.answers] == ["wrong"], report.messages()


@pytest.mark.parametrize("step", ["We add a 1x1 bottleneck to 8 channels.", "A 1x1 projection to 8 channels follows.",
                                  "Next comes a dense layer of 100 units.", "The output is flattened."])
def test_a_step_said_in_words_before_a_layer_leaves_that_layer_unjudged(step: str) -> None:
    # CONV2's input is the step's output, which cnncalc did not read: its answers rest on it (judged on CONV1's
    # 16x16x16, its right 8·(3·3·8) + 8 = 584 parameters were marked wrong: 1,160)
    report = homework(f"Input: 16x16x8\nCONV1: 16 3x3 filters, stride 1, pad 1\n{step}\n"
                      "CONV2: 8 3x3 filters, stride 1, pad 1 -> 16x16x8, 584 params\n")
    assert [a.verdict for a in report.answers] == ["unchecked", "unchecked"], report.messages()
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 3, 1, f"cnncalc cannot read `{step}` as a layer: the answers after it rest on it and are not judged")]
    # a heading names no step: the layer after it is judged
    report = homework("Input: 16x16x8\nCONV1: 16 3x3 filters, stride 1, pad 1\nStep 2: pooling\n"
                      "CONV2: 8 3x3 filters, stride 1, pad 1 -> 16x16x8, 1,160 params\n")
    assert [a.verdict for a in report.answers] == ["right", "right"], report.messages()


@pytest.mark.parametrize("line", ["Input: 35x19495693063..", "Input: 28x28x6 -> Output: 14x14x6..", "In: 28x28x6,"])
def test_an_input_under_a_layer_ending_in_dots_is_no_crash(line: str) -> None:
    # found by the fuzz (seed 39413680): trailing dots left the line's words shorter than its tokens
    report = homework(f"Input: 8x8x3\nCONV: 4 3x3 filters\n{line}\n")  # (it raised IndexError)
    assert report.input is not None and report.input.dims == (8, 8, 3) and len(report.rows) == 1


def test_a_tables_hyperparameter_columns_beside_its_description_are_read() -> None:
    # conv1 is 8 5x5 filters at the Stride column's 2 and the Pad column's 1: (33 - 5 + 2·1)/2 + 1 = 16, 16x16x8,
    # with (5·5·3 + 1)·8 = 608 parameters; those columns were passed over beside a Description, and the right
    # 16x16x8 was judged at stride 1, pad 0: (33 - 5)/1 + 1 = 29, 29x29x8, WRONG
    sheet = ("Input 33x33x3\n\n| Layer | Description | Stride | Pad | Output | Params |\n"
             "|---|---|---|---|---|---|\n| conv1 | 8 5x5 filters | 2 | 1 | {out} | 608 |\n")
    report = homework(sheet.format(out="16x16x8"))
    assert [(a.verdict, a.actual) for a in report.answers] == [("right", "16x16x8"), ("right", "608")], \
        report.messages()
    assert [a.verdict for a in homework(sheet.format(out="29x29x8")).answers] == ["wrong", "right"]
    # a value the description says too is said once when the two agree; when they differ, neither is taken
    said_twice = ("Input 31x31x8\n\n| Layer | Description | Kernel | Stride | Output |\n|---|---|---|---|---|\n"
                  "| conv1 | 8 3x3 filters, stride {stride} | 3x3 | 2 | 15x15x8 |\n")
    assert [a.verdict for a in homework(said_twice.format(stride=2)).answers] == ["right"]  # (31 - 3)/2 + 1 = 15
    report = homework(said_twice.format(stride=1))
    assert [a.verdict for a in report.answers] == ["unchecked"]
    row = said_twice.format(stride=1).split("\n")[4]  # (the Stride column's `2`, read after the description)
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 5, row.index("| 2 |") + 3, "`stride` is given twice")]


def test_lenets_table_with_a_type_column_aligned_by_spaces() -> None:
    # LeNet-5 on 32x32x1: C1 (32 - 5)/1 + 1 = 28, (5·5·1 + 1)·6 = 156; S2 14; C3 (14 - 5) + 1 = 10, (5·5·6 + 1)·16 =
    # 2,416; S4 5; C5 1x1x120, (5·5·16 + 1)·120 = 48,120; F6 (120 + 1)·84 = 10,164; the output (84 + 1)·10 = 850.
    # The kernels in their own column beside `conv, 6 maps`, and the FC layers, their width said by their output
    # only, were E060: every answer of the sheet unchecked
    table = ("LeNet-5 worksheet. Input 32x32x1.\n\n"
             "Layer    Type             Kernel  Stride  Output      Params\n"
             "C1       conv, 6 maps     5x5     1       28x28x6     156\n"
             "S2       avg pool         2x2     2       14x14x6     0\n"
             "C3       conv, 16 maps    5x5     1       10x10x16    2416\n"
             "S4       avg pool         2x2     2       5x5x16      0\n"
             "C5       conv, 120 maps   5x5     1       1x1x120     48120\n"
             "F6       fully connected  -       -       84          10164\n"
             "OUTPUT   fully connected  -       -       10          {last}\n")
    report = homework(table.format(last=850))
    assert [a.verdict for a in report.answers] == ["right"] * 14, report.messages()
    assert [a.verdict for a in homework(table.format(last=840)).answers][-1] == "wrong"  # 84·10 without biases


# AlexNet's CONV1 on 227x227x3: 96 filters of 11·11·3 = 363 weights and a bias, (363 + 1)·96 = 34,944 parameters
ALEXNET_CONV1 = "Input volume: 227x227x3\nCONV1: 96 11x11 filters, stride 4, pad 0\n"


@pytest.mark.parametrize("line, answers", [
    # an answer's label before a count that says its quantity: `Answer:` made the working's product an output volume
    # (364x96, a right count marked wrong); `A2.`, `Ans:`, `A:` left the line prose (a wrong count passed unjudged)
    ("Answer: 364 × 96 = 34,944 parameters.", [("params", "34,944", "right")]),
    ("A2. 364 × 96 = {n} parameters.", [("params", "{n}", "?")]),
    ("Ans: {n} parameters", [("params", "{n}", "?")]),
    ("A: 105,415,200 MACs", [("macs", "105,415,200", "right")]),  # 55·55·96·363 = 105,415,200
    ("Answer: 55x55x96", [("output", "55x55x96", "right")]),  # (227 - 11)/4 + 1 = 55: a volume, as before
    # one filter's count, then the layer's worked out after a comma: the layer's was prose, unjudged
    ("Each filter has 364 parameters, so 364 × 96 = {n} parameters.",
     [("params", "{n}", "?"), ("params per filter", "364", "right")]),
    ("Each filter has 11×11×3 = 363 weights plus a bias, so 364 × 96 = {n} parameters.",
     [("params", "{n}", "?"), ("weights per filter", "363", "right")]),
    ("Each filter has 363 weights, so 363 × 96 = 34,848 weights.",  # 363·96 = 34,848
     [("weights", "34,848", "right"), ("weights per filter", "363", "right")]),
])
@pytest.mark.parametrize("n, verdict", [("34,944", "right"), ("34,945", "wrong")])
def test_counts_after_an_answers_label_or_a_filters_count_are_judged(line: str, answers: list[tuple[str, str, str]],
                                                                      n: str, verdict: str) -> None:
    report = homework(ALEXNET_CONV1 + line.format(n=n) + "\n")
    expected = [(q, said.format(n=n), verdict if v == "?" else v) for q, said, v in answers]
    assert [(a.quantity, a.expected, a.verdict) for a in report.answers] == expected, report.messages()


def test_a_filters_count_worked_on_to_the_layers_is_not_judged_as_the_filters() -> None:
    # `Weights per filter:` heads the line, but its last count is the layer's 34,944 parameters: it was judged as one
    # filter's weights (363), a right answer marked wrong
    for line, said in [("Weights per filter: 11*11*3 = 363, plus one bias = 364; times 96 filters = 34,944 parameters.",
                        "34,944 is one filter's weights or the layer's parameters"),
                       ("Weights per filter: 11*11*3 = 363; times 96 filters = 34,848 weights.",
                        "34,848 is one filter's weights or the layer's weights")]:
        report = homework(ALEXNET_CONV1 + line + "\n")
        assert not report.answers, report.messages()
        count = said.split()[0]  # (at the count said, its place in the line)
        assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
            ("E060", 3, line.index(count) + 1, f"cnncalc cannot tell whether {said}")]
    report = homework(ALEXNET_CONV1 + "Weights per filter: 11*11*3 = 363\n")  # the filter's alone: judged
    assert [(a.quantity, a.verdict) for a in report.answers] == [("weights per filter", "right")]


@pytest.mark.parametrize("answer", ["A4. None: pooling has no parameters.", "A4. Zero, pooling has no parameters.",
                                    "None (it only takes a maximum)", "A4. None."])
def test_none_answering_a_question_on_the_line_below_is_judged(answer: str) -> None:
    # POOL1 has no parameters, CONV1 34,944: `None` answers 0, right for the pool and wrong for the convolution (it
    # was prose, the wrong one passing unjudged)
    for layer, verdict in [("POOL1", "right"), ("CONV1", "wrong")]:
        report = homework(ALEXNET_CONV1 + f"POOL1: 3x3 max pool, stride 2\nQ4. How many parameters does {layer} "
                                          f"have?\n{answer}\n")
        assert [(a.quantity, a.expected, a.verdict) for a in report.answers] == [("params", "0", verdict)], \
            report.messages()


@pytest.mark.parametrize("line, quantity, right, wrong", [
    # each was prose, the wrong answer passing unjudged. CONV1's output (227 - 11)/4 + 1 = 55, 55x55x96, and its
    # 55·55·96·11·11·3 = 105,415,200 MACs and (11·11·3 + 1)·96 = 34,944 parameters
    ("The output of CONV1 has {} channels.", "depth", "96", "97"),
    ("The output volume of this layer has {} feature maps.", "depth", "96", "95"),
    ("The output of CONV1 has depth {}.", "depth", "96", "6"),
    ("It has {} output channels.", "depth", "96", "97"),
    ("This layer produces {} feature maps.", "depth", "96", "48"),
    ("The spatial size after CONV1 is {}.", "output", "55", "56"),
    ("The spatial size of the output is {}.", "output", "55", "54"),
    ("The output spatial size of CONV1 is {}.", "output", "55", "57"),
    ("CONV1 does {} MACs.", "macs", "105,415,200", "105,415,201"),
    ("It computes {} multiply-adds.", "macs", "105,415,200", "210,830,400"),
    ("FLOPs (multiply-adds): {}", "macs", "105,415,200", "210,830,400"),
    ("Operations (mult-adds) = {}", "macs", "105,415,200", "105,415,000"),
    ("K = 96, F = 11, so params = (F*F*3 + 1)*K = {}", "params", "34,944", "34,848"),
])
def test_answers_said_in_sentences_are_judged(line: str, quantity: str, right: str, wrong: str) -> None:
    for said, verdict in [(right, "right"), (wrong, "wrong")]:
        report = homework(ALEXNET_CONV1 + line.format(said) + "\n")
        assert [(a.quantity, a.verdict) for a in report.answers] == [(quantity, verdict)], report.messages()


@pytest.mark.parametrize("line, answer, verdict", [
    # one filter's shape: its height, width and the depth of what it sees. On 227x227x3, conv1's 11x11 filters cover
    # the 3 input channels: 11x11x3 (PyTorch's weight shape per filter, 3x11x11; 11x11; 11 a side; 11·11·3 = 363)
    ("conv1: conv 96 11x11 stride 4 -> filter {}", "11x11x3", "right"),
    ("conv1: conv 96 11x11 stride 4 -> filter {}", "3x11x11", "right"),
    ("conv1: conv 96 11x11 stride 4 -> filter = {}", "11x11", "right"),
    ("conv1: conv 96 11x11 stride 4 -> filter {}", "11", "right"),
    ("conv1: conv 96 11x11 stride 4 -> filter {}", "363", "right"),
    ("conv1: conv 96 11x11 stride 4 -> filter {}", "11x11x96", "wrong"),  # the output's depth
    ("conv1: conv 96 11x11 stride 4 -> filter {}", "11x11x1", "wrong"),
    ("conv1: conv 96 11x11 stride 4 -> filter {}", "364", "wrong"),  # 363 weights and a bias: a count, not a shape
    # with groups 3 each filter sees 3/3 = 1 channel
    ("g: conv 6 5x5 groups 3 -> filter {}", "5x5x1", "right"),
    ("g: conv 6 5x5 groups 3 -> filter {}", "5x5x3", "wrong"),
    ("d: dwconv 3x3 pad 1 -> filter {}", "3x3x1", "right"),  # a depthwise filter sees its own channel
    # a neuron of an FC layer sees its whole input, 227x227x3 here, 154,587 values flattened
    ("f: fc 10 -> filter {}", "227x227x3", "right"),
    ("f: fc 10 -> filter {}", "154587", "right"),
    ("f: fc 10 -> filter {}", "227x227", "wrong"),
])
def test_a_filters_shape_is_judged(line: str, answer: str, verdict: str) -> None:
    report = run("input 227x227x3\n" + line.format(answer) + "\n")
    assert [(a.quantity, a.expected, a.verdict) for a in report.answers] == [("filter shape", answer, verdict)], \
        report.messages()


def test_a_filters_shape_says_its_slip_and_is_not_judged_without_filters() -> None:
    report = run("input 32x32x16\nc: conv 8 3x3 groups 4 -> filter 3x3x16\np: maxpool 2x2 -> filter 2x2\n")
    grouped, pooled = report.answers
    assert (grouped.verdict, grouped.reason) == ("wrong", "each filter covers its group's 4 of the 16 input channels")
    assert (pooled.verdict, pooled.reason) == (
        "unchecked", "a filter's shape is judged for conv, dwconv and fc layers, and the line has none")
    assert errors(run("input 32x32x3 -> filter 3x3x3\n"))[0][0] == "E002"  # the input has no filters
    assert errors(run("input 32x32x3\nc: conv 8 3x3 -> filter 3x3x3 filter 3x3x3\n"))[0][0] == "E012"


@pytest.mark.parametrize("line", ["Filter shape: {}", "Filter dimensions: {}", "Kernel shape: {}", "Each filter is {}.",
                                  "Each filter has size {}.", "Each filter's shape is {}.", "Shape of each filter: {}",
                                  "Size of each filter: {}", "What is the shape of each filter? {}"])
def test_a_filters_shape_in_the_lectures_notation(line: str) -> None:
    # AlexNet's CONV1: 11x11 filters over the 3 channels of its 227x227x3 input, 11x11x3 (prose before: a wrong
    # shape passed unjudged)
    for answer, verdict in [("11x11x3", "right"), ("11x11x96", "wrong"), ("5x5x3", "wrong")]:
        report = homework(ALEXNET_CONV1 + line.format(answer) + "\n")
        assert [(a.quantity, a.verdict) for a in report.answers] == [("filter shape", verdict)], report.messages()
    for said, message in [("96x3x11x11", "is the whole layer's weights, not one filter's shape"),  # (not judged)
                          ("0x11x11", "is not a filter's shape"), ("99999999999999999999x3", "is not a filter's shape"),
                          ("3x3x3x3x3", "is not a filter's shape")]:  # (each was prose, passed over)
        if line.startswith("Kernel") and said == "96x3x11x11":  # Keras' kernel is the layer's: its weights' shape
            report = homework(ALEXNET_CONV1 + line.format(said) + "\n")
            assert [(a.quantity, a.verdict) for a in report.answers] == [("weight shape", "right")]
            continue
        report = homework(ALEXNET_CONV1 + line.format(said) + "\n")
        assert not report.answers
        assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
            ("E060", 3, line.index("{}") + 1, f"`{said}` {message}")]


def test_a_listed_layers_kernel_size_is_its_kernel_not_a_filters_shape() -> None:
    # `Kernel size: 3` under a listed layer states it (3x3 filters: (32 - 3 + 2)/1 + 1 = 32), as before
    report = homework("Input: 32x32x3\nCONV1\n- Filters: 16\n- Kernel size: 3\n- Stride: 1\n- Padding: 1\n"
                      "- Output: 32x32x16\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right")], report.messages()


def test_a_filters_shape_converts_and_reads_back() -> None:
    converted = invoke("convert", "-", "--lang", "lecture", input=ALEXNET_CONV1 + "Filter shape: 3x11x11\n").stdout
    assert converted.endswith("-> filter 3x11x11\n")
    assert [a.verdict for a in cnncalc.analyze_text(converted).answers] == ["right"]


@pytest.mark.parametrize("line", ["Flattened size: {}", "After flattening: {}", "After flattening we have {} values."])
def test_a_flattened_length_under_an_fc_layer_is_what_it_receives(line: str) -> None:
    # POOL1 gives (32 - 2)/2 + 1 = 16, 16x16x10; the FC layer flattens it to 16·16·10 = 2,560 values. Said under
    # the FC layer, a flatten was put after it and judged against its 10 outputs: the right 2,560 marked wrong
    sheet = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nPOOL1: 2x2 max pool, stride 2\nFC: 10 neurons\n"
    for said, verdict in [("2,560", "right"), ("2,561", "wrong")]:
        report = homework(sheet + line.format(said) + "\n")
        assert [(a.quantity, a.verdict) for a in report.answers] == [("input", verdict)], report.messages()


# Ng's quiz question: (63 - 7 + 2·0)/2 + 1 = 29, so 32 filters give 29x29x32, option (b)
QUIZ = ("Question 3. You have an input volume that is 63x63x16, and convolve it with 32 filters that are each 7x7, "
        "using a stride of 2 and no padding. What is the output volume?\n(a) 16x16x32\n(b) 29x29x32\n(c) 29x29x16\n"
        "(d) 16x16x16\n{pick}\n")


@pytest.mark.parametrize("pick, verdict, line", [("Answer: (b)", "right", 3), ("Correct answer: B", "right", 3),
                                                 ("Answer: (a)", "wrong", 2), ("My answer: c", "wrong", 4)])
def test_a_multiple_choice_pick_is_judged_as_its_option(pick: str, verdict: str, line: int) -> None:
    # the options were read as answers: the first, (a), judged (a right pick of (b) marked wrong), the others E060
    report = homework(QUIZ.format(pick=pick))
    assert [(a.quantity, a.verdict, report.source.line_col(a.span.start)[0]) for a in report.answers] == [
        ("output", verdict, line)], report.messages()  # (the option's line: the pick's value is written there)
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ([] if verdict == "right" else ["E040"])


def test_a_pick_of_no_option_is_not_judged() -> None:
    report = homework(QUIZ.format(pick="Answer: (e)"))
    assert not report.answers
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 6, 1, "the answer picks (e), which is none of the 4 options")]


@pytest.mark.parametrize("line, verdict", [
    # on 28x28x6: 16 5x5 filters at stride 1 give (28 - 5)/1 + 1 = 24, 24x24x16; a 2x2 pool at stride 2 gives 14x14x6.
    # Each sentence was prose: a wrong output passed unjudged, the sheet "no problems"
    ("The convolutional layer uses 16 filters of size 5x5 with stride 1, giving 24x24x16.", "right"),
    ("The convolutional layer uses 16 filters of size 5x5 with stride 1, giving 25x24x16.", "wrong"),
    ("The conv layer has 16 filters of size 5x5, producing an output of size 24x24x16.", "right"),
    ("The conv layer has 16 filters of size 5x5 and the output is 24x24x12.", "wrong"),
    ("The conv layer applies 16 filters of size 5x5 to get 24x24x16.", "right"),
    ("The conv layer uses 16 filters of size 5x5, so the output is 24x24x16.", "right"),
    ("The pooling layer uses a 2x2 window with stride 2, giving 14x14x6.", "right"),
    ("The pooling layer uses a 2x2 window with stride 2, giving 14x14x12.", "wrong"),
])
def test_a_layer_stated_in_a_sentence_without_its_place_is_judged(line: str, verdict: str) -> None:
    report = homework(f"Input: 28x28x6\n{line}\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict)], report.messages()


def test_a_layer_of_a_kind_stated_again_without_its_place_is_not_guessed() -> None:
    # under CONV1, `The conv layer …` may say CONV1 again or state another: read as another, its answers were judged
    # on both convolutions
    report = homework("Input: 28x28x6\nCONV1: 16 5x5 filters\nThe conv layer has 16 filters of size 5x5, giving "
                      "24x24x16.\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 3, 1, "`the conv layer` after 1 layer of its kind: cnncalc cannot tell whether it states another or "
                       "one above")]
    assert [a.verdict for a in report.answers] in ([], ["unchecked"])


def test_the_second_layer_said_with_its_output_in_a_clause_is_judged() -> None:
    # the first convolution gives (32 - 5)/1 + 1 = 28, 28x28x6; the second, 16 5x5 filters, (28 - 5)/1 + 1 = 24
    first = ("The first convolutional layer takes the 32x32x3 input and applies 6 filters of size 5x5 with stride 1 "
             "and no padding, producing an output of size 28x28x6.\n")
    for said, verdict in [("24x24x16", "right"), ("25x24x16", "wrong")]:
        report = homework(first + "The second convolutional layer uses 16 filters of size 5x5 with stride 1 and no "
                                  f"padding, producing an output of size {said}.\n")
        assert [a.verdict for a in report.answers] == ["right", verdict], report.messages()


@pytest.mark.parametrize("line, said, verdict", [
    # the LeNet paper's connections: every output value's inputs and its bias, at every position. Its C1: 28·28·6
    # outputs of 5·5·1 weights and a bias, 4,704 · 26 = 122,304; its C3 if every map were connected (the paper's
    # table leaves some out: 151,600), 10·10·16 · (5·5·6 + 1) = 241,600; an FC layer's are its parameters
    ("c1: conv 6 5x5 -> connections {}", "122304", "right"),
    ("c1: conv 6 5x5 -> connections {}", "117600", "wrong"),  # the MACs, without the biases
    ("c1: conv 6 5x5 ; relu -> connections {}", "122304", "right"),  # (the activation adds none)
    ("c1: conv 6 5x5 -> connections {}", "156", "wrong"),  # the parameters
    ("c1: conv 6 5x5 nobias -> connections {}", "117600", "right"),
    ("f: fc 10 -> connections {}", "10250", "right"),  # (32·32·1 + 1)·10
])
def test_connections_are_every_output_values_inputs_and_bias(line: str, said: str, verdict: str) -> None:
    report = run("input 32x32x1\n" + line.format(said) + "\n")
    assert [(a.quantity, a.expected, a.verdict) for a in report.answers] == [("connections", said, verdict)], \
        report.messages()


def test_a_pools_connections_are_not_judged() -> None:
    # the paper's S2 (5,880 connections: 14·14·6 · (4 + 1)) learns a coefficient and a bias per map; cnncalc's pools
    # learn nothing, so its count would mark the paper's right answer wrong
    report = run("input 28x28x6\ns2: avgpool 2x2 -> connections 5880\n")
    assert [a.verdict for a in report.answers] == ["unchecked"]


@pytest.mark.parametrize("line", ["C1 contains {p} trainable parameters, and {c} connections.",
                                  "C1 has {p} trainable parameters and {c} connections.",
                                  "Parameters: {p}. Connections: {c}."])
def test_the_lenet_papers_sentence_is_judged(line: str) -> None:
    # the paper's words for C1 (6 5x5 filters on 32x32x1): 156 parameters and 122,304 connections (it was prose, or
    # C1 stated again, E015)
    sheet = "Input: 32x32x1\nC1: 6 5x5 filters, stride 1, pad 0\n"
    for p, c, verdicts in [("156", "122,304", ["right", "right"]), ("156", "117,600", ["right", "wrong"]),
                           ("157", "122,304", ["wrong", "right"])]:
        report = homework(sheet + line.format(p=p, c=c) + "\n")
        assert [(a.quantity, a.verdict) for a in report.answers] == list(zip(["params", "connections"], verdicts)), \
            report.messages()


@pytest.mark.parametrize("line, verdict", [
    # on 28x28x6 a 2x2 pool at stride 2 gives 14x14x6; 16 3x3 filters padded by 1 keep 28x28, 28x28x16. The
    # description in parentheses after `layer` made the sentence prose: a wrong output passed unjudged
    ("The max pooling layer (2x2, stride 2) gives 14x14x6.", "right"),
    ("The max pooling layer (2x2, stride 2) gives 15x14x6.", "wrong"),
    ("The first conv layer (16 filters of 3x3, pad 1) gives 28x28x16.", "right"),
    ("The first conv layer (16 filters of 3x3, pad 1) gives 26x26x16.", "wrong"),
])
def test_a_layers_description_in_parentheses_in_a_sentence(line: str, verdict: str) -> None:
    report = homework(f"Input: 28x28x6\n{line}\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict)], report.messages()


@pytest.mark.parametrize("line, answers", [
    # on 28x28x6: a 2x2 pool at stride 2 gives 14x14x6 and has no parameters; 16 5x5 filters at stride 1 give 24x24x16
    # with (5·5·6 + 1)·16 = 2,416 parameters. Each was prose: wrong answers passed unjudged
    ("The max-pooling layer (2x2, stride 2) then halves the spatial dimensions to {o} and has no parameters.",
     [("output", "14x14x6"), ("params", None)]),
    ("A 2x2 max pool with stride 2 reduces it to {o}.", [("output", "14x14x6")]),
    ("The conv layer applies 16 filters of size 5x5 (stride 1, no padding) to get 24x24x16, with (5*5*6+1)*16 = {o} "
     "parameters.", [("output", None), ("params", "2416")]),
])
def test_a_layers_sentence_resizing_to_its_output_and_counting(line: str,
                                                                answers: list[tuple[str, str | None]]) -> None:
    right = next(said for _, said in answers if said is not None)
    wrong = right.replace("14x14", "15x14") if "x" in right else str(int(right) + 1)
    for said, verdict in [(right, "right"), (wrong, "wrong")]:
        report = homework(f"Input: 28x28x6\n{line.format(o=said)}\n")
        assert [(a.quantity, a.verdict) for a in report.answers] == [
            (quantity, verdict if mine is not None else "right") for quantity, mine in answers], report.messages()


@pytest.mark.parametrize("said, verdicts", [
    # 64 3x3 filters padded by 1 on 224x224x3 keep 224x224 with (3·3·3 + 1)·64 = 1,792 parameters; the pool then
    # gives 112x112x64. The layer's sentence and its answer's on one line made the line prose: the layer was left out
    # and the pool's right output judged on the input, 112x112x3, WRONG
    ("This gives an output of 224x224x64 and uses 1,792 parameters.", ["right", "right", "right"]),
    ("This gives an output of 224x224x64 and uses 1,793 parameters.", ["right", "wrong", "right"]),
    ("We get 224x224x65.", ["wrong", "right"]),
    # a sentence cnncalc does not read after the layer's: the layer is one it could not read, and the pool's answer
    # after it rests on it
    ("The result has shape 224x224x64.", ["unchecked"]),
])
def test_a_layers_sentence_and_its_answers_on_one_line(said: str, verdicts: list[str]) -> None:
    report = homework("Input: 224x224x3\nWe first apply a convolution with 64 filters of size 3x3, stride 1 and "
                      f"padding 1. {said}\nNext, a 2x2 max pooling with stride 2 reduces the volume to 112x112x64.\n")
    assert [a.verdict for a in report.answers] == verdicts, report.messages()


@pytest.mark.parametrize("line", ["Conv2D: 32 filters, 3x3, pad 1 -> {}",
                                  "Layer 1: Conv2d, 32 filters, 3x3, pad 1 -> {}"])
def test_a_frameworks_class_name_as_the_kind_of_a_described_convolution(line: str) -> None:
    # 32 3x3 filters padded by 1 keep 32x32 (it was E060: `Conv2D` read as a call without its parenthesis)
    for said, verdict in [("32x32x32", "right"), ("30x30x32", "wrong")]:
        report = homework(f"Input: 32x32x3\n{line.format(said)}\n")
        assert [a.verdict for a in report.answers] == [verdict], report.messages()


@pytest.mark.parametrize("said", ["Input: 32x32x3 (an RGB image)", "Input: 32x32x1 (a grayscale image)"])
def test_an_inputs_remark_with_an_article(said: str) -> None:
    # 8 3x3 filters padded by 1 keep 32x32: 32x32x8 (the remark's article left the input unread: E024 at the layer)
    for output, verdict in [("32x32x8", "right"), ("30x30x8", "wrong")]:
        report = homework(f"{said}\nCONV1: 8 3x3 filters, pad 1 -> {output}\n")
        assert [a.verdict for a in report.answers] == [verdict], report.messages()


@pytest.mark.parametrize("said", ["Input: 32x32x3. It is an RGB image.", "The input is 32 x 32 x 3. It has 3 channels.",
                                  "Input image: 32x32x3. Note that it is RGB.", "Input: 32x32x3, an RGB image."])
def test_an_input_with_a_sentence_or_a_remark_after_it(said: str) -> None:
    # the input's sentence and another about it on one line, or a remark after a comma (each left the input unread:
    # E024 at the layer, its answers not checked). 8 3x3 filters padded by 1 keep 32x32: 32x32x8, 8·(3·3·3 + 1) = 224
    for output, params, verdicts in [("32x32x8", "224", ["right", "right"]), ("30x30x8", "216", ["wrong", "wrong"])]:
        report = homework(f"{said}\nCONV1: 8 3x3 filters, pad 1. Output: {output}. Params: {params}\n")
        assert [a.verdict for a in report.answers] == verdicts, report.messages()
        assert report.ok == (verdicts[0] == "right"), report.messages()


def test_a_layer_after_the_inputs_sentence_on_its_line_is_read() -> None:
    # `Input: 32x32x3. CONV1: …`: the layer after the input's sentence is a layer of its own (it was E024):
    # (32 - 5)/1 + 1 = 28: 28x28x6 right, 32x32x6 (no padding said) wrong
    right_then_wrong("Input: 32x32x3. CONV1: 6 5x5 filters -> {}\n", "28x28x6", "32x32x6")


@pytest.mark.parametrize("line", ["CONV1: 32 3x3 filters -> output shape {}", "CONV1: 32 3x3 filters -> output size {}",
                                  "CONV1: 32 3x3 filters -> output volume: {}", "nn.Conv2d(3, 32, 3): output size {}",
                                  "nn.Conv2d(3, 32, 3): output shape {}", "CONV1: 32 3x3 filters – output {}",
                                  "nn.Conv2d(3, 32, 3) – output: {}"])
def test_an_outputs_noun_after_an_arrow_or_a_calls_colon_and_a_dash_before_an_answer(line: str) -> None:
    # 32 3x3 filters unpadded on 32x32x3: (32 - 3)/1 + 1 = 30, 30x30x32. `-> output shape …` was E060, after a
    # framework's call prose (a wrong answer passed unjudged), an en dash after a described layer E060
    right_then_wrong(f"Input: 32x32x3\n{line}\n", "30x30x32", "32x32x32")


@pytest.mark.parametrize("line", ["Conv2D(32, (3, 3)) — params: {}", "CONV1 — 32 3x3 filters — params: {}"])
def test_a_dash_before_an_answers_word_is_the_arrow_to_it(line: str) -> None:
    # 32·(3·3·3 + 1) = 896 (after Keras' call the line was prose, a wrong count passing unjudged)
    right_then_wrong(f"Input: 32x32x3\n{line}\n", "896", "864")


@pytest.mark.parametrize("line", ["nn.Conv2d(3, 32, 3) gives 30x30x32", "nn.Conv2d(3, 32, 3): volume = 30x30x32"])
def test_a_frameworks_call_cnncalc_cannot_read_is_an_unread_layer_not_prose(line: str) -> None:
    # passed over as prose, the convolution vanished and the pool's answer below was judged on the input: 16x16x3
    # right, the sheet's 15x15x32 (the convolution's 30x30x32 pooled 2x2) wrong. Now E060, and the pool's answer rests
    # on the unread layer: not judged
    report = homework(f"Input: 32x32x3\n{line}\nPOOL: 2x2 max pool -> 15x15x32\n")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 2, 1, f"cnncalc cannot read `{line}` as a layer")]
    assert [a.verdict for a in report.answers] == ["unchecked"], report.messages()


@pytest.mark.parametrize("line", ["Layer 1 (Conv2D, 32 filters, 3x3, padding 1): output {}",
                                  "Layer 1 (32 filters of 3x3, stride 1, pad 1): {}",
                                  "Layer 1 (conv, 32 filters, 3x3, padding 1)\nOutput: {}"])
def test_a_numbered_layers_description_in_parentheses(line: str) -> None:
    # read as `Layer 1: …` (the first two were E060, the parenthesis taken for a name; the third was read already):
    # 32 3x3 filters padded by 1 keep 32x32
    right_then_wrong(f"Input: 32x32x3\n{line}\n", "32x32x32", "30x30x32")
    # a name there stays a name: `Layer 1 (CONV1): …`
    report = homework("Input: 32x32x3\nLayer 1 (CONV1): 32 3x3 filters, pad 1 -> 32x32x32\n")
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "right")], report.messages()


def test_a_keras_sheet_of_numbered_layers_described_in_parentheses() -> None:
    # A notebook's exercise (every line was E060, every answer unchecked): 32 3x3 filters, `same` on 32x32x3:
    # 32x32x32, 3·3·3·32 + 32 = 896; a 2x2 max pool (Keras' MaxPooling2D, its class named without a call): 16x16x32,
    # no parameters; 64 3x3 `valid`: (16 - 3)/1 + 1 = 14, 14x14x64, 3·3·32·64 + 64 = 18,496; flatten 14·14·64 = 12,544;
    # Dense 10: 12,544·10 + 10 = 125,450
    sheet = ("Input: 32×32×3\n"
             "**Layer 1** (Conv2D, 32 filters, 3×3, padding='same'): output 32×32×32, parameters 3·3·3·32 + 32 = 896\n"
             "**Layer 2** (MaxPooling2D, 2×2): output {pooled}, no parameters\n"
             "**Layer 3** (Conv2D, 64 filters, 3×3, padding='valid'): output 14×14×64, parameters 3·3·32·64 + 64 = "
             "18,496\n"
             "**Layer 4** (Flatten): output 12,544\n"
             "**Layer 5** (Dense, 10 units): parameters 12,544·10 + 10 = 125,450\n")
    report = homework(sheet.format(pooled="16×16×32"))
    assert [a.verdict for a in report.answers] == ["right"] * 8 and report.ok, report.messages()
    report = homework(sheet.format(pooled="15×15×32"))
    assert [a.verdict for a in report.answers] == ["right", "right", "wrong", "right", "right", "right", "right",
                                                   "right"], report.messages()


@pytest.mark.parametrize("line", ["Layer 2 (FooPool2D, 2x2): output 16x16x8",
                                  "Layer 2: FooPool2D, 2x2 -> output 16x16x8"])
def test_a_layer_of_a_kind_cnncalc_does_not_know_with_an_output_is_unread_not_prose(line: str) -> None:
    # passed over as prose, the next convolution's right 14x14x4 ((16 - 3)/1 + 1 = 14 after a 2x2 pool) was judged
    # on the first one's 32x32x8 output, 30x30x4: marked wrong. Now E060 there, the answers after it not judged
    report = homework(f"Input: 32x32x3\nLayer 1 (Conv2D, 8 filters, 3x3, padding 1): output 32x32x8\n{line}\n"
                      "Layer 3 (Conv2D, 4 filters, 3x3): output 14x14x4\n")
    assert [(d.code, d.line, d.column) for d in report.diagnostics if d.severity == "error"] == [("E060", 3, 1)]
    said = line.split(" -> ")[0]  # (the line as written, before the arrow of its answers)
    assert report.diagnostics[0].message == f"cnncalc cannot read `{said}` as a layer", report.messages()
    assert [a.verdict for a in report.answers] == ["right", "unchecked"], report.messages()


@pytest.mark.parametrize("line", ["Max pooling 2x2, stride 2 → Output: {}.",
                                  "4. Max pooling 2×2, stride 2 → Output: {}", "Max pool 2x2 stride 2 -> Output: {}"])
def test_an_arrow_then_output_and_a_colon_after_a_described_layer(line: str) -> None:
    # a 2x2 pool at stride 2 halves 30x30x64: 15x15x64 (`stride 2 -> Output:` was read as the answer of a layer
    # named STRIDE2: E060, the pool lost and a solution key's right answers below it marked wrong)
    right_then_wrong(f"Input: 30x30x64\n{line}\n", "15x15x64", "14x14x64")


def test_a_tables_layer_column_of_framework_classes_beside_a_description() -> None:
    # `| 1 | Conv2D | 16 filters, 3x3, … |` and `| 4 | Conv2D | 32 filters, … |`: the class is the kind, each row
    # named in turn (the second `Conv2D` was E015, a name used twice). 28x28x1: 16 3x3 `same` 28x28x16, (9 + 1)·16 =
    # 160; pool 14x14x16; 32 3x3 `valid` (14 - 3)/1 + 1 = 12, 12x12x32, (9·16 + 1)·32 = 4,640
    sheet = ("Input: 28x28x1\n\n| # | Layer | Hyperparameters | Output shape | Params |\n|---|---|---|---|---|\n"
             "| 1 | Conv2D | 16 filters, 3x3, stride 1, padding 'same' | 28x28x16 | 160 |\n"
             "| 2 | MaxPool | 2x2, stride 2 | 14x14x16 | 0 |\n"
             "| 3 | Conv2D | 32 filters, 3x3, stride 1, padding 'valid' | {} | 4,640 |\n")
    report = homework(sheet.format("12x12x32"))
    assert report.ok and [a.label for a in report.answers] == ["conv1", "conv1", "maxpool1", "maxpool1", "conv2",
                                                               "conv2"], report.messages()
    report = homework(sheet.format("14x14x32"))
    assert [a.verdict for a in report.answers] == ["right"] * 4 + ["wrong", "right"], report.messages()


@pytest.mark.parametrize("line", ["We apply 16 filters of size 3x3 with stride 1 and padding 1, which gives {}.",
                                  "We then use 16 filters of size 3x3 with padding 1; its output is {}."])
def test_a_layer_we_apply_and_what_it_gives_in_one_sentence(line: str) -> None:
    # 16 3x3 filters padded by 1 keep 32x32: 32x32x16 (each was prose: a wrong output passed unjudged)
    right_then_wrong(f"Input: 32x32x3\n{line}\n", "32x32x16", "32x32x17")


def test_a_stated_layer_cnncalc_cannot_read_before_its_output_is_e060_not_prose() -> None:
    # `Conv layer 1 applies …; its output is …`: the layer is not read, and its answer is not judged, with E060 (it
    # was prose, a wrong output passing unjudged)
    report = homework("Input: 32x32x3\nConv layer 1 applies 16 filters of size 3x3 with same padding; its output is "
                      "32x32x17.\n")
    assert [(d.code, d.line, d.column) for d in report.diagnostics if d.severity == "error"] == [("E060", 2, 1)]
    assert report.diagnostics[0].message.startswith("cnncalc cannot read `Conv layer 1 applies 16 filters"), \
        report.messages()


@pytest.mark.parametrize("line, right, wrong", [
    # 32 3x3 filters padded by 1 keep 32x32: 32x32x32, with (3·3·3 + 1)·32 = 896 parameters
    ("CONV1: 32 3x3 filters, stride 1, pad 1: output {}", "32x32x32", "30x30x32"),
    ("CONV1: 32 3x3 filters, stride 1, pad 1: {}", "32x32x32", "30x30x32"),
    ("CONV1: 32 3x3 filters, stride 1, pad 1: params: {}", "896", "864"),
    ("CONV1: 32 3x3 filters: stride 1, pad 1: output {}", "32x32x32", "30x30x32"),
    ("CONV1: 32 filters: 3x3, pad 1: output {}", "32x32x32", "30x30x32"),
    ("Layer 1: conv, 32 filters 3x3, stride 1, pad 1: params {}", "896", "864"),
    # a 2x2 pool at stride 2 halves 32x32x3: 16x16x3
    ("POOL1: 2x2 max pool, stride 2: output {}", "16x16x3", "15x15x3"),
    # 10 neurons on all 32·32·3 = 3,072 inputs: 3,072·10 + 10 = 30,730 parameters
    ("FC: 10 neurons: params: {}", "30730", "30720"),
])
def test_a_second_colon_after_a_described_layer_leads_to_its_answers(line: str, right: str, wrong: str) -> None:
    # the colon after a layer's description is the arrow to its answers (each was E060, its answers unjudged, or
    # prose: `FC: 10 neurons: params: …` passed a wrong count unjudged); a colon before the next setting (`: stride
    # 1, pad 1`) is the description's comma
    right_then_wrong(f"Input: 32x32x3\n{line}\n", right, wrong)


def test_a_colon_ending_an_answers_own_label_stays_that_labels() -> None:
    # `RF: 11x11` after a described layer is the receptive field's answer, not the arrow: (227 - 11)/4 + 1 = 55, and
    # one output unit of CONV1 sees 11x11 input pixels; `output size: …` likewise (55x55x96)
    report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0, RF: 11x11, output size: "
                      "55x55x96\n")
    judged = sorted((a.quantity, a.verdict) for a in report.answers)
    assert judged == [("output", "right"), ("receptive field", "right")], report.messages()


@pytest.mark.parametrize("sheet", [
    "Input: 32x32x3 -> {} values\n", "Input: 32x32x3 (3,{} numbers)\n", "Input: 32x32x3 -> memory {}\n",
    "Input: 32x32x3, i.e. {} values\n", "Input: 32x32x3\nMemory: {}\n", "Input: 32x32x3\nInput values: {}\n",
    "Input: 32x32x3\n\nNumber of input values: {}\n", "Input: 32x32x3\nValues: {}\n",
    "Input: 32x32x3\nMemory: 32*32*3 = {}\n", "Input: 32x32x3\nInput: {} values\n",
])
def test_the_inputs_values_answered_beside_it_or_under_it(sheet: str) -> None:
    # a 32x32x3 input holds 32·32·3 = 3,072 values (each was prose, a wrong count passing unjudged; `Memory: …` under
    # the input E060, and `Input: 3072 values` a network of its own)
    right, wrong = ("072", "071") if "3,{}" in sheet else ("3072", "3071")
    right_then_wrong(sheet, right, wrong)


def test_the_inputs_counts_under_it_leave_the_layers_below_judged() -> None:
    # `Memory: 3072` and `Params: 0` under the input are its own: the layers below are judged (they were left
    # unchecked, resting on an unread layer). 10 5x5 filters padded by 2 keep 32x32: 32x32x10, (5·5·3 + 1)·10 = 760
    report = homework("Input: 32x32x3\nMemory: 3072\nParams: 0\nCONV1: 10 5x5 filters, stride 1, pad 2 -> 32x32x10, "
                      "params 761\n")
    assert sorted((a.label, a.quantity, a.verdict) for a in report.answers) == [
        ("conv1", "output", "right"), ("conv1", "params", "wrong"), ("input", "memory", "right"),
        ("input", "params", "right")], report.messages()


def test_a_count_after_prose_under_the_input_is_not_the_inputs() -> None:
    # a line cnncalc reads as prose between the input and `Parameters: 760` may state the layer it answers: not the
    # input's (its 0 would mark a right answer wrong), E060 as before
    report = homework("Input: 32x32x3\nThe first layer slides ten filters over it.\nParameters: 760\n")
    assert list(report.answers) == []
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 3)], report.messages()


@pytest.mark.parametrize("given", ["The input to our network is a 64x64 RGB image.",
                                   "Consider an input image of 64x64x3 passed through the following layers."])
def test_the_input_given_in_a_sentence_naming_our_network_or_passed_through_it(given: str) -> None:
    # 16 5x5 filters on 64x64x3, no padding: (64 - 5)/1 + 1 = 60, 60x60x16 (the sentence was prose, the input lost:
    # E024 and every answer unchecked)
    right_then_wrong(f"{given}\nThe first layer is a convolution with 16 filters of size 5x5, stride 1 and no "
                     "padding.\nAnswer: {}\n", "60x60x16", "59x59x16")


@pytest.mark.parametrize("line", ["Answer: parameters = 30*30*32*10 + 10 = {}.", "Answer: params: {}",
                                  "Answer: the number of parameters is {}"])
def test_an_answer_label_before_a_counts_own_head(line: str) -> None:
    # 10 outputs on all 30·30·32 = 28,800 inputs: 28,800·10 + 10 = 288,010 parameters (the bare number after
    # `Answer:` was read as the FC layer's output and the right count marked wrong; `Answer: params: …` was prose)
    right_then_wrong(f"Input: 30x30x32\nFinally a fully connected layer with 10 outputs.\n{line}\n", "288010",
                     "288000")


@pytest.mark.parametrize("layer", ["Layer 1: Conv layer with 32 filters of 3x3, stride 1, padding 1.",
                                   "Layer 1: convolutional layer with 32 filters of 3x3, stride 1, padding 1."])
def test_a_numbered_layers_kind_followed_by_the_word_layer(layer: str) -> None:
    # 32 3x3 filters padded by 1 keep 64x64: 64x64x32 (the description was E060, expected the number of filters)
    right_then_wrong(f"Input: 64x64x3\n{layer}\nOutput: {{}}\n", "64x64x32", "62x62x32")


@pytest.mark.parametrize("working, right, wrong", [
    # (128 + 2·1 - 3)/2 + 1 = 64.5: taken down to 64 the working floors it, up to 65 it ceils it
    ("(128 + 2 - 3)/2 + 1 = 64.5 -> 64, so {}.", "64x64x32", "65x65x32"),
    ("(128 + 2 - 3)/2 + 1 = 64.5 → 65, so {}.", "65x65x32", "64x64x32"),
])
def test_a_fraction_taken_to_a_whole_number_in_the_working_says_the_rounding(working: str, right: str,
                                                                           wrong: str) -> None:
    # the division was E030 (not whole) and the answer unchecked
    right_then_wrong(f"Input: 128x128x3\nLayer 1: Conv with 32 filters of 3x3, stride 2, padding 1.\nOutput: "
                     f"{working}\n", right, wrong)


def test_a_short_answer_label_before_working_reads_as_answer() -> None:
    # `A: … = 64.5 -> 64, so 64x64x32.` was prose (a wrong answer unjudged); (128 + 2 - 3)/2 + 1 = 64.5, floored
    right_then_wrong("Input: 128x128x3\nLayer 1: Conv with 32 filters of 3x3, stride 2, padding 1.\nA: (128 + 2 - 3)/2 "
                     "+ 1 = 64.5 -> 64, so {}.\n", "64x64x32", "63x63x32")


@pytest.mark.parametrize("line", ["Answer: 11*11*3*96 + 96 = 34944", "A: 34944", "Answer: 55"])
def test_one_number_after_a_bare_answer_label_under_a_convolution_is_not_its_output(line: str) -> None:
    # (11·11·3 + 1)·96 = 34,944 is CONV1's parameter count, right; read as its output (55x55x96) it was marked wrong.
    # One number after `Answer:` says not what it counts: E060, not judged
    report = homework(f"Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4, pad 0\n{line}\n")
    assert list(report.answers) == []
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 3)], report.messages()
    assert report.diagnostics[0].message.startswith("this answer does not say what it answers")


@pytest.mark.parametrize("line", ["  (55 − 3)/2 + 1 = 27 → {}", "  (55 - 3)/2 + 1 = 27, so {}",
                                  "  floor((55-3)/2)+1 = 27 -> {}"])
def test_a_working_under_a_layer_that_comes_to_a_volume_answers_its_output(line: str) -> None:
    # a 3x3 max pool at stride 2 on 55x55x96: (55 - 3)/2 + 1 = 27, 27x27x96 (the line was prose or E060, a wrong
    # volume passing unjudged)
    right_then_wrong(f"Input: 55x55x96\nPOOL1: 3x3 max pooling, stride 2\n{line}\n", "27x27x96", "27x27x95")


def test_a_counts_working_without_a_volume_stays_as_it_is() -> None:
    # `(5 × 5 × 96 + 1) × 256 = 614,656` names no volume: not an output answer (read as before: prose)
    report = homework("Input: 27x27x96\nCONV2: 256 filters, 5 × 5, stride 1, pad 2\n  (5 × 5 × 96 + 1) × 256 = "
                      "614,656\n")
    assert list(report.answers) == [] and report.ok, report.messages()


@pytest.mark.parametrize("layer", ["S2: subsampling (2x2, stride 2)", "S2: subsampling, 2x2, stride 2",
                                   "S2: subsampling (2x2 average pool, stride 2)", "POOL1: subsampling 2x2, stride 2"])
def test_lenets_subsampling_described_after_its_name(layer: str) -> None:
    # a 2x2 window at stride 2 halves 28x28x6: 14x14x6 (the description was E060, expected the window size, and every
    # answer below unchecked)
    right_then_wrong(f"Input: 28x28x6\n{layer}\n   - output: {{}}\n", "14x14x6", "13x13x6")


def test_a_convolutions_description_in_parentheses_after_its_kind() -> None:
    # 6 5x5 filters at stride 1 on 28x28x6: (28 - 5)/1 + 1 = 24, 24x24x6 (E060, expected the number of filters)
    right_then_wrong("Input: 28x28x6\nCONV1: convolution (6 filters, 5x5, stride 1)\n   - output: {}\n", "24x24x6",
                     "23x23x6")


def test_lenets_output_layer_with_its_activation_in_parentheses_before_its_answers() -> None:
    # 10 units on F6's 84: 84·10 + 10 = 850 parameters (`(softmax)` between made the line E060)
    right_then_wrong("Input: 84\n6. F6: fully connected, 84 units\n7. Output: 10 units (softmax) -> params {}\n",
                     "850", "851")


def test_a_table_pasted_as_csv_is_read_as_a_markdown_tables_rows() -> None:
    # 32x32x3: CONV1 32 3x3 filters padded by 1, 32x32x32, (3·3·3 + 1)·32 = 896; POOL1 2x2 at stride 2 16x16x32, 0;
    # FC1 512 neurons on 16·16·32 = 8,192 inputs: 8,192·512 + 512 = 4,194,816 (each line was prose, every answer
    # unjudged). A quoted cell holds its commas
    sheet = ('Input: 32x32x3\n\nLayer,Description,Output,Params\nCONV1,"32 3x3 filters, stride 1, pad 1",32x32x32,896\n'
             'POOL1,"2x2 max pool, stride 2",16x16x32,0\nFC1,512 neurons,512,"{}"\n')
    report = homework(sheet.format("4,194,816"))
    assert [a.verdict for a in report.answers] == ["right"] * 6, report.messages()
    report = homework(sheet.format("4,194,304"))
    assert [(a.label, a.quantity, a.verdict) for a in report.answers][-1] == ("fc1", "params", "wrong")


def test_a_csv_row_with_another_number_of_cells_is_e060() -> None:
    # `4,194,816` unquoted splits into three cells: the row is not read, E060 at its line (not prose)
    report = homework("Input: 32x32x3\n\nLayer,Description,Output,Params\nFC1,512 neurons,512,4,194,816\n")
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 4)], report.messages()
    assert "the row has 6 cells and the header 4" in report.diagnostics[0].message


def test_a_csv_row_with_a_quote_left_open_is_e060_not_an_internal_error() -> None:
    # `"conv1,32x32x3,0` opens a quote it never closes: the row is one cell, E060 (it was an IndexError)
    report = homework('Input: 32x32x3\nLayer,Output,Params\n"conv1,32x32x3,0\n')
    assert [(d.code, d.line, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 3, "the row has 1 cell and the header 3")], report.messages()


@pytest.mark.parametrize("change", ["If the stride were 3:", "With stride 3 instead:", "Now suppose stride 3.",
                                    "Now suppose 64 filters."])
def test_answers_after_prose_that_changes_the_layer_are_not_judged_against_it(change: str) -> None:
    # CONV1 as written: (227 - 11)/4 + 1 = 55, 55x55x96; with stride 3, (227 - 11)/3 + 1 = 73: 73x73x96, right for
    # the changed layer, was marked wrong against the written one. E060 at the answer, naming the line
    report = homework(f"Input: 227x227x3\nCONV1: 96 11x11 filters, stride 4, pad 0\n{change}\nOutput: 73x73x96\n")
    assert list(report.answers) == []
    errors = [(d.code, d.line, d.message) for d in report.diagnostics if d.severity == "error"]
    assert errors == [("E060", 4, f"line 3 (`{change}`) changes the layer above: this answer may be the changed "
                                  f"layer's, and is not judged")], report.messages()


def test_another_part_of_the_problem_after_a_change_is_about_the_layer_as_written() -> None:
    # `(c) Parameters: …` after `(b) Suppose the stride were 3.`: the layer as written again, (11·11·3 + 1)·96 = 34,944
    report = homework("Input: 227x227x3\nCONV1: 96 11x11 filters, stride 4, pad 0\n(a) Output: 55x55x96\n(b) Suppose "
                      "the stride were 3.\n(c) Parameters: 34,945\n")
    assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right"), ("params", "wrong")], \
        report.messages()


def test_prose_that_restates_the_layers_own_setting_changes_nothing() -> None:
    # `The stride is 4, as given.`: the layer's own stride, so the answer below is judged: 55x55x96
    right_then_wrong("Input: 227x227x3\nCONV1: 96 11x11 filters, stride 4, pad 0\nThe stride is 4, as given.\n"
                     "Output: {}\n", "55x55x96", "73x73x96")


def test_a_problem_sentence_wrapped_at_the_lines_end_is_read_whole() -> None:
    # the problem's layer: 96 11x11 filters at stride 4, no padding, on 227x227x3: (227 - 11)/4 + 1 = 55, 55x55x96
    # (wrapped after `of size`, both lines were prose: E020, no input, and the answer below E060)
    right_then_wrong("Problem 2 (10 points). An input volume of size 227x227x3 is fed to a convolutional layer with 96 "
                     "filters of size\n11x11, stride 4 and no zero-padding.\n\n(a) What is the output volume?\n{}\n",
                     "55x55x96", "54x54x96")


def test_a_line_after_a_finished_sentence_is_not_joined_to_it() -> None:
    # `… of size 11x11.` ends its sentence: `stride 4 …` below is a line of its own, not read into the layer (which
    # then gives (227 - 11)/1 + 1 = 217); as a line that may state a step cnncalc did not read, the answer below it
    # is E060, not judged
    report = homework("An input volume of size 227x227x3 is fed to a convolutional layer with 96 filters of size 11x11."
                      "\nstride 4 and no zero-padding.\n\n(a) What is the output volume?\n55x55x96\n")
    assert list(report.answers) == []
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 4)], report.messages()


@pytest.mark.parametrize("layer", ["Depthwise conv: 3x3, stride 1, padding 1 (one filter per channel)",
                                   "Depthwise: 3x3, stride 1, pad 1"])
def test_an_unnamed_depthwise_convolution_before_a_colon(layer: str) -> None:
    # one 3x3 filter per channel, padded by 1: 112x112x32 kept, 3·3·32 + 32 = 320 parameters (E060, the layer unknown)
    right_then_wrong(f"Input: 112x112x32\n{layer}\nOutput: {{}}\n", "112x112x32", "110x110x32")


DEPTHWISE_SEPARABLE = ("Input: 112x112x32\nDepthwise conv 3x3, stride 1, padding 1\nOutput: 112x112x32\n"
                       "Pointwise conv: 64 filters of 1x1\nOutput: 112x112x64\n")


def test_an_answer_naming_the_depthwise_layer_under_the_pointwise_one_is_the_depthwise_ones() -> None:
    # MACs of the depthwise 3x3: 112·112·32·9 = 3,612,672; of the pointwise 1x1: 112·112·32·64 = 25,690,112 (the
    # first was judged against the pointwise layer below it and marked wrong)
    for line, right, wrong in [("MACs of depthwise: 112*112*32*9 = {}", "3,612,672", "3,612,673"),
                               ("MACs of pointwise: {}", "25,690,112", "25,690,113")]:
        for said, verdict in [(right, "right"), (wrong, "wrong")]:
            report = homework(DEPTHWISE_SEPARABLE + line.format(said) + "\n")
            assert sorted((a.quantity, a.verdict) for a in report.answers) == [
                ("macs", verdict), ("output", "right"), ("output", "right")], report.messages()


def test_a_layer_spoken_of_for_comparison_is_not_a_step() -> None:
    # `… would have 18,496 parameters` is no layer of the network: E060 at it, and the answers after it judged (they
    # were left unchecked, resting on it): the pointwise layer's (32 + 1)·64 = 2,112 parameters
    report = homework(DEPTHWISE_SEPARABLE + "A standard 3x3 conv with 64 filters would have 3*3*32*64 + 64 = 18,496 "
                      "parameters.\nParams of pointwise: 2,112\n")
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 6)], report.messages()
    assert [(a.quantity, a.verdict) for a in report.answers][-1] == ("params", "right")


RESIDUAL_BLOCK = ("Input: 56x56x64\nconv_a: 64 3x3 filters, stride 1, pad 1, no bias -> 56x56x64\nBN_a: batch norm\n"
                  "ReLU\nconv_b: 64 3x3 filters, stride 1, pad 1, no bias -> 56x56x64\nBN_b: batch norm\n")


@pytest.mark.parametrize("added", ["Add the input (skip connection) -> {}",
                                   "Skip connection: add the block's input -> {}", "+ identity shortcut -> {}"])
def test_a_skip_connection_closes_a_residual_block(added: str) -> None:
    # 64 3x3 filters padded by 1 keep 56x56x64; the block's input, 56x56x64, added back: 56x56x64 (the line was E060,
    # and every answer below it unchecked)
    right_then_wrong(RESIDUAL_BLOCK.replace(" -> 56x56x64", "") + added + "\n", "56x56x64", "56x56x128")


def test_a_residual_blocks_total_counts_every_layer_once() -> None:
    # two convolutions of 3·3·64·64 = 36,864 weights (no bias), two batch norms of 2·64 = 128: 73,984 parameters
    # (names with a letter after an underscore, `conv_a`, `BN_a`, were E060)
    report = homework(RESIDUAL_BLOCK + "Add the input (skip connection) -> 56x56x64\nReLU\n\nTotal parameters of the "
                      "block: 73,984\n")
    assert report.ok and [a.verdict for a in report.answers] == ["right"] * 4, report.messages()


def test_a_skip_connection_around_a_block_that_changes_the_shape_is_an_error() -> None:
    # 64 3x3 filters at stride 2 on 56x56x64: (56 - 3 + 2)/2 + 1 = 28 (floored), 28x28x64, which the block's input,
    # 56x56x64, cannot be added to without a projection: E051 at the add, its answer unchecked
    report = homework("Round down when the division is not exact.\nInput: 56x56x64\nResidual block 1:\nconv_c: 64 3x3 "
                      "filters, stride 2, pad 1\nAdd the block's input -> 28x28x64\n")
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E051", 5)], report.messages()


def test_a_block_heading_starts_the_block_a_skip_connection_closes() -> None:
    # the stem (64 7x7 filters at stride 2, pad 3: (224 - 7 + 6)/2 + 1 = 112, floored; a 3x3 pool at stride 2, pad 1:
    # (112 - 3 + 2)/2 + 1 = 56) is not in the block: the add sums 56x56x64 with the block's input, 56x56x64
    report = homework("Round down when the division is not exact.\nInput: 224x224x3\nCONV1: 64 7x7 filters, stride 2, "
                      "pad 3\nPOOL1: 3x3 max pool, stride 2, pad 1\n\nResidual block 1:\nconv_a: 64 3x3 filters, "
                      "stride 1, pad 1\nAdd the input (skip connection) -> 56x56x64\n")
    assert report.ok and [a.verdict for a in report.answers] == ["right"], report.messages()


def test_answers_below_a_skip_connection_naming_a_layer_of_its_block_find_it() -> None:
    # conv_a: (3·3·64 + 1)·64 = 36,928 parameters; conv_b keeps 56x56x64 (both were E060, no layer of that name above,
    # once the block was closed)
    report = homework("Input: 56x56x64\nconv_a: 64 3x3 filters, stride 1, pad 1\nconv_b: 64 3x3 filters, stride 1, "
                      "pad 1\nAdd the input (skip connection) -> 56x56x64\nParams of conv_a: 36,928\nOutput of conv_b: "
                      "56x56x64\n")
    assert report.ok and [a.verdict for a in report.answers] == ["right"] * 3, report.messages()


def test_a_skip_connection_with_no_layer_since_its_blocks_start_is_e060() -> None:
    report = homework("Input: 56x56x64\nconv_a: 64 3x3 filters, stride 1, pad 1\nAdd the input (skip connection)\n"
                      "Add the input (skip connection) -> 56x56x64\n")
    assert [(d.code, d.line, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 4, "a skip connection with no layer since its block's start: it adds nothing")], report.messages()


BULLETED_VGG = ("VGG-style network for 64x64 RGB images\n\nBlock 1\n- Conv 3x3, 32 filters, padding same -> (64, 64, "
                "32), 896 params\n- Conv 3x3, 32 filters, padding same -> (64, 64, 32), 9,248 params\n- MaxPool 2x2 -> "
                "(32, 32, 32)\n\nHead\n- Flatten -> 32768\n- Dense 128 -> 4,194,432 params\n- Dense 10 -> {} params\n")


def test_a_bulleted_listing_is_the_lecture_notation_and_its_last_dense_layer_is_read() -> None:
    # bullets start no spec statement: the sheet was read as the spec language (23 errors). 64x64x3, 32 3x3 filters,
    # `same`: (3·3·3 + 1)·32 = 896, then (3·3·32 + 1)·32 = 9,248; pooled 32x32x32 = 32,768 values; Dense 128:
    # 32,768·128 + 128 = 4,194,432; Dense 10: 128·10 + 10 = 1,290 (`Dense 10 -> …` was E060, no layer DENSE 10 above)
    assert detect(BULLETED_VGG, "vgg.txt") == "lecture"
    report = run(BULLETED_VGG.format("1,290"))
    assert report.ok and [a.verdict for a in report.answers] == ["right"] * 8, report.messages()
    assert [a.verdict for a in run(BULLETED_VGG.format("1,291")).answers][-1] == "wrong"


@pytest.mark.parametrize("given", ["Input: W1 x H1 x D1 = 32 x 32 x 3", "Input volume W1 x H1 x D1 = 32 x 32 x 3.",
                                   "Q3. Input volume W1 x H1 x D1 = 32 x 32 x 3. A conv layer with K = 8 filters, "
                                   "F = 5, S = 1, P = 0."])
def test_the_notes_letters_before_the_input_and_after_the_count_of_filters(given: str) -> None:
    # 8 5x5 filters at stride 1, no padding, on 32x32x3: (32 - 5)/1 + 1 = 28, 28x28x8 (the input was prose, E024;
    # `K = 8 filters` E060)
    layer = "" if "conv layer" in given else "A conv layer with K = 8 filters, F = 5, S = 1, P = 0.\n"
    right_then_wrong(f"{given}\n{layer}Output: {{}}\n", "28x28x8", "27x27x8")


def test_the_notes_same_layer_but_with_another_letter_changes_it() -> None:
    # `Same layer but with P = 2.`: (32 - 5 + 4)/1 + 1 = 32, 32x32x8, right for the changed layer, was marked wrong
    # against the layer as written (28x28x8); E060 at the answer, naming the question's line
    report = homework("Input: 32x32x3\nA conv layer with K = 8, F = 5, S = 1, P = 0.\nOutput: 28x28x8\n\nQ4. Same "
                      "layer but with P = 2.\nW2 = (32 - 5 + 4)/1 + 1 = 32\nOutput: 32x32x8\n")
    assert [a.verdict for a in report.answers] == ["right"], report.messages()
    assert [(d.code, d.line, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 7, "line 5 (`Same layer but with P = 2.`) changes the layer above: this answer may be the changed "
                    "layer's, and is not judged")], report.messages()


@pytest.mark.parametrize("line", ["Parameters of block 1: (3*3*1*64 + 64) + (3*3*64*64 + 64) = 37,568",
                                  "Params in the encoder: 37,568", "Output of stage 1: 284x284x64"])
def test_an_answer_about_a_group_of_layers_is_not_the_last_layers(line: str) -> None:
    # block 1's two convolutions: (9 + 1)·64 = 640 and (9·64 + 1)·64 = 36,928, 37,568 together, right; judged as the
    # pool's below them (0 parameters) it was marked wrong. A group is no one layer: E060, not judged
    report = homework("Input image: 572 x 572 x 1\nEncoder block 1:\n  conv 3x3, 64 filters, no padding → 570 x 570 "
                      "x 64\n  conv 3x3, 64 filters, no padding → 568 x 568 x 64\n  max pool 2x2, stride 2 → 284 x 284 "
                      f"x 64\n{line}\n")
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 6)], report.messages()
    assert [a.verdict for a in report.answers] == ["right"] * 3


@pytest.mark.parametrize("answer", ["-> torch.Size([1, {c}, 32, 32])", "-> shape (1, {c}, 32, 32)",
                                    "-> output shape [1, {c}, 32, 32]", "-> output (None, 32, 32, {c})"])
def test_a_frameworks_shape_with_its_batch_after_the_layers_arrow(answer: str) -> None:
    # 16 3x3 filters padded by 1 keep 32x32: 32x32x16, written batch first as PyTorch prints it (channels first: the
    # two equal sizes are the height and width) or as Keras does (`(1, 16, 32, 32)` was read as 16x32x32 and marked
    # wrong; `torch.Size(…)` and `output shape […]` were E060)
    sheet = "Input: 32x32x3\nCONV1: 16 3x3 filters, pad 1 " + answer + "\n"
    for channels, verdict in [(16, "right"), (17, "wrong")]:
        report = homework(sheet.format(c=channels))
        assert [a.verdict for a in report.answers] == [verdict], report.messages()


KERAS_COMMENTED = ("Input: 32x32x3\n\nmodel.add(Conv2D(32, (3, 3), activation='relu'))   # output (None, 30, 30, 32), "
                   "params 896\nmodel.add(MaxPooling2D((2, 2)))   # output (None, 15, 15, 32), params 0\nmodel.add("
                   "Flatten())   # output (None, 7200)\nmodel.add(Dense(10))   # params {}\n")


def test_keras_code_with_its_answers_in_comments_is_a_listing() -> None:
    # 32 3x3 filters on 32x32x3: 30x30x32, (27 + 1)·32 = 896; pooled 15x15x32 = 7,200 values; Dense 10: 72,010
    # parameters (7,200·10 + 10). The lines were prose: every answer passed unjudged
    report = homework(KERAS_COMMENTED.format("72,010"))
    assert report.ok and [a.verdict for a in report.answers] == ["right"] * 6, report.messages()
    assert [a.verdict for a in homework(KERAS_COMMENTED.format("72,011")).answers][-1] == "wrong"


def test_pytorch_code_in_a_fenced_block_with_answers_in_comments_is_read() -> None:
    # 8 3x3 filters on 28x28x1: 26x26x8, (9 + 1)·8 = 80; pooled 13x13x8 = 1,352 values; Linear(1352, 10): 13,530
    # (a code block's lines were code: every answer passed unjudged); a line of code without a comment stays code
    sheet = ("Input: 28x28x1\n```python\nmodel = nn.Sequential(\n    nn.Conv2d(1, 8, 3),   # -> 26x26x8, 80 params\n"
             "    nn.ReLU(),\n    nn.MaxPool2d(2),   # -> 13x13x8\n    nn.Flatten(),   # -> 1352\n    nn.Linear(1352, "
             "10),   # -> 10, {} params\n)\n```\n")
    report = homework(sheet.format("13,530"))
    assert report.ok and [a.verdict for a in report.answers] == ["right"] * 6, report.messages()
    assert [a.verdict for a in homework(sheet.format("13,531")).answers][-1] == "wrong"


def test_answers_commented_on_a_modules_layers_are_e060_not_read_in_their_order() -> None:
    # `__init__` defines conv1, conv2, then the pool that forward applies after each: read in this order conv2 would
    # take conv1's 28x28x6 and its right 10x10x16 (after a pool) be marked wrong. Each is E060, never prose
    report = homework("Input: 32x32x3\n```python\n        self.conv1 = nn.Conv2d(3, 6, 5)   # output 28x28x6\n        "
                      "self.conv2 = nn.Conv2d(6, 16, 5)   # output 10x10x16\n        self.pool = nn.MaxPool2d(2, 2)\n"
                      "```\n")
    assert list(report.answers) == []
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 3), ("E060", 4)], \
        report.messages()


NUMBERED_LAYERS = "Input: 32x32x3\n1. CONV 5x5, 6 filters, stride 1, pad 0\n2. MAXPOOL 2x2, stride 2\n\nAnswers:\n"


def test_numbered_answers_under_layers_numbered_so_are_each_layers() -> None:
    # layer 1: (32 - 5)/1 + 1 = 28, 28x28x6, (5·5·3 + 1)·6 = 456 parameters; layer 2 halves it: 14x14x6, none (each
    # was E060, saying neither its layer nor its question)
    report = homework(NUMBERED_LAYERS + "1. 28x28x6, 456 params\n2. 14x14x6, 0 params\n")
    assert report.ok and [a.verdict for a in report.answers] == ["right"] * 4, report.messages()
    report = homework(NUMBERED_LAYERS + "1. 28x28x6, 455 params\n2. 13x13x6, 0 params\n")
    assert [a.verdict for a in report.answers] == ["right", "wrong", "wrong", "right"], report.messages()


def test_numbered_answers_under_layers_named_not_numbered_stay_e060() -> None:
    # `CONV1:`, `POOL1:` above: `1.` may number the question as much as the layer
    report = homework("Input: 32x32x3\nCONV1: 5x5, 6 filters, stride 1, pad 0\nPOOL1: 2x2 max pool, stride 2\n\n"
                      "Answers:\n1. 28x28x6\n2. 14x14x6\n")
    assert list(report.answers) == []
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E060", "E060"], report.messages()


@pytest.mark.parametrize("layer", ["FC (2560 → 10) -> params {}", "Dense(2560 -> 10): params {}",
                                   "FC (2560 → 10)\n  Parameters: {}"])
def test_an_fc_layers_inputs_and_outputs_in_its_parentheses(layer: str) -> None:
    # 2,560 inputs to 10 outputs: 2,560·10 + 10 = 25,610 parameters (the arrow inside was read as an answer, the layer
    # 2,560 wide: the right count marked wrong)
    right_then_wrong(f"Input: 16x16x10\n{layer}\n", "25,610", "25,611")


@pytest.mark.parametrize("layer, right, wrong", [
    # 64 3x3 filters, `same`: 32x32 kept, 32x32x64; 6 5x5 filters at stride 1: (32 - 5)/1 + 1 = 28, 28x28x6; a 2x2
    # pool at stride 2 halves 32x32x3: 16x16x3
    ("Conv 3x3 (64 filters, same) -> {}", "32x32x64", "30x30x64"),
    ("conv 5x5 (6 filters, stride 1) -> {}", "28x28x6", "27x27x6"),
    ("Max pool 2x2 (stride 2) -> {}", "16x16x3", "15x15x3"),
])
def test_a_layers_kind_and_size_then_its_description_in_parentheses(layer: str, right: str, wrong: str) -> None:
    # (each was E060: the layer unread)
    right_then_wrong(f"Input: 32x32x3\n{layer}\n", right, wrong)


MOBILE_BLOCK = ("Problem 4 (MobileNet-style block). The input is 56 x 56 x 128.\n\na) Depthwise 3x3 conv, stride 1, "
                "padding 1. Output? 56 x 56 x 128.\nb) Pointwise 1x1 conv with 256 filters. Output? 56 x 56 x 256.\n"
                "c) What is the total number of parameters? {}\n")


def test_a_titled_problem_with_questions_answered_after_their_marks_is_the_lecture_notation() -> None:
    # (read as the spec language: 16 errors; the input after the title was prose). Depthwise 3x3 on 128 channels:
    # 3·3·128 + 128 = 1,280; pointwise: 128·256 + 256 = 33,024; 34,304 in all
    assert detect(MOBILE_BLOCK, "hw.txt") == "lecture"
    for total, verdict in [("34,304", "right"), ("34,305", "wrong")]:
        report = homework(MOBILE_BLOCK.format(total))
        assert [a.verdict for a in report.answers] == ["right", "right", verdict], report.messages()


def test_a_total_of_the_weights_alone_says_the_biases_it_leaves_out() -> None:
    # 3·3·128 + 128·256 = 33,920 weights, and 128 + 256 = 384 biases: the total params 34,304; 33,920 is wrong, and
    # said to be the weights alone
    report = homework(MOBILE_BLOCK.format("33,920"))
    wrong = [a for a in report.answers if a.verdict == "wrong"]
    assert [a.quantity for a in wrong] == ["total params"], report.messages()
    assert wrong[0].reason is not None and wrong[0].reason.startswith("that is the weights alone, without the 384 "
                                                                      "biases")


def test_a_line_dropped_as_prose_moves_the_residual_blocks_below_it_up() -> None:
    # lines 0..5; a block from line 3 with its add at 5, the next block from 6: dropping line 1 moves each up by one
    # (2, 4, 5); then dropping line 3, inside the block, moves its add and the next block's start, not its own start
    import cnncalc.ir as ir
    from cnncalc.diagnostics import Span
    from cnncalc.lecture import _Net
    net = _Net(0)
    net.lines = [ir.Line((), None, Span(i, i)) for i in range(6)]
    net.block_start, net.residuals = 6, [(3, 5)]
    net.drop(1)
    assert (len(net.lines), net.block_start, net.residuals) == (5, 5, [(2, 4)])
    net.drop(3)
    assert (len(net.lines), net.block_start, net.residuals) == (4, 4, [(2, 3)])


def test_a_layer_we_could_use_is_not_taken_for_one_spoken_of_for_comparison() -> None:
    # `We could then use a conv with 10 5x5 filters, …` may be the network's next layer: the output below it is not
    # judged against CONV1 (32x32x16), whose verdict would mark the new layer's right 32x32x10 wrong
    report = homework("Input: 32x32x3\nCONV1: 16 3x3 filters, pad 1 -> 32x32x16\nWe could then use a conv with 10 5x5 "
                      "filters, giving 4,010 parameters.\nOutput: 32x32x10\n")
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "right")], report.messages()
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 4)]


@pytest.mark.parametrize("sheet, row, start, message", [
    ("Input: 56x56x64\nconv_a: 64 3x3 filters, pad 1\nAdd the input (skip connection)\nAdd the input (skip "
     "connection) -> 56x56x64\n", 4, "Add", "a skip connection with no layer since its block's start: it adds nothing"),
    ("Input: 32x32x3\n        self.conv1 = nn.Conv2d(3, 6, 5)   # output 28x28x6\n", 2, "self",
     "the answers in this comment are on a module's layer, whose order in the network its `forward` says: they are "
     "not judged"),
    ("Input: 32x32x3\nconv1: 6 5x5 filters\nParams of block 1: 456\n", 3, "Params",
     "this answer is about `Params of block 1`: cnncalc cannot tell which one layer that is"),
    ("Input: 32x32x3\nconv1: 6 5x5 filters\nIf the stride were 3:\nOutput: 10x10x6\n", 4, "Output",
     "line 3 (`If the stride were 3:`) changes the layer above: this answer may be the changed layer's, and is not "
     "judged"),
    ("Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4\nAnswer: 34944\n", 3, "34944",
     "this answer does not say what it answers: one number is not the volume a conv gives, and may count its "
     "parameters or MACs"),
    ("Input: 32x32x3\nCONV1: 32 3x3 filters, pad 1\nA standard 3x3 conv with 64 filters would have 3*3*3*64 + 64 = "
     "1,792 parameters.\n", 3, "A standard", "`A standard 3x3 conv with 64 filters would have 3*3*3*64 +...` speaks "
     "of a layer the network does not have: its answers are not judged"),
])
def test_this_sessions_new_e060s_at_their_line_and_column_with_their_words(tmp_path: Path, sheet: str, row: int,
                                                                          start: str, message: str) -> None:
    path = tmp_path / "hw.txt"
    path.write_text(sheet)
    result = invoke("check", str(path))
    assert result.exit_code == 1 and "Traceback" not in result.output
    column = sheet.splitlines()[row - 1].index(start) + 1
    assert f"{path}:{row}:{column}: error[E060]: {message}" in result.output, result.output


@pytest.mark.parametrize("line, number", [
    ("FC (99999999999999999999999 → 10) -> params 1", "99999999999999999999999"),
    ("Input: 9999999999999999999 values", "9999999999999999999"),  # 19 digits: one more than the limit
    ("K = 99,999,999,999,999,999,999 filters of 5x5", "99,999,999,999,999,999,999"),
    ("Pool: 2x2 -> 1000000000000000000000x14x6", "1000000000000000000000x14x6"),
])
def test_a_number_longer_than_the_limit_in_an_answer_line_is_e060_at_the_number_not_prose(
        tmp_path: Path, line: str, number: str) -> None:
    # `FC (… → 10) -> params 1` was prose: its answer, wrong for any such layer, passed over unjudged
    sheet = f"Input: 32x32x3\nConv: 6 filters 5x5, stride 1 -> 28x28x6\n{line}\n"
    path = tmp_path / "hw.txt"
    path.write_text(sheet)
    result = invoke("check", str(path))
    assert result.exit_code == 1 and "Traceback" not in result.output
    digits = sum(c.isdigit() for c in number.split("x")[0])
    assert digits > 18  # limits.MAX_LITERAL_DIGITS, as docs/diagnostics.md states it
    assert f"{path}:3:{line.index(number) + 1}: error[E060]: a number of {digits} digits, more than the 18 cnncalc " \
           f"reads: the line is not read, and its answers are not judged" in result.output, result.output


def test_a_layer_with_an_overlong_number_stays_unknown_so_the_answers_under_it_are_not_judged() -> None:
    # the FC layer is unreadable: `Params: 10` under it is its, not the conv's (6*5*5*3 + 6 = 456), and not judged
    report = homework("Input: 32x32x3\nConv: 6 filters 5x5, stride 1 -> 28x28x6\n"
                      "FC: 99999999999999999999999 → 10\nParams: 10\n")
    assert [(a.label, a.verdict) for a in report.answers if a.verdict != "unchecked"] == [("conv1", "right")]
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 3)]


def test_prose_with_a_long_number_and_no_answer_sign_stays_prose() -> None:
    report = homework("Input: 32x32x3\nConv: 6 filters 5x5, stride 1 -> 28x28x6\n"
                      "The number 123456789012345678901234 is large.\nConv: 16 filters 5x5 -> 24x24x16\n")
    # 32 - 5 + 1 = 28; 28 - 5 + 1 = 24
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "right"), ("conv2", "right")]
    assert not [d for d in report.diagnostics if d.severity == "error"], report.messages()


# A layer of 8 4x4 filters at stride 2, pad 1 on 32x32x3: (32 - 4 + 2·1)/2 + 1 = 16, a 16x16x8 output with
# 4·4·3·8 + 8 = 392 parameters; the 2x2 pool at stride 2 after it gives (16 - 2)/2 + 1 = 8, 8x8x8.
@pytest.mark.parametrize("layer", [
    "Layer 1: CONV (8 filters, 4x4, stride 2, pad 1)",  # was E060 `expected the number of filters`
    "Layer 1: CONV(8 filters, 4x4, stride 2, pad 1)",
    "### Layer 1: CONV (8 filters, 4x4, stride 2, pad 1)",  # a markdown heading: was a comment, the answers E060
    "### CONV1: 8 filters 4x4, stride 2, pad 1",
    "## Layer 1: conv, 8 filters 4x4, stride 2, pad 1",
])
@pytest.mark.parametrize("answer, right, wrong", [("Output: {}", "16x16x8", "16x16x6"),
                                                  ("**Parameters:** {}", "392", "384")])
def test_a_layer_numbered_with_its_kind_in_parentheses_or_in_a_heading_is_read(layer: str, answer: str, right: str,
                                                                               wrong: str) -> None:
    right_then_wrong(f"Input: 32x32x3\n{layer}\n{answer}\n", right, wrong)


@pytest.mark.parametrize("heading", ["### Conv layer", "## Problem 2: conv layer with 3x3 filters"])
def test_a_heading_that_reads_as_no_whole_layer_stays_a_heading(heading: str) -> None:
    # the answers under it are not judged against the input (or a layer above): E060, as before
    report = homework(f"Input: 32x32x3\n{heading}\nOutput: 16x16x8\n")
    assert [a.verdict for a in report.answers if a.verdict != "unchecked"] == [], report.messages()
    assert [d.code for d in report.diagnostics if d.severity == "error"][:1] == ["E060"], report.messages()


LAYER_BLOCKS = ("{}Layer 1: CONV (8 filters, 4x4, stride 2, pad 1)\nInput: 32x32x3\nOutput: 16x16x8\nParameters: 392\n"
                "\nLayer 2: POOL (2x2, stride 2)\nInput: {}\nOutput: 8x8x8\n")


def test_an_input_stated_under_the_first_layer_before_its_answers_is_the_networks() -> None:
    # each layer's block states its input, then its output and parameters (it was the E024 of a layer with no input,
    # and a network of its own from the input on: every answer unjudged)
    report = homework(LAYER_BLOCKS.format("", "16x16x8"))
    assert [(a.label, a.verdict) for a in report.answers] == [("conv1", "right"), ("conv1", "right"),
                                                              ("pool2", "right"), ("pool2", "right")], report.messages()
    assert not report.diagnostics or all(d.severity != "error" for d in report.diagnostics), report.messages()
    # the second block's input is what the conv gives, 16x16x8: another is wrong
    wrong = homework(LAYER_BLOCKS.format("", "16x16x6"))
    assert [(a.label, a.quantity, a.verdict) for a in wrong.answers if a.verdict == "wrong"] == \
        [("pool2", "input", "wrong")], wrong.messages()


def test_an_input_under_a_layer_with_no_answer_below_it_still_starts_a_network(tmp_path: Path) -> None:
    # two examples one after the other: the layer of the first (no input), then the second's input and its layer
    path = tmp_path / "hw.txt"
    path.write_text("Layer 1: CONV (8 filters, 4x4, stride 2, pad 1)\nInput: 32x32x3\nConv: 6 5x5 filters\n"
                    "Output: 28x28x6\n")  # (32 - 5)/1 + 1 = 28: right on the second network's input
    result = invoke("check", str(path), "--format", "json")
    networks = json.loads(result.output)["networks"]
    assert [[e["verdict"] for e in n["expectations"]] for n in networks] == [[], ["right"]], result.output
    assert [d["code"] for d in networks[0]["diagnostics"]] == ["E024"], result.output


# MobileNet's pair on 112x112x32: the depthwise 3x3 (pad 1) keeps 112x112x32 with 3·3·32 = 288 weights and 32 biases,
# 320 parameters; the pointwise 1x1 with 64 filters gives 112x112x64 with 32·64 + 64 = 2,112
@pytest.mark.parametrize("layer, right, wrong", [
    ("PW conv 1x1, 64 filters -> 112x112x64, params {}", "2,112", "2,048"),  # was E060
    ("pw 1x1, 64 filters -> 112x112x64, params {}", "2,112", "2,048"),
    ("Conv pw 1x1, 64 filters -> 112x112x64, params {}", "2,112", "2,048"),
    ("DWConv 3x3, pad 1 -> 112x112x32, params {}", "320", "9,248"),  # 9,248 = 3·3·32·32 + 32, a full conv's
])
def test_mobilenets_pw_and_dwconv_abbreviations(layer: str, right: str, wrong: str) -> None:
    for count, verdicts in [(right, ["right", "right"]), (wrong, ["right", "wrong"])]:
        report = homework("Input: 112x112x32\n" + layer.format(count) + "\n")
        assert [a.verdict for a in report.answers] == verdicts, report.messages()


# a 3x3 conv of 8 filters, pad 1, on 112x112x4: 112x112x8, 3·3·4·8 = 288 weights and 8 biases, 296 parameters
PARTS_LINE = "Input: 112x112x4\nConv 3x3, 8 filters, pad 1 -> 112x112x8, params 296 {}\n"


@pytest.mark.parametrize("parts, verdicts", [
    ("(288 weights + 8 biases)", ["right"] * 4),  # was E060: the line's answers, its output too, not judged
    ("(288 weights + 9 biases)", ["right", "right", "right", "wrong"]),
    ("(288 + 8)", ["right", "right"]),
    ("(3*3*4*8 + 8)", ["right", "right"]),
])
def test_a_count_after_an_arrow_with_its_parts_or_working_in_parentheses(parts: str, verdicts: list[str]) -> None:
    report = homework(PARTS_LINE.format(parts))
    assert [a.verdict for a in report.answers] == verdicts, report.messages()


def test_a_parenthesised_working_after_an_arrowed_count_is_checked_as_a_working() -> None:
    report = homework(PARTS_LINE.format("(288 + 9)"))  # 288 + 9 = 297, not the 296 it explains
    assert [a.verdict for a in report.answers] == ["right", "right"]
    assert [(d.code, d.line) for d in report.diagnostics] == [("E046", 2)], report.messages()
    assert "288 + 9 is 297" in report.diagnostics[0].message


@pytest.mark.parametrize("line, verdict", [
    # LeNet's C1 on 32x32x1: 28x28x6 with 5·5·1·6 + 6 = 156 parameters; its MACs 28·28·6·25 = 117,600
    ("Conv1: 6 filters, $5 \\times 5$, stride 1 $\\rightarrow$ $28 \\times 28 \\times 6$", "right"),  # was E060
    ("Conv1: 6 filters, $5 \\times 5$, stride 1 $\\to$ $28 \\times 28 \\times 6$", "right"),
    ("Conv1: 6 filters, $5 \\times 5$, stride 1 $\\Rightarrow$ $24 \\times 24 \\times 6$", "wrong"),
    ("Conv1: 6 filters, $5 \\times 5$, stride 1 $\\longrightarrow$ $28 \\times 28 \\times 8$", "wrong"),
])
def test_latex_arrows_between_a_layer_and_its_output(line: str, verdict: str) -> None:
    report = homework(f"Input: $32 \\times 32 \\times 1$\n{line}\n")
    assert [a.verdict for a in report.answers] == [verdict], report.messages()


@pytest.mark.parametrize("line, verdict", [
    ("MACs ~ 118K", "right"),  # was prose: a wrong one passed unjudged
    ("MACs ~ 200K", "wrong"),
    ("MACs $\\approx$ 118K", "right"),
    ("MACs $\\approx$ 90K", "wrong"),
    ("Params ~ 156", "right"),
    ("Params ~ 1560", "wrong"),
])
def test_a_tilde_between_a_count_and_its_word_says_approximately(line: str, verdict: str) -> None:
    report = homework(f"Input: 32x32x1\nConv1: 6 filters 5x5\n{line}\n")  # 117,600 MACs, 156 parameters
    assert [a.verdict for a in report.answers] == [verdict], report.messages()


# a problem told in a sentence: 32 3x3 filters at stride 2, no padding, on 127x127x3: (127 - 3)/2 + 1 = 63, a 63x63x32
# output with 3·3·3·32 + 32 = 896 parameters
TOLD_127 = ("An input volume of 127x127x3 goes through a convolutional layer with 32 filters of size 3x3, stride 2 and "
            "no padding. {}\n")


@pytest.mark.parametrize("sentence, right, wrong", [
    ("The layer has {} parameters.", "896", "900"),  # was passed over: the wrong count passed, exit 0
    ("The layer has 3*3*3*32 + 32 = {} parameters.", "896", "864"),  # 864: the weights alone
    ("The output volume is 63x63x32. The layer has {} parameters.", "896", "900"),  # was E060, the count unjudged
    ("The output volume is {}. It has 896 parameters.", "63x63x32", "62x62x32"),
    ("Hence the output volume is {}.", "63x63x32", "61x61x32"),
])
def test_a_problem_told_in_a_sentence_then_its_answers_each_in_a_sentence(sentence: str, right: str,
                                                                          wrong: str) -> None:
    for said, verdict in [(right, "right"), (wrong, "wrong")]:
        report = homework(TOLD_127.format(sentence.format(said)))
        assert verdict in [a.verdict for a in report.answers], report.messages()
        assert {a.verdict for a in report.answers} <= {"right", verdict}, report.messages()


def test_a_count_inside_a_problem_told_in_a_sentence_is_never_passed_over() -> None:
    # `… and it has 900 parameters.` within the problem's sentence: it was passed over (900 is wrong, 896 right)
    report = homework("An input volume of 127x127x3 goes through a convolutional layer with 32 filters of size 3x3, "
                      "stride 2 and no padding and it has 900 parameters.\n")
    assert not [a for a in report.answers if a.verdict == "right"]
    assert ("E060", "cnncalc cannot tell which part of this problem told in a sentence this count answers, so it is "
            "not judged") in [(d.code, d.message) for d in report.diagnostics], report.messages()


@pytest.mark.parametrize("line", ["There are 3*3*3*32 + 32 = 900 parameters.",  # was prose: the wrong count passed
                                  "There are (3*3*3 + 1)*32 = 896 parameters."])
def test_there_are_with_a_working_is_e060_as_without_it(line: str) -> None:
    # of what is not said (the layer above, or the network so far?), as `There are 896 parameters.` is not
    report = homework(f"Input: 127x127x3\nConv: 32 filters 3x3, stride 2\n{line}\n")
    assert report.answers == [] or all(a.verdict == "unchecked" for a in report.answers), report.messages()
    assert [(d.code, d.line) for d in report.diagnostics] == [("E060", 3)], report.messages()


@pytest.mark.parametrize("tail", [", resulting in {}.", ", leading to a {} volume.", "; the activation map is {}.",
                                  " -> {}", ", which outputs {}.", " and outputs a {} volume."])
def test_a_volume_after_a_problem_told_in_a_sentence_is_its_answer(tail: str) -> None:
    # each was passed over, a wrong output with exit 0: (127 - 3)/2 + 1 = 63, so 63x63x32, not 60x60x32
    sentence = ("An input volume of 127x127x3 goes through a convolutional layer with 32 filters of size 3x3, "
                "stride 2 and no padding" + tail + "\n")
    right_then_wrong(sentence, "63x63x32", "60x60x32")


def test_a_stride_told_as_each_sides_in_a_sentence_is_read() -> None:
    # `stride 2x2` was passed over, the stride 1: (33 - 3)/1 + 1 = 31 passed and (33 - 3)/2 + 1 = 16 was marked wrong
    right_then_wrong("An input of 33x33x3 goes through a conv with 8 filters of size 3x3, stride 2x2. The output is "
                     "{}.\n", "16x16x8", "31x31x8")


def test_a_volume_before_the_layer_in_a_problem_told_in_a_sentence_is_e060() -> None:
    report = homework("A 60x60x3 thing and an input of 33x33x3 goes through a conv with 8 filters of size 3x3.\n")
    assert ("E060", "cnncalc does not read `60x60x3` in this problem told in a sentence, so the layer is not judged") \
        in [(d.code, d.message) for d in report.diagnostics], report.messages()


# 8 5x5 filters on 32x32x3 with a padding of 2: (32 - 5 + 2·2)/1 + 1 = 32, so 32x32x8 (without it, 28x28x8)
@pytest.mark.parametrize("padding", ["with 2 pixels of zero padding", "with 2 pixels of zero-padding",
                                     "padded with 2 zeros on each side"])
def test_a_padding_told_in_pixels_or_zeros_is_read(padding: str) -> None:
    # each was passed over, the padding 0: the right 32x32x8 marked wrong, the wrong 28x28x8 right
    right_then_wrong(f"An input of 32x32x3 goes through a conv with 8 filters of size 5x5 {padding}. The output is "
                     "{}.\n", "32x32x8", "28x28x8")


@pytest.mark.parametrize("setting", ["moving 2 pixels at a time", "with a border of 2 zeros", "with a step of 2"])
def test_a_number_that_may_set_a_told_layer_and_is_not_read_is_e060(setting: str) -> None:
    # it was passed over and the layer judged without it (stride 1, no padding)
    report = homework(f"An input of 32x32x3 goes through a conv with 8 filters of size 5x5 {setting}. The output is "
                      "28x28x8.\n")
    assert not [a for a in report.answers if a.verdict in ("right", "wrong")], report.messages()
    assert ("E060", "cnncalc does not read what `2` sets in this problem told in a sentence, so the layer is not "
            "judged") in [(d.code, d.message) for d in report.diagnostics], report.messages()


# after a conv that keeps 64x64x16, a 2x2 max pool at stride 2 gives (64 - 2)/2 + 1 = 32: 32x32x16
Q_AND_A = ("Input image: 64x64x3\nQ1. Conv layer with 16 filters of size 5x5, stride 1, padding 2. What is the output "
           "volume?\nA1. 64x64x16\n{}\n")


@pytest.mark.parametrize("pool, answer", [
    ("Q3. Max pool 2x2, stride 2.", "A3. {}"),  # `A3.` with a full stop: the answer was prose, a wrong one passed
    ("Q3. A 2x2 max pool with stride 2 follows.", "A3) {}"),
    ("Q3. A 2x2 max pool with stride 2 follows.", "Ans. {}"),
    ("Q3. A 2x2 max pool with stride 2 follows.", "A3. Output: {}"),  # was E060
    ("Q3. A 2x2 max pool with stride 2 follows. Output volume?", "A3. {}"),  # was E060: `follows` before the question
    ("A 2x2 max pool with stride 2 is applied next. What is its output?", "A3. {}"),
])
def test_a_numbered_answer_after_a_full_stop_and_a_layer_that_follows_before_its_question(pool: str,
                                                                                         answer: str) -> None:
    sheet = Q_AND_A.format(f"{pool}\n{answer}")
    for said, verdicts in [("32x32x16", ["right", "right"]), ("30x30x16", ["right", "wrong"])]:
        report = homework(sheet.replace("{}", said))
        assert [a.verdict for a in report.answers] == verdicts, report.messages()


# 8 5x5 filters on 32x32x3 with a padding of 2: (32 - 5 + 2·2)/1 + 1 = 32, so 32x32x8
@pytest.mark.parametrize("layer", ["CONV1: 8 filters 5x5, 2 pixels of padding",  # each was E060
                                   "CONV1: 8 filters 5x5, padded with 2 zeros",
                                   "Layer 1: CONV with 8 filters 5x5 and 2 pixels of zero padding",
                                   "The first layer is a convolution with 8 filters of size 5x5 and 2 pixels of zero "
                                   "padding.",
                                   "CONV1: 8 filters 5x5, 2 pixels of zero-padding, stride 1"])
def test_a_padding_in_pixels_or_zeros_on_a_layers_line(layer: str) -> None:
    right_then_wrong(f"Input: 32x32x3\n{layer}\nOutput: {{}}\n", "32x32x8", "28x28x8")


def test_a_numbered_answer_past_the_last_numbered_layer_is_e060() -> None:
    # (32 - 3)/1 + 1 = 30, then (30 - 2)/2 + 1 = 15: the two answers are right; `3. 99x99x99` answers no layer (it was
    # prose: a wrong answer passed with exit 0)
    report = homework("Input: 32x32x3\n1. CONV: 8 3x3 filters\n2. POOL: 2x2 max pool, stride 2\n\nAnswers:\n"
                      "1. 30x30x8\n2. 15x15x8\n3. 99x99x99\n")
    assert [a.verdict for a in report.answers] == ["right", "right"], report.messages()
    assert [(d.code, d.line, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 8, "no layer numbered 3 above to give this answer to")], report.messages()


# CONV1, 16 5x5 filters with pad 2 on 32x32x3: 5·5·3·16 = 1,200 weights and 16 biases, 1,216 parameters
@pytest.mark.parametrize("sentence, verdicts", [
    ("The conv layer has 1200 weights and 16 biases.", {"weights": "right", "biases": "right"}),  # was prose
    ("The conv layer has 1201 weights and 16 biases.", {"weights": "wrong", "biases": "right"}),
    ("The FC layer has 1200 weights and 16 biases.", {}),  # no FC above: E060 (below), never CONV1's
    ("It has 1200 weights plus 16 biases.", {"weights": "right", "biases": "right"}),  # was prose
    ("It has 1200 weights plus 17 biases.", {"weights": "right", "biases": "wrong"}),
    ("The layer has 1200 weights and 16 biases, 1216 parameters in total.",  # was prose
     {"weights": "right", "biases": "right", "params": "right"}),
    ("The layer has 1200 weights and 16 biases, 1217 parameters in total.",
     {"weights": "right", "biases": "right", "params": "wrong"}),
])
def test_a_layers_weights_and_biases_said_in_a_sentence(sentence: str, verdicts: dict[str, str]) -> None:
    report = homework(f"Input: 32x32x3\nCONV1: 16 filters 5x5, stride 1, pad 2\n{sentence}\n")
    assert {a.quantity: a.verdict for a in report.answers} == verdicts, report.messages()
    assert len(report.answers) == len(verdicts)
    if not verdicts:
        assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E060"], report.messages()


def test_a_problem_told_in_a_sentence_ending_in_a_number_and_learnable_is_no_crash() -> None:
    # `… and 5 learnable` at the line's end: the word after `learnable` was read past the end (an IndexError)
    report = homework("An input of 32x32x3 goes through a conv with 8 filters of size 3x3 and 5 learnable\n")
    assert not report.answers, report.messages()


@pytest.mark.parametrize("word", ["DWConv", "dwconv", "PW"])
def test_a_depthwise_or_pointwise_word_alone_under_an_input_is_no_crash(word: str) -> None:
    # `DWConv` alone: the filters' reader looked past the line's one word (an IndexError once `dwconv` said depthwise)
    report = homework(f"Input: 112x112x32\n{word}\n")
    assert not report.answers, report.messages()


# CONV1: 96 11x11 filters on 227x227x3: 96 filters of 11·11·3 weights; PyTorch keeps them as (96, 3, 11, 11), Keras as
# (11, 11, 3, 96)
@pytest.mark.parametrize("line, verdict", [
    ("Weight shape: 96x3x11x11", "right"),  # was prose: a wrong one passed
    ("Weights shape: 11x11x3x96", "right"),
    ("Kernel shape: (96, 3, 11, 11)", "right"),
    ("Weight shape: 3x96x11x11", "wrong"),  # the channel counts swapped
    ("Weight shape: 96x3x11x12", "wrong"),
    ("Kernel shape: 11x11x3", "right"),  # one filter's, as before
])
def test_a_convolutions_weight_shape(line: str, verdict: str) -> None:
    report = homework(f"Input: 227x227x3\nCONV1: 96 filters 11x11, stride 4, pad 0\n{line}\n")
    assert [a.verdict for a in report.answers] == [verdict], report.messages()


def test_a_depthwise_weight_shape_in_keras_order_is_its_channels_then_its_multiplier() -> None:
    # 32 channels, one 3x3 filter each: PyTorch (32, 1, 3, 3), Keras' DepthwiseConv2D (3, 3, 32, 1), not (3, 3, 1, 32)
    sheet = "Input: 56x56x32\nDW1: depthwise conv 3x3, pad 1\nWeight shape: {}\n"
    for said, verdict in [("32x1x3x3", "right"), ("3x3x32x1", "right"), ("3x3x1x32", "wrong")]:
        report = homework(sheet.format(said))
        assert [a.verdict for a in report.answers] == [verdict], (said, report.messages())


@pytest.mark.parametrize("sheet", ["Input: 6x6x256\nFC6: 4096 neurons\nWeight shape: 4096x9216\n",
                                   "Input: 227x227x3\nCONV1: 96 filters 11x11, stride 4\nWeight shape: 11x11x3\n"])
def test_a_weight_shape_of_other_than_four_sizes_is_e060(sheet: str) -> None:
    # an FC layer's (4096, 9216) matrix was judged as one neuron's shape, 6x6x256, and a right answer marked wrong
    report = homework(sheet)
    assert not report.answers, report.messages()
    assert [d.code for d in report.diagnostics] == ["E060"], report.messages()


def test_a_layers_weights_under_filter_shape_stay_e060() -> None:
    report = homework("Input: 227x227x3\nCONV1: 96 filters 11x11, stride 4, pad 0\nFilter shape: 96x3x11x11\n")
    assert [(d.code, d.message) for d in report.diagnostics] == [
        ("E060", "`96x3x11x11` is the whole layer's weights, not one filter's shape")]


@pytest.mark.parametrize("problem, said", [
    # the padding without its amount was read as none: the right 64x64x16 (a padding of 1) marked wrong
    ("An input of 64x64x3 goes through a 3x3 conv with 16 filters, stride 1, and the padding that keeps the size.",
     "cnncalc does not read how much `padding` this problem told in a sentence says, so the layer is not judged"),
    # a stride for each direction was read as one stride for both
    ("An input of 64x64x3 goes through a conv with 16 filters of size 3x3 and stride 2 horizontally, 1 vertically.",
     "cnncalc does not read what `1` sets in this problem told in a sentence, so the layer is not judged"),
])
def test_a_told_setting_cnncalc_cannot_read_leaves_the_layer_unknown_on_its_input(problem: str, said: str) -> None:
    report = homework(f"{problem} The output is 64x64x16.\nParams: 448\n")
    assert [a.verdict for a in report.answers] == ["unchecked", "unchecked"], report.messages()
    # its one E060: the input stands (no E020), and the answers after it rest on the unknown layer
    assert [(d.code, d.message) for d in report.diagnostics if d.severity == "error"] == [("E060", said)]


@pytest.mark.parametrize("step", ["Step 1: CONV1 with 96 kernels of size 11 x 11 x 3, stride 4, no padding.",
                                  "Step 1: CONV1: 96 filters of size 11x11, stride 4"])
def test_a_step_number_before_a_named_layer(step: str) -> None:
    # (227 - 11)/4 + 1 = 55: `Step 1:` was read as the layer's name and `CONV1 …` as its description (E060)
    right_then_wrong(f"Input: 227 x 227 x 3\n{step}\n  - Output volume: {{}}\n", "55x55x96", "56x56x96")


@pytest.mark.parametrize("line", ["params 608 (600 weights + {} biases)", "-> params 608 (600 weights + {} biases)"])
def test_a_count_without_its_colon_with_its_parts_in_parentheses(line: str) -> None:
    # CONV1, 8 5x5 filters on 32x32x3: 5·5·3·8 = 600 weights and 8 biases, 608 parameters; the parts were dropped
    # without the count's colon (a wrong bias count passed)
    sheet = "Input: 32x32x3\nCONV1: 8 filters 5x5\n" + line + "\n"
    for biases, verdicts in [("8", ["right"] * 3), ("9", ["right", "right", "wrong"])]:
        report = homework(sheet.format(biases))
        assert [a.verdict for a in report.answers] == verdicts, report.messages()


@pytest.mark.parametrize("sheet, row, start, message", [
    ("Input: 32x32x3\nConv: 6 filters 5x5, stride 1 -> 28x28x6\nFC (99999999999999999999999 → 10) -> params 1\n", 3,
     "999", "a number of 23 digits, more than the 18 cnncalc reads: the line is not read, and its answers are not "
            "judged"),
    ("An input volume of 127x127x3 goes through a convolutional layer with 32 filters of size 3x3, stride 2 and no "
     "padding and it has 900 parameters.\n", 1, "900", "cnncalc cannot tell which part of this problem told in a "
                                                       "sentence this count answers, so it is not judged"),
    ("A 60x60x3 thing and an input of 33x33x3 goes through a conv with 8 filters of size 3x3.\n", 1, "60x60x3",
     "cnncalc does not read `60x60x3` in this problem told in a sentence, so the layer is not judged"),
    ("An input of 32x32x3 goes through a conv with 8 filters of size 5x5 moving 2 pixels at a time.\n", 1, "2 pixels",
     "cnncalc does not read what `2` sets in this problem told in a sentence, so the layer is not judged"),
    ("An input of 64x64x3 goes through a 3x3 conv with 16 filters, stride 1, and the padding that keeps the size.\n",
     1, "padding that", "cnncalc does not read how much `padding` this problem told in a sentence says, so the layer "
                        "is not judged"),
    ("Input: 32x32x3\n1. CONV: 8 3x3 filters\n2. POOL: 2x2 max pool, stride 2\n\nAnswers:\n1. 30x30x8\n2. 15x15x8\n"
     "3. 99x99x99\n", 8, "3.", "no layer numbered 3 above to give this answer to"),
    ("Input: 6x6x256\nFC6: 4096 neurons\nWeight shape: 4096x9216\n", 3, "4096x9216",
     "cnncalc judges a weight shape of four numbers, a convolution's, not `4096x9216`"),
    ("Input: 32x32x3\nCONV1: 8 filters 5x5\nWeights shape: [0, 3, 11, 11]\n", 3, "[",
     "`0x3x11x11` is not a weight shape"),
])
def test_this_sessions_e060s_at_their_line_and_column_with_their_words(tmp_path: Path, sheet: str, row: int,
                                                                      start: str, message: str) -> None:
    path = tmp_path / "hw.txt"
    path.write_text(sheet)
    result = invoke("check", str(path))
    assert result.exit_code == 1 and "Traceback" not in result.output
    column = sheet.splitlines()[row - 1].index(start) + 1
    assert f"{path}:{row}:{column}: error[E060]: {message}" in result.output, result.output


@pytest.mark.parametrize("answer", ["output = (28-5)/1+1 = 24 -> {}", "output = (28 - 5 + 2*0)/1 + 1 = 24 → {}",
                                    "size: (28-5)/1+1 = 24 -> {}", "shape = (28-5)/1+1 = 24 -> {}"])
def test_a_worked_output_under_a_layer_whose_description_ends_in_a_hanging_word(answer: str) -> None:
    # (28 - 5)/1 + 1 = 24 and 6 filters: 24x24x6. `…, no padding` ends in a word a wrapped sentence may go on from:
    # the line below was joined to it (its working read as the layer's options, E060), or `size:` read as a layer
    sheet = ("Input: 28x28x1\n\nconv1: 6 filters 5x5, stride 1, no padding\n  " + answer +
             "\n  params = (5*5*1+1)*6 = 156\n")
    for volume, verdict in [("24x24x6", "right"), ("24x24x5", "wrong")]:
        report = homework(sheet.format(volume))
        assert [a.verdict for a in report.answers] == [verdict, "right"], report.messages()
        assert not [d for d in report.diagnostics if d.code == "E060"], report.messages()


@pytest.mark.parametrize("line", ["size: {}, params 156", "Shape: {} (params: 156)", "Volume: {}, 156 params",
                                  "Dimensions: {}; params = 156", "Feature maps: {}, params 156", "A: {}, 156 params",
                                  "Shape: {}, more or less"])
def test_a_volume_after_shape_or_size_with_more_after_it(line: str) -> None:
    # conv1, 6 5x5 filters on 28x28x1, no padding: (28 - 5)/1 + 1 = 24, 24x24x6, (5·5·1 + 1)·6 = 156 parameters; after
    # `Shape:`, `Size:` (not `Output:`) a volume with anything after it was prose, a wrong answer passed over
    counted = "156" in line
    for volume, verdict in [("24x24x6", "right"), ("24x24x7", "wrong")]:
        report = homework("Input: 28x28x1\nconv1: 6 filters 5x5, stride 1, no padding\n" + line.format(volume) + "\n")
        assert [a.verdict for a in report.answers] == [verdict, "right"][:1 + counted], report.messages()
    if counted:  # the count judged too
        wrong = homework("Input: 28x28x1\nconv1: 6 filters 5x5, stride 1, no padding\n" +
                         line.format("24x24x6").replace("156", "157") + "\n")
        assert [a.verdict for a in wrong.answers] == ["right", "wrong"], wrong.messages()


@pytest.mark.parametrize("line", ["layer 2: flatten => {}", "Layer 2: Flatten -> {}", "Layer 2: Flatten\n  output: {}"])
def test_a_flatten_numbered_in_words(line: str) -> None:
    # 16 3x3 filters with pad 1 on 8x8x64 keep 8x8, 8x8x16; flattened 8·8·16 = 1,024 values (`Layer 2: flatten`
    # was E060)
    right_then_wrong("Input: 8x8x64\nlayer 1: conv 3x3, 16 filters, padding 1\n" + line + "\n", "1024", "1023")


@pytest.mark.parametrize("name", ["GlobalAvgPool", "GlobalAveragePooling2D", "GlobalMaxPool", "GlobalMaxPooling2D:",
                                  "GAP", "GMP"])
@pytest.mark.parametrize("above", ["Conv1: 64 filters 3x3, pad 1", "MaxPool(2x2, s=2)", "max pool 2x2, stride 2"])
def test_a_global_pool_in_one_word_after_a_layer(name: str, above: str) -> None:
    # a global pool leaves one value per channel: 1x1x64 after 64 filters (pad 1 keeps 16x16), 1x1x3 after a pool of
    # the 3-channel input; in one word it was E060, and after a window's pool it was read as that pool's answer again
    depth = "64" if above.startswith("Conv") else "3"
    for said, verdict in [(f"1x1x{depth}", "right"), (f"2x1x{depth}", "wrong")]:
        report = homework(f"Input: 16x16x3\n{above}\n{name} -> {said}\n")
        assert [a.verdict for a in report.answers] == [verdict], report.messages()


@pytest.mark.parametrize("line", ["Conv(32, 3x3, s=1, p=1) -> {}", "conv (32, 3x3, stride 1, pad 1) -> {}",
                                  "Conv 32, 3x3, stride 1, pad 1 -> {}", "Conv: 32, 3x3, stride 1, pad 1 -> {}"])
def test_a_convolution_with_its_count_bare_before_its_size(line: str) -> None:
    # 32 3x3 filters with pad 1 on 8x8x64 keep 8x8: 8x8x32 (the count bare before the size was E060)
    right_then_wrong("Input: 8x8x64\n" + line + "\n", "8x8x32", "8x8x64")


@pytest.mark.parametrize("name", ["maxpool —", "**maxpool** —", "max pool –"])
def test_a_layer_named_by_its_kind_alone_then_a_dash(name: str) -> None:
    # a 2x2 pool at stride 2 halves 8x8x64: (8 - 2)/2 + 1 = 4, 4x4x64 (a dash after the kind alone was E060)
    right_then_wrong(f"Input: 8x8x64\n{name} 2x2, stride 2\n- output: {{}}\n", "4x4x64", "5x5x64")


@pytest.mark.parametrize("pool", ["Max pool, kernel 2, stride 2", "Max pool with kernel 2 and stride 2",
                                  "Max pool: kernel 2, stride 2", "MaxPool kernel=2 stride=2",
                                  "Max pooling (kernel 2, stride 2)", "Max pooling (size 2, stride 2)"])
def test_a_pools_window_said_as_its_kernel(pool: str) -> None:
    # a 2x2 window at stride 2 on 28x28x8: (28 - 2)/2 + 1 = 14, 14x14x8 (`kernel 2` was E060, the pool unread)
    right_then_wrong(f"Input: 28x28x8\n{pool}\n=> {{}}\n", "14 x 14 x 8", "13 x 13 x 8")


@pytest.mark.parametrize("line", ["conv3-64, pad 1: {}", "conv3-64, pad 1 -> {}", "conv3-64, same: {}",
                                  "conv3-64, pad 1: {}, params = (3*3*3+1)*64 = 1792"])
def test_a_vgg_name_with_what_it_says_after_a_comma(line: str) -> None:
    # the VGG paper's conv3-64: 64 3x3 filters padded by 1, which keep 32x32: 32x32x64 ((3·3·3 + 1)·64 = 1,792
    # parameters); after a comma the padding said again was prose (a wrong answer passed over) or E060
    counted = "params" in line
    for volume, verdict in [("32x32x64", "right"), ("32x32x65", "wrong")]:
        report = homework(f"Input: 32x32x3\n{line.format(volume)}\n")
        assert [a.verdict for a in report.answers] == [verdict, "right"][:1 + counted], report.messages()


@pytest.mark.parametrize("line", ["conv3-64, pad 0: 30x30x64", "conv3-64 (pad 0): 30x30x64",
                                  "Conv: 64 3x3 filters, pad 1, pad 0: 30x30x64", "64 3x3 filters, pad 1, pad 0: 1792",
                                  "max pool 2x2, stride 2, stride 3: 16x16x3"])
def test_a_statement_that_does_not_read_with_an_answer_after_its_colon(line: str) -> None:
    # each says a layer in words cnncalc reads, with a setting twice or against its VGG name (3x3 filters padded by
    # 1): it was prose, the answer after its colon passed over; now E060, the layer unknown, the answer below on it
    # not judged (the 2x2 pool below is not judged on the input: 16x16x3 would have been right)
    report = homework(f"Input: 32x32x3\n{line}\nmax pool 2x2, stride 2 -> 16x16x3\n")
    assert [(d.code, d.line, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", 2, f"cnncalc cannot read `{line}` as a layer: its answers are not judged, nor those after it")]
    assert [a.verdict for a in report.answers] == ["unchecked"], report.messages()


@pytest.mark.parametrize("problem", [
    "1) Input 39x39x3. Conv layer: 10 filters, 3x3, stride 1, no padding. Output?  {}",
    "1. Input 39x39x3. Conv layer: 10 filters, 3x3, stride 1, no padding. Output?  {}",
    "(1) The input is 39x39x3. A conv layer has 10 filters of size 3x3, stride 1, no padding. Output? {}",
    "The input is 39x39x3. A conv layer uses 10 filters of size 3x3, stride 1, no padding. What is the output? {}"])
def test_a_numbered_problem_that_gives_its_input_in_its_first_sentence(problem: str) -> None:
    # 10 3x3 filters unpadded on 39x39x3: (39 - 3)/1 + 1 = 37, 37x37x10 (after the problem's number the input's
    # sentence was not cut from the layer's, and `A conv layer has …` did not state one: E020 and E060)
    right_then_wrong(problem + "\n", "37x37x10", "37x37x11")


# an architecture of unnamed layers on 64x64x3, answered below by cnncalc's own names for them: 5x5 pad 2 keeps 64,
# (5·5·3 + 1)·16 = 1,216; the pool halves it, 32x32x16; 3x3 pad 1 keeps 32, (3·3·16 + 1)·32 = 4,640; pooled 16x16x32;
# (16·16·32 + 1)·100 = 819,300; (100 + 1)·10 = 1,010; 826,166 in all
UNNAMED_ARCHITECTURE = ("Question 1: Consider a CNN with the following architecture for 64x64 RGB images:\n"
                        "- CONV: 16 filters, 5x5, stride 1, padding 2\n- ReLU\n- MAXPOOL: 2x2, stride 2\n"
                        "- CONV: 32 filters, 3x3, stride 1, padding 1\n- ReLU\n- MAXPOOL: 2x2, stride 2\n- FC: 100\n"
                        "- FC: 10\n\n")


def test_answers_listed_by_name_under_a_heading_for_each_layer() -> None:
    # `- CONV1: 64x64x16` under `Output dimensions after each layer:` was read as CONV1 stated again (E060), and so
    # was every line below; `Total:` under the counts' heading was a total that does not say what it counts
    sheet = (UNNAMED_ARCHITECTURE + "(a) Output dimensions after each layer:\n- CONV1: 64x64x16\n- MAXPOOL1: 32x32x16\n"
             "- CONV2: {conv2}\n- MAXPOOL2: 16x16x32\n- FC1: 100\n- FC2: 10\n\n(b) Number of parameters per layer:\n"
             "- CONV1: 5*5*3*16 + 16 = 1216\n- CONV2: 3*3*16*32 + 32 = 4640\n- FC1: 16*16*32*100 + 100 = {fc1}\n"
             "- FC2: 100*10 + 10 = 1010\nTotal: {total}\n")
    right = homework(sheet.format(conv2="32x32x32", fc1="819300", total="826166"))
    assert right.ok and len(right.answers) == 11, right.messages()
    assert {(a.path, a.quantity) for a in right.answers} >= {("conv2", "output"), ("fc1", "params"),
                                                              ("maxpool2", "output")}
    wrong = homework(sheet.format(conv2="32x32x33", fc1="819301", total="826167"))
    assert sorted((a.path, a.quantity) for a in wrong.answers if a.verdict == "wrong") == [
        ("", "total params"), ("conv2", "output"), ("fc1", "params")], wrong.messages()


@pytest.mark.parametrize("line, verdict", [("CONV2 output: 32x32x32", "right"), ("CONV2 output: 32x32x33", "wrong"),
                                           ("MAXPOOL1: 32x32x16", "right"), ("CONV2 params: 4641", "wrong")])
def test_a_kind_and_its_number_in_one_word_names_the_unnamed_layer_so_counted(line: str, verdict: str) -> None:
    # on a sheet that names no layer, `CONV2` is the second conv, as cnncalc names it (and as `Conv 2` says): it was
    # E060, no layer CONV2 above
    report = homework(UNNAMED_ARCHITECTURE + line + "\n")
    assert [a.verdict for a in report.answers] == [verdict], report.messages()


@pytest.mark.parametrize("line", ["=> {}, params 5770", "-> {}", "→ {}", "{}, params 5770", "-> {} (5770 params)"])
def test_a_number_alone_after_an_arrow_under_a_fully_connected_layer_is_its_output(line: str) -> None:
    # Dense 10 on 6x6x16: 10 values, (6·6·16 + 1)·10 = 5,770 parameters; the line under it was prose, a wrong
    # output (and count) passed over
    report = homework("Input: 6x6x16\nDense 10\n" + line.format("11") + "\n")
    assert [(a.quantity, a.verdict) for a in report.answers][:1] == [("output", "wrong")], report.messages()
    assert all(a.verdict == "right" for a in homework("Input: 6x6x16\nDense 10\n" + line.format("10") + "\n").answers)


@pytest.mark.parametrize("line", ["=> 4", "4, params 1160"])
def test_a_number_alone_under_a_convolution_does_not_say_what_it_answers(line: str) -> None:
    # 8 3x3 filters on 6x6x16 give 4x4x8: `4` is neither that volume nor, without its word, a count (it was prose)
    report = homework(f"Input: 6x6x16\nConv 3x3, 8 filters\n{line}\n")
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 3)]
    assert report.answers == ()


@pytest.mark.parametrize("line", ["After conv1 we have {}.",
                                  "After conv1 the volume is {} and it has 34,944 parameters.",
                                  "After conv1, the volume is {}, with 34,944 params."])
def test_a_sentence_after_a_named_layer_with_its_volume_and_counts(line: str) -> None:
    # AlexNet's CONV1: (227 - 11)/4 + 1 = 55, 55x55x96, (11·11·3 + 1)·96 = 34,944 parameters (`we have` and a count
    # after the volume were E060: what the answer is about not said)
    sheet = "Input: 227x227x3\nCONV1: 96 filters 11x11, stride 4, pad 0\n" + line + "\n"
    for volume, verdict in [("55x55x96", "right"), ("55x55x97", "wrong")]:
        report = homework(sheet.format(volume))
        assert [(a.quantity, a.verdict) for a in report.answers] == [("output", verdict)] + (
            [("params", "right")] if "34,944" in line else []), report.messages()


@pytest.mark.parametrize("total", ["73,984", "74,112", "99"])
def test_a_total_over_a_count_said_without_biases_is_not_judged(total: str) -> None:
    # two 3x3 convolutions of 64 filters on 56x56x64 and two batch norms: 3·3·64·64 = 36,864 weights each, 64 biases
    # each if they have them, 2·64 = 128 per norm. `params 36,864 (no bias)` may say the layer has no biases (73,984
    # in all) or that the count leaves them out (74,112 with them): which the total counts is not said (73,984 was
    # marked wrong)
    sheet = ("Input: 56x56x64\nconv_a: 3x3 conv, 64 filters, stride 1, pad 1 -> 56x56x64, params 36,864 (no bias)\n"
             "bn_a: batch norm -> params 128\n"
             "conv_b: 3x3 conv, 64 filters, stride 1, pad 1 -> params 36,864 (no bias)\n"
             f"bn_b: batch norm -> params 128\nTotal params: {total}\n")
    report = homework(sheet)
    assert [a.verdict for a in report.answers] == ["right"] * 5 + ["unchecked"], report.messages()
    assert "without its biases" in (report.answers[-1].reason or "")
    # said of the layer itself, it has none: the total is judged (3·3·64·64·2 + 128·2 = 73,984)
    unbiased = homework(sheet.replace("pad 1 ->", "pad 1, no bias ->"))
    assert unbiased.answers[-1].verdict == ("right" if total == "73,984" else "wrong"), unbiased.messages()


def test_a_text_file_with_no_line_of_either_notation_is_read_as_the_lectures(tmp_path: Path) -> None:
    # lettered layers, sizes spaced: no line the notations are known by, so it was read as the spec language (an
    # `unknown layer` for every line: `Exercise`, `Input`, `Layer`, …); the lecture's reader reads its layer
    # (3·3·3·32 = 864 weights, 32 biases) and judges the output answered for layer A: padded by 1, (96 - 3 + 2)/1 + 1
    # = 96, 96x96x32, not 96x96x33
    sheet = ("Exercise 3 - compute the sizes\n\nInput image 96 x 96 x 3.\n\n"
             "Layer A: convolution, 32 kernels of 3 x 3, stride 1, padding 1.\nOutput of layer A: 96 x 96 x 33.\n"
             "Number of weights of layer A: 3 x 3 x 3 x 32 = 864; biases: 32.\n")
    path = tmp_path / "hw.txt"
    path.write_text(sheet)
    result = invoke("check", str(path))
    assert "unknown layer" not in result.output and result.exit_code == 1, result.output
    assert f"{path}:6:20: error[E040]: convolution1: expected 96x96x33, computed 96x96x32" in result.output
    assert "3 answers: 2 right, 1 wrong" in result.output
    # a directory's search still takes only text that shows a notation: such files are no networks it finds
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "notes.txt").write_text("Meeting notes\n\nLayer A: see the figure.\n")
    searched = invoke("check", str(notes))
    assert searched.exit_code == 2 and "skipped 1 file that is not a network" in searched.output, searched.output


# 8 3x3 filters on 28x28x1 give 26x26x8, pooled 13x13x8; an FC of 10 on its 13·13·8 = 1,352 values has
# 1,352·10 + 10 = 13,530 parameters
FC_AFTER_POOL = "Input: 28x28x1\nconv: 8 filters 3x3 -> 26x26x8\nmaxpool 2x2 stride 2 -> 13x13x8\n"


@pytest.mark.parametrize("line", ["fc 10 -> params = {}", "fc 10 -> params: {}", "Dense 10 -> params = {}"])
def test_a_fully_connected_layer_stated_with_its_width_then_a_count_after_its_word(line: str) -> None:
    # `params = N` after the arrow was E060 (no tenth FC layer above), the layer unread
    for count, verdict in [("13530", "right"), ("13531", "wrong")]:
        report = homework(FC_AFTER_POOL + line.format(count) + "\n")
        assert [(a.quantity, a.verdict) for a in report.answers] == [("output", "right")] * 2 + [("params", verdict)], \
            report.messages()


def test_a_fully_connected_layer_whose_description_does_not_read_with_answers_after_it() -> None:
    # its width is only in the working: E060, not prose (a wrong count passed over)
    report = homework(FC_AFTER_POOL + "fc: 13*13*8 = 1352 inputs -> params = 1352*10+10 = 13531\n")
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 4)]
    assert [a.verdict for a in report.answers] == ["right", "right"]


def test_a_bullet_alone_under_a_heading_that_lists_each_layers_answer() -> None:
    # a list item begun and not written (`-` alone): an IndexError in this session's list of names, found by a
    # prefix fuzz; the answer above it still judged (conv1's (5·5·3 + 1)·16 = 1,216)
    report = homework(UNNAMED_ARCHITECTURE + "(b) Number of parameters per layer:\n- CONV1: 5*5*3*16 + 16 = 1216\n-\n")
    assert [(a.path, a.verdict) for a in report.answers] == [("conv1", "right")], report.messages()


@pytest.mark.parametrize("problem", [
    "An input of 28x28x1 goes through a conv with 8 filters, 3x3, stride 1, pad 0. Output? {}",
    "An input of 28x28x1 goes through conv (8 filters, 3x3, stride 1, pad 0). Output? {}"])
def test_a_told_problems_filter_size_after_its_count_and_a_comma(problem: str) -> None:
    # 8 3x3 filters unpadded on 28x28x1: (28 - 3)/1 + 1 = 26, 26x26x8 (the size after `8 filters,` was not read: E020
    # and E060, the problem unread)
    right_then_wrong(problem + "\n", "26x26x8", "26x26x9")


@pytest.mark.parametrize("layer", ["CONV1: 5x5 kernel, 6 filters, stride 1, no padding", "Conv: 5x5 kernel, 6 filters",
                                   "**Layer 1**: Conv, $5 \\times 5$ kernel, 6 filters, stride 1, no padding",
                                   "CONV1: 5x5 filter, 6 filters"])
def test_a_convolutions_size_first_with_its_noun_then_its_count(layer: str) -> None:
    # 6 5x5 filters unpadded on 32x32x3: (32 - 5)/1 + 1 = 28, 28x28x6 (`5x5 kernel, 6 filters` was E060: the count was
    # looked for right after the size)
    right_then_wrong(f"Input: 32x32x3\n{layer}\n- Output: {{}}\n", "28x28x6", "28x28x7")


@pytest.mark.parametrize("sheet, row, start, message", [
    ("Input: 32x32x3\nConv: 64 3x3 filters, pad 1, pad 0: 30x30x64\n", 2, "Conv",
     "cnncalc cannot read `Conv: 64 3x3 filters, pad 1, pad 0: 30x30x64` as a layer: its answers are not judged, nor "
     "those after it"),
    ("Input: 28x28x1\nconv: 8 filters 3x3 -> 26x26x8\nfc: 13*13*8 = 1352 inputs -> params = 13530\n", 3, "fc",
     "cnncalc cannot read `fc: 13*13*8 = 1352 inputs` as a layer: its answers are not judged, nor those after it"),
    ("Input: 6x6x16\nConv 3x3, 8 filters\n=> 4\n", 3, "4",
     "this answer does not say what it answers: one number is not the volume a conv gives, and may count its "
     "parameters or MACs"),
    ("Input: 96x96x3\nLayer A: convolution, 32 kernels of 3 x 3, stride 1, padding 1.\nOutput of layer B: 96x96x32\n",
     3, "layer B", "cnncalc cannot tell which layer `layer B` is, so this answer is not judged"),
])
def test_this_sessions_unread_answers_are_e060_at_their_line_and_column(tmp_path: Path, sheet: str, row: int,
                                                                      start: str, message: str) -> None:
    path = tmp_path / "hw.txt"
    path.write_text(sheet)
    result = invoke("check", str(path))
    assert result.exit_code == 1 and "Traceback" not in result.output
    column = sheet.splitlines()[row - 1].index(start) + 1
    assert f"{path}:{row}:{column}: error[E060]: {message}" in result.output, result.output


# Layers lettered: on 64x64x3, A (16 5x5 filters, pad 2) gives (64 - 5 + 4)/1 + 1 = 64, 64x64x16 with (5·5·3 + 1)·16 =
# 1,216 parameters; B pools it to 32x32x16; C (32 3x3 filters, pad 1) 32x32x32 with (3·3·16 + 1)·32 = 4,640; D pools it
# to 16x16x32; E, an FC of 10 on its 16·16·32 = 8,192 values, has (8,192 + 1)·10 = 81,930
LETTERED_SHEET = """Input image: 64x64x3

Layer {0}: convolution, 16 filters of size 5x5, stride 1, padding 2
Layer {1}: max pooling, 2x2, stride 2
Layer {2}: convolution, 32 filters of size 3x3, stride 1, padding 1
Layer {3}: max pooling 2x2 stride 2
Layer {4}: fully connected, 10 outputs

"""


@pytest.mark.parametrize("names", [("A", "B", "C", "D", "E"), ("I", "II", "III", "IV", "V")])
@pytest.mark.parametrize("answer, right, wrong", [
    ("Output of layer {3}: {{}}", "16x16x32", "16x16x33"),
    ("Output of layer {1}: {{}}", "32x32x16", "31x31x16"),
    ("Output of layer {2}: 32x32x32, parameters {{}}", "4640", "4608"),  # 4,608: 3·3·16·32, no biases
    ("Layer {0} params: {{}}", "1216", "1215"),
    ("Output of layer {4}: 10, parameters {{}}", "81930", "81920"),
    ("Output of layer {4}: {{}}, parameters 81930", "10", "11"),
])
def test_layers_lettered_or_in_roman_numerals_are_followed_by_their_names(names: tuple[str, ...], answer: str,
                                                                          right: str, wrong: str) -> None:
    # `Layer B: max pooling, …` and the layers after it were prose (the first alone was read), and `Output of layer
    # D: …` was E060 (cnncalc could not tell which layer): a wrong answer went unjudged
    sheet = LETTERED_SHEET.format(*names) + answer.format(*names) + "\n"
    said = answer.count(":") + answer.count(",")  # the answers on the line: the output, and the count after a comma
    assert [a.verdict for a in homework(sheet.format(right)).answers] == ["right"] * said
    verdicts = [(a.expected, a.verdict) for a in homework(sheet.format(wrong)).answers]
    assert (wrong, "wrong") in verdicts and [v for _, v in verdicts].count("right") == said - 1, verdicts


def test_a_lettered_sheets_diagnostics_say_its_letters(tmp_path: Path) -> None:
    # the letters are read as places (`layer B` as `layer 2`), and said back as written in what cnncalc reports
    sheet = LETTERED_SHEET.format("A", "B", "C", "D", "E").replace("max pooling, 2x2, stride 2", "frobnicate 2x2")
    path = tmp_path / "hw.txt"
    path.write_text(sheet + "Output of layer F: 10\nOutput of layer E: 10\n")
    result = invoke("check", str(path))
    assert f"{path}:4:1: error[E060]: cnncalc cannot read `Layer B: frobnicate 2x2` as a layer" in result.output
    assert f"{path}:9:11: error[E060]: cnncalc cannot tell which layer `layer F` is" in result.output
    assert "Layer 2" not in result.output and result.exit_code == 1, result.output


@pytest.mark.parametrize("names", [("A", "C"), ("B", "C"), ("I", "III"), ("A", "II")])
def test_layers_lettered_with_one_left_out_are_not_followed(names: tuple[str, str]) -> None:
    # which layer `layer C` is, when no B is written, cnncalc does not guess: E060, never a verdict
    report = homework(f"Input: 32x32x3\nLayer {names[0]}: conv 3x3, 8 filters, stride 1, pad 1\n"
                      f"Layer {names[1]}: FC, 10 outputs\nOutput of layer {names[1]}: 10\n")
    assert [a.verdict for a in report.answers if a.verdict != "unchecked"] == [], report.messages()
    assert any(d.code == "E060" for d in report.diagnostics), report.messages()


def test_layers_numbered_and_lettered_on_one_sheet_are_followed_by_their_numbers() -> None:
    # `Layer 1` and `Layer A` both: the letters are not places (on 32x32x3, 8 3x3 filters padded by 1 give 32x32x8)
    report = homework("Input: 32x32x3\nLayer 1: conv 3x3, 8 filters, stride 1, pad 1\nLayer A: FC, 10 outputs\n"
                      "Output of layer 1: 32x32x8\nOutput of layer A: 10\n")
    assert [a.verdict for a in report.answers] == ["right"], report.messages()
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E060"], report.messages()


@pytest.mark.parametrize("answer", ["Output of layer 2: {}, 2570 parameters", "Output of layer 2: {} neurons"])
def test_a_numbered_fc_layers_output_with_more_after_it(answer: str) -> None:
    # 4 3x3 filters padded by 1 on 8x8x3 give 8x8x4; an FC of 10 on its 8·8·4 = 256 values has (256 + 1)·10 = 2,570
    # parameters (E060: cnncalc could not tell which layer `layer 2` is, the wrong width passed over)
    sheet = f"Input: 8x8x3\nLayer 1: convolution, 4 filters of size 3x3, stride 1, padding 1\n" \
        f"Layer 2: fully connected, 10 outputs\n\n{answer}\n"
    assert {a.verdict for a in homework(sheet.format("10")).answers} == {"right"}
    assert next((a.expected, a.verdict) for a in homework(sheet.format("11")).answers) == ("11", "wrong")
    report = homework("Input: 8x8x3\nLayer 1: convolution, 4 filters of size 3x3, stride 1, padding 1\n"
                      "Output of layer 2: 10, 2570 parameters\n")
    assert [(d.code, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E060", "no layer numbered 2 above to give this output to")]


@pytest.mark.parametrize("layer", ["Layer 2: 2x2 subsampling, stride 2", "Layer 2: frobnicate 2x2"])
def test_a_numbered_layer_cnncalc_cannot_read_is_a_step_not_prose(layer: str) -> None:
    # 16 5x5 filters padded by 2 keep 64: 64x64x16; a 2x2 pool at stride 2 would halve it before 32 3x3 filters
    # padded by 1 (32x32x32). The line was prose: layer 3 was judged on 64x64x16 and the right 32x32x32 marked wrong
    report = homework(f"Input image: 64x64x3\n\nLayer 1: convolution, 16 filters of size 5x5, stride 1, padding 2\n"
                      f"{layer}\nLayer 3: convolution, 32 filters of size 3x3, stride 1, padding 1\n\n"
                      "Output of layer 3: 32x32x32\n")
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 4)]
    assert [a.verdict for a in report.answers] == ["unchecked"]


@pytest.mark.parametrize("layer, op", [("Layer 2: local response normalization", "lrn"), ("Layer 2: LRN (n = 3)",
                                       "lrn size 3"), ("NORM2: local response normalization, size 5", "lrn"),
                                      ("LRN2: size 3", "lrn size 3"), ("Layer 2: LRN, size 7", "lrn size 7")])
def test_a_local_response_normalization_with_its_size(layer: str, op: str) -> None:
    # an LRN keeps its input's shape and has no parameters: 16 5x5 filters padded by 2 keep 64, then 32 3x3 filters
    # padded by 1 give 64x64x32 (its size, the channels it sums over, was E060 or the line prose)
    sheet = ("Input image: 64x64x3\n\nLayer 1: convolution, 16 filters of size 5x5, stride 1, padding 2\n"
             f"{layer}\nLayer 3: convolution, 32 filters of size 3x3, stride 1, padding 1\n\nOutput of layer 3: {{}}\n")
    right_then_wrong(sheet, "64x64x32", "32x32x32")
    assert homework(sheet.format("64x64x32")).rows[1].op == op


@pytest.mark.parametrize("answer", ["FC2 output: {} neurons", "Layer 2 output: {} neurons", "Output of FC2: {} neurons",
                                    "After FC2: {} neurons"])
def test_an_fc_layers_neurons_answered_after_its_name(answer: str) -> None:
    # FC2 has 10 neurons: its output is 10 values. `FC2 output: 11 neurons` was E060 (another layer of 11 neurons or
    # an answer?), though the line names the layer it answers for; `After FC2: 11 neurons` stated FC2 again (E015)
    right_then_wrong(f"Input: 8x8x3\nCONV1: 4 3x3 filters, stride 1, pad 1\nFC2: 10 neurons\n\n{answer}\n", "10", "11")
    # said without the name, under an FC layer of other width, it may state another layer: E060, as before
    bare = homework("Input: 8x8x3\nCONV1: 4 3x3 filters, stride 1, pad 1\nFC2: 10 neurons\n\nOutput: 11 neurons\n")
    assert [d.code for d in bare.diagnostics if d.severity == "error"] == ["E060"]


@pytest.mark.parametrize("layer", ["up-conv 2x2, 4 filters, stride 2", "upconv 2x2, 4 filters, stride 2",
                                   "transposed conv 2x2, 4 filters, stride 2", "deconv 2x2, 4 filters, stride 2",
                                   "2x2 up-convolution, 4 filters, stride 2", "ConvTranspose 2x2, 4 filters, stride 2",
                                   "Transposed convolution: 4 filters of size 2x2, stride 2",
                                   "Up-convolution 2x2 with 4 filters, stride 2", "up-conv 2x2, 4, stride 2"])
def test_an_unnamed_transposed_convolution(layer: str) -> None:
    # U-Net's up-convolution on 4x4x8: (4 - 1)·2 + 2 = 8, 8x8x4, with 2·2·8·4 + 4 = 132 parameters (the line was E060)
    right_then_wrong(f"Input: 4x4x8\n{layer} -> {{}}\n", "8x8x4", "7x7x4")
    right_then_wrong(f"Input: 4x4x8\n{layer}\nParams: {{}}\n", "132", "36")
    # the words alone make no layer of a sentence: `transposed` in prose stays prose
    assert homework("Input: 4x4x8\nThe weight matrix is transposed.\n").ok


@pytest.mark.parametrize("layers", ["Three 3x3 conv layers with 16 filters each, stride 1, pad 1",
                                    "3 conv layers, 3x3, 16 filters, pad 1",
                                    "Three conv layers with 16 3x3 filters each, pad 1",
                                    "Three 3x3 convolutions, 16 filters, pad 1"])
def test_layers_counted_on_one_line(layers: str) -> None:
    # three 3x3 convolutions of 16 filters padded by 1 on 32x32x3 keep 32x32: 32x32x16, with (3·3·3 + 1)·16 = 448, then
    # (3·3·16 + 1)·16 = 2,320 twice: 5,088 parameters in all (the line was E060, or prose and the answers after it
    # judged on the input)
    right_then_wrong(f"Input: 32x32x3\n{layers} -> {{}}\n", "32x32x16", "28x28x16")
    right_then_wrong(f"Input: 32x32x3\n{layers}\nTotal params: {{}}\n", "5088", "448")


def test_layers_counted_with_a_count_answered_for_each() -> None:
    # `2320 params each` is each layer's count, not the line's (4,640 for both: (3·3·16 + 1)·16 = 2,320 twice): E060,
    # as after `(x2)`, never judged as the line's total (a right count would be marked wrong)
    report = homework("Input: 32x32x16\nTwo 3x3 conv layers with 16 filters, pad 1 -> 32x32x16, 2320 params each\n")
    assert [a.verdict for a in report.answers if a.verdict != "unchecked"] == []
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E060"]
    # the description's `each` (`16 filters each`) is the filters of each layer: read, the line's answers judged
    sheet = "Input: 32x32x16\nTwo 3x3 conv layers with 16 filters each, pad 1 -> 32x32x16, params {}\n"
    for said, verdict in [("4640", "right"), ("2320", "wrong")]:
        assert [(a.quantity, a.verdict) for a in homework(sheet.format(said)).answers] == [
            ("output", "right"), ("params", verdict)]


# LeNet-5 on 32x32x1, numbered as a list: 6 5x5 filters give (32 - 5)/1 + 1 = 28, 28x28x6 with (5·5·1 + 1)·6 = 156
# parameters; pooled 14x14x6; 16 5x5 filters give 10x10x16 with (5·5·6 + 1)·16 = 2,416; pooled 5x5x16; FC 120 on its
# 400 values (400 + 1)·120 = 48,120; FC 84, (120 + 1)·84 = 10,164; FC 10, (84 + 1)·10 = 850
LISTED_LENET = """1. Input: 32x32x1
2. Conv (6 @ 5x5, stride 1, valid) -> 28x28x6 ; params: 156
3. AvgPool (2x2, stride 2) -> 14x14x6
4. Conv (16 @ 5x5) -> 10x10x16 ; params: 2416
5. AvgPool (2x2, s2) -> 5x5x16
6. FC 120 -> params: 48120
7. FC 84 -> params: 10164
8. FC 10 -> params: {}
"""


def test_a_numbered_list_with_arrows_is_the_lectures_notation(tmp_path: Path) -> None:
    # every line has an arrow, which the spec language counted as its own: E013 `malformed number 1.` for each line
    path = tmp_path / "lenet.txt"
    path.write_text(LISTED_LENET.format("850"))
    result = invoke("check", str(path))
    assert result.exit_code == 0 and "9 answers: 9 right, 0 wrong" in result.output, result.output
    path.write_text(LISTED_LENET.format("840"))
    wrong = invoke("check", str(path))
    assert wrong.exit_code == 1 and "9 answers: 8 right, 1 wrong" in wrong.output, wrong.output
    assert "expected params 840, computed 850" in wrong.output


@pytest.mark.parametrize("answer", [
    "output size = (227-11)/4+1 = 55, so {}", "(227-11)/4+1 = 55 => {}", "output = (227-11)/4+1 = 55, i.e. {}"])
def test_a_layers_side_worked_out_then_its_volume(answer: str) -> None:
    # (227 - 11)/4 + 1 = 55: 55x55x96 (`, so 55x55x96` was E060: the working's side read, the volume not)
    right_then_wrong(f"Input: 227x227x3\nCONV1 (96 filters 11x11, stride 4, pad 0): {answer}\n", "55x55x96",
                     "56x56x96")
    right_then_wrong(f"Input: 227x227x3\nCONV1: 96 filters 11x11, stride 4, pad 0 -> {answer}\n", "55x55x96",
                     "55x55x95")
    # the working's own slip is the working's (E046), the volume judged as written
    slipped = homework("Input: 227x227x3\nCONV1: 96 filters 11x11, stride 4, pad 0 -> (227-11)/4+1 = 54 => 55x55x96\n")
    assert [a.verdict for a in slipped.answers] == ["right"]
    assert [d.code for d in slipped.diagnostics if d.severity == "error"] == ["E046"]


@pytest.mark.parametrize("layer", ["NORM1", "RELU1", "DROPOUT1"])
def test_a_layer_without_numbers_its_output_after_its_colon(layer: str) -> None:
    # a 3x3 pool at stride 2 on 55x55x96: (55 - 3)/2 + 1 = 27; the layers after it keep 27x27x96 (`NORM1: 27x27x96`
    # was E060)
    right_then_wrong(f"Input: 55x55x96\nPOOL1: 3x3 max pool, stride 2\n{layer}: {{}}\n", "27x27x96", "27x27x95")


@pytest.mark.parametrize("said", ["The network takes a 32x32 RGB image.", "The CNN takes a 32x32 color image",
                                  "The network takes a 32x32x3 image as input."])
def test_the_input_said_as_what_the_network_takes(said: str) -> None:
    # 32 3x3 filters padded by 1 keep 32x32: 32x32x32 with (3·3·3 + 1)·32 = 896 parameters (a colour word between the
    # size and `image` left the input unread: E024, every answer not checked)
    right_then_wrong(f"{said}\nconv1: 32 filters, kernel 3, stride 1, padding 1\n  output: {{}}\n", "32x32x32",
                     "32x32x3")


@pytest.mark.parametrize("pool", ["pool: global average", "Pool: global average pooling", "pooling: global max"])
def test_a_global_pool_said_after_a_pools_colon(pool: str) -> None:
    # a global pool of 8x8x64 is 1x1x64; an FC of 10 on its 64 values has (64 + 1)·10 = 650 parameters (the line was
    # prose: its answer went to the layer above, and the FC's count was judged on 8·8·64 values)
    right_then_wrong(f"Input: 8x8x64\n{pool}\n  output: {{}}\n", "1x1x64", "8x8x64")
    right_then_wrong(f"Input: 8x8x64\n{pool}\nfc: 10 classes\n  params: {{}}\n", "650", "40970")


# 16 5x5 filters padded by 2 on 64x64x3 keep 64: 64x64x16 with (5·5·3 + 1)·16 = 1,216 parameters; pooled 32x32x16; 32
# 3x3 filters padded by 1: 32x32x32 with (3·3·16 + 1)·32 = 4,640; pooled 16x16x32; an FC of 10 on its 8,192 values
# has (8,192 + 1)·10 = 81,930
FILTER_DEPTH_TABLE = """| Layer   | Filter | Stride | Pad | Output     | Params |
|---------|--------|--------|-----|------------|--------|
| Input   |        |        |     | 64x64x3    | 0      |
| Conv1   | 5x5x16 | 1      | 2   | 64x64x16   | 1216   |
| MaxPool | 2x2    | 2      | 0   | 32x32x16   | 0      |
| Conv2   | 3x3x32 | 1      | 1   | 32x32x32   | {}   |
| MaxPool | 2x2    | 2      | 0   | 16x16x32   | 0      |
| FC      | -      | -      | -   | 10         | 81930  |
"""


def test_a_filter_cell_of_a_size_then_the_outputs_depth() -> None:
    # `5x5x16` under a 64x64x16 output: 16 filters of 5x5 (read as a size 16 deep, its count missing: E060, and every
    # answer after it not checked)
    report = homework(FILTER_DEPTH_TABLE.format("4640"))
    assert report.ok and [a.verdict for a in report.answers] == ["right"] * 11, report.messages()
    wrong = homework(FILTER_DEPTH_TABLE.format("4608"))  # 3·3·16·32: the biases left out
    assert [(a.expected, a.verdict) for a in wrong.answers if a.verdict != "right"] == [("4608", "wrong")]


@pytest.mark.parametrize("stem", ["Stem: 7x7 conv, 64 filters, stride 2, padding 3",
                                  "stem: 64 7x7 filters, stride 2, pad 3"])
def test_a_networks_stem_named_so(stem: str) -> None:
    # 64 7x7 filters at stride 2 padded by 3 on 230x230x3: (230 - 7 + 6)/2 + 1 = 115.5 is no whole number; on 229x229x3
    # (229 - 7 + 6)/2 + 1 = 115, 115x115x64 (`Stem:` named no layer: E060)
    right_then_wrong(f"Input: 229x229x3\n{stem} -> {{}}\n", "115x115x64", "114x114x64")


@pytest.mark.parametrize("remark", ["(no bias, BN follows)", "(no bias since BN follows)", "(no bias; BN follows)"])
def test_a_count_said_without_biases_and_why(remark: str) -> None:
    # 64 7x7 filters on 3 channels: 7·7·3·64 = 9,408 weights, 9,472 parameters with their 64 biases (the remark with a
    # reason after it was not read: the right 9,408 was marked wrong as a count of parameters)
    right_then_wrong(f"Input: 229x229x3\nStem: 7x7 conv, 64 filters, stride 2, padding 3\nParams: {{}} {remark}\n",
                     "9408", "9472")


@pytest.mark.parametrize("sentence", ["It has {} parameters, about 35K.", "It has {} parameters (about 35K)."])
def test_a_count_in_a_sentence_said_again_rounded(sentence: str) -> None:
    # (11·11·3 + 1)·96 = 34,944 parameters, about 35K (the sentence was prose: a wrong count passed with exit 0)
    right_then_wrong(f"Input: 227x227x3\nCONV1: 96 11x11 filters, stride 4, pad 0\n{sentence}\n", "34,944", "34,945")


@pytest.mark.parametrize("sentence, rest", [("It has 34,945 parameters, which is a lot.", ", which is a lot"),
                                            ("It has 34,945 parameters in its weights and biases.",
                                             "in its weights and biases"),
                                            ("It has 34,944 parameters, about 50K.", None)])
def test_a_count_in_a_sentence_with_words_after_it_is_e060(sentence: str, rest: str | None) -> None:
    # a count of the layer above with words after it cnncalc does not read: E060 (it was prose, a wrong count passed)
    report = homework(f"Input: 227x227x3\nCONV1: 96 11x11 filters, stride 4, pad 0\n{sentence}\n")
    assert [a.verdict for a in report.answers] == [] and not report.ok
    errors = [d.message for d in report.diagnostics if d.severity == "error"]
    assert len(errors) == 1 and (rest is None or f"`{rest}`" in errors[0]), errors


# 10 5x5 filters padded by 2 on 32x32x3 keep 32: 32x32x10 with (5·5·3 + 1)·10 = 760 parameters; a 2x2 pool at stride 2
# gives 16x16x10; an FC of 10 on its 2,560 values has (2,560 + 1)·10 = 25,610: 26,370 in all
@pytest.mark.parametrize("told", [
    "An input of 32x32x3 goes through a 5x5 conv with 10 filters, stride 1, pad 2, then a 2x2 max pool with stride 2, "
    "then an FC layer with 10 outputs.",
    "A 32x32x3 image passes through conv (10 filters, 5x5, pad 2), then maxpool (2x2, stride 2), then fc (10).",
    "An input of 32x32x3 goes through a 5x5 conv with 10 filters, stride 1, pad 2. Then a 2x2 max pool with stride 2, "
    "followed by an FC layer with 10 outputs."])
@pytest.mark.parametrize("asked, right, wrong", [("What is the output volume?\nA: {}", "10", "16x16x10"),
                                                 ("What is the final output volume?\nA: {}", "10", "11"),
                                                 ("How many parameters in total? {}", "26370", "760")])
def test_a_problem_told_in_one_sentence_with_several_layers(told: str, asked: str, right: str, wrong: str) -> None:
    # the layers after the first were not read: E020 or E060, every answer unjudged (`final output` was E060 too)
    right_then_wrong(f"{told}\n{asked}\n", right, wrong)


# 8 3x3 filters unpadded on 28x28x1: (28 - 3)/1 + 1 = 26, 26x26x8 with (3·3·1 + 1)·8 = 80 parameters; a 2x2 pool at
# stride 2: 13x13x8
KIND_ANSWERED = "Input: 28x28x1\nconv (8 filters, 3x3, stride 1, pad 0)\nmaxpool (2x2, stride 2)\nfc (10)\n"


@pytest.mark.parametrize("answer, right, wrong", [("conv: {}", "26x26x8", "27x27x8"),
                                                  ("Conv: {}, params 80", "26x26x8", "26x26x9"),
                                                  ("maxpool: {}", "13x13x8", "13x13x9"),
                                                  ("pool: 26/2 = 13 -> {}", "13x13x8", "14x14x8"),
                                                  ("conv: (28-3)/1+1 = 26 -> 26x26x8, params = {}", "80", "72")])
def test_an_answer_after_a_kind_of_layer_and_a_colon(answer: str, right: str, wrong: str) -> None:
    # the one layer of that kind above answers (`conv: 27x27x8` was prose: a wrong answer passed with exit 0; `pool:
    # 13x13x9` E013, a window of three sizes)
    sheet = KIND_ANSWERED + answer + "\n"
    assert {a.verdict for a in homework(sheet.format(right)).answers} == {"right"}
    assert "wrong" in [a.verdict for a in homework(sheet.format(wrong)).answers]
    # two layers of that kind above: which is not said, E060
    two = homework("Input: 28x28x1\nconv (8 filters, 3x3)\nconv (8 filters, 3x3)\nconv: 24x24x8\n")
    assert [a.verdict for a in two.answers] == [] and [d.code for d in two.diagnostics] == ["E060"]


def test_an_answer_for_a_layer_stated_in_a_sentence_cnncalc_does_not_read() -> None:
    # `(d) A 1x1 convolution reducing the channels to 8.` was prose; its answer `Output 31x31x8` differs from the pool's
    # above: that sentence is a layer cnncalc cannot read, and the answers after it rest on it (they were judged
    # without it: the global pool's right 1x1x8 and the FC's right (8 + 1)·4 = 36 were marked wrong)
    report = homework("Input: 62x62x32\n(c) Max pooling 2x2 with stride 2: output 31x31x32.\n\n"
                      "(d) A 1x1 convolution reducing the channels to 8.\n    Output 31x31x8.\n\n"
                      "(e) Global average pooling: 1x1x8. Then a dense layer with 4 outputs: 8*4 + 4 = 36 "
                      "parameters.\n")
    assert [(a.expected, a.verdict) for a in report.answers] == [
        ("31x31x32", "right"), ("1x1x8", "unchecked"), ("36", "unchecked")], report.messages()
    assert [(d.code, d.line) for d in report.diagnostics if d.severity == "error"] == [("E060", 4), ("E060", 5)]


@pytest.mark.parametrize("answer, right, wrong", [("Activations memory for conv1: 16*16*16*4 bytes = {}", "16 KB",
                                                   "32 KB"),
                                                  ("Params conv2: 3*3*16*32 + 32 = {}", "4,640", "4,608")])
def test_counts_named_by_cnncalcs_own_names_on_a_sheet_that_names_no_layer(answer: str, right: str, wrong: str
                                                                           ) -> None:
    # on 32x32x3, 16 3x3 filters at stride 2, `same`: 16x16x16, 16·16·16·4 bytes = 16 KiB of activations; then 32 3x3
    # filters: (3·3·16 + 1)·32 = 4,640 parameters (`conv1`, `conv2` named no layer the sheet names: E060)
    right_then_wrong("Input 32x32x3\nConv 3x3, 16 filters, stride 2, same padding\n"
                     f"Conv 3x3, 32 filters, stride 2, same padding\n{answer}\n", right, wrong)


def test_an_options_value_after_its_working() -> None:
    # `padding = (F-1)/2 = 1` for a 3x3 filter: 64x64 kept, 64x64x32 (E060: a number expected after `padding`)
    right_then_wrong("input: 64x64x3\nconv1: 32 filters 3x3, padding = (F-1)/2 = 1, stride 1 -> {}\n", "64x64x32",
                     "62x62x32")


def test_answers_in_sentences_on_one_line_after_a_parts_letter() -> None:
    # 64 7x7 filters on 3 channels: 7·7·3·64 = 9,408 weights and 64 biases (the biases' sentence was read as words
    # after the weights' count: E060)
    sheet = "Input: 229x229x3\nconv 7x7, 64 filters, stride 2, padding 3\nb) Number of weights: 7*7*3*64 = 9,408. " \
            "Number of biases: {}.\n"
    for said, verdicts in [("64", ["right", "right"]), ("65", ["right", "wrong"])]:
        assert [a.verdict for a in homework(sheet.format(said)).answers] == verdicts


@pytest.mark.parametrize("question", ["How many weights and biases does the layer have?",
                                      "How many parameters does it have?"])
def test_an_answer_that_says_its_quantity_under_a_question_of_another(question: str) -> None:
    # 96 11x11 filters on 3 channels: 11·11·3·96 = 34,848 weights, 96 biases (`Weights: …` under a question of
    # weights and biases was judged as the parameters, 34,944: a right count marked wrong)
    sheet = ("An input volume of size 227x227x3 is fed to a convolutional layer with 96 filters of size 11x11, "
             f"stride 4 and no zero-padding.\n\n(b) {question}\nWeights: 11*11*3*96 = {{}}.\n")
    right_then_wrong(sheet, "34,848", "34,944")


@pytest.mark.parametrize("question", ["Q: output of conv1? A: {}", "Q: output of conv1? {}"])
def test_a_question_of_a_named_layers_output_and_its_answer_on_one_line(question: str) -> None:
    # 16 3x3 filters padded by 1 keep 32x32: 32x32x16 (`Q: output of conv1? A: …` was prose: a wrong answer passed)
    right_then_wrong(f"Input: 32x32x3\nconv1: 16 filters, 3x3, stride 1, pad 1\n{question}\n", "32x32x16",
                     "32x32x17")


@pytest.mark.parametrize("count", ["#params = (3*3*1+1)*32 = {}", "# of params: {}", "#params = {}"])
def test_a_hash_for_number_of_among_a_layers_answers(count: str) -> None:
    # 32 3x3 filters on 48x48x1 padded by 1: 48x48x32 with (3·3·1 + 1)·32 = 320 parameters (`#params` after the
    # output was E060, every answer after it unjudged)
    sheet = f"Input: 48x48x1\nconv1: 32 kernels 3x3, stride 1, padding 1 -> output 48x48x32; {count}\n"
    for said, verdicts in [("320", ["right", "right"]), ("321", ["right", "wrong"])]:
        assert [a.verdict for a in homework(sheet.format(said)).answers] == verdicts
