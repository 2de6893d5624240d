"""The one value formatter round-trips: every line of tests/fixtures/layers.spec parses to a layer
whose spec text parses back to the same layer (and prints the same text again), and the fixture
covers every keyword, alias, option word, flag and option form of the registry."""
from __future__ import annotations

from pathlib import Path

import pytest

from cnncalc.diagnostics import DiagnosticSink, Source
from cnncalc.expand import Expander, network_rounding
from cnncalc.layers import REGISTRY, Layer
from cnncalc.parser import parse
from cnncalc.tree import LayerNode

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "layers.spec"
LINES = [line.strip() for line in FIXTURE.read_text().splitlines() if line.strip() and not line.startswith("#")]


def layer_of(line: str) -> Layer:
    text = f"input 8x8x8\n{line}\n"
    sink = DiagnosticSink()
    file = parse(text, sink)
    net = file.networks[0]
    root = Expander({}, sink, Source(text, "t.spec"), network_rounding(net, None, text)).network(net)
    assert not sink.items, [(d.code, d.message) for d in sink.items]
    assert root is not None and isinstance(root.children[0], LayerNode)
    layer = root.children[0].layer
    assert layer is not None
    return layer


@pytest.mark.parametrize("line", LINES)
def test_parse_text_parse_is_the_same_layer(line: str) -> None:
    layer = layer_of(line)
    text = layer.spec_text()
    again = layer_of(text)
    assert again == layer, (line, text)
    assert again.spec_text() == text  # canonical: printing is stable


def test_the_fixture_covers_the_whole_registry() -> None:
    words = {w for line in LINES for w in line.replace(",", " ").split()}
    keywords = {line.split()[0] for line in LINES}
    assert set(REGISTRY) <= keywords, sorted(set(REGISTRY) - keywords)
    for keyword, cls in REGISTRY.items():
        lines = [line for line in LINES if line.split()[0] in (cls.keyword, *cls.aliases)]
        used = {w for line in lines for w in line.split()}
        missing = [w for w in cls.schema.words() if w not in used and w != "frozen"]
        assert not missing, (keyword, missing)
    # `frozen` is every layer's (layers/base.py): written on layers with parameters, last or among the flags
    assert [line.split()[0] for line in LINES if "frozen" in line.split()] == ["conv", "fc", "bn", "prelu"]
    # Every option form: pad by one number, a pair, four sides, same, valid; kernels as 3 and 3x5.
    for form in ("pad 1", "pad 1x2", "padding 1,0,2,1", "pad same", "pad valid", "dilation 2", "dilation 1x2",
                 "stride 2x1", "conv 64 3 ", "3x5", "floor", "ceil", "3x3x8"):
        assert any(form in line + " " for line in LINES), form
    assert "same" in words and "valid" in words
