"""Lines of PyTorch or MATLAB code pasted into a spec: one E073 at the code, with the layer in the
spec language as a hint; the line is skipped (no E001 run, no row named `nn1`). The spec forms
expected here are written from PyTorch's and MATLAB's documented signatures (Conv2d(in_channels,
out_channels, kernel_size, stride, padding); convolution2dLayer(filterSize, numFilters, ...)), and
each hint, put in place of the code, analyses to what the framework's reader gives."""
from __future__ import annotations

import re
from typing import Any

import pytest
from click.testing import CliRunner

from cnncalc import analyze_text
from cnncalc.cli import cli


def pasted(line: str, input_line: str = "input 32x32x3") -> Any:
    report = analyze_text(f"{input_line}\n{line}\n", "homework.spec")
    [d] = report.diagnostics
    return report, d


def spec_form(hint: str) -> str:
    m = re.match(r"in the spec language: `([^`]*)`", hint)
    assert m is not None, hint
    return m.group(1)


def test_the_lectures_pytorch_line_gets_its_spec_form() -> None:
    report, d = pasted("nn.Conv2d(in_channels=3, out_channels=16, kernel_size=3, stride=3, padding=1)")
    assert (d.code, d.line, d.column) == ("E073", 2, 1)
    assert "PyTorch code" in d.message
    assert d.hint is not None and spec_form(d.hint).startswith("conv 16 3x3 stride 3 pad 1")
    assert report.rows == []  # the code is skipped, not read as a layer named `nn`
    # The hint is a spec line: in place of the code it gives PyTorch's floor of (32 - 3 + 2·1)/3 + 1 = 11.33,
    # 11x11x16 and (3·3·3 + 1)·16 = 448 parameters, and says the stride does not fit.
    fixed = analyze_text(f"input 32x32x3\nrounding floor\n{spec_form(d.hint)}\n")
    assert fixed.rows[0].output.dims == (11, 11, 16)
    assert fixed.totals.params == 448
    read = analyze_text("nn.Conv2d(in_channels=3, out_channels=16, kernel_size=3, stride=3, padding=1)\n",
                        "model.py", input="32x32x3")
    assert (read.rows[0].output.dims, read.totals.params) == ((11, 11, 16), 448)


def test_the_lectures_matlab_line_gets_its_spec_form() -> None:
    _, d = pasted("convolution2dLayer(11,96,'Stride',[4 4],'Padding',[2 2 2 2])", "input 227x227x3")
    assert (d.code, d.line, d.column) == ("E073", 2, 1)
    assert "MATLAB code" in d.message
    assert d.hint is not None and spec_form(d.hint) == "conv 96 11x11 stride 4 pad 2"
    # (227 - 11 + 2·2)/4 + 1 = 56; (11·11·3 + 1)·96 = 34,944
    fixed = analyze_text(f"input 227x227x3\n{spec_form(d.hint)}\n")
    assert (fixed.rows[0].output.dims, fixed.totals.params) == ((56, 56, 96), 34_944)


@pytest.mark.parametrize(("line", "column", "form"), [
    ("nn.Conv2d(3, 16, 3, stride=3, padding=1)", 1, "conv 16 3x3 stride 3 pad 1"),
    ("    nn.Conv2d(3, 16, kernel_size=(5, 3), padding='same'),", 5, "conv 16 5x3 pad 2,2,1,1"),
    ("self.conv1 = nn.Conv2d(3, 6, 5)", 14, "conv1: conv 6 5x5"),
    ("torch.nn.MaxPool2d(3, 2, ceil_mode=True)", 1, "maxpool 3x3 stride 2 ceil"),
    ("nn.MaxPool2d(2)", 1, "maxpool 2x2 stride 2"),  # PyTorch: stride defaults to kernel_size
    ("nn.ReLU(inplace=True),  # after conv1", 1, "relu"),
    ("fc = nn.Linear(4096, 1000, bias=False)", 6, "fc: fc 1000 nobias"),
    ("maxPooling2dLayer(3,'Stride',2)", 1, "maxpool 3x3 stride 2"),
    ("    maxPooling2dLayer(2)", 5, "maxpool 2x2 stride 1"),  # MATLAB: stride defaults to 1
    ("convolution2dLayer(3,64,'Padding','same','Name','conv1_1')", 1, "conv1_1: conv 64 3x3 pad same"),
    ("fullyConnectedLayer(10);", 1, "fc 10"),
    ("reluLayer", 1, "relu"),
    ("imageInputLayer([28 28 1])", 1, "input 28x28x1"),
])
def test_layer_lines_of_either_framework(line: str, column: int, form: str) -> None:
    _, d = pasted(line)
    assert (d.code, d.line, d.column) == ("E073", 2, column)
    assert d.hint is not None
    assert spec_form(d.hint).split(" inputs ")[0] == form


