"""The analysis's cost in instructions, counted by valgrind (callgrind): figures that do not move
with the machine's load, for comparing two versions of the code on a shared machine, where the
same timed run varies by half (benchmarks/bench_cli.py's medians are the wall-clock figures).

Each workload is analysed in process once and twice; the difference is one pass, without the
interpreter's start-up and imports. Workloads: a chain of `conv 8 3x3 pad 1 ; relu` lines, the
residual form, the `repeat` form (as bench_cli.py writes them, 2,000 layers each), the shipped
library (specs/*.spec, once each), and the minimal calculator (benchmarks/minimal_calculator.py) on
the chain: cnncalc's instructions per layer against the least a calculator does, the per-layer
ratio of benchmarks/bench_cli.py without the noise. Instructions are not time (a cache miss costs
more than an add), so the wall-clock figures stay the targets' measure.

Run: python benchmarks/bench_instructions.py [--against REV]   (REV: a git revision to compare with,
measured in a temporary worktree; needs valgrind and git)
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = 2_000
CNNCALC_WORKLOADS = ("chain", "residual", "repeat", "library")


def workload(name: str) -> list[tuple[str, str]]:
    """(file name, text) pairs analysed by one pass."""
    if name in ("chain", "minimal"):
        return [("chain.spec", "input 64x64x8\n" + "conv 8 3x3 pad 1 ; relu\n" * (LAYERS // 2))]
    if name == "residual":
        return [("residual.spec", "input 64x64x8\n"
                 + "residual { conv 8 3x3 pad 1 ; relu ; conv 8 3x3 pad 1 ; relu }\n" * (LAYERS // 4))]
    if name == "repeat":
        return [("repeat.spec", f"input 64x64x8\nrepeat {LAYERS // 2} {{ conv 8 3x3 pad 1 ; relu }}\n")]
    return [(str(path), path.read_text(encoding="utf-8")) for path in sorted((ROOT / "specs").glob("*.spec"))]


def drive(tree: str, name: str, passes: int) -> None:
    """What runs under valgrind: `passes` passes of a workload with the code in `tree`."""
    sys.path.insert(0, tree)
    texts = workload(name)
    if name == "minimal":  # the calculator of this checkout, whatever the tree
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from minimal_calculator import calculate
        for _ in range(passes):
            for _, text in texts:
                calculate(text)
        return
    from cnncalc.analysis import run
    for _ in range(passes):
        for file_name, text in texts:
            run(text, file_name)


def count(tree: str, name: str, passes: int) -> int:
    """Instructions of a whole run (start-up included), as callgrind counts them."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # the same hashes, the same dict layouts: the same count
    result = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                             __file__, "--drive", tree, name, str(passes)],
                            capture_output=True, text=True, env=env, check=False)
    found = re.search(r"Collected : ([0-9]+)", result.stderr)
    if result.returncode != 0 or found is None:
        raise SystemExit(f"valgrind failed on {name}:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def per_pass(tree: str, names: tuple[str, ...]) -> dict[str, int]:
    """One pass of each workload: two runs' difference (two passes less one), two runs at a time."""
    jobs = [(name, passes) for name in names for passes in (1, 2)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        counts = dict(zip(jobs, pool.map(lambda job: count(tree, *job), jobs)))
    return {name: counts[name, 2] - counts[name, 1] for name in names}


def worktree(revision: str, into: str) -> str:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", into, revision], check=True)
    return into


def report(label: str, figures: dict[str, int], minimal: int) -> None:
    layers = {"chain": LAYERS, "residual": LAYERS, "repeat": LAYERS}
    print(f"{label}")
    for name, instructions in figures.items():
        each = f"   {instructions / layers[name]:9,.0f} per layer" if name in layers else ""
        print(f"    {name:<9} {instructions / 1e6:9.1f} M instructions a pass{each}")
    if "chain" in figures:
        print(f"    per layer: the chain {figures['chain'] / minimal:.1f}x the minimal calculator's "
              f"{minimal / LAYERS:,.0f} (target <= 5 in time)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", metavar="REV", help="also measure this git revision, and the ratios")
    parser.add_argument("--only", metavar="NAMES", help="these workloads (comma-separated: " +
                        ", ".join(CNNCALC_WORKLOADS) + ")")
    parser.add_argument("--drive", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.drive:
        drive(args.drive[0], args.drive[1], int(args.drive[2]))
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("bench_instructions.py needs valgrind (Debian: apt install valgrind)")
    names = tuple(args.only.split(",")) if args.only else CNNCALC_WORKLOADS
    if not set(names) <= set(CNNCALC_WORKLOADS):
        parser.error(f"--only takes {', '.join(CNNCALC_WORKLOADS)}")
    now = per_pass(str(ROOT), (*names, "minimal"))
    minimal = now.pop("minimal")
    report(f"instructions per pass, counted by callgrind ({ROOT})", now, minimal)
    if args.against:
        with tempfile.TemporaryDirectory() as scratch:
            tree = worktree(args.against, str(Path(scratch) / "tree"))
            try:
                before = per_pass(tree, names)
            finally:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", tree], check=False)
        report(f"at {args.against}", before, minimal)
        print(f"now against {args.against}: " + ", ".join(f"{name} {now[name] / before[name]:.3f}"
                                                          for name in names))


if __name__ == "__main__":
    main()
