"""Output formats of ``check``: text, GitHub workflow commands, JUnit XML, SARIF 2.1.0, JSON."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from . import __version__
from .check import LEVEL_RANK, NoteVerdict

SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def shown(v: NoteVerdict, min_level: str):
    return [f for f in v.findings if LEVEL_RANK[f.level] >= LEVEL_RANK[min_level]]


def summary(verdicts: list[NoteVerdict]) -> str:
    failed = sum(v.failed for v in verdicts)
    return f"{len(verdicts)} notes, {failed} failed"


def text(verdicts: Iterable[NoteVerdict], min_level: str) -> str:
    verdicts = list(verdicts)
    lines = []
    for v in verdicts:
        for f in shown(v, min_level):
            lines.append(f"{v.file}:{f.line}:{f.col}: {f.level} {f.rule} {f.message}")
    lines.append(summary(verdicts))
    return "\n".join(lines) + "\n"


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def github(verdicts: Iterable[NoteVerdict], min_level: str) -> str:
    verdicts = list(verdicts)
    lines = []
    for v in verdicts:
        for f in shown(v, min_level):
            props = ",".join(
                [
                    f"file={_gh_prop(v.file)}",
                    f"line={f.line}",
                    f"col={f.col}",
                    f"endLine={f.end_line}",
                    f"endColumn={f.end_col}",
                    f"title={_gh_prop(f'{f.rule} {f.title}')}",
                ]
            )
            lines.append(f"::{GITHUB_LEVEL[f.level]} {props}::{_gh_data(f.message)}")
    lines.append(summary(verdicts))
    return "\n".join(lines) + "\n"


def junit(verdicts: Iterable[NoteVerdict], min_level: str, strict: bool) -> str:
    verdicts = list(verdicts)
    root = ET.Element("testsuites", name="visit-analyzer")
    by_file: dict[str, list[NoteVerdict]] = {}
    for v in verdicts:
        by_file.setdefault(v.file, []).append(v)
    total = failures = 0
    for file, items in by_file.items():
        suite = ET.SubElement(root, "testsuite", name=file, tests=str(len(items)))
        suite_failures = 0
        for v in items:
            case = ET.SubElement(suite, "testcase", classname=file, name=v.source)
            for f in v.findings:
                failing = f.level == "error" or (strict and f.level == "warning")
                if failing and v.failed:
                    el = ET.SubElement(
                        case, "failure", message=f"{f.rule}: {f.message}", type=f.rule
                    )
                    el.text = f"{v.file}:{f.line}:{f.col}: {f.level} {f.rule} {f.message}"
            if v.failed:
                suite_failures += 1
            out = [f"{f.line}:{f.col}: {f.level} {f.rule} {f.message}" for f in shown(v, min_level)]
            if out:
                ET.SubElement(case, "system-out").text = "\n".join(out)
        suite.set("failures", str(suite_failures))
        suite.set("errors", "0")
        total += len(items)
        failures += suite_failures
    root.set("tests", str(total))
    root.set("failures", str(failures))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def sarif(verdicts: Iterable[NoteVerdict], rubric, min_level: str) -> str:
    verdicts = list(verdicts)
    rules = [
        {
            "id": c.id,
            "name": c.id,
            "shortDescription": {"text": c.title},
            "fullDescription": {"text": c.messages.get("missing", c.title)},
            "defaultConfiguration": {"level": SARIF_LEVEL[c.level]},
            "help": {"text": c.suggestions.get("missing", "")},
        }
        for c in rubric.criteria
    ]
    rules += [
        {
            "id": f.id,
            "name": f.id,
            "shortDescription": {"text": f.title},
            "defaultConfiguration": {"level": SARIF_LEVEL[f.level]},
        }
        for f in rubric.findings
    ]
    rules.append(
        {
            "id": "score",
            "name": "score",
            "shortDescription": {"text": "得分低于达标线"},
            "defaultConfiguration": {"level": "error"},
        }
    )
    rules.append(
        {
            "id": "truncated",
            "name": "truncated",
            "shortDescription": {"text": "只评了前一部分"},
            "defaultConfiguration": {"level": "warning"},
        }
    )
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for v in verdicts:
        for f in shown(v, min_level):
            results.append(
                {
                    "ruleId": f.rule,
                    "ruleIndex": index.get(f.rule, 0),
                    "level": SARIF_LEVEL[f.level],
                    "message": {"text": f.message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {
                                    "uri": Path(v.file).as_posix() if v.file != "-" else "stdin"
                                },
                                "region": {
                                    "startLine": f.line,
                                    "startColumn": f.col16,
                                    "endLine": f.end_line,
                                    "endColumn": max(f.end_col16, f.col16),
                                },
                            }
                        }
                    ],
                    "partialFingerprints": {"note": v.source},
                }
            )
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "visit-analyzer",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/visit-analyzer/",
                        "rules": rules,
                    }
                },
                "columnKind": "utf16CodeUnits",
                "results": results,
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def as_json(verdicts: Iterable[NoteVerdict]) -> str:
    return json.dumps([v.to_dict() for v in verdicts], ensure_ascii=False, indent=2) + "\n"
