"""The PyTorch reader: source read with `ast`, never run. Expected numbers come from arithmetic
written here, from the lecture, from reading back what `convert --to pytorch` wrote (whose counts
PyTorch itself confirms in test_pytorch_export), and from PyTorch run on the same file."""
from __future__ import annotations

import importlib.util
import sys
import types
import warnings
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cnncalc import analyze, analyze_text
from cnncalc.analysis import Settings, run
from cnncalc.cli import cli
from cnncalc.pytorch_writer import write_pytorch
from tests.conftest import errors, where
from tests.pytorch_sources import module_source
from tests.torch_networks import NETWORKS

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests/fixtures/notations"
SPECS = sorted((ROOT / "specs").glob("*.spec"))


def codes_of(report: Any) -> list[str]:
    return [d.code for d in report.diagnostics]


def read_py(text: str, **settings: Any) -> Any:
    return analyze_text(text, "model.py", **settings)


def place_of(text: str, written: str) -> tuple[int, int]:
    """(line, column) of the first place `written` appears in `text`, counted from 1: where a caret should be."""
    before = text[:text.index(written)]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def built_by_pytorch(text: str) -> Any:
    """The `model` a file builds, built by PyTorch itself (the test is skipped without torch), in eval mode."""
    pytest.importorskip("torch")
    namespace: dict[str, Any] = {}
    exec(compile(text, "model.py", "exec"), namespace)
    return namespace["model"].eval()


def parameters_in_pytorch(text: str) -> int:
    """What PyTorch's `model.parameters()` holds for the file's model."""
    return sum(p.numel() for p in built_by_pytorch(text).parameters())


def module_file(init: str, forward: str) -> str:
    """A file of one module `M` whose `__init__` and `forward` bodies are the lines given (each
    indented by the helper), built at its end as `model = M()`."""
    body = "".join(f"        {line}\n" for line in init.splitlines())
    steps = "".join(f"        {line}\n" for line in forward.splitlines())
    return ("import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"
            "class M(nn.Module):\n"
            "    def __init__(self):\n"
            f"        super().__init__()\n{body}"
            f"    def forward(self, x):\n{steps}"
            "model = M()\n")


def test_the_lectures_pytorch_line_is_read_and_its_invalid_stride_reported_with_the_fix() -> None:
    report = read_py("nn.Conv2d(in_channels=3, out_channels=16, kernel_size=3, stride=3, padding=1)\n",
                     input="32x32x3")
    # (32 - 3 + 2·1)/3 + 1 = 11.33: PyTorch floors it silently to 11
    assert report.rows[0].output.dims == (11, 11, 16)
    assert report.totals.params == (3 * 3 * 3 + 1) * 16
    [warning] = [d for d in report.diagnostics if d.code == "W030"]
    assert "(32 - 3 + 2·1)/3 + 1 = 11.33" in warning.message and "as PyTorch does" in warning.message
    assert warning.hint is not None and "stride 1" in warning.hint
    assert (warning.line, warning.column) == (1, 1)


def test_positional_arguments_bind_as_pytorch_defines_them() -> None:
    report = read_py("import torch.nn as nn\nnn.Conv2d(3, 16, 3, stride=3, padding=1)\n", input="32x32x3")
    assert report.rows[0].output.dims == (11, 11, 16)
    report = read_py("from torch import nn\nnet = nn.Sequential(nn.Conv2d(3, 8, 3, 1, 1, 1, 1, False), "
                     "nn.MaxPool2d(2), nn.Flatten(), nn.Linear(8 * 16 * 16, 10))\n", input="32x32x3")
    assert report.ok
    assert [r.output.dims for r in report.rows] == [(32, 32, 8), (16, 16, 8), (2048,), (10,)]
    assert report.totals.params == 3 * 3 * 3 * 8 + 2048 * 10 + 10  # bias=False on the convolution


def test_a_batch_norm_without_running_statistics_keeps_none() -> None:
    # track_running_stats=False: gamma and beta (2·8) learnt, no running mean and variance (BatchNorm1d's 2·10 are
    # there); it was E070
    text = ("import torch.nn as nn\nmodel = nn.Sequential(nn.Conv2d(3, 8, 3), nn.BatchNorm2d(8, track_running_stats="
            "False), nn.ReLU(), nn.Flatten(), nn.Linear(8 * 30 * 30, 10), nn.BatchNorm1d(10))\n")
    report = read_py(text, input="32x32x3")
    assert report.ok, report.messages()
    assert report.totals.params == (3 * 9 + 1) * 8 + 2 * 8 + (8 * 30 * 30 + 1) * 10 + 2 * 10
    assert report.totals.non_trainable == 2 * 10
    assert [r.op for r in report.rows if r.op.startswith("batchnorm")] == [
        "batchnorm nostats inputs 8 map", "batchnorm inputs 10 vector"]
    model = built_by_pytorch(text)
    assert report.totals.params == sum(p.numel() for p in model.parameters())
    assert report.totals.non_trainable == sum(b.numel() for name, b in model.named_buffers()
                                              if not name.endswith("num_batches_tracked"))


def test_a_class_with_functional_calls_and_view() -> None:
    report = analyze(FIXTURES / "lenet_class.py", input="28x28x1")
    assert report.ok, report.messages()
    assert report.network == "LeNet"
    # LeNet-5 with padding 2 on 28x28: conv 6 5x5 (156), conv 16 5x5 on 6 (2,416), 400·120+120, 120·84+84, 84·10+10
    assert report.totals.params == 156 + 2416 + 48120 + 10164 + 850
    assert report.output is not None and report.output.dims == (10,)
    report = analyze(FIXTURES / "lenet_class.py", input="32x32x1")
    assert codes_of(report) == ["E017"]  # fc1 states 16·5·5 inputs; a 32x32 input gives 16·6·6


def test_a_resnet_with_blocks_downsample_and_make_layer() -> None:
    report = analyze(FIXTURES / "resnet_blocks.py", input="32x32x3")
    assert not [d for d in report.diagnostics if d.severity == "error"], report.messages()
    stem = 3 * 3 * 3 * 16 + 2 * 16
    block16 = 2 * (3 * 3 * 16 * 16 + 2 * 16)
    down = 3 * 3 * 16 * 32 + 3 * 3 * 32 * 32 + 2 * 2 * 32 + 16 * 32 + 2 * 32
    block32 = 2 * (3 * 3 * 32 * 32 + 2 * 32)
    assert report.totals.params == stem + 2 * block16 + down + block32 + 32 * 10 + 10
    assert report.totals.non_trainable == 2 * (16 + 4 * 16 + 5 * 32)  # running mean and variance
    # the stride-2 3x3 convolution on 32: (32 - 3 + 2)/2 + 1 = 16.5, floored by PyTorch
    assert "W030" in codes_of(report)


def test_missing_input_size_unsupported_layers_and_syntax_errors_are_located() -> None:
    report = read_py("import torch.nn as nn\nmodel = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU())\n")
    assert "E072" in codes_of(report)
    report = read_py("import torch.nn as nn\nmodel = nn.Sequential(nn.Conv2d(3, 8, 3), nn.LSTM(8, 8))\n",
                     input="8x8x3")
    [e] = [d for d in report.diagnostics if d.code == "E070"]
    assert "nn.LSTM" in e.message and (e.line, e.column) == (2, 43)
    report = read_py("import torch.nn as nn\nmodel = nn.Sequential(nn.Conv2d(3, 8, 3)\n", input="8x8x3")
    assert codes_of(report) == ["E071"]
    report = read_py("x = 1\n", input="8x8x3")
    assert codes_of(report) == ["E070"]
    report = read_py("nn.Conv2d(3, 8, 3, padding=1, padding_mode='wrap')\n", input="8x8x3")  # no mode of PyTorch's
    assert "padding_mode='wrap'" in report.diagnostics[0].message


def test_keras_source_is_read_by_the_keras_reader() -> None:
    # Keras' own MNIST example, as a teacher pastes it: not PyTorch (tests/test_readers_keras_source.py reads it):
    # (3·3·1 + 1)·32 = 320 parameters. Read as PyTorch when told to, it is one E070 pointing to the Keras reader.
    text = ("from tensorflow import keras\nfrom tensorflow.keras import layers\nmodel = keras.Sequential([\n"
            "    keras.Input(shape=(28, 28, 1)),\n"
            "    layers.Conv2D(32, kernel_size=(3, 3), activation=\"relu\"),\n])\n")
    assert read_py(text).totals.params == 320
    for source in (text, "import tensorflow as tf\nmodel = tf.keras.Sequential([tf.keras.layers.Dense(3)])\n"):
        [e] = read_py(source, input="28x28x1", lang="pytorch").diagnostics
        assert (e.code, e.message) == ("E070", "not supported: Keras source code, read as PyTorch; cnncalc reads a "
                                               "Keras script with its Keras reader")
        assert "--lang keras" in (e.hint or "")


def test_the_code_is_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = (f"import os\nos.system('touch {marker}')\nopen({str(marker)!r}, 'w').write('x')\n"
            "import torch.nn as nn\nmodel = nn.Sequential(nn.Conv2d(3, 8, 3))\n")
    report = read_py(text, input="8x8x3")
    assert report.totals.params == 3 * 3 * 3 * 8 + 8
    assert not marker.exists()


def test_loops_are_bounded() -> None:
    text = "import torch.nn as nn\nlayers = []\nfor i in range(10**9):\n    layers.append(nn.ReLU())\n"
    report = read_py(text + "model = nn.Sequential(*layers)\n", input="8x8x3")
    assert "E070" in codes_of(report)


def _round_trip(text: str, name: str) -> tuple[Any, Any]:
    original = run(text, name, Settings())[0]
    assert original.root is not None
    code = write_pytorch(original.report, original.root)
    return original.report, analyze_text(code, "exported.py")


def _same(a: Any, b: Any, statistics: bool = True) -> None:
    assert (b.totals.params, b.totals.trainable, b.totals.macs, b.output) == \
        (a.totals.params, a.totals.trainable, a.totals.macs, a.output)
    if statistics:
        assert b.totals.non_trainable == a.totals.non_trainable
    assert not [d for d in b.diagnostics if d.severity == "error"], b.messages()


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.stem)
def test_every_shipped_spec_round_trips_through_pytorch_code(path: Path) -> None:
    """spec -> `convert --to pytorch` -> read back: the same parameters, statistics, MACs and output."""
    _same(*_round_trip(path.read_text(), path.name))


@pytest.mark.parametrize("dims, lines", NETWORKS)
def test_every_keyword_round_trips_through_pytorch_code(dims: str, lines: str) -> None:
    original, back = _round_trip(f"input {dims}\n{lines}\n", "t.spec")
    # crops are written `x[:, :, 1:-1, 0:]` (cut from each edge) and read back as crops;
    # `bn counted` (Caffe's third statistic) has no PyTorch spelling: the statistics differ by one there
    _same(original, back, statistics="counted" not in lines)


def test_convert_from_pytorch_to_spec_analyses_to_the_same_numbers(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["convert", str(FIXTURES / "resnet_blocks.py"), "--input", "32x32x3"])
    assert result.exit_code == 0, result.output
    spec = analyze_text(result.stdout, "back.spec", rounding="floor")
    original = analyze(FIXTURES / "resnet_blocks.py", input="32x32x3")
    assert (spec.totals.params, spec.totals.macs, spec.output) == \
        (original.totals.params, original.totals.macs, original.output)
    result = runner.invoke(cli, ["convert", str(FIXTURES / "resnet_blocks.py")])
    assert result.exit_code == 1 and "--input" in result.output


def test_the_idioms_of_model_zoo_code() -> None:
    # factory_style.py: a stem conv 3->16 3x3 stride 2 (no bias) + bn: 3·9·16 + 2·16 = 464;
    # a unit 16 -> 8 -> 16 without a projection: 16·8 + 2·8 + 8·9·16 + 2·16 = 1,328; a 2x2 pool;
    # a unit 16 -> 16 -> 32 with a 1x1 projection: 16·16 + 2·16 + 16·9·32 + 2·32 + 16·32 + 2·32 = 5,536;
    # the head 32·10 + 10 = 330. On 31x31: (31 - 3 + 2)/2 + 1 = 16, the pool 8.
    report = analyze(FIXTURES / "factory_style.py", input="31x31x3")
    assert report.ok, report.messages()
    assert report.totals.params == 464 + 1_328 + 5_536 + 330
    assert report.output is not None and report.output.dims == (10,)
    assert [r.output.dims for r in report.rows if r.name in ("stem_0", "stages_1")] == [(16, 16, 16), (8, 8, 16)]


def test_forward_idioms_and_a_graph_that_is_not_series_parallel() -> None:
    # Dense(3, 4, 3): each conv reads every earlier output: (3·9 + 1)·4 + (7·9 + 1)·4 + (11·9 + 1)·4 = 768,
    # out 3 + 3·4 = 15 channels; Fire(15, 8, 16): (15 + 1)·8 + (8 + 1)·16 + (8·9 + 1)·16 = 1,440, out 32;
    # max pool 2, dropout, interpolate x2, the spatial mean, fc 32·10 + 10 = 330, log-softmax.
    report = analyze(FIXTURES / "forward_idioms.py", input="16x16x3")
    assert report.ok, report.messages()
    assert report.totals.params == 768 + 1_440 + 330
    assert [r.output.dims for r in report.rows if r.keyword in ("maxpool", "upsample", "globalavgpool")] == \
        [(8, 8, 32), (16, 16, 32), (1, 1, 32)]
    assert report.rows[-1].keyword == "logsoftmax" and report.output is not None and report.output.dims == (10,)


def test_spatial_slices_cut_from_the_edges_are_crops() -> None:
    forward = "import torch\nfrom torch import nn\nclass N(nn.Module):\n    def forward(self, x):\n        return {}\n"
    report = read_py(forward.format("x[:, :, 2:-2, 1:]"), input="10x9x3")
    assert report.ok, report.messages()
    assert report.output is not None and report.output.dims == (10 - 2 - 2, 9 - 1, 3)
    report = read_py(forward.format("x[:, :, 1:5, :]"), input="10x9x3")  # an end from the start needs H
    [e] = [d for d in report.diagnostics if d.code == "E070"]
    assert "input's size" in e.message


@pytest.mark.parametrize("index, region, dims", [("x[:, :, 2:10, 3:9]", "region 8x6 at 2x3", (10 - 2, 9 - 3, 3)),
                                                 ("x[:, :, :4, :5]", "region 4x5", (4, 5, 3)),
                                                 ("x[:, :, 1:3, 1:3]", "region 2 at 1", (2, 2, 3))])
def test_spatial_slices_of_numbers_are_regions(index: str, region: str, dims: tuple[int, ...]) -> None:
    # Both ends counted from the start, as numbers (it was E070): rows 2 to 9 and columns 3 to 8 of 12x10 (8x6), as
    # Python slices; a region past the map's edge, where PyTorch's slice would stop at the edge, is E036
    forward = "import torch\nfrom torch import nn\nclass N(nn.Module):\n    def forward(self, x):\n        return {}\n"
    report = read_py(forward.format(index), input="12x10x3")
    assert report.ok and [r.op for r in report.rows] == [region], report.messages()
    assert report.output is not None and report.output.dims == dims
    past = read_py(forward.format("x[:, :, 8:14, 0:4]"), input="12x10x3")
    assert [d.code for d in past.diagnostics if d.severity == "error"] == ["E036"]


def test_loops_with_break_and_continue_and_a_while() -> None:
    text = "\n".join([
        "from torch import nn", "layers = []", "c = 3", "while c < 64:",
        "    layers.append(nn.Conv2d(c, c * 2, 3, padding=1))", "    c *= 2", "    if c > 20:", "        break",
        "for k in range(5):", "    if k % 2:", "        continue", "    layers.append(nn.ReLU())",
        "model = nn.Sequential(*layers)", ""])
    report = read_py(text, input="8x8x3")
    assert report.ok, report.messages()
    # 3 -> 6 -> 12 -> 24 (then 24 > 20 breaks), and a ReLU for k = 0, 2, 4
    assert [r.keyword for r in report.rows] == ["conv", "conv", "conv", "relu", "relu", "relu"]
    assert report.output is not None and report.output.dims == (8, 8, 24)


def test_an_item_of_a_list_of_layers_replaced_before_the_sequential_is_built() -> None:
    # Xception's blocks build their list with an in-place ReLU first, then replace it: `rep[0] = nn.ReLU()`;
    # here the first convolution is replaced: conv 3 -> 4 3x3 (3·9 + 1)·4 = 112 (not the 3 -> 8 one, 224),
    # then conv 4 -> 5 1x1 (4 + 1)·5 = 25; `rep[-1]` replaces the last (a ReLU by a Tanh).
    text = "\n".join([
        "from torch import nn", "rep = [nn.Conv2d(3, 8, 3), nn.Conv2d(4, 5, 1), nn.ReLU()]",
        "rep[0] = nn.Conv2d(3, 4, 3)", "rep[-1] = nn.Tanh()", "model = nn.Sequential(*rep)", ""])
    report = read_py(text, input="10x10x3")
    assert report.ok, report.messages()
    assert [r.keyword for r in report.rows] == ["conv", "conv", "tanh"]
    assert report.totals.params == 112 + 25
    assert report.output is not None and report.output.dims == (10 - 3 + 1, 10 - 3 + 1, 5)
    if importlib.util.find_spec("torch") is not None:
        assert parameters_in_pytorch(text) == report.totals.params
    # past the end Python raises IndexError, and PyTorch never builds the model: E070 at the assignment
    past = text.replace("rep[-1] =", "rep[3] =")
    report = read_py(past, input="10x10x3")
    assert errors(report) == [("E070", *place_of(past, "rep[3]"))]
    assert "IndexError: `rep[3]` is past the end of a list of 3" in report.diagnostics[0].message
    named = text.replace("rep[-1] =", "rep['a'] =")
    report = read_py(named, input="10x10x3")
    assert [(d.code, *report.source.line_col(d.span.start), d.message) for d in report.diagnostics] == [
        ("E070", *place_of(named, "rep['a']"), "not supported: an index that is not a number: `rep['a']`")]


MIXED_KERNELS = "\n".join([
    "import torch", "from torch import nn", "def split_channels(channels, groups):",
    "    split = [channels // groups for _ in range(groups)]", "    split[0] += channels - sum(split)",
    "    return split", "class MixConv(nn.Module):", "    def __init__(self, channels, kernels):",
    "        super().__init__()", "        self.splits = split_channels(channels, len(kernels))",
    "        self.convs = nn.ModuleList([nn.Conv2d(c, c, k, 1, k // 2, groups=c, bias=False)",
    "                                    for c, k in zip(self.splits, kernels)])", "    def forward(self, x):",
    "        parts = torch.split(x, self.splits, dim=1)",
    "        return torch.cat([conv(p) for conv, p in zip(self.convs, parts)], dim=1)",
    "model = MixConv(10, [3, 5, 7])", ""])


def test_an_item_of_a_list_of_numbers_changed_in_place() -> None:
    # MixNet's channel split: [10 // 3] * 3 = [3, 3, 3], then `split[0] += 10 - 9`: [4, 3, 3]; a depthwise
    # convolution of each kernel on its part, without biases: 4·3·3 + 3·5·5 + 3·7·7 = 36 + 75 + 147 = 258
    report = read_py(MIXED_KERNELS, input="12x12x10")
    assert report.ok, report.messages()
    assert report.totals.params == 4 * 3 * 3 + 3 * 5 * 5 + 3 * 7 * 7
    assert report.output is not None and report.output.dims == (12, 12, 10)
    if importlib.util.find_spec("torch") is not None:
        assert parameters_in_pytorch(MIXED_KERNELS) == report.totals.params


def test_part_of_a_tensor_changed_in_place_is_refused_where_it_is_written() -> None:
    # ReXNet adds its input into the first channels of a wider output: `out[:, 0:C] += x`, which the spec's whole-
    # volume merges do not say
    text = module_file("self.conv = nn.Conv2d(4, 6, 1)", "out = self.conv(x)\nout[:, 0:4] += x\nreturn out")
    report = read_py(text, input="8x8x4")
    assert [(d.code, *report.source.line_col(d.span.start)) for d in report.diagnostics] == [
        ("E070", *place_of(text, "out[:, 0:4] +="))]
    assert "changing part of a tensor in place, `out[:, 0:4] += x`" in report.diagnostics[0].message


RES2NET_SPLIT = module_file(
    "self.conv1 = nn.Conv2d(3, 12, 1)\n"
    "self.convs = nn.ModuleList([nn.Conv2d(4, 4, 3, padding=1) for _ in range(2)])",
    "out = self.conv1(x)\n"
    "spx = torch.split(out, 4, 1)\n"
    "for i in range(2):\n"
    "    sp = spx[i] if i == 0 else sp + spx[i]\n"
    "    sp = self.convs[i](sp)\n"
    "    out = sp if i == 0 else torch.cat((out, sp), 1)\n"
    "return torch.cat((out, spx[2]), 1)")


def test_a_split_into_parts_of_a_given_size_is_read_part_by_part() -> None:
    # Res2Net's `torch.split(out, width, 1)`: 12 channels in parts of 4, each read by its index: channels 0-3, 4-7,
    # 8-11. conv 3 -> 12 1x1: (3 + 1)·12 = 48; two convs 4 -> 4 3x3: 2·(4·9 + 1)·4 = 296; out 4 + 4 + 4 = 12 channels
    report = read_py(RES2NET_SPLIT, input="6x6x3")
    assert report.ok, report.messages()
    assert report.totals.params == 48 + 296
    assert [r.op for r in report.rows if r.keyword == "part"] == ["part 1 size 4", "part 2 size 4", "part 3 size 4"]
    assert report.output is not None and report.output.dims == (6, 6, 12)
    if importlib.util.find_spec("torch") is not None:
        assert parameters_in_pytorch(RES2NET_SPLIT) == report.totals.params
        assert tuple(built_by_pytorch(RES2NET_SPLIT)(__import__("torch").zeros(1, 3, 6, 6)).shape) == (1, 12, 6, 6)
    # on 10 channels the last part is what is left, 8-9: the output 4 + 4 + 2 = 10 channels, as PyTorch's (it was
    # E036: a part of 8-11 past the last channel); on 8 there is no third part (E036, as PyTorch's IndexError)
    uneven = RES2NET_SPLIT.replace("nn.Conv2d(3, 12, 1)", "nn.Conv2d(3, 10, 1)")
    report = read_py(uneven, input="6x6x3")
    assert report.ok, report.messages()
    assert report.output is not None and report.output.dims == (6, 6, 4 + 4 + 2)
    assert report.totals.params == (3 + 1) * 10 + 296
    short = RES2NET_SPLIT.replace("nn.Conv2d(3, 12, 1)", "nn.Conv2d(3, 8, 1)")
    report = read_py(short, input="6x6x3")
    assert errors(report) == [("E036", *place_of(short, "torch.split"))]
    assert "starts at channel 8, but the input 6x6x8 has channels 0 to 7" in report.diagnostics[0].message
    if importlib.util.find_spec("torch") is not None:
        assert tuple(built_by_pytorch(uneven)(__import__("torch").zeros(1, 3, 6, 6)).shape) == (1, 10, 6, 6)
        with pytest.raises(IndexError):
            built_by_pytorch(short)(__import__("torch").zeros(1, 3, 6, 6))
    # the method form reads the same; a part past the channels is E036 at the split (PyTorch has no such part)
    method = RES2NET_SPLIT.replace("torch.split(out, 4, 1)", "out.split(4, dim=1)")
    assert read_py(method, input="6x6x3").totals.params == 48 + 296
    past = RES2NET_SPLIT.replace("spx[2]", "spx[3]")
    report = read_py(past, input="6x6x3")
    assert errors(report) == [("E036", *place_of(past, "torch.split"))]
    # how many parts there are depends on the channels: counting or listing them is E070
    for use, placed in (("return torch.cat(list(spx), 1)", "list(spx)"), ("return spx[-1]", "spx[-1]"),
                        ("a, *b = spx\n        return a", "a, *b")):
        text = RES2NET_SPLIT.replace("return torch.cat((out, spx[2]), 1)", use)
        report = read_py(text, input="6x6x3")
        assert errors(report) == [("E070", *place_of(text, placed))], use
    listed = RES2NET_SPLIT.replace("return torch.cat((out, spx[2]), 1)", "return torch.cat(list(spx), 1)")
    assert [d.message for d in read_py(listed, input="6x6x3").diagnostics if d.severity == "error"] == [
        "not supported: `list(...)` of the parts of a split into parts of 4 channels (how many there are depends on "
        "the channels; read each by its index, `parts[0]`)"]
    # a part past any channel count cnncalc takes (limits.MAX_CHANNELS, 2^24) is refused before its slice is made
    far = RES2NET_SPLIT.replace("spx[2]", "spx[10**12]")
    report = read_py(far, input="6x6x3")
    assert [(d.code, *report.source.line_col(d.span.start), d.message) for d in report.diagnostics
            if d.severity == "error"] == [("E070", *place_of(far, "spx[10**12]"),
                                           "not supported: `spx[10 ** 12]`: channels past 16,777,216")]


def test_an_index_with_a_leading_ellipsis_is_the_maps_four_axes() -> None:
    # YOLOv5's Focus: the four phases of every other row and column, `x[..., ::2, ::2]` as `x[:, :, ::2, ::2]`,
    # concatenated: 8x8x3 -> four 4x4x3 -> 4x4x12, then conv 12 -> 5 1x1: (12 + 1)·5 = 65
    text = module_file("self.conv = nn.Conv2d(12, 5, 1)",
                       "return self.conv(torch.cat((x[..., ::2, ::2], x[..., 1::2, ::2], x[..., ::2, 1::2], "
                       "x[..., 1::2, 1::2]), 1))")
    report = read_py(text, input="8x8x3")
    assert report.ok, report.messages()
    assert report.totals.params == 65
    assert report.output is not None and report.output.dims == (4, 4, 5)
    if importlib.util.find_spec("torch") is not None:
        torch = __import__("torch")
        assert tuple(built_by_pytorch(text)(torch.zeros(1, 3, 8, 8)).shape) == (1, 5, 4, 4)
    # the last axis is the width: `x[..., 1:3]` keeps columns 1 and 2 whatever the width (needs the input's size)
    report = read_py(module_file("", "return x[..., 1:3]"), input="8x8x3")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E070"]


PARTIAL_NORM = "\n".join([
    "import functools", "import torch.nn as nn", "class Down(nn.Module):",
    "    def __init__(self, cin, cout, norm_layer=nn.BatchNorm2d, k=3, extra=None):",
    "        super().__init__()",
    "        if type(norm_layer) == functools.partial:",
    "            use_bias = norm_layer.func == nn.InstanceNorm2d",
    "        else:",
    "            use_bias = norm_layer == nn.InstanceNorm2d",
    "        if type(k) == int:",
    "            k = (k, k)",
    "        more = extra is not None and extra.in_channels == cout",
    "        self.body = nn.Sequential(nn.Conv2d(cin, cout, k, stride=2, padding=1, bias=use_bias), norm_layer(cout))",
    "    def forward(self, x):", "        return self.body(x)",
    "model = Down(3, 8, functools.partial(nn.InstanceNorm2d, affine=False))", ""])


def test_a_type_compared_and_a_partials_function_read_as_python_reads_them() -> None:
    # the CycleGAN and pix2pix generators: a bias only before an instance norm, which `type(norm_layer) ==
    # functools.partial` and `norm_layer.func == nn.InstanceNorm2d` decide; `type(k) == int` makes a pair;
    # `extra is not None and extra.in_channels` stops at None, as Python does.
    # conv 3 -> 8 3x3 with a bias: (3·9 + 1)·8 = 224, the instance norm without affine 0; (9 - 3 + 2)/2 + 1 = 5
    report = read_py(PARTIAL_NORM, input="9x9x3")
    assert report.ok, report.messages()
    assert report.totals.params == 224
    assert report.output is not None and report.output.dims == (5, 5, 8)
    # with a batch norm as the class itself: no bias, 3·9·8 = 216, and the norm's 2·8
    batch = PARTIAL_NORM.replace("functools.partial(nn.InstanceNorm2d, affine=False)", "nn.BatchNorm2d")
    assert read_py(batch, input="9x9x3").totals.params == 216 + 16
    # through a partial of a batch norm: `.func` is BatchNorm2d, no bias either
    bound = PARTIAL_NORM.replace("nn.InstanceNorm2d, affine=False)", "nn.BatchNorm2d, eps=0.001)")
    assert read_py(bound, input="9x9x3").totals.params == 216 + 16
    if importlib.util.find_spec("torch") is not None:
        assert [parameters_in_pytorch(t) for t in (PARTIAL_NORM, batch, bound)] == [224, 232, 232]
    # the type of a tensor is no type cnncalc names
    typed = module_file("", "return x if type(x) == int else x")
    report = read_py(typed, input="9x9x3")
    assert [(d.code, *report.source.line_col(d.span.start), d.message) for d in report.diagnostics] == [
        ("E070", *place_of(typed, "type(x)"), "not supported: the type of a tensor")]


def test_a_file_that_decides_as_generators_detectors_and_res2net_do() -> None:
    # python_idioms.py on 16x16x3: Focus 4·3 = 12 channels at 8x8, conv 12 -> 16 1x1 with a bias (an instance
    # norm follows): (12 + 1)·16 = 208, its affine norm 2·16 = 32; Res2(16, 4): 16/4 - 1 = 3 convs 4 -> 4 3x3
    # without bias, 3·4·9·4 = 432; the head 16·10 + 10 = 170
    path = FIXTURES / "python_idioms.py"
    report = analyze(path, input="16x16x3")
    assert report.ok, report.messages()
    assert report.totals.params == 208 + 32 + 432 + 170
    assert next(r.output.dims for r in report.rows if r.keyword == "conv") == (8, 8, 16)
    assert report.output is not None and report.output.dims == (10,)
    if importlib.util.find_spec("torch") is not None:
        assert parameters_in_pytorch(path.read_text()) == report.totals.params


def test_a_layers_subclass_and_weights_set_through_their_data() -> None:
    # super_resolution.py on 6x6x3 (EDSR's way): two MeanShift(nn.Conv2d) 3 -> 3 1x1, (3 + 1)·3 = 12 each, frozen by
    # their own loop over `self.parameters()`; head conv 3 -> 8 3x3: (27 + 1)·8 = 224; two blocks of a conv without
    # bias 8·9·8 = 576 and one with 577 + 7 = 584 (8·9·8 + 8); the upsampler by 4 = 2·2: two convs 8 -> 32 3x3,
    # (72 + 1)·32 = 2,336 each, and shuffles by 2; the tail conv 8 -> 3: (72 + 1)·3 = 219
    path = FIXTURES / "super_resolution.py"
    report = analyze(path, input="6x6x3")
    assert report.ok, report.messages()
    assert report.totals.params == 2 * 12 + 224 + 2 * (576 + 584) + 2 * 2_336 + 219
    assert report.totals.frozen == 2 * 12
    assert report.output is not None and report.output.dims == (24, 24, 3)
    if importlib.util.find_spec("torch") is not None:
        model = built_by_pytorch(path.read_text())
        assert sum(p.numel() for p in model.parameters() if not p.requires_grad) == report.totals.frozen
    # `m.bias` is the tensor PyTorch makes, None without one (not the constructor's `bias=False`): read as True,
    # the bias line ran and failed
    text = module_file("self.c = nn.Conv2d(3, 4, 1, bias=False)\nself.none = self.c.bias is None\n"
                       "self.d = nn.Conv2d(4, 4, 1) if self.none else nn.Identity()", "return self.d(self.c(x))")
    assert read_py(text, input="5x5x3").totals.params == 12 + 20
    # a layer's subclass reads back what its `super().__init__` was given, as PyTorch keeps it
    text = "\n".join(["import torch.nn as nn", "class Wide(nn.Conv2d):", "    def __init__(self):",
                      "        super().__init__(3, 6, 3, padding=1)", "        self.half = self.out_channels // 2",
                      "model = nn.Sequential(Wide(), nn.Conv2d(6, 2, 1))", ""])
    report = read_py(text, input="5x5x3")
    assert report.ok, report.messages()
    assert report.totals.params == (27 + 1) * 6 + (6 + 1) * 2


def test_super_forward_runs_the_base_s_forward() -> None:
    # DeepLabV3+ repositories' ASPPPooling: an nn.Sequential subclass whose forward calls `super(...).forward(x)`
    # (its modules in order), then resamples to the input's size. On 8x8x4: pool to 1x1, conv 4 -> 2 1x1 without
    # bias (4·2 = 8), batch norm (2·2 learnt; its 2·2 running statistics are not parameters); resampled to 8x8x2
    text = "\n".join([
        "import torch.nn as nn", "import torch.nn.functional as F",
        "class Pooling(nn.Sequential):", "    def __init__(self, c, out):",
        "        super(Pooling, self).__init__(nn.AdaptiveAvgPool2d(1), nn.Conv2d(c, out, 1, bias=False),",
        "                                      nn.BatchNorm2d(out), nn.ReLU())",
        "    def forward(self, x):", "        size = x.shape[-2:]", "        x = super(Pooling, self).forward(x)",
        "        return F.interpolate(x, size=size, mode='bilinear', align_corners=False)",
        # a layer's subclass with a forward of its own: the convolution it is, 2 -> 3 3x3 padded 1: (18 + 1)·3 = 57
        "class Conv(nn.Conv2d):", "    def forward(self, x):", "        return F.relu(super().forward(x))",
        # a base of the file's: its forward, run on the child: conv 3 -> 2 1x1 ((3 + 1)·2 = 8), then Conv's 57
        "class Base(nn.Module):", "    def __init__(self, c):", "        super().__init__()",
        "        self.conv = nn.Conv2d(c, 2, 1)", "    def forward(self, x):", "        return self.conv(x)",
        "class Head(Base):", "    def __init__(self):", "        super().__init__(3)",
        "        self.extra = Conv(2, 3, 3, padding=1)",
        "    def forward(self, x):", "        return self.extra(super().forward(x))",
        "model = nn.Sequential(Pooling(4, 2), Conv(2, 3, 3, padding=1), Head())", ""])
    report = read_py(text, input="8x8x4")
    assert report.ok, report.messages()
    assert report.totals.params == 4 * 2 + 2 * 2 + (2 * 9 + 1) * 3 + (3 + 1) * 2 + (2 * 9 + 1) * 3
    assert report.totals.non_trainable == 2 * 2
    assert report.output is not None and report.output.dims == (8, 8, 3)
    assert [r.name for r in report.rows if r.op.startswith("conv")] == ["n0_1", "n1", "n2_conv", "n2_extra"]
    assert report.totals.params == parameters_in_pytorch(text)
    assert tuple(built_by_pytorch(text)(__import__("torch").zeros(1, 4, 8, 8)).shape) == (1, 3, 8, 8)
    # nn.Module has no forward of its own to call: said at the call, not a wrong network
    broken = module_file("self.c = nn.Conv2d(3, 4, 1)", "return super().forward(self.c(x))")
    report = read_py(broken, input="5x5x3")
    assert errors(report) == [("E070", *place_of(broken, "super().forward"))]
    assert "nn.Module's forward" in report.diagnostics[0].message


TIMM_SAME = """import math
import torch
import torch.nn as nn
import torch.nn.functional as F


def get_same_padding(x: int, kernel_size: int, stride: int, dilation: int):
    return max((math.ceil(x / stride) - 1) * stride + (kernel_size - 1) * dilation + 1 - x, 0)


def pad_same(x, kernel_size, stride, dilation=(1, 1), value: float = 0):
    ih, iw = x.size()[-2:]
    pad_h = get_same_padding(ih, kernel_size[0], stride[0], dilation[0])
    pad_w = get_same_padding(iw, kernel_size[1], stride[1], dilation[1])
    x = F.pad(x, (pad_w // 2, pad_w - pad_w // 2, pad_h // 2, pad_h - pad_h // 2), value=value)
    return x


def conv2d_same(x, weight, bias=None, stride=(1, 1), padding=(0, 0), dilation=(1, 1), groups=1):
    x = pad_same(x, weight.shape[-2:], stride, dilation)
    return F.conv2d(x, weight, bias, stride, (0, 0), dilation, groups)


class Conv2dSame(nn.Conv2d):
    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True):
        super().__init__(in_channels, out_channels, kernel_size, stride, 0, dilation, groups, bias)

    def forward(self, x):
        return conv2d_same(x, self.weight, self.bias, self.stride, self.padding, self.dilation, self.groups)


class MaxPool2dSame(nn.MaxPool2d):
    def __init__(self, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
        super().__init__(kernel_size, stride, (0, 0), dilation, ceil_mode)

    def forward(self, x):
        x = pad_same(x, (self.kernel_size,) * 2, (self.stride,) * 2, value=-float('inf'))
        return F.max_pool2d(x, self.kernel_size, self.stride, (0, 0), self.dilation, self.ceil_mode)


class Conv2dDynamicSamePadding(nn.Conv2d):  # EfficientNet-PyTorch's
    def __init__(self, in_channels, out_channels, kernel_size, stride=1, dilation=1, groups=1, bias=True):
        super().__init__(in_channels, out_channels, kernel_size, stride, 0, dilation, groups, bias)
        self.stride = self.stride if len(self.stride) == 2 else [self.stride[0]] * 2

    def forward(self, x):
        ih, iw = x.size()[-2:]
        kh, kw = self.weight.size()[-2:]
        sh, sw = self.stride
        oh, ow = math.ceil(ih / sh), math.ceil(iw / sw)
        pad_h = max((oh - 1) * self.stride[0] + (kh - 1) * self.dilation[0] + 1 - ih, 0)
        pad_w = max((ow - 1) * self.stride[1] + (kw - 1) * self.dilation[1] + 1 - iw, 0)
        if pad_h > 0 or pad_w > 0:
            x = F.pad(x, [pad_w // 2, pad_w - pad_w // 2, pad_h // 2, pad_h - pad_h // 2])
        return F.conv2d(x, self.weight, self.bias, self.stride, self.padding, self.dilation, self.groups)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = Conv2dSame(3, 16, 3, stride=2, bias=False)
        self.pool = MaxPool2dSame(3, 2)
        self.dw = Conv2dDynamicSamePadding(16, 16, 5, stride=2, groups=16)
        self.dil = Conv2dSame(16, 8, 3, stride=1, dilation=2)
        self.even = Conv2dDynamicSamePadding(8, 8, 4, stride=3)

    def forward(self, x):
        return self.even(self.dil(self.dw(self.pool(self.stem(x)))))


model = Net()
"""


