"""``check``: pass/fail verdicts on notes, with findings that point at a file, line and column.

A finding is a criterion that is not met: a missing criterion at the rubric's
level, a partial one a level lower, and one below what ``require`` asks for
always an ``error``. A note fails when its score is under the bar
(``fail-under``, else the rubric's pass score), when it has an ``error``
finding, or, with ``--strict``, a ``warning``. Findings point at the evidence,
or at the start of the note (a table's row) when there is none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .config import STATUS_RANK
from .results import NoteResult

LEVELS = ("info", "warning", "error")
LEVEL_RANK = {lv: i for i, lv in enumerate(LEVELS)}
_LOWER = {"error": "warning", "warning": "info", "info": "info"}


@dataclass
class CheckFinding:
    rule: str  # criterion id, or "score" / a finding id
    title: str
    level: str
    message: str
    line: int
    col: int  # characters, 1-based
    end_line: int
    end_col: int
    col16: int  # the same column in UTF-16 code units (SARIF)
    end_col16: int


@dataclass
class NoteVerdict:
    file: str
    source: str
    result: NoteResult
    failed: bool
    findings: list[CheckFinding] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = self.result.to_dict()
        d["check"] = {
            "failed": self.failed,
            "reasons": self.reasons,
            "findings": [
                {
                    "rule": f.rule,
                    "level": f.level,
                    "message": f.message,
                    "line": f.line,
                    "col": f.col,
                    "end_line": f.end_line,
                    "end_col": f.end_col,
                }
                for f in self.findings
            ],
        }
        return d


def _position(text: str, offset: int, base_line: int) -> tuple[int, int, int]:
    """(line, column in characters, column in UTF-16 units), 1-based, of ``offset`` in ``text``."""
    offset = max(0, min(offset, len(text)))
    line_start = text.rfind("\n", 0, offset) + 1
    line = base_line + text.count("\n", 0, offset)
    col = offset - line_start + 1
    col16 = sum(2 if ord(c) > 0xFFFF else 1 for c in text[line_start:offset]) + 1
    return line, col, col16


def verdict(
    result: NoteResult,
    rubric,
    file: str,
    base_line: int,
    in_table: bool,
    fail_under: float,
    require: dict[str, str],
    strict: bool,
) -> NoteVerdict:
    text = result.text
    findings: list[CheckFinding] = []
    reasons: list[str] = []
    levels = {c.id: c.level for c in rubric.criteria}

    def at(start: int, end: int) -> tuple[int, int, int, int, int, int]:
        if in_table:
            # A table row: its line, column 1; the cell's place in the file line is not known.
            line = base_line + text.count("\n", 0, start)
            return line, 1, line, 1, 1, 1
        ln, col, c16 = _position(text, start, base_line)
        eln, ecol, e16 = _position(text, end, base_line)
        return ln, col, eln, ecol, c16, e16

    for c in result.criteria:
        if c.status == "met":
            continue
        wanted = require.get(c.id)
        if wanted and STATUS_RANK[c.status] < STATUS_RANK[wanted]:
            level = "error"
            reasons.append(f"{c.id} is {c.status}, required {wanted}")
        else:
            level = levels.get(c.id, "warning")
            if c.status == "partial":
                level = _LOWER[level]
        start, end = (c.evidence[0].start, c.evidence[0].end) if c.evidence else (0, 0)
        msg = c.message + (f" {c.suggestion}" if c.suggestion else "")
        findings.append(CheckFinding(c.id, c.title, level, msg, *at(start, end)))
    for f in result.findings:
        start, end = (f.evidence[0].start, f.evidence[0].end) if f.evidence else (0, 0)
        findings.append(CheckFinding(f.id, f.title, f.level, f.message, *at(start, end)))
    if result.score < fail_under:
        reasons.insert(0, f"score {result.score:g} is below {fail_under:g}")
        findings.insert(
            0,
            CheckFinding(
                "score", "得分", "error", f"得分 {result.score:g}，低于 {fail_under:g}。", *at(0, 0)
            ),
        )
    for f in findings:
        if (
            f.rule not in ("score",)
            and f.level == "error"
            and f"{f.rule} is" not in " ".join(reasons)
        ):
            reasons.append(f"{f.rule}: {f.level}")
        elif strict and f.level == "warning":
            reasons.append(f"{f.rule}: warning (--strict)")
    return NoteVerdict(file, result.source, result, bool(reasons), findings, reasons)
