"""The steps of a student's working (E046): every false step found, no true step called false.

Expected values are the arithmetic written beside each case, and in the property tests Python's own
arithmetic on the same expression (`eval` over `Fraction`s), not cnncalc's parser."""
from __future__ import annotations

from fractions import Fraction
from math import floor

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cnncalc
from cnncalc.equalities import Step
from cnncalc.equalities import steps as all_steps
from cnncalc.limits import MAX_COUNT_DIGITS


def false_steps(text: str, start: int, end: int) -> list[Step]:
    """The steps of the workings in `text[start:end]` that do not hold."""
    return [s for s in all_steps(text, start, end) if not s.holds]


def steps(text: str) -> list[str]:
    return [s.step for s in false_steps(text, 0, len(text))]


@pytest.mark.parametrize(("text", "false"), [
    # the lecture's first worked example: 5·5·3 + 1 = 76, 76·10 = 760, (32 + 4 - 5)/1 + 1 = 32
    ("each filter has 5*5*3 + 1 = 76 params so 76*10 = 760", []),
    ("each filter has 5*5*3 + 1 = 75 params so 75*10 = 760", ["5*5*3 + 1 = 75", "75*10 = 760"]),
    ("Output volume size: (32+2*2-5)/1+1 = 33 spatially, so 32x32x10", ["(32+2*2-5)/1+1 = 33"]),
    # a chain: the letters are not read, the division is
    ("W2 = (32 - 5 + 2*2)/1 + 1 = 32, H2 = 32", []),
    ("W2 = (32 - 5 + 2*2)/1 + 1 = 31, H2 = 32", ["(32 - 5 + 2*2)/1 + 1 = 31"]),
    ("5*5*3 + 1 = 76 = 75", ["76 = 75"]),  # a value worked out, then said otherwise
    ("5*5*3+1 = 76*10 = 750", ["76*10 = 750"]),
    # the working going on from a value: 75, then 75 + 1 = 76
    ("5*5*3 = 75 + 1 = 76", []),
    ("5*5*3 = 75 + 1 bias = 76", []),
    ("5*5*3 = 76 + 1 = 77", ["5*5*3 = 76 + 1"]),  # 5·5·3 is 75, not 76 nor 77
    # an inexact division: its value at the precision written, or rounded down or up (4/3 + 1 = 2.333…, 27/2 + 1 =
    # 14.5)
    ("(7-3)/3+1 = 2.33", []), ("(7-3)/3+1 = 2.3", []), ("(7-3)/3+1 = 2", []), ("(7-3)/3+1 = 3", []),
    ("(7-3)/3+1 = 2.34", ["(7-3)/3+1 = 2.34"]), ("(7-3)/3+1 = 2.5", ["(7-3)/3+1 = 2.5"]),
    ("(32-5)/2+1 = 14", []), ("(32-5)/2+1 = 15", []), ("(32-5)/2+1 = 14.5", []),
    ("(32-5)/2+1 = 16", ["(32-5)/2+1 = 16"]),
    # rounded counts: 224·224·64 = 3,211,264 (3.2M, not 3.3M); 34,944 is 35K or 34K truncated, not 33K; the notes'
    # 800K for 802,816 (its zeros are rounding: 8.0·10⁵)
    ("memory: 224*224*64=3.2M params: (3*3*3)*64 = 1,728", []),
    ("memory: 224*224*64=3.3M", ["224*224*64=3.3M"]),
    ("(11*11*3+1)*96 = 34,944", []), ("(11*11*3+1)*96 = 35K", []), ("(11*11*3+1)*96 = 34K", []),
    ("(11*11*3+1)*96 = 33K", ["(11*11*3+1)*96 = 33K"]), ("(11*11*3+1)*96 = 34,945", ["(11*11*3+1)*96 = 34,945"]),
    ("POOL2: [112x112x64]  memory:  112*112*64=800K   weights: 0", []),
    ("3*3*64*64*56*56 = 115.6M MACs", []), ("3*3*64*64*56*56 = 116 million", []),  # 115,605,504
    ("3*3*64*64*56*56 = 117 million", ["3*3*64*64*56*56 = 117 million"]),
    ("10 * 76 = 760 MACs", []), ("10 * 76 = 75MACs", ["10 * 76 = 75MACs"]),
    # volumes as products: 55·55·96 = 290,400
    ("55x55x96 = 290,400", []), ("55 x 55 x 96 = 290K", []), ("55 × 55 × 96 = 290,401", ["55 × 55 × 96 = 290,401"]),
    ("7*7*512*4096 = 102,760,448", []), ("7 · 7 · 512 · 4096 = 102.8M", []),
    # what is not read: powers, calls, floor brackets, percentages, a decimal comma or point glued before, bytes,
    # volumes on the right, numbers without an operator before them, scientific notation
    ("2^10 = 1024", []), ("2^2*3 = 11", []), ("sqrt(16) = 5", []), ("0,5*224 = 11", []), (".5*2 = 7", []),
    ("[27/2] + 1 = 15", []), ("⌊27/2⌋ + 1 = 15", []), ("floor((32-5)/2)+1 = 16", []),
    ("34944/61706 = 56.6%", []), ("224*224*64 = 12.8MB", []), ("(227-11)/4+1 = 55x55x96", []),
    ("Step 2 = (32-5)/2+1 = 14.5", []), ("x = 5", []), ("3 5*5 = 26", []), ("2) 5*5 = 26", []),
    ("7*7*512*4096 = 1e8", []), ("1/0 = 5", []), ("(32,32,10) = 10240", []), ("a: 5 * 5 = 25, +1 = 26", []),
    ("stride 2 => (7-3)/2+1 = 3", []), ("P = (5-1)/2 = 3", ["(5-1)/2 = 3"]),
    ("| conv1 | (11*11*3+1)*96 = 34,944 |", []), ("a (5*5 = 26)", ["5*5 = 26"]),
    # a value after an `=`, then its working (the lecture's `Output = 55 = (227-11)/4+1`); a label's number is not
    ("Output = 55 = (227-11)/4+1 = (N-F)/stride+1", []), ("Output = 56 = (227-11)/4+1", ["56 = (227-11)/4+1"]),
    ("Step 56 = (227-11)/4+1", []), ("layers 1-3 = 3", []),  # (a range: no working is negative)
    # arithmetic in words or LaTeX is not read, and never cut a side short: 3·4 + 1 = 13, 5·15 = 25·3
    ("3 times 4 + 1 = 13", []), ("5*15 = 25 times 3", []), ("32 by 32 = 1024", []), ("half of 10-2 = 3", []),
    ("$5 \\frac{3}{4} + 1 = 7$", []), ("5 \\cdot 5 + 1 = 26", []),
    # a working in parentheses beside a value after its `:` or `=`: 750 + 10 = 760, 76·10 = 760, 32·32·10·75 =
    # 768,000 (768K); not a remark with words, a nested parenthesis, or a working that goes on after it
    ("Params: 760 (750 + 10)", []), ("Params: 760 (751 + 10)", ["760 (751 + 10)"]), ("Params = 760 (76*10)", []),
    ("Params = 760 (75*10)", ["760 (75*10)"]), ("MACs: 768K (32*32*10*75)", []),
    ("MACs: 769K (32*32*10*75)", ["769K (32*32*10*75)"]), ("Params: 760 (10 filters of 76)", []),
    ("Output: 32 (32 - 5 + 4)/1 + 1", []), ("Params: 760 ((5*5*3 + 1)*10)", []), ("CONV1 96 (11*11)", []),
    ("Params: 760 (76*10 = 760)", []), ("Params: 760 (76*10 = 750)", ["76*10 = 750"]),
    # an arrow after a working is no minus: (227 - 11)/4 + 1 = 55 (the false step went unjudged)
    ("Output = (227 - 11)/4 + 1 = 56 -> 55x55x96", ["(227 - 11)/4 + 1 = 56"]),
    ("Output = (227 - 11)/4 + 1 = 55 -> 55x55x96", []), ("(227 - 11)/4 + 1 = 55 → 55x55x96", []),
])
def test_steps(text: str, false: list[str]) -> None:
    assert steps(text) == false


