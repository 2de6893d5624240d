"""`cnncalc check` over 1,000 generated spec files in one run, against one `cnncalc` process per file.

Medians over repeated runs. Separate processes are timed on a sample (all 1,000 with --full)
and the median per process is multiplied out; both figures come from the same invocation.
Run: python benchmarks/bench_check.py [--quick | --full]
"""
from __future__ import annotations

import compileall
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = 1_000


def generate(directory: Path) -> list[Path]:
    """Small VGG-like networks of varied depth and width, each with expectations that hold."""
    rng = random.Random(0)
    paths = []
    for i in range(FILES):
        size, c = rng.choice([32, 64, 96, 128, 224]), 3
        lines = [f"# generated network {i}", f"input {size}x{size}x{c}"]
        for _stage in range(rng.randint(2, 4)):
            width = rng.choice([16, 32, 64])
            for _ in range(rng.randint(1, 3)):
                lines.append(f"conv {width} 3x3 pad 1 ; relu")
            size = (size + 1) // 2
            lines.append(f"maxpool 2x2 ceil  -> {size}x{size}x{width}")
        lines += ["fc 10", "expect output 10"]
        path = directory / f"net{i:04}.spec"
        path.write_text("\n".join(lines) + "\n")
        paths.append(path)
    return paths


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, cmd
    return elapsed


def main() -> None:
    quick, full = "--quick" in sys.argv, "--full" in sys.argv
    compileall.compile_dir(str(ROOT / "cnncalc"), quiet=1)  # as pip installs it
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp))
        one_run = statistics.median(timed([sys.executable, "-m", "cnncalc", "check", tmp])
                                    for _ in range(2 if quick else 5))
        sample = paths if full else paths[:: (50 if quick else 10)]
        per_process = statistics.median(timed([sys.executable, "-m", "cnncalc", str(p)]) for p in sample)
    print(f"cnncalc check over {FILES:,} generated specs, one process: {one_run:6.2f} s "
          f"(median of {2 if quick else 5} runs; {one_run / FILES * 1000:.2f} ms per spec)")
    print(f"{FILES:,} separate `cnncalc FILE` processes:            {per_process * FILES:6.2f} s "
          f"({per_process * 1000:.0f} ms each, median of {len(sample)} timed)")
    print(f"one run is {per_process * FILES / one_run:.0f}x faster")


if __name__ == "__main__":
    main()
