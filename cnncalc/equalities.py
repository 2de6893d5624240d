"""The equalities a written working states, checked as arithmetic.

A student's answer often carries its working: `each filter has 5*5*3 + 1 = 76 params, so 76*10 =
760`. The answer judged is the number after the last `=`; the steps before it are claims too, and a
step that is false (`5*5*3 + 1 = 75`) is a slip a teacher would mark, even when the final number is
right. This module finds the chains `A = B = C` on a line whose sides are plain arithmetic (whole
and decimal numbers, `+ - * / x ×  ·`, parentheses) and says which steps do not hold.

It is built never to call a true working false. Steps are judged from the first side that computes
something (an operator in it) on, or from a value after an `=` that its working follows (`Output = 55
= (227-11)/4 + 1`); each side is plain arithmetic bounded by words, punctuation or the
line's ends (`W2 = 32`, `2^10 = 1024`, `sqrt(16) = 4`, `0,5*224` and `[27/2] + 1 = 14` are not
read); a working in parentheses beside a value is a step too (`Params: 760 (750 + 10)`). A right side
may be truncated or rounded at the precision it is written (`35K` or `34K` for 34,944, `2.33`, `3.2
million`; `800K` for 802,816, its last zeros read as rounding, as answers are), rounded down or up from
an inexact division (`(32 - 5)/2 + 1 = 14`), or continue the working (`5*5*3 = 75 + 1 = 76`); a side
in bytes or read as a volume (`= 12.8MB`, `= 32x32x10`) is not judged.
"""
from __future__ import annotations

import re
from fractions import Fraction
from itertools import pairwise
from math import ceil, floor

from cnncalc import TYPE_CHECKING, codes
from cnncalc.diagnostics import Span
from cnncalc.ir import ANSWER_WORDS
from cnncalc.limits import MAX_COUNT_DIGITS, MAX_WORKING_SIDE, MAX_WORKING_SIGNS
from cnncalc.record import NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from cnncalc.diagnostics import Diagnostic, DiagnosticSink
    from cnncalc.report import Answer

# kinds: N number, O operator, ( ), = an equals sign, W a word or punctuation (a boundary), U something that
# belongs to arithmetic cnncalc does not read (powers, percentages, floor brackets, a decimal comma, a call)
_TOKEN = re.compile(r"""
    (?P<N>\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)
  | (?P<U>\*\*|\\[A-Za-z]*|[\^%²³√⌊⌋⌈⌉\[\]{}]|[,.](?=\d))
  | (?P<X>[xX](?=\s*[\d(]))
  | (?P<A>->|→)
  | (?P<O>[-+*/×·∗⋅÷−])
  | (?P<L>\()
  | (?P<R>\))
  | (?P<E>(?<![=<>!:~≈])=(?![=>]))
  | (?P<W>[^\W\d]\w*|\S)
""", re.VERBOSE)
# words that do arithmetic (`3 times 4 + 1`, `32 by 32`, `half of 224`): never the edge of a side
_ARITHMETIC_WORDS = frozenset({"times", "plus", "minus", "by", "over", "divided", "multiplied", "squared", "cubed",
                               "of", "half", "twice", "double", "triple", "sqrt", "root", "power", "mod", "exp",
                               "log", "ln", "floor", "ceil"})
_KINDS = {"N": "N", "U": "U", "X": "x", "A": "W", "O": "O", "L": "(", "R": ")", "E": "=", "W": "W"}  # (an arrow,
# `… = 55 -> 55x55x96`, is a boundary: its `-` no minus)
_SCALES = {"k": 10 ** 3, "m": 10 ** 6, "g": 10 ** 9, "t": 10 ** 12, "thousand": 10 ** 3, "million": 10 ** 6,
           "mil": 10 ** 6, "mln": 10 ** 6, "billion": 10 ** 9, "bn": 10 ** 9}
