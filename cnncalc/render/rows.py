"""Row selection and number formats shared by the renderers."""
from __future__ import annotations

from cnncalc.report import Report, Row
from cnncalc.shape import Shape


def visible_rows(report: Report, depth: int | None) -> list[Row]:
    """Rows down to `depth` (torchinfo's depth): a container at that depth stands for its contents."""
    if depth is None:
        return report.rows
    return [r for r in report.rows if r.depth <= depth]


def shape_text(shape: Shape | None) -> str:
    return "?" if shape is None else str(shape)


def shape_list(shape: Shape | None) -> list[int] | None:
    return None if shape is None else list(shape.dims)


def share(part: int, whole: int) -> str:
    """A row's share of the total parameters; blank for rows without any."""
    return f"{100 * part / whole:.1f}%" if whole and part else ""


def human(n: int, unit: str = "") -> str:
    """`62.4M`, `1.1G`: the short forms spec expectations accept."""
    for div, suffix in ((10**12, "T"), (10**9, "G"), (10**6, "M"), (10**3, "K")):
        if abs(n) >= div:
            return f"{n / div:.1f}{suffix}{unit}"
    return f"{n}{unit}"


def human_bytes(n: int) -> str:
    for div, suffix in ((2**30, "GiB"), (2**20, "MiB"), (2**10, "KiB")):
        if n >= div:
            return f"{n / div:.1f} {suffix}"
    return f"{n} B"


CONVENTIONS = ("MACs are multiply-accumulates per image, bias excluded (FLOPs ≈ 2·MACs); "
               "memory is float32 (4 bytes); activations count every layer's output "
               "(each concat/add result included) once, for the whole batch; the input is not counted.")
