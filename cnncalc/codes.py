"""Every diagnostic code, defined once: its title and its explanation (docs/diagnostics.md)."""
from __future__ import annotations

from typing import NamedTuple


class Code(NamedTuple):
    code: str
    title: str
    explanation: str


_CODES = [
    # Syntax: the text could not be read as the spec language.
    Code("E001", "unexpected character", "A character that is not part of the spec language. Comments start with `#`."),
    Code("E002", "syntax error", "The tokens do not form a statement: something expected is missing or something extra is there."),
    Code("E003", "unbalanced braces", "A `{` or `(` without its closing partner, or a closing one without an opening one. The message names the opening brace's position."),
    Code("E004", "nesting too deep", "Braces, parentheses or block calls nested deeper than cnncalc allows (64 levels). Flatten the spec with blocks and `repeat`."),
    # Layers and their arguments.
    Code("E010", "unknown layer", "The word is not a layer of the spec language (see docs/spec-language.md) nor a block. A close match is suggested."),
    Code("E011", "unknown option", "The layer has no such option or flag. A close match is suggested."),
    Code("E012", "option given twice", "An option or flag appears twice on one layer (`pad 1 pad 2`); cnncalc will not guess which one is meant."),
    Code("E013", "bad number", "A number is missing, malformed, of the wrong kind (a fraction where a whole number is needed) or out of its range (a stride of 0)."),
    Code("E014", "missing argument", "A layer lacks a required argument, e.g. `conv` without its number of filters or kernel size."),
    Code("E015", "duplicate name", "Two layers in one scope carry the same name; names must be unique within their scope."),
    # Statements.
    Code("E020", "missing input", "The spec has no `input HxWxC` line, so there is nothing to compute shapes from."),
    Code("E021", "duplicate input", "`input` may appear only once."),
    Code("E022", "statement out of place", "`input` and `rounding` must come before the first layer; `network` once at the top."),
    Code("E023", "bad input shape", "An input is `HxWxC` (e.g. `227x227x3`) or a flat `N`, every size at least 1."),
    Code("E024", "layer before input", "A layer appears before any `input` line (e.g. an `fc` after nothing): it has no volume to work on."),
    # Shape arithmetic.
    Code("E030", "invalid stride", "`(N - F + 2P)/S + 1` is not a whole number: the filter does not tile the input. Frameworks floor (PyTorch, TensorFlow) or round up (Caffe pooling) silently. Fix the padding, stride or input size, or state the rounding with `rounding floor|ceil`, `--rounding`, or `floor`/`ceil` on the layer (then this is note N030)."),
    Code("N030", "rounded output size", "An inexact division settled by an explicit rounding (`rounding`, `--rounding`, or the layer's `floor`/`ceil`). The table marks the layer."),
    Code("E031", "output size below 1", "The kernel (dilated) is larger than the padded input: no window fits."),
    Code("E032", "pooling padding too large", "A pooling layer's padding exceeds half its window (`P > floor(K/2)`); PyTorch refuses this since some windows would see only padding."),
    Code("E033", "groups do not divide channels", "A grouped convolution needs its input and output channel counts divisible by `groups`."),
    Code("E034", "needs a volume", "A spatial layer (conv, pool) got a flat vector. Put it before the first `fc`/`flatten`."),
    Code("E035", "bad transposed-convolution padding", "A transposed convolution's `outpad` must be smaller than its stride or its dilation (PyTorch's rule)."),
    # Expectations.
    Code("E040", "output shape differs from expectation", "The `-> HxWxC` written after a line does not match the computed output volume. The working is shown."),
    Code("E041", "parameter count differs from expectation", "The `params N` written after a line does not match the computed count. The working is shown."),
    Code("E042", "MAC count differs from expectation", "The `macs N` written after a line does not match the computed count. The working is shown."),
    Code("E043", "total differs from expectation", "An `expect total params|macs N` (or a budget `<= N`) does not hold for the whole network."),
    Code("E044", "network output differs from expectation", "`expect output HxWxC` does not match the network's final output volume."),
    Code("E045", "over budget", "A command-line budget (`--max-params`, `--max-macs`, `--max-memory`) is exceeded; the message gives the figure and the limit."),
    # Branches and blocks.
    Code("E050", "concat spatial mismatch", "The branches of a `concat` must have equal height and width; depths are summed."),
    Code("E051", "add shape mismatch", "The branches of an `add`/`residual` must have equal shapes. A projection shortcut (`shortcut { conv C 1x1 stride S }`) aligns them."),
    Code("E052", "unknown block", "A call `NAME(args)` names no block defined above it."),
    Code("E053", "bad block arguments", "A block call has too many or too few arguments, or a keyword the block does not take."),
    Code("E054", "recursive block", "A block calls itself, directly or through other blocks; the network would be infinite."),
    Code("E055", "block defined twice", "Two `block` definitions share a name."),
    Code("E056", "negative repeat count", "`repeat N` needs N >= 0."),
    Code("E057", "division by zero", "An integer expression divides by zero."),
    Code("E058", "network too large", "Expanding blocks and repeats would exceed cnncalc's limit of 1,000,000 nodes."),
    Code("E059", "undefined name in expression", "An expression uses a name that is not a parameter of the enclosing block."),
    # Lecture notation.
    Code("E060", "unreadable lecture line", "A line of a spec in the lecture's notation (`[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0`) that cnncalc cannot read. The accepted forms are in docs/homework.md."),
    # Warnings.
    Code("W001", "unused block", "A block is defined but never called."),
    # Executor (cnncalc's own bugs, found by `cnncalc verify`).
    Code("E901", "walker and executor disagree on shape", "The formula-derived shape differs from the array the executor produced. This is a bug in cnncalc; please report it."),
    Code("E902", "walker and executor disagree on parameters", "The formula-derived parameter count differs from the weight arrays the executor allocated. A bug in cnncalc."),
    Code("E903", "walker and executor disagree on MACs", "The formula-derived MAC count differs from the multiply-accumulates the executor performed. A bug in cnncalc."),
    Code("E904", "non-finite values", "The executor produced NaN or Inf on random input: the network is numerically unstable at this scale, or cnncalc has a bug."),
]

CODES: dict[str, Code] = {c.code: c for c in _CODES}
