"""Measures torchvision's own models for tests/test_readers_torchvision.py's TORCHVISION table: parameters,
batch-norm running statistics, MACs (`FlopCounterMode`, halved), output, and a digest of the parameters' names in
order (`named_parameters()`, what a freezing loop tests), in eval mode at 224x224 (299 for Inception v3).
torchvision is not installed by CI (it would download gigabytes); run it where it is:
`python tests/measure_torchvision.py` prints the table (measured with torch 2.14.1 and torchvision 0.29.1)."""
from __future__ import annotations

import hashlib

from cnncalc.readers.torchvision_zoo import BUILDERS


def main() -> None:
    import torch  # (imported here: the tests import `names_digest` where torchvision is not installed)
    import torchvision
    from torch.utils.flop_counter import FlopCounterMode
    print(f"# torch {torch.__version__}, torchvision {torchvision.__version__}")
    for name in sorted(BUILDERS):
        size = 299 if name == "inception_v3" else 224
        kwargs = {"init_weights": False} if name in ("googlenet", "inception_v3") else {}
        model = getattr(torchvision.models, name)(**kwargs).eval()
        with torch.no_grad(), FlopCounterMode(display=False) as counter:
            y = model(torch.zeros(1, 3, size, size))
        params = sum(p.numel() for p in model.parameters())
        stats = sum(b.numel() for n, b in model.named_buffers() if n.endswith(("running_mean", "running_var")))
        names = names_digest([n for n, _ in model.named_parameters()])
        print(f'    "{name}": ({params:_}, {stats:_}, {counter.get_total_flops() // 2:_}, {tuple(y.shape[1:])}, '
              f'"{names}"),')


def names_digest(names: list[str]) -> str:
    """The parameters' names, in order, in 12 hexadecimal digits."""
    return hashlib.sha256("\n".join(names).encode()).hexdigest()[:12]


if __name__ == "__main__":
    main()
