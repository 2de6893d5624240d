"""Start-up and scaling of the analysis.

(a) `cnncalc specs/alexnet.spec` wall time against `python -c "import click, rich.console"` in
    the same environment (the import floor), and whether NumPy got imported;
(b) analysis time of generated straight-line specs of 1k, 10k and 100k layers;
(c) analysis time of ResNet-152 and of generated residual networks up to 100k layers.

Medians over repeated runs; ratios against a baseline run in the same invocation, since the
machine is shared and noisy. Run: python benchmarks/bench_cli.py [--quick]
"""
from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECK_NUMPY = ("import sys, atexit; atexit.register(lambda: sys.stderr.write('numpy imported: %s\\n' % "
               "('numpy' in sys.modules))); sys.argv = ['cnncalc', 'specs/alexnet.spec']; "
               "from cnncalc.cli import main; main()")

BREAKDOWN = """
import io, time
t0 = time.perf_counter()
import click, rich.console
t1 = time.perf_counter()
import cnncalc.cli
from cnncalc.analysis import analyze_text
t2 = time.perf_counter()
report = analyze_text(open('specs/alexnet.spec').read(), 'alexnet.spec')
t3 = time.perf_counter()
from cnncalc.render.table import render_table
rich.console.Console(file=io.StringIO(), width=120).print(render_table(report))
t4 = time.perf_counter()
print(f'click+rich imports {(t1-t0)*1e3:.1f} ms, cnncalc imports {(t2-t1)*1e3:.1f} ms, '
      f'analysis {(t3-t2)*1e3:.1f} ms, table rendering {(t4-t3)*1e3:.1f} ms')
"""


def wall(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def straight_line_spec(layers: int) -> str:
    """Alternating same-size convolutions and ReLUs: every layer does real arithmetic."""
    lines = ["input 32x32x16"]
    for _i in range(layers // 2):
        lines.append("conv 16 3x3 pad 1")
        lines.append("relu")
    return "\n".join(lines) + "\n"


def residual_spec(layers: int) -> str:
    """Residual units of five layers (conv, bn, relu, conv, bn) plus the add and a relu: 7 rows each."""
    units = layers // 7
    return ("input 32x32x16\nrepeat " + str(units) +
            " { residual { conv 16 3x3 pad 1 nobias ; bn ; relu ; conv 16 3x3 pad 1 nobias ; bn } ; relu }\n")


def analysis_time(text: str, runs: int) -> float:
    from cnncalc.analysis import analyze_text
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        report = analyze_text(text, "generated.spec")
        times.append(time.perf_counter() - start)
        assert report.ok
    return statistics.median(times)


def main() -> None:
    quick = "--quick" in sys.argv
    runs = 5 if quick else 15
    # pip byte-compiles an installed package; a source checkout (or PYTHONDONTWRITEBYTECODE=1)
    # would recompile every module on every run. Measure what an installed user gets.
    compileall.compile_dir(str(ROOT / "cnncalc"), quiet=1)
    floor = wall([sys.executable, "-c", "import click, rich.console"], runs)
    ours = wall([sys.executable, "-m", "cnncalc", "specs/alexnet.spec"], runs)
    print(f"(a) start-up, median of {runs} runs")
    print(f"    python -c 'import click, rich.console'   {floor * 1000:7.1f} ms  (import floor)")
    print(f"    cnncalc specs/alexnet.spec              {ours * 1000:7.1f} ms  "
          f"({ours / floor:.2f}x the floor; our own work {max(ours - floor, 0) * 1000:.1f} ms)")
    probe = subprocess.run([sys.executable, "-c", CHECK_NUMPY], cwd=ROOT, capture_output=True, text=True)
    print(f"    {probe.stderr.strip().splitlines()[-1]}")
    split = subprocess.run([sys.executable, "-c", BREAKDOWN], cwd=ROOT, capture_output=True, text=True)
    print(f"    in one process: {split.stdout.strip()}")
    print("(b) analysis of generated straight-line specs (parse + expand + walk), in-process")
    base = None
    for layers in (1_000, 10_000, 100_000):
        text = straight_line_spec(layers)
        t = analysis_time(text, 3 if layers == 100_000 else runs)
        base = base or t / layers
        print(f"    {layers:>7,} layers  {t * 1000:9.1f} ms  {t / layers * 1e6:6.1f} µs/layer "
              f"({t / layers / base:.2f}x the 1k per-layer cost)")
    print("(c) branches: ResNet-152 and generated residual networks")
    resnet = (ROOT / "specs" / "resnet152.spec").read_text()
    t152 = analysis_time(resnet, runs)
    print(f"    ResNet-152 (specs/resnet152.spec)  {t152 * 1000:7.1f} ms")
    base = None
    from cnncalc.analysis import analyze_text
    for layers in (1_000, 10_000, 100_000):
        text = residual_spec(layers)
        rows = len(analyze_text(text, "count").rows)
        t = analysis_time(text, 3 if layers == 100_000 else runs)
        base = base or t / layers
        print(f"    ~{layers:>7,} layers ({rows:,} rows with containers)  {t * 1000:8.1f} ms  "
              f"{t / layers * 1e6:5.1f} µs/layer ({t / layers / base:.2f}x the 1k per-layer cost)")


if __name__ == "__main__":
    main()
