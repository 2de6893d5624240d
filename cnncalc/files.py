"""Writing a user's output file: never over an existing file unless asked, never half-written."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputError(Exception):
    """The file cannot be written; the message says which and why."""


def write_new(path: str, data: bytes, force: bool) -> None:
    """Write `data` beside `path` and rename it into place; refuse an existing file without `force`."""
    target = Path(path)
    if target.exists() and not force:
        raise OutputError(f"{path} exists; not overwriting it (add --force to replace it)")
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as e:
        raise OutputError(f"{path}: cannot write there: {e.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
