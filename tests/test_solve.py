"""`cnncalc solve` (cnncalc/solve.py) against brute force: the walker run at every size."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

from cnncalc.diagnostics import DiagnosticSink
from cnncalc.shape import Shape
from cnncalc.solve import Answer, NotFollowed, Solver, answer, next_member, previous_member
from cnncalc.walker import Walker
from tests.conftest import SPECS, prepare

SIZE_CODES = {"E030", "E031", "E036", "E037", "E050", "E051", "E061", "E068"}  # what a size can break


def works(root, dims: tuple[int, int, int]) -> bool:
    """The walker's verdict at one input size: no error that a size can cause."""
    sink = DiagnosticSink()
    Walker(sink, False, lambda offset: 1).walk(root, Shape(dims))
    return not any(d.code in SIZE_CODES for d in sink.items)


def members(a: Answer, upto: int) -> set[int]:
    """The answer's sizes up to `upto`, read from its description."""
    found = {n for n in a.sizes if n <= upto}
    if a.modulus is not None and a.smallest is not None:
        found |= {n for n in range(a.smallest, upto + 1) if n % a.modulus in a.residues}
    return found


def solved(text: str) -> tuple:
    analysis = prepare(text, "t.spec")
    h, w = Solver().run(analysis.root)
    return analysis, answer(h), answer(w)


def check_by_brute_force(text: str, upto: int) -> None:
    analysis, h, w = solved(text)
    channels = analysis.report.input.dims[2]
    w_fixed = min(members(w, upto), default=None)
    h_fixed = min(members(h, upto), default=None)
    if w_fixed is not None:
        assert members(h, upto) == {n for n in range(1, upto + 1) if works(analysis.root, (n, w_fixed, channels))}
    if h_fixed is not None:
        assert members(w, upto) == {n for n in range(1, upto + 1) if works(analysis.root, (h_fixed, n, channels))}


def test_alexnet_takes_32k_plus_3_from_67() -> None:
    # conv1 needs (H - 11)/4 + 1 whole: H ≡ 3 (mod 4); each of the three 3x3/2 pools doubles the
    # modulus; pool3's output is at least 1 from H = 67 ((67 - 11)/4 + 1 = 15, 7, 7, 3, 3, 1).
    _, h, w = solved((SPECS / "alexnet.spec").read_text())
    assert h == w == Answer(32, (3,), 67, ())


def test_the_library_by_brute_force() -> None:
    for name in ("alexnet", "vgg16", "resnet50", "googlenet"):
        check_by_brute_force((SPECS / f"{name}.spec").read_text(), 2048)


layer = st.one_of(
    st.builds(lambda k, s, p: f"conv 2 {k}x{k} stride {s} pad {p}", st.integers(1, 5), st.integers(1, 3),
              st.integers(0, 2)),
    st.builds(lambda k, s, r: f"maxpool {k}x{k} stride {s} {r}", st.integers(1, 4), st.integers(1, 3),
              st.sampled_from(["", "floor", "ceil"])),
    st.builds(lambda k, s: f"avgpool {k} stride {s} pad {k // 2} ceil", st.integers(1, 4), st.integers(1, 3)),
    st.builds(lambda k, s: f"conv 2 {k} stride {s} pad same", st.integers(1, 5), st.integers(1, 3)),
    st.builds(lambda k, s, a: f"deconv 2 {k} stride {s} outpad {a}", st.integers(1, 4), st.integers(1, 3),
              st.integers(0, 0)),
    st.sampled_from(["upsample 0.5", "upsample 1.5", "upsample 0.75 bilinear", "upsample 0.125"]),  # floor(N·F)
    st.builds(lambda s: f"concat {{ identity | upsample 0.5 ; upsample {s} }}", st.sampled_from(["2", "2.5"])),
    st.sampled_from(["upsample 2", "zeropad 1,0,2,1", "crop 1", "relu", "centercrop 3x4", "adaptiveavgpool 3x2",
                     "reflectpad 2,0,1,3", "replicatepad 1"]),
    st.builds(lambda k, s: f"concat {{ conv 2 {k} stride {s} | maxpool {k} stride {s} }}", st.integers(1, 3),
              st.integers(1, 2)),
    # (an odd kernel keeps the size; an even one's n + 1 never agrees, but at n = 1 the identity is a 1x1 gate spread
    # over the other, W051, which `solve` does not follow axis by axis: test_an_add_whose_branch_is_one_at_some_sizes)
    st.builds(lambda k: f"add {{ identity | dwconv {k}x{k} pad {k // 2} }}", st.sampled_from([1, 3, 5])),
    st.builds(lambda s: f"concat {{ identity | maxpool 2 stride {s} ; upsample {s} }}", st.integers(1, 2)),
    st.builds(lambda k, s: f"fit {{ identity | conv 2 {k} stride {s} ; upsample 2 }}", st.integers(1, 4),
              st.integers(1, 2)),
    st.builds(lambda k, s: f"resample bilinear {{ identity | conv 2 {k} stride {s} }}", st.integers(1, 4),
              st.integers(1, 3)),
    # cropped from an offset: the second branch must reach it (2N - k + 1 >= N + t from some N on; N - 2 never
    # reaches N + t, and a deconvolution's (N - 1)·s + k always does)
    st.builds(lambda k, t, h: f"fit at {t}x{h} {{ identity | upsample 2 ; conv 2 {k} }}", st.integers(1, 5),
              st.integers(0, 9), st.integers(0, 3)),
    st.builds(lambda t: f"fit at {t} {{ identity | conv 2 3x3 }}", st.integers(0, 1)),
    # a gate in either place, and a merge whose branches agree at one size inside one that agrees at all
    st.builds(lambda k, s: f"mul {{ globalavgpool ; conv 2 1x1 | conv 2 {k} stride {s} }}", st.integers(1, 3),
              st.integers(1, 2)),
    st.builds(lambda k, s: f"mul {{ dwconv {k}x{k} stride {s} | adaptiveavgpool 1 }}", st.integers(1, 3),
              st.integers(1, 2)),
    st.builds(lambda s, p: f"concat {{ identity | concat {{ identity | dwconv 1x1 stride {s} pad {p} }} }}",
              st.integers(1, 3), st.integers(0, 2)),
    st.builds(lambda k, s, t: f"fit at {t} {{ identity | deconv 2 {k} stride {s} }}", st.integers(1, 4),
              st.integers(1, 3), st.integers(0, 3)),
)