def test_tensorflows_same_padding_written_out_is_pad_same() -> None:
    # timm's Conv2dSame and MaxPool2dSame and EfficientNet-PyTorch's Conv2dDynamicSamePadding pad by
    # max((⌈N/S⌉ - 1)·S + K_eff - N, 0), the odd pixel at the bottom and right, then convolve or pool without padding
    # (was E070, `math.ceil(...)` of a size). On 225: ⌈225/2⌉ = 113, ⌈113/2⌉ = 57, ⌈57/2⌉ = 29, 29 at stride 1
    # (dilation 2), ⌈29/3⌉ = 10; parameters 3·3·3·16 + (5·5 + 1)·16 + (3·3·16 + 1)·8 + (4·4·8 + 1)·8 = 3,040.
    report = read_py(TIMM_SAME, input="225x225x3")
    assert report.ok, report.messages()
    assert [r.op.split(" inputs")[0] for r in report.rows if r.keyword in ("conv", "maxpool")] == [
        "conv 16 3x3 stride 2 pad same nobias", "maxpool 3x3 stride 2 pad same",
        "conv 16 5x5 stride 2 pad same groups 16", "conv 8 3x3 pad same dilation 2", "conv 8 4x4 stride 3 pad same"]
    assert [str(r.output) for r in report.rows if r.keyword in ("conv", "maxpool")] == [
        "113x113x16", "57x57x16", "29x29x16", "29x29x8", "10x10x8"]
    assert report.totals.params == 3 * 3 * 3 * 16 + (5 * 5 + 1) * 16 + (3 * 3 * 16 + 1) * 8 + (4 * 4 * 8 + 1) * 8
    # a padding for another window (at the F.conv2d that reads it), a max pool after zeros (values of their own),
    # another reader of the padded map, the pads in another order: not followed, each at its place, said
    for old, new, place, words in (
            ("x = pad_same(x, weight.shape[-2:], stride, dilation)", "x = pad_same(x, (1, 1), stride, dilation)",
             "F.conv2d(x, weight", "nn.Conv2d with a window of 3 at stride 2 and padding 0 of a map padded with 0.0 "
                                   "by TensorFlow's SAME padding for 1 at stride 2"),
            ("value=-float('inf')", "value=0", "F.max_pool2d(",
             "nn.MaxPool2d with a window of 3 at stride 2 and padding (0, 0) of a map padded with 0.0"),
            ("return F.max_pool2d(x, self.kernel_size, self.stride, (0, 0), self.dilation, self.ceil_mode)",
             "return F.relu(x)", "F.relu(x)", "nn.ReLU of a map padded by TensorFlow's SAME padding"),
            ("(pad_w // 2, pad_w - pad_w // 2, pad_h // 2, pad_h - pad_h // 2)",
             "(pad_h // 2, pad_h - pad_h // 2, pad_w // 2, pad_w - pad_w // 2)", "F.pad(x, (pad_h",
             "F.pad by TensorFlow's SAME padding other than of the padded map's own width and height")):
        other = TIMM_SAME.replace(old, new)
        assert other != TIMM_SAME
        report = read_py(other, input="64x64x3")
        assert errors(report) == [("E070", *place_of(other, place))], (new, report.messages())
        assert words in report.diagnostics[0].message, report.diagnostics[0].message
    if importlib.util.find_spec("torch") is None:
        return
    from torch.utils.flop_counter import FlopCounterMode
    torch = __import__("torch")
    model = built_by_pytorch(TIMM_SAME)
    for size in (225, 224, 97, 33, 8):
        report = read_py(TIMM_SAME, input=f"{size}x{size}x3")
        with torch.no_grad(), FlopCounterMode(display=False) as counter:
            y = model(torch.zeros(1, 3, size, size))
        assert report.output is not None
        h, w, c = report.output.dims
        assert ((c, h, w), report.totals.params, report.totals.macs) == (
            tuple(y.shape[1:]), sum(p.numel() for p in model.parameters()), counter.get_total_flops() // 2), size


def test_a_chunk_of_channels_that_do_not_divide_is_cut_as_pytorch_cuts_it() -> None:
    # x.chunk(2, 1) of 7 channels: ⌈7/2⌉ = 4 and the 3 left (was E033, "7 channels do not form 2 equal parts"); the
    # conv of the second part has 3 input channels: (3·9 + 1)·3 = 84 parameters, beside conv1's (3 + 1)·7 = 28
    init = "self.conv1 = nn.Conv2d(3, 7, 1)\nself.conv2 = nn.Conv2d(3, 3, 3, padding=1)"
    text = module_file(init, "out = self.conv1(x)\na, b = out.chunk(2, dim=1)\nreturn torch.cat([a, self.conv2(b)], 1)")
    report = read_py(text, input="6x6x3")
    assert report.ok, report.messages()
    assert sorted(r.op for r in report.rows if r.keyword == "part") == ["part 1 chunks 2", "part 2 chunks 2"]
    assert report.totals.params == (3 + 1) * 7 + (3 * 9 + 1) * 3
    assert report.output is not None and report.output.dims == (6, 6, 4 + 3)
    torch_present = importlib.util.find_spec("torch") is not None
    if torch_present:
        assert parameters_in_pytorch(text) == report.totals.params
        assert tuple(built_by_pytorch(text)(__import__("torch").zeros(1, 3, 6, 6)).shape) == (1, 7, 6, 6)
    # x.chunk(3, 1) of 4 channels: parts of ⌈4/3⌉ = 2, only two of them: read by index, the second is channels 2-3;
    # unpacked into three names PyTorch refuses ("not enough values to unpack"): E036 at the chunk, for the third
    indexed = module_file("self.conv1 = nn.Conv2d(3, 4, 1)", "return self.conv1(x).chunk(3, 1)[1]")
    report = read_py(indexed, input="6x6x3")
    assert report.ok and report.output is not None and report.output.dims == (6, 6, 2), report.messages()
    unpacked = module_file("self.conv1 = nn.Conv2d(3, 4, 1)",
                           "a, b, c = self.conv1(x).chunk(3, 1)\nreturn torch.cat([a, b, c], 1)")
    report = read_py(unpacked, input="6x6x3")
    assert errors(report) == [("E036", *place_of(unpacked, "self.conv1(x).chunk"))], report.messages()
    assert "4 channels in 3 chunks of 2 (⌈4/3⌉) make 2 parts" in report.diagnostics[0].message
    if torch_present:
        assert tuple(built_by_pytorch(indexed)(__import__("torch").zeros(1, 3, 6, 6)).shape) == (1, 2, 6, 6)
        with pytest.raises(ValueError):
            built_by_pytorch(unpacked)(__import__("torch").zeros(1, 3, 6, 6))


def test_a_split_unpacked_into_names_and_listed_sizes_hold_only_on_their_channels() -> None:
    # `a, b, c = torch.split(out, 4, 1)`: as many parts of 4 as names, the last what is left: conv1's 12 channels
    # give parts 0-3, 4-7, 8-11; the sum of the three 4 + 4 + 4 (`add`) is 6x6x4. On 16 channels PyTorch makes four
    # parts, which three names refuse ("too many values to unpack"): E033 at the split (the first part's `of 3`), not
    # a count on a network PyTorch cannot run; on 10, parts of 4, 4 and 2, which the add refuses (E051 at the sum)
    init = "self.conv1 = nn.Conv2d(3, 12, 1)\nself.conv2 = nn.Conv2d(4, 4, 3, padding=1)"
    text = module_file(init, "out = self.conv1(x)\na, b, c = torch.split(out, 4, 1)\nreturn self.conv2(a + b + c)")
    report = read_py(text, input="6x6x3")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows if r.keyword == "part"] == ["part 1 of 3 size 4", "part 2 size 4",
                                                                   "part 3 size 4"]
    assert report.totals.params == (3 + 1) * 12 + (4 * 9 + 1) * 4
    assert report.output is not None and report.output.dims == (6, 6, 4)
    torch_present = importlib.util.find_spec("torch") is not None
    if torch_present:
        assert parameters_in_pytorch(text) == report.totals.params
    for channels, code, place, words in (
            (16, "E033", "torch.split", "16 channels in parts of 4 make 4 parts (16/4 = 4, rounded up), not 3"),
            (10, "E051", "a + b + c", "branch 1 gives 6x6x4 but branch 2 gives 6x6x2")):
        other = text.replace("nn.Conv2d(3, 12, 1)", f"nn.Conv2d(3, {channels}, 1)")
        report = read_py(other, input="6x6x3")
        assert errors(report) == [(code, *place_of(other, place))], channels
        assert words in report.diagnostics[0].message
        if torch_present:
            with pytest.raises((ValueError, RuntimeError)):
                built_by_pytorch(other)(__import__("torch").zeros(1, 3, 6, 6))
    # a smaller last part: `a, b = torch.split(out, 8, 1)` of 12 channels is 8 and 12 - 8 = 4 (it was E017, read as
    # `inputs 16`); conv 8 -> 4 3x3: (8·9 + 1)·4 = 292; out 4 + 4 = 8 channels
    uneven = module_file(init.replace("nn.Conv2d(4, 4, 3, padding=1)", "nn.Conv2d(8, 4, 3, padding=1)"),
                         "out = self.conv1(x)\na, b = torch.split(out, 8, 1)\nreturn torch.cat((self.conv2(a), b), 1)")
    report = read_py(uneven, input="6x6x3")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows if r.keyword == "part"] == ["part 1 of 2 size 8", "part 2 size 8"]
    assert report.totals.params == (3 + 1) * 12 + (8 * 9 + 1) * 4
    assert report.output is not None and report.output.dims == (6, 6, 4 + 4)
    if torch_present:
        assert parameters_in_pytorch(uneven) == report.totals.params
        assert tuple(built_by_pytorch(uneven)(__import__("torch").zeros(1, 3, 6, 6)).shape) == (1, 8, 6, 6)
    # listed sizes: PyTorch refuses sizes that do not add up to the channels (4 + 4 of 12), which was read as two
    # slices of the first 8 channels
    listed = module_file(init, "out = self.conv1(x)\na, b = torch.split(out, [4, 4], 1)\nreturn self.conv2(a + b)")
    report = read_py(listed, input="6x6x3")
    assert errors(report) == [("E017", *place_of(listed, "torch.split"))]
    assert "written for 8 input channels but receives 12" in report.diagnostics[0].message
    if torch_present:
        with pytest.raises(RuntimeError, match="split_sizes to sum exactly to 12"):
            built_by_pytorch(listed)(__import__("torch").zeros(1, 3, 6, 6))
    fitting = listed.replace("[4, 4]", "[4, 8]").replace("self.conv2(a + b)", "torch.cat((self.conv2(a), b), 1)")
    report = read_py(fitting, input="6x6x3")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows if r.keyword == "slice"] == ["slice 0:4 inputs 12", "slice 4:12"]
    assert report.output is not None and report.output.dims == (6, 6, 4 + 8)


def test_a_method_as_a_value_and_a_forward_assigned_in_init() -> None:
    # FasterNet's partial convolution: `self.forward = self.forward_split_cat` in __init__, the channels split 2 + 6,
    # the first 2 convolved 3x3 padded 1 without bias (2·9·2 = 36), joined back: 8 channels; a method held in a
    # variable and called (`f = self.features; f(x)`): conv 8 -> 4 1x1 ((8 + 1)·4 = 36), a global mean, fc 4 -> 2
    # ((4 + 1)·2 = 10). 82 parameters, PyTorch's count; it was E070 (`self.forward_split_cat` never assigned)
    text = "\n".join([
        "import torch", "import torch.nn as nn",
        "class Partial(nn.Module):", "    def __init__(self, dim, n_div):", "        super().__init__()",
        "        self.dim_conv3 = dim // n_div", "        self.dim_untouched = dim - self.dim_conv3",
        "        self.partial_conv3 = nn.Conv2d(self.dim_conv3, self.dim_conv3, 3, 1, 1, bias=False)",
        "        self.forward = self.forward_split_cat",
        "    def forward_split_cat(self, x):",
        "        x1, x2 = torch.split(x, [self.dim_conv3, self.dim_untouched], dim=1)",
        "        return torch.cat((self.partial_conv3(x1), x2), 1)",
        "class Net(nn.Module):", "    def __init__(self):", "        super().__init__()",
        "        self.mix = Partial(8, 4)", "        self.conv = nn.Conv2d(8, 4, 1)",
        "        self.fc = nn.Linear(4, 2)",
        "    def features(self, x):", "        return self.conv(self.mix(x)).mean((2, 3))",
        "    def forward(self, x):", "        f = self.features", "        return self.fc(f(x))",
        "model = Net()", ""])
    report = read_py(text, input="6x6x8")
    assert report.ok, report.messages()
    assert report.totals.params == 2 * 9 * 2 + (8 + 1) * 4 + (4 + 1) * 2 == parameters_in_pytorch(text)
    assert report.output is not None and report.output.dims == (2,)
    assert [r.name for r in report.rows if r.op.startswith("conv")] == ["mix_partial_conv3", "conv"]


def test_constants_unpacked_at_top_level_and_a_forward_that_asks_for_the_gpu() -> None:
    # the DCGAN example: `nz, ngf, nc = ...` at top level, and `if input.is_cuda and self.ngpu > 1:` in the forward
    # (False: the layers run on the CPU, the same as on several GPUs). deconv 10 -> 8 4x4 stride 1 without bias on
    # 1x1: 10·16·8 = 1,280, out 4x4; deconv 8 -> 3 4x4 stride 2 pad 1: 8·16·3 = 384, out (4 - 1)·2 - 2 + 4 = 8
    text = "\n".join([
        "import torch.nn as nn", "nz, (ngf, nc) = 10, [8, 3]", "class G(nn.Module):",
        "    def __init__(self, ngpu=1):", "        super().__init__()", "        self.ngpu = ngpu",
        "        self.main = nn.Sequential(nn.ConvTranspose2d(nz, ngf, 4, 1, 0, bias=False), nn.ReLU(True),",
        "                                  nn.ConvTranspose2d(ngf, nc, 4, 2, 1, bias=False), nn.Tanh())",
        "    def forward(self, input):", "        if input.is_cuda and self.ngpu > 1:",
        "            return nn.parallel.data_parallel(self.main, input, range(self.ngpu))",
        "        return self.main(input)", "model = G(2)", ""])
    report = read_py(text, input="1x1x10")
    assert report.ok, report.messages()
    assert report.totals.params == 1_280 + 384
    assert report.output is not None and report.output.dims == (8, 8, 3)
    if importlib.util.find_spec("torch") is not None:
        assert parameters_in_pytorch(text) == report.totals.params


ATTENTION_GATE = "\n".join([
    "import torch", "import torch.nn as nn", "class Gate(nn.Module):", "    def __init__(self, c):",
    "        super().__init__()", "        self.w_g = nn.Conv2d(c, 2, 1)", "        self.w_x = nn.Conv2d(c, 2, 1)",
    "        self.psi = nn.Sequential(nn.Conv2d(2, 1, 1), nn.Sigmoid())",
    "    def forward(self, g, x):", "        return x * self.psi(torch.relu(self.w_g(g) + self.w_x(x)))",
    "class Net(nn.Module):", "    def __init__(self):", "        super().__init__()",
    "        self.a = nn.Conv2d(3, 4, 3, padding=1)", "        self.b = nn.Conv2d(4, 4, 3, padding=1)",
    "        self.att = Gate(4)",
    "    def forward(self, x):", "        x1 = self.a(input=x)", "        d = self.b(x1)",
    "        x1 = self.att(g=d, x=x1)", "        return torch.cat((x1, d), dim=1)", "model = Net()", ""])


def test_modules_called_with_keywords_only() -> None:
    # Attention U-Net's `self.Att5(g=d5, x=x4)` (it read the module itself as the gate's output, then failed at the
    # concatenation) and a layer's `input=`: conv 3 -> 4 3x3 (27 + 1)·4 = 112, conv 4 -> 4 (36 + 1)·4 = 148, the
    # gate's two convs 4 -> 2 1x1 (4 + 1)·2 = 10 each and 2 -> 1 (2 + 1) = 3; out 4 + 4 = 8 channels
    report = read_py(ATTENTION_GATE, input="6x6x3")
    assert report.ok, report.messages()
    assert report.totals.params == 112 + 148 + 10 + 10 + 3
    assert report.output is not None and report.output.dims == (6, 6, 8)
    if importlib.util.find_spec("torch") is not None:
        assert parameters_in_pytorch(ATTENTION_GATE) == report.totals.params
    # the forward's first input missing: PyTorch refuses the call; E070 at it
    text = ATTENTION_GATE.replace("self.att(g=d, x=x1)", "self.att(g=d, y=x1)")
    assert errors(read_py(text, input="6x6x3")) == [("E070", *place_of(text, "self.att(g=d, y=x1)"))]


def test_the_spatial_max_and_reductions_over_negative_dimensions() -> None:
    # conv 3 -> 8 3x3: 27·8 + 8 = 224; an SE gate from `x.mean((2, 3), keepdim=True)`: 8·2 + 2 = 18, 2·8 + 8 = 24;
    # the map beside its 3x3 average (dim=-3: the channels), 16; max pool 2 ceil: ceil((17 - 2)/2) + 1 = 9, x2: 18;
    # conv 16 -> 16 3x3: 144·16 + 16 = 2,320; `torch.amax(x, dim=(2, 3))` and `x.mean(dim=[-1, -2])`, 16 + 16, fc
    # 32·5 + 5 = 165
    text = module_file(
        "self.stem = nn.Conv2d(3, 8, 3, padding=1)\nself.fc1 = nn.Conv2d(8, 2, 1)\nself.fc2 = nn.Conv2d(2, 8, 1)\n"
        "self.conv = nn.Conv2d(16, 16, 3, padding=1)\nself.fc = nn.Linear(32, 5)",
        "x = self.stem(x)\ns = F.silu(self.fc1(x.mean((2, 3), keepdim=True)))\nx = x * torch.sigmoid(self.fc2(s))\n"
        "x = torch.cat([x, F.avg_pool2d(x, 3, 1, 1)], dim=-3)\nx = F.max_pool2d(x, 2, 2, ceil_mode=True)\n"
        "x = self.conv(F.interpolate(x, scale_factor=2, mode='bilinear', align_corners=True))\n"
        "return self.fc(torch.cat([torch.amax(x, dim=(2, 3)), x.mean(dim=[-1, -2])], dim=1))")
    report = read_py(text, input="17x17x3")
    assert report.ok, report.messages()
    assert report.totals.params == 224 + 18 + 24 + 2_320 + 165
    assert [r.output.dims for r in report.rows if r.keyword == "globalmaxpool"] == [(1, 1, 16)]
    if importlib.util.find_spec("torch") is not None:
        assert parameters_in_pytorch(text) == report.totals.params
    # kept, the spatial max is a 1x1 map; over the height alone it is not followed
    kept = module_file("", "return x.amax((-2, -1), keepdim=True)")
    assert read_py(kept, input="5x4x3").output.dims == (1, 1, 3)
    height = module_file("", "return x.amax(2)")
    report = read_py(height, input="5x4x3")
    assert [(d.code, *report.source.line_col(d.span.start), d.message) for d in report.diagnostics] == [
        ("E070", *place_of(height, "x.amax(2)"), "not supported: `.amax` other than over the channels (dim=1), or "
                                                 "for `amax` over the height and width (dim=(2, 3))")]


def test_the_model_built_at_top_level_is_the_last_that_is_no_part_of_another() -> None:
    # `head = model.fc` bound after the model is a part of it: the model is still the whole network (it read the
    # Linear alone: a 224x224x3 input flattened into it). conv 3 -> 4 3x3 (27 + 1)·4 = 112, fc 4·2 + 2 = 10
    text = "\n".join(["import torch.nn as nn", "model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.AdaptiveAvgPool2d(1),",
                      "                      nn.Flatten(), nn.Linear(4, 2))", "model = model.to('cpu')",
                      "head = model[3]", "print(head)", ""])
    report = read_py(text, input="9x9x3")
    assert report.ok and [d.code for d in report.diagnostics if d.severity != "note"] == []
    assert report.totals.params == 112 + 10
    assert report.output is not None and report.output.dims == (2,)
    # two models held at top level: the last is read, W077 names the other at the last one's name
    two = text.replace("head = model[3]", "small = nn.Sequential(nn.Conv2d(3, 1, 1))")
    report = read_py(two, input="9x9x3")
    assert [(d.code, d.line, d.column, d.message, d.hint) for d in report.diagnostics] == [
        ("W077", 5, 1, "the file builds 2 models at top level; cnncalc reads `small`, the last, not `model`",
         "`--model model` reads another")]
    assert report.totals.params == 4
    assert read_py(two, input="9x9x3", model="model").totals.params == 112 + 10
    # a name bound again to another model holds one model only: no warning
    again = text.replace("head = model[3]", "model = nn.Sequential(nn.Conv2d(3, 1, 1))")
    assert [d.code for d in read_py(again, input="9x9x3").diagnostics if d.severity != "note"] == []


def test_a_spectrally_normalised_layer_is_the_layer() -> None:
    # SNGAN's discriminators: `spectral_norm` rescales the weight (`weight_orig` in its place, `u` and `v` buffers):
    # conv 3 -> 8 4x4 stride 2 pad 1 (48 + 1)·8 = 392 on 16x16 -> 8x8; 8 -> 16 (128 + 1)·16 = 2,064 -> 4x4;
    # 16 -> 1 4x4 (256 + 1) = 257 -> 1x1; fc 1 -> 1: 2
    text = "\n".join([
        "import torch", "import torch.nn as nn", "from torch.nn.utils import spectral_norm as SN",
        "from torch.nn.utils.parametrizations import spectral_norm", "model = nn.Sequential(",
        "    SN(nn.Conv2d(3, 8, 4, 2, 1)), nn.LeakyReLU(0.1), spectral_norm(nn.Conv2d(8, 16, 4, 2, 1)),",
        "    nn.utils.spectral_norm(nn.Conv2d(16, 1, 4, 1, 0)), nn.Flatten(),",
        "    torch.nn.utils.spectral_norm(nn.Linear(1, 1), n_power_iterations=2))", ""])
    report = read_py(text, input="16x16x3")
    assert report.ok, report.messages()
    assert report.totals.params == 392 + 2_064 + 257 + 2
    assert report.output is not None and report.output.dims == (1,)
    if importlib.util.find_spec("torch") is not None:
        assert parameters_in_pytorch(text) == report.totals.params
    # a weight normalised by another name, or a norm of a layer without weights, is not followed
    other = text.replace("n_power_iterations=2", "name='bias'")
    report = read_py(other, input="16x16x3")
    assert [(d.code, *report.source.line_col(d.span.start), d.message) for d in report.diagnostics] == [
        ("E070", *place_of(other, "torch.nn.utils.spectral_norm(nn.Linear"),
         "not supported: the call `torch.nn.utils.spectral_norm(...)`")]


@pytest.mark.parametrize("flattened", ["x.view(len(x), -1)", "x.reshape(x.shape[0], -1)", "x.view(x.size()[0], -1)",
                                       "x.flatten(start_dim=1)", "torch.flatten(x, start_dim=1)"])
def test_the_ways_of_flattening_each_image(flattened: str) -> None:
    # conv 3 -> 8 3x3 on 5x5: 3x3x8 = 72 values each image (`len(x)` is the batch, as `x.size(0)`), fc 72 -> 5:
    # (27 + 1)·8 + 72·5 + 5 = 589
    text = module_file("self.c = nn.Conv2d(3, 8, 3)\nself.fc = nn.Linear(72, 5)",
                       f"x = F.relu(self.c(x), inplace=True)\nx = {flattened}\nreturn self.fc(x)")
    report = read_py(text, input="5x5x3")
    assert report.ok, report.messages()
    assert report.totals.params == 224 + 365 and report.output is not None and report.output.dims == (5,)


def test_a_factory_call_that_fails_says_why_at_the_call() -> None:
    text = (FIXTURES / "factory_style.py").read_text().replace("small_net(classes=10)", "small_net(depth=3)")
    report = read_py(text, input="31x31x3")
    [e] = [d for d in report.diagnostics if d.code == "E070"]
    assert "depth" in e.message  # not a complaint about the class's parameters from a fallback


def test_a_convolution_that_pads_by_reflection_is_the_padding_then_the_convolution() -> None:
    # padding_mode='reflect' / 'replicate' was E070 and the whole network unread. On 20x24x3: head reflects 2
    # (24x28x3), then conv 12 5x5 gives 20x24x12, (5·5·3 + 1)·12 = 912 params; body replicates dilation·(3 - 1)/2
    # = 2 each side, (3·3·12)·12 = 1,296 without bias; down reflects 1 and 2 (22x28), then (22 - 3)/2 + 1 = 10 and
    # (28 - 5)/2 + 1 = 12 (floored, as PyTorch does): 10x12x24, (3·5·12 + 1)·24 = 4,344
    report = analyze(FIXTURES / "padding_modes.py", input="20x24x3")
    rows = {r.name: (r.op, str(r.output), r.weights + r.biases) for r in report.rows}
    assert rows["head_pad"] == ("reflectpad 2", "24x28x3", 0) and rows["head"][1:] == ("20x24x12", 912)
    assert rows["body_pad"] == ("replicatepad 2", "24x28x12", 0) and rows["body"][1:] == ("20x24x12", 1296)
    assert rows["down_pad"][1] == "22x28x12" and rows["down"][1:] == ("10x12x24", 4344)
    # the up-sampling (2·2·24·12 + 12 = 1,164) and the tail ((3·3·12 + 1)·3 = 327) pad with zeros, as before
    assert report.totals.params == 912 + 1296 + 4344 + 1164 + 327
    # circular padding wraps the map around (a `circularpad` row), then convolves: 8 + 2 - 3 + 1 = 8. A transposed
    # convolution pads with zeros only (PyTorch refuses another mode): E070, saying what is read
    circular = analyze_text("import torch.nn as nn\nmodel = nn.Conv2d(3, 8, 3, padding=1, padding_mode='circular')\n",
                            "c.py", input="8x8x3")
    assert [(r.op, str(r.output)) for r in circular.rows] == [("circularpad 1", "10x10x3"),
                                                             ("conv 8 3x3 inputs 3", "8x8x8")]
    refused = analyze_text("import torch.nn as nn\nmodel = nn.ConvTranspose2d(3, 8, 3, padding_mode='reflect')\n",
                           "c.py", input="8x8x3")
    assert [(d.code, d.message) for d in refused.diagnostics] == [
        ("E070", "not supported: padding_mode='reflect' (cnncalc pads with zeros, or for nn.Conv2d reflects, "
                 "replicates or wraps around)")]


BUILT_IN_MAIN = {"split_shuffle.py": "small()",  # what the file's `if __name__ == "__main__":` block builds
                 "built_in_a_function.py": "Plain('tiny')"}  # and what its `test()` builds


def test_a_model_that_only_a_test_function_builds_is_read_as_it_builds_it() -> None:
    # `def test(): net = Plain("tiny")` and no `model = …`: it was E070 ("class Plain needs `name`"). On 8x8x3:
    # conv 3 -> 8 (3·3·3·8 + 8 = 224), batch norm 2·8 = 16, pool, conv 8 -> 16 (3·3·8·16 + 16 = 1,168), batch
    # norm 32, pool to 2x2, Linear(16·4, 10) = 650: 2,090 trainable, and 2·8 + 2·16 = 48 running statistics
    report = analyze(FIXTURES / "built_in_a_function.py", input="8x8x3")
    assert [(d.code, d.message) for d in report.diagnostics if d.code == "N072"] == [
        ("N072", "the file builds no model itself: read as `model = Plain('tiny')`, as its own code builds one")]
    assert report.ok and report.totals.params == 2090 and report.totals.non_trainable == 48
    assert report.output is not None and report.output.dims == (10,)
    # a call that reads the function's own variables is not guessed: E070, naming the call
    local = (FIXTURES / "built_in_a_function.py").read_text().replace('net = Plain("tiny")',
                                                                'name = "tiny"\n    net = Plain(name)')
    report = analyze_text(local, "local.py", input="8x8x3")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E070"]
    assert "model = Plain(name)" in report.diagnostics[0].message


def test_lazy_modules_take_their_input_size_from_the_input() -> None:
    # nn.LazyConv2d and friends (the Dive into Deep Learning book's style) were E070. On 28x28x1: conv 6 5x5
    # pad 2, 6·(5·5·1) + 6 = 156; avgpool to 14x14x6; a residual block, conv 8 3x3 stride 2 pad 1 on six
    # channels, (14 - 3 + 2)/2 + 1 = 7 (floored): 8·(3·3·6) + 8 = 440, two batch norms 2·8 each, conv 8 3x3,
    # 8·72 + 8 = 584, the 1x1 shortcut 8·6 + 8 = 56: 1,112; a second block 2·584 + 2·16 = 1,200
    report = analyze(FIXTURES / "lazy_modules.py", input="28x28x1")
    rows = {r.name: (r.op, str(r.output), r.weights + r.biases) for r in report.rows if r.kind == "layer"}
    assert rows["features_0"] == ("conv 6 5x5 pad 2", "28x28x6", 156)
    assert rows["features_3_conv1"][1:] == ("7x7x8", 440) and rows["features_3_conv3"][1:] == ("7x7x8", 56)
    assert rows["features_3_bn1"][2] == 16 and rows["features_4_conv2"][1:] == ("7x7x8", 584)
    # UpsamplingNearest2d(scale_factor=2) is Upsample's nearest, UpsamplingBilinear2d(size=(30, 30)) its bilinear
    # with align_corners=True (PyTorch's definition); the lazy instance norm 2·8; deconv 4 2x2 stride 2,
    # (14 - 1)·2 + 2 = 28, 8·2·2·4 + 4 = 132; Flatten 30·30·4 = 3,600 features, LazyLinear(32) 3,600·32 + 32
    # = 115,232 and LazyLinear(10) 32·10 + 10 = 330
    assert rows["decoder_0"] == ("upsample 2", "14x14x8", 0)
    assert rows["decoder_3"] == ("resize 30 aligned", "30x30x4", 0)
    assert rows["decoder_1"][2] == 16 and rows["decoder_2"][1:] == ("28x28x4", 132)
    assert rows["head_1"][1:] == ("32", 115_232) and rows["head_3"][1:] == ("10", 330)
    assert report.totals.params == 156 + 1_112 + 1_200 + 16 + 132 + 115_232 + 330  # 118,178
    assert report.totals.non_trainable == 4 * 2 * 8  # each batch norm's running mean and variance
    # a lazy module is still told its other arguments: a count it cannot take is E070 with PyTorch's name
    bad = analyze_text("from torch import nn\nmodel = nn.LazyLinear(10, 20, 30)\n", "bad.py", input="4")
    assert [(d.code, d.message) for d in bad.diagnostics] == [
        ("E070", "not supported: LazyLinear with 3 positional arguments (PyTorch takes 2)")]


def test_a_network_in_the_d2l_books_style_is_read_with_the_input_its_layer_summary_gives() -> None:
    # `class SmallLeNet(d2l.Classifier)` was E070 at `self.save_hyperparameters()`, and with no forward of its
    # own it could not be followed. The book's Module runs `self.net(X)`, and its layer_summary((1, 1, 28, 28))
    # is one 28x28 image of one channel. conv 6 5x5 pad 2: 6·25 + 6 = 156; pool to 14x14; conv 16 5x5 on six
    # channels, 16·150 + 16 = 2,416, 10x10 then 5x5x16 = 400; LazyLinear 120: 400·120 + 120 = 48,120; 84:
    # 120·84 + 84 = 10,164; and `self.num_classes` (save_hyperparameters keeps `num_classes=12`): 84·12 + 12 = 1,020
    report = analyze(FIXTURES / "d2l_book.py")
    assert [d.code for d in report.diagnostics] == []
    assert report.network == "SmallLeNet" and report.input is not None and report.input.dims == (28, 28, 1)
    rows = {r.name: (r.op, str(r.output), r.weights + r.biases) for r in report.rows}
    assert rows["net_0"] == ("conv 6 5x5 pad 2", "28x28x6", 156) and rows["net_3"][1:] == ("10x10x16", 2416)
    assert rows["net_6"][1] == "400" and rows["net_7"][1:] == ("120", 48_120) and rows["net_9"][2] == 10_164
    assert rows["net_11"] == ("fc 12 noflatten", "12", 1_020)
    assert report.totals.params == 156 + 2_416 + 48_120 + 10_164 + 1_020
    # --input wins over the summary's size
    assert analyze(FIXTURES / "d2l_book.py", input="32x32x1").rows[0].output.dims == (32, 32, 6)
    # a class of the book with no `self.net` and no forward, and a summary of a shape that is no input: E070
    text = ("from torch import nn\nfrom d2l import torch as d2l\n\nclass N(d2l.Module):\n    def __init__(self):\n"
            "        super().__init__()\n        self.body = nn.Linear(4, 2)\n\nmodel = N()\n")
    report = analyze_text(text + "model.layer_summary((1, 4))\n", "n.py")
    assert [(d.code, d.line, d.message) for d in report.diagnostics] == [
        ("E070", 4, "not supported: class N has no forward and no `self.net`")]
    report = analyze_text(text.replace("self.body", "self.net") + "model.layer_summary((1, 4, 4))\n", "n.py")
    assert [(d.code, d.line, d.message) for d in report.diagnostics] == [
        ("E070", 10, "not supported: a summary of the input (1, 4, 4) (expected (N, C, H, W) or (N, F))")]
    # (N, F): a vector of F features, as the book's `torch.randn(*shape)` makes one: Linear(4, 2), 4·2 + 2 = 10
    report = analyze_text(text.replace("self.body", "self.net") + "model.layer_summary((1, 4))\n", "n.py")
    assert report.ok and report.input is not None and report.input.dims == (4,) and report.totals.params == 10


def test_maps_joined_value_by_value_are_sub_max_min_and_avg() -> None:
    # `a - b` was E070 ("cnncalc joins two tensors with + or *"), and torch.maximum, torch.minimum, torch.max of
    # two tensors and the mean of a stack were not read. On 10x12x3: conv 6 3x3 pad 1, 6·27 + 6 = 168; conv 6 1x1,
    # 6·3 + 6 = 24; the head conv 2 1x1, 2·6 + 2 = 14: 206 parameters, every join 10x12x6 with none
    report = analyze(FIXTURES / "value_joins.py", input="10x12x3")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows if r.kind in ("sub", "max", "min", "avg")] == [
        "sub of 2", "max of 2", "max of 2", "min of 2", "avg of 3", "sub of 2"]
    assert report.totals.params == 168 + 24 + 14 and report.output is not None and report.output.dims == (10, 12, 2)
    # a stack reduced along another axis, or a tensor less a number, is named
    text = ("import torch\nfrom torch import nn\n\nclass M(nn.Module):\n    def forward(self, x):\n"
            "        return {}\n\nmodel = M()\n")
    for body, message in (("torch.stack([x, x]).mean(1)", "`.mean` of a stack other than along dim=0"),
                          ("torch.stack([x, x], dim=1).sum(0)", "torch.stack other than of two or more maps along "
                                                                 "dim=0"),
                          ("torch.sub(x, 1)", "torch.sub with a number")):
        report = analyze_text(text.format(body), "m.py", input="4x4x3")
        assert [(d.code, d.message) for d in report.diagnostics] == [("E070", f"not supported: {message}")], body


def test_a_lightning_module_reads_its_hparams_and_its_example_input() -> None:
    # `save_hyperparameters()` was E070. On the example input 1x28x28: conv 1 -> 16, 16·9 + 16 = 160; batch norm
    # 2·16 (and 2·16 statistics); conv 16 -> 32, 32·144 + 32 = 4,640; the head 32·10 + 10 = 330; `lr` ignored
    report = analyze(FIXTURES / "lightning_module.py")
    assert report.ok, report.messages()
    assert report.network == "LitClassifier" and report.input is not None and report.input.dims == (28, 28, 1)
    assert report.totals.params == 160 + 32 + 4_640 + 330 and report.totals.non_trainable == 32
    ignored = (FIXTURES / "lightning_module.py").read_text().replace('self.hparams["num_classes"]', "self.hparams.lr")
    report = analyze_text(ignored, "lit.py")
    assert [d.code for d in report.diagnostics] == ["E070"]  # `lr` is not kept: no attribute of hparams


