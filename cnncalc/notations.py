"""The notations cnncalc reads, each into the same IR: the spec language, the lecture's
`[55x55x96] CONV1: ...` listing (and, per docs/notations.md, others). Detection looks at the
file's name, then at its whole text."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # the readers are imported when used: `--help` and `--version` read only the names
    from cnncalc import ir
    from cnncalc.diagnostics import DiagnosticSink


class Notation(NamedTuple):
    name: str
    extensions: tuple[str, ...]
    description: str
    reader: str  # module:function, imported when used


NOTATIONS: dict[str, Notation] = {n.name: n for n in (
    Notation("spec", (".spec",), "the spec language (docs/spec-language.md)", "cnncalc.parser:parse"),
    Notation("lecture", (), "the lecture's `[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0` (docs/homework.md)",
             "cnncalc.lecture:read"),
)}

_BRACKETED = re.compile(r"^[ \t]*\[[^\]\n]*\]", re.M)
_SPEC_LINE = re.compile(r"^[ \t]*(?:input|network|block|expect|rounding)\b|->", re.M)


def detect(text: str, name: str) -> str:
    """The notation of a source: by its extension, else by its content (lecture listings are lines that
    start with a bracketed volume; more of them than spec statements)."""
    lower = name.lower()
    for notation in NOTATIONS.values():
        if lower.endswith(notation.extensions):
            return notation.name
    lecture = len(_BRACKETED.findall(text))
    if lecture and lecture >= len(_SPEC_LINE.findall(text)):
        return "lecture"
    return "spec"


def reader(lang: str) -> Callable[[str, DiagnosticSink], ir.File]:
    module, _, function = NOTATIONS[lang].reader.partition(":")
    from importlib import import_module
    read: Callable[[str, DiagnosticSink], ir.File] = getattr(import_module(module), function)
    return read