def test_a_false_step_says_what_its_left_side_is_and_where_it_is() -> None:
    text = "so (32-5)/2+1 = 16 here"
    (step,) = false_steps(text, 0, len(text))
    assert (step.step, text[step.start:step.end], step.shown) == ("(32-5)/2+1 = 16", "(32-5)/2+1 = 16", "14.5")
    assert (text[slice(*step.worked)], text[slice(*step.written)]) == ("(32-5)/2+1", "16")
    (step,) = false_steps("(7-3)/3 = 3", 0, 11)
    assert step.shown == "1.3333…"  # 4/3
    # a value past a float's range is shown from its integers: (10^30 - 1)^20 / 17 is not whole
    big = "*".join(["9" * 30] * 20)
    (step,) = false_steps(f"so {big}/17 = 5", 0, len(big) + 11)
    whole = (10**30 - 1) ** 20 // 17
    assert step.shown.startswith(f"{whole:,}.") and step.shown.endswith("…")


# ---- properties: Python's arithmetic on the same expression -------------------------------------------

_GLYPHS = {"+": ["+", " + "], "-": ["-", " - ", " − "], "*": ["*", " * ", "x", " x ", " × ", "·", " · "],
           "/": ["/", " / "]}


@st.composite
def expressions(draw: st.DrawFn, depth: int = 0) -> tuple[str, str]:
    """(as a student writes it, as Python reads it)."""
    if depth >= 3 or draw(st.booleans()):
        n = draw(st.integers(0, 999) | st.integers(0, 10**30 - 1))  # (up to the digits a number may have)
        return str(n), f"Fraction({n})"
    left, right = draw(expressions(depth + 1)), draw(expressions(depth + 1))
    op = draw(st.sampled_from("+-*/"))
    glyph = draw(st.sampled_from(_GLYPHS[op]))
    written = f"{left[0]}{glyph}{right[0]}"
    return (f"({written})" if depth else written), f"({left[1]}{op}{right[1]})"


