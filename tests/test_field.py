"""Receptive fields, effective strides and effective paddings (cnncalc/field.py), against published
tables and the chain formula written out; and the alignment warning (W002)."""
from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

import cnncalc
from cnncalc.field import shown
from tests.conftest import SPECS, row, run, where


def field_of(report, path: str) -> tuple:
    """(receptive field, effective stride, effective padding) along the height; checked equal on both axes."""
    h, w = row(report, path).field
    assert h == w
    return tuple(shown(v) for v in h)


def test_alexnet_and_vgg16_as_google_research_receptive_field_tabulates_them() -> None:
    # google-research/receptive_field's README: alexnet_v2 pool5 (here pool3) 195, 32, 64;
    # vgg_16 pool5 212, 32, 90.
    assert field_of(cnncalc.analyze(SPECS / "alexnet.spec"), "pool3") == (195, 32, 64)
    assert field_of(cnncalc.analyze(SPECS / "vgg16.spec"), "pool5") == (212, 32, 90)


def test_alexnet_layer_by_layer() -> None:
    # r = r + (k - 1)·S, S = S·s, P = P + p·S, from (1, 1, 0):
    # conv1 11/4: (11, 4, 0); pool1 3/2: (11 + 2·4, 8, 0); conv2 5 pad 2: (19 + 4·8, 8, 2·8);
    # pool2: (51 + 2·8, 16, 16); conv3-5 3 pad 1: (67 + 2·16·k, 16, 16 + 16·k); pool3: (163 + 2·16, 32, 64).
    r = cnncalc.analyze(SPECS / "alexnet.spec")
    expected = {"conv1": (11, 4, 0), "pool1": (19, 8, 0), "conv2": (51, 8, 16), "pool2": (67, 16, 16),
                "conv3": (99, 16, 32), "conv4": (131, 16, 48), "conv5": (163, 16, 64), "pool3": (195, 32, 64)}
    assert {p: field_of(r, p) for p in expected} == expected


window = st.tuples(st.sampled_from(["conv 4", "maxpool", "avgpool"]), st.integers(1, 5), st.integers(1, 3),
                   st.integers(0, 2), st.integers(1, 2))


