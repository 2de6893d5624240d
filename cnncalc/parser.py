"""Tokens -> IR, with syntax diagnostics. Argument syntax comes from each layer's schema and
merge kinds from their registry; the parser never knows what a stride does.

A line whose text repeats an earlier line verbatim (the bulk of a generated or VGG-like spec)
is not lexed or parsed again: it shares the earlier line's items, shifted (`ir.Line.shift`); so
does a block definition that an earlier file of the process wrote the same (`ir.BlockDef.shift`).
"""
from __future__ import annotations

import re

from cnncalc import codes, ir, limits, memo, pasted
from cnncalc.diagnostics import DiagnosticSink, Span
from cnncalc.layers import FAMILIES, REGISTRY
from cnncalc.layers.arguments import Argument
from cnncalc.layers.merge import MERGES
from cnncalc.lexer import Token
from cnncalc.suggest import did_you_mean, layer_hint, option_hint
from cnncalc.tokens import TokenStream, input_problem, short

STRUCTURAL = ("residual", "repeat", "side", *MERGES)
STATEMENTS = ("network", "input", "rounding", "expect", "block")
_CACHEABLE_LENGTH = 400
# a line that starts with a statement's word (`block stage(c) {`, not the layer line `block1: repeat 6 { dense() }`)
_STATEMENT_LINE = re.compile(rf"(?:{'|'.join(STATEMENTS)})(?![A-Za-z0-9_])")
# a block definition is kept for later files when its text is at most this long, and at most 1,000 are kept, four
# for each of 250 first lines (a bottleneck or an inception module is a few hundred characters): what they hold stays
# within a few MiB
_CACHEABLE_BLOCK_LENGTH, _KEPT_BLOCKS, _BLOCKS_PER_LINE = 2_000, 250, 4
_VALUE_STARTS = frozenset(("NUMBER", "DIMS", "-", "("))  # what a value after `stride:` may start with
# hints for what a line or a structure looks like
_LINE_FORM = ("a line is a layer, its label first if it has one (`conv1: conv 96 11x11 stride 4 ; relu -> 55x55x96`), "
              "or a statement (`input`, `expect`, `block`, `rounding`); `cnncalc explain layers` lists the layers")
_BLOCK_FORM = "a block is defined as `block fire(s, e1, e3) { … }`: its name, then its parameters' names"
_BRANCHES = "branches are written inside a merge's braces: `concat { conv 8 1x1 | maxpool 3x3 stride 1 pad 1 }`"
_OPENED = {"block body": "block fire(s, e) { conv s 1x1 ; relu }", "residual body": "residual { conv 64 3x3 pad 1 }",
           "shortcut": "residual { conv 64 3x3 stride 2 pad 1 } shortcut { conv 64 1x1 stride 2 }",
           "repeat body": "repeat 3 { conv 64 3x3 pad 1 ; relu }", "side branch": "side { fc 10 }"}

# A comment that reads as an answer (W046): an arrow and anything, or a volume or count standing alone
# (`# 32x32x10`, `# 32x32x10, 760 params`, `# params 760`), not a remark that mentions one (`# 3x3 conv`).
_COMMENTED_ANSWER = r"""\#[ \t]*(?P<answer>
    (?:->|→|=>)[ \t]*[^#\n]*[0-9][^#\n]*
  | (?:(?:output|out|shape)[ \t]*[:=]?[ \t]*)?[0-9]+(?:[ \t]*[xX×][ \t]*[0-9]+){1,2}
    (?=[ \t]*(?:$|\n|[,;]|(?:params|parameters|macs|weights|biases)\b))[^#\n]*
  | (?:params|parameters|macs|weights|biases)[ \t]*[:=]?[ \t]*[0-9][^#\n]*
  | [0-9][0-9,._]*[KMGkmg]?[ \t]*(?:params|parameters|macs|weights|biases)\b[^#\n]*)"""


def parse(text: str, sink: DiagnosticSink) -> ir.File:
    return Parser(text, sink).parse_file()


class _BeyondLimit(Exception):
    """More items written than any network may have: the file is read no further (E058 said so)."""


class _Network:
    """A network being read: its statements so far."""

    def __init__(self, start: int) -> None:
        self.title: str | None = None
        self.input: ir.Input | None = None
        self.rounding: ir.RoundingLine | None = None
        self.lines: list[ir.Line] = []
        self.totals: list[ir.TotalExpectation] = []
        self.start = start
        self.end = start

    @property
    def started(self) -> bool:
        return self.title is not None or self.input is not None or bool(self.lines) or bool(self.totals)

    def done(self, refers: bool) -> ir.Network:
        span = Span(self.start, self.end)
        return ir.Network(self.title, self.input, self.rounding, ir.Seq(tuple(self.lines), span),
                          ir.placed(self.totals, self.lines), span, refers)


# a line's text (without its indentation) -> the line as parsed where it was first written, that place, and the
# labels it gave: shared by the files of a process (cnncalc/memo.py), as the line means the same in each
_LINES: dict[str, tuple[ir.Line, int, tuple[str, ...]]] = memo.shared()
# a block definition's first line (without its indentation) -> the definitions read with that line, the newest first
# (`_BLOCKS_PER_LINE` at most: networks that name their blocks alike, `block stage(c, n, s) {`, with other bodies, do
# not replace each other's), each as its whole text from there to the newline after its closing `}`, the definition
# as parsed where it was first written, that place, and the labels it gave: a residual block or an inception module
# that the networks of a repository share, read once
_BLOCKS: dict[str, tuple[tuple[str, ir.BlockDef, int, tuple[str, ...]], ...]] = memo.shared()
# an `expect` line's text (without its indentation) -> what it expects, as parsed where it was first written, and
# that place: a network's totals, written alike in many files
_TOTALS: dict[str, tuple[ir.TotalExpectation, int]] = memo.shared()


