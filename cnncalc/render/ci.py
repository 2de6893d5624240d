"""Formats for CI and graders: one line per problem, GitHub annotations, JUnit XML, SARIF and a
markdown table. Each takes the reports of one `cnncalc check` run."""
from __future__ import annotations

import json
from typing import Any
from xml.etree import ElementTree as ET

from cnncalc.codes import CODES
from cnncalc.diagnostics import Diagnostic
from cnncalc.render.diagnostics import location
from cnncalc.report import Report

LEVELS = {"error": "error", "warning": "warning", "note": "notice"}


def line(report: Report, d: Diagnostic) -> str:
    ln, col = location(d, report.source)
    return f"{report.source.name}:{ln}:{col}: {d.severity}[{d.code}]: {d.message}"


def summary(reports: list[Report], failing: dict[str, list[Diagnostic]]) -> str:
    count = sum(len(v) for v in failing.values())
    files = sum(1 for v in failing.values() if v)
    specs = f"{len(reports)} spec{'s' if len(reports) != 1 else ''}"
    if not count:
        return f"{specs}, no problems"
    return f"{specs}, {count} problem{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}"


def github(reports: list[Report]) -> str:
    """`::error file=F,line=L,col=C,title=CODE::message` workflow commands, escaped as GitHub wants."""
    out = []
    for report in reports:
        for d in report.diagnostics:
            ln, col = location(d, report.source)
            props = ",".join(f"{k}={_escape(v, True)}" for k, v in
                             (("file", report.source.name), ("line", ln), ("col", col), ("title", d.code)))
            text = d.message + (f" (hint: {d.hint})" if d.hint else "")
            out.append(f"::{LEVELS[d.severity]} {props}::{_escape(text, False)}")
    return "\n".join(out)


def _escape(value: object, prop: bool) -> str:
    text = str(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def junit(reports: list[Report], strict: bool) -> str:
    """One test suite per spec: a test case for the spec itself and one per expectation written in it."""
    root = ET.Element("testsuites", name="cnncalc")
    total = failed = 0
    for report in reports:
        suite = ET.SubElement(root, "testsuite", name=report.source.name)
        cases = 0
        failures = 0
        spec_case = ET.SubElement(suite, "testcase", classname=report.source.name, name="analyses without errors")
        bad = [d for d in report.diagnostics if (strict or d.severity == "error") and d.code not in _EXPECTATION_CODES]
        cases += 1
        if bad:
            failures += 1
            failure = ET.SubElement(spec_case, "failure", message=bad[0].message, type=bad[0].code)
            failure.text = "\n".join(line(report, d) for d in bad)
        for check in report.checks:
            ln, _ = report.source.line_col(check.span.start)
            what = f"{check.path} {check.quantity}".strip()
            case = ET.SubElement(suite, "testcase", classname=report.source.name,
                                 name=f"line {ln}: {what} = {check.expected}")
            cases += 1
            if not check.ok:
                failures += 1
                failure = ET.SubElement(case, "failure", message=f"expected {check.expected}, computed {check.actual}",
                                        type="expectation")
                failure.text = "\n".join(check.working)
        suite.set("tests", str(cases))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total, failed = total + cases, failed + failures
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


_EXPECTATION_CODES = {"E040", "E041", "E042", "E043", "E044"}  # reported by their own test cases


def sarif(reports: list[Report]) -> str:
    """SARIF 2.1.0, for code-scanning uploads."""
    used = sorted({d.code for r in reports for d in r.diagnostics})
    results: list[dict[str, Any]] = []
    for report in reports:
        for d in report.diagnostics:
            ln, col = location(d, report.source)
            results.append({
                "ruleId": d.code, "level": {"error": "error", "warning": "warning", "note": "note"}[d.severity],
                "message": {"text": d.message + (f" Hint: {d.hint}" if d.hint else "")},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": report.source.name},
                                                    "region": {"startLine": ln, "startColumn": col}}}],
            })
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "cnncalc", "rules": [
            {"id": c, "shortDescription": {"text": CODES[c].title}, "fullDescription": {"text": CODES[c].explanation}}
            for c in used]}}, "results": results}],
    }
    return json.dumps(doc, indent=2)


def markdown(reports: list[Report], failing: dict[str, list[Diagnostic]]) -> str:
    rows = ["| File | Line | Severity | Code | Message |", "|---|---:|---|---|---|"]
    for report in reports:
        for d in report.diagnostics:
            ln, col = location(d, report.source)
            message = d.message.replace("|", "\\|") + (f" — _{d.hint.replace('|', chr(92) + '|')}_" if d.hint else "")
            rows.append(f"| `{report.source.name}` | {ln}:{col} | {d.severity} | `{d.code}` | {message} |")
    verdict = summary(reports, failing)
    if len(rows) == 2:
        return f"**cnncalc**: {verdict}.\n"
    return f"**cnncalc**: {verdict}.\n\n" + "\n".join(rows) + "\n"
