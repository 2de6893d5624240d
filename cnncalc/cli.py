"""Command line: the `cnncalc` group, the summary command and the entry point. No arithmetic
here; each command chooses a renderer and an exit code (0 fine, 1 spec errors or failed
expectations, 2 usage)."""
from __future__ import annotations

import os
import sys

import click

from cnncalc.cli_check import check, convert, diff
from cnncalc.cli_common import (EXIT_ERRORS, EXIT_INTERNAL, EXIT_OK, FORMATS, budget_options, budgets_of, lang_option,
                                load_reports, print_diagnostics, render_ci, rounding_option, stdout_console)
from cnncalc.cli_execute import run, verify


class DefaultGroup(click.Group):
    """`cnncalc FILE...` means `cnncalc summary FILE...`; named commands work as usual."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["summary", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cnncalc")
def cli() -> None:
    """Compute and check the shapes, parameters and costs of convolutional networks.

    \b
    cnncalc specs/alexnet.spec              the layer-by-layer breakdown
    cnncalc specs/*.spec --format json      the same, machine-readable
    cnncalc check specs/ --format github    validate specs in CI
    cnncalc check homework.txt --explain    check answers, show the working
    cnncalc diff old.spec new.spec          what a change did to params and MACs
    cnncalc verify specs/alexnet.spec       prove the numbers by running the network
    cnncalc explain E030                    what a diagnostic code means

    A bare FILE runs `summary`. Exit codes: 0 fine, 1 errors or failed expectations, 2 usage.
    """


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format; json prints one document per file (a list for several).")
@click.option("--explain", is_flag=True, help="Show the arithmetic behind every row.")
@click.option("--depth", type=click.IntRange(min=1), default=None,
              help="Collapse containers (blocks, concat, repeat) below this depth into one row.")
@rounding_option
@lang_option
@budget_options
def summary(files: tuple[str, ...], fmt: str, explain: bool, depth: int | None, rounding: str | None, lang: str,
            max_params: int | None, max_macs: int | None, max_memory: int | None) -> None:
    """Print the layer-by-layer breakdown of each FILE (`-` reads standard input).

    Diagnostics go to standard error as FILE:LINE:COL: error[CODE]: message. The github,
    junit and sarif formats print the diagnostics (and checked expectations) for CI instead.
    """
    reports = load_reports(files, rounding, lang, budgets_of(max_params, max_macs, max_memory))
    if fmt in ("github", "junit", "sarif"):
        click.echo(render_ci(fmt, reports, strict=False))
    elif fmt == "json":
        import json

        from cnncalc.render.machine import json_document
        docs = [json_document(r) for r in reports]
        click.echo(json.dumps(docs[0] if len(docs) == 1 else docs, indent=2))
    else:
        color = sys.stderr.isatty() and "NO_COLOR" not in os.environ
        console = stdout_console()
        for i, report in enumerate(reports):
            print_diagnostics(report, color, full_notes=explain)
            if fmt == "table":
                from cnncalc.render.table import render_table
                if i:
                    console.print()
                console.print(render_table(report, depth=depth, explain=explain))
            elif fmt == "markdown":
                from cnncalc.render.machine import render_markdown
                click.echo(render_markdown(report, depth))
            else:
                from cnncalc.render.machine import render_csv
                click.echo(render_csv(report, depth), nl=False)
    sys.exit(EXIT_OK if all(r.ok for r in reports) else EXIT_ERRORS)


@cli.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print what a diagnostic code means (cnncalc explain E030)."""
    from cnncalc.codes import CODES
    entry = CODES.get(code.upper())
    if entry is None:
        raise click.BadParameter(f"no diagnostic code {code!r}; see docs/diagnostics.md", param_hint="CODE")
    click.echo(f"{entry.code}: {entry.title}\n\n{entry.explanation}")


def main() -> None:
    """Console entry point: a bug in cnncalc gets one line and exit 3, never a traceback."""
    try:
        cli.main(prog_name="cnncalc")
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_OK)
    except Exception as e:  # noqa: BLE001 - the last line of defence against tracebacks
        click.echo(f"cnncalc: internal error ({type(e).__name__}: {e}); this is a bug, please report it "
                   f"with the spec that caused it", err=True)
        sys.exit(EXIT_INTERNAL)


for command in (check, diff, convert, verify, run):
    cli.add_command(command)
