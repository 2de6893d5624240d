"""Properties (hypothesis) of the branch and repetition semantics, on constructively generated specs."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import cnncalc
from cnncalc.report import Report
from tests.conftest import SPECS, run

settings.register_profile("properties", deadline=None, max_examples=60)
settings.load_profile("properties")

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
