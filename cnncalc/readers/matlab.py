"""MATLAB (Deep Learning Toolbox) layer arrays and layer graphs -> IR.

    layers = [
        imageInputLayer([227 227 3])
        convolution2dLayer(11, 96, 'Stride', [4 4], 'Padding', [2 2 2 2], 'Name', 'conv1')
        reluLayer
        ...];
    lgraph = layerGraph(layers);
    lgraph = addLayers(lgraph, branch);
    lgraph = connectLayers(lgraph, 'relu1', 'add/in2');

A small tokenizer and expression reader (numbers, strings, `[...]` matrices and layer arrays,
calls with name-value pairs); the code is never run. An array's layers are connected in order, as
`layerGraph` connects them; `connectLayers` adds the other edges (`name/in2` for a merge's second
input). The network is the last layer graph the file builds, else its last layer array. Defaults
are MATLAB's (pooling stride 1, LRN K 2); the output-size rule floors, as MATLAB does (W030 when it
has to).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from cnncalc import codes, ir, limits
from cnncalc.diagnostics import DiagnosticSink, Span
from cnncalc.readers.graph import (
    INPUT,
    Graph,
    Malformed,
    NotReadable,
    Progress,
    Unsupported,
    cut_short,
    read_guarded,
    some_of,
    spec_layer,
    why,
)
from cnncalc.record import NamedTuple
from cnncalc.tokens import input_problem

BY = "MATLAB"
_TOKEN = re.compile(r"""(?P<SPACE>[ \t]+|\.\.\.[^\n]*\n|%[^\n]*)
  | (?P<NEWLINE>\n|\r\n?)
  | (?P<NUMBER>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<STRING>'(?:[^'\n]|'')*'|"(?:[^"\n]|"")*")
  | (?P<NAME>[A-Za-z_][A-Za-z0-9_.]*)
  | (?P<P>[][(){},;=:+\-*/^'])
  | (?P<BAD>.)""", re.VERBOSE)


class Tok(NamedTuple):
    kind: str
    text: str
    span: Span


class Call(NamedTuple):
    """`convolution2dLayer(3, 16, 'Padding', 'same')` or a bare `reluLayer`."""

    name: str
    args: list[Any]
    span: Span


class Str(NamedTuple):
    text: str
    span: Span


class Layer(NamedTuple):
    name: str  # MATLAB's Name (given, or made as MATLAB does: conv_1, relu_2, …)
    text: str | None  # the layer in the spec language; None for a merge
    merge: str | None  # add, mul, concat, resample
    inputs: int  # how many inputs a merge takes
    span: Span
    skipped: bool = False  # classificationLayer and the like (N070)
    mode: str | None = None  # the merge's mode (resize2dLayer's bilinear resample to its reference input)
    offset: tuple[int, int] | None = None  # the merge's offset (crop2dLayer's Location, 0-based rows and columns)


def _tokens(text: str) -> list[Tok]:
    """Every token of the file, at most `limits.MAX_MATLAB_TOKENS` (each takes some 200 bytes)."""
    out: list[Tok] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "BAD"
        if kind == "SPACE":
            continue
        if len(out) == limits.MAX_MATLAB_TOKENS:
            raise Unsupported(f"a MATLAB file of more than {limits.MAX_MATLAB_TOKENS:,} words, numbers and signs",
                              Span(m.start(), m.end()))
        out.append(Tok(kind, m.group(), Span(m.start(), m.end())))
    out.append(Tok("EOF", "", Span(len(text), len(text))))
    return out


class _Parser:
    """Statements `name = expression`, expressions: numbers, strings, names, calls, `[...]`, `{...}`."""

    def __init__(self, text: str, values: dict[str, Any] | None = None) -> None:
        self.tokens = _tokens(text)
        self.i = 0
        self.depth = 0
        self.values = {} if values is None else values  # constants assigned so far (`filters = 12`), read as numbers

    def peek(self) -> Tok:
        return self.tokens[self.i]

    def take(self) -> Tok:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expect(self, text: str) -> Tok:
        tok = self.take()
        if tok.text != text:
            raise Malformed(f"expected `{text}`, found `{tok.text or 'the end of the file'}`", tok.span)
        return tok

    def statements(self) -> Iterator[tuple[str | None, Any, Span, bool]]:
        """Each statement: its target, value, where, and whether it builds the network (names a layer
        function), one at a time (the reader evaluates each before the next is read, so later ones see
        its constants). The rest of a script (loading data, training, plotting) is read only as far as
        it can be, for the constants the network uses; what cannot be read there is passed over."""
        while self.peek().kind != "EOF":
            tok = self.peek()
            if tok.kind == "NEWLINE" or tok.text in (";", ","):
                self.take()
                continue
            stop = self._extent(self.i)
            builds = any(t.kind == "NAME" and t.text in NETWORK_WORDS for t in self.tokens[self.i:stop])
            if not builds:
                try:
                    statement = self.statement(tok, builds)
                except Malformed:
                    self.i = stop  # script code around the network: not needed, not read
                    continue
                yield statement
                continue
            if tok.kind == "NAME" and tok.text in BLOCK_WORDS | {"end", "return"}:
                raise Unsupported(f"`{tok.text}` (cnncalc reads assignments of layers and layer graphs)", tok.span)
            yield self.statement(tok, builds)

    def statement(self, tok: Tok, builds: bool) -> tuple[str | None, Any, Span, bool]:
        if tok.kind == "NAME" and tok.text in BLOCK_WORDS:
            raise Malformed(f"`{tok.text}` block", tok.span)
        target = None
        if tok.kind == "NAME" and self.tokens[self.i + 1].text == "=":
            target = self.take().text
            self.take()
        value = self.expression()
        if self.peek().kind not in ("NEWLINE", "EOF") and self.peek().text not in (";", ","):
            raise Malformed(f"unexpected `{self.peek().text}`", self.peek().span)
        return target, value, tok.span, builds

    def _extent(self, i: int) -> int:
        """Where the statement starting at token i ends: a newline, `;` or `,` outside brackets, or
        the `end` closing a block (`if`, `for`, `function`, ...)."""
        depth = level = 0
        block = self.tokens[i].kind == "NAME" and self.tokens[i].text in BLOCK_WORDS
        for j in range(i, len(self.tokens)):
            t = self.tokens[j]
            if t.kind == "EOF":
                return j
            if t.kind == "P" and t.text in ("(", "[", "{"):
                depth += 1
            elif t.kind == "P" and t.text in (")", "]", "}"):
                depth = max(depth - 1, 0)
            elif depth == 0 and block and t.kind == "NAME" and t.text in BLOCK_WORDS:
                level += 1
            elif depth == 0 and block and t.kind == "NAME" and t.text == "end":
                level -= 1
                if level == 0:
                    return j + 1
            elif depth == 0 and not block and (t.kind == "NEWLINE" or t.text in (";", ",")):
                return j
        return len(self.tokens) - 1

    def expression(self, element: bool = False) -> Any:
        """A sum of products, as MATLAB ranks its operators (`base + 2*8` is 32). An `element` of a matrix
        ends at a `+` or `-` with a space before it and none after: `[3 -1]` is two numbers, `[3 - 1]` one."""
        self.depth += 1
        if self.depth > limits.MAX_DEPTH:
            raise Malformed(f"nested more than {limits.MAX_DEPTH} deep", self.peek().span)
        try:
            value = self.product()
            while self.peek().text in ("+", "-") and isinstance(value, (int, float)) and \
                    not (element and self._starts_element()):
                op = self.take()
                value = _arithmetic(op, value, self.product())
            return value
        finally:
            self.depth -= 1

    def _starts_element(self) -> bool:
        sign, before, after = self.peek(), self.tokens[self.i - 1], self.tokens[self.i + 1]
        return before.span.end < sign.span.start and after.span.start == sign.span.end

    def product(self) -> Any:
        value = self.signed()
        while self.peek().text in ("*", "/") and isinstance(value, (int, float)):
            op = self.take()
            value = _arithmetic(op, value, self.signed())
        return value

    def signed(self) -> Any:
        """A term after any signs, then its powers (`-2^2` is -4, `2^-1` 0.5, `2^3^2` 64: MATLAB's order)."""
        first, negative = self.peek(), False
        while self.peek().text in ("+", "-"):
            negative ^= self.take().text == "-"
        value = self.term()
        while self.peek().text == "^" and isinstance(value, (int, float)):
            op = self.take()
            exponent_first, flip = self.peek(), False
            while self.peek().text in ("+", "-"):
                flip ^= self.take().text == "-"
            exponent = self.term()
            if not isinstance(exponent, (int, float)):
                raise Unsupported("`^` on something other than numbers", exponent_first.span)
            value = _arithmetic(op, value, -exponent if flip else exponent)
        if first.text in ("+", "-"):
            if not isinstance(value, (int, float)):
                raise Malformed(f"`{first.text}` before something other than a number", first.span)
            return -value if negative else value
        return value

    def term(self) -> Any:
        tok = self.take()
        if tok.kind == "NUMBER":
            value = float(tok.text)
            if abs(value) > limits.MAX_INT:
                raise Unsupported(f"the number {tok.text}", tok.span)
            return int(value) if value.is_integer() and "." not in tok.text and "e" not in tok.text.lower() else value
        if tok.kind == "STRING":
            quote = tok.text[0]
            return Str(tok.text[1:-1].replace(quote * 2, quote), tok.span)
        if tok.text in ("[", "{"):
            return self.matrix(tok)
        if tok.text == "(":
            value = self.expression()
            self.expect(")")
            return value
        if tok.kind == "NAME":
            args: list[Any] = []
            if self.peek().text == "(":
                self.take()
                while self.peek().text != ")":
                    while self.peek().kind == "NEWLINE":
                        self.take()
                    if self.peek().kind == "NAME" and self.tokens[self.i + 1].text == "=":
                        option = self.take()  # `Padding="same"`: the name-value syntax of R2021a, a pair
                        self.take()
                        args.append(Str(option.text, option.span))
                    args.append(self.expression())
                    while self.peek().kind == "NEWLINE":
                        self.take()
                    if self.peek().text == ",":
                        self.take()
                    elif self.peek().text != ")":
                        raise Malformed(f"expected `,` or `)`, found `{self.peek().text or 'the end'}`",
                                         self.peek().span)
                end = self.take()
                return Call(tok.text, args, tok.span.to(end.span))
            known = self.values.get(tok.text)
            if isinstance(known, (int, float, Str)) or (isinstance(known, list) and all(
                    isinstance(v, (int, float)) for v in known)):
                return known  # a constant the script set: `convolution2dLayer(3, 2*filters)`
            return _constant(tok)
        raise Malformed(f"unexpected `{tok.text or 'end of file'}`", tok.span)

    def matrix(self, open_tok: Tok) -> list[Any]:
        close = "]" if open_tok.text == "[" else "}"
        items: list[Any] = []
        while True:
            tok = self.peek()
            if tok.text == close:
                self.take()
                return items
            if tok.kind == "EOF":
                raise Malformed(f"`{open_tok.text}` is never closed", open_tok.span)
            if tok.kind == "NEWLINE" or tok.text in (",", ";"):
                self.take()
                continue
            items.append(self.expression(element=True))
            if len(items) > limits.MAX_NODES:
                raise Unsupported("an array too long", tok.span)


def _arithmetic(op: Tok, left: Any, right: Any) -> int | float:
    """`left op right` on numbers, its result within `limits.MAX_INT` (a chain of products cannot grow without
    bound); division by zero, a power past the limit and a negative number's fractional power are refused."""
    if not isinstance(right, (int, float)):
        raise Unsupported(f"`{op.text}` on something other than numbers", op.span)
    if op.text == "/" and right == 0:
        raise Unsupported("a division by zero", op.span)
    if op.text == "^":
        try:
            power = float(left) ** float(right)
        except (OverflowError, ZeroDivisionError):
            raise Unsupported("a power past the limit or of zero", op.span) from None
        if isinstance(power, complex) or abs(power) > limits.MAX_INT:
            raise Unsupported(f"the power {left}^{right}", op.span)
        value: int | float = left ** right if isinstance(left, int) and isinstance(right, int) and right >= 0 \
            else power
    else:
        value = left * right if op.text == "*" else left / right if op.text == "/" else \
            left + right if op.text == "+" else left - right
    if abs(value) > limits.MAX_INT:
        raise Unsupported(f"a number past ±{limits.MAX_INT:,}", op.span)
    return value


def _constant(tok: Tok) -> Any:
    return {"true": True, "false": False, "inf": float("inf"), "Inf": float("inf")}.get(tok.text, Call(tok.text, [],
                                                                                                    tok.span))


# ---- the layers -------------------------------------------------------------------------------------


def _shown(value: Any) -> str:
    """A value in a message as MATLAB writes it (a name as itself, never the reader's record)."""
    if isinstance(value, Str):
        return f"'{value.text[:60]}'"
    if isinstance(value, Call):
        return value.name + ("(…)" if value.args else "")
    if isinstance(value, list):
        return "[" + " ".join(map(_shown, value[:6])) + (" …" if len(value) > 6 else "") + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


def _unknown(value: Any) -> str:
    """Why a value cannot be read, for the names in it: a variable the file does not assign a number cnncalc
    follows (a literal, or + - * / of numbers)."""
    names = [v.name for v in (value if isinstance(value, list) else [value]) if isinstance(v, Call) and not v.args]
    return f"; `{names[0]}` has no value cnncalc follows: a number, or + - * / of numbers" if names else ""


def _options(args: list[Any], positional: int, call: Call) -> tuple[list[Any], dict[str, Any]]:
    """MATLAB's positional arguments, then name-value pairs (names case-insensitive)."""
    if len(args) < positional:
        raise Malformed(f"{call.name} takes {positional} argument{'s' * (positional != 1)} before its options, "
                        f"{len(args)} given", call.span)
    given = args[:positional]
    rest = args[positional:]
    if len(rest) % 2:
        raise Malformed(f"{call.name}: name-value arguments come in pairs", call.span)
    options: dict[str, Any] = {}
    named = ("Name", *_OPTION_NAMES.get(call.name, ()))
    for name, value in zip(rest[::2], rest[1::2]):
        if not isinstance(name, Str):
            raise Malformed(f"{call.name}: expected an option name, found `{_shown(name)}`", call.span)
        options[_option_named(name, named, call)] = value
    return given, options


def _option_named(name: Str, named: tuple[str, ...], call: Call) -> str:
    """The option a name-value pair's name stands for, lower-cased: MATLAB matches names ignoring case, and a name
    may be shortened while it starts only one option's name (`'Str', 2` is Stride; `'Pad'` is ambiguous beside
    PaddingValue and refused). A name that matches none is refused too: `'Strides', 2` passed over would leave the
    stride 1 and the numbers wrong."""
    lower = name.text.lower()
    matches = [option for option in named if option.lower() == lower] or \
        [option for option in named if lower and option.lower().startswith(lower)]
    if len(matches) == 1:
        return matches[0].lower()
    if matches:
        raise Malformed(f"{call.name}: option '{name.text}' is ambiguous (MATLAB refuses it): it could be "
                        f"any of {some_of(matches, 6)}", name.span)
    raise Malformed(f"{call.name} has no option '{name.text}' (MATLAB refuses it); its options are "
                    f"{some_of(list(named), 6)}", name.span)


# the name-value options of MATLAB's layer functions, as its documentation spells them (`Name` for every one)
_LEARNT = ("WeightsInitializer", "BiasInitializer", "Weights", "Bias", "WeightLearnRateFactor", "BiasLearnRateFactor",
           "WeightL2Factor", "BiasL2Factor")
_NORMALISED = ("Epsilon", "NumChannels", "Offset", "Scale", "OffsetInitializer", "ScaleInitializer",
               "OffsetLearnRateFactor", "ScaleLearnRateFactor", "OffsetL2Factor", "ScaleL2Factor")
_INPUTS = ("Normalization", "NormalizationDimension", "Mean", "StandardDeviation", "Min", "Max", "SplitComplexInputs")
_CONVOLUTION = ("Stride", "DilationFactor", "Padding", "PaddingValue", "NumChannels", *_LEARNT)
_OPTION_NAMES: dict[str, tuple[str, ...]] = {
    "convolution2dLayer": _CONVOLUTION, "groupedConvolution2dLayer": _CONVOLUTION,
    "transposedConv2dLayer": ("Stride", "Cropping", "NumChannels", *_LEARNT),
    "maxPooling2dLayer": ("Stride", "Padding", "HasUnpoolingOutputs"), "maxUnpooling2dLayer": (),
    "averagePooling2dLayer": ("Stride", "Padding", "PaddingValue"), "adaptiveAveragePooling2dLayer": (),
    "preluLayer": ("Alpha",),
    "fullyConnectedLayer": ("InputSize", "OperationDimension", *_LEARNT),
    "batchNormalizationLayer": ("MeanDecay", "VarianceDecay", "TrainedMean", "TrainedVariance", *_NORMALISED),
    "layerNormalizationLayer": ("OperationDimension", *_NORMALISED),
    "groupNormalizationLayer": _NORMALISED, "instanceNormalizationLayer": _NORMALISED,
    "crossChannelNormalizationLayer": ("Alpha", "Beta", "K"),
    "resize2dLayer": ("Scale", "OutputSize", "EnableReferenceInput", "Method", "GeometricTransformMode",
                      "NearestRoundingMode"),
    "imageInputLayer": ("DataAugmentation", *_INPUTS), "featureInputLayer": _INPUTS,
    "classificationLayer": ("Classes", "ClassWeights"), "pixelClassificationLayer": ("Classes", "ClassWeights"),
    "regressionLayer": ("ResponseNames",), "geluLayer": ("Approximation",),
    "depthToSpace2dLayer": ("Mode",), "spaceToDepthLayer": (),
}


def _pair(value: Any, what: str, call: Call, least: int = 1) -> tuple[int, int]:
    """A number or [h w], each at least `least` (MATLAB's sizes, strides and dilations are positive, its
    paddings not negative)."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= least:
        return value, value
    if isinstance(value, list) and len(value) in (1, 2) and all(isinstance(v, int) and v >= least for v in value):
        return value[0], value[-1]  # `[3]` is 3 to MATLAB
    whole = "a positive whole number" if least else "a whole number, not negative,"
    raise Unsupported(f"{call.name}: {what} `{_shown(value)}` (expected {whole} or [h w]{_unknown(value)})",
                      call.span)


def _size(h: int, w: int) -> str:
    return str(h) if h == w else f"{h}x{w}"


def _padding(value: Any, call: Call) -> str:
    """'same', a number, [h w] (top and bottom, left and right) or [t b l r]."""
    if isinstance(value, Str):
        if value.text.lower() == "same":
            return " pad same"
        raise Unsupported(f"{call.name}: Padding '{value.text}'", call.span)
    if isinstance(value, list) and len(value) == 4 and all(isinstance(v, int) and v >= 0 for v in value):
        t, b, left, r = value
        if t == b and left == r:
            return "" if not any(value) else f" pad {_size(t, left)}"
        return f" pad {t},{b},{left},{r}"
    h, w = _pair(value, "Padding", call, least=0)
    return "" if (h, w) == (0, 0) else f" pad {_size(h, w)}"


def _wide_pool_padding(size: Any, value: Any, call: Call) -> str:
    """` widepad` on a pool padded past PyTorch's floor(K/2): MATLAB's limit is P < K ("PaddingSize must be
    less than PoolSize")."""
    if isinstance(value, Str):
        return ""
    kh, kw = _pair(size, "size", call)
    if isinstance(value, list) and len(value) == 4:
        rows, columns = max(value[:2]), max(value[2:])
    else:
        rows, columns = _pair(value, "Padding", call, least=0)
    return " widepad" if rows > kh // 2 or columns > kw // 2 else ""


def _real(value: Any, what: str, call: Call) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Unsupported(f"{call.name}: {what} `{_shown(value)}` (expected a number{_unknown(value)})", call.span)
    return repr(float(value))


def _whole(value: Any, what: str, call: Call) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise Unsupported(f"{call.name}: {what} `{_shown(value)}` (expected a whole number{_unknown(value)})",
                          call.span)
    return value


def _window(kind: str, size: Any, options: dict[str, Any], call: Call) -> str:
    """A convolution's or pool's window: MATLAB's stride defaults to 1 for both (the spec's pools to K)."""
    kh, kw = _pair(size, "size", call)
    sh, sw = _pair(options.get("stride", 1), "Stride", call)
    stride = f" stride {_size(sh, sw)}" if (sh, sw) != (1, 1) or "pool" in kind else ""
    text = f"{kind} {kh}x{kw}{stride}" + _padding(options.get("padding", 0), call)
    if "dilationfactor" in options:
        dh, dw = _pair(options["dilationfactor"], "DilationFactor", call)
        text += "" if (dh, dw) == (1, 1) else f" dilation {_size(dh, dw)}"
    return text


AUTO_NAMES = {"convolution2dLayer": "conv", "groupedConvolution2dLayer": "groupedconv",
              "transposedConv2dLayer": "transposed-conv", "maxPooling2dLayer": "maxpool",
              "averagePooling2dLayer": "avgpool", "globalAveragePooling2dLayer": "gapool",
              "globalMaxPooling2dLayer": "gmpool", "fullyConnectedLayer": "fc", "batchNormalizationLayer": "batchnorm",
              "reluLayer": "relu", "leakyReluLayer": "leakyrelu", "clippedReluLayer": "clippedrelu", "eluLayer": "elu",
              "tanhLayer": "tanh", "sigmoidLayer": "sigmoid", "swishLayer": "swish", "geluLayer": "gelu",
              "softmaxLayer": "softmax", "crossChannelNormalizationLayer": "crossnorm", "dropoutLayer": "dropout",
              "additionLayer": "addition", "multiplicationLayer": "multiplication",
              "depthConcatenationLayer": "depthcat", "concatenationLayer": "concat", "flattenLayer": "flatten",
              "classificationLayer": "classoutput", "regressionLayer": "regressionoutput",
              "imageInputLayer": "imageinput", "featureInputLayer": "input", "pixelClassificationLayer": "classoutput",
              "layerNormalizationLayer": "layernorm", "groupNormalizationLayer": "groupnorm",
              "instanceNormalizationLayer": "instancenorm", "resize2dLayer": "resize", "crop2dLayer": "crop",
              "maxUnpooling2dLayer": "maxunpool", "depthToSpace2dLayer": "depthToSpace",
              "spaceToDepthLayer": "spaceToDepth", "adaptiveAveragePooling2dLayer": "adaptiveavgpool",
              "preluLayer": "prelu"}
SKIPPED = {"classificationLayer", "regressionLayer", "pixelClassificationLayer"}
INPUT_LAYERS = ("imageInputLayer", "featureInputLayer")
GRAPH_FUNCTIONS = ("layerGraph", "addLayers", "connectLayers", "disconnectLayers", "dlnetwork", "replaceLayer",
                   "removeLayers", "SeriesNetwork", "DAGNetwork", "assembleNetwork")
NETWORK_WORDS = frozenset(AUTO_NAMES) | frozenset(GRAPH_FUNCTIONS)  # a statement naming one builds the network
BLOCK_WORDS = frozenset({"if", "for", "parfor", "while", "switch", "try", "function"})


def layer_text(call: Call) -> tuple[str | None, str | None, int, dict[str, Any]]:
    """(the spec text, or the merge kind, its number of inputs, the options) of a MATLAB layer call."""
    name, args = call.name, call.args
    if name == "convolution2dLayer":
        (size, filters), options = _options(args, 2, call)
        text = _window(f"conv {_whole(filters, 'numFilters', call)}", size, options, call)
        if "numchannels" in options and not isinstance(options["numchannels"], Str):
            text += f" inputs {_whole(options['numchannels'], 'NumChannels', call)}"
        return text, None, 1, options
    if name == "groupedConvolution2dLayer":
        (size, per_group, groups), options = _options(args, 3, call)
        per = _whole(per_group, "numFiltersPerGroup", call)
        if isinstance(groups, Str) and groups.text.lower() == "channel-wise":
            return _window("dwconv", size, options, call) + ("" if per == 1 else f" multiplier {per}"), None, 1, options
        g = _whole(groups, "numGroups", call)
        return _window(f"conv {per * g}", size, options, call) + f" groups {g}", None, 1, options
    if name == "transposedConv2dLayer":
        (size, filters), options = _options(args, 2, call)
        kh, kw = _pair(size, "filterSize", call)
        sh, sw = _pair(options.get("stride", 1), "Stride", call)
        crop = options.get("cropping", 0)
        if isinstance(crop, Str):
            if crop.text.lower() != "same" or kh < sh or kw < sw:
                raise Unsupported(f"{name}: Cropping '{crop.text}'" + (" with a filter smaller than its stride"
                                                                       if crop.text.lower() == "same" else ""),
                                  call.span)
            # 'same': the output is the input times the stride, (N - 1)·S + F - crop = N·S, so F - S is cropped,
            # the odd row at the bottom and the odd column at the right (MATLAB's rule for 'same')
            th, tw = kh - sh, kw - sw
            crop = [th // 2, th - th // 2, tw // 2, tw - tw // 2]
        text = f"deconv {_whole(filters, 'numFilters', call)} {kh}x{kw} stride {_size(sh, sw)}" + _padding(crop, call)
        return text, None, 1, options
    if name in ("maxPooling2dLayer", "averagePooling2dLayer"):
        (size,), options = _options(args, 1, call)
        text = _window("maxpool" if name.startswith("max") else "avgpool", size, options, call)
        return text + _wide_pool_padding(size, options.get("padding", 0), call), None, 1, options
    if name == "fullyConnectedLayer":
        (n,), options = _options(args, 1, call)
        return f"fc {_whole(n, 'outputSize', call)}", None, 1, options
    if name == "crossChannelNormalizationLayer":
        (size,), options = _options(args, 1, call)
        return (f"lrn size {_whole(size, 'windowChannelSize', call)} "
                f"alpha {_real(options.get('alpha', 1e-4), 'Alpha', call)} "
                f"beta {_real(options.get('beta', 0.75), 'Beta', call)} "
                f"k {_real(options.get('k', 2), 'K', call)}"), None, 1, options
    if name in ("groupNormalizationLayer", "layerNormalizationLayer", "instanceNormalizationLayer"):
        # per channel a learnt scale and offset; layer norm of an image normalises C, H and W together:
        # one group; group norm 'channel-wise' is instance norm
        count = 1 if name == "groupNormalizationLayer" else 0
        given, options = _options(args, count, call)
        groups = given[0] if given else ("all-channels" if name == "layerNormalizationLayer" else "channel-wise")
        groups = groups.text.lower() if isinstance(groups, Str) else groups
        eps = f" eps {_real(options['epsilon'], 'Epsilon', call)}" if "epsilon" in options else ""
        dimension = options.get("operationdimension")
        dimension = dimension.text.lower() if isinstance(dimension, Str) else "auto" if dimension is None else None
        if dimension not in ("auto", "spatial-channel", "channel-only", "batch-excluded"):
            raise Unsupported(f"{name} with OperationDimension {_shown(options.get('operationdimension'))}",
                              call.span)
        if dimension == "channel-only":  # over the channels at each position, as PyTorch's LayerNorm on C
            return f"layernorm{eps}", None, 1, options
        if groups == "all-channels":
            return f"groupnorm 1{eps}", None, 1, options
        if groups == "channel-wise":
            return f"instancenorm affine{eps}", None, 1, options
        return f"groupnorm {_whole(groups, 'numGroups', call)}{eps}", None, 1, options
    if name == "leakyReluLayer":
        given, options = _options(args, 1 if args and not isinstance(args[0], Str) else 0, call)
        return f"leakyrelu {_real(given[0] if given else 0.01, 'scale', call)}", None, 1, options
    if name == "clippedReluLayer":
        (ceiling,), options = _options(args, 1, call)
        if ceiling == 6:
            return "relu6", None, 1, options
        return f"hardtanh low 0 high {_real(ceiling, 'ceiling', call)}", None, 1, options
    if name == "eluLayer":
        given, options = _options(args, 1 if args and not isinstance(args[0], Str) else 0, call)
        return f"elu {_real(given[0] if given else 1.0, 'alpha', call)}", None, 1, options
    if name == "dropoutLayer":
        given, options = _options(args, 1 if args and not isinstance(args[0], Str) else 0, call)
        return f"dropout {_real(given[0] if given else 0.5, 'probability', call)}", None, 1, options
    if name in ("additionLayer", "multiplicationLayer", "depthConcatenationLayer"):
        (n,), options = _options(args, 1, call)
        kind = {"additionLayer": "add", "multiplicationLayer": "mul", "depthConcatenationLayer": "concat"}[name]
        return None, kind, _whole(n, "numInputs", call), options
    if name == "concatenationLayer":
        (dim, n), options = _options(args, 2, call)
        if dim != 3:
            raise Unsupported(f"concatenationLayer along dimension {dim} (cnncalc concatenates channels, 3)",
                               call.span)
        return None, "concat", _whole(n, "numInputs", call), options
    if name == "resize2dLayer":
        return _resize(call)
    if name == "crop2dLayer":
        return _crop(call)
    if name in ("depthToSpace2dLayer", "spaceToDepthLayer"):
        # blocks of h x w moved between the channels and the map; depth to space orders a block's values as
        # TensorFlow does unless Mode is "crd"; space to depth floors H/h and W/w, its block order as TensorFlow's
        (size,), options = _options(args, 1, call)
        h, w = _pair(size, "blockSize", call)
        if h != w:
            raise Unsupported(f"{name}: blocks of {h}x{w} (cnncalc's pixelshuffle and pixelunshuffle move square "
                              f"blocks)", call.span)
        if name == "spaceToDepthLayer":
            return f"pixelunshuffle {h} dcr floor", None, 1, options
        mode = options.get("mode", Str("dcr", call.span))
        order = mode.text.lower() if isinstance(mode, Str) else None
        if order not in ("dcr", "crd"):
            raise Malformed(f"depthToSpace2dLayer: Mode must be \"dcr\" or \"crd\" (MATLAB refuses "
                            f"{_shown(mode)})", call.span)
        return f"pixelshuffle {h}{' dcr' if order == 'dcr' else ''}", None, 1, options
    if name == "adaptiveAveragePooling2dLayer":  # (R2024a) to its OutputSize, a number or [h w], the channels kept
        if not args or isinstance(args[0], Str):
            raise Unsupported("adaptiveAveragePooling2dLayer without its output size (MATLAB's default is not "
                              "documented: give it, as in `adaptiveAveragePooling2dLayer(1)`)", call.span)
        (size,), options = _options(args, 1, call)
        h, w = _pair(size, "outputSize", call)
        return f"adaptiveavgpool {_size(h, w)}", None, 1, options
    if name == "preluLayer":  # (R2024a) one learnt slope for every value, Alpha, 0.25 unless given (a vector or a
        # matrix of slopes, which broadcast over the input, is E070)
        _, options = _options(args, 0, call)
        _real(options.get("alpha", 0.25), "Alpha", call)
        return "prelu", None, 1, options
    if name == "maxUnpooling2dLayer":  # its inputs `in`, and a max pool's `indices` and `size` (`_network`)
        _, options = _options(args, 0, call)
        return None, "maxunpool", 3, options
    simple = {"reluLayer": "relu", "tanhLayer": "tanh", "sigmoidLayer": "sigmoid", "swishLayer": "silu",
              "geluLayer": "gelu", "softmaxLayer": "softmax", "batchNormalizationLayer": "bn",
              "globalAveragePooling2dLayer": "globalavgpool", "globalMaxPooling2dLayer": "globalmaxpool",
              "flattenLayer": "flatten"}
    if name in simple or name in SKIPPED:
        _, options = _options(args, 0, call)
        if name == "batchNormalizationLayer" and "epsilon" in options:
            return f"bn eps {_real(options['epsilon'], 'Epsilon', call)}", None, 1, options
        if name == "geluLayer" and "approximation" in options:  # 'none' (the erf form) or 'tanh'
            approximation = options["approximation"]
            form = approximation.text.lower() if isinstance(approximation, Str) else None
            if form not in ("none", "tanh"):
                raise Malformed(f"geluLayer: Approximation must be 'none' or 'tanh' (MATLAB refuses "
                                f"{_shown(approximation)})", call.span)
            return "gelu" if form == "none" else "gelu tanh", None, 1, options
        return simple.get(name, ""), None, 1, options
    raise Unsupported(f"`{name}` (docs/notations.md lists the MATLAB layers cnncalc reads)", call.span)


def _resize(call: Call) -> tuple[str | None, str | None, int, dict[str, Any]]:
    """resize2dLayer: by whole scales (`upsample`), to an OutputSize (`resize`), or to its reference input's height
    and width, whatever they are (`'EnableReferenceInput', true`: `resample`, the input `ref` its reference);
    'nearest' (MATLAB's default) or 'bilinear'. The sizes are MATLAB's with any GeometricTransformMode and
    NearestRoundingMode; the executor's values are PyTorch's (half-pixel bilinear, nearest rounding down)."""
    _, options = _options(call.args, 0, call)
    method = options.get("method", Str("nearest", call.span))
    mode = method.text.lower() if isinstance(method, Str) else None
    if mode not in ("nearest", "bilinear"):
        raise Unsupported(f"resize2dLayer: Method `{_shown(method)}` (cnncalc reads 'nearest' and 'bilinear')",
                          call.span)
    how = "" if mode == "nearest" else " bilinear"
    given = [k for k in ("scale", "outputsize", "enablereferenceinput") if k in options]
    if len(given) != 1:
        raise Malformed("resize2dLayer takes one of Scale, OutputSize and EnableReferenceInput", call.span)
    if given == ["enablereferenceinput"]:
        enabled = options["enablereferenceinput"]
        if enabled not in (True, 1):  # MATLAB takes `true` or 1
            raise Malformed(f"resize2dLayer: EnableReferenceInput `{_shown(enabled)}`, with no Scale or OutputSize",
                            call.span)
        return None, "resample", 2, {**options, "mode": mode}
    if given == ["outputsize"]:
        h, w = _pair(options["outputsize"], "OutputSize", call)
        return f"resize {_size(h, w)}{how}", None, 1, options
    scale = options["scale"]
    scales = scale if isinstance(scale, list) and len(scale) == 2 else [scale, scale]
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer() and v >= 1
               for v in scales):
        raise Unsupported(f"resize2dLayer: Scale `{_shown(scale)}` (cnncalc upsamples by whole factors)", call.span)
    return f"upsample {_size(int(scales[0]), int(scales[1]))}{how}", None, 1, options


def _crop(call: Call) -> tuple[str | None, str | None, int, dict[str, Any]]:
    """crop2dLayer: its input `in` cropped to its input `ref`'s height and width, from the centre ('centercrop',
    `fit`) or with the window's upper-left corner at [x y] of `in` (1-based: `fit at (y-1)x(x-1)`)."""
    given, options = _options(call.args, len(call.args) % 2, call)  # (Mode or Location, then name-value pairs)
    where = given[0] if given else Str("centercrop", call.span)
    if isinstance(where, Str) and where.text.lower() in ("centercrop", "auto"):
        return None, "fit", 2, options
    if isinstance(where, list) and len(where) == 2 and all(type(v) is int and 1 <= v <= limits.MAX_SIZE
                                                            for v in where):
        x, y = where
        return None, "fit", 2, {**options, "offset": (y - 1, x - 1)}
    raise Unsupported(f"crop2dLayer({_shown(where)}) (cnncalc reads 'centercrop' and a location [x y] from 1)",
                      call.span)


# ---- the file ----------------------------------------------------------------------------------------


class _Net:
    """A layer graph being built: layers by name, edges (source, destination, input number)."""

    def __init__(self) -> None:
        self.layers: dict[str, Layer] = {}
        self.edges: list[tuple[str, str, int, Span]] = []
        self.input: ir.Input | None = None


def read(text: str, sink: DiagnosticSink, model: str | None = None) -> ir.File:
    """The network the file builds, or the one the variable `model` holds (`--model layers2`)."""
    return read_guarded(lambda t, s, p: _read(t, s, p, model), text, sink, "MATLAB")


def _read(text: str, sink: DiagnosticSink, progress: Progress, model: str | None) -> ir.Network:
    values: dict[str, Any] = {}
    counters: dict[str, int] = {}
    last_array: _Net | None = None
    last_graph: _Net | None = None
    networks: dict[str, _Net] = {}  # each variable holding layers, as last assigned, in that order
    placed = 0  # layers the statements have put into arrays and graphs (limits.MAX_MATLAB_PLACED)
    for target, value, where, builds in _Parser(text, values).statements():
        if builds:
            named = dict(counters)  # the automatic names before this statement, to name its layers again
            try:
                result = _evaluate(value, values, counters, sink)
            except Malformed as e:
                _read_before(value, e.span, values, named, text, progress)
                raise
        else:
            try:  # a constant the network may use (`numClasses = 10`); anything else is passed over
                result = _evaluate(value, values, counters, sink)
            except Malformed:
                continue
        if isinstance(result, _Net):
            placed += len(result.layers)
            if placed > limits.MAX_MATLAB_PLACED:
                raise Unsupported(f"a MATLAB file whose statements place more than {limits.MAX_MATLAB_PLACED:,} "
                                  f"layers into arrays and graphs (each statement's whole array or graph counted)",
                                  where)
            if isinstance(value, Call) and value.name in ("layerGraph", "addLayers", "connectLayers",
                                                          "dlnetwork", "replaceLayer"):
                last_graph = result
            else:
                last_array = result
        if target is not None:
            values[target] = result
            networks.pop(target, None)
            if isinstance(result, _Net) and result.layers:
                networks[target] = result
    start = Span(0, min(1, len(text)))
    if model is not None:
        chosen = networks.get(model)
        if chosen is None:
            listed = ", ".join(list(networks)[:12]) + (", …" if len(networks) > 12 else "")  # as the PyTorch reader's
            sink.add(codes.E075, f"`--model {model}`: the file builds no layer array or layer graph named `{model}`",
                     start, hint=f"the file builds {listed}" if networks else
                     "the file assigns no layer array or layer graph to a variable")
            return cut_short(text, start, "MATLAB")
        net: _Net | None = chosen
    else:
        net = last_graph or last_array
    if net is None or not net.layers:
        raise Unsupported("no layer array or layer graph in the file", start)
    if model is None:
        _report_others(net, networks, sink)
    progress.given = net.input
    return _network(net, text, progress.graph)


def _report_others(net: _Net, networks: dict[str, _Net], sink: DiagnosticSink) -> None:
    """W077: the networks the file builds apart from the one read: those no larger one holds a layer of (not
    the parts a network was put together from, `layers = [stem; body]`, nor the array a graph was made of)."""
    largest: dict[int, int] = {}  # each layer: the size of the largest network holding it (one pass: no pairs)
    for other in networks.values():
        for layer in other.layers.values():
            largest[id(layer)] = max(largest.get(id(layer), 0), len(other.layers))
    read = {id(layer) for layer in net.layers.values()}
    others = [name for name, other in networks.items() if other is not net and not any(
        id(layer) in read or largest[id(layer)] > len(other.layers) for layer in other.layers.values())]
    if others:
        read_name = next((name for name, other in networks.items() if other is net), None)
        which = f"`{read_name}`" if read_name else "the last"
        sink.add(codes.W077, f"the file builds {len(others) + 1:,} separate networks; cnncalc reads {which}, the last "
                             f"layer graph or else the last layer array, not {some_of(others)}",
                 next(iter(net.layers.values())).span, hint=f"`--model {others[0]}` reads another")


def _read_before(value: Any, stop: Span, values: dict[str, Any], counters: dict[str, int], text: str,
                 progress: Progress) -> None:
    """A layer array that could not be read: its layers before the one that stopped it, into the graph
    (the reader's caller cuts it short there), and the input they give."""
    if not isinstance(value, list) or not all(isinstance(v, Call) for v in value):
        return
    before = [v for v in value if v.span.end <= stop.start]
    try:
        net = _evaluate(before, values, counters, DiagnosticSink()) if before else None
        if isinstance(net, _Net) and net.layers:
            progress.given = net.input
            _network(net, text, progress.graph)
    except Malformed:
        return


def _evaluate(value: Any, values: dict[str, Any], counters: dict[str, int], sink: DiagnosticSink) -> Any:
    """A statement's value: a layer array or graph (`_Net`), or a number, string or matrix."""
    if isinstance(value, Call) and value.name in values and not value.args:
        return values[value.name]
    if isinstance(value, Call) and value.name in ("layerGraph", "dlnetwork", "SeriesNetwork", "assembleNetwork"):
        return _copy(_evaluate(value.args[0], values, counters, sink)) if value.args else _Net()
    if isinstance(value, Call) and value.name == "addLayers":
        graph, extra = (_evaluate(a, values, counters, sink) for a in value.args[:2])
        if not isinstance(graph, _Net) or not isinstance(extra, _Net):
            raise Unsupported("addLayers of something other than a layer graph and layers", value.span)
        out = _copy(graph)
        for name in extra.layers:
            if name in out.layers:
                raise Malformed(f"addLayers: a layer named '{name}' is already in the graph", value.span)
        out.layers.update(extra.layers)
        out.edges += extra.edges
        out.input = out.input or extra.input
        return out
    if isinstance(value, Call) and value.name in ("connectLayers", "disconnectLayers"):
        graph = _evaluate(value.args[0], values, counters, sink) if value.args else None
        if value.name == "disconnectLayers" or not isinstance(graph, _Net) or len(value.args) != 3 or \
                not all(isinstance(a, Str) for a in value.args[1:]):
            raise Unsupported(f"{value.name} as written (cnncalc reads connectLayers(lgraph, 'src', 'dst/in2'))",
                               value.span)
        out = _copy(graph)
        source, _, sent = value.args[1].text.partition("/")
        destination = value.args[2].text
        layer, _, port = destination.partition("/")
        if (sent in _UNPOOLING or port in _UNPOOLING) and sent != port:  # a max pool's `indices` to an unpooling's
            raise Unsupported(f"connectLayers('{value.args[1].text}', '{destination}'): a max pool's `indices` and "
                              f"`size` go to a maxUnpooling2dLayer's inputs of those names", value.span)
        # `in2`, …; a resize2dLayer's or crop2dLayer's `ref` comes first (its reference, the merge's first branch),
        # then `in`; a maxUnpooling2dLayer's `indices` and `size` after its `in`
        number = int(port[2:]) if port.startswith("in") and port[2:].isdigit() else 0 if port == "ref" else \
            _UNPOOLING.get(port, 1)
        for end in (source, layer):
            if end not in out.layers:
                raise Malformed(f"connectLayers: no layer named '{end}'", value.span)
        out.edges.append((source, layer, number, value.span))
        return out
    if isinstance(value, Call) and value.name in AUTO_NAMES:
        return _array([value], counters, sink)
    if isinstance(value, list) and value and all(isinstance(v, Call) for v in value):
        parts = [values[v.name] if not v.args and isinstance(values.get(v.name), _Net) else _array([v], counters, sink)
                 for v in value]
        return _joined(parts)
    if isinstance(value, Call):
        if value.name in values:
            return values[value.name]
        raise Unsupported(f"`{value.name}` (not a layer function or a variable cnncalc knows)", value.span)
    return value


def _joined(parts: list[_Net]) -> _Net:
    """Arrays placed in one (`layers = [stem; body]`): each part's first layer fed by the last before."""
    out = _Net()
    for part in parts:
        for name, layer in part.layers.items():
            if name in out.layers:
                raise Malformed(f"two layers named '{name}'", layer.span)
        if out.layers and part.layers:
            first = next(iter(part.layers.values()))
            out.edges.append((next(reversed(out.layers)), first.name, 1, first.span))
        out.layers.update(part.layers)
        out.edges += part.edges
        out.input = out.input or part.input
    return out


def _copy(net: Any) -> _Net:
    if not isinstance(net, _Net):
        raise Unsupported("a layer graph of something other than layers", Span(0, 1))
    out = _Net()
    out.layers, out.edges, out.input = dict(net.layers), list(net.edges), net.input
    return out


def _input_dims(call: Call) -> tuple[tuple[int, ...], dict[str, Any]]:
    """An input layer's size and options: `imageInputLayer([h w c])` (`[h w]`: one channel) or
    `featureInputLayer(n)`, a vector of n values; within the limits every notation's input has."""
    (size,), options = _options(call.args, 1, call)
    if call.name == "featureInputLayer":
        dims: tuple[int, ...] | None = (size,) if isinstance(size, int) and not isinstance(size, bool) else None
        expected = "a number of features"
    else:
        dims = (*size, 1)[:3] if isinstance(size, list) and len(size) in (2, 3) and all(
            isinstance(v, int) and not isinstance(v, bool) for v in size) else None
        expected = "[h w c]"
    problem = None if dims is None else input_problem("x".join(map(str, dims)), dims)
    if dims is None or problem is not None:
        why = f"; {problem[0]}: {problem[1]}" if problem is not None else _unknown(size)
        raise Unsupported(f"{call.name}({_shown(size)}) (expected {expected}{why})", call.span)
    return dims, options


def _array(calls: list[Call], counters: dict[str, int], sink: DiagnosticSink) -> _Net:
    """Layers in a row, each fed by the one before, as `layerGraph` connects an array."""
    net = _Net()
    previous: str | None = None
    for call in calls:
        if call.name in INPUT_LAYERS:
            dims, options = _input_dims(call)
            net.input = ir.Input(dims, 1, call.span)
            name = options.get("name")
            layer = Layer(name.text if isinstance(name, Str) else _auto(call.name, counters), "identity", None, 1,
                          call.span, skipped=True)
        else:
            try:
                text, merge, inputs, options = layer_text(call)
            except (ValueError, TypeError, OverflowError) as e:  # an argument of the wrong type (unpacking too few)
                raise Malformed(f"{call.name}: {why(e)}", call.span) from None
            name = options.get("name")
            label = name.text if isinstance(name, Str) and name.text else _auto(call.name, counters)
            factors = [v for k, v in options.items() if k.endswith("learnratefactor")]
            if text is not None and len(factors) == 2 and all(v == 0 for v in factors):
                text += " frozen"  # both learnables' rates 0 (`'WeightLearnRateFactor', 0, 'BiasLearnRateFactor', 0`)
            layer = Layer(label, text, merge, inputs, call.span, skipped=call.name in SKIPPED,
                          mode=None if options.get("mode") in (None, "nearest") else options["mode"],
                          offset=options.get("offset"))
            if call.name in SKIPPED:
                sink.add(codes.N070, f"{call.name} left out: an output layer for training, not part of the "
                                     f"network's computation", call.span)
        if layer.name in net.layers:
            raise Malformed(f"two layers named '{layer.name}'", call.span)
        net.layers[layer.name] = layer
        if previous is not None:
            net.edges.append((previous, layer.name, 1, call.span))
        previous = layer.name
    return net


def _auto(function: str, counters: dict[str, int]) -> str:
    base = AUTO_NAMES[function]
    counters[base] = counters.get(base, 0) + 1
    return f"{base}_{counters[base]}"


def _in_order(net: _Net, inputs: dict[str, dict[int, str]]) -> Iterator[str]:
    """The layers in waves, each wave the layers whose inputs all come before it, in the file's order within a
    wave (found in one pass over the connections: a wave at a time over all the layers was quadratic, 4,000 in a
    row took 5 s); Malformed at the first layer left, in the file's order, when a cycle or a missing input
    leaves some."""
    order = list(net.layers)
    sources = {name: set(inputs[name].values()) for name in order}
    users: dict[str, list[str]] = {name: [] for name in order}
    for name in order:
        for source in sources[name]:
            if source in users:
                users[source].append(name)
    waiting = {name: len(sources[name]) for name in order}
    wave = {name: 0 for name in order if not sources[name]}
    reached = list(wave)
    for name in reached:  # (the list grows as layers are reached)
        for user in users[name]:
            waiting[user] -= 1
            if not waiting[user]:
                wave[user] = 1 + max(wave[source] for source in sources[user])
                reached.append(user)
    position = {name: i for i, name in enumerate(order)}
    yield from sorted(wave, key=lambda name: (wave[name], position[name]))
    left = next((name for name in order if name not in wave), None)
    if left is not None:
        layer = net.layers[left]
        raise Malformed(f"the layers around '{layer.name}' form a cycle or miss an input", layer.span)


_UNPOOLING = {"indices": 2, "size": 3}  # a maxUnpooling2dLayer's inputs from its max pool, numbered after `in`


def _unpooling(name: str, net: _Net, inputs: dict[str, dict[int, str]], ids: dict[str, int], graph: Graph) -> int:
    """A maxUnpooling2dLayer: its `in` put back where the maxima of its max pool's input were, that pool's
    `indices` and `size` both connected: `maxunpool <the pool's window> { @the pool's input | … }`."""
    layer = net.layers[name]
    given = inputs[name]
    pool = given.get(2)
    if sorted(given) != [1, 2, 3] or pool is None or given[3] != pool:
        raise Malformed(f"'{name}' takes `in`, and `indices` and `size` from one max pool", layer.span)
    window = net.layers[pool].text
    if window is None or not window.startswith("maxpool ") or " ; " in window:
        raise Unsupported(f"'{name}' unpools '{pool}', not a max pooling layer cnncalc reads as one", layer.span)
    ref = ids[inputs[pool][1]] if 1 in inputs[pool] else INPUT
    try:
        call = spec_layer(window, layer.span)
    except NotReadable as e:
        raise Malformed(f"{name}: {e.message}", layer.span) from None
    return graph.merge(name, "maxunpool", [ref, ids[given[1]]], layer.span, window=call)


def _network(net: _Net, text: str, graph: Graph) -> ir.Network:
    """The layers in an order where each comes after its inputs, into `graph`."""
    inputs: dict[str, dict[int, str]] = {name: {} for name in net.layers}
    for source, destination, number, span in net.edges:
        if number in inputs[destination]:
            raise Malformed(f"input {number} of '{destination}' is connected twice", span)
        inputs[destination][number] = source
    ids: dict[str, int] = {}
    for name in _in_order(net, inputs):
        layer = net.layers[name]
        sources = [ids[inputs[name][k]] for k in sorted(inputs[name])] or [INPUT]
        if layer.merge == "maxunpool":
            ids[name] = _unpooling(name, net, inputs, ids, graph)
        elif layer.merge is not None:
            if len(sources) != layer.inputs:
                raise Malformed(f"'{name}' takes {layer.inputs} inputs but {len(sources)} are connected",
                                 layer.span)
            ids[name] = graph.merge(name, layer.merge, sources, layer.span, layer.mode, layer.offset)
        elif layer.skipped:
            ids[name] = sources[0]
        else:
            assert layer.text is not None
            if len(sources) != 1:
                raise Malformed(f"'{name}' takes one input but {len(sources)} are connected", layer.span)
            try:
                # (a layer's own `floor` is MATLAB's rule, as the network's: spaceToDepthLayer's)
                call = spec_layer(layer.text, layer.span, rounding_by=BY)
                ids[name] = graph.layer(name, call, sources[0], layer.span)
            except NotReadable as e:
                raise Malformed(f"{name}: {e.message}", layer.span) from None
    span = Span(0, len(text))
    return graph.network(None, net.input, span, rounding=ir.RoundingLine("floor", span, by=BY))


def layer_form(source: str) -> tuple[str, str | None]:
    """The spec form of one MATLAB layer call (`convolution2dLayer(11,96,'Stride',[4 4])`) and the name
    its 'Name' option gives, for a line of code pasted into a spec; NotReadable when it is not a layer
    cnncalc reads."""
    try:
        parser = _Parser(source)
        call = parser.expression()
        while parser.peek().text in (";", ",", "]"):  # `fullyConnectedLayer(10)];`, the array's last line
            parser.take()
        if parser.peek().kind not in ("EOF", "NEWLINE") or not isinstance(call, Call):
            raise Malformed("not one MATLAB layer call", parser.peek().span)
        if call.name in INPUT_LAYERS:
            dims, options = _input_dims(call)
            text: str | None = "input " + "x".join(map(str, dims))
        else:
            text, _, _, options = layer_text(call)
    except Malformed as e:
        raise NotReadable(e.message, e.span) from None
    except (ValueError, TypeError, LookupError, ArithmeticError, RecursionError) as e:
        raise NotReadable(why(e), Span(0, len(source))) from None
    if not text:
        raise NotReadable(f"{call.name} has no spec form (a merge or an output layer)", call.span)
    name = options.get("name")
    return text, name.text if isinstance(name, Str) else None
