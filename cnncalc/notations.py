"""The notations cnncalc reads, each into the same IR: the spec language, the lecture's
`[55x55x96] CONV1: ...` listing, PyTorch source, MATLAB layer arrays, Caffe prototxt, Keras JSON
and ONNX (docs/notations.md). Detection looks at the file's name, then at its whole text."""
from __future__ import annotations

import re
from collections.abc import Callable

from cnncalc import TYPE_CHECKING
from cnncalc.record import NamedTuple

if TYPE_CHECKING:  # the readers are imported when used: `--help` and `--version` read only the names
    from typing import Any

    from cnncalc import ir
    from cnncalc.diagnostics import DiagnosticSink


class Notation(NamedTuple):
    name: str
    extensions: tuple[str, ...]
    description: str
    reader: str  # module:function, imported when used
    marker: str = ""  # a pattern a file found by searching a directory must contain (a `.py` that is a model)
    title: str = ""  # the framework's own name, in messages ("the Keras file"); the key when empty
    input_hint: str = ""  # how a file of the notation can give its input's size itself (E072's hint says it)
    chooses: bool = False  # a file may define several models: its reader takes `--model`'s choice (None: its own)


NOTATIONS: dict[str, Notation] = {n.name: n for n in (
    Notation("spec", (".spec",), "the spec language (docs/spec-language.md)", "cnncalc.parser:parse"),
    Notation("lecture", (), "the lecture's `[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0`, its worked "
             "examples and markdown tables of answers (docs/homework.md)",
             "cnncalc.lecture:read"),
    Notation("pytorch", (".py",), "PyTorch source: nn.Sequential and nn.Module classes, read, never run",
             "cnncalc.readers.pytorch:read", r"\bnn\.(?:Module|Sequential)\b", "PyTorch",
             "or run the model on a tensor in the file, `model(torch.randn(1, 3, 224, 224))` (docs/notations.md)",
             chooses=True),
    Notation("matlab", (".m",), "MATLAB layer arrays and layer graphs (Deep Learning Toolbox)",
             "cnncalc.readers.matlab:read", r"\b(?:imageInputLayer|convolution2dLayer|fullyConnectedLayer)\b",
             "MATLAB", "or start the layers with `imageInputLayer([224 224 3])`", chooses=True),
    Notation("caffe", (".prototxt",), "Caffe prototxt (Netscope's input)", "cnncalc.readers.caffe:read",
             r"\blayers?\s*\{", "Caffe",
             "or declare it: `input: \"data\"` and `input_shape { dim: 1 dim: 3 dim: 224 dim: 224 }`"),
    Notation("keras", (".json", ".keras", ".h5", ".hdf5"), "a Keras model: `model.to_json()` (Keras 2 and 3), the "
             "`.keras` file of Keras 3's `model.save`, or an `.h5` file of Keras 2's (or Keras 3's legacy format)",
             "cnncalc.readers.keras:read",
             r'"class_name"\s*:\s*"(?:Sequential|Functional|Model)"', "Keras",
             "or build the model on `keras.Input(shape=(224, 224, 3))` before saving it (a subclassed one: "
             "`model.build((None, 224, 224, 3))` in its script)"),
    Notation("onnx", (".onnx",), "an ONNX model (needs `pip install \"cnncalc[onnx]\"`), read as a listing of its "
             "nodes", "cnncalc.readers.onnx:read", title="ONNX",
             input_hint="or export it with a fixed height and width (no `dynamic_axes` on them)"),
    # The header of Keras' `model.summary()`, torchinfo's and torchsummary's tables, or a line of PyTorch's
    # `print(model)` (`  (conv1): Conv2d(3, 6, kernel_size=(5, 5), …)`, or any module after `Sequential(`): an
    # nn.Sequential's read, the others said once to hold no network.
    Notation("printout", (), "a printed model summary (Keras' `model.summary()`, torchinfo, torchsummary, "
             "PyTorch's `print(model)`): an nn.Sequential's printout read, the others recognised, to say what to "
             "give cnncalc instead",
             "cnncalc.readers.printout:read",
             r"(?m)^[ \t|]*Layer \(type(?::depth-idx)?\)[ \t|]+Output Shape[ \t|]+Param #"
             r"|^[ \t]+\([\w.]+\): (?:Conv[123]d|ConvTranspose2d|Linear|MaxPool2d|AvgPool2d|BatchNorm2d|Sequential)\("
             r"|^Sequential\(\n[ \t]+\([\w.]+\): [A-Z]\w*\("),
)}
BINARY = {".onnx": "cnncalc.readers.onnx:listing",  # binary files: bytes -> the text their reader reads
          ".keras": "cnncalc.readers.keras:archive", ".h5": "cnncalc.readers.keras:hdf5",
          ".hdf5": "cnncalc.readers.keras:hdf5"}
