"""The executor's speed and memory.

(a) fast-path convolution against the naive path and against PyTorch's conv2d (same machine,
    same thread count) on AlexNet and VGG-16 layer shapes, at batch 1 and 8;
(b) wall time and peak memory of `cnncalc verify` on AlexNet, VGG-16 and ResNet-50 at batch 1.

Medians of repeated runs; ratios are against a baseline run in the same invocation. The naive
path (Python loops) is timed on a slice of each layer and its time per MAC extrapolated.
Run: python benchmarks/bench_executor.py [--quick]
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cnncalc import kernels  # noqa: E402

# name, H, Cin, Cout, K, stride, pad
LAYERS = [
    ("AlexNet conv1", 227, 3, 96, 11, 4, 0),
    ("AlexNet conv2", 27, 96, 256, 5, 1, 2),
    ("AlexNet conv3", 13, 256, 384, 3, 1, 1),
    ("VGG-16 conv1_2", 224, 64, 64, 3, 1, 1),
    ("VGG-16 conv3_1", 56, 128, 256, 3, 1, 1),
    ("VGG-16 conv5_1", 14, 512, 512, 3, 1, 1),
]


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def conv_section(quick: bool) -> None:
    try:
        import torch
        threads = os.cpu_count() or 1
        torch.set_num_threads(threads)
        print(f"(a) convolution, float32; PyTorch {torch.__version__} on {threads} threads; NumPy's OpenBLAS "
              f"(OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', 'unset')})")
    except ImportError:
        torch = None
        print("(a) convolution, float32; PyTorch not installed: no comparison")
    rng = np.random.default_rng(0)
    runs = 3 if quick else 7
    header = f"    {'layer':<16}{'batch':>6}{'fast ms':>10}{'naive ms (extrap.)':>20}{'torch ms':>10}{'fast/torch':>11}"
    print(header)
    for name, h, cin, cout, k, s, p in LAYERS:
        w = rng.standard_normal((cout, k, k, cin), dtype=np.float32)
        for batch in (1, 8):
            x = rng.standard_normal((batch, h, h, cin), dtype=np.float32)
            kernels.conv2d(x, w, None, (s, s), (p, p, p, p), (1, 1), 1, False)  # warm-up
            fast = median_time(partial(kernels.conv2d, x, w, None, (s, s), (p, p, p, p), (1, 1), 1, False), runs)
            # Naive: one output row of one image, extrapolated to the whole layer by MAC count.
            _, macs = kernels.conv2d(x, w, None, (s, s), (p, p, p, p), (1, 1), 1, False)
            rows_in = k + s  # enough input rows for one output row (plus a stride)
            sub = x[:1, :rows_in]
            start = time.perf_counter()
            _, naive_macs = kernels.conv2d(sub, w[:4], None, (s, s), (p, 0, p, p), (1, 1), 1, False, naive=True)
            naive = (time.perf_counter() - start) / naive_macs * macs
            theirs = ratio = "-"
            if torch is not None:
                xt = torch.from_numpy(x.transpose(0, 3, 1, 2).copy())
                wt = torch.from_numpy(w.transpose(0, 3, 1, 2).copy())
                with torch.no_grad():
                    torch.nn.functional.conv2d(xt, wt, None, s, p)  # warm-up
                    t = median_time(partial(torch.nn.functional.conv2d, xt, wt, None, s, p), runs)
                theirs, ratio = f"{t * 1000:10.1f}", f"{fast / t:10.2f}x"
            print(f"    {name:<16}{batch:>6}{fast * 1000:10.1f}{naive * 1000:20.0f}{theirs:>10}{ratio:>11}")


VERIFY = """
import sys, time
from cnncalc.analysis import prepare
from cnncalc.verify import verify
path = sys.argv[1]
start = time.perf_counter()
result = verify(prepare(open(path).read(), path))
elapsed = time.perf_counter() - start
assert result.ok
peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(f"{elapsed:.3f} {peak}")  # VmHWM (kB): this process's own peak; ru_maxrss would include the parent's
"""


def verify_section(quick: bool) -> None:
    print("(b) cnncalc verify at batch 1 (in a fresh process each run): median wall time, peak RSS")
    runs = 1 if quick else 3
    for name in ("alexnet", "vgg16", "resnet50"):
        walls, peaks = [], []
        for _ in range(runs):
            start = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", VERIFY, f"specs/{name}.spec"], cwd=ROOT, capture_output=True,
                                 text=True, check=True)
            walls.append(time.perf_counter() - start)
            peaks.append(int(out.stdout.split()[1]) / 1024)
        print(f"    {name:<10} wall {statistics.median(walls):6.2f} s   peak {statistics.median(peaks):7.0f} MiB")


if __name__ == "__main__":
    quick = "--quick" in sys.argv
    verify_section(quick)
    conv_section(quick)