_BYTES = re.compile(r"(?i)^(?:[kmgt]i?)?b(?:ytes?)?$|^(?:[kmgt]i?)?bits?$|^[kmgt]?ib$|^bytes?$|^bits?$")
_OPERATORS = {"+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "·": "*", "∗": "*", "⋅": "*", "x": "*", "X": "*",
              "/": "/", "÷": "/"}


class _Tok(NamedTuple):
    kind: str
    text: str
    start: int
    end: int


class Step(NamedTuple):
    """A step of a working: where it is written, where its side that computes is and where its value is
    (offsets in the text), the step as written there, what the side computes, and whether the value
    written is that."""

    start: int
    end: int
    worked: tuple[int, int]
    written: tuple[int, int]
    step: str
    value: Fraction
    holds: bool

    @property
    def shown(self) -> str:
        """What the side computes: `76`, `14.5`, `2.333…`."""
        if self.value.denominator == 1:
            return f"{self.value.numerator:,}"
        rounded = floor(self.value * 10_000 + Fraction(1, 2))  # in integers: a working's value may be past a float's
        whole, tenths_of_thousandths = divmod(rounded, 10_000)
        decimals = f"{tenths_of_thousandths:04d}".rstrip("0")
        return f"{whole:,}" + (f".{decimals}" if decimals else "") + \
            ("…" if Fraction(rounded, 10_000) != self.value else "")


class Workings:
    """The workings of a sheet's answered lines, each line read once (as `plain` shows it: the notation's
    markup blanked in place), for the answers' slips and for E046."""

    def __init__(self, text: str, plain: Callable[[str], str]) -> None:
        self.text = text
        self.plain = plain
        self.read: dict[int, tuple[str, list[Step]]] = {}  # a line's start: the line as written, its steps

    def line(self, offset: int) -> tuple[int, str, list[Step]]:
        """The line holding `offset`: where it starts, its text as written, and its steps (offsets in it)."""
        start = self.text.rfind("\n", 0, offset) + 1
        if start not in self.read:
            end = self.text.find("\n", start)
            line = self.text[start:len(self.text) if end < 0 else end]
            self.read[start] = line, (steps(self.plain(line), 0, len(line)) if "=" in line or "(" in line else [])
        return (start, *self.read[start])

    def value_before(self, span: Span) -> Fraction | None:
        """What the working right before the value written at `span` computes (`(5*5*3+1)*10 = 750`: 760),
        or None when no step of plain arithmetic gives it."""
        start, _, found = self.line(span.start)
        return next((s.value for s in found if s.written[0] == span.start - start), None)

    def check(self, answers: Sequence[Answer], reported: Sequence[Diagnostic], sink: DiagnosticSink) -> None:
        """E046 for each false step on a line that holds an answer (`5*5*3 + 1 = 75 params, so 75*10 = 760`:
        both steps, the answer right); a step whose value is said to be wrong already (an answer judged wrong
        there, `76*10 = 750`, or another error at it) is left to that."""
        said = [a.span for a in answers if a.verdict == "wrong"] + [d.span for d in reported if d.severity == "error"]
        for start in sorted({self.line(a.span.start)[0] for a in answers}):
            self._false_steps(start, sink, "correct the step; the answer judged is the number after the last `=`",
                              said)

    def check_prose(self, prose: Sequence[Span], sink: DiagnosticSink) -> None:
        """E046 for each false step on a line skipped as prose (a working alone under a layer, `(7 - 3)/2 + 1 = 4`:
        no answer cnncalc reads, but a slip all the same, which passed with exit 0)."""
        for start in sorted({self.line(offset)[0] for span in prose
                             for offset in _line_starts(self.text, span.start, span.end)}):
            self._false_steps(start, sink, "correct the step (the line is read as arithmetic only: no answer on it "
                                           "is judged)", [])

    def _false_steps(self, start: int, sink: DiagnosticSink, hint: str, said: Sequence[Span]) -> None:
        """E046 at each step of the line at `start` that does not hold, but those whose value `said` covers."""
        _, line, found = self.line(start)
        for step in found:
            if step.holds or any(s.start < start + step.written[1] and start + step.written[0] < s.end for s in said):
                continue
            worked = line[step.worked[0]:step.worked[1]]  # (as written: `5 \times 5`, not its plain reading)
            sink.add(codes.E046, f"the working's `{line[step.start:step.end]}` does not hold: {worked} is "
                                 f"{step.shown}", Span(start + step.start, start + step.end), hint=hint)


