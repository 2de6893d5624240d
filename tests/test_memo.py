"""The caches analyses share (cnncalc/memo.py) never change an answer: a file analysed after others gives the
report it gives on empty caches, and the caches stay within their bound."""
from __future__ import annotations

import random

import pytest

from cnncalc import analysis, expand, limits, memo, parser, walker
from cnncalc.diagnostics import DiagnosticSink
from cnncalc.files import read_source
from cnncalc.render.formats import FORMATS, Options
from tests.conftest import SPECS
from tests.grammar import NOTATION_FILES, ROOT, case

FILES = sorted(SPECS.glob("*.spec")) + sorted((ROOT / "docs" / "examples").rglob("*.spec")) + NOTATION_FILES + [
    ROOT / "tests" / "fixtures" / "layers.spec"]


def document(text: str, name: str, **settings: object) -> str:
    """Every network of the text as `--format json` writes it, each row's working too."""
    reports = [a.report for a in analysis.run(text, name, analysis._settings(dict(settings)))]
    return "\n".join(FORMATS["json"].renderer()(reports, Options(explain=True, command="summary")))


def test_each_file_after_the_others_is_reported_as_on_empty_caches() -> None:
    texts = [(str(p), read_source(str(p)).text) for p in FILES]
    cold = {}
    for name, text in texts:
        memo.clear()
        cold[name] = document(text, name)
    memo.clear()
    for name, text in random.Random(7).sample(texts, len(texts)) + texts[::-1]:
        assert document(text, name) == cold[name], name


@pytest.mark.parametrize("settings", [{"rounding": "floor"}, {"rounding": "ceil"}, {"explain": True},
                                      {"train": "adam"}, {"batch": 8}])
def test_settings_that_change_what_a_layer_gives_are_not_mixed_by_the_caches(settings: dict[str, object]) -> None:
    texts = [(str(p), p.read_text()) for p in sorted(SPECS.glob("*.spec"))[:12]]
    for name, text in texts:
        memo.clear()
        alone = document(text, name, **settings)
        memo.clear()
        for other, other_text in texts:
            document(other_text, other)  # the caches filled with the default settings' results
        assert document(text, name, **settings) == alone, name


def test_generated_specs_and_sheets_are_reported_as_on_empty_caches() -> None:
    # pairs of fuzz cases (generated specs, homework sheets, mutated real files): each analysed cold, then again
    # after the other, which may share its lines and layers, or differ only in the rounding or a label
    for seed in range(0, 600, 2):
        (_, first), (_, second) = case(seed), case(seed + 1)
        memo.clear()
        first_cold = document(first, "a.spec")
        memo.clear()
        second_cold = document(second, "b.spec")
        assert document(first, "a.spec") == first_cold, seed
        assert document(second, "b.spec") == second_cold, seed + 1


def test_a_frozen_layer_of_one_file_does_not_freeze_another() -> None:
    frozen = "input 8x8x3\nconv 4 3x3 frozen\nconv 4 3x3\n"
    trained = "input 8x8x3\nconv 4 3x3\nconv 4 3x3\n"
    memo.clear()
    assert cnncalc_totals(frozen).frozen == 3 * 3 * 3 * 4 + 4  # the first convolution's (3·3·3 + 1)·4
    assert cnncalc_totals(trained).frozen == 0
    assert cnncalc_totals(frozen).frozen == 112


def test_a_label_of_a_line_read_from_the_cache_still_names_a_layer_in_hints() -> None:
    # `conv1` is a label: an unknown layer `conv1` later is hinted as the reference `@conv1`, whether its line
    # was parsed here or taken from the cache
    text = "input 8x8x3\nconv1: conv 4 3x3\nconcat { conv1 | identity }\n"
    memo.clear()
    cold = document(text, "a.spec")
    assert "@conv1" in cold
    assert document(text, "a.spec") == cold


