"""Command line: arguments, choosing a renderer, exit codes (0 fine, 1 spec errors or failed
expectations, 2 usage). No arithmetic here."""
from __future__ import annotations

import os
import sys
from typing import Any

import click

from cnncalc.analysis import analyze_text
from cnncalc.report import Report

EXIT_OK, EXIT_ERRORS, EXIT_INTERNAL = 0, 1, 3  # usage errors exit 2, through click


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
    cnncalc specs/alexnet.spec            the layer-by-layer breakdown
    cnncalc specs/*.spec --format json    the same, machine-readable
    cnncalc explain E030                  what a diagnostic code means

    A bare FILE runs `summary`. Exit codes: 0 fine, 1 errors or failed expectations, 2 usage.
    """


def read_spec(path: str) -> tuple[str, str]:
    """The text and display name of a spec file, `-` for standard input."""
    if path == "-":
        return sys.stdin.buffer.read().decode("utf-8", errors="replace"), "<stdin>"
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8", errors="replace"), path
    except OSError as e:
        raise click.BadParameter(f"cannot read {path!r}: {e.strerror}", param_hint="FILE") from None


def load_reports(files: tuple[str, ...] | list[str], rounding: str | None, lang: str = "auto",
                 budgets: Any = None) -> list[Report]:
    reports = [analyze_text(*read_spec(f), rounding=rounding, lang=None if lang == "auto" else lang) for f in files]
    if budgets is not None:
        from cnncalc.checking import apply_budgets
        for report in reports:
            apply_budgets(report, budgets)
    return reports


def parse_size(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    if value is None:
        return None
    from cnncalc.tokens import parse_amount
    amount = parse_amount(value)
    if amount is None or amount < 0:
        raise click.BadParameter(f"{value!r} is not a number; write e.g. 25M, 4.1G or 100MiB")
    return amount


def budget_options(command: Any) -> Any:
    for name, text in (("--max-memory", "Fail when parameter plus activation memory (bytes, e.g. 100MiB) exceeds this."),
                       ("--max-macs", "Fail when the total MACs exceed this (e.g. 4.1G)."),
                       ("--max-params", "Fail when the learnable parameters exceed this (e.g. 25M).")):
        command = click.option(name, callback=parse_size, metavar="N", help=text)(command)
    return command


def budgets_of(max_params: int | None, max_macs: int | None, max_memory: int | None) -> Any:
    if max_params is None and max_macs is None and max_memory is None:
        return None
    from cnncalc.checking import Budgets
    return Budgets(max_params, max_macs, max_memory)


lang_option = click.option("--lang", type=click.Choice(["auto", "spec", "lecture"]), default="auto", show_default=True,
                           help="The input language: the spec language, or the lecture's `[55x55x96] CONV1: ...` "
                                "notation (auto: detected).")


def print_diagnostics(report: Report, color: bool, full_notes: bool = False, err: bool = True) -> None:
    """Errors and warnings with source line, caret and hint; notes in one line unless asked."""
    from cnncalc.render.diagnostics import render_diagnostic
    for d in report.diagnostics:
        text = render_diagnostic(d, report.source)
        if d.severity == "note" and not full_notes:
            text = text.partition("\n")[0]
        if color:
            style = {"error": "red", "warning": "yellow", "note": "cyan"}[d.severity]
            head, _, rest = text.partition("\n")
            text = click.style(head, fg=style, bold=True) + "\n" + rest
        click.echo(text, err=err)


def stdout_console() -> Any:
    from rich.console import Console
    width = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 120
    return Console(width=width, highlight=False, soft_wrap=False)


FORMATS = ("table", "json", "markdown", "csv", "github", "junit", "sarif")
rounding_option = click.option("--rounding", type=click.Choice(["floor", "ceil"]),
                               help="Settle inexact divisions for the whole run (a note instead of E030).")


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


def render_ci(fmt: str, reports: list[Report], strict: bool) -> str:
    from cnncalc.render import ci
    if fmt == "github":
        return ci.github(reports)
    if fmt == "junit":
        return ci.junit(reports, strict)
    return ci.sarif(reports)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "junit", "sarif", "markdown"]),
              default="text", show_default=True, help="How to report the problems (docs/ci.md).")
@click.option("--strict", is_flag=True, help="Fail on warnings and notes too.")
@click.option("--explain", is_flag=True, help="Show each problem with its source line and working, and every "
                                                "checked answer with its arithmetic.")
@rounding_option
@lang_option
@budget_options
def check(paths: tuple[str, ...], fmt: str, strict: bool, explain: bool, rounding: str | None, lang: str,
          max_params: int | None, max_macs: int | None, max_memory: int | None) -> None:
    """Validate specs: files, directories (searched for *.spec) and globs.

    Prints one line per problem, FILE:LINE:COL: error[CODE]: message, and a summary line.
    Exit 1 when any spec has an error or a failed expectation (with --strict, also a warning
    or a note), 0 otherwise.
    """
    from cnncalc.checking import MissingPath, collect, problems
    from cnncalc.render import ci
    try:
        files = collect(paths)
    except MissingPath as e:
        raise click.BadParameter(str(e), param_hint="PATH") from None
    reports = load_reports(files, rounding, lang, budgets_of(max_params, max_macs, max_memory))
    failing = {r.source.name: problems(r, strict) for r in reports}
    if fmt == "text":
        for report in reports:
            if explain:
                print_diagnostics(report, sys.stdout.isatty() and "NO_COLOR" not in os.environ, full_notes=True,
                                  err=False)
                click.echo(render_checks(report))
            else:
                for d in report.diagnostics:
                    if strict or d.severity != "note":
                        click.echo(ci.line(report, d))
        click.echo(ci.summary(reports, failing))
    elif fmt == "json":
        import json

        from cnncalc.render.machine import json_document
        click.echo(json.dumps([json_document(r) for r in reports], indent=2))
    elif fmt == "markdown":
        click.echo(ci.markdown(reports, failing), nl=False)
    else:
        click.echo(render_ci(fmt, reports, strict))
    sys.exit(EXIT_ERRORS if any(failing.values()) else EXIT_OK)


def render_checks(report: Report) -> str:
    """Every expectation of a spec (a homework answer) with its verdict and working."""
    if not report.checks:
        return f"{report.source.name}: no answers written (add `-> 55x55x96` after a layer to check one)"
    wrong = sum(1 for c in report.checks if not c.ok)
    out = [f"{report.source.name}: {len(report.checks)} answer{'s' * (len(report.checks) != 1)} checked, "
           f"{wrong} wrong"]
    for c in report.checks:
        ln, _ = report.source.line_col(c.span.start)
        what = f"{c.path} {c.quantity}".strip()
        verdict = "ok" if c.ok else f"WRONG, computed {c.actual}"
        out.append(f"  line {ln}: {what} {c.expected}: {verdict}")
        out += [f"      {w}" for w in c.working]
    return "\n".join(out)


@cli.command()
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@click.option("--format", "fmt", type=click.Choice(["table", "markdown", "json"]), default="table", show_default=True)
@click.option("--all", "show_all", is_flag=True, help="List unchanged rows too.")
@click.option("--exit-code", is_flag=True, help="Exit 1 when the specs differ (as `git diff --exit-code`).")
@rounding_option
@lang_option
def diff(a: str, b: str, fmt: str, show_all: bool, exit_code: bool, rounding: str | None, lang: str) -> None:
    """Compare two specs layer by layer: output volume, parameters and MACs, and the totals.

    Exit 0 when both analyse (differences are the answer, as with `git diff`), 1 when either
    has errors; with --exit-code, also 1 when they differ.
    """
    from cnncalc.diff import diff_reports
    from cnncalc.render.diff import diff_document, render_diff_markdown, render_diff_table
    ra, rb = load_reports([a, b], rounding, lang)
    for report in (ra, rb):
        print_diagnostics(report, sys.stderr.isatty())
    if not (ra.ok and rb.ok):
        click.echo("cnncalc: not compared: a spec has errors", err=True)
        sys.exit(EXIT_ERRORS)
    result = diff_reports(ra, rb)
    if fmt == "json":
        import json
        click.echo(json.dumps(diff_document(result, show_all), indent=2))
    elif fmt == "markdown":
        click.echo(render_diff_markdown(result, show_all), nl=False)
    else:
        stdout_console().print(render_diff_table(result, show_all))
    sys.exit(EXIT_ERRORS if exit_code and result.differs else EXIT_OK)


@cli.command()
@click.argument("file", metavar="FILE")
@click.option("--output", "output_path", metavar="OUT", help="Write the spec here instead of standard output.")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
def convert(file: str, output_path: str | None, force: bool) -> None:
    """Turn a spec in the lecture's notation into the spec language.

    `[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0` becomes
    `conv1: conv 96 11x11 stride 4 pad 0 -> 55x55x96`; line numbers are kept.
    """
    from cnncalc.lecture import looks_like_lecture, translate
    text, name = read_spec(file)
    if not looks_like_lecture(text):
        raise click.BadParameter(f"{name} is not in the lecture's notation (its first line does not start with "
                                 f"`[HxWxC]`)", param_hint="FILE")
    report = analyze_text(text, name, lang="lecture")
    unreadable = [d for d in report.diagnostics if d.code == "E060"]
    if unreadable:
        report.diagnostics = unreadable
        print_diagnostics(report, sys.stderr.isatty())
        sys.exit(EXIT_ERRORS)
    spec = translate(text).text
    spec = spec if spec.endswith("\n") else spec + "\n"
    if output_path is None:
        click.echo(spec, nl=False)
    else:
        if os.path.exists(output_path) and not force:
            raise click.BadParameter(f"{output_path} exists; not overwriting it (add --force)", param_hint="--output")
        import tempfile
        directory = os.path.dirname(output_path) or "."
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".cnncalc-", suffix=".part")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(spec)
        os.replace(tmp, output_path)
    sys.exit(EXIT_OK)


@cli.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain a diagnostic CODE (e.g. E030)."""
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


# ---- commands that execute the network (NumPy is imported only here) -------------------

def parse_memory(ctx: click.Context, param: click.Parameter, value: str) -> int:
    from cnncalc.tokens import parse_amount
    amount = parse_amount(value)
    if amount is None or amount <= 0:
        raise click.BadParameter(f"{value!r} is not a size; write e.g. 4GiB, 500MB or 2G")
    return amount


max_memory_option = click.option("--max-memory", default="4GiB", show_default=True, callback=parse_memory,
                                 help="Refuse to run a network whose estimated peak memory is larger.")


def prepared(path: str, rounding: str | None) -> Any:
    from cnncalc.analysis import prepare
    return prepare(*read_spec(path), rounding=rounding)


def check_memory(analysis: Any, batch: int, itemsize: int, limit: int) -> None:
    from cnncalc.render.rows import human_bytes
    from cnncalc.verify import memory_estimate
    need = memory_estimate(analysis.report, batch, itemsize)
    if need > limit:
        raise click.UsageError(f"{analysis.report.source.name}: running this network at batch {batch} needs about "
                               f"{human_bytes(need)}, more than --max-memory {human_bytes(limit)}; raise the limit "
                               f"or lower the batch")


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--batch", type=click.IntRange(min=1), default=1, show_default=True, help="Images per forward pass.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the random input and weights.")
@click.option("--naive", is_flag=True, help="Use the loop-per-window kernels (slow; for small networks).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--depth", type=click.IntRange(min=1), default=None, help="Show rows down to this depth.")
@max_memory_option
@rounding_option
def verify(files: tuple[str, ...], batch: int, seed: int, naive: bool, fmt: str, depth: int | None,
           max_memory: int, rounding: str | None) -> None:
    """Run each network on seeded random arrays and check the walker's numbers.

    For every row, the shape, parameter count and MACs derived from the formulas are compared
    with the executor's: the arrays it produced, the weights it allocated, the multiply-
    accumulates it performed. Any disagreement is an E9xx diagnostic (a bug in cnncalc) and
    exit 1; so is NaN or Inf in an output.
    """
    from cnncalc.render.verify import render_verification, verification_document
    from cnncalc.verify import verify as run_verify
    color = sys.stderr.isatty() and "NO_COLOR" not in os.environ
    documents = []
    failed = False
    console = stdout_console()
    for path in files:
        analysis = prepared(path, rounding)
        report = analysis.report
        if not report.ok:
            print_diagnostics(report, color)
            click.echo(f"{report.source.name}: not verified: the spec has errors", err=True)
            failed = True
            documents.append({"file": report.source.name, "ok": False, "verified": False, "layers": []})
            continue
        check_memory(analysis, batch, 4, max_memory)
        with _progress(report) as on_layer:
            result = run_verify(analysis, batch, seed, naive, on_layer)
        failed = failed or not result.ok
        if fmt == "json":
            documents.append(verification_document(report, result))
            continue
        for d in result.diagnostics:
            from cnncalc.render.diagnostics import render_diagnostic
            click.echo(render_diagnostic(d, report.source), err=True)
        console.print(render_verification(report, result, depth))
    if fmt == "json":
        import json
        click.echo(json.dumps(documents[0] if len(documents) == 1 else documents, indent=2))
    sys.exit(EXIT_ERRORS if failed else EXIT_OK)


class _progress:
    """A rich progress bar on a terminal, shown only once a run takes more than half a second."""

    def __init__(self, report: Report) -> None:
        self.total = sum(1 for r in report.rows if r.kind == "layer")
        self.name = report.source.name
        self.bar: Any = None

    def __enter__(self) -> Any:
        import time
        self.start = time.monotonic()
        self.done = 0

        def on_layer(path: str) -> None:
            self.done += 1
            if self.bar is None and time.monotonic() - self.start > 0.5 and sys.stderr.isatty():
                from rich.console import Console
                from rich.progress import Progress
                self.bar = Progress(console=Console(stderr=True), transient=True)
                self.bar.start()
                self.task = self.bar.add_task(f"verifying {self.name}", total=self.total)
            if self.bar is not None:
                self.bar.update(self.task, completed=self.done, description=f"verifying {path}")
        return on_layer

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@cli.command()
@click.argument("file", metavar="FILE")
@click.option("--input", "input_path", required=True, metavar="X",
              help="The input volume: .npy, .npz or .json (H, W, C), (N, H, W, C) or {\"slices\": [...]}.")
@click.option("--weights", "weights_path", metavar="W", help="Weights keyed PATH.weight, PATH.bias, ...: .npz or .json.")
@click.option("--output", "output_path", metavar="OUT", help="Write the output to a .npy or .json file.")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the weights not given.")
@max_memory_option
@rounding_option
def run(file: str, input_path: str, weights_path: str | None, output_path: str | None, force: bool, seed: int,
        max_memory: int, rounding: str | None) -> None:
    """Compute the network's exact output for a given input (float64).

    Without --output, the output volume is printed as depth slices o[:,:,0], o[:,:,1], ...
    Weights not given are seeded random, and the command says which. Layouts: docs/executor.md.
    """
    import numpy as np

    from cnncalc.arrays import ArrayError, load_input, load_weights, write_output
    from cnncalc.executor import Executor, WeightError
    from cnncalc.render.verify import render_volume
    analysis = prepared(file, rounding)
    report = analysis.report
    if not report.ok:
        print_diagnostics(report, sys.stderr.isatty())
        click.echo(f"{report.source.name}: not run: the spec has errors", err=True)
        sys.exit(EXIT_ERRORS)
    try:
        x = load_input(input_path, report.input.dims)
        weights = load_weights(weights_path) if weights_path else {}
        _check_weight_keys(weights, analysis, x.shape[1:])
        check_memory(analysis, x.shape[0], 8, max_memory)
        executor = Executor(analysis.rounding, np.random.default_rng(seed), np.float64, weights)
        y = executor.run(analysis.root, x)
        if executor.random_weights:
            click.echo(f"note: no weights given for {', '.join(executor.random_weights)}: "
                       f"seeded random (seed {seed})", err=True)
        if output_path:
            write_output(output_path, y, force)
            click.echo(f"wrote {output_path}: shape {'x'.join(map(str, y.shape[1:] if y.shape[0] == 1 else y.shape))}",
                       err=True)
        else:
            stdout_console().print(render_volume(y))
    except (ArrayError, WeightError) as e:
        raise click.UsageError(str(e)) from None
    sys.exit(EXIT_OK)


def _check_weight_keys(weights: dict[str, Any], analysis: Any, x: tuple[int, ...]) -> None:
    """Every given key must name a weight of some layer: a typo must not silently become random weights."""
    from cnncalc.arrays import ArrayError
    from cnncalc.parser import did_you_mean
    valid = {f"{r.path}.{name}" for r in analysis.report.rows if r.layer is not None and r.input is not None
             for name in r.layer.weight_shapes(r.input.dims)}
    for key in weights:
        if key not in valid:
            hint = did_you_mean(key, sorted(valid)) or "keys are PATH.weight, PATH.bias, PATH.gamma, PATH.beta, " \
                                                       "PATH.mean, PATH.var, with the paths of `cnncalc FILE`"
            raise ArrayError(f"the weights name `{key}`, which is no layer's weight; {hint}")
