"""The results of judging a note: dataclasses that are also the JSON contract.

``NoteResult.to_dict()`` is the object ``--format json`` prints, one per note.
Its keys and their order are a stable contract pinned by the tests: add keys,
never rename or remove them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class CriterionResult:
    id: str
    title: str
    status: str  # met | partial | missing
    weight: float
    score: float
    level: str
    evidence: list[Evidence]
    message: str
    suggestion: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "weight": _num(self.weight),
            "score": _num(self.score),
            "evidence": [e.to_dict() for e in self.evidence],
            "message": self.message,
            "suggestion": self.suggestion,
            "title": self.title,
            "level": self.level,
        }


@dataclass
class Finding:
    id: str
    title: str
    message: str
    level: str
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "message": self.message,
            "level": self.level,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass
class NoteResult:
    source: str
    rubric: str
    score: float
    passed: bool
    criteria: list[CriterionResult]
    facts: dict[str, Any]
    diary: bool
    findings: list[Finding]
    text: str = ""

    def criterion(self, cid: str) -> CriterionResult:
        for c in self.criteria:
            if c.id == cid:
                return c
        raise KeyError(cid)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "rubric": self.rubric,
            "score": _num(self.score),
            "passed": self.passed,
            "criteria": [c.to_dict() for c in self.criteria],
            "facts": dict(self.facts),
            "diary": self.diary,
            "findings": [f.to_dict() for f in self.findings],
        }


def _num(v: float) -> float | int:
    return int(v) if float(v).is_integer() else round(v, 1)