def _d2l_library(torch: Any) -> dict[str, types.ModuleType]:
    """The d2l book's library (not installed here) as far as d2l_book.py uses it: Module as the book defines it
    (its forward runs `self.net`, save_hyperparameters keeps the caller's arguments as attributes), Classifier,
    and the data, trainer and initialisation as calls that do nothing."""
    class Module(torch.nn.Module):  # type: ignore[misc]
        def save_hyperparameters(self, ignore: tuple[str, ...] = ()) -> None:
            caller = sys._getframe(1).f_locals
            for key, value in caller.items():
                if key != "self" and key not in ignore and not key.startswith("_"):
                    setattr(self, key, value)

        def forward(self, x: Any) -> Any:
            return self.net(x)

        def layer_summary(self, shape: tuple[int, ...]) -> None:
            pass

    class Classifier(Module):
        pass

    book = types.ModuleType("d2l.torch")
    nothing = types.SimpleNamespace(fit=lambda *args: None)
    book.__dict__.update(Module=Module, Classifier=Classifier, init_cnn=lambda module: None,
                         FashionMNIST=lambda **kwargs: nothing, Trainer=lambda **kwargs: nothing)
    package = types.ModuleType("d2l")
    package.__dict__["torch"] = book
    return {"d2l": package, "d2l.torch": book}


def _lightning_library(torch: Any) -> dict[str, types.ModuleType]:
    """PyTorch Lightning (not installed here) as far as lightning_module.py uses it: LightningModule, whose
    save_hyperparameters keeps the caller's arguments (but `ignore`) in `self.hparams`."""
    class Hparams(dict):  # type: ignore[type-arg]
        __getattr__ = dict.__getitem__

    class LightningModule(torch.nn.Module):  # type: ignore[misc]
        def save_hyperparameters(self, ignore: tuple[str, ...] = ()) -> None:
            caller = sys._getframe(1).f_locals
            self.hparams = Hparams({k: v for k, v in caller.items()
                                    if k != "self" and k not in ignore and not k.startswith("_")})

    lightning = types.ModuleType("lightning")
    lightning.__dict__["LightningModule"] = LightningModule
    return {"lightning": lightning}


# libraries a fixture imports that are not installed here
LIBRARIES = {"d2l_book.py": _d2l_library, "lightning_module.py": _lightning_library}


@pytest.mark.torch
@given(st.integers(0, 2**32 - 1))
def test_modules_written_at_random_read_as_pytorch_builds_and_runs_them(seed: int) -> None:
    # tests/pytorch_sources.py writes a module's source (convolutions of every option, transposed convolutions, pools,
    # norms, activations, residual and concatenated branches, gates, splits, shuffles, loops, heads); PyTorch builds
    # and runs it. Its parameters, batch-norm running statistics, MACs (FlopCounterMode's FLOPs / 2) and output shape
    # are cnncalc's reading of the source, without an error; where PyTorch refuses the sizes, cnncalc has an error.
    # A max unpooling without output_size whose pool's windows do not tile the pooled map (PyTorch's unpooled map,
    # (h - 1)·S - 2P + K, smaller than it) puts the values at other places, or fails, by the values: E067.
    from tests.test_pytorch_export import _torch
    torch = _torch()
    from torch.utils.flop_counter import FlopCounterMode
    text, (c, h, w) = module_source(seed)
    report = read_py(text, input=f"{h}x{w}x{c}")
    namespace: dict[str, Any] = {}
    exec(compile(text, "model.py", "exec"), namespace)
    model = namespace["Net"]().eval()
    pooled: list[tuple[int, ...]] = []  # each indices-keeping max pool's input sizes, each unpooling's output's
    unpooled: list[tuple[int, ...]] = []
    for module in model.modules():
        if isinstance(module, torch.nn.MaxPool2d) and module.return_indices:
            module.register_forward_hook(lambda _, inputs, __: pooled.append(tuple(inputs[0].shape[2:])))
        elif isinstance(module, torch.nn.MaxUnpool2d):
            module.register_forward_hook(lambda _, __, output: unpooled.append(tuple(output.shape[2:])))
    try:
        with torch.no_grad(), FlopCounterMode(display=False) as counter, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # PyTorch's note on `padding='same'` with an even kernel
            y = model(torch.zeros(1, c, h, w))
    except (RuntimeError, ValueError):  # sizes PyTorch refuses (a GroupNorm of one value per group: ValueError)
        assert errors(report), text
        return
    if pooled[:len(unpooled)] != unpooled:
        assert "E067" in codes_of(report), text
        return
    assert not errors(report) and report.output is not None, text
    statistics = sum(b.numel() for name, b in model.named_buffers() if name.endswith(("running_mean", "running_var")))
    dims = report.output.dims
    assert (report.totals.params, report.totals.non_trainable, report.totals.macs,
            dims if len(dims) == 1 else (dims[2], dims[0], dims[1])) == \
        (sum(p.numel() for p in model.parameters()), statistics, counter.get_total_flops() // 2,
         tuple(y.shape[1:])), text


@pytest.mark.torch
@pytest.mark.parametrize("name, size", [("lenet_class.py", (1, 28, 28)), ("resnet_blocks.py", (3, 32, 32)),
                                        ("factory_style.py", (3, 31, 31)), ("forward_idioms.py", (3, 16, 16)),
                                        ("module_containers.py", (3, 16, 16)), ("dense_blocks.py", (3, 64, 64)),
                                        ("mobile_blocks.py", (3, 64, 64)), ("auxiliary_heads.py", (3, 64, 64)),
                                        ("shuffle_units.py", (3, 64, 64)), ("config_blocks.py", (3, 64, 64)),
                                        ("regnet_widths.py", (3, 64, 64)), ("channels_last_blocks.py", (3, 64, 64)),
                                        ("split_shuffle.py", (3, 4, 4)), ("unet_pad.py", (3, 37, 37)),
                                        ("padding_modes.py", (3, 20, 24)), ("built_in_a_function.py", (3, 8, 8)),
                                        ("lazy_modules.py", (1, 28, 28)), ("d2l_book.py", (1, 28, 28)),
                                        ("value_joins.py", (3, 10, 12)), ("lightning_module.py", (1, 28, 28)),
                                        ("fcn_crop.py", (3, 64, 64)), ("layer_norms.py", (3, 32, 32)),
                                        ("generator_views.py", (16, 1, 1)), ("cifar_option_a.py", (3, 32, 32)),
                                        ("volume_norms.py", (3, 32, 32)), ("gates_by_index.py", (3, 17, 17)),
                                        ("python_idioms.py", (3, 16, 16)), ("super_resolution.py", (3, 6, 6)),
                                        ("weight_standardised.py", (3, 16, 16)),
                                        ("channel_attention.py", (3, 32, 32)), ("unpooling.py", (3, 20, 24)),
                                        ("same_padding.py", (3, 33, 33)), ("block_strings.py", (3, 33, 33)),
                                        ("scratch_layers.py", (3, 33, 33)), ("zero_channels.py", (3, 32, 48)),
                                        ("enet_bottlenecks.py", (3, 50, 46))])
def test_pytorch_itself_agrees_on_the_fixtures(name: str, size: tuple[int, int, int]) -> None:
    from tests.test_pytorch_export import _torch
    torch = _torch()
    from torch.utils.flop_counter import FlopCounterMode
    module = types.ModuleType("fixture")  # in sys.modules while it runs: `@dataclass` looks itself up there
    namespace: dict[str, Any] = module.__dict__
    libraries = LIBRARIES[name](torch) if name in LIBRARIES else {}
    sys.modules.update({"fixture": module, **libraries})
    try:
        exec(compile((FIXTURES / name).read_text(), name, "exec"), namespace)
    finally:
        for key in ("fixture", *libraries):
            del sys.modules[key]
    # the module the file builds at top level, or in its `__main__` block (split_shuffle.py: `small()`),
    # else its last class with its defaults
    built = namespace.get("model") or eval(BUILT_IN_MAIN[name], namespace) if name in BUILT_IN_MAIN else \
        namespace.get("model")
    cls = [v for v in namespace.values() if isinstance(v, type) and issubclass(v, torch.nn.Module)][-1]
    model = (built if isinstance(built, torch.nn.Module) else cls()).eval()
    with FlopCounterMode(display=False) as counter:
        y = model(torch.zeros(1, *size))
    report = analyze(FIXTURES / name, input=f"{size[1]}x{size[2]}x{size[0]}")
    assert report.output is not None
    assert sum(p.numel() for p in model.parameters()) == report.totals.params
    assert counter.get_total_flops() // 2 == report.totals.macs
    dims = report.output.dims
    assert tuple(y.shape[1:]) == (dims if len(dims) == 1 else (dims[2], dims[0], dims[1]))  # N x C x H x W


def test_a_main_block_that_builds_something_other_than_a_module_is_e070_not_a_crash() -> None:
    # `net = small()` in the `__main__` block is the model; `small` returning a tuple crashed the reader
    # (`'tuple' object has no attribute 'node'`: found by editing split_shuffle.py at random).
    text = ("import torch.nn as nn\n\n"
            "def small():\n"
            "    return 'net', nn.Sequential(nn.Conv2d(3, 8, 3))\n\n"
            "if __name__ == '__main__':\n"
            "    net = small()\n")
    report = analyze_text(text, "pair.py", input="8x8x3")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E070", 7, 11, "not supported: `small()` gives ('net', a container of modules), not a module")]


def test_a_loop_too_long_to_follow_stops_at_the_step_limit_where_it_passes_it() -> None:
    from cnncalc import limits
    # Each turn of the loop is a few steps (the statement, the call, its arguments): 200,000 turns (a range
    # the reader lists: longer ones are refused before the loop) stop at limits.MAX_READER_STEPS, inside
    # the loop, while the model is built (no layer read yet): an unreadable row and no totals.
    text = ("import torch.nn as nn\n\n"
            "class Long(nn.Module):\n"
            "    def __init__(self):\n"
            "        super().__init__()\n"
            "        self.body = nn.Sequential(nn.Conv2d(3, 8, 3))\n"
            "        for i in range(200_000):\n"
            "            self.body.append(nn.ReLU())\n"
            "    def forward(self, x):\n"
            "        return self.body(x)\n")
    report = analyze_text(text, "long.py", input="8x8x3")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.code, error.line) in (("E070", 7), ("E070", 8))
    steps = f"{limits.MAX_READER_STEPS:,}"
    assert error.message == f"not supported: more than {steps} steps to follow (a loop too long to read)"
    assert [r.name for r in report.rows] == ["unreadable"] and report.totals.params is None and report.output is None


@pytest.mark.parametrize("rows, width, read", [(10, 10, True), (1000, 1000, False)])
def test_pythons_own_work_on_lists_counts_toward_the_step_limit(rows: int, width: int, read: bool) -> None:
    from cnncalc import limits
    # `sum(r)` is one call but `width` additions: 10 x 10 makes the 100 filters; 1,000 x 1,000 is 1,000,000
    # additions, more than limits.MAX_READER_STEPS (written with 10**5 rows it took 87 s to stop, and `max`
    # over such rows, comparing them element by element, never did).
    text = ("import torch.nn as nn\n\n"
            f"rows = [[1] * {width}] * {rows}\n"
            "n = sum(sum(r) for r in rows)\n"
            "model = nn.Sequential(nn.Conv2d(3, n // 1000 + 100 if n > 100 else n, 3))\n")
    report = analyze_text(text, "sums.py", input="8x8x3")
    if read:
        assert report.diagnostics == () and report.rows[0].op == "conv 100 3x3 inputs 3"
    else:
        [error] = report.diagnostics
        assert (error.code, error.line) == ("E070", 4)  # at the sums, not passed over as a value the model may not need
        assert f"more than {limits.MAX_READER_STEPS:,} steps" in error.message


def test_a_loop_concatenating_every_earlier_output_stops_at_the_network_limit() -> None:
    from cnncalc import limits
    # A DenseNet loop run 1,000 times (65,536 in the edit) concatenates 1, 2, 3, … tensors: quadratic work
    # (found by editing forward_idioms.py at random: it ran for minutes; 4,000 times took 12 s to reach E058). The graph
    # counts what the expander will (a layer 1, a merge 2 and one per input) and stops past
    # limits.MAX_NODES. Turn 1 concatenates x alone (no merge) and adds a conv: 1; turn j adds a merge
    # of j inputs and a conv: 3 + j. After k turns 1 + Σ_{j=2..k} (3 + j) = 3k - 3 + k(k+1)/2:
    # 249,562 after 703 turns, and turn 704's merge (706 more) crosses 250,000.
    text = ("import torch\nimport torch.nn as nn\n\n"
            "class Dense(nn.Module):\n"
            "    def __init__(self):\n"
            "        super().__init__()\n"
            "        self.convs = nn.ModuleList([nn.Conv2d(3 + 2 * i, 2, 1) for i in range(1000)])\n"
            "    def forward(self, x):\n"
            "        features = [x]\n"
            "        for conv in self.convs:\n"
            "            features.append(conv(torch.cat(features, 1)))\n"
            "        return torch.cat(features, 1)\n")
    report = analyze_text(text, "dense.py", input="8x8x3")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.code == "E070" and f"more than {limits.MAX_NODES:,}" in error.message
    # the layers read before it are shown; the totals are unknown, not their partial sum
    assert report.rows[-1].name == "unreadable" and report.rows[-1].output is None
    assert report.totals.params is None and report.output is None
    convs = [r for r in report.rows if r.keyword == "conv"]
    assert 3 * 703 - 3 + 703 * 704 // 2 <= limits.MAX_NODES < 3 * 704 - 3 + 704 * 705 // 2 - 1
    assert len(convs) == 703 and convs[-1].input.channels == 3 + 2 * 702


def test_a_concatenation_of_more_tensors_than_a_merge_takes_is_e070() -> None:
    from cnncalc import limits
    text = ("import torch\nimport torch.nn as nn\n\n"
            "class Wide(nn.Module):\n"
            "    def __init__(self):\n"
            "        super().__init__()\n"
            "        self.pool = nn.MaxPool2d(1)\n"
            "    def forward(self, x):\n"
            f"        return torch.cat([self.pool(x) for _ in range({limits.MAX_BRANCHES + 1})], 1)\n")
    report = analyze_text(text, "wide.py", input="8x8x3")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.code == "E070" and f"{limits.MAX_BRANCHES + 1:,} tensors" in error.message
    assert report.totals.params is None


def test_list_methods_with_the_wrong_arguments_are_e070() -> None:
    text = ("import torch.nn as nn\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
            "        layers = []\n        layers.append(block=nn.ReLU())\n        self.body = nn.Sequential(*layers)\n"
            "    def forward(self, x):\n        return self.body(x)\n")
    report = analyze_text(text, "net.py", input="8x8x3")
    assert [(d.code, d.line) for d in report.diagnostics] == [("E070", 7)]
    assert "`append` with keyword arguments" in report.diagnostics[0].message


def test_an_ordered_dict_of_something_else_is_e070() -> None:
    # Found by editing the fixtures at random: dict() of a list holding a bare number raised TypeError.
    text = ("import torch.nn as nn\nfrom collections import OrderedDict\n\nclass Net(nn.Module):\n"
            "    def __init__(self):\n        super().__init__()\n"
            "        self.body = nn.Sequential(OrderedDict([('relu', nn.ReLU()), 5]))\n"
            "    def forward(self, x):\n        return self.body(x)\n")
    report = analyze_text(text, "net.py", input="8x8x3")
    assert [(d.code, d.line) for d in report.diagnostics] == [("E070", 7)]
    assert "OrderedDict of something other than (name, module) pairs" in report.diagnostics[0].message


def test_a_python_error_while_following_the_code_is_e070_at_the_expression(monkeypatch: pytest.MonkeyPatch) -> None:
    from cnncalc.readers import pytorch
    # The safety net for what evaluating the user's code may raise that no rule above foresaw.
    original = pytorch._Reader.eval

    def failing(self: Any, node: Any, env: Any) -> Any:
        if isinstance(node, pytorch.ast.Constant) and node.value == 16:
            self.tick(node)
            raise TypeError("an unforeseen mix of types")
        return original(self, node, env)

    monkeypatch.setattr(pytorch._Reader, "eval", failing)
    text = "import torch.nn as nn\nmodel = nn.Sequential(nn.Conv2d(3, 16, 3), nn.ReLU())\n"
    report = analyze_text(text, "net.py", input="8x8x3")
    [d] = report.diagnostics
    assert (d.code, d.line, d.column) == ("E070", 2, 36)
    assert d.message == "not supported: code cnncalc cannot follow (an unforeseen mix of types)"


def test_a_kernel_read_from_a_tensors_size_is_said_plainly() -> None:
    # A window of the channel count, `F.avg_pool2d(out, out.size()[1])`: the size exists only when the network runs
    # (the map's width, the CIFAR ResNets' `out.size()[3]`, is read: `globalavgpool width`). The message named an
    # internal object (`_SizeOf(dim=1)`); it says what was read and what to write.
    text = ("import torch.nn as nn\nimport torch.nn.functional as F\n\nclass Net(nn.Module):\n"
            "    def __init__(self):\n        super().__init__()\n        self.conv = nn.Conv2d(3, 16, 3, padding=1)\n"
            "    def forward(self, x):\n        out = F.relu(self.conv(x))\n"
            "        return F.avg_pool2d(out, out.size()[1])\n")
    report = analyze_text(text, "net.py", input="32x32x3")
    [e] = [d for d in report.diagnostics if d.severity == "error"]
    assert e.code == "E070" and "`x.size(1)`" in e.message and "F.adaptive_avg_pool2d(x, 1)" in e.message
    assert "_SizeOf" not in e.message and e.line == 10
    assert [r.keyword for r in report.rows] == ["conv", "relu", "unreadable"] and report.totals.params is None


def test_modules_called_through_their_containers() -> None:
    # `self.convs[i](x)`, `self.blocks["down"](x)` and `self.head[2](...)` were E070 ("the call ..."), and
    # `range(len(self.convs))` counted the two fields of the reader's own record: 2 convolutions of 3.
    report = analyze(FIXTURES / "module_containers.py", input="16x16x3")
    assert not [d for d in report.diagnostics if d.severity == "error"]
    convs = [r for r in report.rows if r.keyword == "conv" and r.input.channels == 16 and r.output.channels == 16
             and r.layer.kernel == (3, 3)]
    assert len(convs) == 3 and all(r.params == 16 * 9 * 16 + 16 for r in convs)
    # stem 3·9·16 + 2·16 (bn) = 464; three convs 3·2320; gate 16·4 + 4 + 4·16 + 16 = 148;
    # down 16·9·32 + 32 = 4640; fc 32·10 + 10 = 330
    assert report.totals.params == 464 + 3 * 2320 + 148 + 4640 + 330
    assert report.output.dims == (10,)


def test_a_comparison_of_run_time_sizes_is_e070_and_a_moduledict_knows_its_keys() -> None:
    # `x.size(1) == 8` compared the reader's record with 8: False, and the layer under the `if` was left
    # out without a word. `"extra" in self.heads` looked among the record's fields: False, the same.
    head = ("import torch.nn as nn\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
            "        self.conv = nn.Conv2d(3, 8, 3)\n"
            "        self.heads = nn.ModuleDict({'extra': nn.Conv2d(8, 4, 1)})\n"
            "    def forward(self, x):\n        x = self.conv(x)\n")
    sized = analyze_text(head + "        if x.size(1) == 8:\n            x = self.heads['extra'](x)\n"
                                "        return x\n", "net.py", input="16x16x3")
    [e] = [d for d in sized.diagnostics if d.severity == "error"]
    assert e.code == "E070" and "x.size(1) == 8" in e.message and e.line == 10
    truthy = analyze_text(head + "        if x.size(1):\n            x = self.heads['extra'](x)\n"
                                 "        return x\n", "net.py", input="16x16x3")
    assert [(d.code, d.line) for d in truthy.diagnostics if d.severity == "error"] == [("E070", 10)]
    keyed = analyze_text(head + "        if 'extra' in self.heads:\n            x = self.heads['extra'](x)\n"
                                "        return x\n", "net.py", input="16x16x3")
    assert not [d for d in keyed.diagnostics if d.severity == "error"]
    # conv 3·9·8 + 8 = 224, then the 1x1 head 8·4 + 4 = 36; (16 - 3)/1 + 1 = 14
    assert keyed.totals.params == 224 + 36 and keyed.output.dims == (14, 14, 4)


def test_a_view_to_a_written_length_expects_that_length() -> None:
    # LeNet's `x.view(-1, 16 * 5 * 5)`: after two 5x5 convolutions and 2x2 pools, 32 -> 28 -> 14 -> 10 -> 5,
    # so 5·5·16 = 400 values, as written. Written as 16 * 4 * 4 = 256, PyTorch fails (400 is no multiple
    # of 256); it was read as a plain flatten and the file passed.
    def lenet(length: str) -> str:
        return ("import torch.nn as nn\nimport torch.nn.functional as F\n\nclass Net(nn.Module):\n"
                "    def __init__(self):\n        super().__init__()\n        self.conv1 = nn.Conv2d(1, 6, 5)\n"
                "        self.conv2 = nn.Conv2d(6, 16, 5)\n        self.fc = nn.Linear(400, 10)\n"
                "    def forward(self, x):\n        x = F.max_pool2d(F.relu(self.conv1(x)), 2)\n"
                f"        x = F.max_pool2d(F.relu(self.conv2(x)), 2)\n        x = x.view(-1, {length})\n"
                "        return self.fc(x)\n")
    right = analyze_text(lenet("16 * 5 * 5"), "net.py", input="32x32x1")
    assert not [d for d in right.diagnostics if d.severity == "error"]
    assert right.totals.params == (1 * 25 + 1) * 6 + (6 * 25 + 1) * 16 + 401 * 10
    wrong = analyze_text(lenet("16 * 4 * 4"), "net.py", input="32x32x1")
    [e] = [d for d in wrong.diagnostics if d.severity == "error"]
    assert e.code == "E017" and "256" in e.message and "400" in e.message and e.line == 13
    spec = analyze_text("input 5x5x16\nflatten inputs 256\n", "s.spec")
    assert [d.code for d in spec.diagnostics] == ["E017"]


def test_a_linear_layer_after_a_pool_without_a_flatten_is_e037() -> None:
    # The forgotten `torch.flatten(x, 1)`: AdaptiveAvgPool2d(1) leaves N x 8 x 1 x 1 and nn.Linear(8, 10)
    # acts on the last axis (1 wide), so PyTorch fails ("mat1 and mat2 shapes cannot be multiplied").
    # It was read as a spec `fc`, which flattens, and the file passed.
    def net(flatten: str) -> str:
        return ("import torch\nimport torch.nn as nn\n\nclass Net(nn.Module):\n    def __init__(self):\n"
                "        super().__init__()\n        self.conv = nn.Conv2d(3, 8, 3)\n"
                "        self.pool = nn.AdaptiveAvgPool2d(1)\n        self.fc = nn.Linear(8, 10)\n"
                f"    def forward(self, x):\n        x = self.pool(self.conv(x))\n{flatten}"
                "        return self.fc(x)\n")
    forgotten = analyze_text(net(""), "net.py", input="16x16x3")
    [e] = [d for d in forgotten.diagnostics if d.severity == "error"]
    assert e.code == "E037" and "1x1x8" in e.message and e.line == 9
    flattened = analyze_text(net("        x = torch.flatten(x, 1)\n"), "net.py", input="16x16x3")
    assert flattened.ok and flattened.totals.params == (3 * 9 + 1) * 8 + (8 + 1) * 10


def test_a_sequential_subclass_runs_the_modules_assigned_to_it() -> None:
    # torchvision's `_Transition(nn.Sequential)` calls `super().__init__()` and then assigns
    # `self.norm = ...`: PyTorch's Sequential runs every registered module in order. Read as an empty
    # Sequential, the transition vanished without a word: 16x16x8 and 224 parameters came out.
    text = ("import torch.nn as nn\n\nclass Transition(nn.Sequential):\n    def __init__(self, cin, cout):\n"
            "        super().__init__()\n        self.norm = nn.BatchNorm2d(cin)\n        self.relu = nn.ReLU()\n"
            "        self.conv = nn.Conv2d(cin, cout, kernel_size=1, bias=False)\n"
            "        self.pool = nn.AvgPool2d(kernel_size=2, stride=2)\n\n"
            "class Stem(nn.Sequential):\n    def __init__(self):\n"
            "        super().__init__(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU())\n"
            "        self.add_module('extra', nn.Conv2d(8, 8, 1))\n\n"
            "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
            "        self.stem = Stem()\n        self.trans = Transition(8, 4)\n"
            "    def forward(self, x):\n        return self.trans(self.stem(x))\n")
    report = analyze_text(text, "net.py", input="16x16x3")
    assert report.ok and [r.keyword for r in report.rows] == ["conv", "relu", "conv", "bn", "relu", "conv", "avgpool"]
    # (3·9 + 1)·8 + (8 + 1)·8 + 2·8 (bn) + 8·4 = 224 + 72 + 16 + 32; the pool halves 16
    assert report.totals.params == 224 + 72 + 16 + 32 and report.output.dims == (8, 8, 4)


def test_a_densenet_written_as_torchvision_writes_it() -> None:
    # growth 12, bn_size 4, blocks of 3: block 1 takes 16 channels and gives 16 + 3·12 = 52; the
    # transition halves it to 26; block 2 gives 26 + 36 = 62, the classifier's input.
    report = analyze(FIXTURES / "dense_blocks.py", input="64x64x3")
    assert not [d for d in report.diagnostics if d.severity == "error"]
    first = [r for r in report.rows if r.keyword == "bn" and "norm1" in r.path]
    assert [r.input.channels for r in first] == [16, 28, 40, 26, 38, 50]
    assert report.rows[-1].layer.inputs == 62 and report.output.dims == (10,)


def test_a_norm_layer_bound_with_functools_partial() -> None:
    # `partial(nn.BatchNorm2d, eps=0.001, momentum=0.01)` then `norm_layer(16)`: a batch norm of 16
    # channels with eps 0.001 (E070 before). The first block keeps 32x32x16 and adds its input back.
    report = analyze(FIXTURES / "mobile_blocks.py", input="64x64x3")
    assert not [d for d in report.diagnostics if d.severity == "error"]
    norms = [r for r in report.rows if r.keyword == "bn"]
    assert norms and all(r.layer.eps == 0.001 for r in norms) and norms[0].input.dims == (32, 32, 16)
    assert report.output.dims == (10,)


def test_a_training_script_that_moves_the_model_to_a_device() -> None:
    # `model = Net().to(device)` with `device = torch.device("cuda" if ... else "cpu")`: the device is
    # no part of the shape, and evaluating it made the whole file E070.
    text = ("import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n"
            "class Net(nn.Module):\n    def __init__(self):\n        super(Net, self).__init__()\n"
            "        self.conv1 = nn.Conv2d(1, 32, 3, 1)\n        self.conv2 = nn.Conv2d(32, 64, 3, 1)\n"
            "        self.fc1 = nn.Linear(9216, 128)\n        self.fc2 = nn.Linear(128, 10)\n\n"
            "    def forward(self, x):\n        x = F.relu(self.conv2(F.relu(self.conv1(x))))\n"
            "        x = torch.flatten(F.max_pool2d(x, 2), 1)\n"
            "        return F.log_softmax(self.fc2(F.relu(self.fc1(x))), dim=1)\n\n"
            "use_cuda = torch.cuda.is_available()\ndevice = torch.device('cuda' if use_cuda else 'cpu')\n"
            "model = Net().to(device)\n")
    report = analyze_text(text, "mnist.py", input="28x28x1")
    assert report.ok
    # 28 -> 26 -> 24 -> 12; 12·12·64 = 9216 into fc1
    assert report.totals.params == (9 + 1) * 32 + (32 * 9 + 1) * 64 + (9216 + 1) * 128 + (128 + 1) * 10


def test_a_module_with_weights_applied_twice_shares_them() -> None:
    # PyTorch shares a module's weights between its calls: `for layer in reversed(self.convs[1:])` after the
    # convolutions were applied once adds MACs but no parameters (each row counting its own gave 2,608 where the
    # module has 1,440). The second application is read as `shares` the first. A module without weights (a pool, a
    # ReLU) is reused freely.
    text = ("import torch.nn as nn\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
            "        self.convs = nn.ModuleList([nn.Conv2d(3 if i == 0 else 8, 8, 3, padding=1) for i in range(3)])\n"
            "        self.bns = nn.ModuleList([nn.BatchNorm2d(8) for _ in range(3)])\n        self.relu = nn.ReLU()\n"
            "    def forward(self, x):\n        for i, (conv, bn) in enumerate(zip(self.convs, self.bns)):\n"
            "            x = self.relu(bn(conv(x)))\n"
            "        for layer in reversed(self.convs[1:]):\n            x = layer(x)\n        return x\n")
    report = analyze_text(text, "net.py", input="16x16x3")
    once = analyze_text(text.replace("        for layer in reversed(self.convs[1:]):\n            x = layer(x)\n", ""),
                        "net.py", input="16x16x3")
    # convs (3·9 + 1)·8 + 2·(8·9 + 1)·8 = 1,392; three batch norms 2·8 each; ReLU applied three times
    assert once.ok and once.totals.params == 1392 + 48
    assert report.ok, report.messages()
    assert report.totals.params == 1392 + 48  # the two convolutions applied again add none
    again = [r for r in report.rows if r.shares is not None]
    assert [r.shares for r in again] == ["convs_2", "convs_1"] and all(r.params == 0 for r in again)
    # each 16·16 positions · 8 filters · 3·3·8 = 147,456 MACs more
    assert report.totals.macs == once.totals.macs + 2 * 16 * 16 * 8 * 3 * 3 * 8
    if importlib.util.find_spec("torch") is not None:
        assert parameters_in_pytorch(text + "model = Net()\n") == report.totals.params


def test_in_place_tensor_methods() -> None:
    # `x.relu_()` was E070; `y.add_(x)` as a statement overwrites y, so the add must follow it: with
    # `y.add_(z)` for a z of other channels PyTorch fails, and so must the file.
    head = ("import torch.nn as nn\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
            "        self.c1 = nn.Conv2d(3, 8, 3, padding=1)\n        self.c2 = nn.Conv2d(8, 8, 3, padding=1)\n"
            "        self.c3 = nn.Conv2d(8, 4, 1)\n"
            "    def forward(self, x):\n        x = self.c1(x).relu_()\n        y = self.c2(x)\n")
    report = analyze_text(head + "        y.add_(x)\n        return y.sigmoid_()\n", "net.py", input="16x16x3")
    assert report.ok and [r.keyword for r in report.rows if r.depth == 1] == ["conv", "relu", "add", "sigmoid"]
    assert report.totals.params == (27 + 1) * 8 + (72 + 1) * 8
    mismatch = analyze_text(head + "        y.add_(self.c3(x))\n        return y\n", "net.py", input="16x16x3")
    assert [d.code for d in mismatch.diagnostics if d.severity == "error"] == ["E051"]  # shapes that do not add


def test_reflection_and_replication_padding() -> None:
    # A CycleGAN-style generator's first stage and residual block: ReflectionPad2d(3), a 7x7 conv,
    # then `F.pad(x, (1, 1, 1, 1), mode="replicate")` before a 3x3 conv. 32 + 6 - 7 + 1 = 32 and
    # 32 + 2 - 3 + 1 = 32. Both were E070.
    text = ("import torch.nn as nn\nimport torch.nn.functional as F\n\nclass Net(nn.Module):\n"
            "    def __init__(self):\n        super().__init__()\n"
            "        self.head = nn.Sequential(nn.ReflectionPad2d(3), nn.Conv2d(3, 8, 7), nn.InstanceNorm2d(8),\n"
            "                                  nn.ReLU())\n"
            "        self.conv = nn.Conv2d(8, 8, 3)\n"
            "    def forward(self, x):\n        x = self.head(x)\n"
            "        return x + self.conv(F.pad(x, (1, 1, 1, 1), mode='replicate'))\n")
    report = analyze_text(text, "gen.py", input="32x32x3")
    assert report.ok and report.output.dims == (32, 32, 8)
    pads = [r for r in report.rows if r.keyword in ("reflectpad", "replicatepad")]
    assert [(r.keyword, r.output.dims) for r in pads] == [("reflectpad", (38, 38, 3)), ("replicatepad", (34, 34, 8))]
    assert report.totals.params == (3 * 49 + 1) * 8 + (8 * 9 + 1) * 8
    # reflecting 3 rows needs 4: a 3x3 map cannot be padded so (PyTorch refuses it too)
    small = analyze_text(text, "gen.py", input="3x3x3")
    assert next(d.code for d in small.diagnostics if d.severity == "error") == "E036"


def test_an_auxiliary_head_computed_only_in_training() -> None:
    # torchvision's GoogLeNet: `warnings.warn(..., FutureWarning)` in __init__ (E070: the name), the
    # aux head computed under `if self.training:` and returned only when `self.training and
    # self.aux_logits` (taken as true: the namedtuple was E070). In eval mode the logits alone come
    # out; the aux head is a training-only side head, its MACs apart.
    report = analyze(FIXTURES / "auxiliary_heads.py", input="64x64x3")
    assert not [d for d in report.diagnostics if d.severity == "error"]
    assert report.output.dims == (10,) and [(o.shape.dims, o.train) for o in report.outputs[1:]] == [((10,), True)]
    # the aux head: adaptive pool to 4x4 of 32 channels, 1x1 conv to 16 (512 MACs per position), fc 256 -> 32
    # -> 10: 4·4·16·32 + 256·32 + 32·10
    assert report.totals.train_macs == 4 * 4 * 16 * 32 + 256 * 32 + 32 * 10


def test_shufflenet_v2_as_torchvision_writes_it() -> None:
    # `x.chunk(2, dim=1)` was E070, and so was the `channel_shuffle` function (a view to five axes,
    # a transpose, a view back); so were `setattr(self, name, ...)`, a `@staticmethod` called
    # through `self` (given `self` as its first argument) and `<<`.
    report = analyze(FIXTURES / "shuffle_units.py", input="64x64x3")
    assert not [d for d in report.diagnostics if d.severity == "error"]
    ops = [r.op for r in report.rows if r.kind == "layer"]
    assert ops.count("shuffle 2") == 2 + 3 + 2
    assert ops.count("part 1 chunks 2") == ops.count("part 2 chunks 2") == 1 + 2 + 1
    # a stride-1 unit of stage 2 (48 channels): the second half, 24, through 1x1 (24·24), BN (2·24),
    # 3x3 depthwise (9·24), BN, 1x1, BN: 576 + 48 + 216 + 48 + 576 + 48
    unit = [r for r in report.rows if r.path.startswith("stage2_1_") and r.depth == 1]
    assert len(unit) == 2 and unit[0].params == 576 + 48 + 216 + 48 + 576 + 48
    assert report.output.dims == (10,)


KUANGLIU_SHUFFLE = module_file(
    "self.a = nn.Conv2d(4, 6, 1, groups=1)\nself.b = nn.Conv2d(6, 6, 1, groups=3)",
    "x = self.shuffle(self.a(x), 1)\nreturn self.shuffle(self.b(x), 3)").replace(
    "    def forward(self, x):", "    def shuffle(self, x, g):\n"
    "        N, C, H, W = x.size()\n"
    "        return x.view(N, g, C // g, H, W).permute(0, 2, 1, 3, 4).reshape(N, C, H, W)\n"
    "    def forward(self, x):")


def test_a_channel_shuffle_written_with_permute_and_of_one_group() -> None:
    # kuangliu's ShuffleNet shuffles through `.permute(0, 2, 1, 3, 4).reshape(N, C, H, W)`, and its first block's
    # groups are 1 (a view to (N, 1, C, H, W) was E070): one group moves no channel, three is `shuffle 3`
    assert "def shuffle" in KUANGLIU_SHUFFLE
    report = read_py(KUANGLIU_SHUFFLE, input="8x8x4")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows if r.kind == "layer"] == ["conv 6 1x1 inputs 4", "conv 6 1x1 groups 3 inputs 6",
                                                                   "shuffle 3"]
    # (4 + 1)·6 = 30 and (6/3 + 1)·6 = 18
    assert report.totals.params == 30 + 18
    if importlib.util.find_spec("torch") is not None:
        assert parameters_in_pytorch(KUANGLIU_SHUFFLE) == report.totals.params