@settings(max_examples=60)
@given(st.lists(layer, min_size=1, max_size=5), st.sampled_from(["", "rounding floor\n", "rounding ceil\n"]))
def test_random_networks_by_brute_force(layers: list[str], rounding: str) -> None:
    text = f"input 40x40x2\n{rounding}" + "\n".join(layers) + "\n"
    try:
        check_by_brute_force(text, 300)
    except NotFollowed as e:
        if "a 1x1 gate at some input sizes only" not in str(e):
            raise
        # the one refusal `solve` documents: a gate whose other branch is 1 on one axis at some sizes only ties the
        # height to the width (test_an_add_whose_branch_is_one_at_some_sizes_only_is_not_followed); e.g. a `fit at
        # 8x0` that leaves one axis 1 at some sizes, then `mul { globalavgpool ; conv 2 1x1 | conv 2 1 }`
        reject()


# ---- letters for sizes ---------------------------------------------------------------------

def _value(formula: str, h: int, w: int) -> int:
    """A formula as printed (`1,024·H·W - 35,840·H + …`), evaluated exactly."""
    from fractions import Fraction
    text = formula.replace(",", "").replace("·", "*").replace("H", str(h)).replace("W", str(w))
    value = eval(text, {"__builtins__": {}}, {})
    return int(Fraction(value).limit_denominator())


def test_a_size_where_inner_branches_meet_survives_the_outer_merge() -> None:
    # the inner concat: n = (n + 2·1 - 1)/2 + 1 holds, exactly, only at n = 3; the outer concat's identity takes every
    # size
    text = "input 3x3x2\nconcat { identity | concat { identity | conv 2 1x1 stride 2 pad 1 } }\n"
    _, h, w = solved(text)
    assert h == w == Answer(None, (), None, (3,))
    check_by_brute_force(text, 60)


def test_an_add_whose_branch_is_one_at_some_sizes_only_is_not_followed() -> None:
    # add { identity | conv 2 1x1 stride 2 pad 1 }: the branches agree at n = 3 ((3 + 1)/2 + 1 = 3); at n = 1 the
    # identity is 1x1x2 and the other 2x2x2, which PyTorch's `+` broadcasts (W051), but a 1 on one axis alone is no
    # gate: which sizes work then ties the height to the width, and `solve` says it does not follow them
    with pytest.raises(NotFollowed, match="a branch is a 1x1 gate at some input sizes only"):
        solved("input 3x3x2\nadd { identity | conv 2 1x1 stride 2 pad 1 }\n")
    assert works(prepare("input 1x1x2\nadd { identity | conv 2 1x1 stride 2 pad 1 }\n", "t.spec").root, (1, 1, 2))
    assert not works(prepare("input 1x5x2\nadd { identity | conv 2 1x1 stride 2 pad 1 }\n", "t.spec").root,
                     (1, 5, 2))


