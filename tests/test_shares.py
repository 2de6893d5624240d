"""`shares NAME`: a layer that uses the weights of an earlier one, as a PyTorch module applied twice does.

Its row counts no parameters (they are counted at the layer it shares), its MACs and output are its own; the two
must be written the same and give their weights the same shapes. Each figure is worked out here by hand; the
networks of tests/torch_networks.py that share weights are checked against PyTorch too (its parameter count
counts a shared tensor once, as PyTorch's `model.parameters()` does)."""
from __future__ import annotations

import json

from click.testing import CliRunner

from cnncalc.cli import cli
from cnncalc.verify import verify
from tests.conftest import errors, prepare, row, run

CBAM = """input 16x16x3
conv1: conv 64 3x3 pad 1 ; relu
gate: mul {
    identity
  | add {
        globalavgpool ; fc1: conv 4 1x1 ; relu ; fc2: conv 64 1x1
      | globalmaxpool ; conv 4 1x1 shares fc1 ; relu ; conv 64 1x1 shares fc2
    } ; sigmoid
}
"""


def test_cbams_shared_mlp_counts_its_weights_once_and_its_macs_twice() -> None:
    r = run(CBAM)
    assert r.ok, r.messages()
    # conv1: (3·3·3 + 1)·64 = 1,792; the MLP: (64 + 1)·4 = 260 and (4 + 1)·64 = 320, once: 580
    assert r.totals.params == 1792 + 260 + 320
    first, again = row(r, "gate.2.add1.1.fc1"), row(r, "gate.2.add1.2.conv1")
    assert (first.params, again.params) == (260, 0) and again.shares == "gate.2.add1.1.fc1"
    assert row(r, "gate.2.add1.2.conv2").shares == "gate.2.add1.1.fc2"
    # each application: 64·4 and 4·64 MACs on a 1x1 map, twice; conv1 16·16·64·27
    assert r.totals.macs == 16 * 16 * 64 * 27 + 2 * (64 * 4 + 4 * 64)
    assert again.op == "conv 4 1x1 shares fc1" and again.output.dims == (1, 1, 4)


def test_the_executor_runs_a_shared_layer_with_the_first_ones_arrays_and_allocates_none() -> None:
    result = verify(prepare(CBAM))
    assert result.ok and all(c.agrees for c in result.comparisons)
    shared = next(c for c in result.comparisons if c.row.path == "gate.2.add1.2.conv1")
    assert shared.result is not None and shared.result.params == 0 and shared.result.macs == 64 * 4


def test_json_names_the_layer_whose_weights_a_row_uses() -> None:
    result = CliRunner().invoke(cli, ["summary", "-", "--format", "json"], input=CBAM)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["networks"][0]["layers"]
    shared = {r["path"]: r["shares"] for r in rows if "shares" in r}
    assert shared == {"gate.2.add1.2.conv1": "gate.2.add1.1.fc1", "gate.2.add1.2.conv2": "gate.2.add1.1.fc2"}
    assert next(r for r in rows if r["path"] == "gate.2.add1.2.conv1")["params"] == 0


def test_a_weight_tied_recursion_shares_a_layer_written_before_its_repeat() -> None:
    # DRRN's recursive block: one 3x3 convolution (16 -> 16: (9·16 + 1)·16 = 2,320) applied 1 + 3 times
    r = run("input 8x8x16\nc: conv 16 3x3 pad 1 ; relu\nrepeat 3 { conv 16 3x3 pad 1 shares c ; relu }\n")
    assert r.ok, r.messages()
    assert r.totals.params == 2320 and r.totals.macs == 4 * 8 * 8 * 16 * 9 * 16
    assert [x.shares for x in r.rows if x.shares] == ["c"] * 3


def test_a_head_applied_at_two_depths_shares_the_first_heads_layers() -> None:
    text = ("input 9x9x3\nconv 4 3x3 pad 1\np3: side { h1: conv 2 3x3 pad 1 ; h2: conv 5 1x1 }\n"
            "conv 4 3x3 stride 2\np4: side { conv 2 3x3 pad 1 shares h1 ; conv 5 1x1 shares h2 }\n")
    r = run(text)
    assert r.ok, r.messages()
    # conv 4 3x3 on 3: 112; on 4: 148 (9x9 -> 4x4); h1 (9·4 + 1)·2 = 74; h2 (2 + 1)·5 = 15, once
    assert r.totals.params == 112 + 148 + 74 + 15
    assert row(r, "p4").params == 0 and row(r, "p4").macs == 4 * 4 * (2 * 36 + 5 * 2)


