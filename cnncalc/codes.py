"""Every diagnostic code, defined once as a named constant.

A `Code` is a `str` (so `d.code == "E030"` and JSON just work) that also carries its severity,
title, explanation and behaviour. Stages refer to codes by name (`codes.E030`), so a typo is a
static error. docs/diagnostics.md is checked against this module by the tests.
"""
from __future__ import annotations

from cnncalc import TYPE_CHECKING, limits

if TYPE_CHECKING:
    from typing import Literal

    Severity = Literal["error", "warning", "note"]


class Code(str):
    """A diagnostic code and what it means."""

    severity: Severity
    headline: str  # the title (`str.title` is taken)
    explanation: str
    group: str
    expectation: bool  # a written answer that did not hold (reported by its own JUnit case)
    declared: bool  # restates something the spec itself declared (e.g. its `rounding floor`)
    size_dependent: bool  # about sizes: on a size that rests on an earlier guess, it says so in a note
    quiet: bool  # shown only when asked (--show-notes), or when --strict counts it

    def __new__(cls, ident: str, group: str, title: str, explanation: str, *, expectation: bool = False,
                declared: bool = False, size_dependent: bool = False) -> Code:
        code = super().__new__(cls, ident)
        code.severity = {"E": "error", "W": "warning", "N": "note"}[ident[0]]  # type: ignore[assignment]
        code.headline = title
        code.explanation = explanation
        code.group = group
        code.expectation = expectation
        code.declared = declared
        code.size_dependent = size_dependent
        code.quiet = ident.startswith("N")
        return code

    def __reduce__(self) -> tuple[object, tuple[str]]:
        """Pickled by name, unpickled as the one constant of that name (reports cross processes)."""
        return _by_name, (str(self),)


SYNTAX = "Syntax and text"
LAYERS = "Layers and arguments"
STATEMENTS = "Statements"
SHAPES = "Shape arithmetic"
ANSWERS = "Expectations and budgets"
STRUCTURE = "Branches, references, blocks and limits"
LECTURE = "The lecture's notation"
IMPORTS = "Other notations: PyTorch, MATLAB, Caffe, Keras, ONNX"
EXECUTOR = "Executor (bugs in cnncalc)"

E001 = Code("E001", SYNTAX, "unexpected character",
            "A character that is not part of the spec language (outside a comment or a `network` title). "
            "Comments start with `#`.")
E002 = Code("E002", SYNTAX, "syntax error",
            "The tokens do not form a statement: something expected is missing or something extra is there.")
E003 = Code("E003", SYNTAX, "unbalanced braces",
            "A `{` or `(` without its closing partner, or a closing one without an opening one.")
E004 = Code("E004", SYNTAX, "nesting too deep",
            "Braces or parentheses nested deeper than 64 levels, block calls deeper than 64, or an expanded "
            "network deeper than 160 levels. Flatten the spec with blocks and `repeat`.")
E005 = Code("E005", SYNTAX, "not UTF-8 text",
            "The file holds bytes that are not UTF-8. The message gives the first such byte; save the file as "
            "UTF-8.")
E008 = Code("E008", SYNTAX, "line too long",
            f"A line of more than {limits.MAX_LINE_CHARS:,} characters: what follows is not read (the caret "
            "is where reading stopped). Spec lines are short; write layers on lines of their own, or a few "
            "separated by `;`.")
E010 = Code("E010", LAYERS, "unknown layer",
            "The word is not a layer of the spec language nor a block. A close match is suggested; "
            "`cnncalc explain layers` lists every layer.")
E011 = Code("E011", LAYERS, "unknown option",
            "The layer has no such option or flag. A close match is suggested.")
E012 = Code("E012", LAYERS, "option given twice",
            "An option or flag appears twice on one layer (`pad 1 pad 2`, `floor ceil`), or two options that "
            "each set the same thing (`part`'s `size` and `chunks`); cnncalc will not guess which one is meant.")
