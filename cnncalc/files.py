"""Reading a user's files within the limits, and writing output files safely: never over an
existing file unless asked, never half-written, with the user's umask, checked before any work."""
from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable

from cnncalc.limits import MAX_ARRAY_BYTES, MAX_FILE_BYTES, MAX_LINES
from cnncalc.record import NamedTuple


class InputError(ValueError):
    """A file cannot be read as input; the message says which and why (a usage error, exit 2)."""


class OutputError(Exception):
    """A file cannot be written; the message says which and why (a usage error, exit 2)."""


class Text(NamedTuple):
    """A source's text, its display name, and the first byte that was not UTF-8 (offset in the text, value)."""

    text: str
    name: str
    bad_byte: tuple[int, int] | None


def read_bytes(path: str, limit: int | None = None) -> bytes:
    """A regular file's bytes (or standard input for `-`), refusing directories, devices, FIFOs and
    anything over `limit` (MAX_FILE_BYTES by default) before reading it whole."""
    limit = MAX_FILE_BYTES if limit is None else limit
    if path == "-":
        if sys.stdin is None:  # started with it closed (`<&-`)
            raise InputError("standard input is closed; give a file, or pipe the spec in")
        try:
            data = sys.stdin.buffer.read(limit + 1)
        except OSError as e:
            raise InputError(f"cannot read standard input: {e.strerror}") from None
    else:
        try:
            info = os.stat(path)
        except OSError as e:
            raise InputError(f"cannot read {path!r}: {e.strerror}") from None
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path!r} is a directory; give a file (`cnncalc check` searches directories)")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path!r} is not a regular file (a device, FIFO or socket); give a file")
        if info.st_size > limit:
            raise InputError(f"{path!r} is {info.st_size:,} bytes, more than cnncalc reads ({limit:,})")
        try:
            with open(path, "rb") as f:
                # sized by the file (a buffer of the limit costs ~30 µs per file); more only if it grew since
                data = f.read(min(info.st_size, limit) + 1)
                if len(data) > info.st_size:
                    data += f.read(limit + 1 - len(data))
        except OSError as e:
            raise InputError(f"cannot read {path!r}: {e.strerror}") from None
    if len(data) > limit:
        shown = "standard input" if path == "-" else repr(path)
        raise InputError(f"{shown} is more than {limit:,} bytes, more than cnncalc reads")
    return data


def decode(data: bytes, name: str) -> Text:
    """UTF-8 text without a byte-order mark; bytes that are not UTF-8 become U+FFFD and the first is
    remembered (offset in the text, byte value) for a located error. More than MAX_LINES lines is an
    InputError, as more than MAX_FILE_BYTES bytes is."""
    if data.count(b"\n") + (not data.endswith(b"\n")) > MAX_LINES:  # (a last line without its newline counts)
        shown = "standard input" if name == "<stdin>" else repr(name)
        raise InputError(f"{shown} has more than {MAX_LINES:,} lines, more than cnncalc reads")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return Text(data.decode("utf-8"), name, None)
    except UnicodeDecodeError as e:
        offset = len(data[:e.start].decode("utf-8", errors="replace"))
        return Text(data.decode("utf-8", errors="replace"), name, (offset, data[e.start]))


def read_source(path: str) -> Text:
    """A source's text; a binary model (`.onnx`, weights included) may be as large as MAX_ARRAY_BYTES."""
    from cnncalc.notations import binary_listing
    limit = MAX_ARRAY_BYTES if binary_listing(path) is not None else None
    return decode_model(read_bytes(path, limit), "<stdin>" if path == "-" else path)


def decode_model(data: bytes, name: str) -> Text:
    """A source's text: a binary model (`.onnx`) as the listing its reader reads, else `decode`."""
    from cnncalc.notations import binary_listing
    listing = binary_listing(name)
    if listing is None:
        return decode(data, name)
    return Text(listing(data, name), name, None)


def check_output(path: str, force: bool, inputs: tuple[str, ...] = ()) -> None:
    """Everything that would stop `write_new` later, checked before any work is done."""
    if os.path.islink(path):
        raise OutputError(f"{path} is a symbolic link; not writing through it (give a plain path)")
    if os.path.isdir(path):
        raise OutputError(f"{path} is a directory; give a file name")
    if os.path.exists(path):
        if not stat.S_ISREG(os.stat(path).st_mode):  # renamed over, a device or FIFO would be replaced by a file
            raise OutputError(f"{path} is not a regular file (a device, FIFO or socket); not replacing it "
                              f"(leave out --output to write to standard output)")
        for given in inputs:
            if given != "-" and os.path.exists(given) and os.path.samefile(path, given):
                raise OutputError(f"{path} is an input of this command; not overwriting it")
        if not force:
            raise OutputError(f"{path} exists; not overwriting it (add --force to replace it)")
    parent = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(parent):
        raise OutputError(f"{path}: the directory {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{path}: cannot write in {parent}")


def write_new(path: str, data: bytes | Iterable[str], force: bool) -> None:
    """Write `data` (bytes, or text chunks written as they come) beside `path` and rename it into place
    (never half-written), with the user's umask."""
    check_output(path, force)
    parent = os.path.dirname(os.path.abspath(path))
    try:
        import tempfile  # only when writing: off the start-up path
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{os.path.basename(path)}.", suffix=".part")
    except OSError as e:
        raise OutputError(f"{path}: cannot write there: {e.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            if isinstance(data, bytes):
                f.write(data)
            else:
                for chunk in data:
                    f.write(chunk.encode("utf-8"))
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as e:
        _remove(tmp)
        raise OutputError(f"{path}: cannot write it: {e.strerror}") from None
    except BaseException:
        _remove(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _remove(path: str) -> None:
    import contextlib  # not at the top: the summary's start-up does not need it
    with contextlib.suppress(OSError):
        os.unlink(path)
