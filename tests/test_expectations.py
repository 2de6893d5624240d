"""Expectations written next to layers: shapes, params, MACs, rounded forms, totals."""
from __future__ import annotations

import pytest

from cnncalc.diagnostics import Span
from cnncalc.ir import Count
from tests.conftest import codes, run, where


def count(text: str) -> Count:
    from cnncalc.tokens import count_from_text
    c = count_from_text(text, Span(0, len(text)))
    assert isinstance(c, Count)
    return c


@pytest.mark.parametrize("text, actual, ok", [
    ("34944", 34_944, True), ("34_944", 34_944, True), ("34945", 34_944, False),
    ("35K", 34_944, True),        # 34.944 rounds to 35 at 0 decimals
    ("34K", 34_944, False),
    ("62.4M", 62_378_344, True),  # 62.378 rounds to 62.4
    ("62.3M", 62_378_344, False),
    ("62M", 62_378_344, True),
    ("1.1G", 1_135_256_096, True),
    ("138M", 138_357_544, True),
])
def test_rounded_counts(text: str, actual: int, ok: bool) -> None:
    assert count(text).accepts(actual) is ok


def test_units() -> None:
    assert count("100MiB").amount == 100 * 2**20
    assert count("25M").amount == 25_000_000
    assert count("4.1G").amount == 4_100_000_000
    # Scientific notation is a budget's whole amount, and as an answer it is rounded at the mantissa's last
    # digit (1.05e6 accepts 1,049,000 as 1.05M does); with every digit written it is exact.
    assert count("1e6").amount == 1_000_000 and not count("1e6").exact
    assert count("1.05e6").accepts(1_049_000) and not count("1.05e6").accepts(1_056_000)
    assert count("1.049000e6").exact and not count("1.049e6").exact and count("1.049e6").accepts(1_049_000)
    assert count("1.5K").accepts(1_450) and not count("1.5K").accepts(1_449)  # 1.45 rounds to 1.5 (half up)


def test_failed_shape_expectation_shows_expected_actual_and_working() -> None:
    r = run("input 227x227x3\nconv1: conv 96 11x11 stride 4 -> 54x54x96\n")
    assert where(r) == [("E040", 2, 34)]
    d = r.diagnostics[0]
    # (227 - 11)/4 + 1 = 55; 54 is (227 - 11)/4 without the + 1
    assert d.message == "conv1: expected 54x54x96, computed 55x55x96; that leaves out the + 1: (227 - 11 + 2·0)/4 = 54"
    assert d.notes == ("conv1: out (227 - 11 + 2·0)/4 + 1 = 55",)


def test_failed_params_expectation_shows_the_arithmetic() -> None:
    r = run("input 227x227x3\nconv1: conv 96 11x11 stride 4 -> params 34848\n")
    assert where(r) == [("E041", 2, 41)]
    d = r.diagnostics[0]
    assert "expected params 34848, computed 34,944" in d.message
    assert "conv1: params (11·11·3 + 1)·96 = 34,944" in d.notes


def test_failed_macs_expectation() -> None:
    r = run("input 8x8x1\nconv 2 3x3 -> macs 100\n")
    # 6*6*2*3*3*1 = 648
    assert codes(r) == ["E042"] and "computed 648" in r.diagnostics[0].message


def test_line_expectation_covers_the_whole_line() -> None:
    # fc6 + relu + dropout: params of the line are fc6's (6*6*256 + 1)*4096; output is dropout's.
    r = run("input 6x6x256\nfc6: fc 4096 ; relu ; dropout 0.5 -> 4096 params 37752832\n")
    assert r.ok, codes(r)


def test_total_expectations() -> None:
    r = run("input 8x8x1\nconv 2 3x3\nexpect total params 20\nexpect total macs 648\nexpect output 6x6x2\n")
    assert r.ok, codes(r)   # (9 + 1)*2 = 20 params; 6*6*2*9 = 648 MACs
    r = run("input 8x8x1\nconv 2 3x3\nexpect total params 21\nexpect output 6x6x3\n")
    assert where(r) == [("E043", 3, 21), ("E044", 4, 15)]  # the carets on the written answers


ALEXNET = ("input 227x227x3\nconv 96 11x11 stride 4\nmaxpool 3x3 stride 2\nconv 256 5x5 pad 2\n"
           "maxpool 3x3 stride 2\nconv 384 3x3 pad 1\nconv 384 3x3 pad 1\nconv 256 3x3 pad 1\nmaxpool 3x3 stride 2\n"
           "fc 4096\nfc 4096\nfc 1000\n")
# the lecture's arithmetic, layer by layer: (F·F·C + 1)·K for the convolutions, (in + 1)·N for the FC layers
CONV_PARAMS = (11*11*3 + 1)*96 + (5*5*96 + 1)*256 + (3*3*256 + 1)*384 + (3*3*384 + 1)*384 + (3*3*384 + 1)*256
FC_PARAMS = (6*6*256 + 1)*4096 + (4096 + 1)*4096 + (4096 + 1)*1000


