"""Row selection and number formats shared by the renderers. Integer arithmetic throughout, so
no count, however large, overflows a float."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from cnncalc import codes
from cnncalc.diagnostics import Policy
from cnncalc.report import Report, Row, Totals
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


def count(n: int | None) -> str:
    return "?" if n is None else f"{n:,}"


def share(part: int, whole: int | None) -> str:
    """A row's share of the total parameters, to one decimal; blank for rows without any."""
    if not whole or not part:
        return ""
    tenths = (part * 1000 + whole // 2) // whole
    return f"{tenths // 10}.{tenths % 10}%"


def _scaled(n: int, div: int, places: int = 1) -> str:
    """n/div rounded half up to `places` decimals, in integers."""
    scale = 10**places
    q = (abs(n) * scale * 2 + div) // (2 * div)
    whole, frac = divmod(q, scale)
    sign = "-" if n < 0 else ""
    return f"{sign}{whole}.{frac:0{places}d}" if places else f"{sign}{whole}"


def human(n: int | None, unit: str = "") -> str:
    """`62.4M`, `1.1G`: the short forms answers accept (up to `T`; beyond that, thousands of T)."""
    if n is None:
        return "?"
    for div, suffix in ((10**12, "T"), (10**9, "G"), (10**6, "M"), (10**3, "K")):
        if abs(n) >= div:
            return f"{_scaled(n, div)}{suffix}{unit}"
    return f"{n}{unit}"


def human_bytes(n: int | None) -> str:
    if n is None:
        return "?"
    for div, suffix in ((2**40, "TiB"), (2**30, "GiB"), (2**20, "MiB"), (2**10, "KiB")):
        if abs(n) >= div:
            return f"{_scaled(n, div)} {suffix}"
    return f"{n} B"


def short(n: int | None) -> str:
    """The short form beside a full figure, only when it says something shorter (`62.4M`, not `760`)."""
    return human(n) if n is not None and abs(n) >= 1000 else ""


def percent(part: int, whole: int) -> str:
    """`+3.4%`, `-12.0%`: a change relative to `whole`, in integers."""
    if whole == 0:
        return "new" if part else ""
    sign = "+" if part >= 0 else "-"
    return f"{sign}{_scaled(abs(part) * 100, abs(whole))}%"


CONVENTIONS = ("MACs are multiply-accumulates per image, bias excluded (FLOPs ≈ 2·MACs); memory is float32 "
               "(4 bytes); activations count every layer's output (each merge's result included) once, for the "
               "whole batch; the input is not counted.")


def totals_lines(report: Report) -> list[tuple[str, str, str]]:
    """The totals block as (label, figure, short form), labelled as Keras and torchinfo do:
    Total = Trainable + Non-trainable. With letters for the input's sizes, the formulas."""
    if report.symbolic is not None:
        return symbolic_totals(report)
    t = report.totals
    lines = [("Total params", count(t.all_params), short(t.all_params)),
             ("Trainable params", count(t.trainable), short(t.trainable))]
    lines += non_trainable_lines(t)
    lines.append(("Total MACs", count(t.macs), short(t.macs)))
    if t.train_macs:
        lines.append(("Training-only MACs", count(t.train_macs), short(t.train_macs) or "side train heads"))
    lines.append(("Parameter memory", human_bytes(t.param_bytes), ""))
    lines.append((f"Activation memory (batch {t.batch})", human_bytes(t.activation_bytes), ""))
    shown = [o for o in report.outputs if o.path != report.outputs[0].path or o is report.outputs[0]]
    if len(shown) > 1:
        for o in shown:
            lines.append((f"Output {o.path or '(main)'}" + (" (train)" if o.train else ""), shape_text(o.shape), ""))
    else:
        lines.append(("Output", shape_text(report.output), ""))
    return lines + training_lines(report)


def non_trainable_lines(t: Totals) -> list[tuple[str, str, str]]:
    """Non-trainable params, as Keras and torchinfo count them: running statistics and frozen layers'."""
    kinds = [what for what, n in (("frozen", t.frozen), ("running statistics", t.non_trainable)) if n]
    return [("Non-trainable params", count(t.untrained), " and ".join(kinds))] if t.untrained or t.frozen is None \
        else []


OPTIMIZER_STATE_NOTE = {"sgd": "none (plain SGD)", "momentum": "a velocity per parameter",
                        "adam": "two moments per parameter"}


def training_lines(report: Report) -> list[tuple[str, str, str]]:
    """`--train`: the step's memory, line by line with its convention, and the peak."""
    t = report.training
    if t is None:
        return []
    return [(f"Training step ({t.optimizer}, batch {t.batch})", human_bytes(t.peak), "peak, estimated"),
            ("  parameters", human_bytes(t.parameters), "learnable + statistics"),
            ("  gradients", human_bytes(t.gradients), "one per learnable parameter"),
            ("  optimizer state", human_bytes(t.optimizer_state), OPTIMIZER_STATE_NOTE[t.optimizer]),
            ("  saved activations", human_bytes(t.saved), "kept for the backward pass"),
            ("  backward working set", human_bytes(t.backward), "largest input+output gradients")]


def symbolic_totals(report: Report) -> list[tuple[str, str, str]]:
    from cnncalc.render.solve import short_phrase
    sym = report.symbolic
    assert sym is not None
    t = report.totals
    (h, w), (ah, aw) = sym.letters, sym.sizes
    lines = [("Input sizes", f"{short_phrase(ah, h)}; {short_phrase(aw, w)}", "`cnncalc solve` says why")]
    at = f"at {h} = {sym.at[0]}, {w} = {sym.at[1]}; a declared rounding leaves no formula"
    for label, key, number in (("Trainable params", "params", t.trainable), ("Total MACs", "macs", t.macs)):
        lines.append((label, sym.totals.get(key) or count(number), at if key in sym.varying else ""))
    if t.train_macs:
        lines.append(("Training-only MACs", sym.totals.get("train_macs") or count(t.train_macs),
                      at if "train_macs" in sym.varying else "side train heads"))
    lines += non_trainable_lines(t)
    lines.append(("Activations (per image)", sym.totals.get("activations") or count(t.activations),
                  at if "activations" in sym.varying else ""))
    lines.append(("Output", output_formula(report, report.outputs[0].path, report.output), ""))
    return lines


def output_formula(report: Report, path: str, shape: Shape | None) -> str:
    """A row's output with the letters' formulas for its height and width."""
    sym = report.symbolic
    if sym is None or shape is None or shape.is_flat or path not in sym.outputs:
        return shape_text(shape)
    h, w = sym.outputs[path]
    return f"{h} × {w} × {shape.channels}"


class Tally:
    """What a closing summary and an exit code need, counted as the reports stream past: a run over
    a thousand files keeps none of them."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.networks = 0
        self.problems = 0  # diagnostics that fail under the policy
        self.warnings = 0  # warnings shown that do not fail (without --strict)
        self.files_with_problems: set[str] = set()
        self.verdicts = {"answers": 0, "right": 0, "wrong": 0, "unchecked": 0}
        self.all_ok = True  # no network with an error
        self.unshown_prose = 0  # passages of a notation's file skipped as prose whose notes are not shown

    def counting(self, reports: Iterable[Report]) -> Iterator[Report]:
        for report in reports:
            self.networks += 1
            failing = sum(1 for d in report.diagnostics if self.policy.fails(d))
            self.problems += failing
            self.warnings += sum(1 for d in report.diagnostics
                                 if d.severity == "warning" and self.policy.shown(d) and not self.policy.fails(d))
            if failing:
                self.files_with_problems.add(report.source.name)
            for a in report.answers:
                self.verdicts["answers"] += 1
                self.verdicts[a.verdict] += 1
            self.unshown_prose += sum(1 for d in report.diagnostics
                                      if d.code is codes.N060 and not self.policy.shown(d))
            self.all_ok = self.all_ok and report.ok
            yield report

    def summary(self, files: int) -> str:
        """`3 specs, 2 problems in 1 file; 13 answers: 11 right, 1 wrong, 1 not checked`."""
        specs = f"{files} spec{'s' if files != 1 else ''}"
        if self.networks != files:
            specs += f" ({self.networks} networks)"
        bad = len(self.files_with_problems)
        problems = f"{self.problems} problem{'s' if self.problems != 1 else ''}"
        text = f"{specs}, no problems" if not self.problems else f"{specs}, {problems} in {bad} file{'s' * (bad != 1)}"
        if self.warnings:  # shown above, and not failing: said, so that `no problems` does not hide them
            text += f", {self.warnings} warning{'s' * (self.warnings != 1)}"
        if self.verdicts["answers"]:
            text += "; " + verdict_line(self.verdicts)
        if self.unshown_prose:  # an answer written in a form cnncalc does not read is among them, if any is
            n = self.unshown_prose
            text += f"; {n} passage{'s' * (n != 1)} skipped as prose (`--show-notes` lists " \
                    f"{'them' if n != 1 else 'it'})"
        return text


def verdict_counts(reports: Iterable[Report]) -> dict[str, int]:
    counts = {"answers": 0, "right": 0, "wrong": 0, "unchecked": 0}
    for report in reports:
        for a in report.answers:
            counts["answers"] += 1
            counts[a.verdict] += 1
    return counts


def verdict_line(counts: dict[str, int]) -> str:
    """`13 answers: 11 right, 1 wrong, 1 not checked`."""
    n = counts["answers"]
    parts = [f"{counts['right']} right", f"{counts['wrong']} wrong"]
    if counts["unchecked"]:
        parts.append(f"{counts['unchecked']} not checked")
    return f"{n} answer{'s' * (n != 1)}: " + ", ".join(parts)
