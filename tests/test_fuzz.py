"""No input gives a traceback or a hang: random text, and random edits of valid specs."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

import cnncalc
from cnncalc.cli import cli
from tests.conftest import SPECS

SPEC_TEXTS = [p.read_text() for p in sorted(SPECS.glob("*.spec"))]
VOCABULARY = ["conv", "maxpool", "fc", "input", "8x8x3", "3x3", "stride", "pad", "same", "->", "{", "}", "|",
              "concat", "add", "residual", "shortcut", "repeat", "block", "b(", ")", "(", "=", ",", "//", "*",
              "0", "-1", "2", "99999999999999999999", "params", "macs", "expect", "total", "\n", ";", ":",
              "ceil", "floor", "rounding", "nobias", "1.5", "35K", "#", "x", "groups", "dwconv", "deconv",
              "outpad", "bn", "identity", "batch", "output", "<=", "\t", "é", "\x00"]



def analyses(text: str) -> None:
    report = cnncalc.analyze_text(text + "\n")
    # Every diagnostic is locatable within the text, and every error says how to put it right.
    for d in report.diagnostics:
        assert 0 <= d.span.start <= len(text) + 1
        report.source.line_col(d.span.start)
        assert d.severity != "error" or d.hint, d


@given(st.text(max_size=300))
def test_random_text(text: str) -> None:
    analyses(text)


@given(st.lists(st.sampled_from(VOCABULARY), max_size=60).map(" ".join))
def test_random_token_soup(text: str) -> None:
    analyses(text)


@st.composite
def edited_spec(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SPEC_TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 12)))
        insert = draw(st.one_of(st.text(max_size=6), st.sampled_from(VOCABULARY)))
        text = text[:i] + insert + text[j:]
    return text


@given(edited_spec())
def test_random_edits_of_valid_specs(text: str) -> None:
    analyses(text)


@settings(max_examples=40)
@given(edited_spec(), st.sampled_from(["table", "json", "csv", "markdown"]))
def test_cli_never_prints_a_traceback(text: str, fmt: str) -> None:
    result = CliRunner().invoke(cli, ["-", "--format", fmt, "--explain"] if fmt == "table" else ["-", "--format", fmt],
                                input=text)
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


HOMEWORK = (SPECS.parent / "docs" / "examples" / "alexnet-homework.txt").read_text()


@given(st.integers(0, len(HOMEWORK)), st.integers(0, 10), st.one_of(st.text(max_size=6), st.sampled_from(VOCABULARY)))
def test_random_edits_of_lecture_notation(i: int, n: int, insert: str) -> None:
    analyses(HOMEWORK[:i] + insert + HOMEWORK[i + n:])


@settings(max_examples=30)
@given(edited_spec(), st.sampled_from(["text", "json", "github", "junit", "sarif", "markdown"]))
def test_check_never_prints_a_traceback(text: str, fmt: str) -> None:
    result = CliRunner().invoke(cli, ["check", "-", "--format", fmt, "--explain"], input=text)
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@given(st.integers(0, 2**32), st.booleans())
def test_json_rows_are_written_as_the_standard_encoder_would(seed: int, explain: bool) -> None:
    """The JSON rows are formatted by hand for speed; the standard library reads back what `row_dict` says."""
    import json

    from cnncalc.analysis import Settings, run
    from cnncalc.render.machine import RowWriter, row_dict
    from tests.grammar import case

    _, text = case(seed)
    writer = RowWriter()
    for analysis in run(text, "fuzz.spec", Settings(explain=explain)):
        for row in analysis.report.rows[:2000]:
            assert json.loads(writer.row(row)) == row_dict(row)


def test_one_json_writer_serves_many_networks_in_bounded_memory() -> None:
    # A document's networks share one writer (the kinds of row repeat across a repository's specs); past
    # _KEPT kinds of row its caches start again. 5,000 distinct rows: fc layers of 1 to 5,000 units on a
    # vector of 8, each row (8 + 1)·n parameters, its own tail; every one still as the standard encoder.
    import json

    from cnncalc.analysis import run
    from cnncalc.render.machine import _KEPT, RowWriter, row_dict

    writer = RowWriter()
    text = "input 8\n" + "".join(f"f{n}: fc {n} ; fc 8\n" for n in range(1, 2501))
    for analysis in run(text, "wide.spec"):
        for row in analysis.report.rows:
            assert json.loads(writer.row(row)) == row_dict(row)
            assert len(writer.tails) <= _KEPT and len(writer.fields) <= _KEPT
    assert _KEPT < 5000


_TEXT = st.text(st.characters(blacklist_categories=()))  # control characters and lone surrogates too
_JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | _TEXT
_JSON_VALUES = st.recursive(
    _JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(_TEXT | st.integers() | st.floats() | st.booleans() | st.none(), inner, max_size=4),
    max_leaves=20)


@given(_JSON_VALUES)
@example([float("nan"), float("inf"), float("-inf"), -0.0, 1e16, 0.1, 2**70, -(2**70)])
@example({None: "\x00\x1f\x7f\u2028\"\\\b\f\n\r\t\ud800", 2: {}, 1.5: [], False: ()})
def test_json_values_are_written_as_the_standard_encoder_would(value: object) -> None:
    """The summary's document is written without importing `json`: the text is json.dumps's, character
    for character (control characters, quotes, lone surrogates, NaN and infinities, non-string keys)."""
    import json

    from cnncalc.render.machine import json_text

    assert json_text(value) == json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


@pytest.mark.parametrize("value", [{(1, 2): 3}, {1j}, [object()], b"bytes"])
def test_json_refuses_what_the_standard_encoder_refuses(value: object) -> None:
    import json

    from cnncalc.render.machine import json_text

    with pytest.raises(TypeError):
        json.dumps(value)
    with pytest.raises(TypeError):
        json_text(value)
