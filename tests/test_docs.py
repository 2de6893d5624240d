"""The commands in the docs run, and print what the docs say they print."""
from __future__ import annotations

import os
import re
import shlex

import pytest
from click.testing import CliRunner

from cnncalc.cli import cli
from tests.conftest import ROOT

DOCS = ["docs/tutorial.md", "README.md", "docs/executor.md", "docs/ci.md", "docs/homework.md"]


def console_blocks(doc: str) -> list[tuple[str, list[str]]]:
    """(command, expected lines) for every `$ cnncalc ...` in a ```console block."""
    text = (ROOT / doc).read_text()
    found = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        lines = block.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("$ cnncalc "):
                expected = []
                for nxt in lines[i + 1:]:
                    if nxt.startswith("$ "):
                        break
                    if nxt.strip():
                        expected.append(nxt.strip())
                found.append((line[len("$ cnncalc "):], expected))
    return found


CASES = [(doc, cmd, expected) for doc in DOCS for cmd, expected in console_blocks(doc)]


@pytest.mark.parametrize("doc, command, expected", CASES, ids=[f"{d}: {c}" for d, c, _ in CASES])
def test_documented_command(doc: str, command: str, expected: list[str]) -> None:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(cli, shlex.split(command), env={"COLUMNS": "140"})
    finally:
        os.chdir(cwd)
    output = result.stdout + result.stderr
    assert result.exit_code == (1 if "error[" in "\n".join(expected) else 0), output
    for line in expected:
        assert line in output, f"{line!r} not in the output of `cnncalc {command}`"


def test_docs_have_commands() -> None:
    assert len(console_blocks("docs/tutorial.md")) >= 6


def test_ci_runs_the_readme_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    setup = re.search(r"## Set-up.*?```sh\n(.*?)```", readme, re.S)
    assert setup is not None
    ci = (ROOT / ".ci" / "run").read_text()
    for command in setup.group(1).strip().splitlines():
        assert command in ci.splitlines()