E013 = Code("E013", LAYERS, "bad number",
            "A number is missing, malformed, of the wrong kind (a fraction where a whole number is needed, a "
            "pair where one number is needed) or outside its range (a stride of 0, a size above the limits of "
            "docs/diagnostics.md).")
E014 = Code("E014", LAYERS, "missing argument",
            "A layer lacks a required argument, e.g. `conv` without its number of filters or kernel size.")
E015 = Code("E015", LAYERS, "duplicate name",
            "Two layers in one scope carry the same name; names must be unique within their scope.")
E016 = Code("E016", LAYERS, "filter depth differs from the input",
            "A kernel written with its depth (`conv 96 11x11x3`, the lecture's `11x11x3 filters`) must have "
            "the depth of the volume it slides over. Answers about its parameters and MACs are not checked: "
            "which depth they count is not said.")
E017 = Code("E017", LAYERS, "declared input size differs",
            "A layer written with the size of its input (`fc 120 inputs 400`, `bn inputs 64`: what PyTorch's "
            "`in_features`, `in_channels` and `num_features` state), a `reshape HxWxC` whose H·W·C values are "
            "not its input's, or a `layernorm volume size HxW` (PyTorch's `nn.LayerNorm([C, H, W])`) whose map is "
            "not its input's, receives another size. In PyTorch the "
            "network would fail here; the walk goes on with the size the layer really receives. Answers about "
            "its parameters and MACs are not checked: PyTorch's count is the written size's, the walk's is "
            "the received one's.",
            size_dependent=True)
E020 = Code("E020", STATEMENTS, "missing input",
            "The network has no `input HxWxC` line, so there is nothing to compute shapes from.")
E021 = Code("E021", STATEMENTS, "duplicate input", "`input` may appear only once per network.")
E022 = Code("E022", STATEMENTS, "statement out of place",
            "`input` and `rounding` must come before the first layer of their network; `block` definitions "
            "stand at the top level.")
E023 = Code("E023", STATEMENTS, "bad input shape",
            "An input is `HxWxC` (e.g. `227x227x3`), `HxW` (one channel) or a flat `N`, every size at least 1.")
W023 = Code("W023", STATEMENTS, "input written channels first?",
            "An input such as `3x32x32` or `1x28x28` (at most 4 first, then two equal sizes of 8 or more) reads as "
            "height x width x channels: 3 rows of 32 pixels with 32 channels. Written in PyTorch's order "
            "(channels first) it means 32x32 pixels with 3 channels, which cnncalc writes `32x32x3`; every size "
            "after it depends on which was meant. In the lecture's notation such an input is read channels first "
            "(note N023).")
E025 = Code("E025", STATEMENTS, "no input size works",
            "With letters for the input's height and width (`input HxWx3`), no size makes every division "
            "exact, every output at least 1 and every merge agree; `cnncalc solve` shows which layer rules "
            "each size out. Also when the sizes cannot be followed as letters: declared roundings that split them "
            "into too many classes, or a layer that sets one axis's size by the other's (`globalavgpool width`); "
            "give the sizes as numbers then.")
E024 = Code("E024", STATEMENTS, "layer before input",
            "A layer appears before any `input` line: it has no volume to work on.")
E030 = Code("E030", SHAPES, "invalid stride",
            "`(N - F + 2P)/S + 1` is not a whole number: the filter does not tile the input. Frameworks floor "
            "(PyTorch, TensorFlow) or round up (Caffe pooling) silently. Fix the padding, stride or input size, "
            "or state the rounding with `rounding floor|ceil`, `--rounding`, or `floor`/`ceil` on the layer "
            "(then this is note N030). The walk goes on with the floored size, as PyTorch would; later layers "
            "say when their sizes rest on it.", size_dependent=True)
N030 = Code("N030", SHAPES, "rounded output size",
            "An inexact division settled by an explicit rounding (the spec's `rounding` line, `--rounding`, or "
            "the layer's `floor`/`ceil`); the note names which. The table marks the layer with `*`.",
            declared=True, size_dependent=True)