def _value(python: str) -> Fraction | None:
    try:
        return eval(python, {"Fraction": Fraction})  # type: ignore[no-any-return]  # the test's own evaluator
    except ZeroDivisionError:
        return None


@given(expressions(), st.sampled_from(["each filter has ", "Output: ", "", "so "]),
       st.sampled_from([" params", "", ", so", " spatially.", " MACs"]), st.data())
def test_a_true_step_in_any_form_is_not_false(expression: tuple[str, str], before: str, after: str,
                                              data: st.DataObject) -> None:
    written, python = expression
    value = _value(python)
    if value is None or value < 0 or not any(c in written for c in "+-−*x×·/"):
        return
    if value.denominator == 1:
        n = value.numerator
        forms = [str(n), f"{n:,}"]
        if n >= 1000:  # in thousands, at the precision written: rounded half up, or truncated
            tenths = floor(Fraction(n, 100) + Fraction(1, 2))
            forms += [f"{floor(Fraction(n, 1000) + Fraction(1, 2))}K", f"{n // 1000}K",
                      f"{tenths // 10}.{tenths % 10}K"]
    else:  # an inexact division: rounded down or up, or its value to two decimals
        hundredths = floor(value * 100 + Fraction(1, 2))
        forms = [str(floor(value)), str(floor(value) + 1), f"{hundredths // 100}.{hundredths % 100:02d}"]
    right = data.draw(st.sampled_from(forms))
    text = f"{before}{written} = {right}{after}"
    assert steps(text) == [], text


@given(st.text(alphabet="0123456789+-−*/xX×·()=,. %^[]{}$\\abKMBpi\n", max_size=300))
def test_any_text_is_read_without_an_error_and_every_value_shown(text: str) -> None:
    for step in false_steps(text, 0, len(text)):
        assert step.shown and not step.holds


@given(expressions(), st.integers(1, 10_000), st.booleans())
def test_a_whole_value_written_otherwise_is_false(expression: tuple[str, str], off: int, below: bool) -> None:
    written, python = expression
    value = _value(python)
    if value is None or value < 0 or value.denominator != 1 or not any(c in written for c in "+-−*x×·/"):
        return  # (a negative value is not judged: no working has one, `layers 1-3` is a range)
    wrong = value.numerator - off if below else value.numerator + off
    if wrong < 0 or len(str(wrong)) > MAX_COUNT_DIGITS:
        return  # (a longer number is not read: the limit on a number's digits)
    text = f"each has {written} = {wrong} params"
    assert steps(text) == [f"{written} = {wrong}"], text


# ---- in a sheet ----------------------------------------------------------------------------------------

SHEET = """Input volume: 32x32x3
10 different 5x5 filters with stride 1, pad 2
Output volume size: (32+2*2-5)/1+1 = {side} spatially, so 32x32x10
Number of parameters in this layer: each filter has 5*5*3 + 1 = {filter} params so {filter}*10 = {params}
"""