def test_a_gate_written_first_leaves_the_map_its_size() -> None:
    # the map: (H - 3)/2 + 1 whole for odd H >= 3; the second conv needs that odd too: (H - 1)/2 odd, H ≡ 3 (mod 4),
    # and at least 3 (H >= 7); the gate's 1x1 scales it without setting its size
    text = "input 63x63x2\nmul { globalavgpool | conv 2 3x3 stride 2 }\nconv 2 3x3 stride 2\n"
    _, h, w = solved(text)
    assert h == w == Answer(4, (3,), 7, ())
    check_by_brute_force(text, 120)


def test_a_map_that_is_1x1_at_the_one_size_its_branches_meet_joins_a_gate() -> None:
    # the concat's branches: H - 2 and ⌊(H + 2 - 5)/2⌋ + 1 meet at H = 3 alone (1 = 1; at 4, 2 against 1), where its
    # map is 1x1x2, as the global pool's: the mul of two 1x1x2 maps works there
    text = ("input 3x3x2\nrounding floor\nmul { globalavgpool | concat { maxpool 3x3 stride 1 ; conv 1 1x1 | "
            "maxpool 5x5 stride 2 pad 1 ; conv 1 1x1 } }\n")
    _, h, w = solved(text)
    assert h == w == Answer(None, (), None, (3,))
    check_by_brute_force(text, 60)


def test_a_map_that_is_a_gate_at_one_size_only_is_not_followed_axis_by_axis() -> None:
    # the 5x5 conv's map is (H - 4)x(W - 4): never the identity's size, but a 1x1 gate at 5x5 alone; at 5x6 it
    # is 1x2, no gate. The sizes that work are pairs, not a set per axis: solve says so rather than guess.
    from cnncalc.solve import NotFollowed
    analysis = prepare("input 5x5x2\nmul { conv 2 5x5 | identity }\n", "t.spec")
    assert [works(analysis.root, (h, w, 2)) for h, w in ((5, 5), (5, 6), (6, 5), (6, 6))] == [True, False, False, False]
    with pytest.raises(NotFollowed, match="mul1: a branch is a 1x1 gate at some input sizes only"):
        Solver().run(analysis.root)
    # the command says so and exits 1; letters for the sizes make it E025 at the input
    from click.testing import CliRunner

    from cnncalc import analyze_text
    from cnncalc.cli import cli
    result = CliRunner().invoke(cli, ["solve", "-"], input="input 5x5x2\nmul { conv 2 5x5 | identity }\n")
    assert result.exit_code == 1 and (result.exception is None or isinstance(result.exception, SystemExit))
    assert "a branch is a 1x1 gate at some input sizes only" in result.output and "Traceback" not in result.output
    [e] = analyze_text("input HxWx2\nmul { conv 2 5x5 | identity }\n").diagnostics
    assert e.code == "E025" and (e.line, e.column) == (1, 1) and "ties the height and width" in e.message


def test_alexnet_with_letters_gives_the_lecture_numbers_at_227() -> None:
    from tests.conftest import run
    report = run((SPECS / "alexnet.spec").read_text().replace("input 227x227x3", "input HxWx3"))
    sym = report.symbolic
    assert sym is not None and sym.letters == ("H", "W") and sym.at == (67, 67)
    assert sym.outputs["conv1"] == ("(H - 7)/4", "(W - 7)/4")  # (H - 11)/4 + 1
    assert sym.outputs["pool3"] == ("(H - 35)/32", "(W - 35)/32")
    # At 227x227x3 the formulas give the lecture's totals: 62,378,344 parameters, 1,135,256,096 MACs.
    assert _value(sym.totals["params"], 227, 227) == 62_378_344
    assert _value(sym.totals["macs"], 227, 227) == 1_135_256_096
    assert _value(sym.params["fc6"], 227, 227) == (6 * 6 * 256 + 1) * 4096
    # Answers that depend on the sizes are not judged; a convolution's parameters are.
    verdicts = {(a.path, a.quantity): a.verdict for a in report.answers}
    assert verdicts[("conv1", "params")] == "right" and verdicts[("conv1", "output")] == "unchecked"


def test_letters_through_branches_and_a_reference_to_a_side_head() -> None:
    from tests.conftest import run
    # conv 3x3: H - 3 + 1 = H - 2; a pool and a conv of 2x2 stride 2 on it: (H - 2 - 2)/2 + 1 = (H - 2)/2.
    # `@x0` names the line `x0: conv ... ; side { ... }`, whose output is the trunk the side leaves unchanged.
    report = run("input HxWx3\nx0: conv 8 3x3 ; side { relu }\nsplit 2 { @x0 ; relu | identity }\n"
                 "concat { maxpool 2x2 stride 2 | conv 4 2x2 stride 2 }\n")
    sym = report.symbolic
    assert sym is not None
    assert sym.outputs["split1.1"] == ("H - 2", "W - 2")  # each branch row its own formula, not the sample
    assert sym.outputs["concat1.2"] == ("(H - 2)/2", "(W - 2)/2")
    assert sym.outputs["concat1"] == ("(H - 2)/2", "(W - 2)/2")