W030 = Code("W030", SHAPES, "rounded silently by the framework",
            "In a model read from another notation, an inexact division that the framework settles by its own "
            "rule (PyTorch, TensorFlow, ONNX and MATLAB floor; Caffe rounds pooling up): the network runs, but "
            "rows or columns go unused or padding is invented. The message shows the arithmetic and the hint "
            "the nearest fixes, as for E030.", size_dependent=True)
E031 = Code("E031", SHAPES, "output size below 1",
            "The kernel (dilated) is larger than the padded input, or padding and cropping leave nothing: "
            "no output remains. PyTorch refuses this.", size_dependent=True)
E032 = Code("E032", SHAPES, "pooling padding too large",
            "A pooling layer's padding exceeds half its window (`P > floor(K/2)`), which PyTorch refuses; or, "
            "with `widepad` (Caffe's, ONNX's and MATLAB's limit, which their readers set), it is not less than the "
            "window (`P >= K`), so a window could see padding alone.")
E033 = Code("E033", SHAPES, "groups do not divide channels",
            "A grouped convolution needs its input and output channel counts divisible by `groups`; a group "
            "norm, a channel shuffle and a split need the channels divisible by their count; a split into parts "
            "of a size, or PyTorch's chunks, unpacked into N names (`part 1 of N size S`, `part 1 of N chunks M`) "
            "needs channels that make N parts. PyTorch "
            "refuses such a layer: answers about its parameters and MACs are not checked.")
E038 = Code("E038", SHAPES, "size does not divide by the factor",
            "A space-to-depth (`pixelunshuffle R`, PyTorch's PixelUnshuffle) moves each RxR block of the map into "
            "channels: the height and the width must divide by R. PyTorch refuses any other size; MATLAB's "
            "spaceToDepthLayer drops the rows and columns past the last whole block (`pixelunshuffle R floor`).",
            size_dependent=True)
E034 = Code("E034", SHAPES, "needs a volume",
            "A spatial layer (conv, pool, resize…) got a flat vector. Put it before the first `fc`/`flatten`. "
            "Also `bn … map` (PyTorch's BatchNorm2d, which refuses a vector), `instancenorm` of a 1x1 map "
            "(one position to normalise over: PyTorch refuses it), and a `groupnorm` whose groups hold one value "
            "each (PyTorch refuses it at batch 1).")
E037 = Code("E037", SHAPES, "needs a flat vector",
            "A fully connected layer that flattens nothing (`fc N noflatten`: what PyTorch's `nn.Linear` and "
            "Keras' `Dense` are read as) got an HxWxC volume. PyTorch applies Linear to the last axis (the "
            "width) and fails when that is not `in_features`: the classic forgotten `torch.flatten(x, 1)` "
            "after a pool. Keras applies Dense at each position, which cnncalc does not follow. Flatten "
            "first, or pool globally; the walk goes on as if the volume were flattened. Also `squeeze` of a map "
            "larger than 1x1 (it removes sizes of 1 only), `unflatten` of a volume, and `layernorm … lastaxis` "
            "(PyTorch's nn.LayerNorm) of a map, whose last axis in PyTorch is the width, and `bn … vector` "
            "(PyTorch's BatchNorm1d) of a map. Answers about the layer's parameters and MACs are not checked.",
            size_dependent=True)
E035 = Code("E035", SHAPES, "bad transposed-convolution padding",
            "A transposed convolution's `outpad` must be smaller than its stride or its dilation "
            "(PyTorch's rule), and `pad same` is not defined for it.")
E036 = Code("E036", SHAPES, "out of the volume",
            "A `slice`, `crop`, `centercrop` or `region` asks for channels, rows or columns the volume does not "
            "have, a `fit at TxL` crops from an offset beyond which the map is shorter than the reference (Caffe's "
            "Crop refuses it), or a `reflectpad` mirrors more rows or columns than the map has beside its edge "
            "(PyTorch requires each side's padding to be smaller than the map), or a `circularpad` wraps more than "
            "the map has (PyTorch wraps once).",
            size_dependent=True)
