"""Real arrays through the network: an independent witness of the walker's numbers.

The executor walks the resolved tree with NumPy arrays. It never calls the walker or the shape
formulas: an output's shape is whatever the arithmetic on the arrays produced, a parameter count
is the size of the weight arrays it allocated, and a MAC count is what the kernels counted while
computing. Merges use their kind's executor op; `@NAME` branches read arrays kept for them; a layer
that `shares` another's weights runs with that layer's arrays, which must fit it, and allocates none.
"""
from __future__ import annotations

import functools
from collections.abc import Callable

import numpy as np

from cnncalc.layers.base import NON_TRAINABLE
from cnncalc.record import NamedTuple
from cnncalc.tree import LayerNode, MergeNode, Node, SeqNode, nodes, reference_counts


class NodeResult(NamedTuple):
    """What running one node showed, per image."""

    shape: tuple[int, ...]
    params: int
    non_trainable: int
    macs: float  # per image (inference and training-only heads together); not whole only if a kernel miscounted
    finite: bool


class WeightError(Exception):
    """A given weight array does not fit the layer: the message names it, expected vs given."""


class MemoryRefused(Exception):
    """An allocation would take the run past its memory limit; it was refused before it happened."""


class Budget:
    """The memory a run may use. `held` is what the executor holds (the current arrays, kept outputs,
    given weights); a layer's weights and workspace are checked on top of it before the layer runs."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.held = 0
        self.peak = 0  # the largest total checked

    def check(self, extra: int, what: str) -> None:
        total = self.held + extra
        if total > self.limit:
            raise MemoryRefused(f"{what} needs {_mib(extra)} while {_mib(self.held)} is held: {_mib(total)}, "
                                f"over the limit of {_mib(self.limit)}")
        self.peak = max(self.peak, total)


# glibc's malloc parameters (mallopt): arrays up to REUSED_ARRAY_BYTES come from its heap, which keeps up to
# KEPT_FREE_BYTES freed at its top (`_reuse_freed_memory`)
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
REUSED_ARRAY_BYTES, KEPT_FREE_BYTES = 32 * 2**20, 128 * 2**20


@functools.cache
def _reuse_freed_memory() -> None:
    """Ask glibc's malloc to keep what a layer frees for the next layers' arrays. A forward allocates and frees the
    same sizes layer after layer; by default glibc hands the top of its heap back to the system past a threshold
    that follows the largest array freed so far, and every forward faulted those pages in again: with AlexNet's
    Winograd filters made one by one (kernels.py), 3,258 page faults a forward and a fifth of its time here, none
    with these settings. Memory then held but not in use is at most KEPT_FREE_BYTES. With another C library
    (macOS, musl) nothing changes."""
    import os
    try:
        if not os.confstr("CS_GNU_LIBC_VERSION"):
            return
        import ctypes
        mallopt = ctypes.CDLL(None).mallopt  # the process's own C library
    except (ValueError, OSError, AttributeError):  # no such name here: not glibc
        return
    mallopt(M_MMAP_THRESHOLD, REUSED_ARRAY_BYTES)
    mallopt(M_TRIM_THRESHOLD, KEPT_FREE_BYTES)


def _mib(n: int) -> str:
    return f"{n / 2**20:,.1f} MiB"


Sums = tuple[int, int, float]  # params, non-trainable, MACs


class Executor:
    def __init__(self, rng: np.random.Generator, dtype: type = np.float32,
                 weights: dict[str, np.ndarray] | None = None, naive: bool = False,
                 on_layer: Callable[[str], None] | None = None, budget: Budget | None = None) -> None:
        _reuse_freed_memory()
        self.rng = rng
        self.dtype = dtype
        self.given = weights or {}
        self.naive = naive
        self.on_layer = on_layer
        self.budget = budget or Budget(2**62)
        self.itemsize = np.dtype(dtype).itemsize
        self.results: dict[str, NodeResult] = {}
        self.kept: dict[int, np.ndarray] = {}  # outputs read later by `@NAME` branches
        self.readers: dict[int, int] = {}  # how many of those branches are still to start, per kept node
        self.random_weights: list[str] = []  # layers whose weights were generated
        self.outputs: dict[str, np.ndarray] = {}  # side heads' outputs
        self.shared: dict[int, dict[str, np.ndarray]] = {}  # the arrays of the layers others share, by node id
        self.sharing: set[int] = set()  # those layers' node ids

    def run(self, root: SeqNode, x: np.ndarray) -> np.ndarray:
        """The network's output.

        Memory is accounted as it is held: each node takes its input in a one-element list (a box) and
        empties it, so no frame keeps an array it has passed on; it returns its output, counted in
        `budget.held` in place of its input. The caller's own `x` stays held for the whole run."""
        self.budget.held += 2 * x.nbytes + sum(np.asarray(a).nbytes for a in self.given.values())
        self.readers = reference_counts(root)
        self.sharing = {id(n.shares) for n in nodes(root) if isinstance(n, LayerNode) and n.shares is not None}
        y, _ = self.seq(root, [x], record=False)
        return y

    # ---- nodes -----------------------------------------------------------------------

    def node(self, node: Node, box: list[np.ndarray]) -> tuple[np.ndarray, Sums]:
        if isinstance(node, LayerNode):
            y, sums = self.layer(node, box)
        elif isinstance(node, MergeNode):
            y, sums = self.merge(node, box)
        elif node.kind == "side":
            y = box[0]
            self.budget.held += y.nbytes  # the head's own handle on the input; the trunk keeps it too
            head, sums = self.seq(node, [y])
            self.outputs[node.path] = head  # an output: held to the end
        else:
            y, sums = self.seq(node, box)
        if node.keep:
            self.kept[id(node)] = y
            self.budget.held += y.nbytes  # read later by `@NAME` branches: held until the last of them starts
        return y, sums

    def layer(self, node: LayerNode, box: list[np.ndarray]) -> tuple[np.ndarray, Sums]:
        assert node.layer is not None, "run only networks that analysed without errors"
        x = box.pop()
        layer = node.layer if node.to is None else node.layer.widest()  # (`to @NAME`: cropped to NAME's size below)
        new_weights = 0 if node.shares is not None else \
            sum(_size(shape) for name, shape in layer.weight_shapes(x.shape[1:]).items()
                if f"{node.path}.{name}" not in self.given) * self.itemsize
        workspace = 0 if self.naive else layer.workspace(x.shape, node.rounding.ceil, self.itemsize)
        self.budget.check(new_weights + workspace, f"{node.path} ({node.keyword})")
        weights = self.weights(node, x.shape[1:]) if node.shares is None else self.borrowed(node, x.shape[1:])
        y, macs = layer.run(x, weights, node.rounding.ceil, self.naive)
        if node.to is not None:
            y = self.cropped_to(node, y)
        y = y.astype(self.dtype, copy=False)
        self.budget.held += y.nbytes - x.nbytes
        if id(node) in self.sharing:  # held to the end: layers after it run with these arrays
            self.shared[id(node)] = weights
            self.budget.held += sum(a.nbytes for a in weights.values())
        # the arrays this layer allocated (none when it borrows another's)
        params = sum(a.size for name, a in weights.items() if name not in NON_TRAINABLE) if node.shares is None else 0
        fixed = sum(a.size for name, a in weights.items() if name in NON_TRAINABLE) if node.shares is None else 0
        per_image = macs / x.shape[0]
        del x, weights
        self.record(node.path, y, (params, fixed, per_image))
        if self.on_layer is not None:
            self.on_layer(node.path)
        return y, (params, fixed, per_image)

    def cropped_to(self, node: LayerNode, y: np.ndarray) -> np.ndarray:
        """`deconv … to @NAME`: the output with the most output padding, its first rows and columns as many as
        NAME's kept output has (the rows an output padding adds are the last); that output let go after its last
        reader. MACs are the input's, whatever the output padding."""
        assert node.to is not None
        key = id(node.to)
        target = self.kept[key]
        self.readers[key] -= 1
        if not self.readers[key]:
            del self.kept[key]
            self.budget.held -= target.nbytes
        h, w = target.shape[1:3]  # (a size beyond the output leaves it shorter: verify then says the shapes differ)
        return np.ascontiguousarray(y[:, :h, :w])

    def seq(self, node: SeqNode, box: list[np.ndarray], record: bool = True) -> tuple[np.ndarray, Sums]:
        if node.ref is not None:
            key = id(node.ref)
            kept = self.kept[key]
            self.readers[key] -= 1
            if self.readers[key]:
                self.budget.held += kept.nbytes - box.pop().nbytes  # the branch starts from the kept array instead
            else:  # the last reader: the kept handle becomes the branch's own
                del self.kept[key]
                self.budget.held -= box.pop().nbytes
            box = [kept]
        params = fixed = 0
        macs = 0.0
        for child in node.children:
            y, (p, f, m) = self.node(child, box)
            box = [y]
            del y
            params, fixed, macs = params + p, fixed + f, macs + m
        y = box.pop()
        if record:
            # the last child's own output (not a side head's: the trunk goes on with its input), checked as it was
            last = node.children[-1] if node.children else None
            same = last is not None and not (isinstance(last, SeqNode) and last.kind == "side")
            self.record(node.path, y, (params, fixed, macs), self.results[last.path].finite if same and last else None)
        return y, (params, fixed, macs)

    def merge(self, node: MergeNode, box: list[np.ndarray]) -> tuple[np.ndarray, Sums]:
        x = box.pop()  # held by the merge until the join: every branch starts from it
        parts = node.kind.split(x, len(node.branches))
        outs = []
        params = fixed = 0
        macs = 0.0
        for i, branch in enumerate(node.branches):
            self.budget.held += parts[i].nbytes  # the branch's handle on its input
            y, (p, f, m) = self.seq(branch, [parts[i]])
            outs.append(y)
            del y
            params, fixed, macs = params + p, fixed + f, macs + m
        del parts
        self.budget.check(node.kind.workspace([o.shape for o in outs], self.itemsize), f"{node.path} ({node.keyword})")
        y = node.kind.run(outs)
        self.budget.held += y.nbytes - sum(o.nbytes for o in outs) - x.nbytes
        del outs, x
        self.record(node.join_path, y, (0, 0, 0.0))
        self.record(node.path, y, (params, fixed, macs), self.results[node.join_path].finite)
        return y, (params, fixed, macs)

    def record(self, path: str, y: np.ndarray, sums: Sums, finite: bool | None = None) -> None:
        """A node's result; `finite` when it was checked for the same array just before (a container's output is its
        last child's: two more passes over each output of a nested network)."""
        if finite is None:  # max and min propagate NaN and are ±inf when any value is: no mask of y's size
            finite = bool(y.size == 0 or (np.isfinite(y.max()) and np.isfinite(y.min())))
        self.results[path] = NodeResult(tuple(y.shape[1:]), sums[0], sums[1], sums[2], finite)

    # ---- weights ---------------------------------------------------------------------

    def weights(self, node: LayerNode, x: tuple[int, ...]) -> dict[str, np.ndarray]:
        """The given arrays for this layer, checked against its layout, or seeded random ones."""
        assert node.layer is not None
        shapes = node.layer.weight_shapes(x)
        out: dict[str, np.ndarray] = {}
        generated = False
        for name, shape in shapes.items():
            key = f"{node.path}.{name}"
            if key in self.given:
                given: np.ndarray = np.asarray(self.given[key], dtype=self.dtype)
                if given.shape != shape:
                    raise WeightError(f"`{key}` has shape {_dims(given.shape)}, but {node.keyword} needs {_dims(shape)}"
                                      f" ({_layout(node.keyword, name)})")
                out[name] = given
            else:
                out[name] = self.random(name, shape, name in node.layer.read_transposed)
                generated = True
        if generated:
            if any(f"{node.path}.{name}" in self.given for name in shapes):
                missing = [f"{node.path}.{n}" for n in shapes if f"{node.path}.{n}" not in self.given]
                raise WeightError(f"weights for `{node.path}` are incomplete: {', '.join(missing)} not given")
            self.random_weights.append(node.path)
        return out

    def borrowed(self, node: LayerNode, x: tuple[int, ...]) -> dict[str, np.ndarray]:
        """The arrays of the layer whose weights `node` shares (`shares NAME`), checked against the shapes its own
        input asks for."""
        assert node.layer is not None and node.shares is not None
        arrays = self.shared[id(node.shares)]
        wanted = node.layer.weight_shapes(x)
        have = {name: tuple(a.shape) for name, a in arrays.items()}
        if have != wanted:
            raise WeightError(f"`{node.path}` shares the weights of `{node.shares.path}`, of shapes {have}, but its "
                              f"input asks for {wanted}")
        return arrays

    def random(self, name: str, shape: tuple[int, ...], first_axis_last: bool) -> np.ndarray:
        """He-uniform weights (variance 2/fan-in) keep activations finite through deep networks; uniform
        draws cost a fifth of normal ones (docs/executor.md). `first_axis_last`: the same shape, its first
        axis last in memory (Layer.read_transposed)."""
        previous = _HUGE_PAGES(False) if _HUGE_PAGES is not None else None
        try:
            values: np.ndarray = np.moveaxis(self.rng.random(shape[1:] + shape[:1], dtype=self.dtype), -1, 0) \
                if first_axis_last else self.rng.random(shape, dtype=self.dtype)
        finally:
            if _HUGE_PAGES is not None and previous is not None:
                _HUGE_PAGES(previous)
        if name == "weight":
            fan_in = max(1, int(np.prod(shape[1:])))
            bound = float(np.sqrt(6.0 / fan_in))
            values *= 2 * bound
            values -= bound
        elif name in ("gamma", "var"):
            values *= 0.2
            values += 0.9
        else:
            values -= 0.5
            values *= 0.2
        return values


