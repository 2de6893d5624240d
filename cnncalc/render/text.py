"""A lean text table: box-drawing lines like rich's, aligned columns, optional ANSI styles, and a
width policy that never cuts a number: columns drop or wrap in a stated order first. It costs
little per row, so a 100,000-row table is written in time proportional to its rows."""
from __future__ import annotations

from collections.abc import Iterator

from cnncalc.record import NamedTuple

STYLES = {"bold": "1", "dim": "2", "italic": "3", "red": "31", "green": "32", "yellow": "33", "cyan": "36",
          "bold red": "1;31", "bold green": "1;32", "bold yellow": "1;33"}


def styled(text: str, style: str | None, color: bool) -> str:
    if not color or not style or not text:
        return text
    return f"\x1b[{STYLES[style]}m{text}\x1b[0m"


class Column(NamedTuple):
    header: str
    right: bool = False  # right-aligned (numbers)
    wrap: bool = False  # may wrap at spaces when the table is too wide
    drop: int = 0  # 0: never dropped; otherwise dropped in this order (1 first) when too wide
    min_width: int = 8  # narrowest a wrapping column becomes


class Table:
    def __init__(self, columns: list[Column], title: str | None = None) -> None:
        self.columns = columns
        self.title = title
        self.rows: list[tuple[list[str], str | None]] = []
        self.notes: list[tuple[int, str]] = []  # (after row index, text): working lines under a row

    def add_row(self, cells: list[str], style: str | None = None) -> None:
        self.rows.append((cells, style))

    def add_note(self, text: str) -> None:
        """A line under the last row, from the second column to the end of the line (`--explain`'s working);
        it does not widen the columns."""
        self.notes.append((len(self.rows) - 1, text))

    def widths(self, width: int) -> tuple[list[int], list[int]]:
        """The columns kept and their widths: the natural widths; then, until the table fits, the
        wrapping columns that are never dropped grow narrower if that is enough, else the next
        column in the drop order narrows (if it wraps) or goes; last, the never-dropped ones narrow."""
        keep = list(range(len(self.columns)))
        ws = {i: max([len(c.header)] + [len(cells[i]) for cells, _ in self.rows]) for i, c in enumerate(self.columns)}
        least = {i: min(ws[i], max(c.min_width, max((len(w) for cells, _ in self.rows for w in cells[i].split(" ")),
                                                    default=0)))
                 for i, c in enumerate(self.columns) if c.wrap}
        elastic = [i for i, c in enumerate(self.columns) if c.wrap and not c.drop]

        def total() -> int:
            return sum(ws[i] for i in keep) + 3 * (len(keep) - 1)

        def narrow(columns: list[int]) -> None:
            for i in columns:
                ws[i] = max(least[i], ws[i] - max(total() - width, 0))

        for order in sorted({c.drop for c in self.columns if c.drop}):
            for i, c in enumerate(self.columns):
                if c.drop != order or i not in keep or total() <= width:
                    continue
                if total() - sum(ws[j] - least[j] for j in elastic) <= width:
                    narrow(elastic)
                    break
                if c.wrap:
                    narrow([i])
                    if total() <= width:
                        continue
                keep.remove(i)
        narrow(elastic)
        return keep, [ws[i] for i in keep]

    def fitted_width(self, width: int) -> int:
        """How wide the table is once its columns have dropped and wrapped for `width` (wider when the
        kept columns' numbers alone are wider)."""
        _, ws = self.widths(width)
        return sum(ws) + 3 * (len(ws) - 1)

    def render(self, width: int, color: bool) -> Iterator[str]:
        keep, ws = self.widths(width)
        cols = [self.columns[i] for i in keep]
        if self.title:
            yield styled(self.title, "bold", color)
        yield _join([_fit(c.header, w, c.right) for c, w in zip(cols, ws)], " ┃ ", color, "bold")
        yield "━╇━".join("━" * w for w in ws)
        notes: dict[int, list[str]] = {}
        for index, text in self.notes:
            notes.setdefault(index, []).append(text)
        # A row whose wrapping cells fit is one line, formatted at once (most rows of a long table).
        line_format = " │ ".join(f"{{{n}:{'>' if c.right else '<'}{w}}}" for n, (c, w) in enumerate(zip(cols, ws)))
        narrow = [(keep.index(i), w) for i, w in zip(keep, ws) if self.columns[i].wrap]
        for index, (cells, style) in enumerate(self.rows):
            kept = [cells[i] for i in keep]
            if all(len(kept[n]) <= w for n, w in narrow):
                one = line_format.format(*kept).rstrip()
                yield styled(one, style, color) if color and style else one
                if index in notes:
                    yield from self._notes(notes[index], ws[0], width, color)
                continue
            wrapped = [wrap(text, w) if c.wrap else [text] for text, c, w in zip(kept, cols, ws)]
            height = max(len(parts) for parts in wrapped)
            for line in range(height):
                parts = [(p[line] if line < len(p) else "") for p in wrapped]
                yield _join([_fit(text, w, c.right) for text, c, w in zip(parts, cols, ws)], " │ ", color, style)
            yield from self._notes(notes.get(index, []), ws[0], width, color)

    @staticmethod
    def _notes(texts: list[str], first: int, width: int, color: bool) -> Iterator[str]:
        lead = " " * first + " │ "
        for text in texts:
            for part in wrap(text, max(width - len(lead), 20)):
                yield styled(lead + part, "italic", color)


def _join(cells: list[str], sep: str, color: bool, style: str | None) -> str:
    line = sep.join(cells).rstrip()
    if not color or not style:
        return line
    return styled(line, style, color)


def _fit(text: str, width: int, right: bool) -> str:
    return text.rjust(width) if right else text.ljust(width)


def wrap(text: str, width: int) -> list[str]:
    """Words onto lines of at most `width` (a word longer than that stands alone, uncut)."""
    if len(text) <= width:
        return [text]
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def key_values(pairs: list[tuple[str, str, str]], color: bool, width: int = 10**6) -> Iterator[str]:
    """Aligned `label   figure  (short)` lines: labels left, figures right-aligned on their last digit;
    a note that would pass `width` goes on the next line, under the figures."""
    label_w = max(len(p[0]) for p in pairs) if pairs else 0
    value_w = max(len(p[1]) for p in pairs) if pairs else 0
    for label, value, note in pairs:
        line = f"{label.ljust(label_w)}  {value.rjust(value_w)}"
        if note and len(line) + len(note) + 4 > width:
            yield line.rstrip()
            yield (" " * (label_w + 2) + f"({note})").rstrip()
        else:
            yield (line + (f"  ({note})" if note else "")).rstrip()