E040 = Code("E040", ANSWERS, "output shape differs from the answer",
            "The `-> HxWxC` written after a line does not match the computed output volume. The working is shown, "
            "and a volume written channels first (`96x55x55`, as PyTorch prints it) is named. A `memory N` "
            "answer (the values of the output, the CS231n notes' per-layer memory), an `rf N` (the receptive field) "
            "a `padding N` (the zeros on each side of the line's window), an `input HxWxC` (the volume the line "
            "receives) or an `input memory N` (its values) that differs is this code too. A height or width that "
            "rests on inexact divisions (E030) is wrong only when no way of rounding them, down or up, gives it.",
            expectation=True)
E041 = Code("E041", ANSWERS, "parameter count differs from the answer",
            "The `params N` (or `weights N`, `biases N`, one filter's `filter params N`, `filter weights N`, "
            "`filter biases N`, or "
            "its shape, `filter 11x11x3`) written after a line does not match the computed count or shape. The "
            "working is shown, and a common slip (the count without biases, the whole layer's count for one "
            "filter's, the output's depth for a filter's) is named. A count that rests on "
            "inexact divisions (E030: a fully connected layer's on the volume it flattens) is wrong only when no "
            "way of rounding them gives it.", expectation=True)
E042 = Code("E042", ANSWERS, "MAC count differs from the answer",
            "The `macs N` (or `connections N`, the LeNet paper's count: each output value's inputs and its bias, "
            "at every position) written after a line does not match the computed count. The working is shown. A count "
            "that rests on inexact divisions (E030) is wrong only when no way of rounding them gives it.",
            expectation=True)
E043 = Code("E043", ANSWERS, "total differs from the expectation",
            "An `expect total params|macs|memory N` (or a budget `<= N`) does not hold for the whole network. A "
            "worked example's `Total params: N` written between layers is right too when it is the whole count of "
            "the layer above or the total through it. A total that rests on inexact divisions (E030) is wrong only "
            "when no way of rounding them gives it; a budget (`<= N`) then is right when it holds whichever way, "
            "wrong when it holds no way, and not checked otherwise.",
            expectation=True)
E044 = Code("E044", ANSWERS, "network output differs from the expectation",
            "`expect output HxWxC` does not match the network's main output volume.", expectation=True)
E045 = Code("E045", ANSWERS, "over budget",
            "A command-line budget (`--max-params`, `--max-macs`, `--max-memory`) is exceeded; the message gives "
            "the figure and the limit.")
N046 = Code("N046", ANSWERS, "answer not checked",
            "A written answer cannot be judged because the value it is about is unknown: it rests on an "
            "invalid stride (a guessed size), on a line that could not be read, or on which of two readings a "
            "homework sheet means (its input stated again before a layer that goes on with the network: an example "
            "of its own, or the next layer?). The note says which line.")
E046 = Code("E046", ANSWERS, "working does not hold",
            "A step of the working written with an answer is false arithmetic (`each filter has 5*5*3 + 1 = 75 "
            "params, so 75*10 = 760`: 5*5*3 + 1 is 76), though the answer after the last `=` may be right. Steps "
            "of plain arithmetic are checked (numbers, `+ - * / x`, parentheses), and a working in parentheses "
            "beside an answer's value (`Params: 760 (751 + 10)`), and a working on a line read as no answer "
            "(skipped as prose, `(7 - 3)/2 + 1 = 4` alone under a layer); a value may be rounded or truncated as "
            "written (`35K`, `2.33`), or an inexact division rounded down or up.")
N047 = Code("N047", ANSWERS, "invalid stride, as answered",
            "An inexact division (what E030 reports) on a line whose answer says so: `-> invalid`, the "
            "lecture's \"doesn't fit\", or the value the division gives (`-> 2.33`). The answer is right, and "
            "the division is this note rather than an error.",
            declared=True, size_dependent=True)
N048 = Code("N048", ANSWERS, "no window fits, as answered",
            "An empty output (what E031 reports: the kernel spans more than the padded input) on a line whose "
            "answer says it does not fit: `-> invalid`, the lecture's \"doesn't fit\". The answer is right, and "
            "the empty output is this note rather than an error.",
            declared=True, size_dependent=True)
