"""Every reader meets extreme and wrong values with a located diagnostic, never an exception: each
number of each fixture replaced in turn by 0, -1, 10**30, 1e309 and a string, and each file cut
short at a few points."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnncalc import analyze_text

FIXTURES = Path(__file__).resolve().parent / "fixtures/notations"
TEXT_FIXTURES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".py", ".m", ".prototxt", ".json", ".txt"))
REPLACEMENTS = ("0", "-1", "1" + "0" * 30, "1e309", '"x"')
# what a message shows of a value is the file's own writing, never a reader's record or an address
_RECORDS = re.compile(r"object at 0x|Call\(name=|\(kind=|Message object|Span\(start=|<ast\.")


def readable(message: str) -> bool:
    return _RECORDS.search(message) is None


def mutants(text: str) -> list[str]:
    numbers = list(re.finditer(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])", text))
    out = []
    for i, m in enumerate(numbers):
        value = REPLACEMENTS[i % len(REPLACEMENTS)]
        out.append(text[:m.start()] + value + text[m.end():])
    out += [text[:len(text) * k // 7] for k in range(1, 7)]
    return out


@pytest.mark.parametrize("path", TEXT_FIXTURES, ids=lambda p: p.name)
def test_mutated_files_give_diagnostics_not_exceptions(path: Path) -> None:
    for text in mutants(path.read_text()):
        report = analyze_text(text, path.name, input="32x32x3")
        for d in report.diagnostics:
            assert d.line >= 1 and d.column >= 1 and d.message and readable(d.message)
        if any(d.code in ("E070", "E071") for d in report.diagnostics):
            # a file read only in part has no totals: the sum of the layers read is not the network's
            assert report.totals.params is None and report.totals.macs is None and report.output is None


_EDITS = ("(", ")", "[", "]", "{", "}", ",", ":", "=", '"', "\n", "0", "-1", "99999999999", "null", "true", "1e308",
          "nan", "\\", "#", "%", "...", "nn.Conv2d(", "layer {", 'type: "Convolution"', '"kernel_size": [0, 0]',
          "convolution2dLayer(", "Sequential(", 'bottom: "x"', '{"class_name": "__keras_tensor__"}', "1if",
          "layers.Conv2D(", "keras.Input((", ".shape[-1]", "skips.append(x)\n")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TEXT_FIXTURES), st.lists(st.tuples(st.floats(0, 1), st.sampled_from(_EDITS), st.integers(0, 40)),
                                                 min_size=1, max_size=6))
def test_randomly_edited_files_give_diagnostics_not_exceptions(path: Path, edits: list[tuple[float, str, int]]) -> None:
    # Insertions of the notations' own punctuation and keywords, and deletions, anywhere in a fixture.
    text = path.read_text()
    for where, token, cut in edits:
        at = int(where * len(text))
        text = text[:at] + token + text[at + cut:] if cut % 2 else text[:at] + token + text[at:]
    report = analyze_text(text, path.name, input="32x32x3")
    assert all(d.line >= 1 and d.column >= 1 and d.message and readable(d.message) for d in report.diagnostics)
    if any(d.code in ("E070", "E071") for d in report.diagnostics):
        assert report.totals.params is None and report.output is None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32))
def test_reader_fuzz_cases_give_located_readable_diagnostics(seed: int) -> None:
    # The long run's reader cases (benchmarks/fuzz.py): a notation's file edited with its own words and values.
    from tests.grammar import reader_case
    name, text = reader_case(seed)
    report = analyze_text(text, name, input="32x32x3")
    assert all(d.line >= 1 and d.column >= 1 and d.message and readable(d.message) for d in report.diagnostics)


@pytest.mark.parametrize("name, text, message, at", [
    ("p.py", "import torch.nn as nn\nmodel = nn.Sequential(nn.Conv2d(3, 8, kernel_size=nn.ReLU()))\n",
     "not supported: kernel_size=nn.ReLU(…) (expected a whole number or a pair)", 'nn.Conv2d('),
    ("p.py", "import torch.nn as nn\nclass A:\n    pass\nmodel = nn.Sequential(nn.Conv2d(3, 8, A()))\n",
     "not supported: kernel_size=A(…) (expected a whole number or a pair)", 'nn.Conv2d('),
    ("p.py", "import torch.nn as nn\nmodel = nn.Sequential(nn.Conv2d(3, 8, 3), nn.LeakyReLU(negative_slope=[0.1]))\n",
     "not supported: negative_slope=[0.1]", 'nn.LeakyReLU('),
    ("n.prototxt", 'input: "data"\ninput_shape { dim: 1 dim: 3 dim: 8 dim: 8 }\nlayer { name: "c" type: "Convolution" '
     'bottom: "data" top: "c" convolution_param { num_output: { a: 1 } kernel_size: 3 } }\n',
     "num_output: expected a positive whole number, found { … }", '{ num_output'),
    ("n.prototxt", 'input: "data"\ninput_shape { dim: 1 dim: 3 dim: 8 dim: 8 }\nlayer { name: "c" type: "Convolution" '
     'bottom: "data" top: "c" convolution_param { num_output: 8 kernel_size: "3" } }\n', 'kernel_size: ["3"]',
     '{ num_output'),
    ("l.m", "layers = [imageInputLayer([8 8 3]) convolution2dLayer(3, numF)];\n",
     "convolution2dLayer: numFilters `numF` (expected a whole number; `numF` has no value cnncalc follows: a "
     "number, or + - * / of numbers)", "convolution2dLayer("),
    ("l.m", "layers = [imageInputLayer([8 8 3]) convolution2dLayer([3 k], 8)];\n",
     "convolution2dLayer: size `[3 k]` (expected a positive whole number or [h w]; `k` has no value cnncalc follows: a "
     "number, or + - * / of numbers)", "convolution2dLayer("),
    ("l.m", "layers = [imageInputLayer([8 8 3]) convolution2dLayer(3, 8, 'Stride', 'two')];\n",
     "convolution2dLayer: Stride `'two'` (expected a positive whole number or [h w])", 'convolution2dLayer('),
    ("k.json", '{"class_name": "Sequential", "config": {"layers": [{"class_name": "InputLayer", "config": '
     '{"batch_input_shape": [null, 8, 8, 3]}}, {"class_name": "Conv2D", "config": {"filters": 8, '
     '"kernel_size": [3, 3], "padding": null}}]}}', "padding null", '{"class_name"'),
])
def test_a_value_in_a_message_is_written_as_the_file_writes_it(name: str, text: str, message: str, at: str) -> None:
    # They showed the readers' records: `Layer(kind='ReLU', args=…, node=<ast.Call object at 0x…>)`,
    # `<cnncalc.readers.caffe.Message object at 0x…>`, `Call(name='numF', args=[], span=Span(…))`. The caret is
    # at the call, the parameter message or (Keras) the document that holds the value.
    report = analyze_text(text, name, input="8x8x3")
    [d] = [d for d in report.diagnostics if d.message == message]
    offset = text.index(at)  # its first occurrence
    assert (d.line, d.column) == (text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset))


def test_a_keras_tensor_without_its_history_is_e071() -> None:
    # Found by the edit test above: a Keras 3 inbound tensor whose `config` was cut out raised KeyError.
    text = (FIXTURES / "residual_keras3.json").read_text()
    broken = text.replace('"__keras_tensor__", "config"', '"__keras_tensor__", "confix"', 1)
    assert broken != text
    report = analyze_text(broken, "model.json", input="32x32x3")
    assert [d.code for d in report.diagnostics] == ["E071"]
    assert "keras_history" in report.diagnostics[0].message


def test_python_warnings_from_reading_a_file_stay_off_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    import warnings
    # `1if` is a SyntaxWarning when Python compiles it; cnncalc reads the file and never runs it.
    text = "import torch.nn as nn\nk = 1if True else 2\nmodel = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU())\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning that escaped would fail the analysis here
        report = analyze_text(text, "model.py", input="32x32x3")
    assert report.totals.params == 3 * 3 * 3 * 8 + 8  # (K·K·C_in + 1)·C_out
    assert capfd.readouterr().err == ""


_CUT_SHORT = {
    "net.py": ("import torch.nn as nn\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
               "        self.conv1 = nn.Conv2d(3, 8, 3)\n        self.conv2 = nn.Conv2d(8, 8, 3)\n"
               "    def forward(self, x):\n        x = self.conv1(x)\n        x = x.unfold(2, 3, 1)\n"
               "        return self.conv2(x)\n", "x.unfold(2, 3, 1)"),
    "net.prototxt": ('input: "data"\ninput_shape { dim: 1 dim: 3 dim: 32 dim: 32 }\n'
                     'layer { name: "conv1" type: "Convolution" bottom: "data" top: "conv1" '
                     'convolution_param { num_output: 8 kernel_size: 3 } }\n'
                     'layer { name: "odd" type: "Weirdo" bottom: "conv1" top: "odd" }\n'
                     'layer { name: "conv2" type: "Convolution" bottom: "odd" top: "conv2" '
                     'convolution_param { num_output: 8 kernel_size: 3 } }\n', 'type: "Weirdo"'),
    "net.json": ('{"class_name": "Sequential", "config": {"name": "s", "layers": ['
                 '{"class_name": "InputLayer", "config": {"name": "in", "batch_shape": [null, 32, 32, 3]}}, '
                 '{"class_name": "Conv2D", "config": {"name": "conv1", "filters": 8, "kernel_size": [3, 3]}}, '
                 '{"class_name": "LSTM", "config": {"name": "odd", "units": 4}}, '
                 '{"class_name": "Conv2D", "config": {"name": "conv2", "filters": 8, "kernel_size": [3, 3]}}]}}',
                 '"name": "odd"'),
}


@pytest.mark.parametrize("name", sorted(_CUT_SHORT))
def test_a_file_read_in_part_shows_the_layers_before_and_no_totals(name: str) -> None:
    # A construct a reader cannot follow stops it (E070 there). The layers before it are shown with
    # their numbers: conv 8 3x3 on 32x32x3 gives (32 - 3)/1 + 1 = 30 and (3·3·3 + 1)·8 = 224
    # parameters. Then one row stands for what was not read, unknown, and so are the output and
    # every total: the 224 read so far is not the network's count (it used to be reported as such).
    text, construct = _CUT_SHORT[name]
    report = analyze_text(text, name, input="32x32x3")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.code == "E070" and construct in text[error.span.start:error.span.end]
    first, unread = report.rows
    assert (first.keyword, first.output.dims, first.params) == ("conv", (30, 30, 8), 224)
    assert (unread.name, unread.output, unread.known) == ("unreadable", None, False)
    assert report.output is None and all(v is None for v in report.totals[:7])
    assert report.to_dict()["totals"]["params"] is None


def test_a_network_too_large_to_build_has_no_totals() -> None:
    # E058 stops the expansion before anything is built: there are no rows, and no totals either (not 0)
    report = analyze_text("input 32x32x3\nconv 8 3x3\nrepeat 200000 { conv 8 3x3 pad 1 ; relu }\n", "big.spec")
    assert [d.code for d in report.diagnostics] == ["E058"]
    assert report.rows == [] and report.totals.params is None and report.totals.macs is None


def test_a_matlab_array_read_in_part_shows_the_layers_before() -> None:
    # the input and the convolution before the unknown function are shown (they were not: no input, no
    # rows); (32 - 3)/1 + 1 = 30 and (3·3·3 + 1)·8 = 224; the totals stay unknown
    text = ("layers = [\n    imageInputLayer([32 32 3])\n    convolution2dLayer(3, 8)\n    weirdLayer(3)\n"
            "    convolution2dLayer(3, 8)\n];\n")
    report = analyze_text(text, "net.m")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.code == "E070" and error.line == 4 and report.input.dims == (32, 32, 3)
    first, unread = report.rows
    assert (first.name, first.output.dims, first.params) == ("conv_1", (30, 30, 8), 224)
    assert unread.name == "unreadable" and report.totals.params is None


KERAS_SUMMARY = '''Model: "sequential"
_________________________________________________________________
 Layer (type)                Output Shape              Param #
=================================================================
 conv2d (Conv2D)             (None, 26, 26, 32)        320
 flatten (Flatten)           (None, 21632)             0
=================================================================
Total params: 320
'''
TORCHINFO_SUMMARY = '''==========================================================================================
Layer (type:depth-idx)                   Output Shape              Param #
==========================================================================================
Net                                      [1, 10]                   --
├─Conv2d: 1-1                            [1, 6, 28, 28]            456
==========================================================================================
'''


@pytest.mark.parametrize("text, printed, instead", [
    (KERAS_SUMMARY, "Keras' `model.summary()`", "`model.to_json()`"),
    (TORCHINFO_SUMMARY, "torchinfo's or torchsummary's summary", "PyTorch source")])
def test_a_pasted_model_summary_is_one_e070_saying_what_to_give(text: str, printed: str, instead: str) -> None:
    # Read as the spec language, Keras' printout was 18 errors, one per line, none saying why.
    report = analyze_text(text, "summary.txt")
    [d] = report.diagnostics
    assert (d.code, d.line, d.column) == ("E070", 3 if text is KERAS_SUMMARY else 2, 1)
    assert printed in d.message and "not its kernel, stride or padding" in d.message and instead in (d.hint or "")
    assert report.totals.params is None  # nothing computed: no total from a printout


TORCH_REPR = '''Net(
  (conv1): Conv2d(3, 6, kernel_size=(5, 5), stride=(1, 1))
  (pool): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
  (fc1): Linear(in_features=400, out_features=120, bias=True)
)
'''


def test_a_pasted_print_of_a_pytorch_model_is_one_e070_saying_what_to_give() -> None:
    # Read as the spec language it was 9 errors, one per line, none saying why
    report = analyze_text(TORCH_REPR, "model.txt")
    [d] = report.diagnostics
    assert (d.code, d.line, d.column) == ("E070", 2, 1)
    assert d.message.startswith("not supported: this is the printout of PyTorch's `print(model)`: it lists the modules")
    assert "PyTorch source" in (d.hint or "") and report.totals.params is None


SEQUENTIAL_PRINT = '''>>> print(model)
Sequential(
  (conv1): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1), padding=same, padding_mode=reflect)
  (bn1): BatchNorm2d(8, eps=1e-05, momentum=0.1, affine=True, bias=True, track_running_stats=True)
  (relu): ReLU(inplace=True)
  (features): Sequential(
    (0): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
    (1): Conv2d(8, 16, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False)
  )
  (pool): AdaptiveAvgPool2d(output_size=(1, 1))
  (flatten): Flatten(start_dim=1, end_dim=-1)
  (fc): Linear(in_features=16, out_features=10, bias=True)
)
'''


def test_a_pasted_print_of_an_nn_sequential_is_read_in_its_order_with_its_names() -> None:
    # An nn.Sequential runs its modules in the order printed, each printed with its constructor's arguments.
    # It was one E070, as a Module's printout is.
    report = analyze_text(SEQUENTIAL_PRINT, "model.txt", input="16x16x3")
    assert report.ok, report.messages()
    # conv1 (3·3·3 + 1)·8 = 224 ('same' on 16x16: 16x16x8; reflection padding its own row); bn1 2·8 learnt;
    # features.1 (3·3·8)·16 = 1,152 on the 8x8 the pool leaves: (8 - 3 + 2·1)/2 + 1 = 4.5 -> 4; fc (16 + 1)·10 = 170
    assert report.totals.params == 224 + 16 + 1152 + 170 and report.totals.non_trainable == 16
    assert [r.name for r in report.rows] == ["conv1_pad", "conv1", "bn1", "relu", "features_0", "features_1", "pool",
                                             "flatten", "fc"]
    assert report.rows[5].output.dims == (4, 4, 16) and report.output.dims == (10,)
    # its diagnostics point at the printout's own lines and columns
    [w030] = [d for d in report.diagnostics if d.code == "W030"]
    assert (w030.line, w030.column) == (8, 10)
    for pasted in (SEQUENTIAL_PRINT.replace("\n", "\r\n"), SEQUENTIAL_PRINT.replace("\n", "  \n")):  # as pasted
        again = analyze_text(pasted, "model.txt", input="16x16x3")
        assert again.ok and again.totals.params == report.totals.params, again.messages()


def test_a_sequential_printout_agrees_with_pytorch() -> None:
    torch = pytest.importorskip("torch")
    import contextlib
    import io
    from collections import OrderedDict
    nn = torch.nn
    models = [
        nn.Sequential(nn.Conv2d(3, 6, 5, padding=2, groups=3), nn.LeakyReLU(0.2), nn.MaxPool2d(3, 2, ceil_mode=True),
                      nn.Sequential(nn.ConvTranspose2d(6, 4, 2, 2), nn.GroupNorm(2, 4)), nn.Upsample(scale_factor=2),
                      nn.ZeroPad2d((1, 0, 2, 1)), nn.Conv2d(4, 8, 3, dilation=2, padding="valid"), nn.Hardswish(),
                      nn.AdaptiveAvgPool2d((2, 3)), nn.Flatten(), nn.Dropout(0.3), nn.Linear(48, 5, bias=False)),
        nn.Sequential(OrderedDict([("stem", nn.Conv2d(1, 4, 3, padding="same", padding_mode="circular")),
                                   ("lrn", nn.LocalResponseNorm(3)), ("act", nn.SiLU()),
                                   ("down", nn.AvgPool2d(2)), ("bn", nn.BatchNorm2d(4, affine=False))])),
    ]
    for model in models:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            print(model.eval())
        report = analyze_text(printed.getvalue(), "model.txt", input="17x19x3" if model is models[0] else "17x19x1")
        assert report.ok, report.messages()
        with torch.no_grad():
            out = model(torch.zeros(1, 3 if model is models[0] else 1, 17, 19)).shape[1:]
        assert report.output.dims == ((out[1], out[2], out[0]) if len(out) == 3 else tuple(out))
        assert report.totals.params == sum(p.numel() for p in model.parameters())


@pytest.mark.parametrize("inner, line, column, words", [
    # a module of its own inside: its forward is not printed
    ("  (1): BasicBlock(\n    (conv1): Conv2d(8, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))\n  )\n", 3, 8,
     "`BasicBlock` (1) is a module whose `forward` the printout does not give"),
    ("  (1): Swish()\n", 3, 8, "`Swish` is not one of the torch.nn layers cnncalc reads"),
    ("  (1): ModuleList(\n    (0-1): 2 x ReLU()\n  )\n", 3, 8, "`ModuleList` (1) is a module whose `forward`"),
])
def test_a_sequential_printout_holding_what_it_does_not_order_is_one_e070(inner: str, line: int, column: int,
                                                                           words: str) -> None:
    text = ("Sequential(\n  (0): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1))\n" + inner +
            "  (2): Flatten(start_dim=1, end_dim=-1)\n)\n")
    report = analyze_text(text, "model.txt", input="8x8x3")
    [d] = [d for d in report.diagnostics if d.severity == "error"]
    assert (d.code, d.line, d.column) == ("E070", line, column)
    assert words in d.message and "PyTorch source" in (d.hint or "")
    assert report.totals.params is None


@pytest.mark.parametrize("text, line, column, words", [
    # the printout's top cut off: no order to read it in
    ("  (0): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1))\n  (1): ReLU()\n)\n", 1, 1,
     "no `Sequential(` line starts it"),
    # a line of prose inside it, at its first word; a child that is no module's repr, at its body
    ("Sequential(\n  (0): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1))\n  some text here\n)\n", 3, 3,
     "a line that is not one of its modules"),
    ("Sequential(\n  (0): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1))\n  (1): weird stuff\n)\n", 3, 8,
     "a line that is not one of its modules"),
])
def test_a_sequential_printout_cnncalc_cannot_follow_is_one_e070_where_it_stops(text: str, line: int, column: int,
                                                                               words: str) -> None:
    report = analyze_text(text, "model.txt", input="8x8x3")
    [d] = report.diagnostics
    assert (d.code, d.line, d.column) == ("E070", line, column)
    assert d.message.endswith(words) and "PyTorch source" in (d.hint or "") and report.totals.params is None
