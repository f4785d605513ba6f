"""Measure a rubric against labelled notes: per-criterion accuracy, confusion tables, fact accuracy.

Labelled notes are JSONL objects ``{"id", "text", "labels": {criterion: status},
"facts": {...}, "diary": bool}`` or a CSV with a ``text`` column and one
column per criterion. Amounts agree within 0.5 yuan; ``next_step_when``
agrees when both are null or one contains the other.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .judge import analyze_text
from .results import NoteResult
from .rubric import Rubric
from .tables import iter_json_lines

STATUSES = ("met", "partial", "missing")
AMOUNT_FACTS = ("our_price", "customer_price", "price_gap")


class LabelError(Exception):
    pass


@dataclass
class LabelledNote:
    id: str
    text: str
    labels: dict[str, str]
    facts: dict[str, Any]
    diary: bool | None


@dataclass
class Disagreement:
    note_id: str
    key: str
    expected: Any
    given: Any
    evidence: list[str] = field(default_factory=list)


@dataclass
class CriterionScore:
    id: str
    total: int = 0
    correct: int = 0
    binary_correct: int = 0
    confusion: dict[str, dict[str, int]] = field(
        default_factory=lambda: {e: dict.fromkeys(STATUSES, 0) for e in STATUSES}
    )

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def binary_accuracy(self) -> float:
        return self.binary_correct / self.total if self.total else 0.0


@dataclass
class FactScore:
    name: str
    total: int = 0
    correct: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass
class Evaluation:
    notes: int
    criteria: list[CriterionScore]
    facts: list[FactScore]
    diary: FactScore
    errors: list[Disagreement]

    @property
    def mean_accuracy(self) -> float:
        scored = [c for c in self.criteria if c.total]
        return sum(c.accuracy for c in scored) / len(scored) if scored else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "notes": self.notes,
            "mean_accuracy": round(self.mean_accuracy, 4),
            "criteria": [
                {
                    "id": c.id,
                    "n": c.total,
                    "accuracy": round(c.accuracy, 4),
                    "met_accuracy": round(c.binary_accuracy, 4),
                    "confusion": c.confusion,
                }
                for c in self.criteria
            ],
            "facts": [
                {"name": f.name, "n": f.total, "accuracy": round(f.accuracy, 4)}
                for f in [*self.facts, self.diary]
            ],
            "errors": [
                {
                    "id": d.note_id,
                    "key": d.key,
                    "expected": d.expected,
                    "given": d.given,
                    "evidence": d.evidence,
                }
                for d in self.errors
            ],
        }


def read_labelled(path: Path) -> Iterator[LabelledNote]:
    if path.suffix.lower() == ".csv":
        yield from _read_csv(path)
        return
    for lineno, obj, problem in iter_json_lines(path, "utf-8-sig"):
        if obj is None:
            raise LabelError(f"{path}:{lineno}: {problem}")
        if not isinstance(obj.get("text"), str):
            raise LabelError(f"{path}:{lineno}: needs an object with a 'text' string")
        labels = obj.get("labels") or {}
        if not isinstance(labels, dict):
            raise LabelError(f"{path}:{lineno}: 'labels' must be an object")
        for k, v in labels.items():
            if v not in STATUSES:
                raise LabelError(f"{path}:{lineno}: labels.{k}: '{v}' is not met/partial/missing")
        yield LabelledNote(
            str(obj.get("id", lineno)),
            obj["text"],
            labels,
            obj.get("facts") or {},
            obj.get("diary"),
        )


def _read_csv(path: Path) -> Iterator[LabelledNote]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "text" not in reader.fieldnames:
            raise LabelError(f"{path}: needs a 'text' column")
        for rowno, row in enumerate(reader, 2):
            labels = {}
            for k, v in row.items():
                if k in ("id", "text") or not v:
                    continue
                v = v.strip()
                if v in STATUSES:
                    labels[k] = v
            yield LabelledNote(str(row.get("id") or rowno), row["text"] or "", labels, {}, None)


def _same_fact(name: str, expected: Any, given: Any) -> bool:
    if name in AMOUNT_FACTS or (
        isinstance(expected, int | float) and not isinstance(expected, bool)
    ):
        if expected is None or given is None:
            return expected is None and given is None
        try:
            return abs(float(expected) - float(given)) <= 0.5
        except (TypeError, ValueError):
            return False
    if name == "next_step_when":
        if not expected or not given:
            return not expected and not given
        return expected in given or given in expected
    return expected == given


def evaluate(notes: Iterable[LabelledNote], rubric: Rubric) -> Evaluation:
    crit_ids = [c.id for c in rubric.criteria]
    crit_scores = {c: CriterionScore(c) for c in crit_ids}
    fact_scores: dict[str, FactScore] = {}
    diary = FactScore("diary")
    errors: list[Disagreement] = []
    count = 0
    for note in notes:
        count += 1
        result: NoteResult = analyze_text(note.text, rubric, source=note.id)
        for c in result.criteria:
            expected = note.labels.get(c.id)
            if expected is None:
                continue
            s = crit_scores[c.id]
            s.total += 1
            s.confusion[expected][c.status] += 1
            if expected == c.status:
                s.correct += 1
            else:
                errors.append(
                    Disagreement(note.id, c.id, expected, c.status, [e.text for e in c.evidence])
                )
            if (expected == "met") == (c.status == "met"):
                s.binary_correct += 1
        for name, expected in note.facts.items():
            if name not in result.facts:
                continue
            f = fact_scores.setdefault(name, FactScore(name))
            f.total += 1
            given = result.facts[name]
            if _same_fact(name, expected, given):
                f.correct += 1
            else:
                errors.append(Disagreement(note.id, f"facts.{name}", expected, given))
        if note.diary is not None:
            diary.total += 1
            if bool(note.diary) == result.diary:
                diary.correct += 1
            else:
                errors.append(Disagreement(note.id, "diary", note.diary, result.diary))
    return Evaluation(count, list(crit_scores.values()), list(fact_scores.values()), diary, errors)


def render_table(ev: Evaluation, show_errors: bool = False) -> str:
    lines = [f"{ev.notes} notes", ""]
    lines.append(
        f"{'criterion':<18}{'n':>5}{'acc':>8}{'met/not':>9}   confusion (rows: label; cols: met partial missing)"
    )
    # Wide enough for the largest count, so 28 and 1597 never run together (281597).
    counts = [n for c in ev.criteria for row in c.confusion.values() for n in row.values()]
    w = max([3, *(len(str(n)) for n in counts)])
    for c in ev.criteria:
        conf = "  ".join(
            f"{e[:4]}:" + " ".join(f"{c.confusion[e][g]:>{w}}" for g in STATUSES) for e in STATUSES
        )
        lines.append(f"{c.id:<18}{c.total:>5}{c.accuracy:>8.3f}{c.binary_accuracy:>9.3f}   {conf}")
    lines.append(f"{'mean':<18}{'':>5}{ev.mean_accuracy:>8.3f}")
    lines.append("")
    lines.append(f"{'fact':<18}{'n':>5}{'acc':>8}")
    for f in [*ev.facts, ev.diary]:
        lines.append(f"{f.name:<18}{f.total:>5}{f.accuracy:>8.3f}")
    if show_errors and ev.errors:
        lines.append("")
        lines.append("disagreements (id  key  expected -> given  evidence)")
        for d in ev.errors:
            ev_text = " | ".join(d.evidence)
            lines.append(f"{d.note_id}  {d.key}  {d.expected} -> {d.given}  {ev_text}")
    return "\n".join(lines)


def load_labelled(path: str | Path) -> list[LabelledNote]:
    return list(read_labelled(Path(path)))