# Binary files whose first bytes say nothing of what they hold (protobuf, a zip's compressed members): a folder's are
# always checked. Keras writes an HDF5 file's model, as JSON, before its weights: a file of weights alone is skipped.
OPAQUE = (".onnx", ".keras")

# Compiled on first use (re's cache): a `.spec` file is known by its name, and start-up skips 0.13 ms.
# also `CONV3-64: [224x224x64]`, and after a bullet or a number (`- [55x55x96] CONV1: …`, `1. [55x55x96] …`)
_BRACKETED = r"^[ \t]*(?:(?:[-*•]|[0-9]+[.)])[ \t]+)?(?:[A-Za-z][A-Za-z0-9_-]*[ \t]*:[ \t]*)?\[[^\]\n]*\]"
_WORKED = (r"(?i)^[ \t]*(?:(?:q|question|exercise|problem)?[ \t]*[0-9]*[a-z]?[ \t]*[.:)][ \t]+|\([0-9a-z]\)[ \t]*"
           r"|[-*•][ \t]+)?"
           r"(?:[a-z]+[ \t]+layer[ \t]*\([a-z][\w \t]*\)[ \t]*:|(?:the[ \t]+)?number of parameters\b"
           r"|(?:what is the|how many)[ \t]+(?:output|parameters|number)\b"
           r"|(?:(?:example|e\.?g\.?)[ \t]*[,:]?[ \t]*)?n[ \t]*=[ \t]*[0-9]+[ \t]*,[ \t]*f[ \t]*="
           # a case under `Example N = 7, F = 3:` on a line of its own: `stride 2 => (7 - 3)/2 + 1 = 3`
           r"|stride[ \t]*[0-9]+[ \t]*=[ \t]*>"
           r"|(?:(?:the|an?)[ \t]+)?input(?:[ \t]+(?:volume|image|size|shape))?(?:[ \t]+of(?:[ \t]+size)?|[ \t]+is"
           r"|[ \t]*[:=])"
           r"[ \t]*[0-9]|output volume\b"
           r"|(?:assume,?[ \t]+|e\.?g\.?,?[ \t]+)?input(?:[ \t]+image)?(?:[ \t]+is)?[ \t]*:?[ \t]*[0-9]+x[0-9]+"
           r"(?:x[0-9]+)?[ \t]*[,.]?[ \t]*(?:and[ \t]+)?(?:a[ \t]+)?(?:[0-9]+[ \t]+)?"
           r"(?:[0-9]+x[0-9]+(?:x[0-9]+)?[ \t]+)?(?:filters?|kernels?)\b"
           r"|(?:(?:given[ \t]+)?an?[ \t]+)?[0-9]+x[0-9]+(?:x[0-9]+)?[ \t]+input[ \t]*(?:,|with)[ \t]*(?:a[ \t]+)?"
           r"[0-9]+x[0-9]+(?:x[0-9]+)?[ \t]+"
           r"(?:filter|kernel)\b"
           r"|[0-9]+[ \t]+(?:different[ \t]+)?[0-9]+x[0-9]+(?:x[0-9]+)?[ \t]+filters\b"
           # an exercise's input as a volume, then its letters: `Input 32x32, F = 5, S = 1 -> 28`
           r"|(?:input[ \t]*:?[ \t]*[0-9]+x[0-9]+(?:x[0-9]+)?|[0-9]+x[0-9]+(?:x[0-9]+)?[ \t]+input)[ \t]*,[ \t]*"
           r"(?:[0-9]+[ \t]+filters[ \t]*,[ \t]*)?f[ \t]*[=:]"
           # a named layer without brackets (`CONV1: 6 5x5 filters`, `FC1: 120 neurons`, `POOL1: 2x2 max pool`),
           # an answer's line (`Output: 28x28x6`, `Params: 156`, `Total params: 61,706`)
           r"|[a-z]+[ \t]*[0-9]+[ \t]*:[ \t]*(?:[0-9]+[ \t]+[0-9]+x[0-9]+|[0-9]+[ \t]+(?:neurons|units)"
           r"|[0-9]+x[0-9]+[ \t]+(?:max|avg|average)[ \t]*pool|[0-9]+x[0-9]+[ \t]*/[ \t]*[0-9])\b"
           r"|(?:output|params|parameters|total[ \t]+params)[ \t]*[:=][ \t]*[0-9]"
           # the CS231n notes' letters: `W1 = 32, H1 = 32, D1 = 3`, `W2 = (W1 - F + 2P)/S + 1`, `D2 = K = 10`, and their
           # `Hyperparameters: K = 10, F = 5, …`
           r"|[whd][12][ \t]*=[ \t]*(?:[0-9(]|[whdk][12]?\b)|hyperparameters[ \t]*:[ \t]*[kfsp][ \t]*="
           # a layer numbered in words, its kind first (`Layer 1: CONV 96 11x11, stride 4`), unless written as a spec
           # line is (`layer1: conv 8 3x3 pad 1`: a label, a keyword in lower case, no comma)
           r"|(?!layer[0-9]+[ \t]*:[ \t]*(?-i:[a-z][a-z0-9]*)\b[^,\n]*$)"
           r"layer[ \t]*[0-9]+[ \t]*[-:=][ \t]*(?:conv|max|avg|average|pool|fc\b|fully|dense|relu|softmax|dropout)"
           # a layer written as a call, alone or first on a one-line network (`CONV(10 filters, 5x5, …)`, `FC(10)`,
           # `Network: INPUT(32x32x3) -> …`, `INPUT [32x32x3]`)
           r"|conv[0-9]+-[0-9]+[ \t]*(?:->|→|:)[ \t]*[0-9]+[ \t]*x"  # the VGG paper's `conv3-64 -> 224x224x64`
           r"|(?:the[ \t]+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|last|final)[ \t]+layer[ \t]+is\b"
           r"|(?:the[ \t]+)?(?:network|model|cnn|convnet|net)[ \t]+takes[ \t]+(?:as[ \t]+input[ \t]+)?(?:an?[ \t]+)?"
           r"[0-9]+[ \t]*x[ \t]*[0-9]+"
           r"|(?:[a-z][a-z \t]*:[ \t]*)?(?:conv|convolution|pool|maxpool|avgpool|fc|dense|input)[0-9]*[ \t]*[(\[]"
           r"[ \t]*[0-9]"
           # an answer after the name of the layer it is about (`CONV1 output: 32x32x10`, `FC1 params: 25,610`)
           # (the number, if any, with its own space: `[ \t]*[0-9]*[ \t]+` backtracks quadratically over spaces)
           r"|[a-z]+(?:[ \t]*[0-9]+)?(?:'s|’s)?[ \t]+(?:output|params|parameters|weights)[ \t]*[:=][ \t]*[0-9])")
