"""The parser's lower half: a token stream with its helpers and error recovery, and the
small grammars inside a line: integer expressions, argument values, counts like `62.4M`,
literal shapes and `->` expectations."""
from __future__ import annotations

import re
from typing import Callable

from cnncalc import ir
from cnncalc.diagnostics import DiagnosticSink, Span
from cnncalc.lexer import Token

MAX_NESTING = 64
ITEM_END = {";", "->", "NEWLINE", "|", "}", "EOF"}
_UNITS = {"": 1, "K": 10**3, "M": 10**6, "G": 10**9, "T": 10**12,
          "Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40}
_COUNT = re.compile(r"(?P<int>[\d_]+)(?:\.(?P<frac>\d+))?(?:[eE](?P<exp>[-+]?\d+))?(?P<unit>[KMGT]i?)?(?P<bytes>B)?")


def parse_amount(text: str) -> int | None:
    """`25M`, `4.1G`, `100MiB`, `1_000` as a whole number (budgets, --max-memory); None if malformed."""
    count = parse_count(Token("NUMBER", text.strip(), Span(0, len(text))))
    return None if count is None else int(count.amount)


def parse_count(token: Token) -> ir.Count | None:
    """`34944`, `34_944`, `35K`, `62.4M`, `100MiB` -> Count; None when not a count."""
    m = _COUNT.fullmatch(token.text)
    if m is None or m.group("int").startswith("_") or m.group("int").endswith("_") or "__" in m.group("int"):
        return None
    fraction = m.group("frac") or ""
    digits = int(m.group("int").replace("_", "") + fraction)
    decimals = len(fraction) - int(m.group("exp") or 0)
    if decimals < 0:  # 1e6: shift the exponent into the digits
        digits, decimals = digits * 10**-decimals, 0
    return ir.Count(digits, decimals, _UNITS[m.group("unit") or ""], token.text, token.span)


class TokenStream:
    """Tokens with a cursor, the diagnostics sink, and the parsing that every statement shares."""

    def __init__(self, tokens: list[Token], sink: DiagnosticSink, text: str) -> None:
        self.text = text
        self.tokens = tokens + [tokens[-1]] * 4  # EOF padding: peek() needs no bounds check
        self.pos = 0
        self.sink = sink
        self.depth = 0

    def peek(self, k: int = 0) -> Token:
        return self.tokens[self.pos + k]

    def advance(self) -> Token:
        tok = self.peek()
        if tok.kind != "EOF":
            self.pos += 1
        return tok

    def at(self, *kinds: str) -> bool:
        return self.peek().kind in kinds

    def at_word(self, word: str) -> bool:
        tok = self.peek()
        return tok.kind == "NAME" and tok.text == word and self.peek(1).kind != ":"

    def error(self, code: str, message: str, span: Span, hint: str | None = None) -> None:
        self.sink.add(code, message, span, hint)

    def unexpected(self, what: str) -> None:
        tok = self.peek()
        if tok.kind == "BADNUMBER":
            return  # the lexer has reported it
        shown = {"NEWLINE": "end of line", "EOF": "end of file"}.get(tok.kind, f"`{tok.text}`")
        self.error("E002", f"expected {what}, found {shown}", tok.span)

    def skip_newlines(self) -> None:
        while self.at("NEWLINE"):
            self.advance()

    def sync(self) -> None:
        """Error recovery: skip to the end of the current item, stepping over whole brace groups."""
        while not self.at(*ITEM_END):
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

    def end_of_statement(self) -> None:
        if not self.at("NEWLINE", "EOF"):
            self.unexpected("end of line")
            while not self.at("NEWLINE", "EOF"):
                self.advance()

    # ---- values inside a line ----------------------------------------------------------

    def literal_shape(self, tok: Token) -> tuple[int, ...] | None:
        """`227x227x3` or `4096`; every size at least 1."""
        if tok.kind == "NUMBER" and not tok.text.replace("_", "").isdigit():
            self.error("E023", f"a shape needs whole sizes, found `{tok.text}`", tok.span)
            return None
        sizes = tuple(int(p.replace("_", "")) for p in tok.text.split("x"))
        if min(sizes) < 1:
            self.error("E023", f"shape `{tok.text}` has a size below 1", tok.span, hint="every size must be at least 1")
            return None
        return sizes

    def parse_count_value(self) -> ir.Count | None:
        tok = self.peek()
        count = parse_count(tok) if tok.kind == "NUMBER" else None
        if count is None:
            if tok.kind in ("NUMBER", "BADNUMBER"):
                self.advance()
                self.error("E013", f"`{tok.text}` is not a count", tok.span, hint="write `34944`, `35K` or `62.4M`")
            else:
                self.unexpected("a number like `34944` or `62.4M`")
            return None
        self.advance()
        return count

    def parse_value(self, kind: str, what: str) -> ir.Value | None:
        tok = self.peek()
        if kind == "real":
            if tok.kind == "NUMBER":
                self.advance()
                return ir.Real(tok.text, tok.span)
            self.unexpected(what)
            return None
        if tok.kind == "DIMS":
            self.advance()
            parts = tok.text.split("x")
            if len(parts) != 2:
                self.error("E013", f"expected a size like `3x3`, found `{tok.text}`", tok.span)
                return None
            pos = tok.span.start
            items: list[ir.Expr] = []
            for p in parts:
                items.append(ir.Num(int(p), Span(pos, pos + len(p))))
                pos += len(p) + 1
            return ir.Tuple(tuple(items), tok.span)
        if kind == "pad" and tok.kind == "NAME" and tok.text in ("same", "valid"):
            self.advance()
            return ir.Word(tok.text, tok.span)
        first = self.parse_expr(what)
        if first is None:
            return None
        if kind == "pad" and self.at(","):
            items = [first]
            while self.at(",") and len(items) < 4:
                self.advance()
                nxt = self.parse_expr("a padding after `,`")
                if nxt is None:
                    return None
                items.append(nxt)
            if len(items) != 4:
                self.error("E013", "padding by sides takes four numbers `top,bottom,left,right`",
                           first.span.to(items[-1].span))
                return None
            return ir.Tuple(tuple(items), first.span.to(items[-1].span))
        return first

    # ---- integer expressions ---------------------------------------------------------

    def parse_expr(self, what: str = "a number") -> ir.Expr | None:
        """`a + b - c`, where each term is `x * y // z`: the usual precedence, left to right."""
        return self.parse_binary(("+", "-"), lambda: self.parse_binary(("*", "//"), lambda: self.parse_unary(what)))

    def parse_binary(self, ops: tuple[str, ...], operand: Callable[[], ir.Expr | None]) -> ir.Expr | None:
        left = operand()
        while left is not None and self.at(*ops):
            op = self.advance().kind
            right = operand()
            if right is None:
                return None
            left = ir.BinOp(op, left, right, left.span.to(right.span))
        return left

    def parse_unary(self, what: str) -> ir.Expr | None:
        tok = self.peek()
        if tok.kind == "-":
            self.advance()
            operand = self.parse_unary(what)
            return None if operand is None else ir.Neg(operand, tok.span.to(operand.span))
        if tok.kind == "NUMBER":
            self.advance()
            digits = tok.text.replace("_", "")
            if not digits.isdigit():
                self.error("E013", f"expected a whole number, found `{tok.text}`", tok.span)
                return None
            return ir.Num(int(digits), tok.span)
        if tok.kind == "NAME":
            self.advance()
            return ir.Var(tok.text, tok.span)
        if tok.kind == "(":
            self.advance()
            if self.depth >= MAX_NESTING:
                self.error("E004", f"parentheses nested deeper than {MAX_NESTING} levels", tok.span)
                return None
            self.depth += 1
            inner = self.parse_expr(what)
            self.depth -= 1
            if inner is None:
                return None
            if not self.at(")"):
                self.error("E003", "this `(` is never closed", tok.span, hint="add `)` after the expression")
                return None
            closing = self.advance()
            return _respan(inner, tok.span.to(closing.span))
        if tok.kind == "BADNUMBER":
            self.advance()  # the lexer reported it
            return None
        self.unexpected(what)
        return None

    def parse_expectation(self) -> ir.Expectation | None:
        arrow = self.advance()
        shape: tuple[int, ...] | None = None
        shape_span: Span | None = None
        params = macs = None
        end = arrow.span
        while not self.at("NEWLINE", "EOF", "}", "|", ";"):
            tok = self.peek()
            if tok.kind in ("DIMS", "NUMBER") and shape is None and params is None and macs is None:
                self.advance()
                shape, shape_span = self.literal_shape(tok), tok.span
                end = tok.span
            elif tok.kind == "NAME" and tok.text in ("params", "macs"):
                self.advance()
                count = self.parse_count_value()
                if count is None:
                    self.sync()
                    return None
                if (params if tok.text == "params" else macs) is not None:
                    self.error("E012", f"`{tok.text}` is given twice", tok.span.to(count.span), hint="keep one of them")
                if tok.text == "params":
                    params = count
                else:
                    macs = count
                end = count.span
            else:
                self.unexpected("a shape, `params N` or `macs N` after `->`")
                self.sync()
                return None
        if shape is None and params is None and macs is None:
            if shape_span is None:
                self.unexpected("a shape, `params N` or `macs N` after `->`")
            return None
        return ir.Expectation(shape, shape_span, params, macs, arrow.span.to(end))


def _respan(e: ir.Expr, span: Span) -> ir.Expr:
    return e._replace(span=span)
