"""Start-up and scale of the command line, against anchors measured in the same run.

(1) start-up: `cnncalc specs/alexnet.spec` (table; a bare FILE, alone or with `--format F`, runs without
    click) against `python -c "import click, rich"`, the JSON form against `python -c "import click"`,
    `--version` and `--help` against `import click`, and the interpreter alone (`python -c pass`);
(2) scale: 100,000-layer specs (a chain of `conv 8 3x3 pad 1 ; relu` lines, a residual form and a
    `repeat` form): analysis in process (the call, its result held; freeing the result is shown
    apart), and through the command line as JSON, CSV and the table,
    with each run's peak memory; ResNet-152's table against its JSON; and the cost per layer against
    a minimal calculator (benchmarks/minimal_calculator.py) reading the same chain, both timed in
    this process the same way.

Runs are interleaved (A B A B ...) and medians compared, since the machine is shared and noisy. The
commands run from the environment of the Python running this script (install cnncalc there with
`pip install .` to measure what a user gets). Run: python benchmarks/bench_cli.py [--quick] [--startup]
(--startup: part (1) alone)
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CNNCALC = str(BIN / "cnncalc") if (BIN / "cnncalc").exists() else shutil.which("cnncalc") or "cnncalc"


def run_once(cmd: list[str]) -> tuple[float, int]:
    """Wall time (s) and peak resident memory (KiB) of one run of a command."""
    start = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    took = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return took, usage.ru_maxrss


def interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, int]]:
    """Median wall time and largest peak memory of each command, the commands taking turns."""
    times: dict[str, list[float]] = {k: [] for k in commands}
    peaks: dict[str, int] = dict.fromkeys(commands, 0)
    for _ in range(runs):
        for key, cmd in commands.items():
            took, peak = run_once(cmd)
            times[key].append(took)
            peaks[key] = max(peaks[key], peak)
    return {k: (statistics.median(v), peaks[k]) for k, v in times.items()}


def in_process(function: object, runs: int) -> float:
    return in_process_and_freeing(function, runs)[0]


def in_process_and_freeing(function: object, runs: int) -> tuple[float, float]:
    """Medians of the call (its result held until the clock stops) and of freeing the result afterwards,
    which the caller pays when it drops the report (the command line skips it: it ends with os._exit)."""
    times, frees = [], []
    for _ in range(runs):
        start = time.perf_counter()
        result = function()  # type: ignore[operator]
        stop = time.perf_counter()
        del result
        frees.append(time.perf_counter() - stop)
        times.append(stop - start)
    return statistics.median(times), statistics.median(frees)


def chain_spec(layers: int) -> str:
    return "input 64x64x8\n" + "conv 8 3x3 pad 1 ; relu\n" * (layers // 2)


def residual_spec(layers: int) -> str:
    """Units of two convolutions and two ReLUs around an identity shortcut, a line each."""
    return "input 64x64x8\n" + "residual { conv 8 3x3 pad 1 ; relu ; conv 8 3x3 pad 1 ; relu }\n" * (layers // 4)


def repeat_spec(layers: int) -> str:
    return f"input 64x64x8\nrepeat {layers // 2} {{ conv 8 3x3 pad 1 ; relu }}\n"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> None:
    quick = "--quick" in sys.argv
    runs = 7 if quick else 21
    python = sys.executable
    alexnet = str(ROOT / "specs" / "alexnet.spec")
    print(f"cnncalc: {CNNCALC}; medians of {runs} interleaved runs")

    print("(1) start-up")
    r = interleaved({
        "python": [python, "-c", "pass"],
        "click+rich": [python, "-c", "import click, rich"],
        "click": [python, "-c", "import click"],
        "table": [CNNCALC, alexnet],
        "json": [CNNCALC, alexnet, "--format", "json"],
        "version": [CNNCALC, "--version"],
        "help": [CNNCALC, "--help"],
    }, runs)
    for key, anchor, target in (("table", "click+rich", 1.25), ("json", "click", 1.25),
                                ("version", "click", 1.2), ("help", "click", 1.2)):
        ratio = r[key][0] / r[anchor][0]
        print(f"    {key:<8} {ms(r[key][0])}   anchor `import {anchor.replace('+', ', ')}` {ms(r[anchor][0])}   "
              f"ratio {ratio:.2f} (target <= {target})")
    print(f"    the whole AlexNet summary: {ms(r['table'][0])} (target < 70 ms); the interpreter alone "
          f"(`python -c pass`) {ms(r['python'][0])}")
    if "--startup" in sys.argv:
        return

    print("(2) scale: 100,000 layers")
    from cnncalc.analysis import run as analyse
    layers = 100_000
    with tempfile.TemporaryDirectory() as tmp:
        specs = {}
        for form, make in (("chain", chain_spec), ("residual", residual_spec), ("repeat", repeat_spec)):
            path = Path(tmp) / f"{form}.spec"
            path.write_text(make(layers))
            specs[form] = path
        cli_runs = 3 if quick else 5
        for form, path in specs.items():
            text = path.read_text()
            reports = analyse(text, path.name)
            rows = sum(len(a.report.rows) for a in reports)
            del reports
            t, freeing = in_process_and_freeing(lambda text=text, name=path.name: analyse(text, name),
                                                3 if quick else 5)
            print(f"    {form:<9} {rows:,} rows; in process {ms(t)} (target <= 1 s); freeing the result afterwards "
                  f"{ms(freeing)}")
            cli = interleaved({fmt: [CNNCALC, str(path), "--format", fmt] for fmt in ("json", "csv", "table")},
                              cli_runs)
            for fmt, (took, peak) in cli.items():
                print(f"              {fmt:<6} through the command line {ms(took)}, peak {peak / 1024:5.0f} MiB"
                      + ("  (targets <= 2 s, <= 250 MiB)" if fmt == "json" else ""))
        baseline = in_process(lambda: subprocess.run(
            [python, str(ROOT / "benchmarks" / "minimal_calculator.py"), str(specs["chain"])],
            check=True, stdout=subprocess.DEVNULL), cli_runs)
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from minimal_calculator import calculate
        # Both in this process, both reading the file each time, runs alternating (the machine's speed drifts
        # over a minute), medians of the same number of runs.
        pairs = [(in_process(lambda: calculate(specs["chain"].read_text()), 1),
                  in_process(lambda: analyse(specs["chain"].read_text(), "chain.spec"), 1))
                 for _ in range(5 if quick else 9)]
        minimal, ours = (statistics.median(times) for times in zip(*pairs))
        print(f"    per layer: cnncalc {ours / layers * 1e6:.2f} µs, the minimal calculator "
              f"{minimal / layers * 1e6:.2f} µs in process ({baseline * 1000:.0f} ms as a process); "
              f"ratio {ours / minimal:.1f} (target <= 5)")

    resnet = str(ROOT / "specs" / "resnet152.spec")
    # Both written with `--format` (both run without click: commands.plain_summary), the same way.
    r = interleaved({"table": [CNNCALC, resnet, "--format", "table"], "json": [CNNCALC, resnet, "--format", "json"]},
                    runs)
    print(f"    ResNet-152: table {ms(r['table'][0])}, JSON {ms(r['json'][0])}, "
          f"ratio {r['table'][0] / r['json'][0]:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
