"""Measures torchvision's own models for tests/test_readers_torchvision.py's TORCHVISION table: parameters,
batch-norm running statistics, MACs (`FlopCounterMode`, halved), output, and a digest of the parameters' names in
order (`named_parameters()`, what a freezing loop tests), in eval mode at 224x224 (299 for Inception v3, 520 for
the segmentation models, whose output is their dict's "out").
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
        size = SIZES.get(name, 224)
        kwargs = {"init_weights": False} if name in ("googlenet", "inception_v3") else {}
        if name in SEGMENTATION:
            kwargs = {"weights_backbone": None}  # (the default downloads ImageNet weights: no part of the shape)
        module = torchvision.models.segmentation if name in SEGMENTATION else torchvision.models
        model = getattr(module, name)(**kwargs).eval()
        with torch.no_grad(), FlopCounterMode(display=False) as counter:
            y = model(torch.zeros(1, 3, size, size))
        y = y["out"] if isinstance(y, dict) else y
        shape = tuple(y.shape[1:]) if y.dim() == 2 else (y.shape[2], y.shape[3], y.shape[1])  # maps as HxWxC
        params = sum(p.numel() for p in model.parameters())
        stats = sum(b.numel() for n, b in model.named_buffers() if n.endswith(("running_mean", "running_var")))
        names = names_digest([n for n, _ in model.named_parameters()])
        print(f'    "{name}": ({params:_}, {stats:_}, {counter.get_total_flops() // 2:_}, {shape}, '
              f'"{names}"),')


SEGMENTATION = {"fcn_resnet50", "fcn_resnet101", "deeplabv3_resnet50", "deeplabv3_resnet101",
                "deeplabv3_mobilenet_v3_large", "lraspp_mobilenet_v3_large"}
# the size each is measured at: Inception v3's 299, the segmentation models' 520 (their weights' resize_size, at
# which torchvision publishes their operations)
SIZES = {"inception_v3": 299, **dict.fromkeys(SEGMENTATION, 520)}


def names_digest(names: list[str]) -> str:
    """The parameters' names, in order, in 12 hexadecimal digits."""
    return hashlib.sha256("\n".join(names).encode()).hexdigest()[:12]


if __name__ == "__main__":
    main()