def test_a_tensors_data_is_the_tensor() -> None:
    # older code (ShuffleNet v1 ports) reads sizes through `x.data.size()`, which was E070 (`the attribute .data`)
    text = module_file("self.c = nn.Conv2d(6, 6, 1, groups=3)",
                       "b, c, h, w = x.data.size()\n"
                       "x = self.c(x)\n"
                       "x = x.view(b, 3, c // 3, h, w)\n"
                       "x = torch.transpose(x, 1, 2).contiguous()\n"
                       "return x.view(b, -1, h, w)")
    report = read_py(text, input="8x8x6")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows if r.kind == "layer"] == ["conv 6 1x1 groups 3 inputs 6", "shuffle 3"]
    assert report.totals.params == (6 // 3 + 1) * 6  # a filter's 2 weights and its bias, 6 filters
    if importlib.util.find_spec("torch") is not None:
        assert parameters_in_pytorch(text) == report.totals.params


@pytest.mark.parametrize(("call", "op", "dims"), [
    ("F.upsample(self.lat(c), size=(H, W), mode='bilinear') + x", None, (8, 8, 4)),
    ("F.upsample(x, scale_factor=2)", "upsample 2", (16, 16, 4)),
    ("F.upsample_nearest(x, scale_factor=2)", "upsample 2", (16, 16, 4)),
    ("F.upsample_bilinear(x, scale_factor=2)", "upsample 2 aligned", (16, 16, 4))])
def test_the_deprecated_upsampling_functions(call: str, op: str | None, dims: tuple[int, ...]) -> None:
    # `F.upsample` is `F.interpolate` by its old name (an FPN's `_upsample_add`: E070 before); `upsample_nearest`
    # and `upsample_bilinear` fix the mode, the second with its corners aligned (nn.UpsamplingBilinear2d)
    text = module_file("self.down = nn.Conv2d(4, 4, 3, stride=2, padding=1)\nself.lat = nn.Conv2d(4, 4, 1)",
                       f"c = self.down(x)\n_, _, H, W = x.size()\nreturn {call}")
    report = read_py(text, input="8x8x4")
    assert report.ok, report.messages()
    assert report.output is not None and report.output.dims == dims
    if op is not None:
        assert report.rows[-1].op == op
    else:  # resampled to x's size and added: the convolutions' (4·9 + 1)·4 = 148 and (4 + 1)·4 = 20
        assert report.totals.params == 148 + 20
    if importlib.util.find_spec("torch") is not None:
        import torch
        model = built_by_pytorch(text)
        with pytest.warns(UserWarning):  # (PyTorch's own: deprecated)
            assert tuple(model(torch.zeros(1, 4, 8, 8)).shape[1:]) == (dims[2], dims[0], dims[1])


def test_torchvisions_building_blocks() -> None:
    # `Conv2dNormActivation`, `SqueezeExcitation`, `StochasticDepth` and `_make_divisible`, imported from
    # torchvision (not installed, never imported): each was E070 ("the name ... not defined"). They are
    # read as torchvision documents them: the padding (k - 1) // 2 · dilation, a bias only without a norm
    # layer, the activation in place; SE as a pool, a 1x1 conv, its activation, a 1x1 conv, its scale.
    text = ("from functools import partial\nimport torch\nfrom torch import nn\n"
            "from torchvision.ops.misc import Conv2dNormActivation, SqueezeExcitation as SElayer\n"
            "from torchvision.ops import StochasticDepth\nfrom torchvision.models._utils import _make_divisible\n\n"
            "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
            "        self.stem = Conv2dNormActivation(3, 16, stride=2, activation_layer=nn.Hardswish)\n"
            "        self.se = partial(SElayer, scale_activation=nn.Hardsigmoid)(16, _make_divisible(16 // 4, 8))\n"
            "        self.head = Conv2dNormActivation(16, 4, kernel_size=1, norm_layer=None, activation_layer=None)\n"
            "        self.drop = StochasticDepth(0.2, 'row')\n"
            "    def forward(self, x):\n        return self.drop(self.head(self.se(self.stem(x))))\n")
    report = analyze_text(text, "net.py", input="32x32x3")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows if r.depth == 1][:3] == ["conv 16 3x3 stride 2 pad 1 nobias inputs 3",
                                                              "batchnorm inputs 16 map", "hardswish"]
    # stem 3·9·16 + 2·16; SE squeeze 8 (16 // 4 = 4, made divisible by 8): (16 + 1)·8 + (8 + 1)·16;
    # the head has no norm, so a bias: (16 + 1)·4
    assert report.totals.params == 3 * 9 * 16 + 32 + 17 * 8 + 9 * 16 + 17 * 4
    assert report.output.dims == (16, 16, 4)


@pytest.mark.parametrize("mlp, params, ops", [
    # Linear 16 -> 32, ReLU, Dropout, Linear 32 -> 10, Dropout: (16 + 1)·32 + (32 + 1)·10
    ("MLP(16, [32, 10], dropout=0.1)", 17 * 32 + 33 * 10, ["fc", "relu", "dropout", "fc", "dropout"]),
    # with a norm after each hidden Linear (2·32, and 2·32 running statistics, not parameters) and no biases
    ("MLP(16, [32, 10], norm_layer=nn.BatchNorm1d, activation_layer=nn.GELU, bias=False)",
     16 * 32 + 2 * 32 + 32 * 10, ["fc", "bn", "gelu", "dropout", "fc", "dropout"]),
])
def test_torchvisions_mlp_is_its_linear_layers_in_turn(mlp: str, params: int, ops: list[str]) -> None:
    text = ("import torch\nfrom torch import nn\nfrom torchvision.ops import MLP\n\n"
            f"model = nn.Sequential(nn.Flatten(), {mlp})\n")
    report = analyze_text(text, "net.py", input="1x1x16")
    assert report.ok, report.messages()
    assert report.totals.params == params and report.output is not None and report.output.dims == (10,)
    assert [r.keyword for r in report.rows if r.kind == "layer" and r.keyword != "flatten"] == ops


def test_torchvisions_frozen_batch_norm_has_no_parameters() -> None:
    # FrozenBatchNorm2d (detection backbones) keeps its scale and shift as buffers: PyTorch's parameters are the convs'
    # alone, 3·3·3·8 and (8 + 1)·4; its running statistics, 2·8 and 2·4, as a batch norm's
    text = ("import torch\nfrom torch import nn\nfrom torchvision.ops import FrozenBatchNorm2d\n"
            "from torchvision.ops.misc import FrozenBatchNorm2d as FBN\n\n"
            "model = nn.Sequential(nn.Conv2d(3, 8, 3, bias=False), FrozenBatchNorm2d(8), nn.ReLU(),\n"
            "                      nn.Conv2d(8, 4, 1), FBN(4, eps=1e-3))\n")
    report = analyze_text(text, "net.py", input="8x8x3")
    assert report.ok, report.messages()
    assert (report.totals.params, report.totals.non_trainable) == (3 * 3 * 3 * 8 + 9 * 4, 2 * 8 + 2 * 4)
    assert [r.op for r in report.rows if r.keyword == "bn"][1] == "batchnorm eps 0.001 noaffine inputs 4 map"


def test_the_squeeze_and_excitation_idiom_with_linear_layers() -> None:
    # `b, c, _, _ = x.size(); y = self.avg_pool(x).view(b, c); y = self.fc(y).view(b, c, 1, 1);
    # return x * y.expand_as(x)`: the SE block as most PyTorch code writes it. Every step was E070.
    # The pooled map is a vector (`squeeze`), the gate a 1x1 map again (`unflatten`).
    text = ("import torch.nn as nn\n\nclass SELayer(nn.Module):\n    def __init__(self, channel, reduction=4):\n"
            "        super(SELayer, self).__init__()\n        self.avg_pool = nn.AdaptiveAvgPool2d(1)\n"
            "        self.fc = nn.Sequential(nn.Linear(channel, channel // reduction, bias=False), nn.ReLU(),\n"
            "                                nn.Linear(channel // reduction, channel, bias=False), nn.Sigmoid())\n"
            "    def forward(self, x):\n        b, c, _, _ = x.size()\n        y = self.avg_pool(x).view(b, c)\n"
            "        y = self.fc(y).view(b, c, 1, 1)\n        return x * y.expand_as(x)\n\n"
            "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
            "        self.conv = nn.Conv2d(3, 16, 3, padding=1)\n        self.se = SELayer(16)\n"
            "    def forward(self, x):\n        return self.se(self.conv(x))\n")
    report = analyze_text(text, "se.py", input="32x32x3")
    assert report.ok, report.messages()
    assert [r.keyword for r in report.rows if r.kind == "layer"] == [
        "conv", "adaptiveavgpool", "squeeze", "fc", "relu", "fc", "sigmoid", "unflatten"]
    # conv (27 + 1)·16; the gate's two fc without bias 16·4 + 4·16; the output keeps 32x32x16
    assert report.totals.params == 28 * 16 + 16 * 4 + 4 * 16 and report.output.dims == (32, 32, 16)
    # a squeeze of a map larger than 1x1 is E037: PyTorch's squeeze would keep it a map
    wide = analyze_text(text.replace("nn.AdaptiveAvgPool2d(1)", "nn.AdaptiveAvgPool2d(2)"), "se.py", input="32x32x3")
    assert "E037" in [d.code for d in wide.diagnostics]


@pytest.mark.parametrize("gate", ["s[:, :, None, None]", "s[..., None, None]"])
def test_a_gate_given_its_height_and_width_by_indexing_with_none(gate: str) -> None:
    # `x * s[:, :, None, None]`: the squeeze-and-excitation gate as many files write it (timm's, EfficientNet
    # ports'), the vector given a height and a width of 1, as `s.unsqueeze(-1).unsqueeze(-1)`. It was E070.
    text = module_file("self.conv = nn.Conv2d(3, 16, 3, padding=1)\nself.fc1 = nn.Linear(16, 4)\n"
                       "self.fc2 = nn.Linear(4, 16)\nself.head = nn.Sequential(nn.Conv2d(16, 5, 1), nn.Softmax2d())",
                       f"x = self.conv(x)\ns = x.mean([2, 3])\ns = torch.sigmoid(self.fc2(F.relu(self.fc1(s))))\n"
                       f"x = x * {gate}\nreturn self.head(x)")
    report = analyze_text(text, "se.py", input="8x8x3")
    assert report.ok, report.messages()
    assert [r.keyword for r in report.rows if r.kind == "layer"] == [
        "conv", "globalavgpool", "flatten", "fc", "relu", "fc", "sigmoid", "unflatten", "conv", "softmax"]
    # conv (27 + 1)·16; fc (16 + 1)·4 and (4 + 1)·16; head (16 + 1)·5; nn.Softmax2d is the softmax over the
    # channels (it was E070)
    assert report.totals.params == 28 * 16 + 17 * 4 + 5 * 16 + 17 * 5
    assert report.output.dims == (8, 8, 5)


def test_a_layer_norm_of_a_map_normalises_its_width_in_pytorch() -> None:
    # nn.LayerNorm(8) after a convolution: PyTorch normalises the last axis of N x 8 x 14 x 14, the width,
    # and fails ("expected input with shape [*, 8]"). It was read as a norm over the channels and passed.
    # On a vector it is that: 2·8 parameters.
    text = ("import torch\nimport torch.nn as nn\n\nclass Net(nn.Module):\n    def __init__(self):\n"
            "        super().__init__()\n        self.conv = nn.Conv2d(3, 8, 3)\n        self.norm = nn.LayerNorm(8)\n"
            "    def forward(self, x):\n        return self.norm(self.conv(x))\n")
    report = analyze_text(text, "net.py", input="16x16x3")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E037"]
    pooled = "self.norm(torch.flatten(self.conv(x).mean([2, 3]), 1))"
    flat = analyze_text(text.replace("self.norm(self.conv(x))", pooled), "net.py", input="16x16x3")
    assert flat.ok and flat.totals.params == 28 * 8 + 2 * 8


def test_batchnorm1d_and_2d_take_what_pytorch_lets_them() -> None:
    # BatchNorm1d after a convolution (N x C x H x W): PyTorch refuses a 4-D input ("expected 2D or 3D
    # input"); BatchNorm2d after a flatten refuses a 2-D one. Both were read as one `bn` and passed.
    def net(norm: str, flat: bool) -> str:
        body = "torch.flatten(self.conv(x).mean([2, 3]), 1)" if flat else "self.conv(x)"
        return ("import torch\nimport torch.nn as nn\n\nclass Net(nn.Module):\n    def __init__(self):\n"
                f"        super().__init__()\n        self.conv = nn.Conv2d(3, 8, 3)\n        self.bn = nn.{norm}(8)\n"
                f"    def forward(self, x):\n        return self.bn({body})\n")
    errors = {(norm, flat): [d.code for d in analyze_text(net(norm, flat), "n.py", input="16x16x3").diagnostics
                             if d.severity == "error"]
              for norm in ("BatchNorm1d", "BatchNorm2d") for flat in (False, True)}
    assert errors == {("BatchNorm1d", False): ["E037"], ("BatchNorm1d", True): [],
                      ("BatchNorm2d", False): [], ("BatchNorm2d", True): ["E034"]}


def test_an_espcn_upsamples_by_pixel_shuffle() -> None:
    # ESPCN (Shi et al. 2016) for 3x on one channel: conv 5x5 -> 64, conv 3x3 -> 32, conv 3x3 -> 3² = 9,
    # then PixelShuffle(3): 17x17x9 -> 51x51x1. PixelShuffle was E070.
    text = ("import torch.nn as nn\n\nclass ESPCN(nn.Module):\n    def __init__(self, r=3):\n"
            "        super().__init__()\n"
            "        self.body = nn.Sequential(nn.Conv2d(1, 64, 5, padding=2), nn.Tanh(),\n"
            "                                  nn.Conv2d(64, 32, 3, padding=1), nn.Tanh(),\n"
            "                                  nn.Conv2d(32, r * r, 3, padding=1), nn.PixelShuffle(r))\n"
            "    def forward(self, x):\n        return self.body(x)\n")
    report = analyze_text(text, "espcn.py", input="17x17x1")
    assert report.ok and report.output.dims == (51, 51, 1)
    assert report.totals.params == (25 + 1) * 64 + (64 * 9 + 1) * 32 + (32 * 9 + 1) * 9


@pytest.mark.parametrize("unshuffle", ["self.down(x)", "F.pixel_unshuffle(x, 2)",
                                       "F.pixel_unshuffle(x, downscale_factor=2)"])
def test_a_space_to_depth_stem_reads_as_pixelunshuffle(unshuffle: str) -> None:
    # Real-ESRGAN's 2x model starts with F.pixel_unshuffle(x, 2) (space to depth) before its first conv: 64x48x3
    # -> 32x24x12, then conv 3x3 to 16: (12·9 + 1)·16 = 1,744 parameters; PixelUnshuffle was E070.
    text = module_file("self.down = nn.PixelUnshuffle(2)\nself.conv = nn.Conv2d(12, 16, 3, padding=1)",
                       f"x = {unshuffle}\nreturn self.conv(x)")
    report = read_py(text, input="64x48x3")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows] == ["pixelunshuffle 2", "conv 16 3x3 pad 1 inputs 12"]
    assert report.output.dims == (32, 24, 16) and report.totals.params == (12 * 9 + 1) * 16
    # a height PyTorch would refuse (63 is odd) is E038 at the unshuffle
    odd = read_py(text, input="63x48x3")
    assert [d.code for d in odd.diagnostics if d.severity == "error"] == ["E038"]


# A model file written as torchvision's newer ones are (my own small model): usage logging imported
# from `..utils`, a weights class, the legacy `pretrained=` keyword, `_ovewrite_named_param`.
TORCHVISION_STYLE = """\
from typing import Any, Optional
import torch
import torch.nn as nn
from ..utils import _log_api_usage_once
from ._api import register_model, Weights, WeightsEnum
from ._utils import _ovewrite_named_param, handle_legacy_interface

class Small(nn.Module):
    def __init__(self, num_classes: int = 1000, groups: int = 1) -> None:
        super().__init__()
        _log_api_usage_once(self)
        self.conv = nn.Conv2d(8, 16, 3, padding=1, groups=groups)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(16, num_classes)

    def forward(self, x):
        return self.fc(torch.flatten(self.pool(self.conv(x)), 1))

class Small_Weights(WeightsEnum):
    IMAGENET1K_V1 = Weights(url="https://example.invalid/small.pth", transforms=None, meta={"num_params": 17304})
    DEFAULT = IMAGENET1K_V1

@register_model()
@handle_legacy_interface(weights=("pretrained", Small_Weights.IMAGENET1K_V1))
def small(*, weights: Optional[Small_Weights] = None, progress: bool = True, **kwargs: Any) -> Small:
    weights = Small_Weights.verify(weights)
    if weights is not None:
        _ovewrite_named_param(kwargs, "num_classes", 1000)
    _ovewrite_named_param(kwargs, "groups", 4)
    model = Small(**kwargs)
    if weights is not None:
        model.load_state_dict(weights.get_state_dict(progress=progress))
    return model
"""


@pytest.mark.parametrize("call, params, macs", [
    # conv 16 3x3 in 4 groups of 2 channels: 16·2·9 + 16 = 304; fc 16·1000 + 1000 = 17,000.
    # MACs on 8x8: 8·8·16·2·9 = 18,432, and 16·1000 = 16,000
    ("small()", 304 + 17_000, 18_432 + 16_000),
    ("small(weights=None)", 304 + 17_000, 18_432 + 16_000),
    ("small(pretrained=False, num_classes=10)", 304 + 170, 18_432 + 160),  # the legacy keyword
])
def test_a_torchvision_style_model_file_is_read_through_its_factory(call: str, params: int, macs: int) -> None:
    report = read_py(TORCHVISION_STYLE + f"\nmodel = {call}\n", input="8x8x8")
    assert report.ok, report.messages()
    assert (report.totals.params, report.totals.macs) == (params, macs)


@pytest.mark.parametrize("call, words, hint", [
    ("small(pretrained=True)", "pretrained weights (`pretrained=True`)", "docs/notations.md"),
    ("small(weights=Small_Weights.DEFAULT)", "pretrained weights (`Small_Weights.DEFAULT`)", "docs/notations.md"),
    # the model's own code refuses, as torchvision's `_ovewrite_named_param` does in PyTorch
    ("small(groups=2)", "raises ValueError: the parameter 'groups' expected value 4 but got 2 instead",
     "PyTorch stops here too"),
])
def test_what_a_torchvision_style_file_cannot_give_is_said(call: str, words: str, hint: str) -> None:
    report = read_py(TORCHVISION_STYLE + f"\nmodel = {call}\n", input="8x8x8")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.code == "E070" and words in error.message and hint in (error.hint or "")
    assert report.totals.params is None


def test_a_raise_in_the_models_code_is_its_own_refusal_with_its_message() -> None:
    text = ("import torch.nn as nn\n"
            "class Block(nn.Module):\n"
            "    def __init__(self, groups=1):\n"
            "        super().__init__()\n"
            "        if groups != 1:\n"
            "            raise ValueError(f'Block only supports groups=1, not {groups}')\n"
            "        self.conv = nn.Conv2d(3, 3, 3)\n"
            "    def forward(self, x):\n"
            "        return self.conv(x)\n"
            "model = Block(groups=2)\n")
    [error] = [d for d in read_py(text, input="8x8x3").diagnostics if d.severity == "error"]
    assert error.message == "the model's own code raises ValueError: Block only supports groups=1, not 2"
    assert (error.line, error.column) == (6, 13)


def test_a_subclass_runs_its_bases_init_through_super() -> None:
    text = ("import torch.nn as nn\n"
            "class Base(nn.Module):\n"
            "    def __init__(self, c):\n"
            "        super().__init__()\n"
            "        self.conv = nn.Conv2d(c, c, 3)\n"
            "class Child(Base):\n"
            "    def __init__(self):\n"
            "        super(Child, self).__init__(16)\n"
            "        self.relu = nn.ReLU()\n"
            "    def forward(self, x):\n"
            "        return self.relu(self.conv(x))\n"
            "class Grandchild(Child):\n"
            "    pass\n"
            "model = Grandchild()\n")
    report = read_py(text, input="32x32x16")
    assert report.ok, report.messages()
    assert report.totals.params == 16 * 16 * 9 + 16 and report.output.dims == (30, 30, 16)


def test_tensors_of_constants_are_computed_in_float32_as_pytorch_does() -> None:
    # 0.1 * 3 is 0.30000000000000004 in Python; PyTorch multiplies in float32: 0.3 is 0.30000001192092896
    # there, and 15 times it, 4.5000001788..., rounds to the float32 4.5 (its neighbours are 4.5 ± 4.8e-7),
    # which torch.round takes to the even 4. In doubles it would be round(4.500000000000001) = 5.
    text = ("import torch\nfrom torch import nn\n"
            "w = torch.round(torch.arange(16) * (0.1 * 3)).int().tolist()\n"
            "model = nn.Sequential(nn.Conv2d(3, w[15], 1))\n")
    report = read_py(text, input="8x8x3")
    assert report.ok, report.messages()
    assert report.output.dims == (8, 8, 4) and report.totals.params == (3 + 1) * 4


def test_a_tensor_of_constants_too_long_or_mixed_with_the_network_is_said() -> None:
    from cnncalc import limits
    head = "import torch\nfrom torch import nn\n"
    text = head + f"model = nn.Conv2d(3, torch.arange({limits.MAX_NODES + 1}).tolist()[8], 1)\n"
    [error] = [d for d in read_py(text, input="8x8x3").diagnostics if d.severity == "error"]
    assert error.code == "E070" and "torch.arange" in error.message
    text = head + "model = nn.Conv2d(3, (torch.arange(3) * torch.arange(4)).tolist()[0], 1)\n"
    [error] = [d for d in read_py(text, input="8x8x3").diagnostics if d.severity == "error"]
    assert error.code == "E070" and "tensors of 3 and 4 values" in error.message


@pytest.mark.torch
def test_tensors_of_constants_agree_with_pytorch_on_random_arithmetic() -> None:
    import math
    import random

    from cnncalc.readers import torch_values as tv
    from tests.test_pytorch_export import _torch
    torch = _torch()
    rng = random.Random(20261130)
    for _ in range(400):
        n = rng.randint(1, 30)
        a, b = rng.choice([0.1 * 3, 27.89, 2.09, 0.35, 1.5, 7, 3]), rng.randint(1, 400)
        ours = tv.elementwise(lambda x, y: x + y, tv.elementwise(lambda x, y: x * y, tv.arange(n), a), b)
        theirs = torch.arange(n) * a + b
        base, q = rng.choice([1.9, 2.09, 2.5, 2.88]), rng.choice([4, 8, 16])
        ours = tv.FUNCTIONS["round"](tv.elementwise(lambda x, y: x / y, tv.FUNCTIONS["log"](
            tv.elementwise(lambda x, y: x / y, ours, b, True)), math.log(base), True))
        theirs = torch.round(torch.log(theirs / b) / math.log(base))
        ours = tv.METHODS["int"](tv.elementwise(lambda x, y: x * y, tv.FUNCTIONS["round"](tv.FUNCTIONS["divide"](
            tv.elementwise(lambda x, y: x * y, b, tv.FUNCTIONS["pow"](base, ours)), q)), q))
        theirs = (torch.round(torch.divide(b * torch.pow(base, theirs), q)) * q).int()
        assert tv.METHODS["tolist"](ours) == theirs.tolist(), (n, a, b, base, q)


@pytest.mark.torch
def test_linspace_agrees_with_pytorch() -> None:
    # drop-path rates: `[x.item() for x in torch.linspace(0, rate, n)]`, float32 by PyTorch's formula (its vectorised
    # kernel may round the last bit otherwise, which no size depends on)
    import random

    from cnncalc.readers import torch_values as tv
    from tests.test_pytorch_export import _torch
    torch = _torch()
    rng = random.Random(20261203)
    cases = [(0, 0.1, 12), (0, 0.2, 1), (0.0, 1.0, 2), (-3, 5, 7), (1, 0, 5), (0, 0.5, 0)] + \
        [(rng.uniform(-5, 5), rng.uniform(-5, 5), rng.randint(0, 64)) for _ in range(300)]
    for start, end, steps in cases:
        ours = tv.linspace(start, end, steps)
        theirs = torch.linspace(start, end, steps).tolist()
        assert ours.floating and len(ours.items) == len(theirs), (start, end, steps)
        assert all(abs(a - b) <= 1e-6 * max(1.0, abs(b)) for a, b in zip(ours.items, theirs)), (start, end, steps)
    assert [tv.METHODS["item"](v) for v in (tv.Values([x], True) for x in tv.linspace(0, 0.1, 4).items)] == \
        [x.item() for x in torch.linspace(0, 0.1, 4)]  # (as these few are, value for value)
    with pytest.raises(ValueError):
        tv.linspace(0, 1, -1)
    with pytest.raises(ValueError):
        tv.METHODS["item"](tv.linspace(0, 1, 2))


def test_the_last_definition_of_a_method_is_the_one_run_and_inference_needs_no_gradients() -> None:
    # DenseNet's layer declares `forward` twice as `@torch.jit._overload_method` stubs before the real
    # one, and checkpoints its bottleneck only when an input requires gradients (never in inference)
    text = ("import torch\nimport torch.nn as nn\n"
            "class Base(nn.Module):\n"
            "    expansion = 2\n"
            "class Layer(Base):\n"
            "    def __init__(self, c):\n"
            "        super().__init__()\n"
            "        self.conv = nn.Conv2d(c, c * self.expansion, 3, padding=1)\n"
            "    @torch.jit._overload_method\n"
            "    def forward(self, x):\n"
            "        pass\n"
            "    def forward(self, x):\n"
            "        if x.requires_grad:\n"
            "            return self.checkpointed(x)\n"
            "        return self.conv(x)\n"
            "model = Layer(4)\n")
    report = read_py(text, input="8x8x4")
    assert report.ok, report.messages()
    # conv 8 3x3 on 4 channels (expansion 2, inherited from Base): 8·4·9 + 8
    assert report.totals.params == 8 * 4 * 9 + 8 and report.output.dims == (8, 8, 8)


def test_a_note_kept_on_a_layer_is_passed_over_but_changing_its_arguments_is_not() -> None:
    # Inception v3 keeps `self.fc.stddev = 0.001` for its weight initialisation
    report = read_py(module_file("self.conv = nn.Conv2d(3, 8, 3)\nself.conv.stddev = 0.01", "return self.conv(x)"),
                     input="17x17x3")
    assert report.ok, report.messages()
    assert report.output.dims == (15, 15, 8) and report.totals.params == 8 * 3 * 9 + 8
    # a stride set afterwards would change the output: not passed over
    report = read_py(module_file("self.conv = nn.Conv2d(3, 8, 3)\nself.conv.stride = (2, 2)", "return self.conv(x)"),
                     input="17x17x3")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.code == "E070" and "self.conv.stride" in error.message and report.output is None


def test_plain_values_methods_are_pythons_and_bounded() -> None:
    head = "import torch.nn as nn\n"
    # arch.startswith, kwargs.pop with a default, a dict comprehension and a generator with a condition
    text = head + ("arch = 'tiny_v2'\nkw = {'width': 8, 'depth': 2}\n"
                   "w = kw.pop('width', 4) * (2 if arch.startswith('tiny') else 1)\n"
                   "sizes = {k: v for k, v in [('a', 1), ('b', 2)] if v > 1}\n"
                   "model = nn.Conv2d(3, w + sum(v for v in sizes.values() if v) + kw.get('x', 0), 1)\n")
    report = read_py(text, input="8x8x3")
    assert report.ok, report.messages()
    assert report.output.dims == (8, 8, 16 + 2)  # 8·2 + 2
    # 1,000 characters with 1,000 put at each of the 1,001 places: 1,002,000 > 250,000, refused before made
    text = head + "model = nn.Conv2d(3, len(('x' * 1000).replace('', 'x' * 1000)), 1)\n"
    [error] = [d for d in read_py(text, input="8x8x3").diagnostics if d.severity == "error"]
    assert error.code == "E070" and "a string too long to follow" in error.message


_CHANNELS_LAST = ("import torch\nfrom torch import nn\n"
                  "class Block(nn.Module):\n"
                  "    def __init__(self, dim=8):\n"
                  "        super().__init__()\n"
                  "        self.norm = nn.LayerNorm(dim)\n"
                  "        self.fc = nn.Linear(dim, 2 * dim)\n"
                  "        self.gamma = nn.Parameter(torch.ones(2 * dim, 1, 1) * 1e-6)\n"
                  "    def forward(self, x):\n"
                  "        y = self.fc(self.norm(x.permute(0, 2, 3, 1)))\n"
                  "        return self.gamma * y.permute(0, 3, 1, 2)\n"
                  "model = Block()\n")


def test_a_channels_last_view_makes_linear_a_1x1_convolution_and_a_parameter_a_scale() -> None:
    report = read_py(_CHANNELS_LAST, input="5x5x8")
    assert report.ok, report.messages()
    # LayerNorm over the 8 channels at each position: 2·8; Linear 8 -> 16 at each of the 5·5 positions:
    # 8·16 + 16 weights and 5·5·8·16 MACs; the (16, 1, 1) scale: 16 weights, no MACs
    assert [r.keyword for r in report.rows] == ["layernorm", "conv", "scale"]
    assert report.totals.params == 2 * 8 + (8 * 16 + 16) + 16
    assert report.totals.macs == 5 * 5 * 8 * 16 and report.output.dims == (5, 5, 16)


def _layer_scale(channels: int, view: str) -> str:
    """A 3x3 convolution 8 -> 16 scaled by a learnt tensor of `channels` values, viewed as `view` says."""
    return ("import torch\nfrom torch import nn\n"
            "class Block(nn.Module):\n"
            "    def __init__(self):\n"
            "        super().__init__()\n"
            "        self.conv = nn.Conv2d(8, 16, 3, padding=1)\n"
            f"        self.gamma = nn.Parameter(torch.ones({channels}) * 1e-6)\n"
            "    def forward(self, x):\n"
            f"        return self.conv(x) * {view}\n"
            "model = Block()\n")


@pytest.mark.parametrize("view", ["self.gamma.view(1, -1, 1, 1)", "self.gamma.reshape(-1, 1, 1)",
                                  "self.gamma.view(1, 16, 1, 1)", "self.gamma.reshape((16, 1, 1))"])
def test_a_parameter_per_channel_viewed_for_a_map_is_a_scale(view: str) -> None:
    # timm's LayerScale2d, `x * gamma.view(1, -1, 1, 1)` (was E070 "the call"): the (16,) learnt tensor broadcast
    # over the map as `gamma[:, None, None]` is. The convolution 8 -> 16 3x3: 3·3·8·16 + 16 = 1,168; the scale 16.
    report = read_py(_layer_scale(16, view), input="5x5x8")
    assert report.ok, report.messages()
    assert [r.keyword for r in report.rows] == ["conv", "scale"]
    assert report.totals.params == 3 * 3 * 8 * 16 + 16 + 16 and report.output.dims == (5, 5, 16)


@pytest.mark.parametrize("channels, view, expected", [
    # 8 learnt values on the 16-channel map: E017 at the product (line 9, column 16)
    (8, "self.gamma.view(1, -1, 1, 1)",
     ("E017", 9, 16, "scale: written for 8 input channels but receives 16 (5x5x16)")),
    # viewed along the height, or as 8 channels: no scale per channel, E070 at the view (column 31)
    (16, "self.gamma.view(1, 1, -1, 1)", ("E070", 9, 31, "not supported: the call `self.gamma.view(1, 1, -1, 1)`")),
    (16, "self.gamma.view(1, 8, 1, 1)", ("E070", 9, 31, "not supported: the call `self.gamma.view(1, 8, 1, 1)`")),
])
def test_a_parameter_viewed_otherwise_is_reported(channels: int, view: str, expected: tuple) -> None:
    report = read_py(_layer_scale(channels, view), input="5x5x8")
    assert [(d.code, *report.source.line_col(d.span.start), d.message) for d in report.diagnostics
            if d.severity == "error"] == [expected]


@pytest.mark.parametrize("old, new, words", [
    ("x.permute(0, 2, 3, 1)", "x.permute(0, 3, 2, 1)", "a permute to (0, 3, 2, 1)"),
    ("self.fc = nn.Linear(dim, 2 * dim)", "self.fc = nn.Conv2d(dim, 2 * dim, 1)", "nn.Conv2d on a channels-last view"),
    ("torch.ones(2 * dim, 1, 1)", "torch.ones(2 * dim)", "a learnt tensor of shape (C, 1, 1)"),
    ("return self.gamma * y.permute(0, 3, 1, 2)", "return self.gamma * (self.gamma * y.permute(0, 3, 1, 2))",
     "a learnt tensor used before"),
])
def test_what_a_channels_last_view_cannot_follow_is_said(old: str, new: str, words: str) -> None:
    assert old in _CHANNELS_LAST
    report = read_py(_CHANNELS_LAST.replace(old, new), input="5x5x8")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.code == "E070" and words in error.message and report.totals.params is None


def test_a_tensor_of_constants_per_channel_is_no_weight() -> None:
    # not wrapped in nn.Parameter, the (16, 1, 1) factor is a constant, as PyTorch counts it: the map scaled, its shape
    # kept, no parameters (the layer norm's 2·8 and the Linear's 8·16 + 16 alone)
    report = read_py(_CHANNELS_LAST.replace("nn.Parameter(torch.ones(2 * dim, 1, 1) * 1e-6)",
                                            "torch.ones(2 * dim, 1, 1) * 1e-6"), input="5x5x8")
    assert report.ok and report.totals.params == 2 * 8 + (8 * 16 + 16), report.messages()
    assert report.output is not None and report.output.dims == (5, 5, 16)


def test_a_dataclass_runs_its_post_init_after_filling_its_fields() -> None:
    text = ("from dataclasses import dataclass\nimport torch.nn as nn\n"
            "@dataclass\nclass Cfg:\n    cin: int\n    cout: int = 4\n"
            "    def __post_init__(self):\n        self.cout = self.cout * 2\n"
            "cfg = Cfg(3)\nmodel = nn.Conv2d(cfg.cin, cfg.cout, 1)\n")
    report = read_py(text, input="8x8x3")
    assert report.ok, report.messages()
    assert report.output.dims == (8, 8, 8) and report.totals.params == 3 * 8 + 8  # cout 4·2 = 8


def test_the_model_built_in_the_main_block_is_read_and_halves_and_shuffles_are_followed() -> None:
    report = analyze(FIXTURES / "split_shuffle.py", input="4x4x3")
    assert report.ok, report.messages()
    # stem 3x3 3 -> 24 (648); per unit on 12 channels: 1x1 (144) + bn (24) + depthwise 3x3 (108) + bn (24);
    # linear 24 -> 10 (250). MACs on 4x4: stem 16·648, per unit 16·(144 + 108), linear 240
    assert report.totals.params == 648 + 2 * (144 + 24 + 108 + 24) + 250
    assert report.totals.macs == 16 * 648 + 2 * 16 * (144 + 108) + 240
    keywords = [r.op for r in report.rows if r.kind == "layer"]
    assert keywords.count("part 1 of 2") == keywords.count("part 2 of 2") == keywords.count("shuffle 2") == 2


def test_a_split_that_is_not_a_half_is_said() -> None:
    text = (FIXTURES / "split_shuffle.py").read_text().replace("Split(0.5)", "Split(0.3)")
    [error] = [d for d in read_py(text, input="4x4x3").diagnostics if d.severity == "error"]
    assert error.code == "E070" and "arithmetic on a tensor's size" in error.message


@pytest.mark.parametrize("split", ["torch.split(x, x.shape[1] // 2, dim=1)", "x.split(x.size(1) // 2, 1)",
                                   "torch.split(x, x.size(1) // 2, 1)"])
