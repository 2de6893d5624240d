"""Command line: the `cnncalc` group (a bare FILE means `summary`), the summary and explain commands,
and `run`, which the console entry point (console.py) calls. No arithmetic here; each command reads,
chooses a renderer and an exit code (0 fine, 1 errors or failed answers, 2 usage, 3 a bug in cnncalc).
Command modules are imported only when their command runs, so `--version` and `--help` stay cheap."""
from __future__ import annotations

import sys
from typing import Any

import click

from cnncalc.cli_common import (
    Command,
    Context,
    FilePath,
    HelpOption,
    Whole,
    batch_option,
    budget_options,
    check_stdin_once,
    complete_topics,
    input_option,
    lang_option,
    model_option,
    rounding_option,
    show_version,
)
from cnncalc.commands import COMMANDS, EXIT_INTERRUPTED, EXIT_OK, budgets_of, guarded, settings
from cnncalc.limits import MAX_TREE_DEPTH
from cnncalc.render.formats import names
from cnncalc.render.output import Output

OPTIMIZERS = ("sgd", "momentum", "adam")  # cnncalc.training.OPTIMIZERS (a test checks), without its import

LAZY = {"check": "cnncalc.cli_check", "diff": "cnncalc.cli_check", "convert": "cnncalc.cli_check",
        "solve": "cnncalc.cli_check",
        "verify": "cnncalc.cli_execute", "run": "cnncalc.cli_execute"}


class Group(HelpOption, click.Group):
    """`cnncalc FILE...` means `cnncalc summary FILE...`; named commands are imported when used."""

    context_class = Context
    command_class = Command

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.list_commands(ctx) and args[0] not in ("--help", "-h", "--version"):
            args = ["summary", *args]
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[Any]:
        """Command names, and files too: a bare FILE is the summary's."""
        from click.shell_completion import CompletionItem
        items: list[Any] = super().shell_complete(ctx, incomplete)
        if not incomplete.startswith("-"):
            items.append(CompletionItem(incomplete, type="file"))
        return items

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY:
            from importlib import import_module
            command: click.Command = getattr(import_module(LAZY[name]), name)
            return command
        return super().get_command(ctx, name)


TABLE_COLUMNS = ("op", "input", "output", "kernel", "stride", "groups", "params", "percent", "macs", "memory", "rf",
                 "rfstride", "rfpad", "from")  # render/table.py's COLUMNS; named here to keep start-up light