# A problem told in a sentence, anywhere on a line: `Consider an input of size 64x64x3. … 32 filters of size 5x5 …`;
# one filter said of it without an arrow or a comment between (`An input of size 7x7, filter 3x3.`; the spec's
# `input 32x32x3 -> filter params 5` answers, its `# a filter bank` is a comment)
_TOLD = (r"(?i)(?:\b(?:input|image)[ \t]+(?:(?:of|size|is|volume|that|a|an)[ \t]+)*[0-9]+(?:x|[ \t]+by[ \t]+)[0-9]+"
         r"|\b[0-9]+x[0-9]+(?:x[0-9]+)?[ \t]+(?:input|image)\b)(?:[^\n]{0,200}?"
         r"\b(?:filters|filter size|pool(?:ing)?|maxpool|conv(?:olution(?:al)?)?[ \t]+layer|F[ \t]*=[ \t]*[0-9]+"
         r"|fully connected|pad it|zero-pad(?:ded)?|padded with)\b|[^#>→\n]{0,200}?\bfilter\b)")
# a question about an answer, answered after its `?` (`Output? 28 x 28 x 128`, `How many params? 760`, `What is the
# output volume? 55x55x96`): no spec line asks one
_ASKED = (r"(?im)^[^#\n]*?\b(?:output|outputs|params|parameters|weights|biases|macs|shape|size|volume)\b[^#?\n]{0,40}"
          r"\?[ \t]*[0-9(\[]")
