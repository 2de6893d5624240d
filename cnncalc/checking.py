"""What `cnncalc check` adds to analysis: finding the files to check, command-line budgets, and
which diagnostics are shown and which count as problems (strict, select, ignore)."""
from __future__ import annotations

import glob
import os

from cnncalc import codes
from cnncalc.diagnostics import Diagnostic, Span
from cnncalc.notations import NOTATIONS, OPAQUE, searched
from cnncalc.record import NamedTuple
from cnncalc.render.rows import human, human_bytes, percent
from cnncalc.report import Report


class Budgets(NamedTuple):
    params: int | None = None
    macs: int | None = None
    memory: int | None = None  # bytes: parameters plus activations

    @property
    def any(self) -> bool:
        return any(v is not None for v in self)


class MissingPath(Exception):
    """A path that is neither a file, a directory, nor a glob matching anything."""


class Found(NamedTuple):
    files: list[str]
    skipped: list[str]  # files in searched directories that are not networks cnncalc reads
    searched: frozenset[str]  # the files a directory's search or a glob found (not named on the command line)


SEARCHED = (".spec", ".txt")  # the extensions a directory is searched for (plus every notation's own)


def collect(paths: tuple[str, ...]) -> Found:
    """Files as given; directories searched for every file cnncalc can read as a network (`*.spec`,
    lecture-notation text, the other notations' files), the rest named as skipped; globs expanded."""
    found: list[str] = []
    skipped: list[str] = []
    searched: set[str] = set()
    extensions = SEARCHED + tuple(e for n in NOTATIONS.values() for e in n.extensions)
    for path in paths:
        if path == "-" or os.path.isfile(path):
            found.append(path)
        elif os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if name.startswith("."):
                        continue
                    if name.lower().endswith(extensions) and _readable_network(full):
                        found.append(full)
                        searched.add(full)
                    else:
                        skipped.append(full)
        elif glob.has_magic(path):
            matches = sorted(p for p in glob.glob(path, recursive=True) if os.path.isfile(p))
            if not matches:
                raise MissingPath(f"{path!r} matches no file")
            found += matches
            searched.update(matches)
        else:
            raise MissingPath(f"{path!r} does not exist")
    named = {path for path in paths if path == "-" or os.path.isfile(path)}
    return Found(list(dict.fromkeys(found)), skipped, frozenset(searched - named))


def _readable_network(path: str) -> bool:
    """A `.spec` or a binary model whose bytes cannot be read as text (`.onnx`, `.keras`) is always checked; other
    files (an `.h5`'s model too) when their first 64 KiB say they are networks (`notations.searched`)."""
    if path.lower().endswith((".spec", *OPAQUE)):
        return True
    try:
        with open(path, "rb") as f:
            head = f.read(65536).decode("utf-8", errors="replace")
    except OSError:
        return True  # reading it later reports the error
    return searched(path, head)


def budget_diagnostics(report: Report, budgets: Budgets) -> list[Diagnostic]:
    """A budget exceeded is error E045 with the figure and the limit, at the network's first line."""
    t = report.totals
    memory = None if t.param_bytes is None or t.activation_bytes is None else t.param_bytes + t.activation_bytes
    out = []
    where = _first_line_span(report)
    for what, actual, limit, show in (("params", t.params, budgets.params, human),
                                      ("MACs", t.macs, budgets.macs, human),
                                      ("memory", memory, budgets.memory, human_bytes)):
        if limit is None or actual is None or actual <= limit:
            continue
        option = f"--max-{what.lower()}"
        out.append(Diagnostic(
            codes.E045, f"{what} {show(actual)} ({actual:,}) exceed {option} {show(limit)} by "
                        f"{show(actual - limit)} ({_over(actual, limit)})",
            where, hint=f"shrink the network or raise {option}"))
    return out


def _over(actual: int, limit: int) -> str:
    """`+12.5%` over a limit, or `31.2x the limit` once it is more than twice it."""
    if actual >= 2 * limit:
        tenths = actual * 10 // limit
        return f"{tenths // 10}.{tenths % 10}x the limit"
    return percent(actual - limit, limit)


def _first_line_span(report: Report) -> Span:
    """The network's first line that is not blank or a comment, so the caret lands on the spec."""
    text = report.source.text
    pos = report.span.start
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        stripped = text[pos:end].strip()
        if stripped and not stripped.startswith("#"):
            start = pos + len(text[pos:end]) - len(text[pos:end].lstrip())
            return Span(start, start + len(stripped))
        pos = end + 1
    return Span(report.span.start, report.span.start)