def _line_starts(text: str, start: int, end: int) -> list[int]:
    """The offset of each line that `text[start:end]` touches."""
    offsets = [start]
    newline = text.find("\n", start, end)
    while newline >= 0:
        offsets.append(newline + 1)
        newline = text.find("\n", newline + 1, end)
    return offsets


def steps(text: str, start: int, end: int) -> list[Step]:
    """The steps of the workings in `text[start:end]` (one line) that can be judged, up to its
    `MAX_WORKING_SIGNS`th `=`."""
    tokens = _tokens(text, start, end)
    found: list[Step] = []
    i = 0
    while i < len(tokens):
        if tokens[i].kind != "=":
            i += 1
            continue
        sides = [_left_side(tokens, i)]
        j = i  # the chain's last `=` read
        while True:
            following = next((k for k in range(j + 1, len(tokens)) if tokens[k].kind == "="), len(tokens))
            if following < len(tokens) and _value(tokens[j + 1:following]) is not None:
                sides.append((j + 1, following))  # a middle side: all of it arithmetic, up to the next `=`
                j = following
            else:
                sides.append(_right_side(tokens, j))
                break
        computed = False  # a side with an operator so far: the sides after it are values worked out
        for left, right in pairwise(sides):
            if left is None or right is None:
                continue
            computed = computed or _computes(tokens[left[0]:left[1]])
            if computed:
                step = _step(text, tokens, left, right)
            elif left[1] - left[0] == 1 and left[0] and tokens[left[0] - 1].kind == "=" and \
                    _computes(tokens[right[0]:right[1]]):  # a value, then its working (`Output = 56 = (227-11)/4+1`)
                step = _step(text, tokens, right, left)
            else:
                continue
            if step is not None:
                found.append(step)
        i = j + 1
    return found + _asides(text, tokens)


def _asides(text: str, tokens: list[_Tok]) -> list[Step]:
    """The steps of workings written beside an answer's value in parentheses (`Params: 760 (750 + 10)`, `MACs: 768K
    (32*32*10*75)`, `-> params 760 (750 + 10)`): the value after a `:`, a `=` or what it counts, its scale, then
    arithmetic with an operator alone in the parentheses, nothing arithmetic after them (`Output: 32 (32 - 5)/1 + 1`
    is no aside)."""
    found = []
    for i, number in enumerate(tokens):
        if number.kind != "N" or not i or not (tokens[i - 1].kind == "=" or tokens[i - 1].text == ":" or
                                               tokens[i - 1].text.lower() in ANSWER_WORDS):
            continue
        opening = i + 1
        if opening < len(tokens) and tokens[opening].kind == "W" and \
                len(_scales(number, tokens[opening]) or ()) > 1:
            opening += 1  # `768K (…)`, `3.2 million (…)`
        if opening >= len(tokens) or tokens[opening].kind != "(":
            continue
        closing = next((k for k in range(opening + 1, min(len(tokens), opening + 2 + MAX_WORKING_SIDE))
                        if tokens[k].kind in "()"), None)  # (an inner parenthesis: not read)
        if closing is None or tokens[closing].kind != ")" or \
                (closing + 1 < len(tokens) and tokens[closing + 1].kind not in "W"):
            continue
        if _computes(tokens[opening + 1:closing]):
            step = _step(text, tokens, (opening + 1, closing), (i, i + 1))
            if step is not None:  # shown with its closing parenthesis: `760 (751 + 10)`
                end = tokens[closing].end
                found.append(step._replace(end=end, step=text[step.start:end]))
    return found


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    """The line's tokens up to its `MAX_WORKING_SIGNS`th `=`; an `x` is a multiplication between numbers
    (`32x32x10`, `32 x 32`), else a word."""
    tokens: list[_Tok] = []
    signs = 0
    for m in _TOKEN.finditer(text, start, end):
        kind = _KINDS[m.lastgroup or "W"]
        if kind == "=":
            signs += 1
            if signs > MAX_WORKING_SIGNS:
                break
        if kind == "x":  # before a number: an operator after one (or after a parenthesis), else a word
            kind = "O" if tokens and tokens[-1].kind in "N)" else "W"
        elif (kind == "W" and m.group().lower() in _ARITHMETIC_WORDS) or (kind == "(" and _called(tokens, m.start())):
            kind = "U"  # arithmetic in words (`3 times 4`), a call's parenthesis (`sqrt(16)`): not read
        tokens.append(_Tok(kind, m.group(), m.start(), m.end()))
    return tokens