# a sentence about the network (`The input is a 32x32x3 image.`, `Layer 1 is a convolutional layer with 32 filters …`,
# `Its output is 32x32x32.`, `It has 896 parameters.`): no spec line starts with such words
_SENTENCE = (r"(?im)^[ \t]*(?:(?:the|this|its|it|then|next|finally|after[ \t]+that|we)[ \t]+"
             r"|layer[ \t]+[0-9]+[ \t]+is[ \t]+)"
             r"[^\n]*?\b(?:input|output|filters|parameters|params|neurons|units|pooling|convolutional)\b")
# an exercise's letters or layer, then its input: `Conv layer with K=10, F=3, S=1, P=1 on a 32x32x3 input`, `A 1x1
# convolution with 32 filters on a 56x56x64 input` (the input found first, then the letters or the layer's words on
# its line before it: a line of `F=1 F=1 …` is not searched once per `F`)
_INPUT_AFTER = re.compile(r"(?i)\b(?:on|to)[ \t]+(?:(?:an?|the)[ \t]+)?(?:[0-9]+x[0-9]+(?:x[0-9]+)?[ \t]+"
                          r"(?:input|volume|image)\b|(?:input|volume|image)[ \t]+of[ \t]+[0-9]+x[0-9]+)")
_LAYER_BEFORE = re.compile(r"(?i)\bF[ \t]*=[ \t]*[0-9]|\b(?:filters?|kernels?|conv(?:olution(?:al)?)?|pool(?:ing)?"
                           r"|maxpool|avgpool)\b")
# a layer described in words after its name (`CONV1: 10 filters 5x5, …`, `FC: 10 neurons`): the spec names a layer
# by its keyword there (`conv1: conv 10 5x5`); its kind then `layer` too (`Conv layer: 16 filters, 3x3`)
# (after a bullet, a number or a letter, with its role in parentheses: `- FC7 (output): 10 neurons`, `(a) CONV: 8
# filters, 3x3`)
_DESCRIBED = (r"(?i)^[ \t]*(?:(?:[-*•]|[0-9]+[.)]|\(?[0-9a-z]\)|[a-z]\.)[ \t]+)?"
              r"[a-z][a-z0-9_-]*(?:[ \t]+layer)?(?:[ \t]*\([a-z][a-z \t-]*\))?[ \t]*:"
              r"[ \t]*[0-9][0-9,]*[ \t]+(?:[0-9]+x[0-9]+[ \t]+)?(?:filters|kernels|neurons|units)\b")
# a layer named, then described by its framework's call or keyword arguments (`conv1: nn.Conv2d(3, 64, 11, stride=4)`,
# `FC: Dense(10)`, `CONV1: in_channels=3, out_channels=16, …`): the lecture's notation, whose reader reads them
_CALLED = (r"(?i)^[ \t]*(?:[-*•][ \t]+)?[a-z][a-z0-9_ ]*:[ \t]*(?:(?:(?:torch|nn|tf|keras|layers)\.)*(?:conv2d|"
           r"convtranspose2d|conv2dtranspose|maxpool2d|maxpooling2d|avgpool2d|averagepooling2d|linear|dense|"
           r"batchnorm2d|batchnormalization)\(|(?:in_channels|out_channels|filters|kernel_size)[ \t]*=)")
# the VGG paper's name for a convolution, then a colon and its answers (`conv3-64: output 224x224x64, params …`): no
# spec label has a hyphen
_VGG_NAMED = r"(?i)^[ \t]*(?:[-*•][ \t]+)?conv[0-9]+-[0-9]+[ \t]*:"
# a framework's call that starts its line, then an arrow to its answers (`Conv2D(32, (3,3), padding='same') -> …`,
# `nn.MaxPool2d(2) -> …`): its name as the framework spells it and a parenthesis; a spec's layers take no
# parenthesis, and its blocks' calls are not framework names
_CALL_ARROW = (r"^[ \t]*(?:[-*•][ \t]+)?(?:(?:torch|nn|tf|keras|layers)\.)*(?:Conv2[dD]|ConvTranspose2d|"
               r"Conv2DTranspose|MaxPool2d|MaxPooling2D|AvgPool2d|AveragePooling2D|Linear|Dense|BatchNorm2d|"
               r"BatchNormalization|Flatten|GlobalAveragePooling2D|AdaptiveAvgPool2d|ReLU|Dropout)\([^\n]*?(?:->|→|=>)")
