"""Two analyses side by side: which rows changed (and in what), which were added or removed, and
the change in totals."""
from __future__ import annotations

import difflib

from cnncalc.record import NamedTuple
from cnncalc.report import Report, Row

FIELDS = ("op", "output", "params", "non_trainable", "macs")


class RowChange(NamedTuple):
    path: str
    status: str  # added | removed | changed | same
    a: Row | None
    b: Row | None
    changed: tuple[str, ...]  # the fields that differ (op, output, params, non_trainable, macs)


class TotalChange(NamedTuple):
    quantity: str
    a: int | None
    b: int | None
    unit: str  # "" (a count) or "bytes"

    @property
    def delta(self) -> int | None:
        return None if self.a is None or self.b is None else self.b - self.a


class Diff(NamedTuple):
    a: Report
    b: Report
    rows: list[RowChange]
    totals: list[TotalChange]

    @property
    def differs(self) -> bool:
        return any(r.status != "same" for r in self.rows) or any(t.delta for t in self.totals)


def _values(r: Row) -> tuple[object, ...]:
    return (r.op, r.output, r.params, r.non_trainable, r.macs + r.train_macs)


def _change(path: str, a: Row, b: Row) -> RowChange:
    changed = tuple(f for f, x, y in zip(FIELDS, _values(a), _values(b)) if x != y)
    return RowChange(path, "changed" if changed else "same", a, b, changed)


def diff_reports(a: Report, b: Report, depth: int | None = None) -> Diff:
    """Rows aligned by path (in walk order, removed rows where they stood), down to `depth`, and the totals."""
    rows_a = [r for r in a.rows if depth is None or r.depth <= depth]
    rows_b = [r for r in b.rows if depth is None or r.depth <= depth]
    rows: list[RowChange] = []
    matcher = difflib.SequenceMatcher(a=[r.path for r in rows_a], b=[r.path for r in rows_b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [_change(ra.path, ra, rb) for ra, rb in zip(rows_a[i1:i2], rows_b[j1:j2])]
            continue
        by_path: dict[str, Row] = {r.path: r for r in rows_b[j1:j2]}
        for old in rows_a[i1:i2]:
            new = by_path.pop(old.path, None)
            rows.append(RowChange(old.path, "removed", old, None, FIELDS) if new is None else
                        _change(old.path, old, new))
        rows += [RowChange(added.path, "added", None, added, FIELDS) for added in rows_b[j1:j2]
                 if added.path in by_path]
    ta, tb = a.totals, b.totals
    totals = [TotalChange("Total params", ta.all_params, tb.all_params, ""),
              TotalChange("Trainable params", ta.trainable, tb.trainable, ""),
              TotalChange("Non-trainable params", ta.untrained, tb.untrained, ""),
              TotalChange("Total MACs", ta.macs, tb.macs, ""),
              TotalChange("Parameter memory", ta.param_bytes, tb.param_bytes, "bytes"),
              TotalChange(f"Activation memory (batch {ta.batch}/{tb.batch})" if ta.batch != tb.batch else
                          f"Activation memory (batch {ta.batch})", ta.activation_bytes, tb.activation_bytes, "bytes")]
    return Diff(a, b, rows, totals)
