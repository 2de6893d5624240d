"""Pictures: the SVG drawing, the Graphviz graph and the HTML page (in a real browser when one is
installed: Debian's chromium)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

from cnncalc.cli import cli
from cnncalc.render.picture import dot, svg
from tests.conftest import SPECS, run

SVG = "{http://www.w3.org/2000/svg}"


def drawn(text: str) -> ET.Element:
    return ET.fromstring(svg(run(text)))


def test_a_box_per_layer_with_its_shape_and_the_elementwise_layers_folded_in() -> None:
    root = drawn((SPECS / "alexnet.spec").read_text())
    titles = [t.text for g in root.iter(f"{SVG}g") for t in g.iter(f"{SVG}title")]
    # conv1 … fc8: 8 weight layers and 3 pools are boxes; LRN, ReLU and dropout fold into the box before.
    assert len(titles) == 1 + 11  # and the input
    assert "conv1: conv 96 11x11 stride 4 → 55x55x96" in titles
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "+ relu, dropout" in labels and "27x27x96" in labels


def test_branches_references_and_side_heads_are_edges() -> None:
    root = drawn("input 32x32x3\nenc: conv 8 3x3 pad 1\nconcat { conv 4 1x1 | conv 4 3x3 pad 1 }\n"
                 "aux: side train { globalavgpool ; fc 10 }\nup: concat { @enc | identity }\n")
    paths = [p.get("class") for p in root.iter(f"{SVG}path")]
    dashed = [p for p in root.iter(f"{SVG}path") if "4 3" in (p.get("stroke-dasharray") or "")]
    assert paths.count("edge") >= 6 and len(dashed) == 2  # the side head's edge and the reference
    assert any(t.text == "side head (training only)" for t in root.iter(f"{SVG}text"))
    assert any(t.text == "1 (from enc)" for t in root.iter(f"{SVG}text"))


def test_graphviz_has_a_node_per_shown_row_and_an_edge_per_input() -> None:
    lines = list(dot(run("input 8x8x3\na: conv 4 3x3 pad 1\nadd { relu | @a }\n")))
    assert lines[0] == 'digraph "<string>" {' and lines[-1] == "}"
    assert '  "a" -> "add1.1.relu1";' in lines
    assert '  "a" -> "add1.add" [style=dashed, label="@a"];' in lines


def test_the_html_page_holds_the_picture_the_table_and_the_diagnostics() -> None:
    result = CliRunner().invoke(cli, ["-", "--format", "html"],
                                input="input 7x7x3\nconv 4 3x3 stride 3\n")
    page = result.output
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<svg" in page and "<table>" in page
    assert "error[E030]: conv1: (7 - 3 + 2·0)/3 + 1 = 2.33 is not a whole number" in page


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs a headless browser (Debian's chromium)")
def test_the_html_page_in_a_browser(tmp_path: Path) -> None:
    page = tmp_path / "googlenet.html"
    page.write_text(CliRunner().invoke(cli, [str(SPECS / "googlenet.spec"), "--format", "html"]).output)
    dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    assert dom.count('<g class="box">') > 50  # every box survived the browser's parser
    assert "inception3a: inception(64, 96, 128, 16, 32, 32)" in dom
    shot = tmp_path / "shot.png"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={shot}",
                    "--window-size=1200,900", page.as_uri()], capture_output=True, timeout=120)
    assert shot.stat().st_size > 20_000  # a picture, not a blank page


def test_the_frames_of_repeats_count_toward_the_boxes_drawn() -> None:
    # 3,000 iterations whose body could not be read draw a frame each unless the repeat is one box: with a merge
    # nested three deep beside them the picture went down to that depth and drew all 3,000 (a `repeat 65536` of
    # them was 80 MB of SVG); counted, the repeat stays one box, and the drawing stays small
    text = ("block b0(c) {\n  x3: repeat 3000 { @missing }\n}\ninput 8x8x3\nb0(5)\nconv 4 3x3\n"
            "add { add { add { relu | identity } | identity } | identity }\n")
    report = run(text)
    assert sum(r.kind == "iteration" for r in report.rows) == 3000
    drawing = svg(report, None)
    assert drawing.count("<rect") < 100, drawing.count("<rect")