class Parser(TokenStream):
    """Statements, lines, items, blocks, branches and layer arguments."""

    def __init__(self, text: str, sink: DiagnosticSink) -> None:
        super().__init__(text, sink)
        self.block_names: set[str] = set()
        self.labels: set[str] = set()  # the `name:` labels read so far (an unknown layer may be one, meant as `@name`)
        self.labels_read: list[str] = []  # the same in the order read, for the labels of a line kept in `_LINES`
        self.pending: tuple[str, int, int, int, int] | None = None
        # a statement's fresh line: its text, its start and the diagnostics reported before it was lexed (`cached_line`)
        self.statement: tuple[str, int, int] | None = None
        # `@NAME` can only be written with an `@`, `shares NAME` with its word: enough to tell the expander
        self.refers = "@" in text or "shares" in text
        self.items = 0  # items parsed so far (the file's lines written again are not parsed again)
        self.net = _Network(0)  # the network being read

    # ---- the file --------------------------------------------------------------------

    def parse_file(self) -> ir.File:
        """The file's blocks and networks. Past `limits.MAX_NODES` items written (E058 at the first beyond
        them) the rest is not read, and no network of the file is built: their IR alone would take a few
        hundred bytes an item, and none of them could be expanded."""
        blocks: list[ir.BlockDef] = []
        networks: list[ir.Network] = []
        try:
            self.statements(blocks, networks)
        except _BeyondLimit:
            networks.append(self.net.done(self.refers))
            networks = [n._replace(beyond_limit=True) for n in networks]
        return ir.File(tuple(blocks), tuple(networks))

    def statements(self, blocks: list[ir.BlockDef], networks: list[ir.Network]) -> None:
        """Read the file's statements into `blocks` and `networks`, `self.net` the network being read."""
        net = self.net
        while True:
            if self.i < len(self.tokens):  # (nothing lexed ahead before a line found in the cache: no call)
                self.skip_newlines()
            cached = self.cached_line()
            if cached is not None:
                net.lines.append(cached)
                net.end = cached.span.end + cached.shift
                continue
            cached_block = self.cached_block()
            if cached_block is not None:
                blocks.append(cached_block)
                continue
            cached_total = self.cached_total()
            if cached_total is not None:
                net.totals.append(cached_total)
                net.end = cached_total.span.end
                continue
            if self.pasted_code():
                continue
            tok = self.peek()
            if tok.kind == "NEWLINE":
                self.advance()
                continue
            if tok.kind == "EOF":
                break
            if tok.kind == "}":
                self.error(codes.E003, "unmatched `}`: no `{` is open here", tok.span,
                           hint="remove it, or open a block before it")
                self.advance()
                continue
            if tok.kind == "NAME" and tok.text == "network" and self.peek(1).kind == "TITLE":
                self.advance()
                title = self.advance()
                if net.started:
                    networks.append(net.done(self.refers))
                    net = self.net = _Network(tok.start)
                net.title = title.text or None
                net.end = title.end
            elif self.at_word("input") or (tok.kind == "NAME" and tok.text == "input" and self.peek(1).kind == ":"
                                           and self.peek(2).kind in ("DIMS", "NUMBER")):  # (`input: 227x227x3`)
                self.parse_input(net)
            elif self.at_word("rounding"):
                self.parse_rounding(net)
            elif self.at_word("expect"):
                fresh = self.statement  # (the line's text, where it starts, the diagnostics before it)
                total = self.parse_total()
                if total is not None:
                    net.totals.append(total)
                    net.end = total.span.end
                    if fresh is not None and len(self.sink.items) == fresh[2] and self.at("NEWLINE") and \
                            self.text.startswith("\n", self.peek().start):  # the whole line, read without diagnostics
                        _TOTALS[fresh[0]] = (total, fresh[1])
            elif self.at_word("block"):
                # (the diagnostics before its line was lexed: what the lexer reports of that line is the block's, and
                # a block with an unexpected character was kept for the files after, its E001 said once; a line lexed
                # before, not fresh, is not kept)
                marks = (tok.start, self.statement[2] if self.statement is not None else -1, len(self.labels_read))
                block = self.parse_block_def()
                if block is not None:
                    blocks.append(block)
                    self._store_block(block, marks)
            else:
                line = self.parse_line()
                if line is not None:
                    net.lines.append(line)
                    net.end = line.span.end
                if self.at("|"):
                    self.error(codes.E002, "`|` separates branches only inside braces (`concat { a | b }`)",
                               self.peek().span, hint=_BRANCHES)
                    self.advance()
                elif not self.at("NEWLINE", "EOF", "}"):
                    self.unexpected("end of line", _LINE_FORM)
                    self.sync_statement()
        networks.append(net.done(self.refers))

    def cached_line(self) -> ir.Line | None:
        """A line whose text was parsed before without diagnostics: its items, shifted, without lexing it.
        On a miss, remembers the line so that `parse_line` can store what it reads, or, for a statement's line,
        so that `cached_block` can look it up."""
        self.pending = self.statement = None
        if self.i < len(self.tokens) or self.eof:  # a line already lexed (in part): not fresh
            return None
        text = self.text
        while True:  # blank and comment lines skipped, as the lexer would read them: a newline and nothing else
            start = self.line_pos
            end = text.find("\n", start)
            if end < 0:
                return None
            while start < end and text[start] in " \t":  # indentation and `\r` are not part of the key
                start += 1
            stop = end
            while stop > start and text[stop - 1] in " \t\r":
                stop -= 1
            if (start != stop and text[start] != "#") or end - self.line_pos > limits.MAX_LINE_CHARS:  # (E008)
                break
            self.line_pos = end + 1
        if stop - start > _CACHEABLE_LENGTH or start == stop or text[start] == "#":  # (past the limit: E008 to say)
            return None
        key = text[start:stop]
        hit = _LINES.get(key)
        if hit is not None:
            line, origin, labels = hit
            if labels:
                self.labels.update(labels)
            self.line_pos = end + 1  # the line is not lexed: the next starts after its newline
            return line.repeated(start - origin)
        if _STATEMENT_LINE.match(key) is None and not key.startswith(("}", "|", "@")):
            self.pending = (key, start, stop, len(self.sink.items), len(self.labels_read))
        else:
            self.statement = (key, start, len(self.sink.items))
        return None

    def cached_block(self) -> ir.BlockDef | None:
        """A block definition whose text, from its first line to the newline after its closing `}`, an earlier
        file parsed without diagnostics: its parameters and body, shifted, without lexing them (the line that
        `cached_line` found a statement's)."""
        if self.statement is None or not self.statement[0].startswith("block"):
            return None
        key, start, _ = self.statement
        hit = next((read for read in _BLOCKS.get(key, ()) if self.text.startswith(read[0], start)), None)
        if hit is None:
            return None
        whole, block, origin, labels = hit
        self.labels.update(labels)
        self.block_names.add(block.name)
        self.line_pos = start + len(whole)
        shift = start - origin
        return block._replace(span=Span(block.span.start + shift, block.span.end + shift), shift=block.shift + shift)

    def cached_total(self) -> ir.TotalExpectation | None:
        """An `expect` line whose text an earlier file parsed without diagnostics: what it expects, its spans moved
        here, without lexing it (the line that `cached_line` found a statement's)."""
        if self.statement is None or not self.statement[0].startswith("expect"):
            return None
        key, start, _ = self.statement
        hit = _TOTALS.get(key)
        if hit is None:
            return None
        total, origin = hit
        self.line_pos = self.text.index("\n", start) + 1
        shift = start - origin
        return total if not shift else total._replace(
            span=total.span.shifted(shift),
            limit=None if total.limit is None else total.limit._replace(span=total.limit.span.shifted(shift)),
            shape=None if total.shape is None else total.shape._replace(span=total.shape.span.shifted(shift)))

    def _store_block(self, block: ir.BlockDef, marks: tuple[int, int, int]) -> None:
        """Keep a freshly parsed block definition for the files after this one: only one read without
        diagnostics, from the start of a line to the newline after its closing `}`."""
        start, diagnostics, labels = marks
        text = self.text
        tok = self.peek()
        first_end = text.find("\n", start)
        key = text[start:first_end].rstrip(" \t\r")
        if tok.kind == "NEWLINE" and text.startswith("\n", tok.start) and len(self.sink.items) == diagnostics \
                and not text[text.rfind("\n", 0, start) + 1:start].strip(" \t") and len(key) <= _CACHEABLE_LENGTH \
                and tok.start - start < _CACHEABLE_BLOCK_LENGTH:
            if len(_BLOCKS) >= _KEPT_BLOCKS:
                _BLOCKS.clear()
            read = (text[start:tok.start + 1], block, start, tuple(self.labels_read[labels:]))
            _BLOCKS[key] = (read, *_BLOCKS.get(key, ())[:_BLOCKS_PER_LINE - 1])

    def pasted_code(self) -> bool:
        """A line of PyTorch or MATLAB code, before the lexer sees it: one E073 with the spec form, and
        the line (with the lines a call continues on) skipped."""
        if self.i < len(self.tokens) or self.eof:
            return False
        found = pasted.recognise(self.text, self.line_pos)
        if found is None:
            return False
        first_line = self.text[found.start:found.end].split("\n", 1)[0].rstrip()
        span = Span(found.start, found.start + max(len(first_line), 1))
        whole = f"a whole {'.py' if found.notation == 'PyTorch' else '.m'} file is read as {found.notation}"
        hint = f"in the spec language: `{found.spec}`; {whole}" if found.spec is not None \
            else f"{found.why_not}; {whole}"
        self.error(codes.E073, f"this is {found.notation} code, not the spec language", span, hint=hint)
        self.line_pos = found.end
        return True

    def _store(self, line: ir.Line, pending: tuple[str, int, int, int, int]) -> None:
        """Keep a freshly parsed line for its repeats: only a whole physical line read without diagnostics."""
        key, start, _, diagnostics, labels = pending
        tok = self.peek()
        if line.span.start == start and len(self.sink.items) == diagnostics and tok.kind == "NEWLINE" \
                and tok.start == self.text.find("\n", start):
            _LINES[key] = (line, start, tuple(self.labels_read[labels:]))

    def parse_input(self, net: _Network) -> None:
        kw = self.advance()
        tok = self.peek()
        if self.at_sizes_without_x():  # `input 227 227 3`
            self.sizes_without_x(codes.E023, "the input's", "input ")
            self.sync_statement()
            return
        if tok.kind == ":" and self.peek(1).kind in ("DIMS", "NUMBER"):  # `input: 227x227x3`
            self.error(codes.E002, "`input` takes its shape after a space, not `:`", tok.span,
                       hint=f"write `input {self.peek(1).text}`")
            self.advance()
            tok = self.peek()
        spaced = tok.kind == "NUMBER" and self.peek(1).kind == "NAME" and self.peek(1).text in ("x", "X")
        if spaced:
            tok = self.shape_token()  # `input 227 x 227 x 3`, as an answer's shape may be written
        dims = self.symbolic_dims(tok) if tok.kind in ("DIMS", "NUMBER", "NAME", "BADNUMBER") else None
        sizes = re.split("[xX×]", tok.text) if dims is None and tok.kind in ("DIMS", "NUMBER") else []
        # a size of more digits than a literal may have (`input 3x3x99999999999999999999`): past the limits, said as
        # an input within them is (a number past MAX_CHANNELS in its place)
        problem = input_problem(short(tok.text), tuple(
            int(size) if len(size) <= limits.MAX_LITERAL_DIGITS else limits.MAX_CHANNELS + 1 for size in sizes)) \
            if sizes and all(size.isascii() and size.isdigit() for size in sizes) else None
        if problem is not None:
            digits = max(map(len, sizes))  # (of 2 or 4 sizes, that is said first)
            message = problem[0] if len(sizes) not in (1, 3) or digits <= limits.MAX_LITERAL_DIGITS else \
                f"input `{short(tok.text)}` has a size of {digits:,} digits, more than the " \
                f"{limits.MAX_LITERAL_DIGITS} of a number cnncalc reads"
            self.error(codes.E023, message, tok.span, hint=problem[1])
            self.sync_statement()
            return
        if dims is None:
            if tok.kind == "BADNUMBER" or tok.kind == "NUMBER":
                self.error(codes.E023, f"`{tok.text}` is not an input shape", tok.span,
                           hint="write the input as `HxWxC`, e.g. `input 227x227x3`, or a flat `N`")
            else:
                self.unexpected("a shape like `227x227x3` after `input`",
                                "write the input as `HxWxC`, e.g. `input 227x227x3`, or a flat `N`")
            self.sync_statement()
            return
        if not spaced:
            self.advance()
        problem = input_problem(tok.text, dims)
        if problem is not None:
            self.error(codes.E023, problem[0], tok.span, hint=problem[1])
            self.sync_statement()
            return
        batch = 1
        end = tok.span
        if self.at_word("batch"):
            self.advance()
            btok = self.peek()
            n = self.whole(btok) if btok.kind == "NUMBER" else None
            if n is not None and 1 <= n <= limits.MAX_BATCH:
                batch = n
                end = self.advance().span
            else:
                if n is not None or btok.kind != "NUMBER":
                    self.error(codes.E013, f"`batch` needs a whole number from 1 to {limits.MAX_BATCH:,}, found "
                                           f"`{btok.text or 'nothing'}`", btok.span,
                               hint="e.g. `input 227x227x3 batch 32`")
                self.sync_statement()
        answers = self.input_answers() if self.at("->") else None
        self.end_of_statement()
        parsed = ir.Input(dims, batch, kw.span.to(end), answers)
        if net.input is not None:
            self.error(codes.E021, "`input` is given twice", parsed.span, hint="keep one `input` line per network")
        elif net.lines:
            self.error(codes.E022, "`input` must come before the first layer", parsed.span,
                       hint="move the `input` line above the network's first layer")
            net.input = parsed
        else:
            net.input = parsed
        net.end = parsed.span.end

    def input_answers(self) -> ir.Expectation | None:
        """`-> memory 3072 params 0`: counts answered for the input (its values; no parameters, no MACs). Its
        shape is the one given, not an answer: an answered shape or side is E002."""
        answers = self.expectation()
        if answers is None:
            return None
        shaped = answers.shape or (answers.sides[0] if answers.sides else None) or answers.field or \
            answers.padding or answers.received
        if answers.input_memory is not None:
            self.error(codes.E002, "the input receives nothing: its own values are `memory N`",
                       answers.input_memory.span,
                       hint="answer the input's values as `memory N` (`memory 3072` for 32x32x3)")
            return None
        if shaped is not None:
            self.error(codes.E002, "an input's answers are counts (`memory 3072`, `params 0`): its shape is the one "
                                   "given", shaped.span, hint="answer the shapes of the layers after it")
            return None
        filtered = answers.filter_params or answers.filter_weights or answers.filter_biases or answers.filter_shape
        if filtered is not None:
            self.error(codes.E002, "the input has no filters: its answers are `memory`, `params`, `weights`, "
                                   "`biases` and `macs`", filtered.span,
                       hint="answer a filter's count on its convolution's line: `conv1: conv 96 11x11 stride 4 -> "
                            "filter params 364`")
            return None
        return answers

    def parse_rounding(self, net: _Network) -> None:
        kw = self.advance()
        mode = self.peek()
        if mode.kind == "NAME" and mode.text in ("floor", "ceil", "exact"):
            self.advance()
            span = kw.span.to(mode.span)
            if net.lines:
                self.error(codes.E022, "`rounding` must come before the first layer", span,
                           hint="move the `rounding` line above the network's first layer")
            elif net.rounding is not None:
                self.error(codes.E012, "`rounding` is given twice", span, hint="keep one `rounding` line")
            net.rounding = ir.RoundingLine(mode.text, span)
            net.end = span.end
        else:  # (said once: the word is not then also "expected end of line")
            self.unexpected("`floor`, `ceil` or `exact` after `rounding`",
                            (did_you_mean(mode.text, ("floor", "ceil", "exact")) if mode.kind == "NAME" else None) or
                            "`rounding floor` (the default, as PyTorch), `rounding ceil` (as Caffe's pooling) or "
                            "`rounding exact` (an inexact division is an error)")
            self.sync_statement()
            return
        self.end_of_statement()

    def parse_total(self) -> ir.TotalExpectation | None:
        kw = self.advance()
        if self.at_word("output"):
            self.advance()
            tok = self.peek()
            if tok.kind in ("DIMS", "NUMBER"):
                tok = self.shape_token()
                shape = self.shape_answer(tok)
                # (an answer followed by more, `expect output 10 + 1`, is not judged: it says something else)
                ended = self.end_of_answer()
                return None if shape is None or not ended else ir.TotalExpectation("output", "==", None, shape,
                                                                                   kw.span.to(tok.span))
            self.unexpected("a shape after `expect output`", "e.g. `expect output 1000` or `expect output 7x7x512`")
            self.sync_statement()
            return None
        if not self.at_word("total"):
            tok = self.peek()
            if tok.kind == "NAME":  # `expect conv1 output 55x55x96`
                self.error(codes.E002, f"expected `total` or `output` after `expect`, found `{tok.text}`", tok.span,
                           hint=f"a layer's answers go at the end of its own line, after `->` (`{tok.text}: … -> "
                                f"55x55x96 params 34944`); `expect` is for the network's output and totals")
            else:
                self.unexpected("`total` or `output` after `expect`",
                                "e.g. `expect total params 62.4M` or `expect output 1000`")
            self.sync_statement()
            return None
        self.advance()
        what = self.peek()
        if not (what.kind == "NAME" and what.text in ir.TOTALS):
            self.unexpected(f"{', '.join(f'`{q}`' for q in ir.TOTALS[:-1])} or `{ir.TOTALS[-1]}` after `expect total`",
                            (did_you_mean(what.text, ir.TOTALS) if what.kind == "NAME" else None)
                            or "e.g. `expect total params 62.4M`")
            self.sync_statement()
            return None
        self.advance()
        with_statistics = what.text == "params" and self.at_word("with")  # `expect total params with statistics
        # 512`: Keras' "Total params", the running statistics counted too
        if with_statistics:
            self.advance()
            if not self.at_word("statistics"):
                self.unexpected("`statistics` after `expect total params with`",
                                "e.g. `expect total params with statistics 512`")
                self.sync_statement()
                return None
            self.advance()
        family = None
        if self.at_word("in"):  # `expect total params in conv layers 760`
            self.advance()
            kind = self.peek()
            if not (kind.kind == "NAME" and kind.text in FAMILIES):
                self.unexpected(f"{', '.join(f'`{f}`' for f in FAMILIES)} after `in` (`in conv layers`)",
                                "e.g. `expect total params in conv layers 2.3M`")
                self.sync_statement()
                return None
            family = self.advance().text
            if self.at_word("layers") or self.at_word("layer"):
                self.advance()
        op = "=="
        if self.at("<=", "<", ">=", ">", "=="):
            op = self.advance().kind
        limit = self.count()
        if limit is None:
            self.sync_statement()
            return None
        if not self.end_of_answer():
            return None  # `expect total params 1820+760+51210`: not 1,820, judged
        return ir.TotalExpectation(what.text, op, limit, None, kw.span.to(limit.span), family=family,
                                   with_statistics=with_statistics)

    # ---- blocks ----------------------------------------------------------------------

    def parse_block_def(self) -> ir.BlockDef | None:
        kw = self.advance()
        name = self.peek()
        if name.kind != "NAME":
            self.unexpected("a block name after `block`", _BLOCK_FORM)
            self.sync_statement()
            return None
        self.advance()
        params: list[ir.Param] = []
        if self.at("("):
            self.advance()
            while not self.at(")"):
                ptok = self.peek()
                if ptok.kind != "NAME":
                    self.unexpected("a parameter name", _BLOCK_FORM)
                    self.sync_statement()
                    return None
                self.advance()
                default = None
                if self.at("="):
                    self.advance()
                    default = self.expr()
                    if default is None:
                        self.sync_statement()
                        return None
                params.append(ir.Param(ptok.text, default, ptok.span))
                if self.at(","):
                    self.advance()
                elif not self.at(")"):
                    self.unexpected("`,` or `)` in the parameter list", _BLOCK_FORM)
                    self.sync_statement()
                    return None
            self.advance()
        self.block_names.add(name.text)
        self.in_block = True
        try:
            group = self.parse_group("block body", refs=False)
        finally:
            self.in_block = False
        if group is None:  # (`block e) {`: the rest of the statement, its body too, is not read as lines of layers)
            self.sync_statement()
            return None
        branches, _ = group
        if len(branches) > 1:
            self.error(codes.E002, "`|` separates branches only inside a merge's braces, not in a block body",
                       branches[1].span, hint=_BRANCHES)
        self.end_of_statement("a block's definition ends at its closing `}`; its calls go on lines of their own")
        return ir.BlockDef(name.text, tuple(params), branches[0].body, kw.span.to(name.span))

    def parse_braced(self, what: str) -> ir.Seq | None:
        """`{ lines }`: one sequence, no branches."""
        group = self.parse_group(what, refs=False)
        if group is None:
            return None
        branches, span = group
        if len(branches) > 1:
            self.error(codes.E002, f"`|` separates branches only inside a merge's braces, not in a {what}",
                       branches[1].span, hint=_BRANCHES)
        return ir.Seq(branches[0].body.lines, span)

    def parse_group(self, what: str, refs: bool, names: tuple[str, ...] | None = None
                    ) -> tuple[list[ir.Branch], Span] | None:
        """`{ a | b }`: branches and the span from `{` to `}`; reports a `{` that is never closed."""
        if not self.at("{"):
            self.unexpected(f"`{{` to open the {what}", f"the {what} is written in braces, as in "
                                                         f"`{_OPENED.get(what, 'concat { conv 8 1x1 | identity }')}`")
            return None
        opening = self.peek()
        if self.depth >= limits.MAX_DEPTH:
            self.error(codes.E004, f"nesting deeper than {limits.MAX_DEPTH} levels", opening.span,
                       hint="flatten the spec with blocks and `repeat`")
            self.skip_group()
            return None
        self.advance()
        self.depth += 1
        branches = self.parse_branches(refs, names)
        self.depth -= 1
        if not self.at("}"):
            self.error(codes.E003, f"this `{{` (opening the {what}) is never closed", opening.span,
                       hint="add `}` where it should end")
            return None
        closing = self.advance()
        return branches, opening.span.to(closing.span)

    def parse_branches(self, refs: bool, names: tuple[str, ...] | None) -> list[ir.Branch]:
        """Lines up to `}` or end of file, split into branches at `|`; a branch may start with `@NAME`."""
        branches: list[ir.Branch] = []
        lines: list[ir.Line] = []
        start = self.peek().start
        ref: ir.Ref | None = None

        def close(end: int) -> None:
            index = len(branches)
            name = names[index] if names is not None and index < len(names) else str(index + 1)
            branches.append(ir.Branch(ir.Seq(tuple(lines), Span(start, end)), ref, name, Span(start, end)))

        at_branch_start = True
        while True:
            if at_branch_start and self.at("@"):
                ref = self.parse_ref(refs)
                if self.at(";"):
                    self.advance()
            at_branch_start = False
            self.skip_newlines()
            if self.at("}", "EOF"):
                break
            if self.at("|"):
                close(self.peek().start)
                if len(branches) >= limits.MAX_BRANCHES:
                    self.error(codes.E004, f"more than {limits.MAX_BRANCHES:,} branches in one merge", self.peek().span,
                               hint="nest merges (`concat { concat { a | b } | c }`), each within the limit")
                    self.sync_statement()
                    break
                lines, ref = [], None
                start = self.advance().end
                at_branch_start = True
                continue
            if self.at("@"):
                tok = self.advance()
                self.error(codes.E002, "`@NAME` may only start a branch", tok.span,
                           hint="put it first in the branch: `concat { @enc4 | identity }`")
                continue
            tok = self.peek()
            if tok.kind == "NAME" and tok.text in STATEMENTS and self.peek(1).kind not in (":", "("):
                self.error(codes.E022, f"`{tok.text}` belongs at the top level, not inside braces", tok.span,
                           hint=f"write `{tok.text}` on a line of its own, outside every `{{ … }}`")
                self.sync_statement()
                continue
            cached = self.cached_line()
            if cached is not None:
                lines.append(cached)
                continue
            if self.at("NEWLINE"):
                self.advance()
                continue
            line = self.parse_line()
            if line is not None:
                lines.append(line)
            if not self.at("NEWLINE", "}", "|", "EOF"):
                self.unexpected("end of line, `|` or `}`",
                                "inside braces, layers follow each other after `;` or on new lines, and branches are "
                                "separated by `|`: `concat { conv 8 1x1 | conv 8 3x3 pad 1 ; relu }`")
                self.sync()
                if self.at(";", "->"):
                    self.advance()
        close(self.peek().start)
        return branches

    def parse_ref(self, allowed: bool) -> ir.Ref | None:
        at = self.advance()
        name = self.peek()
        if name.kind != "NAME":
            self.unexpected("a name after `@`", "`@NAME` starts a branch at the layer labelled NAME: "
                                                "`concat { @conv3 | identity }`")
            return None
        self.advance()
        span = at.span.to(name.span)
        if not allowed:
            self.error(codes.E002, "`@NAME` starts a branch of a merge (`concat { @enc4 | identity }`), not a "
                                   "block or repeat body", span,
                       hint="put the merge that reads it inside the body: `concat { @enc4 | identity }`")
            return None
        return ir.Ref(name.text, span)

    # ---- lines and items -------------------------------------------------------------

    def parse_line(self) -> ir.Line | None:
        start = self.peek().span
        pending = self.pending if self.pending is not None and start.start == self.pending[1] else None
        self.pending = None  # lines nested in this one are not whole physical lines
        items: list[ir.Item] = []
        while True:
            item = self.parse_item()
            if item is not None:
                items.append(item)
            elif not self.at_item_end():
                self.sync()
            if self.at(";"):
                self.advance()
                continue
            break
        expectation = None
        if self.at("->"):
            expectation = self.expectation()
        if not items:
            return None
        end = items[-1].span if expectation is None else expectation.span
        if "#" in self.text[end.end:self.peek().start]:
            self.commented_answer(end.end, self.peek().start)
        line = ir.Line(tuple(items), expectation, start.to(end))
        if pending is not None:
            self._store(line, pending)
        return line

    def commented_answer(self, start: int, end: int) -> None:
        """W046 for a comment after a layer line that reads as an answer (`# 32x32x11`, `-> 55x55x96  # params
        34944`): a student's answer there would never be checked, and the check would say nothing."""
        hash_at = self.text.index("#", start, end)
        pattern = re.compile(_COMMENTED_ANSWER, re.VERBOSE | re.IGNORECASE)  # compiled on first use, then re's cache
        m = pattern.match(self.text, hash_at, end)
        if m is not None:
            answer = m.group("answer").rstrip()
            self.sink.add(codes.W046, f"the comment `{answer}` reads as an answer, and comments are not checked",
                          Span(hash_at, hash_at + len(m.group(0).rstrip())),
                          hint="write the answer after `->` on the layer's line, as `-> 32x32x10 params 760`")

    def parse_item(self) -> ir.Item | None:
        """One layer, merge, repeat, side branch or block call, with its `name:` label (the span covers it)."""
        tok = self.peek()
        self.items += 1
        if self.items == limits.MAX_NODES + 1:
            self.error(codes.E058, f"the file has more than {limits.MAX_NODES:,} layers and containers written out; "
                                   f"cnncalc's limit is {limits.MAX_NODES:,}, and the rest of the file is not read",
                       tok.span, hint="split the network into several files, or write its repeated parts with "
                                      "`repeat` and blocks")
            raise _BeyondLimit
        if tok.kind == "NAME" and self.peek(1).kind == ":":
            self.advance()
            self.advance()
            self.labels.add(tok.text)
            self.labels_read.append(tok.text)
            item = self.parse_unlabelled(tok.text)
            return None if item is None else item._replace(span=tok.span.to(item.span))
        return self.parse_unlabelled(None)

    def parse_unlabelled(self, label: str | None) -> ir.Item | None:
        tok = self.peek()
        if tok.kind == "[":  # `[55x55x96] CONV1: …`, the lecture's listing, in a .spec file
            self.error(codes.E002, "expected a layer, found `[`", tok.span,
                       hint="a volume in brackets before the layer is the lecture's notation (a .txt file, or "
                            "`--lang lecture`); in the spec language the answer follows the layer: `conv1: conv 96 "
                            "11x11 stride 4 -> 55x55x96`")
            return None
        if tok.kind != "NAME":
            self.unexpected("a layer", "`@NAME` starts a branch inside a merge's braces: `concat { @conv3 | identity }`"
                            if tok.kind == "@" else _LINE_FORM)
            return None
        word = tok.text
        nxt = self.peek(1).kind
        if nxt == "(":
            return self.parse_block_call(label)
        if word in MERGES and (nxt == "{" or MERGES[word].takes_count or MERGES[word].takes_offset
                                 or MERGES[word].modes or MERGES[word].takes_window):
            self.advance()
            return self.parse_merge(word, tok, label)
        if word == "residual" and nxt == "{":
            self.advance()
            return self.parse_residual(tok, label)
        if word == "repeat":
            self.advance()
            return self.parse_repeat(tok, label)
        if word == "side" and nxt in ("{", "NAME"):
            self.advance()
            return self.parse_side(tok, label)
        if word in REGISTRY:
            self.advance()
            return self.parse_layer(word, tok, label)
        self.advance()
        following = self.peek()
        if following.kind == "=" and self.peek(1).kind == "NAME":  # `conv1 = conv 96 11x11`, as code names things
            hint = f"a line's name is followed by `:`: `{word}: {self.peek(1).text} …`"
        else:
            hint = layer_hint(word, following.text if following.kind == "NAME" else None, sorted(self.block_names),
                              word in self.labels)
        self.error(codes.E010, f"unknown layer `{word}`", tok.span, hint=hint)
        self.sync()
        return ir.LayerCall(word, (), label, tok.span, valid=False)

    def parse_merge(self, kind: str, kw: Token, label: str | None) -> ir.Merge | None:
        count = mode = None
        if MERGES[kind].takes_count:
            count = self.expr(f"the number of parts after `{kind}`")
            if count is None:
                self.sync()
                return None
        if MERGES[kind].takes_offset and self.at_word("at"):
            self.advance()
            count = self.expr(f"the offset after `{kind} at` (rows, or `TxL`: rows x columns)")
            if count is None:
                self.sync()
                return None
        modes = MERGES[kind].modes
        if modes and self.peek().kind == "NAME":
            word = self.advance()
            if word.text not in modes or count is not None:
                said = f"`{kind} at` crops from an offset, and takes no `{word.text}`" if count is not None else \
                    f"`{kind}` takes no `{word.text}`"
                self.error(codes.E011, said, word.span,
                           hint=f"`{kind}` takes {' or '.join(f'`{m}`' for m in modes)} before its braces" +
                                (", or `at TxL`" if MERGES[kind].takes_offset else f" ({modes[0]} when unsaid)"))
                self.sync()
                return None
            mode = word.text
        window = None
        windowed = MERGES[kind].takes_window
        if windowed is not None:  # `maxunpool 2x2 stride 2 {`: a max pool's arguments, up to the brace
            window = self.parse_layer(windowed, kw, None, written=kind)
            if not window.valid:
                self.sync()
                return None
        group = self.parse_group(kind, refs=True)
        if group is None:
            return None
        branches, span = group
        return ir.Merge(kind, count, tuple(branches), label, kw.span.to(span), mode, window)

    def parse_residual(self, kw: Token, label: str | None) -> ir.Merge | None:
        body = self.parse_braced("residual body")
        if body is None:
            return None
        end = body.span
        shortcut = ir.Seq((), Span(end.end, end.end))
        if self.at_word("shortcut"):
            self.advance()
            parsed = self.parse_braced("shortcut")
            if parsed is None:
                return None
            shortcut = parsed
            end = parsed.span
        return ir.Merge("residual", None, (ir.Branch(body, None, "body", body.span),
                                           ir.Branch(shortcut, None, "shortcut", shortcut.span)),
                        label, kw.span.to(end))

    def parse_repeat(self, kw: Token, label: str | None) -> ir.Repeat | None:
        count = self.expr("a count after `repeat`")
        if count is None:
            self.sync()
            return None
        body = self.parse_braced("repeat body")
        if body is None:
            return None
        return ir.Repeat(count, body, label, kw.span.to(body.span))

    def parse_side(self, kw: Token, label: str | None) -> ir.Side | None:
        train = False
        if self.peek().kind == "NAME" and self.peek().text == "train":
            self.advance()
            train = True
        body = self.parse_braced("side branch")
        if body is None:
            return None
        return ir.Side(train, body, label, kw.span.to(body.span))

    def parse_block_call(self, label: str | None) -> ir.BlockCall | None:
        name = self.advance()
        opening = self.advance()
        args: list[ir.Expr] = []
        kwargs: list[ir.KwArg] = []
        while not self.at(")"):
            if self.at("NEWLINE", "EOF", "}", ";", "|", "->"):
                self.error(codes.E003, "this `(` is never closed", opening.span, hint="add `)` after the arguments")
                return None
            if self.peek().kind == "NAME" and self.peek(1).kind == "=":
                key = self.advance()
                self.advance()
                value = self.expr()
                if value is None:
                    self.sync()
                    return None
                kwargs.append(ir.KwArg(key.text, value, key.span))
            else:
                value = self.expr()
                if value is None:
                    self.sync()
                    return None
                if kwargs:
                    self.error(codes.E053, "a positional argument follows a keyword argument", value.span,
                               hint="give the arguments by position first, then by name: `stage(64, 3, s=2)`")
                args.append(value)
            if self.at(","):
                self.advance()
            elif not self.at(")"):
                self.unexpected("`,` or `)` in the arguments",
                                "a block's arguments are separated by commas: `fire(16, 64, 64)`")
                self.sync()
                return None
        closing = self.advance()
        return ir.BlockCall(name.text, tuple(args), tuple(kwargs), label, name.span.to(closing.span))

    # ---- a layer and its arguments ---------------------------------------------------

    def parse_layer(self, keyword: str, kw: Token, label: str | None, written: str | None = None) -> ir.LayerCall:
        """A layer's call: its arguments to the end of the item; `written`, the merge keyword that takes this
        layer's arguments before its `{` (`maxunpool 2x2 {`), there, and named in the messages."""
        schema = REGISTRY[keyword].schema
        said = written or keyword
        positionals, options, flags = schema.positionals, schema.options, schema.flags
        args: list[ir.Arg] = []
        given: dict[str, Span] = {}
        filled = 0
        end = kw.span
        ok = True
        shares: ir.Ref | None = None
        to: ir.Ref | None = None
        while not self.at_item_end() and not (written and self.at("{")):
            tok = self.peek()
            if tok.kind == "NAME" and tok.text == "to" and REGISTRY[keyword].sized_to and not written:
                self.advance()
                if not self.at("@") or self.peek(1).kind != "NAME":
                    self.unexpected("`@NAME` after `to`", f"`to @NAME` gives the output the height and width of the "
                                                          f"line or layer NAME: `{keyword} 64 2x2 stride 2 to @enc1`")
                    self.sync()
                    ok = False
                    break
                at, name = self.advance(), self.advance()
                if to is not None:
                    self.error(codes.E012, "`to` is given twice", tok.span.to(name.span), hint="keep one of them")
                    ok = False
                to = ir.Ref(name.text, at.span.to(name.span))
                given["to"] = tok.span.to(name.span)
                end = name.span
                continue
            if tok.kind == "NAME" and tok.text == "shares" and "shares" not in options and not written:
                self.advance()
                name = self.peek()
                if name.kind != "NAME":
                    self.unexpected("the name of the layer whose weights it shares after `shares`",
                                    "`shares NAME` names an earlier layer written the same: `conv 64 1x1 shares fc1`")
                    self.sync()
                    ok = False
                    break
                self.advance()
                if shares is not None:
                    self.error(codes.E012, "`shares` is given twice", tok.span.to(name.span), hint="keep one of them")
                    ok = False
                shares = ir.Ref(name.text, tok.span.to(name.span))
                end = name.span
                continue
            if tok.kind == "NAME" and tok.text in options and (self.peek(1).kind != ":" or
                                                               self._value_at(2, options[tok.text])):
                self.advance()
                argument = options[tok.text]
                if self.at("=", ":"):  # `stride=4` (PyTorch's), `stride: 4`: said, then read as meant
                    sign = self.advance()
                    valued, written = self._value_at(0, argument), self.peek().text
                    shown = written if valued and len(written) <= 20 else "N"
                    self.error(codes.E002, f"`{tok.text}` takes its value after a space, not `{sign.text}`",
                               sign.span, hint=f"write `{tok.text} {shown}`")
                    ok = False
                    if not valued:  # `stride=` and nothing: said once
                        self.sync()
                        break
                value = self.value(argument.kind.syntax, f"a value after `{tok.text}`")
                if value is None:
                    ok = False
                    self.sync()
                    break
                arg = ir.Arg(argument.name, value, tok.span.to(value.span))
            elif tok.kind == "NAME" and tok.text in flags:
                self.advance()
                arg = ir.Arg(flags[tok.text].name, ir.Word(tok.text, tok.span), tok.span)
            elif filled < len(positionals) and tok.kind in ("NUMBER", "DIMS", "NAME", "(", "-", "BADNUMBER"):
                argument = positionals[filled]
                value = self.value(argument.kind.syntax, f"the {argument.label}", options)
                if value is None:
                    ok = False
                    self.sync()
                    break
                arg = ir.Arg(argument.name, value, value.span)
                filled += 1
            elif tok.kind == "NAME":
                before, after = (self.tokens[self.i - 1] if self.i else None), self.peek(1)
                self.advance()
                spaced = tok.text.lower() == "x" and before is not None and before.kind == "NUMBER" and \
                    after.kind == "NUMBER"  # `conv 16 3 x 3`: a size written with spaces
                self.error(codes.E011, f"`{said}` has no option `{tok.text}`", tok.span,
                           hint=f"write the size without spaces: `{before.text}x{after.text}`" if spaced and before
                           else option_hint(keyword, tok.text))
                while self.at("NUMBER", "DIMS", ",", "BADNUMBER"):
                    self.advance()
                ok = False
                continue
            else:
                self.unexpected(f"an argument of `{said}`", self.argument_hint(keyword, tok, positionals[:filled]))
                self.sync()
                ok = False
                break
            if arg.name in given:
                self.error(codes.E012, f"`{tok.text}` is given twice" if tok.kind == "NAME" else
                           f"the {arg.name.replace('_', ' ')} is given twice", arg.span, hint="keep one of them")
                ok = False
            given[arg.name] = arg.span
            args.append(arg)
            end = arg.span
        if to is not None and "outpad" in given:
            self.error(codes.E012, "`outpad` and `to` both set the output's size", given["outpad"],
                       hint=f"keep `to @{to.name}`: the output padding is the one that gives that size")
            ok = False
        missing = [a for a in positionals[filled:] if a.required]
        if missing and ok:
            names = " and ".join(f"the {a.label}" for a in missing)
            self.error(codes.E014, f"`{said}` needs {names}", kw.span.to(end),
                       hint=f"e.g. `{REGISTRY[keyword].example or keyword}`" if not written else
                       f"e.g. `{written} 2x2 {{ @before_the_pool | identity }}`")
            ok = False
        return ir.LayerCall(keyword, tuple(args), label, kw.span.to(end), valid=ok, shares=shares, to=to)

    def _value_at(self, k: int, argument: Argument) -> bool:
        """Whether a value of `argument` may start at `peek(k)`: a number, a size, a sign, a parenthesis, or one of
        its words (`same`)."""
        tok = self.peek(k)
        return tok.kind in _VALUE_STARTS or (tok.kind == "NAME" and tok.text in argument.kind.words)

    def argument_hint(self, keyword: str, tok: Token, filled: tuple[Argument, ...]) -> str:
        """Why a token is no argument: commas between arguments (`conv 96, 11x11`), a size written as two
        numbers (`conv 96 11 11`: `11x11`), a value past those taken by position (`lrn 5`: `lrn size 5`)."""
        if tok.kind == ",":
            return f"a layer's arguments are separated by spaces: `{REGISTRY[keyword].example or keyword}`"
        if tok.kind == "NUMBER" and self.text[tok.start - 1:tok.start] == "/":  # `3x3/2`, as the GoogLeNet paper
            return f"a stride is written `stride {tok.text}`"
        before = self.tokens[self.i - 1] if self.i else None
        if tok.kind == "NUMBER" and before is not None and before.kind == "NUMBER" and tok.text.isdigit() \
                and before.text.isdigit() and filled and filled[-1].kind.syntax in ("pair", "scale"):
            # (`maxpool 3 2` may be PyTorch's MaxPool2d(3, 2), whose 2 is the stride)
            stride = f"; a stride, `stride {tok.text}`" if "stride" in REGISTRY[keyword].schema.options else ""
            return f"a size of {before.text} by {tok.text} is written `{before.text}x{tok.text}`{stride}"
        if tok.kind in ("NUMBER", "DIMS"):  # a value past the positionals (`lrn 5`, `conv 96 11x11 4`): the form
            return _named_values(keyword, tok.text)
        return f"e.g. `{REGISTRY[keyword].example or keyword}`; `cnncalc explain {keyword}` lists its arguments"


def _named_values(keyword: str, value: str) -> str:
    """The hint for a value after those a layer takes by position: which of its values are named, and an example
    (the layer's own when it names one, else with its first option and the value written: `bn eps 1e-5`)."""
    layer = REGISTRY[keyword]
    named = [a.name for a in layer.schema.arguments if a.role == "option" and a.name != "depth"]
    positions = [a.label for a in layer.schema.positionals]
    by_position = f"its {' and '.join(positions)}" if positions else ""
    if not named:
        return f"`{keyword}` takes {by_position} alone: e.g. `{layer.example or keyword}`" if positions else \
            f"`{keyword}` takes no values: e.g. `{keyword}`"
    example = layer.example or keyword
    if not any(f" {n} " in f" {example} " for n in named):
        example = f"{example if positions else keyword} {named[0]} {value}"
    after = f" after {by_position}" if positions else ""
    return f"`{keyword}`'s values{after} are named ({', '.join(f'`{n}`' for n in named)}): e.g. `{example}`"