def _called(tokens: list[_Tok], at: int) -> bool:
    """Whether a `(` at `at` follows a word glued to it (`sqrt(16)`, `max(3, 4)`)."""
    return bool(tokens) and tokens[-1].kind == "W" and tokens[-1].end == at and tokens[-1].text[-1:].isalnum()


def _left_side(tokens: list[_Tok], at: int) -> tuple[int, int] | None:
    """The longest plain arithmetic before the `=` at `at` that starts after a boundary (a word,
    punctuation, an opening parenthesis, an `=` or the line's start)."""
    for s in range(max(0, at - MAX_WORKING_SIDE), at):
        if tokens[s].kind in "N(" and (s == 0 or tokens[s - 1].kind in "W=(") and \
                _value(tokens[s:at]) is not None:
            return s, at
    return None


def _right_side(tokens: list[_Tok], at: int) -> tuple[int, int] | None:
    """The longest plain arithmetic after the `=` at `at` that ends at a boundary (a word, punctuation,
    a parenthesis or the line's end)."""
    for e in range(min(len(tokens), at + 1 + MAX_WORKING_SIDE), at + 1, -1):
        if (e == len(tokens) or tokens[e].kind in "W()") and _value(tokens[at + 1:e]) is not None:
            return at + 1, e
    return None


def _computes(side: list[_Tok]) -> bool:
    return any(t.kind == "O" for t in side)


def _step(text: str, tokens: list[_Tok], worked: tuple[int, int], written: tuple[int, int]) -> Step | None:
    """The step between the side `worked` out and the value `written` (either may come first), when it can
    be judged."""
    lhs, rhs = tokens[worked[0]:worked[1]], tokens[written[0]:written[1]]
    if any(t.kind == "O" and t.text in "xX×" for t in rhs):
        return None  # a volume as the value (`= 32x32x10`)
    value = _value(lhs)
    if value is None or value < 0:
        return None  # (a negative value is no working's: `layers 1-3 = …` is a range)
    after = tokens[written[1]] if written[1] < len(tokens) else None
    end = rhs[-1].end
    if len(rhs) == 1 and after is not None and len(_scales(rhs[0], after) or ()) > 1:
        end = after.end  # the value with its scale (`= 3.3M`, `= 117 million`)
    first, last = min(lhs[0].start, rhs[0].start), max(lhs[-1].end, end)
    return Step(first, last, (lhs[0].start, lhs[-1].end), (rhs[0].start, end), text[first:last], value,
                _holds(value, rhs, after))