def test_an_expect_line_read_from_the_cache_is_judged_where_this_file_writes_it() -> None:
    # `expect total params 100` (wrong: (3·3·3 + 1)·4 = 112) and `expect output 8x8x5` (wrong: 8x8x4) at lines 3-4 of
    # the first file, then lines 5-6 of the second, indented: the second file's E043 and E044 at its own lines and
    # columns, counted here, as on empty caches; a line the parser reported (`expect total params 1OO`) is not kept
    first = "input 8x8x3\nconv 4 3x3 pad 1\nexpect total params 100\nexpect output 8x8x5\n"
    second = "# the same expectations lower down\ninput 8x8x3\n\nconv 4 3x3 pad 1\n  expect total params 100\n" \
             "  expect output 8x8x5\nexpect total params 1OO\n"
    memo.clear()
    second_cold = document(second, "b.spec")
    memo.clear()
    document(first, "a.spec")
    assert document(second, "b.spec") == second_cold
    found = [(d.code, source_position(second, d.span.start)) for d in analysis.run(second, "b.spec")[0].report
             .diagnostics if d.severity == "error"]
    assert found == [("E043", (5, 23)), ("E044", (6, 17)), ("E013", (7, 21))]  # (`1OO` is no count: no total)


def test_a_line_is_sized_with_its_own_files_blocks() -> None:
    # the same line, `stage(2)`, in two files whose `stage` differ: 1 + 2·(1 + 2) = 7 nodes in the first (a repeat of
    # two iterations of two layers), 1 + 2·(1 + 100,000·(1 + 2)) = 600,003 in the second, past the node limit
    # (E058 before anything is built); the first file's size, kept, must not pass the second (nor the second's
    # refuse the first, read again after it)
    small = "input 8x8x3\nblock stage(n) {\n  repeat n { conv 3 3x3 pad 1 ; relu }\n}\nstage(2)\n"
    large = small.replace("repeat n {", "repeat n { repeat 100000 {").replace("relu }", "relu } }")
    assert limits.MAX_NODES < 1 + 2 * (1 + 100_000 * 3)
    memo.clear()
    cold_large = document(large, "b.spec")
    assert "E058" in cold_large
    memo.clear()
    cold_small = document(small, "a.spec")
    assert document(large, "b.spec") == cold_large
    assert document(small, "a.spec") == cold_small and "E058" not in cold_small


BLOCK = "block down(c, s=q) {\n  conv c 3x3 stride s pad 1\n  relu\n}\n"


def test_a_block_definition_read_from_the_cache_reports_where_this_file_writes_it() -> None:
    memo.clear()
    first = "input 32x32x3\n" + BLOCK + "down(8, 2)\n"  # the block at line 2
    second = "# the same block lower down\ninput 30x30x3\n\n" + BLOCK + "down(8, 2)\ndown(3, 3)\ndown(8)\n"
    second_cold = document(second, "b.spec")
    memo.clear()
    first_block = parser.parse(first, DiagnosticSink()).blocks[0]
    document(first, "a.spec")
    second_block = parser.parse(second, DiagnosticSink()).blocks[0]
    assert second_block.body is first_block.body  # read from the cache, not parsed again
    assert document(second, "b.spec") == second_cold
    # at line 4 here (line 2 in the first file): `q` (col 17) in the default; the convolution at line 5, col 14,
    # (30 - 3 + 2)/2 + 1 = 15.5 in the first call, (15 - 3 + 2)/3 + 1 = 5.67 in the second
    found = [(d.code, source_position(second, d.span.start)) for d in analysis.run(second, "b.spec")[0].report
             .diagnostics]
    assert found == [("E059", (4, 17)), ("E030", (5, 14)), ("E030", (5, 14))]


def test_a_block_whose_first_line_an_earlier_file_wrote_with_another_body_is_read_afresh() -> None:
    memo.clear()
    document("input 32x32x3\n" + BLOCK + "down(8, 1)\n", "a.spec")
    other = "input 32x32x3\n" + BLOCK.replace("relu", "maxpool 2x2 stride 2") + "down(8, 1)\n"
    totals = cnncalc_totals(other)
    assert analysis.run(other, "b.spec")[0].report.rows[-1].output.dims == (16, 16, 8)  # 32/2 after the pool
    assert totals.params == 3 * 3 * 3 * 8 + 8


