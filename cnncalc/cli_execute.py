"""`verify` and `run`: the commands that execute the network. NumPy is imported only here,
inside the commands."""
from __future__ import annotations

import os
import sys
from typing import Any

import click

from cnncalc.cli_common import (EXIT_ERRORS, EXIT_OK, parse_size, print_diagnostics, read_spec, rounding_option,
                                stdout_console)
from cnncalc.report import Report


max_memory_option = click.option("--max-memory", default="4GiB", show_default=True, callback=parse_size,
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


@click.command()
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


@click.command()
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