def test_a_total_of_one_kind_of_layer() -> None:
    assert (CONV_PARAMS, FC_PARAMS) == (3_747_200, 58_631_144)  # and 62,378,344 together, as the lecture says
    conv_macs = 55*55*96*11*11*3 + 27*27*256*5*5*96 + 13*13*384*3*3*256 + 13*13*384*3*3*384 + 13*13*256*3*3*384
    r = run(ALEXNET + f"expect total params in conv layers {CONV_PARAMS}\nexpect total params in fc layers "
                      f"{FC_PARAMS}\nexpect total params in pool layers 0\n"
                      f"expect total params {CONV_PARAMS + FC_PARAMS}\nexpect total macs in conv layer {conv_macs}\n"
                      f"expect total macs in fc layers <= 60M\n")
    assert r.ok and len(r.answers) == 6, codes(r)
    assert [a.quantity for a in r.answers][:3] == ["total params in conv layers", "total params in fc layers",
                                                   "total params in pool layers"]
    r = run(ALEXNET + f"expect total params in conv layers {CONV_PARAMS + FC_PARAMS}\n")
    assert where(r) == [("E043", 13, 36)]  # the count after `expect total params in conv layers `, 35 characters
    assert r.diagnostics[0].message == (f"expected total params in conv layers {CONV_PARAMS + FC_PARAMS}, computed "
                                        f"{CONV_PARAMS:,}")


def test_a_total_of_one_kind_counts_it_inside_blocks_and_repeats() -> None:
    # two residual units of two 3x3 convolutions on 8 channels: 4·(3·3·8 + 1)·8 = 2,336; the stem (3·3·3 + 1)·8 = 224
    r = run("input 16x16x3\nconv 8 3x3 pad 1\nrepeat 2 { residual { conv 8 3x3 pad 1 ; relu ; conv 8 3x3 pad 1 } }\n"
            "globalavgpool\nfc 10\nexpect total params in conv layers 2560\nexpect total params in fc layers 90\n")
    assert r.ok and len(r.answers) == 2, codes(r)


def test_a_total_of_an_unknown_kind_is_a_syntax_error() -> None:
    r = run("input 8x8x1\nconv 2 3x3\nexpect total params in hidden layers 20\n")
    assert where(r) == [("E002", 3, 24)]  # `expect total params in ` is 23 characters
    assert r.diagnostics[0].message == "expected `conv`, `fc`, `pool` after `in` (`in conv layers`), found `hidden`"


def test_budget_comparisons() -> None:
    assert run("input 8x8x1\nconv 2 3x3\nexpect total params <= 20\n").ok
    r = run("input 8x8x1\nconv 2 3x3\nexpect total params < 20\n")
    assert codes(r) == ["E043"] and "expected total params < 20, computed 20" in r.diagnostics[0].message


def test_an_expectation_in_a_repeat_is_checked_at_every_iteration() -> None:
    # Iteration 1 maps 8 channels to 4 (right), iteration 2 maps 4 to 4 (also 4 deep): both hold;
    # params differ per iteration: (9*8 + 1)*4 = 292, then (9*4 + 1)*4 = 148, so `params 292` fails once.
    r = run("input 8x8x8\nb: repeat 2 { conv 4 3x3 pad 1 -> 8x8x4 params 292 }\n")
    assert [(c.path, c.quantity, c.ok) for c in r.answers] == [
        ("b.1.conv1", "output", True), ("b.1.conv1", "params", True),
        ("b.2.conv1", "output", True), ("b.2.conv1", "params", False)]
    assert where(r) == [("E041", 2, 48)]
    assert r.diagnostics[0].message == "b.2.conv1: expected params 292, computed 148"


@pytest.mark.parametrize(("line", "column"), [
    ("expect total params 1820+760+51210", 25),  # its first term was judged: "expected 1820, computed 53,790"
    ("expect total params 53790 + 0", 27),
    ("expect output 10 + 1", 18),
    ("conv2: conv 20 3x3 pad 1 -> params 1800+20", 40),
])
def test_an_answer_written_as_arithmetic_is_an_error_and_never_judged(line: str, column: int) -> None:
    # 32x32x3 -> conv 10 5x5 pad 2: (5·5·3 + 1)·10 = 760; the 1,820 and 51,210 of a sheet's sum are its other layers'
    r = run(f"input 32x32x3\nconv1: conv 10 5x5 pad 2\n{line}\n")
    assert where(r) == [("E002", 3, column)]
    assert r.diagnostics[0].hint == ("an answer is one number: write the result, not the arithmetic (`params 760`, "
                                     "not `params 750+10`)")
    assert r.answers == ()


@pytest.mark.parametrize(("answer", "column", "written"), [
    ("params 35 K", 34, "35K"), ("macs 105.4 M", 32, "105.4M"), ("memory 1.16 MB", 34, "1.16MB")])
def test_a_unit_a_space_away_from_its_number_is_an_error_not_the_number_alone(answer: str, column: int,
                                                                               written: str) -> None:
    # `35 K` was E002 at `K` without a word of why; `105.4 M` said "`105.4` is not a whole number"
    r = run(f"input 227x227x3\nconv 96 11x11 stride 4 -> {answer}\n")
    assert where(r) == [("E013", 2, column)]
    assert r.diagnostics[0].hint == f"write `{written}`"
    assert r.answers == ()


def test_expect_total_params_with_statistics_is_keras_total() -> None:
    # (3·3·3 + 1)·16 = 448, and a batch norm's 2·16 = 32 learnt with 2·16 = 32 running statistics: 512 in all
    spec = "input 32x32x3\nconv 16 3x3 pad 1\nbn\nexpect total params with statistics {}\n"
    assert [(a.quantity, a.verdict) for a in run(spec.format(512)).answers] == [
        ("total params with running statistics", "right")]
    assert [a.verdict for a in run(spec.format(480)).answers] == ["wrong"]
    report = run(spec.format("").replace("statistics", "stats 512"))
    assert where(report) == [("E002", 4, 26)]
    assert "expected `statistics` after `expect total params with`" in report.diagnostics[0].message