def _table_columns(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    names = tuple(part.strip().lower() for part in value.split(",") if part.strip())
    unknown = [n for n in names if n not in TABLE_COLUMNS]
    if unknown or not names:
        raise click.BadParameter(f"{', '.join(map(repr, unknown)) or 'no column'}: the columns are "
                                 f"{', '.join(TABLE_COLUMNS)}")
    return names


def _complete_columns(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    done, _, part = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [prefix + name for name in TABLE_COLUMNS if name.startswith(part)]


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=show_version,
              help="Show the version and exit.")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Compute and check the shapes, parameters and costs of convolutional networks.

    \b
    cnncalc specs/alexnet.spec              the layer-by-layer breakdown
    cnncalc specs/*.spec --format json      the same, machine-readable
    cnncalc check specs/ --format github    validate specs in CI
    cnncalc check homework.txt --explain    check answers, show the working
    cnncalc solve specs/alexnet.spec        which input sizes work (H = 32k + 3, k ≥ 2)
    cnncalc diff old.spec new.spec          what a change did to params and MACs
    cnncalc verify specs/alexnet.spec       prove the numbers by running the network
    cnncalc explain E030                    what a diagnostic code means
    cnncalc explain layers                  every layer of the spec language

    A bare FILE runs `summary`. Exit codes: 0 fine, 1 errors or failed answers, 2 usage
    error, 3 a bug in cnncalc (reported in one line), 130 interrupted.
    """
    _pause_cycle_collector(ctx)


def _pause_cycle_collector(ctx: click.Context) -> None:
    """A command builds its reports once and writes them out; nothing it makes is cyclic garbage, yet
    the collector's full passes over 100k rows cost as much as the analysis. Paused for the command,
    restored after it (the command may run inside a longer process: a test, a notebook)."""
    import gc
    if gc.isenabled():
        gc.disable()
        ctx.call_on_close(gc.enable)


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...", type=FilePath())
@click.option("--format", "fmt", type=click.Choice(names("summary")), default="table", show_default=True,
              help="Output format (docs/output.md); json is one document for all files.")
@click.option("--explain", is_flag=True, help="Show the arithmetic behind every row.")
@click.option("--depth", type=Whole(1, MAX_TREE_DEPTH), default=None, metavar="N",
              help="Show rows down to depth N; deeper containers stand for their contents.")
@click.option("--show-notes", is_flag=True, help="Also show notes that restate the spec's own declarations.")
@click.option("--columns", callback=_table_columns, metavar="LIST", shell_complete=_complete_columns,
              help="The table's columns, comma-separated, in order (after the layer's name): op, input, output, "
                   "kernel, stride, groups, params, percent, macs, memory, rf (receptive field), rfstride "
                   "(effective stride), rfpad (effective padding), from. Default: op,output,params,percent,macs "
                   "(and from, when the network has branches).")
@batch_option
@click.option("--train", type=click.Choice(OPTIMIZERS), default=None,
              help="Add the memory of a training step with this optimizer: parameters, gradients, optimizer "
                   "state, the activations kept for the backward pass, the peak (docs/insight.md).")
@rounding_option
@lang_option
@input_option
@model_option
@budget_options
def summary(files: tuple[str, ...], fmt: str, explain: bool, depth: int | None, show_notes: bool,
            columns: tuple[str, ...] | None, batch: int | None, train: str | None, rounding: str | None, lang: str,
            size: tuple[int, ...] | None, model: str | None, max_params: int | None, max_macs: int | None,
            max_memory: int | None) -> None:
    """Print the layer-by-layer breakdown of each FILE (`-` reads standard input).

    Diagnostics go to standard error as FILE:LINE:COL: error[CODE]: message. The json, github,
    junit and sarif formats carry the diagnostics inside instead.
    """
    from cnncalc.commands import summarize
    check_stdin_once(files)
    sys.exit(summarize(list(files), settings(rounding, lang, explain, batch, train, size, model), fmt=fmt,
                       explain=explain, depth=depth, show_notes=show_notes, columns=columns,
                       budgets=budgets_of(max_params, max_macs, max_memory)))


@cli.command()
@click.argument("topic", metavar="CODE|layers|LAYER", shell_complete=complete_topics)
def explain(topic: str) -> None:
    """What a diagnostic code means (E030), every layer (`layers`), or one layer, merge or structure
    (`conv`, `concat`, `residual`)."""
    from cnncalc.explain import explain_topic
    text = explain_topic(topic)
    if text is None:
        from cnncalc.cli_common import UsageError
        raise UsageError(f"no diagnostic code or layer {topic!r}; try `cnncalc explain layers` or a code like E030")
    Output().write(text)


def run(args: list[str] | None = None) -> int:
    """The command line (`args`, or sys.argv) run to its exit code; a bug in cnncalc gets one line and
    exit 3, never a traceback (commands.guarded). Click is told not to end the process itself, so that
    Ctrl-C is exit 130 here as on the bare summary's path (click would say "Aborted!" and exit 1, the
    code of a spec with errors)."""
    def command() -> int:
        try:
            code = cli.main(args=args, prog_name="cnncalc", standalone_mode=False)
        except SystemExit as e:
            return _exit_code(e.code)
        except click.Abort:  # click's form of Ctrl-C
            return EXIT_INTERRUPTED
        except click.ClickException as e:  # a usage error: its message, its code (2)
            e.show()
            return e.exit_code
        return code if isinstance(code, int) else EXIT_OK  # `--help`, `--version`: click's exit code
    return guarded(command)


def _exit_code(code: object) -> int:
    """What the interpreter would make of `sys.exit(code)`: None is 0, a number itself, anything else
    is printed and is 1."""
    if code is None:
        return EXIT_OK
    if isinstance(code, int):
        return code
    click.echo(str(code), err=True)
    return 1