def test_a_split_into_halves_by_the_tensors_own_size_is_two_parts(split: str) -> None:
    # `a, b = torch.split(x, x.shape[1] // 2, dim=1)` (GhostNet-style halves): the size is half the channels, 16 / 2
    # = 8 each. The reader took the size record (dim 1, per 2) for the list [1, 2] and sliced 1 and 2 channels: the
    # concat below had 3 channels where PyTorch has 16, without a word.
    text = module_file("self.conv = nn.Conv2d(3, 16, 3, padding=1)", f"x = self.conv(x)\na, b = {split}\n"
                       "return torch.cat([b, a, b], 1)")
    report = read_py(text, input="8x8x3")
    assert report.ok, report.messages()
    assert report.output.dims == (8, 8, 3 * 16 // 2) and report.totals.params == (27 + 1) * 16
    assert {r.op for r in report.rows if r.kind == "layer"} >= {"part 1 of 2", "part 2 of 2"}
    # a size that is no whole share of the channels, or a tensor's other size, is E070, never a guess
    for other in ("torch.split(x, x.shape[2] // 2, dim=1)", "torch.split(x, x.shape[1], dim=1)"):
        odd = read_py(text.replace(split, other), input="8x8x3")
        assert [d.code for d in odd.diagnostics if d.severity == "error"] == ["E070"], other


@pytest.mark.parametrize("sizes", ["b, c = x.shape[:2]", "b, c = x.size()[:2]", "b, c = x.shape[0:2]"])
def test_the_batch_and_channels_taken_as_the_shapes_first_two_sizes(sizes: str) -> None:
    # `b, c = x.shape[:2]` then a squeeze-and-excitation gate viewed `(b, c)` and `(b, c, 1, 1)`: the slice of the
    # shape was E070 ("the expression `:2`"). conv (27 + 1)·16 = 448, fc (16 + 1)·16 = 272; the map keeps 8x8x16.
    text = module_file("self.conv = nn.Conv2d(3, 16, 3, padding=1)\nself.fc = nn.Linear(16, 16)",
                       f"x = self.conv(x)\n{sizes}\ns = F.adaptive_avg_pool2d(x, 1).view(b, c)\n"
                       "return x * torch.sigmoid(self.fc(s)).view(b, c, 1, 1)")
    report = read_py(text, input="8x8x3")
    assert report.ok, report.messages()
    assert report.output.dims == (8, 8, 16) and report.totals.params == 448 + 272
    # three sizes from it are the batch, the channels and the height: not followed where a layer needs them
    odd = read_py(text.replace(sizes, "b, c, h = x.shape[:3]"), input="8x8x3")
    assert [d.code for d in odd.diagnostics if d.severity == "error"] == ["E070"]


@pytest.mark.parametrize("resize", ["F.interpolate(x, size=(h * 2, w * 2))",
                                    "F.interpolate(x, size=(2 * h, 2 * w), mode='bilinear', align_corners=False)",
                                    "F.interpolate(x, size=[x.size(2) * 2, x.size(3) * 2], mode='nearest')"])
def test_an_interpolation_to_twice_the_maps_own_size_is_an_upsampling_by_two(resize: str) -> None:
    # `h, w = x.size()[2:]` then `F.interpolate(x, size=(h * 2, w * 2))`: the size and the samples of
    # `scale_factor=2` (it was E070, arithmetic on a tensor's size). conv (27 + 1)·8 = 224; 5x7 becomes 10x14.
    text = module_file("self.conv = nn.Conv2d(3, 8, 3, padding=1)",
                       f"x = self.conv(x)\nh, w = x.size()[2:]\nreturn {resize}")
    report = read_py(text, input="5x7x3")
    assert report.ok, report.messages()
    assert report.output.dims == (10, 14, 8) and report.totals.params == 224
    assert report.rows[-1].keyword == "upsample" and report.rows[-1].op.startswith("upsample 2")
    # another map's size times 2, or the height and width times different factors: E070, never a guess
    for other in ("F.interpolate(x, size=(h * 2, w * 3))", "F.interpolate(x[:, :4], size=(h * 2, w * 2))"):
        odd = read_py(text.replace(f"return {resize}", f"return {other}"), input="5x7x3")
        assert [d.code for d in odd.diagnostics if d.severity == "error"] == ["E070"], other


@pytest.mark.parametrize("pool", ["x.view(b, c, -1).mean(-1)", "x.reshape(b, c, -1).mean(dim=2)",
                                  "x.flatten(2).mean(-1)", "torch.flatten(x, 2).mean(2)"])
def test_a_mean_over_the_positions_viewed_on_one_axis_is_a_global_pool(pool: str) -> None:
    # `x.view(b, c, -1).mean(-1)`: each channel's mean over its positions, a global average pool's C values (it was
    # E070: a view to three axes). conv (27 + 1)·16 = 448, fc (16 + 1)·10 = 170; the output is the fc's 10.
    text = module_file("self.conv = nn.Conv2d(3, 16, 3, padding=1)\nself.fc = nn.Linear(16, 10)",
                       f"x = self.conv(x)\nb, c = x.shape[:2]\nreturn self.fc({pool})")
    report = read_py(text, input="8x7x3")
    assert report.ok, report.messages()
    assert [r.keyword for r in report.rows if r.kind == "layer"] == ["conv", "globalavgpool", "flatten", "fc"]
    assert report.output.dims == (10,) and report.totals.params == 448 + 170
    # a view whose second size is not the map's own channels mixes them (PyTorch reads it row by row), the mean
    # keeping its axis is (N, C, 1), and the view alone three axes: each E070, never read as the pool
    for other in ("x.view(b, 8, -1).mean(-1)", "x.view(b, c, -1).mean(-1, keepdim=True)", "x.view(b, c, -1)"):
        odd = read_py(text.replace(pool, other), input="8x7x3")
        assert [d.code for d in odd.diagnostics if d.severity == "error"] == ["E070"], other


def test_a_class_that_needs_arguments_names_how_the_file_builds_it() -> None:
    text = ("import torch\nimport torch.nn as nn\n"
            "class Net(nn.Module):\n"
            "    def __init__(self, width):\n"
            "        super().__init__()\n"
            "        self.conv = nn.Conv2d(3, width, 3)\n"
            "    def forward(self, x):\n"
            "        return self.conv(x)\n"
            "def test():\n"
            "    width = 16\n"
            "    net = Net(width)\n"
            "    print(net(torch.randn(1, 3, 8, 8)).shape)\n")
    [error] = [d for d in read_py(text, input="8x8x3").diagnostics if d.severity == "error"]
    assert error.message == ("not supported: class Net needs `width`: build the model at the end of the file, "
                             "e.g. `model = Net(width)`, as the file's own code builds it")
    assert (error.line, error.column) == (3, 1)
    # built from constants, the file's own call is read: (3·3·3 + 1)·16 = 448 parameters
    report = read_py(text.replace("    width = 16\n    net = Net(width)\n", "    net = Net(16)\n"), input="8x8x3")
    assert report.ok and report.totals.params == 448 and [d.code for d in report.diagnostics] == ["N072"]


FACTORIES = ("import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"
             "class Net(nn.Module):\n"
             "    def __init__(self, width, classes=10):\n"
             "        super().__init__()\n"
             "        self.conv = nn.Conv2d(3, width, 3, padding=1)\n"
             "        self.fc = nn.Linear(width * 8 * 8, classes)\n"
             "    def forward(self, x):\n"
             "        return self.fc(torch.flatten(F.max_pool2d(F.relu(self.conv(x)), 2), 1))\n"
             "def helper(n):\n"
             "    return Net(n)\n"
             "def net_small():\n"
             "    return Net(4)\n"
             "def net_wide(classes=100):\n"
             "    return Net(16, classes)\n"
             "def test():\n"
             "    net = net_wide()\n"
             "    print(net(torch.randn(1, 3, 16, 16)).shape)\n")


def test_a_file_whose_functions_build_its_model_is_read_as_the_first_without_arguments() -> None:
    # The CIFAR model files' `def ResNet18(): return ResNet(BasicBlock, [2, 2, 2, 2])` and no `model = …`: it was
    # E070 ("class Net needs `width`"). net_small() on 16x16x3: conv (3·3·3 + 1)·4 = 112, the pool 8x8x4, the FC
    # (8·8·4 + 1)·10 = 2,570; 2,682 in all. `helper(n)` needs an argument; `test()` returns nothing.
    report = read_py(FACTORIES, input="16x16x3")
    assert report.ok, report.messages()
    assert report.network == "net_small" and report.totals.params == 112 + 2570 and report.output.dims == (10,)
    [note] = [d for d in report.diagnostics if d.code == "N072"]
    assert (note.line, note.column) == (13, 1) and "`model = net_small()`" in note.message
    assert note.hint == "`--model net_wide` reads another (or add `model = …` at the end of the file)"
    # a model built at the end of the file is read as before, without the note: net_wide() is (3·3·3 + 1)·16 = 448
    # and (8·8·16 + 1)·100 = 102,500
    built = read_py(FACTORIES + "model = net_wide()\n", input="16x16x3")
    assert built.totals.params == 448 + 102_500 and "N072" not in codes_of(built)


@pytest.mark.torch
def test_a_file_whose_functions_build_its_model_against_pytorch(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    path = tmp_path / "factories.py"
    path.write_text(FACTORIES)
    namespace: dict[str, Any] = {}
    exec(compile(FACTORIES, str(path), "exec"), namespace)
    model = namespace["net_small"]()
    expected = sum(p.numel() for p in model.parameters())
    output = tuple(model(torch.zeros(1, 3, 16, 16)).shape[1:])
    report = analyze(path, input="16x16x3")
    assert (report.totals.params, report.output.dims) == (expected, output)
    for chosen in ("net_wide", "Net(8, classes=5)", "helper(2)"):  # each chosen with `--model`, and built by PyTorch
        model = eval(chosen if "(" in chosen else chosen + "()", namespace)
        expected = sum(p.numel() for p in model.parameters())
        output = tuple(model(torch.zeros(1, 3, 16, 16)).shape[1:])
        report = analyze(path, input="16x16x3", model=chosen)
        assert (report.totals.params, report.output.dims) == (expected, output)


@pytest.mark.parametrize("chosen, title, params, classes", [
    # net_wide(): conv (3·3·3 + 1)·16 = 448, the FC (8·8·16 + 1)·100 = 102,500
    ("net_wide", "net_wide", 448 + 102_500, 100),
    ("net_wide()", "net_wide()", 448 + 102_500, 100),
    # a call with the file's names: conv (3·3·3 + 1)·8 = 224, the FC (8·8·8 + 1)·5 = 2,565
    ("Net(8, classes=5)", "Net(8, classes=5)", 224 + 2565, 5),
    # a function that needs an argument, given it: conv (3·3·3 + 1)·2 = 56, the FC (8·8·2 + 1)·10 = 1,290
    ("helper(2)", "helper(2)", 56 + 1290, 10),
    # a value the file builds at top level, beside the `model = …` it would read: Net(2) again
    ("other", "other", 56 + 1290, 10),
    # a part of it, by its attribute: Net(2)'s FC alone, (8·8·2 + 1)·10 on the flat 128 values `--input 128` gives
    ("other.fc", "other.fc", 1290, 10),
])
def test_model_chooses_which_model_of_the_file_is_read(chosen: str, title: str, params: int, classes: int) -> None:
    text = FACTORIES + "other = Net(2)\nmodel = net_small()\n"
    report = read_py(text, input="128" if chosen.endswith(".fc") else "16x16x3", model=chosen)
    assert report.ok, report.messages()
    assert (report.network, report.totals.params, report.output.dims) == (title, params, (classes,))
    assert "N072" not in codes_of(report)
    # without it, the file's own `model = net_small()`: (3·3·3 + 1)·4 = 112 and (8·8·4 + 1)·10 = 2,570
    assert read_py(text, input="16x16x3").totals.params == 112 + 2570


@pytest.mark.parametrize("chosen, message, hint", [
    ("Net", "`--model Net`: class `Net` needs `width`", "give it: `--model \"Net(...)\"`"),
    ("helper", "`--model helper`: function `helper` needs `n`", "give it: `--model \"helper(...)\"`"),
    ("ResNet50()", "`--model ResNet50()`: the file defines no `ResNet50`",
     "the file defines Net, net_small, net_wide, test"),
    ("WIDTH", "`--model WIDTH`: it gives 4, not a module", "the file defines Net, net_small, net_wide, test"),
])
def test_a_model_the_file_does_not_give_is_e075_naming_those_it_does(chosen: str, message: str, hint: str) -> None:
    report = read_py(FACTORIES + "WIDTH = 4\n", input="16x16x3", model=chosen)
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.code, error.message, error.hint, error.line, error.column) == ("E075", message, hint, 1, 1)
    assert report.totals.params is None and report.output is None  # nothing read: no totals, not 0


def test_an_error_in_the_chosen_model_points_into_the_files_code() -> None:
    report = read_py(FACTORIES, input="16x16x3", model="Net(0)")
    errors = [(d.code, d.line, d.message) for d in report.diagnostics if d.severity == "error"]
    assert errors[0] == ("E013", 7, "conv: the out channels: it must be at least 1, got 0")


def test_model_on_a_file_of_another_notation_is_w075_and_the_file_is_read_whole() -> None:
    report = analyze_text("input 8x8x3\nconv 4 3x3\n", "net.spec", model="ResNet50")
    [warning] = report.diagnostics
    assert (warning.code, warning.line, warning.column) == ("W075", 1, 1)
    assert warning.message == "`--model ResNet50` is not used: a spec file is read whole"
    assert report.totals.params == (3 * 3 * 3 + 1) * 4


@pytest.mark.parametrize("given", ["x +", "net_small(", "1 + net_small()", "[Net(2)]", 3, "a" * 501])
def test_model_that_is_no_name_nor_call_is_refused_before_reading(given: Any) -> None:
    with pytest.raises(ValueError, match="expected a class or function of the file, or a call of one"):
        read_py(FACTORIES, input="16x16x3", model=given)


def test_model_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "factories.py"
    path.write_text(FACTORIES)
    runner = CliRunner()
    chosen = runner.invoke(cli, ["summary", str(path), "--model", "Net(8, classes=5)", "--input", "16x16x3",
                                 "--format", "json"])
    assert chosen.exit_code == 0, chosen.output
    assert '"params": 2789' in chosen.output  # (3·3·3 + 1)·8 + (8·8·8 + 1)·5, as above
    for command in (["check"], ["solve"], ["verify"], ["convert"]):
        result = runner.invoke(cli, [*command, str(path), "--model", "net_wide", "--input", "16x16x3"])
        assert result.exit_code == 0, (command, result.output)
    converted = runner.invoke(cli, ["convert", str(path), "--model", "net_wide", "--input", "16x16x3"]).output
    assert analyze_text(converted, "net_wide.spec").totals.params == 448 + 102_500
    bad = runner.invoke(cli, ["summary", str(path), "--model", "x +"])
    assert bad.exit_code == 2
    assert "Invalid value for '--model': 'x +' is not a model; write a class or function of the file" in bad.output
    long = runner.invoke(cli, ["summary", str(path), "--model", "a" * 501])
    assert long.exit_code == 2 and "is longer than 500 characters" in long.output
    missing = runner.invoke(cli, ["check", str(path), "--model", "ResNet50", "--input", "16x16x3"])
    assert missing.exit_code == 1 and "error[E075]" in missing.output
    spec = tmp_path / "net.spec"
    spec.write_text("input 8x8x3\nconv 4 3x3\n")
    unused = runner.invoke(cli, ["convert", str(spec), "--model", "ResNet50"])
    assert unused.exit_code == 0
    assert "cnncalc: `--model ResNet50` is not used: a spec file is read whole" in unused.output


def test_layer_norms_written_by_hand_are_layernorm_layers() -> None:
    # tests/fixtures/notations/layer_norms.py on 32x32x3. The stem: conv 4·4·3·16 + 16 = 784 and a norm written out
    # step by step, its weight and bias 16 each (32). A unit of width w: depthwise 5·5·w + w, `F.layer_norm` with
    # the module's own 2w, Linear(w, 3w) = 3w² + 3w, Linear(3w, w) = 3w² + w, a layer scale of w: 2,064 for 16,
    # 7,200 for 32. Two units of 16, then SpreadNorm(16) (32) and conv 2·2·16·32 + 32 = 2,080, a unit of 32, then
    # nn.LayerNorm(32) = 64 and Linear(32, 10) = 330.
    def unit(w: int) -> int:
        return 5 * 5 * w + w + 2 * w + 3 * w * w + 3 * w + 3 * w * w + w + w

    assert (unit(16), unit(32)) == (2064, 7200)
    report = analyze(FIXTURES / "layer_norms.py", input="32x32x3")
    assert report.ok, report.messages()
    assert report.totals.params == 784 + 32 + 2 * unit(16) + 32 + 2080 + unit(32) + 64 + 330 == 14_650
    assert report.output.dims == (10,)
    norms = [r.op for r in report.rows if r.op.startswith("layernorm")]
    assert norms[:2] == ["layernorm eps 1e-06 inputs 16"] * 2  # the stem's, written out; the first unit's, F.layer_norm
    assert next(r.op for r in report.rows if r.op.startswith("scale")) == "scale nobias inputs 16"  # the layer scale


def test_an_average_pool_with_divisor_override_is_read() -> None:
    # nn.AvgPool2d(3, stride=2, padding=1, divisor_override=9) on 8x8x4: (8 - 3 + 2·1)/2 + 1 = 4.5, floored to 4;
    # the divisor changes the values only (each window's sum over 9), so count_include_pad is not written
    text = ("import torch.nn as nn\n\nmodel = nn.Sequential(\n"
            "    nn.AvgPool2d(3, stride=2, padding=1, count_include_pad=False, divisor_override=9),\n)\n")
    report = read_py(text, input="8x8x4")
    assert [r.op for r in report.rows] == ["avgpool 3x3 stride 2 pad 1 divisor 9"]
    assert report.output is not None and report.output.dims == (4, 4, 4)
    zero = text.replace("divisor_override=9", "divisor_override=0")
    [e] = [d for d in read_py(zero, input="8x8x4").diagnostics if d.severity == "error"]  # PyTorch refuses 0 too
    assert (e.code, e.line, e.column) == ("E013", *place_of(zero, "nn.AvgPool2d")), e.message
    assert "divisor" in e.message, e.message


def test_layer_norms_over_the_whole_map_learn_a_gamma_and_a_beta_per_value() -> None:
    # tests/fixtures/notations/volume_norms.py on 32x32x3: conv (4·4·3 + 1)·16 = 784 to 16x16x16; conv
    # (4·4·16 + 1)·32 = 8,224 to 8x8x32; nn.LayerNorm([32, 8, 8]): a gamma and a beta per value, 2·32·8·8 = 4,096;
    # conv (4·4·32 + 1)·64 = 32,832 to 4x4x64; nn.LayerNorm((64, 4, 4), elementwise_affine=False): 0;
    # nn.LayerNorm([64, 4, 4], bias=False): its gamma, 64·4·4 = 1,024; Linear(64·4·4, 1): 1,024 + 1 = 1,025.
    report = analyze(FIXTURES / "volume_norms.py", input="32x32x3")
    assert report.ok, report.messages()
    assert report.totals.params == 784 + 8_224 + 4_096 + 32_832 + 0 + 1_024 + 1_025 == 47_985
    assert [r.op for r in report.rows if r.keyword == "layernorm"] == [
        "layernorm inputs 32 volume size 8x8", "layernorm eps 1e-06 noaffine inputs 64 volume size 4x4",
        "layernorm noshift inputs 64 volume size 4x4"]
    # written for another map than it gets: PyTorch fails there (E017, at the module), its C, H or W alike
    text = (FIXTURES / "volume_norms.py").read_text()
    for wrong in ("nn.LayerNorm([2 * width, 4, 8])", "nn.LayerNorm([width, 8, 8])"):
        report = read_py(text.replace("nn.LayerNorm([2 * width, 8, 8])", wrong), input="32x32x3")
        [e] = [d for d in report.diagnostics if d.severity == "error"]
        assert e.code == "E017" and (e.line, e.column) == place_of(text, "nn.LayerNorm([2 * width"), e.message
        assert "written for a 4x8 map but receives 8x8x32" in e.message if "4, 8" in wrong else \
            "written for 16 input channels but receives 32" in e.message
    # over the last two axes (H and W) only: not cnncalc's, E070 as before
    report = read_py(text.replace("nn.LayerNorm([2 * width, 8, 8])", "nn.LayerNorm([8, 8])"), input="32x32x3")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E070"]


@pytest.mark.parametrize("norm, message, place", [
    # a mean over the channels not followed by the rest of a layer norm (CBAM's spatial attention)
    ("u = x.mean(1, keepdim=True)\nreturn x * u",
     "not supported: `x * u`: a mean over the channels, used other than in a layer norm written out", (11, 16)),
    # the variance without its mean taken out
    ("u = x.mean(1, keepdim=True)\ns = x.pow(2).mean(1, keepdim=True)\nreturn (x - u) / torch.sqrt(s + 1e-6)",
     "not supported: the tensor method `.pow(...)`", (11, 13)),
    # the weight is a tensor of constants, not a learnt one: no parameters to count
    ("u = x.mean(1, keepdim=True)\ns = (x - u).pow(2).mean(1, keepdim=True)\ny = (x - u) / torch.sqrt(s + 1e-6)\n"
     "return torch.ones(8)[:, None, None] * y",
     "not supported: `torch.ones(8)[:, None, None] * y`: a mean over the channels, used other than in a layer norm",
     (13, 16)),
    # F.layer_norm over a channels-first map (its normalized_shape the whole map's): not the norm over the channels
    ("return F.layer_norm(x, (8, 6, 6))",
     "not supported: F.layer_norm other than over the channels of a channels-last view", (10, 16)),
    ("return F.layer_norm(x.permute(0, 2, 3, 1), (8,)).permute(0, 3, 1, 2)",
     "not supported: F.layer_norm without a learnt weight and bias of 8 values each", (10, 16)),
])
def test_a_layer_norm_written_out_otherwise_is_e070_saying_what_is_followed(norm: str, message: str,
                                                                           place: tuple[int, int]) -> None:
    report = read_py(module_file("self.conv = nn.Conv2d(3, 8, 3)", f"x = self.conv(x)\n{norm}"), input="8x8x3")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.code == "E070" and error.message.startswith(message), error.message
    assert (error.line, error.column) == place  # (the forward's lines start at 9, indented by 8)
    assert report.totals.params is None


@pytest.mark.parametrize("width, expected", [
    # compound scaling's factors: int(32 · 1.1 ** 0.5) = int(33.56…) = 33 filters, (3·3·3 + 1)·33 = 924 parameters
    ("int(32 * 1.1 ** 0.5)", 924),
    ("math.ceil(16 * 1.2 ** 1.0)", (3 * 3 * 3 + 1) * 20),  # ceil(19.2) = 20
    ("4 * 2 ** 3", (3 * 3 * 3 + 1) * 32),  # whole numbers, a small power
])
def test_powers_of_reals_scale_widths(width: str, expected: int) -> None:
    text = module_file(f"self.conv = nn.Conv2d(3, {width}, 3)", "return self.conv(x)").replace(
        "import torch\n", "import math\nimport torch\n", 1)
    report = read_py(text, input="8x8x3")
    assert report.ok, report.messages()
    assert report.totals.params == expected


@pytest.mark.parametrize("width, message", [
    ("int((-2.0) ** 0.5)", "not supported: `(-2.0) ** 0.5` (a complex number)"),
    ("2 ** 100", "not supported: a power or shift cnncalc does not follow"),  # a whole number beyond the limits
    ("int(10.0 ** 400)", "not supported: `10.0 ** 400`"),  # (overflows)
])
def test_a_power_that_is_no_width_is_e070(width: str, message: str) -> None:
    report = read_py(module_file(f"self.conv = nn.Conv2d(3, {width}, 3)", "return self.conv(x)"), input="8x8x3")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.code == "E070" and error.message.startswith(message), error.message


@pytest.mark.parametrize("view, expected", [
    # Linear(8, 48) = 8·48 + 48 = 432 parameters, its 48 values as a map: 2·3·8 = 48
    ("x.view(-1, 8, 2, 3)", "2x3x8"), ("x.view(x.size(0), -1, 2, 3)", "2x3x8"),
    ("x.reshape(x.shape[0], 8, 2, 3)", "2x3x8"), ("x.view(-1, 48, 1, 1)", "1x1x48"),
])
def test_a_vector_viewed_as_a_map_is_reshape(view: str, expected: str) -> None:
    # a generator's first map: `x.view(-1, C, H, W)` after a Linear was E070
    report = read_py(module_file("self.fc = nn.Linear(8, 48)", f"x = self.fc(torch.flatten(x, 1))\nreturn {view}"),
                     input="1x1x8")
    assert report.ok, report.messages()
    assert str(report.output) == expected and report.totals.params == 432


def test_a_view_to_a_map_of_another_size_is_e017() -> None:
    report = read_py(module_file("self.fc = nn.Linear(8, 48)", "return self.fc(torch.flatten(x, 1)).view(-1, 8, 3, 3)"),
                     input="1x1x8")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.code, error.message) == ("E017", "reshape: reshape 3x3x8 takes 72 values but receives 48 (48)")


@pytest.mark.parametrize("expression", ["(torch.tanh(x) + 1) / 2", "x * 0.5", "1 - x", "x / 255", "2.0 * x - 1", "-x",
                                        "x - F.relu(-x)"])
def test_arithmetic_with_a_constant_keeps_the_shape(expression: str) -> None:
    # conv (3·3·3 + 1)·4 = 112 on 8x8x3: 6x6x4, kept by the constants (they were E070)
    report = read_py(module_file("self.conv = nn.Conv2d(3, 4, 3)", f"x = self.conv(x)\nreturn {expression}"),
                     input="8x8x3")
    assert report.ok, report.messages()
    assert str(report.output) == "6x6x4" and report.totals.params == 112
    powered = read_py(module_file("self.conv = nn.Conv2d(3, 4, 3)", "x = self.conv(x)\nreturn x ** 2"), input="8x8x3")
    assert [d.code for d in powered.diagnostics if d.severity == "error"] == ["E070"]


@pytest.mark.parametrize("call", ["checkpoint(self.a, x, use_reentrant=False)",
                                  "torch.utils.checkpoint.checkpoint(self.a, x)",
                                  "cp.checkpoint_sequential(self.both, 2, x, use_reentrant=False)",
                                  "cp.checkpoint_sequential([self.a, self.b], 1, x)"])
def test_activation_checkpointing_is_the_call_it_recomputes(call: str) -> None:
    # checkpoint(f, x) computes f(x) (and again in the backward pass); checkpoint_sequential the modules in turn. The
    # 3x3 convs 4 -> 4: (3·3·4 + 1)·4 = 148 each; with both, 8x8x4 through two of them (was E070)
    text = "import torch.utils.checkpoint as cp\nfrom torch.utils.checkpoint import checkpoint\n" + module_file(
        "self.a = nn.Conv2d(4, 4, 3, padding=1)\nself.b = nn.Conv2d(4, 4, 3, padding=1)\n"
        "self.both = nn.Sequential(self.a, self.b)", f"x = {call}\nreturn x")
    report = read_py(text, input="8x8x4")
    assert not errors(report), report.messages()
    convs = [r for r in report.rows if r.keyword == "conv"]
    assert len(convs) == (2 if "sequential" in call else 1) and all(r.params == 148 for r in convs)
    assert str(report.output) == "8x8x4"


@pytest.mark.parametrize("mean", ["torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)",
                                  "torch.tensor([0.485, 0.456, 0.406]).reshape(-1, 1, 1)", "torch.zeros(1, 3, 1, 1)",
                                  "torch.tensor([0.5])"])
def test_an_input_normalised_by_buffers_of_constants_keeps_its_shape(mean: str) -> None:
    # `(x - self.mean) / self.std` of buffers (register_buffer: no parameters) of one value per channel or one in all:
    # the shape kept, nothing learnt, as with numbers; then conv 3 -> 8: (3·3·3 + 1)·8 = 224 (was E070)
    text = module_file(f"self.register_buffer('mean', {mean})\n"
                       "self.register_buffer('std', torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1), "
                       "persistent=False)\nself.conv = nn.Conv2d(3, 8, 3)",
                       "x = (x - self.mean) / self.std\nreturn self.conv(x)")
    report = read_py(text, input="8x8x3")
    assert report.ok and report.totals.params == 224 and str(report.output) == "6x6x8", report.messages()


@pytest.mark.parametrize("buffer, code, words", [
    ("torch.zeros(1, 3, 2, 2)", "E070", "a map combined with a tensor of constants other than one value per channel"),
    ("torch.tensor([0.1, 0.2, 0.3]).view(2, 2)", "E070", "3 constants viewed as [2, 2]"),
    # 4 values per channel on 3 channels: PyTorch's broadcast fails; cnncalc's `identity inputs 4` says so
    ("torch.zeros(1, 4, 1, 1)", "E017", "written for 4 input channels but receives 3 (8x8x3)"),
])
def test_buffers_of_other_shapes_are_reported(buffer: str, code: str, words: str) -> None:
    text = module_file(f"self.register_buffer('b', {buffer})\nself.conv = nn.Conv2d(3, 8, 3)",
                       "return self.conv(x * self.b)")
    report = read_py(text, input="8x8x3")
    assert [d.code for d in report.diagnostics] == [code] and words in report.diagnostics[0].message
    at = "x * self.b" if code == "E017" else buffer  # the product, or the view that is no buffer of one shape
    if code == "E017" or "view" in buffer:
        assert (report.diagnostics[0].line, report.diagnostics[0].column) == place_of(text, at)


def test_activations_computed_in_place_by_functions_are_those_activations() -> None:
    # F.relu_, torch.sigmoid_, F.leaky_relu_ (PyTorch's in-place forms): relu, sigmoid, leakyrelu 0.2 (were E070)
    text = module_file("self.conv = nn.Conv2d(3, 4, 1)",
                       "x = F.relu_(self.conv(x))\nx = torch.sigmoid_(x)\nreturn F.leaky_relu_(x, 0.2)")
    report = read_py(text, input="4x4x3")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows if r.keyword != "conv"] == ["relu", "sigmoid", "leakyrelu 0.2"]


LEARNT_NUMBER = "\n".join([
    "import torch", "import torch.nn as nn",
    "class Scale(nn.Module):",
    "    def __init__(self, init_value=1.0):", "        super().__init__()",
    "        self.scale = nn.Parameter(torch.FloatTensor([init_value]))",
    "    def forward(self, x):", "        return x * self.scale",
    "class DepthToSpace(nn.Module):",
    "    def __init__(self, block_size):", "        super().__init__()",
    "        self.conv = nn.Conv2d(4, 4, 1)", "        self.shuffle = nn.PixelShuffle(block_size)",
    "    def forward(self, x):", "        return self.shuffle(self.conv(x))",
    "class Net(nn.Module):",
    "    def __init__(self):", "        super().__init__()",
    "        self.conv = nn.Conv2d(3, 4, 3, padding=1)",
    "        self.scales = nn.ModuleList([Scale(1.0), Scale(2.0)])",
    "        self.alpha = nn.Parameter(torch.zeros(1))", "        self.up = DepthToSpace(2)",
    "    def forward(self, x):",
    "        x = self.conv(x)", "        x = x + self.alpha * self.scales[0](x)",
    "        return self.up(self.scales[1](x))",
    "model = Net()", ""])


@pytest.mark.parametrize("number", ["torch.FloatTensor([init_value])", "torch.tensor([init_value])",
                                    "torch.tensor(init_value)", "torch.ones(1) * init_value"])
def test_a_learnt_number_times_a_map_and_a_files_own_class_of_a_helpers_name(number: str) -> None:
    # mmdetection's (FCOS's) `Scale`: one learnt number times the map, `scale nobias one`, 1 parameter each; ReZero's
    # alpha, `x + self.alpha * f(x)`, likewise. The file's own classes named as cnncalc's helpers (`Scale`,
    # `DepthToSpace`) are read from their bodies, not as the helpers: this DepthToSpace has a conv 4 -> 4 1x1 (4·4 +
    # 4 = 20) before its PixelShuffle. conv 3 -> 4 3x3: 3·9·4 + 4 = 112; 112 + 3 + 20 = 135, PyTorch's count. The
    # Scale was E070 (read as the helper `Scale(channels)` with channels=1.0), the DepthToSpace not yet a helper.
    text = LEARNT_NUMBER.replace("torch.FloatTensor([init_value])", number)
    report = read_py(text, input="6x6x3")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows if r.keyword == "scale"] == ["scale nobias one"] * 3
    assert report.totals.params == 112 + 3 + 20
    assert report.output is not None and report.output.dims == (12, 12, 1)
    if importlib.util.find_spec("torch") is not None:
        assert parameters_in_pytorch(text) == report.totals.params


def test_gelu_approximated_by_tanh_is_its_own_form() -> None:
    # nn.GELU(approximate='tanh') and F.gelu(x, approximate='tanh'): `gelu tanh` (was E070); 'none' is the erf form;
    # another word, which PyTorch refuses when the layer runs, is E070 at the layer
    text = module_file("self.conv = nn.Conv2d(3, 4, 1)\nself.act = nn.GELU(approximate='tanh')",
                       "x = self.act(self.conv(x))\nx = F.gelu(x, approximate='tanh')\n"
                       "return F.gelu(x, approximate='none')")
    report = read_py(text, input="4x4x3")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows if r.keyword != "conv"] == ["gelu tanh", "gelu tanh", "gelu"]
    wrong = text.replace("nn.GELU(approximate='tanh')", "nn.GELU(approximate='exact')")
    report = read_py(wrong, input="4x4x3")
    assert errors(report) == [("E070", *place_of(wrong, "nn.GELU(approximate='exact')"))]
    assert "(PyTorch's are 'none' and 'tanh')" in report.diagnostics[0].message


@pytest.mark.parametrize("options, params, op", [
    ("affine=True, track_running_stats=True", 2 * 8, "batchnorm inputs 8 map"),
    ("track_running_stats=True, eps=1e-3", 0, "batchnorm eps 0.001 noaffine inputs 8 map"),
])
def test_an_instance_norm_with_running_statistics_is_a_batch_norm_in_eval_mode(options: str, params: int,
                                                                               op: str) -> None:
    # in eval mode InstanceNorm2d(track_running_stats=True) normalises by its running mean and variance, per channel,
    # as a batch norm does: its learnt scale and shift (2·8 when affine) and 2·8 statistics (was E070)
    text = module_file(f"self.conv = nn.Conv2d(3, 8, 3)\nself.norm = nn.InstanceNorm2d(8, {options})",
                       "return self.norm(self.conv(x))")
    report = read_py(text, input="8x8x3")
    assert report.ok, report.messages()
    assert (report.totals.params, report.totals.non_trainable) == ((3 * 9 + 1) * 8 + params, 2 * 8)
    assert [r.op for r in report.rows if r.keyword == "bn"] == [op]


def test_a_sync_batch_norm_is_a_batch_norm() -> None:
    # nn.SyncBatchNorm gathers its statistics over the processes in training; at inference a batch norm of its
    # channels: on conv 3->8 (3·3·3·8 + 8 = 224), 2·8 = 16 learnt and 2·8 = 16 running statistics (was E070)
    text = module_file("self.conv = nn.Conv2d(3, 8, 3)\nself.bn = nn.SyncBatchNorm(8, eps=1e-3, momentum=0.01)",
                       "return self.bn(self.conv(x))")
    report = read_py(text, input="8x8x3")
    assert report.ok, report.messages()
    assert (report.totals.params, report.totals.non_trainable) == (224 + 16, 16)
    # of a map or of a vector, as PyTorch's SyncBatchNorm takes either: after a Linear too, (16 + 1)·4 + 2·4
    vector = module_file("self.fc = nn.Linear(16, 4)\nself.bn = nn.SyncBatchNorm(4)", "return self.bn(self.fc(x))")
    report = read_py(vector, input="16")
    assert report.ok and (report.totals.params, report.totals.non_trainable) == (68 + 8, 8), report.messages()


def test_a_channel_slice_open_at_the_end_keeps_the_rest() -> None:
    # DPN's `x[:, d:, :, :]`: channels d to the last, whatever their number
    text = module_file("self.conv = nn.Conv2d(3, 24, 1)",
                       "x = self.conv(x)\nd = 16\n"
                       "return torch.cat([x[:, :d, :, :] + x[:, :d, :, :], x[:, d:, :, :]], 1)")
    report = read_py(text, input="4x4x3")
    assert report.ok, report.messages()
    assert "slice 16:" in [r.op for r in report.rows]
    assert report.output.dims == (4, 4, 16 + (24 - 16))


@pytest.mark.parametrize("pool, kept", [
    ("F.avg_pool2d(x, x.size()[2:])", "globalavgpool"), ("F.max_pool2d(x, kernel_size=x.shape[-2:])", "globalmaxpool"),
    ("F.avg_pool2d(x, x.size()[2:], stride=1)", "globalavgpool"),  # a window the map's size fits once
    ("F.avg_pool2d(x, (x.size(2), x.size(3)))", "globalavgpool"), ("F.max_pool2d(x, [x.shape[2], x.shape[-1]])",
                                                                    "globalmaxpool"),
])
def test_a_pool_whose_window_is_the_maps_own_size_is_global(pool: str, kept: str) -> None:
    report = read_py(module_file("self.conv = nn.Conv2d(3, 8, 3)", f"x = self.conv(x)\nreturn {pool}"),
                     input="9x7x3")  # not square: the window is 7x5, the whole map
    assert report.ok, report.messages()
    assert report.rows[-1].op == kept and report.output.dims == (1, 1, 8)


@pytest.mark.parametrize("pool, kept, size, out", [
    # on 26x12 (H x W): a 12x12 window at a stride of 12, (26 - 12)/12 + 1 = 2.17 rounded down (PyTorch) to 2, and 1
    ("F.avg_pool2d(x, x.size()[3])", "globalavgpool width", "26x12x3", (2, 1, 8)),
    ("F.max_pool2d(x, x.shape[-1])", "globalmaxpool width", "26x12x3", (2, 1, 8)),
    ("F.avg_pool2d(x, x.size(3), x.size(3))", "globalavgpool width", "26x12x3", (2, 1, 8)),
    # on 12x26: a 12x12 window, 1, and (26 - 12)/12 + 1 = 2.17 rounded down to 2
    ("F.avg_pool2d(x, x.size(2))", "globalavgpool height", "12x26x3", (1, 2, 8)),
    ("F.avg_pool2d(x, x.size()[3])", "globalavgpool width", "12x12x3", (1, 1, 8)),  # square: the whole map
])
def test_a_pool_whose_window_is_the_maps_width_or_height(pool: str, kept: str, size: str,
                                                        out: tuple[int, ...]) -> None:
    # the ResNet paper's CIFAR ports: `F.avg_pool2d(out, out.size()[3])` (a 1x1 convolution keeps the size)
    text = module_file("self.conv = nn.Conv2d(3, 8, 1)", f"x = self.conv(x)\nreturn {pool}")
    report = read_py(text, input=size)
    assert not [d for d in report.diagnostics if d.severity == "error"], report.messages()
    assert report.rows[-1].op == kept and report.output.dims == out
    model = built_by_pytorch(text)
    import torch
    h, w, c = (int(v) for v in size.split("x"))
    assert tuple(model(torch.zeros(1, c, h, w)).shape[1:]) == (out[2], out[0], out[1])


@pytest.mark.parametrize("pool", ["F.avg_pool2d(x, y.size(3))", "F.avg_pool2d(x, x.size(3), stride=1)",
                                  "F.avg_pool2d(x, x.size(3), padding=1)", "F.avg_pool2d(x, x.size(3), ceil_mode=True)",
                                  "F.max_pool2d(x, x.size(3), dilation=2)", "F.avg_pool2d(x, x.size(3) // 2)"])
def test_a_pool_by_a_tensors_size_cnncalc_does_not_follow_is_said(pool: str) -> None:
    text = module_file("self.conv = nn.Conv2d(3, 8, 3)", f"y = x\nx = self.conv(x)\nreturn {pool}")
    report = read_py(text, input="12x12x3")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.code == "E070" and "other than the pooled map's own width or height" in error.message
    assert "F.adaptive_avg_pool2d(x, 1)" in error.message
    assert where(report)[0] == ("E070", *place_of(text, pool))  # the caret at the call