E049 = Code("E049", ANSWERS, "answer reads two ways",
            "A single number answers an output of 1x1xC two ways: its C values (a vector's length, as `-> size C` "
            "and LeNet's `C5: 120` are read) or the side of a square output (the exercises' `Output size: 3`). "
            "When the number is C and could also be a side of this layer's output (no larger than its padded "
            "input), the two readings give different verdicts, so it is not judged: write the volume, `1x1xC`.",
            expectation=True)
W046 = Code("W046", ANSWERS, "answer in a comment",
            "A layer line has a comment that reads as an answer (`# 32x32x10`, `# -> 32x32x10`, `# 760 params`, "
            "`-> 55x55x96  # params 34944`). Comments are never checked: write the answer after `->` on the line.")
E050 = Code("E050", STRUCTURE, "concat size mismatch",
            "The branches of a `concat` (or `split`) must have equal height and width; depths are summed.",
            size_dependent=True)
E051 = Code("E051", STRUCTURE, "add shape mismatch",
            "The branches of an `add`/`residual` (or of a `sub`, `avg`, `max` or `min`) must have equal shapes, or "
            "differ only where one is a 1x1xC or HxWx1 gate (W051). A projection shortcut (`shortcut { conv C 1x1 "
            "stride S }`) aligns them.", size_dependent=True)
E052 = Code("E052", STRUCTURE, "unknown block", "A call `NAME(args)` names no block of the file.")
E053 = Code("E053", STRUCTURE, "bad block arguments",
            "A block call has too many or too few arguments, or a keyword the block does not take.")
E054 = Code("E054", STRUCTURE, "recursive block",
            "A block calls itself, directly or through other blocks; the network would be infinite.")
E055 = Code("E055", STRUCTURE, "block defined twice", "Two `block` definitions share a name.")
E056 = Code("E056", STRUCTURE, "bad repeat count", "`repeat N` needs a whole number N >= 0.")
E057 = Code("E057", STRUCTURE, "bad expression",
            "An integer expression divides by zero, leaves its range, or does arithmetic on a pair (`1x7`).")
E058 = Code("E058", STRUCTURE, "network too large",
            f"Expanding blocks and repeats would exceed {limits.MAX_NODES:,} layers and containers; the size is "
            "computed before anything is built and the caret points at the construct responsible.")
E059 = Code("E059", STRUCTURE, "undefined name in expression",
            "An expression uses a name that is not a parameter of the enclosing block.")
E061 = Code("E061", STRUCTURE, "mul shape mismatch",
            "The branches of a `mul` must have equal shapes, or one must be a gate `1x1xC` (per channel) or "
            "`HxWx1` (per position) matching the other.", size_dependent=True)
E062 = Code("E062", STRUCTURE, "bad split",
            "`split N` needs N branches and input channels divisible by N.")
E066 = Code("E066", STRUCTURE, "bad sub",
            "`sub { a | b }` takes exactly two branches: the first minus the second.")
E065 = Code("E065", STRUCTURE, "bad fit, resample or unpool",
            "`fit { REF | X }`, `resample { REF | X }` and `maxunpool KxK { REF | X }` take two branches that give "
            "maps: X is zero-padded or cropped (fit), resampled (resample), or put back where REF's maxima were "
            "(maxunpool), to REF's height and width. One branch, more than two, or a flat vector cannot be; nor, for "
            "`fit channels`, which adds zero channels to X up to REF's, an X with more channels than REF.")
E067 = Code("E067", STRUCTURE, "unpooled map of another shape",
            "`maxunpool KxK … { REF | X }` puts X's values back where REF's maxima were in the windows of that max "
            "pool: X must have the shape the pool gives REF, as PyTorch's `max_unpool2d` needs its input to have "
            "the shape of the indices. With `exact` (`maxunpool 2x2 exact { … }`, PyTorch's unpooling without "
            "`output_size`, whose size is (h - 1)·S - 2P + K) the pool's windows must tile REF, that size being "
            "REF's only then: elsewhere PyTorch puts the values at other places of a smaller map, or fails.")