def test_no_size_works_is_e025() -> None:
    from tests.conftest import run, where
    # The input concatenated with its own 2x2/2 pool: n = n/2 holds for no n ≥ 1.
    r = run("input HxWx3\nconcat { identity | maxpool 2x2 stride 2 }\n")
    assert where(r) == [("E025", 1, 1)]


def test_the_solve_command_in_words_and_json() -> None:
    import json

    from click.testing import CliRunner

    from cnncalc.cli import cli
    result = CliRunner().invoke(cli, ["solve", str(SPECS / "alexnet.spec")])
    assert result.exit_code == 0
    assert result.output.splitlines()[:4] == ["AlexNet — the input sizes that work",
                                              "(no rounding declared: every division must be exact)",
                                              "H = 32k + 3 for k ≥ 2: 67, 99, 131, …",
                                              "  conv1  H ≡ 3 (mod 4), H ≥ 11"]
    doc = json.loads(CliRunner().invoke(cli, ["solve", str(SPECS / "alexnet.spec"), "--format", "json"]).output)
    assert doc["networks"][0]["H"] == {"modulus": 32, "residues": [3], "smallest": 67, "sizes": []}
    none = CliRunner().invoke(cli, ["solve", "-"], input="input 8x8x3\nconcat { identity | maxpool 2x2 stride 2 }\n")
    assert none.exit_code == 1 and "no H works" in none.output


def test_a_layer_whose_window_is_the_maps_width_is_not_followed_axis_by_axis() -> None:
    # `globalavgpool width`: the output's height depends on the width, which no rule of one axis says
    from click.testing import CliRunner

    from cnncalc.cli import cli
    from tests.conftest import run, where
    said = CliRunner().invoke(cli, ["solve", "-"], input="input 8x8x3\nconv 4 3x3\nglobalavgpool width\n")
    assert said.exit_code == 1
    assert "globalavgpool1 (`globalavgpool width`: its window is the map's width) sets one axis's size by the " \
           "other's" in said.output
    r = run("input HxWx3\nconv 4 3x3\nglobalavgpool width\n")
    assert where(r) == [("E025", 1, 1)] and "cannot be followed" in r.diagnostics[0].message


def test_strides_whose_product_passes_2_to_the_32_are_solved_by_classes() -> None:
    # Two windows of stride 65536: (H - 6)/65536 + 1 = h1 must be 65536j + 6 as well, so
    # H - 6 = 65536·(65536j + 5), H = 2^32·j + 327686; along the width (kernel 1) W = 2^32·j + 1.
    # The modulus 2^32 is never walked size by size (this once hung in the period and the listing).
    import json

    from click.testing import CliRunner

    from cnncalc.cli import cli
    result = CliRunner().invoke(cli, ["solve", "-", "--format", "json"],
                                input="input 8x8x3\navgpool 6x1 stride 65536\navgpool 6x1 stride 65536\n")
    assert result.exit_code == 0, result.output
    network = json.loads(result.output)["networks"][0]
    height, width = network["H"], network["W"]
    assert (height["modulus"], height["residues"], height["smallest"]) == (2**32, [65536 * 5 + 6], 65536 * 5 + 6)
    assert (width["modulus"], width["residues"], width["smallest"]) == (2**32, [1], 1)


def test_the_period_is_the_smallest_divisor_the_residues_repeat_with() -> None:
    from cnncalc.solve import _period

    def by_every_divisor(m: int, residues: set[int]) -> int:
        return next(d for d in range(1, m + 1) if m % d == 0 and all((r + d) % m in residues for r in residues))

    rng = random.Random(7)
    for _ in range(2000):
        m = rng.choice([1, 2, 4, 6, 8, 12, 30, 36, 64, 72, 90, 96, 128, 210, 360])
        d = rng.choice([x for x in range(1, m + 1) if m % x == 0])
        kept = set(rng.sample(range(d), rng.randint(1, d)))
        residues = {r for r in range(m) if r % d in kept}
        if rng.random() < 0.3 and len(residues) > 1:
            residues.discard(rng.choice(sorted(residues)))
        assert _period(m, residues) == by_every_divisor(m, residues), (m, sorted(residues))


