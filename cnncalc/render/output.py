"""One output object per invocation: where text goes, whether it is coloured, how wide it may be."""
from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterable

from cnncalc import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import IO


def terminal_width() -> int:
    """`COLUMNS`, then the terminal's width (even when standard output is piped), then 80: as pytest does."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    for fd in (1, 2, 0):
        try:
            return max(os.get_terminal_size(fd).columns, 20)
        except OSError:
            continue
    return 80


def wants_color(stream: IO[str]) -> bool:
    if "NO_COLOR" in os.environ:
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def encodable(stream: IO[str]) -> IO[str]:
    """The stream, able to write every character cnncalc prints (box drawing, `×`, `·`, `≥`): one whose
    encoding is not UTF-8 (Windows writing to a file in its code page, PYTHONIOENCODING=ascii) is set to
    UTF-8 when it goes to a file or a pipe, and to replace what it cannot encode on a terminal."""
    encoding = getattr(stream, "encoding", None)
    reconfigure = getattr(stream, "reconfigure", None)
    if not encoding or reconfigure is None or codecs.lookup(encoding).name == "utf-8":
        return stream
    isatty = getattr(stream, "isatty", None)
    if isatty is not None and isatty():
        reconfigure(errors="replace")
    else:
        reconfigure(encoding="utf-8")
    return stream


class StreamWriteError(Exception):
    """Standard output or error cannot be written (a full disk, a closed descriptor); a closed pipe is
    not one (BrokenPipeError: the reader went away, `cnncalc … | head`)."""


class Output:
    """Standard output and standard error for one command, with colour and width decided once."""

    def __init__(self, width: int | None = None) -> None:
        self.out = encodable(sys.stdout)
        self.err = encodable(sys.stderr)
        self.color = wants_color(self.out)
        self.err_color = wants_color(self.err)
        self.width = width or terminal_width()

    def write(self, text: str) -> None:
        try:
            self.out.write(text if text.endswith("\n") else text + "\n")
        except OSError as e:
            raise _unwritable(e) from None

    def lines(self, chunks: Iterable[str]) -> None:
        """Write rendered chunks as they come (large outputs are streamed, never held whole)."""
        write = self.out.write
        for chunk in chunks:
            try:
                write(chunk)
                write("\n")
            except OSError as e:
                raise _unwritable(e) from None

    def error(self, text: str) -> None:
        """A message on standard error, flushed at once so it stays in order with standard output."""
        try:
            self.out.flush()
            self.err.write(text if text.endswith("\n") else text + "\n")
            self.err.flush()
        except OSError as e:
            raise _unwritable(e) from None


def _unwritable(e: OSError) -> Exception:
    """What a failed write of the output is: a closed pipe stays itself (no error), anything else an
    StreamWriteError."""
    return e if isinstance(e, BrokenPipeError) else StreamWriteError(e.strerror or str(e))