# a layer written as a call after an arrow (`input 64x64x3 -> conv(32, 3x3, s=1, p=1) -> avgpool(2) -> fc(10)`): a
# one-line network; the spec's arrows lead answers, never a call
_CHAINED_CALL = r"(?i)(?:->|→)[ \t]*(?:conv|convolution|pool|maxpool|avgpool|fc|dense|linear)[ \t]*\([ \t]*[0-9]"
_DETECTED_FROM = 65536  # characters, then to the line's end: a notation shows in a file's start (a 100k-layer
# chain's 1.2 MB is not read)
# a layer's name, then a number where the spec would have its keyword (`DW1: 3x3 depthwise conv -> …`, `PW1: 64 1x1
# filters -> …`): the lecture's notation, with its arrow or without
_NAMED_NUMBER = r"[ \t]*[A-Za-z][A-Za-z0-9_]*[ \t]*:[ \t]*[0-9]"
# a layer described in words the spec language has none of (`C1: conv, 6 filters 5x5 -> 28x28x6`, `F5: fully
# connected, 120 neurons -> 120`, `S2: avg pool 2x2 -> …`, the ResNet figure's `3x3 conv, 64 -> …` and `pool, /2 -> …`,
# the VGG table's `conv3-64 -> …` and `FC-4096 -> …`, the size then a comma, `conv 3x3, 64 -> …`, a depthwise or
# pointwise convolution, `Depthwise conv 3x3 -> …`, MobileNet's `Conv dw 3x3 -> …`), before its arrow
# (the spec's answers say `filter params`; `→` is an arrow too)
# (the arrow looked for once, first: a word's every occurrence looking for it after would be quadratic)
_WORDED_LAYER = (r"(?=[^#\n]*(?:->|→))(?:(?!->|→)[^#\n])*?(?:\b(?:filters?|kernels|neurons|fully[ \t-]+connected"
                 r"|(?:max|avg|average)[ \t]+pool(?:ing)?)\b|\b[0-9]+x[0-9]+[ \t]+conv(?:olution)?,|\bpool,[ \t]*/"
                 r"|\bconv(?:olution)?[ \t]+[0-9]+x[0-9]+[ \t]*,|\b(?:depthwise|pointwise)\b|\bconv[ \t]+dw\b"
                 r"|\b(?:conv[0-9]+|fc)-[0-9]+\b(?![:-]))")
# a spec statement, or a line with an arrow (counted once: a one-line network has several), but not a named number
# or a layer described in words, nor a line after a bullet, a list's number or a part's label in parentheses (`-
# MaxPool 2x2 -> (32, 32, 32)`, `2. Conv (6 @ 5x5) -> 28x28x6`, `(ii) stride 2 -> 3x3`: no spec line has one)
_SPEC_LINE = (r"^(?:[ \t]*(?:input|network|block|expect|rounding)\b|(?![ \t]*(?:[-*•]|[0-9]{1,3}[.)]|\([0-9a-z]{1,4}\))"
              r"[ \t])(?!" +
              _NAMED_NUMBER +
              r")(?!(?i:" + _WORDED_LAYER + r"))(?!" + _CALL_ARROW + r")[^\n]*?->)")
_TABLE = r"^[ \t]*\|[^\n]*\|[ \t]*$"  # a markdown table's row (`| CONV1 | 96 11x11 filters … | 55x55x96 |`)
# a markdown table without its outer bars: the rule under its header and the rows after it (`--- | ---`, `a | b`)
_BARE_TABLE = r"^[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+$(?:\n[^\n|]*\|[^\n]*)*"
# a table aligned by spaces: a header naming the layers and a column of answers, and the rows up to a blank line
_ALIGNED_TABLE = (r"(?i)^[ \t]*(?:layer|name|layers|layer name)(?: {2,}|\t)[^\n]*?\b(?:output|params|parameters"
                  r"|weights|macs|shape|volume)\b[^\n]*(?:\n[ \t]*[^ \t\n][^\n]*)*")


