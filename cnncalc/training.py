"""The memory of one training step (`--train sgd|momentum|adam`): parameters, their gradients, the
optimizer's state, the activations the backward pass needs, and an estimate of the peak.

What each layer keeps for the backward pass is its rule (`Layer.kept`, `MergeKind.keeps`), as
PyTorch's autograd keeps it; a tensor kept by several layers (a ReLU's output, which is also the next
convolution's input) is counted once, and a view (flatten, a crop) keeps the tensor it views.
docs/insight.md states the conventions and where other tools differ; tests/test_training.py counts
the bytes PyTorch really saves. As in autograd, nothing is kept where no gradient flows: layers
that read only the input image, or other tensors that depend on no parameter."""
from __future__ import annotations

from collections.abc import Iterable

from cnncalc.layers.base import BYTES_PER_VALUE
from cnncalc.record import NamedTuple
from cnncalc.report import Row, Totals
from cnncalc.shape import Shape

OPTIMIZER_STATE = {"sgd": 0, "momentum": 1, "adam": 2}  # values kept per learnable parameter
OPTIMIZERS = tuple(OPTIMIZER_STATE)
NETWORK_INPUT = "input"  # the path rows use for the network's input


class Training(NamedTuple):
    """Bytes of one training step at `batch` images, float32."""

    optimizer: str
    batch: int
    parameters: int  # learnable and non-trainable (running statistics)
    gradients: int  # one per learnable parameter
    optimizer_state: int  # momentum: a velocity per parameter; adam: two moments per parameter
    saved: int  # the activations kept for the backward pass, with indices, masks and statistics
    backward: int  # the largest gradient pair alive in the backward pass: a layer's input and output

    @property
    def peak(self) -> int:
        return self.parameters + self.gradients + self.optimizer_state + self.saved + self.backward


def training_memory(rows: Iterable[Row], network_input: Shape | None, totals: Totals,
                    optimizer: str) -> Training | None:
    """The step's memory, or None when a number it needs is unknown."""
    if totals.params is None or totals.non_trainable is None or network_input is None:
        return None
    sizes: dict[str, int] = {NETWORK_INPUT: network_input.size}
    base: dict[str, str] = {}  # a view's path -> the tensor it views
    graded: set[str] = set()  # tensors that depend on a parameter: autograd records what reads them
    kept: set[str] = set()
    extra = per_batch = 0
    widest = 0
    for r in rows:
        if r.output is not None:
            sizes[r.path] = r.output.size
        if r.is_container:
            continue
        if r.output is None:
            return None
        source = r.inputs[0] if r.inputs else NETWORK_INPUT
        widest = max(widest, sum(sizes.get(p, 0) for p in r.inputs) + r.output.size)
        if r.layer is not None and r.input is not None:
            if source not in graded and (not (r.params or r.shares) or r.layer.frozen):
                continue  # no gradient flows here: autograd keeps nothing (layers before the first trained weights)
            graded.add(r.path)
            rule = r.layer.kept(r.input, r.output)
            extra += rule.extra
            per_batch += rule.per_batch
            if rule.what == "input":
                kept.add(base.get(source, source))
            elif rule.what == "output":
                kept.add(r.path)
            elif rule.what == "view":
                base[r.path] = base.get(source, source)
        elif any(p in graded for p in r.inputs):
            graded.add(r.path)
            kind = r.merge
            assert kind is not None, "a join row carries the merge kind it ran (walker.py)"
            viewed = kind.viewed()
            if viewed is not None:  # a slice of one branch (`fit at`): it keeps that branch's tensor
                base[r.path] = base.get(r.inputs[viewed], r.inputs[viewed])
            extra += kind.saved([sizes[p] if p in graded else 0 for p in r.inputs])
            keeps = kind.keeps
            if keeps == "others":  # each input's gradient needs the others: kept for those that need one
                kept.update(base.get(p, p) for i, p in enumerate(r.inputs)
                            if any(q in graded for j, q in enumerate(r.inputs) if j != i))
            elif keeps == "all":  # compared two at a time: every input, and each result before the last
                kept.update(base.get(p, p) for p in r.inputs)
                extra += max(len(r.inputs) - 2, 0) * r.output.size * BYTES_PER_VALUE
    per_image = sum(sizes[p] for p in kept) * BYTES_PER_VALUE + extra
    learnable = (totals.params - (totals.frozen or 0)) * BYTES_PER_VALUE  # gradients and state: trained ones
    return Training(optimizer, totals.batch, (totals.params + totals.non_trainable) * BYTES_PER_VALUE, learnable,
                    OPTIMIZER_STATE[optimizer] * learnable, per_image * totals.batch + per_batch,
                    widest * BYTES_PER_VALUE * totals.batch)