E068 = Code("E068", STRUCTURE, "size out of a transposed convolution's reach",
            "`deconv … to @NAME` gives its output NAME's height and width by the output padding that makes them, as "
            "PyTorch's `output_size` does: on each axis the size without it, (N - 1)·S - P + D·(K - 1) + 1, plus 0 to "
            "the stride less 1. A size outside that range (both ends said), or NAME or the input a flat vector, "
            "cannot be reached.", size_dependent=True)
E063 = Code("E063", STRUCTURE, "unknown reference",
            "`@NAME` names no earlier line or layer visible here: it is unknown, later in the spec, inside a "
            "sibling branch, or its own line. The input has no name: a first line `image: identity` "
            "gives it one (`@image`). `shares NAME` names no layer written before it (anywhere above it, but not "
            "inside a repeat or a block call; within a block's body, one of that body), or names a container.")
E064 = Code("E064", STRUCTURE, "weights shared with another kind of layer",
            "`shares NAME` makes a layer use the weights of the earlier layer NAME, as a module applied twice does "
            "(CBAM's shared MLP, a detection head applied at every level): the two must be written the same (kind "
            "and arguments) and receive inputs that give their weights the same shape (the same channels, or "
            "features for `fc`).", size_dependent=True)
E060 = Code("E060", LECTURE, "unreadable lecture line",
            "A part of a line in the lecture's notation (`[55x55x96] CONV1: 96 11x11 filters at stride 4, "
            "pad 0`) that cnncalc cannot read. The message names the part; the accepted forms are in "
            "docs/homework.md. The layer's output is unknown, so later answers are not checked.")
N060 = Code("N060", LECTURE, "prose line skipped",
            "A line without a bracketed volume in a file of the lecture's notation (a heading, `Input: "
            "227x227x3 images`) is read as prose and skipped.", declared=True)
N023 = Code("N023", LECTURE, "input read channels first",
            "In the lecture's notation, an input written with its last two sizes equal, 8 or more, and its first not "
            "(`Input: 3x32x32`, `(1, 28, 28)`, `64x56x56`), or its first larger than equal sides of 4 or more "
            "(`512x7x7`), is read channels first, as a student who writes it "
            "means: 32x32 pixels with 3 channels. The volumes answered on its network with their sizes alone "
            "(`10x32x32`, `(10, 32, 32)`) are read channels first too; one that says its order (`32x32x10 (HxWxC)`, "
            "or by its sides' names) is read as it says. An input that says its order (`3x32x32 (CxHxW)`) is read "
            "so without this note.")
E070 = Code("E070", IMPORTS, "not supported",
            "A layer, operator, option or construct of another notation that cnncalc cannot express as that "
            "framework computes it. The message names it; cnncalc does not guess. The layers read before it "
            "are shown, then a row `unreadable` stands for it: its sizes, the output and every total are "
            "unknown (`?`, null in JSON), never the sum of the layers read. docs/notations.md lists what each "
            "reader supports.")
E071 = Code("E071", IMPORTS, "malformed file",
            "The file is not valid in its notation (a prototxt, JSON, MATLAB or Python syntax error, or a "
            "structure the format does not allow); the caret shows where reading stopped, and the output and "
            "every total are unknown, as after E070.")
E072 = Code("E072", IMPORTS, "input size not given",
            "The file does not say the input's size (a PyTorch file that never runs its model on a tensor nor "
            "hands one to a summary tool, N074; a Caffe data layer or a Keras model without shapes may not). "
            "Give it with `--input HxWxC`, e.g. `--input 224x224x3`.")
E073 = Code("E073", IMPORTS, "code of another notation in a spec",
            "A line of PyTorch or MATLAB code (`nn.Conv2d(3, 16, 3, stride=3, padding=1)`, "
            "`convolution2dLayer(11,96,'Stride',[4 4])`) in a spec. The hint gives the layer in the spec "
            "language, as that framework reads it; the line is skipped. A whole .py or .m file is read in its "
            "own notation (docs/notations.md).")