def _huge_pages_switch() -> Callable[[bool], bool] | None:
    """NumPy's switch for asking the kernel to back new arrays with huge pages (`_set_madvise_hugepage`, private: it
    returns the setting it replaces), or None where this NumPy has none. The weights are drawn with it off: a fresh
    array of huge pages may wait for the kernel to compact memory, 0.9 s of system time for VGG-16's 138M weights
    against 0.14 s in small pages here (`verify` 1.2 s against 0.9 s, benchmarks/bench_executor.py), while the
    forward runs no slower on them."""
    core = getattr(np, "_core", None) or getattr(np, "core", None)
    switch = getattr(getattr(core, "multiarray", None), "_set_madvise_hugepage", None)
    return switch if callable(switch) else None


_HUGE_PAGES = _huge_pages_switch()


def _size(shape: tuple[int, ...]) -> int:
    n = 1
    for d in shape:
        n *= d
    return n


def weight_keys(root: SeqNode) -> set[str]:
    """Every `PATH.NAME` a weights file may give for this network (names do not depend on sizes)."""
    keys: set[str] = set()
    for node in nodes(root):
        if isinstance(node, LayerNode) and node.layer is not None and node.shares is None:
            keys |= {f"{node.path}.{name}" for name in node.layer.weight_shapes((1, 1, 1))}
    return keys


def _dims(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(map(str, shape)) + ")"


def _layout(keyword: str, name: str) -> str:
    return {
        ("conv", "weight"): "C_out, K_h, K_w, C_in/groups",
        ("dwconv", "weight"): "M·C_in, K_h, K_w, 1",
        ("deconv", "weight"): "C_in, K_h, K_w, C_out/groups",
        ("fc", "weight"): "out, in",
        ("linear", "weight"): "out, in",
        ("dense", "weight"): "out, in",
    }.get((keyword, name), "one value per channel" if name != "bias" else "C_out")
