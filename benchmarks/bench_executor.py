"""The executor against PyTorch and against the machine's floor, on AlexNet and VGG-16.

(1) the floor: single-thread sgemm (float32 matmul, GFLOP/s) and memory bandwidth (a large copy,
    GB/s) of this machine, through NumPy's BLAS; each network's MACs divided by that rate, and a
    roofline floor that also reads every weight once from memory (per layer, the larger of its MACs
    at the sgemm rate and its weights' bytes at the bandwidth). And the floor of this BLAS on the networks'
    own products: each convolution and FC layer as one bare matmul of its shape, timed (a 13x13 output's
    product, 169 rows, runs at about half the large-matrix rate; batch 1's FC layers are matrix-vector
    products, bound by memory). The MACs are the direct convolution's
    (the report's): the floor of computing them one by one. The executor's Winograd paths (3x3 and 5x5,
    stride 1) multiply 16 times per 2x2 output tile instead of 36, 49 per 3x3 tile instead of 225, so they can
    go below that floor;
(2) one forward at batch 1, single-threaded on both sides (OPENBLAS_NUM_THREADS=1,
    torch.set_num_threads(1)), weights drawn beforehand: cnncalc's executor against the same
    network written with torch.nn (targets: >= 0.95x PyTorch's speed, within 1.25x of the floor);
(3) whole processes, default threads: `cnncalc verify specs/vgg16.spec` against a Python process
    that imports torch, builds VGG-16 and runs one forward (target: <= 0.6x).

When the environment pins OpenBLAS's kernels (OPENBLAS_CORETYPE, e.g. Haswell's AVX2 kernels on a CPU
with AVX-512), (1) and (2) run twice: as the environment says, and with OpenBLAS's own choice (the
variable removed). PyTorch's kernels do not read that variable.

Each measurement runs in a fresh process (thread settings must precede the imports); (1) and (2) go in rounds,
each measuring the floor and every forward once in turn, and the figures are medians over the rounds (3 rounds of
3 forwards with --quick, else 5 of 5); (3) alternates the two processes. Needs torch (`pip install torch==2.13.0`).
Run: python benchmarks/bench_executor.py [--quick]
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CNNCALC = str(BIN / "cnncalc") if (BIN / "cnncalc").exists() else shutil.which("cnncalc") or "cnncalc"
SINGLE = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

TORCH_MODELS = '''
import torch
from torch import nn

def alexnet():  # specs/alexnet.spec: the lecture's AlexNet (no ReLU after the convolutions, as listed)
    return nn.Sequential(
        nn.Conv2d(3, 96, 11, stride=4), nn.MaxPool2d(3, 2), nn.LocalResponseNorm(5, 1e-4, 0.75, 2.0),
        nn.Conv2d(96, 256, 5, padding=2), nn.MaxPool2d(3, 2), nn.LocalResponseNorm(5, 1e-4, 0.75, 2.0),
        nn.Conv2d(256, 384, 3, padding=1), nn.Conv2d(384, 384, 3, padding=1), nn.Conv2d(384, 256, 3, padding=1),
        nn.MaxPool2d(3, 2), nn.Flatten(),
        nn.Linear(9216, 4096), nn.ReLU(), nn.Dropout(0.5), nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(4096, 1000)).eval()

def vgg16():  # specs/vgg16.spec: configuration D
    layers, c = [], 3
    for width, convs in ((64, 2), (128, 2), (256, 3), (512, 3), (512, 3)):
        for _ in range(convs):
            layers += [nn.Conv2d(c, width, 3, padding=1), nn.ReLU()]
            c = width
        layers.append(nn.MaxPool2d(2, 2))
    return nn.Sequential(*layers, nn.Flatten(), nn.Linear(25088, 4096), nn.ReLU(), nn.Dropout(0.5),
                         nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(0.5), nn.Linear(4096, 1000),
                         nn.Softmax(dim=1)).eval()
'''

FLOOR = '''
import json, time
import numpy as np
n = 2048
a = np.random.default_rng(0).random((n, n), dtype=np.float32)
b = a.copy()
a @ b
times = []
for _ in range(5):
    t = time.perf_counter(); a @ b; times.append(time.perf_counter() - t)
gemm = 2 * n ** 3 / min(times)
src = np.ones(64 * 2 ** 20, dtype=np.float32)  # 256 MiB
dst = np.empty_like(src)
np.copyto(dst, src)
times = []
for _ in range(5):
    t = time.perf_counter(); np.copyto(dst, src); times.append(time.perf_counter() - t)
print(json.dumps({"gflops": gemm / 1e9, "gbps": 2 * src.nbytes / min(times) / 1e9}))
'''

OURS = '''
import json, sys, time
import numpy as np
from cnncalc.analysis import run as analyse
from cnncalc.executor import Executor
path, runs = sys.argv[1], int(sys.argv[2])
analysis = analyse(open(path).read(), path)[0]
drawn = {}
class Recording(Executor):  # draw the weights once, beforehand: the forward alone is timed
    def weights(self, node, x):
        out = super().weights(node, x)
        drawn.update({f"{node.path}.{k}": v for k, v in out.items()})
        return out
rng = np.random.default_rng(0)
x = rng.random((1, *analysis.report.input.dims), dtype=np.float32)
Recording(rng).run(analysis.root, x)
times = []
for _ in range(runs):
    executor = Executor(rng, weights=drawn)
    t = time.perf_counter(); executor.run(analysis.root, x); times.append(time.perf_counter() - t)
layers = [(row.macs, row.weights + row.biases + row.non_trainable) for row in analysis.report.rows
          if row.kind == "layer"]
# the BLAS floor: each convolution's and FC layer's product as one bare matmul of its own shape (output pixels x
# taps, by taps x filters, the filters read transposed as the executor reads them), fastest of three
bare = 0.0
for row in analysis.report.rows:
    if row.kind == "layer" and row.keyword in ("conv", "fc") and row.output is not None and row.macs:
        n = row.output.dims[-1]
        m = row.output.size // n
        k = row.macs // (m * n)
        a = rng.random((m, k), dtype=np.float32)
        b = rng.random((n, k), dtype=np.float32).T
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter(); a @ b; best = min(best, time.perf_counter() - t)
        bare += best
        del a, b
print(json.dumps({"seconds": times, "macs": analysis.report.totals.macs, "layers": layers, "bare": bare}))
'''

THEIRS = TORCH_MODELS + '''
import json, sys, time
torch.set_num_threads(1)
model = {"alexnet": alexnet, "vgg16": vgg16}[sys.argv[1]]()
size = 227 if sys.argv[1] == "alexnet" else 224
x = torch.rand(1, 3, size, size)
with torch.no_grad():
    model(x)
    times = []
    for _ in range(int(sys.argv[2])):
        t = time.perf_counter(); model(x); times.append(time.perf_counter() - t)
print(json.dumps({"seconds": times}))
'''

TORCH_PROCESS = TORCH_MODELS + '''
x = torch.rand(1, 3, 224, 224)
with torch.no_grad():
    vgg16()(x)
'''


def worker(code: str, *args: str, single: bool = False, unpin: bool = False) -> dict[str, Any]:
    env = {**os.environ, **(SINGLE if single else {})}
    if unpin:
        env.pop("OPENBLAS_CORETYPE", None)
    out = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    quick = "--quick" in sys.argv
    runs, rounds = (3, 3) if quick else (5, 5)
    pinned = os.environ.get("OPENBLAS_CORETYPE")
    configurations = [False, True] if pinned else [False]
    for unpin in configurations:
        kernels = ("OpenBLAS's own choice" if unpin or not pinned
                   else f"OPENBLAS_CORETYPE={pinned}, from the environment")
        # Rounds, each measuring the floor and every forward once, in turn: a burst of the machine's other work
        # falls on both sides of each ratio, not on one side's only run.
        floors: list[dict[str, Any]] = []
        ours_runs: dict[str, list[dict[str, Any]]] = {"alexnet": [], "vgg16": []}
        theirs_seconds: dict[str, list[float]] = {"alexnet": [], "vgg16": []}
        for _ in range(rounds):
            floors.append(worker(FLOOR, single=True, unpin=unpin))
            for name in ("alexnet", "vgg16"):
                theirs_seconds[name] += worker(THEIRS, name, str(runs), single=True)["seconds"]
                ours_runs[name].append(worker(OURS, str(ROOT / "specs" / f"{name}.spec"), str(runs), single=True,
                                              unpin=unpin))
        gflops = statistics.median(float(f["gflops"]) for f in floors)
        gbps = statistics.median(float(f["gbps"]) for f in floors)
        print(f"(1) this machine, one thread, {kernels}: sgemm {gflops:.1f} GFLOP/s, memory bandwidth {gbps:.1f} GB/s "
              f"(medians of {rounds} rounds)")
        print(f"(2) one forward at batch 1, one thread, weights drawn beforehand (medians of {rounds} interleaved "
              f"rounds of {runs}), {kernels}")
        for name in ("alexnet", "vgg16"):
            ours = ours_runs[name][0]
            t_ours = statistics.median(t for run in ours_runs[name] for t in run["seconds"])
            t_theirs = statistics.median(theirs_seconds[name])
            macs = int(ours["macs"])
            t_floor = 2 * macs / (gflops * 1e9)
            t_roof = sum(max(2 * m / (gflops * 1e9), 4 * p / (gbps * 1e9)) for m, p in ours["layers"])
            print(f"    {name:<8} cnncalc {t_ours * 1000:7.1f} ms   PyTorch {t_theirs * 1000:7.1f} ms   "
                  f"speed {t_theirs / t_ours:.2f}x PyTorch's (target >= 0.95)")
            print(f"             floor ({macs / 1e9:.2f} G MACs at the sgemm rate) {t_floor * 1000:6.1f} ms: cnncalc "
                  f"{t_ours / t_floor:.2f}x, PyTorch {t_theirs / t_floor:.2f}x (target <= 1.25); roofline (weights "
                  f"read once too) {t_roof * 1000:6.1f} ms: cnncalc {t_ours / t_roof:.2f}x, "
                  f"PyTorch {t_theirs / t_roof:.2f}x; the roofline itself is {t_roof / t_floor:.2f}x the MACs-only "
                  f"floor")
            t_bare = statistics.median(float(run["bare"]) for run in ours_runs[name])
            print(f"             the same products as bare matmuls of their own shapes (this BLAS's floor for them) "
                  f"{t_bare * 1000:6.1f} ms: cnncalc {t_ours / t_bare:.2f}x, PyTorch {t_theirs / t_bare:.2f}x; the "
                  f"shapes run at {2 * macs / t_bare / 1e9:.1f} GFLOP/s, not {gflops:.1f}")
    print("(3) whole processes, default threads: verify VGG-16 against a torch process building and running it")
    verify_times, torch_times = [], []
    for _ in range(max(runs // 2, 2)):
        verify_times.append(wall([CNNCALC, "verify", str(ROOT / "specs" / "vgg16.spec")]))
        torch_times.append(wall([sys.executable, "-c", TORCH_PROCESS]))
    v, t = statistics.median(verify_times), statistics.median(torch_times)
    print(f"    cnncalc verify specs/vgg16.spec {v:5.2f} s   torch process {t:5.2f} s   "
          f"ratio {v / t:.2f} (target <= 0.6)")


if __name__ == "__main__":
    main()