_ONNX_LISTING = r"# [^\n]* \(opset \d+\), listed by cnncalc from "
_PROSE_EXTENSIONS = (".txt", ".md", ".markdown")  # text that is a spec only when it has a spec's lines


def detect(text: str, name: str, unmarked: bool = True) -> str:
    """The notation of a source: by its extension, else by its content (lecture listings are lines that
    start with a bracketed volume, the CS231n notes' breakdown's `CONV3-64: [224x224x64] …`, and worked
    examples' `First layer (CONV1): …`, `Input volume: …`, `N = 7, F = 3, …` (and the `stride 2 => 3` cases under
    `Example N = 7, F = 3:`, and letters or a layer told before their input: `…, F=3, S=1 on a 32x32x3 input`,
    `A 1x1 convolution with 32 filters on a 56x56x64 input`), `What is the output …`,
    `10 5x5 filters …`, `Output volume …`, `Number of parameters …`, `input 7x7, filter 3x3 …`, the notes' letters
    (`W1 = 32, …`, `Hyperparameters: K = 10, …`),
    `CONV(10 filters, 5x5, …)`, `CONV1: 10 filters 5x5, …` (after a step's letter too, `(a) CONV: 8 filters, …`),
    `conv1: nn.Conv2d(3, 64, 11)`, `Conv2D(32, (3,3)) ->`, `-> avgpool(2)`, `conv3-64: output …`, `conv 3x3, 64, …
    ->` and `CONV1 output: …` lines, sentences about the network (`The input is a 32x32x3 image.`, `It has 896
    parameters.`), and tables' rows (markdown's with or without their outer bars, or aligned by spaces);
    more of them than spec statements, in its first 64K characters, a notebook's markup blanked out as the lecture's
    reader blanks it); a `.txt` or `.md` file with neither is the lecture's too, unless `unmarked` is False (a
    directory's search takes only text that shows a notation)."""
    lower = name.lower()
    if lower.endswith(".py") and keras_script(text):
        return "keras"
    for notation in NOTATIONS.values():
        if lower.endswith(notation.extensions):
            return notation.name
    end = text.find("\n", _DETECTED_FROM)
    head = text if end < 0 else text[:end]  # whole lines: a table's 800 KB header row is one
    if re.search(NOTATIONS["printout"].marker, head):
        return "printout"
    if re.match(_ONNX_LISTING, head):  # an ONNX model's listing, saved (cnncalc.readers.onnx.listing writes its header)
        return "onnx"
    from cnncalc.markup import plain  # (not on a `.spec` file's start-up)
    head = plain(head)  # a notebook's `$32 \times 32 \times 3$`, `**Layer 1:**` read as the lecture's reader reads them
    lecture = len(re.findall(_BRACKETED, head, re.M)) + len(re.findall(_WORKED, head, re.M)) + \
        len(re.findall(_TABLE, head, re.M)) + len(re.findall(_TOLD, head)) + len(re.findall(_SENTENCE, head)) + \
        len(re.findall(_ASKED, head)) + \
        _told_then_input(head) + len(re.findall(_DESCRIBED, head, re.M)) + len(re.findall(_CALLED, head, re.M)) + \
        len(re.findall(_VGG_NAMED, head, re.M)) + len(re.findall(_CALL_ARROW, head, re.M)) + \
        len(re.findall(_CHAINED_CALL, head)) + \
        len(re.findall(r"^" + _NAMED_NUMBER + r"[^\n]*->", head, re.M)) + \
        len(re.findall(r"(?i)^" + _WORDED_LAYER, head, re.M)) + \
        sum(m.count("\n") + 2 for m in re.findall(_BARE_TABLE, head, re.M)) + \
        sum(m.count("\n") + 1 for m in re.findall(_ALIGNED_TABLE, head, re.M))  # their rows and headers
    spec_lines = len(re.findall(_SPEC_LINE, head, re.M))
    if lecture and lecture >= spec_lines:
        return "lecture"
    if unmarked and not spec_lines and lower.endswith(_PROSE_EXTENSIONS):
        return "lecture"  # a text file with no line of either (`Layer A: convolution, 32 kernels of 3 x 3, …`): the
        # lecture's reader says what it cannot read in words; the spec language's `unknown layer` each line did not
    return "spec"