def test_hasattr_on_a_module_of_the_file() -> None:
    # the pre-activation ResNets' `self.shortcut(out) if hasattr(self, 'shortcut') else x`: the projection only where
    # __init__ made one (stride 2: conv 8 -> 16, 1x1, 8·16 = 128 weights), the identity elsewhere; a class attribute and
    # a method are attributes too, an attribute never assigned is not (it was E070 at the hasattr)
    block = ("class Block(nn.Module):\n    expansion = 1\n"
             "    def __init__(self, cin, cout, stride):\n        super().__init__()\n"
             "        self.conv = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)\n"
             "        if stride != 1 or cin != cout:\n"
             "            self.shortcut = nn.Conv2d(cin, cout, 1, stride, bias=False)\n"
             "    def extra(self, t):\n        return t\n"
             "    def forward(self, x):\n"
             "        if hasattr(self, 'gate'):\n            x = torch.sigmoid(x)\n"
             "        if hasattr(self, 'expansion') and hasattr(self, 'extra'):\n            x = torch.tanh(x)\n"
             "        shortcut = self.shortcut(x) if hasattr(self, 'shortcut') else x\n"
             "        return F.relu(self.conv(x) + shortcut)\n")
    text = ("import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n" + block +
            "model = nn.Sequential(Block(8, 8, 1), Block(8, 16, 2))\n")
    report = read_py(text, input="8x8x8")
    assert report.ok, report.messages()
    # 3·3·8·8 = 576; 3·3·8·16 = 1,152 and the shortcut's 128
    assert report.totals.params == 576 + 1_152 + 128 and report.output.dims == (4, 4, 16)
    assert [r.op for r in report.rows if r.keyword == "conv"] == [
        "conv 8 3x3 pad 1 nobias inputs 8", "conv 16 3x3 stride 2 pad 1 nobias inputs 8",
        "conv 16 1x1 stride 2 nobias inputs 8"]
    assert [r.keyword for r in report.rows].count("tanh") == 2 and "sigmoid" not in [r.keyword for r in report.rows]
    model = built_by_pytorch(text)
    import torch
    assert sum(p.numel() for p in model.parameters()) == report.totals.params
    assert tuple(model(torch.zeros(1, 8, 8, 8)).shape) == (1, 16, 4, 4)
    bad = read_py(text.replace("hasattr(self, 'shortcut')", "hasattr(x, 'shortcut')"), input="8x8x8")
    [error] = [d for d in bad.diagnostics if d.severity == "error"]
    assert error.code == "E070" and "hasattr(x, 'shortcut')" in error.message


def test_modules_built_and_never_called_are_named() -> None:
    # an EfficientNet-style block builds its expansion conv and norm and skips them at ratio 1: PyTorch's
    # parameters() counts 3·3 + 2·3 = 15 more than the forward computes (3·3·3·8 + 8 = 224), which W076 says
    text = module_file("self.expand = nn.Conv2d(3, 3, 1, bias=False)\nself.bn = nn.BatchNorm2d(3)\n"
                       "self.conv = nn.Conv2d(3, 8, 3)\nself.ratio = 1",
                       "if self.ratio != 1:\n    x = self.bn(self.expand(x))\nreturn self.conv(x)")
    report = read_py(text, input="8x8x3")
    assert report.ok and report.totals.params == 224
    [warning] = [d for d in report.diagnostics if d.code == "W076"]
    assert warning.message == "2 modules with parameters built but never called by the forward: `expand`, `bn`"
    assert ("W076", *place_of(text, "nn.Conv2d(3, 3, 1")) in where(report)  # at the first one's construction
    assert "model.parameters()" in (warning.hint or "")
    used = text.replace("self.ratio = 1", "self.ratio = 6")
    report = read_py(used, input="8x8x3")
    assert report.ok and report.totals.params == 224 + 15 and "W076" not in [d.code for d in report.diagnostics]
    # modules in a plain list are not registered: PyTorch counts none of theirs, and neither does the warning
    listed = used.replace("self.ratio = 6", "self.ratio = 6\n        self.spare = [nn.Conv2d(3, 3, 1)]")
    assert "W076" not in [d.code for d in read_py(listed, input="8x8x3").diagnostics]
    assert [parameters_in_pytorch(source) for source in (text, used, listed)] == [224 + 15] * 3


def test_children_in_a_forward_and_getattr_of_torch_nn_and_a_softmax_over_the_last_axis() -> None:
    # `for m in self.children(): x = m(x)` in a forward runs the modules in the order __init__ made them (it gave an
    # empty network: 0 parameters); `getattr(nn, "ReLU")()` is nn.ReLU(); `F.log_softmax(x, dim=-1)` on a vector is
    # over its 10 values (dim=-1 was E070). conv (3·3·3 + 1)·8 = 224, conv (3·3·8 + 1)·4 = 292, fc 4·12·12·10 + 10
    text = ("import torch.nn as nn\nimport torch.nn.functional as F\nclass M(nn.Module):\n"
            "    def __init__(self):\n        super().__init__()\n        self.conv1 = nn.Conv2d(3, 8, 3)\n"
            "        self.act = getattr(nn, 'ReLU')()\n        self.conv2 = nn.Conv2d(8, 4, 3)\n"
            "        self.fc = nn.Linear(4 * 12 * 12, 10)\n"
            "    def forward(self, x):\n        for name, m in self.named_children():\n"
            "            if name != 'fc':\n                x = m(x)\n"
            "        return F.log_softmax(self.fc(x.flatten(1)), dim=-1)\nmodel = M()\n")
    report = read_py(text, input="16x16x3")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows][-1] == "logsoftmax lastaxis"
    assert [r.keyword for r in report.rows][:3] == ["conv", "relu", "conv"]
    assert report.totals.params == 224 + 292 + 5_770 and report.output.dims == (10,)
    # over a map's last axis PyTorch normalises its width: E037
    on_map = text.replace("self.fc(x.flatten(1))", "x")
    r = read_py(on_map, input="16x16x3")
    assert [(code, line, column) for code, line, column in where(r) if code.startswith("E")] == [
        ("E037", *place_of(on_map, "F.log_softmax"))]
    assert "over the last axis (PyTorch's dim=-1) but gets the map 12x12x4, whose last axis in PyTorch is the width" \
        in next(d.message for d in r.diagnostics if d.code == "E037")
    model = built_by_pytorch(text)
    import torch
    assert sum(p.numel() for p in model.parameters()) == report.totals.params
    assert tuple(model(torch.zeros(1, 3, 16, 16)).shape) == (1, 10)


@pytest.mark.parametrize("clipped, kept", [
    ("x.clamp(min=0)", "relu"), ("x.clamp(0, 6)", "relu6"), ("torch.clamp(x, 0, 6)", "relu6"),
    ("x.clip(0, 6)", "relu6"), ("x.clamp_(0, 6)", "relu6"), ("F.hardtanh(x, 0., 6.)", "relu6"),
    ("nn.Hardtanh(0, 6)(x)", "relu6"),
    ("x.clamp(-1, 1)", "hardtanh"), ("F.hardtanh(x)", "hardtanh"), ("nn.Hardtanh()(x)", "hardtanh"),
    ("torch.clamp(x, min=-0.5, max=2)", "hardtanh low -0.5 high 2"),
    ("nn.Hardtanh(0.1, 6)(x)", "hardtanh low 0.1 high 6"),
    ("F.hardtanh(x, -3, 0)", "hardtanh low -3 high 0"),
])
def test_a_clamp_is_relu_relu6_or_hardtanh(clipped: str, kept: str) -> None:
    # clipping to [0, ∞) is a ReLU, to [0, 6] a ReLU6 (MobileNet's, written as a clamp); to other bounds `hardtanh`:
    # PyTorch's Hardtanh clips to [-1, 1] unless told, `clamp(a, b)` to [a, b] (all were E070)
    report = read_py(module_file("self.conv = nn.Conv2d(3, 4, 1)", f"x = self.conv(x)\nreturn {clipped}"),
                     input="4x4x3")
    assert report.ok, report.messages()
    assert report.rows[-1].op == kept and report.output.dims == (4, 4, 4)


@pytest.mark.parametrize("clipped", ["x.clamp(max=6)", "x.clamp(min=0.5)", "torch.clamp(x, None, 1)"])
def test_a_clamp_to_one_bound_other_than_min_zero_is_said(clipped: str) -> None:
    report = read_py(module_file("self.conv = nn.Conv2d(3, 4, 1)", f"x = self.conv(x)\nreturn {clipped}"),
                     input="4x4x3")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.code == "E070" and "cnncalc clips to [0, ∞) as relu, and between two bounds as hardtanh" in \
        error.message
    assert where(report) == [("E070", *place_of(report.source.text, clipped))]


def test_norms_without_their_affine_part() -> None:
    # GroupNorm(affine=False) and LayerNorm(elementwise_affine=False) learn nothing; LayerNorm(bias=False) its gamma
    # only. conv (3·3·3 + 1)·8 = 224, fc 288·4 + 4 = 1,156, then 0, 0 and 4: 1,384 (each was E070)
    text = ("import torch.nn as nn\nmodel = nn.Sequential(nn.Conv2d(3, 8, 3), nn.GroupNorm(2, 8, affine=False), "
            "nn.Flatten(), nn.Linear(288, 4), nn.LayerNorm(4, elementwise_affine=False),\n"
            "                      nn.LayerNorm(4, bias=False))\n")
    report = read_py(text, input="8x8x3")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows if "norm" in r.op] == [
        "groupnorm 2 noaffine inputs 8", "layernorm noaffine inputs 4 lastaxis", "layernorm noshift inputs 4 lastaxis"]
    assert report.totals.params == 224 + 1_156 + 4
    assert parameters_in_pytorch(text) == report.totals.params


def test_a_pool_whose_window_is_another_maps_size_is_said() -> None:
    text = module_file("self.conv = nn.Conv2d(3, 8, 3)", "y = self.conv(x)\nreturn F.avg_pool2d(y, x.size()[2:])")
    [error] = [d for d in read_py(text, input="9x7x3").diagnostics if d.severity == "error"]
    assert error.code == "E070" and "other than the pooled map's own" in error.message


def test_whole_numbers_in_a_tensor_of_constants_are_bounded() -> None:
    from cnncalc import limits
    # squared in a loop, 5 becomes 5^(2^k) after k turns: refused once past the limit, not grown on
    text = ("import torch\nfrom torch import nn\n"
            "def widths():\n"
            "    v = torch.arange(4) + 2\n"
            "    for _ in range(64):\n"
            "        v = v * v\n"
            "    return v.tolist()\n"
            "model = nn.Conv2d(3, widths()[1], 1)\n")
    [error] = [d for d in read_py(text, input="8x8x3").diagnostics if d.severity == "error"]
    assert error.code == "E070" and f"beyond ±{limits.MAX_INT:,}" in error.message
    assert (error.line, error.column) == (6, 13)


def test_bilinear_upsampling_with_aligned_corners_is_read() -> None:
    # U-Nets' nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True) was E070; it is `aligned`:
    # the sizes of bilinear (2·H x 2·W), its values interpolated at i·(n - 1)/(m - 1) (checked against
    # PyTorch in tests/test_torch.py). With nearest, PyTorch refuses align_corners, and so does cnncalc.
    report = analyze_text(module_file(
        "self.up = nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True)",
        "x = self.up(x)\nreturn F.interpolate(x, size=(5, 7), mode='bilinear', align_corners=True)"),
        "m.py", input="6x4x3")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows] == ["upsample 2 aligned", "resize 5x7 aligned"]
    assert [r.output.dims for r in report.rows] == [(12, 8, 3), (5, 7, 3)]
    nearest = analyze_text(module_file("self.up = nn.Upsample(scale_factor=2, align_corners=True)",
                                       "return self.up(x)"), "m.py", input="6x4x3")
    assert [d.code for d in nearest.diagnostics if d.severity == "error"] == ["E070"]


def test_a_unet_pads_the_upsampled_map_to_the_skips_size() -> None:
    # milesial/Pytorch-UNet's Up.forward(x1, x2): a module called with two tensors, and x1 padded by the
    # difference of the maps' sizes before torch.cat. Both were E070. On 9x9: inc 9x9x8; down (stride 2,
    # pad 1) (9 - 3 + 2)/2 + 1 = 5; upsample 10x10; diff 9 - 10 = -1: F.pad crops one row and one
    # column, at the top and left ((-1) // 2 = -1, -1 - (-1) = 0); the concat 9x9x16.
    up = ("class Up(nn.Module):\n"
          "    def __init__(self):\n"
          "        super().__init__()\n"
          "        self.up = nn.Upsample(scale_factor=2)\n"
          "        self.conv = nn.Conv2d(16, 8, 3, padding=1)\n"
          "    def forward(self, x1, x2):\n"
          "        x1 = self.up(x1)\n"
          "        diffY = x2.size()[2] - x1.size()[2]\n"
          "        diffX = x2.size()[3] - x1.size()[3]\n"
          "        x1 = F.pad(x1, [diffX // 2, diffX - diffX // 2, diffY // 2, diffY - diffY // 2])\n"
          "        return self.conv(torch.cat([x2, x1], dim=1))\n")
    text = module_file("self.inc = nn.Conv2d(3, 8, 3, padding=1)\nself.down = nn.Conv2d(8, 8, 3, stride=2, padding=1)"
                       "\nself.up = Up()", "a = self.inc(x)\nreturn self.up(self.down(a), a)")
    text = text.replace("class M(nn.Module):", up + "class M(nn.Module):")
    report = analyze_text(text, "m.py", input="9x9x3")
    assert report.ok, report.messages()
    assert [r.output.dims for r in report.rows if r.keyword in ("upsample", "fit", "concat")] == \
        [(9, 9, 16), (9, 9, 8), (10, 10, 8), (9, 9, 8), (9, 9, 16)]
    assert report.totals.params == (27 + 1) * 8 + (72 + 1) * 8 + (144 + 1) * 8
    assert report.output is not None and report.output.dims == (9, 9, 8)
    # a pad by the difference of other maps than the one padded, or other arithmetic on it: E070, said so
    for wrong, said in (("x1 = F.pad(x2, [diffX // 2, diffX - diffX // 2, diffY // 2, diffY - diffY // 2])", "F.pad"),
                        ("x1 = F.pad(x1, [diffX, 0, diffY, 0])", "F.pad"),
                        ("x1 = F.pad(x1, [diffX * 2, 0, 0, 0])", "difference of two maps")):
        fitted = "x1 = F.pad(x1, [diffX // 2, diffX - diffX // 2, diffY // 2, diffY - diffY // 2])"
        bad = analyze_text(text.replace(fitted, wrong), "m.py", input="9x9x3")
        [e] = [d for d in bad.diagnostics if d.severity == "error"]
        assert e.code == "E070" and said in e.message, e.message


def test_interpolate_to_another_maps_size_is_a_resample() -> None:
    # torchvision's segmentation heads: `F.interpolate(x, size=input_shape, mode="bilinear", align_corners=False)`
    # with `input_shape = x.shape[-2:]` taken before the backbone; U-Nets' `size=skip.shape[2:]`, `skip.size()[2:]`,
    # `(h, w)` unpacked from `skip.shape`. On 9x7: conv 3x3 stride 2 pad 1 gives 5x4 ((9 - 3 + 2)/2 + 1, (7 - 3 +
    # 2)/2 + 1), a 2x2 conv with pad 1 6x5, resampled back to 9x7; (27 + 1)·4 + (16 + 1)·2 = 146 parameters.
    # Returned in a dict, as torchvision's models return `result["out"]`.
    body = ("input_shape = x.shape[-2:]\ny = self.head(self.down(x))\n{resize}\n"
            "result = OrderedDict()\nresult['out'] = y\nreturn result")
    init = "self.down = nn.Conv2d(3, 4, 3, stride=2, padding=1)\nself.head = nn.Conv2d(4, 2, 2, padding=1)"
    for resize, mode in (("y = F.interpolate(y, size=input_shape, mode='bilinear', align_corners=False)", "bilinear"),
                         ("y = F.interpolate(y, size=x.shape[2:], mode='bilinear', align_corners=True)", "aligned"),
                         ("y = F.interpolate(y, x.size()[2:])", None),
                         ("_, _, h, w = x.shape\ny = nn.functional.interpolate(y, size=(h, w), mode='nearest')", None)):
        text = "from collections import OrderedDict\n" + module_file(init, body.format(resize=resize))
        report = analyze_text(text, "m.py", input="9x7x3")
        assert report.ok, (resize, report.messages())
        assert report.output is not None and report.output.dims == (9, 7, 2), resize
        assert report.totals.params == (27 + 1) * 4 + (16 + 1) * 2
        assert [r.op for r in report.rows if r.kind == "resample"] == \
            [f"resample{'' if mode is None else ' ' + mode} of 2"], resize
    # a size of two different maps, or not a height and width, is not followed: E070
    for resize, said in (("y = F.interpolate(y, size=(x.shape[2], y.shape[3]))", "size="),
                         ("y = F.interpolate(y, size=x.shape[1:3])", "the expression `1:3`"),
                         ("y = F.interpolate(y, size=input_shape, mode='bicubic')", "mode='bicubic'")):
        text = "from collections import OrderedDict\n" + module_file(init, body.format(resize=resize))
        [e] = [d for d in analyze_text(text, "m.py", input="9x7x3").diagnostics if d.severity == "error"]
        line = text.splitlines().index(next(t for t in text.splitlines() if "F.interpolate" in t)) + 1
        assert e.code == "E070" and e.line == line and said in e.message, (resize, e.message)


def test_a_slice_to_another_maps_size_from_an_offset_is_a_fit_at() -> None:
    # FCN's PyTorch ports crop the upsampled scores back to the input as Caffe's Crop does:
    # `y[:, :, 19:19 + x.size(2), 19:19 + x.size(3)]`, also with `h, w = x.size()[2:]` or `x.shape[2]`, or from 0.
    # On 9x7: conv 3x3 pad 10 gives 9 + 20 - 2 = 27 by 25, 4 maps; cropped to 9x7 from row 3, column 2 (27 >= 9 + 3,
    # 25 >= 7 + 2); (27 + 1)·4 = 112 parameters.
    init = "self.conv = nn.Conv2d(3, 4, 3, padding=10)"
    for crop, op in (("y = y[:, :, 3:3 + x.size(2), 2:2 + x.size(3)]", "fit at 3x2 of 2"),
                     ("h, w = x.size()[2:]\ny = y[:, :, 3:3 + h, 3:3 + w]", "fit at 3x3 of 2"),
                     ("y = y[:, :, 1:x.shape[2] + 1, 0:x.shape[3]]", "fit at 1x0 of 2"),
                     ("y = y[:, :, :x.size(2), :x.size(3)]", "fit at 0x0 of 2")):
        report = analyze_text(module_file(init, f"y = self.conv(x)\n{crop}\nreturn y"), "m.py", input="9x7x3")
        assert report.ok, (crop, report.messages())
        assert report.output.dims == (9, 7, 4) and report.totals.params == 112, crop
        assert [r.op for r in report.rows if r.kind == "fit"] == [op], crop
    # an end that is not the same offset plus the size, or the height of one map and the width of another: E070
    for crop, said in (("y = y[:, :, 3:4 + x.size(2), 2:2 + x.size(3)]", "crops to another map's size `x[:, :, t:t "),
                       ("y = y[:, :, 3:3 + x.size(2), 2:2 + y.size(3)]", "a crop to the height of one map and the "
                                                                          "width of another")):
        text = module_file(init, f"y = self.conv(x)\n{crop}\nreturn y")
        [e] = [d for d in analyze_text(text, "m.py", input="9x7x3").diagnostics if d.severity == "error"]
        line = text.splitlines().index(next(t for t in text.splitlines() if crop.strip() in t)) + 1
        assert (e.code, e.line, e.column) == ("E070", line, text.splitlines()[line - 1].index("y[") + 1), crop
        assert said in e.message, e.message


def test_torchvisions_centre_crop_to_another_maps_size_is_a_fit() -> None:
    # U-Net with unpadded convolutions (as the paper draws it) crops the skip to the upsampled map with
    # `torchvision.transforms.CenterCrop([H, W])(skip)`, H and W unpacked from the map's shape; a fixed size
    # (`TF.center_crop(d, [8, 8])`) is the spec's `centercrop 8x8`. On 64x64: 62, 60 (the skip); pooled 30, then
    # 28, 26; the 2x2/2 transposed convolution 52; the skip cropped from 60 to 52; 50, 48. PyTorch with
    # torchvision gives 48x48x2 and 8x8x8, 6,434 parameters: (9 + 1)·8 + (72 + 1)·8 + (72 + 1)·16 + (144 + 1)·16
    # + 4·16·8 + 8 + (144 + 1)·8 + (72 + 1)·8 + (8 + 1)·2.
    text = ("import torch\nimport torch.nn as nn\nimport torchvision\nimport torchvision.transforms.functional as TF\n"
            "def block(i, o):\n    return nn.Sequential(nn.Conv2d(i, o, 3), nn.ReLU(), nn.Conv2d(o, o, 3))\n"
            "class UNet(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
            "        self.enc1, self.pool, self.enc2 = block(1, 8), nn.MaxPool2d(2), block(8, 16)\n"
            "        self.up, self.dec, self.head = nn.ConvTranspose2d(16, 8, 2, 2), block(16, 8), nn.Conv2d(8, 2, 1)\n"
            "    def crop(self, enc_ftrs, x):\n        _, _, H, W = x.shape\n"
            "        return torchvision.transforms.CenterCrop([H, W])(enc_ftrs)\n"
            "    def forward(self, x):\n        e1 = self.enc1(x)\n        u = self.up(self.enc2(self.pool(e1)))\n"
            "        d = self.dec(torch.cat([u, self.crop(e1, u)], dim=1))\n"
            "        return self.head(d), TF.center_crop(d, [8, 8])\n"
            "model = UNet()\nmodel(torch.zeros(1, 1, 64, 64))\n")
    report = analyze_text(text, "unet.py")
    assert report.ok, report.messages()
    assert [(r.op, r.output.dims) for r in report.rows if r.kind == "fit"] == [("fit of 2", (52, 52, 8))]
    assert report.output.dims == (48, 48, 2) and [o.shape.dims for o in report.outputs][1:] == [(8, 8, 8)]
    assert report.totals.params == 10 * 8 + 73 * 8 + 73 * 16 + 145 * 16 + 4 * 16 * 8 + 8 + 145 * 8 + 73 * 8 + 9 * 2 \
        == 6_434
    assert "centercrop 8" in [r.op for r in report.rows if r.kind == "layer"]  # (a square one written once)


def test_an_fcn_port_crops_each_skip_to_the_upsampled_scores() -> None:
    # On 64x64: 64 + 200 - 2 = 262, pooled with ceil_mode to 131, 66, 33 (pool3), 17 (pool4), 9, then a 7x7
    # convolution: 3; upscore2 (3 - 1)·2 + 4 = 8, pool4's scores cropped from 5 (17 >= 8 + 5); (8 - 1)·2 + 4 = 18,
    # pool3's cropped from 9 (33 >= 18 + 9); (18 - 1)·8 + 16 = 152, cropped from 31 to the input's 64x64.
    report = analyze(FIXTURES / "fcn_crop.py", input="64x64x3")
    assert report.ok, report.messages()
    assert [(r.op, r.output.dims) for r in report.rows if r.kind == "fit"] == [
        ("fit at 5x5 of 2", (8, 8, 5)), ("fit at 9x9 of 2", (18, 18, 5)), ("fit at 31x31 of 2", (64, 64, 5))]
    assert report.output.dims == (64, 64, 5)
    # the padding of 100 is why every input size works, down to 1: 199, pooled to 100, 50, 25 (pool3), 13 (pool4),
    # 7, then 1; upscore2 4, 13 >= 4 + 5; 10, 25 >= 10 + 9; (10 - 1)·8 + 16 = 88 >= 1 + 31. `solve` finds no
    # smaller bound (the crops' conditions hold at every size).
    from click.testing import CliRunner

    from cnncalc.cli import cli
    from tests.test_solve import solved
    spec = CliRunner().invoke(cli, ["convert", str(FIXTURES / "fcn_crop.py"), "--input", "64x64x3"]).output
    _, h, w = solved(spec.replace("input 64x64x3", "input 40x40x3"))
    assert (h.modulus, h.residues, h.smallest) == (w.modulus, w.residues, w.smallest) == (1, (0,), 1)
    # padded by 10 instead, no size works: pool5 is at most (H + 18 + 31)/32, and the last crop needs
    # upscore8's 32·(pool5 - 6) + 56 rows >= H + 31, that is 32·pool5 >= H + 167. On 512 the walker says so at the
    # last crop: 530 pooled to 265, 133, 67, 34, 17, then 11; 24, 50, (50 - 1)·8 + 16 = 408 < 512 + 31
    padded_10 = spec.replace("pad 100", "pad 10")
    _, h, _ = solved(padded_10.replace("input 64x64x3", "input 40x40x3"))
    assert h.none
    errors = [d for d in analyze_text(padded_10.replace("input 64x64x3", "input 512x512x3"), "fcn.spec").diagnostics
              if d.severity == "error"]
    assert [e.code for e in errors] == ["E036"] and "(rows: 408 < 512 + 31; columns: 408 < 512 + 31)" in \
        errors[0].message


def test_a_class_from_another_file_of_the_users_is_named_with_its_file() -> None:
    # milesial/Pytorch-UNet's unet_model.py builds its parts from `from .unet_parts import *`; cnncalc reads
    # one file, and said only "the call `DoubleConv(...)`". Now it says where the class is and what to do.
    for line, source in (("from .unet_parts import *", ".unet_parts"), ("from blocks import Block", "blocks")):
        text = "import torch.nn as nn\n" + line + "\n" + module_file("self.b = Block(3, 8)", "return self.b(x)")
        [e] = [d for d in analyze_text(text, "m.py", input="8x8x3").diagnostics if d.severity == "error"]
        assert e.code == "E070" and f"comes from `{source}`" in e.message and "Block" in e.message, e.message


EXAMPLE_BASE = "import torch\nimport torch.nn as nn\nmodel = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU())\n"


@pytest.mark.parametrize("code, dims", [
    # the model run on a tensor made with whole numbers, (N, C, H, W): one image of C x H x W
    ("x = torch.randn(1, 3, 64, 48)\ny = model(x)\n", (64, 48, 3)),
    ("out = model(torch.zeros(4, 3, 64, 48))\n", (64, 48, 3)),
    ("with torch.no_grad():\n    out = model.forward(torch.rand((2, 3, 64, 48)).to('cuda'))\n", (64, 48, 3)),
    ("img = torch.rand(3, 64, 48)\nprint(model(img.unsqueeze(0)).shape)\n", (64, 48, 3)),  # a batch of one made
    ("from torch.autograd import Variable\nmodel(Variable(torch.randn(1, 3, 64, 48)))\n", (64, 48, 3)),
    ("x = torch.randint(0, 256, (1, 3, 64, 48)).float()\nmodel(x)\n", (64, 48, 3)),
    # names bound in the `__main__` block, the model placed on a device
    ("if __name__ == '__main__':\n    h, w = 64, 48\n    net = model.to('cuda')\n"
     "    dummy = torch.randn(1, 3, h, w, requires_grad=True)\n    torch.onnx.export(net, dummy, 'm.onnx')\n",
     (64, 48, 3)),
    # torchsummary's input_size is (C, H, W), without the batch (its README: `summary(model, (1, 28, 28))`)
    ("from torchsummary import summary\nsummary(model, (3, 64, 48))\n", (64, 48, 3)),
    ("from torchsummary import summary\nsummary(model.cuda(), input_size=[(3, 64, 48)], device='cuda')\n",
     (64, 48, 3)),
    # torchinfo's holds the batch (`summary(model, input_size=(batch_size, 1, 28, 28))`) unless batch_dim is given
    ("from torchinfo import summary\nsummary(model, input_size=(16, 3, 64, 48))\n", (64, 48, 3)),
    ("import torchinfo\ntorchinfo.summary(model, (3, 64, 48), batch_dim=0)\n", (64, 48, 3)),
    ("from torchinfo import summary\nsummary(model, input_data=torch.randn(1, 3, 64, 48))\n", (64, 48, 3)),
    # ptflops' input_res and torchstat's input_size are (C, H, W); thop and fvcore take the tensors
    ("from ptflops import get_model_complexity_info\nget_model_complexity_info(model, (3, 64, 48))\n",
     (64, 48, 3)),
    ("from torchstat import stat\nstat(model, (3, 64, 48))\n", (64, 48, 3)),
    ("from thop import profile\ninp = torch.randn(1, 3, 64, 48)\nmacs, params = profile(model, inputs=(inp,))\n",
     (64, 48, 3)),
    ("from fvcore.nn import FlopCountAnalysis\nx = torch.randn(1, 3, 64, 48)\ninputs = (x,)\n"
     "print(FlopCountAnalysis(model, inputs).total())\n", (64, 48, 3)),
    ("traced = torch.jit.trace(model.eval(), torch.ones(1, 3, 64, 48))\n", (64, 48, 3)),
    # names bound again to what they held, placed on a device
    ("model = model.to('cuda')\nx = torch.randn(1, 3, 64, 48)\nx = x.to('cuda')\nmodel(x)\n", (64, 48, 3)),
    ("def check():\n    net = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU())\n    net = net.eval()\n"
     "    net(torch.randn(1, 3, 64, 48))\n", (64, 48, 3)),
    # sizes unpacked from a tuple, and a batch's size the code does not fix (one image counted whatever it is)
    ("input_shape = (3, 64, 48)\nmodel(torch.randn(1, *input_shape))\n", (64, 48, 3)),
    ("def run(args):\n    x = torch.randn(args.batch_size, 3, 64, 48)\n    model(x)\n", (64, 48, 3)),
    ("from torchinfo import summary\ndef main(batch):\n    summary(model, input_size=(batch, 3, 64, 48))\n",
     (64, 48, 3)),
    # in a function of the file that builds the same model
    ("def check():\n    net = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU())\n    net(torch.randn(2, 3, 64, 48))\n",
     (64, 48, 3)),
])
def test_the_input_is_read_from_the_tensor_the_file_runs_its_model_on_or_hands_a_tool(
        code: str, dims: tuple[int, ...]) -> None:
    # They were all E072 ("does not give the input's size"). A 3x3 convolution to 8 maps: the output is
    # (H - 2) x (W - 2) x 8 and the MACs (H - 2)·(W - 2)·8·3·3·3
    report = read_py(EXAMPLE_BASE + code)
    assert report.ok, report.messages()
    h, w, c = dims
    assert report.input.dims == dims and report.output.dims == (h - 2, w - 2, 8)
    assert report.totals.macs == (h - 2) * (w - 2) * 8 * 3 * 3 * 3
    [note] = [d for d in report.diagnostics if d.code == "N074"]
    assert note.message.startswith(f"the input {h}x{w}x{c} is read from `")


def test_an_input_read_from_the_code_says_where_and_yields_to_the_command_line() -> None:
    report = read_py(EXAMPLE_BASE + "x = torch.randn(8, 3, 32, 32)\n\nlogits = model(x)\n")
    [note] = [d for d in report.diagnostics if d.code == "N074"]
    assert note.message == "the input 32x32x3 is read from `model(x)`; its batch of 8 counted per image"
    assert (note.line, note.column) == (6, 10) and report.totals.batch == 1
    # a batch the code takes from its arguments is not said
    unsaid = read_py(EXAMPLE_BASE + "def run(args):\n    model(torch.randn(args.batch, 3, 32, 32))\n")
    assert [d.message for d in unsaid.diagnostics if d.code == "N074"] == [
        "the input 32x32x3 is read from `model(torch.randn(args.batch, 3, 32, 32))`"]
    told = read_py(EXAMPLE_BASE + "x = torch.randn(8, 3, 32, 32)\nlogits = model(x)\n", input="16x16x3")
    assert told.input.dims == (16, 16, 3) and "N074" not in codes_of(told)
    # the class's own `input_size` comes first
    text = ("import torch\nimport torch.nn as nn\nclass M(nn.Module):\n    input_size = (3, 10, 10)\n"
            "    def __init__(self):\n        super().__init__()\n        self.conv = nn.Conv2d(3, 8, 3)\n"
            "    def forward(self, x):\n        return self.conv(x)\nmodel = M()\nmodel(torch.randn(1, 3, 64, 64))\n")
    assert read_py(text).input.dims == (10, 10, 3)


@pytest.mark.parametrize("code", [
    # a tensor run through another module, not the model read
    "def other():\n    critic = nn.Linear(4, 1)\n    critic(torch.randn(1, 4))\n",
    # sizes the code computes, or a function's parameter: not known without running it
    "size = int('64')\nmodel(torch.randn(1, 3, size, size))\n",
    "def run(size):\n    model(torch.randn(1, 3, size, size))\n",
    "for size in (32, 64):\n    model(torch.randn(1, 3, size, size))\n",
    # an unbatched image run directly, a batch of 3-D maps, or a tool's sizes of another rank
    "model(torch.randn(3, 64, 64))\n",
    "model(torch.randn(1, 3, 8, 64, 64))\n",
    "from torchsummary import summary\nsummary(model, (1, 3, 64, 64))\n",
    # two inputs
    "model(torch.randn(1, 3, 64, 64), torch.randn(1, 3, 64, 64))\n",
    # sizes beyond cnncalc's limits (2^20 a side, the numbers 10^15), none, a fraction or a truth value
    "model(torch.randn(1, 3, 2 ** 40, 8))\n", "model(torch.randn(1, 3, 10 ** 30, 8))\n",
    "model(torch.randn(1, 3, 0, 8))\n", "model(torch.randn(1, 3, 8.5, 8))\n", "model(torch.randn(1, 3, True, 8))\n",
    "from torchsummary import summary\nsummary(model, (3, -8, 8))\n",
    # a tool cnncalc does not know, and a model called with no tensor
    "from mytools import profile\nprofile(model, (3, 64, 64))\nmodel(x)\n",
])
def test_an_input_the_code_does_not_give_plainly_is_not_guessed(code: str) -> None:
    report = read_py(EXAMPLE_BASE + code)
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.code == "E072" and "N074" not in codes_of(report) and report.input is None
    assert error.hint is not None and error.hint.endswith(  # the way a file can say it, for PyTorch files only
        "; or run the model on a tensor in the file, `model(torch.randn(1, 3, 224, 224))` (docs/notations.md)")


@pytest.mark.torch
@pytest.mark.parametrize("name, function", [("built_in_a_function.py", "test"), ("split_shuffle.py", "test")])
def test_the_input_read_from_a_test_function_is_the_one_pytorch_runs_it_on(name: str, function: str) -> None:
    # Run the file's own test function under PyTorch, recording the first input a whole model receives
    # (a global forward pre-hook sees the outermost module first): cnncalc reads that size without --input.
    torch = pytest.importorskip("torch")
    namespace: dict[str, Any] = {"__name__": "fixture"}
    exec(compile((FIXTURES / name).read_text(), name, "exec"), namespace)
    seen: list[tuple[Any, tuple[int, ...]]] = []
    hook = torch.nn.modules.module.register_module_forward_pre_hook(
        lambda module, args: seen.append((module, tuple(args[0].shape))) if not seen else None)
    try:
        namespace[function]()
    finally:
        hook.remove()
    model, (_, c, h, w) = seen[0]
    report = analyze(FIXTURES / name)
    assert report.ok, report.messages()
    assert report.input.dims == (h, w, c) and report.totals.batch == 1
    assert report.totals.params == sum(p.numel() for p in model.parameters())


def test_a_model_run_at_top_level_is_read_once() -> None:
    # The ONNX export tutorial's `torch_out = torch_model(x)` before `torch.onnx.export`: the statement ran the
    # model's forward while the file was read, and the reader's own run then found conv applied a second time
    # (E070, "PyTorch shares its weights between the calls"). Now it gives the input: 20x20x1, conv 1 -> 4 5x5
    # pad 2 is (5·5·1 + 1)·4 = 104 parameters and 20·20·4·25 = 40,000 MACs
    text = module_file("self.conv = nn.Conv2d(1, 4, (5, 5), (1, 1), (2, 2))", "return F.relu(self.conv(x))") + (
        "batch_size = 1\nx = torch.randn(batch_size, 1, 20, 20, requires_grad=True)\ntorch_out = model(x)\n"
        "out: torch.Tensor = model.forward(x).cpu()\n")
    report = read_py(text)
    assert report.ok, report.messages()
    assert (report.totals.params, report.totals.macs, report.output.dims) == (104, 40_000, (20, 20, 4))


