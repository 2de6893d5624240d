"""The parser's lower half: a token stream lexed line by line, error recovery, and the small
grammars inside a line: integer expressions, argument values, counts like `62.4M` or
`34,944`, shapes and `->` answers."""
from __future__ import annotations

import re
from collections.abc import Callable, Container

from cnncalc import codes, ir, limits
from cnncalc.codes import Code
from cnncalc.diagnostics import DiagnosticSink, Span
from cnncalc.lexer import Token, lex_line

ITEM_END = frozenset({";", "->", "NEWLINE", "|", "}", "EOF"})
_UNITS = {"": 1, "K": 10**3, "M": 10**6, "G": 10**9, "T": 10**12,
          "Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40,
          "k": 10**3, "m": 10**6, "g": 10**9, "t": 10**12}  # `35k`, `62.4m`: a count is never a thousandth
UNIT_PREFIXES = {value: name for name, value in _UNITS.items() if not name.islower()}  # 10**3 -> "K", as written back
_COUNT = re.compile(r"(?P<int>[0-9][0-9_]*)(?:\.(?P<frac>[0-9]+))?(?:[eE](?P<exp>[-+]?[0-9]+))?"
                    r"(?:(?P<unit>[KMGT]i?)(?P<bytes>B)?|(?P<lower>[kmgt])|(?P<plain>B))?", re.ASCII)
_GROUP = r"[0-9]{3}(?:\.[0-9]+)?(?:[KMGT]i?)?B?"  # a count's last group of digits after a comma (`40,960B`)
_SYMBOL = re.compile(r"[A-Za-z][A-Za-z0-9_]*|[0-9]+", re.ASCII)


def count_from_text(text: str, span: Span) -> ir.Count | str:
    """`34944`, `34_944`, `35K`, `62.4M`, `1e6`, `100MiB` -> Count, or the reason it is not one."""
    m = _COUNT.fullmatch(text)
    if m is None or m.group("int").endswith("_") or "__" in m.group("int"):
        return f"`{short(text)}` is not a count"
    fraction = m.group("frac") or ""
    whole = m.group("int").replace("_", "")
    exponent = m.group("exp") or "0"
    if len(whole.lstrip("0")) + len(fraction) > limits.MAX_COUNT_DIGITS or len(exponent.lstrip("+-")) > 3 \
            or abs(int(exponent)) > limits.MAX_EXPONENT:
        return (f"`{short(text)}` is beyond cnncalc's range for counts ({limits.MAX_COUNT_DIGITS} digits, "
                f"exponents up to {limits.MAX_EXPONENT})")
    digits = int(whole + fraction)
    decimals = len(fraction) - int(exponent)
    unit = _UNITS[m.group("unit") or m.group("lower") or ""]
    if decimals < 0:  # 3.5e4 is 35 thousands, rounded at the mantissa's last digit as `35K` is
        unit, decimals = unit * 10**-decimals, 0
    if unit == 1 and m.group("exp") is None and digits % 10**decimals:
        # A count is whole: `34.944` is either a slip or a point grouping thousands (34,944 in much of
        # Europe); judged as 34.944 it would mark a right answer wrong.
        if m.group("plain"):
            return f"`{short(text)}` is not a whole number of bytes (`B`); a billion is `G`, as in `1.5G`"
        grouped = f"; if the point groups thousands, write `{whole}{fraction}` or `{whole},{fraction}`" \
            if len(fraction) == 3 and len(whole) <= 3 else ""
        return f"`{short(text)}` is not a whole number: counts have no fraction without a unit (`34.9K`){grouped}"
    return ir.Count(digits, decimals, unit, text, span, bool(m.group("bytes") or m.group("plain")))


def parse_amount(text: str) -> int | None:
    """`25M`, `4.1G`, `100MiB`, `1_000` as a whole number (budgets, --max-memory); None if malformed."""
    count = count_from_text(text.strip(), Span(0, len(text)))
    return count.amount if isinstance(count, ir.Count) else None


def input_problem(text: str, dims: tuple[int | str, ...]) -> tuple[str, str] | None:
    """Why an input shape cannot be used, and the fix; None when it can. Every notation's input
    passes here (the spec's `input` line, the lecture's `[227x227x3] INPUT`), so each has the same
    limits."""
    numbers = [d for d in dims if isinstance(d, int)]
    if len(dims) == 2:
        return f"input `{text}` has 2 sizes", f"write `{text}x1` for one channel"
    if len(dims) not in (1, 3):
        return f"input `{text}` has {len(dims)} sizes", "write `HxWxC` (e.g. `227x227x3`) or a flat `N`"
    if numbers and min(numbers) < 1:
        return f"shape `{text}` has a size below 1", "every size is at least 1"
    limits_hit = [d for d in dims[:2] if isinstance(d, int) and d > limits.MAX_SIZE] if len(dims) == 3 else []
    depth = dims[-1]
    if limits_hit or (isinstance(depth, int) and depth > limits.MAX_CHANNELS):
        return (f"input `{text}` is beyond cnncalc's limits", f"heights and widths go up to {limits.MAX_SIZE:,}, "
                f"depths and flat inputs up to {limits.MAX_CHANNELS:,}")
    return None


def short(text: str) -> str:
    """A written text as a message repeats it: at most 40 characters (a 5,000-digit number is not said whole)."""
    return text if len(text) <= 40 else text[:37] + "..."


