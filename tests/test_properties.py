"""Properties (hypothesis) of the branch and repetition semantics, on constructively generated specs."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import cnncalc
from cnncalc.report import Report
from tests.conftest import SPECS, prepare, run
from tests.strict_lines import error_lines, spec
from tests.strict_lines import network as strict_network

channels = st.integers(1, 12)
# Layers that accept any volume of at least 1x1: sizes may shrink (ceil pools) but never vanish.
layer = st.one_of(
    channels.map(lambda c: f"conv {c} 3x3 pad 1"),
    channels.map(lambda c: f"conv {c} 1x1 nobias"),
    st.just("relu"), st.just("bn"), st.just("dwconv 3x3 pad 1"),
    st.just("maxpool 2x2 ceil"), st.just("avgpool 3x3 stride 1 pad 1"),
    channels.map(lambda c: f"residual {{ conv {c} 3x3 pad 1 }} shortcut {{ conv {c} 1x1 }}"),
    st.tuples(channels, channels).map(lambda cc: f"concat {{ conv {cc[0]} 1x1 | conv {cc[1]} 3x3 pad 1 }}"),
)
body = st.lists(layer, min_size=1, max_size=4)
size = st.integers(1, 20)


def leaf_signature(report: Report) -> list[tuple[str, tuple[int, ...] | None, int, int]]:
    return [(r.op, r.output.dims if r.output else None, r.params, r.macs) for r in report.rows if r.kind == "layer"]


@given(size, channels, body, st.integers(0, 4))
def test_repeat_is_the_body_written_k_times(hw: int, c: int, layers: list[str], k: int) -> None:
    head = f"input {hw}x{hw}x{c}\n"
    repeated = run(head + "repeat " + str(k) + " {\n" + "\n".join(layers) + "\n}\n")
    unrolled = run(head + "\n".join(layers * k) + "\n")
    assert repeated.ok and unrolled.ok
    assert leaf_signature(repeated) == leaf_signature(unrolled)
    assert repeated.totals == unrolled.totals
    assert repeated.output == unrolled.output


@given(size, channels, st.lists(st.tuples(channels, body), min_size=1, max_size=4))
def test_concat_depth_is_the_sum_of_branch_depths(hw: int, c: int, branches: list[tuple[int, list[str]]]) -> None:
    # Each branch ends in a 1x1 conv of known depth; same-size layers keep the spatial size equal.
    same_size = [[x for x in layers if "maxpool" not in x] for _, layers in branches]
    text = f"input {hw}x{hw}x{c}\nm: concat {{\n" + "\n| ".join(
        " ; ".join(layers + [f"conv {d} 1x1"]) for (d, _), layers in zip(branches, same_size)) + "\n}\n"
    r = run(text)
    assert r.ok, [(d.code, d.message) for d in r.diagnostics]
    assert r.output.dims == (hw, hw, sum(d for d, _ in branches))


def standing_rows(report: Report, depth: int) -> list:
    """The rows a `--depth depth` table shows that are not opened up: together they cover the network once."""
    visible = [r for r in report.rows if r.depth <= depth]
    return [r for i, r in enumerate(visible)
            if not (i + 1 < len(visible) and visible[i + 1].depth > r.depth)]


def check_totals_at_every_depth(report: Report) -> None:
    deepest = max((r.depth for r in report.rows), default=1)
    t = report.totals
    for depth in range(1, deepest + 1):
        rows = standing_rows(report, depth)
        assert sum(r.params for r in rows) == t.params
        assert sum(r.macs for r in rows) == t.macs
        assert sum(r.non_trainable for r in rows) == t.non_trainable
        assert sum(r.activations for r in rows) == t.activations


@given(size, channels, st.lists(st.one_of(layer, body.map(lambda b: "repeat 2 { " + " ; ".join(b) + " }")),
                                min_size=1, max_size=5))
def test_totals_equal_the_rows_at_every_depth(hw: int, c: int, lines: list[str]) -> None:
    r = run(f"input {hw}x{hw}x{c}\n" + "\n".join(lines) + "\n")
    assert r.ok
    check_totals_at_every_depth(r)


def test_totals_equal_the_rows_at_every_depth_for_the_spec_library() -> None:
    for path in sorted(SPECS.glob("*.spec")):
        check_totals_at_every_depth(cnncalc.analyze(path))


# ---- walker against executor on random layers --------------------------------------------

@st.composite
def random_layer(draw: st.DrawFn) -> str:
    """Any layer or merge with any options (every registered keyword has a case here, as
    tests/test_registry.py checks); invalid combinations are filtered by analysing them."""
    k = draw(st.integers(1, 5))
    kw = draw(st.integers(1, 5))
    kernel = f"{k}x{kw}" if draw(st.booleans()) else str(k)
    stride = draw(st.integers(1, 3))
    pad = draw(st.sampled_from(["", f"pad {draw(st.integers(0, 2))}", "pad same", "pad 1,0,2,1", "pad 0x1",
                                "padding 1", "pad valid"]))
    rounding = draw(st.sampled_from(["", "floor", "ceil"]))
    c = draw(st.integers(1, 6))
    cases = {
        "conv": lambda: (f"conv {c * (g := draw(st.sampled_from([1, 2])))} {kernel} stride {stride} {pad} "
                         f"dilation {draw(st.integers(1, 2))} groups {g} {rounding} "
                         f"{draw(st.sampled_from(['', 'nobias']))} {draw(st.sampled_from(['', 'weightnorm']))}"),
        "dwconv": lambda: (f"dwconv {kernel} stride {stride} {pad} multiplier {draw(st.integers(1, 2))} {rounding} "
                           f"{draw(st.sampled_from(['', 'weightnorm']))}"),
        "channelconv": lambda: (f"channelconv {draw(st.integers(1, 7))} "
                                f"{draw(st.sampled_from(['', 'pad 0', 'pad 2', 'padding 4']))} "
                                f"{draw(st.sampled_from(['', 'nobias']))}"),
        "deconv": lambda: (f"deconv {c} {kernel} stride {stride} pad {draw(st.integers(0, 1))} "
                           f"outpad {draw(st.integers(0, stride - 1))} dilation {draw(st.integers(1, 2))} "
                           f"{draw(st.sampled_from(['', 'weightnorm']))}"),
        "maxpool": lambda: (f"maxpool {kernel} stride {stride} pad {draw(st.integers(0, 1))} "
                            f"dilation {draw(st.integers(1, 2))} {rounding}"
                            if draw(st.booleans()) else  # Caffe's, ONNX's and MATLAB's padding, up to K - 1
                            f"maxpool {kernel} stride {stride} pad {draw(st.integers(0, 4))} {rounding} widepad"),
        "avgpool": lambda: (f"avgpool {kernel} stride {stride} pad {draw(st.integers(0, 1))} {rounding} "
                            f"{draw(st.sampled_from(['', 'exclude_pad']))}"
                            if draw(st.booleans()) else
                            f"avgpool {kernel} stride {stride} pad {draw(st.integers(0, 4))} {rounding} widepad"),
        "lppool": lambda: f"lppool {kernel} stride {stride} p {draw(st.sampled_from([1, 2, 3, 0.5]))} {rounding}",
        "simple": lambda: draw(st.sampled_from([
            "globalavgpool", "globalmaxpool", "batchnorm", "bn", "lrn size 3", "relu", "leakyrelu 0.1", "sigmoid",
            "tanh", "gelu", "softmax", "logsoftmax", "dropout", "identity", "flatten", "relu6", "hardswish",
            "hardsigmoid", "silu", "swish", "elu", "elu 0.5", "selu", "mish", "prelu", "prelu perchannel", "layernorm",
            "softplus", "softplus beta 2 threshold 5", "softsign", "hardtanh", "hardtanh low -2 high 0.5", "logsigmoid",
            "celu", "celu 0.4", "threshold 0.1", "threshold -0.5 value 2", "hardshrink", "hardshrink 0.2", "softshrink",
            "softshrink 1.5", "tanhshrink", "l2norm", "l2norm eps 0.5",
            "layernorm eps 1e-6", "instancenorm", "instancenorm affine", "bn noaffine counted", "bn noscale", "scale",
            "scale nobias", "globalavgpool width", "globalmaxpool height", "channelavgpool", "channelmaxpool",
            "layernorm noaffine", "layernorm noscale", "layernorm noshift", "bn nostats", "bn noscale nostats"])),
        "channels": lambda: draw(st.sampled_from([
            f"conv {2 * c} 1x1 ; groupnorm {draw(st.sampled_from([1, 2]))} "
            f"{draw(st.sampled_from(['', 'noaffine', 'noscale', 'noshift']))}", f"conv {2 * c} 1x1 ; shuffle 2",
            f"conv {c + 1} 1x1 ; slice {draw(st.integers(0, c))}:{c + 1}",
            f"conv {c + 1} 1x1 ; slice {draw(st.integers(0, c))}:"])),
        "resample": lambda: draw(st.sampled_from([
            f"upsample {draw(st.integers(1, 3))} {draw(st.sampled_from(['', 'nearest', 'bilinear', 'aligned']))}",
            f"upsample {draw(st.integers(1, 2))}x{draw(st.integers(1, 3))} bilinear",
            f"resize {draw(st.integers(1, 9))}x{draw(st.integers(1, 9))} {draw(st.sampled_from(['', 'bilinear']))}",
            f"adaptiveavgpool {draw(st.integers(1, 5))}x{draw(st.integers(1, 5))}",
            f"adaptivemaxpool {draw(st.integers(1, 5))}", f"zeropad {draw(st.integers(0, 2))}",
            "zeropad 0,1,2,0", "crop 1,0,0,1", "centercrop 2x3", "crop 1",
            f"region {draw(st.integers(1, 3))}x{draw(st.integers(1, 3))} at {draw(st.integers(0, 2))}",
            f"reflectpad {draw(st.integers(0, 2))}",
            "reflectpad 1,0,0,2", f"replicatepad {draw(st.integers(0, 2))}", "replicatepad 0,1,2,0", "part 1 of 1",
            f"part 1 size {draw(st.integers(1, 4))}", f"part 1 chunks {draw(st.integers(1, 4))}",
            "globalavgpool ; squeeze ; unflatten", "globalavgpool ; squeeze ; softmax lastaxis ; unflatten",
            "globalmaxpool ; flatten ; logsoftmax lastaxis ; unflatten", f"conv {4 * c} 1x1 ; pixelshuffle 2",
            "upsample 2 ; pixelunshuffle 2",
            f"flatten ; fc {4 * c} ; reshape 2x2", f"flatten ; fc {6 * c} ; reshape 2x3x{c}", "reshape 1x1",
            f"circularpad {draw(st.integers(0, 1))}", "circularpad 1,0,0,1",
            f"padchannels {draw(st.integers(0, 3))}", f"padchannels {draw(st.integers(0, 2))} after 1"])),
        "residual": lambda: f"residual {{ conv {c} 3x3 pad 1 }} shortcut {{ conv {c} 1x1 }}",
        "add": lambda: f"add {{ conv {c} 1x1 | conv {c} 3x3 pad 1 ; relu }}",
        "sub": lambda: f"sub {{ conv {c} 1x1 | avgpool 3x3 stride 1 pad 1 ; conv {c} 1x1 }}",
        "avg": lambda: f"avg {{ conv {c} 1x1 | conv {c} 3x3 pad 1 | identity ; conv {c} 1x1 }}",
        "max": lambda: f"max {{ conv {c} 3x3 pad 1 | conv {c} 1x1 }}",
        "min": lambda: f"min {{ conv {c} 1x1 | relu ; conv {c} 1x1 }}",
        "concat": lambda: f"concat {{ conv {c} 1x1 | maxpool 3x3 stride 1 pad 1 }}",
        "mul": lambda: draw(st.sampled_from([f"mul {{ identity | globalavgpool ; conv {c} 1x1 ; sigmoid }}",
                                             "mul { identity | sigmoid }"])),
        "split": lambda: f"split 2 {{ identity | conv {c} 1x1 }}",
        "fit": lambda: draw(st.sampled_from(["fit { identity | maxpool 2 floor ; upsample 2 }",
                                             f"fit {{ maxpool 2 floor | conv {c} 1x1 }}",
                                             "fit at 1x0 { identity | upsample 2 }",
                                             "fit at 0 { identity | identity }"])),
        "resample to a reference": lambda: draw(st.sampled_from([
            "resample bilinear { identity | maxpool 2 floor ; conv 2 1x1 }",
            f"resample {{ maxpool 2 floor | conv {c} 3x3 pad 1 }}", "resample aligned { identity | upsample 2 }"])),
        "maxunpool": lambda: draw(st.sampled_from([
            "maxunpool 2x2 floor { identity | maxpool 2x2 floor ; relu }",
            f"maxunpool 3x3 stride 2 pad 1 ceil {{ identity | maxpool 3x3 stride 2 pad 1 ceil ; conv {c} 1x1 }}",
            "maxunpool 3 stride 1 pad 1 { identity | tanh }", "maxunpool 2 dilation 2 floor { identity | maxpool 2 "
            "dilation 2 floor }"])),
        "fc": lambda: (f"{draw(st.sampled_from(['fc', 'linear', 'dense']))} {c} "
                       f"{draw(st.sampled_from(['', 'weightnorm']))}"),
    }
    return cases[draw(st.sampled_from(sorted(cases)))]()


@settings(max_examples=80)
@given(st.integers(3, 14), st.integers(3, 14), st.integers(1, 4), st.lists(random_layer(), min_size=1, max_size=4),
       st.sampled_from(["floor", "ceil"]), st.integers(1, 2))
def test_walker_and_executor_agree(h: int, w: int, c: int, layers: list[str], rounding: str, batch: int) -> None:
    from hypothesis import assume

    from cnncalc.verify import verify
    analysis = prepare(f"input {h}x{w}x{c}\nrounding {rounding}\n" + "\n".join(layers) + "\n", "random.spec")
    assume(analysis.report.ok)
    result = verify(analysis, batch=batch)
    # A dilated max pool can place a window on padding only: -inf, in PyTorch as here (E904 says so); a power-average
    # pool of an odd or fractional power is NaN on negative values, in PyTorch as here.
    assume(not any(d.code == "E904" and ("covers only padding" in (d.hint or "") or "power-average" in (d.hint or ""))
                   for d in result.diagnostics))
    assert result.ok, [(d.code, d.message) for d in result.diagnostics]


# ---- every problem in one run ------------------------------------------------------------

@given(strict_network())
def test_error_lines_are_exactly_the_inexact_divisions_and_refusals(case: tuple) -> None:
    # The oracle (tests/strict_lines.py) floors as PyTorch does and stops at the first refusal;
    # cnncalc must report every inexact division after an earlier one, and nothing after a refusal.
    size, depth, items = case
    r = run(spec(size, depth, items))
    reported = {r.source.line_col(d.span.start)[0] for d in r.diagnostics if d.severity == "error"}
    assert reported == error_lines(size, items), [(d.code, d.message) for d in r.diagnostics]


def _row_fields(rows: list) -> list[tuple]:
    return [(r.path, r.name, r.kind, r.keyword, r.op, r.depth, r.span, r.input, r.output, r.weights, r.biases,
             r.non_trainable, r.macs, r.train_macs, r.activations, r.rounded, r.inputs, r.branches, r.working,
             r.doubt, r.train, r.known, r.ref, r.field, r.layer, r.divided, r.empty) for r in rows]


def _node_fields(root: object) -> list[tuple]:
    """Each node's path, name and place in the text. (Not a layer's `shift` apart from its call's span: a line the
    parser took from the lines it read before is stored relative to where it was first written, one parsed afresh,
    after the shared caches were emptied between two runs, is not; the place they give is the same.)"""
    from cnncalc.tree import nodes
    return [] if root is None else [(n.path, n.name, n.span) for n in nodes(root)]


def _same_with_copying_off(text: str, explain: bool) -> None:
    """The expander copies repeat iterations, block calls and merges of the same template (a merge's line
    written again, elsewhere in the text), and the walker replays clean walks; with both turned off (every
    node built and walked afresh) the rows (their places in the text too), answers and totals are the same,
    and the diagnostics too but for repeats of the same one."""
    import pytest

    from cnncalc import expand, walker
    from cnncalc.analysis import Settings, run

    fast = run(text, "fuzz.spec", Settings(explain=explain))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(expand.Expander, "remember", lambda self, template, node, lazy: None)
        patch.setattr(expand.Expander, "merge", expand.Expander.merge_node)
        patch.setattr(walker.Walker, "templated", walker.Walker.afresh)
        slow = run(text, "fuzz.spec", Settings(explain=explain))
    assert len(fast) == len(slow)
    for a, b in zip(fast, slow):
        assert _node_fields(a.root) == _node_fields(b.root)  # a copy's contents, made when read, are in place
        assert _row_fields(a.report.rows) == _row_fields(b.report.rows)
        assert a.report.answers == b.report.answers
        assert a.report.totals == b.report.totals
        assert a.report.outputs == b.report.outputs
        if not any(d.code in ("E006", "W003") for d in b.report.diagnostics):
            assert list(dict.fromkeys(a.report.diagnostics)) == list(dict.fromkeys(b.report.diagnostics))


@example(444, False)  # a dropped repeat's id() reused by the next: templates are serial numbers now
@example(5132, True)  # two lines named alike (E015): a path is read as the input first, then as inside
@example(3971, False)  # a copied block with references inside makes what contains it copied at once
@given(st.integers(0, 2**32), st.booleans())
def test_copies_are_what_a_fresh_expansion_and_walk_give(seed: int, explain: bool) -> None:
    from tests.grammar import case
    _same_with_copying_off(case(seed)[1], explain)


def test_copies_are_what_a_fresh_expansion_and_walk_give_for_the_spec_library() -> None:
    for path in sorted(SPECS.glob("*.spec")):
        _same_with_copying_off(path.read_text(), explain=True)


@pytest.mark.parametrize("explain", [False, True])
def test_merge_lines_written_again_are_what_a_fresh_expansion_and_walk_give(explain: bool) -> None:
    # The same merge lines on the same and on other inputs: copied and replayed where the first was clean, walked
    # afresh on another input, where line 18 receives 6 channels, not 8, and line 20's strides do not fit the
    # 7x7 input, (7 - 2)/2 + 1 = 3.5 (the first of its text, line 8, had 16x16); one answered, one referring back.
    unit = "residual { conv 8 3x3 pad 1 ; relu ; conv 8 3x3 pad 1 }\n"
    strided = "concat { conv 4 2x2 stride 2 | conv 4 2x2 stride 2 }\n"
    declared = "concat { conv 4 1x1 inputs 8 | conv 4 1x1 }\n"
    # A block called inside a merge: its body stays where the block is written (lines 1-3).
    called = "add { pair() | conv 8 1x1 }\n"
    # A repeat inside a merge written again, the copy's repeat seeing the first one's input (16x16x8 after `conv 8
    # 1x1`) though the merge's differs: the iterations' rows are at the copy's line.
    repeated = "add { conv 8 1x1 ; repeat 2 { conv 8 3x3 pad 1 ; relu } | conv 8 1x1 }\n"
    text = ("block pair() {\n  conv 8 3x3 pad 1 ; relu\n}\ninput 16x16x8\n" + unit * 3 + strided + unit * 2 + "a: " +
            unit.strip() + " -> 8x8x8\n" + unit + "add { conv 8 1x1 | @a }\n" + unit * 2 + declared + "conv 6 1x1\n" +
            declared + "conv 8 2x2\n" + strided + unit + called + unit + called + repeated + "conv 4 1x1\n" + repeated)
    assert [(d.code, d.line) for d in cnncalc.analyze_text(text).diagnostics if d.severity == "error"] == [
        ("E017", 18), ("E030", 20), ("E030", 20)]
    _same_with_copying_off(text, explain)


# ---- an answer resting on an invalid stride is never judged on the guess --------------------------

@st.composite
def guessed_chain(draw: st.DrawFn) -> tuple[str, list[list[tuple[str, object]]]]:
    """A chain with invalid strides (exact rounding) and an answer per line, each the value of the floor
    world or of a ceil world; the worlds worked out here by the rule, `(N - K + 2P)/S + 1` rounded down
    or up, and the parameter and MAC formulas (docs/spec-language.md)."""
    h, w, c = draw(st.integers(5, 30)), draw(st.integers(5, 30)), draw(st.integers(1, 4))
    worlds = {"floor": (h, w, c), "ceil": (h, w, c)}
    lines, values = [f"input {h}x{w}x{c}"], []
    for i in range(draw(st.integers(2, 5))):
        flat = len(worlds["floor"]) == 1
        kind = "fc" if flat else draw(st.sampled_from(["conv", "conv", "pool", "fc", "residual", "concat"]))
        n, k = draw(st.integers(1, 6)), draw(st.integers(1, 3))
        s, p = draw(st.integers(1, 3)), draw(st.integers(0, 2)) if kind == "conv" else 0
        text = {"conv": f"conv {n} {k}x{k} stride {s} pad {p}", "pool": f"maxpool {k}x{k} stride {s}",
                "fc": f"fc {n}", "residual": f"residual {{ conv {worlds['floor'][-1]} 3x3 pad 1 }}",
                "concat": f"concat {{ conv {n} 1x1 | conv {k} 1x1 }}"}[kind]
        line_values = []
        for name, x in worlds.items():
            up = name == "ceil"
            if kind in ("conv", "pool"):
                if min(x[0], x[1]) + 2 * p < k:
                    return draw(st.nothing())
                hw = [-(-(d - k + 2 * p) // s) + 1 if up else (d - k + 2 * p) // s + 1 for d in x[:2]]
                y = (hw[0], hw[1], n if kind == "conv" else x[2])
                params = (k * k * x[2] + 1) * n if kind == "conv" else 0
                macs = hw[0] * hw[1] * n * k * k * x[2] if kind == "conv" else 0
            elif kind == "residual":
                y, params, macs = x, (9 * x[2] + 1) * x[2], x[0] * x[1] * x[2] * 9 * x[2]
            elif kind == "concat":
                y, params, macs = (x[0], x[1], n + k), (x[2] + 1) * (n + k), x[0] * x[1] * x[2] * (n + k)
            else:
                size = 1
                for d in x:
                    size *= d
                y, params, macs = (n,), (size + 1) * n, size * n
            worlds[name] = y
            line_values.append([("output", y), ("params", params), ("macs", macs)])
        chosen = line_values[draw(st.integers(0, 1))]
        picked = [q for q in chosen if draw(st.booleans())] or chosen[-1:]
        lines.append(f"l{i}: {text} -> " + " ".join(_as_written(v) if q == "output" else f"{q} {v}" for q, v in picked))
        values.append([(q, [dict(world)[q] for world in line_values]) for q, _ in picked])
    return "\n".join(lines) + "\n", values


@settings(max_examples=300)
@given(guessed_chain())
def test_an_answer_is_judged_only_when_every_rounding_of_the_invalid_strides_agrees(
        case: tuple[str, list[list[tuple[str, list[object]]]]]) -> None:
    text, values = case
    report = run(text)
    for answer in report.answers:
        if answer.verdict == "unchecked":
            continue
        in_worlds = dict(values[int(answer.label[1:])])[answer.quantity]  # the floor world's value, the ceil's
        verdicts = {"right" if answer.expected.replace(",", "") == _as_written(v) else "wrong" for v in in_worlds}
        assert verdicts == {answer.verdict}, (text, answer)


def _as_written(value: object) -> str:
    return "x".join(map(str, value)) if isinstance(value, tuple) else str(value)
