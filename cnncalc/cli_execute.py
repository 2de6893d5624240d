"""`verify` and `run`: the commands that execute the network. NumPy is imported only here,
inside the commands."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from cnncalc.cli_common import (
    Command,
    FilePath,
    UsageError,
    Whole,
    check_stdin_once,
    input_option,
    input_size_option,
    lang_option,
    load,
    model_option,
    positive_count,
    rounding_option,
)
from cnncalc.commands import EXIT_ERRORS, EXIT_OK, print_diagnostics, settings
from cnncalc.limits import MAX_BATCH, MAX_TREE_DEPTH

if TYPE_CHECKING:
    from cnncalc.report import Report

max_memory_option = click.option("--max-memory", default="4GiB", show_default=True, metavar="SIZE",
                                 callback=positive_count("size in bytes", binary=True),
                                 help="Refuse to run a network whose estimated peak memory is larger (bytes; 4GiB).")


def check_memory(analysis: Any, batch: int, itemsize: int, limit: int, given: int = 0) -> None:
    """Refuse before allocating anything when the run's accounted peak would pass the limit."""
    from cnncalc.render.rows import human_bytes
    from cnncalc.verify import memory_estimate
    report = analysis.report
    need = memory_estimate(analysis, batch, itemsize, given)
    if need > limit:
        raise UsageError(f"{report.source.name}: running {report.name} at batch {batch} needs about "
                         f"{human_bytes(need)}, more than --max-memory {human_bytes(limit)}; raise the limit or lower "
                         f"the batch")


@click.command(cls=Command)
@click.argument("files", nargs=-1, required=True, metavar="FILE...", type=FilePath())
@click.option("--batch", type=Whole(1, MAX_BATCH), default=1, show_default=True,
              help="Images per forward pass.")
@click.option("--seed", type=Whole(0, 2**63 - 1), default=0, show_default=True,
              help="Seed of the random input and weights.")
@click.option("--naive", is_flag=True, help="Use the loop-per-window kernels (slow; for small networks).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--depth", type=Whole(1, MAX_TREE_DEPTH), default=None, metavar="N", help="Show rows down to depth N.")
@max_memory_option
@rounding_option
@lang_option
@input_option
@model_option
def verify(files: tuple[str, ...], batch: int, seed: int, naive: bool, fmt: str, depth: int | None,
           max_memory: int, rounding: str | None, lang: str, size: tuple[int, ...] | None,
           model: str | None) -> None:
    """Run each network on seeded random arrays and check the walker's numbers.

    For every row, the shape, parameter count and MACs derived from the formulas are compared
    with the executor's: the arrays it produced, the weights it allocated, the multiply-accumulates
    it performed. Any disagreement is an E9xx diagnostic (a bug in cnncalc) and exit 1; so is
    NaN or Inf in an output.
    """
    from cnncalc.render.output import Output
    from cnncalc.render.verify import render_verification, verification_document
    from cnncalc.verify import verify as run_verify
    check_stdin_once(files)
    out = Output()
    documents = []
    failed = False
    analyses = load(list(files), settings(rounding, lang, size=size, model=model))
    for analysis in analyses:
        report = analysis.report
        if not report.ok:
            print_diagnostics([report], out)
            out.error(f"{report.source.name}: {report.name} not verified: it has errors")
            failed = True
            documents.append({"file": report.source.name, "network": report.network, "ok": False,
                              "verified": False, "layers": []})
            continue
        check_memory(analysis, batch, 4, max_memory)
    from cnncalc.executor import Budget, MemoryRefused
    for analysis in analyses:
        report = analysis.report
        if not report.ok:
            continue
        try:
            with _Progress(report, out) as on_layer:
                result = run_verify(analysis, batch, seed, naive, on_layer, Budget(max_memory))
        except MemoryRefused as e:
            raise UsageError(f"{report.source.name}: {e}; raise --max-memory or lower the batch") from None
        failed = failed or not result.ok
        if fmt == "json":
            documents.append(verification_document(report, result))
            continue
        from cnncalc.render.diagnostics import render_diagnostic
        for d in result.diagnostics:
            out.error(render_diagnostic(d, report.source, out.err_color))
        out.lines(render_verification(report, result, depth, out.width, out.color))
    if fmt == "json":
        import json
        out.write(json.dumps({"networks": documents}, indent=2))
    sys.exit(EXIT_ERRORS if failed else EXIT_OK)


