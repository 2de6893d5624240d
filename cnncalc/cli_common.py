"""What the command modules share: reading specs, common options, printing diagnostics, usage errors."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import click

from cnncalc import commands
from cnncalc.commands import EXIT_USAGE, usage_line
from cnncalc.limits import MAX_BATCH
from cnncalc.render.output import Output

if TYPE_CHECKING:
    from cnncalc.analysis import Settings


class Context(click.Context):
    """Help laid out at the width cnncalc uses everywhere (render/output.py), which also spares the
    help's start-up click's import of `shutil` (and, behind it, bz2 and lzma)."""

    def make_formatter(self) -> click.HelpFormatter:
        from cnncalc.render.output import terminal_width
        return self.formatter_class(width=self.terminal_width or max(min(terminal_width(), 80) - 2, 50),
                                    max_width=self.max_content_width)


def _show_help(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        Output().write(ctx.get_help())  # through Output: a failed write is said as one (render/output.py)
        ctx.exit()


class HelpOption(click.Command):
    """`-h`/`--help` made here rather than by click, which builds it on every run through gettext: the
    first translation lookup imports `locale` (0.5 ms of a 40 ms summary: `import click, locale` against
    `import click`). The option is click's own in all but that: eager, a flag, no value, help printed
    and exit 0."""

    _own_help: click.Option | None = None

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        names = self.get_help_option_names(ctx)  # less any a command's own options use
        if not names or not self.add_help_option:
            return None
        if self._own_help is None:  # made once: click orders eager parameters by identity
            self._own_help = click.Option([*names, "help_requested"], is_flag=True, expose_value=False,
                                          is_eager=True, callback=_show_help, help="Show this message and exit.")
        return self._own_help


class Command(HelpOption):
    context_class = Context


class UsageError(click.ClickException):
    """A problem with what the command was given (a file it cannot read, an output it will not
    overwrite): one line on standard error, exit 2, no usage banner."""

    exit_code = EXIT_USAGE

    def show(self, file: Any = None) -> None:
        click.echo(usage_line(self.format_message()), err=True)


def check_stdin_once(paths: Iterable[str]) -> None:
    if sum(1 for p in paths if p == "-") > 1:
        raise UsageError("`-` (standard input) is given more than once; it can be read only once")


def _input_size(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[int, ...] | None:
    if value is None:
        return None
    from cnncalc.analysis import input_size
    shape = input_size(value)
    if shape is None:
        shown = value if len(value) <= 24 else value[:21] + "..."
        raise click.BadParameter(f"{shown!r} is not an input size; write HxWxC (224x224x3) or a vector's length (784)")
    return shape


input_option = click.option("--input", "size", callback=_input_size, metavar="HxWxC",
                            help="The input's size (PyTorch code does not say it; over the file's for the others).")


def _model_expression(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from cnncalc.analysis import model_expression
    expression = model_expression(value)
    if expression is None:
        from cnncalc.limits import MAX_MODEL_CHARS
        shown = value if len(value) <= 40 else value[:37] + "..."
        if len(value) > MAX_MODEL_CHARS:
            raise click.BadParameter(f"{shown!r} is longer than {MAX_MODEL_CHARS} characters")
        raise click.BadParameter(f"{shown!r} is not a model; write a class or function of the file (ResNet50) or a "
                                 f"call of one (\"VGG('VGG16')\")")
    return expression


model_option = click.option("--model", callback=_model_expression, metavar="EXPR",
                            help="Which model of a PyTorch file: a class or function of the file (`ResNet50`), or a "
                                 "call of one (`\"VGG('VGG16')\"`); of a MATLAB file, the variable holding the layers "
                                 "(`layers2`). By default, the one the file builds.")
input_size_option = click.option("--input-size", "size", callback=_input_size, metavar="HxWxC",
                                 help="The input's size, when the file does not say it (PyTorch code).")


T = TypeVar("T")


def _usage_errors(stream: Iterable[T]) -> Iterator[T]:
    """The stream, a file that cannot be read turned into a usage error (one line, exit 2)."""
    from cnncalc.files import InputError
    try:
        yield from stream
    except InputError as e:
        raise UsageError(str(e)) from None


def analyses(paths: list[str], settings: Settings) -> Iterator[Any]:
    """Every network of every file, as (report, tree) analyses, one file at a time (commands.analyses);
    an unreadable file is a usage error."""
    return _usage_errors(commands.analyses(paths, settings))


def load(paths: list[str], settings: Settings) -> list[Any]:
    """`analyses`, all at once (for commands that compare or run them)."""
    return list(analyses(paths, settings))


def reports_of(paths: list[str], settings: Settings, budgets: Any, jobs: int | None = 1,
               rows: bool = True, found: frozenset[str] = frozenset()) -> Iterator[Any]:
    """commands.reports_of, an unreadable file a usage error (one a search found, E007)."""
    return _usage_errors(commands.reports_of(paths, settings, budgets, jobs, rows, found))


if TYPE_CHECKING:
    _ParamType = click.ParamType[int]  # generic from click 8.2 on
else:
    _ParamType = click.ParamType


class Whole(_ParamType):
    """A whole number in a range; the message shows the range and a long value shortened."""

    name = "integer"

    def __init__(self, lo: int, hi: int) -> None:
        self.lo, self.hi = lo, hi

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            number = value
        else:
            text = str(value).strip().replace("_", "")
            digits = text.lstrip("-")
            if not digits.isdigit() or not digits.isascii() or len(digits) > 20:
                shown = text if len(text) <= 24 else text[:21] + "..."
                self.fail(f"{shown!r} is not a whole number from {self.lo:,} to {self.hi:,}", param, ctx)
            number = int(text)
        if not self.lo <= number <= self.hi:
            self.fail(f"{number:,} is not from {self.lo:,} to {self.hi:,}", param, ctx)
        return number

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "N"


class FilePath(_ParamType):
    """A path, kept as written (the commands check and read files themselves); the shell completes
    file names. Lighter than `click.Path`, which costs start-up time for checks not used here."""

    name = "path"

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
        from click.shell_completion import CompletionItem
        return [CompletionItem(incomplete, type="file")]


def complete_codes(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Diagnostic codes for `--select`/`--ignore` (`E03,W<TAB>` completes the part after the last comma)."""
    from click.shell_completion import CompletionItem

    from cnncalc.codes import CODES
    done, _, part = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [CompletionItem(prefix + code, help=CODES[code].headline) for code in sorted(CODES)
            if code.startswith(part.upper())]