N070 = Code("N070", IMPORTS, "layer left out",
            "A layer that is not part of the network's computation is skipped: losses, accuracy, data and "
            "label inputs, MATLAB's classification output.", declared=True)
N072 = Code("N072", IMPORTS, "model built by a function of the file",
            "A PyTorch file that builds no model itself (no `model = …`, no `__main__` block) and whose model "
            "class needs arguments is read as the model its first function without arguments returns "
            "(`def ResNet18(): return ResNet(BasicBlock, [2, 2, 2, 2])`), or else as the model a function of the "
            "file builds from the file's own names and constants (`def test(): net = VGG('VGG11')`). `--model` "
            "reads another (`--model ResNet50`, `--model \"VGG('VGG16')\"`).", declared=True)
N074 = Code("N074", IMPORTS, "input size read from the code",
            "A PyTorch file that gives no input size in a way of its own (`input_size = (C, H, W)` on the model's "
            "class) runs its model on a tensor (`net(torch.randn(2, 3, 32, 32))`, at top level, in the "
            "`__main__` block or in a function of the file), or hands one, or a size, to a tool that summarises "
            "or exports it (torchsummary, torchinfo, ptflops, thop, fvcore, `torch.onnx.export`, "
            "`torch.jit.trace`): the first such input is the network's, one image of its batch. `--input` "
            "gives another.", declared=True)
W073 = Code("W073", IMPORTS, "freezing not followed",
            "A PyTorch script sets `requires_grad` in a way cnncalc does not follow (a layer's weight frozen and "
            "its bias not, in a loop or by `model.fc.weight.requires_grad = False`: at the layer; a flag it cannot "
            "read, `= args.tune`; a loop whose body does what the reader does not follow): the parameters it "
            "freezes are counted as trained. Loops over "
            "`parameters()`, `named_parameters()` (a test on the name may choose them) and `children()`, and "
            "`requires_grad_(False)`, are followed: the layers all of whose parameters are frozen are `frozen`.")
E075 = Code("E075", IMPORTS, "model not found",
            "`--model` (the API's `model=`) names the model of a PyTorch file to read, and the file gives no such "
            "model: no class, function or top-level value of that name, a class or function that needs arguments "
            "when named alone (give them: `--model \"VGG('VGG16')\"`), or a call that gives no module; or the "
            "variable of a MATLAB file holding the layer array or graph to read, and no such variable holds one. "
            "The message lists the models the file defines. Nothing is read: the output and every total are "
            "unknown.")
W075 = Code("W075", IMPORTS, "--model not used",
            "`--model` chooses among the models of a PyTorch file, or the networks of a MATLAB file; a file of "
            "another notation (a spec, a Caffe prototxt, a Keras or ONNX model) is read whole, as without it.")
W076 = Code("W076", IMPORTS, "module never called",
            "A module with parameters that the PyTorch model builds (in `__init__`) and its forward never calls: "
            "PyTorch's `model.parameters()` counts them, and summaries that sum that; cnncalc counts what the "
            "forward computes. The warning names the modules (EfficientNet blocks that build an expansion "
            "convolution they skip when the ratio is 1, a head kept for another task): delete them, or expect "
            "PyTorch's total to be larger by their parameters.")
W077 = Code("W077", IMPORTS, "other networks in the file",
            "A MATLAB file that builds more than one network (layer arrays or graphs, none part of another) is "
            "read as its last layer graph, or else its last layer array, as MATLAB's later `trainNetwork` "
            "would most likely take it; the warning names the others, and `--model NAME` reads the one a variable "
            "holds. A PyTorch file that builds several models at top level is read as the last (a part of one, "
            "`head = model.fc`, is none); the warning names the others it still holds. A PyTorch file that builds "
            "no model itself is read as its last `nn.Module` class that no other "
            "class uses; the warning names the other such classes (not those a function of the file builds), and "
            "`--model NAME` reads one.")