def sheet(**values: object) -> cnncalc.Report:
    return cnncalc.analyze_text(SHEET.format(**values), "hw.txt", lang="lecture")


def errors(report: cnncalc.Report) -> list[tuple[str, int, int, str]]:
    return [(d.code, *report.source.line_col(d.span.start), d.message) for d in report.diagnostics
            if d.severity == "error"]


def test_the_right_working_has_no_error() -> None:
    report = sheet(side=32, filter=76, params=760)
    assert errors(report) == [] and [a.verdict for a in report.answers] == ["right", "right"]


def test_false_steps_before_right_answers_are_errors_at_each_step() -> None:
    report = sheet(side=33, filter=75, params=760)
    assert [a.verdict for a in report.answers] == ["right", "right"]  # the answers themselves: 32x32x10, 760
    line3, line4 = SHEET.splitlines()[2], SHEET.splitlines()[3].format(filter=75, params=760)
    assert errors(report) == [
        ("E046", 3, line3.index("(32") + 1, "the working's `(32+2*2-5)/1+1 = 33` does not hold: (32+2*2-5)/1+1 is 32"),
        ("E046", 4, line4.index("5*5*3") + 1, "the working's `5*5*3 + 1 = 75` does not hold: 5*5*3 + 1 is 76"),
        ("E046", 4, line4.index("75*10") + 1, "the working's `75*10 = 760` does not hold: 75*10 is 750")]
    text = SHEET.format(side=33, filter=75, params=760)
    d = next(d for d in report.diagnostics if d.code == "E046")
    assert text[d.span.start:d.span.end] == "(32+2*2-5)/1+1 = 33"
    assert d.hint == "correct the step; the answer judged is the number after the last `=`"


def test_a_working_beside_a_value_in_parentheses_is_checked_too() -> None:
    # 10 5x5 filters on 32x32x3: 750 weights + 10 biases = 760 parameters. `760 (751 + 10)` was passed: the
    # parenthesis was not read; now its sum is a step, E046 when it is not the value (the answer itself is right)
    text = "Input: 32x32x3\nCONV1: 10 5x5 filters, stride 1, pad 2\nParams: 760 (751 + 10)\n"
    report = cnncalc.analyze_text(text, "hw.txt")
    assert [a.verdict for a in report.answers] == ["right"]
    assert errors(report) == [("E046", 3, 9, "the working's `760 (751 + 10)` does not hold: 751 + 10 is 761")]
    assert errors(cnncalc.analyze_text(text.replace("751", "750"), "hw.txt")) == []


def test_a_step_whose_value_is_an_answer_judged_wrong_is_that_answers_error_alone() -> None:
    # 76·10 is 760: the answer 750 is wrong (E041), and its step is not reported again
    report = sheet(side=32, filter=76, params=750)
    assert [code for code, *_ in errors(report)] == ["E041"]


def test_a_wrong_answer_whose_working_gives_the_right_count_is_said_to_slip_in_its_last_step() -> None:
    # (5·5·3 + 1)·10 is 760: 750 after `76*10 =` is an arithmetic slip (750 would otherwise read as the count
    # without the 10 biases); after `75*10 =`, whose working gives 750, it is that count
    slipped = sheet(side=32, filter=76, params=750)
    assert [a.reason for a in slipped.answers if a.verdict == "wrong"] == [
        "its working gives 760: the arithmetic of its last step slipped"]
    without = cnncalc.analyze_text(SHEET.format(side=32, filter=76, params=750).replace("76*10", "75*10"), "hw.txt",
                                   lang="lecture")
    assert [a.reason for a in without.answers if a.verdict == "wrong"] == ["that is the count without the 10 biases"]
    assert [d.code for d in without.diagnostics if d.severity == "error"] == ["E041"]  # 75·10 = 750 holds


def test_a_wrong_side_whose_working_gives_the_right_one_is_said_to_slip_too() -> None:
    # (32 + 2·2 - 5)/1 + 1 is 32: 33 after it is that step's arithmetic
    text = "Input volume: 32x32x3\n10 different 5x5 filters with stride 1, pad 2\nOutput: (32+2*2-5)/1+1 = 33\n"
    report = cnncalc.analyze_text(text, "hw.txt", lang="lecture")
    assert [(a.quantity, a.verdict, a.reason) for a in report.answers] == [
        ("output", "wrong", "its working gives 32: the arithmetic of its last step slipped")]