def test_a_call_over_several_lines_is_one_diagnostic() -> None:
    report = analyze_text("input 32x32x3\nnn.Conv2d(3, 16,\n          3, stride=2)\nconv 8 1x1\n", "a.spec")
    [d] = report.diagnostics
    assert (d.code, d.line) == ("E073", 2)
    assert d.hint is not None and spec_form(d.hint).startswith("conv 16 3x3 stride 2")
    assert [r.output.dims for r in report.rows] == [(32, 32, 8)]  # the spec line after it is read


def test_a_call_left_open_takes_only_its_own_line() -> None:
    report = analyze_text("input 8x8x3\nnn.Conv2d(3, 16,\nconv 4 1x1\nrelu\n", "a.spec")
    assert [d.code for d in report.diagnostics] == ["E073"]
    assert [r.output.dims for r in report.rows] == [(8, 8, 4), (8, 8, 4)]  # the spec lines after it are read


def test_a_pasted_sequential_gets_its_layers_in_one_line() -> None:
    text = ("input 28x28x1\nfeatures = nn.Sequential(\n    nn.Conv2d(1, 6, 5, padding=2),  # same size\n"
            "    nn.ReLU(),\n    nn.MaxPool2d(2),\n)\nfc 10\n")
    report = analyze_text(text, "a.spec")
    [d] = report.diagnostics
    assert (d.code, d.line) == ("E073", 2) and d.hint is not None
    # no label: a label names one layer
    assert spec_form(d.hint) == "conv 6 5x5 pad 2 inputs 1 ; relu ; maxpool 2x2 stride 2"
    assert [r.keyword for r in report.rows] == ["fc"]  # the whole call is skipped, the spec line after it read


def test_a_pasted_matlab_array_gets_a_diagnostic_per_line_and_no_run_of_e001() -> None:
    text = ("input 28x28x1\nlayers = [\n    convolution2dLayer(3,8,'Padding','same')\n    reluLayer\n"
            "    fullyConnectedLayer(10)];\nfc 10\n")
    report = analyze_text(text, "a.spec")
    assert [(d.code, d.line) for d in report.diagnostics] == [("E073", 2), ("E073", 3), ("E073", 4), ("E073", 5)]
    hints = [d.hint or "" for d in report.diagnostics]
    assert "opens a MATLAB layer array" in hints[0]
    assert [spec_form(h) for h in hints[1:]] == ["conv 8 3x3 pad same", "relu", "fc 10"]
    assert [r.keyword for r in report.rows] == ["fc"]


def test_code_that_has_no_spec_form_says_why() -> None:
    _, d = pasted("nn.ConvTranspose2d(3, 16, 3, padding_mode='reflect')")  # PyTorch pads it with zeros only
    assert d.code == "E073" and d.hint is not None and "padding_mode='reflect'" in d.hint
    # reflection and wrapping around have a spec form: the padding, then the convolution without it
    _, d = pasted("nn.Conv2d(3, 16, 3, padding=1, padding_mode='reflect')")
    assert d.code == "E073" and d.hint is not None and "`reflectpad 1 ; conv 16 3x3 inputs 3`" in d.hint
    _, d = pasted("nn.Conv2d(3, 16, 3, padding=1, padding_mode='circular')")
    assert d.code == "E073" and d.hint is not None and "`circularpad 1 ; conv 16 3x3 inputs 3`" in d.hint
    _, d = pasted("nn.Transformer(512)")
    assert d.code == "E073" and d.hint is not None and "nn.Transformer" in d.hint
    _, d = pasted("additionLayer(2)")
    assert d.code == "E073" and d.hint is not None and "additionLayer" in d.hint
    _, d = pasted("nn.Conv2d(3, 10**30, 3)")  # a hint is only given when the spec parser accepts it
    assert d.code == "E073" and d.hint is not None and "in the spec language" not in d.hint


def test_spec_lines_that_look_alike_are_not_taken_for_code() -> None:
    # a block whose name ends in `Layer` is a block call, and `nn` a name like any other
    report = analyze_text("block convLayer(c) {\n  conv c 3x3 pad 1\n}\ninput 8x8x3\nconvLayer(4)\n"
                          "nn: conv 2 1x1\n")
    assert report.ok, report.messages()
    assert [(r.name, r.output.dims) for r in report.rows] == [("convLayer1", (8, 8, 4)), ("conv1", (8, 8, 4)),
                                                             ("nn", (8, 8, 2))]


def test_the_cli_prints_the_hint_under_the_caret() -> None:
    result = CliRunner().invoke(cli, ["-"], input="input 32x32x3\nnn.Conv2d(3, 16, 3, stride=3, padding=1)\n")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    start = next(i for i, s in enumerate(lines) if "error[E073]" in s)
    assert lines[start].startswith("<stdin>:2:1: error[E073]")
    assert lines[start + 1] == " 2 | nn.Conv2d(3, 16, 3, stride=3, padding=1)"
    assert lines[start + 2] == "   | " + "^" * len("nn.Conv2d(3, 16, 3, stride=3, padding=1)")
    assert "conv 16 3x3 stride 3 pad 1" in lines[start + 3]
    assert sum("error[" in s for s in lines) == 1