def complete_topics(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """What `cnncalc explain` explains: diagnostic codes, `layers`, and every layer keyword."""
    from click.shell_completion import CompletionItem

    from cnncalc.codes import CODES
    from cnncalc.layers import REGISTRY
    topics = [(code, CODES[code].headline) for code in sorted(CODES)] + [("layers", "every layer")]
    topics += [(word, "a layer") for word in sorted(REGISTRY)]
    return [CompletionItem(word, help=text) for word, text in topics if word.startswith(incomplete)]


def show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """`--version`: the version from the package itself, not looked up in its installed metadata."""
    if value and not ctx.resilient_parsing:
        from cnncalc import __version__
        Output().write(f"cnncalc {__version__}")
        ctx.exit()


OptionParser = Callable[[click.Context, click.Parameter, "str | None"], "int | None"]


def positive_count(what: str, binary: bool = False) -> OptionParser:
    """A count or size option: `25M`, `4.1G`, `100MiB`, `1_000_000`; must be positive."""
    def parse(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
        if value is None:
            return None
        from cnncalc.tokens import parse_amount
        text = value.strip()
        shown = repr(text if len(text) <= 24 else text[:21] + "...")
        if text.startswith("-"):
            raise click.BadParameter(f"{shown}: the {what} must be positive")
        amount = parse_amount(text)
        if amount is None:
            example = "100MiB, 4GiB or 1_000_000_000" if binary else "25M, 4.1G or 1_000_000"
            raise click.BadParameter(f"{shown} is not a {what}; write e.g. {example}")
        if not binary and text.endswith("B"):  # `--max-params 100MB`: bytes, where a count is asked for
            bare = text[:-1]
            fix = f"a billion is G ({bare + 'G'!r})" if bare[-1:].isdigit() else f"write it without the B ({bare!r})"
            raise click.BadParameter(f"{shown} is bytes, and the {what} is not: {fix}; `--max-memory` takes bytes")
        if amount <= 0:
            raise click.BadParameter(f"{shown}: the {what} must be positive")
        return amount
    return parse


def budget_options(command: Any) -> Any:
    for name, metavar, what, text in (
            ("--max-memory", "SIZE", "size in bytes", "Fail when parameter plus activation memory exceeds SIZE "
                                                      "(bytes; 100MiB, 1GiB, 5e8)."),
            ("--max-macs", "COUNT", "count", "Fail when the total MACs exceed COUNT (4.1G, 600M)."),
            ("--max-params", "COUNT", "count", "Fail when the trainable parameters exceed COUNT (25M).")):
        command = click.option(name, callback=positive_count(what, name == "--max-memory"), metavar=metavar,
                               help=text)(command)
    return command


def lang_option(command: Any) -> Any:
    from cnncalc.notations import NOTATIONS
    return click.option("--lang", type=click.Choice(["auto", *NOTATIONS]), default="auto", show_default=True,
                        help="The input notation (auto: by extension, then by content; docs/notations.md).")(command)


batch_option = click.option("--batch", type=Whole(1, MAX_BATCH), default=None, metavar="N",
                            help="Images per batch for the memory figures (over the spec's `batch`).")
rounding_option = click.option("--rounding", type=click.Choice(["floor", "ceil"]),
                               help="Settle inexact divisions for the whole run (note N030 instead of E030).")
