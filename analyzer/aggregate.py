"""Aggregate scored notes into a manager's view: team, reps, weeks, customers.

``TeamAggregate.add`` takes one ``NoteSummary`` at a time and keeps only
counters, per-rep best / worst notes and per-customer state, so memory grows
with the number of reps and customers, never with the number of notes.
``finish`` applies the method: a customer whose first KP is not met three
days after the first visit is to be cleaned out (D); a customer with the KP
met, the need and the payment ability confirmed is to be signed (A); each rep
is measured against 3 effective new customers a day and under 10 sleeping
customers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .results import NoteResult

KP_DAYS = 3
EFFECTIVE_PER_DAY = 3
SLEEPING_LIMIT = 10
EXCERPT_CHARS = 120


@dataclass
class NoteSummary:
    """What the report needs of one scored note (no tokens, no evidence)."""

    source: str
    rep: str
    customer: str
    date: dt.date | None
    cls: str
    score: float
    passed: bool
    statuses: dict[str, str]
    facts: dict[str, Any]
    diary: bool
    excerpt: str

    @classmethod
    def of(
        cls, result: NoteResult, rep: str = "", customer: str = "", date=None, crm_class: str = ""
    ) -> NoteSummary:
        text = " ".join(result.text.split())
        return cls(
            source=result.source,
            rep=rep,
            customer=customer,
            date=date,
            cls=crm_class,
            score=result.score,
            passed=result.passed,
            statuses={c.id: c.status for c in result.criteria},
            facts=dict(result.facts),
            diary=result.diary,
            excerpt=text[:EXCERPT_CHARS] + ("…" if len(text) > EXCERPT_CHARS else ""),
        )


@dataclass
class _Rep:
    notes: int = 0
    score_sum: float = 0.0
    met: dict[str, int] = field(default_factory=dict)
    partial: dict[str, int] = field(default_factory=dict)
    best: NoteSummary | None = None
    worst: NoteSummary | None = None
    diaries: int = 0
    new_customers: int = 0
    effective_new: int = 0
    first_date: dt.date | None = None
    last_date: dt.date | None = None


@dataclass(slots=True)
class _Customer:
    name: str
    rep: str
    visits: int = 0
    first: dt.date | None = None
    last: dt.date | None = None
    kp_met: str = "unknown"
    kp_met_on: dt.date | None = None
    need: str = "unknown"
    payment: bool = False
    crm_class: str = ""


class TeamAggregate:
    def __init__(self, rubric) -> None:
        self.rubric = rubric
        self.criteria = [(c.id, c.title) for c in rubric.criteria]
        self.notes = 0
        self.passed = 0
        self.score_sum = 0.0
        self.bins = [0] * 10
        self.reps: dict[str, _Rep] = {}
        self.weeks: dict[tuple[int, int], list[float]] = {}
        self.customers: dict[tuple[str, str], _Customer] = {}
        self.errors: list[tuple[str, str]] = []
        self.first_date: dt.date | None = None
        self.last_date: dt.date | None = None

    def add_error(self, source: str, message: str) -> None:
        self.errors.append((source, message))

    def add(self, s: NoteSummary) -> None:
        self.notes += 1
        self.passed += s.passed
        self.score_sum += s.score
        self.bins[min(9, int(s.score // 10))] += 1
        rep = self.reps.setdefault(s.rep or "（未填）", _Rep())
        rep.notes += 1
        rep.score_sum += s.score
        rep.diaries += s.diary
        for cid, st in s.statuses.items():
            if st == "met":
                rep.met[cid] = rep.met.get(cid, 0) + 1
            elif st == "partial":
                rep.partial[cid] = rep.partial.get(cid, 0) + 1
        if rep.best is None or s.score > rep.best.score:
            rep.best = s
        if rep.worst is None or s.score < rep.worst.score:
            rep.worst = s
        if s.date:
            self.first_date = min(self.first_date or s.date, s.date)
            self.last_date = max(self.last_date or s.date, s.date)
            rep.first_date = min(rep.first_date or s.date, s.date)
            rep.last_date = max(rep.last_date or s.date, s.date)
            iso = s.date.isocalendar()
            self.weeks.setdefault((iso[0], iso[1]), []).append(s.score)
        if s.customer:
            self._customer(s, rep)

    def _customer(self, s: NoteSummary, rep: _Rep) -> None:
        key = (s.customer, s.rep)
        c = self.customers.get(key)
        if c is None:
            c = self.customers[key] = _Customer(s.customer, s.rep)
            rep.new_customers += 1
            if (
                s.statuses.get("kp_identified") == "met"
                and s.statuses.get("need_confirmed") == "met"
            ):
                rep.effective_new += (
                    1  # 有效开发: the first visit found the KP situation and the need
                )
        c.visits += 1
        if s.date:
            c.first = min(c.first or s.date, s.date)
            c.last = max(c.last or s.date, s.date)
        kp = s.facts.get("kp_met")
        if kp == "yes":
            c.kp_met = "yes"
            c.kp_met_on = min(c.kp_met_on or s.date, s.date) if s.date else c.kp_met_on
        elif kp == "no" and c.kp_met != "yes":
            c.kp_met = "no"
        need = s.facts.get("need")
        if need in ("yes", "no"):
            c.need = need
        if s.facts.get("customer_price") is not None or s.facts.get("price_gap") is not None:
            c.payment = True
        if s.cls:
            c.crm_class = s.cls

    # -- the view -------------------------------------------------------------------------

    def finish(
        self, as_of: dt.date | None = None, sleep_days: int = 14, max_customers: int | None = None
    ) -> dict[str, Any]:
        """The report's view; ``max_customers`` keeps the most urgent (D, then A) for a page."""
        as_of = as_of or self.last_date
        working_days = _working_days(self.first_date, self.last_date)
        suggestions = {
            c.id: c.suggestions.get("missing") or c.suggestions.get("partial")
            for c in self.rubric.criteria
        }
        reps = []
        for name in sorted(self.reps):
            r = self.reps[name]
            rates = {cid: r.met.get(cid, 0) / r.notes for cid, _ in self.criteria}
            weakest = sorted(self.criteria, key=lambda c: (rates[c[0]], c[0]))[:3]
            mine = [c for c in self.customers.values() if c.rep == name]
            sleeping = [c for c in mine if as_of and c.last and (as_of - c.last).days > sleep_days]
            reps.append(
                {
                    "name": name,
                    "notes": r.notes,
                    "mean": round(r.score_sum / r.notes, 1),
                    "met_rate": rates,
                    "partial_rate": {
                        cid: r.partial.get(cid, 0) / r.notes for cid, _ in self.criteria
                    },
                    "weakest": [
                        {
                            "id": cid,
                            "title": title,
                            "met_rate": rates[cid],
                            "advice": suggestions.get(cid) or "",
                        }
                        for cid, title in weakest
                    ],
                    "best": _note(r.best),
                    "worst": _note(r.worst),
                    "diaries": r.diaries,
                    "new_customers": r.new_customers,
                    "effective_new": r.effective_new,
                    "effective_per_day": round(r.effective_new / working_days, 2)
                    if working_days
                    else None,
                    "sleeping": len(sleeping),
                }
            )
        customers = [self._customer_view(c, as_of) for c in self.customers.values()]
        customers.sort(key=lambda c: ({"D": 0, "A": 1}.get(c["suggested"], 2), c["rep"], c["name"]))
        customers_total = len(customers)
        if max_customers is not None:
            del customers[max_customers:]
        weeks = [
            {"week": f"{y}-W{w:02d}", "notes": len(v), "mean": round(sum(v) / len(v), 1)}
            for (y, w), v in sorted(self.weeks.items())
        ]
        return {
            "rubric": {
                "name": self.rubric.name,
                "title": self.rubric.title,
                "pass_score": self.rubric.pass_score,
            },
            "criteria": [{"id": cid, "title": title} for cid, title in self.criteria],
            "team": {
                "notes": self.notes,
                "errors": len(self.errors),
                "rows": self.notes + len(self.errors),
                "mean": round(self.score_sum / self.notes, 1) if self.notes else 0,
                "passed": self.passed,
                "bins": [
                    {"range": f"{i * 10}-{i * 10 + 9 if i < 9 else 100}", "count": n}
                    for i, n in enumerate(self.bins)
                ],
                "first_date": _iso(self.first_date),
                "last_date": _iso(self.last_date),
                "working_days": working_days,
                "as_of": _iso(as_of),
                "sleep_days": sleep_days,
            },
            "targets": {
                "effective_per_day": EFFECTIVE_PER_DAY,
                "sleeping_max": SLEEPING_LIMIT,
                "kp_days": KP_DAYS,
            },
            "reps": reps,
            "weeks": weeks,
            "customers": customers,
            "customers_total": customers_total,
            "errors": [{"source": s, "message": m} for s, m in self.errors],
        }

    def _customer_view(self, c: _Customer, as_of: dt.date | None) -> dict[str, Any]:
        days_without_kp = None
        if c.kp_met != "yes" and c.first and as_of:
            days_without_kp = (as_of - c.first).days
        if c.kp_met != "yes" and days_without_kp is not None and days_without_kp > KP_DAYS:
            suggested, reason = (
                "D",
                f"首次拜访{days_without_kp}天仍未见到第一KP，按方法应清理，不再花时间",
            )
        elif c.need == "no":
            suggested, reason = "D", "客户明确没有需求，转D类"
        elif c.kp_met == "yes" and c.need == "yes" and c.payment:
            suggested, reason = (
                "A",
                "已见第一KP，需求和付款能力已确认：下次拜访争取当场签单，不签就转D",
            )
        else:
            missing = [
                label
                for label, ok in (
                    ("第一KP", c.kp_met == "yes"),
                    ("需求", c.need == "yes"),
                    ("付款能力", c.payment),
                )
                if not ok
            ]
            suggested, reason = "", "还没确认：" + "、".join(missing)
        return {
            "name": c.name,
            "rep": c.rep,
            "visits": c.visits,
            "first": _iso(c.first),
            "last": _iso(c.last),
            "kp_met": c.kp_met,
            "days_without_kp": days_without_kp,
            "need": c.need,
            "payment": c.payment,
            "crm_class": c.crm_class,
            "suggested": suggested,
            "reason": reason,
        }


def _note(s: NoteSummary | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {
        "source": s.source,
        "score": s.score,
        "excerpt": s.excerpt,
        "customer": s.customer,
        "date": _iso(s.date),
    }


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _working_days(first: dt.date | None, last: dt.date | None) -> int:
    if not first or not last:
        return 0
    days = (last - first).days + 1
    return sum(1 for i in range(days) if (first + dt.timedelta(days=i)).weekday() < 5)
