"""Formats for CI and graders: one line per problem, GitHub annotations, JUnit XML, SARIF, a
markdown table, and the list of answers with their verdicts. Each takes the reports of one run."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any
from xml.etree import ElementTree as ET

from cnncalc.codes import CODES
from cnncalc.diagnostics import Policy
from cnncalc.render.diagnostics import one_line, render_diagnostic
from cnncalc.render.rows import Tally, verdict_counts, verdict_line
from cnncalc.report import Report

LEVELS = {"error": "error", "warning": "warning", "note": "notice"}


def suite_name(report: Report) -> str:
    return report.source.name if report.network is None else f"{report.source.name}: {report.network}"


def lines(reports: Iterable[Report], policy: Policy) -> Iterator[str]:
    for report in reports:
        for d in report.diagnostics:
            if policy.shown(d):
                yield one_line(d, report.source)


def explained(report: Report, policy: Policy, color: bool) -> Iterator[str]:
    """Every shown problem with its source line and working, then every answer with its verdict."""
    for d in report.diagnostics:
        if policy.shown(d):
            yield render_diagnostic(d, report.source, color)
    name = suite_name(report)
    if not report.answers:
        yield f"{name}: no answers written (add `-> 55x55x96` after a layer to check one)"
        return
    yield f"{name}: " + verdict_line(verdict_counts([report]))
    for a in report.answers:
        ln, _ = report.source.line_col(a.span.start)
        what = f"{a.label} {a.quantity}".strip()
        if a.verdict == "right":
            verdict = "right"
        elif a.verdict == "wrong":
            verdict = f"WRONG, computed {a.actual}" + (f" ({a.reason})" if a.reason else "")
        else:
            verdict = f"not checked: {a.reason}"
        yield f"  line {ln}: {what} {a.expected}: {verdict}"
        yield from (f"      {w}" for w in a.working)


def github(reports: Iterable[Report], policy: Policy) -> Iterator[str]:
    """`::error file=F,line=L,col=C,title=CODE::message` workflow commands, escaped as GitHub wants."""
    for report in reports:
        for d in report.diagnostics:
            if not policy.shown(d):
                continue
            ln, col = report.source.position(d)
            props = ",".join(f"{k}={_escape(v, True)}" for k, v in
                             (("file", report.source.name), ("line", ln), ("col", col), ("title", d.code)))
            text = d.message + (f" (hint: {d.hint})" if d.hint else "")
            yield f"::{LEVELS[d.severity]} {props}::{_escape(text, False)}"


def _escape(value: object, prop: bool) -> str:
    text = str(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def junit(reports: Iterable[Report], policy: Policy) -> Iterator[str]:
    """One test suite per network: a case for the network itself and one per answer written in it
    (failed when wrong, skipped with the reason when it could not be checked)."""
    root = ET.Element("testsuites", name="cnncalc")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for report in reports:
        name = suite_name(report)
        suite = ET.SubElement(root, "testsuite", name=name)
        counts = {"tests": 1, "failures": 0, "skipped": 0}
        case = ET.SubElement(suite, "testcase", classname=name, name="analyses without errors")
        bad = [d for d in report.diagnostics if policy.fails(d) and not d.code.expectation and d.code != "N046"]
        if bad:
            counts["failures"] += 1
            failure = ET.SubElement(case, "failure", message=bad[0].message, type=bad[0].code)
            failure.text = "\n".join(one_line(d, report.source) for d in bad)
        for a in report.answers:
            ln, _ = report.source.line_col(a.span.start)
            what = f"{a.label} {a.quantity}".strip()
            case = ET.SubElement(suite, "testcase", classname=name, name=f"line {ln}: {what} = {a.expected}")
            counts["tests"] += 1
            if a.verdict == "wrong":
                counts["failures"] += 1
                failure = ET.SubElement(case, "failure", message=f"expected {a.expected}, computed {a.actual}"
                                        + (f" ({a.reason})" if a.reason else ""), type="answer")
                failure.text = "\n".join(a.working)
            elif a.verdict == "unchecked":
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", message=f"not checked: {a.reason}")
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("errors", "0")
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("errors", "0")
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    yield ET.tostring(root, encoding="unicode")


def sarif(reports: Iterable[Report], policy: Policy) -> Iterator[str]:
    """SARIF 2.1.0, for code-scanning uploads."""
    import json  # here: the other formats are written without it
    used: set[str] = set()
    results: list[dict[str, Any]] = []
    for report in reports:
        for d in report.diagnostics:
            if not policy.shown(d):
                continue
            used.add(str(d.code))
            ln, col = report.source.position(d)
            results.append({
                "ruleId": str(d.code), "level": {"error": "error", "warning": "warning", "note": "note"}[d.severity],
                "message": {"text": d.message + (f" Hint: {d.hint}" if d.hint else "")},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(report.source.name)},
                                                    "region": {"startLine": ln, "startColumn": col}}}],
            })
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "cnncalc", "informationUri": "https://pypi.org/project/cnncalc/",
                                      "rules": [{"id": c, "shortDescription": {"text": CODES[c].headline},
                                                 "fullDescription": {"text": CODES[c].explanation}}
                                                for c in sorted(used)]}},
                  "columnKind": "unicodeCodePoints", "results": results}],  # cnncalc's columns count characters
    }
    yield json.dumps(doc, indent=2)


def _uri(name: str) -> str:
    """A file's name as SARIF's `uri`, a URI reference (RFC 3986): `/`-separated and percent-encoded (`my
    nets/a.spec` as `my%20nets/a.spec`); an absolute path as a `file:` URI."""
    import os
    from urllib.parse import quote
    path = name.replace(os.sep, "/")
    if os.path.isabs(name):
        return "file://" + quote(path if path.startswith("/") else "/" + path)
    return quote(path)


def markdown(reports: Iterable[Report], policy: Policy, files: int) -> Iterator[str]:
    """The summary, then a table of the problems (collected as the reports pass, then written)."""
    tally = Tally(policy)
    table: list[str] = []
    for report in tally.counting(reports):
        for d in report.diagnostics:
            if policy.shown(d):
                ln, col = report.source.position(d)
                hint = f" — _{d.hint.replace('|', chr(92) + '|')}_" if d.hint else ""
                message = d.message.replace("|", "\\|") + hint
                table.append(f"| `{report.source.name}` | {ln}:{col} | {d.severity} | `{d.code}` | {message} |")
    yield f"**cnncalc**: {tally.summary(files)}."
    yield ""
    if table:
        yield "| File | Line | Severity | Code | Message |"
        yield "|---|---:|---|---|---|"
        yield from table
