"""`--train`: the memory of a training step. The arithmetic is written out here for small networks;
with PyTorch installed, the bytes autograd really saves (counted with `saved_tensors_hooks`, each
storage once, parameters apart) equal cnncalc's for AlexNet, VGG-16, ResNet-50, the other shipped
specs and every layer keyword, up to the two conventions docs/insight.md states: dropout's mask is a
byte a value (PyTorch's GPU kernel; its CPU path keeps float32), and a convolution keeps its input
unpadded (PyTorch pads uneven padding first and keeps the padded copy)."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cnncalc.cli import OPTIMIZERS as CLI_OPTIMIZERS
from cnncalc.cli import cli
from cnncalc.layers.reshape import Dropout
from cnncalc.training import OPTIMIZERS
from tests.conftest import run
from tests.torch_networks import NETWORKS

ROOT = Path(__file__).resolve().parent.parent
F = 4  # bytes per float32


def test_the_command_line_offers_the_optimizers_the_module_knows() -> None:
    assert CLI_OPTIMIZERS == OPTIMIZERS


def test_a_small_network_written_out() -> None:
    text = "input 8x8x3\nconv 4 3x3 pad 1\nrelu\nmaxpool 2\nfc 10\ndropout\nfc 2\n"
    t = run(text, train="adam", batch=3).training
    assert t is not None
    params = (3 * 3 * 3 + 1) * 4 + (4 * 4 * 4 + 1) * 10 + (10 + 1) * 2  # 112 + 650 + 22 = 784
    assert t.parameters == t.gradients == params * F
    assert t.optimizer_state == 2 * params * F  # Adam's two moments
    per_image = (8 * 8 * 3 * F      # conv keeps its input (the image)
                 + 8 * 8 * 4 * F    # relu keeps its output, which maxpool keeps as its input
                 + 4 * 4 * 4 * 8    # maxpool's indices, int64, one per output
                 + 4 * 4 * 4 * F    # fc keeps its input (the pooled map, flattened: a view)
                 + 10 * F           # the second fc keeps its input: dropout's output
                 + 10 * 1)          # dropout's mask, a byte a value
    assert t.saved == 3 * per_image
    # the widest input and output gradients: relu's, 8x8x4 each (the conv's are 8x8x3 and 8x8x4)
    assert t.backward == 3 * (8 * 8 * 4 + 8 * 8 * 4) * F
    assert t.peak == t.parameters + t.gradients + t.optimizer_state + t.saved + t.backward


def test_optimizer_state_per_optimizer() -> None:
    text = "input 4x4x2\nconv 3 3x3\n"
    params = (3 * 3 * 2 + 1) * 3
    states = {o: run(text, train=o).training.optimizer_state for o in OPTIMIZERS}
    assert states == {"sgd": 0, "momentum": params * F, "adam": 2 * params * F}


def test_batch_norm_statistics_are_kept_once_per_batch() -> None:
    text = "input 4x4x2\nconv 8 1x1\nbatchnorm\n"
    one, five = (run(text, train="sgd", batch=b).training for b in (1, 5))
    statistics = 2 * 8 * F  # the batch's mean and inverse deviation per channel
    assert one.saved == 4 * 4 * 2 * F + 4 * 4 * 8 * F + statistics
    assert five.saved == 5 * (4 * 4 * 2 * F + 4 * 4 * 8 * F) + statistics


def test_nothing_is_kept_before_the_first_weights() -> None:
    # No gradient flows into the image, so a pool that reads it keeps nothing (as autograd records nothing).
    text = "input 8x8x3\nmaxpool 2\nconv 4 3x3\n"
    t = run(text, train="sgd").training
    assert t.saved == 4 * 4 * 3 * F  # only the conv's input


def test_a_tensor_kept_by_two_layers_is_counted_once() -> None:
    shared = run("input 8x8x3\nconv 4 3x3 pad 1\nrelu\nconv 4 3x3 pad 1\n", train="sgd").training
    # relu keeps its output; the second conv keeps the same tensor as its input
    assert shared.saved == (8 * 8 * 3 + 8 * 8 * 4) * F


def test_training_memory_is_unknown_when_the_network_is() -> None:
    assert run("input 8x8x3\nconv 4 3x3\nfrobnicate\n", train="sgd").training is None  # E010: unknown layer
    assert run("input 8x8x3\nconv 4 3x3\n").training is None  # not asked for


def test_table_and_json_show_the_step(tmp_path: Path) -> None:
    spec = tmp_path / "t.spec"
    spec.write_text("input 8x8x3\nconv 4 3x3 pad 1\nrelu\n")
    table = CliRunner().invoke(cli, ["summary", str(spec), "--train", "momentum", "--batch", "2"])
    assert table.exit_code == 0, table.output
    assert "Training step (momentum, batch 2)" in table.output and "saved activations" in table.output
    document = json.loads(CliRunner().invoke(cli, ["summary", str(spec), "--train", "adam", "--format", "json"]).output)
    step = document["networks"][0]["training"]
    assert step["optimizer"] == "adam" and step["batch"] == 1
    assert step["saved"] == (8 * 8 * 3 + 8 * 8 * 4) * F
    assert step["peak"] == sum(step[k] for k in ("parameters", "gradients", "optimizer_state", "saved", "backward"))


def test_batch_overrides_the_spec() -> None:
    r = run("input 8x8x3 batch 4\nconv 4 3x3 pad 1\n", batch=16)
    assert r.batch == 16 and r.totals.activation_bytes == 16 * 8 * 8 * 4 * F


# ---- against PyTorch ---------------------------------------------------------------------------

def _torch() -> Any:
    if os.environ.get("CNNCALC_REQUIRE_TORCH"):
        return __import__("torch")
    return pytest.importorskip("torch")


def saved_by_autograd(model: Any, x: Any) -> int:
    """The bytes autograd keeps for the backward pass of one forward: each storage once (a ReLU's output
    is also the next convolution's input), parameters and buffers not counted."""
    torch = _torch()
    own = {t.untyped_storage().data_ptr() for t in [*model.parameters(), *model.buffers()]}
    storages: dict[int, int] = {}

    def pack(t: Any) -> Any:
        pointer = t.untyped_storage().data_ptr()
        if pointer not in own:
            storages[pointer] = t.untyped_storage().nbytes()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        model(x)
    return sum(storages.values())


def measured(text: str, name: str, batch: int) -> tuple[int, int, Any]:
    """PyTorch's saved bytes for the exported network in training mode, cnncalc's figure plus what
    PyTorch's CPU dropout keeps beyond the one-byte mask (3 more bytes a value), and the report."""
    torch = _torch()
    from tests.test_pytorch_export import build, exported
    report, code = exported(text, name, train="sgd", batch=batch)
    torch.manual_seed(0)
    model = build(code)().train()
    got = saved_by_autograd(model, torch.randn(batch, *model.input_size))
    dropout = sum(r.output.size for r in report.rows if isinstance(r.layer, Dropout))
    return got, report.training.saved + 3 * dropout * batch, report


@pytest.mark.torch
@pytest.mark.parametrize("name", ["alexnet", "vgg16", "resnet50"])
def test_saved_activations_equal_pytorch_for_the_classic_networks(name: str) -> None:
    got, expected, _ = measured((ROOT / f"specs/{name}.spec").read_text(), f"{name}.spec", batch=2)
    assert got == expected


SHIPPED = sorted(p.stem for p in (ROOT / "specs").glob("*.spec")
                 if p.stem not in ("alexnet", "vgg16", "resnet50", "unet", "fcn_resnet50"))  # the last two: GBs


@pytest.mark.torch
@pytest.mark.parametrize("name", SHIPPED)
def test_saved_activations_equal_pytorch_for_the_shipped_specs(name: str) -> None:
    got, expected, _ = measured((ROOT / f"specs/{name}.spec").read_text(), f"{name}.spec", batch=2)
    if name == "mobilenet_v1":
        # TensorFlow's `same` at stride 2 pads 0 before and 1 after: PyTorch pads explicitly, and the
        # convolution keeps the padded copy. conv1 reads the image (224²·3, otherwise not kept); the four
        # depthwise convolutions read a ReLU's output, kept anyway, so their padded copies are extra.
        padded = (225 * 225 - 224 * 224) * 3 + 113 * 113 * 64 + 57 * 57 * 128 + 29 * 29 * 256 + 15 * 15 * 512
        expected += 2 * padded * F
    assert got == expected


@pytest.mark.torch
@pytest.mark.parametrize("dims, lines", NETWORKS)
def test_saved_activations_equal_pytorch_for_every_keyword(dims: str, lines: str) -> None:
    channels = int(dims.split("x")[-1])
    # A 1x1 convolution first, so that a gradient flows through every layer after it.
    got, expected, _ = measured(f"input {dims}\nconv {channels} 1x1\n{lines}\n", "t.spec", batch=2)
    if "pad 0,1,1,2" in lines:
        # uneven padding: PyTorch keeps the padded 11x13x3 copy instead of the 10x10x3 input
        expected += 2 * (11 * 13 * 3 - 10 * 10 * 3) * F
    if "maxpool 3x3 stride 2 pad 2 widepad" in lines:
        # padding past PyTorch's limit is written as a padding module: each pool keeps its padded copy instead of
        # its input: 7x7x3 padded by 2 -> 11x11x3; 5x5x3 by 2,1,1,0 -> 8x6x3; 6x5x3 by 3,0,2,1 -> 9x8x3
        expected += 2 * ((11 * 11 - 7 * 7) + (8 * 6 - 5 * 5) + (9 * 8 - 6 * 5)) * 3 * F
    if "widepad divisor 5" in lines:
        # likewise the last pool of the divisor_override network: 4x3x3 padded by 2,1,1,0 -> 7x4x3
        expected += 2 * (7 * 4 - 4 * 3) * 3 * F
    assert got == expected


FROZEN = "input 32x32x3\nconv 8 3x3 pad 1 frozen\nbn frozen\nrelu\nconv 8 3x3 frozen\nglobalavgpool\nfc 10\n"


def test_frozen_layers_are_counted_as_non_trainable_and_keep_nothing_before_the_trained_ones() -> None:
    # conv 8 3x3 pad 1: 8·27 + 8 = 224; bn: 2·8 = 16 learnt (and 2·8 running statistics); conv 8 3x3 on eight
    # channels: 8·72 + 8 = 584; fc 10 on 8: 90. Frozen: 224 + 16 + 584 = 824; trained: 90 (Keras and torchinfo
    # split them the same way: Trainable 90, Non-trainable 824 + 16).
    r = run(FROZEN)
    t = r.totals
    assert (t.params, t.frozen, t.trainable, t.non_trainable, t.all_params) == (914, 824, 90, 16, 930)
    result = CliRunner().invoke(cli, ["summary", "-", "--train", "sgd"], input=FROZEN)
    lines = {line.split("  ")[0]: " ".join(line.split()) for line in result.output.splitlines()}
    assert lines["Trainable params"] == "Trainable params 90"
    assert lines["Non-trainable params"] == "Non-trainable params 840 (frozen and running statistics)"
    # no gradient reaches the frozen layers: only the fc's input (8 values) is kept, and only its 90
    # parameters have gradients
    assert r.training is None
    trained = run(FROZEN, train="sgd").training
    assert trained is not None and trained.saved == 8 * F and trained.gradients == 90 * F
    document = json.loads(CliRunner().invoke(cli, ["summary", "-", "--format", "json"], input=FROZEN).output)
    totals = document["networks"][0]["totals"]
    assert (totals["params"], totals["trainable"], totals["frozen"], totals["non_trainable"]) == (914, 90, 824, 16)


def test_freezing_shows_in_a_diff_as_trained_parameters_moved_to_non_trainable() -> None:
    from cnncalc import analyze_text
    from cnncalc.diff import diff_reports
    before = analyze_text(FROZEN.replace(" frozen", ""), "a.spec")
    after = analyze_text(FROZEN, "b.spec")
    totals = {t.quantity: (t.a, t.b) for t in diff_reports(before, after).totals}
    assert totals["Total params"] == (930, 930)
    assert totals["Trainable params"] == (914, 90) and totals["Non-trainable params"] == (16, 840)


def test_answers_about_a_frozen_layer_are_judged_as_on_any_layer() -> None:
    # `frozen` moves a layer's parameters to non-trainable in the totals; its row still has them: conv 8 3x3 on
    # 32x32x3 with pad 1 has 8·27 + 8 = 224, and one more (225) is wrong, as is a total without the frozen layers
    right = run("input 32x32x3\nconv 8 3x3 pad 1 frozen -> 32x32x8 params 224\nfc 10\nexpect total params 82,154\n")
    assert right.ok and {a.verdict for a in right.answers} == {"right"}  # 224 + 32·32·8·10 + 10 = 82,154
    wrong = run("input 32x32x3\nconv 8 3x3 pad 1 frozen -> 32x32x8 params 225\nfc 10\nexpect total params 81,930\n")
    assert [a.verdict for a in wrong.answers] == ["right", "wrong", "wrong"]