class TokenStream:
    """Tokens with a cursor, lexed one line at a time (a line found in the parser's cache is never
    lexed), the diagnostics sink, and the parsing that every statement shares."""

    def __init__(self, text: str, sink: DiagnosticSink) -> None:
        self.text = text
        self.sink = sink
        self.tokens: list[Token] = []
        self.i = 0
        self.line_pos = 0  # where the next line to lex starts
        self.depth = 0
        self.eof = False
        self.in_block = False  # inside a block's body, a name in a value may be one of its parameters
        self.operations: int | None = None  # the operations of the expression being read, within its limit

    # ---- the cursor ------------------------------------------------------------------

    def _more(self) -> None:
        if self.eof:
            self.tokens.append(self.tokens[-1])
            return
        if self.i > 4096:
            del self.tokens[:self.i]
            self.i = 0
        self.line_pos = lex_line(self.text, self.line_pos, self.tokens, self.sink)
        self.eof = self.tokens[-1].kind == "EOF"

    def peek(self, k: int = 0) -> Token:
        try:
            return self.tokens[self.i + k]
        except IndexError:
            while self.i + k >= len(self.tokens):
                self._more()
            return self.tokens[self.i + k]

    def advance(self) -> Token:
        tok = self.tokens[self.i] if self.i < len(self.tokens) else self.peek()  # `peek` inlined: the hot path
        if tok.kind != "EOF":
            self.i += 1
        return tok

    def at(self, *kinds: str) -> bool:
        return (self.tokens[self.i] if self.i < len(self.tokens) else self.peek()).kind in kinds

    def at_item_end(self) -> bool:
        """At `;`, `->`, `|`, `}` or the end of the line or file: what ends an item (a set, not `at`'s scan)."""
        return (self.tokens[self.i] if self.i < len(self.tokens) else self.peek()).kind in ITEM_END

    def at_word(self, word: str) -> bool:
        tok = self.peek()
        return tok.kind == "NAME" and tok.text == word and self.peek(1).kind != ":"

    # ---- diagnostics and recovery -----------------------------------------------------

    def error(self, code: Code, message: str, span: Span, hint: str | None = None) -> None:
        self.sink.add(code, message, span, hint)

    def unexpected(self, what: str, hint: str | None = None) -> None:
        tok = self.peek()
        if tok.kind == "BADNUMBER":
            self.bad_number(tok)
            return
        shown = {"NEWLINE": "end of line", "EOF": "end of file"}.get(tok.kind, f"`{short(tok.text)}`")
        self.error(codes.E002, f"expected {what}, found {shown}", tok.span, hint)

    def bad_number(self, tok: Token) -> None:
        self.error(codes.E013, f"malformed number `{short(tok.text)}`", tok.span,
                   hint="write sizes as `227x227x3`, counts as `34944`, `34,944`, `35K` or `62.4M`")

    def skip_newlines(self) -> None:
        """Step over ends of lines already lexed (the next line stays unlexed, for the parser's cache)."""
        tokens = self.tokens
        while self.i < len(tokens) and tokens[self.i].kind == "NEWLINE":
            self.i += 1

    def sync(self) -> None:
        """Error recovery: skip to the end of the current item, stepping over whole brace groups."""
        while not self.at_item_end():
            if self.at("{"):
                self.skip_group()
            else:
                self.advance()

    def sync_statement(self) -> None:
        while not self.at("NEWLINE", "EOF"):
            if self.at("{"):
                self.skip_group()
            else:
                self.advance()

    def skip_group(self) -> None:
        depth = 0
        while not self.at("EOF"):
            tok = self.advance()
            depth += {"{": 1, "}": -1}.get(tok.kind, 0)
            if depth == 0:
                return

    def at_sizes_without_x(self) -> bool:
        """At whole numbers one after another (`55 55 96`): a volume's sizes, their `x` left out."""
        tok, following = self.peek(), self.peek(1)
        return tok.kind == following.kind == "NUMBER" and tok.text.isdigit() and following.text.isdigit()

    def sizes_without_x(self, code: Code, whose: str, lead: str) -> None:
        """`code` for the sizes read (`at_sizes_without_x`), with them written as they go: `{lead}55x55x96`."""
        sizes = [self.advance()]
        while self.at("NUMBER") and len(sizes) < 4:
            sizes.append(self.advance())
        self.error(code, f"{whose} sizes are written with `x` between them", sizes[0].span.to(sizes[-1].span),
                   hint=f"write `{lead}{short('x'.join(t.text for t in sizes))}`")

    def end_of_statement(self, hint: str = "a statement has its line to itself; a comment starts with `#`") -> bool:
        """At the end of the line (True), or E002 at what follows, skipped to there (False)."""
        if self.at("NEWLINE", "EOF"):
            return True
        self.unexpected("end of line", hint)
        self.sync_statement()
        return False

    def end_of_answer(self) -> bool:
        """`end_of_statement` after an answer: arithmetic after it (`1820+760`) is said to be no answer."""
        return self.end_of_statement(_ANSWER_NOT_A_SUM if self.at(*_ARITHMETIC) else _ANSWER_FORM)

    # ---- numbers and shapes ------------------------------------------------------------

    def whole(self, tok: Token) -> int | None:
        """A NUMBER token as a whole number (digits and `_`), or None after reporting why not."""
        digits = tok.text.replace("_", "")
        if not digits.isdigit() or tok.text.endswith("_"):
            self.error(codes.E013, f"expected a whole number, found `{short(tok.text)}`", tok.span,
                       hint="write its digits, grouped by `_` if at all (`4096`, `4_096`)")
            return None
        if len(digits.lstrip("0")) > limits.MAX_LITERAL_DIGITS:
            self.error(codes.E013, f"`{short(tok.text)}` has more than {limits.MAX_LITERAL_DIGITS} digits", tok.span,
                       hint="no size, count or expression in a spec is that large")
            return None
        return int(digits)

    def shape_token(self) -> Token:
        """The shape at the cursor, advanced past: a DIMS or NUMBER token, with `55 x 55 x 96` (a shape
        written with spaces, as the lecture's notation reads it) joined into the one DIMS token `55x55x96`."""
        first = self.peek()
        k = 0
        if first.kind == "NUMBER" and first.text.isdigit():
            while self.peek(k + 1).kind == "NAME" and self.peek(k + 1).text in ("x", "X") and \
                    self.peek(k + 2).kind == "NUMBER" and self.peek(k + 2).text.isdigit():
                k += 2
        if k == 0:
            return self.advance()
        last = self.peek(k)
        parts = [self.advance().text for _ in range(k + 1)][::2]
        return Token("DIMS", "x".join(parts), first.start, last.end)

    def shape_kept(self, pairs: dict[str, ir.ShapeAnswer], named: str, word: Token, most: int = 3) -> Span | None:
        """The shape at the cursor kept as the answer `named` after its `word` (`input 16x16x16`, `filter 3x3x16`;
        E012 when given twice), of at most `most` sizes: where it ends, or None (synced) when it is no shape."""
        value = self.shape_token()
        answer = self.shape_answer(value, most=most)
        if answer is None:
            self.sync()
            return None
        if named in pairs:
            self.error(codes.E012, f"`{named}` is given twice", word.span.to(value.span), hint="keep one")
        pairs[named] = answer
        return value.span

    def side_kept(self, pairs: dict[str, ir.ShapeAnswer], named: str, word: Token) -> Span | None:
        """One side at the cursor, its side's word first (`input depth 3`, `filter depth 3`), kept as the answer
        `named` (E012 when it is given twice): where it ends, or None (synced) when no size follows."""
        side = self.advance()
        value = self.side_number(side, named, f"{named} {side.text.lower()} 3")
        if value is None:
            return None
        answer = self.shape_answer(value)
        if answer is None:
            self.sync()
            return None
        if named in pairs:
            self.error(codes.E012, f"`{named}` is given twice", word.span.to(value.span), hint="keep one")
        pairs[named] = answer._replace(axis=ir.SIDES.index(side.text.lower()))
        return value.span

    def side_number(self, side: Token, owner: str, example: str) -> Token | None:
        """The number after a side's word (`depth 96`, `depth = 96`), read; None (synced) after E002 when there is
        none. `owner`: whose side it is (`output`, `input`, `filter`), said in the error with its `example`."""
        if self.at("=", ":"):
            self.advance()
        if self.peek().kind != "NUMBER":
            self.unexpected(f"the {owner}'s {side.text.lower()} after `{side.text}`", f"e.g. `-> {example}`")
            self.sync()
            return None
        return self.advance()

    def shape_answer(self, tok: Token, zero: bool = False, most: int = 3) -> ir.ShapeAnswer | None:
        """`55x55x96`, `5x5` or `4096` as written after `->` or `expect output`, of at most `most` sizes (a layer's
        weights have four: `96x3x11x11`); every size at least 1 (at least 0 for a padding, `zero`)."""
        if tok.kind == "NUMBER":
            n = self.whole(tok)
            return None if n is None else self._sized((n,), tok, zero)
        parts = tok.text.split("x")
        if len(parts) > most or any(len(p) > limits.MAX_LITERAL_DIGITS for p in parts):
            written = "`FxCxKhxKw` or `UxI`" if most == 4 else "`HxWxC`, `HxW` or `N`"
            self.error(codes.E013, f"`{short(tok.text)}` is not a shape: write {written}", tok.span,
                       hint="e.g. `96x3x11x11` or `4096x9216`" if most == 4 else "e.g. `55x55x96`, `55x55` or `4096`")
            return None
        return self._sized(tuple(int(p) for p in parts), tok, zero)

    def _sized(self, dims: tuple[int, ...], tok: Token, zero: bool = False) -> ir.ShapeAnswer | None:
        if min(dims) < (0 if zero else 1):
            self.error(codes.E013, f"shape `{tok.text}` has a size below 1", tok.span,
                       hint="every size is at least 1")
            return None
        return ir.ShapeAnswer(dims, tok.text, tok.span)

    def symbolic_dims(self, tok: Token) -> tuple[int | str, ...] | None:
        """An input shape: `227x227x3`, `4096`, or with letters for sizes (`HxWx3`)."""
        parts = tok.text.split("x")
        dims: list[int | str] = []
        for part in parts:
            if _SYMBOL.fullmatch(part) is None:
                return None
            if part.isdigit():
                if len(part) > limits.MAX_LITERAL_DIGITS:
                    return None
                dims.append(int(part))
            else:
                dims.append(part)
        return tuple(dims)

    def count(self) -> ir.Count | None:
        """A count after `params`, `macs` or a budget: `34944`, `34,944`, `34_944`, `35K`, `62.4M`; `~35000`
        (or `≈`) is approximate, its last zeros rounding (`ir.Count.approximate`)."""
        approximate = self.peek().kind in ("~", "≈")
        if approximate:
            self.advance()
        tok = self.peek()
        if tok.kind not in ("NUMBER", "BADNUMBER"):
            self.unexpected("a number like `34944` or `62.4M`", "write `34944`, `34,944`, `35K` or `62.4M`")
            return None
        self.advance()
        text, end = tok.text, tok.end
        while self.peek().kind == "," and self.peek().start == end and self.peek(1).kind == "NUMBER" \
                and self.peek(1).start == end + 1 and re.fullmatch(_GROUP, self.peek(1).text) \
                and re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})*", text):
            self.advance()
            group = self.advance()
            text, end = f"{text},{group.text}", group.end
        span = Span(tok.start, end)
        group = self.peek()
        if group.kind == "NAME" and group.start > end and \
                not isinstance(count_from_text(text.replace(",", "") + group.text, span), str):
            # `35 K`, `105.4 M`: the unit a space away, where `35` alone would be judged (or refused as a fraction)
            self.error(codes.E013, f"`{text} {group.text}`: a unit follows its number without a space",
                       span.to(group.span), hint=f"write `{text}{group.text}`")
            self.advance()
            return None
        if group.kind == "NUMBER" and group.start == end + 1 and self.text[end] == " " and \
                re.fullmatch(r"[0-9]{3}", group.text) and re.fullmatch(r"[1-9][0-9]{0,2}", text):
            # `34 944`: digits grouped with a space. Read as the count 34 and the vector answer 944, a right
            # answer would be judged wrong twice.
            self.error(codes.E013, f"`{text} {group.text}`: a space does not group digits", span.to(group.span),
                       hint=f"write `{text},{group.text}` or `{text}{group.text}`; an output written after a count "
                            f"goes first instead: `-> {group.text} params {text}`")
            return None
        result = count_from_text(text.replace(",", ""), span)
        if isinstance(result, str):
            self.error(codes.E013, result, span, hint="write `34944`, `34,944`, `35K` or `62.4M`")
            return None
        result = result._replace(text=text)
        return result.approximate() if approximate else result

    # ---- values inside a line ----------------------------------------------------------

    def value(self, syntax: str, what: str, options: Container[str] = ()) -> ir.Value | None:
        """One argument value, read as its kind's syntax says (layers/arguments.py); a channel range is open
        where the line ends or one of the layer's `options` follows its `:` (`slice 8: inputs 24`)."""
        tok = self.peek()
        if syntax == "real":
            if tok.kind == "NUMBER":
                self.advance()
                return ir.Real(tok.text, tok.span)
            if tok.kind == "-" and self.peek(1).kind == "NUMBER" and self.peek(1).start == tok.end:  # `-1`, `-0.5`
                self.advance()
                number = self.advance()
                return ir.Real(f"-{number.text}", tok.span.to(number.span))
            self.unexpected(what, "write a number, e.g. `0.5` or `1e-5`")
            return None
        if syntax == "word":
            self.unexpected(what, "`cnncalc explain LAYER` lists its words")
            return None
        if syntax == "scale" and tok.kind == "NUMBER" and not tok.text.isdigit():  # a decimal factor (`0.5`)
            self.advance()
            return ir.Real(tok.text, tok.span)
        syntax = "pair" if syntax == "scale" else syntax
        if tok.kind == "DIMS" and syntax in ("pair", "sides", "int"):
            self.advance()
            return self.dims_value(tok)
        if syntax == "sides" and tok.kind == "NAME" and tok.text in ("same", "valid"):
            self.advance()
            return ir.Word(tok.text, tok.span)
        if tok.kind == "NAME" and not self.in_block and self.peek(1).kind not in _OPERATORS:
            self.advance()  # a word where a number goes, outside any block (inside, it may be a parameter: E059)
            from cnncalc.suggest import did_you_mean
            hint = did_you_mean(tok.text, ["same", "valid"] if syntax == "sides" else [])
            self.error(codes.E013, f"expected {what}, found the word `{tok.text}`", tok.span,
                       hint=hint or f"write {_FORMS[syntax]}")
            return None
        first = self.expr(what)
        if first is None:
            return None
        if syntax == "range":
            if not self.at(":"):
                self.unexpected("`:` in a channel range `A:B`", "e.g. `slice 0:64`, the channels from 0 up to 64")
                return None
            colon = self.advance()
            after = self.peek()
            if self.at_item_end() or (after.kind == "NAME" and after.text in options):
                # `slice 64:`: to the last channel, as Python's `x[:, 64:]`
                return ir.Range(first, None, first.span.to(colon.span))
            stop = self.expr("the end of the channel range")
            return None if stop is None else ir.Range(first, stop, first.span.to(stop.span))
        if syntax == "sides" and self.at(","):
            items = [first]
            while self.at(",") and len(items) < 4:
                self.advance()
                nxt = self.expr("a number after `,`")
                if nxt is None:
                    return None
                items.append(nxt)
            if len(items) != 4:
                self.error(codes.E013, "padding by sides takes four numbers `top,bottom,left,right`",
                           first.span.to(items[-1].span),
                           hint="e.g. `pad 0,1,0,1`; the same on every side is one number, `pad 1`, and rows and "
                                "columns `pad 1x2`")
                return None
            return ir.Sides(tuple(items), first.span.to(items[-1].span))
        return first

    def counted_word(self, k: int) -> int | None:
        """Where an answer's word follows the count at `peek(k)` (`2,510 params`: digits and commas), if one does."""
        while self.peek(k).kind in ("NUMBER", ","):
            k += 1
        word = self.peek(k)
        return k if word.kind == "NAME" and word.text.lower() in ir.ANSWER_WORDS else None

    def dims_value(self, tok: Token) -> ir.Value | None:
        """`3x5` (a pair) or `11x11x3` (a kernel with its depth)."""
        parts = tok.text.split("x")
        if any(len(p) > limits.MAX_LITERAL_DIGITS for p in parts) or len(parts) > 3:
            self.error(codes.E013, f"expected a size like `3x3`, found `{short(tok.text)}`", tok.span,
                       hint="a window is `HxW` (`3x3`), or with the filter's depth `HxWxC` (`11x11x3`)")
            return None
        pos = tok.start
        items: list[ir.Num] = []
        for p in parts:
            items.append(ir.Num(int(p), Span(pos, pos + len(p))))
            pos += len(p) + 1
        if len(parts) == 3:
            return ir.Volume((items[0], items[1]), items[2].value, tok.span)
        return ir.PairLit((items[0], items[1]), tok.span)

    # ---- integer expressions -----------------------------------------------------------

    def expr(self, what: str = "a number") -> ir.Expr | None:
        """`a + b - c`, each term `x * y // z`: the usual precedence, left to right."""
        tok = self.peek()
        if tok.kind == "NUMBER" and self.peek(1).kind not in _OPERATORS:  # the common case: a plain number
            self.advance()
            n = self.whole(tok)
            return None if n is None else ir.Num(n, tok.span)
        if self.operations is not None:  # inside an expression's parentheses: its count goes on
            return self.binary(("+", "-"), lambda: self.binary(("*", "//"), lambda: self.unary(what)))
        self.operations = 0
        try:
            return self.binary(("+", "-"), lambda: self.binary(("*", "//"), lambda: self.unary(what)))
        finally:
            self.operations = None

    def operation(self, tok: Token) -> bool:
        """Counts an operator (or a sign) of the expression; False, said once, past `limits.MAX_OPERATIONS`: each
        is a level of the expression's tree, which later stages walk recursively."""
        assert self.operations is not None
        self.operations += 1
        if self.operations > limits.MAX_OPERATIONS:
            self.error(codes.E004, f"an expression of more than {limits.MAX_OPERATIONS} operations", tok.span,
                       hint="compute it, or split it across block parameters")
            return False
        return True

    def binary(self, ops: tuple[str, ...], operand: Callable[[], ir.Expr | None]) -> ir.Expr | None:
        left = operand()
        while left is not None and self.peek().kind in ops:
            if not self.operation(self.peek()):
                return None
            op = self.advance().kind
            right = operand()
            if right is None:
                return None
            left = ir.BinOp(op, left, right, left.span.to(right.span))
        return left

    def unary(self, what: str) -> ir.Expr | None:
        tok = self.peek()
        if tok.kind == "-":
            if not self.operation(tok):
                return None
            self.advance()
            operand = self.unary(what)
            return None if operand is None else ir.Neg(operand, tok.span.to(operand.span))
        if tok.kind == "NUMBER":
            self.advance()
            n = self.whole(tok)
            return None if n is None else ir.Num(n, tok.span)
        if tok.kind == "DIMS":
            self.advance()
            value = self.dims_value(tok)
            if isinstance(value, ir.PairLit):
                return value
            if value is not None:
                self.error(codes.E013, f"expected a number or a pair `AxB`, found `{tok.text}`", tok.span,
                           hint="a pair is a height and a width, `3x3`")
            return None
        if tok.kind == "NAME":
            self.advance()
            return ir.Var(tok.text, tok.span)
        if tok.kind == "(":
            self.advance()
            if self.depth >= limits.MAX_DEPTH:
                self.error(codes.E004, f"parentheses nested deeper than {limits.MAX_DEPTH} levels", tok.span,
                           hint="write the expression with fewer parentheses")
                return None
            self.depth += 1
            inner = self.expr(what)
            self.depth -= 1
            if inner is None:
                return None
            if not self.at(")"):
                self.error(codes.E003, "this `(` is never closed", tok.span, hint="add `)` after the expression")
                return None
            closing = self.advance()
            return inner._replace(span=tok.span.to(closing.span))
        if tok.kind == "BADNUMBER":
            self.advance()
            self.bad_number(tok)
            return None
        self.unexpected(what, "write a number (`64`), or inside a block an expression of its parameters (`2*c`)")
        return None

    # ---- answers ---------------------------------------------------------------------

    def expectation(self) -> ir.Expectation | None:
        """`-> 55x55x96 params 34,944 macs 105M`: a shape, `params N`, `weights N` (no biases), `biases N`,
        `macs N`, `memory N`, one filter's `filter params N`, `filter weights N` and `filter biases N`, one side of
        the output (`depth 96`), its receptive field (`rf 7x7`), its window's padding (`padding 3`) and the volume it
        receives (`input 16x16x16`) or its values (`input memory 4096`), each at most once."""
        arrow = self.advance()
        shape: ir.ShapeAnswer | None = None
        counts: dict[str, ir.Count] = {}
        sides: list[ir.ShapeAnswer] = []
        pairs: dict[str, ir.ShapeAnswer] = {}  # `rf 7x7`, `padding 3`: by their word
        end = arrow.span
        seen_shape = False
        bracketed: Span | None = None  # a `[` before the shape, its `]` not yet read
        while not self.at("NEWLINE", "EOF", "}", "|", ";"):
            tok = self.peek()
            word = self.peek(1)
            if tok.kind == "NUMBER" and word.kind == "NAME" and word.text.lower() in ir.ANSWER_WORDS and \
                    self.peek(2).kind not in ("NUMBER", "BADNUMBER", "=", ":"):  # `34944 params`: the count first
                self.error(codes.E002, f"`{tok.text} {word.text}`: the count goes after the word",
                           tok.span.to(word.span), hint=f"write `{word.text} {tok.text}`")
                self.sync()
                return None
            if tok.kind == "[" and bracketed is None and not seen_shape and self.peek(1).kind in ("DIMS", "NUMBER"):
                bracketed = tok.span  # `-> [55x55x96]`, bracketed as the lecture's notation writes it
                self.advance()
                continue
            if tok.kind == "]" and bracketed is not None and seen_shape:
                bracketed = None
                self.advance()
                continue
            if tok.kind in ("DIMS", "NUMBER"):
                if not seen_shape and self.at_sizes_without_x():  # `-> 55 55 96`: one volume
                    self.sizes_without_x(codes.E002, "a volume's", "")
                    self.sync()
                    return None
                tok = self.shape_token()
                # `2.33`: the value of a division that is not whole (the lecture's stride 3 on a 7x7 input)
                divided = ir.division_answer(tok.text, tok.span) if "." in tok.text else None
                read = divided or self.shape_answer(tok)
                if seen_shape and shape is not None and read is not None and _size_beside(read, shape, sides):
                    sides.append(shape)  # `size 55 54x54x96`: the side, then the volume
                elif seen_shape:
                    self.error(codes.E012, "the answer has two shapes", tok.span, hint="keep one of them")
                seen_shape = True
                shape = read or shape
                end = tok.span
            elif tok.kind == "NAME" and tok.text.lower() == "invalid":  # the stride does not fit (the lecture's 2.33)
                self.advance()
                if seen_shape:
                    self.error(codes.E012, "the answer has two shapes", tok.span, hint="keep one of them")
                seen_shape = True
                shape = ir.ShapeAnswer((), tok.text, tok.span)
                end = tok.span
            elif tok.kind == "NAME" and tok.text.lower() in _SHAPE_WORDS and \
                    self.peek(2 if self.peek(1).kind in ("=", ":") else 1).kind in ("DIMS", "NUMBER"):
                self.advance()  # `-> output 55x55x96`, `shape: 55x55x96`: the word names the shape that follows
                if self.at("=", ":"):
                    self.advance()
                if tok.text.lower() == "size" and self.peek().kind == "NUMBER" and self.peek().text.isdigit() and \
                        self.peek(1).text not in ("x", "X"):
                    # `size 55`: the side of a square output, or a vector's length; after a volume, its own answer
                    side = self.advance()
                    sized = self.shape_answer(side)
                    if seen_shape and (shape is None or not _size_beside(shape, None, sides)):
                        self.error(codes.E012, "the answer has two shapes", side.span, hint="keep one of them")
                    elif sized is not None and seen_shape:
                        sides.append(sized._replace(square=True))
                    elif sized is not None:
                        shape = sized._replace(square=True)
                    seen_shape = True
                    end = side.span
            elif tok.kind == "NAME" and tok.text.lower() in ("flops", "flop"):
                self.error(codes.E002, f"cnncalc judges `macs N`, not `{tok.text}`", tok.span,
                           hint=f"{ir.FLOPS_HINT}, `macs N`")
                self.sync()
                return None
            elif tok.kind == "NAME" and tok.text.lower() in ir.SIDES:  # `-> depth 96`: one side of the output
                self.advance()
                value = self.side_number(tok, "output", f"{tok.text.lower()} 96")
                if value is None:
                    return None
                n = self.whole(value)
                if n is not None and n < 1:
                    self.error(codes.E013, f"`{tok.text} {value.text}`: a size is at least 1", value.span,
                               hint="every side of an output holds at least one value")
                if n is None or n < 1:
                    self.sync()
                    return None
                axis = ir.SIDES.index(tok.text.lower())
                if any(side.axis == axis for side in sides):
                    self.error(codes.E012, f"`{tok.text.lower()}` is given twice", tok.span.to(value.span),
                               hint="keep one")
                sides.append(ir.ShapeAnswer((n,), value.text, value.span, axis))
                end = value.span
            elif tok.kind == "NAME" and tok.text.lower() == "input":  # `-> input 16x16x16`: what the line receives
                self.advance()
                if self.at("=", ":"):
                    self.advance()
                if self.peek().kind == "NAME" and self.peek().text.lower() in ir.SIDES:  # `input depth 3`: one side
                    kept = self.side_kept(pairs, "input", tok)
                    if kept is None:
                        return None
                    end = kept
                    continue
                if self.peek().kind == "NAME" and ir.ANSWER_WORDS.get(self.peek().text.lower()) == "memory":
                    self.advance()  # `input memory 4096`: the values it receives, as `memory` its output's
                    if self.at("=", ":"):
                        self.advance()
                    count = self.count()
                    if count is None:
                        self.sync()
                        return None
                    if "input_memory" in counts:
                        self.error(codes.E012, "`input memory` is given twice", tok.span.to(count.span),
                                   hint="keep one")
                    counts["input_memory"] = count
                    end = count.span
                    continue
                if self.peek().kind not in ("DIMS", "NUMBER"):
                    self.unexpected("the volume the line receives after `input`, as in `input 16x16x16`",
                                    "write it `HxWxC`, `N` for a vector, or `memory N` for its values")
                    self.sync()
                    return None
                kept = self.shape_kept(pairs, "input", tok)
                if kept is None:
                    return None
                end = kept
            elif tok.kind == "NAME" and tok.text.lower() == "weights" and (
                    self.peek(1).kind == "DIMS" or (self.peek(1).kind in ("=", ":") and self.peek(2).kind == "DIMS")):
                self.advance()  # `-> weights 10x256`: the layer's whole weights (`weights 2570` is their count)
                if self.at("=", ":"):
                    self.advance()
                kept = self.shape_kept(pairs, "weights", tok, most=4)
                if kept is None:
                    return None
                pairs["weights"] = pairs["weights"]._replace(weights=True)
                end = kept
            elif tok.kind == "NAME" and tok.text.lower() == "filter" and self.peek(1).kind == "NAME" and \
                    self.peek(1).text.lower() in ir.SIDES:
                self.advance()  # `-> filter depth 3`: one side of one filter
                kept = self.side_kept(pairs, "filter", tok)
                if kept is None:
                    return None
                end = kept
            elif tok.kind == "NAME" and tok.text.lower() == "filter" and (
                    self.peek(1).kind in ("DIMS", "NUMBER") or
                    (self.peek(1).kind in ("=", ":") and self.peek(2).kind in ("DIMS", "NUMBER"))):
                self.advance()  # `-> filter 11x11x3`: one filter's shape (`filter params 76` is its count, below)
                if self.at("=", ":"):
                    self.advance()
                kept = self.shape_kept(pairs, "filter", tok)
                if kept is None:
                    return None
                end = kept
            elif tok.kind == "NAME" and tok.text.lower() in _PAIR_ANSWERS:  # `-> rf 7x7`, `-> padding 3`
                named, what = tok.text.lower(), _PAIR_ANSWERS[tok.text.lower()]
                self.advance()
                if self.at("=", ":"):
                    self.advance()
                if self.peek().kind not in ("DIMS", "NUMBER"):
                    self.unexpected(f"the {what} after `{named}`, as in `{named} {_PAIR_EXAMPLES[named]}`",
                                    f"write `{named} {_PAIR_EXAMPLES[named]}`")
                    self.sync()
                    return None
                value = self.shape_token()
                answer = self.shape_answer(value, zero=named == "padding")
                if answer is None or len(answer.dims) > 2:
                    if answer is not None:
                        self.error(codes.E013, f"`{named} {value.text}`: a {what} is `HxW` or `N`", value.span,
                                   hint=f"write `{named} {_PAIR_EXAMPLES[named]}`")
                    self.sync()
                    return None
                if named in pairs:
                    self.error(codes.E012, f"`{named}` is given twice", tok.span.to(value.span), hint="keep one")
                pairs[named] = answer
                end = value.span
            elif tok.kind == "," and ((self.peek(1).kind == "NAME" and self.peek(1).text.lower() in _ANSWER_STARTS) or
                                      self.peek(1).kind == "DIMS" or
                                      (self.peek(1).kind == "[" and self.peek(2).kind in ("DIMS", "NUMBER")) or
                                      (self.peek(1).kind == "NUMBER" and self.peek(2).kind == "NAME" and
                                      self.peek(2).text.lower() in ir.ANSWER_WORDS)):
                self.advance()  # `55x55x96, params 34944`, `params 760, input 32x32x3`: a comma before an answer
                # separates answers (and before `760 params`, to say that the count goes after the word)
            elif tok.kind == "NAME" and (tok.text.lower() in ir.ANSWER_WORDS or (
                    tok.text.lower() == "filter" and self.peek(1).kind == "NAME" and
                    ir.ANSWER_WORDS.get(self.peek(1).text.lower()) in ("params", "weights", "biases"))):
                self.advance()
                written = tok.text.lower()
                if written == "filter":  # `filter params 76`: one filter's
                    noun = self.advance().text.lower()
                    quantity, written = "filter_" + ir.ANSWER_WORDS[noun], f"filter {noun}"
                else:
                    quantity = written = ir.ANSWER_WORDS[written]
                if self.at("=", ":"):
                    self.advance()  # `params = 34944`, as people write it
                count = self.count()
                if count is None:
                    self.sync()
                    return None
                if quantity in counts:
                    self.error(codes.E012, f"`{written}` is given twice", tok.span.to(count.span), hint="keep one")
                counts[quantity] = count
                end = count.span
            elif tok.kind == "(" and self.peek(1).kind == "NUMBER" and (at := self.counted_word(1)) is not None:
                # `(2,510 params)`, as prose writes it
                number, said = self.text[self.peek(1).start:self.peek(at - 1).end], self.peek(at)
                self.error(codes.E002, f"`({number} {said.text})`: the count goes after the word, without "
                                       f"parentheses", tok.span.to(said.span), hint=f"write `{said.text} {number}`")
                self.sync()
                return None
            elif tok.kind == "(" and self.peek(1).kind == "NAME" and seen_shape:  # `-> 27x27x96 (first pool)`
                line_end = self.text.find("\n", tok.end)
                closing = self.text.find(")", tok.end, len(self.text) if line_end < 0 else line_end)
                remark = self.text[tok.end:closing].strip() if closing > 0 else self.peek(1).text
                self.error(codes.E002, "expected a shape, `params N`, `weights N` or `macs N` after `->`, found `(`",
                           tok.span, hint=f"a remark after the answers is a comment: `# {remark[:40]}`")
                self.sync()
                return None
            elif tok.kind == "(" or tok.text == "torch":  # `(1, 96, 55, 55)`, `torch.Size([1, 96, 55, 55])`
                self.error(codes.E002, f"expected a shape, `params N`, `weights N` or `macs N` after `->`, found "
                                       f"`{tok.text}`", tok.span,
                           hint="write the volume height x width x channels, as `55x55x96`; PyTorch's sizes "
                                "`(1, 96, 55, 55)` are batch, channels, height, width")
                self.sync()
                return None
            elif tok.kind == "->":  # `-> -> 6x6x1`, `-> 6x6x1 -> params 10`: said once, the answers after it read
                self.error(codes.E002, "a line has one `->`", tok.span,
                           hint="write every answer after the first `->`: `-> 55x55x96 params 34944`")
                self.advance()
            elif tok.kind == "NAME" and tok.text.lower() in ("doesn", "does", "not", "won", "cannot", "impossible"):
                self.error(codes.E002, f"expected a shape or `invalid` after `->`, found `{tok.text}`", tok.span,
                           hint="the lecture's \"doesn't fit\" is `-> invalid` in the spec language")
                self.sync()
                return None
            else:
                self.unexpected("a shape, `invalid`, `params N`, `weights N` or `macs N` after `->`",
                                _ANSWER_NOT_A_SUM if tok.kind in _ARITHMETIC else _ANSWER_FORM)
                self.sync()
                return None
        if not seen_shape and not counts and not sides and not pairs:
            self.unexpected("a shape, `params N` or `macs N` after `->`", _ANSWER_FORM)
            return None
        if bracketed is not None:
            self.error(codes.E003, "this `[` is never closed", bracketed, hint="add `]` after the shape")
        if "filter" in pairs and "weights" in pairs:  # (one answer holds either)
            later = max(pairs["filter"], pairs["weights"], key=lambda answer: answer.span.start)
            self.error(codes.E012, "a line answers one filter's shape or its layer's weights, not both", later.span,
                       hint="answer the other on a line of its own")
        return ir.answered(shape, counts, arrow.span.to(end), tuple(sides), pairs.get("rf"), pairs.get("padding"),
                           pairs.get("input"), pairs.get("filter") or pairs.get("weights"))