@settings(max_examples=200)
@given(st.integers(1, 64).flatmap(lambda m: st.tuples(st.just(m), st.sets(st.integers(0, m - 1), min_size=1),
                                                      st.integers(0, 4 * m))))
def test_the_members_next_to_a_size_by_brute_force(case: tuple[int, set[int], int]) -> None:
    # The bisection that replaced a scan over every residue (a symbolic input through eight strided repeats took
    # 59 s in the walk down): the same members as checking each size in turn.
    modulus, classes, n = case
    residues = tuple(sorted(classes))
    members = [k for k in range(n + 2 * modulus + 1) if k % modulus in classes]
    earlier = [k for k in members if k <= n]
    assert previous_member(n, modulus, residues) == (max(earlier) if earlier else None)
    assert next_member(n, modulus, residues) == min(k for k in members if k >= n)


def test_strides_past_the_period_limit_are_an_error_not_a_hang() -> None:
    # 100 exact halvings: the sizes that work are H = 2^100·k, a period past 2^64 (limits.MAX_MODULUS)
    from click.testing import CliRunner

    from cnncalc import analyze_text
    from cnncalc.cli import cli
    text = "input HxWx3\nrepeat 100 { maxpool 2 }\n"
    report = analyze_text(text)
    [e] = [d for d in report.diagnostics if d.code == "E025"]
    assert "2^64" in e.message and (e.line, e.column) == (1, 1)  # at the input with the letters
    result = CliRunner().invoke(cli, ["solve", "-"], input=text.replace("HxWx3", "64x64x3"))
    assert result.exit_code == 1 and "2^64" in result.output
    # 64 of them stay within it: the smallest size that works is 2^64, whose maps are beyond cnncalc's sizes
    report = analyze_text("input HxWx3\nrepeat 64 { maxpool 2 }\n")
    assert report.symbolic is not None and report.symbolic.at == (2**64, 2**64)
    assert [d.code for d in report.diagnostics] == ["E031"]


def _floored_value(formula: str, h: int) -> int:
    """A formula with floors as printed (`⌊(H - 1)/2⌋ + 1`), evaluated in whole numbers."""
    text = formula.replace("⌊", "(").replace("⌋", ")").replace("/", "//").replace("·", "*").replace("H", str(h))
    return int(eval(text, {"__builtins__": {}}, {}))


def test_letters_under_floor_rounding_give_floor_formulas_and_no_polynomials() -> None:
    from tests.conftest import run
    # ResNet-50 as torchvision (rounding floor). By PyTorch's rule floor((N + 2P - K)/S) + 1: conv1 (7x7, stride
    # 2, pad 3) gives floor((H - 1)/2) + 1, pool1 (3x3, 2, pad 1) floor((x - 1)/2) + 1, and the stride-2 3x3
    # convolutions (pad 1) of conv3_x, conv4_x and conv5_x the same; stride-1 layers keep the size.
    report = run((SPECS / "resnet50.spec").read_text().replace("input 224x224x3", "input HxWx3"))
    sym = report.symbolic
    assert sym is not None
    assert sym.outputs["conv1"] == ("⌊(H - 1)/2⌋ + 1", "⌊(W - 1)/2⌋ + 1")
    assert sym.outputs["conv2_x"][0] == "⌊⌊(H - 1)/2⌋/2⌋ + 1"  # stride-1 layers add nothing to the formula

    def halved(x: int) -> int:
        return (x + 2 * 1 - 3) // 2 + 1

    for h in range(1, 300):
        expected = (h + 2 * 3 - 7) // 2 + 1
        assert _floored_value(sym.outputs["conv1"][0], h) == expected
        for stage in ("pool1", "conv3_x", "conv4_x", "conv5_x"):
            expected = halved(expected)
            assert _floored_value(sym.outputs[stage][0], h) == expected, (stage, h)
    assert _floored_value(sym.outputs["conv5_x"][0], 224) == 7  # the paper's Table 1
    # MACs are step functions of H and W here: no polynomial (one fitted through two sizes would be wrong
    # elsewhere); the totals that change with the size are named and given at the smallest size.
    assert sym.totals == {} and sym.macs == {} and sym.varying == ("macs", "activations")
    assert report.totals.params == 25_557_032  # torchvision's count, independent of the size
    text = str(report)
    assert "Total MACs" in text and "at H = 1, W = 1; a declared rounding leaves no formula" in text


