"""Golden-output files for the layout of the table, markdown, CSV, the rendered diagnostics and
the answers listing (tests/golden; rewrite them with `pytest --update-golden` after an intended
change, and read the diff). The numbers in them are checked independently elsewhere."""
from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from cnncalc.cli import cli
from tests.conftest import GOLDEN, ROOT

CASES = {
    "alexnet.table.txt": ["specs/alexnet.spec"],
    "alexnet.explain.txt": ["specs/alexnet.spec", "--explain"],
    "alexnet.md": ["specs/alexnet.spec", "--format", "markdown"],
    "alexnet.csv": ["specs/alexnet.spec", "--format", "csv"],
    "resnet18.depth2.txt": ["specs/resnet18.spec", "--depth", "2"],
    "googlenet.depth2.txt": ["specs/googlenet.spec", "--depth", "2"],
    "stride3.diagnostics.txt": ["docs/examples/stride3.spec"],
    "homework-wrong.check.txt": ["check", "docs/examples/alexnet-homework-wrong.txt", "--explain"],
    "vgg16-c.diff.txt": ["diff", "specs/vgg16.spec", "specs/vgg16_c.spec"],
    "alexnet.json": ["specs/alexnet.spec", "--format", "json"],
    "alexnet.svg": ["specs/alexnet.spec", "--format", "svg"],
    "googlenet.dot": ["specs/googlenet.spec", "--format", "dot", "--depth", "2"],
    "unet.html": ["specs/unet.spec", "--format", "html"],
    "alexnet.solve.txt": ["solve", "specs/alexnet.spec"],
    "alexnet-letters.table.txt": ["docs/examples/alexnet-letters.spec"],
    "alexnet.columns.txt": ["specs/alexnet.spec", "--columns", "output,kernel,stride,rf,rfstride,rfpad,macs"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_output(name: str, update_golden: bool) -> None:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(cli, CASES[name], env={"COLUMNS": "120", "NO_COLOR": "1"})
    finally:
        os.chdir(cwd)
    text = result.stdout + ("\n--- stderr ---\n" + result.stderr if result.stderr else "")
    path = GOLDEN / name
    if update_golden:
        path.write_text(text)
    assert path.exists(), f"no golden file {name}; run pytest --update-golden"
    assert text == path.read_text()
