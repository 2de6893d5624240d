"""A printed model summary pasted as a network: Keras' `model.summary()`, torchinfo's and
torchsummary's tables. They hold each layer's output shape and parameter count but not its kernel,
stride or padding, so no shape can be computed from them: the reader says so once, and what to give
cnncalc instead, rather than reading the table as the spec language (an error per line). So does
PyTorch's `print(model)`, whose modules are listed as `__init__` made them, not as `forward` runs them."""
from __future__ import annotations

import re

from cnncalc import codes, ir
from cnncalc.diagnostics import DiagnosticSink, Span
from cnncalc.notations import NOTATIONS
from cnncalc.readers.graph import cut_short

_TORCH = r"depth-idx|Conv2d-[0-9]|BatchNorm2d-[0-9]|Linear-[0-9]|Input size \(MB\)"


def read(text: str, sink: DiagnosticSink) -> ir.File:
    header = re.search(NOTATIONS["printout"].marker, text)  # its header row: `Layer (type)  Output Shape  Param #`
    span = Span(header.start(), header.end()) if header is not None else Span(0, min(1, len(text)))
    if header is not None and not header.group().lstrip(" \t|").startswith("Layer"):  # `  (conv1): Conv2d(…)`
        sink.add(codes.E070, "not supported: this is the printout of PyTorch's `print(model)`: it lists the modules "
                             "as `__init__` made them, not the order `forward` runs them in (a module may run twice, "
                             "a function of `torch` not at all), so nothing can be computed from it", span,
                 hint="give cnncalc the PyTorch source of the model (a `.py` file; docs/notations.md)")
        return ir.File((), (cut_short(text, span, "a printout"),))
    if re.search(_TORCH, text):
        printed, instead = "torchinfo's or torchsummary's summary", "the PyTorch source of the model (a `.py` file)"
    else:
        printed, instead = "Keras' `model.summary()`", "the model as `model.to_json()` or its `.keras` file"
    sink.add(codes.E070, f"not supported: this is the printout of {printed}: it gives each layer's output "
                         f"shape and parameters, not its kernel, stride or padding, so nothing can be computed "
                         f"from it", span, hint=f"give cnncalc {instead} (docs/notations.md)")
    return ir.File((), (cut_short(text, span, "a printout"),))