N071 = Code("N071", IMPORTS, "element-wise constant",
            "An ONNX Add, Sub, Mul or Div of the data and a constant (a scalar or one value per channel: input "
            "normalisation, a fixed scale) is read as `identity` (`identity inputs C` for C values, one per "
            "channel): it keeps the shape and costs no MACs; the "
            "constant is not counted as parameters (a learnt per-channel scale stored this way would be).",
            declared=True)
W001 = Code("W001", STRUCTURE, "unused block", "A block is defined but never called.")
W003 = Code("W003", SYNTAX, "too many diagnostics",
            "A file gave more diagnostics than cnncalc keeps (1,000); the first ones are shown and the rest "
            "counted. Fix those and run again.")
E006 = Code("E006", SYNTAX, "too many problems",
            "As W003, and some of the diagnostics not shown are errors.")
E007 = Code("E007", SYNTAX, "file cannot be read",
            "`check` found the file in a directory it searched, or by a glob, and cannot read it: a dangling "
            "symbolic link, no permission, more than the 32 MiB or 1,000,000 lines cnncalc reads, or a device or "
            "FIFO. The message "
            "says which; the other files are still checked. (A file named on the command line that cannot be "
            "read is a usage error, exit 2.)")
W004 = Code("W004", STRUCTURE, "merge of one branch",
            "An `add`, `avg`, `max`, `min` or `mul` with a single branch joins nothing: its output is that "
            "branch's. A residual connection is `residual { … }` (or `add { … | identity }`).")
W051 = Code("W051", STRUCTURE, "gate added, not multiplied",
            "A branch of an `add` (or a `sub`, `avg`, `max` or `min`) is 1x1xC, or HxWx1, where another is HxWxC: it "
            "is broadcast over the others, as PyTorch's `+`, Keras' Add and ONNX's Add do (a global context added to "
            "every position, GCNet's), and the output is HxWxC. A squeeze-and-excitation gate is multiplied "
            "(`mul`); shapes that differ otherwise are E051.", size_dependent=True)
W067 = Code("W067", STRUCTURE, "unpooling windows overlap",
            "A `maxunpool` whose pool's windows overlap (3x3 at stride 2): where the maxima of two windows are one "
            "place, PyTorch keeps one of their values, which one undefined (its `max_unpool2d` says it may be "
            "nondeterministic with repeated indices); `verify` keeps the later window's, row by row. The sizes and "
            "counts are the same either way. SegNet's 2x2 pools at stride 2 put every value in a place of its own.")
W002 = Code("W002", STRUCTURE, "branches not aligned",
            "Branches that meet at a merge have different effective strides or centre offsets: their "
            "outputs' pixels look at different places of the input.")
E901 = Code("E901", EXECUTOR, "walker and executor disagree on shape",
            "The formula-derived shape differs from the array the executor produced. A bug in cnncalc; "
            "please report it.")
E902 = Code("E902", EXECUTOR, "walker and executor disagree on parameters",
            "The formula-derived parameter count differs from the weight arrays the executor allocated. "
            "A bug in cnncalc.")
E903 = Code("E903", EXECUTOR, "walker and executor disagree on MACs",
            "The formula-derived MAC count differs from the multiply-accumulates the executor performed. "
            "A bug in cnncalc.")
E904 = Code("E904", EXECUTOR, "non-finite values",
            "The executor produced NaN or Inf on random input: the network's own arithmetic (a dilated max pool "
            "window over padding only, a power-average pool of an odd or fractional power on negative values, as "
            "in PyTorch: the hint says which), instability at this scale, or a bug in cnncalc.")

CODES: dict[str, Code] = {str(v): v for v in list(globals().values()) if isinstance(v, Code)}
GROUPS: tuple[str, ...] = (SYNTAX, LAYERS, STATEMENTS, SHAPES, ANSWERS, STRUCTURE, LECTURE, IMPORTS, EXECUTOR)


def _by_name(ident: str) -> Code:
    return CODES[ident]
