"""Two analyses side by side: which rows changed output, parameters or MACs, and the change in totals."""
from __future__ import annotations

import difflib
from typing import NamedTuple

from cnncalc.report import Report, Row


class RowChange(NamedTuple):
    path: str
    status: str  # added | removed | changed | same
    a: Row | None
    b: Row | None


class TotalChange(NamedTuple):
    quantity: str
    a: int
    b: int

    @property
    def delta(self) -> int:
        return self.b - self.a

    @property
    def percent(self) -> float | None:
        return None if self.a == 0 else 100 * self.delta / self.a


class Diff(NamedTuple):
    a: Report
    b: Report
    rows: list[RowChange]
    totals: list[TotalChange]

    @property
    def differs(self) -> bool:
        return any(r.status != "same" for r in self.rows) or any(t.delta for t in self.totals)


def _same(a: Row, b: Row) -> bool:
    return (a.output, a.params, a.non_trainable, a.macs, a.op) == (b.output, b.params, b.non_trainable, b.macs, b.op)


def diff_reports(a: Report, b: Report) -> Diff:
    """Rows aligned by path (in walk order, removed rows where they stood), and the totals."""
    paths_a = [r.path for r in a.rows]
    paths_b = [r.path for r in b.rows]
    rows: list[RowChange] = []
    matcher = difflib.SequenceMatcher(a=paths_a, b=paths_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for ra, rb in zip(a.rows[i1:i2], b.rows[j1:j2]):
                rows.append(RowChange(ra.path, "same" if _same(ra, rb) else "changed", ra, rb))
            continue
        by_path: dict[str, Row | None] = {r.path: r for r in b.rows[j1:j2]}
        for old in a.rows[i1:i2]:
            new = by_path.pop(old.path, None)
            rows.append(RowChange(old.path, "removed" if new is None else ("same" if _same(old, new) else "changed"),
                                  old, new))
        rows += [RowChange(added.path, "added", None, added) for added in b.rows[j1:j2] if added.path in by_path]
    ta, tb = a.totals, b.totals
    totals = [TotalChange("params", ta.params, tb.params), TotalChange("non_trainable", ta.non_trainable, tb.non_trainable),
              TotalChange("macs", ta.macs, tb.macs), TotalChange("activations", ta.activations, tb.activations),
              TotalChange("param_bytes", ta.param_bytes, tb.param_bytes),
              TotalChange("activation_bytes", ta.activation_bytes, tb.activation_bytes)]
    return Diff(a, b, rows, totals)