@given(st.lists(window, min_size=1, max_size=6))
def test_a_chain_follows_the_formula(layers: list[tuple[str, int, int, int, int]]) -> None:
    # r = 1 + Σ D(K-1)·Π(earlier strides), S = Π strides, P = Σ P·Π(earlier strides).
    lines = []
    for kind, k, s, p, d in layers:
        p = min(p, k // 2) if kind != "conv 4" else p  # pools refuse more padding than half the window
        d = d if kind != "avgpool" else 1
        lines.append((kind, k, s, p, d))
    text = "input 4000x4000x4\nrounding floor\n" + "\n".join(
        f"{kind} {k}x{k} stride {s} pad {p}" + (f" dilation {d}" if kind != "avgpool" else "")
        for kind, k, s, p, d in lines)
    report = run(text)
    assume(report.ok)  # strides can shrink the map below a later kernel
    r, stride, pad = 1, 1, 0
    for (_, k, s, p, d), got in zip(lines, (x for x in report.rows if x.kind == "layer")):
        r, stride, pad = r + d * (k - 1) * stride, stride * s, pad + p * stride
        assert got.field == ((r, stride, pad), (r, stride, pad))


def test_upsampling_divides_the_stride() -> None:
    # deconv 2x2 stride 2 after two stride-2 pools: S 4 -> 2; r grows by (k - 1)/s·S = 1/2·4 = 2.
    report = run("input 32x32x4\nmaxpool 2\nmaxpool 2\ndeconv 4 2x2 stride 2\nupsample 2\n")
    assert field_of(report, "maxpool2") == (4, 4, 0)
    assert field_of(report, "deconv1") == (6, 2, 2)
    assert field_of(report, "upsample1")[1] == 1


def test_branches_that_look_at_different_places_are_w002() -> None:
    # A 2x2/2 max pool looks at pixels 2i … 2i+1 (centre 2i + 0.5); a 3x3/2 conv with pad 1 at
    # 2i - 1 … 2i + 1 (centre 2i): their concatenation mixes neighbours that are not neighbours.
    r = run("input 8x8x3\ndown: concat { maxpool 2x2 stride 2 | conv 8 3x3 stride 2 pad 1 floor }\n")
    assert where(r)[0] == ("W002", 2, 1)  # then N030, the conv's declared floor
    assert r.diagnostics[0].message == ("down: branch `1` and branch `2` look at different places: every 2 "
                                        "pixels, centred at 0.5 against every 2 pixels, centred at 0")


def test_a_stride_of_1_is_every_pixel() -> None:
    # the identity sees pixel i (stride 1, centre 0); the 1x1/2 conv with pad 1 sees input pixel 2i - 1
    r = run("input 3x3x2\nadd { identity | conv 2 1x1 stride 2 pad 1 }\n")
    w002 = next(d for d in r.diagnostics if d.code == "W002")
    assert w002.message.endswith("every pixel, centred at 0 against every 2 pixels, centred at -1")


def test_a_u_nets_upsampled_path_meets_its_skip_aligned() -> None:
    # 2x2/2 pooling centres unit j at 2j + 1/2; upsampling by 2 puts unit o at (o + 1/2)/2 - 1/2 of
    # those (bilinear) or on floor(o/2) (nearest, on average o/2 - 1/4): 2·(o/2 - 1/4) + 1/2 = o,
    # where the skip's unit o is. Both were W002, half a unit off.
    r = run("input 8x8x4\nconcat { identity | maxpool 2 ; upsample 2 }\n"
            "concat { identity | maxpool 2 ; upsample 2 bilinear }\nconcat { identity | maxpool 2 ; resize 8x8 }\n")
    assert r.ok and r.diagnostics == ()
    # a 3x3/2 convolution with pad 1 centres unit j at 2j: upsampled, o - 1/2, truly off the skip's o
    r = run("input 8x8x4\nconcat { identity | conv 4 3x3 stride 2 pad 1 floor ; upsample 2 bilinear }\n")
    assert r.diagnostics[0].code == "W002" and "centred at -0.5" in r.diagnostics[0].message


def test_image_pooling_resampled_back_meets_the_other_branches_aligned() -> None:
    # DeepLab's ASPP: a global pool's one unit resampled back to the map beside 1x1 and dilated 3x3 branches.
    # A global pool moves the field as adaptive pooling to one unit does (a window of the map's size at that
    # stride): the same field from `globalavgpool`, `globalmaxpool` and `adaptiveavgpool 1x1`, and the branch
    # meets the others aligned; it was W002 ("every 0.125 pixels") while `adaptiveavgpool 1` was quiet.
    pooled = {p: field_of(run(f"input 8x8x2\nmaxpool 2\n{p}\n"), p.split()[0] + "1")
              for p in ("globalavgpool", "globalmaxpool", "adaptiveavgpool 1x1")}
    # after a 2x2/2 pool (2, 2, 0), the 4x4 map pooled: r = 2 + 3·2, S = 2·4, P = 0 + 0·2
    assert len(set(pooled.values())) == 1 and pooled["globalavgpool"] == (2 + 3 * 2, 2 * 4, 0)
    for pool in ("globalavgpool", "adaptiveavgpool 1x1"):
        r = run(f"input 64x64x8\nmaxpool 2 ; maxpool 2 ; maxpool 2\nconcat {{ conv 4 1x1 | conv 4 3x3 pad 2 dilation 2 "
                f"| resample bilinear {{ identity | {pool} ; conv 4 1x1 }} }}\n")
        assert r.ok and r.diagnostics == (), pool


def test_aligned_branches_and_gates_are_quiet() -> None:
    # GoogLeNet's module (1x1 | 3x3 pad 1 | 5x5 pad 2 | pool 3 pad 1) is aligned; an SE gate is 1x1.
    r = run("input 28x28x192\nconcat { conv 64 1x1 | conv 128 3x3 pad 1 | conv 32 5x5 pad 2 | "
            "maxpool 3x3 stride 1 pad 1 ; conv 32 1x1 }\nmul { identity | globalavgpool ; conv 256 1x1 ; sigmoid }\n")
    assert r.ok and r.diagnostics == ()
    # The gate sees the whole 28x28 map: the merge's field is as wide, centred as before.
    assert field_of(r, "mul1")[0] == 1 + 27 + 4


def test_whole_steps_stay_whole_numbers() -> None:
    from fractions import Fraction

    from cnncalc import field
    # Adaptive pooling 7 -> 7 and 14 -> 7 move by 1 and 2 input units: ints, not Fraction(7, 7), whose
    # arithmetic down a 65,536-layer chain once took seconds (found by the fuzzer, seed 8120284).
    assert field.adaptive(7, 7) == (0, 1, 0) and type(field.adaptive(7, 7)[1]) is int
    assert field.adaptive(14, 7) == (1, 2, 0) and type(field.adaptive(14, 7)[1]) is int
    assert field.adaptive(32, 7)[1] == Fraction(32, 7)
    # Bilinear resampling (align_corners=False) samples output o at (o + 1/2)·s - 1/2, s = n_in/n_out,
    # between two input units: a window of two from (o + 1/2)·s - 1, so begin b = 1 - s/2.
    # 4 -> 2 (s = 2): 2o + 1/2, between 2o and 2o + 1, b = 0; 2 -> 4 (s = 1/2): o/2 - 1/4, b = 3/4.
    assert field.resample(4, 2, True) == (1, 2, 0)
    assert field.resample(2, 4, True) == (1, Fraction(1, 2), Fraction(3, 4))
    # Nearest reads floor(o·s): by 2, units 0, 0, 1, 1, … sit on average 1/4 behind o/2, as a
    # transposed 2x2/2 convolution's (whose b is (K - 1 - P)/s = 1/2 over an extent of 1/2)
    assert field.resample(2, 4, False) == (0, Fraction(1, 2), Fraction(1, 4))
    assert field.resample(4, 2, False) == (0, 2, 0)
    # A transposed convolution at stride 1 spans D·(K-1) + 1 units from -(D·(K-1) - P): whole numbers.
    assert field.transposed(5, 1, 0, 4) == (16, 1, 16) and all(type(v) is int for v in field.transposed(5, 1, 0, 4))
    assert field.transposed(4, 2, 1) == (Fraction(3, 2), Fraction(1, 2), 1)
    # A layer that keeps positions leaves a fractional field exactly as it was.
    fractional = ((Fraction(39, 7), Fraction(32, 7), 0), (Fraction(39, 7), Fraction(32, 7), 0))
    assert field.compose(fractional, ((0, 1, 0), (0, 1, 0))) == fractional


def test_a_field_beyond_its_limit_is_unknown_and_the_rest_is_computed() -> None:
    # Each `maxpool 1x1 stride 2` on a 1x1 map doubles the effective stride: 2^64 after 64 of them is the
    # limit, 2^65 is past it. Strides multiplied down a deep repeat once grew to thousands of digits (found
    # by the fuzzer, seed 27105410): JSON could not write them and memory grew by gigabytes.
    r = run("input 1x1x1\nrepeat 70 { maxpool 1x1 stride 2 }\n")
    layers = [x for x in r.rows if x.kind == "layer"]
    assert layers[63].field == ((1, 2**64, 0), (1, 2**64, 0)) and layers[64].field is None
    assert all(x.field is None for x in layers[64:]) and r.output.dims == (1, 1, 1) and r.totals.activations == 70
    from cnncalc.render.machine import json_chunks
    assert '"effective_stride": null' in "".join(json_chunks([r]))
