"""The lecture's notation, read as written on a slide or a problem sheet, into the IR:

    [227x227x3] INPUT
    [55x55x96] CONV1: 96 11x11x3 filters at stride 4, pad 0
    [27x27x96] MAX POOL1: 3x3 filters at stride 2
    [27x27x96] NORM1: Normalization layer
    [4096] FC6: 4096 neurons
    [1000] FC8: 1000 neurons (class scores)

The bracketed volume is the student's answer; `-> params 760` or `(760 params)` after a line
adds more. Every character of a bracketed line is read or reported (E060 names the part not
understood); an unreadable layer stays in the network with an unknown output, so later answers
are marked "not checked", not wrong. Each `INPUT` line after the first starts a new network.

The lecture's worked examples are read too, a statement per line, the answers on the lines after
the layer's:

    Input: 227x227x3 images
    First layer (CONV1): 96 11x11x3 filters applied at stride 4
    Output volume = [55x55x96]
    Number of parameters in this layer = (11*11*3+1)*96 = 35K

(also `Input volume: 32x32x3`, `10 different 5x5 filters with stride 1, pad 2`, `Output: 32x32x10`,
`so 32x32x10`, `Output volume size: 32*32*10`, an unnamed pool (`Max pooling with 2x2 filters and
stride 2`), and the count after the last `=` or the `:` of a `number of parameters`,
`Parameters:` or `No. of weights:` line, any of them after a bullet, an arrow or a question's
number (`Q3:`, `(b)`), and any asked as a question with the answer after its `?` (`What is the
output volume? 55x55x96`, `How many parameters? 760`); `After CONV1:
55x55x96` (`CONV1 output:`, `Output of CONV1:`) answers for the layer it names. An answer given
again is prose when it says the same, judged instead when it agrees and says more, E060 when it
says otherwise. Under either
form, `Total params: 62.4M` or `Total number of MACs = 1.1G` is the network's total. The
output-size exercises (`Assume, input image is 7x7 filter is 3x3 stride is 2`, then `output is
3x3`) are a network each. An input
restated with the same volume continues the network when a line then says where it stands (`After
CONV1: 55x55x96`) or a layer its place (`Second layer (POOL1)`: then what rests on the input stated being meant
instead is not judged, `ir.Expectation.restated`), and is another example on that input otherwise; another
volume starts a new one, unless a layer saying its place follows (`_Net.reopens`: the network goes on, marked the
same way). The CS231n
notes' VGGNet breakdown (`CONV3-64: [224x224x64]  memory:  224*224*64=3.2M   weights: (3*3*3)*64 =
1,728`) is read too, the layer told by its name (`breakdown`), and so is a table of answers, a row a
layer (`_Table`: markdown's, with or without its outer bars, or aligned by spaces). Layers written as
calls (`CONV(10 filters, 5x5, stride 1, pad 2)`, `FC(10)`) read as after a colon, one per line or a
network on one line between arrows (`INPUT(32x32x3) -> CONV(…) -> FC(10)`, one piece per step:
`_pieces`); answers below a listing after the name of their layer (`CONV1: 32x32x10, 760 params`,
`FC1 has 25,610 parameters`, `Layer 2 output: 16x16x10`, `CONV output: …` for the one CONV) are
that layer's (`named_answer`). Every
other line is prose (a heading, `Output volume size:`), skipped with a note. The scanner is
linear in the line's length: no backtracking pattern.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import accumulate, islice, pairwise
from typing import Literal

from cnncalc import codes, ir, limits
from cnncalc.diagnostics import Diagnostic, DiagnosticSink, Span
from cnncalc.layers import REGISTRY
from cnncalc.layers.base import BYTES_PER_VALUE
from cnncalc.markup import plain
from cnncalc.record import NamedTuple
from cnncalc.tokens import count_from_text, input_problem, short

# the depth of a dataset's images, for an input that gives its height and width only (`28x28 MNIST digit`); a
# name with a hyphen (`CIFAR-10`) is one word to the lexer
_DATASET_DEPTHS = {"mnist": 1, "fashion-mnist": 1, "emnist": 1, "kmnist": 1, "cifar": 3, "cifar10": 3, "cifar-10": 3,
                   "cifar100": 3, "cifar-100": 3, "imagenet": 3, "imagenet-1k": 3, "svhn": 3, "stl10": 3, "stl-10": 3}
_HYPHENATED_NAMES = "|".join(re.escape(name) for name in (*(name for name in _DATASET_DEPTHS if "-" in name),
                                                            "up-convolution", "up-conv"))  # (U-Net's `up-conv 2x2`)

_TOKEN = re.compile(r"""\s*(?:
    (?P<DIMS>[0-9]+(?:\.[0-9]+)?(?:(?:\s*[xX×]\s*|\s+by\s+|-by-)[0-9]+(?:\.[0-9]+)?)+  # `7.5x7.5x20` kept whole,
        # `28x28 by 8`, `55-by-55-by-96` too
      | [0-9]+\s*@\s*[0-9]+(?:\s*[xX×]\s*[0-9]+)+  # LeNet's feature maps: `6@28x28` is 28x28x6
      | [0-9]+\s*(?:\^\s*2|²|\*\*\s*2)(?:\s*[xX×*]\s*[0-9]+)?(?![0-9]|\s*[*^·+/-]\s*[0-9(]))  # a square: `55^2 x 96`,
        # `55²×96` (not within arithmetic: `11^2*3*96 + 96`)
  | (?P<NUM>[0-9]+(?:(?:,[0-9]{3})+|(?:_[0-9]{3})+)?(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?(?:[KMGTkmgt](?:i?B)?|B)?
        (?![0-9A-Za-z_]))  # `35K`, `1.16MB`, `3.5e4`; thousands after commas or, as Python writes them, `_`
  | (?P<WORD>(?i:""" + _HYPHENATED_NAMES + r""")(?![0-9A-Za-z_-])|[0-9]+(?i:st|nd|rd|th)(?![0-9A-Za-z_])
        |[A-Za-z][A-Za-z0-9_]*)  # (an ordinal in figures is a word: `the 2nd conv layer`)
  | (?P<ARROW>-{1,3}>|→|⇒|⟶|⟹|={2,}>|[—–]+>)  # (`==>`, `-->`, `—>` too: `=>` is read as a pair)
  | (?P<P>[][:,()=;*+/.\-?])
  | (?P<BAD>\S)
)""", re.VERBOSE)

FORMS = ("`[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0`, `[27x27x96] MAX POOL1: 3x3 filters at stride 2`, "
         "`[27x27x96] NORM1: Normalization layer`, `[4096] FC6: 4096 neurons`, `[227x227x3] INPUT`")
CONNECTORS = {"at", "applied", "with", "and", "of", "using", "a", "an", "the"}
OPTION_WORDS = {"stride": "stride", "strides": "stride", "pad": "pad", "padding": "pad", "dilation": "dilation",
                "groups": "groups", "group": "groups", "s": "stride", "p": "pad",  # the lecture's S and P
                "outpad": "outpad", "output_padding": "outpad"}  # a transposed convolution's (`output padding 1` too)
_LETTERS = {"k": "out_channels", "f": "kernel", "s": "stride", "p": "pad"}  # `K=96, F=11, S=4, P=0`
_NEGATED_OPTIONS = {"bias": "bias", "biases": "bias", "pad": "pad", "padding": "pad", "zero": "pad"}  # `(no bias)`


class Tok(NamedTuple):
    kind: str
    text: str
    start: int
    end: int

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def lower(self) -> str:
        return self.text.lower()


def _tokens(line: str, offset: int) -> list[Tok]:
    out = []
    pos = 0
    while pos < len(line):
        m = _TOKEN.match(line, pos)
        if m is None or m.end() == pos:
            break
        kind = m.lastgroup or "BAD"
        out.append(Tok(kind, m.group(kind), offset + m.start(kind), offset + m.end(kind)))
        pos = m.end()
    return out


class _Net:
    def __init__(self, start: int) -> None:
        self.start = start
        self.end = start
        self.input: ir.Input | None = None
        self.lines: list[ir.Line] = []
        self.totals: list[ir.TotalExpectation] = []
        self.exercise: str | None = None  # the output-size exercise this network is, to know a restatement
        self.restated: int | None = None  # where its input was restated since its last layer line
        self.placed = False  # since then, a line said where the network stands (`After CONV1: 55x55x96`)
        self.restated_input: ir.Input | None = None  # that input, as restated
        # its layer lines that went on after a restated input only because they say their place (`Second layer
        # (POOL1)`), by where they start: the input they may take instead (`ir.Expectation.restated`)
        self.went_on: dict[int, ir.Input] = {}
        # the network before it, when another volume stated in prose started this one (`Input: 55x55x96` after
        # CONV1's 55x55x96): a layer that then says its place (`Second layer (POOL1)`) goes on with that one instead
        self.reopens: _Net | None = None
        # why its totals are not judged: its input is the volume the network before it was answered to stand at,
        # which a layer not saying its place may go on from (its own answers are the same either way)
        self.unsure = ""
        # the first line of prose after its first layer that speaks of a layer (`(f) A softmax classifier over 10
        # classes.`): a layer cnncalc did not read, which a total after it would leave out
        self.unread_layer: int | None = None
        # why its totals of parameters are not judged: a layer's count said to leave out the biases of a layer stated
        # with them (`conv_a: …, params 36,864 (no bias)`): a layer without biases, or a count without them?
        self.biases_left_out = ""
        # the last line of prose since its last layer that may state a new one (`Next comes a dense layer of 100
        # units.`, `_may_state_layer`): its number and text. An answer under it that names no layer may be that one's,
        # and is E060, never judged against the layer above (a right count was marked wrong)
        self.unread_step: tuple[int, str, Span, bool] | None = None  # …, where, and whether it says a step is taken
        # the last line of prose since its last layer that changes a setting of it (`If the stride were 3:`, `What
        # would the output be with stride 3 instead?`, `_changes_layer`): its number and text. An answer under it that
        # names no layer may be the changed layer's, and is E060, never judged against the layer as written (a right
        # 73x73x96 under `If the stride were 3:` was marked wrong against stride 4's 55x55x96)
        self.changed: tuple[int, str] | None = None
        # where the block a skip connection or a concatenation closes starts among its lines: after the last one
        # closed, or where prose or a heading said a block starts (`Residual block 2:`, `Inception module:`); its first
        # line else
        self.block_start = 0
        # each block closed: where it starts, where its add (or concatenation) stands, which (`residual`, `concat`),
        # and for a concatenation where each of its branches starts
        self.closed: list[tuple[int, int, str, tuple[int, ...]]] = []
        # whether prose said that an Inception module starts where the block does (`Inception module (3a):`): the
        # layers below it up to a concatenation are its branches, each on its input
        self.module_said = False
        # its lines that a label says start a branch of a module (`Branch 2: 1x1 conv, …`), by where they stand: the
        # label's place; each is taken by the concatenation below that closes its module (the lines from one to the
        # next its branch), or is E060 when none does (`finished`)
        self.branch_starts: dict[int, Span] = {}
        # Its last lines when they are unnamed layers stated after prose with nothing after them yet (the
        # lecture's `max pool with 2x2 filters and stride 2` illustrates a figure), or lines that name a kind of
        # layer with numbers and read as none (`Max-pool 2x2, stride 2`): (where, its span, line, and for the
        # latter the E060 said once something is read after it: then it is a layer cnncalc could not read)
        # lines read as unknown layers that are prose unless read after: where, their span and number, the E060 they
        # become, and whether only an answer to them makes them steps (`_pooling_remark`)
        self.tentative: list[tuple[int, Span, int, tuple[str, Span] | None, bool]] = []
        self.shared: set[int] = set()  # its lines that an unanswered layer's activation is (`_shape_keeping_after`)
        self.parts: dict[str, Span] = {}  # its layer lines by the letter of the problem's part they are (`(a) …`)
        self.awaited: _Awaited | None = None  # an input answered for a layer not stated yet (the next line's?)
        # the line of the layer a heading named (`For CONV1:`), its answers below; or why the heading names no one
        # layer (`Layer 1:` over CONV1 and FC1): the answers below that name none are E060
        self.headed: int | str | None = None
        self.heading = ""  # that heading's words (`CONV1`)
        self.heading_answered = False  # an answer was read under it
        self._labels: set[str] = set()
        self._labelled = 0  # lines whose names are in `_labels`

    def head(self, headed: int | str, said: str) -> None:
        """A heading read: the layer it names (or why it names none) takes the answers below that name none."""
        self.headed, self.heading, self.heading_answered = headed, said, False

    def drop(self, at: int) -> None:
        """Its line `at` is prose after all: gone, and where a block starts, closes or branches moved up with the
        lines below it."""
        del self.lines[at]
        self.block_start -= at < self.block_start
        self.closed = [(start - (at < start), added - (at < added), kind, tuple(c - (at < c) for c in cuts))
                          for start, added, kind, cuts in self.closed]
        self.branch_starts = {i - (at < i): span for i, span in self.branch_starts.items() if i != at}

    def labels(self) -> set[str]:
        """The names its lines give their layers (`CONV1`), brought up to date a line at a time: each line is read
        once however often this is asked (a line answered later keeps its name)."""
        for line in self.lines[self._labelled:]:
            if line.items and line.items[0].label is not None:
                self._labels.add(line.items[0].label)
        self._labelled = len(self.lines)
        return self._labels


# A network on one line, its layers between arrows: `INPUT(32x32x3) -> CONV(10 filters, 5x5, stride 1, pad 2) ->
# POOL(2x2, stride 2) -> FC(10)`, after a title (`Network: …`). A step is a layer's name, then its description in
# parentheses or brackets if any.
_CHAIN_ARROW = re.compile(r"->|→|=>|⇒")
_CHAIN_INPUT = re.compile(r"[ \t]*input[ \t]*\([^()]*\)[ \t]*", re.I)  # `INPUT(32x32x3)`: a one-arrow chain's start
# a title (`Network: `) or a question's number (`Q2. `, `3) `) before a one-line network's first step
_CHAIN_TITLE = re.compile(r"[ \t]*(?:(?:q|question|exercise|problem)?[ \t]*[0-9]+[a-z]?[.:)][ \t]*)?"
                          r"(?:(?!input[ \t]*:)[A-Za-z][A-Za-z ]*:[ \t]*)?", re.I)
_CHAIN_STEP = re.compile(r"[ \t]*(?:[A-Za-z][A-Za-z0-9_]*(?:[ \t]+[A-Za-z][A-Za-z0-9_]*)?"
                         r"(?:[ \t]*(?:\([^()]*\)|\[[^][]*\]))?"
                         r"|(?i:input|image)[ \t]*:?[ \t]*[0-9]+(?:[ \t]*[xX×][ \t]*[0-9]+)*)[ \t]*")
# (`Input 32x32x3 -> CONV(…) -> …`, `Input: 32x32x3 -> …`: the input's step written with its size alone)


class _Choices(NamedTuple):
    """A multiple-choice question's options and the answer that picks one (`_choices`), by the index of their piece."""

    options: set[int]  # the options' lines: `(a) 16x16x32`, each a value, none an answer
    picked: dict[int, list[Tok]]  # the line that picks one (`Answer: (b)`), as `Answer: <the option's value>`
    unknown: dict[int, str]  # a line that picks a letter no option has: why it is not judged (E060)


_OPTION = re.compile(r"[ \t]*(?:\((?P<paren>[a-hA-H])\)|(?P<letter>[a-hA-H])[).])[ \t]+(?P<value>\S.*?)[ \t.;]*")
_PICK = re.compile(r"[ \t]*(?:[-*•][ \t]*)?(?P<lead>(?:(?:the[ \t]+)?correct[ \t]+(?:answer|option|choice)|"
                   r"(?:the[ \t]+)?(?:my[ \t]+)?(?:answer|ans|solution|choice|pick|option)|"
                   r"i[ \t]+(?:choose|chose|pick|picked|select|selected)|=>|->)[ \t]*(?:is|:|=|-|–)?[ \t]*)?"
                   r"(?:\((?P<paren>[a-hA-H])\)|(?P<letter>[a-hA-H])(?![A-Za-z0-9])\)?)"
                   r"(?:[ \t]+(?:is|'s)[ \t]+(?:correct|right|the[ \t]+(?:correct[ \t]+|right[ \t]+)?answer))?"
                   r"(?:[ \t]*[:=,-]?[ \t]*(?P<value>[^.!]*?))?[ \t.!]*", re.I)
# (a letter alone too, right under the options: `(b)`, `b`; `B is correct.`, `Option B`, `Answer: B) 29x29x32`)


def _choices(pieces: list[tuple[int, str, int, bool]]) -> _Choices:
    """The multiple-choice questions of a sheet: after a question (a line ending in `?` or `:`), two options or more,
    lettered in order (`(a) 16x16x32`, `b) 29x29x32`, `C. 29x29x16`), each a value alone; then the line that picks
    one (`Answer: (b)`, `Correct answer: B`). The options are no answers (the first was judged as the answer, a right
    pick marked wrong); the pick is judged as its option's value, where that option is written."""
    result = _Choices(set(), {}, {})
    filled = [j for j, piece in enumerate(pieces) if piece[1].strip()]
    k = 0
    while k < len(filled):
        run: list[tuple[int, Tok | None]] = []  # (an option of words, `(e) None of the above`: no value)
        inline = _options_inline(*pieces[filled[k]][1:3])  # `(a) 55x55x96  (b) 54x54x96  (c) …` on one line
        if inline is not None:
            run = [(filled[k], value) for value in inline]
        while inline is None and k + len(run) < len(filled):
            j = filled[k + len(run)]
            m = _OPTION.fullmatch(pieces[j][1])
            if m is None or (m["paren"] or m["letter"]).lower() != "abcdefgh"[len(run)]:
                break
            run.append((j, _option_value(m["value"], pieces[j][2] + m.start("value"))))
        asked = filled[k - 1] if k else None
        k += 1 if inline is not None else max(len(run), 1)  # the line after the options (or after this one)
        if sum(v is not None for _, v in run) < 2 or asked is None or \
                not pieces[asked][1].rstrip().endswith(("?", ":")):
            continue
        pick = _PICK.fullmatch(pieces[filled[k]][1]) if k < len(filled) else None
        if pick is not None and pick["lead"] is None and pick["value"]:
            pick = None  # (a letter alone picks; with more after it, `b) How many parameters?`, it starts a line)
        kinds = {v.kind for _, v in run if v is not None}
        if pick is None and len(kinds) == 1 and len(run) >= 3:
            # values of one kind under one question, none picked: a multiple-choice question's options or the
            # answers to its parts? (the first was judged as the answer, the others E060)
            result.unknown[run[0][0]] = "cnncalc cannot tell whether these lettered values are a multiple-choice " \
                                        "question's options, none picked, or answers to its parts: not judged"
            result.options.update(j for j, _ in run[1:])
            continue
        if pick is None:  # (without a pick, lettered values may answer a problem's parts: read as before)
            continue
        result.options.update(j for j, _ in run)
        j = filled[k]
        letter = (pick["paren"] or pick["letter"]).lower()
        chosen = "abcdefgh".find(letter)
        option = run[chosen][1] if chosen < len(run) else None
        written = _option_value(pick["value"], pieces[j][2]) if pick["value"] else None
        if chosen >= len(run):
            result.unknown[j] = f"the answer picks ({letter}), which is none of the {len(run)} options"
        elif option is None:
            result.unknown[j] = f"the answer picks ({letter}), an option that is no value cnncalc can judge"
        elif pick["value"] and (written is None or _dims_text(written.text) != _dims_text(option.text)):
            result.unknown[j] = f"the answer picks ({letter}) but writes `{pick['value'].strip()}`, which is not its " \
                                f"value"  # (which of the two is meant is not said)
        else:
            at = pieces[j][2] + len(pieces[j][1]) - len(pieces[j][1].lstrip())
            result.picked[j] = [Tok("WORD", "Answer", at, at), Tok("P", ":", at, at), option]
        k += 1
    return result


def _option_value(text: str, offset: int) -> Tok | None:
    """An option's value, a volume (`29x29x32`, `29 x 29 x 32`) or a number alone; None for anything else."""
    value = _untrailed(_sides_together(_tokens(text, offset)))
    return value[0] if len(value) == 1 and value[0].kind in ("DIMS", "NUM") else None


def _options_inline(line: str, offset: int) -> list[Tok] | None:
    """The values of a multiple-choice question's options written on one line, lettered in order (`(a) 55x55x96
    (b) 54x54x96  (c) 56x56x96`, `a) 96  b) 48`, `(A) 16 x 16 x 32  (B) …`), each a value alone; None for any other
    line."""
    markers = list(_OPTION_MARK.finditer(line))
    if len(markers) < 2 or line[:markers[0].start()].strip():
        return None
    values: list[Tok] = []
    for k, m in enumerate(markers):
        if (m["paren"] or m["letter"]).lower() != "abcdefgh"[k % 8]:
            return None
        end = markers[k + 1].start() if k + 1 < len(markers) else len(line)
        value = _option_value(line[m.end():end].strip().rstrip(",;."), offset + m.end() +
                              len(line[m.end():end]) - len(line[m.end():end].lstrip()))
        if value is None:
            return None
        values.append(value)
    return values


_OPTION_MARK = re.compile(r"\((?P<paren>[a-hA-H])\)|(?<![A-Za-z0-9(])(?P<letter>[a-hA-H])\)")  # `(a)`, `b)`


def _pieces(text: str) -> Iterator[tuple[int, str, int, bool]]:
    """Each line's number, text and offset, and whether it is a step of a network written on one line between
    arrows: such a line is one piece per layer (offsets in the line), each read as a line of its own; the steps of
    a group said to repeat (`[CONV(16 filters, 3x3, pad 1) -> RELU] x 2`, the lecture's `[CONV -> RELU]*N`) once
    for each time, at their place."""
    offset = 0
    for number, raw in enumerate(text.split("\n"), 1):
        plain, groups = _groups_masked(raw)
        steps = _chain(plain) if "(" in plain or "[" in plain else None
        if steps is None:
            for start, end in _sentences(raw):
                yield number, raw[start:end], offset + start, False
        else:
            for start, end in _steps_repeated(steps, groups):
                yield number, plain[start:end], offset + start, True
        offset += len(raw) + 1


# a group of a one-line network's steps said to repeat: `[CONV(…) -> RELU] x 2`, `[CONV -> RELU]*2`
# (no bracket inside: a volume answered there would be each copy's, which the sheet may not mean)
_CHAIN_GROUP = re.compile(r"\[(?P<steps>[^][]*)\][ \t]*[xX×*][ \t]*(?P<times>[0-9]+)")  # (linear: no nesting)


def _groups_masked(raw: str) -> tuple[str, list[tuple[int, int, int]]]:
    """A line with its groups said to repeat (`_CHAIN_GROUP`) written as their steps alone, the brackets and the
    count blanked in place (offsets unchanged); and each group's extent and count. A count of 0 or past
    `limits.MAX_TIMES_SAID` leaves the line as it is (read as written: not a network)."""
    groups = []
    plain = raw
    for m in _CHAIN_GROUP.finditer(raw):
        if not _CHAIN_ARROW.search(m["steps"]):
            continue  # `[32x32x3] x 2`: no steps
        times = int(m["times"]) if len(m["times"]) <= 3 else 0
        if not 1 <= times <= limits.MAX_TIMES_SAID:
            return raw, []
        inside = m.start("steps"), m.end("steps")
        plain = plain[:m.start()] + " " + plain[inside[0]:inside[1]] + " " * (m.end() - inside[1]) + plain[m.end():]
        groups.append((inside[0], inside[1], times))
    return plain, groups


def _steps_repeated(steps: list[tuple[int, int]], groups: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """A chain's steps, those inside a group said to repeat given once for each time, in place."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(steps):
        group = next((g for g in groups if steps[i][0] < g[1] and steps[i][1] > g[0]), None)
        if group is None:
            out.append(steps[i])
            i += 1
            continue
        inside = [step for step in steps[i:] if step[0] < group[1] and step[1] > group[0]]
        out += inside * group[2]
        i += len(inside)
    return out


def _sentences(raw: str) -> list[tuple[int, int]]:
    """A line's parts (their start and end in it): a sentence that states a layer, then one that answers it (`The
    first layer is a convolution with 96 filters of size 11x11, stride 4. Its output is 55x55x96.`) are read as two
    lines, as written one under the other (the line was read as neither: the layer lost, its answer E060), and so is
    each answer's sentence after that (`… Its output is 55x55x96. It has 34,944 parameters.`); any other line whole."""
    cuts: list[int] = []
    titled = _TITLE_THEN_SENTENCE.match(raw) if ". " in raw or ": " in raw else None
    if titled is not None:  # `Problem 4 (MobileNet-style block). The input is …`: the title, then the problem
        cuts.append(titled.end())
    given = _INPUT_THEN_SENTENCE.match(raw, cuts[0] if cuts else 0) if ". " in raw else None
    if given is not None:  # `Input: 32x32x3. It has 3 channels.`: the input, then what is said of it (was E024)
        cuts.append(given.end())
    # a sentence that states a layer was cut from its answer, or the line starts with an answer (`b) Number of weights:
    # … = 9,408. Number of biases: 64. Total: 9,472.`): each answer after is a line too
    answering = _ANSWERS_FIRST.match(raw, cuts[-1] if cuts else 0) is not None if ". " in raw else False
    for m in _ANSWER_SENTENCE.finditer(raw, cuts[0] if cuts else 0) if ". " in raw else ():
        said = raw[cuts[-1] if cuts else 0:m.start()].lower()  # (an exercise's `N = 7, F = 3. Output: 3` is one)
        if answering or ("=" not in said and any(word in said for word in _STATING_WORDS)):
            cuts.append(m.end())
            answering = True
    for m in _AND_OUTPUT.finditer(raw, cuts[-1] if cuts else 0) if ", " in raw else ():
        if _COUNT_SAID.search(raw, cuts[-1] if cuts else 0, m.start()):  # `The pool has no parameters, and its
            cuts.append(m.end())  # output is 16x16x16.`: the count, then the output (the line was prose)
    parts = list(pairwise([0, *cuts, len(raw)]))
    if _CHAIN_WORDS.search(raw):  # `…, pad 2, then a 2x2 max pool with stride 2.`: each layer a line (it was E060)
        for m in _CHAINED_STEP.finditer(raw, cuts[-1] if cuts else 0):
            start, end = parts.pop()  # (the separator left out: `, ` or `; `; a sentence's `.` stays its own)
            parts += [(start, m.start() + (raw[m.start()] == ".")), (m.end(), end)]
    return parts


_STATING_WORDS = ("layer", "convolution", "filters", "pooling", "neurons", "units")  # a sentence stating a layer
# an output said after a count in one sentence (`…, and its output is 16x16x16`), and that count (`… has no parameters`)
_AND_OUTPUT = re.compile(r",\s*and\s+(?=(?:its|the)\s+output(?:\s+volume)?\s+is\b)")
_COUNT_SAID = re.compile(r"\b(?:has|have)\b[^,]*\b(?:parameters|params|weights|biases)\b", re.IGNORECASE)
# a line that starts with an answer's heading, after a part's letter (`b) Number of weights: …`, `Params: …`)
_ANSWERS_FIRST = re.compile(r"\s*(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:Number of (?:parameters|weights|biases)|Params|"
                            r"Parameters|Weights|Biases|Output(?: size| volume)?|MACs|Multiply-adds)\s*[:=]")
# a layer told after another in one sentence (`… goes through a 5x5 conv with 10 filters, pad 2, then a 2x2 max pool
# with stride 2`, `…; followed by an FC layer of 10`, `…. Then a 2x2 max pool.`): cut before the word that leads it,
# when that part names a kind of layer before its next comma
_CHAIN_WORDS = re.compile(r"\b(?:[Tt]hen|[Ff]ollowed by|[Ff]inally)\b")
_CHAINED_STEP = re.compile(r"(?:,|;|\.)\s*(?:and\s+)?(?=(?:[Tt]hen|[Ff]ollowed\s+by|[Ff]inally),?\s+(?:by\s+)?"
                           r"(?:a|an|another|one)?\s*[^.,;\n]{0,40}?\b(?i:conv(?:olution(?:al)?)?|(?:max|avg|average)"
                           r"[- ]?pool(?:ing)?|pool(?:ing)?|fc|fully[- ]connected|dense|linear)\b)")
# a sentence giving the input by its volume, and another after it (`Input: 32x32x3. It is an RGB image.`, `The input is
# 32 x 32 x 3. …`, after a question's number, `Q3. Input volume …. A conv layer …`, `1) Input …. …`): no period in
# it, so no decimal; the next sentence starts with a capital, and not with an
# exercise's next part (`Input: 7x7. Filter: 3x3. Stride: 2. Output: 3x3` is one exercise)
_INPUT_THEN_SENTENCE = re.compile(r"\s*(?:(?:(?:Q|Question|Problem|Exercise|Ex)\s*[0-9]+[a-z]?[.:)]|[0-9]{1,3}[.)]|"
                                  r"\([0-9]{1,3}\))\s+)?"
                                  r"(?:[Tt]he |THE )?(?:[Ii]nput|INPUT)\b[^.\n]*?[0-9]\s*[x×X*]\s*[0-9][^.\n]*\."
                                  r"\s+(?=[A-Z])(?!(?:Filters?|Kernel|Stride|Pad|Padding|Output|Depth|[FSPKND])\b)")
# a problem's number and title in parentheses, then its first sentence (`Problem 4 (MobileNet-style block). The input
# is 56 x 56 x 128.`, `Question 2 (10 points): Consider …`)
_TITLE_THEN_SENTENCE = re.compile(r"\s*(?:Problem|Question|Exercise|Task|Q)\s*[0-9]+[a-z]?\s*\([^()\n]{1,60}\)\s*[.:]"
                                  r"\s+(?=[A-Z])")
# the end of a sentence before one that answers the layer stated in it (`… stride 4. Its output is 55x55x96.`)
_ANSWER_SENTENCE = re.compile(r"(?<=[A-Za-z0-9)])\.\s+(?=(?:Its output|Its output volume|The output|Output|It has|This "
                              r"layer has|It needs|So the output|Therefore the output|Params|Parameters|Number of "
                              r"parameters|Number of weights|Number of biases|Weights|Biases|Total|MACs|Multiply-adds|"
                              r"This gives|This produces|This yields|This results in|It gives|It produces|"
                              r"We get|We obtain|The result is|The (?:conv |convolutional |pooling |pool |FC )?layer "
                              r"(?:has|needs)|There (?:are|is)|In total|Thus|Hence)\b)")


def _named_alone(tokens: list[Tok]) -> list[Tok] | None:
    """A layer's name, or the word `Input`, alone on its line (after a heading's marks, a bullet or a number, and a
    `Layer 1:` before it; a colon may follow it): `### Layer 1: CONV1`, `2. POOL1:`, `## Input`. None otherwise."""
    at = 0
    while at < len(tokens) and tokens[at].text == "#":
        at += 1
    rest = tokens[at:][_lead(tokens[at:]):]
    words = [t.lower for t in rest]
    if words[:1] == ["layer"] and [t.kind for t in rest[1:2]] == ["NUM"] and words[2:3] in ([":"], ["-"]):
        rest, words = rest[3:], words[3:]
    if words[-1:] == [":"]:
        rest, words = rest[:-1], words[:-1]
    if len(rest) != 1 or rest[0].kind != "WORD":
        return None
    word = words[0]
    named = any(c.isdigit() for c in word) and _label(rest) is not None and _layer_kind(word) is not None
    return rest if named or word == "input" else None


# what introduces a layer's description on the line below its name (`- Filters: 96 11x11 filters, stride 4`)
_DESCRIPTION_LABELS = ("filters", "filter", "kernel", "description", "operation", "type", "config", "layer",
                       "hyperparameters", "details", "settings")


def _description_below(pieces: list[tuple[int, str, int, bool]], index: int, name: list[Tok]
                       ) -> tuple[int, list[Tok]] | None:
    """The line under a name alone (`_named_alone`) that describes it, and its tokens (after its bullet and a label:
    `- Filters: 96 filters of size 11x11x3, stride 4`, `- 3x3 max pooling, stride 2`, `- 4096 neurons`; under
    `Input`, a volume: `227 × 227 × 3`); None when the next line (blank lines between) says something else."""
    below = next((j for j in range(index + 1, min(index + 4, len(pieces))) if pieces[j][1].strip()), None)
    if below is None or pieces[below][3] or pieces[below][1].strip()[:1] in ("#", "|", "["):
        return None
    tokens = _spelled_units(_tokens(pieces[below][1], pieces[below][2]))
    rest = tokens[_lead(tokens):]
    if len(rest) > 2 and rest[0].lower in _DESCRIPTION_LABELS and rest[1].text == ":":
        rest = rest[2:]
    words, kinds = [t.lower for t in rest], [t.kind for t in rest]
    if name[0].lower == "input":
        return (below, rest) if kinds[:1] == ["DIMS"] and "ARROW" not in kinds else None
    described = _filters_at(words, kinds) == 0 or (_pool_at(words, kinds) or (None, None))[0] == 0 or \
        (kinds[:1] == ["NUM"] and words[1:2] in (["neurons"], ["units"], ["outputs"]))
    return (below, rest) if described else None


def _next_words(pieces: list[tuple[int, str, int, bool]], index: int) -> list[str]:
    """The words of the line right under piece `index` (the next line of the text, not blank), after its bullet or
    bold marks (`**Output:** …`); none when there is no such line."""
    if index + 1 >= len(pieces) or pieces[index + 1][0] != pieces[index][0] + 1 or pieces[index + 1][3]:
        return []
    tokens = _tokens(pieces[index + 1][1], pieces[index + 1][2])
    return [t.lower for t in tokens[_lead(tokens):]]


def _answers_below(pieces: list[tuple[int, str, int, bool]], index: int) -> bool:
    """Whether the line right under piece `index` answers (`Output: 16x16x8`, `**Parameters:** 392`): then an input
    stated on that piece, right under a layer, is what the layer receives, not another example's input."""
    words = _next_words(pieces, index)
    return bool(words) and (words[0] in ("output", "outputs") or words[0] in ir.ANSWER_WORDS)


def _hyperparameters_below(pieces: list[tuple[int, str, int, bool]], index: int, tokens: list[Tok],
                           named: list[Tok] | None) -> tuple[list[Tok], tuple[int, list[Tok]]] | None:
    """A layer named alone (`CONV1`, `### POOL1`, `Layer 1 (Conv)`, `Layer 2`) with its hyperparameters listed on the
    lines below it, one a line (`- Type: Conv`, `- Filters: 16`, `- Kernel: 3x3`, `- Stride: 1`, `- Padding: 1`,
    `- Neurons: 10`): its name, and the last of those lines with the description they make (`conv 16 filters,
    kernel size 3, stride 1, pad 1`), read as the layer's one line; its answers follow as under any layer. None
    for anything else (each line was prose, and the answers under them were not judged)."""
    name = named
    kind: list[Tok] = []
    if name is None:  # `Layer 1`, `Layer 1 (Conv)`: numbered, its kind in parentheses or on a `Type:` line below
        marks = next((j for j, t in enumerate(tokens) if t.text != "#"), len(tokens))  # (`### Layer 1`, a heading)
        rest = tokens[marks:][_lead(tokens[marks:]):]
        words = [t.lower for t in rest]
        if words[:1] != ["layer"] or [t.kind for t in rest[1:2]] != ["NUM"]:
            return None
        name, after = rest[:2], rest[2:]
        if [t.text for t in after[:1] + after[-1:]] == ["(", ")"] and len(after) > 2:
            kind, after = after[1:-1], []
        if [t.text for t in after] not in ([], [":"]):
            return None
    fields: dict[str, list[Tok]] = {}
    last = None
    for j in range(index + 1, min(index + 12, len(pieces))):
        if not pieces[j][1].strip() or pieces[j][3] or len(pieces[j][1]) > 120:  # (a key and its value: a short line)
            break
        line = _tokens(pieces[j][1], pieces[j][2])
        line = line[_lead(line):]
        colon = next((k for k, t in enumerate(line[:5]) if t.text in (":", "=")), None)
        key = " ".join(t.lower for t in line[:colon]) if colon else ""
        field = _HYPERPARAMETER_KEYS.get(key)
        value = line[colon + 1:] if colon is not None else []
        if field is None or not value or field in fields or len(value) > 4:
            break
        fields[field], last = value, j
    if last is None or (not kind and "kind" not in fields and named is None) or \
            (len(fields) < 2 and named is None and not kind):  # (a name that says its kind: one line may be all)
        return None
    kind = kind or fields.get("kind", [])
    said: list[Tok] = [*kind]

    def joined(*words: str, at: Tok) -> list[Tok]:
        return [Tok("WORD" if w != "," else "P", w, at.start, at.start) for w in words]

    if "filters" in fields:
        said += [*fields["filters"], *joined("filters", at=fields["filters"][-1])]
    if "units" in fields:
        said += [*fields["units"], *joined("neurons", at=fields["units"][-1])]
    for field, heads in (("kernel", ("kernel", "size")), ("stride", ("stride",)), ("pad", ("pad",)),
                         ("activation", ())):
        if field in fields:
            said += [*joined(*([","] if said else []), *heads, at=fields[field][0]), *fields[field]]
    return name, (last, said)


_NUMBERED_LAYER = re.compile(r"[#*_\s]*layer\s*[0-9]", re.I)  # `Layer 1`, `**Layer 2 (Max pool)**`
# the keys of a layer's hyperparameters listed a line each under its name (`- Filters: 16`), and what each gives
_HYPERPARAMETER_KEYS = {
    **dict.fromkeys(("type", "layer type", "kind", "operation", "op"), "kind"),
    **dict.fromkeys(("filters", "number of filters", "# filters", "num filters", "# of filters", "output channels",
                     "out channels", "k"), "filters"),
    **dict.fromkeys(("kernel", "kernel size", "filter size", "size", "window", "window size", "pool size", "f",
                     "receptive field"), "kernel"),
    **dict.fromkeys(("stride", "s", "strides"), "stride"),
    **dict.fromkeys(("padding", "pad", "zero padding", "zero-padding", "p"), "pad"),
    **dict.fromkeys(("neurons", "units", "number of neurons", "number of units", "outputs"), "units"),
    **dict.fromkeys(("activation", "activation function", "nonlinearity"), "activation")}


def _chain(raw: str) -> list[tuple[int, int]] | None:
    """Where each step of a one-line network starts and ends in `raw`; None unless there are two arrows or more
    between steps that each read as a layer's name and description, two of them naming layers (or the input);
    or one arrow from the input to a layer, each with its parenthesis (`INPUT(32x32x3) -> CONV(10 filters, …)`)."""
    arrows = [m.span() for m in _CHAIN_ARROW.finditer(raw)]
    if not arrows:
        return None
    title = _CHAIN_TITLE.match(raw, 0, arrows[0][0])
    first = title.end() if title else 0
    if len(arrows) == 1 and not _CHAIN_INPUT.fullmatch(raw, first, arrows[0][0]):
        return None
    bounds = [first] + [end for _, end in arrows]
    ends = [start for start, _ in arrows] + [len(raw)]
    steps = []
    for start, end in zip(bounds, ends):
        if not _CHAIN_STEP.fullmatch(raw, start, end) or start == end:
            return None
        steps.append((start, end))
    named = sum(1 for start, end in steps if _layer_kind(raw[start:end].split("(")[0].split("[")[0].strip().lower())
                or raw[start:end].strip().lower().startswith("input"))
    return steps if named >= 2 else None


_NOT_BLANK = re.compile(r"^[ \t]*\S", re.M)  # a line that is not blank, at its first character


# a layer lettered or numbered in Roman numerals at the start of its line (`Layer A: convolution, …`, `- **Layer B** -
# max pool …`, `Layer IV: FC 10`)
_LETTERED_LAYER = re.compile(r"^[ \t]*(?:[-*•>#]+[ \t]*|[0-9]{1,2}[.)][ \t]+)?(?:Layer|LAYER)[ \t]+([A-Z]{1,4})"
                             r"(?=[ \t]*(?:[:(=\-–—]|is\b))", re.M)
_LETTER_NAMED = re.compile(r"\b(?:[Ll]ayer|LAYER)[ \t]+([A-Z]{1,4})\b")  # `layer A` anywhere (`Output of layer A: …`)
_NUMBERED_AT_START = re.compile(r"^[ \t]*(?:[-*•>#]+[ \t]*)?layer[ \t]*[0-9]", re.M | re.I)
_LETTER_PLACES = tuple("ABCDEFGHI")
_ROMAN_PLACES = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")


def _layers_lettered(text: str) -> tuple[str, dict[str, str]]:
    """A sheet that letters its layers (`Layer A`, `Layer B`, …) or numbers them in Roman numerals (`Layer I`, `Layer
    II`, …), from the first on with none left out and none numbered in digits, with each `layer B` read as `layer 2`
    (its place), so that the answers that name a layer so (`Output of layer B: …`) are judged as those that name it by
    its number; and the places with the names written for them (`{"2": "B"}`). Up to the ninth, whose place takes
    no more characters than its name (the place is moved right, every span stays where it was written); a sheet
    lettered past it is left as it is (its lettered layers are E060, as are its answers)."""
    if "ayer" not in text and "AYER" not in text:
        return text, {}
    names = {m[1] for m in _LETTERED_LAYER.finditer(text)}
    scheme = next((scheme for scheme in (_LETTER_PLACES, _ROMAN_PLACES)
                   if names and names == set(scheme[:len(names)])), None)
    if scheme is None or _NUMBERED_AT_START.search(text):
        return text, {}
    places = {name: str(place) for place, name in enumerate(scheme, 1) if name in names}

    def place(found: re.Match[str]) -> str:
        name = found[1]
        return found[0] if name not in places else \
            found[0][:found.start(1) - found.start()] + places[name].rjust(len(name))
    return _LETTER_NAMED.sub(place, text), {number: name for name, number in places.items()}


_PLACE_SAID = re.compile(r"\b([Ll]ayer|LAYER)( numbered)?[ \t]+([1-9])\b")


def _letters_said(diagnostic: Diagnostic, names: dict[str, str]) -> Diagnostic:
    """A diagnostic on a sheet that letters its layers (`_layers_lettered`), with the names it wrote where the
    diagnostic says their places (`Layer B: …` quoted as the sheet has it, not as `Layer 2: …`)."""
    def said(found: re.Match[str]) -> str:
        return f"{found[1]}{found[2] or ''} {names.get(found[3], found[3])}"
    return diagnostic._replace(message=_PLACE_SAID.sub(said, diagnostic.message),
                               hint=_PLACE_SAID.sub(said, diagnostic.hint) if diagnostic.hint else diagnostic.hint)


def _past_limit(sink: DiagnosticSink, span: Span) -> None:
    """E060 at the first line past `limits.MAX_LECTURE_LINES` (each line is read through every form: some
    0.3 ms a line, so a sheet of a million lines took minutes)."""
    sink.add(codes.E060, f"more than {limits.MAX_LECTURE_LINES:,} lines in the lecture's notation: the rest is not "
                         f"read", span, hint="split the sheet into files of fewer lines (`cnncalc check DIR` reads "
                                             "them all)")


def read(text: str, sink: DiagnosticSink) -> ir.File:
    """The sheet's networks, answers and prose; on a sheet that letters its layers (`_layers_lettered`), the
    diagnostics say the letters it wrote."""
    reported = len(sink.items)
    read_file, names = _read(text, sink)
    if names:
        sink.items[reported:] = [_letters_said(d, names) for d in sink.items[reported:]]
    return read_file


def _read(text: str, sink: DiagnosticSink) -> tuple[ir.File, dict[str, str]]:
    """`read`, and the places of the layers the sheet letters with the names it wrote for them (`_layers_lettered`)."""
    past = next(islice(_NOT_BLANK.finditer(text), limits.MAX_LECTURE_LINES, None), None)
    if past is not None:  # the sheet's lines past the limit are not read, nor searched for markup or figures
        line_end = text.find("\n", past.start())
        _past_limit(sink, Span(past.end() - 1, len(text) if line_end < 0 else line_end))
        text = text[:past.start()]
    if len(text) > limits.MAX_LECTURE_CHARS:  # the same for the sheet's characters, from the line that passes them
        cut = text.rfind("\n", 0, limits.MAX_LECTURE_CHARS) + 1
        line_end = text.find("\n", cut)
        sink.add(codes.E060, f"more than {limits.MAX_LECTURE_CHARS:,} characters in the lecture's notation: the rest "
                             f"is not read", Span(cut, len(text) if line_end < 0 else line_end),
                 hint="split the sheet into smaller files (`cnncalc check DIR` reads them all)")
        text = text[:cut]
    fenced = _fenced(text) if "```" in text or "~~~" in text else set()
    text, names = _layers_lettered(_answers_tabled(plain(text)))
    for columned in _layers_in_columns(text):
        sink.add(codes.E060, "cnncalc does not read a table whose columns are layers: its answers are not judged",
                 columned, hint="write a row per layer, under `| Layer | Output | Params |`")
    networks: list[_Net] = []
    current = _Net(0)
    prose: list[ir.Prose] = []
    run: list[tuple[int, int, int]] = []  # a block of consecutive prose lines: start, end, line number
    runs: list[list[tuple[int, int, int]]] = []  # the blocks before it (each a passage of prose at the end)
    steps_taken: set[int] = set()  # lines in those blocks that turned out to be layers (`steps`): not prose

    def unawaited(awaited: _Awaited | None) -> None:
        """An input answered for a layer that the next layer line does not state: E060 where it names the layer."""
        if awaited is not None:
            sink.add(codes.E060, f"no {awaited.said} above, nor on the next layer line, to give this input to",
                     awaited.span,
                     hint="answer what a layer receives after the layer's line, or right before it (`Input to "
                          "CONV2: 27x27x96`, then `CONV2: …`)")

    def received_before(awaited: _Awaited, line: ir.Line, reader: _LineReader) -> ir.Line:
        """`line` with the input answered before it (`_Awaited`) when it states that layer; else E060 for that. An
        input the line answers too is an answer given again (`_LineReader.restated`: the first judged, unless the
        line's agrees and says more)."""
        expectation = line.expectation
        if not awaited.states(line):
            unawaited(awaited)
            return line
        if expectation is not None and expectation.received is not None and \
                reader.restated(awaited.shape, expectation.received):
            return line
        shape = awaited.shape
        return line._replace(expectation=ir.answered(None, {}, shape.span, received=shape) if expectation is None
                             else expectation._replace(received=shape, span=shape.span.to(expectation.span)))

    def finished(net: _Net) -> None:
        """The network ends: unnamed layers stated after prose with nothing read after them (pools that
        illustrate the lecture's figures, its AlexNet notes' `- dropout 0.5`) are prose; the rest stands. (A
        line that names a kind of layer and reads as none is in its block of prose already.)"""
        unawaited(net.awaited)
        net.awaited = None
        for at, span, number, unread, remark in reversed(net.tentative):
            net.drop(at)
            if unread is None:
                prose.append(ir.Prose(span, f"line {number} (1 line), a layer without a name and nothing after it"))
            elif not remark and _holds_answer(_tokens(text[span.start:span.end], span.start)):
                # a layer cnncalc cannot read, with answers, is E060 though nothing is read after it: an answer is
                # never prose (they were passed over, wrong ones too)
                sink.add(codes.E060, f"{unread[0]}: its answers are not judged", unread[1],
                         hint=f"the forms cnncalc reads: {FORMS}")
                steps_taken.add(number)
        net.tentative.clear()  # (a network may be finished again: `_Net.reopens`)
        for at, span in sorted(net.branch_starts.items()):  # no concatenation below took them: not read as branches
            label = text[span.start:span.end].rstrip(":").strip()
            if label.split()[-1].lstrip("0") == "1" or at >= len(net.lines):
                continue  # (`Branch 1:` reads the module's input, as the line above's output)
            sink.add(codes.E060, f"`{label}` starts another branch: its input is not the output of the line above, "
                                 f"and no concatenation below closes its module", span, hint=_BRANCH_HINT)
            line = net.lines[at]
            net.lines[at] = ir.Line((ir.LayerCall("layer", (), None, span, valid=False),), line.expectation, line.span)
        net.branch_starts.clear()
        if net.went_on:
            net.lines = [_restating(line, net.went_on[line.span.start]) if line.span.start in net.went_on else line
                         for line in net.lines]
        networks.append(net)

    def flush() -> None:
        if run:
            runs.append(run.copy())
            run.clear()

    def unread_line(message: str, hint: str, where: Span, end: int) -> None:
        """A line that is E060 whole, and ends the prose before it (its passage stands) and the network so far."""
        flush()
        sink.add(codes.E060, message, where, hint=hint)
        current.end = end

    def steps(net: _Net, following: object = None) -> None:
        """Something was read after the network's tentative lines (`following`, when a line): they are its steps.
        One that names a kind of layer and reads as none is E060 (the layer stays, unknown), and no longer prose
        (its passage is cut there when the passages are made, at the end: a line at a time, however many); but a
        pool's kind alone right above a pool's line is that pool's heading (`Max pool`, then `POOL1: 2x2 …`)."""
        if net.tentative and net.tentative[-1][0] == len(net.lines) - 1 and _pool_line(following) and \
                _bare_pool(text[net.tentative[-1][1].start:net.tentative[-1][1].end]):
            net.drop(net.tentative.pop()[0])  # (prose: its passage stands)
        answered = following.at % len(net.lines) if isinstance(following, _Answered) and net.lines else -1
        for entry in [t for t in reversed(net.tentative) if t[4] and t[0] > answered]:
            net.drop(entry[0])  # a remark on a pool with no answer to it under it: prose (only lines after the
            net.tentative.remove(entry)  # one answered go: the answer's place among the lines stands)
        for _, _, number, unread, remark in net.tentative:
            if unread is not None:
                sink.add(codes.E060, unread[0], unread[1], hint=_REMARK_HINT if remark else
                         f"the forms cnncalc reads: {FORMS}")
                steps_taken.add(number)
        net.tentative.clear()

    table: _Table | None = None  # the markdown table being read, after its header row
    aligned = False  # that table's columns are aligned by spaces (no bars): it ends at a blank line
    # A question left unanswered on the line above: its tokens, where it starts, whether it was taken for prose
    question: tuple[list[Tok], int, bool] | None = None
    bare_rows = _bare_rows(text.split("\n")) if "---" in text else set()
    comma_rows = _comma_rows(text.split("\n")) if "," in text else set()  # a table pasted as CSV
    blank = False  # a blank line since the last line read
    cases: list[Tok] | None = None  # `Example N = 7, F = 3:`'s letters, which the lines of its cases below share
    held: list[Tok] = []  # a case's `stride` alone on its line, its value and answer on the next
    varied: list[Tok] | None = None  # the exercise just read, without its answer: what `Same but stride 3` varies
    pieces = list(_pieces(text))
    choices = _choices(pieces)
    figures = frozenset(name for name, marker in _FIGURES.items() if marker.search(text))
    last_concatenation = max((m.start() for m in _CONCATENATION_LINE.finditer(text)), default=-1)  # a module's
    assumed_pad: tuple[ir.Value, tuple[int, int] | None] | None = None  # `All convolutions use 'same' padding.`
    assumed_unbiased: Span | None = None  # `Ignore the bias terms.`
    assumed_rounding: tuple[str, Span] | None = None  # `Round down when the division is not exact.`
    listed: tuple[str, ...] | None = None  # under `Output size after each layer:`, the answer its numbered lines give
    listed_next = 0  # under it, the line of the layer its next line by kind answers (`CONV: 64 x 64 x 8`)
    listed_in_order: list[str] = []  # under it, the names of the layers its lines alone answer in turn
    unsaid_list = False  # under `Answers:` over several layers: numbered answers that say neither layer nor question
    read_lines = 0  # lines that are not blank, read so far
    input_read = False  # the last line that is not blank gave the input or answered for it
    described_above: set[int] = set()  # lines read as the description of a layer named alone above them
    parts_asked: dict[str, list[Tok]] = {}  # a line's lettered questions (`_parts_asked`), for the lines right below
    for index, (number, raw, line_start, step) in enumerate(pieces):
        if index in described_above:
            continue
        stripped = raw.strip()
        if _PROBLEM.match(stripped) and (current.input is not None or current.lines):
            finished(current)  # `## Problem 3`: another problem; its answers are not about the last one's layers
            current, question = _Net(line_start), None
        if not stripped:
            if aligned:
                table, aligned = None, False
            blank = True
            if isinstance(current.headed, int) and current.heading_answered:
                # its answers, then a blank line: an answer after it may be the heading's layer's or the last's
                current.headed = f"`{current.heading}`, whose answers a blank line ended above"
            continue
        read_lines += 1
        under_input, input_read = input_read, False  # (any line between the input and an answer: not the input's)
        if read_lines > limits.MAX_LECTURE_LINES:  # a network on one line of more steps
            first = line_start + len(raw) - len(raw.lstrip())
            _past_limit(sink, Span(first, first + len(stripped)))
            break
        if len(stripped) > limits.MAX_LECTURE_LINE_CHARS:  # (some forms read a line in time that grows faster)
            first = line_start + len(raw) - len(raw.lstrip())
            sink.add(codes.E060, f"a line of more than {limits.MAX_LECTURE_LINE_CHARS:,} characters is not read",
                     Span(first, first + 1), hint="split it: a layer, its answers and its working take a line or a few")
            continue
        heading = stripped.startswith("#") and not _HASH_COUNT.match(stripped)
        if heading and (_HEADING_INPUT.search(stripped) or (
                (current.input is not None or _next_words(pieces, index)[:1] == ["input"]) and
                _heading_states_layer(raw, line_start, current, figures))):
            # `## Network summary (input 224x224x3)`, `# Input: 224x224x3`: a heading that gives the input is read as
            # a line, its marks blanked out where they are (the input was lost, every answer below unchecked); so is
            # one that states a layer whole, `### Layer 1: CONV (8 filters, 4x4, stride 2, pad 1)` (a comment, the
            # answers under it had no layer)
            marks = len(raw) - len(raw.lstrip().lstrip("#"))
            raw, stripped, heading = " " * marks + raw[marks:], stripped.lstrip("#").strip(), False
        named_alone = _named_alone(_tokens(raw, line_start)) if not step and len(stripped) <= 40 else None
        description = _description_below(pieces, index, named_alone) if named_alone is not None else None
        if description is None and not step and len(stripped) <= 40 and \
                (named_alone is not None or _NUMBERED_LAYER.match(stripped)):  # `CONV1`, then `- Filters: 16`, …
            listed_below = _hyperparameters_below(pieces, index, _tokens(raw, line_start), named_alone)
            if listed_below is not None:
                named_alone, description = listed_below
        if heading and description is None:  # a comment (a markdown heading); `# of parameters: 760` is an answer
            if _BLOCK_SAID.search(stripped):  # `## Residual block 2`: the block a skip connection closes starts here
                current.block_start = len(current.lines)
                current.module_said = _MODULE_SAID.search(stripped) is not None
            if current.lines:  # `### CONV1`: also a heading over that layer's answers below
                marked = _tokens(raw, line_start)
                title = _LineReader(marked, sink, line_start, line_start + len(raw), figures)
                headed = title.heading(marked, current.lines)
                if headed is not None:
                    current.head(headed, title.heading_said)
            continue
        first = line_start + len(raw) - len(raw.lstrip())
        if _MODULE_ANSWERED.match(stripped):
            # `self.conv1 = nn.Conv2d(3, 6, 5)  # output 28x28x6`: a module's layer, whose place in the network its
            # forward says, not this line's: its answers are not judged (never prose: a wrong one passed unjudged)
            unread_line("the answers in this comment are on a module's layer, whose order in the network its "
                        "`forward` says: they are not judged",
                        "list the layers in the order the network applies them (`nn.Sequential(…)`, `model.add(…)`), "
                        "each with its answers in a comment", Span(first, first + len(stripped)), line_start + len(raw))
            continue
        if number in fenced and _code_line(stripped) and (
                "#" not in stripped or _code_commented(coded := _tokens(raw, line_start)) is coded):
            # `self.conv1 = nn.Conv2d(3, 6, 5)` in a code block: code (with its answers in a comment, `nn.Conv2d(1, 8,
            # 3),  # -> 26x26x8`, a layer's line)
            run.append((first, first + len(stripped), number))
            continue
        if index in choices.options:  # `(a) 16x16x32`: an option of a question, no answer (the question stays open)
            run.append((first, first + len(stripped), number))
            current.end = line_start + len(raw)
            continue
        if index in choices.unknown:
            unread_line(choices.unknown[index], "pick one of the options by its letter: `Answer: (b)`",
                        Span(first, first + len(stripped)), line_start + len(raw))
            continue
        reported = sink.total
        unread: tuple[str, Span] | None = None  # a line that names a kind of layer and reads as none: its E060
        reread = False  # the question above, read again with its answer on this line
        part: str | None = None  # the letter of the problem's part the line starts with (`(a) …`)
        result: ir.Input | ir.Line | _Answered | _Awaited | _Exercise | _InputAnswered | _SkipAdded | \
            _Concatenated | list[ir.TotalExpectation] | None
        asks = stripped.endswith("?")  # (or ends with an instruction that asks, `Compute the number of parameters.`)
        header = None if table is not None or step else _aligned_header(raw, line_start)
        if _TABLE_ROW.fullmatch(stripped) or number in bare_rows or number in comma_rows or aligned or \
                header is not None:
            # `| CONV1 | 96 11x11 filters at stride 4 | 55x55x96 | 34,944 |`, or without the outer bars, or
            # `CONV1    55x55x96    34,944` under `Layer    Output    Params`, or `conv1,32x32x16,448` under
            # `Layer,Output,Params`
            cells = header or (_aligned_cells(raw, line_start) if aligned else _comma_cells(raw, line_start)
                               if number in comma_rows else _cells(raw, line_start))
            question = None
            reader = _LineReader([], sink, first, line_start + len(raw.rstrip()), figures)
            bracketed = True  # an INPUT row starts a network, as a bracketed INPUT does
            if table is None:
                table, aligned = _Table.of_header(cells, sink), header is not None
                if table is None:  # not a table of answers
                    run.append((first, first + len(stripped), number))
                else:
                    table.stated_before = len(current.lines)
                continue
            above = table.answers_above(cells, current) if current.lines else None
            if above is not None:  # `| CONV1 | 32x32x16 | 448 |` under CONV1 stated above: its answers
                reader = _LineReader(above, sink, first, line_start + len(raw.rstrip()), figures)
                reader.labels, reader.parts, bracketed = current.labels(), current.parts, False
                result = reader.worked(current.lines[:table.stated_before], current.exercise is not None,
                                       current.input is not None, current.shared)
                if result is None and sink.total == reported and not reader.said_again:
                    sink.add(codes.E060, "cnncalc cannot read this row as the answers of the layer it names",
                             Span(first, first + len(stripped)), hint="name the layer as it is stated above")
            else:
                result = table.row(cells, reader)
            if result is None:  # the rule under the header, or a row reported as unreadable
                continue
            if isinstance(result, ir.Line) and assumed_rounding is not None:
                result = _rounded(result, *assumed_rounding)
            if isinstance(result, ir.Line) and current.input is None and not current.lines and \
                    result.expectation is not None and result.expectation.received is not None:
                # `| Input |` of the first row: the network's input (given, so not an answer)
                given = result.expectation.received
                current.input = reader.input(given, given.dims)
                result = result._replace(expectation=result.expectation._replace(received=None))
            if isinstance(result, list):  # a Total row
                flush()
                current.totals.extend(result)
                steps(current)
                current.end = line_start + len(raw)
                continue
        else:
            table = None
            written = choices.picked.get(index) or _tokens(raw, line_start)
            following = pieces[index + 1] if index + 1 < len(pieces) else None  # (a part of this line is not below it)
            if following is not None and not step and not following[3] and following[0] != number and \
                    (_continued(written, following[1]) or _wrapped(written, following[1])):
                # `CONV2: 8 filters of size 3x3`, then `  with stride 1 and padding 1`: one description; a sentence
                # wrapped at the line's end too (a step of a one-line network goes on with none)
                _, going_on, going_on_start, _ = pieces[index + 1]
                written = [*written, *_tokens(going_on, going_on_start)]
                described_above.add(index + 1)
            elif following is not None and not step:
                # `Input: 7x7`, then `Filter: 3x3`, `Stride: 2`: the exercise a line a part; `CONV1: 10 5x5 filters`,
                # then `Stride: 1`, `Padding: 2`: a layer's options a line each; read as one line, `Input: 7x7, Filter:
                # 3x3, Stride: 2` (apart, the input was E060 for its depth and the answers below unread; the layer
                # built without its options, a right output marked wrong)
                for below, added in _exercise_below(written, pieces, index) or _options_below(written, pieces, index):
                    written = [*written, Tok("P", ",", added[0].start, added[0].start), *added]
                    described_above.add(below)
            counted = _macs_parenthesised(_spelled_units(_code_commented(written)))
            weighed = _single_filter(_unbiased(counted))
            tokens = _named_parenthesised(_gives_arrow(_layer_parenthesised(_sides_together(_arrows_chained(
                _follows_dropped(_colon_before_answers(_filters_brought(_vector_said(_answer_said(_label_arrow(
                    weighed)))))))))))
            instructed = _instruction_asked(tokens) or _heading_asked(  # (its answer on the next line: not a piece of
                tokens, pieces[index + 1][1] if index + 1 < len(pieces) and not step and  # this one's)
                pieces[index + 1][0] != number else None)
            if instructed is not None:
                tokens, asks = instructed, True
            if listed is not None:  # `1) 64x64x32` under `Output size after each layer:`: layer 1's output
                numbered_answer = _listed_answer(tokens, listed)
                if numbered_answer is not None and listed and listed_in_order:
                    # `1) 55x55x96` … `4) 13x13x256`, a line for each named layer in turn: by place (read as
                    # `CONV1: 55x55x96`; CONV1 and POOL1 both end in 1, E060)
                    name, at = listed_in_order.pop(0), tokens[_lead(tokens)].start
                    tokens, numbered_answer = [Tok("WORD", name, at, at), Tok("P", ":", at, at),
                                               *tokens[_lead(tokens):]], None
                by_name = _named_listed(tokens, listed) if numbered_answer is None and listed else None
                by_kind = _kind_listed(tokens, listed, current.lines, listed_next) \
                    if numbered_answer is None and by_name is None and listed else None
                if by_kind is not None:  # `CONV: 64 x 64 x 8` under it: the next layer's, when it is a conv
                    tokens, listed_next = by_kind
                elif by_name is not None:  # `- CONV1: 64x64x16` under it: CONV1's output
                    tokens = by_name
                elif numbered_answer is None and listed and listed_in_order and _bare_answer(tokens) == 0:
                    # `64x64x32` alone under `Output size after each layer:`, a line for each named layer: the next's
                    name, at = listed_in_order.pop(0), tokens[0].start  # (read as `CONV1: 64x64x32` written there)
                    named = _named_listed([Tok("WORD", name, at, at), Tok("P", ":", at, at), *tokens], listed)
                    tokens = named or tokens
                elif numbered_answer is None and listed and len(current.lines) > 1 and _bare_answer(tokens) == 0:
                    # `64x64x32` alone under `Output size after each layer:`: which layer's is not said (it was judged
                    # as the last layer's, CONV1's right output marked wrong as the pool's)
                    unread_line("this answer under a heading for each layer does not say which layer it is about, so "
                                "it is not judged", "name the layer on its line, as in `CONV1: 64x64x32`",
                                Span(first, first + len(stripped)), line_start + len(raw))
                    continue
                else:
                    listed, tokens = (listed, numbered_answer) if numbered_answer is not None else (None, tokens)
                if numbered_answer is not None and not _numbered_lines(current.lines, numbered_answer[1].text):
                    # `3. 99x99x99` past the last layer: the answer of no layer (it was prose: a wrong one passed)
                    unread_line(_numbered_missing([], numbered_answer[1].text, "answer", current.lines),
                                "number each answer as its layer is numbered above", Span(first, first + len(stripped)),
                                line_start + len(raw))
                    continue
            numbered_below = _FIRST_NUMBERED.match(pieces[index + 1][1] if index + 1 < len(pieces) else "") is not None
            if unsaid_list and _listed_answer(tokens, ()) is not None:
                # `2) 16x16x16` under `Answers:`: layer 2's, or question 2's, the last layer's?
                unread_line("this numbered answer says neither its layer nor its question, so it is not judged",
                            "name the layer, as in `1) CONV1 output: 32x32x16`, or head the list with what each line "
                            "gives: `Output size after each layer:`", Span(first, first + len(stripped)),
                            line_start + len(raw))
                continue
            unsaid_list = False
            if numbered_below and len(current.lines) > 1 and \
                    [t.lower for t in tokens] in ([word, ":"] for word in _ANSWERS_HEADINGS):
                if _numbered_in_order(text, current.lines):
                    listed = ()  # the layers numbered `1.`, `2.`, … above: `2) 16x16x16` is layer 2's
                else:
                    unsaid_list = True  # `Answers:`, then `1) 32x32x16`: which layer each line answers is not said
                run.append((first, first + len(stripped), number))
                current.end = line_start + len(raw)
                continue
            each = _each_layers(tokens, numbered_below or _LAYER_ONE_BELOW.match(
                pieces[index + 1][1] if index + 1 < len(pieces) else "") is not None) if current.lines else None
            if each is not None:  # the heading of a list of answers, one a layer: prose, then the list
                listed, listed_next = each, 0
                listed_in_order = _layers_in_turn(current.lines, pieces[index + 1:])
                run.append((first, first + len(stripped), number))
                current.end = line_start + len(raw)
                continue
            if description is not None and named_alone is not None:
                # `### Layer 1: CONV1` (or `CONV1`, `Input`) alone, `- 96 11x11 filters at stride 4` below: one line
                below, described = description
                described_above.update(range(index + 1, below + 1))  # (blank lines between, or a list of options)
                tokens = [*named_alone, Tok("P", ":", named_alone[-1].end, named_alone[-1].end), *described]
            if cases is not None:  # under `Example N = 7, F = 3:`, each case's line: `stride 2 => 3`
                case = _case_of(held + tokens[_lead(tokens):])
                if case is None and [t.lower for t in tokens[_lead(tokens):]] == ["stride"]:
                    held = tokens[_lead(tokens):]  # the lecture's `• stride`, its value and answer on the next line
                    continue
                if case is not None:
                    told = cases[0].lower != "n"  # `An input of size 7x7x1, filter 3x3.`: its cases in words
                    tokens = cases + [Tok("P", ",", case[0].start, case[0].start)] + (_worded(case) if told else case)
                else:
                    cases = None
                held = []
            if cases is None:
                cases = _cases_heading(tokens)
            if varied is not None:  # `Q2. Same but stride 3 => 2x2` after an exercise: it again, that changed
                tokens = _varied(varied, tokens) or tokens
            asked, question = question, None
            own = (first, first + len(stripped), number)  # this line, as prose
            # an answer by its place or its label (under a question, `A:`; not a question itself), with a count or a
            # volume: never prose
            answer_labelled = _answer_label([t.lower for t in tokens[:3]], [t.kind for t in tokens[:3]]) > 0
            asks_answer = asked is not None and any(t.lower in ir.ANSWER_WORDS or t.lower in _ASKED_QUANTITIES
                                                    for t in asked[0])  # (not `Why is the stride 1?`)
            says_volume = any(t.kind == "DIMS" for t in tokens)
            says_volume3 = any(t.kind == "DIMS" and _dims_text(t.text).count("x") == 2 for t in tokens)
            says_count = _count_said(tokens)
            # (`A: 11 outputs`: an output's length; not the lecture's formula, `Output=(N - F) / stride + 1`)
            says_output = any(t.lower in ("output", "outputs", "vector") for t in tokens) and \
                any(t.kind == "NUM" for t in tokens) and not any(t.text in ("/", "+", "*", "^") for t in tokens)
            answer_like = not asks and (
                ((asks_answer or answer_labelled) and (says_volume or says_count or says_output)) or
                # under a layer, a line that opens as an answer does and says a volume or a count (`It outputs
                # 56x56x16, 1000 learnable parameters.`, `16 biases. 1000 weights.`; not `CIFAR-10 image size is
                # 32x32x3, 3072 weights …`)
                # (under a question that asks for nothing cnncalc judges, `Why is the stride 1?`, its answer: prose)
                (bool(current.lines) and asked is None and _opens_answer(tokens) and (says_volume3 or says_count)))
            asked_as_prose = None
            answer = _bare_answer(tokens) if asked is not None else None
            named_answer = False  # the line under a question names what it answers (`Params: …`)
            if asked is not None and answer is not None and _labelled_apart(asked[0], tokens[answer:], tokens):
                answer = None  # `How many weights and biases …?`, then `Weights: … = 34,848.`: the line's own
                # quantity, read alone (read with the question's, a right count of weights was judged as parameters)
            if asked is not None and answer is not None:  # `What is the output volume?`, then `32x32x10` below
                reread = True
                named_answer = any(t.lower in ir.ANSWER_WORDS or t.lower == "output" for t in tokens)
                tokens, first = _final_dropped(asked[0]) + tokens[answer:], asked[1]
                if asked[2]:
                    asked_as_prose = run.pop()  # the question, taken for prose, is read with its answer
            lead = _lead(tokens)
            part = _part_letter(tokens)
            if tokens and (part is not None or (lead and tokens[0].kind == "NUM") or
                           _QUESTION.fullmatch(tokens[0].lower)):
                current.changed = None  # (`(c) Parameters: …`: another part of the problem, about the layer as written)
            if lead and tokens[lead:lead + 1] and tokens[lead].text == "[":  # `- [55x55x96] CONV1: …`, `1. [55x…`
                tokens, first = tokens[lead:], tokens[lead].start
            tokens = _convolutions_counted(_setting_dashed(_bracketed_output(tokens, current.labels())))
            tokens, times = _said_repeated(tokens, lead, current, first, line_start + len(raw.rstrip()), figures)
            tokens = _fed_dropped(_convolution_said(_dense_said(_same_input(tokens, current.input))), current.lines)
            asked_parts = _parts_asked(tokens)
            if asked_parts is not None:  # `(a) What is the output volume? (b) How many parameters?`: their
                parts_asked = asked_parts  # answers, lettered, on the lines below
            elif parts_asked and (part_asked := parts_asked.get(_part_letter(tokens) or "")) is not None and \
                    _bare_values(tokens[_lead(tokens):]):
                tokens = [*tokens[:_lead(tokens)], *part_asked, *tokens[_lead(tokens):]]  # `(b) 760`: as `How many
                # parameters? 760` (it was prose, a wrong count passing with no word said)
            else:
                parts_asked = {}
            reader = _LineReader(tokens, sink, first, line_start + len(raw.rstrip()), figures)
            reader.assumed_pad, reader.assumed_unbiased = assumed_pad, assumed_unbiased
            reader.module_said, reader.module_start = current.module_said, current.block_start
            reader.module_labelled = any(i >= current.block_start for i in current.branch_starts)
            reader.concat_below = last_concatenation > line_start
            reader.after_blank, blank = blank, False
            reader.under_input, reader.changed = under_input, current.changed
            reader.labels = current.labels()
            reader.parts = current.parts
            bracketed = bool(tokens) and tokens[0].text == "["
            totals = None if bracketed else reader.totals()
            if totals or sink.total > reported:  # totals, or one reported as unreadable
                flush()
                if totals:
                    if current.unread_layer is not None:  # (a layer read after that line is not enough: it may
                        # be the one after the unread one)
                        totals = [t._replace(unsure=t.unsure or f"line {current.unread_layer}, read as prose, may "
                                                                f"state a layer the total counts")
                                  if t.limit is not None else t for t in totals]
                    current.totals.extend(totals)
                    steps(current)
                current.end = line_start + len(raw)
                continue
            headed = reader.heading(tokens[lead:], current.lines) if not bracketed else None
            if isinstance(headed, int) and reader.named_heading:  # `For CONV1:`, `CONV1` (was CONV1 stated again)
                flush()
                current.head(headed, reader.heading_said)
                current.end = line_start + len(raw)
                continue
            reader.headed = current.headed
            result = reader.read() if bracketed else reader.worked(current.lines, current.exercise is not None,
                                                                   current.input is not None, current.shared)
            if weighed is not counted and not current.biases_left_out and _biased_answered(result):
                current.biases_left_out = (f"line {number} counts a layer's parameters without its biases (`no "
                                           f"bias`): whether the layer has none or the count leaves them out is not "
                                           f"said")
            if result is not None and not isinstance(result, _Answered):
                current.headed = None  # (a layer or an input stated: the heading's answers are over)
            elif result is None and headed is not None and (sink.total == reported or isinstance(headed, str)):
                # `Layer 2:`, `For the pool:`: prose still, and a heading (of no one layer, `For CONV9:`: the answers
                # below are E060, not the last layer's)
                current.head(headed, reader.heading_said)
            current.heading_answered |= isinstance(result, _Answered) and isinstance(current.headed, int)
            if times is not None and isinstance(result, ir.Line):
                result = _repeated(result, times, reader)
            if isinstance(result, ir.Line) and assumed_rounding is not None:
                result = _rounded(result, *assumed_rounding)
            if reader.answered_again and current.unread_step is not None and current.lines:
                # the answer differs from the one above for the same layer, after a sentence that may state a layer
                # (`(d) A 1x1 convolution reducing the channels to 8.`, then `Output 31x31x8`): that sentence is a
                # layer cnncalc cannot read, which the answers after it rest on (they were judged without it, right
                # ones marked wrong)
                said_at, said_text, said_span, _ = current.unread_step
                sink.add(codes.E060, f"cnncalc cannot read `{said_text}` as a layer: the answers after it rest on it "
                                     f"and are not judged", said_span, hint=f"the forms cnncalc reads: {FORMS}")
                current.lines.append(_unknown_layer(said_span))
                steps_taken.add(said_at)  # (no longer prose)
                current.unread_step = None
            elif reader.answered_again and not current.unsure:
                # a layer stated between the two answers may not have been read: the network's totals would leave
                # it out (a right total was marked wrong when an `Output layer with 10 neurons.` was prose)
                current.unsure = (f"the answer at line {number} differs from the one above it for the same layer: a "
                                  f"layer stated between them may not have been read")
            current.placed = current.placed or (reader.places and current.restated is not None)
            if result is None and sink.total == reported and not reader.said_again and \
                    (overlong := _overlong(tokens)) is not None:
                sink.add(codes.E060, f"a number of {overlong[1]:,} digits, more than the {limits.MAX_LITERAL_DIGITS} "
                                     f"cnncalc reads: the line is not read, and its answers are not judged",
                         Span(overlong[0].start, overlong[0].end),
                         hint="no layer's size or count has that many digits: check the number")
                if current.input is not None and _LAYER_WORDS.intersection(t.lower for t in tokens):
                    result = reader.unreadable(None, [])  # (a layer, unknown: the answers after it rest on it)
            # a step of a one-line network, or a call on a line of its own, is a layer: read, or E060
            if result is None and (step or (current.input is not None and _a_call(tokens))) and \
                    sink.total == reported:
                result = reader.unread_step(step, _said(raw, line_start, tokens))
            if result is None and reader.statement_unread and sink.total == reported:
                sink.add(codes.E060, f"cnncalc cannot read `{_said(raw, line_start, tokens)}` as a layer: its answers "
                                     f"are not judged, nor those after it", Span(first, first + len(stripped)),
                         hint=f"the forms cnncalc reads: {FORMS}")
                result = reader.unreadable(None, [])  # the layer stays, unknown: the answers after it rest on it
            if result is None and current.input is not None and _stated_with_answers(tokens):
                # `Spatial pyramid pooling -> 1x1x64`: a layer cnncalc cannot read (E060 once), unknown
                result = reader.unread_stated(tokens, reported=sink.total > reported)
            unsaid = result is None and current.input is not None and sink.total == reported and \
                not reader.said_again
            stepping = unsaid and (_layer_like(tokens, current.labels()) or _resizing_step(tokens) or
                                   _step_sentence(tokens) or _stated_by_place(tokens))
            remark = unsaid and not stepping and bool(current.lines) and _pooling_remark(tokens, current.lines[-1])
            if stepping or remark:
                # a kind of layer with numbers that reads as none: a layer, unknown, if anything is read after it
                # (then E060; skipped, the answers after it were judged without it), else prose; a remark naming a
                # pooling step, only if an answer to it follows
                said = _said(raw, line_start, tokens)
                unread = (f"cnncalc cannot read `{said}` as a layer" if stepping else
                          f"`{said}` names a step cnncalc cannot read as a layer: the answers under it may be that "
                          f"step's, and are not judged", Span(first, first + len(stripped)))
                result = reader.unreadable(None, [])
            if isinstance(result, _Answered) and current.changed is not None and \
                    result.at in (-1, len(current.lines) - 1) and not _names_layer(tokens, current.labels()):
                sink.add(codes.E060, _CHANGED_ABOVE.format(*current.changed), Span(first, first + len(stripped)),
                         hint=_CHANGED_HINT)
                result = None
            if isinstance(result, _Answered) and not result.more and current.unread_step is not None and \
                    result.at in (-1, len(current.lines) - 1) and not _names_layer(tokens, current.labels()):
                said_at, said_text, _, _ = current.unread_step
                sink.add(codes.E060, f"line {said_at} (`{said_text}`) may state a layer cnncalc did not read: this "
                                     f"answer may be that layer's, and is not judged",
                         Span(first, first + len(stripped)),
                         hint="state the layer as `FC1: 100 neurons`, or name the layer the answer is about, as in "
                              "`CONV1 params: 760`")
                result = None
            if result is None and current.lines and sink.total == reported and not reader.said_again and \
                    _layer_counted(tokens) and _HYPOTHETICAL.intersection(t.lower for t in tokens):
                # `A standard 3x3 conv with 64 filters would have … = 18,496 parameters.`: a layer the network does
                # not have, for comparison; not judged, and not a step the answers after it rest on
                sink.add(codes.E060, f"`{_said(raw, line_start, tokens)}` speaks of a layer the network does not "
                                     f"have: its answers are not judged", Span(first, first + len(stripped)),
                         hint="write that layer as a network of its own to check its answers")
            elif result is None and current.lines and sink.total == reported and not reader.said_again and \
                    _layer_counted(tokens):
                sink.add(codes.E060, f"cnncalc cannot read `{_said(raw, line_start, tokens)}` as a layer: its answers "
                                     f"are not judged, nor those after it", Span(first, first + len(stripped)),
                         hint=f"the forms cnncalc reads: {FORMS}")
                result = reader.unreadable(None, [])  # the layer stays, unknown: the answers after it rest on it
            if result is None and reader.kind_unseen and current.input is not None:
                # (its E060 said): the layer stays, unknown, so that no answer after it is judged without it (a
                # right count under `Max pooling gives 16x16x32.` was marked wrong)
                result = reader.unreadable(None, [])
            if result is None:
                lettered = _part_letter(tokens) is not None and _bare_values(tokens[_lead(tokens):]) and \
                    (current.lines or current.input is not None)  # `(b) 770` under a problem: which question?
                if sink.total == reported and not reader.said_again and (_answered_question(tokens) or named_answer or
                                                                         lettered):
                    # (a question read with the answer below it that names what it answers: E060, never prose)
                    sink.add(codes.E060, "cnncalc cannot tell what this answer is about, so it is not judged",
                             Span(first, first + len(stripped)),
                             hint="ask about a layer's output or counts as in `What is the output volume of CONV1? "
                                  "32x32x10` or `Number of parameters in CONV1: 760`")
                    if (current.lines or current.input is not None) and _may_state_layer(tokens):  # (`After that
                        # comes a 1x1 conv …`: a step; the first after the input too)
                        current.unread_step = (number, _said(raw, line_start, tokens),
                                               Span(first, first + len(stripped)),
                                               _takes_step(_tokens(raw, line_start)))  # (the line whole)
                elif sink.total == reported and not reader.said_again and current.lines and answer_like:
                    # (`A: We get 56x56x16, 1000 learnable parameters.`: an answer in a form cnncalc does not read;
                    # it was prose, and a wrong answer passed over)
                    sink.add(codes.E060, "cnncalc cannot read this answer, so it is not judged",
                             Span(first, first + len(stripped)),
                             hint="give each answer as `Output: 56x56x16` or `Params: 1,040`, a line each")
                elif sink.total == reported and not reader.said_again and current.lines and _unread_output(tokens):
                    # (`Output: 28 rows, 28 columns, 6 maps`: an answer cnncalc cannot read, never prose, so that a
                    # wrong one is not passed over)
                    sink.add(codes.E060, f"cnncalc cannot read `{_said(raw, line_start, tokens)}` as an output, so it "
                                         f"is not judged", Span(first, first + len(stripped)),
                             hint="write the volume as `Output: 28x28x6` (height x width x channels)")
                if sink.total == reported:  # a line reported as unreadable is not prose as well
                    run.extend([asked_as_prose, own] if asked_as_prose is not None else [own])
                    assumed_pad = _padding_assumed(tokens) or assumed_pad
                    # (the line as written: its normalised tokens say `parameters without biases` as `weights`)
                    assumed_unbiased = _biases_left_out(_tokens(raw, line_start)) or assumed_unbiased
                    assumed_rounding = _rounding_assumed(tokens) or assumed_rounding
                    if current.lines and current.unread_layer is None and not reader.said_again and \
                            not asks and _LAYER_WORDS.intersection(t.lower for t in tokens):
                        current.unread_layer = number  # (an answer said again is no layer, nor a question)
                    if _BLOCK_SAID.search(stripped):  # `Residual block 2:`, `The block's input is 56x56x64.`
                        current.block_start = len(current.lines)
                        current.module_said = _MODULE_SAID.search(stripped) is not None
                    if current.lines and not reader.said_again and _changes_layer(tokens, current.lines[-1]):
                        # (its line: the question's, when the line under it was read with it)
                        said_from = text.rfind("\n", 0, tokens[0].start) + 1
                        said_end = len(text) if (said_nl := text.find("\n", said_from)) < 0 else said_nl
                        current.changed = (text.count("\n", 0, said_from) + 1, _said(
                            text[said_from:said_end], said_from, [t for t in tokens if t.start < said_end]))
                    if (current.lines or current.input is not None) and not reader.said_again and \
                            _may_state_layer(tokens):  # (the first layer after the input too)
                        current.unread_step = (number, _said(raw, line_start, tokens),
                                               Span(first, first + len(stripped)),
                                               _takes_step(_tokens(raw, line_start)))  # (the line whole)
                    if asks and asked_parts is None:  # (a line of lettered parts asks each
                        question = tokens, first, True  # of the lines below by its letter)
                    elif _question_labelled(tokens):  # `Q: CONV1 output`, without its `?`: its answer after a `:`
                        question = [*tokens, Tok("P", ":", tokens[-1].end, tokens[-1].end)], first, True
                elif (current.lines or current.input is not None) and not reader.said_again and \
                        _may_state_layer(tokens):
                    # (reported, as a question about the layer above that sets what it does not have: `The output of
                    # CONV7 goes into a 2x2 max pool with stride 2.`; a layer all the same, which an answer given again
                    # differently after it shows: the answers after that rest on it, a right one was marked wrong)
                    current.unread_step = (number, _said(raw, line_start, tokens), Span(first, first + len(stripped)),
                                           _takes_step(_tokens(raw, line_start)))
                continue
            if isinstance(result, _Exercise) and result.line.expectation is None and asks:
                question = tokens, first, False  # `input 7x7, filter 3x3, stride 2 => output?`, answered below
            elif isinstance(result, ir.Line) and reader.question and reader.question[-1].text == "?":
                question = reader.question, reader.question[0].start, False  # `… What is its output?`, answered below
            elif isinstance(result, ir.Line) and reader.question:  # `… What is its output? 27x27x96`
                result = reader.asked_answer(result, reader.question, alone=False)  # (E060: the layer stays)
        tentative = unread is not None or \
            (isinstance(result, ir.Line) and reader.unnamed and bool(run) and result.expectation is None)
        after_prose = bool(run)
        if isinstance(result, ir.Line) and result.items:
            if current.unread_step is not None and current.unread_step[3] and not isinstance(result, _Exercise):
                # a layer after a sentence that takes a step cnncalc did not read: that step is a layer, unknown, which
                # the answers after it rest on (judged on the layer above it, a right count was marked wrong)
                said_at, said_text, said_span, _ = current.unread_step
                sink.add(codes.E060, f"cnncalc cannot read `{said_text}` as a layer: the answers after it rest on it "
                                     f"and are not judged", said_span, hint=f"the forms cnncalc reads: {FORMS}")
                current.lines.append(_unknown_layer(said_span))
                steps_taken.add(said_at)  # (no longer prose)
            current.unread_step = current.changed = None  # a layer read: the answers under it are its own
        if sink.total == reported and isinstance(result, (ir.Line, _Answered)) and not bracketed:
            _counts_unread(sink, _tokens(raw, line_start), result)
        if not isinstance(result, ir.Input) and not tentative:
            steps(current, result)  # an answer or a layer after unnamed layers stated after prose: steps
        if unread is not None:
            run.append((first, first + len(stripped), number))  # prose, unless something is read after it
        else:
            flush()
        varied = _before_answer(tokens) if isinstance(result, _Exercise) else None
        if isinstance(result, ir.Input) and not bracketed and not after_prose and not reader.after_blank and \
                (raw[:1].isspace() or _answers_below(pieces, index)) and _receives(current, reader, result):
            # `Layer 3: CONV with 32 filters …`, then right under it, indented, `Input volume: 32x32x16` before its
            # answers: what it receives (flush left, after a blank line or prose, an input stated starts a network,
            # as it always does: two examples may follow each other so)
            assert reader.stated is not None
            received = reader.stated
            result = _Answered(current.lines[-1]._replace(
                expectation=ir.answered(None, {}, received.span, received=received)), len(current.lines) - 1)
        if isinstance(result, ir.Input) and len(result.dims) == 1 and current.input is not None and \
                len(current.input.dims) == 3 and not current.lines and current.exercise is None and not bracketed \
                and under_input and not reader.after_blank and reader.stated is not None and result.answers is None:
            # `Input: 32x32x3`, then right under it `Input: 3072 values`: its values, an answer (read as a network of
            # its own, the layers below worked on a vector: E034, their right answers unjudged)
            values = reader.stated
            result = _InputAnswered({"memory": ir.Count(int(result.dims[0]), 0, 1, values.text, values.span)})
        input_read = isinstance(result, (ir.Input, _InputAnswered))
        if isinstance(result, ir.Input):
            # the same volume written in the same order (`1x224x224`, channels first, and `224x224x1` are not)
            same = current.input is not None and current.input.dims == result.dims and \
                current.input.channels_first == result.channels_first
            # A bracketed INPUT starts a network, unless a prose input of its volume just said so; a prose
            # input restated with the same volume (as the lecture does before each step) continues one.
            # A numbered question's input, or one after an exercise (a network of its own), starts one too.
            # `Layer 1: CONV (8 filters, 4x4)`, then right under it `Input: 32x32x3` and its answers: the network's
            # input, which its first layer receives (it started a network of its own, the layer above with none)
            first_received = current.input is None and current.exercise is None and len(current.lines) == 1 and \
                current.lines[0].expectation is None and not current.tentative and not bracketed and \
                not after_prose and not reader.after_blank and not reader.numbered and result.answers is None and \
                (raw[:1].isspace() or _answers_below(pieces, index))
            started = (current.input is not None or bool(current.lines)) and not first_received
            fresh = started and (reader.numbered or current.exercise is not None or
                                 not (same and (not bracketed or not current.lines)))
            if fresh:
                finished(current)
                before, current = current, _Net(first)
                if not (same or bracketed or reader.numbered) and before.exercise is None and before.lines and \
                        before.input is not None and before.input.channels_first == result.channels_first:
                    current.reopens = before  # (a volume in the other order is read in its own: a network of its own)
                    if _stands_at(before, result):
                        volume = "x".join(map(str, result.dims))
                        current.unsure = (f"the input stated at line {number} ({volume}) is where the network above "
                                          f"it stands: the total of this example, or of the whole network? "
                                          f"(`Second layer (…)` goes on with it)")
            elif started:
                current.restated, current.restated_input, current.placed = first, result, False
            if current.input is None or bracketed:
                current.input = result
        elif isinstance(result, _Exercise):
            # the lecture repeats each exercise on the next slide; a numbered question is a new one (`Q2.`)
            if current.exercise != result.signature or (reader.numbered and not reread):
                if current.input is not None or current.lines:
                    finished(current)
                    current = _Net(first)
                current.input, current.exercise = result.input, result.signature
                current.lines.append(result.line)
            elif current.lines and result.line.expectation is not None:  # restated with an answer
                earlier, again = current.lines[0].expectation, result.line.expectation
                if earlier is None or earlier.shape is None or reader.restated(earlier.shape, again.shape):
                    current.lines[0] = result.line  # the first answer, or one that says more, is judged
        elif isinstance(result, _Answered):
            for answered in (result, *result.more):
                current.lines[answered.at] = answered.line
        elif isinstance(result, _SkipAdded):
            # the lines since the block's start, its body, closed by the add (made a `residual` when the network is
            # done: until then the add stands in the lines as a layer that keeps the shape, so that an answer below
            # that names a layer of the block finds it)
            if current.block_start < len(current.lines):
                current.closed.append((current.block_start, len(current.lines), "residual", ()))
                current.lines.append(ir.Line((ir.LayerCall("identity", (), None, result.span),), result.expectation,
                                             result.span))
                current.block_start = len(current.lines)
            else:
                sink.add(codes.E060, "a skip connection with no layer since its block's start: it adds nothing",
                         result.span, hint="state the block's layers above it, after `Residual block 1:` or the "
                                           "last skip connection")
        elif isinstance(result, _Concatenated):
            module = len(current.lines) - current.block_start
            unknown = any(isinstance(item, ir.LayerCall) and not item.valid
                          for line in current.lines[current.block_start:] for item in line.items)
            labelled = sorted(i for i in current.branch_starts if i >= current.block_start)
            for i in labelled:
                del current.branch_starts[i]  # (taken: its branch is this module's)
            # where each branch starts: at each label (the lines from one to the next its branch), else at every line
            cuts = tuple(sorted({current.block_start, *labelled})) if labelled else \
                tuple(range(current.block_start, len(current.lines)))
            if unknown:  # (`3x3 reduce: …` above, E060: which layers are whose, cnncalc cannot tell)
                current.lines.insert(min(current.block_start + 1, len(current.lines)), _unknown_layer(result.span))
                current.lines.append(_unknown_layer(result.span)._replace(expectation=result.expectation))
            elif len(cuts) >= 2 and (result.parts == len(cuts) or (result.parts is None and (result.said or
                                                                                          bool(labelled)))):
                # the lines since the module's start, each branch on its input, concatenated (made a `concat` when
                # the network is done; until then it stands as a layer, as a residual block's add does)
                current.closed.append((current.block_start, len(current.lines), "concat", cuts))
                current.lines.append(ir.Line((ir.LayerCall("identity", (), None, result.span),), result.expectation,
                                             result.span))
            else:
                # which layers above are its branches cnncalc cannot tell: the module's layers after its first, which
                # read another volume than the chain's, and every one below are not judged
                parts_said = f"{result.parts} parts" if result.parts is not None else "its parts"
                modules_lines = f"{len(cuts)} branches" if labelled else f"{module} layer{'s' * (module != 1)}"
                sink.add(codes.E060, f"a concatenation of {parts_said} after {modules_lines}: cnncalc cannot tell "
                                     f"which layers above are its branches", result.span,
                         hint="under a heading that starts the module (`Inception module:`), state each branch on a "
                              "line of its own, then the concatenation, its parts' channels summed: `Filter "
                              "concatenation: 28x28x(128+192+96+256)`")
                current.lines.insert(min(current.block_start + 1, len(current.lines)), _unknown_layer(result.span))
                current.lines.append(_unknown_layer(result.span)._replace(expectation=result.expectation))
            current.block_start, current.module_said = len(current.lines), False
        elif isinstance(result, _InputAnswered):
            assert current.input is not None
            current.input = _with_input_counts(current.input, result.counts, reader)
        elif isinstance(result, _Awaited):
            if current.awaited is not None and (current.awaited.label, current.awaited.family) == \
                    (result.label, result.family):
                if reader.restated(current.awaited.shape, result.shape):  # (else the first waits for the layer)
                    current.awaited = result
            else:
                unawaited(current.awaited)  # (an earlier one that no layer line took)
                current.awaited = result
        else:
            awaited, current.awaited = current.awaited, None  # (for this line, whichever network it goes in)
            if awaited is not None:
                result = received_before(awaited, result, reader)
            if current.reopens is not None and not current.lines and not current.totals and reader.goes_on and \
                    not _named_again(result, current.reopens.lines, current.reopens.labels()) and \
                    networks and networks[-1] is current.reopens and current.input is not None:
                # another volume stated, then a layer that says its place: the network goes on from there (the
                # volume stated may be where it stands); `restated` has the walker judge what rests on it
                networks.pop()
                stated, current = current.input, current.reopens
                current.went_on[result.span.start] = stated
            elif current.restated is not None and current.lines and \
                    (_named_again(result, current.lines, current.labels()) or (not _went_on(current, reader) and
                     (reader.opens or not (current.placed or reader.goes_on)))):
                # The same input stated again, then a layer: another worked example on that input, unless a line
                # said where the network stands or the layer its place (the lecture's restatements go on with
                # `After CONV1: 55x55x96` and a `Second layer (POOL1)`); a first layer starts one whatever came.
                finished(current)
                restated, current = current, _Net(current.restated)
                current.input = restated.input
            elif current.restated is not None and current.lines and current.restated_input is not None and \
                    _went_on(current, reader):
                current.went_on[result.span.start] = current.restated_input
            restating = _restates_exercise(current, result)
            if restating is not None and current.input is not None and not tentative:
                if restating:  # the exercise's layer stated again, with its answers: the exercise answered
                    current.lines[0] = result
                    current.end = line_start + len(raw)
                    continue
                current.went_on[result.span.start] = current.input  # otherwise: on the input, or after it?
            if tentative:
                current.tentative.append((len(current.lines), Span(first, first + len(stripped)), number, unread,
                                          remark))
            if not after_prose and current.lines and _shape_keeping_after(current.lines[-1], result):
                current.shared.add(len(current.lines))  # `CONV1: …` then `ReLU`: whose are the counts after?
            if reader.branch_span is not None:
                current.branch_starts[len(current.lines)] = reader.branch_span
            current.lines.append(result)
            if part is not None:
                current.parts[part] = result.span
            current.restated = None
            current.placed = False
        current.end = line_start + len(raw)
    flush()
    if current.input is not None or current.lines or current.totals or not networks:
        finished(current)  # not a problem heading's network that stated nothing cnncalc reads
    nets = []
    for net in networks:
        span = Span(net.start, net.end)
        totals = []
        for total in ir.placed(net.totals, net.lines):
            total = total._replace(unsure=net.unsure) if net.unsure and total.limit is not None else total
            if net.biases_left_out and total.quantity in ("params", "biases") and total.limit is not None and \
                    not total.unsure:
                total = total._replace(unsure=net.biases_left_out)
            if total.quantity == "output" and total.between:  # `Final output: 55x55x96` under CONV1, layers below
                sink.add(codes.E060, "the network's output is answered between its layers: the network's or the layer "
                                     "above's?", total.shape.span if total.shape else total.span,
                         hint="answer the network's output under its last layer, or the layer's as `Output: …`")
            else:
                totals.append(total)
        lines = _blocks_made(net.lines, net.closed)
        if net.input is not None and net.input.channels_first:  # its bare volumes are channels first, as it is
            lines = [_channels_first_answers(line) for line in lines]
            totals = [t._replace(shape=_sheet_order(t.shape)) if t.shape is not None else t for t in totals]
        nets.append(ir.Network(None, net.input, None, ir.Seq(tuple(lines), span), tuple(totals), span))
    for block in runs:
        passage: list[tuple[int, int, int]] = []
        for line in [*block, None]:
            if line is not None and line[2] not in steps_taken:
                passage.append(line)
            elif passage:
                first, last = passage[0][2], passage[-1][2]
                where = f"line {first}" if first == last else f"lines {first}–{last}"
                prose.append(ir.Prose(Span(passage[0][0], passage[0][1]),
                                      f"{where} ({len(passage)} line{'s' * (len(passage) != 1)})"))
                passage = []
    return ir.File((), tuple(nets), tuple(prose)), names


def _count_said(tokens: list[Tok]) -> bool:
    """Whether a line says a count and its word, either way round (`1000 learnable parameters`, `params = 1000`; not
    a formula's `stride + 1`, nor the VGG table's `11 weight layers`)."""
    words = [t.lower for t in tokens]
    for j, t in enumerate(tokens):
        if t.kind == "NUM":
            head = _count_head(words, j + 1)  # (`3.2M multiply-adds`)
            named = j + len(head) if head is not None else \
                next((k for k in range(j + 1, min(j + 4, len(words))) if words[k] in ir.ANSWER_WORDS), None)
            if named is not None and words[named + 1:named + 2] not in (["layer"], ["layers"]):
                return True
        elif words[j] in ir.ANSWER_WORDS and words[j + 1:j + 2] not in (["layer"], ["layers"]) and \
                any(u.kind == "NUM" for u in tokens[j + 1:j + 4]):
            return True
    return False


def _opens_answer(tokens: list[Tok]) -> bool:
    """Whether a line opens as an answer under a layer does (after a bullet or an arrow): with a count and its word
    (`1000 weights`, `3.2M multiply-adds`), a volume (`56x56x16`), or `It outputs`, `We get`, `There are`, `A total
    of`, `The output`, `It needs`."""
    lead = _lead(tokens)
    words = [t.lower for t in tokens[lead:lead + 4]]
    first = tokens[lead] if lead < len(tokens) else None
    return first is not None and (
        (first.kind == "NUM" and (_count_head(words, 1) is not None or _count_said(tokens[lead:lead + 4]))) or
        _count_first(tokens[lead:lead + 4]) or  # (`No parameters; …`)
        (first.kind == "DIMS" and _dims_text(first.text).count("x") == 2) or
        words[:1] in _ANSWER_OPENINGS or words[:2] in _ANSWER_OPENINGS or words[:3] in _ANSWER_OPENINGS)


_ANSWER_OPENINGS = (["it", "outputs"], ["we", "get"], ["there", "are"], ["a", "total", "of"], ["the", "output"],
                    ["it", "gives"], ["it", "has"], ["it", "needs"], ["output"], ["its", "output"])


# what a question that asks for an answer cnncalc judges asks about (besides `ir.ANSWER_WORDS`)
_ASKED_QUANTITIES = frozenset({"output", "outputs", "volume", "size", "shape"})


def _counts_unread(sink: DiagnosticSink, tokens: list[Tok], result: ir.Line | _Answered) -> None:
    """E060 at each count a line says by its word (`1,000 parameters`, `params = 1000`, `MACs: 3.2M`; not inside a
    working, `750 weights + 10 biases = …`) that none of the answers read from the line holds: whatever form said it,
    a count on an answered line is judged or said not to be, never passed over (`… has 1000 parameters, so the
    output is 56x56x16` judged the output alone, and a wrong count passed)."""
    expectations = [result.expectation] if isinstance(result, ir.Line) else \
        [answered.line.expectation for answered in (result, *result.more)]
    answers = [value for expectation in expectations if expectation is not None
               for value in (*(getattr(expectation, q) for q in ir.COUNTED), expectation.shape, expectation.received,
                             *expectation.sides) if value is not None]
    held = [value.span for value in answers]
    # the quantities answered (a count said again in other units, `Params: 93024` under `372,096 bytes`, is one of
    # them: the reader judged it or found it the same)
    quantities = {q for expectation in expectations if expectation is not None for q in ir.COUNTED
                  if getattr(expectation, q) is not None}
    words = [t.lower for t in tokens]
    for j, t in enumerate(tokens):
        if t.kind != "NUM" or (j and words[j - 1] in _WORKING_OPERATORS):
            continue
        part_end = next((k for k in range(j + 1, len(words)) if words[k] in (",", ";", ".", "and")), len(words))
        if "=" in words[j + 1:part_end]:
            continue  # a step of a working (`5*5*3 + 1 = 76 params (+1 for bias) so 76*10 = 760`, `76 per filter x 10
            # filters = 760`)
        after = words[j + 1:j + 3]
        # (`Layer 3 parameters: 25610`: the word heads the number after it)
        named_after = after[:1] != [] and after[0] in ir.ANSWER_WORDS and \
            not (after[1:] and (after[1] in _WORKING_OPERATORS or after[1] in ("=", ":", "is")))
        named_before = j >= 2 and words[j - 1] in (":", "=") and words[j - 2] in ir.ANSWER_WORDS and \
            not (after and (after[0] in _WORKING_OPERATORS or after[0] == "="))
        word = words[j + 1] if named_after else words[j - 2] if named_before else ""
        if word and ir.ANSWER_WORDS[word] not in quantities and \
                not any(span.start < t.end and t.start < span.end for span in held):
            said = f"{t.text} {tokens[j + 1].text}" if named_after else f"{tokens[j - 2].text} {t.text}"
            sink.add(codes.E060, f"cnncalc cannot tell which answer `{said}` is here, so it is not judged", t.span,
                     hint="give each answer as `Params: 1,040` or `Output: 56x56x16`, or after the layer's arrow")


def _layer_counted(tokens: list[Tok]) -> bool:
    """A line about a layer that ends with a count and what it counts (`Output layer: softmax over 10 classes, 1,290
    parameters`): an answer, never prose, even when cnncalc cannot read the layer."""
    said = [t for t in tokens if t.text not in (".", "!")]
    return len(said) >= 3 and said[-2].kind == "NUM" and said[-1].lower in ir.ANSWER_WORDS and \
        said[-3].text in (",", ";", ":", "=") and not _LAYER_WORDS.isdisjoint(t.lower for t in said[:-3])


_LONG_DIGITS = re.compile(rf"(?<![0-9.])[0-9]{{{limits.MAX_LITERAL_DIGITS + 1},}}")  # (not a fraction's digits)


def _overlong(tokens: list[Tok]) -> tuple[Tok, int] | None:
    """The first number of a line that says an answer or a layer (an arrow, `:` or `=`, a word of layers or answers)
    with more digits than cnncalc reads (`FC (99999999999999999999999 → 10) -> params 1`), and its digits: none such
    reads as a number, so that the line would be prose and its answers passed over unjudged."""
    if not any(t.kind == "ARROW" or t.text in (":", "=") or t.lower in ir.ANSWER_WORDS or t.lower in _LAYER_WORDS or
               t.lower == "input" for t in tokens):
        return None
    for t in tokens:
        if t.kind in ("NUM", "DIMS") and (run := _LONG_DIGITS.search(t.text.replace(",", "").replace("_", ""))):
            return t, len(run[0])
    return None


def _holds_answer(tokens: list[Tok]) -> bool:
    """Whether a line says an answer somewhere in it: a volume after `output` or an arrow (`…: output 16x16x64`), a
    count and what it counts (`18,496 parameters`, `params 18,496`)."""
    for j, t in enumerate(tokens[:-1]):
        after = tokens[j + 1:j + 3]
        if (t.lower in ("output", "outputs") or t.kind == "ARROW") and any(a.kind == "DIMS" for a in after):
            return True
        if (t.kind == "NUM" and after[0].lower in ir.ANSWER_WORDS) or \
                (t.lower in ir.ANSWER_WORDS and after[0].kind == "NUM"):
            return True
    return False


def _stated_with_answers(tokens: list[Tok]) -> bool:
    """Whether a line states something in words, then an output after an arrow (`Global pooling -> 1x1x64`, `=>`
    too, the ResNet paper's `3x3 conv, 64, /2 -> 112x112x64`): a layer's line, whether or not cnncalc reads its
    words; `Layer 2 (FooPool2D, 2x2): output 16x16x8` too)."""
    tokens = _one_arrow(_described_in_parentheses(tokens))
    arrow = _arrow(tokens, 0)
    closing = next((j for j in range(arrow + 1, min(len(tokens), arrow + 1 + _TUPLE_TOKENS)) if tokens[j].text == ")"),
                   None) if tokens[arrow + 1:arrow + 2] and tokens[arrow + 1].text == "(" else None
    spelled = _spelled(tokens[arrow + 1:closing + 1]) if closing is not None else None
    if spelled is not None and closing is not None:  # `-> (55, 55, 96)`, as Python prints a shape
        tokens = [*tokens[:arrow + 1], spelled, *tokens[closing + 1:]]
    if arrow == len(tokens) or arrow == 0 or tokens[0].kind not in ("WORD", "DIMS") or \
            tokens[arrow + 1:arrow + 2] == [] or not any(t.kind == "WORD" for t in tokens[:arrow]) or \
            (tokens[arrow + 1].kind not in ("DIMS", "NUM") and tokens[arrow + 1].lower not in _ARROW_ANSWER_WORDS) or \
            not any(t.kind in ("DIMS", "NUM") for t in tokens[arrow + 1:]):
        return False  # (`-> params 0`: a count alone)
    # only answers after it (`-> 56x56x128, params 17,536`, `-> output 16x16x8`; `5x5 filter -> 5x5 receptive field
    # for each neuron` goes on in words: prose)
    return all(t.kind in ("DIMS", "NUM") or t.text in (",", ":", "=", ";") or t.lower in _ARROW_ANSWER_WORDS
               for t in tokens[arrow + 1:])


_ARROW_ANSWER_WORDS = {*ir.ANSWER_WORDS, "output"}  # what may name an answer after an arrow


def _named_again(line: ir.Line, lines: list[ir.Line], labels: set[str]) -> bool:
    """Whether a layer line takes a name a layer above has (`CONV1: …` under a network with a CONV1): after the
    input stated again, it starts another problem on that input rather than going on with the layers above.
    (`labels`, the names above, answers most lines at once: 4,000 named layers were each compared with all.)"""
    item = line.items[0] if line.items else None
    return isinstance(item, ir.LayerCall) and item.label is not None and item.label in labels and \
        any(isinstance(above.items[0], ir.LayerCall) and above.items[0].label == item.label
            for above in lines if above.items)


def _shape_keeping_after(layer: ir.Line, line: ir.Line) -> bool:
    """`line` is an activation, softmax or dropout stated alone without a name or answers (`ReLU`) right under
    `layer`, a layer not yet answered: the output answered after it is both's, but a count could be either's (the
    layer's with its activation, as `CONV1: …, ReLU` on one line, or the activation's alone)."""
    first, only = layer.items[0], line.items[0]
    return layer.expectation is None and line.expectation is None and len(line.items) == 1 and \
        isinstance(only, ir.LayerCall) and only.label is None and only.keyword in _SHAPE_KEEPING and \
        isinstance(first, ir.LayerCall) and first.valid and first.keyword not in _SHAPE_KEEPING


_TABLE_ROW = re.compile(r"\|.*\|")  # a stripped line: a markdown table's row
_HEADING_INPUT = re.compile(r"(?i)\binput\b[^\n]*?[0-9][ \t]*[x×][ \t]*[0-9]")  # a heading's input: `(input 224x224x3)`
_HASH_COUNT = re.compile(r"#\s*(?:of\s+)?(?:learnable\s+|trainable\s+)?(?:params|parameters|weights|biases|macs"
                         r"|mult-adds|multiply-adds|multiplications|multiplies|activations|neurons|values)\b", re.I)
_COLUMNS_HINT = ("the columns cnncalc reads: Layer, Description (or Filters, Kernel, Stride, Pad), Input, "
                 "Output volume (or H, W, C), Params, Weights, Biases, MACs, Memory (and Notes, a remark)")
# a header cnncalc does not know that names an answer (`Param total`, `Out dims`): its column is E060, never prose
_ANSWERING_HEADER = re.compile(r"\b(?:params?|parameters?|weights?|biases?|macs?|flops|output|outputs|out|shape|volume"
                               r"|size|dims?|dimensions?|memory|activations?|neurons)\b")
_RULE = re.compile(r"\s*:?-+:?\s*")  # a cell of the rule under a table's header: `---`, `:---:`
_COLUMNS: dict[str, str | None] = {  # a table's header (lower case, markdown marks removed) -> what its cells hold
    **dict.fromkeys(("layer", "name", "layer name"), "name"),
    **dict.fromkeys(("input", "input volume", "input size", "input shape", "input dimensions", "input dims"),
                    "input"),  # the volume each layer receives: the first row's gives the network's input
    **dict.fromkeys(("description", "operation", "type", "layer type", "details", "hyperparameters",
                     "configuration", "config", "settings", "spec", "specification", "definition", "module",
                     "pytorch", "code", "layer definition"), "description"),
    **dict.fromkeys(("output", "output volume", "output size", "output shape", "output volume size",
                     "output dimensions", "output dims", "output dim", "out shape", "dimensions", "dims", "volume",
                     "shape", "size", "activation shape", "activation volume", "out"),
                    "output"),  # Ng's LeNet table: `| Layer | Activation shape | Activation size | # parameters |`
    **dict.fromkeys(("params", "parameters", "# params", "#params", "param #", "number of parameters",
                     "no. of parameters", "learnable parameters", "# parameters", "#parameters", "weights + biases",
                     "weights and biases", "parameter count", "num params", "num parameters", "number of params",
                     "params count", "param count", "# of params", "# of parameters", "learnable params",
                     "trainable params", "trainable parameters", "no. of params"), "params"),
    **dict.fromkeys(("weights", "# weights", "#weights", "number of weights"), "weights"),
    **dict.fromkeys(("biases", "# biases", "number of biases", "bias"), "biases"),
    **dict.fromkeys(("macs", "mult-adds", "multiply-adds", "# macs", "#macs", "number of macs", "mac count"), "macs"),
    **dict.fromkeys(("memory", "activations", "neurons", "activation size", "# activations", "# values",
                     "number of values"), "memory"),
    **dict.fromkeys(("h", "height", "output height", "h2", "nh"), "height"),  # (Ng's n_H, its `_` removed)
    **dict.fromkeys(("w", "width", "output width", "w2", "nw"), "width"),
    **dict.fromkeys(("c", "d", "depth", "channels", "output depth", "output channels", "d2", "# channels", "nc",
                     "out channels", "out_channels", "number of channels", "feature maps", "feature map", "maps",
                     "# feature maps", "number of feature maps", "# maps"), "depth"),  # (LeNet tables' `Feature Maps`)
    # the layer's hyperparameters, a column each (`| CONV1 | 10 | 5x5 | 1 | 2 |`): its description made of them
    **dict.fromkeys(("filters", "# filters", "#filters", "number of filters", "no. of filters", "num filters", "k",
                     "# kernels", "number of kernels", "units", "# units"), "filters"),
    **dict.fromkeys(("kernel", "kernel size", "filter size", "f", "window", "pool size", "receptive field size"),
                    "kernel"),
    # the filters' count and size in one cell (`96 x 11x11`, `5x5x6 x 16`, `11x11x3, 96`), or a pool's size (`3x3`)
    **dict.fromkeys(("filter", "filters (count x size)", "filter shape", "filter dims", "filter dimensions"), "filter"),
    **dict.fromkeys(("stride", "strides", "s"), "stride"),
    **dict.fromkeys(("pad", "padding", "p", "zero padding", "zero-padding"), "pad"),
    **dict.fromkeys(("#", "no", "no.", "index", "notes", "note", "comment", "comments", "remarks", "working",
                     "explanation", "calculation", "activation", "activation function", "nonlinearity",
                     "non-linearity"), None)}  # read as remarks (an activation changes no size or count)
_HYPERPARAMETER_COLUMNS = ("filters", "kernel", "stride", "pad")
_ANSWER_COLUMNS = ("params", "weights", "biases", "macs", "memory")
_ANSWER_WORDS_OF = {"macs": "MACs"}  # a column's answers as a line of answers says them (`CONV1 MACs: …`)
_COLUMN_UNITS = {"k": "K", "thousands": "K", "m": "M", "millions": "M", "g": "G", "billions": "G",  # `Params (K)`
                 "bytes": "B", "kb": "KB", "mb": "MB", "gb": "GB", "kib": "KiB", "mib": "MiB"}  # `Memory (bytes)`
_INPUT_NAMES = (["input"], ["data"], ["image"], ["input", "image"], ["input", "volume"])


_MARKS = ("*", "`", "_")  # markdown's emphasis and code around an answer: `**34,944**`, `` `55x55x96` ``


def _unmarked(tokens: list[Tok]) -> list[Tok]:
    """An answer's tokens without markdown's marks around them, or an `≈`, `~` before a rounded count (`≈35K`)."""
    start, end = 0, len(tokens)
    while start < end and (tokens[start].text in _MARKS or tokens[start].text in ("~", "≈")):
        start += 1
    while end > start and tokens[end - 1].text in _MARKS:
        end -= 1
    return tokens[start:end]


# what heads a table whose rows are quantities and their values (`| Quantity | Value |`), not a layer's name
_VALUE_HEADERS = {"", "value", "values", "answer", "answers", "result", "results", "count", "number", "amount", "size"}
_NAME_CELL = re.compile(r"[A-Za-z][A-Za-z0-9_]*")  # a header's cell that names a layer (`CONV1`, `fc_2`)
_Cells = list[tuple[str, int]]  # a table row's cells, each its text and where it starts on its line


def _tables(lines: list[str]) -> Iterator[tuple[int, _Cells | None, list[tuple[int, _Cells]]]]:
    """The markdown tables among `lines` (rows between outer bars, line after line), each looked at once: its first
    line, its header's cells (None when no rule follows its first row) and its other rows, each (line, cells), the
    rule left out."""
    i = 0
    while i < len(lines):
        if not _TABLE_ROW.fullmatch(lines[i].strip()):
            i += 1
            continue
        end = i
        while end < len(lines) and _TABLE_ROW.fullmatch(lines[end].strip()):
            end += 1
        rows = [(k, _cells(lines[k], 0)) for k in range(i, end)]
        rules = [all(_RULE.fullmatch(text) for text, _ in cells) for _, cells in rows]
        kept = [row for row, rule in zip(rows, rules) if not rule]
        headed = len(rows) > 1 and rules[1] and not rules[0]
        yield i, (kept[0][1] if headed else None), (kept[1:] if headed else kept)
        i = end


def _answers_tabled(text: str) -> str:
    """A table of two columns whose rows are all answers, each a quantity and its value (`| Params | 760 |`, under `|
    Quantity | Value |` or no header), as answer lines, each character where it was (`  Params : 760  `): its rows
    were prose, a wrong answer passing unjudged. A header that names a layer (`| | CONV1 |`) as the name alone,
    which heads the answers below as a line `CONV1` does; other tables, and other text, as they are."""
    if "|" not in text:
        return text
    lines = text.split("\n")
    for first, head, body in _tables(lines):
        if not body or (head is not None and len(head) != 2):
            continue  # (a header of one column, `| Params (K) |`, too)
        named = head[1][0].strip() if head is not None and head[1][0].strip().lower() not in _VALUE_HEADERS else None
        if not all(len(cells) == 2 and _answer_row(cells[0][0], cells[1][0]) for _, cells in body) or \
                (named is not None and (not _NAME_CELL.fullmatch(named) or named.lower() in _ANSWER_HEADS)):
            continue
        if head is not None and named is not None:  # `| | CONV1 |`: `CONV1`
            value, at = head[1]
            lines[first] = " " * at + value + " " * (len(lines[first]) - at - len(value))
        for k, ((key, at), (value, after)) in body:  # each bar a blank, the middle one a colon
            line = lines[k]
            lines[k] = f"{line[:at - 1]} {key}:{value} {line[after + len(value) + 1:]}"
    return "\n".join(lines)


def _answer_row(key: str, values: str) -> bool:
    """Whether a table's row is an answer: a quantity, then values with a digit (`| Params | 760 |`)."""
    words = key.strip().lower().split()
    return bool(words) and (words[0] in _ANSWER_HEADS or words[0] == "total") and any(c.isdigit() for c in values)


def _layers_in_columns(text: str) -> list[Span]:
    """The headers of tables whose columns are layers and whose rows are answers (`| | CONV1 | POOL1 |`, then `|
    Params | 760 | 0 |`), which cnncalc does not read: each an E060, never prose (a wrong answer passed unjudged)."""
    found: list[Span] = []
    if "|" not in text:
        return found
    lines = text.split("\n")
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    for first, head, body in _tables(lines):
        if head is None or len(head) < 3 or not body or \
                head[0][0].strip().lower() not in (*_VALUE_HEADERS, "quantity", "metric", "layer") or \
                not all(_NAME_CELL.fullmatch(cell.strip()) for cell, _ in head[1:]) or \
                not all(len(cells) == len(head) and _answer_row(cells[0][0], " ".join(c for c, _ in cells[1:]))
                        for _, cells in body):
            continue
        line = lines[first]
        indent = len(line) - len(line.lstrip())
        found.append(Span(starts[first] + indent, starts[first] + len(line.rstrip())))
    return found


def _cells(raw: str, line_start: int) -> list[tuple[str, int]]:
    """The cells of a table's row `| a | b |` (or `a | b`, the outer bars left out as markdown allows): each
    one's text and where it starts in the source."""
    bars = [i for i, ch in enumerate(raw) if ch == "|"]
    if not raw.lstrip().startswith("|"):
        bars.insert(0, -1)
    if not raw.rstrip().endswith("|"):
        bars.append(len(raw))
    return [(raw[a + 1:b], line_start + a + 1) for a, b in pairwise(bars)]


_ALIGNED_CELL = re.compile(r"[^ \t]+(?: [^ \t]+)*")  # a cell of a table aligned by spaces: words one space apart
_NAME_HEADERS = ("layer", "name", "layers", "layer name")  # not `Layer (type)`: a pasted summary (E070)


def _aligned_cells(raw: str, line_start: int) -> list[tuple[str, int]]:
    """The cells of a row of a table aligned by spaces: runs of words one space apart, two spaces or a tab
    between cells (`CONV1 (96 11x11 filters)    55x55x96    34,944`)."""
    return [(m.group(), line_start + m.start()) for m in _ALIGNED_CELL.finditer(raw)]


def _aligned_header(raw: str, line_start: int) -> list[tuple[str, int]] | None:
    """The header of a table aligned by spaces (`Layer    Output size    Params`): its first cell names the
    layers, and it has a column of answers; or, indented, every cell a column cnncalc reads, the layers' column
    left without a header (the deeplearning.ai course's `     Activation shape   Activation Size   # parameters`);
    None for any other line."""
    if "  " not in raw and "\t" not in raw:
        return None
    cells = _aligned_cells(raw, line_start)
    if cells and cells[0][0].lower().rstrip(":") not in _NAME_HEADERS and raw[:2] in ("  ", "\t", " \t"):
        unnamed = [("", line_start), *cells]
        table = _Table.of_header(unnamed, DiagnosticSink())
        return unnamed if table is not None and None not in table.roles else None
    if len(cells) < 2 or cells[0][0].lower().rstrip(":") not in _NAME_HEADERS or \
            _Table.of_header(cells, DiagnosticSink()) is None:
        return None
    return cells


def _comma_cells(raw: str, line_start: int) -> list[tuple[str, int]]:
    """The cells of a row of a table pasted as CSV (`conv1,"16 filters, 3x3",32x32x16,448`): split at the commas
    outside double quotes, a quoted cell without its quotes (`"2,097,664"`)."""
    cells, start, quoted = [], 0, False
    for i, ch in enumerate([*raw, ","]):
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            cell, at = raw[start:i], start
            if cell.strip().startswith('"') and cell.strip().endswith('"') and len(cell.strip()) > 1:
                at += cell.index('"') + 1
                cell = cell.strip()[1:-1]
            cells.append((cell, line_start + at))
            start = i + 1
    if quoted:  # a quote left open: the rest of the row its last cell, as written
        cells.append((raw[start:], line_start + start))
    return cells


def _comma_rows(lines: list[str]) -> set[int]:
    """The numbers of the lines of a table pasted as CSV: a header whose first cell names the layers and which has a
    column cnncalc reads as answers (`Layer,Type,Filters,Kernel,Output,Params`), then the lines below it with commas
    until a blank line (each a row; one with another number of cells is the table's E060, as a markdown row's)."""
    rows: set[int] = set()
    for i, line in enumerate(lines):
        if i + 1 in rows or line.count(",") < 2 or "|" in line:
            continue
        cells = _comma_cells(line, 0)
        if cells[0][0].strip().lower().rstrip(":") not in _NAME_HEADERS or \
                _Table.of_header(cells, DiagnosticSink()) is None:
            continue
        j = i
        while j < len(lines) and "," in lines[j] and lines[j].strip():
            rows.add(j + 1)  # line numbers from 1
            j += 1
    return rows


_BARE_RULE = re.compile(r"[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+")  # `--- | ---`, outer bars left out


def _bare_rows(lines: list[str]) -> set[int]:
    """The numbers of the lines of markdown tables written without their outer bars (`Layer | Output | Params`,
    `--- | --- | ---`, then `CONV1 | 32x32x10 | 760` until a line without a bar): the rule under the header
    says so."""
    rows: set[int] = set()
    for i, line in enumerate(lines):
        if i and _BARE_RULE.fullmatch(line) and "|" in lines[i - 1]:
            rows.add(i)  # line numbers from 1: the header is line i, the rule i + 1
            j = i + 1
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                rows.add(j + 1)
                j += 1
            rows.add(i + 1)
    return rows


class _Table:
    """A markdown table of answers, a row a layer: `| Layer | Description | Output volume | Params |`, then
    `| CONV1 | 96 11x11 filters at stride 4, pad 0 | 55x55x96 | 34,944 |`. The description is read as a
    bracketed line's is; without a description column, the name may hold it (`CONV1: 96 11x11 filters …`)
    or say the layer as the notes' breakdown does (`CONV3-64`, `POOL2`, `FC`)."""

    def __init__(self, roles: list[str | None], remarks: list[str], sized: bool = False) -> None:
        # `Params (no bias)`, `Parameters (without biases)`: a column of weights (its counts were judged as the
        # parameters, every right one wrong)
        roles = ["weights" if role == "params" and tuple(re.findall(r"[a-z]+|/", remark.lower())) in _UNBIASED
                 else role for role, remark in zip(roles, remarks)]
        self.roles = roles
        self.sized = sized  # the output column is `Output size` or `Size`: one number in it is a square output's side
        self.units = [_COLUMN_UNITS.get(r, "") if role in _ANSWER_COLUMNS else "" for role, r in zip(roles, remarks)]
        # the order its header says its volumes are in (`Output (C x H x W)`, `Input (HxWxC)`), by role
        self.orders = {role: ir.CHW if said else ir.HWC for role, r in zip(roles, remarks)
                       if role in ("output", "input") and (said := _ORDERS.get(r.replace(" ", ""))) is not None}
        self.stated_before = 0  # the layer lines of its network stated above it: the ones a row of answers may name

    @staticmethod
    def of_header(cells: list[tuple[str, int]], sink: DiagnosticSink) -> _Table | None:
        """The table a header row starts; None when it is not a table of answers (no layer column, or no
        column of answers). A column cnncalc does not know is E060: its cells are not judged. A header's
        closing parenthesis is a remark, or the unit of its counts (`Params (K)`, `MACs (M)`), or the order
        of its volumes (`Output (C x H x W)`)."""
        keys = [" ".join(re.sub(r"[*_`]", "", text).lower().rstrip(": ").split()) for text, _ in cells]
        keys = [f"{m.group(2).lower()} ({m.group(1).lower()})" if (m := _PREFIXED.fullmatch(text.strip(" *_`:")))
                else key for key, (text, _) in zip(keys, cells)]  # `MMACs` as `MACs (M)`
        split = [re.fullmatch(r"(.+?) ?\(([^()]*)\)", key) for key in keys]
        remarks = [m.group(2) if m and m.group(1) in _COLUMNS else "" for m in split]
        keys = [m.group(1) if m and m.group(1) in _COLUMNS else key for m, key in zip(split, keys)]
        roles = [_COLUMNS.get(key, "?") for key in keys]
        for j, (key, remark) in enumerate(zip(keys, remarks)):  # `Weights (incl. bias)`, `Weights with biases`:
            said = re.findall(r"[a-z]+|[+&]", f"{key} {remark}")  # every parameter
            if said[:1] == ["weights"] and _biases_included(said[1:]):
                roles[j] = "params"
        if keys[:1] == [""] and "name" not in roles:
            roles[0] = "name"  # the deeplearning.ai course's table leaves its layers' column without a header
        if roles.count("output") > 1 and "size" in keys and set(_HYPERPARAMETER_COLUMNS) & set(roles):
            roles[keys.index("size")] = "kernel"  # `| Filters | Size | Stride | … | Output |`: the filters' size
        if "filters" not in roles and roles.count("depth") == 1 and {"kernel", "stride", "pad"} & set(roles) and \
                keys[roles.index("depth")] not in ("c", "d", "d2", "depth", "output depth"):
            roles[roles.index("depth")] = "filters"  # `| Kernel | Channels | Stride | …`: the filters, as PyTorch's
            # out_channels (with the hyperparameters beside it, the layer's, not an answer)
        if "name" not in roles or not {"output", *_ANSWER_COLUMNS, *ir.SIDES} & set(roles):
            if "name" in roles:  # a table of layers whose answers are in a column cnncalc does not know: never prose
                for (text, at), key, role in zip(cells, keys, roles):
                    if role == "?" and _ANSWERING_HEADER.search(key):
                        where = Span(at + len(text) - len(text.lstrip()), at + len(text.rstrip()))
                        sink.add(codes.E060, f"cnncalc does not know the column `{text.strip()}`: its cells are not "
                                             f"read", where, hint=_COLUMNS_HINT)
            return None
        times = Counter(roles)
        for (text, at), role in zip(cells, roles):
            where = Span(at + len(text) - len(text.lstrip()), at + len(text.rstrip()))
            if role == "?" or (role is not None and times[role] > 1):
                why = f"cnncalc does not know the column `{text.strip()}`" if role == "?" else \
                    f"a second column of {role}"
                sink.add(codes.E060, f"{why}: its cells are not read", where, hint=_COLUMNS_HINT)
        return _Table([role if role != "?" and times[role] == 1 else None for role in roles], remarks,
                      any(key in ("output size", "size") for key in keys))

    def answers_above(self, cells: list[tuple[str, int]], net: _Net) -> list[Tok] | None:
        """A row of a table of answers only (a layer column, then outputs and counts, in no unit or order of its
        own) that names a layer stated above the table, as that layer's answer line: `| CONV1 | 32x32x16 | 448 |` as
        `CONV1 output: 32x32x16, params: 448`, `| Conv 2 | … |` under unnamed `Conv:` lines as `Conv 2 output: …`
        (each row was read as a layer of its own without a description, E060, every answer unchecked). None for any
        other row or table."""
        if len(cells) != len(self.roles) or not set(self.roles) <= {"name", "output", *_ANSWER_COLUMNS, None} or \
                any(self.units) or self.orders or not self.stated_before or \
                all(_RULE.fullmatch(text) for text, _ in cells):
            return None
        by_role = {role: _unmarked(_tokens(text, at)) for role, (text, at) in zip(self.roles, cells) if role}
        name = by_role.get("name", [])
        words = [t.lower for t in name]
        numbered = _layer_number(name)
        kind = numbered[1] if numbered is not None else (named[1] if (named := _kind_named(words)) else None)
        if not name or not (_label(name) in net.labels() or
                            (kind is not None and _kind_lines(net.lines[:self.stated_before], kind))):
            return None  # (a row naming a kind no line above is, `| FC | 10 | … |`, states that layer)
        answers: list[Tok] = []
        for role, cell in by_role.items():
            if role != "name" and cell:  # `, params: 448`, at the cell
                at = cell[0].start
                answers += [*([Tok("P", ",", at, at)] if answers else []),
                            Tok("WORD", _ANSWER_WORDS_OF.get(role, role), at, at), Tok("P", ":", at, at), *cell]
        return [*name, *answers] if answers else None

    def in_order(self, volume: ir.ShapeAnswer | None, role: str) -> ir.ShapeAnswer | None:
        """A volume of the column of `role` in the order its header says (`Output (C x H x W)`), if it says one."""
        order = self.orders.get(role)
        if volume is None or len(volume.dims) != 3 or volume.order is not None or order is None:
            return volume
        return _channels_first(volume) if order == ir.CHW else volume._replace(order=ir.HWC)

    def row(self, cells: list[tuple[str, int]], reader: _LineReader
            ) -> ir.Input | ir.Line | list[ir.TotalExpectation] | None:
        """A row as an input, a layer line with its answers, or the totals of a Total row; None for the rule under
        the header. A row cnncalc cannot read is E060 and its layer stays, unknown (the answers after it are not
        checked)."""
        if all(_RULE.fullmatch(text) for text, _ in cells):
            return None
        if len(cells) != len(self.roles):
            reader.sink.add(codes.E060, f"the row has {len(cells)} cell{'s' * (len(cells) != 1)} and the header "
                                        f"{len(self.roles)}",
                            Span(reader.start, reader.end), hint="give every row the header's columns")
            return reader.unreadable(None, [])
        by_role = {role: _unmarked(_spelled_units(_tokens(text, at)))
                   for role, (text, at) in zip(self.roles, cells) if role is not None}
        activations = by_role.get("memory", [])
        if "output" not in by_role and len(activations) == 1 and activations[0].kind == "DIMS" and \
                "x" in _dims_text(activations[0].text):
            by_role["output"] = by_role.pop("memory")  # `| Activation Size |` holding `32x32x16`: the output's volume
        times = None  # `| conv3-64 (x2) | …`: a layer said to repeat, in its name's cell or its description's
        for role in ("name", "description"):
            if role in by_role and times is None:
                by_role[role], times = _times_said(by_role[role], 0)
        result = self.described_row(by_role, reader)
        if times is None:
            return result
        if isinstance(result, ir.Line) and _layers_stated(result):
            return _repeated(result, times, reader)
        reader.sink.add(codes.E060, "a repetition said on a row that states no layer", times.span,
                        hint="say it in a layer's row, as in `| conv3-64 (x2) | 224x224x64 | 38,720 |`")
        return result

    def described_row(self, by_role: dict[str, list[Tok]], reader: _LineReader
                      ) -> ir.Input | ir.Line | list[ir.TotalExpectation] | None:
        """A row's cells by their role, read as `row` says."""
        name_tokens = by_role.get("name", [])
        if "vgg" in reader.figures and "description" not in by_role and \
                [t.lower for t in name_tokens] in (["maxpool"], ["max", "pool"]):
            end = name_tokens[-1].end  # the VGG table's `| maxpool | 112x112x64 |`: its 2x2 pool at stride 2
            name_tokens = [*name_tokens, *(Tok(kind, said, end, end) for kind, said in (
                ("P", "("), ("DIMS", "2x2"), ("P", ","), ("WORD", "stride"), ("NUM", "2"), ("P", ")")))]
        if name_tokens[-1:] and name_tokens[-1].text == ":":
            name_tokens = name_tokens[:-1]  # a label's colon, as the deeplearning.ai course's `Input:` row has
        if len(name_tokens) == 1 and name_tokens[0].kind == "NUM" and name_tokens[0].text.isdigit() and \
                by_role.get("description"):  # `| 1 | Conv | 16 | 3x3 | …`: the layers numbered, their Type beside
            number = name_tokens[0]
            if [t.lower for t in by_role["description"]] in _INPUT_NAMES:  # `| 0 | Input | … | 32x32x3 |`
                name_tokens = by_role.pop("description")
            else:
                name_tokens = [Tok("WORD", "layer", number.start, number.start), number]
        if len(name_tokens) > 3 and [t.text for t in name_tokens[-3::2]] == ["(", ")"] and \
                name_tokens[-2].kind == "WORD":
            name_tokens = name_tokens[:-3]  # `conv1 (Conv2D)` under `Layer (type)`: the name, then its type
        if len(name_tokens) == 1 and name_tokens[0].lower in _CALLS:
            # `| Conv2D | 32 | 3x3 | …`, `| 1 | Conv2D | 16 filters, 3x3 | …`: a framework's class, the layer's kind
            # and not its name (each row of that kind is named in turn, `conv1`, `conv2`, as a row `| Conv |` is;
            # the name repeated was E015)
            name_tokens = [name_tokens[0]._replace(text=_KIND_CELLS[_CALLS[name_tokens[0].lower][0]])]
        volume = self.in_order(reader.volume_cell(by_role.get("output", [])), "output")
        if volume is not None and len(volume.dims) == 1 and self.sized:  # `| Output size |` … `| 55 |`: 55x55
            volume = volume._replace(square=True)
        unit = {role: unit for role, unit in zip(self.roles, self.units) if role is not None}
        weighed = _unbiased_cell(by_role.get("params", [])) if "weights" not in by_role else None
        if weighed is not None:  # `| 51,200 (no bias) |` under Params: the weights, as `Params: 51,200 (no bias)` is
            by_role = {**{role: cell for role, cell in by_role.items() if role != "params"}, "weights": weighed}
        counts = {q: count for q in _ANSWER_COLUMNS
                  if (count := reader.count_cell(by_role.get(q, []), q, unit.get(q, ""))) is not None}
        sides = tuple(side for axis, name in enumerate(ir.SIDES)
                      if (side := reader.side_cell(by_role.get(name, []), axis)) is not None)  # `| 55 | 55 | 96 |`
        received = self.in_order(reader.volume_cell(by_role.get("input", [])), "input")  # the volume received
        if "filter" in by_role:  # `| Filter | … | 96 x 11x11 |`: the filters' count and size, as their own columns
            cell = by_role.pop("filter")
            split = _filter_cell(cell, volume.dims[2] if volume is not None and len(volume.dims) == 3 and
                                 _blank_cell(by_role.get("filters", [])) else None)
            if split is None:
                reader.sink.add(codes.E060, f"cnncalc cannot read `{_shown(cell)}` as the filters' count and size",
                                Span(cell[0].start, cell[-1].end),
                                hint="write it as `96 x 11x11` (96 filters of 11x11), `11x11x3, 96` or `3x3` (a pool)")
                return reader.unreadable(volume, name_tokens, counts)
            by_role.update({role: tokens for role, tokens in split.items() if _blank_cell(by_role.get(role, []))})
        words = [t.lower for t in name_tokens]
        kind = _total_row(words)
        if kind is not None:  # `| Total | | | 62,378,344 |`, `| Conv total | | | 3,747,200 |`
            if volume is not None or sides:
                where = volume.span if volume is not None else sides[0].span
                reader.sink.add(codes.E060, "a total row gives counts, not an output", where,
                                hint="leave the output cell of the Total row empty")
            if kind == "?":
                reader.which_layers(Span(name_tokens[0].start, name_tokens[-1].end))
                return []
            return [ir.TotalExpectation(_TOTALS[q], "==", count, None, Span(reader.start, reader.end),
                                        family=kind or None) for q, count in counts.items()]
        maps = by_role.get("filters", [])
        if words in _INPUT_NAMES:
            if volume is None and len(sides) == 3:  # `| INPUT | | 227 | 227 | 3 |`
                volume = ir.ShapeAnswer(tuple(side.dims[0] for side in sides), "x".join(side.text for side in sides),
                                        sides[0].span.to(sides[-1].span))
            depth = reader.side_cell(maps, 2) if volume is not None and len(volume.dims) == 2 and maps else None
            if volume is not None and depth is not None:  # LeNet's `| Input | 1 | 32x32 |`: its maps, then its size
                volume = ir.ShapeAnswer((*volume.dims, depth.dims[0]), f"{volume.text}x{depth.text}",
                                        volume.span.to(depth.span))
            if volume is None or len(volume.dims) not in (1, 3):
                where = volume.span if volume is not None else Span(reader.start, reader.end)
                reader.sink.add(codes.E023, "the input's volume is `HxWxC` (e.g. `227x227x3`)", where,
                                hint="write its height, width and depth: `| Input | 227x227x3 |`")
                return None
            return reader.input(volume, volume.dims, counts)
        kind_named = _kind_cell(by_role.get("description", []))
        if kind_named is not None:  # `| conv1 | Conv | 96 | 11x11 | 4 | 0 |`: a Type column, the rest in columns
            reader.tokens = _described_by_columns([t.lower for t in by_role["description"]], by_role)
            width = _width_of_output(volume) if kind_named == "fc" and not reader.tokens else None
            if width is not None:  # LeNet's `| F6 | fully connected | - | - | 84 |`: as wide as its output, as
                # `| F6 | - | 84 |` is (below)
                reader.tokens = [width, Tok("WORD", "neurons", width.end, width.end)]
            return _with_counts(reader.described(name_tokens, volume, kind_named), counts, sides, reader, received)
        if "description" in by_role:
            description = by_role["description"]
            first = _described_from(description) if _layer_kind(" ".join(words)) is None else None
            if first is not None:  # `| p1 | avg pool 2x2 stride 2 |`: the description says the kind, not the name
                reader.tokens = _with_columns(description[first:], by_role)
                kind_said = _layer_kind(" ".join(t.lower for t in description[:first]))
                return _with_counts(reader.described(name_tokens, volume, kind_said), counts, sides, reader, received)
            reader.tokens = _with_columns(description, by_role)
        elif set(_HYPERPARAMETER_COLUMNS) & set(by_role) and not (
                (_layer_kind(" ".join(words)) == "fc" or (words == ["output"] and volume is not None and
                                                          len(volume.dims) == 1)) and
                all(_blank_cell(by_role.get(role, [])) for role in _HYPERPARAMETER_COLUMNS)):
            # (an FC layer with its cells blank, LeNet's `| F6 | - | 84 |` and `| Output | - | 10 |`, is as wide as
            # its output: below)
            counted = _filters_in_name(name_tokens) if _blank_cell(maps) else None
            if counted is not None:  # `| Conv, 32 filters | 5x5 | 2 |`: the count in the layer's cell (it was E060)
                name_tokens, by_role = counted[0], {**by_role, "filters": counted[1]}
                words = [t.lower for t in name_tokens]
            if _family(" ".join(words)) == "pool" and not _blank_cell(maps):  # LeNet's `| S2 | 6 | 14x14 | 2x2 | 2 |`
                sides = (*sides, *filter(None, [reader.side_cell(maps, 2)]))  # a pool's maps: its output's depth
                by_role = {role: cell for role, cell in by_role.items() if role != "filters"}
            reader.tokens = _described_by_columns(words, by_role)
        elif _call_at(words, 0) is not None:  # `| nn.Conv2d(3, 16, 3, padding=1) | 32x32x16 |`: its framework's call
            reader.tokens, name_tokens = name_tokens, []
        elif ":" in words:
            reader.tokens, name_tokens = name_tokens[words.index(":") + 1:], name_tokens[:words.index(":")]
        elif (said := _vgg_said(name_tokens)) is not None:  # `CONV3-8 (pad 1)`: what the VGG name says, and more
            reader.tokens = said  # (numbered as the names that say the layer are: `conv1`, `conv2`)
            return _with_counts(reader.described([], volume, "conv"), counts, sides, reader, received)
        elif "(" in words[1:] and words[-1] == ")":  # `CONV1 (10 5x5 filters, stride 1, pad 2)`
            opening = words.index("(")
            reader.tokens, name_tokens = name_tokens[opening + 1:-1], name_tokens[:opening]
        elif (width := _fc_width(name_tokens)) is not None:  # `FC 4096`, `FC-4096`, `Dense 10`, `FC1000`
            if _number_or_width(width, volume):  # `FC 6 | 4096`: AlexNet's sixth, or 6 wide?
                shown = " ".join(t.text for t in name_tokens)
                reader.sink.add(codes.E060, f"`{shown}`: cnncalc cannot tell whether {width.text} is the layer's "
                                            f"width or its number", width.span,
                                hint=f"name it `{name_tokens[0].text}{width.text}` and give its output, or write its "
                                     f"width as `{name_tokens[0].text} ({width.text})`")
                return reader.unreadable(volume, name_tokens, counts)
            reader.tokens, name_tokens = [width], name_tokens[:1]
        elif (first := _described_from(name_tokens)) is not None:  # `Conv 5x5, 10 filters, pad 2`, `Max pool 2x2`
            reader.tokens, name_tokens = name_tokens[first:], name_tokens[:first]
        else:  # `CONV3-64`, `POOL2`, `FC`: the name says the layer
            name_span = Span(name_tokens[0].start, name_tokens[-1].end) if name_tokens else \
                Span(reader.start, reader.start)
            try:
                call = reader.breakdown_layer("".join(words), name_span, volume)
            except _Unreadable as e:
                reader.sink.add(codes.E060, e.message, e.span,
                                hint="describe the layer in a Description column (`96 11x11 filters at stride 4`)")
                return reader.unreadable(volume, name_tokens, counts)
            assert call is not None  # the input was read above
            if len(words) == 1 and re.fullmatch(r"(?:conv|fc)[0-9]+", words[0]):  # FC3, FC4 (Ng's): their names
                call = call._replace(label=_label(name_tokens))  # (not the notes' POOL2, whose number is its window)
            calls: tuple[ir.LayerCall, ...] = (call,)
            params = counts.get("params")
            if call.keyword == "softmax" and params is not None and params.digits and volume is not None and \
                    (len(volume.dims) == 1 or volume.dims[1:] == (1,)):
                # Ng's `| Softmax | (10,1) | 10 | 850 |`: learnt parameters make it the output layer, an FC layer
                # as wide as its output (named for the row), then the softmax
                calls = (ir.LayerCall("fc", (ir.Arg("units", ir.Num(volume.dims[0], volume.span), volume.span),),
                                      "softmax", name_span), call)
            expectation = None if volume is None else ir.Expectation(volume, None, None, volume.span)
            return _with_counts(ir.Line(calls, expectation, Span(reader.start, reader.end)), counts, sides, reader,
                                received)
        return _with_counts(reader.described(name_tokens, volume), counts, sides, reader, received)


def _fc_width(name: list[Tok]) -> Tok | None:
    """The width a table's name gives a fully connected layer, as the VGG paper's `FC-4096` does: a number after the
    kind's word (`FC 4096`, `FC-4096`, `Dense 10`), or glued to it with three digits or more (`FC1000`; Ng's `FC3` and
    AlexNet's `FC6` number the layer, and it is as wide as its output); None for any other name."""
    if not name or name[0].kind != "WORD" or _layer_kind(name[0].lower) != "fc":
        return None
    if len(name) == 2 and name[1].kind == "NUM" and name[1].text.isdigit():
        return name[1]
    if len(name) == 3 and name[1].text == "-" and name[2].kind == "NUM" and name[2].text.isdigit():
        return name[2]
    glued = re.fullmatch(r"[a-z]+([0-9]{3,})", name[0].lower)
    if len(name) == 1 and glued is not None:
        digits = glued.group(1)
        return Tok("NUM", digits, name[0].end - len(digits), name[0].end)
    return None


def _width_of_output(volume: ir.ShapeAnswer | None) -> Tok | None:
    """The width of an FC layer whose row says nothing of it but its output (a vector, or Ng's column `(N, 1)`): the
    output's number, at the output's cell; None for a volume or no output."""
    if volume is None or len(volume.dims) not in (1, 2) or volume.dims[1:] not in ((), (1,)):
        return None
    return Tok("NUM", str(volume.dims[0]), volume.span.start, volume.span.end)


def _number_or_width(width: Tok, volume: ir.ShapeAnswer | None) -> bool:
    """Whether a number after an FC's name (`FC 6`) may as well number the layer as give its width: one or two
    digits, and the output answered (a vector, `1x1xN` or Ng's column `(N, 1)`) is not that wide."""
    said = None if volume is None else volume.dims[0] if volume.dims[1:] == (1,) else volume.dims[-1]
    return len(width.text) <= 2 and said != int(width.text)


def _kind_cell(cell: list[Tok]) -> str | None:
    """The kind of layer a table's Type cell names and nothing more (`Conv`, `Max pool`, `FC`, `ReLU`); None for a
    cell that describes the layer (`96 11x11 filters`), is blank, or names no kind cnncalc knows."""
    if not cell or any(t.kind != "WORD" for t in cell):
        return None
    return _layer_kind(" ".join(t.lower for t in cell))


def _filters_in_name(cell: list[Tok]) -> tuple[list[Tok], list[Tok]] | None:
    """A table's layer cell that says the kind of layer and its count of filters (`Conv, 32 filters`, `Conv (32
    filters)`, `conv 6 maps`), its size and options in their columns: the kind's tokens and the count's; None for
    another cell."""
    for j, t in enumerate(cell):
        if t.kind == "NUM" and j and [u.lower for u in cell[j + 1:j + 2]] in (["filters"], ["kernels"], ["maps"]) and \
                all(u.text == ")" for u in cell[j + 2:]):
            kind = cell[:j]
            while kind and kind[-1].text in (",", "(", ":", "-", "with"):
                kind = kind[:-1]
            return (kind, [t]) if kind and _family(" ".join(u.lower for u in kind)) == "conv" else None
    return None


def _described_from(cell: list[Tok]) -> int | None:
    """Where the description starts in a table's layer cell that says the kind of layer and then describes it
    (`Conv 5x5, 10 filters, pad 2`, `Max pool 2x2 stride 2`): at its first number; None for a name (`CONV1`,
    `POOL2`, `CONV3-64`)."""
    first = next((j for j, t in enumerate(cell) if t.kind in ("DIMS", "NUM")), None)
    if not first or any(t.kind != "WORD" for t in cell[:first]) or \
            (len(cell) - first < 2 and cell[first].kind == "NUM"):
        return None  # (`FC 4096` is the breakdown's width, as `FC (4096)`)
    kind = _layer_kind(" ".join(t.lower for t in cell[:first]))
    return first if kind in ("conv", "deconv", "maxpool", "avgpool") else None


def _total_row(name: list[str]) -> str | None:
    """What a table row's name says it totals: "" the network (`Total`, `TOTAL`, `Sum`, `Overall`), a kind of layer
    (`Conv total`, `Total (FC layers)`, `Total conv`), "?" other layers (`Total (hidden layers)`); None for a layer."""
    if name[:1] in (["total"], ["sum"], ["overall"]):
        rest = name[1:]
        if not rest or rest in (["params"], ["parameters"]):
            return ""
        named = _family_named(rest, 0)  # `Total conv`
        if named is not None and named[1] == len(rest):
            return named[0]
        which = _layers_named(rest)  # `Total (FC layers)`, `Total (hidden layers)`
        return "?" if which is None else which or None
    if name[-1:] == ["total"] and len(name) > 1:
        named = _family_named(name, 0)
        return named[0] if named is not None and named[1] == len(name) - 1 else None
    return None


def _filter_cell(cell: list[Tok], depth: int | None = None) -> dict[str, list[Tok]] | None:
    """A Filter column's cell as the Filters and Kernel columns' cells: `96 x 11x11` (or `96 @ 11x11`, `11x11 x 96`)
    is 96 filters of 11x11, `5x5x6 x 16`, `16 x 5x5x6` and `11x11x3, 96` 16 and 96 filters of a size with its depth
    (checked against the input's), `11x11x3` a size with its depth, `3x3` a size (a pool's window); a blank cell (`-`)
    nothing. `5x5x16` in a row whose output is `depth` 16 deep, with no count of its own, is 16 filters of 5x5 (a
    size with its depth had no count: E060). None for anything else, `3x5x5` among it (3 filters first, or a depth
    of 3 first, as PyTorch writes a weight's sizes?)."""
    if _blank_cell(cell):
        return {}
    sized = [t for t in cell if t.kind == "DIMS"]
    counted = [t for t in cell if t.kind == "NUM"]
    if len(sized) != 1 or len(counted) > 1 or any(t.kind == "WORD" and t.lower not in ("filters", "kernels", "of")
                                                  for t in cell):
        return None
    digits = re.findall(r"[0-9]+", sized[0].text)
    if any(len(d) > limits.MAX_LITERAL_DIGITS for d in digits):
        return None  # (read before any arithmetic: a number of thousands of digits is no size)
    numbers = [int(d) for d in digits]
    at = sized[0]

    def size(dims: list[int]) -> list[Tok]:
        return [Tok("DIMS", "x".join(map(str, dims)), at.start, at.end)]

    if counted and len(numbers) in (2, 3):  # `11x11x3, 96`, `96 filters 11x11`
        return {"filters": counted, "kernel": size(numbers)}
    if counted or len(numbers) not in (2, 3, 4):
        return None
    # the count set apart from the size (`96 x 11x11`, `96 @ 11x11`, `11x11 x 96`, `5x5x6 x 16`); `3x5x5` may be a
    # depth first
    count_first = re.fullmatch(r"[0-9]+(?:\s*@\s*|\s+[xX×]\s+)[0-9]+[xX×][0-9]+(?:[xX×][0-9]+)?", at.text)
    count_last = re.fullmatch(r"[0-9]+[xX×][0-9]+(?:[xX×][0-9]+)?\s+[xX×]\s+[0-9]+", at.text)
    if count_last and len(numbers) == 3 and numbers[0] == numbers[1]:  # `11x11 x 96`
        return {"filters": [Tok("NUM", str(numbers[2]), at.start, at.end)], "kernel": size(numbers[:2])}
    if len(numbers) == 3 and numbers[0] == numbers[1] and numbers[2] == depth:
        return {"filters": [Tok("NUM", str(numbers[2]), at.start, at.end)], "kernel": size(numbers[:2])}
    if len(numbers) == 2 or (len(numbers) == 3 and numbers[0] == numbers[1]):  # `3x3`, `11x11x3`
        return {"kernel": size(numbers)}
    if count_first and numbers[1] == numbers[2]:  # `96 x 11x11`, `16 x 5x5x6`
        return {"filters": [Tok("NUM", str(numbers[0]), at.start, at.end)], "kernel": size(numbers[1:])}
    if count_last and numbers[0] == numbers[1]:  # `5x5x6 x 16`
        return {"filters": [Tok("NUM", str(numbers[3]), at.start, at.end)], "kernel": size(numbers[:3])}
    return None


def _described_by_columns(name: list[str], cells: dict[str, list[Tok]]) -> list[Tok]:
    """A row's description from its hyperparameter cells, as a listing writes it: `| CONV1 | 10 | 5x5 | 1 | 2 |`
    reads as `10 5x5 filters stride 1, pad 2`, a pool's as `2x2 filters stride 2`, an FC layer's `| FC1 | 10 |`
    as `10 neurons`. The cells' own tokens are kept (a problem points into its cell); the words between them
    are empty tokens at the cell they introduce. A blank cell (`-`) gives nothing."""
    given = {role: cell for role in _HYPERPARAMETER_COLUMNS if not _blank_cell(cell := cells.get(role, []))}

    def word(text: str, at: int) -> Tok:
        return Tok("WORD", text, at, at)

    if _layer_kind(" ".join(name)) == "fc" and "filters" in given:
        units = given.pop("filters")
        tokens = [*units, word("neurons", units[-1].end)]
    else:
        tokens = given.pop("filters", [])
    kernel = _kernel_cell(given.pop("kernel", []))
    if kernel:
        tokens += [*kernel, word("filters", kernel[-1].end)]
    for option, cell in given.items():
        tokens += [*([Tok(",", ",", cell[0].start, cell[0].start)] if tokens else []), word(option, cell[0].start),
                   *cell]
    return tokens


def _with_columns(description: list[Tok], cells: dict[str, list[Tok]]) -> list[Tok]:
    """A row's description followed by what its hyperparameter cells say, as a line goes on after a description:
    `| conv1 | 8 5x5 filters | 2 | 2 |` under `Description | Stride | Pad` reads as `8 5x5 filters, stride 2, pad
    2` (those columns were passed over, and a strided layer's right output was judged at stride 1), `| C1 | conv,
    6 maps | 5x5 | 1 |` as `conv, 6 maps, 5x5, stride 1`. A blank cell (`-`) gives nothing; a value said in both
    is said once when both say the same (`| 8 5x5 filters | 5x5 |`), and is the line's own problem (said twice)
    when they differ."""
    tokens = list(description)
    for role in _HYPERPARAMETER_COLUMNS:
        cell = cells.get(role, [])
        if _blank_cell(cell) or _said_alike(description, role, cell):
            continue
        at = cell[0].start
        tokens.append(Tok(",", ",", at, at))
        if role == "filters":
            tokens += [*cell, Tok("WORD", "filters", cell[-1].end, cell[-1].end)]
        elif role == "kernel":
            tokens += _kernel_cell(cell)
        else:
            tokens += [Tok("WORD", role, at, at), *cell]
    return tokens


def _kernel_cell(cell: list[Tok]) -> list[Tok]:
    """A Kernel column's cell as a filter size: `5` is a 5x5 filter; other cells as they are."""
    if len(cell) == 1 and cell[0].kind == "NUM" and cell[0].text.isdigit():
        return [Tok("DIMS", f"{cell[0].text}x{cell[0].text}", cell[0].start, cell[0].end)]
    return cell


def _said_alike(description: list[Tok], role: str, cell: list[Tok]) -> bool:
    """Whether a description says a hyperparameter as its column's cell does: the filters' count before their
    noun or size (`8 filters`, `8 5x5 filters`), the size (`5x5`, a cell's `5` as `5x5`), a stride or padding
    after its word."""
    words = [t.lower for t in description]
    said: str | None = None
    if role == "kernel":
        said = next((t.text for t in description if t.kind == "DIMS"), None)
    elif role == "filters":
        said = next((t.text for j, t in enumerate(description) if t.kind == "NUM" and (
            (description[j + 1:j + 2] and description[j + 1].kind == "DIMS") or
            any(tuple(words[j + 1:j + 1 + len(noun)]) == noun for noun in _FILTERS_COUNTED))), None)
    else:
        names = ("stride", "strides") if role == "stride" else ("pad", "padding")
        at = next((j for j, w in enumerate(words) if w in names), None)
        if at is not None:
            j = _skip(words, at + 1, (":", "=", "of"))
            said = description[j].text if j < len(description) else None
    if said is None:
        return False
    shown = "".join(t.text for t in (_kernel_cell(cell) if role == "kernel" else cell))
    return _dims_text(said.lower()) == _dims_text(shown.lower())


def _with_counts(line: ir.Line, counts: dict[str, ir.Count], sides: tuple[ir.ShapeAnswer, ...],
                 reader: _LineReader, received: ir.ShapeAnswer | None = None) -> ir.Line:
    """A table row's line with the counts of its answer columns, the sides of its `H`, `W`, `C` columns and the
    volume of its Input column (E060 for a count its description gives too)."""
    answer = line.expectation
    merged: dict[str, ir.Count | None] = {q: getattr(answer, q) for q in ir.COUNTED} if answer else {}
    span = answer.span if answer is not None else None
    for quantity, count in counts.items():
        if merged.get(quantity) is not None:
            reader.sink.add(codes.E060, f"the {ir.NOUNS[quantity]} count is given twice", count.span,
                            hint="keep the table's column")
            continue
        merged[quantity] = count
        span = count.span if span is None else span.to(count.span)
    for side in sides:
        span = side.span if span is None else span.to(side.span)
    if received is not None:
        span = received.span if span is None else received.span.to(span)
    if span is None:
        return line
    return line._replace(expectation=ir.answered(answer.shape if answer else None, merged, span,
                                                 (answer.sides if answer else ()) + sides,
                                                 answer.field if answer else None,
                                                 answer.padding if answer else None, received,
                                                 answer.filter_shape if answer else None))


class _Concatenated(NamedTuple):
    """An Inception module's branches concatenated on a line of their own (`Filter concatenation: 28x28x(128+192+96
    +256) = 28x28x672`): the layers since the module's start are its branches, each on the module's input (the
    spec's `concat { … | … }`), with the answers on the line the concatenation's; `parts` how many a sum of channels
    says there are."""

    expectation: ir.Expectation | None
    span: Span
    parts: int | None
    said: bool  # whether what is above says the module's lines are its branches (`_LineReader.concatenated`)


class _SkipAdded(NamedTuple):
    """A residual block's skip connection added on a line of its own (`Add the input (skip connection) -> 56x56x64`):
    the layers since the block's start are its body, the block's input its identity shortcut (the spec's `residual {
    … }`), with the answers on the line the sum's."""

    expectation: ir.Expectation | None
    span: Span


class _Awaited(NamedTuple):
    """The volume a layer receives, answered before the layer is stated (`Input to POOL1: 16x16x10`, then
    `POOL1: …`; `Input to FC: 2560`, then `FC: 10 neurons`): judged as that layer's `-> input` when the next layer
    line states it."""

    label: str | None  # the layer's name (`pool1`), or
    family: str | None  # the kind it is named by (`fc`), no layer of which is above (or the ordinal's one fewer)
    said: str  # how E060 names it: `layer POOL1`, `FC`
    shape: ir.ShapeAnswer
    span: Span  # the layer's name as written

    def states(self, line: ir.Line) -> bool:
        """Whether `line` states the layer this answer is about."""
        item = line.items[0] if line.items else None
        return isinstance(item, ir.LayerCall) and (item.label == self.label if self.label is not None else
                                                   _family(item.keyword) == self.family)


class _Answered(NamedTuple):
    """A layer line above with an answer a worked example gives on a line of its own: the last
    layer's, or the one an `After CONV1: 55x55x96` names."""

    line: ir.Line
    at: int = -1  # which line above
    more: tuple[_Answered, ...] = ()  # other layers answered on the same line, each named (`CONV1: …; POOL1: …`)


class _InputAnswered(NamedTuple):
    """Counts answered for the network's input on a line of its own under it, before any layer (`Memory: 3072`,
    `Input values: 3072`, `Params: 0`), or its values stated after its volume as another input (`Input: 3072
    values`): judged as the spec's `input 32x32x3 -> memory 3072`."""

    counts: dict[str, ir.Count]


class _Exercise(NamedTuple):
    """The lecture's output-size exercise: an input and one filter (`Assume, input image is 7x7
    filter is 3x3 stride is 2`), the answer on the same line or after it."""

    input: ir.Input
    line: ir.Line
    signature: str  # what the exercise states, without where: the same words again are a restatement


class _Unreadable(Exception):
    def __init__(self, message: str, span: Span) -> None:
        self.message = message
        self.span = span


class _LineReader:
    """One bracketed line: `[volume] NAME: body [answers]`."""

    def __init__(self, tokens: list[Tok], sink: DiagnosticSink, start: int, end: int,
                 figures: frozenset[str] = frozenset()) -> None:
        self.tokens = tokens
        self.written = tokens  # the line as written, whatever parts of it are read as answers (`self.tokens`)
        # the papers' notations the sheet writes (`_FIGURES`), whose conventions its other lines follow: the ResNet
        # figure's `3x3 conv, 64` is padded, the VGG table's `maxpool` is 2x2 at stride 2
        self.figures = figures
        self.i = 0
        self.sink = sink
        self.start = start
        self.end = end
        self.numbered = False  # the line starts with a question's number (`4.`, `Q2:`): a new question
        self.opens = False  # a worked example's first layer (`First layer (CONV1): …`, `10 5x5 filters …`)
        self.goes_on = False  # a layer that says it is not the first (`Second layer (POOL1): …`, `Layer 2 (…)`)
        self.first_said = False  # `opens` said in words (`First layer (CONV1)`), not by a description alone
        self.unnamed = False  # a layer without a name (`Max pooling with 2x2 filters and stride 2`, `Dropout 0.5`)
        self.activations: list[ir.LayerCall] = []  # an activation after a layer's options: `…, pad 0, ReLU`
        self.after_blank = False  # a blank line separates it from the line read before
        self.under_input = False  # the line read before it (blank lines aside) gave the input or answered for it
        self.changed: tuple[int, str] | None = None  # the prose above that changes the last layer (`_Net.changed`)
        self.said_again = False  # the line's answers were all given before (`answer_line`): nothing new, no layer
        self.places = False  # the line says where the network stands (`After CONV1: 55x55x96`), a new answer or not
        # the line answers for a kind of layer none of which is above (`Max pooling gives 16x16x32.`, E060): it may
        # state one cnncalc did not read, which the answers after it would leave out
        self.kind_unseen = False
        # a convolution's, a pool's or an FC layer's statement that does not read, with an answer after its colon or
        # arrow (`unread_answered`): the line is that layer, unknown, not prose
        self.statement_unread = False
        self.arrow_led = False  # the line starts with an arrow (`=> 10`)
        self.stated: ir.ShapeAnswer | None = None  # the volume an input line states, as written (`Input: 32x32x16`)
        self.maybe_layer = False  # `Output: 10 neurons` under F6 (84) may state a layer (`_values_answer`, E060), or
        # `FC 10 neurons: …` (`named_answer`)
        self.layer_named = False  # the answers read are those of a layer the line names (`FC2 output: 11 neurons`)
        # a question asked after the layer stated (`POOL1 is a 3x3 max pool. What is its output?`), answered below
        self.question: list[Tok] = []
        # the output volume a layer's line answers, while its description is read: a convolution described without
        # its count of filters (Ng's table: `| CONV1 (f=5, s=1) | (28,28,8) |`) has as many as its depth
        self.answered_volume: ir.ShapeAnswer | None = None
        self.telling = False  # the line is a question that tells its layer (no change to a layer above: `_what_if`)
        self.parts: dict[str, Span] = {}  # the layer lines above by their part's letter (`_Net.parts`)
        self.labels: set[str] | None = None  # the names of the layers above, when known: a name not among them
        # names none (`_named_line` need not look)
        self.answered_again = False  # an answer differs from the one given above it for the same layer (E060)
        self.headed: int | str | None = None  # the layer a heading above named (`For CONV1:`): an answer naming none
        # is its; or why the heading names no one layer (then such an answer is E060)
        self.named_heading = False  # the line is a heading that names its layer by its name (`CONV1`, `For CONV1:`)
        self.heading_said = ""  # the words of the layer it names (`CONV1`)
        # the padding a line of prose above said every convolution has (`All convolutions use 'same' padding.`),
        # and the filter size it is said for, if any (`_padding_assumed`)
        self.assumed_pad: tuple[ir.Value, tuple[int, int] | None] | None = None
        self.assumed_unbiased: Span | None = None  # where a line of prose above said to leave out the biases
        self.module_said = False  # prose above said an Inception module starts (`_Net.module_said`)
        self.module_start = 0  # where the network's lines of the module (or block) above start (`_Net.block_start`)
        self.module_labelled = False  # a label above says where a branch of that module starts (`Branch 2:`)
        self.concat_below = False  # a line below concatenates (`_CONCATENATION_LINE`): a label may start a branch
        self.branch_span: Span | None = None  # the line's label that starts a branch (`Branch 2:`), taken off it

    def peek(self, k: int = 0) -> Tok | None:
        return self.tokens[self.i + k] if self.i + k < len(self.tokens) else None

    def next(self) -> Tok:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def at(self, *texts: str, ahead: int = 0) -> bool:
        tok = self.peek(ahead)
        return tok is not None and tok.lower in texts

    def rest_span(self) -> Span:
        tok = self.peek()
        return Span(tok.start if tok else self.end, self.end)

    def read(self) -> ir.Input | ir.Line | None:
        """The line as an input or a layer line; None when it is prose after all (a bracketed remark)."""
        volume = self.volume()
        if volume is False:
            return None
        tok = self.peek()
        if tok is not None and tok.lower == "input":
            self.next()
            if self.at(":"):
                self.next()
            try:
                self.end_of_line("INPUT")
            except _Unreadable as e:
                self.sink.add(codes.E060, e.message, e.span, hint="the input line reads `[227x227x3] INPUT`")
            if not isinstance(volume, ir.ShapeAnswer) or len(volume.dims) not in (1, 3):
                span = volume.span if isinstance(volume, ir.ShapeAnswer) else Span(self.start, self.end)
                self.sink.add(codes.E023, "the input's volume is `HxWxC` (e.g. `[227x227x3] INPUT`)", span,
                              hint="write its height, width and depth: `[227x227x3] INPUT`")
                return None
            return self.input(volume, volume.dims)
        name_tokens = []
        while self.peek() is not None and not self.at(":"):
            name_tokens.append(self.next())
        named = self.named_by_the_breakdown(name_tokens, volume) if self.peek() is None else None
        if named is not None:
            return named
        if self.peek() is None and name_tokens and {t.lower for t in name_tokens[1:]} <= _DESCRIBED.get(
                _layer_kind(" ".join(t.lower for t in name_tokens)) or "", set()):
            return self.described(name_tokens, volume)  # `[32x32x16] RELU1`, `ReLU layer`: the name says all
        if self.peek() is None:
            if not name_tokens:
                self.sink.add(codes.E060, "a volume alone: the layer is missing", Span(self.start, self.end),
                              hint=f"write e.g. {FORMS}")
            else:
                self.sink.add(codes.E060, "expected `NAME: description` after the volume",
                              Span(name_tokens[0].start, self.end), hint=f"write e.g. {FORMS}")
            words = next((i for i, t in enumerate(name_tokens) if t.kind != "WORD"), len(name_tokens))
            return self.unreadable(volume, name_tokens[:words])  # named by its leading words (`CONV1 (…`)
        self.next()  # the colon
        if "(" in [t.text for t in name_tokens]:  # `[55x55x96] (290,400 values) CONV1: …`: answers, read last
            opening = next(j for j, t in enumerate(name_tokens) if t.text == "(")
            closing = next((j for j in range(opening, len(name_tokens)) if name_tokens[j].text == ")"), None)
            if closing is not None:
                self.tokens = self.tokens + name_tokens[opening:closing + 1]
                name_tokens = name_tokens[:opening] + name_tokens[closing + 1:]
        return self.described(name_tokens, volume)

    def named_by_the_breakdown(self, name_tokens: list[Tok], volume: object) -> ir.Line | None:
        """`[224x224x64] CONV3-64`, `[112x112x64] POOL2`: a volume, then a name that says the layer as the VGG
        paper's table and the notes' breakdown do (`breakdown_layer`); None for any other name. A convolution or a
        pool only: the breakdown's `FC` is as wide as its volume, which would make the answer its own layer
        (`[4096] FC6` asks for its neurons instead)."""
        if not name_tokens or not isinstance(volume, ir.ShapeAnswer):
            return None
        name = "".join(t.lower for t in name_tokens)
        try:
            call = self.breakdown_layer(name, Span(name_tokens[0].start, name_tokens[-1].end), volume)
        except _Unreadable:
            return None  # not such a name (`CONV1` alone): the line's own error follows
        if call is None or call.keyword not in ("conv", "maxpool"):
            return None
        return ir.Line((call,), ir.Expectation(volume, None, None, volume.span), Span(self.start, self.end))

    def described(self, name_tokens: list[Tok], volume: object, kind: str | None = None) -> ir.Line:
        """A named layer's line from its description on (at the cursor) and its answers (`kind`, when the name
        does not say it); a part that cannot be read is E060 and the layer stays, unknown, with the answers
        written on the line."""
        name_span = Span(name_tokens[0].start, name_tokens[-1].end) if name_tokens else Span(self.start, self.start)
        self.answered_volume = volume if isinstance(volume, ir.ShapeAnswer) else None
        self.tokens[self.i:] = _figure_conv(self.tokens[self.i:], "resnet" in self.figures)
        try:
            call = self.layer([t.lower for t in name_tokens], name_span, kind)
            if call.keyword == "flatten" and volume is None:
                volume = self.length()  # `FLATTEN1: 32768`
            after = self.peek()
            if call.keyword in _DESCRIBED and call.keyword != "flatten" and after is not None and \
                    after.kind == "DIMS" and self.tokens[self.i - 1].text == ":":
                # `NORM1: 27x27x96`, `RELU1: 55x55x96`: a layer without numbers, its output after its colon (E060)
                self.tokens.insert(self.i, Tok("ARROW", "->", after.start, after.start))
            expectation = self.answers(volume)
        except _Unreadable as e:
            self.sink.add(codes.E060, e.message, e.span, hint=f"the forms cnncalc reads: {FORMS}")
            return self.unreadable(volume, name_tokens, self.salvage())
        call = call._replace(label=_label(name_tokens), span=name_span.to(call.span))
        return self.line(call, expectation)

    def unnamed_layer(self, words: list[str]) -> ir.Line | None:
        """A layer other than a convolution or a pool stated without a name's number: `FC: 10 neurons`, `Fully
        connected layer with 10 neurons`, `BN: Batch normalization`, `Batch norm`, `Dropout: 0.5`, `ReLU`,
        `Softmax`. The words before its colon (or leading the line) say the kind and nothing else; a line that
        does not read as that layer then is prose (`Fully connected layers see the whole volume`)."""
        first = _skip(words, _skip(words, 0, (*_STATEMENT_LEADS, "followed", "by")), ("a", "an"))  # `Then a FC layer
        # with 10 outputs`, `followed by an FC layer with 10 outputs` (a told chain's step)
        lead = next((j for j, w in enumerate(words) if j >= first and w not in _UNNAMED_WORDS), len(words))
        colon = lead if words[lead:lead + 1] == [":"] else None  # (not an answer's: `…, params: 850`)
        units_said = any(w in _FC_UNITS for w in words[first + 3:])
        if words[first:first + 2] == ["output", "layer"] and words[first + 2:first + 3] in ([":"], ["with"], ["of"]) \
                and units_said:
            lead = first + 2  # an MLP's `Output layer: 10 neurons, softmax`, `Output layer with 10 neurons` (not an
            # answer's `Output: …`)
            colon = lead if words[lead] == ":" else None  # (its colon: the description after it was not read)
        head = words[first:lead]
        said = next((j for j in range(lead + 1, len(words)) if words[j] not in _UNNAMED_WORDS), len(words))
        if colon is not None and said > lead + 1 and "global" in words[lead + 1:said] and \
                set(head) <= _POOL_WORDS and (said == len(words) or self.tokens[said].kind == "ARROW"):
            # `pool: global average`, `Pool: global max pooling`: the kind after the colon (it was prose)
            head, lead, colon = [*words[lead + 1:said], *head], said, None
        kind = None if not head or len(head) > 4 or not set(head) <= {*_UNNAMED_WORDS, *_POOL_WORDS, "output"} else \
            "fc" if head[0] in ("hidden", "output") else _layer_kind(" ".join(head))  # (`Hidden layer: 100 neurons`)
        called = _call_at(words, first)
        if called is not None:  # `nn.Linear(3072, 100)`, `BatchNorm2d(64)` on a line of its own: the call says it
            kind, head, lead, colon = _CALLS[words[called]][0], words[first:called + 1], called + 1, None
        if kind is None or kind not in _UNNAMED_KINDS:
            return None
        name_tokens = self.tokens[first:lead]
        self.i = first if called is not None else lead + (colon is not None)
        name_span = Span(name_tokens[0].start, name_tokens[-1].end)
        try:
            call = self.layer(head, name_span, kind)
            self.answer_colon()
            after = self.peek()
            if kind in _DESCRIBED and colon is not None and after is not None and after.kind == "DIMS":
                self.tokens.insert(self.i, Tok("ARROW", "->", after.start, after.start))  # `GAP: 1x1x64`: its output
            expectation = self.answers(None)
        except _Unreadable:
            if kind == "fc":  # `fc: 13*13*8 = 1352 inputs -> params = 13530`: E060 (it was prose)
                self.unread_answered(self.tokens)
            return None
        self.unnamed = True  # after prose, a remark unless something is read after it
        return self.line(call._replace(span=name_span.to(call.span)), expectation)

    def answer_colon(self) -> None:
        """A colon after an unnamed layer's description, then its answers (`Fully connected layer with 120 neurons:
        141,240 params`, `ReLU (no change): 28x28x6`: a remark without numbers in parentheses before it passed over),
        as the arrow before them; it was prose, a wrong answer unjudged."""
        k = self.i
        if self.at("("):
            closing = next((j for j in range(k, min(k + 12, len(self.tokens))) if self.tokens[j].text == ")"), None)
            if closing is None or any(t.kind in ("NUM", "DIMS") for t in self.tokens[k:closing]):
                return
            k = closing + 1
        if k + 1 < len(self.tokens) and self.tokens[k].text == ":" and self.tokens[k + 1].kind in ("NUM", "DIMS"):
            colon = self.tokens[k]
            equals = max((j for j in range(k + 1, len(self.tokens)) if self.tokens[j].text == "="), default=None)
            if equals is not None and equals + 1 < len(self.tokens) and self.tokens[equals + 1].kind == "NUM" and \
                    all(t.kind in ("NUM", "DIMS") or t.lower in _WORKING_MARKS for t in self.tokens[k + 1:equals]):
                k = equals  # `…: 11*11*16*10 + 10 = 19,370 params`: the count after the working (checked as all are)
            self.tokens = [*self.tokens[:self.i], Tok("ARROW", "->", colon.start, colon.end), *self.tokens[k + 1:]]

    def flatten(self, words: list[str], kinds: list[str]) -> ir.Line | None:
        """`Flatten`, `Flatten layer`, `Flatten: 32768`, `Flatten -> 32768` (`=>`), `Flatten (32768 values)`: the volume
        as a vector (Keras' and PyTorch's layer; the lecture's FC layers flatten their input themselves), the
        number its length. Any other line starting with the word is prose (`Flatten the volume into a vector`)."""
        at = _skip(words, 1, ("layer",))
        arrowed = _arrow(self.tokens, at) == at  # `Flatten -> 2304`, `Flatten => 2304`: the answers after it
        if not arrowed and words[at:at + 1] in ([":"], ["="], ["to"], ["into"]):
            if kinds[at + 1:at + 2] != ["NUM"] and (words[at] != ":" or at + 1 < len(words)):
                return None  # (`Flatten:` alone, its answers on the lines after, is read)
            at += 1
        elif not arrowed and at < len(words) and words[at] not in ("(", "[", "=", "-"):
            return None
        self.i = at
        call = ir.LayerCall("flatten", (), None, Span(self.tokens[0].start, self.tokens[at - 1].end))
        try:
            expectation = self.answers(self.length())
        except _Unreadable as e:
            self.sink.add(codes.E060, e.message, e.span, hint="write the flattened length as `Flatten: 4096`")
            return self.unreadable(None, [])
        return self.line(call, expectation)

    def length(self) -> ir.ShapeAnswer | None:
        """A vector's length written after a flatten (`32768`, `(32768)`, `[32768 values]`), as its answer; after
        the product that gives it, the product's value (`28*28*32 = 25,088`)."""
        k = self.i
        while k < len(self.tokens) and (self.tokens[k].kind in ("NUM", "DIMS") or self.tokens[k].text in "*·×"):
            k += 1
        if k > self.i + 1 and self.tokens[k:k + 1] and self.tokens[k].text == "=":
            self.i = k + 1
        opened = self.at("(", "[")
        tok = self.peek(1 if opened else 0)
        if tok is None or tok.kind != "NUM":
            return None
        self.i += 2 if opened else 1
        while self.at("values", "numbers", "elements", "neurons", "units", "features"):
            self.next()
        if opened:
            if not self.at(")", "]"):
                raise _Unreadable(f"expected `{')' if self.tokens[self.i - 2].text == '(' else ']'}` after "
                                  f"`{tok.text}`", self.rest_span())
            self.next()
        shape = _shape(tok)
        if shape is None:
            self.not_a_volume(tok.text, tok.span)
        return shape

    def line(self, call: ir.LayerCall, expectation: ir.Expectation | None) -> ir.Line:
        """The line of a layer, and of the activation written after its options (`…, pad 0, ReLU`): the line's
        answers are about the activation's output, which is the layer's. An output after the arrow that says how it
        rounds (`-> 112x112x64 (rounded down)`) sets the layer's rounding, as on an output line of its own."""
        line = ir.Line((call, *self.activations), expectation, Span(self.start, self.end))
        arrow = _arrow(self.tokens, 0)
        if expectation is not None and expectation.shape is not None and arrow < len(self.tokens):
            line = _rounded_as_said(line, self.tokens[arrow:])
        return line

    def worked(self, lines: list[ir.Line], in_exercise: bool = False, has_input: bool = False,
               shared: set[int] | None = None
               ) -> ir.Input | ir.Line | _Answered | _Awaited | _Exercise | _InputAnswered | _SkipAdded | \
            _Concatenated | None:
        """A line of a worked example (docstring above), or None for prose; `lines` are the network's
        layer lines so far, `in_exercise` whether the network is an output-size exercise (whose output is
        a square map: `output is 3` gives its side), `has_input` whether it has an input (then an answer
        with no layer to answer for is E060: the layer's line was not read), `shared` the lines whose counts
        could be the line above's too (E060)."""
        lead = _lead(self.tokens)  # `4. Input volume: 32x32x3`, `- Parameters: 0`: read after the number or bullet
        self.arrow_led = _arrow(self.tokens, 0) < lead  # (`=> 10`: the output of the layer above, `answer_line`)
        labelled = _branch_label(self.tokens[lead:]) if self.concat_below else None
        if labelled is not None:  # `Branch 2: 1x1 conv, 96 filters …`: a branch starts, read without its label
            self.branch_span = Span(self.tokens[lead].start, self.tokens[lead + labelled].end)
            self.tokens = [*self.tokens[:lead], *self.tokens[lead + labelled + 1:]]
        branch = _branch_started(self.tokens[lead:]) if lines and labelled is None else None
        if branch is not None:
            self.sink.add(codes.E060, f"`{_shown(branch)}` starts another branch: its input is not the output of the "
                                      f"line above, and cnncalc does not read a module's branches in this notation",
                          Span(branch[0].start, branch[-1].end), hint=_BRANCH_HINT)
            return self.unreadable(None, [], self.salvage())
        self.numbered = any(t.kind == "NUM" or t.text == "(" or _QUESTION.fullmatch(t.lower)
                            for t in self.tokens[:lead])
        unlabelled = _output_noun_dropped(_answer_lettered(_answer_label_dropped(_working_output(_pool_class_named(
            _letters_counted(_count_then_output(_vector_length(self.tokens[lead:]))))))))
        normalised = _place_headed(_side_owned(_after_comma(_piped(_answer_quantity(_name_answered(_unticked(
            _asked_differently(_working_skipped(_maps_answered(_approximately_named(_none_answered(
                _named_arrow(_flatten_dropped(_connective_dropped(_reason_dropped(_activation_size(
                    _yes_or_no(_filters_give(_maps_counted(_way_softmax(
                        _filters_of_them(_classes_output(_fc_to_classes(_second_verb_dropped(_in_and_out(
                            unlabelled, bool(lines)))))))))))))))))))))))))),
            len(lines))
        marked = _described_in_parentheses(_name_marked(_said_after(_equals_as_colon(_listed_by_layer(
            _answer_of_layer(_placed_first(_this_layer_dropped(_named_heading(_sides_heading(normalised))))))))))
        self.tokens = _said_output(_said_count(_there_are(_about_layer(_flattened_input(_input_said(_colon_arrow(
            _dashed(_role_dropped(_figure_conv(_axes_named(_output_sides(_output_implied(_vgg_named(
                _called(_kind_colon(_kind_layer_said(_depthwise_colon(_fc_in_to_out(marked))))),
                "vgg" in self.figures)))),
                "resnet" in self.figures))))))))))
        self.tokens = _kind_outputs(_step_said(_flatten_answered(_on_the_last(_kind_parenthesised(self.tokens), lines),
                                                                 lines)))
        whole, parts = self.tokens, _answer_parts(self.tokens)
        if len(parts) > 1 and lines:
            numbered, before, self.said_again = self.numbered, self.sink.total, False
            in_parts = self.answers_in_parts(parts, lines, in_exercise, has_input, shared)
            if in_parts is not None or self.sink.total > before or self.said_again:
                return in_parts  # (None, reported: a part's answer cnncalc cannot take, said why; or every part
                # an answer above said again)
            self.tokens, self.i, self.numbered = whole, 0, numbered  # the line whole, as before
        self.tokens = _letters_input(_input_sentence(self.tokens))
        words = [t.lower for t in self.tokens]
        kinds = [t.kind for t in self.tokens]
        if lines and has_input and not in_exercise and _adds_skip(words):
            return self.skip_added(words)
        if lines and has_input and not in_exercise and _concatenates(words):
            kept = self.tokens, self.i
            concatenated = self.concatenated(lines[self.module_start:])
            if concatenated is None or concatenated.parts is not None or concatenated.said or self.module_labelled:
                return concatenated  # (else which layers are its branches nothing says: read as any line, E060)
            self.tokens, self.i = kept
        if has_input and not lines and not in_exercise and self.under_input:
            before = self.sink.total
            about_input = self.input_counts(words)
            if about_input is not None or self.sink.total > before:
                return about_input  # (None, reported: a count cnncalc cannot read)
        last = lines[-1] if lines else None
        of_kind = _stated_of_kind(words) if has_input or lines else None
        if of_kind is not None:
            # `The first convolutional layer uses 16 filters of size 3x3 …`: that layer, stated in its place among
            # its kind's (it was prose, and the answers under it judged against the layer above)
            start, at, place, kind = of_kind
            family = "pool" if "pool" in kind else kind
            before = sum(isinstance(item, ir.LayerCall) and ("pool" if "pool" in item.keyword else item.keyword) ==
                         family for line in lines for item in line.items)
            if place == _UNPLACED and before:  # `The conv layer uses 16 filters …` under a convolution: that one,
                # said again, or another? (read as another, the answers were judged on both: a right one marked wrong)
                stated = " ".join(words[start:at - 1])
                self.sink.add(codes.E060, f"`the {stated}` after {before} layer{'s' * (before != 1)} of its kind: "
                                          f"cnncalc cannot tell whether it states another or one above",
                              Span(self.start, self.tokens[at - 1].end),
                              hint="name it (`CONV2: 16 5x5 filters, stride 1`) or say its place (`The second conv "
                                   "layer uses …`)")
                return self.unreadable(None, [])
            if place not in (before, -1, _UNPLACED):
                self.sink.add(codes.E060, f"the {words[start - 1]} {' '.join(words[start:at - 1])}, stated after "
                                          f"{before} of its kind", Span(self.start, self.tokens[at - 1].end),
                              hint="state the layers in order")
                return self.unreadable(None, [])
            verb = self.tokens[at - 1]
            # (a `:` before its answers, `… with padding 1: output 16x16x64`, as the `;` a description's answers follow)
            self.tokens = [*self.tokens[start:at - 1], Tok("WORD", "with", verb.start, verb.end),
                           *(Tok("P", ";", t.start, t.end) if t.text == ":" and j + 1 < len(words) and
                             words[j + 1] in _ANSWER_LEADS else t for j, t in enumerate(self.tokens[at:], at))]
            words, kinds = [t.lower for t in self.tokens], [t.kind for t in self.tokens]
        placed = _stated_in_place(words)
        if placed is not None and (has_input or lines):
            # `The first layer is a convolution with 10 5x5 filters, …`: the layer, stated in its place
            at, place = placed
            if place not in (len(lines), -1):
                place_said = f"layer {words[1]}" if words[0] == "layer" else f"the {words[1]} layer"  # `Layer 3 is …`
                self.sink.add(codes.E060, f"{place_said}, stated after {len(lines)} layer"
                                          f"{'s' * (len(lines) != 1)}", Span(self.start, self.tokens[at - 1].end),
                              hint="state the layers in order")
                return self.unreadable(None, [])
            self.tokens = self.tokens[at:]
            words, kinds = words[at:], kinds[at:]
        if kinds[:2] == ["DIMS", "WORD"] and ":" in words:  # `55x55x96 CONV1: …`, a listing line without brackets
            colon = words.index(":")
            if _label(self.tokens[1:colon]) is not None and _layer_kind(" ".join(words[1:colon])) is not None:
                volume = _shape(self.tokens[0])
                if volume is None:
                    self.not_a_volume(self.tokens[0].text, self.tokens[0].span)
                self.i = colon + 1
                return self.described(self.tokens[1:colon], volume)
        if words[:2] == ["hidden", "layer"] and kinds[2:3] == ["NUM"] and words[3:4] in ([":"], ["-"], ["="]):
            self.tokens, words, kinds = self.tokens[1:], words[1:], kinds[1:]  # an MLP's `Hidden layer 1: 256 neurons`
        if words[:1] == ["layer"] and kinds[1:2] == ["NUM"] and words[2:3] == ["("]:
            self.tokens = _numbered_parenthesised(self.tokens)  # `Layer 1 (CONV 5x5, 6 filters): …`
            words, kinds = [t.lower for t in self.tokens], [t.kind for t in self.tokens]
        if words[:1] == ["layer"] and kinds[1:2] == ["NUM"] and words[2:3] in ([":"], ["-"], ["="]):
            self.goes_on = self.tokens[1].text != "1"  # `Layer 2 - max pool 3x3, stride 2`: not the first
            self.kind_named()  # `Layer 1: CONV 96 11x11, stride 4` reads as `CONV1: 96 11x11, stride 4`
            words, kinds = [t.lower for t in self.tokens], [t.kind for t in self.tokens]
        alone = _named_alone(self.tokens) if len(self.tokens) <= 5 and (last is not None or has_input) else None
        if alone is not None and alone[0].lower != "input":
            # `3. NORM1` alone, its answers on the lines after: the layer, as `NORM1:` (a name that needs its
            # description, `POOL1`, is E060 then, not prose that would leave the answers below to the layer above)
            self.tokens = [alone[0], Tok("P", ":", alone[0].end, alone[0].end)]
            words, kinds = [alone[0].lower, ":"], ["WORD", "P"]
        if words[-2:-1] == [":"] and kinds[-1] == "DIMS" and "ARROW" not in kinds and words[0] in _KIND_LEADS and \
                ":" not in words[:-2] and any(k in ("NUM", "DIMS") for k in kinds[:-2]):
            joint = self.tokens[-2]  # `Max pool 2x2 stride 2: 16x16x10`: the layer, then its output, as after `->`
            self.tokens[-2] = Tok("ARROW", "->", joint.start, joint.end)
            kinds[-2] = "ARROW"
        receiving = _receiving(words)  # `Input to CONV2: 27x27x96`, `FC6 input: 9216`, `CONV2 receives 27x27x96`
        if receiving is not None and (lines or has_input):
            reported = self.sink.total
            received = self._after(self.tokens[receiving[0]], receiving[1], lines, received=True)
            if received is not None or self.sink.total > reported:
                return received
        if ":" in words and kinds[words.index(":") + 1:words.index(":") + 2] == ["DIMS"]:
            colon = words.index(":")  # `CONV1: 32x32x10` under a CONV1 stated above: its output, as `After CONV1:`
            label = _label(self.tokens[:colon])
            if label is not None and _layer_kind(" ".join(words[:colon])) is not None and \
                    not {"of", "for", "in", "at", *_NOT_OUTPUTS} & set(words[:colon]) and \
                    any(line.items and line.items[0].label == label for line in lines) and \
                    "ARROW" not in kinds and \
                    (colon + 2 == len(words) or _depth_said(self.tokens[colon + 2:]) is not None):
                # (`CONV1: 5x5, 10 filters -> 32x32x10` restates CONV1, then answers: `named_answer`'s)
                return self._after(self.tokens[:colon], colon, lines)
        referred = _part_referred(self.tokens) if lines else None
        if referred is not None:  # `MACs of (a): …`: the answer of the layer stated in that part
            return self.part_answer(*referred, lines, in_exercise, shared)
        reported = self.sink.total
        about = self.named_answer(words, kinds, lines)
        if about is not None:  # `CONV1 output: 32x32x10, params 760`, `FC1 params: 25,610`
            whole, self.tokens = self.tokens, about[1]
            self.layer_named = True
            answered = self.answer_line(lines, in_exercise, shared, about[0])
            self.layer_named = False
            if answered is not None or self.sink.total > reported or self.said_again:
                return answered  # (a line of answers given before is one still, not the layer stated again)
            self.tokens = whole  # no answer after all: `CONV1: 10 5x5 filters` stated again
            arrow = next((t for t in whole[1:3] if t.kind == "ARROW"), None)
            beyond = whole[whole.index(arrow) + 1:] if arrow is not None else []
            if arrow is not None and any(t.kind in ("NUM", "DIMS") for t in beyond) and \
                    not any(t.kind == "ARROW" for t in beyond):
                # `CONV1 -> {32x32x10}` states no layer: a number after the arrow is an answer cnncalc cannot read
                self.sink.add(codes.E060, f"cnncalc cannot read the answer after `{arrow.text}`",
                              Span(arrow.start, self.end), hint="write it as `CONV1 -> 32x32x10, 760 params`")
                return None
        elif self.sink.total > reported:  # (a line that may state a layer leaves it, unknown: what follows rests on it)
            return self.unreadable(None, []) if self.maybe_layer else None
        asked = _asked_after(words)
        if asked is not None and _told_input_at(self.tokens[:asked], words[:asked]) is None and (
                (_layer_kind(words[0]) is not None and _label(self.tokens[:1 + (kinds[1:2] == ["NUM"])]) is not None)
                or _pool_at(words[:asked], kinds[:asked]) is not None or
                _filters_at(words[:asked], kinds[:asked]) is not None):
            # `POOL1 is a 3x3 max pool with stride 2. What is its output?`, `Max pool 2x2, stride 2. What is its
            # output?`: the layer (a problem told with its input, or by letters, is an exercise's, below), and the
            # question, answered after its `?` or on the line below (`read`)
            # (`A 2x2 max pool with stride 2 follows. Output volume?`: the layer without its `follows`)
            self.question, self.tokens = self.tokens[asked + 1:], _follows_dropped(self.tokens[:asked])
            words, kinds = [t.lower for t in self.tokens], [t.kind for t in self.tokens]
        output = self.output_layer(words, kinds, last)
        if output is not None:
            return output
        named = self.named(words, kinds)
        if named is not False:
            return named
        loose = self.loosely_named(words, kinds)
        if loose is not None:
            return loose
        if words[:1] == ["flatten"] and (last is not None or has_input):  # (an MLP's: `Flatten: 784` on the input)
            return self.flatten(words, kinds)
        said = set(words)
        if _told_input_at(self.tokens, words) is not None and ({"filter", "kernel", "filters", "kernels"} & said or
                                                                (_TOLD_POOLS & said and "f" not in words) or
                                                                _told_units(self.tokens, words) is not None or
                                                                _told_padding(self.tokens, words) is not None):
            # an exercise's line (`7x7 input, 3x3 filter, stride 2 => 3x3`), or a problem told in a sentence
            # (`Consider an input of size 64x64x3. We apply … 32 filters of size 5x5, stride 1 …`): a sentence first
            # when the line starts as one does (`A 227x227x3 input and 96 filters … give …`; `A 7x7 input, 3x3 filter,
            # stride 2 => 3x3` is no sentence, and an exercise)
            readings = [self.exercise, self.told] if "input" in words else [self.told]
            if words[_lead(self.tokens):][:1] in (["a"], ["an"], ["given"]):
                readings.reverse()
            reported, tokens = self.sink.total, self.tokens
            for reading in readings:
                self.tokens, self.i = tokens, 0  # (a reading may leave them rewritten)
                exercise = reading()
                if exercise is not None or self.sink.total > reported:  # read, or reported as unreadable
                    return exercise
        if words[:2] == ["input", "volume"] and "filters" in words:  # the lecture's convolution demo
            reported = self.sink.total
            exercise = self.demo()
            if exercise is not None or self.sink.total > reported:
                return exercise
        # `N = 7, F = 3, stride 2 => 3`, `Input 32x32, F = 5`, `F=2, S=2 on a 28x28x6 volume`
        if (not {"n", "w1", "w", "h1", "h", "input", "volume", "image"}.isdisjoint(words)) and "f" in words:
            reported, tokens = self.sink.total, self.tokens
            exercise = self.letters_exercise()
            if exercise is None and self.sink.total == reported and _TOLD_POOLS & said and \
                    _told_input_at(tokens, words) is not None:
                self.tokens, self.i = tokens, 0  # `An input of 224x224x64 goes through a max pool with F = 2, S = 2.`
                exercise = self.told()
            if exercise is not None or self.sink.total > reported:
                return exercise
        if words[:1] == ["after"] and ":" not in words and "," in words[2:]:  # `After POOL1, the output is 16x16x10`
            after = self._after(self.tokens[1:words.index(",")], words.index(","), lines)
            if after is not None or self.sink.total > reported:
                return after
        elif words[:1] == ["after"] and ":" not in words and len(words) > 3 and words[2] in _AFTER_FILLERS:
            after = self._after(self.tokens[1:2], 1, lines)  # `After CONV1 the output is 55x55x96`
            if after is not None or self.sink.total > reported:
                return after
        if words[:1] == ["after"] and ":" not in words and len(words) > 3 and lines:
            skip = _skip(words, 2 + (words[2] == ","), _AFTER_FILLERS)
            label = _label(self.tokens[1:2])
            index = _named_line(lines, label) if label is not None else None
            if index is not None and skip < len(words) and kinds[skip] == "DIMS":
                # `After conv1 the volume is 55x55x96 and it has 34,944 parameters.`, `After conv1 we have 55x55x96.`
                # (E060): the named layer's answers, as after `Output of CONV1:`
                self.tokens = _as_output(self.tokens[skip - 1], self.tokens[skip:])
                return self.answer_line(lines, in_exercise, shared, index)
        if ":" in words:  # `After CONV1: 55x55x96`, `CONV1 output: …`, `Output of CONV1: …`
            colon = words.index(":")
            kind_said = _kind_named(words[:colon]) if 0 < colon <= 3 and lines else None
            worked_to = _worked_to_volume(self.tokens, colon + 1) if kind_said is not None else colon + 1
            volume_said = _shape(self.tokens[worked_to]) if kinds[worked_to:worked_to + 1] == ["DIMS"] else None
            tail = words[worked_to + 1:]  # (its counts may follow: `, 0 params`; not a description, `, 16 filters`)
            ends = tail == [] or (tail[0] in (",", ";") and not _DESCRIBING.intersection(tail) and
                                  any(w in ir.ANSWER_WORDS for w in tail))
            if kind_said is not None and volume_said is not None and len(volume_said.dims) == 3 and ends and \
                    _kind_lines(lines, kind_said[1]):
                sides = volume_said.dims[:2]
                if sides[0] == sides[1] <= _KERNEL_SIDES and worked_to == colon + 1:
                    # `Conv: 3x3x8`: a filter's size and depth as much as an output (it was prose), not judged
                    self.sink.add(codes.E060, f"`{volume_said.text}` after `{_shown(self.tokens[:colon])}:` may be "
                                              f"its output or its filters' size, so it is not judged",
                                  volume_said.span, hint="write `Output: …` for the output, or the layer whole: "
                                                         "`CONV2: 16 3x3 filters, pad 1`")
                    return None
                if worked_to > colon + 1:  # `conv: (28-3)/1+1 = 26 -> 26x26x8`: the working's arithmetic is checked
                    self.tokens = [*self.tokens[:colon + 1], *self.tokens[worked_to:]]  # where it is written (E046)
                # `conv: 27x27x8`, `pool: 13x13x8, 0 params` under the layers of a problem: the output of the layer
                # of that kind above, as after `After the conv:` (it was prose, a wrong answer passed with exit 0;
                # a volume is no filter's size, nor a pool's window); E060 when several are
                name = self.tokens[:colon]
                after = self._after(name, colon, lines)
                if after is not None or self.sink.total > reported:
                    return after
                index = _kind_line(lines, *kind_said)
                if index is not None:
                    self.tokens = _as_output(self.tokens[colon], self.tokens[colon + 1:])
                    return self.answer_line(lines, in_exercise, shared, index)
            if words[:1] == ["after"] or words[:2] == ["output", "of"]:
                asked = words.index("?") if "?" in words[:colon] else colon  # `Q: output of conv1? A: 32x32x16`
                name = self.tokens[1 if words[0] == "after" else 2:asked]
                after = self._after(name, colon, lines)
                layer_named = [t.lower for t in name[:1]] == ["layer"] and len(name) == 2 and \
                    kinds[colon + 1:colon + 2] in (["DIMS"], ["NUM"])  # `Output of layer B: 32x32x9`: E060 below
                if after is not None or self.sink.total > reported or (not lines and not layer_named):
                    return after
                label = _label(name)
                index = _named_line(lines, label) if label is not None else None
                if index is None and kinds[colon + 1:colon + 2] == ["DIMS"] and _layer_reference(name) is not None:
                    index = self._asked_line(self.tokens[:colon], lines)
                if index is None and layer_named and name[1].kind == "NUM" and self.sink.total == reported:
                    same = _numbered_lines(lines, name[1].text)  # `Output of layer 5: 10, parameters 81930` (an FC
                    index = same[0] if len(same) == 1 else None  # layer's width and more: `_after` reads it alone)
                    if index is None:
                        self.sink.add(codes.E060, _numbered_missing(same, name[1].text, "output", lines),
                                      Span(name[0].start, name[-1].end),
                                      hint="name a layer written above, as in `Output of layer 1: 55x55x96`")
                        return None
                if index is None and self.sink.total == reported and layer_named:
                    # `Output of layer A: 48 x 48 x 32`: a layer named in a way cnncalc does not follow (it was prose,
                    # a wrong answer passed over)
                    self.sink.add(codes.E060, f"cnncalc cannot tell which layer `{_shown(name)}` is, so this answer "
                                              f"is not judged", Span(name[0].start, name[-1].end),
                                  hint="name the layers (`CONV1: …`) or number them (`Layer 1: …`), and the answer "
                                       "after that name")
                    return None
                if index is None:
                    return None  # (reported, or prose: `After CONV1: we pool`)
                # `Output of CONV1: 32x32x10, 760 params` (`Output of layer 1: …`, `After the pool: …, 0 params`: were
                # prose, a wrong answer unjudged)
                self.tokens = _as_output(self.tokens[colon], self.tokens[colon + 1:])
                return self.answer_line(lines, in_exercise, shared, index)
            label = _label(self.tokens[:colon - 1]) if colon > 1 and words[colon - 1] == "output" else None
            counted = _count_head(words, next((len(h) for h in _COUNT_HEADS if words[:len(h)] == list(h)), 0))
            if label is not None and counted is None and (_layer_kind(" ".join(words[:colon - 1])) is not None or
                                      _named_line(lines, label) is not None):  # `CONV1 output: …`, `L1 output: …`
                return self._after(self.tokens[:colon - 1], colon, lines)
        opener = _input_opener(words)
        if words[opener:opener + 1] == ["input"]:
            # `Input: 227x227x3 images`, `Input volume: 32x32x3`, `Input image of size 32x32x3`, `The input is
            # 32x32x3`, `Input = 32 x 32 x 3 (RGB)`
            # `Input: a 32x32x3 image`, `Input: grayscale 28x28` (its depth said before its size)
            at = _skip(words, opener + 1, (*_INPUT_WORDS, "a", "an", *_COLOUR_WORDS, *_GREY_WORDS))
            # `Input volume W1 x H1 x D1 = 32 x 32 x 3`: the notes' letters first (width first as the notes write it,
            # the volume is read as written, as its answers are: the sides in the sheet's order)
            at = _letters_product(words, at)
            tokens, order = _in_order(self.tokens[at:])  # `Input: 3x32x32 (CxHxW)`, `torch.Size([1, 3, 32, 32])`
            closing = next((j for j, t in enumerate(tokens) if t.text in (")", "]")), 0)
            spelled = _spelled(tokens[:closing + 1]) if tokens[:1] and tokens[0].text in ("(", "[") else None
            if order is not None or spelled is not None:
                self.tokens = self.tokens[:at] + ([spelled, *tokens[closing + 1:]] if spelled is not None else tokens)
                words, kinds = [t.lower for t in self.tokens], [t.kind for t in self.tokens]
            end = len(words) - (words[-1:] == ["."])  # `Input: 32x32x3 image.`: a sentence's end
            flattened = _flattened_said(self.tokens, at, end)  # `…, flattened to 784`: the input's values, answered
            counts = None
            if flattened is not None:
                end, length = flattened
                counts = {"memory": self._count_token(length)}
            again = _input_restated(self.tokens, at, end)
            if again is not None:  # `Input: 28x28 grayscale image, i.e. 28x28x1`: the input as the volume said again
                self.tokens = [*self.tokens[:at], self.tokens[again],
                               *(t for t in self.tokens[at + 1:again] if t.lower not in _RESTATING)]
                words, kinds = [t.lower for t in self.tokens], [t.kind for t in self.tokens]
                end = len(words) - (words[-1:] == ["."])
            if words[end - 1:end] == [")"] and "(" in words[at:end]:  # `Input: 28x28x1 (MNIST)`: a remark of words
                opening = max(j for j in range(at, end) if words[j] == "(")
                if not any(k == "DIMS" for k in kinds[opening:end]) and \
                        not set(words[opening:end]) & (_COLOUR_WORDS | _GREY_WORDS | {"rgb"}):
                    end = opening
            if kinds[at:at + 1] == ["DIMS"] and all(w in _INPUT_WORDS or w in _DEPTH_WORDS or
                                                    w in ("(", ")", "a", "an") or (w == "," and j == at + 1)
                                                    for j, w in enumerate(words[at + 1:end], at + 1)):
                # (`32x32x3 (an RGB image)`, `32x32x3, an RGB image`)
                given = _shape(self.tokens[at], least=0)
                if given is not None and order is not None and len(given.dims) == 3:
                    given = _channels_first(given) if order == ir.CHW else given._replace(order=ir.HWC)
                said = set(words[opener:end])
                depth = 3 if said & _COLOUR_WORDS and not said & _GREY_WORDS else \
                    1 if said & _GREY_WORDS and not said & _COLOUR_WORDS else None
                if given is not None and len(given.dims) == 3:
                    if depth in (None, given.dims[2]):
                        return self.input(given, given.dims, counts)
                    self.sink.add(codes.E060, f"the input {given.text} has {given.dims[2]} channel"
                                              f"{'s' if given.dims[2] != 1 else ''}, but the line "
                                              f"calls it {'a colour' if depth == 3 else 'a one-channel'} image",
                                  given.span, hint="say the depth once: `HxWx3` for RGB, `HxWx1` for grayscale")
                    return None
                if given is not None and len(given.dims) == 2:  # `Input: 32x32 RGB image`, `Input: 28x28 grayscale`
                    datasets = {_DATASET_DEPTHS[w] for w in words[opener:] if w in _DATASET_DEPTHS}
                    if depth is None and len(datasets) == 1:  # `Input: 28x28 (MNIST)`
                        depth = datasets.pop()
                    if depth is not None:
                        return self.input(given, (*given.dims, depth), counts)
                    self.sink.add(codes.E060, f"the input {given.text} does not say its depth", given.span,
                                  hint=f"write `{given.text}x3` (or say RGB) for a colour image, `{given.text}x1` "
                                       f"(or say grayscale) for one channel")
                    return None
            if kinds[at:at + 1] == ["NUM"] and self.tokens[at].text.isdigit() and \
                    all(w in _VECTOR_WORDS for w in words[at + 1:]):  # `Input: 4096`, `Input: 784 values`: a vector
                given = _shape(self.tokens[at], least=0)
                if given is not None:
                    return self.input(given, given.dims)
            return None
        opening = words.index("(") if "(" in words else 0
        closing = words.index(")") if ")" in words else 0
        numbered = kinds[opening - 1:opening] == ["NUM"] and words[opening - 2:opening - 1] == ["layer"]
        if opening and closing + 1 < len(words) and words[closing + 1] == ":" and \
                all(k == "WORD" for k in kinds[:opening][:-1]) and (words[opening - 1] == "layer" or numbered):
            # `First layer (CONV1): 96 11x11x3 filters applied at stride 4`, `Layer 1 (CONV1): …`; another
            # parenthesis before a colon may be an answer's (`Weights (including biases): 760`), or prose
            self.opens = words[:opening - 1] == ["first"] or (numbered and self.tokens[opening - 1].text == "1")
            self.goes_on, self.first_said = not self.opens, self.opens
            name_tokens = self.tokens[opening + 1:closing]
            if not name_tokens:
                return None
            self.i = closing + 2
            return self.described(name_tokens, None)
        if _pool_letters(words):  # the notes' pooling layer, `Hyperparameters: F = 2, S = 2`: as `Pooling layer: …`
            lead_word = self.tokens[0]
            self.tokens = [Tok("WORD", "pooling", lead_word.start, lead_word.end),
                           Tok("WORD", "layer", lead_word.start, lead_word.end), *self.tokens[1:]]
            words, kinds = ["pooling", "layer", *words[1:]], ["WORD", "WORD", *kinds[1:]]
        filters = _filters_at(words, kinds)
        if filters is not None:
            # `10 different 5x5 filters with stride 1, pad 2`, `10 filters of size 5x5, …`, `Conv layer: 10 5x5 …`
            self.opens = True
            whole, self.tokens = self.tokens, self.tokens[filters:]
            if self.tokens[1:2] and self.tokens[1].lower == "different":
                del self.tokens[1]
            try:
                call = self.conv(Span(self.tokens[0].start, self.tokens[0].start),
                                 transposed=_transposed_said(words, filters))
                expectation = self.answers(None)  # `(760 params)`, `-> 32x32x10` on the statement's line
            except _Unreadable:
                self.unread_answered(whole)
                return None
            return self.line(call, expectation)
        global_pool = bool(words) and _layer_kind(words[0]) in ("globalavgpool", "globalmaxpool")  # no window
        pooled = None if global_pool else _pool_at(words, kinds)
        if pooled is not None:
            # `Max pooling with 2x2 filters and stride 2`, `POOL layer: 2x2 filters at stride 2`, `2x2 max pool, …`
            self.opens = self.unnamed = True
            at, keyword = pooled
            whole, self.tokens = self.tokens, self.tokens[at:]
            try:
                call = self.pool(keyword, Span(self.tokens[0].start, self.tokens[0].start))
                expectation = self.answers(None)  # `-> 16x16x10` on the statement's line
            except _Unreadable:
                self.unread_answered(whole)
                return None
            return self.line(call, expectation)
        if last is not None or has_input:
            unnamed = self.unnamed_layer(words)
            if unnamed is not None:
                return unnamed
        if last is None or not last.items or not isinstance(last.items[0], ir.LayerCall):
            lead = _lead(self.tokens)
            reported = self.sink.total
            an_answer = self._output_answer(words[lead:], kinds[lead:], self.tokens[lead:]) is not None or \
                self._count_answer(words[lead:], self.tokens[lead:]) is not None  # (read once: E060s said once)
            if an_answer and not has_input and self.sink.total == reported:
                self.sink.add(codes.E060, "an answer with no network above it: its input and layers were not read",
                              Span(self.start, self.end), hint="give the input (`Input volume: 32x32x3`) and state the "
                                                               "layer (`10 5x5 filters with stride 1, pad 2`) above it")
                return None
            if has_input and an_answer:
                self.sink.add(codes.E060, "an answer with no layer above it: the line that states the layer was not "
                                          "read as one", Span(self.start, self.end),
                              hint="state the layer as `10 5x5 filters with stride 1, pad 2` or `First layer (CONV1): "
                                   "96 11x11 filters at stride 4`")
                return self.unreadable(None, [])  # that layer, unknown: the answers after it are not judged without it
            return None
        return self.answer_line(lines, in_exercise, shared)

    def output_layer(self, words: list[str], kinds: list[str], last: ir.Line | None) -> ir.Line | None:
        """LeNet's last layer as its paper names it, `OUTPUT: 10 neurons` in capitals, or `Output layer: 10 neurons`,
        under a listing's named layers: an FC layer named `output`, with its answers after it as a listing line's
        (`, params 850`). So is `Output: 10 neurons` under a named layer whose own line answered already, when 10
        is not its size (an answer would say it again, not otherwise), or when an arrow and its answers follow, as on
        the listing's lines (`Output: 10 neurons -> 10, params 850`). In other cases `Output: 10 neurons` answers
        the layer above (`_values_answer`; E060 when it may be either)."""
        above = last.items[0] if last is not None and last.items else None
        at = 2 if words[1:2] == ["layer"] else 1
        role = words[0] if words[:1] and words[0] in _ROLE_NAMES and words[at:at + 1] == [":"] else None
        called = _call_at(words, at + 1) if role is not None else None
        if role is not None and (
                words[at + 1:at + 2] in (["fc"], ["dense"], ["linear"], ["affine"]) or
                words[at + 1:at + 3] == ["fully", "connected"] or (called is not None and
                                                                   _CALLS[words[called]][0] == "fc")):
            # `Output: FC 10 -> params = 850` (`OUTPUT: …`, `Output layer: fully connected 10`, `Output: FC(10)`,
            # `Classifier: FC 10`, `Final layer: …`): an FC layer named by its role, as LeNet's paper names its last;
            # its answers were read as an output of 850 (`Output:`), or the line was E060
            self.i = at + 1
            line = self.described([self.tokens[0]], None, "fc")
            call = line.items[0]
            return line._replace(items=(call._replace(label=role), *line.items[1:])) \
                if isinstance(call, ir.LayerCall) else line
        if not self.tokens or words[0] != "output" or words[at:at + 1] != [":"] or kinds[at + 1:at + 2] != ["NUM"] or \
                words[at + 2:at + 3] not in (["neurons"], ["units"]) or not isinstance(above, ir.LayerCall) or \
                above.label is None:
            return None
        if self.tokens[0].text != "OUTPUT" and at == 1:
            size = next((a.value.value for a in above.args if a.name == "units" and isinstance(a.value, ir.Num)),
                        None) if above.keyword == "fc" else None
            before = last.expectation if last is not None else None
            then = at + 3  # (after a remark of words in parentheses, `Output: 10 units (softmax) -> params 850`)
            if words[then:then + 1] == ["("] and ")" in words[then + 2:then + 5] and \
                    all(k == "WORD" for k in kinds[then + 1:words.index(")", then)]):
                then = words.index(")", then) + 1
            stated = kinds[then:then + 1] == ["ARROW"]  # `Output: 10 neurons -> 10, params 850`, as the listing's lines
            if str(size) == _ungrouped(self.tokens[2].text) or (not stated and (before is None or not any(
                    (earlier := getattr(before, quantity)) is not None and not earlier.agrees(count)
                    for quantity, count in _said_counts(self.tokens[4:]).items()))):
                return None
        self.i = at + 1
        name = self.tokens[0]
        line = self.described([Tok("WORD", "fc", name.start, name.end)], None)
        call = line.items[0]
        return line._replace(items=(call._replace(label="output"), *line.items[1:])) \
            if isinstance(call, ir.LayerCall) else line

    def part_answer(self, part: str, where: Span, answers: list[Tok], lines: list[ir.Line], in_exercise: bool,
                    shared: set[int] | None) -> _Answered | ir.Line | None:
        """An answer that names the part of the problem its layer was stated in (`MACs of (a): 3,612,672`, `Output
        for part (b) = …`): that layer's (it was judged against the last layer's, a right answer marked wrong). E060
        when no layer line above is that part, or the answer cannot be read."""
        index = next((i for i, line in enumerate(lines) if self.parts.get(part) == line.span), None)
        if index is None:
            self.sink.add(codes.E060, f"no layer stated in part ({part}) above to give this answer to", where,
                          hint="start the layer's line with its part, `(a) CONV1: 96 11x11 filters …`, or name the "
                               "layer: `CONV1 params: …`")
            return None
        self.tokens, reported = answers, self.sink.total
        answered = self.answer_line(lines, in_exercise, shared, index)
        if answered is None and self.sink.total == reported and not self.said_again:
            self.sink.add(codes.E060, f"cnncalc cannot read this answer to part ({part})", where,
                          hint="write it as `Output of (a): 55x55x96` or `Params of (a): 34,944`")
        return answered

    def named_answer(self, words: list[str], kinds: list[str], lines: list[ir.Line]) -> tuple[int, list[Tok]] | None:
        """`CONV1 output: 32x32x10, params 760`, `CONV1: 32x32x10, 760 params`, `FC1 params: 25,610`, and
        `CONV params: …` under one CONV layer: a line that starts with the name of a layer stated above and
        goes on with answers. Returns that layer's index in `lines` and the answers' tokens (a `:` after the
        name left out, `760 params` read as `params: 760`). None for anything else, and for `CONV1 output:
        55x55x96` alone, which `_after` reads (an answer unless it restates one); E060 when a kind without
        a number (`CONV`) names several layers above."""
        if words[:1] == ["layer"] and kinds[1:2] == ["NUM"] and len(words) > 2:
            return self.numbered_answer(words, lines)
        for k in (1, 2):  # `CONV1`, `CONV 1`
            if k >= len(words) or any(kind not in ("WORD", "NUM") for kind in kinds[:k]):
                return None
            rest = self.tokens[k:]
            possessive = words[k:k + 2] in (["'", "s"], ["’", "s"]) and k + 2 < len(words)  # `CONV1's output: …`
            if possessive:
                rest = rest[2:]
            ahead = [t.lower for t in rest]
            if not _answers_follow(rest):
                continue
            label = _label(self.tokens[:k])
            if k == 1 and label is None and self.restated_vector(words, rest, lines):
                return None
            above = label is not None and (self.labels is None or label in self.labels)
            if label is not None and (_layer_kind(" ".join(words[:k])) is not None or
                                      (above and _named_line(lines, label) is not None)):  # `L1 params: …` under `L1`
                index = _named_line(lines, label) if above else None
            elif k == 1 and (family := _family(words[0]) or _unnumbered(words[0], ahead, lines)) is not None and (
                    ahead[0] not in (":", "=") or ahead[1:2] in (["output"], ["out"]) or
                    _count_head(ahead, 1) is not None or (rest[1:2] and rest[1].kind == "NUM" and _labelled(rest[1:]))):
                # `FC params: …`, `FC: output 10`, `FC: 25,610 params` answer; `FC: [1x1x4096] …` and `FC: 10`
                # state another FC layer (the notes' VGGNet); `RELU output: …` answers the ReLU stated above
                kind = _layer_kind(words[0])  # a global pool answers a global pool, not the window's above it (`GAP
                global_pool = kind in ("globalavgpool", "globalmaxpool")  # -> 1x1x64` under a max pool was E060)
                same = [i for i, line in enumerate(lines) if line.items and isinstance(line.items[0], ir.LayerCall)
                        and (_family(line.items[0].keyword) or line.items[0].keyword) == family and
                        (not global_pool or line.items[0].keyword == kind)]
                last = lines[-1].items[0] if lines and lines[-1].items else None
                if len(same) > 1 and same[-1] == len(lines) - 1 and isinstance(last, ir.LayerCall) and \
                        last.label is None:  # answers after each layer: `CONV output: …` under the second `CONV:`
                    same = same[-1:]  # (under CONV2, which CONV is not said)
                if len(same) > 1:
                    self.sink.add(codes.E060, f"this answer is about a `{self.tokens[0].text}` layer, and "
                                              f"{len(same)} are stated above", self.tokens[0].span,
                                  hint=f"name the layers (`{self.tokens[0].text.upper()}1`, "
                                       f"`{self.tokens[0].text.upper()}2`) and the one each answer is about")
                    return None
                index = same[0] if same else None
            else:
                continue
            if index is None:
                width = _fc_width(self.tokens[:k]) if k == 2 else None
                if rest[0].kind == "ARROW" and (_layer_kind(" ".join(words[:k])) in _DESCRIBED or (
                        width is not None and not _number_or_width(width, _shape(rest[1]) if rest[1:2] else None))):
                    return None  # `GAP -> 1x1x64`, `ReLU -> 55x55x96`: a layer stated without numbers, then its output;
                    # `FC 4096 -> 4096`, `Dense 10 -> 10`: one stated with its width
                if width is not None and ahead[:1] in (["neurons"], ["units"], ["outputs"]) and ahead[1:2] != [":"]:
                    return None  # `FC 10 neurons`: a layer stated with its width (was E060, the layer unread)
                if width is not None and rest[0].kind == "ARROW" and (_stated_counts(rest[1:]) is not None or
                                                                      _count_head(ahead[1:], 0) is not None):
                    return None  # `Dense 10 -> 1,290 params`, no tenth FC layer above: one stated with its width (was
                    # E060, no layer DENSE 10 above, and the layer unread)
                glued = _glued_by_kind(self.tokens[0], rest, lines) if k == 1 else None
                if glued is not None:  # `CONV2 output: …`, `MAXPOOL1: 32x32x16` over unnamed layers: the second
                    return glued, _answers_after(rest)  # conv, the first pool, as cnncalc names them (was E060)
                numbered_kind = _layer_number(self.tokens[:k]) if k == 2 and ahead[0] not in (":", "=") else None
                of_kind = _kind_lines(lines, numbered_kind[1]) if numbered_kind and numbered_kind[1] else []
                said_number = _layer_place(self.tokens[1].text)
                if numbered_kind is not None and numbered_kind[1] is not None and (
                        0 < said_number <= len(of_kind) or any(_fc_units(lines[i]) == said_number for i in of_kind)):
                    # `Conv 2 output: …`, no CONV2 named: the second conv
                    index = self._numbered_line(self.tokens[:k], *numbered_kind, lines)
                    rest = _answers_after(rest)
                    return (index, rest) if index is not None and rest else None
                if ahead[0] not in (":", "="):  # `CONV1: 10 5x5 filters` states CONV1; `FC2 params: 100` answers
                    name = " ".join(t.text for t in self.tokens[:k])
                    kind = words[0].rstrip("0123456789")  # `FC1` under an `FC:` without a number
                    unnumbered = [line for line in lines if line.items and isinstance(line.items[0], ir.LayerCall)
                                  and line.items[0].label is None and _family(line.items[0].keyword) == _family(kind)]
                    self.maybe_layer = _layer_kind(words[0]) is not None  # (`FC 10 neurons: …` may state one)
                    self.sink.add(codes.E060, f"no layer {name.upper()} above to give this answer to",
                                  Span(self.tokens[0].start, self.tokens[k - 1].end),
                                  hint=f"the {kind.upper()} layer above has no number: write `{kind.upper()} output: …`"
                                  if len(unnumbered) == 1 and _family(kind) is not None else
                                  "name a layer written above, as in `CONV1 output: 32x32x10`")
                return None
            if label is not None and not possessive and ahead[0] in ("output", "out") and \
                    ahead[1:2] in ([":"], ["="]) and [t.kind for t in rest[2:3]] == ["DIMS"] and \
                    (len(rest) == 3 or _depth_said(rest[3:]) is not None):
                return None  # `CONV1 output: 55x55x96`: `_after`'s
            rest = _answers_after(rest)
            return (index, rest) if rest else None
        return None

    def restated_vector(self, words: list[str], rest: list[Tok], lines: list[ir.Line]) -> bool:
        """`FC: 10, 25,610 params` after a blank line below `FC: 10 neurons`, the last layer: another FC layer of 10
        with its count, or that layer's output and count? Which is not said: E060 (and True)."""
        if not (len(rest) > 3 and rest[0].text in (":", "=") and rest[1].kind == "NUM" and rest[2].text in (",", ";")
                and _stated_counts(rest[3:]) is not None and lines and lines[-1].items):
            return False
        last = lines[-1].items[0]
        if not self.after_blank or not isinstance(last, ir.LayerCall) or last.label is not None or \
                _family(last.keyword) != _family(words[0]):
            return False
        size = next((a.value for a in last.args if isinstance(a.value, ir.Num)), None)
        if size is None or str(size.value) != _ungrouped(rest[1].text):
            return False
        self.sink.add(codes.E060, f"this line may state another {self.tokens[0].text} layer of {rest[1].text} or "
                                  f"answer for the one above", Span(self.start, self.end),
                      hint=f"for answers write `{self.tokens[0].text} output: {rest[1].text}, …`; for a layer, "
                           f"`{self.tokens[0].text}: {rest[1].text} neurons`")
        return True

    def numbered_answer(self, words: list[str], lines: list[ir.Line]) -> tuple[int, list[Tok]] | None:
        """`Layer 2 output: 16x16x10`, `Layer 1 parameters: 760`, `Layer 3: 10, 25,610 params`: the answers for the
        layer numbered so above (`Layer 2: Max pool 2x2, stride 2` is POOL2); E060 when no layer, or several, end
        in that number."""
        rest = self.tokens[2:]
        if not _answers_follow(rest):
            return None
        number = self.tokens[1].text
        same = _numbered_lines(lines, number)
        if len(same) != 1:
            if not _joint(rest[0]) or same:  # `Layer 2: Max pool …` states the layer
                self.sink.add(codes.E060, _numbered_missing(same, number, "answer", lines),
                              Span(self.tokens[0].start, self.tokens[1].end),
                              hint="name the layer as the listing does, as in `CONV1 output: 32x32x10`")
            return None
        rest = _answers_after(rest)
        return (same[0], rest) if rest else None

    def answers_in_parts(self, parts: list[list[Tok]], lines: list[ir.Line], in_exercise: bool, has_input: bool,
                         shared: set[int] | None) -> _Answered | None:
        """A line's answers given as sentences or between `;` (`Parameters: 760. Output: 32x32x10.`, `CONV1 params:
        760; output: 32x32x10`): each part read as an answer line in turn, about the layer the first names or the
        last, or each about the layer it names when every part names one (`CONV1 output: 32x32x10; POOL1 output:
        16x16x10`); None (nothing reported) unless every part is one, and about one layer unless each is named, with
        `said_again` set when every part is an answer above said again."""
        sink, self.sink = self.sink, DiagnosticSink()
        by_line: dict[int, _Answered] = {}  # the last answer about each layer (it holds the earlier ones)
        name = parts[0][:1] if _part_named(parts[0]) else []  # `CONV1 params: 760; output: …`: CONV1's
        each_named = all(_part_named(part) or _of_numbered_layer(part) for part in parts)
        reported = False  # a part of answers each named that reads as none but says why (`… answers again …`)
        try:
            for part in parts:
                self.tokens, self.i, self.said_again = (part if _part_named(part) else [*name, *part]), 0, False
                before = self.sink.total
                said = self.worked(lines, in_exercise, has_input, shared)
                if said is None and self.said_again and self.sink.total == before:
                    continue  # an answer given above again, the same: nothing new, the other parts still read
                if not isinstance(said, _Answered):
                    reported = each_named and self.sink.total > before
                    if not reported:
                        self.said_again = False
                        return None
                    continue
                at = said.at if said.at >= 0 else len(lines) - 1
                if by_line and at not in by_line and not each_named:
                    return None  # answers about two layers, the second not named: the line as a whole (E060)
                by_line[at], lines = said._replace(at=at), [*lines[:at], said.line, *lines[at + 1:]]
        finally:
            said_here, self.sink = self.sink, sink
        if not by_line and not reported:
            return None
        for d in said_here.items:
            sink.add(d.code, d.message, d.span, d.hint, d.path, d.notes)
        if not by_line:
            return None  # (reported: the line is not read whole again, nor taken for prose)
        first, *more = by_line.values()
        return first._replace(more=tuple(more))

    def skip_added(self, words: list[str]) -> _SkipAdded | None:
        """A skip connection's line (`_adds_skip`) and its answers after an arrow (`-> 56x56x64`); None, after E060,
        when they cannot be read."""
        arrow = next((j for j, t in enumerate(self.tokens) if t.kind == "ARROW"), len(self.tokens))
        read, expectation = self.closing_answers(arrow, "answer the sum after an arrow: `Add the input (skip "
                                                        "connection) -> 56x56x64`")
        return _SkipAdded(expectation, Span(self.start, self.tokens[arrow - 1].end if arrow else self.end)) \
            if read else None

    def closing_answers(self, at: int, hint: str) -> tuple[bool, ir.Expectation | None]:
        """The answers from token `at` (an arrow) of a line that closes a block (a skip connection's add, a module's
        concatenation): whether they were read, and they; E060 with `hint` when they cannot be."""
        self.i = at
        try:
            return True, self.answers(None)
        except _Unreadable as e:
            self.sink.add(codes.E060, e.message, e.span, hint=hint)
            return False, None

    def ops_said(self, span: Span, unit: str) -> None:
        """E060 for a total of operations (`Total: 854M ops`, the CS231n slides' Inception module; `Total operations =
        …`): multiply-adds in some sources, FLOPs (2·MACs) in others."""
        self.sink.add(codes.E060, f"cnncalc cannot tell whether these {unit} are MACs or FLOPs (2·MACs): it judges "
                                  f"MACs", span, hint=f"{ir.FLOPS_HINT}: `Total MACs: 854M`")

    def concatenated(self, module: list[ir.Line]) -> _Concatenated | None:
        """A concatenation's line (`_concatenates`) and its answers after `:`, an arrow or the last `=` (`Filter
        concatenation: 28x28x(128+192+96+256) = 28x28x672`), with how many parts a sum of channels before them says
        (4), and whether what is above says the module's lines are its branches: a heading (`Inception module:`),
        or their answered outputs, of the concatenation's height and width, whose channels add up to its; None,
        after E060, when they cannot be read."""
        marks = [j for j, t in enumerate(self.tokens) if t.kind == "ARROW" or t.text in (":", "=")]
        span = Span(self.start, self.tokens[marks[0] - 1].end if marks and marks[0] else self.end)
        if not marks:
            return _Concatenated(None, span, None, self.module_said)
        last = max((j for j in marks if self.tokens[j].text == "="), default=marks[0])
        worked = self.tokens[marks[0] + 1:last]
        summed = [t for t in worked if t.kind == "NUM"]
        signs = [t.text for t in worked if t.kind == "P" and t.text not in ("(", ")")]
        parts = len(summed) if len(summed) >= 2 and signs and set(signs) == {"+"} else None
        self.tokens = [*self.tokens[:last], Tok("ARROW", "->", self.tokens[last].start, self.tokens[last].end),
                       *self.tokens[last + 1:]]
        read, expectation = self.closing_answers(last, "answer the concatenation after a colon: `Filter "
                                                       "concatenation: 28x28x672`")
        if not read:
            return None
        whole = expectation.shape.dims if expectation is not None and expectation.shape is not None else ()
        outputs = [line.expectation.shape.dims if line.expectation is not None and line.expectation.shape is not None
                   else () for line in module]
        adds_up = len(whole) == 3 and len(module) >= 2 and all(
            len(dims) == 3 and dims[:2] == whole[:2] for dims in outputs) and sum(d[2] for d in outputs) == whole[2]
        return _Concatenated(expectation, span, parts, self.module_said or adds_up)

    def input_counts(self, words: list[str]) -> _InputAnswered | None:
        """Counts answered on a line of their own right under the input, before any layer (`Memory: 3072`, `Input
        values: 32*32*3 = 3072`, `Number of input values: 3072`, `Params: 0`): the input's (they were E060, an answer
        with no layer above it, and every answer after them unjudged; or prose, a wrong count unjudged). None for
        any other line."""
        lead = _lead(self.tokens)
        at = lead + 2 * (words[lead:lead + 2] == ["number", "of"])
        said_input = words[at:at + 1] == ["input"]
        at += said_input
        if words[at:at + 1] == [] or words[at + 1:at + 2] not in ([":"], ["="], ["is"]):
            return None
        if words[at] in _INPUT_VALUE_NOUNS:
            head = Tok("WORD", "memory", self.tokens[at].start, self.tokens[at].end)  # its values: its memory
        elif words[at] in ir.ANSWER_WORDS and at == lead:
            head = self.tokens[at]
        else:
            return None
        counted = self._count_answers([head, *self.tokens[at + 1:]])
        return _InputAnswered(dict(counted)) if counted else None

    def answer_line(self, lines: list[ir.Line], in_exercise: bool, shared: set[int] | None,
                    about: int | None = None) -> _Answered | ir.Line | None:
        """The answers on a line of their own (`Output volume: 32x32x10`, `Params: 760, MACs: 768K`), judged
        for the layer `about` (its index in `lines`) when the line named it before them, else for the layer
        its question names or the last; None for prose."""
        words = [t.lower for t in self.tokens]
        kinds = [t.kind for t in self.tokens]
        lead = _lead(self.tokens)  # a bullet or an arrow before the answer: `- Parameters: 0`, `=> Output ...`
        above = lines[about if about is not None else self.headed if isinstance(self.headed, int) else -1] \
            if lines else None  # the layer answered: named, or a heading's, or the last
        final = above.items[-1] if above is not None and above.items else None
        vector = isinstance(final, ir.LayerCall) and _family(final.keyword) == "fc"
        alone = [t for t in self.tokens[lead:] if t.text not in (".", "!")]
        if not in_exercise and alone and alone[0].kind == "NUM" and alone[0].text.isdigit() and (
                (len(alone) == 1 and self.arrow_led) or
                (len(alone) > 2 and alone[1].text in (",", ";", "(") and _counts_named(alone[2:]))):
            # `=> 10, params 5770` (`-> 10`, `10, params 5770`) under a layer: a number alone as its answer is its
            # output, as after `Output:` (a vector's length; E060 under a convolution, below); it was prose, a wrong
            # answer passed over
            at = alone[0].start
            self.tokens = [*self.tokens[:lead], Tok("WORD", "output" if vector else "answer", at, at),
                           Tok("P", ":", at, at), *self.tokens[lead:]]
            words, kinds = [t.lower for t in self.tokens], [t.kind for t in self.tokens]
        # (an exercise's bare number is its square output's side: `What is the output? 3`; a fully connected one's is
        # its vector, `10`)
        shape = self._output_answer(words[lead:], kinds[lead:], self.tokens[lead:], side=in_exercise and not vector)
        if shape is not None and len(shape.dims) == 1 and not in_exercise and words[lead:lead + 1] in _BARE_LABELS \
                and isinstance(final, ir.LayerCall) and final.keyword in _VOLUME_KINDS:
            # `Answer: 11*11*3*96 + 96 = 34944` under a convolution: one number after a label that names nothing is
            # no volume, and may count the layer's parameters (read as its output, a right count was marked wrong)
            self.sink.add(codes.E060, f"this answer does not say what it answers: one number is not the volume a "
                                      f"{_WRITTEN_KINDS.get(final.keyword, final.keyword)} gives, and may count its "
                                      f"parameters or MACs", shape.span,
                          hint="say what it counts: `Params: 34,944`, `MACs: 105M`, `Output: 55x55x96`")
            return None
        counted = self._count_answers(self.tokens[lead:]) if not _weight_shape_said(words[lead:]) else {}
        # (`Params: 760`, `Params: 760, MACs: …`; not `Weights dimensions: 10x3x5x5`, a shape: it was E060 as a count)
        if shape is None:  # `Output: 4096 neurons`; `Output: 10 neurons, params = 850` may be a layer (E060)
            values = self._values_answer(words[lead:], self.tokens[lead:], above)
            if self.maybe_layer:  # a layer or an answer, not said: what follows rests on an unknown
                return self.unreadable(None, [])
            counted = counted or values
        said_sides = self._side_answers(words[lead:], self.tokens[lead:]) if shape is None else ()
        field = self._field_answer(words[lead:], self.tokens[lead:]) if shape is None else None
        padding = self._padding_answer(words[lead:], self.tokens[lead:]) if shape is None else None
        kernel = self._filter_shape_answer(words[lead:], self.tokens[lead:]) if shape is None else None
        if shape is None and not counted and not said_sides and field is None and padding is None and kernel is None:
            return None  # prose, or reported unreadable
        # `What is the output volume of CONV1? …`
        index = about if about is not None else self._asked_about(self.tokens[lead:], lines)
        if index is None:
            return None
        if self.changed is not None and about is None and index == len(lines) - 1:
            self.sink.add(codes.E060, _CHANGED_ABOVE.format(*self.changed), Span(self.start, self.end),
                          hint=_CHANGED_HINT)
            return None  # (the layer as written answered already: not `answers again`, which says it is the same)
        last = lines[index]
        before = last.expectation
        counts: dict[str, ir.Count | None] = {q: getattr(before, q) if before else None for q in ir.COUNTED}
        shape_again = False  # the output answered already, the same (the line's counts are still its own answers)
        square_above = before.shape if shape is not None and before is not None and before.shape is not None and \
            _another_volume(before.shape, shape) else None  # judged beside the volume, as a side (`Expectation.sides`)
        if shape is not None and before is not None and before.shape is not None and square_above is None:
            reported = self.sink.total
            if not self.restated(before.shape, shape):
                if self.sink.total > reported:
                    return None  # it says otherwise: E060
                shape_again = True
        new = [(q, c) for q, c in counted if counts[q] is None or self.restated(counts[q], c)]
        if counted and not new and shape is None:
            self.said_again = True
            return None  # answered already: a restatement (or E060, when it says otherwise)
        for quantity, count in new:
            counts[quantity] = count
        if shape is not None and shape.dims:  # `Output volume: 55x55x96 = 290,400 neurons`, `…, params 34,944`
            first = next((j for j in range(lead, len(self.tokens)) if self.tokens[j].start >= shape.span.start),
                         len(self.tokens))
            unread = self.tokens[lead + (words[lead:lead + 2] in (["answer", ":"], ["ans", ":"])) * 2:first]
            cut = max((j for j, t in enumerate(unread) if t.text in (";", ",", ".") or t.lower == "and"),
                      default=len(unread))
            unread = unread[:cut] or unread  # (the count's part: not `; the output is`)
            if not counted and any(t.kind == "NUM" for t in unread) and any(t.lower in ir.ANSWER_WORDS
                                                                            for t in unread):
                # `A: about 1,040 parameters; the output is …`: a count before the output that no form reads (it was
                # dropped in silence, a wrong count passing)
                self.sink.add(codes.E060, f"cnncalc cannot read `{_shown(unread)}` as a count, so it is not judged",
                              Span(unread[0].start, unread[-1].end),
                              hint="give the count on its own: `Params: 1,040`, or after the output: `Output: "
                                   "56x56x16, params 1,040`")
            # (in the line's order: `_count_then_output` moves a count written before the output after it)
            ends = [j for j, t in enumerate(self.tokens) if j >= lead and t.end == shape.span.end]
            trailing = self.values_aside(shape, self.tokens[ends[0] + 1:] if ends else
                                         [t for t in self.tokens[lead:] if t.start >= shape.span.end])
            if shape.square and ends and _value_then_working(self.tokens[ends[0]:]) is not None:
                trailing = _clause_after(trailing)  # `55 = (227-11)/4+1`: its working (checked as arithmetic, E046)
            if len(shape.dims) == 2:
                trailing = self.area_worked(shape, trailing)
            for quantity, count in self.trailing_counts(trailing).items():
                if counts[quantity] is not None and not self.restated(counts[quantity], count):
                    continue
                counts[quantity] = count
        if shape_again:
            fresh = [c for q, c in counts.items() if c is not None and c is not getattr(before, q)]
            if not fresh:
                self.said_again = True
                return None  # nothing new: a restatement
            shape, new = None, [("", fresh[0])]  # the first answer stands; the span starts at the new count
        if shared is not None and index in shared and not self.layer_named:  # (`RELU params: 0` names whose they are)
            self.unattributed(counts, lines[index - 1], last)
        sides = (before.sides if before else ()) + ((square_above,) if square_above is not None else ())
        new_sides = 0  # the line's sides not answered before (or answered with less)
        for side in said_sides:
            said = next((s for s in sides if s.axis == side.axis), None)
            if said is not None:
                reported = self.sink.total
                if not self.restated(said, side):
                    if len(said_sides) == 1 or self.sink.total > reported:
                        self.said_again = True
                        return None  # that side answered already: the same (a restatement), or otherwise (E060)
                    continue  # said again the same beside one not said yet (`W2 = 28, D2 = 6` under `W2 = … = 28`)
            sides = tuple(s for s in sides if s.axis != side.axis) + (side,)
            new_sides += 1
        if said_sides and not new_sides:
            self.said_again = True
            return None  # every side answered already, the same
        if field is not None and before is not None and before.field is not None and \
                not self.restated(_field_sides(before.field), _field_sides(field)):
            self.said_again = True
            return None  # the receptive field answered already
        if padding is not None and before is not None and before.padding is not None and \
                not self.restated(_field_sides(before.padding), _field_sides(padding)):
            self.said_again = True
            return None  # the padding answered already
        if kernel is not None and before is not None and before.filter_shape is not None and \
                not self.restated(before.filter_shape, kernel):
            self.said_again = True
            return None  # the filter's shape answered already
        span = shape.span if shape is not None else new[0][1].span if new else \
            said_sides[0].span.to(said_sides[-1].span) if said_sides else field.span if field is not None else \
            padding.span if padding is not None else kernel.span if kernel is not None else Span(self.start, self.end)
        expectation = ir.answered(shape or (before.shape if before else None), counts,
                                  before.span.to(span) if before else span, sides,
                                  field or (before.field if before else None),
                                  padding or (before.padding if before else None),
                                  before.received if before else None,  # (`Input to POOL1: …` above it)
                                  kernel or (before.filter_shape if before else None))
        if shape is not None:  # (said anywhere on the line: `Output = floor((128 - 5)/2) + 1 = 62, so the output is …`)
            last = _rounded_as_said(last, self.written or self.tokens[lead:])  # (a table's row: its cells read)
        return _Answered(last._replace(expectation=expectation), index)

    def unattributed(self, counts: dict[str, ir.Count | None], layer: ir.Line, under: ir.Line) -> None:
        """The counts answered after an activation stated alone under an unanswered layer (`CONV1: …`, `ReLU`,
        `Parameters: 34,944`) could be the activation's or the layer's with it: E060 for each, not a guess
        (either guess marks someone's right answer wrong). The output is both's, and its values: judged."""
        above, below = layer.items[0], under.items[0]
        assert isinstance(above, ir.LayerCall) and isinstance(below, ir.LayerCall)
        name, kind = (above.label or above.keyword).upper(), _WRITTEN_KINDS.get(below.keyword, below.keyword)
        for quantity in ir.COUNTED:
            count = counts[quantity]
            if quantity != "memory" and count is not None:
                self.sink.add(codes.E060, f"this {ir.NOUNS[quantity]} count could be the {kind}'s alone or {name}'s "
                                          f"with its {kind}", count.span,
                              hint=f"answer {name} before the `{kind}` line, write the {kind} on {name}'s line (`…, "
                                   f"{kind}`), or name it (`{kind.upper()}1: {kind}`)")
                counts[quantity] = None

    def values_aside(self, shape: ir.ShapeAnswer, tokens: list[Tok]) -> list[Tok]:
        """A number beside an output's volume, in parentheses or after a comma: `(= 290,400)`, `(55*55*96 = 290,400)`
        are its values worked out, read as `= 290,400` is (the tokens returned so); `(290,400)` or `, 290,400` alone
        is its values too when it is their number, and the depth said again when it is the depth (`55x55x96 (96)`:
        no tokens left); any other number alone is E060, what it counts not said (it was dropped, and a wrong count
        passed). Other tokens are returned as they are."""
        said = [t for t in tokens if t.text not in ("!", ".")]
        if len(said) == 2 and said[0].text in (",", ";") and said[1].kind == "NUM":
            inside = said[1:]  # `55x55x96, 290,400`
        elif len(said) >= 3 and said[0].text == "(" and said[-1].text == ")" and \
                not any(t.text in ("(", ")") for t in said[1:-1]):
            inside = said[1:-1]
        else:
            return tokens
        marker = max((j for j, t in enumerate(inside) if t.text == "="), default=None)
        if marker is not None:
            worked, value = inside[:marker], inside[marker + 1:]
            if value[:1] and value[0].kind == "NUM" and all(t.lower in _VALUE_WORDS for t in value[1:]) and \
                    all(t.kind in ("NUM", "DIMS") or t.text in _OPERATORS for t in worked):
                return inside[marker:]
            return tokens
        if len(inside) != 1 or inside[0].kind != "NUM":
            return tokens
        values = math.prod(shape.dims)
        try:
            count = self._count_token(inside[0])
        except _Unreadable:
            count = None
        if count is not None and len(shape.dims) != 2 and count.accepts(shape.dims[-1]):
            return []  # `55x55x96 (96)`, `10 (10)`: its depth or length again
        if count is not None and count.accepts(values):
            return [Tok("P", "=", inside[0].start, inside[0].start), inside[0]]
        if count is not None and count.in_bytes:
            return inside  # `55x55x96 (1.16MB)`: its values in bytes (`trailing_counts`)
        self.sink.add(codes.E060, f"cnncalc cannot tell what `{inside[0].text}` after {shape.text} counts",
                      inside[0].span, hint=f"say what it counts: `{shape.text} = {inside[0].text} values`, or "
                                           f"`Params: {inside[0].text}` on a line of its own")
        return []

    def area_worked(self, shape: ir.ShapeAnswer, tokens: list[Tok]) -> list[Tok]:
        """`Output: 32*32 = 1024`: after the height and width alone, `= N` is their product, the positions
        of one map, not the volume's values (10,240 for 32x32x10). The sides carry the answer; the product
        is its working, checked here: a slip in it is E060, never passed over. The tokens after it."""
        if len(tokens) < 2 or tokens[0].text != "=" or tokens[1].kind != "NUM":
            return tokens
        rest = tokens[2:]
        while rest and rest[0].lower in _VALUE_WORDS | _AREA_WORDS:
            rest = rest[1:]
        height, width = shape.dims
        try:
            count = self._count_token(tokens[1])
        except _Unreadable as e:
            self.sink.add(codes.E060, e.message, e.span,
                          hint="write the product as a whole number, as in `32*32 = 1024`")
            return rest
        if not count.accepts(height * width):
            self.sink.add(codes.E060, f"`{tokens[1].text}` after {shape.text} is not its height times its width "
                                      f"({height:,}·{width:,} = {height * width:,})", tokens[1].span,
                          hint=f"the output's values are its height, width and depth multiplied, as in "
                               f"`{height}x{width}xD = …`")
        return rest

    @staticmethod
    def _none_of(tokens: list[Tok]) -> dict[str, ir.Count] | None:
        """`no parameters`, `and no biases`, `with no weights` after a volume: that count is 0 (a pool's
        parameters; a convolution's biases, when a student says it has none). None for anything else."""
        words = [t.lower for t in tokens]
        at = _skip(words, 0, ("with", "and"))
        nothing: dict[str, ir.Count] = {}
        while True:  # `no params, no MACs`, `no weights and no biases`
            head = _count_head(words, at + 1) if words[at:at + 1] == ["no"] else None
            if head is None:
                return None
            end = at + 1 + len(head)
            nothing.setdefault(_COUNT_WORDS[head], ir.Count(0, 0, 1, "0", Span(tokens[at].start, tokens[end - 1].end)))
            if end == len(words):
                return nothing
            at = _skip(words, end, (",", "and", "or"))
            if at == end:
                return None

    def trailing_counts(self, tokens: list[Tok], values_read: bool = False) -> dict[str, ir.Count]:
        """Counts written after an output's volume on its line: `= 290,400` (`neurons`, `values`: the values
        of the volume, `32 * 32 * 10 = 10240` too), `, params 34,944`, `(34,944 params)`. Without a count's word
        or `=` it is a remark (`feature maps`, `about 3 times smaller`); with one, a count cnncalc cannot read is
        E060: never passed over."""
        rest = [t for t in tokens if t.text not in ("!", ".")]
        while rest and rest[0].text in (",", ";", "]", "|"):  # `[55x55x96], params: 34,944`, `… | params: …`
            rest = rest[1:]
        while rest[:1] and rest[0].lower in _VOLUME_NOUNS:
            rest = rest[1:]
        said = rest
        while said[:1] and said[0].lower in _TRAILING_LEADS:
            said = said[1:]  # `a 32x32x10 volume with 760 parameters`, `… and it has no parameters`
        bracketed = bool(said) and said[0].text == "(" and said[-1].text == ")" and \
            not any(t.text in ("(", ")") for t in said[1:-1])
        nothing = self._none_of(said[1:-1] if bracketed else said)  # `16x16x10, no parameters`, `(no parameters)`
        if nothing is not None:
            return nothing
        if said is not rest and any(t.kind == "NUM" for t in said):
            rest = said
        try:
            values = None if values_read else self.values_first(rest)
        except _Unreadable as e:  # `= 1e999 neurons`: a count beyond the limits
            self.sink.add(codes.E060, e.message, e.span, hint="write the values as a whole number, `= 290,400 values`")
            return {}
        if values is not None:  # `= 290,400 neurons, with 34,944 parameters`: the values, then the rest
            count, after = values
            counts = self.trailing_counts(after, values_read=True)
            again = counts.pop("memory", None)  # the values said again: `= 290,400 neurons = 290,400 values`
            if again is not None:
                reported = self.sink.total
                self.restated(count, again)  # E060 when it says another number
                if self.sink.total > reported:
                    return {}
            return {"memory": count, **counts}
        if [t.lower for t in rest[:2]] in (["there", "are"], ["there", "is"]) and any(t.kind == "NUM" for t in rest):
            rest = rest[2:]  # `… and there are 760 params`
        words = [t.lower for t in rest]
        if _count_head(words, next((len(h) for h in _COUNT_HEADS if words[:len(h)] == list(h)), 0)) is not None and \
                any(w in (":", "=", "is", "are", "equals") for w in words):
            # `…; number of parameters: 760`, `, params = 760`, `params: lots`, `and the number of parameters is 760`
            reported = self.sink.total
            counted = self._count_answers(rest)
            if counted or self.sink.total > reported:
                return dict(counted)
        in_bytes: dict[str, ir.Count] = {}
        try:
            if self.memory_in_bytes(in_bytes, said[1:-1] if bracketed else said):
                return in_bytes  # `55x55x96 (1.16 MB)`, `…, 1.16 MB`: its values in bytes (a remark, passed over: a
                # wrong one passed)
        except _Unreadable as e:  # `(1e99 MB)`: a count beyond the limits
            self.sink.add(codes.E060, e.message, e.span, hint="write the bytes as a number, `1.16 MB`")
            return {}
        if not any(t.kind in ("NUM", "DIMS") for t in rest) or not (
                rest[0].text == "=" or _counts_named(rest) or any(t.lower in _VALUE_WORDS for t in rest) or
                _bytes_said(rest)):
            return {}  # a remark: `feature maps`, `(HxWxC)`, `about 3 times smaller`
        try:
            if rest[0].text == "=" and len(rest) >= 2 and rest[1].kind == "NUM" and \
                    all(t.lower in _VALUE_WORDS for t in rest[2:]):
                return {"memory": self._count_token(rest[1])}
            self.tokens, self.i = rest, 0
            answer = self.answers(None)
        except _Unreadable as e:
            self.sink.add(codes.E060, e.message, e.span, hint="write each answer on a line of its own, as in "
                                                               "`Params: 34,944`")
            return {}
        return {} if answer is None else {q: c for q in ir.COUNTED if (c := getattr(answer, q)) is not None}

    def values_first(self, rest: list[Tok]) -> tuple[ir.Count, list[Tok]] | None:
        """The values of a volume said first after it, before other answers or alone (`= 290,400 neurons, with
        34,944 parameters`, `which is 290,400 neurons`, `so 290,400 activations`, `, 290,400 values, 34,944
        params`): their count and the tokens after them; None when the words after the volume do not start so."""
        at = next((j for j, t in enumerate(rest) if t.lower not in _VALUES_LEADS), len(rest))
        if at + 1 >= len(rest) or rest[at].kind != "NUM" or rest[at + 1].lower not in _VALUE_WORDS or \
                (not at and rest[at + 1].lower == "units"):
            return None  # (`28x28x6, 6 units`: units may be the maps)
        return self._count_token(rest[at]), rest[at + 2:]

    def _asked_about(self, tokens: list[Tok], lines: list[ir.Line]) -> int | None:
        """Which line above an answer on a line of its own is about: the layer its question names before
        the answer (`What is the output volume of CONV1? 55x55x96`, `Number of parameters in POOL1: 0`),
        else the last. None, after E060, when it names no layer above or more than one, or when it changes the layer
        (`_what_if`: `What is the output if we use stride 2?`, `… with 64 filters?`, `… for a 64x64x3 input?`: another
        layer, whose answer judged against this one would be marked wrong when right)."""
        ends = [j for j, t in enumerate(tokens) if t.text in ("?", ":", "=")]
        asking = tokens[:ends[0] if ends else len(tokens)]
        index = self._asked_line(asking, lines)
        changed = _what_if(asking, lines[index]) if index is not None and not self.telling else None
        if changed is not None:
            self.sink.add(codes.E060, f"the question sets `{changed[0]}`, which the layer above does not have: cnncalc "
                                      f"judges the layer as it is written", changed[1],
                          hint="write the changed layer on a line of its own (`CONV2: … stride 2`), then its answer")
            return None
        return index

    def _asked_line(self, asking: list[Tok], lines: list[ir.Line]) -> int | None:
        """`_asked_about`'s line, from the question's words before its `?`, `:` or `=`."""
        named = {label: t for t in asking if t.kind == "WORD" and (label := _label([t])) is not None and
                 (_layer_kind(t.lower) is not None or _named_line(lines, label) is not None)}  # `CONV1`, `L2`
        named.update({label: t for j, t in enumerate(asking[1:], 1) if len(t.text) == 1 and
                      (label := _label(asking[j - 1:j + 1])) is not None and
                      _named_line(lines, label) is not None})  # `Conv B`, a layer named by a letter after its kind
        asking = [t for j, t in enumerate(asking) if not (t.text == "#" and asking[j - 1].lower == "layer")]  # `Layer
        # #2` as `Layer 2`
        numbered = _layer_number(asking)
        if not named and numbered is not None:
            return self._numbered_line(asking, *numbered, lines)
        hidden = next((j for j in range(1, len(asking)) if asking[j].lower == "layer" and
                       asking[j - 1].lower == "hidden" and asking[j - 2].lower not in ("this", "that", "its")), None)
        mlp = len(lines) > 1 and len(_kind_lines(lines, "fc")) == len(lines)
        if not named and hidden is not None and mlp:  # `Params of the hidden layer: …`, `… of the 2nd hidden layer`
            return self._hidden_line(asking, hidden, lines)
        if not named and any(asking[j - 1].lower == "output" and t.lower == "layer"
                             for j, t in enumerate(asking[1:], 1)):
            return len(lines) - 1  # `Params of the output layer: …`: the last (under a heading too)
        placed = _placed([t.lower for t in asking])
        if not named and placed is not None:  # `The first conv layer has 608 parameters`, `… of the second layer`
            return self._placed_line(asking, placed, lines)
        if not named:
            beside = _beside_another(asking) or (_unknown_qualifier(asking) if len(lines) > 1 else None)
            if beside is not None:  # `Params of the layer before the pool: …`, `… of both conv layers: …`
                self.sink.add(codes.E060, f"this answer is about `{_shown(beside)}`: cnncalc cannot tell which one "
                                          f"layer that is", Span(beside[0].start, beside[-1].end),
                              hint="name the layer, as in `Params of CONV1: …`, or give a kind's total: `Total params "
                                   "in the CONV layers: …`")
                return None
            if isinstance(self.headed, str):  # under `Layer 1:` over CONV1 and FC1, `For CONV9:`
                self.sink.add(codes.E060, f"this answer is under the heading {self.headed}", Span(
                    asking[0].start if asking else self.start, asking[-1].end if asking else self.end),
                              hint="head the answers with a layer written above, as in `For CONV1:`, or name it in "
                                   "each answer: `CONV1 output: …`")
                return None
            above = self.headed if self.headed is not None else len(lines) - 1
            last = lines[above].items[0]
            stage = next((t for j, t in enumerate(asking[1:], 1) if t.lower in _STAGE_WORDS and
                          asking[j - 1].lower in ("after", "before", "the")), None)
            staged = _stage_placed(asking)
            if staged is not None:  # `the first ReLU`: the first of the ReLU lines above
                return self._staged_line(*staged, lines)
            if stage is not None and isinstance(last, ir.LayerCall) and last.keyword != stage.lower:
                # `Output after ReLU: …` under POOL1: the ReLU's (none above), not the pool's
                self.sink.add(codes.E060, f"this answer is about a `{stage.text}`, and the layer above is "
                                          f"{(last.label or last.keyword).upper()}", stage.span,
                              hint="answer under the layer it is about, or name it, as in `After RELU1: …`")
                return None
            subkind = next(((t, fits) for t in asking if t.kind == "WORD" for word, fits in _SUBKINDS.items()
                            if word.fullmatch(t.lower)), None)
            if subkind is not None and isinstance(last, ir.LayerCall) and not subkind[1](last):
                # `MACs of depthwise: …` under the pointwise convolution after it: the depthwise one's, when the
                # network has one (judged as the pointwise one's, a right count was marked wrong); else not said
                same = [i for i, line in enumerate(lines) if line.items and isinstance(line.items[0], ir.LayerCall)
                        and subkind[1](line.items[0])]
                if len(same) == 1:
                    return same[0]
                self.sink.add(codes.E060, f"this answer is about a `{subkind[0].text}` layer, and the layer above is "
                                          f"{(last.label or last.keyword).upper()}", subkind[0].span,
                              hint="name the layer, as in `What is the output volume of CONV1?`")
                return None
            kinds = {kind: t for t in asking if t.kind == "WORD" and (kind := _family(t.lower)) is not None}
            if kinds and isinstance(last, ir.LayerCall) and _family(last.keyword) not in kinds:
                # `Output volume of the conv layer: …` under POOL1: about another layer, the one of its kind when
                # the network has one (`How many parameters does the pooling layer have?` under FC1); else not said
                same = [i for i, line in enumerate(lines) if line.items and isinstance(line.items[0], ir.LayerCall)
                        and _family(line.items[0].keyword) in kinds]
                if len(same) == 1:
                    return same[0]
                said = next(iter(kinds.values()))
                self.sink.add(codes.E060, f"this answer is about a `{said.text}` layer, and the layer above is "
                                          f"{(last.label or last.keyword).upper()}", said.span,
                              hint="name the layer, as in `What is the output volume of CONV1?`")
                return None
            return above
        first = next(iter(named.values()))
        index = _named_line(lines, *named)
        if index is None and len(named) == 1:  # `Params of conv2: …` on a sheet that names no layer: the second conv
            index = _unnamed_by_kind(next(iter(named)), lines)
        if len(named) > 1 or index is None:
            where = Span(first.start, list(named.values())[-1].end)
            self.sink.add(codes.E060, f"this answer names {' and '.join(n.upper() for n in named)}; an answer is "
                                      f"about one layer" if len(named) > 1 else
                          f"no layer {first.text.upper()} above to give this answer to", where,
                          hint="ask about one layer written above, as in `What is the output volume of CONV1?`")
            return None
        return index

    def heading(self, tokens: list[Tok], lines: list[ir.Line]) -> int | str | None:
        """The layer a line names as a heading over its answers below (`_heading_reference`): its index in `lines`,
        when it names one layer above for certain; else why it names none (`` `Layer 1`: 2 layers above end in the
        number 1 ``), reporting nothing (a line that names none may head a layer's description, `Layer 3:` with the
        layer on the line below); None for a line that is no heading."""
        heading = _heading_reference(tokens) if lines else None
        if heading is None:
            return None
        sink, self.sink = self.sink, DiagnosticSink()
        try:
            index = self._asked_line(heading[0], lines)
        finally:
            said, self.sink = self.sink, sink
        self.named_heading, self.heading_said = heading[1], _shown(heading[0])
        return index if said.total == 0 and index is not None else \
            f"`{_shown(heading[0])}`, which names no one layer above" + (f" ({said.items[0].message})"
                                                                       if said.items else "")

    def _hidden_line(self, asking: list[Tok], at: int, lines: list[ir.Line]) -> int | None:
        """The index of an MLP's hidden layer an answer names (`the hidden layer`, `the second hidden layer`, the
        word `layer` at `at`): the FC layers above before the last, the output layer; the one there is, or the
        one in that place. None, after E060, when there is no such layer or which it is is not said (it was E060,
        the hidden layer no kind cnncalc reads)."""
        hidden = list(range(len(lines) - 1))  # (every layer an FC layer: the caller sees to it)
        ordinal = _ORDINALS.get(asking[at - 2].lower) if at >= 2 else None
        said = asking[at - 1 - (ordinal is not None):at + 1]
        if ordinal is None and len(hidden) == 1:
            return hidden[0]
        if ordinal is not None and -len(hidden) <= ordinal < len(hidden):
            return hidden[ordinal]
        self.sink.add(codes.E060, f"`{_shown(said)}`: " + (
            f"{len(hidden)} hidden layers above, and which is not said" if ordinal is None and hidden else
            "no such hidden layer above (a hidden layer is a fully connected layer of a network of them, before its "
            "last)"), Span(said[0].start, said[-1].end), hint="name the layer, as in `Params of FC1: …`")
        return None

    def _staged_line(self, ordinal: Tok, stage: Tok, lines: list[ir.Line]) -> int | None:
        """The index of the activation (or dropout) line an answer names by its place among its kind (`the first
        ReLU`, `the last ReLU`); None, after E060, when there is no such line above."""
        staged = [i for i, line in enumerate(lines) if line.items and isinstance(line.items[0], ir.LayerCall) and
                  line.items[0].keyword == stage.lower]
        place = _ORDINALS[ordinal.lower]
        if -len(staged) <= place < len(staged):
            return staged[place]
        self.sink.add(codes.E060, f"no {ordinal.text} `{stage.text}` above to give this answer to",
                      ordinal.span.to(stage.span), hint="name it, as in `After RELU1: …`")
        return None

    def _numbered_line(self, asking: list[Tok], at: int, kind: str | None, lines: list[ir.Line]) -> int | None:
        """The index of the layer an answer names by a number (`layer 3`, `conv layer 2`, `Conv 1`; the number at
        `at`, after the words of `kind`, if any): the line whose name ends in it, or the one in that place among
        all layers, or among that kind's (`conv layer 2` is the second convolution, or layer 2 when it is one). None,
        after E060, when there is no such layer or those are different layers (`layer 2` under CONV1, POOL1, CONV2:
        POOL1 by place, CONV2 by name)."""
        number = asking[at]
        place = _layer_place(number.text) - 1
        if kind is None:
            same = set(_numbered_lines(lines, number.text))
        else:
            of_kind = _kind_lines(lines, kind)  # (`Conv 3` is no layer 3, `conv layer 3` may be)
            named = [i for i in _numbered_lines(lines, number.text, asking[at - 1].lower == "layer") if i in of_kind]
            same = {*named, *(of_kind[place:place + 1] if place >= 0 else [])}
            wide = [i for i in of_kind if _fc_units(lines[i]) == place + 1] if kind == "fc" else []
            if not same and len(wide) == 1:
                return wide[0]  # `MACs of FC 10: …`: the one FC layer 10 wide, as `FC 4096` names one by its width
        if len(same) == 1:
            return same.pop()
        written = asking[at - 1 - (asking[at - 1].lower == "layer" and kind is not None):at + 1]  # `conv layer 3`
        said = Span(written[0].start if kind is not None else number.start, number.end)
        self.sink.add(codes.E060, _numbered_missing(sorted(same), number.text, "answer", lines)
                      if kind is None or len(same) != 2 else
                      f"`{_shown(written)}` may be "
                      f"{' or '.join(_shown_layer(lines, i) for i in sorted(same))}: cnncalc cannot tell which",
                      said, hint="name the layer as the listing does, as in `Number of parameters in CONV3: …`")
        return None

    def _placed_line(self, asking: list[Tok], placed: tuple[int, int, str | None], lines: list[ir.Line]
                     ) -> int | None:
        """The index of the layer an answer names by its place (`the first conv layer`, `the second layer`, `the
        last pooling layer`): among the layers of its kind, or among all when it names none and every layer above
        is a convolution, a pool or an FC layer (a ReLU on a line of its own makes `the second layer` one of two
        layers); None, after E060, when there is no such layer above or which it is cannot be told."""
        at, ordinal, kind = placed
        said = asking[at]
        if kind is not None:
            index = _kind_line(lines, ordinal, kind)
        else:
            layers = [i for i, line in enumerate(lines) if line.items and isinstance(line.items[0], ir.LayerCall)]
            counted = layers[:ordinal + 1] if ordinal >= 0 else layers[ordinal:]  # (up to the one it names)
            if any(_family(lines[i].items[0].keyword) is None for i in counted):  # type: ignore[union-attr]
                self.sink.add(codes.E060, f"which layer is the {said.text} cannot be told: a ReLU, norm or dropout "
                                          f"line may count as a layer or not", said.span,
                              hint="name the layer (`CONV1 has 608 parameters`) or its kind (`the first conv layer`)")
                return None
            index = layers[ordinal] if -len(layers) <= ordinal < len(layers) else None
        if index is None:
            self.sink.add(codes.E060, f"there is no {said.text} {kind + ' ' if kind else ''}layer above", said.span,
                          hint="name the layer, as in `CONV1 has 608 parameters`")
        return index

    def totals(self) -> list[ir.TotalExpectation] | None:
        """The network's totals a line states (`total`), several joined by `,`, `;`, `|` or `and` (`Total params: 156,
        total MACs: 117,600`, `Total params: 156; MACs: 117,600`, `Total: 156 params and 117,600 MACs`); None when it
        states none."""
        tokens = self.tokens
        words = [t.lower for t in tokens]
        joints = [j for j, t in enumerate(tokens) if (t.text in (",", ";", "|") or t.lower == "and") and not any(
            k + len(head) > j for k in range(max(0, j - 4), j) if (head := _count_head(words, k)) is not None)]
        # (not the `and` of `Total weights and biases: …`)
        # `…, total MACs: …`, `…; MACs: …` (a count's head after the first total: the network's too)
        cuts = [j for j in joints if j + 1 < len(tokens) and (tokens[j + 1].lower in ("total", "overall") or
                                                              _count_head(words, j + 1) is not None)]
        if cuts:  # each part a total line of its own
            parts = [tokens[a + 1 if a >= 0 else 0:b] for a, b in pairwise([-1, *cuts, len(tokens)])]
            parts[1:] = [part if part[0].lower in ("total", "overall") else
                         [Tok("WORD", "total", part[0].start, part[0].start), *part] for part in parts[1:]]
        else:
            parts = [tokens]
        found: list[ir.TotalExpectation] = []
        try:
            for part in parts:
                self.tokens, self.i = part, 0
                reported = self.sink.total
                said = self.total()
                if said is None:
                    if found and self.sink.total == reported:
                        self.sink.add(codes.E060, f"cnncalc does not understand `{_shown(part)}` after the total",
                                      Span(part[0].start, part[-1].end), hint="write each total on a line of its own")
                    return found or None
                found += said
            return found
        finally:  # the whole line again for what reads it next (a layer's answers: `Weights: 150, …, total: 156`)
            self.tokens, self.i = tokens, 0

    def network_output(self, tokens: list[Tok], said: int) -> list[ir.TotalExpectation] | None:
        """`Final output: 10`, `Network output: 1000 class scores`, `The network outputs 10 values`: the network's
        output, judged as the spec's `expect output 10`; E060 (and none) for a volume cnncalc cannot read, None
        (prose) when no volume follows."""
        rest = [t for t in tokens[said:] if t.text not in (".", "!") and t.lower not in _OUTPUT_UNIT_WORDS]
        while rest[:1] and rest[0].lower in ("size", "shape", "volume", "dimensions"):
            rest = rest[1:]  # `Final output size is 16x16x8`
        if rest[:1] and rest[0].text in (":", "=", "is", "are"):
            rest = rest[1:]
        if len(rest) != 1 or rest[0].kind not in ("DIMS", "NUM"):
            return None
        shape = _shape(Tok("DIMS", rest[0].text, rest[0].start, rest[0].end))
        if shape is None:
            self.not_a_volume(rest[0].text, rest[0].span)
            return []
        return [ir.TotalExpectation("output", "==", None, shape, Span(self.start, self.end))]

    def total(self) -> list[ir.TotalExpectation] | None:
        """`Total params: 62.4M`, `TOTAL parameters = 62,378,344`, `Total number of MACs: 1.1G` (also `Overall
        …`, `Sum of all parameters: …`, `Total learnable parameters …`, `Total parameter count: …`, `Params
        (total): …`), or the count before its word (`Total: 62.4M params`, `In total: …`, `The network has 62.4M
        parameters`): the network's total (E060 when its count cannot be read); None for any other line."""
        tokens = self.tokens[_lead(self.tokens):]
        words = [t.lower for t in tokens]
        if words[:2] == ["how", "many"]:
            return self.asked_total(words, tokens, 2)
        heading = next((len(head) for head in _NETWORK_OUTPUT_HEADS if words[:len(head)] == list(head)), 0)
        if heading:
            return self.network_output(tokens, heading)
        at = _skip(words, _opener(words), _CONNECTIVE_LEADS)
        if words[at:at + 1] == ["overall"] and words[at + 1:at + 2] in ([","], ["the"], ["this"], ["our"]):
            at = _skip(words, at + 1, (",",))  # `Overall, the network has …` (not `Overall params: …`)
        elif words[at:at + 2] in (["in", "total"], ["in", "all"]) and \
                words[_skip(words, at + 2, (",",)):][:1] in (["the"], ["this"], ["our"]):
            at = _skip(words, at + 2, (",",))  # `In total the network has …` (not `In total: …`, `In total, 62.4M …`)
        at = _skip(words, at, ("the", "this", "our", *_WHOLE))
        if words[at:at + 1] == ["total"] and words[at + 1:at + 3] in (["computational", "cost"],
                                                                        ["computational", "complexity"]):
            tokens, words = [*tokens[:at + 1], *tokens[at + 2:]], [*words[:at + 1], "cost", *words[at + 3:]]
            # `Total computational cost: 1.6M MACs`, as `Total cost: …` (it was prose)
        if words[at:at + 1] == ["total"] and words[at + 1:at + 2] and words[at + 1] in _COST_WORDS and \
                words[at + 2:at + 5] == ["(", "macs", ")"]:  # `Total operations (MACs): …`, as `Total MACs: …`
            tokens, words = [*tokens[:at + 1], tokens[at + 3], *tokens[at + 5:]], [*words[:at + 1], "macs",
                                                                                 *words[at + 5:]]
        if words[at:at + 1] == ["all"] and _count_head(words, at + 1) is not None:
            words[at] = "total"  # `All parameters: 25,578`, as `Total parameters: …` (it was prose)
        if words[at:at + 2] in (["memory", "of"], ["memory", "for"]) and words[at + 2:at + 3] == ["all"] and \
                _COUNT_WORDS.get(_count_head([*words[at:at + 2], *words[at + 3:]], 0) or ("memory",)) != "memory":
            # `Memory of all parameters: …`, as `Total memory of the parameters: …` (judged as the last layer's values)
            tokens = [*tokens[:at], tokens[at + 2]._replace(text="total"), *tokens[at:at + 2], *tokens[at + 3:]]
            words = [*words[:at], "total", *words[at:at + 2], *words[at + 3:]]
        if words[at:at + 1] and words[at] in _NETWORK_WORDS and words[at + 1:at + 2] in (["total"], ["overall"]):
            at += 1  # `Network total params = …`, as `Total params = …`
        if words[at:at + 2] in (["total", "("], ["overall", "("]) and ")" in words[at + 2:at + 6] and \
                _count_head(words, at + 2) is not None:  # `Total (params): …` as `Total params: …`
            close = words.index(")", at + 2)
            tokens = tokens[:at + 1] + tokens[at + 2:close] + tokens[close + 1:]
            words = words[:at + 1] + words[at + 2:close] + words[close + 1:]
        lead = next((len(w) for w in _TOTAL_LEADS if words[at:at + len(w)] == w), 0)
        if lead == 2 and words[at + 1] == ":" and words[at] in ("network", "model", "net") and \
                words[at - 1:at] not in ([w] for w in _WHOLE):
            lead = 0  # (`Network: …` alone names the network, or gives its input)
        if lead and words[at + lead:at + lead + 3] == ["a", "total", "of"]:
            lead += 3  # `The network has a total of 156 parameters.`
        if words[at:at + 2] == ["there", "are"] and not _said_in_all(words):
            lead = 0  # `There are 760 parameters`: the layer above's, or prose
        bare = not lead and words[at:at + 1] == ["total"] and [t.kind for t in tokens[at + 1:at + 2]] == ["NUM"]
        if bare:
            lead = 1  # `Total 62.4M params`, `TOTAL 62,378,344` (it was prose), as `Total: …`
        if lead:
            found = self.total_after(tokens, at + lead)  # `Total: 62.4M params`, `The network has 62.4M parameters`
            begin = max([j + 1 for j in range(at + lead, len(words)) if words[j] == "="], default=at + lead)
            rest = _untrailed(tokens[begin:]) if bare or words[at + lead - 1] in (":", "=") else []
            if found is None and len(rest) == 1 and rest[0].kind == "NUM":  # `Total: 34,944`, `Total = 34,848 + 96 = …`
                self.sink.add(codes.E060, "this total does not say what it counts", Span(tokens[at].start, rest[0].end),
                              hint="name it, as in `Total params: 34,944` or `Total MACs: 105M`")
            elif found is None and len(rest) == 2 and rest[0].kind == "NUM" and rest[1].lower in _OPS_WORDS:
                self.ops_said(Span(tokens[at].start, rest[1].end), rest[1].lower)  # `Total: 854M ops` (it was prose)
                return []
            return found
        if words[at:at + 2] == ["sum", "of"]:
            at = _skip(words, at + 2, ("all", "the")) - 1  # `Sum of all parameters: …`
        elif words[at:at + 1] not in (["total"], ["overall"]) and not (
                words[at:at + 1] in (["network"], ["model"]) and _count_head(words, at + 1) is not None):
            # (`Network params: …`, `Model MACs: …`, the network's own, read as `Total params: …`)
            for opening in _COUNT_HEADS:  # `Number of parameters in the network: …`
                after = _skip(words, at + len(opening), ("learnable", "trainable"))
                if words[at:at + len(opening)] == list(opening) and _count_head(words, after) is not None:
                    at = after
                    break
            at = _skip(words, at, ("learnable", "trainable"))  # `Learnable parameters in the network: …`
            head = _count_head(words, at)  # `Params (total): …`, `Params total: …`
            if head is not None and words[at + len(head):at + len(head) + 3] in ([":", "total", "="],
                                                                                [":", "total", ":"]):
                cut = at + len(head)  # `Params: total = 649,600` as `Params total = 649,600`
                tokens, words = tokens[:cut] + tokens[cut + 1:], words[:cut] + words[cut + 1:]
            if head is not None and words[at + len(head):at + len(head) + 2] in (["in", "total"], ["in", "all"]) \
                    and words[at + len(head) + 2:at + len(head) + 3] in ([":"], ["="]):
                cut = at + len(head)  # `Parameters in total = 584` as `Parameters total = 584` (a layer's, it was)
                total = tokens[cut + 1]._replace(text="total")
                tokens, words = [*tokens[:cut], total, *tokens[cut + 2:]], [*words[:cut], "total", *words[cut + 2:]]
            whole = closed = at
            if head is not None:  # `Params of the whole network: …`, `Params (whole network): …`
                whole = _skip(words, at + len(head), ("(", "of", "for", "in", "the", "this", "our", *_WHOLE))
                opened = words[at + len(head):at + len(head) + 1] == ["("]
                closed = whole + (opened and words[whole + 1:whole + 2] == [")"])
            said_whole = words[whole:whole + 1] + words[closed + 1:closed + 2]  # the network's word, then `:` or `=`
            if head is not None and whole > at + len(head) and said_whole in (
                    [w, m] for w in ("network", "model", "net", "cnn", "convnet") for m in (":", "=")):
                cut = at + len(head)
                tokens, words = tokens[:cut] + tokens[closed + 1:], words[:cut] + words[closed + 1:]
            elif head is None or (words[at + len(head):at + len(head) + 3] not in (["(", "total", ")"],
                                                                                   ["(", "overall", ")"]) and
                                  words[at + len(head):at + len(head) + 1] not in (["total"], ["overall"]) and
                                  not _plural_layers(words, at + len(head)) and
                                  not (_COUNT_WORDS[head] == "memory" and _every_value(words, at + len(head)))):
                return None  # (`Params of the conv layers: …`, `… of all layers:`: a kind's total, the network's)
            at -= 1
        at += 1 + next((len(head) for head in _COUNT_HEADS if words[at + 1:at + 1 + len(head)] == list(head)), 0)
        at = _skip(words, at, ("learnable", "trainable"))
        family = None
        named = _family_named(words, at)  # `Total CONV params: …`, `Total FC layer parameters: …`
        if named is not None and _count_head(words, named[1]) is not None:
            family, at = named
        if words[at:at + 2] == ["parameter", "count"]:  # `Total parameter count: …`
            words[at] = "parameters"
        head = _count_head(words, at)
        quantity = _TOTALS.get(_COUNT_WORDS[head]) if head is not None else None
        marker = _marker(words, tokens, at)
        if marker is None and head is not None and at + len(head) + 1 == len(tokens) and \
                tokens[at + len(head)].kind == "NUM":
            marker = at + len(head) - 1  # `Total params 26,370`: the count right after its word
        if head is None and words[at:at + 1] == ["flops"] and marker is not None and \
                any(t.kind == "NUM" for t in tokens[marker + 1:]):  # `Total FLOPs: 1.1G` (it was prose)
            self.sink.add(codes.E060, "cnncalc judges MACs, not FLOPs", tokens[at].span,
                          hint=f"{ir.FLOPS_HINT}: `Total MACs: 1.1G`")
            return []
        if head is None and words[at:at + 1] in (["ops"], ["operations"]) and marker is not None and \
                any(t.kind == "NUM" for t in tokens[marker + 1:]):  # `Total ops: 854M` (it was prose)
            self.ops_said(Span(tokens[0].start, tokens[-1].end), words[at])
            return []
        if head is not None and _COUNT_WORDS[head] == "connections" and marker is not None and \
                any(t.kind == "NUM" for t in tokens[marker + 1:]) and not _of_a_layer(tokens[at:marker]):
            # `Total connections: 778,240` (it was prose: a wrong one passed)
            self.sink.add(codes.E060, "cnncalc does not add up the network's connections, so this total is not judged",
                          Span(tokens[0].start, tokens[-1].end),
                          hint="answer each layer's connections on its line: `Connections: 778,240`")
            return []
        if quantity is None or marker is None or head is None or _of_a_layer(tokens[at:marker]):
            return None  # `Total params of CONV2: …`, `… in this layer`: that layer's count, not the network's
        said = words[at + len(head):marker]
        if _for_a_batch(said):  # `Total MACs for a batch of 2: …`: judged per image, it was wrong
            self.per_batch(Span(tokens[0].start, tokens[marker].end))  # (the whole name: `Total MACs for a batch`)
            return []
        which = _layers_named(said[:next((j for j, w in enumerate(said) if w in (":", "=", "≈", "?")), len(said))])
        if which is None:  # `Total params in the hidden layers: …`: not the network's, nor a kind cnncalc sums
            self.which_layers(Span(tokens[at].start, tokens[marker - 1].end))
            return []
        family = family or which or None
        if quantity == "activations" and "*" in words[marker:]:
            return None  # the notes' `TOTAL memory: 24M * 4 bytes ~= 93MB / image`: values, bytes and guesses mixed
        tokens = _in_unit_said(tokens, said, marker)  # `Total params (K): 26.37`
        count = self._last_count(words, tokens, marker, f"total {_TOTAL_NOUNS[quantity]}",
                                 values=quantity == "activations")
        return None if count is None else [ir.TotalExpectation(quantity, "==", count, None,
                                                               Span(self.start, self.end), family=family)]

    def asked_total(self, words: list[str], tokens: list[Tok], at: int) -> list[ir.TotalExpectation] | None:
        """`How many parameters does the network have? 26,370` (`… in the whole model?`): the network's total;
        `How many MACs in the CONV layers? …`: one kind's; `How many parameters in total? …`, said under a layer,
        the network's or that layer's whole count (as a total written between layers is); None when the question
        asks about no total (`How many parameters does CONV1 have?`, `How many parameters?`: a layer's count)."""
        at = _skip(words, at, ("learnable", "trainable"))
        head = _count_head(words, at)
        quantity = _TOTALS.get(_COUNT_WORDS[head]) if head is not None else None
        marker = _marker(words, tokens, at)
        if quantity is None or head is None or marker is None or words[marker] != "?" or \
                _of_a_layer(tokens[at:marker]) or any(t.kind == "WORD" and _layer_kind(t.lower) is not None and
                                                      _label([t]) is not None for t in tokens[at:marker]):
            return None  # `How many parameters in total does CONV1 have?`: that layer's count
        asked = words[at + len(head):marker]
        since = next((j for j, w in enumerate(asked) if w in ("in", "of", "for", "across")), None)
        upto = next((j for j, w in enumerate(asked) if w in ("layer", "layers")), None)
        # `… in the CONV layers?`, `… in the conv layers of the network?`: one kind's
        which = _layers_named(asked[since:upto + 1]) if since is not None and upto is not None and since < upto else ""
        whole = bool({"network", "model", "net", "cnn", "convnet", "whole", "entire"} & set(asked))
        if which is None or (whole and not which and {"layer", "layers"} & set(asked)):
            # `… in the hidden layers?`, `… does the network's first layer have?`: neither the network nor a kind
            self.which_layers(Span(tokens[at].start, tokens[marker - 1].end))
            return []
        if not which and not whole and not {"total", "overall", "altogether"} & set(asked):
            return None
        count = self._last_count(words, tokens, marker, f"total {_TOTAL_NOUNS[quantity]}",
                                 values=quantity == "activations")
        return None if count is None else [ir.TotalExpectation(quantity, "==", count, None, Span(self.start, self.end),
                                                               between=not (whole or which), family=which or None)]

    def which_layers(self, span: Span) -> None:
        """E060 for a total of layers cnncalc does not sum alone (`in the hidden layers`): neither the network's
        total nor one kind's (layers.FAMILIES), so not judged as either."""
        self.sink.add(codes.E060, "a total of which layers? cnncalc sums the whole network's, or one kind's", span,
                      hint="name a kind, as in `Total params in the CONV layers: …` (CONV, FC or pooling layers), "
                           "or give the network's total")

    def total_after(self, tokens: list[Tok], at: int) -> list[ir.TotalExpectation] | None:
        """The counts before their quantity's word, from `at`: `62.4M params`, `62,378,344 learnable parameters`,
        `156 params and 117,600 MACs`; None unless the words after the first count name a total cnncalc judges
        (after it, a part that does not is E060)."""
        parts: list[list[Tok]] = [[]]
        for t in tokens[at:]:
            if t.text in (",", ";") or t.lower == "and":
                parts.append([])
            elif t.text not in ("!", "."):
                parts[-1].append(t)
        found: list[ir.TotalExpectation] = []
        for part in filter(None, parts):  # `156 params, and 117,600 MACs`: nothing between `,` and `and`
            equals = [j for j, t in enumerate(part) if t.text == "="]
            if equals and equals[-1] + 1 < len(part):
                part = part[equals[-1] + 1:]  # `Total: 4,160 + 36,928 = 41,088 parameters`: the working's result
            rest, approximate = _approximate(_in_all_dropped(part))  # `… parameters in total`
            said = [t.lower for t in rest]
            named = _skip(said, 1, ("learnable", "trainable", "in", "total"))
            head = _count_head(said, named) if rest and rest[0].kind == "NUM" else None
            which = _layers_named(said[named + len(head):]) if head is not None and named + len(head) < len(rest) \
                else ""  # `Total: 760 params in the CONV layers`
            if which is None:
                self.which_layers(Span(part[0].start, part[-1].end))
                return found
            family = which or None
            if head is None or _COUNT_WORDS[head] not in _TOTALS or (named + len(head) != len(rest) and not family):
                if found:
                    self.sink.add(codes.E060, f"cnncalc does not understand `{_shown(part)}` after the total",
                                  Span(part[0].start, part[-1].end), hint="write each total on a line of its own")
                return found or None
            try:
                count = self._count_token(rest[0])
            except _Unreadable as e:
                self.sink.add(codes.E060, e.message, e.span, hint="write the count as `62,378,344` or `62.4M`")
                return found or None
            found.append(ir.TotalExpectation(_TOTALS[_COUNT_WORDS[head]], "==",
                                             count.approximate() if approximate else count, None,
                                             Span(self.start, self.end), family=family))
        return found

    def _last_count(self, words: list[str], tokens: list[Tok], marker: int, noun: str, *,
                    values: bool = False) -> ir.Count | None:
        """The count after the marker (`_marker`), an `A:` before it and a trailing quantity word or `!`
        allowed (`= 760 params`, `0!`, `? A: 760`; with `values`, a count of values: `Memory: 10,240 values`);
        E060 when it is not one."""
        if words[marker] in ("≈", "~", "=") and marker >= 2 and tokens[marker - 1].kind == "NUM" and \
                words[marker - 2] in (":", "=", "≈"):
            try:  # `Params: 457 ≈ 0.5K`, `… = 457 = 0.5K`: the exact count, then itself rounded (the rounded one alone
                # passed 457)
                said = self._count_token(tokens[marker - 1])
                restated = self.count_again(said, tokens[marker + (words[marker] == "="):])  # (`≈` says it is rounded)
            except _Unreadable as e:
                self.sink.add(codes.E060, e.message, e.span, hint="write the count as `34944`, `34,944` or `35K`")
                return None
            if restated is not None:
                return restated
            worked = _untrailed(tokens[marker + 1:])
            product = _dims_text(worked[0].text).split("x") if len(worked) == 1 and worked[0].kind == "DIMS" else []
            if words[marker] == "=" and (_arithmetic_count(worked) is not None or (
                    product and all(p.isascii() and p.isdigit() and len(p) <= limits.MAX_LITERAL_DIGITS
                                    for p in product))):
                return said  # `Params: 449 = 16 * 28`: the count said, then its working (its value alone passed 449);
                # `Params: 456 = 6 × 76`, a product written as a size
        after = _unwhole(_unended(tokens[marker + 1:]))
        if values and len(after) > 1 and after[-1].lower in _VALUE_WORDS:
            after = after[:-1]  # `Memory: 290,400 values`, `Activations: 290,400 neurons`
        if [t.lower for t in after[:2]] in (["a", ":"], ["answer", ":"], ["ans", ":"]):
            after = after[2:]
        while after and after[0].text in _LEADS:
            if after[0].text in ("-", "−") and len(after) > 1 and after[1].kind == "NUM" and \
                    after[1].start == after[0].end:  # `Params: -760`: a minus, not a bullet (760 was judged)
                self.sink.add(codes.E060, f"a {noun} count is not negative", Span(after[0].start, after[1].end),
                              hint="write the count as `34944`, `34,944` or `35K`")
                return None
            after = after[1:]
        whole = _untrailed(after)
        after, aside = _aside(after)
        if values and aside and len(after) > 1 and after[-1].lower in _VALUE_WORDS:
            after = after[:-1]  # `Memory: 290,400 values (1.16 MB)`
        after, approximate = _approximate(after)
        after = _untrailed(after)
        try:
            for written, beside in ((whole, []), (after, aside)):  # `96·(11·11·3 + 1)`; `11*11*3*96 + 96 (with biases)`
                value = _arithmetic_count(written) if not approximate else None
                if value is not None:  # `Params: (11*11*3 + 1)*96`: the count is its value
                    return self._with_aside(value, beside, memory=values)
            if len(after) > 1 and after[0].kind == "NUM":  # `It has 34,945 parameters, which is a lot.`
                unread = [t for t in _unended(tokens[marker + 1:]) if t.start >= after[1].start]  # (its last word)
                raise _Unreadable(f"cnncalc does not understand `{_shown(unread)}` after the {noun} count, so it "
                                  f"is not judged", Span(unread[0].start, unread[-1].end))
            if len(after) != 1 or (after[0].kind != "NUM" and after[0].lower not in _NONE_WORDS):
                where = "the last `=`" if words[marker] == "=" else f"the `{words[marker]}`"
                raise _Unreadable(f"expected the {noun} count after {where}, as in `= 35K`",
                                  Span(after[0].start, after[-1].end) if after else tokens[marker].span)
            count = self._count_token(after[0])
            return self._with_aside(count.approximate() if approximate or words[marker] in ("≈", "~") else count,
                                    aside, memory=values)
        except _Unreadable as e:
            self.sink.add(codes.E060, e.message, e.span, hint="write the count as `34944`, `34,944` or `35K`")
            return None

    def _with_aside(self, count: ir.Count, aside: list[Tok], *, memory: bool = False) -> ir.Count:
        """A count and what its parentheses say: its working (`760 (750 weights + 10 biases)`, `34,944 (=
        (11*11*3+1)*96)`), not judged; or the same count again, rounded or exact (`35K (34,944)`; a `memory`
        count in the other unit, `290,400 values (1.16 MB)`): the finer is judged, and two that disagree are E060
        (`_Unreadable`)."""
        again = _untrailed(_unmarked(aside))
        if _says_approximate(again):
            return count.approximate()  # `35,000 (approx.)`: rounded, as `~35,000` is (it was judged exact)
        restated = (self._in_other_unit(count, again) if memory else None) or self.count_again(count, aside)
        if restated is not None:
            return restated
        if any(t.kind == "NUM" for t in again) and any(t.lower in ir.ANSWER_WORDS for t in again) and \
                not any(t.text in _OPERATORS for t in again):
            # `760 (weights only 751)`: another count said in words cnncalc does not read, never dropped
            raise _Unreadable(f"cnncalc does not understand `({_shown(aside)})` after `{count.text}`",
                              Span(aside[0].start, aside[-1].end))
        return count

    def _in_other_unit(self, count: ir.Count, again: list[Tok]) -> ir.Count | None:
        """A memory count said again in the other unit, values and bytes (float32: 4 bytes a value), `290,400 values
        (1.16 MB)`, `1.16 MB (290,400 values)`: the finer of the two, to be judged (the values, when exact); two that
        disagree are E060 (`_Unreadable`). The one in parentheses was passed over: a wrong one passed. None: not
        such a count."""
        if len(again) > 1 and again[-1].lower in _VALUE_WORDS:
            again = again[:-1]
        if len(again) != 1 or again[0].kind != "NUM":
            return None
        other = self._count_token(again[0])
        if other.in_bytes == count.in_bytes:
            return None
        values, in_bytes = (count, other) if other.in_bytes else (other, count)
        if not (in_bytes.accepts_either(values.amount * BYTES_PER_VALUE) or
                values.accepts(in_bytes.amount // BYTES_PER_VALUE)):
            raise _Unreadable(f"`{values.text}` values and `{in_bytes.text}` are two different memory counts (a value "
                              f"is {BYTES_PER_VALUE} bytes)", count.span.to(other.span))
        return values if values.exact or not in_bytes.exact else in_bytes

    def count_again(self, count: ir.Count, again: list[Tok]) -> ir.Count | None:
        """The count said again after it, rounded or exact (`35K (34,944)`, `456 (~0.5K)`, `456, ~0.5K`): the
        finer of the two, to be judged; two that disagree are E060 (`_Unreadable`). None: not a lone count."""
        again, approximate = _approximate([t for t in again if t.text not in (*_MARKS, "!", ".", ",")])
        if len(again) != 1 or again[0].kind != "NUM":
            return None
        other = self._count_token(again[0])
        other = other.approximate() if approximate else other
        if not count.agrees(other):
            raise _Unreadable(f"`{count.text}` and `{other.text}` are two different counts",
                              count.span.to(other.span))
        finer = other.unit * 10**count.decimals < count.unit * 10**other.decimals
        return other if finer else count

    def named(self, words: list[str], kinds: list[str]) -> ir.Input | ir.Line | Literal[False] | None:
        """A line that starts with a name and a colon, its volume not first: the notes' breakdown (`CONV3-64:
        [224x224x64]  memory: …  weights: …`), or a listing line written `CONV1: 96 11x11 filters at stride 4
        -> [55x55x96]`, `CONV1 [55x55x96]: …` or `CONV1: [55x55x96] 96 11x11 filters …`. A listing line's name
        says a layer and carries its number (`ConvNet: preview` is prose). False: neither."""
        described = self.parenthesised(words, kinds)
        if described is not None:
            return described
        if ":" not in words or kinds[:1] != ["WORD"]:
            return False
        colon = words.index(":")
        name_end = words.index("[") if "[" in words[:colon] else colon  # `CONV1 [55x55x96]:`
        if not all(k in ("WORD", "NUM") or w == "-" for w, k in zip(words[:name_end], kinds)):
            return False
        if name_end == colon and words[colon + 1:colon + 2] == ["["] and not {"of", "after"} & set(words[:colon]) and \
                (words[:colon] == ["input"] or _layer_kind(" ".join(words[:colon])) is not None):
            closing = words.index("]", colon) if "]" in words[colon:] else len(words)
            after = words[closing + 1:]
            if not after or any(w in ir.ANSWER_WORDS and after[j + 1:j + 2] == [":"] for j, w in enumerate(after)):
                return self.breakdown(colon)  # nothing after the volume but the breakdown's `memory:`, `weights:`
        name_tokens = self.tokens[:name_end]
        kind = None  # the layer's kind when its description says it and its name does not (`L1: 10 5x5 filters, …`)
        if _label(name_tokens) is not None and _layer_kind(" ".join(words[:name_end])) is None and \
                name_end <= 2 and words[0] not in _HEADING_WORDS and words[0] not in ("after", "before") and \
                not _QUESTION.fullmatch(words[0]) and \
                not _ANSWER.fullmatch(words[0]) and not _UNREAD_KINDS.search(" ".join(words[:name_end])):
            kind = _described_kind(words[colon + 1:])
        if kind is None and (_label(name_tokens) is None or _layer_kind(" ".join(words[:name_end])) is None or
                             (_layer_kind(words[0]) is None and
                              words[0] not in ("max", "avg", "average", "local", "batch"))):
            return False  # `After CONV1: 55x55x96` is not a layer
        volume: object = None
        if name_end < colon:
            self.i = name_end
            volume = self.volume()
            if not self.at(":"):
                return False  # `FC6 [4096] units: …`: not a name and a colon
        self.i = colon + 1
        if volume is None and self.at("["):
            volume = self.volume()
        if volume is False:
            return False
        return self.described(name_tokens, volume, kind)

    def kind_named(self) -> None:
        """`Layer 1: CONV 96 11x11, stride 4` (`Layer 2 - max pool, 3x3, stride 2`): a layer numbered in words, its
        kind first in its description; the tokens rewritten as the listing names it, `CONV1: 96 11x11, stride 4`
        (unchanged when no kind follows)."""
        tokens = self.tokens
        kind_end = next((3 + len(kind) for kind in _KIND_WORDS
                         if [t.lower for t in tokens[3:3 + len(kind)]] == list(kind)), None)
        call = _call_at([t.lower for t in tokens], 3)  # `Layer 2: nn.MaxPool2d(2)`: the call says the kind, read as
        called = _CALLS[tokens[call].lower][0] if call is not None else None  # `POOL2: nn.MaxPool2d(2)`
        if kind_end is None and called is not None:
            named = {"conv": "CONV", "deconv": "DECONV", "fc": "FC", "batchnorm": "BN"}.get(called, "POOL")
            self.tokens = [Tok("WORD", named + tokens[1].text, tokens[0].start, tokens[1].end),
                           Tok("P", ":", tokens[2].start, tokens[2].end), *tokens[3:]]
            return
        if kind_end is None:
            return
        number, last = tokens[1], tokens[kind_end - 1]
        colon = Tok("P", ":", tokens[2].start, tokens[2].end)
        rest = tokens[kind_end:]
        if rest[:1] and rest[0].text == ",":  # `Layer 3 - conv, 256 filters 5x5`
            rest = rest[1:]
        short = "FC" if [t.lower for t in tokens[3:kind_end]] == ["fully", "connected"] else last.text  # FC3
        self.tokens = [*tokens[3:kind_end - 1], Tok("WORD", short + number.text, last.start, last.end), colon,
                       *rest]

    def loosely_named(self, words: list[str], kinds: list[str]) -> ir.Line | None:
        """`CONV1 96 11x11 filters at stride 4`, `CONV1 - 96 …`, `CONV1 = …`, `CONV1 layer: …`, `CONV1 with
        96 …`, `MAX POOL1 has 3x3 filters …`: a layer's name, then its description after a word or mark
        other than a colon; a name that says a layer without numbers, then its answers (`RELU1 -> 55x55x96`). A
        line that starts so and holds a number states a layer: when its description cannot be read it is E060 and
        the layer stays, unknown, so that the answers after it are not judged on the layers before it. None for any
        other line (`CONV1 output: …`, prose)."""
        name_end = 2 if words[:1] in (["max"], ["avg"], ["average"]) else 1
        name_tokens = self.tokens[:name_end]
        if kinds[:name_end] != ["WORD"] * name_end or _label(name_tokens) is None or \
                _layer_kind(" ".join(words[:name_end])) is None or \
                not any(k in ("NUM", "DIMS") for k in kinds[name_end:]):
            return None
        if _layer_kind(" ".join(words[:name_end])) in _DESCRIBED and _arrow(self.tokens, name_end) == name_end:
            self.tokens, self.i = _one_arrow(self.tokens), name_end  # `RELU1 -> 55x55x96`: its name says it all
            return self.described(name_tokens, None)
        at = _skip(words, name_end, _LOOSE_JOINTS)
        letters = words[at:at + 1] != [] and words[at] in _LETTERS and words[at + 1:at + 2] in (["="], [":"])
        if (at == name_end and kinds[at:at + 1] not in (["NUM"], ["DIMS"]) and not letters) or \
                words[at:at + 1] == ["output"] or \
                (words[name_end] == "-" and self.tokens[name_end].start == self.tokens[name_end - 1].end):
            return None  # `CONV3-64`: the VGG paper's name for a layer, not a name and its description
        self.i = at
        return self.described(name_tokens, None)

    def parenthesised(self, words: list[str], kinds: list[str]) -> ir.Line | None:
        """`CONV1 (96 11x11 filters, stride 4, pad 0)`, then answers if any: the description in parentheses
        after a layer's name, read as after its colon. None for any other line (a call, `convolution2dLayer(11,
        96)`, has no space before its parenthesis)."""
        opening = words.index("(") if "(" in words else 0
        if not opening or self.tokens[opening].start == self.tokens[opening - 1].end or ":" in words[:opening] or \
                not all(k in ("WORD", "NUM") for k in kinds[:opening]) or \
                _label(self.tokens[:opening]) is None or _layer_kind(" ".join(words[:opening])) is None:
            return None
        depth, closing = 0, None
        for j in range(opening, len(words)):
            depth += (words[j] == "(") - (words[j] == ")")
            if depth == 0:
                closing = j
                break
        if closing is None or closing == opening + 1:
            return None
        after = self.tokens[closing + 1:]
        inside = tuple(words[opening + 1:closing])
        activation = "softmax" if inside == ("softmax",) else _AFTER_OPTIONS.get(inside)
        width = _fc_width(self.tokens[:opening]) if activation is not None else None
        if activation is not None and width is not None:  # `Dense 10 (softmax)`: the layer, then its activation
            said = ir.LayerCall(activation, (), None, Span(self.tokens[opening].start, self.tokens[closing].end))
            name_tokens = self.tokens[:1]
            self.tokens, self.i = [*name_tokens, width, *after], 1
            line = self.described(name_tokens, None)
            read = bool(line.items) and isinstance(line.items[0], ir.LayerCall) and line.items[0].valid
            return line._replace(items=(*line.items, said)) if read else line
        if after[:1] and after[0].text == ":":  # `CONV1 (96 11x11 filters, stride 4): 55x55x96`: its answers
            if kinds[opening + 1] not in ("NUM", "DIMS") and not (
                    words[opening + 1] in _LETTERS and words[opening + 2:opening + 3] in (["="], [":"])):
                return None  # `First layer (CONV1): …`, a name in the parentheses (not the letters, `(K=6, F=5)`)
            after = [Tok("ARROW", "->", after[0].start, after[0].end), *after[1:]]
        name_tokens = self.tokens[:opening]
        self.tokens = name_tokens + self.tokens[opening + 1:closing] + after
        self.i = opening
        return self.described(name_tokens, None)

    def breakdown(self, colon: int) -> ir.Input | ir.Line | None:
        """A line of the CS231n notes' VGGNet breakdown, `NAME: [volume]` then `memory:` and `weights:`
        answers, each its count after the last `=` (`memory:  224*224*64=3.2M   weights: (3*3*3)*64 = 1,728`).
        The name says the layer, as the VGG paper's table does: `INPUT`, `CONV3-64` (64 3x3 filters,
        stride 1, the padding that keeps the size), `POOL2` (2x2 max pooling at stride 2), `FC` (as wide
        as its volume), `SOFTMAX`."""
        name_tokens = self.tokens[:colon]
        name = "".join(t.lower for t in name_tokens)
        name_span = Span(name_tokens[0].start, name_tokens[-1].end) if name_tokens else Span(self.start, self.start)
        self.i = colon + 1
        volume = self.volume()
        if volume is False:
            return None
        shape = volume if isinstance(volume, ir.ShapeAnswer) else None
        counts: dict[str, ir.Count] = {}
        try:
            counts = self.breakdown_counts()
            call = self.breakdown_layer(name, name_span, shape)
        except _Unreadable as e:
            self.sink.add(codes.E060, e.message, e.span, hint="the notes' breakdown reads `CONV3-64: [224x224x64]  "
                                                              "memory:  224*224*64=3.2M   weights: (3*3*3)*64 = 1,728`")
            return None if name == "input" else self.unreadable(shape, [], counts)  # numbered as the others are
        if call is None:  # the input, its memory and weights answered for it
            return self.input(shape, shape.dims, counts) if shape is not None else None
        answer = None
        if shape is not None or counts:
            span = shape.span if shape is not None else next(iter(counts.values())).span
            for count in counts.values():
                span = span.to(count.span)
            answer = ir.answered(shape, counts, span)
        # the names say the kind, not which layer (`CONV3-64` twice, `POOL2` five times): cnncalc numbers them
        return ir.Line((call,), answer, Span(self.start, self.end))

    def breakdown_counts(self) -> dict[str, ir.Count]:
        """`memory:  224*224*64=3.2M   weights: (3*3*3)*64 = 1,728`: each quantity's count after its last `=`."""
        counts: dict[str, ir.Count] = {}
        rest = self.tokens[self.i:]
        starts = [j for j, t in enumerate(rest) if t.lower in ir.ANSWER_WORDS and rest[j + 1:j + 2] and
                  rest[j + 1].text == ":"]
        if rest and (not starts or starts[0] != 0):
            end = rest[starts[0] - 1].end if starts else rest[-1].end
            raise _Unreadable(f"cnncalc does not understand `{_shown(rest[:starts[0] if starts else None])}` here",
                              Span(rest[0].start, end))
        for j, k in zip(starts, starts[1:] + [len(rest)]):
            word, part = rest[j], rest[j + 2:k]
            marks = [m for m, t in enumerate(part) if t.text == "="]
            after = part[marks[-1] + 1:] if marks else part
            after = _untrailed(after)
            if len(after) != 1 or after[0].kind != "NUM":
                where = Span(after[0].start, after[-1].end) if after else word.span
                raise _Unreadable(f"expected the {ir.NOUNS[_quantity(word)]} count after `{word.text}:`, as in "
                                  f"`{word.text}: 3*3*64 = 1,728`", where)
            if _quantity(word) in counts:
                raise _Unreadable(f"`{word.text}` is given twice", word.span)
            counts[_quantity(word)] = self._count_token(after[0])
        return counts

    def breakdown_layer(self, name: str, name_span: Span, shape: ir.ShapeAnswer | None) -> ir.LayerCall | None:
        """The layer a breakdown line's name says; None for `INPUT`."""
        def num(value: int) -> ir.Num:
            return ir.Num(value, name_span)

        def pair(value: int) -> ir.PairLit:
            return ir.PairLit((num(value), num(value)), name_span)

        conv = re.fullmatch(r"conv([0-9]{1,4})-([0-9]{1,7})", name)
        # the notes' POOL2: a window of 2 (not a number); unnumbered (the VGG paper's `maxpool`), the name says none
        pool = re.fullmatch(r"(?:max[- ]?)?pool(?:ing)?([0-9]{1,4})?", name)
        if name == "input":
            if shape is None or len(shape.dims) != 3:
                raise _Unreadable("the input's volume is `HxWxC`, as in `INPUT: [224x224x3]`", name_span)
            return None
        if conv is not None:
            kernel, filters = int(conv.group(1)), int(conv.group(2))
            if kernel % 2 == 0 or not kernel or not filters:
                raise _Unreadable(f"`{name.upper()}`: VGG's convolutions have an odd size, padded to keep the map's "
                                  f"(conv3-64)", name_span)
            # (the slides' breakdown says `(not counting biases)` above it: `said_once`)
            return ir.LayerCall("conv", tuple(self.said_once([ir.Arg("out_channels", num(filters), name_span),
                                                              ir.Arg("kernel", pair(kernel), name_span),
                                                              ir.Arg("pad", num(kernel // 2), name_span)], None)),
                                None, name_span)
        if pool is not None:
            size = int(pool.group(1) or 0)
            if size != 2:  # AlexNet's POOL1 … POOL3 are numbered: which window, the name does not say
                raise _Unreadable(f"`{name.upper()}` does not say its window (the notes' POOL2 is a 2x2 pool at "
                                  f"stride 2): give it, as in `{name.upper()} (f=2, s=2)` or `{name.upper()}: 3x3 "
                                  f"filters at stride 2`", name_span)
            return ir.LayerCall("maxpool", (ir.Arg("kernel", pair(size), name_span),
                                            ir.Arg("stride", num(size), name_span)), None, name_span)
        vector = shape is not None and (len(shape.dims) == 1 or shape.dims[:2] == (1, 1))
        if re.fullmatch(r"fc[0-9]*|f[0-9]+", name) or (name == "output" and vector):  # (LeNet's F6 and its output)
            if shape is not None and len(shape.dims) == 2 and shape.dims[1] == 1:  # Ng's column vector `(120, 1)`
                shape = shape._replace(dims=shape.dims[:1])
            if shape is None or (len(shape.dims) == 3 and shape.dims[:2] != (1, 1)) or len(shape.dims) == 2:
                raise _Unreadable(f"`{name.upper()}` is as wide as its volume: write it, as in `FC: [1x1x4096]`",
                                  name_span)
            return ir.LayerCall("fc", tuple(self.said_once([ir.Arg("units", num(shape.dims[-1]), shape.span)], None)),
                                None, name_span)
        if name in ("softmax", "soft-max", "flatten", "relu", "dropout"):  # (no numbers: Keras' summary's rows too)
            return ir.LayerCall(name.replace("-", ""), (), None, name_span)
        raise _Unreadable(f"`{name.upper() or '(no name)'}` is not a layer of the notes' breakdown (INPUT, CONV3-64, "
                          f"POOL2, FC, SOFTMAX, FLATTEN, RELU, DROPOUT)", name_span)

    def exercise(self) -> _Exercise | None:
        """`Assume, input image is 7x7 filter is 3x3 stride is 2`, `e.g. input 7x7, filter 3x3, applied with
        **stride 1, pad** with **1 pixel** => what is the output?`, `input 7x7, filter 3x3, stride 2 =>
        output 3x3`, `Input 32x32, 5x5 filter, …`, `7x7 input, 3x3 filter, …`, `Input: 7x7. Filter: 3x3.
        Stride: 2. Output: 3x3`, `Input 5x5x3, 2 filters 3x3x3, …`, `… 5x5x3 filter, 10 filters, …`: filters on an
        input (one filter, and a depth of 1, unless given). None unless the line starts so."""
        tokens = [t for t in self.tokens if t.text != "*"]  # the slides' markdown bold
        words = [t.lower for t in tokens]
        asked = _asked_after(words)  # `Input 7x7, filter 3x3, stride 2. What is the output? 3x3`
        if asked is not None:
            tokens, words, question = tokens[:asked], words[:asked], tokens[asked + 1:]
        if "input" not in words:
            return None
        at = words.index("input")
        before = at - 1 if at and tokens[at - 1].kind == "DIMS" else at  # `7x7 input, …`
        if not set(words[_lead(tokens):before]) <= _EXERCISE_LEAD:  # `Q2: input 7x7, …` is numbered
            return None
        i = before if before < at else _skip(words, at + 1, ("image", "is", "of", "size", ":", ","))
        if i >= len(tokens) or tokens[i].kind != "DIMS":
            return None
        volume = tokens[i]
        i = _skip(words, i + 1 if before == at else at + 1, (",", ".", "and", "a", "the", "with", "one", "single"))
        filters = None
        if (i + 1 < len(tokens) and tokens[i].kind == "NUM" and words[i + 1] in ("filters", "kernels")) or \
                (i + 2 < len(tokens) and tokens[i].kind == "NUM" and tokens[i + 1].kind == "DIMS" and \
                words[i + 2] in ("filters", "kernels")):
            filters, i = tokens[i], i + 1  # `2 filters 3x3x3`, `2 3x3x3 filters`
        if i + 1 < len(tokens) and tokens[i].kind == "DIMS" and words[i + 1] in ("filter", "kernel", "filters",
                                                                                  "kernels"):
            size, i = tokens[i], i + 2  # `5x5 filter`
        elif i < len(tokens) and words[i] in ("filter", "kernel", "filters", "kernels"):
            i = _skip(words, i + 1, ("is", "of", "size", ":"))
            if i >= len(tokens) or tokens[i].kind != "DIMS":
                return None
            size, i = tokens[i], i + 1
        else:
            return None
        k = i + (words[i:i + 1] == [","])  # `5x5x3 filter, 10 filters`
        if filters is None and tokens[k:k + 1] and tokens[k].kind == "NUM" and words[k + 1:k + 2] in (["filters"],
                                                                                                       ["kernels"]):
            filters, i = tokens[k], k + 2
        stated, tail = [volume, size], list[Tok]()
        for j, t in enumerate(tokens[i:], i):
            if tail or t.text in ("=", "?") or t.kind == "ARROW" or t.lower == "output":
                tail.append(t)  # `=> what is the output?`, `=> output 3x3`, `Output: 3x3`
            elif t.text == ":" and tokens[j - 1].kind in ("NUM", "DIMS") and j + 1 < len(tokens):
                tail = tokens[j + 1:]  # after the last option's value, `stride 2: 3x3 output`
                break
            elif not (t.lower in ("is", "pixel", "pixels", ".", ":") or (t.lower == "at" and stated[-1] is size) or
                      (t.lower == "with" and stated[-1].lower in OPTION_WORDS)):  # `pad with 1 pixel`
                stated.append(t)
        start = self.volume_input(volume)
        if start is None:
            return None
        self.tokens, self.i = ([] if filters is None else [filters]) + stated[1:], 0
        try:
            number = None if filters is None else self.expect_number("the number of filters")
            kernel = self.kernel()
            options = self.options({"stride", "pad"})
            self.end_of_line("the filter")
        except _Unreadable as e:
            self.sink.add(codes.E060, e.message, e.span,
                          hint="the exercise reads `input 7x7, filter 3x3, stride 2, pad 1`")
            return None
        whole = Span(self.start, self.end)
        count = ir.Arg("out_channels", ir.Num(1, kernel.span), kernel.span) if number is None else \
            ir.Arg("out_channels", ir.Num(*number), number[1])
        call = ir.LayerCall("conv", (count, ir.Arg("kernel", kernel, kernel.span), *options), None,
                            Span(volume.start, max([kernel.span.end] + [a.span.end for a in options])))
        expectation = self.exercise_answer(tail)
        signature = " ".join(t.lower for t in stated)
        line = ir.Line((call,), expectation, whole)
        if asked is not None and expectation is None:
            line = self.asked_answer(line, question)
        return _Exercise(start, line, signature)

    def told(self) -> _Exercise | None:
        """A problem told in a sentence: `Consider an input of size 64x64x3. We apply a convolutional layer with
        32 filters of size 5x5, stride 1 and no padding.`, `An input of 32x32x3 goes through a 3x3 conv with 64
        filters, stride 2, padding 1.`: the input's volume after `input`, the number of filters (before
        `filters`), their size (`of size 5x5`, `5x5 filters`, `a 3x3 conv`, Ng's quizzes' `100 filters that are
        each 5x5`) and the options, once each; or a pool, its window and stride (`…, and apply max pooling with
        a stride of 2 and a filter size of 2`); a question after it (`What is the output volume?`, `How many
        parameters does this layer have? 7,600`) asks about the layer told; other words are the sentence's. A
        network of its own, as an exercise is; None when any part is missing or said twice, or another layer is
        told too (the sentence is prose). The question may tell the layer itself (`Suppose you have an input volume
        of dimension 64x64x16. How many parameters would a single 1x1 convolutional filter have? 17`)."""
        tokens, reported = self.tokens, self.sink.total
        told = self.told_asked(split=True)
        if told is None and self.sink.total == reported and _asked_after([t.lower for t in tokens]) is not None:
            self.tokens, self.i = tokens, 0
            told = self.told_asked(split=False)
        return told

    def told_asked(self, split: bool) -> _Exercise | None:
        """`told`, its question split from the problem after the problem's last sentence when `split`, else the
        problem told up to the `?`."""
        tokens, words = self.tokens, [t.lower for t in self.tokens]
        sentence = _asked_after(words)  # `… each 5x5. How many parameters does this layer have? …`
        asked = sentence if split else None
        inside = False  # the problem told inside its question
        if asked is not None:
            tokens, words, question = tokens[:asked], words[:asked], self.tokens[asked + 1:]
        elif "?" in words:
            inside = True
            # the problem told inside its question (`How many parameters does a 3x3 conv layer with 64 filters have
            # on a 224x224x3 input? 1,792`): the question, answered after its `?`, is its sentence (an answer
            # there that cannot be placed is E060, never dropped)
            asked = words.index("?")
            tokens, words = tokens[:asked], words[:asked]
            question = self.tokens[sentence + 1:] if sentence is not None else self.tokens
        pooled = bool(_TOLD_POOLS & set(words))  # `…, and apply max pooling with a stride of 2 and a filter size of 2`
        units = _told_units(tokens, words)  # `… the first hidden layer has 100 neurons, each one fully connected`
        padding = _told_padding(tokens, words)  # `…, and pad it using "pad=2"`
        if units is None and ((_TOLD_OTHERS - _TOLD_POOLS) & set(words) or (pooled and _TOLD_CONV & set(words))):
            return None  # another layer told too (`…, followed by a 2x2 max pool`): not one layer
        # (a pool's window may be called its filters, as the lecture does: `max pool with 2x2 filters and stride 2`;
        # a number of filters told beside a pool is a convolution too, and no count is read for a pool below)
        at = _told_input_at(tokens, words)
        if at is None:
            return None
        j = _skip(words, at + 1, ("of", "size", "is", "a", "an", "the", "volume", "image", "shape", "that", ":", ",",
                                  "dimension", "dimensions"))  # `an input volume of dimension 64x64x16`
        if at and tokens[at - 1].kind == "DIMS":
            j = at - 1  # `a 32x32x3 image`, `A 227x227x3 input`, `applied to a 56x56x64 volume`
        elif j >= len(tokens) or tokens[j].kind != "DIMS":
            return None
        volume, counts, sizes, options = tokens[j], list[Tok](), list[Tok](), list[Tok]()
        answered: list[Tok] = []  # `…, the output is 32x32x10`: the sentence's answer
        unread = set(words) & _TOLD_UNREAD  # words that change the layer, until read (`dilation 2`)
        # the last number told: an output word before it may start the sentence's answer (found once, not at each word)
        last_number = max((k for k, t in enumerate(tokens) if t.kind in ("DIMS", "NUM")), default=-1)
        k = 0  # the layer after the input (`An input of 32x32x3 goes through …`) or before it (`A 2x2 max pool with
        # stride 2 is applied to a 56x56x64 volume`)
        while k < len(tokens):
            if k == j:
                k += 1
                continue
            word, tok = words[k], tokens[k]
            after = words[k + 1:k + 2]
            if word in _TOLD_OUTPUT and (counts or pooled) and sizes and k < last_number:
                answered = tokens[k:]  # after the filters are told: the sentence's answer
                break
            sized = tokens[k + 1:k + 2] and tokens[k + 1].kind == "DIMS"
            single = ["filter"], ["kernel"]
            if word in ("one", "single") and sized and (words[k + 2:k + 3] in single or (
                    words[k + 2:k + 3] and words[k + 2] in _TOLD_CONV and words[k + 3:k + 4] in single)):
                counts.append(Tok("NUM", "1", tok.start, tok.end))  # `a single 1x1 convolutional filter`: one
            elif (tok.kind == "NUM" or word in _NUMBER_WORDS) and (
                    after in (["filters"], ["kernels"]) or
                    (sized and (words[k + 2:k + 3] in (["filters"], ["kernels"]) or
                                (words[k + 2:k + 3] and words[k + 2] in _TOLD_CONV and
                                 words[k + 3:k + 4] in (["filters"], ["kernels"]))))):
                counts.append(tok if tok.kind == "NUM" else Tok("NUM", str(_NUMBER_WORDS[word]), tok.start, tok.end))
                # `32 filters`, `64 3x3 filters`, `six 5x5 filters`, `32 1x1 CONV filters`
            elif tok.kind == "DIMS" and ((after and after[0] in _TOLD_KERNEL) or
                                         (pooled and after and after[0] in _TOLD_WINDOW) or
                                         (pooled and k and words[k - 1] in _TOLD_POOLS) or
                                         (k and words[k - 1] in ("size", "filters", "kernels", "each", "window",
                                                                 "kernel", *_TOLD_CONV)) or
                                         (k > 1 and words[k - 1] in ("of", ",") and
                                          words[k - 2] in ("filters", "kernels"))):
                sizes.append(tok)  # `5x5 filters`, `a 3x3 conv`, `filters of size 5x5`, `32 filters 3x3`, `… of 3x3`,
                # `a 2x2 max pool`, `window 2x2`, `Conv 5x5, 6 filters`, `kernel 3x3`, `8 filters, 3x3` (it was E060),
                # `max pooling 3x3` (it was prose)
            elif word in _LETTERS and words[k + 1:k + 2] == ["="] and tokens[k + 2:k + 3] and \
                    tokens[k + 2].kind == "NUM" and tokens[k + 2].text.isdigit():
                told_value = tokens[k + 2]  # the lecture's letters: `K=10, F=5, S=1, P=2`
                if word == "k":
                    counts.append(told_value)
                elif word == "f":
                    sizes.append(Tok("DIMS", f"{told_value.text}x{told_value.text}", told_value.start, told_value.end))
                else:
                    options += [Tok("WORD", _LETTERS[word], tok.start, tok.end), told_value,
                                Tok(",", ",", told_value.end, told_value.end)]
                k += 2
            elif ((tok.kind == "NUM" and tok.text.isdigit()) or word in _NUMBER_WORDS) and k > 1 and \
                    (words[k - 1] == "size" or words[k - 2:k] == ["size", "of"]):
                side = tok.text if tok.kind == "NUM" else str(_NUMBER_WORDS[word])
                sizes.append(Tok("DIMS", f"{side}x{side}", tok.start, tok.end))  # `a filter size of 2` (`of two`): 2x2
            elif word in ("stride", "pad", "padding") and k + 1 < len(tokens):
                value = _skip(words, k + 1, ("of", "=", ":", "is", *_QUOTES))  # `padding="same"`
                if value < len(tokens) and (tokens[value].kind in ("NUM", "DIMS") or words[value] in _PAD_WORDS):
                    # (`stride 2x2`, each side's: it was passed over, the stride 1)
                    options += [tok, tokens[value], Tok(",", ",", tok.end, tok.end)]
                    k = value
                elif value < len(tokens) and words[value] in _NUMBER_WORDS:  # `a stride of two`: 2
                    spelled = tokens[value]
                    options += [tok, Tok("NUM", str(_NUMBER_WORDS[words[value]]), spelled.start, spelled.end),
                                Tok(",", ",", tok.end, tok.end)]
                    k = value
            elif tok.kind == "NUM" and (_padding_in_words(words[k:k + 6]) or
                                        (k >= 2 and _padding_in_words(words[k - 2:k + 2]) == 4)):
                options += [Tok("WORD", "pad", tok.start, tok.end), tok, Tok(",", ",", tok.end, tok.end)]
                # `2 pixels of zero padding`, `padded with 2 zeros` (each was passed over, the padding 0)
            elif word in ("dilation", "groups", "group") and k + 1 < len(tokens):
                value = _skip(words, k + 1, ("of", "=", ":", "is", "rate", "factor"))  # `dilation rate 2`
                if value < len(tokens) and tokens[value].kind == "NUM":
                    options += [tok, tokens[value], Tok(",", ",", tok.end, tok.end)]
                    unread.discard(word)
                    k = value
            elif tok.kind == "NUM" and after in (["groups"], ["group"]):  # `in 3 groups`
                options += [Tok("WORD", "groups", tokens[k + 1].start, tokens[k + 1].end), tok,
                            Tok(",", ",", tok.end, tok.end)]
                unread.discard(after[0])
                k += 1
            elif word in ("no", "without") and after in (["bias"], ["biases"]):  # `without bias`: `nobias`
                options += [tok, tokens[k + 1], Tok(",", ",", tok.end, tok.end)]
                k += 1
            elif word in ("bias", "use_bias") and words[k + 1:k + 3] == ["=", "false"]:  # `bias=False`, as PyTorch's
                options += [*tokens[k:k + 3], Tok(",", ",", tok.end, tok.end)]
                k += 2
            elif word == "wise" and k and words[k - 1:k] in (["-"], ["channel"], ["depth"]):  # `channel-wise`
                unread.add(word)
            elif word in ("no", "without") and after in (["padding"], ["zero"], ["pad"]):
                options += [Tok("WORD", "pad", tok.start, tok.end), Tok("NUM", "0", tok.start, tok.end),
                            Tok(",", ",", tok.end, tok.end)]
            elif word in _PAD_WORDS and (
                    (k and words[k - 1] == "," and words[k + 1:k + 2] in ([], [","], ["."])) or
                    words[_skip(words, k + 1, _QUOTES):][:1] in (
                        ["padding"], ["pad"], ["convolution"], ["conv"], ["convolutions"])):
                options += [Tok("WORD", "pad", tok.start, tok.end), tok, Tok(",", ",", tok.end, tok.end)]
                # `same padding`, Ng's `You want to use a "same" convolution` and `CONV 5x5, same, 32` between commas
            k += 1
        told = units if units is not None else padding  # a layer told without filters: its one number
        if told is None and (len(counts) != (0 if pooled else 1) or len(sizes) != 1):
            return None
        parts = {t.start for t in (volume, *counts, *sizes, *options)}
        stray = next((k for k in range(len(tokens) - len(answered)) if tokens[k].kind == "DIMS" and
                      tokens[k].start not in parts), None)
        if stray is not None and not answered and all(tokens[stray].start > start for start in parts):
            answered = tokens[stray:]  # `…, resulting in 60x60x32`, `… -> 60x60x32`: after the layer, its answer
        elif stray is not None:  # (it was passed over: a wrong output, or a size cnncalc did not read, passed)
            self.sink.add(codes.E060, f"cnncalc does not read `{tokens[stray].text}` in this problem told in a "
                                      f"sentence, so the layer is not judged", tokens[stray].span,
                          hint="write the layer on a line of its own, as `CONV1: 10 3x3 filters, stride 1, pad 1`, "
                               "and its answers under it")
            return self.told_unread(volume, words, at, j)
        counted = next((k for k in range(len(tokens) - len(answered) - 1) if tokens[k].kind == "NUM" and
                        words[k + 1 + (words[k + 1] in ("learnable", "trainable")):][:1] in _ANSWER_WORD_LISTS), None)
        if counted is not None:  # `… and no padding. The layer has 900 parameters.`: passed over, a wrong count passed
            count_said = Span(tokens[counted].start, tokens[counted + 1].end)
            self.sink.add(codes.E060, "cnncalc cannot tell which part of this problem told in a sentence this count "
                                      "answers, so it is not judged", count_said,
                          hint="give the answer on a line of its own under the problem: `Params: 896`")
            return self.told_unread(volume, words, at, j)
        if unread:  # `a transposed conv …`, `dilation` without its number: never the layer without them
            at_word = next(k for k, t in enumerate(tokens) if t.lower in unread)
            first = at_word - 2 if words[at_word] == "wise" and words[at_word - 1] == "-" else at_word  # `channel-wise`
            said = Tok("WORD", "".join(t.text for t in tokens[first:at_word + 1]), tokens[first].start,
                       tokens[at_word].end)
            self.sink.add(codes.E060, f"cnncalc does not read `{said.text}` in a problem told in a sentence, so the "
                                      f"layer is not judged", said.span,
                          hint="write the layer on a line of its own, as `CONV1: 10 3x3 filters, stride 1, pad 1`")
            return self.told_unread(volume, words, at, j)
        if units is not None and (counts or sizes or options):
            return None  # filters, windows or strides told beside the neurons: not one layer
        misspelt = _misspelt_option(tokens[:len(tokens) - len(answered)], {t.start for t in (volume, *counts, *sizes,
                                                                                             *options)})
        if misspelt is not None:  # `with a stirde of 2`: read past, the stride was 1
            said, meant = misspelt
            self.sink.add(codes.E060, f"cnncalc does not read `{said.text}` in this problem told in a sentence "
                                      f"(`{meant}`?), so the layer is not judged", said.span,
                          hint=f"write `{meant}`, or the layer on a line of its own: `CONV1: 10 3x3 filters, stride 1`")
            return self.told_unread(volume, words, at, j)
        unsettled = next((t for k, t in enumerate(tokens[:len(tokens) - len(answered)]) if t.kind == "NUM" and
                          t.start not in parts and not _TOLD_SETTINGS.isdisjoint(words[max(0, k - 3):k + 4])), None)
        padded = any(t.lower in ("pad", "padding", "padded") for t in options)
        if unsettled is None and not padded and told is None:
            # `… and the padding that keeps the size`: a padding said without its amount (read as none, a right
            # answer was marked wrong)
            unsettled = next((t for t in tokens[:len(tokens) - len(answered)] if t.lower in ("padding", "padded")),
                             None)
        if unsettled is not None and (told is None or unsettled.start != told.start):
            # `moving 2 pixels at a time`, `a border of 2 zeros`: a setting cnncalc does not read (it was passed over,
            # the layer judged without it: a right answer marked wrong)
            self.sink.add(codes.E060, f"cnncalc does not read what `{unsettled.text}` sets in this problem told in a "
                                      f"sentence, so the layer is not judged" if unsettled.kind == "NUM" else
                          f"cnncalc does not read how much `{unsettled.text}` this problem told in a sentence says, so "
                          f"the layer is not judged", unsettled.span,
                          hint="say it as `stride 2`, `padding 1`, or write the layer on a line of its own: `CONV1: "
                               "10 3x3 filters, stride 2, pad 1`")
            return self.told_unread(volume, words, at, j)
        if padding is not None:
            if any(t.lower == "stride" for t in options):
                return None  # a stride told with the padding: not a padding alone
            options = []  # (`pad=2` is the padding's own number, read by `_told_padding`)
        start = self.told_input(volume, words, at, j)
        if start is None:
            return None
        if told is not None:
            sizes = [told]  # (the signature below)
        else:
            self.tokens, self.i = [*counts, sizes[0], Tok("WORD", "filters", sizes[0].end, sizes[0].end), *options], 0
        try:
            if told is not None:
                keyword, argument = ("fc", "units") if units is not None else ("zeropad", "pad")
                call = ir.LayerCall(keyword, (ir.Arg(argument, ir.Num(int(told.text), told.span), told.span),), None,
                                    told.span)
            elif pooled:
                kind = "avgpool" if {"average", "avg", "mean"} & set(words) else "maxpool"
                call = self.pool(kind, Span(sizes[0].start, sizes[0].start))
            else:
                call = self.conv(Span(counts[0].start, counts[0].start))
        except _Unreadable as e:
            self.sink.add(codes.E060, e.message, e.span,
                          hint="say the layer as `32 5x5 filters, stride 1, pad 0` on a line of its own")
            return None
        family = _family(call.keyword)
        names = {label for t in tokens if t.kind == "WORD" and _family(t.lower) == family and
                 (label := _label([t])) is not None}
        if len(names) == 1:  # `… CONV1 has 96 filters of size 11x11 …`: the layer as its questions name it
            call = call._replace(label=names.pop())
        signature = " ".join(t.lower for t in (volume, *counts, sizes[0], *options))
        expectation = self.told_answer(answered) if answered else None
        if answered and expectation is None:
            return None  # reported: an answer cnncalc cannot read is never passed over
        line = ir.Line((call,), expectation, Span(self.start, self.end))
        if asked is not None and not answered:
            line = self.asked_answer(line, question, inside)
        return _Exercise(start, line, signature)

    def told_unread(self, volume: Tok, words: list[str], at: int, j: int) -> _Exercise | None:
        """A problem told in a sentence whose layer cnncalc cannot read (its E060 said): its input and the layer,
        unknown, so that the answers after it are not checked (with no network, each was E060 too, and the sentence
        E020)."""
        start = self.told_input(volume, words, at, j)
        return None if start is None else _Exercise(start, self.unreadable(None, []), f"{volume.text} unread")

    def told_input(self, volume: Tok, words: list[str], at: int, j: int) -> ir.Input | None:
        """A told problem's input: its volume (`volume`, at `j` in `words`), a height and width alone taking the
        depth the words around `input` (at `at`) say; None when it is no volume of two or three sizes."""
        given = _shape(volume)
        if given is None or len(given.dims) == 1:
            return None
        return self.input(given, given.dims if len(given.dims) == 3 else (*given.dims, _told_depth(words, at, j)))

    def asked_answer(self, line: ir.Line, question: list[Tok], telling: bool = False, alone: bool = True
                     ) -> ir.Line:
        """The layer a problem's sentence told, with the answer after the question that follows it on its line
        (`How many parameters does this layer have? 7,600`, `What is the output? 3x3`); the line as it is when
        nothing follows the `?` (the answer is on a line below), or after E060 for an answer cnncalc cannot place
        (the layer stays, its answer not judged). With `telling`, the question tells the layer itself (its filters
        and input are the layer's, not a change to it); `alone`: the layer is its network's only one, so that its
        count is the total asked (`Total parameters? 760`)."""
        if question[-1].text == "?":
            return line
        total = next((j for j, t in enumerate(question[:5]) if t.lower in ("total", "overall")), None) \
            if alone else None
        if total is not None and total + 1 < len(question) and \
                all(t.lower in ("what", "is", "are", "the", "'", "s") for t in question[:total]):
            # `… pad 2. Total parameters? 760`, `What is the total number of parameters? 760`: the told problem's
            # one layer is the whole network
            question = question[:total] + question[total + 1:]
        reader = _LineReader(question, self.sink, question[0].start, self.end, self.figures)
        reader.telling = telling
        reported = self.sink.total
        said = reader.answer_line([line], True, None)
        if not isinstance(said, _Answered):
            if self.sink.total == reported:
                self.sink.add(codes.E060, "cnncalc cannot tell what this answer is about, so it is not judged",
                              Span(question[0].start, self.end),
                              hint="ask about the layer's output or counts, as in `How many parameters does this "
                                   "layer have? 7,600`")
            return line
        return line._replace(expectation=said.line.expectation)

    def told_answer(self, tokens: list[Tok]) -> ir.Expectation | None:
        """The answer a told problem's sentence ends with: `the output is 32x32x10`, `which gives a 32x32x10 output
        volume with 760 parameters`: its one volume, and the counts after it; E060 (and None) for anything else."""
        volumes = [t for t in tokens if t.kind == "DIMS"]
        shape = _shape(volumes[0]) if len(volumes) == 1 else None
        if shape is None:
            self.sink.add(codes.E060, f"cnncalc does not understand `{_shown(tokens)}` as the output",
                          Span(tokens[0].start, tokens[-1].end), hint="write the answer on a line of its own, as "
                                                                      "`Output volume: 32x32x10`")
            return None
        counts = self.trailing_counts([t for t in tokens if t.start > volumes[0].start and
                                       t.lower not in _TOLD_OUTPUT and t.lower not in ("volume", "a", "an")])
        return ir.answered(shape, counts, shape.span)

    def demo(self) -> _Exercise | None:
        """The lecture's convolution demo, a sentence each: `Input volume w=5, h=5, d=3. two filters of size
        3x3x3, stride of 2, zero padding of 1. Output = (5-3+2)/2 + 1 = 3.` (the last sentence is the working;
        the answer comes on a line of its own, `Output Volume (3x3x2)`). None unless the line starts so."""
        tokens, words = self.tokens, [t.lower for t in self.tokens]
        if words[:2] != ["input", "volume"]:
            return None
        j = 3 if words[2:3] == [":"] else 2
        size: dict[str, tuple[int, Tok]] = {}
        while j + 2 < len(tokens) and words[j] in ("w", "h", "d", "width", "height", "depth") and \
                words[j + 1] in ("=", ":") and tokens[j + 2].kind == "NUM" and tokens[j + 2].text.isdigit() and \
                len(tokens[j + 2].text) <= limits.MAX_LITERAL_DIGITS:
            size.setdefault(words[j][0], (int(tokens[j + 2].text), tokens[j + 2]))
            j += 3
            if words[j:j + 1] == [","]:
                j += 1
        if sorted(size) != ["d", "h", "w"] or words[j:j + 1] != ["."]:
            return None
        given = ir.ShapeAnswer((size["h"][0], size["w"][0], size["d"][0]), "", size["w"][1].span)
        start = self.input(given, given.dims)
        if start is None:
            return None
        stop = next((k for k in range(j + 1, len(tokens)) if words[k] == "." and words[k + 1:k + 3] == ["output", "="]),
                    len(tokens))  # `Output = (5-3+2)/2 + 1 = 3.`: the working
        count = tokens[j + 1] if j + 1 < len(tokens) else None
        if count is not None and count.lower in _NUMBER_WORDS:  # `two filters`
            tokens = [*tokens[:j + 1], Tok("NUM", str(_NUMBER_WORDS[count.lower]), count.start, count.end),
                      *tokens[j + 2:]]
        self.tokens, self.i = tokens[j + 1:stop], 0
        try:
            call = self.conv(Span(tokens[j + 1].start if j + 1 < len(tokens) else self.end, self.end))
            while self.at("."):
                self.next()
            self.end_of_line("the filters")
        except _Unreadable as e:
            self.sink.add(codes.E060, e.message, e.span,
                          hint="the demo reads `Input volume w=5, h=5, d=3. two filters of size 3x3x3, stride of 2, "
                               "zero padding of 1.`")
            line = self.unreadable(None, [])  # the input stands; the answers after the layer are not checked
        else:
            line = ir.Line((call,), None, Span(self.start, self.end))
        return _Exercise(start, line, " ".join(t.lower for t in tokens[:stop]))

    def letters_exercise(self) -> _Exercise | None:
        """The slides' `N = 7, F = 3, stride 2 => 3` (also `S = 2`, `P = 1`, after `e.g.` or `Example`): an N x N
        input of depth 1 and one F x F filter, the answer after the arrow or after a question that follows
        (`Input 32x32x3, conv layer with K=10, F=5, S=1, P=2. How many parameters? 760`). None unless the line starts
        so."""
        tokens = [t for t in self.tokens if t.text != "*"]
        words = [t.lower for t in tokens]
        asked = _asked_after(words)
        question: list[Tok] = []
        if asked is not None:
            tokens, words, question = tokens[:asked], words[:asked], tokens[asked + 1:]
        at = _skip(words, _lead(tokens), ("e", "g", "eg", "example", "for", ".", ",", ":"))
        volume, first = _input_volume(tokens, words, at)  # `Input 32x32, F = 5, S = 1 -> 28`: the input for N
        told_after = (0, 0)  # where the input is told after the letters (`… P=1 on a 32x32x3 input`)
        if volume is None and (words[at:at + 1] not in _LETTERS_START or words[at + 1:at + 2] not in (["="], [":"])):
            after = _input_after_letters(tokens, words, at)
            if after is None:
                return None
            volume, told_after = after
        arrow = _arrow(tokens, at)
        if arrow == len(tokens) and words[-1] == ":":
            return None  # `Example N = 7, F = 3:`, the heading of the cases below it (the lecture's)
        answered_at = arrow + 1  # where the answer starts
        if arrow == len(tokens):  # `N = 32, F = 5, P = 2, S = 1: output 32`: the colon before `output` is the arrow,
            # and so is one after the last value (`N = 7, F = 3, S = 1, P = 0: (N - F + 2P)/S + 1 = 5`)
            arrow = next((j for j in range(at + 2, len(tokens) - 1) if (words[j] == ":" and (
                words[j + 1] == "output" or (j > at + 2 and tokens[j - 1].kind == "NUM"))) or (
                words[j] in (".", ",", ";") and words[j + 1] == "output")), arrow)  # `…, S = 1. Output: 32x32`
            answered_at = arrow + 1
        given: dict[str, tuple[int, Tok]] = {}
        pooled: set[str] = set()  # `Input 224x224x64, max pooling layer with F=2, S=2`: a pool's words
        j = first
        try:
            while j < arrow:
                if told_after[0] <= j < told_after[1]:
                    j = told_after[1]
                    continue
                if words[j] in (",", ";", "and", ".") or words[j] in _LETTERS_FILLERS:
                    j += 1  # `Input 32x32x3, conv layer with K=10, F=5, S=1, P=2.`
                    continue
                if words[j] in _LETTERS_POOLS:
                    pooled.add(words[j])
                    j += 1
                    continue
                if tokens[j].kind == "NUM" and words[j + 1:j + 2] in (["filters"], ["filter"], ["kernels"]) and \
                        "k" not in given and j + 1 < arrow and tokens[j].text.isdigit() and \
                        len(tokens[j].text) <= limits.MAX_LITERAL_DIGITS:  # `N = 7, F = 3, 5 filters`: K
                    given["k"] = (int(tokens[j].text), tokens[j])
                    j += 2
                    continue
                letter = _EXERCISE_LETTERS.get(words[j])
                if letter is None or letter in given:
                    raise _Unreadable(f"cnncalc does not understand `{_shown(tokens[j:arrow])}` in the exercise",
                                      Span(tokens[j].start, tokens[arrow - 1].end))
                value = j + 2 if words[j + 1:j + 2] in (["="], [":"]) else j + 1
                letters = [letter]
                while value + 1 < arrow and words[value + 1] in ("=", ":") and \
                        _EXERCISE_LETTERS.get(words[value]) not in (None, *letters, *given):
                    letters.append(_EXERCISE_LETTERS[words[value]])  # `W1 = H1 = 32`: one number for both
                    value += 2
                if value >= arrow or tokens[value].kind != "NUM" or not tokens[value].text.isdigit() or \
                        len(tokens[value].text) > limits.MAX_LITERAL_DIGITS:
                    raise _Unreadable(f"expected a number after `{tokens[j].text}`", tokens[j].span)
                given.update((said, (int(tokens[value].text), tokens[value])) for said in letters)
                j = value + 1
            if "f" not in given:
                raise _Unreadable("the exercise needs the filter's size F, as in `N = 7, F = 3, stride 2`",
                                  Span(tokens[at].start, tokens[arrow - 1].end))
            if volume is not None and {"n", "h", "d"} & set(given):
                said = next(given[letter][1] for letter in ("n", "h", "d") if letter in given)
                at_value = next(k for k, t in enumerate(tokens) if t is said)
                letter_said = tokens[at_value - 1 - (words[at_value - 1] in ("=", ":"))].text  # `N`, `W1`
                raise _Unreadable(f"the exercise gives its input twice, as a volume and as {letter_said}", said.span)
            if volume is None and "n" not in given:  # `H1 = 32, F = 3`: its width unsaid
                raise _Unreadable("the exercise needs its input's width, N or W1, as in `W1 = 32, H1 = 32, F = 5`",
                                  Span(tokens[at].start, tokens[arrow - 1].end))
            if "h" in given and given["h"][0] != given["n"][0]:  # (the notes write W2 x H2, a sheet may write H x W)
                raise _Unreadable("the exercise's input is not square, and an answer told by these letters may give "
                                  "its sides in either order (the notes' W2 x H2, or H x W)", given["h"][1].span)
            if pooled and "k" in given:
                raise _Unreadable("a pool has no filters: K is a convolution's", given["k"][1].span)
        except _Unreadable as e:
            self.sink.add(codes.E060, e.message, e.span, hint="the exercise reads `N = 7, F = 3, stride 2 => 3`")
            return None
        f = given["f"]
        if volume is not None:
            start = self.volume_input(volume)
        else:
            n = given["n"]
            h, d = given.get("h", n)[0], given.get("d", (1, n[1]))[0]  # (W1 x H1 x D1: written H x W x D)
            start = self.input(ir.ShapeAnswer((h, n[0], d), f"{h}x{n[0]}" + (f"x{d}" if "d" in given else ""),
                                              n[1].span), (h, n[0], d))
            if start is not None and "d" not in given:  # (its sides alone: a count on it rests on a depth of 1)
                start = start._replace(depth_assumed="the input's depth, which the exercise does not give")
        if start is None:
            return None
        kernel = ir.PairLit((ir.Num(f[0], f[1].span), ir.Num(f[0], f[1].span)), f[1].span)
        filters = given.get("k", (1, f[1]))
        args = [ir.Arg("kernel", kernel, f[1].span)] if pooled else \
            [ir.Arg("out_channels", ir.Num(filters[0], filters[1].span), filters[1].span),
             ir.Arg("kernel", kernel, f[1].span)]
        args += [ir.Arg("stride" if letter == "s" else "pad", ir.Num(value, tok.span), tok.span)
                 for letter, (value, tok) in given.items() if letter in ("s", "p")]
        keyword = "conv" if not pooled else "avgpool" if pooled & {"average", "avg", "mean", "avgpool"} else "maxpool"
        call = ir.LayerCall(keyword, tuple(args), None, Span(tokens[at].start, tokens[arrow - 1].end))
        expectation = self.exercise_answer(tokens[answered_at:] if arrow < len(tokens) and
                                           words[arrow] in (":", ".", ",", ";") else tokens[arrow:])
        signature = " ".join([keyword] * bool(pooled) + [f"{letter}={value}" for letter, (value, _) in
                                                         sorted(given.items())])
        if volume is not None:
            signature += f" input={volume.text}"
        line = ir.Line((call,), expectation, Span(self.start, self.end))
        if question and expectation is None:
            line = self.asked_answer(line, question)
        return _Exercise(start, line, signature)

    def exercise_answer(self, tail: list[Tok]) -> ir.Expectation | None:
        """What follows an exercise's `=>`: `output 3x3` (and counts after it: `output 7x7, params 10`; `7x7, 10
        params`), `3x3`, `3` (the side of a square output), `(7 - 3)/2 + 1 = 3` (after the last `=`), `doesn't
        fit`; None for a question (`what is the output?`). A number cnncalc cannot read as the output is E060: an
        answer is never passed over in silence."""
        words = [t.lower for t in tail]
        rest = tail[_lead(tail):]
        if "output" in words:
            reported = self.sink.total
            shape = self._output_answer([t.lower for t in rest], [t.kind for t in rest], rest, side=True)
            if shape is None:
                if self.sink.total == reported and "?" not in words and rest:  # `… S = 2. Output: lots`
                    self.sink.add(codes.E060, f"cnncalc does not understand `{_shown(rest)}` as the output",
                                  Span(rest[0].start, rest[-1].end), hint="write the output as `3x3` or `3`")
                return None
            counts = self.trailing_counts([t for t in rest if t.start >= shape.span.end]) if shape.dims else {}
            return ir.answered(shape, counts, shape.span)
        if len(rest) > 2 and rest[0].kind == "DIMS" and rest[1].text in (",", ";", "("):  # `=> 32x32x10, 760 params`
            shape = _shape(rest[0])
            reported = self.sink.total
            counts = self.trailing_counts(rest[1:]) if shape is not None else {}
            if counts or self.sink.total > reported:
                return ir.answered(shape, counts, rest[0].span)
        answer = self.exercise_output(rest)
        return None if answer is None else ir.Expectation(answer, None, None, answer.span)

    def exercise_output(self, rest: list[Tok]) -> ir.ShapeAnswer | None:
        """An exercise's output after its `=>` without the word `output`: a volume, a side, a division's value
        or "doesn't fit" (after the working's last `=`)."""
        said = _no_fit(rest)
        if said is not None:
            return said
        marks = [j for j, t in enumerate(rest[:_no_fit_remark(rest)]) if t.text in ("=", "?")]
        rest = rest[marks[-1] + 1:] if marks else rest  # (not `N=7`'s in `2.33 :-( … not proper for N=7 and F=3`)
        while rest and rest[-1].text in ("!", "."):
            rest = rest[:-1]
        divided = _division(rest)
        if divided is not None:
            return divided
        if len(rest) == 1 and rest[0].kind == "DIMS":
            shape = _shape(rest[0])
            if shape is None:
                self.sink.add(codes.E060, f"`{rest[0].text}` is not a volume", rest[0].span,
                              hint="write the output as `3x3`, or its side `3`")
            return shape
        if len(rest) == 1 and rest[0].kind == "NUM" and rest[0].text.isdigit() and \
                0 < len(rest[0].text) <= limits.MAX_LITERAL_DIGITS and int(rest[0].text):
            side = int(rest[0].text)
            return ir.ShapeAnswer((side, side), rest[0].text, rest[0].span)  # the side of the square output
        if any(t.kind in ("NUM", "DIMS") for t in rest):
            self.sink.add(codes.E060, f"expected the output after the arrow, found `{_shown(rest)}`",
                          Span(rest[0].start, rest[-1].end), hint="write the output as `=> 3x3`, or its side `=> 3`")
        return None

    def volume_input(self, volume: Tok) -> ir.Input | None:
        """An exercise's input given as a volume (`7x7`, of depth 1, or `7x7x3`); E060 when it is not one."""
        given = _shape(volume)
        if given is None or len(given.dims) == 1:
            self.sink.add(codes.E060, f"`{volume.text}` is not an input size", volume.span,
                          hint="write the input as `HxW` or `HxWxC`, as in `input 7x7`")
            return None
        return self.input(given, given.dims if len(given.dims) == 3 else (*given.dims, 1))

    def input(self, given: ir.ShapeAnswer, dims: tuple[int, ...], counts: dict[str, ir.Count] | None = None
              ) -> ir.Input | None:
        """The network's input, within the limits every notation's input has (E023 beyond them), with the counts
        answered for it (its values, `memory: 224*224*3=150K`, and no parameters: `weights: 0`)."""
        problem = input_problem(given.text, dims)
        if problem is not None:
            self.sink.add(codes.E023, problem[0], given.span, hint=problem[1])
            return None
        answers = None
        if counts:
            spans = [count.span for count in counts.values()]
            answers = ir.answered(None, counts, spans[0].to(spans[-1]))
        channels_first = given.order == ir.CHW
        if given.order is None and _looks_channels_first(dims):  # `Input: 3x32x32`, as PyTorch writes it
            channels_first = True
            depth, side = dims[0], dims[1]
            self.sink.add(codes.N023, f"the input {given.text} is read channels first: {side}x{side} pixels with "
                                      f"{depth} channel{'s' * (depth != 1)}, and so are the volumes answered with "
                                      f"their sizes alone", given.span,
                          hint=f"for {depth} row{'s' * (depth != 1)} of {side} pixels with {side} channels, write "
                               f"`{given.text} (HxWxC)`")
            dims = (dims[1], dims[2], dims[0])
        self.stated = given
        return ir.Input(dims, 1, Span(self.start, self.end), answers, channels_first=channels_first)

    def _after(self, name_tokens: list[Tok], colon: int, lines: list[ir.Line], received: bool = False
               ) -> _Answered | _Awaited | None:
        """`After CONV1: 55x55x96` (also `CONV1 output: …`, `Output of CONV1: …`): the output of the layer
        named, an answer unless that layer has one already (the lecture restates it before the next step).
        A name with no layer above is E060. With `received`, the volume the layer receives (`Input to CONV2:
        27x27x96`, `FC6 input: 9216 values`), judged as the spec's `-> input`; for a name not above, the next
        layer line may state that layer (`_Awaited`)."""
        label = _label(name_tokens)
        rest = self.tokens[colon + 1:]
        words = [t.lower for t in rest]
        rest = rest[_skip(words, 0, _AFTER_FILLERS):]  # `After POOL1, the output is 16x16x10`
        noun = "input" if received else "output"
        while rest and (rest[-1].text in (".", "!") or (len(rest) > 1 and rest[-1].lower in ("volume", "tensor"))):
            rest = rest[:-1]  # (`CONV2 receives a 16x16x16 volume.`)
        if [t.text for t in rest[:1] + rest[2:3]] == ["[", "]"] and rest[1].kind == "DIMS":
            rest = rest[1:2] + rest[3:]  # `Output of CONV1: [32x32x16]`, as the lecture brackets a volume
        if received:
            rest = [t for t in rest if t.lower not in _VALUE_WORDS]
        vector = [t.kind for t in rest] == ["NUM"]  # `FC6 input: 9216 values`, `After FC8: 10`: a vector's length
        # (`9,216`: `_shape` reads a number's grouped thousands)
        this = [t.lower for t in name_tokens] in (["this", "layer"], ["the", "layer"])  # `Input to this layer: …`
        kind = _kind_named([t.lower for t in name_tokens]) if label is None and not this else None
        placed = _placed([t.lower for t in name_tokens]) if label is None and kind is None and not this else None
        staged = _stage_placed(name_tokens) if label is None and kind is None and placed is None and not this else None
        if (label is None and kind is None and placed is None and staged is None and not this) or not rest or \
                (rest[0].kind != "DIMS" and not vector) or (len(rest) > 1 and _depth_said(rest[1:]) is None):
            return None  # `After CONV1: 28x28 with 8 channels` is that layer's output too
        numbered = [t.text for t in name_tokens[-2:]] if [t.lower for t in name_tokens[-2:-1]] == ["layer"] and \
            len(name_tokens) == 2 and name_tokens[1].text.isdigit() else None
        if numbered is not None:  # `Output of layer 1: …`: the layer the listing numbers so (`Layer 1: Conv …`)
            same = _numbered_lines(lines, numbered[1])
            index = same[0] if len(same) == 1 else None
            missing = _numbered_missing(same, numbered[1], noun, lines)
        elif this:  # the layer above
            index = next((i for i in range(len(lines) - 1, -1, -1)
                          if lines[i].items and isinstance(lines[i].items[0], ir.LayerCall)), None)
            missing = f"no layer above to give this {noun} to"
        elif placed is not None or staged is not None:  # `After the second layer: …`, `After the first ReLU: …`
            index = self._placed_line(name_tokens, placed, lines) if placed is not None else \
                self._staged_line(*staged, lines) if staged is not None else None
            if index is None:
                return None  # (reported)
            missing = ""
        elif kind is not None:  # `After the first conv layer: …`, `After the pool: …`
            said = " ".join(t.text for t in name_tokens[1 if name_tokens[0].lower == "the" else 0:])
            index = _kind_line(lines, *kind)
            found = len(_kind_lines(lines, kind[1]))
            missing = f"no {said} above to give this {noun} to" if not found or kind[0] is not None else \
                f"`{said}`: {found} layers above are of that kind, and which is not said"
            self.kind_unseen = not found and index is None
        else:
            index = _named_line(lines, label) if label is not None else None
            numbered_kind = _layer_number(name_tokens) if index is None and len(name_tokens) == 2 else None
            if numbered_kind is not None and numbered_kind[1] is not None:  # `Output of Conv 2: …` (no CONV2 named)
                index = self._numbered_line(name_tokens, *numbered_kind, lines)
                if index is None:
                    return None  # (reported)
            said = f"layer {(label or '').upper()}"
            missing = f"no {said} above to give this {noun} to"
            # (an output said for a layer not stated, `After CONV1: 55x55x96` under the input alone: the answers after
            # it rest on that layer, not judged without it; they were judged on the input, a right one marked wrong)
            self.kind_unseen = index is None and not received
        shape = _shape(rest[0])
        named = Span(name_tokens[0].start, name_tokens[-1].end)
        # what a layer receives, answered before its line: the next layer line may state it (the next of its kind)
        awaited = received and index is None and numbered is None and placed is None and \
            (label is not None or (kind is not None and (kind[0] or 0) == found))
        if index is None and not (awaited and shape is not None):
            new = ("; for a new layer, give its sizes, as in `Max pooling 2x2 with stride 2 gives 16x16x32.` (the "
                   "answers after it are not judged without it)" if self.kind_unseen else "")
            self.sink.add(codes.E060, missing, named, hint="name a layer written above, as in `After CONV1: 55x55x96`"
                                                           + new)
            return None
        if shape is None:
            self.not_a_volume(rest[0].text, rest[0].span)
            return None
        shape = self.with_depth(shape, rest[1:])
        if shape is None:
            return None
        if awaited:
            return _Awaited(label, kind[1] if label is None and kind is not None else None, said, shape, named)
        assert index is not None
        self.places = True
        before = lines[index].expectation
        earlier = None if before is None else before.received if received else before.shape
        if earlier is not None and not self.restated(earlier, shape):
            self.said_again = True
            return None  # answered already: a restatement
        if received:
            expectation = ir.answered(None, {}, shape.span, received=shape) if before is None else \
                before._replace(received=shape, span=before.span.to(shape.span))
        else:
            expectation = ir.Expectation(shape, None, None, shape.span) if before is None else \
                before._replace(shape=shape, span=before.span.to(shape.span))
        return _Answered(lines[index]._replace(expectation=expectation), index)

    def restated(self, earlier: ir.ShapeAnswer | ir.Count | None, again: ir.ShapeAnswer | ir.Count | None) -> bool:
        """An answer given again (the lecture restates an output before its next step): prose when it says
        the same; True, to be judged instead of the first, when it agrees and says more (`32x32` then
        `32x32x10`, `35K` then `34,944`); E060 when it says otherwise (the first is judged), never passed over."""
        if isinstance(earlier, ir.ShapeAnswer) and isinstance(again, ir.ShapeAnswer):
            first, then = earlier.judged(again.dims), again.judged(earlier.dims)  # `Output size: 55`: 55x55
            same, finer = _same_volume(first, then), len(then) > len(first)
            if not same and len(first) == len(then) == 3 and (earlier.order is None) != (again.order is None):
                # `32x32 with 16 channels`, then `16x32x32` bare: read in the sheet's order only once its network is
                # assembled (`_sheet_order`), the same volume on a sheet written channels first
                bare, said = (first, then) if earlier.order is None else (then, first)
                same = _same_volume((*bare[1:], bare[0]), said)
        elif isinstance(earlier, ir.Count) and isinstance(again, ir.Count) and earlier.in_bytes != again.in_bytes:
            # `Params: 156`, then `Memory for the parameters: 624 bytes`: the same count, as float32 bytes
            values, in_bytes = (earlier, again) if again.in_bytes else (again, earlier)
            same, finer = in_bytes.agrees_either(values.as_bytes(BYTES_PER_VALUE)), False
        elif isinstance(earlier, ir.Count) and isinstance(again, ir.Count):
            same = earlier.agrees(again)
            finer = again.unit * 10**earlier.decimals < earlier.unit * 10**again.decimals
        else:
            return False
        if not same:
            self.sink.add(codes.E060, f"`{again.text}` answers again what was answered `{earlier.text}` above",
                          again.span, hint="keep one answer for each layer's output and count: the first is judged")
            self.answered_again = True
        return same and finer

    def _output_answer(self, words: list[str], kinds: list[str], tokens: list[Tok], side: bool = False
                       ) -> ir.ShapeAnswer | None:
        """`Output volume = [55x55x96]`, `Output volume size: 32x32x10`, `Output: 27x27x96`, `The output is
        5x5`, `so 32x32x10`, `7x7 output!`: the last volume (E060 when it is not one: an answer cnncalc
        cannot read is never passed over in silence). `Output = 55 = (227-11)/4+1`, with no volume, is the side of
        a square output, as `Output size: 55` is. With `side` (an exercise's square output), `output is 3`, `3
        output!`, `so 3` give its side."""
        at = _skip(words, _opener(words), (*_SO, "then", "the"))
        said = _no_fit(tokens[at:])  # `doesn't fit!`, `so it doesn't fit`
        if said is not None:
            return said
        if words[at:at + 1] and words[at] in _LETTERS_OF_SIDES and words[at + 1:at + 2] in (["="], [":"]) and \
                any(w in _LETTERS_OF_SIDES and words[j + 1:j + 2] in (["="], [":"])
                    for j, w in enumerate(words[at + 2:], at + 2)):
            # the CS231n notes' `W2 = 32, H2 = 32, D2 = 10` (`W2 = H2 = 32`, `W2 = (32 - 5 + 4)/1 + 1 = 32, …`)
            sides = _sides([t for t in tokens[at:] if t.text not in ("!", ".")])
            if sides is not None and len(sides) > 1 and not (0 in sides and 1 in sides):
                return None  # `H2 = 28, D2 = 6`: sides apart, each answered on its own (`_side_answers`)
            if sides is not None and 0 in sides and 1 in sides:
                lettered = Tok("DIMS", "x".join(sides[axis].text for axis in sorted(sides)), tokens[at].start,
                               tokens[-1].end)
                shape = _shape(lettered)
                if shape is None:  # a size beyond the limits, or 0: said, not passed over
                    self.not_a_volume(lettered.text, lettered.span)
                return shape
            self.sink.add(codes.E060, "cnncalc cannot read these sizes as the output's", Span(tokens[at].start,
                                                                                                tokens[-1].end),
                          hint="give the height and the width, each with its number: `W2 = 32, H2 = 32, D2 = 10`, "
                               "or one size per line")
            return None
        if side:
            number = _side(words, kinds, tokens, at)
            if number is not None:
                return number
        if words[at:at + 2] in (["activation", "maps"], ["feature", "maps"]) and \
                [t.kind for t in _untrailed(tokens[at + 3:])] == ["NUM"]:
            return None  # `Activation maps = 10`: how many, the output's depth (`_side_answer`)
        if words[at:at + 1] == ["output"] and words[at + 1:at + 2] and words[at + 1] in (*ir.SIDES, "channels"):
            return None  # `What is the output depth? 96`: one side (`_side_answer`), not the volume
        if words[at:at + 1] in (["size"], ["shape"], ["dimensions"], ["dimension"], ["dims"]) and \
                words[at + 1:at + 2] == ["of"] and _skip(words, at + 2, ("the",)) < len(words) and \
                words[_skip(words, at + 2, ("the",))] in ("output", "out", "resulting"):
            at = _skip(words, at + 2, ("the",))  # `Size of the output volume: 32x32x10`, `… dimensions of the output`,
            # Ng's `What is the dimension of the resulting volume (after padding)?`
        # `Output spatial size: 32`, `Spatial size: 32`: the height and width of a square output, as 32x32
        if words[at:at + 2] == ["spatial", "output"]:  # `Spatial output size: 32`, read as `Output spatial size: 32`
            # (it was prose: a wrong one passed)
            words = [*words[:at], "output", "spatial", *words[at + 2:]]
            tokens = [*tokens[:at], tokens[at + 1], tokens[at], *tokens[at + 2:]]
        spatial = "spatial" in words[at:at + 2] and words[at + 2 if words[at] == "output" else at + 1:][:1] in \
            (["size"], ["dimensions"], ["dimension"], ["dims"], ["extent"], ["resolution"])  # (`… dimension: 32`)
        if words[at:at + 1] == ["new"] and words[at + 1:at + 2] in (["size"], ["shape"], ["dimensions"], ["volume"]):
            at += 1  # `New size: 16x16x10`, the size after the layer
        labelled, volume = False, None
        if words[at:at + 1] and words[at] in _NAMED_OUTPUT:  # `Shape: 32x32x10`, `Feature maps = …`, `A: …`
            j = _skip(words, at + 1, ("map", "maps", "size"))
            rest = [t for t in tokens[j + 1:] if t.text not in ("!", ".")]
            arrow = next((k for k, t in enumerate(rest) if t.kind == "ARROW"), None)
            if arrow and all(t.kind in ("NUM", "DIMS") or t.text in (*_WORKING_MARKS, "=") for t in rest[:arrow]):
                rest = rest[arrow + 1:]  # `Size: (28-5)/1+1 = 24 -> 24x24x6`: the volume after its side's working (it
                # was read as a layer named `Size`: E060, and the answers after it unchecked)
            while len(rest) > 1 and rest[-1].lower in ("feature", "features", "map", "maps", "volume", "tensor"):
                rest.pop()  # `Shape: 32x32x10 feature maps`
            depth = bool(rest) and rest[0].kind == "DIMS" and _depth_said(rest[1:]) is not None  # `Shape: 28x28 (8 …)`
            volume = rest[0] if (len(rest) == 1 or depth) and rest[0].kind == "DIMS" else \
                _spelled(rest) if rest else None
            # `Shape: 24x24x6, 156 params` (`Size: 24x24x6 I think`): the volume first, then more, read as after
            # `Output:` (they were prose, a wrong answer passed over)
            labelled = volume is None and words[j:j + 1] in ([":"], ["="]) and rest[:1] != [] and rest[0].kind == "DIMS"
            if (words[j:j + 1] not in ([":"], ["="], ["?"]) or volume is None) and not labelled:
                return None  # prose: `Size matters`, `Volume: see the figure` (`What are its dimensions? …`)
        if not labelled and volume is not None:
            shape = _shape(volume)
            if shape is None:
                self.not_a_volume(volume.text, volume.span)
                return None
            order = _batch_order(rest) if len(shape.dims) == 3 else None  # `Shape: [1, 6, 28, 28]`
            if order is not None:
                shape = _channels_first(shape) if order == ir.CHW else shape._replace(order=ir.HWC)
            return self.with_depth(shape, rest[1:]) if depth else shape
        bare = [k for k, w in zip(kinds[at:], words[at:]) if w not in ("!", ".")] == ["DIMS"] or (  # `32x32x10!`
            kinds[at:at + 1] == ["DIMS"] and words[at + 1:at + 2] in ([","], [";"], ["("], ["="]) and
            (_counts_named(tokens[at + 2:]) or any(w in _VALUE_WORDS for w in words[at + 2:]) or  # `…, 760 params`
             [k for k, w in zip(kinds[at + 2:], words[at + 2:]) if w not in ("!", ".")] == ["NUM"]))  # `…, 10,240`
        if words[at:at + 1] in _OUTPUT_WORDS or bare or spatial or labelled or \
                (kinds[at:at + 1] == ["DIMS"] and words[at + 1:at + 2] == ["output"]):
            tokens, order = _in_order(tokens)  # `(CxHxW)`, `torch.Size([1, 10, 32, 32])`, `(HxWxC)`
            order = order or _batch_order(tokens)  # `[1, 10, 32, 32]`
            words = [t.lower for t in tokens]
            asked = words.index("?", at) + 1 if "?" in words[at:] else 0  # a question: its answer follows the `?`
            if asked and words[at:asked].count("(") > words[at:asked].count(")"):
                asked = 0  # `Output: 32x32x10 (correct?)`: a doubt in a remark, not a question
            remarks = _remarks(tokens[asked:])  # `32x32x10 (10 filters, each 5x5x3)`: not another answer
            volumes = [t for j, t in enumerate(tokens[asked:], asked) if t.kind == "DIMS" and t.start not in remarks
                       and not _in_working(tokens, j)]
            after = max(_skip(words, at + 1, _OUTPUT_NOUNS), asked)
            if words[after:after + 1] in (["of"], ["for"], ["after"], ["in"]):  # `Output size of FC1: 10`: its
                # layer named (`_asked_about` reads it), then the answer
                marked = next((j for j in range(after + 1, min(len(words), after + 8)) if words[j] in (":", "=")),
                              None)
                after = after if marked is None else _skip(words, marked + 1, _OUTPUT_NOUNS)
            letters_said = sum(w in _LETTERS_OF_SIDES and words[j + 1:j + 2] in (["="], [":"])
                               for j, w in enumerate(words[after:], after))
            if not volumes and letters_said and words[after] in _LETTERS_OF_SIDES and \
                    _written_volume(tokens[after:]) is None:
                if letters_said == 1:
                    return None  # `Output: D = 96`: one side (`_side_answer`), not a vector of 96
                # `Output: H = H = 55, D = 96`: sizes by their letters that make no volume, never the last number
                self.sink.add(codes.E060, "cnncalc cannot read these sizes as the output's",
                              Span(tokens[after].start, tokens[-1].end),
                              hint="give the height and the width, each with its number: `H = 55, W = 55, D = 96`")
                return None
            if not volumes and after < len(words):  # `Output: doesn't fit`, `The output is invalid`, `32*32*10`
                # `Output: (7-3)/3 + 1 = 2.33, doesn't fit`: the value of a division that is not whole, after the
                # working's last `=`, alone or with its "doesn't fit"
                led = _value_then_working(tokens[after:])
                if led is not None:  # the lecture's `Output = 55 = (227-11)/4+1`: a side, then its working (it was
                    return ir.ShapeAnswer((int(led.text),), led.text, led.span, square=True)  # prose: `53` passed)
                clause = _own_clause(tokens[after:])
                worked = _after_working(clause)  # not `…, params = 850`'s working
                result = _untrailed(worked)
                divided = _division(result)
                if divided is not None:
                    return divided
                if len(result) == 1 and result[0].kind == "NUM" and result[0].text.isdigit() and \
                        len(worked) < len(clause) and int(result[0].text) and \
                        len(result[0].text) <= limits.MAX_LITERAL_DIGITS and _written_volume(tokens[after:]) is None:
                    # `Output: (7-3)/2 + 1 = 3`: (N-F)/stride + 1 worked out is a side (a vector's length, for fc)
                    return ir.ShapeAnswer((int(result[0].text),), result[0].text, result[0].span, square=True)
                said = _no_fit(tokens[after:])
                spelled = _written_volume(tokens[after:]) or _bracketed_first(tokens[after:]) if said is None else None
                vector = _rounded_to(_remark_dropped([t for t in tokens[after:] if t.text not in ("!", ".") and (
                    t.lower not in ("px", "pixels") or not spatial)]))  # (`Output spatial size: 55 px`)
                if len(vector) > 2 and vector[0].kind == "NUM" and vector[1].text in (",", ";") and \
                        any(t.lower in ir.ANSWER_WORDS for t in vector[2:]):
                    vector = vector[:1]  # `Output: 10, params: 25,610`: the vector, then the counts (read after it)
                elif len(vector) > 3 and vector[0].kind == "NUM" and vector[1].text == "(" and vector[-1].text == ")":
                    vector = vector[:1]  # `Output: 10 (= 10)`: the vector, then a number beside it (`values_aside`)
                listed = vector[1:-1] if vector and vector[0].text in ("(", "[") and vector[-1].text in (")", "]") \
                    else []
                numbers = listed or vector
                if spelled is not None:
                    volumes = [spelled]
                elif said is None and len(numbers) > 2 and \
                        all(t.kind == "NUM" or t.lower in _SIZE_SEPARATORS for t in numbers) and \
                        sum(t.kind == "NUM" for t in numbers) > 1:
                    # `(2, 32, 32, 10)`, `55 55 96`, `55 - 55 - 96`, `55/55/96`: no volume cnncalc reads
                    self.not_a_volume(_shown(vector), Span(vector[0].start, vector[-1].end))
                    return None
                elif said is None and len(numbers) == 1 and numbers[0].kind == "NUM" and \
                        words[at] not in ("activation", "activations") and words[at + 1:at + 2] != ["neurons"]:
                    # `Activations: 290,400`, `Output neurons: 290,400` count values
                    volumes = numbers  # `Output volume: 4096`, an FC layer's vector (`4096 neurons` is prose); in
                    # brackets as the lecture lists it, `[4096]` (it was prose: a wrong one passed)
                elif said is not None:
                    return said
            if order != ir.CHW:
                volumes = _with_its_maps(volumes)  # `32x32x10, i.e. 10 maps of 32x32`: one volume
            if len({_dims_text(v.text) for v in volumes}) > 1:
                # `28x28x6 or 28x28x8`, `28x28x6 or 24x24`: which is the answer is not said
                self.sink.add(codes.E060, f"this answer has {len(volumes)} different volumes", volumes[0].span.to(
                    volumes[-1].span), hint="write the output once, as `Output: 55x55x96`")
                return None
            if volumes:
                shape = _shape(volumes[-1])
                if spatial and shape is not None and len(shape.dims) == 1:
                    shape = shape._replace(dims=shape.dims * 2)
                elif words[at:at + 2] in (["output", "size"], ["output", "dimension"]) and shape is not None and \
                        len(shape.dims) == 1:  # the lecture's `Output size: (N-F)/stride + 1`: a side (`dimension`
                    shape = shape._replace(square=True)  # too: it was a vector's length, a right side marked wrong)
                if order is not None and shape is not None and len(shape.dims) == 3:
                    shape = _channels_first(shape) if order == ir.CHW else shape._replace(order=ir.HWC)
                if shape is None:
                    self.not_a_volume(volumes[-1].text, volumes[-1].span)
                    return None
                return self.with_depth(shape, [t for t in tokens[max(after, asked):] if t is not volumes[-1]])
        return None

    def with_depth(self, shape: ir.ShapeAnswer, others: list[Tok]) -> ir.ShapeAnswer | None:
        """An output's volume with the depth said beside it (`28x28 with 8 channels`, `8 feature maps of
        28x28`, `28x28 (depth 8)`, `28x28 @ 8`): a height and width and that depth make the volume; a
        volume whose depth says otherwise is E060 (never judged on one of the two)."""
        said = _depth_said(others)
        if said is None:
            return shape
        depth, where = said
        span = Span(min(shape.span.start, where.start), max(shape.span.end, where.end))
        if not depth:  # `22x22 with 0 channels`: no volume (it was passed over, the answer judged as 22x22)
            self.not_a_volume(f"{shape.text} with a depth of 0", span)
            return None
        if len(shape.dims) == 2:
            return ir.ShapeAnswer((*shape.dims, depth), f"{shape.dims[0]}x{shape.dims[1]}x{depth}", span)
        if len(shape.dims) == 3 and shape.dims[2] == depth:
            return shape
        self.sink.add(codes.E060, f"`{shape.text}` and a depth of {depth} beside it say different outputs", span,
                      hint="write the output once, as `HxWxC`")
        return None

    def _side_answers(self, words: list[str], tokens: list[Tok]) -> tuple[ir.ShapeAnswer, ...]:
        """The sides of the output a line answers: one (`_side_answer`), or several by their letters that are not
        the height and the width together (`H2 = 28, D2 = K = 6` under `W2 = … = 28`, `W2 = 28, D2 = 6`), each
        its own answer; () for any other line."""
        one = self._side_answer(words, tokens)
        if one is not None:
            return (one,)
        at = _skip(words, _opener(words), (*_SO, "then", "the"))
        if not (words[at:at + 1] and words[at] in _LETTERS_OF_SIDES and words[at + 1:at + 2] in (["="], [":"])):
            return ()
        sides = _sides([t for t in tokens[at:] if t.text not in ("!", ".")])
        if sides is None or len(sides) < 2 or (0 in sides and 1 in sides):
            return ()  # (the height and the width together are a volume, `_output_answer`)
        answers = []
        for axis, number in sorted(sides.items()):
            if len(number.text) > len(str(limits.MAX_EXTENT)) or not 1 <= int(number.text) <= limits.MAX_EXTENT:
                self.not_a_volume(number.text, number.span)
                return ()
            answers.append(ir.ShapeAnswer((int(number.text),), number.text, number.span, axis))
        return tuple(answers)

    def _side_answer(self, words: list[str], tokens: list[Tok]) -> ir.ShapeAnswer | None:
        """One side of the output: the CS231n notes' `W2 = (32 - 5 + 2*2)/1 + 1 = 32`, `H2 = 32`, `D2 = 10`,
        or `Output width: 32`, `Output depth = 10`, `Number of activation maps: 10` (its depth), asked too (`What
        is the output depth? 10`, `What is the depth of the output volume? 10`): the whole number after the last
        `=`, else after the `:` or `?` (E060 when it is not one). None for any other line."""
        at = 2 if words[:2] in (["what", "is"], ["what", "'"]) else 0
        at = _skip(words, at, ("s", *_SO, "the"))
        if words[at:at + 1] and words[at] in ir.SIDES and words[at + 1:at + 2] == ["of"]:
            after = _skip(words, at + 2, ("the",))  # `the depth of the output volume`: `output depth`
            if words[after:after + 1] == ["output"]:
                words = [*words[:at], "output", words[at], *words[_skip(words, after + 1, ("volume",)):]]
                tokens = [*tokens[:at + 2], *tokens[_skip([t.lower for t in tokens], after + 1, ("volume",)):]]
        counted = next((len(head) for head in _COUNT_HEADS + (("how", "many"),) if words[at:at + len(head)] ==
                        list(head)), 0)
        at += counted
        if words[at:at + 2] in (["activation", "maps"], ["feature", "maps"]) and \
                (counted or words[at + 2:at + 3] in ([":"], ["="])):
            axis, at = 2, at + 2  # `Number of activation maps: 10`, `How many feature maps does CONV1 make? 10`
        elif words[at:at + 1] == ["output"] and words[at + 1:at + 2] and words[at + 1] in ir.SIDES:
            axis, at = ir.SIDES.index(words[at + 1]), at + 2
        elif words[at:at + 2] == ["output", "channels"]:  # `Number of output channels: 10`
            axis, at = 2, at + 2
        elif words[at:at + 1] == ["channels"] and words[at + 1:at + 2] in (["in"], ["of"]) and \
                words[_skip(words, at + 2, ("the",)):][:1] == ["output"]:  # `Number of channels in the output: 10`
            axis, at = 2, _skip(words, _skip(words, at + 2, ("the",)) + 1, ("volume",))
        elif words[at:at + 1] and words[at] in _ALONE_SIDES and words[at + 1:at + 2] in (["="], [":"]):
            axis, at = _ALONE_SIDES[words[at]], at + 1  # `W2 = 32`, PyTorch's `H_out = 32`, Ng's `n_C = 10`
        elif words[at:at + 2] in (["output", ":"], ["output", "="]) and words[at + 2:at + 3] and \
                words[at + 2] in _LETTERS_OF_SIDES and words[at + 3:at + 4] in (["="], [":"]):
            axis, at = _LETTERS_OF_SIDES[words[at + 2]], at + 3  # `Output: D = 96`, `Output: W = (227-11)/4+1 = 55`
        elif words[at:at + 1] in (["depth"], ["channels"]) and words[at + 1:at + 2] in ([":"], ["="]):
            axis, at = 2, at + 1  # `Depth: 10`; not `Depth of the input: 3`
        else:
            return None
        tokens = _remark_dropped(tokens)  # `Output depth: 8 (one per filter)`
        words = words[:len(tokens)]
        if any(word in _LETTERS_OF_SIDES and words[j + 1:j + 2] in (["="], [":"])
               for j, word in enumerate(words[at + 1:], at + 1)):
            return None  # `W2 = 32, H2 = 32, D2 = 10`: the sides together, a volume (`_lettered`), not the last one
        marker = _marker(words, tokens, at)
        if marker is None or any(t.kind == "WORD" for t in _untrailed(tokens[marker + 1:])):
            return None  # no answer, or the formula: `W2 = (W1 - F + 2P)/S + 1`
        count = self._last_count(words, tokens, marker, f"output {ir.SIDES[axis]}")
        if count is None:
            return None
        if not count.exact or count.digits < 1:
            self.not_a_volume(count.text, count.span)
            return None
        return ir.ShapeAnswer((count.digits,), count.text, count.span, axis)

    def _field_answer(self, words: list[str], tokens: list[Tok]) -> ir.ShapeAnswer | None:
        """`Receptive field: 7x7`, `Effective receptive field of CONV3 = 7`, `RF: 7x7 pixels`: how many input
        pixels a unit of the layer's output sees (`7` for a square field); a line with words after its `:` or
        `=` is prose (`Receptive field: the region a neuron sees`). Asked (`What is the receptive field of CONV3?
        7x7`) or said (`The receptive field of a CONV3 neuron is 7x7`) too."""
        at = 2 if words[:2] == ["what", "is"] else 0
        at = _skip(words, at, (*_SO, "the", "effective"))
        if _label(tokens[at:at + 1]) is not None:  # `CONV3 receptive field: 7x7`, `CONV3's …` (the layer named)
            named = _skip(words, at + 1 + 2 * (words[at + 1:at + 3] == ["'", "s"]), ("effective",))
            if words[named:named + 2] == ["receptive", "field"]:
                at = named
        if words[at:at + 2] == ["receptive", "field"]:
            at += 2
        elif words[at:at + 1] == ["rf"]:
            at += 1
        else:
            return None
        at = _skip(words, at, ("size",))
        marker = _marker(words, tokens, at)
        if marker is None:  # `… of CONV3? 7x7`, `… of a CONV3 neuron is 7x7`: a field is no count
            marker = next((j for j in range(at, len(words) - 1) if words[j] in ("?", "is") and
                           tokens[j + 1].kind == "DIMS"), None)
        if marker is None:
            return None
        return self._sizes_after(tokens, marker, ("pixels", "px"), "a receptive field",
                                 "`7x7`, or `7` for a square one", 1)

    def _padding_answer(self, words: list[str], tokens: list[Tok]) -> ir.ShapeAnswer | None:
        """`Padding: 3`, `Zero padding = (7 - 1)/2 = 3`, `Pad: 1x2`: the zeros the layer's window adds on each side
        (`1x2` rows and columns); asked (Ng's `What is the padding? 3`, `What padding …?`) or said (`The padding is
        3`, `P = 3` is the lecture's letter and not read here). Words after the `:` or `=` make the line prose."""
        at = 2 if words[:2] in (["what", "is"], ["what", "'"], ["how", "much"]) else 1 if words[:1] == ["what"] else 0
        at = _skip(words, at, ("s", *_SO, "the", "zero", "-", "amount", "of", "needed", "required"))
        if words[at:at + 1] not in (["padding"], ["pad"]):
            return None
        marker = _marker(words, tokens, at + 1)
        if marker is None:
            return None
        sizes = self._sizes_after(tokens, marker, ("pixels", "pixel", "px", "each", "side", "on", "per"), "a padding",
                                  "`3` (each side), or `1x2` for rows and columns", 0)
        if sizes is not None and not _KEEPING.isdisjoint(words[at + 1:marker]):
            return sizes._replace(kept=True)  # `What padding keeps the output at 7x7?`: asked of any layer's padding
        return sizes

    def _filter_shape_answer(self, words: list[str], tokens: list[Tok]) -> ir.ShapeAnswer | None:
        """`Filter shape: 11x11x3` (`Filter dimensions:`, `Kernel shape:`, `Shape of each filter:`, `Size of each
        filter:`), `Each filter is 11x11x3` (`… has size 11x11x3`, `Each filter's shape is …`), asked (`What is the
        shape of each filter? 11x11x3`): one filter's shape, its height, width and the depth it covers (`11x11` its
        height and width). Anything but one size after it makes the line prose; a size of more than three numbers
        (the whole layer's weights, `96x3x11x11`) is E060. (`Filter size:` and `Kernel size:` state a layer's
        kernel in a listing, `- Kernel size: 3`, and are not read here.)"""
        at = _skip(words, 2 if words[:2] in (["what", "is"], ["what", "are"]) else 0, ("the",))
        whole = _weight_shape_said(words)  # (a layer's weights may be 4 numbers: `96x3x11x11`)
        if words[at:at + 2] in _FILTER_SHAPE_HEADS or whole:
            marker = at + 2 if words[at + 2:at + 3] in ([":"], ["="], ["?"], ["is"]) else None
        elif words[at:at + 2] in (["shape", "of"], ["size", "of"], ["dimensions", "of"]) and \
                words[at + 2:at + 3] in (["each"], ["a"], ["one"]) and words[at + 3:at + 4] in (["filter"], ["kernel"]):
            marker = at + 4 if words[at + 4:at + 5] in ([":"], ["="], ["?"], ["is"]) else None
        elif words[at:at + 2] in (["each", "filter"], ["each", "kernel"]):
            verb = words[at + 2:at + 5]
            said = 1 if verb[:1] == ["is"] else 2 if verb[:2] in (["has", "size"], ["has", "shape"],
                                                                   ["has", "dimensions"]) else \
                3 if verb[:3] in (["'", "s", "shape"], ["’", "s", "shape"], ["'", "s", "size"],
                                   ["’", "s", "size"]) and words[at + 5:at + 6] == ["is"] else 0
            marker = at + 1 + said + (said == 3) if said else None
        else:
            return None
        if marker is None:
            return None
        value = _tuple_as_size(_untrailed(tokens[marker + 1:]))  # (`(96, 3, 11, 11)`, as PyTorch prints it)
        if len(value) != 1 or value[0].kind not in ("DIMS", "NUM"):
            return None
        sizes = _dims_text(value[0].text).split("x")
        hint = "write one filter's shape, `11x11x3` (height, width, depth)"
        if not all(size.isascii() and size.isdigit() and len(size) <= limits.MAX_LITERAL_DIGITS and int(size) >= 1
                   for size in sizes) or len(sizes) > 4:  # (`0x3x3`, 21 digits: said, never passed over as prose)
            what = "a weight shape" if whole and words[at] != "kernel" else "a filter's shape"
            self.sink.add(codes.E060, f"`{value[0].text}` is not {what}", value[0].span, hint=hint)
            return None
        if len(sizes) == 4 and not whole:
            self.sink.add(codes.E060, f"`{value[0].text}` is the whole layer's weights, not one filter's shape",
                          value[0].span, hint=f"{hint}, or the layer's as `Weight shape: 96x3x11x11`")
            return None
        if len(sizes) != 4 and whole and words[at] != "kernel":  # (`Weight shape: 4096x9216`: an FC layer's matrix)
            self.sink.add(codes.E060, f"cnncalc judges a weight shape of four numbers, a convolution's, not "
                                      f"`{value[0].text}`", value[0].span,
                          hint="write a convolution's weights as `96x3x11x11` (PyTorch's order) or `11x11x3x96`")
            return None
        return ir.ShapeAnswer(tuple(int(size) for size in sizes), value[0].text, value[0].span)

    def _sizes_after(self, tokens: list[Tok], marker: int, units: tuple[str, ...], what: str, hint: str,
                     least: int) -> ir.ShapeAnswer | None:
        """The one size or two (`7`, `7x7`) that answer after `marker`, each a whole number from `least` (a receptive
        field's, a padding's); None when something else follows (prose); E060 (and None) for a number that cannot
        be one."""
        after = [t for t in _untrailed(tokens[marker + 1:]) if t.lower not in units]
        if len(after) != 1 or after[0].kind not in ("DIMS", "NUM"):
            return None
        sizes = _dims_text(after[0].text).split("x")
        if len(sizes) > 2 or not all(size.isascii() and size.isdigit() and len(size) <= limits.MAX_LITERAL_DIGITS
                                     and int(size) >= least for size in sizes):
            self.sink.add(codes.E060, f"`{after[0].text}` is not {what}", after[0].span, hint=f"write it as {hint}")
            return None
        return ir.ShapeAnswer(tuple(int(size) for size in sizes), after[0].text, after[0].span)

    def _values_answer(self, words: list[str], tokens: list[Tok], last: ir.Line | None) -> list[tuple[str, ir.Count]]:
        """`Output: 4096 neurons`, `The output is 10,240 values`: the values of the output, a vector's length or a
        volume's height·width·depth (`Output neurons: 290,400` says the same); nothing for another line. Under a
        listing's named layer (`F6: 84 neurons`), `Output: 10 neurons` may state the next layer as much as answer
        this one: read as the answer when the layer above is an FC layer of that many neurons, else E060."""
        at = _skip(words, _opener(words), (*_SO, "then", "the"))
        if words[at:at + 1] not in _OUTPUT_WORDS[:2]:
            return []
        rest = [t for t in tokens[_skip(words, at + 1, ("volume", "size", "is", "has", ":", "=")):]
                if t.text not in ("!", ".")]
        if len(rest) < 2 or rest[0].kind != "NUM" or rest[1].lower not in _VALUE_WORDS or \
                (len(rest) > 2 and rest[2].text not in (",", ";")):
            return []
        above = last.items[0] if last is not None and last.items else None
        # `FC2 output: 11 neurons`, `Output of FC2: …` (`_as_output`'s word, of no width): the named layer's answer
        named = self.layer_named or tokens[at].start == tokens[at].end
        if isinstance(above, ir.LayerCall) and above.label is not None and rest[1].lower in _LAYER_SIZE_WORDS and \
                not named:
            units = next((a.value.value for a in above.args if a.name == "units" and isinstance(a.value, ir.Num)),
                         None) if above.keyword == "fc" else None
            if units is None or str(units) != _ungrouped(rest[0].text):
                name = (above.label or above.keyword).upper()
                self.maybe_layer = True
                self.sink.add(codes.E060, f"this line may state another layer of {rest[0].text} {rest[1].text} or "
                                          f"answer for {name} above", Span(tokens[0].start, tokens[-1].end),
                              hint=f"for {name}'s answer write `{name} output: {rest[0].text}`; for a layer, name it "
                                   f"(`FC7: {rest[0].text} neurons`, or LeNet's `OUTPUT: …` in capitals)")
                return []
        more = list(self.trailing_counts(rest[2:]).items()) if len(rest) > 2 else []  # `…, 25,610 params`
        if len(rest) > 2 and not more:
            return []
        try:
            return [("memory", self._count_token(rest[0])), *more]
        except _Unreadable as e:
            self.sink.add(codes.E060, e.message, e.span, hint="write the count as a whole number, as in `4,096`")
            return more

    def _count_answers(self, tokens: list[Tok]) -> list[tuple[str, ir.Count]]:
        """The counts a line answers (`_count_answer`), several joined by `,`, `;`, `/` or `and` (`Params: 760, MACs:
        768K`); none for prose. After the first, a part that is no count's answer is E060."""
        tokens = _per_filter_shared(_separated(_implied(tokens)))
        words = [t.lower for t in tokens]
        cuts, depth, counted = [], 0, False
        for j, t in enumerate(tokens):
            depth += (t.text in ("(", "[")) - (t.text in (")", "]"))
            # a count since the last cut (`weights and biases: 760` is one head); `none` is a count
            counted = counted or t.kind == "NUM" or t.lower in _NONE_WORDS
            if not (depth == 0 and counted and (t.text in (",", ";", "/", "|", ".") or t.lower == "and")) or \
                    tuple(words[j - 1:j + 2]) in _COUNT_WORDS:  # (`… weights and biases = 760`: one head)
                continue
            after = _skip(words, j + 1, ("and", "the", "number", "of", "no", ".", "#"), most=6)  # (a run of 6,000
            # `and`s was walked at each)
            if (_count_head(words, after) is not None or  # `Params: 760, MACs: 768K`
                    (tokens[after:after + 1] and tokens[after].kind == "NUM" and  # `760 params, 768K MACs`
                     _count_head(words, after + 1) is not None) or
                    _layer_total(tokens[after:]) is not None):  # `Weights: 150, biases: 6, total: 156`
                cuts.append(j)  # not inside parentheses: `34,944 (weights: 34,848, biases: 96)` is one answer
                counted = False
        parts: list[list[Tok]] = []
        whole_said: set[int] = set()  # the parts said to be the whole (`760 params in all`, `(760 params in total)`)
        for a, b in pairwise([-1, *cuts, len(tokens)]):
            part = tokens[a + 1:b]
            if part[:1] and part[0].lower == "and":  # `Params: 760, and MACs: …`
                part = part[1:]
            opening = max((j for j, t in enumerate(part) if t.text == "("), default=0)
            inside = part[opening + 1:-1] if opening and part[-1].text == ")" else []
            labelled = _labelled(inside) if inside else None
            said = next((j for j, t in enumerate(part[:opening]) if t.text in (":", "=")), None)
            if labelled is None and inside and said is not None:
                # `Params: 34,944 (34,848 weights + 96 biases)`: the count's parts, each an answer too
                labelled = _in_parts([*part[:said + 1], *inside])
            elif labelled is None and inside and opening == 2 and part[0].lower in ir.ANSWER_WORDS and \
                    part[1].kind == "NUM":  # `params 34,944 (34,848 weights + 96 biases)`: so too (they were dropped)
                labelled = _in_parts([part[0], Tok("P", ":", part[0].end, part[0].end), *inside])
            # `Params: 34,944 (weights: 34,848, biases: 96)`: the parenthesis answers too
            parts += [part[:opening], *labelled] if labelled else _in_parts(part) or ([part] if part else [])
            if _whole_said(inside if labelled else part):
                whole_said.update(id(p) for p in (labelled or parts[-1:]))
        found: list[tuple[str, ir.Count]] = []
        # `Each filter has 363 weights and 1 bias`: every part is one filter's (the bias was the layer's, 96: wrong)
        per_filter = bool(parts) and _filter_has([t.lower for t in parts[0]], _opener([t.lower for t in parts[0]]))
        for part in parts:
            reported = self.sink.total
            said_whole = id(part) in whole_said
            whole = False  # a total of the layer's counts, after one filter's whole count (not that filter's)
            if part is not parts[0] and part[:1] and part[0].lower in ("total", "overall"):
                part, whole = self._total_part(part, found)
                if not part:
                    return found
            part = _count_said_first(part) if cuts else part  # several answers: `760 params, 768K MACs`
            answers = self._count_answer([t.lower for t in part], part, listed=len(parts) > 1)
            if answers is None:
                if found and self.sink.total == reported:
                    self.sink.add(codes.E060, f"cnncalc does not understand `{_shown(part)}` after the answer",
                                  Span(part[0].start, part[-1].end), hint="write each answer on a line of its own")
                return found
            if per_filter and part is not parts[0] and not whole and not said_whole:
                answers = self._one_filters(answers)  # (`Each filter has 75 weights and 1 bias (760 params in
                # all)`: the layer's 760, not the filter's)
            for answer in answers:
                if any(quantity == answer[0] and count.exact and answer[1].exact and count.agrees(answer[1])
                       for quantity, count in found):
                    continue  # `Params: 0 (no learnable params)`: the same count said again
                if any(quantity == answer[0] for quantity, _ in found):  # `Params: 760 (params: 761)`
                    self.sink.add(codes.E060, f"the {ir.NOUNS[answer[0]]} count is given twice", answer[1].span,
                                  hint="keep one answer for each count")
                    return [(q, c) for q, c in found if q != answer[0]]
                found.append(answer)
        return found

    def _total_part(self, part: list[Tok], found: list[tuple[str, ir.Count]]) -> tuple[list[Tok], bool]:
        """A total after a layer's other counts on its line (`Weights: 150, biases: 6, total params: 156`), not the
        network's: the part as its count (`params: 156`), and whether it is the layer's whole count where one
        filter's came before (`Each filter has 76 params; total 760`); after a filter's weights and bias, its
        working says which, a product the layer's and a sum the filter's, and without one it is E060 (`Each filter has
        75 weights and 1 bias, total 76`: 76 or 760?). A bare total (`…, total: 156`) is the parameters after
        weights, biases or a filter's counts. Any other (`total MACs so far: …`, a bare total after MACs) is E060,
        and nothing: what it totals is not said."""
        head = _layer_total(part)
        assert head is not None
        running = not _RUNNING_WORDS.isdisjoint(t.lower for t in part)  # `total params so far: 35K`: the network's
        worked = _last_operation(part)
        whole = any(quantity == "filter_params" for quantity, _ in found) or worked == "*"
        if not running and not whole and worked != "+" and found and \
                all(quantity.startswith("filter_") for quantity, _ in found):
            # `Each filter has 75 weights and 1 bias, total 76`: the filter's 76, or the layer's 760? (judged as the
            # filter's, the layer's right count was marked wrong)
            self.sink.add(codes.E060, f"cnncalc cannot tell whether `{_shown(part)}` is one filter's count or the "
                                      f"layer's", Span(part[0].start, part[-1].end),
                          hint="work it out (`total = 75 + 1 = 76`, `total = 76*10 = 760`), or answer the layer's "
                               "count on a line of its own")
            return [], False
        if not running and head:
            return part[head:], whole
        if not running and found and all(quantity in _TOTALLED for quantity, _ in found):
            return [Tok("WORD", "params", part[0].start, part[0].end), *part[1:]], whole
        self.sink.add(codes.E060, f"cnncalc cannot tell what `{_shown(part)}` totals",
                      Span(part[0].start, part[-1].end),
                      hint="answer the layer's count (`total params: 156`), or the network's on a line of its own")
        return [], False

    def _count_answer(self, words: list[str], tokens: list[Tok], listed: bool = False
                      ) -> list[tuple[str, ir.Count]] | None:
        """`Number of parameters in this layer = (11*11*3+1)*96 = 35K`, `Parameters: 0!`, `No. of weights:
        34,848`: the count after the last `=`, else after the `:` (E060 when it is not one). Without
        either, the line is a heading (`No. of parameters`). One filter's count beside it or alone is its
        own answer (`Parameters per filter: 76`, `Params: 76 per filter, 760 total`, `760 (76 per filter)`)."""
        at = _opener(words)
        if _filter_has(words, at):
            return self._filter_has(tokens[at + 3:])
        if words[at:at + 2] in (["computational", "cost"], ["computational", "complexity"], ["compute", "cost"]):
            at += 1  # `Computational cost: 352,800 MACs`, as `Cost: …` (it was prose)
        if words[at:at + 2] in (["flop", "count"], ["flops", "count"]):
            # `FLOP count: …` as `FLOPs: …` (E060: conventions differ), and with `(MACs)` as below
            flops = tokens[at]._replace(text="FLOPs", end=tokens[at + 1].end)
            tokens, words = [*tokens[:at], flops, *tokens[at + 2:]], [*words[:at], "flops", *words[at + 2:]]
        if words[at:at + 1] in (["flop"], ["flops"]) and words[at + 1:at + 4] == ["(", "macs", ")"]:
            words = [*words[:at], "operations", *words[at + 1:]]  # `FLOPs (MACs): 352,800`: MACs, said so
        if words[at:at + 1] and words[at] in _COST_WORDS and \
                words[at + 1:at + 4] == ["(", "macs", ")"]:  # `Operations (MACs): 352,800`: MACs, said so (it was E060)
            tokens, words = [*tokens[:at], *tokens[at + 2:at + 3], *tokens[at + 4:]], [*words[:at], "macs",
                                                                                     *words[at + 4:]]
        asked = next((j for j in range(at, len(words)) if words[j] in (":", "=", "?")), len(words))
        if words[at:at + 1] in (["total"], ["overall"]) and _of_a_layer(tokens[at:asked]):
            at += 1  # `Total number of parameters in this layer: 614,656`: the layer's own count, whole
        at += next((len(head) for head in _COUNT_HEADS if words[at:at + len(head)] == list(head)), 0)
        at = _skip(words, at, ("learnable", "trainable"))
        if words[at:at + 1] == ["layer"] and _count_head(words, at + 1) is not None:
            at += 1  # `Layer parameters: 156`: the layer's own (a number after `layer` names one: `Layer 1 params`)
        marker = _marker(words, tokens, at)
        head = _count_head(words, at)
        if marker is None and head is not None and _count_alone(tokens[at + len(head):]):
            marker = at + len(head) - 1  # `Params 760`, as the spec language writes it: the count right after its word
        dashed = at + len(head) if marker is None and head is not None else len(tokens)  # where a dash would be
        if dashed + 1 < len(tokens) and tokens[dashed].text in ("-", "–", "—") and \
                _count_alone(tokens[dashed + 1:]) and tokens[dashed + 1].start > tokens[dashed].end:
            marker = dashed  # `Params - 4,640`, a dash for the colon (not `-4,640`: it was prose)
        operations = words[at:at + 1] in (["operations"], ["ops"], ["compute"], ["computation"], ["cost"]) and \
            marker is not None and any(t.kind == "NUM" for t in tokens[marker + 1:])  # `Operations: 768K`, not prose
        unit_length = _mac_unit_length(words) if operations else 0
        if operations and head is None and marker is not None and unit_length:
            # `Operations: 105,415,200 MACs`, `Computation: … multiply-adds`: the unit says
            head, words, tokens = ("macs",), words[:-unit_length], tokens[:-unit_length]
        elif words[at:at + 1] != ["operations"] and words[at:at + 1] != ["ops"]:
            operations = False  # `Cost: 105M` says no unit: prose
        if marker is None or (head is None and words[at:at + 1] != ["flops"] and not operations) or \
                words[at + 1:at + 2] in (["volume"], ["shape"], ["size"], ["map"], ["maps"]):
            return None  # `Activation volume: 55x55x96` is the output's shape
        if head is None:  # FLOPs (operations): 2·MACs, or the MACs themselves, as sources differ
            what = "FLOPs" if words[at] == "flops" else f"{tokens[at].text} (FLOPs or MACs?)"
            self.sink.add(codes.E060, f"cnncalc judges MACs, not {what}", tokens[at].span,
                          hint=f"{ir.FLOPS_HINT}: `MACs: 105.4M`")
            return None
        quantity = _COUNT_WORDS[head]
        heading = next((j for j in range(at + len(head), marker) if words[j] in (":", "=", "≈", "?")), marker)
        if quantity == "weights" and _biases_included(words[at + len(head):heading]):
            quantity = "params"  # `Weights (with bias): 448`, `Weights incl. bias: …`: all the parameters
        other = _another_count(words, tokens, at + len(head), marker)
        if other is not None:  # `Weights = 750 with biases = 10`: the last number was taken for the weights
            last = tokens[min(marker + 1, len(tokens) - 1)]
            self.sink.add(codes.E060, f"cnncalc cannot tell which count `{_shown(tokens[other:marker + 2])}` is beside "
                                      f"the {ir.NOUNS[quantity]} count", Span(tokens[other].start, last.end),
                          hint="write each answer after its own word, `,` between them: `Weights: 750, biases: 10`")
            return None
        if head == ("bias",) and not any(t.kind == "NUM" for t in tokens[marker + 1:]):
            return None  # a definition (`Bias: the constant added to each output`); `Bias: 10` is an answer
        named = next((j for j in range(at + len(head), marker) if words[j] in (":", "=", "≈", "?")), marker)
        if _for_a_batch(words[at + len(head):named]):  # `Memory for a batch of 2: 580,800`: per image, it was wrong
            self.per_batch(Span(tokens[0].start, tokens[marker].end))
            return None
        if _unshared(words[:named]):  # `Parameters without parameter sharing: 105,705,600` (290,400 neurons · 364)
            self.sink.add(codes.E060, "cnncalc judges the count with parameter sharing (one filter's weights at every "
                                      "position), not without it", Span(tokens[0].start, tokens[marker].end),
                          hint="answer the layer's count with sharing (`Parameters: 34,944`)")
            return None
        if _one_filter(words[at + len(head):named]) is not None:  # `Parameters per filter: 76`, not the working's
            if quantity not in _FILTER_QUANTITIES:
                self.sink.add(codes.E060, f"cnncalc judges one filter's parameters, weights or bias, not its "
                                          f"{ir.PLURALS[quantity]}", Span(tokens[at].start, tokens[marker].end),
                              hint="answer the layer's count, or a filter's `Parameters per filter: 76`")
                return None
            quantity = f"filter_{quantity}"
        found: list[tuple[str, ir.Count]] = []
        split = _filter_part(tokens[marker + 1:]) if not quantity.startswith("filter_") else None
        if split is not None:  # `76 per filter, 760 total`, `760 (76 per filter)`: each is judged
            rest, part = split
            one = self._filter_count(part, quantity)
            if one is None:
                return None
            found.append(one)
            if not rest:  # `Parameters: 76 per filter`: that alone
                return found
            tokens = tokens[:marker + 1] + rest
            words = words[:marker + 1] + [t.lower for t in rest]
        tokens = _in_unit_said(tokens, words[at + len(head):named], marker)  # `Params (K): 0.76`
        count = self._last_count(words, tokens, marker, ir.NOUNS[quantity], values=quantity == "memory")
        if count is None:
            return None
        unit = [t.lower for t in tokens if t.start >= count.span.end and t.text not in ("!", ".")]
        if quantity == "weights" and _biases_included(unit):
            quantity = "params"  # `Weights: 448 (with bias)`: every parameter
        said = _COUNT_WORDS.get(tuple(unit)) if unit and _count_head(unit, 0) == tuple(unit) else None
        if quantity.startswith("filter_") and (
                (said is not None and f"filter_{said}" != quantity) or
                {"filters", "kernels"} & {t.lower for t in tokens[named:] if t.end <= count.span.start}):
            # `Weights per filter: 11*11*3 = 363, plus one bias = 364; times 96 filters = 34,944 parameters`: the
            # working goes on past the filter's count to the layer's (34,944 was judged as one filter's weights)
            whose = ir.PLURALS[said or quantity[len("filter_"):]]
            self.sink.add(codes.E060, f"cnncalc cannot tell whether {count.text} is one filter's "
                                      f"{ir.PLURALS[quantity[len('filter_'):]]} or the layer's {whose}", count.span,
                          hint="answer one filter's count on a line of its own (`Weights per filter: 363`), the "
                               "layer's on another (`Parameters: 34,944`)")
            return None
        if quantity == "weights" and said == "params" and \
                _biases_added([t.lower for t in tokens[at + len(head):] if t.end <= count.span.start]):
            quantity = "params"  # `Weights = 5*5*3*16 = 1200, plus 16 biases = 1216 parameters`: every one, said so
        if said is not None and said != quantity and quantity in _COUNT_PARTS:
            if said in _COUNT_PARTS[quantity]:
                if listed:  # `Params: 750 weights, 10 biases`: the weights' count (it was judged as all 760)
                    quantity = said  # (alone, `Parameters: 760 weights` says weights loosely for all of them)
            else:  # `Params: 760 MACs`: which count it is is not said
                self.sink.add(codes.E060, f"this count is said to be {ir.PLURALS[quantity]} and {ir.PLURALS[said]}",
                              count.span, hint="answer each count after its own word, as `Params: 760, MACs: 768K`")
                return None
        return [(quantity, count), *found]

    def per_batch(self, span: Span) -> None:
        """E060 for a count said of a batch: cnncalc's counts are per image."""
        self.sink.add(codes.E060, "cnncalc judges counts per image, not for a batch", span,
                      hint="answer per image (`Memory: 290,400`); `--batch N` shows a batch's memory")

    def _one_filters(self, answers: list[tuple[str, ir.Count]]) -> list[tuple[str, ir.Count]]:
        """Answers said of one filter (after `Each filter has …`): its parameters, weights or bias (`and 1 bias`; it
        was E060); E060 for another count (`and 2,352 MACs`), which cnncalc does not judge for one filter."""
        kept = []
        for quantity, count in answers:
            if quantity in _FILTER_QUANTITIES:
                kept.append((f"filter_{quantity}", count))
            elif not quantity.startswith("filter_"):
                self.sink.add(codes.E060, f"cnncalc judges one filter's parameters, weights or bias, not its "
                                          f"{ir.PLURALS[quantity]}", count.span,
                              hint="answer the layer's count on a line of its own, or a filter's `76 params`")
            else:
                kept.append((quantity, count))
        return kept

    def _filter_has(self, said: list[Tok]) -> list[tuple[str, ir.Count]] | None:
        """`Each filter has 76 parameters`, `Each filter has 5*5*3 + 1 = 76 params (+1 for bias)`, `Each kernel has
        75 weights`: one filter's count, after the working's last `=`, and after a comma the layer's, said to be the
        whole (`…, so 760 in total`) or worked out to its own word (`…, so 76 × 10 = 760 parameters`); None (prose)
        unless the filter's ends in its word (`363 weights plus a bias`: the weights, the bias said beside them). The
        layer's may follow without a comma, after `so` or `=>` (`… = 76 params so 76*10 = 760`: it was prose)."""
        said = _implied(said)
        cut = next((j for j, t in enumerate(said) if t.text in (",", ";") or (
            t.lower in _SO and _after_count_word(said, j))), len(said))
        said, rest = said[:cut], _unled(said[cut + 1:])
        while rest and rest[-1].text in ("!", "."):
            rest = rest[:-1]
        filters_had = _filters_having(rest)  # `…, so 10 filters have 760`: the layer's
        rest = filters_had or rest
        said, _ = _aside(said)
        said = _after_working(said)
        while said and said[-1].text in ("!", "."):
            said = said[:-1]
        if len(said) > 4 and said[-4].lower == "weights" and [t.lower for t in said[-3::2]] in (
                ["plus", "bias"], ["+", "bias"], ["and", "bias"]) and said[-2].lower in ("a", "one", "1"):
            said = said[:-3]  # `5*5*3 = 75 weights plus a bias`
        word = next((t.lower for t in reversed(said) if t.lower in ir.ANSWER_WORDS), None)
        count = _untrailed(said)
        worked = _after_working(rest)  # `so 76 × 10 = 760 parameters`: the layer's count (of its own word, if any)
        whole_word = worked[-1].lower if worked and ir.ANSWER_WORDS.get(worked[-1].lower) in ("params", "weights") \
            else None
        worked_out = bool(filters_had) or (0 < len(worked) < len(rest) and (whole_word is not None or
                                                                          len(worked) == 1))
        if worked_out:
            rest = worked
        whole = _untrailed(_unwhole(rest)) if rest else []
        if word is None or ir.ANSWER_WORDS[word] not in ("params", "weights") or len(count) != 1 or \
                count[0].kind != "NUM" or said[-1].lower not in ir.ANSWER_WORDS or \
                (rest and ((not worked_out and len(_unwhole(rest)) == len(rest)) or len(whole) != 1 or
                           whole[0].kind != "NUM")):
            return None
        quantity = ir.ANSWER_WORDS[word]
        try:
            found = [(f"filter_{quantity}", self._count_token(count[0]))]
            layers = ir.ANSWER_WORDS[whole_word] if worked_out and whole_word is not None else quantity
            return [(layers, self._count_token(whole[0])), *found] if whole else found
        except _Unreadable as e:
            self.sink.add(codes.E060, e.message, e.span, hint="write the count as `76`")
            return None

    def _filter_count(self, part: list[Tok], quantity: str) -> tuple[str, ir.Count] | None:
        """`76 per filter`, `75 weights per filter`, `76 params each`: one filter's count, of the line's quantity
        unless it names its own (parameters, weights or biases, `1 bias per filter`); E060 for anything else."""
        words = [t.lower for t in part]
        said = next((ir.ANSWER_WORDS[w] for w in words if w in ir.ANSWER_WORDS), quantity)
        left = [t for t, w in zip(part, words) if w not in ir.ANSWER_WORDS and w not in _FILTER_WORDS]
        if said not in _FILTER_QUANTITIES or len(left) != 1 or left[0].kind != "NUM":
            self.sink.add(codes.E060, f"cnncalc does not understand `{_shown(part)}` as one filter's count",
                          Span(part[0].start, part[-1].end), hint="write it as `76 per filter` (parameters) or "
                                                                 "`75 weights per filter`")
            return None
        try:
            return f"filter_{said}", self._count_token(left[0])
        except _Unreadable as e:
            self.sink.add(codes.E060, e.message, e.span, hint="write the count as `76`")
            return None

    def volume_cell(self, tokens: list[Tok]) -> ir.ShapeAnswer | None:
        """A table's output cell: `55x55x96`, `[55x55x96]`, `4096`, as an output line writes it (`[55, 55, 96]`,
        `55x55, 96 channels`); None when empty, `?`, `-` or `N/A`, and after E060 for anything else."""
        inside = [t for t in tokens if t.text not in ("[", "]")]
        if _blank_cell(tokens):
            return None
        shape = _shape(inside[0]) if len(inside) == 1 and inside[0].kind in ("DIMS", "NUM") else None
        spelled = _written_volume(tokens) if shape is None else None
        if spelled is not None:
            shape = _shape(spelled)
        elif shape is None and inside[0].kind == "DIMS" and _depth_said(inside[1:]) is not None:
            depth_first = _shape(inside[0])
            return self.with_depth(depth_first, inside[1:]) if depth_first is not None else None
        if shape is None:
            self.not_a_volume(_shown(tokens), Span(tokens[0].start, tokens[-1].end))
        return shape

    def side_cell(self, tokens: list[Tok], axis: int) -> ir.ShapeAnswer | None:
        """A table's cell of one side of the output (a column `H`, `W`, `C`): a whole number; None when blank,
        and after E060 for anything else."""
        if _blank_cell(tokens):
            return None
        cell = _untrailed(tokens)
        if len(cell) == 1 and cell[0].kind == "NUM" and cell[0].text.isdigit() and \
                len(cell[0].text) <= limits.MAX_LITERAL_DIGITS and int(cell[0].text) >= 1:
            return ir.ShapeAnswer((int(cell[0].text),), cell[0].text, cell[0].span, axis)
        self.sink.add(codes.E060, f"`{_shown(tokens)}` is not the output's {ir.SIDES[axis]}",
                      Span(tokens[0].start, tokens[-1].end), hint="write it as a whole number, as in `55`")
        return None

    def count_cell(self, tokens: list[Tok], quantity: str, unit: str = "") -> ir.Count | None:
        """A table's count cell: `34,944`, `35K`, `(11*11*3+1)*96 = 34,944` (the number after the last `=`), in
        the column's `unit` when it has one (`34.944` under `Params (K)`); None when empty, `?` or `-`, and
        after E060 for anything else."""
        if _blank_cell(tokens):
            return None
        body, aside = _aside(tokens)
        marks = [i for i, t in enumerate(body) if t.text in ("=", "≈")]
        if marks and marks[-1] >= 1 and body[marks[-1] - 1].kind == "NUM" and \
                (marks[-1] == 1 or body[marks[-1] - 2].text in ("=", "≈")):
            try:  # `| 457 ≈ 0.5K |`: the exact count, then itself rounded (the rounded one alone passed 457)
                said = self._count_token(body[marks[-1] - 1])
                restated = self.count_again(said, body[marks[-1] + (body[marks[-1]].text == "="):])
            except _Unreadable as e:
                self.sink.add(codes.E060, e.message, e.span, hint="write the count as `34,944`, `35K` or `62.4M`")
                return None
            if restated is not None:
                return self._with_aside(restated, aside)
            if body[marks[-1]].text == "=" and _arithmetic_count(_untrailed(body[marks[-1] + 1:])) is not None:
                return self._with_aside(said, aside)  # `| 449 = 16*28 |`: the count said, then its working
        after, approximate = _approximate(body[marks[-1] + 1:] if marks else body)
        after = _untrailed(after)
        try:
            for written, beside in ((_untrailed(tokens), []), (after, aside)) if not unit and not marks else ():
                value = _arithmetic_count(written) if not approximate else None
                if value is not None:  # `| (11*11*3+1)*96 |`: the count is its value
                    return self._with_aside(value, beside)
            if len(after) != 1 or (after[0].kind != "NUM" and after[0].lower not in _NONE_WORDS):
                raise _Unreadable(f"`{_shown(tokens)}` is not a {ir.NOUNS[quantity]} count",
                                  Span(tokens[0].start, tokens[-1].end))
            number = after[0]
            if unit and number.kind == "NUM" and number.text[-1].isdigit():
                number = Tok("NUM", number.text + unit, number.start, number.end)
            count = self._count_token(number)
            approximate = approximate or bool(marks and body[marks[-1]].text == "≈")
            return self._with_aside(count.approximate() if approximate else count, aside)
        except _Unreadable as e:
            self.sink.add(codes.E060, e.message, e.span, hint="write the count as `34,944`, `35K` or `62.4M`")
            return None

    def unreadable(self, volume: object, name_tokens: list[Tok], counts: dict[str, ir.Count] | None = None
                   ) -> ir.Line:
        """The layer stays, unknown: later answers rest on it, and its own answers, not checked, still count."""
        label = _label(name_tokens)
        call = ir.LayerCall(label or "layer", (), label, Span(self.start, self.end), valid=False)
        shape = volume if isinstance(volume, ir.ShapeAnswer) else None
        counts = counts or {}
        answer = None
        if shape is not None or counts:
            span = Span(self.start, self.end)
            answer = ir.answered(shape, counts, span)
        return ir.Line((call,), answer, Span(self.start, self.end))

    def unread_step(self, step: bool, said: str) -> ir.Line:
        """A step of a one-line network (`step`), or a line written as a call, that reads as no layer (`CONV(lots of
        filters)`): E060, and the layer stays, unknown, of the kind its name says (`CONV output: …` after it is its
        answer, not checked)."""
        what = "this step of the one-line network" if step else f"`{said}`"
        self.sink.add(codes.E060, f"cnncalc cannot read {what} as a layer", Span(self.start, self.end),
                      hint="describe it as `CONV(10 filters, 5x5, stride 1, pad 2)`, `POOL(2x2, stride 2)` or `FC(10)`")
        kind = _layer_kind(self.tokens[0].lower) if self.tokens and self.tokens[0].kind == "WORD" else None
        line = self.unreadable(None, self.tokens[:1])
        call = line.items[0]
        assert isinstance(call, ir.LayerCall)
        return line._replace(items=(call._replace(keyword=kind or call.keyword),))

    def unread_stated(self, tokens: list[Tok], reported: bool) -> ir.Line:
        """A line that states something and then its output after an arrow (`Spatial pyramid pooling -> 1x1x64`)
        but reads as no layer: E060, and the layer stays, unknown (the answers after it rest on it and are not
        checked; passed over as prose, the next layer's input was the one before it, and right answers were
        judged wrong)."""
        arrow = _arrow(tokens, 0)  # the line's own (the reader's may have been cut by the forms it tried)
        if not reported:
            self.sink.add(codes.E060, f"cnncalc cannot read `{_shown(tokens[:arrow])}` as a layer",
                          Span(tokens[0].start, tokens[arrow - 1].end),
                          hint=f"the forms cnncalc reads: {FORMS}")
        return self.unreadable(None, [])

    def unread_answered(self, tokens: list[Tok]) -> None:
        """A convolution's, a pool's or an FC layer's statement that does not read (`64 3x3 filters, pad 1, pad 0`),
        with a volume or a number after its arrow or colon: said in `statement_unread`, for the line's E060 (it was
        prose: a wrong answer passed over). Without an answer so written, prose."""
        tokens = _one_arrow(tokens)  # (`=>`)
        self.statement_unread = any(
            (t.text == ":" or t.kind == "ARROW") and (
                tokens[j + 1].kind == "DIMS" or tokens[j + 1].lower in (*ir.ANSWER_WORDS, "output") or
                (tokens[j + 1].kind == "NUM" and (tokens[j + 2:j + 3] == [] or tokens[j + 2].lower in ir.ANSWER_WORDS)))
            for j, t in enumerate(tokens[:-1]))  # (not the colon of `Conv: 64 3x3 filters, …`, nor `F = 3 => zero pad
        # with 1`)

    def salvage(self) -> dict[str, ir.Count]:
        """The answers written on a line that could not be read (`-> params 750`, `(760 params)`)."""
        counts: dict[str, ir.Count] = {}
        tokens = self.tokens
        for i, tok in enumerate(tokens):
            quantity = tok.lower in ir.ANSWER_WORDS
            if not quantity:
                continue
            before = tokens[i - 1] if i else None
            j = i + 2 if tokens[i + 1:i + 2] and tokens[i + 1].text in (":", "=") else i + 1
            if tokens[j + 1:j + 2] and tokens[j + 1].text in _WORKING_SIGNS:  # `params = 3*3*3*64 + 64 = 1,792`
                segment = next((k for k in range(j, len(tokens)) if tokens[k].text in (",", ";")), len(tokens))
                j = max((k + 1 for k in range(j, segment) if tokens[k].text == "="), default=len(tokens))
            after = tokens[j] if j < len(tokens) and tokens[j].kind == "NUM" else None
            number = after if after is not None else before if before is not None and before.kind == "NUM" else None
            if number is not None:
                try:
                    counts.setdefault(_quantity(tok), self._count_token(number))
                except _Unreadable:
                    continue
        return counts

    # ---- the parts of a line -----------------------------------------------------------

    def volume(self) -> ir.ShapeAnswer | bool | None:
        """`[55x55x96]`, `[4096]`, `[5x5]`; `[?]` or `[ ]` for no answer; False when the bracket holds prose."""
        opening = self.next()
        inside = []
        while self.peek() is not None and not self.at("]"):
            inside.append(self.next())
        if self.peek() is None:
            return False
        closing = self.next()
        if not inside or all(t.text == "?" for t in inside):
            return None
        written = inside[0] if len(inside) == 1 and inside[0].kind in ("DIMS", "NUM") else \
            _spelled([opening, *inside, closing])  # `[32, 32, 3]`, as Python prints a list
        if written is not None:
            shape = _shape(written, least=0 if self.at("input") else 1)  # `[0x227x3] INPUT`: E023, not prose
            if shape is not None:
                return shape
        rest = self.peek()
        if rest is None or ":" not in [t.text for t in self.tokens[self.i:]]:
            return False
        self.not_a_volume(_shown(inside), Span(opening.end, closing.start))
        return None

    def not_a_volume(self, written: str, span: Span) -> None:
        hint = "write the output volume as `HxWxC` (e.g. `55x55x96`), every size at least 1; `N` for a vector, " \
               "`?` for no answer"
        if re.search(r"[0-9]\.[0-9]", written):
            hint = "a volume's sizes are whole numbers: when the division is not exact, answer `doesn't fit`; " \
                   "otherwise write the sizes as whole numbers, as in `55x55x96`"
        self.sink.add(codes.E060, f"`{written}` is not a volume", span, hint=hint)

    def layer(self, words: list[str], name_span: Span, kind: str | None = None) -> ir.LayerCall:
        name = " ".join(words)
        body_start = self.peek()
        kind = self.call_kind() or kind or _layer_kind(name)  # `nn.MaxPool2d(2)`: the call says it, over the name
        if kind == "conv" and re.fullmatch(r"c[0-9]+", name) and _says_fully_connected(self.tokens[self.i:]):
            kind = "fc"  # LeNet's C5 (a convolution over the whole 5x5 map) described as `120 fully connected units`
        if kind in ("maxpool", "avgpool"):
            return self.pool(kind, name_span)
        if kind in ("adaptiveavgpool", "adaptivemaxpool"):
            return self.adaptive(kind, name_span)
        if kind in ("conv", "deconv", "dwconv"):
            return self.conv(name_span, transposed=kind == "deconv", depthwise=kind == "dwconv")
        if kind == "fc":
            return self.fc(name_span)
        if kind == "batchnorm" and self.call_kind() is not None:  # `nn.BatchNorm2d(64)`: its channels checked
            called = self.called(kind, name_span)
            assert called is not None
            return called
        if kind is not None:
            return self.simple(kind, name_span, _DESCRIBED[kind])
        raise _Unreadable(f"`{name.upper() if name else '(no name)'}` is not a layer cnncalc knows in this notation",
                          name_span if words else (body_start.span if body_start else name_span))

    def conv(self, name_span: Span, transposed: bool = False, depthwise: bool = False) -> ir.LayerCall:
        """`96 11x11 filters`, `96 11x11x3 filters`, `96 filters of size 11x11` (`of size 11`, `(11x11)`, `(11x11,
        stride 4)`), the size first (`11x11 conv, 96 filters`, `conv 11x11, 96 filters`), then options; or the
        lecture's hyperparameters, `K=96, F=11, S=4, P=0`. `transposed`: a transposed convolution's (`UPCONV1: 64
        2x2 filters at stride 2`), which may add `output padding 1`; `depthwise`: a layer named depthwise (`DWCONV1:
        3x3, stride 1`), whatever its description says."""
        if self.at(*_TRANSPOSED_WORDS) and \
                (self.at("conv", "convolution", "convolutional", ahead=1) or not self.at("transposed", "transpose")):
            transposed = True  # `UP1: transposed conv, 8 filters 3x3, …`: the description says the kind
            self.next()
            while self.at("layer", ",", "-"):  # `UP1: deconv, 8 2x2 filters`
                self.next()
        called = self.called("deconv" if transposed else "conv", name_span)
        if called is not None:
            return called
        if not transposed and self.at("k", "f") and self.peek(1) is not None and \
                self.peek(1).text in ("=", ":"):  # type: ignore[union-attr]
            return self.hyperparameters(name_span)
        one_per_channel = None if transposed else self.depthwise(name_span, depthwise)
        if one_per_channel is not None:
            return one_per_channel
        args: list[ir.Arg] = []
        kernel = size_first = None
        following = self.peek(1)
        if self.at("a", "an") and following is not None and \
                (following.kind == "DIMS" or self.at(*_CONV_WORDS, ahead=1)):
            self.next()  # `Layer 3: a 1x1 convolution with 64 filters`
        if self.at("with", "has", "uses", "using", "applies") and self.peek(1) is not None and \
                self.peek(1).kind in ("DIMS", "NUM"):  # type: ignore[union-attr]
            self.next()  # `Layer 1: CONV with 32 filters 3x3`
        if self.at("pointwise", "pw"):  # `PW1: pointwise conv 1x1, 64 filters`: a 1x1 convolution's name for itself
            self.next()
        if self.at("conv", "convolution", "convolutional", "conv2d"):
            # `conv 11x11, 96 filters`, `conv 96 11x11`, `conv, 6 filters 5x5`, `conv layer with 6 5x5 filters`
            # (Keras' and PyTorch's class names too, without their call: `Conv2D, 32 filters, 3x3`)
            ahead = 1 + self.at("layer", ahead=1)
            ahead += self.at(",", "-", ":", "with", "using", "of", ahead=ahead)
            after, inside = self.peek(ahead), self.peek(ahead + 1)
            if after is not None and after.text == "(" and inside is not None and inside.kind in ("DIMS", "NUM"):
                opening = self.i + ahead  # `CONV1: convolution (6 filters, 5x5, stride 1)`: its description inside
                closing = next((j for j in range(opening, len(self.tokens)) if self.tokens[j].text == ")"), None)
                if closing is not None:
                    self.tokens = [*self.tokens[:opening], *self.tokens[opening + 1:closing],
                                   *self.tokens[closing + 1:]]
                    after = self.peek(ahead)
            if after is not None and after.kind in ("DIMS", "NUM"):
                self.i += ahead
        first = self.peek()
        slash: list[Tok] = []  # `conv 7x7/2, 64 filters`: the stride after the size (the GoogLeNet paper's table)
        if first is not None and first.kind == "DIMS" and "@" in first.text:  # `96@11x11`: filters@size, as LeNet's
            count_text, _, size = first.text.partition("@")
            self.tokens[self.i:self.i + 1] = [
                Tok("NUM", count_text.strip(), first.start, first.start + len(count_text.rstrip())),
                Tok("DIMS", size.strip(), first.end - len(size.lstrip()), first.end)]
            if not self.at("filters", "filter", "kernels", ahead=2):
                self.tokens.insert(self.i + 2, Tok("WORD", "filters", first.end, first.end))
        elif first is not None and (first.kind == "DIMS" or self.sized_kernel()):
            kernel = self.kernel()  # the size first: `11x11 conv, 96 filters`, `kernel 5x5, 10 output channels`
            size_first = kernel
            following = self.peek(1)
            if self.at("/") and following is not None and following.kind == "NUM":
                slash = self.tokens[self.i:self.i + 2]  # read with the options, after the filters
                del self.tokens[self.i:self.i + 2]
            while self.at(*_SIZE_FIRST_JOINS):
                self.next()
        count = self.expect_number("the number of filters, as in `96 11x11 filters`")
        if not transposed and self.channels_to_channels(kernel is None):  # `CONV1: 3 -> 32, 3x3, …`: in, then out
            args.append(ir.Arg("inputs", ir.Num(count[0], count[1]), count[1]))  # (E017 if the input's depth differs)
            count = self.expect_number("the number of output channels")
            if self.at("channels", "filters", "kernels"):
                self.next()
        elif self.phrase(_INPUT_CHANNELS) is not None:  # `3 input channels, 10 output channels`: PyTorch's in_channels
            args.append(ir.Arg("inputs", ir.Num(count[0], count[1]), count[1]))  # (E017 if the input's depth differs)
            while self.at(",", "and"):
                self.next()
            if kernel is None and self.sized_kernel():
                kernel = self.kernel()
                while self.at(*_SIZE_FIRST_JOINS):
                    self.next()
            count = self.expect_number("the number of output channels, as in `3 input channels, 10 output channels`")
        args.append(ir.Arg("out_channels", ir.Num(count[0], count[1]), count[1]))
        after_count = self.peek()
        if kernel is not None and after_count is not None and after_count.kind == "DIMS":
            raise _Unreadable(f"the filter size is given twice; `{after_count.text}` is the second",
                              after_count.span)
        size_after = self.peek(1)
        if kernel is None and after_count is not None and after_count.text == "," and size_after is not None and \
                size_after.kind == "DIMS":
            self.next()  # `96, 11x11, stride 4`: the count, then the size
            after_count = size_after
        if kernel is None and after_count is not None and after_count.kind == "DIMS":
            kernel = self.kernel()
        noun = self.phrase(_FILTERS_COUNTED)  # `96 11x11 filters`, `10 output channels`
        if noun is not None:
            end = noun.end
        elif kernel is not None:
            end = kernel.span.end  # `conv 96 11x11, stride 4`: the count and the size say the filters
        else:
            raise _Unreadable(f"expected `filters` here, found `{_shown(self.tokens[self.i:self.i + 1]) or 'nothing'}`",
                              self.rest_span())
        self.tokens[self.i:self.i] = slash
        comma = int(self.at(","))
        if kernel is None and self.at("f", ahead=comma) and self.at(":", "=", ahead=comma + 1):  # `96 filters, F = 11`
            if self.at(","):
                self.next()
            letter = self.next()
            self.next()
            tok = self.peek()
            if tok is None or tok.kind != "NUM":
                raise _Unreadable(f"expected the filter size after `{letter.text}`", self.rest_span())
            kernel = self.kernel()
            end = kernel.span.end
        if kernel is None:  # `10 filters, 5x5`, `10 filters of size 5x5`, `10 filters (5x5)`, `10 filters, size 5`
            if self.at(","):
                self.next()
            opened = self.at("(")
            if opened:
                self.next()
            sized = False  # `each of size 5x5`, `with kernel size 5`, `of spatial extent 5` (the lecture's F)
            while self.at("of", "each", "with", "a", "kernel", "filter", "spatial", "size", "extent", "kernel_size",
                          "=", ":"):
                sized = self.next().lower in ("size", "extent", "kernel_size", "kernel") or sized  # (`kernel 5`)
            lettered = self.at("f") and self.at("=", ":", ahead=1)  # `96 filters (F=11, S=4)`
            if lettered:
                self.next()
                self.next()
            tok = self.peek()
            if tok is None or not (tok.kind == "DIMS" or ((sized or lettered) and tok.kind == "NUM")):
                raise _Unreadable("expected the filter size, as in `96 11x11 filters`", self.rest_span())
            kernel = self.kernel()
            end = kernel.span.end
            while self.at("kernel", "kernels", "window"):  # `10 output channels, 5x5 kernel`
                end = self.next().end
            if opened and self.at(")"):
                end = self.next().end
            elif opened:  # `96 filters (11x11, stride 4)`: the options inside the parentheses
                closing = next((j for j in range(self.i, len(self.tokens)) if self.tokens[j].text == ")"), None)
                if closing is None:
                    raise _Unreadable("expected `)` after the filter size", self.rest_span())
                self.tokens = self.tokens[:closing] + self.tokens[closing + 1:]
        args.append(ir.Arg("kernel", kernel, kernel.span))
        args += self.options({"stride", "pad", "dilation", "groups", "bias", *(("outpad",) if transposed else ())})
        args = self.said_once(args, None if transposed else kernel)
        if size_first is not None and noun is None and not transposed and not slash and \
                _unplaced(size_first) != _UNIT_KERNEL and not any(arg.name == "pad" for arg in args):
            # `3x3 conv, 64`: the ResNet figure's, padded; a LeNet sheet's `5x5 conv, 6` is not (`_figure_conv`); the
            # GoogLeNet table's `conv 7x7/2, 64` is read unpadded, as its `/2` is everywhere
            raise _Unreadable(f"the padding of `{_shown(self.tokens[:self.i])}` is not said: the ResNet figure pads "
                              f"such a convolution, other sheets do not", size_first.span)
        return ir.LayerCall("deconv" if transposed else "conv", tuple(args), None,
                            Span(name_span.start, max(end, args[-1].span.end)))

    def call_kind(self) -> str | None:
        """The kind of layer a framework's call at the cursor makes (`nn.Conv2d(`, Keras' `MaxPooling2D(`), read
        by `called`; None when the description is no such call."""
        call = _call_at([t.lower for t in self.tokens], self.i)
        return None if call is None else _CALLS[self.tokens[call].lower][0]

    def called(self, kind: str, name_span: Span) -> ir.LayerCall | None:
        """A layer described by its framework's arguments: the call (`nn.Conv2d(3, 10, 5, padding=2)`, Keras'
        `Conv2D(10, (5, 5), padding='same')`, `nn.MaxPool2d(2, 2)`, `nn.Linear(4096, 10)`: its positional arguments
        in that framework's order, `_CALLS`), or the keywords alone (`in_channels=3, out_channels=10, kernel_size=5,
        stride=1, padding=2`; Keras' `filters=10, kernel_size=(5, 5)`; a pool's `kernel_size=2` or `pool_size=(2,
        2)`); the rest (`stride=`, `padding=`, `dilation=`, `groups=`, `bias=False`) read as any options are, and
        Keras' `activation='relu'` passed over (it changes no count). An input's channels said (`in_channels`,
        `in_features`) are checked against the input's (E017). None when the description is neither."""
        call = _call_at([t.lower for t in self.tokens], self.i)
        first = self.peek()
        order: tuple[str, ...] = ()
        end = None  # where the call closes
        after = len(self.tokens)  # the first token after the call's arguments: no positional argument from there
        if call is not None:
            named = self.tokens[call]
            kind, order = _CALLS[named.lower]
            if named.text in _KERAS_ORDERS:  # `Conv2D(10, …)`: Keras' filters first, not PyTorch's in_channels
                order = _KERAS_ORDERS[named.text]
            self.i = call + 2
            depth = 1
            for closing in range(self.i, len(self.tokens)):
                depth += (self.tokens[closing].text == "(") - (self.tokens[closing].text == ")")
                if not depth:
                    end = self.tokens.pop(closing).end  # the call's options are read as the description's
                    after = closing
                    break
            else:
                raise _Unreadable(f"expected `)` closing `{named.text}(`", self.rest_span())
        elif not (self.at(*_CALL_KEYWORDS) and self.at("=", ":", ahead=1)):
            return None
        self.tokens[self.i:] = _activation_dropped(self.tokens[self.i:])  # Keras' `activation='relu'`
        values: dict[str, ir.Arg] = {}
        while (tok := self.peek()) is not None:
            if tok.text == ",":
                self.next()
            elif tok.lower in _INERT_KEYWORDS and self.at("=", ahead=1) and self.peek(2) is not None and \
                    self.peek(2).kind == "NUM":  # type: ignore[union-attr]
                self.i += 3  # a batch norm's `eps=1e-3`, `momentum=0.1`: no count changes
            else:
                keyword = _CALL_KEYWORDS.get(tok.lower) if self.at("=", ":", ahead=1) else None
                if keyword == "units" and kind in ("conv", "deconv"):
                    keyword = "out_channels"  # `Conv2d(in=3, out=16, kernel_size=3)`
                positional = keyword is None and (tok.kind in ("NUM", "DIMS") or tok.text == "(") and self.i < after
                if keyword is None and not (positional and len(values) < len(order)):
                    break
                name = keyword or order[len(values)]
                if keyword is not None:
                    self.i += 2
                if name in values:
                    raise _Unreadable(f"`{tok.text}` is given twice", tok.span)
                values[name] = self.call_value(name)
        if call is not None and self.tokens[call].text in _KERAS_POOLS and "kernel" not in values:
            two = ir.Num(2, self.tokens[call].span)  # Keras' `MaxPooling2D()`: its pool_size (2, 2) by default
            values["kernel"] = ir.Arg("kernel", ir.PairLit((two, two), two.span), two.span)
        needed = {"conv": ("out_channels", "kernel"), "deconv": ("out_channels", "kernel"), "fc": ("units",),
                  "batchnorm": ()}.get(kind, ("kernel",))
        missing = [name for name in needed if name not in values]
        if missing and first is not None:
            said = {"out_channels": "out_channels (filters)", "kernel": "kernel_size", "units": "out_features"}
            raise _Unreadable(f"expected {' and '.join(said[m] for m in missing)}, as in `in_channels=3, "
                              f"out_channels=10, kernel_size=5`",
                              Span(first.start, end if end is not None else self.tokens[self.i - 1].end))
        allowed = {"conv": {"stride", "pad", "dilation", "groups", "bias"}, "fc": {"bias"}, "batchnorm": set(),
                   "deconv": {"stride", "pad", "dilation", "groups", "bias", "outpad"}}.get(kind, {"stride", "pad"})
        args = [*values.values(), *self.options(allowed - set(values))]
        if "floor" in REGISTRY[kind].schema.flags and all(a.name != "rounding" for a in args):
            # the frameworks round an inexact division down (PyTorch's `ceil_mode=False`, Keras' 'valid'), and so
            # does the layer their call writes: its right answer is then judged, not passed over as not fitting
            rule = self.tokens[call].span if call is not None else first.span if first is not None else name_span
            args.append(ir.Arg("rounding", ir.Word("floor", rule), rule))
        end = max((a.span.end for a in args), default=end if end is not None else name_span.end)
        return ir.LayerCall(kind, tuple(args), None, Span(name_span.start, end))

    def call_value(self, name: str) -> ir.Arg:
        """A framework's argument: a whole number (a size, `5`, is its height and width) or a pair, `(5, 5)`."""
        tok = self.peek()
        pair = self.tokens[self.i:self.i + 5]
        if tok is not None and tok.text == "(":
            if [t.kind for t in pair[1::2]] != ["NUM", "NUM"] or [t.text for t in pair[2::2]] != [",", ")"]:
                raise _Unreadable("expected a pair of whole numbers, as in `(5, 5)`", self.rest_span())
            self.tokens[self.i:self.i + 5] = [Tok("DIMS", f"{pair[1].text}x{pair[3].text}", pair[0].start,
                                                  pair[4].end)]
            tok = self.peek()
        if tok is None or tok.kind not in ("NUM", "DIMS"):
            raise _Unreadable(f"expected a number for `{name}`", self.rest_span())
        if name == "kernel" or tok.kind == "DIMS":
            value = self.kernel()
            if not isinstance(value, ir.PairLit):
                raise _Unreadable(f"`{tok.text}` is not a height and a width", tok.span)
            return ir.Arg(name, value, tok.span)
        number = self.expect_number(f"a whole number for `{name}`")
        product, where = number
        for _ in range(_MOST_FACTORS - 1):  # `nn.Linear(256 * 6 * 6, 4096)`: a product, as code writes sizes
            factor = self.peek(1)
            if not self.at("*") or factor is None or factor.kind != "NUM" or not factor.text.isdigit() or \
                    len(factor.text) > limits.MAX_LITERAL_DIGITS:
                break
            self.i += 2
            product, where = product * int(factor.text), where.to(factor.span)
        if self.at("*"):
            raise _Unreadable(f"a size is a product of at most {_MOST_FACTORS} whole numbers here, as in `256 * 6 * 6`",
                              where.to(self.rest_span()))
        return ir.Arg(name, ir.Num(product, where), where)

    def sized_kernel(self) -> bool:
        """At a filter size said by its name (`kernel 5x5`, `kernel size 3`, `kernel_size=3`, `filter size: 5`),
        which it passes over to the size; False, having read nothing, anywhere else."""
        j = 0
        while self.at("kernel", "filter", "size", "kernel_size", "=", ":", ahead=j):
            j += 1
        after = self.peek(j)
        if not j or after is None or after.kind not in ("DIMS", "NUM") or \
                not self.at("kernel", "filter", "kernel_size"):
            return False
        self.i += j
        return True

    def phrase(self, phrases: tuple[tuple[str, ...], ...]) -> Tok | None:
        """The last token of the first of `phrases` (each a run of words) the line goes on with, read; None when
        none."""
        for words in phrases:
            if all(self.at(word, ahead=j) for j, word in enumerate(words)):
                self.i += len(words)
                return self.tokens[self.i - 1]
        return None

    def depthwise(self, name_span: Span, named: bool = False) -> ir.LayerCall | None:
        """`depthwise 3x3, stride 2`, `3x3 depthwise conv, pad 1`: one filter per input channel (the spec's
        `dwconv`); None when the description is not one. A layer `named` depthwise (`DWCONV1: 3x3, stride 1`) needs
        only its filters' size; their number, when said (`DWCONV1: 32 3x3 filters`), is the input's channels."""
        start = self.i
        first, second = self.peek(), self.peek(1)
        count = self.expect_number("the number of filters") if named and first is not None and \
            first.kind == "NUM" and second is not None and second.kind == "DIMS" else None
        first, second = self.peek(), self.peek(1)
        lead = self.i
        while lead < len(self.tokens) and self.tokens[lead].lower in (*_DEPTHWISE_WORDS, *_CONV_WORDS, "-", "a", "an",
                                                                      "with", "using", "of"):
            lead += 1  # `depthwise conv 3x3`, `Conv dw 3x3`, `a depthwise convolution with 3x3 kernels`
        if lead < len(self.tokens) and self.tokens[lead].kind == "DIMS" and \
                any(t.lower in _DEPTHWISE_WORDS for t in self.tokens[self.i:lead]):
            self.i = lead
        elif not (first is not None and first.kind == "DIMS" and
                  (named or (second is not None and second.lower in _DEPTHWISE_WORDS))):
            self.i = start
            return None
        kernel = self.kernel()
        while self.at(*_DEPTHWISE_WORDS, "separable", "conv", "convolution", "filter", "filters", "kernel", "kernels"):
            self.next()
        args = self.said_once([ir.Arg("kernel", kernel, kernel.span), *self.options({"stride", "pad", "dilation",
                                                                                    "bias"})], kernel)
        if count is not None:  # checked as PyTorch's `in_channels` (E017 when the input has another depth)
            args.append(ir.Arg("inputs", ir.Num(*count), count[1]))
        return ir.LayerCall("dwconv", tuple(args), None, Span(name_span.start, args[-1].span.end))

    def hyperparameters(self, name_span: Span, keyword: str = "conv") -> ir.LayerCall:
        """`K=96, F=11, S=4, P=0`, the lecture's letters: K filters of F x F at stride S, zero padding P (K and F
        needed, each letter once, in any order, K said in words too, `8 filters`; without K, the depth of the output
        the line answers, as Andrew Ng's table writes `CONV1 (f=5, s=1)`); a pool's `F=3, S=2` (its window F x F, no
        K)."""
        needed = ("k", "f") if keyword == "conv" else ("f",)
        given: dict[str, tuple[int, Span]] = {}
        while self.peek() is not None:
            tok = self.peek()
            assert tok is not None
            if tok.text in (",", ";") or tok.lower == "and":
                self.next()
                continue
            joint = self.peek(1)
            if keyword == "conv" and tok.kind == "NUM" and joint is not None and joint.lower in ("filters", "kernels") \
                    and "k" not in given:  # `CONV1 (f=5, s=1, 8 filters)`: K in words
                number = self.expect_number("the number of filters")
                given["k"] = (number[0], Span(tok.start, self.next().end))
                continue
            if tok.lower not in _LETTERS or joint is None or joint.text not in ("=", ":") or \
                    (tok.lower == "k" and keyword != "conv"):
                break
            if tok.lower in given:
                raise _Unreadable(f"`{tok.text}` is given twice", tok.span)
            self.next()
            self.next()
            number = self.expect_number(f"a number after `{tok.text}=`")
            given[tok.lower] = (number[0], Span(tok.start, number[1].end))
        volume = self.answered_volume
        if keyword == "conv" and "k" not in given and "f" in given and volume is not None and len(volume.dims) == 3:
            given["k"] = (volume.dims[2], volume.span)  # `CONV1 (f=5, s=1)` answering 28x28x8: 8 filters
        missing = [letter.upper() for letter in needed if letter not in given]
        if missing:
            example = "the filters need {} (K filters of F x F), as in `K=96, F=11, S=4, P=0`" if keyword == "conv" \
                else "the pool needs {} (an F x F window), as in `F=3, S=2`"
            raise _Unreadable(example.format(" and ".join(missing)),
                              self.rest_span() if self.peek() is not None else name_span)
        args = []
        for letter, (value, span) in given.items():
            number = ir.Num(value, span)
            args.append(ir.Arg(_LETTERS[letter], ir.PairLit((number, number), span) if letter == "f" else number, span))
        if keyword == "conv":  # (`K=10, F=3, S=1` under `All convolutions use 'same' padding.`)
            args = self.said_once(args, next(arg.value for arg in args if arg.name == "kernel"))
        return ir.LayerCall(keyword, tuple(args), None, Span(name_span.start, max(a.span.end for a in args)))

    def pool(self, keyword: str, name_span: Span) -> ir.LayerCall:
        """`3x3 filters at stride 2`, `2x2 max pooling, stride 2`, `pool 2x2`, the letters `F=3, S=2`. The
        description's `max` or `average` (`avg`, `mean`) decides the kind over the name's (`POOL1: 2x2 avg pool`)."""
        if self.at("f", "s") and self.peek(1) is not None and self.peek(1).text in ("=", ":"):  # type: ignore[union-attr]
            return self.hyperparameters(name_span, keyword)
        called = self.called(keyword, name_span)
        if called is not None:
            return called
        ahead = [t.lower for t in self.tokens[self.i:self.i + 3]]
        opening = ahead[:1 + (ahead[:1] in (["a"], ["an"]))]  # the description's first word, after `a`
        if "adaptive" in opening:  # `POOL5: adaptive avg pool to 7x7`
            return self.adaptive("adaptivemaxpool" if "max" in ahead else "adaptiveavgpool", name_span)
        if "global" in opening:  # `POOL2: global average pool`: no window
            kind = "globalmaxpool" if "max" in ahead else "globalavgpool"
            return self.simple(kind, name_span, {"a", "an", *_DESCRIBED[kind]})
        said: list[str] = []
        while self.at("max", "average", "avg", "mean", "pool", "pooling", "window", "windows", "of", "size", "with",
                      "-", "a", "an", ",", "kernel", "filter", "layer", "subsampling", *_POOL_KINDS):  # (`max-pool`,
            # `POOL1 is a 3x3 max pool`, `max pooling, kernel 2x2`, the spec's `maxpool 3x3`, `max pooling layer with
            # …`, LeNet's `S2: subsampling (2x2, stride 2)`)
            said.append(self.next().lower)
        after = self.peek(1)
        if said and self.at("(") and after is not None and after.kind in ("DIMS", "NUM"):
            closing = next((j for j in range(self.i, len(self.tokens)) if self.tokens[j].text == ")"), None)
            if closing is not None:  # `max pool (2x2, stride 2)`: the window and options in parentheses
                self.tokens = [*self.tokens[:self.i], *self.tokens[self.i + 1:closing], *self.tokens[closing + 1:]]
        if said and self.at("f", "s") and self.peek(1) is not None and \
                self.peek(1).text in ("=", ":"):  # type: ignore[union-attr]
            return self.hyperparameters(name_span, _pool_said(said, keyword))  # `max pool, F=2, S=2`
        if self.peek() is None or self.peek().kind not in ("DIMS", "NUM"):  # type: ignore[union-attr]
            raise _Unreadable("expected the window size, as in `3x3 filters at stride 2`", self.rest_span())
        kernel = self.kernel()
        slash = self.tokens[self.i:self.i + 3]
        strided = [t.text for t in slash[:1]] == ["/"] and slash[1:2] != [] and slash[1].kind == "NUM" and \
            slash[2:3] != [] and slash[2].lower in ("max", "average", "avg", "mean", "pool", *_POOL_KINDS)
        if strided:  # `3x3/2 max pool`, the GoogLeNet table's size and stride, then the kind: the stride after it
            del self.tokens[self.i:self.i + 2]
        while self.at("filters", "filter", "windows", "window", "max", "average", "avg", "mean", "pool", "pooling",
                      "-", "layer", *_POOL_KINDS):  # (`2x2 max-pool`, `a 2x2 max-pooling layer with stride 2`)
            said.append(self.next().lower)
        if strided:
            self.tokens[self.i:self.i] = slash[:2]
        args = [ir.Arg("kernel", kernel, kernel.span)] + self.options({"stride", "pad"})
        return ir.LayerCall(_pool_said(said, keyword), tuple(args), None, Span(name_span.start, args[-1].span.end))

    def fc(self, name_span: Span) -> ir.LayerCall:
        """`4096 neurons` (or units, outputs), `fully connected, 4096 units`, in parentheses (`FC layer (100
        neurons)`), or the number alone (`FC6: 4096`, `FC6 (4096)`) when only answers follow it."""
        called = self.called("fc", name_span)
        if called is not None:
            return called
        while self.at("fully", "connected", "-", "fc", "dense", "layer", "with", ",", "hidden", "a", "an", "of",
                      "output", "affine"):
            self.next()  # (`a fully connected layer with 100 units`, `fully-connected layer of 100 neurons`, `output
            # layer with 10 neurons`, `affine layer with 10 outputs`)
        following = self.peek(1)
        if self.at("to") and following is not None and following.kind == "NUM":
            self.next()  # `fully connected to 120 units`
        after = self.peek(1)
        opened = self.at("(") and after is not None and after.kind == "NUM"  # `FC layer (100 neurons)`
        if opened:
            self.next()
        # (`FC1: 784 -> 256`; not the colon `FC(784) -> 256` is read with, `_called`: a layer 784 wide)
        after_colon = 0 < self.i <= len(self.tokens) and self.tokens[self.i - 1].text == ":" and \
            self.tokens[self.i - 1].kind != "OPENED"
        count = self.expect_number("the number of neurons, as in `4096 neurons`")
        end = count[1].end
        if self.at("-") and self.at(*_FC_UNITS, ahead=1):  # `120-unit fully connected layer`
            self.next()
        if self.at("output") and self.at(*_FC_UNITS, ahead=1):  # `10 output units`
            self.next()
        while self.at(*_FC_KIND_WORDS) and not (self.at("-") and not self.at(*_FC_KIND_WORDS, ahead=1)):
            self.next()  # `120 fully connected units`
        unit = self.at(*_FC_UNITS)
        if unit:
            end = self.next().end
            comma = int(self.at(","))
            if self.at("fully", "fc", "dense", ahead=comma):  # `120 units, fully connected`, `120-unit FC layer`
                while self.at(",", "layer", *_FC_KIND_WORDS):
                    end = self.next().end
        received = self.inputs_said() if unit else None  # `10 neurons (5120 inputs)`
        following = self.peek()
        if opened:
            if following is None or following.text != ")":
                raise _Unreadable("expected `)` after the number of neurons", self.rest_span())
            end = self.next().end
        elif not unit and following is not None and _arrow(self.tokens, self.i) != self.i and \
                following.text not in (",", ";", "("):  # (`Dense 10 => 10`: its answers after the arrow)
            raise _Unreadable("expected `neurons` after the number, as in `4096 neurons`", self.rest_span())
        elif not unit and after_colon and self.in_to_out(count[0]):  # `FC1: 784 -> 256`: its inputs, then its width
            received, count = count, self.expect_number("the number of neurons")
            end = count[1].end
        args = (ir.Arg("units", ir.Num(count[0], count[1]), count[1]),
                *self.said_once(self.options({"bias"}), None))  # `…, no bias`
        if received is not None:  # checked as PyTorch's `in_features` (E017 when the layer receives another count)
            args = (*args, ir.Arg("inputs", ir.Num(*received), received[1]))
        return ir.LayerCall("fc", args, None, Span(name_span.start, max(end, args[-1].span.end)))

    def inputs_said(self) -> tuple[int, Span] | None:
        """After an FC layer's neurons, the count of values it takes in parentheses, `(5120 inputs)` (`(4,096 input
        values)`, `(4096 input features)`), passed: checked as PyTorch's `in_features` (it was E060). None, and the
        cursor where it was, for anything else."""
        opening, number = self.peek(), self.peek(1)
        if opening is None or opening.text != "(" or number is None or number.kind != "NUM" or \
                not number.text.replace(",", "").isdigit() or len(number.text) > limits.MAX_LITERAL_DIGITS:
            return None
        words = [t.lower for t in self.tokens[self.i + 2:self.i + 5]]
        said = next((len(w) for w in (["inputs", ")"], ["input", "values", ")"], ["input", "features", ")"],
                                      ["in", ")"]) if words[:len(w)] == w), 0)
        if not said:
            return None
        self.i += 2 + said
        return int(number.text.replace(",", "")), number.span

    def said_once(self, args: list[ir.Arg], kernel: ir.Value | None) -> list[ir.Arg]:
        """A layer's arguments with what a line of prose above said once for the whole sheet, where the layer says
        nothing of its own: a convolution's padding (`kernel` its filters' size; `All convolutions use 'same'
        padding.`, for the size named when one is) and no biases (`Ignore the bias terms.`)."""
        if kernel is not None and self.assumed_pad is not None and not any(arg.name == "pad" for arg in args) and \
                self.assumed_pad[1] in (None, _kernel_sides(kernel)):
            args = [*args, ir.Arg("pad", self.assumed_pad[0], kernel.span)]
        if self.assumed_unbiased is not None and not any(arg.name == "bias" for arg in args):
            args = [*args, ir.Arg("bias", ir.Word("nobias", self.assumed_unbiased), self.assumed_unbiased)]
        return args

    def channels_to_channels(self, sized_after: bool) -> bool:
        """After a convolution's first number, an arrow and a bare number (`CONV1: 3 -> 32, 3x3, stride 1`, `3x3, 3 ->
        32 channels`): its input channels, then its output channels, as `nn.Conv2d(3, 32, 3)` writes them; the arrow
        passed, the cursor at the output channels. Only when what follows says so (`channels`, or, before the size,
        a comma and the size): `3x3, 64 -> 56` stays the filters and an answer."""
        arrow, out, after, size = self.peek(), self.peek(1), self.peek(2), self.peek(3)
        if arrow is None or arrow.kind != "ARROW" or out is None or out.kind != "NUM" or not out.text.isdigit():
            return False
        said = after is not None and after.lower in ("channels", "filters", "kernels")
        sized = sized_after and after is not None and after.text == "," and size is not None and size.kind == "DIMS"
        if not (said or sized):
            return False
        self.next()
        return True

    def in_to_out(self, count: int) -> bool:
        """At an arrow after an FC layer's bare number right after its name's colon, another bare number that
        differs from it (`FC1: 784 -> 256`, `FC2: 256 -> 128, params 32,896`): the layer written as its inputs and its
        outputs, as `nn.Linear(784, 256)`; the arrow then passed. An FC layer's output is as wide as it is, so `784 ->
        256` cannot be 784 neurons answered 256 wide (its right counts were marked wrong as a 784-wide layer's).
        Without the colon, `FC 4096 -> 4095` is the width and an answer, as a listing writes it."""
        arrow, width, after = self.peek(), self.peek(1), self.peek(2)
        if arrow is None or arrow.kind != "ARROW" or width is None or width.kind != "NUM" or \
                not width.text.replace(",", "").isdigit() or int(width.text.replace(",", "")[:18]) == count or \
                (after is not None and after.text not in (",", ";", "(") and after.kind != "ARROW" and
                 _arrow(self.tokens, self.i + 2) != self.i + 2):  # (`FC1: 784 -> 256 -> 256`: its answer after)
            return False
        self.next()
        return True

    def adaptive(self, keyword: str, name_span: Span) -> ir.LayerCall:
        """`adaptive avg pool to 7x7`, `7x7` after an adaptive pool's name: PyTorch's adaptive pooling, to that
        height and width whatever the input's."""
        while self.at(*_ADAPTIVE_WORDS):
            self.next()
        tok = self.peek()
        if tok is None or tok.kind not in ("DIMS", "NUM"):
            raise _Unreadable("expected the output's size, as in `adaptive average pooling to 7x7`", self.rest_span())
        size = self.kernel()
        if not isinstance(size, ir.PairLit):
            raise _Unreadable(f"`{tok.text}` is not an output's height and width", tok.span)
        end = size.span.end
        while self.at(*_ADAPTIVE_WORDS):
            end = self.next().end
        return ir.LayerCall(keyword, (ir.Arg("size", size, size.span),), None, Span(name_span.start, end))

    def simple(self, keyword: str, name_span: Span, allowed: set[str]) -> ir.LayerCall:
        """A layer without numbers: its description's words may repeat the kind (`Normalization layer`); a
        dropout's rate may follow (`Dropout: 0.5`, `dropout (p = 0.5)`, `50%`), which changes no count, and an LRN's
        size, the channels it sums over (`local response normalization, size 5`, `LRN (n = 5)`)."""
        end = name_span.end
        start = self.i
        args: tuple[ir.Arg, ...] = ()
        while (tok := self.peek()) is not None and ((tok.kind == "WORD" and tok.lower in allowed) or
                                                    (keyword == "dropout" and _rate(tok, self.peek(1)))):
            end = self.next().end
        said = " ".join(t.lower for t in self.tokens[start:self.i])
        sized = [t.lower for t in self.tokens[self.i:self.i + 5]]
        if keyword == "lrn" and sized:
            at = 1 if sized[0] in (",", "(") else 0
            at += sized[at:at + 1] in (["size"], ["n"])
            at += sized[at:at + 1] in (["="], [":"])
            number = self.tokens[self.i + at] if at > 0 and self.i + at < len(self.tokens) else None
            if number is not None and number.kind == "NUM" and number.text.isdigit() and \
                    self.tokens[self.i + at - 1].lower in ("size", "n", "=", ":") and \
                    len(number.text) <= limits.MAX_LITERAL_DIGITS:
                closed = self.i + at + 1 < len(self.tokens) and self.tokens[self.i + at + 1].text == ")"
                if sized[0] != "(" or closed:
                    args = (ir.Arg("size", ir.Num(int(number.text), number.span), number.span),)
                    self.i += at + 1 + closed
                    end = self.tokens[self.i - 1].end
        if keyword == "lrn" and _UNREAD_KINDS.search(said):  # `NORM1: Layer normalization`: not the lecture's LRN
            raise _Unreadable(f"`{said}` is not read in this notation: its parameters depend on the axes it "
                              f"normalizes", Span(self.tokens[start].start, end))
        return ir.LayerCall(keyword, args, None, Span(name_span.start, end))

    def kernel(self) -> ir.Value:
        tok = self.next()
        text = _dims_text(tok.text)
        parts = text.split("x")
        if len(parts) > 3 or not all(p.isascii() and p.isdigit() and len(p) <= limits.MAX_LITERAL_DIGITS
                                     for p in parts):
            raise _Unreadable(f"`{tok.text}` is not a filter size", tok.span)
        nums = tuple(ir.Num(int(p), tok.span) for p in parts)
        if len(nums) == 1:
            return ir.PairLit((nums[0], nums[0]), tok.span)
        if len(nums) == 3:
            return ir.Volume((nums[0], nums[1]), nums[2].value, tok.span)
        return ir.PairLit((nums[0], nums[1]), tok.span)

    def expect_number(self, what: str) -> tuple[int, Span]:
        tok = self.peek()
        if tok is not None and tok.lower in _NUMBER_WORDS:  # `ten 5x5 filters`
            self.next()
            return _NUMBER_WORDS[tok.lower], tok.span
        if tok is None or tok.kind != "NUM" or not tok.text.replace("_", "").isdigit():
            raise _Unreadable(f"expected {what}", self.rest_span())
        self.next()
        digits = tok.text.replace("_", "")
        if len(digits) > limits.MAX_LITERAL_DIGITS:
            raise _Unreadable(f"`{short(tok.text)}` is too large", tok.span)
        return int(digits), tok.span

    def no_bias(self) -> Span | None:
        """`no bias`, `without biases`, `w/o bias`, `bias=False` (PyTorch's keyword), read: the span; None
        otherwise."""
        words = [t.lower for t in self.tokens[self.i:self.i + 4]]
        if words[:1] in (["no"], ["without"]) and words[1:2] in (["bias"], ["biases"]):
            width = 2
        elif words[:3] == ["w", "/", "o"] and words[3:4] in (["bias"], ["biases"]):
            width = 4
        elif words[:1] in (["bias"], ["use_bias"]) and words[1:2] in (["="], [":"]) and words[2:3] == ["false"]:
            width = 3
        else:
            return None
        first, last = self.tokens[self.i], self.tokens[self.i + width - 1]
        self.i += width
        return Span(first.start, last.end)

    def options(self, allowed: set[str]) -> list[ir.Arg]:
        """`at stride 4, pad 0`, `with padding 1`, `, dilation 2, groups 5`: every word read or reported."""
        args: list[ir.Arg] = []
        seen: set[str] = set()
        skipped_from: int | None = None  # connectors read since the last option: unread if nothing follows
        opened = 0  # parentheses opened around options
        rest = self.tokens[self.i:]  # without the quotes around a padding's word: `"same" padding`, `'valid'`
        self.tokens[self.i:] = [t for j, t in enumerate(rest) if t.text not in _QUOTES or not any(
            0 <= j + d < len(rest) and rest[j + d].lower in _PAD_WORDS for d in (-1, 1))]
        while self.peek() is not None:
            tok = self.peek()
            assert tok is not None
            following = self.peek(1)
            negated = self.peek(2) if following is not None and following.lower in ("no", "without") else None
            if tok.text == "(" and following is not None and (
                    OPTION_WORDS.get(following.lower) in allowed or
                    (following.lower in _PAD_WORDS and "pad" in allowed) or
                    (following.lower in _ROUNDING_OPTIONS and "stride" in allowed) or
                    (negated is not None and _NEGATED_OPTIONS.get(negated.lower) in allowed)):
                opened += 1  # `(stride 1, pad 2)`, `(no bias)`, `(no padding)`, `(same padding)`
                self.next()
                continue
            if tok.text == ")" and opened:
                opened -= 1
                self.next()
                continue
            if tok.text in (",", ";") or tok.lower in CONNECTORS:
                if skipped_from is None:
                    skipped_from = self.i
                self.next()
                continue
            padded = _padding_in_words([t.lower for t in self.tokens[self.i:self.i + 6]]) if "pad" in allowed else 0
            if padded:  # `2 pixels of zero padding`, `padded with 2 zeros`: as `pad 2` (each was E060)
                number = next(t for t in self.tokens[self.i:self.i + padded] if t.kind == "NUM")
                self.tokens[self.i:self.i + padded] = [Tok("WORD", "pad", tok.start, tok.end), number]
                continue
            if tok.lower == "zero" and self.peek(1) is not None and self.peek(1).lower in ("pad", "padding"):  # type: ignore
                self.next()
                continue
            if tok.lower == "zero" and self.at_pair_after("-", ("pad", "padding")):  # `zero-padding 2`
                self.next()
                self.next()
                continue
            if tok.lower in ("bias", "use_bias") and "bias" in allowed and following is not None and \
                    following.text in ("=", ":") and self.at("true", ahead=2):  # `bias=True`: PyTorch's default
                if "bias" in seen:
                    raise _Unreadable("the bias is given twice", Span(tok.start, self.tokens[self.i + 2].end))
                seen.add("bias")
                self.i += 3
                skipped_from = None
                continue
            unbiased = self.no_bias() if tok.lower in ("no", "without", "w", "bias", "use_bias") and "bias" in allowed \
                else None
            if unbiased is not None:  # `no bias`, `without biases`, `bias=False`: the layer has none (`nobias`)
                if "bias" in seen:
                    raise _Unreadable("the bias is given twice", unbiased)
                seen.add("bias")
                args.append(ir.Arg("bias", ir.Word("nobias", unbiased), unbiased))
                skipped_from = None
                continue
            rounded = self.rounding_said() if "stride" in allowed else None
            if rounded is not None:  # `3x3 filters at stride 2 (ceil mode)`: as the spec's `ceil` on the layer
                if "rounding" in seen:
                    raise _Unreadable("the rounding is given twice", rounded[1])
                seen.add("rounding")
                args.append(ir.Arg("rounding", ir.Word(*rounded), rounded[1]))
                skipped_from = None
                continue
            unpadded = self.no_padding() if tok.lower in ("no", "without") and "pad" in allowed else None
            if unpadded is not None:  # `no padding`, `without zero-padding`: pad 0
                if "pad" in seen:
                    raise _Unreadable("the padding is given twice", unpadded)
                seen.add("pad")
                args.append(ir.Arg("pad", ir.Num(0, unpadded), unpadded))
                skipped_from = None
                continue
            alone = following is None or following.text in (",", ";", ")") or following.kind == "ARROW"
            if tok.lower in _PAD_WORDS and "pad" in allowed and (
                    (following is not None and following.lower in _PADDED_NOUNS) or
                    ((args or skipped_from is not None) and alone)):
                # `same padding`, `valid padding`: TensorFlow's; `same` alone among the options, as Keras writes it;
                # Ng's `same convolution`
                said = following if following is not None and following.lower in _PADDED_NOUNS else tok
                closing = self.peek(1 + (said is not tok))
                if "pad" in seen and self.i and self.tokens[self.i - 1].text == "(" and closing is not None and \
                        closing.text == ")":  # `pad 1 (same)`: the padding's name, after its number (which counts)
                    self.i += 2 + (said is not tok)
                    continue
                if "pad" in seen:
                    raise _Unreadable("the padding is given twice", Span(tok.start, said.end))
                seen.add("pad")
                self.next()
                if said is not tok:
                    self.next()
                args.append(ir.Arg("pad", ir.Word(tok.lower, tok.span), Span(tok.start, said.end)))
                skipped_from = None
                continue
            if tok.lower == "output" and following is not None and following.lower in ("padding", "pad") and \
                    "outpad" in allowed:  # `output padding 1`: one word, as `outpad`, not the line's output
                self.tokens[self.i:self.i + 2] = [Tok("WORD", "outpad", tok.start, following.end)]
                continue
            glued = re.fullmatch(r"([sp])([0-9]{1,9})", tok.lower) if tok.kind == "WORD" else None
            if glued:  # `3x3, s2`: the lecture's S and P with their number
                self.tokens[self.i:self.i + 1] = [Tok("WORD", glued[1], tok.start, tok.start + 1),
                                                  Tok("NUM", glued[2], tok.start + 1, tok.end)]
                continue
            name = "stride" if tok.text == "/" and following is not None and following.kind == "NUM" else \
                OPTION_WORDS.get(tok.lower)  # `3x3/2`: a size, then its stride (the GoogLeNet paper's tables)
            if name is None or name not in allowed:
                if skipped_from is not None and tok.text != "(" and tok.kind != "ARROW":
                    self.i = skipped_from  # `with bias`: report the connector with the words it joins
                break
            skipped_from = None
            self.next()
            if self.at("of", "=", ":"):
                self.next()
            quoted = self.at("'", '"')
            if name == "pad" and self.peek(int(quoted)) is not None and \
                    self.peek(int(quoted)).lower in _PAD_WORDS:  # type: ignore[union-attr]
                if quoted:  # `padding 'same'`, as Keras and MATLAB write it
                    self.next()
                word = self.next()
                if quoted and self.at("'", '"'):
                    self.next()
                if name in seen:
                    raise _Unreadable(f"`{tok.text}` is given twice", Span(tok.start, word.end))
                seen.add(name)
                args.append(ir.Arg(name, ir.Word(word.lower, word.span), Span(tok.start, word.end)))
                continue
            worked = _option_worked(self.tokens, self.i)
            if worked is not None:  # `padding = (F-1)/2 = 1`: the value after its working (its arithmetic checked
                self.i = worked  # where it is written, E046)
            value = self.peek()
            pair = self.tokens[self.i:self.i + 5]
            if [t.text for t in pair[::2]][:1] == ["("] and [t.kind for t in pair[1::2]] == ["NUM", "NUM"] and \
                    [t.text for t in pair[2::2]] == [",", ")"]:  # `stride (1, 2)`, as PyTorch writes a pair
                value = Tok("DIMS", f"{pair[1].text}x{pair[3].text}", pair[0].start, pair[4].end)
                self.tokens[self.i:self.i + 5] = [value]
            if value is not None and value.lower in _NUMBER_WORDS:  # `a stride of one and padding of two`
                value = Tok("NUM", str(_NUMBER_WORDS[value.lower]), value.start, value.end)
                self.tokens[self.i] = value
            if value is None or value.kind not in ("NUM", "DIMS") or not re.fullmatch(r"[0-9]+(?:\s*[xX×]\s*[0-9]+)?",
                                                                                       value.text):
                raise _Unreadable(f"expected a number after `{tok.text}`", self.rest_span())
            self.next()
            text = _dims_text(value.text)
            parts = [int(p) for p in text.split("x") if len(p) <= limits.MAX_LITERAL_DIGITS]
            if len(parts) != len(text.split("x")):
                raise _Unreadable(f"`{short(value.text)}` is too large", value.span)
            expr: ir.Value = ir.Num(parts[0], value.span) if len(parts) == 1 else \
                ir.PairLit((ir.Num(parts[0], value.span), ir.Num(parts[1], value.span)), value.span)
            if name in seen:
                raise _Unreadable(f"`{tok.text}` is given twice", Span(tok.start, value.end))
            seen.add(name)
            args.append(ir.Arg(name, expr, Span(tok.start, value.end)))
            if name == "pad":  # `padding of 2 pixels`, `pad 2 on each side`: the same padding
                self.i += _pad_unit_length([t.lower for t in self.tokens[self.i:self.i + 5]])
        return args

    def rounding_said(self) -> tuple[str, Span] | None:
        """How a window layer rounds an inexact division, said among its options: `ceil mode`, `ceil_mode=True`,
        `(ceil)`, `floor`, `rounded up`, `rounding down`: read, the spec's `ceil` or `floor`, and where it is
        written; None (nothing read) for other words."""
        words = [t.lower for t in self.tokens[self.i:self.i + 3]]
        if words[:1] in (["ceil"], ["ceiling"], ["floor"], ["ceil_mode"]):
            length = 1 + (words[1:2] == ["mode"]) + 2 * (words[:1] == ["ceil_mode"] and words[1:3] == ["=", "true"])
            mode = "floor" if words[0] == "floor" else "ceil"
        elif words[:1] in (["rounded"], ["rounding"], ["round"], ["rounds"]) and words[1:2] in (["up"], ["down"]):
            length, mode = 2, "ceil" if words[1] == "up" else "floor"
        else:
            return None
        start = self.next().start
        end = start
        for _ in range(length - 1):
            end = self.next().end
        return mode, Span(start, max(end, start + len(words[0])))

    def no_padding(self) -> Span | None:
        """`no padding`, `no zero padding`, `without zero-padding` at the cursor: read, and where it is
        written; None (nothing read) for other words."""
        words = [t.lower for t in self.tokens[self.i:self.i + 4]]
        length = 2 + (words[1:2] == ["zero"]) + (words[1:3] == ["zero", "-"])
        if words[length - 1:length] not in (["pad"], ["padding"]):
            return None
        start = self.next().start
        for _ in range(length - 1):
            end = self.next().end
        return Span(start, end)

    def answers(self, volume: object) -> ir.Expectation | None:
        """The bracketed volume, plus `-> params N macs N`, `(760 params)`, `, 760 params` or `params: 760`; a
        parenthesis of words is a remark."""
        shape = volume if isinstance(volume, ir.ShapeAnswer) else None
        counts: dict[str, ir.Count] = {}
        received: ir.ShapeAnswer | None = None
        sized: dict[str, ir.ShapeAnswer] = {}  # `rf 11`, `depth 96`: a receptive field and sides, by their word
        arrowed = False  # an arrow was read: the answers follow it
        self.tokens = self.tokens[:self.i] + _counts_merged(_hash_dropped(self.tokens[self.i:]))  # `(34 944 params)`
        while self.peek() is not None:
            tok = self.peek()
            assert tok is not None
            after = self.peek(1)
            sized_said = self.sized_answer(sides=arrowed)
            if sized_said is not None:  # `-> rf 11`, `, receptive field: 11x11`, `-> depth 96`
                sized_word, answer = sized_said
                if sized_word in sized:
                    raise _Unreadable(f"the {sized_word} is given twice", answer.span)
                sized[sized_word] = answer
                continue
            if tok.lower == "input" and after is not None and after.kind == "DIMS" and received is None:
                self.i += 2  # `…, input 227x227x3`: the volume the layer receives (`_input_said`)
                received = _shape(after)
                if received is None:
                    raise _Unreadable(f"`{after.text}` is not a volume", after.span)
                continue
            arrow = tok.kind == "ARROW" or (tok.text == "=" and self.at_pair("=", ">")) or \
                tok.lower == "output"  # `…, stride 4, output 55x55x96`
            if arrow:
                arrowed = True
                self.next()
                if tok.text == "=":
                    self.next()  # `=>`
                # `-> output 55x55x96`, `→ output: 55x55x96`; `output` itself: `…, pad 0. Output (volume): 55x55x96`
                headed = self.at("volume", "shape", "size") if tok.lower == "output" else \
                    self.at("output", "shape", "size")
                if headed:
                    self.next()
                    if tok.lower != "output" and self.at("volume", "shape", "size", "dims", "dimensions"):
                        self.next()  # `-> output shape [1, 16, 32, 32]`
                if (headed or tok.lower == "output") and self.at(":", "="):
                    self.next()
                # `-> [55x55x96]`, `=> 55x55x96` on a line whose volume is not first; `-> doesn't fit`
                given = self.fit_answer() or self.arrowed_volume()
                if given is not None and given.square:
                    given = self.volume_after_side() or given  # `-> (227-11)/4 + 1 = 55, so 55x55x96`
                if given is not None:
                    if shape is not None:
                        raise _Unreadable("the answer has two volumes", given.span)
                    shape = given
                    if self.at("neurons", "values", "activations") and not self.at(":", "=", ahead=1):
                        self.next()  # `-> 55x55x96 neurons`: what the volume holds (the lecture's "3D grid of neurons")
                while self.at(*ir.ANSWER_WORDS):
                    word = self.next()
                    if self.at(":", "="):
                        self.next()
                    self.past_working(arithmetic=True)  # `-> params = 400*120 + 120 = 48120`, as after a comma
                    _answer_once(counts, _quantity(word), self.count(word), word)
                continue
            if tok.text == "(":  # `-> 28x28x6, (5*5*1+1)*6 = 156 parameters`: a working, then its count
                end = next((j for j in range(self.i, len(self.tokens)) if self.tokens[j].text in (",", ";")),
                           len(self.tokens))
                past = _past_sentence_working(self.tokens, self.i, end)
                if past > self.i and _count_head([t.lower for t in self.tokens[past + 1:past + 6]], 0) is not None:
                    self.i = past
                    continue
            if tok.text in ("(", "["):
                self.parenthesis(counts)
                continue
            stated = _stated_counts(self.tokens[self.i + 1:]) if tok.lower in _HAS else None
            if stated is not None:  # `8 3x3 filters with 584 params`: as `params: 584`
                self.tokens = self.tokens[:self.i] + stated
                continue
            following = self.peek(1)
            named = self.peek(2)
            unit = _count_head([t.lower for t in self.tokens[self.i + 2:self.i + 7]], 0) \
                if tok.lower in _APPROXIMATELY and following is not None and following.kind == "NUM" else None
            if unit is not None and following is not None and _COUNT_WORDS[unit] != "memory":
                # `, ~35000 params`: rounded, as `35K`; `, ~442K multiply-adds`
                self.i += 2 + len(unit)
                _answer_once(counts, _COUNT_WORDS[unit], self._count_token(following).approximate(),
                             self.tokens[self.i - 1])
                continue
            if counts and tok.lower in _APPROXIMATELY and following is not None and following.kind == "NUM" and \
                    (named is None or named.text in (",", ";")):  # `params 456, ~0.5K`: the count again, rounded
                last = list(counts)[-1]
                restated = self.count_again(counts[last], [tok, following])
                assert restated is not None
                counts[last] = restated
                self.i += 2
                continue
            past = _past_sentence_working(self.tokens, self.i, len(self.tokens)) if tok.kind == "NUM" else self.i
            if past > self.i and _count_head([t.lower for t in self.tokens[past + 1:past + 6]], 0) is not None:
                self.i = past  # `…, and it has 3*3*1*8 + 8 = 80 parameters`: the count after its working (checked as
                continue  # workings are)
            unit = _count_head([t.lower for t in self.tokens[self.i + 1:self.i + 6]], 0) if tok.kind == "NUM" \
                else None
            if unit is not None and (len(unit) > 1 or unit[0] not in ir.ANSWER_WORDS) and \
                    _COUNT_WORDS[unit] != "memory":
                # `, 442,368 multiply-adds`, `, 442,368 multiplications`, `, 448 weights and biases`
                self.i += 1 + len(unit)
                _answer_once(counts, _COUNT_WORDS[unit], self._count_token(tok), self.tokens[self.i - 1])
                continue
            if tok.kind == "NUM" and following is not None and following.lower in ("learnable", "trainable") and \
                    named is not None and named.lower in ir.ANSWER_WORDS:  # `and it has 760 learnable params`
                self.tokens = self.tokens[:self.i + 1] + self.tokens[self.i + 2:]
                continue
            if tok.kind == "NUM" and following is not None and following.lower in ir.ANSWER_WORDS:  # `, 760 params`
                self.next()
                self.next()
                quantity = _quantity(following)
                phrase = self.filter_phrase()  # `, 364 params per filter`: one filter's
                if phrase and quantity in _FILTER_QUANTITIES:
                    self.i += phrase
                    quantity = f"filter_{quantity}"
                _answer_once(counts, quantity, self._count_token(tok), following)
                continue
            nothing = self._none_of(self.tokens[self.i:self.i + 2]) if tok.lower in ("no", "with", "and") else None
            if nothing is None and tok.lower in ("with", "and"):
                nothing = self._none_of(self.tokens[self.i:self.i + 3])
            if nothing is not None:  # `-> 16x16x10, no parameters`: a pool's count, 0
                said = self.tokens[self.i:self.i + (2 if tok.lower == "no" else 3)]
                self.i += len(said)
                for quantity, count in nothing.items():
                    _answer_once(counts, quantity, count, said[-1])
                continue
            if tok.lower in ir.ANSWER_WORDS:  # `params: 34944`, `params 34944`
                self.next()
                if self.at(":", "="):
                    self.next()
                self.past_working()  # `params = (11*11*3+1)*96 = 34,944`, `params (5*5*1+1)*6 = 156`
                _answer_once(counts, _quantity(tok), self.count(tok), tok)
                continue
            head = _count_head([t.lower for t in self.tokens[self.i:self.i + 6]], 0) if tok.kind == "WORD" else None
            if head is not None and len(head) > 1 and _COUNT_WORDS[head] != "memory" and \
                    self.at(":", "=", ahead=len(head)):  # `multiply-adds: 768,000` (`with … 768,000 multiply-adds`)
                self.i += len(head) + 1
                self.past_working()
                _answer_once(counts, _COUNT_WORDS[head], self.count(tok), tok)
                continue
            if tok.lower == "and" and after is not None and after.kind == "NUM" and counts and \
                    _count_head([t.lower for t in self.tokens[self.i + 2:self.i + 7]], 0) is not None:
                self.next()  # `-> …, 156 trainable parameters, and 122,304 connections` (the LeNet paper's): the
                continue  # next count
            if tok.lower in ("and", "it", "which", "this"):  # `…, 760 params, and it performs 768,000 MACs`
                verb = self.i
                while verb < len(self.tokens) and self.tokens[verb].lower in ("and", "it", "which", "this", "also"):
                    verb += 1
                if verb < len(self.tokens) and self.tokens[verb].lower in _HAS and verb + 1 < len(self.tokens) and \
                        self.tokens[verb + 1].kind == "NUM":
                    self.i = verb  # (the counts after the verb, as after `has`)
                    continue
            if shape is not None and arrowed and self.rounding_said() is not None:
                # `-> 16x16x16, rounded down (to the nearest integer)`: how the output rounds (`line` reads it)
                while self.at(*_ROUNDING_WORDS):
                    self.next()
                continue
            activation = self.activation_at()
            if activation is not None:  # `…, pad 0, ReLU`, `+ ReLU`, `followed by ReLU`
                self.activations.append(activation)
                continue
            running = _running_said([t.lower for t in self.tokens[self.i:self.i + 9]]) if counts else 0
            if running:  # `…, plus 64 running statistics`: a batch norm's non-trainable values, which no answer counts
                self.i += running
                continue
            if tok.text in (",", ";", ".", "-", "|"):  # between answers: `pad 0 - 34,944 params`, `… | Params: 760`
                if tok.text == "-" and after is not None and after.kind == "NUM" and after.start == tok.end and \
                        self.at(*ir.ANSWER_WORDS, ahead=2):  # `, -760 params`: a minus, not a dash (760 was judged)
                    raise _Unreadable("a count is not negative", Span(tok.start, after.end))
                self.next()
                continue
            if counts and (tok.lower in ("total", "overall", "altogether") or
                           (tok.lower == "in" and self.at("total", "all", ahead=1))):
                self.i += 1 if tok.lower != "in" else 2  # `, 760 params in total`: the layer's count, as without
                continue
            if {"bn", "batchnorm", "batch"} & {t.lower for t in self.tokens[self.i:self.i + 4]}:
                raise _Unreadable(f"`{_shown(self.tokens[self.i:])}`: a batch norm on the layer's line would put its "
                                  f"parameters in the line's answers; state it on a line of its own (`BN1: batch "
                                  f"norm`)", self.rest_span())
            raise _Unreadable(f"cnncalc does not understand `{_shown(self.tokens[self.i:])}` here", self.rest_span())
        if shape is None and not counts and received is None and not sized:
            return None
        spans = [a.span for a in (shape, received, *sized.values()) if a is not None] + \
            [c.span for c in counts.values()]
        span = min(spans, key=lambda s: s.start).to(max(spans, key=lambda s: s.end))
        sides = tuple(sized[side] for side in ir.SIDES if side in sized)
        return ir.answered(shape, counts, span, sides, sized.get("receptive field"), received=received)

    def sized_answer(self, sides: bool) -> tuple[str, ir.ShapeAnswer] | None:
        """At the cursor, `rf 11` (`RF: 11x11`, `receptive field = 11x11 pixels`): the receptive field of the line's
        output; or, with `sides` (after an arrow: before one, `, depth 3` may tell the filters' depth), one side of
        the output, `-> depth 96` (`height 55`, `width: 55`). Read, with its word; None (nothing read) for anything
        else."""
        words = [t.lower for t in self.tokens[self.i:self.i + 4]]
        length = 2 if words[:2] == ["receptive", "field"] else 1 if words[:1] == ["rf"] or \
            (sides and words[:1] in ([side] for side in ir.SIDES)) else 0
        if not length:
            return None
        marked = length + (words[length:length + 1] in ([":"], ["="]))
        value = self.peek(marked)
        if value is None or value.kind not in ("NUM", "DIMS"):
            return None
        side = words[0] in ir.SIDES
        dims = _shape(value)
        if dims is None or len(dims.dims) > (1 if side else 2):
            raise _Unreadable(f"`{value.text}` is not a {'size' if side else 'receptive field'}", value.span)
        self.i += marked + 1
        if not side:
            while self.at("pixels", "px"):
                self.next()
            return "receptive field", dims
        return words[0], dims._replace(axis=ir.SIDES.index(words[0]))

    def activation_at(self) -> ir.LayerCall | None:
        """An activation named at the cursor, after `,`, `+`, `with` or `followed by` (read), as a layer (`with
        softmax activation`: the word after it too); None (nothing read) for other words."""
        lead = 0  # (at most `, and followed by`: a run of 6,000 commas was walked at each comma)
        while lead < 4 and self.peek(lead) is not None and \
                self.peek(lead).lower in (",", "+", "followed", "by", "and", "with"):  # type: ignore[union-attr]
            lead += 1
        word = self.peek(lead)
        if word is None:
            return None
        named = next(((keyword, len(said)) for said, keyword in _AFTER_OPTIONS.items()
                      if [t.lower for t in self.tokens[self.i + lead:self.i + lead + len(said)]] == list(said)), None)
        if named is None:
            return None
        keyword, width = named
        for _ in range(lead + width):
            end = self.next().end
        if keyword != "dropout" and self.at("activation", "function", "nonlinearity"):
            end = self.next().end  # `with a softmax activation`
        while keyword == "dropout" and (tok := self.peek()) is not None and _rate(tok, self.peek(1)):
            end = self.next().end  # `dropout 0.5`, `dropout (p = 0.5)`: no count changes
        return ir.LayerCall(keyword, (), None, Span(word.start, end))

    def at_pair(self, first: str, second: str) -> bool:
        """The next two tokens are `first` and `second`, written together (`=>`)."""
        a, b = self.peek(), self.peek(1)
        return a is not None and b is not None and a.text == first and b.text == second and a.end == b.start

    def at_pair_after(self, joint: str, words: tuple[str, ...]) -> bool:
        """After the current token come `joint` and one of `words` (`zero-padding`)."""
        a, b = self.peek(1), self.peek(2)
        return a is not None and b is not None and a.text == joint and b.lower in words

    def fit_answer(self) -> ir.ShapeAnswer | None:
        """After a layer's arrow, the lecture's "doesn't fit" (`-> doesn't fit`, `-> invalid`), a division's value
        (`-> 2.33`), or either after the working (`-> (7-3)/3 + 1 = 2.33, doesn't fit`; `-> (7-3)/2 + 1 = 3`, a
        side); the longest such answer before a `,` or `;` (counts may follow), or None. Such an answer is short:
        only its first `_FIT_TOKENS` tokens are looked at (a line of 4,000 answers took seconds, looked at whole at
        each comma)."""
        rest, depth, ends = self.tokens[self.i:self.i + _FIT_TOKENS + 1], 0, []
        for j, t in enumerate(rest):
            depth += (t.text == "(") - (t.text == ")")
            if depth == 0 and (t.text in (",", ";") or (j and (t.kind == "ARROW" or (
                    t.text == "=" and rest[j + 1:j + 2] and rest[j + 1].text == ">")))):
                ends.append(j)  # (an arrow after the side, `= 55 => 55x55x96`: the volume it comes to follows)
        for end in reversed([*ends, *([len(rest)] if len(rest) <= _FIT_TOKENS else [])]):
            part = rest[:end]
            worked = _after_working(part)
            if worked is not part and not all(t.kind == "NUM" or t.text in "()+-*/x×·=" for t in part[:-len(worked)]):
                worked = part  # `6@28x28, params (5*5*1+1)*6 = 156`: an `=` that is not the output's working
            answer = _no_fit(part) or _division(worked) or _division(part)
            digits = worked[0].text.replace(",", "") if len(worked) == 1 and _GROUPED.fullmatch(worked[0].text) \
                else worked[0].text if worked else ""  # (`28*28*32 = 25,088`)
            if answer is None and worked is not part and len(worked) == 1 and worked[0].kind == "NUM" and \
                    digits.isdigit() and 0 < len(digits) <= limits.MAX_LITERAL_DIGITS:
                answer = ir.ShapeAnswer((int(digits),), worked[0].text, worked[0].span, square=True)
            if answer is not None:
                self.i += end
                return answer
        return None

    def volume_after_side(self) -> ir.ShapeAnswer | None:
        """After a side worked out (`-> (227-11)/4 + 1 = 55`), the volume it comes to, said after it (`, so
        55x55x96`, `=> 55x55x96`, `, i.e. 55x55x96`): the answer, the cursor past it (the working's arithmetic is
        checked where it is written, E046); None, the cursor where it was, for anything else (the line was E060)."""
        k = self.i
        words = [t.lower for t in self.tokens[k:k + 6]]
        at = int(words[:1] == [","])
        while words[at:at + 1] and words[at] in _SIDE_THEN:
            at += 1
        if words[at:at + 2] == ["=", ">"]:
            at += 2
        elif k + at < len(self.tokens) and self.tokens[k + at].kind == "ARROW":
            at += 1
        if at == 0 or k + at >= len(self.tokens) or self.tokens[k + at].kind != "DIMS":
            return None
        shape = _shape(self.tokens[k + at])
        if shape is None or len(shape.dims) != 3:
            return None
        self.i = k + at + 1
        return shape

    def arrowed_volume(self) -> ir.ShapeAnswer | None:
        """A volume after an arrow: `[55x55x96]` or `55x55x96` (`4096` unless a count's word follows it), or as
        Python prints a shape, `(55, 55, 96)`, `(4096,)` (`(None, 55, 55, 96)`, Keras'; `(760 params)` is no
        volume)."""
        tok, following = self.peek(), self.peek(1)
        sized = [t.lower for t in self.tokens[self.i:self.i + 4]] == ["torch", ".", "size", "("]
        if sized:  # `-> torch.Size([1, 16, 32, 32])`: PyTorch's printed size, batch and channels first
            self.i += 4
            tok, following = self.peek(), self.peek(1)
        if tok is not None and tok.text in ("(", "[") and (sized or tok.text == "(" or _batch_order(
                self.tokens[self.i:self.i + 9]) is not None):
            closing = next((j for j in range(self.i, min(len(self.tokens), self.i + _TUPLE_TOKENS))
                            if self.tokens[j].text == _CLOSING[tok.text]), None)
            written = self.tokens[self.i:closing + 1] if closing is not None else []
            spelled = _spelled(written) or _tuple_vector(written) if written else None
            shape = _shape(spelled) if spelled is not None else None
            if shape is not None and closing is not None:
                self.i = closing + 1
                if sized and self.at(")"):
                    self.next()
                order = ir.CHW if sized else _batch_order(written) if len(shape.dims) == 3 else None
                # (`-> (1, 16, 32, 32)`: the two equal sizes the height and width, as on an answer's own line)
                return shape if order is None else _channels_first(shape) if order == ir.CHW else \
                    shape._replace(order=ir.HWC)
        if tok is not None and tok.text == "[":
            start = self.i
            volume = self.volume()
            if not isinstance(volume, ir.ShapeAnswer):
                raise _Unreadable(f"`{_shown(self.tokens[start:self.i])}` is not a volume", self.tokens[start].span)
            return volume
        if tok is None or tok.kind not in ("DIMS", "NUM") or \
                (tok.kind == "NUM" and following is not None and following.lower in ir.ANSWER_WORDS):
            return None
        shape = _shape(tok)
        if shape is None:
            raise _Unreadable(f"`{tok.text}` is not a volume", tok.span)
        self.next()
        return shape

    def parenthesis(self, counts: dict[str, ir.Count]) -> None:
        """`(760 params)`, `[760 params]`, `(params: 760)`, `(760 params, 768K MACs)`; a parenthesis of words only is
        a remark."""
        opening = self.next()
        closing = ")" if opening.text == "(" else "]"
        inside: list[Tok] = []
        depth = 0  # parentheses of a working inside (`(params: (1176 + 1) x 120 = 141,240)`)
        while self.peek() is not None and not (depth == 0 and self.at(closing)):
            depth += self.at(opening.text) - self.at(closing)
            inside.append(self.next())
        if self.peek() is None:
            raise _Unreadable(f"this `{opening.text}` is never closed", opening.span)
        self.next()
        numbers = [t for t in inside if t.kind in ("NUM", "DIMS")]
        if counts and _says_approximate(inside):
            last = list(counts)[-1]  # `35,000 params (approx.)`: that count rounded, as `~35,000` (it was exact)
            counts[last] = counts[last].approximate()
            return
        restated = self.count_again(counts[list(counts)[-1]], inside) if counts else None
        if restated is not None:  # `params 456 (~0.5K)`: the count again, rounded
            counts[list(counts)[-1]] = restated
            return
        if counts and any(t.text in _ARITHMETIC for t in inside) and \
                all(t.kind == "NUM" or t.lower in _WORKING_MARKS for t in inside):
            return  # `params 296 (288 + 8)`, `(3*3*4*8 + 8)`: the count's working, which the sheet's workings check
        if not numbers and not any(t.text[:1].isdigit() for t in inside):
            if list(counts)[-1:] == ["weights"] and "params" not in counts and \
                    _biases_included([t.lower for t in inside]):  # `448 weights (incl. bias)`: every parameter
                counts["params"] = counts.pop("weights")
            return  # a remark: `(class scores)`; `(35q params)` is an answer cnncalc cannot read
        groups: list[list[Tok]] = [[]]  # `(34,944 params, 105.4M MACs)`: an answer each
        summed = counts and len(inside) > 3 and len(inside) % 3 == 2 and all(
            t.kind == "NUM" if j % 3 == 0 else t.lower in ir.ANSWER_WORDS if j % 3 == 1 else t.text == "+"
            for j, t in enumerate(inside))  # `params 296 (288 weights + 8 biases)`: its parts, each an answer
        for t in inside:
            if t.text in (",", ";") or t.lower == "and" or (summed and t.text == "+"):
                groups.append([])
            else:
                groups[-1].append(t)
        read: dict[str, ir.Count] = {}
        for written in groups:
            group, approximate = _approximate(written)  # `(~35K params)`
            if _filter_words(group):  # `(76 per filter)`, `(75 weights per filter)`: one filter's
                said = next((ir.ANSWER_WORDS[t.lower] for t in group if t.lower in ir.ANSWER_WORDS), "params")
                if said in _FILTER_QUANTITIES:
                    number = next(t for t in group if t.kind == "NUM")
                    if f"filter_{said}" in counts:
                        raise _Unreadable(f"the {ir.NOUNS[f'filter_{said}']} count is given twice", number.span)
                    count = self._count_token(number)
                    _answer_once(read, f"filter_{said}", count.approximate() if approximate else count, number)
                    continue
            equals = max((j for j, t in enumerate(group) if t.text == "="), default=0)
            worked = 2 if group[1:2] and group[1].text in (":", "=") else 1  # (`params 2*2*256*128 + 128 = …`)
            if equals > worked and equals == len(group) - 2 and group[0].lower in ir.ANSWER_WORDS and \
                    all(t.kind in ("NUM", "DIMS") or t.lower in _WORKING_MARKS for t in group[worked:equals]):
                group = [group[0], group[equals], group[-1]]  # `(params = 1176*120 + 120 = 141,240)`: the last count
            if self.memory_in_bytes(read, group):  # `(290,400 values, 1.16 MB)`: the values, then their bytes
                continue
            shape = tuple("N" if t.kind == "NUM" else "Q" if t.lower in ir.ANSWER_WORDS or t.lower in _VALUE_WORDS
                          else t.text for t in group)
            if shape not in (("N", "Q"), ("Q", "N"), ("Q", ":", "N"), ("Q", "=", "N")):
                raise _Unreadable(f"cnncalc does not understand `{opening.text}{_shown(inside)}{closing}`; answers "
                                  f"read `(760 params)` or `(760 params, 768K MACs)`",
                                  Span(opening.start, inside[-1].end + 1))
            word = next(t for t in group if t.lower in ir.ANSWER_WORDS or t.lower in _VALUE_WORDS)
            quantity = "memory" if word.lower in _VALUE_WORDS else _quantity(word)  # `(290,400 values)`
            if quantity in counts:
                raise _Unreadable(f"the {ir.NOUNS[quantity]} count is given twice", word.span)
            number = next(t for t in group if t.kind == "NUM")
            if quantity == "memory" and "memory" in read and read["memory"].in_bytes:  # `(1.16 MB, 290,400 values)`
                read["memory"] = self._in_other_unit(read["memory"], [number]) or read["memory"]
                continue
            count = self._count_token(number)
            _answer_once(read, quantity, count.approximate() if approximate else count, word)
        counts.update(read)

    def memory_in_bytes(self, read: dict[str, ir.Count], group: list[Tok]) -> bool:
        """Whether a parenthesis' `group` is a count in bytes alone (`1.16 MB`), read into `read` as the memory: the
        values said in bytes, or said again so beside them (`(290,400 values, 1.16 MB)`: the finer judged, two that
        disagree E060). It was E060, cnncalc not understanding the parenthesis, on a right answer."""
        if any(t.lower in ir.ANSWER_WORDS or t.lower in _VALUE_WORDS for t in group):
            return False
        alone = _untrailed(group)
        if len(alone) != 1 or alone[0].kind != "NUM" or not self._count_token(alone[0]).in_bytes:
            return False
        said = read.get("memory")
        if said is None and any(quantity in read for quantity in ("params", "weights", "biases")):
            raise _Unreadable(f"cnncalc cannot tell whether `{_shown(group)}` is the parameters' bytes or the "
                              f"output's", Span(group[0].start, group[-1].end))  # (`(760 params, 3 KB)`)
        read["memory"] = self._count_token(alone[0]) if said is None else \
            (self.count_again(said, alone) if said.in_bytes else self._in_other_unit(said, alone)) or said
        return True

    def filter_phrase(self) -> int:
        """How many tokens at the cursor say the count before them is one filter's (`per filter`, `each`)."""
        ahead = [t.lower for t in self.tokens[self.i:self.i + 3]]
        return next((len(p) for p in sorted(_FILTER_PHRASES, key=len, reverse=True) if tuple(ahead[:len(p)]) == p), 0)

    def past_working(self, arithmetic: bool = False) -> None:
        """After `params =`, the cursor moved past the working to the count after its last `=` (`params = (11*11*3
        + 1)*96 = 34,944`), within the answer (up to a `,` or `;` outside parentheses); with `arithmetic`, only a
        working of numbers and signs (after an arrow, answers may follow without a comma: `-> params 34944 rf 11`)."""
        depth, last = 0, None
        for j in range(self.i, len(self.tokens)):
            text = self.tokens[j].text
            depth += (text == "(") - (text == ")")
            if depth <= 0 and text in (",", ";"):
                break
            if depth == 0 and text == "=":
                last = j
        if last is not None and arithmetic and not all(
                t.kind == "NUM" or t.text in _WORKING_SIGNS for t in self.tokens[self.i:last]):
            return
        if last is not None:
            self.i = last + 1

    def count(self, word: Tok) -> ir.Count:
        """The count after its quantity's word (`params 34,944`; `params ~35000` is rounded, as `35K`)."""
        approximate = False
        while self.at(*_APPROXIMATELY):
            self.next()
            approximate = True
            if self.at("."):  # `approx. 35,000`
                self.next()
        tok = self.peek()
        if tok is None or tok.kind != "NUM":
            raise _Unreadable(f"expected a number after `{word.text}`", self.rest_span())
        self.next()
        count = self._count_token(tok)
        return count.approximate() if approximate else count

    @staticmethod
    def _count_token(tok: Tok) -> ir.Count:
        if tok.lower in _NONE_WORDS:  # `Params: none`, a pool's answer
            return ir.Count(0, 0, 1, tok.text, tok.span)
        scientific = _SCIENTIFIC.fullmatch(tok.text)
        plain = f"{scientific[1]}e{scientific[2]}" if scientific else re.sub(r"[,\s]", "", tok.text)
        result = count_from_text(plain, tok.span)
        if isinstance(result, str):
            raise _Unreadable(result, tok.span)
        return result._replace(text=tok.text)

    def end_of_line(self, what: str) -> None:
        if self.peek() is not None:
            raise _Unreadable(f"cnncalc does not understand `{_shown(self.tokens[self.i:])}` after {what}",
                              self.rest_span())


# The words of a worked example's count (`Parameters: 760`, `Multiply-adds: 768K`) -> its quantity.
_COUNT_WORDS: dict[tuple[str, ...], str] = {
    **dict.fromkeys((("parameters",), ("params",), ("parameter", "count"), ("param", "count"),
                     ("parameters", "count"), ("params", "count"), ("n_params",), ("num_params",), ("nparams",),
                     ("n_parameters",), ("num_parameters",)), "params"),  # `Parameter count: 760`, `n_params = 760`
    **dict.fromkeys((("weights",), ("weight", "count"), ("weights", "count")), "weights"),
    **dict.fromkeys((("biases",), ("bias", "terms"), ("bias", "values"), ("bias",), ("bias", "count")), "biases"),
    **dict.fromkeys((("weights", "and", "biases"), ("weights", "+", "biases"), ("weights", "&", "biases"),
                     ("weights", "including", "biases"), ("weights", "(", "including", "biases", ")"),
                     ("weights", "(", "incl", ".", "biases", ")"), ("weights", "(", "with", "biases", ")")), "params"),
    **dict.fromkeys((("macs",), ("mult", "-", "adds"), ("multiply", "-", "adds"), ("multiply", "-", "accumulates"),
                     ("multiply", "-", "accumulate", "operations"), ("multiply", "-", "accumulate"),
                     ("mac", "operations"), ("macs", "operations"), ("mac", "count"), ("macs", "count"),
                     ("mac", "ops"), ("macs", "ops"), ("multiplications",), ("multiplies",)), "macs"),
    **dict.fromkeys((("connections",), ("connection", "count")), "connections"),  # the LeNet paper's
    **dict.fromkeys((("memory",), ("activations",), ("activation",), ("neurons",), ("output", "neurons"),
                     ("values",), ("output", "values"), ("output", "activations"), ("activation", "memory"),
                     ("activations", "memory")),
                    "memory"),  # the values of the output (the CS231n notes' "neurons" of a volume)
    # the parameters' memory (`Memory for the parameters: 3 KB`): their count, in bytes as float32
    **{(*said, noun): quantity for noun, quantity in (("parameters", "params"), ("params", "params"),
                                                      ("weights", "weights"), ("biases", "biases"))
       for said in (("memory", "for"), ("memory", "for", "the"), ("memory", "of"), ("memory", "of", "the"))},
    **dict.fromkeys((("parameter", "memory"), ("parameters", "memory"), ("params", "memory")), "params"),
    ("weight", "memory"): "weights", ("weights", "memory"): "weights"}
# The network's totals a worked example states, by the quantity its words name: its `Total memory` is the values of
# every layer's output (the notes' `TOTAL memory`), not the spec's `expect total memory` (bytes, parameters too)
_TRAILING_LEADS = ("with", "and", "it", "has", "which", "so")  # before counts after a volume: `…, and it has 0 params`
# what names the network's output (`Final output: 10`, `The network outputs 10 class scores`)
_NETWORK_OUTPUT_HEADS = (("final", "output"), ("final", "volume"), ("network", "output"), ("model", "output"),
                         ("the", "final", "output"),
                         ("output", "of", "the", "network"), ("output", "of", "the", "model"),
                         ("final", "feature", "map"), ("the", "final", "feature", "map"),
                         ("the", "network", "outputs"), ("the", "model", "outputs"), ("the", "network", "'", "s",
                                                                                       "output"),
                         *((lead, noun, verb) for lead in ("the", "this") for noun in ("network", "model", "net", "cnn")
                           for verb in ("gives", "produces", "returns")))  # `The network gives 10 outputs`
_OUTPUT_UNIT_WORDS = {"class", "classes", "scores", "values", "neurons", "probabilities", "logits", "outputs"}
_TOTALS = {"params": "params", "weights": "weights", "biases": "biases", "macs": "macs", "memory": "activations"}
_TOTAL_NOUNS = {**ir.NOUNS, "activations": "memory"}
_UNIT_WORDS = {**{u: u for u in ("K", "M", "G", "T", "k", "m", "g", "KB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "B")},
               "bytes": "B"}  # a count's unit written after a space: `1.16 MB`
_SPELLED_UNITS = {"thousand": "K", "million": "M", "billion": "G", "trillion": "T"}  # `62.4 million`
# activations by their words (their kind in the spec language), each keeping its input's size and holding no
# parameters (PReLU, which has them, is not among them): after a layer's options (`…, ReLU`), or a layer of their own,
# alone or numbered as a name (`Sigmoid`, `TANH1`, `GELU`: LeNet's and later networks' activations)
_ACTIVATIONS = {"relu": "relu", "sigmoid": "sigmoid", "logistic": "sigmoid", "tanh": "tanh", "gelu": "gelu",
                "elu": "elu", "selu": "selu", "silu": "silu", "swish": "silu", "mish": "mish", "softplus": "softplus",
                "hardswish": "hardswish", "hardsigmoid": "hardsigmoid"}
_ACTIVATION = re.compile(rf"({'|'.join(_ACTIVATIONS)})[0-9_]*(?: activation| layer| function)?")
# the layers without parameters that may follow a layer's options on its line (`…, pad 1, leaky ReLU, dropout 0.5`);
# a batch norm has parameters of its own, which a line's answer would have to say it counts: not among them
_AFTER_OPTIONS: dict[tuple[str, ...], str] = {**{(word,): keyword for word, keyword in _ACTIVATIONS.items()},
                  **{(word,): word for word in ("relu6", "leakyrelu", "dropout", "softmax")},
                  ("leaky", "relu"): "leakyrelu", ("leaky", "-", "relu"): "leakyrelu"}
# layers without parameters that keep their input's shape, stated after the layer they follow (`FC8: 1000 neurons`,
# then `Softmax`): an activation, softmax, dropout
_SHAPE_KEEPING = {*_ACTIVATIONS.values(), "softmax", "dropout"}
# a layer's kind leading its description (`Layer 2: max pool 3x3, stride 2`), longest first
_KIND_WORDS = (("fully", "connected"), ("max", "pool"), ("max", "pooling"), ("avg", "pool"), ("average", "pool"),
               ("average", "pooling"), ("batch", "norm"), ("conv",), ("convolution",), ("convolutional",),
               ("maxpool",), ("pool",), ("pooling",), ("fc",), ("dense",), ("relu",), ("softmax",), ("dropout",),
               ("flatten",), ("local", "response", "normalization"), ("lrn",))
# (`normalization` alone is not among them: it may be a batch norm's, whose parameters an LRN has not)
_WRITTEN_KINDS = {"relu": "ReLU", "softmax": "Softmax", "dropout": "Dropout"}  # as a sheet writes them
_QUOTES = ('"', "'", "“", "”", "‘", "’", "`")  # around a word: `a "same" convolution`
_ROUNDING_OPTIONS = ("ceil", "ceiling", "floor", "ceil_mode", "rounded", "rounding", "round", "rounds")
_PADDED_NOUNS = ("pad", "padding", "convolution", "convolutions", "conv")  # after `same`: `same convolution`
_PAD_WORDS = ("same", "valid")  # TensorFlow's padding (`same padding`, `padding 'same'`): the spec's `pad same`
# around an input's volume: `Input image of size 32x32x3`, `… (RGB)`, `28x28 MNIST digit`
def _input_restated(tokens: list[Tok], at: int, end: int) -> int | None:
    """Where an input's volume at `at` is said again, in full, after words about it and a connective (`28x28
    grayscale image, i.e. 28x28x1`, `32x32 RGB (32x32x3)`): the index of that volume, the last of the line, when its
    first sides are the first volume's; None otherwise (a volume said again otherwise stays as it reads)."""
    if tokens[at:at + 1] == [] or tokens[at].kind != "DIMS":
        return None
    again = next((j for j in range(end - 1, at, -1) if tokens[j].kind == "DIMS"), None)
    if again is None:
        return None
    between = [t.lower for t in tokens[at + 1:again]]
    allowed = {*_INPUT_WORDS, *_DEPTH_WORDS, *_GREY_WORDS, *_COLOUR_WORDS, *_RESTATING}
    if not _RESTATING & set(between) or not set(between) <= allowed or \
            not {t.lower for t in tokens[again + 1:end]} <= {")", "."}:
        return None
    first, said = _shape(tokens[at], least=0), _shape(tokens[again], least=0)
    if first is None or said is None or len(said.dims) <= len(first.dims) or said.dims[:len(first.dims)] != first.dims:
        return None
    return again


_RESTATING = {",", "i", "e", ".", "ie", "that", "so", "(", "namely", "aka"}  # `…, i.e. 28x28x1`, `… (28x28x1)`
_INPUT_WORDS = ("volume", "image", "images", "size", "shape", "of", "is", ":", "=", "rgb", "color", "colour",
                "pixels", "tensor", "layer", "digit", "digits")
_DEPTH_WORDS = ("colored", "coloured", "grayscale", "greyscale", "gray", "grey", "monochrome",  # `28x28 grayscale`
                *_DATASET_DEPTHS)
_VECTOR_WORDS = ("values", "features", "neurons", "units", "inputs", "numbers", "(", ")", "flattened", "vector")
_NONE_WORDS = ("none", "zero", "nil")  # a count of 0 in words
_NONE_REMARKED = (":", ",", "(", ";", "-", "–", "—")  # what may set a remark apart after it (`None: pooling has …`)
_LOOSE_JOINTS = ("-", "=", ".", ":", ",", "layer", "with", "has", "uses", "applies", "is")  # `CONV1 - 96 …`
# a padding asked as the one that keeps the size (`What padding keeps the output at 7x7?`, `Padding needed to preserve
# the spatial size: 2`)
_KEEPING = frozenset(("keep", "keeps", "keeping", "preserve", "preserves", "preserving", "maintain", "maintains",
                      "maintaining", "retain", "retains", "unchanged"))
_MAC_UNITS = ("macs", "mult-adds", "multiply-adds", "multiplications", "multiplies")  # `Operations: 105M MACs`
_COUNT_HEADS = (("the", "number", "of"), ("number", "of"), ("no", ".", "of"), ("#", "of"), ("#",),
                ("num",))  # `Num params: 760`
_COST_WORDS = ("operations", "ops", "compute", "computation", "cost")  # what a count of MACs may be called beside
_OUTPUT_WORDS = (["output"], ["out"], ["answer"], ["ans"], ["result"], ["resulting"], ["activation"],
                 ["activations"], ["solution"], ["sol"])
_NAMED_OUTPUT = ("feature", "features", "shape", "dimensions", "dims", "volume", "size", "a")  # `Shape: 32x32x10`
_OUTPUT_NOUNS = ("volume", "tensor", "size", "shape", "dimensions", "dimension", "dims", "spatial", "extent",
                 "resolution", "is", "?", ":", "=", "a", "answer")  # between `Output` and its answer
_LEADS = ("-", "*", "->", "=", ">", "•", "→", "⇒", "✓", "✔", "☑", "✅")  # `- `, `=> `, `• `, `→ `, `⇒ `, a tick


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10}  # the demo's `two filters`
_EXERCISE_LETTERS = {"n": "n", "f": "f", "s": "s", "stride": "s", "p": "p", "pad": "p", "padding": "p",
                     "k": "k",  # N = 7, F = 3, …; K filters
                     # the CS231n notes' input, W1 x H1 x D1 (`W1 = 32, H1 = 32, D1 = 3, K = 10, F = 5, S = 1, P = 2`)
                     "w1": "n", "w": "n", "h1": "h", "h": "h", "d1": "d", "d": "d"}
_LETTERS_START = (["n"], ["w1"], ["w"], ["h1"], ["h"])  # the letters an exercise told by letters may start with
_EXERCISE_LEAD = {"assume", "e", "g", "eg", "example", "for", ".", ",", ":", "-", "a", "an", "given"}
_LETTERS_FILLERS = {"a", "the", "with", "layer", "conv", "convolution", "convolutional", "uses", "using", "has",
                    "we", "apply", "applying", "then"}  # between an input and its letters: `…, conv layer with K=10`
_LETTERS_POOLS = {"max", "average", "avg", "mean", "pool", "pooling", "maxpool", "avgpool", "maxpooling",
                  "avgpooling"}  # the letters are a pool's: `…, max pooling with F=2, S=2`


def _input_volume(tokens: list[Tok], words: list[str], at: int) -> tuple[Tok | None, int]:
    """An exercise's input given as a volume before its letters (`Input 32x32, F = 5, …`, `Input: 7x7, …`,
    `Input volume 224x224x64, …`, `7x7 input, F = 3 …`): the volume and where the letters start; (None, `at`) for
    any other start."""
    if words[at:at + 1] == ["input"]:
        j = _skip(words, at + 1, (":", "of", "size", "is", "volume", "image"))
        if j < len(tokens) and tokens[j].kind == "DIMS":
            return tokens[j], j + 1
    if at < len(tokens) and tokens[at].kind == "DIMS" and words[at + 1:at + 2] == ["input"]:
        return tokens[at], at + 2
    return None, at


def _input_after_letters(tokens: list[Tok], words: list[str], at: int) -> tuple[Tok, tuple[int, int]] | None:
    """An exercise's input told after its letters (`Conv layer with K=10, F=3, S=1, P=1 on a 32x32x3 input`,
    `…, S=2 applied to a 28x28x6 volume`, `… on an input of 32x32x3`): its volume and where its words start and
    end; None unless the letters come first (an `=` before it) and the volume follows `on` or `to`."""
    for k in range(at + 1, len(tokens)):
        if tokens[k].kind != "DIMS":
            continue
        if words[k + 1:k + 2] in (["input"], ["volume"], ["image"]):
            before, end = k - 1, k + 2  # `on a 32x32x3 input`
        elif words[k - 1] == "of" and words[k - 2] in ("input", "volume", "image"):
            before, end = k - 3, k + 1  # `on an input of 32x32x3`
        else:
            return None
        while before > at and words[before] in ("a", "an", "the"):
            before -= 1
        if words[before] not in ("on", "to") or "=" not in words[at:before]:
            return None
        while before > at and words[before - 1] in ("applied", "is", "when", "used"):
            before -= 1
        return tokens[k], (before, end)
    return None


_TRANSPOSED = re.compile(r"deconv|up-?conv|convt|tconv|transpose|fractionally")  # a transposed convolution's name
# names of layers not read in this notation, whose descriptions would read as a pool's or a convolution's: SegNet's
# `UNPOOL1` enlarges; a separable `SEPCONV1` is two layers, a depthwise and a pointwise one (sources count its biases
# differently); a region-of-interest pool takes its windows from boxes; a layer, group or instance normalization's
# parameters depend on the axes it normalizes (2C over the channels, 2·C·H·W as PyTorch's `LayerNorm([C, H, W])`)
_UNREAD_KINDS = re.compile(r"unpool|sep(?:arable)?[-_ ]*conv|(?<![a-z])roi|(?:layer|group|instance)[-_ ]*norm"
                           r"|^[lgi]n[0-9_]*$")  # (and Fast R-CNN's `ROIPOOL`; `LN1`, `GN1`)
_DEPTHWISE = re.compile(r"depthwise|(?<![a-z])dw|dw(?=[-_ ]*conv|[0-9_]|$)")  # a depthwise one's (`DW1`, `conv_dw1`)


# the words saying a layer is fully connected, and the unit its width is counted in (`4096 neurons`)
_FC_KIND_WORDS = ("fully", "connected", "-", "fc", "dense")
_FC_UNITS = ("neurons", "neuron", "units", "unit", "outputs", "output", "nodes", "classes", "hidden")


def _says_fully_connected(body: list[Tok]) -> bool:
    """A layer's description says it is fully connected before it gives any size (`120 fully connected units`)."""
    words = []
    for tok in body:
        if tok.kind == "DIMS":
            break
        words.append(tok.lower)
    return "dense" in words or "fc" in words or any(
        words[k] == "fully" and words[k + 1:k + 2] in (["connected"], ["-"]) for k in range(len(words)))


def _layer_kind(name: str) -> str | None:
    """The layer a listing's name says (`CONV1`, `MAX POOL1`, `NORM1`, `FC6`), as the lecture names them; a global
    pool by its word (`Global average pooling`, `GAP`)."""
    if _UNREAD_KINDS.search(name):
        return None
    if _TRANSPOSED.search(name):  # U-Net's `UPCONV1`, `DECONV1`, `ConvT1`, `Transposed conv`: not a `conv`
        return "deconv"
    if _DEPTHWISE.search(name):  # MobileNet's `DW1`, `DWCONV1`, `conv_dw1`: one filter per input channel
        return "dwconv"
    if "adaptive" in name:  # PyTorch's `AdaptiveAvgPool2d((7, 7))`: to a size, not by a window
        return "adaptivemaxpool" if "max" in name else "adaptiveavgpool"
    if name.startswith("global") or re.fullmatch(r"g[am]p[0-9_]*", name):
        return "globalmaxpool" if "max" in name or name.startswith("gmp") else "globalavgpool"
    if "pool" in name or "pooling" in name or "subsampling" in name:
        return "avgpool" if ("avg" in name or "average" in name or "subsampling" in name) else "maxpool"
    if name.startswith("s") and name[1:].isdigit():  # LeNet's subsampling layers, S2 and S4
        return "avgpool"
    if "conv" in name or (name.startswith("c") and name[1:].isdigit()) or re.fullmatch(r"pw[0-9_]+", name) \
            or "pointwise" in name:  # MobileNet's `PW1`
        return "conv"
    if "norm" in name or "lrn" in name or re.fullmatch(r"bn[0-9_]*|bn_[a-z0-9]{1,2}", name):
        return "batchnorm" if "batch" in name or name.startswith("bn") else "lrn"
    if name.startswith(("fc", "fully", "dense", "linear", "affine")) or (name.startswith("f") and name[1:].isdigit()):
        return "fc"
    activation = _ACTIVATION.fullmatch(name)
    if activation is not None:  # `Sigmoid`, `TANH1`, `GELU`
        return _ACTIVATIONS[activation.group(1)]
    return next((kind for kind in ("relu", "softmax", "dropout", "flatten") if kind in name), None)


def _unnumbered(word: str, ahead: list[str], lines: list[ir.Line]) -> str | None:
    """The kind of a layer stated without numbers (`RELU`, `BN`, `Softmax`: `_DESCRIBED`) when one is stated in
    `lines` and the words after it ask about its output or a count (`RELU output: …`, `ReLU: output …`, `RELU
    params: 0`): the answer is about that layer, not another stated with its answer (`RELU output: 32x32x10` under
    a pool after the ReLU was read as a second ReLU, judged on the pool's output: a right answer marked wrong).
    None for another word, none stated above, or for `RELU: 32x32x10` (a ReLU stated with its output, as a
    listing's lines are)."""
    kind = _layer_kind(word)
    if kind not in _DESCRIBED or not any(line.items and isinstance(line.items[0], ir.LayerCall) and
                                         line.items[0].keyword == kind for line in lines):
        return None
    asked = ahead[1:] if ahead[:1] in ([":"], ["="]) else ahead
    return kind if asked[:1] in (["output"], ["out"]) or _count_head(asked, 0) is not None else None


def _family(word: str) -> str | None:
    """conv, pool or fc, as a word or a layer's keyword names one (`convolution`, `pooling`, `avgpool`, `FC`);
    None for any other."""
    kind = _layer_kind(word)
    return "pool" if kind in ("maxpool", "avgpool", "globalavgpool", "globalmaxpool") else \
        "conv" if kind in ("conv", "dwconv", "deconv") else kind if kind == "fc" else None


# a global pool named in one word, as frameworks write it (`GlobalAvgPool`, Keras' `GlobalAveragePooling2D`)
_GLUED_GAP = ("globalavgpool", "globalavgpooling", "globalaveragepool", "globalaveragepooling",
              "globalaveragepooling2d", "globalavgpool2d")
_GLUED_GMP = ("globalmaxpool", "globalmaxpooling", "globalmaxpooling2d", "globalmaxpool2d")
_DESCRIBED = {  # the words a description of a layer without numbers may hold (`NORM1: Normalization layer`)
    "batchnorm": {"batch", "normalization", "norm", "layer", "bn", "batchnorm", "batchnorm2d", "batchnormalization"},
    "lrn": {"normalization", "norm", "layer", "local", "response", "lrn", "cross", "channel"},
    "relu": {"relu", "layer", "activation", "rectified", "linear", "unit"},
    **{kind: {*(word for word, same in _ACTIVATIONS.items() if same == kind), "layer", "activation", "function"}
       for kind in set(_ACTIVATIONS.values()) - {"relu"}},
    "softmax": {"softmax", "layer", "classifier"},
    "dropout": {"dropout", "layer", "rate"},
    "flatten": {"flatten", "layer"},
    "globalavgpool": {"global", "average", "avg", "mean", "pool", "pooling", "layer", "gap", "-", *_GLUED_GAP},
    "globalmaxpool": {"global", "max", "pool", "pooling", "layer", "gmp", "-", *_GLUED_GMP}}

# what does not fit, said before it: `it`, `stride 3`, `the stride`, `a stride of 3`, `this filter`
_NO_FIT_SUBJECT = r"(?:(?:so )?(?:it|(?:the |this |a )?(?:stride|filter|layer|output)(?: of)?(?: [0-9]+)?) )?"
_NO_FIT_SAID = (rf"(?:{_NO_FIT_SUBJECT}(?:doesnt|does not|dont|do not|wont|will not|cannot|cant) (?:fit|work)"
                rf"|{_NO_FIT_SUBJECT}(?:is |its )?(?:invalid|not valid|not possible|impossible|not an integer"
                r"|not a whole number|not proper|not allowed)(?: for n ?= ?[0-9]+ and f ?= ?[0-9]+)?"
                r"|(?:cannot|cant|can not) (?:be )?(?:apply|applied)(?: it)?)")
# said once, or twice (`not an integer, so it doesn't fit`, `not an integer => invalid`), the lecture's `:-(` before
# (`2.33 :-( stride 3 is not proper for N=7 and F=3`)
_NO_FIT = re.compile(rf"(?::-\( )?{_NO_FIT_SAID}(?:,? (?:so |hence |thus |and |=> |-> )?{_NO_FIT_SAID})?")


def _no_fit(tokens: list[Tok]) -> ir.ShapeAnswer | None:
    """`doesn't fit!`, `it does not fit`, `invalid`, `not possible`, `cannot apply`: the answer that the
    division is not exact (the lecture's stride 3 on a 7x7 input); None for any other words."""
    if len(tokens) > 3 and tokens[-3].text == "(" and tokens[-2].kind == "NUM" and "." in tokens[-2].text and \
            tokens[-1].text == ")":
        tokens = tokens[:-3]  # `not possible (2.33)`: the division's value beside it
    if not tokens:
        return None
    text = ""
    for before, tok in zip([None, *tokens], tokens):
        text += (" " if before is not None and tok.start > before.end else "") + tok.lower
    said = text.replace("'", "").replace("’", "").rstrip("!. ")
    if _NO_FIT.fullmatch(said) is None:
        return None
    return ir.ShapeAnswer((), " ".join(t.text for t in tokens).replace(" ' ", "'").replace(" ’ ", "’").rstrip("!. "),
                          Span(tokens[0].start, tokens[-1].end))


def _said_counts(tokens: list[Tok]) -> dict[str, ir.Count]:
    """The counts a line's clauses say plainly (`, params = 850`, `, 850 params`), by quantity; a clause in another
    form, or a count cnncalc cannot read, is left out (the line's reader reports it)."""
    words = [t.lower for t in tokens]
    said: dict[str, ir.Count] = {}
    for j in range(len(tokens)):
        head = _count_head(words, j)
        if head is not None and words[j + len(head):j + len(head) + 1] in ([":"], ["="]) and \
                tokens[j + len(head) + 1:j + len(head) + 2] and tokens[j + len(head) + 1].kind == "NUM":
            number = tokens[j + len(head) + 1]
        elif head is not None and j and tokens[j - 1].kind == "NUM":
            number = tokens[j - 1]
        else:
            continue
        try:
            said.setdefault(_COUNT_WORDS[head], _LineReader._count_token(number))
        except _Unreadable:
            continue
    return said


def _arithmetic(tokens: list[Tok]) -> int | None:
    """The whole value of a count written as its arithmetic (`(11*11*3 + 1)*96`, `11x11x3x96 + 96`, `96·(363 + 1)`):
    whole numbers, sizes as products, `+ - * / · ×` and parentheses; None for anything else, a division that is
    not exact, or a value beyond `limits.MAX_INT` (so it is read no further). Bounded: 64 tokens, 16 levels."""
    if len(tokens) > 64 or not any(t.text in _OPERATORS for t in tokens):
        return None
    at = 0

    def factor(depth: int) -> int | None:
        nonlocal at
        if at >= len(tokens) or depth > 16:
            return None
        tok = tokens[at]
        at += 1
        if tok.text == "(":
            value = expression(depth + 1)
            if value is None or at >= len(tokens) or tokens[at].text != ")":
                return None
            at += 1
            return value
        parts = _dims_text(tok.text).split("x") if tok.kind == "DIMS" else [_ungrouped(tok.text)]
        if tok.kind not in ("NUM", "DIMS") or not all(p.isascii() and p.isdigit() and
                                                       len(p) <= limits.MAX_LITERAL_DIGITS for p in parts):
            return None
        product = 1
        for part in parts:
            product *= int(part)
        return product if product <= limits.MAX_INT else None

    def term(depth: int) -> int | None:
        nonlocal at
        value = factor(depth)
        while value is not None and at < len(tokens) and tokens[at].text in ("*", "/", "·", "×", "x"):
            op = tokens[at].text
            at += 1
            right = factor(depth)
            if right is None or (op == "/" and (right == 0 or value % right)):
                return None
            value = value // right if op == "/" else value * right
            if value > limits.MAX_INT:
                return None
        return value

    def expression(depth: int) -> int | None:
        nonlocal at
        value = term(depth)
        while value is not None and at < len(tokens) and tokens[at].text in ("+", "-"):
            op = tokens[at].text
            at += 1
            right = term(depth)
            if right is None:
                return None
            value = value + right if op == "+" else value - right
            if abs(value) > limits.MAX_INT:
                return None
        return value

    result = expression(0)
    return result if result is not None and at == len(tokens) and result >= 0 else None


_OPERATORS = ("+", "-", "*", "/", "·", "×")


def _arithmetic_count(written: list[Tok]) -> ir.Count | None:
    """A count written as its arithmetic (`_arithmetic`), shown with its value: `(11*11*3 + 1) * 96 = 34,944`."""
    worked = _arithmetic(written) if len(written) > 1 else None
    value = count_from_text(str(worked), Span(written[0].start, written[-1].end)) if worked is not None else None
    return value._replace(text=f"{_shown(written)} = {worked:,}") if isinstance(value, ir.Count) else None


def _own_clause(tokens: list[Tok]) -> list[Tok]:
    """An answer's tokens up to a `,` or `;` (outside parentheses) that starts another answer (`10 neurons, params =
    850`): what follows is that answer's, its `=` no working of this one."""
    depth = 0
    for j, t in enumerate(tokens[:-1]):
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and t.text in (",", ";") and _count_head([u.lower for u in tokens[j + 1:j + 4]], 0) is not None:
            return tokens[:j]
    return tokens


_FIT_TOKENS = 64  # the longest "doesn't fit" answer with its working: `(227 - 11 + 2*0)/4 + 1 = 55.25, so it …`
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")  # thousands grouped by commas: `25,088`
_TUPLE_TOKENS = 10  # the longest shape printed as a tuple, with its brackets: `(None, 55, 55, 96)`


def _after_working(tokens: list[Tok]) -> list[Tok]:
    """What follows the last `=` outside parentheses (the working's result), else the tokens."""
    depth, last = 0, None
    for j, t in enumerate(tokens[:_no_fit_remark(tokens)]):
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and t.text == "=" and not _arrow_pair(tokens, j):
            last = j
    return tokens if last is None else tokens[last + 1:]


_NO_FIT_REMARK_TOKENS = 24  # the longest "doesn't fit" remark: `so stride 3 is not proper for N = 7 and F = 3`


def _no_fit_remark(tokens: list[Tok]) -> int:
    """Where a "doesn't fit" remark closing the tokens starts (`… = 2.33, so stride 3 is not proper for N=7 and
    F=3`: its `=` signs are no working's), else their length."""
    for j in range(max(1, len(tokens) - _NO_FIT_REMARK_TOKENS), len(tokens)):
        before = tokens[j - 1]  # (after a value, a comma or an arrow: `2.33, so …`, `2.33 => …`)
        if (before.text in (",", ";", ">") or before.kind in ("NUM", "ARROW")) and _no_fit(tokens[j:]) is not None:
            return j
    return len(tokens)


def _arrow_pair(tokens: list[Tok], j: int) -> bool:
    """Whether `tokens[j]` is the `=` of an `=>` (written `=` and `>`, together): an arrow, no working's `=`
    (`2.33 => invalid` was read as the working `2.33 =` then `> invalid`: prose, and a right answer lost)."""
    return tokens[j].text == "=" and j + 1 < len(tokens) and tokens[j + 1].text == ">" and \
        tokens[j].end == tokens[j + 1].start


def _value_then_working(tokens: list[Tok]) -> Tok | None:
    """The whole number of `55 = (227-11)/4+1` (`55 = (227-11)/4+1 = (N-F)/stride+1`), after an output's label: a
    value before its working, whose first side after the value is arithmetic alone; None for anything else."""
    if len(tokens) < 3 or tokens[0].kind != "NUM" or not tokens[0].text.isdigit() or \
            len(tokens[0].text) > limits.MAX_LITERAL_DIGITS or not int(tokens[0].text) or tokens[1].text != "=" or \
            _arrow_pair(tokens, 1):
        return None
    rest = _untrailed(tokens[2:])
    side = rest[:next((j for j, t in enumerate(rest) if t.text in ("=", ",", ";")), len(rest))]
    if side and all(t.kind in ("NUM", "DIMS") or t.text in _WORKING_MARKS for t in side) and \
            any(t.text in _ARITHMETIC for t in side) and any(t.kind == "NUM" for t in side):
        return tokens[0]
    return None


def _another_volume(earlier: ir.ShapeAnswer, again: ir.ShapeAnswer) -> bool:
    """Whether `again`, a volume, says another height and width than `earlier`, a square output's side (`Output = 55
    = (227-11)/4+1`, then `Output volume = [54x54x96]`): two answers, each judged (as one answer said again, the
    volume was E060 and the side's verdict stood for both: a wrong volume counted right)."""
    if not earlier.square or len(earlier.dims) != 1 or len(again.dims) != 3:
        return False
    return earlier.dims * 2 != again.dims[:2]  # (a bare `96x55x55` too: judged in the sheet's order, as written)


def _clause_after(tokens: list[Tok]) -> list[Tok]:
    """The tokens after the first `,` or `;` outside parentheses (`= (227-11)/4+1, params 0`: the counts after a
    working), else none."""
    depth = 0
    for j, t in enumerate(tokens):
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and t.text in (",", ";"):
            return tokens[j:]
    return []


def _division(tokens: list[Tok]) -> ir.ShapeAnswer | None:
    """`2.33`, the value of `(7 - 3)/3 + 1` as the lecture writes it, alone or with its "doesn't fit" (`2.33
    (doesn't fit)`, `2.33, so it does not fit`); None for anything else."""
    if not tokens or tokens[0].kind != "NUM":
        return None
    answer = ir.division_answer(tokens[0].text, tokens[0].span)
    said = tokens[1:]
    while said and (said[0].text in ("(", ",", "-", ";", ":", "->", "→", "⇒", ">") or said[0].kind == "ARROW" or
                    _arrow_pair(said, 0)):
        said = said[1:]
    if said and said[-1].text == ")":
        said = said[:-1]
    return answer if answer is not None and (not said or _no_fit(said) is not None) else None


_DEPTH_NOUNS = {"channels", "channel", "maps", "map", "filters", "kernels", "slices", "planes"}  # `8 channels`
_DEPTH_PHRASES = (["feature", "maps"], ["activation", "maps"], ["depth", "slices"], ["of", "them"])


def _depth_said(tokens: list[Tok]) -> tuple[int, Span] | None:
    """The depth said beside an output's volume: `8 channels`, `8 feature maps`, `8 of them`, `depth 8` (`depth:
    8`, `depth of 8`, `depth = 8`), `channels: 8`, `@ 8`, `(x8)`, 0 too (no volume: E060 where it is read); None
    when none is."""
    bare = [t for t in tokens if t.text not in ("(", ")", "!", ".")]
    if len(bare) == 1 and re.fullmatch(r"[xX][1-9][0-9]{0,8}", bare[0].text):  # `55 x 55 (x96)`: times 96 maps
        return int(bare[0].text[1:]), bare[0].span
    for j, tok in enumerate(tokens):
        spelled = _DEPTH_WORDS_SPELLED.get(tok.lower) if tok.kind == "WORD" else None  # `nine channels`
        if spelled is None and (tok.kind != "NUM" or not tok.text.isdigit() or
                                len(tok.text) > limits.MAX_LITERAL_DIGITS):
            continue
        after = [t.lower for t in tokens[j + 1:j + 3]]
        before = [t.lower for t in tokens[max(0, j - 3):j]]
        while before and before[0] not in ("depth", "channels", "@"):
            before = before[1:]
        noun = bool(after) and (after[0] in _DEPTH_NOUNS or after in _DEPTH_PHRASES)
        named = before[:1] in (["depth"], ["channels"]) and all(w in (":", "=", "of", "is") for w in before[1:])
        if spelled is not None and noun:  # (the depth said so was passed over: `32x32 with nine channels` right)
            return spelled, tok.span
        if spelled is None and (noun or named or before == ["@"]):
            return int(tok.text), Span(tokens[j - len(before)].start if before else tok.start, tok.end)
    return None


_DEPTH_WORDS_SPELLED = {**_NUMBER_WORDS, "zero": 0}  # `32x32 with nine channels` (past ten, `ninety-six maps`,
# a number already: `_spelled_numbers`)


_ROUNDING_SAID = {"floor": "floor", "floored": "floor", "flooring": "floor", "down": "floor", "ceil": "ceil",
                  "ceiling": "ceil", "ceiled": "ceil",
                  "up": "ceil"}  # `floor((32 - 5)/2) + 1 = 14`, `14 (rounded down)`, `rounding up: 15`
_SO = ("so", "thus", "hence", "therefore")  # words that lead to an answer: `Therefore the output is 55x55x96`
_ROUNDING_WORDS = {*_ROUNDING_SAID, "rounded", "round", "rounding", "rounds", "after", "by", "to", "the", "nearest",
                   "integer", "whole", "number"}  # a rounding said after an answer (`14, rounded down`): a remark


def _rounded_as_said(line: ir.Line, tokens: list[Tok]) -> ir.Line:
    """A layer line whose output answer says how it rounds an inexact division (`floor(…)`, `rounded down`,
    `ceil`): its sliding-window layers round so, as the spec's `floor` or `ceil` on a layer says (the answer is
    then judged by that rule, and the inexact division is a note). Unchanged when the answer says nothing of it."""
    words = [t.lower for t in tokens]
    said = next((t for j, t in enumerate(tokens) if _ROUNDING_SAID.get(words[j]) is not None and
                 (words[j] in ("floor", "floored", "flooring", "ceil", "ceiling", "ceiled") or
                  words[j - 1:j] in (["rounded"], ["round"], ["rounding"], ["rounds"]))), None)
    if said is None:
        arrowed = _rounding_arrowed(tokens)
        return line if arrowed is None else _rounded(line, *arrowed)
    return _rounded(line, _ROUNDING_SAID[said.lower], said.span)


def _rounding_arrowed(tokens: list[Tok]) -> tuple[str, Span] | None:
    """`= 64.5 -> 64` (`→ 65`) in an output's working: a fraction taken to the whole number below it is a floor, to
    the one above a ceil (the division was E030 and the answer unchecked); None when the working says neither."""
    for fraction, arrow, whole in zip(tokens, tokens[1:], tokens[2:]):
        if arrow.kind != "ARROW" or fraction.kind != "NUM" or whole.kind != "NUM" or \
                not re.fullmatch(r"\d{1,6}\.\d{1,6}", fraction.text) or not whole.text.isdigit():
            continue
        below = int(fraction.text.partition(".")[0])
        if float(fraction.text) != below and int(whole.text) in (below, below + 1):
            return ("floor" if int(whole.text) == below else "ceil"), fraction.span.to(whole.span)
    return None


def _rounded(line: ir.Line, mode: str, said: Span) -> ir.Line:
    """The line with its sliding-window layers rounding an inexact division by `mode` (`floor`, `ceil`, said at
    `said`), as the spec's `floor` or `ceil` on a layer, where a layer says no rounding of its own."""
    items = tuple(item._replace(args=(*item.args, ir.Arg("rounding", ir.Word(mode, said), said)))
                  if isinstance(item, ir.LayerCall) and (layer := REGISTRY.get(item.keyword)) is not None and
                  mode in layer.schema.flags and all(a.name != "rounding" for a in item.args) else item
                  for item in line.items)
    return line._replace(items=items)


def _rounding_assumed(tokens: list[Tok]) -> tuple[str, Span] | None:
    """The rounding a line of prose says the sheet's inexact divisions take, when it says that for all of them
    (`Round down when the division is not exact.`, `Assume PyTorch conventions (floor).`, `Use floor for
    non-integer output sizes.`, `If the output size is not an integer, take the floor.`): the layers below that say
    none of their own round so (each such division was E030, its right answer unchecked). None for any other line
    (`PyTorch would floor this to 112`, about one division)."""
    words = [t.lower for t in tokens]
    if any(t.kind in ("ARROW", "NUM", "DIMS") for t in tokens) or len(words) > 24 or \
            not _ROUNDING_RULE_WORDS.intersection(words):
        return None
    said = [j for j, w in enumerate(words) if w in ("floor", "floored", "flooring", "ceil", "ceiling", "ceiled") or
            (w in ("down", "up") and words[j - 1:j] in (["round"], ["rounded"], ["rounding"], ["rounds"]))]
    modes = {_ROUNDING_SAID[words[j]] for j in said}
    return (modes.pop(), tokens[said[0]].span) if len(modes) == 1 else None


# words that make a rounding said in prose the whole sheet's (`_rounding_assumed`)
_ROUNDING_RULE_WORDS = frozenset({"assume", "assuming", "always", "all", "every", "whenever", "when", "if", "use",
                                  "using", "take", "convention", "conventions", "non-integer", "fractional", "exact",
                                  "integer", "throughout", "default"})


# words before a layer's name that say the answer after it is not its output (`Receptive field after POOL1: 6x6`)
_NOT_OUTPUTS = ("receptive", "field", "rf", "effective", "stride", "padding", "pad", "input", "kernel", "filter")
_AFTER_FILLERS = ("the", "output", "volume", "is", "we", "get", "it", "becomes", "has", "size", "of", "a", "have")
_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "sixth": 5, "seventh": 6, "eighth": 7,
             "ninth": 8, "tenth": 9, "last": -1, "final": -1, "initial": 0,
             **{f"{n}{'st' if n == 1 else 'nd' if n == 2 else 'rd' if n == 3 else 'th'}": n - 1 for n in range(1, 11)}
             }  # a layer named by its place: `the second conv layer`, `the last FC layer`, `the 2nd layer`


_KIND_LEADS = {"max", "avg", "average", "pool", "pooling", "maxpool", "avgpool", "conv", "convolution",
               "convolutional", "fc", "fully", "dense"}  # the first word of a layer stated without a name
_HEADING_WORDS = {"example", "step", "part", "case", "task", "problem", "exercise", "question", "answer", "solution",
                  "hint", "note", "figure", "table", "slide", "page"}


def _described_kind(words: list[str]) -> str | None:
    """The kind of layer a description says without its name saying it: a pool (`2x2 max pool, stride 2`), an FC
    layer (`10 neurons`), a convolution (`10 5x5 filters, stride 1`), or a layer without numbers said in its words
    alone, of one kind only (`Flatten`, `Batch normalization`; `Layer 4: Flatten` was prose, and the answers under
    it went to the layer above); None for anything else."""
    said = set(words)
    if {"pool", "pooling", "maxpool", "avgpool"} & said:
        return "avgpool" if {"avg", "average", "avgpool"} & said else "maxpool"
    if {"neurons", "units"} & said:
        return "fc"
    if {"filters", "kernels"} & said or (_CONV_WORDS & said and {"channels", "maps", *_DEPTHWISE_WORDS} & said):
        return "conv"  # (`1x1 convolution with 64 output channels`, `3x3 conv, 16 feature maps`, `depthwise conv 3x3`)
    alone = [kind for kind, described in _DESCRIBED.items() if said and said - {"-"} <= described and
             said - {"layer", "-"}]
    return alone[0] if len(alone) == 1 else None


def _kind_named(words: list[str]) -> tuple[int | None, str] | None:
    """A layer named by its kind (`the pool`, `the first conv layer`, `the last FC layer`): its ordinal among
    that kind's layers (None: the only one) and the kind; None for other words."""
    at = _skip(words, 0, ("the",))
    ordinal = _ORDINALS.get(words[at]) if at < len(words) else None
    at += ordinal is not None
    if words[at:at + 1] in (["max"], ["avg"], ["average"]) and words[at + 1:at + 2] in (["pool"], ["pooling"]):
        at += 1  # `the max pool`, as `the pool`
    named = _family_named(words, at)
    return None if named is None or named[1] != len(words) else (ordinal, named[0])


def _stands_at(net: _Net, given: ir.Input) -> bool:
    """Whether `given` is the volume the sheet answered `net`'s last line to give (`Output volume = [55x55x96]`,
    then `Input: 55x55x96`): where the student says the network stands."""
    last = net.lines[-1].expectation if net.lines else None
    answer = last.shape if last is not None else None
    return answer is not None and answer.axis is None and answer.dims == given.dims


def _went_on(net: _Net, reader: _LineReader) -> bool:
    """After the network's input stated again, whether the layer read goes on with the network though the sheet
    may mean an example of its own on that input: it says its place alone (`Second layer (POOL1)`), or a line said
    where the network stands (`After CONV1: 55x55x96`) and the layer is a description alone (`10 3x3 filters …`,
    which starts an example elsewhere)."""
    return (reader.goes_on and not net.placed) or (net.placed and reader.opens and not reader.first_said)


_TIMES_SIGNS = ("x", "×")
_TIMES_SAID = re.compile(r"[x×]([0-9]{1,18})")  # `x2` as one word


def _times_said(tokens: list[Tok], lead: int) -> tuple[list[Tok], ir.Num | None]:
    """A layer said to repeat (VGG's two convolutions on a line): in parentheses before the answers, `(x2)`, `(×2)`,
    `(2x)`, `(2 times)`, `(twice)`, `(repeated 3 times)`, or first, `2 x CONV3-64`, `2× conv 3x3, 64`. The tokens
    without it, and the number of times where it was written; the tokens as they are and None for any other
    line."""
    opening = next((j for j, t in enumerate(tokens) if t.text == "(" or t.kind == "ARROW"), None)
    while opening is not None and tokens[opening].text == "(" and opening > lead:
        closing = next((j for j in range(opening + 1, min(opening + 6, len(tokens))) if tokens[j].text == ")"), None)
        if closing is None:
            break
        times = _times_inside(tokens[opening + 1:closing])
        if times is not None:
            return [*tokens[:opening], *tokens[closing + 1:]], ir.Num(times, tokens[opening].span.to(
                tokens[closing].span))
        opening = next((j for j in range(closing + 1, len(tokens)) if tokens[j].text == "(" or
                        tokens[j].kind == "ARROW"), None)
    first = tokens[lead:lead + 3]
    if len(first) == 3 and first[0].text.isdigit() and len(first[0].text) <= limits.MAX_LITERAL_DIGITS and \
            first[1].lower in _TIMES_SIGNS and first[2].kind == "WORD" and first[2].lower not in _TIMES_SIGNS:
        return [*tokens[:lead], *tokens[lead + 2:]], ir.Num(int(first[0].text), first[0].span.to(first[1].span))
    return _layers_counted(tokens, lead)


_SIDE_THEN = ("so", "hence", "thus", "therefore", "giving", "gives", "i.e.", "ie", "i", ".", "e", "which", "is")  # a
# side worked out, then the volume it comes to (`= 55, so 55x55x96`, `= 55, i.e. 55x55x96`)
_KERNEL_SIDES = 11  # a filter's side at most, as the lecture's are (AlexNet's 11x11): `Conv: 3x3x8` may be one
_FILTER_QUANTITIES = ("params", "weights", "biases")  # the counts cnncalc judges of one filter (`filter_params`, …)
_EACH_COUNTING = ("filters", "kernels", "neurons", "units", "channels", "maps")  # `with 16 filters each`: per layer
_COUNTED_LAYERS = ("layers", "convolutions", "convs")  # `Three 3x3 conv layers …`, `two 3x3 convolutions …`
_COUNTED_KIND_WORDS = {"conv", "convolution", "convolutional", "conv2d", "fully", "connected", "fc", "dense",
                       "-"}  # between the count and that noun


def _layers_counted(tokens: list[Tok], lead: int) -> tuple[list[Tok], ir.Num | None]:
    """`Three 3x3 conv layers with 16 filters each, stride 1, pad 1` (`2 conv layers, 3x3, 64 filters`, `Two 3x3
    convolutions, 64 filters`, `Two FC layers of 4096 neurons`): layers of one kind counted, as the layer said once
    (`3x3 conv layer with 16 filters, …`, the description's `each` left out; an answer's, `2320 params each`, is
    E060, as after `(x2)`) and the number of times; the tokens as they are and None
    for any other line (it was prose, or E060, and what was said after it judged without them)."""
    count = tokens[lead] if lead < len(tokens) else None
    if count is None or not ((count.kind == "NUM" and count.text.isdigit()) or
                             (count.lower in _NUMBER_WORDS and count.lower != "one")):
        return tokens, None
    times = _NUMBER_WORDS.get(count.lower) or (int(count.text) if len(count.text) <= limits.MAX_LITERAL_DIGITS else 0)
    noun = next((j for j in range(lead + 1, min(lead + 6, len(tokens))) if tokens[j].lower in _COUNTED_LAYERS), None)
    if noun is None or not times or not all(t.kind == "DIMS" or t.lower in _COUNTED_KIND_WORDS
                                            for t in tokens[lead + 1:noun]) or \
            (tokens[noun].lower == "layers" and not _COUNTED_KIND_WORDS.intersection(t.lower
                                                                                  for t in tokens[lead + 1:noun])):
        return tokens, None
    said = tokens[noun]
    once = Tok("WORD", "layer" if said.lower == "layers" else "conv", said.start, said.end)
    arrow = next((j for j, t in enumerate(tokens) if t.kind == "ARROW"), len(tokens))
    rest = [t for j, t in enumerate(tokens[noun + 1:], noun + 1) if not (
        t.lower == "each" and j < arrow and tokens[j - 1].lower in _EACH_COUNTING)]  # (`2320 params each` stays)
    return [*tokens[:lead], *tokens[lead + 1:noun], once, *rest], ir.Num(times, count.span.to(said.span))


def _times_inside(inside: list[Tok]) -> int | None:
    """The number of times the words in a repetition's parentheses say (`x2`, `2 times`, `twice`), or None."""
    words = [t.lower for t in inside]
    if words[:1] == ["repeated"]:
        words = words[1:]
    said = _TIMES_SAID.fullmatch(words[0]) if len(words) == 1 else None
    number = said.group(1) if said is not None else \
        words[1] if len(words) == 2 and words[0] in _TIMES_SIGNS else \
        words[0] if len(words) == 2 and words[1] in (*_TIMES_SIGNS, "times") else None
    if words in (["twice"], ["thrice"]):
        return 2 if words == ["twice"] else 3
    if number is None or not number.isdigit() or len(number) > limits.MAX_LITERAL_DIGITS:
        return None
    return int(number) or None  # (`(x0)` says no layer: not a repetition)


def _said_repeated(tokens: list[Tok], lead: int, net: _Net, start: int, end: int, figures: frozenset[str]
                   ) -> tuple[list[Tok], ir.Num | None]:
    """`_times_said`'s reading of a line, when the line without the words that say a repetition states a layer
    (read once more, aside, to know); else the tokens as they are (`Params: 1,792 (x2)` keeps its remark)."""
    said, times = _times_said(tokens, lead)
    if times is None:
        return tokens, None
    trial = _LineReader(said, DiagnosticSink(), start, end, figures)
    trial.labels = net.labels()
    bracketed = said[0].text == "["
    result = trial.read() if bracketed else trial.worked(list(net.lines), net.exercise is not None,
                                                          net.input is not None, set(net.shared))
    return (said, times) if isinstance(result, ir.Line) and _layers_stated(result) else (tokens, None)


def _heading_states_layer(raw: str, line_start: int, net: _Net, figures: frozenset[str]) -> bool:
    """Whether a markdown heading, its marks aside, reads as layers and nothing else, valid and without a diagnostic
    (read aside to know): `### CONV1: 8 filters 4x4, stride 2, pad 1`, not `## Problem 2` nor `### Conv layer`."""
    marks = len(raw) - len(raw.lstrip().lstrip("#"))
    said = _tokens(" " * marks + raw[marks:], line_start)
    if not said:
        return False
    trial_sink = DiagnosticSink()
    trial = _LineReader(said, trial_sink, said[0].start, line_start + len(raw.rstrip()), figures)
    trial.labels = net.labels()
    result = trial.worked(list(net.lines), net.exercise is not None, True, set(net.shared))
    return isinstance(result, ir.Line) and not isinstance(result, _Exercise) and _layers_stated(result) and \
        trial_sink.total == 0 and all(isinstance(item, ir.LayerCall) and item.valid for item in result.items)


def _tuple_as_size(tokens: list[Tok]) -> list[Tok]:
    """`(96, 3, 11, 11)` (or in brackets, with 3 or 4 whole numbers) as the one size `96x3x11x11`; other tokens as they
    are."""
    if len(tokens) not in (7, 9) or tokens[0].text not in ("(", "[") or tokens[-1].text not in (")", "]") or \
            not all(t.kind == "NUM" and t.text.isdigit() for t in tokens[1:-1:2]) or \
            not all(t.text == "," for t in tokens[2:-1:2]):
        return tokens
    return [Tok("DIMS", "x".join(t.text for t in tokens[1:-1:2]), tokens[0].start, tokens[-1].end)]


def _layers_stated(line: ir.Line) -> bool:
    """The line states layers and nothing else (what a repetition may repeat)."""
    return bool(line.items) and all(isinstance(item, ir.LayerCall) for item in line.items)


def _with_input_counts(given: ir.Input, counts: dict[str, ir.Count], reader: _LineReader) -> ir.Input:
    """The input with counts answered for it on a line below it; one answered already stands, unless the new one
    agrees and says more (`restated`: E060 when it says otherwise)."""
    before = given.answers
    merged = {q: c for q in ir.COUNTED if before is not None and (c := getattr(before, q)) is not None}
    for quantity, count in counts.items():
        if quantity not in merged or reader.restated(merged[quantity], count):
            merged[quantity] = count
    spans = [count.span for count in merged.values()]
    return given._replace(answers=ir.answered(None, merged, spans[0].to(spans[-1])))


def _repeated(result: ir.Line, times: ir.Num, reader: _LineReader) -> ir.Line:
    """A layer line said to repeat (`_said_repeated`), as its layers written that many times on it (each copy after
    the first unnamed): its answers are the whole repetition's, the output of the last and the counts of all, as a
    line's are. Past `limits.MAX_TIMES_SAID`, E060 at the words that say so, and the layer is unknown."""
    if times.value > limits.MAX_TIMES_SAID:
        reader.sink.add(codes.E060, f"a layer said to repeat {times.value:,} times: cnncalc reads at most "
                                    f"{limits.MAX_TIMES_SAID} on a line", times.span,
                        hint="write the network in the spec language, whose `repeat` takes more "
                             "(docs/spec-language.md)")
        return reader.unreadable(None, [])
    again = tuple(item._replace(label=None) if isinstance(item, ir.LayerCall) else item for item in result.items)
    return result._replace(items=result.items + again * (times.value - 1))


def _restates_exercise(net: _Net, line: ir.Line) -> bool | None:
    """A layer line right after an exercise left unanswered (`Given an input of 32x32x3 and 8 filters of 3x3, …`)
    that states a layer of the exercise's kind: True when it states the exercise's layer as it is (the student's
    working of it), False when with other settings (the exercise's layer worked differently, or another layer after
    it: what rests on which is not judged); None for any other line."""
    if net.exercise is None or len(net.lines) != 1 or net.lines[0].expectation is not None or \
            len(net.lines[0].items) != 1 or not line.items:
        return None
    given, stated = net.lines[0].items[0], line.items[0]
    if not isinstance(given, ir.LayerCall) or not isinstance(stated, ir.LayerCall) or given.keyword != stated.keyword:
        return None
    return len(line.items) == 1 and _settings(given) == _settings(stated)


def _settings(call: ir.LayerCall) -> dict[str, object]:
    """A layer call's arguments without where they were written, and a convolution's written as their defaults
    left out (`stride 1`, `pad 0`): two statements of one layer compare equal."""
    convolution = call.keyword in ("conv", "dwconv", "deconv")
    return {arg.name: _unplaced(arg.value) for arg in call.args if not (
        convolution and isinstance(arg.value, ir.Num) and (arg.name, arg.value.value) in _CONV_DEFAULTS)}


_CONV_DEFAULTS = {("stride", 1), ("dilation", 1), ("pad", 0), ("groups", 1)}  # (`cnncalc.layers.conv`'s)
_UNIT_KERNEL = ("PairLit", (("Num", 1), ("Num", 1)))  # a 1x1 convolution's size, `_unplaced`: no padding to say


def _unplaced(value: object) -> object:
    if isinstance(value, tuple):
        fields = getattr(value, "_fields", None)
        if fields is not None:
            return (type(value).__name__, *(_unplaced(getattr(value, f)) for f in fields if f != "span"))
        return tuple(_unplaced(v) for v in value)
    return value


def _restating(line: ir.Line, given: ir.Input) -> ir.Line:
    """`line`, a layer that went on after its network's input was stated again, marked with that input."""
    expectation = line.expectation or ir.Expectation(None, None, None, line.span)
    dims = tuple(d for d in given.dims if isinstance(d, int))
    stated = ir.ShapeAnswer(dims, "x".join(map(str, given.dims)), given.span)
    return line._replace(expectation=expectation._replace(restated=stated))


def _placed(words: list[str]) -> tuple[int, int, str | None] | None:
    """A layer named by its place among a sentence's words (`The first conv layer has …`, `… of the last pooling
    layer`, `the second layer`): where its ordinal is, the ordinal, and its kind (None: `layer` alone, any layer);
    None when the words name none (`the first hidden layer`, `the first filter`)."""
    for j, word in enumerate(words):
        ordinal = _ORDINALS.get(word)
        if ordinal is None:
            continue
        if words[j + 1:j + 2] == ["layer"]:
            return j, ordinal, None
        named = next((named for end in range(j + 2, min(j + 6, len(words)) + 1)
                      if (named := _kind_named(words[j:end])) is not None), None)
        if named is not None:
            return j, ordinal, named[1]
    return None


def _receives(net: _Net, reader: _LineReader, stated: ir.Input) -> bool:
    """Whether an input stated in prose (`Input volume: 32x32x16`, on an indented line right under the layer's: the
    caller sees to that) is what the layer on the line above receives: it comes between that layer's line and its
    answers (the layer has none yet), in a network with its input, and answers nothing of its own; not a numbered
    question's, nor an exercise's."""
    last = net.lines[-1] if net.lines else None
    return last is not None and net.input is not None and net.exercise is None and not reader.numbered and \
        reader.stated is not None and stated.answers is None and last.expectation is None and \
        bool(last.items) and isinstance(last.items[0], ir.LayerCall) and \
        not (net.tentative and net.tentative[-1][0] == len(net.lines) - 1)


def _kind_lines(lines: list[ir.Line], kind: str) -> list[int]:
    """The indices of the lines above whose layer is of `kind` (conv, pool, fc)."""
    return [i for i, line in enumerate(lines) if line.items and isinstance(line.items[0], ir.LayerCall) and
            _family(line.items[0].keyword) == kind]


def _kind_line(lines: list[ir.Line], ordinal: int | None, kind: str) -> int | None:
    """The line a kind-named layer is: the ordinal-th of that kind, or the only one; None when there is none,
    or several and no ordinal says which."""
    found = _kind_lines(lines, kind)
    if ordinal is None:
        return found[0] if len(found) == 1 else None
    return found[ordinal] if -len(found) <= ordinal < len(found) else None


def _unread_output(tokens: list[Tok]) -> bool:
    """Whether a line that was not read heads an output's answer and gives numbers (`Output: 28 rows, 28 columns, 6
    maps`, `Output shape: [N, C, 28, 28]`): an answer cnncalc cannot read, not prose."""
    words = [t.lower for t in tokens]
    at = _lead(tokens)
    if words[at:at + 1] != ["output"]:
        return False
    at += 1 + (words[at + 1:at + 2] in (["size"], ["shape"], ["volume"], ["dimensions"], ["dims"]))
    said = tokens[at + 1:]  # sizes, two numbers at least (`Output: a vector of 10 numbers` stays a remark), and no
    # arithmetic (`Output = (N - F)/stride + 1`: the formula, prose)
    return words[at:at + 1] in ([":"], ["="]) and not {"=", "/", "+", "-", "*", "^"} & set(words[at + 1:]) and \
        (any(t.kind == "DIMS" for t in said) or sum(t.kind == "NUM" for t in said) >= 2)


def _answered_question(tokens: list[Tok]) -> bool:
    """Whether a line asks a question and answers it after its `?` with a number or a volume alone (`How big is
    the output of CONV1? 32x32x10`), answers after an arrow (`… -> 32x32x10`), says what something has (`The
    conv layer has 760 parameters`), gives a volume after something (`After the pooling layer the volume is
    16x16x10`) or a named layer's answer (`L5 params: 100`, no L5 above): an answer, never prose, even when
    cnncalc cannot read what it is about."""
    said = [t for t in tokens if t.text not in ("!", ".") and t.lower not in ("learnable", "trainable")]
    arrow = next((j for j, t in enumerate(said) if t.kind == "ARROW"), None)
    answer = [t.lower for t in said[arrow + 1:]] if arrow is not None else []
    if arrow is not None and ((said[arrow + 1:arrow + 2] and said[arrow + 1].kind == "DIMS" and
                               set(answer[1:]) <= {"output", "volume"}) or
                              (len(answer) == 2 and said[arrow + 1].kind == "NUM" and answer[1] in ir.ANSWER_WORDS)):
        return True  # `… -> 32x32x10`, `… -> 760 params` ending the line: an answer, whatever the line before it
        # (`5x5 filter -> 5x5 receptive field for each neuron` goes on: the lecture's prose)
    worked = max((j for j, t in enumerate(said) if t.text == "="), default=1)  # (`There are 75*10 + 10 = 760 …`)
    if len(said) >= 4 and [t.lower for t in said[:2]] in (["there", "are"], ["there", "is"]) and (
            (said[2].kind == "NUM" and said[3].lower in ir.ANSWER_WORDS) or (
                2 < worked < len(said) - 2 and said[worked + 1].kind == "NUM" and
                said[worked + 2].lower in ir.ANSWER_WORDS and
                all(t.kind == "NUM" or t.text in _WORKING_MARKS for t in said[2:worked]))):
        return True  # `There are 760 parameters`, of what not said; its working before it too
    if len(said) >= 3 and said[-3].lower in _HAS and said[-2].kind == "NUM" and said[-1].lower in ir.ANSWER_WORDS:
        return True
    if said and (said[0].lower in ("after", "before") or [t.lower for t in said[:2]] in (["output", "after"],
                                                                                         ["output", "before"])) and \
            any(t.kind == "DIMS" for t in said):
        return True  # `After the pooling layer the volume is 16x16x10`, `Output after ReLU: …` with no ReLU above
    words = [t.lower for t in said]
    if len(said) >= 4 and _label(said[:1]) is not None and words[2] == ":" and \
            (words[1] in ir.ANSWER_WORDS or words[1] in ("output", "out")) and said[3].kind in ("NUM", "DIMS"):
        return True  # `L5 params: 100` with no L5 above
    if any(_label(said[j:j + 1]) is not None and _layer_kind(words[j]) is not None and words[j + 1] == ":" and
           said[j + 2].kind == "DIMS" for j in range(1, len(said) - 2)):
        return True  # `Outputs: CONV1: 32x32x10, POOL1: 16x16x10`: a named layer's output, after other words
    verb = next((j for j in range(1, min(len(words), 7)) if words[j] in ("is", "are", "=")), None)
    volume = _shape(said[-1]) if said and said[-1].kind == "DIMS" else None
    if verb is not None and volume is not None and len(volume.dims) == 3 and len(said) - verb <= 3 and \
            _OUTPUT_SAID_NOUNS.intersection(words[:verb]):
        return True  # `So the pooled map is 12 x 12 x 5.`: a volume said of an output (prose: a wrong one passed)
    asked = [j for j, t in enumerate(tokens) if t.text == "?"]
    if not asked:
        return False
    question = {t.lower for t in tokens[:asked[-1]]}
    if "why" in question or not question & {*ir.ANSWER_WORDS, *_VALUE_WORDS, *_ASKED_SIZES}:
        return False  # `Why is the stride 1? …`: no count or size asked
    after = [t for t in _untrailed(tokens[asked[-1] + 1:]) if t.lower not in _VALUE_WORDS and
             t.lower not in ir.ANSWER_WORDS]
    return (len(after) == 1 and after[0].kind in ("NUM", "DIMS")) or \
        (bool(after) and _no_fit(after) is not None)  # `… with stride 2: output size? doesn't fit`


_OUTPUT_SAID_NOUNS = {"output", "outputs", "map", "maps", "volume", "result", "activations", "activation"}  # what a
# sentence giving a volume says it of (`So the pooled map is 12 x 12 x 5.`)
_ASKED_SIZES = {"output", "size", "shape", "dimensions", "volume", "depth", "width", "height", "field", "maps", "big",
                "large", "many"}


def _field_sides(field: ir.ShapeAnswer) -> ir.ShapeAnswer:
    """A receptive field as its height and width: `7` is a square field, 7x7 (as the checker judges it)."""
    return field._replace(dims=field.dims * 2) if len(field.dims) == 1 else field


def _same_volume(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """Whether two answers can say the same output, as either would be judged against it (`ir.compared`):
    `32x32` is `32x32x10`'s height and width; `10`, `1x1x10` and `10x1` the same vector."""
    output, other = (a, b) if len(a) in (1, 3) else (b, a)
    pairs = ir.compared(other, output)
    return pairs is not None and all(written == given for _, written, given in pairs)


def _labelled_apart(question: list[Tok], answer: list[Tok], line: list[Tok]) -> bool:
    """Whether an answer under a question says its own quantity (`Weights: … = 34,848.`, `Biases: 96.`) about the
    layer above, the question naming no layer (`How many weights and biases does the layer have?`): read alone, its
    quantity its own; a question that names a layer (`… does CONV2 have?`) is what says which layer it is about. So is
    a sentence of what one filter has (`Each filter has 76 parameters, so 10 filters have 76*10 = 760.`: read with
    the question, the count after its last `=` was all that was judged, and a wrong filter's count passed), and an
    answer that names its output (`Output 56x56x17; 64*16 + 16 = 1,040 parameters.`: read with the question, the
    count after the last `=` was judged, and a wrong output passed) or a count by its word anywhere on its `line`."""
    lead = _lead(answer)
    words = [t.lower for t in answer[lead:lead + 3]]
    said = [t.lower for t in line]
    output = any(w in ("output", "outputs", "get", "gives", "yields", "produces") and
                 any(t.kind == "DIMS" or (t.kind == "NUM" and w in ("output", "outputs")) for t in line[j + 1:j + 4])
                 for j, w in enumerate(said))  # (a vector's length too: `The output is 10 and biases = 10`)
    # a count with its word, `1040 params` or `weights = 1024` (read with a question asking for the output and the
    # counts, `1040` was judged as the output, and `1024` as the parameters: two right answers marked wrong)
    depths = list(accumulate((t.text == "(") - (t.text == ")") for t in line))  # (`156 (150 weights, …)`:
    # the question's count, its parts aside)
    counted = any(depths[j] == 0 and (
        (t.kind == "NUM" and said[j + 1:j + 2] != [] and said[j + 1] in ir.ANSWER_WORDS) or
        (said[j] in ir.ANSWER_WORDS and said[j + 1:j + 2] in ([":"], ["="], ["is"]) and line[j + 2:j + 3] != [] and
         line[j + 2].kind == "NUM")) for j, t in enumerate(line))
    return (_filter_has(words, 0) or output or counted or (words[:1] != [] and words[0] in ir.ANSWER_WORDS and
                                                           words[1:2] in ([":"], ["="]))) and \
        not any(t.kind == "WORD" and _label([t]) is not None for t in question)


def _bare_answer(tokens: list[Tok]) -> int | None:
    """A line that is an answer alone, as under a question: `32x32x10`, `A: 760`, `A1. 760`, `= 35K params`, `32
    by 32 by 10`, `doesn't fit`, a volume and its counts (`16x16x64, with 0 parameters`), or its working then its
    value (`(11*11*3 + 1)*96 = 34,944`, `(227-11)/4+1 = 55, so 55x55x96`): where the answer starts, after its
    bullets and label; None for another line."""
    start = _lead(tokens)
    start += _answer_label([t.lower for t in tokens[start:start + 3]], [t.kind for t in tokens[start:start + 3]])
    rest = tokens[start:]
    worked = [j for j, t in enumerate(rest[:_no_fit_remark(rest)])
              if (t.text == "=" and not _arrow_pair(rest, j)) or t.lower in ("so", "thus", "hence")]
    if worked and any(t.kind == "NUM" for t in rest[:worked[-1]]):
        rest = rest[worked[-1] + 1:]  # the value after the working
    said = rest
    rest = _untrailed(rest)
    if rest and rest[0].lower in _NONE_WORDS and (len(rest) == 1 or rest[1].text in _NONE_REMARKED):
        return start  # `A4. None: pooling has no parameters.`, `Zero.`: a count of 0 (`_none_answered`)
    if (len(rest) == 1 and rest[0].kind in ("DIMS", "NUM")) or (bool(rest) and _spelled(rest) is not None) or \
            _no_fit(rest) is not None or _division(rest) is not None:
        return start
    if len(said) > 2 and said[0].kind == "DIMS" and said[1].text in (",", ";") and \
            any(t.lower in ir.ANSWER_WORDS or t.lower in _VALUE_WORDS for t in said[2:]):
        return start  # a volume and its counts after it: `A3. 16x16x64, with 0 parameters`
    if len(said) > 2 and said[0].kind in ("DIMS", "NUM") and said[1].text == "(" and said[-1].text == ")":
        return start  # with an aside in parentheses: `A: 760 (750 weights, 10 biases)`, `32x32x10 (10 maps)`
    values = [j for j, t in enumerate(rest) if t.kind in ("DIMS", "NUM")]
    if len(values) == 1 and values[0] == len(rest) - 1 and 0 < values[0] <= 6 and \
            all(t.lower in _VALUE_SAYING for t in rest[:values[0]]):
        return start + values[0]  # a sentence that says the value alone: `The output is 32x32x10.`, `It needs 768K
        # MACs.`, `It has 760 parameters.`
    return None


_VALUE_SAYING = {"the", "output", "is", "it", "its", "it's", "'", "s", "has", "have", "needs", "need", "requires",
                 "there", "are", "we", "get", "volume", "size", "shape", "a", "an", "of", "equals", "would", "be",
                 "will", "so", "then", "this", "layer", "gives", "produces", "outputs", "total"}  # and nothing else


def _family_named(words: list[str], at: int) -> tuple[str, int] | None:
    """A kind of layer named at `at` (`conv`, `CONV layers`, `fully-connected layer`, `pooling`; not a layer's
    name, `conv1`): the kind and where its words end; None when none is."""
    word = words[at] if at < len(words) else ""
    family = _family(word) if word.isalpha() else None
    if family is None:
        return None
    end = at + 1
    if word == "fully":  # `fully connected`, `fully-connected`
        rest = words[end:end + 2]
        end += 2 if rest == ["-", "connected"] else 1 if rest[:1] == ["connected"] else 0
    return family, end + (words[end:end + 1] in (["layer"], ["layers"]))


def _every_value(words: list[str], at: int) -> bool:
    """Whether the words at `at` name every layer's values before an answer's `:` or `=` (`of all activations`, `for
    all the neurons`, `across every activation`): the network's total, as `Total activations` is (`Memory of all
    activations: …` was judged as the last layer's values, a right total marked wrong)."""
    if words[at:at + 1] not in (["of"], ["in"], ["for"], ["across"]):
        return False
    every = _skip(words, at + 1, ("the",))
    noun = _skip(words, every + 1, ("the",))
    return words[every:every + 1] in (["all"], ["every"]) and \
        words[noun:noun + 1] in (["activations"], ["activation"], ["neurons"], ["values"], ["outputs"]) and \
        words[noun + 1:noun + 2] in ([":"], ["="])


def _plural_layers(words: list[str], at: int) -> bool:
    """Whether the words at `at` name every layer of a kind, or every layer, in the plural before an answer's `:` or
    `=` (`of the conv layers`, `in all FC layers`, `of all layers`, `for the convs`): a total, as `Total params in
    the conv layers` is (each was judged as the last layer's count)."""
    if words[at:at + 1] not in (["of"], ["in"], ["for"], ["across"]):
        return False
    end = next((j for j in range(at, len(words)) if words[j] in (":", "=")), None)
    said = words[at:end]
    return end is not None and said[-1:] in (["layers"], *([plural] for plural in _KIND_PLURALS)) and \
        not {"both", "two", "three", "first", "last", "hidden"} & set(said) and bool(_layers_named(said) or (
            _layers_named(said) == "" and "all" in said))


_KIND_PLURALS = ("convs", "convolutions", "pools", "poolings")  # a kind's layers, without `layers`


def _layers_named(words: list[str]) -> str | None:
    """Which layers the words after a total's quantity name: a kind (`in the CONV layers`, `of all FC layers`),
    "" for the network (no layers named: `in the network`, `in all layers`), None for layers cnncalc does not sum
    alone (`in the hidden layers`, `in the first two layers`)."""
    aside = words[:1] == ["("] and words[-1:] == [")"]  # `Total params (conv layers): …`
    if aside or words[:1] in (["in"], ["of"], ["for"], ["across"]):
        at = _skip(words, 1, ("all", "the"))
        named = _family_named(words, at)
        if named is not None and named[1] == len(words) - aside:
            return named[0]
        words = words[:-1] if aside else words
    if words[-1:] not in (["layers"], ["blocks"]):
        return ""
    return "" if words[1:] in (["all", "layers"], ["all", "the", "layers"], ["the", "layers"]) else None


def _of_a_layer(tokens: list[Tok]) -> bool:
    """Whether a count's words name one layer (`parameters in this layer`, `params of CONV2`, `MACs for the
    layer`): its total is that layer's whole count, not the network's."""
    words = [t.lower for t in tokens]
    for j, word in enumerate(words[:-1]):
        named = tokens[j + 1].kind == "WORD" and _layer_kind(words[j + 1]) is not None and \
            _label(tokens[j + 1:j + 2]) is not None  # `of CONV2`
        if word in ("in", "of", "for") and (named or words[j + 1:j + 3] in (["this", "layer"], ["the", "layer"],
                                                                             ["that", "layer"])):
            return True
    return False


def _question_labelled(tokens: list[Tok]) -> bool:
    """Whether a line is labelled a question (`Q: CONV1 output`, `Q3. Params of CONV1`, `Question: …`), with words
    after its label: the answer on the line below answers it, `?` or not."""
    words = [t.lower for t in tokens[:3]]
    at = 2 if [t.kind for t in tokens[1:2]] == ["NUM"] else 1
    return bool(words) and re.fullmatch(r"(?:q|question)[0-9]*", words[0]) is not None and \
        words[at:at + 1] in ([":"], ["."], [")"]) and len(tokens) > at + 1


def _answer_label(words: list[str], kinds: list[str]) -> int:
    """How many tokens an answer's label takes at the start of `words` (0 if none): `A:`, `A.`, `A1:`, `A1.`,
    `Ans.`, `Answer 2:`, `Solution:`, `A)`."""
    if not words or not _ANSWER.fullmatch(words[0]):
        return 0
    at = 2 if kinds[1:2] == ["NUM"] else 1
    return at + 1 if words[at:at + 1] in ([":"], ["."], [")"]) else 0


def _aside(tokens: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """An answer's tokens and what the parentheses closing them hold (`760 (750 weights + 10 biases)`,
    `35K (34,944)`); no parentheses, or ones that are the answer itself (`(760)`): the tokens, nothing aside."""
    if len(tokens) < 3 or tokens[-1].text != ")":
        return tokens, []
    depth = 0
    for j in range(len(tokens) - 1, -1, -1):
        depth += (tokens[j].text == ")") - (tokens[j].text == "(")
        if depth == 0:
            return (tokens[:j], tokens[j + 1:-1]) if j else (tokens[1:-1], [])  # `(760)`: the answer itself
    return tokens, []


# what says a count is one filter's (a neuron's, for `fc`): `per filter`, `for each filter`, `per kernel`
_FILTER_WORDS = frozenset({"per", "each", "for", "in", "of", "a", "one", "single", "filter", "kernel", "neuron",
                           "unit"})
_FILTER_PHRASES = (("per", "filter"), ("per", "kernel"), ("per", "neuron"), ("per", "unit"), ("each", "filter"),
                   ("each", "kernel"), ("each", "neuron"), ("a", "filter"), ("one", "filter"),
                   ("a", "single", "filter"))  # not `each` alone: `two convs, 34,944 params each` is per layer
_CONNECTIVES = frozenset({"so", "thus", "hence", "i", "e", "ie", "that", "is", "which", "gives", ".", "and"})


def _misspelt_option(tokens: list[Tok], read_at: set[int]) -> tuple[Tok, str] | None:
    """A word before a number the sentence did not read that is an option's word misspelt (`a stirde of 2`,
    `paddding 1`), and the word it is close to; None when there is none (`in layer 1`, `a batch of 1`)."""
    for k, t in enumerate(tokens):
        if t.kind != "NUM" or t.start in read_at:
            continue
        j = k - 1
        while j >= 0 and tokens[j].lower in ("of", "=", ":", "is", "a", "an", "the"):
            j -= 1
        word = tokens[j].lower if j >= 0 and tokens[j].kind == "WORD" else ""
        if len(word) > 2 and word not in _OPTION_SPELLINGS:
            from difflib import get_close_matches  # (only for a sentence with a number it did not read)
            close = get_close_matches(word, _OPTION_SPELLINGS, n=1, cutoff=0.75)
            if close:
                return tokens[j], close[0]
    return None


_OPTION_SPELLINGS = ("stride", "strides", "padding", "pad", "dilation", "groups", "filters", "kernel", "kernels")


def _in_unit_said(tokens: list[Tok], named: list[str], marker: int) -> list[Tok]:
    """The tokens with the count after `marker` in the unit its name says in parentheses (`Params (K): 0.76` as
    `0.76K`; `(M)`, `(in thousands)`, `(millions)`, `(MB)`), as a table's header says it, or after `in` (`Memory in
    MB: 1.16`); as they are otherwise."""
    inside = named[1:-1] if named[:1] == ["("] and named[-1:] == [")"] else \
        named[1:] if named[:1] == ["in"] else []  # (`Memory in MB: 1.16`, without parentheses too)
    inside = inside[1:] if inside[:1] == ["in"] else inside
    unit = _COLUMN_UNITS.get(inside[0]) if len(inside) == 1 else None
    last = max((j for j in range(marker + 1, len(tokens)) if tokens[j].kind == "NUM"), default=None)
    if unit is None or last is None or not re.fullmatch(r"[0-9][0-9,_]*(?:\.[0-9]+)?", tokens[last].text):
        return tokens
    return [*tokens[:last], tokens[last]._replace(text=tokens[last].text + unit), *tokens[last + 1:]]


def _for_a_batch(words: list[str]) -> bool:
    """Whether a count's name says it is a batch's (`Memory for a batch of 2`, `MACs per batch`)."""
    return "batch" in words or "batches" in words


def _unshared(words: list[str]) -> bool:
    """Whether words qualify a count as without parameter sharing (`without sharing`, `no parameter sharing`, `if
    not shared`, `unshared`, `locally connected`): the CS231n notes' 105,705,600 for AlexNet's CONV1."""
    said = set(words)
    return "unshared" in said or {"locally", "connected"} <= said or \
        (bool(said & {"sharing", "shared"}) and bool(said & {"without", "no", "not", "non"}))


def _filter_has(words: list[str], at: int) -> bool:
    """Whether words say what one filter has from `at` (`Each filter has …`, `A neuron has …`)."""
    return words[at:at + 1] in (["each"], ["every"], ["one"], ["a"]) and words[at + 2:at + 3] == ["has"] and \
        words[at + 1] in ("filter", "kernel", "neuron")


def _filters_having(tokens: list[Tok]) -> list[Tok]:
    """`10 filters have 760` (`all 10 filters: 760`, `for 10 filters: 760`, `the 10 kernels give 760 params`) after
    one filter's count: the count after the filters, the layer's (it was prose, a wrong one passing); nothing for
    other words."""
    words = [t.lower for t in tokens]
    at = _skip(words, 0, ("for", "all", "the", "with", "over"))
    if words[at + 1:at + 2] not in (["filters"], ["kernels"], ["neurons"]) or tokens[at].kind != "NUM":
        return []
    end = _skip(words, at + 2, ("have", "has", "give", "gives", "total", "in", "all", ":", "=", "→", "->", "=>"))
    return tokens[end:] if end > at + 2 and tokens[end:end + 1] and tokens[end].kind == "NUM" else []


def _whole_said(tokens: list[Tok]) -> bool:
    """Whether a count's words say it is the whole (`760 params in all`, `in total`, `overall`, `altogether`)."""
    words = [t.lower for t in tokens if t.text not in (".", "!")]
    return bool({"all", "overall", "altogether"} & set(words)) or words[-2:] == ["in", "total"]


def _last_operation(tokens: list[Tok]) -> str | None:
    """How a count's working ends: `*` in a product (`total = 148*10 = 1480`, `(75 + 1) x 10 = 760`), `+` in a sum
    (`total = 75 + 1 = 76`), None without a working. After one filter's weights and bias, a product is the layer's
    whole count, the filter's times the filters, and a sum the filter's own (`total = 148*10` was judged as one
    filter's, a right count marked wrong)."""
    equals = [j for j, t in enumerate(tokens) if t.text == "="]
    if not equals:
        return None
    start = equals[-2] + 1 if len(equals) > 1 else next((j + 1 for j, t in enumerate(tokens) if t.text == ":"), 0)
    depth, product = 0, False
    for t in tokens[start:equals[-1]]:
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and t.text in ("+", "-"):
            return "+"
        product = product or (depth == 0 and (t.lower in (*_TIMES_SIGNS, "*", "·") or t.kind == "DIMS"))
    return "*" if product else None


def _one_filter(words: list[str]) -> int | None:
    """Where words say one filter's (`per filter`, `in each filter`, `of a filter`, `each of the 96 filters`), else
    None."""
    for j in range(len(words)):
        if any(tuple(words[j:j + len(p)]) == p for p in _FILTER_PHRASES):
            return j
        if words[j:j + 2] == ["each", "of"] and words[j + 2:j + 3] in (["the"], ["its"], ["these"], ["their"]):
            k = j + 3 + (words[j + 3:j + 4] != [] and _ungrouped(words[j + 3]).isdigit())  # `each of the 96 …`
            if words[k:k + 1] in (["filters"], ["kernels"], ["neurons"], ["units"]):
                return j
    return None


def _per_filter_shared(tokens: list[Tok]) -> list[Tok]:
    """`25 weights and 1 bias per filter` as `25 weights per filter and 1 bias per filter`: a filter's phrase ending
    two counts joined by `and` is said of both (the first was judged as the layer's weights, a right answer marked
    wrong); so is one after the first, before a count of weights or biases, `25 weights per filter and 1 bias` (the
    bias was judged as the layer's). Other tokens as they are."""
    words = [t.lower for t in tokens]
    for j, word in enumerate(words):
        if word != "and":
            continue
        end = next((k for k in range(j + 1, len(words)) if words[k] in (",", ";", "|")), len(words))
        start = max((k + 1 for k in range(j) if words[k] in (",", ";", "|", ":", "=")), default=0)
        before, after = _one_filter(words[start:j]), _one_filter(words[j + 1:end])
        # (the phrase after the count it is said of: `Each filter has 25 weights and 1 bias` is one filter's whole)
        closing = tokens[start + before:j] if before is not None else []
        opening = tokens[j + 1 + after:end] if after is not None else []
        if opening and before is None and any(t.kind == "NUM" for t in tokens[start:j]) and \
                any(t.kind == "NUM" for t in tokens[j + 1:j + 1 + len(words[j + 1:end]) - len(opening)]):
            return [*tokens[:j], *opening, *tokens[j:]]
        if closing and after is None and any(t.kind == "NUM" for t in tokens[start:j - len(closing)]) and \
                {"bias", "biases", "weight", "weights"} & set(words[j + 1:end]):
            return [*tokens[:end], *closing, *tokens[end:]]
    return tokens


def _filter_part(tokens: list[Tok]) -> tuple[list[Tok], list[Tok]] | None:
    """An answer's tokens split into the layer's count and one filter's (`76 per filter, 760 total`, `760, i.e. 76
    per filter`, `76 params per filter, so 760`, `760 (76 per filter)`); None when no part is one filter's: a
    number and those words only (`76 per filter x 10 = 760` is the working, after its last `=`)."""
    tokens = _unwhole(tokens)  # `760 (76 per filter) in total`
    if tokens and tokens[-1].text == ")":
        rest, aside = _aside(tokens)
        if aside and _filter_words(aside):
            return rest, aside
    cuts = [j for j, t in enumerate(tokens) if t.text in (",", ";")]
    parts = [_unled(tokens[a + 1:b]) for a, b in pairwise([-1, *cuts, len(tokens)])]
    for j, part in enumerate(parts):
        if _filter_words(part):
            return [t for other in parts[:j] + parts[j + 1:] for t in other], part
    return None


def _filter_words(part: list[Tok]) -> bool:
    """Whether tokens are one number and words saying it is one filter's (`76 params per filter`)."""
    words = [t.lower for t in part]
    return _one_filter(words) is not None and sum(t.kind == "NUM" for t in part) == 1 and \
        all(t.kind == "NUM" or w in _FILTER_WORDS or w in ir.ANSWER_WORDS for t, w in zip(part, words))


def _unled(tokens: list[Tok]) -> list[Tok]:
    """A part of an answer without the words leading it (`so 760`, `i.e. 76 per filter`)."""
    start = 0
    while start < len(tokens) and tokens[start].lower in _CONNECTIVES:
        start += 1
    return tokens[start:]


def _count_alone(tokens: list[Tok]) -> bool:
    """Whether `tokens` are a count with nothing after it but what `_last_count` reads past: a quantity word,
    `!` or `.`, that it is the whole, a parenthesis (`760`, `760 in total.`, `760 (with biases)`)."""
    if not tokens or tokens[0].kind != "NUM":
        return False
    said, _ = _aside(_unwhole(_unended(tokens)))
    return len(_untrailed(said)) == 1


def _unended(tokens: list[Tok]) -> list[Tok]:
    """Tokens without the `.` or `!` that end a sentence (`760 (with biases).`); one token is left."""
    end = len(tokens)
    while end > 1 and tokens[end - 1].text in ("!", "."):
        end -= 1
    return tokens[:end]


def _unwhole(tokens: list[Tok]) -> list[Tok]:
    """A count's tokens without the words saying it is the whole (`760 total`, `760 in all`, `760 overall`):
    the line's count, as without them; a count is left."""
    end = len(tokens)
    if end > 2 and tokens[end - 1].lower in ("total", "all") and tokens[end - 2].lower == "in":
        end -= 2
    elif end > 1 and tokens[end - 1].lower in ("total", "overall", "altogether"):
        end -= 1
    return tokens[:end]


_APPROXIMATELY = ("~", "≈", "about", "approx", "approximately", "roughly", "around", "circa", "ca", "ca.", "appr")


def _says_approximate(tokens: list[Tok]) -> bool:
    """Whether a parenthesis after a count says only that it is rounded (`(approx.)`, `(about)`)."""
    return bool(tokens) and all(t.lower in _APPROXIMATELY or t.text == "." for t in tokens)


def _approximate(tokens: list[Tok]) -> tuple[list[Tok], bool]:
    """A count's tokens without the words that say it is rounded (`~35000`, `about 35K`, `35,000 approx.`),
    and whether they did."""
    start, end = 0, len(tokens)
    while start < end and (tokens[start].lower in _APPROXIMATELY or
                           (tokens[start].text == "." and start and tokens[start - 1].lower in _APPROXIMATELY)):
        start += 1  # (`approx. 35,000`)
    while end > start + 1 and (tokens[end - 1].lower in _APPROXIMATELY or
                               (tokens[end - 1].text == "." and tokens[end - 2].lower in _APPROXIMATELY)):
        end -= 1
    return tokens[start:end], (start, end) != (0, len(tokens))


def _activation_dropped(tokens: list[Tok]) -> list[Tok]:
    """A layer's arguments without Keras' `activation='relu'` (a quoted word, or a bare one): it changes no count."""
    kept: list[Tok] = []
    j = 0
    while j < len(tokens):
        words = [t.text for t in tokens[j:j + 5]]
        if tokens[j].lower == "activation" and words[1:2] == ["="]:
            quoted = int(words[2:3] != [] and words[2] in _QUOTES)
            word = tokens[j + 2 + quoted] if j + 2 + quoted < len(tokens) else None
            if word is not None and word.kind == "WORD" and (not quoted or words[4:5] == [words[2]]):
                j += 3 + 2 * quoted
                if kept and kept[-1].text == ",":
                    kept.pop()
                continue
        kept.append(tokens[j])
        j += 1
    return kept


def _looks_channels_first(dims: tuple[int, ...]) -> bool:
    """An input written bare whose last two sizes are equal, 8 or more, and its first is not (`3x32x32`, `1x28x28`,
    `64x56x56`), or whose first is larger than its two equal sides of 4 or more (`512x7x7`, a feature map): channels
    first, as PyTorch writes sizes, rather than 3 rows of 32 pixels with 32 channels. Smaller sides stay height first
    (`27x3x3`: an exercise's narrow input of 3 channels as often as 27 maps of 3x3). (The spec language reads every
    input height first and warns, W023, on a narrower rule: its text says what it says.)"""
    return len(dims) == 3 and dims[1] == dims[2] != dims[0] and (dims[1] >= 8 or dims[0] > dims[1] >= 4)


def _channels_first_answers(line: ir.Line) -> ir.Line:
    """A line of a network whose input is written channels first, its volumes answered bare read so too."""
    answers = line.expectation
    if answers is None or (answers.shape is None and answers.received is None):
        return line
    return line._replace(expectation=answers._replace(shape=_sheet_order(answers.shape),
                                                      received=_sheet_order(answers.received)))


def _sheet_order(volume: ir.ShapeAnswer | None) -> ir.ShapeAnswer | None:
    """A volume on a network whose input is written channels first: channels first if written bare."""
    return _channels_first(volume) if volume is not None and volume.order is None and len(volume.dims) == 3 \
        else volume


def _channels_first(volume: ir.ShapeAnswer) -> ir.ShapeAnswer:
    """A volume written channels first (`96x55x55` under `(CxHxW)`) as cnncalc reads volumes, saying so."""
    depth, height, width = volume.dims
    return volume._replace(dims=(height, width, depth), text=f"{volume.text} channels first, {height}x{width}x{depth}",
                           order=ir.CHW)


def _remark_dropped(tokens: list[Tok]) -> list[Tok]:
    """An answer's tokens without a remark of words after it: a parenthesis of words only (`28 (no padding)`,
    `8 (one per filter)`) or the rounding it says (`14, rounded down`, `14 (floor)`). A parenthesis with a number
    in it is kept (working, or another answer), as is one that says a volume's order (`(CxHxW)`) or that it does
    not fit; the rounding is read from the whole line (`_rounded_as_said`)."""
    end = len(tokens)
    while end and tokens[end - 1].text in ("!", "."):
        end -= 1
    if end and tokens[end - 1].text == ")":
        opening = next((j for j in range(end - 2, -1, -1) if tokens[j].text in ("(", ")")), None)
        if opening is not None and tokens[opening].text == "(" and opening > 0 and \
                all((t.kind == "WORD" and not any(c.isdigit() for c in t.text)) or t.text in (",", "-")
                    for t in tokens[opening + 1:end - 1]) and \
                not {t.lower for t in tokens[opening + 1:end - 1]} & _KEPT_REMARK_WORDS:
            return tokens[:opening]
    cut = end
    while cut and tokens[cut - 1].lower in _ROUNDING_WORDS:
        cut -= 1
    if 1 < cut < end and tokens[cut - 1].text in (",", ";") and any(t.lower in _ROUNDING_SAID for t in tokens[cut:end]):
        return tokens[:cut - 1]
    return tokens


_KEPT_REMARK_WORDS = {"fit", "fits", "cxhxw", "hxwxc", "chw", "hwc", "channels", "first", "last", "nchw", "nhwc",
                      "or", "doesn't", "not", "invalid"}  # remarks the readers read (`_in_order`, `_no_fit`)


def _rounded_to(tokens: list[Tok]) -> list[Tok]:
    """`14.5, rounded down to 14`, `14.5 rounded up to 15`: the whole number it was rounded to; other tokens as
    they are."""
    words = [t.lower for t in tokens]
    for j in range(len(words) - 3):
        if words[j] in ("rounded", "rounding", "rounds", "round") and words[j + 1] in ("down", "up") and \
                words[j + 2] == "to" and tokens[j + 3].kind == "NUM" and \
                all(t.text in ("!", ".") for t in tokens[j + 4:]):
            return tokens[j + 3:j + 4]
    return tokens


def _untrailed(tokens: list[Tok]) -> list[Tok]:
    """A count's tokens without what may follow it: its quantity word and `!`, `.` or `,` (`760 params!`),
    and without markdown's marks around it (`**760** params`)."""
    tokens = _unmarked(tokens)
    end = len(_unwhole(tokens))  # `760 in total`
    while end and (tokens[end - 1].lower in ir.ANSWER_WORDS or tokens[end - 1].text in ("!", ".", ",", *_MARKS) or
                   (end < len(tokens) and tokens[end - 1].lower in ("learnable", "trainable"))):
        end -= 1  # `760 params!`, `760 learnable parameters`
        end = len(_unwhole(tokens[:end]))  # `760 params in total`
    if end == 2 and tokens[0].kind == "NUM" and tokens[1].text in _UNIT_WORDS and tokens[0].text[-1].isdigit():
        unit = _UNIT_WORDS[tokens[1].text]  # `1.16 MB`, `35 K`: the unit a space away
        return [Tok("NUM", tokens[0].text + unit, tokens[0].start, tokens[1].end)]
    merged = _merged(tokens[:end]) if end > 1 else None
    return [merged] if merged is not None else tokens[:end]


def _between_commas(tokens: list[Tok]) -> list[list[Tok]]:
    """The parts of a list of answers, between `,`, `;`, `and` and `plus` (empty parts kept: a stray comma is no
    answer; `, and` is one separator, the LeNet paper's `156 trainable parameters, and 122,304 connections`)."""
    groups: list[list[Tok]] = [[]]
    for j, t in enumerate(tokens):
        if t.lower == "and" and j and tokens[j - 1].text == "," and not groups[-1]:
            continue
        if t.text in (",", ";") or t.lower in ("and", "plus"):
            groups.append([])
        else:
            groups[-1].append(t)
    return groups


def _labelled(tokens: list[Tok]) -> list[list[Tok]] | None:
    """Counts each said with its word, between commas (`weights: 34,848, biases: 96`, `34,848 weights, 96 biases`,
    `weights 34,848, biases 96`), each as an answer's tokens (`weights : 34,848`); None for anything else (`750
    weights + 10 biases` is a sum, `_in_parts`)."""
    answers: list[list[Tok]] = []
    for group in _between_commas(tokens):
        if len(group) == 3 and group[1].lower in ("learnable", "trainable"):
            group = [group[0], group[2]]  # `608 learnable parameters`
        said = {a[0].lower for a in answers}
        if {"weights", "biases"} <= said and len(group) == 3 and group[0].kind == "NUM" and \
                [t.lower for t in group[1:]] == ["in", "total"]:
            group = [Tok("WORD", "params", group[1].start, group[2].end), group[0]]  # `…, 456 in total`
        if len(group) == 4 and group[0].kind == "NUM" and [t.lower for t in group[2:]] in (["in", "total"],
                                                                                        ["in", "all"]):
            group = group[:2]  # `…, 1216 parameters in total`
        words = [t.lower for t in group]
        head = _count_head(words, 0)
        after = _count_head(words, 1) if len(group) > 2 and group[0].kind == "NUM" else None
        if len(group) == 2 and (group[0].kind == "NUM" or words[0] in ("no", "zero")) and words[1] in ir.ANSWER_WORDS:
            # `96 biases`; `no parameters` (`zero parameters`), read as `parameters: none`
            count = group[0] if group[0].kind == "NUM" else Tok("WORD", "none", group[0].start, group[0].end)
            group = [group[1], Tok("P", ":", group[1].start, group[1].start), count]
        elif after is not None and len(after) == len(group) - 1:  # `442,368 multiply-adds`, `448 weights and biases`
            group = [*group[1:], Tok("P", ":", group[1].start, group[1].start), group[0]]
        elif head is not None and len(head) == len(group) - 1 and group[-1].kind == "NUM":
            group = [*group[:-1], Tok("P", ":", group[-1].start, group[-1].start), group[-1]]  # `weights 34,848`
        elif head is None or len(head) != len(group) - 2 or group[-1].kind != "NUM" or words[-2] not in (":", "="):
            return None  # not `weights: 34,848`
        answers.append(group)
    return answers


_PART_WORDS = {"weight": "weights", "weights": "weights", "bias": "biases", "biases": "biases"}


def _in_parts(part: list[Tok]) -> list[list[Tok]] | None:
    """A parameter count answered as its weights and biases, summed (`Params: 614,400 weights + 256 biases`, after
    the working's last `=` too: `Params: 5*5*96*256 = 614,400 weights + 256 biases`), as two answers, `weights:
    614,400` and `biases: 256`, each judged; their sum said after them (`Params: 34,848 weights + 96 biases = 34,944`)
    a third answer, `params: 34,944`; None for any other part."""
    words = [t.lower for t in part]
    marker = max((j for j, w in enumerate(words) if w == "="), default=None)
    if marker is None:
        marker = words.index(":") if ":" in words else None
    if marker is None or _COUNT_WORDS.get(_count_head(words, _skip(words, 0, ("the", "number", "of"))) or ()) != \
            "params":
        return None
    rest = part[marker + 1:]
    said: dict[str, Tok] = {}
    if rest[:1] and rest[0].kind == "NUM" and words[marker + 2:] in ([], ["parameters"], ["params"]) and \
            words[marker] == "=":  # `… = 34,848 weights + 96 biases = 34,944`
        summed = max((j for j, w in enumerate(words[:marker]) if w in ("=", ":")), default=None)
        if summed is None:
            return None
        said["params"], rest = rest[0], part[summed + 1:marker]
    if len(rest) != 5 or rest[2].text != "+" or rest[0].kind != "NUM" or rest[3].kind != "NUM":
        return None
    first, second = _PART_WORDS.get(rest[1].lower), _PART_WORDS.get(rest[4].lower)
    if first is None or second is None or first == second:
        return None
    said = {first: rest[0], second: rest[3], **said}
    return [[Tok("WORD", quantity, count.start, count.start), Tok("P", ":", count.start, count.start), count]
            for quantity, count in said.items()]


def _blank_cell(tokens: list[Tok]) -> bool:
    """A table's cell that answers nothing: empty, `?`, `-`, `—` or `N/A`."""
    return "".join(t.text for t in tokens).lower() in ("", "?", "-", "—", "–", "n/a")


def _answer_once(counts: dict[str, ir.Count], quantity: str, count: ir.Count, word: Tok) -> None:
    """A count answered on a line, once: a second (`, 34,945 params, 34,944 params`) is E060 (`_Unreadable`), or
    the last would be judged and the first passed over."""
    if quantity in counts:
        raise _Unreadable(f"the {ir.NOUNS[quantity]} count is given twice", word.span)
    counts[quantity] = count


def _merged(tokens: list[Tok]) -> Tok | None:
    """One count written over several tokens, `34 944` or `3.5 x 10^4`, as one (read by `_count_token`)."""
    written = tokens[0].text + "".join(" " * (b.start > a.end) + b.text for a, b in pairwise(tokens))
    if _SPACE_GROUPED.fullmatch(written) or _SCIENTIFIC.fullmatch(written):
        return Tok("NUM", written, tokens[0].start, tokens[-1].end)
    return None


def _counts_merged(tokens: list[Tok]) -> list[Tok]:
    """The tokens with each count written over several (`_merged`) as one: `(34 944 params)`."""
    out: list[Tok] = []
    i = 0
    while i < len(tokens):
        run = next(((n, merged) for n in range(min(_MOST_COUNT_TOKENS, len(tokens) - i), 1, -1)
                    if tokens[i].kind in ("NUM", "DIMS") and (merged := _merged(tokens[i:i + n])) is not None),
                   (1, tokens[i]))
        out.append(run[1])
        i += run[0]
    return out


_MOST_COUNT_TOKENS = 6  # `3.5 * 10 ** 4`


_SPACE_GROUPED = re.compile(r"[0-9]{1,3}(?: [0-9]{3})+")  # `34 944`: thousands grouped by spaces (SI style)
_SCIENTIFIC = re.compile(r"([0-9]+(?:\.[0-9]+)?) ?[xX×*·] ?10 ?(?:\^|\*\*) ?([-+]?[0-9]+)")  # `3.5 x 10^4`


_ORDERS = {**dict.fromkeys(("cxhxw", "c,h,w", "chw", "nchw", "n,c,h,w", "nxcxhxw", "channels first",
                            "channels-first", "channels_first", "pytorch", "pytorch order", "in pytorch order",
                            "pytorch's order", "pytorch format"), True),  # the remark's words joined, or spaced
           **dict.fromkeys(("hxwxc", "h,w,c", "hwc", "nhwc", "n,h,w,c", "nxhxwxc", "channels last", "channels-last",
                            "channels_last", "tensorflow", "tensorflow order", "keras", "keras order", "tf order"),
                           False)}  # a remark naming a volume's order -> channels first?


def _in_order(tokens: list[Tok]) -> tuple[list[Tok], str | None]:
    """A volume's tokens without what says their order, and the order said (ir.CHW, ir.HWC; None when nothing
    says it): a closing remark (`(CxHxW)`, `(C, H, W)`, `(channels first)`; `(HxWxC)`, the order cnncalc reads
    volumes in), or PyTorch's printed size (`torch.Size([1, 10, 32, 32])`, batch and channels first)."""
    body, aside = _aside(tokens)
    first = _ORDERS.get("".join(t.lower for t in aside), _ORDERS.get(" ".join(t.lower for t in aside)))
    if first is not None:
        tokens = body
    words = [t.lower for t in tokens]
    start = next((j for j in range(len(words) - 3) if words[j:j + 4] == ["torch", ".", "size", "("]), None)
    if start is not None and tokens[-1].text == ")":
        return tokens[:start] + tokens[start + 4:-1], ir.CHW
    return tokens, None if first is None else ir.CHW if first else ir.HWC


# what a volume's batch is written as before its sizes: one image, Keras' `None`, or a letter for any batch
_BATCH_SAID = ("1", "none", "n", "b", "batch", "bs", "batch_size")
_CLOSING = {"(": ")", "[": "]"}


def _batch_order(tokens: list[Tok]) -> str | None:
    """The order of a volume written with its batch first (`_BATCH_SAID`), `[1, 6, 28, 28]` (PyTorch's), `[N, 6, 28,
    28]` or `(1, 28, 28, 6)` (TensorFlow's), ending the tokens: the two equal sizes are the height and width
    (`[1, 6, 28, 28]` was read as 6x28x28, a right answer marked wrong); None when no two say so, or for anything
    else."""
    while tokens and tokens[-1].text in (".", "!"):  # (`Output shape: [1, 6, 28, 28].`)
        tokens = tokens[:-1]
    words = [t.lower for t in tokens[-9:]]
    if len(words) < 9 or words[0] not in ("[", "(") or words[1] not in _BATCH_SAID or \
            words[2:8:2] != [",", ",", ","] or words[8] not in ("]", ")") or \
            not all(t.kind == "NUM" for t in tokens[-6::2]):
        return None
    a, b, c = words[3:9:2]
    return ir.CHW if b == c != a else ir.HWC if a == b != c else None


def _tuple_vector(tokens: list[Tok]) -> Tok | None:
    """A vector written as Python and Keras print one: `(10,)`, `(None, 10)`; None for anything else."""
    texts = [t.lower for t in tokens]
    if len(tokens) == 4 and texts[0] == "(" and texts[2:] == [",", ")"]:
        size = tokens[1]
    elif len(tokens) == 5 and texts[:3] == ["(", "none", ","] and texts[4] == ")":
        size = tokens[3]
    else:
        return None
    return Tok("DIMS", size.text, tokens[0].start, tokens[-1].end) if size.kind == "NUM" and size.text.isdigit() \
        else None


def _spelled(tokens: list[Tok]) -> Tok | None:
    """An output volume written without `x`: `32*32*10` (`32 * 32 * 10 = 10240`), `32 by 32 by 10`,
    `[32, 32, 10]`, `(32, 32, 10)`, or the height and width alone (`32*32`): two or three whole numbers,
    height first, then nothing (or `=` after a product)."""
    opening = tokens[0].text if tokens and tokens[0].text in ("[", "(") else None
    body = tokens[1:] if opening else tokens
    if opening and len(body) >= 8 and body[0].lower in _BATCH_SAID and body[1].text == ",":
        body = body[2:]  # a batch before the sizes: `(1, 32, 32, 10)`, Keras' `(None, 32, 32, 10)`, `[N, 10, 32, 32]`
    joint = "," if opening else body[1].lower if len(body) > 1 and body[1].lower in ("*", "by") else None
    count = 1
    while count < 3 and len(body) > 2 * count and body[2 * count - 1].lower == joint:
        count += 1
    sizes, rest = body[0:2 * count - 1:2], [t.text for t in body[2 * count - 1:]]
    ending = ([], ["="]) if not opening else ([{"[": "]", "(": ")"}[opening]],)
    if joint is None or count < 2 or rest[:1] not in ending or (opening and len(rest) > 1) or \
            not all(t.kind == "NUM" and t.text.isdigit() for t in sizes):
        return None
    last = body[2 * count - 1] if opening else sizes[-1]  # the closing bracket, or the last size
    return Tok("DIMS", "x".join(t.text for t in sizes), tokens[0].start, last.end)


def _bracketed_first(tokens: list[Tok]) -> Tok | None:
    """A volume in brackets before the line's other answers (`(24, 24, 6), params: 156`, `[24, 24, 6] | MACs: …`):
    the volume, the answers after it read as after any volume; None for anything else (the line was prose, its
    answers unread)."""
    if not tokens or tokens[0].text not in ("(", "["):
        return None
    close = next((k for k, t in enumerate(tokens) if t.text in (")", "]")), None)
    if close is None or close + 1 >= len(tokens) or tokens[close + 1].text not in (",", ";", "|"):
        return None
    return _spelled(tokens[:close + 1])


def _written_volume(tokens: list[Tok]) -> Tok | None:
    """An output volume written without `x`: `32*32*10`, `[32, 32, 10]` (`_spelled`), its sizes between commas
    (`32, 32, 10`) or by its sides' letters (`H=32, W=32, D=10`); None for anything else."""
    unmarked = [t for t in tokens if t.text not in ("!", ".")]  # (`The output is (3, 3, 16).`)
    return _spelled(unmarked) or _tuple_vector(unmarked) or _listed(unmarked) or _lettered(unmarked)


def _listed(tokens: list[Tok]) -> Tok | None:
    """An output volume as its sizes between commas, without brackets: `55, 55, 96` (height first)."""
    sizes = tokens[::2]
    if not 2 <= len(sizes) <= 3 or any(t.text != "," for t in tokens[1::2]) or len(tokens) % 2 == 0 or \
            not all(t.kind == "NUM" and t.text.isdigit() for t in sizes):
        return None
    return Tok("DIMS", "x".join(t.text for t in sizes), tokens[0].start, tokens[-1].end)


# one side of the output by its letter alone on its line (`W2 = 32`, `H_out = 32`, `n_C = 10`): its axis
_ALONE_SIDES = {"h2": 0, "w2": 1, "d2": 2, "h_2": 0, "w_2": 1, "d_2": 2, "h_out": 0, "w_out": 1, "c_out": 2, "d_out": 2,
                "hout": 0, "wout": 1, "dout": 2, "out_h": 0, "out_w": 1, "out_c": 2, "n_h": 0, "n_w": 1, "n_c": 2}
_LETTERS_OF_SIDES = {"h": 0, "height": 0, "w": 1, "width": 1, "d": 2, "depth": 2, "c": 2, "channels": 2,
                     **_ALONE_SIDES}  # the CS231n notes' W2 x H2 x D2, PyTorch's docs' H_out, W_out, C_out, Ng's n_H


def _lettered(tokens: list[Tok]) -> Tok | None:
    """An output volume by its sides' letters: `H=55, W=55, D=96` (`H: 55`, `C = 96`, `height 55`; `H = W = 55`,
    two letters of one number), the height and width each once, the depth at most once; None for anything else."""
    sides: dict[int, str] = {}
    groups: list[list[Tok]] = [[]]
    for t in tokens:
        if t.text == "," or t.lower == "and":
            groups.append([])
        else:
            groups[-1].append(t)
    for group in groups:
        letters = group[:1] if len(group) == 2 else group[:-1:2]  # `H 55`; `H = 55`, `H = W = 55`
        number = group[-1] if group else None
        if number is None or len(group) < 2 or number.kind != "NUM" or not number.text.isdigit() or \
                (len(group) > 2 and (len(group) % 2 == 0 or any(t.text not in ("=", ":") for t in group[1::2]))) or \
                any(t.lower not in _LETTERS_OF_SIDES or _LETTERS_OF_SIDES[t.lower] in sides for t in letters) or \
                len({_LETTERS_OF_SIDES[t.lower] for t in letters}) != len(letters):
            return None
        for letter in letters:
            sides[_LETTERS_OF_SIDES[letter.lower]] = number.text
    if 0 not in sides or 1 not in sides:
        return None
    # (a kind of its own: its sides' names say their order, which a bare volume's sizes do not, `_shape`)
    return Tok("SIDES", "x".join(sides[axis] for axis in sorted(sides)), tokens[0].start, tokens[-1].end)


def _sides(tokens: list[Tok]) -> dict[int, Tok] | None:
    """An output's sizes by their letters, each with the whole number after its last `=` (its working before it):
    `W2 = (32 - 5 + 4)/1 + 1 = 32, H2 = 32, D2 = 10`, `W2 = H2 = 32` (two letters, one number); None unless every
    part between commas (`;`, `and`) is one."""
    sides: dict[int, Tok] = {}
    for group in _between_commas(tokens):
        letters, i = [], 0
        while i + 1 < len(group) and group[i].lower in _LETTERS_OF_SIDES and group[i + 1].text in ("=", ":"):
            letters.append(group[i])
            i += 2
        number = group[-1] if group else None
        if not letters or number is None or number.kind != "NUM" or not number.text.isdigit() or \
                (i < len(group) - 1 and group[-2].text != "="):
            return None
        for letter in letters:
            if _LETTERS_OF_SIDES[letter.lower] in sides:
                return None
            sides[_LETTERS_OF_SIDES[letter.lower]] = number
    return sides


# (`filter`, `kernels`, `size`: `Filter size: 5x5x3, 10 filters`, `Kernels: 10 5x5`)
_FILTERS_LEAD = {"we", "apply", "applying", "use", "using", "conv", "convolution", "convolutional", "pointwise", "pw",
                 "conv2d", "layer", ":", "hyperparameters", "filter", "filters", "kernel", "kernels", "size",
                 "a", "with", "there", "are", "then", "and", "next", ",", "finally", "another", "add", "now", "the",
                 *_ORDINALS, "followed", "by"}  # `Next, a conv layer with 50 5x5 filters`, `First conv layer: …`


def _single_filter(tokens: list[Tok]) -> list[Tok]:
    """A line that states one filter without a count, as the lecture's exercises do on a line of their own (`a 3x3
    filter with stride 2`, `one 3x3 filter, stride 2`, `filter 3x3, stride 2`, `filter of size 3x3, stride 2`), as
    `1 3x3 filter …` (it was prose, and the answers under it E060). Other tokens as they are: a count said (`10
    filters`), or a label's colon (`Filter size: 11x11` describes the layer named above)."""
    at = _lead(tokens)
    words = [t.lower for t in tokens]
    if ":" in words or any(t.kind == "NUM" and words[j + 1:j + 2] in (["filters"], ["kernels"])
                           for j, t in enumerate(tokens)):
        return tokens
    article = 2 if words[at:at + 2] == ["a", "single"] else 1 if words[at:at + 1] in (["a"], ["one"], ["single"]) \
        else 0
    size = at + article
    if article and tokens[size:size + 1] and tokens[size].kind == "DIMS" and \
            words[size + 1:size + 2] in (["filter"], ["kernel"]):
        said, end = tokens[size], size + 2  # `a 3x3 filter`
    elif not article and words[at:at + 1] in (["filter"], ["kernel"]):
        size = _skip(words, at + 1, ("of", "size"))
        if not tokens[size:size + 1] or tokens[size].kind != "DIMS":
            return tokens
        said, end = tokens[size], size + 1  # `filter 3x3`, `filter of size 3x3`
    else:
        return tokens
    first = tokens[at]
    return [*tokens[:at], Tok("NUM", "1", first.start, first.start), said,
            Tok("WORD", "filter", said.end, tokens[end - 1].end), *tokens[end:]]


def _filters_brought(tokens: list[Tok]) -> list[Tok]:
    """`Conv 3x3, stride 1, 128 filters, pad 1` (a convolution's size, then options before its count of filters) as
    `Conv 3x3, 128 filters, stride 1, pad 1`, the order a description with its size first reads (it was E060); other
    tokens as they are (the count right after the size, or not among the options before the answers)."""
    size = next((j for j, t in enumerate(tokens[:12]) if t.kind == "DIMS"), None)
    if size is None or not any(t.lower in _CONV_WORDS or t.lower in _TRANSPOSED_WORDS or
                               (t.kind == "WORD" and _family(t.lower) == "conv") for t in tokens[:size]) or \
            tokens[size + 1:size + 2] == [] or tokens[size + 1].text != "," or \
            tokens[size + 2:size + 3] == [] or tokens[size + 2].lower not in _OPTION_WORDS:
        return tokens
    at, depth = size + 2, 0
    for j in range(at, len(tokens) - 1):
        t = tokens[j]
        depth += (t.text == "(") - (t.text == ")")
        if t.kind == "ARROW" or t.text in (":", "=", ";") or depth < 0:
            return tokens
        if depth == 0 and t.kind == "NUM" and tokens[j - 1].text == "," and \
                tokens[j + 1].lower in ("filters", "kernels", "channels"):
            return [*tokens[:at], t, tokens[j + 1], tokens[j - 1], *tokens[at:j - 1], *tokens[j + 2:]]
    return tokens


_OPTION_WORDS = ("stride", "strides", "pad", "padding", "s", "p", "no", "same", "valid", "zero")  # before a count


# what may stand between a convolution's size, written first, and its filters (`5x5 conv, 10 filters`, `3x3 conv
# layer with 10 filters`)
_SIZE_FIRST_JOINS = (",", "conv", "convolution", "convolutional", "pointwise", "pw", "layer", "with", "using", "kernel",
                     "kernels", "filter", "transposed", "deconv", "deconvolution", "upconv", "up-conv",
                     "up-convolution")  # (`5x5 kernel, 6 filters`: it was E060; `2x2 up-conv, 512 filters`)
# the words that say a transposed convolution in a statement without a name (`transposed conv 2x2, 512 filters, stride
# 2`, U-Net's `up-conv 2x2`, `deconv 4x4, 64 filters`, `ConvTranspose 2x2, …`)
_TRANSPOSED_WORDS = frozenset({"transposed", "transpose", "deconv", "deconvolution", "deconvolutional", "upconv",
                               "upconvolution", "up-conv", "up-convolution", "convtranspose", "convtranspose2d",
                               "conv2dtranspose"})
_CONV_WORDS = {"conv", "convolution", "convolutional", "conv2d", "pointwise", "pw"}  # (`pointwise conv 1x1, 64
# filters`, `PW conv 1x1`)
_DEPTHWISE_WORDS = ("depthwise", "dw", "dwconv")  # a depthwise convolution's description (`depthwise conv 3x3`, `Conv
# dw 3x3`, `DWConv 3x3`)
# a framework's call (its name lower-cased) -> the kind of layer and the arguments it takes in order (PyTorch's)
_CALLS = {"conv2d": ("conv", ("inputs", "out_channels", "kernel", "stride", "pad")),
          "convtranspose2d": ("deconv", ("inputs", "out_channels", "kernel", "stride", "pad")),
          "conv2dtranspose": ("deconv", ("out_channels", "kernel", "stride")),
          **dict.fromkeys(("maxpool2d", "maxpooling2d"), ("maxpool", ("kernel", "stride", "pad"))),
          **dict.fromkeys(("avgpool2d", "averagepooling2d"), ("avgpool", ("kernel", "stride", "pad"))),
          "linear": ("fc", ("inputs", "units")), "dense": ("fc", ("units",)),
          "batchnorm2d": ("batchnorm", ("inputs",)), "batchnormalization": ("batchnorm", ())}
_KIND_CELLS = {"conv": "Conv", "deconv": "Deconv", "maxpool": "MaxPool", "avgpool": "AvgPool", "fc": "FC",
               "batchnorm": "BatchNorm"}  # a table's cell naming a framework's class, by the kind it makes (`_CALLS`)
_MOST_FACTORS = 4  # in a product that is a call's argument (`256 * 6 * 6`)
_INERT_KEYWORDS = ("eps", "epsilon", "momentum")  # a framework's arguments that change no size or count
_MODULES = ("torch", "nn", "tf", "keras", "layers")  # the modules before a call's name: `nn.`, `tf.keras.layers.`
# Keras' spelling of a call whose arguments come in another order than PyTorch's of the same name: filters first
_KERAS_ORDERS = dict.fromkeys(("Conv2D", "Convolution2D"), ("out_channels", "kernel", "stride"))
_KERAS_POOLS = ("MaxPooling2D", "AveragePooling2D", "MaxPool2D", "AvgPool2D")  # (a 2x2 window unless said)
_CALL_KEYWORDS = {"in_channels": "inputs", "out_channels": "out_channels", "filters": "out_channels",
                  "kernel_size": "kernel", "pool_size": "kernel", "in_features": "inputs", "out_features": "units",
                  "units": "units", "in": "inputs", "out": "units"}  # a framework's keyword arguments that say a
# layer's counts and size (`Linear(in=5120, out=10)`, the short forms, `out` a convolution's filters there)
# what a convolution's count of filters is said in: `96 filters`, PyTorch's `10 output channels`, `8 feature maps`
_FILTERS_COUNTED = (("filters",), ("filter",), ("kernels",), ("output", "channels"), ("out", "channels"),
                    ("output", "feature", "maps"), ("feature", "maps"), ("channels",), ("maps",))
_INPUT_CHANNELS = (("input", "channels"), ("in", "channels"))  # `3 input channels`: the depth the layer expects


def _fenced(text: str) -> set[int]:
    """The numbers of the lines inside markdown code fences (``` or ~~~ opening and closing a block)."""
    inside, numbers = False, set()
    for number, line in enumerate(text.split("\n"), 1):
        if line.lstrip().startswith(("```", "~~~")):
            inside = not inside
        elif inside:
            numbers.add(number)
    return numbers


def _code_commented(tokens: list[Tok]) -> list[Tok]:
    """A framework's layer as code with its answers in a comment (`model.add(Conv2D(32, (3, 3)))  # output (None, 30,
    30, 32), params 896`, `x = layers.Conv2D(32, 3)(x)  # (None, 30, 30, 32)`, `nn.Conv2d(3, 16, 3),  # -> 30x30x16`)
    as the call, an arrow and the answers (`Conv2D(32, (3, 3)) -> …`), which the listing reads (the line was prose, its
    answers unjudged). Other tokens as they are."""
    mark = next((j for j, t in enumerate(tokens) if t.text == "#"), None)
    if mark is None or mark == 0 or not any(t.kind in ("NUM", "DIMS") for t in tokens[mark + 1:]):
        return tokens
    code, comment = tokens[:mark], tokens[mark + 1:]
    words = [t.lower for t in code]
    while words[-1:] in ([","], [";"]):  # (an entry of `nn.Sequential(…)`)
        code, words = code[:-1], words[:-1]
    # (a module's `self.conv1 = nn.Conv2d(3, 6, 5)` is not: its order is not the order its forward uses them in)
    if words[:4] == ["model", ".", "add", "("] and words[-1:] == [")"]:
        code, words = code[4:-1], words[4:-1]  # `model.add(…)`
    elif words[1:2] == ["="] and words[-3:] == ["(", words[0], ")"]:
        code, words = code[2:-3], words[2:-3]  # `x = layers.Conv2D(32, 3)(x)`
    named = 0
    while words[named + 1:named + 2] == ["."] and words[named] in _MODULES:  # `nn.Flatten()`, `layers.Dropout(0.5)`
        named += 2
    if not code or (_call_at(words, 0) is None and words[named:named + 2] not in (["flatten", "("], ["dropout", "("])) \
            or words[-1] != ")":
        return tokens
    if _call_at(words, 0) is None:
        code = code[named:]  # (`Flatten() -> …`, as the listing reads it)
    said = comment[1:] if comment[0].kind == "ARROW" else comment  # `# -> 30x30x16`
    if not said or not (said[0].kind in ("DIMS", "NUM") or said[0].text in ("(", "[") or
                        said[0].lower in _ARROW_ANSWER_WORDS or said[0].lower in ("shape", "torch")):
        return tokens
    return [*code, Tok("ARROW", "->", tokens[mark].start, tokens[mark].end), *said]


# a module's layer defined with answers in a comment: `self.conv1 = nn.Conv2d(3, 6, 5)  # output 28x28x6, params 456`
_MODULE_ANSWERED = re.compile(r"self\.\w+\s*=\s*(?:\w+\.)*\w+\([^#\n]*\)\s*#[^\n]*[0-9]")


def _code_line(stripped: str) -> bool:
    """A line of a code block that calls a framework's layer (`self.conv1 = nn.Conv2d(3, 6, 5)`, `nn.ReLU()`,
    `x = F.relu(self.conv1(x))`): Python, whose layers the PyTorch reader reads from a `.py` file, not a sheet's."""
    return bool(_CODE.search(stripped))


_CODE = re.compile(r"\b(?:nn|F|torch|tf|keras|layers|self)\.[A-Za-z_]|^\s*(?:def|class|import|from|return)\b")


def _call_at(words: list[str], at: int) -> int | None:
    """Where the name of a framework's call starting at `at` is (`nn.Conv2d(`, `tf.keras.layers.MaxPooling2D(`,
    after its module's name); None when there is no such call."""
    j = at
    while words[j:j + 1] and words[j] in _MODULES and words[j + 1:j + 2] == ["."]:
        j += 2
    return j if words[j:j + 1] and words[j] in _CALLS and words[j + 1:j + 2] == ["("] else None


def _flattened_said(tokens: list[Tok], start: int, end: int) -> tuple[int, Tok] | None:
    """An input line's closing remark that gives its values as one vector (`…, flattened to 784`, `flattened = 784`,
    `(flattened: 784 values)`) or counts them (`-> 3072 values`, `(3,072 numbers)`, `= 3072 values`, `-> memory
    3072`): where the remark starts and its number; None for any other line."""
    words = [t.lower for t in tokens[:end]]
    at = next((j for j in range(start, end) if words[j] in ("flattened", "flatten")), None)
    if at is None:
        return _values_counted(tokens, start, end)
    begin = at - (words[at - 1] in (",", "(", ";"))
    j = _skip(words, at + 1, ("to", "into", "=", ":", "a", "an", "it", "is"))
    if j >= end or tokens[j].kind != "NUM" or not tokens[j].text.replace(",", "").isdigit():
        return None
    rest = words[j + 1:end]
    if not set(rest) <= {"values", "vector", "numbers", "features", "inputs", "elements", "-", "dim", "d", ")"} or \
            (")" in rest) != (words[begin] == "("):
        return None
    return begin, tokens[j]


# what an answer under the input may call its values (`Input values: 3072`, `Activations: 3072`)
_INPUT_VALUE_NOUNS = {"values", "neurons", "activations", "numbers", "elements", "memory"}
# what may come between an input's volume and the count of its values (`, i.e. 3072 values`: `i`, `.`, `e`, `.`)
_COUNT_OF_VALUES_LEADS = {"(", ",", "=", "->", ":", "i", "e", ".", "ie", "so", "that", "is", "which", "gives", "or",
                          "memory", "values"}


def _values_counted(tokens: list[Tok], start: int, end: int) -> tuple[int, Tok] | None:
    """`Input: 32x32x3 -> 3072 values` (`(3,072 numbers)`, `= 3072 values`, `-> memory 3072`, `, i.e. 3072 values`):
    where the remark counting the input's values starts, and its number; None for any other line (a remark in words,
    `(MNIST)`, or a number that counts nothing said: `(1998)`)."""
    words = [t.lower if t.kind != "ARROW" else "->" for t in tokens[:end]]
    if tokens[start:start + 1] == [] or tokens[start].kind != "DIMS":
        return None
    j = next((j for j in range(start + 1, end) if tokens[j].kind == "NUM"), None)
    if j is None or j == start + 1 or not set(words[start + 1:j]) <= _COUNT_OF_VALUES_LEADS or \
            not tokens[j].text.replace(",", "").isdigit():
        return None
    rest = words[j + 1:end]
    named = bool({"memory", "values"} & set(words[start + 1:j])) or rest[:1] in (["values"], ["numbers"],
                                                                                  ["elements"], ["activations"])
    if not named or not set(rest) <= {"values", "numbers", "elements", "activations", "in", "total", ")", "."} or \
            (")" in rest) != ("(" in words[start + 1:j]):
        return None
    return start + 1, tokens[j]


def _pool_letters(words: list[str]) -> bool:
    """`Hyperparameters: F = 2, S = 2`: the CS231n notes' pooling layer, told by its two letters (a convolution needs
    its K, the number of filters, too); a max pool, the notes' most common form (an average pool has the same output
    and no parameters either)."""
    if words[:2] != ["hyperparameters", ":"]:
        return False
    letters = [w for w, after in pairwise(words) if after == "="]
    return "f" in letters and set(letters) <= {"f", "s"} and len(set(letters)) == len(letters)


def _filters_at(words: list[str], kinds: list[str]) -> int | None:
    """Where an unnamed convolution's statement starts (`10 5x5 filters`, `10 different 5x5 filters`, `10
    filters of size 5x5`, the size first: `5x5, 10 filters`), after words that only introduce it (`Conv layer:`,
    `We apply`); None if the line is not one."""
    for i, (word, kind) in enumerate(zip(words, kinds)):
        if word in ("k", "f") and words[i + 1:i + 2] in (["="], [":"]):  # `CONV: K=10, F=5, S=1, P=2`
            return i
        if word in ("in_channels", "out_channels", "filters") and words[i + 1:i + 2] in (["="], [":"]) and \
                kinds[i + 2:i + 4] != ["NUM", "DIMS"]:  # (`Filters: 10 5x5x3 filters`: a lead, the count after it)
            return i  # `Conv layer: in_channels=3, out_channels=16, …`: a framework's arguments
        call = _call_at(words, i)
        if call is not None:  # `nn.Conv2d(3, 16, 3)` on a line of its own
            return i if _CALLS[words[call]][0] in ("conv", "deconv") else None
        if word in _DEPTHWISE_WORDS or (kind == "DIMS" and words[i + 1:i + 2] in (["depthwise"], ["dw"])):
            return i  # `Depthwise conv 3x3, stride 2`, `Conv dw 3x3`, `3x3 depthwise conv`: one filter per channel
        if word in _TRANSPOSED_WORDS:
            continue  # `transposed conv 2x2, 512 filters`, `up-conv 2x2, …` (`_transposed_said`)
        if kind == "DIMS" and "@" in word and not _CONV_WORDS.isdisjoint(words[:i]):
            return i  # `Conv (6 @ 5x5, stride 1)`: LeNet's count @ size, after a word that says a convolution
        if kind == "DIMS":  # the size first: `Conv: 5x5, 10 filters`, `5x5 conv, 10 filters`
            at = i + 1 + 2 * _slashed(words, kinds, i + 1)  # (`conv 7x7/2, 64 filters`)
            while words[at:at + 1] and words[at] in _SIZE_FIRST_JOINS:
                at += 1
            if kinds[at:at + 1] != ["NUM"]:
                return None
            if any(tuple(words[at + 1:at + 1 + len(noun)]) == noun for noun in _FILTERS_COUNTED):
                return i  # (`Conv: 5x5, 10 filters`, `…, 10 output channels`, `…, 10 feature maps`)
            # `conv 3x3, 64, pad 1` (the ResNet paper's `3x3 conv, 64`): the count bare after the size, when the
            # words around the size say a convolution
            bare = words[at + 1:at + 2] in ([], [","], [";"]) or kinds[at + 1:at + 2] == ["ARROW"]
            return i if bare and not (_CONV_WORDS.isdisjoint(words[:at]) and _TRANSPOSED_WORDS.isdisjoint(words[:at])) \
                else None
        # (`ten 5x5 filters`; not `One 5x5 filter has 76 parameters`, about a filter of a layer)
        if kind == "NUM" or (word in _NUMBER_WORDS and word != "one"):
            following = words[i + 1:i + 2]
            if kinds[i + 1:i + 2] == ["DIMS"] or (following == ["different"] and kinds[i + 2:i + 3] == ["DIMS"]) or \
                    following in (["filters"], ["filter"], ["kernels"]) or \
                    tuple(words[i + 1:i + 3]) in (("output", "channels"), ("out", "channels")):
                return i  # (`Conv layer: 8 output channels, 1x1`)
            said = i - (words[i - 1:i] == [":"])  # (`Conv: 32, 3x3`; `Conv(32, 3x3)` is read so)
            if following == [","] and kinds[i + 2:i + 3] == ["DIMS"] and said and words[said - 1] in _CONV_WORDS:
                return i  # `conv 32, 3x3, pad 1` (`Conv(32, 3x3, s=1, p=1)`): the count bare before the size, right
                # after the word that says a convolution (it was E060)
            return None
        if word not in _FILTERS_LEAD and not (word in ("has", "uses", "applies") and words[:1] in (["a"], ["an"])):
            return None  # (`A conv layer has 10 filters of size 3x3, …`: a new layer's; `The layer has …` is not)
    return None


# stated without a number (`FC: 10 …`, `Global average pooling`, `Adaptive average pooling 7x7`, `Sigmoid`)
_UNNAMED_KINDS = ("fc", "batchnorm", "lrn", "softmax", "dropout", "globalavgpool", "globalmaxpool", "adaptiveavgpool",
                  "adaptivemaxpool", *sorted(set(_ACTIVATIONS.values())))
_ADAPTIVE_WORDS = ("adaptive", "average", "avg", "mean", "max", "pool", "pooling", "to", "output", "size", "of", "a",
                   "an", "-", "layer")  # around an adaptive pool's size
_UNNAMED_WORDS = {"fc", "fully", "connected", "fully-connected", "dense", "linear", "affine", "layer", "bn", "batch",
                  "norm", "normalization", "normalisation", "batchnorm", "dropout", "relu", "softmax", "lrn", "local",
                  "response", "activation", "-", "global", "average", "avg", "max", "pool", "pooling", "gap",
                  "gmp", "hidden", "adaptive", *_ACTIVATIONS, *_GLUED_GAP, *_GLUED_GMP}  # the words that may name
# such a layer
_POOL_WORDS = {"pool", "pooling", "maxpool", "maxpooling", "avgpool", "subsampling"}
_POOL_KINDS = ("maxpool", "maxpooling", "avgpool", "avgpooling", "averagepooling")  # a pool's kind in one word
_POOL_LEAD = _FILTERS_LEAD | _POOL_WORDS | {"max", "average", "avg", "followed", "by", "next", "-", "window", "windows",
                                           "of"}  # `Max-pool 2x2`, `max-pooling with window 2x2`


def _transposed_said(words: list[str], count: int) -> bool:
    """Whether an unnamed convolution's statement, its count or size at `count` (`_filters_at`), says it is a
    transposed one: before it (`transposed conv 2x2, 512 filters`) or right after its size (`2x2 up-conv, 512
    filters`)."""
    said = words[:count]
    at = count + 1
    while words[at:at + 1] and words[at] in _SIZE_FIRST_JOINS:
        said.append(words[at])
        at += 1
    return not _TRANSPOSED_WORDS.isdisjoint(said)


def _slashed(words: list[str], kinds: list[str], at: int) -> bool:
    """Whether a stride after a slash, `/2`, is at `at` (after a size: the GoogLeNet paper's `3x3/2`)."""
    return words[at:at + 1] == ["/"] and kinds[at + 1:at + 2] == ["NUM"]


def _pool_at(words: list[str], kinds: list[str]) -> tuple[int, str] | None:
    """Where an unnamed pool's statement starts (its window: `Max pooling with 2x2 filters and stride 2`,
    `POOL layer: 2x2 filters at stride 2`, `2x2 max pool, stride 2`, `Pooling layer: F = 2, S = 2`) and
    its kind, from the words around the window; None if the line is not one."""
    for i, (word, kind) in enumerate(zip(words, kinds)):
        call = _call_at(words, i)
        if call is not None:  # `nn.MaxPool2d(2, 2)` on a line of its own
            called = _CALLS[words[call]][0]
            return (i, called) if called in ("maxpool", "avgpool") else None
        if word in ("kernel_size", "pool_size") and words[i + 1:i + 2] in (["="], [":"]) and \
                _POOL_WORDS.intersection(words[:i]):  # `Pool layer: kernel_size=2, stride=2`
            said = _layer_kind(" ".join(words[:i]))
            return (i, said) if said in ("maxpool", "avgpool") else None
        if word == "kernel" and words[i + 1:i + 2] == ["="] and kinds[i + 2:i + 3] == ["NUM"]:
            i += 2  # `MaxPool kernel=2 stride=2`: the window after its `=`, as `kernel 2` (below)
            word, kind = words[i], kinds[i]
        if kind == "DIMS" or (word == "f" and words[i + 1:i + 2] in ([":"], ["="])) or \
                (kind == "NUM" and (words[i - 1:i] in (["window"], ["size"], ["kernel"]) or
                                    words[i - 2:i] in (["kernel", "="], ["kernel", ":"]))):
            # (`with window size 2`, `Max pool, kernel 2, stride 2`, `kernel=2`)
            after = i + 1 + 2 * _slashed(words, kinds, i + 1)  # (`3x3/2 max pool`)
            named = words[:i] + words[after:after + 3]  # the words before the window, and those just after it
            pool = _layer_kind(" ".join(named)) if _POOL_WORDS.intersection(named) else None
            return (i, pool) if pool in ("maxpool", "avgpool") else None
        if word not in _POOL_LEAD:
            return None
    return None


def _rate(tok: Tok, following: Tok | None) -> bool:
    """A token of a dropout's rate: `p`, `rate`, `=`, a fraction (`0.5`), a percentage, its parentheses; not a
    count in parentheses (`(760 params)`)."""
    if tok.kind == "NUM":
        return "." in tok.text or (following is not None and following.text == "%")
    if tok.text == "=" and following is not None and following.text == ">" and following.start == tok.end:
        return False  # `Dropout 0.5 => 28x28x32`: the arrow of its answers
    return tok.lower in ("p", "rate", "probability", "of", "with", "=", "%") or \
        (tok.text in ("(", ")") and (following is None or following.kind != "NUM" or "." in following.text))


def _side(words: list[str], kinds: list[str], tokens: list[Tok], at: int) -> ir.ShapeAnswer | None:
    """`output is 3`, `output: 3`, `3 output!`, `so 3`: the side of an exercise's square output, as 3x3;
    `output is 2.33`, the value of its division (`ir.division_answer`)."""
    end = len(_remark_dropped(tokens))  # `output: 3 (no padding)`
    while end > at and words[end - 1] in ("!", "."):
        end -= 1
    found = None
    if words[at:at + 1] == ["output"]:
        after = _skip(words, at + 1, ("volume", "size", "is", ":", "=", "would", "be", "will", "?"))  # `output? 3`
        found = after if after == end - 1 or (after < end - 1 and words[after + 1] in (",", ";") and
                                              kinds[after] == "NUM") else None  # `output 3, 10 params`
    elif kinds[at:at + 1] == ["NUM"] and (words[at + 1:end] == ["output"] or (at and end == at + 1)):
        found = at
    if found is not None and kinds[found] == "NUM" and "." in tokens[found].text:
        return ir.division_answer(tokens[found].text, tokens[found].span)
    if found is None or kinds[found] != "NUM" or not tokens[found].text.isdigit() or \
            len(tokens[found].text) > limits.MAX_LITERAL_DIGITS or not int(tokens[found].text):
        return None
    n = int(tokens[found].text)
    return ir.ShapeAnswer((n, n), tokens[found].text, tokens[found].span)


def _ungrouped(text: str) -> str:
    """A number's digits without the commas or underscores that group its thousands (`34,944`, `34_944`)."""
    return text.replace(",", "").replace("_", "")


def _after_count_word(tokens: list[Tok], at: int, counted: bool = False) -> bool:
    """Whether tokens[at] follows a count's word, or a parenthesis after one (`76 params (+1 for bias) so …`);
    `counted`: the word after a number (`76 params`, not the line's head `Params`)."""
    k = at - 1
    if k >= 0 and tokens[k].text == ")":
        depth = 0
        while k >= 0:
            depth += (tokens[k].text == ")") - (tokens[k].text == "(")
            if depth == 0:
                break
            k -= 1
        k -= 1
    return k >= 0 and tokens[k].lower in ir.ANSWER_WORDS and (not counted or (k > 0 and tokens[k - 1].kind == "NUM"))


def _implied(tokens: list[Tok]) -> list[Tok]:
    """`76 params => 76*10 = 760`: `=>` (written `=` and `>`) after a count and its word (and an aside, `(+1 for
    bias)`) leads on to the next step of the working, as `so` does (`⇒` and `->` did; it was read as the word's
    `=`, a second answer: E060, the count given twice, on a right working)."""
    out: list[Tok] = []
    for j, t in enumerate(tokens):
        if t.text == ">" and j >= 3 and tokens[j - 1].text == "=" and tokens[j - 1].end == t.start and \
                _after_count_word(tokens, j - 1, counted=True):
            out[-1] = Tok("WORD", "so", tokens[j - 1].start, t.end)
            continue
        out.append(t)
    return out


def _separated(tokens: list[Tok]) -> list[Tok]:
    """A line's counts with a `,` between two written without one (`Params = 156 MACs = 86,400`: the MACs' head
    right after the parameters' count, its `=` after it), where `_count_answers` cuts; they were read as one answer,
    the last number the parameters' (a right count marked wrong)."""
    words = [t.lower for t in tokens]
    out: list[Tok] = []
    for j, t in enumerate(tokens):
        # (the count before it an answer's own, after its `:` or `=`: not `150 weights + 6 biases = 156`'s)
        head = _count_head(words, j) if j > 1 and tokens[j - 1].kind == "NUM" and words[j - 2] in (":", "=") else None
        if head is not None and words[j + len(head):j + len(head) + 1] in ([":"], ["="]):
            out.append(Tok("P", ",", t.start, t.start))
        out.append(t)
    return out


def _another_count(words: list[str], tokens: list[Tok], start: int, marker: int) -> int | None:
    """Where a second count's own head stands before the `=` an answer's count was read after (`Weights = 750 with
    biases = 10`, `Params = 760 where weights = 750`): a head with its `=` or `:` after a number said plainly (no
    operator between: not a working's `(75 + 1)*10 weights and biases = 760`); None when there is none."""
    said = next((j for j in range(start, marker) if words[j] in ("=", ":", "≈")), None)
    if said is None:
        return None
    for k in range(said + 1, marker):
        head = _count_head(words, k)
        if head is not None and words[k + len(head):k + len(head) + 1] in (["="], [":"]):
            between = tokens[said + 1:k]
            if any(t.kind == "NUM" for t in between) and not any(t.text in _OPERATORS for t in between):
                return k
    return None


# a count's parts, which a number said with its own word counts instead among a line's answers (`Params: 750
# weights, 10 biases`); a count said with a word of another count (`Params: 760 MACs`) is E060
_COUNT_PARTS = {"params": ("weights", "biases"), "weights": (), "biases": (), "macs": ()}
_TOTALLED = ("weights", "biases", "params", "filter_params", "filter_weights",
             "filter_biases")  # what a bare total after them sums
_RUNNING_WORDS = frozenset(("so", "far", "network", "model", "net", "cumulative", "running", "until", "through",
                            "up", "all", "layers", "whole"))  # a total of more than the layer: `… so far`, `… up to`


def _layer_total(tokens: list[Tok]) -> int | None:
    """Where the count's head starts in a total among a layer's answers (`total params: 156`, `overall number of
    weights = …`: after `total`), 0 for a bare total (`total: 156`, `total = 156`, `total 156`); None when the
    tokens are no total."""
    words = [t.lower for t in tokens[:8]]  # (a head is a few words: `weights and biases`)
    if words[:1] not in (["total"], ["overall"]):
        return None
    at = _skip(words, 1, ("number", "of"), most=2)
    if _count_head(words, at) is not None:
        return at
    return 0 if at == 1 and len(tokens) > 1 and (words[1] in (":", "=") or tokens[1].kind == "NUM") else None


def _count_said_first(part: list[Tok]) -> list[Tok]:
    """`175,616 MACs` among a line's answers (`2,752 params, 175,616 MACs`) as `MACs: 175,616`, the form
    `_count_answer` reads, with a filter's phrase after its word too (`1 bias per filter` as `bias per filter: 1`), or
    its words of the whole after the count (`156 params in total` as `params: 156 in total`); any other part as it
    is."""
    words = [t.lower for t in part if t.text not in ("!", ".")]
    head = _count_head(words, 1) if part[:1] and part[0].kind == "NUM" else None
    said = len(_unwhole(part[:len(words)]))  # (`156 params in total`: as `params: 156 in total`)
    if head is None or (said != 1 + len(head) and tuple(words[1 + len(head):]) not in _FILTER_PHRASES):
        return part
    count, colon = part[0], Tok("P", ":", part[0].start, part[0].start)
    if said == 1 + len(head):  # `156 params in total`: the words of the whole after the count
        return [*part[1:said], colon, count, *part[said:len(words)]]
    return [*part[1:len(words)], colon, count]  # `1 bias per filter`


# _COUNT_WORDS' keys by their first word, longest first (`_count_head` is tried at each word of a line)
_COUNT_HEADS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _head in sorted(_COUNT_WORDS, key=len, reverse=True):
    _COUNT_HEADS_BY_FIRST.setdefault(_head[0], []).append(_head)
del _head


def _count_head(words: list[str], at: int) -> tuple[str, ...] | None:
    """The longest words at `at` naming a counted quantity (`weights and biases` before `weights`)."""
    for head in _COUNT_HEADS_BY_FIRST.get(words[at], ()) if at < len(words) else ():
        if tuple(words[at:at + len(head)]) == head:
            return head
    return None


def _opened_before(tokens: list[Tok], j: int, most: int = 32) -> bool:
    """Whether a parenthesis opened in the `most` tokens before `j` is still open at `j` (a working's `(32 - 5 +
    2x2)/1 + 1`; not counted from the line's start, which a line of 2,500 volumes made quadratic)."""
    depth = 0
    for t in reversed(tokens[max(0, j - most):j]):
        depth += (t.text == "(") - (t.text == ")")
        if depth > 0:
            return True
    return False


def _skip(words: list[str], i: int, fillers: tuple[str, ...], most: int | None = None) -> int:
    """The first position from `i` whose word is not one of `fillers` (at most `most` of them skipped)."""
    end = len(words) if most is None else min(len(words), i + most)
    while i < end and words[i] in fillers:
        i += 1
    return i


def _lead(tokens: list[Tok]) -> int:
    """How many tokens of bullets, arrows and a question's number a line starts with (`- `, `=> `, `Q3:`,
    `Question 2.`, `2)`, `(b)`)."""
    i = 0
    while i < len(tokens):
        if tokens[i].text in _LEADS:
            i += 1
            continue
        numbered = _numbering([t.lower for t in tokens[i:i + 9]], [t.kind for t in tokens[i:i + 9]])
        if not numbered or (i + numbered == len(tokens) and tokens[i].kind == "NUM"):
            break  # (a number and its stop alone, `11.`, is the line's value: an answer under a question, not a list's
            # number before nothing; it was prose, a wrong answer unjudged)
        i += numbered
    return i


def _numbering(words: list[str], kinds: list[str]) -> int:
    """How many tokens a question's number takes at the start of `words` (0 if none): `Q:`, `Q3.`,
    `Question 2:`, `Exercise 1)`, `Problem 1.`, `Part b:`, `Part (a).`, `2.`, `2)`, `(b)`, `b)`, `(ii)`, `Problem 2 (10
    points).`; `Homework 3,` or `HW3` before another (`Homework 3, problem 2.`, `HW3 Problem 2.`)."""
    at = 0
    if words[:1] and _QUESTION.fullmatch(words[0]):
        lettered = kinds[1:2] == ["WORD"] and len(words[1]) == 1  # `Part b:`
        at = 2 if kinds[1:2] == ["NUM"] or lettered else 4 if words[1:2] == ["("] and words[3:4] == [")"] else 1
        if words[at:at + 1] == ["("] and kinds[at + 1:at + 2] == ["NUM"] and words[at + 2:at + 4] in (
                ["points", ")"], ["pts", ")"], ["marks", ")"], ["point", ")"], ["mark", ")"]):
            at += 4  # `Problem 2 (10 points).`
        if words[at:at + 1] and _QUESTION.fullmatch(words[at]):
            return at  # `HW3 Problem 2.`: the next number follows
        if words[at:at + 1] == [","] and words[at + 1:at + 2] and _QUESTION.fullmatch(words[at + 1]):
            return at + 1  # `Homework 3, problem 2.`
        return at + 1 if words[at:at + 1] in ([":"], ["."], [")"]) else 0
    if words[:1] == ["("] and words[2:3] == [")"] and (kinds[1] == "NUM" or _PART.fullmatch(words[1])):
        return 3  # `(2)`, `(b)`, `(ii)`
    if (kinds[:1] == ["NUM"] or (words[:1] and _PART.fullmatch(words[0]) and kinds[0] == "WORD")) and \
            words[1:2] in ([")"], ["."]) and not (kinds[0] == "WORD" and words[1] == "."):
        return 2
    return 0


# a volume's values (a vector's scores too)
_VALUE_WORDS = {"neurons", "values", "activations", "numbers", "units", "elements", "floats", "scores", "logits"}
# before a volume's values said after it: `= 290,400 neurons`, `which is 290,400 neurons`, `so 290,400 activations`,
# `=> 290,400 values`, `i.e. 290,400 values`
_VALUES_LEADS = {"=", ">", "which", "is", "are", "so", "i", "e", ".", "that", "gives", "giving", "total", "in", "all",
                 "or", ","}
_LAYER_SIZE_WORDS = {"neurons", "units"}  # `FC6: 4096 neurons` states a layer's size
_AREA_WORDS = {"positions", "pixels", "locations"}  # `32*32 = 1024 positions`: one map's, not the volume's values


def _cases_heading(tokens: list[Tok]) -> list[Tok] | None:
    """The letters of a heading whose cases follow it on lines of their own (the lecture's `Example N = 7, F = 3:`,
    then `stride 1 => (7 - 3)/1 + 1 = 5`, …), without its colon, or an exercise's input and filter said alone (`An
    input of size 7x7x1, filter 3x3.`, then `(i) stride 1, no padding: output 5x5`); None for any other line."""
    words = [t.lower for t in tokens]
    at = _skip(words, _lead(tokens), ("e", "g", "eg", "example", "for", ".", ",", ":"))
    if words[at:at + 1] not in _LETTERS_START or words[at + 1:at + 2] not in (["="], [":"]) or words[-1:] != [":"] or \
            not all(t.kind == "NUM" or words[j] in (*_EXERCISE_LETTERS, "=", ",")
                    for j, t in enumerate(tokens[at:-1], at)):
        return _told_cases_heading(tokens)
    return tokens[at:-1]


def _told_cases_heading(tokens: list[Tok]) -> list[Tok] | None:
    """`An input of size 7x7x1, filter 3x3.` (`7x7 input, 3x3 filter:`): an exercise's input and filter with no
    stride, padding or answer, the heading of its cases below (each was prose, a wrong output passing with exit 0);
    None for any other line."""
    lead = _lead(tokens)
    words = [t.lower for t in tokens[lead:]]
    said = set(words)
    if words[-1:] not in ([":"], ["."]) or "input" not in said or not said & {"filter", "kernel"} or \
            said & {"stride", "pad", "padding", "output", "?", "s", "p"} or \
            any(t.kind == "ARROW" for t in tokens) or sum(t.kind == "DIMS" for t in tokens) != 2 or \
            any(t.kind == "NUM" for t in tokens[lead:]):
        return None
    return tokens[lead:-1]


def _equals_as_colon(tokens: list[Tok]) -> list[Tok]:
    """`Shape after conv1 = 55x55x96`, `CONV1 output = 55x55x96` as with a colon: words naming an output, then `=`
    and a volume (they were prose, the answer dropped unjudged), or a vector's length after a layer (`Shape after FC1
    = 10`); other tokens as they are (`F = 5x5`)."""
    equals = next((j for j, t in enumerate(tokens) if t.text == "="), None)
    if equals is None or equals == 0 or tokens[equals + 1:equals + 2] == [] or \
            (tokens[equals + 1].kind != "DIMS" and not (  # `Shape after FC1 = 10`: a vector's length after a layer
                tokens[equals + 1].kind == "NUM" and "after" in [t.lower for t in tokens[:equals]])) or \
            any(t.text == ":" for t in tokens) or any(t.kind != "WORD" for t in tokens[:equals]) or \
            not _OUTPUT_NAMING & {t.lower for t in tokens[:equals]}:
        return tokens
    return [*tokens[:equals], tokens[equals]._replace(text=":"), *tokens[equals + 1:]]


_OUTPUT_NAMING = {"output", "out", "volume", "shape", "size", "dimensions", "dims", "after"}  # words naming an output


def _part_letter(tokens: list[Tok]) -> str | None:
    """The letter (or roman numeral) of the problem's part a line starts with (`(a)`, `b)`, `Part c:`, `(ii)`); None
    when it starts with none."""
    return next((t.lower for t in tokens[:_lead(tokens)] if t.kind == "WORD" and _PART.fullmatch(t.lower)), None)


def _parts_asked(tokens: list[Tok]) -> dict[str, list[Tok]] | None:
    """A line of a problem's parts each asked by its letter (`(a) What is the output volume? (b) How many
    parameters? (c) How many MACs?`): each letter's question, up to and with its `?`; None for any other line."""
    asked: dict[str, list[Tok]] = {}
    k = 0
    while k < len(tokens):
        marker = 3 if tokens[k].text == "(" and tokens[k + 2:k + 3] and tokens[k + 2].text == ")" else \
            2 if tokens[k + 1:k + 2] and tokens[k + 1].text == ")" else 0
        letter = tokens[k + (marker == 3)].lower if marker else ""
        if not marker or not _PART.fullmatch(letter) or letter in asked:
            return None
        end = next((j for j in range(k + marker, len(tokens)) if tokens[j].text == "?"), None)
        if end is None or end == k + marker:
            return None
        asked[letter] = tokens[k + marker:end + 1]
        k = end + 1
    return asked if len(asked) >= 2 else None


def _bare_values(tokens: list[Tok]) -> bool:
    """Whether an answer is values alone (`760`, `32x32x10`, `768,000 MACs`): no words of a question or a layer."""
    return bool(tokens) and tokens[0].kind in ("NUM", "DIMS") and \
        all(t.kind in ("NUM", "DIMS") or t.text in (",", ".") or t.lower in _UNIT_WORDS or t.lower in ir.ANSWER_WORDS
            for t in tokens)


def _part_referred(tokens: list[Tok]) -> tuple[str, Span, list[Tok]] | None:
    """The part of the problem an answer names before its numbers (`MACs of (a): …`, `Output for part (b) = …`,
    `Params in (ii): …`): its letter, where it is named, and the answer without it; None when it names none."""
    words = [t.lower for t in tokens]
    for j in range(1, len(tokens) - 2):
        if tokens[j].kind in ("NUM", "DIMS"):
            return None
        if words[j] not in ("of", "for", "in"):
            continue
        at = j + 1 + (words[j + 1] in ("part", "layer"))
        if words[at:at + 1] == ["("] and words[at + 2:at + 3] == [")"] and _PART.fullmatch(words[at + 1]):
            end, part = at + 3, words[at + 1]
        elif words[j + 1] == "part" and _PART.fullmatch(words[at]) and tokens[at].kind == "WORD":
            end, part = at + 1, words[at]  # `for part b`
        else:
            continue
        return part, Span(tokens[j].start, tokens[end - 1].end), tokens[:j] + tokens[end:]
    return None


_PART = re.compile(r"[a-z]|ii|iii|iv|vi|vii|viii|ix")  # a part's letter, or its roman numeral (`(ii)`)


def _beside_another(asking: list[Tok]) -> list[Tok] | None:
    """The words of an answer's heading that name its layers beside another or in the plural (`the layer before
    the pool`, `the previous layer`, `both conv layers`, `the two convs`), or a group of them (`block 1`): which one
    layer they mean is not said (each was judged as the last layer's, or its kind's, answer); None when they name
    none so."""
    words = [t.lower for t in asking]
    for j, word in enumerate(words):
        relative = word in ("previous", "preceding") or (word in ("before", "after") and j > 0 and (
            words[j - 1] in ("layer", "layers") or _family(words[j - 1]) is not None))
        plural = word in ("layers", "both", *_KIND_PLURALS) or (word in ("two", "three") and j + 1 < len(words))
        if relative or plural or word in _GROUP_WORDS:  # (`Parameters of block 1: …`: a block's layers, summed)
            return asking[max(0, j - 2):j + 3]
    return None


# the words that name a group of layers (`Parameters of block 1`, `the encoder's output`): an answer about one is no
# one layer's (judged as the last layer's, a block's right total was marked wrong)
_GROUP_WORDS = frozenset({"block", "blocks", "stage", "stages", "module", "modules", "encoder", "decoder", "stem",
                          "group", "groups", "tower", "branch", "branches"})


def _stage_placed(tokens: list[Tok]) -> tuple[Tok, Tok] | None:
    """An activation (or dropout) named by its place among its kind (`the first ReLU`, `the 2nd ReLU`): the ordinal
    and the stage's word; None when the words name none so."""
    return next(((tokens[j - 1], t) for j, t in enumerate(tokens[1:], 1) if t.lower in _STAGE_WORDS and
                 tokens[j - 1].lower in _ORDINALS), None)


def _layer_number(asking: list[Tok]) -> tuple[int, str | None] | None:
    """Where an answer's words name a layer by a number, and the kind they name with it: `layer 3` (None), `conv
    layer 2` and `Conv 1` (the kind); None when they name none so."""
    for j, t in enumerate(asking[:-1]):
        number = asking[j + 1]
        if number.kind != "NUM" or not number.text.isdigit():
            continue
        if t.lower == "layer":
            return j + 1, _family(asking[j - 1].lower) if j else None
        if t.kind == "WORD" and _family(t.lower) is not None and not (j and asking[j - 1].kind == "NUM"):
            return j + 1, _family(t.lower)  # `Conv 1`, `pool 2` (not `96 conv 11x11`)
    return None


def _glued_by_kind(name: Tok, rest: list[Tok], lines: list[ir.Line]) -> int | None:
    """The line a name such as `CONV2` answers (a kind and a number in one word, then its answers) when no layer
    above has a name: the second of that kind, as cnncalc names unnamed layers (`conv2`), as `Conv 2`
    says it. After a colon alone only a volume answers (`FC1: 100` may state another FC layer, as the lecture's
    `FC6: 4096` does; a working may count params or MACs). None for any other."""
    index = _unnamed_by_kind(name.lower, lines)
    if index is None:
        return None
    said = [t for t in rest[1:] if t.text not in (".", "!")]
    if rest[0].text in (":", "=") and not ([t.kind for t in said] == ["DIMS"] and said[0].text.count("x") == 2):
        return None
    return index


def _unnamed_by_kind(label: str, lines: list[ir.Line]) -> int | None:
    """The line `conv2` names on a sheet that names no layer: the second of that kind above, as cnncalc names unnamed
    layers; None for any other label, or when a layer above has a name (then a name it does not give is E060: `FC1`
    under `FC:`)."""
    glued = re.fullmatch(r"([a-z]+)([0-9]{1,3})", label)
    family = _family(glued[1]) if glued is not None else None
    if glued is None or family is None:
        return None
    of_kind = _kind_lines(lines, family)
    number = int(glued[2])
    if not 0 < number <= len(of_kind) or any(line.items and isinstance(call := line.items[0], ir.LayerCall) and
                                             call.label for line in lines):
        return None
    return of_kind[number - 1]


def _fc_units(line: ir.Line) -> int | None:
    """The width of a line's fully connected layer as written (`FC: 10 neurons`); None for any other line."""
    call = line.items[0] if line.items else None
    return next((arg.value.value for arg in call.args if arg.name == "units" and isinstance(arg.value, ir.Num)), None) \
        if isinstance(call, ir.LayerCall) else None


def _shown_layer(lines: list[ir.Line], at: int) -> str:
    """The layer of the line at `at` as a message names it: its label (`CONV2`), or its place among the layers
    above (`layer 4`, a conv)."""
    call = lines[at].items[0] if lines[at].items else None
    if isinstance(call, ir.LayerCall) and call.label:
        return call.label.upper()
    kind = f" (a {_family(call.keyword) or call.keyword})" if isinstance(call, ir.LayerCall) else ""
    return f"layer {at + 1}{kind}"


def _unknown_qualifier(asking: list[Tok]) -> list[Tok] | None:
    """`the downsampling layer`, `the hidden layer`: a layer named by a word that is no kind cnncalc reads nor a
    place (each was judged as the last layer's answer); None when every `layer` is named by a kind, a place, an
    activation, or as the layer above (`this layer`, `this hidden layer`, `the layer above`, `the output layer`)."""
    words = [t.lower for t in asking]
    for j, word in enumerate(words[1:], 1):
        before = words[j - 1]
        if word == "layer" and before.isalpha() and before not in _LAYER_QUALIFIERS and before not in _ORDINALS and \
                _family(before) is None and before not in _STAGE_WORDS and words[j - 2:j] != ["fully", "connected"] \
                and words[j - 2:j - 1] not in (["this"], ["that"], ["its"]):  # (`this hidden layer`: the one above)
            return asking[j - 1:j + 1]
    return None


_LAYER_QUALIFIERS = {"the", "this", "that", "same", "current", "output", "top", "its", "each", "a", "one", "said",
                     "given", "above", "following", "of", "in", "for", "does", "has"}  # before `layer`


def _sides_heading(tokens: list[Tok]) -> list[Tok]:
    """`H x W x D = 32x32x16`, `HxWxC: …`, `C x H x W = 16x32x32`: a heading of the sides' letters, as `Output: …`
    (channels first, `Output (CxHxW): …`); other tokens as they are (a heading in another order, `W x H x D`, is
    no output cnncalc reads)."""
    colon = next((j for j, t in enumerate(tokens) if t.text in (":", "=")), None)
    if colon is None or not 0 < colon <= 5:
        return tokens
    said = "".join(t.text for t in tokens[:colon]).lower().replace("×", "x")
    if said not in _SIDES_HEADINGS:
        return tokens
    heading = Tok("WORD", "Output", tokens[0].start, tokens[colon - 1].end)
    if not _SIDES_HEADINGS[said]:
        return [heading, *tokens[colon:]]
    volume = tokens[colon + 1:colon + 2]
    if not volume or volume[0].kind != "DIMS":
        return tokens
    order = [Tok("P", "(", volume[0].end, volume[0].end), Tok("WORD", "CxHxW", volume[0].end, volume[0].end),
             Tok("P", ")", volume[0].end, volume[0].end)]  # (as `Output: 16x32x32 (CxHxW)` says it)
    return [heading, tokens[colon], volume[0], *order, *tokens[colon + 2:]]


_SIDES_HEADINGS = {**dict.fromkeys(("hxwxd", "hxwxc", "hxwxk", "hxwxn"), False),
                   **dict.fromkeys(("cxhxw", "dxhxw", "kxhxw"), True)}  # a heading of letters -> channels first?


def _after_comma(tokens: list[Tok]) -> list[Tok]:
    """`After the pool the output is 16x16x10` (`After max pooling the size is …`, `After the first layer the volume
    is …`) as with its comma, `After the pool, the output is …` (it was E060, what the answer is about not told);
    other tokens as they are."""
    words = [t.lower for t in tokens[:8]]
    if words[:1] != ["after"] or "," in words:
        return tokens
    split = next((j for j in range(2, len(words)) if words[j] in ("the", "we", "it", "its", "this") and
                  _layer_reference(tokens[1:j]) is not None), None)
    if split is None:
        return tokens
    return [*tokens[:split], Tok("P", ",", tokens[split - 1].end, tokens[split - 1].end), *tokens[split:]]


def _side_owned(tokens: list[Tok]) -> list[Tok]:
    """A side of a layer's output, or the output, named after the layer as other headings do not: `Depth after
    CONV1: 16`, `Number of channels after CONV1: 16`, `Spatial size after POOL1: 16`, `Depth of CONV1's output: 16`,
    `Shape of CONV1's output: 32x32x16`, `Spatial size of the output of layer 2: 16` as `Output depth of CONV1: 16`,
    `Output spatial size of POOL1: …`, `Output of CONV1: …` (each was prose, a wrong answer passing unjudged); other
    tokens as they are."""
    if not any(t.text in (":", "=", "?") for t in tokens[:12]):
        return tokens
    words = [t.lower for t in tokens]
    if words[0] not in _OWNED_FIRST and words[0] not in ("what", "how"):
        return tokens
    opened = _opener(words)  # `What's the depth after POOL1? 16`
    marked = next((j for j, w in enumerate(words[:12]) if w in (":", "=", "?")), None)
    if opened and marked is not None and words[opened + 1:opened + 4] in (["'", "s", "output"], ["’", "s", "output"]) \
            and _layer_reference(tokens[opened:opened + 1]) == "name":
        # `How big is CONV1's output? …`, `What's CONV1's output shape? …` as `… the output (shape) of CONV1? …`
        return [*tokens[:opened], *tokens[opened + 3:marked], Tok("WORD", "of", tokens[marked].start,
                                                                   tokens[marked].start), tokens[opened],
                *tokens[marked:]]
    side = next((said for said in _OWNED_SIDES if words[opened:opened + len(said)] == list(said)), None)
    if marked is None or side is None:
        return tokens
    at = opened + len(side)
    if words[at:at + 1] == ["after"]:
        reference = tokens[at + 1:marked]
    elif words[at:at + 1] == ["of"] and words[marked - 3:marked] in (["'", "s", "output"], ["’", "s", "output"]):
        reference = tokens[at + 1:marked - 3]  # `Depth of CONV1's output`
    elif words[at:at + 1] == ["of"] and words[marked - 4:marked - 1] in (["'", "s", "output"], ["’", "s", "output"]) \
            and words[marked - 1] in ("volume", "tensor"):
        reference = tokens[at + 1:marked - 4]  # `Shape of CONV1's output volume`
    elif words[at:at + 4] in (["of", "the", "output", "of"], ["of", "the", "output", "after"]):
        reference = tokens[at + 4:marked]  # `Spatial size of the output of layer 2`
    else:
        return tokens
    if _layer_reference(reference) is None:
        return tokens  # (`Width after padding: 34` is no output)
    first = tokens[opened]
    said = [Tok("WORD", word, first.start, tokens[at - 1].end) for word in ("output", *_OWNED_SIDES[side].split())]
    return [*tokens[:opened], *said, Tok("WORD", "of", first.start, first.start), *reference, *tokens[marked:]]


_OWNED_SIDES: dict[tuple[str, ...], str] = {  # the words before the layer -> after `Output` (`` for the volume)
    ("depth",): "depth", ("channels",): "depth", ("number", "of", "channels"): "depth",
    ("number", "of", "output", "channels"): "depth", ("width",): "width", ("height",): "height",
    ("spatial", "size"): "spatial size", ("spatial", "dimensions"): "spatial size",
    ("spatial", "dimension"): "spatial size", ("shape",): "", ("size",): "",
    ("dimensions",): "", ("output", "shape"): "", ("output", "size"): "", ("output", "depth"): "depth",
    ("output", "spatial", "size"): "spatial size"}
_OWNED_FIRST = {said[0] for said in _OWNED_SIDES}


def _place_headed(tokens: list[Tok], layers: int) -> list[Tok]:
    """A layer named by its place, then a colon and its answer: `First layer: 32x32x16`, `The 2nd conv layer:
    16x16x32, 4,640 params`, `1st layer: 448 params` as `Output of the first layer: 32x32x16`, `Params of the 1st
    layer: 448` (each was prose, a wrong answer passing unjudged), and an answer's heading then a layer's number,
    `Output 1: 32x32x16`, `Params 2: 0`, as `Output of layer 1: …` (it was judged as the last layer's answer, a right
    one marked wrong). Only under `layers` lines, a place among them, and an answer alone after the colon (`First
    layer: 5x5 conv, 16 filters` states a layer); other tokens as they are."""
    colon = next((j for j, t in enumerate(tokens[:6]) if t.text == ":"), 0)
    if not colon or not layers or colon + 1 == len(tokens):
        return tokens
    words = [t.lower for t in tokens]
    name, answer = tokens[:colon], tokens[colon + 1:]
    head = ("output",) if words[:1] == ["output"] else _count_head(words, 0)
    if head is not None and colon == len(head) + 1 and tokens[colon - 1].kind == "NUM" and \
            tokens[colon - 1].text.isdigit() and answer[0].kind in ("NUM", "DIMS"):  # `Output 1: 32x32x16`
        at = tokens[colon - 1].start
        return [*tokens[:colon - 1], Tok("WORD", "of", at, at), Tok("WORD", "layer", at, at), *tokens[colon - 1:]]
    at = _skip(words, 0, ("the",))
    place = _ORDINALS.get(words[at]) if at < colon else None
    if words[at:colon] in (["hidden", "layer"], ["output", "layer"]):
        place = 0 if words[at] == "hidden" else -1  # `Hidden layer: …`, `Output layer: …` (an MLP's; the last)
    kind = _kind_named(words[:colon])
    if place is None or (words[at + 1:colon] != ["layer"] and (kind is None or kind[0] is None)) or \
            (kind is None and not -layers <= place < layers):
        return tokens
    said = [t for t in answer if t.text not in ("!", ".")]
    of = Tok("WORD", "of", tokens[colon].start, tokens[colon].start)
    if said[:1] and said[0].kind == "DIMS" and (len(said) == 1 or (said[1].text in (",", ";") and
                                                                   _counts_named(said[2:]))):
        return [Tok("WORD", "Output", name[0].start, name[0].start), of, *tokens]  # `Output of the first layer: …`
    counts = _stated_counts(answer)
    marks = [j for j, t in enumerate(counts or []) if t.text == ":"]
    if counts is None or len(marks) != 1:
        return tokens
    return [*counts[:marks[0]], of, *name, *counts[marks[0]:]]  # `Params of the first layer: 448`


def _named_heading(tokens: list[Tok]) -> list[Tok]:
    """A layer's name, then a heading others write in full: `CONV1 out: …` and `CONV1 shape: …` as `CONV1 output:
    …`, `CONV1 num params: …` and `CONV1 #params: …` as `CONV1 params: …`, `CONV1 has output 32x32x16` as `CONV1
    output: 32x32x16` (each was prose, a wrong answer passing unjudged); other tokens as they are."""
    words = [t.lower for t in tokens]
    if len(words) < 3 or _label(tokens[:1]) is None or _layer_kind(words[0]) is None:
        return tokens
    if words[1] in ("out", "shape") and words[2] in (":", "="):
        return [tokens[0], tokens[1]._replace(text="output"), *tokens[2:]]
    if words[1:3] in (["feature", "maps"], ["activation", "maps"]) and words[3:4] in ([":"], ["="]) and \
            tokens[4:5] and tokens[4].kind in ("NUM", "DIMS"):  # `CONV1 feature maps: 10`: its output's depth;
        # `… 32x32x10`: its output
        return [tokens[0], tokens[1]._replace(text="output"),
                *([tokens[2]._replace(text="depth")] if tokens[4].kind == "NUM" else []), *tokens[3:]]
    if words[1:3] in (["num", "params"], ["num", "parameters"], ["#", "params"], ["#", "parameters"]):
        return [tokens[0], *tokens[2:]]
    if words[1:3] == ["has", "output"] and len(words) > 3 and tokens[3].kind == "DIMS":
        return [tokens[0], tokens[2], Tok("P", ":", tokens[2].end, tokens[2].end), *tokens[3:]]
    costs = 1 if words[1] in ("cost", "compute", "computation", "operations", "ops") else \
        2 if words[1:3] in (["computational", "cost"], ["compute", "cost"]) else 0
    unit = _mac_unit_length(words) if costs and words[1 + costs:2 + costs] in ([":"], ["="]) else 0
    if unit:  # `CONV1 cost: 442,368 MACs`, `CONV1 computational cost: … multiply-adds`: its MACs
        return [tokens[0], Tok("WORD", "MACs", tokens[1].start, tokens[costs].end), *tokens[1 + costs:-unit]]
    return tokens


def _mac_unit_length(words: list[str]) -> int:
    """How many words at the end of a line say its count is of MACs (`MACs`, `multiply-adds`, `multiply-accumulate
    operations`); 0 when they do not."""
    return next((len(phrase) for phrase, word in _SENTENCE_NOUNS.items()
                 if word == "MACs" and tuple(words[-len(phrase):]) == phrase), int(words[-1:] != [] and
                                                                               words[-1] in _MAC_UNITS))


def _this_layer_dropped(tokens: list[Tok]) -> list[Tok]:
    """`Output of this layer: …`, `This layer's output: …`, `Its params: …`, `Output of the layer = …` as `Output:
    …`, `Params: …`: the layer above's answer, as without the words (each was prose, a wrong answer passing
    unjudged); other tokens as they are."""
    words = [t.lower for t in tokens]
    owner = 4 if words[:4] in (["this", "layer", "'", "s"], ["the", "layer", "'", "s"], ["this", "layer", "’", "s"],
                                ["the", "layer", "’", "s"]) else 1 if words[:1] == ["its"] else 0
    head = _count_head(words, owner)
    said = len(head) if head is not None else 1 if words[owner:owner + 1] == ["output"] else 0
    if not said:
        return tokens
    after = owner + said
    if owner and words[after:after + 1] in ([":"], ["="]):
        return tokens[owner:]
    if not owner and words[after:after + 2] in (["of", "this"], ["of", "the"], ["for", "this"], ["in", "this"]) and \
            words[after + 2:after + 4] in (["layer", ":"], ["layer", "="]):
        return [*tokens[:after], *tokens[after + 3:]]
    return tokens


def _biases_included(words: list[str]) -> bool:
    """Whether the words after a weights' heading say the biases are counted in (`(with bias)`, `incl. biases`, `+
    bias`, `(bias included)`; not `(no bias)`, `excluding biases`, `without bias`): its count is then every
    parameter (it was judged as the weights', a right answer marked wrong)."""
    said = set(words)
    return bool(said & {"bias", "biases"}) and not said & _BIAS_LEFT_OUT and bool(said & _BIAS_COUNTED_IN)


def _biases_added(words: list[str]) -> bool:
    """Whether a weights' working adds the layer's biases before the count it calls parameters (`= 1200, plus 16
    biases = 1216 parameters`): that count is every parameter. Not one filter's (`75 per filter, plus 1 bias = 76
    parameters`, or a single bias added): that stays a count said to be two things (E060)."""
    return _one_filter(words) is None and any(
        words[j] in ("plus", "+", "and", "with") and _ungrouped(words[j + 1]).isdigit() and
        int(_ungrouped(words[j + 1])) > 1 and words[j + 2] == "biases" for j in range(len(words) - 2))


_BIAS_COUNTED_IN = {"with", "incl", "including", "inc", "included", "+", "and", "&", "plus", "w"}  # (`w/ bias`)
_BIAS_LEFT_OUT = {"no", "not", "without", "excluding", "excl", "exclude", "excluded", "ignoring", "except", "o",
                  "minus", "only"}  # (`w/o bias`, `weights only, no bias`)


def _each_layers(tokens: list[Tok], numbered_below: bool) -> tuple[str, ...] | None:
    """The answer a heading asks of each layer in turn, its numbered lines below giving it (`Output size after each
    layer:`, `Output sizes:`, `Parameters of every layer:`, `Number of parameters per layer:`, or any heading of
    an answer alone with `1)` on the line below it, `numbered_below`): the words that name it (`output`,
    `params`); None for any other line."""
    words = [t.lower for t in tokens[_lead(tokens):]]
    if words[-1:] != [":"] or len(words) > 12:
        return None
    each = numbered_below or any(
        words[j:j + 2] in ([w, "layer"] for w in ("each", "every", "per")) or
        words[j:j + 3] in ([w, "the", "layers"] for w in ("of", "for", "after", "in")) or
        words[j:j + 3] in ([w, "all", "layers"] for w in ("of", "for", "after", "in")) for j in range(len(words)))
    at = _skip(words, 0, ("the", "number", "of", "#", "total"))
    head = _count_head(words, at)
    if head is not None:
        quantity = _COUNT_WORDS[head]
        return None if not each else ("MACs",) if quantity == "macs" else (quantity,) \
            if quantity in ir.ANSWER_WORDS else None
    plural = words[at:at + 1] == ["outputs"] or words[at:at + 2] in (
        ["output", noun] for noun in ("sizes", "shapes", "volumes", "dimensions"))  # `Output sizes:`: of the layers
    return ("output",) if (each or plural) and words[at:at + 1] in (["output"], ["outputs"], ["shape"], ["shapes"]) \
        else None


_ANSWERS_HEADINGS = ("answers", "answer", "ans", "solutions", "solution", "results")  # `Answers:` over a list
_FIRST_NUMBERED = re.compile(r"[ \t]*(?:[-*•][ \t]+)?1[.)][ \t]")  # a list's first line: `1) 64x64x32`
_LAYER_ONE_BELOW = re.compile(r"[ \t]*(?:[-*•][ \t]+)?layer[ \t]*1[ \t]*[:=][ \t]*[(\d]", re.IGNORECASE)  # `Layer 1:
# 5*5*3*16 + 16 = 1216` under `Number of parameters:`


def _numbered_in_order(text: str, lines: list[ir.Line]) -> bool:
    """Whether each layer line of a network starts with its own number in order (`1. CONV 5x5, 6 filters`, `2.
    MAXPOOL 2x2`, …): then a numbered answer under `Answers:` says its layer by its number."""
    for k, line in enumerate(lines, 1):
        start = text.rfind("\n", 0, line.span.start + line.shift) + 1
        if not re.match(rf"[ \t]*{k}[.)][ \t]", text[start:start + 16]):
            return False
    return True


def _layers_in_turn(lines: list[ir.Line], below: list[tuple[int, str, int, bool]]) -> list[str]:
    """Under a heading for each layer (`Output size after each layer:`), the names of the layers its lines below
    answer in turn, when each line is an answer alone (`64x64x32`), or each is numbered in turn from 1 (`1) 55x55x96`,
    `2) 27x27x96` under CONV1, POOL1, …: by place, where CONV1 and POOL1 both end in 1), and there is one for each
    layer stated, each with its name (`CONV1: …`); else none (a bare line is then E060: which layer it answers is not
    said)."""
    names = [line.items[0] for line in lines if line.items and isinstance(line.items[0], ir.LayerCall)]
    if len(names) != len(lines) or any(call.label is None for call in names):
        return []
    answers, numbered = 0, None
    for _, raw, _, step in below[:len(names) + 1]:
        tokens = _tokens(raw, 0)
        lead = _lead(tokens)
        listed = _listed_answer(tokens, ())
        if step or not tokens or (numbered if numbered is not None else listed is not None) != (listed is not None) \
                or _bare_answer(tokens[lead:] if listed is not None else tokens) != 0 or \
                (listed is not None and listed[1].text != str(answers + 1)):
            break
        numbered, answers = listed is not None, answers + 1
    return [call.label for call in names if call.label is not None] if answers == len(names) else []


def _listed_answer(tokens: list[Tok], head: tuple[str, ...]) -> list[Tok] | None:
    """`1) 64x64x32` under a heading asking each layer's output (`_each_layers`) as `Layer 1 output: 64x64x32` (under
    `Answers:` over layers numbered so, `head` empty: `2. 14x14x6, 0 params` as `Layer 2: 14x14x6, 0 params`); None
    when the line is no numbered answer alone (a layer, another question), which ends the list."""
    lead = _lead(tokens)
    if lead < 2 or tokens[lead - 2].kind != "NUM" or not tokens[lead - 2].text.isdigit() or \
            tokens[lead - 1].text not in (")", ".") or lead == len(tokens) or tokens[lead].kind == "WORD":
        return None
    number, at = tokens[lead - 2], tokens[lead].start
    return [Tok("WORD", "Layer", number.start, number.start), number,
            *(Tok("WORD", word, at, at) for word in head), Tok("P", ":", at, at), *tokens[lead:]]


def _named_listed(tokens: list[Tok], head: tuple[str, ...]) -> list[Tok] | None:
    """`- CONV1: 64x64x16` (`- FC1: 100`, `CONV2: 3*3*16*32 + 32 = 4640`) under a heading asking each layer's output
    or count (`_each_layers`) as `CONV1 output: 64x64x16`: a layer's name (`CONV1`, `Conv 1`), a colon or `=`, and a
    number or volume (they were read as layers stated again: E060, and every answer unchecked); `Total: 826166` under
    a count's heading as `Total params: 826166` (E060: a total that does not say what it counts). None for any other
    line (a layer stated with its description, `CONV1: 16 5x5 filters`, ends the list)."""
    lead = _lead(tokens)
    name_end = lead + 1 + (tokens[lead + 1:lead + 2] != [] and tokens[lead + 1].kind == "NUM")
    total = tokens[lead:lead + 1] != [] and tokens[lead].lower == "total" and head != ("output",)  # `Total: 826166`
    # under `Number of parameters per layer:`
    numbered = name_end == lead + 2 and tokens[lead].lower == "layer"  # `Layer 1: 5*5*3*16 + 16 = 1216`
    if len(tokens) < name_end + 2 or tokens[lead].kind != "WORD" or tokens[name_end].text not in (":", "=") or \
            (not total and not numbered and (_layer_kind(" ".join(t.lower for t in tokens[lead:name_end])) is None or
                                             _label(tokens[lead:name_end]) is None)) or \
            (tokens[name_end + 1].kind not in ("NUM", "DIMS") and tokens[name_end + 1].text != "(") or \
            any(t.lower in _DESCRIBING_WORDS for t in tokens[name_end + 1:]):
        return None  # (`(`: a working, `(64 - 5 + 2*2)/1 + 1 = 64, so 64x64x16`)
    at = tokens[name_end].start
    return [*tokens[lead:name_end], *(Tok("WORD", word, at, at) for word in head), *tokens[name_end:]]


def _kind_listed(tokens: list[Tok], head: tuple[str, ...], lines: list[ir.Line], at: int
                 ) -> tuple[list[Tok], int] | None:
    """`CONV: 64 x 64 x 8`, `POOL: 32 x 32 x 8`, `FC: 10` under a heading asking each layer's output or count
    (`_each_layers`), in the layers' order: the answer of the next layer from `at` (activations passed over) when it is
    of that kind, as `conv2 output: …` names it (cnncalc's name on a sheet that names none, else its own); and where
    the next such line starts. None for any other line (`FC: 10` stated another FC layer, and the answers after it
    were judged on it; `CONV: …` was E060, two layers of that kind)."""
    lead = _lead(tokens)
    if len(tokens) < lead + 3 or tokens[lead + 1].text not in (":", "=") or \
            tokens[lead + 2].kind not in ("NUM", "DIMS") or \
            any(t.lower in _DESCRIBING_WORDS for t in tokens[lead + 2:]):
        return None
    family = _family(tokens[lead].lower) if tokens[lead].kind == "WORD" else None
    calls = [(i, line.items[0]) for i, line in enumerate(lines)
             if line.items and isinstance(line.items[0], ir.LayerCall)]
    after = [(i, call) for i, call in calls if i >= at and _family(call.keyword) is not None]
    if family is None or not after or _family(after[0][1].keyword) != family:
        return None
    index, call = after[0]
    of_kind = [i for i, c in calls if _family(c.keyword) == family]
    name = call.label or f"{family}{of_kind.index(index) + 1}"
    said = tokens[lead + 1].start
    return [Tok("WORD", name, tokens[lead].start, tokens[lead].end), *(Tok("WORD", word, said, said) for word in head),
            *tokens[lead + 1:]], index + 1


def _placed_first(tokens: list[Tok]) -> list[Tok]:
    """`The first layer's parameters: 448`, `First layer params: 448`, `CONV layer 1 params: 448`, `2nd conv layer
    output: …`, `Max pool output: …`: a layer named by its place or its kind, then an answer's heading, as `Params of
    the first layer: 448` (each was prose, a wrong answer passing unjudged); a verb of producing before a volume as
    its output (`The first conv layer outputs 32x32x16`); other tokens as they are."""
    original, words = tokens, [t.lower for t in tokens]
    for head in range(2, min(len(words), 8)):
        count = _count_head(words, head)
        said = count if count is not None else ("output",) if words[head] == "output" else None
        resized = _resized_to(words[:head] + words[head:head + 6]) if words[head] in _RESIZES else None
        produced = _skip(words, head + 1, ("a", "an")) if words[head] in _PRODUCES else \
            resized[0] + resized[1] if resized is not None and resized[0] == head else len(words)
        # (`The pooling layer halves the size to 16x16x16`: as `… outputs 16x16x16`)
        if said is None and produced < len(words) and tokens[produced].kind == "DIMS" and \
                all(w in _VOLUME_NOUNS or w == "." for w in words[produced + 1:]):
            # `The first conv layer outputs 32x32x16`: as `The first conv layer output: 32x32x16`
            said = ("output",)
            tokens = [*tokens[:head], tokens[head]._replace(text="output"), Tok("P", ":", tokens[head].end,
                                                                                 tokens[head].end),
                      tokens[produced]]
            words = [t.lower for t in tokens]
        if said is None or words[head + len(said):head + len(said) + 1] not in ([":"], ["="]):
            continue
        end = head - 2 if words[head - 2:head] in (["'", "s"], ["’", "s"]) else head
        phrase = words[:end]
        placed = _placed(phrase)
        numbered = len(phrase) == 3 and _family(phrase[0]) is not None and phrase[1] == "layer" and \
            tokens[2].kind == "NUM"  # `CONV layer 1`: the first conv layer, as `Params of conv layer 1:` says
        kind = len(phrase) > 1 and _kind_named(phrase) is not None  # `Max pool output: …`, `The pool's output: …`
        last = phrase[phrase[:1] == ["the"]:] in (["output", "layer"], ["final", "layer"])  # `Output layer params: …`
        if (placed is None or placed[0] > 1 or (placed[0] == 1 and phrase[0] != "the")) and not numbered and \
                not kind and not last:
            return original
        of = Tok("WORD", "of", tokens[head].start, tokens[head].start)
        return [*tokens[head:head + len(said)], of, *tokens[:end], *tokens[head + len(said):]]
    return tokens


def _of_numbered_layer(tokens: list[Tok]) -> bool:
    """Whether an answer names its layer by its number, `params of layer 3: …` (`_listed_by_layer`'s form)."""
    return any(tokens[j].lower == "of" and tokens[j + 1].lower == "layer" and tokens[j + 2].kind == "NUM"
               for j in range(len(tokens) - 2))


def _name_answered(tokens: list[Tok]) -> list[Tok]:
    """A layer's name, then its answer in words other headings do not have: a dash (`CONV1 - output: …`, `CONV1 -
    params: 448`), `trainable`, `learnable` or `total` before a count (`CONV1 trainable params: 448`), the count's
    word in parentheses (`CONV1 (params): 448`), a volume in parentheses or brackets (`CONV1: (32x32x16)`, `CONV1
    [32x32x16] params: 448`), `FLOPs (MACs)`, a verb and `to` before a volume (`POOL1 reduces it to 16x16x16`), each
    map's size (`CONV1 feature map size: 32x32`), its activations as a volume, as `CONV1 output: …`, `CONV1 params:
    448`, `CONV1: 32x32x16`, `CONV1 MACs: …`; `CONV1 FLOPs: …` as `FLOPs of CONV1: …` (E060). Each was prose, or CONV1
    stated again (E015). Other tokens as they are."""
    if len(tokens) > 3 and tokens[0].lower == "the" and tokens[2].lower == "layer" and \
            tokens[1].text[-1:].isdigit() and _label(tokens[1:2]) is not None:
        tokens = tokens[1:]  # `The CONV1 layer output is …`: as `CONV1 layer output is …`
    k = 2 if len(tokens) > 2 and tokens[0].kind == "WORD" and tokens[1].kind == "NUM" else 1  # (`Conv 1`)
    name, rest = tokens[:k], tokens[k:]
    if not rest or rest[0].lower not in _NAME_ANSWERED_FIRST or _label(name) is None or \
            _layer_kind(" ".join(t.lower for t in name)) is None:
        return tokens
    words = [t.lower for t in rest]
    if words[0] == "layer" and k == 1 and len(rest) > 2 and name[0].text[-1:].isdigit():
        return _name_answered([*name, *rest[1:]])  # `CONV1 layer output: …`, `CONV1 layer params: 448`
    counted = next((len(h) for h in (("number", "of"), ("count", "of"), ("no", ".", "of")) if
                    tuple(words[:len(h)]) == h), 0)
    if counted and words[counted:counted + 1] and words[counted] in ir.ANSWER_WORDS:
        return [*name, *rest[counted:]]  # `CONV1 number of params: 448`: as `CONV1 params: 448`
    if words[:2] == ["total", ":"] and len(rest) == 4 and rest[2].kind == "NUM" and words[3] in ir.ANSWER_WORDS:
        return [*name, *rest[1:]]  # `CONV1 total: 448 params`: as `CONV1: 448 params`
    head = _count_head(words, 1)
    if words[0] in ("-", "–", "—", "trainable", "learnable", "total") and (
            head is not None or (words[0] in ("-", "–", "—") and words[1:2] == ["output"])):
        return [*name, *rest[1:]]
    if words[0] == "(" and head is not None and words[1 + len(head):3 + len(head)] in ([")", ":"], [")", "="]):
        return [*name, *rest[1:1 + len(head)], *rest[2 + len(head):]]
    named = head or (tuple(words[1:2]) if words[1:2] in (["output"], ["shape"]) else None)  # the answer's word
    if words[0] == "(" and named is not None and words[1 + len(named):2 + len(named)] == [")"] and \
            len(rest) == 3 + len(named) and rest[-1].kind in ("NUM", "DIMS"):  # `CONV1 (params) 448`, colon left out
        closing = rest[1 + len(named)]
        return [*name, *rest[1:1 + len(named)], Tok("P", ":", closing.start, closing.end), rest[-1]]
    if words[0] == "." and named is not None and rest[0].start == name[-1].end and rest[1].start == rest[0].end:
        return [*name, *rest[1:]]  # `CONV1.params = 448`, as code names an attribute: `CONV1 params = 448`
    if words[:2] == [":", "("] and rest[2:3] and rest[2].kind == "DIMS" and words[3:] == [")"]:
        return [*name, rest[0], rest[2]]
    volume = rest[1] if rest[1:2] and rest[1].kind == "DIMS" and _dims_text(rest[1].text).count("x") == 2 else None
    if volume is not None and words[0] in ("-", "(") and (
            (words[0] == "-" and words[2:] == []) or (words[2:3] in (["-"], [","]) and _counts_named(rest[3:]) and
                                                      (words[0] == "-" or words[-1] == ")"))):
        # `CONV1 - 32x32x16 - 448 params`, `CONV1 (32x32x16, 448 params)`: its output, then its counts
        counts = rest[3:-1] if words[0] == "(" else rest[3:]
        return [*name, Tok("P", ":", rest[0].start, rest[0].end), volume,
                *([Tok("P", ",", rest[2].start, rest[2].end), *counts] if counts else [])]
    if words[:1] and words[0] in ("flops", *_COST_WORDS) and words[1:4] == ["(", "macs", ")"]:
        return [*name, rest[2], *rest[4:]]  # `CONV1 FLOPs (MACs): …`, `CONV1 operations (MACs): …`: MACs, said so
    if words[:1] == ["["] and rest[1:2] and rest[1].kind == "DIMS" and words[2:3] == ["]"] and \
            _count_head(words, 3) is not None:  # `CONV1 [32x32x16] params: 448`: its output, then its counts
        return [*name, Tok("P", ":", rest[0].start, rest[0].start), rest[1], Tok("P", ",", rest[2].start,
                                                                                   rest[2].end), *rest[3:]]
    said = [t for t in rest if t.text not in (".", "!")]
    between = words[1:len(said) - 1]
    if words[0] in _RESIZES and said[-1].kind == "DIMS" and {"to", ":"} & set(between) and \
            all(w in _RESIZE_WORDS for w in between):
        return [*name, Tok("P", ":", rest[0].start, rest[0].end), said[-1]]  # `POOL1 reduces it to 16x16x16`
    if words[:4] in ([kind, "map", "size", ":"] for kind in ("feature", "activation")) and rest[4:5] and \
            rest[4].kind == "DIMS":  # `CONV1 feature map size: 32x32`: its output's height and width
        return [*name, rest[0]._replace(text="output"), *rest[3:]]
    if words[:1] == ["flops"] and words[1:2] in ([":"], ["="]):  # `CONV1 FLOPs: …` as `FLOPs of CONV1: …` (E060,
        # FLOPs are not judged; it was prose)
        return [rest[0], Tok("WORD", "of", rest[0].start, rest[0].start), *name, *rest[1:]]
    if words[0] in ("activations", "activation") and words[1:2] in ([":"], ["="]) and rest[2:3] and \
            rest[2].kind == "DIMS":  # `CONV1 activations: 32x32x16`: its output's volume, not a count
        return [*name, rest[0]._replace(text="output"), *rest[1:]]
    return tokens


def _asked_differently(tokens: list[Tok]) -> list[Tok]:
    """`What does POOL1 output? …` as `What is the output of POOL1? …`, `Compute for CONV1: 442,368 MACs` (`Cost of
    …`) as `MACs of CONV1: …` (each was E060 or prose); other tokens as they are."""
    if not tokens or tokens[0].lower not in ("what", "compute", "cost", "computation"):
        return tokens
    words = [t.lower for t in tokens]
    if words[:2] == ["what", "does"] and "output" in words[2:8]:
        said = words.index("output", 2)
        reference = tokens[2:said]
        if words[said + 1:said + 2] == ["?"] and _layer_reference(reference) is not None:
            first = tokens[0]
            asked = [Tok("WORD", word, first.start, first.end) for word in ("What", "is", "the", "output", "of")]
            return [*asked, *reference, *tokens[said + 1:]]
    unit = _mac_unit_length(words) if words[:1] in (["compute"], ["cost"], ["computation"]) else 0
    if words[1:2] in (["for"], ["of"]) and unit:
        marked = next((j for j, w in enumerate(words) if w in (":", "=")), None)
        if marked is not None and _layer_reference(tokens[2:marked]) is not None:
            return [Tok("WORD", "MACs", tokens[0].start, tokens[0].end), tokens[1], *tokens[2:len(tokens) - unit]]
    return tokens


_RESIZES = ("reduces", "downsamples", "shrinks", "halves", "brings", "keeps")  # `POOL1 reduces it to …`
_RESIZE_WORDS = {"it", "the", "volume", "input", "spatial", "size", "to", "down", "dimensions", "this", "depth", ":",
                 "its", "maps", "feature"}
_NAME_ANSWERED_FIRST = {"-", "–", "—", "trainable", "learnable", "total", "(", ":", ".", "flops", *_COST_WORDS,
                        "activations",
                        "activation", "[", "feature", "layer", "number", "count", "no",
                        *_RESIZES}  # (what `_name_answered` may see after a layer's name)


def _bracketed_output(tokens: list[Tok], labels: set[str]) -> list[Tok]:
    """`[32x32x16] CONV1`, a listing line that names a layer stated above and says nothing else: its output, as
    `CONV1 output: 32x32x16` (it was CONV1 stated again without its description, E015, the answer unjudged). Other
    tokens, and a layer not stated above (a listing's own line), as they are."""
    words = [t.lower for t in tokens]
    if len(tokens) not in (4, 5) or words[0] != "[" or tokens[1].kind != "DIMS" or words[2] != "]" or \
            words[4:] not in ([], [":"]) or _label(tokens[3:4]) not in labels:
        return tokens
    name = tokens[3]
    return [name, Tok("WORD", "output", name.end, name.end), Tok("P", ":", name.end, name.end), tokens[1]]


def _maps_answered(tokens: list[Tok]) -> list[Tok]:
    """`CONV1: 16 maps of 32x32` (`16 feature maps of size 32x32`, `16 channels of 32x32`): the layer's output, as
    `CONV1 output: 16 maps of 32x32` reads (it was CONV1 stated again, E015: maps are no filters). Other tokens as
    they are."""
    words = [t.lower for t in tokens]
    if len(tokens) < 6 or words[1:2] != [":"] or _label(tokens[:1]) is None or tokens[2].kind != "NUM":
        return tokens
    at = 3 + (words[3] in ("feature", "activation"))  # (`feature maps`, `activation maps`; never `… channels`)
    if words[at:at + 2] not in (["maps", "of"], ["channels", "of"]) or (at == 4 and words[at] != "maps"):
        return tokens
    sized = _skip(words, at + 2, ("size",))
    if tokens[sized:sized + 1] == [] or tokens[sized].kind != "DIMS" or sized + 1 != len(tokens):
        return tokens
    return [tokens[0], Tok("WORD", "output", tokens[0].end, tokens[0].end), *tokens[1:]]


def _approximately_named(tokens: list[Tok]) -> list[Tok]:
    """`CONV1: ~443K MACs` (`about`, `approx.`, `≈`, `roughly` before the count): as `CONV1 MACs: ~443K`, the count's
    word before the colon (it was CONV1 stated again, E015, the answer unjudged). Other tokens as they are."""
    words = [t.lower for t in tokens]
    if len(tokens) < 5 or words[1:2] != [":"] or tokens[0].kind != "WORD" or words[-1] not in ir.ANSWER_WORDS or \
            tokens[-2].kind != "NUM" or (_label(tokens[:1]) is None and _layer_kind(words[0]) is None):
        return tokens
    count, approximate = _approximate(tokens[2:-1])
    if not approximate or len(count) != 1:
        return tokens
    return [tokens[0], tokens[-1], *tokens[1:-1]]


def _none_answered(tokens: list[Tok]) -> list[Tok]:
    """A question answered with a word for none (`How many parameters does CONV1 have? none`, `… ? Zero.`): the answer
    0, as `Params: none` reads (it was prose, a wrong answer passing unjudged). Other tokens as they are."""
    asked = [j for j, t in enumerate(tokens) if t.text == "?"]
    if not asked:
        return tokens
    after = [j for j in range(asked[-1] + 1, len(tokens)) if tokens[j].text not in (".", "!")]
    remarked = len(after) > 1 and tokens[after[1]].text in _NONE_REMARKED
    if remarked:
        after = after[:1]  # `… ? None: pooling has no parameters.`, `Zero (no weights)`: a remark after the answer
    if len(after) != 1 or tokens[after[0]].lower not in _NONE_WORDS or \
            not any(t.lower in ir.ANSWER_WORDS for t in tokens[:asked[-1]]):
        return tokens  # (a count asked: `What is the output? none` is no volume, said as before)
    none = tokens[after[0]]
    return [*tokens[:after[0]], Tok("NUM", "0", none.start, none.end), *([] if remarked else tokens[after[0] + 1:])]


def _working_skipped(tokens: list[Tok]) -> list[Tok]:
    """A layer's answer with its working between the name and the value (`CONV1: 3*3*3*16 + 16 = 448 params`, `CONV1
    has (3*3*3 + 1)*16 = 448 params`) or in parentheses after it (`CONV1: 448 params (3*3*3*16 + 16)`): the answer
    alone, `CONV1: 448 params` (it was CONV1 stated again, E015, the answer unjudged). The working before the `=` stays
    in the line's text, which the sheet's workings check (E046 for a false step, as after `CONV1 params:`); one in
    parentheses is an aside, as after any answer. Other tokens as they are."""
    words = [t.lower for t in tokens]
    if len(tokens) < 5 or tokens[0].kind != "WORD" or (_label(tokens[:1]) is None and
                                                       _layer_kind(words[0]) is None):  # (`FC: …` names its kind)
        return tokens
    joint = 2 if words[1] == "has" else 2 if words[1] == ":" else 0
    if not joint:
        return tokens
    equals = [j for j in range(joint, len(words)) if words[j] == "="]
    if len(equals) == 1 and _arithmetic(tokens[joint:equals[0]]) is not None and \
            _counted_answer(tokens[equals[0] + 1:]):
        return tokens[:joint] + tokens[equals[0] + 1:]
    if words[-1] == ")" and "(" in words[joint:]:
        opening = len(words) - 1 - words[::-1].index("(")
        if _counted_answer(tokens[joint:opening]) and _arithmetic(tokens[opening + 1:-1]) is not None:
            return tokens[:opening]
    return tokens


def _counted_answer(tokens: list[Tok]) -> bool:
    """A count and what it counts, alone (`448 params`, `442,368 MACs`), or a volume alone (`32x32x16`)."""
    if len(tokens) == 1:
        return tokens[0].kind == "DIMS"
    return len(tokens) == 2 and tokens[0].kind == "NUM" and tokens[1].lower in ir.ANSWER_WORDS


def _in_and_out(tokens: list[Tok], under_layer: bool) -> list[Tok]:
    """`Input: 28x28x6 -> Output: 14x14x6` (`Input 28x28x6 -> output 14x14x6`, `In: 28x28x6, out: 14x14x6`) under a
    layer as its output's answer, `Output: 14x14x6` (the line was prose: a wrong output passed unjudged). The input
    said with it is the one the layer receives, which the line above answers or states. Other tokens as they are
    (before any layer too: the network's input and output)."""
    said = _untrailed(tokens)
    words = [t.lower for t in said]
    if not under_layer or words[:1] not in (["input"], ["in"]):
        return tokens
    at = 1 + (words[1:2] in ([":"], ["="]))
    if said[at:at + 1] == [] or said[at].kind != "DIMS":
        return tokens
    joint = at + 1
    if not (said[joint:joint + 1] and (said[joint].kind == "ARROW" or words[joint] in (",", ";", "to"))):
        return tokens
    out = joint + 1 + (words[joint + 1:joint + 2] in (["output"], ["out"]))
    out += words[out:out + 1] in ([":"], ["="])
    if out != len(words) - 1 or said[out].kind != "DIMS" or (words[joint] != "to" and out == joint + 1):
        return tokens
    head = said[joint + 1]
    return [Tok("WORD", "Output", head.start, head.end), Tok("P", ":", head.start, head.start), said[out],
            *tokens[out + 1:]]


def _second_verb_dropped(tokens: list[Tok]) -> list[Tok]:
    """`It has 760 parameters and performs 768,000 MACs` as `It has 760 parameters and 768,000 MACs`: a second verb of
    counting, after `and` and before its count, said as the first one's (the line was E060, its counts unjudged).
    Other tokens as they are."""
    for j in range(1, len(tokens) - 2):
        verb = j + 1 + (tokens[j + 1].lower in ("it", "also"))
        if tokens[j].lower == "and" and verb + 1 < len(tokens) and tokens[verb].lower in _HAS and \
                tokens[verb].lower not in ("with", "takes") and tokens[verb + 1].kind == "NUM" and \
                any(t.lower in _HAS for t in tokens[:j]):
            return [*tokens[:j + 1], *tokens[verb + 1:]]
    return tokens


def _unticked(tokens: list[Tok]) -> list[Tok]:
    """An answer without the tick or word after it that marks it checked (`Params: 448 ✓`, `… (correct)`)."""
    if not tokens or (tokens[-1].text not in _TICKS and tokens[-1].text != ")"):
        return tokens
    words = [t.lower for t in tokens]
    end = len(words)
    while end and words[end - 1] in _TICKS:
        end -= 1
    if words[end - 3:end] in (["(", "correct", ")"], ["(", "checked", ")"]):
        end -= 3
    return tokens[:end] if end else tokens


_TICKS = ("✓", "✔", "✅", "☑")


def _macs_parenthesised(tokens: list[Tok]) -> list[Tok]:
    """MACs said in other words in parentheses (`FLOPs (multiply-adds): …`, `Operations (mult-adds) = …`) as `(MACs)`,
    which says which count `FLOPs` or `Operations` is (it was E060, FLOPs not judged); other tokens as they are."""
    out: list[Tok] = []
    j = 0
    while j < len(tokens):
        if tokens[j].text == "(":
            words = [t.lower for t in tokens[j + 1:j + 6]]
            said = next((len(p) for p in _MAC_PHRASES if words[:len(p)] == list(p) and
                         words[len(p):len(p) + 1] == [")"]), 0)
            if said:
                first, last = tokens[j + 1], tokens[j + said]
                out += [tokens[j], Tok("WORD", "MACs", first.start, last.end), tokens[j + said + 1]]
                j += said + 2
                continue
        out.append(tokens[j])
        j += 1
    return out


_FILTER_SHAPE_HEADS = (["filter", "shape"], ["filter", "dimensions"], ["filter", "dims"], ["filter", "volume"])
# `Filter shape: 11x11x3`: one filter's shape; these heads, also the whole layer's weights (`Weight shape: 96x3x11x11`,
# PyTorch's order, or Keras' `11x11x3x96`; Keras' `kernel` is the layer's)
_WEIGHT_SHAPE_HEADS = (["kernel", "shape"], ["weight", "shape"], ["weights", "shape"], ["weight", "dimensions"],
                       ["weights", "dimensions"], ["weight", "dims"], ["weights", "dims"], ["weight", "tensor"],
                       ["weights", "tensor"])  # (`Weight tensor: 10x3x5x5` was prose: a wrong one passed)


def _weight_shape_said(words: list[str]) -> bool:
    """Whether a line asks or answers a layer's weight shape (`Weight shape: …`, `Weights dimensions: …`, `What is the
    weight tensor? …`: `_WEIGHT_SHAPE_HEADS`)."""
    at = _skip(words, 2 if words[:2] in (["what", "is"], ["what", "are"]) else 0, ("the",))
    return words[at:at + 2] in _WEIGHT_SHAPE_HEADS


_MAC_PHRASES = tuple(p for p, q in _COUNT_WORDS.items() if q == "macs" and p != ("macs",))  # `multiply-adds`, …


def _pool_class_named(tokens: list[Tok]) -> list[Tok]:
    """A framework's pool class named without its call (`Layer 2: MaxPooling2D, 2x2`, `AvgPool2d 2x2, stride 2`) as
    the lecture's word for it, `maxpool` or `avgpool` (the line was prose or E060: the pool lost, the answers after it
    judged without it); a call (`MaxPooling2D((2, 2))`) is read as one (`called`). Other tokens as they are."""
    out = list(tokens)
    for j, tok in enumerate(tokens):
        kind = _CALLS.get(tok.lower, ("",))[0]
        if kind in ("maxpool", "avgpool") and not (tokens[j + 1:j + 2] and tokens[j + 1].text == "("):
            out[j] = tok._replace(text=kind)
    return out


def _output_noun_dropped(tokens: list[Tok]) -> list[Tok]:
    """`-> output shape 30x30x32`, `nn.Conv2d(3, 32, 3): output size 30x30x32` (after an arrow or a colon; `Output
    volume: …` is the same), `-> Output: 30x30x32`: as `-> output 30x30x32`, the noun of `output` and a colon after
    the arrow left out before a volume (each was E060, or prose after a framework's call: a wrong answer passing
    unjudged; `Max pooling 2x2, stride 2 -> Output: …` was read as an answer to a layer named STRIDE2). Other tokens
    as they are."""
    words = [t.lower for t in tokens]
    for j in range(1, len(tokens) - 2):
        if (tokens[j - 1].kind == "ARROW" or words[j - 1] == ":") and words[j] == "output" and \
                words[j + 1] in ("size", "shape", "volume", "dimensions", "dims"):
            value = j + 2 + (words[j + 2] == ":")
            if tokens[value:value + 1] and tokens[value].kind == "DIMS":
                return [*tokens[:j + 1], *tokens[value:]]
        if tokens[j - 1].kind == "ARROW" and words[j:j + 2] == ["output", ":"] and tokens[j + 2].kind == "DIMS":
            return [*tokens[:j + 1], *tokens[j + 2:]]  # `… stride 2 → Output: 15x15x64` (read as `STRIDE2 output:`)
    return tokens


# labels of an answer that say nothing of what it answers (`Answer: 896`), and the layers whose output is a volume:
# one number after such a label under such a layer is not judged as its output
_BARE_LABELS = (["answer"], ["ans"], ["sol"], ["solution"], ["result"])
_VOLUME_KINDS = frozenset({"conv", "dwconv", "deconv", "maxpool", "avgpool"})


# how an output is said after a count in the same answer (`1,040 parameters; the output is 56x56x16`)
_OUTPUT_AFTER_COUNT = (["the", "output", "is"], ["the", "output", "volume", "is"], ["its", "output", "is"],
                       ["output", "is"], ["output", ":"], ["output"], ["output", "volume", ":"],
                       ["output", "size", ":"])


def _vector_length(tokens: list[Tok]) -> list[Tok]:
    """`It outputs a vector of 10`, `The final output is a vector of length 10 values.`: a vector said by its length at
    the end of the line, as the length alone (`It outputs 10`), and after an output's head as after `Answer:`
    (`Output: a vector of 10` as `Answer: 10`), which a fully connected layer's output answers and a convolution's
    volume does not (E060); it was prose, a wrong length passing unjudged. Other tokens as they are."""
    words = [t.lower for t in tokens]
    end = len(words) - (words[-1:] in (["."], ["!"]))
    for j in range(len(words) - 3):
        if words[j:j + 3] in (["a", "vector", "of"], ["a", "vector", "with"]):
            at = j + 3 + (words[j + 3:j + 4] in (["length"], ["size"]))
            if tokens[at:at + 1] and tokens[at].kind == "NUM" and \
                    (at + 1 == end or (at + 2 == end and words[at + 1] in _VECTOR_UNITS)):
                head = words[1 if words[:1] in (["the"], ["its"]) else 0:j]
                if head[:1] == ["output"] and set(head) <= {"output", "volume", "size", "shape", "is", ":", "="}:
                    start = tokens[0].start
                    return [Tok("WORD", "Answer", start, start), Tok("P", ":", start, start), tokens[at],
                            *tokens[end:]]
                return [*tokens[:j], tokens[at], *tokens[end:]]
    return tokens


_VECTOR_UNITS = {*_OUTPUT_UNIT_WORDS, "numbers", "elements", "entries", "components", "dimensions"}


def _count_then_output(tokens: list[Tok]) -> list[Tok]:
    """`A: 1,040 parameters; the output is 56x56x16.` (`1040 parameters, output 56x56x16`, `…. The output is …`, `…,
    and the output is …`, `It has 1,040 parameters and the output is …`, a count's parts in parentheses after it): a
    count, then the output, as `Output: 56x56x16; 1,040 parameters` (each token keeps its place; `answer_line` reads
    what follows the output in this order). The count was dropped in silence once the output was read, or the line
    was prose. An answer's label before them (`A:`, `Answer:`) goes. Other tokens as they are."""
    words = [t.lower for t in tokens]
    start = 2 if words[:2] in (["a", ":"], ["ans", ":"], ["answer", ":"]) else 0
    start += 2 if words[start:start + 2] in (["it", "has"], ["there", "are"], ["we", "have"]) else 0
    depth, separator = 0, None
    for j in range(start, len(words)):
        depth += (words[j] == "(") - (words[j] == ")")
        joined = words[j] == "and" and words[j + 1:j + 2] in (["output"], ["the"], ["its"])
        if depth == 0 and (words[j] in (";", ",", ".") or joined):
            separator = j
            break
    if separator is None:
        return tokens
    opening = next((j for j in range(start, separator) if words[j] == "("), separator) \
        if words[separator - 1] == ")" else separator  # (`1,040 parameters (1,024 weights + 16 biases)`)
    if opening < start + 2 or words[opening - 1] not in ir.ANSWER_WORDS or tokens[opening - 2].kind != "NUM" or \
            not all(t.kind == "NUM" or t.text in _WORKING_SIGNS or t.text in "()" or t.lower in ir.ANSWER_WORDS or
                    t.lower == "and" for t in tokens[start:separator]):  # (counts alone: not a layer's line)
        return tokens
    at = separator + 1 + (words[separator + 1:separator + 2] == ["and"])
    said = next((len(o) for o in _OUTPUT_AFTER_COUNT if words[at:at + len(o)] == o), None)
    if said is None or tokens[at + said:at + said + 1] == [] or tokens[at + said].kind != "DIMS" or \
            words[at + said + 1:] not in ([], ["."]):
        return tokens
    volume, head = tokens[at + said], tokens[at]
    return [Tok("WORD", "Output", head.start, head.end), Tok("P", ":", head.end, head.end), volume,
            Tok("P", ";", volume.end, volume.end), *tokens[start:separator]]


def _letters_counted(tokens: list[Tok]) -> list[Tok]:
    """`K = 8 filters, F = 5, …` as `K = 8, F = 5, …`: the noun after the notes' letter for the count of filters
    says what the letter does (the line was E060). Other tokens as they are."""
    words = [t.lower for t in tokens]
    for j in range(len(words) - 3):
        if words[j] == "k" and words[j + 1] in ("=", ":") and tokens[j + 2].kind == "NUM" and \
                words[j + 3] in ("filters", "kernels", "filter", "kernel"):
            return [*tokens[:j + 3], *tokens[j + 4:]]
    return tokens


def _working_output(tokens: list[Tok]) -> list[Tok]:
    """`(55 − 3)/2 + 1 = 27 → 27 × 27 × 96; no parameters` under a layer: a working of arithmetic alone, then the one
    volume it comes to, as `Output: …` reads it (the line was prose or E060, a wrong volume unjudged). Other tokens as
    they are (`(5 × 5 × 96 + 1) × 256 = 614,656`, no volume: a count's working, read as it is)."""
    equals = next((j for j, t in enumerate(tokens) if t.text == "="), None)
    if equals is None or equals == 0 or not (tokens[0].text == "(" or tokens[0].kind == "NUM" or
                                             tokens[0].lower in ("floor", "ceil")):
        return tokens
    if not all(t.kind == "NUM" or t.text in _WORKING_SIGNS or t.text in ("−", "–") or t.lower in ("floor", "ceil")
               for t in tokens[:equals]):  # (a minus pasted from a slide: `−`)
        return tokens
    if sum(t.kind == "DIMS" for t in tokens[equals:]) != 1:
        return tokens
    start = tokens[0].start
    return [Tok("WORD", "Output", start, start), Tok("P", ":", start, start), *tokens]


def _answer_lettered(tokens: list[Tok]) -> list[Tok]:
    """`A: (128 + 2 - 3)/2 + 1 = 64.5 -> 64, so 64x64x32.`, `Sol: …`, `A1: …`: an answer's short label before its
    working as `Answer:`, which reads it (the line was prose, a wrong answer unjudged). Other tokens as they are."""
    words = [t.lower for t in tokens[:3]]
    label = _answer_label(words, [t.kind for t in tokens[:3]])
    # (`A3. 32x32x16`, `Ans. …` after a full stop too, as `Answer:`; not `A. 32x32x16`, which may be an option)
    stopped = label and words[label - 1] in (".", ")") and (label == 3 or words[0] != "a")
    if not label or words[0] == "answer" or (words[label - 1] != ":" and not stopped) or \
            not any(t.kind in ("NUM", "DIMS") for t in tokens[label:]):
        return tokens
    mark = tokens[label - 1]
    return [tokens[0]._replace(kind="WORD", text="Answer"), mark._replace(kind="P", text=":"), *tokens[label:]]


def _answer_label_dropped(tokens: list[Tok]) -> list[Tok]:
    """`Answer: 364 × 96 = 34,944 parameters`, `A2. 34,944 parameters`, `Ans: …`, `Answer: parameters = …`: an
    answer's label before a count that says its own quantity, as the count alone (after `Answer:` the working's
    product was read as an output volume, 364x96, and the right count marked wrong; after `A2.` the line was prose);
    other tokens as they are."""
    label = _answer_label([t.lower for t in tokens[:3]], [t.kind for t in tokens[:3]])
    rest = tokens[label:]
    while rest and rest[-1].text in ("!", "."):
        rest = rest[:-1]
    opening = [t.lower for t in rest[:3]]
    if opening[:1] in (["the"], ["its"]):
        opening = opening[1:]
    said = [t.lower for t in rest[:5]]
    if label and (opening[:1] == ["output"] or any(said[:len(lead)] == lead for lead in _OUTPUT_LEADS)) and \
            not any(t.kind == "DIMS" for t in rest):
        return tokens[label:]  # `A: Output: 10`, `A: The output is 10`, `A: It outputs 10`, `A: We get 10`: the answer
        # says what it answers (a vector's length after the label was prose, a wrong answer unjudged; a volume reads
        # after it)
    if not label or not rest or not any(t.kind == "NUM" for t in rest):
        return tokens
    said = [t.lower for t in rest[:8]]
    counted = next((len(h) for h in _COUNT_HEADS if said[:len(h)] == list(h)), 0)  # `Answer: number of params = …`
    head = _count_head(said, counted)
    # the count's part, when others follow: `A: 1040 params; MACs: 3,211,264` (after `Answer:`, 1040 was read as the
    # output and `params` as the head of the MACs' count: two right answers marked wrong)
    part = next((j for j, t in enumerate(rest) if t.text in (";", ",", ".") or t.lower == "and"), len(rest))
    headed = rest[0].kind == "NUM" and _count_head([t.lower for t in rest[:part]], 1) is not None  # (`… multiply-adds`)
    if rest[part - 1].lower not in ir.ANSWER_WORDS and not headed and (head is None or
                                                        said[counted + len(head):][:1] not in ([":"], ["="], ["is"])):
        return tokens  # (`Answer: parameters = 288,010`, `Answer: params: …`: the count's own head after the label;
        # the bare number after `Answer:` was read as an FC layer's output, and the right count marked wrong)
    return tokens[label:]


def _answer_quantity(tokens: list[Tok]) -> list[Tok]:
    """`Answer (params): 448`, `Ans (output) = 32x32x16`, `Solution (MACs): …`: what the answer is in parentheses,
    as `Params: 448` (it was prose, a wrong answer passing unjudged); other tokens as they are."""
    words = [t.lower for t in tokens[:8]]
    closing = words.index(")") if ")" in words else 0
    if closing < 3 or not _ANSWER.fullmatch(words[0]) or words[1] != "(" or words[closing + 1:closing + 2] not in (
            [":"], ["="]):
        return tokens
    said = words[2:closing]
    counted = next((len(h) for h in _COUNT_HEADS if said[:len(h)] == list(h)), 0)  # `(number of parameters)`
    head = _count_head(said, counted)
    if (head is None or counted + len(head) != len(said)) and \
            said not in (["output"], ["output", "volume"], ["output", "size"]):
        return tokens
    return tokens[2:closing] + tokens[closing + 1:]


def _piped(tokens: list[Tok]) -> list[Tok]:
    """`CONV1 | output 32x32x16 | params 448`: a layer's name, then its answers between `|`, each with its word, as
    `CONV1 output 32x32x16, params 448` (it was prose: a table's row needs the table's header); other tokens as they
    are."""
    if len(tokens) < 4 or tokens[1].text != "|" or _label(tokens[:1]) is None or \
            _layer_kind(tokens[0].lower) is None or tokens[-1].text == "|":
        return tokens
    parts: list[list[Tok]] = [[]]
    for t in tokens[2:]:
        if t.text == "|":
            parts.append([])
        else:
            parts[-1].append(t)
    for part in parts:
        words = [t.lower for t in part]
        if not words or (words[0] != "output" and _count_head(words, 0) is None):
            return tokens
    joined = [tokens[0]]
    for part in parts:
        joined += [*([Tok("P", ",", part[0].start, part[0].start)] if len(joined) > 1 else []), *part]
    return joined


def _answer_of_layer(tokens: list[Tok]) -> list[Tok]:
    """`Answer: CONV1: 55x55x96` (`Ans:`, `Solution:`, `A:`), then a layer's name, as `CONV1: 55x55x96`: the answer is
    that layer's (it was judged against the last layer's, a right answer marked wrong); other tokens as they are."""
    if len(tokens) < 4 or not _ANSWER.fullmatch(tokens[0].lower) or tokens[1].text != ":" or \
            _label(tokens[2:3]) is None or _layer_kind(tokens[2].lower) is None:
        return tokens
    return tokens[2:]


def _listed_by_layer(tokens: list[Tok]) -> list[Tok]:
    """`Params: CONV1 = 34,944; CONV2 = 614,656`, `Outputs: CONV1: 55x55x96, POOL1: 27x27x96` as `CONV1 params:
    34,944; CONV2 params: 614,656`: an answer's heading, then each named layer's own (the last number was taken for
    the last layer's, and a right answer about another marked wrong; the others were dropped unjudged). Each layer a
    name that says its kind, each answer one number or volume, or a single layer's with its working or a remark
    (`Params: CONV1 = (11*11*3 + 1)*96 = 34,944`); other tokens as they are."""
    words = [t.lower for t in tokens]
    counted = next((len(h) for h in _COUNT_HEADS if words[:len(h)] == list(h)), 0)  # `Number of parameters: …`
    count_head = _count_head(words, counted)
    if words[:1] in (["output"], ["outputs"]):  # `Output volumes: …`
        head, said = _skip(words, 1, ("volume", "volumes", "size", "sizes", "shape", "shapes", "dimensions")), "output"
    elif words[:2] in (["receptive", "field"], ["receptive", "fields"]):
        head, said = 2, "receptive field"
    elif count_head is not None:
        head, said = counted + len(count_head), words[counted]
    else:
        return tokens
    if words[head:head + 1] != [":"] or len(tokens) > 4 * _MOST_LISTED + head + 1:
        return tokens
    word = [Tok("WORD", w, tokens[0].start, tokens[head - 1].end) for w in said.split()]
    listed: list[Tok] = []
    at = head + 1
    while at + 2 < len(tokens):
        numbered = words[at] == "layer" and tokens[at + 1].kind == "NUM" and at + 3 < len(tokens)  # `Layer 1: 448`
        name, mark, value = tokens[at:at + 2] if numbered else tokens[at:at + 1], tokens[at + 1 + numbered], \
            tokens[at + 2 + numbered]
        named = numbered or ((_label(name) is not None or _family(name[0].lower) is not None) and
                             _layer_kind(name[0].lower) is not None)  # (`FC = 40,970`: the one FC layer, or E060)
        after = at + 3 + numbered
        if not named or mark.text not in (":", "=") or value.kind not in ("NUM", "DIMS") or \
                (after < len(tokens) and tokens[after].text not in (",", ";")):
            if named and not numbered and mark.text in (":", "=") and not listed:  # `Params: CONV1 = (11*11*3+1)*96 …`
                return [*name, *word, mark._replace(text=":"), *tokens[at + 2:]]
            return tokens
        # (a layer numbered so is named after the answer's word, `params of layer 1: …`, as `_answer_parts` splits)
        answer = [*word, Tok("WORD", "of", name[0].start, name[0].start), *name] if numbered else [*name, *word]
        listed += [*([Tok("P", ";", tokens[at - 1].start, tokens[at - 1].end)] if listed else []), *answer,
                   mark._replace(text=":"), value]
        at = after
        if at < len(tokens) and tokens[at].text in (",", ";"):
            at += 1
    return listed if at == len(tokens) and listed else tokens


_MOST_LISTED = 64  # named answers on a line listed after one heading (`Params: CONV1 = …, CONV2 = …`), at most


def _said_after(tokens: list[Tok]) -> list[Tok]:
    """`Shape after FC1: 10`, `Output size after CONV1: 55x55x96` as `After FC1: …`: words naming the output before
    `after` say nothing more (the line was prose: a right answer unread, a wrong one passed, and a name with no layer
    above was not reported); other tokens as they are (`Output after ReLU: …` has a reading of its own)."""
    after = next((j for j, t in enumerate(tokens[:4]) if t.lower == "after"), None)
    colon = next((j for j in range(after + 1, min(after + 4, len(tokens))) if tokens[j].text == ":"), None) \
        if after else None
    if not after or colon is None or not all(t.lower in _OUTPUT_NAMING for t in tokens[:after]) or \
            ([t.lower for t in tokens[:after]] == ["output"] and tokens[colon + 1:colon + 2] and
             tokens[colon + 1].kind == "DIMS"):
        return tokens
    return tokens[after:]


def _named_arrow(tokens: list[Tok]) -> list[Tok]:
    """`CONV1 => 448 params`: a layer's name, then `=>` (written as `=` and `>`), as `CONV1 -> 448 params` (it was
    read as the name and `=`, CONV1 stated again: E015). Other tokens as they are."""
    if len(tokens) > 3 and tokens[0].kind == "WORD" and _label(tokens[:1]) is not None and tokens[1].text == "=" and \
            tokens[2].text == ">" and tokens[1].end == tokens[2].start:
        return _one_arrow(tokens)
    return tokens


def _one_arrow(tokens: list[Tok]) -> list[Tok]:
    """The tokens with their first arrow one ARROW token, when it is `=>` (written as `=` and `>`)."""
    arrow = _arrow(tokens, 0)
    if arrow == len(tokens) or tokens[arrow].kind == "ARROW":
        return tokens
    return [*tokens[:arrow], Tok("ARROW", "=>", tokens[arrow].start, tokens[arrow + 1].end), *tokens[arrow + 2:]]


def _arrow(tokens: list[Tok], start: int) -> int:
    """Where the first arrow from `start` is (`->`, `→`, or `=>` written as `=` and `>` side by side), else the
    tokens' length."""
    return next((j for j in range(start, len(tokens)) if tokens[j].kind == "ARROW" or
                 (tokens[j].text == "=" and j + 1 < len(tokens) and tokens[j + 1].text == ">" and
                  tokens[j].end == tokens[j + 1].start)), len(tokens))


def _before_answer(tokens: list[Tok]) -> list[Tok] | None:
    """An exercise's tokens before its arrow (`N = 7, F = 3, stride 2` of `… => 3`), after its bullet or number;
    None without an arrow."""
    lead = _lead(tokens)
    arrow = _arrow(tokens, lead)
    return tokens[lead:arrow] if arrow < len(tokens) else None


def _varied(base: list[Tok], tokens: list[Tok]) -> list[Tok] | None:
    """`Same but stride 3 => 2x2` (`Same with pad 1: …`) under an exercise: the exercise's tokens (`base`) with that
    letter's value replaced, then the case's own, after the line's question number; None for any other line."""
    lead = _lead(tokens)
    words = [t.lower for t in tokens]
    if words[lead:lead + 1] != ["same"]:
        return None
    case = _case_of(tokens[_skip(words, lead + 1, ("but", "with", ",", "as", "above", "except", "now", "and")):])
    if case is None:
        return None
    letter = _EXERCISE_LETTERS[case[0].lower]
    kept: list[Tok] = []
    j = 0
    while j < len(base):
        value = j + 1 + (base[j + 1:j + 2] != [] and base[j + 1].text in ("=", ":"))
        if _EXERCISE_LETTERS.get(base[j].lower) == letter and base[value:value + 1] and base[value].kind == "NUM":
            j = value + 1  # the value replaced, with the comma before it (a `Same` after a `Same` grows no longer)
            if kept and kept[-1].text == ",":
                kept.pop()
            continue
        kept.append(base[j]._replace(start=tokens[lead].start, end=tokens[lead].end))  # (stated by `Same`)
        j += 1
    return [*tokens[:lead], *kept, Tok("P", ",", case[0].start, case[0].start), *case]


def _case_of(tokens: list[Tok]) -> list[Tok] | None:
    """A case under a heading of letters (`_cases_heading`): `stride 2 => (7 - 3)/2 + 1 = 3`, `S = 2: 3`, `pad 1
    -> 7` (its letter, value and answer), with its arrow as the letters exercise reads it (the lecture's text has
    it as `= >`, or as the `=` after the value); None for any other line."""
    words = [t.lower for t in tokens]
    if not words or _EXERCISE_LETTERS.get(words[0]) not in ("s", "p"):
        return None
    at = 0  # past the case's settings: `stride 2`, `S = 2`, `stride 3, padding 1`, `stride 1, no padding`
    while True:
        if words[at:at + 2] in (["no", "padding"], ["no", "pad"]):
            at += 2
        elif _EXERCISE_LETTERS.get(words[at] if at < len(words) else "") in ("s", "p"):
            value = at + (2 if words[at + 1:at + 2] in (["="], [":"]) else 1)
            if value >= len(tokens) or tokens[value].kind != "NUM":
                return None
            at = value + 1
        else:
            return None
        if words[at:at + 1] not in ([","], ["and"]) or not (words[at + 1:at + 2] == ["no"] or _EXERCISE_LETTERS.get(
                words[at + 1] if at + 1 < len(words) else "") in ("s", "p")):
            break
        at += 1
    marks = 2 if words[at:at + 2] == ["=", ">"] else 1
    if tokens[at:at + 1] == [] or (tokens[at].kind != "ARROW" and words[at] not in ("=", ":")):
        return None
    arrow = Tok("ARROW", "->", tokens[at].start, tokens[at + marks - 1].end)
    return [*tokens[:at], arrow, *tokens[at + marks:]]


def _worded(case: list[Tok]) -> list[Tok]:
    """A case's letters as the words an exercise told in words reads (`S = 2, P = 1 -> 4x4` as `stride 2, pad 1 ->
    4x4`; with an input and filter in words, `S = 2` was E060)."""
    arrow = next((j for j, t in enumerate(case) if t.kind == "ARROW"), len(case))  # (`_case_of` put one)
    worded: list[Tok] = []
    for t in case[:arrow]:
        if worded and t.text in ("=", ":") and worded[-1].lower in ("stride", "pad"):
            continue
        worded.append(t._replace(text={"s": "stride", "p": "pad"}[t.lower]) if t.lower in ("s", "p") else t)
    return [*worded, *case[arrow:]]


# an activation or other stage of a layer named by its kind in a question (`Output after ReLU: …`)
_STAGE_WORDS = frozenset(("relu", "sigmoid", "tanh", "softmax", "dropout"))  # each its layer's keyword too
_SETTING_WORDS = {"with", "using", "use", "used", "if", "(", "at"}  # before a stride or padding a question sets
_CONDITIONAL_WORDS = {"if", "instead", "suppose", "were", "had"}  # a question about a changed layer


def _blocks_made(lines: list[ir.Line], closed: list[tuple[int, int, str, tuple[int, ...]]]) -> list[ir.Line]:
    """The lines with each block closed (its lines from `start`, its add or concatenation at `at`, a layer that kept
    the shape while the sheet was read) made the spec's merge: a skip connection's `residual { … }`, the lines its
    body and the block's input its identity shortcut; a concatenation's `concat { … | … }`, its lines from each of
    `cuts` to the next a branch on the module's input (an Inception module). The closing line's answers are the
    merge's."""
    made = list(lines)
    for start, at, kind, cuts in reversed(closed):
        if at <= start:  # (no layer left in it: the add stays the layer that keeps the shape)
            continue
        closing = made[at]
        if kind == "concat":
            ends = [*cuts[1:], at]
            branches = tuple(ir.Branch(ir.Seq(tuple(made[a:b]), made[a].span.to(made[b - 1].span)), None, str(n),
                                       made[a].span.to(made[b - 1].span))
                             for n, (a, b) in enumerate(zip(cuts, ends), 1) if b > a)
            merge = ir.Merge("concat", None, branches, None, closing.span)
        else:
            body = ir.Seq(tuple(made[start:at]), made[start].span.to(made[at - 1].span))
            identity = ir.Seq((), Span(closing.span.start, closing.span.start))
            merge = ir.Merge("residual", None, (ir.Branch(body, None, "body", body.span),
                                                ir.Branch(identity, None, "shortcut", identity.span)), None,
                             closing.span)
        made[start:at + 1] = [closing._replace(items=(merge,))]
    return made


_BLOCK_SAID = re.compile(r"(?i)\b(?:residual|resnet|basic|bottleneck|identity)\s+blocks?\b|\bblock\s*[0-9]+\b|"
                         r"\binception\b")  # (an Inception module's branches start below it too: `_MODULE_SAID`)
_MODULE_SAID = re.compile(r"(?i)\binception\b")


def _concatenates(words: list[str]) -> bool:
    """A line that concatenates the module's branches and says nothing else but its answers after `:`, an arrow or
    `=`: `Filter concatenation: 28x28x672`, `Concatenate all branches -> …`, `Depth concat: …`. Not a concatenation
    with something named (`Concatenate with skip (32x32x128)`: a U-Net's, E060)."""
    end = next((j for j, w in enumerate(words) if w in ("->", ":", "=", "=>")), len(words))
    said = [w for w in words[:end] if w not in ("(", ")", ",", "-", ".", "'", "s")]
    return bool(said) and not _JOINING.isdisjoint(said) and set(said) <= _CONCATENATING


_OPS_WORDS = frozenset({"ops", "operations"})  # a count of operations: MACs or FLOPs? (`_LineReader.ops_said`)
_CONCATENATING = {"concatenate", "concatenated", "concatenates", "concatenation", "concat", "filter", "filters",
                  "depth", "depthwise", "channel", "channels", "channel-wise", "all", "the", "their", "outputs",
                  "output", "branches", "branch", "of", "along", "and", "then", "module", "module's", "four",
                  "three", "two", "results", "maps", "feature", "final"}


def _adds_skip(words: list[str]) -> bool:
    """A line that adds a residual block's input back to its output, and says nothing else but its answers after an
    arrow: `Add the input (skip connection)`, `Skip connection: add the block's input`, `+ identity shortcut`,
    `Residual add`, `Add skip connection -> 56x56x64`."""
    end = next((j for j, w in enumerate(words) if w == "->"), len(words))
    said = [w for w in words[:end] if w not in ("(", ")", ":", ",", "-", "+", ".", "'", "s")]
    return bool(said) and said[0] in _SKIP_LEADS and set(said) <= _SKIP_WORDS and bool(set(said) & _SKIP_NAMES)


_SKIP_LEADS = {"add", "adding", "skip", "residual", "shortcut", "identity", "sum", "then", "elementwise",
               "element-wise"}
_SKIP_NAMES = {"skip", "residual", "shortcut", "identity", "input"}  # one at least: what is added is the input
_SKIP_WORDS = _SKIP_LEADS | _SKIP_NAMES | {"the", "block", "connection", "connections", "back", "to", "output", "with",
                                           "of", "its", "add", "addition", "x", "original", "a", "an", "it", "in",
                                           "and", "relu", "then"}


def _changes_layer(tokens: list[Tok], line: ir.Line) -> bool:
    """A line of prose that changes a setting of the layer above for what follows (`If the stride were 3:`, `With
    stride 3 instead:`, `Now suppose pad 2.`, `What would the output be with 64 filters?`): it says a condition or a
    change, and a stride, padding, count or size of filters the layer does not have (`_what_if`)."""
    words = {t.lower for t in tokens}
    if not words & (_CONDITIONAL_WORDS | _CHANGE_WORDS):
        return False
    named = [t._replace(text=_LETTER_SETTINGS[t.lower]) if t.lower in _LETTER_SETTINGS and after.text in ("=", ":")
             else t for t, after in zip(tokens, [*tokens[1:], Tok("P", "", 0, 0)])]  # `P = 2` as `pad = 2`
    settled = [t for t in named if t.lower not in _SETTING_VERBS]  # `stride were 3` as `stride 3`
    return _what_if([Tok("WORD", "with", t.start, t.start) if t.lower in _CHANGE_WORDS else t for t in settled],
                    line) is not None


_CHANGED_ABOVE = "line {} (`{}`) changes the layer above: this answer may be the changed layer's, and is not judged"
_CHANGED_HINT = "write the changed layer on a line of its own (`CONV1B: 96 11x11 filters, stride 3`), then its answers"
_CHANGE_WORDS = {"now", "with", "instead", "suppose", "assume", "change", "changed", "use", "using", "what", "if",
                 "same", "but"}  # (`Same layer but with P = 2.`)
_LETTER_SETTINGS = {"p": "pad", "s": "stride"}  # the notes' letters for what a changed layer sets
_SETTING_VERBS = {"were", "was", "is", "be", "becomes", "to", "set", "of", "equal", "equals", "the", "="}


def _what_if(asking: list[Tok], line: ir.Line) -> tuple[str, Span] | None:
    """A stride, padding, count of filters or filter size a question sets (`What is the output if we use stride
    2?`, `Output with pad 1: …`, `How many parameters with 64 filters?`, `Output with 5x5 filters: …`) that the layer
    it asks about does not have, or a condition it cannot compare (`Params if the input had 1 channel: …`), as
    written and where; None when it sets none, or the layer's own."""
    call = line.items[0] if line.items else None
    words = [t.lower for t in asking]
    settings: list[tuple[str, int, int]] = []  # the argument set, and where its word and its value are
    for j, word in enumerate(words):
        name = "stride" if word == "stride" else "pad" if word in ("pad", "padding", "zero-padding") else None
        value = _skip(words, j + 1, ("of", "="))
        if name is not None and value < len(asking) and asking[value].kind == "NUM" and \
                _SETTING_WORDS & set(words[max(j - 3, 0):j]):
            settings.append((name, j, value))  # (`The padding is 3` answers; `… with stride 2`, `… if we use pad 1`)
        elif words[j + 1:j + 2] in (["filters"], ["kernels"], ["filter"], ["kernel"]) and \
                asking[j].kind in ("NUM", "DIMS"):
            settings.append(("out_channels" if asking[j].kind == "NUM" else "kernel", j + 1, j))  # `64 filters`
    for name, at, value in settings:
        have = next((a.value for a in call.args if a.name == name), None) if isinstance(call, ir.LayerCall) else None
        sizes = have.items if isinstance(have, ir.PairLit) else (have,)
        said = _dims_text(asking[value].text).split("x")
        if len(said) > len(sizes) or not all(isinstance(size, ir.Num) and str(size.value) == said[k % len(said)]
                                             for k, size in enumerate(sizes)):
            where = Span(min(asking[at].start, asking[value].start), max(asking[at].end, asking[value].end))
            return _shown(asking[min(at, value):max(at, value) + 1]), where
    given = next((j for j, t in enumerate(asking) if t.kind == "DIMS" and (
        words[j + 1:j + 2] in (["input"], ["image"]) or words[max(j - 2, 0):j] == ["input", "of"])), None)
    if given is not None:  # `What is the output for a 64x64x3 input?`: for another input than the layer's, maybe
        return _shown(asking[given:given + 2]), asking[given].span
    conditional = next((j for j, word in enumerate(words) if word in _CONDITIONAL_WORDS), None)
    if not settings and conditional is not None and any(t.kind in ("NUM", "DIMS") for t in asking[conditional:]):
        return _shown(asking[conditional:]), Span(asking[conditional].start, asking[-1].end)  # `if the input had …`
    return None


def _receiving(words: list[str]) -> tuple[slice, int] | None:
    """Where the name of a layer is, and the word after which its input's volume is said, when a line answers what
    a layer receives: `Input to CONV2: …` (`of`, `for`, `into`; `The input to CONV2 is …`), `CONV2 input: …`
    (`CONV2's input: …`), `CONV2 receives …`, `Before POOL1: …`, `Output before pooling: …`; None for any other
    line."""
    at = 1 if words[:1] == ["the"] else 0
    joint = next((j for j, w in enumerate(words) if w in (":", "=", "is", "receives")), None)
    if joint is None or joint < at + 1:
        return None
    said = _skip(words, at + 1, ("size", "volume", "shape", "dimensions")) if words[at:at + 1] == ["input"] else at + 1
    if ((words[at:at + 1] == ["input"] and words[said:said + 1] in (["to"], ["of"], ["for"], ["into"])) or
            words[at:at + 2] == ["output", "before"]) and joint > said + 1 and words[joint] != "receives":
        return slice(said + 1, joint), joint  # (`Input size of CONV2 = …`; `Output before POOL1: …`, what POOL1
        # receives)
    if words[:1] == ["before"] and words[joint] in (":", "=") and joint > 1:
        return slice(1, joint), joint  # `Before POOL1: 55x55x96`
    named = joint - 1  # `CONV2 input: …`, `FC1 input size: …` (`shape`, `volume`: it was prose, a wrong one passed)
    while named > 1 and words[named] in ("size", "volume", "shape", "dimensions", "dims"):
        named -= 1
    if words[named:named + 1] == ["input"] and words[joint] in (":", "=") and named > 0:
        name = named - (2 if words[named - 2:named] == ["'", "s"] else 0)
        return (slice(0, name), joint) if name > 0 else None
    if words[joint] == "receives" and at == 0:
        return slice(0, joint), joint
    return None


def _asked_after(words: list[str]) -> int | None:
    """Where a question told after a problem starts (the `.` before `How many parameters …?`, as Ng's quizzes
    ask, or the `,` before it: `If the first hidden layer has 100 neurons, …, how many parameters …?`), when its
    sentence opens as a question does; None when there is none."""
    if "?" not in words:
        return None
    mark = words.index("?")
    # (a bare question's length first: a slice to the `?` at each of 20,000 commas was quadratic, 4 s)
    return max((k - 1 for j in range(mark) if words[j] in (".", ",")
                for k in [_skip(words, j + 1, _QUOTES)]  # `… using "pad=2." What is …`: its quotes closed after
                if any(words[k:k + len(opener)] == list(opener) for opener in _ASKING) or
                (mark - k <= _BARE_QUESTION_WORDS and _bare_question(words[k:mark]))), default=None)


_BARE_QUESTION_WORDS = 6  # the longest bare question: `What is the total parameter count`


def _bare_question(words: list[str]) -> bool:
    """Whether a sentence up to its `?` asks for an answer by naming it alone, as quizzes ask after the problem
    (`…, pad 2. Output volume size?`, `Number of parameters?`): the output or a count, and no number."""
    if not words or len(words) > _BARE_QUESTION_WORDS or any(any(c.isdigit() for c in w) for w in words):
        return False
    at = next((len(head) for head in _COUNT_HEADS if words[:len(head)] == list(head)), 0)
    return words[0] == "output" or _count_head(words, _skip(words, at, ("total", "learnable", "trainable"))) is not None


_COLOUR_WORDS = {"rgb", "color", "colour", "colored", "coloured"}  # a told image of three channels
_GREY_WORDS = {"grayscale", "greyscale", "gray", "grey", "monochrome", "grayscaled"}  # of one
_CLAUSE_WORDS = (",", ".", ";", "and", "with", "we", "you", "through", "goes", "is", "that")  # end an input's words


def _told_input_at(tokens: list[Tok], words: list[str]) -> int | None:
    """Where a told problem's input is named: the first `input` or `image` (`an input of 32x32x3`, `a 32x32x3
    image`), or `volume` right after a volume before any word of the output (`… is applied to a 56x56x64 volume`;
    not `… gives a 28x28x64 volume`); None when the sentence names none."""
    return next((k for k, w in enumerate(words) if w in ("input", "image") or
                 (w == "volume" and k and tokens[k - 1].kind == "DIMS" and not _TOLD_OUTPUT & set(words[:k]))),
                None)


def _told_units(tokens: list[Tok], words: list[str]) -> Tok | None:
    """The width of a fully connected layer told in a sentence (Ng's `If the first hidden layer has 100 neurons,
    each one fully connected to the input`, `a fully connected layer with 100 units`, `An FC layer with 10 outputs
    on a 7x7x512 input`): the one number before `neurons`, `units` or `outputs` in a sentence that says `fully
    connected` (or `dense`, `FC`) and tells no filters or pool; None otherwise."""
    said = set(words)
    if not ("dense" in said or "fc" in said or any(words[k:k + 2] == ["fully", "connected"] or words[k:k + 3] ==
                                                   ["fully", "-", "connected"] for k in range(len(words)))):
        return None
    if said & (_TOLD_POOLS | {"filters", "kernels", "filter", "kernel", "followed", "second", "layers", "relu",
                              "batchnorm", "dropout"}):
        return None
    units = [t for t, after in zip(tokens, words[1:]) if after in ("neurons", "units", "outputs") and
             t.kind == "NUM" and t.text.isdigit() and len(t.text) <= limits.MAX_LITERAL_DIGITS]
    return units[0] if len(units) == 1 else None


def _told_padding(tokens: list[Tok], words: list[str]) -> Tok | None:
    """The padding of a volume told to be padded and nothing more (Ng's `You have an input volume that is 15x15x8,
    and pad it using "pad=2"`, `… and zero-pad it with 2 pixels`): its one number, after `pad=`, `pad of`,
    `padding of` or before `pixels`; None when the sentence tells filters, a pool or neurons too, or says no
    `pad it`."""
    said = set(words)
    if said & (_TOLD_POOLS | {"filters", "kernels", "filter", "kernel", "neurons", "units", "conv", "convolve",
                              "convolution", "convolutional"}):
        return None
    if not any(words[k:k + 2] in (["pad", "it"], ["zero", "-"], ["padded", "with"], ["padding", "it"])
               or words[k:k + 3] == ["zero", "pad", "it"] for k in range(len(words))):
        return None
    found = []
    for k, t in enumerate(tokens):
        if t.kind != "NUM" or not t.text.isdigit() or len(t.text) > limits.MAX_LITERAL_DIGITS:
            continue
        before, after = words[max(0, k - 2):k], words[k + 1:k + 2]
        if (before[-1:] == ["="] and before[:1] in (["pad"], ["padding"])) or \
                before in (["pad", "of"], ["padding", "of"]) or after in (["pixels"], ["pixel"]):
            found.append(t)
    return found[0] if len(found) == 1 else None


def _told_depth(words: list[str], at: int, volume: int) -> int:
    """The depth of a told input written as its height and width (`a 300 by 300 color (RGB) image`), from the
    words of `input`/`image` at `at` and the volume at `volume`, up to the first comma or clause after both: 3 when
    they call it a colour image (`RGB`, `color`), else 1, as the lecture's exercises take a 7x7 input (a
    grayscale image, `grayscale`, says so)."""
    end = next((k for k in range(max(at, volume) + 1, len(words)) if words[k] in _CLAUSE_WORDS), len(words))
    said = set(words[max(0, min(at, volume) - 3):end])
    return 3 if said & _COLOUR_WORDS and not said & _GREY_WORDS else 1


_ANSWER_WORD_LISTS = [[word] for word in ir.ANSWER_WORDS]  # a word that names an answer, as a slice of words holds it
_TOLD_POOLS = {"pool", "pooling", "maxpool", "avgpool", "maxpooling", "avgpooling"}  # a pool told in a sentence
# words near a number that may set a told layer's stride or padding (`moving 2 pixels at a time`, `a border of 2
# zeros`): such a number, unread, is E060
_TOLD_SETTINGS = frozenset({"pixel", "pixels", "zero", "zeros", "padding", "padded", "pad", "border", "borders", "step",
                            "steps", "stride", "strides", "strided", "moving", "moves", "move", "shift", "shifts",
                            "shifted", "slide", "slides", "sliding", "jump", "jumps", "hop", "hops", "horizontally",
                            "vertically", "horizontal", "vertical"})
_TOLD_WINDOW = {*_TOLD_POOLS, "max", "average", "avg", "mean", "window", "windows"}  # after a pool's window: `a 2x2 max
# pool`, `with a 3x3 window`
_TOLD_CONV = {"conv", "convolution", "convolutional", "convolutions", "convolve", "convolved"}  # a convolution told
_TOLD_OTHERS = {"pool", "pooling", "maxpool", "avgpool", "fully", "fc", "dense", "followed", "second", "layers",
                "relu", "batchnorm", "dropout"}  # a sentence telling more than one convolution
_TOLD_KERNEL = ("filter", "filters", "kernel", "kernels", "conv", "convolution", "convolutional")  # `a 3x3 conv`
# words that change a told layer in ways the sentence reader does not follow, or only with their number (`dilation 2`)
_TOLD_UNREAD = frozenset({"dilation", "dilated", "atrous", "groups", "group", "grouped", "depthwise", "channelwise",
                          "separable", "transposed", "transpose", "deconvolution", "deconvolutional", "deconv",
                          "upsampling", "fractionally", "ceil", "ceiling"})
_TOLD_OUTPUT = frozenset(("output", "produces", "gives", "yields", "giving", "producing", "give", "produce", "yield",
                          "get", "gets", "obtain", "obtains", "results"))  # a told problem's answer follows
_PROBLEM = re.compile(r"(?:#+[ \t]*)?(?:problem|exercise|task)[ \t]*[0-9]+[a-z]?\b", re.I)  # `## Problem 3`
_QUESTION = re.compile(r"(?:q|question|exercise|ex|problem|task|part|homework|hw|assignment)[0-9]*[a-z]?")
_ANSWER = re.compile(r"(?:a|ans|answer|sol|solution)[0-9]*[a-z]?")  # `A1:`, `Answer 2.`, `Solution:`
_IMPERATIVES = (("compute",), ("find",), ("give",), ("calculate",), ("determine",), ("work", "out"))  # `Compute …`
_OPENERS = (("what", "is"), ("what", "are"), ("what", "'", "s"), ("what", "’", "s"), ("how", "many"),
            ("how", "big", "is"), ("how", "large", "is"), ("what", "size", "is"), *_IMPERATIVES)


def _instruction_asked(tokens: list[Tok]) -> list[Tok] | None:
    """A line with a sentence that instructs to find an answer and gives none (`… pad 2. Compute the number of
    learnable parameters.`, `Find the output dimensions`, `… Compute the number of MACs. 768,000`), as the question it
    asks, its full stop a `?` (the answer below, or after it, was read without it: a right count judged as an output,
    a wrong one after it passed unjudged); None for any other line."""
    if not tokens or "?" in (t.text for t in tokens):
        return None
    words = [t.lower for t in tokens]
    stops = [j for j, w in enumerate(words) if w == "."]
    for start, end in reversed(list(pairwise([_lead(tokens) - 1, *stops, len(words)]))):
        said = words[start + 1:end]
        if any(said[:len(opening)] == list(opening) for opening in _IMPERATIVES) and \
                not any(t.kind in ("NUM", "DIMS") for t in tokens[start + 1:end]) and \
                (_ASKED_QUANTITIES.intersection(said) or "dimensions" in said or _count_said_words(said)):
            last = tokens[end - 1]
            return [*tokens[:end], Tok("P", "?", last.end, last.end), *tokens[end + 1:]]
    return None


def _heading_asked(tokens: list[Tok], below: str | None) -> list[Tok] | None:
    """An answer's heading alone, its answer alone on the line below (`Number of parameters:`, then `760`; `Output
    size:`, then `(7 - 3)/2 + 1 = 3`), as the question it asks, its colon a `?`. Read apart, the heading was E060
    (no count after its colon) or prose, and the answer below prose: a wrong one passed unjudged. None for any other
    line, or an answer below that is not alone (a list's numbered lines, a labelled line, read as they are)."""
    if below is None or len(tokens) < 2 or tokens[-1].text != ":" or _each_layers(tokens, False) is not None:
        return None  # (`Output size after each layer:`, `Output sizes:` head a list, one answer a layer)
    head = tokens[_lead(tokens):-1]
    words = [t.lower for t in head]
    if not head or any(t.kind in ("DIMS", "ARROW") or t.text in (":", "=", "?", ",", ";") for t in head) or \
            not (_count_said_words(words) or _ASKED_QUANTITIES.intersection(words)):
        return None
    answer = _tokens(below, 0)  # (a number, a volume or a working first: not `Layer 1: … = 1216`, its layer's)
    labelled = any(t.text == ":" and answer[j + 1:j + 2] and answer[j + 1].text != "-" for j, t in enumerate(answer))
    if not answer or _lead(answer) or labelled or _bare_answer(answer) != 0 or \
            not (answer[0].kind in ("NUM", "DIMS") or answer[0].text in ("(", "[") or _no_fit(answer)):
        return None
    return [*tokens[:-1], Tok("P", "?", tokens[-1].start, tokens[-1].end)]


def _count_said_words(words: list[str]) -> bool:
    """Whether words name a count (`parameters`, `MACs`, `the number of weights`)."""
    return any(w in ir.ANSWER_WORDS or _count_head(words, j) is not None for j, w in enumerate(words))
_ASKING = (*_OPENERS, ("what", "padding"), ("what", "zero"), ("how", "much"))  # a question's start: `What padding …?`


def _opener(words: list[str]) -> int:
    """Where a question's subject starts after its opening words (`What is the output?`, `How many
    parameters …?`): the answer after its `?` is read as a statement's after `:`."""
    at = next((len(o) for o in _OPENERS if words[:len(o)] == list(o)), 0)
    if words[at:at + 1] == [":"]:
        return 0  # `Compute: 105M MACs`, a heading of its answer, not an instruction
    return _skip(words, at, ("the", "its")) if at else 0  # (`What is its output?`: the layer's above)


_ARITHMETIC = ("+", "-", "−", "–", "*", "/", "·", "×")  # the operators of a working (`−`, U+2212, as typeset)
_WORKING_MARKS = frozenset((*_ARITHMETIC, *_TIMES_SIGNS, "(", ")"))  # what a working holds beside its numbers


def _in_working(tokens: list[Tok], j: int) -> bool:
    """Whether the sizes at `j` are a product in a working, not a volume: an operator between them and a number
    before them (`(32 - 5 + 2x2)/1 + 1`, `2x2` for 2·2), or, inside parentheses, one after them with a number next
    (`(2x2 + 32 - 5)/1 + 1`). (`Output - 32x32x10` and `32x32x10 - 10 filters` say a volume.)"""
    if j >= 2 and tokens[j - 1].text in _ARITHMETIC and (tokens[j - 2].kind in ("NUM", "DIMS") or
                                                          tokens[j - 2].text == ")"):
        return True
    opened = _opened_before(tokens, j)
    after = tokens[j + 1:j + 3]
    return opened and len(after) == 2 and after[0].text in _ARITHMETIC and after[1].kind == "NUM"


def _marker(words: list[str], tokens: list[Tok], at: int) -> int | None:
    """Where a count's answer starts: after the last `=` (or `≈`, or a `~` said for it: `MACs ~ 118K`), else after the
    first `:` or `?` from `at`, else
    after `is` (`are`, `equals`) followed by a number.
    A `?` with no number after it is a question left unanswered (prose), not an answer cnncalc cannot read.
    An `=` in parentheses is the working's (`34,944 (= (11*11*3+1)*96)`)."""
    depth, equals = 0, []
    for j in range(at, len(words)):
        depth += (words[j] == "(") - (words[j] == ")")
        if (words[j] in ("=", "≈") or _tilde_said(words, tokens, j)) and depth <= 0:
            equals.append(j)
    if equals:
        return equals[-1]
    marker = next((j for j in range(at, len(words)) if words[j] in (":", "?")), None)
    if marker is not None and words[marker] == "?" and all(t.kind != "NUM" for t in tokens[marker + 1:]):
        return None
    if marker is None:  # `The number of parameters is 760`: a verb, then the number
        marker = next((j for j in range(at, len(words) - 1) if words[j] in ("is", "are", "equals") and
                       tokens[j + 1].kind == "NUM"), None)
    return marker


def _tilde_said(words: list[str], tokens: list[Tok], j: int) -> bool:
    """Whether the `~` at `j` stands for `≈` between a count's word and its number (`MACs ~ 118K`, spaced) or
    between a count and itself rounded (`= 34,944 ~ 35K`, as `34,944 ≈ 35K`: it was E060), not before a number as
    its sign of rounding (`Params: ~35K`)."""
    return words[j] == "~" and 0 < j < len(words) - 1 and tokens[j - 1].kind in ("WORD", "NUM") and \
        tokens[j + 1].kind == "NUM" and tokens[j].start > tokens[j - 1].end


def _quantity(word: Tok) -> str:
    return ir.ANSWER_WORDS.get(word.lower, "params")


# The layers a sheet writes as a call, `CONV(10 filters, 5x5, stride 1, pad 2)`, `FC(10)`, `INPUT [32x32x3]`
_CALLED = {"conv", "convolution", "pool", "maxpool", "avgpool", "fc", "dense", "linear", "relu", "softmax", "dropout",
           "norm", "lrn", "bn", "batchnorm", "flatten", "input"}


def _called(tokens: list[Tok]) -> list[Tok]:
    """`CONV(10 filters, 5x5, stride 1, pad 2)` as `CONV: 10 filters, 5x5, stride 1, pad 2` (`CONV1 (…)`, with a
    space, is a name and its description already), `INPUT [32x32x3]` as `INPUT: 32x32x3`: one kind's name, then
    the whole rest of the line in parentheses or brackets, or up to the arrow of its answers (`CONV(10 filters,
    5x5) -> [32x32x10]`, which reads as `CONV: 10 filters, 5x5 -> [32x32x10]`). A function of code
    (`convolution2dLayer(11, 96)`) is no such name."""
    if len(tokens) < 3 or tokens[0].kind != "WORD" or tokens[1].text not in ("(", "[") or \
            tokens[0].text.lower().rstrip("0123456789") not in _CALLED:
        return tokens
    closing = {"(": ")", "[": "]"}[tokens[1].text]
    end = next((i for i, t in enumerate(tokens) if t.text == closing), len(tokens))
    after = tokens[end + 1:]
    after = _one_arrow(after)  # (`=>` too)
    if end == len(tokens) or (after and after[0].kind != "ARROW"):
        return tokens  # no closing bracket, or something other than answers after it
    inside = _activation_dropped(tokens[2:end])  # (Keras' `Dense(10, activation='relu')`: it changes no count)
    if any(t.text in ("(", ")", "[", "]") for t in inside):
        return tokens  # `CONV(10 filters (5x5)) -> (32x32x10)`: not one description
    if tokens[0].lower == "linear" and [t.kind for t in inside[:3]] == ["NUM", "P", "NUM"] and \
            (len(inside) == 3 or inside[3].text == ","):
        return tokens  # PyTorch's `Linear(3072, 100)`, its inputs then its outputs (`, bias=False` after them): the
        # framework's call (`called`)
    if tokens[1].text == "(" and tokens[1].start > tokens[0].end and _label(tokens[:1]) is not None:
        return tokens  # `CONV1 (96 11x11 filters, …)`: `parenthesised`
    if _family(tokens[0].lower) == "pool" and [t.text if t.kind == "P" else t.kind for t in inside] in (
            ["NUM"], ["NUM", ",", "NUM"]) and inside[0].text.isdigit() and inside[-1].text.isdigit() and \
            len(inside[0].text) <= limits.MAX_LITERAL_DIGITS:
        # `maxpool(2)`, `maxpool(3, 2)`: a window's side, then its stride (the window's, unless given), as PyTorch's
        # `MaxPool2d(2)` and Keras' `MaxPooling2D(2)` read them (it was E060)
        side, stride = inside[0], inside[-1]
        inside = [Tok("DIMS", f"{side.text}x{side.text}", side.start, side.end), Tok("P", ",", side.end, side.end),
                  Tok("WORD", "stride", stride.start, stride.start), stride._replace()]
    return [tokens[0], Tok("OPENED", ":", tokens[1].start, tokens[1].end), *inside, *after] if inside else \
        [tokens[0], *after]


def _a_call(tokens: list[Tok]) -> bool:
    """A line that is a layer written as a call (`CONV(96, 11x11)`, `FC(10) -> 10`, a framework's `nn.Conv2d(3, 32,
    3)`): read as one or E060, never prose (passed over, its layer would vanish and the answers after it be judged
    without it)."""
    lead = _lead(tokens)
    if _call_at([t.lower for t in tokens], lead) is not None:
        return True  # a framework's call, `nn.Conv2d(3, 32, 3) gives …`, `Conv2D(32, (3, 3)): out …`
    if len(tokens) <= lead + 1 or tokens[lead].kind != "WORD" or \
            tokens[lead].lower.rstrip("0123456789") not in _CALLED - {"input"}:
        return False
    return tokens[lead + 1].text in ("(", "[") and tokens[lead + 1].start == tokens[lead].end


def _said(raw: str, line_start: int, tokens: list[Tok]) -> str:
    """A line's text as written, after its bullet and before the arrow of its answers (60 characters at most)."""
    lead = _lead(tokens)
    start = tokens[lead].start if lead < len(tokens) else line_start
    end = next((t.start for t in tokens[lead:] if t.kind == "ARROW"), line_start + len(raw))
    said = raw[start - line_start:end - line_start].strip()
    return said if len(said) <= 60 else said[:57] + "..."


def _layer_like(tokens: list[Tok], labels: set[str]) -> bool:
    """A line that starts with a kind of layer (conv, pool, FC), or a count and one, and holds a number or a size,
    and is no question: a layer however written (`Max-pool 2x2, stride 2`, `CONV 10x5x5 stride 1 pad 2`, `10 conv
    filters 5x5 stride 1 pad 2`). A sentence about one (`After CONV1: …`, `Feature visualization of convolutional
    net …`) does not start so, nor a line about a layer stated above, by its name in `labels` (`POOL1 output: …` said
    again)."""
    words = tokens[_lead(tokens):]
    if _bare_pool(" ".join(t.lower for t in words)):
        return True  # `max pool` alone: a pool without its window (skipped, the answers after it would be misjudged)
    if len(words) < 2 or words[-1].text == "?" or not any(t.kind in ("NUM", "DIMS") for t in words[1:]):
        return False
    if words[0].lower in labels:
        return False
    if len(words) > 3 and words[0].lower == "layer" and words[1].kind == "NUM" and words[2].text in (":", "-") and \
            all(t.kind == "WORD" for t in words[3:]):
        return True  # `Layer 4: Normalization`: a layer stated by its place, its kind not one cnncalc can tell
    # what describes one layer: a size (`2x2`), its words (`10 filters`, `stride 2`, `100 neurons`), or a call; not a
    # sentence about layers in general (`Conv layers keep the size when pad = (F - 1)/2`)
    said = {t.lower for t in words}
    if "layers" in said or said & _SENTENCE_WORDS or not (any(t.kind == "DIMS" for t in words) or
                                                          said & _DESCRIBING or
                                                          (words[1].text == "(" and words[1].start == words[0].end)):
        return False
    words = words[_skip([t.lower for t in words], 0, _STATEMENT_LEADS):]  # `Then a FC layer with 10 outputs`
    if words and (words[0].kind in ("NUM", "DIMS") or words[0].lower in ("a", "an", "the")):  # `10 conv filters …`
        words = words[1:]
    if len(words) < 2:
        return False
    name = words[0].lower + (words[1].text + words[2].lower if len(words) > 2 and words[1].text == "-" else
                             words[1].lower if words[0].lower in ("max", "avg", "average") else "")  # `max pooling`
    return words[0].kind == "WORD" and (_family(name) is not None or name == "hidden")  # (`Hidden layer: 100 …`)


def _bare_pool(said: str) -> bool:
    """A pool's kind alone (`max pool`, `maxpool`, `avg pool`; not `Max Pooling`, a heading's)."""
    return re.findall(r"[a-z]+|-", said.lower()) in _BARE_POOLS


def _pool_line(line: object) -> bool:
    """A line that states a pool (`POOL1: 2x2 filters at stride 2`)."""
    return isinstance(line, ir.Line) and bool(line.items) and isinstance(line.items[0], ir.LayerCall) and \
        line.items[0].keyword in ("maxpool", "avgpool")


def _pooling_remark(tokens: list[Tok], above: ir.Line) -> bool:
    """A line of prose under a layer that names a pooling or resampling step and leads to what follows it (ending
    with a colon, or starting with `After`: `After pooling:`, `The pooling halves it:`, `Subsampled:`): the answers
    right under it may be that step's, so they are not judged against the layer above (a right pooled 16x16x10 was
    marked wrong as the convolution's); so does one that says the size the step gives (`Pooling reduces 32 to 16`,
    `Pool: no params, halves the size to 16x16`). Followed by anything else it stays prose. Not when the layer above
    is of that kind (the remark is about it)."""
    words = [t.lower for t in tokens[_lead(tokens):]]
    kinds = [t.kind for t in tokens[_lead(tokens):]]
    said = {w for w in words if w.startswith(_POOLING_WORDS)}
    result = any(w in ("to", "into") and kinds[j + 1:j + 2] in (["NUM"], ["DIMS"]) for j, w in enumerate(words))
    if not said or len(words) > 24 or "?" in words or not (words[-1] == ":" or words[0] == "after" or result):
        return False
    item = above.items[-1] if above.items else None
    keyword = item.keyword if isinstance(item, ir.LayerCall) else ""
    resampling = {w for w in said if w.startswith(("upsampl", "unpool", "resiz", "interpolat"))}
    return not ("pool" in keyword and not resampling) and not (keyword in ("upsample", "resize") and resampling == said)


_REMARK_HINT = ("state the step as a layer above its answers (`POOL1: 2x2 max pool, stride 2`), or answer the layer "
                "above before the remark")
_POOLING_WORDS = ("pool", "maxpool", "avgpool", "downsampl", "subsampl", "upsampl", "unpool", "halv", "resiz",
                  "interpolat")  # (each word's start)


def _resizing_step(tokens: list[Tok]) -> bool:
    """A short line that names a layer changing the map's size, with a size or a factor, which `_layer_like` does
    not take for one (`Upsample x2`, `2x upsampling`, `Max-pool /2`, `3x3 conv`, `Crop 2`, `Resize
    64x64`, `ZeroPad 1`): skipped as prose, the answers after it would be judged on the wrong input."""
    words = tokens[_lead(tokens):]
    said = [t.lower for t in words]
    if not 2 <= len(words) <= 6 or "?" in said or _SENTENCE_WORDS.intersection(said) or \
            not any(w.startswith(_RESIZING) for w in said):
        return False
    # a size or a factor, not a heading's number (`Conv 1`, `Pool 2`, `Step 2: pooling`)
    return any(t.kind == "DIMS" or re.fullmatch(r"x[0-9]+", t.lower) is not None or
               (t.kind == "BAD" and t.text.isdigit() and after is not None and after.lower.startswith("x")) or
               (t.kind == "NUM" and before is not None and (before.text == "/" or before.lower.startswith(_FACTORED)))
               for before, t, after in zip([None, *words], words, [*words[1:], None]))


def _step_sentence(tokens: list[Tok]) -> bool:
    """A short sentence that takes a step changing the map's size, in words cnncalc does not read as a layer (`Then
    max pooling is applied.`, `Next we upsample by 2.`, `Then we apply global average pooling.`): skipped as prose,
    the answers after it would be judged on the layer above's output (a right pooled size marked wrong)."""
    words = [t.lower for t in tokens[_lead(tokens):]]
    return 2 <= len(words) <= 12 and words[0] in ("then", "next", "now", "finally", "afterwards", "we", "apply") and \
        "?" not in words and any(w.startswith(_RESIZING) or w.startswith("global") for w in words[1:]) and \
        (words[0] in ("then", "next", "now", "finally", "afterwards") or any(w.startswith(_TAKING) for w in words)) \
        and not _ABOUT_COUNTS.intersection(words)  # (a step in sequence or taken: not `Now we count the parameters`)


_TAKING = ("appl", "use", "add", "upsampl", "downsampl", "pooled", "followed")  # the words of a step taken
_ABOUT_COUNTS = frozenset(("compute", "count", "calculate", "find", "determine", "parameters", "params", "number",
                           "total", "macs", "layers"))  # about working out the counts, or layers in general: no step


_FACTORED = ("upsampl", "unpool", "downsampl", "subsampl", "zeropad", "crop", "resiz", "by", "factor",
             "scale")  # the words whose number is a size or a factor (`Crop 2`, `Upsample by 2`)
# (each word's start; not `pad` or `padding`: `Zero padding 2` under a layer is more often a remark on its padding)
_RESIZING = ("upsampl", "unpool", "downsampl", "subsampl", "pool", "maxpool", "avgpool", "conv", "deconv",
             "upconv", "zeropad", "crop", "resiz", "interpolat")
# a pool's kind alone on its line (not `Max Pooling`, a heading)
_BARE_POOLS = (["maxpool"], ["max", "pool"], ["max", "-", "pool"], ["avgpool"], ["avg", "pool"], ["average", "pool"])
_DESCRIBING = frozenset(("filters", "filter", "kernels", "kernel", "stride", "pad", "padding", "neurons", "units",
                         "outputs"))
_STATEMENT_LEADS = ("then", "next", "finally", "and", "now", ",")  # before a layer's statement: `Then a FC layer …`
# words of a sentence about a layer, not of its statement (`Conv keeps the 32x32 size because pad = 2`)
_SENTENCE_WORDS = frozenset(("is", "are", "was", "were", "be", "has", "have", "keeps", "keep", "halves", "halve",
                             "preserves", "preserve", "reduces", "reduce", "needs", "need", "gives", "give",
                             "produces", "produce", "makes", "make", "becomes", "become", "means", "because", "so",
                             "since", "which", "that", "this", "it", "its", "does", "do", "will", "would", "can",
                             "should", "must", "we", "you", "why", "how", "what", "when", "if"))


_FOLLOWS = tuple(sorted((("follows",), ("follow",), ("comes", "next"), ("is", "next"), ("comes", "after"),
                         ("is", "applied"), ("is", "added"), ("is", "used"), ("is", "applied", "next"),
                         ("is", "added", "next"), ("after", "that"), ("afterwards",), ("comes", "after", "it"),
                         ("is", "applied", "after", "it"),
                         # (to what the layer above gives: `… is applied to this output`)
                         *(("is", verb, to, *what) for verb in ("applied", "added") for to in ("to", "on")
                           for what in (("the", "output"), ("this", "output"), ("its", "output"), ("that", "output"),
                                        ("it",), ("the", "result"), ("the", "output", "of", "the", "previous", "layer"),
                                        ("the", "previous", "layer", "'", "s", "output"),
                                        ("the", "output", "of", "the", "layer", "above")))), key=len, reverse=True))


# a step without numbers said in a sentence (`Then we flatten the output.`, `Apply batch normalization.`): its words,
# the words that may lead it, and those that may follow
_STEPS = {("flatten",): "Flatten", ("flattening",): "Flatten", ("batch", "normalization"): "Batch normalization",
          ("batch", "norm"): "Batch normalization", ("batchnorm",): "Batch normalization", ("relu",): "ReLU",
          ("dropout",): "Dropout", ("softmax",): "Softmax"}
_STEP_LEADS = ("then", "next", "finally", "now", "and", ",", "we", "apply", "add", "use", "a", "an", "do")
_STEP_TAILS = frozenset(("the", "output", "volume", "it", "this", "into", "to", "a", "vector", "layer", "maps",
                         "feature", "activations", "is", "applied", "next", "here", "1d", "one", "-", "dimensional",
                         "activation", "function", "nonlinearity", "."))


_OUTPUT_VERBS = ("outputs", "produces", "gives", "returns", "yields")


_KIND_ONLY = {"conv", "convolution", "convolutional", "max", "avg", "average", "pool", "pooling", "maxpool",
              "avgpool", "maxpooling", "avgpooling", "layer", "fc", "dense", "fully", "connected", "-"}


def _kind_parenthesised(tokens: list[Tok]) -> list[Tok]:
    """A layer named by its kind alone with its description in parentheses, then its answers after a colon or an
    arrow (`maxpool (3x3, stride 2, pad 1): 56x56x64`, `conv (3x3, 64, stride 1, pad 1) -> …`, its size before them,
    `Conv 3x3 (64 filters, same) -> …`, after a layer's number, `Layer 1: CONV (8 filters, 4x4)`), as the kind then
    the description (`maxpool 3x3, stride 2, pad 1 ->
    56x56x64`, `Conv 3x3, 64 filters, same -> …`), which an unnamed layer's readers read; a name with a
    number goes through `_LineReader.parenthesised`. A framework's call, then its answers after a colon
    (`Conv2d(1, 32, kernel_size=3): 26x26x32`), as after an arrow. Other tokens as they are."""
    opening = next((j for j, t in enumerate(tokens) if t.text == "("), 0)
    words = [t.lower for t in tokens]
    # `Layer 1: CONV (8 filters, 4x4, …)`: the layer's number before its kind stays as it is
    numbered = 3 if len(words) > 3 and words[0] == "layer" and tokens[1].kind == "NUM" and words[2] == ":" else \
        _skip(words, 0, (*_STATEMENT_LEADS, "followed", "by"))  # (`then maxpool (2x2, stride 2)`, a told chain's step)
    call = _call_at(words, numbered) is not None
    sized = opening > 1 and tokens[opening - 1].kind == "DIMS"  # `Conv 3x3 (64 filters, same)`: its size first
    kind_end = opening - sized
    window = 1 if words[opening + 1:opening + 2] in (["kernel"], ["window"], ["size"]) else 0  # (`max pooling (kernel
    # 2, stride 2)`: the window's word before it)
    glued = opening and tokens[opening].start == tokens[opening - 1].end and not numbered  # `CONV(…)`: a call
    if not call and (not opening or glued or kind_end <= numbered or
                     any(w not in _KIND_ONLY for w in words[numbered:kind_end]) or
                     _layer_kind(" ".join(words[numbered:kind_end])) is None or
                     tokens[opening + 1 + window:opening + 2 + window] == [] or
                     tokens[opening + 1 + window].kind not in ("NUM", "DIMS")):
        return tokens
    depth = 0
    for j in range(opening, len(tokens)):
        depth += (tokens[j].text == "(") - (tokens[j].text == ")")
        if depth == 0:
            break
    else:
        return tokens
    after = tokens[j + 1:]
    if after and after[0].text == ":":
        after = [Tok("ARROW", "->", after[0].start, after[0].end), *after[1:]]
    elif after and after[0].kind != "ARROW":
        return tokens
    if call:
        return [*tokens[:j + 1], *after]
    comma = [Tok("P", ",", tokens[opening].start, tokens[opening].end)] if sized else []
    return [*tokens[:opening], *comma, *tokens[opening + 1:j], *after]


def _padding_in_words(words: list[str]) -> int:
    """How many words say a padding in pixels or zeros at the start of `words` (`2 pixels of zero padding`, `2 pixels
    of zero-padding`, `padded with 2 zeros`; the number among them); 0 for anything else."""
    if words[:1] == ["padded"] and words[1:2] == ["with"] and words[2:3] and words[2].isdigit() and \
            words[3:4] in (["zeros"], ["zero"], ["pixels"], ["pixel"]):
        return 4
    if not words[:1] or not words[0].isdigit() or \
            words[1:3] not in (["pixels", "of"], ["pixel", "of"], ["zeros", "of"]):
        return 0
    at = 3 + (words[3:4] == ["zero"]) + (words[3:5] == ["zero", "-"])
    return at + 1 if words[at:at + 1] in (["padding"], ["pad"]) else 0


def _running_said(words: list[str]) -> int:
    """How many words say a batch norm's running statistics after its learnable count (`plus 64 running statistics`,
    `+ 64 non-trainable`, `and 64 running mean/variance values`): passed over, as Keras' non-trainable parameters are
    no answer cnncalc judges (`Totals.non_trainable`); 0 for anything else."""
    at = _skip(words, 0, (",", "plus", "+", "and"))
    if not at or not re.fullmatch(r"[0-9][0-9,]*", words[at] if at < len(words) else ""):
        return 0
    said = words[at + 1:]
    for phrase in (["running", "statistics"], ["running", "stats"], ["non", "-", "trainable"], ["nontrainable"],
                   ["running", "mean", "and", "variance"], ["running", "mean", "/", "variance"], ["buffers"]):
        if said[:len(phrase)] == phrase:
            end = at + 1 + len(phrase)
            return end + (words[end:end + 1] in (["params"], ["parameters"], ["values"]))
    return 0


def _pad_unit_length(words: list[str]) -> int:
    """How many words after a padding's number say only where it goes (`pixels`, `px`, `on each side`, `on all sides`,
    `per side`, `all around`): they change nothing, and were E060."""
    at = 1 if words[:1] in (["pixels"], ["pixel"], ["px"], ["zeros"], ["zeroes"]) else 0
    for said in (["on", "each", "side"], ["on", "all", "sides"], ["on", "every", "side"], ["on", "both", "sides"],
                 ["on", "all", "four", "sides"], ["each", "side"], ["per", "side"], ["all", "around"],
                 ["around", "the", "border"]):
        if words[at:at + len(said)] == said:
            return at + len(said)
    return at


def _pool_said(said: list[str], keyword: str) -> str:
    """The pool's kind its description's words say (`avg`, `max`), over the name's."""
    if {"average", "avg", "mean", "avgpool", "avgpooling", "averagepooling", "subsampling"} & set(said):
        return "avgpool"  # (LeNet's subsampling averages its window, as `_layer_kind` reads the name)
    if {"max", "maxpool", "maxpooling"} & set(said):
        return "maxpool"
    return keyword


def _numbered_parenthesised(tokens: list[Tok]) -> list[Tok]:
    """`Layer 1 (CONV 5x5, 6 filters): 28x28x6` (`Layer 2 (max pool 2x2) -> …`): a layer numbered in words, its kind
    and description in parentheses, then its answers after a colon or an arrow, as `Layer 1: CONV 5x5, 6 filters ->
    28x28x6`, which `kind_named` reads; the kind alone in parentheses, the description after its colon (`Layer 3 (FC):
    10 neurons`, as `Layer 3: FC, 10 neurons`). Other tokens as they are (`Layer 1 (CONV1): …` names the layer)."""
    words = [t.lower for t in tokens]
    if not any(words[3:3 + len(kind)] == list(kind) for kind in _KIND_WORDS) or \
            tokens[2].start == tokens[1].end or ")" not in words:
        return tokens
    closing = words.index(")")
    after = tokens[closing + 1:]
    kind_alone = not any(t.kind in ("NUM", "DIMS") for t in tokens[3:closing])
    if after and after[0].text == ":" and kind_alone:  # `Layer 3 (FC): 10 neurons`: its kind, then its description
        after = [Tok("P", ",", after[0].start, after[0].end), *after[1:]]
    elif after and after[0].text == ":":
        after = [Tok("ARROW", "->", after[0].start, after[0].end), *after[1:]]
    elif after and after[0].kind != "ARROW":
        return tokens
    colon = Tok("P", ":", tokens[2].start, tokens[2].end)
    return [*tokens[:2], colon, *tokens[3:closing], *after]


def _kind_outputs(tokens: list[Tok]) -> list[Tok]:
    """`The pool outputs 16x16x10` (`The conv layer produces …`, `The pooling layer gives a 16x16x10 volume`, `The
    pooling layer output is …`, `Max-pool output = …`): a layer named by its kind and its output, as `Output of the
    pool: 16x16x10`; it was prose, the answer passed over. Other tokens as they are."""
    words = [t.lower for t in tokens]
    if "output" not in words and not any(w in _OUTPUT_VERBS for w in words):
        return tokens
    at = 1 if words[:1] == ["the"] else 0
    kind_at = at + (words[at:at + 1] in (["max"], ["avg"], ["average"])) + (words[at + 1:at + 2] == ["-"])
    named = _family_named(words, kind_at if kind_at < len(words) and words[kind_at] != "-" else at)
    verb = words[named[1]:named[1] + 2] if named is not None else []
    hyphened = words[at + 1:at + 2] == ["-"]  # `Max-pool output = …` (`Max pool output: …` is `_placed_first`'s)
    said = 1 if verb[:1] and verb[0] in _OUTPUT_VERBS and at else \
        2 if verb == ["output", "is"] or (hyphened and verb in (["output", "="], ["output", ":"])) else 0
    if named is None or not said:
        return tokens
    volume = _skip(words, named[1] + said, ("a", "an"))
    if volume >= len(tokens) or tokens[volume].kind != "DIMS" or \
            not set(words[volume + 1:]) <= {"volume", "output", "map", "maps", "."}:
        return tokens
    joint = tokens[named[1] + said - 1]
    return [Tok("WORD", "Output", tokens[0].start, tokens[0].start), Tok("WORD", "of", tokens[0].start,
                                                                          tokens[0].start),
            *(t for t in tokens[:named[1]] if t.text != "-"), Tok("P", ":", joint.start, joint.end), tokens[volume]]


def _flatten_answered(tokens: list[Tok], lines: list[ir.Line]) -> list[Tok]:
    """`After flattening we have 1568 values.` (`After flattening: 1568`, `Flattening gives 1568 values`, `Flattened:
    1568`): a flatten step and the length of what it gives, as `Flatten -> 1568`; under a flatten stated already, that
    one's output, `Output: 1568`; under an FC layer, which flattens what it receives, what it receives, `Input to this
    layer: 1568` (a flatten after it was judged against its output, a right length marked wrong). It was prose, a
    wrong length passed over. Other tokens as they are."""
    words = [t.lower for t in tokens]
    at = (words[:1] == ["after"]) + (words[1:2] == ["the"] and words[:1] == ["after"])
    if words[at:at + 1] not in (["flattening"], ["flatten"], ["flattened"]):
        return tokens
    count = _skip(words, at + 1 + (words[at + 1:at + 2] == ["layer"]), _FLATTENED_FILLER)
    if count >= len(tokens) or tokens[count].kind != "NUM" or not set(words[count + 1:]) <= _FLATTENED_TAIL:
        return tokens
    said, last = tokens[at], lines[-1].items[-1] if lines and lines[-1].items else None
    if isinstance(last, ir.LayerCall) and last.keyword == "flatten":  # that flatten's output (it was prose too)
        return [Tok("WORD", "Output", said.start, said.end), Tok("P", ":", said.end, tokens[count].start),
                tokens[count]]
    if isinstance(last, ir.LayerCall) and last.keyword == "fc":
        return [*(Tok("WORD", word, said.start, said.end) for word in ("Input", "to", "this", "layer")),
                Tok("P", ":", said.end, tokens[count].start), tokens[count]]
    return [Tok("WORD", "Flatten", said.start, said.end), Tok("ARROW", "->", said.end, tokens[count].start),
            tokens[count]]


# the words between a flatten said and the length it gives (`After flattening, we have …`, `Flattening gives a vector
# of …`), and after it (`… 1568 values.`)
_FLATTENED_FILLER = (",", ":", "=", "->", "we", "have", "get", "obtain", "there", "are", "is", "it", "gives", "yields",
                     "produces", "results", "in", "a", "vector", "of", "length", "size", "the", "output")
_FLATTENED_TAIL = frozenset(("values", "features", "neurons", "units", "inputs", "numbers", "elements", "entries",
                             "dimensions", "activations", "."))


def _step_said(tokens: list[Tok]) -> list[Tok]:
    """A step said in a sentence without numbers (`Then we flatten the output.`, `Next, a flatten layer.`, `Apply
    batch normalization.`, `Then we apply ReLU.`) as the line that states it (`Flatten`, `Batch normalization`,
    `ReLU`): read as prose, the answers under it went to the layer above (a right `Output: 1152` marked wrong as the
    convolution's volume, a ReLU's `params: 0` as the convolution's count). Other tokens as they are."""
    words = [t.lower for t in tokens]
    if not words or any(t.kind in ("NUM", "DIMS") for t in tokens):
        return tokens
    at = _skip(words, 0, _STEP_LEADS)
    said = next((p for p in _STEPS if tuple(words[at:at + len(p)]) == p), None)
    if said is None or words == _STEPS[said].lower().split() or not set(words[at + len(said):]) <= _STEP_TAILS:
        return tokens
    first, last = tokens[at], tokens[at + len(said) - 1]
    return [Tok("WORD", word, first.start, last.end) for word in _STEPS[said].split()]


_APPLIED_TO = tuple(sorted((("applied", "to", "the", "output", "of"), ("applied", "on", "the", "output", "of"),
                            ("on", "the", "output", "of"), ("applied", "to"), ("applied", "on")),
                           key=len, reverse=True))


def _on_the_last(tokens: list[Tok], lines: list[ir.Line]) -> list[Tok]:
    """A statement without the words that apply it to the layer right above (`POOL1 is a 3x3 max pool with stride 2
    applied to the output of CONV1`, `… applied to CONV1`): where it goes anyway. Applied to another layer, the
    words stay (E060: cnncalc does not branch a listing). Other tokens as they are."""
    last = lines[-1].items[0] if lines and lines[-1].items else None
    if not isinstance(last, ir.LayerCall) or last.label is None:
        return tokens
    words = [t.lower for t in tokens]
    for at in range(1, len(words)):
        said = next((len(p) for p in _APPLIED_TO if tuple(words[at:at + len(p)]) == p), 0)
        if not said:
            continue
        for size in (2, 1):  # `CONV 1`, `CONV1`
            name = tokens[at + said:at + said + size]
            if len(name) == size and (size == 1 or name[1].kind == "NUM") and _label(name) == last.label:
                return [*tokens[:at], *tokens[at + said + size:]]
    return tokens


# what a sentence says a layer described before it gives (`A 2x2 max pooling with stride 2 gives 16x16x16.`)
_GIVES = (["gives"], ["produces"], ["outputs"], ["yields"], ["giving"], ["producing"], ["results", "in"],
          ["resulting", "in"], ["which", "gives"], ["that", "gives"], ["to", "get"], ["and", "we", "get"],
          ["so", "we", "get"], ["so", "the", "output", "is"], ["and", "the", "output", "is"],
          ["so", "the", "output", "volume", "is"], ["its", "output", "is"], ["and", "its", "output", "is"],
          [",", "the", "output", "is"], ["which", "yields"], ["which", "produces"], ["halves", "the", "size", ":"])
# (`…, so the output is 24x24x16`, `…; its output is 32x32x16`: the layer's, stated before it)
# the words of a layer's description in such a sentence: one names the layer (a pronoun leading it, `It gives …`,
# `This gives …`, says the layer above, `_said_output`)
_GIVING_KINDS = {"pool", "pooling", "maxpool", "avgpool", "conv", "convolution", "convolutional", "fc", "fully",
                 "dense", "linear", "filters", "neurons"}
_POINTING_LEADS = {"it", "this", "that", "which", "we", "so", "the", "its", "these", "they"}


def _resized_to(words: list[str]) -> tuple[int, int] | None:
    """Where a resizing verb and its `to` are (`… then halves the spatial dimensions to 14x14x6`, `… reduces it to
    …`): the verb's start and how many words up to `to`; None when there is none."""
    for j in range(1, len(words)):
        if words[j] in _RESIZES:
            to = next((k for k in range(j + 1, min(len(words), j + 6)) if words[k] == "to"), None)
            if to is not None and all(w in _RESIZE_WORDS for w in words[j + 1:to]):
                return j, to - j + 1
    return None


def _layer_parenthesised(tokens: list[Tok]) -> list[Tok]:
    """`The max pooling layer (2x2, stride 2) gives 14x14x6.` (`The first conv layer (16 filters, 3x3) …`): a layer
    stated in a sentence by its kind, its description in parentheses after `layer`, as `The max pooling layer with
    2x2, stride 2 gives …` (it was prose, a wrong output passed unjudged); a pool or a convolution named alone, `Max
    pool (2x2, stride 2)`, `Conv (8 filters, 3x3, stride 2, pad 1)`, the same. Other tokens as they are."""
    words = [t.lower for t in tokens]
    at = next((j for j in range(1, min(len(words), 6)) if words[j] == "layer"), None)
    alone = at is None or words[:1] != ["the"] or words[at + 1:at + 2] != ["("] or \
        _layer_kind(" ".join(w for w in words[1:at] if w not in _ORDINALS)) is None
    if alone:
        # `Max pool (2x2, stride 2).`, `Then conv (8 filters, 3x3)`: a kind named alone before them, the line's whole
        start = _lead(tokens)
        start += words[start:start + 1] in (["then"], ["next"], ["now"], ["finally"])
        start += words[start:start + 1] == [","]
        at = next((j - 1 for j in range(start + 1, min(len(words), start + 4)) if words[j] == "("), None)
        if at is None or tokens[at].end == tokens[at + 1].start or \
                not all(t.kind == "WORD" for t in tokens[start:at + 1]) or _label(tokens[start:at + 1]) is not None \
                or _layer_kind(" ".join(words[start:at + 1])) not in ("maxpool", "avgpool", "conv"):
            return tokens  # (`nn.MaxPool2d(2)`, a call; `MaxPool 2x2 -> (32, 32, 32)`, its answer; `CONV1 (…)`)
    if at is None:
        return tokens
    depth = 0
    for j in range(at + 1, len(tokens)):
        depth += (tokens[j].text == "(") - (tokens[j].text == ")")
        if depth == 0:
            break
    else:
        return tokens
    if not any(t.kind in ("NUM", "DIMS") for t in tokens[at + 2:j]) or \
            (alone and words[j + 1:] not in ([], ["."]) and words[j + 1] not in _GIVING_AFTER):
        return tokens  # (alone, with answers after it: `conv (32, 3x3, stride 1, pad 1) -> …` reads as it is)
    opening = tokens[at + 1]
    return [*tokens[:at + 1], Tok("WORD", "with", opening.start, opening.end), *tokens[at + 2:j], *tokens[j + 1:]]


_GIVING_AFTER = frozenset(("to", "gives", "giving", "produces", "producing", "yields", "yielding", ","))  # `… (2x2) to`


def _named_parenthesised(tokens: list[Tok]) -> list[Tok]:
    """`POOL1 (2x2 max pool, stride 2) -> 32x32x32` (what `… gives 32x32x32` becomes): a layer's name, its
    description in parentheses, then its answers after an arrow, as `POOL1: 2x2 max pool, stride 2 -> 32x32x32`,
    which reads both as a new layer and as one stated above said again with its answers (read as a new layer of that
    name, it was E015, and a right output of the layer above was judged on a second pool, wrong). Other tokens as
    they are."""
    if len(tokens) < 5 or tokens[1].text != "(" or _label(tokens[:1]) is None or _family(tokens[0].lower) is None or \
            tokens[0].lower in _CALLS or not re.fullmatch(r"[a-z]+[0-9]+", tokens[0].lower):
        return tokens  # (a name as the notes write it, `POOL1`; not a framework's call, `Conv2d(1, 6, 5)`)
    closing = next((j for j, t in enumerate(tokens) if t.text == ")"), None)
    if closing is None or closing + 1 >= len(tokens) or tokens[closing + 1].kind != "ARROW" or \
            any(t.text in ("(", ")", "=") for t in tokens[2:closing]) or \
            not any(t.kind in ("NUM", "DIMS") for t in tokens[2:closing]):
        return tokens
    opening = tokens[1]
    return [tokens[0], Tok("P", ":", opening.start, opening.end), *tokens[2:closing], *tokens[closing + 1:]]


def _gives_arrow(tokens: list[Tok]) -> list[Tok]:
    """`A 2x2 max pooling with stride 2 gives 16x16x16.` (`Then max pooling (2x2, stride 2) gives …`, `…, giving
    32x32x32 with 4,640 parameters`, `Global average pooling gives 1x1x64.`): a layer described with its sizes (a
    global pooling has none), then what it gives, as the layer's line with an
    arrow, `… -> 16x16x16` (`-> 32x32x32, 4,640 parameters`). The layer was prose, and left out of the network. Other
    tokens as they are."""
    words = [t.lower for t in tokens]
    verb = next(((j, len(v)) for j in range(1, len(words)) for v in _GIVES if words[j:j + len(v)] == v), None) or \
        _resized_to(words)
    named = _label(tokens[:1]) is not None and _family(words[0]) is not None and words[1:2] == ["("]  # `POOL1
    # (2x2, stride 2) outputs …`: its description in parentheses (not `CONV1: 1000 parameters, the output is …`)
    if verb is None or (_GIVING_KINDS.isdisjoint(words[:verb[0]]) and not named) or not (
            any(t.kind in ("NUM", "DIMS") for t in tokens[:verb[0]]) or _global_pool(words[:verb[0]])):
        return tokens
    if words[0] in _POINTING_LEADS and _stated_of_kind(words[:verb[0]]) is None and \
            _stated_in_place(words[:verb[0]]) is None and not _we_apply(words):
        return tokens  # (`The first conv layer uses 16 filters …, giving …`, `We apply 16 filters …, which gives …`:
        # stated)
    at = _skip(words, verb[0] + verb[1], ("a", "an", "output", "of", "volume", "size", "shape", "dimensions", "with"))
    end = len(words) - (words[-1:] == ["."])  # (`producing an output of size 24x24x16`)
    said = tokens[at:end]
    if not said or said[0].kind != "DIMS":
        return tokens
    tail = [t.lower for t in said[1:]]
    if tail in ([], ["output"], ["volume"], ["feature", "maps"], ["activation", "maps"]):
        answers = said[:1]
    elif len(tail) == 3 and tail[0] in ("with", "and", ",") and said[2].kind == "NUM" and tail[2] in ir.ANSWER_WORDS:
        answers = [said[0], Tok("P", ",", said[1].start, said[1].end), *said[2:]]  # `… with 4,640 parameters`
    elif tail[-2:-1] == ["no"] and tail[-1] in ir.ANSWER_WORDS and tail[:-2] in (["and", "has"], ["with"], [","],
                                                                               [",", "with"], ["and"]):
        answers = [said[0], Tok("P", ",", said[1].start, said[1].end), *said[-2:]]  # `… and has no parameters`
    elif tail[:1] in (["with"], [","]) and tail[-1:] and tail[-1] in ir.ANSWER_WORDS and "=" in tail and \
            said[-2].kind == "NUM" and tail.index("=") == len(tail) - 3:
        # `…, with (5*5*6+1)*16 = 2416 parameters`: the count after its working
        answers = [said[0], Tok("P", ",", said[1].start, said[1].end), *said[-2:]]
    else:
        return tokens
    before = verb[0] - (words[verb[0] - 1] in (",", ";", "then"))  # (`…, stride 2 then halves it to …`)
    before -= before > 1 and words[before - 1] == "," and words[before] == "then"
    joint = tokens[verb[0] + verb[1] - 1]
    # `After a 2x2 max pool with stride 2, the output is …`: the layer the sentence states, after its `After`
    start = words[:2] in (["after", "a"], ["after", "an"]) and words[verb[0]] == ","
    return [*tokens[start:before], Tok("ARROW", "->", tokens[verb[0]].start, joint.end), *answers]


def _we_apply(words: list[str]) -> bool:
    """`We apply 16 filters …`, `We then use a 2x2 max pool …`: a sentence that states a layer by what we do."""
    return words[:1] == ["we"] and not {"apply", "use", "add"}.isdisjoint(words[1:3])


def _colon_before_answers(tokens: list[Tok]) -> list[Tok]:
    """`Dense layer with 128 units: params = 200832` (`A 2x2 max pool with stride 2: output 16x16x16`, `3x3 conv, 192
    filters (pad 1): output 28x28x192`, its options in parentheses): a layer described with its numbers (no name, no
    place: `Layer 2 (conv 3x3): …`, `CONV1: …` are read as they are), then its answers after a `:`, as after a `,`,
    or after an answer's word and its `:` (`max pool 2x2 stride 2   output: 46x46x32`: E060, `stride 2` read as a
    layer's name). The line was prose, its answers passed over. Other tokens as they are."""
    colon = next((j for j, t in enumerate(tokens) if t.text == ":"), None)
    named = colon is not None and colon > 3 and tokens[colon - 1].lower in (*ir.ANSWER_WORDS, "output") and \
        tokens[colon - 2].text != "," and not any(t.kind == "ARROW" for t in tokens[:colon]) and (
            any(t.kind == "DIMS" for t in tokens[:colon - 1]) or
            not _DESCRIBED_BY.isdisjoint(t.lower for t in tokens[:colon - 1]) or
            ([t.lower for t in tokens[colon - 3:colon - 2]] in (["connected"], ["dense"]) and
             tokens[colon - 2].kind == "NUM"))  # `max pool 2x2 stride 2   output: 46x46x32`, `fully connected 128
    # params: …`: an answer's word before its `:` after a description (not a name's: `CONV layer 1 params: …`)
    if named and colon is not None and colon + 1 < len(tokens):
        colon -= 1  # (its word was read as a layer's name's, `STRIDE2`: E060)
    elif colon is None or colon < 3 or colon + 1 >= len(tokens) or \
            tokens[colon + 1].lower not in (*ir.ANSWER_WORDS, "output", "outputs"):
        return tokens
    before = tokens[:colon]
    words = [t.lower for t in before]
    opening = max((j for j, t in enumerate(before) if t.text == "("), default=0) if before[-1].text == ")" else None
    described = before[:opening] if opening is not None else before  # (`…, 192 filters (pad 1): output …`: the
    # options in parentheses after the description; `CONV1 (3x3): …` is a name's)
    if not described or words[0] == "layer" or _GIVING_KINDS.isdisjoint(t.lower for t in described) or \
            not any(t.kind in ("NUM", "DIMS") for t in described) or _label(before[:1]) is not None:
        return tokens
    if named:  # (as `…, output 46x46x32`, its colon left out)
        return [*before, Tok("P", ",", tokens[colon].start, tokens[colon].start), tokens[colon], *tokens[colon + 2:]]
    return [*before, Tok("P", ",", tokens[colon].start, tokens[colon].end), *tokens[colon + 1:]]


_DESCRIBED_BY = {"stride", "pad", "padding", "filters", "kernels", "neurons", "units"}  # a layer's description's words


def _global_pool(words: list[str]) -> bool:
    """The words name a global pooling (`global average pooling`, `a global max pool`), whole without a size."""
    return "global" in words and not {"pool", "pooling"}.isdisjoint(words[words.index("global"):])


def _arrows_chained(tokens: list[Tok]) -> list[Tok]:
    """An answer after a working and a second arrow: `stride 3 => 2.33 => doesn't fit` (`=> (7 - 3)/3 + 1 = 2.33 =>
    doesn't fit`) as after a comma, `=> 2.33, doesn't fit`, and `=> (7 - 3)/2 + 1 => 3` as `=> (7 - 3)/2 + 1 = 3`.
    The answer was not read (E060), or the invalid stride it said was reported as the sheet's error. Other tokens
    as they are."""
    first = _arrow(tokens, 0)
    if first >= len(tokens) or (first >= 2 and tokens[first - 1].kind == "NUM" and tokens[first - 2].text == ":"):
        return tokens  # (`FC1: 784 -> 256 -> 256`: a layer's inputs and width, then its answer)
    start = first + (tokens[first].kind != "ARROW") + 1
    second = _arrow(tokens, start)
    if second >= len(tokens) or second == start or not all(
            t.kind == "NUM" or t.text in _WORKING_SIGNS for t in tokens[start:second]):
        return tokens
    arrow = tokens[second:second + (1 if tokens[second].kind == "ARROW" else 2)]
    after = tokens[second + len(arrow):]
    # the last value after its working (`=> (7 - 3)/2 + 1 => 3`, as `= 3`), else words after a value (as `, …`)
    sign = "=" if after[:1] and after[0].kind in ("NUM", "DIMS") and "=" not in [t.text for t in tokens[start:second]] \
        else ","
    return [*tokens[:second], Tok("P", sign, arrow[0].start, arrow[-1].end), *after]


_WORKING_SIGNS = {"(", ")", "+", "-", "*", "/", "=", "x", "×", "·"}
_WORKING_OPERATORS = frozenset(_WORKING_SIGNS - {"(", ")", "="} | {"−"})  # a number after one is a working's step


def _follows_dropped(tokens: list[Tok]) -> list[Tok]:
    """A statement without the words that only place it after the layer above (`A max pooling layer with 2x2
    window and stride 2 follows.`, `… is applied next`); other tokens as they are."""
    words = [t.lower for t in tokens]
    end = len(words) - (words[-1:] in (["."], ["!"]))
    said = next((len(w) for w in _FOLLOWS if tuple(words[end - len(w):end]) == w), 0)
    return tokens[:end - said] if said and end > said else tokens


def _spelled_numbers(tokens: list[Tok]) -> list[Tok]:
    """Numbers spelled past ten as one number (`thirty-two filters`, `twenty four`, `sixteen`, `one hundred and
    twenty`): `thirty-two` was read as its `two`. One to ten alone stay words (`one` is also a pronoun)."""
    if not any(t.lower in _TENS or t.lower in _TEENS or t.lower == "hundred" for t in tokens):
        return tokens
    joined: list[Tok] = []
    i = 0
    while i < len(tokens):
        value, j = _spelled_at(tokens, i)
        if value is None:
            joined.append(tokens[i])
            i += 1
        else:
            joined.append(Tok("NUM", str(value), tokens[i].start, tokens[j - 1].end))
            i = j
    return joined


def _spelled_at(tokens: list[Tok], i: int) -> tuple[int | None, int]:
    """The number spelled from token i and where it ends; None unless it is past ten."""
    words = [t.lower for t in tokens[i:i + 7]]
    value, k = 0, 0
    if words[:1] and words[0] in _NUMBER_WORDS and words[1:2] == ["hundred"]:  # `one hundred`
        value, k = 100 * _NUMBER_WORDS[words[0]], 2
        k += words[k:k + 1] == ["and"] and k + 1 < len(words) and \
            (words[k + 1] in _TENS or words[k + 1] in _TEENS or words[k + 1] in _NUMBER_WORDS)
    tens = words[k] if k < len(words) else ""
    if tens in _TEENS:
        value, k = value + _TEENS[tens], k + 1
    elif tens in _TENS:
        value, k = value + _TENS[tens], k + 1
        unit = k + (words[k:k + 1] == ["-"])
        if unit < len(words) and words[unit] in _NUMBER_WORDS and _NUMBER_WORDS[words[unit]] < 10:
            value, k = value + _NUMBER_WORDS[words[unit]], unit + 1  # `thirty-two`, `twenty four`
    elif value and tens in _NUMBER_WORDS:
        value, k = value + _NUMBER_WORDS[tens], k + 1  # `one hundred and five`
    return (value, i + k) if value > 10 else (None, i)


_TEENS = {"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
          "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def _spelled_units(tokens: list[Tok]) -> list[Tok]:
    """`62.4 million` as `62.4M`, one count (`34.9 thousand parameters`, `MACs: 105 million`); a count's noun
    in the singular after its number as the plural every reader reads (`(1 parameter)`, `1 bias`); numbers spelled
    past ten as one (`_spelled_numbers`); a noun with its unit's letter before it as the noun and its unit
    (`_prefixed_nouns`)."""
    tokens = _prefixed_nouns(_spelled_numbers(tokens))
    if not any(t.lower in _SPELLED_UNITS or t.lower in _SINGULAR_NOUNS for t in tokens):
        return tokens
    joined: list[Tok] = []
    for t in tokens:
        unit = _SPELLED_UNITS.get(t.lower)
        plural = _SINGULAR_NOUNS.get(t.lower)
        if unit is not None and joined and joined[-1].kind == "NUM" and joined[-1].text[-1:].isdigit():
            joined[-1] = Tok("NUM", joined[-1].text + unit, joined[-1].start, t.end)
        elif plural is not None and joined and joined[-1].kind == "NUM":
            joined.append(Tok(t.kind, plural, t.start, t.end))
        else:
            joined.append(t)
    return joined


def _prefixed_nouns(tokens: list[Tok]) -> list[Tok]:
    """`GMACs: 0.105`, `GFLOPs: 0.21`, `MParams: 0.035` as `MACs (G): 0.105`, … : a count's noun with its unit's
    letter before it, as papers' tables write them, is the noun and its unit in parentheses (it was prose, a wrong
    count passed unjudged; FLOPs so written are E060 as any FLOPs are)."""
    if not any(t.kind == "WORD" and _PREFIXED.fullmatch(t.text) for t in tokens):
        return tokens
    out: list[Tok] = []
    for t in tokens:
        m = _PREFIXED.fullmatch(t.text) if t.kind == "WORD" else None
        if m is None:
            out.append(t)
            continue
        unit = t.start + 1  # (the noun keeps the whole word's place: a diagnostic about it points at `GFLOPs`)
        out += [Tok("WORD", m.group(2), t.start, t.end), Tok("P", "(", unit, unit),
                Tok("WORD", m.group(1).upper(), t.start, unit), Tok("P", ")", unit, unit)]
    return out


# a count's noun after its unit's letter (`GFLOPs`, `MMACs`, `MParams`; `Gflops`), not a name (`MAC1`)
_PREFIXED = re.compile(r"([KMGT])((?:FLOP|flop|MAC|Mac|mac|Param|param)[sS]?|FLOPS)")

_SINGULAR_NOUNS = {"parameter": "parameters", "param": "params", "weight": "weights", "bias": "biases",
                   "mac": "macs"}  # after a number: `1 parameter`


_BIAS_NOUNS = (("biases",), ("bias",), ("the", "biases"), ("the", "bias"), ("bias", "terms"), ("the", "bias", "terms"))
# a count of parameters said to leave the biases out (`Parameters (without biases): 34,848`, `…= 34,848 (ignoring
# biases)`, `Params: 34,848, no bias`): its weights
_UNBIASED = tuple(sorted({(*lead, *noun) for lead in (("without",), ("excluding",), ("ignoring",), ("no",),
                                                     ("not", "counting"), ("not", "including"), ("w", "/", "o"),
                                                     ("exclusive", "of"), ("minus",))
                          for noun in _BIAS_NOUNS} |
                         {(*noun, *said) for noun in _BIAS_NOUNS[:2]
                          for said in (("excluded",), ("ignored",), ("not", "included"), ("not", "counted"))} |
                         {("weights", "only"), ("only", "weights"), ("just", "weights"), ("only", "the", "weights"),
                          ("just", "the", "weights")},  # `Params: 750 (weights only)`
                         key=len, reverse=True))
_PARAMS_HEADS = ("parameters", "params", "parameter")
_REMARK_GOES_ON = (",", ";", "since", "because", "as", "-", "–", "—")  # `(no bias, BN follows)`: the why after it


def _biased_answered(result: object) -> bool:
    """Whether a line's result answers a layer that has biases (stated without `no bias`): the layer of a layer line,
    or of the line above it answers."""
    line = result if isinstance(result, ir.Line) else result.line if isinstance(result, _Answered) else None
    call = line.items[0] if line is not None and line.items else None
    return isinstance(call, ir.LayerCall) and call.keyword in ("conv", "dwconv", "deconv", "fc") and \
        not any(arg.name == "bias" for arg in call.args)


def _unbiased_cell(tokens: list[Tok]) -> list[Tok] | None:
    """A count cell whose parentheses say it leaves the biases out (`51,200 (no bias)`, `(without biases)`,
    `(weights only)`): the count without them, a count of weights; None for another cell."""
    count, aside = _aside(tokens)
    words = tuple(t.lower for t in aside)
    return count if count and words and any(words == phrase for phrase in _UNBIASED) else None


def _unbiased(tokens: list[Tok]) -> list[Tok]:
    """A count of parameters said to leave the biases out, as a count of weights: `Parameters (without biases):
    34,848`, `Number of parameters excluding biases = 34,848`, `Params: 34,848 (no bias)`, `Params: 34,848
    (weights only)`, `… = 34,848, ignoring the biases` read as `Weights: 34,848` (judged as the parameters, the
    remark dropped, a right answer was marked wrong). A count of weights says the same (`Weights: 34,848 (no
    biases)`): the remark dropped (read as an answer, `no biases`, it marked the layer's biases wrong). The words
    must follow the line's one word for parameters (or weights), end the line after a number, or come between that
    word and the question's `?`; other tokens as they are."""
    words = [t.lower for t in tokens]
    heads = [k for k, w in enumerate(words) if w in _PARAMS_HEADS]
    weighed = [k for k, w in enumerate(words) if w in ("weights", "weight")] if not heads else []
    if len(heads) + len(weighed) != 1 or not {"bias", "biases", "weights"} & set(words):
        return tokens
    head = (heads or weighed)[0]
    end = len(words) - (words[-1:] in (["."], ["!"]))
    for at in range(head + 1, end):
        said = next((len(p) for p in _UNBIASED if tuple(words[at:at + len(p)]) == p), 0)
        if not said:
            continue
        first, last = at, at + said  # the words, and the parentheses or comma around them
        closing = next((j for j in range(last, min(last + 12, end)) if words[j] == ")"), None)
        if words[first - 1] == "(" and closing is not None and (closing == last or (
                words[last] in _REMARK_GOES_ON and not any(t.kind in ("NUM", "DIMS") for t in tokens[last:closing]))):
            first, last = first - 1, closing + 1  # (`(no bias, BN follows)`, `(no bias since BN follows)`: a reason)
        if words[first - 1] == "," and first - 1 > head:
            first -= 1
        after_head = first == head + 1 or (first == head + 2 and words[head + 1] == ",")
        at_end = last == end and any(t.kind == "NUM" for t in tokens[head:first])
        asked = "?" in words[last:] and "?" not in words[head:first]  # `How many parameters … (ignoring biases)?`
        if not (after_head or at_end or asked):
            continue
        weights = Tok("WORD", "weights", tokens[head].start, tokens[head].end)
        return [*tokens[:head], weights, *tokens[head + 1:first], *tokens[last:]]
    return tokens


# what leads a sentence stating a network's total: `So the whole network has …`, `In total there are …`
_CONNECTIVE_LEADS = (*_SO, "altogether", ",")
_WHOLE = ("whole", "entire", "full", "complete")
_TOTAL_LEADS = (["network", "has"], ["model", "has"], ["net", "has"], ["cnn", "has"], ["convnet", "has"],
                ["total", ":"], ["total", "="], ["grand", "total", ":"], ["grand", "total", "="], ["overall", ":"],
                ["overall", "="],
                ["in", "total", ":"], ["in", "total", "="], ["in", "total", ",", "there", "are"],
                ["in", "total", "there", "are"], ["in", "total", ","], ["in", "total"], ["there", "are"],
                ["totals", ":"], ["sum", ":"], ["sum", "="], ["all", "layers", "together", ":"], ["model", "size", ":"],
                ["total", "compute", ":"], ["total", "cost", ":"], ["total", "computation", ":"],
                ["network", ":"], ["model", ":"], ["net", ":"],  # after a word of `_WHOLE`: `Whole network: …`
                *([w, verb] for w in ("network", "model", "net", "cnn") for verb in ("needs", "requires", "uses")))
# what ends such a sentence: `… parameters in total.`, `… in the whole network`
_IN_ALL = tuple(sorted({("in", "total"), ("overall",), ("altogether",), ("in", "all"), ("total",),
                        *{("in", lead, *whole, noun) for lead in ("the", "this", "our")
                          for whole in ((), *((w,) for w in _WHOLE))
                          for noun in ("network", "model", "net", "cnn", "convnet")}},
                       key=len, reverse=True))


def _in_all_end(words: list[str]) -> int:
    """Where a sentence's closing `in total` (`overall`, `in the whole network`, …) starts; its length when none."""
    end = len(words) - (words[-1:] in (["."], ["!"]))
    return next((end - len(said) for said in _IN_ALL if tuple(words[end - len(said):end]) == said), len(words))


def _said_in_all(words: list[str]) -> bool:
    """Whether a sentence ends saying it counts the whole network (`… in total`, `… in the network`)."""
    return _in_all_end(words) < len(words)


def _in_all_dropped(tokens: list[Tok]) -> list[Tok]:
    """A total's count without the sentence's closing `in total` (`3,824 parameters in total`)."""
    return tokens[:_in_all_end([t.lower for t in tokens])]


def _there_are(tokens: list[Tok]) -> list[Tok]:
    """`There are 608 parameters in CONV1` as `CONV1 has 608 parameters`; other tokens as they are."""
    words = [t.lower for t in tokens]
    end = len(words) - (words[-1:] in (["."], ["!"]))
    if words[:2] not in (["there", "are"], ["there", "is"]) or tokens[2:3] == [] or tokens[2].kind != "NUM":
        return tokens
    counted = 3 + (words[3:4] in (["learnable"], ["trainable"]))
    if words[counted:counted + 1] == [] or words[counted] not in ir.ANSWER_WORDS or \
            words[counted + 1:counted + 2] != ["in"]:
        return tokens
    at = counted + 2 + (words[counted + 2:counted + 3] == ["the"])
    name = tokens[at:end - (words[end - 1:end] == ["layer"] and end - at > 1)]
    if not 0 < len(name) <= 2 or _label(name) is None:
        return tokens
    return [*name, Tok("WORD", "has", tokens[0].start, tokens[1].end), *tokens[2:counted + 1]]


# what leads a count said in a sentence about the layer above (`We get 760 parameters`, `It has 760 parameters`)
_SAID_LEADS: tuple[list[str], ...] = (
    [], ["it", "has"], ["this", "layer", "has"], ["the", "layer", "has"], ["this", "has"], ["we", "get"],
    ["we", "have"], ["this", "gives"], ["that", "gives"], ["this", "gives", "us"], ["that", "gives", "us"],
    ["which", "gives"], ["so"], ["giving"], ["that", "is"], ["this", "is"], ["which", "is"],
    *([lead, mark, "s"] for lead in ("that", "it") for mark in ("'", "’")),  # `That's 760 parameters`
    ["i", "got"], ["i", "get"],
    *([lead, verb] for lead in ("it", "this") for verb in ("needs", "requires", "takes", "performs", "uses", "does",
                                                             "computes")),
    *([lead, "layer", verb] for lead in ("the", "this") for verb in ("needs", "requires", "takes", "performs",
                                                                       "uses", "does", "computes")))  # `It needs 105M
# MACs`, `It does 105M MACs`


def _said_count(tokens: list[Tok]) -> list[Tok]:
    """A count said before its word, alone or in a sentence about the layer above (`760 params`, `We get 760
    parameters`, `This layer has 760 learnable parameters in total.`, `10,240 values`) or the one it names (`That
    gives us 760 params in total for CONV1`), as its answer line (`params: 760`, `params for CONV1: 760`); other
    tokens as they are. (A sentence about anything else, `We use 75 weights here`, stays prose.) Parentheses
    around the line, or a remark of words after it, are not the answer (`(760 params)`, `760 params (with biases)`)."""
    for said in (tokens, _remark_dropped(_unbracketed(tokens))):
        found = _count_sentence(said)
        if found is not None and found[0].lower == "weights" and \
                _biases_included([t.lower for t in tokens[len(said):]]):  # `It has 448 weights (with bias).`
            found[0] = found[0]._replace(text="params")
        if found is not None:
            return found
    return tokens


def _unbracketed(tokens: list[Tok]) -> list[Tok]:
    """A line's tokens without the parentheses around all of them (`(760 params)`); other tokens as they are."""
    if len(tokens) < 3 or tokens[0].text != "(" or tokens[-1].text != ")":
        return tokens
    depth = 0
    for j, t in enumerate(tokens):
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0:
            return tokens[1:-1] if j == len(tokens) - 1 else tokens
    return tokens


def _count_sentence(tokens: list[Tok]) -> list[Tok] | None:
    """`_said_count`'s answer line, or None when the tokens are no such sentence."""
    words = [t.lower for t in tokens]
    end = len(words) - (words[-1:] in (["."], ["!"]))
    end -= 2 if words[end - 2:end] == [",", "and"] else 0  # (`… has no parameters, and`: `_sentences` cut the rest)
    named: list[Tok] = []  # `… for CONV1`: the layer named, as `Params of CONV1: 760`
    for size in (1, 2):
        if end > size + 1 and words[end - size - 1] in ("for", "in", "of") and _label(tokens[end - size:end]):
            named, end = tokens[end - size - 1:end], end - size - 1
            break
    end -= 2 if words[end - 2:end] in (["in", "total"], ["in", "all"]) else 0
    leads = _SAID_LEADS
    has = next((j for j in range(2, min(len(words), 6)) if words[j] == "has"), None)
    if words[:1] == ["the"] and has is not None and not named and (
            (words[has - 1] == "layer" and (_layer_kind(" ".join(words[1:has - 1])) is not None or
                                            _placed(words[1:has]) is not None or
                                            words[has - 2] in ("hidden", "output")))
            or (words[has - 1] != "layer" and _layer_kind(" ".join(words[1:has])) is not None)):
        # `The FC layer has 699,850 params` (`The pool has 0 parameters`): that kind's; `The second layer has …`:
        # the one in that place; `The hidden layer has …`: an MLP's
        named, leads = [Tok("WORD", "of", tokens[0].start, tokens[0].start), *tokens[:has]], (words[:has + 1],)
    for lead in leads:
        if words[:len(lead)] != lead:
            continue
        at = _skip(words, len(lead), tuple(_APPROXIMATELY))  # `It has ~35K parameters`, `about 35K`
        at = _past_sentence_working(tokens, at, end)  # `It has (3*3*3+1)*16 = 448 parameters`
        if at < end and tokens[at].kind == "NUM":  # `It requires 442,368 multiply-accumulates`: one word, `MACs`
            tokens, words, end = _noun_phrase_merged(tokens, at + 1, end)
        counted = at + 1 + (words[at + 1:at + 2] in (["learnable"], ["trainable"]))
        none = words[at:at + 1] in (["no"], ["zero"]) and words[counted:counted + 1] != [] and \
            words[counted] in ir.ANSWER_WORDS
        rounded = _rounded_again(tokens[counted + 1:end])  # `It has 34,944 parameters, about 35K.`
        if (end == counted + 1 or rounded) and (tokens[at].kind == "NUM" or none) and \
                (words[counted] in ir.ANSWER_WORDS or words[counted] in ("values", "activations")):
            # (`It has no parameters`, `No params`: none, 0)
            word, count = tokens[counted], tokens[at] if not none else Tok("NUM", "0", tokens[at].start,
                                                                           tokens[at].end)
            if word.lower not in ir.ANSWER_WORDS:  # `10,240 values`: the output's, as `Memory: 10,240`
                word = Tok("WORD", "memory", word.start, word.end)
            return [word, *named, Tok(":", ":", count.start, count.start), *tokens[len(lead):at], count, *rounded]
        stop = len(words) - (words[-1:] in (["."], ["!"]))  # (`…, 456 in total.`: its `in total` kept)
        stated = _stated_counts(tokens[at:stop]) if lead and tokens[at:at + 1] != [] and \
            tokens[at].kind == "NUM" else None
        if stated is not None and named:  # `The conv layer has 1200 weights and 16 biases`: each of that layer
            stated = [u for t in stated for u in ((t, *named) if t.lower in ir.ANSWER_WORDS else (t,))]
        if stated is not None:  # `It has 450 weights and 6 biases`: an answer each, as `weights: 450, biases: 6`
            return stated
        if lead and end > counted + 1 and tokens[at].kind == "NUM" and words[counted] in ("params", "parameters") \
                and not named:
            # `It has 34,945 parameters, which is a lot.`: a count of the layer above with words after it cnncalc
            # does not read, as an answer line with them (E060 there: it was prose, a wrong count passed over)
            return [tokens[counted], Tok("P", ":", tokens[at].start, tokens[at].start), tokens[at],
                    *tokens[counted + 1:end]]
    return None


def _hash_dropped(tokens: list[Tok]) -> list[Tok]:
    """The tokens without a `#` that means "number of" before a count's word (`…; #params = (3*3*1+1)*32 = 320`, `#
    of params: 320`): it was E060 among a layer's answers."""
    words = [*(t.lower for t in tokens), "", ""]
    said = [j for j, w in enumerate(words) if w == "#" and (words[j + 1] in ir.ANSWER_WORDS or
                                                           (words[j + 1] == "of" and words[j + 2] in ir.ANSWER_WORDS))]
    dropped = {k for j in said for k in (j, j + 1) if k == j or words[k] == "of"}
    return [t for j, t in enumerate(tokens) if j not in dropped]


def _option_worked(tokens: list[Tok], at: int) -> int | None:
    """Where an option's value is after its working (`padding = (F-1)/2 = 1`, `pad (3-1)/2 = 1`): the number after
    the working's last `=` before the next `,`; None when there is none (the value is at `at`)."""
    if at >= len(tokens) or tokens[at].text != "(":
        return None
    end = next((j for j in range(at, min(len(tokens), at + 16)) if tokens[j].text in (",", ";", "->")), len(tokens))
    equals = [j for j in range(at, end) if tokens[j].text == "="]
    if not equals or equals[-1] + 2 != end or tokens[equals[-1] + 1].kind != "NUM" or \
            not all(t.kind == "NUM" or t.text in _WORKING_SIGNS or (t.kind == "WORD" and len(t.text) == 1)
                    for t in tokens[at:equals[-1]]):
        return None
    return equals[-1] + 1


def _worked_to_volume(tokens: list[Tok], at: int) -> int:
    """Where the volume is after a side worked out at `at` and an arrow (`(28-3)/1+1 = 26 -> 26x26x8`, `26/2 = 13 =>
    13x13x8`); `at` itself when none is."""
    arrow = next((j for j in range(at, min(len(tokens), at + 24)) if tokens[j].kind == "ARROW" or (
        tokens[j].text == "=" and tokens[j + 1:j + 2] != [] and tokens[j + 1].text == ">")), None)
    if arrow is None or arrow == at or tokens[arrow - 1].kind != "NUM" or \
            not all(t.kind == "NUM" or t.text in _WORKING_SIGNS for t in tokens[at:arrow]):
        return at
    return arrow + 1 + (tokens[arrow].text == "=")


def _final_dropped(question: list[Tok]) -> list[Tok]:
    """`What is the final output volume?`, `Final output?`: a question about the network's output, as `What is the
    output volume?` asks it (the answer below it was E060); other tokens as they are."""
    words = [t.lower for t in question]
    at = next((j for j in range(min(len(words) - 1, 4)) if words[j:j + 2] == ["final", "output"]), None)
    return question if at is None or "?" not in words else [*question[:at], *question[at + 1:]]


def _rounded_again(tail: list[Tok]) -> list[Tok]:
    """A count said again rounded after it, `, about 35K` or `(about 35K)` (`(~35K)`, `, ≈ 35,000`), as the
    parenthesis an answer line reads as such (`Params: 34,944 (about 35K)`: the two must agree, else E060); nothing
    for any other tail (the sentence is no count's then: prose)."""
    words = [t.lower for t in tail]
    if words[:1] == ["("] and words[-1:] == [")"] and len(tail) == 4 and words[1] in _APPROXIMATELY and \
            tail[2].kind == "NUM":
        return tail
    if words[:1] == [","] and len(tail) == 3 and words[1] in _APPROXIMATELY and tail[2].kind == "NUM":
        return [Tok("P", "(", tail[0].start, tail[0].end), *tail[1:], Tok("P", ")", tail[2].end, tail[2].end)]
    return []


def _noun_phrase_merged(tokens: list[Tok], at: int, end: int) -> tuple[list[Tok], list[str], int]:
    """The tokens with the count's noun written in words at `at` (`multiply-accumulates`, `weights and biases`) as
    the one answer word it means (`MACs`, `params`), with their words and the sentence's end moved to match; as
    they are when no such phrase is there."""
    words = [t.lower for t in tokens]
    for phrase, word in _SENTENCE_NOUNS.items():
        if tuple(words[at:at + len(phrase)]) == phrase:
            merged = Tok("WORD", word, tokens[at].start, tokens[at + len(phrase) - 1].end)
            tokens = [*tokens[:at], merged, *tokens[at + len(phrase):]]
            return tokens, [t.lower for t in tokens], end - len(phrase) + 1
    return tokens, words, end


# a count's noun in words that is no one answer word (`multiply-adds`), longest first, -> the answer word it means
_SENTENCE_NOUNS = {phrase: "MACs" if quantity == "macs" else quantity
                   for phrase, quantity in sorted(_COUNT_WORDS.items(), key=lambda item: -len(item[0]))
                   if quantity in ("macs", "params") and (len(phrase) > 1 or phrase[0] not in ir.ANSWER_WORDS) and
                   not {"memory", "count"} & set(phrase)}


def _past_sentence_working(tokens: list[Tok], at: int, end: int) -> int:
    """Where the count is in a sentence's working of numbers and signs before it (`(3*3*3+1)*16 = 448`): after the
    working's last `=`; `at` itself when no such working starts there. The working stays in the answer line, whose
    reader passes over it as after `params =`."""
    last = max((j for j in range(at, end) if tokens[j].text == "="), default=None)
    if last is None or last == at or not all(
            t.kind in ("NUM", "DIMS") or t.text in _WORKING_SIGNS or
            (t.lower in _TERMS_NAMED and j > at and tokens[j - 1].kind == "NUM")
            for j, t in enumerate(tokens[at:last], at)):
        return at
    return last + 1


# what a working's number may be said to count (`432 weights + 16 biases = 448 params`, `16 filters x 28 = 448`)
_TERMS_NAMED = {"weights", "biases", "filters", "params", "parameters", "neurons", "units", "inputs", "outputs"}


# what leads an output said in a sentence about the layer above (`We get an output of 32x32x10.`)
_OUTPUT_LEADS: tuple[list[str], ...] = (
    ["we", "get"], ["we", "obtain"], ["we", "end", "up", "with"], ["i", "got"], ["i", "get"], ["this", "gives"],
    ["that", "gives"], ["this", "gives", "us"], ["that", "gives", "us"], ["which", "gives"], ["which", "gives", "us"],
    ["which", "results", "in"], ["this", "results", "in"], ["resulting", "in"], ["giving"], ["it", "outputs"],
    ["the", "layer", "outputs"], ["this", "layer", "outputs"], ["it", "produces"], ["this", "produces"],
    ["the", "layer", "produces"], ["this", "layer", "produces"], ["the", "layer", "gives"], ["this", "layer", "gives"],
    ["it", "gives"], ["it", "gives", "us"], ["we", "have"], ["we", "now", "have"], ["now", "we", "have"],
    *([*lead, "becomes"] for lead in (["the", "size"], ["size"], ["the", "shape"], ["shape"], ["it"], ["this"])),
    ["the", "dimensions", "are"], ["dimensions", "are"], ["the", "dimensions", "become"])  # `the size becomes
# 30x30x16`, `dimensions are 30x30x16` (not `the size is 3x3`: a filter's too)


def _said_output(tokens: list[Tok]) -> list[Tok]:
    """An output said in a sentence about the layer above, as its answer line `Output: …`: `We get an output of
    32x32x10.`, `which results in a 32x32x10 output`, `It outputs 10 activation maps of size 32x32`, the working
    then `, so the output is 32x32x10`, and its values, `32 * 32 * 10 = 10240 values in the output` (as `Memory:
    …`); other tokens as they are."""
    words = [t.lower for t in tokens]
    if words[:3] in (["after", "this", "layer"], ["after", "that", "layer"]) and len(words) > 4:
        tokens = tokens[3 + (words[3] == ","):]  # `After this layer we have 16x16x16.`: the layer above's
        words = [t.lower for t in tokens]
    cut = max((j for j in range(1, len(words) - 2) if words[j - 1:j + 1] == [",", "so"]), default=None)
    if cut is not None and words[cut + 1:cut + 3] in (["the", "output"], ["output", "is"]):
        return tokens[cut + 1:]  # `(32 - 5 + 2*2)/1 + 1 = 32, so the output is 32x32x10`
    if cut is not None and _count_head(words, cut + 1) is not None and all(
            t.kind == "NUM" or t.text in ("=", ",") or (t.kind == "WORD" and len(t.text) == 1)
            for t in tokens[:cut - 1]):  # `K = 96, F = 11, so params = (F*F*3 + 1)*K = 34,944`: the letters, then
        return tokens[cut + 1:]  # the count (it was prose, a wrong count unjudged)
    end = len(words) - (words[-1:] in (["."], ["!"]))
    for tail in (["in", "the", "output"], ["in", "the", "output", "volume"]):
        if len(words) > len(tail) + 1 and words[end - len(tail):end] == tail and \
                words[end - len(tail) - 1] in _VALUE_WORDS and any(t.kind == "NUM" for t in tokens[:end - len(tail)]):
            first = tokens[0]  # `32 * 32 * 10 = 10240 values in the output`
            return [Tok("WORD", "Memory", first.start, first.start), Tok(":", ":", first.start, first.start),
                    *tokens[:end - len(tail)]]
    if words[:4] == ["output", "height", "and", "width"]:  # `Output height and width: 55` (`_sides_together` reads
        # one size after it, this any; width first only for a square, there)
        return [Tok("WORD", "Output", tokens[0].start, tokens[0].end),
                Tok("WORD", "spatial", tokens[1].start, tokens[1].end),
                Tok("WORD", "size", tokens[3].start, tokens[3].end), *tokens[4:]]
    for lead in _MAP_LEADS:  # `Each activation map is 55x55`: the output's height and width
        if words[:len(lead)] == lead and end == len(lead) + 1 and tokens[len(lead)].kind == "DIMS" and \
                _dims_text(tokens[len(lead)].text).count("x") == 1:
            at = tokens[len(lead) - 1]
            return [Tok("WORD", "Output", at.start, at.end), Tok(":", ":", at.end, at.end), *tokens[len(lead):]]
    depth = _output_depth_said(tokens[:end])
    if depth is not None:
        return [*depth, *tokens[end:]]
    spatial = _spatial_size_said(tokens[:end])
    if spatial is not None:
        return [*spatial, *tokens[end:]]
    counted = _counted_after(words[:end])  # `… and uses 1,792 parameters`: the layer's count after its output
    for lead in _OUTPUT_LEADS:
        rest = tokens[len(lead):counted or end]
        if words[:len(lead)] == lead and _output_said(words[len(lead):counted or end], rest):
            at = tokens[len(lead) - 1]
            count = [Tok("P", ",", tokens[counted].start, tokens[counted].end), *tokens[counted + 2:end]] \
                if counted else []
            # (a number alone, `It outputs 10`, as after `Answer:`: a vector's length, or E060 under a convolution,
            # whose volume one number is not: `It outputs 16` may mean its 16 maps)
            said = "Answer" if rest[0].kind == "NUM" else "Output"
            return [Tok("WORD", said, at.start, at.end), Tok(":", ":", at.end, at.end), *rest, *count]
    return tokens


def _counted_after(words: list[str]) -> int | None:
    """Where a count said after an output starts (`… 224x224x64 and uses 1,792 parameters`, `…, with 1,792
    parameters`): at its `and` or `,`, a verb of having or `with`, then a number and its word ending the sentence;
    None for any other end."""
    for j in range(len(words) - 3, 0, -1):
        if words[j] in ("and", ",") and (words[j + 1] in _HAS or words[j + 1] == "with") and \
                _ungrouped(words[j + 2]).isdigit() and (head := _count_head(words, j + 3)) is not None and \
                j + 3 + len(head) == len(words):
            return j
    return None


def _output_depth_said(tokens: list[Tok]) -> list[Tok] | None:
    """`The output has 96 channels` (`The output volume of CONV1 has 96 feature maps`, `… has depth 96`) as `Output
    depth: 96` (`Output depth of CONV1: 96`; it was prose, a wrong depth unjudged); None for another sentence."""
    words = [t.lower for t in tokens]
    labelled = _depth_labelled(tokens, words)
    if labelled is not None:
        return labelled
    subject = next((len(lead) for lead in (["it"], ["this", "layer"], ["the", "layer"], ["this"])
                    if words[:len(lead)] == lead), 0)
    if subject and words[subject:subject + 1] and words[subject] in _MAKES_MAPS and \
            tokens[subject + 1:subject + 2] and tokens[subject + 1].kind == "NUM" and \
            tuple(words[subject + 2:]) in _DEPTH_NOUN_PHRASES:  # `It has 96 output channels`, `It produces 96
        # feature maps`: the layer above's output depth (it was prose, a wrong depth unjudged)
        first = tokens[0]
        return [Tok("WORD", "Output", first.start, first.end), Tok("WORD", "depth", first.end, first.end),
                Tok(":", ":", tokens[subject].start, tokens[subject].end), tokens[subject + 1]]
    if words[:2] != ["the", "output"] or "has" not in words:
        return None
    has = words.index("has")
    at = 2 + (words[2:3] == ["volume"])
    named = tokens[at + 1:has] if words[at:at + 1] == ["of"] else []
    if has != at + (len(named) + 1 if named else 0) or (named and not _a_layer_named(named)):
        return None
    said = words[has + 1:]
    if said[:1] == ["depth"] and len(said) == 2:  # `… has depth 96`
        count = tokens[has + 2]
    elif len(said) >= 2 and (said[1:] in ([w] for w in _MAPS_WORDS) or said[1:] in (["feature", "maps"],
                                                                                   ["activation", "maps"])):
        count = tokens[has + 1]
    else:
        return None
    if count.kind != "NUM":
        return None
    first = tokens[1]
    return [Tok("WORD", "Output", first.start, first.end), Tok("WORD", "depth", first.end, first.end),
            *([Tok("WORD", "of", named[0].start, named[0].start), *named] if named else []),
            Tok(":", ":", tokens[has].start, tokens[has].end), count]


_MAKES_MAPS = ("has", "produces", "outputs", "gives", "makes", "yields", "generates")  # `It produces 96 feature maps`
_DEPTH_NOUN_PHRASES = (("output", "channels"), ("channels",), ("output", "feature", "maps"), ("feature", "maps"),
                       ("activation", "maps"), ("output", "maps"))  # what an output's depth counts


def _depth_labelled(tokens: list[Tok], words: list[str]) -> list[Tok] | None:
    """`Output: 96 channels` (`Output: 96 feature maps`, `Output = depth 96`) as `Output depth: 96` (each was prose: a
    wrong depth passed unjudged); None for anything else (`A: 3 channels` may answer the input's depth or a
    filter's, which the question asks; `3 channels` alone may describe the input)."""
    label = 2 if words[:2] in (["output", ":"], ["output", "="]) else 0
    said, count = words[label:], tokens[label:label + 1]
    if not label or not count:
        return None
    if said[:1] == ["depth"] and len(said) == 2 and tokens[label + 1].kind == "NUM":
        count = tokens[label + 1:]  # `Output: depth 96`
    elif count[0].kind != "NUM" or tuple(said[1:]) not in _DEPTH_NOUN_PHRASES + (("maps",),):
        return None
    first = tokens[0]
    return [Tok("WORD", "Output", first.start, first.end), Tok("WORD", "depth", first.end, first.end),
            Tok(":", ":", tokens[label - 1].start, tokens[label - 1].end), count[0]]


def _spatial_size_said(tokens: list[Tok]) -> list[Tok] | None:
    """`The spatial size of the output is 55` (`The spatial size after CONV1 is 55`, `The output spatial size of CONV1
    is 55`) as `Output spatial size: 55` (`… of CONV1: 55`; it was prose, a wrong size unjudged); None for another
    sentence."""
    words = [t.lower for t in tokens]
    at = 1 + (words[1:2] == ["output"]) if words[:1] == ["the"] else 0
    if words[at:at + 2] != ["spatial", "size"] or words[-2:-1] != ["is"] or tokens[-1].kind != "NUM":
        return None
    between = tokens[at + 2:-2]
    named: list[Tok] = []
    if [t.lower for t in between] in (["of", "the", "output"], ["of", "the", "output", "volume"]) and at == 1:
        pass  # `The spatial size of the output is 55`
    elif between and between[0].lower in ("of", "after") and _a_layer_named(between[1:]):
        named = between[1:]  # `… after CONV1 is 55`, `The output spatial size of CONV1 is 55`
    elif between:
        return None
    first = tokens[0]
    return [Tok("WORD", "Output", first.start, first.end), Tok("WORD", "spatial", first.end, first.end),
            Tok("WORD", "size", first.end, first.end),
            *([Tok("WORD", "of", named[0].start, named[0].start), *named] if named else []),
            Tok(":", ":", tokens[-2].start, tokens[-2].end), tokens[-1]]


def _a_layer_named(name: list[Tok]) -> bool:
    """Whether tokens name a layer as an answer may: its name (`CONV1`), `this layer`, or a placed one (`the first
    layer`)."""
    named = [t.lower for t in name]
    return 0 < len(name) <= 5 and (named in (["this", "layer"], ["the", "layer"]) or
                                   (_label(name) is not None and _layer_kind(" ".join(named)) is not None) or
                                   (named[:1] == ["the"] and _placed(named) is not None))


# the size of each of the output's maps said in a sentence: its height and width
_MAP_LEADS: tuple[list[str], ...] = tuple([*lead, *noun, *verb] for lead in (["each"], ["every"])
                                          for noun in (["activation", "map"], ["feature", "map"], ["map"])
                                          for verb in (["is"], ["has", "size"], ["is", "of", "size"])) + (
    ["activation", "map", "size", ":"], ["feature", "map", "size", ":"],
    ["size", "of", "each", "activation", "map", ":"], ["size", "of", "each", "feature", "map", ":"])
_MAPS_WORDS = ("channels", "maps")  # `The output has 96 channels`: its depth
_SAID_AFTER_VOLUME: tuple[list[str], ...] = ([], ["output"], ["volume"], ["output", "volume"], ["activation", "map"],
                                             ["feature", "map"], ["activation", "volume"], ["activation", "maps"],
                                             ["feature", "maps"], ["activations"], ["tensor"], ["output", "tensor"],
                                             ["map"], ["maps"])  # `It gives 32x32x10 feature maps`, `… a … tensor`


def _output_said(words: list[str], tokens: list[Tok]) -> bool:
    """Whether the words after a lead say an output and nothing else: `an output of 32x32x10`, `a 32x32x10 output`,
    `10 activation maps of size 32x32` (not `better results with a 64x64x3 input`)."""
    at = 1 if words[:1] in (["a"], ["an"], ["the"]) else 0
    for said in (["output", "of"], ["output", "volume", "of"]):
        if words[at:at + len(said)] == said:
            at += len(said)
    if tokens[at:at + 1] and tokens[at].kind == "DIMS":
        return words[at + 1:] in _SAID_AFTER_VOLUME
    if at == 0 and len(tokens) == 1 and tokens[0].kind == "NUM":
        return True  # `It outputs 10`: a fully connected layer's vector (`_said_output` says it as `Answer: 10`)
    maps = at + 1 + (words[at + 1:at + 2] in (["activation"], ["feature"]))  # `10 activation maps of size 32x32`
    return bool(tokens[at:at + 1]) and tokens[at].kind == "NUM" and words[maps:maps + 1] == ["maps"] and \
        words[maps + 1:-1] in (["of"], ["of", "size"], []) and tokens[-1].kind == "DIMS" and len(words) > maps + 1


# what starts an answer line (`Output: …`, `Params: …`, `Number of parameters: …`, `Receptive field: …`)
_ANSWER_HEADS = {"output", "params", "parameters", "weights", "biases", "macs", "memory", "shape", "number",
                 "activations", "receptive", "connections"}


def _part_named(part: list[Tok]) -> bool:
    """Whether a part of an answer line names its layer: by its name (`CONV1 params: …`), or by its kind before an
    answer's word (`FC params: …`: the one FC layer above, else E060)."""
    return _label(part[:1]) is not None or (len(part) > 1 and part[0].kind == "WORD" and
                                            _family(part[0].lower) is not None and part[1].lower in _ANSWER_HEADS)


# what opens a part of an answer line that says its answer in a sentence (`it has 1000 parameters`, `we get …`)
_PART_OPENINGS = (["it", "has"], ["there", "are"], ["we", "get"], ["a", "total"], ["this", "gives"])


def _count_first(part: list[Tok]) -> bool:
    """Whether a part of an answer line says a count first, its number or none (`1000 parameters`, `1000 learnable
    parameters`, `no parameters`, `zero parameters`)."""
    return bool(part) and ((part[0].kind == "NUM" and part[0].text[:1].isdigit()) or part[0].lower in ("no", "zero")) \
        and _count_head(_unlearnt([t.lower for t in part[1:]]), 0) is not None


def _unlearnt(words: list[str]) -> list[str]:
    """A count's words without `learnable` or `trainable` before them (`learnable parameters` as `parameters`)."""
    return words[1:] if words[:1] in (["learnable"], ["trainable"]) else words


def _answer_parts(tokens: list[Tok]) -> list[list[Tok]]:
    """An answer line's answers given as sentences or between `;` (`Parameters: 760. Output: 32x32x10.`, `CONV1
    params: 760; output: 32x32x10`): each part an answer line of its own, when each starts as one does (after a
    layer's name); else the line whole."""
    def starts(part: list[Tok]) -> bool:
        lead = _lead(part)  # (`- Output = 10, …`, `A: The output is 10 and …`: after a bullet or an answer's label)
        lead += _answer_label([t.lower for t in part[lead:lead + 3]], [t.kind for t in part[lead:lead + 3]])
        if part[lead + 1:lead + 2] and part[lead + 1].text == ":" and _label(part[lead:lead + 1]) is not None and \
                _family(part[lead].lower) is not None:
            lead += 2  # `FC1: Biases = 10; output = 11`: the layer's answers after its name
        words = [t.lower for t in part[lead:lead + 3]]
        if words[:1] in (["the"], ["its"]) and words[1:2] in (["output"], ["number"]):
            words = words[1:]  # `The number of parameters is 31370; output: 10`, `…, and its output is 10`
        if words[:2] == ["it", "outputs"]:
            return True  # `It outputs 10 and biases = 10`
        if words[:2] in _PART_OPENINGS or _count_first(part[lead:]):
            return True  # `1000 parameters; we get 56x56x16`, `It has 1000 parameters, and …`: a count first
        if part[lead:lead + 1] and part[lead].kind == "DIMS" and _dims_text(part[lead].text).count("x") == 2:
            return True  # `Params: 0 / 16x16x16`: a volume alone (read as a working, 0 / (16·16·16), it passed)
        return bool(words) and (words[0] in _ANSWER_HEADS or
                                (len(words) > 1 and (_label(part[:1]) is not None or _family(words[0]) is not None)
                                 and words[1] in _ANSWER_HEADS) or named(part))  # (`FC params: …`: the one FC layer)

    def signed(part: list[Tok]) -> bool:
        """An answer's head and its sign (`weights = 31370`, `output: 10`, `the output is 10`)."""
        words = [t.lower for t in part]
        at = 1 if words[:1] in (["the"], ["its"]) else 0
        return starts(part) and words[at + 1:at + 2] in ([":"], ["="], ["is"])

    def said(part: list[Tok], j: int) -> bool:
        """An answer said in a sentence (`it outputs …`, `we get …`), or a count said first after an output
        (`output size 56x56x16, 1000 parameters`; not after a count, whose parts it may say, `Params: 150 weights, 6
        biases`, nor after a layer's name, which the count's part would lose, `Output of CONV1: …, 100 params`)."""
        words = [t.lower for t in part[:2]]
        if words == ["it", "outputs"] or words in _PART_OPENINGS:
            return True
        if not _count_first(part):
            return False
        # the part the cut would end (its last 64 tokens at most: a line of 10,000 commas stays linear)
        before = tokens[max(cuts[-1] + 1 if cuts else 0, j - 64):j]
        return any(t.kind == "DIMS" or t.lower in ("output", "outputs") for t in before) and \
            not _count_said_words([t.lower for t in before]) and not any(_label([t]) is not None for t in before)

    def named(part: list[Tok]) -> bool:
        """A layer's name, then its answer (`POOL1 output: …`), or its output after an arrow or a colon (`POOL1 ->
        16x16x10`, `POOL1: 16x16x10`)."""
        return len(part) > 2 and _label(part[:1]) is not None and \
            (part[1].lower in _ANSWER_HEADS or part[1].kind == "ARROW" or (part[1].text == ":" and
                                                                           part[2].kind == "DIMS"))

    cuts: list[int] = []
    depth = 0
    for j, t in enumerate(tokens):
        depth += (t.text in ("(", "[")) - (t.text in (")", "]"))
        joined = j + 1 < len(tokens) and tokens[j + 1].lower == "and"  # (`…, and weights = 31370`)
        ahead = tokens[j + 1 + joined:j + 5 + joined]  # (what `starts` and `named` look at: a slice per sign)
        # (after a `,` or `and`, another answer with its sign, `Output = 10, and weights = 31370`, or another layer's
        # name and output, `…, POOL1 -> 16x16x10`: the value after the line's last `=` was the first answer's)
        if depth == 0 and ahead and ((t.text in (".", ";") and starts(ahead)) or
                                     (t.text == "/" and j and tokens[j - 1].end < t.start and starts(ahead)) or
                                     (t.text == "," and (named(ahead) or signed(ahead) or said(ahead, j))) or
                                     (t.lower == "and" and j and tokens[j - 1].text != "," and
                                      (signed(ahead) or said(ahead, j)) and
                                      tuple(t.lower for t in tokens[j - 1:j + 2]) not in _COUNT_WORDS)):
            # (not inside one head: `… weights and biases = 156`)
            cuts.append(j)
    labelled = _answer_label([t.lower for t in tokens[:3]], [t.kind for t in tokens[:3]]) if cuts else 0
    parts = [tokens[a + 1 + (a >= 0 and tokens[a + 1].lower == "and") + (a < 0) * labelled:b]  # (`Answer:` goes)
             for a, b in pairwise([-1, *cuts, len(tokens)])]
    return parts if len(parts) > 1 and all(starts(part) for part in parts) else [tokens]


def _about_layer(tokens: list[Tok]) -> list[Tok]:
    """A sentence that names its layer first as the reader's forms do not, as one of theirs: `For CONV1, the output
    volume is 55x55x96` (`In the first layer, …`) as `The output volume of CONV1 is 55x55x96`; `For CONV1, there are
    34,944 parameters` as `The number of parameters in CONV1 is 34,944`; `The first layer's output volume is …` as
    `The output volume of the first layer is …`; `Its output volume is …` (the layer above's) as `The output volume
    is …`. The layer is a name (`CONV1`) or a placed one (`the first layer`); other tokens as they are."""
    words = [t.lower for t in tokens]

    def said(at: int) -> Tok:
        return Tok("WORD", "x", tokens[at].start, tokens[at].start)

    def layer(name: list[Tok]) -> bool:
        named = [t.lower for t in name]
        return 0 < len(name) <= 5 and (named == ["this", "layer"] or (named[:1] == ["the"] and named[-1:] == ["layer"])
                                       or (_label(name) is not None and _layer_kind(" ".join(named)) is not None)
                                       or _layer_number(name) is not None  # `layer 3`, `conv layer 2`, `Conv 2`
                                       or (named[:1] == ["the"] and _placed(named) is not None))  # `the 2nd conv`

    if words[:1] == ["its"] and words[1:2] and words[1] in ("output", "number", "parameter", "parameters", "params"):
        return [tokens[0]._replace(text="the"), *tokens[1:]]
    mark = next((k for k in range(1, min(len(words) - 2, 6)) if words[k:k + 2] in (["'", "s"], ["’", "s"])), None)
    if mark is not None and words[0] == "the" and layer(tokens[:mark]):
        verb = next((k for k in range(mark + 2, len(words)) if words[k] in ("is", "are", ":", "=")), None)
        if verb is not None and verb > mark + 2:  # `The first layer's output volume is …`
            return [tokens[0], *tokens[mark + 2:verb], said(verb)._replace(text="of"), *tokens[:mark],
                    *tokens[verb:]]
    if words[:1] not in (["for"], ["in"]):
        return tokens
    comma = next((k for k in range(2, min(len(words), 8)) if words[k] == ","), None)
    rest = comma + 1 if comma is not None else next((k for k in range(2, min(len(words), 7))
                                                     if words[k] in ("the", "there")), None)
    if rest is None or not layer(tokens[1:comma if comma is not None else rest]):
        return tokens
    name = tokens[1:comma if comma is not None else rest]
    if [t.lower for t in name] == ["this", "layer"]:  # `In this layer, the output is …`: the layer above's
        return tokens[rest:]
    after = words[rest:]
    if after[:2] in (["there", "are"], ["there", "is"]) and len(after) > 3 and tokens[rest + 2].kind == "NUM":
        counted = rest + 3 + (after[3:4] in (["learnable"], ["trainable"]))  # `there are 34,944 (learnable) params`
        if counted < len(words) and words[counted] in ir.ANSWER_WORDS:
            return [said(rest)._replace(text="the"), said(rest)._replace(text="number"), said(rest)._replace(text="of"),
                    tokens[counted], said(rest)._replace(text="in"), *name, said(rest)._replace(text="is"),
                    tokens[rest + 2], *tokens[counted + 1:]]
    verb = next((k for k in range(rest + 1, len(words)) if words[k] in ("is", "are", ":", "=")), None)
    if verb is not None and (after[:1] == ["the"] or (comma is not None and (
            after[:1] == ["output"] or _count_head(words, rest) is not None))):
        # `For CONV1, the output volume is 55x55x96`; `For the 2nd conv, params = 4,640`
        return [*tokens[rest:verb], said(verb)._replace(text="of"), *name, *tokens[verb:]]
    return tokens


_NETWORK_WORDS = ("network", "model", "cnn", "convnet", "net")


def _input_sentence(tokens: list[Tok]) -> list[Tok]:
    """`The network takes a 32x32x3 image (as input)`, `The CNN takes as input a 32x32x3 volume`: as `Input: 32x32x3
    image`; `The input to the network is a 32x32 RGB image` (`of the model`, `The network's input is …`) as `Input:
    32x32 RGB image`. Other tokens as they are."""
    words = [t.lower for t in tokens]
    at = 1 if words[:1] == ["the"] else 0
    told = (words[at:at + 1] == ["input"] and words[at + 1:at + 2] in (["to"], ["of"], ["for"]) and
            words[at + 2:at + 3] == ["the"] and words[at + 3:at + 4] != [] and words[at + 3] in _NETWORK_WORDS) or \
        (words[at:at + 1] != [] and words[at] in _NETWORK_WORDS and words[at + 1:at + 4] == ["'", "s", "input"])
    if told and words[at + 4:at + 5] in (["is"], [":"]):  # (both forms four words long)
        volume = _skip(words, at + 5, ("a", "an"))
        if volume < len(tokens) and tokens[volume].kind == "DIMS":  # (what follows it is read as after `Input:`)
            return [tokens[at]._replace(kind="WORD", text="Input"),
                    Tok("P", ":", tokens[volume].start, tokens[volume].start), *tokens[volume:]]
    if words[at:at + 1] == [] or words[at] not in _NETWORK_WORDS or words[at + 1:at + 2] != ["takes"]:
        return _input_given(tokens, words)
    given = next((j for j in range(at + 2, min(len(words), at + 7)) if tokens[j].kind == "DIMS"), None)
    if given is None or not set(words[at + 2:given]) <= {"as", "input", "an", "a", "its", "inputs"}:
        return tokens
    coloured = given + 1  # `… a 128x128 RGB image`: its depth said in words (kept: `Input: 128x128 RGB image`)
    while words[coloured:coloured + 1] != [] and words[coloured] in (*_COLOUR_WORDS, *_GREY_WORDS):
        coloured += 1
    noun = words[coloured:coloured + 1] in (["image"], ["images"], ["volume"])  # (kept: `Input: 28x28 image`)
    end = coloured + (noun or words[coloured:coloured + 1] == ["input"])
    if words[end:end + 2] == ["as", "input"]:
        end += 2
    if words[end:] not in ([], ["."]):
        return tokens
    return [tokens[at]._replace(kind="WORD", text="Input"), Tok("P", ":", tokens[given].start, tokens[given].start),
            *tokens[given:coloured + noun]]  # (`… a 32x32x3 input`, `… as input`: the volume, without them)


# the words of a sentence giving the input (`Given an input volume of 32x32x3, apply the following:`, `Consider an
# input image of size 32x32x3`, `Let the input be 32x32x3`, `We start with a 32x32x3 input`): those that lead it, those
# around the volume, and an instruction after a comma
_GIVEN_LEADS = {"given", "consider", "suppose", "assume", "let", "we", "start", "begin", "have", "take", "with", "an",
                "a", "the", "our", "feed", "pass", "use"}  # (`We feed a 64x64 RGB image to the following network:`)
_GIVEN_WORDS = {"input", "inputs", "image", "images", "volume", "tensor", "of", "size", "shape", "dimensions", "is",
                "be", "given", ":", "=", "(", ")", "as", *_COLOUR_WORDS, *_GREY_WORDS, "pixels", "digit", "digits",
                *_DATASET_DEPTHS}
_GIVEN_NOUNS = {"input", "image", "inputs", "images", "digit", "digits"}  # one at least is said
_NETWORK_FOR = {"with", "the", "following", "architecture", "for", "on", "that", "which", "takes", "accepts",
                "designed", "built", "of", "a", "an", "below", "above", "shown", "to", "our", "this", "my", "your"}
# a network named before its input (`a CNN … for 28x28 images`, `Consider the network below with a 64x64x3 input.`,
# `The input to our network is a 64x64 RGB image.`)
_GIVEN_TAIL = {"apply", "the", "following", "layers", "layer", "operations", "in", "order", "below", "compute",
               "answer", "questions", "and", "then", "to", "it", ":", ".", "network", "model", "cnn", "through",
               "passed", "fed", "sent"}  # (`… passed through the following layers.`)


# the CS231n notes' letters for an input volume's sides (`Accepts a volume of size W1 x H1 x D1`), by axis
_INPUT_LETTERS = {"h1": 0, "w1": 1, "d1": 2}
_INPUT_LETTERS_LEAD = ("input", "volume", "image", "the", "is", "of", "size", "a", ":", "-", "accepts")


def _letters_input(tokens: list[Tok]) -> list[Tok]:
    """An input given by the CS231n notes' letters, `W1 = 32, H1 = 32, D1 = 3` (`Input volume: W1 = H1 = 32, D1 =
    3`), as `Input: 32x32x3`; other tokens as they are (every side given once, and nothing else on the line)."""
    words = [t.lower for t in tokens]
    at = _skip(words, 0, _INPUT_LETTERS_LEAD)
    if at >= len(words) or words[at] not in _INPUT_LETTERS:
        return tokens
    sides: dict[int, Tok] = {}
    pending: list[int] = []
    for tok, word in zip(tokens[at:], words[at:]):
        if word in _INPUT_LETTERS and _INPUT_LETTERS[word] not in sides and _INPUT_LETTERS[word] not in pending:
            pending.append(_INPUT_LETTERS[word])
        elif tok.kind == "NUM" and pending and tok.text.isdigit():
            sides.update((axis, tok) for axis in pending)
            pending = []
        elif not (word == "=" and pending) and not (word in (",", ";", "and", ".") and not pending):
            return tokens
    if pending or len(sides) != 3:
        return tokens
    first, last = min(sides.values(), key=lambda t: t.start), max(sides.values(), key=lambda t: t.end)
    volume = Tok("DIMS", "x".join(sides[axis].text for axis in range(3)), first.start, last.end)
    return [Tok("WORD", "Input", tokens[0].start, tokens[0].start), Tok("P", ":", first.start, first.start), volume]


def _letters_product(words: list[str], at: int) -> int:
    """Where the volume starts after the notes' letters for it at `at` (`W1 x H1 x D1 = 32 x 32 x 3`, `H x W x C =
    …`, `W1 × H1 × D1:`): after their `=` or `:`; `at` when the words there are not such letters."""
    j = at
    while j < len(words) and re.fullmatch(r"[whdc][12]?", words[j]):
        j += 1
        if words[j:j + 1] not in (["x"], ["×"], ["*"]):
            break
        j += 1
    return j + 1 if j > at + 2 and words[j:j + 1] in (["="], [":"]) else at


def _input_opener(words: list[str]) -> int:
    """Where `input` may start a line giving the input: after `The`, or after the network's name (`Network: input
    64x64x3`, `Network input: …`, `Model's input: …`)."""
    at = 1 if words[:1] == ["the"] else 0
    if words[at:at + 1] and words[at] in _NETWORK_WORDS:
        at = _skip(words, at + 1, (":", "'", "s", "-"))
    return at


def _input_given(tokens: list[Tok], words: list[str]) -> list[Tok]:
    """A sentence that gives the network's input and nothing else, as `Input: 32x32x3 …`; other tokens as they are.
    Its one volume; before it the words that lead a sentence (one at least, or `Image:`), and none that names a
    layer; after it words about the input, then at most an instruction (`, apply the following:`). What is kept
    after the volume is what `Input:` reads there (`RGB image`)."""
    opening = next((j for j in range(1, len(words) - 2) if words[j:j + 2] == ["(", "input"]), None)
    closing = words.index(")", opening) if opening is not None and ")" in words[opening:] else None
    if opening is not None and closing is not None and set(words[closing + 1:]) <= {".", ":"} and \
            not any(w in ir.ANSWER_WORDS or w in _DESCRIBING or w == "output" for w in words[:opening]):
        # `CNN exercise (input: 28x28 grayscale image, i.e. 28x28x1)`: a title's parenthesis read as `Input: …`, its
        # words and a volume said again as that line reads them
        inside = tokens[opening + 1:closing]
        return [inside[0], *([] if inside[1:2] and inside[1].text == ":" else
                             [Tok("P", ":", inside[0].end, inside[0].end)]), *inside[1:]]
    volumes = [j for j, t in enumerate(tokens) if t.kind == "DIMS"]
    if len(volumes) != 1:
        return tokens
    given = volumes[0]
    titled = given - 1 - (words[given - 1:given] == [":"])  # `VGG-16 (first block), input 224x224x3`: a title's
    closed = ")" if titled > 1 and words[titled - 1] == "(" else None  # `ResNet-18 stem (input 224x224x3)`
    after = words[given + 1:]
    if closed is not None and after[:1] == [closed]:
        after = after[1:]
    if titled > 1 and words[titled] == "input" and (words[titled - 1] in (",", "-", "—", ";", ".") or (
            closed is not None and words[given + 1:given + 2] == [closed])) and \
            set(after) <= {".", ":", *_INPUT_WORDS} and \
            not any(w in ir.ANSWER_WORDS or w in _DESCRIBING or w == "output" for w in words[:titled]):
        return [tokens[titled], Tok("P", ":", tokens[given].start, tokens[given].start), *tokens[given:]]
    numbered = _lead(tokens)  # (`Problem 3. Consider …`)
    start = numbered
    on = next((j for j in range(numbered + 1, min(numbered + 5, given)) if words[j] in ("on", "for")), None)
    if on is not None and all(t.kind in ("WORD", "NUM") or t.text == "-" for t in tokens[numbered:on]) and \
            not any(w in ir.ANSWER_WORDS or w in _DESCRIBING or w in ("input", "output", "layer") or
                    _layer_kind(w) is not None for w in words[numbered:on]):
        numbered, start = on, on + 1  # `LeNet-5 on a 32x32 grayscale input.`: a network's name, then its input
    lead = next((j for j, w in enumerate(words) if j >= start and w not in _GIVEN_LEADS), len(words))
    before = set(words[lead:given])
    if before & set(_NETWORK_WORDS):  # `Consider a CNN with the following architecture for 28x28 grayscale images`
        before -= {*_NETWORK_WORDS, *_NETWORK_FOR}
    if not (lead > numbered or (words[:2] == ["image", ":"] and given == 2)) or \
            not before <= _GIVEN_WORDS or not _GIVEN_NOUNS & set(words[:given + 3]):
        return tokens
    end = given + 1
    while end < len(words) and words[end] in _GIVEN_WORDS:
        end += 1
    tail = words[end + 1:] if words[end:end + 1] == [","] else words[end:]
    if not set(tail) <= _GIVEN_TAIL or (tail and words[end] not in (",", "to", "through", "passed", "fed", "sent",
                                                                    "and") and tail != ["."]):
        return tokens  # (`…, apply the following:`; `… to the following network:`; `… and the following layers:`)
    return [tokens[0]._replace(kind="WORD", text="Input"), Tok("P", ":", tokens[given].start, tokens[given].start),
            tokens[given], *(t for t in tokens[given + 1:end] if t.lower in _INPUT_WORDS or t.lower in _DEPTH_WORDS)]


def _stated_by_place(tokens: list[Tok]) -> bool:
    """A sentence that states a layer by its place (`The second conv layer has 64 3x3 filters …`, `The first layer is
    a convolution with …`): a layer, however much of it cnncalc reads."""
    words = [t.lower for t in tokens]
    return _stated_of_kind(words) is not None or _stated_in_place(words) is not None


def _stated_in_place(words: list[str]) -> tuple[int, int] | None:
    """`The first layer is a convolution with …`, `The second layer is 2x2 max pooling …`, `Layer 2 is a max pooling
    layer …`: where the layer's description starts, and its place (0 for the first, -1 for the last); None for any
    other line."""
    at = 1 if words[:1] == ["the"] else 0
    if words[:1] == ["layer"] and words[1:2] and words[1].isdigit() and len(words[1]) <= 3 and \
            words[2:3] == ["is"] and int(words[1]) >= 1:  # `Layer 1 is a convolutional layer with …` (it was prose)
        start = 3 + (words[3:4] in (["a"], ["an"]))
        described = any(_layer_kind(w) is not None for w in words[start:start + 3]) and \
            any(w[:1].isdigit() for w in words[start:])  # (a kind and a number: not `Layer 1 is the most expensive.`)
        # (or a step whole without numbers: `Layer 5 is global average pooling.`, `Layer 3 is a ReLU.`)
        bare = tuple(w for w in words[start:] if w not in (".", "layer", "activation", "function"))
        whole = _global_pool(list(bare)) and set(bare) <= {"global", "average", "avg", "max", "pooling", "pool"}
        return (start, int(words[1]) - 1) if described or whole or bare in _STEPS else None
    if words[at:at + 1] == [] or words[at] not in _ORDINALS or words[at + 1:at + 3] != ["layer", "is"]:
        return None
    start = at + 3 + (words[at + 3:at + 4] in (["a"], ["an"]))
    return (start, _ORDINALS[words[at]]) if start < len(words) else None


# what a sentence stating a layer of a kind by its place says before the description (`The first convolutional layer
# uses 16 filters …`)
_STATING_VERBS = (["uses"], ["has"], ["applies"], ["contains"], ["with"], ["consists", "of"], ["is", "made", "of"])
# words of a layer's description (a sentence that says none of them, `… has 448 parameters`, answers instead)
_DESCRIBING_WORDS = {"filters", "filter", "kernels", "kernel", "neurons", "units", "window", "stride"}


def _stated_of_kind(words: list[str]) -> tuple[int, int, int, str] | None:
    """`The first convolutional layer uses 16 filters of size 3x3 …` (`The second conv layer has 32 filters …`, `The
    first FC layer has 100 neurons.`; without its place, `The convolutional layer uses 16 filters …`, the first of its
    kind, `_UNPLACED`): where its kind's words start and end, its place among the layers of that kind (0 for the
    first, -1 for the last) and that kind; None for any other line, and for a sentence that answers (`The first
    conv layer has 448 parameters.`, `_placed`)."""
    at = 1 if words[:1] == ["the"] else 0
    unplaced = at == 1 and words[1:2] != [] and words[1] not in _ORDINALS
    if words[at:at + 1] == [] or (words[at] not in _ORDINALS and not unplaced):
        return None
    at -= unplaced  # (its kind's words start after `the`)
    end = next((j for j in range(at + 2, min(len(words), at + 5)) if words[j] == "layer"), None)
    kind = _layer_kind(" ".join(words[at + 1:end])) if end is not None else None
    if end is None or kind is None:
        return None
    verb = next((len(v) for v in _STATING_VERBS if words[end + 1:end + 1 + len(v)] == v), 0)
    # its description, before its answers: after an arrow, or after a `:`, `;` or `,` that an answer's word follows
    # (`… with padding 1: output 16x16x64, parameters 18,496`)
    answers = next((j for j in range(end + 1 + verb, len(words)) if words[j] == "->" or (
        words[j] in (":", ";", ",") and words[j + 1:j + 2] and words[j + 1] in _ANSWER_LEADS)), len(words))
    rest = words[end + 1 + verb:answers]
    if not verb or _DESCRIBING_WORDS.isdisjoint(rest) or not {*ir.ANSWER_WORDS, "output"}.isdisjoint(rest):
        return None
    return at + 1, end + 1 + verb, _UNPLACED if unplaced else _ORDINALS[words[at]], kind


_UNPLACED = -2  # `The convolutional layer uses …`: a layer of a kind, its place not said (`_stated_of_kind`)


# the words an answer after a layer's description may start with (`…: output 16x16x64`, `, 18,496 parameters`)
_ANSWER_LEADS = {*ir.ANSWER_WORDS, "output", "outputs", "its", "it"}


# an axis's name after its size (`55 (width)`): the sides' letters and words, by axis, and a few more
_AXIS_NAMES = {**_LETTERS_OF_SIDES, "rows": 0, "columns": 1, "cols": 1, "channel": 2, "filters": 2, "maps": 2}


def _axes_named(tokens: list[Tok]) -> list[Tok]:
    """`55 (width) x 27 (height) x 96 (depth)`, each size with its axis, as the volume those axes say, height first
    (`27x55x96 (HxWxC)`; `96 (channels) x 27 (height) x 55 (width)` as well). Other tokens as they are."""
    for k in range(len(tokens) - 3):
        sizes: list[tuple[int, Tok]] = []
        at = k
        while at + 3 < len(tokens) + 1 and tokens[at].kind == "NUM" and tokens[at].text.isdigit() and \
                [t.text for t in tokens[at + 1:at + 4:2]] == ["(", ")"] and tokens[at + 2].lower in _AXIS_NAMES:
            sizes.append((_AXIS_NAMES[tokens[at + 2].lower], tokens[at]))
            at += 4
            if at < len(tokens) and tokens[at].lower in ("x", "×", "*", "by") and len(sizes) < 3:
                at += 1
            else:
                break
        axes = [axis for axis, _ in sizes]
        if len(sizes) in (2, 3) and len(set(axes)) == len(axes) and (len(sizes) == 3 or set(axes) == {0, 1}):
            start, end = sizes[0][1].start, tokens[at - 1].end
            if tokens[at - 1].lower in ("x", "×", "*", "by"):
                return tokens  # (a size after the last `x` that names no axis)
            ordered = sorted(sizes, key=lambda size: size[0])  # (`55 (width) x 27 (height)`: 27x55)
            volume = Tok("DIMS", "x".join(size.text for _, size in ordered), start, end)
            order = [Tok("P", "(", end, end), Tok("WORD", "HxWxC", end, end), Tok("P", ")", end, end)]
            return [*tokens[:k], volume, *(order if len(sizes) == 3 else []), *tokens[at:]]
    return tokens


def _output_sides(tokens: list[Tok]) -> list[Tok]:
    """`Output width = 55, height = 55, depth = 96`, `Output width: 55, output height: 55, …`: an output's sides by
    their names, each `output` before one dropped (`width = 55, height = 55, depth = 96`, `_sides`), when two or more
    are named; after a leading `output` the sides' numbers may follow their names bare (`Output height 28, width 28,
    depth 6`, `Output depth 6`: a `:` put after each name). Other tokens as they are."""
    words = [t.lower for t in tokens]
    bare = [j for j, w in enumerate(words) if w in _LETTERS_OF_SIDES and len(w) > 2 and tokens[j + 1:j + 2] != [] and
            tokens[j + 1].kind == "NUM"]
    if words[:1] == ["output"] and (len(bare) >= 2 or (len(words) == 3 and bare == [1])):  # (`Output depth 6`)
        at = set(bare)
        tokens = [u for j, t in enumerate(tokens)
                  for u in ((t, Tok("P", ":", t.end, t.end)) if j in at else (t,))]
        words = [t.lower for t in tokens]
    named = [j for j, w in enumerate(words) if w in _LETTERS_OF_SIDES and len(w) > 2 and words[j + 1:j + 2] in
             ([":"], ["="])]
    outputs = [j for j, w in enumerate(words) if w == "output"]
    if len(named) < 2 or not outputs or outputs[0] != 0 or any(j + 1 not in named for j in outputs):
        return tokens
    return [t for j, t in enumerate(tokens) if j not in outputs]


_SIDE_LETTERS = {"w": "width", "h": "height", "d": "depth", "c": "channels"}


def _output_implied(tokens: list[Tok]) -> list[Tok]:
    """An output answered without the word the reader's forms lead with: `6 feature maps of 28x28` (`6 activation
    maps of size 28x28`) as `Output: 6 feature maps of 28x28`, and `Output memory: 4,704` as `Memory: 4,704` (the
    memory the notes count is the output's), `Output W = 28` as `Output width = 28`, and PyTorch's printed shape,
    `torch.Size([1, 6, 28, 28])`, as `Output: 6 (channels) x 28 (height) x 28 (width)`, its order said
    (`torch.Size([1, 10])` as `Output: 10`). Other tokens as they are."""
    words = [t.lower for t in tokens]
    if words[:2] == ["output", "memory"]:
        return tokens[1:]
    if words[:1] == ["output"] and words[1:2] and words[1] in _SIDE_LETTERS and words[2:3] in ([":"], ["="]):
        side = tokens[1]  # `Output W = 28` as `Output width = 28`
        return [tokens[0], Tok("WORD", _SIDE_LETTERS[words[1]], side.start, side.end), *tokens[2:]]
    numbers = [t for t in tokens[5:-2] if t.text != ","]
    if words[:5] == ["torch", ".", "size", "(", "["] and words[-2:] == ["]", ")"] and len(numbers) in (2, 3, 4) and \
            all(t.kind == "NUM" for t in numbers) and len(tokens) == 6 + 2 * len(numbers):
        at = tokens[0].start  # PyTorch's printed shape: the batch, then the channels, height and width
        named: list[Tok] = [Tok("WORD", "output", at, at), Tok("P", ":", at, at)]
        if len(numbers) == 2:  # the batch and a vector's length (`torch.Size([1, 10])`)
            return [*named, numbers[1]]
        for number, axis in zip(numbers[-3:], ("channels", "height", "width")):
            end = number.end
            named += [*([Tok("WORD", "x", number.start, number.start)] if axis != "channels" else []), number,
                      Tok("P", "(", end, end), Tok("WORD", axis, end, end), Tok("P", ")", end, end)]
        return named
    if tokens[:1] and tokens[0].kind == "NUM" and words[1:3] in (["feature", "maps"], ["activation", "maps"]) and \
            tokens[-1].kind == "DIMS" and all(w in ("of", "size") for w in words[3:-1]):
        at = tokens[0].start
        return [Tok("WORD", "output", at, at), Tok("P", ":", at, at), *tokens]
    return tokens


def _vgg_named(tokens: list[Tok], table: bool) -> list[Tok]:
    """`conv3-64 -> 224x224x64`, `CONV3-64: 224x224x64`: the VGG paper's name (64 3x3 filters, padded to keep the
    size) and its output, as the notes' breakdown writes it, `CONV3-64: [224x224x64]`; `conv3-64` alone or with
    other answers (after an arrow or a colon) as `64 3x3 filters, pad 1`; the table's `soft-max` as `softmax`, and
    on a sheet that writes the table (`table`) its `maxpool` alone as `2x2 max pool, stride 2` (the paper's
    pooling). Other tokens as they are."""
    named = len(tokens) >= 3 and re.fullmatch(r"conv[0-9]+", tokens[0].lower) is not None and \
        tokens[1].text == "-" and tokens[2].kind == "NUM" and tokens[2].text.isdigit()
    if named and len(tokens) == 5 and (tokens[3].text == ":" or tokens[3].kind == "ARROW") and \
            tokens[4].kind == "DIMS":
        colon, volume = tokens[3], tokens[4]
        return [*tokens[:3], Tok("P", ":", colon.start, colon.end), Tok("P", "[", volume.start, volume.start), volume,
                Tok("P", "]", volume.end, volume.end)]
    digits = tokens[0].lower[4:] if named else ""
    size = int(digits) if 0 < len(digits) <= limits.MAX_LITERAL_DIGITS else 0  # (more digits: no size, E013's)
    answered = len(tokens) > 4 and tokens[3].text == ":" and tokens[4].text != "["  # (the notes' breakdown's `: [`)
    if named and size % 2 and (len(tokens) == 3 or tokens[3].kind == "ARROW" or tokens[3].text in (",", "(") or
                               answered):
        at, end = tokens[0].start, tokens[2].end
        rest = tokens[3:]
        stride: list[Tok] = []
        pad = Tok("NUM", str(size // 2), end, end)  # the paper's: the size kept
        if rest[:1] and rest[0].text in ("(", ","):
            # `conv3-64 (3x3, stride 1, same padding): output …`, `conv3-64, pad 1: 224x224x64`: what the name says,
            # said again (after a comma it was prose: a wrong answer passed over, or E060 before an arrow)
            closing = next((j for j, t in enumerate(rest) if t.text == ")"), None) if rest[0].text == "(" else None
            end = closing if closing is not None else \
                next((j for j, t in enumerate(rest) if t.kind == "ARROW" or t.text == ":"), len(rest))
            said = _vgg_options(rest[1:end], size) if rest[0].text == "," or closing is not None else None
            if said is not None:
                (stride, pad), rest = (said[0], said[1] or pad), rest[end + (closing is not None):]
            elif end < len(rest) and rest[end].text == ":":  # `conv3-64 (pad 0): 30x30x64`, `conv3-64, pad 0: …`: a
                # description that says more than the name, read as written, its answers after the colon (it was
                # prose: a wrong answer passed over)
                rest = [*rest[:end], Tok("ARROW", "->", rest[end].start, rest[end].end), *rest[end + 1:]]
        return [Tok("NUM", tokens[2].text, tokens[2].start, end), Tok("DIMS", f"{size}x{size}", at, tokens[0].end),
                Tok("WORD", "filters", end, end), Tok("P", ",", end, end), Tok("WORD", "pad", end, end),
                pad, *stride, *_colon_as_arrow(rest)]
    words = [t.lower for t in tokens]
    if words[:3] == ["soft", "-", "max"]:
        return [Tok("WORD", "softmax", tokens[0].start, tokens[2].end), *tokens[3:]]
    ends = next((j for j, t in enumerate(tokens) if t.kind == "ARROW" or (t.text == ":" and tokens[j + 1:j + 2] and
                                                                          tokens[j + 1].text != "[") or
                 (t.text == "," and words[j + 1:j + 2] == ["output"])), len(tokens))  # (`6. maxpool: output …`)
    lead = _lead(tokens) if table else 0  # (`6. maxpool: …`, numbered)
    if table and words[lead:ends] in (["maxpool"], ["max", "pool"]):  # (not a heading's `Max Pooling`)
        at, end = tokens[lead].start, tokens[ends - 1].end
        return [*tokens[:lead], Tok("DIMS", "2x2", at, at), *tokens[lead:ends], Tok("P", ",", end, end),
                Tok("WORD", "stride", end, end), Tok("NUM", "2", end, end), *_colon_as_arrow(tokens[ends:])]
    return tokens


def _vgg_said(name: list[Tok]) -> list[Tok] | None:
    """A table's name cell that is a VGG name and a parenthesis `_vgg_options` reads (`CONV3-8 (pad 1)`, `conv3-64
    (stride 2)`), as the layer's description (`8 3x3 filters, pad 1`); None for any other cell."""
    if len(name) < 5 or name[3].text != "(" or name[-1].text != ")":
        return None
    said = _vgg_named(name, True)
    return said if said[0].kind == "NUM" and all(t.text != "(" for t in said) else None


def _vgg_options(said: list[Tok], size: int) -> tuple[list[Tok], Tok | None] | None:
    """What a parenthesis after a VGG name says (`conv3-64 (3x3, stride 1, same padding)`), or the options after a
    comma (`conv3-64, pad 1: …`), when it is what the name says (its size, the padding that keeps the size), a
    stride and a padding of its own (`conv3-16 (pad 0)`, `(no padding)`, `(valid)`: said in so many words, it is the
    layer's): the stride as options (`, stride 2`) and the padding's number (None: the name's); None when it says
    anything else (it is read as written, and what contradicts the name is an error)."""
    groups: list[list[Tok]] = [[]]
    for t in said:
        if t.text in (",", ";"):
            groups.append([])
        else:
            groups[-1].append(t)
    kept = {(f"{size}x{size}",), ("same",), ("same", "padding"), ("padding", "same")}
    stride: list[Tok] = []
    pad: Tok | None = None
    for group in filter(None, groups):
        words = tuple(t.lower for t in group)
        if words in kept:
            continue
        number = group[-1]
        if words in (("valid",), ("no", "padding"), ("no", "pad"), ("valid", "padding"), ("padding", "valid")) and \
                pad is None:
            pad = Tok("NUM", "0", group[0].start, number.end)
            continue
        told = len(group) > 1 and number.kind == "NUM" and number.text.isdigit() and words[1:-1] in ((), ("=",))
        if told and words[0] == "stride" and not stride:
            stride = [Tok("P", ",", number.start, number.start), Tok("WORD", "stride", group[0].start, group[0].end),
                      number]
            continue
        if told and words[0] in ("pad", "padding") and pad is None:
            pad = number
            continue
        return None
    return stride, pad


def _colon_as_arrow(rest: list[Tok]) -> list[Tok]:
    """What follows a layer's description with its colon as an arrow (`conv3-64: output 224x224x64, params …`, as
    `… -> output 224x224x64, …`): the answers the colon leads to."""
    if rest[:1] and rest[0].text == ":":
        return [Tok("ARROW", "->", rest[0].start, rest[0].end), *rest[1:]]
    return rest


# The papers' notations a sheet may copy, each known by a line only it writes: the ResNet paper's figure, a
# convolution halving its map (`3x3 conv, 128, /2`) or its pool (`pool, /2`), and the VGG paper's table (`conv3-64`
# leading a line). The sheet's other lines follow the same conventions (`_figure_conv`, `_vgg_named`).
_FIGURES = {"resnet": re.compile(r"\b(?:\d+\s*x\s*\d+\s+conv,\s*\d+|pool),\s*/\s*\d", re.I),
            "vgg": re.compile(r"^[ \t]*(?:(?:[-*•|]|[0-9]+[.)])[ \t]*)?conv[0-9]+-[0-9]+\b", re.I | re.M)}


_ASSUMING = frozenset({"all", "every", "each", "throughout", "everywhere", "always", "assume", "assuming", "unless",
                       "default"})  # words that make a line's padding the whole sheet's (`_padding_assumed`)
_SIZE_KEPT = frozenset({"same", "keep", "keeps", "kept", "preserve", "preserves", "preserving", "preserved",
                        "maintain", "maintains"})


def _kernel_sides(kernel: ir.Value) -> tuple[int, int] | None:
    """A filter size read as its height and width (`3` and `3x3` alike), when both are numbers."""
    if isinstance(kernel, ir.Num):
        return kernel.value, kernel.value
    if isinstance(kernel, ir.PairLit) and isinstance(kernel.items[0], ir.Num) and isinstance(kernel.items[1], ir.Num):
        return kernel.items[0].value, kernel.items[1].value
    return None


def _padding_assumed(tokens: list[Tok]) -> tuple[ir.Value, tuple[int, int] | None] | None:
    """The padding a line of prose says every convolution of the sheet has, when it says that (`All convolutions use
    stride 1 and 'same' padding.`, `Assume zero padding of 1 for all 3x3 convolutions.`, `Note: all conv layers are
    padded to keep the spatial size.`), and the filter size it is said for (`3x3`), if any: the convolutions below
    that say no padding of their own have it (read unpadded, their right outputs were marked wrong). None for any
    other line."""
    words = [t.lower.strip("'\"") for t in tokens]
    padded = [j for j, w in enumerate(words) if w.startswith(("pad", "zero-pad", "unpad"))]
    convolutions = {"conv", "convs", "convolution", "convolutions", "convolutional"}.intersection(words)
    if not padded or not _ASSUMING.intersection(words) or any(t.kind == "ARROW" for t in tokens) or \
            {"except", "but", "besides", "apart", "not", "first", "last"}.intersection(words) or \
            (not convolutions and any(w.startswith("pool") for w in words)):
        return None  # (`All layers are padded except the first`, `All pools use padding 1`: not every convolution)
    sizes = {(int(d[0]), int(d[-1])) for t in tokens if t.kind == "DIMS" and (d := _dims_text(t.text).split("x"))
             and len(d) == 2 and all(p.isdigit() and len(p) <= 4 for p in d)}
    size = next(iter(sizes)) if len(sizes) == 1 else None
    if len(sizes) > 1:
        return None
    said = tokens[padded[0]]
    if "unpadded" in words or "valid" in words or any(words[j - 1:j] in (["no"], ["without"]) for j in padded):
        return ir.Num(0, said.span), size  # `All convolutions are unpadded.`: pad 0, said (`3x3 conv, 64` then reads)
    if _SIZE_KEPT.intersection(words):
        return ir.Word("same", said.span), size
    for j in padded:
        at = _skip(words, j + 1, ("of", "=", ":", "is", "by"))
        if at < len(tokens) and tokens[at].kind == "NUM" and tokens[at].text.isdigit() and len(tokens[at].text) <= 4:
            return ir.Num(int(tokens[at].text), tokens[at].span), size
    return None


def _biases_left_out(tokens: list[Tok]) -> Span | None:
    """Where a line of prose says the sheet's layers have no biases, or that they are not counted (`Ignore the bias
    terms.`, `(ignore biases)`, `Assume no biases.`, `Note: biases are not counted.`): the layers below that say
    nothing of their own are counted without them (their right counts were marked wrong). None for other lines."""
    words = [t.lower for t in tokens]
    said = next((j for j, w in enumerate(words) if w in ("bias", "biases")), None)
    if said is None or any(t.kind in ("ARROW", "DIMS") or (t.kind == "NUM" and not _names_sheet(tokens, j))
                           for j, t in enumerate(tokens)) or len(words) > 16 or \
            {"include", "including", "included", "includes", "with", "except", "but"}.intersection(words):
        return None
    if not {"ignore", "ignoring", "ignored", "no", "without", "not", "exclude", "excluding", "excluded", "neglect",
            "omit", "omitted", "drop"}.intersection(words):
        return None
    return tokens[said].span


def _same_input(tokens: list[Tok], above: ir.Input | None) -> list[Tok]:
    """A problem told on the input of the one above (`Q2. Same input, but 6 filters of size 3x3, stride 2, pad 1.`):
    the tokens with that input's volume after `input`, placed at the words that say it, so that the problem reads
    as told with it (it was prose, and its answers were taken as the problem above's, E060). The tokens as they are
    for any other line, and where there is no such input (a letter in its size, or none)."""
    words = [t.lower for t in tokens]
    said = next((k for k in range(len(words) - 1) if words[k] == "same" and words[k + 1] in ("input", "image")), None)
    if said is None or above is None or not all(isinstance(d, int) for d in above.dims) or \
            not ({"filter", "kernel", "filters", "kernels"} | _TOLD_POOLS).intersection(words):
        return tokens
    after = said + 2 + (words[said + 2:said + 3] == ["volume"])
    if tokens[after:after + 1] and tokens[after].kind == "DIMS":
        return tokens  # (`the same input 32x32x3`: said)
    volume = Tok("DIMS", "x".join(map(str, above.dims)), tokens[said].start, tokens[said + 1].end)
    return [*tokens[:after], volume, *tokens[after:]]


_LABEL_WORDS = frozenset({*ir.ANSWER_WORDS, *_NAMED_OUTPUT, *_OUTPUT_NOUNS, "output", "number", "of", "the", "total",
                          "learnable", "trainable", "#"}) - {"is", "?", ":", "=", "a", "answer"}


def _label_arrow(tokens: list[Tok]) -> list[Tok]:
    """`Params -> 760`, `Shape -> (32, 32, 10)`: an answer's label, then its answer after an arrow, as after a `:`
    (read as a layer named `Params` or `Shape` that cnncalc cannot read: E060 on a right answer); other tokens as they
    are."""
    lead = _lead(tokens)
    arrow = next((j for j in range(lead, min(len(tokens), lead + 6)) if tokens[j].kind == "ARROW"), None)
    if arrow is None or arrow == lead or arrow + 1 >= len(tokens) or \
            not all(t.lower in _LABEL_WORDS for t in tokens[lead:arrow]):
        return tokens
    return [*tokens[:arrow], Tok("P", ":", tokens[arrow].start, tokens[arrow].end), *tokens[arrow + 1:]]


def _answer_said(tokens: list[Tok]) -> list[Tok]:
    """`The answer is 760.` (`My answer is …`, `Answer is …`, `The final answer is …`) as `Answer: 760.`, which a
    question above, or the layer above, reads (it was judged as an output: a right count under a question asking for
    the parameters was marked wrong); other tokens as they are."""
    lead = _lead(tokens)
    words = [t.lower for t in tokens[lead:lead + 4]]
    said = next((len(opening) for opening in _ANSWER_SAID if words[:len(opening)] == list(opening)), 0)
    if not said or len(tokens) <= lead + said:
        return tokens
    first, verb = tokens[lead], tokens[lead + said - 1]
    return [*tokens[:lead], Tok("WORD", "Answer", first.start, first.end), Tok("P", ":", verb.start, verb.end),
            *tokens[lead + said:]]


_ANSWER_SAID = (("the", "answer", "is"), ("my", "answer", "is"), ("answer", "is"), ("the", "final", "answer", "is"),
                ("my", "final", "answer", "is"), ("final", "answer", "is"))


def _vector_said(tokens: list[Tok]) -> list[Tok]:
    """A vector's values said in words, as its count: `a vector of 100 scores` as `100 scores` (the network's final
    output's), `a 4000-dimensional
    vector` as `4000 values`, `class scores` as `scores`; what a layer receives said with `receives` or `'s input
    has` (`The FC layer receives 4000 values.`, `The FC layer's input has …`) as `The input to the FC layer is …`.
    Each was prose, a wrong answer passing with no word said. Other tokens as they are."""
    words = [t.lower for t in tokens]
    if not {"vector", "class", "receives", "input"}.intersection(words):
        return tokens
    out: list[Tok] = []
    final = "final" in words or "network" in words
    k = 0
    while k < len(tokens):
        w = words[k]
        if w in ("a", "an") and words[k + 1:k + 3] == ["vector", "of"] and tokens[k + 3:k + 4] and \
                tokens[k + 3].kind == "NUM" and final:
            k += 3  # `The final output is a vector of 100 scores` (`Output: a vector of 10 numbers` under a layer
            continue  # may say what the network gives in the end: a remark)
        if w in ("a", "an") and tokens[k + 1:k + 2] and tokens[k + 1].kind == "NUM" and \
                words[k + 2:k + 5] in (["-", "dimensional", "vector"], ["-", "dim", "vector"], ["-", "d", "vector"]):
            out += [tokens[k + 1], Tok("WORD", "values", tokens[k + 4].start, tokens[k + 4].end)]
            k += 5  # `a 4000-dimensional vector`
            continue
        if w == "class" and words[k + 1:k + 2] in (["scores"], ["probabilities"]) and k and tokens[k - 1].kind == "NUM":
            k += 1  # `100 class scores`
            continue
        out.append(tokens[k])
        k += 1
    words = [t.lower for t in out]
    receiving = next((j for j in range(2, min(len(words), 6)) if words[j] == "receives" or
                      words[j - 2:j + 2] == ["'", "s", "input", "has"]), None)
    if words[:1] == ["the"] and receiving is not None:
        layer = out[1:receiving] if words[receiving] == "receives" else out[1:receiving - 2]
        verb = out[receiving] if words[receiving] == "receives" else out[receiving + 1]
        if layer and _layer_kind(" ".join(t.lower for t in layer)) is not None:
            at = out[0]
            return [Tok("WORD", "The", at.start, at.end), Tok("WORD", "input", at.start, at.end),
                    Tok("WORD", "to", at.start, at.end), Tok("WORD", "the", at.start, at.end), *layer,
                    Tok("WORD", "is", verb.start, verb.end), *out[receiving + 1 + (words[receiving] != "receives"):]]
    return out


def _dense_said(tokens: list[Tok]) -> list[Tok]:
    """A fully connected layer said in a sentence in ways the layer readers do not follow, as `Then a fully connected
    layer with N neurons`: `Add a dense layer …` (`Apply`, `Use`, `We (then) add`), `After flattening, a fully
    connected layer …`, `The next layer is fully connected with 100 outputs.`, `… dense layer of size 100`. Each was
    prose, its layer left out of the network (the answers after it rest on it, unjudged). Other tokens as they are."""
    lead = _lead(tokens)
    words = [t.lower for t in tokens]
    if not _DENSE_WORDS.intersection(words):
        return tokens
    hidden = {j for j in range(lead + 1, len(tokens) - 1) if words[j] == "hidden" and tokens[j - 1].kind == "NUM" and
              words[j + 1] in ("units", "neurons", "nodes")}
    if hidden and {"fully", "dense", "fc", "linear"}.intersection(words):  # `… with 100 hidden units`: 100 neurons
        tokens = [t for j, t in enumerate(tokens) if j not in hidden]
        words = [t.lower for t in tokens]
    at = lead
    flattened = next((j for j in range(at + 1, min(at + 5, len(words) - 3)) if words[j] == "flattened" and
                      words[j - 1] in ("is", "are") and words[j + 1] == "and" and words[j + 2] in _FED_WORDS and
                      words[j + 3] in ("into", "to")), None)
    if flattened is not None:  # `The output is flattened and fed into a fully connected layer …`
        at = flattened + 4
    elif words[at:at + 2] == ["followed", "by"]:
        at += 2  # `Followed by a 100-unit fully connected layer.`
    elif words[at:at + 1] == ["then"] and at + 1 < len(words) and tokens[at + 1].kind == "NUM" and \
            words[at + 2:at + 3] in (["neurons"], ["units"], ["nodes"]) and \
            words[at + 3:] in (["(", "fully", "connected", ")", "."], ["(", "dense", ")", "."], ["(", "fc", ")", "."]):
        count = tokens[at + 1]  # `Then 100 hidden units (fully connected).`: a fully connected layer of 100
        return [*tokens[:at + 1], Tok("WORD", "a", count.start, count.start),
                Tok("WORD", "fully", count.start, count.start), Tok("WORD", "connected", count.start, count.start),
                Tok("WORD", "layer", count.start, count.start), Tok("WORD", "with", count.start, count.start), count,
                Tok("WORD", "neurons", count.end, count.end), tokens[-1]]
    elif (maps := _mapped_to(words, at)) is not None:  # `A linear layer maps it to 100 features.`
        count = tokens[maps]
        return [*tokens[:at], Tok("WORD", "Then", tokens[at].start, tokens[at].start), *tokens[at:at + 3],
                Tok("WORD", "with", count.start, count.start), count, Tok("WORD", "neurons", count.end, count.end),
                tokens[-1]]
    elif words[at:at + 2] in (["after", "flattening"], ["after", "flatten"]):
        at += 2 + (words[at + 2:at + 3] == [","])  # `After flattening, a fully connected layer …`
    elif words[at:at + 2] == ["flatten", "and"] and words[at + 2:at + 3] and words[at + 2] in _DENSE_VERBS:
        at += 3  # `Flatten and apply a dense layer …` (a fully connected layer flattens its input)
    elif words[at:at + 1] == ["we"] and (verb := at + 1 + (words[at + 1:at + 2] == ["then"])) < len(words) and \
            words[verb] in _DENSE_VERBS:
        at = verb + 1  # `We (then) use a dense layer …`
    elif words[at:at + 1] and words[at] in _DENSE_VERBS:
        at += 1  # `Add a dense layer …`
    said, words = tokens[at:], words[at:]
    changed = at > lead
    unit = 3 if words[2:3] == ["-"] else 2
    layer = next((j for j in range(unit + 1, min(unit + 5, len(words))) if words[j] == "layer"), None)
    if words[:1] in (["a"], ["an"]) and len(said) > 2 and said[1].kind == "NUM" and words[unit:unit + 1] and \
            words[unit] in _COUNTED_UNITS and layer is not None and _DENSE_WORDS.intersection(words[unit + 1:layer]):
        count = said[1]  # `a 100-unit fully connected layer`: one with 100 neurons
        said = [said[0], *said[unit + 1:layer + 1], Tok("WORD", "with", count.start, count.start), count,
                Tok("WORD", "neurons", count.end, count.end), *said[layer + 1:]]
        words, changed = [t.lower for t in said], True
    if words[:6] == ["the", "next", "layer", "is", "fully", "connected"]:  # `The next layer is fully connected with …`
        said = [Tok("WORD", "a", said[0].start, said[0].end), *said[4:6],
                Tok("WORD", "layer", said[5].start, said[5].end), *said[6:]]
        words, changed = [t.lower for t in said], True
    size = next((j for j in range(2, len(words) - 3) if words[j:j + 3] == ["layer", "of", "size"] and
                 _DENSE_WORDS.intersection(words[:j]) and said[j + 3].kind == "NUM"), None)
    if size is not None:  # `… dense layer of size 100`: 100 neurons
        count = said[size + 3]
        said = [*said[:size + 1], Tok("WORD", "with", count.start, count.start), count,
                Tok("WORD", "neurons", count.end, count.end), *said[size + 4:]]
        words, changed = [t.lower for t in said], True
    with_count = next((j for j in range(len(words) - 1) if words[j] in ("with", "of") and said[j + 1].kind == "NUM"),
                      None)  # (`… with 100 neurons`, `… of 100 neurons`)
    if not changed or "layer" not in words or with_count is None:
        return tokens  # (`We add a linear layer mapping to 100 outputs.`, `… head with 10 outputs`: as they are)
    if words[:1] == ["then"] and words[1:2] in (["a"], ["an"], ["another"]):
        return [*tokens[:lead], *said]  # `Then a dense layer of size 100.`
    if words[:1] not in (["a"], ["an"], ["another"]):
        return tokens
    return [*tokens[:lead], Tok("WORD", "Then", said[0].start, said[0].start), *said]


def _mapped_to(words: list[str], at: int) -> int | None:
    """Where the count is in `a linear layer maps it to 100 features.` (`dense`, `fc`; `this`, `the output`, `the
    vector`; `outputs`, `units`, `neurons`): a fully connected layer of that many, said whole; None otherwise."""
    if words[at:at + 1] not in (["a"], ["an"]) or words[at + 1:at + 4] not in (["linear", "layer", "maps"],
                                                                              ["dense", "layer", "maps"],
                                                                              ["fc", "layer", "maps"]):
        return None
    rest = words[at + 4:]
    what = next((len(w) for w in (["it"], ["this"], ["the", "output"], ["the", "vector"], ["the", "features"])
                 if rest[:len(w)] == w), None)
    if what is None or rest[what:what + 1] != ["to"] or rest[what + 2:] not in (
            [unit, "."] for unit in ("features", "outputs", "units", "neurons", "values")) or \
            not rest[what + 1:what + 2] or not rest[what + 1].isdigit():
        return None
    return at + 4 + what + 1


def _convolution_said(tokens: list[Tok]) -> list[Tok]:
    """A convolution said after words the layer readers do not follow: `After that comes a 3x3 convolution …`,
    `After that, a 3x3 convolution …`, `Downsample with a 3x3 conv, 8 filters, …`, `Then, 8 filters of 3x3 are
    applied with …`: the tokens as `Then a 3x3 convolution …` and `Then, 8 filters of 3x3 with …`. Each was a layer
    cnncalc could not read, the answers after it unjudged. Other tokens as they are."""
    lead = _lead(tokens)
    words = [t.lower for t in tokens]
    if not (_CONV_WORDS.intersection(words) or {"filters", "kernels"}.intersection(words)):
        return tokens
    said = next((len(start) for start in (["after", "that", "comes"], ["after", "that", ","], ["after", "this", ","],
                                          ["downsample", "with"]) if words[lead:lead + len(start)] == start), None)
    counted = any(tokens[j - 1].kind == "NUM" and words[j] in ("filters", "kernels", "output", "channels")
                  for j in range(lead + 1, len(words)))  # (its filters told: `… with 8 filters`, `8 output channels`)
    if said is not None and words[lead + said:lead + said + 1] in (["a"], ["an"]) and counted and \
            _CONV_WORDS.intersection(words[lead + said:]):
        return [*tokens[:lead], Tok("WORD", "Then", tokens[lead].start, tokens[lead + said].start),
                *tokens[lead + said:]]
    applied = next((j for j in range(lead + 3, len(words) - 2) if words[j:j + 3] == ["are", "applied", "with"]), None)
    if applied is not None and words[lead:lead + 1] == ["then"] and \
            words[applied - 3:applied - 1] == ["filters", "of"] and tokens[applied - 1].kind == "DIMS":
        return [*tokens[:applied], *tokens[applied + 2:]]  # `… 8 filters of 3x3 are applied with a stride of 2 …`
    return tokens


_DENSE_WORDS = frozenset(("dense", "fully", "fc", "linear", "hidden"))  # a fully connected layer said (`_dense_said`)
_DENSE_VERBS = frozenset(("add", "apply", "use", "append"))  # `Add a dense layer …`, `We use a fully connected …`
_FED_WORDS = frozenset(("fed", "passed", "sent", "given"))  # `… is flattened and fed into a dense layer …`
_COUNTED_UNITS = frozenset(("unit", "neuron", "node", "output", "units", "neurons", "nodes", "outputs"))  # `a 100-unit`


def _fed_dropped(tokens: list[Tok], lines: list[ir.Line]) -> list[Tok]:
    """A layer told as what the output above goes into (`The output of layer 1 goes into a 2x2 max pool with stride
    2.`, `This is then fed into 64 filters of size 3x3.`, `It passes through a 2x2 max pool.`): the tokens without
    the words before the layer (they read as a question about the layer above, the pool was left out, and the right
    answers after it were judged on a network without it: marked wrong). Only when what goes in is the last layer's
    output (unnamed, or named by its label, its place `layer N`, or as the layer above). So too a layer told as what
    is done to that output (`It is then max pooled (2x2, stride 2).`, `… are then convolved with 8 filters …`, `The
    next layer convolves with …`) and a new layer's name before `with` (`Then CONV2 with 8 filters …`). Other
    tokens as they are."""
    lead = _lead(tokens)
    words = [t.lower for t in tokens]
    if lines and words[lead:lead + 2] in (["the", "next"], ["the", "following"]) and \
            words[lead + 2:lead + 5] == ["layer", "convolves", "with"]:
        # `The next layer convolves with 8 kernels of 3x3 at stride 2, padding 1.`: a convolution with them
        verb_said = tokens[lead + 3]
        return [*tokens[:lead], Tok("WORD", "conv", verb_said.start, verb_said.end), *tokens[lead + 4:]]
    named_at = lead + (words[lead:lead + 1] in (["then"], ["next"]))
    if lines and words[named_at + 1:named_at + 2] == ["with"] and tokens[named_at].kind == "WORD" and \
            _layer_kind(words[named_at]) is not None and (label := _label(tokens[named_at:named_at + 1])) is not None \
            and _named_line(lines, label) is None:
        # `Then CONV2 with 8 filters of 3x3, stride 2, pad 1.`: as `CONV2: 8 filters of 3x3, …`
        name = tokens[named_at]
        return [*tokens[:lead], name, Tok("P", ":", name.end, name.end), *tokens[named_at + 2:]]
    subject = next((len(s) for s in _FED_SUBJECTS if tuple(words[lead:lead + len(s)]) == s), 0)
    if not subject or not lines:
        return tokens
    k = lead + subject
    named: list[Tok] = []
    passive = k + (words[k:k + 1] in (["is"], ["are"]))
    passive += words[passive:passive + 1] == ["then"]
    kind = words[passive] if words[passive:passive + 1] in (["max"], ["average"], ["avg"]) else None
    pooled = passive + (kind is not None) + (kind is not None and words[passive + 1:passive + 2] == ["-"])
    if passive > k and kind is None and words[passive:passive + 2] == ["convolved", "with"]:
        # `It is then convolved with 8 filters of size 3x3 (stride 2, pad 1).`: a convolution with them
        verb_said = tokens[passive]
        return _gives_arrow(_layer_parenthesised([*tokens[:lead], Tok("WORD", "conv", verb_said.start, verb_said.end),
                                     *tokens[passive + 1:]]))
    if passive > k and words[pooled:pooled + 1] in (["pooled"], ["maxpooled"]) and \
            (kind is not None or words[pooled] == "maxpooled"):
        # `It is then max pooled (2x2, stride 2).`, `The feature maps are max-pooled with 2x2 windows`: the pool
        verb_said, rest = tokens[pooled], tokens[pooled + 1:]
        rest = [Tok("ARROW", "->", t.start, t.end) if t.lower == "to" and rest[k + 1:k + 2] and
                rest[k + 1].kind == "DIMS" else t for k, t in enumerate(rest)]  # `… pooled (2x2) to 16x16x8`
        pool = [Tok("WORD", kind or "max", verb_said.start, verb_said.end),
                Tok("WORD", "pool", verb_said.start, verb_said.end)]
        return _gives_arrow(_layer_parenthesised([*tokens[:lead], *pool, *rest]))
    if words[k:k + 1] == ["of"]:
        named_end = next((j for j in range(k + 1, min(k + 6, len(words))) if words[j] in _FED_VERB_STARTS), None)
        if named_end is None:
            return tokens
        named, k = tokens[k + 1:named_end], named_end
    verb: tuple[str, ...] = ()
    end = k
    while end < min(k + 7, len(words)) and verb not in _FED_VERBS:  # (`is then fed into`: the verb without `then`)
        verb += () if words[end] == "then" else (words[end],)
        end += 1
    if verb not in _FED_VERBS:
        return tokens
    said = [t.lower for t in named]
    layers = [i for i, line in enumerate(lines) if line.items and isinstance(line.items[0], ir.LayerCall)]
    if not layers or layers[-1] != len(lines) - 1:
        return tokens
    label = _label(named) if named else None
    last = said in ([], ["it"], *_FED_LAST) or \
        (len(said) == 2 and said[0] == "layer" and said[1] == str(len(layers))) or \
        (label is not None and _named_line(lines, label) == len(lines) - 1)
    if not last or end >= len(tokens) or not (words[end] in ("a", "an", "another") or
                                              tokens[end].kind in ("NUM", "DIMS") or _a_call(tokens[end:])):
        return tokens  # (what follows is a layer told, `a 2x2 max pool`, `64 filters …`, `FC(100)`; not `CONV2: …`)
    return _gives_arrow(_layer_parenthesised([*tokens[:lead], *tokens[end:]]))


# what a sentence says goes into the next layer (`The output of CONV1 goes into …`, `This is fed into …`)
_FED_SUBJECTS = (("the", "output"), ("this", "output"), ("that", "output"), ("the", "result"), ("this", "result"),
                 ("the", "resulting", "volume"), ("the", "resulting", "output"), ("this", "volume"), ("this",), ("it",),
                 ("that",), ("the", "activations"), ("the", "feature", "maps"), ("the", "maps"), ("these",),
                 ("they",), ("the", "outputs"), ("the", "flattened", "vector"), ("the", "flattened", "output"))
_FED_VERBS = (("goes", "into"), ("goes", "through"), ("goes", "to"), ("is", "fed", "into"), ("is", "fed", "to"),
              ("is", "fed", "through"), ("is", "passed", "to"), ("is", "passed", "into"), ("is", "passed", "through"),
              ("passes", "through"), ("passes", "into"), ("feeds", "into"), ("is", "sent", "to"),
              ("is", "sent", "through"), ("is", "the", "input", "to"), ("is", "input", "to"), ("enters",),
              ("is", "given", "to"), ("go", "into"), ("go", "through"), ("are", "fed", "into"), ("are", "fed", "to"),
              ("are", "passed", "to"), ("are", "passed", "into"), ("are", "passed", "through"), ("pass", "through"),
              ("enter",), ("feed", "into"))
# where `of X` ends
_FED_VERB_STARTS = frozenset(("goes", "go", "is", "are", "passes", "pass", "feeds", "feed", "enters", "enter", "then"))
_FED_LAST = (["the", "previous", "layer"], ["the", "layer", "above"], ["this", "layer"], ["that", "layer"],
             ["the", "last", "layer"])


def _names_sheet(tokens: list[Tok], j: int) -> bool:
    """Whether the number `tokens[j]` is part of a network's name (`VGG-16`, `ResNet-50`) or numbers the sheet's
    problem (`Problem 3`, `Q2`): no count, so a line of prose that says it may still leave the biases out."""
    before = tokens[j - 1] if j else None
    named = before is not None and before.text == "-" and before.start == tokens[j].start - 1 and j > 1 and \
        tokens[j - 2].kind == "WORD" and tokens[j - 2].end == before.start
    return named or (before is not None and (before.lower in _HEADING_WORDS or before.lower in ("q", "hw")))


def _takes_step(tokens: list[Tok]) -> bool:
    """Whether a line that may state a layer (`_may_state_layer`) says a step is taken, as a sentence does (`We add a
    1x1 bottleneck to 8 channels.`, `A 1x1 projection to 8 channels follows.`, `The output is flattened.`) or a
    listing that numbers its layers (`Layer 2: …`), not as a heading names one (`Step 2: pooling`)."""
    words = [t.lower for t in tokens[_lead(tokens):]]
    numbered = words[:1] == ["layer"] and len(words) > 3 and words[1].isdigit() and words[2] in (":", "-")
    return bool(words) and (words[0] in _STEPPING or bool(set(words[:3]) & _STEP_SAID_EARLY) or
                            bool(set(words) & _STEP_WORDS) or
                            ("through" in words and bool(set(words) & _PASSING)) or
                            numbered)  # (a listing's numbered layer, `Layer 2: 2x2 subsampling, stride 2`, is its step)


_TAKEN = frozenset({"follows", "comes", "added", "applied", "appended", "inserted"})  # `A 1x1 projection … follows.`
# a pooling or a convolution said as what is done to the output (`The maps are then max-pooled …`, `Downsample by 2
# using max pooling.`, `It is then convolved with …`)
_DONE_TO_OUTPUT = frozenset({"pooled", "maxpooled", "subsampled", "downsample", "downsampled", "downsamples",
                             "subsample", "convolved", "convolves", "maps", "projects"})  # (`… maps it to 100 …`)
_STEP_SAID_EARLY = frozenset({"next", "then", "after", "afterwards", "finally"})  # `The next layer is …`, `After …`
_PASSING = frozenset({"go", "goes", "pass", "passes", "passed", "sent", "fed", "run", "runs"})  # `… go through …`


def _unknown_layer(span: Span) -> ir.Line:
    """A line cnncalc could not read as the layer it may state: unknown, so what comes after it is not judged."""
    return ir.Line((ir.LayerCall("layer", (), None, span, valid=False),), None, span)


def _may_state_layer(tokens: list[Tok]) -> bool:
    """A line of prose that may state a new layer with its numbers (`Next comes a dense layer of 100 units.`, `Add
    FC(100)`), or a step said as one (`Then we halve the resolution with a stride-2 convolution.`), or one that
    changes the size said in words alone (`The output is flattened.`, `Then we concatenate with the skip
    connection.`): a word that names a kind of layer and a number or a word that leads a step, no question, and
    nothing that points at a layer stated already (`This conv layer has 10 filters …`), speaks of layers in general
    (`Conv layers keep the size …`) or explains (`… because pad = 2`, `… so the size stays 16`); what a size does
    (`The pool halves the size`) only when it leads a step. Each sentence of the line on its own (`We apply a
    convolution with 64 filters of size 3x3. Its shape is 224x224x64.`: the second's `its` is the first's layer)."""
    ends = [j for j, t in enumerate(tokens) if t.text == "." and 0 < j < len(tokens) - 1]
    if ends:
        return any(_may_state_layer(part) for part in (tokens[a + 1:b] for a, b in pairwise([-1, *ends, len(tokens)]))
                   if part)
    words = {t.lower for t in tokens}
    said = [t.lower for t in tokens[_lead(tokens):]]
    stepping = said[:1] != [] and said[0] in _STEPPING
    pooled = words & _DONE_TO_OUTPUT  # a step done to the output, said of it too (`It is then max pooled (2x2, …).`)
    if "?" in words or (words & _REFERRING and not pooled) or words & _EXPLAINING or \
            (words & _SIZE_SAID and not stepping):
        return False
    if words & _JOINING or words & _RESHAPING or pooled:
        return True  # the size or depth changes, no number said (`We crop 2 pixels on each side.`)
    return bool(words & _LAYER_NAMING) and not words & _GENERAL and (stepping or any(
        t.kind in ("NUM", "DIMS") and (j == 0 or tokens[j - 1].lower not in ("layer", "conv", "pool", "fc"))
        for j, t in enumerate(tokens)))  # (a number, not a layer's own: `Layer 1 is the most expensive.`)


_JOINING = frozenset({"concatenate", "concatenated", "concatenates", "concatenation", "concat"})  # a merge said
_RESHAPING = frozenset({"flatten", "flattened", "flattens", "crop", "crops", "cropped", "doubles", "upsampled",
                        "downsampled", "resized"})  # a step that changes the size, said without its numbers
_STEPPING = frozenset({"then", "next", "now", "finally", "we", "add", "apply", "append", "followed"})
_STEP_WORDS = _JOINING | _RESHAPING | _TAKEN | _DONE_TO_OUTPUT  # (`_takes_step`)


def _names_layer(tokens: list[Tok], labels: set[str]) -> bool:
    """Whether an answer line says which layer it is about: a layer's name (`CONV1 params: …`), a kind or a place
    (`Output of the conv layer: …`, `After the first layer: …`)."""
    words = {t.lower for t in tokens}
    return bool(words & labels or words & _LAYER_NAMING or words & _LAYER_WORDS)


_LAYER_NAMING = frozenset({"layer", "dense", "fc", "linear", "conv", "convolution", "convolutional", "pool", "pooling",
                           "maxpool", "avgpool", "classifier", "softmax", "bn", "batchnorm", "norm", "normalization",
                           "normalisation", "layernorm", "groupnorm", "depthwise", "separable", "pointwise", "dwconv",
                           "deconv", "deconvolution", "transposed", "upconv", "bottleneck", "projection", "padding",
                           "zero-padding", "upsample", "upsampling", "downsample", "downsampling", "connected",
                           "head", *_JOINING})
_REFERRING = frozenset({"this", "its", "it", "above", "previous", "same"})  # the layer stated already
_GENERAL = frozenset({"layers", "each", "every", "per"})  # layers in general, or a layer's parts (`each filter`)
# an explanation of the layer above, not a layer (`Conv keeps the 32x32 size because pad = 2`)
_EXPLAINING = frozenset({"because", "since", "keeps", "keep", "preserves", "preserve", "why", "when", "if", "means",
                         "stays", "stay", "remains", "remain", "unchanged"})
# what a size does, in an explanation (`The pool halves the size`) or a step (`Then we halve the resolution with …`)
_SIZE_SAID = frozenset({"halves", "halve", "reduces", "reduce"})


# words of a line of prose that may state a layer cnncalc did not read (`_Net.unread_layer`)
_LAYER_WORDS = frozenset({"layer", "layers", "classifier", "classes", "softmax", "linear", "dense", "fc", "conv",
                          "convolution", "convolutional", "pool", "pooling", "neurons", "units", "filters", "kernels",
                          "bn", "batchnorm", "norm", "normalization", "normalisation", "layernorm", "groupnorm",
                          "depthwise", "separable", "pointwise", "dwconv", "deconv", "deconvolution", "transposed",
                          "upconv", "prelu"})
_BRANCH_WORDS = ("branch", "path", "tower")
_BRANCH_NAME = re.compile(r"(?i)(?<![a-z])(?:reduce|proj)(?![a-z])")  # GoogLeNet's `3x3 reduce`, `pool proj`
_BRANCH_HINT = ("write the module in the spec language, `concat { conv 64 1x1 | conv 96 1x1 ; conv 128 3x3 pad 1 | "
                "… }`, or each branch as a network of its own, its input above it")


def _branch_label(tokens: list[Tok]) -> int | None:
    """Where the colon of a label that starts a branch of a module stands (`Branch 2: 1x1 conv, 96 filters`, `Path
    1:`, `Tower 3:`), on a line with more after it; None for other lines."""
    words = [t.lower for t in tokens[:4]]
    if len(tokens) > 3 and words[0] in _BRANCH_WORDS and tokens[1].kind == "NUM" and tokens[1].text.isdigit() and \
            words[2] == ":":
        return 2
    return None


# a line that concatenates a module's branches (`Filter concatenation: …`, `Concatenated output: …`): below it, a
# branch's label starts a branch (`_LineReader.worked`)
_CONCATENATION_LINE = re.compile(r"(?im)^[^a-z\n]{0,8}(?:(?:filter|depth|channel)\s+)?concat(?:enat(?:e|ed|ion))?\b")


def _branch_started(tokens: list[Tok]) -> list[Tok] | None:
    """The name of a layer that starts another branch of a module, its input the module's and not the line above's:
    `Branch 2: 1x1 conv, 96 filters`, `Path 3: …`, GoogLeNet's `3x3 reduce: …`, `CONV_5x5_reduce: …`, `pool proj:
    …` (a branch's first layer); None for other lines. Read in order, the line's layer took the output above it, and
    its right count was marked wrong."""
    colon = next((j for j, t in enumerate(tokens[:6]) if t.text == ":"), None)
    if colon is None or colon == len(tokens) - 1:
        return None
    name = tokens[:colon]
    words = [t.lower for t in name]
    if words[:1] and words[0] in _BRANCH_WORDS and name[1:2] and name[1].kind == "NUM" and name[1].text.isdigit() \
            and int(name[1].text[:6]) >= 2 and len(name) == 2:
        return name
    if any(t.kind == "WORD" and _BRANCH_NAME.search(t.text) for t in name):
        return name
    return None


def _figure_conv(tokens: list[Tok], figure: bool) -> list[Tok]:
    """The ResNet paper's figure, `7x7 conv, 64, /2`, as `7x7 conv, 64 filters, /2, pad same`: its convolutions pad
    (F - 1)/2, and its `/2` halves the size (rounded up, as `same` does). On a sheet that writes the figure
    (`figure`), its `3x3 conv, 64` is padded too, its `pool, /2` (the paper's 3x3 max pool, stride 2) halves the
    size as `3x3 max pool, /2, pad same`, and its `avg pool` is global. Other tokens as they are: elsewhere
    `3x3 conv, 64` says no padding (a LeNet sheet's `5x5 conv, 6` is unpadded: E060, not a guess), and
    `3x3 conv, 64 filters` is the lecture's, unpadded; so is the GoogLeNet table's `3x3/2` (its pools on 55 give
    AlexNet's 27)."""
    for k in range(len(tokens) - 3):
        size_then_conv = tokens[k].kind == "DIMS" and tokens[k + 1].lower in ("conv", "convolution")
        conv_then_size = tokens[k].lower in ("conv", "convolution") and tokens[k + 1].kind == "DIMS"  # `conv 3x3, 64`
        if (size_then_conv or conv_then_size) and tokens[k + 2].text == "," and tokens[k + 3].kind == "NUM" and \
                tokens[k + 3].text.isdigit():
            after = tokens[k + 4:]
            strided = 3 if [t.text for t in after[:2]] == [",", "/"] and after[2:3] and after[2].kind == "NUM" else 0
            if not (strided or figure) or (after[strided:] and after[strided].text not in (",", "(") and
                                           after[strided].kind != "ARROW"):
                return tokens
            at = tokens[k + 3].end
            implied = [Tok("P", ",", at, at), Tok("WORD", "pad", at, at), Tok("WORD", "same", at, at)]
            if any(t.lower in ("pad", "padding") for t in after):
                implied = []  # (a padding said: kept)
            return [*tokens[:k + 4], Tok("WORD", "filters", at, at), *after[:strided], *implied, *after[strided:]]
    return tokens if not figure else _figure_pool(tokens)


def _figure_pool(tokens: list[Tok]) -> list[Tok]:
    """The ResNet figure's `pool, /2` (or `max pool, /2`) as `3x3 max pool, /2, pad same`, its `avg pool` as `global
    avg pool`: each the whole description, after the layer's name if it has one (`POOL1: pool, /2 -> 56x56x64`)."""
    k = tokens.index(next(t for t in tokens if t.text == ":")) + 1 if any(t.text == ":" for t in tokens[:4]) else 0
    words = [t.lower for t in tokens[k:]]
    ends = len(words) if "->" not in [t.text for t in tokens[k:]] else [t.kind for t in tokens[k:]].index("ARROW")
    first = tokens[k] if k < len(tokens) else None
    if first is None:
        return tokens
    max_said = words[:1] == ["max"]
    if words[max_said:max_said + 3] == ["pool", ",", "/"] and ends == max_said + 4 and \
            tokens[k + max_said + 3].kind == "NUM":
        at, end = first.start, tokens[k + ends - 1].end
        return [*tokens[:k], Tok("DIMS", "3x3", at, at), *([] if max_said else [Tok("WORD", "max", at, at)]),
                *tokens[k:k + ends], Tok("P", ",", end, end), Tok("WORD", "pad", end, end),
                Tok("WORD", "same", end, end), *tokens[k + ends:]]
    if words[:ends] in (["avg", "pool"], ["average", "pool"]):
        return [*tokens[:k], Tok("WORD", "global", first.start, first.start), *tokens[k:]]
    return tokens


def _name_marked(tokens: list[Tok]) -> list[Tok]:
    """A layer's name marked as sheets mark it, as the listing writes it: `Step 2: conv …` as `Layer 2: conv …` (`Step
    1: CONV1 …` as `CONV1 …`),
    `Conv layer #1: …` as `Conv layer 1: …`, `C1 (conv): 8 3x3 filters` as `C1: conv, 8 3x3 filters`, `L1 - conv
    3x3, …` as `L1: conv 3x3, …` (each was E060). Other tokens as they are."""
    words = [t.lower for t in tokens]
    if words[:1] == ["step"] and tokens[1:2] and tokens[1].kind == "NUM" and words[2:3] in ([":"], ["-"]) and \
            any(t.kind in ("NUM", "DIMS") for t in tokens[3:]):  # (`Step 2: pooling` alone is a heading)
        if len(tokens) > 4 and _label(tokens[3:4]) is not None and _layer_kind(words[3]) is not None:
            return tokens[3:]  # `Step 1: CONV1 with 96 kernels …`: the layer's own name (it was E060)
        return [tokens[0]._replace(text="Layer"), *tokens[1:]]
    hashed = next((j for j in range(1, min(len(tokens) - 2, 4)) if words[j] == "#" and tokens[j + 1].kind == "NUM"
                   and words[j + 2] in (":", "-")), None)
    if hashed is not None and _label(tokens[:hashed] + [tokens[hashed + 1]]) is not None:
        return [*tokens[:hashed], *tokens[hashed + 1:]]
    if len(tokens) > 5 and tokens[0].kind == "WORD" and _label(tokens[:1]) is not None and words[1] == "(" and \
            words[3:5] == [")", ":"] and _layer_kind(words[2]) is not None:
        kind = tokens[2]
        return [tokens[0], tokens[4], kind, Tok("P", ",", kind.end, kind.end), *tokens[5:]]
    if len(tokens) > 3 and tokens[0].kind == "WORD" and _label(tokens[:1]) is not None and words[1] == "-" and \
            _layer_kind(words[0]) is None and any(words[2:2 + len(kind)] == list(kind) for kind in _KIND_WORDS):
        return [tokens[0], Tok("P", ":", tokens[1].start, tokens[1].end), *tokens[2:]]
    return tokens


def _described_in_parentheses(tokens: list[Tok]) -> list[Tok]:
    """`Layer 1 (Conv2D, 32 filters, 3x3, padding 1): output 32x32x32` as `Layer 1: Conv2D, 32 filters, 3x3, padding 1
    -> output 32x32x32`: a numbered layer's description in parentheses (a size or a comma in it: `Layer 1 (CONV1): …`
    keeps its name there), its answers after the colon (it was E060). Other tokens as they are."""
    words = [t.lower for t in tokens]
    if words[:1] != ["layer"] or [t.kind for t in tokens[1:2]] != ["NUM"] or words[2:3] != ["("] or ")" not in words:
        return tokens
    closing = words.index(")")
    inside = tokens[3:closing]
    if not any(t.kind in ("NUM", "DIMS") for t in inside) or (len(inside) <= 2 and _label(inside) is not None) or \
            "(" in words[3:closing] or not ("," in words[3:closing] or any(t.kind == "DIMS" for t in inside)):
        return tokens
    colon = Tok("P", ":", tokens[2].start, tokens[2].end)
    if closing == len(tokens) - 1:
        return [*tokens[:2], colon, *inside]
    if words[closing + 1] != ":" or closing + 2 == len(tokens):
        return tokens
    return [*tokens[:2], colon, *inside, Tok("ARROW", "->", tokens[closing + 1].start, tokens[closing + 1].end),
            *tokens[closing + 2:]]


# words that make a layer spoken of one the network does not have (`… would have 18,496 parameters`)
_HYPOTHETICAL = frozenset({"would", "comparison", "compared", "hypothetical", "hypothetically"})  # (not `could`:
# `We could use a conv with 10 5x5 filters …` may state the network's next layer)


def _one_by_one(call: ir.LayerCall) -> bool:
    """A convolution with 1x1 filters: what a sheet calls pointwise."""
    kernel = next((a.value for a in call.args if a.name == "kernel"), None)
    sizes = kernel.items if isinstance(kernel, ir.PairLit) else (kernel,)
    return call.keyword == "conv" and all(isinstance(size, ir.Num) and size.value == 1 for size in sizes)


# the words that say which convolution an answer is about more finely than its family (`MACs of depthwise: …`), and
# what a layer must be to be it
_SUBKINDS: dict[re.Pattern[str], Callable[[ir.LayerCall], bool]] = {
    re.compile(r"depthwise|dw"): lambda call: call.keyword == "dwconv",
    re.compile(r"pointwise|pw"): _one_by_one,
    re.compile(r"transposed|deconv|deconvolution|upconv"): lambda call: call.keyword == "deconv"}


def _fc_in_to_out(tokens: list[Tok]) -> list[Tok]:
    """`FC (2560 → 10)`, `Dense(2560 -> 10): …`: an FC layer's inputs and outputs in its parentheses, as `FC: 2560 ->
    10` reads them (`in_to_out`; read as a call, the arrow inside was an answer's: a right 25,610 parameters was
    marked wrong as a 2560-wide layer's). Other tokens as they are."""
    opening = next((j for j, t in enumerate(tokens[:4]) if t.text == "("), None)
    if opening is None or opening == 0 or [t.kind for t in tokens[opening + 1:opening + 4]] != ["NUM", "ARROW", "NUM"] \
            or tokens[opening + 4:opening + 5] == [] or tokens[opening + 4].text != ")" or \
            _layer_kind(" ".join(t.lower for t in tokens[:opening])) != "fc":
        return tokens
    after = tokens[opening + 5:]
    if after and after[0].text == ":":  # (`Dense(2560 -> 10): params …`: its answers after the colon, an arrow's)
        after = [Tok("ARROW", "->", after[0].start, after[0].end), *after[1:]]
    colon = Tok("P", ":", tokens[opening].start, tokens[opening].end)
    return [*tokens[:opening], colon, *tokens[opening + 1:opening + 4], *after]


def _depthwise_colon(tokens: list[Tok]) -> list[Tok]:
    """`Depthwise conv: 3x3, stride 1, padding 1` (`Depthwise:`, `Depthwise convolution:`) as `Depthwise conv 3x3, …`:
    an unnamed depthwise convolution has no count of filters for the colon's description to start with (the line was
    E060, every answer below it unchecked). Other tokens as they are."""
    words = [t.lower for t in tokens]
    colon = words.index(":") if ":" in words[1:4] else None
    if colon is None or tokens[colon + 1:colon + 2] == [] or tokens[colon + 1].kind != "DIMS" or \
            not _DEPTHWISE.search(words[0]) or not set(words[1:colon]) <= _KIND_ONLY:
        return tokens
    return [*tokens[:colon], *tokens[colon + 1:]]


def _kind_layer_said(tokens: list[Tok]) -> list[Tok]:
    """`Layer 1: Conv layer with 32 filters of 3x3, …` as `Layer 1: Conv with 32 filters of 3x3, …`: the word `layer`
    after the kind that follows a numbered layer's colon says nothing more (the description was E060, expected the
    number of filters). Other tokens as they are."""
    words = [t.lower for t in tokens]
    if words[:1] != ["layer"] or tokens[1:2] == [] or tokens[1].kind != "NUM" or words[2:3] != [":"]:
        return tokens
    said = next((j for j in range(4, min(len(words) - 1, 7)) if words[j] == "layer"), None)
    if said is None or words[said + 1] not in ("with", ",", ":", "of", "having", "using") or \
            _layer_kind(" ".join(words[3:said])) is None:
        return tokens
    return [*tokens[:said], *tokens[said + 1:]]


def _kind_colon(tokens: list[Tok]) -> list[Tok]:
    """`Layer 1 - Conv: 32 filters, 3x3, …` (a dash, the kind, a colon) as `Layer 1: Conv, 32 filters, 3x3, …`: the
    colon after the kind was read as the end of a name, and the description after it without its kind; `Layer 4 -
    Flatten` as `Layer 4: Flatten`. Other tokens as they are."""
    words = [t.lower for t in tokens]
    if words[:1] != ["layer"] or tokens[1:2] == [] or tokens[1].kind != "NUM" or words[2:3] not in (["-"], ["—"],
                                                                                                      ["–"]) or \
            len(words) < 4:
        return tokens
    dash = Tok("P", ":", tokens[2].start, tokens[2].end)
    colon = next((j for j in range(4, min(len(words), 8)) if words[j] == ":"), None)
    if colon is None:
        return [*tokens[:2], dash, *tokens[3:]]
    if _layer_kind(" ".join(words[3:colon])) is None:
        return tokens
    said = tokens[colon]
    return [*tokens[:2], dash, *tokens[3:colon], Tok("P", ",", said.start, said.end), *tokens[colon + 1:]]


# a layer's settings a dash may lead on its line, as a comma does (`… pad 2 - no bias`)
_DASHED_SETTINGS = (("no", "bias"), ("no", "biases"), ("without", "bias"), ("without", "biases"), ("nobias",),
                    ("w", "/", "o", "bias"), ("w", "/", "o", "biases"), ("no", "padding"), ("without", "padding"),
                    ("same", "padding"), ("valid", "padding"), ("zero", "padding"))


def _layer_head(tokens: list[Tok]) -> int | None:
    """Where the description starts on a named layer's line (after `CONV2:` or `[27x27x256] CONV2:`), else None."""
    words = [t.lower for t in tokens]
    start = words.index("]") + 1 if words[:1] == ["["] and "]" in words[:4] else 0  # (`[55x55x96] CONV1: …`)
    colon = next((j for j in range(start + 1, min(len(words), start + 4)) if words[j] == ":"), None)
    if colon is None or (_label(tokens[start:colon]) is None and _layer_kind(" ".join(words[start:colon])) is None):
        return None
    return colon + 1


_CONV_NOUNS = ("conv", "convs", "convolution", "convolutions")


def _convolutions_counted(tokens: list[Tok]) -> list[Tok]:
    """`CONV1: 10 5x5 convolutions, stride 1, pad 2` (`10 5x5 conv`) as `10 5x5 filters`: a count, a size, then the
    convolutions' noun, on a named layer's line (it was E060); `2 3x3 conv layers` (layers) as they are."""
    head = _layer_head(tokens)
    if head is None:
        return tokens
    words = [t.lower for t in tokens]
    for j in range(head, len(tokens) - 2):
        if tokens[j].kind == "NUM" and tokens[j + 1].kind == "DIMS" and words[j + 2] in _CONV_NOUNS and \
                words[j + 3:j + 4] not in (["layer"], ["layers"], ["block"], ["blocks"]):
            noun = tokens[j + 2]
            return [*tokens[:j + 2], Tok("WORD", "filters", noun.start, noun.end), *tokens[j + 3:]]
    return tokens


def _setting_dashed(tokens: list[Tok]) -> list[Tok]:
    """`CONV2: 256 5x5 filters, stride 1, pad 2 - no bias` as `…, pad 2, no bias`: on a named layer's line, a spaced
    dash (`-`, `--`, `–`, `—`) before one of its settings (biases, padding) is the comma before it (`- no bias` was an
    answer, biases 0, which a layer stated without biases marked wrong; `- same padding` E060). Other tokens as they
    are."""
    head = _layer_head(tokens)
    if head is None:
        return tokens
    words = [t.lower for t in tokens]
    for j in range(head + 1, len(tokens) - 1):
        if tokens[j].text not in ("-", "–", "—") or tokens[j].start == tokens[j - 1].end:
            continue
        after = j + 1 + (tokens[j].text == "-" and words[j + 1] == "-")  # (`--`)
        if any(tuple(words[after:after + len(setting)]) == setting for setting in _DASHED_SETTINGS):
            return [*tokens[:j], Tok("P", ",", tokens[j].start, tokens[after - 1].end), *tokens[after:]]
    return tokens


def _dashed(tokens: list[Tok]) -> list[Tok]:
    """`CONV1 — 96 11x11 filters, stride 4, pad 0 — 55x55x96` (em or en dashes) as `CONV1: 96 11x11 filters, stride 4,
    pad 0 -> 55x55x96`: a dash after a layer's name is its colon, a later one before a volume, a count or an answer's
    word (`— params: 896`, `– output …`) the arrow to its answers; a hyphen too, before a count (`CONV1 - 448
    parameters`). Other tokens as they are."""
    dashes = [j for j, t in enumerate(tokens) if t.text in ("—", "–")]
    hyphen = next((j for j, t in enumerate(tokens[:4]) if t.text == "-"), None)
    if not dashes and hyphen is not None and tokens[hyphen + 1:hyphen + 2] and tokens[hyphen + 1].kind == "NUM" and \
            tokens[hyphen + 2:hyphen + 3] and tokens[hyphen + 2].lower in ir.ANSWER_WORDS:
        dashes = [hyphen]  # `CONV1 - 448 parameters`: a hyphen before a count is the colon as a dash is
    if not dashes:
        return tokens
    words = [t.lower for t in tokens]
    out = list(tokens)
    if 0 < dashes[0] <= 3 and (_label(tokens[:dashes[0]]) is not None or set(words[:dashes[0]]) <= _KIND_ONLY) and \
            _layer_kind(" ".join(words[:dashes[0]])) is not None:  # (`maxpool — 2x2, stride 2`: its kind alone)
        out[dashes[0]] = Tok("P", ":", tokens[dashes[0]].start, tokens[dashes[0]].end)
        dashes = dashes[1:]
    elif _call_at(words, 0) is None and not (":" in words[1:4] and _label(tokens[:words.index(":")]) is not None and
                                             _layer_kind(" ".join(words[:words.index(":")])) is not None):
        return tokens  # (a dash after a framework's call, `Conv2D(32, (3, 3)) — params: 896`, or after a described
        # layer, `CONV1: 32 3x3 filters – output 30x30x32`, is the arrow to its answers too)
    for j in dashes:
        if tokens[j + 1:j + 2] and (tokens[j + 1].kind in ("DIMS", "NUM") or words[j + 1] in ir.ANSWER_WORDS or
                                    words[j + 1] == "output"):
            out[j] = Tok("ARROW", "->", tokens[j].start, tokens[j].end)
    return out


# what ends a layer's description before a colon, besides a number (`pad 1:`, `3x3:`), unlike an answer's own label
# (`output size: …`, `RF: …`)
_DESCRIPTION_ENDS = {"filters", "filter", "kernels", "neurons", "units", "pool", "pooling", "relu", "same", "valid"}
_SETTINGS_GO_ON = {"stride", "strides", "pad", "padding", "same", "valid", "with"}  # a description's next setting


def _colon_arrow(tokens: list[Tok]) -> list[Tok]:
    """`CONV1: 32 3x3 filters, stride 1, pad 1: output 32x32x32` as `CONV1: 32 3x3 filters, stride 1, pad 1 -> output
    32x32x32`: a second colon after a named layer's description, before a volume, a count or an answer's word, is
    the arrow to its answers (the line was E060 and its answers unjudged; `FC: 10 neurons: params: 81930` prose).
    Only a colon after a description's number or noun counts; one that ends an answer's own label (`output size: …`)
    or comes after an arrow stays. Other tokens as they are."""
    words = [t.lower for t in tokens]
    first = next((j for j in range(1, min(len(words), 4)) if words[j] == ":"), None)
    if first is None or first + 2 >= len(tokens) or (_layer_kind(" ".join(words[:first])) is None and not (
            words[0] == "layer" and _layer_kind(words[first + 1]) is not None)):
        return tokens
    for j in range(first + 2, len(tokens) - 1):
        if tokens[j].kind == "ARROW":
            return tokens
        if words[j] != ":" or not (tokens[j - 1].kind in ("DIMS", "NUM") or words[j - 1] in _DESCRIPTION_ENDS):
            continue
        if words[j + 1] in _SETTINGS_GO_ON or (words[j + 2:j + 3] == [","] and words[j + 3:j + 4] and
                                                words[j + 3] in _SETTINGS_GO_ON):
            # `CONV2: 64 3x3 filters: stride 1, pad 1 -> …`, `CONV2: 64 filters: 3x3, pad 1`: the description goes on
            tokens = [*tokens[:j], Tok("P", ",", tokens[j].start, tokens[j].end), *tokens[j + 1:]]
        elif tokens[j + 1].kind in ("DIMS", "NUM") or words[j + 1] in _ARROW_ANSWER_WORDS:
            return [*tokens[:j], Tok("ARROW", "->", tokens[j].start, tokens[j].end), *tokens[j + 1:]]
    return tokens


def _input_said(tokens: list[Tok]) -> list[Tok]:
    """`CONV1: input 227x227x3, 96 filters 11x11, …` as `CONV1: 96 filters 11x11, …, input 227x227x3`: the volume the
    layer receives, said first in its description, is an answer after it (`answers`: judged as the spec's `-> input
    …`). Other tokens as they are."""
    words = [t.lower for t in tokens]
    if ":" not in words[:4]:
        return tokens
    at = words.index(":") + 1
    if words[at:at + 1] != ["input"] or tokens[at + 1:at + 2] == [] or tokens[at + 1].kind != "DIMS" or \
            words[at + 2:at + 3] != [","] or _label(tokens[:at - 1]) is None:
        return tokens
    return [*tokens[:at], *tokens[at + 3:], tokens[at + 2], *tokens[at:at + 2]]


# an output's height and width named together, height first (`Height x width: 16x16`); width first only before a
# square answer, whose order does not matter
_SIDES_TOGETHER = tuple((h, joint, w) for h, w in (("height", "width"), ("h", "w"))
                        for joint in ("x", "×", "and", "by", "*")) + (("hxw",), ("h×w",))
_WIDTH_FIRST = tuple((w, joint, h) for h, w in (("height", "width"), ("h", "w"))
                     for joint in ("x", "×", "and", "by", "*")) + (("wxh",), ("w×h",))


def _sides_together(tokens: list[Tok]) -> list[Tok]:
    """`Height x width: 16x16` (`H x W = 16x16`, `HxW: 16x16`, `Output height and width: 16`, `POOL1 output height x
    width: 16x16`): the output's height and width, as `Spatial size: 16x16` (each was prose, a wrong answer passing
    unjudged); width first (`Width x height: …`) only for a square answer. Other tokens as they are."""
    words = [t.lower for t in tokens]
    start = _lead(tokens)  # (`a)`, `- `, `2.`)
    numbered = tokens[start + 1:start + 2] != [] and tokens[start + 1].kind == "NUM"  # (`Conv 1`)
    named = next((k for k in (2, 1) if (k == 1 or numbered) and words[start:start + 1] not in ([], ["output"]) and
                  _label(tokens[start:start + k]) is not None), 0)
    start += named  # `POOL1 …`, `Conv 1 …`
    said_output = words[start:start + 1] == ["output"]
    start += said_output
    form = next((f for f in _SIDES_TOGETHER + _WIDTH_FIRST if tuple(words[start:start + len(f)]) == f), None)
    if form is None:
        return tokens
    end = start + len(form)
    value = tokens[end + 1:end + 2]  # (a remark may follow it: `Height x width: 55 (since …)`)
    if words[end:end + 1] not in ([":"], ["="]) or not value or value[0].kind not in ("NUM", "DIMS"):
        return tokens
    sides = _dims_text(value[0].text).split("x") if value[0].kind == "DIMS" else []
    if len(sides) > 2 or (form in _WIDTH_FIRST and sides and sides[0] != sides[-1]):
        return tokens
    first, last = tokens[start], tokens[end - 1]
    output = [Tok("WORD", "output", first.start, first.start)] if named and not said_output else []  # (`POOL1 H x W`)
    return [*tokens[:start], *output, Tok("WORD", "spatial", first.start, first.end),
            Tok("WORD", "size", last.start, last.end), *tokens[end:]]


# how a sentence says the count its filters make together (`16 filters give 448 parameters`, `… so the layer has 448`)
_FILTERS_GIVE = (["give"], ["gives"], ["make"], ["yield"], ["have"], ["contribute"], ["mean"], ["result", "in"],
                 ["add", "up", "to"])
_IN_TOTAL = (["in", "total"], ["total"], ["in", "all"], ["overall"])


def _filters_give(tokens: list[Tok]) -> list[Tok]:
    """`16 filters give 448 parameters (in total)` (`make`, `yield`, `a total of`): the layer's count, as `params: 448`;
    after one filter's count (`Each filter has 28 parameters; 16 filters give 448.`, `…, so the layer has 448.`, `…,
    giving 448 in total`), both, as `params: 448 (28 params per filter)`. Each was prose, a wrong count unjudged. Other
    tokens as they are."""
    written = tokens
    words = [t.lower for t in tokens]
    end = len(words) - (words[-1:] in (["."], ["!"]))
    lead: list[Tok] = []  # one filter's count, as the parenthesis after the layer's says it
    at = 0
    if words[:1] in (["so"], ["thus"], ["hence"], ["therefore"]):  # `So 16 filters give 448 parameters.`
        tokens, words, end = tokens[1 + (words[1:2] == [","]):], words[1 + (words[1:2] == [","]):], \
            end - 1 - (words[1:2] == [","])
    if words[:3] == ["each", "filter", "has"] and end > 5 and tokens[3].kind == "NUM" and \
            words[4] in ("parameters", "params", "weights"):
        each = "weights" if words[4] == "weights" else "params"
        lead = [Tok("P", "(", tokens[0].start, tokens[0].start), tokens[3], Tok("WORD", each, tokens[4].start,
                tokens[4].end), Tok("WORD", "per", tokens[1].start, tokens[1].end), tokens[1],
                Tok("P", ")", tokens[4].end, tokens[4].end)]
        at = _skip(words, 5, (";", ",", ".", "so", "and", "thus", "hence", "then"))
    verb = 0
    if tokens[at:at + 1] and tokens[at].kind == "NUM" and words[at + 1:at + 2] == ["filters"]:
        verb = next((len(v) for v in _FILTERS_GIVE if words[at + 2:at + 2 + len(v)] == v), 0)
        at = at + 2 + verb if verb else at
    elif lead and words[at:at + 3] in (["the", "layer", "has"], ["that", "gives"], ["this", "gives"]):
        at, verb = at + 3, 3
    elif lead and words[at:at + 1] == ["giving"]:
        at, verb = at + 1, 1
    if not verb:
        return written
    at = _skip(words, at, ("a", "total", "of"))
    count = tokens[at] if at < end and tokens[at].kind == "NUM" else None
    rest = words[at + 1:end]
    unit = rest[0] if rest and rest[0] in ("parameters", "params", "weights") else None
    if unit is not None:
        rest = rest[1:]
    if count is None or (rest and rest not in _IN_TOTAL) or (unit is None and not lead):
        return written
    word = Tok("WORD", "weights" if unit == "weights" else "params", count.start, count.start)
    return [word, Tok("P", ":", count.start, count.start), count, *lead]


def _maps_counted(tokens: list[Tok]) -> list[Tok]:
    """`Each activation map is 28x28, and there are 6 of them.` (`Each feature map is 28x28; there are 6 such maps`):
    the output, as `Output: 28x28x6` (it was prose, a wrong output unjudged). Other tokens as they are."""
    words = [t.lower for t in tokens]
    end = len(words) - (words[-1:] in (["."], ["!"]))
    if words[:1] != ["each"] or words[1:2] not in (["activation"], ["feature"], ["output"]) or \
            words[2:4] != ["map", "is"]:
        return tokens
    at = _skip(words, 4, ("of", "size", "a"))
    size = tokens[at] if at < end and tokens[at].kind == "DIMS" else None
    if size is None or _dims_text(size.text).count("x") != 1:
        return tokens
    at = _skip(words, at + 1, (",", ";", "and"))
    if words[at:at + 2] != ["there", "are"] or at + 2 >= end or tokens[at + 2].kind != "NUM" or \
            not tokens[at + 2].text.isdigit() or \
            words[at + 3:end] not in ([], ["of", "them"], ["maps"], ["such", "maps"], ["feature", "maps"],
                                      ["activation", "maps"], ["channels"]):
        return tokens
    depth = tokens[at + 2]  # (as `28x28 with 6 channels`: its depth said, whatever order the sheet writes volumes in)
    return [Tok("WORD", "Output", tokens[0].start, tokens[0].end), Tok("P", ":", size.start, size.start), size,
            Tok("WORD", "with", depth.start, depth.start), depth, Tok("WORD", "channels", depth.end, depth.end)]


# the roles an FC layer may be named by, without a number (`Output: FC 10`, `Classifier: FC 10`, `Final layer: …`)
_ROLE_NAMES = ("output", "classifier", "head", "final")


# what starts a line that goes on with the description of the layer named on the line above, and the other words it
# may have (a line that says more, `Stride 2 would give 8x8x8.`, is not the description's)
_CONTINUING = {"with", "and", "using", "at", "stride", "padding", "pad", "zero", "zero-padding", "filter", "kernel"}
_DESCRIPTION_WORDS = {",", ".", "(", ")", "x", "of", "size", "a", "an", "filters", "kernels", "same", "valid", "no",
                      "bias", "zero-pad", "zeros", "padded", "each", "side", "on", "all", "sides", "pixel", "pixels"}


_EXERCISE_OPTION_LINES = 3  # the most lines of options under an exercise's filter: a stride, a padding, a dilation
_ONE_FILTER = ("a", "an", "one", "single", "the")


def _exercise_below(tokens: list[Tok], pieces: list[tuple[int, str, int, bool]], index: int
                    ) -> list[tuple[int, list[Tok]]]:
    """The pieces below an input given alone (`Input: 7x7`, `Input size: 32x32x3`) that state the lecture's exercise a
    line a part, each with the tokens it adds to the input's line: one filter (`Filter: 3x3`, `Filter size: 3x3,
    stride 2`, `A 3x3 filter with stride 2`), how many when more than one (`Number of filters: 10`, `Filters: 10`, `10
    filters`, before or after it: read after it, `…, 10 filters`), then lines of its options alone (`Stride: 2`,
    `Padding: 1`); none for any other line."""
    body = tokens[:-1] if tokens and tokens[-1].text == "." else tokens
    words = [t.lower for t in body]
    at = _skip(words, 1, ("image", "size", "is", "of", ":"))
    given = _shape(body[at]) if words[:1] == ["input"] and at == len(body) - 1 and body[at].kind == "DIMS" else None
    if given is None or len(given.dims) == 1:
        return []
    filtered: tuple[int, list[Tok]] | None = None
    counted: tuple[int, list[Tok]] | None = None
    options: list[tuple[int, list[Tok]]] = []
    for below in range(index + 1, min(len(pieces), index + 3 + _EXERCISE_OPTION_LINES)):
        number, text, start, step = pieces[below]
        written = _tokens(text, start)
        said = [t.lower for t in written]
        if step or number == pieces[below - 1][0] or not said:
            break
        many = _filters_counted(written) if counted is None and not options else None
        if many is not None:
            counted = below, [many, Tok("WORD", "filters", many.end, many.end)]
        elif filtered is None and not options and _one_filter_said(written):
            filtered = below, written
        elif filtered is not None and _options_alone(said):
            options.append((below, written))
        else:
            break
    if filtered is None:
        return []
    return [filtered, *([counted] if counted is not None else []), *options]


def _one_filter_said(tokens: list[Tok]) -> bool:
    """Whether a line states one filter by its size (`Filter: 3x3`, `Filter size: 5x5x3, stride 2`, `A 3x3 filter`,
    `3x3 kernel`)."""
    said, kinds = [t.lower for t in tokens], [t.kind for t in tokens]
    lead = _skip(said, 0, _ONE_FILTER)
    sized = _skip(said, lead + 1, ("size", "is", "of", ":"))
    return (kinds[lead:lead + 1] == ["DIMS"] and said[lead + 1:lead + 2] in (["filter"], ["kernel"])) or \
        (said[lead:lead + 1] in (["filter"], ["kernel"]) and kinds[sized:sized + 1] == ["DIMS"])


def _filters_counted(tokens: list[Tok]) -> Tok | None:
    """The number of a line that says how many filters alone (`Number of filters: 10`, `# of filters = 10`, `Filters:
    10`, `10 filters`), else None."""
    words = [t.lower for t in tokens if t.text != "."]
    if len(words) == 2 and tokens[0].kind == "NUM" and words[1] in ("filters", "kernels"):
        return tokens[0]
    at = _skip(words, 0, ("number", "#", "no", "of", "the"))
    if words[at:at + 1] not in (["filters"], ["kernels"]) or len(words) != at + 3 or words[at + 1] not in (":", "=") \
            or tokens[at + 2].kind != "NUM" or not tokens[at + 2].text.isdigit():
        return None
    return tokens[at + 2]


def _options_alone(words: list[str]) -> bool:
    """Whether a line gives a layer's options alone (`Stride: 2`, `Padding = 1`, `pad 1 pixel`)."""
    return bool(words) and words[0] in OPTION_WORDS and all(
        w in OPTION_WORDS or w.isdigit() or w in (":", "=", ",", ".", "pixel", "pixels") for w in words)


def _options_below(tokens: list[Tok], pieces: list[tuple[int, str, int, bool]], index: int
                   ) -> list[tuple[int, list[Tok]]]:
    """The pieces right below a layer's statement (`CONV1: 10 5x5 filters`, `Filters: 10 5x5`: sizes and a kind's
    word, no answer) that give its options alone, a line each (`Stride: 1`, then `Padding: 2`), the statement giving
    none of them: a stride first, or two lines or more; none for a lone `Padding: 2` under it, which may answer its
    padding."""
    words = [t.lower for t in tokens]
    if not any(t.kind == "DIMS" for t in tokens) or _GIVING_KINDS.isdisjoint(words) or \
            any(t.kind == "ARROW" or t.text in ("=", "?") or t.lower in ir.ANSWER_WORDS or t.lower == "output"
                for t in tokens):
        return []
    stated: list[tuple[int, list[Tok]]] = []
    given = {OPTION_WORDS[w] for w in words if w in OPTION_WORDS}
    for below in range(index + 1, min(len(pieces), index + 1 + _EXERCISE_OPTION_LINES)):
        number, text, start, step = pieces[below]
        written = _tokens(text, start)
        said = [t.lower for t in written]
        if step or number == pieces[below - 1][0] or not _options_alone(said) or OPTION_WORDS[said[0]] in given:
            break
        given.add(OPTION_WORDS[said[0]])
        stated.append((below, written))
    return stated if len(stated) > 1 or (stated and OPTION_WORDS[stated[0][1][0].lower] == "stride") else []


def _continued(tokens: list[Tok], below: str) -> bool:
    """Whether the line below a layer's named description goes on with it (`CONV2: 8 filters of size 3x3`, then `with
    stride 1 and padding 1`, `stride 1, pad 1`): the line above names a layer, then a colon and a description with no
    answer; the line below starts with a word that continues one, and has no answer or name of its own. (Read alone,
    the line below was prose, and the layer built without its options: a right output marked wrong.)"""
    words = [t.lower for t in tokens]
    colon = words.index(":") if ":" in words[:4] else None
    if colon is None or colon + 1 >= len(words) or _label(tokens[:colon]) is None or \
            _layer_kind(" ".join(words[:colon])) is None or any(t.kind == "ARROW" for t in tokens) or \
            {*ir.ANSWER_WORDS, "output", ".", "?"} & set(words[colon:]):
        return False
    going_on = _tokens(below, 0)
    return bool(going_on) and going_on[0].lower in _CONTINUING and all(
        t.kind in ("NUM", "DIMS") or t.lower in _CONTINUING or t.lower in _DESCRIPTION_WORDS for t in going_on)


def _wrapped(tokens: list[Tok], below: str) -> bool:
    """Whether a sentence wrapped at the line's end goes on on the line below (`… a convolutional layer with 96
    filters of size`, then `11x11, stride 4 and no zero-padding.`): the line above is a sentence of some length
    with no answer, ending in a word that cannot end one (`of`, `with`, `size`, `a`, `,`); the line below starts
    with a number or a word in lower case, not a label, a bullet or a question's number. (Read apart, both were
    prose, and the problem's layer lost.) A word's value said with `=` is a label too (`output = (28-5)/1+1 = 24 ->
    24x24x6` under `…, no padding`: joined, its working was read as the layer's options, E060); a letter's is not
    (`of size` then `f = 5, …`)."""
    if len(tokens) < 6 or tokens[-1].lower not in _HANGING or any(t.kind == "ARROW" or t.text == "?" for t in tokens):
        return False
    going_on = _tokens(below, 0)
    if not going_on or _lead(going_on) or ":" in [t.text for t in going_on[:3]] or \
            ("=" in [t.text for t in going_on[1:3]] and len(going_on[0].text) > 1):
        return False
    first = going_on[0]
    return first.kind in ("NUM", "DIMS") or (first.kind == "WORD" and first.text[:1].islower())


# the words a sentence does not end with: one that does goes on on the next line
_HANGING = {"of", "with", "size", "a", "an", "the", "and", ",", "by", "at", "to", "is", "are", "has", "have", "stride",
            "padding", "filters", "using", "uses", "apply", "applies", "into", "from", "then", "each", "per", "its"}


_CLASS_WORDS = (["classes"], ["class", "scores"], ["scores"], ["logits"], ["probabilities"], ["class", "probabilities"])


def _classes_output(tokens: list[Tok]) -> list[Tok]:
    """`Output: 10 classes` (`10 class scores`, `10 logits`, `10 probabilities`): the output's 10 values, as `Output:
    10 values` (it was prose, a wrong length unjudged). Other tokens as they are."""
    words = [t.lower for t in tokens]
    at = 2 if words[:2] in (["output", ":"], ["output", "="]) else 3 if words[:3] in (
        ["final", "output", ":"], ["network", "output", ":"]) else 0
    end = len(words) - (words[-1:] in (["."], ["!"]))
    if not at or at >= end or tokens[at].kind != "NUM" or words[at + 1:end] not in _CLASS_WORDS:
        return tokens
    said = tokens[at + 1]
    return [*tokens[:at + 1], Tok("WORD", "values", said.start, tokens[end - 1].end), *tokens[end:]]


def _fc_to_classes(tokens: list[Tok]) -> list[Tok]:
    """`a fully-connected layer to 10 classes` (`FC layer over 10 classes`, `dense layer into 10 categories`): its
    width, as `… with 10 outputs` (the line was prose, the answers under it passed over). Other tokens as they are."""
    words = [t.lower for t in tokens]
    for j in range(1, len(tokens) - 2):
        if words[j] in ("to", "over", "into") and tokens[j + 1].kind == "NUM" and \
                words[j + 2] in ("classes", "categories", "outputs", "class") and \
                not _FC_WORDS.isdisjoint(words[:j]) and set(words[j + 3:]) <= {".", ",", ";"}:
            return [*tokens[:j], Tok("WORD", "with", tokens[j].start, tokens[j].end), tokens[j + 1],
                    Tok("WORD", "outputs", tokens[j + 2].start, tokens[j + 2].end), *tokens[j + 3:]]
    return tokens


_FC_WORDS = frozenset({"fully", "fc", "dense", "linear", "fully-connected"})  # a fully connected layer's words


def _filters_of_them(tokens: list[Tok]) -> list[Tok]:
    """`5x5x3 filters (20 of them)` (`3x3 filters, 16 of them`): the filters' count first, as `20 5x5x3 filters` (it
    was E060: the count was expected first). Other tokens as they are."""
    words = [t.lower for t in tokens]
    for j in range(len(tokens) - 5):
        if tokens[j].kind != "DIMS" or words[j + 1] not in ("filters", "kernels"):
            continue
        opened = words[j + 2] == "("
        at = j + 2 + (opened or words[j + 2] == ",")
        if at + 3 > len(tokens) or tokens[at].kind != "NUM" or words[at + 1:at + 3] != ["of", "them"] or \
                (opened and words[at + 3:at + 4] != [")"]):
            continue
        return [*tokens[:j], tokens[at], *tokens[j:j + 2], *tokens[at + 3 + opened:]]
    return tokens


def _way_softmax(tokens: list[Tok]) -> list[Tok]:
    """An FC layer named, then `N-way softmax` (`FC8: 1000-way softmax`, as AlexNet's paper says its last layer): N
    neurons and a softmax, as `FC8: 1000 neurons, softmax` (it was prose, and the answers under it judged against the
    layer above). Other tokens as they are."""
    words = [t.lower for t in tokens]
    colon = words.index(":") if ":" in words[:4] else None
    if colon is None or _layer_kind(" ".join(words[:colon])) != "fc" or words[colon + 2:colon + 5] != ["-", "way",
                                                                                                     "softmax"] or \
            tokens[colon + 1].kind != "NUM":
        return tokens
    way = tokens[colon + 3]
    return [*tokens[:colon + 2], Tok("WORD", "neurons", way.start, way.end), Tok("P", ",", way.end, way.end),
            *tokens[colon + 4:]]


def _yes_or_no(tokens: list[Tok]) -> list[Tok]:
    """`Does POOL1 have parameters? No` (`Does the pooling layer have any learnable parameters? No, none.`, `Does
    this layer have weights? No`): its count, `Params of POOL1: 0` (it was prose, a wrong `No` unjudged); `Yes` says
    no count, and is E060 as `Params of POOL1: yes` (give the count). Other tokens as they are."""
    words = [t.lower for t in tokens]
    if words[:1] != ["does"] or "?" not in words:
        return tokens
    asked = words.index("?")
    has = next((j for j in range(2, min(asked, 6)) if words[j] == "have"), None)
    if has is None:
        return tokens
    counted = _skip(words, has + 1, ("any", "learnable", "trainable"))
    if counted != asked - 1 or words[counted] not in ("parameters", "params", "weights"):
        return tokens
    said = [t for t in tokens[asked + 1:] if t.text not in (".", "!", ",")]
    if not said or said[0].lower not in ("no", "yes", "none"):
        return tokens
    answer = said[0]
    if answer.lower in ("no", "none") and [t.lower for t in said[1:]] not in ([], ["none"], ["0"], ["parameters"]):
        return tokens  # (`No, 448 …`: a count to read otherwise)
    count = Tok("NUM", "0", answer.start, answer.end) if answer.lower != "yes" else answer
    question = tokens[asked]
    word = Tok("WORD", "weights" if words[counted] == "weights" else "params", tokens[counted].start,
               tokens[counted].end)
    return [word, Tok("WORD", "of", tokens[0].start, tokens[0].end), *tokens[1:has],
            Tok("P", ":", question.start, question.end), count]


def _activation_size(tokens: list[Tok]) -> list[Tok]:
    """`Activation size: 4,096` (Andrew Ng's column, as a line; `POOL1 activation size: …`): the output's values, as
    `Activations: 4,096` (it was prose, a wrong count unjudged); before a volume, `Activation size: 16x16x16`
    (`Activations: 16x16x16`), the output, as `Output: 16x16x16` (it was judged, and E060 besides). Other tokens as
    they are."""
    words = [t.lower for t in tokens]
    at = next((j for j in range(min(len(words) - 1, 3)) if words[j] in ("activation", "activations")), None)
    if at is None:
        return tokens
    named = 2 if words[at:at + 2] == ["activation", "size"] else 1 if words[at] == "activations" else 0
    if not named or words[at + named:at + named + 1] not in ([":"], ["="]) or (at and _label(tokens[:at]) is None):
        return tokens
    volume = tokens[at + named + 1:at + named + 2] != [] and tokens[at + named + 1].kind == "DIMS"
    if named == 1 and not volume:
        return tokens
    word = Tok("WORD", "output" if volume else "activations", tokens[at].start, tokens[at + named - 1].end)
    return [*tokens[:at], word, *tokens[at + named:]]


_DASHED_ANSWERS = ("output", "total", "number", "activations")  # answers' heads a remark after a dash may follow


def _reason_dropped(tokens: list[Tok]) -> list[Tok]:
    """`POOL1: 0 params since pooling has no weights`, `Output: 16x16x16 because the pool halves it`, `Params: 0,
    because …`, `Params: 0 — pooling has none`: an answer's tokens without the reason given after it (the answer
    was E060, its layer's name said again E015). Other tokens as they are."""
    words = [t.lower for t in tokens]
    at = next((j for j, w in enumerate(words) if w in ("because", "since")), None)
    if at is None and tokens and (tokens[0].lower in ir.ANSWER_WORDS or tokens[0].lower in _DASHED_ANSWERS):
        # `Parameters: 0 — pooling has none`: after an answer's dash, a remark of words alone (not on a layer's
        # line, where `- same padding` or `- no bias` may say what the layer is)
        at = next((j for j, t in enumerate(tokens) if t.text in ("—", "–", "-") and j and t.start > tokens[j - 1].end
                   and any(u.kind == "WORD" for u in tokens[j + 1:])
                   and all(u.kind not in ("NUM", "DIMS") for u in tokens[j + 1:])), None)
        if at is not None:
            at += 1  # (the dash ends the answer as a comma before `because` does)
    if at is None or at < 3 or not {":", "=", "->"} & set(words[:at]):
        return tokens
    end = at - (words[at - 1] in (",", ";", "-", "—", "–"))
    last = tokens[end - 1]
    if last.kind in ("NUM", "DIMS") or (last.lower in ir.ANSWER_WORDS and tokens[end - 2].kind == "NUM"):
        return tokens[:end]
    return tokens


def _connective_dropped(tokens: list[Tok]) -> list[Tok]:
    """`So after CONV1 the output is 28x28x6.`, `Therefore, the output is …`, `So we have 456 parameters.`: the line
    without the word that leads to its answer (and the comma after it), read as the answer alone (each was prose, or
    E060); other tokens as they are."""
    if len(tokens) > 2 and tokens[0].lower in _SO:
        rest = tokens[1 + (tokens[1].text == ","):]
        if rest and rest[0].kind == "WORD":
            return rest
    return tokens


_FLATTEN_JOINTS = (["and"], [","], ["then"], [",", "then"], ["and", "then"], ["followed", "by"],
                   [",", "followed", "by"], ["+"], [";"])


def _flatten_dropped(tokens: list[Tok]) -> list[Tok]:
    """`Flatten and a fully-connected layer with 100 units.` (`Flatten, then FC with 100 units`, `Then flatten and
    …`, `Flatten followed by an FC layer …`) as the layer after the flatten, which flattens its input itself: the
    line was prose, and the answers under it were judged against the layer above (a right count marked wrong).
    Other tokens as they are."""
    words = [t.lower for t in tokens]
    at = 1 if words[:1] == ["then"] else 0
    if words[at:at + 1] not in (["flatten"], ["flattening"]):
        return tokens
    joint = next((len(j) for j in _FLATTEN_JOINTS if words[at + 1:at + 1 + len(j)] == j), 0)
    rest = tokens[at + 1 + joint:]
    if not joint or len(rest) < 2 or not any(t.kind in ("NUM", "DIMS") for t in rest):
        return tokens
    return rest


_FLATTENED_LEADS = (["flattened", "input"], ["input", "(", "flattened", ")"], ["input", "flattened"],
                    ["input", "is", "flattened"], ["the", "input", "is", "flattened"])


def _flattened_input(tokens: list[Tok]) -> list[Tok]:
    """`Flattened input: 2048` (`Input (flattened): …`, `Input is flattened: 8*8*32 = 2048`, `The input is flattened
    to 2048 values`) under a layer, as `Input to this layer: …`, the volume it receives (it was prose, a wrong length
    unjudged; `Input: 2048` would start a network of its own). Other tokens as they are."""
    words = [t.lower for t in tokens]
    lead = next((len(lead) for lead in _FLATTENED_LEADS if words[:len(lead)] == lead), 0)
    if not lead or words[lead:lead + 1] not in ([":"], ["="], ["to"], ["into"]) or \
            not any(t.kind == "NUM" for t in tokens[lead + 1:]):
        return tokens
    said, rest, start, end = tokens[lead], tokens[lead + 1:], tokens[0].start, tokens[lead - 1].end
    return [*(Tok("WORD", word, start, end) for word in ("Input", "to", "this", "layer")),
            Tok("P", ":", said.start, said.end),
            *rest[_past_sentence_working(rest, 0, len(rest)):]]  # (`8*8*32 = 2048`: its working checked as all are)


def _role_dropped(tokens: list[Tok]) -> list[Tok]:
    """`FC7 (output): 10 neurons` as `FC7: 10 neurons`: a named layer's role in parentheses before its colon says
    nothing the reader needs; `Output (FC): 10 neurons` is the output layer (`Output layer: 10 neurons`)."""
    closing = next((j for j, t in enumerate(tokens[:8]) if t.text == ")"), None)
    opening = next((j for j, t in enumerate(tokens[:8]) if t.text == "("), None)
    if opening is None or closing is None or not 0 < opening < closing - 1 or tokens[closing + 1:closing + 2] == [] or \
            tokens[closing + 1].text != ":" or any(t.kind != "WORD" for t in tokens[:opening]):
        return tokens
    role = [t.lower for t in tokens[opening + 1:closing]]
    if not all(w in _ROLE_WORDS for w in role):
        return tokens
    if _label(tokens[:opening]) is not None:
        return tokens[:opening] + tokens[closing + 1:]
    if [t.lower for t in tokens[:opening]] == ["output"] and set(role) & {"fc", "dense", "fully", "linear", "softmax"}:
        return [tokens[0], Tok("WORD", "layer", tokens[opening].start, tokens[closing].end), *tokens[closing + 1:]]
    return tokens


_ROLE_WORDS = {"output", "hidden", "final", "last", "first", "classifier", "softmax", "logits", "fc", "dense", "fully",
               "connected", "-", "linear", "layer", "head", "classification", "scores", "class"}
# between a layer's name and its answers: `CONV1: 32x32x10`, `CONV1 -> …`
def _joint(tok: Tok) -> bool:
    """Whether a token may join a layer's name to its answers: `:`, `=` or an arrow (`->`, `→`, `==>`, `-->`)."""
    return tok.text in (":", "=") or tok.kind == "ARROW"
_HAS = ("has", "have", "with", "contains", "uses", "needs", "need", "requires", "require", "performs", "costs",
        "takes", "learns", "holds", "stores", "does", "computes")  # `CONV1 has 760 parameters`, `It needs 105M MACs`
_VOLUME_NOUNS = ("volume", "tensor", "feature", "map", "maps")  # after a volume: `32x32x10 feature maps`
_PRODUCES = ("produces", "outputs", "gives", "yields", "returns", "makes")  # `CONV1 produces a 32x32x10 volume`


def _numbered_lines(lines: list[ir.Line], number: str, placed: bool = True) -> list[int]:
    """The indices of the lines above that `Layer 2` names: the layers whose names end in the number (`Layer 2: Max
    pool 2x2, stride 2` is POOL2), and with `placed` the one in that place when every layer above is a CONV, POOL or
    FC layer (under CONV1, POOL1, CONV2, `layer 2` is CONV2 by its name and POOL1 by its place: two, so which is not
    said)."""
    same = [i for i, line in enumerate(lines) if line.items and isinstance(line.items[0], ir.LayerCall) and
            re.fullmatch(rf"[a-z_]*[a-z_]{re.escape(number)}", line.items[0].label or "")]
    calls = [line.items[0] for line in lines if line.items and isinstance(line.items[0], ir.LayerCall)]
    place = _layer_place(number) - 1
    if placed and 0 <= place < len(calls) == len(lines) and place not in same and \
            all(_family(c.keyword) is not None for c in calls):
        same = sorted([*same, place])
    return same


def _layer_place(number: str) -> int:
    """A layer's number as written (`3` in `layer 3`), or 0 (no layer's) when it is none or longer than any literal
    is read (`layer 99…9` of 5,000 digits is no number Python converts)."""
    return int(number) if number.isdigit() and len(number) <= limits.MAX_LITERAL_DIGITS else 0


def _numbered_missing(same: list[int], number: str, noun: str, lines: list[ir.Line]) -> str:
    """Why `Layer N` names no one layer above: none ends in the number or is in that place, or `same` (several)
    may be it, by their names or one by its place."""
    if not same:
        return f"no layer numbered {number} above to give this {noun} to"
    by_name = [i for i in same if (call := lines[i].items[0]) and isinstance(call, ir.LayerCall) and
               (call.label or "").endswith(number)]
    by_place = [i for i in same if i not in by_name]
    if not by_place:
        return f"{len(same)} layers above end in the number {number}"
    return f"layer {number} may be {' or '.join(_shown_layer(lines, i) for i in by_name)} by its name or " \
           f"{_shown_layer(lines, by_place[0])} by its place: cnncalc cannot tell which"


def _heading_reference(tokens: list[Tok]) -> tuple[list[Tok], bool] | None:
    """The words of a line that names a layer and says nothing else, as a heading over its answers, and whether they
    name it by its name: `CONV1`, `**CONV1**`, `CONV1 answers:`; by its number or place, `Layer 2`, `The first
    layer:`; by its kind with a colon or after `For`, `Conv layer:`, `For the pool`. None for any other line (a
    title, `Max Pooling`, `ConvNet`). A heading may head a layer's description instead (`Conv layer:`, the layer on
    the line below): that layer stated ends it."""
    if len(tokens) > 12:
        return None  # (a heading is a few words)
    said = [t for t in tokens if t.text not in ("*", "#", "_")]
    words = [t.lower for t in said]
    colon = words[-1:] == [":"]
    end = len(words) - colon
    end -= words[end - 1:end] in (["answers"], ["answer"])
    start = next((len(lead) for lead in (["for"], ["answers", "for"], ["answer", "for"], ["answers", "to"])
                  if words[:len(lead)] == lead), 0)
    reference = said[start:end]
    if not (colon or start) and len(reference) > 3:
        return None  # (`CONV1`, `Layer 2`, `The first layer` without a colon: a few words)
    how = _layer_reference(reference)
    return (reference, how == "name") if how in ("name", "place") or (how == "kind" and (colon or start)) else None


def _layer_reference(tokens: list[Tok]) -> str | None:
    """How words name one layer, if they are a layer's reference alone: by its `name` (`CONV1`, `Conv 1`), its
    `place` (`layer 2`, `the first layer`, `conv 2`, `the first ReLU`) or its `kind` (`the pool`, `the conv layer`);
    None for other words (`padding`, `the two layers`)."""
    words = [t.lower for t in tokens]
    if not 0 < len(words) <= 5 or not all(t.kind in ("WORD", "NUM") for t in tokens):
        return None
    if len(words) <= 2 and _label(tokens) is not None and _layer_kind(words[0]) is not None:
        return "name"
    if (words[0] == "layer" and len(words) == 2 and tokens[1].kind == "NUM") or _layer_number(tokens) is not None or \
            _stage_placed(tokens) is not None or _placed(words) is not None:
        return "place"
    return "kind" if _kind_named(words) is not None else None


def _named_line(lines: list[ir.Line], *labels: str) -> int | None:
    """The index of the last line above whose layer carries one of `labels` (`conv1`), else None."""
    return next((i for i in range(len(lines) - 1, -1, -1) if lines[i].items and
                 isinstance(lines[i].items[0], ir.LayerCall) and lines[i].items[0].label in labels), None)


def _answers_follow(rest: list[Tok]) -> bool:
    """Whether the words after a layer's name may be its answers: a `:`, `=` or arrow, `output`, a count's word,
    or `has 760 params`."""
    ahead = [t.lower for t in rest]
    return bool(ahead) and (_joint(rest[0]) or ahead[0] in ("output", "out") or
                            (ahead[0] in _PRODUCES and (any(t.kind == "DIMS" for t in rest) or
                                                        _stated_depth(rest[1:]) is not None)) or
                            _count_head(ahead, 0) is not None or
                            (ahead[0] in _HAS and (_stated_counts(rest[1:]) is not None or
                                                   _remarked_counts(rest[1:]) is not None or
                                                   _stated_depth(rest[1:]) is not None)))


def _remarked_counts(tokens: list[Tok]) -> list[Tok] | None:
    """`156 params (with biases)` as `params: 156`: counts with a remark of words after them (`_remark_dropped`);
    weights said with their biases counted in are every parameter (`150 weights (incl. bias)`). None for anything
    else (`156 params (26 per filter)`: a filter's count, not a remark)."""
    said = _remark_dropped(tokens)
    end = len(tokens) - (tokens[-1:] != [] and tokens[-1].text in (".", "!"))
    opening = next((j for j in range(end - 1, -1, -1) if tokens[j].text == "("), None)
    if len(said) == len(tokens) and opening and tokens[end - 1].text == ")" and \
            not any(t.kind == "NUM" for t in tokens[opening:end]) and \
            _biases_included([t.lower for t in tokens[opening:end]]):
        said = tokens[:opening]  # `150 weights (incl. bias)`: its abbreviation's dot is no sentence's end
    counts = _stated_counts(said) if len(said) < len(tokens) else None
    if counts is not None and counts[0].lower == "weights" and len(counts) == 3 and \
            _biases_included([t.lower for t in tokens[len(said):]]):
        counts[0] = counts[0]._replace(text="params")
    return counts


def _answers_after(rest: list[Tok]) -> list[Tok]:
    """The answers after a layer's name as a line of their own reads them: `CONV1: 32x32x10` and `CONV1 ->
    32x32x10` as `Output: 32x32x10`, `CONV1: 760 params` and `CONV1 has 760 params` as `params: 760`, `CONV1
    output: …` as it is, and after the layer described again, its answers after the arrow (`POOL1: 2x2, stride
    2 -> 16x16x10`). Nothing when a volume begins a description, not an answer (`POOL1: 3x3 filters`)."""
    if rest and rest[0].lower in _PRODUCES:  # `CONV1 produces a 32x32x10 volume`, `… 10 feature maps` (its depth)
        return _stated_depth(rest[1:]) or _as_output(rest[0], rest[1:])
    if not rest or (not _joint(rest[0]) and rest[0].lower not in _HAS):
        return rest
    after = rest[1:]
    arrows = [i for i, t in enumerate(after) if t.kind == "ARROW"]
    if rest[0].kind != "ARROW" and arrows:
        return _answers_after(after[arrows[-1]:])
    counts = _stated_counts(after) or _remarked_counts(after) or \
        (_stated_depth(after) if rest[0].lower in _HAS else None)
    if counts:
        return counts
    if len(after) >= 3 and after[0].text == "[" and after[1].kind == "DIMS" and after[2].text == "]":
        after = after[1:2] + after[3:]  # `CONV1 -> [32x32x10]`, as the lecture brackets a volume
    tail = [t for t in after[1:] if t.text not in ("!", ".")]
    counted = bool(tail) and tail[0].text in (",", ";") and _counts_named(tail)
    if after and after[0].kind == "NUM" and (counted or (rest[0].kind == "ARROW" and not tail)):
        return _as_output(rest[0], after)  # a vector: `FC1 -> 10`, `FC1: 10, 25,610 params`
    worked = _untrailed(_after_working(after))
    if rest[0].kind == "ARROW" and len(worked) == 1 and worked[0].kind == "NUM" and len(worked) < len(after) and \
            {"(", "/"} & {t.text for t in after}:
        return _as_output(rest[0], after)  # `CONV1 -> (32-5)/1+1 = 28`, `-> floor((32-5)/2)+1 = 14`: a side worked out
    if _side_then_volume(after):
        return _as_output(rest[0], after)  # `Layer 1: (64-5+2*2)/1+1 = 64, so 64x64x16`: as after `Output:`
    if not after or after[0].kind != "DIMS":
        return after
    described = tail  # `32x32x10 feature maps with 760 params`: the volume's noun, then its counts
    while described[:1] and described[0].lower in _VOLUME_NOUNS:
        described = described[1:]
    if not described or _depth_said(tail) is not None or (
            described[0].lower in (",", ";", "(", "=", "with", "and", "|") and (
                _counts_named(described) or any(t.lower in _VALUE_WORDS for t in described))):
        return _as_output(rest[0], after)  # `32x32x10`, `28x28 (8 channels)`, `32x32x10, 760 params`
    return []


def _side_then_volume(tokens: list[Tok]) -> bool:
    """Whether the words after a layer's name work its side out, then say the volume it comes to (`(64 - 5 + 2*2)/1
    + 1 = 64, so 64x64x16`, `64/2 = 32 => 32x32x16`): its output, as `Output: …` reads it (after `Layer 1:` it was
    prose, a wrong volume passing with exit 0; after `CONV1:`, the layer stated again, E015)."""
    said = _untrailed(tokens)
    return len(said) > 3 and (said[0].kind == "NUM" or said[0].text == "(") and said[-1].kind == "DIMS" and \
        any(t.text == "=" for t in said) and (said[-2].lower in _SIDE_THEN or said[-2].text == ">" or
                                              said[-2].kind == "ARROW")


def _bytes_said(tokens: list[Tok]) -> bool:
    """Whether a count in bytes is among the tokens (`1.16 MB`, `1.16MB`, `1,161,600 bytes`): an answer, never a
    remark (`(1.16 MB, 1.36 MB)` was passed over)."""
    return any(t.kind == "NUM" and (t.text.upper().endswith("B") or (
        j + 1 < len(tokens) and _UNIT_WORDS.get(tokens[j + 1].text, "").endswith("B"))) for j, t in enumerate(tokens))


def _counts_named(tokens: list[Tok]) -> bool:
    """Whether the words name a count an answer gives (`params`, `MACs`, `multiply-adds`, `weights and biases`; not
    the output's values, `activation maps`)."""
    words = [t.lower for t in tokens]
    return any(word in ir.ANSWER_WORDS or _COUNT_WORDS.get(_count_head(words, j) or ("memory",)) != "memory"
               for j, word in enumerate(words))


def _as_output(joint: Tok, answer: list[Tok]) -> list[Tok]:
    """The volume (and counts) after a layer's name (`CONV1: 32x32x10, 760 params`) as an output line reads
    them: `Output: 32x32x10, 760 params`, the word standing where the `:` (or arrow) is, with no width (the
    answer is the named layer's: `FC2 output: 11 neurons` states no layer of 11 neurons)."""
    return [Tok("WORD", "output", joint.start, joint.start), Tok("P", ":", joint.start, joint.end), *answer]


def _stated_counts(tokens: list[Tok]) -> list[Tok] | None:
    """`760 params, 768K MACs` (`760 parameters and 768,000 MACs.`) as `params: 760, MACs: 768K`, the tokens
    an answer line reads; None for anything else."""
    while tokens and tokens[-1].text in (".", "!"):
        tokens = tokens[:-1]
    groups = _labelled(tokens) if tokens and (tokens[0].kind == "NUM" or tokens[0].lower == "no") else None
    if not groups:
        return None
    return [t for group in groups for t in (*group, Tok("P", ",", group[-1].end, group[-1].end))][:-1]


def _stated_depth(tokens: list[Tok]) -> list[Tok] | None:
    """`16 output channels` (`16 channels`, `16 feature maps`, `16 activation maps`) after a layer's name and `has`,
    as `Output depth: 16`, the tokens an answer line reads (`CONV1 has 16 output channels` was CONV1 stated again,
    E015); None for anything else (`16 filters` describes the layer)."""
    words = [t.lower for t in _untrailed(tokens)] if tokens else []
    if not words or tokens[0].kind != "NUM" or words[1:] not in (["output", "channels"], ["channels"],
                                                                 ["feature", "maps"], ["activation", "maps"]):
        return None
    said = tokens[1]
    return [Tok("WORD", "Output", said.start, said.end), Tok("WORD", "depth", said.start, said.end),
            Tok("P", ":", said.start, said.start), tokens[0]]


def _label(name_tokens: list[Tok]) -> str | None:
    """`CONV1` -> conv1, `MAX POOL1` -> pool1, `CONV 3` -> conv3, `Conv layer 1` -> conv1 and `Pooling layer 1` ->
    pool1 (a sheet that numbers each kind's layers on its own; `Layer 1` alone is layer1), `conv_a` and `Conv A` ->
    conv_a, `Stem` -> stem; None when the name carries no number nor a short suffix after an underscore."""
    words = [t.text.lower().replace("-", "_") for t in name_tokens if t.kind in ("WORD", "NUM")]
    if not words:
        return None
    last = words[-1]
    if last.isdigit() and len(words) > 2 and words[-2] == "layer":
        last = (_family(" ".join(words[:-2]).replace("_", " ")) or words[-3]) + last
    elif last.isdigit() and len(words) > 1:
        last = words[-2] + last
    if len(words) == 1 and last == "stem":
        return last  # a network's first layer by its name in the ResNet and ConvNeXt papers (`Stem: 7x7 conv, 64 …`)
    lettered = name_tokens[-1].text
    if len(words) > 1 and len(lettered) == 1 and "A" <= lettered <= "Z" and name_tokens[-1].kind == "WORD":
        family = _family(" ".join(words[:-1]).replace("_", " "))  # `Conv A`, `Conv B`: a block's layers by letter
        return f"{family}_{lettered.lower()}" if family is not None else None
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", last) or not (any(ch.isdigit() for ch in last) or
                                                            re.fullmatch(r"[a-z]+_[a-z0-9]{1,2}", last)):
        return None  # (a number, or a code's suffix after an underscore: `conv_a`, `bn_1a`, `conv_b2`)
    return last


def _shape(tok: Tok, least: int = 1) -> ir.ShapeAnswer | None:
    """`55x55x96`, `13 x 13 x 256`, `96@55x55` (LeNet's maps@size) or `4096` as a volume: at most three
    sizes of at most MAX_LITERAL_DIGITS digits, each at least `least`; None otherwise. An input is read
    with `least` 0: a size of 0 there is the input's error (E023, from `input`), not prose."""
    text = _dims_text(tok.text)
    parts = _ungrouped(text).split("x") if tok.kind == "NUM" else text.split("x")  # a vector: `4,096`
    if "@" in text:  # `6@28x28`: the depth written first, then the height and width
        maps, _, size = text.partition("@")
        if size.count("x") != 1:
            return None
        parts = size.split("x") + [maps]
    if len(parts) == 4 and parts[0] == "1":  # a batch of one first: `1x55x55x96`
        parts = parts[1:]
    if len(parts) > 3 or not all(p.isdigit() and len(p) <= limits.MAX_LITERAL_DIGITS for p in parts):
        return None
    dims = tuple(int(p) for p in parts)
    bare = len(dims) == 3 and tok.kind == "DIMS" and "@" not in text  # in the order of its network's input
    return ir.ShapeAnswer(dims, text, tok.span, order=None if bare else ir.HWC) if min(dims) >= least else None


_REMARK_WORDS = {"filter", "filters", "kernel", "kernels", "each", "from", "input", "weights"}


def _remarks(tokens: list[Tok]) -> set[int]:
    """Where the tokens of an answer's remarks start: a parenthesis after a volume that speaks of the filters
    or the input (`(10 filters, each 5x5x3)`, `(from a 32x32x1 input)`); `(or 28x28x8)` is no remark."""
    inside: set[int] = set()
    seen_volume = False
    j = 0
    while j < len(tokens):
        if tokens[j].kind == "DIMS":
            seen_volume = True
        if tokens[j].text == "(" and seen_volume:
            closing = next((k for k in range(j, len(tokens)) if tokens[k].text == ")"), len(tokens))
            group = tokens[j + 1:closing]
            if any(t.lower in _REMARK_WORDS for t in group) and not any(t.lower == "or" for t in group):
                inside.update(t.start for t in group)
            j = closing
        j += 1
    return inside


def _with_its_maps(volumes: list[Tok]) -> list[Tok]:
    """The volume alone when the others said with it are its maps' height and width (`32x32x10 (32x32 per
    map)`, `32x32x10, i.e. 10 activation maps of 32x32`): they say the same output, and the volume says
    more. Anything else is left as written (two volumes that differ are E060)."""
    written = {_dims_text(v.text) for v in volumes}
    whole = [w for w in written if w.count("x") == 2]
    if len(whole) != 1 or len(written) == 1 or \
            any(w != whole[0] and whole[0].rsplit("x", 1)[0] != w for w in written):
        return volumes
    return [v for v in volumes if _dims_text(v.text) == whole[0]]


_SIZE_SEPARATORS = (",", ";", "-", "/", ".", "_", "times", "|")  # between sizes written as no volume cnncalc reads


def _dims_text(written: str) -> str:
    """Sizes as cnncalc writes them, `55x55x96`, from `55 X 55 × 96`, `55 by 55 by 96`, `55-by-55-by-96` or a
    square's, `55^2 x 96` (`55²×96`, `55**2 * 96`)."""
    written = _SQUARED.sub(r"\1x\1", written)
    return re.sub(r"\s+", "", re.sub(r"\s+by\s+|-by-", "x", written)).replace("X", "x").replace("×", "x") \
        .replace("*", "x")


_SQUARED = re.compile(r"([0-9]+)\s*(?:\^\s*2|²|\*\*\s*2)")


def _shown(tokens: list[Tok]) -> str:
    text = " ".join(t.text for t in tokens).replace(" ,", ",").replace("( ", "(").replace(" )", ")") \
        .replace("[ ", "[").replace(" ]", "]").replace(" :", ":")
    return text if len(text) <= 60 else text[:57] + "..."