def test_a_layer_built_from_block_parameters_is_shared_only_under_the_same_values_and_rounding() -> None:
    # the block's body is one IR in all three files (the parser's cache), its layers built from `c` and `s`: the
    # pool at stride 2 on 8x8 is (8 - 3)/2 + 1 = 3.5, 3 floored and 4 rounded up; at stride 1, (8 - 3)/1 + 1 = 6
    block = "block down(c, s) {\n  maxpool 3x3 stride s\n  conv c 1x1\n}\n"
    texts = {"floor.spec": "input 8x8x3\nrounding floor\n" + block + "down(4, 2)\n",
             "ceil.spec": "input 8x8x3\nrounding ceil\n" + block + "down(4, 2)\n",
             "one.spec": "input 8x8x3\n" + block + "down(6, 1)\n"}
    expected = {"floor.spec": (3, 3, 4), "ceil.spec": (4, 4, 4), "one.spec": (6, 6, 6)}
    cold = {}
    for name, text in texts.items():
        memo.clear()
        cold[name] = document(text, name)
    memo.clear()
    for name in [*texts, *reversed(texts)]:
        assert document(texts[name], name) == cold[name], name
        assert analysis.run(texts[name], name)[0].report.output.dims == expected[name]


def test_block_definitions_are_kept_within_their_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    memo.clear()
    long_body = "".join(f"  conv {c} 1x1\n" for c in range(1, 200))  # some 2,900 characters
    document("input 8x8x3\nblock big {\n" + long_body + "}\nbig\n", "a.spec")
    assert parser._BLOCKS == {}  # longer than 2,000 characters: not kept
    monkeypatch.setattr(parser, "_KEPT_BLOCKS", 2)
    for n in range(5):
        document(f"input 8x8x3\nblock b{n} {{\n  conv {n + 1} 1x1\n}}\nb{n}\n", f"{n}.spec")
        assert len(parser._BLOCKS) <= 2
    assert list(parser._BLOCKS) == ["block b4 {"]  # emptied when full, then the latest kept


def test_a_layer_line_labelled_with_a_statement_word_is_read_from_the_cache() -> None:
    # `block1:`, `input_conv:` and `network2:` label layers (a statement is its word alone: `block name(...) {`)
    memo.clear()
    text = "input 16x16x3\nblock1: conv 4 3x3\ninput_conv: conv 4 3x3\nnetwork2: relu\nexpected: relu\n"
    first = parser.parse(text, DiagnosticSink()).networks[0].body.lines
    again = parser.parse("\n" + text, DiagnosticSink()).networks[0].body.lines
    assert len(first) == len(again) == 4
    assert all(a.items is b.items for a, b in zip(first, again))  # the same items: not parsed again
    assert [a.shift for a in again] == [1, 1, 1, 1]  # one character lower
    statement = "input 16x16x3\nblock b(c) {\n  conv c 1x1\n}\nb(4)\n"
    assert [b.name for b in parser.parse(statement, DiagnosticSink()).blocks] == ["b"]  # still a definition


def test_blocks_that_share_a_first_line_with_other_bodies_are_each_read_from_the_cache() -> None:
    # two networks that name their blocks alike (`block down(c, s=q) {`), analysed in turn: each body is parsed
    # once, and its layers built once
    memo.clear()
    basic = "input 32x32x3\n" + BLOCK + "down(8, 1)\n"
    pooled = "input 32x32x3\n" + BLOCK.replace("relu", "maxpool 2x2 stride 2") + "down(8, 1)\n"
    bodies = {name: parser.parse(text, DiagnosticSink()).blocks[0].body for name, text in
              (("basic", basic), ("pooled", pooled))}
    for name, text in [("basic", basic), ("pooled", pooled)] * 2:
        assert parser.parse(text, DiagnosticSink()).blocks[0].body is bodies[name], name
    assert analysis.run(pooled, "b.spec")[0].report.output.dims == (16, 16, 8)  # 32/2 after the pool
    assert analysis.run(basic, "a.spec")[0].report.output.dims == (32, 32, 8)


def test_block_definitions_are_kept_four_to_a_first_line(monkeypatch: pytest.MonkeyPatch) -> None:
    memo.clear()
    for n in range(6):
        parser.parse(f"input 8x8x3\nblock b {{\n  conv {n + 1} 1x1\n}}\nb\n", DiagnosticSink())
    kept = parser._BLOCKS["block b {"]
    assert [read[0] for read in kept] == [f"block b {{\n  conv {n} 1x1\n}}\n" for n in (6, 5, 4, 3)]


