"""Named fact extractors a rubric's ``facts`` block refers to.

Each extractor is generic and takes its words and conditions from the YAML:

``polarity``    yes / no / unknown from two conditions (``yes:``, ``no:``);
                ``prefer`` says which wins when both hold; ``unsure:`` (the note says it
                does not know) makes it unknown.
``amount``      the last (or first) price of a role: ``role: ours|customer``; with
                ``paired_with: <role>``, of those a stated gap separates from a price of that
                role, when there are any.
``amount_gap``  a gap stated as an amount (差了8千), else ``ours - customer``
                from two other facts; ``cheaper: [words]`` makes a stated gap said as how
                much cheaper we are (便宜3毛) negative.
``time_of``     the first time phrase (of ``kinds``) among the hits of a condition,
                e.g. the evidence of the ``next_step`` criterion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import rxcache
from .conditions import Condition, ConditionError, Hit, Lexicons, compile_condition

if TYPE_CHECKING:
    from .judge import Context


@dataclass
class FactValue:
    value: Any
    hits: list[Hit] = field(default_factory=list)


class Extractor:
    def extract(self, ctx: Context) -> FactValue:  # pragma: no cover - interface
        raise NotImplementedError

    def conditions(self) -> list[Condition]:
        return []

    def fact_refs(self) -> set[str]:
        return set()


@dataclass
class Polarity(Extractor):
    yes: Condition | None
    no: Condition | None
    prefer: str = "yes"
    # The note says it does not know (不确定他能不能拍板): unknown, whatever else it says.
    unsure: Condition | None = None

    def extract(self, ctx: Context) -> FactValue:
        if self.unsure is not None and self.unsure.evaluate(ctx).ok:
            return FactValue("unknown")
        order = [("yes", self.yes), ("no", self.no)]
        if self.prefer == "no":
            order.reverse()
        for value, cond in order:
            if cond is not None:
                r = cond.evaluate(ctx)
                if r.ok:
                    return FactValue(value, r.hits)
        return FactValue("unknown")

    def conditions(self) -> list[Condition]:
        return [c for c in (self.yes, self.no, self.unsure) if c is not None]


@dataclass
class AmountFact(Extractor):
    role: str
    pick: str = "last"
    # 预算420万…我们报460万，差40万: the figures a stated gap measures, when there are such.
    paired_with: str | None = None

    def extract(self, ctx: Context) -> FactValue:
        prices = [p for p in ctx.prices if p.role == self.role]
        if not prices:
            return FactValue(None)
        # 差7块…一平差7块: the stated gap said again is the gap, not a side's price.
        gaps = {p.value for p in ctx.prices if p.role == "gap"}
        if gaps:
            prices = [p for p in prices if p.value not in gaps] or prices
        # An amount whose side a word names beats one that only took the default side.
        prices = [p for p in prices if p.strong] or prices
        if gaps and self.paired_with:
            others = [p.value for p in ctx.prices if p.role == self.paired_with]
            prices = [
                p
                for p in prices
                if any(abs(abs(o - p.value) - g) <= 0.5 for o in others for g in gaps)
            ] or prices
        p = prices[-1] if self.pick == "last" else prices[0]
        return FactValue(_number(p.value), [Hit(p.start, p.end, "amount", p.role, p.value)])


@dataclass
class AmountGap(Extractor):
    ours: str
    customer: str
    # Words that say a stated gap is how much cheaper we are (便宜3毛): ours below theirs.
    cheaper: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        alt = "|".join(re.escape(w) for w in self.cheaper)
        self._cheaper_before = rxcache.compile(rf"(?:{alt})了?(?:个|了)?\s*$") if alt else None

    def extract(self, ctx: Context) -> FactValue:
        stated = [p for p in ctx.prices if p.role == "gap"]
        ours = ctx.fact(self.ours)
        theirs = ctx.fact(self.customer)
        both = isinstance(ours.value, int | float) and isinstance(theirs.value, int | float)
        if stated:
            p = stated[-1]
            value = p.value
            cheaper = self._cheaper_before
            if (
                cheaper is not None
                and cheaper.search(ctx.doc.norm, max(0, p.start - 4), p.start)
                and not (both and ours.value > theirs.value)
            ):
                value = -value  # 我报2块9 … 便宜3毛: we are the cheaper side, so ours - theirs < 0
            return FactValue(_number(value), [Hit(p.start, p.end, "amount", "gap", p.value)])
        if both:
            return FactValue(_number(ours.value - theirs.value), ours.hits + theirs.hits)
        return FactValue(None)

    def fact_refs(self) -> set[str]:
        return {self.ours, self.customer}


@dataclass
class TimeOf(Extractor):
    source: Condition
    kinds: tuple[str, ...] = ("future",)

    def extract(self, ctx: Context) -> FactValue:
        r = self.source.evaluate(ctx)
        if not r.ok:
            return FactValue(None)
        times = sorted(
            (
                h
                for h in r.hits
                if h.kind == "time" and (h.label in self.kinds or "any" in self.kinds)
            ),
            key=lambda h: h.start,
        )
        if not times:
            return FactValue(None)
        t = times[0]
        return FactValue(ctx.doc.text[t.start : t.end], [t])

    def conditions(self) -> list[Condition]:
        return [self.source]


def _number(v: float) -> float | int:
    return int(v) if float(v).is_integer() else round(v, 2)


EXTRACTOR_KEYS: dict[str, set[str]] = {
    "polarity": {"yes", "no", "prefer", "unsure"},
    "amount": {"role", "pick", "paired_with"},
    "amount_gap": {"ours", "customer", "cheaper"},
    "time_of": {"from", "kinds"},
}


def compile_extractor(node: Any, lexicons: Lexicons) -> Extractor:
    if not isinstance(node, dict):
        raise ConditionError(node, "", "a fact must be a mapping with an 'extractor'")
    kind = node.get("extractor")
    if kind not in EXTRACTOR_KEYS:
        raise ConditionError(
            node, "extractor", f"unknown extractor '{kind}' (known: {', '.join(EXTRACTOR_KEYS)})"
        )
    allowed = EXTRACTOR_KEYS[kind] | {"extractor", "description"}
    extra = sorted(set(node) - allowed)
    if extra:
        raise ConditionError(node, extra[0], f"'{extra[0]}' is not an option of extractor '{kind}'")
    if kind == "polarity":
        prefer = node.get("prefer", "yes")
        if prefer not in ("yes", "no"):
            raise ConditionError(node, "prefer", "'prefer' must be yes or no")
        yes = compile_condition(node["yes"], lexicons) if "yes" in node else None
        no = compile_condition(node["no"], lexicons) if "no" in node else None
        unsure = compile_condition(node["unsure"], lexicons) if "unsure" in node else None
        return Polarity(yes, no, prefer, unsure)
    if kind == "amount":
        role = node.get("role")
        if role not in ("ours", "customer"):
            raise ConditionError(node, "role", "'role' must be ours or customer")
        pick = node.get("pick", "last")
        if pick not in ("first", "last"):
            raise ConditionError(node, "pick", "'pick' must be first or last")
        paired_with = node.get("paired_with")
        if paired_with is not None and paired_with not in ("ours", "customer"):
            raise ConditionError(node, "paired_with", "'paired_with' must be ours or customer")
        return AmountFact(role, pick, paired_with)
    if kind == "amount_gap":
        for k in ("ours", "customer"):
            if not isinstance(node.get(k), str):
                raise ConditionError(node, k, f"'{k}' must name a fact")
        cheaper = node.get("cheaper", [])
        if not isinstance(cheaper, list) or not all(isinstance(w, str) for w in cheaper):
            raise ConditionError(node, "cheaper", "'cheaper' must be a list of words")
        return AmountGap(node["ours"], node["customer"], tuple(cheaper))
    if "from" not in node:
        raise ConditionError(node, "from", "'from' (a condition) is required")
    kinds = node.get("kinds", ["future"])
    kinds = tuple(kinds if isinstance(kinds, list) else [kinds])
    return TimeOf(compile_condition(node["from"], lexicons), kinds)