def test_inside_a_block_a_layer_shares_one_of_the_same_call() -> None:
    text = ("input 8x8x3\nblock gate(c) { mul { identity | add { globalavgpool ; a: conv 2 1x1 ; b: conv c 1x1 "
            "| globalmaxpool ; conv 2 1x1 shares a ; conv c 1x1 shares b } ; sigmoid } }\n"
            "conv 8 3x3 pad 1 ; gate(8) ; conv 16 1x1 ; gate(16)\n")
    r = run(text)
    assert r.ok, r.messages()
    # conv 8: (27 + 1)·8 = 224; gate(8): (8 + 1)·2 + (2 + 1)·8 = 42; conv 16: (8 + 1)·16 = 144;
    # gate(16): (16 + 1)·2 + (2 + 1)·16 = 82
    assert r.totals.params == 224 + 42 + 144 + 82
    assert [x.shares for x in r.rows if x.shares] == ["gate1.mul1.2.add1.1.a", "gate1.mul1.2.add1.1.b",
                                                      "gate2.mul1.2.add1.1.a", "gate2.mul1.2.add1.1.b"]


def test_a_layer_sharing_a_sharer_shares_what_that_one_shares() -> None:
    r = run("input 6x6x4\na: conv 4 3x3 pad 1\nb: conv 4 3x3 pad 1 shares a\nconv 4 3x3 pad 1 shares b\n")
    assert r.ok and r.totals.params == (36 + 1) * 4
    assert [x.shares for x in r.rows if x.shares] == ["a", "a"]


def test_a_layer_written_otherwise_cannot_share_and_says_where() -> None:
    r = run("input 8x8x3\nc1: conv 4 3x3\nconv 5 3x3 shares c1\nconv 4 3x3 frozen shares c1\n")
    assert errors(r) == [("E064", 3, 12), ("E064", 4, 19)]
    assert "`conv 5 3x3` cannot share the weights of `c1`, which is `conv 4 3x3`" in r.diagnostics[0].message


def test_a_layer_given_other_channels_cannot_share_and_says_both_shapes() -> None:
    # c1 receives 3 channels (weights 4x3x3x3), the second convolution 4
    r = run("input 8x8x3\nc1: conv 4 3x3 pad 1\nconv 4 3x3 pad 1 shares c1\n")
    assert errors(r) == [("E064", 3, 18)]
    message = r.diagnostics[0].message
    assert "receives 8x8x4, where `c1`" in message and "receives 8x8x3" in message
    assert "weight 4x3x3x4, bias 4" in message and "weight 4x3x3x3, bias 4" in message


def test_what_shares_cannot_name_is_e063_at_the_name() -> None:
    text = ("input 8x8x3\nc1: conv 4 1x1\nconv 4 1x1 shares nope\nr: residual { conv 4 1x1 }\nconv 4 1x1 shares r\n"
            "later: conv 4 1x1 shares later2\nlater2: conv 4 1x1\nrepeat 2 { inner: conv 4 1x1 }\n"
            "conv 4 1x1 shares inner\n")
    r = run(text)
    assert errors(r) == [("E063", 3, 12), ("E063", 5, 12), ("E063", 6, 19), ("E063", 9, 12)]
    assert "`r` is a merge, not a layer" in r.diagnostics[1].message
    assert "no earlier layer is named `later2` here" in r.diagnostics[2].message  # (nor a repeat's layer, after it)
    # a block's body does not see the layers where it is called
    r = run("input 8x8x3\nc: conv 3 1x1\nblock b() { conv 3 1x1 shares c }\nb()\n")
    assert errors(r) == [("E063", 3, 24)]


def test_shares_without_a_name_or_twice_is_a_syntax_error() -> None:
    r = run("input 8x8x3\nc: conv 3 1x1\nconv 3 1x1 shares\nconv 3 1x1 shares c shares c\n")
    assert errors(r) == [("E002", 3, 18), ("E012", 4, 21)]
    assert r.diagnostics[0].message == ("expected the name of the layer whose weights it shares after `shares`, found "
                                        "end of line")
    assert r.diagnostics[1].message == "`shares` is given twice"