class _Progress:
    """A rich progress bar on a terminal, shown only once a run takes more than half a second."""

    def __init__(self, report: Report, out: Any) -> None:
        self.total = sum(1 for r in report.rows if r.kind == "layer")
        self.name = report.name
        self.tty = out.err_color or out.err.isatty()
        self.bar: Any = None

    def __enter__(self) -> Any:
        import time
        self.start = time.monotonic()
        self.done = 0

        def on_layer(path: str) -> None:
            self.done += 1
            if self.bar is None and self.tty and time.monotonic() - self.start > 0.5:
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


@click.command(cls=Command)
@click.argument("file", metavar="FILE", type=FilePath())
@click.option("--input", "input_path", required=True, metavar="X", type=FilePath(),
              help="The input volume: .npy, .npz or .json (H, W, C), (N, H, W, C) or {\"slices\": [...]}.")
@click.option("--weights", "weights_path", metavar="W", type=FilePath(),
              help="Weights keyed PATH.weight, PATH.bias, ...: .npz or .json.")
@click.option("--output", "output_path", metavar="OUT", type=FilePath(),
              help="Write the output to a .npy or .json file.")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
@click.option("--seed", type=Whole(0, 2**63 - 1), default=0, show_default=True,
              help="Seed of the weights not given.")
@max_memory_option
@rounding_option
@lang_option
@input_size_option
@model_option
def run(file: str, input_path: str, weights_path: str | None, output_path: str | None, force: bool, seed: int,
        max_memory: int, rounding: str | None, lang: str, size: tuple[int, ...] | None, model: str | None) -> None:
    """Compute the network's exact output for a given input (float64).

    Without --output, the output volume is printed as depth slices o[:,:,0], o[:,:,1], ...
    Weights not given are seeded random, and the command says which. Layouts: docs/executor.md.
    """
    if output_path is not None:
        from cnncalc.files import OutputError, check_output
        try:
            check_output(output_path, force, (file, input_path) + ((weights_path,) if weights_path else ()))
        except OutputError as e:
            raise UsageError(str(e)) from None
        if not output_path.lower().endswith((".npy", ".json")):
            raise UsageError(f"{output_path}: the output must be a .npy or .json file")
    import numpy as np

    from cnncalc.arrays import ArrayError, load_input, load_weights, write_output
    from cnncalc.executor import Budget, Executor, MemoryRefused, WeightError
    from cnncalc.render.output import Output
    from cnncalc.render.verify import render_volume
    out = Output()
    analyses = load([file], settings(rounding, lang, size=size, model=model))
    analysis = analyses[0]
    report = analysis.report
    if not report.ok:
        print_diagnostics([report], out)
        out.error(f"{report.source.name}: not run: the network has errors")
        sys.exit(EXIT_ERRORS)
    try:
        assert report.input is not None
        x = load_input(input_path, report.input.dims)
        weights = load_weights(weights_path) if weights_path else {}
        _check_weight_keys(weights, analysis.root)
        given = sum(a.size for a in weights.values()) * 8
        check_memory(analysis, x.shape[0], 8, max_memory, given)
        executor = Executor(np.random.default_rng(seed), np.float64, weights, budget=Budget(max_memory))
        y = executor.run(analysis.root, x)
        if executor.random_weights:
            out.error(f"note: no weights given for {', '.join(executor.random_weights)}: seeded random (seed {seed})")
        if output_path:
            write_output(output_path, y, force)
            shown = "x".join(map(str, y.shape[1:] if y.shape[0] == 1 else y.shape))
            out.error(f"wrote {output_path}: shape {shown}")
        else:
            out.lines(render_volume(y))
    except (ArrayError, WeightError, MemoryRefused) as e:
        raise UsageError(str(e)) from None
    sys.exit(EXIT_OK)


def _check_weight_keys(weights: dict[str, Any], root: Any) -> None:
    """Every given key must name a weight of some layer: a typo must not silently become random weights."""
    from cnncalc.arrays import ArrayError
    from cnncalc.executor import weight_keys
    from cnncalc.suggest import did_you_mean
    valid = weight_keys(root)
    for key in weights:
        if key not in valid:
            hint = did_you_mean(key, sorted(valid)) or "keys are PATH.weight, PATH.bias, PATH.gamma, PATH.beta, " \
                                                       "PATH.mean, PATH.var, with the paths of `cnncalc FILE`"
            raise ArrayError(f"the weights name `{key}`, which is no layer's weight; {hint}")