def test_a_python_file_beyond_the_limit_is_refused_before_it_is_parsed() -> None:
    # Python's syntax tree of 3.5 MB of calls took 900 MB; the reader stops at 1 MiB, before parsing
    from cnncalc.limits import MAX_PYTHON_CHARS
    line = "model(torch.randn(1, 3, n, n))\n"
    text = EXAMPLE_BASE + line * (MAX_PYTHON_CHARS // len(line) + 1)
    report = read_py(text)
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.code, error.line, error.column) == ("E070", 1, 1)
    assert error.message == (f"not supported: a Python file of {len(text):,} characters (cnncalc reads up to "
                             f"{MAX_PYTHON_CHARS:,}: its syntax tree would take some hundred times that)")
    assert report.totals.params is None
    # at the limit it is read, and the search for the input ends with the reader's steps: 174,000 top-level
    # assignments take most of the 200,000, their search the rest, so the call at the end is not reached (E072)
    at_limit = EXAMPLE_BASE + "x = 1\n" * ((MAX_PYTHON_CHARS - len(EXAMPLE_BASE)) // 6 - 10) + \
        "model(torch.randn(1, 3, 8, 8))\n"
    assert len(at_limit) <= MAX_PYTHON_CHARS
    assert [d.code for d in read_py(at_limit).diagnostics if d.severity == "error"] == ["E072"]


@pytest.mark.parametrize("module, expected", [
    ("nn.Unflatten(1, (8, 2, 3))", "2x3x8"), ("nn.Unflatten(-1, (48, 1, 1))", "1x1x48"),
])
def test_nn_unflatten_to_a_map_is_reshape(module: str, expected: str) -> None:
    # Linear(8, 48) = 8·48 + 48 = 432 parameters, its 48 values as a map: 2·3·8 = 48
    text = f"import torch.nn as nn\nmodel = nn.Sequential(nn.Flatten(), nn.Linear(8, 48), {module})\n"
    report = read_py(text, input="1x1x8")
    assert report.ok, report.messages()
    assert str(report.output) == expected and report.totals.params == 432
    other = read_py(text.replace(module, "nn.Unflatten(1, (8, 6))"), input="1x1x8")
    [error] = [d for d in other.diagnostics if d.severity == "error"]
    assert error.code == "E070" and "Unflatten(1, (8, 6))" in error.message


def test_a_settings_model_that_is_no_expression_is_e075_not_a_traceback() -> None:
    # the API and the command line check it first; a Settings made by hand reaches the reader unchecked
    from cnncalc.analysis import Settings
    text = "import torch.nn as nn\nmodel = nn.Conv2d(3, 4, 3)\n"
    [analysis] = run(text, "m.py", Settings(model="x +", input=(8, 8, 3)))
    assert [(d.code, d.message) for d in analysis.report.diagnostics] == [
        ("E075", "`--model x +`: not a name or a call")]


def test_the_resnet_papers_cifar_networks_with_option_a_shortcuts() -> None:
    # tests/fixtures/notations/cifar_option_a.py on 32x32x3, n blocks a stage. conv1 3·3·3·16 = 432 and its norm 2·16;
    # a 16-wide block 2·(3·3·16·16 + 2·16) = 2·2,336; the first 32-wide one 3·3·16·32 + 64 = 4,672 and 3·3·32·32 + 64
    # = 9,280, then 9,280 a conv; the first 64-wide 3·3·32·64 + 128 = 18,560, then 36,992 a conv; fc 64·10 + 10 = 650.
    # n = 3 (ResNet-20): 464 + 6·2,336 + 4,672 + 5·9,280 + 18,560 + 5·36,992 + 650 = 269,722 (the paper's 0.27M);
    # n = 9 (ResNet-56): 464 + 18·2,336 + 4,672 + 17·9,280 + 18,560 + 17·36,992 + 650 = 853,018 (0.85M). MACs at n = 3:
    # 32·32·16·27 + 6·32·32·16·144 + 16·16·32·(144 + 5·288) + 8·8·64·(288 + 5·576) + 640 = 40,551,040
    reports = [analyze(FIXTURES / "cifar_option_a.py", input="32x32x3", model=m) for m in ("model", "cifar_resnet(9)")]
    for report, params in zip(reports, (269_722, 853_018)):
        assert not [d for d in report.diagnostics if d.severity == "error"], report.messages()
        assert report.totals.params == params and report.output.dims == (10,)
    report = reports[0]
    assert report.totals.macs == 40_551_040
    # the shortcut of the first 32-wide block: every other pixel of 32x32x16, (32 - 1)/2 + 1 = 16.5 rounded down,
    # and 8 zero channels each side, 16 + 8 + 8 = 32
    shortcut = [(r.op, str(r.output)) for r in report.rows if r.path.startswith("stages_3_add.2.")]
    assert shortcut == [("maxpool 1x1 stride 2 floor", "16x16x16"), ("padchannels 8", "16x16x32")]
    # `F.avg_pool2d(out, out.size()[3])`: an 8x8 window on the last 8x8x64 map, (8 - 8)/8 + 1 = 1
    assert [(r.op, str(r.output)) for r in report.rows if r.op.startswith("global")] == [
        ("globalavgpool width", "1x1x64")]


def test_lambdas_and_nested_functions_are_called_as_python_calls_them() -> None:
    # a lambda reads the loop's variable when it is called (Python's late binding: k = 4, 16/4 = 4), unless a
    # default took it when the lambda was made (k = 2: 16/2 = 8); a function defined in __init__ is a closure too
    init = ("class Apply(nn.Module):\n"
            "    def __init__(self, fn):\n        super().__init__()\n        self.fn = fn\n"
            "    def forward(self, t):\n        return self.fn(t)\n")
    for made, side in (("lambda t: F.max_pool2d(t, k)", 4), ("lambda t, k=k: F.max_pool2d(t, k)", 8)):
        text = module_file(f"fns = []\nfor k in (2, 4):\n    fns.append({made})\nself.pool = Apply(fns[0])",
                           "return self.pool(x)").replace("class M(", init + "class M(")
        report = read_py(text, input="16x16x3")
        assert report.ok and report.output.dims == (side, side, 3), (made, report.messages())
    text = module_file("def every(t, step=2):\n    return t[:, :, ::step, ::step]\nself.skip = every",
                       "return self.skip(x)")
    assert read_py(text, input="9x9x3").output.dims == (5, 5, 3)  # (9 - 1)/2 + 1


@pytest.mark.parametrize("step, ops, out", [
    # 11x9 map: rows 1, 4, 7, 10 of it: cropped to 10 rows, then (10 - 1)/3 + 1 = 4; columns kept
    ("x[:, :, 1::3]", ["crop 1,0,0,0", "maxpool 1x1 stride 3x1 floor"], (4, 9, 3)),
    ("x[:, :, ::2, ::2]", ["maxpool 1x1 stride 2 floor"], (6, 5, 3)),  # (11 - 1)/2 + 1, (9 - 1)/2 + 1
    ("x[:, :, :, 2::4]", ["crop 0,0,2,0", "maxpool 1x1 stride 1x4 floor"], (11, 2, 3)),  # (7 - 1)/4 + 1 = 2.5
    # F.pad's pairs run from the last dimension: (left, right) alone pads the width; a third pair pads the channels
    ("F.pad(x, (1, 2))", ["zeropad 0,0,1,2"], (11, 12, 3)),
    ("nn.ZeroPad2d((1, 2))(x)", ["zeropad 0,0,1,2"], (11, 12, 3)),
    ("F.pad(x, (1, 1, 0, 2, 0, 3))", ["zeropad 0,2,1,1", "padchannels 0 after 3"], (13, 11, 6)),
    ("F.pad(x, (0, 0, 0, 0, 2, 2), 'constant', 0)", ["padchannels 2"], (11, 9, 7)),
    # wrapped around: 11 + 2·1 rows, 9 + 2 + 0 columns
    ("F.pad(x, (2, 0, 1, 1), mode='circular')", ["circularpad 1,1,2,0"], (13, 11, 3)),
    ("nn.CircularPad2d(1)(x)", ["circularpad 1"], (13, 11, 3)),
    # padding_mode='circular': the map wrapped by (1, 2), then the 3x5 convolution unpadded: 11 + 2 - 3 + 1 = 11,
    # 9 + 4 - 5 + 1 = 9
    ("nn.Conv2d(3, 4, (3, 5), padding=(1, 2), padding_mode='circular')(x)", ["circularpad 1x2", "conv 4 3x5 inputs 3"],
     (11, 9, 4)),
])
def test_strided_slices_and_pads_of_two_and_six_numbers(step: str, ops: list[str], out: tuple[int, ...]) -> None:
    report = read_py(module_file("pass", f"return {step}"), input="11x9x3")
    assert not [d for d in report.diagnostics if d.severity == "error"], report.messages()
    assert [r.op for r in report.rows] == ops and report.output.dims == out


@pytest.mark.parametrize("step, words", [
    ("x[:, :, ::-1]", "every S-th row and column is followed from a start and a step of whole numbers, S from 1"),
    ("x[:, :, ::0]", "every S-th row and column is followed from a start and a step of whole numbers, S from 1"),
    ("nn.ReflectionPad2d((1, 2))(x)", "padding (1, 2) by reflection (PyTorch pads a map so by four numbers only)"),
    ("F.pad(x, (1, 1, 1, 1, 1, 1), mode='replicate')", "by replication (PyTorch pads a map so by four numbers"),
    ("F.pad(x, (1, -1))", "padding (1, -1) (expected one number, (left, right), (left, right, top, bottom) or"),
    ("F.pad(x, (1, 1, 1, 1, 1, 1, 1, 1))", "padding (1, 1, 1, 1, 1, 1, …) (expected one number"),
])
def test_slices_and_pads_cnncalc_does_not_follow_are_said(step: str, words: str) -> None:
    [error] = [d for d in read_py(module_file("pass", f"return {step}"), input="11x9x3").diagnostics
               if d.severity == "error"]
    assert (error.code, error.line) == ("E070", 9) and words in error.message, error.message


def test_selu_is_read_as_its_module_and_its_function() -> None:
    # nn.SELU() and F.selu: no parameters, the shape kept (the values are checked against PyTorch's in test_torch.py)
    report = read_py(module_file("self.act = nn.SELU(inplace=True)", "return F.selu(self.act(x))"), input="5x4x3")
    assert report.ok and [r.op for r in report.rows] == ["selu", "selu"] and report.output.dims == (5, 4, 3)


@pytest.mark.parametrize("cut", ["x[:, :, ::2, ::2]", "x[:, :, 1:-1, 1:-1]", "x[:, :, 1:, :]", "x[:, :, :, :-2]"])
def test_view_flattening_a_cut_or_strided_map_is_refused_as_pytorch_refuses_it(cut: str) -> None:
    # A slice of a map's rows or columns is a view into the map's memory, not contiguous: `.view` cannot merge
    # its channels, rows and columns (PyTorch: "view size is not compatible with input tensor's size and
    # stride"); before, cnncalc flattened it and counted a network that does not run.
    forward = f"x = self.c(x)\nx = {cut}\nx = x.view(x.size(0), -1)\nreturn x"
    text = module_file("self.c = nn.Conv2d(3, 8, 3, padding=1)", forward)
    report = read_py(text, input="16x16x3")
    assert errors(report) == [("E070", *place_of(text, "x.view"))]  # (the subsample's rounding is a note, N030)
    [refused] = [d for d in report.diagnostics if d.code == "E070"]
    assert "PyTorch refuses it (view size is not compatible" in refused.message and report.totals.params is None
    torch = pytest.importorskip("torch")
    with pytest.raises(RuntimeError, match="view size is not compatible"):
        built_by_pytorch(text)(torch.randn(1, 3, 16, 16))
    # made contiguous, reshaped or flattened, it runs: conv (3·3·3 + 1)·8 = 224 parameters either way
    for flat in ("x.contiguous().view(x.size(0), -1)", "x.clone().view(x.size(0), -1)", "x.reshape(x.size(0), -1)",
                 "torch.flatten(x, 1)"):
        fine = module_file("self.c = nn.Conv2d(3, 8, 3, padding=1)", forward.replace("x.view(x.size(0), -1)", flat))
        report = read_py(fine, input="16x16x3")
        assert report.ok and report.totals.params == 224, (flat, report.messages())
        assert tuple(built_by_pytorch(fine)(torch.randn(1, 3, 16, 16)).shape[1:]) == report.output.dims


def test_view_flattening_a_channel_slice_runs_as_pytorch_runs_it() -> None:
    # a slice of channels keeps each channel's rows and columns together: PyTorch's `.view` flattens it
    text = module_file("self.c = nn.Conv2d(3, 8, 3, padding=1)",
                       "x = self.c(x)[:, 2:6]\nreturn x.view(x.size(0), -1)")
    report = read_py(text, input="16x16x3")
    assert report.ok and report.output.dims == (4 * 16 * 16,)
    torch = pytest.importorskip("torch")
    assert tuple(built_by_pytorch(text)(torch.randn(1, 3, 16, 16)).shape[1:]) == report.output.dims


GAN = ("import torch.nn as nn\n\n\nclass Generator(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
       "        self.fc = nn.Linear(100, 784)\n\n    def forward(self, z):\n        return self.fc(z)\n\n\n"
       "class Discriminator(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
       "        self.fc = nn.Linear(784, 1)\n\n    def forward(self, x):\n        return self.fc(x)\n")


def test_a_file_of_two_model_classes_reads_the_last_says_so_and_model_chooses() -> None:
    # neither class uses the other and the file builds neither: the last is read, silently until W077
    report = read_py(GAN, input="784")
    assert report.totals.params == 784 + 1  # Discriminator: Linear(784, 1)
    assert where(report) == [("W077", *place_of(GAN, "class Discriminator"))]
    [warning] = report.diagnostics
    assert "reads `Discriminator`, the last, not `Generator`" in warning.message
    assert warning.hint == "`--model Generator` reads another"
    chosen = read_py(GAN, input="100", model="Generator")
    assert chosen.totals.params == 100 * 784 + 784 and where(chosen) == []  # Linear(100, 784)


# a model class and its block, written with the older `super(Class, self).__init__()`, the block below the model
OLD_SUPER = ("import torch.nn as nn\n\n\nclass Net(nn.Module):\n    def __init__(self):\n"
             "        super(Net, self).__init__()\n        self.a = Block(3, 8)\n        self.b = Block(8, 16)\n"
             "        self.fc = nn.Linear(16 * 8 * 8, 10)\n\n    def forward(self, x):\n"
             "        x = self.b(self.a(x))\n        return self.fc(x.view(x.size(0), -1))\n\n\n"
             "class Block(nn.Module):\n    def __init__(self, cin=3, cout=4):\n        super(Block, self).__init__()\n"
             "        self.conv = nn.Conv2d(cin, cout, 3, padding=1)\n        self.pool = nn.MaxPool2d(2)\n\n"
             "    def forward(self, x):\n        return self.pool(self.conv(x))\n")


# the 2017 tutorial's LeNet on 32x32x1: (3·3·1 + 1)·6 = 60, (3·3·6 + 1)·16 = 880, then 16·6·6 = 576 values:
# (576 + 1)·120 = 69,240, (120 + 1)·84 = 10,164, (84 + 1)·10 = 850; 81,194 in all
BLITZ = ("import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n\nclass Net(nn.Module):\n"
         "    def __init__(self):\n        nn.Module.__init__(self)\n        self.conv1 = nn.Conv2d(1, 6, 3)\n"
         "        self.conv2 = nn.Conv2d(6, 16, 3)\n        self.fc1 = nn.Linear(16 * 6 * 6, 120)\n"
         "        self.fc2 = nn.Linear(120, 84)\n        self.fc3 = nn.Linear(84, 10)\n\n    def forward(self, x):\n"
         "        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))\n        x = F.max_pool2d(F.relu(self.conv2(x)), 2)\n"
         "        x = FLATTEN\n        x = F.relu(self.fc1(x))\n        x = F.relu(self.fc2(x))\n"
         "        return self.fc3(x)\n\n    def num_flat_features(self, x):\n        size = x.size()[1:]\n"
         "        num_features = 1\n        for s in size:\n            num_features *= s\n"
         "        return num_features\n\n\nnet = Net()\n")


def test_the_base_initialised_by_name_as_older_code_does() -> None:
    # `nn.Module.__init__(self)` was E070 (an unsupported call), the whole network unknown
    text = BLITZ.replace("FLATTEN", "torch.flatten(x, 1)")
    report = read_py(text, input="32x32x1")
    assert report.totals.params == 60 + 880 + 69_240 + 10_164 + 850 and report.output.dims == (10,)
    assert parameters_in_pytorch(text.replace("net = Net()", "model = Net()")) == report.totals.params
    # a base of the file's own, given its arguments: Base's conv (3·3·3 + 1)·8 = 224, then the child's fc on
    # 8·8·8 = 512 values: (512 + 1)·10 = 5,130
    child = ("import torch.nn as nn\n\n\nclass Base(nn.Module):\n    def __init__(self, c):\n"
             "        nn.Module.__init__(self)\n        self.conv = nn.Conv2d(3, c, 3, padding=1)\n\n\n"
             "class Child(Base):\n    def __init__(self):\n        Base.__init__(self, 8)\n"
             "        self.fc = nn.Linear(512, 10)\n\n    def forward(self, x):\n"
             "        return self.fc(self.conv(x).flatten(1))\n\n\nmodel = Child()\n")
    assert read_py(child, input="8x8x3").totals.params == 224 + 5_130 == parameters_in_pytorch(child)


def test_the_tutorials_num_flat_features_is_named_with_the_fix() -> None:
    text = BLITZ.replace("FLATTEN", "x.view(-1, self.num_flat_features(x))")
    report = read_py(text, input="32x32x1")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"] == [
        ("E070", *place_of(text, "x.size()[1:]"), "not supported: `x.size()[1:]`: sizes of a tensor other than its "
         "height and width (`x.size()[2:]`), known only when the network runs; to flatten, `torch.flatten(x, 1)` or "
         "`x.view(x.size(0), -1)`")]
    assert report.totals.params is None


_HEADER, _NET, _BLOCK = OLD_SUPER.split("\n\n\n")


@pytest.mark.parametrize("text", [OLD_SUPER, "\n\n\n".join([_HEADER, _BLOCK, _NET])])
def test_a_class_naming_itself_in_super_is_not_used_by_another(text: str) -> None:
    # Each class's `super(Class, self)` counted as a use of it by a class: no class was unused, and the last was
    # read as the model: Block (112 parameters: (3·3·3 + 1)·4) when it is below Net; above it, W077 said Block was
    # unused. Net: (3·3·3 + 1)·8 = 224, (3·3·8 + 1)·16 = 1,168, (16·8·8 + 1)·10 = 10,250 on 32x32x3 halved twice.
    report = read_py(text, input="32x32x3")
    assert report.totals.params == 224 + 1_168 + 10_250 and where(report) == []
    assert parameters_in_pytorch(text + "\nmodel = Net()\n") == report.totals.params


def test_a_block_left_unused_below_the_model_is_not_read_for_it() -> None:
    # the last unused class needed an argument: E070 ("class Unused needs `c`"), the model unread. Net: (3·3·3 + 1)·4
    # = 112 and (4 + 1)·2 = 10
    text = ("import torch.nn as nn\nimport torch.nn.functional as F\n\n\nclass Net(nn.Module):\n"
            "    def __init__(self):\n        super().__init__()\n        self.conv = nn.Conv2d(3, 4, 3)\n"
            "        self.fc = nn.Linear(4, 2)\n\n    def forward(self, x):\n"
            "        return self.fc(F.adaptive_avg_pool2d(self.conv(x), 1).flatten(1))\n\n\n"
            "class Unused(nn.Module):\n    def __init__(self, c):\n        super().__init__()\n"
            "        self.conv = nn.Conv2d(c, c, 1)\n")
    report = read_py(text, input="8x8x3")
    assert report.totals.params == 112 + 10 == parameters_in_pytorch(text + "\nmodel = Net()\n")
    assert [(d.code, d.message) for d in report.diagnostics] == [
        ("W077", "the file defines 2 model classes that no other class uses; cnncalc reads `Net`, the last that builds "
                 "without arguments, not `Unused`")]


@pytest.mark.parametrize("ending", [
    "\nmodel = Discriminator()\n",  # the file builds its model
    "\n\ndef make():\n    return Generator()\n",  # a function of the file builds the other: a part, not a model
])
def test_no_warning_when_the_file_says_which_model_or_builds_the_other(ending: str) -> None:
    report = read_py(GAN + ending, input="784")
    assert report.totals.params == 785 and where(report) == []


def test_the_layer_signatures_are_pytorchs() -> None:
    # Each layer's parameters as the reader binds them (positional order, keyword-only ones, defaults) against the
    # installed PyTorch's own signatures: BatchNorm's and GroupNorm's keyword-only `bias` (PyTorch 2.13) was E070,
    # and Upsample's `recompute_scale_factor` too.
    torch = pytest.importorskip("torch")
    import inspect

    from cnncalc.readers.pytorch import KEYWORD_ONLY, REQUIRED, SIGNATURES
    for kind, signature in SIGNATURES.items():
        cls = getattr(torch.nn, kind, None)
        if cls is None:  # cnncalc's own names for common blocks (LayerNorm2d, Scale, OneSidedBatchNorm, CenterCrop)
            continue
        params = [p for p in inspect.signature(cls.__init__).parameters.values()
                  if p.name not in ("self", "device", "dtype") and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
        deprecated = {"min_value", "max_value"}  # Hardtanh's old names of min_val and max_val
        positional = [p.name for p in params if p.kind != p.KEYWORD_ONLY and p.name not in deprecated]
        keyword = {p.name for p in params if p.kind == p.KEYWORD_ONLY}
        ours = KEYWORD_ONLY.get(kind, frozenset())
        assert [n for n, _ in signature if n not in ours] == positional, kind
        assert ours == keyword, kind
        defaults = dict(signature)
        for p in params:
            if p.name not in deprecated:
                assert (defaults[p.name] is REQUIRED) == (p.default is p.empty), (kind, p.name)
                assert defaults[p.name] is REQUIRED or defaults[p.name] == p.default, (kind, p.name)


@pytest.mark.parametrize("layer", ["nn.BatchNorm2d(8, bias=False)", "nn.GroupNorm(2, 8, bias=False)",
                                   "nn.BatchNorm2d(8, affine=False, bias=False)", "nn.GroupNorm(4, 8, 1e-5, True)"])
def test_a_norm_without_its_bias_learns_its_scale_alone(layer: str) -> None:
    text = f"import torch.nn as nn\nmodel = nn.Sequential(nn.Conv2d(3, 8, 3), {layer})\n"
    report = read_py(text, input="8x8x3")
    assert report.ok, report.diagnostics
    assert report.totals.params == parameters_in_pytorch(text)  # (3·3·3 + 1)·8 = 224, and 8 scales or none


def test_a_norms_bias_is_given_by_name_only() -> None:
    # `bias` follows `*` in PyTorch's signatures: a sixth positional argument is `device`, not it
    report = read_py("import torch.nn as nn\nmodel = nn.Sequential(nn.BatchNorm2d(8, 1e-5, 0.1, True, True, False))\n",
                     input="8x8x8")
    assert codes_of(report) == ["E070"]
    assert "BatchNorm2d with 6 positional arguments (PyTorch takes 5)" in report.diagnostics[0].message


@pytest.mark.parametrize("call", [
    # every argument by position, as PyTorch's functions order them (F.max_pool2d's ceil_mode comes before its
    # return_indices, nn.MaxPool2d's after: the `True` below was read as return_indices and the map rounded down)
    "F.max_pool2d(x, 3, 2, 0, 1, True)", "F.max_pool2d(x, 3, 2, 1, 1, False)", "F.avg_pool2d(x, 3, 2, 0, True)",
    "F.avg_pool2d(x, 3, 2, 1, False, False)", "F.adaptive_avg_pool2d(x, 3)", "F.adaptive_max_pool2d(x, (2, 3))",
    "F.interpolate(x, None, 2, 'nearest')", "F.interpolate(x, (9, 5), None, 'bilinear', False)",
    "F.interpolate(x, (3, 5), None, 'bilinear', False, None, True)",
    "F.local_response_norm(x, 3, 1e-4, 0.75, 1.0)", "F.leaky_relu(x, 0.2, False)", "F.dropout(x, 0.3, False)",
    "F.pad(x, (1, 2, 0, 1), 'constant', 0.0)", "F.pixel_shuffle(x, 2)", "F.softmax(x, 1)",
])
def test_functions_called_with_positional_arguments_agree_with_pytorch(call: str) -> None:
    torch = pytest.importorskip("torch")
    text = module_file("self.c = nn.Conv2d(3, 8, 3)", f"x = self.c(x)\nreturn {call}")
    report = read_py(text, input="10x10x3")  # 8x8 after the convolution: (8 - 3)/2 + 1 = 3.5, ceil_mode tells
    assert report.ok, report.diagnostics
    out = built_by_pytorch(text)(torch.zeros(1, 3, 10, 10)).shape
    assert report.output.dims == (out[2], out[3], out[1])


CBAM_GATE = '''import torch
import torch.nn as nn
class SpatialGate(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(2, 1, 7, padding=3, bias=False)
    def forward(self, x):
        {pooled}
        return x * torch.sigmoid(self.conv(a))
model = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), SpatialGate())
'''


@pytest.mark.parametrize("pooled", [
    # CBAM's spatial attention as its ports write it: the channels' mean and max at each position, concatenated
    "avg = torch.mean(x, dim=1, keepdim=True)\n        mx, _ = torch.max(x, dim=1, keepdim=True)\n"
    "        a = torch.cat([avg, mx], dim=1)",
    "a = torch.cat((torch.max(x, 1)[0].unsqueeze(1), torch.mean(x, 1).unsqueeze(1)), dim=1)",  # CBAM's ChannelPool
    "a = torch.cat([x.mean(1, keepdim=True), x.amax(1, keepdim=True)], 1)",
    "a = torch.cat([torch.mean(x, 1, True), x.max(dim=1, keepdim=True).values], dim=1)",
    "a = torch.cat([torch.unsqueeze(torch.mean(x, 1), 1), torch.amax(x, dim=1, keepdim=True)], 1)",
])
def test_cbams_spatial_attention_pools_the_channels(pooled: str) -> None:
    # They were E070 ("a mean over the channels, used other than in a layer norm", "the call `torch.max(...)`").
    text = CBAM_GATE.replace("{pooled}", pooled)
    report = read_py(text, input="12x10x3")
    assert report.ok, report.diagnostics
    assert [r.op for r in report.rows if r.op.startswith("channel")] in (["channelavgpool", "channelmaxpool"],
                                                                         ["channelmaxpool", "channelavgpool"])
    # conv (3·3·3 + 1)·16 = 448; the gate's 7·7·2 = 98; MACs 12·10·16·27 = 51,840 and 12·10·1·98 = 11,760
    assert report.totals.params == 448 + 98 and report.totals.macs == 51840 + 11760
    assert report.output.dims == (12, 10, 16)
    if importlib.util.find_spec("torch") is not None:
        assert report.totals.params == parameters_in_pytorch(text)


def test_a_channel_max_other_than_over_the_channels_is_e070() -> None:
    report = read_py(CBAM_GATE.replace("{pooled}", "a = torch.cat([x, torch.max(x, 2, keepdim=True)[0]], 1)"),
                     input="12x10x3")
    assert codes_of(report) == ["E070"] and "other than over the channels (dim=1)" in report.diagnostics[0].message


@pytest.mark.parametrize("pooled", ["x.mean(3).mean(2)", "x.mean(-1).mean(-1)", "x.mean(2).mean(2)",
                                    "x.mean(dim=3).mean(dim=2)", "torch.mean(x, 3).mean(-1)"])
def test_a_global_average_pool_written_as_two_means(pooled: str) -> None:
    # It was E070 (a mean over dimension 3): the two means are the map's mean, flattened
    text = module_file("self.c = nn.Conv2d(3, 8, 3)\nself.fc = nn.Linear(8, 4)", f"x = self.c(x)\nx = {pooled}\n"
                       "return self.fc(x)")
    report = read_py(text, input="9x7x3")
    assert report.ok, report.diagnostics
    assert [r.op for r in report.rows][1:3] == ["globalavgpool", "flatten"]
    # conv (3·3·3 + 1)·8 = 224 to 7x5x8; the head (8 + 1)·4 = 36
    assert report.totals.params == 224 + 36 and report.output.dims == (4,)


def test_softplus_softsign_log_sigmoid_and_celu_modules_and_functions() -> None:
    # nn.Softplus(beta, threshold) positionally and by keyword, nn.Softsign, nn.LogSigmoid, nn.CELU(alpha) and their
    # F. functions, each read with its arguments as PyTorch binds them (all were E070); conv (3·1·1 + 1)·4 = 16
    init = ("self.conv = nn.Conv2d(3, 4, 1)\nself.a = nn.Softplus(2, 10)\nself.b = nn.Softplus(threshold=5.)\n"
            "self.c = nn.Softsign()\nself.d = nn.LogSigmoid()\nself.e = nn.CELU(0.5)")
    forward = ("x = self.e(self.d(self.c(self.b(self.a(self.conv(x))))))\nx = F.softplus(x, 3)\n"
               "x = F.celu(x, alpha=2.)\nx = F.logsigmoid(x)\nreturn F.softsign(x)")
    report = read_py(module_file(init, forward), input="4x4x3")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows] == [
        "conv 4 1x1 inputs 3", "softplus beta 2 threshold 10", "softplus threshold 5", "softsign", "logsigmoid",
        "celu 0.5", "softplus beta 3", "celu 2", "logsigmoid", "softsign"]
    assert report.totals.params == 16 and report.output.dims == (4, 4, 4)


def test_lp_pools_thresholds_and_shrinks_modules_and_functions() -> None:
    # nn.LPPool2d(norm_type, kernel_size, stride, ceil_mode), nn.Threshold(threshold, value), nn.Hardshrink,
    # nn.Softshrink, nn.Tanhshrink and their F. functions (all were E070). Sizes as PyTorch's pools floor or ceil:
    # 9x9: (9 - 2)/2 + 1 = 4.5, 4 floored; (4 - 3)/1 + 1 = 2; (2 - 2)/3 + 1 = 1, and ceil: 1 as well
    init = ("self.conv = nn.Conv2d(3, 4, 1)\nself.p = nn.LPPool2d(2, 2, stride=2)\nself.t = nn.Threshold(0.1, 20)\n"
            "self.h = nn.Hardshrink()\nself.s = nn.Softshrink(lambd=0.3)\nself.k = nn.Tanhshrink()")
    forward = ("x = self.k(self.s(self.h(self.t(self.p(self.conv(x))))))\nx = F.lp_pool2d(x, 1, 3, stride=1)\n"
               "x = F.threshold(x, -1., 0.)\nx = F.hardshrink(x, 0.2)\nx = F.softshrink(x)\nx = F.tanhshrink(x)\n"
               "return nn.LPPool2d(3.0, (2, 2), 3, True)(x)")
    report = read_py(module_file(init, forward), input="9x9x3")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows] == [
        "conv 4 1x1 inputs 3", "lppool 2x2 stride 2", "threshold 0.1 value 20", "hardshrink", "softshrink 0.3",
        "tanhshrink", "lppool 3x3 p 1 stride 1", "threshold -1", "hardshrink 0.2", "softshrink", "tanhshrink",
        "lppool 2x2 p 3 stride 3 ceil"]
    assert [r.output.dims[:2] for r in report.rows if r.keyword == "lppool"] == [(4, 4), (2, 2), (1, 1)]


def test_f_normalize_is_l2norm_over_the_channels_or_a_vectors_last_axis() -> None:
    # F.normalize(x) divides the channels at each position by their length (dim=1, p=2, eps 1e-12); on the
    # flattened vector dim=-1 is its features (`lastaxis`); p=1 is E070. conv (3·1·1 + 1)·4 = 16, fc 4·2·2·5 + 5 = 85
    init = "self.conv = nn.Conv2d(3, 4, 1)\nself.fc = nn.Linear(16, 5)"
    forward = ("x = F.normalize(self.conv(x))\nx = self.fc(torch.flatten(x, 1))\n"
               "return F.normalize(x, dim=-1, eps=1e-6)")
    report = read_py(module_file(init, forward), input="2x2x3")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows] == ["conv 4 1x1 inputs 3", "l2norm", "flatten", "fc 5 inputs 16 noflatten",
                                           "l2norm eps 1e-06 lastaxis"]
    assert report.totals.params == 16 + 85 and report.output.dims == (5,)
    bad = read_py(module_file("self.conv = nn.Conv2d(3, 4, 1)", "return F.normalize(self.conv(x), p=1)"),
                  input="2x2x3")
    assert [d.code for d in bad.diagnostics if d.severity == "error"] == ["E070"]


def test_a_decimal_scale_factor_floors_the_product() -> None:
    # PyTorch's output size is floor(N·s): the 3x3 conv makes 19x23 17x21; ⌊17·1.5⌋ = 25, ⌊21·1.5⌋ = 31; ⌊25·0.5⌋ = 12,
    # ⌊31·0.5⌋ = 15; ⌊12·0.75⌋ = 9, ⌊15·0.75⌋ = 11 (torch's own run: (1, 4, 9, 11)); the values read 1/s apart
    # (tests/torch_networks.py checks them). A factor not exact in binary, different per side, or recomputed is E070.
    init = "self.c = nn.Conv2d(3, 4, 3)\nself.u = nn.Upsample(scale_factor=1.5, mode='bilinear')"
    forward = ("x = self.u(self.c(x))\nx = F.interpolate(x, scale_factor=0.5)\n"
               "return F.interpolate(x, scale_factor=(0.75, 0.75), mode='bilinear', align_corners=True)")
    report = read_py(module_file(init, forward), input="19x23x3")
    assert report.ok, report.messages()
    assert [(r.op, r.output.dims) for r in report.rows] == [
        ("conv 4 3x3 inputs 3", (17, 21, 4)), ("upsample 1.5 bilinear", (25, 31, 4)), ("upsample 0.5", (12, 15, 4)),
        ("upsample 0.75 aligned", (9, 11, 4))]
    for call, words in (("F.interpolate(x, scale_factor=0.3)", "scale_factor=0.3 (cnncalc scales by whole factors"),
                        ("F.interpolate(x, scale_factor=(0.5, 2))", "scale_factor=(0.5, 2)"),
                        ("F.interpolate(x, scale_factor=0.5, recompute_scale_factor=True)",
                         "with recompute_scale_factor=True")):
        bad = read_py(module_file("self.c = nn.Conv2d(3, 4, 3)", f"x = self.c(x)\nreturn {call}"), input="19x23x3")
        [error] = [d for d in bad.diagnostics if d.severity == "error"]
        assert error.code == "E070" and words in error.message, (call, error.message)


@pytest.mark.parametrize("expression", ["len(x.shape)", "list(x.size())", "max(x.shape)"])
def test_builtins_of_a_tensors_shape_say_so_in_the_files_words(expression: str) -> None:
    # Python's builtins of `x.shape` (the number of axes, its list) are not followed: E070 at the call, said in the
    # file's words; the message named the reader's own class (`object of type '_ShapeOf' has no len()`)
    text = module_file("self.conv = nn.Conv2d(3, 16, 3, padding=1)", f"x = self.conv(x)\nn = {expression}\nreturn x")
    [error] = [d for d in read_py(text, input="8x8x3").diagnostics if d.severity == "error"]
    assert error.code == "E070" and error.message.endswith("of a tensor's shape") and "_" not in error.message.split(
        "`")[-1], error.message


STANDARDISED = "\n".join([
    "import torch", "import torch.nn as nn", "import torch.nn.functional as F",
    "class StdConv2d(nn.Conv2d):",
    "    def forward(self, x):",
    "        w = self.weight",
    "        v, m = torch.var_mean(w, dim=[1, 2, 3], keepdim=True, unbiased=False)",
    "        w = (w - m) / torch.sqrt(v + 1e-10)",
    "        return F.conv2d(x, w, self.bias, self.stride, self.padding, self.dilation, self.groups)",
    "class BatchNormed(nn.Conv2d):",
    "    def __init__(self, *args, eps=1e-6, **kwargs):",
    "        super().__init__(*args, **kwargs)",
    "        self.eps = eps",
    "    def forward(self, x):",
    "        weight = F.batch_norm(self.weight.reshape(1, self.out_channels, -1), None, None, training=True,",
    "                              momentum=0., eps=self.eps).reshape_as(self.weight)",
    "        return F.conv2d(x, weight, self.bias, self.stride, self.padding, self.dilation, self.groups)",
    "model = nn.Sequential(StdConv2d(3, 8, 3, stride=2, padding=1, bias=False), nn.GroupNorm(4, 8), nn.ReLU(),",
    "                      BatchNormed(8, 16, 3, padding=1), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(16, 10))",
    ""])


def test_a_convolution_of_its_weight_standardised_is_the_convolution() -> None:
    # BiT's StdConv2d (torch.var_mean, then (w - m) / sqrt(v + eps)) and timm's (F.batch_norm over the weight viewed
    # (1, out, -1)) apply their own weight through F.conv2d with their own arguments: the layer, its parameters
    # unchanged (E070 before: `self.weight` of a subclass without __init__, F.conv2d). On 16x16x3: 3·9·8 = 216
    # (no bias) to 8x8x8; GroupNorm 2·8 = 16; (8·9 + 1)·16 = 1,168; the Linear (16 + 1)·10 = 170
    report = read_py(STANDARDISED, input="16x16x3")
    assert report.ok, report.messages()
    assert report.totals.params == 216 + 16 + 1168 + 170
    convs = [r for r in report.rows if r.keyword == "conv"]
    assert [r.name for r in convs] == ["n0", "n3"]  # the modules' own rows (`0` and `3` of the Sequential)
    # MACs: 8·8·8 outputs of 27 products, then 8·8·16 of 72
    assert [r.macs for r in convs] == [8 * 8 * 8 * 27, 8 * 8 * 16 * 72]
    if importlib.util.find_spec("torch") is not None:
        import torch
        assert parameters_in_pytorch(STANDARDISED) == report.totals.params
        assert tuple(built_by_pytorch(STANDARDISED)(torch.zeros(1, 3, 16, 16)).shape[1:]) == (10,)


@pytest.mark.parametrize(("edit", "written", "at", "words"), [
    # NFNet's gain: a learnt tensor mixed into the weight, a parameter the layer does not have
    ("w = (w - m) / torch.sqrt(v + 1e-10)",
     "w = (w - m) / torch.sqrt(v + 1e-10) * self.gain\n        self.gain = None", "(w - m) /",
     "a convolution's weight computed with a learnt tensor (NFNet's gain)"),
    ("self.stride, self.padding, self.dilation, self.groups)\nclass BatchNormed",
     "1, self.padding, self.dilation, self.groups)\nclass BatchNormed", "F.conv2d(",
     "F.conv2d with stride=1, the convolution's own stride being 2"),
    ("w = self.weight\n", "w = self.weight\n        n = self.weight[0]\n", "self.weight[0]",
     "`self.weight[0]`: an index of a learnt tensor (`weight`)"),
    ("w = (w - m) / torch.sqrt(v + 1e-10)", "w = (w - m) / torch.sqrt(v + 1e-10) + x", "(w - m) /",
     "a convolution's weight computed with a map"),
    # F.conv2d pads with zeros: a convolution padded by reflection is applied otherwise than by the layer
    ("StdConv2d(3, 8, 3, stride=2, padding=1, bias=False)",
     "StdConv2d(3, 8, 3, stride=2, padding=1, bias=False, padding_mode='reflect')", "F.conv2d(",
     "F.conv2d pads with zeros, the convolution by reflect")])