def test_the_spec_written_back_keeps_shares() -> None:
    result = CliRunner().invoke(cli, ["convert", "-", "--to", "spec"], input=CBAM)
    assert result.exit_code == 0, result.output
    assert "conv 4 1x1 shares fc1" in result.output and "conv 64 1x1 shares fc2" in result.output
    again = run(result.output)
    assert again.ok and again.totals.params == 1792 + 580


def test_a_misspelt_shares_is_told_its_word() -> None:
    r = run("input 8x8x3\nfc1: conv 4 1x1\nconv 4 1x1 share fc1\n")
    first = r.diagnostics[0]
    assert (first.code, first.hint) == ("E011", "a layer that uses an earlier layer's weights says `shares NAME`: "
                                                "`conv 64 1x1 shares fc1`")


def test_a_block_called_again_on_the_same_input_shares_its_own_calls_layers() -> None:
    # the second call is walked by replaying the first's rows: each row's `shares` moves with it
    r = run("input 8x8x8\nblock gate(c) { mul { identity | add { globalavgpool ; a: conv 2 1x1 | globalmaxpool ; "
            "conv 2 1x1 shares a } ; conv c 1x1 ; sigmoid } }\ngate(8) ; gate(8)\n")
    assert r.ok, r.messages()
    assert [x.shares for x in r.rows if x.shares] == ["gate1.mul1.2.add1.1.a", "gate2.mul1.2.add1.1.a"]
    # each call: a (8 + 1)·2 = 18 once, conv 8 (2 + 1)·8 = 24
    assert r.totals.params == 2 * (18 + 24)


def test_a_layer_inside_a_merge_written_before_is_visible_after_it() -> None:
    # a module applied first inside a residual body, then on the trunk: 4 -> 4 channels each time, (36 + 1)·4 = 148
    r = run("input 8x8x4\nresidual { body: conv 4 3x3 pad 1 ; relu }\nconv 4 3x3 pad 1 shares body\n")
    assert r.ok, r.messages()
    assert r.totals.params == 148 and [x.shares for x in r.rows if x.shares] == ["residual1.body.body"]


def test_an_answer_on_a_sharing_layer_is_judged_against_none_of_its_own() -> None:
    # fc1: (16 + 1)·4 = 68 parameters on 16 channels; the second 1x1 convolution uses fc1's: 0 of its own (the
    # working says whose they are), and 68 there is wrong; its output 8x8x4 is its own
    right = run("input 8x8x16\nconcat {\n    fc1: conv 4 1x1 -> params 68\n  | conv 4 1x1 shares fc1 -> params 0 "
                "output 8x8x4\n}\n")
    assert right.ok and [a.verdict for a in right.answers] == ["right"] * 3, right.messages()
    wrong = run("input 8x8x16\nconcat {\n    fc1: conv 4 1x1\n  | conv 4 1x1 shares fc1 -> params 68\n}\n")
    [answer] = wrong.answers
    assert answer.verdict == "wrong" and errors(wrong) == [("E041", 4, 37)]
    assert "its weights are `concat1.1.fc1`'s, counted there" in " ".join(wrong.diagnostics[0].notes)


def test_a_sharing_layer_whose_pytorch_module_would_differ_is_not_converted() -> None:
    # `pad same` at stride 2 pads 10x10 by 0 and 1 (an F.pad, then no padding) and 5x5 by 1 on each side: one
    # module cannot be both, and PyTorch's `padding='same'` takes no stride
    text = "input 10x10x4\nc: conv 4 3x3 stride 2 pad same\nconv 4 3x3 stride 2 pad same shares c\n"
    assert run(text).ok
    result = CliRunner().invoke(cli, ["convert", "-", "--to", "pytorch"], input=text)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "conv1 shares the weights of c, whose module is written otherwise for its input" in result.output


def test_standard_input_is_converted_to_pytorch() -> None:
    # `cnncalc convert - --to pytorch` read standard input a second time, found it empty and reported E020
    result = CliRunner().invoke(cli, ["convert", "-", "--to", "pytorch"], input=CBAM)
    assert result.exit_code == 0, result.output
    assert "self.gate_2_add1_1_fc1(gate_2_add1_2)" in result.output  # the MLP applied to the maximum is fc1 again