def test_formulas_have_a_length_limit_and_growth_is_no_internal_error() -> None:
    from cnncalc import analyze_text, limits
    # 15 floored halvings with 5-digit offsets: each level adds 14 characters; the 15th passes the limit.
    report = analyze_text("input HxWx3\nrounding floor\nrepeat 15 { avgpool 99999x99999 stride 2 }\n")
    sym = report.symbolic
    assert sym is not None and not [d for d in report.diagnostics if d.severity == "error"]
    assert len(sym.outputs["repeat1.14"][0]) <= limits.MAX_FORMULA_CHARS
    assert sym.outputs["repeat1.15"] == ("…", "…") and sym.outputs["repeat1"] == ("…", "…")
    # 20,000 doublings: an exact formula with 2^20000 in it once raised Python's digit limit. The walk
    # passes cnncalc's sizes (E031); the formula stops being followed, and no total is made up.
    report = analyze_text("input HxWx3\nrepeat 20000 { upsample 2 }\n")
    assert [d.code for d in report.diagnostics] == ["E031"]
    assert report.symbolic is not None and report.symbolic.outputs["repeat1"] == ("…", "…")
    assert report.symbolic.totals == {} and report.totals.macs is None


def test_letter_totals_agree_with_numbers_at_every_size_tried() -> None:
    from tests.conftest import run
    # Inception v3 has a training-only head (`side train`): the Total MACs formula is inference only, as the
    # report's totals are (torchvision: 5.71 GFLOPS at 299x299), and the head's MACs have their own formula.
    text = (SPECS / "inception_v3.spec").read_text()
    sym = run(text.replace("input 299x299x3", "input HxWx3")).symbolic
    assert sym is not None and sym.sizes[0].modulus == 96 and sym.at == (299, 299)
    for size in (299, 299 + 96, 299 + 5 * 96):
        totals = run(text.replace("input 299x299x3", f"input {size}x{size}x3")).totals
        assert _value(sym.totals["macs"], size, size) == totals.macs
        assert _value(sym.totals["train_macs"], size, size) == totals.train_macs
        assert _value(sym.totals["params"], size, size) == totals.params
    assert round(_value(sym.totals["macs"], 299, 299) / 1e9, 2) == 5.71


def test_a_size_that_no_longer_depends_on_the_letters_is_a_number() -> None:
    from tests.conftest import run
    # After a global pool the map is 1x1 whatever H is: a floored conv gives (1 + 2·1 - 3)//2 + 1 = 1 and a
    # ceil-mode pool of 3 at stride 2, padding 1, on it: ceil((1 + 2 - 3)/2) + 1 = 1. The walker agrees.
    text = "input HxWx3\nrounding floor\nglobalavgpool\nconv 8 3x3 stride 2 pad 1\nmaxpool 3x3 stride 2 pad 1 ceil\n"
    sym = run(text).symbolic
    assert sym is not None
    assert sym.outputs["conv1"] == ("1", "1") and sym.outputs["maxpool1"] == ("1", "1")
    walked = run(text.replace("HxWx3", "37x41x3"))
    assert [r.output.dims[:2] for r in walked.rows if r.path in ("conv1", "maxpool1")] == [(1, 1), (1, 1)]


@pytest.mark.parametrize("body", [
    "fc 9 noflatten\nglobalmaxpool height\n",
    "side { flatten ; globalmaxpool width }\n",
    "mul { flatten ; side { globalavgpool height } }\n",
])
def test_a_pool_by_the_maps_other_side_after_the_map_is_flat_is_an_error_not_a_crash(body: str) -> None:
    from tests.conftest import run
    # a window the map's height couples the axes; the solver stops at a flat vector, but the formulas walked on
    # and met the coupled rule: an internal error (found by the fuzzer, seed 38000618)
    report = run("input HxWx3\n" + body)
    assert "E034" in [d.code for d in report.diagnostics]  # the global pool gets a flat vector


def _ceiled_value(formula: str, h: int) -> int:
    """A formula with floors, ceilings and `min` as printed, evaluated exactly."""
    import math
    from fractions import Fraction
    text = (formula.replace("⌊", "floor(").replace("⌋", ")").replace("⌈", "ceil(").replace("⌉", ")")
            .replace("·", "*").replace("H", f"Fraction({h})"))
    return int(eval(text, {"__builtins__": {}, "floor": math.floor, "ceil": math.ceil, "min": min,
                           "Fraction": Fraction}, {}))