def _size_beside(volume: ir.ShapeAnswer, sized: ir.ShapeAnswer | None, sides: list[ir.ShapeAnswer]) -> bool:
    """Whether a square output's side (`sized`, `size 55`; None: one still to read) may stand beside `volume` as an
    answer of its own, each judged (`-> 54x54x96 size 55`, as `convert` writes a lecture sheet's `Output = 55 = …` above
    its `[54x54x96]`): `volume` a volume, and no such side given already."""
    return len(volume.dims) == 3 and not volume.square and \
        (sized is None or (sized.square and len(sized.dims) == 1)) and not any(side.axis is None for side in sides)


_PAIR_ANSWERS = {"rf": "receptive field", "padding": "padding"}  # answers of one or two sizes, by their word
_PAIR_EXAMPLES = {"rf": "7x7` or `rf 7", "padding": "3` or `padding 1x2"}
_ARITHMETIC = ("+", "-", "*", "//")
_OPERATORS = frozenset({*_ARITHMETIC, ":"})
_ANSWER_NOT_A_SUM = "an answer is one number: write the result, not the arithmetic (`params 760`, not `params 750+10`)"
_SHAPE_WORDS = frozenset({"output", "shape", "size"})  # may name an answer's shape
# The words an answer may start with: after a comma (`10, input 4x4x2`) they begin the next one.
_ANSWER_STARTS = frozenset({*ir.ANSWER_WORDS, *_SHAPE_WORDS, *ir.SIDES, *_PAIR_ANSWERS, "filter", "input", "invalid"})
_ANSWER_FORM = "e.g. `-> 55x55x96 params 34944 macs 105.4M`; docs/spec-language.md lists the answers"
_FORMS = {"int": "a whole number", "pair": "a number or `AxB`", "range": "a channel range `A:B`",
          "sides": "a number, `AxB`, `T,B,L,R`, `same` or `valid`"}