def test_a_convolution_of_its_weight_otherwise_is_refused_where_it_is_written(edit: str, written: str, at: str,
                                                                              words: str) -> None:
    text = STANDARDISED.replace(edit, written)
    if "self.gain" in written:  # (the gain made in __init__, as NFNet's ScaledStdConv2d does)
        text = text.replace("        self.gain = None", "").replace(
            "class StdConv2d(nn.Conv2d):\n", "class StdConv2d(nn.Conv2d):\n    def __init__(self, *a, **k):\n"
            "        super().__init__(*a, **k)\n"
            "        self.gain = nn.Parameter(torch.ones(self.out_channels, 1, 1, 1))\n")
    report = read_py(text, input="16x16x3")
    found = [(d.code, d.message) for d in report.diagnostics if d.severity == "error"]
    assert len(found) == 1 and found[0][0] == "E070" and words in found[0][1], report.messages()
    assert errors(report) == [("E070", *place_of(text, at))]  # (the first place it is written: StdConv2d's)


def test_f_conv2d_of_a_modules_own_weight_is_that_module_applied_once() -> None:
    # (3·9 + 1)·4 = 112, once; the same weight applied a second time is shared: E070, as for a module called twice
    text = module_file("self.conv = nn.Conv2d(3, 4, 3, padding=1)",
                       "return F.conv2d(x, self.conv.weight, self.conv.bias, 1, 1)")
    report = read_py(text, input="8x8x3")
    assert report.ok, report.messages()
    assert report.totals.params == 112 and report.output is not None and report.output.dims == (8, 8, 4)
    if importlib.util.find_spec("torch") is not None:
        assert parameters_in_pytorch(text) == report.totals.params
    twice = text.replace("return F.conv2d", "return self.conv(x) + F.conv2d")
    report = read_py(twice, input="8x8x3")
    assert report.ok, report.messages()
    # the weight applied a second time is the module's, shared (`shares`): 112 parameters, twice the MACs
    assert report.totals.params == 112 and report.totals.macs == 2 * 8 * 8 * 4 * 3 * 3 * 3
    if importlib.util.find_spec("torch") is not None:
        assert parameters_in_pytorch(twice) == report.totals.params


def test_the_one_pixel_of_a_pooled_map_taken_by_index() -> None:
    # BiT's head: `x[..., 0, 0]` after its global pool and 1x1 convolution, the 1x1 map's one pixel as a vector
    # ((4 + 1)·10 = 50 parameters); on a larger map it is E037 (a pixel at a corner, which cnncalc does not take)
    text = module_file("self.head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Conv2d(4, 10, 1))",
                       "return self.head(x)[..., 0, 0]")
    report = read_py(text, input="6x6x4")
    assert report.ok, report.messages()
    assert report.output is not None and report.output.dims == (10,) and report.totals.params == 50
    if importlib.util.find_spec("torch") is not None:
        import torch
        assert tuple(built_by_pytorch(text)(torch.zeros(1, 4, 6, 6)).shape[1:]) == (10,)
    corner = text.replace("nn.AdaptiveAvgPool2d(1), ", "").replace("[..., 0, 0]", "[:, :, 0, 0]")
    report = read_py(corner, input="6x6x4")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E037"]


def test_a_statement_python_refuses_where_it_stands_is_a_syntax_error() -> None:
    # `break` at the top level: Python refuses to compile the file, so it builds no model (it was read as if the
    # line were not there)
    text = "import torch.nn as nn\nbreak\nmodel = nn.Sequential(nn.Conv2d(3, 8, 3))\n"
    report = read_py(text, input="8x8x3")
    assert [(d.code, *report.source.line_col(d.span.start)) for d in report.diagnostics] == [("E071", 2, 1)]
    assert "'break' outside loop" in report.diagnostics[0].message


CBAM_CHANNEL_GATE = module_file(
    "self.conv = nn.Conv2d(3, 16, 3, padding=1)\n"
    "self.mlp = nn.Sequential(nn.Conv2d(16, 4, 1), nn.ReLU(), nn.Conv2d(4, 16, 1))\n"
    "self.head = nn.Conv2d(16, 5, 1)",
    "x = F.relu(self.conv(x))\n"
    "gate = torch.sigmoid(self.mlp(F.adaptive_avg_pool2d(x, 1)) + self.mlp(F.adaptive_max_pool2d(x, 1)))\n"
    "return self.head(x * gate)")


def _read_with_params(text: str, size: str, params: int) -> Any:
    """The file read at input `size`, without errors, with `params` parameters, PyTorch's count (where torch is)."""
    report = read_py(text, input=size)
    assert report.ok, report.messages()
    assert report.totals.params == params
    if importlib.util.find_spec("torch") is not None:
        assert parameters_in_pytorch(text) == params
    return report


def test_cbams_mlp_applied_to_the_average_and_the_maximum_shares_its_weights() -> None:
    # PyTorch counts the MLP once: conv (27 + 1)·16 = 448, MLP (16 + 1)·4 + (4 + 1)·16 = 148, head (16 + 1)·5 = 85:
    # 681 (it was E070). The second application's rows `shares` the first's; each application's MACs count
    report = _read_with_params(CBAM_CHANNEL_GATE, "8x8x3", 448 + 148 + 85)
    assert report.totals.macs == 8 * 8 * 16 * 27 + 2 * (16 * 4 + 4 * 16) + 8 * 8 * 5 * 16
    assert [(r.name, r.shares, r.params) for r in report.rows if r.shares] == [
        ("mlp_0_2", "mul.2.add.1.mlp_0", 0), ("mlp_2_2", "mul.2.add.1.mlp_2", 0)]


def test_a_head_applied_at_every_level_shares_its_weights() -> None:
    # RetinaNet's head: one module applied to each level of a pyramid, returned as a list. (16 + 1)·8 = 136 for the
    # stem, a second convolution (72 + 1)·8 = 584, the head (72 + 1)·6 = 438 once: 1,158
    text = module_file(
        "self.c1 = nn.Conv2d(16, 8, 1)\nself.c2 = nn.Conv2d(8, 8, 3, stride=2, padding=1)\n"
        "self.head = nn.Conv2d(8, 6, 3, padding=1)",
        "p3 = self.c1(x)\np4 = self.c2(p3)\nreturn [self.head(p) for p in (p3, p4)]")
    report = _read_with_params(text, "8x8x16", 136 + 584 + 438)
    assert sum(1 for r in report.rows if r.shares) == 1
    # the head's MACs at both levels: 8·8 and 4·4 positions, 6 filters of 3·3·8
    assert report.totals.macs == 8 * 8 * 8 * 16 + 4 * 4 * 8 * 72 + (8 * 8 + 4 * 4) * 6 * 72


def test_an_output_that_leaves_from_inside_a_side_head_is_kept() -> None:
    # Three outputs of a chain (a feature pyramid's levels): the third leaves from inside the second's side head.
    # It was left out with its convolution, in silence: 448 + 2,320 parameters, not (27 + 1)·16 + 2·(144 + 1)·16 =
    # 5,088, PyTorch's count
    text = module_file(
        "self.c3 = nn.Conv2d(3, 16, 3, stride=2, padding=1)\nself.c4 = nn.Conv2d(16, 16, 3, stride=2, padding=1)\n"
        "self.c5 = nn.Conv2d(16, 16, 3, stride=2, padding=1)",
        "p3 = self.c3(x)\np4 = self.c4(p3)\np5 = self.c5(p4)\nreturn [p3.relu(), p4.relu(), p5.relu()]")
    report = _read_with_params(text, "64x64x3", 448 + 2 * 2320)
    # in the order the model returns them (a head inside another after it)
    assert [o.shape.dims for o in report.outputs] == [(32, 32, 16), (16, 16, 16), (8, 8, 16)]


def test_eca_gates_are_one_filter_sliding_along_the_pooled_channels() -> None:
    # ECA-Net's `nn.Conv1d(1, 1, k)` on a map's pooled channels viewed as a sequence was E070 at the Conv1d: four ways
    # of writing it (tests/fixtures/notations/channel_attention.py; PyTorch agrees in test_pytorch_itself_agrees_...)
    report = analyze(FIXTURES / "channel_attention.py", input="32x32x3")
    assert report.ok, report.messages()
    convs = {r.path: (r.op, r.params, r.macs, str(r.output)) for r in report.rows if r.keyword == "channelconv"}
    # the paper's length |log2(C) + 1|/2 made odd: 32 channels (5 + 1)/2 = 3; 256 channels (8 + 1)/2 = 4 -> 5
    assert list(convs.values()) == [
        ("channelconv 3 pad 1 nobias", 3, 32 * 3, "32"),  # each of the 32 channels, 3 products
        ("channelconv 5 pad 2 nobias", 5, 256 * 5, "256"),
        ("channelconv 5 pad 2", 5 + 1, 256 * 5, "256"),  # with its bias
        ("channelconv 7 pad 3 nobias", 7, 4 * 7, "4")]  # 4 - 7 + 2·3 + 1 = 4 channels kept
    # stem 3·3·3·32 + its norm 2·32; conv 3·3·32·256 + 256; the 1x1 conv 256·4 + 4; head 4·10 + 10; the gates
    assert report.totals.params == 27 * 32 + 64 + 9 * 32 * 256 + 256 + 256 * 4 + 4 + 4 * 10 + 10 + 3 + 5 + 6 + 7
    assert report.output.dims == (10,)


def test_segnets_unpooling_puts_values_back_where_the_pools_maxima_were() -> None:
    # tests/fixtures/notations/unpooling.py on 20x24x3 (PyTorch agrees in test_pytorch_itself_agrees_...): three
    # max pools that return their indices, each undone by a max_unpool2d; was E070 at nn.MaxUnpool2d
    report = analyze(FIXTURES / "unpooling.py", input="20x24x3")
    assert report.ok, report.messages()
    joins = [(r.op, str(r.output)) for r in report.rows if r.keyword == "maxunpool" and r.kind != "join"]
    # 20x24 pooled to 10x12, to 5x6, and by 3x3/2 padded 1 with ceil to ceil((5 - 3 + 2)/2) + 1 = 3 by
    # ceil((6 - 3 + 2)/2) + 1 = 4; each back to the map its pool read: 5x6x16, 10x12x16, 20x24x8 (the one without
    # output_size `exact`: its windows must tile the map, as they do 10x12)
    assert sorted(joins) == [("maxunpool 2x2 stride 2 exact of 2", "10x12x16"),
                             ("maxunpool 2x2 stride 2 of 2", "20x24x8"),
                             ("maxunpool 3x3 stride 2 pad 1 ceil of 2", "5x6x16")]
    # convs without bias and their norms: 3·3·3·8 + 16, 3·3·8·16 + 32, 3·3·16·16 + 32 (twice), 3·3·16·8 + 16, and
    # the classifier 3·3·8·5 + 5; no parameters in the unpooling
    assert report.totals.params == (216 + 16) + (1152 + 32) + 2 * (2304 + 32) + (1152 + 16) + (360 + 5)
    assert report.output is not None and report.output.dims == (20, 24, 5)


@pytest.mark.parametrize("size, wanted", [
    # the 3x3 stem gives 14x14 from 16x16 and 15x13 from 17x15: pooled 2x2 stride 2 to 7x7 and 7x6, unpooled
    # without output_size to (7 - 1)·2 - 2·0 + 2 = 14 and (6 - 1)·2 - 2·0 + 2 = 12: the map's own 14x14, not 15x13
    ("16x16x3", "14x14x8"), ("17x15x3", None)])
def test_unpooling_without_output_size_is_the_pooled_maps_size_only_where_the_windows_tile_it(
        size: str, wanted: str | None) -> None:
    text = module_file("self.stem = nn.Conv2d(3, 8, 3)\nself.pool = nn.MaxPool2d(2, 2, return_indices=True)\n"
                       "self.unpool = nn.MaxUnpool2d(2, 2)",
                       "x = self.stem(x)\ny, where = self.pool(x)\nreturn self.unpool(y, where)")
    report = read_py(text, input=size)
    if wanted is not None:
        assert report.ok and str(report.output) == wanted, report.messages()
        return
    assert errors(report) == [("E067", *place_of(text, "self.unpool(y, where)"))]
    [error] = [d for d in report.diagnostics if d.code == "E067"]
    assert "(7 - 1)·2 - 2·0 + 2 = 14 rows and (6 - 1)·2 - 2·0 + 2 = 12 columns, 14x12, where the reference is " \
           "15x13" in error.message and "output_size=x.size()" in (error.hint or "")
    assert [d.code for d in report.diagnostics if d.code == "W030"] == ["W030"]  # the pool's own division, floored


@pytest.mark.parametrize("forward, words, at", [
    ("y, i = F.max_pool2d(x, 2, return_indices=True)\nreturn F.max_unpool2d(y, i, 2, output_size=y.shape[-2:])",
     "an output_size other than the pooled map's own", "F.max_unpool2d(y"),
    ("y = F.max_pool2d(x, 2)\nreturn F.max_unpool2d(y, y, 2)", "unpooling by indices other than a max pool's",
     "F.max_unpool2d(y"),
    ("y, i = F.max_pool2d(x, 2, return_indices=True)\nreturn F.max_unpool2d(y, i, 3, 2, 1)",
     "max unpooling by a kernel, stride or padding other than its pool's", "F.max_unpool2d(y"),
    ("y, i = F.max_pool2d(x, 3, 1, dilation=2, return_indices=True)\n"
     "return F.max_unpool2d(y, i, 3, 1, output_size=x.shape[-2:])",  # the dilated window spans 5 rows, not 3
     "max unpooling by a kernel, stride or padding other than its pool's", "F.max_unpool2d(y"),
    ("y, i = F.max_pool2d(x, 2, ceil_mode=True, return_indices=True)\nreturn F.max_unpool2d(y, i, 2)",
     "without output_size after a pool with dilation or ceil_mode", "F.max_unpool2d(y"),
])
def test_unpooling_other_than_back_to_the_pooled_map_is_e070(forward: str, words: str, at: str) -> None:
    # PyTorch unpools to output_size, or to (h - 1)·S - 2P + K: cnncalc follows the pooled map's own size, which
    # the second is where the pool's own windows tile the map
    text = module_file("self.stem = nn.Conv2d(3, 8, 3)", f"x = self.stem(x)\n{forward}")
    report = read_py(text, input="16x16x3")
    assert [d.code for d in report.diagnostics] == ["E070"] and words in report.diagnostics[0].message
    line = text.splitlines()[report.diagnostics[0].line - 1]
    assert line[report.diagnostics[0].column - 1:].startswith(at)


@pytest.mark.parametrize("init, forward, words, at", [
    ("self.conv = nn.Conv1d(64, 128, 3)", "return x",
     "nn.Conv1d with in_channels=64, out_channels=128 across a map's channels", "nn.Conv1d(64"),
    ("self.conv = nn.Conv1d(1, 1, 3, stride=2)", "return x", "nn.Conv1d with stride=2", "nn.Conv1d(1"),
    ("self.conv = nn.Conv1d(1, 1, 4, padding='same')", "return x", "padding=same of an even kernel", "nn.Conv1d(1"),
    ("self.conv = nn.Conv1d(1, 1, 3, padding=1)", "return self.conv(x)", "nn.Conv1d on a map or a vector",
     "nn.Conv1d(1"),
    ("self.conv = nn.Conv1d(1, 1, 3, padding=1)\nself.norm = nn.BatchNorm1d(1)",
     "y = self.norm(self.conv(x.mean((2, 3)).view(x.size(0), 1, -1)))\nreturn x * y.view(x.size(0), -1, 1, 1)",
     "nn.BatchNorm1d on a map's channels viewed as a sequence", "nn.BatchNorm1d("),
    ("self.conv = nn.Conv1d(1, 1, 3, padding=1)",
     "y = self.conv(x.mean((2, 3)).view(x.size(0), 1, -1))\nreturn x * y.expand_as(x)",
     "`.expand_as(...)` of a map's pooled channels viewed as a sequence", "y.expand_as(x)"),
])
def test_a_conv1d_other_than_across_pooled_channels_is_e070_saying_what_is_followed(init: str, forward: str,
                                                                                    words: str, at: str) -> None:
    text = module_file(f"self.stem = nn.Conv2d(3, 8, 3)\n{init}", f"x = self.stem(x)\n{forward}")
    report = read_py(text, input="16x16x3")
    assert codes_of(report) == ["E070"], report.messages()
    assert words in report.diagnostics[0].message
    d = report.diagnostics[0]
    assert (d.line, d.column) == place_of(text, at)


def test_modules_set_and_got_through_dunder_setattr_and_getattr() -> None:
    # kuangliu's DLA: `self.__setattr__('level_%d' % i, subtree)` in __init__ and `self.__getattr__('level_%d' % i)`
    # in forward, as setattr and getattr; it was E070. Two 3x3 convolutions 4 -> 4: (3·3·4 + 1)·4 = 148 each
    text = ("import torch.nn as nn\n\nclass Tree(nn.Module):\n    def __init__(self, level):\n"
            "        super().__init__()\n        self.level = level\n        for i in range(1, level):\n"
            "            self.__setattr__('level_%d' % i, nn.Conv2d(4, 4, 3, padding=1))\n"
            "    def forward(self, x):\n        for i in range(1, self.level):\n"
            "            x = self.__getattr__('level_%d' % i)(x)\n        return x\n\nmodel = Tree(3)\n")
    report = read_py(text, input="8x8x4")
    assert report.ok, report.messages()
    assert [r.name for r in report.rows if r.kind == "layer"] == ["level_1", "level_2"]
    assert report.totals.params == 2 * (3 * 3 * 4 + 1) * 4
    if importlib.util.find_spec("torch") is not None:
        assert parameters_in_pytorch(text) == report.totals.params


def test_weight_norm_is_a_learnt_length_per_filter() -> None:
    # `weight_norm(nn.Conv2d(3, 16, 3, padding=1))` (older and parametrized forms): (3·3·3 + 1)·16 + 16 lengths = 464;
    # a second convolution (3·3·16 + 1)·16 + 16 = 2,336; the Linear on 16·8·8: (1,024 + 1)·10 + 10 = 10,260. It was
    # E070 at the call
    text = ("import torch.nn as nn\nfrom torch.nn.utils import weight_norm\n\nclass Net(nn.Module):\n"
            "    def __init__(self):\n        super().__init__()\n"
            "        self.conv1 = weight_norm(nn.Conv2d(3, 16, 3, padding=1))\n"
            "        self.conv2 = nn.utils.parametrizations.weight_norm(nn.Conv2d(16, 16, 3, padding=1))\n"
            "        self.fc = nn.utils.weight_norm(nn.Linear(16 * 8 * 8, 10))\n"
            "    def forward(self, x):\n        return self.fc(self.conv2(self.conv1(x)).flatten(1))\n\n"
            "model = Net()\n")
    report = read_py(text, input="8x8x3")
    assert report.ok, report.messages()
    assert [r.op.endswith("weightnorm") for r in report.rows if r.kind == "layer"] == [True, True, False, True]
    assert report.totals.params == 464 + 2336 + 10260
    if importlib.util.find_spec("torch") is not None:
        assert parameters_in_pytorch(text) == report.totals.params
    # one length for the whole weight (dim=None), or per column: said, not counted otherwise
    refused = read_py(text.replace("weight_norm(nn.Conv2d(3, 16, 3, padding=1))",
                                   "weight_norm(nn.Conv2d(3, 16, 3, padding=1), dim=None)"), input="8x8x3")
    assert codes_of(refused) == ["E070"] and "weight_norm of nn.Conv2d with dim=None" in refused.diagnostics[0].message
    assert (refused.diagnostics[0].line, refused.diagnostics[0].column) == place_of(refused.source.text, "weight_norm(")


def _the_error_once_edited(fixture: str, old: str, new: str, size: str, at: str) -> Any:
    """The one error of a fixture whose text `old`, written once, is replaced by `new`, read at `size`: its line and
    column where `at` is written (the call that fails)."""
    text = (FIXTURES / fixture).read_text()
    assert text.count(old) == 1
    text = text.replace(old, new)
    [e] = [d for d in analyze_text(text, "m.py", input=size).diagnostics if d.severity == "error"]
    assert text.splitlines()[e.line - 1][e.column - 1:].startswith(at), (e.line, e.column)
    return e


def test_tensorflows_same_padding_computed_from_a_convolutions_own_stride_and_weight() -> None:
    # tests/fixtures/notations/same_padding.py on 33x33x3 (PyTorch agrees in test_pytorch_itself_agrees_...): a
    # subclass of nn.Conv2d reads `self.stride` (PyTorch keeps a pair: `len(self.stride)` was E070, the int given)
    # and `self.weight.size()[-2:]` (was E070), then pads as TensorFlow's 'same' does, ceil(N / S) out:
    # stem 3x3 stride 2: ceil(33/2) = 17, pad (17 - 1)·2 + 3 - 33 = 2, one each side, 3·3·3·32 = 864 weights,
    #   17·17·32·27 = 249,696 MACs; bn 2·32 = 64
    # depthwise 5x5 on 17: pad 16 + 5 - 17 = 4, two each side, 17x17x32, 5·5·32 = 800, 17·17·32·25 = 231,200
    # project 1x1: no pad, 17x17x16, 32·16 = 512, 17·17·16·32 = 147,968
    # reduce 3x3 stride 2 on 17: ceil(17/2) = 9, pad 8·2 + 3 - 17 = 2, 9x9x24, 3·3·16·24 = 3,456, 81·24·144 = 279,936
    # fc from `self.reduce.weight.shape[0]` = 24 to 5·len(kernel_size) = 10: 24·10 + 10 = 250, 240 MACs
    report = analyze(FIXTURES / "same_padding.py", input="33x33x3")
    assert report.ok and not [d for d in report.diagnostics if d.severity == "error"], report.messages()
    outputs = {r.name: r.output.dims for r in report.rows if r.kind == "layer" and r.output is not None}
    assert outputs["stem"] == (17, 17, 32) and outputs["depthwise"] == (17, 17, 32)
    assert outputs["reduce"] == (9, 9, 24) and report.output is not None and report.output.dims == (10,)
    assert report.totals.params == 864 + 64 + 800 + 512 + 3_456 + 250
    assert report.totals.macs == 249_696 + 231_200 + 147_968 + 279_936 + 240


def test_a_size_of_a_convolutions_weight_beyond_its_dimensions_is_e070_not_a_crash() -> None:
    text = (FIXTURES / "same_padding.py").read_text().replace("self.weight.size()[-2:]", "self.weight.size(7), 3")
    [e] = [d for d in analyze_text(text, "m.py", input="33x33x3").diagnostics if d.severity == "error"]
    assert e.code == "E070" and "a size of a weight with 4 dimensions" in e.message, e.message


def test_stages_decoded_from_strings_into_namedtuples_with_an_autograd_swish() -> None:
    # tests/fixtures/notations/block_strings.py on 33x33x3 (PyTorch agrees in test_pytorch_itself_agrees_...): each
    # was E070 (`collections.namedtuple`, `re.split`, `map`, `SwishFunction.apply`, a stride of [2]):
    # r1_k3_s2_c16: 3x3 stride [2] pad 1, (33 + 2 - 3)/2 + 1 = 17, 3·3·3·16 = 432 weights + bn 32,
    #   17·17·16·27 = 124,848 MACs
    # r2_k3_s1_c16: twice 3x3 (the record's stride replaced by [1]) 16 -> 16, 2·(2,304 + 32), 2·17·17·16·144 =
    #   1,331,712 (`expand` 1, the default `__new__.__defaults__` gives)
    # r1_k5_s2_c24: 5x5 stride 2 pad 2, (17 + 4 - 5)/2 + 1 = 9, 5·5·16·24 = 9,600 + 48, 9·9·24·400 = 777,600
    # fc 24 -> 10: 250, 240 MACs
    report = analyze(FIXTURES / "block_strings.py", input="33x33x3")
    assert report.ok and not [d for d in report.diagnostics if d.severity == "error"], report.messages()
    convs = [(r.op, r.output.dims) for r in report.rows if r.keyword == "conv" and r.output is not None]
    assert [dims for _, dims in convs] == [(17, 17, 16), (17, 17, 16), (17, 17, 16), (9, 9, 24)]
    assert report.totals.params == 432 + 32 + 2 * (2_304 + 32) + 9_600 + 48 + 250
    assert report.totals.macs == 124_848 + 1_331_712 + 777_600 + 240
    # each Swish's forward, `x * torch.sigmoid(x)`: the map times its sigmoid
    assert [r.op for r in report.rows if r.kind == "layer"].count("sigmoid") == 4
    assert [r.keyword for r in report.rows if r.kind == "join"] == ["mul"] * 4


@pytest.mark.parametrize("old, new, words, at", [
    # a pattern whose backtracking could grow without bound (a repeated group), or on a long string, is not run
    ('re.split(r"(\\d.*)", part)', 're.split(r"(\\d+)+", part)', "cnncalc runs patterns of up to 60 characters",
     "re.split("),
    ('re.split(r"(\\d.*)", part)', 're.split(r"(\\d.*)", part * 100)', "on 300 characters", "re.split("),
    ('re.split(r"(\\d.*)", part)', 're.split(r"(\\d.*", part)', "missing ), unterminated subpattern", "re.split("),
    ('["repeats", "kernel", "stride", "channels", "expand"]', '["repeats", "kernel", "stride", "channels", "1x"]',
     "Type names and field names must be valid identifiers", "collections.namedtuple("),
    ('channels=int(options["c"]))', 'channels=int(options["c"]), width=2)', "unexpected keyword argument 'width'",
     "Stage("),
    ("stage._replace(stride=[1])", "stage._replace(strides=[1])", "Got unexpected field names: ['strides']",
     "stage._replace("),
    ("(1,) * (len(Stage._fields) - 4)", "(1,) * 9", "set to other than defaults of a namedtuple's fields",
     "Stage.__new__"),
    # more fields than the documented limit, said where the namedtuple is made
    ('"channels", "expand"]', '"channels", "expand"] + ["f%d" % i for i in range(300)]',
     "cnncalc makes a namedtuple of a name, up to 256 field names", "collections.namedtuple("),
])
def test_namedtuples_and_regular_expressions_python_would_refuse_or_cnncalc_does_not_run_are_e070(
        old: str, new: str, words: str, at: str) -> None:
    e = _the_error_once_edited("block_strings.py", old, new, "33x33x3", at)
    assert e.code == "E070" and words in e.message, e.message


def test_convolutions_written_from_scratch_with_learnt_tensors_and_f_conv2d() -> None:
    # tests/fixtures/notations/scratch_layers.py on 33x33x3 (PyTorch agrees in test_pytorch_itself_agrees_...): a
    # learnt (C_out, C_in/groups, Kh, Kw) weight and (C_out,) bias applied with F.conv2d (was E070) are nn.Conv2d's:
    # stem 3x3 pad 1: 33x33x16, (3·3·3 + 1)·16 = 448, 33·33·16·27 = 470,448 MACs
    # depthwise 3x3 dilation 2 (it spans 5) stride 2 pad 2, groups 16, no bias: (33 + 4 - 5)/2 + 1 = 17, 3·3·16 = 144
    #   weights, frozen by `self.depthwise.weight.requires_grad = False`, 17·17·16·9 = 41,616 MACs
    # pointwise 1x1 16 -> 24: 16·24 + 24 = 408, 17·17·24·16 = 110,976; F.linear of a learnt (10, 24) weight and a
    # (10,) bias, nn.Linear(24, 10): 250, 240 MACs
    report = analyze(FIXTURES / "scratch_layers.py", input="33x33x3")
    assert report.ok and not report.diagnostics, report.messages()
    rows = {r.name: r for r in report.rows if r.kind == "layer"}
    assert rows["fc_fc"].op == "fc 10 inputs 24 noflatten"
    assert rows["depthwise_conv"].op == "conv 16 3x3 stride 2 pad 2 dilation 2 groups 16 nobias inputs 16 frozen"
    assert rows["depthwise_conv"].output.dims == (17, 17, 16)
    assert report.totals.params == 448 + 144 + 408 + 250 and report.totals.trainable == 448 + 408 + 250
    assert report.totals.macs == 470_448 + 41_616 + 110_976 + 240


@pytest.mark.parametrize("old, new, words, at", [
    # a learnt tensor applied twice is shared by PyTorch, which cnncalc would count twice
    ("x = F.relu(self.stem(x))", "x = F.relu(self.stem(x))\n        x = self.stem(x[:, :3])",
     "uses a learnt tensor used before", "F.conv2d("),
    # a weight of other than four dimensions is not a convolution's, nor one of other than two a linear layer's
    ("torch.empty(out_channels, in_channels // groups, kernel_size, kernel_size)", "torch.empty(out_channels, 9)",
     "cnncalc follows F.conv2d of a map with a learnt weight (C_out, C_in/groups, Kh, Kw)", "F.conv2d("),
    ("torch.randn(out_features, in_features) * 0.01", "torch.randn(out_features, in_features, 1)",
     "cnncalc follows F.linear of a map with a learnt weight (out, in)", "F.linear("),
])
def test_a_learnt_weight_cnncalc_cannot_read_as_a_convolution_is_e070(old: str, new: str, words: str,
                                                                        at: str) -> None:
    e = _the_error_once_edited("scratch_layers.py", old, new, "33x33x3", at)
    assert e.code == "E070" and words in e.message, e.message


def test_channels_padded_with_zeros_up_to_another_maps_as_enet_writes_it() -> None:
    # tests/fixtures/notations/zero_channels.py on 32x48x3 (PyTorch agrees in test_pytorch_itself_agrees_...):
    # `torch.cat((main, torch.zeros(n, ch_ext - ch_main, h, w)), 1)` (was E070) is `fit channels { ext | main }`,
    # and zeros of a count the module keeps, `padchannels 0 after 64`:
    # stem 3x3 pad 1: 32x48x16, (27 + 1)·16 = 448, 32·48·16·27 = 663,552 MACs
    # down1: pool 16x24x16; 2x2 stride 2 conv 16 -> 64, 4,096 weights, 16·24·64·64 = 1,572,864; bn 128; 3x3 64 -> 64,
    #   36,864, 16·24·64·576 = 14,155,776; bn 128; the pool's 16 channels and 48 of zeros: 16x24x64, added
    # down2: pool 8x12x64; 2x2 stride 2 conv 64 -> 128, 32,768, 8·12·128·256 = 3,145,728; bn 256; 3x3 128 -> 128,
    #   147,456, 8·12·128·1,152 = 14,155,776; bn 256; 64 zero channels after the pool's 64
    # fc 128 -> 10 on the mean: 1,290, 1,280 MACs
    report = analyze(FIXTURES / "zero_channels.py", input="32x48x3")
    assert report.ok and not report.diagnostics, report.messages()
    fits = [r for r in report.rows if r.kind == "join" and r.keyword == "fit"]
    assert [(r.op, r.output.dims) for r in report.rows if r.kind == "fit"] == [("fit channels of 2", (16, 24, 64))]
    assert [r.output.dims for r in fits] == [(16, 24, 64)]
    assert [(r.op, r.output.dims) for r in report.rows if r.keyword == "padchannels"] == \
        [("padchannels 0 after 64", (8, 12, 128))]
    assert report.totals.params == 448 + 4_096 + 128 + 36_864 + 128 + 32_768 + 256 + 147_456 + 256 + 1_290
    assert report.totals.macs == 663_552 + 1_572_864 + 14_155_776 + 3_145_728 + 14_155_776 + 1_280


@pytest.mark.parametrize("old, new, words, at", [
    # zero channels of the gap joined before the map, or to another map than the one whose channels they complete
    ("main = torch.cat((main, padding), 1)", "main = torch.cat((padding, main), 1)",
     "zero channels joined before a map", "torch.cat("),
    ("main = torch.cat((main, padding), 1)", "main = torch.cat((ext, padding), 1)",
     "zero channels joined to another map than the one whose channels they add to",
     "torch.cat("),
])
def test_zero_channels_cnncalc_cannot_place_are_e070(old: str, new: str, words: str, at: str) -> None:
    e = _the_error_once_edited("zero_channels.py", old, new, "32x48x3", at)
    assert e.code == "E070" and words in e.message, e.message


@pytest.mark.parametrize("statement", [
    # three repetitions over 200 characters try about 200^4 ways, half a second a call
    'n += len(re.split(r"\\d*\\d*\\d*x", "1" * 200))',
    # Python makes a namedtuple's class from source: some 80 µs, and 4 µs a field
    'S = collections.namedtuple("S", ["f%d" % j for j in range(200)])',
])
def test_pythons_own_work_for_the_reader_counts_in_its_steps(statement: str) -> None:
    # charged as the reader's steps, a loop of 100,000 such statements stops at the limit (E070) within a second,
    # after a few calls or some 900 namedtuples
    text = f"""
import collections
import re
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        n = 0
        for i in range(100000):
            {statement}
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc(x)
"""
    [e] = [d for d in analyze_text(text, "m.py", input="4").diagnostics if d.severity == "error"]
    assert e.code == "E070" and "more than 200,000 steps to follow" in e.message and e.line == 12


def test_enets_transposed_convolutions_called_with_the_encoders_size() -> None:
    # tests/fixtures/notations/enet_bottlenecks.py on 50x46x3 (PyTorch agrees in test_pytorch_itself_agrees_...):
    #   initial: 3x3/2 conv 3 -> 13 without bias, 13·27 = 351; its pool beside it; bn 16: 32; PReLU 1: 384. Out:
    #     (50 + 2 - 3)/2 + 1 = 25 (floor), (46 + 2 - 3)/2 + 1 = 23, pooled 25x23 too: 25x23x16 (`stage_size`)
    #   down 16 -> 64 (inner 4): 2x2/2 16 -> 4, 256; bn 8; PReLU 1; 3x3 4 -> 4, 144; bn 8; PReLU 1; 1x1 4 -> 64, 256;
    #     bn 128; PReLU 1; the sum's PReLU 1: 804. Out 12x11x64 (the pool's 16 channels and 48 of zeros)
    #   regular 64 (inner 16, dilated 2): 1,024 + 32 + 1 + 2,304 + 32 + 1 + 1,024 + 128 + 1 + 1 = 4,548
    #   up 64 -> 16 (inner 16): main 1x1 64 -> 16 1,024 and bn 32, unpooled to 25x23; ext 1x1 64 -> 16 1,024, bn 32,
    #     PReLU 1, the 2x2/2 transposed 16 -> 16 1,024 to the stage's 25x23: (12 - 1)·2 + 2 = 24 and 22, output
    #     padding 1 and 1; bn 32, PReLU 1, 1x1 16 -> 16 256, bn 32, PReLU 1; the sum's PReLU 1: 3,460
    #   full: 3x3/2 pad 1, 16 -> 12 without bias, 16·12·9 = 1,728, to the input's 50x46: (25 - 1)·2 - 2 + 3 = 49 and
    #     45, output padding 1 and 1
    # 384 + 804 + 4,548 + 3,460 + 1,728 = 10,924; MACs of the two transposed: 12·11·16·2·2·16 = 135,168 and
    # 25·23·16·3·3·12 = 993,600
    report = analyze(FIXTURES / "enet_bottlenecks.py", input="50x46x3")
    assert not [d for d in report.diagnostics if d.severity == "error"], report.messages()
    assert report.totals.params == 384 + 804 + 4_548 + 3_460 + 1_728 == 10_924
    sized = {r.name: r for r in report.rows if r.keyword == "deconv"}
    assert [(r.layer.spec_text(), r.output.dims, r.macs) for r in sized.values() if r.layer and r.output] == [
        ("deconv 16 2x2 stride 2 outpad 1 nobias inputs 16", (25, 23, 16), 135_168),
        ("deconv 12 3x3 stride 2 pad 1 outpad 1 nobias inputs 16", (50, 46, 12), 993_600)]
    assert report.output is not None and report.output.dims == (50, 46, 12)


@pytest.mark.parametrize("old, new, code, words, at", [
    ("return self.full(x, output_size=input_size)", "return self.full(x, output_size=[50, 46])", "E070",
     "an output_size cnncalc cannot trace to a map", "self.full("),
    ("return self.full(x, output_size=input_size)", "return self.full(self.full(x, output_size=input_size)[:, :1], "
     "output_size=input_size)", "E070", "a transposed convolution applied twice", "self.full(self.full("),
    # a 5x5 kernel: (25 - 1)·2 - 2 + 5 = 51 rows at least, not the input's 50 (PyTorch refuses it too), at the module
    ("nn.ConvTranspose2d(16, classes, 3,", "nn.ConvTranspose2d(16, classes, 5,", "E068",
     "its output height can be 51 to 52 ((25 - 1)·2 - 2 + 5", "nn.ConvTranspose2d(16, classes, 5"),
])
def test_transposed_convolutions_sized_where_cnncalc_cannot_follow_are_refused(old: str, new: str, code: str,
                                                                              words: str, at: str) -> None:
    e = _the_error_once_edited("enet_bottlenecks.py", old, new, "50x46x3", at)
    assert e.code == code and words in e.message, e.message
