"""The commands in the docs run, and print what the docs say they print."""
from __future__ import annotations

import os
import re
import shlex

import pytest
from click.testing import CliRunner

from cnncalc.cli import cli
from tests.conftest import ROOT

DOCS = ["README.md", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md"))]


def console_blocks(doc: str) -> list[tuple[str, list[str]]]:
    """(command, shown lines) for every `$ cnncalc ...` in a ```console block."""
    text = (ROOT / doc).read_text()
    found = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        lines = block.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("$ cnncalc "):
                shown = []
                for nxt in lines[i + 1:]:
                    if nxt.startswith("$ "):
                        break
                    shown.append(nxt.rstrip())
                while shown and not shown[-1]:
                    shown.pop()
                found.append((line[len("$ cnncalc "):], shown))
    return found


def matches(shown: list[str], output: list[str]) -> bool:
    """The shown lines are the output's, whole lines in order; `...` stands for lines left out."""
    segments: list[list[str]] = [[]]
    for line in shown:
        if line.strip() == "...":
            segments.append([])
        else:
            segments[-1].append(line)
    pos = 0
    for i, segment in enumerate(segments):
        if not segment:
            continue
        anchored = i == 0
        starts = [pos] if anchored else range(pos, len(output) - len(segment) + 1)
        for start in starts:
            if output[start:start + len(segment)] == segment:
                pos = start + len(segment)
                break
        else:
            return False
    return pos == len(output) or not segments[-1]


CASES = [(doc, cmd, shown) for doc in DOCS for cmd, shown in console_blocks(doc)]


@pytest.mark.parametrize("doc, command, shown", CASES, ids=[f"{d}: {c}" for d, c, _ in CASES])
def test_documented_command(doc: str, command: str, shown: list[str]) -> None:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(cli, shlex.split(command), env={"COLUMNS": "100", "NO_COLOR": "1"})
    finally:
        os.chdir(cwd)
    output = [line.rstrip() for line in result.output.rstrip("\n").splitlines()]
    assert result.exit_code == (1 if any("error[" in line for line in shown) else 0), result.output
    assert matches(shown, output), "\n".join(["shown:", *shown, "", "printed:", *output])


def test_docs_have_commands() -> None:
    assert len(console_blocks("docs/tutorial.md")) >= 6


def test_ci_runs_the_readme_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    setup = re.search(r"## Set-up.*?```sh\n(.*?)```", readme, re.S)
    assert setup is not None
    ci = (ROOT / ".ci" / "run").read_text()
    for command in setup.group(1).strip().splitlines():
        assert command in ci.splitlines()


def pycon_blocks(doc: str) -> list[str]:
    """The ```pycon blocks of a doc: `>>>` examples with their output, as doctest reads them."""
    return re.findall(r"```pycon\n(.*?)```", (ROOT / doc).read_text(), re.S)


PYCON = [doc for doc in DOCS if pycon_blocks(doc)]


@pytest.mark.parametrize("doc", PYCON)
def test_documented_python(doc: str) -> None:
    """Every `>>>` example of the doc, in order and sharing names, prints what the doc shows."""
    import doctest
    parser = doctest.DocTestParser()
    test = parser.get_doctest("\n".join(pycon_blocks(doc)), {}, doc, doc, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        failures = []
        runner.run(test, out=failures.append)
    finally:
        os.chdir(cwd)
    assert runner.failures == 0, "".join(failures)


def test_the_python_page_has_examples() -> None:
    assert "docs/python.md" in PYCON