def test_layers_under_a_rounding_stated_on_other_lines_are_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # the same lines under `rounding floor` at line 2 and at line 3: the roundings differ in where they are stated
    # (the notes say it), and each file's layers are built once however the files alternate
    block = "block down(c) {\n  conv c 3x3 stride 2\n}\n"
    first = "input 16x16x3\nrounding floor\n" + block + "conv 4 3x3 stride 2\ndown(8)\n"
    second = "input 16x16x3\n\nrounding floor\n" + block + "conv 4 3x3 stride 2\ndown(8)\n"
    memo.clear()
    cold = {name: document(text, name) for name, text in (("a.spec", first), ("b.spec", second))}
    memo.clear()
    built = []
    arguments = expand.Expander.arguments
    monkeypatch.setattr(expand.Expander, "arguments", lambda self, call, *rest: (built.append(call.keyword),
                                                                                 arguments(self, call, *rest))[1])
    for name, text in [("a.spec", first), ("b.spec", second)] * 3:
        assert document(text, name) == cold[name], name
    assert sorted(built) == ["conv", "conv", "conv", "conv"]  # two convolutions in each file, each built once
    # (16 - 3)/2 + 1 = 7.5, floored to 7 by the rounding each file states where it states it; (7 - 3)/2 + 1 = 3
    assert "`rounding floor` at line 2" in cold["a.spec"] and "`rounding floor` at line 3" in cold["b.spec"]


def test_a_layer_that_reports_on_its_input_is_computed_once_and_reported_at_each_place(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # one convolution written in both branches, (16 - 3)/2 + 1 = 7.5 floored to 7 on the input: its note said at
    # each branch (at its `stride`), in both files, the second stating its rounding a line lower
    text = "input 16x16x3\nrounding floor\nconcat { conv 4 3x3 stride 2 | conv 4 3x3 stride 2 ; relu }\n"
    texts = {"a.spec": text, "b.spec": "# the same network, a line lower\n" + text}
    memo.clear()
    cold = {name: document(t, name) for name, t in texts.items()}
    memo.clear()
    computed = []
    declared = walker._check_declared_inputs
    monkeypatch.setattr(walker, "_check_declared_inputs",
                        lambda layer, x, ctx: (computed.append(x.dims), declared(layer, x, ctx))[1])
    for name in [*texts, *texts]:
        assert document(texts[name], name) == cold[name], name
        notes = [(d.code, source_position(texts[name], d.span.start), d.message)
                 for d in analysis.run(texts[name], name)[0].report.diagnostics]
        line = texts[name].count("\n", 0, texts[name].index("concat")) + 1
        first = text.index("stride") - text.index("concat") + 1
        second = text.index("stride", text.index("|")) - text.index("concat") + 1
        said = f"(16 - 3 + 2·0)/2 + 1 = 7.5, rounded down to 7 (`rounding floor` at line {line - 1})"
        assert notes == [("N030", (line, first), f"concat1.1.conv1: {said}"),
                         ("N030", (line, second), f"concat1.2.conv1: {said}")]
    # the convolution once under each file's rounding (its notes name where it is stated), the relu on 7x7x4 once
    assert computed == [(16, 16, 3), (7, 7, 4), (16, 16, 3)]


def source_position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of an offset, counted here rather than by cnncalc."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def test_the_caches_are_emptied_past_their_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (SPECS / "resnet50.spec").read_text()
    memo.clear()
    whole = document(text, "resnet50.spec")
    assert sum(map(len, memo._CACHES)) > 50  # its lines, layers and what each gives on its input
    monkeypatch.setattr(limits, "MAX_SHARED_ENTRIES", 50)
    assert document(text, "resnet50.spec") == whole
    assert sum(map(len, memo._CACHES)) == 0


def cnncalc_totals(text: str) -> analysis.Totals:
    return analysis.run(text, "t.spec")[0].report.totals


def test_a_block_whose_line_the_lexer_reports_is_not_kept_for_the_next_file() -> None:
    # `é` on a block's first line is E001 when the line is lexed, before the parser reads `block`: the block was
    # kept as read without diagnostics, and the same file (or any sharing that line) analysed again lost its E001
    text = "block b() { concat { é | relu } }\ninput 8x8x3\nb()\n"
    memo.clear()
    first, again = (analysis.run(text, "a.spec")[0].report for _ in range(2))
    assert [(d.code, d.line) for d in first.diagnostics if d.code == "E001"] == [("E001", 1)]
    assert again.diagnostics == first.diagnostics