def keras_script(text: str) -> bool:
    """Whether Python source uses Keras (imports it, or tf.keras) and not PyTorch: a Keras script, which the Keras
    reader reads (readers/keras_source.py); any other `.py` is PyTorch's."""
    return re.search(_KERAS_IMPORT, text, re.M) is not None and re.search(_TORCH_IMPORT, text, re.M) is None


# (patterns, compiled when a `.py` is met: the start-up of a `.spec` file's summary does not pay for them)
_KERAS_IMPORT = (r"^[ \t]*(?:from|import)[ \t]+(?:tensorflow\.)?keras\b|^[ \t]*from[ \t]+tensorflow[ \t]+"
                 r"import[ \t]+keras\b|\btf\.keras\b")
_TORCH_IMPORT = r"^[ \t]*(?:from|import)[ \t]+torch\b"


def _told_then_input(head: str) -> int:
    """How many lines tell an exercise's letters or its layer and then its input (`_INPUT_AFTER`, with `F=` or a
    filter, convolution or pool before it on its line, at most 200 characters before)."""
    found = 0
    for match in _INPUT_AFTER.finditer(head):
        line = head.rfind("\n", 0, match.start()) + 1
        if _LAYER_BEFORE.search(head, max(line, match.start() - 200), match.start()):
            found += 1
    return found


def reader(lang: str) -> Callable[[str, DiagnosticSink], ir.File]:
    read: Callable[[str, DiagnosticSink], ir.File] = _function(NOTATIONS[lang].reader)
    return read


def read(lang: str, text: str, sink: DiagnosticSink, model: str | None) -> ir.File:
    """The file read in notation `lang`; `model` (`--model`, checked by `analysis.model_expression`) goes to a
    reader that chooses among a file's models; for the others it is not used (W075, at the file's start)."""
    notation = NOTATIONS[lang]
    if notation.chooses:
        chosen: ir.File = _function(notation.reader)(text, sink, model)
        return chosen
    if model is not None:
        from cnncalc import codes
        from cnncalc.diagnostics import Span
        sink.add(codes.W075, f"`--model {model}` is not used: a {notation.title or notation.name} file is read whole",
                 Span(0, min(1, len(text))), hint="--model chooses the model of a PyTorch file (docs/notations.md)")
    return reader(lang)(text, sink)


def binary_listing(name: str) -> Callable[[bytes, str], str] | None:
    """For a binary model file (`.onnx`), the function that turns its bytes into the text its reader
    reads (and diagnostics point into); None for text files."""
    for extension, where in BINARY.items():
        if name.lower().endswith(extension):
            listing: Callable[[bytes, str], str] = _function(where)
            return listing
    return None


def searched(name: str, head: str) -> bool:
    """Whether a file met while searching a directory is a network cnncalc reads: `.txt` files that
    read as the lecture's notation, files of a notation whose marker they contain (a `.py` that
    builds an `nn.Module`, not every Python file)."""
    lower = name.lower()
    if lower.endswith(".txt"):
        return detect(head, name, unmarked=False) == "lecture" and _holds_a_network(head)
    if lower.endswith(".py") and keras_script(head):
        return re.search(r"\b(?:Sequential|Model)\s*\(", head) is not None  # (a script that builds a model)
    for notation in NOTATIONS.values():
        if lower.endswith(notation.extensions):
            return not notation.marker or re.search(notation.marker, head) is not None
    return False


def _holds_a_network(head: str) -> bool:
    """Whether lecture-notation text has an input or a layer cnncalc can read: notes that only mention
    an `Output volume` or a `Number of parameters`, or a list of `[1] references`, are not networks."""
    from cnncalc import ir
    from cnncalc.diagnostics import DiagnosticSink
    file = reader("lecture")(head, DiagnosticSink())
    return any(net.input is not None or any(isinstance(item, ir.LayerCall) and item.valid
                                            for line in net.body.lines for item in line.items)
               for net in file.networks)


def _function(where: str) -> Any:
    module, _, function = where.partition(":")
    from importlib import import_module
    return getattr(import_module(module), function)
