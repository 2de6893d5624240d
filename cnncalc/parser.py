"""Tokens -> IR, with syntax diagnostics. Argument schemas come from the layer dataclasses;
the parser never knows what a stride does."""
from __future__ import annotations

import dataclasses

from cnncalc import ir
from cnncalc.diagnostics import DiagnosticSink, Span
from cnncalc.layers import REGISTRY
from cnncalc.layers.base import schema
from cnncalc.lexer import Token, tokenize
from cnncalc.tokens import ITEM_END, MAX_NESTING, TokenStream

STRUCTURAL = ("concat", "add", "residual", "repeat")
STATEMENTS = ("network", "input", "rounding", "expect", "block")


def parse(text: str, sink: DiagnosticSink) -> ir.Network:
    return Parser(tokenize(text, sink), sink, text).parse_network()


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    import difflib  # only when something is misspelt: off the start-up path
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else None


class Parser(TokenStream):
    """Statements, lines, items, blocks and layer arguments."""

    def __init__(self, tokens: list[Token], sink: DiagnosticSink, text: str) -> None:
        super().__init__(tokens, sink, text)
        self.block_names: set[str] = set()

    # ---- the file --------------------------------------------------------------------

    def parse_network(self) -> ir.Network:
        name: str | None = None
        inp: ir.Input | None = None
        rounding: str | None = None
        blocks: list[ir.BlockDef] = []
        totals: list[ir.TotalExpectation] = []
        lines: list[ir.Line] = []
        start = self.peek().span
        while True:
            self.skip_newlines()
            tok = self.peek()
            if tok.kind == "EOF":
                break
            if tok.kind == "}":
                self.error("E003", "unmatched `}`: no `{` is open here", tok.span, hint="remove it, or open a block before it")
                self.advance()
                continue
            if self.at_word("network"):
                self.advance()
                first = self.peek().span.start
                last = first
                while not self.at("NEWLINE", "EOF"):
                    last = self.advance().span.end
                if name is not None or lines:
                    self.error("E022", "`network` names the spec once, at the top", tok.span)
                name = self.text[first:last] or name
            elif self.at_word("input"):
                parsed = self.parse_input()
                if parsed is None:
                    pass
                elif inp is not None:
                    self.error("E021", "`input` is given twice", parsed.span, hint="keep one `input` line")
                elif lines:
                    self.error("E022", "`input` must come before the first layer", parsed.span)
                    inp = parsed
                else:
                    inp = parsed
            elif self.at_word("rounding"):
                self.advance()
                mode = self.peek()
                if mode.kind == "NAME" and mode.text in ("floor", "ceil", "exact"):
                    self.advance()
                    if lines:
                        self.error("E022", "`rounding` must come before the first layer", tok.span.to(mode.span))
                    rounding = mode.text
                else:
                    self.unexpected("`floor`, `ceil` or `exact` after `rounding`")
                self.end_of_statement()
            elif self.at_word("expect"):
                total = self.parse_total()
                if total is not None:
                    totals.append(total)
            elif self.at_word("block"):
                block = self.parse_block_def()
                if block is not None:
                    blocks.append(block)
            else:
                line = self.parse_line()
                if line is not None:
                    lines.append(line)
                if self.at("|"):
                    self.error("E002", "`|` separates branches only inside `concat { }` or `add { }`", self.peek().span)
                    self.advance()
                elif not self.at("NEWLINE", "EOF", "}"):
                    self.unexpected("end of line")
                    self.sync()
        end = self.peek().span
        return ir.Network(name, inp, rounding, tuple(blocks), ir.Seq(tuple(lines), start.to(end)), tuple(totals))

    def parse_input(self) -> ir.Input | None:
        kw = self.advance()
        tok = self.peek()
        if tok.kind not in ("DIMS", "NUMBER"):
            self.unexpected("a shape like `227x227x3` after `input`")
            self.end_of_statement()
            return None
        self.advance()
        shape = self.literal_shape(tok)
        if shape is None:
            self.end_of_statement()
            return None
        if len(shape) not in (1, 3):
            hint = f"write `{tok.text}x1` for one channel" if len(shape) == 2 else "an input is HxWxC or N"
            self.error("E023", f"input `{tok.text}` has {len(shape)} sizes", tok.span, hint=hint)
            self.end_of_statement()
            return None
        batch = 1
        if self.at_word("batch"):
            self.advance()
            btok = self.peek()
            if btok.kind == "NUMBER" and btok.text.isdigit() and int(btok.text) >= 1:
                batch = int(self.advance().text)
            else:
                self.error("E013", f"`batch` needs a whole number of at least 1, found `{btok.text or 'nothing'}`", btok.span)
                if btok.kind in ("NUMBER", "BADNUMBER"):
                    self.advance()
        self.end_of_statement()
        return ir.Input(shape, batch, kw.span.to(tok.span))

    def parse_total(self) -> ir.TotalExpectation | None:
        kw = self.advance()
        if self.at_word("output"):
            self.advance()
            tok = self.peek()
            if tok.kind in ("DIMS", "NUMBER"):
                self.advance()
                shape = self.literal_shape(tok)
                self.end_of_statement()
                return None if shape is None else ir.TotalExpectation("output", "==", None, shape, kw.span.to(tok.span))
            self.unexpected("a shape after `expect output`")
            self.end_of_statement()
            return None
        if not self.at_word("total"):
            self.unexpected("`total` or `output` after `expect`")
            self.end_of_statement()
            return None
        self.advance()
        what = self.peek()
        if not (what.kind == "NAME" and what.text in ("params", "macs", "memory")):
            self.unexpected("`params`, `macs` or `memory` after `expect total`")
            self.end_of_statement()
            return None
        self.advance()
        op = "=="
        if self.at("<=", "<", ">=", ">", "=="):
            op = self.advance().kind
        limit = self.parse_count_value()
        self.end_of_statement()
        if limit is None:
            return None
        return ir.TotalExpectation(what.text, op, limit, None, kw.span.to(limit.span))

    # ---- blocks ----------------------------------------------------------------------

    def parse_block_def(self) -> ir.BlockDef | None:
        kw = self.advance()
        name = self.peek()
        if name.kind != "NAME":
            self.unexpected("a block name after `block`")
            self.sync_statement()
            return None
        self.advance()
        params: list[ir.Param] = []
        if self.at("("):
            self.advance()
            while not self.at(")"):
                ptok = self.peek()
                if ptok.kind != "NAME":
                    self.unexpected("a parameter name")
                    self.sync_statement()
                    return None
                self.advance()
                default = None
                if self.at("="):
                    self.advance()
                    default = self.parse_expr()
                    if default is None:
                        self.sync_statement()
                        return None
                params.append(ir.Param(ptok.text, default, ptok.span))
                if self.at(","):
                    self.advance()
                elif not self.at(")"):
                    self.unexpected("`,` or `)` in the parameter list")
                    self.sync_statement()
                    return None
            self.advance()
        self.block_names.add(name.text)
        body = self.parse_braced("block body")
        if body is None:
            return None
        self.end_of_statement()
        return ir.BlockDef(name.text, tuple(params), body, kw.span.to(name.span))

    def sync_statement(self) -> None:
        while not self.at("NEWLINE", "EOF"):
            if self.at("{"):
                self.skip_group()
            else:
                self.advance()

    def parse_braced(self, what: str) -> ir.Seq | None:
        """`{ lines }`: one sequence, no branches."""
        group = self.parse_group(what)
        if group is None:
            return None
        branches, span = group
        if len(branches) > 1:
            self.error("E002", f"`|` separates branches only inside `concat {{ }}` or `add {{ }}`, not in a {what}",
                       branches[1].span)
        return ir.Seq(branches[0].lines, span)

    def parse_group(self, what: str) -> tuple[list[ir.Seq], Span] | None:
        """`{ a | b }`: branches and the span from `{` to `}`; reports a `{` that is never closed."""
        if not self.at("{"):
            self.unexpected(f"`{{` to open the {what}")
            return None
        opening = self.peek()
        if self.depth >= MAX_NESTING:
            self.error("E004", f"nesting deeper than {MAX_NESTING} levels", opening.span,
                       hint="flatten the spec with blocks and `repeat`")
            self.skip_group()
            return None
        self.advance()
        self.depth += 1
        branches = self.parse_branches()
        self.depth -= 1
        if not self.at("}"):
            self.error("E003", f"this `{{` (opening the {what}) is never closed", opening.span,
                       hint="add `}` where it should end")
            return None
        closing = self.advance()
        return branches, opening.span.to(closing.span)

    def parse_branches(self) -> list[ir.Seq]:
        """Lines up to `}` or end of file, split into branches at `|`."""
        branches: list[ir.Seq] = []
        lines: list[ir.Line] = []
        start = self.peek().span
        while True:
            self.skip_newlines()
            if self.at("}", "EOF"):
                break
            if self.at("|"):
                branches.append(ir.Seq(tuple(lines), start.to(self.peek().span)))
                lines = []
                start = self.advance().span
                continue
            if self.peek().kind == "NAME" and self.peek().text in STATEMENTS and self.peek(1).kind != ":":
                self.error("E022", f"`{self.peek().text}` belongs at the top level, not inside braces", self.peek().span)
                self.sync_statement()
                continue
            line = self.parse_line()
            if line is not None:
                lines.append(line)
            if not self.at("NEWLINE", "}", "|", "EOF"):
                self.unexpected("end of line, `|` or `}`")
                self.sync()
                if self.at(";", "->"):
                    self.advance()
        branches.append(ir.Seq(tuple(lines), start.to(self.peek().span)))
        return branches

    # ---- lines and items -------------------------------------------------------------

    def parse_line(self) -> ir.Line | None:
        start = self.peek().span
        items: list[ir.Item] = []
        while True:
            item = self.parse_item()
            if item is not None:
                items.append(item)
            elif not self.at(*ITEM_END):
                self.sync()
            if self.at(";"):
                self.advance()
                continue
            break
        expectation = None
        if self.at("->"):
            expectation = self.parse_expectation()
        if not items:
            return None
        end = items[-1].span if expectation is None else expectation.span
        return ir.Line(tuple(items), expectation, start.to(end))

    def parse_item(self) -> ir.Item | None:
        """One layer, merge, repeat or block call, with its `name:` label (the span covers the label)."""
        tok = self.peek()
        if tok.kind == "NAME" and self.peek(1).kind == ":":
            self.advance()
            self.advance()
            item = self.parse_unlabelled(tok.text)
            return None if item is None else item._replace(span=tok.span.to(item.span))
        return self.parse_unlabelled(None)

    def parse_unlabelled(self, label: str | None) -> ir.Item | None:
        tok = self.peek()
        if tok.kind != "NAME":
            self.unexpected("a layer")
            return None
        word = tok.text
        if self.peek(1).kind == "(":
            return self.parse_block_call(label)
        if word in ("concat", "add"):
            self.advance()
            return self.parse_merge(word, tok, label)
        if word == "residual":
            self.advance()
            return self.parse_residual(tok, label)
        if word == "repeat":
            self.advance()
            return self.parse_repeat(tok, label)
        if word in REGISTRY:
            self.advance()
            return self.parse_layer(word, tok, label)
        self.advance()
        known = list(REGISTRY) + list(STRUCTURAL) + sorted(self.block_names)
        hint = did_you_mean(word, known) or "see docs/spec-language.md for the layers"
        self.error("E010", f"unknown layer `{word}`", tok.span, hint=hint)
        self.sync()
        return ir.LayerCall(word, (), label, tok.span, valid=False)

    def parse_merge(self, kind: str, kw: Token, label: str | None) -> ir.Merge | None:
        group = self.parse_group(kind)
        if group is None:
            return None
        branches, span = group
        names = tuple(str(i + 1) for i in range(len(branches)))
        return ir.Merge(kind, tuple(branches), names, label, kw.span.to(span))

    def parse_residual(self, kw: Token, label: str | None) -> ir.Merge | None:
        body = self.parse_braced("residual body")
        if body is None:
            return None
        end = body.span
        shortcut = None
        if self.at_word("shortcut"):
            self.advance()
            shortcut = self.parse_braced("shortcut")
            if shortcut is None:
                return None
            end = shortcut.span
        if shortcut is None:
            shortcut = ir.Seq((), end)
        return ir.Merge("residual", (body, shortcut), ("body", "shortcut"), label, kw.span.to(end))

    def parse_repeat(self, kw: Token, label: str | None) -> ir.Repeat | None:
        count = self.parse_expr()
        if count is None:
            return None
        body = self.parse_braced("repeat body")
        if body is None:
            return None
        return ir.Repeat(count, body, label, kw.span.to(body.span))

    def parse_block_call(self, label: str | None) -> ir.BlockCall | None:
        name = self.advance()
        self.advance()  # (
        args: list[ir.Expr] = []
        kwargs: list[ir.KwArg] = []
        while not self.at(")"):
            if self.at("NEWLINE", "EOF", "}", ";", "|"):
                self.error("E003", "this `(` is never closed", self.tokens[self.pos - 1].span if not args else name.span,
                           hint="add `)` after the arguments")
                return None
            if self.peek().kind == "NAME" and self.peek(1).kind == "=":
                key = self.advance()
                self.advance()
                value = self.parse_expr()
                if value is None:
                    return None
                kwargs.append(ir.KwArg(key.text, value, key.span))
            else:
                value = self.parse_expr()
                if value is None:
                    return None
                if kwargs:
                    self.error("E053", "a positional argument follows a keyword argument", value.span)
                args.append(value)
            if self.at(","):
                self.advance()
            elif not self.at(")"):
                self.unexpected("`,` or `)` in the arguments")
                return None
        closing = self.advance()
        return ir.BlockCall(name.text, tuple(args), tuple(kwargs), label, name.span.to(closing.span))

    # ---- a layer and its arguments ---------------------------------------------------

    def parse_layer(self, keyword: str, kw: Token, label: str | None) -> ir.LayerCall | None:
        layer_schema = schema(REGISTRY[keyword])
        positionals, options, flags = layer_schema.positionals, layer_schema.options, layer_schema.flags
        args: list[ir.Arg] = []
        given: dict[str, Span] = {}
        filled = 0
        end = kw.span
        ok = True
        while not self.at(*ITEM_END):
            tok = self.peek()
            if tok.kind == "NAME" and tok.text in options:
                self.advance()
                value = self.parse_value(options[tok.text].metadata["kind"], f"a value after `{tok.text}`")
                if value is None:
                    ok = False
                    self.sync()
                    break
                arg = ir.Arg(tok.text, value, tok.span.to(value.span))
            elif tok.kind == "NAME" and tok.text in flags:
                self.advance()
                arg = ir.Arg(flags[tok.text].name, ir.Word(tok.text, tok.span), tok.span)
            elif filled < len(positionals) and tok.kind in ("NUMBER", "DIMS", "NAME", "(", "-"):
                f = positionals[filled]
                value = self.parse_value(f.metadata["kind"], f"the {f.name.replace('_', ' ')}")
                if value is None:
                    ok = False
                    self.sync()
                    break
                arg = ir.Arg(f.name, value, value.span)
                filled += 1
            elif tok.kind == "NAME":
                self.advance()
                choices = list(options) + list(flags)
                hint = did_you_mean(tok.text, choices) or (
                    f"`{keyword}` takes " + ", ".join(f"`{c}`" for c in choices) if choices else f"`{keyword}` takes no options")
                self.error("E011", f"`{keyword}` has no option `{tok.text}`", tok.span, hint=hint)
                while self.at("NUMBER", "DIMS", ",", "BADNUMBER"):
                    self.advance()
                ok = False
                continue
            else:
                self.unexpected(f"an argument of `{keyword}`")
                self.sync()
                ok = False
                break
            if arg.field in given:
                self.error("E012", f"`{tok.text}` is given twice", arg.span,
                           hint="keep one of them")
                ok = False
            given[arg.field] = arg.span
            args.append(arg)
            end = arg.span
        missing = [f for f in positionals[filled:] if f.default is dataclasses.MISSING]
        if missing and ok:
            names = " and ".join(f"the {f.name.replace('_', ' ')}" for f in missing)
            self.error("E014", f"`{keyword}` needs {names}", kw.span.to(end),
                       hint=f"e.g. `{_example(keyword)}`")
            ok = False
        return ir.LayerCall(keyword, tuple(args), label, kw.span.to(end), valid=ok)

    # ---- expectations ----------------------------------------------------------------

def _example(keyword: str) -> str:
    return {"conv": "conv 96 11x11 stride 4", "deconv": "deconv 64 4x4 stride 2 pad 1", "dwconv": "dwconv 3x3 pad 1",
            "maxpool": "maxpool 3x3 stride 2", "avgpool": "avgpool 2x2", "fc": "fc 4096"}.get(keyword, keyword)