def _holds(value: Fraction, rhs: list[_Tok], after: _Tok | None) -> bool:
    """Whether the right side `rhs` (with the token `after` it) can be read as equal to `value`."""
    candidates = [value]
    if value.denominator != 1:  # an inexact division, rounded down or up as the network would
        candidates += [Fraction(floor(value)), Fraction(ceil(value))]
    if len(rhs) > 1:  # an expression: equal, or continuing the working from its first terms (`75 + 1`)
        prefixes = (_value(rhs[:k]) for k in range(1, len(rhs) + 1))
        return any(p in candidates for p in prefixes if p is not None)
    number = rhs[0]
    if number.kind != "N":
        return True
    scales = _scales(number, after)
    if scales is None:
        return True  # in bytes, or a glued suffix not read (`1e6`): not judged
    digits = number.text.replace(",", "")
    decimals = len(digits.partition(".")[2])
    for scale in scales:
        written, unit = int(digits.replace(".", "")), Fraction(scale, 10 ** decimals)
        if scale != 1 and not decimals:  # `800K` for 802,816: its last zeros are rounding, as answers read them
            while written % 10 == 0 and written >= 100:
                written, unit = written // 10, unit * 10
        for c in candidates:
            q = c / unit  # the value in units of the last digit written: truncated, or rounded
            if written == floor(q) or (written == floor(q) + 1 and q - floor(q) >= Fraction(1, 2)):
                return True
    return False


def _scales(number: _Tok, after: _Tok | None) -> list[int] | None:
    """The scales a number may be written in, from the word after it (`35K`, `3.2 million`, `760 MACs`);
    None when it is in bytes or glued to a word that is not a scale."""
    if after is None or after.kind != "W" or not after.text[:1].isalpha():
        return [1]
    word = after.text
    if _BYTES.match(word):
        return None
    glued = after.start == number.end
    scale = _SCALES.get(word.lower()) or (_SCALES.get(word[0].lower()) if word[0] in "kKMmGgTt" else None)
    if scale is None:
        return None if glued else [1]
    return [1, scale, 2 ** {10 ** 3: 10, 10 ** 6: 20, 10 ** 9: 30, 10 ** 12: 40}[scale]]


def _value(tokens: list[_Tok]) -> Fraction | None:
    """The exact value of plain arithmetic, or None when the tokens are not that (or divide by 0)."""
    if not tokens or len(tokens) > MAX_WORKING_SIDE:
        return None
    parser = _Arithmetic(tokens)
    try:
        value = parser.sum()
    except (_NotArithmetic, ZeroDivisionError):
        return None
    return value if parser.at == len(tokens) else None


class _NotArithmetic(Exception):
    pass


class _Arithmetic:
    """sum := product (('+'|'-') product)*; product := factor (('*'|'/') factor)*; factor := number |
    '-' factor | '(' sum ')'."""

    def __init__(self, tokens: list[_Tok]) -> None:
        self.tokens = tokens
        self.at = 0

    def operator(self, among: str) -> str | None:
        if self.at < len(self.tokens) and self.tokens[self.at].kind == "O":
            op = _OPERATORS[self.tokens[self.at].text]
            if op in among:
                self.at += 1
                return op
        return None

    def sum(self) -> Fraction:
        value = self.product()
        while (op := self.operator("+-")) is not None:
            value = value + self.product() if op == "+" else value - self.product()
        return value

    def product(self) -> Fraction:
        value = self.factor()
        while (op := self.operator("*/")) is not None:
            value = value * self.factor() if op == "*" else value / self.factor()
        return value

    def factor(self) -> Fraction:
        if self.at >= len(self.tokens):
            raise _NotArithmetic
        token = self.tokens[self.at]
        self.at += 1
        if token.kind == "N":
            digits = token.text.replace(",", "")
            if len(digits) > MAX_COUNT_DIGITS:
                raise _NotArithmetic
            return Fraction(digits)
        if token.kind == "O" and _OPERATORS[token.text] == "-":
            return -self.factor()
        if token.kind == "(":
            value = self.sum()
            if self.at >= len(self.tokens) or self.tokens[self.at].kind != ")":
                raise _NotArithmetic
            self.at += 1
            return value
        raise _NotArithmetic