def test_a_working_in_notebook_markup_is_read_as_it_shows() -> None:
    # LaTeX's `\\times` and bold stars are blanked where they are (lecture.plain): 5·5·3 + 1 is 76, not 75
    text = ("Input volume: 32x32x3\n10 different 5x5 filters with stride 1, pad 2\n"
            "Number of parameters: each filter has $5 \\times 5 \\times 3 + 1 = 75$ params so **75*10 = 760**\n")
    report = cnncalc.analyze_text(text, "hw.ipynb.txt", lang="lecture")
    assert [(code, line) for code, line, _, _ in errors(report)] == [("E046", 3), ("E046", 3)]
    assert [text[d.span.start:d.span.end] for d in report.diagnostics if d.code == "E046"] == [
        "5 \\times 5 \\times 3 + 1 = 75", "75*10 = 760"]
    assert next(d.message for d in report.diagnostics if d.code == "E046") == \
        "the working's `5 \\times 5 \\times 3 + 1 = 75` does not hold: 5 \\times 5 \\times 3 + 1 is 76"


def test_a_working_in_the_spec_languages_comment_is_not_read() -> None:
    report = cnncalc.analyze_text("input 32x32x3\nconv 10 5x5 pad 2 -> 32x32x10  # 5*5*3 + 1 = 75\n")
    assert "E046" not in [d.code for d in report.diagnostics]


def test_a_lines_steps_are_judged_up_to_its_limit_and_a_side_within_its_own() -> None:
    from cnncalc.limits import MAX_WORKING_SIDE, MAX_WORKING_SIGNS
    # every step false (1·1 is 1): those before the line's MAX_WORKING_SIGNS-th `=` are reported, the rest not read
    text = "1*1 = 2, " * (MAX_WORKING_SIGNS + 10)
    assert len(steps(text)) == MAX_WORKING_SIGNS
    # a side of MAX_WORKING_SIDE tokens is read (1 + 1 + … is the number of ones), one longer is not
    ones = (MAX_WORKING_SIDE + 1) // 2  # `1 + 1 + … + 1`: 2·ones - 1 tokens
    assert steps(f"so {' + '.join(['1'] * ones)} = {ones + 1}") == [f"{' + '.join(['1'] * ones)} = {ones + 1}"]
    assert steps(f"so {' + '.join(['1'] * (ones + 1))} = {ones + 3}") == []


@pytest.mark.parametrize("line, message", [
    # a working alone under the layer, read as no answer (prose): a false one passed with exit 0
    ("(7 - 3)/2 + 1 = 4", "the working's `(7 - 3)/2 + 1 = 4` does not hold: (7 - 3)/2 + 1 is 3"),
    ("(N - F)/stride + 1 = (7 - 3)/2 + 1 = 4", "the working's `(7 - 3)/2 + 1 = 4` does not hold: (7 - 3)/2 + 1 is 3"),
    ("Each output pixel sums 3*3 = 8 products.", "the working's `3*3 = 8` does not hold: 3*3 is 9"),
])
def test_a_false_working_on_a_line_skipped_as_prose_is_an_error(line: str, message: str) -> None:
    report = cnncalc.analyze_text(f"Input: 7x7x1\n1 3x3 filter, stride 2\n{line}\n", "hw.txt", lang="lecture")
    step = message.split("`")[1]  # (the caret under the step, where it stands on its line)
    assert errors(report) == [("E046", 3, line.index(step) + 1, message)]
    e046 = next(d for d in report.diagnostics if d.code == "E046")
    assert e046.hint == "correct the step (the line is read as arithmetic only: no answer on it is judged)"


@pytest.mark.parametrize("line", [
    "(7 - 3)/2 + 1 = 3", "(N - F)/stride + 1 = (7 - 3)/2 + 1 = 3", "(7 - 3)/3 + 1 = 2.33 :-(",
    "(8 - 3)/2 + 1 = 3.5 -> 3", "7x7 = 49 pixels, 49*4 = 196 bytes", "224/2 = 112 and 112/2 = 56",
])
def test_a_true_working_on_a_line_skipped_as_prose_is_no_error(line: str) -> None:
    report = cnncalc.analyze_text(f"Input: 7x7x1\n1 3x3 filter, stride 2\n{line}\n", "hw.txt", lang="lecture")
    assert errors(report) == [], line