@pytest.mark.parametrize("k, s, p", [(3, 3, 1), (2, 2, 1), (3, 2, 1), (5, 2, 2), (3, 2, 0)])
def test_ceil_mode_formulas_follow_pytorchs_rule_at_every_size(k: int, s: int, p: int) -> None:
    from tests.conftest import run
    # PyTorch's ceil_mode (MaxPool2d docs): out = ceil((H + 2P - K)/S) + 1, less one when the last window
    # would start in the end padding, (out - 1)·S >= H + P. The formula printed must give that at every H.
    sym = run(f"input HxWx3\nrounding floor\nmaxpool {k}x{k} stride {s} pad {p} ceil\n").symbolic
    assert sym is not None
    for h in range(k, 120):
        out = -(-(h + 2 * p - k) // s) + 1
        if (out - 1) * s >= h + p:
            out -= 1
        assert _ceiled_value(sym.outputs["maxpool1"][0], h) == out, (h, sym.outputs["maxpool1"][0])


def _random_chain(rng: random.Random) -> str:
    layers = []
    for _ in range(rng.randint(1, 6)):
        r, k, s = rng.random(), rng.randint(1, 5), rng.randint(1, 3)
        if r < 0.4:
            rounded = rng.choice(["", " ceil", " floor"])
            layers.append(f"maxpool {k}x{k} stride {s} pad {rng.randint(0, k // 2)}{rounded}")
        elif r < 0.6:
            layers.append(f"conv 4 {k}x{k} stride {s}" + rng.choice(["", " pad 1", " padding same"]))
        elif r < 0.7:
            layers.append(f"upsample {s}")
        elif r < 0.8:
            layers.append(f"zeropad {rng.randint(0, 3)}")
        elif r < 0.9:
            layers.append(f"deconv 4 {k}x{rng.randint(1, 4)} stride {s}")
        else:
            layers.append("relu")
    return rng.choice(["", "rounding floor\n", "rounding ceil\n"]) + "\n".join(layers) + "\n"


def test_output_formulas_agree_with_the_walk_at_every_size_on_random_chains() -> None:
    from tests.conftest import run
    # Windows with every rounding (ceil mode's dropped window included), `same` padding, upsampling, zero
    # padding and transposed convolutions: each row's printed height formula, evaluated at H, against the
    # walk at that size (whose rule tests/test_torch.py holds to PyTorch's). Found two slips when written.
    rng = random.Random(20261130)
    checked = 0
    for _ in range(60):
        body = _random_chain(rng)
        sym = run("input HxWx3\n" + body).symbolic
        if sym is None:
            continue
        for h in range(1, 40):
            report = run(f"input {h}x{h}x3\n" + body)
            if any(d.severity == "error" for d in report.diagnostics):
                continue
            for r in report.rows:
                formula = sym.outputs.get(r.path, ("…",))[0]
                if r.output is not None and formula != "…":
                    assert _ceiled_value(formula, h) == r.output.dims[0], (body, h, r.path, formula)
                    checked += 1
    assert checked > 1000


def test_reflection_padding_needs_more_rows_than_it_mirrors() -> None:
    # reflectpad 3,1,2,0 mirrors 3 rows beside the top edge: the height must be at least 4, the width
    # at least 3 (2 columns at the left); the 7x7 conv then needs N + 4 >= 7 and N + 2 >= 7.
    _, h, w = solved("input 40x40x2\nreflectpad 3,1,2,0\nconv 2 7x7\n")
    assert h == Answer(1, (0,), 4, ()) and w == Answer(1, (0,), 5, ())
    check_by_brute_force("input 40x40x2\nreflectpad 3,1,2,0\nconv 2 7x7\nreflectpad 1\n", 60)


def test_a_fit_takes_its_first_branchs_size_where_the_second_works() -> None:
    # U-Net's skip: the inner branch need not come back to the skip's size, only work; maxpool 2 needs H
    # even, the 3x3 convolution H/2 >= 3: H = 2k for k >= 3 (the branches agreeing was asked: "no H works")
    _, h, w = solved("input 64x64x3\na: conv 8 3x3 pad 1\n"
                     "concat { @a | fit { @a | maxpool 2 ; conv 8 3x3 ; upsample 2 } }\n")
    assert h == w == Answer(2, (0,), 6, ())
    check_by_brute_force("input 64x64x3\na: conv 8 3x3 pad 1\nfit { @a | maxpool 2 ; conv 8 3x3 ; upsample 2 }\n",
                         120)


def test_a_crop_from_an_offset_needs_the_cropped_map_to_reach_it() -> None:
    # Caffe's Crop at offset t: the 2(N - 2)-row map, upsampled from a 3x3 convolution, must hold N + t rows:
    # 2N - 4 >= N + 5 from N = 9 on; along the width, 2N - 4 >= N + 1 from N = 5 on. FCN's deconvolution (64x64
    # stride 32 on a map of N, (N - 1)·32 + 64 rows) reaches 19 rows beyond N at every N.
    _, h, w = solved("input 40x40x2\nfit at 5x1 { identity | conv 2 3x3 ; upsample 2 }\n")
    assert (h.smallest, w.smallest) == (9, 5) and h.modulus == w.modulus == 1
    check_by_brute_force("input 40x40x2\nfit at 5x1 { identity | conv 2 3x3 ; upsample 2 }\n", 60)
    _, h, _ = solved("input 40x40x2\nfit at 19 { identity | deconv 2 64x64 stride 32 }\n")
    assert h == Answer(1, (0,), 1, ())
    # a map that grows slower than the reference reaches the offset at finitely many sizes: N + 20 rows pooled by 2
    # (N even) hold N/2 + 10 >= N + 2 rows for N <= 16: the even sizes 2 to 16, and no class from some size on
    _, h, _ = solved("input 40x40x2\nfit at 2 { identity | zeropad 10 ; maxpool 2 }\n")
    assert h == Answer(None, (), None, (2, 4, 6, 8, 10, 12, 14, 16))
    check_by_brute_force("input 40x40x2\nfit at 2 { identity | zeropad 10 ; maxpool 2 }\n", 60)
    # the reference pooled by 4 (N = 4k), the cropped map by 2: N/2 >= N/4 + 1 from N = 4 on
    check_by_brute_force("input 40x40x2\nfit at 1 { maxpool 4 | maxpool 2 }\n", 60)


def test_a_transposed_convolution_sized_to_another_map_reaches_it_by_at_most_its_stride_less_1() -> None:
    # `to @enc`: enc = floor((N - 1)/2) + 1 rows (3x3/2 pad 1), pooled to p = floor(enc/2), brought back by a 3x3/2
    # pad 1: (p - 1)·2 + 1 = 2p - 1 rows plus 0 or 1, so only an even enc: N ≡ 0, 3 (mod 4) from 3. A 2x2/2 gives 2p
    # plus 0 or 1 (every enc: every N the pool takes); to the input's size from a 3x3/2 pad 1 of it, (e - 1)·2 + 1
    # plus 0 or 1: every N
    text = "input 40x40x2\nrounding floor\nenc: conv 2 3x3 stride 2 pad 1\nmaxpool 2\n"
    _, h, w = solved(text + "deconv 2 3x3 stride 2 pad 1 to @enc\n")
    assert h == w == Answer(4, (0, 3), 3, ())
    _, h, _ = solved(text + "deconv 2 2x2 stride 2 to @enc\n")
    assert h == Answer(1, (0,), 3, ())  # (from 3: the pool needs enc ≥ 2)
    _, h, _ = solved("input 40x40x2\nimage: identity\nrounding floor\nconv 2 3x3 stride 2 pad 1\n"
                     "deconv 2 3x3 stride 2 pad 1 to @image\n")
    assert h == Answer(1, (0,), 1, ())
    for body in ("deconv 2 3x3 stride 2 pad 1 to @enc\n", "deconv 2 2x2 stride 2 to @enc\n",
                 "deconv 2 1x1 stride 3 to @enc ; conv 2 3x3\n", "add { @enc | deconv 2 4x4 stride 2 pad 1 to @enc }\n",
                 "deconv 2 5x5 stride 4 pad 2 dilation 2 to @enc\n"):
        check_by_brute_force(text + body, 120)


def test_a_squeeze_needs_the_map_to_be_1() -> None:
    # squeeze takes a 1x1 map: after a 3x3/2 convolution (exact) only N = 3 gives (3 - 3)/2 + 1 = 1;
    # after `rounding floor`, N = 3 and 4; after a global pool every size
    _, h, _ = solved("input 40x40x2\nconv 2 3x3 stride 2\nsqueeze\n")
    assert h.sizes == (3,) and h.modulus is None
    _, h, _ = solved("input 40x40x2\nrounding floor\nconv 2 3x3 stride 2\nsqueeze\n")
    assert h.sizes == (3, 4)
    for text in ("input 40x40x2\nconv 2 3x3 stride 2\nsqueeze\n", "input 40x40x2\nglobalavgpool\nsqueeze ; fc 4\n",
                 "input 40x40x2\nrounding floor\nmaxpool 4 stride 3\nsqueeze\n"):
        check_by_brute_force(text, 80)


def test_decimal_scales_by_brute_force() -> None:
    # floor(N·F) with F = 3/2, 1/2, 5/4: sizes where halving then doubling gives the input back are the even ones;
    # each chain checked size by size against the walker
    check_by_brute_force("input 40x40x2\nconcat { identity | upsample 0.5 ; upsample 2 }\n", 200)
    check_by_brute_force("input 40x40x2\nupsample 1.5 ; conv 2 3x3 stride 2 ; upsample 1.25 ; maxpool 2\n", 300)
    check_by_brute_force("input 40x40x2\nrounding floor\nupsample 0.5 ; conv 2 3 stride 2 ; upsample 0.25\n", 300)
