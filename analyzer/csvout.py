"""Per-note score rows for Excel: UTF-8 with BOM, and no cell that Excel would run as a formula."""

from __future__ import annotations

import csv
from typing import Any, TextIO

from .aggregate import NoteSummary

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Prefix text that starts like a formula (=, +, -, @) with a quote; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class ScoreCsv:
    def __init__(self, fh: TextIO, criteria: list[str], facts: list[str]) -> None:
        self.criteria = criteria
        self.facts = facts
        self.writer = csv.writer(fh, lineterminator="\r\n")
        header = [
            "source",
            "rep",
            "customer",
            "date",
            "score",
            "passed",
            *criteria,
            *(f"facts.{f}" for f in facts),
            "diary",
            "error",
        ]
        fh.write("\ufeff")
        self.writer.writerow(header)

    def note(self, s: NoteSummary) -> None:
        row = [
            s.source,
            s.rep,
            s.customer,
            s.date.isoformat() if s.date else "",
            s.score,
            "yes" if s.passed else "no",
            *(s.statuses.get(c, "") for c in self.criteria),
            *("" if s.facts.get(f) is None else s.facts.get(f) for f in self.facts),
            "yes" if s.diary else "no",
            "",
        ]
        self.writer.writerow([neutralise(v) for v in row])

    def error(self, source: str, message: str) -> None:
        blanks = [""] * (len(self.criteria) + len(self.facts) + 5)
        self.writer.writerow([neutralise(source), *blanks, "", neutralise(message)])
